/* corpus.c - see corpus.h. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "corpus.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/hash.h>
#include <xxhash.h>

#include "alloc.h"
#include "body.h"
#include "buf.h"
#include "mention.h"

const char *const an_action_classes[5] = {"verbal-cooperation", "material-cooperation",
                                          "verbal-conflict", "material-conflict",
                                          "neutral"};

static size_t S_class_index(const char *type) {
  const char *cls = an_action_class(type);
  for (size_t i = 0; cls && i < 4; i++)
    if (strcmp(cls, an_action_classes[i]) == 0) return i;
  return 4;
}

static const char *const S_KINDS[] = {"state", "organization", "person",
                                      "media", "group",        "other"};

/* ---- reading the folder ---- */

static int S_cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.md names in dir/sub, sorted; *n = count.  Missing folder: 0 names.
 * Returns 0 on an I/O failure (reported). */
static int S_list_md(const char *dir, const char *sub, char ***names, size_t *n,
                     an_diags *d) {
  an_buf path = AN_BUF_INIT;
  an_buf_printf(&path, "%s/%s", dir, sub);
  *names = NULL;
  *n = 0;
  DIR *dp = opendir(an_buf_cstr(&path));
  if (!dp) {
    int ok = errno == ENOENT;
    if (!ok) an_diag_io(d, an_buf_cstr(&path), "cannot read folder: %s", strerror(errno));
    an_buf_free(&path);
    return ok;
  }
  size_t cap = 0;
  struct dirent *e;
  while ((e = readdir(dp)) != NULL) {
    size_t len = strlen(e->d_name);
    if (e->d_name[0] == '.' || len < 4 || strcmp(e->d_name + len - 3, ".md") != 0)
      continue;
    *names = an_xgrow(*names, &cap, *n + 1, sizeof(char *));
    (*names)[(*n)++] = an_xstrdup(e->d_name);
  }
  closedir(dp);
  an_buf_free(&path);
  if (*n) qsort(*names, *n, sizeof(char *), S_cmp_str);
  return 1;
}

/* What is looked up by name across the whole corpus (event keys, topics,
 * edges) is in libxml2 hash tables, so that the look-ups cost the same for
 * ten sources or ten thousand.  A value is an index into an array that
 * grows (plus one: never NULL). */
static void *S_slot(size_t index) { return (void *)(uintptr_t)(index + 1); }
static size_t S_index(void *slot) { return (size_t)(uintptr_t)slot - 1; }

/* "ev-12" and the like, a new string (the caller frees it).  Written
 * digit by digit: snprintf cost a thousand instructions an id. */
static char *S_numbered(const char *prefix, size_t n) {
  char digits[24];
  size_t nd = 0, np = strlen(prefix);
  do digits[nd++] = (char)('0' + n % 10); while ((n /= 10) != 0);
  char *id = an_xmalloc(np + 1 + nd + 1);
  memcpy(id, prefix, np);
  id[np] = '-';
  for (size_t i = 0; i < nd; i++) id[np + 1 + i] = digits[nd - 1 - i];
  id[np + 1 + nd] = '\0';
  return id;
}

static void S_free_names(char **names, size_t n) {
  for (size_t i = 0; i < n; i++) free(names[i]);
  free(names);
}

/* Reads and annotates one file; NULL on an I/O failure.  root: the real
 * path of dir, or NULL when it has none (source.h). */
static an_doc *S_read(const char *dir, const char *root, const char *sub,
                      const char *name, const char *anchor, an_diags *d) {
  an_buf path = AN_BUF_INIT;
  if (sub) an_buf_printf(&path, "%s/%s/%s", dir, sub, name);
  else an_buf_printf(&path, "%s/%s", dir, name);
  an_file f;
  /* a symbolic link out of the input folder is refused (source.h) */
  an_status st = an_file_read_in(an_buf_cstr(&path), an_buf_cstr(&path), root, &f, d);
  an_buf_free(&path);
  if (st == AN_ERR_IO) return NULL;
  if (f.refused) { /* reported; nothing to annotate */
    an_file_free(&f);
    return NULL;
  }
  return an_annotate(&f, anchor, d);
}

static char *S_stem(const char *name) {
  return an_xstrndup(name, strlen(name) - 3);
}

/* ---- actors ---- */

static an_actor *S_find_actor(an_corpus *c, const char *id) {
  size_t lo = 0, hi = c->nactors;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int r = strcmp(c->actors[mid]->id, id);
    if (!r) return c->actors[mid];
    if (r < 0) lo = mid + 1; else hi = mid;
  }
  return NULL;
}

const an_actor *an_corpus_actor(const an_corpus *c, const char *id) {
  return S_find_actor((an_corpus *)c, id);
}

static an_actor *S_insert_actor(an_corpus *c, size_t *cap, const char *id) {
  size_t lo = 0, hi = c->nactors;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (strcmp(c->actors[mid]->id, id) < 0) lo = mid + 1; else hi = mid;
  }
  c->actors = an_xgrow(c->actors, cap, c->nactors + 1, sizeof(an_actor *));
  memmove(c->actors + lo + 1, c->actors + lo, (c->nactors - lo) * sizeof(an_actor *));
  an_actor *a = an_xcalloc(1, sizeof(an_actor));
  a->id = an_xstrdup(id);
  c->actors[lo] = a;
  c->nactors++;
  return a;
}

