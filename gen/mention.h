/* mention.h - finding actors' names in plain text.
 *
 * Whole words, case-insensitively, by Unicode code point (case folding by
 * the C library's C.UTF-8 locale, not by hand): "Tokyo's" holds "Tokyo",
 * "Tokyoites" does not; "ÉTÉ" matches "été".  Matches do not overlap, and
 * at one place the longest name wins ("South Korea" over "Korea"); names
 * that fold to the same text count for the smallest id.  Counting costs
 * the text's length (times at most the longest name's), not the number
 * of names. */
#ifndef AN_MENTION_H
#define AN_MENTION_H

#include <stddef.h>

typedef struct an_matcher an_matcher;

an_matcher *an_matcher_new(void);
void an_matcher_free(an_matcher *m);
/* Adds a name (UTF-8) that counts for `id`; empty names are ignored. */
void an_matcher_add(an_matcher *m, const char *name, size_t id);
/* Counts the matches in text: counts[id] += 1 for each; counts must have
 * room for every id added. */
void an_matcher_count(an_matcher *m, const char *text, size_t len,
                      size_t *counts);

#endif
