/* test_when.c - EDTF parsing, calendar helpers, building and display. */
#include <stdio.h>
#include <string.h>

#include "../../gen/when.h"
#include "check.h"

static const char *iso(int32_t day, char buf[11]) {
  if (day == AN_DAY_MIN) return "..";
  if (day == AN_DAY_MAX) return "..";
  an_day_iso(day, buf);
  return buf;
}

typedef struct {
  const char *in, *edtf, *prec, *first, *last;
  unsigned flags;
} parse_case;

static const parse_case parse_ok[] = {
    {"2023", "2023", "year", "2023-01-01", "2023-12-31", 0},
    {"1066", "1066", "year", "1066-01-01", "1066-12-31", 0},
    {"0001", "0001", "year", "0001-01-01", "0001-12-31", 0},
    {"9999", "9999", "year", "9999-01-01", "9999-12-31", 0},
    {"2023-12", "2023-12", "month", "2023-12-01", "2023-12-31", 0},
    {"2024-02", "2024-02", "month", "2024-02-01", "2024-02-29", 0},
    {"2023-02", "2023-02", "month", "2023-02-01", "2023-02-28", 0},
    {"2023-12-22", "2023-12-22", "day", "2023-12-22", "2023-12-22", 0},
    {"2024-02-29", "2024-02-29", "day", "2024-02-29", "2024-02-29", 0},
    {"2000-02-29", "2000-02-29", "day", "2000-02-29", "2000-02-29", 0},
    {" 2023-12-22 ", "2023-12-22", "day", "2023-12-22", "2023-12-22", 0},
    /* date-times */
    {"2023-12-22T14:30Z", "2023-12-22T14:30Z", "time", "2023-12-22", "2023-12-22", 0},
    {"2023-12-22t14:30z", "2023-12-22T14:30Z", "time", "2023-12-22", "2023-12-22", 0},
    {"2023-12-22T14:30:05Z", "2023-12-22T14:30:05Z", "time", "2023-12-22", "2023-12-22", 0},
    {"2023-12-22T14:30:05+05:30", "2023-12-22T14:30:05+05:30", "time", "2023-12-22", "2023-12-22", 0},
    {"2023-12-22T14:30-0800", "2023-12-22T14:30-08:00", "time", "2023-12-22", "2023-12-22", 0},
    {"2023-12-22T14:30+01", "2023-12-22T14:30+01:00", "time", "2023-12-22", "2023-12-22", 0},
    {"2023-12-22T09:30:01.25", "2023-12-22T09:30:01.25", "time", "2023-12-22", "2023-12-22", 0},
    {"2023-12-22T14:30", "2023-12-22T14:30", "time", "2023-12-22", "2023-12-22", 0},
    /* qualifiers */
    {"2023?", "2023?", "year", "2023-01-01", "2023-12-31", AN_WHEN_UNCERTAIN},
    {"2023-12~", "2023-12~", "month", "2023-12-01", "2023-12-31", AN_WHEN_APPROXIMATE},
    {"2023-12-22%", "2023-12-22%", "day", "2023-12-22", "2023-12-22",
     AN_WHEN_UNCERTAIN | AN_WHEN_APPROXIMATE},
    {"2023?~", "2023%", "year", "2023-01-01", "2023-12-31",
     AN_WHEN_UNCERTAIN | AN_WHEN_APPROXIMATE},
    /* unspecified digits */
    {"202X", "202X", "decade", "2020-01-01", "2029-12-31", 0},
    {"202x", "202X", "decade", "2020-01-01", "2029-12-31", 0},
    {"19XX", "19XX", "century", "1900-01-01", "1999-12-31", 0},
    {"20xx", "20XX", "century", "2000-01-01", "2099-12-31", 0},
    {"000X", "000X", "decade", "0001-01-01", "0009-12-31", 0},
    {"2023-XX", "2023-XX", "year", "2023-01-01", "2023-12-31", 0},
    {"2023-xx-xx", "2023-XX-XX", "year", "2023-01-01", "2023-12-31", 0},
    {"2023-12-XX", "2023-12-XX", "month", "2023-12-01", "2023-12-31", 0},
    {"2024-02-XX", "2024-02-XX", "month", "2024-02-01", "2024-02-29", 0},
    {"199X~", "199X~", "decade", "1990-01-01", "1999-12-31", AN_WHEN_APPROXIMATE},
    /* seasons, quarters, halves */
    {"2023-21", "2023-21", "season", "2023-03-01", "2023-05-31", 0},
    {"2023-22", "2023-22", "season", "2023-06-01", "2023-08-31", 0},
    {"2023-23", "2023-23", "season", "2023-09-01", "2023-11-30", 0},
    {"2023-24", "2023-24", "season", "2023-12-01", "2024-02-29", 0},
    {"2022-24", "2022-24", "season", "2022-12-01", "2023-02-28", 0},
    {"2023-25", "2023-25", "season", "2023-03-01", "2023-05-31", 0},
    {"2023-28", "2023-28", "season", "2023-12-01", "2024-02-29", 0},
    {"2023-29", "2023-29", "season", "2023-09-01", "2023-11-30", 0},
    {"2023-30", "2023-30", "season", "2023-12-01", "2024-02-29", 0},
    {"2023-32", "2023-32", "season", "2023-06-01", "2023-08-31", 0},
    {"2023-33", "2023-33", "quarter", "2023-01-01", "2023-03-31", 0},
    {"2023-34", "2023-34", "quarter", "2023-04-01", "2023-06-30", 0},
    {"2023-35", "2023-35", "quarter", "2023-07-01", "2023-09-30", 0},
    {"2023-36", "2023-36", "quarter", "2023-10-01", "2023-12-31", 0},
    {"2023-40", "2023-40", "half", "2023-01-01", "2023-06-30", 0},
    {"2023-41", "2023-41", "half", "2023-07-01", "2023-12-31", 0},
    {"2023-21?", "2023-21?", "season", "2023-03-01", "2023-05-31", AN_WHEN_UNCERTAIN},
    /* ISO weeks */
    {"2023-W51", "2023-W51", "week", "2023-12-18", "2023-12-24", 0},
    {"2023-w51", "2023-W51", "week", "2023-12-18", "2023-12-24", 0},
    {"2020-W53", "2020-W53", "week", "2020-12-28", "2021-01-03", 0},
    {"2015-W53", "2015-W53", "week", "2015-12-28", "2016-01-03", 0},
    {"2026-W53", "2026-W53", "week", "2026-12-28", "2027-01-03", 0},
    {"2025-W01", "2025-W01", "week", "2024-12-30", "2025-01-05", 0},
    {"2021-W01", "2021-W01", "week", "2021-01-04", "2021-01-10", 0},
    {"2023-W51-5", "2023-12-22", "day", "2023-12-22", "2023-12-22", 0},
    {"2025-W01-1", "2024-12-30", "day", "2024-12-30", "2024-12-30", 0},
    {"2023-W51~", "2023-W51~", "week", "2023-12-18", "2023-12-24", AN_WHEN_APPROXIMATE},
    /* Y-prefixed */
    {"Y2023", "2023", "year", "2023-01-01", "2023-12-31", 0},
    /* intervals */
    {"2022-02-24/2023-12-28", "2022-02-24/2023-12-28", "interval", "2022-02-24", "2023-12-28", 0},
    {"2014/2022", "2014/2022", "interval", "2014-01-01", "2022-12-31", 0},
    {"2004-06/2006-08", "2004-06/2006-08", "interval", "2004-06-01", "2006-08-31", 0},
    {"2004-02-01/2005", "2004-02-01/2005", "interval", "2004-02-01", "2005-12-31", 0},
    {"2023/2023-06", "2023/2023-06", "interval", "2023-01-01", "2023-06-30", 0},
    {"2022-02-24/..", "2022-02-24/..", "interval", "2022-02-24", "..", AN_WHEN_OPEN_END},
    {"../2023-12-28", "../2023-12-28", "interval", "..", "2023-12-28", AN_WHEN_OPEN_START},
    {"/2023", "/2023", "interval", "..", "2023-12-31", AN_WHEN_UNKNOWN_START},
    {"2023/", "2023/", "interval", "2023-01-01", "..", AN_WHEN_UNKNOWN_END},
    {"2014~/2022?", "2014~/2022?", "interval", "2014-01-01", "2022-12-31",
     AN_WHEN_APPROXIMATE | AN_WHEN_UNCERTAIN},
    {"2023-W51/2023-W52", "2023-W51/2023-W52", "interval", "2023-12-18", "2023-12-31", 0},
    {"2023-12-22/2023-12-22", "2023-12-22/2023-12-22", "interval", "2023-12-22", "2023-12-22", 0},
    {"2023-12-22T10:00Z/2023-12-22T12:00Z", "2023-12-22T10:00Z/2023-12-22T12:00Z",
     "interval", "2023-12-22", "2023-12-22", 0},
    {"201x/2023-xx", "201X/2023-XX", "interval", "2010-01-01", "2023-12-31", 0},
};

