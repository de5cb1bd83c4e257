/* xml.h - reading the model document: the three look-ups every reader of
 * the model (diagrams, timeline, exports, pages) needs. */
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

#endif
