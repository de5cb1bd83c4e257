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

  /* a file annalist did not write stops the build before anything happens */
  FILE *f = fopen(strcat(strcpy((char[400]){0}, out), "/CNAME"), "w");
  fputs("example.org\n", f);
  fclose(f);
  CHECK(an_site_begin(out, d) == NULL);
  CHECK(strstr(an_diags_at(d, 0)->message, "'CNAME'") != NULL);
  CHECK(exists("out/CNAME") && exists("out/index.html"));

  /* a foreign non-empty folder, and a file in the way, are refused */
  char other[300];
  snprintf(other, sizeof other, "%s/foreign", base);
  mkdir(other, 0755);
  snprintf(other, sizeof other, "%s/foreign/keep", base);
  fclose(fopen(other, "w"));
  snprintf(other, sizeof other, "%s/foreign", base);
  CHECK(an_site_begin(other, d) == NULL);
  CHECK(exists("foreign/keep"));
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
