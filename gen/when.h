/* when.h - time values: EDTF (ISO 8601-2 level 0/1) plus ISO weeks.
 *
 * A value is what an analyst can defend: the text as normalized EDTF, the
 * inclusive range of days it covers, its precision and its qualifiers.
 * Nothing is rounded: a week stays a week, a season a season.
 *
 * Days are counted from 1970-01-01 (day 0) in the proleptic Gregorian
 * calendar.  Years 1..9999 are supported. */
#ifndef AN_WHEN_H
#define AN_WHEN_H

#include <stddef.h>
#include <stdint.h>

typedef enum {
  AN_PREC_NONE = 0,
  AN_PREC_TIME,     /* a date-time: 2023-12-22T14:30Z */
  AN_PREC_DAY,      /* 2023-12-22 */
  AN_PREC_WEEK,     /* 2023-W51 (ISO week, Monday to Sunday) */
  AN_PREC_MONTH,    /* 2023-12 */
  AN_PREC_QUARTER,  /* 2023-33 (EDTF level 2 sub-year code), shown Q3 2023 */
  AN_PREC_SEASON,   /* 2023-21..24 */
  AN_PREC_YEAR,     /* 2023 */
  AN_PREC_DECADE,   /* 202X */
  AN_PREC_CENTURY,  /* 19XX */
  AN_PREC_INTERVAL  /* a/b: see first/last and the end precisions */
} an_precision;

enum {
  AN_WHEN_UNCERTAIN = 1 << 0,   /* ? */
  AN_WHEN_APPROXIMATE = 1 << 1, /* ~ (both: %) */
  AN_WHEN_OPEN_START = 1 << 2,  /* ../b */
  AN_WHEN_OPEN_END = 1 << 3,    /* a/.. */
  AN_WHEN_UNKNOWN_START = 1 << 4, /* /b */
  AN_WHEN_UNKNOWN_END = 1 << 5    /* a/ */
};

#define AN_DAY_MIN INT32_MIN
#define AN_DAY_MAX INT32_MAX

typedef struct {
  char edtf[96];          /* normalized EDTF text, e.g. "2023-W51", "2022-02-24/.." */
  int32_t first;          /* first day covered (AN_DAY_MIN when open/unknown) */
  int32_t last;           /* last day covered, inclusive (AN_DAY_MAX when open) */
  an_precision precision; /* of the whole value */
  an_precision start_precision, end_precision; /* for intervals; else = precision */
  unsigned flags;         /* AN_WHEN_* */
} an_when;

/* Parse an explicit value (EDTF level 0/1, or an ISO week such as 2023-W51).
 * Returns 1 and fills *out, or returns 0 and writes a one-line reason
 * ("month 13 does not exist") into err. */
int an_when_parse(const char *text, an_when *out, char *err, size_t errlen);

/* Calendar helpers. */
int32_t an_day_from_ymd(int y, int m, int d);
void an_day_to_ymd(int32_t day, int *y, int *m, int *d);
int an_day_weekday(int32_t day);            /* 1 = Monday .. 7 = Sunday */
int an_days_in_month(int y, int m);
/* Writes YYYY-MM-DD (11 bytes with the NUL). */
void an_day_iso(int32_t day, char out[11]);

/* A value covering one day / the days first..last with the given precision;
 * edtf is filled in from the precision (e.g. a WEEK gives "2023-W51"). */
void an_when_make(an_when *w, an_precision p, int32_t first, int32_t last);

/* Human reading for pages: "Fri 22 Dec 2023", "week 51 of 2023 (18-24 Dec)",
 * "December 2023", "winter 2023-24", "the 2020s", "24 Feb 2022 onwards". */
void an_when_display(const an_when *w, char *out, size_t outlen);

/* "day", "week", "month", "quarter", "season", "year", "decade", "century",
 * "interval", "time". */
const char *an_precision_name(an_precision p);

/* Chronological order: by first day, then finer precision (shorter span)
 * first. Returns <0, 0, >0. */
int an_when_compare(const an_when *a, const an_when *b);

/* 1 when the two values share at least one day. */
int an_when_overlaps(const an_when *a, const an_when *b);

#endif
