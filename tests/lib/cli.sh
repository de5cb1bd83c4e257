# tests/lib/cli.sh - the command line: exit codes and diagnostics.
# Sourced by tests/run; uses $BIN, $TMP, $ROOT and the check helpers.

# expect_exit CODE NAME COMMAND...: the command exits with CODE
expect_exit() {
  local want=$1 name=$2; shift 2
  "$@" >"$TMP/out" 2>"$TMP/err"; local rc=$?
  if [ $rc -eq "$want" ]; then ok "$name (exit $rc)"
  else fail "$name: exit $rc, wanted $want"; sed 's/^/     /' "$TMP/err" | head -10; fi
}

# expect_err NAME PATTERN: the last command's stderr has a line matching PATTERN
expect_err() {
  if grep -q -E -- "$2" "$TMP/err"; then ok "$1"
  else fail "$1: no stderr line matches: $2"; sed 's/^/     /' "$TMP/err" | head -10; fi
}

# mkinput DIR: a minimal valid input folder (one source, two actors)
mkinput() {
  mkdir -p "$1/sources" "$1/actors"
  printf -- '---\ntitle: Test briefing\ndate: 2023-12-29\n---\n\nSummary.\n' >"$1/briefing.md"
  printf -- '---\nname: Japan\nkind: state\naliases: [Tokyo]\n---\n' >"$1/actors/japan.md"
  printf -- '---\nname: Russia\nkind: state\n---\n' >"$1/actors/russia.md"
  printf -- '---\ntitle: A source\npublished: 2023-12-28\n---\n\n[Russia](@russia) [warned](!threaten) [Tokyo](@japan) [on Wednesday](^).\n' >"$1/sources/a.md"
}

