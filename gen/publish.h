/* publish.h - the exports beside the pages (docs/exports.md).
 *
 * From the model: briefing.xml (the model itself), briefing.json
 * (export.h), events.csv (eventtable.h), events.ics (calendar.h),
 * feed.xml (Atom, the view templates/feed.xsl) and, with a base URL
 * only, sitemap.xml (templates/sitemap.xsl: a sitemap must list absolute
 * addresses).  Every file goes through site.h.
 *
 * The base URL, when given, is the address the output folder is published
 * at: "http://" or "https://", then no quotes, spaces, '<' or '>', ending
 * with '/' (an_publish_base_url_ok).  The views receive it as the literal
 * parameter "base-url" (empty for none), for the feed's links and the
 * pages' <link rel="canonical">. */
#ifndef AN_PUBLISH_H
#define AN_PUBLISH_H

#include <stddef.h>

#include <libxml/tree.h>

#include "diag.h"
#include "site.h"
#include "views.h"

/* 1 when url can be a base URL; else 0 with the reason in err. */
int an_publish_base_url_ok(const char *url, char *err, size_t errlen);

/* Adds the pages' JSON-LD to the model (an_export_jsonld) and gives the
 * views the "base-url" parameter; call before rendering any page.  A
 * JSON-LD that cannot be made is a warning named after `input`. */
void an_publish_prepare(an_views *v, xmlDocPtr model, const char *base_url,
                        const char *input, an_diags *d);

/* Writes the model as it is into site as briefing.xml, the bytes of
 * xmlDocDumpFormatMemoryEnc(model, .., "UTF-8", 0) written as they are
 * made (never whole in memory).  0 when it cannot be written (reported in
 * d). */
int an_publish_model(an_site *site, xmlDocPtr model, an_diags *d);

/* Writes the exports into site.  An export that cannot be made is a
 * warning and is left out; returns 0 only when a view fails or a file
 * cannot be written (reported in d). */
int an_publish_write(an_views *v, an_site *site, xmlDocPtr model,
                     const char *base_url, const char *input, an_diags *d);

#endif
