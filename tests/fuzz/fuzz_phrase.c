/* fuzz_phrase.c - libFuzzer harness: the news-phrase resolver
 * (an_phrase_resolve).  The first three bytes choose the publication day
 * (around 1900-2100), the date order and whether a story time is given;
 * the rest is the phrase. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "phrase.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 3 || size > 4096) return 0;
  int32_t published = -25567 + (int32_t)(((unsigned)data[0] << 8 | data[1]) * 73049u / 65536u);
  an_date_order order = (an_date_order)(data[2] % 3);
  int with_story = (data[2] >> 2) & 1;
  char *s = malloc(size - 3 + 1);
  memcpy(s, data + 3, size - 3);
  s[size - 3] = '\0';
  an_when story;
  an_when_make(&story, AN_PREC_DAY, published - 3, published - 3);
  an_phrase_result r;
  char err[512];
  if (an_phrase_resolve(s, published, with_story ? &story : NULL, order, &r, err, sizeof err)) {
    char disp[160];
    an_when_display(&r.value, disp, sizeof disp);
    if (r.rule_reason > strlen(r.rule)) abort();
  }
  free(s);
  return 0;
}
