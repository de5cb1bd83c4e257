/* body.c - see body.h. */
#include "body.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "annotate.h"
#include "buf.h"

static char *S_clean(const char *s) {
  an_buf b = AN_BUF_INIT;
  an_buf_puts(&b, "");
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if ((*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') || *p == 0x7F)
      an_buf_puts(&b, "\xEF\xBF\xBD");
    else
      an_buf_putc(&b, (char)*p);
  }
  return an_buf_detach(&b);
}

void an_xml_text(xmlNodePtr parent, const char *text) {
  if (!text || !*text) return;
  char *c = S_clean(text);
  xmlAddChild(parent, xmlNewText(BAD_CAST c));
  free(c);
}

void an_xml_attr(xmlNodePtr node, const char *name, const char *value) {
  if (!value) return;
  char *c = S_clean(value);
  xmlSetProp(node, BAD_CAST name, BAD_CAST c);
  free(c);
}

xmlNodePtr an_xml_child(xmlNodePtr parent, const char *name, const char *text) {
  xmlNodePtr n = xmlNewChild(parent, NULL, BAD_CAST name, NULL);
  an_xml_text(n, text);
  return n;
}

static int S_prefix_ci(const char *s, const char *prefix) {
  for (; *prefix; s++, prefix++) {
    char c = *s >= 'A' && *s <= 'Z' ? (char)(*s + 32) : *s;
    if (c != *prefix) return 0;
  }
  return 1;
}

char *an_safe_href(const char *url) {
  static const char *const images[] = {"data:image/png", "data:image/gif",
                                       "data:image/jpeg", "data:image/webp"};
  int dangerous = S_prefix_ci(url, "javascript:") || S_prefix_ci(url, "vbscript:") ||
                  S_prefix_ci(url, "file:");
  if (S_prefix_ci(url, "data:")) {
    dangerous = 1;
    for (size_t i = 0; i < 4; i++)
      if (S_prefix_ci(url, images[i])) dangerous = 0;
  }
  if (dangerous) return an_xstrdup("");
  /* cmark's HREF_SAFE set; '&' and '\'' are escaped by the XML writer */
  static const char safe[] = "-_.+!*(),%#@?=;:/$~&'";
  an_buf b = AN_BUF_INIT;
  an_buf_puts(&b, "");
  for (const unsigned char *p = (const unsigned char *)url; *p; p++) {
    unsigned char c = *p;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
        (c && strchr(safe, c)))
      an_buf_putc(&b, (char)c);
    else
      an_buf_printf(&b, "%%%02X", c);
  }
  return an_buf_detach(&b);
}

static void S_pos(xmlNodePtr n, const an_ann *a) {
  char num[16];
  snprintf(num, sizeof num, "%d", a->line);
  xmlSetProp(n, BAD_CAST "line", BAD_CAST num);
  snprintf(num, sizeof num, "%d", a->column);
  xmlSetProp(n, BAD_CAST "column", BAD_CAST num);
}

/* The element for an annotation link; NULL when the link is ordinary. */
static xmlNodePtr S_ann_element(xmlNodePtr parent, const an_ann *a) {
  xmlNodePtr n = NULL;
  switch (a->kind) {
  case AN_ANN_ACTOR:
    n = xmlNewChild(parent, NULL, BAD_CAST "actor-ref", NULL);
    an_xml_attr(n, "ref", a->ref);
    break;
  case AN_ANN_TOPIC:
    n = xmlNewChild(parent, NULL, BAD_CAST "topic-ref", NULL);
    an_xml_attr(n, "ref", a->ref);
    break;
  case AN_ANN_ACTION:
    n = xmlNewChild(parent, NULL, BAD_CAST "action-ref", NULL);
    an_xml_attr(n, "action", a->action_id);
    if (*a->ref) an_xml_attr(n, "type", a->ref);
    an_xml_attr(n, "class", an_action_class(a->ref) ? an_action_class(a->ref) : "neutral");
    break;
  case AN_ANN_TIME: {
    n = xmlNewChild(parent, NULL, BAD_CAST "time-ref", NULL);
    if (a->resolved) {
      char disp[160];
      an_when_display(&a->when, disp, sizeof disp);
      an_xml_attr(n, "value", a->when.edtf);
      an_xml_attr(n, "precision", an_precision_name(a->when.precision));
      an_xml_attr(n, "display", disp);
      if (a->when.flags & AN_WHEN_UNCERTAIN) an_xml_attr(n, "uncertain", "true");
      if (a->when.flags & AN_WHEN_APPROXIMATE) an_xml_attr(n, "approximate", "true");
    }
    if (*a->title) an_xml_attr(n, "key", a->title);
    if (!*a->ref) an_xml_attr(n, "phrase", a->words);
    if (a->resolved)
      an_xml_attr(n, "anchor", a->anchor == AN_ANCHOR_PUBLISHED ? "published"
                               : a->anchor == AN_ANCHOR_STORY ? "story" : "explicit");
    if (a->rule) an_xml_attr(n, "rule", a->rule + a->rule_reason);
    break;
  }
  }
  S_pos(n, a);
  return n;
}

