/* report.c - see report.h. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"

static int S_cmp_str(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void S_time_field(const an_entry *e, an_buf *out) {
  if (e->timed) {
    an_buf_puts(out, e->timed->time->when.edtf);
  } else if (e->doc->has_published) {
    char iso[11];
    an_day_iso(e->doc->published, iso);
    an_buf_printf(out, "../%s", iso);
  } else {
    an_buf_puts(out, "..");
  }
}

static void S_actions_field(const an_corpus *c, const an_entry *e, an_buf *out) {
  size_t n = 0;
  for (size_t i = 0; i < c->nactions; i++) {
    const an_action *act = &c->actions[i];
    if (act->entry != e) continue;
    const an_ann *a = act->ann;
    const char *type = *a->ref ? a->ref : "?";
    for (size_t s = 0; s < a->nsubjects; s++) {
      if (!a->nobjects) {
        an_buf_printf(out, "%s%s>%s>", n++ ? ";" : "", a->subjects[s], type);
        continue;
      }
      for (size_t o = 0; o < a->nobjects; o++)
        an_buf_printf(out, "%s%s>%s>%s", n++ ? ";" : "", a->subjects[s], type,
                      a->objects[o]);
    }
  }
  if (!n) an_buf_putc(out, '-');
}

void an_report_events(const an_corpus *c, an_buf *out) {
  for (size_t i = 0; i < c->nentries; i++) {
    const an_entry *e = &c->entries[i];
    S_time_field(e, out);
    an_buf_printf(out, "\t%s:%d\t%s\t", e->doc->file.path, e->event->line,
                  e->event->key ? e->event->key : "-");
    if (e->nparticipants) {
      const char **ids = an_xmalloc(e->nparticipants * sizeof(char *));
      memcpy(ids, e->participants, e->nparticipants * sizeof(char *));
      qsort(ids, e->nparticipants, sizeof(char *), S_cmp_str);
      for (size_t k = 0; k < e->nparticipants; k++)
        an_buf_printf(out, "%s%s", k ? "," : "", ids[k]);
      free(ids);
    } else {
      an_buf_putc(out, '-');
    }
    an_buf_putc(out, '\t');
    S_actions_field(c, e, out);
    an_buf_putc(out, '\n');
  }
}

static void S_explain_doc(const an_doc *doc, an_buf *out) {
  for (size_t i = 0; doc && i < doc->nanns; i++) {
    const an_ann *a = doc->anns[i];
    if (a->kind != AN_ANN_TIME || !a->resolved) continue;
    an_buf_printf(out, "%s:%d:%d: ", doc->file.path, a->line, a->column);
    if (a->rule) {
      an_buf_puts(out, a->rule);
    } else {
      char disp[160];
      an_when_display(&a->when, disp, sizeof disp);
      an_buf_printf(out, "'^%s' -> %s: an explicit value (%s precision)", a->ref,
                    disp, an_precision_name(a->when.precision));
    }
    if (a->event && a->event->time == a) an_buf_puts(out, " [dates the event]");
    an_buf_putc(out, '\n');
  }
}

void an_report_explain(const an_corpus *c, an_buf *out) {
  S_explain_doc(c->briefing, out);
  for (size_t i = 0; i < c->nsources; i++) S_explain_doc(c->sources[i].doc, out);
}
