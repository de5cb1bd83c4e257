/* export.h - JSON for other tools (jansson): the actor graph, the whole
 * model, and the JSON-LD of the pages.
 *
 * Reads only the model document (docs/model.md).  The DOT export is
 * diagram.c's (an_diagram_actors_dot) and the GraphML one a view
 * (templates/graphml.xsl); this is the JSON one, written with jansson so
 * that every string is escaped as JSON requires (quotes, backslashes,
 * control characters; the text stays UTF-8). */
#ifndef AN_EXPORT_H
#define AN_EXPORT_H

#include <stddef.h>

#include <libxml/tree.h>

/* The actors and edges of a model as one JSON document:
 *
 *   {"format": "annalist-actors", "version": 1, "generator": "...",
 *    "title": "...",
 *    "nodes": [{"id", "name", "kind", "declared", "role", "parent",
 *               "member_of": [...], "aliases": [...], "events",
 *               "actions_given", "actions_received"}, ...],
 *    "edges": [{"id", "source", "target", "type", "class", "count",
 *               "first", "last", "words": [...], "actions": [...]}, ...]}
 *
 * in the model's order, keys in that order, indented by 2, ending with a
 * newline: the same model gives the same bytes.  Absent values (role,
 * parent, type, first, last) are null; counts are integers.  Every actor
 * of the model is a node; every edge an edge.
 *
 * Returns 1 and sets *json (NUL-terminated, caller frees with free()) and
 * *len; or 0 with a one-line reason in err (err may be NULL). */
int an_export_json(xmlDocPtr model, char **json, size_t *len, char *err,
                   size_t errlen);

/* The whole model as one JSON document (briefing.json, docs/exports.md):
 *
 *   {"format": "annalist-briefing", "version": 1, "model-version": 1,
 *    "generator": "...", "built"?: "...", "head": {...}, "sources": [...],
 *    "actors": [...], "topics": [...], "events": [...], "actions": [...],
 *    "edges": [...], "changes"?: {...}}
 *
 * Element and attribute names are the model's (docs/model.md); a list
 * element is an array; an element that may repeat is always an array; an
 * element with only text is a string; counts and positions are numbers,
 * flags booleans; a CommonMark body (summary, body, profile, text) is an
 * array of strings and {"type": NAME, attributes..., "children": [...]}.
 * The in-memory parts (diagrams, jsonld) are left out.  Keys are in the
 * model's order, so the same model gives the same bytes (indented by 1,
 * ending with a newline).  Returns 1 and *json (free()) and *len, or 0
 * with a one-line reason in err. */
int an_export_briefing_json(xmlDocPtr model, char **json, size_t *len,
                            char *err, size_t errlen);

/* Where a writer sends its bytes, in order: put returns 1, or 0 to stop
 * (the bytes could not be written). */
typedef int (*an_export_put)(void *ctx, const void *data, size_t len);

/* The same bytes as an_export_briefing_json, written piecewise to put:
 * each source, actor, event ... is made, written and freed before the
 * next, so the whole document is never in memory.  Returns 1 when
 * written; 0 with a reason in err when the model cannot be written (what
 * put received is then to be dropped); -1 when put stopped it. */
int an_export_briefing_json_write(xmlDocPtr model, an_export_put put,
                                  void *ctx, char *err, size_t errlen);

/* Adds (or replaces) /briefing/jsonld in the model: one
 * <item for="KEY">JSON</item> per page that carries schema.org JSON-LD:
 * "index" (@type Event: the events index.html shows, the
 * AN_SLICE_INDEX_LATEST (slice.h) last of the chronology and every one marked
 * conflict="true", as templates/index.xsl selects them), "source:ID"
 * (NewsArticle) and
 * "actor:ID" (Person, or Organization for any other kind).  With a
 * base_url (ending in '/'; NULL or "" for none) the items carry absolute
 * "url"s of the pages; without, none.  The text is JSON written by
 * jansson with JSON_ESCAPE_SLASH, and every '<' is written \u003c, so it
 * can be put in a <script> element as it is: no "</script" and no "<!--"
 * can appear.  Returns 0 with a reason in err when jansson refuses a text
 * (not UTF-8); the model is then as before. */
int an_export_jsonld(xmlDocPtr model, const char *base_url, char *err,
                     size_t errlen);

#endif
