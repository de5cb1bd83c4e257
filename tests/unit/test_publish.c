/* test_publish.c - the exports beside the pages: briefing.json and the
 * pages' JSON-LD (export.c), events.csv (eventtable.c), events.ics
 * (calendar.c), the --base-url check and briefing.xml written piecewise
 * (publish.c).
 *
 * Small models with hostile text, read back with jansson (JSON) and by
 * looking at the bytes libcsv and libical wrote. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "../../gen/buf.h"
#include "../../gen/calendar.h"
#include "../../gen/corpus.h"
#include "../../gen/eventtable.h"
#include "../../gen/export.h"
#include "../../gen/model.h"
#include "../../gen/publish.h"
#include "../../gen/slice.h"
#include "check.h"

static const char *MODEL =
    "<briefing model-version=\"1\" generator=\"annalist 0.1.0\" built=\"2024-01-02T03:04:05Z\">"
    "<head lang=\"en\" file=\"briefing.md\"><title>T &lt;/script&gt;</title>"
    "<date value=\"2024-01-01\" display=\"Mon 1 Jan 2024\"/>"
    "<summary><paragraph line=\"5\">Hi <emph>there</emph></paragraph></summary></head>"
    "<sources><source id=\"s\" file=\"sources/s.md\" lang=\"en\">"
    "<title>A &lt;!-- \"quoted\", title</title>"
    "<published value=\"2023-12-28\" display=\"Thu 28 Dec 2023\"/>"
    "<publisher>Wire</publisher><body/></source></sources>"
    "<actors>"
    "<actor id=\"x\" kind=\"person\" declared=\"true\" events=\"1\" actions-given=\"1\" actions-received=\"0\">"
    "<name>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</name><alias>X, the \"one\"</alias>"
    "<member-of ref=\"y\"/></actor>"
    "<actor id=\"y\" kind=\"state\" declared=\"false\" events=\"1\" actions-given=\"0\" actions-received=\"1\">"
    "<name>Y</name></actor>"
    "</actors><topics/>"
    "<events>"
    "<event id=\"ev-1\" source=\"s\" line=\"3\" column=\"1\" uid=\"e0000000000000001\" sources=\"1\">"
    "<time value=\"2023-W51\" precision=\"week\" start=\"2023-12-18\" end=\"2023-12-24\" display=\"week 51\" origin=\"annotation\"/>"
    "<citation source=\"s\" line=\"3\" column=\"1\"/>"
    "<participant ref=\"x\"/><participant ref=\"y\"/><action ref=\"act-1\"/>"
    "<text><actor-ref ref=\"x\" line=\"3\" column=\"1\">X</actor-ref> <action-ref action=\"act-1\" class=\"neutral\" line=\"3\" column=\"3\">said</action-ref>, \"a; b\\c\"</text>"
    "</event>"
    "<event id=\"ev-2\" line=\"9\" column=\"1\" uid=\"e0000000000000002\" sources=\"1\">"
    "<time value=\"2022-02-24/..\" precision=\"interval\" start=\"2022-02-24\" display=\"from 24 Feb 2022\" origin=\"annotation\"/>"
    "<citation line=\"9\" column=\"1\"/><text>open</text></event>"
    "<event id=\"ev-3\" source=\"s\" line=\"11\" column=\"1\" uid=\"e0000000000000003\" sources=\"1\">"
    "<citation source=\"s\" line=\"11\" column=\"1\"/><text>undated</text></event>"
    "</events>"
    "<actions><action id=\"act-1\" event=\"ev-1\" class=\"neutral\" source=\"s\" line=\"3\" column=\"3\">"
    "<words>said, \"it\"</words><subject ref=\"x\"/><object ref=\"y\"/></action></actions>"
    "<edges/></briefing>";

static xmlDocPtr parse(const char *s) {
  return xmlReadMemory(s, (int)strlen(s), "mem.xml", NULL, XML_PARSE_NONET);
}

static void test_briefing_json(void) {
  xmlDocPtr m = parse(MODEL);
  char *text = NULL, err[256];
  size_t len = 0;
  CHECK(an_export_briefing_json(m, &text, &len, err, sizeof err));
  json_error_t e;
  json_t *j = text ? json_loads(text, 0, &e) : NULL;
  CHECK(j != NULL);
  if (j) {
    CHECK_STR(json_string_value(json_object_get(j, "format")), "annalist-briefing");
    CHECK_INT(json_integer_value(json_object_get(j, "model-version")), 1);
    json_t *ev = json_array_get(json_object_get(j, "events"), 0);
    CHECK_INT(json_integer_value(json_object_get(ev, "line")), 3);
    CHECK_STR(json_string_value(json_object_get(json_object_get(ev, "time"), "start")), "2023-12-18");
    CHECK(json_is_array(json_object_get(ev, "participant")));
    CHECK_INT(json_array_size(json_object_get(ev, "participant")), 2);
    json_t *t = json_object_get(ev, "text");
    CHECK(json_is_array(t) && json_array_size(t) == 4);
    CHECK_STR(json_string_value(json_array_get(t, 1)), " "); /* the space kept */
    CHECK_STR(json_string_value(json_object_get(json_array_get(t, 0), "type")), "actor-ref");
    json_t *a = json_array_get(json_object_get(j, "actors"), 1);
    CHECK(json_is_false(json_object_get(a, "declared")));
    CHECK_STR(json_string_value(json_object_get(a, "name")), "Y");
    json_t *x = json_array_get(json_object_get(j, "actors"), 0);
    CHECK(json_is_array(json_object_get(x, "alias")));
    CHECK_STR(json_string_value(json_object_get(json_object_get(j, "head"), "title")), "T </script>");
    /* keys in the model's order */
    const char *first = json_object_iter_key(json_object_iter(j));
    CHECK_STR(first, "format");
    json_decref(j);
  }
  /* the same model gives the same bytes */
  char *again = NULL;
  CHECK(an_export_briefing_json(m, &again, &len, err, sizeof err));
  CHECK(text && again && strcmp(text, again) == 0);
  free(again);
  free(text);
  xmlFreeDoc(m);
}

