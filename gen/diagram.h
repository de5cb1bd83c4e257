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

/* Above this many actors, the overview shows only this many: those with
 * the highest weighted degree (the sum of the counts of their edges),
 * and says in the drawing how many it left out.  At 60 a drawing still
 * fits a page at a readable size; the page lists every actor. */
#ifndef AN_DIAGRAM_MAX_SHOWN
#define AN_DIAGRAM_MAX_SHOWN 60
#endif

/* An ego diagram draws at most this many partners: those with the most
 * actions with the actor.  25 fit two columns of a page (dot, left to
 * right: who acts on it, who it acts on), and lay out in about 30 ms. */
#ifndef AN_DIAGRAM_EGO_MAX_PARTNERS
#define AN_DIAGRAM_EGO_MAX_PARTNERS 25
#endif

/* Above this many nodes drawn, `sfdp` with overlap removal replaces `dot`
 * (measured on generated briefings, see `make bench`: dot lays out 40
 * actors with clusters and 120 edges in about 0.3 s, 60 with 300 in
 * several seconds; sfdp 60 actors in 0.1 s, though without the cluster
 * frames, which are what makes dot worth it on small graphs). */
#ifndef AN_DIAGRAM_SFDP_THRESHOLD
#define AN_DIAGRAM_SFDP_THRESHOLD 40
#endif

/* ...and above this many edges too: dot's cost grows steeply with edges
 * (150 actors: 300 edges about 1 s, 450 edges about 6 s). */
#ifndef AN_DIAGRAM_DOT_MAX_EDGES
#define AN_DIAGRAM_DOT_MAX_EDGES 120
#endif

/* Above this many edges drawn, edges carry no label (their tooltips
 * still say what they stand for): 100 labels already cover a drawing. */
#ifndef AN_DIAGRAM_MAX_EDGE_LABELS
#define AN_DIAGRAM_MAX_EDGE_LABELS 100
#endif

/* Hard caps on the graph a drawing is chosen from: larger models are
 * refused before any layout.  They bound memory, not layout time (a
 * drawing shows at most AN_DIAGRAM_MAX_SHOWN actors): 300 actors of a
 * 10,000-source briefing already make 35,000 edges (one per subject,
 * object and type), which the caps of 5,000/25,000 refused. */
#ifndef AN_DIAGRAM_MAX_NODES
#define AN_DIAGRAM_MAX_NODES 50000
#endif
#ifndef AN_DIAGRAM_MAX_EDGES
#define AN_DIAGRAM_MAX_EDGES 500000
#endif

/* What a drawing shows (an_diagram_*_svg fill it in when given one). */
typedef struct {
  size_t actors;      /* actors that could be drawn (take part; partners) */
  size_t shown;       /* actors drawn as nodes */
  size_t edges;       /* edges between the actors that could be drawn */
  size_t edges_shown; /* edges drawn */
  const char *engine; /* "dot", "sfdp", or "" when nothing was laid out;
                         a static string */
} an_diagram_info;

/* Renders the actor diagram of a model document to SVG (a complete
 * document, with XML declaration and DOCTYPE; graph <title> "Actors").
 * Returns 1 and sets *svg (NUL-terminated, caller frees with free()) and
 * *len; or 0 with a one-line reason in err (e.g. "layout of 1200 actors
 * did not finish in 20 s"), *svg NULL and *len 0.  err may be NULL.
 *
 * The <svg> element begins with a <title> and a <desc> (what is drawn,
 * and how many actors were left out), a legend node explains the shapes,
 * colours and line styles used, and every node links to its actor's page
 * as "actors/<id>.html" (the links are right from the site's root, e.g.
 * index.html; ids are [a-z0-9-], which Graphviz 2.42 writes safely).
 * Nodes have the SVG id "actor-<id>".  Above AN_DIAGRAM_MAX_SHOWN actors
 * only the top ones by weighted degree are drawn (see above).
 *
 * Engine: dot (clusters drawn) up to AN_DIAGRAM_SFDP_THRESHOLD actors and
 * AN_DIAGRAM_DOT_MAX_EDGES edges, else sfdp (no cluster frames).  When
 * dot fails or crashes, sfdp is tried once; on that success err holds a
 * note ("drawn with sfdp after: ..."), otherwise err is "" on success. A
 * time-out is not retried.  info may be NULL. */
int an_diagram_actors_svg(xmlDocPtr model, char **svg, size_t *len,
                          an_diagram_info *info, char *err, size_t errlen);

/* The actor graph of a model, read once for many ego diagrams (reading
 * a 1,000-actor model takes about 20 ms; an ego layout about as much). */
typedef struct an_diagram_graph an_diagram_graph;

/* Reads the model; NULL with a one-line reason in err on a bad model.
 * The graph copies what it needs: the model may change or go after. */
an_diagram_graph *an_diagram_graph_read(xmlDocPtr model, char *err,
                                        size_t errlen);
void an_diagram_graph_free(an_diagram_graph *g);

/* The ego diagram of one actor: the actor and its direct partners (the
 * actors it shares an edge with), the edges between it and them, no
 * clusters; at most AN_DIAGRAM_EGO_MAX_PARTNERS partners (those with
 * the most actions with it; the drawing says how many it left out).  Nodes link to "<id>.html" (right from a page
 * beside the actor pages).  Returns 1 with *svg NULL when there is
 * nothing to draw (the actor has no edge, or is not in the model), so a
 * caller lays out nothing for it; otherwise as an_diagram_actors_svg.
 * g is used as scratch space (not thread-safe), and stays valid. */
int an_diagram_ego_svg(an_diagram_graph *g, const char *actor_id, char **svg,
                       size_t *len, an_diagram_info *info, char *err,
                       size_t errlen);

/* The graph an_diagram_ego_svg would lay out, as DOT text (no layout, no
 * fork): the same text, the same drawing.  *dot NULL when there is
 * nothing to draw; 0 when the text cannot be made.  Free *dot with free(). */
int an_diagram_ego_dot(an_diagram_graph *g, const char *actor_id, char **dot,
                       size_t *len);

/* The complete actor graph as DOT text (no layout, no fork; no top-N
 * cap: every actor that takes part, every edge), styled and linked as
 * the overview, for `out/actors.dot` and for running `dot`/`sfdp` by
 * hand.  Same ownership and errors as above. */
int an_diagram_actors_dot(xmlDocPtr model, char **dot, size_t *len,
                          char *err, size_t errlen);

#endif
