/* model.c - see model.h. */
#include "model.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "body.h"
#include "buf.h"

static void S_int(xmlNodePtr n, const char *name, long long v) {
  char num[32];
  snprintf(num, sizeof num, "%lld", v);
  xmlSetProp(n, BAD_CAST name, BAD_CAST num);
}

/* <name value="YYYY-MM-DD" display="..."/> for a day. */
static void S_day(xmlNodePtr parent, const char *name, int32_t day) {
  an_when w;
  char disp[160], iso[11];
  an_when_make(&w, AN_PREC_DAY, day, day);
  an_when_display(&w, disp, sizeof disp);
  an_day_iso(day, iso);
  xmlNodePtr n = xmlNewChild(parent, NULL, BAD_CAST name, NULL);
  an_xml_attr(n, "value", iso);
  an_xml_attr(n, "display", disp);
}

/* Front-matter keys not in `known` as <meta key="...">value</meta>. */
static void S_meta(xmlNodePtr parent, const an_yaml *map, const char *const *known) {
  if (!map) return;
  for (size_t i = 0; i < map->len; i++) {
    int skip = 0;
    for (const char *const *k = known; *k; k++) skip |= strcmp(*k, map->keys[i]) == 0;
    if (skip) continue;
    const an_yaml *v = map->items[i];
    size_t n = v->kind == AN_YAML_SEQ ? v->len : 1;
    for (size_t j = 0; j < n; j++) {
      const an_yaml *x = v->kind == AN_YAML_SEQ ? v->items[j] : v;
      if (x->kind != AN_YAML_SCALAR) continue;
      xmlNodePtr m = an_xml_child(parent, "meta", x->value);
      an_xml_attr(m, "key", map->keys[i]);
    }
  }
}

static void S_opt(xmlNodePtr parent, const char *name, const an_yaml *meta,
                  const char *key) {
  const char *v = an_yaml_str(meta, key);
  if (v && *v) an_xml_child(parent, name, v);
}

static void S_head(xmlNodePtr root, const an_corpus *c) {
  xmlNodePtr head = xmlNewChild(root, NULL, BAD_CAST "head", NULL);
  const an_doc *b = c->briefing;
  const an_yaml *m = b ? b->file.meta : NULL;
  const char *lang = an_yaml_str(m, "lang");
  an_xml_attr(head, "lang", lang && *lang ? lang : "en");
  an_xml_attr(head, "file", "briefing.md");
  const char *title = an_yaml_str(m, "title");
  an_xml_child(head, "title", title && *title ? title : "Briefing");
  S_opt(head, "subtitle", m, "subtitle");
  S_opt(head, "author", m, "author");
  if (b && b->has_published) S_day(head, "date", b->published);
  S_opt(head, "marking", m, "marking");
  static const char *const known[] = {"title", "subtitle", "author", "date",
                                      "marking", "lang", NULL};
  S_meta(head, m, known);
  xmlNodePtr summary = xmlNewChild(head, NULL, BAD_CAST "summary", NULL);
  if (b) an_body_blocks(summary, b->root);
}

static void S_sources(xmlNodePtr root, const an_corpus *c) {
  xmlNodePtr list = xmlNewChild(root, NULL, BAD_CAST "sources", NULL);
  static const char *const known[] = {"title", "published", "publisher", "author",
                                      "url", "grading", "lang", NULL};
  for (size_t i = 0; i < c->nsources; i++) {
    const an_source *s = &c->sources[i];
    const an_yaml *m = s->doc->file.meta;
    xmlNodePtr n = xmlNewChild(list, NULL, BAD_CAST "source", NULL);
    an_xml_attr(n, "id", s->id);
    an_buf file = AN_BUF_INIT;
    an_buf_printf(&file, "sources/%s.md", s->id);
    an_xml_attr(n, "file", an_buf_cstr(&file));
    an_buf_free(&file);
    const char *lang = an_yaml_str(m, "lang");
    if (lang && *lang) an_xml_attr(n, "lang", lang);
    const char *title = an_yaml_str(m, "title");
    an_xml_child(n, "title", title && *title ? title : s->id);
    if (s->doc->has_published) S_day(n, "published", s->doc->published);
    S_opt(n, "publisher", m, "publisher");
    S_opt(n, "author", m, "author");
    S_opt(n, "url", m, "url");
    const char *g = an_yaml_str(m, "grading");
    if (g && strlen(g) == 2 && g[0] >= 'A' && g[0] <= 'F' && g[1] >= '1' && g[1] <= '6') {
      xmlNodePtr gn = an_xml_child(n, "grading", g);
      char r[2] = {g[0], 0}, cr[2] = {g[1], 0};
      an_xml_attr(gn, "reliability", r);
      an_xml_attr(gn, "credibility", cr);
    }
    S_meta(n, m, known);
    an_body_blocks(xmlNewChild(n, NULL, BAD_CAST "body", NULL), s->doc->root);
  }
}

