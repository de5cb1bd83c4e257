/* annotate.c - see annotate.h. */
#include "annotate.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"

const char *const an_action_types[16] = {
    "agree",   "consult", "support",  "concede", "cooperate", "aid",
    "retreat", "request", "accuse",   "reject",  "threaten",  "protest",
    "sanction", "mobilize", "coerce", "assault"};

const char *an_action_class(const char *type) {
  static const char *const classes[16] = {
      "verbal-cooperation", "verbal-cooperation", "verbal-cooperation",
      "verbal-cooperation", "material-cooperation", "material-cooperation",
      "material-cooperation", "verbal-conflict", "verbal-conflict",
      "verbal-conflict", "verbal-conflict", "material-conflict",
      "material-conflict", "material-conflict", "material-conflict",
      "material-conflict"};
  if (!type) return NULL;
  if (!*type) return "neutral";
  for (size_t i = 0; i < 16; i++)
    if (strcmp(type, an_action_types[i]) == 0) return classes[i];
  return NULL;
}

int an_valid_id(const char *s) {
  size_t n = 0;
  if (!s || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= '0' && s[0] <= '9')))
    return 0;
  for (; s[n]; n++)
    if (!((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= '0' && s[n] <= '9') ||
          s[n] == '-'))
      return 0;
  return n <= 64;
}

/* ---- the walk ---- */

typedef struct {
  int level;
  const an_ann *time;
} S_section;

typedef struct {
  an_doc *doc;
  an_diags *d;
  size_t ann_cap, event_cap;
  const an_ann *story;      /* the last resolved time in the file */
  S_section sections[7];    /* section dates by heading level */
  /* the block being read */
  cmark_node *block;
  an_ann **block_anns;
  size_t block_len, block_cap;
  an_buf words;             /* scratch: a link's text */
} S_walk;

static void S_plain_text(cmark_node *node, an_buf *out) {
  cmark_iter *it = cmark_iter_new(node);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *n = cmark_iter_get_node(it);
    if (ev != CMARK_EVENT_ENTER) continue;
    switch (cmark_node_get_type(n)) {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
      an_buf_puts(out, cmark_node_get_literal(n));
      break;
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
      an_buf_putc(out, ' ');
      break;
    default:
      break;
    }
  }
  cmark_iter_free(it);
}

/* 1 when the text at p (a '[') is a link whose destination is url: the
 * brackets balance (backslash escapes skipped) and "](" + url follows. */
static int S_link_at(const char *t, size_t p, size_t end, const char *url) {
  int depth = 0;
  for (size_t i = p; i < end; i++) {
    if (t[i] == '\\' && i + 1 < end) {
      i++;
    } else if (t[i] == '[') {
      depth++;
    } else if (t[i] == ']' && --depth == 0) {
      size_t j = i + 1, n = strlen(url);
      if (j >= end || t[j] != '(') return 0;
      j++;
      while (j < end && (t[j] == ' ' || t[j] == '\t' || t[j] == '\n' || t[j] == '\r')) j++;
      if (j < end && t[j] == '<') j++;
      return end - j >= n && memcmp(t + j, url, n) == 0;
    }
  }
  return 0;
}

/* The position of a link's '['.  cmark 0.30.2 misreports inline positions
 * after stripped indentation and hard line breaks, always too early: look
 * forward from what it says, within the block, for the link itself. */
static void S_position(const an_file *f, cmark_node *link, cmark_node *block,
                       int *line, int *col) {
  size_t from = an_file_offset(f, cmark_node_get_start_line(link),
                               cmark_node_get_start_column(link));
  int end_line = block ? cmark_node_get_end_line(block) : (int)f->nlines;
  size_t end = an_file_offset(f, end_line + 1, 1);
  const char *url = cmark_node_get_url(link);
  for (size_t p = from; p < end; p++)
    if (f->text[p] == '[' && S_link_at(f->text, p, end, url ? url : "")) {
      from = p;
      break;
    }
  an_file_locate(f, from, line, col);
}

static char *S_trim_dup(const char *s, size_t n) {
  while (n && (*s == ' ' || *s == '\t')) s++, n--;
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
  return an_xstrndup(s, n);
}

