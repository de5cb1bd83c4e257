/* source.h - reading one input file: bytes, lines, front matter.
 *
 * A file is read whole (up to a size limit), checked for NUL bytes and bad
 * UTF-8, its BOM dropped, and its YAML front matter split off with libyaml
 * into a small typed tree.  The front matter lines are blanked in `text`,
 * not cut out, so that cmark's line numbers stay those of the file. */
#ifndef AN_SOURCE_H
#define AN_SOURCE_H

#include <stddef.h>

#include "diag.h"

#define AN_FILE_MAX_BYTES (8u << 20)        /* 8 MiB per file */
#define AN_FRONT_MATTER_MAX_BYTES (64u << 10) /* 64 KiB of YAML */
/* cmark 0.30.2 (Debian 12) is super-linear on long runs of some constructs
 * (CVE-2023-22486 "![[]()", CVE-2023-22484 "<!--", fixed in 0.30.3):
 * a file holding more than this many "![" or "<!--" is refused before
 * cmark sees it (docs/diagnostics.md).  Real sources hold a few. */
#define AN_FILE_MAX_RISKY 2000

typedef enum { AN_YAML_SCALAR, AN_YAML_SEQ, AN_YAML_MAP } an_yaml_kind;

typedef struct an_yaml an_yaml;
struct an_yaml {
  an_yaml_kind kind;
  int line, column;  /* position in the file */
  char *value;       /* SCALAR: the text; else NULL */
  int plain;         /* SCALAR: 1 when unquoted (so "yes" vs yes matter) */
  size_t len;        /* SEQ/MAP: number of items */
  an_yaml **items;   /* SEQ/MAP: the values */
  char **keys;       /* MAP: the keys (scalar keys only) */
  int *key_lines;    /* MAP: line of each key */
};

typedef struct {
  char *path;      /* as shown in diagnostics, e.g. "input/sources/a.md" */
  char *text;      /* whole file, NUL-terminated, BOM dropped, front matter blanked */
  size_t len;
  size_t *lines;   /* byte offset of the start of each line (0-based index) */
  size_t nlines;
  an_yaml *meta;   /* the front matter mapping, or NULL when there is none */
  int meta_line;   /* line of the opening ---, 0 when none */
  int well_formed; /* 1 when text is well-formed UTF-8 (Unicode table 3-7),
                      which cmark's CMARK_OPT_VALIDATE_UTF8 would leave as
                      it is; 0 when it holds a sequence that the repair
                      (xmlGetUTF8Char) lets through and cmark replaces */
  unsigned char digest[16]; /* XXH3-128 of the bytes as read, before any
                      repair (none for a file refused unread): what an
                      unchanged input is recognised by (build.c) */
  int refused;     /* 1 when the file was not read at all (too large, a
                      folder, a symbolic link out of the input folder, too
                      many risky constructs): text is "", reported in d */
  /* private: the last column computed (an_file_char_column), so that
   * positions along one long line cost linear time, not quadratic */
  size_t col_line, col_byte;
  int col_char;
} an_file;

/* Reads `path` (shown as `display`).  Returns AN_OK, AN_ERR_INPUT (bad
 * content: reported in d) or AN_ERR_IO (reported in d).  On anything but
 * AN_ERR_IO *out is usable and must be released with an_file_free.
 * A folder, a FIFO or device (never opened for reading, so never waited
 * on) or a too large file is refused: AN_ERR_INPUT with out->refused. */
an_status an_file_read(const char *path, const char *display, an_file *out,
                       an_diags *d);
/* The same, and a file whose real path (symbolic links resolved) is not
 * inside the folder `root` is refused as well.  `root` is itself a real
 * path, as realpath() gives it (resolved once for all the files of a
 * folder); NULL checks nothing. */
an_status an_file_read_in(const char *path, const char *display, const char *root,
                          an_file *out, an_diags *d);
/* The same from memory (tests, fuzzing). */
an_status an_file_from_memory(const char *data, size_t len,
                              const char *display, an_file *out,
                              an_diags *d);
void an_file_free(an_file *f);

/* The column in characters of a byte column (both 1-based) on a line. */
int an_file_char_column(const an_file *f, int line, int byte_column);
/* The byte offset of a (line, byte column) position, clamped to the text. */
size_t an_file_offset(const an_file *f, int line, int byte_column);
/* The line and character column (1-based) of a byte offset. */
void an_file_locate(const an_file *f, size_t offset, int *line, int *column);

/* Front-matter lookups; NULL when absent. */
const an_yaml *an_yaml_get(const an_yaml *map, const char *key);
/* The scalar text under key, or NULL (absent or not a scalar). */
const char *an_yaml_str(const an_yaml *map, const char *key);
void an_yaml_free(an_yaml *y);

#endif
