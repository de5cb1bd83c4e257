/* build.c - see build.h. */
#include "build.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "actorsite.h"
#include "alloc.h"
#include "changes.h"
#include "buf.h"
#include "corpus.h"
#include "diagram.h"
#include "model.h"
#include "pages.h"
#include "publish.h"
#include "report.h"
#include "site.h"
#include "slice.h"
#include "timeline.h"
#include "views.h"
#include "yearsite.h"

/* Serializes a document (UTF-8; model.c has indented it); caller frees. */
static char *S_dump(xmlDocPtr doc, size_t *len) {
  xmlChar *mem = NULL;
  int n = 0;
  xmlDocDumpFormatMemoryEnc(doc, &mem, &n, "UTF-8", 0);
  char *out = an_xstrndup((const char *)mem, (size_t)n);
  *len = (size_t)n;
  xmlFree(mem);
  return out;
}

/* Adds <diagrams><diagram name="NAME">SVG</diagram></diagrams> to the
 * model for the views (one <diagrams>, made by the first call), the actor
 * diagram with what it shows (info; NULL for the others, docs/model.md). */
static void S_attach_svg(xmlDocPtr model, const char *name, const char *svg,
                         size_t len, const an_diagram_info *info) {
  xmlDocPtr sd = xmlReadMemory(svg, (int)len, name, "UTF-8",
                               XML_PARSE_NONET | XML_PARSE_NOBLANKS);
  if (!sd) return;
  xmlNodePtr root = xmlDocGetRootElement(model), diagrams = NULL;
  for (xmlNodePtr c = root->children; c && !diagrams; c = c->next)
    if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, BAD_CAST "diagrams"))
      diagrams = c;
  if (!diagrams) diagrams = xmlNewChild(root, NULL, BAD_CAST "diagrams", NULL);
  xmlNodePtr diagram = xmlNewChild(diagrams, NULL, BAD_CAST "diagram", NULL);
  xmlSetProp(diagram, BAD_CAST "name", BAD_CAST name);
  char num[32];
  if (info) {
    snprintf(num, sizeof num, "%zu", info->actors);
    xmlSetProp(diagram, BAD_CAST "actors", BAD_CAST num);
    snprintf(num, sizeof num, "%zu", info->shown);
    xmlSetProp(diagram, BAD_CAST "shown", BAD_CAST num);
    xmlSetProp(diagram, BAD_CAST "engine", BAD_CAST info->engine);
  }
  xmlNodePtr copy = xmlDocCopyNode(xmlDocGetRootElement(sd), model, 1);
  if (copy) xmlAddChild(diagram, copy);
  xmlFreeDoc(sd);
}

