/* diagram.c - see diagram.h.
 *
 * Four steps: read the model into a plan (plain C arrays owned here),
 * choose what one drawing shows (the overview's top actors, or an actor
 * and its partners), build a cgraph graph from the plan, lay it out and
 * render it in a forked child; then the SVG gets its <title> and <desc>.  Graphviz 2.42 notes that shaped this file (see the project notes,
 * libraries.md sections 4 and 7):
 *   - every piece of user text goes into an HTML-like label: plain labels
 *     decode entities ("AT&amp;T" would lose its "amp;") and expand
 *     backslash escapes; HTML-like labels expand backslashes too, so they
 *     are doubled; tooltips go through two backslash passes, so they are
 *     quadrupled, and "&" is written "&amp;" (the SVG writer leaves entities
 *     alone);
 *   - C0 control characters are dropped (they would break the SVG);
 *   - URL attributes only as "<prefix><id>.html" with checked ids
 *     ([a-z0-9-]): 2.42 writes URLs unescaped, so nothing else may go in;
 *   - the plugins are linked in (gvContextPlugins), so no pango: text
 *     widths come from Graphviz's built-in metrics, which exist for
 *     Times, Courier and Arial/Helvetica only; we use Helvetica, whose
 *     metrics match what browsers substitute for it;
 *   - error messages are kept off stderr with agseterr(AGMAX) (they go to
 *     cgraph's own temporary file; aglasterr() reads the last one).
 *     agseterrf is avoided: its 2.42 buffer growth is broken. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include "diagram.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <fcntl.h>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <libxml/parser.h>

#include "alloc.h"
#include "diag.h"
#include "buf.h"
#include "annotate.h" /* an_valid_id */
#include "xml.h"

/* Text in the drawing, for every face (see the header comment). */
#define S_FONT "Helvetica"
/* Longest name/role/word drawn, in bytes (the tooltip has it all). */
#define S_MAX_LABEL 120
/* How many distinct words an edge label shows before "...". */
#define S_MAX_WORDS 3
#define S_NONE ((size_t)-1)

extern gvplugin_library_t gvplugin_core_LTX_library;
extern gvplugin_library_t gvplugin_dot_layout_LTX_library;
extern gvplugin_library_t gvplugin_neato_layout_LTX_library;

static const lt_symlist_t S_plugins[] = {
    {"gvplugin_core_LTX_library", &gvplugin_core_LTX_library},
    {"gvplugin_dot_layout_LTX_library", &gvplugin_dot_layout_LTX_library},
    {"gvplugin_neato_layout_LTX_library", &gvplugin_neato_layout_LTX_library},
    {NULL, NULL}};

/* ---- palette ---------------------------------------------------------- */

enum { S_STATE, S_ORG, S_PERSON, S_MEDIA, S_GROUP, S_OTHER, S_NKINDS };

static const struct {
  const char *name, *shape, *style, *fill, *stroke, *light;
} S_kinds[S_NKINDS] = {
    {"state", "box", "filled", "#dbe9f6", "#2b5c8a", "#f3f8fd"},
    {"organization", "box", "rounded,filled", "#e3f1dc", "#3d7a2a", "#f5faf2"},
    {"person", "ellipse", "filled", "#fff4cf", "#8a6d00", "#fffcf0"},
    {"media", "note", "filled", "#f1e3f7", "#6b3a87", "#faf5fc"},
    {"group", "hexagon", "filled", "#fde4d6", "#a0522d", "#fff6f1"},
    {"other", "octagon", "filled", "#eeeeee", "#666666", "#f8f8f8"},
};

/* S_MEMBER is not an action class: it links an actor to a further
 * organisation it belongs to (member-of beyond the cluster it is drawn in). */
enum { S_VCOOP, S_MCOOP, S_VCONF, S_MCONF, S_NEUTRAL, S_MEMBER, S_NCLASSES };

/* Line and label colours: at least 4.5:1 (WCAG AA) against white and
 * every fill above, the text of edge labels being drawn in them. */
static const struct {
  const char *name, *words, *color, *style, *sample;
} S_classes[S_NCLASSES] = {
    {"verbal-cooperation", "verbal cooperation", "#276b2b", "dashed", "- - - -"},
    {"material-cooperation", "material cooperation", "#276b2b", "solid",
     "\xE2\x80\x94\xE2\x80\x94\xE2\x80\x94"},
    {"verbal-conflict", "verbal conflict", "#b71c1c", "dashed", "- - - -"},
    {"material-conflict", "material conflict", "#b71c1c", "solid",
     "\xE2\x80\x94\xE2\x80\x94\xE2\x80\x94"},
    {"neutral", "neutral", "#5f5f5f", "dotted", ". . . . ."},
    {"membership", "also a member of", "#5f5f5f", "dotted", ". . . . ."},
};

#define S_TIMES "\xC3\x97"       /* U+00D7 multiplication sign */
#define S_ELLIPSIS "\xE2\x80\xA6" /* U+2026 */
#define S_DASH "\xE2\x80\x94"     /* U+2014 */
#define S_ARROW "\xE2\x86\x92"    /* U+2192 */

/* ---- the plan --------------------------------------------------------- */

typedef struct {
  char *id, *name, *role; /* owned; role may be NULL */
  char *parent_id;        /* owned, may be NULL; resolved into parent */
  char **member_of;       /* owned: every member-of id, nmember of them */
  size_t nmember;
  size_t parent;          /* index of the holding actor, or S_NONE */
  long events;            /* -1 when the model does not say */
  long weight;            /* weighted degree: the counts of its edges */
  long ego_weight;        /* ego diagrams: the counts of its edges with ego */
  int kind;
  int listed;  /* in the model's list of actors: it has a page */
  int drawn;   /* takes part in an event: could be a node */
  int shown;   /* a node of this drawing */
  int cluster; /* holds a shown actor: a cluster */
} S_actor;

typedef struct {
  size_t subj, obj;
  char *type; /* owned, NULL for an untyped action */
  char *first, *last; /* owned, may be NULL */
  char **words;       /* owned, nwords of them */
  size_t nwords, wcap;
  long count;
  int cls;
  int shown; /* both ends shown */
} S_edge;

typedef struct {
  S_actor *actors;
  size_t nactors, acap;
  size_t *byid; /* actor indices sorted by id, no duplicate ids */
  size_t nbyid;
  S_edge *edges;
  size_t nedges, ecap;
  size_t ndrawn, nclusters;
  /* set by S_select_* for one drawing */
  size_t ncandidates, nshown, nedges_cand, nedges_shown;
  size_t ego;              /* the ego of an ego diagram, or S_NONE */
  int flat;                /* no clusters */
  const char *link_prefix; /* "actors/" or "" */
  unsigned kinds_used, classes_used; /* bit sets */
} S_plan;

static void S_plan_free(S_plan *p) {
  for (size_t i = 0; i < p->nactors; i++) {
    free(p->actors[i].id);
    free(p->actors[i].name);
    free(p->actors[i].role);
    free(p->actors[i].parent_id);
    for (size_t k = 0; k < p->actors[i].nmember; k++) free(p->actors[i].member_of[k]);
    free(p->actors[i].member_of);
  }
  for (size_t i = 0; i < p->nedges; i++) {
    S_edge *e = &p->edges[i];
    free(e->type);
    free(e->first);
    free(e->last);
    for (size_t w = 0; w < e->nwords; w++) free(e->words[w]);
    free(e->words);
  }
  free(p->actors);
  free(p->byid);
  free(p->edges);
  memset(p, 0, sizeof *p);
}

/* ---- reading the model ------------------------------------------------ */

/* A copy of the text of an element (free()); "" for none. */
static char *S_text(xmlNodePtr n) {
  xmlChar *v = n ? xmlNodeGetContent(n) : NULL;
  char *s = an_xstrdup(v ? (const char *)v : "");
  if (v) xmlFree(v);
  return s;
}

static int S_kind_of(const char *s) {
  for (int k = 0; s && k < S_NKINDS; k++)
    if (strcmp(s, S_kinds[k].name) == 0) return k;
  return S_OTHER;
}

static int S_class_of(const char *s) {
  for (int c = 0; s && c < S_NCLASSES; c++)
    if (strcmp(s, S_classes[c].name) == 0) return c;
  return S_NEUTRAL;
}

