/* bench/layout.c - times the diagrams of a model (`make bench`).
 *
 *   layout [--overview] MODEL.xml
 *
 * Reads a model (out/briefing.xml of a build), then times the overview
 * diagram, and the ego diagrams of every actor that has any edge, and
 * prints one line each.  --overview times the overview alone (bench/run.sh
 * repeats it for a median).  Not a test: it prints numbers, and fails only
 * when a diagram cannot be drawn. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "diagram.h"

static double S_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  int overview_only = argc == 3 && !strcmp(argv[1], "--overview");
  if (argc != 2 && !overview_only) {
    fprintf(stderr, "usage: layout [--overview] MODEL.xml\n");
    return 2;
  }
  const char *path = argv[argc - 1];
  xmlDocPtr m = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_HUGE);
  if (!m) {
    fprintf(stderr, "layout: cannot read %s\n", path);
    return 1;
  }
  char err[512];
  char *svg = NULL;
  size_t len = 0;
  an_diagram_info info;
  double t0 = S_now();
  int ok = an_diagram_actors_svg(m, &svg, &len, &info, err, sizeof err);
  double t1 = S_now();
  if (!ok) {
    fprintf(stderr, "layout: overview: %s\n", err);
    xmlFreeDoc(m);
    return 1;
  }
  printf("overview: %zu of %zu actors, %zu of %zu edges, %s: %.3f s, %zu bytes%s%s\n",
         info.shown, info.actors, info.edges_shown, info.edges, info.engine,
         t1 - t0, len, err[0] ? "; " : "", err);
  free(svg);
  if (overview_only) {
    xmlFreeDoc(m);
    xmlCleanupParser();
    return 0;
  }

  size_t drawn = 0, skipped = 0, bytes = 0;
  double worst = 0;
  t0 = S_now();
  an_diagram_graph *g = an_diagram_graph_read(m, err, sizeof err);
  if (!g) {
    fprintf(stderr, "layout: %s\n", err);
    xmlFreeDoc(m);
    return 1;
  }
  printf("graph read: %.3f s\n", S_now() - t0);
  for (xmlNodePtr a = xmlDocGetRootElement(m)->children; a; a = a->next) {
    if (a->type != XML_ELEMENT_NODE || strcmp((const char *)a->name, "actors"))
      continue;
    for (xmlNodePtr c = a->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      xmlChar *id = xmlGetProp(c, (const xmlChar *)"id");
      double e0 = S_now();
      svg = NULL;
      if (!an_diagram_ego_svg(g, (const char *)id, &svg, &len, &info, err,
                              sizeof err)) {
        fprintf(stderr, "layout: ego %s: %s\n", (const char *)id, err);
        xmlFree(id);
        an_diagram_graph_free(g);
        xmlFreeDoc(m);
        return 1;
      }
      double e1 = S_now();
      if (svg) {
        drawn++;
        bytes += len;
        if (e1 - e0 > worst) worst = e1 - e0;
      } else {
        skipped++;
      }
      free(svg);
      xmlFree(id);
    }
  }
  t1 = S_now();
  an_diagram_graph_free(g);
  printf("ego: %zu drawn, %zu without edges: %.3f s in all, %.3f s each on "
         "average, %.3f s the slowest, %zu bytes\n",
         drawn, skipped, t1 - t0, drawn ? (t1 - t0) / (double)drawn : 0.0,
         worst, bytes);
  xmlFreeDoc(m);
  xmlCleanupParser();
  return 0;
}
