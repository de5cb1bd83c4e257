/* test_phrase.c - reading news phrases against a publication date.
 *
 * Reference dates: THU = Thu 28 Dec 2023 (the example article), LEAP = Thu
 * 29 Feb 2024 (a leap day), YB = Mon 30 Dec 2024 (a year boundary: it is
 * in ISO week 1 of 2025), SUN = Sun 31 Dec 2023 (a Sunday). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../gen/phrase.h"
#include "../../gen/when.h"
#include "check.h"

#define THU "2023-12-28"
#define LEAP "2024-02-29"
#define YB "2024-12-30"
#define SUN "2023-12-31"

#define PUB AN_ANCHOR_PUBLISHED
#define STO AN_ANCHOR_STORY
#define ABS AN_ANCHOR_NONE

typedef struct {
  const char *phrase, *pub, *story; /* story: EDTF or NULL */
  an_date_order order;
  const char *edtf, *prec;
  an_anchor_kind anchor;
} ok_case;

static const ok_case ok_cases[] = {
    /* --- the example article (published Thu 28 Dec 2023) --- */
    {"on Friday", THU, NULL, 0, "2023-12-22", "day", PUB},
    {"Wednesday", THU, NULL, 0, "2023-12-27", "day", PUB},
    {"on Wednesday", THU, NULL, 0, "2023-12-27", "day", PUB},
    {"a Wednesday briefing", THU, NULL, 0, "2023-12-27", "day", PUB},
    {"last week", THU, NULL, 0, "2023-W51", "week", PUB},
    {"last week's", THU, NULL, 0, "2023-W51", "week", PUB},
    {"last week\xe2\x80\x99s", THU, NULL, 0, "2023-W51", "week", PUB},
    {"December 26, 2023", THU, NULL, 0, "2023-12-26", "day", ABS},
    {"The last two years", THU, NULL, 0, "2021-12-28/2023-12-28", "interval", PUB},
    {"post-WWII", THU, NULL, 0, "1945-09/2023-12-28", "interval", PUB},
    {"post\xe2\x80\x93WWII", THU, NULL, 0, "1945-09/2023-12-28", "interval", PUB},
    /* --- weekdays --- */
    {"Friday", THU, NULL, 0, "2023-12-22", "day", PUB},
    {"FRIDAY", THU, NULL, 0, "2023-12-22", "day", PUB},
    {"fri.", THU, NULL, 0, "2023-12-22", "day", PUB},
    {"Thursday", THU, NULL, 0, "2023-12-28", "day", PUB},
    {"last Thursday", THU, NULL, 0, "2023-12-21", "day", PUB},
    {"last Friday", THU, NULL, 0, "2023-12-22", "day", PUB},
    {"this Friday", THU, NULL, 0, "2023-12-29", "day", PUB},
    {"this Thursday", THU, NULL, 0, "2023-12-28", "day", PUB},
    {"coming Monday", THU, NULL, 0, "2024-01-01", "day", PUB},
    {"next Friday", THU, NULL, 0, "2024-01-05", "day", PUB},
    {"next Monday", THU, NULL, 0, "2024-01-01", "day", PUB},
    {"this past Monday", THU, NULL, 0, "2023-12-25", "day", PUB},
    {"this coming Monday", THU, NULL, 0, "2024-01-01", "day", PUB},
    {"this coming Thursday", THU, NULL, 0, "2023-12-28", "day", PUB},
    {"Weds", THU, NULL, 0, "2023-12-27", "day", PUB},
    {"last Weds.", THU, NULL, 0, "2023-12-27", "day", PUB},
    {"Sunday", SUN, NULL, 0, "2023-12-31", "day", PUB},
    {"last Sunday", SUN, NULL, 0, "2023-12-24", "day", PUB},
    {"this Sunday", SUN, NULL, 0, "2023-12-31", "day", PUB},
    {"next Sunday", SUN, NULL, 0, "2024-01-07", "day", PUB},
    {"on Friday", SUN, NULL, 0, "2023-12-29", "day", PUB},
    {"on Friday", LEAP, NULL, 0, "2024-02-23", "day", PUB},
    {"on Friday", YB, NULL, 0, "2024-12-27", "day", PUB},
    {"Monday", YB, NULL, 0, "2024-12-30", "day", PUB},
    {"last Monday", YB, NULL, 0, "2024-12-23", "day", PUB},
    {"this Friday", YB, NULL, 0, "2025-01-03", "day", PUB},
    {"next Friday", YB, NULL, 0, "2025-01-10", "day", PUB},
    {"Friday, Dec. 22", THU, NULL, 0, "2023-12-22", "day", PUB},
    /* --- time of day keeps the day --- */
    {"Friday night", THU, NULL, 0, "2023-12-22", "day", PUB},
    {"2 p.m. Tuesday", THU, NULL, 0, "2023-12-26", "day", PUB},
    {"2pm Tuesday", THU, NULL, 0, "2023-12-26", "day", PUB},
    {"Wednesday morning", THU, NULL, 0, "2023-12-27", "day", PUB},
    {"14:30 GMT on Friday", THU, NULL, 0, "2023-12-22", "day", PUB},
    {"10 a.m. local time Monday", THU, NULL, 0, "2023-12-25", "day", PUB},
    {"late Tuesday", THU, NULL, 0, "2023-12-26", "day", PUB},
    {"early Friday", THU, NULL, 0, "2023-12-22", "day", PUB},
    {"last night", THU, NULL, 0, "2023-12-27", "day", PUB},
    {"this morning", THU, NULL, 0, "2023-12-28", "day", PUB},
    {"tonight", THU, NULL, 0, "2023-12-28", "day", PUB},
    {"yesterday afternoon", THU, NULL, 0, "2023-12-27", "day", PUB},
    /* --- day words and offsets --- */
    {"yesterday", THU, NULL, 0, "2023-12-27", "day", PUB},
    {"today", THU, NULL, 0, "2023-12-28", "day", PUB},
    {"tomorrow", THU, NULL, 0, "2023-12-29", "day", PUB},
    {"tomorrow", SUN, NULL, 0, "2024-01-01", "day", PUB},
    {"yesterday", LEAP, NULL, 0, "2024-02-28", "day", PUB},
    {"the day before yesterday", THU, NULL, 0, "2023-12-26", "day", PUB},
    {"the day after tomorrow", SUN, NULL, 0, "2024-01-02", "day", PUB},
    {"two days ago", THU, NULL, 0, "2023-12-26", "day", PUB},
    {"2 days ago", THU, NULL, 0, "2023-12-26", "day", PUB},
    {"twenty-one days ago", THU, NULL, 0, "2023-12-07", "day", PUB},
    {"three weeks ago", THU, NULL, 0, "2023-12-07", "day", PUB},
    {"a fortnight ago", THU, NULL, 0, "2023-12-14", "day", PUB},
    {"a month ago", THU, NULL, 0, "2023-11-28", "day", PUB},
    {"a month ago", LEAP, NULL, 0, "2024-01-29", "day", PUB},
    {"a month ago", "2024-03-31", NULL, 0, "2024-02-29", "day", PUB},
    {"a month ago", "2023-03-31", NULL, 0, "2023-02-28", "day", PUB},
    {"six months ago", "2024-03-31", NULL, 0, "2023-09-30", "day", PUB},
    {"a year ago", THU, NULL, 0, "2022-12-28", "day", PUB},
    {"a year ago", LEAP, NULL, 0, "2023-02-28", "day", PUB},
    {"one year ago", LEAP, NULL, 0, "2023-02-28", "day", PUB},
    {"four years ago", LEAP, NULL, 0, "2020-02-29", "day", PUB},
    {"two decades ago", THU, NULL, 0, "2003", "year", PUB},
    {"two days ago", "2024-01-01", NULL, 0, "2023-12-30", "day", PUB},
    /* day counts past 200000 are days too (the differential test against
     * GNU date found them refused as outside the years 1 to 9999) */
    {"200001 days ago", THU, NULL, 0, "1476-05-28", "day", PUB},
    {"300000 days ago", THU, NULL, 0, "1202-08-14", "day", PUB},
    {"700000 days ago", THU, NULL, 0, "0107-06-16", "day", PUB},
    {"100000 weeks ago", THU, NULL, 0, "0107-06-16", "day", PUB},
    {"the past 300000 days", THU, NULL, 0, "1202-08-14/2023-12-28", "interval", PUB},
    /* --- calendar units --- */
    {"this week", THU, NULL, 0, "2023-W52", "week", PUB},
    {"next week", THU, NULL, 0, "2024-W01", "week", PUB},
    {"the week before last", THU, NULL, 0, "2023-W50", "week", PUB},
    {"the week after next", THU, NULL, 0, "2024-W02", "week", PUB},
    {"last week", SUN, NULL, 0, "2023-W51", "week", PUB},
    {"this week", SUN, NULL, 0, "2023-W52", "week", PUB},
    {"last week", LEAP, NULL, 0, "2024-W08", "week", PUB},
    {"this week", YB, NULL, 0, "2025-W01", "week", PUB},
    {"last week", YB, NULL, 0, "2024-W52", "week", PUB},
    {"next week", YB, NULL, 0, "2025-W02", "week", PUB},
    {"the week before last", YB, NULL, 0, "2024-W51", "week", PUB},
    {"last week", "2021-01-06", NULL, 0, "2020-W53", "week", PUB},
    {"last month", THU, NULL, 0, "2023-11", "month", PUB},
    {"this month", THU, NULL, 0, "2023-12", "month", PUB},
    {"next month", THU, NULL, 0, "2024-01", "month", PUB},
    {"the month before last", THU, NULL, 0, "2023-10", "month", PUB},
    {"last year", THU, NULL, 0, "2022", "year", PUB},
    {"this year", THU, NULL, 0, "2023", "year", PUB},
    {"next year", YB, NULL, 0, "2025", "year", PUB},
    {"the year before last", THU, NULL, 0, "2021", "year", PUB},
    {"last quarter", THU, NULL, 0, "2023-35", "quarter", PUB},
    {"this quarter", LEAP, NULL, 0, "2024-33", "quarter", PUB},
    {"last quarter", LEAP, NULL, 0, "2023-36", "quarter", PUB},
    {"last decade", THU, NULL, 0, "201X", "decade", PUB},
    {"this century", THU, NULL, 0, "20XX", "century", PUB},
    {"last century", THU, NULL, 0, "19XX", "century", PUB},
    {"this weekend", THU, NULL, 0, "2023-12-30/2023-12-31", "interval", PUB},
    {"last weekend", THU, NULL, 0, "2023-12-23/2023-12-24", "interval", PUB},
    {"the weekend", SUN, NULL, 0, "2023-12-30/2023-12-31", "interval", PUB},
    {"last weekend", YB, NULL, 0, "2024-12-28/2024-12-29", "interval", PUB},
    /* --- earlier / later / so far --- */
    {"earlier this month", THU, NULL, 0, "2023-12-01/2023-12-27", "interval", PUB},
    {"later this month", THU, NULL, 0, "2023-12-29/2023-12-31", "interval", PUB},
    {"earlier this week", THU, NULL, 0, "2023-12-25/2023-12-27", "interval", PUB},
    {"later this week", THU, NULL, 0, "2023-12-29/2023-12-31", "interval", PUB},
    {"earlier in the week", THU, NULL, 0, "2023-12-25/2023-12-27", "interval", PUB},
    {"earlier this year", SUN, NULL, 0, "2023-01-01/2023-12-30", "interval", PUB},
    {"later this year", THU, NULL, 0, "2023-12-29/2023-12-31", "interval", PUB},
    {"earlier this month", LEAP, NULL, 0, "2024-02-01/2024-02-28", "interval", PUB},
    {"later this week", YB, NULL, 0, "2024-12-31/2025-01-05", "interval", PUB},
    {"earlier this week", "2023-12-26", NULL, 0, "2023-12-25", "day", PUB},
    {"earlier today", THU, NULL, 0, "2023-12-28", "day", PUB},
    {"so far this year", THU, NULL, 0, "2023-01-01/2023-12-28", "interval", PUB},
    /* --- early / mid / late --- */
    {"mid-2022", THU, NULL, 0, "2022-05/2022-08", "interval", ABS},
    {"early 2022", THU, NULL, 0, "2022-01/2022-04", "interval", ABS},
    {"late 2023", THU, NULL, 0, "2023-09/2023-12", "interval", ABS},
    {"late last year", THU, NULL, 0, "2022-09/2022-12", "interval", PUB},
    {"early this year", LEAP, NULL, 0, "2024-01/2024-04", "interval", PUB},
    {"the end of 2023", THU, NULL, 0, "2023-09/2023-12", "interval", ABS},
    {"the end of the year", THU, NULL, 0, "2023-09/2023-12", "interval", PUB},
    {"the beginning of the month", THU, NULL, 0, "2023-12-01/2023-12-10", "interval", PUB},
    {"early December", THU, NULL, 0, "2023-12-01/2023-12-10", "interval", PUB},
    {"mid-December", THU, NULL, 0, "2023-12-11/2023-12-20", "interval", PUB},
    {"late December 2022", THU, NULL, 0, "2022-12-21/2022-12-31", "interval", ABS},
    {"late February", LEAP, NULL, 0, "2024-02-21/2024-02-29", "interval", PUB},
    {"late February 2023", THU, NULL, 0, "2023-02-21/2023-02-28", "interval", ABS},
    {"mid-February", LEAP, NULL, 0, "2024-02-11/2024-02-20", "interval", PUB},
    {"late this month", LEAP, NULL, 0, "2024-02-21/2024-02-29", "interval", PUB},
    {"early 1990s", THU, NULL, 0, "1990/1993", "interval", ABS},
    {"the mid-1990s", THU, NULL, 0, "1994/1996", "interval", ABS},
    {"the late '90s", THU, NULL, 0, "1997/1999", "interval", PUB},
    {"the early 20th century", THU, NULL, 0, "1900/1933", "interval", ABS},
    {"early last week", THU, NULL, 0, "2023-12-18/2023-12-19", "interval", PUB},
    {"late last week", THU, NULL, 0, "2023-12-22/2023-12-24", "interval", PUB},
    {"early Q3 2023", THU, NULL, 0, "2023-07", "month", ABS},
    {"late summer 2022", THU, NULL, 0, "2022-08", "month", ABS},
    /* --- seasons, quarters, halves --- */
    {"winter 2023", THU, NULL, 0, "2023-24", "season", ABS},
    {"winter 2022-23", THU, NULL, 0, "2022-24", "season", ABS},
    {"winter 2022/2023", THU, NULL, 0, "2022-24", "season", ABS},
    {"summer of 2022", THU, NULL, 0, "2022-22", "season", ABS},
    {"spring 2023", THU, NULL, 0, "2023-21", "season", ABS},
    {"fall 2023", THU, NULL, 0, "2023-23", "season", ABS},
    {"last summer", THU, NULL, 0, "2023-22", "season", PUB},
    {"last winter", THU, NULL, 0, "2022-24", "season", PUB},
    {"this winter", THU, NULL, 0, "2023-24", "season", PUB},
    {"next spring", THU, NULL, 0, "2024-21", "season", PUB},
    {"the summer", THU, NULL, 0, "2023-22", "season", PUB},
    {"winter", LEAP, NULL, 0, "2023-24", "season", PUB},
    {"spring", LEAP, NULL, 0, "2023-21", "season", PUB},
    {"last winter", LEAP, NULL, 0, "2022-24", "season", PUB},
    {"this winter", LEAP, NULL, 0, "2023-24", "season", PUB},
    {"last summer", "2023-07-15", NULL, 0, "2022-22", "season", PUB},
    {"Q3 2023", THU, NULL, 0, "2023-35", "quarter", ABS},
    {"q1 2024", THU, NULL, 0, "2024-33", "quarter", ABS},
    {"Q3", THU, NULL, 0, "2023-35", "quarter", PUB},
    {"Q4", LEAP, NULL, 0, "2023-36", "quarter", PUB},
    {"the third quarter", THU, NULL, 0, "2023-35", "quarter", PUB},
    {"the third quarter", "2023-05-10", NULL, 0, "2022-35", "quarter", PUB},
    {"third-quarter", THU, NULL, 0, "2023-35", "quarter", PUB},
    {"the fourth quarter of last year", THU, NULL, 0, "2022-36", "quarter", PUB},
    {"the second quarter of 2021", THU, NULL, 0, "2021-34", "quarter", ABS},
    {"the first half of 2023", THU, NULL, 0, "2023-40", "half", ABS},
    {"the second half of the year", THU, NULL, 0, "2023-41", "half", PUB},
    {"H2 2022", THU, NULL, 0, "2022-41", "half", ABS},
    {"the second half", LEAP, NULL, 0, "2023-41", "half", PUB},
    /* --- absolute dates --- */
    {"Dec. 26, 2023", THU, NULL, 0, "2023-12-26", "day", ABS},
    {"Dec 26 2023", THU, NULL, 0, "2023-12-26", "day", ABS},
    {"December 26th, 2023", THU, NULL, 0, "2023-12-26", "day", ABS},
    {"26 December 2023", THU, NULL, 0, "2023-12-26", "day", ABS},
    {"26th Dec. 2023", THU, NULL, 0, "2023-12-26", "day", ABS},
    {"the 26th of December, 2023", THU, NULL, 0, "2023-12-26", "day", ABS},
    {"Tuesday, December 26, 2023", THU, NULL, 0, "2023-12-26", "day", ABS},
    {"on\xc2\xa0" "December\xc2\xa0" "26", THU, NULL, 0, "2023-12-26", "day", PUB},
    {"2023-12-26", THU, NULL, 0, "2023-12-26", "day", ABS},
    {"2023-W51", THU, NULL, 0, "2023-W51", "week", ABS},
    {"2023-12", THU, NULL, 0, "2023-12", "month", ABS},
    {"December 26", THU, NULL, 0, "2023-12-26", "day", PUB},
    {"Dec. 26", THU, NULL, 0, "2023-12-26", "day", PUB},
    {"26 December", THU, NULL, 0, "2023-12-26", "day", PUB},
    {"Jan. 5", THU, NULL, 0, "2024-01-05", "day", PUB},
    {"January 3", YB, NULL, 0, "2025-01-03", "day", PUB},
    {"June 28", THU, NULL, 0, "2023-06-28", "day", PUB}, /* a tie: the past */
    {"February 29", LEAP, NULL, 0, "2024-02-29", "day", PUB},
    {"February 29", THU, NULL, 0, "2024-02-29", "day", PUB},
    {"the 26th", THU, NULL, 0, "2023-12-26", "day", PUB},
    {"the 1st", YB, NULL, 0, "2025-01-01", "day", PUB},
    {"the 31st", LEAP, NULL, 0, "2024-01-31", "day", PUB},
    {"the week of December 18", THU, NULL, 0, "2023-W51", "week", PUB},
    {"the week of Dec. 30, 2024", THU, NULL, 0, "2025-W01", "week", ABS},
    {"12/06/2023", THU, NULL, AN_DATE_ORDER_MDY, "2023-12-06", "day", ABS},
    {"12/06/2023", THU, NULL, AN_DATE_ORDER_DMY, "2023-06-12", "day", ABS},
    {"25/12/2023", THU, NULL, 0, "2023-12-25", "day", ABS},
    {"12/25/2023", THU, NULL, 0, "2023-12-25", "day", ABS},
    {"12/06", THU, NULL, AN_DATE_ORDER_MDY, "2023-12-06", "day", PUB},
    /* --- months and years --- */
    {"December 2023", THU, NULL, 0, "2023-12", "month", ABS},
    {"Dec. 2023", THU, NULL, 0, "2023-12", "month", ABS},
    {"May 2023", THU, NULL, 0, "2023-05", "month", ABS},
    {"December of 2023", THU, NULL, 0, "2023-12", "month", ABS},
    {"December last year", THU, NULL, 0, "2022-12", "month", PUB},
    {"in March", THU, NULL, 0, "2023-03", "month", PUB},
    {"in March", LEAP, NULL, 0, "2023-03", "month", PUB},
    {"in December", THU, NULL, 0, "2023-12", "month", PUB},
    {"in December", YB, NULL, 0, "2024-12", "month", PUB},
    {"last December", THU, NULL, 0, "2022-12", "month", PUB},
    {"last December", YB, NULL, 0, "2023-12", "month", PUB},
    {"last December", LEAP, NULL, 0, "2023-12", "month", PUB},
    {"last March", THU, NULL, 0, "2023-03", "month", PUB},
    {"this March", THU, NULL, 0, "2023-03", "month", PUB},
    {"next March", THU, NULL, 0, "2024-03", "month", PUB},
    {"2023", THU, NULL, 0, "2023", "year", ABS},
    {"in 2014", THU, NULL, 0, "2014", "year", ABS},
    {"the year 2014", THU, NULL, 0, "2014", "year", ABS},
    {"sometime in 2023", THU, NULL, 0, "2023", "year", ABS},
    {"the 1990s", THU, NULL, 0, "199X", "decade", ABS},
    {"the 1990's", THU, NULL, 0, "199X", "decade", ABS},
    {"the nineties", THU, NULL, 0, "199X", "decade", PUB},
    {"the '90s", THU, NULL, 0, "199X", "decade", PUB},
    {"the \xe2\x80\x99" "90s", THU, NULL, 0, "199X", "decade", PUB},
    {"the 90s", THU, NULL, 0, "199X", "decade", PUB},
    {"the twenties", THU, NULL, 0, "202X", "decade", PUB},
    {"the '20s", "2019-06-01", NULL, 0, "192X", "decade", PUB},
    {"the 2010s", THU, NULL, 0, "201X", "decade", ABS},
    {"the 20th century", THU, NULL, 0, "19XX", "century", ABS},
    {"the twentieth century", THU, NULL, 0, "19XX", "century", ABS},
    {"the 21st century", THU, NULL, 0, "20XX", "century", ABS},
    {"the twenty-first century", THU, NULL, 0, "20XX", "century", ABS},
    {"the 19th century", THU, NULL, 0, "18XX", "century", ABS},
    /* --- ranges --- */
    {"from 2014 to 2022", THU, NULL, 0, "2014/2022", "interval", ABS},
    {"2014-2022", THU, NULL, 0, "2014/2022", "interval", ABS},
    {"2014\xe2\x80\x93" "2022", THU, NULL, 0, "2014/2022", "interval", ABS},
    {"2014-22", THU, NULL, 0, "2014/2022", "interval", ABS},
    {"between 2014 and 2016", THU, NULL, 0, "2014/2016", "interval", ABS},
    {"between March and May 2023", THU, NULL, 0, "2023-03/2023-05", "interval", ABS},
    {"between March and May", THU, NULL, 0, "2023-03/2023-05", "interval", PUB},
    {"between November and February", THU, NULL, 0, "2022-11/2023-02", "interval", PUB},
    {"from December 2022 to February", THU, NULL, 0, "2022-12/2023-02", "interval", ABS},
    {"Dec. 18-22", THU, NULL, 0, "2023-12-18/2023-12-22", "interval", PUB},
    {"Dec. 18\xe2\x80\x93" "22", THU, NULL, 0, "2023-12-18/2023-12-22", "interval", PUB},
    {"December 18-22, 2023", THU, NULL, 0, "2023-12-18/2023-12-22", "interval", ABS},
    {"Dec. 18 to 22, 2023", THU, NULL, 0, "2023-12-18/2023-12-22", "interval", ABS},
    {"18-22 December 2023", THU, NULL, 0, "2023-12-18/2023-12-22", "interval", ABS},
    {"Dec 30 - Jan 2", THU, NULL, 0, "2023-12-30/2024-01-02", "interval", PUB},
    {"from Nov. 30 to Dec. 2, 2023", THU, NULL, 0, "2023-11-30/2023-12-02", "interval", ABS},
    {"2023-12-26 to 2023-12-28", THU, NULL, 0, "2023-12-26/2023-12-28", "interval", ABS},
    {"from Monday to Wednesday", THU, NULL, 0, "2023-12-25/2023-12-27", "interval", PUB},
    {"from last week until today", THU, NULL, 0, "2023-W51/2023-12-28", "interval", PUB},
    /* --- since and spans end at publication --- */
    {"since February 2022", THU, NULL, 0, "2022-02/2023-12-28", "interval", PUB},
    {"since February 2022", LEAP, NULL, 0, "2022-02/2024-02-29", "interval", PUB},
    {"since 2014", THU, NULL, 0, "2014/2023-12-28", "interval", PUB},
    {"since Friday", THU, NULL, 0, "2023-12-22/2023-12-28", "interval", PUB},
    {"ever since the 1990s", THU, NULL, 0, "199X/2023-12-28", "interval", PUB},
    {"the past two years", THU, NULL, 0, "2021-12-28/2023-12-28", "interval", PUB},
    {"the last two years", LEAP, NULL, 0, "2022-02-28/2024-02-29", "interval", PUB},
    {"the past 18 months", THU, NULL, 0, "2022-06-28/2023-12-28", "interval", PUB},
    {"over the past three weeks", THU, NULL, 0, "2023-12-07/2023-12-28", "interval", PUB},
    {"in the past week", THU, NULL, 0, "2023-12-21/2023-12-28", "interval", PUB},
    {"the past year", THU, NULL, 0, "2022-12-28/2023-12-28", "interval", PUB},
    {"the past decade", THU, NULL, 0, "2013-12-28/2023-12-28", "interval", PUB},
    {"for the past two years", THU, NULL, 0, "2021-12-28/2023-12-28", "interval", PUB},
    /* --- eras --- */
    {"after World War II", THU, NULL, 0, "1945-09/2023-12-28", "interval", PUB},
    {"after the Second World War", THU, NULL, 0, "1945-09/2023-12-28", "interval", PUB},
    {"since WW2", THU, NULL, 0, "1945-09/2023-12-28", "interval", PUB},
    {"WWII", THU, NULL, 0, "1939-09-01/1945-09-02", "interval", ABS},
    {"during World War I", THU, NULL, 0, "1914-07-28/1918-11-11", "interval", ABS},
    {"pre-WWII", THU, NULL, 0, "../1939-08", "interval", ABS},
    {"the Cold War", THU, NULL, 0, "1947/1991", "interval", ABS},
    /* --- qualifiers --- */
    {"about 2023", THU, NULL, 0, "2023~", "year", ABS},
    {"c. 1945", THU, NULL, 0, "1945~", "year", ABS},
    {"circa 1945", THU, NULL, 0, "1945~", "year", ABS},
    {"around mid-2022", THU, NULL, 0, "2022-05~/2022-08~", "interval", ABS},
    {"probably in 2014", THU, NULL, 0, "2014?", "year", ABS},
    {"possibly last week", THU, NULL, 0, "2023-W51?", "week", PUB},
    /* --- story-relative --- */
    {"two days later", THU, "2023-12-22", 0, "2023-12-24", "day", STO},
    {"a week later", THU, "2023-12-22", 0, "2023-12-29", "day", STO},
    {"three months earlier", THU, "2023-12-22", 0, "2023-09-22", "day", STO},
    {"a year earlier", THU, "2024-02-29", 0, "2023-02-28", "day", STO},
    {"300000 days earlier", THU, "2023-12-22", 0, "1202-08-08", "day", STO},
    {"the following Monday", THU, "2023-12-22", 0, "2023-12-25", "day", STO},
    {"the following Friday", THU, "2023-12-22", 0, "2023-12-29", "day", STO},
    {"the previous Monday", THU, "2023-12-22", 0, "2023-12-18", "day", STO},
    {"the next day", THU, "2023-12-22", 0, "2023-12-23", "day", STO},
    {"the following day", THU, "2023-12-22", 0, "2023-12-23", "day", STO},
    {"the day before", THU, "2023-12-22", 0, "2023-12-21", "day", STO},
    {"the same day", THU, "2023-12-22T14:30Z", 0, "2023-12-22", "day", STO},
    {"that week", THU, "2023-12-22", 0, "2023-W51", "week", STO},
    {"the following week", THU, "2023-12-22", 0, "2023-W52", "week", STO},
    {"the following year", THU, "2014", 0, "2015", "year", STO},
    {"two years later", THU, "2014", 0, "2016", "year", STO},
    {"a year earlier", THU, "2014", 0, "2013", "year", STO},
    {"two years later", THU, "2014-03", 0, "2016-03", "month", STO},
    {"six months later", THU, "2014-03", 0, "2014-09", "month", STO},
    {"a week later", THU, "2023-W51", 0, "2023-W52", "week", STO},
    {"six months later", THU, "2014", 0, "2014-07-01/2015-06-30", "interval", STO},
    {"two days later", THU, "2014", 0, "2014-01-03/2015-01-02", "interval", STO},
};

