#!/usr/bin/env bash
# bench/run.sh - annalist against the floor and its peers (make bench).
#
# Not a test: it prints numbers.  For each N in BENCH_N it writes a
# deterministic corpus of N sources (bench/corpus.py; kept while the
# script and N are the same) and times, in the same run on the same files,
# BENCH_RUNS times each, one round after the other:
#
#   floor     cmark alone, one process, every body read as one document
#   annalist  a full build into an empty folder, and its peak memory
#   hugo      the same sources as a Hugo site with minimal layouts
#   pandoc    one process per source (as many at once as there are cores),
#             only while N <= BENCH_PANDOC_MAX (1000)
#
# then, on the build's output: the build once more under `taskset -c 0`
# and `diff -r` against it (the same bytes on one core or two), a rebuild
# with nothing changed (the inode and mtime of every file compared before
# and after: it must touch none), and a rebuild after one sentence was
# appended to one source (put back afterwards).  Last, the overview diagram
# of a 1,000-actor briefing (bench/gen.awk, bench/layout.c).  It ends with
# a Markdown table of the medians, the ratios and the targets of issue #7,
# and the machine.
#
# A peer that is not installed is "skipped"; a run longer than
# BENCH_TIMEOUT seconds is stopped and reported "timeout", and the
# measurements that need it are not taken.  Exit 1 only when annalist
# fails (not on a timeout) or the corpus cannot be written.
#
#   bash bench/run.sh
#   BENCH_N="1000 10000" BENCH_RUNS=3 BENCH_DIR=build/bench BENCH_TIMEOUT=600
#   BENCH_BIN=./annalist BENCH_LAYOUT=build/obj/bench_layout BENCH_PANDOC_MAX=1000
#
# Writes only into BENCH_DIR (temporary files of the peers too).
set -u
export LC_ALL=C
cd "$(dirname "$0")/.." || exit 2
ROOT=$PWD
BIN=${BENCH_BIN:-$ROOT/annalist}
LAYOUT=${BENCH_LAYOUT:-$ROOT/build/obj/bench_layout}
NS=${BENCH_N:-1000 10000}
RUNS=${BENCH_RUNS:-3}
LIMIT=${BENCH_TIMEOUT:-600}
PANDOC_MAX=${BENCH_PANDOC_MAX:-1000}
for v in $NS $RUNS $LIMIT $PANDOC_MAX; do
  case $v in ''|*[!0-9]*|0) echo "bench: '$v' is not a positive whole number" >&2; exit 2 ;; esac
done
mkdir -p "${BENCH_DIR:-build/bench}" || exit 1
DIR=$(cd "${BENCH_DIR:-build/bench}" && pwd)
export ANNALIST_TEMPLATES=${ANNALIST_TEMPLATES:-$ROOT/templates}
export TMPDIR=$DIR/tmp
mkdir -p "$TMPDIR"
NPROC=$(nproc)
GNUTIME=/usr/bin/time
[ -x "$GNUTIME" ] || GNUTIME=
FAIL=0

has() { command -v "$1" >/dev/null 2>&1; }
note() { printf '  %s\n' "$*"; }

# The run in progress is stopped with the script.
PID=
trap '[ -n "$PID" ] && kill -TERM "$PID" 2>/dev/null; exit 130' INT TERM

# timed LOG CMD...: runs CMD for at most BENCH_TIMEOUT seconds, its output
# in LOG; sets T (wall seconds) and M (peak resident KiB, empty without GNU
# time) and returns CMD's status (124: timed out).  timeout runs CMD in a
# process group of its own and stops all of it (annalist's layout child
# too); GNU time reads the peak of CMD and the children it waited for.
timed() {
  local log=$1 t0 rc
  shift
  rm -f "$log.mem"
  t0=$EPOCHREALTIME
  if [ -n "$GNUTIME" ]; then
    timeout -k 10 "$LIMIT" "$GNUTIME" -f %M -o "$log.mem" "$@" >"$log" 2>&1 &
  else
    timeout -k 10 "$LIMIT" "$@" >"$log" 2>&1 &
  fi
  PID=$!
  wait "$PID"
  rc=$?
  T=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.3f", b - a }')
  PID=
  M=
  [ -s "$log.mem" ] && M=$(tail -n 1 "$log.mem")
  [ "$rc" -eq 137 ] && rc=124
  return "$rc"
}

