/* test_views.c - the XSLT sandbox: no writes, no network, literal params. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "../../gen/views.h"
#include "check.h"

int main(void) {
  const char *dir = getenv("ANNALIST_TEST_DATA") ? getenv("ANNALIST_TEST_DATA") : "tests/data/views";
  an_diags *d = an_diags_new();
  an_views *v = an_views_open(dir, d);
  CHECK(v != NULL);
  xmlDocPtr doc = xmlReadMemory("<a/>", 4, "a.xml", NULL, 0);
  char *out = NULL;
  size_t len = 0;
  char target[] = "/tmp/annalist-views-test-XXXXXX";
  int fd = mkstemp(target);
  close(fd);
  unlink(target);

  /* exsl:document is refused and fails the whole transform */
  const char *wp[] = {"target", target, NULL};
  CHECK(!an_views_render(v, "write", doc, wp, &out, &len, d));
  CHECK(access(target, F_OK) != 0);
  CHECK(an_diags_status(d, 0) != AN_OK);
  free(out);
  an_diags_free(d);
  d = an_diags_new();

  /* parameters are literal strings, quotes and markup included */
  const char *pp[] = {"p", "it's \"q\" <b> & $x", NULL};
  CHECK(an_views_render(v, "param", doc, pp, &out, &len, d));
  CHECK(out && strstr(out, "<out>it's \"q\" &lt;b&gt; &amp; $x</out>") != NULL);
  free(out);
  const char *inj[] = {"p", "') or true() or ('", NULL};
  CHECK(an_views_render(v, "param", doc, inj, &out, &len, d));
  CHECK(out && strstr(out, "<out>') or true() or ('</out>") != NULL);
  free(out);

  /* no network: document() on an http URL is refused, the view fails */
  CHECK(!an_views_render(v, "net", doc, NULL, &out, &len, d));
  CHECK(out == NULL);
  {
    int refused = 0;
    for (size_t i = 0; i < an_diags_len(d); i++)
      refused |= strstr(an_diags_at(d, i)->message, "refused") != NULL;
    CHECK(refused);
  }
  an_diags_free(d);
  d = an_diags_new();

  /* a broken stylesheet is reported with its file */
  CHECK(!an_views_render(v, "broken", doc, NULL, &out, &len, d));
  CHECK(an_diags_len(d) > 0 && strstr(an_diags_at(d, 0)->file, "broken.xsl") != NULL);
  an_diags_free(d);
  d = an_diags_new();
  /* a missing one is an I/O failure */
  CHECK(!an_views_render(v, "missing", doc, NULL, &out, &len, d));
  CHECK_INT(an_diags_status(d, 0), AN_ERR_IO);

  xmlFreeDoc(doc);
  an_views_close(v);
  an_diags_free(d);
  d = an_diags_new();
  CHECK(an_views_open("/nonexistent-templates", d) == NULL);
  CHECK_INT(an_diags_status(d, 0), AN_ERR_IO);
  an_diags_free(d);
  an_views_cleanup();
  return check_report();
}