typedef struct {
  const char *phrase, *pub, *story;
  an_date_order order;
  const char *err; /* substring of the message */
} err_case;

static const err_case err_cases[] = {
    /* unreadable: names the phrase and shows the explicit form */
    {"the other day", THU, NULL, 0,
     "cannot read 'the other day' as a time; write an explicit value such as "
     "[the other day](^2023-12)"},
    {"recently", THU, NULL, 0, "[recently](^2023-12)"},
    {"soon", THU, NULL, 0, "cannot read 'soon'"},
    {"Russia\xe2\x80\x99s", THU, NULL, 0, "cannot read"},
    {"the", THU, NULL, 0, "cannot read 'the'"},
    {"Friday Friday", THU, NULL, 0, "cannot read"},
    {"last", THU, NULL, 0, "cannot read"},
    {"2023 2024", THU, NULL, 0, "cannot read"},
    {"May 32", THU, NULL, 0, "day 32 does not exist"},
    /* durations and repetitions are not times */
    {"for two years", THU, NULL, 0, "duration, not a time"},
    {"for two years", THU, NULL, 0, "^2021-12-28/2023-12-28"},
    {"two years", THU, NULL, 0, "duration"},
    {"for years", THU, NULL, 0, "duration"},
    {"decades", THU, NULL, 0, "duration"},
    {"within 48 hours", THU, NULL, 0, "duration"},
    {"24/7", THU, NULL, 0, "repetition, not a time"},
    {"every Friday", THU, NULL, 0, "repetition"},
    {"weekly", THU, NULL, 0, "repetition"},
    {"on Fridays", THU, NULL, 0, "repetition"},
    {"around the clock", THU, NULL, 0, "repetition"},
    {"once a week", THU, NULL, 0, "repetition"},
    {"each year", THU, NULL, 0, "repetition"},
    /* vague or needing a clock */
    {"a few days ago", THU, NULL, 0, "vague"},
    {"the past few years", THU, NULL, 0, "vague"},
    {"three hours ago", THU, NULL, 0, "time of publication"},
    {"years ago", THU, NULL, 0, "no number"},
    {"at noon", THU, NULL, 0, "time of day but no day"},
    {"2 p.m.", THU, NULL, 0, "time of day but no day"},
    /* story-relative without a story */
    {"two years later", THU, NULL, 0, "relative to the story"},
    {"the following Monday", THU, NULL, 0, "relative to the story"},
    {"a year earlier", THU, NULL, 0, "relative to the story"},
    {"the next day", THU, NULL, 0, "relative to the story"},
    {"that day", THU, NULL, 0, "relative to the story"},
    {"two days later", THU, "2014/..", 0, "open-ended"},
    /* slash dates */
    {"12/06/2023", THU, NULL, 0, "ambiguous"},
    {"12/06/2023", THU, NULL, 0, "date-order: mdy"},
    {"13/13/2023", THU, NULL, 0, "neither 13 nor 13 can be a month"},
    {"12/25/23", THU, NULL, 0, "year in full"},
    {"25/12/2023", THU, NULL, AN_DATE_ORDER_MDY, "month 25 does not exist"},
    /* invalid dates */
    {"February 30, 2023", THU, NULL, 0, "February 2023 has 28 days"},
    {"February 29, 2023", THU, NULL, 0, "February 2023 has 28 days"},
    {"Feb 30", THU, NULL, 0, "at most 29 days"},
    {"2023-02-30", THU, NULL, 0, "February 2023 has 28 days"},
    {"2023-13-01", THU, NULL, 0, "month 13 does not exist"},
    {"2021-W53", THU, NULL, 0, "week 53 does not exist in 2021"},
    {"Monday, Dec. 22", THU, NULL, 0, "is a Friday, not a Monday"},
    {"Q5 2023", THU, NULL, 0, "four quarters"},
    {"the third half", THU, NULL, 0, "two halves"},
    {"winter 2022-24", THU, NULL, 0, "winter 2022-23"},
    {"the 1900s", THU, NULL, 0, "the decade (190X) or the century (19XX)"},
    {"the 32nd", THU, NULL, 0, "day 32 does not exist"},
    {"from 2022 to 2014", THU, NULL, 0, "before it starts"},
    {"from Wednesday to Monday", THU, NULL, 0, "before it starts"},
    {"since 2024", THU, NULL, 0, "starts after the publication date"},
    {"earlier this week", YB, NULL, 0, "is empty"},
    {"later this week", SUN, NULL, 0, "is empty"},
    {"later this year", SUN, NULL, 0, "is empty"},
    {"earlier this month", "2023-12-01", NULL, 0, "is empty"},
    {"5000 years ago", THU, NULL, 0, "outside the years 1 to 9999"},
    {"99999999999 days ago", THU, NULL, 0, "outside the years 1 to 9999"},
    {"740000 days ago", THU, NULL, 0, "outside the years 1 to 9999"},
    {"9999999 weeks ago", THU, NULL, 0, "outside the years 1 to 9999"},
    {"9999999 days later", THU, "2023-12-22", 0, "outside the years 1 to 9999"},
    {"next century", "9950-01-01", NULL, 0, "outside"},
    /* robustness */
    {"", THU, NULL, 0, "empty phrase"},
    {"     ", THU, NULL, 0, "empty phrase"},
    {"\xc2\xa0\xc2\xa0", THU, NULL, 0, "cannot read"},
    {"\xff\xfe", THU, NULL, 0, "cannot read '?" "?'"},
    {"Friday\x01", THU, NULL, 0, "cannot read"},
    {"\xe2\x80", THU, NULL, 0, "cannot read"},
    {"last \xf0\x9f\x98\x80 week", THU, NULL, 0, "cannot read 'last \xf0\x9f\x98\x80 week'"},
    {"----", THU, NULL, 0, "cannot read"},
    {"////", THU, NULL, 0, "cannot read"},
    {"'", THU, NULL, 0, "cannot read"},
    {"early early early", THU, NULL, 0, "cannot read"},
    {"from to", THU, NULL, 0, "cannot read"},
    {"between and", THU, NULL, 0, "cannot read"},
    {"since", THU, NULL, 0, "cannot read"},
    {"Q", THU, NULL, 0, "cannot read"},
    {"supercalifragilisticexpialidocious Friday", THU, NULL, 0, "cannot read"},
};

