/* fuzz_annotate.c - libFuzzer harness: the annotation extractor
 * (an_annotate) over arbitrary Markdown, then the body written into a
 * libxml2 tree as the model does (body.c). */
#include <stddef.h>
#include <stdint.h>

#include <libxml/tree.h>

#include "annotate.h"
#include "body.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > (1u << 20)) return 0;
  an_diags *d = an_diags_new();
  an_file f;
  if (an_file_from_memory((const char *)data, size, "fuzz.md", &f, d) == AN_ERR_IO) {
    an_diags_free(d);
    return 0;
  }
  an_doc *doc = an_annotate(&f, "published", d);
  xmlDocPtr x = xmlNewDoc(BAD_CAST "1.0");
  xmlNodePtr root = xmlNewDocNode(x, NULL, BAD_CAST "body", NULL);
  xmlDocSetRootElement(x, root);
  an_body_blocks(root, doc->root);
  xmlChar *mem = NULL;
  int n = 0;
  xmlDocDumpMemory(x, &mem, &n);
  xmlFree(mem);
  xmlFreeDoc(x);
  an_diags_sort(d);
  an_buf out = AN_BUF_INIT;
  for (size_t i = 0; i < an_diags_len(d); i++) an_diag_format(an_diags_at(d, i), AN_DIAG_GCC, &out);
  an_buf_free(&out);
  an_doc_free(doc);
  an_diags_free(d);
  return 0;
}