/* Splits "a, b" into ids; returns 0 (and reports) on an invalid id. */
static int S_id_list(S_walk *w, const an_ann *a, const char *s, size_t n,
                     char ***out, size_t *len) {
  size_t cap = 0;
  const char *end = s + n;
  while (s < end) {
    const char *comma = memchr(s, ',', (size_t)(end - s));
    const char *stop = comma ? comma : end;
    char *id = S_trim_dup(s, (size_t)(stop - s));
    if (*id) {
      if (!an_valid_id(id)) {
        an_diag_add(w->d, AN_ERROR, w->doc->file.path, a->line, a->column,
                    "'%s' in the title of action '%s' is not an actor id "
                    "(write \"subject -> object\" with ids such as \"russia -> japan\")",
                    id, a->words);
        free(id);
        return 0;
      }
      for (size_t k = 0; k < *len; k++)
        if (strcmp((*out)[k], id) == 0) {
          an_diag_add(w->d, AN_ERROR, w->doc->file.path, a->line, a->column,
                      "'%s' is named twice in the title of action '%s'", id, a->words);
          free(id);
          return 0;
        }
      *out = an_xgrow(*out, &cap, *len + 1, sizeof(char *));
      (*out)[(*len)++] = id;
    } else {
      free(id);
    }
    s = stop + (comma ? 1 : 0);
  }
  return 1;
}

static void S_resolve_time(S_walk *w, an_ann *a) {
  char err[512];
  an_doc *doc = w->doc;
  if (*a->ref) {
    if (!an_when_parse(a->ref, &a->when, err, sizeof err)) {
      an_diag_add(w->d, AN_ERROR, doc->file.path, a->line, a->column,
                  "invalid time value '^%s': %s", a->ref, err);
      return;
    }
    a->anchor = AN_ANCHOR_NONE;
    a->resolved = 1;
  } else {
    an_phrase_result r;
    an_date_order order = AN_DATE_ORDER_NONE;
    const char *o = an_yaml_str(doc->file.meta, "date-order");
    if (o && strcmp(o, "mdy") == 0) order = AN_DATE_ORDER_MDY;
    if (o && strcmp(o, "dmy") == 0) order = AN_DATE_ORDER_DMY;
    if (!an_phrase_resolve(a->words, doc->has_published ? doc->published : 0,
                           w->story ? &w->story->when : NULL, order, &r, err,
                           sizeof err)) {
      an_diag_add(w->d, AN_ERROR, doc->file.path, a->line, a->column, "%s", err);
      return;
    }
    if (r.anchor == AN_ANCHOR_PUBLISHED && !doc->has_published) {
      an_diag_add(w->d, AN_ERROR, doc->file.path, a->line, a->column,
                  "'%s' is relative to the publication date, and this file has "
                  "none; add 'published: YYYY-MM-DD' to its front matter or "
                  "write an explicit value such as [%s](^2023-12-22)",
                  a->words, a->words);
      return;
    }
    a->when = r.value;
    a->anchor = r.anchor;
    a->rule = an_xstrdup(r.rule);
    a->rule_reason = r.rule_reason;
    a->resolved = 1;
  }
  w->story = a;
}

