/* phrase.c - reading a news phrase as a time (see phrase.h, docs/times.md).
 *
 * Pipeline: the phrase (UTF-8, at most 200 bytes) is first tried as an
 * explicit EDTF value; otherwise it is folded to ASCII tokens (curly
 * apostrophes, dashes and non-breaking spaces mapped; any other non-ASCII
 * byte is an unreadable token), lower-cased, and then:
 *   1. repetitions ("every Friday", "weekly", "24/7", "Fridays") and
 *      durations ("for two years", a bare "two years") are errors;
 *   2. time-of-day words are dropped and keep the day ("Friday night",
 *      "2 p.m. Tuesday"); "last night" is yesterday, "this morning" and
 *      "tonight" today;
 *   3. filler words are dropped: on the in of at during over just, and
 *      possessive 's ("last week's"); trailing event nouns after a day
 *      ("a Wednesday briefing") and a leading a/an before it;
 *   4. a leading qualifier marks the result: about/around/circa/c./ca./
 *      approximately/roughly (~), probably/possibly/perhaps/reportedly (?);
 *   5. the rest must match one of the forms below entirely.
 *
 * Grammar (P = publication day, S = the story time passed by the caller):
 *   since X                        X .. P (interval)
 *   from X to|until|through Y, between X and Y, X to Y, X-Y
 *                                  both ends resolved; a missing year or
 *                                  month is taken from the other end
 *   post-|after|since ERA, pre-|before ERA, ERA (WWI, WWII, the Cold War)
 *   today now tonight yesterday tomorrow, day before yesterday, ...
 *   WD | last/past/this past WD | this/coming/this coming WD | next WD
 *   following/previous WD, next/following/previous day, that/same day,
 *   following/previous week|month|year, N UNIT later|earlier|after|before
 *                                  story-relative (S; error without S)
 *   N UNIT ago                     calendar arithmetic to a DAY (clamped)
 *   last|this|next week|month|year|quarter|weekend|decade|century|MONTH|SEASON
 *   the week|month|year before last
 *   last|past N UNIT, past UNIT    span: P minus N UNIT .. P
 *   earlier|later this week|month|year, earlier|later today,
 *   so far this week|month|year
 *   early|mid|late|beginning|start|middle|end X   narrowed (see docs)
 *   SEASON [YEAR], Qn [YEAR], first..fourth quarter [YEAR], H1/H2,
 *   first|second half [YEAR]       bare: the most recent one started by P
 *   [WD] MONTH DAY [YEAR], [WD] DAY MONTH [YEAR], MONTH YEAR, MONTH,
 *   the 26th, 2023-12-26, 12/06/2023 (needs the date order or a day > 12)
 *   YEAR, DECADE (1990s, '90s, nineties), CENTURY (20th century)
 *   week X (the ISO week holding the day X)
 *   A date without a year is the occurrence nearest P (ties to the past);
 *   a bare month, season, quarter or half the most recent one begun by P.
 *
 * Results keep their precision: a weekday is a DAY, "last week" a WEEK
 * (ISO), "December 2023" a MONTH, spans and ranges are intervals whose
 * ends keep their own precision ("since February 2022" =
 * 2022-02/2023-12-28).  "N units ago" is calendar arithmetic to a DAY
 * (clamped at month ends).  The user-facing table of every form, with
 * examples, is docs/times.md.
 *
 * Robustness: input over 200 bytes is refused; tokens are bounded; every
 * form is matched over a slice of at most ~200 tokens, ranges try each
 * separator once (quadratic in the token count at worst), and nothing
 * allocates.  No global state; every result says its rule and anchor in
 * out->rule. */
#include "phrase.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#define S_MAXLEN 200
#define S_MAXTOK 220

typedef enum { TK_WORD, TK_NUM, TK_PUNCT, TK_BAD } S_tkind;

typedef struct {
  S_tkind kind;
  char w[24];   /* word, lower case ("" when too long); punct: the char */
  int num;      /* number value (capped at 9999999) */
  int nd;       /* number of digits */
  char suf[8];  /* letters glued after a number: s st nd rd th am pm */
  int apos;     /* number written after an apostrophe ('90s) */
} S_tok;

typedef struct {
  an_when w;
  char why[220];
} S_res;

typedef enum { DT_VALUE, DT_DATE, DT_MONTH, DT_DAYNUM, DT_NUM2 } S_dtkind;

typedef struct {
  S_dtkind kind;
  int y, m, d, wd; /* y 0 when not given */
  int plain;       /* DT_DAYNUM written as a plain number */
  int ywhy;        /* 1: the year came from "last year" etc. */
  S_res r;         /* DT_VALUE */
} S_term;

typedef struct {
  int32_t pub;
  int py, pm, pd, pwd;
  const an_when *story;
  an_date_order order;
  int n;
  int used_pub, used_story;
  char err[320];
  int has_err;
  char quoted[120];
  char tod[40]; /* the time-of-day words dropped */
  /* last: an_phrase_resolve clears what comes before it, S_push each
   * token it adds (11 KB cleared per phrase was a tenth of its time) */
  S_tok t[S_MAXTOK];
} S_ctx;

/* ---- small helpers ------------------------------------------------------ */

static void S_setf(char *out, size_t n, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
static void S_setf(char *out, size_t n, const char *fmt, ...) {
  va_list ap;
  if (!out || !n) return;
  va_start(ap, fmt);
  vsnprintf(out, n, fmt, ap);
  va_end(ap);
}

/* A specific error (kept over the generic "cannot read"); first one wins. */
static int S_error(S_ctx *c, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
static int S_error(S_ctx *c, const char *fmt, ...) {
  if (!c->has_err) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->err, sizeof c->err, fmt, ap);
    va_end(ap);
    c->has_err = 1;
  }
  return 0;
}

static int S_is_letter(char ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}
static int S_is_digit(char ch) { return ch >= '0' && ch <= '9'; }
static char S_lower(char ch) {
  return (ch >= 'A' && ch <= 'Z') ? (char)(ch - 'A' + 'a') : ch;
}

static int S_list(const char *w, const char *const *list) {
  for (int i = 0; list[i]; i++)
    if (strcmp(w, list[i]) == 0) return i + 1;
  return 0;
}

static int S_w(const S_ctx *c, int i, const char *w) {
  return i >= 0 && i < c->n && c->t[i].kind == TK_WORD && strcmp(c->t[i].w, w) == 0;
}

static int S_win(const S_ctx *c, int i, const char *const *list) {
  if (i < 0 || i >= c->n || c->t[i].kind != TK_WORD) return 0;
  return S_list(c->t[i].w, list);
}

static int S_punct(const S_ctx *c, int i, char ch) {
  return i >= 0 && i < c->n && c->t[i].kind == TK_PUNCT && c->t[i].w[0] == ch;
}

static int S_plain_num(const S_ctx *c, int i) {
  return i >= 0 && i < c->n && c->t[i].kind == TK_NUM && !c->t[i].suf[0] &&
         !c->t[i].apos;
}

static int S_year_tok(const S_ctx *c, int i) {
  return S_plain_num(c, i) && c->t[i].nd == 4 && c->t[i].num >= 1000;
}

static void S_daytxt(int32_t day, char *out, size_t n) {
  an_when w;
  an_when_make(&w, AN_PREC_DAY, day, day);
  an_when_display(&w, out, n);
}

/* "Thu 28 Dec 2023, the publication date" */
static const char *S_pubtxt(S_ctx *c, char *buf, size_t n) {
  char d[64];
  c->used_pub = 1;
  S_daytxt(c->pub, d, sizeof d);
  S_setf(buf, n, "%s, the publication date", d);
  return buf;
}

static const char *S_storytxt(S_ctx *c, char *buf, size_t n) {
  char d[160];
  c->used_story = 1;
  an_when_display(c->story, d, sizeof d);
  S_setf(buf, n, "%s, the preceding time in the story", d);
  return buf;
}

static const char *const S_months[] = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december",
    NULL};
static const char *const S_months3[] = {"jan", "feb", "mar", "apr", "may",
                                        "jun", "jul", "aug", "sep", "oct",
                                        "nov", "dec", NULL};
static const char *const S_month_title[] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
static const char *const S_wd_title[] = {"Monday", "Tuesday",  "Wednesday",
                                         "Thursday", "Friday", "Saturday",
                                         "Sunday"};

static int S_month(const S_ctx *c, int i) {
  int k;
  if (i < 0 || i >= c->n || c->t[i].kind != TK_WORD) return 0;
  if ((k = S_list(c->t[i].w, S_months))) return k;
  if ((k = S_list(c->t[i].w, S_months3))) return k;
  if (strcmp(c->t[i].w, "sept") == 0) return 9;
  return 0;
}

static int S_weekday(const S_ctx *c, int i) {
  static const char *const full[] = {"monday", "tuesday", "wednesday",
                                     "thursday", "friday", "saturday",
                                     "sunday", NULL};
  static const char *const abbr[] = {"mon", "tue", "wed", "thu", "fri",
                                     "sat", "sun", NULL};
  int k;
  if (i < 0 || i >= c->n || c->t[i].kind != TK_WORD) return 0;
  if ((k = S_list(c->t[i].w, full))) return k;
  if ((k = S_list(c->t[i].w, abbr))) return k;
  if (strcmp(c->t[i].w, "tues") == 0) return 2;
  if (strcmp(c->t[i].w, "weds") == 0) return 3;
  if (strcmp(c->t[i].w, "thur") == 0 || strcmp(c->t[i].w, "thurs") == 0) return 4;
  return 0;
}

/* season index 1 spring .. 4 winter */
static int S_season(const S_ctx *c, int i) {
  static const char *const s[] = {"spring", "summer", "autumn", "winter", NULL};
  if (S_w(c, i, "fall")) return 3;
  return S_win(c, i, s);
}
static const char *const S_season_name[] = {"spring", "summer", "autumn",
                                            "winter"};

typedef enum { U_NONE, U_DAY, U_WEEK, U_FORTNIGHT, U_MONTH, U_YEAR, U_DECADE,
               U_CENTURY, U_HOUR } S_unit;

static S_unit S_unit_at(const S_ctx *c, int i, int *plural) {
  static const struct { const char *s, *p; S_unit u; } units[] = {
      {"day", "days", U_DAY},         {"week", "weeks", U_WEEK},
      {"fortnight", "fortnights", U_FORTNIGHT},
      {"month", "months", U_MONTH},   {"year", "years", U_YEAR},
      {"decade", "decades", U_DECADE}, {"century", "centuries", U_CENTURY},
      {"hour", "hours", U_HOUR},      {"minute", "minutes", U_HOUR},
      {"yr", "yrs", U_YEAR},          {"wk", "wks", U_WEEK},
      {"mo", "mos", U_MONTH}};
  if (i < 0 || i >= c->n || c->t[i].kind != TK_WORD) return U_NONE;
  for (size_t k = 0; k < sizeof units / sizeof units[0]; k++) {
    if (strcmp(c->t[i].w, units[k].s) == 0) {
      if (plural) *plural = 0;
      return units[k].u;
    }
    if (strcmp(c->t[i].w, units[k].p) == 0) {
      if (plural) *plural = 1;
      return units[k].u;
    }
  }
  return U_NONE;
}

static const char *S_unit_name(S_unit u, int n) {
  static const char *const one[] = {"", "day", "week", "fortnight", "month",
                                    "year", "decade", "century", "hour"};
  static const char *const many[] = {"", "days", "weeks", "fortnights",
                                     "months", "years", "decades",
                                     "centuries", "hours"};
  return n == 1 ? one[u] : many[u];
}

static const char *const S_ones[] = {
    "one",     "two",     "three",     "four",     "five",
    "six",     "seven",   "eight",     "nine",     "ten",
    "eleven",  "twelve",  "thirteen",  "fourteen", "fifteen",
    "sixteen", "seventeen", "eighteen", "nineteen", NULL};
static const char *const S_tens[] = {"twenty", "thirty", "forty", "fifty",
                                     "sixty", "seventy", "eighty", "ninety",
                                     NULL};

/* A count at i: digits, a/an, one..ninety-nine. Returns the number of
 * tokens used (0 if none); *vague = 1 for few/several/couple/some. */
