/* timeline.c - see timeline.h.
 *
 * Three steps: read the model into a plan (S_tl: actors, events, actions,
 * all strings owned by the plan), lay it out (lanes, axis segments and
 * breaks, marks and their tracks), then build the SVG tree.  Nothing is
 * printed; errors come back as values. */
#include "timeline.h"

#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "alloc.h"
#include "diag.h"
#include "buf.h"
#include "when.h"
#include "xml.h"

#define S_SVG_NS "http://www.w3.org/2000/svg"
#define S_NONE ((size_t)-1)

/* ---- geometry (px) ---------------------------------------------------- */

enum {
  S_PAD = 16,         /* outer margin */
  S_EDGE = 26,        /* room at each end of the plot for open-end arrows */
  S_BREAK_W = 26,     /* width of a compressed stretch */
  S_TRACK_H = 16,     /* one row of marks in a lane */
  S_LANE_PAD = 5,     /* above and below the rows of a lane */
  S_MAX_TRACKS = 3,   /* rows per lane; further overlaps are overlaid */
  S_TOTAL_MAX = 960,  /* fits the page column without being scaled down */
  S_PLOT_MIN = 520,   /* the time axis is at least this wide */
  S_PX_DAY_MAX = 48,  /* a day is at most this wide */
  S_LABEL_MIN = 90,   /* lane label column */
  S_LABEL_MAX = 190,
  S_MAX_BREAKS = 6,
  S_BREAK_MIN_DAYS = 30, /* shorter empty stretches are never compressed */
  S_TEXT_CLIP = 110,     /* bytes of event text in a mark's tooltip */
  S_BOTTOM_AXIS_LANES = 10, /* repeat the axis below from this many lanes */
  S_DENSE_LINES = 150        /* more action lines are drawn lighter */
};

#define S_FONT "sans-serif"
#define S_CHAR_W 6.4  /* estimated advance of a 12 px sans-serif character */
#define S_SMALL_W 5.9 /* ... of an 11 px one */

/* ---- palette (templates/style.css) ------------------------------------ */

#define S_INK "#1b1f24"      /* 16.6:1 on white */
#define S_MUTED "#555d66"    /* 6.7:1 on white, 6.2:1 on the panel */
#define S_ACCENT "#1f3a5f"   /* 11.5:1 */
#define S_PANEL "#f5f6f8"
#define S_RULE "#d5d9de"
#define S_GRID "#e8ebee"
#define S_MARK "#1f5fa8"     /* --actor-line: 6.3:1 on white */
#define S_REPORTED "#6b3a00" /* .dating.reported: 9.4:1 */
#define S_BREAK_INK "#6f7780"

enum { S_VCOOP, S_MCOOP, S_VCONF, S_MCONF, S_NEUTRAL, S_NCLASSES };

/* The diagram's action classes, in the line colours of style.css; dashed
 * for words, solid for deeds, dotted for neutral (as in diagram.c). */
static const struct {
  const char *name, *words, *color, *dash;
} S_classes[S_NCLASSES] = {
    {"verbal-cooperation", "verbal cooperation", "#2b7a36", "5 3"},
    {"material-cooperation", "material cooperation", "#00695c", NULL},
    {"verbal-conflict", "verbal conflict", "#a44c06", "5 3"},
    {"material-conflict", "material conflict", "#b3261e", NULL},
    {"neutral", "neutral", "#4f6470", "1.5 2.5"},
};

static const char *const S_MON[12] = {"Jan", "Feb", "Mar", "Apr",
                                      "May", "Jun", "Jul", "Aug",
                                      "Sep", "Oct", "Nov", "Dec"};

#define S_DASH "\xE2\x80\x94"     /* U+2014 */
#define S_ELLIPSIS "\xE2\x80\xA6" /* U+2026 */
#define S_ARROW "\xE2\x86\x92"    /* U+2192 */

/* ---- the plan --------------------------------------------------------- */

enum { S_POINT, S_BAR, S_REPORTED_BY, S_UNDATED };

typedef struct {
  char *id, *name;  /* owned */
  size_t nev;       /* events it takes part in */
  size_t nact;      /* actions it is a subject or object of */
  size_t first;     /* first event (or action) it appears in */
  size_t lane;      /* its lane, or S_NONE */
} S_actor;

typedef struct {
  char *id, *display, *text, *source; /* owned; display, text may be NULL */
  int shape;
  int32_t start, end; /* inclusive days (the report day for REPORTED_BY) */
  int open_start, open_end, uncertain, approximate;
  size_t *parts; /* owned: actor indices, no duplicates */
  size_t nparts, pcap;
  size_t mark0, nmarks; /* its marks, contiguous in S_tl.marks */
  size_t nlines;        /* action lines drawn at it so far */
} S_event;

typedef struct {
  char *id, *type, *words; /* owned; type, words may be NULL */
  int cls;
  size_t ev; /* S_NONE when its event is unknown */
  size_t *subj, *obj; /* owned actor indices */
  size_t nsubj, scap, nobj, ocap;
} S_action;

typedef struct {
  size_t ev, actor;
  double x0, x1, anchor; /* extent and the point actions attach to */
  int track;
} S_mark;

typedef struct {
  int32_t a, b; /* days [a, b) */
  double x0;    /* pixel of day a */
} S_seg;

typedef struct {
  const char *id; /* borrowed */
  size_t idx;
} S_key;

typedef struct {
  char *title; /* owned, may be NULL */
  S_actor *actors;
  size_t nactors, acap;
  size_t *byid; /* actor indices sorted by id */
  size_t bcap;
  S_event *events;
  size_t nevents, ecap;
  S_action *actions;
  size_t nactions, accap;
  an_xml_index *sources; /* the model's sources by id; owned */

  /* layout */
  size_t *lanes; /* actor index per lane */
  size_t nlanes, ncandidates, left_out_marks;
  size_t undated, actorless;
  double *lane_y, *lane_h;
  int *lane_tracks;
  S_mark *marks;
  size_t nmarks, mcap;
  S_seg *segs;
  size_t nsegs;
  double px, plot_l, plot_r; /* px per day; the ends of the time axis */
  int32_t first_day, last_day; /* the days of the first and last marks */
  double label_w, width;
  unsigned used; /* bit set of the kinds of marks drawn (legend) */
  unsigned classes_used;
} S_tl;

enum { S_USED_POINT = 1, S_USED_BAR = 2, S_USED_FUZZY = 4, S_USED_REPORTED = 8,
       S_USED_OPEN = 16 };

static void S_tl_free(S_tl *t) {
  free(t->title);
  for (size_t i = 0; i < t->nactors; i++) {
    free(t->actors[i].id);
    free(t->actors[i].name);
  }
  free(t->actors);
  free(t->byid);
  for (size_t i = 0; i < t->nevents; i++) {
    S_event *e = &t->events[i];
    free(e->id);
    free(e->display);
    free(e->text);
    free(e->source);
    free(e->parts);
  }
  free(t->events);
  for (size_t i = 0; i < t->nactions; i++) {
    S_action *a = &t->actions[i];
    free(a->id);
    free(a->type);
    free(a->words);
    free(a->subj);
    free(a->obj);
  }
  free(t->actions);
  an_xml_index_free(t->sources);
  free(t->lanes);
  free(t->lane_y);
  free(t->lane_h);
  free(t->lane_tracks);
  free(t->marks);
  free(t->segs);
}

/* ---- reading the model ------------------------------------------------ */

static int S_prop_true(xmlNodePtr n, const char *name) {
  xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
  int yes = v && xmlStrEqual(v, (const xmlChar *)"true");
  xmlFree(v);
  return yes;
}

/* The text of inlines, line breaks as spaces. */
static void S_plain(xmlNodePtr n, an_buf *b) {
  for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content) an_buf_puts(b, (const char *)c->content);
    } else if (an_xml_is(c, "softbreak") || an_xml_is(c, "linebreak")) {
      an_buf_putc(b, ' ');
    } else if (c->type == XML_ELEMENT_NODE) {
      S_plain(c, b);
    }
  }
}

/* Length of the longest prefix of s within max bytes that ends on a
 * character boundary. */
static size_t S_clip(const char *s, size_t max) {
  size_t n = strlen(s);
  if (n <= max) return n;
  while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80) max--;
  return max;
}

/* s with runs of white space made one space, trimmed, and clipped to max
 * bytes with an ellipsis (max 0: no clipping).  Caller frees. */
static char *S_squeeze(const char *s, size_t max) {
  an_buf b = AN_BUF_INIT;
  an_buf_puts(&b, "");
  int space = 0;
  for (const char *p = s; *p; p++) {
    if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
      space = b.len > 0;
      continue;
    }
    if (space) an_buf_putc(&b, ' ');
    space = 0;
    an_buf_putc(&b, *p);
  }
  if (max && b.len > max) {
    size_t n = S_clip(b.ptr, max);
    while (n > 0 && b.ptr[n - 1] == ' ') n--;
    b.len = n;
    b.ptr[n] = '\0';
    an_buf_puts(&b, S_ELLIPSIS);
  }
  return an_buf_detach(&b);
}

static char *S_text(xmlNodePtr n, size_t max) {
  an_buf b = AN_BUF_INIT;
  S_plain(n, &b);
  char *s = S_squeeze(an_buf_cstr(&b), max);
  an_buf_free(&b);
  return s;
}

/* YYYY-MM-DD to a day number; 0 when it is not one. */
static int S_day(const char *s, int32_t *out) {
  if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-') return 0;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return 0;
  int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > an_days_in_month(y, m))
    return 0;
  *out = an_day_from_ymd(y, m, d);
  return 1;
}

