/* fault.h - fault injection for tests (a special build only).
 *
 * In the test build compiled with -DAN_FAULT_INJECTION, the environment
 * chooses one call to fail:
 *   ANNALIST_FAIL_ALLOC=N  the Nth allocation (an_x* in alloc.c, and through
 *                          them libxml2/libxslt and cmark) returns NULL, so
 *                          the out-of-memory policy of alloc.h runs;
 *   ANNALIST_FAIL_IO=N     the Nth guarded I/O call (open, read, write,
 *                          close, mkdir, rename, stat ... in source.c and
 *                          site.c) fails with EIO.
 *   ANNALIST_FAIL_ALLOC=every  each allocation in turn fails in a forked
 *                          child; the parent checks that the child printed
 *                          the message and died of SIGABRT, and prints the
 *                          tally at exit ("fault: N allocations failed ...");
 *   ANNALIST_FAULT_REPORT=1    prints the number of allocations and I/O
 *                          calls counted at exit;
 *   ANNALIST_FAIL_PAGE=N   the page worker that is to render the Nth page
 *                          (from 1, in job order, of any an_pages_write)
 *                          runs out of memory there, so the path that
 *                          takes the whole build down with it runs.
 * Only calls in the process that first counted are counted (not in the
 * diagram's forked child).  In every other build an_fault_alloc() and
 * an_fault_io() are the constant 0 and cost nothing. */
#ifndef AN_FAULT_H
#define AN_FAULT_H

#ifdef AN_FAULT_INJECTION
/* 1 when this allocation is to fail. */
int an_fault_alloc(void);
/* 1 (with errno = EIO) when this I/O call is to fail. */
int an_fault_io(void);
/* 1 when the worker rendering page `n` (job index, from 0) is to fail. */
int an_fault_page(unsigned long n);
#else
#define an_fault_alloc() 0
#define an_fault_io() 0
#define an_fault_page(n) ((void)(n), 0)
#endif

#endif