/* byid is sorted by id, then by index (so duplicates keep the first). */
static int S_cmp_ids_r(const void *a, const void *b, const S_actor *actors) {
  size_t x = *(const size_t *)a, y = *(const size_t *)b;
  int c = strcmp(actors[x].id, actors[y].id);
  if (c) return c;
  return (x > y) - (x < y);
}

/* qsort has no context argument; a small insertion-then-merge sort keeps
 * the module free of global state. */
static void S_sort_ids(size_t *v, size_t n, const S_actor *actors) {
  if (n < 2) return;
  size_t *tmp = an_xmalloc(n * sizeof *tmp);
  for (size_t width = 1; width < n; width *= 2) {
    for (size_t lo = 0; lo < n; lo += 2 * width) {
      size_t mid = lo + width < n ? lo + width : n;
      size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
      size_t i = lo, j = mid, k = lo;
      while (i < mid && j < hi)
        tmp[k++] = S_cmp_ids_r(&v[i], &v[j], actors) <= 0 ? v[i++] : v[j++];
      while (i < mid) tmp[k++] = v[i++];
      while (j < hi) tmp[k++] = v[j++];
    }
    memcpy(v, tmp, n * sizeof *v);
  }
  free(tmp);
}

/* Position in byid where id is or would go. */
static size_t S_lower(const S_plan *p, const char *id) {
  size_t lo = 0, hi = p->nbyid;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (strcmp(p->actors[p->byid[mid]].id, id) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

static size_t S_find(const S_plan *p, const char *id) {
  size_t at = S_lower(p, id);
  if (at < p->nbyid && strcmp(p->actors[p->byid[at]].id, id) == 0)
    return p->byid[at];
  return S_NONE;
}

static size_t S_add_actor(S_plan *p, char *id) {
  p->actors = an_xgrow(p->actors, &p->acap, p->nactors + 1, sizeof *p->actors);
  S_actor *a = &p->actors[p->nactors];
  memset(a, 0, sizeof *a);
  a->id = id;
  a->parent = S_NONE;
  a->events = -1;
  a->kind = S_OTHER;
  return p->nactors++;
}

/* The actor with this id; one is made up (named by its id, kind other)
 * when the model references an actor it does not list. */
static size_t S_use(S_plan *p, const char *id) {
  size_t i = S_find(p, id);
  if (i != S_NONE) return i;
  i = S_add_actor(p, an_xstrdup(id));
  p->actors[i].name = an_xstrdup(id);
  size_t at = S_lower(p, id);
  p->byid = an_xrealloc(p->byid, (p->nbyid + 1) * sizeof *p->byid);
  memmove(p->byid + at + 1, p->byid + at, (p->nbyid - at) * sizeof *p->byid);
  p->byid[at] = i;
  p->nbyid++;
  return i;
}

/* The id in a ref attribute, checked. */
static int S_ref(xmlNodePtr n, const char *attr, char **out, char *err,
                 size_t errlen) {
  char *v = an_xml_prop(n, attr);
  if (!an_valid_id(v)) {
    an_err_printf(err, errlen, "model: <%s> has no valid %s attribute (line %ld)",
          (const char *)n->name, attr, (long)xmlGetLineNo(n));
    free(v);
    return 0;
  }
  *out = v;
  return 1;
}

static int S_mark_drawn(S_plan *p, xmlNodePtr n, const char *attr, char *err,
                        size_t errlen) {
  char *id;
  if (!S_ref(n, attr, &id, err, errlen)) return 0;
  size_t i = S_use(p, id); /* may move p->actors */
  p->actors[i].drawn = 1;
  free(id);
  return 1;
}

static int S_read_actors(S_plan *p, xmlNodePtr actors, char *err,
                         size_t errlen) {
  for (xmlNodePtr n = actors ? actors->children : NULL; n; n = n->next) {
    if (!an_xml_is(n, "actor")) continue;
    char *id;
    if (!S_ref(n, "id", &id, err, errlen)) return 0;
    size_t i = S_add_actor(p, id);
    S_actor *a = &p->actors[i];
    a->listed = 1;
    char *kind = an_xml_prop(n, "kind");
    a->kind = S_kind_of(kind);
    free(kind);
    a->parent_id = an_xml_prop(n, "parent");
    for (xmlNodePtr m = n->children; m; m = m->next) {
      char *ref = an_xml_is(m, "member-of") ? an_xml_prop(m, "ref") : NULL;
      if (!ref) continue;
      p->actors[i].member_of =
          an_xrealloc(p->actors[i].member_of, (p->actors[i].nmember + 1) * sizeof(char *));
      p->actors[i].member_of[p->actors[i].nmember++] = ref;
      a = &p->actors[i];
    }
    char *ev = an_xml_prop(n, "events");
    if (ev) {
      char *end;
      long v = strtol(ev, &end, 10);
      if (end != ev && *end == '\0' && v >= 0) a->events = v;
      free(ev);
    }
    xmlNodePtr name = an_xml_first(n, "name");
    a->name = name ? S_text(name) : NULL;
    if (!a->name || !a->name[0]) {
      free(a->name);
      a->name = an_xstrdup(a->id);
    }
    xmlNodePtr role = an_xml_first(n, "role");
    a->role = role ? S_text(role) : NULL;
  }
  /* index by id; a repeated id keeps its first actor */
  p->byid = an_xmalloc((p->nactors ? p->nactors : 1) * sizeof *p->byid);
  for (size_t i = 0; i < p->nactors; i++) p->byid[i] = i;
  S_sort_ids(p->byid, p->nactors, p->actors);
  p->nbyid = 0;
  for (size_t i = 0; i < p->nactors; i++) {
    if (p->nbyid &&
        strcmp(p->actors[p->byid[p->nbyid - 1]].id,
               p->actors[p->byid[i]].id) == 0)
      continue;
    p->byid[p->nbyid++] = p->byid[i];
  }
  /* parents: unknown ones are ignored, cycles are cut (deterministically:
   * the first actor of a cycle, in model order, loses its parent; one that
   * only leads into a cycle keeps its own) */
  for (size_t i = 0; i < p->nactors; i++) {
    S_actor *a = &p->actors[i];
    if (a->parent_id && an_valid_id(a->parent_id))
      a->parent = S_find(p, a->parent_id);
    if (a->parent == i) a->parent = S_NONE;
  }
  for (size_t i = 0; i < p->nactors; i++) {
    size_t up = p->actors[i].parent, steps = 0;
    while (up != S_NONE && up != i && steps++ <= p->nactors)
      up = p->actors[up].parent;
    if (up == i) p->actors[i].parent = S_NONE;
  }
  return 1;
}

static int S_read_edge(S_plan *p, xmlNodePtr n, char *err, size_t errlen) {
  char *subj, *obj;
  if (!S_ref(n, "subject", &subj, err, errlen)) return 0;
  if (!S_ref(n, "object", &obj, err, errlen)) {
    free(subj);
    return 0;
  }
  p->edges = an_xgrow(p->edges, &p->ecap, p->nedges + 1, sizeof *p->edges);
  S_edge *e = &p->edges[p->nedges++];
  memset(e, 0, sizeof *e);
  e->subj = S_use(p, subj);
  e->obj = S_use(p, obj);
  p->actors[e->subj].drawn = p->actors[e->obj].drawn = 1;
  free(subj);
  free(obj);
  e->type = an_xml_prop(n, "type");
  char *cls = an_xml_prop(n, "class");
  e->cls = S_class_of(cls);
  free(cls);
  e->count = 1;
  char *count = an_xml_prop(n, "count");
  if (count) {
    char *end;
    long v = strtol(count, &end, 10);
    if (end != count && *end == '\0' && v > 0) e->count = v;
    free(count);
  }
  e->first = an_xml_prop(n, "first");
  e->last = an_xml_prop(n, "last");
  for (xmlNodePtr w = n->children; w; w = w->next) {
    if (!an_xml_is(w, "words")) continue;
    e->words = an_xgrow(e->words, &e->wcap, e->nwords + 1, sizeof *e->words);
    e->words[e->nwords++] = S_text(w);
  }
  return 1;
}

static int S_plan_read(S_plan *p, xmlDocPtr doc, char *err, size_t errlen) {
  memset(p, 0, sizeof *p);
  xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
  if (!an_xml_is(root, "briefing")) {
    an_err_printf(err, errlen, "model: the root element is not <briefing>");
    return 0;
  }
  if (!S_read_actors(p, an_xml_first(root, "actors"), err, errlen)) return 0;
  xmlNodePtr events = an_xml_first(root, "events");
  for (xmlNodePtr ev = events ? events->children : NULL; ev; ev = ev->next) {
    if (!an_xml_is(ev, "event")) continue;
    for (xmlNodePtr c = ev->children; c; c = c->next)
      if (an_xml_is(c, "participant") && !S_mark_drawn(p, c, "ref", err, errlen))
        return 0;
  }
  xmlNodePtr actions = an_xml_first(root, "actions");
  for (xmlNodePtr ac = actions ? actions->children : NULL; ac; ac = ac->next) {
    if (!an_xml_is(ac, "action")) continue;
    for (xmlNodePtr c = ac->children; c; c = c->next)
      if ((an_xml_is(c, "subject") || an_xml_is(c, "object")) &&
          !S_mark_drawn(p, c, "ref", err, errlen))
        return 0;
  }
  xmlNodePtr edges = an_xml_first(root, "edges");
  for (xmlNodePtr e = edges ? edges->children : NULL; e; e = e->next)
    if (an_xml_is(e, "edge") && !S_read_edge(p, e, err, errlen)) return 0;
  /* an actor in two organisations is drawn inside one (its parent) and
   * linked to the others */
  for (size_t i = 0, n = p->nactors; i < n; i++) {
    for (size_t k = 0; k < p->actors[i].nmember; k++) {
      const S_actor *a = &p->actors[i];
      if (!a->drawn || !an_valid_id(a->member_of[k])) continue;
      size_t j = S_find(p, a->member_of[k]);
      if (j == S_NONE || j == i || j == a->parent) continue;
      p->edges = an_xgrow(p->edges, &p->ecap, p->nedges + 1, sizeof *p->edges);
      S_edge *e = &p->edges[p->nedges++];
      memset(e, 0, sizeof *e);
      e->subj = i;
      e->obj = j;
      e->cls = S_MEMBER;
      e->count = 1;
      p->actors[j].drawn = 1;
    }
  }

  p->ego = S_NONE;
  for (size_t i = 0; i < p->nactors; i++)
    if (p->actors[i].drawn) p->ndrawn++;
  for (size_t i = 0; i < p->nedges; i++) {
    const S_edge *e = &p->edges[i];
    p->actors[e->subj].weight += e->count;
    if (e->obj != e->subj) p->actors[e->obj].weight += e->count;
  }
  if (p->ndrawn > AN_DIAGRAM_MAX_NODES || p->nedges > AN_DIAGRAM_MAX_EDGES) {
    an_err_printf(err, errlen,
          "the actor diagram is too large (%zu actors, %zu edges; the limits "
          "are %d and %d)",
          p->ndrawn, p->nedges, AN_DIAGRAM_MAX_NODES, AN_DIAGRAM_MAX_EDGES);
    return 0;
  }
  return 1;
}

/* ---- choosing what one drawing shows ---------------------------------- */

typedef struct {
  long w, w2, events;
  const char *id;
  size_t i;
} S_rank;

/* Heaviest first, then by more events, then by id: a total order. */
static int S_cmp_rank(const void *a, const void *b) {
  const S_rank *x = a, *y = b;
  if (x->w != y->w) return x->w > y->w ? -1 : 1;
  if (x->w2 != y->w2) return x->w2 > y->w2 ? -1 : 1;
  if (x->events != y->events) return x->events > y->events ? -1 : 1;
  int c = strcmp(x->id, y->id);
  if (c) return c;
  return (x->i > y->i) - (x->i < y->i);
}

/* Marks the `max` best of the candidates shown (all when fewer). */
static void S_keep_best(S_plan *p, S_rank *r, size_t n, size_t max) {
  if (n > max) qsort(r, n, sizeof *r, S_cmp_rank);
  for (size_t k = 0; k < n && k < max; k++) p->actors[r[k].i].shown = 1;
}

/* Edges, clusters, legend entries and counts of the shown actors. */
static void S_finish(S_plan *p) {
  for (size_t i = 0; i < p->nactors; i++) {
    S_actor *a = &p->actors[i];
    if (!a->shown) continue;
    p->nshown++;
    p->kinds_used |= 1u << a->kind;
    if (p->flat) continue;
    for (size_t up = a->parent; up != S_NONE; up = p->actors[up].parent) {
      if (p->actors[up].cluster) break; /* the rest is marked already */
      p->actors[up].cluster = 1;
      p->nclusters++;
      p->kinds_used |= 1u << p->actors[up].kind;
    }
  }
  for (size_t i = 0; i < p->nedges; i++) {
    S_edge *e = &p->edges[i];
    if (p->ego != S_NONE && e->subj != p->ego && e->obj != p->ego) continue;
    p->nedges_cand++;
    e->shown = p->actors[e->subj].shown && p->actors[e->obj].shown;
    if (!e->shown) continue;
    p->nedges_shown++;
    p->classes_used |= 1u << e->cls;
  }
}

/* The overview: the `max` actors with the highest weighted degree. */
static void S_select_overview(S_plan *p, size_t max) {
  p->link_prefix = "actors/";
  S_rank *r = an_xmalloc((p->nactors ? p->nactors : 1) * sizeof *r);
  size_t n = 0;
  for (size_t i = 0; i < p->nactors; i++) {
    const S_actor *a = &p->actors[i];
    if (a->drawn) r[n++] = (S_rank){a->weight, 0, a->events, a->id, i};
  }
  p->ncandidates = n;
  S_keep_best(p, r, n, max);
  free(r);
  S_finish(p);
}

/* An ego diagram: ego and the `max` - 1 partners with the most actions
 * with it.  Returns 0 when ego has no edge. */
static int S_select_ego(S_plan *p, size_t ego, size_t max) {
  p->link_prefix = "";
  p->flat = 1;
  p->ego = ego;
  int any = 0;
  for (size_t i = 0; i < p->nedges; i++) {
    const S_edge *e = &p->edges[i];
    if (e->subj != ego && e->obj != ego) continue;
    any = 1;
    size_t other = e->subj == ego ? e->obj : e->subj;
    if (other != ego) p->actors[other].ego_weight += e->count;
  }
  if (!any) return 0;
  S_rank *r = an_xmalloc((p->nactors ? p->nactors : 1) * sizeof *r);
  size_t n = 0;
  for (size_t i = 0; i < p->nactors; i++) {
    const S_actor *a = &p->actors[i];
    if (a->ego_weight > 0)
      r[n++] = (S_rank){a->ego_weight, a->weight, a->events, a->id, i};
  }
  p->ncandidates = n + 1;
  p->actors[ego].shown = 1;
  S_keep_best(p, r, n, max > 1 ? max - 1 : 0);
  free(r);
  S_finish(p);
  return 1;
}

/* ---- escaping --------------------------------------------------------- */

/* Length of the longest prefix of s within max bytes that ends on a
 * character boundary. */
static size_t S_clip(const char *s, size_t max) {
  size_t n = strlen(s);
  if (n <= max) return n;
  while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80) max--;
  return max;
}

/* Text for an HTML-like label: XML-escaped, backslashes doubled (2.42
 * expands \N, \G, \\ even there), control characters dropped (white space
 * ones become a space). */
static void S_put_html(an_buf *b, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    switch (c) {
      case '&': an_buf_puts(b, "&amp;"); break;
      case '<': an_buf_puts(b, "&lt;"); break;
      case '>': an_buf_puts(b, "&gt;"); break;
      case '"': an_buf_puts(b, "&quot;"); break;
      case '\\': an_buf_puts(b, "\\\\"); break;
      case '\t': case '\n': case '\r': an_buf_putc(b, ' '); break;
      default:
        if (c >= 0x20 && c != 0x7f) an_buf_putc(b, (char)c);
    }
  }
}

