/* alloc.c - see alloc.h. */
#include "alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fault.h"

void an_out_of_memory(void) {
  static const char msg[] = "annalist: out of memory, aborting\n";
  /* write(2): stdio may itself need memory */
  if (write(STDERR_FILENO, msg, sizeof msg - 1) < 0) { /* nothing to do */ }
  abort();
}

void *an_xmalloc(size_t size) {
  void *p = an_fault_alloc() ? NULL : malloc(size ? size : 1);
  if (!p) an_out_of_memory();
  return p;
}

void *an_xcalloc(size_t count, size_t size) {
  void *p = an_fault_alloc() ? NULL : calloc(count ? count : 1, size ? size : 1);
  if (!p) an_out_of_memory();
  return p;
}

void *an_xrealloc(void *ptr, size_t size) {
  void *p = an_fault_alloc() ? NULL : realloc(ptr, size ? size : 1);
  if (!p) an_out_of_memory();
  return p;
}

void *an_xgrow(void *ptr, size_t *cap, size_t need, size_t elem) {
  if (need <= *cap) return ptr;
  size_t n = *cap ? *cap : 8;
  while (n < need) {
    if (n > ((size_t)-1) / 2 / elem) an_out_of_memory();
    n *= 2;
  }
  *cap = n;
  return an_xrealloc(ptr, n * elem);
}

char *an_xstrndup(const char *s, size_t n) {
  const char *end = memchr(s, '\0', n);
  size_t len = end ? (size_t)(end - s) : n;
  char *d = an_xmalloc(len + 1);
  memcpy(d, s, len);
  d[len] = '\0';
  return d;
}

char *an_xstrdup(const char *s) { return an_xstrndup(s, strlen(s)); }
