/* when.c - time values: EDTF (ISO 8601-2) level 0/1, ISO weeks, and the
 * level 2 sub-year codes for quarters (33-36) and halves (40-41).
 *
 * Accepted by an_when_parse (case-insensitive for the letters W X T Z Y):
 *   2023  2023-12  2023-12-22                       year, month, day
 *   2023-12-22T14:30  ...T14:30:05  ...Z  ...+05:30 date-time (precision TIME)
 *   2023?  2023-12~  2023-12-22%                    qualifier on the whole value
 *   202X (decade)  19XX (century)  2023-XX (a month of 2023: precision YEAR)
 *   2023-12-XX (a day of Dec 2023: precision MONTH)  2023-XX-XX (YEAR)
 *   2023-21..24 seasons (meteorological: 21 spring = Mar-May, 22 summer =
 *     Jun-Aug, 23 autumn = Sep-Nov, 24 winter = Dec 2023-Feb 2024);
 *     25..28 the same (northern hemisphere), 29..32 southern hemisphere
 *     (29 spring = Sep-Nov, 30 summer = Dec-Feb, 31 autumn = Mar-May,
 *     32 winter = Jun-Aug)
 *   2023-33..36 quarters Q1..Q4; 2023-40, 2023-41 halves H1, H2
 *   2023-W51 ISO week; 2023-W51-5 ISO week date (a DAY, normalized to
 *     2023-12-22)
 *   Y2023 (normalized to 2023; longer years are beyond 9999: error)
 *   a/b intervals, each end any of the above (each with its own
 *     qualifier); ../b and a/.. open ends; /b and a/ unknown ends.
 * A date-time keeps its written calendar day as its day range; the time
 * and offset are kept in edtf (and used to order two date-times). */
#include "when.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *const S_month_names[12] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
static const char *const S_month_abbr[12] = {"Jan", "Feb", "Mar", "Apr",
                                             "May", "Jun", "Jul", "Aug",
                                             "Sep", "Oct", "Nov", "Dec"};
static const char *const S_wd_abbr[7] = {"Mon", "Tue", "Wed", "Thu",
                                         "Fri", "Sat", "Sun"};

/* ---- calendar ---------------------------------------------------------- */

static int S_is_leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int an_days_in_month(int y, int m) {
  static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  if (m == 2 && S_is_leap(y)) return 29;
  return dim[m - 1];
}

/* Howard Hinnant's days_from_civil / civil_from_days. */
int32_t an_day_from_ymd(int y, int m, int d) {
  int64_t yy = (int64_t)y - (m <= 2);
  int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
  int64_t yoe = yy - era * 400;
  int64_t mp = (m + 9) % 12;
  int64_t doy = (153 * mp + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return (int32_t)(era * 146097 + doe - 719468);
}

void an_day_to_ymd(int32_t day, int *y, int *m, int *d) {
  int64_t z = (int64_t)day + 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t yr = yoe + era * 400;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int64_t dd = doy - (153 * mp + 2) / 5 + 1;
  int64_t mm = mp < 10 ? mp + 3 : mp - 9;
  if (y) *y = (int)(yr + (mm <= 2));
  if (m) *m = (int)mm;
  if (d) *d = (int)dd;
}

int an_day_weekday(int32_t day) {
  /* 1970-01-01 was a Thursday (4). */
  return (int)((((int64_t)day % 7) + 7 + 3) % 7) + 1;
}

void an_day_iso(int32_t day, char out[11]) {
  int y, m, d;
  an_day_to_ymd(day, &y, &m, &d);
  if (y < 0) y = 0;
  if (y > 9999) y = 9999;
  out[0] = (char)('0' + y / 1000 % 10);
  out[1] = (char)('0' + y / 100 % 10);
  out[2] = (char)('0' + y / 10 % 10);
  out[3] = (char)('0' + y % 10);
  out[4] = '-';
  out[5] = (char)('0' + m / 10);
  out[6] = (char)('0' + m % 10);
  out[7] = '-';
  out[8] = (char)('0' + d / 10);
  out[9] = (char)('0' + d % 10);
  out[10] = '\0';
}

void an_day_iso_week(int32_t day, int *iso_year, int *week) {
  int32_t thu = day - an_day_weekday(day) + 4;
  int y;
  an_day_to_ymd(thu, &y, NULL, NULL);
  if (iso_year) *iso_year = y;
  if (week) *week = (int)((thu - an_day_from_ymd(y, 1, 1)) / 7) + 1;
}

int an_iso_weeks_in_year(int iso_year) {
  int w;
  an_day_iso_week(an_day_from_ymd(iso_year, 12, 28), NULL, &w);
  return w;
}

int32_t an_day_from_iso_week(int iso_year, int week, int weekday) {
  int32_t jan4 = an_day_from_ymd(iso_year, 1, 4);
  int32_t mon1 = jan4 - (an_day_weekday(jan4) - 1);
  return mon1 + (week - 1) * 7 + (weekday - 1);
}

int32_t an_day_add_months(int32_t day, int months, int *clamped) {
  int y, m, d;
  an_day_to_ymd(day, &y, &m, &d);
  int64_t idx = (int64_t)y * 12 + (m - 1) + months;
  int64_t ny = idx >= 0 ? idx / 12 : -((-idx + 11) / 12);
  int nm = (int)(idx - ny * 12) + 1;
  int dim = an_days_in_month((int)ny, nm);
  if (clamped) *clamped = d > dim;
  if (d > dim) d = dim;
  return an_day_from_ymd((int)ny, nm, d);
}

/* ---- small helpers ------------------------------------------------------ */

static int S_fail(char *err, size_t errlen, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static int S_fail(char *err, size_t errlen, const char *fmt, ...) {
  if (err && errlen) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
  }
  return 0;
}

static int S_digit(char c) { return c >= '0' && c <= '9'; }


/* Two digits at s -> value, or -1. */
static int S_two(const char *s) {
  if (!S_digit(s[0]) || !S_digit(s[1])) return -1;
  return (s[0] - '0') * 10 + (s[1] - '0');
}

static void S_copy(char *dst, size_t n, const char *src) {
  if (!n) return;
  size_t l = strlen(src);
  if (l >= n) l = n - 1;
  memcpy(dst, src, l);
  dst[l] = '\0';
}

/* dst = a "/" b, truncated to n bytes. */
static void S_join(char *dst, size_t n, const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b), k = 0;
  if (!n) return;
  for (size_t i = 0; i < la && k + 1 < n; i++) dst[k++] = a[i];
  if (k + 1 < n) dst[k++] = '/';
  for (size_t i = 0; i < lb && k + 1 < n; i++) dst[k++] = b[i];
  dst[k] = '\0';
}