/* A string or a list of strings under key; reports other shapes. */
static const char **S_str_list(const an_doc *doc, const char *key, size_t *n,
                               an_diags *d) {
  const an_yaml *v = an_yaml_get(doc->file.meta, key);
  *n = 0;
  if (!v) return NULL;
  if (v->kind == AN_YAML_SCALAR) {
    if (!*v->value) return NULL;
    const char **out = an_xmalloc(sizeof(char *));
    out[(*n)++] = v->value;
    return out;
  }
  if (v->kind == AN_YAML_SEQ) {
    const char **out = an_xmalloc((v->len + 1) * sizeof(char *));
    for (size_t i = 0; i < v->len; i++) {
      if (v->items[i]->kind != AN_YAML_SCALAR) {
        an_diag_add(d, AN_ERROR, doc->file.path, v->items[i]->line, v->items[i]->column,
                    "'%s' must be a list of words", key);
        continue;
      }
      out[(*n)++] = v->items[i]->value;
    }
    return out;
  }
  an_diag_add(d, AN_ERROR, doc->file.path, v->line, v->column,
              "'%s' must be a word or a list of words", key);
  return NULL;
}

/* A required or optional scalar under key; reports other shapes. */
static const char *S_scalar(const an_doc *doc, const char *key, int required,
                            an_diags *d) {
  const an_yaml *v = an_yaml_get(doc->file.meta, key);
  if (!v) {
    /* front matter that did not parse was reported; no second error */
    if (required && !(doc->file.meta_line && !doc->file.meta))
      an_diag_add(d, AN_ERROR, doc->file.path, doc->file.meta_line ? doc->file.meta_line : 1,
                  1,
                  "the front matter needs '%s:'%s", key,
                  doc->file.meta ? "" : " (start the file with a '---' line, "
                                        "'key: value' lines, and a closing '---')");
    return NULL;
  }
  if (v->kind != AN_YAML_SCALAR || (required && !*v->value)) {
    an_diag_add(d, AN_ERROR, doc->file.path, v->line, v->column,
                "'%s' must be %s", key, required ? "a non-empty text" : "a text");
    return NULL;
  }
  return v->value;
}

static void S_load_actor(an_corpus *c, size_t *cap, const char *name,
                         an_doc *doc, an_diags *d) {
  char *id = S_stem(name);
  if (!an_valid_id(id)) {
    an_diag_add(d, AN_ERROR, doc->file.path, 0, 0,
                "'%s' is not a valid actor id (the file name without .md): ids "
                "are 1-64 lower-case letters, digits and '-'", id);
    free(id);
    an_doc_free(doc);
    return;
  }
  an_actor *a = S_insert_actor(c, cap, id);
  free(id);
  a->doc = doc;
  const char *nm = S_scalar(doc, "name", 1, d);
  a->name = an_xstrdup(nm ? nm : a->id);
  const char *kind = S_scalar(doc, "kind", 0, d);
  a->kind = "other";
  if (kind) {
    int found = 0;
    for (size_t i = 0; i < 6; i++)
      if (strcmp(kind, S_KINDS[i]) == 0) a->kind = S_KINDS[i], found = 1;
    if (!found) {
      const an_yaml *v = an_yaml_get(doc->file.meta, "kind");
      const char *hint = an_did_you_mean(kind, S_KINDS, 6);
      an_diag_add(d, AN_ERROR, doc->file.path, v->line, v->column,
                  "unknown kind '%s'%s%s%s", kind, hint ? "; did you mean '" : "",
                  hint ? hint : "; use state, organization, person, media, group or other",
                  hint ? "'?" : "");
    }
  }
  a->role = S_scalar(doc, "role", 0, d);
  a->aliases = S_str_list(doc, "aliases", &a->naliases, d);
  size_t nm_of = 0;
  const char **m = S_str_list(doc, "member-of", &nm_of, d);
  a->member_of = an_xcalloc(nm_of + 1, sizeof(char *));
  for (size_t i = 0; i < nm_of; i++) {
    int dup = 0;
    for (size_t k = 0; k < a->nmember_of && !dup; k++) dup = !strcmp(a->member_of[k], m[i]);
    if (dup) {
      const an_yaml *v = an_yaml_get(doc->file.meta, "member-of");
      an_diag_add(d, AN_WARNING, doc->file.path, v->line, v->column,
                  "member-of: '%s' is given twice", m[i]);
      continue;
    }
    a->member_of[a->nmember_of++] = an_xstrdup(m[i]);
  }
  free(m);
}

/* Candidates for did-you-mean: every id and alias. names[i] maps to ids[i]. */
typedef struct {
  const char **names, **ids;
  size_t n;
} S_names;