typedef struct {
  const char *in, *err; /* err: a substring of the reason */
} parse_bad;

static const parse_bad parse_err[] = {
    {"2023-02-30", "2023-02-30: February 2023 has 28 days"},
    {"2023-02-29", "2023-02-29: February 2023 has 28 days"},
    {"1900-02-29", "1900-02-29: February 1900 has 28 days"},
    {"2023-04-31", "2023-04-31: April 2023 has 30 days"},
    {"2023-13", "month 13 does not exist"},
    {"2023-13-01", "month 13 does not exist"},
    {"2023-00", "month 00 does not exist"},
    {"2023-20", "month 20 does not exist"},
    {"2023-42", "month 42 does not exist"},
    {"2023-99", "month 99 does not exist"},
    {"2023-12-00", "day 00 does not exist"},
    {"2023-12-32", "day 32 does not exist"},
    {"0000", "year 0 is not supported"},
    {"0000-01-01", "year 0 is not supported"},
    {"-0044", "years before 1"},
    {"Y-100", "years before 1"},
    {"Y12345", "beyond 9999"},
    {"12345", "four digits"},
    {"2021-W53", "week 53 does not exist in 2021"},
    {"2023-W53", "week 53 does not exist in 2023"},
    {"2023-W00", "week 00 does not exist"},
    {"2023-W54", "week 54 does not exist"},
    {"2023-W51-8", "weekday 8 does not exist"},
    {"2023-W5", "ISO week is written"},
    {"2023/2022", "the interval ends (2022) before it starts (2023)"},
    {"2023-12-28/2023-12-27", "ends (2023-12-27) before it starts (2023-12-28)"},
    {"2023-12-22T12:00Z/2023-12-22T10:00Z", "before it starts"},
    {"../..", "at least one known end"},
    {"/", "at least one known end"},
    {"..", "only used as an interval end"},
    {"2014/2015/2016", "exactly one '/'"},
    {"", "empty"},
    {"   ", "empty"},
    {"abc", "not an EDTF value"},
    {"2023-1", "not an EDTF value"},
    {"2023-1-5", "not an EDTF value"},
    {"2023-12-5", "two digits"},
    {"23", "not an EDTF value"},
    {"2023-12-22 14:30", "plain ASCII EDTF"},
    {"2023-12-22T25:00Z", "hour 25 does not exist"},
    {"2023-12-22T14:60Z", "minute 60 does not exist"},
    {"2023-12-22T14", "hh:mm"},
    {"2023-12-22T14:30+25:00", "does not exist"},
    {"2023-12-22T14:30Zjunk", "unexpected"},
    {"2023-12-22T14:30Z?", "cannot be qualified"},
    {"2004?-06-11", "level 2"},
    {"?", "needs a date"},
    {"XXXX", "says nothing"},
    {"1XXX", "last one or two digits"},
    {"1X9X", "last one or two digits"},
    {"2023-X1", "either known"},
    {"202X-12", "stands alone"},
    {"2023-XX-15", "level 2"},
    {"2023-37", "not supported"},
    {"2023-39", "not supported"},
    {"2023-21-01", "has no day"},
    {"2023-12-XX-01", "unspecified day"},
    {"\xff\xfe", "plain ASCII"},
    {"2023\xc2\xa0", "plain ASCII"},
};

