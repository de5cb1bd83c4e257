/* export.c - see export.h. */
#include "export.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "alloc.h"
#include "diag.h"
#include "buf.h"
#include "slice.h" /* an_slice_index_lists */
#include "xml.h"

/* Building a document: the first failure (a string jansson refuses,
 * which can only be text that is not UTF-8) is remembered, and the rest
 * of the calls do nothing. */
typedef struct {
  int failed;
} S_ctx;

static void S_set(S_ctx *c, json_t *obj, const char *key, json_t *v) {
  if (!v) {
    c->failed = 1;
    return;
  }
  if (json_object_set_new(obj, key, v) != 0) c->failed = 1;
}

static void S_push(S_ctx *c, json_t *arr, json_t *v) {
  if (!v) {
    c->failed = 1;
    return;
  }
  if (json_array_append_new(arr, v) != 0) c->failed = 1;
}

/* A string, or null when s is NULL. */
static json_t *S_str(const xmlChar *s) {
  return s ? json_string((const char *)s) : json_null();
}

/* An attribute as a string or null. */
static void S_attr_str(S_ctx *c, json_t *obj, const char *key, xmlNodePtr n,
                       const char *attr) {
  xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)attr);
  S_set(c, obj, key, S_str(v));
  xmlFree(v);
}

/* An attribute as an integer (0 when absent or not a number). */
static void S_attr_int(S_ctx *c, json_t *obj, const char *key, xmlNodePtr n,
                       const char *attr) {
  xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)attr);
  long long x = 0;
  if (v) {
    char *end;
    x = strtoll((const char *)v, &end, 10);
    if (end == (char *)v || *end) x = 0;
  }
  xmlFree(v);
  S_set(c, obj, key, json_integer((json_int_t)x));
}

/* The text of the first child element `name`, as a string or null. */
static void S_child_text(S_ctx *c, json_t *obj, const char *key, xmlNodePtr n,
                         const char *name) {
  xmlNodePtr e = an_xml_first(n, name);
  xmlChar *v = e ? xmlNodeGetContent(e) : NULL;
  S_set(c, obj, key, S_str(v));
  xmlFree(v);
}

/* The texts (text = NULL) or an attribute of every child `name`. */
static void S_child_list(S_ctx *c, json_t *obj, const char *key,
                         xmlNodePtr n, const char *name, const char *attr) {
  json_t *arr = json_array();
  for (xmlNodePtr e = n->children; arr && e; e = e->next) {
    if (!an_xml_is(e, name)) continue;
    xmlChar *v = attr ? xmlGetNoNsProp(e, (const xmlChar *)attr)
                      : xmlNodeGetContent(e);
    if (v) S_push(c, arr, json_string((const char *)v));
    xmlFree(v);
  }
  S_set(c, obj, key, arr);
}

/* The model's <briefing> with err emptied; or NULL with the reason in
 * err. */
static xmlNodePtr S_root(xmlDocPtr model, char *err, size_t errlen) {
  if (err && errlen) err[0] = '\0';
  xmlNodePtr root = model ? xmlDocGetRootElement(model) : NULL;
  if (an_xml_is(root, "briefing")) return root;
  an_err_printf(err, errlen, "model: the root element is not <briefing>");
  return NULL;
}

static json_t *S_node(S_ctx *c, xmlNodePtr a) {
  json_t *o = json_object();
  if (!o) return NULL;
  S_attr_str(c, o, "id", a, "id");
  S_child_text(c, o, "name", a, "name");
  S_attr_str(c, o, "kind", a, "kind");
  xmlChar *declared = xmlGetNoNsProp(a, (const xmlChar *)"declared");
  S_set(c, o, "declared",
        json_boolean(declared && strcmp((const char *)declared, "true") == 0));
  xmlFree(declared);
  S_child_text(c, o, "role", a, "role");
  S_attr_str(c, o, "parent", a, "parent");
  S_child_list(c, o, "member_of", a, "member-of", "ref");
  S_child_list(c, o, "aliases", a, "alias", NULL);
  S_attr_int(c, o, "events", a, "events");
  S_attr_int(c, o, "actions_given", a, "actions-given");
  S_attr_int(c, o, "actions_received", a, "actions-received");
  return o;
}