/* Clipped with an ellipsis when longer than max bytes. */
static void S_put_html_clip(an_buf *b, const char *s, size_t max) {
  size_t n = S_clip(s, max);
  S_put_html(b, s, n);
  if (s[n]) an_buf_puts(b, S_ELLIPSIS);
}

/* Characters (code points) in s[0..n). */
static size_t S_chars(const char *s, size_t n) {
  size_t c = 0;
  for (size_t i = 0; i < n; i++)
    if (((unsigned char)s[i] & 0xC0) != 0x80) c++;
  return c;
}

/* Bytes of the first `chars` characters of s[0..n). */
static size_t S_prefix(const char *s, size_t n, size_t chars) {
  size_t i = 0;
  for (size_t c = 0; i < n; i++) {
    if (((unsigned char)s[i] & 0xC0) != 0x80 && c++ == chars) break;
  }
  return i;
}

/* Text for an HTML-like label, wrapped at spaces into lines of at most
 * `width` characters joined by <BR/>, at most `maxlines` of them; a word
 * longer than a line is cut; text left over ends in an ellipsis. */
static void S_put_wrapped(an_buf *b, const char *s, size_t width,
                          size_t maxlines) {
  size_t line = 0, used = 0;
  const char *p = s;
  for (;;) {
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') p++;
    if (!*p) return;
    size_t wl = strcspn(p, " \t\n\r");
    size_t wc = S_chars(p, wl);
    if (used && used + 1 + wc > width) {
      if (line + 1 >= maxlines) {
        an_buf_puts(b, S_ELLIPSIS);
        return;
      }
      an_buf_puts(b, "<BR/>");
      line++;
      used = 0;
    } else if (used) {
      an_buf_putc(b, ' ');
      used++;
    }
    if (wc <= width - used) {
      S_put_html(b, p, wl);
      used += wc;
      p += wl;
    } else { /* longer than a whole line: cut it */
      size_t take = S_prefix(p, wl, width - used);
      S_put_html(b, p, take);
      used = width;
      p += take;
    }
  }
}

