/* test_timeline.c - the timeline chart (gen/timeline.c).
 *
 * Builds small model documents in memory, renders them, parses the SVG
 * with libxml2 and checks it with XPath: marks, lanes, bars against the
 * axis ticks, fuzzy and reported-by marks, action lines between the right
 * lanes, compressed gaps, the lane cap on 2,000 events, the empty chart,
 * escaping and determinism. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "../../gen/buf.h"
#include "../../gen/timeline.h"
#include "check.h"

#define SVG_NS "http://www.w3.org/2000/svg"

/* Span of ten days: day ticks.  Japan is busiest (5 events). */
static const char *MODEL =
    "<briefing model-version=\"1\" generator=\"annalist 0.1.0\">"
    "<head lang=\"en\" file=\"briefing.md\"><title>Patriots</title></head>"
    "<sources><source id=\"s\" file=\"sources/s.md\" lang=\"en\">"
    "<title>Russia Warns Japan</title><body/></source></sources>"
    "<actors>"
    "<actor id=\"japan\" kind=\"state\"><name>Japan</name></actor>"
    "<actor id=\"usa\" kind=\"state\"><name>United States</name></actor>"
    "<actor id=\"russia\" kind=\"state\"><name>Russia</name></actor>"
    "<actor id=\"zakharova\" kind=\"person\"><name>Maria Zakharova</name>"
    "</actor>"
    "<actor id=\"nobody\" kind=\"person\"><name>Never in an event</name>"
    "</actor>"
    "</actors>"
    "<events>"
    "<event id=\"ev-1\" source=\"s\" line=\"1\" column=\"1\">"
    "<time value=\"2023-W51\" precision=\"week\" start=\"2023-12-18\" "
    "end=\"2023-12-24\" display=\"week 51 of 2023 (18-24 Dec)\" "
    "origin=\"annotation\"/>"
    "<participant ref=\"japan\"/><participant ref=\"usa\"/>"
    "<action ref=\"act-2\"/><text>Japan and the US talked.</text></event>"
    "<event id=\"ev-6\" source=\"s\" line=\"9\" column=\"1\">"
    "<time value=\"2023-12-19~\" precision=\"day\" start=\"2023-12-19\" "
    "end=\"2023-12-19\" display=\"about Tue 19 Dec 2023\" approximate=\"true\" "
    "origin=\"annotation\"/>"
    "<participant ref=\"japan\"/><text>Around then.</text></event>"
    "<event id=\"ev-5\" source=\"s\" line=\"8\" column=\"1\">"
    "<time value=\"2023-12-20/..\" precision=\"interval\" start=\"2023-12-20\" "
    "display=\"since Wed 20 Dec 2023\" origin=\"annotation\"/>"
    "<participant ref=\"russia\"/><text>Since then.</text></event>"
    "<event id=\"ev-2\" source=\"s\" line=\"2\" column=\"1\">"
    "<time value=\"2023-12-22?\" precision=\"day\" start=\"2023-12-22\" "
    "end=\"2023-12-22\" display=\"Fri 22 Dec 2023 (uncertain)\" "
    "uncertain=\"true\" origin=\"annotation\"/>"
    "<participant ref=\"japan\"/><participant ref=\"usa\"/>"
    "<participant ref=\"russia\"/><text>Maybe.</text></event>"
    "<event id=\"ev-3\" source=\"s\" line=\"3\" column=\"1\">"
    "<time value=\"2023-12-27\" precision=\"day\" start=\"2023-12-27\" "
    "end=\"2023-12-27\" display=\"Wed 27 Dec 2023\" origin=\"annotation\"/>"
    "<participant ref=\"zakharova\"/><participant ref=\"japan\"/>"
    "<action ref=\"act-1\"/><text>Zakharova <emph>warned</emph>"
    "<softbreak/>Japan.</text></event>"
    "<event id=\"ev-4\" source=\"s\" line=\"4\" column=\"1\">"
    "<reported-by value=\"2023-12-28\" display=\"Thu 28 Dec 2023\"/>"
    "<participant ref=\"usa\"/><participant ref=\"japan\"/>"
    "<text>Someday.</text></event>"
    "</events>"
    "<actions>"
    "<action id=\"act-2\" event=\"ev-1\" type=\"cooperate\" "
    "class=\"material-cooperation\" source=\"s\" line=\"1\" column=\"3\">"
    "<words>talked</words><subject ref=\"japan\"/><object ref=\"usa\"/>"
    "</action>"
    "<action id=\"act-1\" event=\"ev-3\" type=\"threaten\" "
    "class=\"verbal-conflict\" source=\"s\" line=\"3\" column=\"3\">"
    "<words>warned</words><subject ref=\"zakharova\"/>"
    "<object ref=\"japan\"/></action>"
    "</actions>"
    "</briefing>";

