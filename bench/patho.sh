#!/usr/bin/env bash
# bench/patho.sh - pathological inputs stay linear (make bench-patho).
#
# Not a test: for each case it builds an input folder at size n and at
# 10n, times `annalist check` (and `annalist build` where the case reaches
# the pages) and reads its peak memory, and prints the ratios.  10x the
# input may cost at most 15x the time and the memory; a larger ratio is
# flagged "OVER".  Inputs above a documented limit must be refused
# quickly with a clear diagnostic (docs/diagnostics.md), never hang.
#
#   bash bench/patho.sh [BIN]        (default ./annalist)
#   PATHO_SCALE=2 bash bench/patho.sh    doubles every n
#   PATHO_CASES="large:build actions" bash bench/patho.sh
#                                    only these rows: CASE (check and build)
#                                    or CASE:CMD; 100MB for the limit check
#
# The "large" build is the case of many events in one month (one source,
# n bytes of paragraphs all dated "on Friday": 7,500 events at n, 75,000
# at 10n), whose timeline page was quadratic (issue #6).
set -u
cd "$(dirname "$0")/.."
ROOT=$PWD
BIN=${1:-$ROOT/annalist}
SCALE=${PATHO_SCALE:-1}
W=$(mktemp -d "${TMPDIR:-/tmp}/annalist-patho.XXXXXX")
trap 'rm -rf "$W"' EXIT
export ANNALIST_TEMPLATES=${ANNALIST_TEMPLATES:-$ROOT/templates}
LIMIT=${PATHO_TIMEOUT:-300}
CASES=${PATHO_CASES:-}

# want CASE CMD: the row is asked for (every row when PATHO_CASES is empty)
want() {
  [ -z "$CASES" ] && return 0
  local w
  for w in ${CASES//,/ }; do
    [ "$w" = "$1" ] || [ "$w" = "$1:$2" ] && return 0
  done
  return 1
}

# mkbase DIR: briefing and two actors
mkbase() {
  mkdir -p "$1/sources" "$1/actors"
  printf -- '---\ntitle: Bench\ndate: 2023-12-29\n---\n\nSummary.\n' >"$1/briefing.md"
  printf -- '---\nname: Japan\nkind: state\n---\n' >"$1/actors/japan.md"
  printf -- '---\nname: Russia\nkind: state\n---\n' >"$1/actors/russia.md"
}
HEAD='---\ntitle: Bench source\npublished: 2023-12-28\n---\n\n'

# gen CASE N DIR: the input of CASE at size N
gen() {
  local c=$1 n=$2 d=$3
  mkbase "$d"
  case $c in
  brackets)   # n nested brackets, then n nested emphasis
    { printf -- "$HEAD"; python3 -c "import sys; n=$n; sys.stdout.write('['*n + 'a' + ']'*n + '\n\n' + '*a '*n + 'b' + ' a*'*n + '\n')"; } >"$d/sources/s.md" ;;
  annotations) # one paragraph with n annotations
    { printf -- "$HEAD"; python3 -c "import sys; n=$n; sys.stdout.write('[Japan](@japan) [met](!consult) [Russia](@russia) [on Friday](^) '*(n//4) + '\n')"; } >"$d/sources/s.md" ;;
  longline)   # one line of n bytes of prose
    { printf -- "$HEAD"; python3 -c "import sys; n=$n; w='word Japan said '; sys.stdout.write((w*(n//len(w)+1))[:n] + '\n')"; } >"$d/sources/s.md" ;;
  actors)     # n actor files, each mentioned once
    python3 - "$d" "$n" <<'PY'
import sys
d, n = sys.argv[1], int(sys.argv[2])
body = []
for i in range(n):
    open(f'{d}/actors/a{i}.md', 'w').write(f'---\nname: Actor {i}\nkind: person\naliases: [A{i}]\nmember-of: {"japan" if i % 2 else "russia"}\n---\n')
    body.append(f'[A{i}](@a{i}) [met](!consult) [Japan](@japan) [on Friday](^).\n')