/* Text for a tooltip: 2.42 runs two backslash passes over tooltips, so
 * each backslash is written four times; "&" is written "&amp;" because
 * the SVG writer passes entities through, and so "<" ">" can be written
 * "&lt;" "&gt;".  That keeps "<" out of every plain string, which
 * matters: 2.42 keeps one string pool for plain and HTML-like strings,
 * so a plain string equal to an HTML label would turn it plain.  Every
 * HTML label here contains markup, hence "<". */
static void S_put_tip(an_buf *b, const char *s) {
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '\\')
      an_buf_puts(b, "\\\\\\\\");
    else if (c == '&')
      an_buf_puts(b, "&amp;");
    else if (c == '<')
      an_buf_puts(b, "&lt;");
    else if (c == '>')
      an_buf_puts(b, "&gt;");
    else if (c == '\t' || c == '\n' || c == '\r')
      an_buf_putc(b, ' ');
    else if (c >= 0x20 && c != 0x7f)
      an_buf_putc(b, (char)c);
  }
}

/* ---- building the graph ----------------------------------------------- */

/* 2.42 takes char * everywhere; these keep the casts in one place. */
static void S_set(void *obj, const char *name, const char *value) {
  agsafeset(obj, (char *)name, (char *)value, (char *)"");
}

static void S_set_html(Agraph_t *g, void *obj, const char *name,
                       const char *html) {
  char *h = agstrdup_html(g, (char *)html);
  agsafeset(obj, (char *)name, h, (char *)"");
  agstrfree(g, h);
}

static void S_def(Agraph_t *g, int kind, const char *name, const char *value) {
  agattr(g, kind, (char *)name, (char *)value);
}

typedef struct {
  const S_plan *plan;
  const char *engine;
  Agraph_t *g;
  Agraph_t **subg; /* per actor: its cluster, once made */
  Agnode_t **node; /* per actor: its node, once made */
  size_t *chain;   /* scratch for S_cluster */
  an_buf tmp;
} S_builder;

static const char *S_engine(const S_plan *p) {
  return p->nshown > AN_DIAGRAM_SFDP_THRESHOLD ||
                 p->nedges_shown > AN_DIAGRAM_DOT_MAX_EDGES
             ? "sfdp"
             : "dot";
}

/* Name and role lines: at most 3 lines of 24 characters for a name, 2 of
 * 32 for a role (the tooltip has all of both). */
#define S_NAME_WIDTH 24
#define S_NAME_LINES 3
#define S_ROLE_WIDTH 32
#define S_ROLE_LINES 2

/* URL="<prefix><id>.html" for an actor that has a page.  Ids are checked
 * [a-z0-9-] (an_valid_id), so 2.42's raw URL output stays well-formed. */
static void S_set_link(S_builder *bd, void *obj, const S_actor *a) {
  if (!a->listed || !an_valid_id(a->id)) return;
  an_buf_clear(&bd->tmp);
  an_buf_printf(&bd->tmp, "%s%s.html", bd->plan->link_prefix, a->id);
  S_set(obj, "URL", bd->tmp.ptr);
}

/* Makes the cluster of actor i, whose holder's cluster exists. */
static Agraph_t *S_make_cluster(S_builder *bd, size_t i) {
  const S_actor *a = &bd->plan->actors[i];
  Agraph_t *up = a->parent != S_NONE ? bd->subg[a->parent] : bd->g;
  an_buf_clear(&bd->tmp);
  an_buf_printf(&bd->tmp, "cluster_%s", a->id);
  Agraph_t *c = agsubg(up, bd->tmp.ptr, 1);
  bd->subg[i] = c;
  an_buf_clear(&bd->tmp);
  an_buf_puts(&bd->tmp, "<B>");
  S_put_wrapped(&bd->tmp, a->name, S_NAME_WIDTH + 8, S_NAME_LINES);
  an_buf_puts(&bd->tmp, "</B>");
  S_set_html(bd->g, c, "label", bd->tmp.ptr);
  S_set(c, "style", "rounded,filled");
  S_set(c, "fillcolor", S_kinds[a->kind].light);
  S_set(c, "color", S_kinds[a->kind].stroke);
  S_set(c, "class", S_kinds[a->kind].name);
  an_buf_clear(&bd->tmp);
  an_buf_printf(&bd->tmp, "cluster-%s", a->id);
  S_set(c, "id", bd->tmp.ptr);
  an_buf_clear(&bd->tmp);
  S_put_tip(&bd->tmp, a->name);
  S_set(c, "tooltip", bd->tmp.ptr);
  S_set_link(bd, c, a);
  return c;
}

/* The cluster of actor i, made with those of its holders as needed
 * (outermost first; no recursion, however deep the nesting). */
static Agraph_t *S_cluster(S_builder *bd, size_t i) {
  const S_actor *actors = bd->plan->actors;
  size_t n = 0;
  for (size_t up = i; up != S_NONE && !bd->subg[up]; up = actors[up].parent)
    bd->chain[n++] = up;
  while (n--) S_make_cluster(bd, bd->chain[n]);
  return bd->subg[i];
}