/* A date attribute: 1 with *out set, 0 when absent, -1 when not a date. */
static int S_day_attr(xmlNodePtr n, const char *name, int32_t *out) {
  xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
  if (!v) return 0;
  int ok = S_day((const char *)v, out);
  xmlFree(v);
  return ok ? 1 : -1;
}

/* Index in byid where id is or would be; *found set. */
static size_t S_actor_pos(const S_tl *t, const char *id, int *found) {
  size_t lo = 0, hi = t->nactors;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = strcmp(t->actors[t->byid[mid]].id, id);
    if (c == 0) {
      *found = 1;
      return mid;
    }
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  *found = 0;
  return lo;
}

/* The actor with this id, added (named by its id until the model names
 * it) when new. */
static size_t S_actor_get(S_tl *t, const char *id) {
  int found;
  size_t pos = S_actor_pos(t, id, &found);
  if (found) return t->byid[pos];
  t->actors = an_xgrow(t->actors, &t->acap, t->nactors + 1, sizeof *t->actors);
  t->byid = an_xgrow(t->byid, &t->bcap, t->nactors + 1, sizeof *t->byid);
  size_t i = t->nactors++;
  S_actor *a = &t->actors[i];
  memset(a, 0, sizeof *a);
  a->id = an_xstrdup(id);
  a->name = NULL;
  a->first = S_NONE;
  a->lane = S_NONE;
  memmove(t->byid + pos + 1, t->byid + pos, (i - pos) * sizeof *t->byid);
  t->byid[pos] = i;
  return i;
}

static const char *S_actor_name(const S_tl *t, size_t a) {
  return t->actors[a].name ? t->actors[a].name : t->actors[a].id;
}

/* The title of the source with this id (its id when it has none), or
 * NULL when there is no such source; the caller frees it. */
static char *S_source_title(const S_tl *t, const char *id) {
  xmlNodePtr s = an_xml_index_find(t->sources, id);
  if (!s) return NULL;
  xmlNodePtr st = an_xml_first(s, "title");
  return st ? S_text(st, 120) : an_xstrdup(id);
}

static void S_push(size_t **v, size_t *n, size_t *cap, size_t x, int unique) {
  if (unique)
    for (size_t i = 0; i < *n; i++)
      if ((*v)[i] == x) return;
  *v = an_xgrow(*v, cap, *n + 1, sizeof **v);
  (*v)[(*n)++] = x;
}

static int S_read_time(S_event *e, xmlNodePtr ev, char *err, size_t errlen) {
  xmlNodePtr tm = an_xml_first(ev, "time"), rb = an_xml_first(ev, "reported-by");
  e->shape = S_UNDATED;
  if (tm) {
    int32_t ds = 0, de = 0;
    int hs = S_day_attr(tm, "start", &ds), he = S_day_attr(tm, "end", &de);
    if (hs < 0 || he < 0) {
      an_err_printf(err, errlen, "model: event %s has a time with a bad start or end",
            e->id);
      return 0;
    }
    e->display = an_xml_prop(tm, "display");
    e->uncertain = S_prop_true(tm, "uncertain");
    e->approximate = S_prop_true(tm, "approximate");
    if (hs && he) {
      if (de < ds) {
        int32_t x = ds;
        ds = de;
        de = x;
      }
      e->shape = ds == de ? S_POINT : S_BAR;
    } else if (hs || he) {
      e->shape = S_BAR;
      e->open_start = !hs;
      e->open_end = !he;
      if (!hs) ds = de;
      if (!he) de = ds;
    } /* neither end: nothing to place it by (undated) */
    e->start = ds;
    e->end = de;
  } else if (rb) {
    int32_t d = 0;
    if (S_day_attr(rb, "value", &d) != 1) {
      an_err_printf(err, errlen, "model: event %s has a bad reported-by value", e->id);
      return 0;
    }
    e->shape = S_REPORTED_BY;
    e->start = e->end = d;
    e->display = an_xml_prop(rb, "display");
  }
  return 1;
}

static int S_read_events(S_tl *t, xmlNodePtr events, char *err,
                         size_t errlen) {
  for (xmlNodePtr ev = events ? events->children : NULL; ev; ev = ev->next) {
    if (!an_xml_is(ev, "event")) continue;
    if (t->nevents >= AN_TIMELINE_MAX_EVENTS) {
      an_err_printf(err, errlen, "the timeline is too large (more than %d events)",
            AN_TIMELINE_MAX_EVENTS);
      return 0;
    }
    t->events = an_xgrow(t->events, &t->ecap, t->nevents + 1, sizeof *t->events);
    size_t ei = t->nevents++;
    S_event *e = &t->events[ei];
    memset(e, 0, sizeof *e);
    e->id = an_xml_prop(ev, "id");
    if (!e->id) {
      an_err_printf(err, errlen, "model: an <event> has no id (line %ld)",
            (long)xmlGetLineNo(ev));
      return 0;
    }
    e->source = an_xml_prop(ev, "source");
    if (!e->source) { /* merged events: the first citation's */
      xmlNodePtr cit = an_xml_first(ev, "citation");
      e->source = cit ? an_xml_prop(cit, "source") : NULL;
    }
    if (!S_read_time(e, ev, err, errlen)) return 0;
    xmlNodePtr tx = an_xml_first(ev, "text");
    e->text = tx ? S_text(tx, S_TEXT_CLIP) : NULL;
    for (xmlNodePtr c = ev->children; c; c = c->next) {
      if (!an_xml_is(c, "participant")) continue;
      char *ref = an_xml_prop(c, "ref");
      if (!ref || !*ref) {
        free(ref);
        continue;
      }
      size_t a = S_actor_get(t, ref);
      free(ref);
      e = &t->events[ei];
      size_t before = e->nparts;
      S_push(&e->parts, &e->nparts, &e->pcap, a, 1);
      if (e->nparts > before) {
        t->actors[a].nev++;
        if (t->actors[a].first == S_NONE) t->actors[a].first = ei;
      }
    }
  }
  return 1;
}

static int S_key_cmp(const void *pa, const void *pb) {
  const S_key *a = pa, *b = pb;
  int c = strcmp(a->id, b->id);
  if (c) return c;
  return a->idx < b->idx ? -1 : a->idx > b->idx;
}

static int S_class_of(const char *name) {
  for (int c = 0; name && c < S_NCLASSES; c++)
    if (strcmp(S_classes[c].name, name) == 0) return c;
  return S_NEUTRAL;
}

static void S_read_actions(S_tl *t, xmlNodePtr actions) {
  /* event ids, sorted, to find each action's event */
  S_key *keys = an_xmalloc((t->nevents ? t->nevents : 1) * sizeof *keys);
  for (size_t i = 0; i < t->nevents; i++) {
    keys[i].id = t->events[i].id;
    keys[i].idx = i;
  }
  qsort(keys, t->nevents, sizeof *keys, S_key_cmp);
  for (xmlNodePtr ac = actions ? actions->children : NULL; ac; ac = ac->next) {
    if (!an_xml_is(ac, "action")) continue;
    t->actions = an_xgrow(t->actions, &t->accap, t->nactions + 1,
                          sizeof *t->actions);
    size_t ai = t->nactions++;
    S_action *a = &t->actions[ai];
    memset(a, 0, sizeof *a);
    a->id = an_xml_prop(ac, "id");
    if (!a->id) a->id = an_xstrdup("");
    a->type = an_xml_prop(ac, "type");
    char *cls = an_xml_prop(ac, "class");
    a->cls = S_class_of(cls);
    free(cls);
    xmlNodePtr w = an_xml_first(ac, "words");
    a->words = w ? S_text(w, 80) : NULL;
    a->ev = S_NONE;
    char *evid = an_xml_prop(ac, "event");
    if (evid) {
      size_t lo = 0, hi = t->nevents;
      while (lo < hi) { /* the first key with this id */
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(keys[mid].id, evid) < 0) lo = mid + 1;
        else hi = mid;
      }
      if (lo < t->nevents && strcmp(keys[lo].id, evid) == 0)
        a->ev = keys[lo].idx;
      free(evid);
    }
    for (xmlNodePtr c = ac->children; c; c = c->next) {
      int subj = an_xml_is(c, "subject");
      if (!subj && !an_xml_is(c, "object")) continue;
      char *ref = an_xml_prop(c, "ref");
      if (!ref || !*ref) {
        free(ref);
        continue;
      }
      size_t x = S_actor_get(t, ref);
      free(ref);
      a = &t->actions[ai];
      if (subj) S_push(&a->subj, &a->nsubj, &a->scap, x, 1);
      else S_push(&a->obj, &a->nobj, &a->ocap, x, 1);
      t->actors[x].nact++;
      if (t->actors[x].first == S_NONE)
        t->actors[x].first = a->ev == S_NONE ? t->nevents + ai : a->ev;
    }
  }
  free(keys);
}

