/* site.c - see site.h. */
#define _GNU_SOURCE /* renameat2 */
#include "site.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "buf.h"

struct an_site {
  char *out;     /* the output folder as given */
  char *tmp;     /* the temporary folder beside it */
  char **files;  /* relative paths written, in order */
  size_t nfiles, cap;
};

static int S_cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads a manifest into a sorted list; 0 when it cannot be read. */
static int S_read_manifest(const char *dir, char ***files, size_t *n) {
  an_buf path = AN_BUF_INIT;
  an_buf_printf(&path, "%s/%s", dir, AN_MANIFEST);
  FILE *fp = fopen(an_buf_cstr(&path), "r");
  an_buf_free(&path);
  *files = NULL;
  *n = 0;
  if (!fp) return 0;
  size_t cap = 0;
  char line[4096];
  while (fgets(line, sizeof line, fp)) {
    size_t len = strcspn(line, "\n");
    line[len] = '\0';
    if (!len || line[0] == '#') continue;
    *files = an_xgrow(*files, &cap, *n + 1, sizeof(char *));
    (*files)[(*n)++] = an_xstrdup(line);
  }
  fclose(fp);
  if (*n) qsort(*files, *n, sizeof(char *), S_cmp);
  return 1;
}

static void S_free_list(char **v, size_t n) {
  for (size_t i = 0; i < n; i++) free(v[i]);
  free(v);
}

static int S_listed(char **files, size_t n, const char *rel) {
  return n && bsearch(&rel, files, n, sizeof(char *), S_cmp) != NULL;
}

/* Finds a file under dir (relative path prefix) not in the manifest;
 * returns it (caller frees) or NULL. */
static char *S_unknown_file(const char *dir, const char *prefix, char **files,
                            size_t n) {
  DIR *dp = opendir(dir);
  if (!dp) return NULL;
  struct dirent *e;
  char *found = NULL;
  while (!found && (e = readdir(dp)) != NULL) {
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
    an_buf rel = AN_BUF_INIT, full = AN_BUF_INIT;
    an_buf_printf(&rel, "%s%s", prefix, e->d_name);
    an_buf_printf(&full, "%s/%s", dir, e->d_name);
    struct stat st;
    if (lstat(an_buf_cstr(&full), &st) == 0 && S_ISDIR(st.st_mode)) {
      an_buf_putc(&rel, '/');
      found = S_unknown_file(an_buf_cstr(&full), an_buf_cstr(&rel), files, n);
    } else if (strcmp(an_buf_cstr(&rel), AN_MANIFEST) != 0 &&
               !S_listed(files, n, an_buf_cstr(&rel))) {
      found = an_buf_detach(&rel);
    }
    an_buf_free(&rel);
    an_buf_free(&full);
  }
  closedir(dp);
  return found;
}

static int S_is_empty_dir(const char *dir) {
  DIR *dp = opendir(dir);
  if (!dp) return 0;
  struct dirent *e;
  int empty = 1;
  while (empty && (e = readdir(dp)) != NULL)
    if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) empty = 0;
  closedir(dp);
  return empty;
}

/* Removes the files of a manifest, the manifest, then empty folders. */
static void S_remove_tree(const char *dir, char **files, size_t n) {
  an_buf p = AN_BUF_INIT;
  for (size_t i = 0; i < n; i++) {
    an_buf_clear(&p);
    an_buf_printf(&p, "%s/%s", dir, files[i]);
    unlink(an_buf_cstr(&p));
  }
  an_buf_clear(&p);
  an_buf_printf(&p, "%s/%s", dir, AN_MANIFEST);
  unlink(an_buf_cstr(&p));
  /* folders, deepest first: the reverse of sorted order visits children
   * before their parents */
  for (size_t i = n; i-- > 0;) {
    char *slash = strrchr(files[i], '/');
    while (slash) {
      an_buf_clear(&p);
      an_buf_printf(&p, "%s/%.*s", dir, (int)(slash - files[i]), files[i]);
      rmdir(an_buf_cstr(&p));
      *slash = '\0';
      char *up = strrchr(files[i], '/');
      *slash = '/';
      slash = up;
    }
  }
  rmdir(dir);
  an_buf_free(&p);
}

an_site *an_site_begin(const char *out, an_diags *d) {
  struct stat st;
  if (lstat(out, &st) == 0) {
    if (!S_ISDIR(st.st_mode)) {
      an_diag_io(d, out, "the output folder exists and is not a folder");
      return NULL;
    }
    char **files;
    size_t n;
    if (!S_read_manifest(out, &files, &n)) {
      if (!S_is_empty_dir(out)) {
        an_diag_io(d, out, "the output folder is not empty and was not made by "
                           "annalist (no %s); refusing to replace it", AN_MANIFEST);
        return NULL;
      }
    } else {
      char *unknown = S_unknown_file(out, "", files, n);
      S_free_list(files, n);
      if (unknown) {
        an_diag_io(d, out, "'%s' in the output folder was not written by annalist; "
                           "move it away (the build replaces the whole folder)", unknown);
        free(unknown);
        return NULL;
      }
    }
  } else if (errno != ENOENT) {
    an_diag_io(d, out, "cannot use the output folder: %s", strerror(errno));
    return NULL;
  }
  /* the temporary folder: beside out, hidden */
  char *clean = an_xstrdup(out);
  for (size_t n = strlen(clean); n > 1 && clean[n - 1] == '/'; n--) clean[n - 1] = '\0';
  const char *slash = strrchr(clean, '/');
  an_buf tmpl = AN_BUF_INIT;
  if (slash)
    an_buf_printf(&tmpl, "%.*s/.%s.annalist-XXXXXX", (int)(slash - clean), clean, slash + 1);
  else
    an_buf_printf(&tmpl, ".%s.annalist-XXXXXX", clean);
  char *tmp = an_buf_detach(&tmpl);
  /* the folder that holds out/ is created when missing (mkdir -p) */
  for (char *p = strchr(clean + 1, '/'); p; p = strchr(p + 1, '/')) {
    *p = '\0';
    mkdir(clean, 0755);
    *p = '/';
  }
  if (!mkdtemp(tmp)) {
    an_diag_io(d, out, "cannot create a temporary folder beside the output: %s",
               strerror(errno));
    free(tmp);
    free(clean);
    return NULL;
  }
  chmod(tmp, 0755);
  an_site *s = an_xcalloc(1, sizeof(an_site));
  s->out = clean;
  s->tmp = tmp;
  return s;
}

