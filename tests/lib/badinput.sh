# tests/lib/badinput.sh - bad input is a clear error with nothing lost.
# Sourced by tests/run; uses $BIN, $TMP, $ROOT, mkinput (cli.sh) and the
# check helpers.  The cases are the rows of tests/badinput/cases.tsv (the
# diagnostics are documented in docs/diagnostics.md).
#
# For each case: a valid input folder is built into OUT; the case's setup
# breaks the input (or the output folder); the build then must exit with
# the case's code and print a line matching its pattern, and when it fails
# OUT must be byte-for-byte as before and no temporary folder left beside
# it.  A case that passes with a warning must fail with --strict, again
# leaving OUT as it was.  Cases marked "user" need file modes to bind: as
# root they run as nobody (setpriv), or are skipped without setpriv.

# as_user CMD...: runs CMD as nobody when root, else as is
as_user() {
  if [ "$(id -u)" -eq 0 ]; then
    setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"
  else
    "$@"
  fi
}

# S_same A B: A and B hold the same tree (or file), or both are absent
S_same() {
  if [ ! -e "$1" ] && [ ! -L "$1" ]; then [ ! -e "$2" ] && [ ! -L "$2" ]; return; fi
  diff -r --no-dereference "$1" "$2" >/dev/null 2>&1
}

badinput_tests() {
  local m=$1 name who code pat setup n=0 run base
  local root_user=
  [ "$(id -u)" -eq 0 ] && root_user=1
  base=$(mktemp -d "${TMPDIR:-/tmp}/annalist-bad.XXXXXX")
  chmod 755 "$base"
  while IFS=$'\t' read -r name who code pat setup; do
    case $name in ''|'#'*) continue;; esac
    n=$((n + 1))
    run=
    if [ "$who" = user ]; then
      if [ -n "$root_user" ] && ! command -v setpriv >/dev/null; then
        skip "$m bad input: $name (root, and no setpriv to drop to nobody)"; continue
      fi
      [ -n "$root_user" ] && run=as_user
    fi
    local D=$base/$m-$n IN OUT
    mkdir -p "$D"; chmod 777 "$D"
    IN=$D/in; OUT=$D/out
    mkinput "$IN"
    chmod -R a+rX "$IN"
    if ! $run "$BIN" build -o "$OUT" "$IN" >/dev/null 2>"$D/first.err"; then
      fail "$m bad input: $name: the valid input did not build"; sed 's/^/     /' "$D/first.err" | head -5; continue
    fi
    eval "$setup"
    rm -rf "$D/before"; [ -e "$OUT" ] && cp -a "$OUT" "$D/before"
    $run "$BIN" build -o "$OUT" "$IN" >"$D/out.txt" 2>"$D/err.txt"; local rc=$?
    local why=
    [ "$rc" -eq "$code" ] || why="exit $rc, wanted $code"
    grep -q -E -- "$pat" "$D/err.txt" || why="${why:+$why; }no stderr line matches: $pat"
    if [ "$code" -ne 0 ]; then
      S_same "$D/before" "$OUT" || why="${why:+$why; }the previous output changed"
    elif grep -q ': warning: ' "$D/err.txt"; then
      # a warning: --strict fails, and leaves the output as it was
      rm -rf "$D/before"; cp -a "$OUT" "$D/before"
      $run "$BIN" build --strict -o "$OUT" "$IN" >/dev/null 2>&1; local rs=$?
      [ "$rs" -eq 1 ] || why="${why:+$why; }--strict: exit $rs, wanted 1"
      S_same "$D/before" "$OUT" || why="${why:+$why; }--strict changed the output"
    fi
    ls -a "$(dirname "$OUT")" | grep -q '\.annalist-' && why="${why:+$why; }a temporary folder was left"
    if [ -z "$why" ]; then ok "$m bad input: $name (exit $rc)"
    else fail "$m bad input: $name: $why"; sed 's/^/     /' "$D/err.txt" | head -8; fi
    chmod -R u+rwX "$D" 2>/dev/null
  done <"$ROOT/tests/badinput/cases.tsv"
  chmod -R u+rwX "$base" 2>/dev/null
  rm -rf "$base"
}
