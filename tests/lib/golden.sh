# tests/lib/golden.sh - facts of the example briefing, checked on the model
# and the pages through XPath; the schema; determinism; safety of output.
# Sourced by tests/run; uses $BIN, $TMP, $ROOT and the check helpers.

# xp NAME FILE XPATH: the XPath expression is true in FILE
xp() {
  local got
  got=$(xmllint --xpath "boolean($3)" "$2" 2>&1)
  if [ "$got" = true ]; then ok "$1"; else fail "$1: false: $3"; fi
}

# actor_tests MODE OUT: the actor diagram, actor and topic pages and the
# exports of the example (issue 4).
actor_tests() {
  local m=$1 out=$2
  local x=$out/briefing.xml svg=$out/actors.svg
  local g="//*[local-name()='g']" t="*[local-name()='title']"
  # the threaten edges from Russia and from Zakharova: verbal conflict,
  # drawn dashed in its red, labelled with the type
  local who
  for who in russia zakharova; do
    xp "$m actors: $who->japan threaten edge in the verbal-conflict style" "$svg" \
      "$g[contains(concat(' ',@class,' '),' verbal-conflict ')][$t='$who->japan'][.//*[local-name()='path'][@stroke='#b71c1c'][@stroke-dasharray]][contains(., 'threaten')]"
  done
  xp "$m actors: clusters russia > russia-mfa and japan" "$svg" \
    "$g[contains(@class,'cluster')][$t='cluster_russia'] and $g[contains(@class,'cluster')][$t='cluster_russia-mfa'] and $g[contains(@class,'cluster')][$t='cluster_japan']"
  xp "$m actors: the legend explains kinds and classes" "$svg" \
    "$g[@id='actor-diagram-legend'][.//*[local-name()='text']='Legend'][.//*[local-name()='text']='verbal conflict'][.//*[local-name()='text'][starts-with(., 'person')]]"
  xp "$m actors: actors.svg begins with <title> and <desc>" "$svg" \
    "/*[local-name()='svg']/*[1][local-name()='title'][. != ''] and /*[local-name()='svg']/*[2][local-name()='desc'][. != '']"
  xp "$m actors: nodes link to the actor pages" "$svg" \
    "$g[@id='actor-zakharova']//*[local-name()='a'][@*[local-name()='href']='actors/zakharova.html']"
  check "$m actors: index.html has the diagram with its title and desc" \
    grep -q '<svg[^>]*><title>Actor diagram</title><desc>[^<]' "$out/index.html"
  check "$m actors: index.html has the diagram as a table" \
    grep -q '<table class="edges">' "$out/index.html"
  check "$m actors: index.html lists every actor" \
    test "$(grep -o '<th scope="row"><a class="actor-link' "$out/index.html" | wc -l)" -eq "$(xmllint --xpath 'count(//actor)' "$x")"
  check "$m actors: no width over 1100pt (was 3578pt)" \
    bash -c "w=\$(grep -o '<svg [^>]*width=\"[0-9]*' '$svg' | grep -o '[0-9]*\$'); [ \"\$w\" -le 1100 ]"
  # a page per actor, each linking back to the briefing
  local id missing= noback= nosvg=
  for id in $(xmllint --xpath '//actor/@id' "$x" | sed 's/ id="\([^"]*\)"/\1 /g'); do
    local p=$out/actors/$id.html
    [ -s "$p" ] || { missing="$missing $id"; continue; }
    grep -q 'href="../index.html"' "$p" || noback="$noback $id"
    # an ego diagram for every actor with an edge, with title and desc
    if [ "$(xmllint --xpath "count(//edge[@subject='$id' or @object='$id'])" "$x")" -gt 0 ]; then
      grep -q '<svg[^>]*><title>Actions of [^<]*</title><desc>[^<]' "$p" || nosvg="$nosvg $id"
    fi
  done
  check "$m actors: a page per actor${missing:+ (missing:$missing)}" test -z "$missing"
  check "$m actors: actor pages link back to index.html${noback:+ (not:$noback)}" test -z "$noback"
  check "$m actors: ego diagrams with title and desc${nosvg:+ (not:$nosvg)}" test -z "$nosvg"
  local japan=$out/actors/japan.html
  check "$m actors: ego links are beside the page" grep -q 'xlink:href="zakharova.html"' "$japan"
  check "$m actors: japan's page has its actions by class" grep -q 'verbal conflict</span></th><td class="num">0</td><td class="num">5</td>' "$japan"
  check "$m actors: japan's page links its events to the source" grep -q 'href="../sources/russia-warns-japan-patriot.html#ev-' "$japan"
  check "$m actors: japan's page shows mentions per source" grep -q '<td class="num">14</td>' "$japan"
  check "$m actors: zakharova's page links her ministry" grep -q 'href="../actors/russia-mfa.html"' "$out/actors/zakharova.html"
  check "$m actors: russia-mfa's page lists its members" grep -q 'Members</dt><dd><a class="actor-link kind-person" href="../actors/zakharova.html"' "$out/actors/russia-mfa.html"
  check "$m actors: actor-refs link to actor pages" grep -q 'href="../actors/zakharova.html"' "$out/sources/russia-warns-japan-patriot.html"
  check "$m actors: topic-refs link to topic pages" grep -q 'href="../topics/patriot.html"' "$out/sources/russia-warns-japan-patriot.html"
  missing=
  for id in $(xmllint --xpath '//topic/@id' "$x" | sed 's/ id="\([^"]*\)"/\1 /g'); do
    [ -s "$out/topics/$id.html" ] && grep -q 'href="../index.html"' "$out/topics/$id.html" || missing="$missing $id"
  done
  check "$m actors: a page per topic, linking back${missing:+ (not:$missing)}" test -z "$missing"
  check "$m actors: the patriot page lists its actors" grep -q 'href="../actors/japan.html"' "$out/topics/patriot.html"
  if command -v tidy >/dev/null; then
    local f bad=
    for f in "$japan" "$out/actors/zakharova.html" "$out/topics/patriot.html"; do
      tidy -q -e --show-warnings no "$f" >/dev/null 2>&1; [ $? -ge 2 ] && bad="$bad $(basename "$f")"
    done
    check "$m actors: actor and topic pages have no HTML errors (tidy)${bad:+ (not:$bad)}" test -z "$bad"
  fi
  # the exports, read back by real consumers; counts as in the model
  local na ne
  na=$(xmllint --xpath 'count(//actor)' "$x"); ne=$(xmllint --xpath 'count(//edge)' "$x")
  check "$m actors: actors.json reads back with $na nodes and $ne edges" \
    /usr/bin/python3 -c "import json,sys; j=json.load(open(sys.argv[1])); assert len(j['nodes'])==$na and len(j['edges'])==$ne, (len(j['nodes']),len(j['edges'])); assert any(e['source']=='zakharova' and e['target']=='japan' and e['type']=='threaten' for e in j['edges'])" "$out/actors.json"
  check "$m actors: actors.graphml is well-formed" xmllint --noout "$out/actors.graphml"
  if /usr/bin/python3 -c 'import networkx' 2>/dev/null; then
    check "$m actors: actors.graphml reads in NetworkX with $na nodes and $ne edges" \
      /usr/bin/python3 -c "import networkx as nx,sys; g=nx.read_graphml(sys.argv[1]); assert g.number_of_nodes()==$na and g.number_of_edges()==$ne, (g.number_of_nodes(), g.number_of_edges()); assert g.nodes['zakharova']['kind']=='person' and g.nodes['zakharova']['name']=='Maria Zakharova'; assert any(d.get('type')=='threaten' and d['class']=='verbal-conflict' and d['count']>=1 for u,v,d in g.edges('zakharova', data=True))" "$out/actors.graphml"
  else
    skip "$m actors: NetworkX is not installed (apt-get install python3-networkx)"
  fi
  if command -v graphml2gv >/dev/null; then
    check "$m actors: actors.graphml reads in graphml2gv with $na nodes and $ne edges" \
      bash -c "graphml2gv '$out/actors.graphml' 2>/dev/null | gvpr 'BEG_G { printf(\"%d %d\", nNodes(\$G), nEdges(\$G)) }' | grep -qx '$na $ne'"
  else
    skip "$m actors: graphml2gv is not installed (apt-get install graphviz)"
  fi
  if command -v dot >/dev/null; then
    check "$m actors: actors.dot reads in Graphviz" bash -c "dot -Tcanon '$out/actors.dot' >/dev/null 2>&1"
  fi
  # the example's actors (<= 50 events each): every event's whole text,
  # with its links
  hx "$m actors: an actor page gives its events' whole text" "$out/actors/japan.html" \
    "count(//li[@class='actor-event']) = $(xmllint --xpath "count(//event[participant/@ref='japan'])" "$x") and //li[@class='actor-event']//p[@class='event-text']//a[contains(@class, 'actor')] and not(//p[@class='note'][contains(., 'first words')])"
  # an actor in 51 events: each with its first words, cut after a word
  local many=$TMP/$m-many-events
  mkinput "$many"
  { printf -- '---\ntitle: Many\npublished: 2023-12-28\n---\n'
    local i
    for i in $(seq 1 51); do
      printf '\nItem %d: %s [Russia](@russia) [warned](!threaten) [Japan](@japan) [on Friday](^).\n' \
        "$i" "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua, ut enim ad minim veniam quis nostrud"
    done; } >"$many/sources/many.md"
  "$BIN" build -o "$many/out" "$many" >/dev/null 2>&1
  local r=$many/out/actors/russia.html
  hx "$m actors: an actor in 51 events lists each with its first words" "$r" \
    "count(//li[@class='actor-event']) = 52 and //section[@id='events']/p[@class='note'][starts-with(., '52 events, each with its first words')] and not(//p[@class='event-text']//a)"
  hx "$m actors: ... cut after a whole word, at most 160 characters and an ellipsis" "$r" \
    "//li[@class='actor-event'][1]//p[@class='event-text'][. = 'Item 1: Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua, ut enim ad minim veniam quis…']"
  hx "$m actors: ... each still links its source and the chronology" "$r" \
    "count(//li[@class='actor-event']/p[@class='cite'][a[contains(@href, 'sources/')]]) = 52"
}

golden_tests() {
  local m=$1
  local d=$TMP/$m-example
  mkdir -p "$d"
  expect_exit 0 "$m golden build the example" "$BIN" build -o "$d/out" "$ROOT/input"
  local x=$d/out/briefing.xml
  check "$m golden model is valid against templates/model.rng" \
    xmllint --noout --relaxng "$ROOT/templates/model.rng" "$x"
  xp "$m golden event on Fri 2023-12-22 (on Friday)" "$x" "//event[time/@value='2023-12-22']"
  xp "$m golden event on 2023-12-26 (the Sacks post)" "$x" "//event[time/@value='2023-12-26']"
  xp "$m golden event on Wed 2023-12-27 (Wednesday briefing)" "$x" "//event[time/@value='2023-12-27']"
  xp "$m golden 'on Friday' read as 2023-12-22, day" "$x" "//time-ref[@phrase='on Friday'][@value='2023-12-22'][@precision='day']"
  xp "$m golden 'last week' is the week 2023-W51" "$x" "//time-ref[@phrase='last week'][@value='2023-W51'][@precision='week']"
  xp "$m golden no 'last week' narrowed to a day" "$x" "not(//time-ref[starts-with(@phrase,'last week')][@precision!='week'])"
  xp "$m golden threaten from Zakharova to Japan" "$x" "//action[@type='threaten'][@class='verbal-conflict'][subject/@ref='zakharova'][object/@ref='japan']"
  xp "$m golden threaten edge zakharova->japan, verbal conflict" "$x" "//edge[@subject='zakharova'][@object='japan'][@type='threaten'][@class='verbal-conflict'][@count>=1]"
  xp "$m golden cluster: zakharova in russia-mfa" "$x" "//actor[@id='zakharova'][@parent='russia-mfa']"
  xp "$m golden cluster: russia-mfa in russia" "$x" "//actor[@id='russia-mfa'][@parent='russia']"
  xp "$m golden events are in chronological order" "$x" "not(//event[time/@start][following-sibling::event[1]/time/@start < time/@start])"
  xp "$m golden every event cites a line of its source" "$x" "not(//event[not(@line > 0)])"
  xp "$m golden event key kept" "$x" "//event[@key='jp-export-rules'][time/@value='2023-12-22']"
  xp "$m golden event blocks carry their id in the source body" "$x" "count(//source/body//*[@event]) = count(//event[@source!='briefing'])"
  xp "$m golden every participant is a known actor" "$x" "not(//participant[not(@ref = //actor/@id)])"

  local svg=$d/out/actors.svg
  check "$m golden actors.svg is well-formed" xmllint --noout "$svg"
  xp "$m golden svg has the zakharova->japan edge" "$svg" "//*[local-name()='g'][contains(concat(' ',@class,' '),' edge ')][contains(concat(' ',@class,' '),' verbal-conflict ')][*[local-name()='title']='zakharova->japan']"
  xp "$m golden svg nests zakharova in the russia-mfa cluster" "$svg" "count(//*[local-name()='g'][contains(@class,'cluster')][*[local-name()='title']='cluster_russia-mfa']) = 1 and //*[local-name()='g'][contains(@class,'node')][*[local-name()='title']='zakharova']"
  xp "$m golden svg has the russia cluster" "$svg" "//*[local-name()='g'][contains(concat(' ',@class,' '),' cluster ')][*[local-name()='title']='cluster_russia']"
  timeline_golden "$m" "$d/out"
  actor_tests "$m" "$d/out"

  local html=$d/out/index.html
  check "$m golden index.html has the marking banner" grep -q 'UNCLASSIFIED' "$html"
  check "$m golden index.html has the diagram inline" grep -q '<svg' "$html"
  check "$m golden index.html dates the chronology" grep -q '22 Dec 2023' "$html"
  check "$m golden index.html links events to their source line" grep -q 'sources/russia-warns-japan-patriot.html#ev-' "$html"
  local src=$d/out/sources/russia-warns-japan-patriot.html
  check "$m golden source page exists" test -s "$src"
  # every #ev-N the chronology links to is an id on the source page
  local a missing=
  for a in $(grep -o 'sources/russia-warns-japan-patriot.html#ev-[0-9a-f-]*' "$html" | sed 's/.*#//' | sort -u); do
    grep -q "id=\"$a\"" "$src" || missing="$missing $a"
  done
  check "$m golden chronology anchors exist on the source page${missing:+ (missing:$missing)}" test -z "$missing"
  for a in "$html" "$src"; do
    check "$m golden $(basename "$a") has lang, title and viewport" \
      bash -c "grep -q '<html[^>]* lang=\"en\"' '$a' && grep -q '<title>[^<]' '$a' && grep -q 'name=\"viewport\"' '$a'"
  done
  check "$m golden pages link only relatively" bash -c "! grep -rhoE '(href|src)=\"(/|file:)[^\"]*' '$d/out' --include=*.html"

  # determinism: same input, same bytes, wherever it is built
  expect_exit 0 "$m golden second build" "$BIN" build -o "$d/again" "$ROOT/input"
  check "$m golden two builds are byte-identical" diff -r "$d/out" "$d/again"
  SOURCE_DATE_EPOCH=1703980800 "$BIN" build -o "$d/e1" "$ROOT/input" 2>/dev/null
  SOURCE_DATE_EPOCH=1703980800 "$BIN" build -o "$d/e2" "$ROOT/input" 2>/dev/null
  check "$m golden SOURCE_DATE_EPOCH builds are byte-identical" diff -r "$d/e1" "$d/e2"
  xp "$m golden SOURCE_DATE_EPOCH is the recorded build time" "$d/e1/briefing.xml" "/briefing[@built='2023-12-31T00:00:00Z']"

  # the same bytes from one page worker or several, and on one core
  # (gen/pages.h), on a generated corpus with pages enough to share out
  python3 "$ROOT/bench/corpus.py" "$d/many" 40 >/dev/null
  local j
  for j in 1 2 5; do
    ANNALIST_JOBS=$j SOURCE_DATE_EPOCH=1703980800 "$BIN" build -o "$d/j$j" "$d/many/annalist" >/dev/null 2>"$d/j$j.err"
  done
  check "$m golden 40 sources build with one worker" test -f "$d/j1/sources/s00039.html"
  check "$m golden 2 page workers write the bytes 1 writes" diff -r "$d/j1" "$d/j2"
  check "$m golden 5 page workers write the bytes 1 writes" diff -r "$d/j1" "$d/j5"
  check "$m golden the diagnostics do not depend on the workers" \
    diff <(grep -v '^annalist: built' "$d/j1.err") <(grep -v '^annalist: built' "$d/j5.err")
  if command -v taskset >/dev/null; then
    SOURCE_DATE_EPOCH=1703980800 taskset -c 0 "$BIN" build -o "$d/core1" "$d/many/annalist" >/dev/null 2>&1
    check "$m golden one core writes the bytes two do" diff -r "$d/j2" "$d/core1"
  fi

  # a rebuild keeps the pages whose slice, stylesheets and parameters did
  # not change (their key in the manifest) and makes the others: it writes
  # what a fresh build writes
  local mi=$d/many-changed
  cp -r "$d/many/annalist" "$mi"
  printf '\n[Anna Example0](@person-000) [warned](!threaten) [Examplia 3](@state-03) [on Monday](^) over [topic 01](#topic-01).\n' >>"$mi/sources/s00007.md"
  cp -r "$d/j2" "$d/inc"
  SOURCE_DATE_EPOCH=1703980800 "$BIN" build -o "$d/inc" "$mi" >/dev/null 2>&1
  SOURCE_DATE_EPOCH=1703980800 "$BIN" build -o "$d/fresh" "$mi" >/dev/null 2>&1
  check "$m golden a rebuild after one source changed writes what a fresh build does" \
    diff -r -x changes.html -x briefing.xml -x briefing.json "$d/inc" "$d/fresh"
  check "$m golden the changed source's page is made again" grep -q 'Examplia 3' "$d/inc/sources/s00007.html"
  check "$m golden changes.html links a new event to its year page" \
    grep -q 'href="timeline/[0-9]\{4\}\.html#ev-[0-9a-f-]*"' "$d/inc/changes.html"
  # event ids are stable: a new event renumbers nothing, so the other
  # sources' pages keep their bytes
  check "$m golden one new event changes one source page" \
    test "$(diff -rq "$d/j2/sources" "$d/inc/sources" | wc -l)" = 1
  check "$m golden the manifest keys each page" grep -q '^sources/s00007.html	[0-9a-f]\{32\}$' "$d/inc/.annalist-manifest"
  # the same input again (files, options, templates, program): the whole
  # output is kept without making the model, and the input's diagnostics
  # are told again
  check "$m golden the manifest records the build's input key" grep -q '^# input [0-9a-f]\{32\}$' "$d/inc/.annalist-manifest"
  local snap1 snap2
  snap1=$(cd "$d/inc" && find . -type f -printf '%i %T@ %p\n' | sort)
  SOURCE_DATE_EPOCH=1703980800 "$BIN" build -o "$d/inc" "$mi" >/dev/null 2>"$d/noop.err"
  snap2=$(cd "$d/inc" && find . -type f -printf '%i %T@ %p\n' | sort)
  check "$m golden a rebuild of the same input touches no file" test "$snap1" = "$snap2"
  # ... without making anything: a mark put into a page stays (a full
  # build would write the page's bytes again)
  printf '<!-- kept -->' >>"$d/inc/index.html"
  SOURCE_DATE_EPOCH=1703980800 "$BIN" build -o "$d/inc" "$mi" >/dev/null 2>&1
  check "$m golden a rebuild of the same input makes nothing again" grep -q 'kept -->' "$d/inc/index.html"
  rm "$d/inc/index.html"
  SOURCE_DATE_EPOCH=1703980800 "$BIN" build -o "$d/inc" "$mi" >/dev/null 2>&1
  check "$m golden ... but a file deleted from it is made again" cmp "$d/inc/index.html" "$d/fresh/index.html"
  SOURCE_DATE_EPOCH=1703980800 "$BIN" build -o "$d/fresh2" "$mi" >/dev/null 2>"$d/fresh2.err"
  check "$m golden ... and says what a fresh build of it says" \
    diff <(grep -v '^annalist: built' "$d/noop.err") <(grep -v '^annalist: built' "$d/fresh2.err")
  cp -r "$d/inc" "$d/inc2"
  SOURCE_DATE_EPOCH=1703980801 "$BIN" build -o "$d/inc2" "$mi" >/dev/null 2>&1
  xp "$m golden another SOURCE_DATE_EPOCH is another input" "$d/inc2/briefing.xml" "/briefing[@built='2023-12-31T00:00:01Z']"
  "$BIN" build --base-url https://example.org/b/ -o "$d/inc2" "$mi" >/dev/null 2>&1
  check "$m golden another --base-url is another input" grep -q 'https://example.org/b/' "$d/inc2/index.html"
  local key1
  key1=$(grep '^# input' "$d/inc2/.annalist-manifest")
  cp -r "$mi" "$mi-2"
  printf '\n' >>"$mi-2/sources/s00039.md"
  "$BIN" build --base-url https://example.org/b/ -o "$d/inc2" "$mi-2" >/dev/null 2>&1
  check "$m golden a changed byte of one source is another input" \
    test -n "$key1" -a "$(grep '^# input' "$d/inc2/.annalist-manifest")" != "$key1"
  # the same block three times in one source: three events, ids -2 and -3
  mkinput "$d/rep"
  printf -- '---\ntitle: Repeats\npublished: 2023-12-28\n---\n\n[Russia](@russia) [warned](!threaten) [Japan](@japan) [on Friday](^).\n\n[Russia](@russia) [warned](!threaten) [Japan](@japan) [on Friday](^).\n\n[Russia](@russia) [warned](!threaten) [Japan](@japan) [on Friday](^).\n' >"$d/rep/sources/r.md"
  "$BIN" build -o "$d/rep/out" "$d/rep" >/dev/null 2>&1
  check "$m golden a repeated block gets ids -2 and -3" \
    test "$(xmllint --xpath 'count(//events/event[@source="r"][substring(@id, string-length(@id) - 1) = "-2" or substring(@id, string-length(@id) - 1) = "-3"])' "$d/rep/out/briefing.xml")" = 2
  # one sentence more in one source's event: the page of that event's
  # year is made again and the others are kept, unmade (the overview
  # changes with its chart, which shows the events' text)
  local ev=$d/many-event yr
  cp -r "$d/many/annalist" "$ev"
  awk '!done && /\]\(!/ { sub(/\.$/, ". One more sentence."); done = 1 } 1' \
    "$d/many/annalist/sources/s00007.md" >"$ev/sources/s00007.md"
  cp -a "$d/j2" "$d/inc-year"
  (cd "$d/inc-year" && find . -type f -printf '%i %p\n' | sort -k2) >"$d/inc-year.before"
  SOURCE_DATE_EPOCH=1703980800 "$BIN" build -o "$d/inc-year" "$ev" >/dev/null 2>&1
  SOURCE_DATE_EPOCH=1703980800 "$BIN" build -o "$d/fresh-year" "$ev" >/dev/null 2>&1
  (cd "$d/inc-year" && find . -type f -printf '%i %p\n' | sort -k2) >"$d/inc-year.after"
  yr=$(xmllint --xpath 'substring(//events/event[contains(text, "One more sentence")]/@month, 1, 4)' "$d/fresh-year/briefing.xml" 2>/dev/null)
  check "$m golden the changed event is in a year ($yr)" test -n "$yr"
  check "$m golden a rebuild after one event changed writes what a fresh build does" \
    diff -r -x changes.html -x briefing.xml -x briefing.json "$d/inc-year" "$d/fresh-year"
  check "$m golden the changed event's year page is made again" grep -q 'One more sentence' "$d/inc-year/timeline/$yr.html"
  check "$m golden one changed event rewrites one year page, and no other" \
    test "$(diff "$d/inc-year.before" "$d/inc-year.after" | grep '^> ' | grep -c ' \./timeline/')" = 1
  check "$m golden ... and one year page's key: the others are kept unrendered" \
    test "$(diff <(grep '^timeline/' "$d/j2/.annalist-manifest") <(grep '^timeline/' "$d/inc-year/.annalist-manifest") | grep -c '^> timeline/[0-9a-z]*\.html	[0-9a-f]\{32\}$')" = 1
  check "$m golden ... and one source page" \
    test "$(diff "$d/inc-year.before" "$d/inc-year.after" | grep '^> ' | grep -c ' \./sources/')" = 1
  # a page deleted by hand is made again, not lost
  rm "$d/inc/sources/s00003.html"
  SOURCE_DATE_EPOCH=1703980800 "$BIN" build -o "$d/inc" "$mi" >/dev/null 2>&1
  check "$m golden a page deleted from the output is made again" cmp "$d/inc/sources/s00003.html" "$d/fresh/sources/s00003.html"
  # a changed stylesheet changes every key: the pages are made again
  cp -r "$ROOT/templates" "$d/tpl"
  "$BIN" build --templates "$d/tpl" -o "$d/tout" "$mi" >/dev/null 2>&1
  sed -i 's|<h2>Key</h2>|<h2>Key (edited)</h2>|' "$d/tpl/source.xsl"
  "$BIN" build --templates "$d/tpl" -o "$d/tout" "$mi" >/dev/null 2>&1
  check "$m golden an edited stylesheet reaches every page" grep -q 'Key (edited)' "$d/tout/sources/s00000.html"

  # raw HTML and dangerous links never reach a page
  local s=$d/unsafe
  mkinput "$s/in"
  printf -- '---\ntitle: "<script>alert(1)</script>"\npublished: 2023-12-28\n---\n\n<script>alert(2)</script>\n\n[Japan](@japan) said <img src=x onerror=alert(3)> [click](javascript:alert(4)) [ok](https://example.org/?a=1&b=2).\n' >"$s/in/sources/u.md"
  expect_exit 0 "$m safety build with raw HTML" "$BIN" build -o "$s/out" "$s/in"
  # the only script is the JSON-LD data block (not run; tests/lib/publish.sh)
  check "$m safety no script element in any page but JSON-LD" bash -c "! grep -rhoi '<script[^>]*>' '$s/out' --include=*.html | grep -qv '^<script type=\"application/ld+json\">\$'"
  check "$m safety no onerror attribute" bash -c "! grep -rqi 'onerror=' '$s/out' --include=*.html"
  check "$m safety no javascript: link" bash -c "! grep -rqi 'href=\"javascript' '$s/out' --include=*.html"
  check "$m safety title text is escaped" grep -q '&lt;script&gt;alert(1)' "$s/out/sources/u.html"
  check "$m safety ordinary links kept" grep -q 'href="https://example.org/?a=1&amp;b=2"' "$s/out/sources/u.html"
}

# timeline_golden MODE OUT: the timeline chart and page of the example.
timeline_golden() {
  local m=$1 out=$2
  local x=$out/briefing.xml tsvg=$out/timeline.svg thtml=$out/timeline.html
  local mark="//*[local-name()='g'][contains(concat(' ',@class,' '),' mark ')]"
  check "$m golden timeline.svg is well-formed" xmllint --noout "$tsvg"
  xp "$m golden timeline.svg has a title and a description" "$tsvg" "/*[local-name()='svg'][*[local-name()='title'] != ''][*[local-name()='desc'] != '']"
  # one mark per participant per event, counted against the model
  local parts
  parts=$(xmllint --xpath 'count(//event/participant)' "$x" 2>/dev/null)
  xp "$m golden timeline.svg: one mark per participant ($parts)" "$tsvg" "count($mark) = ${parts:-0} and ${parts:-0} > 0"
  local id n bad=
  for id in $(xmllint --xpath '//event/@id' "$x" 2>/dev/null | sed 's/ id="\([^"]*\)"/\1 /g'); do
    n=$(xmllint --xpath "count(//event[@id='$id']/participant)" "$x")
    [ "$(xmllint --xpath "count($mark[@data-event='$id'])" "$tsvg")" = "$n" ] || bad="$bad $id"
  done
  check "$m golden timeline.svg: each event has a mark per participant${bad:+ (not:$bad)}" test -z "$bad"
  xp "$m golden timeline.svg: the interval of ev-1 is a bar" "$tsvg" "$mark[@data-event=//*[@data-start='2021-12-28']/@data-event][contains(@class,' bar ')]"
  xp "$m golden timeline.svg: reported-by events are hollow 'by' markers" "$tsvg" "count($mark[contains(@class,' reported ')]) = $(xmllint --xpath 'count(//event[reported-by]/participant)' "$x")"
  xp "$m golden timeline.svg: zakharova -> japan drawn as an action" "$tsvg" "//*[local-name()='g'][@data-subject='zakharova'][@data-object='japan'][contains(@class,'verbal-conflict')]"
  xp "$m golden timeline.svg: the two empty years are compressed" "$tsvg" "//*[local-name()='g'][@class='axis-break']"
  check "$m golden timeline.html exists" test -s "$thtml"
  check "$m golden index.html links to timeline.html" grep -q 'href="timeline.html"' "$out/index.html"
  check "$m golden timeline.html has the chart inline" grep -q '<svg[^>]* class="timeline"' "$thtml"
  check "$m golden timeline.html lists no event itself" bash -c "! grep -q '<li class=\"event\"' '$thtml'"
  check "$m golden timeline.html counts the events" grep -q "$(xmllint --xpath 'count(//event)' "$x") events by time, one page per year" "$thtml"
  # a page per year of the chronology (and the undated), each linked from
  # the overview, with that year's events and only those
  local y yp want got years= nolink= wrong= total=0
  for y in $(xmllint --xpath '//chronology/year/@value' "$x" 2>/dev/null | sed 's/ value="\([^"]*\)"/\1 /g') \
           $(xmllint --xpath 'boolean(//chronology/undated)' "$x" | sed -n 's/^true$/undated/p'); do
    years="$years $y"
    yp=$out/timeline/$y.html
    grep -q "href=\"timeline/$y.html\"" "$thtml" && test -s "$yp" || nolink="$nolink $y"
    if [ "$y" = undated ]; then want=$(xmllint --xpath '//events/event[not(@month)]/@id' "$x" 2>/dev/null)
    else want=$(xmllint --xpath "//events/event[starts-with(@month, '$y-')]/@id" "$x" 2>/dev/null); fi
    want=$(printf '%s\n' $want | sed 's/^id="\(.*\)"$/\1/' | sort)
    got=$(grep -o '<li class="event" id="[^"]*"' "$yp" 2>/dev/null | sed 's/.*id="\(.*\)"$/\1/' | sort)
    [ -n "$want" ] && [ "$want" = "$got" ] || wrong="$wrong $y"
    total=$((total + $(printf '%s\n' $got | grep -c .)))
  done
  check "$m golden the chronology has years (${years# })" test -n "$years"
  check "$m golden timeline.html links every year page${nolink:+ (not:$nolink)}" test -z "$nolink"
  check "$m golden each year page lists exactly its year's events${wrong:+ (not:$wrong)}" test -z "$wrong"
  check "$m golden the year pages list every event once ($total)" test "$total" = "$(xmllint --xpath 'count(//event)' "$x")"
  check "$m golden no page but the years' in timeline/" \
    test "$(ls "$out/timeline" | wc -l)" = "$(printf '%s\n' $years | grep -c .)"
  local y23=$out/timeline/2023.html
  check "$m golden timeline.html links a month to its place on the year page" grep -q 'href="timeline/2023.html#m-2023-12"' "$thtml"
  check "$m golden a year page groups by month" grep -q '<h4 class="timeline-month" id="m-2023-12">December 2023' "$y23"
  check "$m golden a year page reads reported-by as 'by DATE'" grep -q 'by <time datetime="2023-12-28">Thu 28 Dec 2023</time>' "$y23"
  check "$m golden a year page links events to their source line" grep -q 'href="../sources/russia-warns-japan-patriot.html#ev-' "$y23"
  check "$m golden a year page leads back to the overview and the briefing" \
    bash -c "grep -q 'href=\"../timeline.html' '$y23' && grep -q 'href=\"../index.html\"' '$y23'"
  local href bad=
  for href in $(grep -o 'href="../timeline/[^"]*">in the chronology' "$out/sources/russia-warns-japan-patriot.html" | sed 's|href="../\([^"]*\)".*|\1|'); do
    grep -q "<li class=\"event\" id=\"${href#*#}\"" "$out/${href%%#*}" || bad="$bad $href"
  done
  check "$m golden a source page links its events to their year pages${bad:+ (not:$bad)}" \
    test -z "$bad" -a "$(grep -c 'in the chronology' "$out/sources/russia-warns-japan-patriot.html")" -gt 0
  check "$m golden year pages link the years before and after" \
    bash -c "grep -q '<a rel=\"prev\" href=\"../timeline/2021.html\">' '$y23' && grep -q '<a rel=\"next\" href=\"../timeline/2023.html\">' '$out/timeline/2021.html' && ! grep -q 'rel=\"next\"' '$y23'"
}
