/* site.c - see site.h. */
#define _GNU_SOURCE /* renameat2 */
#include "site.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "alloc.h"
#include "buf.h"
#include "fault.h"

/* Sorted lists of manifest lines: a path, or a path, a tab and the key
 * of the input its file was made from (an_site_write_keyed).  Lines
 * compare by their path. */
typedef struct {
  char **v;
  size_t n, cap;
} S_list;

struct an_site {
  char *out;      /* the output folder as given, without trailing '/' */
  char *tmp;      /* the temporary folder beside it */
  int had_out;    /* the output folder existed */
  S_list old;     /* the previous manifest, sorted */
  S_list foreign; /* files in the output folder not in it, sorted */
  S_list files;   /* files written by this build */
  char *old_input; /* the previous build's input key, or NULL */
  char *input;     /* this build's, or NULL */
};

/* The manifest line that records the input key (a comment to a reader
 * that does not know it). */
#define S_INPUT "# input "

/* strcmp of the paths of two lines (a tab ends a path). */
static int S_pathcmp(const char *a, const char *b) {
  for (size_t i = 0;; i++) {
    unsigned char x = a[i] == '\t' ? 0 : (unsigned char)a[i];
    unsigned char y = b[i] == '\t' ? 0 : (unsigned char)b[i];
    if (x != y || !x) return (int)x - (int)y;
  }
}

static int S_cmp(const void *a, const void *b) {
  return S_pathcmp(*(char *const *)a, *(char *const *)b);
}

static void S_push(S_list *l, const char *s) {
  l->v = an_xgrow(l->v, &l->cap, l->n + 1, sizeof(char *));
  l->v[l->n++] = an_xstrdup(s);
}

static void S_sort(S_list *l) {
  if (l->n) qsort(l->v, l->n, sizeof(char *), S_cmp);
}

/* The line of path s, or NULL. */
static const char *S_line(const S_list *l, const char *s) {
  char **at = l->n ? bsearch(&s, l->v, l->n, sizeof(char *), S_cmp) : NULL;
  return at ? *at : NULL;
}

static int S_has(const S_list *l, const char *s) { return S_line(l, s) != NULL; }

static void S_clear(S_list *l) {
  for (size_t i = 0; i < l->n; i++) free(l->v[i]);
  free(l->v);
  memset(l, 0, sizeof *l);
}

/* Reads a manifest (and its input key into *input); 0 when there is
 * none, -1 when it cannot be read. */
static int S_read_manifest(const char *dir, S_list *l, char **input) {
  an_buf path = AN_BUF_INIT;
  an_buf_printf(&path, "%s/%s", dir, AN_MANIFEST);
  FILE *fp = an_fault_io() ? NULL : fopen(an_buf_cstr(&path), "r");
  an_buf_free(&path);
  if (!fp) return errno == ENOENT ? 0 : -1;
  char line[4096];
  while (fgets(line, sizeof line, fp)) {
    size_t len = strcspn(line, "\n");
    line[len] = '\0';
    if (strncmp(line, S_INPUT, strlen(S_INPUT)) == 0 && !*input)
      *input = an_xstrdup(line + strlen(S_INPUT));
    else if (len && line[0] != '#')
      S_push(l, line);
  }
  fclose(fp);
  S_sort(l);
  return 1;
}

/* Every file (not folder) under dir, as relative paths. */
static void S_walk(const char *dir, const char *prefix, S_list *out) {
  DIR *dp = opendir(dir);
  if (!dp) return;
  struct dirent *e;
  while ((e = readdir(dp)) != NULL) {
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
    an_buf rel = AN_BUF_INIT, full = AN_BUF_INIT;
    an_buf_printf(&rel, "%s%s", prefix, e->d_name);
    an_buf_printf(&full, "%s/%s", dir, e->d_name);
    struct stat st;
    if (lstat(an_buf_cstr(&full), &st) == 0 && S_ISDIR(st.st_mode)) {
      an_buf_putc(&rel, '/');
      S_walk(an_buf_cstr(&full), an_buf_cstr(&rel), out);
    } else {
      S_push(out, an_buf_cstr(&rel));
    }
    an_buf_free(&rel);
    an_buf_free(&full);
  }
  closedir(dp);
}

