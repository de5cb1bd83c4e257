/* views.c - see views.h. */
#include "views.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libexslt/exslt.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>
#include <libxslt/xsltconfig.h>
#include <xxhash.h>

#include "alloc.h"
#include "buf.h"
#include "model.h" /* AN_VERSION */

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
  char **globals;  /* name, value, ...: parameters of every transform */
  size_t nglobals, gcap;
  char fingerprint[33]; /* "" until asked for */
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
  /* the same "file F line N" that libxslt writes, for S_flush_errors */
  if (err->file) an_buf_printf(&v->errors, "file %s line %d: ", err->file, err->line);
  an_buf_puts(&v->errors, err->message);
}

/* "... file F line N ..." in one message of libxml2/libxslt: sets *file
 * (a copy) and *line, and returns 1; 0 when it names no place. */
static int S_place(const char *s, size_t n, char **file, int *line) {
  char *msg = an_xstrndup(s, n);
  int found = 0;
  const char *f = strstr(msg, "file ");
  const char *l = f ? strstr(f + 5, " line ") : NULL;
  if (l && l > f + 5 && l[6] >= '0' && l[6] <= '9') {
    *file = an_xstrndup(f + 5, (size_t)(l - (f + 5)));
    *line = atoi(l + 6);
    found = 1;
  }
  free(msg);
  return found;
}

/* One diagnostic per line of what the libraries said, at the stylesheet
 * and line they name ("runtime error: file F line N element E"): a line
 * that names a place gives it to the lines after it, and the lines before
 * the first such line take the first place (libxslt names it after the
 * XPath error).  Without any, the place is `file`, line 0. */
static void S_flush_errors(an_views *v, const char *file, an_diags *d) {
  if (!v->errors.len) return;
  const char *all = an_buf_cstr(&v->errors);
  char *at_file = NULL;
  int at_line = 0;
  for (const char *s = all; *s && !at_file;) { /* the first place */
    const char *nl = strchr(s, '\n');
    size_t n = nl ? (size_t)(nl - s) : strlen(s);
    S_place(s, n, &at_file, &at_line);
    s += n + (nl ? 1 : 0);
  }
  for (const char *s = all; *s;) {
    const char *nl = strchr(s, '\n');
    size_t n = nl ? (size_t)(nl - s) : strlen(s);
    char *f = NULL;
    int line = 0;
    if (S_place(s, n, &f, &line)) {
      free(at_file);
      at_file = f;
      at_line = line;
    }
    /* S_structured_error's "file F line N: " said only the place */
    const char *m = s;
    if (f && strncmp(s, "file ", 5) == 0) {
      const char *colon = strstr(s, ": ");
      if (colon && colon < s + n) m = colon + 2;
    }
    size_t mn = n - (size_t)(m - s);
    if (mn)
      an_diag_add(d, AN_ERROR, at_file ? at_file : file, at_file ? at_line : 0, 0,
                  "%.*s", (int)mn, m);
    s += n + (nl ? 1 : 0);
  }
  free(at_file);
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
  if (!sd && access(an_buf_cstr(&path), R_OK) == 0) { /* not well-formed */
    S_flush_errors(v, an_buf_cstr(&path), d);
    an_diag_add(d, AN_ERROR, an_buf_cstr(&path), 0, 0, "the stylesheet is not well-formed XML");
  } else if (!sd) {
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

void an_views_param(an_views *v, const char *name, const char *value) {
  v->fingerprint[0] = '\0';
  for (size_t i = 0; i < v->nglobals; i += 2)
    if (strcmp(v->globals[i], name) == 0) {
      free(v->globals[i + 1]);
      v->globals[i + 1] = an_xstrdup(value);
      return;
    }
  v->globals = an_xgrow(v->globals, &v->gcap, v->nglobals + 2, sizeof(char *));
  v->globals[v->nglobals++] = an_xstrdup(name);
  v->globals[v->nglobals++] = an_xstrdup(value);
}

/* Is `name` among the names of params (name, value, ..., NULL)? */
static int S_has_param(const char *const *params, const char *name) {
  for (size_t i = 0; params && params[i] && params[i + 1]; i += 2)
    if (strcmp(params[i], name) == 0) return 1;
  return 0;
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
  /* the parameters of every transform, unless the call gave its own */
  for (size_t i = 0; i < v->nglobals; i += 2)
    if (!S_has_param(params, v->globals[i]))
      xsltQuoteOneUserParam(ctxt, (const xmlChar *)v->globals[i],
                            (const xmlChar *)v->globals[i + 1]);
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

static int S_cmp_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Feeds a string and its terminating NUL (so "ab","c" differs from
 * "a","bc"). */
static void S_feed(XXH3_state_t *st, const char *s) {
  XXH3_128bits_update(st, s, strlen(s) + 1);
}

const char *an_views_fingerprint(an_views *v) {
  if (v->fingerprint[0]) return v->fingerprint;
  XXH3_state_t *st = XXH3_createState();
  if (!st) an_out_of_memory();
  XXH3_128bits_reset(st);
  S_feed(st, AN_VERSION);
  S_feed(st, LIBXML_DOTTED_VERSION);
  S_feed(st, LIBXSLT_DOTTED_VERSION);
  /* the templates folder, file by file in name order */
  char **names = NULL;
  size_t n = 0, cap = 0;
  DIR *dp = opendir(v->dir);
  for (struct dirent *e; dp && (e = readdir(dp)) != NULL;) {
    if (e->d_name[0] == '.') continue;
    names = an_xgrow(names, &cap, n + 1, sizeof *names);
    names[n++] = an_xstrdup(e->d_name);
  }
  if (dp) closedir(dp);
  if (n > 1) qsort(names, n, sizeof *names, S_cmp_name);
  an_buf path = AN_BUF_INIT;
  char chunk[65536];
  for (size_t i = 0; i < n; i++) {
    S_feed(st, names[i]);
    an_buf_clear(&path);
    an_buf_printf(&path, "%s/%s", v->dir, names[i]);
    FILE *fp = fopen(an_buf_cstr(&path), "rb");
    size_t got;
    while (fp && (got = fread(chunk, 1, sizeof chunk, fp)) > 0)
      XXH3_128bits_update(st, chunk, got);
    if (fp) fclose(fp);
    else S_feed(st, "(unreadable)");
    free(names[i]);
  }
  free(names);
  an_buf_free(&path);
  for (size_t i = 0; i < v->nglobals; i++) S_feed(st, v->globals[i]);
  XXH128_hash_t h = XXH3_128bits_digest(st);
  XXH3_freeState(st);
  snprintf(v->fingerprint, sizeof v->fingerprint, "%016llx%016llx",
           (unsigned long long)h.high64, (unsigned long long)h.low64);
  return v->fingerprint;
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
  for (size_t i = 0; i < v->nglobals; i++) free(v->globals[i]);
  free(v->globals);
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