static int S_count(const S_ctx *c, int i, int e, int *val, int *vague) {
  int k;
  *vague = 0;
  if (i >= e) return 0;
  if (S_plain_num(c, i)) {
    *val = c->t[i].num;
    return 1;
  }
  if (S_w(c, i, "a") || S_w(c, i, "an")) {
    if (i + 1 < e && (S_w(c, i + 1, "few") || S_w(c, i + 1, "couple"))) {
      *vague = 1;
      return (i + 2 < e && S_w(c, i + 2, "of")) ? 3 : 2;
    }
    *val = 1;
    return 1;
  }
  if (S_w(c, i, "few") || S_w(c, i, "several") || S_w(c, i, "couple") ||
      S_w(c, i, "some") || S_w(c, i, "many")) {
    *vague = 1;
    return 1;
  }
  if ((k = S_win(c, i, S_ones))) {
    *val = k;
    return 1;
  }
  if ((k = S_win(c, i, S_tens))) {
    int j = i + 1, u;
    *val = (k + 1) * 10;
    if (j < e && S_punct(c, j, '-')) j++;
    if (j < e && (u = S_win(c, j, S_ones)) && u < 10) {
      *val += u;
      return j - i + 1;
    }
    return 1;
  }
  return 0;
}

/* An ordinal at i: 26th, first .. thirty-first. Returns tokens used. */
static int S_ordinal(const S_ctx *c, int i, int e, int *val) {
  static const char *const ord[] = {
      "first",      "second",     "third",      "fourth",      "fifth",
      "sixth",      "seventh",    "eighth",     "ninth",       "tenth",
      "eleventh",   "twelfth",    "thirteenth", "fourteenth",  "fifteenth",
      "sixteenth",  "seventeenth", "eighteenth", "nineteenth", "twentieth",
      NULL};
  int k;
  if (i >= e) return 0;
  if (c->t[i].kind == TK_NUM && !c->t[i].apos &&
      (!strcmp(c->t[i].suf, "st") || !strcmp(c->t[i].suf, "nd") ||
       !strcmp(c->t[i].suf, "rd") || !strcmp(c->t[i].suf, "th"))) {
    *val = c->t[i].num;
    return 1;
  }
  if ((k = S_win(c, i, ord))) {
    *val = k;
    return 1;
  }
  if (S_w(c, i, "thirtieth")) {
    *val = 30;
    return 1;
  }
  if ((S_w(c, i, "twenty") || S_w(c, i, "thirty"))) {
    int j = i + 1;
    if (j < e && S_punct(c, j, '-')) j++;
    if (j < e && (k = S_win(c, j, ord)) && k < 10) {
      *val = (S_w(c, i, "twenty") ? 20 : 30) + k;
      return j - i + 1;
    }
  }
  return 0;
}

static int32_t S_min_day(void) { return an_day_from_ymd(1, 1, 1); }
static int32_t S_max_day(void) { return an_day_from_ymd(9999, 12, 31); }

static int S_day_ok(S_ctx *c, int64_t day) {
  if (day < S_min_day() || day > S_max_day())
    return S_error(c, "'%s' falls outside the years 1 to 9999", c->quoted);
  return 1;
}

/* day moved by n units (calendar arithmetic, clamped at month ends).
 * Days and weeks move in 64 bits (counts are capped at 9999999 by the
 * tokenizer, so "300000 days ago" is a day in 1202); the month-based units
 * go through an int count of months, so a count past any date in 1..9999
 * is cut short to a day outside the range. */
static int64_t S_shift(int32_t day, S_unit u, int64_t n, int *clamped) {
  if (clamped) *clamped = 0;
  if (n > 100000000 || n < -100000000) return n > 0 ? INT32_MAX : INT32_MIN;
  switch (u) {
  case U_DAY: return (int64_t)day + n;
  case U_WEEK: return (int64_t)day + 7 * n;
  case U_FORTNIGHT: return (int64_t)day + 14 * n;
  default: break;
  }
  if (n > 200000 || n < -200000) return n > 0 ? INT32_MAX : INT32_MIN;
  switch (u) {
  case U_MONTH: return an_day_add_months(day, (int)n, clamped);
  case U_YEAR: return an_day_add_months(day, (int)(12 * n), clamped);
  case U_DECADE: return an_day_add_months(day, (int)(120 * n), clamped);
  case U_CENTURY:
    if (n > 20000 || n < -20000) return n > 0 ? INT32_MAX : INT32_MIN;
    return an_day_add_months(day, (int)(1200 * n), clamped);
  default: return day;
  }
}

static void S_make(S_res *r, an_precision p, int32_t day) {
  an_when_make(&r->w, p, day, day);
}

static int S_interval_days(S_ctx *c, S_res *r, int32_t a, int32_t b) {
  an_when wa, wb;
  char err[160];
  if (a == b) {
    S_make(r, AN_PREC_DAY, a);
    return 1;
  }
  an_when_make(&wa, AN_PREC_DAY, a, a);
  an_when_make(&wb, AN_PREC_DAY, b, b);
  if (!an_when_make_interval(&r->w, &wa, &wb, err, sizeof err))
    return S_error(c, "'%s': %s", c->quoted, err);
  return 1;
}

static int S_interval(S_ctx *c, S_res *r, const an_when *a, const an_when *b) {
  char err[200];
  if (!an_when_make_interval(&r->w, a, b, err, sizeof err))
    return S_error(c, "'%s': %s", c->quoted, err);
  return 1;
}

static int S_need_story(S_ctx *c) {
  if (!c->story || c->story->precision == AN_PREC_NONE)
    return S_error(c,
                   "'%s' is relative to the story, and no time precedes it in "
                   "this file; write an explicit value such as [%s](^%04d-%02d)",
                   c->quoted, c->quoted, c->py, c->pm);
  if (c->story->first == AN_DAY_MIN || c->story->last == AN_DAY_MAX)
    return S_error(c,
                   "'%s' is relative to the preceding time, which is open-ended; "
                   "write an explicit value such as [%s](^%04d-%02d)",
                   c->quoted, c->quoted, c->py, c->pm);
  return 1;
}

/* ---- terms: weekdays, relative units ------------------------------------ */

static int S_weekday_form(S_ctx *c, int b, int e, S_res *r) {
  int L = e - b, wd, k;
  char a[120];
  int32_t p = c->pub, day;
  if (L == 1 && (wd = S_weekday(c, b))) {
    k = (c->pwd - wd + 7) % 7;
    day = p - k;
    S_make(r, AN_PREC_DAY, day);
    S_setf(r->why, sizeof r->why, "the most recent %s on or before %s",
           S_wd_title[wd - 1], S_pubtxt(c, a, sizeof a));
    return 1;
  }
  /* "this past Monday" is "past Monday"; "this coming Monday" "coming Monday" */
  if (L == 3 && S_w(c, b, "this") && (S_w(c, b + 1, "past") || S_w(c, b + 1, "coming")) &&
      (wd = S_weekday(c, b + 2)))
    b++, L = 2;
  if (L != 2 || !(wd = S_weekday(c, b + 1))) return 0;
  if (S_w(c, b, "last") || S_w(c, b, "past")) {
    k = (c->pwd - wd + 7) % 7;
    if (k == 0) k = 7;
    S_make(r, AN_PREC_DAY, p - k);
    S_setf(r->why, sizeof r->why, "the last %s strictly before %s",
           S_wd_title[wd - 1], S_pubtxt(c, a, sizeof a));
    return 1;
  }
  if (S_w(c, b, "this") || S_w(c, b, "coming")) {
    S_make(r, AN_PREC_DAY, p + (wd - c->pwd + 7) % 7);
    S_setf(r->why, sizeof r->why, "the coming %s, on or after %s",
           S_wd_title[wd - 1], S_pubtxt(c, a, sizeof a));
    return 1;
  }
  if (S_w(c, b, "next")) {
    int32_t monday = p - (c->pwd - 1) + 7;
    S_make(r, AN_PREC_DAY, monday + wd - 1);
    S_setf(r->why, sizeof r->why,
           "the %s of the week after the publication week (%s)",
           S_wd_title[wd - 1], S_pubtxt(c, a, sizeof a));
    return 1;
  }
  if (S_w(c, b, "following") || S_w(c, b, "subsequent")) {
    if (!S_need_story(c)) return 0;
    int32_t s = c->story->last;
    k = (wd - an_day_weekday(s) + 7) % 7;
    if (k == 0) k = 7;
    S_make(r, AN_PREC_DAY, s + k);
    S_setf(r->why, sizeof r->why, "the first %s after %s", S_wd_title[wd - 1],
           S_storytxt(c, a, sizeof a));
    return 1;
  }
  if (S_w(c, b, "previous") || S_w(c, b, "preceding")) {
    if (!S_need_story(c)) return 0;
    int32_t s = c->story->first;
    k = (an_day_weekday(s) - wd + 7) % 7;
    if (k == 0) k = 7;
    S_make(r, AN_PREC_DAY, s - k);
    S_setf(r->why, sizeof r->why, "the last %s before %s", S_wd_title[wd - 1],
           S_storytxt(c, a, sizeof a));
    return 1;
  }
  return 0;
}

static int S_dayword_form(S_ctx *c, int b, int e, S_res *r) {
  int L = e - b;
  char a[120];
  int off;
  const char *what;
  if (L == 1 && (S_w(c, b, "today") || S_w(c, b, "now") || S_w(c, b, "currently") ||
                 S_w(c, b, "presently") || S_w(c, b, "tonight"))) {
    off = 0;
    what = "the publication day";
  } else if (L == 1 && S_w(c, b, "yesterday")) {
    off = -1;
    what = "the day before";
  } else if (L == 1 && S_w(c, b, "tomorrow")) {
    off = 1;
    what = "the day after";
  } else if (L == 3 && S_w(c, b, "day") && S_w(c, b + 1, "before") &&
             S_w(c, b + 2, "yesterday")) {
    off = -2;
    what = "two days before";
  } else if (L == 3 && S_w(c, b, "day") && S_w(c, b + 1, "after") &&
             S_w(c, b + 2, "tomorrow")) {
    off = 2;
    what = "two days after";
  } else {
    return 0;
  }
  S_make(r, AN_PREC_DAY, c->pub + off);
  if (off == 0)
    S_setf(r->why, sizeof r->why, "the day of %s", S_pubtxt(c, a, sizeof a));
  else
    S_setf(r->why, sizeof r->why, "%s %s", what, S_pubtxt(c, a, sizeof a));
  return 1;
}

/* The unit value holding `day` for the calendar units. */
static an_precision S_unit_prec(S_unit u) {
  switch (u) {
  case U_DAY: return AN_PREC_DAY;
  case U_WEEK: return AN_PREC_WEEK;
  case U_MONTH: return AN_PREC_MONTH;
  case U_YEAR: return AN_PREC_YEAR;
  case U_DECADE: return AN_PREC_DECADE;
  case U_CENTURY: return AN_PREC_CENTURY;
  default: return AN_PREC_NONE;
  }
}

/* last|this|next|current|coming week|month|year|quarter|weekend|decade|century
 * and "the week|month|year before last" / "after next". */
static int S_relunit_form(S_ctx *c, int b, int e, S_res *r) {
  int L = e - b, dir, pl = 0;
  char a[120];
  S_unit u;
  int quarter = 0, weekend = 0;
  if (L == 3 && (u = S_unit_at(c, b, &pl)) != U_NONE && !pl && u != U_HOUR &&
      ((S_w(c, b + 1, "before") && S_w(c, b + 2, "last")) ||
       (S_w(c, b + 1, "after") && S_w(c, b + 2, "next")))) {
    dir = S_w(c, b + 1, "before") ? -2 : 2;
  } else if (L == 2 && (S_w(c, b, "last") || S_w(c, b, "this") ||
                        S_w(c, b, "next") || S_w(c, b, "current") ||
                        S_w(c, b, "coming"))) {
    dir = S_w(c, b, "last") ? -1 : S_w(c, b, "next") ? 1 : 0;
    if (S_w(c, b, "coming")) dir = 1;
    u = S_unit_at(c, b + 1, &pl);
    if (S_w(c, b + 1, "quarter")) quarter = 1, u = U_MONTH;
    else if (S_w(c, b + 1, "weekend")) weekend = 1, u = U_WEEK;
    else if (u == U_NONE || pl || u == U_HOUR || u == U_DAY || u == U_FORTNIGHT)
      return 0;
  } else if (L == 1 && S_w(c, b, "weekend")) {
    /* the most recent weekend begun on or before publication */
    int32_t sat = c->pub - ((c->pwd - 6 + 7) % 7);
    if (!S_interval_days(c, r, sat, sat + 1)) return 0;
    S_setf(r->why, sizeof r->why,
           "the most recent weekend (Saturday and Sunday) begun by %s",
           S_pubtxt(c, a, sizeof a));
    return 1;
  } else {
    return 0;
  }
  const char *rel = dir == -2 ? "two before the one holding"
                  : dir == -1 ? "before the one holding"
                  : dir == 0  ? "holding" : dir == 1 ? "after the one holding"
                              : "two after the one holding";
  if (weekend) {
    int32_t sat = c->pub - (c->pwd - 1) + 5 + 7 * dir;
    if (!S_interval_days(c, r, sat, sat + 1)) return 0;
    S_setf(r->why, sizeof r->why,
           "the Saturday and Sunday of %s week of %s",
           dir < 0 ? "the previous" : dir > 0 ? "the next" : "the publication",
           S_pubtxt(c, a, sizeof a));
    return 1;
  }
  if (quarter) {
    int64_t d = S_shift(c->pub, U_MONTH, 3 * dir, NULL);
    if (!S_day_ok(c, d)) return 0;
    S_make(r, AN_PREC_QUARTER, (int32_t)d);
    S_setf(r->why, sizeof r->why, "the calendar quarter %s %s", rel,
           S_pubtxt(c, a, sizeof a));
    return 1;
  }
  int64_t d = u == U_WEEK ? (int64_t)c->pub + 7 * dir : S_shift(c->pub, u, dir, NULL);
  if (!S_day_ok(c, d)) return 0;
  S_make(r, S_unit_prec(u), (int32_t)d);
  if (u == U_WEEK)
    S_setf(r->why, sizeof r->why, "the ISO week (Monday to Sunday) %s %s", rel,
           S_pubtxt(c, a, sizeof a));
  else
    S_setf(r->why, sizeof r->why, "the calendar %s %s %s", S_unit_name(u, 1),
           rel, S_pubtxt(c, a, sizeof a));
  return 1;
}