static int S_valid_rel(const char *rel) {
  if (!*rel || rel[0] == '/') return 0;
  const char *p = rel;
  while (*p) {
    size_t n = strcspn(p, "/");
    if (n == 0 || (n == 1 && p[0] == '.') || (n == 2 && p[0] == '.' && p[1] == '.'))
      return 0;
    p += n;
    if (*p == '/') p++;
    else break;
  }
  return rel[strlen(rel) - 1] != '/';
}

int an_site_write(an_site *s, const char *rel, const void *data, size_t len,
                  an_diags *d) {
  if (!S_valid_rel(rel)) {
    an_diag_io(d, s->out, "refusing to write '%s': not a plain relative path", rel);
    return 0;
  }
  an_buf path = AN_BUF_INIT;
  an_buf_printf(&path, "%s/%s", s->tmp, rel);
  /* create the folders on the way */
  char *p = path.ptr + strlen(s->tmp) + 1;
  for (char *q = strchr(p, '/'); q; q = strchr(q + 1, '/')) {
    *q = '\0';
    if (mkdir(path.ptr, 0755) != 0 && errno != EEXIST) {
      an_diag_io(d, s->out, "cannot create folder '%s': %s", rel, strerror(errno));
      an_buf_free(&path);
      return 0;
    }
    *q = '/';
  }
  int ok = 0;
  int fd = open(an_buf_cstr(&path), O_WRONLY | O_CREAT | O_EXCL, 0644);
  if (fd >= 0) {
    const char *b = data;
    size_t left = len;
    ok = 1;
    while (left) {
      ssize_t w = write(fd, b, left);
      if (w < 0) {
        if (errno == EINTR) continue;
        ok = 0;
        break;
      }
      b += w;
      left -= (size_t)w;
    }
    if (close(fd) != 0) ok = 0;
  }
  if (!ok) an_diag_io(d, s->out, "cannot write '%s': %s", rel, strerror(errno));
  an_buf_free(&path);
  if (ok) {
    s->files = an_xgrow(s->files, &s->cap, s->nfiles + 1, sizeof(char *));
    s->files[s->nfiles++] = an_xstrdup(rel);
  }
  return ok;
}

static void S_free(an_site *s) {
  S_free_list(s->files, s->nfiles);
  free(s->out);
  free(s->tmp);
  free(s);
}

void an_site_abort(an_site *s) {
  if (!s) return;
  if (s->nfiles) qsort(s->files, s->nfiles, sizeof(char *), S_cmp);
  S_remove_tree(s->tmp, s->files, s->nfiles);
  S_free(s);
}

int an_site_commit(an_site *s, an_diags *d) {
  if (s->nfiles) qsort(s->files, s->nfiles, sizeof(char *), S_cmp);
  an_buf man = AN_BUF_INIT;
  an_buf_puts(&man, "# files written by annalist; the next build replaces exactly these\n");
  for (size_t i = 0; i < s->nfiles; i++) an_buf_printf(&man, "%s\n", s->files[i]);
  an_buf path = AN_BUF_INIT;
  an_buf_printf(&path, "%s/%s", s->tmp, AN_MANIFEST);
  FILE *fp = fopen(an_buf_cstr(&path), "w");
  int ok = fp && fwrite(man.ptr, 1, man.len, fp) == man.len;
  if (fp && fclose(fp) != 0) ok = 0;
  an_buf_free(&path);
  an_buf_free(&man);
  if (!ok) {
    an_diag_io(d, s->out, "cannot write the manifest: %s", strerror(errno));
    an_site_abort(s);
    return 0;
  }
  struct stat st;
  if (lstat(s->out, &st) != 0) {
    if (rename(s->tmp, s->out) != 0) {
      an_diag_io(d, s->out, "cannot move the new output in place: %s", strerror(errno));
      an_site_abort(s);
      return 0;
    }
    S_free(s);
    return 1;
  }
  /* swap atomically: afterwards s->tmp holds the previous output */
  if (renameat2(AT_FDCWD, s->tmp, AT_FDCWD, s->out, RENAME_EXCHANGE) != 0) {
    an_diag_io(d, s->out, "cannot swap the new output in place: %s", strerror(errno));
    an_site_abort(s);
    return 0;
  }
  char **old;
  size_t nold;
  S_read_manifest(s->tmp, &old, &nold);
  S_remove_tree(s->tmp, old, nold);
  S_free_list(old, nold);
  S_free(s);
  return 1;
}