static json_t *S_edge(S_ctx *c, xmlNodePtr e) {
  json_t *o = json_object();
  if (!o) return NULL;
  S_attr_str(c, o, "id", e, "id");
  S_attr_str(c, o, "source", e, "subject");
  S_attr_str(c, o, "target", e, "object");
  S_attr_str(c, o, "type", e, "type");
  S_attr_str(c, o, "class", e, "class");
  S_attr_int(c, o, "count", e, "count");
  S_attr_str(c, o, "first", e, "first");
  S_attr_str(c, o, "last", e, "last");
  S_child_list(c, o, "words", e, "words", NULL);
  S_child_list(c, o, "actions", e, "action", "ref");
  return o;
}

int an_export_json(xmlDocPtr model, char **json, size_t *len, char *err,
                   size_t errlen) {
  *json = NULL;
  *len = 0;
  xmlNodePtr root = S_root(model, err, errlen);
  if (!root) return 0;
  S_ctx c = {0};
  json_t *doc = json_object(), *nodes = json_array(), *edges = json_array();
  if (!doc || !nodes || !edges) c.failed = 1;
  if (doc) {
    S_set(&c, doc, "format", json_string("annalist-actors"));
    S_set(&c, doc, "version", json_integer(1));
    S_attr_str(&c, doc, "generator", root, "generator");
    S_child_text(&c, doc, "title", an_xml_first(root, "head"), "title");
  }
  xmlNodePtr list = an_xml_first(root, "actors");
  for (xmlNodePtr a = list ? list->children : NULL; nodes && a; a = a->next)
    if (an_xml_is(a, "actor")) S_push(&c, nodes, S_node(&c, a));
  list = an_xml_first(root, "edges");
  for (xmlNodePtr e = list ? list->children : NULL; edges && e; e = e->next)
    if (an_xml_is(e, "edge")) S_push(&c, edges, S_edge(&c, e));
  if (doc) {
    S_set(&c, doc, "nodes", nodes);
    S_set(&c, doc, "edges", edges);
  } else {
    json_decref(nodes);
    json_decref(edges);
  }
  char *text = NULL;
  if (!c.failed) text = json_dumps(doc, JSON_INDENT(2));
  json_decref(doc);
  if (!text) {
    an_err_printf(err, errlen, "the actor graph could not be written as JSON "
                       "(text that is not UTF-8?)");
    return 0;
  }
  /* one trailing newline; the copy is ours (jansson's free may differ) */
  size_t n = strlen(text);
  char *out = an_xmalloc(n + 2);
  memcpy(out, text, n);
  out[n] = '\n';
  out[n + 1] = '\0';
  free(text);
  *json = out;
  *len = n + 1;
  return 1;
}

/* ---- the whole model as JSON (briefing.json) ---------------------------- */

/* docs/exports.md describes the mapping; in short: names and order are
 * the XML's, lists are arrays, counts are numbers, flags are booleans,
 * text-only elements are strings, and the CommonMark bodies are arrays of
 * strings (text) and {"type": NAME, ...attributes, "children": [...]}. */

static int S_in(const char *name, const char *const *set) {
  for (; *set; set++)
    if (strcmp(name, *set) == 0) return 1;
  return 0;
}

/* Attributes that hold a count or a position, and those that are flags. */
static const char *const S_INT_ATTRS[] = {
    "line", "column", "level", "events", "actions-given", "actions-received",
    "given", "received", "annotated", "plain", "count", "sources",
    "model-version", "actors", "shown", NULL};
static const char *const S_BOOL_ATTRS[] = {
    "declared", "tight", "conflict", "uncertain", "approximate", NULL};
/* Elements whose children are the CommonMark tree. */
static const char *const S_BODIES[] = {"summary", "body", "profile", "text",
                                       NULL};
/* Elements that are the model's lists. */
static const char *const S_LISTS[] = {"sources", "actors", "topics", "events",
                                      "actions", "edges", NULL};
/* Child elements that may repeat: always an array. */
static const char *const S_REPEATED[] = {
    "meta", "alias", "member-of", "action-count", "mentions", "citation",
    "participant", "topic", "action", "subject", "object", "event", "actor",
    "year", "month", NULL};