static int S_read(S_tl *t, xmlDocPtr doc, char *err, size_t errlen) {
  memset(t, 0, sizeof *t);
  xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
  if (!an_xml_is(root, "briefing")) {
    an_err_printf(err, errlen, "model: the root element is not <briefing>");
    return 0;
  }
  xmlNodePtr head = an_xml_first(root, "head"), title = an_xml_first(head, "title");
  if (title) t->title = S_text(title, 120);
  t->sources = an_xml_index_new(an_xml_first(root, "sources"), "source", "id");
  xmlNodePtr actors = an_xml_first(root, "actors");
  for (xmlNodePtr a = actors ? actors->children : NULL; a; a = a->next) {
    if (!an_xml_is(a, "actor")) continue;
    char *id = an_xml_prop(a, "id");
    if (!id || !*id) {
      free(id);
      continue;
    }
    size_t i = S_actor_get(t, id);
    free(id);
    xmlNodePtr nm = an_xml_first(a, "name");
    if (!t->actors[i].name && nm) t->actors[i].name = S_text(nm, 0);
  }
  if (!S_read_events(t, an_xml_first(root, "events"), err, errlen)) return 0;
  S_read_actions(t, an_xml_first(root, "actions"));
  return 1;
}

/* ---- lanes ------------------------------------------------------------ */

typedef struct {
  size_t actor;
  size_t nev, nact, first;
  long long key; /* barycentre (x1000) while reordering */
  size_t rank;
} S_lane_sort;

/* Busiest first: events, then actions, then first appearance, then index. */
static int S_busy_cmp(const void *pa, const void *pb) {
  const S_lane_sort *a = pa, *b = pb;
  if (a->nev != b->nev) return a->nev > b->nev ? -1 : 1;
  if (a->nact != b->nact) return a->nact > b->nact ? -1 : 1;
  if (a->first != b->first) return a->first < b->first ? -1 : 1;
  return a->actor < b->actor ? -1 : a->actor > b->actor;
}

static int S_bary_cmp(const void *pa, const void *pb) {
  const S_lane_sort *a = pa, *b = pb;
  if (a->key != b->key) return a->key < b->key ? -1 : 1;
  return a->rank < b->rank ? -1 : a->rank > b->rank;
}

/* Picks the lanes (the busiest AN_TIMELINE_MAX_LANES actors), then
 * reorders all but the busiest by the barycentre of the lanes they share
 * events and actions with, half-weighted towards their busy rank; a few
 * sweeps, integers only. */
static void S_lanes(S_tl *t) {
  S_lane_sort *ls = an_xmalloc((t->nactors ? t->nactors : 1) * sizeof *ls);
  size_t n = 0;
  for (size_t i = 0; i < t->nactors; i++) {
    const S_actor *a = &t->actors[i];
    if (!a->nev && !a->nact) continue;
    ls[n].actor = i;
    ls[n].nev = a->nev;
    ls[n].nact = a->nact;
    ls[n].first = a->first;
    ls[n].key = 0;
    n++;
  }
  qsort(ls, n, sizeof *ls, S_busy_cmp);
  t->ncandidates = n;
  if (n > AN_TIMELINE_MAX_LANES) n = AN_TIMELINE_MAX_LANES;
  for (size_t i = 0; i < n; i++) {
    ls[i].rank = i;
    t->actors[ls[i].actor].lane = i;
  }
  /* weights between lanes: shared events, and actions (twice) */
  unsigned *w = an_xcalloc(n * n + 1, sizeof *w);
  for (size_t e = 0; e < t->nevents; e++) {
    const S_event *ev = &t->events[e];
    for (size_t i = 0; i < ev->nparts; i++)
      for (size_t j = i + 1; j < ev->nparts; j++) {
        size_t a = t->actors[ev->parts[i]].lane, b = t->actors[ev->parts[j]].lane;
        if (a == S_NONE || b == S_NONE) continue;
        w[a * n + b]++;
        w[b * n + a]++;
      }
  }
  for (size_t k = 0; k < t->nactions; k++) {
    const S_action *ac = &t->actions[k];
    for (size_t i = 0; i < ac->nsubj; i++)
      for (size_t j = 0; j < ac->nobj; j++) {
        size_t a = t->actors[ac->subj[i]].lane, b = t->actors[ac->obj[j]].lane;
        if (a == S_NONE || b == S_NONE || a == b) continue;
        w[a * n + b] += 2;
        w[b * n + a] += 2;
      }
  }
  size_t *pos = an_xmalloc((n ? n : 1) * sizeof *pos); /* by rank */
  for (size_t i = 0; i < n; i++) pos[i] = i;
  for (int sweep = 0; sweep < 4 && n > 2; sweep++) {
    for (size_t i = 1; i < n; i++) {
      size_t r = ls[i].rank;
      long long sum = 0, tot = 0;
      for (size_t j = 0; j < n; j++) {
        sum += (long long)w[r * n + j] * (long long)pos[j];
        tot += w[r * n + j];
      }
      long long prior = tot > 0 ? tot : 1;
      ls[i].key = (sum * 1000 + prior * (long long)r * 1000) / (tot + prior);
    }
    qsort(ls + 1, n - 1, sizeof *ls, S_bary_cmp);
    for (size_t i = 0; i < n; i++) pos[ls[i].rank] = i;
  }
  t->lanes = an_xmalloc((n ? n : 1) * sizeof *t->lanes);
  t->nlanes = n;
  for (size_t i = 0; i < n; i++) {
    t->lanes[i] = ls[i].actor;
    t->actors[ls[i].actor].lane = i;
  }
  free(pos);
  free(w);
  free(ls);
}

/* ---- the time axis ---------------------------------------------------- */

static int S_i32_cmp(const void *pa, const void *pb) {
  int32_t a = *(const int32_t *)pa, b = *(const int32_t *)pb;
  return a < b ? -1 : a > b;
}

typedef struct {
  int32_t gap;
  size_t i;
} S_gap;

static int S_gap_cmp(const void *pa, const void *pb) {
  const S_gap *a = pa, *b = pb;
  if (a->gap != b->gap) return a->gap > b->gap ? -1 : 1;
  return a->i < b->i ? -1 : a->i > b->i;
}

static int S_drawn(const S_tl *t, const S_event *e) {
  if (e->shape == S_UNDATED) return 0;
  for (size_t i = 0; i < e->nparts; i++)
    if (t->actors[e->parts[i]].lane != S_NONE) return 1;
  return 0;
}

/* The segments of the axis: the instants where drawn marks begin and end,
 * cut at long empty stretches, with a margin; then the scale. */
static void S_axis(S_tl *t, double plot_want) {
  size_t cap = 0, nk = 0;
  int32_t *k = NULL;
  for (size_t i = 0; i < t->nevents; i++) {
    const S_event *e = &t->events[i];
    if (!S_drawn(t, e)) continue;
    int32_t v[2];
    size_t nv = 0;
    if (e->shape == S_BAR) {
      if (!e->open_start) v[nv++] = e->start;
      if (!e->open_end) v[nv++] = e->end + 1;
    } else {
      v[nv++] = e->start;
      v[nv++] = e->end + 1;
    }
    for (size_t j = 0; j < nv; j++) {
      k = an_xgrow(k, &cap, nk + 1, sizeof *k);
      k[nk++] = v[j];
    }
  }
  qsort(k, nk, sizeof *k, S_i32_cmp);
  size_t u = 0;
  for (size_t i = 0; i < nk; i++)
    if (!u || k[i] != k[u - 1]) k[u++] = k[i];
  nk = u;
  t->first_day = k[0];
  t->last_day = k[nk - 1] - 1;

  /* breaks: the longest empty stretches, while each is a quarter of what
   * is left of the span and a month or more */
  S_gap *gaps = an_xmalloc(nk * sizeof *gaps);
  unsigned char *cut = an_xcalloc(nk, 1);
  for (size_t i = 0; i + 1 < nk; i++) {
    gaps[i].gap = k[i + 1] - k[i];
    gaps[i].i = i;
  }
  qsort(gaps, nk - 1, sizeof *gaps, S_gap_cmp);
  int64_t left = (int64_t)k[nk - 1] - k[0];
  size_t nbreaks = 0;
  int32_t min_cut = INT32_MAX;
  for (size_t g = 0; g + 1 < nk && nbreaks < S_MAX_BREAKS; g++) {
    if (gaps[g].gap < S_BREAK_MIN_DAYS || 4 * (int64_t)gaps[g].gap <= left)
      break;
    cut[gaps[g].i] = 1;
    left -= gaps[g].gap;
    if (gaps[g].gap < min_cut) min_cut = gaps[g].gap;
    nbreaks++;
  }
  t->segs = an_xmalloc((nbreaks + 1) * sizeof *t->segs);
  t->nsegs = 0;
  int32_t from = k[0];
  for (size_t i = 0; i < nk; i++) {
    if (i + 1 == nk || cut[i]) {
      t->segs[t->nsegs].a = from;
      t->segs[t->nsegs].b = k[i];
      t->nsegs++;
      if (i + 1 < nk) from = k[i + 1];
    }
  }
  /* margins: a 25th of the drawn span, at least a day, never eating a
   * break */
  int64_t span = 0;
  for (size_t s = 0; s < t->nsegs; s++) span += t->segs[s].b - t->segs[s].a;
  int32_t m = (int32_t)(span / 25);
  if (m < 1) m = 1;
  if (nbreaks && m > (min_cut - 2) / 3) m = (min_cut - 2) / 3;
  int64_t days = 0;
  for (size_t s = 0; s < t->nsegs; s++) {
    t->segs[s].a -= m;
    t->segs[s].b += m;
    days += t->segs[s].b - t->segs[s].a;
  }
  double room = plot_want - (double)nbreaks * S_BREAK_W;
  if (room / (double)days > S_PX_DAY_MAX) { /* widen around the content */
    int64_t want_days = (int64_t)(room / S_PX_DAY_MAX) + 1;
    int64_t extra = want_days - days;
    t->segs[0].a -= (int32_t)(extra / 2);
    t->segs[t->nsegs - 1].b += (int32_t)(extra - extra / 2);
    days = want_days;
  }
  t->px = room / (double)days;
  double x = t->plot_l;
  for (size_t s = 0; s < t->nsegs; s++) {
    t->segs[s].x0 = x;
    x += (double)(t->segs[s].b - t->segs[s].a) * t->px;
    if (s + 1 < t->nsegs) x += S_BREAK_W;
  }
  t->plot_r = x;
  free(cut);
  free(gaps);
  free(k);
}