static void S_actors(xmlNodePtr root, const an_corpus *c) {
  xmlNodePtr list = xmlNewChild(root, NULL, BAD_CAST "actors", NULL);
  static const char *const known[] = {"name", "kind", "aliases", "member-of", "role", NULL};
  for (size_t i = 0; i < c->nactors; i++) {
    const an_actor *a = c->actors[i];
    xmlNodePtr n = xmlNewChild(list, NULL, BAD_CAST "actor", NULL);
    an_xml_attr(n, "id", a->id);
    an_xml_attr(n, "kind", a->kind);
    an_xml_attr(n, "declared", a->doc ? "true" : "false");
    if (a->doc) {
      an_buf file = AN_BUF_INIT;
      an_buf_printf(&file, "actors/%s.md", a->id);
      an_xml_attr(n, "file", an_buf_cstr(&file));
      an_buf_free(&file);
    }
    an_xml_attr(n, "parent", a->parent);
    S_int(n, "events", (long long)a->events);
    S_int(n, "actions-given", (long long)a->given);
    S_int(n, "actions-received", (long long)a->received);
    an_xml_child(n, "name", a->name);
    if (a->role && *a->role) an_xml_child(n, "role", a->role);
    for (size_t k = 0; k < a->naliases; k++) an_xml_child(n, "alias", a->aliases[k]);
    for (size_t k = 0; k < a->nmember_of; k++)
      an_xml_attr(xmlNewChild(n, NULL, BAD_CAST "member-of", NULL), "ref", a->member_of[k]);
    for (size_t k = 0; k < 5; k++) {
      if (!a->given_by_class[k] && !a->received_by_class[k]) continue;
      xmlNodePtr ac = xmlNewChild(n, NULL, BAD_CAST "action-count", NULL);
      an_xml_attr(ac, "class", an_action_classes[k]);
      S_int(ac, "given", (long long)a->given_by_class[k]);
      S_int(ac, "received", (long long)a->received_by_class[k]);
    }
    for (size_t k = 0; k < c->nsources; k++) {
      if (!a->annotated[k] && !a->plain[k]) continue;
      xmlNodePtr mn = xmlNewChild(n, NULL, BAD_CAST "mentions", NULL);
      an_xml_attr(mn, "source", c->sources[k].id);
      S_int(mn, "annotated", (long long)a->annotated[k]);
      S_int(mn, "plain", (long long)a->plain[k]);
    }
    if (a->doc) {
      S_meta(n, a->doc->file.meta, known);
      an_body_blocks(xmlNewChild(n, NULL, BAD_CAST "profile", NULL), a->doc->root);
    }
  }
}

static void S_topics(xmlNodePtr root, const an_corpus *c) {
  xmlNodePtr list = xmlNewChild(root, NULL, BAD_CAST "topics", NULL);
  for (size_t i = 0; i < c->ntopics; i++) {
    xmlNodePtr n = xmlNewChild(list, NULL, BAD_CAST "topic", NULL);
    an_xml_attr(n, "id", c->topics[i]->id);
    S_int(n, "events", (long long)c->topics[i]->events);
    an_xml_child(n, "name", c->topics[i]->name);
  }
}

