/* test_export.c - the JSON export of the actor graph (gen/export.c).
 *
 * Exports small models and reads the JSON back with jansson: counts,
 * values, escaping of hostile text, order, determinism, errors. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "../../gen/export.h"
#include "check.h"

static const char *MODEL =
    "<briefing model-version=\"1\" generator=\"annalist 0.1.0\">"
    "<head lang=\"en\" file=\"briefing.md\"><title>T &amp; \"U\"</title></head>"
    "<actors>"
    "<actor id=\"russia\" kind=\"state\" declared=\"true\" events=\"2\" "
    "actions-given=\"3\" actions-received=\"0\"><name>Russia</name>"
    "<alias>Moscow</alias><alias>Russian Federation</alias></actor>"
    "<actor id=\"zakharova\" kind=\"person\" declared=\"true\" "
    "parent=\"russia\" events=\"1\" actions-given=\"1\" "
    "actions-received=\"0\"><name>Maria Zakharova</name>"
    "<role>Spokeswoman</role><member-of ref=\"russia\"/>"
    "<profile><paragraph line=\"3\">Hello</paragraph></profile></actor>"
    "<actor id=\"japan\" kind=\"state\" declared=\"false\" events=\"4\" "
    "actions-given=\"0\" actions-received=\"2\"><name>Japan</name></actor>"
    "</actors>"
    "<edges>"
    "<edge id=\"edge-1\" subject=\"russia\" object=\"japan\" type=\"threaten\" "
    "class=\"verbal-conflict\" count=\"2\" first=\"2023-12-26\" "
    "last=\"2023-12-27\"><words>warned</words><words>said</words>"
    "<action ref=\"act-1\"/><action ref=\"act-2\"/></edge>"
    "<edge id=\"edge-2\" subject=\"zakharova\" object=\"japan\" "
    "class=\"neutral\" count=\"1\"><words>spoke of</words>"
    "<action ref=\"act-3\"/></edge>"
    "</edges>"
    "</briefing>";

static xmlDocPtr parse(const char *s) {
  return xmlReadMemory(s, (int)strlen(s), "mem.xml", NULL, XML_PARSE_NONET);
}

static json_t *export_of(xmlDocPtr m, char **text) {
  char err[256];
  size_t len = 0;
  *text = NULL;
  if (!an_export_json(m, text, &len, err, sizeof err)) {
    fprintf(stderr, "  export: %s\n", err);
    return NULL;
  }
  CHECK_INT(strlen(*text), len);
  CHECK(len > 0 && (*text)[len - 1] == '\n');
  json_error_t e;
  json_t *j = json_loads(*text, 0, &e);
  if (!j) fprintf(stderr, "  json: %s (line %d)\n", e.text, e.line);
  return j;
}

static const char *str_at(json_t *o, const char *key) {
  return json_string_value(json_object_get(o, key));
}

static void test_model(void) {
  xmlDocPtr m = parse(MODEL);
  char *text;
  json_t *j = export_of(m, &text);
  CHECK(j != NULL);
  if (!j) {
    free(text);
    xmlFreeDoc(m);
    return;
  }
  CHECK_STR(str_at(j, "format"), "annalist-actors");
  CHECK_INT(json_integer_value(json_object_get(j, "version")), 1);
  CHECK_STR(str_at(j, "generator"), "annalist 0.1.0");
  CHECK_STR(str_at(j, "title"), "T & \"U\"");
  json_t *nodes = json_object_get(j, "nodes");
  json_t *edges = json_object_get(j, "edges");
  CHECK(json_is_array(nodes) && json_is_array(edges));
  /* as many as the model has, in its order */
  CHECK_INT(json_array_size(nodes), 3);
  CHECK_INT(json_array_size(edges), 2);
  json_t *z = json_array_get(nodes, 1);
  CHECK_STR(str_at(z, "id"), "zakharova");
  CHECK_STR(str_at(z, "name"), "Maria Zakharova");
  CHECK_STR(str_at(z, "kind"), "person");
  CHECK_STR(str_at(z, "role"), "Spokeswoman");
  CHECK_STR(str_at(z, "parent"), "russia");
  CHECK(json_is_true(json_object_get(z, "declared")));
  CHECK_INT(json_array_size(json_object_get(z, "member_of")), 1);
  CHECK_STR(json_string_value(json_array_get(json_object_get(z, "member_of"), 0)),
            "russia");
  CHECK_INT(json_integer_value(json_object_get(z, "events")), 1);
  CHECK_INT(json_integer_value(json_object_get(z, "actions_given")), 1);
  json_t *r = json_array_get(nodes, 0);
  CHECK(json_is_null(json_object_get(r, "role")));
  CHECK(json_is_null(json_object_get(r, "parent")));
  CHECK_INT(json_array_size(json_object_get(r, "aliases")), 2);
  CHECK(json_is_false(json_object_get(json_array_get(nodes, 2), "declared")));
  json_t *e = json_array_get(edges, 0);
  CHECK_STR(str_at(e, "id"), "edge-1");
  CHECK_STR(str_at(e, "source"), "russia");
  CHECK_STR(str_at(e, "target"), "japan");
  CHECK_STR(str_at(e, "type"), "threaten");
  CHECK_STR(str_at(e, "class"), "verbal-conflict");
  CHECK_INT(json_integer_value(json_object_get(e, "count")), 2);
  CHECK(json_is_integer(json_object_get(e, "count")));
  CHECK_STR(str_at(e, "first"), "2023-12-26");
  CHECK_STR(str_at(e, "last"), "2023-12-27");
  CHECK_INT(json_array_size(json_object_get(e, "words")), 2);
  CHECK_INT(json_array_size(json_object_get(e, "actions")), 2);
  json_t *e2 = json_array_get(edges, 1);
  CHECK(json_is_null(json_object_get(e2, "type")));
  CHECK(json_is_null(json_object_get(e2, "first")));
  /* keys in a fixed order: id first */
  CHECK(strncmp(text, "{\n  \"format\": \"annalist-actors\"", 31) == 0);
  CHECK(strstr(text, "{\n      \"id\": \"russia\",\n      \"name\"") != NULL);
  /* the same model, the same bytes */
  char *again;
  json_t *j2 = export_of(m, &again);
  CHECK(again && strcmp(text, again) == 0);
  json_decref(j2);
  free(again);
  json_decref(j);
  free(text);
  xmlFreeDoc(m);
}

