# tests/lib/golden.sh - facts of the example briefing, checked on the model
# and the pages through XPath; the schema; determinism; safety of output.
# Sourced by tests/run; uses $BIN, $TMP, $ROOT and the check helpers.

# xp NAME FILE XPATH: the XPath expression is true in FILE
xp() {
  local got
  got=$(xmllint --xpath "boolean($3)" "$2" 2>&1)
  if [ "$got" = true ]; then ok "$1"; else fail "$1: false: $3"; fi
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

  local html=$d/out/index.html
  check "$m golden index.html has the marking banner" grep -q 'UNCLASSIFIED' "$html"
  check "$m golden index.html has the diagram inline" grep -q '<svg' "$html"
  check "$m golden index.html dates the chronology" grep -q '22 Dec 2023' "$html"
  check "$m golden index.html links events to their source line" grep -q 'sources/russia-warns-japan-patriot.html#ev-' "$html"
  local src=$d/out/sources/russia-warns-japan-patriot.html
  check "$m golden source page exists" test -s "$src"
  # every #ev-N the chronology links to is an id on the source page
  local a missing=
  for a in $(grep -o 'sources/russia-warns-japan-patriot.html#ev-[0-9]*' "$html" | sed 's/.*#//' | sort -u); do
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

  # raw HTML and dangerous links never reach a page
  local s=$d/unsafe
  mkinput "$s/in"
  printf -- '---\ntitle: "<script>alert(1)</script>"\npublished: 2023-12-28\n---\n\n<script>alert(2)</script>\n\n[Japan](@japan) said <img src=x onerror=alert(3)> [click](javascript:alert(4)) [ok](https://example.org/?a=1&b=2).\n' >"$s/in/sources/u.md"
  expect_exit 0 "$m safety build with raw HTML" "$BIN" build -o "$s/out" "$s/in"
  check "$m safety no script element in any page" bash -c "! grep -rqi '<script' '$s/out' --include=*.html"
  check "$m safety no onerror attribute" bash -c "! grep -rqi 'onerror=' '$s/out' --include=*.html"
  check "$m safety no javascript: link" bash -c "! grep -rqi 'href=\"javascript' '$s/out' --include=*.html"
  check "$m safety title text is escaped" grep -q '&lt;script&gt;alert(1)' "$s/out/sources/u.html"
  check "$m safety ordinary links kept" grep -q 'href="https://example.org/?a=1&amp;b=2"' "$s/out/sources/u.html"
}
