/* model.h - the corpus as one XML document, the briefing's AST.
 *
 * The document is described in docs/model.md and templates/model.rng; every
 * view and diagram is made from it alone. */
#ifndef AN_MODEL_H
#define AN_MODEL_H

#include <libxml/tree.h>

#include "corpus.h"

#define AN_VERSION "0.1.0"

/* Builds the model.  `built` is the build time to record (ISO 8601, from
 * SOURCE_DATE_EPOCH) or NULL to record none.  The caller frees the
 * document with xmlFreeDoc. */
xmlDocPtr an_model_build(const an_corpus *c, const char *built);

#endif