static xmlDocPtr parse(const char *s, size_t n) {
  return xmlReadMemory(s, (int)n, "mem.xml", NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR |
                           XML_PARSE_NOWARNING);
}

typedef struct {
  xmlDocPtr doc;
  xmlXPathContextPtr ctx;
} svgdoc;

static int svg_open(svgdoc *d, const char *svg, size_t len) {
  d->doc = svg ? parse(svg, len) : NULL;
  d->ctx = NULL;
  if (!d->doc) return 0;
  d->ctx = xmlXPathNewContext(d->doc);
  xmlXPathRegisterNs(d->ctx, (const xmlChar *)"s", (const xmlChar *)SVG_NS);
  return 1;
}

static void svg_close(svgdoc *d) {
  if (d->ctx) xmlXPathFreeContext(d->ctx);
  if (d->doc) xmlFreeDoc(d->doc);
}

/* The XPath expression as a number (count(), boolean()...). */
static double xnum(svgdoc *d, const char *expr) {
  if (!d->ctx) return -1;
  xmlXPathObjectPtr o = xmlXPathEvalExpression((const xmlChar *)expr, d->ctx);
  if (!o) {
    fprintf(stderr, "bad xpath: %s\n", expr);
    return -1;
  }
  double v = xmlXPathCastToNumber(o);
  xmlXPathFreeObject(o);
  return v;
}

static int xtrue(svgdoc *d, const char *expr) {
  char b[1200];
  snprintf(b, sizeof b, "boolean(%s)", expr);
  return xnum(d, b) == 1;
}

static const char *xstr(svgdoc *d, const char *expr, char *buf, size_t n) {
  buf[0] = '\0';
  if (!d->ctx) return buf;
  xmlXPathObjectPtr o = xmlXPathEvalExpression((const xmlChar *)expr, d->ctx);
  if (!o) return buf;
  xmlChar *s = xmlXPathCastToString(o);
  snprintf(buf, n, "%s", (const char *)s);
  xmlFree(s);
  xmlXPathFreeObject(o);
  return buf;
}

/* Renders a model given as XML text; the SVG or NULL. */
static char *render_xml(const char *xml, size_t *len, char *err, size_t n) {
  xmlDocPtr m = parse(xml, strlen(xml));
  CHECK(m != NULL);
  char *svg = NULL;
  *len = 0;
  int ok = an_timeline_svg(m, &svg, len, err, n);
  CHECK(ok == 1);
  if (ok) CHECK_STR(err, "");
  xmlFreeDoc(m);
  return svg;
}

#define MARK "s:g[contains(concat(' ',@class,' '),' mark ')]"