/* Parts of the in-memory model that are not the model (docs/model.md). */
static const char *const S_NOT_MODEL[] = {"diagrams", "jsonld", NULL};

static int S_repeated(xmlNodePtr parent, const char *name) {
  return S_in(name, S_REPEATED) ||
         (strcmp(name, "words") == 0 && an_xml_is(parent, "edge"));
}

/* One attribute, typed by its name (list/@start is a number, time/@start
 * a date). */
static json_t *S_attr_value(xmlNodePtr owner, xmlAttrPtr at, int body) {
  const char *name = (const char *)at->name;
  xmlChar *v = xmlNodeListGetString(owner->doc, at->children, 1);
  const char *s = v ? (const char *)v : "";
  json_t *out;
  int is_int = S_in(name, S_INT_ATTRS) || (body && strcmp(name, "start") == 0);
  char *end = NULL;
  long long x = is_int ? strtoll(s, &end, 10) : 0;
  if (is_int && *s && end && !*end)
    out = json_integer((json_int_t)x);
  else if (S_in(name, S_BOOL_ATTRS))
    out = json_boolean(strcmp(s, "true") == 0);
  else
    out = json_string(s);
  xmlFree(v);
  return out;
}

static void S_attrs(S_ctx *c, json_t *o, xmlNodePtr n, int body) {
  for (xmlAttrPtr at = n->properties; at; at = at->next)
    S_set(c, o, (const char *)at->name, S_attr_value(n, at, body));
}

static int S_has_elements(xmlNodePtr n) {
  for (xmlNodePtr k = n->children; k; k = k->next)
    if (k->type == XML_ELEMENT_NODE) return 1;
  return 0;
}

/* A node of a CommonMark body: text as a string, an element as an object. */
static json_t *S_body_node(S_ctx *c, xmlNodePtr n) {
  if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
    return json_string((const char *)(n->content ? n->content : BAD_CAST ""));
  json_t *o = json_object();
  if (!o) return NULL;
  S_set(c, o, "type", json_string((const char *)n->name));
  S_attrs(c, o, n, 1);
  if (n->children) {
    json_t *kids = json_array();
    for (xmlNodePtr k = n->children; kids && k; k = k->next)
      if (k->type == XML_ELEMENT_NODE || k->type == XML_TEXT_NODE ||
          k->type == XML_CDATA_SECTION_NODE)
        S_push(c, kids, S_body_node(c, k));
    S_set(c, o, "children", kids);
  }
  return o;
}

static json_t *S_body(S_ctx *c, xmlNodePtr n) {
  json_t *arr = json_array();
  for (xmlNodePtr k = n->children; arr && k; k = k->next) {
    /* blocks are elements; between them only the indentation */
    if (k->type == XML_TEXT_NODE && !an_xml_is(n, "text")) continue;
    if (k->type == XML_ELEMENT_NODE || k->type == XML_TEXT_NODE ||
        k->type == XML_CDATA_SECTION_NODE)
      S_push(c, arr, S_body_node(c, k));
  }
  return arr;
}

static json_t *S_model_elem(S_ctx *c, xmlNodePtr n);

/* A list of a document written element by element (S_stream): in the
 * document's object it is `holder`, an empty array standing for it; its
 * elements are made from the element children of `parent` (those named
 * `only`, or all). */
typedef struct {
  json_t *holder;
  xmlNodePtr parent;
  const char *only;
  json_t *(*make)(S_ctx *, xmlNodePtr);
} S_later;

#define S_MAX_LATER 8
typedef struct {
  S_later v[S_MAX_LATER];
  size_t n;
} S_laters;

/* Sets key to a list of o that is written later, element by element. */
static void S_set_later(S_ctx *c, json_t *o, const char *key, S_laters *l,
                        xmlNodePtr parent, const char *only,
                        json_t *(*make)(S_ctx *, xmlNodePtr)) {
  json_t *holder = json_array();
  if (l->n == S_MAX_LATER) c->failed = 1; /* a caller's mistake */
  else if (holder) l->v[l->n++] = (S_later){holder, parent, only, make};
  S_set(c, o, key, holder);
}

/* The children of n grouped by name, in the order each name first
 * appears.  With `later`, the model's lists among them are left to be
 * written element by element (the values of the others are made). */
