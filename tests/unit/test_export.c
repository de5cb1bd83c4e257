/* test_export.c - the JSON export of the actor graph (gen/export.c), and
 * briefing.json written piecewise.
 *
 * Exports small models and reads the JSON back with jansson: counts,
 * values, escaping of hostile text, order, determinism, errors.  The
 * streamed briefing.json is compared byte for byte with the whole-document
 * writer, on the example briefing and on edge cases. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "../../gen/corpus.h"
#include "../../gen/export.h"
#include "../../gen/model.h"
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

/* What the streamed writer sent; put says stop once `limit` bytes (when
 * not 0) would be passed. */
typedef struct {
  char *p;
  size_t n, limit, calls;
} sink;

static int sink_put(void *ctx, const void *data, size_t len) {
  sink *s = ctx;
  if (s->limit && s->n + len > s->limit) return 0;
  char *p = realloc(s->p, s->n + len + 1);
  if (!p) return 0;
  memcpy(p + s->n, data, len);
  s->p = p;
  s->n += len;
  s->p[s->n] = '\0';
  s->calls++;
  return 1;
}

/* The streamed briefing.json is the whole-document one, byte for byte
 * (or both refuse the model); jansson reads it back and writes it the
 * same. */
static void same_as_whole(xmlDocPtr m, const char *what) {
  char *whole = NULL, err[256], err2[256];
  size_t wlen = 0;
  int ok = an_export_briefing_json(m, &whole, &wlen, err, sizeof err);
  sink s = {0};
  int r = an_export_briefing_json_write(m, sink_put, &s, err2, sizeof err2);
  CHECK_INT(r, ok);
  if (ok && r == 1) {
    int same = s.n == wlen && memcmp(s.p, whole, wlen) == 0;
    CHECK(same);
    if (!same) {
      size_t i = 0;
      while (i < s.n && i < wlen && s.p[i] == whole[i]) i++;
      fprintf(stderr, "  %s: streamed %zu bytes, whole %zu, first difference at %zu:\n"
              "  streamed: %.60s\n  whole:    %.60s\n", what, s.n, wlen, i,
              s.p + i, whole + i);
    }
    json_error_t e;
    json_t *j = json_loads(s.p, 0, &e);
    char *again = j ? json_dumps(j, JSON_INDENT(1)) : NULL;
    CHECK(again && strlen(again) + 1 == s.n && strncmp(again, s.p, s.n - 1) == 0);
    free(again);
    json_decref(j);
  } else if (!ok) {
    CHECK_STR(err2, err);
  }
  free(s.p);
  free(whole);
}

static xmlNodePtr child(xmlNodePtr parent, const char *name, const char *text) {
  return xmlNewTextChild(parent, NULL, (const xmlChar *)name, (const xmlChar *)text);
}

