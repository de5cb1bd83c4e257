/* bench/views.c - times the whole-model work of a build (`make bench-views`).
 *
 *   views INPUT [TEMPLATES]
 *
 * Loads an input folder and does, in the order gen/build.c does them, every
 * step whose work grows with the whole corpus: the model, what changed
 * (against a copy of the same model, as a rebuild with nothing changed
 * compares every event), the two charts, the JSON-LD, the exports and the
 * whole-model views (feed, sitemap, index, timeline, changes, graphml).
 * The per-source, actor and topic pages are not made.  Prints one line per
 * step: the processor time it took (CPU seconds of this process, steadier
 * than the clock on a busy machine) and the bytes it made.  Not a test. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <libxml/parser.h>

#include "alloc.h"
#include "calendar.h"
#include "changes.h"
#include "corpus.h"
#include "diagram.h"
#include "eventtable.h"
#include "export.h"
#include "model.h"
#include "publish.h"
#include "slice.h"
#include "timeline.h"
#include "xml.h"

/* Processor seconds since t0 (t0 = 0: since the start). */
static double S_cpu(double t0) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9 - t0;
}

static void S_line(const char *step, double t0, size_t bytes) {
  printf("%-16s %8.3f s %12zu bytes\n", step, S_cpu(t0), bytes);
  fflush(stdout);
}

/* A chart for the views: diagrams/diagram[@name]/svg, as the build adds
 * it to the model. */
static void S_attach(xmlNodePtr diagrams, const char *name, char *svg, size_t len) {
  xmlDocPtr sd = xmlReadMemory(svg, (int)len, name, "UTF-8",
                               XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_HUGE);
  xmlNodePtr holder = xmlNewChild(diagrams, NULL, BAD_CAST "diagram", NULL);
  xmlSetProp(holder, BAD_CAST "name", BAD_CAST name);
  if (sd) xmlAddChild(holder, xmlDocCopyNode(xmlDocGetRootElement(sd), diagrams->doc, 1));
  xmlFreeDoc(sd);
  free(svg);
}

typedef int (*S_export_fn)(xmlDocPtr, char **, size_t *, char *, size_t);

static int S_ics(xmlDocPtr m, char **out, size_t *len, char *err, size_t n) {
  return an_calendar_ics(m, "https://example.org/", out, len, err, n);
}

