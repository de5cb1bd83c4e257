/* diagram.c - see diagram.h.
 *
 * Three steps: read the model into a plan (plain C arrays owned here),
 * build a cgraph graph from the plan, lay it out and render it in a forked
 * child.  Graphviz 2.42 notes that shaped this file (see the project notes,
 * libraries.md sections 4 and 7):
 *   - every piece of user text goes into an HTML-like label: plain labels
 *     decode entities ("AT&amp;T" would lose its "amp;") and expand
 *     backslash escapes; HTML-like labels expand backslashes too, so they
 *     are doubled; tooltips go through two backslash passes, so they are
 *     quadrupled, and "&" is written "&amp;" (the SVG writer leaves entities
 *     alone);
 *   - C0 control characters are dropped (they would break the SVG);
 *   - no URL attributes (2.42 writes them unescaped);
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
#include "buf.h"

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

enum { S_VCOOP, S_MCOOP, S_VCONF, S_MCONF, S_NEUTRAL, S_NCLASSES };

static const struct {
  const char *name, *words, *color, *style, *sample;
} S_classes[S_NCLASSES] = {
    {"verbal-cooperation", "verbal cooperation", "#2e7d32", "dashed", "- - - -"},
    {"material-cooperation", "material cooperation", "#2e7d32", "solid",
     "\xE2\x80\x94\xE2\x80\x94\xE2\x80\x94"},
    {"verbal-conflict", "verbal conflict", "#c62828", "dashed", "- - - -"},
    {"material-conflict", "material conflict", "#c62828", "solid",
     "\xE2\x80\x94\xE2\x80\x94\xE2\x80\x94"},
    {"neutral", "neutral", "#757575", "dotted", ". . . . ."},
};

#define S_TIMES "\xC3\x97"       /* U+00D7 multiplication sign */
#define S_ELLIPSIS "\xE2\x80\xA6" /* U+2026 */
#define S_DASH "\xE2\x80\x94"     /* U+2014 */
#define S_ARROW "\xE2\x86\x92"    /* U+2192 */

/* ---- the plan --------------------------------------------------------- */

typedef struct {
  char *id, *name, *role; /* owned; role may be NULL */
  char *parent_id;        /* owned, may be NULL; resolved into parent */
  size_t parent;          /* index of the holding actor, or S_NONE */
  long events;            /* -1 when the model does not say */
  int kind;
  int drawn;   /* takes part in an event: a node */
  int cluster; /* holds a drawn actor: a cluster */
} S_actor;

typedef struct {
  size_t subj, obj;
  char *type; /* owned, NULL for an untyped action */
  char *first, *last; /* owned, may be NULL */
  char **words;       /* owned, nwords of them */
  size_t nwords, wcap;
  long count;
  int cls;
} S_edge;

typedef struct {
  S_actor *actors;
  size_t nactors, acap;
  size_t *byid; /* actor indices sorted by id, no duplicate ids */
  size_t nbyid;
  S_edge *edges;
  size_t nedges, ecap;
  size_t ndrawn, nclusters;
  unsigned kinds_used, classes_used; /* bit sets */
} S_plan;

static void S_err(char *err, size_t errlen, const char *fmt, ...) {
  if (!err || !errlen) return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err, errlen, fmt, ap);
  va_end(ap);
  /* one line, printable */
  for (char *p = err; *p; p++)
    if ((unsigned char)*p < 0x20 || *p == 0x7f) *p = ' ';
}