static S_names S_actor_names(const an_corpus *c) {
  S_names s = {NULL, NULL, 0};
  size_t total = 0;
  for (size_t i = 0; i < c->nactors; i++) total += 1 + c->actors[i]->naliases;
  s.names = an_xmalloc((total + 1) * sizeof(char *));
  s.ids = an_xmalloc((total + 1) * sizeof(char *));
  for (size_t i = 0; i < c->nactors; i++) {
    const an_actor *a = c->actors[i];
    s.names[s.n] = a->id;
    s.ids[s.n++] = a->id;
    for (size_t k = 0; k < a->naliases; k++) {
      s.names[s.n] = a->aliases[k];
      s.ids[s.n++] = a->id;
    }
  }
  return s;
}

/* Looks an actor id up; an unknown one is reported once per position and
 * created from its id (named after the words of its first mention). */
static an_actor *S_use_actor(an_corpus *c, size_t *cap, const char *id,
                             const char *words, const char *file, int line,
                             int column, an_diags *d) {
  an_actor *a = S_find_actor(c, id);
  if (a && a->doc) return a;
  /* did-you-mean over the declared actors only */
  an_corpus tmp = *c;
  an_actor **declared = an_xmalloc((c->nactors + 1) * sizeof(an_actor *));
  size_t nd = 0;
  for (size_t i = 0; i < c->nactors; i++)
    if (c->actors[i]->doc) declared[nd++] = c->actors[i];
  tmp.actors = declared;
  tmp.nactors = nd;
  S_names names = S_actor_names(&tmp);
  const char *hint = NULL;
  for (size_t i = 0; i < names.n && !hint; i++)
    if (an_edit_distance(id, names.names[i]) == 0) hint = names.ids[i];
  if (!hint) {
    const char *best = an_did_you_mean(id, names.names, names.n);
    for (size_t i = 0; best && i < names.n; i++)
      if (names.names[i] == best) hint = names.ids[i];
  }
  if (hint)
    an_diag_add(d, AN_WARNING, file, line, column,
                "unknown actor '@%s'; did you mean '@%s'?", id, hint);
  else
    an_diag_add(d, AN_WARNING, file, line, column,
                "unknown actor '@%s' (no file actors/%s.md); it is created from its id",
                id, id);
  free(names.names);
  free(names.ids);
  free(declared);
  if (!a) {
    a = S_insert_actor(c, cap, id);
    a->name = an_xstrdup(words && *words ? words : id);
    a->kind = "other";
    a->member_of = an_xcalloc(1, sizeof(char *));
  }
  return a;
}

/* ---- events ---- */

static const an_when *S_entry_when(const an_entry *e) {
  return e->timed ? &e->timed->time->when : NULL;
}

static int32_t S_entry_day(const an_entry *e) {
  const an_when *w = S_entry_when(e);
  if (w) return w->first;
  return e->doc->has_published ? e->doc->published : AN_DAY_MAX;
}

static int S_cmp_entry(const void *pa, const void *pb) {
  const an_entry *a = pa, *b = pb;
  int32_t da = S_entry_day(a), db = S_entry_day(b);
  if (da != db) return da < db ? -1 : 1;
  const an_when *wa = S_entry_when(a), *wb = S_entry_when(b);
  if (wa && wb) {
    int r = an_when_compare(wa, wb);
    if (r) return r;
  } else if (wa || wb) {
    return wa ? -1 : 1; /* "reported by" after dated events of that day */
  }
  /* source order: the briefing first, then sources (one array) in order */
  if (a->source != b->source) {
    if (!a->source || !b->source) return a->source ? 1 : -1;
    return a->source < b->source ? -1 : 1;
  }
  return a->event->index < b->event->index ? -1 : a->event->index > b->event->index;
}

static void S_add_unique(const char ***list, size_t *n, size_t *cap, const char *id) {
  for (size_t i = 0; i < *n; i++)
    if (strcmp((*list)[i], id) == 0) return;
  *list = an_xgrow(*list, cap, *n + 1, sizeof(char *));
  (*list)[(*n)++] = id;
}

/* Adds the events of one file: a block whose key an earlier file used
 * joins that event as a further citation.  keys: event key -> entry. */
static void S_collect_entries(an_corpus *c, an_doc *doc, const an_source *src,
                              size_t *cap, xmlHashTablePtr keys) {
  for (size_t i = 0; i < doc->nevents; i++) {
    an_event *ev = doc->events[i];
    void *slot = ev->key ? xmlHashLookup(keys, BAD_CAST ev->key) : NULL;
    an_entry *e = slot ? &c->entries[S_index(slot)] : NULL;
    if (!e) {
      if (ev->key) xmlHashAddEntry(keys, BAD_CAST ev->key, S_slot(c->nentries));
      c->entries = an_xgrow(c->entries, cap, c->nentries + 1, sizeof(an_entry));
      e = &c->entries[c->nentries++];
      memset(e, 0, sizeof *e);
      e->event = ev;
      e->source = src;
      e->doc = doc;
    }
    e->cites = an_xrealloc(e->cites, (e->ncites + 1) * sizeof(an_cite));
    e->cites[e->ncites].event = ev;
    e->cites[e->ncites].source = src;
    e->cites[e->ncites].doc = doc;
    e->ncites++;
  }
}

static const char *S_publisher(const an_cite *ct) {
  const char *p = an_yaml_str(ct->doc->file.meta, "publisher");
  return p && *p ? p : ct->source ? ct->source->id : "briefing";
}

