/* calendar.h - the chronology as iCalendar: events.ics (libical).
 *
 * Reads only the model document (docs/model.md).  One VEVENT per event
 * that has a date, all-day, by precision (docs/exports.md):
 * - a day (or a date-time, whose day is used): DTSTART;VALUE=DATE only
 *   (one day, RFC 5545 3.6.1);
 * - a week, month, season, year, interval...: DTSTART;VALUE=DATE on its
 *   first day and DTEND;VALUE=DATE on the day after its last;
 * - an open end ("2022-02-24/..") is clipped to the known day, an open
 *   start ("../2023-12") to the known last day, and an event only
 *   "reported by" a source to that day; DESCRIPTION says so;
 * - an event with no date at all is left out.
 * UID is the event's stable uid ("<uid>@annalist"), so a calendar that
 * subscribes sees the same event again, not a new one.  DTSTAMP is the
 * build time (SOURCE_DATE_EPOCH), else the as-of date, else 1970-01-01:
 * the same model gives the same bytes.  libical writes the text:
 * escaping, CRLF line ends and folding at 75 octets. */
#ifndef AN_CALENDAR_H
#define AN_CALENDAR_H

#include <stddef.h>

#include <libxml/tree.h>

/* base_url (ending in '/', or NULL/"" for none) gives each VEVENT a URL
 * of its block on the source page.  Returns 1 and *ics (free()) and *len,
 * or 0 with a one-line reason in err (err may be NULL). */
int an_calendar_ics(xmlDocPtr model, const char *base_url, char **ics,
                    size_t *len, char *err, size_t errlen);

#endif
