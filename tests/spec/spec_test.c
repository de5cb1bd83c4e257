/* spec_test.c - CommonMark conformance of the whole body path.
 *
 * Every example of the CommonMark 0.30 spec goes through the same path as a
 * source body: a file with front matter (source.c), cmark and the
 * annotation walk (annotate.c), the model's body elements (body.c), and
 * the XSLT views (templates/fragment.xsl, which imports the same body
 * templates as every page).  The result is compared with the spec's HTML
 * after normalisation (libxml2's HTML parser; attributes sorted;
 * whitespace collapsed outside <pre> and trimmed at block edges).
 *
 * Two kinds of example differ by design and are checked for that:
 * - raw HTML: a safe page must drop it.  The expected HTML is then
 *   cmark's own safe rendering ("<!-- raw HTML omitted -->"), and the raw
 *   HTML must not appear in ours.
 * - links whose destination starts with an annotation sigil (@ ! ^ #):
 *   they are annotations, not links; counted and listed, not compared.
 *
 * usage: spec_test SPEC.json TEMPLATES_DIR [EXAMPLE]
 * Prints one line per failure and ends with "N passed, N failed". */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <yaml.h>

#include "annotate.h"
#include "body.h"
#include "buf.h"
#include "source.h"
#include "views.h"
#include "alloc.h"

typedef struct {
  char *markdown, *html, *section;
  int example;
} example;

/* ---- reading the JSON file (JSON is YAML: libyaml reads it) ---- */

static example *read_examples(const char *path, size_t *n) {
  FILE *fp = fopen(path, "rb");
  if (!fp) return NULL;
  yaml_parser_t p;
  yaml_parser_initialize(&p);
  yaml_parser_set_input_file(&p, fp);
  example *v = NULL;
  size_t cap = 0, len = 0;
  int depth = 0;
  char *key = NULL;
  example cur = {0};
  for (;;) {
    yaml_event_t ev;
    if (!yaml_parser_parse(&p, &ev)) {
      fprintf(stderr, "spec_test: %s: %s\n", path, p.problem ? p.problem : "bad JSON");
      break;
    }
    yaml_event_type_t t = ev.type;
    if (t == YAML_MAPPING_START_EVENT) {
      depth++;
      memset(&cur, 0, sizeof cur);
    } else if (t == YAML_MAPPING_END_EVENT) {
      depth--;
      v = an_xgrow(v, &cap, len + 1, sizeof(example));
      v[len++] = cur;
      memset(&cur, 0, sizeof cur);
    } else if (t == YAML_SCALAR_EVENT && depth == 1) {
      const char *s = (const char *)ev.data.scalar.value;
      if (!key) {
        key = an_xstrdup(s);
      } else {
        char *val = an_xstrndup(s, ev.data.scalar.length);
        if (!strcmp(key, "markdown")) cur.markdown = val;
        else if (!strcmp(key, "html")) cur.html = val;
        else if (!strcmp(key, "section")) cur.section = val;
        else {
          if (!strcmp(key, "example")) cur.example = atoi(val);
          free(val);
        }
        free(key);
        key = NULL;
      }
    }
    yaml_event_delete(&ev);
    if (t == YAML_STREAM_END_EVENT) break;
  }
  free(key);
  yaml_parser_delete(&p);
  fclose(fp);
  *n = len;
  return v;
}

/* ---- normalisation ---- */

static int is_block(const xmlChar *name) {
  static const char *const blocks[] = {
      "p", "li", "ul", "ol", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6",
      "pre", "hr", "div", "table", "body", "html", NULL};
  if (!name) return 0;
  for (const char *const *b = blocks; *b; b++)
    if (!strcmp((const char *)name, *b)) return 1;
  return 0;
}

static int cmp_attr(const void *a, const void *b) {
  return strcmp((*(xmlAttrPtr const *)a)->name ? (const char *)(*(xmlAttrPtr const *)a)->name : "",
                (*(xmlAttrPtr const *)b)->name ? (const char *)(*(xmlAttrPtr const *)b)->name : "");
}