static void S_add_node(S_builder *bd, size_t i) {
  const S_plan *p = bd->plan;
  const S_actor *a = &p->actors[i];
  Agraph_t *in = p->flat                ? bd->g
                 : a->cluster           ? S_cluster(bd, i)
                 : a->parent != S_NONE  ? S_cluster(bd, a->parent)
                                        : bd->g;
  Agnode_t *n = agnode(in, a->id, 1);
  bd->node[i] = n;
  int ego = p->ego == i;
  an_buf *t = &bd->tmp;
  an_buf_clear(t);
  /* markup in every HTML label: see S_put_tip */
  an_buf_puts(t, ego ? "<FONT POINT-SIZE=\"12\"><B>" : "<FONT POINT-SIZE=\"11\">");
  S_put_wrapped(t, a->name, S_NAME_WIDTH, S_NAME_LINES);
  an_buf_puts(t, ego ? "</B></FONT>" : "</FONT>");
  if (a->role && a->role[0]) {
    an_buf_puts(t, "<BR/><FONT POINT-SIZE=\"8\">");
    S_put_wrapped(t, a->role, S_ROLE_WIDTH, S_ROLE_LINES);
    an_buf_puts(t, "</FONT>");
  }
  S_set_html(bd->g, n, "label", t->ptr);
  S_set(n, "shape", S_kinds[a->kind].shape);
  S_set(n, "style", S_kinds[a->kind].style);
  S_set(n, "fillcolor", S_kinds[a->kind].fill);
  S_set(n, "color", S_kinds[a->kind].stroke);
  /* an actor drawn inside its own cluster: a double border */
  S_set(n, "peripheries", a->cluster ? "2" : "1");
  if (ego) S_set(n, "penwidth", "2.5");
  an_buf_clear(t);
  an_buf_printf(t, "actor-%s", a->id);
  S_set(n, "id", t->ptr);
  an_buf_clear(t);
  an_buf_puts(t, S_kinds[a->kind].name);
  if (a->cluster) an_buf_puts(t, " holder");
  if (ego) an_buf_puts(t, " ego");
  S_set(n, "class", t->ptr);
  an_buf_clear(t);
  S_put_tip(t, a->name);
  if (a->role && a->role[0]) {
    an_buf_puts(t, " " S_DASH " ");
    S_put_tip(t, a->role);
  }
  an_buf_printf(t, " (%s", S_kinds[a->kind].name);
  if (a->events >= 0)
    an_buf_printf(t, "; %ld event%s", a->events, a->events == 1 ? "" : "s");
  an_buf_puts(t, ")");
  S_set(n, "tooltip", t->ptr);
  S_set_link(bd, n, a);
}

static void S_add_edge(S_builder *bd, const S_edge *e) {
  const S_plan *p = bd->plan;
  Agedge_t *ed = agedge(bd->g, bd->node[e->subj], bd->node[e->obj], NULL, 1);
  an_buf *t = &bd->tmp;
  an_buf_clear(t);
  if (e->cls == S_MEMBER) {
    S_set_html(bd->g, ed, !p->flat && strcmp(bd->engine, "dot") == 0 ? "xlabel" : "label",
               "<I>member of</I>");
    S_set(ed, "class", S_classes[e->cls].name);
    S_set(ed, "color", S_classes[e->cls].color);
    S_set(ed, "fontcolor", S_classes[e->cls].color);
    S_set(ed, "style", S_classes[e->cls].style);
    S_set(ed, "arrowhead", "odot");
    an_buf_clear(t);
    S_put_tip(t, p->actors[e->subj].name);
    an_buf_puts(t, " is also a member of ");
    S_put_tip(t, p->actors[e->obj].name);
    S_set(ed, "tooltip", t->ptr);
    return;
  }
  /* the words on one line, "(type ×count)" on the next */
  for (size_t w = 0; w < e->nwords && w < S_MAX_WORDS; w++) {
    if (w) an_buf_puts(t, ", ");
    S_put_html_clip(t, e->words[w], S_MAX_LABEL / 4);
  }
  if (e->nwords > S_MAX_WORDS) an_buf_puts(t, ", " S_ELLIPSIS);
  an_buf_puts(t, e->nwords ? "<BR/><I>(" : "<I>(");
  if (e->type) {
    S_put_html_clip(t, e->type, S_MAX_LABEL / 2);
    an_buf_putc(t, ' ');
  }
  an_buf_printf(t, S_TIMES "%ld)</I>", e->count);
  /* dot: an external label, placed after the layout; a label would be a
   * node of its own between two ranks and make the drawing twice as long
   * (the overview; an ego diagram has two or three ranks, and its labels
   * must not overlap).
   * Too many edges: no labels at all (the tooltips and the page's table
   * have them) */
  if (p->nedges_shown <= AN_DIAGRAM_MAX_EDGE_LABELS)
    S_set_html(bd->g, ed,
               !p->flat && strcmp(bd->engine, "dot") == 0 ? "xlabel" : "label",
               t->ptr);
  S_set(ed, "class", S_classes[e->cls].name);
  S_set(ed, "color", S_classes[e->cls].color);
  S_set(ed, "fontcolor", S_classes[e->cls].color);
  S_set(ed, "style", S_classes[e->cls].style);
  /* 1, 2, 3... for counts 1, 2-3, 4-7...; at most 6 */
  int pen = 1;
  for (long c = e->count; c > 1 && pen < 6; c /= 2) pen++;
  an_buf_clear(t);
  an_buf_printf(t, "%d", pen);
  S_set(ed, "penwidth", t->ptr);

  an_buf_clear(t);
  S_put_tip(t, p->actors[e->subj].name);
  an_buf_puts(t, " " S_ARROW " ");
  S_put_tip(t, p->actors[e->obj].name);
  an_buf_puts(t, ": ");
  if (e->type) {
    S_put_tip(t, e->type);
    an_buf_putc(t, ' ');
  }
  an_buf_printf(t, "(%s), %ld time%s", S_classes[e->cls].words, e->count,
                e->count == 1 ? "" : "s");
  if (e->first && e->last && strcmp(e->first, e->last) != 0) {
    an_buf_puts(t, ", ");
    S_put_tip(t, e->first);
    an_buf_puts(t, " to ");
    S_put_tip(t, e->last);
  } else if (e->first) {
    an_buf_puts(t, ", ");
    S_put_tip(t, e->first);
  }
  an_buf_puts(t, "\nwords: ");
  for (size_t w = 0; w < e->nwords; w++) {
    if (w) an_buf_puts(t, "; ");
    S_put_tip(t, e->words[w]);
  }
  S_set(ed, "tooltip", t->ptr);
}

static void S_add_legend(S_builder *bd) {
  const S_plan *p = bd->plan;
  an_buf *t = &bd->tmp;
  an_buf_clear(t);
  an_buf_puts(t,
              "<TABLE BORDER=\"1\" COLOR=\"#767676\" CELLBORDER=\"0\" "
              "CELLSPACING=\"2\" CELLPADDING=\"2\" BGCOLOR=\"white\">"
              "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>Legend</B></TD></TR>");
  for (int k = 0; k < S_NKINDS; k++) {
    if (!(p->kinds_used & (1u << k))) continue;
    an_buf_printf(t,
                  "<TR><TD BGCOLOR=\"%s\" BORDER=\"1\" COLOR=\"%s\" "
                  "WIDTH=\"24\"></TD><TD ALIGN=\"LEFT\">%s (%s)</TD></TR>",
                  S_kinds[k].fill, S_kinds[k].stroke, S_kinds[k].name,
                  S_kinds[k].shape);
  }
  if (p->nclusters && strcmp(bd->engine, "dot") == 0) /* sfdp: no frames */
    an_buf_puts(t,
                "<TR><TD>[ ]</TD><TD ALIGN=\"LEFT\">frame: the actor that "
                "holds those inside</TD></TR>"
                "<TR><TD>(( ))</TD><TD ALIGN=\"LEFT\">double border: a "
                "holder that takes part</TD></TR>");
  for (int c = 0; c < S_NCLASSES; c++) {
    if (!(p->classes_used & (1u << c))) continue;
    an_buf_printf(t,
                  "<TR><TD><FONT COLOR=\"%s\">%s</FONT></TD>"
                  "<TD ALIGN=\"LEFT\">%s</TD></TR>",
                  S_classes[c].color, S_classes[c].sample, S_classes[c].words);
  }
  if (p->nedges_shown)
    an_buf_puts(t, "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">arrow: subject "
                   S_ARROW " object; thicker: more actions</TD></TR>");
  an_buf_puts(t, "</TABLE>");
  Agnode_t *n = agnode(bd->g, (char *)"_legend", 1);
  S_set_html(bd->g, n, "label", t->ptr);
  S_set(n, "shape", "plain");
  S_set(n, "style", "");
  S_set(n, "peripheries", "0");
  S_set(n, "class", "legend");
  S_set(n, "id", p->ego != S_NONE ? "ego-diagram-legend" : "actor-diagram-legend");
  S_set(n, "tooltip", "Legend");
}

/* ---- deterministic object ids ------------------------------------------ */

/* cgraph's default id discipline uses the address of a name's pooled
 * string as its id, and writes subgraphs in id order: the order of the
 * clusters in DOT text would follow malloc (and ASLR).  These ids are
 * 2, 4, 6... in the order names are first seen (odd ones for unnamed
 * objects, as cgraph expects), so the same plan gives the same text. */