/* The pixel of the start of a day (days inside a break are spread over
 * it, those beyond the ends are clamped). */
static double S_x(const S_tl *t, int32_t day) {
  const S_seg *s = t->segs;
  if (day <= s[0].a) return s[0].x0;
  for (size_t i = 0; i < t->nsegs; i++) {
    double end = s[i].x0 + (double)(s[i].b - s[i].a) * t->px;
    if (day <= s[i].b) {
      if (day >= s[i].a) return s[i].x0 + (double)(day - s[i].a) * t->px;
      /* in the break before segment i */
      double pend = s[i - 1].x0 + (double)(s[i - 1].b - s[i - 1].a) * t->px;
      return pend + (double)(day - s[i - 1].b) /
                        (double)(s[i].a - s[i - 1].b) * S_BREAK_W;
    }
    if (i + 1 == t->nsegs) return end;
  }
  return t->plot_r;
}

/* ---- marks ------------------------------------------------------------ */

static void S_extent(const S_tl *t, const S_event *e, double *x0, double *x1,
                     double *anchor) {
  if (e->shape == S_POINT) {
    double c = S_x(t, e->start) + t->px / 2;
    *x0 = c - 6;
    *x1 = c + 6;
    *anchor = c;
  } else if (e->shape == S_REPORTED_BY) {
    double xr = S_x(t, e->end + 1);
    *x0 = xr - 26;
    *x1 = xr + 2;
    *anchor = xr - 6;
  } else {
    double a = e->open_start ? t->plot_l - S_EDGE + 10 : S_x(t, e->start);
    double b = e->open_end ? t->plot_r + S_EDGE - 10 : S_x(t, e->end + 1);
    if (b - a < 4) {
      double c = (a + b) / 2;
      a = c - 2;
      b = c + 2;
    }
    *x0 = a - (e->open_start ? 8 : 0);
    *x1 = b + (e->open_end ? 8 : 0);
    *anchor = (a + b) / 2;
  }
}

typedef struct {
  size_t lane;
  double x0;
  size_t idx;
} S_mark_sort;

static int S_mark_cmp(const void *pa, const void *pb) {
  const S_mark_sort *a = pa, *b = pb;
  if (a->lane != b->lane) return a->lane < b->lane ? -1 : 1;
  if (a->x0 != b->x0) return a->x0 < b->x0 ? -1 : 1;
  return a->idx < b->idx ? -1 : a->idx > b->idx;
}

/* One mark per drawn participant per event, then rows (tracks) in each
 * lane so that marks do not cover each other (up to S_MAX_TRACKS). */
static void S_marks(S_tl *t) {
  for (size_t i = 0; i < t->nevents; i++) {
    S_event *e = &t->events[i];
    e->mark0 = t->nmarks;
    e->nmarks = 0;
    if (e->shape == S_UNDATED) {
      t->undated++;
      continue;
    }
    if (!e->nparts) {
      t->actorless++;
      continue;
    }
    double x0, x1, anchor;
    S_extent(t, e, &x0, &x1, &anchor);
    for (size_t j = 0; j < e->nparts; j++) {
      size_t a = e->parts[j];
      if (t->actors[a].lane == S_NONE) {
        t->left_out_marks++;
        continue;
      }
      t->marks = an_xgrow(t->marks, &t->mcap, t->nmarks + 1, sizeof *t->marks);
      S_mark *mk = &t->marks[t->nmarks++];
      mk->ev = i;
      mk->actor = a;
      mk->x0 = x0;
      mk->x1 = x1;
      mk->anchor = anchor;
      mk->track = 0;
      e->nmarks++;
    }
    if (e->nmarks) {
      if (e->shape == S_POINT) t->used |= S_USED_POINT;
      if (e->shape == S_BAR) t->used |= S_USED_BAR;
      if (e->shape == S_REPORTED_BY) t->used |= S_USED_REPORTED;
      if (e->open_start || e->open_end) t->used |= S_USED_OPEN;
      if (e->shape != S_REPORTED_BY && (e->uncertain || e->approximate))
        t->used |= S_USED_FUZZY;
    }
  }
  S_mark_sort *ms = an_xmalloc((t->nmarks ? t->nmarks : 1) * sizeof *ms);
  for (size_t i = 0; i < t->nmarks; i++) {
    ms[i].lane = t->actors[t->marks[i].actor].lane;
    ms[i].x0 = t->marks[i].x0;
    ms[i].idx = i;
  }
  qsort(ms, t->nmarks, sizeof *ms, S_mark_cmp);
  t->lane_tracks = an_xcalloc(t->nlanes + 1, sizeof *t->lane_tracks);
  double end[S_MAX_TRACKS];
  size_t lane = S_NONE;
  for (size_t i = 0; i < t->nmarks; i++) {
    S_mark *mk = &t->marks[ms[i].idx];
    if (ms[i].lane != lane) {
      lane = ms[i].lane;
      for (int r = 0; r < S_MAX_TRACKS; r++) end[r] = -1e9;
    }
    int best = 0;
    for (int r = 0; r < S_MAX_TRACKS; r++) {
      if (end[r] + 2 <= mk->x0) {
        best = r;
        break;
      }
      if (end[r] < end[best]) best = r;
    }
    mk->track = best;
    if (mk->x1 > end[best]) end[best] = mk->x1;
    if (best + 1 > t->lane_tracks[lane]) t->lane_tracks[lane] = best + 1;
  }
  free(ms);
}

/* ---- SVG helpers ------------------------------------------------------ */

/* A number with one decimal, rounded half away from zero, with no locale:
 * the same double always prints the same bytes. */
static void S_num(double v, char out[32]) {
  double r = v * 10.0;
  long long t = (long long)(r < 0 ? r - 0.5 : r + 0.5);
  const char *sign = "";
  if (t < 0) {
    sign = "-";
    t = -t;
  }
  snprintf(out, 32, "%s%lld.%lld", sign, t / 10, t % 10);
}

/* The whole number of px a size needs (sizes are printed whole). */
static long S_whole(double v) {
  long n = (long)v;
  return (double)n < v ? n + 1 : n;
}

static xmlNodePtr S_el(xmlNodePtr parent, const char *name) {
  return xmlNewChild(parent, NULL, (const xmlChar *)name, NULL); /* its ns */
}

static void S_set(xmlNodePtr n, const char *name, const char *value) {
  xmlSetProp(n, (const xmlChar *)name, (const xmlChar *)value);
}

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static void S_setf(xmlNodePtr n, const char *name, const char *fmt, ...) {
  char buf[256];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  S_set(n, name, buf);
}

static void S_setn(xmlNodePtr n, const char *name, double v) {
  char b[32];
  S_num(v, b);
  S_set(n, name, b);
}

/* A text element holding s (escaped by libxml2). */
static xmlNodePtr S_textel(xmlNodePtr parent, const char *name, const char *s) {
  return xmlNewTextChild(parent, NULL, (const xmlChar *)name,
                         (const xmlChar *)s);
}

static xmlNodePtr S_label(xmlNodePtr parent, double x, double y,
                          const char *s, const char *fill, const char *size,
                          const char *anchor) {
  xmlNodePtr n = S_textel(parent, "text", s);
  S_setn(n, "x", x);
  S_setn(n, "y", y);
  if (fill) S_set(n, "fill", fill);
  if (size) S_set(n, "font-size", size);
  if (anchor) S_set(n, "text-anchor", anchor);
  return n;
}

static xmlNodePtr S_line(xmlNodePtr parent, double x1, double y1, double x2,
                         double y2, const char *stroke, const char *width) {
  xmlNodePtr n = S_el(parent, "line");
  S_setn(n, "x1", x1);
  S_setn(n, "y1", y1);
  S_setn(n, "x2", x2);
  S_setn(n, "y2", y2);
  S_set(n, "stroke", stroke);
  if (width) S_set(n, "stroke-width", width);
  return n;
}

static xmlNodePtr S_rect(xmlNodePtr parent, double x, double y, double w,
                         double h, const char *fill) {
  xmlNodePtr n = S_el(parent, "rect");
  S_setn(n, "x", x);
  S_setn(n, "y", y);
  S_setn(n, "width", w);
  S_setn(n, "height", h);
  if (fill) S_set(n, "fill", fill);
  return n;
}

/* A closed polygon of npts points (x, y pairs). */
static xmlNodePtr S_poly(xmlNodePtr parent, const double *p, size_t npts,
                         const char *fill) {
  an_buf b = AN_BUF_INIT;
  for (size_t i = 0; i < npts; i++) {
    char x[32], y[32];
    S_num(p[2 * i], x);
    S_num(p[2 * i + 1], y);
    an_buf_printf(&b, "%s%s,%s", i ? " " : "", x, y);
  }
  xmlNodePtr n = S_el(parent, "polygon");
  S_set(n, "points", an_buf_cstr(&b));
  if (fill) S_set(n, "fill", fill);
  an_buf_free(&b);
  return n;
}

/* Estimated width of a label (UTF-8 characters times an average advance). */
static double S_width(const char *s, double per_char) {
  size_t n = 0;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++)
    if ((*p & 0xC0) != 0x80) n++;
  return (double)n * per_char;
}

