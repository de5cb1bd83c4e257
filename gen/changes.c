/* changes.c - see changes.h. */
#include "changes.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "body.h"
#include "buf.h"

/* The children of the root's `list` element named `item`. */
static xmlNodePtr S_list(xmlDocPtr doc, const char *list) {
  xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
  for (xmlNodePtr n = root ? root->children : NULL; n; n = n->next)
    if (n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST list)) return n;
  return NULL;
}

static xmlNodePtr S_find(xmlNodePtr list, const char *item, const char *attr,
                         const xmlChar *value) {
  for (xmlNodePtr n = list ? list->children : NULL; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE || !xmlStrEqual(n->name, BAD_CAST item)) continue;
    xmlChar *v = xmlGetProp(n, BAD_CAST attr);
    int same = v && xmlStrEqual(v, value);
    xmlFree(v);
    if (same) return n;
  }
  return NULL;
}

/* What a reader would call "the same event/actor": a canonical string of
 * its facts, without the build-local ids and positions. */
static void S_facts(xmlNodePtr n, an_buf *out) {
  static const char *const skip[] = {"id", "line", "column", "event", "action",
                                     "events", "actions-given", "actions-received",
                                     NULL};
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

/* The facts of an event, with its actions resolved (type, words, who). */
static char *S_event_facts(xmlDocPtr doc, xmlNodePtr ev) {
  an_buf out = AN_BUF_INIT;
  S_facts(ev, &out);
  xmlNodePtr actions = S_list(doc, "actions");
  for (xmlNodePtr c = ev->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || !xmlStrEqual(c->name, BAD_CAST "action")) continue;
    xmlChar *ref = xmlGetProp(c, BAD_CAST "ref");
    xmlNodePtr act = ref ? S_find(actions, "action", "id", ref) : NULL;
    if (act) S_facts(act, &out);
    xmlFree(ref);
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

/* Compares one list (events by uid, actors by id). */
static size_t S_compare(xmlDocPtr model, xmlDocPtr prev, const char *list,
                        const char *item, const char *key, xmlNodePtr changes) {
  xmlNodePtr cur = S_list(model, list), old = S_list(prev, list);
  size_t n = 0;
  int events = strcmp(item, "event") == 0;
  for (xmlNodePtr c = cur ? cur->children : NULL; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    xmlChar *k = xmlGetProp(c, BAD_CAST key);
    xmlNodePtr o = k ? S_find(old, item, key, k) : NULL;
    xmlFree(k);
    if (!o) {
      S_change(changes, item, "new", c), n++;
      continue;
    }
    char *a = events ? S_event_facts(model, c) : S_actor_facts(c);
    char *b = events ? S_event_facts(prev, o) : S_actor_facts(o);
    if (strcmp(a, b) != 0) S_change(changes, item, "changed", c), n++;
    free(a);
    free(b);
  }
  for (xmlNodePtr o = old ? old->children : NULL; o; o = o->next) {
    if (o->type != XML_ELEMENT_NODE) continue;
    xmlChar *k = xmlGetProp(o, BAD_CAST key);
    if (k && !S_find(cur, item, key, k)) S_change(changes, item, "removed", o), n++;
    xmlFree(k);
  }
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