/* Creates the folders leading to dir/rel. */
static int S_make_parents(const char *dir, const char *rel) {
  an_buf p = AN_BUF_INIT;
  an_buf_printf(&p, "%s/%s", dir, rel);
  int ok = 1;
  char *start = p.ptr + strlen(dir) + 1;
  for (char *q = strchr(start, '/'); q && ok; q = strchr(q + 1, '/')) {
    *q = '\0';
    if (an_fault_io() || (mkdir(p.ptr, 0755) != 0 && errno != EEXIST)) ok = 0;
    *q = '/';
  }
  an_buf_free(&p);
  return ok;
}

/* Removes the given files under dir, then every folder left empty, then
 * dir itself if empty. */
static void S_remove_files(const char *dir, const S_list *files) {
  an_buf p = AN_BUF_INIT;
  for (size_t i = 0; i < files->n; i++) {
    an_buf_clear(&p);
    an_buf_printf(&p, "%s/%s", dir, files->v[i]);
    unlink(an_buf_cstr(&p));
  }
  /* folders, deepest first: reverse sorted order visits children first */
  for (size_t i = files->n; i-- > 0;) {
    const char *f = files->v[i];
    for (size_t k = strlen(f); k-- > 0;) {
      if (f[k] != '/') continue;
      an_buf_clear(&p);
      an_buf_printf(&p, "%s/%.*s", dir, (int)k, f);
      rmdir(an_buf_cstr(&p));
    }
  }
  rmdir(dir);
  an_buf_free(&p);
}

/* Removes everything under a folder that only annalist ever wrote (a
 * temporary folder of ours). */
static void S_remove_all(const char *dir) {
  S_list all = {0};
  S_walk(dir, "", &all);
  S_sort(&all);
  S_remove_files(dir, &all);
  S_clear(&all);
}

/* Temporary folders of builds that were killed: ".<out>.annalist-<pid>-X"
 * beside out whose process is gone. */
static void S_remove_stale(const char *parent, const char *base) {
  DIR *dp = opendir(parent);
  if (!dp) return;
  an_buf prefix = AN_BUF_INIT;
  an_buf_printf(&prefix, ".%s.annalist-", base);
  struct dirent *e;
  while ((e = readdir(dp)) != NULL) {
    if (strncmp(e->d_name, prefix.ptr, prefix.len) != 0) continue;
    char *end;
    long pid = strtol(e->d_name + prefix.len, &end, 10);
    if (pid <= 0 || *end != '-' || pid == (long)getpid()) continue;
    if (kill((pid_t)pid, 0) == 0 || errno != ESRCH) continue; /* still running */
    an_buf p = AN_BUF_INIT;
    an_buf_printf(&p, "%s/%s", parent, e->d_name);
    S_remove_all(an_buf_cstr(&p));
    an_buf_free(&p);
  }
  closedir(dp);
  an_buf_free(&prefix);
}

static void S_free_early(an_site *s);