static double ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static void test_main_model(void) {
  char err[256], buf[2048];
  size_t len;
  char *svg = render_xml(MODEL, &len, err, sizeof err);
  CHECK(svg != NULL && strlen(svg) == len);
  svgdoc d;
  CHECK(svg_open(&d, svg, len));

  /* a titled, described, sized SVG */
  CHECK(xtrue(&d, "/s:svg[@viewBox][@width][@height][@role='img']"));
  CHECK_STR(xstr(&d, "string(/s:svg/s:title)", buf, sizeof buf),
            "Timeline: Patriots");
  CHECK(xtrue(&d, "contains(/s:svg/s:desc, '6 events')"));
  CHECK(xtrue(&d, "/s:svg/@font-family = 'sans-serif'"));

  /* one mark per participant per event, each with a title */
  CHECK_INT(xnum(&d, "count(//" MARK ")"), 11);
  CHECK_INT(xnum(&d, "count(//" MARK "[s:title])"), 11);
  static const char *const pairs[][2] = {
      {"ev-1", "japan"},  {"ev-1", "usa"},    {"ev-6", "japan"},
      {"ev-5", "russia"}, {"ev-2", "japan"},  {"ev-2", "usa"},
      {"ev-2", "russia"}, {"ev-3", "zakharova"}, {"ev-3", "japan"},
      {"ev-4", "usa"},    {"ev-4", "japan"}};
  for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
    char e[300];
    snprintf(e, sizeof e,
             "count(//" MARK "[@data-event='%s'][@data-actor='%s']"
             "[contains(concat(' ',@class,' '),' %s ')])",
             pairs[i][0], pairs[i][1], pairs[i][0]);
    CHECK_INT(xnum(&d, e), 1);
  }

  /* one lane per actor that takes part, the busiest (Japan) first */
  CHECK_INT(xnum(&d, "count(//s:g[@class='lane'])"), 4);
  CHECK(!xtrue(&d, "//s:g[@class='lane'][@data-actor='nobody']"));
  CHECK_STR(xstr(&d, "string((//s:g[@class='lane'])[1]/@data-actor)", buf,
                 sizeof buf),
            "japan");
  CHECK(xtrue(&d, "(//s:g[@class='lane'])[1]/s:text = 'Japan'"));
  CHECK_INT(xnum(&d, "count(/s:svg/@data-lanes[. = 4])"), 1);

  /* the week is a bar from the tick of its first day to the tick after
   * its last day */
  double bx = xnum(&d, "number(//" MARK "[@data-event='ev-1'][@data-actor="
                       "'japan']/s:rect/@x)");
  double bw = xnum(&d, "number(//" MARK "[@data-event='ev-1'][@data-actor="
                       "'japan']/s:rect/@width)");
  double t18 = xnum(&d, "number(//s:g[@class='tick'][@data-day='2023-12-18']"
                        "/s:line/@x1)");
  double t25 = xnum(&d, "number(//s:g[@class='tick'][@data-day='2023-12-25']"
                        "/s:line/@x1)");
  double t19 = xnum(&d, "number(//s:g[@class='tick'][@data-day='2023-12-19']"
                        "/s:line/@x1)");
  CHECK(bx == bx && t18 == t18 && t25 == t25); /* not NaN */
  CHECK(bx == t18);
  CHECK(bx + bw > t25 - 0.15 && bx + bw < t25 + 0.15);
  CHECK(t19 > t18 && t25 - t18 > 6.9 * (t19 - t18) &&
        t25 - t18 < 7.1 * (t19 - t18)); /* a linear day axis */
  CHECK(xtrue(&d, "//" MARK "[@data-event='ev-1'][contains(@class,' bar ')]"
                  "[@data-start='2023-12-18'][@data-end='2023-12-24']"));
  /* a day is a dot at the middle of its day */
  double cx = xnum(&d, "number(//" MARK "[@data-event='ev-3'][@data-actor="
                       "'japan']/s:circle/@cx)");
  double t27 = xnum(&d, "number(//s:g[@class='tick'][@data-day='2023-12-27']"
                        "/s:line/@x1)");
  CHECK(cx > t27 && cx < t27 + (t19 - t18));

  /* uncertain and approximate marks are fuzzy; certain ones are not */
  CHECK_INT(xnum(&d, "count(//" MARK "[@data-event='ev-2'][contains(@class,"
                     "' fuzzy ')][contains(@class,' uncertain ')]"
                     "/s:circle[@stroke-dasharray][starts-with(@fill,'url(')])"),
            3);
  CHECK_INT(xnum(&d, "count(//" MARK "[@data-event='ev-6'][contains(@class,"
                     "' approximate ')]/s:circle[@stroke-dasharray])"),
            1);
  CHECK_INT(xnum(&d, "count(//" MARK "[@data-event='ev-3']//*"
                     "[@stroke-dasharray])"),
            0);
  CHECK(!xtrue(&d, "//" MARK "[@data-event='ev-3'][contains(@class,'fuzzy')]"));
  CHECK(xtrue(&d, "//s:defs/s:radialGradient[@id='tl-fuzzy-dot']"));

  /* reported-by: a hollow marker, never a dot or a bar, read "by ..." */
  CHECK_INT(xnum(&d, "count(//" MARK "[@data-event='ev-4'][contains(@class,"
                     "' reported ')][@data-reported='2023-12-28'])"),
            2);
  CHECK_INT(xnum(&d, "count(//" MARK "[@data-event='ev-4']"
                     "/*[self::s:circle or self::s:rect])"),
            0);
  CHECK_INT(xnum(&d, "count(//" MARK "[@data-event='ev-4']"
                     "/s:polygon[@fill='#ffffff'])"),
            2);
  CHECK(xtrue(&d, "starts-with(//" MARK "[@data-event='ev-4'][1]/s:title,"
                  "'by Thu 28 Dec 2023 (reported by Russia Warns Japan')"));

  /* an open end runs past the last day to the edge, with an arrow */
  CHECK(xtrue(&d, "//" MARK "[@data-event='ev-5'][contains(@class,"
                  "' open-end ')][@data-start='2023-12-20'][not(@data-end)]"
                  "/s:polygon"));
  double ox = xnum(&d, "number(//" MARK "[@data-event='ev-5']/s:rect/@x)");
  double ow = xnum(&d, "number(//" MARK "[@data-event='ev-5']/s:rect/@width)");
  double t28 = xnum(&d, "number(//s:g[@class='tick'][@data-day='2023-12-28']"
                        "/s:line/@x1)");
  CHECK(ox + ow > t28 + (t19 - t18));
  CHECK(xnum(&d, "number(/s:svg/@width)") - (ox + ow) < 40);

  /* tooltips: the time as displayed, the participants, the text */
  CHECK(xtrue(&d, "contains(//" MARK "[@data-event='ev-2'][1]/s:title,"
                  "'Fri 22 Dec 2023 (uncertain)')"));
  CHECK(xtrue(&d, "contains(//" MARK "[@data-event='ev-2'][1]/s:title,"
                  "'Japan, United States, Russia')"));
  CHECK(xtrue(&d, "contains(//" MARK "[@data-event='ev-3'][1]/s:title,"
                  "'Zakharova warned Japan.')"));

  /* the action line runs from Zakharova's lane down/up to Japan's */
  CHECK_INT(xnum(&d, "count(//s:g[contains(@class,'action ')])"), 2);
  CHECK(xtrue(&d, "//s:g[@data-action='act-1'][contains(@class,"
                  "'verbal-conflict')][@data-subject='zakharova']"
                  "[@data-object='japan']/s:title"));
  double y1 = xnum(&d, "number(//s:g[@data-action='act-1']/s:line/@y1)");
  double y2 = xnum(&d, "number(//s:g[@data-action='act-1']/s:line/@y2)");
  double zy = xnum(&d, "number(//s:g[@class='lane'][@data-actor='zakharova']"
                       "/s:rect/@y)");
  double zh = xnum(&d, "number(//s:g[@class='lane'][@data-actor='zakharova']"
                       "/s:rect/@height)");
  double jy = xnum(&d, "number(//s:g[@class='lane'][@data-actor='japan']"
                       "/s:rect/@y)");
  double jh = xnum(&d, "number(//s:g[@class='lane'][@data-actor='japan']"
                       "/s:rect/@height)");
  CHECK(y1 >= zy && y1 <= zy + zh);
  CHECK(y2 >= jy && y2 <= jy + jh);
  double ax = xnum(&d, "number(//s:g[@data-action='act-1']/s:line/@x1)");
  CHECK(ax > cx - 10 && ax < cx + 10); /* at the event's time */
  CHECK(xtrue(&d, "//s:g[@data-action='act-1']/s:line[@stroke-dasharray]"));
  CHECK(xtrue(&d, "//s:g[@data-action='act-2'][contains(@class,"
                  "'material-cooperation')]/s:line[not(@stroke-dasharray)]"));

  /* ten days: no break, no lane cap, a legend */
  CHECK_INT(xnum(&d, "count(//s:g[@class='axis-break'])"), 0);
  CHECK_INT(xnum(&d, "count(//s:text[contains(@class,'lane-cap')])"), 0);
  CHECK(xtrue(&d, "//s:g[@class='legend']//s:text[.='verbal conflict']"));
  CHECK(xtrue(&d, "//s:g[@class='legend']//s:text[contains(.,'by the report "
                  "date')]"));
  /* no element id outside tl- (the chart is inlined in a page) */
  CHECK_INT(xnum(&d, "count(//*[@id][not(starts-with(@id,'tl-'))])"), 0);

  /* determinism: the same model, the same bytes */
  size_t len2;
  char *again = render_xml(MODEL, &len2, err, sizeof err);
  CHECK(again && len2 == len && memcmp(again, svg, len) == 0);
  free(again);
  svg_close(&d);
  free(svg);
}

