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
  AN_PREC_HALF,     /* 2023-40, 2023-41 (EDTF level 2 semesters), shown H1 2023 */
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

/* Parse an explicit value (EDTF level 0/1, or an ISO week such as 2023-W51,
 * or the EDTF level 2 sub-year codes for quarters 2023-33..36 and halves
 * 2023-40/41; the grammar is listed at the top of when.c).
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
/* ISO 8601 week date: the ISO year and week (1..53) a day belongs to
 * (2024-12-30 is in week 1 of 2025). */
void an_day_iso_week(int32_t day, int *iso_year, int *week);
/* 52 or 53. */
int an_iso_weeks_in_year(int iso_year);
/* The day of ISO week `week` of `iso_year`, weekday 1 = Monday .. 7. */
int32_t an_day_from_iso_week(int iso_year, int week, int weekday);
/* Calendar arithmetic: `day` moved by `months` (may be negative), the
 * day of month clamped to the target month's end (2024-02-29 minus 12
 * months is 2023-02-28).  *clamped (may be NULL) is set to 1 when it was. */
int32_t an_day_add_months(int32_t day, int months, int *clamped);

/* A value covering one day / the days first..last with the given precision;
 * edtf is filled in from the precision (e.g. a WEEK gives "2023-W51").
 * For a calendar unit (DAY .. CENTURY) the unit is the one holding `first`
 * and first/last are set to its exact range; `last` only matters for
 * AN_PREC_INTERVAL (day ends; AN_DAY_MIN / AN_DAY_MAX give open ends). */
void an_when_make(an_when *w, an_precision p, int32_t first, int32_t last);

/* The interval from value a to value b ("2022-02/2023-12-28"), each end
 * keeping its own precision and qualifiers; a or b NULL gives an open end
 * (".."). Returns 0 with a reason in err when an end is itself an interval
 * or b ends before a starts. */
int an_when_make_interval(an_when *w, const an_when *a, const an_when *b,
                          char *err, size_t errlen);

/* Adds AN_WHEN_UNCERTAIN and/or AN_WHEN_APPROXIMATE to w, edtf included
 * ("2023" -> "2023~"; an interval qualifies each known end).  Date-times
 * cannot be qualified in EDTF and are left as they are. */
void an_when_qualify(an_when *w, unsigned flags);

/* Human reading for pages: "Fri 22 Dec 2023", "week 51 of 2023 (18-24 Dec)",
 * "December 2023", "Q3 2023", "winter 2023-24", "the 2020s",
 * "the 20th century", "24 Feb 2022 to 28 Dec 2023", "since 24 Feb 2022",
 * "until 1939", "14:30 UTC, Fri 22 Dec 2023"; qualified values read
 * "about 2023" (~), "2023 (uncertain)" (?), "about 2023 (uncertain)" (%). */
void an_when_display(const an_when *w, char *out, size_t outlen);

/* "day", "week", "month", "quarter", "season", "half", "year", "decade",
 * "century", "interval", "time" ("none" for AN_PREC_NONE). */
const char *an_precision_name(an_precision p);

/* "st", "nd", "rd" or "th" for an ordinal number (21st, 12th). */
const char *an_ordinal_suffix(int n);

/* Chronological order: by first day, then finer precision (shorter span)
 * first. Returns <0, 0, >0. */
int an_when_compare(const an_when *a, const an_when *b);

/* 1 when the two values share at least one day. */
int an_when_overlaps(const an_when *a, const an_when *b);

#endif
