/* test_annotate.c - sigils, events, subjects and objects, keys, positions. */
#include <string.h>

#include "../../gen/annotate.h"
#include "check.h"

static an_diags *D;

static an_doc *doc_of(const char *body) {
  char buf[4096];
  snprintf(buf, sizeof buf, "---\ntitle: T\npublished: 2023-12-28\n---\n%s", body);
  an_file f;
  if (D) an_diags_free(D);
  D = an_diags_new();
  an_file_from_memory(buf, strlen(buf), "t.md", &f, D);
  return an_annotate(&f, "published", D);
}

static int has_diag(const char *needle, int line, int col) {
  for (size_t i = 0; i < an_diags_len(D); i++) {
    const an_diag *x = an_diags_at(D, i);
    if (strstr(x->message, needle) && (line == 0 || x->line == line) &&
        (col == 0 || x->column == col))
      return 1;
  }
  return 0;
}

static const an_ann *ann(const an_doc *d, an_ann_kind k, size_t nth) {
  for (size_t i = 0; i < d->nanns; i++)
    if (d->anns[i]->kind == k && nth-- == 0) return d->anns[i];
  return NULL;
}

int main(void) {
  an_doc *d;

  /* FORMAT.md's small example: two events, subjects, objects, keys */
  d = doc_of("\n[Japan](@japan) [changed](!) its arms-export rules [on Friday](^ \"jp-export-rules\")\n"
             "and said it [would ship](!aid) [Patriot](#patriot) missiles to\n"
             "[the United States](@usa).\n\n"
             "[Maria Zakharova](@zakharova) [warned](!threaten) [Tokyo](@japan) of\n"
             "\"grave consequences\" [on Wednesday](^).\n");
  CHECK_INT(an_diags_count(D, AN_ERROR), 0);
  CHECK_INT(d->nevents, 2);
  CHECK_STR(d->events[0]->key, "jp-export-rules");
  CHECK_STR(d->events[0]->time->when.edtf, "2023-12-22");
  CHECK_STR(d->events[1]->time->when.edtf, "2023-12-27");
  {
    const an_ann *changed = ann(d, AN_ANN_ACTION, 0), *ship = ann(d, AN_ANN_ACTION, 1),
                 *warned = ann(d, AN_ANN_ACTION, 2);
    CHECK_STR(changed->ref, "");
    CHECK_INT(changed->nsubjects, 1);
    CHECK_STR(changed->subjects[0], "japan");
    CHECK_INT(changed->nobjects, 0); /* the next action ends its objects */
    CHECK_STR(ship->subjects[0], "japan");
    CHECK_INT(ship->nobjects, 1);
    CHECK_STR(ship->objects[0], "usa");
    CHECK_STR(warned->subjects[0], "zakharova");
    CHECK_STR(warned->objects[0], "japan");
    CHECK_STR(an_action_class(warned->ref), "verbal-conflict");
    CHECK_INT(ann(d, AN_ANN_TOPIC, 0)->line, 7);
    CHECK_STR(ann(d, AN_ANN_TOPIC, 0)->ref, "patriot");
    CHECK_STR(ann(d, AN_ANN_ACTOR, 0)->words, "Japan");
  }
  an_doc_free(d);

  /* the subject named again is not an object; a title can say so */
  d = doc_of("\n[Russia](@russia) [attacked](!assault) [Ukraine](@ukraine), and [Moscow](@russia) [said](!) so.\n\n"
             "[Russia](@russia) [purged](!coerce \"russia -> russia\") itself.\n");
  CHECK_INT(ann(d, AN_ANN_ACTION, 0)->nobjects, 1);
  CHECK_STR(ann(d, AN_ANN_ACTION, 0)->objects[0], "ukraine");
  CHECK_INT(ann(d, AN_ANN_ACTION, 2)->nobjects, 1);
  CHECK_STR(ann(d, AN_ANN_ACTION, 2)->objects[0], "russia");
  an_doc_free(d);

  /* the title overrides subject and objects (passive voice) */
  d = doc_of("\n[Tokyo](@japan) [was warned](!threaten \"russia, belarus -> japan, usa\").\n");
  {
    const an_ann *a = ann(d, AN_ANN_ACTION, 0);
    CHECK_INT(a->nsubjects, 2);
    CHECK_STR(a->subjects[1], "belarus");
    CHECK_INT(a->nobjects, 2);
    CHECK_STR(a->objects[1], "usa");
  }
  an_doc_free(d);
  d = doc_of("\nIt [acted](! \"japan ->\") alone.\n");
  CHECK_INT(ann(d, AN_ANN_ACTION, 0)->nsubjects, 1);
  CHECK_INT(ann(d, AN_ANN_ACTION, 0)->nobjects, 0);
  CHECK_INT(an_diags_count(D, AN_ERROR), 0);
  an_doc_free(d);

  /* errors at the [ of the annotation */
  d = doc_of("\nThey [warned](!threaten) [Japan](@japan).\n");
  CHECK(has_diag("has no subject", 6, 6));
  an_doc_free(d);
  d = doc_of("\n[A](@a) [hit](!asault) [B](@b).\n");
  CHECK(has_diag("did you mean '!assault'?", 6, 9));
  an_doc_free(d);
  d = doc_of("\n[A](@A) met [B](#Big Topic).\n");
  CHECK(has_diag("'@A' is not a valid actor id", 6, 1));
  an_doc_free(d);
  d = doc_of("\n[A](@a) [x](!threaten \"a to b\").\n");
  CHECK(has_diag("must read \"subject -> object\"", 6, 9));
  an_doc_free(d);
  d = doc_of("\n[A](@a) [x](!threaten \"a -> B C\").\n");
  CHECK(has_diag("'B C' in the title", 6, 9));
  an_doc_free(d);
  d = doc_of("\n[then](^2023-13) [A](@a) [x](!).\n");
  CHECK(has_diag("invalid time value '^2023-13'", 6, 1));
  an_doc_free(d);

  /* two keys in one block, one key in two blocks */
  d = doc_of("\n[A](@a) [x](!) [Monday](^ \"k1\") and [Tuesday](^ \"k2\").\n\n"
             "[A](@a) [y](!) [Friday](^ \"k1\").\n");
  CHECK(has_diag("already has the event key \"k1\"", 6, 37));
  CHECK(has_diag("event key \"k1\" is already used by the event at line 6", 8, 16));
  an_doc_free(d);

  /* headings: a dated heading without action dates the blocks below it,
   * up to the next heading of the same or a higher level */
  d = doc_of("\n## [Monday](^)\n\n[A](@a) [x](!).\n\n### Sub\n\n[A](@a) [y](!).\n\n"
             "## Other\n\n[A](@a) [z](!).\n");
  CHECK_INT(d->nevents, 3);
  CHECK(d->events[0]->time && d->events[0]->time_from_heading);
  CHECK_STR(d->events[0]->time->when.edtf, "2023-12-25");
  CHECK(d->events[1]->time && d->events[1]->time_from_heading);
  CHECK(d->events[2]->time == NULL); /* reported by the publication date */
  an_doc_free(d);

  /* blocks inside lists and quotes are events; code is not annotation */
  d = doc_of("\n- [A](@a) [x](!) [Monday](^)\n\n> [B](@b) [y](!)\n\n    [C](@c) [z](!)\n");
  CHECK_INT(d->nevents, 2);
  CHECK_INT(d->nanns, 5); /* the indented code block holds none */
  an_doc_free(d);

  /* a block with only actor mentions is not an event */
  d = doc_of("\n[A](@a) and [B](@b) met.\n");
  CHECK_INT(d->nevents, 0);
  an_doc_free(d);

  /* ordinary links stay links */
  d = doc_of("\nSee [the site](https://example.org) and [A](@a).\n");
  CHECK_INT(d->nanns, 1);
  an_doc_free(d);

  /* positions: characters, and cmark 0.30.2's early inline positions
   * (stripped indentation, hard line breaks) corrected */
  d = doc_of("\n\xC3\xA9t\xC3\xA9 [A](@a)\n  and\n  [B](@b) x\\\n   [C](@c)\n\n> a\\\n> b [D](@d)\n");
  CHECK_INT(ann(d, AN_ANN_ACTOR, 0)->column, 5);
  CHECK_INT(ann(d, AN_ANN_ACTOR, 1)->line, 8);
  CHECK_INT(ann(d, AN_ANN_ACTOR, 1)->column, 3);
  CHECK_INT(ann(d, AN_ANN_ACTOR, 2)->line, 9);
  CHECK_INT(ann(d, AN_ANN_ACTOR, 2)->column, 4);
  CHECK_INT(ann(d, AN_ANN_ACTOR, 3)->line, 12);
  CHECK_INT(ann(d, AN_ANN_ACTOR, 3)->column, 5);
  an_doc_free(d);

  /* story-relative phrases need a preceding time */
  d = doc_of("\n[A](@a) [x](!) [two days later](^).\n");
  CHECK(an_diags_count(D, AN_ERROR) == 1);
  an_doc_free(d);
  d = doc_of("\n[A](@a) [x](!) [on Monday](^).\n\n[A](@a) [y](!) [two days later](^).\n");
  CHECK_INT(an_diags_count(D, AN_ERROR), 0);
  CHECK_STR(d->events[1]->time->when.edtf, "2023-12-27");
  an_doc_free(d);

  /* a relative phrase in a file without a publication date */
  {
    const char *t = "---\ntitle: T\n---\n\n[A](@a) [x](!) [yesterday](^).\n";
    an_file f;
    an_diags_free(D);
    D = an_diags_new();
    an_file_from_memory(t, strlen(t), "t.md", &f, D);
    d = an_annotate(&f, "published", D);
    CHECK(has_diag("relative to the publication date", 5, 16));
    an_doc_free(d);
  }

  /* the action table */
  CHECK_STR(an_action_class("agree"), "verbal-cooperation");
  CHECK_STR(an_action_class("retreat"), "material-cooperation");
  CHECK_STR(an_action_class("reject"), "verbal-conflict");
  CHECK_STR(an_action_class("sanction"), "material-conflict");
  CHECK_STR(an_action_class(""), "neutral");
  CHECK(an_action_class("hug") == NULL);
  CHECK(an_valid_id("japan-mofa") && an_valid_id("a") && an_valid_id("9x"));
  CHECK(!an_valid_id("") && !an_valid_id("-a") && !an_valid_id("A") &&
        !an_valid_id("a/b") && !an_valid_id("a..b") && !an_valid_id("a b"));
  {
    char long_id[80];
    memset(long_id, 'a', 65);
    long_id[65] = 0;
    CHECK(!an_valid_id(long_id));
    long_id[64] = 0;
    CHECK(an_valid_id(long_id));
  }
  an_diags_free(D);
  return check_report();
}
