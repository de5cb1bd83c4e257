/* source.c - see source.h.
 *
 * Front matter: the first line is exactly "---" (trailing blanks allowed);
 * it runs to the next line that is exactly "---" or "...".  Between them
 * must stand something non-blank (else the two lines are thematic breaks).
 * It is YAML, parsed by libyaml; aliases are refused (no "billion laughs"),
 * and the YAML is limited in size and nesting. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "source.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/xmlstring.h>
#include <xxhash.h>
#include <yaml.h>

#include "alloc.h"
#include "fault.h"

#define S_YAML_MAX_DEPTH 32

static const char S_REPLACEMENT[] = "\xEF\xBF\xBD"; /* U+FFFD */

/* Line index: \n, \r\n and \r end lines, as in CommonMark.  Most files
 * have no \r: memchr then finds each line end. */
static void S_index_lines(an_file *f) {
  size_t cap = 0;
  f->nlines = 0;
  f->lines = an_xgrow(NULL, &cap, 32, sizeof(size_t));
  f->lines[f->nlines++] = 0;
  if (!memchr(f->text, '\r', f->len)) {
    const char *p = f->text, *end = f->text + f->len;
    while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
      p++;
      f->lines = an_xgrow(f->lines, &cap, f->nlines + 1, sizeof(size_t));
      f->lines[f->nlines++] = (size_t)(p - f->text);
    }
    return;
  }
  for (size_t i = 0; i < f->len; i++) {
    char c = f->text[i];
    if (c == '\r' && i + 1 < f->len && f->text[i + 1] == '\n') i++;
    if (c == '\n' || c == '\r') {
      f->lines = an_xgrow(f->lines, &cap, f->nlines + 1, sizeof(size_t));
      f->lines[f->nlines++] = i + 1;
    }
  }
}

static int S_line_of(const an_file *f, size_t off) {
  size_t lo = 0, hi = f->nlines;
  while (hi - lo > 1) {
    size_t mid = (lo + hi) / 2;
    if (f->lines[mid] <= off) lo = mid; else hi = mid;
  }
  return (int)lo + 1;
}

int an_file_char_column(const an_file *f, int line, int byte_column) {
  if (line < 1 || (size_t)line > f->nlines || byte_column < 1) return byte_column;
  size_t start = f->lines[line - 1], end = start + (size_t)byte_column - 1;
  if (end > f->len) end = f->len;
  int col = 1;
  size_t i = start;
  /* go on from the last position asked on this line (a cache in an
   * otherwise const file: the object itself is never const) */
  if (f->col_line == (size_t)line && f->col_byte <= end && f->col_byte >= start) {
    i = f->col_byte;
    col = f->col_char;
  }
  for (; i < end; i++)
    if (((unsigned char)f->text[i] & 0xC0) != 0x80) col++;
  an_file *m = (an_file *)f;
  m->col_line = (size_t)line;
  m->col_byte = end;
  m->col_char = col;
  return col;
}

size_t an_file_offset(const an_file *f, int line, int byte_column) {
  if (line < 1) return 0;
  if ((size_t)line > f->nlines) return f->len;
  size_t off = f->lines[line - 1] + (size_t)(byte_column > 0 ? byte_column - 1 : 0);
  return off > f->len ? f->len : off;
}

void an_file_locate(const an_file *f, size_t offset, int *line, int *column) {
  *line = S_line_of(f, offset);
  *column = an_file_char_column(f, *line, (int)(offset - f->lines[*line - 1]) + 1);
}

/* 1 when the code point at data[i] (not ASCII) is refused: what
 * xmlGetUTF8Char refuses, and surrogates; *n its length otherwise, and
 * *formed cleared unless it is well-formed UTF-8 (xmlGetUTF8Char lets
 * overlong forms, values above U+10FFFF and continuation bytes as lead
 * bytes through; cmark does not). */