static void S_plan_free(S_plan *p) {
  for (size_t i = 0; i < p->nactors; i++) {
    free(p->actors[i].id);
    free(p->actors[i].name);
    free(p->actors[i].role);
    free(p->actors[i].parent_id);
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

static int S_is(xmlNodePtr n, const char *name) {
  return n && n->type == XML_ELEMENT_NODE &&
         strcmp((const char *)n->name, name) == 0;
}

static xmlNodePtr S_first(xmlNodePtr n, const char *name) {
  for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
    if (S_is(c, name)) return c;
  return NULL;
}

/* A copy of an attribute (free()), or NULL. */
static char *S_prop(xmlNodePtr n, const char *name) {
  xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
  if (!v) return NULL;
  char *s = an_xstrdup((const char *)v);
  xmlFree(v);
  return s;
}

/* A copy of the text of an element (free()); "" for none. */
static char *S_text(xmlNodePtr n) {
  xmlChar *v = n ? xmlNodeGetContent(n) : NULL;
  char *s = an_xstrdup(v ? (const char *)v : "");
  if (v) xmlFree(v);
  return s;
}

static int S_valid_id(const char *s) {
  if (!s || !((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')))
    return 0;
  for (; *s; s++)
    if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
      return 0;
  return 1;
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
  char *v = S_prop(n, attr);
  if (!S_valid_id(v)) {
    S_err(err, errlen, "model: <%s> has no valid %s attribute (line %ld)",
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
    if (!S_is(n, "actor")) continue;
    char *id;
    if (!S_ref(n, "id", &id, err, errlen)) return 0;
    size_t i = S_add_actor(p, id);
    S_actor *a = &p->actors[i];
    char *kind = S_prop(n, "kind");
    a->kind = S_kind_of(kind);
    free(kind);
    a->parent_id = S_prop(n, "parent");
    char *ev = S_prop(n, "events");
    if (ev) {
      char *end;
      long v = strtol(ev, &end, 10);
      if (end != ev && *end == '\0' && v >= 0) a->events = v;
      free(ev);
    }
    xmlNodePtr name = S_first(n, "name");
    a->name = name ? S_text(name) : NULL;
    if (!a->name || !a->name[0]) {
      free(a->name);
      a->name = an_xstrdup(a->id);
    }
    xmlNodePtr role = S_first(n, "role");
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
    if (a->parent_id && S_valid_id(a->parent_id))
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
  e->type = S_prop(n, "type");
  char *cls = S_prop(n, "class");
  e->cls = S_class_of(cls);
  free(cls);
  e->count = 1;
  char *count = S_prop(n, "count");
  if (count) {
    char *end;
    long v = strtol(count, &end, 10);
    if (end != count && *end == '\0' && v > 0) e->count = v;
    free(count);
  }
  e->first = S_prop(n, "first");
  e->last = S_prop(n, "last");
  for (xmlNodePtr w = n->children; w; w = w->next) {
    if (!S_is(w, "words")) continue;
    e->words = an_xgrow(e->words, &e->wcap, e->nwords + 1, sizeof *e->words);
    e->words[e->nwords++] = S_text(w);
  }
  p->classes_used |= 1u << e->cls;
  return 1;
}

static int S_plan_read(S_plan *p, xmlDocPtr doc, char *err, size_t errlen) {
  memset(p, 0, sizeof *p);
  xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
  if (!S_is(root, "briefing")) {
    S_err(err, errlen, "model: the root element is not <briefing>");
    return 0;
  }
  if (!S_read_actors(p, S_first(root, "actors"), err, errlen)) return 0;
  xmlNodePtr events = S_first(root, "events");
  for (xmlNodePtr ev = events ? events->children : NULL; ev; ev = ev->next) {
    if (!S_is(ev, "event")) continue;
    for (xmlNodePtr c = ev->children; c; c = c->next)
      if (S_is(c, "participant") && !S_mark_drawn(p, c, "ref", err, errlen))
        return 0;
  }
  xmlNodePtr actions = S_first(root, "actions");
  for (xmlNodePtr ac = actions ? actions->children : NULL; ac; ac = ac->next) {
    if (!S_is(ac, "action")) continue;
    for (xmlNodePtr c = ac->children; c; c = c->next)
      if ((S_is(c, "subject") || S_is(c, "object")) &&
          !S_mark_drawn(p, c, "ref", err, errlen))
        return 0;
  }
  xmlNodePtr edges = S_first(root, "edges");
  for (xmlNodePtr e = edges ? edges->children : NULL; e; e = e->next)
    if (S_is(e, "edge") && !S_read_edge(p, e, err, errlen)) return 0;

  for (size_t i = 0; i < p->nactors; i++) {
    if (!p->actors[i].drawn) continue;
    p->ndrawn++;
    p->kinds_used |= 1u << p->actors[i].kind;
    for (size_t up = p->actors[i].parent; up != S_NONE;
         up = p->actors[up].parent) {
      if (p->actors[up].cluster) break; /* the rest is marked already */
      p->actors[up].cluster = 1;
      p->nclusters++;
      p->kinds_used |= 1u << p->actors[up].kind;
    }
  }
  if (p->ndrawn > AN_DIAGRAM_MAX_NODES || p->nedges > AN_DIAGRAM_MAX_EDGES) {
    S_err(err, errlen,
          "the actor diagram is too large (%zu actors, %zu edges; the limits "
          "are %d and %d)",
          p->ndrawn, p->nedges, AN_DIAGRAM_MAX_NODES, AN_DIAGRAM_MAX_EDGES);
    return 0;
  }
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
  return p->ndrawn > AN_DIAGRAM_SFDP_THRESHOLD ||
                 p->nedges > AN_DIAGRAM_DOT_MAX_EDGES
             ? "sfdp"
             : "dot";
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
  S_put_html_clip(&bd->tmp, a->name, S_MAX_LABEL);
  an_buf_puts(&bd->tmp, "</B>");
  S_set_html(bd->g, c, "label", bd->tmp.ptr);
  S_set(c, "style", "rounded,filled");
  S_set(c, "fillcolor", S_kinds[a->kind].light);
  S_set(c, "color", S_kinds[a->kind].stroke);
  S_set(c, "class", S_kinds[a->kind].name);
  an_buf_clear(&bd->tmp);
  S_put_tip(&bd->tmp, a->name);
  S_set(c, "tooltip", bd->tmp.ptr);
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
  const S_actor *a = &bd->plan->actors[i];
  Agraph_t *in = a->cluster ? S_cluster(bd, i)
                 : a->parent != S_NONE ? S_cluster(bd, a->parent)
                                       : bd->g;
  Agnode_t *n = agnode(in, a->id, 1);
  bd->node[i] = n;
  an_buf *t = &bd->tmp;
  an_buf_clear(t);
  /* markup in every HTML label: see S_put_tip */
  an_buf_puts(t, "<FONT POINT-SIZE=\"11\">");
  S_put_html_clip(t, a->name, S_MAX_LABEL);
  an_buf_puts(t, "</FONT>");
  if (a->role && a->role[0]) {
    an_buf_puts(t, "<BR/><FONT POINT-SIZE=\"8\">");
    S_put_html_clip(t, a->role, S_MAX_LABEL);
    an_buf_puts(t, "</FONT>");
  }
  S_set_html(bd->g, n, "label", t->ptr);
  S_set(n, "shape", S_kinds[a->kind].shape);
  S_set(n, "style", S_kinds[a->kind].style);
  S_set(n, "fillcolor", S_kinds[a->kind].fill);
  S_set(n, "color", S_kinds[a->kind].stroke);
  /* an actor drawn inside its own cluster: a double border */
  S_set(n, "peripheries", a->cluster ? "2" : "1");
  an_buf_clear(t);
  an_buf_puts(t, S_kinds[a->kind].name);
  if (a->cluster) an_buf_puts(t, " holder");
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
}

static void S_add_edge(S_builder *bd, const S_edge *e) {
  const S_plan *p = bd->plan;
  Agedge_t *ed = agedge(bd->g, bd->node[e->subj], bd->node[e->obj], NULL, 1);
  an_buf *t = &bd->tmp;
  an_buf_clear(t);
  for (size_t w = 0; w < e->nwords && w < S_MAX_WORDS; w++) {
    if (w) an_buf_puts(t, ", ");
    S_put_html_clip(t, e->words[w], S_MAX_LABEL / 2);
  }
  if (e->nwords > S_MAX_WORDS) an_buf_puts(t, ", " S_ELLIPSIS);
  an_buf_puts(t, e->nwords ? " <I>(" : "<I>(");
  if (e->type) {
    S_put_html_clip(t, e->type, S_MAX_LABEL / 2);
    an_buf_putc(t, ' ');
  }
  an_buf_printf(t, S_TIMES "%ld)</I>", e->count);
  S_set_html(bd->g, ed, "label", t->ptr);
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
              "<TABLE BORDER=\"1\" COLOR=\"#999999\" CELLBORDER=\"0\" "
              "CELLSPACING=\"2\" CELLPADDING=\"2\" BGCOLOR=\"white\">"
              "<TR><TD COLSPAN=\"2\"><B>Legend</B></TD></TR>");
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
  if (p->nedges)
    an_buf_puts(t, "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">thicker line: more "
                   "actions (" S_TIMES "count)</TD></TR>");
  an_buf_puts(t, "</TABLE>");
  Agnode_t *n = agnode(bd->g, (char *)"_legend", 1);
  S_set_html(bd->g, n, "label", t->ptr);
  S_set(n, "shape", "plain");
  S_set(n, "style", "");
  S_set(n, "peripheries", "0");
  S_set(n, "class", "legend");
  S_set(n, "tooltip", "Legend");
}

/* The whole graph, for "dot" or "sfdp"; the caller agclose()s it. */
static Agraph_t *S_build(const S_plan *p, const char *engine) {
  Agraph_t *g = agopen((char *)"Actors", Agdirected, NULL);
  S_def(g, AGRAPH, "layout", engine);
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
    S_def(g, AGRAPH, "ranksep", "0.6");
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

  if (p->ndrawn == 0) {
    Agnode_t *n = agnode(g, (char *)"_empty", 1);
    S_set(n, "shape", "plaintext");
    S_set(n, "label", "Nothing to draw: no actor takes part in an event.");
    S_set(n, "tooltip", "Nothing to draw");
    S_set(n, "class", "empty");
    return g;
  }
  S_builder bd = {p, engine, g, NULL, NULL, NULL, AN_BUF_INIT};
  bd.subg = an_xcalloc(p->nactors, sizeof *bd.subg);
  bd.node = an_xcalloc(p->nactors, sizeof *bd.node);
  bd.chain = an_xcalloc(p->nactors, sizeof *bd.chain);
  for (size_t i = 0; i < p->nactors; i++)
    if (p->actors[i].drawn) S_add_node(&bd, i);
  for (size_t i = 0; i < p->nedges; i++) S_add_edge(&bd, &p->edges[i]);
  S_add_legend(&bd);
  free(bd.subg);
  free(bd.node);
  free(bd.chain);
  an_buf_free(&bd.tmp);
  return g;
}

/* ---- DOT -------------------------------------------------------------- */

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
  agerrlevel_t old = agseterr(AGMAX); /* nothing on stderr */
  Agraph_t *g = S_build(&p, S_engine(&p));
  char *text = NULL;
  size_t n = 0;
  FILE *f = open_memstream(&text, &n);
  int ok = f && agwrite(g, f) == 0;
  if (f && fclose(f) != 0) ok = 0;
  agclose(g);
  agseterr(old);
  S_plan_free(&p);
  if (!ok) {
    free(text);
    S_err(err, errlen, "could not write the actor diagram as DOT");
    return 0;
  }
  *dot = text;
  *len = n;
  return 1;
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
    S_err(err, errlen, "layout: pipe: %s", strerror(errno));
    return S_NOT_RUN;
  }
  fcntl(fds[0], F_SETFD, FD_CLOEXEC);
  fcntl(fds[1], F_SETFD, FD_CLOEXEC);
  pid_t pid = fork();
  if (pid < 0) {
    S_err(err, errlen, "layout: fork: %s", strerror(errno));
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
  size_t nodes = p->ndrawn;
  if (killed || (w == pid && WIFSIGNALED(status) &&
                 (WTERMSIG(status) == SIGXCPU || WTERMSIG(status) == SIGALRM ||
                  WTERMSIG(status) == SIGKILL))) {
    S_err(err, errlen, "layout of %zu actors did not finish in %d s", nodes,
          AN_DIAGRAM_TIME_LIMIT);
    return S_TIMED_OUT;
  }
  if (readerr) {
    S_err(err, errlen, "layout of %zu actors: reading its output: %s", nodes,
          strerror(readerr));
    return S_NOT_RUN;
  }
  if (w == pid && WIFSIGNALED(status)) {
    S_err(err, errlen, "%s layout of %zu actors crashed (signal %d)", engine,
          nodes, WTERMSIG(status));
    return S_FAILED;
  }
  if (out->len && out->ptr[0] == 'E') {
    S_err(err, errlen, "%s layout of %zu actors failed: %s", engine, nodes,
          out->ptr + 1);
    return S_FAILED;
  }
  /* w != pid only if the caller reaps children itself (SIGCHLD ignored):
   * then the 'O' mark and EOF are all we can go by */
  if ((w == pid && !(WIFEXITED(status) && WEXITSTATUS(status) == 0)) ||
      out->len < 2 || out->ptr[0] != 'O') {
    S_err(err, errlen, "%s layout of %zu actors gave no SVG", engine, nodes);
    return S_FAILED;
  }
  return S_LAID_OUT;
}

int an_diagram_actors_svg(xmlDocPtr model, char **svg, size_t *len, char *err,
                          size_t errlen) {
  *svg = NULL;
  *len = 0;
  if (err && errlen) err[0] = '\0';
  S_plan p;
  if (!S_plan_read(&p, model, err, errlen)) {
    S_plan_free(&p);
    return 0;
  }
  an_buf out = AN_BUF_INIT;
  char why[256] = "", why2[256] = "";
  const char *engine = S_engine(&p);
  int rc = S_run_child(&p, engine, &out, why, sizeof why);
  if (rc == S_FAILED && strcmp(engine, "dot") == 0) {
    /* dot has known crashes and cluster troubles in 2.42; sfdp draws the
     * same nodes and edges, without the frames */
    an_buf_clear(&out);
    rc = S_run_child(&p, "sfdp", &out, why2, sizeof why2);
    if (rc == S_LAID_OUT)
      S_err(err, errlen, "drawn with sfdp after: %s", why);
    else
      S_err(err, errlen, "%s; then %s", why, why2);
  } else if (rc != S_LAID_OUT) {
    S_err(err, errlen, "%s", why);
  }
  size_t nodes = p.ndrawn;
  S_plan_free(&p);
  if (rc != S_LAID_OUT) {
    an_buf_free(&out);
    return 0;
  }
  /* last line of defence: the caller embeds this in XML */
  size_t n = out.len - 1;
  xmlDocPtr check =
      n <= INT_MAX ? xmlReadMemory(out.ptr + 1, (int)n, "actors.svg", NULL,
                                   XML_PARSE_NONET | XML_PARSE_NOERROR |
                                       XML_PARSE_NOWARNING)
                   : NULL;
  if (!check) {
    an_buf_free(&out);
    S_err(err, errlen,
          "layout of %zu actors gave SVG that is not well-formed XML", nodes);
    return 0;
  }
  xmlFreeDoc(check);
  char *s = an_buf_detach(&out);
  memmove(s, s + 1, n + 1); /* drop the 'O' mark, keep the NUL */
  *svg = s;
  *len = n;
  return 1;
}