/* Events years apart: the empty years are compressed and marked. */
static void test_gap(void) {
  static const char *GAP =
      "<briefing><head file=\"b.md\"><title>Gap</title></head>"
      "<actors><actor id=\"a\"><name>A</name></actor>"
      "<actor id=\"b\"><name>B</name></actor></actors><events>"
      "<event id=\"ev-1\" source=\"s\" line=\"1\"><time value=\"2014-03-01\" "
      "precision=\"day\" start=\"2014-03-01\" end=\"2014-03-01\" "
      "display=\"Sat 1 Mar 2014\"/><participant ref=\"a\"/></event>"
      "<event id=\"ev-2\" source=\"s\" line=\"2\"><time value=\"2014-03-05\" "
      "precision=\"day\" start=\"2014-03-05\" end=\"2014-03-05\" "
      "display=\"Wed 5 Mar 2014\"/><participant ref=\"a\"/>"
      "<participant ref=\"b\"/></event>"
      "<event id=\"ev-3\" source=\"s\" line=\"3\"><time value=\"2014/2023\" "
      "precision=\"interval\" start=\"2014-03-03\" end=\"2023-12-03\" "
      "display=\"2014 to 2023\"/><participant ref=\"b\"/></event>"
      "<event id=\"ev-4\" source=\"s\" line=\"4\"><time value=\"2023-12-01\" "
      "precision=\"day\" start=\"2023-12-01\" end=\"2023-12-01\" "
      "display=\"Fri 1 Dec 2023\"/><participant ref=\"b\"/></event>"
      "<event id=\"ev-5\" source=\"s\" line=\"5\"><time value=\"2023-12-05\" "
      "precision=\"day\" start=\"2023-12-05\" end=\"2023-12-05\" "
      "display=\"Tue 5 Dec 2023\"/><participant ref=\"a\"/></event>"
      "</events></briefing>";
  char err[256];
  size_t len;
  char *svg = render_xml(GAP, &len, err, sizeof err);
  svgdoc d;
  CHECK(svg_open(&d, svg, len));
  CHECK_INT(xnum(&d, "count(//s:g[@class='axis-break'])"), 1);
  CHECK(xtrue(&d, "//s:g[@class='axis-break'][starts-with(@data-from,'2014-')]"
                  "[starts-with(@data-to,'2023-')]/s:title"));
  CHECK(xtrue(&d, "//s:g[@class='axis-break']/s:polyline"));
  CHECK(xtrue(&d, "contains(/s:svg/s:desc, 'compressed')"));
  CHECK_INT(xnum(&d, "count(//" MARK ")"), 6);
  /* both ends are readable: the axis names 2014 and 2023 */
  CHECK(xtrue(&d, "//s:g[@class='axis']/s:text[contains(.,'2014')]"));
  CHECK(xtrue(&d, "//s:g[@class='axis']/s:text[contains(.,'2023')]"));
  /* the bar through the break still spans from its start to its end */
  double bx = xnum(&d, "number(//" MARK "[@data-event='ev-3']/s:rect/@x)");
  double bw = xnum(&d, "number(//" MARK "[@data-event='ev-3']/s:rect/@width)");
  double brk = xnum(&d, "number(//s:g[@class='axis-break']/s:rect/@x)");
  CHECK(bx < brk && bx + bw > brk + 20);
  CHECK(xnum(&d, "number(/s:svg/@width)") <= 960);
  svg_close(&d);
  free(svg);
}