static void S_children(S_ctx *c, json_t *o, xmlNodePtr n, S_laters *later) {
  for (xmlNodePtr k = n->children; k; k = k->next) {
    if (k->type != XML_ELEMENT_NODE || S_in((const char *)k->name, S_NOT_MODEL))
      continue;
    const char *name = (const char *)k->name;
    if (json_object_get(o, name)) continue; /* grouped with an earlier one */
    if (later && !S_repeated(n, name) && S_in(name, S_LISTS)) {
      S_set_later(c, o, name, later, k, NULL, S_model_elem);
      continue;
    }
    if (!S_repeated(n, name)) {
      S_set(c, o, name, S_model_elem(c, k));
      continue;
    }
    json_t *arr = json_array();
    for (xmlNodePtr m = k; arr && m; m = m->next)
      if (m->type == XML_ELEMENT_NODE && strcmp((const char *)m->name, name) == 0)
        S_push(c, arr, S_model_elem(c, m));
    S_set(c, o, name, arr);
  }
}

static json_t *S_model_elem(S_ctx *c, xmlNodePtr n) {
  const char *name = (const char *)n->name;
  if (S_in(name, S_BODIES)) return S_body(c, n);
  if (S_in(name, S_LISTS)) {
    json_t *arr = json_array();
    for (xmlNodePtr k = n->children; arr && k; k = k->next)
      if (k->type == XML_ELEMENT_NODE) S_push(c, arr, S_model_elem(c, k));
    return arr;
  }
  int elements = S_has_elements(n);
  if (!n->properties && !elements) {
    xmlChar *t = xmlNodeGetContent(n);
    json_t *s = json_string(t ? (const char *)t : "");
    xmlFree(t);
    return s;
  }
  json_t *o = json_object();
  if (!o) return NULL;
  S_attrs(c, o, n, 0);
  if (elements) {
    S_children(c, o, n, NULL);
  } else {
    xmlChar *t = xmlNodeGetContent(n);
    if (t && *t) S_set(c, o, "value", json_string((const char *)t));
    xmlFree(t);
  }
  return o;
}

/* Dumps doc (taken) with flags, followed by a newline, into *out. */
static int S_dump_json(json_t *doc, int failed, size_t flags, char **out,
                       size_t *len) {
  char *text = failed ? NULL : json_dumps(doc, flags);
  json_decref(doc);
  if (!text) return 0;
  size_t n = strlen(text);
  char *copy = an_xmalloc(n + 2);
  memcpy(copy, text, n);
  copy[n] = '\n';
  copy[n + 1] = '\0';
  free(text);
  *out = copy;
  *len = n + 1;
  return 1;
}

/* ---- writing a document piecewise ---------------------------------------- */

/* The bytes go to put; once it says stop, nothing more is sent. */
typedef struct {
  an_export_put put;
  void *ctx;
  size_t flags; /* jansson's, with the indentation */
  size_t depth; /* of the value being dumped */
  int stopped;
} S_out;

static void S_raw(S_out *o, const char *s, size_t n) {
  if (!o->stopped && n && !o->put(o->ctx, s, n)) o->stopped = 1;
}

/* A line break and the indentation of depth, as jansson writes them. */
static void S_break(S_out *o, size_t depth) {
  static const char spaces[] = "                                ";
  S_raw(o, "\n", 1);
  for (size_t n = depth * (o->flags & JSON_MAX_INDENT); n;) {
    size_t k = n < sizeof spaces - 1 ? n : sizeof spaces - 1;
    S_raw(o, spaces, k);
    n -= k;
  }
}

/* jansson's text of a value dumped alone, its lines indented as at
 * o->depth (a raw line break is only ever indentation: one in a string is
 * written \n). */
static int S_reindent(const char *buf, size_t size, void *data) {
  S_out *o = data;
  const char *nl;
  while ((nl = memchr(buf, '\n', size)) != NULL) {
    S_raw(o, buf, (size_t)(nl - buf));
    S_break(o, o->depth);
    size -= (size_t)(nl + 1 - buf);
    buf = nl + 1;
  }
  S_raw(o, buf, size);
  return o->stopped ? -1 : 0;
}