/* The text of /briefing/jsonld/item[@for=key], or NULL. */
static char *jsonld_item(xmlDocPtr m, const char *key) {
  xmlNodePtr r = xmlDocGetRootElement(m);
  for (xmlNodePtr c = r->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "jsonld")) continue;
    for (xmlNodePtr i = c->children; i; i = i->next) {
      xmlChar *f = xmlGetProp(i, BAD_CAST "for");
      int same = f && strcmp((const char *)f, key) == 0;
      xmlFree(f);
      if (same) {
        xmlChar *t = xmlNodeGetContent(i);
        char *s = strdup((const char *)t);
        xmlFree(t);
        return s;
      }
    }
  }
  return NULL;
}

static void test_jsonld(void) {
  xmlDocPtr m = parse(MODEL);
  char err[256];
  CHECK(an_export_jsonld(m, "https://example.org/b/", err, sizeof err));
  CHECK(an_export_jsonld(m, "https://example.org/b/", err, sizeof err)); /* replaces */
  static const char *const keys[] = {"index", "source:s", "actor:x", "actor:y"};
  for (size_t k = 0; k < 4; k++) {
    char *s = jsonld_item(m, keys[k]);
    CHECK(s != NULL);
    if (!s) continue;
    CHECK(strchr(s, '<') == NULL); /* no </script, no <!-- */
    json_error_t e;
    json_t *j = json_loads(s, 0, &e);
    CHECK(j != NULL);
    CHECK_STR(json_string_value(json_object_get(j, "@context")), "https://schema.org");
    if (k == 2) {
      CHECK_STR(json_string_value(json_object_get(j, "@type")), "Person");
      CHECK_STR(json_string_value(json_object_get(j, "name")), "</script><script>alert(1)</script>");
      CHECK_STR(json_string_value(json_object_get(j, "url")), "https://example.org/b/actors/x.html");
      CHECK_STR(json_string_value(json_object_get(json_array_get(json_object_get(j, "memberOf"), 0), "@type")),
                "Organization");
    }
    if (k == 1) {
      CHECK_STR(json_string_value(json_object_get(j, "@type")), "NewsArticle");
      CHECK_STR(json_string_value(json_object_get(j, "headline")), "A <!-- \"quoted\", title");
    }
    if (k == 0) {
      json_t *g = json_object_get(j, "@graph");
      CHECK_INT(json_array_size(g), 3);
      json_t *e1 = json_array_get(g, 0);
      CHECK_STR(json_string_value(json_object_get(e1, "@type")), "Event");
      CHECK_STR(json_string_value(json_object_get(e1, "startDate")), "2023-12-18");
      CHECK_STR(json_string_value(json_object_get(e1, "url")),
                "https://example.org/b/sources/s.html#ev-1");
      CHECK_INT(json_array_size(json_object_get(e1, "attendee")), 2);
    }
    json_decref(j);
    free(s);
  }
  xmlFreeDoc(m);
  /* without a base URL: no url */
  m = parse(MODEL);
  CHECK(an_export_jsonld(m, NULL, err, sizeof err));
  char *s = jsonld_item(m, "actor:x");
  CHECK(s && strstr(s, "\"url\"") == NULL);
  free(s);
  xmlFreeDoc(m);
}

