/* slice.h - the part of the model one page shows.
 *
 * libxslt does work in proportion to its whole input document for every
 * transform (document order, xsl:strip-space, each xsl:key): rendering
 * each of n pages from the whole model costs O(n x model), hours for
 * 10,000 sources.  So a source, actor or topic page is rendered from a
 * slice: a small document with the model's elements, holding only what
 * that page shows and what it names:
 *
 *   the root's attributes and the head (without the summary); the page's
 *   JSON-LD item; its own element whole (a source with its body, an actor
 *   with its profile); its events (a source's: those citing it; an
 *   actor's: those it takes part in; a topic's: those on it) and, for an
 *   actor, its edges and its members; then every actor, source and topic
 *   these name, short (an actor: name, role, affiliations; a source:
 *   without its body), in model order.
 *
 * A year page of the chronology (AN_SLICE_YEAR, id "2023", or "undated"
 * for the events with no month) is rendered from the root's attributes,
 * the head (without the summary), that year's events (event/@month
 * starting with the year; for "undated", those without @month, listed
 * under <undated>), the actions they hold, what they name (short, as
 * above), and a <chronology> with the year's element whole between the
 * elements before and after it reduced to their @value (the page links
 * them; their counts are left out, so a change in one year does not
 * change its neighbours' slices).  The overview (AN_SLICE_TIMELINE, id
 * unused) is the head, the whole <chronology> and the timeline chart
 * (diagrams/diagram[@name='timeline']), without a single event.
 *
 * The views see the same elements in the same order as in the model, so a
 * page is byte-identical whether rendered from the model or its slice
 * (tests/unit/test_slice.c).  An index of the model is built once; then a
 * slice costs time in proportion to what it holds.  an_slice only reads
 * the model and the slicer, so slices may be made in forked workers. */
#ifndef AN_SLICE_H
#define AN_SLICE_H

#include <libxml/tree.h>

typedef struct an_slicer an_slicer;

typedef enum {
  AN_SLICE_SOURCE,
  AN_SLICE_ACTOR,
  AN_SLICE_TOPIC,
  AN_SLICE_YEAR,
  AN_SLICE_TIMELINE,
  AN_SLICE_INDEX
} an_slice_kind;

/* The index (AN_SLICE_INDEX, id ignored but not NULL) shows the head with
 * its summary, every source and actor short, the topics and the edges,
 * the actor diagram, and whole only the events it lists (the last
 * AN_SLICE_INDEX_LATEST of the chronology and every one whose sources
 * disagree on the date: templates/index.xsl) with their actions; every
 * other event is there as an empty element with its attributes, so that
 * the page counts them as the model does. */
#define AN_SLICE_INDEX_LATEST 10
/* 1 when the index lists `event`, the one at `at` (from 0) of the model's
 * n events: one of the last AN_SLICE_INDEX_LATEST, or conflict="true". */
int an_slice_index_lists(xmlNodePtr event, size_t at, size_t n);

/* Indexes model (which must not change while the slicer is in use). */
an_slicer *an_slicer_new(xmlDocPtr model);
void an_slicer_free(an_slicer *s);

/* A new document (the caller frees it with xmlFreeDoc): the slice of the
 * page of `id`; NULL when the model has no such source, actor, topic or
 * year (id may not be NULL, not even for AN_SLICE_TIMELINE). */
xmlDocPtr an_slice(const an_slicer *s, an_slice_kind kind, const char *id);

#endif