an_site *an_site_begin(const char *out_arg, an_diags *d) {
  char *out = an_xstrdup(out_arg);
  for (size_t n = strlen(out); n > 1 && out[n - 1] == '/'; n--) out[n - 1] = '\0';
  struct stat st;
  int had_out = !an_fault_io() && lstat(out, &st) == 0;
  if (had_out && !S_ISDIR(st.st_mode)) {
    an_diag_io(d, out, "the output folder exists and is not a folder");
    free(out);
    return NULL;
  }
  if (!had_out && errno != ENOENT) {
    an_diag_io(d, out, "cannot use the output folder: %s", strerror(errno));
    free(out);
    return NULL;
  }
  /* a read-only folder would be swapped out but never emptied */
  if (had_out && (an_fault_io() || access(out, W_OK) != 0)) {
    an_diag_io(d, out, "the output folder is not writable: %s", strerror(errno));
    free(out);
    return NULL;
  }
  an_site *s = an_xcalloc(1, sizeof(an_site));
  s->out = out;
  s->had_out = had_out;
  if (had_out && S_read_manifest(out, &s->old, &s->old_input) < 0) {
    an_diag_io(d, out, "cannot read %s/%s: %s", out, AN_MANIFEST, strerror(errno));
    S_free_early(s);
    return NULL;
  }
  if (had_out) {
    S_list all = {0};
    S_walk(out, "", &all);
    for (size_t i = 0; i < all.n; i++)
      if (strcmp(all.v[i], AN_MANIFEST) != 0 && !S_has(&s->old, all.v[i]))
        S_push(&s->foreign, all.v[i]);
    S_clear(&all);
    S_sort(&s->foreign);
  }
  /* the temporary folder: beside out, hidden, named after this process */
  const char *slash = strrchr(out, '/');
  an_buf parent = AN_BUF_INIT, tmpl = AN_BUF_INIT;
  if (slash == out) an_buf_puts(&parent, "/");
  else if (slash) an_buf_put(&parent, out, (size_t)(slash - out));
  else an_buf_puts(&parent, ".");
  const char *base = slash ? slash + 1 : out;
  /* the folder that holds out/ is created when missing (mkdir -p) */
  for (char *p = strchr(parent.ptr + 1, '/'); p; p = strchr(p + 1, '/')) {
    *p = '\0';
    mkdir(parent.ptr, 0755);
    *p = '/';
  }
  mkdir(parent.ptr, 0755);
  S_remove_stale(parent.ptr, base);
  an_buf_printf(&tmpl, "%s/.%s.annalist-%ld-XXXXXX", parent.ptr, base, (long)getpid());
  an_buf_free(&parent);
  s->tmp = an_buf_detach(&tmpl);
  if (an_fault_io() || !mkdtemp(s->tmp)) {
    an_diag_io(d, out, "cannot create a temporary folder beside the output: %s",
               strerror(errno));
    S_clear(&s->old);
    S_clear(&s->foreign);
    free(s->old_input);
    free(s->tmp);
    free(s->out);
    free(s);
    return NULL;
  }
  chmod(s->tmp, 0755);
  return s;
}

static int S_valid_rel(const char *rel) {
  if (!*rel || rel[0] == '/' || rel[strlen(rel) - 1] == '/') return 0;
  for (const char *p = rel; *p;) {
    size_t n = strcspn(p, "/");
    if (n == 0 || (n == 1 && p[0] == '.') || (n == 2 && p[0] == '.' && p[1] == '.'))
      return 0;
    p += n;
    if (*p == '/') p++;
  }
  return strcmp(rel, AN_MANIFEST) != 0;
}

/* 1 when the file at path holds exactly data. */
static int S_same_bytes(const char *path, const void *data, size_t len) {
  struct stat st;
  if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode) || (size_t)st.st_size != len)
    return 0;
  FILE *fp = fopen(path, "rb");
  if (!fp) return 0;
  char buf[65536];
  const char *p = data;
  size_t left = len, n;
  int same = 1;
  while (same && (n = fread(buf, 1, sizeof buf, fp)) > 0) {
    if (n > left || memcmp(buf, p, n) != 0) same = 0;
    p += n;
    left -= n;
  }
  fclose(fp);
  return same && left == 0;
}

/* Creates a file that must not exist yet; -1 on failure (errno set). */
static int S_create(const char *path) {
  return an_fault_io() ? -1 : open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
}

/* Writes all of data to fd; 0 on failure (errno set). */
static int S_write_all(int fd, const void *data, size_t len) {
  const char *b = data;
  size_t left = len;
  while (left) {
    ssize_t w = an_fault_io() ? -1 : write(fd, b, left);
    if (w < 0) {
      if (errno == EINTR) continue;
      return 0;
    }
    b += w;
    left -= (size_t)w;
  }
  return 1;
}

static int S_close(int fd) { return close(fd) == 0 && !an_fault_io(); }

static int S_write_file(const char *path, const void *data, size_t len) {
  int fd = S_create(path);
  if (fd < 0) return 0;
  int ok = S_write_all(fd, data, len);
  if (!S_close(fd)) ok = 0;
  return ok;
}