/* <time> for the time of block e (its own '^' or its section heading's). */
static void S_time(xmlNodePtr parent, const an_event *e) {
  const an_ann *t = e->time;
  const an_when *w = &t->when;
  char disp[160], iso[11];
  xmlNodePtr n = xmlNewChild(parent, NULL, BAD_CAST "time", NULL);
  an_when_display(w, disp, sizeof disp);
  an_xml_attr(n, "value", w->edtf);
  an_xml_attr(n, "precision", an_precision_name(w->precision));
  if (w->first != AN_DAY_MIN) {
    an_day_iso(w->first, iso);
    an_xml_attr(n, "start", iso);
  }
  if (w->last != AN_DAY_MAX) {
    an_day_iso(w->last, iso);
    an_xml_attr(n, "end", iso);
  }
  an_xml_attr(n, "display", disp);
  if (!*t->ref) an_xml_attr(n, "phrase", t->words);
  an_xml_attr(n, "origin", e->time_from_heading ? "heading" : "annotation");
  if (t->rule) an_xml_attr(n, "rule", t->rule + t->rule_reason);
  if (w->flags & AN_WHEN_UNCERTAIN) an_xml_attr(n, "uncertain", "true");
  if (w->flags & AN_WHEN_APPROXIMATE) an_xml_attr(n, "approximate", "true");
}

/* <time>, or <reported-by> the publication day, or nothing. */
static void S_dating(xmlNodePtr parent, const an_event *timed, const an_doc *doc) {
  if (timed) S_time(parent, timed);
  else if (doc->has_published) S_day(parent, "reported-by", doc->published);
}

/* The month (YYYY-MM) the chronology lists an event under: that of its
 * first day, of its last when the start is open, of its report when it
 * has no time of its own.  0 when none of these is known. */
static int S_month(const an_entry *e, char month[8]) {
  int32_t day;
  if (e->timed) {
    const an_when *w = &e->timed->time->when;
    if (w->first != AN_DAY_MIN) day = w->first;
    else if (w->last != AN_DAY_MAX) day = w->last;
    else return 0;
  } else if (e->doc->has_published) {
    day = e->doc->published;
  } else {
    return 0;
  }
  char iso[11];
  an_day_iso(day, iso);
  memcpy(month, iso, 7);
  month[7] = '\0';
  return 1;
}

static void S_events(xmlNodePtr root, const an_corpus *c) {
  xmlNodePtr list = xmlNewChild(root, NULL, BAD_CAST "events", NULL);
  for (size_t i = 0; i < c->nentries; i++) {
    const an_entry *e = &c->entries[i];
    const an_event *ev = e->event;
    xmlNodePtr n = xmlNewChild(list, NULL, BAD_CAST "event", NULL);
    an_xml_attr(n, "id", ev->id);
    if (e->source) an_xml_attr(n, "source", e->source->id);
    S_int(n, "line", ev->line);
    S_int(n, "column", ev->column);
    an_xml_attr(n, "key", ev->key);
    an_xml_attr(n, "uid", e->uid); /* corpus.h */
    S_int(n, "sources", (long long)e->independent);
    if (e->conflict) an_xml_attr(n, "conflict", "true");
    char month[8];
    if (S_month(e, month)) an_xml_attr(n, "month", month);
    S_dating(n, e->timed, e->doc);
    for (size_t k = 0; k < e->ncites; k++) {
      const an_cite *ct = &e->cites[k];
      xmlNodePtr cn = xmlNewChild(n, NULL, BAD_CAST "citation", NULL);
      if (ct->source) an_xml_attr(cn, "source", ct->source->id);
      S_int(cn, "line", ct->event->line);
      S_int(cn, "column", ct->event->column);
      const char *g = an_yaml_str(ct->doc->file.meta, "grading");
      if (g && *g) an_xml_attr(cn, "grading", g);
      S_dating(cn, ct->event->time ? ct->event : NULL, ct->doc);
    }
    for (size_t k = 0; k < e->nparticipants; k++)
      an_xml_attr(xmlNewChild(n, NULL, BAD_CAST "participant", NULL), "ref",
                  e->participants[k]);
    for (size_t k = 0; k < e->ntopics; k++)
      an_xml_attr(xmlNewChild(n, NULL, BAD_CAST "topic", NULL), "ref", e->topics[k]);
    for (size_t ci = 0; ci < e->ncites; ci++)
      for (size_t k = 0; k < e->cites[ci].event->nanns; k++)
        if (e->cites[ci].event->anns[k]->action_id)
          an_xml_attr(xmlNewChild(n, NULL, BAD_CAST "action", NULL), "ref",
                      e->cites[ci].event->anns[k]->action_id);
    an_body_inlines(xmlNewChild(n, NULL, BAD_CAST "text", NULL), ev->block);
  }
}

