/* test_diagram.c - the actor diagram (gen/diagram.c).
 *
 * Builds small model documents, renders them, parses the SVG with libxml2
 * and checks its structure with XPath (never coordinates, except to see
 * that nested clusters are drawn inside each other). */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <graphviz/cgraph.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "../../gen/diagram.h"
#include "check.h"

static const char *MODEL =
    "<briefing model-version=\"1\" generator=\"annalist 0.1.0\">"
    "<head lang=\"en\" file=\"briefing.md\"><title>T</title></head>"
    "<actors>"
    "<actor id=\"russia\" kind=\"state\" declared=\"true\" events=\"0\">"
    "<name>Russia</name></actor>"
    "<actor id=\"russia-mfa\" kind=\"organization\" parent=\"russia\">"
    "<name>Ministry of Foreign Affairs</name><member-of ref=\"russia\"/>"
    "</actor>"
    "<actor id=\"zakharova\" kind=\"person\" parent=\"russia-mfa\" "
    "events=\"1\"><name>Maria Zakharova</name>"
    "<role>Spokeswoman of the Ministry of Foreign Affairs</role>"
    "<alias>Zakharova</alias><member-of ref=\"russia-mfa\"/>"
    "<profile><paragraph line=\"3\">Hello</paragraph></profile></actor>"
    "<actor id=\"japan\" kind=\"state\" events=\"2\"><name>Japan</name>"
    "</actor>"
    "<actor id=\"usa\" kind=\"state\"><name>United States</name></actor>"
    "<actor id=\"us-dod\" kind=\"organization\" parent=\"usa\">"
    "<name>Department of Defense</name></actor>"
    "<actor id=\"unused\" kind=\"media\"><name>Never Drawn</name></actor>"
    "</actors>"
    "<events>"
    "<event id=\"ev-1\" source=\"s\" line=\"1\" column=\"1\">"
    "<reported-by value=\"2023-12-28\" display=\"x\"/>"
    "<participant ref=\"zakharova\"/><participant ref=\"japan\"/>"
    "<action ref=\"act-1\"/><text>t</text></event>"
    "<event id=\"ev-2\" source=\"s\" line=\"2\" column=\"1\">"
    "<reported-by value=\"2023-12-28\" display=\"x\"/>"
    "<participant ref=\"usa\"/><participant ref=\"us-dod\"/>"
    "<text>t</text></event>"
    "</events>"
    "<actions>"
    "<action id=\"act-1\" event=\"ev-1\" type=\"threaten\" "
    "class=\"verbal-conflict\" source=\"s\" line=\"1\" column=\"3\">"
    "<words>warned</words><subject ref=\"zakharova\"/>"
    "<object ref=\"japan\"/></action>"
    "</actions>"
    "<edges>"
    "<edge id=\"edge-1\" subject=\"zakharova\" object=\"japan\" "
    "type=\"threaten\" class=\"verbal-conflict\" count=\"1\" "
    "first=\"2023-12-27\" last=\"2023-12-27\"><words>warned</words>"
    "<action ref=\"act-1\"/></edge>"
    "<edge id=\"edge-2\" subject=\"japan\" object=\"japan\" type=\"praise\" "
    "class=\"verbal-cooperation\" count=\"5\"><words>praised</words>"
    "<words>lauded</words><action ref=\"act-1\"/></edge>"
    "<edge id=\"edge-3\" subject=\"us-dod\" object=\"usa\" "
    "class=\"neutral\" count=\"2\"><words>reported to</words>"
    "<action ref=\"act-1\"/></edge>"
    "</edges>"
    "</briefing>";

#define SVG_NS "http://www.w3.org/2000/svg"
#define XLINK_NS "http://www.w3.org/1999/xlink"

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
  d->doc = parse(svg, len);
  d->ctx = NULL;
  if (!d->doc) return 0;
  d->ctx = xmlXPathNewContext(d->doc);
  xmlXPathRegisterNs(d->ctx, (const xmlChar *)"s", (const xmlChar *)SVG_NS);
  xmlXPathRegisterNs(d->ctx, (const xmlChar *)"xl",
                     (const xmlChar *)XLINK_NS);
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

/* The XPath expression as a string, copied into buf. */
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

/* The bounding box of the first shape (polygon, path or ellipse) of the
 * group with this title. */
typedef struct {
  double x0, y0, x1, y1;
} box;

static int group_box(svgdoc *d, const char *title, box *b) {
  char expr[256], pts[4096];
  snprintf(expr, sizeof expr,
           "string((//s:g[s:title='%s']//*[self::s:polygon or self::s:path])"
           "[1]/@*[name()='points' or name()='d'])",
           title);
  xstr(d, expr, pts, sizeof pts);
  if (pts[0]) {
    /* "x,y x,y" or "Mx,yCx,y x,y ...": every pair is a point */
    for (char *p = pts; *p; p++)
      if ((*p >= 'A' && *p <= 'Z') || *p == ',') *p = ' ';
    int npts = 0;
    char *p = pts;
    for (;;) {
      char *end;
      double x = strtod(p, &end);
      if (end == p) break;
      double y = strtod(end, &p);
      if (p == end) break;
      if (!npts || x < b->x0) b->x0 = x;
      if (!npts || y < b->y0) b->y0 = y;
      if (!npts || x > b->x1) b->x1 = x;
      if (!npts || y > b->y1) b->y1 = y;
      npts++;
    }
    return npts > 0;
  }
  snprintf(expr, sizeof expr, "number((//s:g[s:title='%s']//s:ellipse)[1]/@",
           title);
  char e2[300];
  snprintf(e2, sizeof e2, "%scx)", expr);
  double cx = xnum(d, e2);
  snprintf(e2, sizeof e2, "%scy)", expr);
  double cy = xnum(d, e2);
  snprintf(e2, sizeof e2, "%srx)", expr);
  double rx = xnum(d, e2);
  snprintf(e2, sizeof e2, "%sry)", expr);
  double ry = xnum(d, e2);
  if (cx != cx || rx != rx) return 0; /* NaN: no ellipse */
  b->x0 = cx - rx;
  b->x1 = cx + rx;
  b->y0 = cy - ry;
  b->y1 = cy + ry;
  return 1;
}

