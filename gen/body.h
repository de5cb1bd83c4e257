/* body.h - a file's cmark tree as model elements (docs/model.md).
 *
 * Blocks and inlines keep cmark's names; annotation links become
 * actor-ref, action-ref, time-ref and topic-ref elements; event blocks carry
 * their event id.  Also the two small helpers every writer of the model
 * uses, which keep text that XML cannot hold (C0 controls) out of it. */
#ifndef AN_BODY_H
#define AN_BODY_H

#include <cmark.h>
#include <libxml/tree.h>


/* Appends the blocks of `root` (a cmark document) as children of parent. */
void an_body_blocks(xmlNodePtr parent, cmark_node *root);
/* Appends the inlines of one block (paragraph or heading). */
void an_body_inlines(xmlNodePtr parent, cmark_node *block);

/* Adds text / sets an attribute; C0 controls other than TAB, LF and CR
 * become U+FFFD.  NULL values are ignored. */
void an_xml_text(xmlNodePtr parent, const char *text);
void an_xml_attr(xmlNodePtr node, const char *name, const char *value);
/* A new child element holding text (when text is not NULL). */
xmlNodePtr an_xml_child(xmlNodePtr parent, const char *name, const char *text);

/* The URL made safe as cmark's HTML renderer does: percent-encoded, and ""
 * for javascript:, vbscript:, file: and non-image data: URLs.  Caller frees. */
char *an_safe_href(const char *url);

#endif
