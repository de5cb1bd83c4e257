/* views.c - see views.h. */
#include "views.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libexslt/exslt.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "alloc.h"
#include "buf.h"

typedef struct {
  char *name;
  xsltStylesheetPtr style;
} S_sheet;

struct an_views {
  char *dir;
  xsltSecurityPrefsPtr sec;
  S_sheet *sheets;
  size_t nsheets, cap;
  an_buf errors; /* messages libxml2/libxslt reported during one call */
};

/* libxml2 and libxslt report through global handlers; they append to the
 * buffer of the views object in use (one at a time, single-threaded). */
static void S_generic_error(void *ctx, const char *fmt, ...) {
  an_views *v = ctx;
  if (!v) return;
  va_list ap;
  va_start(ap, fmt);
  an_buf_vprintf(&v->errors, fmt, ap);
  va_end(ap);
}

static void S_structured_error(void *ctx, xmlErrorPtr err) {
  an_views *v = ctx;
  if (!v || !err || !err->message) return;
  if (err->file) an_buf_printf(&v->errors, "%s:%d: ", err->file, err->line);
  an_buf_puts(&v->errors, err->message);
}

static void S_flush_errors(an_views *v, const char *file, an_diags *d) {
  if (!v->errors.len) return;
  /* one diagnostic per line of what the libraries said */
  const char *s = an_buf_cstr(&v->errors);
  while (*s) {
    const char *nl = strchr(s, '\n');
    size_t n = nl ? (size_t)(nl - s) : strlen(s);
    if (n) an_diag_add(d, AN_ERROR, file, 0, 0, "%.*s", (int)n, s);
    s += n + (nl ? 1 : 0);
  }
  an_buf_clear(&v->errors);
}

an_views *an_views_open(const char *dir, an_diags *d) {
  struct stat st;
  if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
    an_diag_io(d, dir, "cannot find the templates folder (give one with --templates DIR)");
    return NULL;
  }
  an_views *v = an_xcalloc(1, sizeof(an_views));
  v->dir = an_xstrdup(dir);
  xmlInitParser();
  LIBXML_TEST_VERSION
  exsltRegisterAll();
  xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader);
  xmlSetGenericErrorFunc(v, S_generic_error);
  xmlSetStructuredErrorFunc(v, S_structured_error);
  xsltSetGenericErrorFunc(v, S_generic_error);
  v->sec = xsltNewSecurityPrefs();
  xsltSetSecurityPrefs(v->sec, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
  xsltSetSecurityPrefs(v->sec, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
  xsltSetSecurityPrefs(v->sec, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
  xsltSetSecurityPrefs(v->sec, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
  xsltSetDefaultSecurityPrefs(v->sec);
  return v;
}

static xsltStylesheetPtr S_sheet_get(an_views *v, const char *name, an_diags *d) {
  for (size_t i = 0; i < v->nsheets; i++)
    if (strcmp(v->sheets[i].name, name) == 0) return v->sheets[i].style;
  an_buf path = AN_BUF_INIT;
  an_buf_printf(&path, "%s/%s.xsl", v->dir, name);
  xmlDocPtr sd = xmlReadFile(an_buf_cstr(&path), NULL, XML_PARSE_NONET | XML_PARSE_NOCDATA);
  xsltStylesheetPtr style = NULL;
  if (!sd) {
    an_diag_io(d, an_buf_cstr(&path), "cannot read the stylesheet");
    an_buf_clear(&v->errors);
  } else {
    style = xsltParseStylesheetDoc(sd);
    if (!style) {
      xmlFreeDoc(sd); /* not taken over on failure */
    } else if (style->errors) {
      xsltFreeStylesheet(style);
      style = NULL;
    }
    if (!style) {
      S_flush_errors(v, an_buf_cstr(&path), d);
      an_diag_add(d, AN_ERROR, an_buf_cstr(&path), 0, 0, "the stylesheet has errors");
    }
  }
  an_buf_clear(&v->errors);
  an_buf_free(&path);
  if (!style) return NULL;
  v->sheets = an_xgrow(v->sheets, &v->cap, v->nsheets + 1, sizeof(S_sheet));
  v->sheets[v->nsheets].name = an_xstrdup(name);
  v->sheets[v->nsheets++].style = style;
  return style;
}

int an_views_render(an_views *v, const char *name, xmlDocPtr doc,
                    const char *const *params, char **out, size_t *len,
                    an_diags *d) {
  *out = NULL;
  *len = 0;
  xsltStylesheetPtr style = S_sheet_get(v, name, d);
  if (!style) return 0;
  xsltTransformContextPtr ctxt = xsltNewTransformContext(style, doc);
  if (!ctxt) return 0;
  xsltSetCtxtSecurityPrefs(v->sec, ctxt);
  xsltSetCtxtParseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOCDATA);
  if (params) xsltQuoteUserParams(ctxt, (const char **)params);
  xmlDocPtr res = xsltApplyStylesheetUser(style, doc, NULL, NULL, NULL, ctxt);
  int ok = res != NULL && ctxt->state == XSLT_STATE_OK;
  xsltFreeTransformContext(ctxt);
  if (ok) {
    xmlChar *buf = NULL;
    int n = 0;
    if (xsltSaveResultToString(&buf, &n, res, style) != 0) ok = 0;
    else {
      *out = an_xmalloc((size_t)n + 1);
      if (n) memcpy(*out, buf, (size_t)n);
      (*out)[n] = '\0';
      *len = (size_t)n;
    }
    xmlFree(buf);
  }
  if (res) xmlFreeDoc(res);
  an_buf path = AN_BUF_INIT;
  an_buf_printf(&path, "%s/%s.xsl", v->dir, name);
  if (!ok) {
    S_flush_errors(v, an_buf_cstr(&path), d);
    an_diag_add(d, AN_ERROR, an_buf_cstr(&path), 0, 0, "the view failed");
  } else {
    an_buf_clear(&v->errors); /* xsl:message output that did not fail */
  }
  an_buf_free(&path);
  return ok;
}

int an_views_asset(an_views *v, const char *name, char **out, size_t *len,
                   an_diags *d) {
  an_buf path = AN_BUF_INIT, data = AN_BUF_INIT;
  an_buf_printf(&path, "%s/%s", v->dir, name);
  FILE *fp = fopen(an_buf_cstr(&path), "rb");
  int ok = fp != NULL;
  if (fp) {
    char chunk[16384];
    size_t n;
    an_buf_puts(&data, "");
    while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0) an_buf_put(&data, chunk, n);
    ok = !ferror(fp);
    fclose(fp);
  }
  if (!ok) {
    an_diag_io(d, an_buf_cstr(&path), "cannot read: %s", strerror(errno));
    an_buf_free(&data);
  } else {
    *len = data.len;
    *out = an_buf_detach(&data);
  }
  an_buf_free(&path);
  return ok;
}

void an_views_close(an_views *v) {
  if (!v) return;
  for (size_t i = 0; i < v->nsheets; i++) {
    free(v->sheets[i].name);
    xsltFreeStylesheet(v->sheets[i].style);
  }
  free(v->sheets);
  xsltSetDefaultSecurityPrefs(NULL);
  xsltFreeSecurityPrefs(v->sec);
  xmlSetGenericErrorFunc(NULL, NULL);
  xmlSetStructuredErrorFunc(NULL, NULL);
  xsltSetGenericErrorFunc(NULL, NULL);
  an_buf_free(&v->errors);
  free(v->dir);
  free(v);
}

void an_views_cleanup(void) {
  xsltCleanupGlobals();
  xmlCleanupParser();
}
