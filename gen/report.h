/* report.h - plain-text reports of a corpus, for the terminal and scripts.
 *
 * an_report_events is a contract for scripts (documented in README.md,
 * "annalist events"): one event per line in chronological order, five
 * TAB-separated fields:
 *   1. the time as EDTF; "../YYYY-MM-DD" for an event only reported by a
 *      source published that day; ".." when not even that is known
 *   2. FILE:LINE of its first block
 *   3. the event key, or "-"
 *   4. the participants' ids, sorted, joined by ","; "-" for none
 *   5. the actions as subject>type>object joined by ";" ("?" for an untyped
 *      action, "subject>type>" for one without object; "-" for none)
 * an_report_explain is the audit trail of every time in the input. */
#ifndef AN_REPORT_H
#define AN_REPORT_H

#include "buf.h"
#include "corpus.h"

void an_report_events(const an_corpus *c, an_buf *out);
void an_report_explain(const an_corpus *c, an_buf *out);

#endif