static int inside(const box *in, const box *out) {
  return in->x0 > out->x0 && in->x1 < out->x1 && in->y0 > out->y0 &&
         in->y1 < out->y1;
}

/* y to the power 2.4, without libm: y^2 times the fifth root of y^2
 * (Newton's method; y in [0, 1]). */
static double pow24(double y) {
  double a = y * y, r = 1.0;
  if (a <= 0) return 0;
  for (int i = 0; i < 60; i++) r -= (r * r * r * r * r - a) / (5 * r * r * r * r);
  return a * r;
}

/* WCAG 2.1 relative luminance and contrast of "#rrggbb" colours. */
static double lum(const char *hex) {
  double c[3];
  for (int i = 0; i < 3; i++) {
    unsigned v = 0;
    sscanf(hex + 1 + 2 * i, "%2x", &v);
    double x = v / 255.0;
    c[i] = x <= 0.03928 ? x / 12.92 : pow24((x + 0.055) / 1.055);
  }
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

static double contrast(const char *a, const char *b) {
  double x = lum(a), y = lum(b);
  return (x > y ? x + 0.05 : y + 0.05) / (x > y ? y + 0.05 : x + 0.05);
}

/* Every text fill in the drawing against white and every cluster and
 * node fill in it. */
static void check_contrast(svgdoc *d) {
  xmlXPathObjectPtr texts = xmlXPathEvalExpression(
      (const xmlChar *)"//s:text/@fill", d->ctx);
  xmlXPathObjectPtr fills = xmlXPathEvalExpression(
      (const xmlChar *)"//s:g[contains(@class,'node') or "
                       "contains(@class,'cluster')]/s:g/s:a/*"
                       "[self::s:path or self::s:polygon or self::s:ellipse]"
                       "/@fill[starts-with(., '#')]",
      d->ctx);
  int n = 0, bad = 0;
  for (int i = 0; texts && texts->nodesetval && i < texts->nodesetval->nodeNr;
       i++) {
    xmlChar *fg = xmlNodeGetContent(texts->nodesetval->nodeTab[i]);
    if (fg && fg[0] == '#' && strlen((const char *)fg) == 7) {
      n++;
      if (contrast((const char *)fg, "#ffffff") < 4.5) bad++;
      for (int k = 0; fills && fills->nodesetval &&
                      k < fills->nodesetval->nodeNr;
           k++) {
        xmlChar *bg = xmlNodeGetContent(fills->nodesetval->nodeTab[k]);
        if (bg && strlen((const char *)bg) == 7 &&
            contrast((const char *)fg, (const char *)bg) < 4.5) {
          fprintf(stderr, "  contrast %s on %s: %.2f\n", fg, bg,
                  contrast((const char *)fg, (const char *)bg));
          bad++;
        }
        xmlFree(bg);
      }
    }
    xmlFree(fg);
  }
  CHECK(n > 0);
  CHECK_INT(bad, 0);
  xmlXPathFreeObject(texts);
  xmlXPathFreeObject(fills);
}

static char *render(xmlDocPtr model, size_t *len, char *err, size_t errlen) {
  char *svg = NULL;
  *len = 0;
  strcpy(err, "junk");
  if (!an_diagram_actors_svg(model, &svg, len, NULL, err, errlen)) return NULL;
  CHECK_STR(err, ""); /* no note: dot did not fail */
  return svg;
}

static void test_main_model(void) {
  xmlDocPtr m = parse(MODEL, strlen(MODEL));
  CHECK(m != NULL);
  char err[256], buf[1024];
  size_t len;
  char *svg = render(m, &len, err, sizeof err);
  CHECK(svg != NULL);
  if (!svg) {
    fprintf(stderr, "  error: %s\n", err);
    xmlFreeDoc(m);
    return;
  }
  CHECK_INT(strlen(svg), len);
  svgdoc d;
  CHECK(svg_open(&d, svg, len));

  /* the graph is named */
  CHECK_STR(xstr(&d, "string(/s:svg/s:g/s:title)", buf, sizeof buf),
            "Actors");
  /* one node per participating actor, labelled with its name */
  CHECK_INT(xnum(&d, "count(//s:g[contains(@class,'node')]"
                     "[s:title='zakharova'])"), 1);
  CHECK_STR(xstr(&d, "string(//s:g[s:title='zakharova']//s:text[1])", buf,
                 sizeof buf),
            "Maria Zakharova");
  /* the role, wrapped on two lines of at most 32 characters */
  CHECK_STR(xstr(&d, "string(//s:g[s:title='zakharova']//s:text[2])", buf,
                 sizeof buf),
            "Spokeswoman of the Ministry of");
  CHECK_STR(xstr(&d, "string(//s:g[s:title='zakharova']//s:text[3])", buf,
                 sizeof buf),
            "Foreign Affairs");
  CHECK_STR(xstr(&d, "string(//s:g[s:title='japan']//s:text)", buf,
                 sizeof buf),
            "Japan");
  CHECK_INT(xnum(&d, "count(//s:g[s:title='us-dod'])"), 1);
  CHECK_INT(xnum(&d, "count(//s:g[s:title='unused'])"), 0);
  CHECK_INT(xnum(&d, "count(//s:text[.='Never Drawn'])"), 0);
  /* holders that do not take part are clusters, not nodes */
  CHECK_INT(xnum(&d, "count(//s:g[contains(@class,'node')]"
                     "[s:title='russia'])"), 0);
  CHECK_INT(xnum(&d, "count(//s:g[@class='cluster state']"
                     "[s:title='cluster_russia'])"), 1);
  CHECK_STR(xstr(&d, "string(//s:g[s:title='cluster_russia-mfa']//s:text)",
                 buf, sizeof buf),
            "Ministry of Foreign Affairs");
  /* ...nested: russia > russia-mfa > zakharova (SVG clusters are flat,
   * so look at the geometry) */
  box outer = {0, 0, 0, 0}, mid = {0, 0, 0, 0}, node = {0, 0, 0, 0};
  CHECK(group_box(&d, "cluster_russia", &outer));
  CHECK(group_box(&d, "cluster_russia-mfa", &mid));
  CHECK(group_box(&d, "zakharova", &node));
  CHECK(inside(&mid, &outer));
  CHECK(inside(&node, &mid));
  /* a holder that takes part: a node inside its own cluster */
  CHECK_INT(xnum(&d, "count(//s:g[contains(@class,'holder')]"
                     "[s:title='usa'])"), 1);
  CHECK_INT(xnum(&d, "count(//s:g[s:title='cluster_usa'])"), 1);
  box usa = {0, 0, 0, 0}, usac = {0, 0, 0, 0}, dod = {0, 0, 0, 0};
  CHECK(group_box(&d, "usa", &usa));
  CHECK(group_box(&d, "cluster_usa", &usac));
  CHECK(group_box(&d, "us-dod", &dod));
  CHECK(inside(&usa, &usac));
  CHECK(inside(&dod, &usac));
  CHECK(!inside(&dod, &outer));

  /* the threaten edge, styled as verbal conflict */
  const char *ze = "//s:g[contains(@class,'edge')][s:title='zakharova->japan']";
  char expr[512];
  snprintf(expr, sizeof expr, "count(%s)", ze);
  CHECK_INT(xnum(&d, expr), 1);
  snprintf(expr, sizeof expr, "string(%s/@class)", ze);
  CHECK_STR(xstr(&d, expr, buf, sizeof buf), "edge verbal-conflict");
  snprintf(expr, sizeof expr, "string(%s//s:path/@stroke)", ze);
  CHECK_STR(xstr(&d, expr, buf, sizeof buf), "#b71c1c");
  snprintf(expr, sizeof expr, "boolean(%s//s:path/@stroke-dasharray)", ze);
  CHECK_INT(xnum(&d, expr), 1);
  snprintf(expr, sizeof expr, "normalize-space(%s)", ze);
  xstr(&d, expr, buf, sizeof buf);
  CHECK(strstr(buf, "warned") != NULL);
  CHECK(strstr(buf, "threaten \xC3\x97" "1") != NULL);
  snprintf(expr, sizeof expr, "string(%s//s:a/@xl:title)", ze);
  xstr(&d, expr, buf, sizeof buf);
  CHECK(strstr(buf, "Maria Zakharova") != NULL);
  CHECK(strstr(buf, "words: warned") != NULL);
  /* the self-loop, thicker for its count of 5 */
  const char *jj = "//s:g[contains(@class,'edge')][s:title='japan->japan']";
  snprintf(expr, sizeof expr, "count(%s)", jj);
  CHECK_INT(xnum(&d, expr), 1);
  snprintf(expr, sizeof expr, "string(%s//s:path/@stroke-width)", jj);
  CHECK_STR(xstr(&d, expr, buf, sizeof buf), "3");
  snprintf(expr, sizeof expr, "string(%s//s:path/@stroke)", jj);
  CHECK_STR(xstr(&d, expr, buf, sizeof buf), "#276b2b");
  /* an untyped (neutral) edge */
  CHECK_INT(xnum(&d, "count(//s:g[@class='edge neutral']"
                     "[s:title='us-dod->usa'])"), 1);

  /* every node and edge has a title and a tooltip */
  CHECK_INT(xnum(&d, "count(//s:g[contains(@class,'node') or "
                     "contains(@class,'edge')][not(s:title) or "
                     "not(.//s:a/@xl:title)])"), 0);
  CHECK_INT(xnum(&d, "count(//s:g[contains(@class,'edge')])"), 3);
  /* links to the actor pages: every node and cluster of a listed actor
   * (not "ghost" actors), relative to the site's root, ids only */
  CHECK_INT(xnum(&d, "count(//@xl:href)"), 7);
  CHECK_STR(xstr(&d, "string(//s:g[s:title='zakharova']//s:a/@xl:href)",
                 buf, sizeof buf),
            "actors/zakharova.html");
  CHECK_STR(xstr(&d, "string(//s:g[s:title='cluster_russia-mfa']//s:a/@xl:href)",
                 buf, sizeof buf),
            "actors/russia-mfa.html");
  CHECK_INT(xnum(&d, "count(//@xl:href[not(starts-with(., 'actors/')) or "
                     "not(substring(., string-length(.) - 4) = '.html') or "
                     "translate(substring(., 8, string-length(.) - 12), "
                     "'abcdefghijklmnopqrstuvwxyz0123456789-', '') != ''])"),
            0);
  /* node ids for the pages' look-ups */
  CHECK_INT(xnum(&d, "count(//s:g[@id='actor-zakharova'][s:title='zakharova'])"), 1);
  /* <title> and <desc> first in the <svg> */
  CHECK_STR(xstr(&d, "local-name(/s:svg/*[1])", buf, sizeof buf), "title");
  CHECK_STR(xstr(&d, "string(/s:svg/s:title)", buf, sizeof buf),
            "Actor diagram");
  CHECK_STR(xstr(&d, "local-name(/s:svg/*[2])", buf, sizeof buf), "desc");
  xstr(&d, "string(/s:svg/s:desc)", buf, sizeof buf);
  CHECK(strncmp(buf, "4 actors named in events, with 3 edges", 38) == 0);
  CHECK(strstr(buf, "left out") == NULL);
  CHECK(strstr(buf, "legend") != NULL);
  /* colours: every coloured text passes WCAG AA (4.5:1) on white and on
   * every fill it may be drawn on */
  check_contrast(&d);

  /* the legend, with the kinds and classes used (and only those) */
  CHECK_INT(xnum(&d, "count(//s:g[s:title='_legend'])"), 1);
  const char *lg = "//s:g[s:title='_legend']//s:text";
  snprintf(expr, sizeof expr, "count(%s[.='Legend'])", lg);
  CHECK_INT(xnum(&d, expr), 1);
  snprintf(expr, sizeof expr, "count(%s[starts-with(.,'person')])", lg);
  CHECK_INT(xnum(&d, expr), 1);
  snprintf(expr, sizeof expr, "count(%s[starts-with(.,'state')])", lg);
  CHECK_INT(xnum(&d, expr), 1);
  snprintf(expr, sizeof expr, "count(%s[starts-with(.,'media')])", lg);
  CHECK_INT(xnum(&d, expr), 0);
  snprintf(expr, sizeof expr, "count(%s[.='verbal conflict'])", lg);
  CHECK_INT(xnum(&d, expr), 1);
  snprintf(expr, sizeof expr, "count(%s[.='neutral'])", lg);
  CHECK_INT(xnum(&d, expr), 1);
  snprintf(expr, sizeof expr, "count(%s[.='material conflict'])", lg);
  CHECK_INT(xnum(&d, expr), 0);
  svg_close(&d);

  /* deterministic: byte-identical */
  size_t len2;
  char *svg2 = render(m, &len2, err, sizeof err);
  CHECK(svg2 != NULL);
  CHECK(svg2 && len2 == len && memcmp(svg, svg2, len) == 0);
  free(svg2);
  free(svg);

  /* the DOT text: parseable, with the clusters nested */
  char *dot = NULL;
  size_t dlen = 0;
  CHECK(an_diagram_actors_dot(m, &dot, &dlen, err, sizeof err));
  if (dot) {
    CHECK_INT(strlen(dot), dlen);
    Agraph_t *g = agmemread(dot); /* our own output, not user text */
    CHECK(g != NULL);
    if (g) {
      Agraph_t *r = agsubg(g, (char *)"cluster_russia", 0);
      Agraph_t *mfa = r ? agsubg(r, (char *)"cluster_russia-mfa", 0) : NULL;
      CHECK(r != NULL);
      CHECK(mfa != NULL);
      CHECK(mfa && agnode(mfa, (char *)"zakharova", 0) != NULL);
      CHECK(agsubg(g, (char *)"cluster_russia-mfa", 0) == NULL);
      CHECK_INT(agnedges(g), 3);
      agclose(g);
    }
    free(dot);
  }
  xmlFreeDoc(m);
}

/* A model with one event whose participants are the given actors. */
static xmlDocPtr model_of(const char *const *names, int n) {
  xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
  xmlNodePtr root = xmlNewNode(NULL, (const xmlChar *)"briefing");
  xmlDocSetRootElement(doc, root);
  xmlNodePtr actors = xmlNewChild(root, NULL, (const xmlChar *)"actors", NULL);
  xmlNodePtr events = xmlNewChild(root, NULL, (const xmlChar *)"events", NULL);
  xmlNodePtr edges = xmlNewChild(root, NULL, (const xmlChar *)"edges", NULL);
  xmlNodePtr ev = xmlNewChild(events, NULL, (const xmlChar *)"event", NULL);
  xmlSetProp(ev, (const xmlChar *)"id", (const xmlChar *)"ev-1");
  for (int i = 0; i < n; i++) {
    char id[32];
    snprintf(id, sizeof id, "a%d", i);
    xmlNodePtr a = xmlNewChild(actors, NULL, (const xmlChar *)"actor", NULL);
    xmlSetProp(a, (const xmlChar *)"id", (const xmlChar *)id);
    xmlSetProp(a, (const xmlChar *)"kind", (const xmlChar *)"person");
    /* xmlNewTextChild escapes; the text is literal */
    xmlNewTextChild(a, NULL, (const xmlChar *)"name",
                    (const xmlChar *)names[i]);
    xmlNewTextChild(a, NULL, (const xmlChar *)"role",
                    (const xmlChar *)names[i]);
    xmlNodePtr p = xmlNewChild(ev, NULL, (const xmlChar *)"participant", NULL);
    xmlSetProp(p, (const xmlChar *)"ref", (const xmlChar *)id);
    if (i > 0) {
      xmlNodePtr e = xmlNewChild(edges, NULL, (const xmlChar *)"edge", NULL);
      xmlSetProp(e, (const xmlChar *)"subject", (const xmlChar *)"a0");
      xmlSetProp(e, (const xmlChar *)"object", (const xmlChar *)id);
      xmlSetProp(e, (const xmlChar *)"type", (const xmlChar *)names[i]);
      xmlSetProp(e, (const xmlChar *)"class",
                 (const xmlChar *)"material-conflict");
      xmlSetProp(e, (const xmlChar *)"count", (const xmlChar *)"1");
      xmlNewTextChild(e, NULL, (const xmlChar *)"words",
                      (const xmlChar *)names[i]);
    }
  }
  return doc;
}

static void test_hostile_names(void) {
  /* raw text as it stands in the model (libxml2 holds it unescaped) */
  static const char *const names[] = {
      "Plain",
      "<script>alert(1)</script>",
      "AT&T & AT&amp;T &#38; &lt;",
      "\\N \\G \\E \\T \\H \\L \\n \\l \\r \\\\",
      "C:\\temp\\new\\",
      "bell\001ring\037end",
      "quote \" and ' and ]]> and -- and <!-- x -->",
      "<B>Plain</B>",
      "Plain (person; 0 events)",
  };
  /* what a reader must see: the same, less the control characters */
  static const char *const want[] = {
      "Plain",
      "<script>alert(1)</script>",
      "AT&T & AT&amp;T &#38; &lt;",
      "\\N \\G \\E \\T \\H \\L \\n \\l \\r \\\\",
      "C:\\temp\\new\\",
      "bellringend",
      "quote \" and ' and ]]> and -- and <!-- x -->",
      "<B>Plain</B>",
      "Plain (person; 0 events)",
  };
  int n = (int)(sizeof names / sizeof names[0]);
  xmlDocPtr m = model_of(names, n);
  char err[256], buf[1024], expr[256];
  size_t len;
  char *svg = render(m, &len, err, sizeof err);
  CHECK(svg != NULL);
  if (!svg) fprintf(stderr, "  error: %s\n", err);
  svgdoc d = {NULL, NULL};
  CHECK(svg && svg_open(&d, svg, len)); /* well-formed */
  CHECK(svg && strstr(svg, "<script") == NULL);
  for (int i = 0; d.ctx && i < n; i++) {
    /* the label's lines, joined, less the spaces where they wrap: the
     * name, then the role (here the same text, perhaps clipped) */
    char joined[2048] = "", plain[512] = "";
    for (int k = 1;; k++) {
      snprintf(expr, sizeof expr,
               "string((//s:g[s:title='a%d']//s:text)[%d])", i, k);
      if (!*xstr(&d, expr, buf, sizeof buf)) break;
      strncat(joined, buf, sizeof joined - strlen(joined) - 1);
    }
    size_t at = 0;
    for (const char *c = want[i]; *c && at + 1 < sizeof plain; c++)
      if (*c != ' ') plain[at++] = *c;
    plain[at] = '\0';
    at = 0;
    for (char *c = joined; *c; c++)
      if (*c != ' ') joined[at++] = *c;
    joined[at] = '\0';
    CHECK(strncmp(joined, plain, strlen(plain)) == 0);
    if (strncmp(joined, plain, strlen(plain)) != 0)
      fprintf(stderr, "  label: %s\n  want:  %s\n", joined, plain);
    /* the tooltip starts with the literal name */
    snprintf(expr, sizeof expr, "string(//s:g[s:title='a%d']//s:a/@xl:title)",
             i);
    xstr(&d, expr, buf, sizeof buf);
    CHECK(strncmp(buf, want[i], strlen(want[i])) == 0);
    if (strncmp(buf, want[i], strlen(want[i])) != 0)
      fprintf(stderr, "  tooltip: %s\n  want:    %s\n", buf, want[i]);
    if (i == 0) continue;
    /* edge label: "words (type x1)", literal */
    snprintf(expr, sizeof expr,
             "string(//s:g[s:title='a0->a%d']/s:text[1])", i);
    xstr(&d, expr, buf, sizeof buf);
    /* the words, clipped to 30 bytes */
    size_t cmp = strlen(want[i]) < 20 ? strlen(want[i]) : 20;
    CHECK(strncmp(buf, want[i], cmp) == 0);
    if (strncmp(buf, want[i], cmp) != 0)
      fprintf(stderr, "  edge label: %s\n  want:       %s\n", buf, want[i]);
    snprintf(expr, sizeof expr,
             "string(//s:g[s:title='a0->a%d']//s:a/@xl:title)", i);
    xstr(&d, expr, buf, sizeof buf);
    CHECK(strstr(buf, want[i]) != NULL);
  }
  svg_close(&d);
  free(svg);

  /* the DOT text keeps them too, and reads back */
  char *dot = NULL;
  size_t dlen;
  CHECK(an_diagram_actors_dot(m, &dot, &dlen, err, sizeof err));
  if (dot) {
    Agraph_t *g = agmemread(dot);
    CHECK(g != NULL);
    CHECK(g && agnnodes(g) == n + 1); /* and the legend */
    if (g) agclose(g);
    free(dot);
  }
  xmlFreeDoc(m);
}

static void test_empty(void) {
  const char *src =
      "<briefing><actors><actor id=\"x\" kind=\"state\"><name>X</name>"
      "</actor></actors><events/><actions/><edges/></briefing>";
  xmlDocPtr m = parse(src, strlen(src));
  char err[256], buf[512];
  size_t len;
  char *svg = render(m, &len, err, sizeof err);
  CHECK(svg != NULL);
  svgdoc d = {NULL, NULL};
  CHECK(svg && svg_open(&d, svg, len));
  CHECK_STR(xstr(&d, "string(/s:svg/s:g/s:title)", buf, sizeof buf),
            "Actors");
  CHECK_INT(xnum(&d, "count(//s:text[starts-with(.,'Nothing to draw')])"), 1);
  CHECK_INT(xnum(&d, "count(//s:g[s:title='x'])"), 0);
  CHECK_INT(xnum(&d, "count(//s:g[s:title='_legend'])"), 0);
  svg_close(&d);
  free(svg);
  xmlFreeDoc(m);

  /* no actors, events... at all */
  src = "<briefing/>";
  m = parse(src, strlen(src));
  svg = render(m, &len, err, sizeof err);
  CHECK(svg != NULL);
  CHECK(svg && strstr(svg, "Nothing to draw") != NULL);
  free(svg);
  xmlFreeDoc(m);
}

static void test_errors(void) {
  char err[256];
  size_t len = 99;
  char *svg = (char *)"junk";
  const char *src = "<html/>";
  xmlDocPtr m = parse(src, strlen(src));
  CHECK(!an_diagram_actors_svg(m, &svg, &len, NULL, err, sizeof err));
  CHECK(svg == NULL && len == 0);
  CHECK(strstr(err, "briefing") != NULL);
  xmlFreeDoc(m);

  src = "<briefing><events><event id=\"e\"><participant ref=\"Bad Id\"/>"
        "</event></events></briefing>";
  m = parse(src, strlen(src));
  CHECK(!an_diagram_actors_svg(m, &svg, &len, NULL, err, sizeof err));
  CHECK(strstr(err, "participant") != NULL);
  CHECK(strchr(err, '\n') == NULL);
  xmlFreeDoc(m);

  /* a reference to an actor the model does not list: drawn by its id;
   * a parent cycle: cut, not looped on */
  src = "<briefing><actors>"
        "<actor id=\"a\" kind=\"person\" parent=\"b\"><name>A</name></actor>"
        "<actor id=\"b\" kind=\"state\" parent=\"a\"><name>B</name></actor>"
        "</actors><events><event id=\"e\"><participant ref=\"a\"/>"
        "<participant ref=\"ghost\"/></event></events></briefing>";
  m = parse(src, strlen(src));
  svg = NULL;
  CHECK(an_diagram_actors_svg(m, &svg, &len, NULL, err, sizeof err));
  CHECK(svg && strstr(svg, ">ghost</text>") != NULL);
  /* a, first in the cycle, lost its parent: nothing holds it */
  CHECK(svg && strstr(svg, "<title>cluster_") == NULL);
  free(svg);
  xmlFreeDoc(m);

  /* c leads into the cycle a <-> b without being in it: keeps its parent
   * (a, which loses its own) */
  src = "<briefing><actors>"
        "<actor id=\"c\" kind=\"person\" parent=\"a\"><name>C</name></actor>"
        "<actor id=\"a\" kind=\"group\" parent=\"b\"><name>A</name></actor>"
        "<actor id=\"b\" kind=\"state\" parent=\"a\"><name>B</name></actor>"
        "</actors><events><event id=\"e\"><participant ref=\"c\"/>"
        "</event></events></briefing>";
  m = parse(src, strlen(src));
  svg = NULL;
  CHECK(an_diagram_actors_svg(m, &svg, &len, NULL, err, sizeof err));
  CHECK(svg && strstr(svg, "<title>cluster_a</title>") != NULL);
  CHECK(svg && strstr(svg, "<title>cluster_b</title>") == NULL);
  free(svg);
  xmlFreeDoc(m);

  /* too large: refused before any layout */
  xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
  xmlNodePtr root = xmlNewNode(NULL, (const xmlChar *)"briefing");
  xmlDocSetRootElement(doc, root);
  xmlNodePtr ev = xmlNewChild(
      xmlNewChild(root, NULL, (const xmlChar *)"events", NULL), NULL,
      (const xmlChar *)"event", NULL);
  for (int i = 0; i <= AN_DIAGRAM_MAX_NODES; i++) {
    char id[32];
    snprintf(id, sizeof id, "x%d", i);
    xmlNodePtr p = xmlNewChild(ev, NULL, (const xmlChar *)"participant", NULL);
    xmlSetProp(p, (const xmlChar *)"ref", (const xmlChar *)id);
  }
  svg = NULL;
  CHECK(!an_diagram_actors_svg(doc, &svg, &len, NULL, err, sizeof err));
  CHECK(strstr(err, "too large") != NULL);
  xmlFreeDoc(doc);
}

/* Above the threshold the engine is sfdp: still a diagram. */
static void test_sfdp(void) {
  int n = AN_DIAGRAM_SFDP_THRESHOLD + 10;
  const char **names = malloc((size_t)n * sizeof *names);
  char (*store)[24] = malloc((size_t)n * sizeof *store);
  for (int i = 0; i < n; i++) {
    snprintf(store[i], sizeof store[i], "Actor %d", i);
    names[i] = store[i];
  }
  xmlDocPtr m = model_of(names, n);
  char err[256];
  size_t len;
  char *svg = render(m, &len, err, sizeof err);
  CHECK(svg != NULL);
  if (!svg) fprintf(stderr, "  error: %s\n", err);
  svgdoc d = {NULL, NULL};
  CHECK(svg && svg_open(&d, svg, len));
  CHECK_INT(xnum(&d, "count(//s:g[contains(@class,'node')])"), n + 1);
  CHECK_INT(xnum(&d, "count(//s:g[contains(@class,'edge')])"), n - 1);
  svg_close(&d);
  char *dot = NULL;
  size_t dlen;
  CHECK(an_diagram_actors_dot(m, &dot, &dlen, err, sizeof err));
  CHECK(dot && strstr(dot, "layout=sfdp") != NULL);
  free(dot);
  free(svg);
  xmlFreeDoc(m);
  free(names);
  free(store);
}

/* Holders nested 60 deep, and a holder that takes part at the top. */
static void test_deep_nesting(void) {
  enum { DEPTH = 60 };
  char *src = malloc(DEPTH * 200 + 400);
  size_t at = 0;
  at += (size_t)sprintf(src + at, "<briefing><actors>");
  for (int i = 0; i < DEPTH; i++) {
    at += (size_t)sprintf(src + at, "<actor id=\"c%d\" kind=\"group\"", i);
    if (i) at += (size_t)sprintf(src + at, " parent=\"c%d\"", i - 1);
    at += (size_t)sprintf(src + at, "><name>Level %d</name></actor>", i);
  }
  at += (size_t)sprintf(src + at,
                        "</actors><events><event id=\"e\">"
                        "<participant ref=\"c%d\"/><participant ref=\"c0\"/>"
                        "</event></events></briefing>",
                        DEPTH - 1);
  xmlDocPtr m = parse(src, at);
  char err[256];
  size_t len;
  char *svg = render(m, &len, err, sizeof err);
  CHECK(svg != NULL);
  svgdoc d = {NULL, NULL};
  CHECK(svg && svg_open(&d, svg, len));
  CHECK_INT(xnum(&d, "count(//s:g[starts-with(@class,'cluster')])"),
            DEPTH - 1);
  box top = {0, 0, 0, 0}, inner = {0, 0, 0, 0};
  CHECK(group_box(&d, "cluster_c0", &top));
  CHECK(group_box(&d, "cluster_c30", &inner));
  CHECK(inside(&inner, &top));
  svg_close(&d);
  free(svg);
  xmlFreeDoc(m);
  free(src);
}

/* n actors "Actor 0".."Actor n-1", a0 acting on every other one. */
static xmlDocPtr star(int n, char (**store)[24], const char ***names) {
  *names = malloc((size_t)n * sizeof **names);
  *store = malloc((size_t)n * sizeof **store);
  for (int i = 0; i < n; i++) {
    snprintf((*store)[i], sizeof (*store)[i], "Actor %d", i);
    (*names)[i] = (*store)[i];
  }
  return model_of(*names, n);
}

/* Above AN_DIAGRAM_MAX_SHOWN actors: the top ones, and a note. */
static void test_cap(void) {
  int n = AN_DIAGRAM_MAX_SHOWN + 20;
  char (*store)[24];
  const char **names;
  xmlDocPtr m = star(n, &store, &names);
  char err[256], buf[1024], expr[256];
  size_t len;
  an_diagram_info info;
  char *svg = NULL;
  CHECK(an_diagram_actors_svg(m, &svg, &len, &info, err, sizeof err));
  CHECK_INT(info.actors, n);
  CHECK_INT(info.shown, AN_DIAGRAM_MAX_SHOWN);
  CHECK_INT(info.edges, n - 1);
  CHECK_INT(info.edges_shown, AN_DIAGRAM_MAX_SHOWN - 1);
  svgdoc d = {NULL, NULL};
  CHECK(svg && svg_open(&d, svg, len));
  CHECK_INT(xnum(&d, "count(//s:g[contains(@class,'node')])"),
            AN_DIAGRAM_MAX_SHOWN + 1); /* and the legend */
  /* the hub, with the highest weighted degree, is kept */
  CHECK_INT(xnum(&d, "count(//s:g[@id='actor-a0'])"), 1);
  /* the note in the drawing, and in the description */
  snprintf(expr, sizeof expr,
           "count(//s:text[starts-with(., 'Only the %d most active of %d "
           "actors are drawn; %d are left out')])",
           AN_DIAGRAM_MAX_SHOWN, n, n - AN_DIAGRAM_MAX_SHOWN);
  CHECK_INT(xnum(&d, expr), 1);
  xstr(&d, "string(/s:svg/s:desc)", buf, sizeof buf);
  snprintf(expr, sizeof expr, "%d actors are left out", n - AN_DIAGRAM_MAX_SHOWN);
  CHECK(strstr(buf, expr) != NULL);
  CHECK_STR(xstr(&d, "string(/s:svg/s:title)", buf, sizeof buf),
            "Actor diagram");
  svg_close(&d);
  free(svg);
  /* the DOT export has them all */
  char *dot = NULL;
  size_t dlen;
  CHECK(an_diagram_actors_dot(m, &dot, &dlen, err, sizeof err));
  if (dot) {
    Agraph_t *g = agmemread(dot);
    CHECK(g && agnnodes(g) == n + 1);
    CHECK(g && agnedges(g) == n - 1);
    if (g) agclose(g);
    free(dot);
  }
  xmlFreeDoc(m);
  free(names);
  free(store);
}

static void test_ego(void) {
  xmlDocPtr m = parse(MODEL, strlen(MODEL));
  char err[256], buf[1024];
  an_diagram_graph *g = an_diagram_graph_read(m, err, sizeof err);
  CHECK(g != NULL);
  if (!g) {
    xmlFreeDoc(m);
    return;
  }
  char *svg = (char *)"junk";
  size_t len = 99;
  an_diagram_info info;
  CHECK(an_diagram_ego_svg(g, "japan", &svg, &len, &info, err, sizeof err));
  CHECK_STR(err, "");
  CHECK_INT(info.actors, 2);
  CHECK_INT(info.shown, 2);
  CHECK_INT(info.edges, 2);
  CHECK_STR(info.engine, "dot");
  svgdoc d = {NULL, NULL};
  CHECK(svg && svg_open(&d, svg, len));
  CHECK_STR(xstr(&d, "string(/s:svg/s:title)", buf, sizeof buf),
            "Actions of Japan");
  xstr(&d, "string(/s:svg/s:desc)", buf, sizeof buf);
  CHECK(strncmp(buf, "Japan and the 1 actor it acted on or was acted on by",
                52) == 0);
  /* the actor and its partner; the ego stands out; no clusters */
  CHECK_INT(xnum(&d, "count(//s:g[contains(@class,'node')])"), 3);
  CHECK_INT(xnum(&d, "count(//s:g[@id='actor-japan'][contains(@class,'ego')])"), 1);
  CHECK_INT(xnum(&d, "count(//s:g[contains(@class,'cluster')])"), 0);
  CHECK_INT(xnum(&d, "count(//s:g[s:title='us-dod'])"), 0);
  CHECK_INT(xnum(&d, "count(//s:g[contains(@class,'edge')])"), 2);
  CHECK_INT(xnum(&d, "count(//s:g[s:title='zakharova->japan'][contains(@class,'verbal-conflict')])"), 1);
  /* links beside the actor pages */
  CHECK_STR(xstr(&d, "string(//s:g[s:title='zakharova']//s:a/@xl:href)",
                 buf, sizeof buf),
            "zakharova.html");
  CHECK_STR(xstr(&d, "string(//s:g[s:title='japan']//s:a/@xl:href)", buf,
                 sizeof buf),
            "japan.html");
  CHECK_INT(xnum(&d, "count(//@xl:href[contains(., '/')])"), 0);
  CHECK_INT(xnum(&d, "count(//s:g[contains(@class,'legend')])"), 1);
  check_contrast(&d);
  svg_close(&d);
  free(svg);

  /* the graph is reused: a second ego, then the first again, the same */
  svg = NULL;
  CHECK(an_diagram_ego_svg(g, "zakharova", &svg, &len, NULL, err, sizeof err));
  CHECK(svg && strstr(svg, "<title>Actions of Maria Zakharova</title>"));
  free(svg);
  char *again = NULL;
  size_t len2 = 0;
  CHECK(an_diagram_ego_svg(g, "japan", &again, &len2, NULL, err, sizeof err));
  CHECK(again != NULL);
  free(again);

  /* no edge, or no such actor: nothing to draw, not an error */
  svg = (char *)"junk";
  CHECK(an_diagram_ego_svg(g, "unused", &svg, &len, &info, err, sizeof err));
  CHECK(svg == NULL && len == 0);
  CHECK_INT(info.shown, 0);
  CHECK(an_diagram_ego_svg(g, "nobody", &svg, &len, NULL, err, sizeof err));
  CHECK(svg == NULL);
  an_diagram_graph_free(g);
  xmlFreeDoc(m);

  /* a hub with more partners than an ego diagram draws */
  int n = AN_DIAGRAM_EGO_MAX_PARTNERS + 10;
  char (*store)[24];
  const char **names;
  m = star(n, &store, &names);
  g = an_diagram_graph_read(m, err, sizeof err);
  svg = NULL;
  CHECK(g && an_diagram_ego_svg(g, "a0", &svg, &len, &info, err, sizeof err));
  CHECK_INT(info.actors, n);
  CHECK_INT(info.shown, AN_DIAGRAM_EGO_MAX_PARTNERS + 1);
  CHECK(svg && strstr(svg, "are left out") != NULL);
  free(svg);
  an_diagram_graph_free(g);
  xmlFreeDoc(m);
  free(names);
  free(store);

  /* a bad model */
  const char *src = "<html/>";
  m = parse(src, strlen(src));
  err[0] = '\0';
  CHECK(an_diagram_graph_read(m, err, sizeof err) == NULL);
  CHECK(strstr(err, "briefing") != NULL);
  xmlFreeDoc(m);
}

/* The label wrapping: at spaces, in characters (not bytes), at most two
 * lines for a role, with an ellipsis for the rest. */
static void test_wrapping(void) {
  static const char *const names[] = {
      "Hub",
      "\xC3\x89" "douard \xC3\x89tienne-\xC3\x89lys\xC3\xA9" "e de "
      "la R\xC3\xA9publique fran\xC3\xA7" "aise et d'outre-mer",
  };
  xmlDocPtr m = model_of(names, 2);
  char err[256], buf[1024];
  size_t len;
  char *svg = render(m, &len, err, sizeof err);
  svgdoc d = {NULL, NULL};
  CHECK(svg && svg_open(&d, svg, len));
  /* name: up to 3 lines of 24 characters, then the role: 2 of 32 */
  int lines = (int)xnum(&d, "count(//s:g[s:title='a1']//s:text)");
  CHECK(lines >= 4 && lines <= 5);
  for (int k = 1; k <= lines; k++) {
    char expr[128];
    snprintf(expr, sizeof expr, "string((//s:g[s:title='a1']//s:text)[%d])",
             k);
    xstr(&d, expr, buf, sizeof buf);
    /* characters, not bytes */
    size_t chars = 0;
    for (const char *c = buf; *c; c++)
      if (((unsigned char)*c & 0xC0) != 0x80) chars++;
    CHECK(chars <= 33); /* 32 and an ellipsis */
  }
  xstr(&d, "string((//s:g[s:title='a1']//s:text)[last()])", buf,
       sizeof buf);
  CHECK(strstr(buf, "\xE2\x80\xA6") != NULL); /* the role was clipped */
  svg_close(&d);
  free(svg);
  xmlFreeDoc(m);
}

/* An actor in two organisations: drawn inside its first, linked to the
 * other by a dotted "member of" edge. */
static void test_two_memberships(void) {
  static const char model[] =
      "<briefing><actors>"
      "<actor id='a' kind='organization' declared='true' events='0' actions-given='0' actions-received='0'><name>Alpha</name></actor>"
      "<actor id='b' kind='organization' declared='true' events='0' actions-given='0' actions-received='0'><name>Beta</name></actor>"
      "<actor id='x' kind='person' declared='true' parent='a' events='1' actions-given='1' actions-received='0'><name>Ex</name>"
      "<member-of ref='a'/><member-of ref='b'/></actor>"
      "<actor id='y' kind='person' declared='true' events='1' actions-given='0' actions-received='1'><name>Why</name></actor>"
      "</actors><events><event id='ev-1'><participant ref='x'/><participant ref='y'/></event></events>"
      "<edges><edge id='edge-1' subject='x' object='y' type='consult' class='verbal-cooperation' count='1'><words>met</words></edge></edges>"
      "</briefing>";
  xmlDocPtr m = parse(model, strlen(model));
  size_t len;
  char err[256];
  char *svg = render(m, &len, err, sizeof err);
  svgdoc d;
  CHECK(svg && svg_open(&d, svg, len));
  if (svg) {
    CHECK_INT(xnum(&d, "count(//s:g[@class='edge membership'][s:title='x->b'])"), 1);
    CHECK_INT(xnum(&d, "count(//s:g[@class='cluster organization'][s:title='cluster_a'])"), 1);
    CHECK_INT(xnum(&d, "count(//s:g[@class='edge membership'][s:title='x->a'])"), 0);
    svg_close(&d);
  }
  free(svg);
  xmlFreeDoc(m);
}

int main(void) {
  xmlInitParser();
  test_two_memberships();
  test_cap();
  test_ego();
  test_wrapping();
  test_main_model();
  test_hostile_names();
  test_empty();
  test_errors();
  test_sfdp();
  test_deep_nesting();
  xmlCleanupParser();
  return check_report();
}