static const char *S_inline_name(cmark_node_type t) {
  switch (t) {
  case CMARK_NODE_EMPH: return "emph";
  case CMARK_NODE_STRONG: return "strong";
  case CMARK_NODE_LINK: return "link";
  case CMARK_NODE_IMAGE: return "image";
  default: return NULL;
  }
}

static void S_inlines(xmlNodePtr parent, cmark_node *first) {
  for (cmark_node *n = first; n; n = cmark_node_next(n)) {
    cmark_node_type t = cmark_node_get_type(n);
    switch (t) {
    case CMARK_NODE_TEXT:
      an_xml_text(parent, cmark_node_get_literal(n));
      break;
    case CMARK_NODE_SOFTBREAK:
      xmlNewChild(parent, NULL, BAD_CAST "softbreak", NULL);
      break;
    case CMARK_NODE_LINEBREAK:
      xmlNewChild(parent, NULL, BAD_CAST "linebreak", NULL);
      break;
    case CMARK_NODE_CODE:
      an_xml_child(parent, "code", cmark_node_get_literal(n));
      break;
    case CMARK_NODE_HTML_INLINE:
      an_xml_child(parent, "html_inline", cmark_node_get_literal(n));
      break;
    case CMARK_NODE_EMPH:
    case CMARK_NODE_STRONG:
    case CMARK_NODE_LINK:
    case CMARK_NODE_IMAGE: {
      const an_ann *a = t == CMARK_NODE_LINK ? an_node_ann(n) : NULL;
      xmlNodePtr e = a ? S_ann_element(parent, a)
                       : xmlNewChild(parent, NULL, BAD_CAST S_inline_name(t), NULL);
      if (!a && (t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE)) {
        const char *url = cmark_node_get_url(n), *title = cmark_node_get_title(n);
        char *href = an_safe_href(url ? url : "");
        an_xml_attr(e, "destination", url ? url : "");
        an_xml_attr(e, "href", href);
        if (title && *title) an_xml_attr(e, "title", title);
        free(href);
      }
      S_inlines(e, cmark_node_first_child(n));
      break;
    }
    default:
      break;
    }
  }
}

void an_body_inlines(xmlNodePtr parent, cmark_node *block) {
  S_inlines(parent, cmark_node_first_child(block));
}

static void S_int_attr(xmlNodePtr n, const char *name, int v) {
  char num[16];
  snprintf(num, sizeof num, "%d", v);
  xmlSetProp(n, BAD_CAST name, BAD_CAST num);
}

/* A new block element with its line. */
static xmlNodePtr S_block(xmlNodePtr parent, const char *name, cmark_node *n) {
  xmlNodePtr e = xmlNewChild(parent, NULL, BAD_CAST name, NULL);
  S_int_attr(e, "line", cmark_node_get_start_line(n));
  return e;
}

static void S_blocks(xmlNodePtr parent, cmark_node *first) {
  for (cmark_node *n = first; n; n = cmark_node_next(n)) {
    xmlNodePtr e;
    switch (cmark_node_get_type(n)) {
    case CMARK_NODE_PARAGRAPH:
    case CMARK_NODE_HEADING: {
      int heading = cmark_node_get_type(n) == CMARK_NODE_HEADING;
      e = S_block(parent, heading ? "heading" : "paragraph", n);
      if (heading) S_int_attr(e, "level", cmark_node_get_heading_level(n));
      const an_event *ev = an_node_event(n);
      if (ev && ev->id) an_xml_attr(e, "event", ev->id);
      S_inlines(e, cmark_node_first_child(n));
      break;
    }
    case CMARK_NODE_BLOCK_QUOTE:
      S_blocks(S_block(parent, "block_quote", n), cmark_node_first_child(n));
      break;
    case CMARK_NODE_LIST:
      e = S_block(parent, "list", n);
      if (cmark_node_get_list_type(n) == CMARK_ORDERED_LIST) {
        an_xml_attr(e, "type", "ordered");
        S_int_attr(e, "start", cmark_node_get_list_start(n));
        an_xml_attr(e, "delim", cmark_node_get_list_delim(n) == CMARK_PAREN_DELIM
                                    ? "paren" : "period");
      } else {
        an_xml_attr(e, "type", "bullet");
      }
      an_xml_attr(e, "tight", cmark_node_get_list_tight(n) ? "true" : "false");
      S_blocks(e, cmark_node_first_child(n));
      break;
    case CMARK_NODE_ITEM:
      S_blocks(S_block(parent, "item", n), cmark_node_first_child(n));
      break;
    case CMARK_NODE_CODE_BLOCK: {
      e = S_block(parent, "code_block", n);
      const char *info = cmark_node_get_fence_info(n);
      if (info && *info) an_xml_attr(e, "info", info);
      an_xml_text(e, cmark_node_get_literal(n));
      break;
    }
    case CMARK_NODE_THEMATIC_BREAK:
      S_block(parent, "thematic_break", n);
      break;
    case CMARK_NODE_HTML_BLOCK:
      an_xml_text(S_block(parent, "html_block", n), cmark_node_get_literal(n));
      break;
    default:
      break;
    }
  }
}

void an_body_blocks(xmlNodePtr parent, cmark_node *root) {
  S_blocks(parent, cmark_node_first_child(root));
}
