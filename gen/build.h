/* build.h - the pipeline: input folder -> corpus -> model -> site.
 *
 * The only module that knows every stage; main.c calls it and prints the
 * diagnostics it collects. */
#ifndef AN_BUILD_H
#define AN_BUILD_H

#include "buf.h"
#include "diag.h"

typedef struct {
  const char *input;      /* the input folder */
  const char *output;     /* the output folder; NULL for a check (writes nothing) */
  const char *templates;  /* the templates folder */
  int strict;             /* warnings are errors */
  const char *built;      /* build time to record (ISO 8601) or NULL */
  an_buf *explain;        /* when set: receives the audit trail of every time */
  an_buf *events;         /* when set: receives the chronology (report.h) */
  const char *base_url;   /* --base-url (checked by publish.h) or NULL */
} an_build_opts;

/* Runs the pipeline.  Returns the exit status; everything to tell the user
 * is in d. */
an_status an_build(const an_build_opts *opts, an_diags *d);

#endif
