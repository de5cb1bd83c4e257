# tests/lib/grouping.sh - the chronology by year and month: event/@month
# and <chronology> in the model (computed by gen/model.c), the timeline
# overview that lists the years and months, and the year pages that list
# each month's events from them (issue #6).
# Sourced by tests/run; uses $BIN, $TMP, $ROOT and the check helpers.

# hx NAME FILE XPATH: the XPath expression is true in the HTML page FILE
hx() {
  local got
  got=$(xmllint --html --xpath "boolean($3)" "$2" 2>/dev/null)
  if [ "$got" = true ]; then ok "$1"; else fail "$1: false: $3"; fi
}

# mkgrouped DIR: events whose model order is not their months' order: an
# open start (listed under its end, sorted first), a reported-by event, a
# source without a date (its event undated, sorted last).
mkgrouped() {
  mkinput "$1"
  cat >"$1/sources/a.md" <<'EOF'
---
title: A
published: 2023-12-28
---

[Japan](@japan) [met](!consult) [Russia](@russia) [on Friday](^).

[Russia](@russia) [warned](!threaten) [Japan](@japan).

[Japan](@japan) [talked](!) [until 5 December](^../2023-12-05).

[Russia](@russia) [spoke](!) [before 1999 ended](^../1999).

[Japan](@japan) [spoke](!) [in March 2020](^2020-03).

[Japan](@japan) [spoke](!) [on 3 March 2020](^2020-03-03).
EOF
  cat >"$1/sources/b.md" <<'EOF'
---
title: B
---

[Japan](@japan) [said](!) something.

[Russia](@russia) [said](!) something [in 2021](^).
EOF
}