/* The event's time from its citations: compatible times (every two
 * overlap) give the finest; disjoint ones are a conflict, reported as a
 * note at each block whose time is disjoint from an earlier block's, and
 * the first dated block then stands for the event. */
static void S_entry_time(an_entry *e, an_diags *d) {
  for (size_t i = 0; i < e->ncites; i++) {
    const an_event *ev = e->cites[i].event;
    if (!ev->time) continue;
    const an_when *w = &ev->time->when;
    for (size_t k = 0; k < i; k++) {
      const an_event *prev = e->cites[k].event;
      if (!prev->time || an_when_overlaps(w, &prev->time->when)) continue;
      char here[160], there[160];
      an_when_display(w, here, sizeof here);
      an_when_display(&prev->time->when, there, sizeof there);
      an_diag_add(d, AN_NOTE, e->cites[i].doc->file.path, ev->time->line,
                  ev->time->column,
                  "event \"%s\" is dated %s here but %s in %s:%d; both are kept "
                  "and listed as a conflict",
                  ev->key, here, there, e->cites[k].doc->file.path, prev->time->line);
      e->conflict = 1;
      break;
    }
    if (!e->timed) {
      e->timed = ev;
    } else if (!e->conflict) {
      const an_when *best = &e->timed->time->when;
      if ((int64_t)w->last - w->first < (int64_t)best->last - best->first) e->timed = ev;
    }
  }
  if (e->conflict)
    for (size_t i = 0; i < e->ncites; i++)
      if (e->cites[i].event->time) {
        e->timed = e->cites[i].event;
        break;
      }
  /* independent sources: distinct publishers */
  for (size_t i = 0; i < e->ncites; i++) {
    int seen = 0;
    for (size_t k = 0; k < i && !seen; k++)
      seen = strcmp(S_publisher(&e->cites[k]), S_publisher(&e->cites[i])) == 0;
    if (!seen) e->independent++;
  }
}

static void S_use_mentions(an_corpus *c, size_t *cap, an_doc *doc,
                           an_diags *d) {
  for (size_t i = 0; i < doc->nanns; i++) {
    const an_ann *a = doc->anns[i];
    if (a->kind == AN_ANN_ACTOR && an_valid_id(a->ref)) {
      S_use_actor(c, cap, a->ref, a->words, doc->file.path, a->line, a->column,
                  d)->mentioned = 1;
    } else if (a->kind == AN_ANN_ACTION && *a->title) {
      /* ids named in a title; those from prose are mentions, seen above */
      for (size_t k = 0; k < a->nsubjects; k++)
        S_use_actor(c, cap, a->subjects[k], NULL, doc->file.path, a->line,
                    a->column, d)->mentioned = 1;
      for (size_t k = 0; k < a->nobjects; k++)
        S_use_actor(c, cap, a->objects[k], NULL, doc->file.path, a->line,
                    a->column, d)->mentioned = 1;
    }
  }
}

/* The topic of a '#' annotation, created at its first mention; ids:
 * topic id -> topic (until the topics are sorted). */
static an_topic *S_use_topic(an_corpus *c, size_t *cap, xmlHashTablePtr ids,
                             const an_ann *a) {
  void *slot = xmlHashLookup(ids, BAD_CAST a->ref);
  if (slot) return c->topics[S_index(slot)];
  xmlHashAddEntry(ids, BAD_CAST a->ref, S_slot(c->ntopics));
  c->topics = an_xgrow(c->topics, cap, c->ntopics + 1, sizeof(an_topic *));
  an_topic *t = an_xcalloc(1, sizeof(an_topic));
  t->id = an_xstrdup(a->ref);
  t->name = an_xstrdup(*a->words ? a->words : a->ref);
  c->topics[c->ntopics++] = t;
  return t;
}

static int S_cmp_topic(const void *a, const void *b) {
  return strcmp((*(an_topic *const *)a)->id, (*(an_topic *const *)b)->id);
}

static void S_parents(an_corpus *c, an_diags *d) {
  for (size_t i = 0; i < c->nactors; i++) {
    an_actor *a = c->actors[i];
    for (size_t k = 0; k < a->nmember_of; k++) {
      const char *ref = a->member_of[k];
      an_actor *p = S_find_actor(c, ref);
      const an_yaml *v = a->doc ? an_yaml_get(a->doc->file.meta, "member-of") : NULL;
      int line = v ? v->line : 0, col = v ? v->column : 0;
      if (!p) {
        S_names names = S_actor_names(c);
        const char *best = an_did_you_mean(ref, names.names, names.n);
        const char *hint = NULL;
        for (size_t j = 0; best && j < names.n; j++)
          if (names.names[j] == best) hint = names.ids[j];
        an_diag_add(d, AN_WARNING, a->doc ? a->doc->file.path : a->id, line, col,
                    "member-of: unknown actor '%s'%s%s%s", ref,
                    hint ? "; did you mean '" : "", hint ? hint : "", hint ? "'?" : "");
        free(names.names);
        free(names.ids);
        continue;
      }
      p->mentioned = 1;
      if (a->parent) continue;
      /* refuse a parent that would make a cycle */
      const an_actor *q = p;
      int cycle = 0;
      for (size_t steps = 0; q && steps <= c->nactors; steps++) {
        if (q == a) {
          cycle = 1;
          break;
        }
        q = q->parent ? S_find_actor(c, q->parent) : NULL;
      }
      if (cycle) {
        an_diag_add(d, AN_WARNING, a->doc ? a->doc->file.path : a->id, line, col,
                    "member-of: '%s' would make '%s' a member of itself; ignored",
                    ref, a->id);
        continue;
      }
      a->parent = p->id;
    }
  }
}