static void S_fmt_day(int32_t day, char out[24]) {
  int y, m, d;
  an_day_to_ymd(day, &y, &m, &d);
  snprintf(out, 24, "%d %s %d", d, S_MON[(m - 1) % 12], y);
}

/* ---- drawing marks ---------------------------------------------------- */

static const char *S_fuzz_dash(int uncertain) {
  return uncertain ? "3 2" : "1 2"; /* as style.css: dashed ?, dotted ~ */
}

static void S_draw_point(xmlNodePtr g, double cx, double cy, int uncertain,
                         int approximate) {
  xmlNodePtr c = S_el(g, "circle");
  S_setn(c, "cx", cx);
  S_setn(c, "cy", cy);
  if (uncertain || approximate) {
    S_set(c, "r", "6.5");
    S_set(c, "fill", "url(#tl-fuzzy-dot)");
    S_set(c, "stroke", S_MARK);
    S_set(c, "stroke-width", "1.2");
    S_set(c, "stroke-dasharray", S_fuzz_dash(uncertain));
  } else {
    S_set(c, "r", "5");
    S_set(c, "fill", S_MARK);
    S_set(c, "stroke", "#ffffff");
    S_set(c, "stroke-width", "1");
  }
}

static void S_draw_bar(xmlNodePtr g, double x0, double x1, double cy,
                       int uncertain, int approximate, int open_start,
                       int open_end) {
  xmlNodePtr r = S_rect(g, x0, cy - 5, x1 - x0, 10, NULL);
  S_set(r, "rx", "3");
  S_set(r, "stroke", S_MARK);
  S_set(r, "stroke-width", "1.2");
  if (uncertain || approximate) {
    S_set(r, "fill", "url(#tl-fuzzy-bar)");
    S_set(r, "stroke-dasharray", S_fuzz_dash(uncertain));
  } else {
    S_set(r, "fill", S_MARK);
    S_set(r, "fill-opacity", "0.35");
  }
  if (open_start) {
    double p[] = {x0, cy - 7, x0 - 8, cy, x0, cy + 7};
    S_poly(g, p, 3, S_MARK);
  }
  if (open_end) {
    double p[] = {x1, cy - 7, x1 + 8, cy, x1, cy + 7};
    S_poly(g, p, 3, S_MARK);
  }
}

/* "By this date": a dashed lead-in, a hollow triangle pointing back in
 * time and a stop line at the end of the report day xr. */
static void S_draw_reported(xmlNodePtr g, double xr, double cy) {
  xmlNodePtr l = S_line(g, xr - 25, cy, xr - 11, cy, S_REPORTED, "1.2");
  S_set(l, "stroke-dasharray", "2 2");
  double p[] = {xr - 1, cy - 6, xr - 11, cy, xr - 1, cy + 6};
  xmlNodePtr t = S_poly(g, p, 3, "#ffffff");
  S_set(t, "stroke", S_REPORTED);
  S_set(t, "stroke-width", "1.5");
  S_set(t, "stroke-linejoin", "round");
  S_line(g, xr + 1, cy - 7, xr + 1, cy + 7, S_REPORTED, "2");
}

/* ---- the axis --------------------------------------------------------- */

enum { S_U_DAY, S_U_WEEK, S_U_MONTH, S_U_QUARTER, S_U_YEAR };

static const struct {
  int unit, step;
  double days, space; /* average length; least px between ticks */
} S_units[] = {
    {S_U_DAY, 1, 1, 20},        {S_U_WEEK, 1, 7, 24},
    {S_U_MONTH, 1, 30.44, 30},  {S_U_QUARTER, 1, 91.31, 28},
    {S_U_YEAR, 1, 365.25, 38},  {S_U_YEAR, 2, 730.5, 38},
    {S_U_YEAR, 5, 1826, 38},    {S_U_YEAR, 10, 3652, 38},
    {S_U_YEAR, 25, 9131, 38},   {S_U_YEAR, 50, 18262, 38},
    {S_U_YEAR, 100, 36525, 38}, {S_U_YEAR, 250, 91312, 38},
    {S_U_YEAR, 500, 182625, 38}, {S_U_YEAR, 1000, 365250, 38},
};
#define S_NUNITS (sizeof S_units / sizeof S_units[0])

