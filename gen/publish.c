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

typedef int (*S_export_fn)(xmlDocPtr, const char *, char **, size_t *, char *,
                           size_t);

static int S_json(xmlDocPtr m, const char *base, char **out, size_t *len,
                  char *err, size_t errlen) {
  (void)base;
  return an_export_briefing_json(m, out, len, err, errlen);
}

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
  } made[] = {{"briefing.json", S_json},
              {"events.csv", S_csv},
              {"events.ics", an_calendar_ics}};
  int ok = 1;
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
