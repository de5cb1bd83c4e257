/* alloc.h - memory allocation that never returns NULL.
 *
 * Policy (as cmark's): running out of memory in a batch tool is not an
 * input error.  These wrappers print "annalist: out of memory, aborting"
 * and call abort() (SIGABRT, shell status 134); the output folder is as
 * it was (site.h: the next build removes the temporary folder of a build
 * that did not finish).  cmark and libxml2/libxslt
 * allocate through them too; libyaml and Graphviz (in the diagram's
 * child) use malloc directly.  Everything else that can fail returns a
 * value. */
#ifndef AN_ALLOC_H
#define AN_ALLOC_H

#include <stddef.h>

/* The policy itself, for a library that returned NULL (xxHash's state). */
#if defined(__GNUC__)
__attribute__((noreturn))
#endif
void an_out_of_memory(void);

void *an_xmalloc(size_t size);
void *an_xcalloc(size_t count, size_t size);
void *an_xrealloc(void *ptr, size_t size);
/* Grow an array so it holds at least `need` elements of `elem` bytes;
 * *cap is updated. Returns the (possibly moved) array. */
void *an_xgrow(void *ptr, size_t *cap, size_t need, size_t elem);
/* Copies; the caller frees with free(). an_xstrndup copies at most n bytes. */
char *an_xstrdup(const char *s);
char *an_xstrndup(const char *s, size_t n);

#endif
