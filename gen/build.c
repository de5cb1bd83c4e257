/* build.c - see build.h. */
#include "build.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmark.h>
#include <graphviz/graphviz_version.h>
#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <xxhash.h>
#include <yaml.h>

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
#include "xml.h"
#include "yearsite.h"

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

static int S_write_site(const an_build_opts *o, xmlDocPtr model, an_views *v,
                        an_site *site,
                        const char *input_key, an_diags *d) {
  size_t before = an_diags_len(d);
  /* briefing.xml: the model before the diagrams and JSON-LD are added */
  int ok = an_publish_model(site, model, d);
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
  an_publish_prepare(v, model, o->base_url, o->input, d);
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
    ok = an_page_write(v, site, "changes", model, params, "changes.html", d);
  }
  /* the pages of the sources, actors and topics, each from its slice of
   * the model (made after the views above: they strip the model's
   * whitespace in place, as every view of the model sees it) */
  an_slicer *slicer = ok ? an_slicer_new(model) : NULL;
  /* the index, from what it shows: the whole model costs libxslt seconds
   * and a gigabyte at 10,000 sources (keys, document order, stripping) */
  if (ok) {
    const char *params[] = {"root", "", NULL};
    xmlDocPtr is = an_slice(slicer, AN_SLICE_INDEX, "index");
    ok = is && an_page_write(v, site, "index", is, params, "index.html", d);
    xmlFreeDoc(is);
  }
  if (ok) {
    xmlNodePtr sources = an_xml_first(xmlDocGetRootElement(model), "sources");
    an_page_list pages = {0};
    for (xmlNodePtr s = sources ? sources->children : NULL; s; s = s->next) {
      char *id = an_xml_is(s, "source") ? an_xml_prop(s, "id") : NULL;
      if (id) an_page_list_add(&pages, "source", AN_SLICE_SOURCE, "sources", id);
      free(id);
    }
    ok = an_pages_write(v, site, slicer, pages.v, pages.n, NULL, d);
    an_page_list_free(&pages);
  }
  /* timeline.html and a page per year of the chronology */
  if (ok) ok = an_yearsite_write(v, site, model, slicer, d);
  /* exports, actor and topic pages (with their ego diagrams) */
  if (ok) ok = an_actorsite_write(v, site, model, slicer, o->input, d);
  an_slicer_free(slicer);
  /* with --strict a warning raised while writing (the diagram) fails too */
  if (ok && an_diags_status(d, o->strict) != AN_OK) ok = 0;
  /* the next build of the same input may keep this output whole, when
   * writing it said nothing (it would say it again) */
  if (ok && an_diags_len(d) == before) an_site_set_input_key(site, input_key);
  if (ok) ok = an_site_commit(site, d);
  else an_site_abort(site);
  free(tl);
  free(svg);
  return ok;
}

/* The previous build's model with only what an_changes_add reads: its
 * events, actions, actors and changes, not the sources (their bodies are
 * most of it, and a rebuild holds this beside the new model).  NULL when
 * the file cannot be read or is not well-formed (as for a first build). */
static xmlDocPtr S_read_previous(const char *path) {
  static const char *const keep[] = {"events", "actions", "actors", "changes", NULL};
  xmlTextReaderPtr r = xmlReaderForFile(path, NULL, XML_PARSE_NONET);
  if (!r) return NULL;
  int ret = xmlTextReaderRead(r);
  while (ret == 1) {
    if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT || xmlTextReaderDepth(r) == 0) {
      ret = xmlTextReaderRead(r);
      continue;
    }
    int wanted = 0;
    for (const char *const *k = keep; *k; k++)
      wanted |= xmlStrEqual(xmlTextReaderConstLocalName(r), BAD_CAST *k);
    /* kept whole in the reader's document; the rest is freed as read */
    if (wanted && (!xmlTextReaderExpand(r) || !xmlTextReaderPreserve(r))) {
      ret = -1;
      break;
    }
    ret = xmlTextReaderNext(r); /* past its subtree */
  }
  xmlDocPtr doc = ret < 0 ? NULL : xmlTextReaderCurrentDoc(r);
  if (ret < 0) xmlFreeDoc(xmlTextReaderCurrentDoc(r));
  xmlFreeTextReader(r);
  return doc;
}

