/* slice.c - see slice.h. */
#include "slice.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "xml.h"

/* ---- tables: id -> element, in model order ------------------------------ */

typedef struct {
  char *id;        /* owned */
  size_t pos;      /* order in the model */
  xmlNodePtr node; /* in the model */
  xmlNodePtr brief; /* an actor or source short (slice.h), in the slicer's
                       own document; NULL: copied whole */
} S_entry;

typedef struct {
  S_entry *v;
  size_t n, cap;
} S_table;

static void S_add(S_table *t, const char *id, size_t pos, xmlNodePtr node) {
  t->v = an_xgrow(t->v, &t->cap, t->n + 1, sizeof *t->v);
  t->v[t->n++] = (S_entry){an_xstrdup(id), pos, node, NULL};
}

/* Adds node under the value of holder's attribute `attr`, when present. */
static void S_add_attr(S_table *t, xmlNodePtr holder, const char *attr,
                       size_t pos, xmlNodePtr node) {
  char *id = an_xml_prop(holder, attr);
  if (id) S_add(t, id, pos, node);
  free(id);
}

static int S_cmp_entry(const void *a, const void *b) {
  const S_entry *x = a, *y = b;
  int c = strcmp(x->id, y->id);
  if (c) return c;
  return (x->pos > y->pos) - (x->pos < y->pos);
}

static void S_sort(S_table *t) {
  if (t->n > 1) qsort(t->v, t->n, sizeof *t->v, S_cmp_entry);
}