/* Text that JSON must escape comes back as it was. */
static void test_escaping(void) {
  static const char *const hostile[] = {
      "quote \" backslash \\ slash /",
      "tab\tnew\nline\rreturn",
      "bell\x01 esc\x1b nul-free",
      "</script><script>alert(1)</script>",
      "\xE2\x80\xA8 line separator, \xC3\xA9t\xC3\xA9, \xF0\x9F\x98\x80",
  };
  int n = (int)(sizeof hostile / sizeof hostile[0]);
  xmlDocPtr m = xmlNewDoc((const xmlChar *)"1.0");
  xmlNodePtr root = xmlNewNode(NULL, (const xmlChar *)"briefing");
  xmlDocSetRootElement(m, root);
  xmlNodePtr actors = xmlNewChild(root, NULL, (const xmlChar *)"actors", NULL);
  for (int i = 0; i < n; i++) {
    char id[16];
    snprintf(id, sizeof id, "a%d", i);
    xmlNodePtr a = xmlNewChild(actors, NULL, (const xmlChar *)"actor", NULL);
    xmlSetProp(a, (const xmlChar *)"id", (const xmlChar *)id);
    xmlNewTextChild(a, NULL, (const xmlChar *)"name",
                    (const xmlChar *)hostile[i]);
    xmlNewTextChild(a, NULL, (const xmlChar *)"alias",
                    (const xmlChar *)hostile[i]);
  }
  char *text;
  json_t *j = export_of(m, &text);
  CHECK(j != NULL);
  json_t *nodes = json_object_get(j, "nodes");
  CHECK_INT(json_array_size(nodes), n);
  for (int i = 0; i < n; i++) {
    json_t *o = json_array_get(nodes, (size_t)i);
    CHECK_STR(str_at(o, "name"), hostile[i]);
    CHECK_STR(json_string_value(json_array_get(json_object_get(o, "aliases"), 0)),
              hostile[i]);
    /* absent counts are 0, absent kind null */
    CHECK_INT(json_integer_value(json_object_get(o, "events")), 0);
    CHECK(json_is_null(json_object_get(o, "kind")));
  }
  /* no raw control character in the text */
  for (const char *c = text; c && *c; c++)
    if ((unsigned char)*c < 0x20 && *c != '\n') {
      CHECK(!"raw control character in the JSON");
      break;
    }
  CHECK_INT(json_array_size(json_object_get(j, "edges")), 0);
  json_decref(j);
  free(text);
  xmlFreeDoc(m);
}

static void test_errors(void) {
  char err[256];
  char *out = (char *)"junk";
  size_t len = 9;
  xmlDocPtr m = parse("<html/>");
  CHECK(!an_export_json(m, &out, &len, err, sizeof err));
  CHECK(out == NULL && len == 0);
  CHECK(strstr(err, "briefing") != NULL);
  CHECK(!an_export_json(NULL, &out, &len, NULL, 0));
  xmlFreeDoc(m);
  /* an empty model: empty lists */
  m = parse("<briefing/>");
  char *text;
  json_t *j = export_of(m, &text);
  CHECK(j && json_array_size(json_object_get(j, "nodes")) == 0);
  CHECK(j && json_is_null(json_object_get(j, "title")));
  json_decref(j);
  free(text);
  xmlFreeDoc(m);
}

int main(void) {
  xmlInitParser();
  test_model();
  test_escaping();
  test_errors();
  xmlCleanupParser();
  return check_report();
}