typedef struct {
  Agraph_t *g;
  char **names; /* id 2 * (i + 1); strings of g's pool (the DOT writer
                   looks in the pool to tell HTML-like names) */
  size_t n, cap;
  size_t *slots; /* open addressing: index + 1, or 0 when empty */
  size_t nslots; /* a power of two, more than twice n */
  IDTYPE anon;   /* the next odd id */
} S_ids;

static size_t S_hash(const char *s) {
  size_t h = 2166136261u; /* FNV-1a */
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
  return h;
}

static void *S_id_open(Agraph_t *g, Agdisc_t *disc) {
  (void)disc;
  S_ids *ids = an_xcalloc(1, sizeof *ids);
  ids->g = g;
  ids->nslots = 64;
  ids->slots = an_xcalloc(ids->nslots, sizeof *ids->slots);
  ids->anon = 1;
  return ids;
}

static size_t *S_id_slot(S_ids *ids, const char *name) {
  size_t mask = ids->nslots - 1, at = S_hash(name) & mask;
  while (ids->slots[at] && strcmp(ids->names[ids->slots[at] - 1], name) != 0)
    at = (at + 1) & mask;
  return &ids->slots[at];
}

static long S_id_map(void *state, int objtype, char *str, IDTYPE *id,
                     int createflag) {
  (void)objtype;
  S_ids *ids = state;
  if (!str) {
    *id = ids->anon;
    ids->anon += 2;
    return 1;
  }
  size_t *slot = S_id_slot(ids, str);
  if (!*slot) {
    if (!createflag) return 0;
    if (2 * (ids->n + 1) >= ids->nslots) { /* grow, then find it again */
      size_t old = ids->nslots;
      size_t *was = ids->slots;
      ids->nslots *= 2;
      ids->slots = an_xcalloc(ids->nslots, sizeof *ids->slots);
      for (size_t i = 0; i < old; i++)
        if (was[i]) *S_id_slot(ids, ids->names[was[i] - 1]) = was[i];
      free(was);
      slot = S_id_slot(ids, str);
    }
    ids->names = an_xgrow(ids->names, &ids->cap, ids->n + 1, sizeof *ids->names);
    ids->names[ids->n++] = agstrdup(ids->g, str);
    *slot = ids->n;
  }
  *id = (IDTYPE)(2 * *slot);
  return 1;
}

static long S_id_alloc(void *state, int objtype, IDTYPE id) {
  (void)state;
  (void)objtype;
  return id % 2 == 1; /* as cgraph's own: named ids are not handed out */
}

static void S_id_free(void *state, int objtype, IDTYPE id) {
  (void)state;
  (void)objtype;
  (void)id;
}

static char *S_id_print(void *state, int objtype, IDTYPE id) {
  (void)objtype;
  S_ids *ids = state;
  if (id % 2 == 1 || id == 0 || id / 2 > ids->n) return NULL;
  return ids->names[id / 2 - 1];
}

static void S_id_close(void *state) {
  S_ids *ids = state; /* the names go with the graph's string pool */
  free(ids->names);
  free(ids->slots);
  free(ids);
}

static void S_id_register(void *state, int objtype, void *obj) {
  (void)state;
  (void)objtype;
  (void)obj;
}

/* Read-only tables of functions, shared by every graph. */
static Agiddisc_t S_iddisc = {S_id_open,  S_id_map,   S_id_alloc,
                              S_id_free,  S_id_print, S_id_close,
                              S_id_register};
static Agdisc_t S_disc = {&AgMemDisc, &S_iddisc, &AgIoDisc};

/* The whole graph, for "dot" or "sfdp"; the caller agclose()s it. */
static Agraph_t *S_build(const S_plan *p, const char *engine) {
  Agraph_t *g = agopen((char *)(p->ego != S_NONE ? "Ego" : "Actors"),
                       Agdirected, &S_disc);
  S_def(g, AGRAPH, "layout", engine);
  /* the root's id prefixes the ids Graphviz makes (edges): two diagrams
   * inline in one page must not share ids; set on the root only */
  S_set(g, "id", p->ego != S_NONE ? "ego-diagram" : "actor-diagram");
  S_def(g, AGRAPH, "fontname", S_FONT);
  S_def(g, AGRAPH, "fontsize", "11");
  S_def(g, AGRAPH, "outputorder", "edgesfirst");
  S_def(g, AGRAPH, "pad", "0.1");
  if (strcmp(engine, "dot") == 0) {
    /* newrank: with clusters, 2.42's default ranking fails ("trouble in
     * init_rank") on about one model in seven with a few dozen actors;
     * newrank did on none of 100 (its crash, #1221, is contained by the
     * fork and falls back to sfdp) */
    S_def(g, AGRAPH, "newrank", "true");
    S_def(g, AGRAPH, "nslimit", "2");
    S_def(g, AGRAPH, "nslimit1", "2");
    S_def(g, AGRAPH, "mclimit", "1");
    /* left to right: ranks become columns, so the clusters of one rank
     * stack down the page instead of across it */
    S_def(g, AGRAPH, "rankdir", "LR");
    S_def(g, AGRAPH, "ranksep", "0.3");
    S_def(g, AGRAPH, "nodesep", "0.15");
  } else {
    S_def(g, AGRAPH, "overlap", "prism");
    S_def(g, AGRAPH, "splines", "false");
  }
  S_def(g, AGNODE, "fontname", S_FONT);
  S_def(g, AGNODE, "fontsize", "11");
  S_def(g, AGNODE, "margin", "0.08,0.04");
  S_def(g, AGEDGE, "fontname", S_FONT);
  S_def(g, AGEDGE, "fontsize", "9");
  S_def(g, AGEDGE, "arrowsize", "0.7");

  if (p->nshown == 0) {
    Agnode_t *n = agnode(g, (char *)"_empty", 1);
    S_set(n, "shape", "plaintext");
    S_set(n, "label", "Nothing to draw: no actor takes part in an event.");
    S_set(n, "tooltip", "Nothing to draw");
    S_set(n, "class", "empty");
    return g;
  }
  S_builder bd = {p, engine, g, NULL, NULL, NULL, AN_BUF_INIT};
  if (p->nshown < p->ncandidates) {
    /* the top-N note, at the top of the drawing (numbers only: no
     * user text in a plain label) */
    an_buf_printf(&bd.tmp,
                  "Only the %zu most active of %zu actors are drawn; %zu are "
                  "left out (see the list of all actors).",
                  p->nshown, p->ncandidates, p->ncandidates - p->nshown);
    S_set(g, "label", bd.tmp.ptr); /* the root's only, not the clusters' */
    S_set(g, "labelloc", "t");
    S_set(g, "labeljust", "l");
  }
  bd.subg = an_xcalloc(p->nactors, sizeof *bd.subg);
  bd.node = an_xcalloc(p->nactors, sizeof *bd.node);
  bd.chain = an_xcalloc(p->nactors, sizeof *bd.chain);
  for (size_t i = 0; i < p->nactors; i++)
    if (p->actors[i].shown) S_add_node(&bd, i);
  for (size_t i = 0; i < p->nedges; i++)
    if (p->edges[i].shown) S_add_edge(&bd, &p->edges[i]);
  S_add_legend(&bd);
  free(bd.subg);
  free(bd.node);
  free(bd.chain);
  an_buf_free(&bd.tmp);
  return g;
}

/* ---- DOT -------------------------------------------------------------- */

/* The selected part of p as DOT text (no layout, no fork). */
static int S_dot(const S_plan *p, char **dot, size_t *len) {
  agerrlevel_t old = agseterr(AGMAX); /* nothing on stderr */
  Agraph_t *g = S_build(p, S_engine(p));
  char *text = NULL;
  size_t n = 0;
  FILE *f = open_memstream(&text, &n);
  int ok = f && agwrite(g, f) == 0;
  if (f && fclose(f) != 0) ok = 0;
  agclose(g);
  agseterr(old);
  if (!ok) {
    free(text);
    return 0;
  }
  *dot = text;
  *len = n;
  return 1;
}

