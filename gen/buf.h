/* buf.h - a growable, always NUL-terminated byte buffer.
 *
 * An an_buf owns its bytes; an_buf_free releases them, an_buf_detach hands
 * them to the caller (who then frees them with free()). */
#ifndef AN_BUF_H
#define AN_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct {
  char *ptr; /* NUL-terminated; NULL until the first write */
  size_t len;
  size_t cap;
} an_buf;

#define AN_BUF_INIT {NULL, 0, 0}

void an_buf_put(an_buf *b, const char *data, size_t len);
void an_buf_puts(an_buf *b, const char *s);
void an_buf_putc(an_buf *b, char c);
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
void an_buf_printf(an_buf *b, const char *fmt, ...);
void an_buf_vprintf(an_buf *b, const char *fmt, va_list ap);
/* The contents as a C string ("" when empty); owned by the buffer. */
const char *an_buf_cstr(const an_buf *b);
void an_buf_clear(an_buf *b);
char *an_buf_detach(an_buf *b);
void an_buf_free(an_buf *b);

#endif
