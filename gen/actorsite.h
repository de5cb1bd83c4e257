/* actorsite.h - the actor part of the site, after the briefing pages.
 *
 * Writes, from the model: the exports of the actor graph (actors.dot,
 * actors.json, actors.graphml), one page per actor (actors/<id>.html,
 * view templates/actor.xsl, with its ego diagram) and one page per topic
 * (topics/<id>.html, templates/topic.xsl).
 *
 * Pages are rendered from slices of the model (slice.h) by pages.h's
 * workers.  Ego diagrams: each is one Graphviz layout in a child process
 * of the worker, so they are drawn only for actors with an edge, and for
 * at most AN_ACTORSITE_MAX_EGO of them (those with the highest weighted
 * degree); the page of any other actor shows its table of actions only.
 * A diagram is added to its page's slice as
 * /briefing/diagrams/diagram[@name='ego-<id>']. */
#ifndef AN_ACTORSITE_H
#define AN_ACTORSITE_H

#include <libxml/tree.h>

#include "diag.h"
#include "site.h"
#include "slice.h"
#include "views.h"

/* See `make bench`: in a build of 1,000 actors an ego layout takes about
 * 50 ms with its fork, so 100 of them add 5 s to a 20 s build. */
#ifndef AN_ACTORSITE_MAX_EGO
#define AN_ACTORSITE_MAX_EGO 100
#endif

/* Writes the exports and the pages into site.  A diagram or export that
 * cannot be made is a warning (named after `input`) and is left out;
 * returns 0 only when a page cannot be rendered or a file written
 * (reported in d). */
int an_actorsite_write(an_views *v, an_site *site, xmlDocPtr model,
                       const an_slicer *slicer, const char *input,
                       an_diags *d);

#endif
