/* changes.c - see changes.h. */
#include "changes.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "body.h"
#include "buf.h"
#include "xml.h"

/* The children of the root's `list` element named `item`. */
static xmlNodePtr S_list(xmlDocPtr doc, const char *list) {
  xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
  for (xmlNodePtr n = root ? root->children : NULL; n; n = n->next)
    if (n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST list)) return n;
  return NULL;
}

/* What a reader would call "the same event/actor": a canonical string of
 * its facts, without the build-local ids and positions. */
static void S_facts(xmlNodePtr n, an_buf *out) {
  /* month: derived from the time (compared as it is); skipped also so
   * that a model written before it existed does not differ in it */
  static const char *const skip[] = {"id", "line", "column", "event", "action",
                                     "events", "actions-given", "actions-received",
                                     "month", NULL};
  an_buf_printf(out, "<%s", (const char *)n->name);
  for (xmlAttrPtr a = n->properties; a; a = a->next) {
    int s = 0;
    for (const char *const *k = skip; *k; k++) s |= xmlStrEqual(a->name, BAD_CAST *k);
    /* an action's reference ('act-3') is build-local, its facts are not */
    if (s || (xmlStrEqual(n->name, BAD_CAST "action") && xmlStrEqual(a->name, BAD_CAST "ref")))
      continue;
    xmlChar *v = xmlNodeListGetString(n->doc, a->children, 1);
    an_buf_printf(out, " %s=%s", (const char *)a->name, v ? (const char *)v : "");
    xmlFree(v);
  }
  an_buf_putc(out, '>');
  for (xmlNodePtr c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE) {
      /* whitespace between elements is layout, not content */
      const xmlChar *t = c->content;
      int blank = 1;
      for (const xmlChar *p = t; p && *p; p++) blank &= *p == ' ' || *p == '\n';
      if (!blank) an_buf_puts(out, (const char *)t);
    } else if (c->type == XML_ELEMENT_NODE) {
      S_facts(c, out);
    }
  }
  an_buf_printf(out, "</%s>", (const char *)n->name);
}

/* The facts of an event, with its actions (found in `actions`, the index
 * of its document's actions) resolved: type, words, who. */
static char *S_event_facts(const an_xml_index *actions, xmlNodePtr ev) {
  an_buf out = AN_BUF_INIT;
  S_facts(ev, &out);
  for (xmlNodePtr c = ev->children; c; c = c->next) {
    if (!an_xml_is(c, "action")) continue;
    char *ref = an_xml_prop(c, "ref");
    xmlNodePtr act = an_xml_index_find(actions, ref);
    if (act) S_facts(act, &out);
    free(ref);
  }
  return an_buf_detach(&out);
}

static char *S_actor_facts(xmlNodePtr actor) {
  an_buf out = AN_BUF_INIT;
  S_facts(actor, &out);
  return an_buf_detach(&out);
}

static xmlNodePtr S_change(xmlNodePtr changes, const char *item, const char *change,
                           xmlNodePtr from) {
  xmlNodePtr n = xmlNewChild(changes, NULL, BAD_CAST item, NULL);
  an_xml_attr(n, "change", change);
  static const char *const copy[] = {"id", "uid", "key", "value", NULL};
  for (const char *const *k = copy; *k; k++) {
    xmlChar *v = xmlGetProp(from, BAD_CAST *k);
    if (v) an_xml_attr(n, *k, (const char *)v);
    xmlFree(v);
  }
  /* a short label: the event's time and text, or the actor's name */
  for (xmlNodePtr c = from->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (xmlStrEqual(c->name, BAD_CAST "name") || xmlStrEqual(c->name, BAD_CAST "text")) {
      xmlChar *t = xmlNodeGetContent(c);
      an_xml_child(n, "label", (const char *)t);
      xmlFree(t);
    } else if (xmlStrEqual(c->name, BAD_CAST "time") || xmlStrEqual(c->name, BAD_CAST "reported-by")) {
      xmlChar *t = xmlGetProp(c, BAD_CAST "display");
      an_xml_attr(n, "when", (const char *)t);
      xmlFree(t);
    }
  }
  return n;
}

/* Compares one list (events by uid, actors by id): each element is found
 * in the other model through an index, so that a rebuild costs time
 * linear in the model (bar a logarithm). */
static size_t S_compare(xmlDocPtr model, xmlDocPtr prev, const char *list,
                        const char *item, const char *key, xmlNodePtr changes) {
  xmlNodePtr cur = S_list(model, list), old = S_list(prev, list);
  an_xml_index *in_cur = an_xml_index_new(cur, item, key);
  an_xml_index *in_old = an_xml_index_new(old, item, key);
  int events = strcmp(item, "event") == 0;
  /* an event's facts resolve its actions: those of its own model */
  an_xml_index *act_cur = NULL, *act_old = NULL;
  if (events) {
    act_cur = an_xml_index_new(S_list(model, "actions"), "action", "id");
    act_old = an_xml_index_new(S_list(prev, "actions"), "action", "id");
  }
  size_t n = 0;
  for (xmlNodePtr c = cur ? cur->children : NULL; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    char *k = an_xml_prop(c, key);
    xmlNodePtr o = an_xml_index_find(in_old, k);
    free(k);
    if (!o) {
      S_change(changes, item, "new", c), n++;
      continue;
    }
    char *a = events ? S_event_facts(act_cur, c) : S_actor_facts(c);
    char *b = events ? S_event_facts(act_old, o) : S_actor_facts(o);
    if (strcmp(a, b) != 0) S_change(changes, item, "changed", c), n++;
    free(a);
    free(b);
  }
  for (xmlNodePtr o = old ? old->children : NULL; o; o = o->next) {
    if (o->type != XML_ELEMENT_NODE) continue;
    char *k = an_xml_prop(o, key);
    if (k && !an_xml_index_find(in_cur, k)) S_change(changes, item, "removed", o), n++;
    free(k);
  }
  an_xml_index_free(act_old);
  an_xml_index_free(act_cur);
  an_xml_index_free(in_old);
  an_xml_index_free(in_cur);
  return n;
}

void an_changes_add(xmlDocPtr model, xmlDocPtr prev) {
  xmlNodePtr root = xmlDocGetRootElement(model);
  xmlNodePtr changes = xmlNewNode(NULL, BAD_CAST "changes");
  size_t n = 0;
  if (!prev) {
    an_xml_attr(changes, "since", "none");
  } else {
    an_xml_attr(changes, "since", "previous");
    n += S_compare(model, prev, "events", "event", "uid", changes);
    n += S_compare(model, prev, "actors", "actor", "id", changes);
  }
  xmlNodePtr old = prev ? S_list(prev, "changes") : NULL;
  if (prev && n == 0 && old) {
    /* nothing changed: keep what the last real change said */
    xmlFreeNode(changes);
    changes = xmlDocCopyNode(old, model, 1);
  }
  xmlAddChild(root, changes);
}