/* 2,000 generated events over 120 actors: the busiest 40 get lanes. */
static char *big_model(size_t nev, size_t nact) {
  an_buf b = AN_BUF_INIT;
  an_buf_puts(&b, "<briefing><head file=\"b.md\"><title>Big</title></head>"
                  "<actors>");
  for (size_t i = 0; i < nact; i++)
    an_buf_printf(&b, "<actor id=\"a%zu\"><name>Actor number %zu</name>"
                      "</actor>", i, i);
  an_buf_puts(&b, "</actors><events>");
  unsigned long r = 12345;
  size_t nacts = 0;
  for (size_t i = 0; i < nev; i++) {
    /* 2019-01-01 .. 2021-12-31, then a gap to 2023 for the last tenth */
    int day = (int)(i * 1000 / nev);
    int y = 2019 + day / 365, doy = day % 365;
    if (i >= nev - nev / 10) y = 2023;
    int m = doy / 31 + 1, dd = doy % 28 + 1;
    if (m > 12) m = 12;
    an_buf_printf(&b, "<event id=\"ev-%zu\" source=\"s\" line=\"%zu\">", i + 1,
                  i + 1);
    if (i % 11 == 5)
      an_buf_printf(&b, "<reported-by value=\"%04d-%02d-%02d\" "
                        "display=\"%d-%d-%d\"/>", y, m, dd, y, m, dd);
    else if (i % 7 == 3)
      an_buf_printf(&b, "<time value=\"x\" precision=\"month\" "
                        "start=\"%04d-%02d-01\" end=\"%04d-%02d-28\" "
                        "display=\"month %d-%d\"/>", y, m, y, m, y, m);
    else
      an_buf_printf(&b, "<time value=\"x\" precision=\"day\" "
                        "start=\"%04d-%02d-%02d\" end=\"%04d-%02d-%02d\" "
                        "display=\"%d-%d-%d\"%s/>", y, m, dd, y, m, dd, y, m,
                    dd, i % 13 == 0 ? " uncertain=\"true\"" : "");
    size_t np = 1 + (i % 4), p[4];
    for (size_t k = 0; k < np; k++) {
      r = r * 1103515245UL + 12345UL;
      /* skewed: low ids far more often */
      size_t x = (size_t)((r >> 8) % nact);
      p[k] = x * x / nact;
      int dup = 0;
      for (size_t q = 0; q < k; q++) dup |= p[q] == p[k];
      if (!dup) an_buf_printf(&b, "<participant ref=\"a%zu\"/>", p[k]);
    }
    an_buf_puts(&b, "<text>Something happened.</text></event>");
  }
  an_buf_puts(&b, "</events><actions>");
  for (size_t i = 0; i < nev; i += 3) {
    an_buf_printf(&b, "<action id=\"act-%zu\" event=\"ev-%zu\" "
                      "class=\"verbal-conflict\"><words>w</words>"
                      "<subject ref=\"a%zu\"/><object ref=\"a%zu\"/></action>",
                  ++nacts, i + 1, i % 7, (i + 3) % 9);
  }
  an_buf_puts(&b, "</actions></briefing>");
  return an_buf_detach(&b);
}