/* Story-relative: next/following/previous day, that day, following week... */
static int S_story_form(S_ctx *c, int b, int e, S_res *r) {
  int L = e - b, pl = 0, dir;
  S_unit u = U_NONE;
  char a[200];
  if (L == 2 && (S_w(c, b, "same") || S_w(c, b, "that")) &&
      (u = S_unit_at(c, b + 1, &pl)) != U_NONE && !pl && u != U_HOUR &&
      u != U_FORTNIGHT) {
    dir = 0;
  } else if (L == 2 && (S_w(c, b, "following") || S_w(c, b, "subsequent") ||
                        S_w(c, b, "previous") || S_w(c, b, "preceding") ||
                        (S_w(c, b, "next") && S_w(c, b + 1, "day"))) &&
             (u = S_unit_at(c, b + 1, &pl)) != U_NONE && !pl && u != U_HOUR &&
             u != U_FORTNIGHT) {
    dir = (S_w(c, b, "previous") || S_w(c, b, "preceding")) ? -1 : 1;
  } else if (L == 2 && S_w(c, b, "day") &&
             (S_w(c, b + 1, "after") || S_w(c, b + 1, "before"))) {
    u = U_DAY;
    dir = S_w(c, b + 1, "after") ? 1 : -1;
  } else {
    return 0;
  }
  if (!S_need_story(c)) return 0;
  const an_when *s = c->story;
  int32_t base = dir < 0 ? s->first : s->last;
  an_precision p = S_unit_prec(u);
  int64_t d = u == U_WEEK ? (int64_t)base + 7 * dir : S_shift(base, u, dir, NULL);
  if (!S_day_ok(c, d)) return 0;
  S_make(r, p, (int32_t)d);
  S_setf(r->why, sizeof r->why, "the %s %s %s", S_unit_name(u, 1),
         dir < 0 ? "before" : dir > 0 ? "after" : "of",
         S_storytxt(c, a, sizeof a));
  return 1;
}

/* N UNIT ago (publication) / N UNIT later|earlier|after|before (story) */
static int S_offset_form(S_ctx *c, int b, int e, S_res *r) {
  int n = 0, vague = 0, k, pl = 0, clamped = 0;
  char a[200];
  S_unit u;
  if (e - b < 2) return 0;
  int last = e - 1;
  int ago = S_w(c, last, "ago") || S_w(c, last, "back");
  int later = S_w(c, last, "later") || S_w(c, last, "after") ||
              S_w(c, last, "afterwards") || S_w(c, last, "afterward");
  int earlier = S_w(c, last, "earlier") || S_w(c, last, "before") ||
                S_w(c, last, "previously") || S_w(c, last, "prior");
  if (!ago && !later && !earlier) return 0;
  k = S_count(c, b, last, &n, &vague);
  if (k == 0) {
    /* "years ago", "days later": a count is needed */
    if (S_unit_at(c, b, &pl) != U_NONE && b + 1 == last)
      return S_error(c,
                     "'%s' gives no number, so it is not a time; write an "
                     "explicit value such as [%s](^%04d-%02d)",
                     c->quoted, c->quoted, c->py, c->pm);
    return 0;
  }
  if (b + k + 1 != last) return 0;
  u = S_unit_at(c, b + k, &pl);
  if (u == U_NONE) return 0;
  if (vague)
    return S_error(c,
                   "'%s' is vague (no exact count); write the value you can "
                   "defend, e.g. [%s](^%04d-%02d~)",
                   c->quoted, c->quoted, c->py, c->pm);
  if (u == U_HOUR)
    return S_error(c,
                   "'%s' needs the time of publication, which a date does not "
                   "give; write the day, e.g. [%s](^%04d-%02d-%02d)",
                   c->quoted, c->quoted, c->py, c->pm, c->pd);
  if (ago) {
    int64_t d = S_shift(c->pub, u, -(int64_t)n, &clamped);
    if (!S_day_ok(c, d)) return 0;
    if (u == U_DECADE || u == U_CENTURY) {
      S_make(r, AN_PREC_YEAR, (int32_t)d);
      S_setf(r->why, sizeof r->why, "the year %d %s before %s", n,
             S_unit_name(u, n), S_pubtxt(c, a, sizeof a));
      return 1;
    }
    S_make(r, AN_PREC_DAY, (int32_t)d);
    S_setf(r->why, sizeof r->why, "%d %s before %s, by calendar arithmetic%s", n,
           S_unit_name(u, n), S_pubtxt(c, a, sizeof a),
           clamped ? " (clamped to the end of the month)" : "");
    return 1;
  }
  /* story-relative */
  if (!S_need_story(c)) return 0;
  const an_when *s = c->story;
  int sign = later ? 1 : -1;
  an_precision sp = s->precision;
  if (sp == AN_PREC_TIME || sp == AN_PREC_DAY) {
    int64_t d = S_shift(s->first, u, sign * (int64_t)n, &clamped);
    if (!S_day_ok(c, d)) return 0;
    if (u == U_DECADE || u == U_CENTURY)
      S_make(r, AN_PREC_YEAR, (int32_t)d);
    else
      S_make(r, AN_PREC_DAY, (int32_t)d);
  } else {
    /* a coarser story time moves as a whole: "a year earlier" than 2014
     * is 2013; when the shift does not keep the unit, the days move. */
    int64_t f = S_shift(s->first, u, sign * (int64_t)n, NULL);
    int64_t l = (u == U_DAY || u == U_WEEK || u == U_FORTNIGHT)
                    ? S_shift(s->last, u, sign * (int64_t)n, NULL)
                    : S_shift(s->last + 1, u, sign * (int64_t)n, NULL) - 1;
    if (!S_day_ok(c, f) || !S_day_ok(c, l)) return 0;
    an_when t;
    an_when_make(&t, sp, (int32_t)f, (int32_t)l);
    if (sp != AN_PREC_INTERVAL && t.first == f && t.last == l) {
      r->w = t;
    } else if (!S_interval_days(c, r, (int32_t)f, (int32_t)l)) {
      return 0;
    }
  }
  S_setf(r->why, sizeof r->why, "%d %s %s %s%s", n, S_unit_name(u, n),
         later ? "after" : "before", S_storytxt(c, a, sizeof a),
         clamped ? " (clamped to the end of the month)" : "");
  return 1;
}

/* the last|past N UNIT, the past UNIT: a span ending at publication */
static int S_span_form(S_ctx *c, int b, int e, S_res *r) {
  int n = 1, vague = 0, k = 0, pl = 0, clamped = 0;
  char a[200], d0[64];
  S_unit u;
  if (e - b < 2) return 0;
  int past = S_w(c, b, "past") || S_w(c, b, "recent");
  if (!past && !S_w(c, b, "last") && !S_w(c, b, "previous")) return 0;
  if (e - b > 2 || past) {
    k = S_count(c, b + 1, e - 1, &n, &vague);
    if (k == 0 && !past) return 0;
    if (b + 1 + k != e - 1) return 0;
  }
  u = S_unit_at(c, e - 1, &pl);
  if (u == U_NONE) return 0;
  if (k == 0 && pl) return 0;
  if (vague)
    return S_error(c,
                   "'%s' is vague (no exact count); write the interval you can "
                   "defend, e.g. [%s](^%04d/%04d-%02d-%02d)",
                   c->quoted, c->quoted, c->py - 3, c->py, c->pm, c->pd);
  if (u == U_HOUR)
    return S_error(c,
                   "'%s' needs the time of publication; write the day, e.g. "
                   "[%s](^%04d-%02d-%02d)",
                   c->quoted, c->quoted, c->py, c->pm, c->pd);
  if (n <= 0) return 0;
  int64_t d = S_shift(c->pub, u, -(int64_t)n, &clamped);
  if (!S_day_ok(c, d)) return 0;
  if (!S_interval_days(c, r, (int32_t)d, c->pub)) return 0;
  S_daytxt((int32_t)d, d0, sizeof d0);
  S_setf(r->why, sizeof r->why, "the %d %s up to %s, from %s%s", n,
         S_unit_name(u, n), S_pubtxt(c, a, sizeof a), d0,
         clamped ? " (clamped to the end of the month)" : "");
  return 1;
}

/* earlier|later this week|month|year, earlier|later today, so far this X */
static int S_earlier_form(S_ctx *c, int b, int e, S_res *r) {
  int L = e - b, pl = 0;
  char a[120];
  int earlier, sofar = 0;
  S_unit u;
  if (L == 4 && S_w(c, b, "so") && S_w(c, b + 1, "far")) {
    sofar = 1;
    b++, L = 3; /* "far this year": from the start to publication */
  }
  if (L == 2 && (S_w(c, b, "earlier") || S_w(c, b, "later") || sofar) &&
      (S_w(c, b + 1, "today") || S_w(c, b + 1, "tonight")) && !sofar) {
    S_make(r, AN_PREC_DAY, c->pub);
    S_setf(r->why, sizeof r->why, "the day of %s", S_pubtxt(c, a, sizeof a));
    return 1;
  }
  int has_this = L == 3 && (S_w(c, b + 1, "this") || S_w(c, b + 1, "current"));
  if (!(L == 2 || has_this)) return 0;
  if (!(S_w(c, b, "earlier") || S_w(c, b, "later") || sofar)) return 0;
  earlier = !S_w(c, b, "later");
  u = S_unit_at(c, e - 1, &pl);
  if (pl || (u != U_WEEK && u != U_MONTH && u != U_YEAR)) return 0;
  an_when unit;
  an_when_make(&unit, S_unit_prec(u), c->pub, c->pub);
  int32_t from, to;
  if (sofar) {
    from = unit.first;
    to = c->pub;
  } else if (earlier) {
    from = unit.first;
    to = c->pub - 1;
  } else {
    from = c->pub + 1;
    to = unit.last;
  }
  if (to < from)
    return S_error(c,
                   "'%s' is empty: %s is the %s day of its %s; write an "
                   "explicit value such as [%s](^%s)",
                   c->quoted, S_pubtxt(c, a, sizeof a),
                   earlier ? "first" : "last", S_unit_name(u, 1), c->quoted,
                   unit.edtf);
  if (!S_interval_days(c, r, from, to)) return 0;
  if (sofar)
    S_setf(r->why, sizeof r->why, "from the start of the %s to %s",
           S_unit_name(u, 1), S_pubtxt(c, a, sizeof a));
  else if (earlier)
    S_setf(r->why, sizeof r->why,
           "from the start of the %s to the day before %s", S_unit_name(u, 1),
           S_pubtxt(c, a, sizeof a));
  else
    S_setf(r->why, sizeof r->why, "from the day after %s to the end of the %s",
           S_pubtxt(c, a, sizeof a), S_unit_name(u, 1));
  return 1;
}

/* ---- seasons, quarters, halves, decades, centuries, eras, years ---------- */

static void S_season_range(int y, int s, int32_t *f, int32_t *l) {
  int m0 = 3 * s; /* spring 3, summer 6, autumn 9, winter 12 */
  *f = an_day_from_ymd(y, m0, 1);
  *l = an_day_add_months(*f, 3, NULL) - 1;
}