typedef struct {
  const char *in, *display;
} disp_case;

static const disp_case displays[] = {
    {"2023-12-22", "Fri 22 Dec 2023"},
    {"2023-W51", "week 51 of 2023 (18-24 Dec)"},
    {"2023-W48", "week 48 of 2023 (27 Nov-3 Dec)"},
    {"2025-W01", "week 1 of 2025 (30 Dec 2024-5 Jan 2025)"},
    {"2023-12", "December 2023"},
    {"2023-12-XX", "December 2023"},
    {"2023-35", "Q3 2023"},
    {"2023-40", "H1 2023"},
    {"2023-24", "winter 2023-24"},
    {"1999-24", "winter 1999-2000"},
    {"2023-21", "spring 2023"},
    {"2023-23", "autumn 2023"},
    {"2023-30", "summer 2023-24 (southern hemisphere)"},
    {"2023", "2023"},
    {"202X", "the 2020s"},
    {"19XX", "the 20th century"},
    {"20XX", "the 21st century"},
    {"10XX", "the 11th century"},
    {"2022-02-24/2023-12-28", "24 Feb 2022 to 28 Dec 2023"},
    {"2022-02-24/..", "since 24 Feb 2022"},
    {"../1939-08", "until August 1939"},
    {"/2023", "until 2023 (start unknown)"},
    {"2023/", "from 2023 (end unknown)"},
    {"2014/2022", "2014 to 2022"},
    {"2023-12-22T14:30Z", "14:30 UTC, Fri 22 Dec 2023"},
    {"2023-12-22T14:30:05+05:30", "14:30:05 UTC+05:30, Fri 22 Dec 2023"},
    {"2023-12-22T14:30", "14:30, Fri 22 Dec 2023"},
    {"2023~", "about 2023"},
    {"2023?", "2023 (uncertain)"},
    {"2023%", "about 2023 (uncertain)"},
    {"2014~/2022", "about 2014 to 2022"},
    {"2023-W51/2023-12-28", "week 51 of 2023 to 28 Dec 2023"},
};