/* rel is a path the build may write (reported in d when not). */
static int S_may_write(an_site *s, const char *rel, an_diags *d) {
  if (!S_valid_rel(rel)) {
    an_diag_io(d, s->out, "refusing to write '%s': not a plain relative path", rel);
    return 0;
  }
  if (S_has(&s->foreign, rel)) {
    an_diag_io(d, s->out, "'%s' in the output folder was not written by annalist "
                          "and the build would replace it; move it away", rel);
    return 0;
  }
  if (!S_make_parents(s->tmp, rel)) {
    an_diag_io(d, s->out, "cannot create the folder of '%s': %s", rel, strerror(errno));
    return 0;
  }
  return 1;
}

/* Records rel (and its key) as written by this build. */
static void S_wrote(an_site *s, const char *rel, const char *key) {
  if (!key) {
    S_push(&s->files, rel);
    return;
  }
  an_buf line = AN_BUF_INIT;
  an_buf_printf(&line, "%s\t%s", rel, key);
  S_push(&s->files, an_buf_cstr(&line));
  an_buf_free(&line);
}

int an_site_write_keyed(an_site *s, const char *rel, const char *key,
                        const void *data, size_t len, an_diags *d) {
  if (!S_may_write(s, rel, d)) return 0;
  an_buf path = AN_BUF_INIT, old = AN_BUF_INIT;
  an_buf_printf(&path, "%s/%s", s->tmp, rel);
  an_buf_printf(&old, "%s/%s", s->out, rel);
  /* unchanged: keep the previous file itself (bytes and mtime) */
  int ok = S_has(&s->old, rel) && S_same_bytes(an_buf_cstr(&old), data, len) &&
           link(an_buf_cstr(&old), an_buf_cstr(&path)) == 0;
  if (!ok) ok = S_write_file(an_buf_cstr(&path), data, len);
  if (!ok) an_diag_io(d, s->out, "cannot write '%s': %s", rel, strerror(errno));
  an_buf_free(&path);
  an_buf_free(&old);
  if (ok) S_wrote(s, rel, key);
  return ok;
}

int an_site_write(an_site *s, const char *rel, const void *data, size_t len,
                  an_diags *d) {
  return an_site_write_keyed(s, rel, NULL, data, len, d);
}

int an_site_had(const an_site *s, const char *rel, const char *key) {
  const char *line = key ? S_line(&s->old, rel) : NULL;
  const char *tab = line ? strchr(line, '\t') : NULL;
  return tab && strcmp(tab + 1, key) == 0;
}

/* Links the previous build's file rel into the new folder (whose folders
 * exist).  Not an I/O call that fails the build (no an_fault_io): when
 * the old file cannot be kept, the caller makes it again. */
static int S_link_old(const an_site *s, const char *rel) {
  an_buf path = AN_BUF_INIT, old = AN_BUF_INIT;
  an_buf_printf(&path, "%s/%s", s->tmp, rel);
  an_buf_printf(&old, "%s/%s", s->out, rel);
  struct stat st;
  int ok = lstat(an_buf_cstr(&old), &st) == 0 && S_ISREG(st.st_mode) &&
           link(an_buf_cstr(&old), an_buf_cstr(&path)) == 0;
  an_buf_free(&path);
  an_buf_free(&old);
  return ok;
}

int an_site_keep(an_site *s, const char *rel, const char *key, an_diags *d) {
  if (!an_site_had(s, rel, key)) return 0;
  if (!S_may_write(s, rel, d)) return -1;
  int ok = S_link_old(s, rel);
  if (ok) S_wrote(s, rel, key);
  return ok;
}

const char *an_site_input_key(const an_site *s) { return s->old_input; }

void an_site_set_input_key(an_site *s, const char *key) {
  free(s->input);
  s->input = key ? an_xstrdup(key) : NULL;
}

int an_site_keep_all(an_site *s) {
  int ok = 1;
  for (size_t i = 0; ok && i < s->old.n; i++) {
    const char *line = s->old.v[i];
    char *rel = an_xstrndup(line, strcspn(line, "\t"));
    ok = S_valid_rel(rel) && S_make_parents(s->tmp, rel) && S_link_old(s, rel);
    if (ok) S_push(&s->files, line);
    free(rel);
  }
  return ok;
}

