/* pages.c - see pages.h. */
#define _GNU_SOURCE /* sched_getaffinity, CPU_COUNT */
#include "pages.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "alloc.h"
#include "buf.h"
#include "fault.h"

#include <xxhash.h>

/* Jobs go to the workers in turn (job i to worker i % workers), and the
 * writer takes the pages in job order: a worker runs ahead of the writer
 * by what its pipe holds (S_PIPE, when the system lets us) and the page
 * it is rendering.  Runs of 8 pages kept the other workers waiting while
 * the writer took one worker's run: 300 actor pages of 500 KB took as
 * long on two workers as on one. */
#define S_PIPE (1 << 20)

void an_page_list_add(an_page_list *l, const char *view, an_slice_kind kind,
                      const char *dir, const char *id) {
  an_buf rel = AN_BUF_INIT;
  an_buf_printf(&rel, "%s/%s.html", dir, id);
  l->v = an_xgrow(l->v, &l->cap, l->n + 1, sizeof *l->v);
  l->v[l->n++] = (an_page_job){view, kind, an_xstrdup(id), an_buf_detach(&rel)};
}

void an_page_list_free(an_page_list *l) {
  for (size_t i = 0; i < l->n; i++) { /* the list's own copies */
    free((char *)l->v[i].id);
    free((char *)l->v[i].rel);
  }
  free(l->v);
  *l = (an_page_list){0};
}

int an_pages_workers(void) {
  const char *e = getenv("ANNALIST_JOBS");
  if (e && *e) {
    char *end;
    long n = strtol(e, &end, 10);
    if (*end == '\0' && n >= 1)
      return n > AN_PAGES_MAX_WORKERS ? AN_PAGES_MAX_WORKERS : (int)n;
  }
  cpu_set_t set;
  int n = 1;
  if (sched_getaffinity(0, sizeof set, &set) == 0) n = CPU_COUNT(&set);
  if (n < 1) n = 1;
  return n > AN_PAGES_MAX_WORKERS ? AN_PAGES_MAX_WORKERS : n;
}

/* The key of a page: its stylesheets and parameters (the views'
 * fingerprint, the view, the id) and its slice, as bytes. */
static void S_key(an_views *v, const an_page_job *j, xmlDocPtr slice,
                  const char *extra, size_t extra_len, char key[33]) {
  xmlChar *mem = NULL;
  int n = 0;
  xmlDocDumpMemory(slice, &mem, &n);
  XXH3_state_t *st = XXH3_createState();
  if (!st || !mem) an_out_of_memory();
  XXH3_128bits_reset(st);
  const char *parts[] = {an_views_fingerprint(v), j->view, j->id};
  for (size_t i = 0; i < 3; i++) XXH3_128bits_update(st, parts[i], strlen(parts[i]) + 1);
  XXH3_128bits_update(st, mem, (size_t)n);
  if (extra_len) XXH3_128bits_update(st, extra, extra_len);
  XXH128_hash_t h = XXH3_128bits_digest(st);
  XXH3_freeState(st);
  xmlFree(mem);
  snprintf(key, 33, "%016llx%016llx", (unsigned long long)h.high64,
           (unsigned long long)h.low64);
}

/* Makes job j: its slice and key; when reuse is set and the previous
 * build made the page from the same key, *kept is 1 and nothing is
 * rendered, else the page is in *out.  Diagnostics go to d. */
static int S_make(an_views *v, const an_site *site, const an_slicer *s,
                  const an_page_job *j, const an_page_extra *x,
                  int reuse, char key[33], int *kept, char **out, size_t *len,
                  an_diags *d) {
  *out = NULL;
  *len = 0;
  *kept = 0;
  xmlDocPtr slice = an_slice(s, j->kind, j->id);
  if (!slice) {
    an_diag_add(d, AN_ERROR, j->rel, 0, 0, "no %s '%s' in the model", j->view, j->id);
    return 0;
  }
  size_t elen = 0;
  char *extra = x && x->key ? x->key(j, x->arg, &elen) : NULL;
  S_key(v, j, slice, extra, elen, key);
  free(extra);
  if (reuse && an_site_had(site, j->rel, key)) {
    *kept = 1;
    xmlFreeDoc(slice);
    return 1;
  }
  if (x && x->add) x->add(slice, j, x->arg, d);
  an_buf param = AN_BUF_INIT;
  an_buf_printf(&param, "%s-id", j->view);
  const char *params[] = {"root", "../", an_buf_cstr(&param), j->id, NULL};
  int ok = an_views_render(v, j->view, slice, params, out, len, d);
  an_buf_free(&param);
  xmlFreeDoc(slice);
  return ok;
}