/* The first entry of id, or NULL; its others follow it. */
static const S_entry *S_find(const S_table *t, const char *id) {
  size_t lo = 0, hi = t->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (strcmp(t->v[mid].id, id) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo < t->n && strcmp(t->v[lo].id, id) == 0 ? &t->v[lo] : NULL;
}

static void S_table_free(S_table *t) {
  for (size_t i = 0; i < t->n; i++) free(t->v[i].id);
  free(t->v);
}

struct an_slicer {
  xmlNodePtr root;
  xmlDocPtr briefs; /* owns the short copies of actors and sources */
  S_table actors, sources, topics, jsonld;  /* one element per id */
  S_table actions;                          /* by id */
  S_table years;                            /* chronology/year by @value,
                                               chronology/undated: "undated" */
  S_table by_source, by_actor, by_topic;    /* events */
  S_table by_year;                          /* events: "YYYY" or "undated" */
  S_table edges, members;                   /* edges by end, actors by group */
  xmlNodePtr chart;                         /* the timeline diagram, or NULL */
};

/* The year (as its chronology element is keyed) an event is listed under:
 * the first four characters of @month, as gen/model.c groups them. */
static void S_add_year(S_table *t, xmlNodePtr e, size_t pos) {
  char *month = an_xml_prop(e, "month");
  char year[5] = "";
  if (month && strlen(month) >= 4) {
    memcpy(year, month, 4);
    year[4] = '\0';
  }
  S_add(t, year[0] ? year : "undated", pos, e);
  free(month);
}

/* Indexes the elements of /briefing/LIST/ITEM by @id into t. */
static void S_index_list(S_table *t, xmlNodePtr root, const char *list,
                         const char *item, const char *attr) {
  xmlNodePtr l = an_xml_first(root, list);
  size_t pos = 0;
  for (xmlNodePtr c = l ? l->children : NULL; c; c = c->next)
    if (an_xml_is(c, item)) S_add_attr(t, c, attr, pos++, c);
}

static void S_copy_some(xmlNodePtr n, xmlDocPtr doc, xmlNodePtr parent,
                        int (*keep)(xmlNodePtr));
static int S_not_body(xmlNodePtr c);
static int S_short_actor(xmlNodePtr c);

/* Makes the short copy of every element of t, once: a slice names many
 * actors and sources short, and filtering an actor's children for each
 * (one <mentions> per source that names it) was most of the time of
 * slicing a 10,000-source briefing. */
static void S_briefs(S_table *t, xmlDocPtr doc, int (*keep)(xmlNodePtr)) {
  xmlNodePtr holder = xmlDocGetRootElement(doc);
  for (size_t i = 0; i < t->n; i++) {
    S_copy_some(t->v[i].node, doc, holder, keep);
    t->v[i].brief = holder->last;
  }
}

an_slicer *an_slicer_new(xmlDocPtr model) {
  xmlNodePtr root = model ? xmlDocGetRootElement(model) : NULL;
  if (!an_xml_is(root, "briefing")) return NULL;
  an_slicer *s = an_xcalloc(1, sizeof *s);
  s->root = root;
  S_index_list(&s->actors, root, "actors", "actor", "id");
  S_index_list(&s->sources, root, "sources", "source", "id");
  S_index_list(&s->topics, root, "topics", "topic", "id");
  S_index_list(&s->jsonld, root, "jsonld", "item", "for");
  s->briefs = xmlNewDoc((const xmlChar *)"1.0");
  xmlDocSetRootElement(s->briefs, xmlNewDocNode(s->briefs, NULL, (const xmlChar *)"briefs", NULL));
  S_briefs(&s->actors, s->briefs, S_short_actor);
  S_briefs(&s->sources, s->briefs, S_not_body);
  S_index_list(&s->actions, root, "actions", "action", "id");
  xmlNodePtr chron = an_xml_first(root, "chronology");
  size_t at = 0;
  for (xmlNodePtr c = chron ? chron->children : NULL; c; c = c->next) {
    if (an_xml_is(c, "year")) S_add_attr(&s->years, c, "value", at++, c);
    else if (an_xml_is(c, "undated")) S_add(&s->years, "undated", at++, c);
  }
  xmlNodePtr diagrams = an_xml_first(root, "diagrams");
  for (xmlNodePtr c = diagrams ? diagrams->children : NULL; c && !s->chart; c = c->next) {
    char *name = an_xml_is(c, "diagram") ? an_xml_prop(c, "name") : NULL;
    if (name && strcmp(name, "timeline") == 0) s->chart = c;
    free(name);
  }
  xmlNodePtr l = an_xml_first(root, "actors");
  size_t pos = 0;
  for (xmlNodePtr a = l ? l->children : NULL; a; a = a->next) {
    if (!an_xml_is(a, "actor")) continue;
    for (xmlNodePtr c = a->children; c; c = c->next)
      if (an_xml_is(c, "member-of")) S_add_attr(&s->members, c, "ref", pos, a);
    pos++;
  }
  l = an_xml_first(root, "events");
  pos = 0;
  for (xmlNodePtr e = l ? l->children : NULL; e; e = e->next) {
    if (!an_xml_is(e, "event")) continue;
    S_add_year(&s->by_year, e, pos);
    for (xmlNodePtr c = e->children; c; c = c->next) {
      if (an_xml_is(c, "citation")) S_add_attr(&s->by_source, c, "source", pos, e);
      else if (an_xml_is(c, "participant")) S_add_attr(&s->by_actor, c, "ref", pos, e);
      else if (an_xml_is(c, "topic")) S_add_attr(&s->by_topic, c, "ref", pos, e);
    }
    pos++;
  }
  l = an_xml_first(root, "edges");
  pos = 0;
  for (xmlNodePtr e = l ? l->children : NULL; e; e = e->next) {
    if (!an_xml_is(e, "edge")) continue;
    S_add_attr(&s->edges, e, "subject", pos, e);
    S_add_attr(&s->edges, e, "object", pos, e);
    pos++;
  }
  S_table *all[] = {&s->actors, &s->sources, &s->topics, &s->jsonld,
                    &s->actions, &s->years, &s->by_source, &s->by_actor,
                    &s->by_topic, &s->by_year, &s->edges, &s->members};
  for (size_t i = 0; i < sizeof all / sizeof *all; i++) S_sort(all[i]);
  return s;
}

void an_slicer_free(an_slicer *s) {
  if (!s) return;
  S_table *all[] = {&s->actors, &s->sources, &s->topics, &s->jsonld,
                    &s->actions, &s->years, &s->by_source, &s->by_actor,
                    &s->by_topic, &s->by_year, &s->edges, &s->members};
  for (size_t i = 0; i < sizeof all / sizeof *all; i++) S_table_free(all[i]);
  xmlFreeDoc(s->briefs);
  free(s);
}

/* ---- what a slice names --------------------------------------------------- */

typedef struct {
  const S_entry **v;
  size_t n, cap;
} S_picks;

static void S_pick(S_picks *p, const S_entry *e) {
  if (!e) return;
  p->v = an_xgrow(p->v, &p->cap, p->n + 1, sizeof *p->v);
  p->v[p->n++] = e;
}

static int S_cmp_pos(const void *a, const void *b) {
  size_t x = (*(const S_entry *const *)a)->pos;
  size_t y = (*(const S_entry *const *)b)->pos;
  return (x > y) - (x < y);
}

/* Model order, each once (entries of two tables may hold one element:
 * the same position in the list). */
static void S_picks_order(S_picks *p) {
  if (p->n > 1) qsort(p->v, p->n, sizeof *p->v, S_cmp_pos);
  size_t k = 0;
  for (size_t i = 0; i < p->n; i++)
    if (k == 0 || p->v[k - 1]->pos != p->v[i]->pos) p->v[k++] = p->v[i];
  p->n = k;
}

typedef struct {
  const an_slicer *s;
  S_picks actors, sources, topics, actions;
} S_named;

static void S_name(const S_table *t, S_picks *p, xmlNodePtr n, const char *attr) {
  char *id = an_xml_prop(n, attr);
  if (id) S_pick(p, S_find(t, id));
  free(id);
}

/* Collects the actors, sources and topics that element n and its
 * descendants name (the reference attributes of docs/model.md). */
static void S_scan(S_named *nm, xmlNodePtr n) {
  if (an_xml_is(n, "actor-ref") || an_xml_is(n, "participant") ||
      an_xml_is(n, "member-of") || an_xml_is(n, "subject") ||
      an_xml_is(n, "object")) {
    S_name(&nm->s->actors, &nm->actors, n, "ref");
  } else if (an_xml_is(n, "topic-ref") || an_xml_is(n, "topic")) {
    S_name(&nm->s->topics, &nm->topics, n, "ref");
  } else if (an_xml_is(n, "edge")) {
    S_name(&nm->s->actors, &nm->actors, n, "subject");
    S_name(&nm->s->actors, &nm->actors, n, "object");
  } else if (an_xml_is(n, "action")) {
    S_name(&nm->s->actions, &nm->actions, n, "ref"); /* an event's or edge's */
  }
  if (n->type == XML_ELEMENT_NODE && xmlHasProp(n, (const xmlChar *)"source"))
    S_name(&nm->s->sources, &nm->sources, n, "source");
  for (xmlNodePtr c = n->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE) S_scan(nm, c);
}

/* ---- copies --------------------------------------------------------------- */

static xmlNodePtr S_copy(xmlNodePtr n, xmlDocPtr doc, xmlNodePtr parent) {
  xmlNodePtr c = xmlDocCopyNode(n, doc, 1);
  if (c) xmlAddChild(parent, c);
  return c;
}

/* A copy of n (attributes) with the child elements keep() accepts. */
static void S_copy_some(xmlNodePtr n, xmlDocPtr doc, xmlNodePtr parent,
                        int (*keep)(xmlNodePtr)) {
  xmlNodePtr copy = xmlDocCopyNode(n, doc, 2);
  if (!copy) return;
  xmlAddChild(parent, copy);
  for (xmlNodePtr c = n->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && keep(c)) S_copy(c, doc, copy);
}

static int S_not_summary(xmlNodePtr c) { return !an_xml_is(c, "summary"); }
static int S_not_body(xmlNodePtr c) { return !an_xml_is(c, "body"); }
static int S_short_actor(xmlNodePtr c) {
  return an_xml_is(c, "name") || an_xml_is(c, "role") || an_xml_is(c, "member-of");
}

/* <LIST> with the picked elements: `own` whole, the others short. */
static void S_put_list(xmlDocPtr doc, xmlNodePtr r, xmlNodePtr model_list,
                       S_picks *p, const S_entry *own) {
  if (!model_list) return;
  xmlNodePtr list = xmlDocCopyNode(model_list, doc, 2);
  if (!list) return;
  xmlAddChild(r, list);
  S_picks_order(p);
  for (size_t i = 0; i < p->n; i++) {
    const S_entry *e = p->v[i];
    S_copy((own && e->pos == own->pos) || !e->brief ? e->node : e->brief, doc, list);
  }
}

/* Copies the distinct nodes listed under id in t into parent (model
 * order: t is sorted by id, then position) and scans them. */
static void S_put_all(S_named *nm, const S_table *t, const char *id,
                      xmlDocPtr doc, xmlNodePtr parent) {
  xmlNodePtr last = NULL;
  for (const S_entry *e = S_find(t, id); e && e < t->v + t->n && strcmp(e->id, id) == 0; e++) {
    if (e->node == last) continue; /* a self-loop names its actor twice */
    last = e->node;
    S_copy(e->node, doc, parent);
    S_scan(nm, e->node);
  }
}

/* The element sibling before (dir < 0) or after n, or NULL. */
static xmlNodePtr S_sibling(xmlNodePtr n, int dir) {
  do n = dir < 0 ? n->prev : n->next;
  while (n && n->type != XML_ELEMENT_NODE);
  return n;
}

/* A copy of a chronology element with its @value only (a year page links
 * its neighbours by their value). */
static void S_put_stub(xmlNodePtr n, xmlDocPtr doc, xmlNodePtr parent) {
  if (!n) return;
  xmlNodePtr stub = xmlNewDocNode(doc, NULL, n->name, NULL);
  char *value = an_xml_prop(n, "value");
  if (value) xmlSetProp(stub, (const xmlChar *)"value", (const xmlChar *)value);
  free(value);
  xmlAddChild(parent, stub);
}

/* The page's own element, its table of events and its JSON-LD prefix. */
typedef struct {
  const S_table *own, *events;
  const char *jsonld;
} S_kind;

static S_kind S_kind_of(const an_slicer *s, an_slice_kind kind) {
  switch (kind) {
  case AN_SLICE_SOURCE: return (S_kind){&s->sources, &s->by_source, "source:"};
  case AN_SLICE_ACTOR: return (S_kind){&s->actors, &s->by_actor, "actor:"};
  case AN_SLICE_TOPIC: return (S_kind){&s->topics, &s->by_topic, "topic:"};
  case AN_SLICE_YEAR: return (S_kind){&s->years, &s->by_year, NULL};
  case AN_SLICE_TIMELINE:
  case AN_SLICE_INDEX: break;
  }
  return (S_kind){NULL, NULL, NULL};
}

/* <LIST> with every element of the model's list, short (t: the table
 * of their briefs), in model order. */
static void S_put_briefs(xmlDocPtr doc, xmlNodePtr r, xmlNodePtr model_list,
                         const S_table *t) {
  xmlNodePtr list = xmlDocCopyNode(model_list, doc, 2);
  if (!list) return;
  xmlAddChild(r, list);
  for (xmlNodePtr c = model_list->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    char *id = an_xml_prop(c, "id");
    const S_entry *e = id ? S_find(t, id) : NULL;
    free(id);
    S_copy(e && e->node == c && e->brief ? e->brief : c, doc, list);
  }
}

/* The first child of list named `item` whose attribute `attr` is value. */
static xmlNodePtr S_child_with(xmlNodePtr list, const char *item,
                               const char *attr, const char *value) {
  for (xmlNodePtr c = list->children; c; c = c->next) {
    if (!an_xml_is(c, item)) continue;
    char *v = an_xml_prop(c, attr);
    int same = v && strcmp(v, value) == 0;
    free(v);
    if (same) return c;
  }
  return NULL;
}

int an_slice_index_lists(xmlNodePtr event, size_t at, size_t n) {
  if (n - at <= AN_SLICE_INDEX_LATEST) return 1;
  xmlChar *conflict = xmlGetNoNsProp(event, (const xmlChar *)"conflict");
  int listed = xmlStrEqual(conflict, (const xmlChar *)"true");
  xmlFree(conflict);
  return listed;
}

static xmlDocPtr S_index_slice(const an_slicer *s) {
  xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
  xmlNodePtr r = xmlDocCopyNode(s->root, doc, 2);
  xmlDocSetRootElement(doc, r);
  S_named nm = {s, {0}, {0}, {0}, {0}};
  for (xmlNodePtr part = s->root->children; part; part = part->next) {
    if (an_xml_is(part, "head") || an_xml_is(part, "topics") ||
        an_xml_is(part, "edges")) {
      S_copy(part, doc, r);
    } else if (an_xml_is(part, "sources")) {
      S_put_briefs(doc, r, part, &s->sources);
    } else if (an_xml_is(part, "actors")) {
      S_put_briefs(doc, r, part, &s->actors);
    } else if (an_xml_is(part, "events")) {
      xmlNodePtr list = xmlDocCopyNode(part, doc, 2);
      if (!list) continue;
      xmlAddChild(r, list);
      size_t n = 0, at = 0;
      for (xmlNodePtr e = part->children; e; e = e->next) n += an_xml_is(e, "event");
      for (xmlNodePtr e = part->children; e; e = e->next) {
        if (!an_xml_is(e, "event")) continue;
        if (an_slice_index_lists(e, at++, n)) {
          S_copy(e, doc, list);
          S_scan(&nm, e);
        } else {
          xmlNodePtr shell = xmlDocCopyNode(e, doc, 2);
          if (shell) xmlAddChild(list, shell);
        }
      }
    } else if (an_xml_is(part, "actions")) {
      S_put_list(doc, r, part, &nm.actions, NULL);
    } else if (an_xml_is(part, "diagrams") || an_xml_is(part, "jsonld")) {
      int d = an_xml_is(part, "diagrams");
      xmlNodePtr one = S_child_with(part, d ? "diagram" : "item", d ? "name" : "for",
                                    d ? "actors" : "index");
      xmlNodePtr list = xmlDocCopyNode(part, doc, 2);
      if (!list) continue;
      xmlAddChild(r, list);
      if (one) S_copy(one, doc, list);
    }
  }
  free(nm.actors.v);
  free(nm.sources.v);
  free(nm.topics.v);
  free(nm.actions.v);
  return doc;
}

xmlDocPtr an_slice(const an_slicer *s, an_slice_kind kind, const char *id) {
  if (!s || !id) return NULL;
  if (kind == AN_SLICE_INDEX) return S_index_slice(s);
  S_kind k = S_kind_of(s, kind);
  const S_entry *own = k.own ? S_find(k.own, id) : NULL;
  if (k.own && !own) return NULL;
  xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
  xmlNodePtr r = xmlDocCopyNode(s->root, doc, 2);
  xmlDocSetRootElement(doc, r);
  S_named nm = {s, {0}, {0}, {0}, {0}};
  S_picks *own_picks = kind == AN_SLICE_SOURCE  ? &nm.sources
                       : kind == AN_SLICE_ACTOR ? &nm.actors
                       : kind == AN_SLICE_TOPIC ? &nm.topics
                                                : NULL;
  if (own_picks) {
    S_pick(own_picks, own);
    S_scan(&nm, own->node);
  }

  /* the page's events, edges and members, then what they name */
  xmlNodePtr events = NULL, edges = NULL;
  if (k.events) {
    events = xmlNewDocNode(doc, NULL, (const xmlChar *)"events", NULL);
    S_put_all(&nm, k.events, id, doc, events);
  }
  if (kind == AN_SLICE_ACTOR) {
    edges = xmlNewDocNode(doc, NULL, (const xmlChar *)"edges", NULL);
    S_put_all(&nm, &s->edges, id, doc, edges);
    for (const S_entry *m = S_find(&s->members, id);
         m && m < s->members.v + s->members.n && strcmp(m->id, id) == 0; m++)
      S_pick(&nm.actors, m); /* m->node is the member, m->pos its place */
  }
  if (kind == AN_SLICE_YEAR) /* the actions of the events, and their actors */
    for (size_t i = 0; i < nm.actions.n; i++) S_scan(&nm, nm.actions.v[i]->node);

  /* the model's order: head, sources, actors, topics, events, chronology,
   * actions, edges, diagrams, jsonld */
  for (xmlNodePtr part = s->root->children; part; part = part->next) {
    if (an_xml_is(part, "head")) {
      S_copy_some(part, doc, r, S_not_summary);
    } else if (an_xml_is(part, "sources")) {
      S_put_list(doc, r, part, &nm.sources, kind == AN_SLICE_SOURCE ? own : NULL);
    } else if (an_xml_is(part, "actors")) {
      S_put_list(doc, r, part, &nm.actors, kind == AN_SLICE_ACTOR ? own : NULL);
    } else if (an_xml_is(part, "topics")) {
      S_put_list(doc, r, part, &nm.topics, NULL);
    } else if (an_xml_is(part, "events") && events) {
      xmlAddChild(r, events);
      events = NULL;
    } else if (an_xml_is(part, "chronology") && kind == AN_SLICE_TIMELINE) {
      S_copy(part, doc, r);
    } else if (an_xml_is(part, "chronology") && kind == AN_SLICE_YEAR) {
      xmlNodePtr list = xmlDocCopyNode(part, doc, 2);
      if (!list) continue;
      xmlAddChild(r, list);
      S_put_stub(S_sibling(own->node, -1), doc, list);
      S_copy(own->node, doc, list);
      S_put_stub(S_sibling(own->node, 1), doc, list);
    } else if (an_xml_is(part, "actions") && kind == AN_SLICE_YEAR) {
      S_put_list(doc, r, part, &nm.actions, NULL);
    } else if (an_xml_is(part, "edges") && edges) {
      xmlAddChild(r, edges);
      edges = NULL;
    } else if (an_xml_is(part, "diagrams") && kind == AN_SLICE_TIMELINE && s->chart) {
      xmlNodePtr list = xmlDocCopyNode(part, doc, 2);
      if (!list) continue;
      xmlAddChild(r, list);
      S_copy(s->chart, doc, list);
    } else if (an_xml_is(part, "jsonld") && k.jsonld) {
      size_t n = strlen(k.jsonld) + strlen(id) + 1;
      char *key = an_xmalloc(n);
      memcpy(key, k.jsonld, strlen(k.jsonld));
      memcpy(key + strlen(k.jsonld), id, strlen(id) + 1);
      const S_entry *item = S_find(&s->jsonld, key);
      free(key);
      xmlNodePtr list = xmlDocCopyNode(part, doc, 2);
      if (list) {
        xmlAddChild(r, list);
        if (item) S_copy(item->node, doc, list);
      }
    }
  }
  if (events) xmlFreeNode(events); /* the model had no <events> */
  if (edges) xmlFreeNode(edges);
  free(nm.actors.v);
  free(nm.sources.v);
  free(nm.topics.v);
  free(nm.actions.v);
  return doc;
}
