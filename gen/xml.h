/* xml.h - reading the model document: the look-ups every reader of the
 * model (diagrams, timeline, exports, pages) needs. */
#ifndef AN_XML_H
#define AN_XML_H

#include <libxml/tree.h>

/* 1 when n is an element named `name`. */
int an_xml_is(xmlNodePtr n, const char *name);
/* The first child element of n named `name`, or NULL. */
xmlNodePtr an_xml_first(xmlNodePtr n, const char *name);
/* A copy of an attribute's value (the caller frees it with free()), or
 * NULL when it is absent. */
char *an_xml_prop(xmlNodePtr n, const char *name);

/* The children of one list element (/briefing/events, ...) by the value of
 * an attribute (their id), for look-ups in O(log n) where a scan of the
 * list for each element would make the whole quadratic. */
typedef struct an_xml_index an_xml_index;
/* Indexes the children of `list` named `name` by their attribute `attr`
 * (those without it are left out); list may be NULL (an empty index). */
an_xml_index *an_xml_index_new(xmlNodePtr list, const char *name, const char *attr);
/* The element whose attribute is `value` (the first in document order when
 * several are), or NULL; value may be NULL. */
xmlNodePtr an_xml_index_find(const an_xml_index *x, const char *value);
void an_xml_index_free(an_xml_index *x);

#endif
