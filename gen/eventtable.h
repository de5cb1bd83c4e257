/* eventtable.h - the chronology as a table: events.csv (libcsv).
 *
 * Reads only the model document (docs/model.md).  One row per event and
 * action (an event without actions is one row with the action columns
 * empty), in the model's order; the columns are documented in
 * docs/exports.md:
 *
 *   event_id, uid, time, start, end, precision, display, source, line,
 *   key, action_id, subject, action_type, action_class, object, words
 *
 * Every field is written by libcsv's csv_write, which quotes it and
 * doubles the quotes inside (RFC 4180); rows end with CRLF; the text is
 * UTF-8 without a byte-order mark. */
#ifndef AN_EVENTTABLE_H
#define AN_EVENTTABLE_H

#include <stddef.h>

#include <libxml/tree.h>

/* Returns 1 and *csv (free()) and *len, or 0 with a one-line reason in err
 * (err may be NULL). */
int an_eventtable_csv(xmlDocPtr model, char **csv, size_t *len, char *err,
                      size_t errlen);

#endif
