/* test_mention.c - names found in plain text: words, case, UTF-8. */
#define _GNU_SOURCE /* newlocale, towlower_l, iswalnum_l */
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "../../gen/mention.h"
#include "check.h"

static size_t count(an_matcher *m, const char *text, size_t id) {
  size_t c[8] = {0};
  an_matcher_count(m, text, strlen(text), c);
  return c[id];
}

/* ---- an oracle: the rule of mention.h applied the slow way ---- */

typedef struct {
  const char *name;
  size_t id;
} S_pair;

/* The folded code points and word flags of s (invalid bytes: U+FFFD). */
static size_t S_codes(locale_t loc, const char *s, uint32_t *cp, int *word) {
  const unsigned char *p = (const unsigned char *)s, *end = p + strlen(s);
  size_t n = 0;
  while (p < end) {
    int k = *p < 0x80 ? 0 : *p >= 0xC0 && *p < 0xE0 ? 1 : *p >= 0xE0 && *p < 0xF0 ? 2
          : *p >= 0xF0 && *p < 0xF8 ? 3 : -1;
    uint32_t c = k <= 0 ? (k ? 0xFFFD : *p) : *p & (0x3Fu >> k);
    for (int i = 1; k > 0 && i <= k; i++) {
      if (p + i >= end || (p[i] & 0xC0) != 0x80) { c = 0xFFFD; k = 0; break; }
      c = (c << 6) | (p[i] & 0x3F);
    }
    p += k > 0 ? k + 1 : 1;
    c = (uint32_t)towlower_l((wint_t)c, loc);
    word[n] = iswalnum_l((wint_t)c, loc) != 0;
    cp[n++] = c;
  }
  return n;
}

/* At each start of a word, every name is tried; the longest that matches
 * whole (its end is the text's, or its last or the next character is no
 * word character) counts, for the smallest id among equal names. */
static void S_oracle(locale_t loc, const S_pair *names, size_t nnames,
                     const char *text, size_t *counts) {
  static uint32_t t[4096], c[256];
  static int w[4096], cw[256];
  size_t n = S_codes(loc, text, t, w);
  for (size_t i = 0; i < n;) {
    size_t best = 0, id = 0;
    for (size_t k = 0; (i == 0 || !w[i - 1]) && w[i] && k < nnames; k++) {
      size_t len = S_codes(loc, names[k].name, c, cw);
      if (!len || len > n - i || memcmp(c, t + i, len * sizeof *c) != 0) continue;
      if (i + len < n && w[i + len] && w[i + len - 1]) continue;
      if (len > best || (len == best && names[k].id < id)) best = len, id = names[k].id;
    }
    if (best) counts[id]++;
    i += best ? best : 1;
  }
}

/* Random names sharing prefixes, and texts of the same pieces: the matcher
 * counts as the oracle does. */
