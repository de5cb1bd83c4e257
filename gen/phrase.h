/* phrase.h - reading a news phrase ("on Friday", "last week") as a time.
 *
 * The resolver reads the phrase the way a careful news reader would,
 * against an anchor (the file's publication date, or for story-relative
 * phrases such as "two days later" the nearest preceding time in the
 * file), and says which rule it applied so the result can be defended. */
#ifndef AN_PHRASE_H
#define AN_PHRASE_H

#include <stddef.h>

#include "when.h"

typedef enum {
  AN_DATE_ORDER_NONE = 0, /* slash dates like 12/06/2023 are ambiguous */
  AN_DATE_ORDER_MDY,
  AN_DATE_ORDER_DMY
} an_date_order;

typedef enum {
  AN_ANCHOR_PUBLISHED = 0, /* resolved against the publication date */
  AN_ANCHOR_STORY,         /* against the preceding story time */
  AN_ANCHOR_NONE           /* the phrase was absolute ("December 26, 2023") */
} an_anchor_kind;

typedef struct {
  an_when value;
  an_anchor_kind anchor;
  /* The whole reading as one sentence: the phrase, the result and the
   * rule with its anchor, e.g. "'on Friday' -> Fri 22 Dec 2023: the most
   * recent Friday on or before Thu 28 Dec 2023, the publication date". */
  char rule[256];
  /* Offset in rule where the rule proper begins ("the most recent Friday
   * on or before Thu 28 Dec 2023, the publication date"), for places that
   * show the phrase and the result separately. */
  size_t rule_reason;
} an_phrase_result;

/* Resolve `phrase` (UTF-8, any case, surrounding words like "on", "the",
 * "'s" allowed).  `published` is the publication day (a day number from
 * when.h); `story` is the nearest preceding resolved time in the file, or
 * NULL.  Returns 1 on success; 0 with a reason in err that names the
 * phrase and suggests the explicit ^VALUE to write instead. */
int an_phrase_resolve(const char *phrase, int32_t published,
                      const an_when *story, an_date_order order,
                      an_phrase_result *out, char *err, size_t errlen);

#endif