static int S_season_form(S_ctx *c, int b, int e, S_res *r) {
  int L = e - b, s, y = 0, mode = 0; /* 0 bare, 1 last, 2 this, 3 next, 4 year */
  char a[120];
  int32_t f, l;
  if (L >= 2 && (s = S_season(c, b + 1)) &&
      (S_w(c, b, "last") || S_w(c, b, "this") || S_w(c, b, "next") ||
       S_w(c, b, "past") || S_w(c, b, "coming"))) {
    if (L != 2) return 0;
    mode = (S_w(c, b, "last") || S_w(c, b, "past")) ? 1
           : S_w(c, b, "this") ? 2 : 3;
  } else if ((s = S_season(c, b))) {
    if (L == 1) {
      mode = 0;
    } else if (L == 2 && S_year_tok(c, b + 1)) {
      mode = 4;
      y = c->t[b + 1].num;
    } else if (L == 4 && S_year_tok(c, b + 1) &&
               (S_punct(c, b + 2, '-') || S_punct(c, b + 2, '/')) &&
               S_plain_num(c, b + 3) && s == 4) {
      int y2 = c->t[b + 3].num;
      y = c->t[b + 1].num;
      if (!((c->t[b + 3].nd == 2 && y2 == (y + 1) % 100) ||
            (c->t[b + 3].nd == 4 && y2 == y + 1)))
        return S_error(c,
                       "'%s': a winter runs from December of one year into the "
                       "next (winter %d-%02d)",
                       c->quoted, y, (y + 1) % 100);
      mode = 4;
    } else {
      return 0;
    }
  } else {
    return 0;
  }
  int py = c->py;
  switch (mode) {
  case 0:
    y = py;
    S_season_range(y, s, &f, &l);
    if (f > c->pub) y--;
    break;
  case 1:
    y = py;
    S_season_range(y, s, &f, &l);
    while (l >= c->pub) {
      y--;
      S_season_range(y, s, &f, &l);
    }
    break;
  case 2:
    y = py;
    S_season_range(py - 1, s, &f, &l);
    if (c->pub >= f && c->pub <= l) y = py - 1;
    break;
  case 3:
    y = py - 1;
    S_season_range(y, s, &f, &l);
    while (f <= c->pub) {
      y++;
      S_season_range(y, s, &f, &l);
    }
    break;
  default:
    break;
  }
  S_season_range(y, s, &f, &l);
  if (!S_day_ok(c, f) || !S_day_ok(c, l)) return 0;
  S_make(r, AN_PREC_SEASON, f);
  if (mode == 4)
    S_setf(r->why, sizeof r->why,
           "a meteorological season as written (%s = %s)", S_season_name[s - 1],
           s == 4 ? "December to February" : s == 1 ? "March to May"
                  : s == 2 ? "June to August" : "September to November");
  else
    S_setf(r->why, sizeof r->why, "%s %s %s %s (meteorological seasons)",
           mode == 0 ? "the most recent" : mode == 1 ? "the last"
           : mode == 2 ? "this" : "the first",
           S_season_name[s - 1],
           mode == 0 ? "begun by" : mode == 1 ? "ended before"
           : mode == 2 ? "season: the one holding, else the one in the year of"
           : "begun after",
           S_pubtxt(c, a, sizeof a));
  return 1;
}

/* Year spec at [b,e): YEAR | year | last|this|next year. 1 if matched. */
static int S_yearspec(S_ctx *c, int b, int e, int *y, int *rel) {
  *rel = 0;
  if (e - b == 1 && S_year_tok(c, b)) {
    *y = c->t[b].num;
    return 1;
  }
  if (e - b == 2 && S_w(c, b, "year") && S_year_tok(c, b + 1)) {
    *y = c->t[b + 1].num;
    return 1;
  }
  if (e - b == 1 && S_w(c, b, "year")) {
    *y = c->py;
    *rel = 1;
    return 1;
  }
  if (e - b == 2 && S_w(c, b + 1, "year") &&
      (S_w(c, b, "last") || S_w(c, b, "this") || S_w(c, b, "next") ||
       S_w(c, b, "current"))) {
    *y = c->py + (S_w(c, b, "last") ? -1 : S_w(c, b, "next") ? 1 : 0);
    *rel = 1;
    return 1;
  }
  return 0;
}

/* Qn [YEAR], first..fourth quarter [YEAR], H1/H2, first/second half [YEAR] */
static int S_quarter_form(S_ctx *c, int b, int e, S_res *r) {
  int q = 0, half = 0, k = 0, y = 0, rel = 0, v;
  char a[120];
  if (b >= e) return 0;
  if ((S_w(c, b, "q") || S_w(c, b, "h")) && S_plain_num(c, b + 1) && b + 1 < e) {
    half = S_w(c, b, "h");
    q = c->t[b + 1].num;
    k = 2;
  } else if (c->t[b].kind == TK_NUM && !strcmp(c->t[b].suf, "q")) {
    q = c->t[b].num;
    k = 1;
  } else if ((k = S_ordinal(c, b, e, &v)) && b + k < e &&
             (S_w(c, b + k, "quarter") || S_w(c, b + k, "half"))) {
    half = S_w(c, b + k, "half");
    q = v;
    k++;
  } else {
    return 0;
  }
  if (q < 1 || q > (half ? 2 : 4))
    return S_error(c, "'%s': a year has %s", c->quoted,
                   half ? "two halves" : "four quarters");
  int months = half ? 6 : 3;
  int32_t f;
  if (b + k == e) {
    y = c->py;
    f = an_day_from_ymd(y, 1 + (q - 1) * months, 1);
    if (f > c->pub) f = an_day_from_ymd(--y, 1 + (q - 1) * months, 1);
    S_make(r, half ? AN_PREC_HALF : AN_PREC_QUARTER, f);
    S_setf(r->why, sizeof r->why, "the most recent %s %s begun by %s",
           half ? (q == 1 ? "first" : "second")
                : (q == 1 ? "first" : q == 2 ? "second" : q == 3 ? "third" : "fourth"),
           half ? "half" : "quarter", S_pubtxt(c, a, sizeof a));
    return 1;
  }
  if (!S_yearspec(c, b + k, e, &y, &rel)) return 0;
  f = an_day_from_ymd(y, 1 + (q - 1) * months, 1);
  S_make(r, half ? AN_PREC_HALF : AN_PREC_QUARTER, f);
  if (rel)
    S_setf(r->why, sizeof r->why, "a calendar %s of the year %d, counted from %s",
           half ? "half" : "quarter", y, S_pubtxt(c, a, sizeof a));
  else
    S_setf(r->why, sizeof r->why, "a calendar %s as written",
           half ? "half" : "quarter");
  return 1;
}

static int S_decade_form(S_ctx *c, int b, int e, S_res *r) {
  static const char *const words[] = {"twenties", "thirties", "forties",
                                      "fifties", "sixties", "seventies",
                                      "eighties", "nineties", NULL};
  int k, v = -1;
  char a[120];
  if (e - b != 1) return 0;
  const S_tok *t = &c->t[b];
  if (t->kind == TK_NUM && !strcmp(t->suf, "s") && t->num % 10 == 0) {
    if (t->nd == 4 && t->num >= 1000) {
      if (t->num % 100 == 0)
        return S_error(c,
                       "'%s' may mean the decade (%03dX) or the century "
                       "(%02dXX); write the one you mean, e.g. [%s](^%03dX)",
                       c->quoted, t->num / 10, t->num / 100, c->quoted,
                       t->num / 10);
      S_make(r, AN_PREC_DECADE, an_day_from_ymd(t->num, 1, 1));
      S_setf(r->why, sizeof r->why, "the decade %d-%d", t->num, t->num + 9);
      return 1;
    }
    if (t->nd == 2) v = t->num;
  } else if ((k = S_win(c, b, words))) {
    v = (k + 1) * 10;
  } else if (S_w(c, b, "noughties") || S_w(c, b, "aughts")) {
    v = 0;
  }
  if (v < 0) return 0;
  int y0 = c->py - c->py % 100 + v;
  if (y0 > c->py) y0 -= 100;
  if (y0 < 1) return S_error(c, "'%s' falls outside the years 1 to 9999", c->quoted);
  S_make(r, AN_PREC_DECADE, an_day_from_ymd(y0, 1, 1));
  S_setf(r->why, sizeof r->why, "the decade %d-%d, the most recent one begun by %s",
         y0, y0 + 9, S_pubtxt(c, a, sizeof a));
  return 1;
}

static int S_century_form(S_ctx *c, int b, int e, S_res *r) {
  int n, k;
  char a[120];
  if (e - b < 2 || !(S_w(c, e - 1, "century"))) return 0;
  if (e - b == 2 && (S_w(c, b, "last") || S_w(c, b, "this") || S_w(c, b, "next") ||
                     S_w(c, b, "current") || S_w(c, b, "previous"))) {
    int dir = (S_w(c, b, "last") || S_w(c, b, "previous")) ? -1
              : S_w(c, b, "next") ? 1 : 0;
    int y = c->py + 100 * dir;
    S_make(r, AN_PREC_CENTURY, an_day_from_ymd(y, 1, 1));
    n = y / 100 + 1;
    S_setf(r->why, sizeof r->why,
           "the %d%s century (%02d00-%02d99), %s the one of %s", n, an_ordinal_suffix(n),
           n - 1, n - 1, dir < 0 ? "before" : dir > 0 ? "after" : "",
           S_pubtxt(c, a, sizeof a));
    return 1;
  }
  k = S_ordinal(c, b, e - 1, &n);
  if (!k || b + k != e - 1) return 0;
  if (n < 1 || n > 100)
    return S_error(c, "'%s' falls outside the years 1 to 9999", c->quoted);
  S_make(r, AN_PREC_CENTURY, an_day_from_ymd(n == 1 ? 1 : (n - 1) * 100, 1, 1));
  S_setf(r->why, sizeof r->why,
         "the %d%s century, counted as the years %02d00-%02d99", n, an_ordinal_suffix(n),
         n - 1, n - 1);
  return 1;
}

typedef struct {
  const char *name;
  const char *during, *after, *before;
} S_era;

static const S_era S_eras[] = {
    {"World War II", "1939-09-01/1945-09-02", "1945-09", "1939-08"},
    {"World War I", "1914-07-28/1918-11-11", "1918-11", "1914-07"},
    {"the Cold War", "1947/1991", "1991-12", "1946"},
};

/* Recognizes an era name at [b,e): returns its index + 1. */
static int S_era_at(const S_ctx *c, int b, int e) {
  int L = e - b;
  if (L == 1 && (S_w(c, b, "wwii") || S_w(c, b, "wwll"))) return 1;
  if (L == 1 && S_w(c, b, "wwi")) return 2;
  if (L == 2 && S_w(c, b, "ww") && S_plain_num(c, b + 1))
    return c->t[b + 1].num == 2 ? 1 : c->t[b + 1].num == 1 ? 2 : 0;
  if (L == 3 && S_w(c, b, "world") && S_w(c, b + 1, "war")) {
    if (S_w(c, b + 2, "ii") || S_w(c, b + 2, "two") ||
        (S_plain_num(c, b + 2) && c->t[b + 2].num == 2))
      return 1;
    if (S_w(c, b + 2, "i") || S_w(c, b + 2, "one") ||
        (S_plain_num(c, b + 2) && c->t[b + 2].num == 1))
      return 2;
  }
  if (L == 3 && S_w(c, b + 1, "world") && S_w(c, b + 2, "war")) {
    if (S_w(c, b, "second")) return 1;
    if (S_w(c, b, "first")) return 2;
  }
  if (L == 2 && S_w(c, b, "cold") && S_w(c, b + 1, "war")) return 3;
  if (L == 1 && S_w(c, b, "coldwar")) return 3;
  return 0;
}

/* [post|after|since|pre|before|during] ERA */
static int S_era_form(S_ctx *c, int b, int e, S_res *r) {
  int mode = 0, k;
  char a[120], err[160];
  an_when x, pub;
  if (b < e && (S_w(c, b, "post") || S_w(c, b, "after") || S_w(c, b, "since")))
    mode = 1, b++;
  else if (b < e && (S_w(c, b, "pre") || S_w(c, b, "before")))
    mode = 2, b++;
  if (!(k = S_era_at(c, b, e))) return 0;
  const S_era *era = &S_eras[k - 1];
  if (mode == 0) {
    an_when_parse(era->during, &r->w, err, sizeof err);
    S_setf(r->why, sizeof r->why, "the span of %s, %s", era->name, era->during);
    return 1;
  }
  if (mode == 1) {
    an_when_parse(era->after, &x, err, sizeof err);
    an_when_make(&pub, AN_PREC_DAY, c->pub, c->pub);
    if (!S_interval(c, r, &x, &pub)) return 0;
    S_setf(r->why, sizeof r->why,
           "after %s: from the end of the war (%s) to %s", era->name, era->after,
           S_pubtxt(c, a, sizeof a));
    return 1;
  }
  an_when_parse(era->before, &x, err, sizeof err);
  if (!S_interval(c, r, NULL, &x)) return 0;
  S_setf(r->why, sizeof r->why, "before %s: an open start up to %s", era->name,
         era->before);
  return 1;
}

