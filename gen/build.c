/* build.c - see build.h. */
#include "build.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "alloc.h"
#include "buf.h"
#include "corpus.h"
#include "diagram.h"
#include "model.h"
#include "report.h"
#include "site.h"
#include "views.h"

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

/* Adds <diagrams><diagram name="actors">SVG</diagram></diagrams> to the
 * model for the views. */
static void S_attach_svg(xmlDocPtr model, const char *svg, size_t len) {
  xmlDocPtr sd = xmlReadMemory(svg, (int)len, "actors.svg", "UTF-8",
                               XML_PARSE_NONET | XML_PARSE_NOBLANKS);
  if (!sd) return;
  xmlNodePtr diagrams = xmlNewChild(xmlDocGetRootElement(model), NULL,
                                    BAD_CAST "diagrams", NULL);
  xmlNodePtr diagram = xmlNewChild(diagrams, NULL, BAD_CAST "diagram", NULL);
  xmlSetProp(diagram, BAD_CAST "name", BAD_CAST "actors");
  xmlNodePtr copy = xmlDocCopyNode(xmlDocGetRootElement(sd), model, 1);
  if (copy) xmlAddChild(diagram, copy);
  xmlFreeDoc(sd);
}

static int S_render(an_views *v, an_site *site, const char *view,
                    xmlDocPtr model, const char *const *params, const char *rel,
                    an_diags *d) {
  char *out;
  size_t len;
  if (!an_views_render(v, view, model, params, &out, &len, d)) return 0;
  int ok = an_site_write(site, rel, out, len, d);
  free(out);
  return ok;
}

static int S_write_site(const an_build_opts *o, const an_corpus *c,
                        xmlDocPtr model, an_diags *d) {
  size_t len;
  char *xml = S_dump(model, &len);
  char *svg = NULL;
  size_t svg_len = 0;
  char err[512];
  if (!an_diagram_actors_svg(model, &svg, &svg_len, err, sizeof err)) {
    an_diag_add(d, AN_WARNING, o->input, 0, 0, "actor diagram left out: %s", err);
    svg = NULL;
  } else {
    S_attach_svg(model, svg, svg_len);
  }
  an_views *v = an_views_open(o->templates, d);
  an_site *site = v ? an_site_begin(o->output, d) : NULL;
  int ok = site != NULL;
  ok = ok && an_site_write(site, "briefing.xml", xml, len, d);
  if (ok && svg) ok = an_site_write(site, "actors.svg", svg, svg_len, d);
  if (ok) {
    char *css;
    size_t css_len;
    ok = an_views_asset(v, "style.css", &css, &css_len, d);
    if (ok) ok = an_site_write(site, "style.css", css, css_len, d);
    if (ok) free(css);
  }
  if (ok) {
    const char *params[] = {"root", "", NULL};
    ok = S_render(v, site, "index", model, params, "index.html", d);
  }
  for (size_t i = 0; ok && i < c->nsources; i++) {
    const char *params[] = {"root", "../", "source-id", c->sources[i].id, NULL};
    an_buf rel = AN_BUF_INIT;
    an_buf_printf(&rel, "sources/%s.html", c->sources[i].id);
    ok = S_render(v, site, "source", model, params, an_buf_cstr(&rel), d);
    an_buf_free(&rel);
  }
  /* with --strict a warning raised while writing (the diagram) fails too */
  if (ok && an_diags_status(d, o->strict) != AN_OK) ok = 0;
  if (site) {
    if (ok) ok = an_site_commit(site, d);
    else an_site_abort(site);
  }
  an_views_close(v);
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
  xmlDocPtr model = an_model_build(c, o->built);
  S_write_site(o, c, model, d);
  xmlFreeDoc(model);
  an_corpus_free(c);
  return an_diags_status(d, o->strict);
}
