/* mention.c - see mention.h.
 *
 * The names are compiled, once, into a trie over their folded code points
 * (built from the names sorted, children of a node stored together and in
 * code-point order).  Counting then decodes and folds the text once, left
 * to right, and only at the start of a word walks the trie along the text:
 * the work per source is the text's length times at most the longest
 * name's, however many names there are. */
#define _GNU_SOURCE /* newlocale, towlower_l, iswalnum_l */
#include "mention.h"

#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "alloc.h"

#define S_NONE SIZE_MAX

typedef struct {
  uint32_t *cp;  /* folded code points; owned */
  size_t len;
  size_t id;
} S_name;

/* A trie node: its children are nodes[first .. first + n), in increasing
 * order of their code point `cp`; `id` is that of the name ending here
 * (the smallest, when several names fold to the same code points), or
 * S_NONE. */
typedef struct {
  uint32_t cp;
  size_t first, n;
  size_t id;
} S_node;

struct an_matcher {
  locale_t loc;   /* C.UTF-8 for case folding; (locale_t)0 if unavailable */
  S_name *names;  /* as added; sorted by code points when compiled */
  size_t n, cap;
  S_node *nodes;  /* the trie, nodes[0] its root; NULL until compiled */
  size_t nnodes;
  size_t ascii[128]; /* the root's child for an ASCII code point, or 0 */
  /* S_fold and S_word of the ASCII code points, for the common case;
   * word[b] is 0 for the bytes 0x80 to 0xFF (not ASCII) */
  unsigned char lower[128], word[256];
};

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

an_matcher *an_matcher_new(void) {
  an_matcher *m = an_xcalloc(1, sizeof(an_matcher));
  m->loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
  for (uint32_t c = 0; c < 128; c++) {
    m->lower[c] = (unsigned char)S_fold(m, c);
    m->word[c] = (unsigned char)S_word(m, c);
  }
  return m;
}

void an_matcher_free(an_matcher *m) {
  if (!m) return;
  for (size_t i = 0; i < m->n; i++) free(m->names[i].cp);
  free(m->names);
  free(m->nodes);
  if (m->loc) freelocale(m->loc);
  free(m);
}

/* The next code point of the text at *p, folded; *word set. */
static uint32_t S_next(const an_matcher *m, const unsigned char **p,
                       const unsigned char *end, int *word) {
  unsigned char b = **p;
  if (b < 0x80) {
    ++*p;
    *word = m->word[b];
    return m->lower[b];
  }
  uint32_t c = S_fold(m, S_decode(p, end));
  *word = S_word(m, c);
  return c;
}

void an_matcher_add(an_matcher *m, const char *name, size_t id) {
  size_t n = strlen(name);
  if (!n) return;
  uint32_t *cp = an_xmalloc(n * sizeof(uint32_t));
  const unsigned char *p = (const unsigned char *)name, *end = p + n;
  size_t len = 0;
  while (p < end) cp[len++] = S_fold(m, S_decode(&p, end));
  m->names = an_xgrow(m->names, &m->cap, m->n + 1, sizeof(S_name));
  m->names[m->n].cp = cp;
  m->names[m->n].len = len;
  m->names[m->n].id = id;
  m->n++;
  free(m->nodes); /* compiled again before the next count */
  m->nodes = NULL;
}

/* Code points in order, a prefix before what it begins; then by id. */
static int S_cmp_name(const void *pa, const void *pb) {
  const S_name *a = pa, *b = pb;
  size_t n = a->len < b->len ? a->len : b->len;
  for (size_t i = 0; i < n; i++)
    if (a->cp[i] != b->cp[i]) return a->cp[i] < b->cp[i] ? -1 : 1;
  if (a->len != b->len) return a->len < b->len ? -1 : 1;
  return a->id < b->id ? -1 : a->id > b->id;
}

/* Builds the trie breadth first from the sorted names: the names below a
 * node at depth d are a range of the sorted array (lo[k], hi[k]), those
 * ending there come first, and the rest fall into runs of equal code
 * point d, one child each, numbered in order. */