static int32_t day_of(const char *iso) {
  int y, m, d;
  if (sscanf(iso, "%d-%d-%d", &y, &m, &d) != 3) return 0;
  return an_day_from_ymd(y, m, d);
}

static void test_table(void) {
  char err[400];
  for (size_t i = 0; i < sizeof ok_cases / sizeof ok_cases[0]; i++) {
    const ok_case *c = &ok_cases[i];
    an_phrase_result r;
    an_when story;
    const an_when *sp = NULL;
    if (c->story) {
      CHECK(an_when_parse(c->story, &story, err, sizeof err));
      sp = &story;
    }
    int ok = an_phrase_resolve(c->phrase, day_of(c->pub), sp, c->order, &r, err,
                               sizeof err);
    if (!ok) fprintf(stderr, "  '%s' (pub %s): %s\n", c->phrase, c->pub, err);
    CHECK(ok);
    if (!ok) continue;
    if (strcmp(r.value.edtf, c->edtf))
      fprintf(stderr, "  '%s' (pub %s): got %s, want %s\n", c->phrase, c->pub,
              r.value.edtf, c->edtf);
    CHECK_STR(r.value.edtf, c->edtf);
    CHECK_STR(an_precision_name(r.value.precision), c->prec);
    if (r.anchor != c->anchor)
      fprintf(stderr, "  '%s': anchor %d, want %d\n", c->phrase, r.anchor, c->anchor);
    CHECK_INT(r.anchor, c->anchor);
    /* every rule names the phrase, and its anchor when it has one */
    CHECK(strncmp(r.rule, "'", 1) == 0 && strstr(r.rule, "' -> ") != NULL);
    CHECK(r.rule_reason > 0 && r.rule_reason < strlen(r.rule));
    if (c->anchor == PUB) CHECK(strstr(r.rule, "the publication date") != NULL);
    if (c->anchor == STO) CHECK(strstr(r.rule, "the preceding time in the story") != NULL);
    /* properties: the value parses back to itself, and never ends before
     * it starts */
    an_when back;
    CHECK(an_when_parse(r.value.edtf, &back, err, sizeof err));
    CHECK(back.first == r.value.first && back.last == r.value.last &&
          back.precision == r.value.precision);
    CHECK(r.value.first <= r.value.last);
  }
  for (size_t i = 0; i < sizeof err_cases / sizeof err_cases[0]; i++) {
    const err_case *c = &err_cases[i];
    an_phrase_result r;
    an_when story;
    const an_when *sp = NULL;
    if (c->story) {
      CHECK(an_when_parse(c->story, &story, err, sizeof err));
      sp = &story;
    }
    err[0] = '\0';
    int ok = an_phrase_resolve(c->phrase, day_of(c->pub), sp, c->order, &r, err,
                               sizeof err);
    if (ok) fprintf(stderr, "  '%s' resolved to %s\n", c->phrase, r.value.edtf);
    CHECK(!ok);
    if (!strstr(err, c->err))
      fprintf(stderr, "  '%s': got '%s'\n  want a message with '%s'\n", c->phrase,
              err, c->err);
    CHECK(strstr(err, c->err) != NULL);
    CHECK(strchr(err, '\n') == NULL); /* one line */
  }
}

