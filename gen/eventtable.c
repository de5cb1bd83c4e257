/* eventtable.c - see eventtable.h. */
#include "eventtable.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "alloc.h"
#include "buf.h"
#include "xml.h"

/* An attribute's value, or "" (the caller frees with xmlFree). */
static xmlChar *S_attr(xmlNodePtr n, const char *name) {
  xmlChar *v = n ? xmlGetNoNsProp(n, (const xmlChar *)name) : NULL;
  return v ? v : xmlStrdup((const xmlChar *)"");
}

/* Appends one field, quoted by libcsv, and the separator or line end. */
static void S_field(an_buf *out, const char *s, int last) {
  size_t n = strlen(s);
  size_t need = csv_write(NULL, 0, s, n);
  char *q = an_xmalloc(need + 1);
  csv_write(q, need, s, n);
  an_buf_put(out, q, need);
  free(q);
  an_buf_puts(out, last ? "\r\n" : ",");
}

enum {
  C_EVENT_ID, C_UID, C_TIME, C_START, C_END, C_PRECISION, C_DISPLAY,
  C_SOURCE, C_LINE, C_KEY, C_ACTION_ID, C_SUBJECT, C_TYPE, C_CLASS,
  C_OBJECT, C_WORDS, C_N
};

static const char *const S_HEADER[C_N] = {
    "event_id", "uid", "time", "start", "end", "precision", "display",
    "source", "line", "key", "action_id", "subject", "action_type",
    "action_class", "object", "words"};

static void S_row(an_buf *out, char *const *cols) {
  for (int i = 0; i < C_N; i++) S_field(out, cols[i] ? cols[i] : "", i == C_N - 1);
}

/* The ids of the children `name` of n, joined by spaces. */
static char *S_refs(xmlNodePtr n, const char *name) {
  an_buf b = AN_BUF_INIT;
  an_buf_puts(&b, "");
  for (xmlNodePtr c = n->children; c; c = c->next) {
    if (!an_xml_is(c, name)) continue;
    xmlChar *r = S_attr(c, "ref");
    if (b.len) an_buf_putc(&b, ' ');
    an_buf_puts(&b, (const char *)r);
    xmlFree(r);
  }
  return an_buf_detach(&b);
}

static char *S_dup(const xmlChar *s) { return an_xstrdup(s ? (const char *)s : ""); }

static char *S_xdup(xmlChar *s) { /* takes s */
  char *c = S_dup(s);
  xmlFree(s);
  return c;
}

int an_eventtable_csv(xmlDocPtr model, char **csv, size_t *len, char *err,
                      size_t errlen) {
  *csv = NULL;
  *len = 0;
  xmlNodePtr root = model ? xmlDocGetRootElement(model) : NULL;
  if (!an_xml_is(root, "briefing")) {
    if (err && errlen) snprintf(err, errlen, "model: the root element is not <briefing>");
    return 0;
  }
  an_buf out = AN_BUF_INIT;
  S_row(&out, (char *const *)S_HEADER);
  xmlNodePtr events = an_xml_first(root, "events");
  an_xml_index *act = an_xml_index_new(an_xml_first(root, "actions"), "action", "id");
  for (xmlNodePtr e = events ? events->children : NULL; e; e = e->next) {
    if (!an_xml_is(e, "event")) continue;
    char *col[C_N] = {0};
    col[C_EVENT_ID] = S_xdup(S_attr(e, "id"));
    col[C_UID] = S_xdup(S_attr(e, "uid"));
    col[C_KEY] = S_xdup(S_attr(e, "key"));
    xmlNodePtr t = an_xml_first(e, "time"), r = an_xml_first(e, "reported-by");
    if (t) {
      col[C_TIME] = S_xdup(S_attr(t, "value"));
      col[C_START] = S_xdup(S_attr(t, "start"));
      col[C_END] = S_xdup(S_attr(t, "end"));
      col[C_PRECISION] = S_xdup(S_attr(t, "precision"));
      col[C_DISPLAY] = S_xdup(S_attr(t, "display"));
    } else if (r) {
      /* only reported by a source published that day: as `annalist events` */
      xmlChar *v = S_attr(r, "value");
      an_buf b = AN_BUF_INIT;
      an_buf_printf(&b, "../%s", (const char *)v);
      col[C_TIME] = an_buf_detach(&b);
      col[C_END] = S_dup(v);
      col[C_PRECISION] = an_xstrdup("reported");
      xmlFree(v);
      v = S_attr(r, "display");
      b = (an_buf)AN_BUF_INIT;
      an_buf_printf(&b, "reported by %s", (const char *)v);
      col[C_DISPLAY] = an_buf_detach(&b);
      xmlFree(v);
    } else {
      col[C_TIME] = an_xstrdup("..");
    }
    int rows = 0;
    for (xmlNodePtr k = e->children; k; k = k->next) {
      if (!an_xml_is(k, "action")) continue;
      xmlChar *ref = S_attr(k, "ref");
      xmlNodePtr a = an_xml_index_find(act, (const char *)ref);
      xmlFree(ref);
      if (!a) continue;
      col[C_SOURCE] = S_xdup(S_attr(a, "source"));
      col[C_LINE] = S_xdup(S_attr(a, "line"));
      col[C_ACTION_ID] = S_xdup(S_attr(a, "id"));
      col[C_SUBJECT] = S_refs(a, "subject");
      col[C_TYPE] = S_xdup(S_attr(a, "type"));
      col[C_CLASS] = S_xdup(S_attr(a, "class"));
      col[C_OBJECT] = S_refs(a, "object");
      xmlNodePtr w = an_xml_first(a, "words");
      col[C_WORDS] = S_xdup(w ? xmlNodeGetContent(w) : NULL);
      S_row(&out, col);
      rows++;
      for (int i = C_SOURCE; i < C_N; i++)
        if (i != C_KEY) {
          free(col[i]);
          col[i] = NULL;
        }
    }
    if (!rows) {
      col[C_SOURCE] = S_xdup(S_attr(e, "source"));
      col[C_LINE] = S_xdup(S_attr(e, "line"));
      S_row(&out, col);
    }
    for (int i = 0; i < C_N; i++) free(col[i]);
  }
  an_xml_index_free(act);
  *len = out.len;
  *csv = an_buf_detach(&out);
  return 1;
}