/* The calendar range of a sub-year code (21..41) of year y. */
static int S_subyear_range(int y, int code, int32_t *first, int32_t *last,
                           an_precision *p) {
  int m0, len;
  switch (code) {
  case 21: case 25: case 31: m0 = 3; len = 3; *p = AN_PREC_SEASON; break;
  case 22: case 26: case 32: m0 = 6; len = 3; *p = AN_PREC_SEASON; break;
  case 23: case 27: case 29: m0 = 9; len = 3; *p = AN_PREC_SEASON; break;
  case 24: case 28: case 30: m0 = 12; len = 3; *p = AN_PREC_SEASON; break;
  case 33: case 34: case 35: case 36:
    m0 = 1 + (code - 33) * 3; len = 3; *p = AN_PREC_QUARTER; break;
  case 40: case 41: m0 = 1 + (code - 40) * 6; len = 6; *p = AN_PREC_HALF; break;
  default: return 0;
  }
  *first = an_day_from_ymd(y, m0, 1);
  *last = an_day_add_months(*first, len, NULL) - 1;
  return 1;
}

/* ---- parsing ------------------------------------------------------------ */

typedef struct {
  an_when w;
  int has_time;
  int64_t secs; /* UTC seconds since the epoch, for date-times */
} S_point;

static unsigned S_qual_flags(const char *s, size_t n, size_t *qlen) {
  unsigned f = 0;
  size_t k = n;
  while (k > 0 && (s[k - 1] == '?' || s[k - 1] == '~' || s[k - 1] == '%')) {
    char c = s[k - 1];
    if (c == '?') f |= AN_WHEN_UNCERTAIN;
    if (c == '~') f |= AN_WHEN_APPROXIMATE;
    if (c == '%') f |= AN_WHEN_UNCERTAIN | AN_WHEN_APPROXIMATE;
    k--;
  }
  *qlen = n - k;
  return f;
}

static const char *S_qual_suffix(unsigned f) {
  unsigned q = f & (AN_WHEN_UNCERTAIN | AN_WHEN_APPROXIMATE);
  if (q == (AN_WHEN_UNCERTAIN | AN_WHEN_APPROXIMATE)) return "%";
  if (q == AN_WHEN_UNCERTAIN) return "?";
  if (q == AN_WHEN_APPROXIMATE) return "~";
  return "";
}

/* Parses the time part "hh:mm[:ss[.f]][Z|+hh[:mm]]" after a 'T'. Writes the
 * normalized text to norm and the seconds of the UTC day offset to *secs. */
static int S_parse_time(const char *s, size_t n, char *norm, size_t normlen,
                        int64_t *secs, char *err, size_t errlen) {
  size_t i = 0;
  int hh, mm, ss = 0, oh = 0, om = 0, sign = 0;
  char frac[16] = "";
  char zone[8] = "";
  if (n < 5 || (hh = S_two(s)) < 0 || s[2] != ':' || (mm = S_two(s + 3)) < 0)
    return S_fail(err, errlen,
                  "a time is written hh:mm or hh:mm:ss after the T "
                  "(2023-12-22T14:30Z)");
  i = 5;
  int has_sec = 0;
  if (i < n && s[i] == ':') {
    if (i + 3 > n || (ss = S_two(s + i + 1)) < 0)
      return S_fail(err, errlen, "seconds are written with two digits");
    has_sec = 1;
    i += 3;
    if (i < n && (s[i] == '.' || s[i] == ',')) {
      size_t k = 0;
      i++;
      while (i < n && S_digit(s[i])) {
        if (k + 1 < sizeof frac) frac[k++] = s[i];
        i++;
      }
      frac[k] = '\0';
      if (!k) return S_fail(err, errlen, "a decimal point needs digits after it");
    }
  }
  if (hh > 23) return S_fail(err, errlen, "hour %02d does not exist", hh);
  if (mm > 59) return S_fail(err, errlen, "minute %02d does not exist", mm);
  if (ss > 60) return S_fail(err, errlen, "second %02d does not exist", ss);
  if (i < n && (s[i] == 'Z' || s[i] == 'z')) {
    strcpy(zone, "Z");
    i++;
  } else if (i < n && (s[i] == '+' || s[i] == '-')) {
    sign = s[i] == '-' ? -1 : 1;
    i++;
    if (i + 2 > n || (oh = S_two(s + i)) < 0)
      return S_fail(err, errlen, "a time offset is written +hh:mm or -hh:mm");
    i += 2;
    if (i < n && s[i] == ':') i++;
    if (i < n) {
      if (i + 2 > n || (om = S_two(s + i)) < 0)
        return S_fail(err, errlen, "a time offset is written +hh:mm or -hh:mm");
      i += 2;
    }
    if (oh > 23 || om > 59)
      return S_fail(err, errlen, "time offset %c%02d:%02d does not exist",
                    sign < 0 ? '-' : '+', oh, om);
    snprintf(zone, sizeof zone, "%c%02d:%02d", sign < 0 ? '-' : '+', oh, om);
  }
  if (i != n)
    return S_fail(err, errlen, "unexpected '%.*s' after the time", (int)(n - i),
                  s + i);
  if (has_sec)
    snprintf(norm, normlen, "T%02d:%02d:%02d%s%s%s", hh, mm, ss, *frac ? "." : "",
             frac, zone);
  else
    snprintf(norm, normlen, "T%02d:%02d%s", hh, mm, zone);
  *secs = (int64_t)hh * 3600 + mm * 60 + ss - (int64_t)sign * (oh * 3600 + om * 60);
  return 1;
}