static int S_bad_utf8(const char *data, size_t i, size_t len, int *n, int *formed) {
  const unsigned char *s = (const unsigned char *)data + i;
  *n = (int)(len - i > 4 ? 4 : len - i);
  int v = xmlGetUTF8Char(s, n);
  if (v < 0 || (v >= 0xD800 && v <= 0xDFFF)) return 1;
  if (!(*n == 2 ? s[0] >= 0xC2 && s[0] <= 0xDF
        : *n == 3 ? (s[0] & 0xF0) == 0xE0 && v >= 0x800
        : *n == 4 ? (s[0] & 0xF8) == 0xF0 && v >= 0x10000 && v <= 0x10FFFF : 0))
    *formed = 0;
  return 0;
}

/* The offset of the first byte from i on that S_clean replaces (a NUL, or
 * refused UTF-8), or len; *formed cleared if what comes before it is not
 * well-formed.  ASCII is skipped eight bytes at a time. */
static size_t S_first_bad(const char *data, size_t i, size_t len, int *formed) {
  const uint64_t high = 0x8080808080808080u, ones = 0x0101010101010101u;
  while (i < len) {
    uint64_t w;
    /* eight ASCII bytes, none of them NUL */
    while (len - i >= 8 && (memcpy(&w, data + i, 8), !(w & high) && !((w - ones) & ~w & high)))
      i += 8;
    if (i == len) break;
    unsigned char c = (unsigned char)data[i];
    if (c == 0) return i;
    if (c < 0x80) {
      i++;
      continue;
    }
    int n;
    if (S_bad_utf8(data, i, len, &n, formed)) return i;
    i += (size_t)n;
  }
  return len;
}

/* Makes raw (len bytes, NUL-terminated, owned by the caller until now)
 * f->text, replacing NUL bytes and invalid UTF-8 with U+FFFD (as cmark
 * would) and dropping a leading BOM; reports the first of each.  A file
 * with nothing to replace keeps its buffer: no copy. */
static void S_clean(an_file *f, char *raw, size_t len, an_diags *d) {
  size_t i = 0, bad = 0, nul = 0, bad_off = 0, nul_off = 0;
  if (len >= 3 && memcmp(raw, "\xEF\xBB\xBF", 3) == 0) i = 3;
  f->well_formed = 1;
  size_t first = S_first_bad(raw, i, len, &f->well_formed);
  if (first == len) {
    memmove(raw, raw + i, len - i + 1); /* the NUL too */
    f->text = raw;
    f->len = len - i;
    S_index_lines(f);
    return;
  }
  const char *data = raw;
  an_buf out = AN_BUF_INIT;
  an_buf_put(&out, data + i, first - i);
  i = first;
  while (i < len) {
    unsigned char c = (unsigned char)data[i];
    if (c == 0) {
      if (!nul++) nul_off = out.len;
      an_buf_puts(&out, S_REPLACEMENT);
      i++;
      continue;
    }
    if (c < 0x80) {
      size_t j = i + 1;
      while (j < len && (unsigned char)data[j] < 0x80 && data[j]) j++;
      an_buf_put(&out, data + i, j - i);
      i = j;
      continue;
    }
    int n;
    if (S_bad_utf8(data, i, len, &n, &f->well_formed)) {
      if (!bad++) bad_off = out.len;
      an_buf_puts(&out, S_REPLACEMENT);
      i++;
      continue;
    }
    an_buf_put(&out, data + i, (size_t)n);
    i += (size_t)n;
  }
  free(raw);
  f->len = out.len;
  f->text = an_buf_detach(&out);
  S_index_lines(f);
  if (nul) {
    int line = S_line_of(f, nul_off);
    an_diag_add(d, AN_WARNING, f->path, line,
                an_file_char_column(f, line, (int)(nul_off - f->lines[line - 1]) + 1),
                "%zu NUL byte%s replaced with U+FFFD", nul, nul == 1 ? "" : "s");
  }
  if (bad) {
    int line = S_line_of(f, bad_off);
    an_diag_add(d, AN_WARNING, f->path, line,
                an_file_char_column(f, line, (int)(bad_off - f->lines[line - 1]) + 1),
                "%zu byte%s of invalid UTF-8 replaced with U+FFFD; is the file "
                "saved as UTF-8?", bad, bad == 1 ? "" : "s");
  }
}

/* Length of line i without its line ending. */
static size_t S_line_len(const an_file *f, size_t i) {
  size_t s = f->lines[i], e = i + 1 < f->nlines ? f->lines[i + 1] : f->len;
  while (e > s && (f->text[e - 1] == '\n' || f->text[e - 1] == '\r')) e--;
  return e - s;
}