static void test_scale(void) {
  static const size_t sizes[] = {5, 100, 2000};
  for (size_t s = 0; s < 3; s++) {
    size_t n = sizes[s];
    char *xml = big_model(n, n < 100 ? 8 : n <= 100 ? 30 : 120);
    xmlDocPtr m = parse(xml, strlen(xml));
    CHECK(m != NULL);
    char err[256], buf[512];
    char *svg = NULL;
    size_t len = 0;
    double t0 = ms();
    CHECK(an_timeline_svg(m, &svg, &len, err, sizeof err) == 1);
    double t1 = ms();
    printf("timeline: %zu events: %zu bytes of SVG in %.0f ms\n", n, len,
           t1 - t0);
    svgdoc d;
    CHECK(svg_open(&d, svg, len));
    /* the model's participant count, to compare with */
    xmlXPathContextPtr mc = xmlXPathNewContext(m);
    xmlXPathObjectPtr o = xmlXPathEvalExpression(
        (const xmlChar *)"count(//event/participant)", mc);
    double parts = xmlXPathCastToNumber(o);
    xmlXPathFreeObject(o);
    xmlXPathFreeContext(mc);
    double marks = xnum(&d, "count(//" MARK ")");
    CHECK(marks == xnum(&d, "number(/s:svg/@data-marks)"));
    if (n == 2000) {
      CHECK_INT(xnum(&d, "count(//s:g[@class='lane'])"), 40);
      CHECK(xtrue(&d, "//s:text[contains(@class,'lane-cap')]"
                      "[contains(., '40 busiest actors')]"));
      xstr(&d, "string(//s:text[contains(@class,'lane-cap')])", buf,
           sizeof buf);
      /* the note's count of left-out marks adds up */
      const char *p = strstr(buf, "(");
      double left = p ? atof(p + 1) : -1;
      CHECK(marks + left == parts);
      CHECK(marks > parts / 2);
      CHECK(xtrue(&d, "//s:g[@class='axis-break']"));
      CHECK(xnum(&d, "number(/s:svg/@width)") <= 960);
      /* lanes by event count: the first lane is the busiest actor */
      CHECK(xnum(&d, "number((//s:g[@class='lane'])[1]/@data-events)") >=
            xnum(&d, "number((//s:g[@class='lane'])[2]/@data-events)"));
      CHECK(xnum(&d, "number((//s:g[@class='lane'])[1]/@data-events)") >=
            xnum(&d, "number((//s:g[@class='lane'])[40]/@data-events)"));
      CHECK(t1 - t0 < 10000);
      /* determinism on the big one too */
      char *again = NULL;
      size_t len2 = 0;
      CHECK(an_timeline_svg(m, &again, &len2, err, sizeof err) == 1);
      CHECK(again && len2 == len && memcmp(again, svg, len) == 0);
      free(again);
    } else {
      CHECK(marks == parts);
      CHECK_INT(xnum(&d, "count(//s:text[contains(@class,'lane-cap')])"), 0);
    }
    svg_close(&d);
    free(svg);
    xmlFreeDoc(m);
    free(xml);
  }
}

