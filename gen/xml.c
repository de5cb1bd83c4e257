/* xml.c - see xml.h. */
#include "xml.h"

#include <string.h>

#include "alloc.h"

int an_xml_is(xmlNodePtr n, const char *name) {
  return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

xmlNodePtr an_xml_first(xmlNodePtr n, const char *name) {
  for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
    if (an_xml_is(c, name)) return c;
  return NULL;
}

char *an_xml_prop(xmlNodePtr n, const char *name) {
  xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
  if (!v) return NULL;
  char *s = an_xstrdup((const char *)v);
  xmlFree(v);
  return s;
}