/* v as jansson writes it inside its parents, at depth. */
static void S_dump_at(S_out *o, const json_t *v, size_t depth) {
  o->depth = depth;
  if (v) json_dump_callback(v, S_reindent, o, o->flags | JSON_ENCODE_ANY);
}

/* The elements of a list, each made, written and freed before the next. */
static void S_stream_list(S_out *o, S_ctx *c, const S_later *l) {
  S_raw(o, "[", 1);
  size_t k = 0;
  for (xmlNodePtr x = l->parent->children; x && !o->stopped && !c->failed; x = x->next) {
    if (x->type != XML_ELEMENT_NODE || (l->only && !an_xml_is(x, l->only))) continue;
    json_t *v = l->make(c, x);
    if (!v) c->failed = 1;
    if (c->failed) {
      json_decref(v);
      break;
    }
    if (k++) S_raw(o, ",", 1);
    S_break(o, 2);
    S_dump_at(o, v, 2);
    json_decref(v);
  }
  if (k) S_break(o, 1);
  S_raw(o, "]", 1);
}

/* Writes doc (taken) as json_dumps(doc, flags) and a newline would, its
 * lists (later) made and written element by element.  1 when written; 0
 * when a text was refused (c->failed), -1 when put stopped. */
static int S_stream(S_out *o, S_ctx *c, json_t *doc, const S_laters *later) {
  const char *key;
  json_t *v;
  size_t k = 0;
  S_raw(o, "{", 1);
  json_object_foreach(doc, key, v) {
    if (c->failed || o->stopped) break;
    if (k++) S_raw(o, ",", 1);
    S_break(o, 1);
    json_t *name = json_string(key);
    if (!name) c->failed = 1;
    S_dump_at(o, name, 1);
    json_decref(name);
    S_raw(o, ": ", 2);
    const S_later *l = NULL;
    for (size_t i = 0; i < later->n && !l; i++)
      if (later->v[i].holder == v) l = &later->v[i];
    if (l) S_stream_list(o, c, l);
    else S_dump_at(o, v, 1);
  }
  if (k) S_break(o, 0);
  S_raw(o, "}\n", 2);
  json_decref(doc);
  return c->failed ? 0 : o->stopped ? -1 : 1;
}

/* The root object of briefing.json; with `later`, its lists are left to
 * be written element by element. */
static json_t *S_briefing_doc(S_ctx *c, xmlNodePtr root, S_laters *later) {
  json_t *doc = json_object();
  if (!doc) {
    c->failed = 1;
    return NULL;
  }
  S_set(c, doc, "format", json_string("annalist-briefing"));
  S_set(c, doc, "version", json_integer(1));
  S_attrs(c, doc, root, 0);
  S_children(c, doc, root, later);
  return doc;
}

static const char S_NOT_JSON[] = "the model could not be written as JSON "
                                 "(text that is not UTF-8?)";

/* The whole-document writer: kept as the reference the streamed one
 * (an_export_briefing_json_write) is tested against, byte for byte. */
int an_export_briefing_json(xmlDocPtr model, char **json, size_t *len,
                            char *err, size_t errlen) {
  *json = NULL;
  *len = 0;
  xmlNodePtr root = S_root(model, err, errlen);
  if (!root) return 0;
  S_ctx c = {0};
  json_t *doc = S_briefing_doc(&c, root, NULL);
  if (!S_dump_json(doc, c.failed, JSON_INDENT(1), json, len)) {
    an_err_printf(err, errlen, "%s", S_NOT_JSON);
    return 0;
  }
  return 1;
}

int an_export_briefing_json_write(xmlDocPtr model, an_export_put put,
                                  void *ctx, char *err, size_t errlen) {
  xmlNodePtr root = S_root(model, err, errlen);
  if (!root) return 0;
  S_ctx c = {0};
  S_laters later = {0};
  json_t *doc = S_briefing_doc(&c, root, &later);
  S_out o = {put, ctx, JSON_INDENT(1), 0, 0};
  int r = 0;
  if (doc && !c.failed) r = S_stream(&o, &c, doc, &later);
  else json_decref(doc);
  if (r == 0) an_err_printf(err, errlen, "%s", S_NOT_JSON);
  return r;
}

