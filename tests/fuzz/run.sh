#!/usr/bin/env bash
# tests/fuzz/run.sh - run the libFuzzer harnesses (build/fuzz/fuzz_*).
#
#   bash tests/fuzz/run.sh fuzz SECONDS     each harness for SECONDS (make fuzz),
#                                           new inputs kept in build/fuzz/corpus/
#   bash tests/fuzz/run.sh replay           each harness over its seeds and
#                                           regression inputs, once
# Crashes are written to build/fuzz/crashes/; a crash found is fixed and its
# input added to tests/fuzz/seeds/<harness>/ (replayed by make check).
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
mode=${1:-replay}
secs=${2:-60}
rc=0
mkdir -p build/fuzz/crashes
for bin in build/fuzz/fuzz_*; do
  [ -x "$bin" ] || continue
  case $bin in *.o) continue;; esac
  h=${bin##*/fuzz_}
  seeds=$ROOT/tests/fuzz/seeds/$h
  opts=(-rss_limit_mb=2048 -timeout=25 -max_len=65536 "-artifact_prefix=build/fuzz/crashes/$h-")
  [ -f "$ROOT/tests/fuzz/$h.dict" ] && opts+=("-dict=$ROOT/tests/fuzz/$h.dict")
  export ANNALIST_TEMPLATES=$ROOT/templates
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  if [ "$mode" = fuzz ]; then
    corpus=build/fuzz/corpus/$h
    mkdir -p "$corpus"
    echo "== fuzz_$h for $secs s"
    "$bin" "${opts[@]}" -max_total_time="$secs" -print_final_stats=1 "$corpus" "$seeds" \
      >"build/fuzz/$h.log" 2>&1
    r=$?
    grep -E '^(stat::number_of_executed_units|stat::new_units_added|#[0-9]+ *DONE)' "build/fuzz/$h.log" | sed 's/^/   /'
  else
    "$bin" "${opts[@]}" -runs=0 "$seeds" >"build/fuzz/$h.log" 2>&1
    r=$?
  fi
  if [ $r -ne 0 ]; then
    echo "FAIL fuzz_$h (exit $r): see build/fuzz/$h.log"; tail -30 "build/fuzz/$h.log" | sed 's/^/     /'; rc=1
  else
    echo "ok   fuzz_$h ($mode)"
  fi
done
exit $rc
