/* test_corpus.c - what the corpus gathers across files: edges of the same
 * subject, type and object; events that share a key; topics; plain-text
 * mentions per source. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../gen/corpus.h"
#include "check.h"

static char base[256];

static void put(const char *rel, const char *text) {
  char p[512];
  snprintf(p, sizeof p, "%s/%s", base, rel);
  FILE *f = fopen(p, "wb");
  if (!f) return;
  fputs(text, f);
  fclose(f);
}

static const an_edge *edge(const an_corpus *c, const char *s, const char *t,
                           const char *o, size_t *n) {
  const an_edge *found = NULL;
  *n = 0;
  for (size_t i = 0; i < c->nedges; i++)
    if (!strcmp(c->edges[i].subject, s) && !strcmp(c->edges[i].type, t) &&
        !strcmp(c->edges[i].object, o)) {
      found = &c->edges[i];
      ++*n;
    }
  return found;
}

static const an_entry *keyed(const an_corpus *c, const char *key, size_t *n) {
  const an_entry *found = NULL;
  *n = 0;
  for (size_t i = 0; i < c->nentries; i++)
    if (c->entries[i].event->key && !strcmp(c->entries[i].event->key, key)) {
      found = &c->entries[i];
      ++*n;
    }
  return found;
}

int main(void) {
  snprintf(base, sizeof base, "%s/annalist-corpus-XXXXXX",
           getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
  if (!mkdtemp(base)) return 1;
  char sub[300];
  snprintf(sub, sizeof sub, "%s/actors", base);
  mkdir(sub, 0755);
  snprintf(sub, sizeof sub, "%s/sources", base);
  mkdir(sub, 0755);
  put("briefing.md", "---\ntitle: T\ndate: 2024-01-31\n---\n");
  put("actors/ru.md", "---\nname: Russia\naliases: [Moscow]\n---\n");
  put("actors/jp.md", "---\nname: Japan\naliases: [Tokyo]\n---\n");
  put("actors/us.md", "---\nname: United States\n---\n");
  put("sources/a.md",
      "---\ntitle: A\npublished: 2024-01-10\n---\n\n"
      "[Russia](@ru) [warned](!threaten) [Japan](@jp) [on 2024-01-05](^2024-01-05 \"summit\").\n\n"
      "[Russia](@ru) [warned](!threaten) [Tokyo](@jp) again [in 2024-01](^2024-01) over [Patriot](#patriot).\n\n"
      "[Russia](@ru) [accused](!accuse) [Japan](@jp) [in 2024](^2024).\n\n"
      "Moscow and Tokyo, Japan and the United States; Japanese and Russians.\n");
  put("sources/b.md",
      "---\ntitle: B\npublished: 2024-01-12\n---\n\n"
      "[Japan](@jp) [warned](!threaten) [Russia](@ru) [on 2024-01-05](^2024-01-05 \"summit\") about [missiles](#missiles).\n\n"
      "[Moscow](@ru) [warned](!threaten \"ru -> jp\") [in 2024-01](^2024-01 \"other\") of [the Patriot](#patriot).\n\n"
      "Tokyo, TOKYO and tokyo.\n");

  an_diags *d = an_diags_new();
  an_corpus *c = an_corpus_load(base, d);
  an_corpus_count_mentions(c);
  CHECK(c != NULL);
  if (c) {
    size_t n;
    /* ru -threaten-> jp three times (two in a, one by title in b): one edge */
    const an_edge *e = edge(c, "ru", "threaten", "jp", &n);
    CHECK_INT(n, 1);
    CHECK_INT(e ? e->count : 0, 3);
    CHECK_INT(e ? e->nactions : 0, 3);
    /* another type, or the other way round: edges of their own */
    e = edge(c, "ru", "accuse", "jp", &n);
    CHECK_INT(n, 1);
    CHECK_INT(e ? e->count : 0, 1);
    e = edge(c, "jp", "threaten", "ru", &n);
    CHECK_INT(n, 1);
    CHECK_INT(e ? e->count : 0, 1);
    CHECK_INT(c->nedges, 3);
    /* edge ids in the order the edges first appear among the actions */
    CHECK_STR(c->nedges == 3 ? c->edges[0].id : "", "edge-1");
    CHECK_STR(c->nedges == 3 ? c->edges[2].id : "", "edge-3");
    CHECK(c->nedges == 3 && !strcmp(c->edges[0].type, c->actions[0].ann->ref) &&
          !strcmp(c->edges[0].subject, c->actions[0].ann->subjects[0]));

    /* "summit" in a and b is one event citing both; "other" its own */
    const an_entry *en = keyed(c, "summit", &n);
    CHECK_INT(n, 1);
    CHECK_INT(en ? en->ncites : 0, 2);
    CHECK(en && en->cites[0].source == &c->sources[0] && en->cites[1].source == &c->sources[1]);
    en = keyed(c, "other", &n);
    CHECK_INT(n, 1);
    CHECK_INT(en ? en->ncites : 0, 1);
    CHECK_INT(c->nentries, 4);

    /* topics: one each, counted per event, sorted by id */
    CHECK_INT(c->ntopics, 2);
    CHECK_STR(c->ntopics == 2 ? c->topics[0]->id : "", "missiles");
    CHECK_STR(c->ntopics == 2 ? c->topics[1]->id : "", "patriot");
    CHECK_STR(c->ntopics == 2 ? c->topics[1]->name : "", "Patriot");
    CHECK_INT(c->ntopics == 2 ? c->topics[1]->events : 0, 2);

    /* plain-text mentions by name and alias, per source */
    const an_actor *ru = an_corpus_actor(c, "ru"), *jp = an_corpus_actor(c, "jp"),
                   *us = an_corpus_actor(c, "us");
    CHECK(ru && jp && us);
    if (ru && jp && us) {
      CHECK_INT(ru->plain[0], 1);  /* Moscow; not Russians */
      CHECK_INT(jp->plain[0], 2);  /* Tokyo, Japan; not Japanese */
      CHECK_INT(us->plain[0], 1);
      CHECK_INT(jp->plain[1], 3);
      CHECK_INT(ru->plain[1], 0);
      CHECK_INT(ru->annotated[0], 3);
      CHECK_INT(jp->annotated[1], 1);
    }
  }
  an_corpus_free(c);
  an_diags_free(d);
  char cmd[600];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", base);
  if (system(cmd) != 0) return 1;
  return check_report();
}
