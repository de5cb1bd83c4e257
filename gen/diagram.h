/* diagram.h - the actor diagram of a model document, drawn with Graphviz.
 *
 * Reads only the model (docs/model.md): the actors that take part in an
 * event become nodes, the actors that hold them (`parent`) become nested
 * clusters, and /briefing/edges/edge become edges.  All user text is
 * escaped for Graphviz; the graph is built through the cgraph API, never
 * parsed from DOT text.
 *
 * Layout runs in a fork()ed child with a CPU and wall-time limit, so a
 * layout that hangs or crashes is an ordinary error for the caller, who
 * falls back.  Call from a single-threaded process.
 *
 * Output is deterministic: the same model gives byte-identical SVG. */
#ifndef AN_DIAGRAM_H
#define AN_DIAGRAM_H

#include <stddef.h>

#include <libxml/tree.h>

/* Seconds of CPU (and of wall time) the layout child may use. */
#ifndef AN_DIAGRAM_TIME_LIMIT
#define AN_DIAGRAM_TIME_LIMIT 20
#endif

/* Above this many nodes, `sfdp` with overlap removal replaces `dot`. */
#ifndef AN_DIAGRAM_SFDP_THRESHOLD
#define AN_DIAGRAM_SFDP_THRESHOLD 150
#endif

/* ...and above this many edges too: dot's cost grows steeply with edges
 * (150 actors: 300 edges about 1 s, 450 edges about 6 s). */
#ifndef AN_DIAGRAM_DOT_MAX_EDGES
#define AN_DIAGRAM_DOT_MAX_EDGES 300
#endif

/* Hard caps: larger models are refused before any layout. */
#ifndef AN_DIAGRAM_MAX_NODES
#define AN_DIAGRAM_MAX_NODES 5000
#endif
#ifndef AN_DIAGRAM_MAX_EDGES
#define AN_DIAGRAM_MAX_EDGES 25000
#endif

/* Renders the actor diagram of a model document to SVG (a complete
 * document, with XML declaration and DOCTYPE; graph <title> "Actors").
 * Returns 1 and sets *svg (NUL-terminated, caller frees with free()) and
 * *len; or 0 with a one-line reason in err (e.g. "layout of 1200 actors
 * did not finish in 20 s"), *svg NULL and *len 0.  err may be NULL.
 *
 * Engine: dot (clusters drawn) up to AN_DIAGRAM_SFDP_THRESHOLD actors and
 * AN_DIAGRAM_DOT_MAX_EDGES edges, else sfdp (no cluster frames).  When
 * dot fails or crashes, sfdp is tried once; on that success err holds a
 * note ("drawn with sfdp after: ..."), otherwise err is "" on success. A
 * time-out is not retried. */
int an_diagram_actors_svg(xmlDocPtr model, char **svg, size_t *len,
                          char *err, size_t errlen);

/* The same graph as DOT text (no layout, no fork), for debugging or for
 * running `dot`/`sfdp` by hand.  Same ownership and errors as above. */
int an_diagram_actors_dot(xmlDocPtr model, char **dot, size_t *len,
                          char *err, size_t errlen);

#endif
