# tests/lib/publish.sh - the exports beside the pages (docs/exports.md),
# JSON-LD, --base-url, annalist init, and errors in a user's stylesheet.
# Sourced by tests/run; uses $BIN, $TMP, $ROOT and the check helpers
# (expect_exit, expect_err and mkinput come from tests/lib/cli.sh).

PY=/usr/bin/python3

# jsonld_of FILE: the text of each JSON-LD script of a page, one a line
jsonld_of() {
  $PY - "$1" <<'PYEOF'
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
for m in re.finditer(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
    print(m.group(1).replace("\n", " "))
PYEOF
}

publish_tests() {
  local m=$1
  local d=$TMP/$m-publish
  mkdir -p "$d"
  expect_exit 0 "$m publish build the example" "$BIN" build -o "$d/out" "$ROOT/input"
  local out=$d/out x=$d/out/briefing.xml
  local nev nact
  nev=$(xmllint --xpath 'count(//events/event)' "$x")
  nact=$(xmllint --xpath 'count(//actions/action)' "$x")

  # briefing.json: the model, read back by Python's json
  check "$m publish briefing.json has the model's $nev events and $nact actions" \
    $PY -c "import json,sys; j=json.load(open(sys.argv[1])); assert j['format']=='annalist-briefing' and j['version']==1; assert len(j['events'])==$nev and len(j['actions'])==$nact; e=[e for e in j['events'] if e.get('key')=='zakharova-briefing'][0]; assert e['time']['value']=='2023-12-27' and e['sources']==1 and isinstance(e['citation'],list); assert j['actors'][0]['declared'] in (True,False); assert isinstance(j['head']['summary'],list)" "$out/briefing.json"
  check "$m publish briefing.json keeps the spaces between inline elements" \
    $PY -c "import json,sys; j=json.load(open(sys.argv[1])); t=[e for e in j['events'] if e['line']==30][0]['text']; s=''.join(x if isinstance(x,str) else ''.join(c for c in x.get('children',[]) if isinstance(c,str)) for x in t); assert 'said Elbridge Colby' in s, s" "$out/briefing.json"
  check "$m publish briefing.json has no in-memory parts" \
    $PY -c "import json,sys; j=json.load(open(sys.argv[1])); assert 'diagrams' not in j and 'jsonld' not in j" "$out/briefing.json"

  # events.csv: a row per event and action, read back by Python's csv
  local rows
  rows=$(xmllint --xpath "count(//events/event/action) + count(//events/event[not(action)])" "$x")
  check "$m publish events.csv has $rows rows (an event without actions is one)" \
    $PY -c "import csv,sys; r=list(csv.DictReader(open(sys.argv[1],newline='',encoding='utf-8'))); assert len(r)==$rows, len(r); h=list(r[0].keys()); assert h==['event_id','uid','time','start','end','precision','display','source','line','key','action_id','subject','action_type','action_class','object','words'], h; z=[x for x in r if x['key']=='zakharova-briefing' and x['action_type']=='threaten' and x['subject']=='zakharova'][0]; assert z['object']=='japan' and z['time']=='2023-12-27' and z['precision']=='day'; assert any(x['time']=='../2023-12-28' and x['precision']=='reported' for x in r); assert any(x['object']=='japan usa' for x in r)" "$out/events.csv"
  check "$m publish events.csv rows end with CRLF" bash -c "[ \$(grep -c \$'\\r\$' '$out/events.csv') -eq \$(wc -l <'$out/events.csv') ]"

  # events.ics: Python's icalendar (Debian's python3-icalendar)
  if $PY -c 'import icalendar' 2>/dev/null; then
    local dated
    dated=$(xmllint --xpath "count(//events/event[time/@start or time/@end or reported-by])" "$x")
    check "$m publish events.ics: $dated VEVENTs, stable UIDs, all-day by precision" \
      $PY -c "
import icalendar, sys, datetime
c = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
ev = {str(e['UID']): e for e in c.walk('VEVENT')}
assert len(ev) == $dated, len(ev)
day = ev['ebb83a088474f6611@annalist']            # Wednesday 2023-12-27
assert day['DTSTART'].dt == datetime.date(2023, 12, 27) and 'DTEND' not in day
week = ev['e5b5335ebae17f2f1@annalist']           # last week: 2023-W51
assert week['DTSTART'].dt == datetime.date(2023, 12, 18) and week['DTEND'].dt == datetime.date(2023, 12, 25)
rep = ev['e99bd9af0049bb8ba@annalist']            # reported by 2023-12-28
assert rep['DTSTART'].dt == datetime.date(2023, 12, 28) and 'reported by' in str(rep['DESCRIPTION'])
assert all(type(e['DTSTART'].dt) is datetime.date for e in ev.values())
" "$out/events.ics"
  else
    skip "$m publish events.ics: python3-icalendar is not installed"
  fi
  check "$m publish events.ics lines are folded at 75 octets, CRLF" \
    bash -c "! LC_ALL=C awk '{ sub(/\\r\$/, \"\"); if (length(\$0) > 75) bad = 1 } END { exit !bad }' '$out/events.ics' && [ \$(grep -c \$'\\r\$' '$out/events.ics') -eq \$(wc -l <'$out/events.ics') ]"

  # feed.xml: Atom, valid against RFC 4287's schema, newest first
  check "$m publish feed.xml is valid Atom (RFC 4287 RELAX NG)" \
    xmllint --noout --relaxng "$ROOT/tests/data/atom.rng" "$out/feed.xml"
  local last
  last=$(xmllint --xpath 'string(//events/event[last()]/@uid)' "$x")
  xp "$m publish feed.xml: newest event first, id from its uid" "$out/feed.xml" \
    "/*[local-name()='feed']/*[local-name()='entry'][1]/*[local-name()='id'] = 'urn:annalist:event:$last' and count(//*[local-name()='entry']) = $nev"
  xp "$m publish feed.xml: relative links without --base-url" "$out/feed.xml" \
    "not(//*[local-name()='link'][starts-with(@href, 'http')]) and not(//*[local-name()='link'][@rel='self'])"
  check "$m publish no sitemap.xml without --base-url" test ! -e "$out/sitemap.xml"

  # JSON-LD on the pages: parses as JSON, no '<' at all
  local f bad=
  for f in "$out/index.html" "$out"/sources/*.html "$out"/actors/*.html; do
    jsonld_of "$f" >"$TMP/ld.txt"
    [ -s "$TMP/ld.txt" ] && $PY -c "import json,sys; [json.loads(l) for l in open(sys.argv[1])]" "$TMP/ld.txt" 2>/dev/null \
      && ! grep -q '<' "$TMP/ld.txt" || bad="$bad $(basename "$f")"
  done
  check "$m publish JSON-LD on every briefing, source and actor page parses${bad:+ (not:$bad)}" test -z "$bad"
  jsonld_of "$out/index.html" >"$TMP/ld.txt"
  check "$m publish JSON-LD index: the $nev events as schema.org Event" \
    $PY -c "import json,sys; j=json.loads(open(sys.argv[1]).read()); g=j['@graph']; assert j['@context']=='https://schema.org' and len(g)==$nev and all(e['@type']=='Event' for e in g); assert any(e.get('startDate')=='2023-12-27' for e in g)" "$TMP/ld.txt"
  jsonld_of "$out/actors/zakharova.html" >"$TMP/ld.txt"
  check "$m publish JSON-LD actor: a Person with her ministry" \
    $PY -c "import json,sys; j=json.loads(open(sys.argv[1]).read()); assert j['@type']=='Person' and j['name']=='Maria Zakharova' and j['memberOf'][0]['@type']=='Organization'" "$TMP/ld.txt"
  jsonld_of "$out/actors/japan.html" >"$TMP/ld.txt"
  check "$m publish JSON-LD actor: a state is an Organization" \
    $PY -c "import json,sys; j=json.loads(open(sys.argv[1]).read()); assert j['@type']=='Organization'" "$TMP/ld.txt"
  jsonld_of "$out/sources/russia-warns-japan-patriot.html" >"$TMP/ld.txt"
  check "$m publish JSON-LD source: a NewsArticle" \
    $PY -c "import json,sys; j=json.loads(open(sys.argv[1]).read()); assert j['@type']=='NewsArticle' and j['datePublished']=='2023-12-28' and j['publisher']['name']=='ZeroHedge'" "$TMP/ld.txt"

  # hostile text cannot end the script element
  local s=$d/hostile
  mkinput "$s/in"
  printf -- '---\nname: "</script><script>alert(1)</script><!-- x"\nkind: person\n---\n' >"$s/in/actors/evil.md"
  printf -- '---\ntitle: "</SCRIPT><!--<script>"\npublished: 2023-12-28\n---\n\n[Evil](@evil) [said](!threaten) [Japan](@japan) [on Monday](^) </script> too.\n' >"$s/in/sources/h.md"
  expect_exit 0 "$m publish build with hostile names" "$BIN" build -o "$s/out" "$s/in"
  bad=
  for f in "$s/out/index.html" "$s/out/sources/h.html" "$s/out/actors/evil.html"; do
    jsonld_of "$f" >"$TMP/ld.txt"
    [ "$(grep -o '<script' "$f" | wc -l)" -eq 1 ] && ! grep -qi '<!--\|</script' "$TMP/ld.txt" \
      && $PY -c "import json,sys; j=json.loads(open(sys.argv[1]).read()); s=json.dumps(j); assert '</script>' in s or '</SCRIPT>' in s" "$TMP/ld.txt" 2>/dev/null \
      || bad="$bad $(basename "$f")"
  done
  check "$m publish JSON-LD keeps '</script>' and '<!--' as text, escaped${bad:+ (not:$bad)}" test -z "$bad"

  # without --base-url no page has an absolute link into the site; the
  # absolute ones are the sources' own addresses
  check "$m publish no canonical link without --base-url" bash -c "! grep -rq 'rel=\"canonical\"' '$out' --include=*.html"
  grep -rhoE '(href|src)="https?://[^"]*"' "$out" --include=*.html | sed -E 's/^[a-z]+="//; s/"$//' | sort -u >"$TMP/abs.txt"
  bad=
  while IFS= read -r f; do
    grep -qF "$f" "$x" || bad="$bad $f"
  done <"$TMP/abs.txt"
  check "$m publish absolute links are the sources' own addresses only${bad:+ (not:$bad)}" test -z "$bad"

  # --base-url: canonical links, an absolute feed, a sitemap
  local b=https://example.org/briefings/patriot/
  expect_exit 0 "$m publish build --base-url" "$BIN" build --base-url "$b" -o "$d/based" "$ROOT/input"
  bad=
  for f in $(cd "$d/based" && find . -name '*.html' | sed 's|^\./||' | sort); do
    grep -qF "<link rel=\"canonical\" href=\"$b$f\">" "$d/based/$f" || bad="$bad $f"
  done
  check "$m publish --base-url: every page has its canonical link${bad:+ (not:$bad)}" test -z "$bad"
  check "$m publish --base-url: feed.xml is valid Atom" \
    xmllint --noout --relaxng "$ROOT/tests/data/atom.rng" "$d/based/feed.xml"
  xp "$m publish --base-url: feed links are absolute, with rel=self" "$d/based/feed.xml" \
    "//*[local-name()='feed']/*[local-name()='link'][@rel='self'][@href='${b}feed.xml'] and //*[local-name()='feed']/*[local-name()='id'] = '${b}feed.xml' and not(//*[local-name()='link'][not(starts-with(@href, '$b'))])"
  local pages
  pages=$(cd "$d/based" && find . -name '*.html' | wc -l)
  xp "$m publish --base-url: sitemap.xml lists the $pages pages" "$d/based/sitemap.xml" \
    "count(/*[local-name()='urlset']/*[local-name()='url']) = $pages and not(//*[local-name()='loc'][not(starts-with(., '$b'))])"
  check "$m publish --base-url: the other links stay relative" \
    bash -c "! grep -rhoE '<[a-z]+ [^>]*(href|src)=\"$b[^>]*>' '$d/based' --include=*.html | grep -v '^<link rel=\"canonical\"' | grep -q ."
  check "$m publish --base-url: every sitemap address is a page" bash -c "
    for u in \$(xmllint --xpath '//*[local-name()=\"loc\"]/text()' '$d/based/sitemap.xml'); do
      test -s '$d/based/'\${u#$b} || exit 1; done"
  local u
  for u in 'ftp://example.org/' 'https://example.org' 'https://exa mple.org/' 'https://example.org/"x/' 'https://example.org/<b>/' '/relative/' 'https:///'; do
    expect_exit 2 "$m publish --base-url '$u' refused" "$BIN" build --base-url "$u" -o "$d/never" "$ROOT/input"
  done
  check "$m publish a refused --base-url writes nothing" test ! -e "$d/never"

  # annalist init: a folder that builds with --strict and no warning
  expect_exit 0 "$m cli init makes a briefing folder" "$BIN" init "$d/new"
  check "$m cli init wrote briefing, a source and two actors" \
    test -s "$d/new/briefing.md" -a -s "$d/new/sources/first-report.md" -a "$(ls "$d/new/actors" 2>/dev/null | wc -l)" -eq 2
  check "$m cli init writes no manifest" test ! -e "$d/new/.annalist-manifest"
  expect_exit 0 "$m cli init's folder builds with --strict" "$BIN" build --strict -o "$d/new-out" "$d/new"
  expect_err "$m cli init's folder builds with 0 warnings" "\(0 warnings\)"
  check "$m cli init's source shows each annotation kind" \
    bash -c "for s in '](@' '](!' '](^' '](#'; do grep -qF \"\$s\" '$d/new/sources/first-report.md' || exit 1; done"
  xp "$m cli init's example is one event with an action" "$d/new-out/briefing.xml" "count(//event) = 1 and //action[@type='consult'] and //event/time[@value='2024-01-10']"
  expect_exit 2 "$m cli init refuses a non-empty folder" "$BIN" init "$d/new"
  expect_err "$m cli init says why" "is not empty"
  mkdir -p "$d/empty"
  expect_exit 0 "$m cli init fills an empty folder" "$BIN" init "$d/empty"
  : >"$d/afile"
  expect_exit 2 "$m cli init refuses a file" "$BIN" init "$d/afile"
  expect_exit 3 "$m cli init: a missing parent is an I/O failure" "$BIN" init "$d/no/such/dir"
  expect_exit 2 "$m cli init without a folder" "$BIN" init
  expect_exit 0 "$m cli init --help" "$BIN" init --help

  # a user's stylesheet with an error: reported at its file and line
  local t=$d/templates
  cp -r "$ROOT/templates" "$t"
  $PY - "$t/index.xsl" <<'PYEOF'
import sys
p = sys.argv[1]; s = open(p).read()
s = s.replace('<h2 id="summary-h">Summary</h2>', '<h2 id="summary-h"><xsl:value-of select="count(("/></h2>', 1)
open(p, "w").write(s)
PYEOF
  local line
  line=$(grep -n 'count((' "$t/index.xsl" | cut -d: -f1)
  expect_exit 1 "$m views: a broken XPath fails the build" "$BIN" build --templates "$t" -o "$d/t-out" "$ROOT/input"
  expect_err "$m views: a broken XPath is reported at FILE:LINE" "^$t/index.xsl:$line: error: .*count\(\("
  cp "$ROOT/templates/index.xsl" "$t/index.xsl"
  $PY - "$t/timeline.xsl" <<'PYEOF'
import sys
p = sys.argv[1]; s = open(p).read()
i = s.index('<xsl:template name="page-title">')
s = s[:i] + s[i:].replace('</xsl:template>', '<xsl:element name="{concat(\'1\', \'bad\')}"/></xsl:template>', 1)
open(p, "w").write(s)
PYEOF
  line=$(grep -n "concat('1', 'bad')" "$t/timeline.xsl" | cut -d: -f1)
  expect_exit 1 "$m views: a runtime error fails the build" "$BIN" build --templates "$t" -o "$d/t-out" "$ROOT/input"
  expect_err "$m views: a runtime error is reported at FILE:LINE" "^$t/timeline.xsl:$line: error: .*not a valid QName"
  check "$m views: a failed view writes nothing" test ! -e "$d/t-out"
  cp "$ROOT/templates/timeline.xsl" "$t/timeline.xsl"
  printf '<oops' >>"$t/topic.xsl"
  expect_exit 1 "$m views: a stylesheet that is not XML fails the build" "$BIN" build --templates "$t" -o "$d/t-out" "$ROOT/input"
  expect_err "$m views: ... reported at FILE:LINE" "^$t/topic.xsl:[0-9]+: error: "
}

# swap_tests: a build killed midway leaves the previous site as it was,
# and the next build removes its temporary folder (issue 5, "Safe
# regeneration").  A generated input (bench/gen.awk) makes the build long
# enough to be killed while it writes.
swap_tests() {
  local d=$TMP/swap
  mkdir -p "$d"
  "$BIN" build -o "$d/out" "$ROOT/input" 2>/dev/null
  cp -a "$d/out" "$d/before"
  awk -v dir="$d/big" -v actors=300 -v actions=1500 -f "$ROOT/bench/gen.awk"
  "$BIN" build -o "$d/out" "$d/big" >/dev/null 2>&1 &
  local pid=$! i=0 alive=
  # wait until it writes into its temporary folder, then kill it
  while [ $i -lt 600 ] && ! ls -a "$d" | grep -q '^\.out\.annalist-'; do sleep 0.05; i=$((i + 1)); done
  sleep 0.3
  kill -0 "$pid" 2>/dev/null && alive=yes
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  check "swap: the build was killed while it wrote (its temporary folder exists)" \
    bash -c "[ '$alive' = yes ] && ls -a '$d' | grep -q '^\.out\.annalist-'"
  check "swap: after SIGKILL the old site is intact, byte for byte" diff -r "$d/before" "$d/out"
  check "swap: ... with the same modification times" \
    bash -c "cd '$d/before' && find . -type f -printf '%p %T@\n' | sort >'$TMP/t1' && cd '$d/out' && find . -type f -printf '%p %T@\n' | sort >'$TMP/t2' && cmp -s '$TMP/t1' '$TMP/t2'"
  "$BIN" build -o "$d/out" "$ROOT/input" 2>/dev/null
  check "swap: the next build removes the stale temporary folder" \
    bash -c "! ls -a '$d' | grep -q '^\.out\.annalist-'"
  check "swap: ... and gives the same site" diff -r "$d/before" "$d/out"
}