static void S_feed(XXH3_state_t *st, const char *s) {
  XXH3_128bits_update(st, s ? s : "(none)", strlen(s ? s : "(none)") + 1);
}

/* The digest of everything the output is made from: the input files, the
 * options, the views (templates, versions, parameters), this program's
 * own bytes (a changed build of one version) and the libraries' versions.
 * 0 when it cannot be made (then every build builds). */
static int S_input_key(const an_build_opts *o, const an_corpus *c, an_views *v,
                       char key[33]) {
  XXH3_state_t *st = XXH3_createState();
  if (!st) an_out_of_memory();
  XXH3_128bits_reset(st);
  S_feed(st, "annalist input 1");
  S_feed(st, o->input);
  S_feed(st, o->strict ? "strict" : "lenient");
  S_feed(st, o->built);
  S_feed(st, o->base_url);
  S_feed(st, an_views_fingerprint(v));
  S_feed(st, cmark_version_string());
  S_feed(st, yaml_get_version_string());
  S_feed(st, PACKAGE_VERSION); /* Graphviz */
  S_feed(st, JANSSON_VERSION);
  unsigned char sum[16];
  an_corpus_digest(c, sum);
  XXH3_128bits_update(st, sum, sizeof sum);
  FILE *fp = fopen("/proc/self/exe", "rb");
  char chunk[65536];
  size_t got;
  while (fp && (got = fread(chunk, 1, sizeof chunk, fp)) > 0)
    XXH3_128bits_update(st, chunk, got);
  int ok = fp && !ferror(fp);
  if (fp) fclose(fp);
  XXH128_hash_t h = XXH3_128bits_digest(st);
  XXH3_freeState(st);
  snprintf(key, 33, "%016llx%016llx", (unsigned long long)h.high64,
           (unsigned long long)h.low64);
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
  an_views *v = an_views_open(o->templates, d);
  an_site *site = v ? an_site_begin(o->output, d) : NULL;
  char key[33];
  int keyed = 0;
  if (site) {
    /* the same input as the build that made the output: keep it all */
    an_views_param(v, "base-url", o->base_url ? o->base_url : "");
    keyed = S_input_key(o, c, v, key);
    const char *was = an_site_input_key(site);
    if (keyed && was && strcmp(was, key) == 0) {
      int whole = an_site_keep_all(site);
      if (whole) {
        an_site_set_input_key(site, key);
        an_site_commit(site, d);
      } else {
        an_site_abort(site); /* a file is gone: build it all again */
      }
      site = whole ? NULL : an_site_begin(o->output, d);
    }
  }
  if (site) {
    an_corpus_count_mentions(c);
    xmlDocPtr model = an_model_build(c, o->built);
    /* what changed since the build that made the output folder */
    an_buf prev_path = AN_BUF_INIT;
    an_buf_printf(&prev_path, "%s/briefing.xml", o->output);
    xmlDocPtr prev = access(an_buf_cstr(&prev_path), R_OK) == 0
                         ? S_read_previous(an_buf_cstr(&prev_path))
                         : NULL;
    an_changes_add(model, prev);
    if (prev) xmlFreeDoc(prev);
    an_buf_free(&prev_path);
    /* the model holds all the rest needs: the corpus's memory is the
     * pages' (10,000 sources: 285 MB of the peak) */
    an_corpus_free(c);
    c = NULL;
    S_write_site(o, model, v, site, keyed ? key : NULL, d);
    xmlFreeDoc(model);
  }
  an_views_close(v);
  an_corpus_free(c);
  return an_diags_status(d, o->strict);
}