/* Properties, for every phrase of the table against every reference date
 * (and the case's own): a value read is printed as its EDTF, and that text
 * parses back to the same value (text, days, precision, qualifiers); no
 * value ends before it starts; a refusal is one non-empty line. */
static void test_properties(void) {
  static const char *const refs[] = {THU, LEAP, YB, SUN, "2024-03-31",
                                     "2024-12-31", "2025-01-01", "2023-01-01"};
  char err[400];
  int read = 0, refused = 0;
  size_t nok = sizeof ok_cases / sizeof ok_cases[0];
  size_t nerr = sizeof err_cases / sizeof err_cases[0];
  for (size_t i = 0; i < nok + nerr; i++) {
    const char *phrase = i < nok ? ok_cases[i].phrase : err_cases[i - nok].phrase;
    const char *story = i < nok ? ok_cases[i].story : err_cases[i - nok].story;
    const char *own = i < nok ? ok_cases[i].pub : err_cases[i - nok].pub;
    an_date_order order = i < nok ? ok_cases[i].order : err_cases[i - nok].order;
    an_when sw;
    const an_when *sp = NULL;
    if (story && an_when_parse(story, &sw, err, sizeof err)) sp = &sw;
    for (size_t k = 0; k <= sizeof refs / sizeof refs[0]; k++) {
      const char *ref = k < sizeof refs / sizeof refs[0] ? refs[k] : own;
      an_phrase_result r;
      err[0] = '\0';
      if (!an_phrase_resolve(phrase, day_of(ref), sp, order, &r, err, sizeof err)) {
        refused++;
        int one_line = err[0] != '\0' && strchr(err, '\n') == NULL;
        if (!one_line) fprintf(stderr, "  '%s' (pub %s): refused without a one-line reason\n", phrase, ref);
        CHECK(one_line);
        continue;
      }
      read++;
      an_when back;
      char perr[200] = "";
      int ok = an_when_parse(r.value.edtf, &back, perr, sizeof perr) &&
               strcmp(back.edtf, r.value.edtf) == 0 && back.first == r.value.first &&
               back.last == r.value.last && back.precision == r.value.precision &&
               back.flags == r.value.flags && r.value.first <= r.value.last;
      if (!ok)
        fprintf(stderr,
                "  '%s' (pub %s) -> %s [%ld..%ld]: parses back as %s [%ld..%ld] %s\n",
                phrase, ref, r.value.edtf, (long)r.value.first, (long)r.value.last,
                back.edtf, (long)back.first, (long)back.last, perr);
      CHECK(ok);
    }
  }
  printf("properties: %d readings parse back to themselves, %d refusals are one line\n",
         read, refused);
}