static void test_empty(void) {
  static const char *EMPTY =
      "<briefing><head file=\"b.md\"><title>Nothing</title></head>"
      "<actors/><events/><actions/></briefing>";
  static const char *UNDATED =
      "<briefing><head file=\"b.md\"><title>Nothing</title></head>"
      "<actors><actor id=\"a\"><name>A</name></actor></actors><events>"
      "<event id=\"ev-1\" source=\"s\" line=\"1\"><participant ref=\"a\"/>"
      "</event></events></briefing>";
  const char *models[] = {EMPTY, UNDATED};
  for (size_t i = 0; i < 2; i++) {
    char err[256];
    size_t len;
    char *svg = render_xml(models[i], &len, err, sizeof err);
    svgdoc d;
    CHECK(svg_open(&d, svg, len));
    CHECK(xtrue(&d, "/s:svg[@viewBox]/s:title"));
    CHECK(xtrue(&d, "contains(/s:svg/s:desc, 'Nothing to draw')"));
    CHECK(xtrue(&d, "//s:text[contains(., 'Nothing to draw')]"));
    CHECK_INT(xnum(&d, "count(//" MARK ")"), 0);
    svg_close(&d);
    free(svg);
  }
  /* not a model: an error, no SVG */
  xmlDocPtr m = parse("<foo/>", 6);
  char err[256] = "";
  char *svg = (char *)"junk";
  size_t len = 99;
  CHECK(an_timeline_svg(m, &svg, &len, err, sizeof err) == 0);
  CHECK(svg == NULL && len == 0);
  CHECK(strstr(err, "briefing") != NULL);
  CHECK(an_timeline_svg(m, &svg, &len, NULL, 0) == 0);
  xmlFreeDoc(m);
}