static int S_cmp_month(const void *a, const void *b) {
  return strcmp((const char *)a, (const char *)b);
}

/* <chronology>: the years and months the events are listed under, in
 * time order, with their counts, then the events with no month; sorted
 * here once, so that a view lists each month's events with one look-up
 * (an xsl:key on event/@month) instead of grouping them itself. */
static void S_chronology(xmlNodePtr root, const an_corpus *c) {
  xmlNodePtr chron = xmlNewChild(root, NULL, BAD_CAST "chronology", NULL);
  char(*months)[8] = an_xmalloc((c->nentries ? c->nentries : 1) * sizeof *months);
  size_t n = 0;
  for (size_t i = 0; i < c->nentries; i++) n += (size_t)S_month(&c->entries[i], months[n]);
  if (n) qsort(months, n, sizeof *months, S_cmp_month);
  xmlNodePtr year = NULL;
  size_t in_year = 0;
  for (size_t i = 0; i < n;) {
    size_t k = i;
    while (k < n && strcmp(months[k], months[i]) == 0) k++;
    if (!year || strncmp(months[i], months[i - 1], 4) != 0) {
      if (year) S_int(year, "events", (long long)in_year);
      char y[5];
      memcpy(y, months[i], 4);
      y[4] = '\0';
      year = xmlNewChild(chron, NULL, BAD_CAST "year", NULL);
      an_xml_attr(year, "value", y);
      in_year = 0;
    }
    xmlNodePtr month = xmlNewChild(year, NULL, BAD_CAST "month", NULL);
    an_xml_attr(month, "value", months[i]);
    S_int(month, "events", (long long)(k - i));
    in_year += k - i;
    i = k;
  }
  if (year) S_int(year, "events", (long long)in_year);
  if (n < c->nentries)
    S_int(xmlNewChild(chron, NULL, BAD_CAST "undated", NULL), "events",
          (long long)(c->nentries - n));
  free(months);
}

static void S_actions(xmlNodePtr root, const an_corpus *c) {
  xmlNodePtr list = xmlNewChild(root, NULL, BAD_CAST "actions", NULL);
  for (size_t i = 0; i < c->nactions; i++) {
    const an_action *act = &c->actions[i];
    const an_ann *a = act->ann;
    xmlNodePtr n = xmlNewChild(list, NULL, BAD_CAST "action", NULL);
    an_xml_attr(n, "id", act->id);
    an_xml_attr(n, "event", act->entry->event->id);
    if (*a->ref) an_xml_attr(n, "type", a->ref);
    const char *cls = an_action_class(a->ref);
    an_xml_attr(n, "class", cls ? cls : "neutral");
    if (act->cite->source) an_xml_attr(n, "source", act->cite->source->id);
    S_int(n, "line", a->line);
    S_int(n, "column", a->column);
    an_xml_child(n, "words", a->words);
    for (size_t k = 0; k < a->nsubjects; k++)
      an_xml_attr(xmlNewChild(n, NULL, BAD_CAST "subject", NULL), "ref", a->subjects[k]);
    for (size_t k = 0; k < a->nobjects; k++)
      an_xml_attr(xmlNewChild(n, NULL, BAD_CAST "object", NULL), "ref", a->objects[k]);
  }
}

typedef struct {
  const char *words;
  size_t at; /* the action's place in its edge */
} S_word;

static int S_cmp_word(const void *pa, const void *pb) {
  const S_word *a = pa, *b = pb;
  int r = strcmp(a->words, b->words);
  if (r) return r;
  return a->at < b->at ? -1 : a->at > b->at;
}

/* The distinct words of an edge's actions, each once, in the order they
 * first appear (sorted to find the first of each: an edge may have very
 * many actions). */
