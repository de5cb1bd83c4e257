/* diag.h - positioned diagnostics, collected and printed only by main.
 *
 * Every module reports problems in the input by adding a diagnostic here
 * (file, line, column, severity, message); nothing else prints.  Lines and
 * columns are 1-based, the column counted in characters; 0 means "the whole
 * file" / "the whole line". */
#ifndef AN_DIAG_H
#define AN_DIAG_H

#include <stddef.h>

#include "buf.h"

/* Exit codes, documented in --help and README. */
typedef enum {
  AN_OK = 0,
  AN_ERR_INPUT = 1, /* the input has errors */
  AN_ERR_USAGE = 2, /* bad command line */
  AN_ERR_IO = 3     /* reading or writing failed */
} an_status;

typedef enum { AN_NOTE = 0, AN_WARNING, AN_ERROR } an_severity;

typedef enum { AN_DIAG_GCC = 0, AN_DIAG_GITHUB } an_diag_style;

typedef struct {
  char *file; /* as shown to the user, e.g. "input/sources/a.md" */
  int line, column;
  an_severity severity;
  int io;     /* 1 when this is an I/O failure (exit code 3), not bad input */
  char *message;
} an_diag;

typedef struct an_diags an_diags;

an_diags *an_diags_new(void);
void an_diags_free(an_diags *d);

#if defined(__GNUC__)
__attribute__((format(printf, 6, 7)))
#endif
void an_diag_add(an_diags *d, an_severity sev, const char *file, int line,
                 int column, const char *fmt, ...);
/* An I/O failure: an error whose exit code is AN_ERR_IO. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
void an_diag_io(an_diags *d, const char *file, const char *fmt, ...);

size_t an_diags_len(const an_diags *d);
const an_diag *an_diags_at(const an_diags *d, size_t i);
size_t an_diags_count(const an_diags *d, an_severity sev);
/* Sorts by file, line, column (stable), so output does not depend on the
 * order in which modules ran. */
void an_diags_sort(an_diags *d);
/* The exit status these diagnostics call for: AN_ERR_IO if any I/O
 * failure, else AN_ERR_INPUT if any error (or any warning when strict),
 * else AN_OK. */
an_status an_diags_status(const an_diags *d, int strict);

/* Appends one diagnostic as a line (with its newline) in the given style:
 * gcc: "FILE:LINE:COL: error: MSG"; github: "::error file=F,line=L,col=C::MSG". */
void an_diag_format(const an_diag *diag, an_diag_style style, an_buf *out);

/* Writes a one-line reason into err (errlen bytes; nothing when err is
 * NULL or errlen 0), control characters folded to spaces: the "char *err,
 * size_t errlen" convention of the modules that run before a diagnostic
 * has a place (diagrams, the timeline chart, exports). */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
void an_err_printf(char *err, size_t errlen, const char *fmt, ...);

/* Damerau-free Levenshtein distance between two UTF-8 strings, compared
 * case-insensitively (ASCII folding) and by code point. */
size_t an_edit_distance(const char *a, const char *b);
/* The candidate closest to `word` (distance at most max(1, len/3)), or
 * NULL. Ties go to the first candidate. */
const char *an_did_you_mean(const char *word, const char *const *candidates,
                            size_t n);

#endif
