/* fuzz_build.c - libFuzzer harness: the whole build (an_build) of a
 * one-file input folder in a temporary folder.
 *
 * The input is split at lines "%%%%": the first part is sources/a.md,
 * a second part (optional) replaces actors/japan.md and a third the
 * briefing.md.  A fixed briefing and two actors are used otherwise.  The
 * build writes into OUT inside the temporary folder, so the manifest,
 * the swap and the diagram child all run; nothing outside it is touched.
 * The templates folder is AN_FUZZ_TEMPLATES (set at compile time) or
 * $ANNALIST_TEMPLATES. */
#include <dirent.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "build.h"

#ifndef AN_FUZZ_TEMPLATES
#define AN_FUZZ_TEMPLATES "templates"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char S_root[256];

static void S_write(const char *rel, const char *data, size_t len) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", S_root, rel);
  FILE *fp = fopen(path, "wb");
  if (!fp) abort();
  if (len && fwrite(data, 1, len, fp) != len) abort();
  fclose(fp);
}

/* rm -r of what a build may leave: out/, out/sources/, the files. */
static void S_rm_tree(const char *dir) {
  DIR *dp = opendir(dir);
  if (!dp) return;
  struct dirent *e;
  while ((e = readdir(dp)) != NULL) {
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
    char p[1024];
    snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
    if (unlink(p) != 0) S_rm_tree(p);
  }
  closedir(dp);
  rmdir(dir);
}

static pid_t S_owner;

static void S_cleanup(void) { /* at exit, in this process only */
  if (*S_root && getpid() == S_owner) S_rm_tree(S_root);
}

static const char S_BRIEFING[] = "---\ntitle: Fuzz briefing\ndate: 2023-12-29\n---\n\nSummary.\n";
static const char S_JAPAN[] = "---\nname: Japan\nkind: state\naliases: [Tokyo]\n---\n";
static const char S_RUSSIA[] = "---\nname: Russia\nkind: state\nmember-of: japan\n---\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > (256u << 10)) return 0;
  if (!*S_root) {
    const char *t = getenv("TMPDIR");
    snprintf(S_root, sizeof S_root, "%s/annalist-fuzz-XXXXXX", t && *t ? t : "/tmp");
    if (!mkdtemp(S_root)) abort();
    S_owner = getpid();
    atexit(S_cleanup);
  }
  char sub[600];
  snprintf(sub, sizeof sub, "%s/in", S_root);
  S_rm_tree(sub);
  snprintf(sub, sizeof sub, "%s/out", S_root);
  S_rm_tree(sub);
  snprintf(sub, sizeof sub, "%s/in", S_root);
  mkdir(sub, 0755);
  snprintf(sub, sizeof sub, "%s/in/sources", S_root);
  mkdir(sub, 0755);
  snprintf(sub, sizeof sub, "%s/in/actors", S_root);
  mkdir(sub, 0755);

  const char *parts[3] = {NULL, NULL, NULL};
  size_t lens[3] = {0, 0, 0};
  const char *p = (const char *)data, *end = p + size;
  for (int i = 0; i < 3; i++) {
    if (p > end) break;
    const char *sep = NULL;
    for (const char *q = p; q + 5 <= end; q++)
      if (!memcmp(q, "%%%%\n", 5) && (q == (const char *)data || q[-1] == '\n')) {
        sep = q;
        break;
      }
    parts[i] = p;
    lens[i] = (size_t)((sep && i < 2 ? sep : end) - p);
    if (!sep || i == 2) break;
    p = sep + 5;
  }
  S_write("in/sources/a.md", parts[0] ? parts[0] : "", lens[0]);
  S_write("in/actors/japan.md", parts[1] ? parts[1] : S_JAPAN,
          parts[1] ? lens[1] : sizeof S_JAPAN - 1);
  S_write("in/actors/russia.md", S_RUSSIA, sizeof S_RUSSIA - 1);
  S_write("in/briefing.md", parts[2] ? parts[2] : S_BRIEFING,
          parts[2] ? lens[2] : sizeof S_BRIEFING - 1);

  char in[600], out[600];
  snprintf(in, sizeof in, "%s/in", S_root);
  snprintf(out, sizeof out, "%s/out", S_root);
  const char *tdir = getenv("ANNALIST_TEMPLATES");
  an_buf report = AN_BUF_INIT;
  an_build_opts o = {.input = in, .output = out,
                     .templates = tdir && *tdir ? tdir : AN_FUZZ_TEMPLATES,
                     .events = &report}; /* the rest 0 */
  an_diags *d = an_diags_new();
  an_status st = an_build(&o, d);
  an_buf_free(&report);
  /* a build of a readable folder into a fresh temporary folder is never
   * an I/O failure */
  if (st == AN_ERR_IO) {
    an_diags_sort(d);
    an_buf msg = AN_BUF_INIT;
    for (size_t i = 0; i < an_diags_len(d); i++) an_diag_format(an_diags_at(d, i), AN_DIAG_GCC, &msg);
    fprintf(stderr, "unexpected I/O failure:\n%s", an_buf_cstr(&msg));
    an_buf_free(&msg);
    abort();
  }
  an_diags_free(d);
  return 0;
}