static int S_is_fence(const an_file *f, size_t i, const char *fence) {
  const char *s = f->text + f->lines[i];
  size_t n = S_line_len(f, i);
  if (n < 3 || memcmp(s, fence, 3) != 0) return 0;
  for (size_t k = 3; k < n; k++)
    if (s[k] != ' ' && s[k] != '\t') return 0;
  return 1;
}

/* ---- YAML into an_yaml ---- */

typedef struct {
  yaml_parser_t parser;
  const an_file *file;
  int line0;        /* file line of the YAML's first line, minus 1 */
  an_diags *d;
  int failed;
} S_yaml;

static an_yaml *S_node_new(an_yaml_kind kind, const S_yaml *y, yaml_mark_t m) {
  an_yaml *n = an_xcalloc(1, sizeof(an_yaml));
  n->kind = kind;
  n->line = y->line0 + (int)m.line + 1;
  n->column = (int)m.column + 1;
  return n;
}

void an_yaml_free(an_yaml *y) {
  if (!y) return;
  for (size_t i = 0; i < y->len; i++) {
    an_yaml_free(y->items[i]);
    if (y->keys) free(y->keys[i]);
  }
  free(y->items);
  free(y->keys);
  free(y->key_lines);
  free(y->value);
  free(y);
}

static void S_yaml_error(S_yaml *y, yaml_mark_t m, const char *msg) {
  if (y->failed) return;
  y->failed = 1;
  an_diag_add(y->d, AN_ERROR, y->file->path, y->line0 + (int)m.line + 1,
              (int)m.column + 1, "front matter: %s", msg);
}

static an_yaml *S_parse_node(S_yaml *y, yaml_event_t *ev, int depth);

/* Parses the children of a sequence or mapping whose start event was
 * consumed; ends on the matching end event. */
static void S_parse_children(S_yaml *y, an_yaml *n, int depth) {
  size_t cap = 0, kcap = 0, lcap = 0;
  for (;;) {
    yaml_event_t ev;
    if (!yaml_parser_parse(&y->parser, &ev)) {
      S_yaml_error(y, y->parser.problem_mark,
                   y->parser.problem ? y->parser.problem : "unreadable YAML");
      return;
    }
    if (ev.type == YAML_SEQUENCE_END_EVENT || ev.type == YAML_MAPPING_END_EVENT) {
      yaml_event_delete(&ev);
      return;
    }
    char *key = NULL;
    int key_line = 0;
    if (n->kind == AN_YAML_MAP) {
      if (ev.type != YAML_SCALAR_EVENT) {
        S_yaml_error(y, ev.start_mark, "keys must be plain words");
        yaml_event_delete(&ev);
        return;
      }
      key = an_xstrndup((const char *)ev.data.scalar.value, ev.data.scalar.length);
      key_line = y->line0 + (int)ev.start_mark.line + 1;
      for (size_t i = 0; i < n->len; i++) {
        if (strcmp(n->keys[i], key) == 0) {
          an_buf msg = AN_BUF_INIT;
          an_buf_printf(&msg, "key '%s' is given twice", key);
          S_yaml_error(y, ev.start_mark, an_buf_cstr(&msg));
          an_buf_free(&msg);
          break;
        }
      }
      yaml_event_delete(&ev);
      if (y->failed || !yaml_parser_parse(&y->parser, &ev)) {
        if (!y->failed)
          S_yaml_error(y, y->parser.problem_mark,
                       y->parser.problem ? y->parser.problem : "unreadable YAML");
        free(key);
        return;
      }
    }
    an_yaml *child = S_parse_node(y, &ev, depth + 1);
    yaml_event_delete(&ev);
    if (!child) {
      free(key);
      return;
    }
    n->items = an_xgrow(n->items, &cap, n->len + 1, sizeof(an_yaml *));
    if (n->kind == AN_YAML_MAP) {
      n->keys = an_xgrow(n->keys, &kcap, n->len + 1, sizeof(char *));
      n->key_lines = an_xgrow(n->key_lines, &lcap, n->len + 1, sizeof(int));
      n->keys[n->len] = key;
      n->key_lines[n->len] = key_line;
    }
    n->items[n->len++] = child;
  }
}