/* ---- JSON-LD for the pages ------------------------------------------------ */

/* The text of n with runs of white space made one space, trimmed. */
static char *S_flat_text(xmlNodePtr n) {
  xmlChar *t = n ? xmlNodeGetContent(n) : NULL;
  const char *s = t ? (const char *)t : "";
  char *out = an_xmalloc(strlen(s) + 1);
  size_t k = 0;
  int space = 0;
  for (; *s; s++) {
    if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') {
      space = k > 0;
      continue;
    }
    if (space) out[k++] = ' ';
    space = 0;
    out[k++] = *s;
  }
  out[k] = '\0';
  xmlFree(t);
  return out;
}

/* s cut to at most max bytes at a space (never inside a character), with
 * an ellipsis when cut. */
static char *S_shorten(const char *s, size_t max) {
  size_t n = strlen(s);
  if (n <= max) return an_xstrdup(s);
  size_t cut = max;
  while (cut > 0 && s[cut] != ' ') cut--;
  if (cut == 0) { /* one long word: cut before a character starts */
    cut = max;
    while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80) cut--;
  }
  char *out = an_xmalloc(cut + 4);
  memcpy(out, s, cut);
  memcpy(out + cut, "\xE2\x80\xA6", 4); /* U+2026 and the NUL */
  return out;
}

/* The attribute as libxml2 returns it (free with xmlFree), NULL for none. */
static xmlChar *S_xprop(xmlNodePtr n, const char *attr) {
  return n ? xmlGetNoNsProp(n, (const xmlChar *)attr) : NULL;
}

/* Sets key to the attribute's value when present. */
static void S_opt_attr(S_ctx *c, json_t *o, const char *key, xmlNodePtr n,
                       const char *attr) {
  xmlChar *v = S_xprop(n, attr);
  if (v && *v) S_set(c, o, key, json_string((const char *)v));
  xmlFree(v);
}

/* Sets key to the flattened text of child `name` when not empty. */
static void S_opt_text(S_ctx *c, json_t *o, const char *key, xmlNodePtr n,
                       const char *name) {
  char *t = S_flat_text(an_xml_first(n, name));
  if (*t) S_set(c, o, key, json_string(t));
  free(t);
}

/* base + path, or nothing without a base. */
static void S_opt_url(S_ctx *c, json_t *o, const char *key, const char *base,
                      const char *path) {
  if (!base || !*base) return;
  an_buf b = AN_BUF_INIT;
  an_buf_printf(&b, "%s%s", base, path);
  S_set(c, o, key, json_string(an_buf_cstr(&b)));
  an_buf_free(&b);
}

/* {"@type": "Person" | "Organization", "name": ...} for an actor. */

/* key: the page of the element's id in folder ("actors/japan.html"),
 * made absolute with base when there is one. */
static void S_page_url(S_ctx *c, json_t *o, const char *key, const char *base,
                       const char *folder, xmlNodePtr n) {
  xmlChar *id = S_xprop(n, "id");
  if (id) {
    an_buf p = AN_BUF_INIT;
    an_buf_printf(&p, "%s/%s.html", folder, (const char *)id);
    S_opt_url(c, o, key, base, an_buf_cstr(&p));
    an_buf_free(&p);
  }
  xmlFree(id);
}
static json_t *S_ld_actor_ref(S_ctx *c, xmlNodePtr actor, const char *base,
                              int context) {
  json_t *o = json_object();
  if (!o) return NULL;
  if (context) S_set(c, o, "@context", json_string("https://schema.org"));
  xmlChar *kind = S_xprop(actor, "kind");
  S_set(c, o, "@type", json_string(kind && xmlStrEqual(kind, BAD_CAST "person")
                                       ? "Person" : "Organization"));
  xmlFree(kind);
  S_opt_text(c, o, "name", actor, "name");
  S_page_url(c, o, "url", base, "actors", actor);
  return o;
}


/* key: the actors that the children of parent named `child` refer to
 * (by ref), as short actor objects; nothing when there is none. */
