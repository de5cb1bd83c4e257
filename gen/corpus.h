/* corpus.h - the whole briefing in memory.
 *
 * Reads an input folder (briefing.md, sources/NAME.md, actors/ID.md), annotates
 * every file, checks what needs all files at once (do the actors exist?),
 * and computes what the views receive ready-made: events in chronological
 * order with their ids, actions, aggregated edges, actor counts, clusters.
 * The corpus owns every document and record below. */
#ifndef AN_CORPUS_H
#define AN_CORPUS_H

#include <stddef.h>

#include "annotate.h"
#include "diag.h"

typedef struct {
  char *id;              /* file name without .md */
  an_doc *doc;
} an_source;

typedef struct {
  char *id;
  char *name;
  const char *kind;      /* state organization person media group other */
  const char *role;      /* or NULL; points into the front matter */
  const char **aliases;  /* point into the front matter */
  size_t naliases;
  char **member_of;      /* actor ids, in file order */
  size_t nmember_of;
  const char *parent;    /* the actor it is drawn inside, or NULL */
  an_doc *doc;           /* the actor file, NULL when created from a mention */
  size_t events, given, received;
  /* actions given and received by class, indexed as an_action_classes */
  size_t given_by_class[5], received_by_class[5];
  /* per source (indexed as c->sources): annotated mentions, and names or
   * aliases found in the plain text around them */
  size_t *annotated, *plain;
  int mentioned;
} an_actor;

typedef struct {
  char *id;
  char *name;            /* the words of its first mention */
  size_t events;
} an_topic;

/* One block of a source that tells of an event. */
typedef struct {
  an_event *event;
  const an_source *source;   /* NULL for the briefing's own blocks */
  const an_doc *doc;
} an_cite;

/* An event: one block, or the blocks of several sources that share an
 * event key (FORMAT.md section 3, "Times": the link title). */
typedef struct {
  an_event *event;           /* = cites[0].event: the first in source order */
  const an_source *source;   /* = cites[0].source */
  const an_doc *doc;         /* = cites[0].doc */
  an_cite *cites;            /* every block, in source order; owned */
  size_t ncites;
  /* the block whose time is the event's: the finest of compatible times,
   * or the first dated one when they conflict; NULL when none is dated */
  const an_event *timed;
  int conflict;              /* some cited times are disjoint */
  size_t independent;        /* distinct publishers among the cites */
  const char **participants; /* actor ids, first-mention order */
  size_t nparticipants;
  const char **topics;
  size_t ntopics;
  /* "e" and 16 hexadecimal digits, the same from build to build while the
   * event is the same: a digest of its key when it has one, else of its
   * source and the text of its block (docs/model.md) */
  char uid[18];
} an_entry;

typedef struct {
  char *id;              /* act-<event>-N: its event's id, its place in it */
  const an_ann *ann;
  const an_entry *entry;
  const an_cite *cite;   /* the block it is written in */
} an_action;

typedef struct {
  char *id;              /* edge-N */
  const char *subject, *object, *type; /* type "" when untyped */
  size_t count;
  int32_t first, last;   /* days, from the events' times */
  int dated;
  const an_action **actions;
  size_t nactions;
} an_edge;

typedef struct {
  an_doc *briefing;
  an_source *sources;
  size_t nsources;
  an_actor **actors;     /* sorted by id */
  size_t nactors;
  an_topic **topics;     /* sorted by id */
  size_t ntopics;
  an_entry *entries;     /* chronological */
  size_t nentries;
  an_action *actions;
  size_t nactions;
  an_edge *edges;
  size_t nedges;
  /* private: every actor's annotated and plain counts, one block */
  size_t *counts;
} an_corpus;

/* Reads the folder `dir`; paths in diagnostics start with `dir`.  Returns
 * NULL only when the folder cannot be read at all (reported as I/O). */
an_corpus *an_corpus_load(const char *dir, an_diags *d);
/* The five action classes, in the order of the *_by_class counts. */
extern const char *const an_action_classes[5];
/* Counts the mentions per actor and source (an_actor's annotated and
 * plain): annotated ones, and the names and aliases of declared actors in
 * the plain text around them.  Only the model needs them, so `check` does
 * not pay for them; call it before an_model_build.  Once is enough. */
void an_corpus_count_mentions(an_corpus *c);

void an_corpus_free(an_corpus *c);

/* XXH3-128 of every file the corpus was read from (its path and the
 * digest of its bytes, source.h), in a fixed order: equal digests, equal
 * input. */
void an_corpus_digest(const an_corpus *c, unsigned char out[16]);

const an_actor *an_corpus_actor(const an_corpus *c, const char *id);

#endif