static int S_write_site(const an_build_opts *o, const an_corpus *c,
                        xmlDocPtr model, an_diags *d) {
  size_t len;
  char *xml = S_dump(model, &len);
  char *svg = NULL;
  size_t svg_len = 0;
  char err[512];
  an_diagram_info info;
  if (!an_diagram_actors_svg(model, &svg, &svg_len, &info, err, sizeof err)) {
    an_diag_add(d, AN_WARNING, o->input, 0, 0, "actor diagram left out: %s", err);
    svg = NULL;
  } else {
    S_attach_svg(model, "actors", svg, svg_len, &info);
  }
  char *tl = NULL; /* the timeline chart; owned here, freed at the end */
  size_t tl_len = 0;
  if (!an_timeline_svg(model, &tl, &tl_len, err, sizeof err))
    an_diag_add(d, AN_WARNING, o->input, 0, 0, "timeline chart left out: %s", err);
  else
    S_attach_svg(model, "timeline", tl, tl_len, NULL);
  an_views *v = an_views_open(o->templates, d);
  if (v) an_publish_prepare(v, model, o->base_url, o->input, d);
  an_site *site = v ? an_site_begin(o->output, d) : NULL;
  int ok = site != NULL;
  ok = ok && an_site_write(site, "briefing.xml", xml, len, d);
  if (ok && svg) ok = an_site_write(site, "actors.svg", svg, svg_len, d);
  if (ok && tl) ok = an_site_write(site, "timeline.svg", tl, tl_len, d);
  static const char *const assets[] = {"style.css", "print.css"};
  for (size_t i = 0; ok && i < sizeof assets / sizeof *assets; i++) {
    char *css;
    size_t css_len;
    ok = an_views_asset(v, assets[i], &css, &css_len, d);
    if (ok) ok = an_site_write(site, assets[i], css, css_len, d);
    if (ok) free(css);
  }
  /* briefing.json, events.csv, events.ics, feed.xml, sitemap.xml; before
   * the pages: libxslt applies a view's xsl:strip-space to the model in
   * place, and the exports must see its text as it is */
  if (ok) ok = an_publish_write(v, site, model, o->base_url, o->input, d);
  if (ok) {
    const char *params[] = {"root", "", NULL};
    ok = an_page_write(v, site, "index", model, params, "index.html", d);
  }
  if (ok) {
    const char *params[] = {"root", "", NULL};
    ok = an_page_write(v, site, "changes", model, params, "changes.html", d);
  }
  /* the pages of the sources, actors and topics, each from its slice of
   * the model (made after the views above: they strip the model's
   * whitespace in place, as every view of the model sees it) */
  an_slicer *slicer = ok ? an_slicer_new(model) : NULL;
  if (ok) {
    an_page_job *jobs = an_xcalloc(c->nsources + 1, sizeof *jobs);
    an_buf *rels = an_xcalloc(c->nsources + 1, sizeof *rels);
    for (size_t i = 0; i < c->nsources; i++) {
      an_buf_printf(&rels[i], "sources/%s.html", c->sources[i].id);
      jobs[i] = (an_page_job){"source", AN_SLICE_SOURCE, c->sources[i].id,
                              an_buf_cstr(&rels[i])};
    }
    ok = an_pages_write(v, site, slicer, jobs, c->nsources, NULL, d);
    for (size_t i = 0; i < c->nsources; i++) an_buf_free(&rels[i]);
    free(rels);
    free(jobs);
  }
  /* timeline.html and a page per year of the chronology */
  if (ok) ok = an_yearsite_write(v, site, model, slicer, d);
  /* exports, actor and topic pages (with their ego diagrams) */
  if (ok) ok = an_actorsite_write(v, site, model, slicer, o->input, d);
  an_slicer_free(slicer);
  /* with --strict a warning raised while writing (the diagram) fails too */
  if (ok && an_diags_status(d, o->strict) != AN_OK) ok = 0;
  if (site) {
    if (ok) ok = an_site_commit(site, d);
    else an_site_abort(site);
  }
  an_views_close(v);
  free(tl);
  free(svg);
  free(xml);
  return ok;
}

an_status an_build(const an_build_opts *o, an_diags *d) {
  an_corpus *c = an_corpus_load(o->input, d);
  an_status st = an_diags_status(d, o->strict);
  if (c && o->explain) an_report_explain(c, o->explain);
  if (c && o->events && st == AN_OK) an_report_events(c, o->events);
  if (!c || st != AN_OK || !o->output) {
    an_corpus_free(c);
    return c ? st : AN_ERR_IO;
  }
  an_corpus_count_mentions(c);
  xmlDocPtr model = an_model_build(c, o->built);
  /* what changed since the build that made the output folder */
  an_buf prev_path = AN_BUF_INIT;
  an_buf_printf(&prev_path, "%s/briefing.xml", o->output);
  xmlDocPtr prev = access(an_buf_cstr(&prev_path), R_OK) == 0
                       ? xmlReadFile(an_buf_cstr(&prev_path), NULL, XML_PARSE_NONET)
                       : NULL;
  an_changes_add(model, prev);
  if (prev) xmlFreeDoc(prev);
  an_buf_free(&prev_path);
  S_write_site(o, c, model, d);
  xmlFreeDoc(model);
  an_corpus_free(c);
  return an_diags_status(d, o->strict);
}
