/* scaffold.h - `annalist init DIR`: a new briefing folder to start from.
 *
 * Writes DIR/briefing.md, DIR/sources/first-report.md and two actors
 * (DIR/actors/northland.md, DIR/actors/southland.md); the source shows
 * each kind of annotation once (@actor, !action, ^time, #topic), each
 * with an HTML comment saying what it does (comments are kept out of the
 * pages).  The folder builds with `annalist build --strict` and no
 * warning.
 *
 * DIR must be absent (it is then made; its parent must exist) or an empty
 * folder: init never replaces or adds to anything. */
#ifndef AN_SCAFFOLD_H
#define AN_SCAFFOLD_H

#include "diag.h"

/* Returns AN_OK; AN_ERR_USAGE when DIR exists and is not an empty folder;
 * AN_ERR_IO when a folder or file cannot be made.  Every problem is
 * reported in d.  On failure, what was written is left for the user to
 * see (nothing that existed before is touched). */
an_status an_scaffold(const char *dir, an_diags *d);

#endif
