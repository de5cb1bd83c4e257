/* pages.h - many pages of one site, each from its slice, on every core.
 *
 * Each job names a view (templates/<view>.xsl), the page's slice (slice.h)
 * and its path in the site.  A page's key (site.h) is a digest of its
 * slice, view, id, extra bytes and the views' fingerprint: a rebuild keeps
 * the previous file of a page whose key did not change, unrendered.  With one worker the pages are rendered here;
 * with more, in forked worker processes (they share the model, the
 * slicer and the compiled stylesheets copy-on-write), which send each
 * page and its diagnostics back through a pipe.  This process writes the
 * pages in job order, so the output and its diagnostics do not depend on
 * the number of workers; no threads, so nothing of libxml2 or libxslt is
 * shared between two running transforms.
 *
 * Workers: the CPUs this process may run on (sched_getaffinity), at most
 * AN_PAGES_MAX_WORKERS, or ANNALIST_JOBS=N.  A worker that dies (out of
 * memory: alloc.h's abort) takes this process down with the same signal,
 * as if the page had been rendered here. */
#ifndef AN_PAGES_H
#define AN_PAGES_H

#include <stddef.h>

#include <libxml/tree.h>

#include "diag.h"
#include "site.h"
#include "slice.h"
#include "views.h"

#ifndef AN_PAGES_MAX_WORKERS
#define AN_PAGES_MAX_WORKERS 8
#endif

typedef struct {
  const char *view;   /* "source", "actor", "topic" */
  an_slice_kind kind;
  const char *id;     /* the source, actor or topic; also the view's
                         parameter <view>-id */
  const char *rel;    /* the page's path in the site */
} an_page_job;

/* A list of jobs that owns their ids and paths. */
typedef struct {
  an_page_job *v;
  size_t n, cap;
} an_page_list;

/* Adds the page of id (copied), `view` from slice `kind`, at DIR/ID.html. */
void an_page_list_add(an_page_list *l, const char *view, an_slice_kind kind,
                      const char *dir, const char *id);
void an_page_list_free(an_page_list *l);

/* What a page needs beyond the model (an ego diagram), in two steps run
 * in the worker: `key` returns the bytes the addition is made from (they
 * join the page's key; NULL and *len 0: none; the caller frees them with
 * free()); `add`, only for a page that is rendered again, adds it to the
 * slice, with warnings in d.  Either may be NULL. */
typedef struct {
  char *(*key)(const an_page_job *job, void *arg, size_t *len);
  void (*add)(xmlDocPtr slice, const an_page_job *job, void *arg, an_diags *d);
  void *arg;
} an_page_extra;

/* Renders and writes the n jobs (parameters: root "../" and <view>-id).
 * Returns 0 when a page cannot be rendered or written, reported in d. */
int an_pages_write(an_views *v, an_site *site, const an_slicer *s,
                   const an_page_job *jobs, size_t n, const an_page_extra *extra,
                   an_diags *d);

/* One page rendered here from a whole document (the index, the timeline):
 * templates/<view>.xsl with params (name, value, ..., NULL) written at
 * rel.  Returns 0 when it cannot be rendered or written (reported in d). */
int an_page_write(an_views *v, an_site *site, const char *view, xmlDocPtr doc,
                  const char *const *params, const char *rel, an_diags *d);

/* The number of workers an_pages_write uses. */
int an_pages_workers(void);

#endif