/* The entry's uid (see corpus.h). */
static void S_uid(an_entry *e) {
  an_buf basis = AN_BUF_INIT;
  if (e->event->key) {
    an_buf_printf(&basis, "key\n%s", e->event->key);
  } else {
    an_buf_printf(&basis, "text\n%s\n", e->source ? e->source->id : "");
    xmlNodePtr tmp = xmlNewNode(NULL, (const xmlChar *)"text");
    an_body_inlines(tmp, e->event->block);
    xmlChar *t = xmlNodeGetContent(tmp);
    if (t) an_buf_puts(&basis, (const char *)t);
    xmlFree(t);
    xmlFreeNode(tmp);
  }
  XXH64_hash_t h = XXH3_64bits(basis.ptr ? basis.ptr : "", basis.len);
  an_buf_free(&basis);
  snprintf(e->uid, sizeof e->uid, "e%016llx", (unsigned long long)h);
}

/* Event ids: "ev-" and ten digits of the uid, so that an event keeps its
 * id (and every link to it) while other events come and go; the second
 * event with the same digits (the same text twice in one source) gets
 * "-2", the next "-3", in chronological order.  taken counts the events
 * of each "ev-" and ten digits, so ten thousand repeats cost no more than
 * ten thousand events. */
static char *S_event_id(const an_entry *e, xmlHashTablePtr taken) {
  an_buf id = AN_BUF_INIT;
  an_buf_printf(&id, "ev-%.10s", e->uid + 1);
  uintptr_t seen = (uintptr_t)xmlHashLookup(taken, (const xmlChar *)id.ptr);
  xmlHashUpdateEntry(taken, (const xmlChar *)id.ptr, (void *)(seen + 1), NULL);
  if (seen) an_buf_printf(&id, "-%zu", (size_t)seen + 1);
  return an_buf_detach(&id);
}

static void S_finish_entries(an_corpus *c, an_diags *d) {
  size_t tcap = c->ntopics;
  xmlHashTablePtr topic_ids = xmlHashCreate(64);
  for (size_t i = 0; i < c->nentries; i++) S_entry_time(&c->entries[i], d);
  if (c->nentries) qsort(c->entries, c->nentries, sizeof(an_entry), S_cmp_entry);
  size_t acap = 0;
  xmlHashTablePtr taken = xmlHashCreate(256);
  for (size_t i = 0; i < c->nentries; i++) {
    an_entry *e = &c->entries[i];
    S_uid(e);
    char *evid = S_event_id(e, taken);
    for (size_t k = 0; k < e->ncites; k++) e->cites[k].event->id = an_xstrdup(evid);
    size_t nact = 0; /* the actions of this event */
    size_t pcap = 0, topcap = 0;
    for (size_t ci = 0; ci < e->ncites; ci++) {
      const an_event *ev = e->cites[ci].event;
      for (size_t k = 0; k < ev->nanns; k++) {
        const an_ann *a = ev->anns[k];
        if (a->kind == AN_ANN_ACTOR && an_valid_id(a->ref)) {
          S_add_unique(&e->participants, &e->nparticipants, &pcap, a->ref);
        } else if (a->kind == AN_ANN_ACTION) {
          for (size_t j = 0; j < a->nsubjects; j++)
            S_add_unique(&e->participants, &e->nparticipants, &pcap, a->subjects[j]);
          for (size_t j = 0; j < a->nobjects; j++)
            S_add_unique(&e->participants, &e->nparticipants, &pcap, a->objects[j]);
        } else if (a->kind == AN_ANN_TOPIC && an_valid_id(a->ref)) {
          an_topic *t = S_use_topic(c, &tcap, topic_ids, a);
          size_t before = e->ntopics;
          S_add_unique(&e->topics, &e->ntopics, &topcap, t->id);
          if (e->ntopics > before) t->events++;
        }
      }
    }
    for (size_t k = 0; k < e->nparticipants; k++) {
      an_actor *a = S_find_actor(c, e->participants[k]);
      if (a) a->events++;
    }
    for (size_t ci = 0; ci < e->ncites; ci++) {
      const an_event *ev = e->cites[ci].event;
      for (size_t k = 0; k < ev->nanns; k++) {
        const an_ann *a = ev->anns[k];
        if (a->kind != AN_ANN_ACTION || !a->nsubjects) continue;
        c->actions = an_xgrow(c->actions, &acap, c->nactions + 1, sizeof(an_action));
        an_action *act = &c->actions[c->nactions++];
        an_buf aid = AN_BUF_INIT;
        an_buf_printf(&aid, "act-%s-%zu", evid + 3, ++nact);
        act->id = an_buf_detach(&aid);
        act->ann = a;
        ((an_ann *)a)->action_id = act->id;
        act->entry = e;
        act->cite = &e->cites[ci];
      }
    }
    free(evid);
  }
  xmlHashFree(taken, NULL);
  /* topics mentioned outside events still get their entry */
  for (size_t i = 0; i < c->nsources + 1; i++) {
    const an_doc *doc = i < c->nsources ? c->sources[i].doc : c->briefing;
    for (size_t k = 0; doc && k < doc->nanns; k++)
      if (doc->anns[k]->kind == AN_ANN_TOPIC && an_valid_id(doc->anns[k]->ref))
        S_use_topic(c, &tcap, topic_ids, doc->anns[k]);
  }
  xmlHashFree(topic_ids, NULL);
  if (c->ntopics) qsort(c->topics, c->ntopics, sizeof(an_topic *), S_cmp_topic);
}