/* ---- a file written piecewise ------------------------------------------ */

#define S_CHUNK 65536

struct an_site_file {
  an_site *site;
  char *rel;
  char *path;     /* in the temporary folder */
  char *old_path; /* in the output folder */
  int fd;
  FILE *old; /* the previous file, while every byte so far is the same */
  int err;   /* errno of the first failure; 0 while there is none */
  size_t n;  /* bytes waiting in buf */
  char buf[S_CHUNK], cmp[S_CHUNK];
};

an_site_file *an_site_open(an_site *s, const char *rel, an_diags *d) {
  if (!S_may_write(s, rel, d)) return NULL;
  an_buf path = AN_BUF_INIT, old = AN_BUF_INIT;
  an_buf_printf(&path, "%s/%s", s->tmp, rel);
  an_buf_printf(&old, "%s/%s", s->out, rel);
  int fd = S_create(an_buf_cstr(&path));
  if (fd < 0) {
    an_diag_io(d, s->out, "cannot write '%s': %s", rel, strerror(errno));
    an_buf_free(&path);
    an_buf_free(&old);
    return NULL;
  }
  an_site_file *f = an_xcalloc(1, sizeof *f);
  f->site = s;
  f->rel = an_xstrdup(rel);
  f->path = an_buf_detach(&path);
  f->old_path = an_buf_detach(&old);
  f->fd = fd;
  struct stat st;
  if (S_has(&s->old, rel) && lstat(f->old_path, &st) == 0 && S_ISREG(st.st_mode))
    f->old = fopen(f->old_path, "rb");
  return f;
}

/* Compares the next n bytes of the previous file with p; at the first
 * difference it is closed, and compared no more. */
static void S_compare(an_site_file *f, const char *p, size_t n) {
  if (!f->old) return;
  if (fread(f->cmp, 1, n, f->old) != n || memcmp(f->cmp, p, n) != 0) {
    fclose(f->old);
    f->old = NULL;
  }
}

static void S_flush(an_site_file *f) {
  if (!f->err && f->n) {
    if (S_write_all(f->fd, f->buf, f->n)) S_compare(f, f->buf, f->n);
    else f->err = errno ? errno : EIO;
  }
  f->n = 0;
}

int an_site_put(an_site_file *f, const void *data, size_t len) {
  const char *p = data;
  while (len && !f->err) {
    size_t take = S_CHUNK - f->n < len ? S_CHUNK - f->n : len;
    memcpy(f->buf + f->n, p, take);
    f->n += take;
    p += take;
    len -= take;
    if (f->n == S_CHUNK) S_flush(f);
  }
  return !f->err;
}

static void S_file_free(an_site_file *f) {
  if (f->old) fclose(f->old);
  if (f->fd >= 0) close(f->fd);
  free(f->rel);
  free(f->path);
  free(f->old_path);
  free(f);
}

void an_site_cancel(an_site_file *f) {
  if (!f) return;
  if (f->fd >= 0) close(f->fd);
  f->fd = -1;
  unlink(f->path);
  S_file_free(f);
}

/* When the previous file holds the same bytes, it takes the new one's
 * place: linked in under the manifest's name (which no file may have, and
 * which is written only at the commit), then renamed over the new file,
 * so that when either fails the new file stays as it is. */
static void S_keep_same(an_site_file *f) {
  if (!f->old || fgetc(f->old) != EOF) return;
  an_buf scratch = AN_BUF_INIT;
  an_buf_printf(&scratch, "%s/%s", f->site->tmp, AN_MANIFEST);
  if (link(f->old_path, an_buf_cstr(&scratch)) == 0 &&
      rename(an_buf_cstr(&scratch), f->path) != 0)
    unlink(an_buf_cstr(&scratch));
  an_buf_free(&scratch);
}

int an_site_close(an_site_file *f, an_diags *d) {
  S_flush(f);
  if (!S_close(f->fd) && !f->err) f->err = errno ? errno : EIO;
  f->fd = -1;
  if (f->err) {
    an_diag_io(d, f->site->out, "cannot write '%s': %s", f->rel, strerror(f->err));
    an_site_cancel(f);
    return 0;
  }
  S_keep_same(f);
  S_wrote(f->site, f->rel, NULL);
  S_file_free(f);
  return 1;
}

