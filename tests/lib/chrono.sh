# tests/lib/chrono.sh - ordering, merging by event key, conflicts, and the
# terminal reports (annalist events, check --explain).
# Sourced by tests/run; uses $BIN, $TMP, $ROOT and the check helpers.

# mksrc DIR NAME PUBLISHER PUBLISHED BODY: a source file
mksrc() {
  printf -- '---\ntitle: %s\npublisher: %s\npublished: %s\ngrading: B2\n---\n\n%b\n' \
    "$2" "$3" "$4" "$5" >"$1/sources/$2.md"
}

chrono_tests() {
  local m=$1
  local d=$TMP/$m-chrono
  mkinput "$d/in"
  rm "$d/in/sources/a.md"
  mksrc "$d/in" a "Wire One" 2023-12-28 \
    '[Japan](@japan) [met](!consult) [Russia](@russia) [in December](^ "summit").\n\n[Japan](@japan) [talked](!) [in 2022](^ "talks").\n\n[Japan](@japan) [spoke](!) [in December 2023](^).\n\n[Russia](@russia) [spoke](!) [on 1 December 2023](^).\n\n[Russia](@russia) [said](!) something.'
  mksrc "$d/in" b "Wire Two" 2023-12-28 \
    '[Russia](@russia) [hosted](!consult) [Japan](@japan) [on Monday](^ "summit").\n\n[Russia](@russia) [talked](!) [in 2023](^ "talks").'
  mksrc "$d/in" c "Wire One" 2023-12-29 \
    '[Japan](@japan) [confirmed](!agree) [Russia](@russia) [this week](^ "summit").'
  expect_exit 0 "$m chrono build with merged keys and a conflict" "$BIN" build -o "$d/out" "$d/in"
  local x=$d/out/briefing.xml
  xp "$m chrono same key in three sources is one event" "$x" "count(//event[@key='summit']) = 1 and count(//event[@key='summit']/citation) = 3"
  xp "$m chrono compatible times: the finest is the event's" "$x" "//event[@key='summit']/time[@value='2023-12-25'][@precision='day']"
  xp "$m chrono each citation keeps its own time" "$x" "//event[@key='summit']/citation[@source='a']/time[@value='2023-12'] and //event[@key='summit']/citation[@source='c']/time[@value='2023-W52']"
  xp "$m chrono independent sources counted by publisher" "$x" "//event[@key='summit'][@sources='2']"
  xp "$m chrono citations carry the grading" "$x" "count(//event[@key='summit']/citation[@grading='B2']) = 3"
  xp "$m chrono merged event has every source's actions" "$x" "count(//event[@key='summit']/action) = 3"
  xp "$m chrono merged blocks anchor the same event on each page" "$x" "count(//source/body//paragraph[@event = //event[@key='summit']/@id]) = 3"
  xp "$m chrono no conflict when times overlap" "$x" "not(//event[@key='summit']/@conflict)"
  xp "$m chrono disjoint times are a conflict" "$x" "//event[@key='talks'][@conflict='true'][time/@value='2022']"
  check "$m chrono the index lists the conflict" grep -q 'id="conflicts"' "$d/out/index.html"
  expect_exit 0 "$m chrono conflict note does not fail --strict" "$BIN" check --strict "$d/in"
  expect_err "$m chrono conflict is a note at the later block" "/sources/b.md:10:31: note: event \"talks\" is dated 2023 here but 2022 in .*/sources/a.md:10"
  # ordering: by start, then finer first, then source order; reported-by last
  xp "$m chrono order: day before month at the same start" "$x" "//event[time/@value='2023-12-01']/following-sibling::event[time/@value='2023-12']"
  xp "$m chrono order: reported-by after the dated events" "$x" "not(//event[reported-by]/following-sibling::event[time])"
  xp "$m chrono reported-by event is not given a day" "$x" "//event[reported-by/@value='2023-12-28'][not(time)]"

  # annalist events: the chronology as a contract for scripts
  ( cd "$ROOT" && "$BIN" events input ) >"$TMP/events.tsv" 2>"$TMP/err"
  check "$m events: the example's chronology, exactly" diff -u "$ROOT/tests/golden/example-events.tsv" "$TMP/events.tsv"
  "$BIN" events "$d/in" >"$TMP/events2.tsv" 2>/dev/null
  check "$m events: a merged event is one line with every source's actions" \
    grep -qP '^2023-12-25\t.*/sources/a.md:8\tsummit\tjapan,russia\tjapan>consult>russia;russia>consult>japan;japan>agree>russia$' "$TMP/events2.tsv"
  check "$m events: untyped action without object, reported-by time" \
    grep -qP '^\.\./2023-12-28\t.*/sources/a.md:16\t-\trussia\trussia>\?>$' "$TMP/events2.tsv"
  expect_exit 1 "$m events on bad input exits 1" "$BIN" events "$TMP/$m-diag/in"

  # check --explain: the audit trail of every time
  ( cd "$ROOT" && "$BIN" check --explain input ) >"$TMP/explain.txt" 2>/dev/null
  check "$m explain: 'on Friday' with its rule and anchor" \
    grep -q "^input/sources/russia-warns-japan-patriot.md:36:122: 'on Friday' -> Fri 22 Dec 2023: the most recent Friday .*Thu 28 Dec 2023, the publication date" "$TMP/explain.txt"
  check "$m explain: one line per time annotation" \
    test "$(wc -l <"$TMP/explain.txt")" -eq "$(grep -o '](^' "$ROOT"/input/sources/*.md "$ROOT"/input/briefing.md | wc -l)"
  check "$m explain: the source page shows the audit trail" \
    grep -q 'How the times were read' "$TMP/$m-example/out/sources/russia-warns-japan-patriot.html"

  # what changed since the previous build
  local c=$TMP/$m-changes
  mkinput "$c/in"
  sed -i 's/\[on Wednesday\](^)/[on Wednesday](^ "warning")/' "$c/in/sources/a.md"
  expect_exit 0 "$m changes: first build" "$BIN" build -o "$c/out" "$c/in"
  xp "$m changes: a first build has nothing to compare" "$c/out/briefing.xml" "/briefing/changes[@since='none'][not(*)]"
  check "$m changes: the page exists" grep -q 'first build' "$c/out/changes.html"
  sed -i 's/\[on Wednesday\](^ "warning")/[on Tuesday](^ "warning")/' "$c/in/sources/a.md"
  printf -- '---\ntitle: B\npublished: 2023-12-28\n---\n\n[Japan](@japan) [met](!consult) [Russia](@russia) [yesterday](^).\n' >"$c/in/sources/b.md"
  rm "$c/in/actors/russia.md"
  expect_exit 0 "$m changes: second build" "$BIN" build -o "$c/out" "$c/in"
  local x=$c/out/briefing.xml
  xp "$m changes: a new event" "$x" "/briefing/changes/event[@change='new'][@when='Wed 27 Dec 2023']"
  xp "$m changes: a changed event (same key, new time)" "$x" "/briefing/changes/event[@change='changed'][@key='warning'][@when='Tue 26 Dec 2023']"
  xp "$m changes: a changed actor (now undeclared)" "$x" "/briefing/changes/actor[@change='changed'][@id='russia']"
  check "$m changes: the page lists them" grep -q 'change-new' "$c/out/changes.html"
  # a rebuild with nothing changed touches no output file
  find "$c/out" -type f -printf '%P %i %T@\n' | sort >"$TMP/before.ls"
  sleep 1
  expect_exit 0 "$m changes: rebuild with nothing changed" "$BIN" build -o "$c/out" "$c/in"
  find "$c/out" -type f -printf '%P %i %T@\n' | sort >"$TMP/after.ls"
  check "$m changes: a rebuild with nothing changed touches no output file" diff "$TMP/before.ls" "$TMP/after.ls"
  xp "$m changes: and still says what the last change was" "$x" "/briefing/changes/event[@change='new']"
}
