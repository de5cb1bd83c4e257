/* test_site.c - the output folder: all or nothing, never a foreign file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../gen/site.h"
#include "check.h"

static char base[256];

static int exists(const char *rel) {
  char p[512];
  struct stat st;
  snprintf(p, sizeof p, "%s/%s", base, rel);
  return stat(p, &st) == 0;
}

static char *slurp(const char *rel) {
  static char buf[256];
  char p[512];
  snprintf(p, sizeof p, "%s/%s", base, rel);
  FILE *f = fopen(p, "rb");
  if (!f) return NULL;
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  buf[n] = 0;
  fclose(f);
  return buf;
}

static int count_entries(void) {
  char cmd[600];
  snprintf(cmd, sizeof cmd, "ls -A '%s' | wc -l", base);
  FILE *p = popen(cmd, "r");
  int n = -1;
  if (p) {
    if (fscanf(p, "%d", &n) != 1) n = -1;
    pclose(p);
  }
  return n;
}

int main(void) {
  snprintf(base, sizeof base, "%s/annalist-site-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
  if (!mkdtemp(base)) return 1;
  char out[300];
  snprintf(out, sizeof out, "%s/out", base);
  an_diags *d = an_diags_new();

  /* a first build creates the folder, its subfolders and a manifest */
  an_site *s = an_site_begin(out, d);
  CHECK(s != NULL);
  CHECK(an_site_write(s, "index.html", "one", 3, d));
  CHECK(an_site_write(s, "sources/a.html", "A", 1, d));
  CHECK(!exists("out"));             /* nothing visible before the commit */
  CHECK(an_site_commit(s, d));
  CHECK_STR(slurp("out/index.html"), "one");
  CHECK_STR(slurp("out/sources/a.html"), "A");
  CHECK(strstr(slurp("out/.annalist-manifest"), "sources/a.html\n") != NULL);
  CHECK_INT(count_entries(), 1);     /* no temporary folder left beside it */

  /* a second build replaces it; files it no longer makes are gone */
  s = an_site_begin(out, d);
  CHECK(an_site_write(s, "index.html", "two", 3, d));
  CHECK(an_site_commit(s, d));
  CHECK_STR(slurp("out/index.html"), "two");
  CHECK(!exists("out/sources/a.html"));
  CHECK(!exists("out/sources"));
  CHECK_INT(count_entries(), 1);

  /* an aborted build leaves the previous output as it was */
  s = an_site_begin(out, d);
  CHECK(an_site_write(s, "index.html", "three", 5, d));
  an_site_abort(s);
  CHECK_STR(slurp("out/index.html"), "two");
  CHECK_INT(count_entries(), 1);

  /* paths that could leave the folder are refused */
  s = an_site_begin(out, d);
  CHECK(!an_site_write(s, "../escape", "x", 1, d));
  CHECK(!an_site_write(s, "/abs", "x", 1, d));
  CHECK(!an_site_write(s, "a/../../b", "x", 1, d));
  CHECK(!an_site_write(s, "a//b", "x", 1, d));
  CHECK(!an_site_write(s, "", "x", 1, d));
  an_site_abort(s);
  CHECK(!exists("escape"));
  CHECK_INT(an_diags_status(d, 0), AN_ERR_IO);
  an_diags_free(d);
  d = an_diags_new();

  /* a file annalist did not write is kept as it is, never deleted... */
  {
    char cname[400];
    snprintf(cname, sizeof cname, "%s/CNAME", out);
    FILE *f = fopen(cname, "w");
    fputs("example.org\n", f);
    fclose(f);
    mkdir(strcat(strcpy((char[400]){0}, out), "/img"), 0755);
    snprintf(cname, sizeof cname, "%s/img/logo.png", out);
    f = fopen(cname, "w");
    fputs("PNG", f);
    fclose(f);
  }
  s = an_site_begin(out, d);
  CHECK(s != NULL);
  CHECK(an_site_write(s, "index.html", "four", 4, d));
  CHECK(an_site_commit(s, d));
  CHECK_STR(slurp("out/CNAME"), "example.org\n");
  CHECK_STR(slurp("out/img/logo.png"), "PNG");
  CHECK(strstr(slurp("out/.annalist-manifest"), "CNAME") == NULL);
  /* ... and never overwritten */
  s = an_site_begin(out, d);
  CHECK(!an_site_write(s, "CNAME", "x", 1, d));
  CHECK(strstr(an_diags_at(d, an_diags_len(d) - 1)->message, "not written by annalist") != NULL);
  an_site_abort(s);
  CHECK_STR(slurp("out/CNAME"), "example.org\n");
  an_diags_free(d);
  d = an_diags_new();

  /* an unchanged file keeps its bytes and modification time (same inode);
   * a changed one is rewritten */
  {
    char p1[400], p2[400];
    struct stat a, b, c1, c2;
    snprintf(p1, sizeof p1, "%s/index.html", out);
    snprintf(p2, sizeof p2, "%s/other.html", out);
    s = an_site_begin(out, d);
    an_site_write(s, "index.html", "four", 4, d);
    an_site_write(s, "other.html", "v1", 2, d);
    CHECK(an_site_commit(s, d));
    stat(p1, &a);
    stat(p2, &c1);
    s = an_site_begin(out, d);
    an_site_write(s, "index.html", "four", 4, d);
    an_site_write(s, "other.html", "v2", 2, d);
    CHECK(an_site_commit(s, d));
    stat(p1, &b);
    stat(p2, &c2);
    CHECK(a.st_ino == b.st_ino && a.st_mtime == b.st_mtime);
    CHECK(c1.st_ino != c2.st_ino);
    CHECK_STR(slurp("out/other.html"), "v2");
  }

  /* a file written piecewise: the same guarantees */
  {
    char p1[400], p2[400];
    struct stat a, b, c1, c2;
    snprintf(p1, sizeof p1, "%s/big.json", out);
    snprintf(p2, sizeof p2, "%s/more.json", out);
    /* pieces of every size, across the writer's chunks */
    size_t big_len = 300000;
    char *big = malloc(big_len);
    for (size_t i = 0; i < big_len; i++) big[i] = (char)('a' + i % 23);
    s = an_site_begin(out, d);
    an_site_file *f = an_site_open(s, "big.json", d);
    CHECK(f != NULL);
    for (size_t at = 0, step = 1; at < big_len; at += step, step = step * 3 + 1)
      CHECK(an_site_put(f, big + at, at + step > big_len ? big_len - at : step));
    CHECK(an_site_close(f, d));
    f = an_site_open(s, "more.json", d);
    CHECK(an_site_put(f, "v1", 2) && an_site_close(f, d));
    CHECK(!exists("out/big.json")); /* nothing visible before the commit */
    CHECK(an_site_commit(s, d));
    CHECK_STR(slurp("out/more.json"), "v1");
    stat(p1, &a);
    stat(p2, &c1);
    CHECK(a.st_size == (off_t)big_len);
    {
      FILE *fp = fopen(p1, "rb");
      char *back = malloc(big_len);
      CHECK(fp && fread(back, 1, big_len, fp) == big_len && memcmp(back, big, big_len) == 0);
      if (fp) fclose(fp);
      free(back);
    }
    CHECK(strstr(slurp("out/.annalist-manifest"), "big.json\n") != NULL);
    sleep(1); /* a rewritten file would get a later modification time */
    /* the same bytes: the previous file itself; changed bytes (the same
     * length, or a prefix of the previous): rewritten */
    s = an_site_begin(out, d);
    f = an_site_open(s, "big.json", d);
    CHECK(an_site_put(f, big, 100000) && an_site_put(f, big + 100000, big_len - 100000));
    CHECK(an_site_close(f, d));
    f = an_site_open(s, "more.json", d);
    CHECK(an_site_put(f, "v", 1) && an_site_close(f, d));
    CHECK(an_site_commit(s, d));
    stat(p1, &b);
    stat(p2, &c2);
    CHECK(a.st_ino == b.st_ino && a.st_mtime == b.st_mtime);
    CHECK(c1.st_ino != c2.st_ino);
    CHECK_STR(slurp("out/more.json"), "v");
    big[big_len - 1] = '!';
    s = an_site_begin(out, d);
    f = an_site_open(s, "big.json", d);
    CHECK(an_site_put(f, big, big_len) && an_site_close(f, d));
    f = an_site_open(s, "more.json", d);
    CHECK(an_site_put(f, "v!", 2) && an_site_close(f, d));
    CHECK(an_site_commit(s, d));
    stat(p1, &c1);
    CHECK(c1.st_ino != b.st_ino && c1.st_mtime != b.st_mtime);
    CHECK_STR(slurp("out/more.json"), "v!");
    free(big);
    /* a stream dropped half-way leaves nothing, in the new folder or
     * (after the commit) in the output; the previous file goes, as any
     * file the build no longer makes */
    s = an_site_begin(out, d);
    f = an_site_open(s, "more.json", d);
    CHECK(an_site_put(f, "half", 4));
    an_site_cancel(f);
    f = an_site_open(s, "sub/gone.json", d);
    CHECK(f != NULL);
    an_site_cancel(f);
    /* ... and the file can then be written again */
    f = an_site_open(s, "other.json", d);
    CHECK(an_site_put(f, "ok", 2) && an_site_close(f, d));
    CHECK(an_site_commit(s, d));
    CHECK(!exists("out/more.json") && !exists("out/sub/gone.json"));
    CHECK_STR(slurp("out/other.json"), "ok");
    CHECK(strstr(slurp("out/.annalist-manifest"), "more.json") == NULL);
    /* the same paths are refused as by an_site_write; a file written twice
     * too */
    s = an_site_begin(out, d);
    CHECK(an_site_open(s, "../escape", d) == NULL);
    CHECK(an_site_open(s, "/abs", d) == NULL);
    CHECK(an_site_open(s, "a/./b", d) == NULL);
    CHECK(an_site_open(s, "", d) == NULL);
    CHECK(an_site_open(s, ".annalist-manifest", d) == NULL);
    CHECK(an_site_open(s, "CNAME", d) == NULL); /* not written by annalist */
    CHECK(an_site_write(s, "twice", "x", 1, d));
    CHECK(an_site_open(s, "twice", d) == NULL);
    an_site_abort(s);
    CHECK(!exists("escape"));
    CHECK_STR(slurp("out/CNAME"), "example.org\n");
    CHECK_INT(an_diags_status(d, 0), AN_ERR_IO);
    an_diags_free(d);
    d = an_diags_new();
  }

  /* the temporary folder of a killed build is removed by the next one */
  {
    char stale[400], f[500];
    snprintf(stale, sizeof stale, "%s/.out.annalist-999999-abcdef", base);
    mkdir(stale, 0755);
    snprintf(f, sizeof f, "%s/half.html", stale);
    fclose(fopen(f, "w"));
    s = an_site_begin(out, d);
    an_site_abort(s);
    CHECK(!exists(".out.annalist-999999-abcdef"));
  }

  /* a folder annalist never wrote into: its files stay; a file in the
   * way of the output folder is refused */
  char other[300];
  snprintf(other, sizeof other, "%s/foreign", base);
  mkdir(other, 0755);
  snprintf(other, sizeof other, "%s/foreign/keep", base);
  fclose(fopen(other, "w"));
  snprintf(other, sizeof other, "%s/foreign", base);
  s = an_site_begin(other, d);
  CHECK(s != NULL);
  CHECK(an_site_write(s, "index.html", "x", 1, d));
  CHECK(an_site_commit(s, d));
  CHECK(exists("foreign/keep") && exists("foreign/index.html"));
  snprintf(other, sizeof other, "%s/foreign/keep", base);
  CHECK(an_site_begin(other, d) == NULL);
  /* an empty folder is fine; a trailing slash too */
  snprintf(other, sizeof other, "%s/empty/", base);
  mkdir(other, 0755);
  s = an_site_begin(other, d);
  CHECK(s != NULL);
  CHECK(an_site_write(s, "x.txt", "x", 1, d));
  CHECK(an_site_commit(s, d));
  CHECK_STR(slurp("empty/x.txt"), "x");
  /* missing parent folders of the output are created */
  snprintf(other, sizeof other, "%s/deep/er/out", base);
  s = an_site_begin(other, d);
  CHECK(s != NULL);
  CHECK(an_site_write(s, "x.txt", "x", 1, d));
  CHECK(an_site_commit(s, d));
  CHECK_STR(slurp("deep/er/out/x.txt"), "x");
  an_diags_free(d);

  char cmd[600];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", base);
  if (system(cmd) != 0) return 1;
  return check_report();
}