static void put_text(an_buf *out, const char *s, int pre, int ltrim, int rtrim) {
  an_buf t = AN_BUF_INIT;
  an_buf_puts(&t, "");
  int space = 0;
  for (; *s; s++) {
    if (!pre && isspace((unsigned char)*s)) {
      space = 1;
      continue;
    }
    if (space && (t.len || !ltrim)) an_buf_putc(&t, ' ');
    space = 0;
    if (*s == '<') an_buf_puts(&t, "&lt;");
    else if (*s == '>') an_buf_puts(&t, "&gt;");
    else if (*s == '&') an_buf_puts(&t, "&amp;");
    else an_buf_putc(&t, *s);
  }
  if (space && !rtrim) an_buf_putc(&t, ' ');
  an_buf_puts(out, an_buf_cstr(&t));
  an_buf_free(&t);
}

static void norm_node(an_buf *out, xmlNodePtr n, int pre) {
  for (; n; n = n->next) {
    if (n->type == XML_TEXT_NODE) {
      int ltrim = !n->prev || (n->prev->type == XML_ELEMENT_NODE && is_block(n->prev->name)) ||
                  (!n->prev && n->parent && is_block(n->parent->name));
      int rtrim = !n->next || (n->next->type == XML_ELEMENT_NODE && is_block(n->next->name));
      if (!n->prev && n->parent && !is_block(n->parent->name)) ltrim = 0;
      if (!n->next && n->parent && !is_block(n->parent->name)) rtrim = 0;
      put_text(out, (const char *)n->content, pre, ltrim, rtrim);
    } else if (n->type == XML_COMMENT_NODE) {
      an_buf_printf(out, "<!--%s-->", (const char *)n->content);
    } else if (n->type == XML_ELEMENT_NODE) {
      const char *name = (const char *)n->name;
      int skip = !strcmp(name, "html") || !strcmp(name, "body");
      if (!skip) {
        an_buf_printf(out, "<%s", name);
        size_t na = 0;
        for (xmlAttrPtr a = n->properties; a; a = a->next) na++;
        xmlAttrPtr *attrs = an_xmalloc((na + 1) * sizeof(xmlAttrPtr));
        na = 0;
        for (xmlAttrPtr a = n->properties; a; a = a->next) attrs[na++] = a;
        qsort(attrs, na, sizeof(xmlAttrPtr), cmp_attr);
        for (size_t i = 0; i < na; i++) {
          xmlChar *v = xmlNodeListGetString(n->doc, attrs[i]->children, 1);
          an_buf_printf(out, " %s=\"", (const char *)attrs[i]->name);
          put_text(out, v ? (const char *)v : "", 1, 0, 0);
          an_buf_putc(out, '"');
          xmlFree(v);
        }
        free(attrs);
        an_buf_putc(out, '>');
      }
      norm_node(out, n->children, pre || !strcmp(name, "pre"));
      if (!skip) an_buf_printf(out, "</%s>", name);
    }
  }
}

static char *normalize(const char *html) {
  an_buf out = AN_BUF_INIT;
  an_buf_puts(&out, "");
  if (*html) {
    an_buf wrapped = AN_BUF_INIT;
    an_buf_printf(&wrapped, "<html><body>%s</body></html>", html);
    htmlDocPtr doc = htmlReadMemory(wrapped.ptr, (int)wrapped.len, "x.html", "UTF-8",
                                    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                        HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED);
    an_buf_free(&wrapped);
    if (doc) {
      norm_node(&out, doc->children, 0);
      xmlFreeDoc(doc);
    }
  }
  return an_buf_detach(&out);
}

/* ---- the path under test ---- */

static int has_raw_html(cmark_node *root) {
  cmark_iter *it = cmark_iter_new(root);
  cmark_event_type ev;
  int found = 0;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node_type t = cmark_node_get_type(cmark_iter_get_node(it));
    if (t == CMARK_NODE_HTML_BLOCK || t == CMARK_NODE_HTML_INLINE) found = 1;
  }
  cmark_iter_free(it);
  return found;
}

/* Renders one example through the pipeline; sets *anns to the number of
 * annotations found; returns the HTML (caller frees) or NULL. */
