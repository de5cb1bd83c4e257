/* test_source.c - reading files: front matter, line numbers, bad bytes. */
#include <string.h>

#include "../../gen/source.h"
#include "check.h"

static an_status load(const char *text, an_file *f, an_diags **d) {
  *d = an_diags_new();
  return an_file_from_memory(text, strlen(text), "t.md", f, *d);
}

static const char *first_message(an_diags *d) {
  return an_diags_len(d) ? an_diags_at(d, 0)->message : "";
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