static int S_year_form(S_ctx *c, int b, int e, S_res *r) {
  int y;
  if (e - b == 1 && S_year_tok(c, b))
    y = c->t[b].num;
  else if (e - b == 2 && S_w(c, b, "year") && S_plain_num(c, b + 1) &&
           c->t[b + 1].num >= 1 && c->t[b + 1].num <= 9999)
    y = c->t[b + 1].num;
  else
    return 0;
  S_make(r, AN_PREC_YEAR, an_day_from_ymd(y, 1, 1));
  S_setf(r->why, sizeof r->why, "the year as written");
  return 1;
}

/* ---- dates: [WD] MONTH DAY [YEAR], DAY MONTH [YEAR], MONTH [YEAR] ------- */

static int S_daynum(const S_ctx *c, int i, int e, int *d, int *plain) {
  int k;
  if (i >= e) return 0;
  if (S_plain_num(c, i) && c->t[i].nd <= 2) {
    *d = c->t[i].num;
    *plain = 1;
    return 1;
  }
  k = S_ordinal(c, i, e, d);
  *plain = 0;
  return k;
}

/* Parses the date-like syntax of [b,e) into t (unresolved). */
static int S_date_syntax(S_ctx *c, int b, int e, S_term *t) {
  int k, m, d, plain, y, rel;
  memset(t, 0, sizeof *t);
  if (b >= e) return 0;
  if ((t->wd = S_weekday(c, b))) {
    b++;
    if (b >= e) return 0;
  }
  /* ISO 2023-12-26 (tokens) */
  if (e - b == 5 && S_year_tok(c, b) && S_punct(c, b + 1, '-') &&
      S_plain_num(c, b + 2) && c->t[b + 2].nd == 2 && S_punct(c, b + 3, '-') &&
      S_plain_num(c, b + 4) && c->t[b + 4].nd == 2) {
    t->kind = DT_DATE;
    t->y = c->t[b].num;
    t->m = c->t[b + 2].num;
    t->d = c->t[b + 4].num;
    return 1;
  }
  /* slash dates a/b[/yyyy] */
  if ((e - b == 5 || e - b == 3) && S_plain_num(c, b) && c->t[b].nd <= 2 &&
      S_punct(c, b + 1, '/') && S_plain_num(c, b + 2) && c->t[b + 2].nd <= 2 &&
      (e - b == 3 || (S_punct(c, b + 3, '/') && S_plain_num(c, b + 4)))) {
    int x = c->t[b].num, z = c->t[b + 2].num;
    t->kind = DT_DATE;
    if (e - b == 5) {
      if (c->t[b + 4].nd != 4)
        return S_error(c,
                       "'%s': write the year in full (four digits), or an "
                       "explicit value such as [%s](^%04d-MM-DD)",
                       c->quoted, c->quoted,
                       c->t[b + 4].nd == 2 ? 2000 + c->t[b + 4].num : c->py);
      t->y = c->t[b + 4].num;
    }
    if (c->order == AN_DATE_ORDER_MDY || (c->order == AN_DATE_ORDER_NONE && z > 12 && x <= 12)) {
      t->m = x;
      t->d = z;
    } else if (c->order == AN_DATE_ORDER_DMY || (c->order == AN_DATE_ORDER_NONE && x > 12 && z <= 12)) {
      t->m = z;
      t->d = x;
    } else if (x > 12 && z > 12) {
      return S_error(c, "'%s': neither %d nor %d can be a month", c->quoted, x, z);
    } else {
      return S_error(c,
                     "'%s' is ambiguous: month/day or day/month? Set "
                     "'date-order: mdy' or 'dmy' in the front matter, or write "
                     "an explicit value such as [%s](^%04d-%02d-%02d)",
                     c->quoted, c->quoted, t->y ? t->y : c->py, x <= 12 ? x : z,
                     x <= 12 ? z : x);
    }
    return 1;
  }
  /* MONTH ... */
  if ((m = S_month(c, b))) {
    int i = b + 1;
    t->m = m;
    if (i == e) {
      t->kind = DT_MONTH;
      return !t->wd;
    }
    if ((k = S_daynum(c, i, e, &d, &plain)) && (i + k == e || S_yearspec(c, i + k, e, &y, &rel))) {
      /* "May 2023" is a month-year: a 4-digit number is not a day */
      t->kind = DT_DATE;
      t->d = d;
      if (i + k < e) {
        S_yearspec(c, i + k, e, &t->y, &rel);
        t->ywhy = rel;
      }
      return 1;
    }
    if (S_yearspec(c, i, e, &y, &rel) && !t->wd) {
      t->kind = DT_MONTH;
      t->y = y;
      t->ywhy = rel;
      return 1;
    }
    return 0;
  }
  /* DAY MONTH [YEAR] */
  if ((k = S_daynum(c, b, e, &d, &plain))) {
    if (b + k == e) {
      t->kind = plain ? (t->wd ? DT_DAYNUM : DT_NUM2) : DT_DAYNUM;
      t->d = d;
      t->plain = plain;
      return 1;
    }
    if (b + k + 1 == e && S_year_tok(c, b + k)) {
      /* "22, 2023" closing "Dec. 18 to 22, 2023": only as a range end */
      t->kind = DT_DAYNUM;
      t->d = d;
      t->plain = 1;
      t->y = c->t[b + k].num;
      return 1;
    }
    if ((m = S_month(c, b + k))) {
      int i = b + k + 1;
      t->kind = DT_DATE;
      t->m = m;
      t->d = d;
      if (i == e) return 1;
      if (S_yearspec(c, i, e, &t->y, &rel)) {
        t->ywhy = rel;
        return 1;
      }
    }
    return 0;
  }
  return 0;
}

static int S_check_date(S_ctx *c, int y, int m, int d) {
  if (m < 1 || m > 12) return S_error(c, "'%s': month %d does not exist", c->quoted, m);
  if (d < 1 || d > 31) return S_error(c, "'%s': day %d does not exist", c->quoted, d);
  if (y && d > an_days_in_month(y, m))
    return S_error(c, "'%s': %s %d has %d days", c->quoted, S_month_title[m - 1],
                   y, an_days_in_month(y, m));
  if (!y && d > an_days_in_month(2000, m))
    return S_error(c, "'%s': %s has at most %d days", c->quoted,
                   S_month_title[m - 1], an_days_in_month(2000, m));
  if (y && (y < 1 || y > 9999))
    return S_error(c, "'%s' falls outside the years 1 to 9999", c->quoted);
  return 1;
}

/* The occurrence of month/day nearest publication, ties to the past. */
static int32_t S_nearest_md(S_ctx *c, int m, int d) {
  int32_t best = 0;
  int64_t bestdist = -1;
  for (int y = c->py - 4; y <= c->py + 4; y++) {
    if (y < 1 || y > 9999 || d > an_days_in_month(y, m)) continue;
    int32_t day = an_day_from_ymd(y, m, d);
    int64_t dist = (int64_t)day - c->pub;
    if (dist < 0) dist = -dist;
    if (bestdist < 0 || dist < bestdist) {
      bestdist = dist;
      best = day;
    }
  }
  return best;
}

static int S_check_wd(S_ctx *c, int32_t day, int wd) {
  if (wd && an_day_weekday(day) != wd) {
    char d[64];
    S_daytxt(day, d, sizeof d);
    return S_error(c, "'%s': %s is a %s, not a %s", c->quoted, d,
                   S_wd_title[an_day_weekday(day) - 1], S_wd_title[wd - 1]);
  }
  return 1;
}

/* Resolves a date-like term on its own. */
static int S_resolve(S_ctx *c, S_term *t, S_res *r) {
  char a[120];
  switch (t->kind) {
  case DT_VALUE:
    *r = t->r;
    return 1;
  case DT_DATE: {
    int32_t day;
    if (!S_check_date(c, t->y, t->m, t->d)) return 0;
    if (t->y) {
      day = an_day_from_ymd(t->y, t->m, t->d);
      if (!S_check_wd(c, day, t->wd)) return 0;
      S_make(r, AN_PREC_DAY, day);
      if (t->ywhy)
        S_setf(r->why, sizeof r->why, "the date in %d, counted from %s", t->y,
               S_pubtxt(c, a, sizeof a));
      else
        S_setf(r->why, sizeof r->why, "the date as written");
      return 1;
    }
    day = S_nearest_md(c, t->m, t->d);
    if (!S_check_wd(c, day, t->wd)) return 0;
    S_make(r, AN_PREC_DAY, day);
    S_setf(r->why, sizeof r->why,
           "a date without a year: the %s %d nearest %s (ties to the past)",
           S_month_title[t->m - 1], t->d, S_pubtxt(c, a, sizeof a));
    return 1;
  }
  case DT_MONTH: {
    int y = t->y;
    if (!y) {
      y = t->m <= c->pm ? c->py : c->py - 1;
      S_make(r, AN_PREC_MONTH, an_day_from_ymd(y, t->m, 1));
      S_setf(r->why, sizeof r->why, "the most recent %s begun by %s",
             S_month_title[t->m - 1], S_pubtxt(c, a, sizeof a));
      return 1;
    }
    if (y < 1 || y > 9999) return S_error(c, "'%s' falls outside the years 1 to 9999", c->quoted);
    S_make(r, AN_PREC_MONTH, an_day_from_ymd(y, t->m, 1));
    if (t->ywhy)
      S_setf(r->why, sizeof r->why, "%s of %d, counted from %s",
             S_month_title[t->m - 1], y, S_pubtxt(c, a, sizeof a));
    else
      S_setf(r->why, sizeof r->why, "the month as written");
    return 1;
  }
  case DT_DAYNUM: {
    /* "the 26th": the nearest such day of a month, ties to the past */
    int32_t best = 0;
    int64_t bestdist = -1;
    if (t->d < 1 || t->d > 31)
      return S_error(c, "'%s': day %d does not exist", c->quoted, t->d);
    for (int dm = -2; dm <= 2; dm++) {
      int32_t first = an_day_add_months(an_day_from_ymd(c->py, c->pm, 1), dm, NULL);
      int y, m;
      an_day_to_ymd(first, &y, &m, NULL);
      if (t->d > an_days_in_month(y, m)) continue;
      int32_t day = an_day_from_ymd(y, m, t->d);
      if (t->wd && an_day_weekday(day) != t->wd) continue;
      int64_t dist = (int64_t)day - c->pub;
      if (dist < 0) dist = -dist;
      if (bestdist < 0 || dist < bestdist) bestdist = dist, best = day;
    }
    if (bestdist < 0) return 0;
    S_make(r, AN_PREC_DAY, best);
    S_setf(r->why, sizeof r->why,
           "a day of the month alone: the %d%s nearest %s (ties to the past)",
           t->d, an_ordinal_suffix(t->d), S_pubtxt(c, a, sizeof a));
    return 1;
  }
  default:
    return 0;
  }
}

/* ---- composite ---------------------------------------------------------- */

static int S_value(S_ctx *c, int b, int e, S_res *r);