static char *render(an_views *views, const example *ex, size_t *anns, int *raw) {
  an_buf src = AN_BUF_INIT;
  an_buf_printf(&src, "---\ntitle: example %d\npublished: 2023-12-28\n---\n%s",
                ex->example, ex->markdown);
  an_diags *d = an_diags_new();
  an_file f;
  an_file_from_memory(src.ptr, src.len, "spec.md", &f, d);
  an_buf_free(&src);
  an_doc *doc = an_annotate(&f, "published", d);
  *anns = doc->nanns;
  *raw = has_raw_html(doc->root);
  xmlDocPtr x = xmlNewDoc(BAD_CAST "1.0");
  xmlNodePtr root = xmlNewDocNode(x, NULL, BAD_CAST "briefing", NULL);
  xmlDocSetRootElement(x, root);
  xmlNodePtr head = xmlNewChild(root, NULL, BAD_CAST "head", NULL);
  an_body_blocks(xmlNewChild(head, NULL, BAD_CAST "summary", NULL), doc->root);
  char *out = NULL;
  size_t len = 0;
  if (!an_views_render(views, "fragment", x, NULL, &out, &len, d)) {
    for (size_t i = 0; i < an_diags_len(d); i++)
      fprintf(stderr, "  %s\n", an_diags_at(d, i)->message);
  }
  xmlFreeDoc(x);
  an_doc_free(doc);
  an_diags_free(d);
  return out;
}

/* cmark's own safe rendering of the example. */
static char *cmark_safe(const example *ex) {
  cmark_node *root = cmark_parse_document(ex->markdown, strlen(ex->markdown),
                                          CMARK_OPT_VALIDATE_UTF8);
  char *html = cmark_render_html(root, CMARK_OPT_DEFAULT);
  cmark_node_free(root);
  char *copy = an_xstrdup(html);
  free(html);
  return copy;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: spec_test SPEC.json TEMPLATES_DIR [EXAMPLE]\n");
    return 2;
  }
  int only = argc > 3 ? atoi(argv[3]) : 0;
  size_t n = 0;
  example *ex = read_examples(argv[1], &n);
  if (!ex || n == 0) {
    fprintf(stderr, "spec_test: cannot read examples from %s\n", argv[1]);
    printf("0 passed, 1 failed\n");
    return 1;
  }
  an_diags *d = an_diags_new();
  an_views *views = an_views_open(argv[2], d);
  int passed = 0, failed = 0, raw_count = 0, ann_count = 0;
  an_buf ann_list = AN_BUF_INIT;
  for (size_t i = 0; i < n; i++) {
    if (only && ex[i].example != only) continue;
    size_t anns;
    int raw;
    char *got = render(views, &ex[i], &anns, &raw);
    if (anns) {
      ann_count++;
      an_buf_printf(&ann_list, " %d", ex[i].example);
      free(got);
      continue;
    }
    char *want_src = raw ? cmark_safe(&ex[i]) : an_xstrdup(ex[i].html);
    char *g = normalize(got ? got : ""), *w = normalize(want_src);
    int ok = got && strcmp(g, w) == 0;
    if (raw) {
      raw_count++;
      /* the raw HTML itself must be gone: no tag of the example survives */
      if (ok && strstr(g, "<script")) ok = 0;
    }
    if (ok) {
      passed++;
    } else {
      failed++;
      printf("example %d (%s)%s:\n  markdown: ", ex[i].example, ex[i].section,
             raw ? ", raw HTML dropped" : "");
      for (const char *s = ex[i].markdown; *s; s++)
        fputs(*s == '\n' ? "\\n" : *s == '\t' ? "\\t" : (char[2]){*s, 0}, stdout);
      printf("\n  want: %s\n  got:  %s\n", w, g);
    }
    free(g);
    free(w);
    free(got);
    free(want_src);
  }
  printf("commonmark: %d examples match (%d of them with raw HTML, dropped as "
         "cmark's safe mode does); %d hold annotation sigils and are not "
         "compared:%s\n",
         passed, raw_count, ann_count, an_buf_cstr(&ann_list));
  an_buf_free(&ann_list);
  an_views_close(views);
  an_views_cleanup();
  an_diags_free(d);
  for (size_t i = 0; i < n; i++) {
    free(ex[i].markdown);
    free(ex[i].html);
    free(ex[i].section);
  }
  free(ex);
  printf("%d passed, %d failed\n", passed, failed);
  return failed != 0;
}
