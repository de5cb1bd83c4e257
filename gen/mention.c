/* mention.c - see mention.h. */
#define _GNU_SOURCE /* newlocale, towlower_l, iswalnum_l */
#include "mention.h"

#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "alloc.h"

typedef struct {
  uint32_t *cp;  /* folded code points; owned */
  size_t len;
  size_t id;
} S_name;

struct an_matcher {
  locale_t loc;   /* C.UTF-8 for case folding; (locale_t)0 if unavailable */
  S_name *names;  /* sorted by first code point, then longest first */
  size_t n, cap;
  int sorted;
};

an_matcher *an_matcher_new(void) {
  an_matcher *m = an_xcalloc(1, sizeof(an_matcher));
  m->loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
  return m;
}

void an_matcher_free(an_matcher *m) {
  if (!m) return;
  for (size_t i = 0; i < m->n; i++) free(m->names[i].cp);
  free(m->names);
  if (m->loc) freelocale(m->loc);
  free(m);
}

/* Decodes one UTF-8 code point at *p (invalid bytes as U+FFFD). */
static uint32_t S_decode(const unsigned char **p, const unsigned char *end) {
  const unsigned char *s = *p;
  uint32_t c = s[0];
  int n = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
  if (n < 0 || s + n >= end + (n ? 0 : 1)) {
    *p = s + 1;
    return n == 0 ? c : 0xFFFD;
  }
  if (n == 0) {
    *p = s + 1;
    return c;
  }
  c &= 0x3Fu >> n;
  for (int i = 1; i <= n; i++) {
    if ((s[i] & 0xC0) != 0x80) {
      *p = s + 1;
      return 0xFFFD;
    }
    c = (c << 6) | (s[i] & 0x3Fu);
  }
  *p = s + n + 1;
  return c;
}

static uint32_t S_fold(const an_matcher *m, uint32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + 32 : c;
  return m->loc ? (uint32_t)towlower_l((wint_t)c, m->loc) : c;
}

static int S_word(const an_matcher *m, uint32_t c) {
  if (c < 0x80)
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return m->loc ? iswalnum_l((wint_t)c, m->loc) != 0 : 1;
}

/* The folded code points of s; *len set. */
static uint32_t *S_fold_all(const an_matcher *m, const char *s, size_t n, size_t *len) {
  uint32_t *v = an_xmalloc((n + 1) * sizeof(uint32_t));
  const unsigned char *p = (const unsigned char *)s, *end = p + n;
  size_t k = 0;
  while (p < end) v[k++] = S_fold(m, S_decode(&p, end));
  *len = k;
  return v;
}

void an_matcher_add(an_matcher *m, const char *name, size_t id) {
  size_t len;
  uint32_t *cp = S_fold_all(m, name, strlen(name), &len);
  if (!len) {
    free(cp);
    return;
  }
  m->names = an_xgrow(m->names, &m->cap, m->n + 1, sizeof(S_name));
  m->names[m->n].cp = cp;
  m->names[m->n].len = len;
  m->names[m->n].id = id;
  m->n++;
  m->sorted = 0;
}

static int S_cmp_name(const void *pa, const void *pb) {
  const S_name *a = pa, *b = pb;
  if (a->cp[0] != b->cp[0]) return a->cp[0] < b->cp[0] ? -1 : 1;
  if (a->len != b->len) return a->len > b->len ? -1 : 1;
  if (a->id != b->id) return a->id < b->id ? -1 : 1;
  return 0;
}

void an_matcher_count(an_matcher *m, const char *text, size_t len, size_t *counts) {
  if (!m->n) return;
  if (!m->sorted) {
    qsort(m->names, m->n, sizeof(S_name), S_cmp_name);
    m->sorted = 1;
  }
  size_t n;
  uint32_t *t = S_fold_all(m, text, len, &n);
  /* word characters, computed once */
  unsigned char *word = an_xmalloc(n + 1);
  for (size_t i = 0; i < n; i++) word[i] = (unsigned char)S_word(m, t[i]);
  for (size_t i = 0; i < n;) {
    if (!word[i] || (i > 0 && word[i - 1])) {
      i++;
      continue;
    }
    /* names starting with t[i]: binary search for the first */
    size_t lo = 0, hi = m->n;
    while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      if (m->names[mid].cp[0] < t[i]) lo = mid + 1; else hi = mid;
    }
    size_t matched = 0;
    for (size_t k = lo; k < m->n && m->names[k].cp[0] == t[i]; k++) {
      const S_name *nm = &m->names[k];
      if (nm->len > n - i) continue;
      if (memcmp(nm->cp, t + i, nm->len * sizeof(uint32_t)) != 0) continue;
      if (i + nm->len < n && word[i + nm->len] && word[i + nm->len - 1]) continue;
      counts[nm->id]++;
      matched = nm->len;
      break; /* longest first */
    }
    i += matched ? matched : 1;
  }
  free(word);
  free(t);
}
