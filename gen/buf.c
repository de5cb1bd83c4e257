/* buf.c - see buf.h. */
#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

static void S_reserve(an_buf *b, size_t extra) {
  b->ptr = an_xgrow(b->ptr, &b->cap, b->len + extra + 1, 1);
}

void an_buf_put(an_buf *b, const char *data, size_t len) {
  S_reserve(b, len);
  if (len) memcpy(b->ptr + b->len, data, len);
  b->len += len;
  b->ptr[b->len] = '\0';
}

void an_buf_puts(an_buf *b, const char *s) { an_buf_put(b, s, strlen(s)); }

void an_buf_putc(an_buf *b, char c) { an_buf_put(b, &c, 1); }

void an_buf_vprintf(an_buf *b, const char *fmt, va_list ap) {
  va_list ap2;
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap2);
  va_end(ap2);
  if (n < 0) return;
  S_reserve(b, (size_t)n);
  vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
  b->len += (size_t)n;
}

void an_buf_printf(an_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  an_buf_vprintf(b, fmt, ap);
  va_end(ap);
}

const char *an_buf_cstr(const an_buf *b) { return b->ptr ? b->ptr : ""; }

void an_buf_clear(an_buf *b) {
  b->len = 0;
  if (b->ptr) b->ptr[0] = '\0';
}

char *an_buf_detach(an_buf *b) {
  char *p = b->ptr ? b->ptr : an_xstrdup("");
  b->ptr = NULL;
  b->len = b->cap = 0;
  return p;
}

void an_buf_free(an_buf *b) {
  free(b->ptr);
  b->ptr = NULL;
  b->len = b->cap = 0;
}
