/* actorsite.c - see actorsite.h. */
#include "actorsite.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "alloc.h"
#include "buf.h"
#include "diagram.h"
#include "export.h"
#include "annotate.h" /* an_valid_id */
#include "xml.h"

static int S_render(an_views *v, an_site *site, const char *view,
                    xmlDocPtr model, const char *const *params,
                    const char *rel, an_diags *d) {
  char *out;
  size_t len;
  if (!an_views_render(v, view, model, params, &out, &len, d)) return 0;
  int ok = an_site_write(site, rel, out, len, d);
  free(out);
  return ok;
}

/* ---- which actors get an ego diagram ----------------------------------- */

typedef struct {
  char *id;        /* owned */
  size_t at;       /* model order */
  long weight;
  int ego;
  xmlNodePtr node; /* in the model */
} S_actor;

static int S_cmp_id(const void *a, const void *b) {
  return strcmp(((const S_actor *)a)->id, ((const S_actor *)b)->id);
}

/* Heaviest first, then by id. */
static int S_cmp_at(const void *a, const void *b) {
  size_t x = ((const S_actor *)a)->at, y = ((const S_actor *)b)->at;
  return (x > y) - (x < y);
}

static int S_cmp_weight(const void *a, const void *b) {
  const S_actor *x = a, *y = b;
  if (x->weight != y->weight) return x->weight > y->weight ? -1 : 1;
  return strcmp(x->id, y->id);
}

static S_actor *S_lookup(S_actor *v, size_t n, const char *id) {
  S_actor key = {(char *)id, 0, 0, 0, NULL};
  return id ? bsearch(&key, v, n, sizeof *v, S_cmp_id) : NULL;
}

static long S_count(xmlNodePtr e) {
  xmlChar *c = xmlGetNoNsProp(e, (const xmlChar *)"count");
  long v = c ? strtol((const char *)c, NULL, 10) : 1;
  xmlFree(c);
  return v > 0 ? v : 1;
}

/* Marks `ego` on the AN_ACTORSITE_MAX_EGO actors with an edge and the
 * highest weighted degree (as the overview ranks them).  v is in model
 * order again on return. */
static void S_choose_egos(xmlNodePtr root, S_actor *v, size_t n) {
  if (n == 0) return; /* and v may be NULL */
  qsort(v, n, sizeof *v, S_cmp_id);
  xmlNodePtr edges = an_xml_first(root, "edges");
  for (xmlNodePtr e = edges ? edges->children : NULL; e; e = e->next) {
    if (!an_xml_is(e, "edge")) continue;
    xmlChar *s = xmlGetNoNsProp(e, (const xmlChar *)"subject");
    xmlChar *o = xmlGetNoNsProp(e, (const xmlChar *)"object");
    long c = S_count(e);
    S_actor *a = S_lookup(v, n, (const char *)s);
    S_actor *b = S_lookup(v, n, (const char *)o);
    if (a) a->weight += c;
    if (b && b != a) b->weight += c;
    xmlFree(s);
    xmlFree(o);
  }
  S_actor *w = an_xmalloc((n ? n : 1) * sizeof *w);
  memcpy(w, v, n * sizeof *w);
  qsort(w, n, sizeof *w, S_cmp_weight);
  for (size_t i = 0; i < n && i < AN_ACTORSITE_MAX_EGO && w[i].weight > 0; i++)
    S_lookup(v, n, w[i].id)->ego = 1;
  free(w);
  qsort(v, n, sizeof *v, S_cmp_at);
}

/* ---- ego diagrams in the model ------------------------------------------ */

/* Adds <diagram name="NAME">SVG</diagram> to /briefing/diagrams (made
 * when missing); returns the element, or NULL when the SVG does not
 * parse. */
static xmlNodePtr S_attach(xmlDocPtr model, const char *name, const char *svg,
                           size_t len) {
  xmlDocPtr sd = xmlReadMemory(svg, (int)len, "ego.svg", "UTF-8",
                               XML_PARSE_NONET | XML_PARSE_NOBLANKS |
                                   XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!sd) return NULL;
  xmlNodePtr root = xmlDocGetRootElement(model);
  xmlNodePtr diagrams = an_xml_first(root, "diagrams");
  if (!diagrams)
    diagrams = xmlNewChild(root, NULL, (const xmlChar *)"diagrams", NULL);
  xmlNodePtr diagram =
      xmlNewChild(diagrams, NULL, (const xmlChar *)"diagram", NULL);
  xmlSetProp(diagram, (const xmlChar *)"name", (const xmlChar *)name);
  xmlNodePtr copy = xmlDocCopyNode(xmlDocGetRootElement(sd), model, 1);
  if (copy) xmlAddChild(diagram, copy);
  xmlFreeDoc(sd);
  return diagram;
}

