/* timeline.h - the timeline chart of a model document, as SVG.
 *
 * Reads only the model (docs/model.md) and draws, with no layout engine:
 *
 *   - a time axis along the top (and the bottom of tall charts) with ticks
 *     in days, weeks, months, quarters or years as the scale allows, and
 *     a second row naming the month or year they belong to;
 *   - one lane per actor ("theme lines"): the actors with the most events
 *     first, at most AN_TIMELINE_MAX_LANES of them (a visible note says how
 *     many were left out), reordered by the barycentre of the actors they
 *     share events and actions with so that connected lanes sit together;
 *   - each event as one mark on the lane of each participant
 *     (/briefing/events/event/participant): a dot for a day, a bar for a
 *     span of days (time/@start != time/@end), a bar running to the edge
 *     with an arrow for an open end, a fuzzy (gradient, dashed) mark for an
 *     uncertain or approximate time, and a hollow "by this date" marker for
 *     an event with no time of its own (reported-by);
 *   - each action (/briefing/actions/action) as a line from the subject's
 *     mark to each object's mark at the event's time, coloured and dashed
 *     by its class;
 *   - long empty stretches of time compressed to a fixed-width break drawn
 *     as a zig-zag band.
 *
 * The SVG is built as a libxml2 tree (libxml2 escapes all text) and
 * serialized with an XML declaration and no DOCTYPE.  It has <title> and
 * <desc> (role="img", aria-labelledby), and every mark is a
 *   <g class="mark KIND [fuzzy uncertain approximate open-start open-end] EV"
 *      data-event="EV" data-actor="ACTOR">
 * with a <title> (time as displayed, participants, text) - so a test can
 * count one mark per participant per event.  Lanes are
 * <g class="lane" data-actor=...>, axis ticks <g class="tick"
 * data-day="YYYY-MM-DD">, action lines <g class="action CLASS"
 * data-action=... data-subject=... data-object=...>, breaks
 * <g class="axis-break">, the lane-cap note <text class="note lane-cap">.
 * Element ids all start with "tl-" (the chart is inlined in a page).
 *
 * Coordinates are printed with one decimal, without printf's locale, and
 * everything is ordered with explicit tie-breaks: the same model gives the
 * same bytes. */
#ifndef AN_TIMELINE_H
#define AN_TIMELINE_H

#include <stddef.h>

#include <libxml/tree.h>

/* Lanes drawn at most (the busiest actors). */
#ifndef AN_TIMELINE_MAX_LANES
#define AN_TIMELINE_MAX_LANES 40
#endif

/* Larger models are refused (an error, not a huge SVG). */
#ifndef AN_TIMELINE_MAX_EVENTS
#define AN_TIMELINE_MAX_EVENTS 50000
#endif

/* Renders the timeline chart of a model document.  Returns 1 and sets
 * *svg (a complete XML document, NUL-terminated; the caller frees it with
 * free()) and *len; or 0 with a one-line reason in err (e.g. "model: the
 * root element is not <briefing>"), *svg NULL and *len 0.  err may be
 * NULL.  A model with nothing to draw still gives a valid SVG that says
 * so. */
int an_timeline_svg(xmlDocPtr model, char **svg, size_t *len, char *err,
                    size_t errlen);

#endif
