/* site.h - the output folder, written all at once or not at all.
 *
 * A build writes every file into a fresh temporary folder beside the
 * output folder, then swaps it in with one atomic rename (renameat2
 * RENAME_EXCHANGE), so a failed or interrupted build leaves the previous
 * site as it was.  Around that:
 * - a file whose bytes did not change is not rewritten: the previous file
 *   is hard-linked into the new folder, keeping its bytes and modification
 *   time, so incremental uploads send only real changes;
 * - the previous build's manifest (.annalist-manifest) says which files
 *   annalist made: those the new build does not make are removed; any
 *   other file in the folder (a CNAME, a .htaccess) is carried over as it
 *   is, never deleted, and never overwritten (that is an error);
 * - a file written with a key (an_site_write_keyed: a digest of all its
 *   page was made from) is listed with it in the manifest; the next build
 *   that finds the same key keeps the previous file without making it
 *   again (an_site_keep);
 * - temporary folders of builds that were killed are removed by the next
 *   build (they carry the process id in their name). */
#ifndef AN_SITE_H
#define AN_SITE_H

#include <stddef.h>

#include "diag.h"

#define AN_MANIFEST ".annalist-manifest"

typedef struct an_site an_site;

/* Checks that out_dir can be replaced (absent, or a folder) and creates the
 * temporary folder.  NULL on failure (reported in d). */
an_site *an_site_begin(const char *out_dir, an_diags *d);
/* Writes one file; `rel` is a relative path with '/' separators and no
 * "..", "." or empty parts; missing folders are created.  0 on failure. */
int an_site_write(an_site *s, const char *rel, const void *data, size_t len,
                  an_diags *d);
/* The same, recording key (a short string without tabs or newlines, or
 * NULL) as what the file was made from. */
int an_site_write_keyed(an_site *s, const char *rel, const char *key,
                        const void *data, size_t len, an_diags *d);
/* 1 when the previous build wrote rel from the same key. */
int an_site_had(const an_site *s, const char *rel, const char *key);
/* When the previous build wrote rel from the same key, keeps its file as
 * the new one (a hard link) and returns 1; 0 when it did not or the file
 * cannot be kept (then make it and write it); -1 when rel may not be
 * written at all (reported in d). */
int an_site_keep(an_site *s, const char *rel, const char *key, an_diags *d);
/* The input key (a short string without tabs or newlines: a digest of
 * everything the build was made from) of the previous build, or NULL when
 * it recorded none. */
const char *an_site_input_key(const an_site *s);
/* Records key (or NULL: none) as this build's input key in the manifest. */
void an_site_set_input_key(an_site *s, const char *key);
/* Keeps every file the previous build wrote, as it is (hard links), with
 * its key: the output of a build whose input did not change.  0 when one
 * cannot be kept (nothing reported: abort s and build). */
int an_site_keep_all(an_site *s);
/* A file written piecewise, for output too big to hold in memory at
 * once.  It keeps what an_site_write guarantees: the same rules for rel,
 * and a file whose bytes did not change is the previous file itself (the
 * bytes are compared with it while written, and it is linked in at the
 * close). */
typedef struct an_site_file an_site_file;
/* Opens rel; NULL on failure (reported in d). */
an_site_file *an_site_open(an_site *s, const char *rel, an_diags *d);
/* Appends len bytes; 0 once a write failed (the close reports it). */
int an_site_put(an_site_file *f, const void *data, size_t len);
/* Finishes the file; frees f.  0 on failure, reported in d; nothing of
 * the file is then left. */
int an_site_close(an_site_file *f, an_diags *d);
/* Drops the file without a report (nothing of it is left); frees f. */
void an_site_cancel(an_site_file *f);
/* Writes the manifest and swaps the new folder in; frees s.  0 on failure
 * (the previous output is then untouched). */
int an_site_commit(an_site *s, an_diags *d);
/* Removes the temporary folder; frees s. */
void an_site_abort(an_site *s);

#endif
