/* check.h - the smallest test harness that will do.
 *
 * Each unit-test program includes this once, calls CHECK* macros, and ends
 * main with `return check_report();`, which prints "N passed, N failed"
 * (the line tests/run collects) and returns non-zero on any failure. */
#ifndef AN_CHECK_H
#define AN_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_passed, check_failed;

#define CHECK(cond)                                                        \
  do {                                                                     \
    if (cond) {                                                            \
      check_passed++;                                                      \
    } else {                                                               \
      check_failed++;                                                      \
      fprintf(stderr, "%s:%d: FAIL: %s\n", __FILE__, __LINE__, #cond);     \
    }                                                                      \
  } while (0)

#define CHECK_STR(got, want)                                               \
  do {                                                                     \
    const char *g_ = (got), *w_ = (want);                                  \
    if (g_ && w_ && strcmp(g_, w_) == 0) {                                 \
      check_passed++;                                                      \
    } else {                                                               \
      check_failed++;                                                      \
      fprintf(stderr, "%s:%d: FAIL: %s\n  got:  %s\n  want: %s\n",         \
              __FILE__, __LINE__, #got, g_ ? g_ : "(null)",                 \
              w_ ? w_ : "(null)");                                         \
    }                                                                      \
  } while (0)

#define CHECK_INT(got, want)                                               \
  do {                                                                     \
    long long g_ = (long long)(got), w_ = (long long)(want);               \
    if (g_ == w_) {                                                        \
      check_passed++;                                                      \
    } else {                                                               \
      check_failed++;                                                      \
      fprintf(stderr, "%s:%d: FAIL: %s\n  got:  %lld\n  want: %lld\n",     \
              __FILE__, __LINE__, #got, g_, w_);                           \
    }                                                                      \
  } while (0)

/* A pseudo-random number below n (n > 0): the same sequence on every run,
 * for tests that try many generated inputs. */
static inline size_t check_rand(size_t n) {
  static unsigned long state = 20231228;
  state = state * 6364136223846793005UL + 1442695040888963407UL;
  return (size_t)(state >> 33) % n;
}

static int check_report(void) {
  printf("%d passed, %d failed\n", check_passed, check_failed);
  return check_failed != 0;
}

#endif
