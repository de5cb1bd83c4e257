/* calendar.c - see calendar.h. */
#include "calendar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "alloc.h"
#include "buf.h"
#include "when.h"
#include "xml.h"

static xmlChar *S_attr(xmlNodePtr n, const char *name) {
  return n ? xmlGetNoNsProp(n, (const xmlChar *)name) : NULL;
}

/* The text of n with runs of white space made one space, trimmed. */
static void S_flat_text(an_buf *b, xmlNodePtr n) {
  xmlChar *t = n ? xmlNodeGetContent(n) : NULL;
  int space = 0, any = 0;
  for (const char *s = t ? (const char *)t : ""; *s; s++) {
    if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') {
      space = any;
      continue;
    }
    if (space) an_buf_putc(b, ' ');
    space = 0;
    any = 1;
    an_buf_putc(b, *s);
  }
  xmlFree(t);
}

/* YYYY-MM-DD at the start of s as a day number; 0 when it is not one. */
static int S_day(const xmlChar *s, int32_t *day) {
  int y, m, d;
  char tail;
  if (!s || sscanf((const char *)s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) < 3) return 0;
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > 31) return 0;
  *day = an_day_from_ymd(y, m, d);
  return 1;
}

static struct icaltimetype S_date(int32_t day) {
  struct icaltimetype t = icaltime_null_date();
  int y, m, d;
  an_day_to_ymd(day, &y, &m, &d);
  t.year = y;
  t.month = m;
  t.day = d;
  t.is_date = 1;
  return t;
}

/* DTSTAMP: the build time, else the as-of date, else 1970-01-01, in UTC. */
static struct icaltimetype S_stamp(xmlNodePtr root) {
  struct icaltimetype t = icaltime_null_time();
  xmlChar *built = S_attr(root, "built");
  xmlChar *asof = S_attr(an_xml_first(an_xml_first(root, "head"), "date"), "value");
  int y = 1970, mo = 1, d = 1, h = 0, mi = 0, s = 0;
  if (!built || sscanf((const char *)built, "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d,
                       &h, &mi, &s) != 6) {
    y = 1970, mo = 1, d = 1, h = 0, mi = 0, s = 0;
    if (asof && sscanf((const char *)asof, "%4d-%2d-%2d", &y, &mo, &d) != 3)
      y = 1970, mo = 1, d = 1;
  }
  xmlFree(built);
  xmlFree(asof);
  t.year = y;
  t.month = mo;
  t.day = d;
  t.hour = h;
  t.minute = mi;
  t.second = s;
  t.zone = icaltimezone_get_utc_timezone();
  return t;
}

/* Adds the VEVENT of one event (its sources' titles from `sources`, the
 * index of the model's sources by id); 0 when it has no date to put it on. */
