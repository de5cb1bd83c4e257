/* test_mention.c - names found in plain text: words, case, UTF-8. */
#include <string.h>

#include "../../gen/mention.h"
#include "check.h"

static size_t count(an_matcher *m, const char *text, size_t id) {
  size_t c[8] = {0};
  an_matcher_count(m, text, strlen(text), c);
  return c[id];
}

int main(void) {
  an_matcher *m = an_matcher_new();
  an_matcher_add(m, "Japan", 0);
  an_matcher_add(m, "Tokyo", 0);
  an_matcher_add(m, "Korea", 1);
  an_matcher_add(m, "South Korea", 2);
  an_matcher_add(m, "Zakharova", 3);
  an_matcher_add(m, "\xC3\x89t\xC3\xA9", 4);    /* Été */
  an_matcher_add(m, "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0", 5); /* Москва */
  an_matcher_add(m, "U.S.", 6);
  an_matcher_add(m, "", 7);

  CHECK_INT(count(m, "Japan and Tokyo", 0), 2);
  CHECK_INT(count(m, "JAPAN, japan; Japan.", 0), 3);
  CHECK_INT(count(m, "Japanese and Tokyoites", 0), 0);  /* whole words only */
  CHECK_INT(count(m, "Nippon-Japan", 0), 1);
  CHECK_INT(count(m, "Tokyo's plan", 0), 1);            /* possessive */
  CHECK_INT(count(m, "Tokyo\xE2\x80\x99s plan", 0), 1); /* curly apostrophe */
  CHECK_INT(count(m, "xJapan Japanx 2Japan", 0), 0);
  /* the longest name wins where names overlap */
  CHECK_INT(count(m, "South Korea and Korea", 2), 1);
  CHECK_INT(count(m, "South Korea and Korea", 1), 1);
  /* non-ASCII names: case folding and word boundaries by code point */
  CHECK_INT(count(m, "\xC3\xA9t\xC3\xA9 et \xC3\x89T\xC3\x89", 4), 2);
  CHECK_INT(count(m, "\xC3\xA9t\xC3\xA9s", 4), 0);       /* étés: not a whole word */
  CHECK_INT(count(m, "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0!", 5), 1); /* москва */
  CHECK_INT(count(m, "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0\xD0\xB9", 5), 0); /* longer word */
  /* names ending in punctuation */
  CHECK_INT(count(m, "the U.S. side", 6), 1);
  /* bad bytes are not letters and do not crash */
  CHECK_INT(count(m, "\xff" "Japan\xfe", 0), 1);
  CHECK_INT(count(m, "", 0), 0);
  CHECK_INT(count(m, "Zakharov", 3), 0);
  an_matcher_free(m);

  /* an empty matcher counts nothing */
  m = an_matcher_new();
  CHECK_INT(count(m, "Japan", 0), 0);
  an_matcher_free(m);
  return check_report();
}