static void test_streamed(void) {
  /* the example briefing */
  an_diags *d = an_diags_new();
  an_corpus *c = an_corpus_load("input", d);
  CHECK(c != NULL);
  if (c) {
    an_corpus_count_mentions(c);
    xmlDocPtr model = an_model_build(c, "2024-02-01T00:00:00Z");
    same_as_whole(model, "the example");
    xmlFreeDoc(model);
    an_corpus_free(c);
  }
  an_diags_free(d);
  /* the model of test_model, and empty ones */
  static const char *const models[] = {
      NULL, /* MODEL */
      "<briefing/>",
      "<briefing model-version=\"1\"/>",
      "<briefing model-version=\"1\"><head/><sources/><actors/><topics/>"
      "<events/><chronology/><actions/><edges/></briefing>",
      /* changes present, a list with one element, attributes that are
       * also the names of lists (an attribute comes first: the list is
       * left out, as a later element of the same name is), the in-memory
       * parts */
      "<briefing model-version=\"1\" actors=\"2\"><head lang=\"en\"><title>T</title></head>"
      "<sources><source id=\"s\"><title>S</title><body><paragraph line=\"1\">x "
      "<strong>y</strong></paragraph></body></source></sources>"
      "<actors><actor id=\"a\"/></actors><events><event id=\"e\"/><event/></events>"
      "<events><event id=\"ignored\"/></events>"
      "<diagrams><diagram name=\"x\"/></diagrams><jsonld><item for=\"index\">{}</item></jsonld>"
      "<changes since=\"2024-01-01\"><event ref=\"e\" change=\"new\"/>"
      "<actor ref=\"a\" change=\"gone\"/></changes></briefing>",
  };
  for (size_t i = 0; i < sizeof models / sizeof *models; i++) {
    xmlDocPtr m = parse(models[i] ? models[i] : MODEL);
    same_as_whole(m, models[i] ? models[i] : "MODEL");
    xmlFreeDoc(m);
  }
  /* non-ASCII and control characters, in lists and outside them */
  static const char *const hostile[] = {
      "quote \" backslash \\ slash / </script>",
      "tab\tnew\nline\rreturn\n\n",
      "bell\x01 esc\x1b unit\x1f del\x7f",
      "\xE2\x80\xA8 line separator, \xC3\xA9t\xC3\xA9, \xF0\x9F\x98\x80",
  };
  xmlDocPtr m = xmlNewDoc((const xmlChar *)"1.0");
  xmlNodePtr root = xmlNewNode(NULL, (const xmlChar *)"briefing");
  xmlDocSetRootElement(m, root);
  xmlNodePtr head = child(root, "head", NULL);
  xmlNodePtr sources = child(root, "sources", NULL);
  xmlNodePtr events = child(root, "events", NULL);
  for (size_t i = 0; i < sizeof hostile / sizeof *hostile; i++) {
    child(head, "meta", hostile[i]);
    xmlNodePtr src = child(sources, "source", NULL);
    xmlSetProp(src, (const xmlChar *)"id", (const xmlChar *)hostile[i]);
    child(src, "title", hostile[i]);
    xmlNodePtr ev = child(events, "event", NULL);
    xmlNodePtr text = child(ev, "text", hostile[i]);
    child(text, "emph", hostile[i]);
  }
  xmlSetProp(root, (const xmlChar *)"generator", (const xmlChar *)hostile[1]);
  same_as_whole(m, "hostile text");
  /* put says stop: -1, at any point */
  sink s = {0};
  char err[256];
  CHECK_INT(an_export_briefing_json_write(m, sink_put, &s, err, sizeof err), 1);
  size_t all = s.n, calls = s.calls;
  CHECK(calls > 10); /* written piecewise */
  free(s.p);
  for (size_t limit = 1; limit < all; limit += 1 + limit / 3) {
    sink t = {NULL, 0, limit, 0};
    CHECK_INT(an_export_briefing_json_write(m, sink_put, &t, err, sizeof err), -1);
    free(t.p);
  }
  /* text that is not UTF-8 in a list: both refuse the model, with the
   * same reason; one outside the lists too */
  xmlNodePtr bad = child(events, "event", NULL);
  child(bad, "text", "caf\xE9");
  same_as_whole(m, "not UTF-8 in a list");
  sink u = {0};
  CHECK_INT(an_export_briefing_json_write(m, sink_put, &u, err, sizeof err), 0);
  CHECK(strstr(err, "UTF-8") != NULL);
  free(u.p);
  xmlUnlinkNode(bad);
  xmlFreeNode(bad);
  child(head, "title", "\xFF");
  same_as_whole(m, "not UTF-8 in the head");
  xmlFreeDoc(m);
  /* not a briefing */
  m = parse("<html/>");
  same_as_whole(m, "<html/>");
  xmlFreeDoc(m);
  same_as_whole(NULL, "no model");
}

int main(void) {
  xmlInitParser();
  test_model();
  test_escaping();
  test_errors();
  test_streamed();
  xmlCleanupParser();
  return check_report();
}