# Results: S[KEY] the times of the runs, MEM[KEY] their peaks (KiB),
# ST[KEY] a status that replaces the number (skipped, timeout, failed, n/a),
# V[KEY] anything else to print.
declare -A S=() MEM=() ST=() V=()

# sample KEY LOG CMD...: one timed run of CMD for the result KEY.  A run
# that fails or times out ends the measurement: its status is the result;
# annalist failing (not a peer) makes the script's status 1.
sample() {
  local key=$1 log=$2 rc
  shift 2
  [ -n "${ST[$key]:-}" ] && return 1
  timed "$log" "$@"
  rc=$?
  case $rc in
  0)   S[$key]="${S[$key]:-} $T"
       [ -n "$M" ] && MEM[$key]="${MEM[$key]:-} $M"
       note "${key#*,}: $T s${M:+, peak $M KiB}" ;;
  124) ST[$key]="timeout (> $LIMIT s)"
       note "${key#*,}: timeout after $LIMIT s (log: ${log#"$ROOT"/})" ;;
  *)   ST[$key]=failed
       case " $* " in *" $BIN "*) FAIL=1 ;; esac
       note "${key#*,}: failed, exit $rc (log: ${log#"$ROOT"/})" ;;
  esac
  return "$rc"
}

# median V...: the median of the numbers (nothing for none)
median() {
  [ $# -eq 0 ] && return
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 }
    END { printf "%.3f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# result KEY: the median of KEY's runs, or its status
result() {
  local k=$1
  if [ -n "${ST[$k]:-}" ]; then echo "${ST[$k]}"
  else
    # shellcheck disable=SC2086  # the runs, one word each
    median ${S[$k]:-}
  fi
}

isnum() { [[ $1 =~ ^[0-9]+(\.[0-9]+)?$ ]]; }

# ratio A B: A / B when both are numbers, else "–"
ratio() {
  if isnum "$1" && isnum "$2" && awk -v b="$2" 'BEGIN { exit !(b > 0) }'; then
    awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'
  else echo "–"; fi
}

# Formatting for the table: seconds, ratios, MiB, thousands.
fs() { isnum "$1" || { echo "${1:-–}"; return; }
       awk -v v="$1" 'BEGIN { printf (v < 1 ? "%.3f s" : v < 100 ? "%.2f s" : "%.0f s"), v }'; }
fx() { isnum "$1" || { echo "${1:-–}"; return; }
       awk -v v="$1" 'BEGIN { printf (v < 0.1 ? "%.2gx" : v < 10 ? "%.2fx" : v < 100 ? "%.1fx" : "%.0fx"), v }'; }
fmib() { isnum "$1" || { echo "${1:-–}"; return; }
         awk -v v="$1" 'BEGIN { printf "%.1f MiB", v / 1048576 }'; }
thousands() { echo "$1" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/' -e 'ta'; }

# meets V OP TARGET: ", met" or ", missed" when V is a number, else nothing
meets() {
  isnum "$1" || return 0
  if awk -v v="$1" -v t="$3" "BEGIN { exit !(v $2 t) }"; then echo ", met"
  else echo ", missed"; fi
}

# snapshot DIR: "path<TAB>inode mtime" of every file below DIR, sorted
snapshot() { (cd "$1" && find . -type "${2:-f}" -printf '%p\t%i %T@\n' | sort); }
# touched BEFORE AFTER: how many files are new, gone, or have another
# inode or mtime
touched() {
  awk -F'\t' 'NR == FNR { a[$1] = $2; next }
    { if (!($1 in a) || a[$1] != $2) n++; delete a[$1] }
    END { for (k in a) n++; print n + 0 }' "$1" "$2"
}

# stamp N: what the corpus of N sources is made from
stamp() { echo "$1 $(sha256sum <bench/corpus.py | cut -c1-64)"; }

# corpus N D: the corpus of N sources in D/corpus, written again only when
# bench/corpus.py or N changed (D/corpus.stamp)
corpus() {
  local n=$1 d=$2
  if [ "$(cat "$d/corpus.stamp" 2>/dev/null)" = "$(stamp "$n")" ]; then
    note "corpus: kept from an earlier run (same bench/corpus.py)"
    return 0
  fi
  rm -rf "$d/corpus" "$d/corpus.stamp"
  mkdir -p "$d"
  timed "$d/logs/corpus.log" python3 bench/corpus.py "$d/corpus" "$n" || {
    note "corpus: failed (log: ${d#"$ROOT"/}/logs/corpus.log)"
    return 1
  }
  stamp "$n" >"$d/corpus.stamp"
  note "corpus: written in $T s"
}

# bench_n N: every measurement on the corpus of N sources
bench_n() {
  local n=$1 d=$DIR/n$1 c in r k src
  c=$d/corpus
  in=$c/annalist
  mkdir -p "$d/logs"
  echo
  echo "## $(thousands "$n") sources (${d#"$ROOT"/})"
  corpus "$n" "$d" || { FAIL=1; ST[$n,full]=failed; return; }
  V[$n,input]=$(find "$in" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
  note "input: ${V[$n,input]} bytes in $(find "$in" -type f | wc -l) files"
  has cmark || ST[$n,floor]=skipped
  has hugo || ST[$n,hugo]=skipped
  has pandoc || ST[$n,pandoc]=skipped
  [ "$n" -le "$PANDOC_MAX" ] || ST[$n,pandoc]="n/a"

  for r in $(seq 1 "$RUNS"); do
    note "-- round $r of $RUNS"
    sample "$n,floor" "$d/logs/floor-$r.log" \
      bash -c 'cd "$1" && exec cmark *.md >/dev/null' _ "$c/markdown"
    rm -rf "$d/hugo-out"
    sample "$n,hugo" "$d/logs/hugo-$r.log" hugo --source "$c/hugo" \
      --destination "$d/hugo-out" --cacheDir "$d/hugo-cache" --quiet
    rm -rf "$d/pandoc-out"
    mkdir -p "$d/pandoc-out"
    sample "$n,pandoc" "$d/logs/pandoc-$r.log" bash -c 'cd "$1" &&
      printf "%s\0" *.md | xargs -0 -P "$2" -I{} \
        pandoc -f commonmark+yaml_metadata_block -t html -s -o "$3/{}.html" {}' \
      _ "$in/sources" "$NPROC" "$d/pandoc-out"
    rm -rf "$d/out"
    sample "$n,full" "$d/logs/full-$r.log" "$BIN" build -o "$d/out" "$in"
  done
  if [ -n "${ST[$n,full]:-}" ]; then
    for k in onecore noop one; do ST[$n,$k]="–"; done
    note "no rebuilds, no one-core build: the full build did not finish"
    return
  fi

  note "-- one core against all"
  if ! has taskset; then ST[$n,onecore]=skipped
  else
    rm -rf "$d/out-1core"
    if sample "$n,onecore" "$d/logs/onecore.log" \
         taskset -c 0 "$BIN" build -o "$d/out-1core" "$in"; then
      if diff -r "$d/out" "$d/out-1core" >"$d/logs/onecore.diff" 2>&1
      then V[$n,same]=identical
      else V[$n,same]="differ"; fi
      note "one core against all: ${V[$n,same]}"
      head -n 5 "$d/logs/onecore.diff" | while IFS= read -r k; do note "  $k"; done
    fi
  fi

  note "-- rebuild, nothing changed"
  snapshot "$d/out" >"$d/logs/before.files"
  snapshot "$d/out" d >"$d/logs/before.dirs"
  for r in $(seq 1 "$RUNS"); do
    sample "$n,noop" "$d/logs/noop-$r.log" "$BIN" build -o "$d/out" "$in" || break
  done
  snapshot "$d/out" >"$d/logs/after.files"
  snapshot "$d/out" d >"$d/logs/after.dirs"
  V[$n,files]=$(wc -l <"$d/logs/before.files")
  V[$n,touched]=$(touched "$d/logs/before.files" "$d/logs/after.files")
  note "files touched: ${V[$n,touched]} of ${V[$n,files]};" \
    "folders new or changed: $(touched "$d/logs/before.dirs" "$d/logs/after.dirs")" \
    "of $(wc -l <"$d/logs/before.dirs")"

  # one sentence more in the middle source each run, put back afterwards
  src=$in/sources/s$(printf %05d $((n / 2))).md
  note "-- rebuild, one source changed (${src#"$ROOT"/})"
  cp -p "$src" "$d/changed.orig"
  rm -f "$d/corpus.stamp"
  for r in $(seq 1 "$RUNS"); do
    printf 'Officials added one more sentence in run %d.\n' "$r" >>"$src"
    snapshot "$d/out" >"$d/logs/before.files"
    sample "$n,one" "$d/logs/one-$r.log" "$BIN" build -o "$d/out" "$in" || break
    snapshot "$d/out" >"$d/logs/after.files"
    V[$n,rewritten]=$(touched "$d/logs/before.files" "$d/logs/after.files")
  done
  cp -p "$d/changed.orig" "$src" && rm -f "$d/changed.orig" &&
    stamp "$n" >"$d/corpus.stamp"
  [ -n "${V[$n,rewritten]:-}" ] && note "files written again by it: ${V[$n,rewritten]} of ${V[$n,files]}"
}

# bench_layout: the overview diagram of a briefing of 1,000 actors and
# 5,000 actions (bench/gen.awk), from the model of its build
bench_layout() {
  local d=$DIR/layout r line
  echo
  echo "## Overview diagram, 1,000 actors and 5,000 actions (${d#"$ROOT"/})"
  if [ ! -x "$LAYOUT" ]; then
    ST[layout]=skipped
    note "skipped: no $LAYOUT (make bench builds it)"
    return
  fi
  rm -rf "$d"
  mkdir -p "$d/logs"
  awk -v dir="$d/in" -v actors=1000 -v actions=5000 -f bench/gen.awk || { ST[layout]=failed; return; }
  sample build "$d/logs/build.log" "$BIN" build -o "$d/out" "$d/in" ||
    { ST[layout]=${ST[build]}; return; }
  # the first run draws the ego diagrams too (~25 s for 1,000 actors)
  for r in $(seq 1 "$RUNS"); do
    if [ "$r" -eq 1 ]; then set -- "$d/out/briefing.xml"
    else set -- --overview "$d/out/briefing.xml"; fi
    timed "$d/logs/layout-$r.log" "$LAYOUT" "$@" ||
      { ST[layout]=failed; note "failed (log: ${d#"$ROOT"/}/logs/layout-$r.log)"; return; }
    while IFS= read -r line; do note "$line"; done <"$d/logs/layout-$r.log"
    line=$(sed -n 's/^overview: .*: \([0-9.]*\) s, [0-9]* bytes.*/\1/p' "$d/logs/layout-$r.log")
    S[layout]="${S[layout]:-} $line"
  done
}

# row LABEL TARGET CELL...: one row of the table
row() {
  local label=$1 target=$2
  shift 2
  printf '| %s |' "$label"
  printf ' %s |' "$@"
  printf ' %s |\n' "$target"
}

# table: the Markdown table of every N
table() {
  local n r what cells=() h="|" a="|---|"
  local floor full hugo pandoc noop one mem
  echo
  echo "## Results: medians of $RUNS run(s)"
  echo
  for n in $NS; do h="$h $(thousands "$n") sources |"; a="$a---:|"; done
  echo "| $h target (10,000 sources) |"
  echo "$a---|"
  # each row: its cell for every N
  for what in input floor full f_ratio hugo h_ratio pandoc p_ratio noop touched one o_ratio mem m_ratio same; do
    cells=()
    for n in $NS; do
      floor=$(result "$n,floor"); full=$(result "$n,full"); hugo=$(result "$n,hugo")
      pandoc=$(result "$n,pandoc"); noop=$(result "$n,noop"); one=$(result "$n,one")
      mem=–
      if [ -z "${ST[$n,full]:-}" ] && [ -n "${MEM[$n,full]:-}" ]; then
        # shellcheck disable=SC2086  # the runs, one word each
        mem=$(printf '%s\n' ${MEM[$n,full]} | sort -n | tail -n 1)
        mem=$((mem * 1024))
      fi
      case $what in
      input)   cells+=("$(fmib "${V[$n,input]:-}")") ;;
      floor)   cells+=("$(fs "$floor")") ;;
      full)    cells+=("$(fs "$full")") ;;
      f_ratio) r=$(ratio "$full" "$floor"); cells+=("$(fx "$r")$(meets "$r" '<=' 3)") ;;
      hugo)    cells+=("$(fs "$hugo")") ;;
      h_ratio) r=$(ratio "$hugo" "$full"); cells+=("$(fx "$r")$(meets "$r" '>=' 2.5)") ;;
      pandoc)  cells+=("$(fs "$pandoc")") ;;
      p_ratio) cells+=("$(fx "$(ratio "$pandoc" "$full")")") ;;
      noop)    cells+=("$(fs "$noop")") ;;
      touched) if [ -n "${V[$n,touched]:-}" ]; then
                 cells+=("${V[$n,touched]} of ${V[$n,files]}$(meets "${V[$n,touched]}" '==' 0)")
               else cells+=("–"); fi ;;
      one)     cells+=("$(fs "$one")") ;;
      o_ratio) r=$(ratio "$one" "$floor"); cells+=("$(fx "$r")$(meets "$r" '<=' 1)") ;;
      mem)     cells+=("$(fmib "$mem")") ;;
      m_ratio) r=$(ratio "$mem" "${V[$n,input]:-}"); cells+=("$(fx "$r")$(meets "$r" '<=' 10)") ;;
      same)    cells+=("${V[$n,same]:-$(result "$n,onecore")}") ;;
      esac
    done
    case $what in
    input)   row "input (annalist folder)" "" "${cells[@]}" ;;
    floor)   row "floor: cmark, one process" "" "${cells[@]}" ;;
    full)    row "annalist, full build" "" "${cells[@]}" ;;
    f_ratio) row "annalist / floor" "≤ 3x" "${cells[@]}" ;;
    hugo)    row "hugo, the same pages" "" "${cells[@]}" ;;
    h_ratio) row "hugo / annalist" "≥ 2.5x" "${cells[@]}" ;;
    pandoc)  row "pandoc, one process per source" "" "${cells[@]}" ;;
    p_ratio) row "pandoc / annalist" "" "${cells[@]}" ;;
    noop)    row "rebuild, nothing changed" "" "${cells[@]}" ;;
    touched) row "files it touched" "none" "${cells[@]}" ;;
    one)     row "rebuild, one source changed" "" "${cells[@]}" ;;
    o_ratio) row "one-changed rebuild / floor" "≤ 1x" "${cells[@]}" ;;
    mem)     row "annalist peak memory" "" "${cells[@]}" ;;
    m_ratio) row "peak memory / input" "≤ 10x" "${cells[@]}" ;;
    same)    row "one core against all" "identical" "${cells[@]}" ;;
    esac
  done
  # the layout is measured once, not per N: its value in the first column
  r=$(result layout)
  cells=("$(fs "$r")$(meets "$r" '<' 1)")
  # shellcheck disable=SC2086  # the sizes, one word each
  set -- $NS
  while [ "${#cells[@]}" -lt $# ]; do cells+=(""); done
  row "overview layout, 1,000 actors" "< 1 s" "${cells[@]}"
}

