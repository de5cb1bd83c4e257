/* publish.c - see publish.h. */
#include "publish.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "eventtable.h"
#include "export.h"

int an_publish_base_url_ok(const char *url, char *err, size_t errlen) {
  const char *why = NULL;
  size_t n = url ? strlen(url) : 0;
  const char *rest = NULL;
  if (url && strncmp(url, "https://", 8) == 0) rest = url + 8;
  else if (url && strncmp(url, "http://", 7) == 0) rest = url + 7;
  if (!rest) why = "it must start with http:// or https://";
  else if (!*rest || *rest == '/') why = "it names no host";
  else if (url[n - 1] != '/') why = "it must end with '/' (the folder the site is published at)";
  for (const char *s = url; !why && *s; s++) {
    unsigned char ch = (unsigned char)*s;
    if (ch <= ' ' || ch == 0x7f) why = "it must not contain spaces or control characters";
    else if (ch == '"' || ch == '\'' || ch == '`') why = "it must not contain quotes";
    else if (ch == '<' || ch == '>') why = "it must not contain '<' or '>'";
    else if (ch == '\\') why = "it must not contain a backslash";
    else if (ch == '#' || ch == '?') why = "it must not have a query or a fragment";
  }
  if (why && err && errlen) snprintf(err, errlen, "%s", why);
  return why == NULL;
}

void an_publish_prepare(an_views *v, xmlDocPtr model, const char *base_url,
                        const char *input, an_diags *d) {
  char err[512];
  if (!an_export_jsonld(model, base_url, err, sizeof err))
    an_diag_add(d, AN_WARNING, input, 0, 0, "JSON-LD left out of the pages: %s", err);
  an_views_param(v, "base-url", base_url ? base_url : "");
}

/* The writers' put (export.h): into a file of the site. */
static int S_put(void *f, const void *data, size_t len) {
  return an_site_put(f, data, len);
}

/* briefing.json, written as it is made: never whole in memory. */
static int S_json(an_site *site, xmlDocPtr model, const char *input,
                  an_diags *d) {
  char err[512];
  an_site_file *f = an_site_open(site, "briefing.json", d);
  if (!f) return 0;
  int r = an_export_briefing_json_write(model, S_put, f, err, sizeof err);
  if (r != 0) return an_site_close(f, d) && r > 0;
  an_site_cancel(f);
  an_diag_add(d, AN_WARNING, input, 0, 0, "briefing.json left out: %s", err);
  return 1;
}

/* libxml2's output callbacks: into a file of the site. */
static int S_xml_write(void *f, const char *data, int len) {
  return len >= 0 && an_site_put(f, data, (size_t)len) ? len : -1;
}

static int S_xml_close(void *f) {
  (void)f;
  return 0;
}

int an_publish_model(an_site *site, xmlDocPtr model, an_diags *d) {
  an_site_file *f = an_site_open(site, "briefing.xml", d);
  if (!f) return 0;
  xmlCharEncodingHandlerPtr utf8 = xmlFindCharEncodingHandler("UTF-8");
  xmlOutputBufferPtr out = xmlOutputBufferCreateIO(S_xml_write, S_xml_close, f, utf8);
  /* xmlDocDumpFormatMemoryEnc(model, .., "UTF-8", 0), into the file */
  if (!out) {
    an_site_cancel(f);
    an_diag_io(d, "briefing.xml", "cannot write the model");
    return 0;
  }
  xmlSaveFormatFileTo(out, model, "UTF-8", 0); /* closes out */
  return an_site_close(f, d); /* a write that failed is reported here */
}

typedef int (*S_export_fn)(xmlDocPtr, const char *, char **, size_t *, char *,
                           size_t);

static int S_csv(xmlDocPtr m, const char *base, char **out, size_t *len,
                 char *err, size_t errlen) {
  (void)base;
  return an_eventtable_csv(m, out, len, err, errlen);
}

static int S_render(an_views *v, an_site *site, const char *view,
                    xmlDocPtr model, const char *rel, an_diags *d) {
  char *out;
  size_t len;
  const char *params[] = {"root", "", NULL};
  if (!an_views_render(v, view, model, params, &out, &len, d)) return 0;
  int ok = an_site_write(site, rel, out, len, d);
  free(out);
  return ok;
}

int an_publish_write(an_views *v, an_site *site, xmlDocPtr model,
                     const char *base_url, const char *input, an_diags *d) {
  static const struct {
    const char *file;
    S_export_fn fn;
  } made[] = {{"events.csv", S_csv}, {"events.ics", an_calendar_ics}};
  int ok = S_json(site, model, input, d);
  for (size_t i = 0; ok && i < sizeof made / sizeof *made; i++) {
    char err[512], *out = NULL;
    size_t len = 0;
    if (made[i].fn(model, base_url, &out, &len, err, sizeof err)) {
      ok = an_site_write(site, made[i].file, out, len, d);
      free(out);
    } else {
      an_diag_add(d, AN_WARNING, input, 0, 0, "%s left out: %s", made[i].file, err);
    }
  }
  if (ok) ok = S_render(v, site, "feed", model, "feed.xml", d);
  if (ok && base_url && *base_url) ok = S_render(v, site, "sitemap", model, "sitemap.xml", d);
  return ok;
}
