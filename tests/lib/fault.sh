# tests/lib/fault.sh - allocation and I/O failure injection (gen/fault.h).
# Sourced by tests/run (a sample) and tests/fault/run.sh (make fault: all).
# Uses $ROOT, $TMP and the ok/fail/skip helpers.
#
# fault_tests MODE: MODE "sample" or "all".
#  - I/O: the Nth guarded I/O call fails, for N = 1 .. the number of calls
#    in a build of the example (every N with "all", every 5th and the last
#    30 with "sample"): exit 3, a diagnostic naming the error, the previous
#    output byte-identical, no temporary folder left, no sanitizer report.
#  - allocation, one process per N (sampled; ASan build): the message
#    "annalist: out of memory, aborting", SIGABRT (status 134), no
#    sanitizer report, the previous output byte-identical; the next build
#    removes the aborted build's temporary folder.
#  - allocation, every N ("all" only): ANNALIST_FAIL_ALLOC=every in the
#    plain fault build fails each allocation in turn in a forked child.
#  - a rebuild of the same input (the output kept whole): each I/O call.
#  - a page worker that dies (ANNALIST_FAIL_PAGE=N): the build dies with
#    its signal, the previous output intact.
# same_site A B: the two output folders hold the same files and bytes,
# but for the input key in the manifest, which names the program that
# built it (an allocation that fails after the atomic swap leaves the new
# output in place, complete: the fault program's, with its own key)
same_site() {
  diff -r -x .annalist-manifest "$1" "$2" >/dev/null 2>&1 &&
    diff <(grep -v '^# input ' "$1/.annalist-manifest") <(grep -v '^# input ' "$2/.annalist-manifest") >/dev/null 2>&1
}

# unswap OUT REF: a run that got past the atomic swap left the fault
# program's output in OUT, with its input key, and the next run of the
# same program on the same input would keep it whole instead of building:
# OUT is made REF again
unswap() {
  [ "$(grep '^# input ' "$1/.annalist-manifest" 2>/dev/null)" = "$(grep '^# input ' "$2/.annalist-manifest")" ] ||
    { rm -rf "$1"; cp -a "$2" "$1"; }
}

