/* fuzz_when.c - libFuzzer harness: the EDTF parser (an_when_parse) and
 * what is done with a parsed value (display, comparison). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "when.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > 4096) return 0;
  char *s = malloc(size + 1);
  memcpy(s, data, size);
  s[size] = '\0';
  an_when w, w2;
  char err[256], disp[160];
  if (an_when_parse(s, &w, err, sizeof err)) {
    an_when_display(&w, disp, sizeof disp);
    /* the normalized text parses again to the same range */
    if (!an_when_parse(w.edtf, &w2, err, sizeof err)) abort();
    if (w2.first != w.first || w2.last != w.last) abort();
    (void)an_when_compare(&w, &w2);
  }
  (void)an_when_parse(s, &w, NULL, 0);
  free(s);
  return 0;
}