static void S_free_early(an_site *s) {
  free(s->old_input);
  free(s->out);
  free(s);
}

static void S_free(an_site *s) {
  free(s->old_input);
  free(s->input);
  S_clear(&s->old);
  S_clear(&s->foreign);
  S_clear(&s->files);
  free(s->out);
  free(s->tmp);
  free(s);
}

void an_site_abort(an_site *s) {
  if (!s) return;
  S_remove_all(s->tmp);
  S_free(s);
}

int an_site_commit(an_site *s, an_diags *d) {
  S_sort(&s->files);
  an_buf man = AN_BUF_INIT;
  an_buf_puts(&man, "# files written by annalist; the next build replaces exactly these\n");
  if (s->input) an_buf_printf(&man, "%s%s\n", S_INPUT, s->input);
  for (size_t i = 0; i < s->files.n; i++) an_buf_printf(&man, "%s\n", s->files.v[i]);
  an_buf path = AN_BUF_INIT, old = AN_BUF_INIT;
  an_buf_printf(&path, "%s/%s", s->tmp, AN_MANIFEST);
  an_buf_printf(&old, "%s/%s", s->out, AN_MANIFEST);
  /* an unchanged manifest is kept too, so a rebuild that changes nothing
   * touches no file at all */
  int ok = (s->had_out && S_same_bytes(an_buf_cstr(&old), man.ptr, man.len) &&
            link(an_buf_cstr(&old), an_buf_cstr(&path)) == 0) ||
           S_write_file(an_buf_cstr(&path), man.ptr, man.len);
  an_buf_free(&old);
  if (!ok) an_diag_io(d, s->out, "cannot write the manifest: %s", strerror(errno));
  an_buf_free(&path);
  an_buf_free(&man);
  /* carry the files annalist did not write into the new folder */
  for (size_t i = 0; ok && i < s->foreign.n; i++) {
    an_buf from = AN_BUF_INIT, to = AN_BUF_INIT;
    an_buf_printf(&from, "%s/%s", s->out, s->foreign.v[i]);
    an_buf_printf(&to, "%s/%s", s->tmp, s->foreign.v[i]);
    ok = S_make_parents(s->tmp, s->foreign.v[i]) && !an_fault_io() &&
         link(an_buf_cstr(&from), an_buf_cstr(&to)) == 0;
    if (!ok)
      an_diag_io(d, s->out, "cannot keep '%s', which annalist did not write: %s",
                 s->foreign.v[i], strerror(errno));
    an_buf_free(&from);
    an_buf_free(&to);
  }
  if (!ok) {
    an_site_abort(s);
    return 0;
  }
  if (!s->had_out) {
    if (an_fault_io() || rename(s->tmp, s->out) != 0) {
      an_diag_io(d, s->out, "cannot move the new output in place: %s", strerror(errno));
      an_site_abort(s);
      return 0;
    }
    S_free(s);
    return 1;
  }
  /* swap atomically: afterwards s->tmp holds the previous output */
  if (an_fault_io() || renameat2(AT_FDCWD, s->tmp, AT_FDCWD, s->out, RENAME_EXCHANGE) != 0) {
    an_diag_io(d, s->out, "cannot swap the new output in place: %s", strerror(errno));
    an_site_abort(s);
    return 0;
  }
  /* the previous folder: its files are either ours (listed), or foreign
   * ones now linked into the new folder */
  S_list gone = {0};
  for (size_t i = 0; i < s->old.n; i++) { /* the paths of the lines */
    char *path = an_xstrndup(s->old.v[i], strcspn(s->old.v[i], "\t"));
    S_push(&gone, path);
    free(path);
  }
  for (size_t i = 0; i < s->foreign.n; i++) S_push(&gone, s->foreign.v[i]);
  S_push(&gone, AN_MANIFEST);
  S_sort(&gone);
  S_remove_files(s->tmp, &gone);
  S_clear(&gone);
  S_free(s);
  return 1;
}