/* The first boundary of the unit on or after day. */
static int32_t S_next_tick(int unit, int step, int32_t day) {
  int y, m, d;
  if (unit == S_U_DAY) return day;
  if (unit == S_U_WEEK) return day + (8 - an_day_weekday(day)) % 7;
  an_day_to_ymd(day, &y, &m, &d);
  if (d != 1) {
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  if (unit == S_U_QUARTER) {
    while ((m - 1) % 3) {
      if (++m > 12) {
        m = 1;
        y++;
      }
    }
  } else if (unit == S_U_YEAR) {
    if (m != 1) {
      m = 1;
      y++;
    }
    int r = ((y % step) + step) % step;
    if (r) y += step - r;
  }
  if (y > 99999) return INT32_MAX;
  return an_day_from_ymd(y, m, 1);
}

typedef struct {
  double x;
  char text[32];
  int32_t day;
  int anchor_mid;
} S_tick;

typedef struct {
  S_tick *v;
  size_t n, cap;
} S_ticks;

static void S_tick_add(S_ticks *ts, double x, int32_t day, int mid,
                       const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

static void S_tick_add(S_ticks *ts, double x, int32_t day, int mid,
                       const char *fmt, ...) {
  ts->v = an_xgrow(ts->v, &ts->cap, ts->n + 1, sizeof *ts->v);
  S_tick *k = &ts->v[ts->n++];
  k->x = x;
  k->day = day;
  k->anchor_mid = mid;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(k->text, sizeof k->text, fmt, ap);
  va_end(ap);
}

/* The ticks (minor: the unit; major: the month or year they belong to,
 * and the start of each segment) of the chosen unit. */
static int S_ticks_make(const S_tl *t, S_ticks *minor, S_ticks *major) {
  size_t u = 0;
  while (u + 1 < S_NUNITS && S_units[u].days * t->px < S_units[u].space) u++;
  int unit = S_units[u].unit, step = S_units[u].step;
  for (size_t s = 0; s < t->nsegs; s++) {
    const S_seg *sg = &t->segs[s];
    int y, m, d;
    /* the segment's own context label, at its start, unless the first
     * boundary is so near that it would hide it */
    int cu = unit <= S_U_WEEK ? S_U_MONTH : S_U_YEAR;
    int32_t b1 = S_next_tick(cu, 1, sg->a + 1);
    an_day_to_ymd(sg->a, &y, &m, &d);
    char start[32];
    if (unit <= S_U_WEEK) snprintf(start, sizeof start, "%s %d", S_MON[m - 1], y);
    else snprintf(start, sizeof start, "%d", y);
    int near = unit <= S_U_QUARTER && b1 <= sg->b &&
               S_x(t, b1) < sg->x0 + S_width(start, S_SMALL_W) + 10;
    if (!near && (unit != S_U_YEAR || t->nsegs > 1))
      S_tick_add(major, sg->x0, sg->a, 0, "%s", start);
    for (int32_t k = S_next_tick(unit, step, sg->a);
         k <= sg->b && k != INT32_MAX; k = S_next_tick(unit, step, k + 1)) {
      double x = S_x(t, k);
      an_day_to_ymd(k, &y, &m, &d);
      if (unit == S_U_DAY) {
        if (k < sg->b) S_tick_add(minor, x, k, 1, "%d", d);
        else S_tick_add(minor, x, k, 1, "%s", "");
      } else if (unit == S_U_WEEK) {
        S_tick_add(minor, x, k, 0, "%d", d);
      } else if (unit == S_U_MONTH) {
        S_tick_add(minor, x, k, 0, "%s", S_MON[m - 1]);
      } else if (unit == S_U_QUARTER) {
        S_tick_add(minor, x, k, 0, "Q%d", (m - 1) / 3 + 1);
      } else {
        S_tick_add(minor, x, k, 0, "%d", y);
      }
    }
    /* context boundaries: months above days and weeks, years above
     * months and quarters */
    if (unit <= S_U_QUARTER) {
      for (int32_t k = b1;
           k <= sg->b && k != INT32_MAX; k = S_next_tick(cu, 1, k + 1)) {
        an_day_to_ymd(k, &y, &m, &d);
        if (cu == S_U_MONTH)
          S_tick_add(major, S_x(t, k), k, 0, "%s %d", S_MON[m - 1], y);
        else
          S_tick_add(major, S_x(t, k), k, 0, "%d", y);
      }
    }
  }
  return unit;
}

/* Draws a row of labels left to right, skipping those that would touch
 * the previous one or run past the plot. */
static void S_tick_row(xmlNodePtr g, const S_ticks *ts, double y,
                       const char *fill, const char *size, const char *weight,
                       double per_char, double right, double mid_dx) {
  double last = -1e9;
  int32_t prev_day = INT32_MIN;
  for (size_t i = 0; i < ts->n; i++) {
    const S_tick *k = &ts->v[i];
    if (!k->text[0] || k->day == prev_day) continue;
    double w = S_width(k->text, per_char);
    double x0 = k->x + 3;
    double cx = x0; /* anchor point */
    if (k->anchor_mid) { /* centred in its day */
      cx = k->x + mid_dx;
      x0 = cx - w / 2;
    }
    if (x0 < last + 4 || x0 + w > right) continue;
    xmlNodePtr n = S_label(g, cx, y, k->text, fill, size,
                           k->anchor_mid ? "middle" : NULL);
    if (weight) S_set(n, "font-weight", weight);
    last = x0 + w;
    prev_day = k->day;
  }
}

/* ---- building the SVG ------------------------------------------------- */

static void S_defs(xmlNodePtr svg) {
  xmlNodePtr defs = S_el(svg, "defs");
  xmlNodePtr lg = S_el(defs, "linearGradient");
  S_set(lg, "id", "tl-fuzzy-bar");
  static const char *const lin[][2] = {
      {"0", "0.04"}, {"0.3", "0.5"}, {"0.7", "0.5"}, {"1", "0.04"}};
  for (size_t i = 0; i < 4; i++) {
    xmlNodePtr s = S_el(lg, "stop");
    S_set(s, "offset", lin[i][0]);
    S_set(s, "stop-color", S_MARK);
    S_set(s, "stop-opacity", lin[i][1]);
  }
  xmlNodePtr rg = S_el(defs, "radialGradient");
  S_set(rg, "id", "tl-fuzzy-dot");
  static const char *const rad[][2] = {{"0", "0.9"}, {"0.55", "0.45"},
                                       {"1", "0.04"}};
  for (size_t i = 0; i < 3; i++) {
    xmlNodePtr s = S_el(rg, "stop");
    S_set(s, "offset", rad[i][0]);
    S_set(s, "stop-color", S_MARK);
    S_set(s, "stop-opacity", rad[i][1]);
  }
}

static xmlNodePtr S_root(xmlDocPtr doc, double w, double h) {
  xmlNodePtr svg = xmlNewDocNode(doc, NULL, (const xmlChar *)"svg", NULL);
  xmlNsPtr ns = xmlNewNs(svg, (const xmlChar *)S_SVG_NS, NULL);
  xmlSetNs(svg, ns);
  xmlDocSetRootElement(doc, svg);
  char vb[128], a[32], b[32];
  snprintf(a, sizeof a, "%ld", S_whole(w));
  snprintf(b, sizeof b, "%ld", S_whole(h));
  snprintf(vb, sizeof vb, "0 0 %s %s", a, b);
  S_set(svg, "class", "timeline");
  S_set(svg, "width", a);
  S_set(svg, "height", b);
  S_set(svg, "viewBox", vb);
  S_set(svg, "role", "img");
  S_set(svg, "aria-labelledby", "tl-title tl-desc");
  S_set(svg, "font-family", S_FONT);
  S_set(svg, "font-size", "12");
  return svg;
}

static char *S_serialize(xmlDocPtr doc, size_t *len) {
  xmlChar *mem = NULL;
  int n = 0;
  xmlDocDumpFormatMemoryEnc(doc, &mem, &n, "UTF-8", 1);
  char *out = NULL;
  if (mem && n > 0) {
    out = an_xmalloc((size_t)n + 1);
    memcpy(out, mem, (size_t)n);
    out[n] = '\0';
    *len = (size_t)n;
  }
  xmlFree(mem);
  return out;
}

static char *S_title_text(const S_tl *t) {
  an_buf b = AN_BUF_INIT;
  an_buf_puts(&b, "Timeline");
  if (t->title && *t->title) an_buf_printf(&b, ": %s", t->title);
  return an_buf_detach(&b);
}

/* The chart of a model with nothing to draw. */
static xmlDocPtr S_empty(const S_tl *t) {
  xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
  xmlNodePtr svg = S_root(doc, 520, 84);
  S_set(svg, "data-lanes", "0");
  S_set(svg, "data-marks", "0");
  char *title = S_title_text(t);
  S_set(S_textel(svg, "title", title), "id", "tl-title");
  free(title);
  an_buf d = AN_BUF_INIT;
  an_buf_puts(&d, "Nothing to draw: the briefing has no dated events with "
                  "actors.");
  if (t->nevents)
    an_buf_printf(&d, " It has %zu event%s: %zu without a date, %zu without "
                      "an actor.",
                  t->nevents, t->nevents == 1 ? "" : "s", t->undated,
                  t->actorless);
  S_set(S_textel(svg, "desc", an_buf_cstr(&d)), "id", "tl-desc");
  xmlNodePtr bg = S_rect(svg, 0.5, 0.5, 519, 83, "#ffffff");
  S_set(bg, "stroke", S_RULE);
  xmlNodePtr n = S_label(svg, 260, 38, "Nothing to draw", S_INK, "14",
                         "middle");
  S_set(n, "class", "empty");
  S_set(n, "font-weight", "700");
  n = S_label(svg, 260, 58, "The briefing has no dated events with actors.",
              S_MUTED, "12", "middle");
  S_set(n, "class", "empty");
  an_buf_free(&d);
  return doc;
}

static void S_axis_draw(const S_tl *t, xmlNodePtr g, const S_ticks *minor,
                        const S_ticks *major, double y_top) {
  double right = t->plot_r + S_EDGE;
  S_tick_row(g, major, y_top + 12, S_ACCENT, "11", "700", S_SMALL_W, right,
             0);
  S_tick_row(g, minor, y_top + 27, S_MUTED, "11", NULL, S_SMALL_W, right,
             t->px / 2);
}

static void S_tooltip(const S_tl *t, const S_event *e, an_buf *b) {
  if (e->shape == S_REPORTED_BY) {
    char *src = S_source_title(t, e->source);
    an_buf_printf(b, "by %s", e->display ? e->display : "?");
    an_buf_printf(b, " (reported by %s; the source does not say when it "
                         "happened)",
                  src ? src : (e->source ? e->source : "its source"));
    free(src);
  } else {
    an_buf_puts(b, e->display ? e->display : "?");
    if (e->approximate) an_buf_puts(b, " (approximate)");
    if (e->uncertain) an_buf_puts(b, " (uncertain)");
  }
  an_buf_puts(b, " " S_DASH " ");
  for (size_t j = 0; j < e->nparts; j++)
    an_buf_printf(b, "%s%s", j ? ", " : "", S_actor_name(t, e->parts[j]));
  if (e->text && *e->text) an_buf_printf(b, ": %s", e->text);
}

static void S_break_draw(xmlNodePtr g, const S_seg *l, const S_seg *r,
                         double px, double y0, double y1) {
  double xa = l->x0 + (double)(l->b - l->a) * px, xb = r->x0;
  char from[24], to[24], t[128];
  S_fmt_day(l->b, from);
  S_fmt_day(r->a - 1, to);
  xmlNodePtr bg = S_el(g, "g");
  S_set(bg, "class", "axis-break");
  char iso[11];
  an_day_iso(l->b, iso);
  S_set(bg, "data-from", iso);
  an_day_iso(r->a - 1, iso);
  S_set(bg, "data-to", iso);
  snprintf(t, sizeof t,
           "Axis break: %s to %s (%ld days with no event) is compressed",
           from, to, (long)(r->a - l->b));
  S_textel(bg, "title", t);
  S_rect(bg, xa, y0, xb - xa, y1 - y0, "#ffffff");
  /* two zig-zags down the band */
  for (int side = 0; side < 2; side++) {
    double x = side ? xb - 6 : xa + 6;
    an_buf p = AN_BUF_INIT;
    int i = 0;
    for (double y = y0; y <= y1 + 0.01; y += 5, i++) {
      char a[32], b[32];
      S_num(x + ((i & 1) ? 3 : -3), a);
      S_num(y, b);
      an_buf_printf(&p, "%s%s,%s", i ? " " : "", a, b);
    }
    xmlNodePtr pl = S_el(bg, "polyline");
    S_set(pl, "points", an_buf_cstr(&p));
    S_set(pl, "fill", "none");
    S_set(pl, "stroke", S_BREAK_INK);
    S_set(pl, "stroke-width", "1.2");
    an_buf_free(&p);
  }
}

static double S_mark_y(const S_tl *t, const S_mark *mk) {
  size_t lane = t->actors[mk->actor].lane;
  return t->lane_y[lane] + S_LANE_PAD + mk->track * S_TRACK_H +
         S_TRACK_H / 2.0;
}

/* The y where a line from/to an actor meets it at an event: its mark,
 * or the middle of its lane. */
static double S_actor_y(const S_tl *t, const S_event *e, size_t actor) {
  for (size_t i = 0; i < e->nmarks; i++) {
    const S_mark *mk = &t->marks[e->mark0 + i];
    if (mk->actor == actor) return S_mark_y(t, mk);
  }
  size_t lane = t->actors[actor].lane;
  return t->lane_y[lane] + t->lane_h[lane] / 2;
}

/* Lines drawn for an action: subject-object pairs on two lanes. */
static size_t S_action_lines(const S_tl *t, const S_action *a) {
  size_t n = 0;
  if (a->ev == S_NONE || !t->events[a->ev].nmarks) return 0;
  for (size_t i = 0; i < a->nsubj; i++)
    for (size_t j = 0; j < a->nobj; j++)
      n += a->subj[i] != a->obj[j] && t->actors[a->subj[i]].lane != S_NONE &&
           t->actors[a->obj[j]].lane != S_NONE;
  return n;
}

static void S_actions_draw(S_tl *t, xmlNodePtr g) {
  size_t total = 0;
  for (size_t k = 0; k < t->nactions; k++)
    total += S_action_lines(t, &t->actions[k]);
  int dense = total > S_DENSE_LINES; /* thinner, translucent lines */
  for (size_t k = 0; k < t->nactions; k++) {
    const S_action *a = &t->actions[k];
    if (a->ev == S_NONE) continue;
    S_event *e = &t->events[a->ev];
    if (!e->nmarks) continue;
    const S_mark *m0 = &t->marks[e->mark0];
    for (size_t i = 0; i < a->nsubj; i++)
      for (size_t j = 0; j < a->nobj; j++) {
        size_t s = a->subj[i], o = a->obj[j];
        if (s == o || t->actors[s].lane == S_NONE ||
            t->actors[o].lane == S_NONE)
          continue;
        size_t n = e->nlines++;
        /* side by side: 0, +4, -4, +8, -8 ... px */
        double dx = (double)((n + 1) / 2) * 4.0 * ((n & 1) ? 1 : -1);
        double x = m0->anchor + dx;
        double y1 = S_actor_y(t, e, s), y2 = S_actor_y(t, e, o);
        double dir = y2 > y1 ? 1 : -1;
        xmlNodePtr ag = S_el(g, "g");
        S_setf(ag, "class", "action %s", S_classes[a->cls].name);
        S_set(ag, "data-action", a->id);
        S_set(ag, "data-subject", t->actors[s].id);
        S_set(ag, "data-object", t->actors[o].id);
        an_buf tt = AN_BUF_INIT;
        an_buf_printf(&tt, "%s %s %s", S_actor_name(t, s), S_ARROW,
                      S_actor_name(t, o));
        an_buf_printf(&tt, ": %s (%s", a->words ? a->words : "",
                      a->type ? a->type : "untyped");
        an_buf_printf(&tt, ", %s)", S_classes[a->cls].words);
        S_textel(ag, "title", an_buf_cstr(&tt));
        an_buf_free(&tt);
        xmlNodePtr ln = S_line(ag, x, y1 + dir * 4, x, y2 - dir * 9,
                               S_classes[a->cls].color, dense ? "1" : "1.6");
        if (dense) S_set(ag, "opacity", "0.55");
        if (S_classes[a->cls].dash)
          S_set(ln, "stroke-dasharray", S_classes[a->cls].dash);
        double p[] = {x - 4, y2 - dir * 10, x + 4, y2 - dir * 10, x,
                      y2 - dir * 4};
        S_poly(ag, p, 3, S_classes[a->cls].color);
        t->classes_used |= 1u << a->cls;
      }
  }
}

static void S_marks_draw(const S_tl *t, xmlNodePtr g) {
  for (size_t i = 0; i < t->nmarks; i++) {
    const S_mark *mk = &t->marks[i];
    const S_event *e = &t->events[mk->ev];
    xmlNodePtr mg = S_el(g, "g");
    an_buf cls = AN_BUF_INIT;
    an_buf_puts(&cls, "mark ");
    an_buf_puts(&cls, e->shape == S_POINT   ? "point"
                      : e->shape == S_BAR ? "bar"
                                          : "reported");
    if (e->shape != S_REPORTED_BY && (e->uncertain || e->approximate)) {
      an_buf_puts(&cls, " fuzzy");
      if (e->uncertain) an_buf_puts(&cls, " uncertain");
      if (e->approximate) an_buf_puts(&cls, " approximate");
    }
    if (e->open_start) an_buf_puts(&cls, " open-start");
    if (e->open_end) an_buf_puts(&cls, " open-end");
    an_buf_printf(&cls, " %s", e->id);
    S_set(mg, "class", an_buf_cstr(&cls));
    an_buf_free(&cls);
    S_set(mg, "data-event", e->id);
    S_set(mg, "data-actor", t->actors[mk->actor].id);
    char iso[11];
    if (e->shape == S_BAR) {
      if (!e->open_start) {
        an_day_iso(e->start, iso);
        S_set(mg, "data-start", iso);
      }
      if (!e->open_end) {
        an_day_iso(e->end, iso);
        S_set(mg, "data-end", iso);
      }
    } else {
      an_day_iso(e->start, iso);
      S_set(mg, e->shape == S_POINT ? "data-day" : "data-reported", iso);
    }
    an_buf tt = AN_BUF_INIT;
    S_tooltip(t, e, &tt);
    S_textel(mg, "title", an_buf_cstr(&tt));
    an_buf_free(&tt);
    double cy = S_mark_y(t, mk);
    if (e->shape == S_POINT) {
      S_draw_point(mg, mk->anchor, cy, e->uncertain, e->approximate);
    } else if (e->shape == S_REPORTED_BY) {
      S_draw_reported(mg, mk->x1 - 2, cy);
    } else {
      S_draw_bar(mg, mk->x0 + (e->open_start ? 8 : 0),
                 mk->x1 - (e->open_end ? 8 : 0), cy, e->uncertain,
                 e->approximate, e->open_start, e->open_end);
    }
  }
}

/* The legend: the kinds of marks and the classes of actions drawn,
 * wrapped to the chart's width.  Returns the y below it. */
static double S_legend(const S_tl *t, xmlNodePtr svg, double y) {
  xmlNodePtr g = S_el(svg, "g");
  S_set(g, "class", "legend");
  double x = S_PAD, right = t->width - S_PAD, cy = y + 8;
  struct {
    unsigned bit;
    int cls;
    const char *label;
  } items[] = {
      {S_USED_POINT, -1, "event on a day"},
      {S_USED_BAR, -1, "event over a span of days"},
      {S_USED_FUZZY, -1, "uncertain or approximate time"},
      {S_USED_REPORTED, -1, "no date: happened by the report date"},
      {S_USED_OPEN, -1, "open-ended"},
      {0, S_VCOOP, NULL}, {0, S_MCOOP, NULL}, {0, S_VCONF, NULL},
      {0, S_MCONF, NULL}, {0, S_NEUTRAL, NULL},
  };
  for (size_t i = 0; i < sizeof items / sizeof items[0]; i++) {
    if (items[i].bit && !(t->used & items[i].bit)) continue;
    if (!items[i].bit && !(t->classes_used & (1u << items[i].cls))) continue;
    const char *label =
        items[i].label ? items[i].label : S_classes[items[i].cls].words;
    double w = 30 + S_width(label, S_SMALL_W) + 16;
    if (x + w > right && x > S_PAD) {
      x = S_PAD;
      cy += 20;
    }
    xmlNodePtr ig = S_el(g, "g");
    S_set(ig, "class", "legend-item");
    switch (items[i].bit) {
    case S_USED_POINT: S_draw_point(ig, x + 12, cy, 0, 0); break;
    case S_USED_BAR: S_draw_bar(ig, x + 2, x + 24, cy, 0, 0, 0, 0); break;
    case S_USED_FUZZY: S_draw_bar(ig, x + 2, x + 24, cy, 1, 0, 0, 0); break;
    case S_USED_REPORTED: S_draw_reported(ig, x + 25, cy); break;
    case S_USED_OPEN: S_draw_bar(ig, x + 2, x + 18, cy, 0, 0, 0, 1); break;
    default: {
      const char *col = S_classes[items[i].cls].color;
      xmlNodePtr ln = S_line(ig, x + 2, cy, x + 20, cy, col, "1.6");
      if (S_classes[items[i].cls].dash)
        S_set(ln, "stroke-dasharray", S_classes[items[i].cls].dash);
      double p[] = {x + 19, cy - 4, x + 27, cy, x + 19, cy + 4};
      S_poly(ig, p, 3, col);
    }
    }
    S_label(ig, x + 32, cy + 4, label, S_INK, "11", NULL);
    x += w;
  }
  return cy + 14;
}

/* The whole chart of a plan with at least one mark. */
static xmlDocPtr S_chart(S_tl *t) {
  /* label column, then the plot */
  double lw = 0;
  for (size_t i = 0; i < t->nlanes; i++) {
    double w = S_width(S_actor_name(t, t->lanes[i]), S_CHAR_W);
    if (w > lw) lw = w;
  }
  lw += 14;
  if (lw < S_LABEL_MIN) lw = S_LABEL_MIN;
  if (lw > S_LABEL_MAX) lw = S_LABEL_MAX;
  t->label_w = lw;
  t->plot_l = S_PAD + lw + S_EDGE;
  double avail = S_TOTAL_MAX - 2 * S_PAD - lw - 2 * S_EDGE;
  size_t ninst = 0;
  for (size_t i = 0; i < t->nevents; i++) ninst += S_drawn(t, &t->events[i]);
  double want = 300 + 20.0 * (double)ninst;
  if (want < S_PLOT_MIN) want = S_PLOT_MIN;
  if (want > avail) want = avail;
  S_axis(t, want);
  t->width = t->plot_r + S_EDGE + S_PAD;
  if (t->width < 520) t->width = 520;
  S_marks(t);

  /* vertical layout */
  double y_axis = S_PAD + 34;
  t->lane_y = an_xmalloc((t->nlanes + 1) * sizeof *t->lane_y);
  t->lane_h = an_xmalloc((t->nlanes + 1) * sizeof *t->lane_h);
  double y = y_axis + 4;
  for (size_t i = 0; i < t->nlanes; i++) {
    int tracks = t->lane_tracks[i] ? t->lane_tracks[i] : 1;
    t->lane_y[i] = y;
    t->lane_h[i] = 2 * S_LANE_PAD + tracks * S_TRACK_H;
    y += t->lane_h[i];
  }
  double y_end = y;
  int bottom_axis = t->nlanes >= S_BOTTOM_AXIS_LANES;

  xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
  xmlNodePtr svg = S_root(doc, t->width, 100); /* height set below */
  char *title = S_title_text(t);
  S_set(S_textel(svg, "title", title), "id", "tl-title");
  free(title);
  xmlNodePtr desc = S_textel(svg, "desc", "");
  S_set(desc, "id", "tl-desc");
  S_defs(svg);
  xmlNodePtr bg = S_rect(svg, 0, 0, (double)S_whole(t->width), 100, "#ffffff");
  S_set(bg, "class", "background");

  /* lanes: background bands and names */
  xmlNodePtr lanes = S_el(svg, "g");
  S_set(lanes, "class", "lanes");
  for (size_t i = 0; i < t->nlanes; i++) {
    const S_actor *a = &t->actors[t->lanes[i]];
    xmlNodePtr lg = S_el(lanes, "g");
    S_set(lg, "class", "lane");
    S_set(lg, "data-actor", a->id);
    S_setf(lg, "data-events", "%zu", a->nev);
    an_buf tt = AN_BUF_INIT;
    an_buf_printf(&tt, "%s: %zu event%s", S_actor_name(t, t->lanes[i]), a->nev,
                  a->nev == 1 ? "" : "s");
    if (a->nact)
      an_buf_printf(&tt, ", %zu action%s", a->nact, a->nact == 1 ? "" : "s");
    S_textel(lg, "title", an_buf_cstr(&tt));
    an_buf_free(&tt);
    S_rect(lg, S_PAD, t->lane_y[i], t->width - 2 * S_PAD, t->lane_h[i],
           (i & 1) ? "#ffffff" : S_PANEL);
    /* the name, clipped to the label column */
    const char *name = S_actor_name(t, t->lanes[i]);
    size_t max = (size_t)((lw - 14) / S_CHAR_W);
    char *shown = S_squeeze(name, 0);
    if (S_width(shown, S_CHAR_W) > lw - 14) {
      size_t n = 0, bytes = 0;
      const char *p = shown;
      while (p[bytes] && n + 1 < max) {
        bytes++;
        while (((unsigned char)p[bytes] & 0xC0) == 0x80) bytes++;
        n++;
      }
      shown[bytes] = '\0';
      char *c = an_xmalloc(bytes + sizeof S_ELLIPSIS);
      memcpy(c, shown, bytes);
      memcpy(c + bytes, S_ELLIPSIS, sizeof S_ELLIPSIS);
      free(shown);
      shown = c;
    }
    S_label(lg, S_PAD + 6, t->lane_y[i] + S_LANE_PAD + S_TRACK_H / 2.0 + 4,
            shown, S_INK, NULL, NULL);
    free(shown);
  }

  /* axis and grid */
  S_ticks minor = {NULL, 0, 0}, major = {NULL, 0, 0};
  S_ticks_make(t, &minor, &major);
  xmlNodePtr grid = S_el(svg, "g");
  S_set(grid, "class", "grid");
  for (size_t i = 0; i < minor.n; i++)
    S_line(grid, minor.v[i].x, y_axis, minor.v[i].x, y_end, S_GRID, "1");
  for (size_t i = 0; i < major.n; i++)
    S_line(grid, major.v[i].x, y_axis - 30, major.v[i].x, y_end, S_RULE, "1");
  xmlNodePtr axis = S_el(svg, "g");
  S_set(axis, "class", "axis");
  for (size_t s = 0; s < t->nsegs; s++) {
    double xa = t->segs[s].x0,
           xb = xa + (double)(t->segs[s].b - t->segs[s].a) * t->px;
    if (s == 0) xa -= S_EDGE;
    if (s + 1 == t->nsegs) xb += S_EDGE;
    S_line(axis, xa, y_axis, xb, y_axis, S_MUTED, "1");
    if (bottom_axis) S_line(axis, xa, y_end, xb, y_end, S_MUTED, "1");
  }
  for (size_t i = 0; i < minor.n; i++) {
    xmlNodePtr tg = S_el(axis, "g");
    S_set(tg, "class", "tick");
    char iso[11];
    an_day_iso(minor.v[i].day, iso);
    S_set(tg, "data-day", iso);
    S_line(tg, minor.v[i].x, y_axis - 5, minor.v[i].x, y_axis, S_MUTED, "1");
  }
  S_axis_draw(t, axis, &minor, &major, S_PAD);
  double y_below = y_end;
  if (bottom_axis) {
    S_axis_draw(t, axis, &minor, &major, y_end + 2);
    y_below = y_end + 34;
  }
  free(minor.v);
  free(major.v);

  /* breaks over the lanes, then actions, then marks on top */
  xmlNodePtr breaks = S_el(svg, "g");
  S_set(breaks, "class", "breaks");
  for (size_t s = 0; s + 1 < t->nsegs; s++)
    S_break_draw(breaks, &t->segs[s], &t->segs[s + 1], t->px, y_axis - 30,
                 bottom_axis ? y_end + 34 : y_end);
  xmlNodePtr acts = S_el(svg, "g");
  S_set(acts, "class", "actions");
  S_actions_draw(t, acts);
  xmlNodePtr marks = S_el(svg, "g");
  S_set(marks, "class", "marks");
  S_marks_draw(t, marks);

  /* legend and notes */
  y = S_legend(t, svg, y_below + 12);
  size_t left_out = t->ncandidates - t->nlanes;
  if (left_out) {
    an_buf nb = AN_BUF_INIT;
    an_buf_printf(&nb,
                  "Only the %zu busiest actors have a lane: %zu more actor%s "
                  "not drawn (%zu mark%s left out).",
                  t->nlanes, left_out, left_out == 1 ? " is" : "s are",
                  t->left_out_marks, t->left_out_marks == 1 ? "" : "s");
    xmlNodePtr n = S_label(svg, S_PAD, y + 12, an_buf_cstr(&nb), S_INK, "12",
                           NULL);
    S_set(n, "class", "note lane-cap");
    S_set(n, "font-style", "italic");
    an_buf_free(&nb);
    y += 18;
  }
  if (t->undated || t->actorless) {
    an_buf nb = AN_BUF_INIT;
    if (t->undated)
      an_buf_printf(&nb, "%zu event%s with no date to place %s not drawn. ",
                    t->undated, t->undated == 1 ? "" : "s",
                    t->undated == 1 ? "it by is" : "them by are");
    if (t->actorless)
      an_buf_printf(&nb, "%zu event%s without actors %s not drawn.",
                    t->actorless, t->actorless == 1 ? "" : "s",
                    t->actorless == 1 ? "is" : "are");
    char *s = S_squeeze(an_buf_cstr(&nb), 0);
    xmlNodePtr n = S_label(svg, S_PAD, y + 12, s, S_INK, "12", NULL);
    S_set(n, "class", "note not-drawn");
    S_set(n, "font-style", "italic");
    free(s);
    an_buf_free(&nb);
    y += 18;
  }
  double h = y + S_PAD;

  /* sizes, now known */
  char a[32], b[32], vb[96];
  snprintf(a, sizeof a, "%ld", S_whole(t->width));
  snprintf(b, sizeof b, "%ld", S_whole(h));
  snprintf(vb, sizeof vb, "0 0 %s %s", a, b);
  S_set(svg, "height", b);
  S_set(svg, "viewBox", vb);
  S_setf(bg, "height", "%ld", S_whole(h));
  S_setf(svg, "data-lanes", "%zu", t->nlanes);
  S_setf(svg, "data-marks", "%zu", t->nmarks);

  /* the description */
  size_t drawn = 0;
  for (size_t i = 0; i < t->nevents; i++) drawn += t->events[i].nmarks > 0;
  char d0[24], d1[24];
  S_fmt_day(t->first_day, d0);
  S_fmt_day(t->last_day, d1);
  an_buf db = AN_BUF_INIT;
  an_buf_printf(&db,
                "A chart of %zu event%s from %s to %s, one lane per actor "
                "(%zu lane%s, the busiest actors first); each event is a mark "
                "on the lane of each of its actors, and each action a line "
                "from its subject to its object.",
                drawn, drawn == 1 ? "" : "s", d0, d1, t->nlanes,
                t->nlanes == 1 ? "" : "s");
  if (t->nsegs > 1)
    an_buf_printf(&db, " %zu long stretch%s with no event %s compressed.",
                  t->nsegs - 1, t->nsegs == 2 ? "" : "es",
                  t->nsegs == 2 ? "is" : "are");
  if (left_out)
    an_buf_printf(&db, " %zu less active actor%s not drawn.", left_out,
                  left_out == 1 ? " is" : "s are");
  an_buf_puts(&db, " The chronology lists the same events as text.");
  xmlNodeSetContent(desc, NULL);
  xmlNodeAddContent(desc, (const xmlChar *)an_buf_cstr(&db));
  an_buf_free(&db);
  return doc;
}

int an_timeline_svg(xmlDocPtr model, char **svg, size_t *len, char *err,
                    size_t errlen) {
  *svg = NULL;
  *len = 0;
  an_err_printf(err, errlen, "%s", "");
  S_tl t;
  if (!S_read(&t, model, err, errlen)) {
    S_tl_free(&t);
    return 0;
  }
  S_lanes(&t);
  int any = 0;
  for (size_t i = 0; i < t.nevents && !any; i++) any = S_drawn(&t, &t.events[i]);
  xmlDocPtr doc;
  if (any) {
    doc = S_chart(&t);
  } else {
    for (size_t i = 0; i < t.nevents; i++) {
      if (t.events[i].shape == S_UNDATED) t.undated++;
      else if (!t.events[i].nparts) t.actorless++;
    }
    doc = S_empty(&t);
  }
  char *out = S_serialize(doc, len);
  xmlFreeDoc(doc);
  S_tl_free(&t);
  if (!out) {
    an_err_printf(err, errlen, "could not serialize the timeline chart");
    *len = 0;
    return 0;
  }
  *svg = out;
  return 1;
}