static an_yaml *S_parse_node(S_yaml *y, yaml_event_t *ev, int depth) {
  if (depth > S_YAML_MAX_DEPTH) {
    S_yaml_error(y, ev->start_mark, "nested too deeply");
    return NULL;
  }
  an_yaml *n;
  switch (ev->type) {
  case YAML_SCALAR_EVENT:
    n = S_node_new(AN_YAML_SCALAR, y, ev->start_mark);
    n->value = an_xstrndup((const char *)ev->data.scalar.value, ev->data.scalar.length);
    n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
    return n;
  case YAML_SEQUENCE_START_EVENT:
  case YAML_MAPPING_START_EVENT:
    n = S_node_new(ev->type == YAML_SEQUENCE_START_EVENT ? AN_YAML_SEQ : AN_YAML_MAP,
                   y, ev->start_mark);
    S_parse_children(y, n, depth);
    if (y->failed) {
      an_yaml_free(n);
      return NULL;
    }
    return n;
  case YAML_ALIAS_EVENT:
    S_yaml_error(y, ev->start_mark,
                 "aliases (*name) are not allowed; write the value out");
    return NULL;
  default:
    S_yaml_error(y, ev->start_mark, "unexpected YAML");
    return NULL;
  }
}

/* Parses the YAML text; returns the root mapping or NULL (reported). */
static an_yaml *S_parse_yaml(const an_file *f, const char *yaml, size_t len,
                             int first_line, an_diags *d) {
  S_yaml y;
  memset(&y, 0, sizeof y);
  y.file = f;
  y.line0 = first_line - 1;
  y.d = d;
  if (!yaml_parser_initialize(&y.parser)) {
    an_diag_add(d, AN_ERROR, f->path, first_line, 0, "front matter: YAML parser failed");
    return NULL;
  }
  yaml_parser_set_input_string(&y.parser, (const unsigned char *)yaml, len);
  an_yaml *root = NULL;
  int docs = 0;
  for (;;) {
    yaml_event_t ev;
    if (!yaml_parser_parse(&y.parser, &ev)) {
      S_yaml_error(&y, y.parser.problem_mark,
                   y.parser.problem ? y.parser.problem : "unreadable YAML");
      break;
    }
    yaml_event_type_t t = ev.type;
    if (t == YAML_STREAM_END_EVENT) {
      yaml_event_delete(&ev);
      break;
    }
    if (t == YAML_DOCUMENT_START_EVENT && ++docs > 1) {
      S_yaml_error(&y, ev.start_mark, "only one YAML document is allowed");
      yaml_event_delete(&ev);
      break;
    }
    if (t == YAML_SCALAR_EVENT || t == YAML_SEQUENCE_START_EVENT ||
        t == YAML_MAPPING_START_EVENT || t == YAML_ALIAS_EVENT) {
      an_yaml *n = S_parse_node(&y, &ev, 0);
      yaml_event_delete(&ev);
      if (!n) break;
      if (n->kind != AN_YAML_MAP) {
        yaml_mark_t m = {0, 0, 0};
        m.line = (size_t)(n->line - first_line);
        m.column = (size_t)(n->column - 1);
        S_yaml_error(&y, m, "must be a mapping of 'key: value' lines");
        an_yaml_free(n);
        break;
      }
      root = n;
      continue;
    }
    yaml_event_delete(&ev);
  }
  yaml_parser_delete(&y.parser);
  if (y.failed) {
    an_yaml_free(root);
    return NULL;
  }
  return root;
}