grouping_tests() {
  local m=$1
  local d=$TMP/$m-grouping
  mkgrouped "$d/in"
  expect_exit 0 "$m grouping: build events of several months and none" "$BIN" build -o "$d/out" "$d/in"
  local x=$d/out/briefing.xml h=$d/out/timeline.html
  check "$m grouping: the model is valid against templates/model.rng" \
    xmllint --noout --relaxng "$ROOT/templates/model.rng" "$x"

  # the month each event is listed under
  xp "$m grouping: an event is listed under the month of its first day" "$x" \
    "//event[time/@value='2023-12-22'][@month='2023-12'] and //event[time/@value='2020-03'][@month='2020-03']"
  xp "$m grouping: an open start is listed under the month of its end" "$x" \
    "//event[time/@value='../2023-12-05'][@month='2023-12'] and //event[time/@value='../1999'][@month='1999-12']"
  xp "$m grouping: a reported-by event is listed under the month of its report" "$x" \
    "//event[reported-by/@value='2023-12-28'][@month='2023-12']"
  xp "$m grouping: an event with no date at all has no month" "$x" \
    "count(//event[not(time | reported-by)]) = 1 and not(//event[not(time | reported-by)]/@month)"
  # the chronology: years and months in time order, counted
  xp "$m grouping: the chronology lists every month once, in time order" "$x" \
    "count(//chronology/year/month) = 4 and not(//chronology/year/month[number(translate(@value, '-', '')) >= number(translate((following::month)[1]/@value, '-', ''))])"
  xp "$m grouping: years in time order, the undated last" "$x" \
    "count(//chronology/year) = 4 and not(//chronology/year[number(@value) >= number(following-sibling::year[1]/@value)]) and //chronology/*[last()][self::undated][@events = 1]"
  xp "$m grouping: the counts add up to the events" "$x" \
    "sum(//chronology/year/month/@events) + sum(//chronology/undated/@events) = count(//events/event) and not(//chronology/year[@events != sum(month/@events)])"
  local mo bad=
  for mo in $(xmllint --xpath '//chronology/year/month/@value' "$x" 2>/dev/null | sed 's/ value="\([^"]*\)"/\1 /g'); do
    [ "$(xmllint --xpath "//chronology/year/month[@value='$mo']/@events = count(//events/event[@month='$mo'])" "$x")" = true ] || bad="$bad $mo"
  done
  check "$m grouping: each month counts the events listed under it${bad:+ (not:$bad)}" test -z "$bad"

  # the overview: the years in time order, Undated last, each linking its
  # page; no event of its own
  local open dec t=$d/out/timeline
  open=$(xmllint --xpath 'string(//event[time/@value="../2023-12-05"]/@id)' "$x")
  hx "$m grouping: timeline.html lists the years in time order, Undated last" "$h" \
    "count(//li[@class='timeline-year']) = 5 and //li[@class='timeline-year'][1]/@id = 'y-1999' and //li[@class='timeline-year'][2]/@id = 'y-2020' and //li[@class='timeline-year'][3]/@id = 'y-2021' and //li[@class='timeline-year'][4]/@id = 'y-2023' and //li[@class='timeline-year'][5]/@id = 'y-undated'"
  hx "$m grouping: ... each linking its page" "$h" \
    "//li[@id='y-1999']/h3/a/@href = 'timeline/1999.html' and //li[@id='y-2023']/h3/a/@href = 'timeline/2023.html' and //li[@id='y-undated']/h3/a/@href = 'timeline/undated.html'"
  hx "$m grouping: the contents link the years in the same order" "$h" \
    "count(//nav//a[starts-with(@href, '#y-')]) = 5 and (//nav//a[starts-with(@href, '#y-')])[2]/@href = '#y-2020' and (//nav//a[starts-with(@href, '#y-')])[5]/@href = '#y-undated'"
  hx "$m grouping: timeline.html lists no event" "$h" "not(//li[@class='event'])"
  dec=$(xmllint --xpath 'count(//events/event[@month="2023-12"])' "$x")
  hx "$m grouping: timeline.html counts December 2023 ($dec) and links it on its year page" "$h" \
    "contains(//li[@id='m-2023-12'], '· $dec events') and //li[@id='m-2023-12']/a/@href = 'timeline/2023.html#m-2023-12'"

  # the year pages: each event once, under its month
  local y all= n=0
  for y in 1999 2020 2021 2023 undated; do
    all="$all $(xmllint --html --xpath '//li[@class="event"]/@id' "$t/$y.html" 2>/dev/null)"
  done
  n=$(printf '%s\n' $all | grep -c .)
  check "$m grouping: the year pages list every event once ($n)" \
    test "$n" = "$(xmllint --xpath 'count(//events/event)' "$x")" -a "$(printf '%s\n' $all | sort -u | grep -c .)" = "$n"
  hx "$m grouping: a year page is the year's section" "$t/2020.html" \
    "count(//section[@class='timeline-year']) = 1 and //section[@class='timeline-year']/@id = 'y-2020'"
  hx "$m grouping: an open start is listed in the list of the month of its end" "$t/2023.html" \
    "//h4[@id='m-2023-12']/following-sibling::ol[1]/li[@id='$open']"
  hx "$m grouping: December 2023 says how many events it lists ($dec)" "$t/2023.html" \
    "count(//h4[@id='m-2023-12']/following-sibling::ol[1]/li) = $dec and contains(//h4[@id='m-2023-12'], '· $dec events')"
  hx "$m grouping: March 2020 lists its two events in time order" "$t/2020.html" \
    "count(//h4[@id='m-2020-03']/following-sibling::ol[1]/li) = 2 and //h4[@id='m-2020-03']/following-sibling::ol[1]/li[2]//time[@datetime='2020-03-03']"
  hx "$m grouping: the undated event is listed under Undated" "$t/undated.html" \
    "//section[@id='y-undated'][h3 = 'Undated']/ol/li[@class='event'][.//span[@class='date undated']]"
  hx "$m grouping: the last year links the undated page next" "$t/2023.html" \
    "//a[@rel='next']/@href = '../timeline/undated.html' and //a[@rel='prev']/@href = '../timeline/2021.html'"
  hx "$m grouping: the first year links no year before it" "$t/1999.html" \
    "not(//a[@rel='prev']) and //a[@rel='next']/@href = '../timeline/2020.html'"

  # briefing.json carries them: a list of years, each a list of months
  check "$m grouping: briefing.json has each event's month and the chronology" \
    /usr/bin/python3 -c "import json,sys; j=json.load(open(sys.argv[1])); c=j['chronology']; assert [y['value'] for y in c['year']]==['1999','2020','2021','2023'], c; assert all(isinstance(y['month'], list) for y in c['year']); assert c['undated']=={'events': 1}; assert sum(1 for e in j['events'] if 'month' not in e)==1" "$d/out/briefing.json"

  # a model written before event/@month: what-changed does not call
  # every event changed (the month is read from the time, compared as is)
  local u=$d/upgrade
  expect_exit 0 "$m grouping: build" "$BIN" build -o "$u" "$d/in"
  sed -i -e 's/ month="[0-9-]*"//' -e '/<chronology>/,/<\/chronology>/d' "$u/briefing.xml"
  # (written by an older annalist: no input key of this one)
  sed -i '/^# input /d' "$u/.annalist-manifest"
  expect_exit 0 "$m grouping: rebuild over a model without months" "$BIN" build -o "$u" "$d/in"
  xp "$m grouping: ... reports no event as changed" "$u/briefing.xml" \
    "/briefing/changes[not(event)] and //event[@month]"
}
