/* fuzz_source.c - libFuzzer harness: the file reader and front-matter
 * splitter (an_file_from_memory) over arbitrary bytes, then the position
 * helpers on every line of the result. */
#include <stddef.h>
#include <stdint.h>

#include "source.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  an_diags *d = an_diags_new();
  an_file f;
  an_status st = an_file_from_memory((const char *)data, size, "fuzz.md", &f, d);
  (void)st;
  for (size_t i = 0; i < f.nlines; i++) {
    int line, col;
    an_file_locate(&f, f.lines[i], &line, &col);
    (void)an_file_char_column(&f, (int)i + 1, 3);
    (void)an_file_offset(&f, (int)i + 1, 2);
  }
  (void)an_yaml_str(f.meta, "title");
  (void)an_yaml_get(f.meta, "aliases");
  an_file_free(&f);
  an_diags_free(d);
  return 0;
}