static void S_detach(xmlNodePtr diagram) {
  if (!diagram) return;
  xmlUnlinkNode(diagram);
  xmlFreeNode(diagram);
}

/* ---- slices of the model ------------------------------------------------ */

/* libxslt does work in proportion to the whole input document for every
 * transform (document order, xsl:strip-space, each key): on a 1,000-actor
 * model about 0.25 s a page.  So an actor or topic page is rendered from
 * a slice of the model: the same elements, holding only what the page
 * shows.  The base slice is made once: the root's attributes, the head
 * without its summary, the sources without their bodies, every actor
 * with its name, role and affiliations only, the topics, the JSON-LD of
 * the actor pages.  For a page,
 * the actor's whole element replaces its short one and its events and
 * edges (or the topic's events) and its diagram are added; after the
 * page they are taken out again. */

static int S_keep_in_base_actor(xmlNodePtr c) {
  return an_xml_is(c, "name") || an_xml_is(c, "role") || an_xml_is(c, "member-of");
}

/* A copy of n into doc with only the children keep() accepts. */
static xmlNodePtr S_copy_some(xmlNodePtr n, xmlDocPtr doc,
                              int (*keep)(xmlNodePtr)) {
  xmlNodePtr copy = xmlDocCopyNode(n, doc, 2); /* attributes, no children */
  if (!copy) return NULL;
  for (xmlNodePtr c = n->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && keep(c)) {
      xmlNodePtr cc = xmlDocCopyNode(c, doc, 1);
      if (cc) xmlAddChild(copy, cc);
    }
  return copy;
}

static int S_not_body(xmlNodePtr c) { return !an_xml_is(c, "body"); }

/* The JSON-LD of the actor pages (publish.h), not the others'. */
static int S_actor_jsonld(xmlNodePtr c) {
  xmlChar *key = xmlGetNoNsProp(c, (const xmlChar *)"for");
  int yes = key && strncmp((const char *)key, "actor:", 6) == 0;
  xmlFree(key);
  return yes;
}
static int S_not_summary(xmlNodePtr c) { return !an_xml_is(c, "summary"); }

static xmlDocPtr S_base_slice(xmlNodePtr root) {
  xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
  xmlNodePtr r = xmlDocCopyNode(root, doc, 2);
  xmlDocSetRootElement(doc, r);
  for (xmlNodePtr part = root->children; part; part = part->next) {
    if (an_xml_is(part, "head")) {
      xmlAddChild(r, S_copy_some(part, doc, S_not_summary));
    } else if (an_xml_is(part, "sources") || an_xml_is(part, "actors")) {
      xmlNodePtr list = xmlDocCopyNode(part, doc, 2);
      xmlAddChild(r, list);
      for (xmlNodePtr c = part->children; c; c = c->next) {
        if (an_xml_is(c, "source"))
          xmlAddChild(list, S_copy_some(c, doc, S_not_body));
        else if (an_xml_is(c, "actor"))
          xmlAddChild(list, S_copy_some(c, doc, S_keep_in_base_actor));
      }
    } else if (an_xml_is(part, "topics")) {
      xmlAddChild(r, xmlDocCopyNode(part, doc, 1));
    } else if (an_xml_is(part, "jsonld")) {
      xmlAddChild(r, S_copy_some(part, doc, S_actor_jsonld));
    }
  }
  return doc;
}

/* ---- an index of the model: which events and edges name an id -------- */

typedef struct {
  char *id;        /* owned */
  size_t at;       /* order in the model */
  xmlNodePtr node; /* the event or edge, in the model */
} S_ref;

typedef struct {
  S_ref *refs;
  size_t n, cap;
} S_index;

static void S_index_add(S_index *x, xmlNodePtr holder, const char *attr,
                        xmlNodePtr node) {
  xmlChar *id = xmlGetNoNsProp(holder, (const xmlChar *)attr);
  if (!id) return;
  x->refs = an_xgrow(x->refs, &x->cap, x->n + 1, sizeof *x->refs);
  x->refs[x->n] = (S_ref){an_xstrdup((const char *)id), x->n, node};
  x->n++;
  xmlFree(id);
}

static int S_cmp_ref(const void *a, const void *b) {
  const S_ref *x = a, *y = b;
  int c = strcmp(x->id, y->id);
  if (c) return c;
  return (x->at > y->at) - (x->at < y->at);
}

/* Events by participant, events by topic, edges by either end; each in
 * model order for one id. */
typedef struct {
  S_index participant, topic, edge;
} S_indexes;

