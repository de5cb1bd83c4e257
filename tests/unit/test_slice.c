/* test_slice.c - a page rendered from its slice is the page rendered from
 * the whole model, byte for byte; a slice holds what its page names and
 * not the rest of the model. */
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xpath.h>

#include "../../gen/corpus.h"
#include "../../gen/model.h"
#include "../../gen/publish.h"
#include "../../gen/slice.h"
#include "../../gen/views.h"
#include "../../gen/xml.h"
#include "check.h"

/* The number of nodes an XPath expression selects in doc. */
static int S_count(xmlDocPtr doc, const char *xpath) {
  xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
  xmlXPathObjectPtr r = xmlXPathEvalExpression((const xmlChar *)xpath, ctx);
  int n = r && r->nodesetval ? r->nodesetval->nodeNr : -1;
  xmlXPathFreeObject(r);
  xmlXPathFreeContext(ctx);
  return n;
}

/* Renders the page of id from the whole model and from its slice. */
static void S_same(an_views *v, xmlDocPtr model, const an_slicer *s,
                   an_slice_kind kind, const char *view, const char *id) {
  char param[32];
  snprintf(param, sizeof param, "%s-id", view);
  const char *params[] = {"root", "../", param, id, NULL};
  an_diags *d = an_diags_new();
  char *whole = NULL, *part = NULL;
  size_t wl = 0, pl = 0;
  CHECK(an_views_render(v, view, model, params, &whole, &wl, d));
  xmlDocPtr slice = an_slice(s, kind, id);
  CHECK(slice != NULL);
  if (slice) CHECK(an_views_render(v, view, slice, params, &part, &pl, d));
  CHECK(whole && part && wl == pl && memcmp(whole, part, wl) == 0);
  if (!(whole && part && wl == pl && memcmp(whole, part, wl) == 0))
    fprintf(stderr, "  the %s page of '%s' differs (%zu and %zu bytes)\n", view, id, wl, pl);
  CHECK_INT(an_diags_len(d), 0);
  free(whole);
  free(part);
  xmlFreeDoc(slice);
  an_diags_free(d);
}