open(f'{d}/sources/s.md', 'w').write('---\ntitle: Bench source\npublished: 2023-12-28\n---\n\n' + '\n'.join(body))
PY
    ;;
  actions)    # n actions between the same two actors, one event each
    { printf -- "$HEAD"; python3 -c "import sys; n=$n; sys.stdout.write('[Russia](@russia) [warned](!threaten) [Japan](@japan) [on Friday](^).\n\n'*n)"; } >"$d/sources/s.md" ;;
  nesting)    # a list nested n deep (and a quote n deep)
    { printf -- "$HEAD"; python3 -c "import sys; n=$n; sys.stdout.write('- '*n + 'x\n\n' + '> '*n + 'y\n')"; } >"$d/sources/s.md" ;;
  yaml)       # a YAML alias bomb in front matter, n lines long
    { printf -- '---\ntitle: T\npublished: 2023-12-28\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n'
      for i in $(seq 1 "$n"); do printf 'a%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]\n' $i $i $((i-1)) $((i-1)) $((i-1)) $((i-1)) $((i-1)) $((i-1)) $((i-1)) $((i-1)) $((i-1)) $((i-1)); done
      printf -- '---\n\nText.\n'; } >"$d/sources/s.md" ;;
  large)      # a large ordinary source: n bytes of annotated paragraphs
    { printf -- "$HEAD"; python3 -c "import sys; n=$n; p='[Moscow](@russia) [warned](!threaten) [Tokyo](@japan) it faces \"grave consequences\" [on Friday](^), the *ministry* said in a statement.\n\n'; sys.stdout.write(p*(n//len(p)+1))"; } >"$d/sources/s.md" ;;
  imagelinks) # the cmark 0.30.2 trap: n times "![[]()" (refused above a limit)
    { printf -- "$HEAD"; python3 -c "import sys; n=$n; sys.stdout.write('![[]()'*n + '\n')"; } >"$d/sources/s.md" ;;
  comments)   # the cmark 0.30.2 trap: n times "<!--" (refused above a limit)
    { printf -- "$HEAD"; python3 -c "import sys; n=$n; sys.stdout.write('a <!-- '*n + '\n')"; } >"$d/sources/s.md" ;;
  esac
}

# measure CMD...: prints "SECONDS KB RC"
measure() {
  local o=$W/time.out
  timeout "$LIMIT" /usr/bin/time -f '%e %M' -o "$o" "$@" >/dev/null 2>"$W/stderr"
  local rc=$?
  [ $rc -eq 124 ] && { echo "$LIMIT 0 124"; return; }
  echo "$(tail -n 1 "$o") $rc"
}

printf '%-12s %-6s %9s %9s %8s %8s %7s %7s  %s\n' case cmd n 10n "t(n)" "t(10n)" t-ratio m-ratio "exit n/10n, note"
over=0
row() {
  local c=$1 n=$2 cmd=$3
  want "$c" "$cmd" || return 0
  local n10=$((n * 10))
  rm -rf "$W/a" "$W/b"
  gen "$c" "$n" "$W/a"; gen "$c" "$n10" "$W/b"
  local args=(check)
  [ "$cmd" = build ] && args=(build -o "$W/out")
  local r1 r2
  r1=$(measure "$BIN" "${args[@]}" "$W/a"); local note1; note1=$(grep -m1 -E 'error' "$W/stderr" | sed 's/.*error: //' | cut -c1-60)
  rm -rf "$W/out"
  r2=$(measure "$BIN" "${args[@]}" "$W/b"); local note2; note2=$(grep -m1 -E 'error' "$W/stderr" | sed 's/.*error: //' | cut -c1-60)
  rm -rf "$W/out"
  set -- $r1; local t1=$1 m1=$2 rc1=$3
  set -- $r2; local t2=$1 m2=$2 rc2=$3
  local tr mr flag=
  # times under 0.05 s are noise: compare against 0.05 s
  tr=$(awk -v a="$t1" -v b="$t2" 'BEGIN { if (a < 0.05) a = 0.05; if (b < 0.05) b = 0.05; printf "%.1f", b / a }')
  mr=$(awk -v a="$m1" -v b="$m2" 'BEGIN { if (a < 1) a = 1; printf "%.1f", b / a }')
  if [ "$rc2" = 124 ]; then flag="TIMEOUT (over ${LIMIT} s) "; over=$((over + 1))
  elif awk -v t="$tr" -v m="$mr" 'BEGIN { exit !(t > 15 || m > 15) }'; then flag="OVER "; over=$((over + 1)); fi
  printf '%-12s %-6s %9s %9s %7ss %7ss %6sx %6sx  %s/%s %s%s\n' "$c" "$cmd" "$n" "$n10" "$t1" "$t2" "$tr" "$mr" "$rc1" "$rc2" "$flag" "${note2:-$note1}"
}

s() { echo $(($1 * SCALE)); }
row brackets    "$(s 10000)"   check
row brackets    "$(s 10000)"   build
row annotations "$(s 20000)"   check
row longline    "$(s 500000)"  check
row actors      "$(s 1000)"    check
row actors      "$(s 1000)"    build
row actions     "$(s 1000)"    check
row actions     "$(s 1000)"    build
row nesting     "$(s 1000)"    check
row yaml        "$(s 200)"     check
row large       "$(s 800000)"  check
row large       "$(s 800000)"  build
row imagelinks  "$(s 1000)"    check
row comments    "$(s 1000)"    check
# above the limits: refused at once
if want 100MB check; then
  rm -rf "$W/c"; mkbase "$W/c"; head -c $((100 * 1024 * 1024)) /dev/zero | tr '\0' 'a' >"$W/c/sources/s.md"
  set -- $(measure "$BIN" check "$W/c")
  printf '%-12s %-6s %9s %9s %8s %7ss %7s %7s  %s\n' "100MB" check - 104857600 - "$1" - - "exit $3: $(grep -m1 error "$W/stderr" | sed 's/.*error: //' | cut -c1-60)"
fi
echo "$over case(s) over 15x"