fault_tests() {
  local mode=$1 F=$ROOT/build/fault/annalist FP=$ROOT/build/fault-plain/annalist
  local W=$TMP/fault
  if [ ! -x "$F" ]; then skip "fault: build/fault/annalist not built (make build/fault/annalist)"; return; fi
  rm -rf "$W"; mkdir -p "$W"
  export ANNALIST_TEMPLATES=$ROOT/templates
  # pages rendered in this process: the counts and the failures cover the
  # rendering too (a page worker is a child, where nothing is made to fail)
  export ANNALIST_JOBS=1
  local asan_opts=detect_leaks=1:abort_on_error=0:exitcode=99
  "$ROOT/annalist" build -o "$W/ref" "$ROOT/input" >/dev/null 2>&1
  "$ROOT/annalist" build -o "$W/out" "$ROOT/input" >/dev/null 2>&1
  # counted in a copy: a build that succeeds records its input key, and a
  # build of the same input by the same program keeps that output whole,
  # with far fewer calls (the sweep below builds into out/, whose key is
  # the plain program's, so each run builds in full)
  cp -a "$W/out" "$W/cnt"
  ASAN_OPTIONS=$asan_opts ANNALIST_FAULT_REPORT=1 "$F" build -o "$W/cnt" "$ROOT/input" >/dev/null 2>"$W/count"
  local nio nalloc
  nalloc=$(sed -n 's/^fault: \([0-9]*\) allocations, \([0-9]*\) I\/O calls$/\1/p' "$W/count")
  nio=$(sed -n 's/^fault: \([0-9]*\) allocations, \([0-9]*\) I\/O calls$/\2/p' "$W/count")
  if [ -z "$nio" ] || [ -z "$nalloc" ]; then
    fail "fault: the fault build did not report its counts"; sed 's/^/     /' "$W/count" | head; unset ANNALIST_JOBS; return
  fi
  echo "     a build of the example: $nalloc allocations, $nio I/O calls"

  # I/O
  local n rc bad=0 runs=0 first= why
  for n in $(seq 1 "$nio"); do
    if [ "$mode" = sample ] && [ $((n % 5)) -ne 1 ] && [ "$n" -le $((nio - 30)) ]; then continue; fi
    runs=$((runs + 1))
    ASAN_OPTIONS=$asan_opts ANNALIST_FAIL_IO=$n "$F" build -o "$W/out" "$ROOT/input" >/dev/null 2>"$W/err"; rc=$?
    why=
    [ $rc -eq 3 ] || why="exit $rc"
    same_site "$W/ref" "$W/out" && unswap "$W/out" "$W/ref"
    grep -q -E ': error: .*Input/output error' "$W/err" || why="$why; no diagnostic naming the error"
    grep -q -E 'AddressSanitizer|LeakSanitizer|runtime error' "$W/err" && why="$why; sanitizer report"
    same_site "$W/ref" "$W/out" || why="$why; the previous output changed"
    ls -a "$W" | grep -q '\.annalist-' && why="$why; a temporary folder was left"
    if [ -n "$why" ]; then
      bad=$((bad + 1)); [ -z "$first" ] && first="N=$n:$why: $(grep -v '^annalist:' "$W/err" | head -3 | tr '\n' ' ')"
      rm -rf "$W/out"; cp -a "$W/ref" "$W/out"; rm -rf "$W"/.out.annalist-*
    fi
  done
  if [ $bad -eq 0 ]; then ok "fault: the Nth I/O call fails, $runs of $nio N: exit 3, a diagnostic, output intact"
  else fail "fault: I/O failures: $bad of $runs runs wrong; first $first"; fi

  # I/O of a rebuild of the same input (the output kept whole): each
  # call fails in turn: exit 3 with the output intact, or (a file of the
  # output that cannot be kept) a full build, exit 0, the same bytes
  cp -a "$W/cnt" "$W/cnt-ref"
  ASAN_OPTIONS=$asan_opts ANNALIST_FAULT_REPORT=1 "$F" build -o "$W/cnt" "$ROOT/input" >/dev/null 2>"$W/count2"
  local nkeep
  nkeep=$(sed -n 's/^fault: \([0-9]*\) allocations, \([0-9]*\) I\/O calls$/\2/p' "$W/count2")
  bad=0; first=
  if [ -z "$nkeep" ] || [ "$nkeep" -ge "$nio" ]; then
    bad=1; first="the rebuild counted ${nkeep:-no} I/O calls (a full build: $nio)"
  fi
  for n in $(seq 1 "${nkeep:-0}"); do
    ASAN_OPTIONS=$asan_opts ANNALIST_FAIL_IO=$n "$F" build -o "$W/cnt" "$ROOT/input" >/dev/null 2>"$W/err"; rc=$?
    why=
    [ $rc -eq 3 ] || [ $rc -eq 0 ] || why="exit $rc"
    [ $rc -eq 3 ] && ! grep -q -E ': error: .*Input/output error' "$W/err" && why="$why; no diagnostic naming the error"
    grep -q -E 'AddressSanitizer|LeakSanitizer|runtime error' "$W/err" && why="$why; sanitizer report"
    same_site "$W/cnt-ref" "$W/cnt" || why="$why; the previous output changed"
    ls -a "$W" | grep -q '\.annalist-' && why="$why; a temporary folder was left"
    if [ -n "$why" ]; then
      bad=$((bad + 1)); [ -z "$first" ] && first="N=$n:$why: $(grep -v '^annalist:' "$W/err" | head -3 | tr '\n' ' ')"
      rm -rf "$W/cnt"; cp -a "$W/cnt-ref" "$W/cnt"; rm -rf "$W"/.cnt.annalist-*
    fi
  done
  if [ $bad -eq 0 ]; then ok "fault: a rebuild of the same input ($nkeep I/O calls), each failing in turn: exit 3 and the output intact, or a full build of the same bytes"
  else fail "fault: rebuild of the same input: $bad wrong; first $first"; fi

  # allocation, one process per N
  local list= k
  if [ "$mode" = sample ]; then
    list="1 2 3 5 8 13 21 34 55 89 144 233 377 610 987"
    for k in 1 2 3 5 8 13 21 34 55 89; do list="$list $((nalloc * k / 100))"; done
    list="$list $((nalloc - 1)) $nalloc"
  else
    list=$(awk -v n="$nalloc" 'BEGIN { for (i = 1; i <= 60; i++) print int(1 + (n - 1) * (i - 1) / 59); for (i = 1; i <= 40; i++) print i }' | sort -nu)
  fi
  bad=0; runs=0; first=
  for n in $list; do
    runs=$((runs + 1))
    # (in a subshell, whose own stderr takes the shell's "Aborted" notice)
    ( ASAN_OPTIONS=$asan_opts ANNALIST_FAIL_ALLOC=$n "$F" build -o "$W/out" "$ROOT/input" >/dev/null 2>"$W/err"; exit $? ) 2>/dev/null; rc=$?
    why=
    same_site "$W/ref" "$W/out" && unswap "$W/out" "$W/ref"
    [ $rc -eq 134 ] || why="exit $rc"
    grep -q -x 'annalist: out of memory, aborting' "$W/err" || why="$why; no out-of-memory message"
    grep -q -E 'AddressSanitizer|LeakSanitizer|runtime error' "$W/err" && why="$why; sanitizer report"
    same_site "$W/ref" "$W/out" || why="$why; the previous output changed"
    if [ -n "$why" ]; then
      bad=$((bad + 1)); [ -z "$first" ] && first="N=$n:$why: $(head -3 "$W/err" | tr '\n' ' ')"
      rm -rf "$W/out"; cp -a "$W/ref" "$W/out"
    fi
  done
  "$ROOT/annalist" build -o "$W/out" "$ROOT/input" >/dev/null 2>&1
  ls -a "$W" | grep -q '\.annalist-' && { bad=$((bad + 1)); first="${first:-the next build left the temporary folder of an aborted build}"; }
  if [ $bad -eq 0 ]; then ok "fault: the Nth allocation fails, $runs N of $nalloc, one process each: message, SIGABRT, output intact"
  else fail "fault: allocation failures: $bad of $runs runs wrong; first $first"; fi

  # a page worker that dies (out of memory while rendering a page) takes
  # the build down with its signal: SIGABRT, its message once, the
  # previous output intact; the next build removes the temporary folder
  local page
  bad=0; first=
  for page in 1 3 8; do
    ( ASAN_OPTIONS=$asan_opts ANNALIST_JOBS=2 ANNALIST_FAIL_PAGE=$page "$F" build -o "$W/out" "$ROOT/input" >/dev/null 2>"$W/err"; exit $? ) 2>/dev/null; rc=$?
    why=
    [ $rc -eq 134 ] || why="exit $rc"
    [ "$(grep -c -x 'annalist: out of memory, aborting' "$W/err")" = 1 ] || why="$why; not one out-of-memory message"
    grep -q -E 'AddressSanitizer|LeakSanitizer|runtime error' "$W/err" && why="$why; sanitizer report"
    same_site "$W/ref" "$W/out" || why="$why; the previous output changed"
    ls -a "$W" | grep -q '\.out\.annalist-' || why="$why; no temporary folder (did it die at all?)"
    "$ROOT/annalist" build -o "$W/out" "$ROOT/input" >/dev/null 2>&1
    ls -a "$W" | grep -q '\.out\.annalist-' && why="$why; the next build left the temporary folder"
    if [ -n "$why" ]; then
      bad=$((bad + 1)); [ -z "$first" ] && first="page $page:$why: $(head -3 "$W/err" | tr '\n' ' ')"
      rm -rf "$W/out" "$W"/.out.annalist-*; cp -a "$W/ref" "$W/out"
    fi
  done
  if [ $bad -eq 0 ]; then ok "fault: a page worker that dies (pages 1, 3, 8 of 2 workers) takes the build down: SIGABRT, one message, output intact"
  else fail "fault: page worker death: $bad of 3 runs wrong; first $first"; fi

  if [ "$mode" = all ]; then
    if [ ! -x "$FP" ]; then fail "fault: build/fault-plain/annalist not built"; unset ANNALIST_JOBS; return; fi
    local t0=$SECONDS
    ANNALIST_FAIL_ALLOC=every "$FP" build -o "$W/out" "$ROOT/input" >/dev/null 2>"$W/every"; rc=$?
    local line
    line=$(grep '^fault: [0-9]* allocations failed' "$W/every")
    echo "     $line ($((SECONDS - t0)) s)"
    if [ $rc -eq 0 ] && printf '%s\n' "$line" | grep -q ', 0 otherwise$' && same_site "$W/ref" "$W/out"; then
      ok "fault: every allocation of a build of the example fails in turn: message and SIGABRT each time"
    else
      fail "fault: every-allocation sweep: exit $rc: $line"; tail -5 "$W/every" | sed 's/^/     /'
    fi
  fi
  unset ANNALIST_TEMPLATES ANNALIST_JOBS
}
