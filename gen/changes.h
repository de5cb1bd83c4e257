/* changes.h - what changed since the previous build.
 *
 * Compares the model with the one the previous build left in the output
 * folder and adds <changes> to the model: new, changed and removed events
 * (matched by their stable uid) and actors (by id).  When nothing changed,
 * the previous build's <changes> is carried over as it was, so a rebuild
 * of the same input gives the same bytes. */
#ifndef AN_CHANGES_H
#define AN_CHANGES_H

#include <libxml/tree.h>

/* `previous` is the previous build's model, or NULL for a first build. */
void an_changes_add(xmlDocPtr model, xmlDocPtr previous);

#endif