/* One point value (not an interval). */
static int S_parse_point(const char *s, size_t n, S_point *pt, char *err,
                         size_t errlen) {
  an_when *w = &pt->w;
  char norm[96];
  size_t qlen;
  unsigned q = S_qual_flags(s, n, &qlen);
  int y = 0;
  memset(pt, 0, sizeof *pt);
  n -= qlen;
  if (n == 0)
    return S_fail(err, errlen, "a qualifier (? ~ %%) needs a date before it");
  for (size_t k = 0; k < n; k++)
    if (s[k] == '?' || s[k] == '~' || s[k] == '%')
      return S_fail(err, errlen,
                    "qualifying part of a date (EDTF level 2) is not "
                    "supported; put ? ~ or %% at the end of the value");
  if (s[0] == '-')
    return S_fail(err, errlen, "years before 1 (BCE) are not supported");
  if (s[0] == 'Y' || s[0] == 'y') {
    size_t k = 1;
    int64_t v = 0;
    if (k < n && s[k] == '-')
      return S_fail(err, errlen, "years before 1 (BCE) are not supported");
    while (k < n && S_digit(s[k])) {
      if (v < 100000000) v = v * 10 + (s[k] - '0');
      k++;
    }
    if (k == 1 || k != n)
      return S_fail(err, errlen,
                    "'%.*s' is not an EDTF value: Y is followed by the digits "
                    "of a year (Y12345)",
                    (int)n, s);
    if (v == 0) return S_fail(err, errlen, "year 0 is not supported");
    if (v > 9999)
      return S_fail(err, errlen,
                    "year %.*s is beyond 9999, which is not supported",
                    (int)(n - 1), s + 1);
    y = (int)v;
    snprintf(norm, sizeof norm, "%04d", y);
    w->first = an_day_from_ymd(y, 1, 1);
    w->last = an_day_from_ymd(y, 12, 31);
    w->precision = AN_PREC_YEAR;
    goto done;
  }
  /* the year: four characters of digits and X */
  {
    size_t k = 0;
    int nx = 0, digits_after_x = 0;
    while (k < n && (S_digit(s[k]) || s[k] == 'X' || s[k] == 'x')) {
      if (s[k] == 'X' || s[k] == 'x')
        nx++;
      else if (nx)
        digits_after_x = 1;
      k++;
    }
    if (k < 4)
      return S_fail(err, errlen,
                    "'%.*s' is not an EDTF value (expected e.g. 2023, "
                    "2023-12, 2023-12-22, 2023-W51, 2022-02-24/..)",
                    (int)n, s);
    if (k > 4)
      return S_fail(err, errlen,
                    "a year has four digits (years beyond 9999 are not "
                    "supported)");
    if (nx == 4)
      return S_fail(err, errlen,
                    "XXXX says nothing about the year; leave the time out or "
                    "give at least the century (19XX)");
    if (digits_after_x || nx > 2)
      return S_fail(err, errlen,
                    "only the last one or two digits of a year may be "
                    "unspecified (202X, 19XX)");
    int v = 0;
    for (size_t j = 0; j < 4; j++) v = v * 10 + (S_digit(s[j]) ? s[j] - '0' : 0);
    if (nx) {
      int span = nx == 1 ? 10 : 100;
      if (k != n)
        return S_fail(err, errlen,
                      "a year with unspecified digits (%.*s) stands alone",
                      4, s);
      int y0 = v < 1 ? 1 : v;
      w->first = an_day_from_ymd(y0, 1, 1);
      w->last = an_day_from_ymd(v + span - 1, 12, 31);
      w->precision = nx == 1 ? AN_PREC_DECADE : AN_PREC_CENTURY;
      snprintf(norm, sizeof norm, "%.*s%s", 4 - nx, s, nx == 1 ? "X" : "XX");
      goto done;
    }
    y = v;
    if (y == 0) return S_fail(err, errlen, "year 0 is not supported");
  }
  snprintf(norm, sizeof norm, "%04d", y);
  if (n == 4) {
    w->first = an_day_from_ymd(y, 1, 1);
    w->last = an_day_from_ymd(y, 12, 31);
    w->precision = AN_PREC_YEAR;
    goto done;
  }
  if (s[4] != '-' || n < 7)
    return S_fail(err, errlen,
                  "'%.*s' is not an EDTF value (expected e.g. 2023-12, "
                  "2023-12-22)",
                  (int)n, s);
  /* ISO week */
  if (s[5] == 'W' || s[5] == 'w') {
    int wk = n >= 8 ? S_two(s + 6) : -1;
    if (wk < 0 || (n != 8 && n != 10) || (n == 10 && (s[8] != '-' || !S_digit(s[9]))))
      return S_fail(err, errlen,
                    "an ISO week is written YYYY-Www (2023-W51) or YYYY-Www-D");
    int nweeks = an_iso_weeks_in_year(y);
    if (wk < 1 || wk > nweeks)
      return S_fail(err, errlen,
                    "week %02d does not exist in %04d (it has %d ISO weeks)", wk,
                    y, nweeks);
    if (n == 10) {
      int wd = s[9] - '0';
      if (wd < 1 || wd > 7)
        return S_fail(err, errlen,
                      "weekday %d does not exist (1 = Monday .. 7 = Sunday)",
                      wd);
      w->first = w->last = an_day_from_iso_week(y, wk, wd);
      w->precision = AN_PREC_DAY;
      an_day_iso(w->first, norm);
      goto done;
    }
    w->first = an_day_from_iso_week(y, wk, 1);
    w->last = w->first + 6;
    w->precision = AN_PREC_WEEK;
    snprintf(norm, sizeof norm, "%04d-W%02d", y, wk);
    goto done;
  }
  /* month or sub-year code */
  {
    int xm = (s[5] == 'X' || s[5] == 'x') && (s[6] == 'X' || s[6] == 'x');
    int mo = S_two(s + 5);
    if (!xm && mo < 0) {
      if (s[5] == 'X' || s[5] == 'x' || s[6] == 'X' || s[6] == 'x')
        return S_fail(err, errlen,
                      "a month is either known (12) or unspecified (XX)");
      return S_fail(err, errlen,
                    "'%.*s' is not an EDTF value: a month has two digits "
                    "(2023-01)",
                    (int)n, s);
    }
    if (xm) {
      if (n == 7) {
        snprintf(norm, sizeof norm, "%04d-XX", y);
      } else if (n == 10 && s[7] == '-' && (s[8] == 'X' || s[8] == 'x') &&
                 (s[9] == 'X' || s[9] == 'x')) {
        snprintf(norm, sizeof norm, "%04d-XX-XX", y);
      } else if (n == 10 && s[7] == '-' && S_two(s + 8) >= 0) {
        return S_fail(err, errlen,
                      "a known day in an unspecified month (EDTF level 2) is "
                      "not supported");
      } else {
        return S_fail(err, errlen, "'%.*s' is not an EDTF value", (int)n, s);
      }
      w->first = an_day_from_ymd(y, 1, 1);
      w->last = an_day_from_ymd(y, 12, 31);
      w->precision = AN_PREC_YEAR;
      goto done;
    }
    if (mo > 12) {
      an_precision p;
      if (mo >= 37 && mo <= 39)
        return S_fail(err, errlen,
                      "four-month periods (sub-year codes 37-39) are not "
                      "supported; write an interval such as %04d-01/%04d-04",
                      y, y);
      if (!S_subyear_range(y, mo, &w->first, &w->last, &p))
        return S_fail(err, errlen, "month %.2s does not exist", s + 5);
      if (n != 7)
        return S_fail(err, errlen,
                      "a season, quarter or half (%04d-%02d) has no day", y, mo);
      w->precision = p;
      snprintf(norm, sizeof norm, "%04d-%02d", y, mo);
      goto done;
    }
    if (mo == 0) return S_fail(err, errlen, "month 00 does not exist");
    snprintf(norm, sizeof norm, "%04d-%02d", y, mo);
    if (n == 7) {
      w->first = an_day_from_ymd(y, mo, 1);
      w->last = an_day_from_ymd(y, mo, an_days_in_month(y, mo));
      w->precision = AN_PREC_MONTH;
      goto done;
    }
    if (s[7] != '-' || n < 10)
      return S_fail(err, errlen,
                    "'%.*s' is not an EDTF value: a day has two digits "
                    "(2023-12-01)",
                    (int)n, s);
    if ((s[8] == 'X' || s[8] == 'x') && (s[9] == 'X' || s[9] == 'x')) {
      if (n != 10)
        return S_fail(err, errlen, "an unspecified day (XX) has no time");
      snprintf(norm, sizeof norm, "%04d-%02d-XX", y, mo);
      w->first = an_day_from_ymd(y, mo, 1);
      w->last = an_day_from_ymd(y, mo, an_days_in_month(y, mo));
      w->precision = AN_PREC_MONTH;
      goto done;
    }
    int d = S_two(s + 8);
    if (d < 0)
      return S_fail(err, errlen,
                    "'%.*s' is not an EDTF value: a day has two digits "
                    "(2023-12-01)",
                    (int)n, s);
    int dim = an_days_in_month(y, mo);
    if (d == 0) return S_fail(err, errlen, "day 00 does not exist");
    if (d > 31) return S_fail(err, errlen, "day %02d does not exist", d);
    if (d > dim)
      return S_fail(err, errlen, "%04d-%02d-%02d: %s %04d has %d days", y, mo, d,
                    S_month_names[mo - 1], y, dim);
    snprintf(norm, sizeof norm, "%04d-%02d-%02d", y, mo, d);
    w->first = w->last = an_day_from_ymd(y, mo, d);
    w->precision = AN_PREC_DAY;
    if (n == 10) goto done;
    if (s[10] != 'T' && s[10] != 't')
      return S_fail(err, errlen,
                    "unexpected '%.*s' after the date (a time follows a T: "
                    "2023-12-22T14:30Z)",
                    (int)(n - 10), s + 10);
    if (q)
      return S_fail(err, errlen,
                    "a date-time cannot be qualified in EDTF; qualify the "
                    "date instead (%s%s)",
                    norm, S_qual_suffix(q));
    char tnorm[48];
    int64_t secs = 0;
    if (!S_parse_time(s + 11, n - 11, tnorm, sizeof tnorm, &secs, err, errlen))
      return 0;
    size_t l = strlen(norm);
    S_copy(norm + l, sizeof norm - l, tnorm);
    w->precision = AN_PREC_TIME;
    pt->has_time = 1;
    pt->secs = (int64_t)w->first * 86400 + secs;
  }
done:
  w->start_precision = w->end_precision = w->precision;
  w->flags = q;
  {
    size_t l = strlen(norm);
    S_copy(norm + l, sizeof norm - l, S_qual_suffix(q));
  }
  S_copy(w->edtf, sizeof w->edtf, norm);
  return 1;
}