static void test_calendar(void) {
  char b[11];
  CHECK_INT(an_day_from_ymd(1970, 1, 1), 0);
  CHECK_INT(an_day_from_ymd(1970, 1, 2), 1);
  CHECK_INT(an_day_from_ymd(1969, 12, 31), -1);
  CHECK_INT(an_day_from_ymd(2000, 3, 1), 11017);
  CHECK_INT(an_day_weekday(0), 4); /* Thursday */
  CHECK_INT(an_day_weekday(an_day_from_ymd(2023, 12, 28)), 4);
  CHECK_INT(an_day_weekday(an_day_from_ymd(2023, 12, 22)), 5);
  CHECK_INT(an_day_weekday(an_day_from_ymd(2023, 12, 31)), 7);
  CHECK_INT(an_day_weekday(an_day_from_ymd(2024, 12, 30)), 1);
  CHECK_INT(an_day_weekday(an_day_from_ymd(1, 1, 1)), 1);
  CHECK_INT(an_day_weekday(an_day_from_ymd(1945, 9, 2)), 7);
  CHECK_STR(iso(an_day_from_ymd(1, 1, 1), b), "0001-01-01");
  CHECK_STR(iso(an_day_from_ymd(9999, 12, 31), b), "9999-12-31");
  CHECK_INT(an_days_in_month(2023, 2), 28);
  CHECK_INT(an_days_in_month(2024, 2), 29);
  CHECK_INT(an_days_in_month(1900, 2), 28);
  CHECK_INT(an_days_in_month(2000, 2), 29);
  CHECK_INT(an_days_in_month(2023, 4), 30);
  CHECK_INT(an_days_in_month(2023, 12), 31);
  CHECK_INT(an_days_in_month(2023, 13), 0);
  /* round trip over years 1..9999, every 97th day */
  int bad = 0;
  for (int32_t d = an_day_from_ymd(1, 1, 1); d <= an_day_from_ymd(9999, 12, 31); d += 97) {
    int y, m, dd;
    an_day_to_ymd(d, &y, &m, &dd);
    if (an_day_from_ymd(y, m, dd) != d || dd < 1 || dd > an_days_in_month(y, m)) bad++;
  }
  CHECK_INT(bad, 0);
  /* consecutive days have consecutive weekdays */
  bad = 0;
  for (int32_t d = -800000; d < 3000000; d += 1013)
    if (an_day_weekday(d + 1) != an_day_weekday(d) % 7 + 1) bad++;
  CHECK_INT(bad, 0);
  /* ISO weeks */
  int iy, wk;
  an_day_iso_week(an_day_from_ymd(2024, 12, 30), &iy, &wk);
  CHECK_INT(iy, 2025);
  CHECK_INT(wk, 1);
  an_day_iso_week(an_day_from_ymd(2021, 1, 3), &iy, &wk);
  CHECK_INT(iy, 2020);
  CHECK_INT(wk, 53);
  an_day_iso_week(an_day_from_ymd(2023, 12, 28), &iy, &wk);
  CHECK_INT(iy, 2023);
  CHECK_INT(wk, 52);
  an_day_iso_week(an_day_from_ymd(2023, 1, 1), &iy, &wk);
  CHECK_INT(iy, 2022);
  CHECK_INT(wk, 52);
  an_day_iso_week(an_day_from_ymd(2026, 1, 1), &iy, &wk);
  CHECK_INT(iy, 2026);
  CHECK_INT(wk, 1);
  CHECK_INT(an_iso_weeks_in_year(2020), 53);
  CHECK_INT(an_iso_weeks_in_year(2021), 52);
  CHECK_INT(an_iso_weeks_in_year(2015), 53);
  CHECK_INT(an_iso_weeks_in_year(2023), 52);
  CHECK_INT(an_iso_weeks_in_year(2026), 53);
  CHECK_INT(an_iso_weeks_in_year(2004), 53);
  CHECK_STR(iso(an_day_from_iso_week(2023, 51, 1), b), "2023-12-18");
  CHECK_STR(iso(an_day_from_iso_week(2025, 1, 1), b), "2024-12-30");
  CHECK_STR(iso(an_day_from_iso_week(2020, 53, 7), b), "2021-01-03");
  /* month arithmetic clamps */
  int cl = -1;
  CHECK_STR(iso(an_day_add_months(an_day_from_ymd(2024, 2, 29), -12, &cl), b), "2023-02-28");
  CHECK_INT(cl, 1);
  CHECK_STR(iso(an_day_add_months(an_day_from_ymd(2024, 2, 29), 48, &cl), b), "2028-02-29");
  CHECK_INT(cl, 0);
  CHECK_STR(iso(an_day_add_months(an_day_from_ymd(2024, 3, 31), -1, NULL), b), "2024-02-29");
  CHECK_STR(iso(an_day_add_months(an_day_from_ymd(2023, 3, 31), -1, NULL), b), "2023-02-28");
  CHECK_STR(iso(an_day_add_months(an_day_from_ymd(2023, 1, 31), 1, NULL), b), "2023-02-28");
  CHECK_STR(iso(an_day_add_months(an_day_from_ymd(2023, 12, 15), 1, NULL), b), "2024-01-15");
  CHECK_STR(iso(an_day_add_months(an_day_from_ymd(2023, 1, 15), -13, NULL), b), "2021-12-15");
  CHECK_STR(iso(an_day_add_months(an_day_from_ymd(2023, 10, 31), -6, NULL), b), "2023-04-30");
}