static void S_ld_actor_refs(S_ctx *c, json_t *o, const char *key,
                            xmlNodePtr parent, const char *child,
                            const an_xml_index *actors, const char *base) {
  json_t *list = json_array();
  for (xmlNodePtr k = parent->children; list && k; k = k->next) {
    if (!an_xml_is(k, child)) continue;
    xmlChar *ref = S_xprop(k, "ref");
    xmlNodePtr a = an_xml_index_find(actors, (const char *)ref);
    if (a) S_push(c, list, S_ld_actor_ref(c, a, base, 0));
    xmlFree(ref);
  }
  if (list && json_array_size(list)) S_set(c, o, key, list);
  else json_decref(list);
}

/* key: {"@type": type, "name": the text of field}, when it has text. */
static void S_ld_named(S_ctx *c, json_t *o, const char *key, const char *type,
                       xmlNodePtr field) {
  char *name = S_flat_text(field);
  if (*name) {
    json_t *p = json_object();
    S_set(c, p, "@type", json_string(type));
    S_set(c, p, "name", json_string(name));
    S_set(c, o, key, p);
  }
  free(name);
}

static json_t *S_ld_event(S_ctx *c, const an_xml_index *actors, xmlNodePtr ev,
                          const char *base) {
  json_t *o = json_object();
  if (!o) return NULL;
  S_set(c, o, "@type", json_string("Event"));
  S_opt_attr(c, o, "identifier", ev, "uid");
  char *text = S_flat_text(an_xml_first(ev, "text"));
  char *name = S_shorten(text, 110);
  S_set(c, o, "name", json_string(name));
  S_set(c, o, "description", json_string(text));
  free(name);
  free(text);
  xmlNodePtr t = an_xml_first(ev, "time");
  S_opt_attr(c, o, "startDate", t, "start");
  S_opt_attr(c, o, "endDate", t, "end");
  xmlChar *src = S_xprop(ev, "source"), *id = S_xprop(ev, "id");
  if (id) {
    an_buf p = AN_BUF_INIT;
    if (src) an_buf_printf(&p, "sources/%s.html#%s", (const char *)src, (const char *)id);
    else an_buf_printf(&p, "index.html#%s", (const char *)id);
    S_opt_url(c, o, "url", base, an_buf_cstr(&p));
    an_buf_free(&p);
  }
  xmlFree(src);
  xmlFree(id);
  S_ld_actor_refs(c, o, "attendee", ev, "participant", actors, base);
  return o;
}

static json_t *S_ld_source(S_ctx *c, xmlNodePtr s, const char *base) {
  json_t *o = json_object();
  if (!o) return NULL;
  S_set(c, o, "@context", json_string("https://schema.org"));
  S_set(c, o, "@type", json_string("NewsArticle"));
  S_opt_text(c, o, "headline", s, "title");
  S_opt_attr(c, o, "datePublished", an_xml_first(s, "published"), "value");
  S_opt_attr(c, o, "inLanguage", s, "lang");
  S_ld_named(c, o, "author", "Person", an_xml_first(s, "author"));
  S_ld_named(c, o, "publisher", "Organization", an_xml_first(s, "publisher"));
  S_opt_text(c, o, "url", s, "url");
  S_page_url(c, o, "mainEntityOfPage", base, "sources", s);
  return o;
}

static json_t *S_ld_actor(S_ctx *c, const an_xml_index *actors, xmlNodePtr a,
                          const char *base) {
  json_t *o = S_ld_actor_ref(c, a, base, 1);
  if (!o) return NULL;
  S_opt_text(c, o, "description", a, "role");
  json_t *alias = json_array();
  for (xmlNodePtr k = a->children; alias && k; k = k->next)
    if (an_xml_is(k, "alias")) {
      char *t = S_flat_text(k);
      S_push(c, alias, json_string(t));
      free(t);
    }
  if (alias && json_array_size(alias)) S_set(c, o, "alternateName", alias);
  else json_decref(alias);
  S_ld_actor_refs(c, o, "memberOf", a, "member-of", actors, base);
  return o;
}

/* The JSON text, safe inside <script>: no '<' at all, so neither
 * "</script" nor "<!--" can appear ('<' is only ever inside a string,
 * where \u003c means the same character). */
