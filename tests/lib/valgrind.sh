# tests/lib/valgrind.sh - Valgrind memcheck (tests/valgrind/run.sh, and a
# quick pass in make check).  Uses $BIN (the plain build), $TMP, $ROOT,
# mkinput (cli.sh) and the ok/fail/skip helpers.
#
# valgrind_tests MODE: MODE "all" or "quick".  Each run must report no
# error and no byte definitely lost (--errors-for-leak-kinds=definite); the
# diagram's forked child is checked as well (Valgrind follows fork).

S_vg() { # S_vg LOG CMD...: runs CMD under memcheck; 0 when clean
  local log=$1; shift
  valgrind -q --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=99 \
    --show-leak-kinds=definite --trace-children=no --log-file="$log" "$@" >/dev/null 2>&1
  local rc=$?
  [ $rc -ne 99 ] && ! grep -q -E 'ERROR SUMMARY: [1-9]|definitely lost: [1-9]' "$log"
}

valgrind_tests() {
  local mode=$1 W=$TMP/valgrind n=0 bad= name who code pat setup step=1 runs=0 t0=$SECONDS
  if ! command -v valgrind >/dev/null; then skip "valgrind: not installed"; return; fi
  [ "$mode" = quick ] && step=5
  mkdir -p "$W"
  export ANNALIST_TEMPLATES=$ROOT/templates
  if S_vg "$W/example.log" "$BIN" build -o "$W/example-out" "$ROOT/input"; then
    ok "valgrind: build of the example: 0 errors, 0 bytes definitely lost"
  else
    fail "valgrind: build of the example"; grep -v '^==[0-9]*== *$' "$W"/example.log* | head -30 | sed 's/^/     /'
  fi
  while IFS=$'\t' read -r name who code pat setup; do
    case $name in ''|'#'*) continue;; esac
    n=$((n + 1))
    [ "$who" = user ] && continue
    [ $(((n - 1) % step)) -eq 0 ] || continue
    local D=$W/case-$n IN OUT
    mkdir -p "$D"; IN=$D/in; OUT=$D/out
    mkinput "$IN"
    eval "$setup"
    runs=$((runs + 1))
    S_vg "$D/vg.log" "$BIN" build -o "$OUT" "$IN" || bad="$bad [$name]"
  done <"$ROOT/tests/badinput/cases.tsv"
  if [ -z "$bad" ]; then ok "valgrind: $runs bad-input builds: 0 errors, 0 bytes definitely lost"
  else fail "valgrind: bad-input builds:$bad"; fi
  unset ANNALIST_TEMPLATES
  echo "     valgrind: $((runs + 1)) runs in $((SECONDS - t0)) s"
}
