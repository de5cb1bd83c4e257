/* test_diag.c - diagnostics, their forms, did-you-mean. */
#include <string.h>

#include "../../gen/diag.h"
#include "check.h"

int main(void) {
  an_diags *d = an_diags_new();
  an_diag_add(d, AN_WARNING, "b.md", 3, 2, "unknown actor '@%s'", "jpn");
  an_diag_add(d, AN_ERROR, "a.md", 10, 1, "bad");
  an_diag_add(d, AN_NOTE, "a.md", 2, 5, "conflict");
  CHECK_INT(an_diags_status(d, 0), AN_ERR_INPUT);
  an_diags_sort(d);
  CHECK_STR(an_diags_at(d, 0)->message, "conflict");
  CHECK_STR(an_diags_at(d, 2)->file, "b.md");
  an_buf out = AN_BUF_INIT;
  an_diag_format(an_diags_at(d, 2), AN_DIAG_GCC, &out);
  CHECK_STR(an_buf_cstr(&out), "b.md:3:2: warning: unknown actor '@jpn'\n");
  an_buf_clear(&out);
  an_diag_format(an_diags_at(d, 0), AN_DIAG_GCC, &out);
  CHECK_STR(an_buf_cstr(&out), "a.md:2:5: note: conflict\n");
  an_buf_clear(&out);
  an_diag_add(d, AN_ERROR, "x,y:z.md", 4, 0, "50%% done\nnext");
  an_diag_format(an_diags_at(d, 3), AN_DIAG_GITHUB, &out);
  CHECK_STR(an_buf_cstr(&out), "::error file=x%2Cy%3Az.md,line=4::50%25 done%0Anext\n");
  an_buf_clear(&out);
  an_diag_add(d, AN_ERROR, "whole.md", 0, 0, "missing");
  an_diag_format(an_diags_at(d, 4), AN_DIAG_GCC, &out);
  CHECK_STR(an_buf_cstr(&out), "whole.md: error: missing\n");
  an_buf_free(&out);
  an_diags_free(d);

  /* status: notes never fail; warnings only when strict; I/O wins */
  d = an_diags_new();
  an_diag_add(d, AN_NOTE, "a", 1, 1, "n");
  CHECK_INT(an_diags_status(d, 1), AN_OK);
  an_diag_add(d, AN_WARNING, "a", 1, 1, "w");
  CHECK_INT(an_diags_status(d, 0), AN_OK);
  CHECK_INT(an_diags_status(d, 1), AN_ERR_INPUT);
  an_diag_io(d, "out", "cannot write");
  CHECK_INT(an_diags_status(d, 0), AN_ERR_IO);
  an_diags_free(d);

  /* edit distance: case-insensitive, by code point */
  CHECK_INT(an_edit_distance("japan", "japan"), 0);
  CHECK_INT(an_edit_distance("Japan", "japan"), 0);
  CHECK_INT(an_edit_distance("jpan", "japan"), 1);
  CHECK_INT(an_edit_distance("", "abc"), 3);
  CHECK_INT(an_edit_distance("\xC3\xA9t\xC3\xA9", "ete"), 2); /* été vs ete */
  CHECK_INT(an_edit_distance("\xC3\xA9t\xC3\xA9", "\xC3\xA9te"), 1);
  CHECK_INT(an_edit_distance("\xff\xfe", "ab"), 2); /* bad bytes are characters */

  const char *ids[] = {"japan", "russia", "zakharova", "usa"};
  CHECK_STR(an_did_you_mean("jpan", ids, 4), "japan");
  CHECK_STR(an_did_you_mean("zaharova", ids, 4), "zakharova");
  CHECK_STR(an_did_you_mean("USA", ids, 4), "usa");
  CHECK(an_did_you_mean("china", ids, 4) == NULL);
  CHECK(an_did_you_mean("x", ids, 0) == NULL);
  return check_report();
}