static void S_differential(void) {
  /* a, A, b, e-acute, E-acute, KELVIN SIGN (folds to ASCII k), k, sharp s,
   * space, '-', '.', '1', a bad byte, a truncated sequence */
  static const char *const pieces[] = {
      "a", "A", "b", "\xC3\xA9", "\xC3\x89", "\xE2\x84\xAA", "k", "\xC3\x9F",
      " ", " ", "-", ".", "1", "\xFF", "\xE2\x84"};
  locale_t loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
  CHECK(loc != (locale_t)0);
  if (!loc) return;
  int same = 1;
  for (int round = 0; round < 3000 && same; round++) {
    an_matcher *m = an_matcher_new();
    S_pair names[24];
    static char store[24][64];
    size_t nnames = 1 + check_rand(24);
    for (size_t k = 0; k < nnames; k++) {
      store[k][0] = 0;
      size_t len = check_rand(5); /* empty names are ignored */
      for (size_t j = 0; j < len; j++) strcat(store[k], pieces[check_rand(13)]);
      names[k].name = store[k];
      names[k].id = check_rand(8);
      an_matcher_add(m, names[k].name, names[k].id);
    }
    for (int t = 0; t < 4 && same; t++) {
      char text[512] = "";
      size_t len = check_rand(60);
      for (size_t j = 0; j < len; j++) {
        /* mostly a copy of a name, so that names meet each other */
        if (check_rand(3) == 0) strcat(text, names[check_rand(nnames)].name);
        else strcat(text, pieces[check_rand(15)]);
      }
      size_t got[8] = {0}, want[8] = {0};
      an_matcher_count(m, text, strlen(text), got);
      S_oracle(loc, names, nnames, text, want);
      same = memcmp(got, want, sizeof got) == 0;
      if (!same) {
        fprintf(stderr, "differs on text '%s' with names:", text);
        for (size_t k = 0; k < nnames; k++)
          fprintf(stderr, " '%s'=%zu", names[k].name, names[k].id);
        fprintf(stderr, "\n");
      }
    }
    an_matcher_free(m);
  }
  CHECK(same);
  freelocale(loc);
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

  /* many names sharing prefixes: the longest whole-word one wins, and a
   * longer name that fails at its end leaves the shorter one */
  m = an_matcher_new();
  an_matcher_add(m, "New York City", 2);
  an_matcher_add(m, "New", 0);
  an_matcher_add(m, "New York", 1);
  an_matcher_add(m, "New Yorker", 3);
  an_matcher_add(m, "Newark", 4);
  CHECK_INT(count(m, "New York City Hall", 2), 1);
  CHECK_INT(count(m, "New York City Hall", 1), 0);
  CHECK_INT(count(m, "New York Citys", 1), 1);   /* City is not whole */
  CHECK_INT(count(m, "New York Citys", 2), 0);
  CHECK_INT(count(m, "New Yorkers", 0), 1);     /* neither York nor Yorker */
  CHECK_INT(count(m, "New Yorkers", 1), 0);
  CHECK_INT(count(m, "New Yorkers", 3), 0);
  CHECK_INT(count(m, "Newark, New Yorker, New York", 4), 1);
  CHECK_INT(count(m, "Newark, New Yorker, New York", 3), 1);
  CHECK_INT(count(m, "Newark, New Yorker, New York", 1), 1);
  CHECK_INT(count(m, "New York City", 0), 0);   /* matches do not overlap */
  CHECK_INT(count(m, "New Newark New", 0), 2);
  CHECK_INT(count(m, "New York Ci", 1), 1);     /* the text ends inside a name */
  an_matcher_free(m);

  /* case folding is the C library's (C.UTF-8 towlower_l), also where a
   * non-ASCII letter folds to an ASCII one: KELVIN SIGN to k */
  m = an_matcher_new();
  an_matcher_add(m, "Kiev", 0);
  an_matcher_add(m, "\xE2\x84\xAA" "harkiv", 1); /* KELVIN SIGN + harkiv */
  CHECK_INT(count(m, "\xE2\x84\xAA" "IEV and kiev", 0), 2);
  CHECK_INT(count(m, "Kharkiv, KHARKIV", 1), 2);
  an_matcher_free(m);

  /* the same name for two ids counts for the smaller one (corpus.c warns
   * of such aliases) */
  m = an_matcher_new();
  an_matcher_add(m, "Capital", 5);
  an_matcher_add(m, "capital", 3);
  CHECK_INT(count(m, "the Capital said", 3), 1);
  CHECK_INT(count(m, "the Capital said", 5), 0);
  /* adding a name after counting counts it from then on */
  an_matcher_add(m, "the capital", 4);
  CHECK_INT(count(m, "the Capital said", 4), 1);
  CHECK_INT(count(m, "the Capital said", 3), 0);
  an_matcher_free(m);

  S_differential();

  /* an empty matcher counts nothing */
  m = an_matcher_new();
  CHECK_INT(count(m, "Japan", 0), 0);
  an_matcher_free(m);
  return check_report();
}
