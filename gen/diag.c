/* diag.c - see diag.h. */
#include "diag.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

struct an_diags {
  an_diag *items;
  size_t len, cap;
};

an_diags *an_diags_new(void) { return an_xcalloc(1, sizeof(an_diags)); }

void an_diags_free(an_diags *d) {
  if (!d) return;
  for (size_t i = 0; i < d->len; i++) {
    free(d->items[i].file);
    free(d->items[i].message);
  }
  free(d->items);
  free(d);
}

static void S_add(an_diags *d, an_severity sev, int io, const char *file,
                  int line, int column, const char *fmt, va_list ap) {
  an_buf msg = AN_BUF_INIT;
  an_buf_vprintf(&msg, fmt, ap);
  d->items = an_xgrow(d->items, &d->cap, d->len + 1, sizeof(an_diag));
  an_diag *x = &d->items[d->len++];
  x->file = an_xstrdup(file ? file : "annalist");
  x->line = line;
  x->column = column;
  x->severity = sev;
  x->io = io;
  x->message = an_buf_detach(&msg);
}

void an_diag_add(an_diags *d, an_severity sev, const char *file, int line,
                 int column, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  S_add(d, sev, 0, file, line, column, fmt, ap);
  va_end(ap);
}

void an_diag_io(an_diags *d, const char *file, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  S_add(d, AN_ERROR, 1, file, 0, 0, fmt, ap);
  va_end(ap);
}

size_t an_diags_len(const an_diags *d) { return d->len; }

const an_diag *an_diags_at(const an_diags *d, size_t i) {
  return i < d->len ? &d->items[i] : NULL;
}

size_t an_diags_count(const an_diags *d, an_severity sev) {
  size_t n = 0;
  for (size_t i = 0; i < d->len; i++) n += d->items[i].severity == sev;
  return n;
}

static int S_cmp(const an_diag *a, const an_diag *b) {
  int c = strcmp(a->file, b->file);
  if (c) return c;
  if (a->line != b->line) return a->line < b->line ? -1 : 1;
  if (a->column != b->column) return a->column < b->column ? -1 : 1;
  return 0;
}

void an_diags_sort(an_diags *d) {
  /* insertion sort: stable, and diagnostics are few */
  for (size_t i = 1; i < d->len; i++) {
    an_diag x = d->items[i];
    size_t j = i;
    while (j > 0 && S_cmp(&d->items[j - 1], &x) > 0) {
      d->items[j] = d->items[j - 1];
      j--;
    }
    d->items[j] = x;
  }
}

an_status an_diags_status(const an_diags *d, int strict) {
  an_status st = AN_OK;
  for (size_t i = 0; i < d->len; i++) {
    const an_diag *x = &d->items[i];
    if (x->io) return AN_ERR_IO;
    if (x->severity == AN_ERROR || (strict && x->severity == AN_WARNING))
      st = AN_ERR_INPUT;
  }
  return st;
}

static const char *S_sev_name(an_severity s) {
  switch (s) {
  case AN_ERROR: return "error";
  case AN_WARNING: return "warning";
  default: return "note";
  }
}

/* GitHub workflow commands need %, CR, LF escaped in the message and also
 * ':' and ',' in properties. */
static void S_github_escape(an_buf *out, const char *s, int property) {
  for (; *s; s++) {
    switch (*s) {
    case '%': an_buf_puts(out, "%25"); break;
    case '\r': an_buf_puts(out, "%0D"); break;
    case '\n': an_buf_puts(out, "%0A"); break;
    case ':': an_buf_puts(out, property ? "%3A" : ":"); break;
    case ',': an_buf_puts(out, property ? "%2C" : ","); break;
    default: an_buf_putc(out, *s);
    }
  }
}

void an_diag_format(const an_diag *x, an_diag_style style, an_buf *out) {
  if (style == AN_DIAG_GITHUB) {
    an_buf_printf(out, "::%s file=", S_sev_name(x->severity));
    S_github_escape(out, x->file, 1);
    if (x->line > 0) an_buf_printf(out, ",line=%d", x->line);
    if (x->column > 0) an_buf_printf(out, ",col=%d", x->column);
    an_buf_puts(out, "::");
    S_github_escape(out, x->message, 0);
    an_buf_putc(out, '\n');
    return;
  }
  an_buf_puts(out, x->file);
  if (x->line > 0) an_buf_printf(out, ":%d", x->line);
  if (x->line > 0 && x->column > 0) an_buf_printf(out, ":%d", x->column);
  an_buf_printf(out, ": %s: %s\n", S_sev_name(x->severity), x->message);
}

/* Decodes one UTF-8 code point; invalid bytes decode as themselves. */
static uint32_t S_next_cp(const unsigned char **p) {
  const unsigned char *s = *p;
  uint32_t c = s[0];
  int n = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
  if (n <= 0) {
    *p = s + 1;
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
  }
  c &= 0x3F >> n;
  for (int i = 1; i <= n; i++) {
    if ((s[i] & 0xC0) != 0x80) {
      *p = s + 1;
      return s[0];
    }
    c = (c << 6) | (s[i] & 0x3F);
  }
  *p = s + n + 1;
  return c;
}

static size_t S_decode(const char *s, uint32_t **out) {
  size_t cap = strlen(s) + 1, n = 0;
  uint32_t *v = an_xmalloc(cap * sizeof(uint32_t));
  const unsigned char *p = (const unsigned char *)s;
  while (*p) v[n++] = S_next_cp(&p);
  *out = v;
  return n;
}

size_t an_edit_distance(const char *a, const char *b) {
  uint32_t *x, *y;
  size_t n = S_decode(a, &x), m = S_decode(b, &y);
  size_t *row = an_xmalloc((m + 1) * sizeof(size_t));
  for (size_t j = 0; j <= m; j++) row[j] = j;
  for (size_t i = 1; i <= n; i++) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= m; j++) {
      size_t up = row[j];
      size_t best = diag + (x[i - 1] != y[j - 1]);
      if (up + 1 < best) best = up + 1;
      if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
      row[j] = best;
      diag = up;
    }
  }
  size_t r = row[m];
  free(row);
  free(x);
  free(y);
  return r;
}

const char *an_did_you_mean(const char *word, const char *const *cands,
                            size_t n) {
  size_t len = strlen(word);
  size_t limit = len / 3 > 1 ? len / 3 : 1;
  const char *best = NULL;
  size_t best_d = (size_t)-1;
  for (size_t i = 0; i < n; i++) {
    size_t dist = an_edit_distance(word, cands[i]);
    if (dist <= limit && dist < best_d) {
      best = cands[i];
      best_d = dist;
    }
  }
  return best;
}

void an_err_printf(char *err, size_t errlen, const char *fmt, ...) {
  if (!err || !errlen) return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err, errlen, fmt, ap);
  va_end(ap);
  for (char *p = err; *p; p++)
    if ((unsigned char)*p < 0x20 || *p == 0x7f) *p = ' ';
}