static int S_ld_text(json_t *doc, int failed, char **out) {
  size_t len;
  char *text;
  if (!S_dump_json(doc, failed, JSON_COMPACT | JSON_ESCAPE_SLASH, &text, &len))
    return 0;
  size_t lt = 0;
  for (size_t i = 0; i < len; i++) lt += text[i] == '<';
  char *safe = an_xmalloc(len + 5 * lt + 1);
  size_t k = 0;
  for (size_t i = 0; i < len; i++) {
    if (text[i] == '<') {
      memcpy(safe + k, "\\u003c", 6);
      k += 6;
    } else if (text[i] != '\n') {
      safe[k++] = text[i];
    }
  }
  safe[k] = '\0';
  free(text);
  *out = safe;
  return 1;
}

static int S_ld_add(xmlNodePtr holder, const char *key, json_t *doc,
                    int failed) {
  char *text;
  if (!S_ld_text(doc, failed, &text)) return 0;
  xmlNodePtr item = xmlNewChild(holder, NULL, BAD_CAST "item", NULL);
  xmlSetProp(item, BAD_CAST "for", BAD_CAST key);
  xmlNodeAddContent(item, BAD_CAST text);
  free(text);
  return 1;
}

int an_export_jsonld(xmlDocPtr model, const char *base_url, char *err,
                     size_t errlen) {
  xmlNodePtr root = S_root(model, err, errlen);
  if (!root) return 0;
  xmlNodePtr old = an_xml_first(root, "jsonld");
  if (old) {
    xmlUnlinkNode(old);
    xmlFreeNode(old);
  }
  xmlNodePtr holder = xmlNewChild(root, NULL, BAD_CAST "jsonld", NULL);
  int ok = 1;
  an_xml_index *actors = an_xml_index_new(an_xml_first(root, "actors"), "actor", "id");
  /* index: the events it shows (templates/index.xsl: the latest
   * AN_SLICE_INDEX_LATEST and every one whose sources disagree on the
   * date), not all: structured data describes what the page shows, and
   * every event of a 10,000-source briefing made index.html 35 MB */
  S_ctx c = {0};
  json_t *doc = json_object(), *graph = json_array();
  S_set(&c, doc, "@context", json_string("https://schema.org"));
  xmlNodePtr events = an_xml_first(root, "events");
  size_t nev = 0, at = 0;
  for (xmlNodePtr e = events ? events->children : NULL; e; e = e->next)
    nev += an_xml_is(e, "event");
  for (xmlNodePtr e = events ? events->children : NULL; graph && e; e = e->next) {
    if (!an_xml_is(e, "event")) continue;
    if (an_slice_index_lists(e, at++, nev))
      S_push(&c, graph, S_ld_event(&c, actors, e, base_url));
  }
  S_set(&c, doc, "@graph", graph);
  ok = S_ld_add(holder, "index", doc, c.failed);
  /* a page per source and per actor */
  xmlNodePtr list = an_xml_first(root, "sources");
  for (xmlNodePtr s = list ? list->children : NULL; ok && s; s = s->next) {
    if (!an_xml_is(s, "source")) continue;
    S_ctx sc = {0};
    xmlChar *id = S_xprop(s, "id");
    an_buf key = AN_BUF_INIT;
    an_buf_printf(&key, "source:%s", id ? (const char *)id : "");
    ok = S_ld_add(holder, an_buf_cstr(&key), S_ld_source(&sc, s, base_url), sc.failed);
    an_buf_free(&key);
    xmlFree(id);
  }
  list = an_xml_first(root, "actors");
  for (xmlNodePtr a = list ? list->children : NULL; ok && a; a = a->next) {
    if (!an_xml_is(a, "actor")) continue;
    S_ctx ac = {0};
    xmlChar *id = S_xprop(a, "id");
    an_buf key = AN_BUF_INIT;
    an_buf_printf(&key, "actor:%s", id ? (const char *)id : "");
    ok = S_ld_add(holder, an_buf_cstr(&key), S_ld_actor(&ac, actors, a, base_url), ac.failed);
    an_buf_free(&key);
    xmlFree(id);
  }
  an_xml_index_free(actors);
  if (!ok) {
    xmlUnlinkNode(holder);
    xmlFreeNode(holder);
    an_err_printf(err, errlen, "the JSON-LD of the pages could not be written "
                       "(text that is not UTF-8?)");
  }
  return ok;
}
