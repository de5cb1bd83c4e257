# tests/lib/fuzz.sh - the libFuzzer harnesses in make check.
# Sourced by tests/run; uses $ROOT, $TMP and the ok/fail/skip helpers.
#
# fuzz_tests: when clang with libFuzzer built build/fuzz/fuzz_* (see
# tests/hardening.mk), each harness replays its seeds and the crash
# regressions in tests/fuzz/seeds/<harness>/, then fuzzes for
# FUZZ_CHECK_SECONDS (default 5) from them.  `make fuzz` runs longer.
fuzz_tests() {
  local secs=${FUZZ_CHECK_SECONDS:-5} bin h seeds rc found=
  for bin in "$ROOT"/build/fuzz/fuzz_*; do
    [ -x "$bin" ] || continue
    case $bin in *.o|*.log) continue;; esac
    found=1
    h=${bin##*/fuzz_}
    seeds=$ROOT/tests/fuzz/seeds/$h
    mkdir -p "$ROOT/build/fuzz/crashes"
    local opts=(-rss_limit_mb=2048 -timeout=25 -max_len=65536 "-artifact_prefix=$ROOT/build/fuzz/crashes/$h-")
    ANNALIST_TEMPLATES=$ROOT/templates ASAN_OPTIONS=detect_leaks=1 \
      "$bin" "${opts[@]}" -runs=0 "$seeds" >"$TMP/fuzz-$h.log" 2>&1; rc=$?
    if [ $rc -eq 0 ]; then ok "fuzz: fuzz_$h replays its $(ls "$seeds" | wc -l) seeds and regressions"
    else fail "fuzz: fuzz_$h replay (exit $rc)"; grep -E 'ERROR|SUMMARY|Test unit' "$TMP/fuzz-$h.log" | head -5 | sed 's/^/     /'; fi
    mkdir -p "$TMP/fuzz-corpus-$h"
    ANNALIST_TEMPLATES=$ROOT/templates ASAN_OPTIONS=detect_leaks=1 \
      "$bin" "${opts[@]}" -max_total_time="$secs" "$TMP/fuzz-corpus-$h" "$seeds" >"$TMP/fuzz-$h.log" 2>&1; rc=$?
    if [ $rc -eq 0 ]; then ok "fuzz: fuzz_$h for $secs s: $(grep -o 'DONE.*cov: [0-9]*' "$TMP/fuzz-$h.log" | sed 's/.*cov/cov/') $(grep -o '^Done [0-9]* runs' "$TMP/fuzz-$h.log" | sed 's/Done //')"
    else fail "fuzz: fuzz_$h found a crash (exit $rc): the input is in build/fuzz/crashes/"; grep -E 'ERROR|SUMMARY|Test unit|Base64' "$TMP/fuzz-$h.log" | head -6 | sed 's/^/     /'; fi
    rm -rf "$TMP/fuzz-corpus-$h"
  done
  [ -n "$found" ] || skip "fuzz: no harness built (clang with libFuzzer is needed: make fuzz-build)"
}
