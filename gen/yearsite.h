/* yearsite.h - the timeline: an overview and one page per year.
 *
 * timeline.html (view templates/timeline.xsl) is the chart and the
 * chronology's years and months, counted, rendered from the overview's
 * slice (slice.h, AN_SLICE_TIMELINE: no events).  Each year of
 * /briefing/chronology, and its <undated> events, has its page,
 * timeline/<year>.html or timeline/undated.html (templates/year.xsl),
 * rendered from the year's slice by pages.h's workers and kept, unmade,
 * when its key did not change: a rebuild after one event changed makes
 * the page of its year again, and the overview when the chart or a
 * count changed. */
#ifndef AN_YEARSITE_H
#define AN_YEARSITE_H

#include <libxml/tree.h>

#include "diag.h"
#include "site.h"
#include "slice.h"
#include "views.h"

/* Writes timeline.html and the year pages into site.  Returns 0 when a
 * page cannot be rendered or written (reported in d). */
int an_yearsite_write(an_views *v, an_site *site, xmlDocPtr model,
                      const an_slicer *slicer, an_diags *d);

#endif