/* early|mid|late|beginning|start|middle|end X */
static int S_narrow_form(S_ctx *c, int b, int e, S_res *r) {
  static const char *const mods[] = {"early", "mid", "late", "beginning",
                                     "start", "middle", "end", "midst", NULL};
  static const char *const part_name[] = {"early", "mid", "late"};
  int k, part;
  S_res x;
  char why[220];
  if (e - b < 2 || !(k = S_win(c, b, mods))) return 0;
  part = k == 1 || k == 4 || k == 5 ? 0 : k == 3 || k == 7 ? 2 : 1;
  b++;
  if (S_punct(c, b, '-')) b++;
  if (b >= e) return 0;
  if (e - b == 1 && (S_w(c, b, "week") || S_w(c, b, "month") || S_w(c, b, "year") ||
                     S_w(c, b, "decade") || S_w(c, b, "century"))) {
    /* "the end of the year": this one */
    S_unit u = S_unit_at(c, b, NULL);
    char a[120];
    S_make(&x, S_unit_prec(u), c->pub);
    S_setf(x.why, sizeof x.why, "the %s holding %s", S_unit_name(u, 1),
           S_pubtxt(c, a, sizeof a));
  } else if (!S_value(c, b, e, &x)) {
    return 0;
  }
  an_when *w = &x.w;
  int y, m, d;
  an_day_to_ymd(w->first, &y, &m, &d);
  memcpy(why, x.why, sizeof why);
  switch (w->precision) {
  case AN_PREC_TIME:
  case AN_PREC_DAY:
    *r = x;
    S_setf(r->why, sizeof r->why, "%s; '%s' names a time of day and keeps the day",
           why, part_name[part]);
    return 1;
  case AN_PREC_WEEK: {
    static const int from[3] = {0, 2, 4}, to[3] = {1, 3, 6};
    if (!S_interval_days(c, r, w->first + from[part], w->first + to[part])) return 0;
    S_setf(r->why, sizeof r->why, "%s of %s (%s = %s); %s", part_name[part],
           w->edtf, part_name[part],
           part == 0 ? "Monday-Tuesday" : part == 1 ? "Wednesday-Thursday"
                                                    : "Friday-Sunday",
           why);
    return 1;
  }
  case AN_PREC_MONTH: {
    int dim = an_days_in_month(y, m);
    static const int from[3] = {1, 11, 21};
    int to = part == 0 ? 10 : part == 1 ? 20 : dim;
    if (!S_interval_days(c, r, an_day_from_ymd(y, m, from[part]),
                         an_day_from_ymd(y, m, to)))
      return 0;
    S_setf(r->why, sizeof r->why, "%s %s %d (days %d-%d); %s", part_name[part],
           S_month_title[m - 1], y, from[part], to, why);
    return 1;
  }
  case AN_PREC_QUARTER:
  case AN_PREC_SEASON:
  case AN_PREC_HALF:
  case AN_PREC_YEAR: {
    int len = w->precision == AN_PREC_YEAR ? 4 : w->precision == AN_PREC_HALF ? 2 : 1;
    an_when a, bb;
    int32_t f = an_day_add_months(w->first, part * len, NULL);
    int32_t l = an_day_add_months(w->first, (part + 1) * len, NULL) - 1;
    an_when_make(&a, AN_PREC_MONTH, f, f);
    an_when_make(&bb, AN_PREC_MONTH, l, l);
    if (len == 1)
      r->w = a;
    else if (!S_interval(c, r, &a, &bb))
      return 0;
    S_setf(r->why, sizeof r->why, "%s %s (%s); %s", part_name[part], w->edtf,
           w->precision == AN_PREC_YEAR
               ? (part == 0 ? "January-April" : part == 1 ? "May-August"
                                                          : "September-December")
               : len == 1 ? "its first, middle or last month" : "two months of six",
           why);
    return 1;
  }
  case AN_PREC_DECADE:
  case AN_PREC_CENTURY: {
    int span = w->precision == AN_PREC_DECADE ? 10 : 100;
    int y0 = y - y % span;
    static const int df[3] = {0, 4, 7}, dt[3] = {3, 6, 9};
    static const int cf[3] = {0, 34, 67}, ct[3] = {33, 66, 99};
    int a0 = y0 + (span == 10 ? df[part] : cf[part]);
    int a1 = y0 + (span == 10 ? dt[part] : ct[part]);
    if (a0 < 1) a0 = 1;
    an_when a, bb;
    an_when_make(&a, AN_PREC_YEAR, an_day_from_ymd(a0, 1, 1), 0);
    an_when_make(&bb, AN_PREC_YEAR, an_day_from_ymd(a1, 1, 1), 0);
    if (!S_interval(c, r, &a, &bb)) return 0;
    S_setf(r->why, sizeof r->why, "%s %s: the years %d-%d; %s", part_name[part],
           w->edtf, a0, a1, why);
    return 1;
  }
  default:
    return S_error(c,
                   "'%s': early/mid/late narrows a day, week, month, season, "
                   "year, decade or century, not a range; write an explicit "
                   "value such as [%s](^%04d-%02d)",
                   c->quoted, c->quoted, c->py, c->pm);
  }
}

/* week X: the ISO week holding the date X */
static int S_weekof_form(S_ctx *c, int b, int e, S_res *r) {
  S_term t;
  S_res x;
  if (e - b < 2 || !S_w(c, b, "week")) return 0;
  if (!S_date_syntax(c, b + 1, e, &t) || t.kind != DT_DATE) return 0;
  if (!S_resolve(c, &t, &x)) return 0;
  S_make(r, AN_PREC_WEEK, x.w.first);
  S_setf(r->why, sizeof r->why, "the ISO week holding %s; %s", x.w.edtf, x.why);
  return 1;
}

/* last|this|next MONTH */
static int S_relmonth_form(S_ctx *c, int b, int e, S_res *r) {
  int m, y;
  char a[120];
  if (e - b != 2 || !(m = S_month(c, b + 1))) return 0;
  if (S_w(c, b, "last") || S_w(c, b, "past")) {
    y = m < c->pm ? c->py : c->py - 1;
    S_setf(r->why, sizeof r->why, "the last %s before the month of %s",
           S_month_title[m - 1], S_pubtxt(c, a, sizeof a));
  } else if (S_w(c, b, "this")) {
    y = c->py;
    S_setf(r->why, sizeof r->why, "%s of the year of %s", S_month_title[m - 1],
           S_pubtxt(c, a, sizeof a));
  } else if (S_w(c, b, "next") || S_w(c, b, "coming")) {
    y = m > c->pm ? c->py : c->py + 1;
    S_setf(r->why, sizeof r->why, "the first %s after the month of %s",
           S_month_title[m - 1], S_pubtxt(c, a, sizeof a));
  } else {
    return 0;
  }
  S_make(r, AN_PREC_MONTH, an_day_from_ymd(y, m, 1));
  return 1;
}

/* One value over the whole slice [b,e). */
static int S_value(S_ctx *c, int b, int e, S_res *r) {
  S_term t;
  if (b >= e) return 0;
  memset(r, 0, sizeof *r);
  if (S_dayword_form(c, b, e, r)) return 1;
  if (S_weekday_form(c, b, e, r)) return 1;
  if (S_story_form(c, b, e, r)) return 1;
  if (S_relunit_form(c, b, e, r)) return 1;
  if (S_relmonth_form(c, b, e, r)) return 1;
  if (S_offset_form(c, b, e, r)) return 1;
  if (S_span_form(c, b, e, r)) return 1;
  if (S_earlier_form(c, b, e, r)) return 1;
  if (S_season_form(c, b, e, r)) return 1;
  if (S_quarter_form(c, b, e, r)) return 1;
  if (S_decade_form(c, b, e, r)) return 1;
  if (S_century_form(c, b, e, r)) return 1;
  if (S_era_form(c, b, e, r)) return 1;
  if (S_year_form(c, b, e, r)) return 1;
  if (S_weekof_form(c, b, e, r)) return 1;
  if (S_narrow_form(c, b, e, r)) return 1;
  if (S_date_syntax(c, b, e, &t) && t.kind != DT_NUM2 &&
      !(t.kind == DT_DAYNUM && (t.plain || t.y)))
    return S_resolve(c, &t, r);
  return 0;
}

/* A range end: date-like syntax (deferred) or any value. */
static int S_end(S_ctx *c, int b, int e, S_term *t) {
  if (S_date_syntax(c, b, e, t)) return 1;
  memset(t, 0, sizeof *t);
  if (!S_value(c, b, e, &t->r)) return 0;
  t->kind = DT_VALUE;
  return 1;
}

static int S_cmp_md(int m1, int d1, int m2, int d2) {
  return m1 != m2 ? (m1 < m2 ? -1 : 1) : (d1 < d2 ? -1 : d1 > d2);
}

/* Both ends: fill missing parts from the other end, then resolve. */
static int S_range(S_ctx *c, S_term *x, S_term *y, S_res *r) {
  S_res a, b;
  char err[200], pt[120];
  int inferred = 0;
  /* "Dec. 18-22": the end inherits the month (and year) */
  if (x->kind == DT_DATE && (y->kind == DT_DAYNUM || y->kind == DT_NUM2)) {
    int yy = y->kind == DT_DAYNUM ? y->y : 0;
    y->kind = DT_DATE;
    y->m = x->m;
    y->y = yy ? yy : x->y;
    if (!x->y && yy) x->y = yy;
    if (!y->y) {
      /* resolve the start first: the end belongs to the same occurrence */
      if (!S_check_date(c, 0, x->m, x->d)) return 0;
      int32_t s = S_nearest_md(c, x->m, x->d);
      an_day_to_ymd(s, &x->y, NULL, NULL);
      y->y = x->y;
      inferred = 1;
    }
  } else if ((x->kind == DT_DAYNUM || x->kind == DT_NUM2) && y->kind == DT_DATE) {
    x->kind = DT_DATE;
    x->m = y->m;
    x->y = y->y;
  } else if (x->kind == DT_VALUE && x->r.w.precision == AN_PREC_YEAR &&
             y->kind == DT_NUM2 && y->d >= 0 && y->d <= 99) {
    int y0, yy;
    an_day_to_ymd(x->r.w.first, &y0, NULL, NULL);
    yy = y0 - y0 % 100 + y->d; /* "2014-22"; an end before the start is an error */
    y->kind = DT_VALUE;
    S_make(&y->r, AN_PREC_YEAR, an_day_from_ymd(yy, 1, 1));
    S_setf(y->r.why, sizeof y->r.why, "the year as written");
  }
  if (x->kind == DT_NUM2 || y->kind == DT_NUM2) return 0;
  /* month or date without a year on one side */
  int xd = x->kind == DT_DATE || x->kind == DT_MONTH;
  int yd = y->kind == DT_DATE || y->kind == DT_MONTH;
  if (xd && yd) {
    int xday = x->kind == DT_DATE ? x->d : 1, yday = y->kind == DT_DATE ? y->d : 1;
    if (!x->y && y->y) {
      x->y = y->y;
      if (S_cmp_md(x->m, xday, y->m, yday) > 0) x->y--;
    } else if (x->y && !y->y) {
      y->y = x->y;
      if (S_cmp_md(x->m, xday, y->m, yday) > 0) y->y++;
    } else if (!x->y && !y->y) {
      inferred = 1;
      if (!S_resolve(c, y, &b)) return 0;
      an_day_to_ymd(b.w.first, &y->y, NULL, NULL);
      x->y = y->y;
      if (S_cmp_md(x->m, xday, y->m, yday) > 0) x->y--;
    }
  }
  if (!S_resolve(c, x, &a) || !S_resolve(c, y, &b)) return 0;
  if (a.w.precision == AN_PREC_INTERVAL || b.w.precision == AN_PREC_INTERVAL)
    return S_error(c, "'%s': a range end cannot itself be a range", c->quoted);
  if (!an_when_make_interval(&r->w, &a.w, &b.w, err, sizeof err))
    return S_error(c, "'%s': %s", c->quoted, err);
  if (inferred)
    S_setf(r->why, sizeof r->why,
           "a range without a year, placed at its occurrence nearest %s "
           "(ties to the past; months: the most recent)",
           S_pubtxt(c, pt, sizeof pt));
  else if (!strcmp(a.why, b.why) || (!strcmp(a.why, "the year as written") &&
                                !strcmp(b.why, "the year as written")))
    S_setf(r->why, sizeof r->why, "a range, each end read as %s", a.why);
  else
    S_setf(r->why, sizeof r->why, "a range from %s (%s) to %s (%s)", a.w.edtf,
           a.why, b.w.edtf, b.why);
  return 1;
}

/* Tries X SEP Y over the separators found in [b,e). */
static int S_try_range(S_ctx *c, int b, int e, S_res *r, int need_and) {
  for (int k = b + 1; k < e - 1; k++) {
    int sep = need_and ? S_w(c, k, "and")
                       : (S_w(c, k, "to") || S_w(c, k, "until") || S_w(c, k, "till") ||
                          S_w(c, k, "through") || S_w(c, k, "thru") ||
                          S_punct(c, k, '-') || S_w(c, k, "and"));
    if (!sep) continue;
    S_term x, y;
    int had = c->has_err;
    if (S_end(c, b, k, &x) && S_end(c, k + 1, e, &y) && S_range(c, &x, &y, r))
      return 1;
    if (!had && c->has_err) return 0; /* a real error inside */
  }
  return 0;
}

static int S_phrase(S_ctx *c, int b, int e, S_res *r) {
  char a[120];
  if (b >= e) return 0;
  /* since X: X up to publication */
  if (S_w(c, b, "since") && b + 1 < e && !S_era_at(c, b + 1, e)) {
    S_res x;
    an_when pub;
    if (!S_value(c, b + 1, e, &x)) return 0;
    if (x.w.precision == AN_PREC_INTERVAL) {
      if (x.w.first == AN_DAY_MIN) return 0;
      an_when_make(&x.w, AN_PREC_DAY, x.w.first, x.w.first);
    }
    if (x.w.first > c->pub)
      return S_error(c, "'%s' starts after the publication date (%s)", c->quoted,
                     S_pubtxt(c, a, sizeof a));
    an_when_make(&pub, AN_PREC_DAY, c->pub, c->pub);
    if (x.w.last >= c->pub || x.w.first == c->pub) {
      /* "since Thursday" said on Thursday: the start reaches publication */
      if (!S_interval(c, r, &x.w, &pub)) return 0;
    } else if (!S_interval(c, r, &x.w, &pub)) {
      return 0;
    }
    S_setf(r->why, sizeof r->why, "from %s (%s) up to %s", x.w.edtf, x.why,
           S_pubtxt(c, a, sizeof a));
    return 1;
  }
  if (S_w(c, b, "from") && S_try_range(c, b + 1, e, r, 0)) return 1;
  if (S_w(c, b, "between") && S_try_range(c, b + 1, e, r, 1)) return 1;
  if (S_value(c, b, e, r)) return 1;
  if (c->has_err) return 0;
  return S_try_range(c, b, e, r, 0);
}

