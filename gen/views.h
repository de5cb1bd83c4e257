/* views.h - XSLT views over the model (libxslt + EXSLT).
 *
 * Stylesheets are loaded from a templates folder without network access;
 * transforms run with security preferences that forbid writing files,
 * creating folders and any network use: every file is written by site.c.
 * Parameters are passed literally, never as XPath built from user text. */
#ifndef AN_VIEWS_H
#define AN_VIEWS_H

#include <stddef.h>

#include <libxml/tree.h>

#include "diag.h"

typedef struct an_views an_views;

/* Prepares libxml2/libxslt (once per process) and the templates folder.
 * Returns NULL (reported in d) when the folder cannot be used. */
an_views *an_views_open(const char *templates_dir, an_diags *d);
void an_views_close(an_views *v);

/* Sets a literal string parameter given to every later transform (as
 * "base-url"); a parameter of the same name in a render's own list wins.
 * Setting a name again replaces its value. */
void an_views_param(an_views *v, const char *name, const char *value);

/* Applies templates/<name>.xsl to doc with literal string parameters
 * (params: name, value, ..., NULL).  Returns 1 and the serialized result in
 * *out (free with free()), or 0 with the stylesheet's errors in d. */
int an_views_render(an_views *v, const char *name, xmlDocPtr doc,
                    const char *const *params, char **out, size_t *len,
                    an_diags *d);

/* A digest (32 hexadecimal digits) of all a transform's output depends on
 * beside its input document and its own parameters: the versions of
 * annalist, libxml2 and libxslt, every file of the templates folder (name
 * and bytes) and the parameters set with an_views_param.  Owned by v,
 * valid until the next an_views_param. */
const char *an_views_fingerprint(an_views *v);

/* Reads a file of the templates folder (e.g. "style.css") into *out
 * (free with free()).  Returns 0 (reported as I/O in d) on failure. */
int an_views_asset(an_views *v, const char *name, char **out, size_t *len,
                   an_diags *d);

/* Releases what libxml2 and libxslt hold for the process; call last. */
void an_views_cleanup(void);

#endif