static void S_words(xmlNodePtr n, const an_edge *e) {
  S_word *v = an_xmalloc((e->nactions ? e->nactions : 1) * sizeof *v);
  unsigned char *first = an_xcalloc(e->nactions + 1, 1);
  for (size_t k = 0; k < e->nactions; k++) v[k] = (S_word){e->actions[k]->ann->words, k};
  if (e->nactions > 1) qsort(v, e->nactions, sizeof *v, S_cmp_word);
  for (size_t k = 0; k < e->nactions; k++)
    if (k == 0 || strcmp(v[k].words, v[k - 1].words) != 0) first[v[k].at] = 1;
  for (size_t k = 0; k < e->nactions; k++)
    if (first[k]) an_xml_child(n, "words", e->actions[k]->ann->words);
  free(first);
  free(v);
}

static void S_edges(xmlNodePtr root, const an_corpus *c) {
  xmlNodePtr list = xmlNewChild(root, NULL, BAD_CAST "edges", NULL);
  for (size_t i = 0; i < c->nedges; i++) {
    const an_edge *e = &c->edges[i];
    xmlNodePtr n = xmlNewChild(list, NULL, BAD_CAST "edge", NULL);
    an_xml_attr(n, "id", e->id);
    an_xml_attr(n, "subject", e->subject);
    an_xml_attr(n, "object", e->object);
    if (*e->type) an_xml_attr(n, "type", e->type);
    const char *cls = an_action_class(e->type);
    an_xml_attr(n, "class", cls ? cls : "neutral");
    S_int(n, "count", (long long)e->count);
    if (e->dated) {
      char iso[11];
      an_day_iso(e->first, iso);
      an_xml_attr(n, "first", iso);
      an_day_iso(e->last, iso);
      an_xml_attr(n, "last", iso);
    }
    S_words(n, e);
    for (size_t k = 0; k < e->nactions; k++)
      an_xml_attr(xmlNewChild(n, NULL, BAD_CAST "action", NULL), "ref", e->actions[k]->id);
  }
}

/* Indents the element-only containers with whitespace text, so that the
 * written model reads well without libxml2's formatter, which would also
 * indent inline elements (a paragraph holding only <emph> and <softbreak/>)
 * and so change the text. */
static int S_structural(const xmlChar *name) {
  static const char *const names[] = {
      "briefing", "head", "summary", "sources", "source", "body", "profile", "citation",
      "block_quote", "list", "item", "actors", "actor", "topics", "topic",
      "events", "event", "chronology", "year", "actions", "action", "edges", "edge", NULL};
  for (const char *const *n = names; *n; n++)
    if (xmlStrEqual(name, BAD_CAST *n)) return 1;
  return 0;
}

static void S_indent(xmlNodePtr node, int depth) {
  if (!S_structural(node->name) || !node->children) return;
  for (xmlNodePtr c = node->children; c; c = c->next)
    if (c->type != XML_ELEMENT_NODE) return; /* mixed content: leave it */
  char pad[2 + 2 * 32];
  int n = depth < 31 ? depth + 1 : 32;
  pad[0] = '\n';
  memset(pad + 1, ' ', (size_t)(2 * n));
  pad[1 + 2 * n] = '\0';
  for (xmlNodePtr c = node->children; c;) {
    xmlNodePtr next = c->next;
    S_indent(c, depth + 1);
    xmlAddPrevSibling(c, xmlNewText(BAD_CAST pad));
    c = next;
  }
  pad[1 + 2 * (n - 1)] = '\0';
  xmlAddChild(node, xmlNewText(BAD_CAST pad));
}

xmlDocPtr an_model_build(const an_corpus *c, const char *built) {
  xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
  xmlNodePtr root = xmlNewDocNode(doc, NULL, BAD_CAST "briefing", NULL);
  xmlDocSetRootElement(doc, root);
  an_xml_attr(root, "model-version", "1");
  an_xml_attr(root, "generator", "annalist " AN_VERSION);
  an_xml_attr(root, "built", built);
  S_head(root, c);
  S_sources(root, c);
  S_actors(root, c);
  S_topics(root, c);
  S_events(root, c);
  S_chronology(root, c);
  S_actions(root, c);
  S_edges(root, c);
  S_indent(root, 0);
  return doc;
}