static void S_edges(an_corpus *c) {
  size_t cap = 0;
  /* (subject, type, object) -> edge */
  xmlHashTablePtr seen = xmlHashCreate(256);
  for (size_t i = 0; i < c->nactions; i++) {
    const an_action *act = &c->actions[i];
    const an_ann *a = act->ann;
    size_t cls = S_class_index(a->ref);
    for (size_t s = 0; s < a->nsubjects; s++) {
      an_actor *subj = S_find_actor(c, a->subjects[s]);
      if (subj) subj->given++, subj->given_by_class[cls]++;
      for (size_t o = 0; o < a->nobjects; o++) {
        an_actor *obj = S_find_actor(c, a->objects[o]);
        if (obj && s == 0) obj->received++, obj->received_by_class[cls]++;
        void *slot = xmlHashLookup3(seen, BAD_CAST a->subjects[s], BAD_CAST a->ref,
                                    BAD_CAST a->objects[o]);
        an_edge *e = slot ? &c->edges[S_index(slot)] : NULL;
        if (!e) {
          xmlHashAddEntry3(seen, BAD_CAST a->subjects[s], BAD_CAST a->ref,
                           BAD_CAST a->objects[o], S_slot(c->nedges));
          c->edges = an_xgrow(c->edges, &cap, c->nedges + 1, sizeof(an_edge));
          e = &c->edges[c->nedges++];
          memset(e, 0, sizeof *e);
          e->id = S_numbered("edge", c->nedges);
          e->subject = a->subjects[s];
          e->type = a->ref;
          e->object = a->objects[o];
        }
        e->actions = an_xrealloc((void *)e->actions, (e->nactions + 1) * sizeof(an_action *));
        e->actions[e->nactions++] = act;
        e->count++;
        /* only the events' own times date an edge: "reported by" is an
         * upper bound, and open ends have no day */
        const an_when *w = S_entry_when(act->entry);
        if (!w || w->first == AN_DAY_MIN || w->last == AN_DAY_MAX) continue;
        int32_t first = w->first, last = w->last;
        if (!e->dated || first < e->first) e->first = first;
        if (!e->dated || last > e->last) e->last = last;
        e->dated = 1;
      }
    }
  }
  xmlHashFree(seen, NULL);
}

/* The plain text of a body: text outside annotations, a blank line
 * between blocks, an annotation replaced by a space. */
static void S_plain_text(cmark_node *root, an_buf *out) {
  cmark_iter *it = cmark_iter_new(root);
  cmark_event_type ev;
  cmark_node *skip = NULL; /* the annotation link being skipped */
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *n = cmark_iter_get_node(it);
    if (skip) {
      if (n == skip && ev == CMARK_EVENT_EXIT) skip = NULL;
      continue;
    }
    switch (cmark_node_get_type(n)) {
    case CMARK_NODE_LINK:
      if (ev == CMARK_EVENT_ENTER && an_node_ann(n)) {
        an_buf_putc(out, ' ');
        skip = n;
      }
      break;
    case CMARK_NODE_TEXT:
      an_buf_puts(out, cmark_node_get_literal(n));
      break;
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
      an_buf_putc(out, '\n');
      break;
    case CMARK_NODE_PARAGRAPH:
    case CMARK_NODE_HEADING:
      if (ev == CMARK_EVENT_EXIT) an_buf_puts(out, "\n\n");
      break;
    default:
      break;
    }
  }
  cmark_iter_free(it);
}

