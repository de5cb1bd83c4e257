/* xml.c - see xml.h. */
#include "xml.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"

int an_xml_is(xmlNodePtr n, const char *name) {
  return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

xmlNodePtr an_xml_first(xmlNodePtr n, const char *name) {
  for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
    if (an_xml_is(c, name)) return c;
  return NULL;
}

char *an_xml_prop(xmlNodePtr n, const char *name) {
  xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
  if (!v) return NULL;
  char *s = an_xstrdup((const char *)v);
  xmlFree(v);
  return s;
}

typedef struct {
  char *value; /* owned */
  size_t at;   /* document order */
  xmlNodePtr node;
} S_entry;

struct an_xml_index {
  S_entry *v;
  size_t n;
};

static int S_cmp_entry(const void *pa, const void *pb) {
  const S_entry *a = pa, *b = pb;
  int r = strcmp(a->value, b->value);
  if (r) return r;
  return a->at < b->at ? -1 : a->at > b->at;
}

an_xml_index *an_xml_index_new(xmlNodePtr list, const char *name, const char *attr) {
  an_xml_index *x = an_xcalloc(1, sizeof *x);
  size_t cap = 0;
  for (xmlNodePtr c = list ? list->children : NULL; c; c = c->next) {
    if (!an_xml_is(c, name)) continue;
    char *v = an_xml_prop(c, attr);
    if (!v) continue;
    x->v = an_xgrow(x->v, &cap, x->n + 1, sizeof *x->v);
    x->v[x->n] = (S_entry){v, x->n, c};
    x->n++;
  }
  if (x->n > 1) qsort(x->v, x->n, sizeof *x->v, S_cmp_entry);
  return x;
}

xmlNodePtr an_xml_index_find(const an_xml_index *x, const char *value) {
  if (!x || !value) return NULL;
  size_t lo = 0, hi = x->n;
  while (lo < hi) { /* the first entry not before value */
    size_t mid = lo + (hi - lo) / 2;
    if (strcmp(x->v[mid].value, value) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo < x->n && strcmp(x->v[lo].value, value) == 0 ? x->v[lo].node : NULL;
}

void an_xml_index_free(an_xml_index *x) {
  if (!x) return;
  for (size_t i = 0; i < x->n; i++) free(x->v[i].value);
  free(x->v);
  free(x);
}