/* ---- tokens ------------------------------------------------------------- */

/* Folds UTF-8 punctuation to ASCII; unknown bytes become \1. */
static size_t S_fold(const char *s, size_t n, char *out) {
  size_t i = 0, k = 0;
  while (i < n) {
    unsigned char ch = (unsigned char)s[i];
    if (ch < 0x80) {
      out[k++] = (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || ch == 0x7f
                     ? '\1'
                     : (char)ch;
      i++;
      continue;
    }
    unsigned char c1 = i + 1 < n ? (unsigned char)s[i + 1] : 0;
    unsigned char c2 = i + 2 < n ? (unsigned char)s[i + 2] : 0;
    if (ch == 0xC2 && c1 == 0xA0) { out[k++] = ' '; i += 2; continue; }
    if (ch == 0xE2 && c1 == 0x80) {
      if ((c2 >= 0x80 && c2 <= 0x8A) || c2 == 0xAF) { out[k++] = ' '; i += 3; continue; }
      if (c2 == 0x98 || c2 == 0x99) { out[k++] = '\''; i += 3; continue; }
      if (c2 >= 0x90 && c2 <= 0x95) { out[k++] = '-'; i += 3; continue; }
      if (c2 == 0x9C || c2 == 0x9D) { out[k++] = '"'; i += 3; continue; }
    }
    if (ch == 0xE2 && c1 == 0x88 && c2 == 0x92) { out[k++] = '-'; i += 3; continue; }
    if (ch == 0xE3 && c1 == 0x80 && c2 == 0x80) { out[k++] = ' '; i += 3; continue; }
    out[k++] = '\1';
    i++;
  }
  out[k] = '\0';
  return k;
}

static int S_push(S_ctx *c, S_tkind kind) {
  if (c->n >= S_MAXTOK) return 0;
  memset(&c->t[c->n], 0, sizeof c->t[0]);
  c->t[c->n].kind = kind;
  c->n++;
  return 1;
}

static int S_tokenize(S_ctx *c, const char *s, size_t n) {
  size_t i = 0;
  int apos = 0;
  while (i < n) {
    char ch = s[i];
    if (S_is_letter(ch)) {
      char w[64];
      size_t k = 0;
      int too_long = 0;
      for (;;) {
        while (i < n && S_is_letter(s[i])) {
          if (k < 23) w[k++] = S_lower(s[i]);
          else too_long = 1;
          i++;
        }
        if (i + 1 < n && s[i] == '\'' && S_is_letter(s[i + 1])) {
          if ((s[i + 1] == 's' || s[i + 1] == 'S') &&
              (i + 2 >= n || !S_is_letter(s[i + 2]))) {
            i += 2; /* possessive 's */
            break;
          }
          i++; /* o'clock */
          continue;
        }
        break;
      }
      w[k] = '\0';
      if (!S_push(c, TK_WORD)) return 0;
      memcpy(c->t[c->n - 1].w, too_long ? "" : w, too_long ? 1 : k + 1);
      if (too_long) c->t[c->n - 1].kind = TK_BAD;
      apos = 0;
      continue;
    }
    if (S_is_digit(ch)) {
      long v = 0;
      int nd = 0;
      char suf[8];
      size_t k = 0;
      while (i < n && S_is_digit(s[i])) {
        if (v < 10000000) v = v * 10 + (s[i] - '0');
        nd++;
        i++;
      }
      while (i < n && S_is_letter(s[i])) {
        if (k < 7) suf[k++] = S_lower(s[i]);
        else k = 8;
        i++;
      }
      if (k > 7) {
        if (!S_push(c, TK_BAD)) return 0;
        apos = 0;
        continue;
      }
      suf[k] = '\0';
      if (!k && i + 1 < n && s[i] == '\'' && (s[i + 1] == 's' || s[i + 1] == 'S') &&
          (i + 2 >= n || !S_is_letter(s[i + 2]))) {
        i += 2;
        if (v % 10 == 0) strcpy(suf, "s"), k = 1; /* the 1990's */
      }
      if (!S_push(c, TK_NUM)) return 0;
      S_tok *t = &c->t[c->n - 1];
      t->num = (int)v;
      t->nd = nd;
      memcpy(t->suf, suf, k + 1);
      t->apos = apos;
      apos = 0;
      continue;
    }
    i++;
    switch (ch) {
    case ' ': case '\t': case '\n': case '\r': case ',': case '.': case '"':
    case '(': case ')':
      apos = 0;
      break;
    case '\'':
      apos = i < n && S_is_digit(s[i]);
      break;
    case '-': case '/': case ':':
      if (!S_push(c, TK_PUNCT)) return 0;
      c->t[c->n - 1].w[0] = ch;
      apos = 0;
      break;
    default:
      if (!S_push(c, TK_BAD)) return 0;
      apos = 0;
      break;
    }
  }
  return 1;
}

static void S_drop(S_ctx *c, const int *keep) {
  int k = 0;
  for (int i = 0; i < c->n; i++)
    if (keep[i]) c->t[k++] = c->t[i];
  c->n = k;
}

/* Replace token i by a word. */
static void S_set_word(S_ctx *c, int i, const char *w) {
  c->t[i].kind = TK_WORD;
  snprintf(c->t[i].w, sizeof c->t[i].w, "%s", w);
}

static int S_is_ampm(const S_ctx *c, int i, int *used) {
  if (S_w(c, i, "am") || S_w(c, i, "pm")) {
    *used = 1;
    return 1;
  }
  if ((S_w(c, i, "a") || S_w(c, i, "p")) && S_w(c, i + 1, "m")) {
    *used = 2;
    return 1;
  }
  return 0;
}

/* Drops clock times and time-of-day words; notes what was dropped. */
static void S_time_of_day(S_ctx *c) {
  static const char *const tod[] = {"morning", "afternoon", "evening", "night",
                                    "overnight", "noon", "midday", "midnight",
                                    "dawn", "daybreak", "dusk", "lunchtime",
                                    "oclock", "nighttime", "daytime", NULL};
  static const char *const zones[] = {"gmt", "utc", "et", "est", "edt", "pt",
                                      "pst", "pdt", "cet", "cest", "bst",
                                      "jst", "msk", "kst", NULL};
  int keep[S_MAXTOK];
  size_t tl = 0;
  for (int i = 0; i < c->n; i++) keep[i] = 1;
  for (int i = 0; i < c->n; i++) {
    int used = 0, clock = 0, start = i;
    if (!keep[i]) continue;
    /* last night / last evening: yesterday; this morning, tonight: today */
    if ((S_w(c, i, "last")) && (S_w(c, i + 1, "night") || S_w(c, i + 1, "evening"))) {
      S_set_word(c, i, "yesterday");
      keep[i + 1] = 0;
      snprintf(c->tod, sizeof c->tod, "%s", c->t[i + 1].w);
      tl = strlen(c->tod);
      continue;
    }
    if (S_w(c, i, "this") && S_win(c, i + 1, tod)) {
      S_set_word(c, i, "today");
      keep[i + 1] = 0;
      snprintf(c->tod, sizeof c->tod, "%s", c->t[i + 1].w);
      tl = strlen(c->tod);
      continue;
    }
    if (S_w(c, i, "tonight")) {
      S_set_word(c, i, "today");
      snprintf(c->tod, sizeof c->tod, "tonight");
      tl = strlen(c->tod);
      continue;
    }
    if (c->t[i].kind == TK_NUM && (!strcmp(c->t[i].suf, "am") || !strcmp(c->t[i].suf, "pm")) &&
        c->t[i].num <= 12) {
      clock = 1;
      used = 1;
    } else if (S_plain_num(c, i) && c->t[i].num <= 24 && S_punct(c, i + 1, ':') &&
               i + 2 < c->n && c->t[i + 2].kind == TK_NUM && c->t[i + 2].nd == 2) {
      clock = 1;
      used = 3;
      if (!strcmp(c->t[i + 2].suf, "am") || !strcmp(c->t[i + 2].suf, "pm")) {
      } else {
        int u2;
        if (S_is_ampm(c, i + 3, &u2)) used += u2;
      }
    } else if (S_plain_num(c, i) && c->t[i].num <= 12) {
      int u2;
      if (S_is_ampm(c, i + 1, &u2)) clock = 1, used = 1 + u2;
      else if (S_w(c, i + 1, "oclock")) clock = 1, used = 2;
    } else if (S_win(c, i, tod)) {
      used = 1;
    }
    if (!used) continue;
    for (int j = start; j < start + used && j < c->n; j++) keep[j] = 0;
    if (clock) {
      int j = start + used;
      if (S_win(c, j, zones)) keep[j] = 0;
      else if (S_w(c, j, "local") && S_w(c, j + 1, "time")) keep[j] = keep[j + 1] = 0;
    }
    if (tl < sizeof c->tod - 12) {
      snprintf(c->tod + tl, sizeof c->tod - tl, "%s%s", tl ? " " : "",
               clock ? "a clock time" : c->t[start].w);
      tl = strlen(c->tod);
    }
    i = start + used - 1;
  }
  S_drop(c, keep);
}

static void S_fillers(S_ctx *c) {
  static const char *const fill[] = {"on", "the", "in", "of", "at", "during",
                                     "over", "just", "throughout", NULL};
  static const char *const prefix[] = {"early", "mid", "late", "post", "pre",
                                       "twenty", "thirty", "forty", "fifty",
                                       "sixty", "seventy", "eighty", "ninety",
                                       NULL};
  static const char *const nouns[] = {
      "briefing", "meeting", "statement", "speech", "conference", "call",
      "visit", "summit", "talks", "interview", "address", "session", "report",
      "announcement", "vote", "remarks", "post", "tweet", "broadcast",
      "election", "attack", "strike", "press", "news", "decision", "deadline",
      "launch", "test", "event", "edition", "sitting", NULL};
  int keep[S_MAXTOK];
  for (int i = 0; i < c->n; i++) keep[i] = !S_win(c, i, fill);
  /* "some time in", "sometime in" */
  for (int i = 0; i < c->n; i++) {
    if (S_w(c, i, "sometime")) keep[i] = 0;
    if (S_w(c, i, "some") && S_w(c, i + 1, "time")) keep[i] = keep[i + 1] = 0;
    /* mid-2022, post-WWII, twenty-first: the hyphen glues */
    if (S_punct(c, i, '-') && i > 0 && S_win(c, i - 1, prefix)) keep[i] = 0;
    /* third-quarter */
    if (S_punct(c, i, '-') && (S_w(c, i + 1, "quarter") || S_w(c, i + 1, "half")))
      keep[i] = 0;
  }
  for (int i = 0; i + 1 < c->n; i++) {
    /* "ever since", "for the past two years" (a span, not a duration) */
    if (S_w(c, i, "ever") && S_w(c, i + 1, "since")) keep[i] = 0;
    if (S_w(c, i, "for") && i == 0) {
      int j = i + 1;
      while (j < c->n && !keep[j]) j++;
      if (S_w(c, j, "past") || S_w(c, j, "last") || S_w(c, j, "previous")) keep[i] = 0;
    }
  }
  S_drop(c, keep);
  /* a Wednesday briefing: leading a/an and trailing event nouns */
  int e = c->n;
  while (e > 1 && S_win(c, e - 1, nouns) && !S_w(c, e - 2, "post") &&
         (S_weekday(c, e - 2) || S_win(c, e - 2, nouns) ||
          c->t[e - 2].kind == TK_NUM || S_month(c, e - 2) ||
          S_w(c, e - 2, "yesterday") || S_w(c, e - 2, "today") ||
          S_w(c, e - 2, "week") || S_w(c, e - 2, "tomorrow")))
    e--;
  if (e < c->n && e >= 1) {
    /* only when what remains is not itself a noun */
    if (!S_win(c, e - 1, nouns)) c->n = e;
  }
  if (c->n >= 2 && (S_w(c, 0, "a") || S_w(c, 0, "an")) &&
      (S_weekday(c, 1) || S_month(c, 1))) {
    for (int i = 1; i < c->n; i++) c->t[i - 1] = c->t[i];
    c->n--;
  }
}

/* Repetitions and durations are not times. Returns 0 with the error set. */
static int S_not_a_time(S_ctx *c) {
  static const char *const rep[] = {
      "every",   "each",        "weekly",   "daily",    "monthly",  "yearly",
      "annually", "hourly",     "nightly",  "fortnightly", "biweekly",
      "quarterly", "always",    "twice",    "thrice",   "regularly",
      "weekdays", "weekends",   "mondays",  "tuesdays", "wednesdays",
      "thursdays", "fridays",   "saturdays", "sundays", "nightly",
      "routinely", "repeatedly", NULL};
  int i, pl = 0;
  for (i = 0; i < c->n; i++) {
    if (S_win(c, i, rep) ||
        (S_plain_num(c, i) && c->t[i].num == 24 && S_punct(c, i + 1, '/') &&
         S_plain_num(c, i + 2) && c->t[i + 2].num == 7) ||
        ((S_w(c, i, "around") || S_w(c, i, "round")) && S_w(c, i + 1, "the") &&
         S_w(c, i + 2, "clock")) ||
        (S_w(c, i, "round") && S_punct(c, i + 1, '-')) ||
        (S_w(c, i, "once") && (S_w(c, i + 1, "a") || S_w(c, i + 1, "per"))))
      return S_error(c,
                     "'%s' is a repetition, not a time; annotate one "
                     "occurrence (e.g. [%s](^%04d-%02d-%02d)) or the period "
                     "it covers as an interval (e.g. ^%04d-01/%04d-%02d)",
                     c->quoted, c->quoted, c->py, c->pm, c->pd, c->py, c->py,
                     c->pm);
  }
  /* for N units / for years; a bare count of units; within N units */
  int b = 0;
  if (c->n > 1 && (S_w(c, 0, "for") || S_w(c, 0, "within") || S_w(c, 0, "lasting")))
    b = 1;
  if (b && (S_w(c, b, "the") || S_w(c, b, "last") || S_w(c, b, "past")))
    return 1; /* "for the past two years" is a span */
  int n = 0, vague = 0, k = S_count(c, b, c->n, &n, &vague);
  while (b + k < c->n && S_punct(c, b + k, '-')) k++;
  if (b + k + 1 == c->n && S_unit_at(c, b + k, &pl) != U_NONE && (k > 0 || b)) {
    S_unit u = S_unit_at(c, b + k, &pl);
    if (!vague && k > 0 && n > 0 && u != U_HOUR) {
      int64_t d = S_shift(c->pub, u, -(int64_t)n, NULL);
      if (d >= S_min_day()) {
        char a[11], z[11];
        an_day_iso((int32_t)d, a);
        an_day_iso(c->pub, z);
        return S_error(c,
                       "'%s' is a duration, not a time; annotate when it "
                       "happened, e.g. as an interval [%s](^%s/%s)",
                       c->quoted, c->quoted, a, z);
      }
    }
    return S_error(c,
                   "'%s' is a duration, not a time; annotate when it happened, "
                   "e.g. as an interval [%s](^%04d/%04d)",
                   c->quoted, c->quoted, c->py - 1, c->py);
  }
  if (c->n == 1 && S_unit_at(c, 0, &pl) != U_NONE && pl)
    return S_error(c,
                   "'%s' is a duration, not a time; annotate when it happened, "
                   "e.g. as an interval [%s](^%04d/%04d)",
                   c->quoted, c->quoted, c->py - 1, c->py);
  if (b && S_w(c, 0, "for"))
    return S_error(c,
                   "'%s' reads as a duration ('for ...'), not a time; annotate "
                   "when it happened, e.g. as an interval [%s](^%04d/%04d)",
                   c->quoted, c->quoted, c->py - 1, c->py);
  return 1;
}

/* Printable, valid UTF-8, at most ~80 bytes, for messages. */
static void S_quote(const char *s, size_t n, char *out, size_t outlen) {
  size_t i = 0, k = 0;
  while (i < n && k + 8 < outlen) {
    unsigned char ch = (unsigned char)s[i];
    size_t len = 1;
    if (k >= 80) {
      memcpy(out + k, "...", 3);
      k += 3;
      break;
    }
    if (ch >= 0x20 && ch < 0x7f) {
      out[k++] = (char)ch;
      i++;
      continue;
    }
    if (ch == '\t' || ch == '\n' || ch == '\r') {
      out[k++] = ' ';
      i++;
      continue;
    }
    if (ch >= 0xC2 && ch <= 0xDF) len = 2;
    else if (ch >= 0xE0 && ch <= 0xEF) len = 3;
    else if (ch >= 0xF0 && ch <= 0xF4) len = 4;
    else len = 0;
    int ok = len > 0 && i + len <= n;
    for (size_t j = 1; ok && j < len; j++)
      if (((unsigned char)s[i + j] & 0xC0) != 0x80) ok = 0;
    if (ok && len == 3 && ch == 0xE0 && (unsigned char)s[i + 1] < 0xA0) ok = 0;
    if (ok && len == 3 && ch == 0xED && (unsigned char)s[i + 1] >= 0xA0) ok = 0;
    if (ok && len == 4 && ch == 0xF0 && (unsigned char)s[i + 1] < 0x90) ok = 0;
    if (ok && len == 4 && ch == 0xF4 && (unsigned char)s[i + 1] >= 0x90) ok = 0;
    if (ok) {
      memcpy(out + k, s + i, len);
      k += len;
      i += len;
    } else {
      out[k++] = '?';
      i++;
    }
  }
  out[k] = '\0';
}

/* ---- entry point -------------------------------------------------------- */

int an_phrase_resolve(const char *phrase, int32_t published,
                      const an_when *story, an_date_order order,
                      an_phrase_result *out, char *err, size_t errlen) {
  S_ctx *c, ctx;
  char folded[S_MAXLEN + 1], edtf_err[200] = "";
  S_res r;
  size_t n, b, e;
  int qual = 0, q_ok;
  c = &ctx;
  memset(c, 0, offsetof(S_ctx, t));
  if (err && errlen) err[0] = '\0';
  if (out) memset(out, 0, sizeof *out);
  if (!phrase || !out) {
    S_setf(err, errlen, "no phrase to read");
    return 0;
  }
  n = strlen(phrase);
  S_quote(phrase, n, c->quoted, sizeof c->quoted);
  c->pub = published;
  if (published < S_min_day() || published > S_max_day()) {
    S_setf(err, errlen, "'%s': the publication date is outside the years 1 to 9999",
           c->quoted);
    return 0;
  }
  an_day_to_ymd(published, &c->py, &c->pm, &c->pd);
  c->pwd = an_day_weekday(published);
  c->story = story;
  c->order = order;
  if (n > S_MAXLEN) {
    S_setf(err, errlen,
           "'%s' is too long to read as a time (over %d bytes); write an "
           "explicit value such as ^%04d-%02d",
           c->quoted, S_MAXLEN, c->py, c->pm);
    return 0;
  }
  /* trim and try an explicit EDTF value first */
  b = 0;
  e = n;
  while (b < e && (phrase[b] == ' ' || phrase[b] == '\t')) b++;
  while (e > b && (phrase[e - 1] == ' ' || phrase[e - 1] == '\t')) e--;
  if (b < e && (S_is_digit(phrase[b]) || phrase[b] == '.' || phrase[b] == '/')) {
    char tmp[S_MAXLEN + 1];
    memcpy(tmp, phrase + b, e - b);
    tmp[e - b] = '\0';
    /* "2014-22" in prose is a range of years, not EDTF summer 2014 */
    int subyear = e - b == 7 && tmp[4] == '-' && S_is_digit(tmp[5]) &&
                  S_is_digit(tmp[6]) && tmp[5] >= '2';
    if (!subyear && an_when_parse(tmp, &out->value, edtf_err, sizeof edtf_err)) {
      char disp[160];
      out->anchor = AN_ANCHOR_NONE;
      an_when_display(&out->value, disp, sizeof disp);
      S_setf(out->rule, sizeof out->rule, "'%s' -> %s: ", c->quoted, disp);
      out->rule_reason = strlen(out->rule);
      snprintf(out->rule + out->rule_reason, sizeof out->rule - out->rule_reason,
               "an explicit EDTF value, no anchor needed");
      return 1;
    }
    /* only an ISO-looking phrase keeps the EDTF reason */
    int iso = 1;
    for (size_t k = b; k < e; k++)
      if (!(S_is_digit(phrase[k]) || phrase[k] == '-' || phrase[k] == 'X' ||
            phrase[k] == 'W' || phrase[k] == 'T' || phrase[k] == ':' ||
            phrase[k] == 'Z' || phrase[k] == '?' || phrase[k] == '~' ||
            phrase[k] == '%'))
        iso = 0;
    if (!(iso && e - b >= 7 && phrase[b + 4] == '-')) edtf_err[0] = '\0';
  }
  S_fold(phrase, n, folded);
  if (!S_tokenize(c, folded, strlen(folded))) c->n = 0;
  for (int i = 0; i < c->n; i++)
    if (c->t[i].kind == TK_BAD) {
      c->n = 0;
      break;
    }
  if (b == e) {
    S_setf(err, errlen,
           "an empty phrase is not a time; write an explicit value such as "
           "[...](^%04d-%02d)",
           c->py, c->pm);
    return 0;
  }
  if (c->n == 0 && !c->has_err) {
    S_setf(err, errlen,
           "cannot read '%s' as a time; write an explicit value such as "
           "[%s](^%04d-%02d)",
           c->quoted, c->quoted, c->py, c->pm);
    return 0;
  }
  if (!S_not_a_time(c)) {
    S_setf(err, errlen, "%s", c->err);
    return 0;
  }
  S_time_of_day(c);
  if (c->n == 0) {
    S_setf(err, errlen,
           "'%s' gives a time of day but no day; write the day, e.g. "
           "[%s](^%04d-%02d-%02d)",
           c->quoted, c->quoted, c->py, c->pm, c->pd);
    return 0;
  }
  S_fillers(c);
  if (c->n == 0) {
    if (c->tod[0])
      S_setf(err, errlen,
             "'%s' gives a time of day but no day; write the day, e.g. "
             "[%s](^%04d-%02d-%02d)",
             c->quoted, c->quoted, c->py, c->pm, c->pd);
    else
      S_setf(err, errlen,
             "cannot read '%s' as a time; write an explicit value such as "
             "[%s](^%04d-%02d)",
             c->quoted, c->quoted, c->py, c->pm);
    return 0;
  }
  /* qualifiers */
  {
    static const char *const approx[] = {"about", "around", "circa", "c", "ca",
                                         "approximately", "roughly", "approx",
                                         NULL};
    static const char *const unsure[] = {"probably", "possibly", "perhaps",
                                         "reportedly", "likely", "maybe",
                                         "allegedly", NULL};
    int start = 0;
    while (start < c->n - 1) {
      if (S_win(c, start, approx)) qual |= AN_WHEN_APPROXIMATE;
      else if (S_win(c, start, unsure)) qual |= AN_WHEN_UNCERTAIN;
      else break;
      start++;
    }
    q_ok = S_phrase(c, start, c->n, &r);
  }
  if (!q_ok) {
    if (c->has_err)
      S_setf(err, errlen, "%s", c->err);
    else if (edtf_err[0])
      S_setf(err, errlen, "'%s' is not a valid date: %s", c->quoted, edtf_err);
    else
      S_setf(err, errlen,
             "cannot read '%s' as a time; write an explicit value such as "
             "[%s](^%04d-%02d)",
             c->quoted, c->quoted, c->py, c->pm);
    return 0;
  }
  if ((r.w.first != AN_DAY_MIN && r.w.first < S_min_day()) ||
      (r.w.last != AN_DAY_MAX && r.w.last > S_max_day())) {
    S_setf(err, errlen, "'%s' falls outside the years 1 to 9999", c->quoted);
    return 0;
  }
  if (qual) an_when_qualify(&r.w, (unsigned)qual);
  out->value = r.w;
  out->anchor = c->used_story ? AN_ANCHOR_STORY
                : c->used_pub ? AN_ANCHOR_PUBLISHED
                              : AN_ANCHOR_NONE;
  {
    char disp[160];
    size_t l;
    an_when_display(&out->value, disp, sizeof disp);
    S_setf(out->rule, sizeof out->rule, "'%s' -> %s: ", c->quoted, disp);
    out->rule_reason = l = strlen(out->rule);
    snprintf(out->rule + l, sizeof out->rule - l, "%s%s%s%s%s", r.why,
             c->tod[0] ? "; the time of day (" : "", c->tod,
             c->tod[0] ? ") keeps the day" : "",
             (qual & AN_WHEN_APPROXIMATE) && (qual & AN_WHEN_UNCERTAIN)
                 ? "; qualified as approximate and uncertain"
                 : (qual & AN_WHEN_APPROXIMATE) ? "; qualified as approximate"
                 : qual ? "; qualified as uncertain" : "");
  }
  return 1;
}