static int S_event(icalcomponent *cal, const an_xml_index *sources, xmlNodePtr ev,
                   struct icaltimetype stamp, const char *base) {
  xmlNodePtr t = an_xml_first(ev, "time"), rep = an_xml_first(ev, "reported-by");
  int32_t first = 0, last = 0;
  int has_first = 0, has_last = 0;
  an_buf note = AN_BUF_INIT;
  xmlChar *display = S_attr(t ? t : rep, "display");
  if (t) {
    xmlChar *a = S_attr(t, "start"), *b = S_attr(t, "end");
    has_first = S_day(a, &first);
    has_last = S_day(b, &last);
    xmlFree(a);
    xmlFree(b);
    if (has_first && !has_last) {
      last = first;
      an_buf_printf(&note, "Open end: %s; shown on its first day only.",
                    display ? (const char *)display : "");
    } else if (!has_first && has_last) {
      first = last;
      an_buf_printf(&note, "Open start: %s; shown on its last day only.",
                    display ? (const char *)display : "");
    }
    xmlChar *u = S_attr(t, "uncertain"), *x = S_attr(t, "approximate");
    if (u || x)
      an_buf_printf(&note, "%sThe date is %s%s%s.", note.len ? " " : "",
                    u ? "uncertain" : "", u && x ? " and " : "",
                    x ? "approximate" : "");
    xmlFree(u);
    xmlFree(x);
  } else if (rep) {
    xmlChar *v = S_attr(rep, "value");
    has_last = S_day(v, &last);
    first = last;
    xmlFree(v);
    an_buf_printf(&note, "Date not known: reported by a source published %s; "
                         "shown on that day.",
                  display ? (const char *)display : "");
  }
  if (!has_first && !has_last) {
    xmlFree(display);
    an_buf_free(&note);
    return 0;
  }
  icalcomponent *ve = icalcomponent_new(ICAL_VEVENT_COMPONENT);
  xmlChar *uid = S_attr(ev, "uid"), *id = S_attr(ev, "id"), *src = S_attr(ev, "source");
  an_buf b = AN_BUF_INIT;
  an_buf_printf(&b, "%s@annalist", uid ? (const char *)uid : "");
  icalcomponent_add_property(ve, icalproperty_new_uid(an_buf_cstr(&b)));
  icalcomponent_add_property(ve, icalproperty_new_dtstamp(stamp));
  icalcomponent_add_property(ve, icalproperty_new_dtstart(S_date(first)));
  /* one day: DTSTART alone means that day; a range: DTEND is exclusive */
  if (last > first)
    icalcomponent_add_property(ve, icalproperty_new_dtend(S_date(last + 1)));
  an_buf_clear(&b);
  S_flat_text(&b, an_xml_first(ev, "text"));
  an_buf_puts(&b, "");
  icalcomponent_add_property(ve, icalproperty_new_summary(an_buf_cstr(&b)));
  /* the description: when, and where it is told */
  an_buf_clear(&b);
  an_buf_printf(&b, "When: %s", display ? (const char *)display : "");
  xmlChar *rule = S_attr(t, "rule");
  if (rule) an_buf_printf(&b, " (%s)", (const char *)rule);
  xmlFree(rule);
  an_buf_puts(&b, ".");
  if (note.len) an_buf_printf(&b, "\n%s", an_buf_cstr(&note));
  for (xmlNodePtr c = ev->children; c; c = c->next) {
    if (!an_xml_is(c, "citation")) continue;
    xmlChar *cs = S_attr(c, "source"), *line = S_attr(c, "line");
    an_buf title = AN_BUF_INIT;
    xmlNodePtr s = an_xml_index_find(sources, (const char *)cs);
    if (s) S_flat_text(&title, an_xml_first(s, "title"));
    an_buf_printf(&b, "\nSource: %s, line %s", title.len ? an_buf_cstr(&title)
                                                          : "the briefing",
                  line ? (const char *)line : "?");
    an_buf_free(&title);
    xmlFree(cs);
    xmlFree(line);
  }
  icalcomponent_add_property(ve, icalproperty_new_description(an_buf_cstr(&b)));
  if (base && *base && id) {
    an_buf_clear(&b);
    if (src) an_buf_printf(&b, "%ssources/%s.html#%s", base, (const char *)src, (const char *)id);
    else an_buf_printf(&b, "%sindex.html#%s", base, (const char *)id);
    icalcomponent_add_property(ve, icalproperty_new_url(an_buf_cstr(&b)));
  }
  icalcomponent_add_component(cal, ve);
  an_buf_free(&b);
  an_buf_free(&note);
  xmlFree(uid);
  xmlFree(id);
  xmlFree(src);
  xmlFree(display);
  return 1;
}

int an_calendar_ics(xmlDocPtr model, const char *base_url, char **ics,
                    size_t *len, char *err, size_t errlen) {
  *ics = NULL;
  *len = 0;
  xmlNodePtr root = model ? xmlDocGetRootElement(model) : NULL;
  if (!an_xml_is(root, "briefing")) {
    if (err && errlen) snprintf(err, errlen, "model: the root element is not <briefing>");
    return 0;
  }
  icalcomponent *cal = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
  xmlChar *gen = S_attr(root, "generator");
  an_buf b = AN_BUF_INIT;
  an_buf_printf(&b, "-//Annalist//%s//EN", gen ? (const char *)gen : "annalist");
  xmlFree(gen);
  icalcomponent_add_property(cal, icalproperty_new_prodid(an_buf_cstr(&b)));
  icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
  icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
  an_buf_clear(&b);
  S_flat_text(&b, an_xml_first(an_xml_first(root, "head"), "title"));
  an_buf_puts(&b, "");
  icalproperty *name = icalproperty_new_x(an_buf_cstr(&b));
  icalproperty_set_x_name(name, "X-WR-CALNAME");
  icalcomponent_add_property(cal, name);
  an_buf_free(&b);
  struct icaltimetype stamp = S_stamp(root);
  an_xml_index *sources = an_xml_index_new(an_xml_first(root, "sources"), "source", "id");
  xmlNodePtr events = an_xml_first(root, "events");
  for (xmlNodePtr e = events ? events->children : NULL; e; e = e->next)
    if (an_xml_is(e, "event")) S_event(cal, sources, e, stamp, base_url);
  an_xml_index_free(sources);
  char *text = icalcomponent_as_ical_string_r(cal);
  icalcomponent_free(cal);
  if (!text) {
    if (err && errlen) snprintf(err, errlen, "libical could not write the calendar: %s",
                                icalerror_strerror(icalerrno));
    return 0;
  }
  *len = strlen(text);
  *ics = an_xstrndup(text, *len);
  icalmemory_free_buffer(text);
  return 1;
}