int an_when_parse(const char *text, an_when *out, char *err, size_t errlen) {
  S_point a, b;
  const char *s = text;
  size_t n;
  an_when w;
  if (err && errlen) err[0] = '\0';
  memset(&w, 0, sizeof w);
  if (!text) return S_fail(err, errlen, "empty time value");
  while (*s == ' ' || *s == '\t') s++;
  n = strlen(s);
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
  if (n == 0) return S_fail(err, errlen, "empty time value");
  if (n > 90) return S_fail(err, errlen, "time value too long (over 90 bytes)");
  for (size_t k = 0; k < n; k++) {
    unsigned char c = (unsigned char)s[k];
    if (c < 0x21 || c > 0x7e)
      return S_fail(err, errlen,
                    "a time value is plain ASCII EDTF (2023-12-22), without "
                    "spaces or other characters");
  }
  const char *slash = memchr(s, '/', n);
  if (!slash) {
    if (n == 2 && s[0] == '.' && s[1] == '.')
      return S_fail(err, errlen, "'..' (open) is only used as an interval end");
    if (!S_parse_point(s, n, &a, err, errlen)) return 0;
    *out = a.w;
    return 1;
  }
  size_t la = (size_t)(slash - s), lb = n - la - 1;
  const char *sb = slash + 1;
  if (memchr(sb, '/', lb))
    return S_fail(err, errlen, "an interval has exactly one '/'");
  int a_open = la == 2 && s[0] == '.' && s[1] == '.';
  int b_open = lb == 2 && sb[0] == '.' && sb[1] == '.';
  int a_unk = la == 0, b_unk = lb == 0;
  if ((a_open || a_unk) && (b_open || b_unk))
    return S_fail(err, errlen, "an interval needs at least one known end");
  if (!a_open && !a_unk && !S_parse_point(s, la, &a, err, errlen)) return 0;
  if (!b_open && !b_unk && !S_parse_point(sb, lb, &b, err, errlen)) return 0;
  w.precision = AN_PREC_INTERVAL;
  if (a_open || a_unk) {
    w.first = AN_DAY_MIN;
    w.start_precision = AN_PREC_NONE;
    w.flags |= a_open ? AN_WHEN_OPEN_START : AN_WHEN_UNKNOWN_START;
  } else {
    w.first = a.w.first;
    w.start_precision = a.w.precision;
    w.flags |= a.w.flags;
  }
  if (b_open || b_unk) {
    w.last = AN_DAY_MAX;
    w.end_precision = AN_PREC_NONE;
    w.flags |= b_open ? AN_WHEN_OPEN_END : AN_WHEN_UNKNOWN_END;
  } else {
    w.last = b.w.last;
    w.end_precision = b.w.precision;
    w.flags |= b.w.flags;
  }
  if (!(a_open || a_unk) && !(b_open || b_unk)) {
    if (b.w.last < a.w.first || (a.has_time && b.has_time && b.secs < a.secs))
      return S_fail(err, errlen, "the interval ends (%s) before it starts (%s)",
                    b.w.edtf, a.w.edtf);
  }
  S_join(w.edtf, sizeof w.edtf, a_open ? ".." : a_unk ? "" : a.w.edtf,
         b_open ? ".." : b_unk ? "" : b.w.edtf);
  *out = w;
  return 1;
}