static an_status S_split_front_matter(an_file *f, an_diags *d) {
  if (f->nlines < 2 || !S_is_fence(f, 0, "---")) return AN_OK;
  size_t close = 0;
  for (size_t i = 1; i < f->nlines; i++)
    if (S_is_fence(f, i, "---") || S_is_fence(f, i, "...")) {
      close = i;
      break;
    }
  if (!close) {
    an_diag_add(d, AN_ERROR, f->path, 1, 1,
                "front matter opened here is never closed; end it with a line '---'");
    return AN_ERR_INPUT;
  }
  size_t start = f->lines[1], end = f->lines[close];
  int blank = 1;
  for (size_t i = start; i < end; i++)
    if (f->text[i] != ' ' && f->text[i] != '\t' && f->text[i] != '\n' &&
        f->text[i] != '\r')
      blank = 0;
  if (blank) return AN_OK; /* two thematic breaks, not front matter */
  if (end - start > AN_FRONT_MATTER_MAX_BYTES) {
    an_diag_add(d, AN_ERROR, f->path, 1, 1,
                "front matter is larger than %u KiB", AN_FRONT_MATTER_MAX_BYTES >> 10);
    return AN_ERR_INPUT;
  }
  f->meta_line = 1;
  f->meta = S_parse_yaml(f, f->text + start, end - start, 2, d);
  /* Blank every front-matter line, the fences included. */
  size_t stop = close + 1 < f->nlines ? f->lines[close + 1] : f->len;
  for (size_t i = 0; i < stop; i++)
    if (f->text[i] != '\n' && f->text[i] != '\r') f->text[i] = ' ';
  f->col_line = 0; /* the text changed */
  return f->meta ? AN_OK : AN_ERR_INPUT;
}

/* Makes f an empty, refused file (its diagnostic already given). */
static an_status S_refuse(an_file *f) {
  free(f->text);
  free(f->lines);
  an_yaml_free(f->meta);
  f->meta = NULL;
  f->meta_line = 0;
  f->text = an_xstrdup("");
  f->len = 0;
  f->col_line = 0;
  S_index_lines(f);
  f->refused = 1;
  return AN_ERR_INPUT;
}

/* Refuses a file with more than AN_FILE_MAX_RISKY of a construct on which
 * cmark 0.30.2 is super-linear (source.h); 1 when refused. */
static int S_risky(an_file *f, an_diags *d) {
  static const char *const pats[] = {"![", "<!--"};
  static const char *const cves[] = {"CVE-2023-22486", "CVE-2023-22484"};
  const char *end = f->text + f->len;
  for (size_t k = 0; k < 2; k++) {
    size_t n = 0, plen = strlen(pats[k]);
    /* the text holds no NUL (S_clean): memchr for the rare first byte */
    for (const char *p = f->text; (p = memchr(p, pats[k][0], (size_t)(end - p))) != NULL;) {
      if ((size_t)(end - p) < plen || memcmp(p, pats[k], plen) != 0) {
        p++;
        continue;
      }
      if (++n <= AN_FILE_MAX_RISKY) {
        p += plen;
        continue;
      }
      int line, col;
      an_file_locate(f, (size_t)(p - f->text), &line, &col);
      an_diag_add(d, AN_ERROR, f->path, line, col,
                  "more than %d '%s' in one file; the Markdown parser of this "
                  "system (cmark 0.30.2) slows down steeply on them (%s), so "
                  "the file is not read: split it, or remove the HTML "
                  "comments and images", AN_FILE_MAX_RISKY, pats[k], cves[k]);
      return 1;
    }
  }
  return 0;
}

/* an_file_from_memory, from a buffer that f takes over: raw holds len
 * bytes and a NUL. */
static an_status S_from_buffer(char *raw, size_t len, const char *display,
                               an_file *f, an_diags *d) {
  memset(f, 0, sizeof *f);
  f->path = an_xstrdup(display);
  XXH128_canonical_t sum;
  XXH128_canonicalFromHash(&sum, XXH3_128bits(raw, len));
  memcpy(f->digest, sum.digest, sizeof f->digest);
  S_clean(f, raw, len, d);
  if (S_risky(f, d)) return S_refuse(f);
  return S_split_front_matter(f, d);
}

an_status an_file_from_memory(const char *data, size_t len, const char *display,
                              an_file *f, an_diags *d) {
  char *raw = an_xmalloc(len + 1);
  if (len) memcpy(raw, data, len);
  raw[len] = '\0';
  return S_from_buffer(raw, len, display, f, d);
}

/* Reads fd to its end into a new buffer (NUL-terminated; the caller frees
 * it) sized for `size` bytes, the size fstat gave; stops once it holds
 * more than AN_FILE_MAX_BYTES (the file grew while being read).  NULL
 * with *err set on a failed read. */
