/* test_source.c - reading files: front matter, line numbers, bad bytes. */
#define _XOPEN_SOURCE 700 /* realpath, symlink */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmark.h>
#include <libxml/xmlstring.h>

#include "../../gen/source.h"
#include "check.h"

static an_status load(const char *text, an_file *f, an_diags **d) {
  *d = an_diags_new();
  return an_file_from_memory(text, strlen(text), "t.md", f, *d);
}

static const char *first_message(an_diags *d) {
  return an_diags_len(d) ? an_diags_at(d, 0)->message : "";
}

/* ---- an oracle: the cleaning and the line index the slow way ---- */

/* in[0 .. n) cleaned into out (room for 3 n + 1): a BOM dropped, a NUL
 * and each byte xmlGetUTF8Char refuses (or a surrogate) as U+FFFD. */
static size_t S_oracle_clean(const char *in, size_t n, char *out, size_t *nul,
                             size_t *bad) {
  size_t k = 0, i = n >= 3 && memcmp(in, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  *nul = *bad = 0;
  while (i < n) {
    int len = (int)(n - i < 4 ? n - i : 4);
    int v = in[i] ? xmlGetUTF8Char((const unsigned char *)in + i, &len) : -2;
    if (v == -2 || v < 0 || (v >= 0xD800 && v <= 0xDFFF)) {
      ++*(v == -2 ? nul : bad);
      memcpy(out + k, "\xEF\xBF\xBD", 3);
      k += 3;
      i++;
    } else {
      memcpy(out + k, in + i, (size_t)len);
      k += (size_t)len;
      i += (size_t)len;
    }
  }
  out[k] = '\0';
  return k;
}

/* 1 when s[0 .. n) is well-formed UTF-8, by Unicode table 3-7. */
static int S_oracle_well_formed(const unsigned char *s, size_t n) {
  for (size_t i = 0; i < n;) {
    unsigned c = s[i], lo = 0x80, hi = 0xBF;
    size_t k;
    if (c < 0x80) {
      i++;
      continue;
    }
    if (c >= 0xC2 && c <= 0xDF) k = 1;
    else if (c >= 0xE0 && c <= 0xEF) k = 2, lo = c == 0xE0 ? 0xA0 : lo, hi = c == 0xED ? 0x9F : hi;
    else if (c >= 0xF0 && c <= 0xF4) k = 3, lo = c == 0xF0 ? 0x90 : lo, hi = c == 0xF4 ? 0x8F : hi;
    else return 0;
    if (n - i <= k || s[i + 1] < lo || s[i + 1] > hi) return 0;
    for (size_t j = 2; j <= k; j++)
      if ((s[i + j] & 0xC0) != 0x80) return 0;
    i += k + 1;
  }
  return 1;
}

/* 1 when f's lines start where the oracle's do: at 0, and after each \n,
 * each \r\n and each other \r. */
static int S_lines_right(const an_file *f) {
  size_t k = 0;
  if (!f->nlines || f->lines[k++] != 0) return 0;
  for (size_t i = 0; i < f->len; i++) {
    if (f->text[i] == '\r' && i + 1 < f->len && f->text[i + 1] == '\n') continue;
    if (f->text[i] != '\r' && f->text[i] != '\n') continue;
    if (k >= f->nlines || f->lines[k++] != i + 1) return 0;
  }
  return k == f->nlines;
}

/* Random bytes around the eight-byte steps of the fast path: the text,
 * the lines and the warnings are the oracle's; well_formed is the
 * oracle's, and where it is set cmark's UTF-8 check changes nothing. */
static void S_differential(void) {
  static const char *const pieces[] = {
      "a", "b", "[", " ", "\n", "\r", "\r\n", "\xC3\xA9", "\xE2\x82\xAC",
      "\xF0\x9F\x98\x80", "\xFF", "\x80", "\xC3", "\xED\xA0\x80", "\xEF\xBB\xBF",
      /* let through by xmlGetUTF8Char, replaced by cmark: overlong forms,
       * above U+10FFFF, a continuation byte as lead; then the extremes */
      "\xC0\x80", "\xC1\xBF", "\xE0\x80\x80", "\xF0\x80\x80\x80", "\xF4\x90\x80\x80",
      "\xF5\x80\x80\x80", "\xA5\x80", "\xF4\x8F\xBF\xBF", "\xEF\xBF\xBE", "\xC2\x80"};
  const size_t npieces = sizeof pieces / sizeof pieces[0];
  size_t formed = 0;
  int same = 1;
  for (int round = 0; round < 20000 && same; round++) {
    char in[128], want[400];
    size_t n = 0, len = check_rand(40);
    if (check_rand(8) == 0) {
      memcpy(in, "\xEF\xBB\xBF", 3);
      n = 3;
    }
    while (n < len) {
      size_t k = check_rand(40);
      if (k == 0) in[n++] = '\0';
      else if (k < 16) {
        const char *p = pieces[check_rand(npieces)];
        while (*p && n < sizeof in) in[n++] = *p++;
      } else in[n++] = (char)('a' + k % 26);
    }
    size_t nul, bad, wlen = S_oracle_clean(in, n, want, &nul, &bad);
    an_file f;
    an_diags *d = an_diags_new();
    an_status st = an_file_from_memory(in, n, "r.md", &f, d);
    same = st == AN_OK && f.len == wlen && memcmp(f.text, want, wlen + 1) == 0 &&
           S_lines_right(&f) && an_diags_len(d) == (size_t)(nul > 0) + (bad > 0);
    char msg[64];
    for (size_t i = 0; same && i < an_diags_len(d); i++) {
      const char *m = an_diags_at(d, i)->message;
      snprintf(msg, sizeof msg, "%zu ", strstr(m, "NUL") ? nul : bad);
      same = strncmp(m, msg, strlen(msg)) == 0;
    }
    same = same && f.well_formed == S_oracle_well_formed((const unsigned char *)want, wlen);
    if (same && f.well_formed) {
      char *checked = cmark_markdown_to_html(f.text, f.len, CMARK_OPT_VALIDATE_UTF8);
      char *unchecked = cmark_markdown_to_html(f.text, f.len, 0);
      same = strcmp(checked, unchecked) == 0;
      free(checked);
      free(unchecked);
      formed++;
    }
    if (!same) {
      fprintf(stderr, "differs on:");
      for (size_t i = 0; i < n; i++) fprintf(stderr, " %02X", (unsigned char)in[i]);
      fprintf(stderr, "\n");
    }
    an_file_free(&f);
    an_diags_free(d);
  }
  CHECK(same);
  CHECK(formed > 1000 && formed < 19000); /* both kinds were tried */
}

/* A file read from disk is the same as from memory, whatever its size
 * (empty, and larger than any one read). */
static void S_read_sizes(void) {
  static const size_t sizes[] = {0, 1, 4095, 65536, 65537, 200000};
  char path[256];
  snprintf(path, sizeof path, "%s/annalist-source-XXXXXX",
           getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
  int fd = mkstemp(path);
  CHECK(fd >= 0);
  if (fd < 0) return;
  close(fd);
  for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
    size_t n = sizes[k];
    char *data = malloc(n + 1);
    for (size_t i = 0; i < n; i++) data[i] = i % 61 == 60 ? '\n' : (char)('a' + i % 26);
    if (n > 70000) data[n - 7] = '\xFF'; /* the slow path, late in the file */
    FILE *fp = fopen(path, "wb");
    if (fp) {
      fwrite(data, 1, n, fp);
      fclose(fp);
    }
    an_file a, b;
    an_diags *d = an_diags_new();
    CHECK_INT(an_file_read(path, "f.md", &a, d), AN_OK);
    CHECK_INT(an_file_from_memory(data, n, "f.md", &b, d), AN_OK);
    CHECK(a.len == b.len && memcmp(a.text, b.text, a.len + 1) == 0 &&
          a.nlines == b.nlines && a.nlines == n / 61 + 1 &&
          memcmp(a.lines, b.lines, a.nlines * sizeof *a.lines) == 0);
    CHECK_INT(an_diags_len(d), n > 70000 ? 2 : 0);
    an_file_free(&a);
    an_file_free(&b);
    an_diags_free(d);
    free(data);
  }
  unlink(path);
}

/* In a folder whose real path is the root: a file, and a symbolic link
 * to it, are read; a symbolic link out of it, and a root given by a path
 * that is not its real one (here "dir/."), are refused. */
static void S_links(void) {
  char dir[256], cmd[600], path[512], link[512], out[512], dotted[300];
  snprintf(dir, sizeof dir, "%s/annalist-links-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
  if (!mkdtemp(dir)) return;
  char *root = realpath(dir, NULL);
  snprintf(path, sizeof path, "%s/a.md", dir);
  snprintf(link, sizeof link, "%s/b.md", dir);
  snprintf(out, sizeof out, "%s/c.md", dir);
  snprintf(dotted, sizeof dotted, "%s/.", root ? root : dir);
  FILE *fp = fopen(path, "wb");
  if (fp) {
    fputs("text\n", fp);
    fclose(fp);
  }
  CHECK(symlink("a.md", link) == 0 && symlink("/etc/hostname", out) == 0);
  an_file f;
  an_diags *d = an_diags_new();
  CHECK_INT(an_file_read_in(path, "a.md", root, &f, d), AN_OK);
  CHECK_STR(f.text, "text\n");
  an_file_free(&f);
  CHECK_INT(an_file_read_in(link, "b.md", root, &f, d), AN_OK);
  CHECK_STR(f.text, "text\n");
  an_file_free(&f);
  CHECK_INT(an_diags_len(d), 0);
  CHECK_INT(an_file_read_in(out, "c.md", root, &f, d), AN_ERR_INPUT);
  CHECK(f.refused && an_diags_len(d) == 1);
  an_file_free(&f);
  CHECK_INT(an_file_read_in(path, "a.md", dotted, &f, d), AN_ERR_INPUT);
  an_file_free(&f);
  CHECK_INT(an_file_read_in(out, "c.md", NULL, &f, d), AN_OK); /* no root: no check */
  an_file_free(&f);
  an_diags_free(d);
  free(root);
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  CHECK(system(cmd) == 0);
}

int main(void) {
  an_file f;
  an_diags *d;

  /* front matter is split off and its lines blanked, not removed */
  CHECK_INT(load("---\ntitle: T\npublished: 2023-12-28\n---\n\n# Head\n", &f, &d), AN_OK);
  CHECK_STR(an_yaml_str(f.meta, "title"), "T");
  CHECK_STR(an_yaml_str(f.meta, "published"), "2023-12-28");
  CHECK_INT(f.nlines, 7);
  CHECK(strstr(f.text, "title") == NULL);
  CHECK(strncmp(f.text + f.lines[5], "# Head", 6) == 0);
  CHECK_INT(an_diags_len(d), 0);
  an_file_free(&f);
  an_diags_free(d);

  /* no front matter: the whole file is the body */
  CHECK_INT(load("Just text.\n", &f, &d), AN_OK);
  CHECK(f.meta == NULL);
  CHECK_STR(f.text, "Just text.\n");
  an_file_free(&f);
  an_diags_free(d);

  /* two thematic breaks are not an empty front matter */
  CHECK_INT(load("---\n\n---\nText\n", &f, &d), AN_OK);
  CHECK(f.meta == NULL);
  CHECK(strncmp(f.text, "---", 3) == 0);
  an_file_free(&f);
  an_diags_free(d);

  /* "..." closes too; trailing blanks on fences are fine */
  CHECK_INT(load("---  \nname: X\n...\nBody\n", &f, &d), AN_OK);
  CHECK_STR(an_yaml_str(f.meta, "name"), "X");
  an_file_free(&f);
  an_diags_free(d);

  /* unterminated front matter */
  CHECK_INT(load("---\ntitle: T\n\nBody\n", &f, &d), AN_ERR_INPUT);
  CHECK(strstr(first_message(d), "never closed") != NULL);
  CHECK_INT(an_diags_at(d, 0)->line, 1);
  an_file_free(&f);
  an_diags_free(d);

  /* not a mapping */
  CHECK_INT(load("---\n- a\n- b\n---\n", &f, &d), AN_ERR_INPUT);
  CHECK(strstr(first_message(d), "must be a mapping") != NULL);
  CHECK_INT(an_diags_at(d, 0)->line, 2);
  an_file_free(&f);
  an_diags_free(d);

  /* a YAML syntax error is reported at its line in the file */
  CHECK_INT(load("---\ntitle: ok\nname: [unclosed\n---\n", &f, &d), AN_ERR_INPUT);
  CHECK(an_diags_len(d) == 1 && an_diags_at(d, 0)->line >= 3);
  an_file_free(&f);
  an_diags_free(d);

  /* aliases are refused: no billion laughs */
  CHECK_INT(load("---\na: &x [1, 2]\nb: [*x, *x]\n---\n", &f, &d), AN_ERR_INPUT);
  CHECK(strstr(first_message(d), "aliases") != NULL);
  CHECK_INT(an_diags_at(d, 0)->line, 3);
  an_file_free(&f);
  an_diags_free(d);

  /* a key given twice */
  CHECK_INT(load("---\ntitle: a\ntitle: b\n---\n", &f, &d), AN_ERR_INPUT);
  CHECK(strstr(first_message(d), "given twice") != NULL);
  an_file_free(&f);
  an_diags_free(d);

  /* lists and nested values keep their shape; quoted scalars are marked */
  CHECK_INT(load("---\naliases: [Tokyo, \"Nippon\"]\nmember-of: japan\n---\n", &f, &d), AN_OK);
  {
    const an_yaml *a = an_yaml_get(f.meta, "aliases");
    CHECK(a && a->kind == AN_YAML_SEQ && a->len == 2);
    CHECK_STR(a->items[1]->value, "Nippon");
    CHECK(a->items[0]->plain && !a->items[1]->plain);
    CHECK_INT(a->items[0]->line, 2);
    CHECK(an_yaml_str(f.meta, "aliases") == NULL);
  }
  an_file_free(&f);
  an_diags_free(d);

  /* a BOM is dropped; CRLF line ends keep line numbers */
  CHECK_INT(load("\xEF\xBB\xBF---\r\ntitle: T\r\n---\r\n\r\nBody\r\n", &f, &d), AN_OK);
  CHECK_STR(an_yaml_str(f.meta, "title"), "T");
  CHECK_INT(f.nlines, 6);
  CHECK(strncmp(f.text + f.lines[4], "Body", 4) == 0);
  an_file_free(&f);
  an_diags_free(d);

  /* CR-only line ends count as lines too */
  CHECK_INT(load("a\rb\rc", &f, &d), AN_OK);
  CHECK_INT(f.nlines, 3);
  an_file_free(&f);
  an_diags_free(d);

  /* NUL bytes and bad UTF-8 become U+FFFD with a warning at the first */
  CHECK_INT(load("ok\nab\xff" "cd\n", &f, &d), AN_OK);
  CHECK(strstr(f.text, "ab\xEF\xBF\xBD" "cd") != NULL);
  CHECK_INT(an_diags_len(d), 1);
  CHECK_INT(an_diags_at(d, 0)->severity, AN_WARNING);
  CHECK_INT(an_diags_at(d, 0)->line, 2);
  CHECK_INT(an_diags_at(d, 0)->column, 3);
  an_file_free(&f);
  an_diags_free(d);
  {
    const char nul[] = "a\0b\n";
    d = an_diags_new();
    CHECK_INT(an_file_from_memory(nul, 4, "t.md", &f, d), AN_OK);
    CHECK(strstr(f.text, "a\xEF\xBF\xBD" "b") != NULL);
    CHECK(strstr(first_message(d), "NUL") != NULL);
    an_file_free(&f);
    an_diags_free(d);
  }
  /* an overlong encoding and a lone surrogate are invalid */
  CHECK_INT(load("\xC0\xAF and \xED\xA0\x80\n", &f, &d), AN_OK);
  CHECK_INT(an_diags_len(d), 1);
  an_file_free(&f);
  an_diags_free(d);

  /* columns count characters, not bytes */
  CHECK_INT(load("\xC3\xA9t\xC3\xA9 [x](@a)\n", &f, &d), AN_OK);
  CHECK_INT(an_file_char_column(&f, 1, 7), 5);
  {
    int line, col;
    an_file_locate(&f, 6, &line, &col);
    CHECK_INT(line, 1);
    CHECK_INT(col, 5);
  }
  an_file_free(&f);
  an_diags_free(d);

  /* a file that cannot be read is an I/O failure */
  d = an_diags_new();
  CHECK_INT(an_file_read("/nonexistent/x.md", "x.md", &f, d), AN_ERR_IO);
  CHECK(an_diags_len(d) == 1 && an_diags_at(d, 0)->io);
  an_diags_free(d);

  /* a folder is refused (bad input, not I/O): nothing read, f released */
  d = an_diags_new();
  CHECK_INT(an_file_read("/", "root", &f, d), AN_ERR_INPUT);
  CHECK(f.refused && f.len == 0 && an_diags_len(d) == 1 && !an_diags_at(d, 0)->io);
  an_file_free(&f);
  an_diags_free(d);

  /* a symbolic link out of the root folder is refused */
  d = an_diags_new();
  CHECK_INT(an_file_read_in("/etc/hostname", "x.md", "/tmp", &f, d), AN_ERR_INPUT);
  CHECK(f.refused && an_diags_len(d) == 1);
  an_file_free(&f);
  an_diags_free(d);
  S_links();

  /* too many "![" (cmark 0.30.2 is super-linear on them): refused */
  {
    an_buf b = AN_BUF_INIT;
    for (int i = 0; i <= AN_FILE_MAX_RISKY; i++) an_buf_puts(&b, "![[]()");
    d = an_diags_new();
    CHECK_INT(an_file_from_memory(b.ptr, b.len, "r.md", &f, d), AN_ERR_INPUT);
    CHECK(f.refused && f.len == 0 && an_diags_len(d) == 1);
    CHECK(an_diags_at(d, 0)->line == 1 && an_diags_at(d, 0)->column == 6 * AN_FILE_MAX_RISKY + 1);
    an_file_free(&f);
    an_diags_free(d);
    an_buf_free(&b);
  }

  /* exactly the limit of "<!--" is read; one more is refused, at it; a
   * "!" or "<" alone, or at the very end, counts for nothing */
  for (int extra = 0; extra <= 1; extra++) {
    an_buf b = AN_BUF_INIT;
    an_buf_puts(&b, "! <! <!- x\n");
    for (int i = 0; i < AN_FILE_MAX_RISKY + extra; i++) an_buf_puts(&b, "<!--<");
    an_buf_puts(&b, "!");
    d = an_diags_new();
    CHECK_INT(an_file_from_memory(b.ptr, b.len, "h.md", &f, d), extra ? AN_ERR_INPUT : AN_OK);
    CHECK_INT(an_diags_len(d), extra);
    if (extra && an_diags_len(d) == 1)
      CHECK(an_diags_at(d, 0)->line == 2 && an_diags_at(d, 0)->column == 5 * AN_FILE_MAX_RISKY + 1);
    an_file_free(&f);
    an_diags_free(d);
    an_buf_free(&b);
  }

  S_differential();
  S_read_sizes();

  /* columns along one long line: the cache gives the same answers */
  {
    const char *t = "\xc3\xa9t\xc3\xa9 [a](@b) [c](@d)\n";
    d = an_diags_new();
    an_file_from_memory(t, strlen(t), "c.md", &f, d);
    CHECK_INT(an_file_char_column(&f, 1, 9), 7);
    CHECK_INT(an_file_char_column(&f, 1, 20), 18);
    CHECK_INT(an_file_char_column(&f, 1, 4), 3);
    CHECK_INT(an_file_char_column(&f, 1, 9), 7);
    an_file_free(&f);
    an_diags_free(d);
  }

  return check_report();
}