int an_diagram_actors_dot(xmlDocPtr model, char **dot, size_t *len, char *err,
                          size_t errlen) {
  *dot = NULL;
  *len = 0;
  if (err && errlen) err[0] = '\0';
  S_plan p;
  if (!S_plan_read(&p, model, err, errlen)) {
    S_plan_free(&p);
    return 0;
  }
  S_select_overview(&p, (size_t)-1); /* all of it: no top-N cap */
  int ok = S_dot(&p, dot, len);
  S_plan_free(&p);
  if (!ok) an_err_printf(err, errlen, "could not write the actor diagram as DOT");
  return ok;
}

/* ---- SVG, in a child -------------------------------------------------- */

static int S_write_all(int fd, const char *data, size_t n) {
  while (n) {
    ssize_t w = write(fd, data, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return 0;
    data += w;
    n -= (size_t)w;
  }
  return 1;
}

/* gvRenderData's length is unsigned int * in 2.42 and size_t * later. */
static int S_render(GVC_t *gvc, Agraph_t *g, char **out, size_t *n) {
  unsigned int len = 0;
  *out = NULL;
  if (gvRenderData(gvc, g, "svg", out, &len) != 0 || !*out) return 0;
  *n = len;
  return 1;
}

static void S_layout_fail(int fd, const char *what) {
  an_buf b = AN_BUF_INIT;
  an_buf_putc(&b, 'E');
  an_buf_puts(&b, what);
  char *last = aglasterr(); /* malloc'ed by cgraph */
  if (last) {
    size_t n = strcspn(last, "\n"); /* its first line */
    if (n) {
      an_buf_puts(&b, ": ");
      an_buf_put(&b, last, n);
    }
    free(last);
  }
  S_write_all(fd, b.ptr, b.len);
  _exit(2);
}

static void S_layout_child(int fd, const S_plan *p, const char *engine) {
  /* the caller's handlers and mask must not stop the limits working */
  signal(SIGALRM, SIG_DFL);
  signal(SIGXCPU, SIG_DFL);
  signal(SIGPIPE, SIG_DFL);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGALRM);
  sigaddset(&set, SIGXCPU);
  sigprocmask(SIG_UNBLOCK, &set, NULL);
  struct rlimit rl;
  if (getrlimit(RLIMIT_CPU, &rl) == 0) {
    rlim_t soft = AN_DIAGRAM_TIME_LIMIT;
    if (rl.rlim_max == RLIM_INFINITY || rl.rlim_max > soft + 1) {
      rl.rlim_cur = soft;
      rl.rlim_max = soft + 1;
    } else {
      rl.rlim_cur = rl.rlim_max;
    }
    setrlimit(RLIMIT_CPU, &rl);
  }
  alarm(AN_DIAGRAM_TIME_LIMIT);
  /* parts of Graphviz (libpath) fprintf to stderr directly: nothing the
   * child prints may reach the caller's streams */
  int devnull = open("/dev/null", O_WRONLY);
  if (devnull >= 0) {
    dup2(devnull, STDOUT_FILENO);
    dup2(devnull, STDERR_FILENO);
    if (devnull > STDERR_FILENO) close(devnull);
  }

  agseterr(AGMAX);
  GVC_t *gvc = gvContextPlugins(S_plugins, 0);
  if (!gvc) S_layout_fail(fd, "no Graphviz context");
  Agraph_t *g = S_build(p, engine);
  agreseterrors();
  /* errors count as failure: with clusters, 2.42's dot can report
   * "trouble in init_rank" and then lose edges (draw them nowhere) */
  if (gvLayout(gvc, g, engine) != 0 || agerrors() > 0)
    S_layout_fail(fd, "Graphviz layout failed");
  char *out;
  size_t n;
  if (!S_render(gvc, g, &out, &n)) S_layout_fail(fd, "Graphviz SVG failed");
  if (!S_write_all(fd, "O", 1) || !S_write_all(fd, out, n)) _exit(3);
  /* no cleanup: _exit ends the copy of the process, and never runs the
   * parent's atexit handlers or flushes its stdio buffers */
  _exit(0);
}

static double S_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

enum { S_LAID_OUT, S_TIMED_OUT, S_FAILED, S_NOT_RUN };

/* Runs one layout child; S_LAID_OUT with its bytes in out, or a reason
 * in err. */
static int S_run_child(const S_plan *p, const char *engine, an_buf *out,
                       char *err, size_t errlen) {
  int fds[2];
  if (pipe(fds) != 0) {
    an_err_printf(err, errlen, "layout: pipe: %s", strerror(errno));
    return S_NOT_RUN;
  }
  fcntl(fds[0], F_SETFD, FD_CLOEXEC);
  fcntl(fds[1], F_SETFD, FD_CLOEXEC);
  pid_t pid = fork();
  if (pid < 0) {
    an_err_printf(err, errlen, "layout: fork: %s", strerror(errno));
    close(fds[0]);
    close(fds[1]);
    return S_NOT_RUN;
  }
  if (pid == 0) {
    close(fds[0]);
    S_layout_child(fds[1], p, engine); /* does not return */
    _exit(4);
  }
  close(fds[1]);

  /* read until EOF; a backstop kills a child that outlives its limits */
  double deadline = S_now() + AN_DIAGRAM_TIME_LIMIT + 5;
  int killed = 0, readerr = 0;
  char chunk[65536];
  for (;;) {
    double left = deadline - S_now();
    if (left <= 0) {
      kill(pid, SIGKILL);
      killed = 1;
      break;
    }
    struct pollfd pf = {fds[0], POLLIN, 0};
    int r = poll(&pf, 1, (int)(left * 1000) + 1);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) {
      kill(pid, SIGKILL);
      readerr = errno;
      break;
    }
    if (r == 0) continue;
    ssize_t got = read(fds[0], chunk, sizeof chunk);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      kill(pid, SIGKILL);
      readerr = errno;
      break;
    }
    if (got == 0) break;
    an_buf_put(out, chunk, (size_t)got);
  }
  close(fds[0]);
  int status = 0;
  pid_t w;
  while ((w = waitpid(pid, &status, 0)) < 0 && errno == EINTR) {
  }
  size_t nodes = p->nshown;
  if (killed || (w == pid && WIFSIGNALED(status) &&
                 (WTERMSIG(status) == SIGXCPU || WTERMSIG(status) == SIGALRM ||
                  WTERMSIG(status) == SIGKILL))) {
    an_err_printf(err, errlen, "layout of %zu actors did not finish in %d s", nodes,
          AN_DIAGRAM_TIME_LIMIT);
    return S_TIMED_OUT;
  }
  if (readerr) {
    an_err_printf(err, errlen, "layout of %zu actors: reading its output: %s", nodes,
          strerror(readerr));
    return S_NOT_RUN;
  }
  if (w == pid && WIFSIGNALED(status)) {
    an_err_printf(err, errlen, "%s layout of %zu actors crashed (signal %d)", engine,
          nodes, WTERMSIG(status));
    return S_FAILED;
  }
  if (out->len && out->ptr[0] == 'E') {
    an_err_printf(err, errlen, "%s layout of %zu actors failed: %s", engine, nodes,
          out->ptr + 1);
    return S_FAILED;
  }
  /* w != pid only if the caller reaps children itself (SIGCHLD ignored):
   * then the 'O' mark and EOF are all we can go by */
  if ((w == pid && !(WIFEXITED(status) && WEXITSTATUS(status) == 0)) ||
      out->len < 2 || out->ptr[0] != 'O') {
    an_err_printf(err, errlen, "%s layout of %zu actors gave no SVG", engine, nodes);
    return S_FAILED;
  }
  return S_LAID_OUT;
}

/* Adds <title> and <desc> as the first children of the <svg> element
 * (Graphviz 2.42 writes the graph's <title> inside its first <g> only,
 * and no <desc>); takes svg, returns the new text (free()) or NULL. */