static an_ann *S_new_ann(S_walk *w, cmark_node *link) {
  const char *url = cmark_node_get_url(link);
  an_ann_kind kind;
  switch (url ? url[0] : 0) {
  case '@': kind = AN_ANN_ACTOR; break;
  case '!': kind = AN_ANN_ACTION; break;
  case '^': kind = AN_ANN_TIME; break;
  case '#': kind = AN_ANN_TOPIC; break;
  default: return NULL;
  }
  an_doc *doc = w->doc;
  an_ann *a = an_xcalloc(1, sizeof(an_ann));
  a->kind = kind;
  S_position(&doc->file, link, w->block, &a->line, &a->column);
  a->ref = an_xstrdup(url + 1);
  const char *title = cmark_node_get_title(link);
  a->title = S_trim_dup(title ? title : "", title ? strlen(title) : 0);
  an_buf_clear(&w->words);
  S_plain_text(link, &w->words);
  a->words = S_trim_dup(an_buf_cstr(&w->words), w->words.len);
  doc->anns = an_xgrow(doc->anns, &w->ann_cap, doc->nanns + 1, sizeof(an_ann *));
  doc->anns[doc->nanns++] = a;
  cmark_node_set_user_data(link, a);

  const char *path = doc->file.path;
  switch (kind) {
  case AN_ANN_ACTOR:
  case AN_ANN_TOPIC:
    if (!an_valid_id(a->ref))
      an_diag_add(w->d, AN_ERROR, path, a->line, a->column,
                  "'%c%s' is not a valid %s id: ids are 1-64 lower-case letters, "
                  "digits and '-', starting with a letter or digit",
                  url[0], a->ref, kind == AN_ANN_ACTOR ? "actor" : "topic");
    break;
  case AN_ANN_ACTION:
    if (!an_action_class(a->ref)) {
      const char *hint = an_did_you_mean(a->ref, an_action_types, 16);
      an_buf msg = AN_BUF_INIT;
      if (hint) an_buf_printf(&msg, "; did you mean '!%s'?", hint);
      else an_buf_puts(&msg, "; use one of the 16 PLOVER types (agree, consult, "
                             "support, concede, cooperate, aid, retreat, request, "
                             "accuse, reject, threaten, protest, sanction, "
                             "mobilize, coerce, assault) or a bare '!'");
      an_diag_add(w->d, AN_ERROR, path, a->line, a->column,
                  "unknown action type '!%s'%s", a->ref, an_buf_cstr(&msg));
      an_buf_free(&msg);
    }
    break;
  case AN_ANN_TIME:
    S_resolve_time(w, a);
    break;
  }
  return a;
}

/* Applies the subject/object rules to the actions of the block. */
static void S_actions(S_walk *w) {
  for (size_t i = 0; i < w->block_len; i++) {
    an_ann *a = w->block_anns[i];
    if (a->kind != AN_ANN_ACTION) continue;
    const char *arrow = strstr(a->title, "->");
    if (*a->title && !arrow) {
      an_diag_add(w->d, AN_ERROR, w->doc->file.path, a->line, a->column,
                  "the title of action '%s' must read \"subject -> object\" "
                  "(e.g. \"russia -> japan\", \"russia, belarus -> japan\", \"japan ->\")",
                  a->words);
      continue;
    }
    if (arrow) {
      if (!S_id_list(w, a, a->title, (size_t)(arrow - a->title), &a->subjects,
                     &a->nsubjects) ||
          !S_id_list(w, a, arrow + 2, strlen(arrow + 2), &a->objects, &a->nobjects))
        continue;
    }
    if (!a->nsubjects) {
      for (size_t j = i; j-- > 0;) {
        const an_ann *b = w->block_anns[j];
        if (b->kind == AN_ANN_ACTOR && an_valid_id(b->ref)) {
          a->subjects = an_xmalloc(sizeof(char *));
          a->subjects[0] = an_xstrdup(b->ref);
          a->nsubjects = 1;
          break;
        }
      }
    }
    if (!arrow) {
      size_t cap = 0;
      for (size_t j = i + 1; j < w->block_len; j++) {
        const an_ann *b = w->block_anns[j];
        if (b->kind == AN_ANN_ACTION) break;
        if (b->kind != AN_ANN_ACTOR || !an_valid_id(b->ref)) continue;
        /* the subject named again ("Russia ... Moscow") is not its own
         * object: a self-action is written in the title */
        int dup = 0;
        for (size_t k = 0; k < a->nobjects; k++) dup |= !strcmp(a->objects[k], b->ref);
        for (size_t k = 0; k < a->nsubjects; k++) dup |= !strcmp(a->subjects[k], b->ref);
        if (dup) continue;
        a->objects = an_xgrow(a->objects, &cap, a->nobjects + 1, sizeof(char *));
        a->objects[a->nobjects++] = an_xstrdup(b->ref);
      }
    }
    if (!a->nsubjects)
      an_diag_add(w->d, AN_ERROR, w->doc->file.path, a->line, a->column,
                  "action '%s' has no subject: mention the actor before it in "
                  "the same block, or name it in the title: [%s](!%s \"russia -> japan\")",
                  a->words, a->words, a->ref);
  }
}