static void test_rules(void) {
  an_phrase_result r;
  char err[300];
  int32_t thu = day_of(THU);
  CHECK(an_phrase_resolve("on Friday", thu, NULL, 0, &r, err, sizeof err));
  CHECK_STR(r.rule,
            "'on Friday' -> Fri 22 Dec 2023: the most recent Friday on or "
            "before Thu 28 Dec 2023, the publication date");
  CHECK_STR(r.rule + r.rule_reason,
            "the most recent Friday on or before Thu 28 Dec 2023, the "
            "publication date");
  CHECK_INT(r.value.first, day_of("2023-12-22"));
  CHECK_INT(r.value.last, day_of("2023-12-22"));
  CHECK(an_phrase_resolve("last week", thu, NULL, 0, &r, err, sizeof err));
  CHECK_STR(r.rule,
            "'last week' -> week 51 of 2023 (18-24 Dec): the ISO week (Monday "
            "to Sunday) before the one holding Thu 28 Dec 2023, the "
            "publication date");
  CHECK_INT(r.value.first, day_of("2023-12-18"));
  CHECK_INT(r.value.last, day_of("2023-12-24"));
  CHECK(an_phrase_resolve("The last two years", thu, NULL, 0, &r, err, sizeof err));
  CHECK(strstr(r.rule, "the 2 years up to Thu 28 Dec 2023, the publication date") != NULL);
  CHECK(an_phrase_resolve("post-WWII", thu, NULL, 0, &r, err, sizeof err));
  CHECK(strstr(r.rule, "after World War II") != NULL);
  CHECK_INT(r.value.start_precision, AN_PREC_MONTH);
  CHECK_INT(r.value.end_precision, AN_PREC_DAY);
  CHECK(an_phrase_resolve("a year ago", day_of(LEAP), NULL, 0, &r, err, sizeof err));
  CHECK(strstr(r.rule, "clamped") != NULL);
  CHECK(an_phrase_resolve("Friday night", thu, NULL, 0, &r, err, sizeof err));
  CHECK(strstr(r.rule, "the time of day (night) keeps the day") != NULL);
  CHECK(an_phrase_resolve("about 2023", thu, NULL, 0, &r, err, sizeof err));
  CHECK(strstr(r.rule, "approximate") != NULL);
  CHECK(r.value.flags & AN_WHEN_APPROXIMATE);
  CHECK(an_phrase_resolve("December 26, 2023", thu, NULL, 0, &r, err, sizeof err));
  CHECK_STR(r.rule, "'December 26, 2023' -> Tue 26 Dec 2023: the date as written");
  an_when story;
  an_when_parse("2023-12-22", &story, err, sizeof err);
  CHECK(an_phrase_resolve("two days later", thu, &story, 0, &r, err, sizeof err));
  CHECK_STR(r.rule + r.rule_reason,
            "2 days after Fri 22 Dec 2023, the preceding time in the story");
}

