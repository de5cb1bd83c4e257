/* test_xml.c - the look-ups of the model (gen/xml.c): an_xml_index, the
 * index by id that what-changed, the calendar, the chart and the exports
 * use instead of scanning a list for each element. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "../../gen/xml.h"
#include "check.h"

static const char *MODEL =
    "<briefing><sources>"
    "<source id=\"b\"><title>B</title></source>"
    "<note id=\"a\"/>"
    "<source id=\"a\"><title>A, first</title></source>"
    "<source><title>no id</title></source>"
    "<source id=\"a\"><title>A, second</title></source>"
    "<source id=\"\"><title>empty id</title></source>"
    "</sources></briefing>";

static const char *S_title(xmlNodePtr n) {
  xmlNodePtr t = an_xml_first(n, "title");
  return t && t->children ? (const char *)t->children->content : NULL;
}

int main(void) {
  xmlDocPtr doc = xmlReadMemory(MODEL, (int)strlen(MODEL), "m.xml", "UTF-8", 0);
  xmlNodePtr sources = an_xml_first(xmlDocGetRootElement(doc), "sources");
  an_xml_index *x = an_xml_index_new(sources, "source", "id");
  CHECK_STR(S_title(an_xml_index_find(x, "b")), "B");
  /* duplicates: the first in document order, as a scan finds it */
  CHECK_STR(S_title(an_xml_index_find(x, "a")), "A, first");
  /* only the children named so: <note id="a"/> is not a source */
  CHECK(an_xml_is(an_xml_index_find(x, "a"), "source"));
  CHECK_STR(S_title(an_xml_index_find(x, "")), "empty id");
  CHECK(an_xml_index_find(x, "c") == NULL);
  CHECK(an_xml_index_find(x, "aa") == NULL);
  CHECK(an_xml_index_find(x, NULL) == NULL);
  an_xml_index_free(x);

  /* many elements, found each in O(log n): every one is found */
  xmlNodePtr list = xmlNewNode(NULL, BAD_CAST "events");
  char id[32];
  for (int i = 5000; i > 0; i--) {
    snprintf(id, sizeof id, "ev-%d", i);
    xmlSetProp(xmlNewChild(list, NULL, BAD_CAST "event", NULL), BAD_CAST "id", BAD_CAST id);
  }
  x = an_xml_index_new(list, "event", "id");
  int found = 0;
  for (int i = 1; i <= 5000; i++) {
    snprintf(id, sizeof id, "ev-%d", i);
    xmlNodePtr n = an_xml_index_find(x, id);
    char *got = n ? an_xml_prop(n, "id") : NULL;
    found += got && strcmp(got, id) == 0;
    free(got);
  }
  CHECK_INT(found, 5000);
  an_xml_index_free(x);
  xmlFreeNode(list);

  /* no list at all: an empty index */
  x = an_xml_index_new(NULL, "event", "id");
  CHECK(an_xml_index_find(x, "ev-1") == NULL);
  an_xml_index_free(x);
  an_xml_index_free(NULL);

  xmlFreeDoc(doc);
  xmlCleanupParser();
  return check_report();
}