static void S_indexes_build(S_indexes *ix, xmlNodePtr root) {
  memset(ix, 0, sizeof *ix);
  xmlNodePtr list = an_xml_first(root, "events");
  for (xmlNodePtr e = list ? list->children : NULL; e; e = e->next) {
    if (!an_xml_is(e, "event")) continue;
    for (xmlNodePtr c = e->children; c; c = c->next) {
      if (an_xml_is(c, "participant")) S_index_add(&ix->participant, c, "ref", e);
      else if (an_xml_is(c, "topic")) S_index_add(&ix->topic, c, "ref", e);
    }
  }
  list = an_xml_first(root, "edges");
  for (xmlNodePtr e = list ? list->children : NULL; e; e = e->next) {
    if (!an_xml_is(e, "edge")) continue;
    S_index_add(&ix->edge, e, "subject", e);
    S_index_add(&ix->edge, e, "object", e);
  }
  S_index *all[3] = {&ix->participant, &ix->topic, &ix->edge};
  for (int i = 0; i < 3; i++)
    if (all[i]->n > 1) /* qsort may not be given NULL */
      qsort(all[i]->refs, all[i]->n, sizeof *all[i]->refs, S_cmp_ref);
}

static void S_indexes_free(S_indexes *ix) {
  S_index *all[3] = {&ix->participant, &ix->topic, &ix->edge};
  for (int i = 0; i < 3; i++) {
    for (size_t k = 0; k < all[i]->n; k++) free(all[i]->refs[k].id);
    free(all[i]->refs);
  }
}

/* Copies the nodes naming id into parent, in model order, each once. */
static void S_copy_named(const S_index *x, const char *id, xmlNodePtr parent,
                         xmlDocPtr doc) {
  size_t lo = 0, hi = x->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (strcmp(x->refs[mid].id, id) < 0) lo = mid + 1;
    else hi = mid;
  }
  xmlNodePtr last = NULL;
  for (size_t k = lo; k < x->n && strcmp(x->refs[k].id, id) == 0; k++) {
    if (x->refs[k].node == last) continue; /* a self-loop names it twice */
    last = x->refs[k].node;
    xmlAddChild(parent, xmlDocCopyNode(last, doc, 1));
  }
}

/* What one page adds to the base slice, taken out again after. */
typedef struct {
  xmlNodePtr short_actor, full_actor; /* swapped in the base's actors */
  xmlNodePtr events, edges;           /* added */
} S_slice;

/* Makes base the slice of one actor's page (full: its element in the
 * model) or of one topic's (full NULL). */
static void S_slice_fill(S_slice *sl, xmlDocPtr base, const S_indexes *ix,
                         const char *id, xmlNodePtr full) {
  memset(sl, 0, sizeof *sl);
  xmlNodePtr r = xmlDocGetRootElement(base);
  if (full) {
    /* the actor's whole element in place of its short one */
    xmlNodePtr mine = an_xml_first(r, "actors");
    for (xmlNodePtr a = mine ? mine->children : NULL; a; a = a->next) {
      xmlChar *aid = an_xml_is(a, "actor") ? xmlGetNoNsProp(a, (const xmlChar *)"id") : NULL;
      int is = aid && strcmp((const char *)aid, id) == 0;
      xmlFree(aid);
      if (!is) continue;
      xmlNodePtr copy = xmlDocCopyNode(full, base, 1);
      if (copy) {
        sl->short_actor = xmlReplaceNode(a, copy);
        sl->full_actor = copy;
      }
      break;
    }
  }
  sl->events = xmlNewChild(r, NULL, (const xmlChar *)"events", NULL);
  S_copy_named(full ? &ix->participant : &ix->topic, id, sl->events, base);
  if (full) {
    sl->edges = xmlNewChild(r, NULL, (const xmlChar *)"edges", NULL);
    S_copy_named(&ix->edge, id, sl->edges, base);
  }
}

/* Gives the base slice back its own content. */
static void S_slice_clear(S_slice *sl) {
  if (sl->full_actor) {
    xmlReplaceNode(sl->full_actor, sl->short_actor);
    xmlFreeNode(sl->full_actor);
  }
  xmlNodePtr added[2] = {sl->events, sl->edges};
  for (int i = 0; i < 2; i++)
    if (added[i]) {
      xmlUnlinkNode(added[i]);
      xmlFreeNode(added[i]);
    }
  memset(sl, 0, sizeof *sl);
}

/* ---- the pages ----------------------------------------------------------- */