/* ---- building ----------------------------------------------------------- */

void an_when_make(an_when *w, an_precision p, int32_t first, int32_t last) {
  int y, m, d;
  memset(w, 0, sizeof *w);
  w->precision = w->start_precision = w->end_precision = p;
  if (p == AN_PREC_NONE) return;
  if (p == AN_PREC_INTERVAL) {
    if (first != AN_DAY_MIN && last != AN_DAY_MAX && last < first) {
      int32_t t = first;
      first = last;
      last = t;
    }
    char a[11] = "..", b[11] = "..";
    w->first = first;
    w->last = last;
    w->start_precision = first == AN_DAY_MIN ? AN_PREC_NONE : AN_PREC_DAY;
    w->end_precision = last == AN_DAY_MAX ? AN_PREC_NONE : AN_PREC_DAY;
    if (first == AN_DAY_MIN) w->flags |= AN_WHEN_OPEN_START;
    else an_day_iso(first, a);
    if (last == AN_DAY_MAX) w->flags |= AN_WHEN_OPEN_END;
    else an_day_iso(last, b);
    S_join(w->edtf, sizeof w->edtf, a, b);
    return;
  }
  an_day_to_ymd(first, &y, &m, &d);
  switch (p) {
  case AN_PREC_TIME:
  case AN_PREC_DAY:
    w->precision = w->start_precision = w->end_precision = AN_PREC_DAY;
    w->first = w->last = first;
    an_day_iso(first, w->edtf);
    break;
  case AN_PREC_WEEK: {
    int iy, wk;
    an_day_iso_week(first, &iy, &wk);
    w->first = first - (an_day_weekday(first) - 1);
    w->last = w->first + 6;
    snprintf(w->edtf, sizeof w->edtf, "%04d-W%02d", iy, wk);
    break;
  }
  case AN_PREC_MONTH:
    w->first = an_day_from_ymd(y, m, 1);
    w->last = an_day_from_ymd(y, m, an_days_in_month(y, m));
    snprintf(w->edtf, sizeof w->edtf, "%04d-%02d", y, m);
    break;
  case AN_PREC_QUARTER:
  case AN_PREC_HALF:
  case AN_PREC_SEASON: {
    int code;
    an_precision pp;
    if (p == AN_PREC_QUARTER) {
      code = 33 + (m - 1) / 3;
    } else if (p == AN_PREC_HALF) {
      code = 40 + (m - 1) / 6;
    } else {
      if (m <= 2) y--;
      code = m <= 2 || m == 12 ? 24 : 21 + (m - 3) / 3;
    }
    S_subyear_range(y, code, &w->first, &w->last, &pp);
    snprintf(w->edtf, sizeof w->edtf, "%04d-%02d", y, code);
    break;
  }
  case AN_PREC_YEAR:
    w->first = an_day_from_ymd(y, 1, 1);
    w->last = an_day_from_ymd(y, 12, 31);
    snprintf(w->edtf, sizeof w->edtf, "%04d", y);
    break;
  case AN_PREC_DECADE:
  case AN_PREC_CENTURY: {
    int span = p == AN_PREC_DECADE ? 10 : 100;
    int y0 = y - y % span;
    w->first = an_day_from_ymd(y0 < 1 ? 1 : y0, 1, 1);
    w->last = an_day_from_ymd(y0 + span - 1, 12, 31);
    snprintf(w->edtf, sizeof w->edtf, "%0*d%s", p == AN_PREC_DECADE ? 3 : 2,
             y0 / span, p == AN_PREC_DECADE ? "X" : "XX");
    break;
  }
  default:
    break;
  }
}