/* The index's JSON-LD lists the events index.html shows: the latest
 * AN_SLICE_INDEX_LATEST and every conflict, not all of them (every event
 * of a 10,000-source briefing made index.html 35 MB). */
static void test_jsonld_index_shown(void) {
  an_buf b = AN_BUF_INIT;
  an_buf_printf(&b, "<briefing><head><title>T</title></head><sources/><actors/><topics/><events>");
  for (int i = 1; i <= 14; i++)
    an_buf_printf(&b, "<event id=\"ev-%d\" uid=\"u%d\"%s><citation/><text>e%d</text></event>", i, i,
                  i == 2 ? " conflict=\"true\"" : "", i);
  an_buf_printf(&b, "</events><actions/><edges/></briefing>");
  xmlDocPtr m = parse(an_buf_cstr(&b));
  an_buf_free(&b);
  char err[256];
  CHECK(an_export_jsonld(m, NULL, err, sizeof err));
  char *s = jsonld_item(m, "index");
  json_error_t e;
  json_t *j = s ? json_loads(s, 0, &e) : NULL;
  json_t *g = json_object_get(j, "@graph");
  CHECK_INT(json_array_size(g), AN_SLICE_INDEX_LATEST + 1);
  CHECK_STR(json_string_value(json_object_get(json_array_get(g, 0), "identifier")), "u2");
  CHECK_STR(json_string_value(json_object_get(json_array_get(g, 1), "identifier")), "u5");
  CHECK_STR(json_string_value(json_object_get(json_array_get(g, 10), "identifier")), "u14");
  json_decref(j);
  free(s);
  xmlFreeDoc(m);
}

static void test_csv(void) {
  xmlDocPtr m = parse(MODEL);
  char *csv = NULL, err[256];
  size_t len = 0;
  CHECK(an_eventtable_csv(m, &csv, &len, err, sizeof err));
  CHECK(csv && strncmp(csv, "\"event_id\",\"uid\",\"time\"", 23) == 0);
  /* quotes doubled by libcsv, the comma kept inside the field */
  CHECK(csv && strstr(csv, "\"said, \"\"it\"\"\"\r\n") != NULL);
  CHECK(csv && strstr(csv, "\"ev-2\",\"e0000000000000002\",\"2022-02-24/..\",\"2022-02-24\",\"\",") != NULL);
  CHECK(csv && strstr(csv, "\"ev-3\",\"e0000000000000003\",\"..\",") != NULL);
  size_t rows = 0;
  for (const char *p = csv; p && *p; p++) rows += *p == '\n';
  CHECK_INT(rows, 4); /* header, act-1, ev-2, ev-3 */
  free(csv);
  xmlFreeDoc(m);
}

static void test_ics(void) {
  xmlDocPtr m = parse(MODEL);
  char *ics = NULL, err[256];
  size_t len = 0;
  CHECK(an_calendar_ics(m, NULL, &ics, &len, err, sizeof err));
  CHECK(ics && strncmp(ics, "BEGIN:VCALENDAR\r\n", 17) == 0);
  CHECK(ics && strstr(ics, "UID:e0000000000000001@annalist\r\n") != NULL);
  CHECK(ics && strstr(ics, "DTSTAMP:20240102T030405Z\r\n") != NULL);
  CHECK(ics && strstr(ics, "DTSTART;VALUE=DATE:20231218\r\nDTEND;VALUE=DATE:20231225\r\n") != NULL);
  /* the open end: its first day only, and said */
  CHECK(ics && strstr(ics, "DTSTART;VALUE=DATE:20220224\r\nSUMMARY:open") != NULL);
  CHECK(ics && strstr(ics, "Open end") != NULL);
  /* libical escapes , ; and \ in text */
  CHECK(ics && strstr(ics, "said\\, \"a\\; b\\\\c\"") != NULL);
  CHECK(ics && strstr(ics, "undated") == NULL); /* no date: no VEVENT */
  size_t vevents = 0;
  for (const char *p = ics; p && (p = strstr(p, "BEGIN:VEVENT")); p++) vevents++;
  CHECK_INT(vevents, 2);
  int long_line = 0;
  for (const char *p = ics, *nl; p && (nl = strstr(p, "\r\n")); p = nl + 2)
    if (nl - p > 75) long_line = 1;
  CHECK(!long_line);
  free(ics);
  xmlFreeDoc(m);
}