void an_corpus_count_mentions(an_corpus *c) {
  if (!c || c->counts) return;
  an_matcher *m = an_matcher_new();
  size_t per = c->nsources + 1;
  c->counts = an_xcalloc(2 * c->nactors * per + 1, sizeof(size_t));
  for (size_t i = 0; i < c->nactors; i++) {
    an_actor *a = c->actors[i];
    a->annotated = c->counts + 2 * i * per;
    a->plain = a->annotated + per;
    if (!a->doc) continue;
    an_matcher_add(m, a->name, i);
    for (size_t k = 0; k < a->naliases; k++) an_matcher_add(m, a->aliases[k], i);
  }
  size_t *counts = an_xcalloc(c->nactors + 1, sizeof(size_t));
  an_buf text = AN_BUF_INIT;
  for (size_t s = 0; s < c->nsources; s++) {
    const an_doc *doc = c->sources[s].doc;
    for (size_t k = 0; k < doc->nanns; k++) {
      const an_ann *a = doc->anns[k];
      an_actor *act = a->kind == AN_ANN_ACTOR ? S_find_actor(c, a->ref) : NULL;
      if (act) act->annotated[s]++;
    }
    an_buf_clear(&text);
    S_plain_text(doc->root, &text);
    memset(counts, 0, (c->nactors + 1) * sizeof(size_t));
    an_matcher_count(m, an_buf_cstr(&text), text.len, counts);
    for (size_t i = 0; i < c->nactors; i++) /* zero already */
      if (counts[i]) c->actors[i]->plain[s] = counts[i];
  }
  an_buf_free(&text);
  free(counts);
  an_matcher_free(m);
}

/* A source published after the briefing's date (its "as of" day) is
 * probably misdated: a warning at its 'published:' value.  Without a
 * briefing date nothing is checked (the clock is never read, so that a
 * build depends on its input alone). */
static void S_future(const an_corpus *c, an_diags *d) {
  if (!c->briefing || !c->briefing->has_published) return;
  char as_of[11], pub[11];
  an_day_iso(c->briefing->published, as_of);
  for (size_t i = 0; i < c->nsources; i++) {
    const an_doc *doc = c->sources[i].doc;
    if (!doc->has_published || doc->published <= c->briefing->published) continue;
    const an_yaml *v = an_yaml_get(doc->file.meta, "published");
    an_day_iso(doc->published, pub);
    an_diag_add(d, AN_WARNING, doc->file.path, v ? v->line : 1, v ? v->column : 1,
                "published %s, after the briefing's date %s (briefing.md 'date:'); "
                "is either date wrong?", pub, as_of);
  }
}

/* An alias (or name) given to two declared actors makes plain-text
 * mentions ambiguous: a warning at the later one.  Sorted, so that 100k
 * actors cost n log n. */
typedef struct {
  const char *text;
  size_t actor, index; /* index: 0 for the name, k + 1 for alias k */
} S_label;

static int S_cmp_label(const void *pa, const void *pb) {
  const S_label *a = pa, *b = pb;
  int r = strcmp(a->text, b->text);
  if (r) return r;
  if (a->actor != b->actor) return a->actor < b->actor ? -1 : 1;
  return a->index < b->index ? -1 : a->index > b->index;
}

static void S_shared_aliases(const an_corpus *c, an_diags *d) {
  size_t n = 0, cap = 0;
  S_label *v = NULL;
  for (size_t i = 0; i < c->nactors; i++) {
    const an_actor *a = c->actors[i];
    if (!a->doc) continue;
    for (size_t k = 0; k <= a->naliases; k++) {
      v = an_xgrow(v, &cap, n + 1, sizeof(S_label));
      v[n].text = k ? a->aliases[k - 1] : a->name;
      v[n].actor = i;
      v[n++].index = k;
    }
  }
  if (n) qsort(v, n, sizeof(S_label), S_cmp_label);
  for (size_t i = 1; i < n; i++) {
    if (strcmp(v[i].text, v[i - 1].text) != 0 || v[i].index == 0) continue;
    const an_actor *a = c->actors[v[i].actor];
    const an_yaml *y = an_yaml_get(a->doc->file.meta, "aliases");
    if (v[i].actor == v[i - 1].actor)
      an_diag_add(d, AN_WARNING, a->doc->file.path, y ? y->line : 1, y ? y->column : 1,
                  "alias '%s' repeats the name or another alias of this actor",
                  v[i].text);
    else
      an_diag_add(d, AN_WARNING, a->doc->file.path, y ? y->line : 1, y ? y->column : 1,
                  "alias '%s' is also a name or alias of '%s'; plain-text "
                  "mentions of it are counted for both", v[i].text,
                  c->actors[v[i - 1].actor]->id);
  }
  free(v);
}