int an_when_make_interval(an_when *w, const an_when *a, const an_when *b,
                          char *err, size_t errlen) {
  an_when r;
  memset(&r, 0, sizeof r);
  if ((a && a->precision == AN_PREC_INTERVAL) ||
      (b && b->precision == AN_PREC_INTERVAL))
    return S_fail(err, errlen, "an interval end cannot itself be an interval");
  if (!a && !b)
    return S_fail(err, errlen, "an interval needs at least one known end");
  if (a && b && b->last < a->first)
    return S_fail(err, errlen, "the interval ends (%s) before it starts (%s)",
                  b->edtf, a->edtf);
  r.precision = AN_PREC_INTERVAL;
  r.first = a ? a->first : AN_DAY_MIN;
  r.last = b ? b->last : AN_DAY_MAX;
  r.start_precision = a ? a->precision : AN_PREC_NONE;
  r.end_precision = b ? b->precision : AN_PREC_NONE;
  r.flags = (a ? a->flags : AN_WHEN_OPEN_START) | (b ? b->flags : AN_WHEN_OPEN_END);
  if (strlen(a ? a->edtf : "..") + strlen(b ? b->edtf : "..") + 2 > sizeof r.edtf)
    return S_fail(err, errlen, "interval too long");
  S_join(r.edtf, sizeof r.edtf, a ? a->edtf : "..", b ? b->edtf : "..");
  *w = r;
  return 1;
}

/* Adds qualifier flags q to one EDTF end written at s (len n) into out. */
static void S_qualify_text(const char *s, size_t n, unsigned q, char *out,
                           size_t outlen) {
  size_t ql;
  unsigned have = S_qual_flags(s, n, &ql);
  if ((n == 2 && s[0] == '.' && s[1] == '.') || n == 0 || memchr(s, 'T', n)) {
    snprintf(out, outlen, "%.*s", (int)n, s);
    return;
  }
  snprintf(out, outlen, "%.*s%s", (int)(n - ql), s, S_qual_suffix(have | q));
}