static void S_end_block(S_walk *w) {
  cmark_node *block = w->block;
  w->block = NULL;
  int level = cmark_node_get_type(block) == CMARK_NODE_HEADING
                  ? cmark_node_get_heading_level(block) : 0;
  const an_ann *first_time = NULL;
  int has_action = 0;
  const char *key = NULL;
  const an_ann *key_ann = NULL;
  for (size_t i = 0; i < w->block_len; i++) {
    const an_ann *a = w->block_anns[i];
    if (a->kind == AN_ANN_ACTION) has_action = 1;
    if (a->kind != AN_ANN_TIME) continue;
    if (!first_time) first_time = a;
    if (*a->title) {
      if (key && strcmp(key, a->title) != 0) {
        an_diag_add(w->d, AN_ERROR, w->doc->file.path, a->line, a->column,
                    "this block already has the event key \"%s\" (line %d); a "
                    "block is one event and takes one key",
                    key, key_ann->line);
      } else if (!key) {
        key = a->title;
        key_ann = a;
      }
    }
  }
  if (level && first_time && !has_action) {
    /* a section date: it dates the blocks under the heading */
    for (int l = level; l <= 6; l++) w->sections[l].time = NULL;
    if (first_time->resolved) {
      w->sections[level].level = level;
      w->sections[level].time = first_time;
    }
    w->block_len = 0;
    return;
  }
  if (!first_time && !has_action) {
    w->block_len = 0;
    return;
  }
  an_doc *doc = w->doc;
  if (key) {
    for (size_t i = 0; i < doc->nevents; i++)
      if (doc->events[i]->key && strcmp(doc->events[i]->key, key) == 0) {
        an_diag_add(w->d, AN_ERROR, doc->file.path, key_ann->line, key_ann->column,
                    "event key \"%s\" is already used by the event at line %d; "
                    "one key names one block of a file",
                    key, doc->events[i]->line);
        key = NULL;
        break;
      }
  }
  an_event *ev = an_xcalloc(1, sizeof(an_event));
  ev->index = doc->nevents;
  ev->line = cmark_node_get_start_line(block);
  ev->column = an_file_char_column(&doc->file, ev->line,
                                   cmark_node_get_start_column(block));
  ev->key = key;
  ev->block = block;
  if (first_time) {
    ev->time = first_time->resolved ? first_time : NULL;
  } else {
    for (int l = level ? level - 1 : 6; l >= 1 && !ev->time; l--)
      if (w->sections[l].time) {
        ev->time = w->sections[l].time;
        ev->time_from_heading = 1;
      }
  }
  ev->anns = an_xmalloc(w->block_len * sizeof(an_ann *));
  ev->nanns = w->block_len;
  for (size_t i = 0; i < w->block_len; i++) {
    ev->anns[i] = w->block_anns[i];
    w->block_anns[i]->event = ev;
  }
  doc->events = an_xgrow(doc->events, &w->event_cap, doc->nevents + 1,
                         sizeof(an_event *));
  doc->events[doc->nevents++] = ev;
  cmark_node_set_user_data(block, ev);
  S_actions(w);
  w->block_len = 0;
}

static int S_leaf(cmark_node_type t) {
  switch (t) {
  case CMARK_NODE_HTML_BLOCK: case CMARK_NODE_THEMATIC_BREAK:
  case CMARK_NODE_CODE_BLOCK: case CMARK_NODE_TEXT: case CMARK_NODE_SOFTBREAK:
  case CMARK_NODE_LINEBREAK: case CMARK_NODE_CODE: case CMARK_NODE_HTML_INLINE:
    return 1;
  default:
    return 0;
  }
}

