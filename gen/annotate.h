/* annotate.h - one file's Markdown read for annotations and events.
 *
 * cmark parses the body (source positions, UTF-8 validated); the walk
 * finds the four sigils (FORMAT.md section 3), resolves times, applies the
 * subject/object rules and turns blocks into events (section 4).  What needs
 * the other files (does an actor exist? merging by key) is the corpus's.
 *
 * Annotation and event records are also attached to their cmark nodes as
 * user data, so that the body can be written out with them (body.h). */
#ifndef AN_ANNOTATE_H
#define AN_ANNOTATE_H

#include <stddef.h>
#include <stdint.h>

#include <cmark.h>

#include "diag.h"
#include "phrase.h"
#include "source.h"
#include "when.h"

/* Deeper nesting of blocks and inlines (the document counts as one) is an
 * error: body.c, model.c and the stylesheets walk the tree recursively. */
#define AN_MAX_NESTING 100

typedef enum { AN_ANN_ACTOR, AN_ANN_ACTION, AN_ANN_TIME, AN_ANN_TOPIC } an_ann_kind;

typedef struct an_event an_event;

typedef struct {
  an_ann_kind kind;
  int line, column;   /* of the '[' that opens the link; column in characters */
  char *ref;          /* ACTOR/TOPIC: the id; ACTION: the type ("" untyped);
                         TIME: the explicit value ("" for a phrase) */
  char *title;        /* the link title ("" when none) */
  char *words;        /* the link text as plain text */
  /* TIME */
  int resolved;       /* 1 when `when` holds the value */
  an_when when;
  an_anchor_kind anchor;
  char *rule;         /* how a phrase was read, in full: "'on Friday' -> Fri
                         22 Dec 2023: the most recent ..." (NULL for explicit
                         values) */
  size_t rule_reason; /* offset in rule of the reason alone ("the most ...") */
  /* ACTION: actor ids, after the subject/object rules or the title */
  char **subjects, **objects;
  size_t nsubjects, nobjects;
  an_event *event;    /* the event holding this annotation, or NULL */
  const char *action_id; /* ACTION: set by the corpus ("act-N"); not owned */
} an_ann;

struct an_event {
  size_t index;        /* 0-based, in file order */
  int line, column;    /* the block's first line; column of its first character */
  const an_ann *time;  /* the event's time: its first '^', or a section
                          heading's; NULL when only "reported by" */
  int time_from_heading;
  const char *key;     /* event key (a '^' link title) or NULL; owned by the ann */
  an_ann **anns;       /* the block's annotations in order (not owned) */
  size_t nanns;
  char *id;            /* set by the corpus ("ev-N"); owned here */
  cmark_node *block;   /* the paragraph or heading; owned by the doc's tree */
};

typedef struct {
  an_file file;
  cmark_node *root;    /* the body; owned */
  an_ann **anns;       /* every annotation, in file order; owned */
  size_t nanns;
  an_event **events;   /* in file order; owned */
  size_t nevents;
  int has_published;
  int32_t published;   /* the anchor day */
} an_doc;

/* Annotates `file`, whose ownership moves into the result.  `anchor` is
 * the front-matter key that gives the anchor date ("published" for
 * sources, "date" for the briefing) or NULL for actor files (no events
 * expected: their annotations are still read).  Problems go to d. */
an_doc *an_annotate(an_file *file, const char *anchor_key, an_diags *d);
void an_doc_free(an_doc *doc);

/* The annotation or event attached to a cmark node, or NULL. */
const an_ann *an_node_ann(cmark_node *node);
const an_event *an_node_event(cmark_node *node);

/* The 16 PLOVER types and their classes ("verbal-conflict", ...);
 * an_action_class("") is "neutral"; NULL for an unknown type. */
const char *an_action_class(const char *type);
extern const char *const an_action_types[16];

/* 1 when s is a valid id: [a-z0-9][a-z0-9-]{0,63}. */
int an_valid_id(const char *s);

#endif