void an_when_qualify(an_when *w, unsigned flags) {
  unsigned q = flags & (AN_WHEN_UNCERTAIN | AN_WHEN_APPROXIMATE);
  char a[96], b[96];
  if (!q || w->precision == AN_PREC_NONE) return;
  if (w->precision == AN_PREC_TIME) return;
  const char *slash = strchr(w->edtf, '/');
  if (slash) {
    S_qualify_text(w->edtf, (size_t)(slash - w->edtf), q, a, sizeof a);
    S_qualify_text(slash + 1, strlen(slash + 1), q, b, sizeof b);
    if (strlen(a) + strlen(b) + 2 > sizeof w->edtf) return;
    S_join(w->edtf, sizeof w->edtf, a, b);
  } else {
    S_qualify_text(w->edtf, strlen(w->edtf), q, a, sizeof a);
    S_copy(w->edtf, sizeof w->edtf, a);
  }
  w->flags |= q;
}

/* ---- display ------------------------------------------------------------ */

const char *an_ordinal_suffix(int n) {
  if (n % 100 >= 11 && n % 100 <= 13) return "th";
  switch (n % 10) {
  case 1: return "st";
  case 2: return "nd";
  case 3: return "rd";
  default: return "th";
  }
}

/* "Fri 22 Dec 2023" (long) or "22 Dec 2023" (short). */
static void S_day_text(int32_t day, int weekday, char *out, size_t n) {
  int y, m, d;
  an_day_to_ymd(day, &y, &m, &d);
  if (weekday)
    snprintf(out, n, "%s %d %s %d", S_wd_abbr[an_day_weekday(day) - 1], d,
             S_month_abbr[m - 1], y);
  else
    snprintf(out, n, "%d %s %d", d, S_month_abbr[m - 1], y);
}

/* Display of a non-interval value without qualifiers; `full` adds the
 * weekday to days and the date range to weeks. */
static void S_point_text(const an_when *w, int full, char *out, size_t n) {
  int y, m, d;
  an_day_to_ymd(w->first, &y, &m, &d);
  switch (w->precision) {
  case AN_PREC_TIME: {
    const char *t = strchr(w->edtf, 'T');
    char day[40], clock[16] = "", zone[16] = "";
    S_day_text(w->first, full, day, sizeof day);
    if (t && strlen(t) >= 6) {
      const char *z = t + 6;
      if (z[0] == ':' && S_digit(z[1]) && S_digit(z[2]) &&
          !(z[1] == '0' && z[2] == '0')) {
        snprintf(clock, sizeof clock, "%.8s", t + 1);
        z += 3;
      } else {
        snprintf(clock, sizeof clock, "%.5s", t + 1);
        if (z[0] == ':') z += 3;
      }
      if (z[0] == '.') {
        z++;
        while (S_digit(*z)) z++;
      }
      if (z[0] == 'Z')
        snprintf(zone, sizeof zone, " UTC");
      else if (z[0] == '+' || z[0] == '-')
        snprintf(zone, sizeof zone, " UTC%.6s", z);
    }
    snprintf(out, n, "%s%s, %s", clock, zone, day);
    break;
  }
  case AN_PREC_DAY:
    S_day_text(w->first, full, out, n);
    break;
  case AN_PREC_WEEK: {
    int iy, wk, y2, m2, d2;
    an_day_iso_week(w->first, &iy, &wk);
    an_day_to_ymd(w->last, &y2, &m2, &d2);
    if (!full)
      snprintf(out, n, "week %d of %d", wk, iy);
    else if (m == m2)
      snprintf(out, n, "week %d of %d (%d-%d %s)", wk, iy, d, d2,
               S_month_abbr[m - 1]);
    else if (y == y2)
      snprintf(out, n, "week %d of %d (%d %s-%d %s)", wk, iy, d,
               S_month_abbr[m - 1], d2, S_month_abbr[m2 - 1]);
    else
      snprintf(out, n, "week %d of %d (%d %s %d-%d %s %d)", wk, iy, d,
               S_month_abbr[m - 1], y, d2, S_month_abbr[m2 - 1], y2);
    break;
  }
  case AN_PREC_MONTH:
    snprintf(out, n, "%s %d", S_month_names[m - 1], y);
    break;
  case AN_PREC_QUARTER:
    snprintf(out, n, "Q%d %d", (m - 1) / 3 + 1, y);
    break;
  case AN_PREC_HALF:
    snprintf(out, n, "H%d %d", (m - 1) / 6 + 1, y);
    break;
  case AN_PREC_SEASON: {
    static const char *const names[4] = {"spring", "summer", "autumn", "winter"};
    const char *dash = strchr(w->edtf, '-');
    int code = dash ? S_two(dash + 1) : -1;
    int sy = y;
    if (code < 21 || code > 32) code = m == 12 ? 24 : 21 + (m - 3) / 3;
    int south = code >= 29;
    int idx = code >= 29 ? (code - 29 + 0) : (code - 21) % 4;
    /* southern: 29 spring (Sep), 30 summer (Dec), 31 autumn (Mar), 32 winter (Jun) */
    int wraps = m == 12;
    if (wraps && (sy + 1) % 100 == 0)
      snprintf(out, n, "%s %d-%d%s", names[idx], sy, sy + 1,
               south ? " (southern hemisphere)" : "");
    else if (wraps)
      snprintf(out, n, "%s %d-%02d%s", names[idx], sy, (sy + 1) % 100,
               south ? " (southern hemisphere)" : "");
    else
      snprintf(out, n, "%s %d%s", names[idx], sy,
               south ? " (southern hemisphere)" : "");
    break;
  }
  case AN_PREC_YEAR:
    snprintf(out, n, "%d", y);
    break;
  case AN_PREC_DECADE: {
    int y0 = y - y % 10;
    snprintf(out, n, "the %ds", y0);
    break;
  }
  case AN_PREC_CENTURY: {
    int c = y / 100 + 1;
    snprintf(out, n, "the %d%s century", c, an_ordinal_suffix(c));
    break;
  }
  default:
    snprintf(out, n, "%s", w->edtf);
    break;
  }
}