static void test_robustness(void) {
  an_phrase_result r;
  char err[300], big[400];
  int32_t thu = day_of(THU);
  /* over 200 bytes: an error, not a crash */
  memset(big, 'a', 300);
  big[300] = '\0';
  CHECK(!an_phrase_resolve(big, thu, NULL, 0, &r, err, sizeof err));
  CHECK(strstr(err, "too long") != NULL);
  CHECK(strlen(err) < sizeof err);
  /* exactly 200 bytes of words is read (and rejected) normally */
  memset(big, 0, sizeof big);
  for (int i = 0; i < 40; i++) strcat(big, "last ");
  CHECK_INT(strlen(big), 200);
  CHECK(!an_phrase_resolve(big, thu, NULL, 0, &r, err, sizeof err));
  CHECK(strstr(err, "cannot read") != NULL);
  /* deep nesting of modifiers */
  memset(big, 0, sizeof big);
  for (int i = 0; i < 32; i++) strcat(big, "mid-");
  strcat(big, "2022");
  CHECK(!an_phrase_resolve(big, thu, NULL, 0, &r, err, sizeof err));
  /* many separators */
  memset(big, 0, sizeof big);
  for (int i = 0; i < 66; i++) strcat(big, "1-");
  CHECK(!an_phrase_resolve(big, thu, NULL, 0, &r, err, sizeof err));
  /* NULL phrase, NULL or tiny error buffers */
  CHECK(!an_phrase_resolve(NULL, thu, NULL, 0, &r, err, sizeof err));
  CHECK(!an_phrase_resolve("the other day", thu, NULL, 0, &r, NULL, 0));
  char tiny[5];
  CHECK(!an_phrase_resolve("the other day", thu, NULL, 0, &r, tiny, sizeof tiny));
  CHECK_INT(strlen(tiny), 4);
  /* a publication date outside 1..9999 */
  CHECK(!an_phrase_resolve("Friday", an_day_from_ymd(10000, 1, 1), NULL, 0, &r, err,
                           sizeof err));
  /* pseudo-random bytes: never crashes; every success is a valid value */
  unsigned long seed = 12345;
  int fails = 0;
  for (int it = 0; it < 20000; it++) {
    char s[64];
    int n = (int)(it % 60);
    for (int i = 0; i < n; i++) {
      seed = seed * 6364136223846793005UL + 1442695040888963407UL;
      s[i] = (char)(((seed >> 33) % 255) + 1);
    }
    s[n] = '\0';
    if (an_phrase_resolve(s, thu, NULL, 0, &r, err, sizeof err)) {
      an_when back;
      if (!an_when_parse(r.value.edtf, &back, err, sizeof err)) fails++;
    } else if (!err[0]) {
      fails++;
    }
  }
  CHECK_INT(fails, 0);
  /* shuffled vocabulary */
  static const char *const words[] = {
      "last", "next", "this", "the", "of", "on", "Friday", "week", "weeks",
      "month", "year", "years", "ago", "later", "since", "from", "to",
      "between", "and", "-", "/", "'", "2023", "1990s", "12", "31", "Dec.",
      "mid", "early", "late", "Q3", "first", "half", "quarter", "winter",
      "two", "a", "day", "before", "after", "post", "WWII", "p.m.", "night",
      "century", "20th", "past", "18", "2014", "22", "..", "%"};
  size_t nw = sizeof words / sizeof words[0];
  an_when story;
  an_when_parse("2023-12-22", &story, err, sizeof err);
  for (int it = 0; it < 50000; it++) {
    char s[256] = "";
    int n = 1 + it % 6;
    for (int i = 0; i < n; i++) {
      seed = seed * 6364136223846793005UL + 1442695040888963407UL;
      strcat(s, words[(seed >> 33) % nw]);
      strcat(s, " ");
    }
    if (an_phrase_resolve(s, thu, (it & 1) ? &story : NULL, 0, &r, err, sizeof err)) {
      an_when back;
      if (!an_when_parse(r.value.edtf, &back, err, sizeof err) ||
          back.first != r.value.first || back.last != r.value.last ||
          r.value.first > r.value.last) {
        fprintf(stderr, "  '%s' -> %s\n", s, r.value.edtf);
        fails++;
      }
    } else if (!err[0]) {
      fails++;
    }
  }
  CHECK_INT(fails, 0);
}

int main(void) {
  test_table();
  test_properties();
  test_rules();
  test_robustness();
  printf("%zu expressions read, %zu rejected with a reason\n",
         sizeof ok_cases / sizeof ok_cases[0], sizeof err_cases / sizeof err_cases[0]);
  return check_report();
}