static char *S_read_all(int fd, size_t size, size_t *len, int *err) {
  size_t cap = size + 2; /* the bytes, one more to see the end, the NUL */
  char *buf = an_xmalloc(cap);
  *len = 0;
  *err = 0;
  for (;;) {
    if (cap - *len < 2) buf = an_xgrow(buf, &cap, cap + 1, 1);
    ssize_t n = an_fault_io() ? -1 : read(fd, buf + *len, cap - 1 - *len);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      *err = errno;
      free(buf);
      return NULL;
    }
    if (n == 0) break;
    *len += (size_t)n;
    if (*len > AN_FILE_MAX_BYTES) break;
  }
  buf[*len] = '\0';
  return buf;
}

/* 1 when the real path of `path` lies inside `root` (a real path);
 * *target receives the real path (caller frees) when it does not. */
static int S_inside(const char *path, const char *root, char **target) {
  *target = NULL;
  char *rp = realpath(path, NULL);
  int inside = 1;
  if (rp) {
    size_t n = strlen(root);
    inside = strncmp(rp, root, n) == 0 && (rp[n] == '/' || (n == 1 && root[0] == '/'));
    if (!inside) *target = an_xstrdup(rp);
  }
  free(rp);
  return inside; /* unresolvable (dangling): open() reports it */
}

an_status an_file_read_in(const char *path, const char *display, const char *root,
                          an_file *f, an_diags *d) {
  memset(f, 0, sizeof *f);
  char *target;
  if (root && !S_inside(path, root, &target)) {
    an_diag_add(d, AN_ERROR, display, 0, 0,
                "is a symbolic link to '%s', outside the input folder; it is "
                "not read (copy the file into the input folder instead)", target);
    free(target);
    f->path = an_xstrdup(display);
    return S_refuse(f);
  }
  /* O_NONBLOCK: a FIFO is refused below instead of waited on */
  int fd = an_fault_io() ? -1 : open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    an_diag_io(d, display, "cannot read: %s", strerror(errno));
    return AN_ERR_IO;
  }
  struct stat st;
  if (an_fault_io() || fstat(fd, &st) != 0) {
    an_diag_io(d, display, "cannot read: %s", strerror(errno));
    close(fd);
    return AN_ERR_IO;
  }
  if (!S_ISREG(st.st_mode) || (unsigned long long)st.st_size > AN_FILE_MAX_BYTES) {
    close(fd);
    if (S_ISDIR(st.st_mode))
      an_diag_add(d, AN_ERROR, display, 0, 0,
                  "is a folder, not a file; rename it (files ending in .md are "
                  "read as Markdown)");
    else if (!S_ISREG(st.st_mode))
      an_diag_add(d, AN_ERROR, display, 0, 0,
                  "is not a regular file (a FIFO, socket or device); it is not read");
    else
      an_diag_add(d, AN_ERROR, display, 0, 0, "file is larger than %u MiB; it is not read",
                  AN_FILE_MAX_BYTES >> 20);
    f->path = an_xstrdup(display);
    return S_refuse(f);
  }
  size_t len;
  int err;
  char *raw = S_read_all(fd, (size_t)st.st_size, &len, &err);
  close(fd);
  if (!raw) {
    an_diag_io(d, display, "cannot read: %s", strerror(err));
    return AN_ERR_IO;
  }
  return S_from_buffer(raw, len, display, f, d);
}

an_status an_file_read(const char *path, const char *display, an_file *f,
                       an_diags *d) {
  return an_file_read_in(path, display, NULL, f, d);
}

void an_file_free(an_file *f) {
  free(f->path);
  free(f->text);
  free(f->lines);
  an_yaml_free(f->meta);
  memset(f, 0, sizeof *f);
}

const an_yaml *an_yaml_get(const an_yaml *map, const char *key) {
  if (!map || map->kind != AN_YAML_MAP) return NULL;
  for (size_t i = 0; i < map->len; i++)
    if (strcmp(map->keys[i], key) == 0) return map->items[i];
  return NULL;
}

const char *an_yaml_str(const an_yaml *map, const char *key) {
  const an_yaml *v = an_yaml_get(map, key);
  return v && v->kind == AN_YAML_SCALAR ? v->value : NULL;
}