static void test_parse(void) {
  char err[200], b1[11], b2[11];
  for (size_t i = 0; i < sizeof parse_ok / sizeof parse_ok[0]; i++) {
    const parse_case *c = &parse_ok[i];
    an_when w;
    int ok = an_when_parse(c->in, &w, err, sizeof err);
    if (!ok) fprintf(stderr, "  parsing '%s': %s\n", c->in, err);
    CHECK(ok);
    if (!ok) continue;
    CHECK_STR(w.edtf, c->edtf);
    CHECK_STR(an_precision_name(w.precision), c->prec);
    CHECK_STR(iso(w.first, b1), c->first);
    CHECK_STR(iso(w.last, b2), c->last);
    CHECK_INT(w.flags, c->flags);
    /* the normalized text parses back to the same value */
    an_when w2;
    CHECK(an_when_parse(w.edtf, &w2, err, sizeof err));
    CHECK_STR(w2.edtf, w.edtf);
    CHECK(w2.first == w.first && w2.last == w.last && w2.precision == w.precision);
    if (w.precision != AN_PREC_INTERVAL)
      CHECK(w.start_precision == w.precision && w.end_precision == w.precision);
  }
  for (size_t i = 0; i < sizeof parse_err / sizeof parse_err[0]; i++) {
    an_when w;
    err[0] = '\0';
    int ok = an_when_parse(parse_err[i].in, &w, err, sizeof err);
    if (ok) fprintf(stderr, "  '%s' parsed as %s\n", parse_err[i].in, w.edtf);
    CHECK(!ok);
    if (!strstr(err, parse_err[i].err))
      fprintf(stderr, "  '%s': got reason '%s'\n", parse_err[i].in, err);
    CHECK(strstr(err, parse_err[i].err) != NULL);
  }
  /* interval ends keep their precisions */
  an_when w;
  CHECK(an_when_parse("2022-02/2023-12-28", &w, err, sizeof err));
  CHECK_INT(w.start_precision, AN_PREC_MONTH);
  CHECK_INT(w.end_precision, AN_PREC_DAY);
  CHECK(an_when_parse("2022-02-24/..", &w, err, sizeof err));
  CHECK_INT(w.end_precision, AN_PREC_NONE);
  CHECK_INT(w.last, AN_DAY_MAX);
  CHECK(an_when_parse("../2022", &w, err, sizeof err));
  CHECK_INT(w.first, AN_DAY_MIN);
  /* NULL / tiny error buffers are safe */
  CHECK(!an_when_parse("2023-13", &w, NULL, 0));
  CHECK(!an_when_parse(NULL, &w, err, sizeof err));
  char tiny[4];
  CHECK(!an_when_parse("2023-13", &w, tiny, sizeof tiny));
  CHECK_INT(strlen(tiny), 3);
}