/* Writes what S_make made: keeps the previous file, or writes *out; a
 * previous file that cannot be kept after all is made again here. */
static int S_put(an_views *v, an_site *site, const an_slicer *s,
                 const an_page_job *j, const an_page_extra *x,
                 const char *key, int kept, const char *out, size_t len,
                 an_diags *d) {
  if (kept) {
    int r = an_site_keep(site, j->rel, key, d);
    if (r) return r > 0;
    char again[33], *page;
    size_t n;
    int k;
    /* the old file cannot be kept after all: render the page */
    if (!S_make(v, site, s, j, x, 0, again, &k, &page, &n, d)) return 0;
    int ok = an_site_write_keyed(site, j->rel, again, page, n, d);
    free(page);
    return ok;
  }
  return an_site_write_keyed(site, j->rel, key, out, len, d);
}

/* ---- the pipe between a worker and the writer ---------------------------- */

enum { S_PAGE = 1, S_KEPT, S_DIAG, S_FAILED };

typedef struct {
  uint32_t type, job;
  uint64_t len;
} S_head;

static int S_write_all(int fd, const void *p, size_t n) {
  const char *b = p;
  while (n) {
    ssize_t w = write(fd, b, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return 0;
    b += w;
    n -= (size_t)w;
  }
  return 1;
}

static int S_read_all(int fd, void *p, size_t n) {
  char *b = p;
  while (n) {
    ssize_t r = read(fd, b, n);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return 0;
    b += r;
    n -= (size_t)r;
  }
  return 1;
}

static int S_send(int fd, uint32_t type, uint32_t job, const void *p, size_t n) {
  S_head h = {type, job, n};
  return S_write_all(fd, &h, sizeof h) && S_write_all(fd, p, n);
}

/* A diagnostic as bytes: severity, io, line, column (4 bytes each), then
 * the file and the message, each ended by a NUL. */
static void S_send_diags(int fd, uint32_t job, an_diags *d) {
  for (size_t i = 0; i < an_diags_len(d); i++) {
    const an_diag *g = an_diags_at(d, i);
    an_buf b = AN_BUF_INIT;
    int32_t nums[4] = {(int32_t)g->severity, g->io, g->line, g->column};
    an_buf_put(&b, (const char *)nums, sizeof nums);
    an_buf_put(&b, g->file ? g->file : "", strlen(g->file ? g->file : "") + 1);
    an_buf_put(&b, g->message, strlen(g->message) + 1);
    S_send(fd, S_DIAG, job, b.ptr, b.len);
    an_buf_free(&b);
  }
}

static void S_take_diag(const char *p, size_t n, an_diags *d) {
  int32_t nums[4];
  if (n < sizeof nums + 2 || p[n - 1] != '\0') return;
  memcpy(nums, p, sizeof nums);
  const char *file = p + sizeof nums;
  const char *msg = file + strlen(file) + 1;
  if (msg >= p + n) return;
  if (nums[1]) an_diag_io(d, *file ? file : NULL, "%s", msg);
  else an_diag_add(d, (an_severity)nums[0], *file ? file : NULL, nums[2], nums[3], "%s", msg);
}

/* The worker: renders its share of the jobs, in order, into fd. */
/* A page record is its key (32 bytes), then the page (none when kept). */
static void S_worker(int fd, int k, int workers, an_views *v,
                     const an_site *site, const an_slicer *s,
                     const an_page_job *jobs, size_t n, const an_page_extra *x) {
  for (size_t i = 0; i < n; i++) {
    if ((int)(i % (size_t)workers) != k) continue;
    if (an_fault_page(i)) an_out_of_memory(); /* tests: a worker dies */
    an_diags *d = an_diags_new();
    char *out, key[33];
    size_t len;
    int kept;
    int ok = S_make(v, site, s, &jobs[i], x, 1, key, &kept, &out, &len, d);
    S_send_diags(fd, (uint32_t)i, d);
    an_diags_free(d);
    int sent;
    if (!ok) {
      sent = S_send(fd, S_FAILED, (uint32_t)i, "", 0);
    } else {
      an_buf rec = AN_BUF_INIT;
      an_buf_put(&rec, key, 32);
      if (!kept) an_buf_put(&rec, out, len);
      sent = S_send(fd, kept ? S_KEPT : S_PAGE, (uint32_t)i, rec.ptr, rec.len);
      an_buf_free(&rec);
    }
    free(out);
    if (!ok || !sent) break;
  }
  close(fd);
}

/* ---- the writer ------------------------------------------------------------ */

typedef struct {
  pid_t pid;
  int fd;
} S_child;

/* Waits for the workers; one that was killed takes this process down with
 * its signal (its out-of-memory message is already on stderr). */
static void S_reap(S_child *c, int workers, int killed_by_us) {
  int sig = 0;
  for (int k = 0; k < workers; k++) {
    if (c[k].fd >= 0) close(c[k].fd);
    if (c[k].pid <= 0) continue;
    if (killed_by_us) kill(c[k].pid, SIGTERM);
    int st = 0;
    while (waitpid(c[k].pid, &st, 0) < 0 && errno == EINTR) {
    }
    /* the first worker to die closed nothing; the others may then die
     * of SIGPIPE or our SIGTERM: the cause is the other signal */
    if (!killed_by_us && WIFSIGNALED(st) &&
        (!sig || sig == SIGPIPE || sig == SIGTERM))
      sig = WTERMSIG(st);
  }
  if (sig) {
    signal(sig, SIG_DFL);
    raise(sig);
  }
}

static int S_write_forked(an_views *v, an_site *site, const an_slicer *s,
                          const an_page_job *jobs, size_t n, const an_page_extra *x,
                          int workers, an_diags *d) {
  S_child c[AN_PAGES_MAX_WORKERS];
  for (int k = 0; k < workers; k++) c[k] = (S_child){-1, -1};
  int ok = 1;
  for (int k = 0; ok && k < workers; k++) {
    int fds[2];
    if (an_fault_io() || pipe(fds) != 0) {
      an_diag_io(d, NULL, "cannot start the page workers: %s", strerror(errno ? errno : EIO));
      ok = 0;
      break;
    }
    (void)fcntl(fds[0], F_SETPIPE_SZ, S_PIPE); /* best effort: else 64 KiB */
    pid_t pid = an_fault_io() ? -1 : fork();
    if (pid < 0) {
      an_diag_io(d, NULL, "cannot start the page workers: %s", strerror(errno ? errno : EIO));
      close(fds[0]);
      close(fds[1]);
      ok = 0;
      break;
    }
    if (pid == 0) {
      close(fds[0]);
      for (int j = 0; j < k; j++) close(c[j].fd);
      S_worker(fds[1], k, workers, v, site, s, jobs, n, x);
      _exit(0);
    }
    close(fds[1]);
    c[k] = (S_child){pid, fds[0]};
  }
  for (size_t i = 0; ok && i < n; i++) {
    S_child *w = &c[i % (size_t)workers];
    for (;;) { /* the worker's diagnostics of job i, then its page */
      S_head h;
      if (!S_read_all(w->fd, &h, sizeof h) || h.job != i) {
        S_reap(c, workers, 0); /* a worker that died takes us down */
        an_diag_io(d, jobs[i].rel, "a page worker stopped before this page");
        return 0;
      }
      char *p = an_xmalloc(h.len + 1);
      if (!S_read_all(w->fd, p, h.len)) {
        free(p);
        S_reap(c, workers, 0);
        an_diag_io(d, jobs[i].rel, "a page worker stopped before this page");
        return 0;
      }
      if (h.type == S_DIAG) {
        S_take_diag(p, h.len, d);
        free(p);
        continue;
      }
      if ((h.type == S_PAGE || h.type == S_KEPT) && h.len >= 32) {
        char key[33];
        memcpy(key, p, 32);
        key[32] = '\0';
        ok = S_put(v, site, s, &jobs[i], x, key, h.type == S_KEPT,
                   p + 32, h.len - 32, d);
      } else {
        ok = 0; /* S_FAILED: its errors came before */
      }
      free(p);
      break;
    }
  }
  S_reap(c, workers, !ok);
  return ok;
}

int an_page_write(an_views *v, an_site *site, const char *view, xmlDocPtr doc,
                  const char *const *params, const char *rel, an_diags *d) {
  char *out;
  size_t len;
  if (!an_views_render(v, view, doc, params, &out, &len, d)) return 0;
  int ok = an_site_write(site, rel, out, len, d);
  free(out);
  return ok;
}

int an_pages_write(an_views *v, an_site *site, const an_slicer *s,
                   const an_page_job *jobs, size_t n, const an_page_extra *x,
                   an_diags *d) {
  int workers = an_pages_workers();
  if ((size_t)workers > n) workers = (int)n;
  an_views_fingerprint(v); /* once, before the workers share it */
  if (workers > 1)
    return S_write_forked(v, site, s, jobs, n, x, workers, d);
  int ok = 1;
  for (size_t i = 0; ok && i < n; i++) {
    char *out, key[33];
    size_t len;
    int kept;
    ok = S_make(v, site, s, &jobs[i], x, 1, key, &kept, &out, &len, d);
    if (ok) ok = S_put(v, site, s, &jobs[i], x, key, kept, out, len, d);
    free(out);
  }
  return ok;
}