int main(int argc, char **argv) {
  if (argc < 2 || argc > 3) {
    fprintf(stderr, "usage: views INPUT [TEMPLATES]\n");
    return 2;
  }
  const char *templates = argc > 2 ? argv[2] : "templates";
  an_diags *d = an_diags_new();
  double t0 = S_cpu(0);
  an_corpus *c = an_corpus_load(argv[1], d);
  if (!c) {
    fprintf(stderr, "views: cannot load %s\n", argv[1]);
    return 1;
  }
  an_corpus_count_mentions(c); /* as the build does: the model needs them */
  S_line("corpus", t0, 0);
  t0 = S_cpu(0);
  xmlDocPtr model = an_model_build(c, NULL);
  S_line("model", t0, 0);
  xmlChar *mem = NULL;
  int n = 0;
  xmlDocDumpFormatMemoryEnc(model, &mem, &n, "UTF-8", 0);
  xmlDocPtr prev = xmlReadMemory((const char *)mem, n, "prev.xml", "UTF-8",
                                 XML_PARSE_NONET | XML_PARSE_HUGE);
  xmlFree(mem);
  t0 = S_cpu(0);
  an_changes_add(model, prev);
  S_line("changes", t0, 0);
  xmlFreeDoc(prev);

  char err[512], *out = NULL;
  size_t len = 0;
  an_diagram_info info;
  xmlNodePtr diagrams = xmlNewChild(xmlDocGetRootElement(model), NULL, BAD_CAST "diagrams", NULL);
  t0 = S_cpu(0);
  if (an_diagram_actors_svg(model, &out, &len, &info, err, sizeof err)) {
    S_line("actors.svg", t0, len);
    S_attach(diagrams, "actors", out, len);
  } else {
    printf("actors.svg       left out: %s\n", err);
  }
  t0 = S_cpu(0);
  if (an_timeline_svg(model, &out, &len, err, sizeof err)) {
    S_line("timeline.svg", t0, len);
    S_attach(diagrams, "timeline", out, len);
  } else {
    printf("timeline.svg     left out: %s\n", err);
  }
  an_views *v = an_views_open(templates, d);
  if (!v) {
    fprintf(stderr, "views: cannot open %s\n", templates);
    return 1;
  }
  t0 = S_cpu(0);
  an_publish_prepare(v, model, "https://example.org/", argv[1], d);
  S_line("json-ld", t0, 0);

  static const struct {
    const char *name;
    S_export_fn fn;
  } exports[] = {{"briefing.json", an_export_briefing_json},
                 {"events.csv", an_eventtable_csv},
                 {"events.ics", S_ics},
                 {"actors.json", an_export_json}};
  for (size_t i = 0; i < sizeof exports / sizeof *exports; i++) {
    t0 = S_cpu(0);
    if (exports[i].fn(model, &out, &len, err, sizeof err)) {
      S_line(exports[i].name, t0, len);
      free(out);
    } else {
      printf("%-16s failed: %s\n", exports[i].name, err);
    }
  }
  /* the views, in the build's order (exports before pages: a view's
   * xsl:strip-space changes the model in place) */
  static const char *const views[] = {"feed", "sitemap", "index", "timeline",
                                      "changes", "graphml"};
  int status = 0;
  for (size_t i = 0; i < sizeof views / sizeof *views; i++) {
    const char *params[] = {"root", "", NULL};
    t0 = S_cpu(0);
    if (an_views_render(v, views[i], model, params, &out, &len, d)) {
      S_line(views[i], t0, len);
      free(out);
    } else {
      printf("%-16s failed\n", views[i]);
      status = 1;
    }
  }
  /* the timeline as the build makes it (gen/yearsite.c): the overview and
   * the year pages, each from its slice (here one after the other; the
   * build shares the year pages out to its page workers) */
  an_slicer *sl = an_slicer_new(model);
  t0 = S_cpu(0);
  xmlDocPtr tl = an_slice(sl, AN_SLICE_TIMELINE, "timeline");
  const char *root_params[] = {"root", "", NULL};
  if (tl && an_views_render(v, "timeline", tl, root_params, &out, &len, d)) {
    S_line("timeline/slice", t0, len);
    free(out);
  }
  xmlFreeDoc(tl);
  xmlNodePtr chron = an_xml_first(xmlDocGetRootElement(model), "chronology");
  size_t total = 0, biggest = 0;
  double t_all = S_cpu(0), t_max = 0;
  for (xmlNodePtr y = chron ? chron->children : NULL; y; y = y->next) {
    char *id = an_xml_is(y, "year") ? an_xml_prop(y, "value")
               : an_xml_is(y, "undated") ? an_xstrdup("undated") : NULL;
    if (!id) continue;
    double t1 = S_cpu(0);
    xmlDocPtr ys = an_slice(sl, AN_SLICE_YEAR, id);
    const char *params[] = {"root", "../", "year-id", id, NULL};
    if (ys && an_views_render(v, "year", ys, params, &out, &len, d)) {
      total += len;
      if (len > biggest) biggest = len;
      free(out);
    }
    xmlFreeDoc(ys);
    free(id);
    if (S_cpu(t1) > t_max) t_max = S_cpu(t1);
  }
  S_line("year pages", t_all, total);
  printf("%-16s %8.3f s %12zu bytes\n", "biggest year", t_max, biggest);
  an_slicer_free(sl);
  an_views_close(v);
  xmlFreeDoc(model);
  an_corpus_free(c);
  an_diags_free(d);
  an_views_cleanup();
  return status;
}