static char *S_describe(char *svg, size_t n, const char *title,
                        const char *desc, size_t *len) {
  xmlDocPtr doc =
      n <= INT_MAX ? xmlReadMemory(svg, (int)n, "diagram.svg", NULL,
                                   XML_PARSE_NONET | XML_PARSE_NOERROR |
                                       XML_PARSE_NOWARNING)
                   : NULL;
  free(svg);
  xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
  if (!root || !an_xml_is(root, "svg")) {
    xmlFreeDoc(doc);
    return NULL;
  }
  /* xmlNewDocTextNode-backed children: the text is escaped on output */
  xmlNodePtr t = xmlNewDocNode(doc, root->ns, (const xmlChar *)"title", NULL);
  xmlAddChild(t, xmlNewDocText(doc, (const xmlChar *)title));
  xmlNodePtr d = xmlNewDocNode(doc, root->ns, (const xmlChar *)"desc", NULL);
  xmlAddChild(d, xmlNewDocText(doc, (const xmlChar *)desc));
  if (root->children) {
    xmlAddPrevSibling(root->children, t);
  } else {
    xmlAddChild(root, t);
  }
  xmlAddNextSibling(t, d);
  xmlChar *mem = NULL;
  int size = 0;
  xmlDocDumpMemoryEnc(doc, &mem, &size, "UTF-8");
  xmlFreeDoc(doc);
  if (!mem || size <= 0) {
    xmlFree(mem);
    return NULL;
  }
  char *out = an_xstrndup((const char *)mem, (size_t)size);
  xmlFree(mem);
  *len = (size_t)size;
  return out;
}

/* The <desc> of a drawing. */
static void S_desc(an_buf *b, const S_plan *p, const char *engine) {
  if (p->nshown == 0) {
    an_buf_puts(b, "Nothing to draw: no actor takes part in an event.");
    return;
  }
  if (p->ego != S_NONE) {
    an_buf_puts(b, p->actors[p->ego].name);
    an_buf_printf(b, " and the %zu actor%s it acted on or was acted on by",
                  p->ncandidates - 1, p->ncandidates == 2 ? "" : "s");
  } else {
    an_buf_printf(b, "%zu actor%s named in events", p->ncandidates,
                  p->ncandidates == 1 ? "" : "s");
  }
  an_buf_printf(b, ", with %zu edge%s (subject " S_ARROW
                   " object, one per action type, labelled with the words "
                   "and the number of actions)",
                p->nedges_cand, p->nedges_cand == 1 ? "" : "s");
  if (p->nshown < p->ncandidates)
    an_buf_printf(b, "; only the %zu most active actors and the %zu edges "
                     "between them are drawn, %zu actor%s left out",
                  p->nshown, p->nedges_shown, p->ncandidates - p->nshown,
                  p->ncandidates - p->nshown == 1 ? " is" : "s are");
  if (p->nedges_shown > AN_DIAGRAM_MAX_EDGE_LABELS)
    an_buf_puts(b, "; with this many edges they are not labelled (each "
                   "edge's tooltip says what it stands for)");
  if (!p->flat && p->nclusters && strcmp(engine, "dot") == 0)
    an_buf_puts(b, "; an actor is drawn inside a frame for the actor it "
                   "belongs to");
  an_buf_puts(b, ". Node shape and colour give the kind of actor, line "
                 "colour and style the class of action (see the legend). "
                 "The same edges are listed in the table that follows the "
                 "diagram.");
}

/* Lays out a plan chosen by S_select_*, checks and describes the SVG. */
static int S_draw(S_plan *p, const char *title, char **svg, size_t *len,
                  an_diagram_info *info, char *err, size_t errlen) {
  an_buf out = AN_BUF_INIT;
  char why[256] = "", why2[256] = "";
  const char *engine = S_engine(p);
  int rc = S_run_child(p, engine, &out, why, sizeof why);
  if (rc == S_FAILED && strcmp(engine, "dot") == 0) {
    /* dot has known crashes and cluster troubles in 2.42; sfdp draws the
     * same nodes and edges, without the frames */
    an_buf_clear(&out);
    engine = "sfdp";
    rc = S_run_child(p, engine, &out, why2, sizeof why2);
    if (rc == S_LAID_OUT)
      an_err_printf(err, errlen, "drawn with sfdp after: %s", why);
    else
      an_err_printf(err, errlen, "%s; then %s", why, why2);
  } else if (rc != S_LAID_OUT) {
    an_err_printf(err, errlen, "%s", why);
  }
  if (rc != S_LAID_OUT) {
    an_buf_free(&out);
    return 0;
  }
  /* last line of defence: the caller embeds this in XML */
  an_buf desc = AN_BUF_INIT;
  S_desc(&desc, p, engine);
  size_t n = out.len - 1;
  char *s = an_buf_detach(&out);
  memmove(s, s + 1, n + 1); /* drop the 'O' mark, keep the NUL */
  s = S_describe(s, n, title, an_buf_cstr(&desc), len);
  an_buf_free(&desc);
  if (!s) {
    an_err_printf(err, errlen,
          "layout of %zu actors gave SVG that is not well-formed XML",
          p->nshown);
    return 0;
  }
  *svg = s;
  if (info) {
    info->actors = p->ncandidates;
    info->shown = p->nshown;
    info->edges = p->nedges_cand;
    info->edges_shown = p->nedges_shown;
    info->engine = engine;
  }
  return 1;
}

static void S_info_none(an_diagram_info *info) {
  if (info) {
    info->actors = info->shown = info->edges = info->edges_shown = 0;
    info->engine = "";
  }
}

int an_diagram_actors_svg(xmlDocPtr model, char **svg, size_t *len,
                          an_diagram_info *info, char *err, size_t errlen) {
  *svg = NULL;
  *len = 0;
  S_info_none(info);
  if (err && errlen) err[0] = '\0';
  S_plan p;
  if (!S_plan_read(&p, model, err, errlen)) {
    S_plan_free(&p);
    return 0;
  }
  S_select_overview(&p, AN_DIAGRAM_MAX_SHOWN);
  int ok = S_draw(&p, "Actor diagram", svg, len, info, err, errlen);
  S_plan_free(&p);
  return ok;
}

struct an_diagram_graph {
  S_plan plan;
};

an_diagram_graph *an_diagram_graph_read(xmlDocPtr model, char *err,
                                        size_t errlen) {
  if (err && errlen) err[0] = '\0';
  an_diagram_graph *g = an_xmalloc(sizeof *g);
  if (!S_plan_read(&g->plan, model, err, errlen)) {
    S_plan_free(&g->plan);
    free(g);
    return NULL;
  }
  return g;
}

void an_diagram_graph_free(an_diagram_graph *g) {
  if (!g) return;
  S_plan_free(&g->plan);
  free(g);
}

/* Forgets the choices of the last drawing. */
static void S_unselect(S_plan *p) {
  for (size_t i = 0; i < p->nactors; i++) {
    S_actor *a = &p->actors[i];
    a->shown = a->cluster = 0;
    a->ego_weight = 0;
  }
  for (size_t i = 0; i < p->nedges; i++) p->edges[i].shown = 0;
  p->nclusters = p->ncandidates = p->nshown = 0;
  p->nedges_cand = p->nedges_shown = 0;
  p->ego = S_NONE;
  p->flat = 0;
  p->link_prefix = "";
  p->kinds_used = p->classes_used = 0;
}

int an_diagram_ego_svg(an_diagram_graph *g, const char *actor_id, char **svg,
                       size_t *len, an_diagram_info *info, char *err,
                       size_t errlen) {
  *svg = NULL;
  *len = 0;
  S_info_none(info);
  if (err && errlen) err[0] = '\0';
  S_plan *p = &g->plan;
  S_unselect(p);
  size_t ego = actor_id ? S_find(p, actor_id) : S_NONE;
  if (ego == S_NONE || !S_select_ego(p, ego, AN_DIAGRAM_EGO_MAX_PARTNERS + 1))
    return 1; /* nothing to draw: not an error */
  an_buf title = AN_BUF_INIT;
  an_buf_puts(&title, "Actions of ");
  an_buf_puts(&title, p->actors[ego].name);
  int ok = S_draw(p, an_buf_cstr(&title), svg, len, info, err, errlen);
  an_buf_free(&title);
  return ok;
}

int an_diagram_ego_dot(an_diagram_graph *g, const char *actor_id, char **dot,
                       size_t *len) {
  *dot = NULL;
  *len = 0;
  S_plan *p = &g->plan;
  S_unselect(p);
  size_t ego = actor_id ? S_find(p, actor_id) : S_NONE;
  if (ego == S_NONE || !S_select_ego(p, ego, AN_DIAGRAM_EGO_MAX_PARTNERS + 1))
    return 1;
  return S_dot(p, dot, len);
}