/* Text from the sources never becomes markup. */
static void test_hostile(void) {
  static const char *EVIL =
      "<briefing><head file=\"b.md\"><title>&lt;script&gt;x()&lt;/script&gt;"
      "</title></head>"
      "<sources><source id=\"s\"><title>&quot;Src&quot; &amp; "
      "&lt;b&gt;</title></source></sources>"
      "<actors><actor id=\"evil\"><name>&lt;script&gt;alert(1)&lt;/script&gt;"
      " &amp; &quot;q&quot; 'a'</name></actor></actors><events>"
      "<event id=\"ev-1\" source=\"s\" line=\"1\"><time value=\"2023\" "
      "precision=\"day\" start=\"2023-01-01\" end=\"2023-01-01\" "
      "display=\"&lt;img src=x onerror=alert(2)&gt;\"/>"
      "<participant ref=\"evil\"/><text>&lt;script&gt;alert(3)&lt;/script&gt;"
      " &amp;amp; ]]&gt; \"</text></event>"
      "<event id=\"ev-2\" source=\"s\" line=\"2\"><reported-by "
      "value=\"2023-01-05\" display=\"x\"/><participant ref=\"evil\"/></event>"
      "</events></briefing>";
  char err[256], buf[1024];
  size_t len;
  char *svg = render_xml(EVIL, &len, err, sizeof err);
  CHECK(svg && strstr(svg, "<script") == NULL);
  CHECK(svg && strstr(svg, "<img") == NULL);
  CHECK(svg && strstr(svg, "&lt;script&gt;alert(1)") != NULL);
  svgdoc d;
  CHECK(svg_open(&d, svg, len));
  CHECK_INT(xnum(&d, "count(//*[local-name()='script' or local-name()='img'])"),
            0);
  CHECK_STR(xstr(&d, "string(//s:g[@class='lane']/s:title)", buf, sizeof buf),
            "<script>alert(1)</script> & \"q\" 'a': 2 events");
  CHECK(xtrue(&d, "starts-with(//s:g[@class='lane']/s:text, "
                  "'<script>alert(1)</script>')"));
  CHECK(xtrue(&d, "contains(//" MARK "[@data-event='ev-1']/s:title, "
                  "'<img src=x onerror=alert(2)>')"));
  CHECK(xtrue(&d, "contains(//" MARK "[@data-event='ev-1']/s:title, "
                  "'<script>alert(3)</script> &amp; ]]>')"));
  CHECK(xtrue(&d, "contains(//" MARK "[@data-event='ev-2']/s:title, "
                  "'\"Src\" & <b>')"));
  CHECK(xtrue(&d, "contains(/s:svg/s:title, '<script>x()</script>')"));
  svg_close(&d);
  free(svg);
}

int main(void) {
  test_main_model();
  test_gap();
  test_scale();
  test_empty();
  test_hostile();
  xmlCleanupParser();
  return check_report();
}
