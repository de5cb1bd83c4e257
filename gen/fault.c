/* fault.c - see fault.h. */
#include "fault.h"

#ifdef AN_FAULT_INJECTION
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct {
  const char *env;
  long fail_at; /* 0: never; -1: every one, in turn (allocations only) */
  long count;
  int ready;
} S_counter;

static S_counter S_alloc = {"ANNALIST_FAIL_ALLOC", 0, 0, 0};
static S_counter S_io = {"ANNALIST_FAIL_IO", 0, 0, 0};
static pid_t S_pid;

/* ANNALIST_FAIL_ALLOC=every: at each allocation a child is forked in which
 * that allocation fails; the parent checks that the child printed the
 * out-of-memory message and died of SIGABRT, and goes on.  The tally is
 * printed when the parent exits (test build only). */
static long S_children, S_aborted, S_bad, S_first_bad;

static void S_report(void) {
  if (getpid() != S_pid) return;
  fprintf(stderr,
          "fault: %ld allocations failed one at a time: %ld ended with the "
          "out-of-memory message and SIGABRT, %ld otherwise%s",
          S_children, S_aborted, S_bad, S_bad ? " (first: allocation " : "\n");
  if (S_bad) fprintf(stderr, "%ld)\n", S_first_bad);
}

static int S_fork_and_fail(long n) {
  int fds[2];
  if (pipe(fds) != 0) return 0;
  pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return 0;
  }
  if (pid == 0) { /* the child fails this allocation */
    close(fds[0]);
    dup2(fds[1], STDERR_FILENO);
    close(fds[1]);
    return 1;
  }
  close(fds[1]);
  char buf[256];
  size_t got = 0;
  ssize_t r;
  while ((r = read(fds[0], buf + got, sizeof buf - 1 - got)) != 0) {
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) break;
    got += (size_t)r;
    if (got == sizeof buf - 1) got = 0; /* keep reading; only the start matters */
  }
  buf[got] = '\0';
  close(fds[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  S_children++;
  if (WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT &&
      strcmp(buf, "annalist: out of memory, aborting\n") == 0) {
    S_aborted++;
  } else if (!S_bad++) {
    S_first_bad = n;
  }
  return 0;
}

/* ANNALIST_FAULT_REPORT=1: the number of calls counted, at exit. */
static void S_count_report(void) {
  if (getpid() != S_pid) return;
  fprintf(stderr, "fault: %ld allocations, %ld I/O calls\n", S_alloc.count, S_io.count);
}

static int S_hit(S_counter *c) {
  if (!S_pid) {
    S_pid = getpid();
    if (getenv("ANNALIST_FAULT_REPORT")) atexit(S_count_report);
  }
  if (getpid() != S_pid) return 0; /* the diagram's child, or a sweep child */
  if (!c->ready) {
    const char *e = getenv(c->env);
    c->fail_at = e ? atol(e) : 0;
    if (c->fail_at < 0) c->fail_at = 0;
    if (e && c == &S_alloc && strcmp(e, "every") == 0) c->fail_at = -1;
    c->ready = 1;
    if (c->fail_at < 0) atexit(S_report);
  }
  if (c->fail_at < 0) {
    long n = ++c->count;
    if (S_fork_and_fail(n)) {
      S_pid = 0; /* this is the child: count nothing more */
      c->fail_at = 0;
      return 1;
    }
    return 0;
  }
  return ++c->count == c->fail_at;
}

int an_fault_alloc(void) { return S_hit(&S_alloc); }

int an_fault_page(unsigned long n) {
  const char *e = getenv("ANNALIST_FAIL_PAGE");
  return e && *e && strtoul(e, NULL, 10) == n + 1;
}

int an_fault_io(void) {
  if (!S_hit(&S_io)) return 0;
  errno = EIO;
  return 1;
}
#else
typedef int an_fault_unused; /* ISO C: a translation unit declares something */
#endif