static void test_make(void) {
  an_when w;
  char b1[11], b2[11], err[200];
  int32_t d = an_day_from_ymd(2023, 12, 28);
  struct {
    an_precision p;
    const char *edtf, *first, *last;
  } cases[] = {
      {AN_PREC_DAY, "2023-12-28", "2023-12-28", "2023-12-28"},
      {AN_PREC_TIME, "2023-12-28", "2023-12-28", "2023-12-28"},
      {AN_PREC_WEEK, "2023-W52", "2023-12-25", "2023-12-31"},
      {AN_PREC_MONTH, "2023-12", "2023-12-01", "2023-12-31"},
      {AN_PREC_QUARTER, "2023-36", "2023-10-01", "2023-12-31"},
      {AN_PREC_HALF, "2023-41", "2023-07-01", "2023-12-31"},
      {AN_PREC_SEASON, "2023-24", "2023-12-01", "2024-02-29"},
      {AN_PREC_YEAR, "2023", "2023-01-01", "2023-12-31"},
      {AN_PREC_DECADE, "202X", "2020-01-01", "2029-12-31"},
      {AN_PREC_CENTURY, "20XX", "2000-01-01", "2099-12-31"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    an_when_make(&w, cases[i].p, d, d);
    CHECK_STR(w.edtf, cases[i].edtf);
    CHECK_STR(iso(w.first, b1), cases[i].first);
    CHECK_STR(iso(w.last, b2), cases[i].last);
  }
  /* seasons from January/February belong to the previous winter */
  an_when_make(&w, AN_PREC_SEASON, an_day_from_ymd(2024, 2, 10), 0);
  CHECK_STR(w.edtf, "2023-24");
  an_when_make(&w, AN_PREC_SEASON, an_day_from_ymd(2024, 4, 10), 0);
  CHECK_STR(w.edtf, "2024-21");
  an_when_make(&w, AN_PREC_WEEK, an_day_from_ymd(2024, 12, 31), 0);
  CHECK_STR(w.edtf, "2025-W01");
  an_when_make(&w, AN_PREC_INTERVAL, an_day_from_ymd(2021, 12, 28), d);
  CHECK_STR(w.edtf, "2021-12-28/2023-12-28");
  CHECK_INT(w.start_precision, AN_PREC_DAY);
  an_when_make(&w, AN_PREC_INTERVAL, d, AN_DAY_MAX);
  CHECK_STR(w.edtf, "2023-12-28/..");
  CHECK(w.flags & AN_WHEN_OPEN_END);
  an_when_make(&w, AN_PREC_INTERVAL, d, an_day_from_ymd(2021, 12, 28));
  CHECK_STR(w.edtf, "2021-12-28/2023-12-28"); /* never ends before it starts */
  /* property: every made value parses back to itself */
  int bad = 0;
  for (int32_t day = an_day_from_ymd(1800, 1, 1); day < an_day_from_ymd(2200, 1, 1); day += 11) {
    for (int p = AN_PREC_DAY; p <= AN_PREC_CENTURY; p++) {
      an_when a, b;
      an_when_make(&a, (an_precision)p, day, day);
      if (!an_when_parse(a.edtf, &b, err, sizeof err) || b.first != a.first ||
          b.last != a.last || b.precision != a.precision || a.first > day ||
          a.last < day)
        bad++;
    }
  }
  CHECK_INT(bad, 0);
  /* intervals from two values */
  an_when a, b;
  an_when_parse("2022-02", &a, err, sizeof err);
  an_when_make(&b, AN_PREC_DAY, d, d);
  CHECK(an_when_make_interval(&w, &a, &b, err, sizeof err));
  CHECK_STR(w.edtf, "2022-02/2023-12-28");
  CHECK_INT(w.start_precision, AN_PREC_MONTH);
  CHECK_INT(w.end_precision, AN_PREC_DAY);
  CHECK_STR(iso(w.first, b1), "2022-02-01");
  CHECK(an_when_make_interval(&w, &a, NULL, err, sizeof err));
  CHECK_STR(w.edtf, "2022-02/..");
  CHECK(an_when_make_interval(&w, NULL, &a, err, sizeof err));
  CHECK_STR(w.edtf, "../2022-02");
  CHECK(!an_when_make_interval(&w, &b, &a, err, sizeof err));
  CHECK(strstr(err, "before it starts") != NULL);
  CHECK(!an_when_make_interval(&w, NULL, NULL, err, sizeof err));
  an_when iv;
  an_when_parse("2014/2022", &iv, err, sizeof err);
  CHECK(!an_when_make_interval(&w, &iv, &b, err, sizeof err));
  /* qualifiers */
  an_when_parse("2023", &w, err, sizeof err);
  an_when_qualify(&w, AN_WHEN_APPROXIMATE);
  CHECK_STR(w.edtf, "2023~");
  CHECK(w.flags & AN_WHEN_APPROXIMATE);
  an_when_qualify(&w, AN_WHEN_UNCERTAIN);
  CHECK_STR(w.edtf, "2023%");
  an_when_parse("2014/..", &w, err, sizeof err);
  an_when_qualify(&w, AN_WHEN_UNCERTAIN);
  CHECK_STR(w.edtf, "2014?/..");
  an_when_parse("2023-12-22T14:30Z", &w, err, sizeof err);
  an_when_qualify(&w, AN_WHEN_UNCERTAIN);
  CHECK_STR(w.edtf, "2023-12-22T14:30Z");
}

static void test_display(void) {
  char out[200], err[200];
  for (size_t i = 0; i < sizeof displays / sizeof displays[0]; i++) {
    an_when w;
    CHECK(an_when_parse(displays[i].in, &w, err, sizeof err));
    an_when_display(&w, out, sizeof out);
    CHECK_STR(out, displays[i].display);
  }
  an_when w;
  an_when_parse("2023-12-22", &w, err, sizeof err);
  char small[8];
  an_when_display(&w, small, sizeof small);
  CHECK_INT(strlen(small), 7);
  CHECK_STR(an_precision_name(AN_PREC_WEEK), "week");
  CHECK_STR(an_precision_name(AN_PREC_HALF), "half");
  CHECK_STR(an_precision_name(AN_PREC_INTERVAL), "interval");
  CHECK_STR(an_precision_name(AN_PREC_TIME), "time");
  CHECK_STR(an_precision_name(AN_PREC_NONE), "none");
}

static void test_order(void) {
  const char *sorted[] = {"../2020", "2014", "2014-04-01", "2014-04", "2014-W14",
                          "2023-12-22T09:00Z", "2023-12-22T14:30+05:00",
                          "2023-12-22T14:30Z", "2023-12-22", "2023-W51", "2023-12"};
  /* sorted by first day, then the shorter span */
  an_when w[11];
  char err[200];
  for (int i = 0; i < 11; i++) CHECK(an_when_parse(sorted[i], &w[i], err, sizeof err));
  CHECK(an_when_compare(&w[0], &w[1]) < 0);            /* open start first */
  CHECK(an_when_compare(&w[2], &w[3]) < 0);            /* day before month */
  CHECK(an_when_compare(&w[3], &w[2]) > 0);
  CHECK(an_when_compare(&w[1], &w[2]) < 0);            /* 2014 starts first */
  CHECK(an_when_compare(&w[5], &w[6]) < 0);            /* 09:00Z before 09:30Z */
  CHECK(an_when_compare(&w[6], &w[7]) < 0);            /* 14:30+05 = 09:30Z */
  CHECK(an_when_compare(&w[7], &w[8]) < 0);            /* a time before its day */
  CHECK(an_when_compare(&w[10], &w[9]) < 0);           /* Dec starts before week 51 */
  CHECK(an_when_compare(&w[9], &w[10]) > 0);
  CHECK_INT(an_when_compare(&w[4], &w[4]), 0);
  /* overlaps */
  an_when a, b;
  an_when_parse("2014-04", &a, err, sizeof err);
  an_when_parse("2014-04-01", &b, err, sizeof err);
  CHECK(an_when_overlaps(&a, &b));
  an_when_parse("2014-05-01", &b, err, sizeof err);
  CHECK(!an_when_overlaps(&a, &b));
  an_when_parse("2014/..", &b, err, sizeof err);
  CHECK(an_when_overlaps(&a, &b));
  an_when_parse("../2013", &b, err, sizeof err);
  CHECK(!an_when_overlaps(&a, &b));
  an_when_parse("2023-24", &a, err, sizeof err);
  an_when_parse("2024-02-29", &b, err, sizeof err);
  CHECK(an_when_overlaps(&a, &b));
}

int main(void) {
  test_calendar();
  test_parse();
  test_make();
  test_display();
  test_order();
  return check_report();
}