static void S_qualified(const char *text, unsigned flags, char *out, size_t n) {
  int a = (flags & AN_WHEN_APPROXIMATE) != 0, u = (flags & AN_WHEN_UNCERTAIN) != 0;
  snprintf(out, n, "%s%s%s", a ? "about " : "", text, u ? " (uncertain)" : "");
}

void an_when_display(const an_when *w, char *out, size_t outlen) {
  char t[160], t2[160], q1[200], q2[200];
  if (!out || !outlen) return;
  out[0] = '\0';
  if (!w || w->precision == AN_PREC_NONE) return;
  if (w->precision != AN_PREC_INTERVAL) {
    S_point_text(w, 1, t, sizeof t);
    S_qualified(t, w->flags, out, outlen);
    return;
  }
  /* interval: re-read each end from the EDTF text for its own qualifiers */
  const char *slash = strchr(w->edtf, '/');
  an_when a, b;
  int ha = 0, hb = 0;
  char part[96];
  if (slash) {
    size_t la = (size_t)(slash - w->edtf);
    snprintf(part, sizeof part, "%.*s", (int)la, w->edtf);
    ha = la > 0 && strcmp(part, "..") != 0 && an_when_parse(part, &a, NULL, 0);
    hb = slash[1] && strcmp(slash + 1, "..") != 0 &&
         an_when_parse(slash + 1, &b, NULL, 0);
  }
  if (!ha && w->first != AN_DAY_MIN) {
    an_when_make(&a, AN_PREC_DAY, w->first, w->first);
    ha = 1;
  }
  if (!hb && w->last != AN_DAY_MAX) {
    an_when_make(&b, AN_PREC_DAY, w->last, w->last);
    hb = 1;
  }
  if (ha) {
    S_point_text(&a, 0, t, sizeof t);
    S_qualified(t, a.flags, q1, sizeof q1);
  }
  if (hb) {
    S_point_text(&b, 0, t2, sizeof t2);
    S_qualified(t2, b.flags, q2, sizeof q2);
  }
  if (ha && hb)
    snprintf(out, outlen, "%s to %s", q1, q2);
  else if (ha)
    snprintf(out, outlen, (w->flags & AN_WHEN_UNKNOWN_END) ? "from %s (end unknown)"
                                                          : "since %s",
             q1);
  else if (hb)
    snprintf(out, outlen, (w->flags & AN_WHEN_UNKNOWN_START)
                              ? "until %s (start unknown)"
                              : "until %s",
             q2);
  else
    snprintf(out, outlen, "%s", w->edtf);
}

const char *an_precision_name(an_precision p) {
  switch (p) {
  case AN_PREC_TIME: return "time";
  case AN_PREC_DAY: return "day";
  case AN_PREC_WEEK: return "week";
  case AN_PREC_MONTH: return "month";
  case AN_PREC_QUARTER: return "quarter";
  case AN_PREC_SEASON: return "season";
  case AN_PREC_HALF: return "half";
  case AN_PREC_YEAR: return "year";
  case AN_PREC_DECADE: return "decade";
  case AN_PREC_CENTURY: return "century";
  case AN_PREC_INTERVAL: return "interval";
  default: return "none";
  }
}

/* ---- order -------------------------------------------------------------- */

/* Seconds into the UTC day of a date-time's edtf, or -1. */
static int64_t S_time_secs(const an_when *w) {
  const char *t;
  if (w->precision != AN_PREC_TIME || !(t = strchr(w->edtf, 'T'))) return -1;
  int hh = S_two(t + 1), mm = S_two(t + 4), ss = 0;
  if (hh < 0 || mm < 0) return -1;
  const char *z = t + 6;
  if (*z == ':') {
    ss = S_two(z + 1);
    if (ss < 0) ss = 0;
    z += 3;
  }
  if (*z == '.')
    for (z++; S_digit(*z); z++) {
    }
  int64_t off = 0;
  if (*z == '+' || *z == '-') {
    int oh = S_two(z + 1), om = S_two(z + 4);
    off = (int64_t)(oh < 0 ? 0 : oh) * 3600 + (om < 0 ? 0 : om) * 60;
    if (*z == '-') off = -off;
  }
  return (int64_t)hh * 3600 + mm * 60 + ss - off;
}

int an_when_compare(const an_when *a, const an_when *b) {
  if (a->first != b->first) return a->first < b->first ? -1 : 1;
  int64_t sa = (int64_t)a->last - a->first, sb = (int64_t)b->last - b->first;
  if (sa != sb) return sa < sb ? -1 : 1;
  if (a->precision != b->precision) return a->precision < b->precision ? -1 : 1;
  int64_t ta = S_time_secs(a), tb = S_time_secs(b);
  if (ta != tb) return ta < tb ? -1 : 1;
  int c = strcmp(a->edtf, b->edtf);
  return c < 0 ? -1 : c > 0;
}

int an_when_overlaps(const an_when *a, const an_when *b) {
  if (a->precision == AN_PREC_NONE || b->precision == AN_PREC_NONE) return 0;
  return a->first <= b->last && b->first <= a->last;
}