static void test_base_url(void) {
  char err[128];
  CHECK(an_publish_base_url_ok("https://example.org/", err, sizeof err));
  CHECK(an_publish_base_url_ok("http://localhost:8080/a/b/", err, sizeof err));
  static const char *const bad[] = {
      "https://example.org", "ftp://example.org/", "https:///", "https://a b/",
      "https://a/\"x/", "https://a/<b>/", "https://a/'/", "/rel/", "https://a/?q=1/",
      "https://a/#f/", "", "https://a/\t/"};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    err[0] = '\0';
    CHECK(!an_publish_base_url_ok(bad[i], err, sizeof err));
    CHECK(err[0] != '\0');
  }
}

/* briefing.xml written through the site is what libxml2 dumps into
 * memory, byte for byte. */
static void same_xml(xmlDocPtr m, const char *what) {
  char dir[256], out[300], cmd[300];
  snprintf(dir, sizeof dir, "%s/annalist-publish-XXXXXX",
           getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
  if (!mkdtemp(dir)) {
    CHECK(!"mkdtemp");
    return;
  }
  snprintf(out, sizeof out, "%s/out", dir);
  an_diags *d = an_diags_new();
  an_site *site = an_site_begin(out, d);
  CHECK(site && an_publish_model(site, m, d) && an_site_commit(site, d));
  xmlChar *mem = NULL;
  int n = 0;
  xmlDocDumpFormatMemoryEnc(m, &mem, &n, "UTF-8", 0);
  char path[320];
  snprintf(path, sizeof path, "%s/briefing.xml", out);
  FILE *f = fopen(path, "rb");
  char *got = malloc((size_t)n + 2);
  size_t len = f ? fread(got, 1, (size_t)n + 1, f) : 0;
  if (f) fclose(f);
  int same = n > 0 && len == (size_t)n && memcmp(got, mem, len) == 0;
  CHECK(same);
  if (!same) fprintf(stderr, "  %s: %zu bytes written, %d dumped\n", what, len, n);
  free(got);
  xmlFree(mem);
  an_diags_free(d);
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  CHECK(system(cmd) == 0);
}

static void test_briefing_xml(void) {
  xmlDocPtr m = parse(MODEL);
  same_xml(m, "MODEL");
  /* text and attributes that XML must escape; non-ASCII; a long text
   * across the buffers */
  xmlNodePtr root = xmlDocGetRootElement(m);
  xmlNodePtr n = xmlNewTextChild(root, NULL, BAD_CAST "note",
                                 BAD_CAST "a < b & c > d \"q\" 'a'\r\n\t\xC3\xA9\xF0\x9F\x98\x80 ]]>");
  xmlSetProp(n, BAD_CAST "v", BAD_CAST "\"<&>\n\t\r\xE2\x80\xA8");
  char *big = malloc(200001);
  for (size_t i = 0; i < 200000; i++) big[i] = "ab<&\xC3\xA9"[i % 6];
  big[199999] = 'z'; /* not half a character */
  big[200000] = '\0';
  xmlNewTextChild(root, NULL, BAD_CAST "long", BAD_CAST big);
  free(big);
  same_xml(m, "escaped");
  xmlFreeDoc(m);
  m = parse("<briefing/>");
  same_xml(m, "empty");
  xmlFreeDoc(m);
  /* the example briefing */
  an_diags *d = an_diags_new();
  an_corpus *c = an_corpus_load("input", d);
  CHECK(c != NULL);
  if (c) {
    an_corpus_count_mentions(c);
    m = an_model_build(c, "2024-02-01T00:00:00Z");
    same_xml(m, "the example");
    xmlFreeDoc(m);
    an_corpus_free(c);
  }
  an_diags_free(d);
}

int main(void) {
  xmlInitParser();
  test_briefing_xml();
  test_briefing_json();
  test_jsonld();
  test_jsonld_index_shown();
  test_csv();
  test_ics();
  test_base_url();
  xmlCleanupParser();
  return check_report();
}