static int S_actor_page(an_views *v, an_site *site, xmlDocPtr base,
                        const S_indexes *ix, xmlNodePtr full,
                        an_diagram_graph *graph, const char *id, int ego,
                        const char *input, an_diags *d) {
  S_slice sl;
  S_slice_fill(&sl, base, ix, id, full);
  xmlDocPtr model = base;
  xmlNodePtr diagram = NULL;
  an_buf buf = AN_BUF_INIT;
  if (ego && graph) {
    char *svg = NULL;
    size_t len = 0;
    char err[512];
    if (!an_diagram_ego_svg(graph, id, &svg, &len, NULL, err, sizeof err)) {
      an_diag_add(d, AN_WARNING, input, 0, 0,
                  "ego diagram of actor '%s' left out: %s", id, err);
    } else if (svg) {
      an_buf_printf(&buf, "ego-%s", id);
      diagram = S_attach(model, an_buf_cstr(&buf), svg, len);
    }
    free(svg);
  }
  an_buf_clear(&buf);
  an_buf_printf(&buf, "actors/%s.html", id);
  const char *params[] = {"root", "../", "actor-id", id, NULL};
  int ok = S_render(v, site, "actor", model, params, an_buf_cstr(&buf), d);
  S_detach(diagram);
  S_slice_clear(&sl);
  an_buf_free(&buf);
  return ok;
}

static int S_exports(an_views *v, an_site *site, xmlDocPtr model,
                     const char *input, an_diags *d) {
  char err[512];
  char *out = NULL;
  size_t len = 0;
  int ok = 1;
  if (an_diagram_actors_dot(model, &out, &len, err, sizeof err)) {
    ok = an_site_write(site, "actors.dot", out, len, d);
    free(out);
  } else {
    an_diag_add(d, AN_WARNING, input, 0, 0, "actors.dot left out: %s", err);
  }
  if (ok && an_export_json(model, &out, &len, err, sizeof err)) {
    ok = an_site_write(site, "actors.json", out, len, d);
    free(out);
  } else if (ok) {
    an_diag_add(d, AN_WARNING, input, 0, 0, "actors.json left out: %s", err);
  }
  if (ok) {
    const char *params[] = {"root", "", NULL};
    ok = S_render(v, site, "graphml", model, params, "actors.graphml", d);
  }
  return ok;
}

int an_actorsite_write(an_views *v, an_site *site, xmlDocPtr model,
                       const char *input, an_diags *d) {
  xmlNodePtr root = model ? xmlDocGetRootElement(model) : NULL;
  if (!an_xml_is(root, "briefing")) return 0;
  int ok = S_exports(v, site, model, input, d);

  /* the actors, their ids copied: the model is changed (an ego diagram
   * attached and removed) while they are in use; ids are unique (the
   * corpus makes sure) */
  xmlNodePtr actors = an_xml_first(root, "actors");
  size_t n = 0, cap = 0;
  S_actor *list = NULL;
  for (xmlNodePtr a = actors ? actors->children : NULL; a; a = a->next) {
    if (!an_xml_is(a, "actor")) continue;
    xmlChar *id = xmlGetNoNsProp(a, (const xmlChar *)"id");
    if (id && an_valid_id((const char *)id)) {
      list = an_xgrow(list, &cap, n + 1, sizeof *list);
      list[n] = (S_actor){an_xstrdup((const char *)id), n, 0, 0, a};
      n++;
    }
    xmlFree(id);
  }
  S_choose_egos(root, list, n);
  char err[512];
  an_diagram_graph *graph = an_diagram_graph_read(model, err, sizeof err);
  if (!graph)
    an_diag_add(d, AN_WARNING, input, 0, 0, "ego diagrams left out: %s", err);
  xmlDocPtr base = S_base_slice(root);
  S_indexes ix;
  S_indexes_build(&ix, root);
  for (size_t i = 0; ok && i < n; i++)
    ok = S_actor_page(v, site, base, &ix, list[i].node, graph, list[i].id,
                      list[i].ego, input, d);
  an_diagram_graph_free(graph);
  for (size_t i = 0; i < n; i++) free(list[i].id);
  free(list);

  xmlNodePtr topics = an_xml_first(root, "topics");
  for (xmlNodePtr t = topics ? topics->children : NULL; ok && t; t = t->next) {
    if (!an_xml_is(t, "topic")) continue;
    xmlChar *id = xmlGetNoNsProp(t, (const xmlChar *)"id");
    if (id && an_valid_id((const char *)id)) {
      an_buf rel = AN_BUF_INIT;
      an_buf_printf(&rel, "topics/%s.html", (const char *)id);
      const char *params[] = {"root", "../", "topic-id", (const char *)id,
                              NULL};
      S_slice sl;
      S_slice_fill(&sl, base, &ix, (const char *)id, NULL);
      ok = S_render(v, site, "topic", base, params, an_buf_cstr(&rel), d);
      S_slice_clear(&sl);
      an_buf_free(&rel);
    }
    xmlFree(id);
  }
  S_indexes_free(&ix);
  xmlFreeDoc(base);
  return ok;
}