int main(void) {
  an_diags *d = an_diags_new();
  an_corpus *c = an_corpus_load("tests/data/slice", d);
  CHECK(c != NULL);
  CHECK_INT(an_diags_status(d, 0), AN_OK);
  an_corpus_count_mentions(c);
  xmlDocPtr model = an_model_build(c, "2024-02-01T00:00:00Z");
  an_views *v = an_views_open("templates", d);
  CHECK(v != NULL);
  an_publish_prepare(v, model, "https://example.org/b/", "tests/data/slice", d);
  an_slicer *s = an_slicer_new(model);
  CHECK(s != NULL);

  /* every page of the model, from its slice */
  const char *sources[] = {"one", "two", "three", "four", "five"};
  for (size_t i = 0; i < 5; i++) S_same(v, model, s, AN_SLICE_SOURCE, "source", sources[i]);
  const char *actors[] = {"alpha", "beta", "ministry", "gamma"};
  for (size_t i = 0; i < 4; i++) S_same(v, model, s, AN_SLICE_ACTOR, "actor", actors[i]);
  const char *topics[] = {"trade", "energy"};
  for (size_t i = 0; i < 2; i++) S_same(v, model, s, AN_SLICE_TOPIC, "topic", topics[i]);
  /* the timeline: the overview and a page per year, the undated too */
  CHECK_INT(S_count(model, "/briefing/chronology/year | /briefing/chronology/undated"), 5);
  const char *years[] = {"2018", "2022", "2023", "2024", "undated"};
  for (size_t i = 0; i < 5; i++) S_same(v, model, s, AN_SLICE_YEAR, "year", years[i]);
  S_same(v, model, s, AN_SLICE_TIMELINE, "timeline", "timeline");
  /* the index: 19 events, the last 10 and an early conflict listed */
  CHECK_INT(S_count(model, "/briefing/events/event"), 19);
  CHECK_INT(S_count(model, "/briefing/events/event[@conflict='true'][count(following-sibling::event) > 10]"), 1);
  S_same(v, model, s, AN_SLICE_INDEX, "index", "index");

  /* what a slice holds */
  xmlDocPtr one = an_slice(s, AN_SLICE_SOURCE, "one");
  CHECK_INT(S_count(one, "/briefing/sources/source"), 2); /* one, two (the shared event) */
  CHECK_INT(S_count(one, "/briefing/sources/source[@id='one']/body"), 1);
  CHECK_INT(S_count(one, "/briefing/sources/source[@id='two']/body"), 0);
  CHECK_INT(S_count(one, "/briefing/events/event"), 2);
  CHECK_INT(S_count(one, "/briefing/actors/actor[@id='ministry']"), 0);
  CHECK_INT(S_count(one, "/briefing/head/summary"), 0);
  CHECK_INT(S_count(one, "/briefing/jsonld/item"), 1);
  CHECK_INT(S_count(one, "/briefing/jsonld/item[@for='source:one']"), 1);
  CHECK_INT(S_count(one, "/briefing/topics/topic[@id='energy']"), 0);
  xmlFreeDoc(one);
  xmlDocPtr alpha = an_slice(s, AN_SLICE_ACTOR, "alpha");
  /* its member (the ministry), whole itself, the others short */
  CHECK_INT(S_count(alpha, "/briefing/actors/actor[@id='ministry']"), 1);
  CHECK_INT(S_count(alpha, "/briefing/actors/actor[@id='alpha']/alias"), 1);
  CHECK_INT(S_count(alpha, "/briefing/actors/actor[@id='gamma']/mentions"), 0);
  /* its edges: with gamma, from beta, and the self-loop once */
  CHECK_INT(S_count(alpha, "/briefing/edges/edge"), 4);
  CHECK_INT(S_count(alpha, "/briefing/sources/source/body"), 0);
  xmlFreeDoc(alpha);
  /* a year: its events and their actions, its neighbours by value only */
  xmlDocPtr y = an_slice(s, AN_SLICE_YEAR, "2024");
  CHECK(S_count(model, "/briefing/events/event[starts-with(@month, '2024-')]") > 1);
  CHECK_INT(S_count(y, "/briefing/events/event"),
            S_count(model, "/briefing/events/event[starts-with(@month, '2024-')]"));
  CHECK_INT(S_count(y, "/briefing/events/event[not(starts-with(@month, '2024-'))]"), 0);
  CHECK_INT(S_count(y, "/briefing/actions/action"),
            S_count(model, "/briefing/actions/action[@event = /briefing/events/event[starts-with(@month, '2024-')]/@id]"));
  CHECK_INT(S_count(y, "/briefing/chronology/*"), 3);
  CHECK_INT(S_count(y, "/briefing/chronology/year[@value='2023'][not(@events)][not(*)]"), 1);
  CHECK_INT(S_count(y, "/briefing/chronology/year[@value='2024'][@events][month]"), 1);
  CHECK_INT(S_count(y, "/briefing/chronology/undated[not(@events)]"), 1);
  CHECK_INT(S_count(y, "/briefing/head/summary"), 0);
  CHECK_INT(S_count(y, "/briefing/sources/source/body"), 0);
  CHECK_INT(S_count(y, "/briefing/sources/source[@id='three']"), 0);
  xmlFreeDoc(y);
  xmlDocPtr und = an_slice(s, AN_SLICE_YEAR, "undated");
  CHECK_INT(S_count(und, "/briefing/events/event"), 1);
  CHECK_INT(S_count(und, "/briefing/events/event[@month]"), 0);
  CHECK_INT(S_count(und, "/briefing/chronology/*"), 2);
  CHECK_INT(S_count(und, "/briefing/chronology/year[@value='2024'][not(@events)]"), 1);
  xmlFreeDoc(und);
  xmlDocPtr tl = an_slice(s, AN_SLICE_TIMELINE, "timeline");
  CHECK_INT(S_count(tl, "/briefing/events/event"), 0);
  CHECK_INT(S_count(tl, "/briefing/chronology/year/month"),
            S_count(model, "/briefing/chronology/year/month"));
  xmlFreeDoc(tl);
  xmlDocPtr ix = an_slice(s, AN_SLICE_INDEX, "index");
  CHECK_INT(S_count(ix, "/briefing/events/event"), 19); /* counted as the model */
  CHECK_INT(S_count(ix, "/briefing/events/event[*]"), AN_SLICE_INDEX_LATEST + 1);
  CHECK_INT(S_count(ix, "/briefing/events/event[@conflict='true'][citation]"), 1);
  CHECK_INT(S_count(ix, "/briefing/actions/action"),
            S_count(ix, "/briefing/events/event/action"));
  CHECK_INT(S_count(ix, "/briefing/head/summary"), 1);
  CHECK_INT(S_count(ix, "/briefing/sources/source"), S_count(model, "/briefing/sources/source"));
  CHECK_INT(S_count(ix, "/briefing/sources/source/body | /briefing/actors/actor/mentions"), 0);
  CHECK_INT(S_count(ix, "/briefing/edges/edge"), S_count(model, "/briefing/edges/edge"));
  CHECK_INT(S_count(ix, "/briefing/jsonld/item[@for='index'] | /briefing/jsonld/item[not(@for='index')]"), 1);
  xmlFreeDoc(ix);
  CHECK(an_slice(s, AN_SLICE_YEAR, "1999") == NULL);
  CHECK(an_slice(s, AN_SLICE_ACTOR, "nobody") == NULL);
  CHECK(an_slice(s, AN_SLICE_TOPIC, "alpha") == NULL);

  an_slicer_free(s);
  an_views_close(v);
  xmlFreeDoc(model);
  an_corpus_free(c);
  an_diags_free(d);
  an_views_cleanup();
  return check_report();
}