an_corpus *an_corpus_load(const char *dir, an_diags *d) {
  struct stat st;
  if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
    an_diag_io(d, dir, "cannot read the input folder: %s",
               stat(dir, &st) != 0 ? strerror(errno) : "not a folder");
    return NULL;
  }
  an_corpus *c = an_xcalloc(1, sizeof(an_corpus));
  /* resolved once, not for every file */
  char *root = realpath(dir, NULL);
  an_buf bpath = AN_BUF_INIT;
  an_buf_printf(&bpath, "%s/briefing.md", dir);
  if (stat(an_buf_cstr(&bpath), &st) != 0) {
    an_diag_add(d, AN_ERROR, an_buf_cstr(&bpath), 0, 0,
                "missing: every input folder needs a briefing.md with at least "
                "'title:' in its front matter");
  } else {
    c->briefing = S_read(dir, root, NULL, "briefing.md", "date", d);
    if (c->briefing) S_scalar(c->briefing, "title", 1, d);
  }
  an_buf_free(&bpath);

  char **names;
  size_t n;
  size_t actor_cap = 0;
  if (S_list_md(dir, "actors", &names, &n, d)) {
    for (size_t i = 0; i < n; i++) {
      an_doc *doc = S_read(dir, root, "actors", names[i], NULL, d);
      if (doc) S_load_actor(c, &actor_cap, names[i], doc, d);
    }
    S_free_names(names, n);
  }
  if (S_list_md(dir, "sources", &names, &n, d)) {
    c->sources = an_xcalloc(n + 1, sizeof(an_source));
    for (size_t i = 0; i < n; i++) {
      an_doc *doc = S_read(dir, root, "sources", names[i], "published", d);
      if (!doc) continue;
      an_source *s = &c->sources[c->nsources++];
      s->id = S_stem(names[i]);
      s->doc = doc;
      if (!an_valid_id(s->id))
        an_diag_add(d, AN_ERROR, doc->file.path, 0, 0,
                    "'%s' is not a valid source id (the file name without .md): "
                    "ids are 1-64 lower-case letters, digits and '-'", s->id);
      S_scalar(doc, "title", 1, d);
      if (!doc->has_published && !an_yaml_get(doc->file.meta, "published") &&
          !(doc->file.meta_line && !doc->file.meta))
        an_diag_add(d, AN_WARNING, doc->file.path, doc->file.meta_line ? doc->file.meta_line : 1, 1,
                    "no 'published:' date: relative times cannot be read and "
                    "undated events cannot be placed");
    }
    S_free_names(names, n);
  }
  free(root);
  S_future(c, d);
  S_shared_aliases(c, d);
  /* mentions: briefing, sources, then actor profiles */
  if (c->briefing) S_use_mentions(c, &actor_cap, c->briefing, d);
  for (size_t i = 0; i < c->nsources; i++)
    S_use_mentions(c, &actor_cap, c->sources[i].doc, d);
  size_t nbefore = c->nactors;
  for (size_t i = 0; i < nbefore; i++) {
    an_doc *doc = c->actors[i]->doc;
    if (doc) S_use_mentions(c, &actor_cap, doc, d);
  }
  S_parents(c, d);
  for (size_t i = 0; i < c->nactors; i++)
    if (c->actors[i]->doc && !c->actors[i]->mentioned)
      an_diag_add(d, AN_WARNING, c->actors[i]->doc->file.path, 0, 0,
                  "actor '%s' is declared but never mentioned", c->actors[i]->id);

  size_t ecap = 0;
  xmlHashTablePtr keys = xmlHashCreate(256);
  if (c->briefing) S_collect_entries(c, c->briefing, NULL, &ecap, keys);
  for (size_t i = 0; i < c->nsources; i++)
    S_collect_entries(c, c->sources[i].doc, &c->sources[i], &ecap, keys);
  xmlHashFree(keys, NULL);
  S_finish_entries(c, d);
  S_edges(c);
  return c;
}

void an_corpus_free(an_corpus *c) {
  if (!c) return;
  an_doc_free(c->briefing);
  for (size_t i = 0; i < c->nsources; i++) {
    free(c->sources[i].id);
    an_doc_free(c->sources[i].doc);
  }
  free(c->sources);
  for (size_t i = 0; i < c->nactors; i++) {
    an_actor *a = c->actors[i];
    free(a->id);
    free(a->name);
    free(a->aliases);
    for (size_t k = 0; k < a->nmember_of; k++) free(a->member_of[k]);
    free(a->member_of);
    an_doc_free(a->doc);
    free(a);
  }
  free(c->actors);
  free(c->counts);
  for (size_t i = 0; i < c->ntopics; i++) {
    free(c->topics[i]->id);
    free(c->topics[i]->name);
    free(c->topics[i]);
  }
  free(c->topics);
  for (size_t i = 0; i < c->nentries; i++) {
    free(c->entries[i].cites);
    free(c->entries[i].participants);
    free(c->entries[i].topics);
  }
  free(c->entries);
  for (size_t i = 0; i < c->nactions; i++) free(c->actions[i].id);
  free(c->actions);
  for (size_t i = 0; i < c->nedges; i++) {
    free(c->edges[i].id);
    free((void *)c->edges[i].actions);
  }
  free(c->edges);
  free(c);
}

static void S_digest_doc(XXH3_state_t *st, const an_doc *doc) {
  if (!doc) return;
  XXH3_128bits_update(st, doc->file.path, strlen(doc->file.path) + 1);
  XXH3_128bits_update(st, doc->file.digest, sizeof doc->file.digest);
}

void an_corpus_digest(const an_corpus *c, unsigned char out[16]) {
  XXH3_state_t *st = XXH3_createState();
  if (!st) an_out_of_memory();
  XXH3_128bits_reset(st);
  S_digest_doc(st, c->briefing);
  for (size_t i = 0; i < c->nsources; i++) S_digest_doc(st, c->sources[i].doc);
  for (size_t i = 0; i < c->nactors; i++) S_digest_doc(st, c->actors[i]->doc);
  XXH128_canonical_t sum;
  XXH128_canonicalFromHash(&sum, XXH3_128bits_digest(st));
  XXH3_freeState(st);
  memcpy(out, sum.digest, 16);
}