machine() {
  local cpu ram
  cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
  ram=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
  echo
  echo "Machine: $NPROC cores (nproc), ${cpu:-CPU unknown}, $ram RAM, $(uname -sr)," \
    "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end."
  printf 'Versions: %s; cmark %s; hugo %s; pandoc %s.\n' \
    "$("$BIN" --version 2>/dev/null | head -n 1)" \
    "$(has cmark && cmark --version | sed -n '1s/^cmark \([^ ]*\).*/\1/p' || echo skipped)" \
    "$(has hugo && hugo version | sed -n '1s/^hugo v\{0,1\}\([^ ]*\).*/\1/p' || echo skipped)" \
    "$(has pandoc && pandoc --version | sed -n '1s/^pandoc \([^ ]*\).*/\1/p' || echo skipped)"
  echo "Peers: cmark \`cmark *.md\` (bodies only, to /dev/null); hugo \`--quiet\`" \
    "(minimal layouts, the source pages only, every core); pandoc" \
    "\`-f commonmark+yaml_metadata_block -t html -s\` on annalist's own sources," \
    "$NPROC at once (N ≤ $PANDOC_MAX)."
}

echo "# annalist benchmark: N = $NS, $RUNS run(s) each, timeout $LIMIT s, in ${DIR#"$ROOT"/}"
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
[ -x "$BIN" ] || { echo "bench: no $BIN (make annalist)" >&2; exit 2; }
has python3 || { echo "bench: python3 is needed for bench/corpus.py" >&2; exit 2; }
[ -n "$GNUTIME" ] || echo "no /usr/bin/time (apt-get install time): peak memory skipped"
for p in cmark hugo pandoc taskset; do
  has "$p" || echo "$p is not installed (make setup-bench): its measurements are skipped"
done
for n in $NS; do bench_n "$n"; done
bench_layout
table
machine
exit "$FAIL"