static void S_compile(an_matcher *m) {
  qsort(m->names, m->n, sizeof(S_name), S_cmp_name);
  size_t total = 1;
  for (size_t i = 0; i < m->n; i++) total += m->names[i].len;
  m->nodes = an_xmalloc(total * sizeof(S_node));
  /* build-time range and depth of each node; freed below */
  size_t *lo = an_xmalloc(3 * total * sizeof(size_t)), *hi = lo + total,
         *depth = hi + total;
  m->nodes[0].cp = 0;
  m->nodes[0].id = S_NONE;
  lo[0] = 0;
  hi[0] = m->n;
  depth[0] = 0;
  m->nnodes = 1;
  for (size_t k = 0; k < m->nnodes; k++) {
    S_node *node = &m->nodes[k];
    size_t i = lo[k], d = depth[k];
    if (i < hi[k] && m->names[i].len == d) node->id = m->names[i].id;
    while (i < hi[k] && m->names[i].len == d) i++;
    node->first = m->nnodes;
    node->n = 0;
    while (i < hi[k]) {
      uint32_t c = m->names[i].cp[d];
      size_t j = i + 1;
      while (j < hi[k] && m->names[j].cp[d] == c) j++;
      S_node *child = &m->nodes[m->nnodes];
      child->cp = c;
      child->id = S_NONE;
      lo[m->nnodes] = i;
      hi[m->nnodes] = j;
      depth[m->nnodes] = d + 1;
      m->nnodes++;
      node->n++;
      i = j;
    }
  }
  free(lo);
  memset(m->ascii, 0, sizeof m->ascii);
  for (size_t k = 0; k < m->nodes[0].n; k++) {
    const S_node *child = &m->nodes[m->nodes[0].first + k];
    if (child->cp < 0x80) m->ascii[child->cp] = m->nodes[0].first + k;
  }
}

/* The child of node k for code point c, or 0. */
static size_t S_child(const an_matcher *m, size_t k, uint32_t c) {
  if (k == 0 && c < 0x80) return m->ascii[c];
  size_t lo = m->nodes[k].first, hi = lo + m->nodes[k].n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (m->nodes[mid].cp == c) return mid;
    if (m->nodes[mid].cp < c) lo = mid + 1; else hi = mid;
  }
  return 0;
}

void an_matcher_count(an_matcher *m, const char *text, size_t len, size_t *counts) {
  if (!m->n) return;
  if (!m->nodes) S_compile(m);
  const unsigned char *p = (const unsigned char *)text, *end = p + len;
  int prev_word = 0; /* the code point before p is a word character */
  while (p < end) {
    if (prev_word) { /* no name starts inside a word: skip its ASCII rest */
      while (p < end && m->word[*p]) p++;
      if (p == end) break;
    }
    int word;
    const unsigned char *q = p;
    uint32_t c = S_next(m, &q, end, &word);
    size_t k = 0;
    if (!word || prev_word || !(k = S_child(m, 0, c))) { /* no name starts here */
      p = q;
      prev_word = word;
      continue;
    }
    /* Walk the trie along the text.  A name ending at r counts when the
     * text ends there, or its last or the next character is no word
     * character; the longest such name wins. */
    const unsigned char *r = q, *best = NULL;
    size_t best_id = 0;
    int last_word = word, best_word = 0;
    while (k) {
      int next_word = 0;
      const unsigned char *s = r;
      uint32_t c = r < end ? S_next(m, &s, end, &next_word) : 0;
      if (m->nodes[k].id != S_NONE && (r == end || !last_word || !next_word)) {
        best = r;
        best_id = m->nodes[k].id;
        best_word = last_word;
      }
      if (r == end) break;
      k = S_child(m, k, c);
      r = s;
      last_word = next_word;
    }
    if (best) {
      counts[best_id]++;
      p = best;
      prev_word = best_word;
    } else {
      p = q;
      prev_word = word;
    }
  }
}
