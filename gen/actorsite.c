/* actorsite.c - see actorsite.h. */
#include "actorsite.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "alloc.h"
#include "buf.h"
#include "diagram.h"
#include "export.h"
#include "pages.h"
#include "annotate.h" /* an_valid_id */
#include "xml.h"

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

/* ---- ego diagrams: added to an actor page's slice, in its worker -------- */

typedef struct {
  S_actor *egos;  /* the actors with an ego diagram, sorted by id */
  size_t n;
  an_diagram_graph *graph;
  const char *input;
} S_ego_ctx;

static int S_has_ego(const S_ego_ctx *ctx, const an_page_job *job) {
  return job->kind == AN_SLICE_ACTOR && ctx->graph &&
         S_lookup(ctx->egos, ctx->n, job->id) != NULL;
}

/* The ego diagram's graph as DOT text: what its drawing is made from. */
static char *S_ego_key(const an_page_job *job, void *arg, size_t *len) {
  S_ego_ctx *ctx = arg;
  char *dot = NULL;
  *len = 0;
  if (S_has_ego(ctx, job) && !an_diagram_ego_dot(ctx->graph, job->id, &dot, len)) {
    free(dot);
    dot = an_xstrdup("(no DOT)"); /* the drawing then says why */
    *len = strlen(dot);
  }
  return dot;
}

static void S_ego(xmlDocPtr slice, const an_page_job *job, void *arg,
                  an_diags *d) {
  S_ego_ctx *ctx = arg;
  if (!S_has_ego(ctx, job)) return;
  char *svg = NULL;
  size_t len = 0;
  char err[512];
  if (!an_diagram_ego_svg(ctx->graph, job->id, &svg, &len, NULL, err, sizeof err)) {
    an_diag_add(d, AN_WARNING, ctx->input, 0, 0,
                "ego diagram of actor '%s' left out: %s", job->id, err);
    return;
  }
  if (!svg) return;
  xmlDocPtr sd = xmlReadMemory(svg, (int)len, "ego.svg", "UTF-8",
                               XML_PARSE_NONET | XML_PARSE_NOBLANKS |
                                   XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  free(svg);
  if (!sd) return;
  xmlNodePtr root = xmlDocGetRootElement(slice);
  xmlNodePtr diagrams = an_xml_first(root, "diagrams");
  if (!diagrams)
    diagrams = xmlNewChild(root, NULL, (const xmlChar *)"diagrams", NULL);
  xmlNodePtr diagram =
      xmlNewChild(diagrams, NULL, (const xmlChar *)"diagram", NULL);
  an_buf name = AN_BUF_INIT;
  an_buf_printf(&name, "ego-%s", job->id);
  xmlSetProp(diagram, (const xmlChar *)"name", (const xmlChar *)an_buf_cstr(&name));
  an_buf_free(&name);
  xmlNodePtr copy = xmlDocCopyNode(xmlDocGetRootElement(sd), slice, 1);
  if (copy) xmlAddChild(diagram, copy);
  xmlFreeDoc(sd);
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
    ok = an_page_write(v, site, "graphml", model, params, "actors.graphml", d);
  }
  return ok;
}

int an_actorsite_write(an_views *v, an_site *site, xmlDocPtr model,
                       const an_slicer *slicer, const char *input,
                       an_diags *d) {
  xmlNodePtr root = model ? xmlDocGetRootElement(model) : NULL;
  if (!an_xml_is(root, "briefing")) return 0;
  int ok = S_exports(v, site, model, input, d);

  /* the pages: actors, then topics (ids valid: they become file names) */
  size_t n = 0, cap = 0;
  S_actor *list = NULL;
  an_page_list pages = {0};
  xmlNodePtr actors = an_xml_first(root, "actors");
  for (xmlNodePtr a = actors ? actors->children : NULL; a; a = a->next) {
    char *id = an_xml_is(a, "actor") ? an_xml_prop(a, "id") : NULL;
    if (id && an_valid_id(id)) {
      list = an_xgrow(list, &cap, n + 1, sizeof *list);
      list[n] = (S_actor){id, n, 0, 0, a};
      n++;
      an_page_list_add(&pages, "actor", AN_SLICE_ACTOR, "actors", id);
    } else {
      free(id);
    }
  }
  xmlNodePtr topics = an_xml_first(root, "topics");
  for (xmlNodePtr t = topics ? topics->children : NULL; t; t = t->next) {
    char *id = an_xml_is(t, "topic") ? an_xml_prop(t, "id") : NULL;
    if (id && an_valid_id(id)) an_page_list_add(&pages, "topic", AN_SLICE_TOPIC, "topics", id);
    free(id);
  }

  /* the ego diagrams: drawn in the workers, for the actors chosen here */
  S_choose_egos(root, list, n);
  size_t negos = 0;
  S_actor *egos = an_xmalloc((n ? n : 1) * sizeof *egos);
  for (size_t i = 0; i < n; i++)
    if (list[i].ego) egos[negos++] = list[i];
  if (negos > 1) qsort(egos, negos, sizeof *egos, S_cmp_id);
  char err[512];
  S_ego_ctx ctx = {egos, negos, NULL, input};
  if (negos) {
    ctx.graph = an_diagram_graph_read(model, err, sizeof err);
    if (!ctx.graph)
      an_diag_add(d, AN_WARNING, input, 0, 0, "ego diagrams left out: %s", err);
  }
  an_page_extra extra = {S_ego_key, S_ego, &ctx};
  if (ok) ok = an_pages_write(v, site, slicer, pages.v, pages.n, &extra, d);
  an_diagram_graph_free(ctx.graph);
  free(egos);
  an_page_list_free(&pages);
  for (size_t i = 0; i < n; i++) free(list[i].id);
  free(list);
  return ok;
}