static void S_walk_tree(S_walk *w) {
  cmark_iter *it = cmark_iter_new(w->doc->root);
  cmark_event_type ev;
  int depth = 0, deep = 0;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *n = cmark_iter_get_node(it);
    cmark_node_type t = cmark_node_get_type(n);
    /* nesting (lists, quotes, emphasis, links) is bounded, so that what
     * walks the tree recursively later (body.c, the views) stays shallow */
    if (!S_leaf(t)) depth += ev == CMARK_EVENT_ENTER ? 1 : -1;
    if (depth > AN_MAX_NESTING && !deep) {
      deep = 1;
      int line = cmark_node_get_start_line(n);
      an_diag_add(w->d, AN_ERROR, w->doc->file.path, line,
                  an_file_char_column(&w->doc->file, line, cmark_node_get_start_column(n)),
                  "lists, quotes, emphasis or links are nested more than %d "
                  "levels deep here", AN_MAX_NESTING);
    }
    if (t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING) {
      if (ev == CMARK_EVENT_ENTER) {
        if (t == CMARK_NODE_HEADING) {
          int level = cmark_node_get_heading_level(n);
          for (int l = level; l <= 6; l++) w->sections[l].time = NULL;
        }
        w->block = n;
        w->block_len = 0;
      } else {
        S_end_block(w);
      }
    } else if (t == CMARK_NODE_LINK && ev == CMARK_EVENT_ENTER) {
      an_ann *a = S_new_ann(w, n);
      if (a && w->block) {
        w->block_anns = an_xgrow(w->block_anns, &w->block_cap, w->block_len + 1,
                                 sizeof(an_ann *));
        w->block_anns[w->block_len++] = a;
      }
    }
  }
  cmark_iter_free(it);
}

an_doc *an_annotate(an_file *file, const char *anchor_key, an_diags *d) {
  an_doc *doc = an_xcalloc(1, sizeof(an_doc));
  doc->file = *file;
  memset(file, 0, sizeof *file);
  const char *pub = anchor_key ? an_yaml_str(doc->file.meta, anchor_key) : NULL;
  const an_yaml *pv = anchor_key ? an_yaml_get(doc->file.meta, anchor_key) : NULL;
  if (pv && !pub)
    an_diag_add(d, AN_ERROR, doc->file.path, pv->line, pv->column,
                "'%s' must be a date such as 2023-12-28, not a list or mapping",
                anchor_key);
  if (pub) {
    an_when w;
    char err[256];
    int ok = an_when_parse(pub, &w, err, sizeof err);
    if (ok && (w.precision == AN_PREC_DAY || w.precision == AN_PREC_TIME)) {
      doc->has_published = 1;
      doc->published = w.first;
    } else {
      an_diag_add(d, AN_ERROR, doc->file.path, pv->line, pv->column,
                  "'%s: %s' is not a date (%s); write YYYY-MM-DD or an ISO date-time",
                  anchor_key, pub, ok ? "not a single day" : err);
    }
  }
  /* cmark allocates through alloc.h, so that running out of memory ends
   * as everywhere else (alloc.h).  Its UTF-8 check changes nothing in a
   * well-formed text (source.h), and is skipped there. */
  static cmark_mem mem = {an_xcalloc, an_xrealloc, free};
  int options = CMARK_OPT_SOURCEPOS | (doc->file.well_formed ? 0 : CMARK_OPT_VALIDATE_UTF8);
  cmark_parser *parser = cmark_parser_new_with_mem(options, &mem);
  cmark_parser_feed(parser, doc->file.text, doc->file.len);
  doc->root = cmark_parser_finish(parser);
  cmark_parser_free(parser);
  S_walk w;
  memset(&w, 0, sizeof w);
  w.doc = doc;
  w.d = d;
  S_walk_tree(&w);
  free(w.block_anns);
  an_buf_free(&w.words);
  return doc;
}

const an_ann *an_node_ann(cmark_node *node) {
  return cmark_node_get_type(node) == CMARK_NODE_LINK ? cmark_node_get_user_data(node)
                                                      : NULL;
}

const an_event *an_node_event(cmark_node *node) {
  cmark_node_type t = cmark_node_get_type(node);
  return t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING
             ? cmark_node_get_user_data(node) : NULL;
}

static void S_free_list(char **v, size_t n) {
  for (size_t i = 0; i < n; i++) free(v[i]);
  free(v);
}

void an_doc_free(an_doc *doc) {
  if (!doc) return;
  for (size_t i = 0; i < doc->nanns; i++) {
    an_ann *a = doc->anns[i];
    free(a->ref);
    free(a->title);
    free(a->words);
    free(a->rule);
    S_free_list(a->subjects, a->nsubjects);
    S_free_list(a->objects, a->nobjects);
    free(a);
  }
  free(doc->anns);
  for (size_t i = 0; i < doc->nevents; i++) {
    free(doc->events[i]->anns);
    free(doc->events[i]->id);
    free(doc->events[i]);
  }
  free(doc->events);
  if (doc->root) cmark_node_free(doc->root);
  an_file_free(&doc->file);
  free(doc);
}