cli_tests() {
  local m=$1 d
  expect_exit 0 "$m cli --version" "$BIN" --version
  check "$m cli --version prints the version" grep -q '^annalist [0-9]' "$TMP/out"
  expect_exit 0 "$m cli --help" "$BIN" --help
  for c in build check date; do
    expect_exit 0 "$m cli $c --help" "$BIN" "$c" --help
  done
  expect_exit 2 "$m cli no command" "$BIN"
  expect_exit 2 "$m cli unknown command" "$BIN" frobnicate
  expect_err "$m cli unknown command is named" "unknown command 'frobnicate'"
  expect_exit 2 "$m cli unknown option" "$BIN" build --frob
  expect_exit 2 "$m cli two inputs" "$BIN" build a b
  expect_exit 2 "$m cli date without --ref" "$BIN" date 'on Friday'
  expect_exit 2 "$m cli date with a bad --ref" "$BIN" date --ref 2023-13-01 'on Friday'
  expect_exit 2 "$m cli bad SOURCE_DATE_EPOCH" env SOURCE_DATE_EPOCH=soon "$BIN" check "$ROOT/input"
  expect_exit 2 "$m cli bad diagnostics style" "$BIN" check --diagnostics=xml "$ROOT/input"

  # date: the same resolver as ^
  expect_exit 0 "$m cli date resolves" "$BIN" date --ref 2023-12-28 'on Friday' 'last week' 'December 26, 2023' '2023-W51'
  check "$m cli date prints EDTF and precision" diff -u - "$TMP/out" <<'OUT'
2023-12-22	day
2023-W51	week
2023-12-26	day
2023-W51	week
OUT
  expect_exit 1 "$m cli date unreadable expression" "$BIN" date --ref 2023-12-28 'the other day'
  expect_err "$m cli date names the expression" "the other day"

  # build and check on a valid input
  d=$TMP/$m-ok; mkinput "$d/in"
  expect_exit 0 "$m cli check valid input" "$BIN" check "$d/in"
  check "$m cli check writes nothing" test ! -e "$d/out" -a ! -e out.never
  expect_exit 0 "$m cli build valid input" "$BIN" build -o "$d/out" "$d/in"
  check "$m cli build writes index.html" test -s "$d/out/index.html"
  check "$m cli build writes the model" test -s "$d/out/briefing.xml"
  check "$m cli build leaves no temporary folder" bash -c "! ls -a '$d' | grep -q annalist-"
  cp -r "$d/out" "$d/before"
  expect_exit 0 "$m cli rebuild over own output" "$BIN" build -o "$d/out" "$d/in"

  # a failed build leaves the previous output untouched
  printf '\n[x](!threaten)\n' >>"$d/in/sources/a.md"
  expect_exit 1 "$m cli build with an error" "$BIN" build -o "$d/out" "$d/in"
  check "$m cli failed build leaves out/ as it was" diff -r "$d/before" "$d/out"
  expect_err "$m cli error says nothing was written" "nothing was written"

  # diagnostics at the annotation's own position
  d=$TMP/$m-diag; mkinput "$d/in"
  printf -- '---\ntitle: Errors\npublished: 2023-12-28\n---\n\nThey [warned](!threaten) [Japan](@japan).\n\n[Japan](@japan) [did](!thraeten) it.\n\n[Japan](@japan) met [on the other day](^).\n\n[Japan](@japan) met [then](^2023-02-30).\n\n[Japan](@japan) [x](!) and [Japán](@jpan).\n\nÉté [Japan](@japan) [y](!threaten "japan - russia").\n' >"$d/in/sources/b.md"
  expect_exit 1 "$m cli errors exit 1" "$BIN" check "$d/in"
  expect_err "$m diag action without subject at its [" "/sources/b.md:6:6: error: action 'warned' has no subject"
  expect_err "$m diag unknown action type with did-you-mean" "/sources/b.md:8:17: error: unknown action type '!thraeten'; did you mean '!threaten'\?"
  expect_err "$m diag unreadable time names it" "/sources/b.md:10:21: error: .*the other day"
  expect_err "$m diag impossible date" "/sources/b.md:12:21: error: invalid time value '\^2023-02-30'"
  expect_err "$m diag unknown actor: warning with did-you-mean, column in characters" "/sources/b.md:14:28: warning: unknown actor '@jpan'; did you mean '@japan'\?"
  expect_err "$m diag bad action title" "/sources/b.md:16:21: error: the title of action 'y'"
  expect_exit 1 "$m cli --diagnostics=github" "$BIN" check --diagnostics=github "$d/in"
  expect_err "$m diag github form" "^::error file=.*b.md,line=6,col=6::action 'warned' has no subject"

  # warnings pass, --strict makes them errors
  d=$TMP/$m-warn; mkinput "$d/in"
  printf '\n[Tokio](@tokio) [met](!consult) [Russia](@russia) [on Friday](^).\n' >>"$d/in/sources/a.md"
  expect_exit 0 "$m cli warnings do not fail" "$BIN" check "$d/in"
  expect_err "$m diag unknown actor without a close match" "warning: unknown actor '@tokio'"
  expect_exit 1 "$m cli --strict fails on warnings" "$BIN" check --strict "$d/in"
  expect_exit 1 "$m cli global --strict" "$BIN" --strict check "$d/in"

  # front matter
  d=$TMP/$m-fm; mkinput "$d/in"
  printf -- '---\ntitle: [unclosed\npublished: 2023-12-28\n---\n\nText.\n' >"$d/in/sources/c.md"
  printf -- '---\ntitle: x\n\nno closing fence\n' >"$d/in/sources/d.md"
  printf -- '---\n- a list\n---\n' >"$d/in/sources/e.md"
  printf -- '---\nname: X\nkind: stat\n---\n' >"$d/in/actors/x.md"
  printf -- '---\nname: Y\n---\n' >"$d/in/actors/Bad_Id.md"
  expect_exit 1 "$m cli front matter errors" "$BIN" check "$d/in"
  expect_err "$m diag YAML error at its line" "/sources/c.md:3:[0-9]+: error: front matter: "
  expect_err "$m diag unterminated front matter" "/sources/d.md:1:1: error: front matter opened here is never closed"
  expect_err "$m diag front matter not a mapping" "/sources/e.md:2:1: error: front matter: must be a mapping"
  expect_err "$m diag unknown kind with did-you-mean" "/actors/x.md:3:7: error: unknown kind 'stat'; did you mean 'state'\?"
  expect_err "$m diag invalid actor id" "/actors/Bad_Id.md: error: 'Bad_Id' is not a valid actor id"

  # I/O failures exit 3
  expect_exit 3 "$m cli missing input folder" "$BIN" check "$TMP/does-not-exist"
  d=$TMP/$m-io; mkinput "$d/in"; : >"$d/file"
  expect_exit 3 "$m cli output is a file" "$BIN" build -o "$d/file" "$d/in"
  mkdir -p "$d/foreign"; : >"$d/foreign/keep.txt"
  expect_exit 0 "$m cli builds into a folder it did not make" "$BIN" build -o "$d/foreign" "$d/in"
  check "$m cli files it did not write are kept" test -f "$d/foreign/keep.txt" -a -f "$d/foreign/index.html"
  expect_exit 0 "$m cli rebuilds there" "$BIN" build -o "$d/foreign" "$d/in"
  check "$m cli and keeps them again" test -f "$d/foreign/keep.txt"
  # unchanged pages keep their bytes and modification time
  local before after
  before=$(stat -c '%i %Y' "$d/foreign/index.html")
  sleep 1
  "$BIN" build -o "$d/foreign" "$d/in" 2>/dev/null
  after=$(stat -c '%i %Y' "$d/foreign/index.html")
  check "$m cli an unchanged page is not rewritten" test "$before" = "$after"
  expect_exit 3 "$m cli missing templates" "$BIN" build --templates "$TMP/none" -o "$d/out2" "$d/in"
  check "$m cli failed build writes no output folder" test ! -e "$d/out2"
}
