#!/usr/bin/env bash
# tests/diff/run.sh - the differential test of the phrase reader against
# real peers, on the classes where they are reliable:
#
#   gnu     GNU `date -d`, with the reference date set as "now" by faketime
#           (day arithmetic, last/this/next weekday, explicit dates);
#   chrono  chrono-node 2.x (tests/diff/node_modules, `npm ci --prefix
#           tests/diff`): explicit dates, last/this/next weekday, offsets.
#
# usage: bash tests/diff/run.sh [ANNALIST]   (default: ./annalist)
#
# Every expression of cases.tsv is read by annalist (`annalist date`) and
# by each peer named on its line, against every reference date in REFS.
# A comparison passes when the peer gives the same day as a day result of
# ours, or a day inside a coarser result of ours ("last week" -> the peer's
# day 7 days back must lie in our ISO week), or the same two ends for a
# range.  A disagreement passes only when the case names a convention of
# ours for that peer, documented in docs/times.md ("Where other readers
# differ"); any other disagreement fails, and so does a documented
# convention that no reference date needs.  One line per disagreement, then
# exactly one line "N passed, M failed (K documented conventions)".
# A missing peer prints a `skip` line and is not counted.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
ANN=${1:-$ROOT/annalist}
CASES=$HERE/cases.tsv
DOCS=$ROOT/docs/times.md
# Thu (the example article), Sun + year end, Thu + leap day, Sun + month end
# after a leap February, Mon in ISO week 1 of the next year, Tue + year end,
# Wed + new year.  ANNALIST_DIFF_REFS="..." reads against other dates.
REFS=${ANNALIST_DIFF_REFS:-"2023-12-28 2023-12-31 2024-02-29 2024-03-31 2024-12-30 2024-12-31 2025-01-01"}
export TZ=UTC LC_ALL=C

TMP=$(mktemp -d "${TMPDIR:-/tmp}/annalist-diff.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

if [ ! -x "$ANN" ]; then
  echo "FAIL annalist not found at $ANN (make annalist)"
  echo "0 passed, 1 failed (0 documented conventions)"
  exit 1
fi

# The table: EXPRESSION <TAB> PEERS <TAB> REASONS (comments and blanks skipped).
grep -v -e '^#' -e '^[[:space:]]*$' "$CASES" >"$TMP/cases"
cut -f1 "$TMP/cases" | awk '!seen[$0]++' >"$TMP/exprs"
awk -F'\t' '$2 ~ /(^|,)gnu(,|$)/ {print $1}' "$TMP/cases" | awk '!seen[$0]++' >"$TMP/gnu.exprs"
awk -F'\t' '$2 ~ /(^|,)chrono(,|$)/ {print $1}' "$TMP/cases" | awk '!seen[$0]++' >"$TMP/chrono.exprs"
# Convention keys documented in docs/times.md: the rows "| `key` | ..." of
# the section "Where other readers differ".
awk '/^### / {on = ($0 ~ /Where other readers differ/)} on && /^\| `[a-z0-9-]+` \|/ {
       s = $0; sub(/^\| `/, "", s); sub(/`.*/, "", s); print s }' "$DOCS" >"$TMP/keys"

mapfile -t EXPRS <"$TMP/exprs"

# annalist: one run per reference date with every expression; should one be
# refused, the lines no longer align, so that date is read one at a time.
: >"$TMP/ann"
for ref in $REFS; do
  if "$ANN" date --ref "$ref" "${EXPRS[@]}" >"$TMP/a.out" 2>"$TMP/a.err" &&
     [ "$(wc -l <"$TMP/a.out")" -eq "${#EXPRS[@]}" ]; then
    paste "$TMP/exprs" "$TMP/a.out" | sed "s/^/$ref	/" >>"$TMP/ann"
  else
    for e in "${EXPRS[@]}"; do
      if line=$("$ANN" date --ref "$ref" "$e" 2>"$TMP/a.err"); then
        printf '%s\t%s\t%s\n' "$ref" "$e" "$line" >>"$TMP/ann"
      else
        printf '%s\t%s\terror\t%s\n' "$ref" "$e" "$(head -n 1 "$TMP/a.err")" >>"$TMP/ann"
      fi
    done
  fi
done

# peers: PEER <TAB> REF <TAB> EXPRESSION <TAB> RESULT
: >"$TMP/peers"
PEERS=""
if ! command -v faketime >/dev/null 2>&1; then
  echo "skip gnu date: faketime is not installed (apt-get install faketime)"
elif ! date --version 2>/dev/null | grep -q GNU; then
  echo "skip gnu date: date is not GNU coreutils"
elif [ "$(faketime '2023-12-28 12:00:00' date +%F 2>/dev/null)" != 2023-12-28 ]; then
  echo "skip gnu date: faketime does not set the clock here"
else
  PEERS="$PEERS gnu"
  mapfile -t GEXPRS <"$TMP/gnu.exprs"
  for ref in $REFS; do
    # one date process per reference date (date -f reads one per line)
    if faketime "$ref 12:00:00" date -f "$TMP/gnu.exprs" +%F >"$TMP/g.out" 2>/dev/null &&
       [ "$(wc -l <"$TMP/g.out")" -eq "${#GEXPRS[@]}" ]; then
      paste "$TMP/gnu.exprs" "$TMP/g.out" | sed "s/^/gnu	$ref	/" >>"$TMP/peers"
    else
      for e in "${GEXPRS[@]}"; do
        r=$(faketime "$ref 12:00:00" date -d "$e" +%F 2>/dev/null) || r="unread: invalid date"
        printf 'gnu\t%s\t%s\t%s\n' "$ref" "$e" "$r" >>"$TMP/peers"
      done
    fi
  done
fi
if ! command -v node >/dev/null 2>&1; then
  echo "skip chrono-node: node is not installed"
elif [ ! -d "$HERE/node_modules/chrono-node" ]; then
  echo "skip chrono-node: not installed (npm ci --prefix tests/diff)"
else
  for ref in $REFS; do sed "s/^/$ref	/" "$TMP/chrono.exprs"; done >"$TMP/c.in"
  if (cd "$HERE" && node chrono.mjs) <"$TMP/c.in" >"$TMP/c.out" 2>"$TMP/c.err"; then
    PEERS="$PEERS chrono"
    sed 's/^/chrono	/' "$TMP/c.out" >>"$TMP/peers"
  else
    echo "FAIL chrono-node did not run: $(head -n 3 "$TMP/c.err" | tr '\n' ' ')"
    echo "chrono-broken" >>"$TMP/broken"
  fi
fi

awk -F'\t' -v peers="$PEERS" -v refs="$REFS" -v broken="$([ -f "$TMP/broken" ] && echo 1 || echo 0)" '
# days from 1970-01-01 (proleptic Gregorian), years 1..9999
function dfc(y, m, d,   era, yoe, doy, doe, mp) {
  y -= (m <= 2); era = int(y / 400); yoe = y - era * 400; mp = (m + 9) % 12
  doy = int((153 * mp + 2) / 5) + d - 1
  doe = yoe * 365 + int(yoe / 4) - int(yoe / 100) + doy
  return era * 146097 + doe - 719468
}
function dim(y, m) {
  if (m == 2) return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28
  return (m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31
}
# the civil date of a day number: sets Y, M, D
function ymd(z,   era, doe, yoe, doy, mp) {
  z += 719468; era = int(z / 146097); doe = z - era * 146097
  yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365)
  doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100)); mp = int((5 * doy + 2) / 153)
  D = doy - int((153 * mp + 2) / 5) + 1; M = mp < 10 ? mp + 3 : mp - 9; Y = yoe + era * 400 + (M <= 2)
}
# Does the documented convention `key` explain this difference?  Each one
# explains one exact shape of difference, never a blanket pass.
#   ours: days of, ol (a day: of == ol); theirs: the peer day t
function explains(key, of, ol, t,   m1, d1) {
  if (key == "clamp-month-end") {       # ours ends at a month end, they spill over
    ymd(ol + 1); return D == 1 && t - ol >= 1 && t - ol <= 3
  }
  if (key == "weekday-looks-back") return of == ol && t - of == 7
  if (key == "next-weekday-week") return of == ol && of - t == 7
  if (key == "week-starts-monday") return t == of - 1 && ol - of == 6
  if (key == "year-less-nearest") {
    if (of != ol) return 0
    ymd(of); m1 = M; d1 = D; ymd(t)
    return M == m1 && D == d1 && (t - of == 365 || t - of == 366 || of - t == 365 || of - t == 366)
  }
  return 0
}
function isday(s) { return s ~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]$/ }
function day(s) { return dfc(substr(s, 1, 4) + 0, substr(s, 6, 2) + 0, substr(s, 9, 2) + 0) }
# the days one EDTF value (not an interval) covers: sets F and L
function unit(s,   y, c, j4, wd, m0, m1) {
  gsub(/[?~%]/, "", s)
  if (s ~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]/) { F = L = day(substr(s, 1, 10)); return 1 }
  if (s ~ /^[0-9][0-9][0-9]X$/) { y = substr(s, 1, 3) * 10; F = dfc(y, 1, 1); L = dfc(y + 9, 12, 31); return 1 }
  if (s ~ /^[0-9][0-9]XX$/) { y = substr(s, 1, 2) * 100; F = dfc(y, 1, 1); L = dfc(y + 99, 12, 31); return 1 }
  y = substr(s, 1, 4) + 0
  if (s ~ /^[0-9][0-9][0-9][0-9]$/) { F = dfc(y, 1, 1); L = dfc(y, 12, 31); return 1 }
  if (s ~ /^[0-9][0-9][0-9][0-9]-W[0-9][0-9]$/) {
    j4 = dfc(y, 1, 4); wd = ((j4 + 3) % 7 + 7) % 7 + 1
    F = j4 - (wd - 1) + 7 * (substr(s, 7, 2) - 1); L = F + 6; return 1
  }
  if (s !~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]$/) return 0
  c = substr(s, 6, 2) + 0
  if (c >= 1 && c <= 12) { m0 = m1 = c }
  else if (c >= 21 && c <= 24) { m0 = 3 * (c - 20); m1 = m0 + 2 }
  else if (c >= 33 && c <= 36) { m0 = 3 * (c - 33) + 1; m1 = m0 + 2 }
  else if (c == 40 || c == 41) { m0 = 6 * (c - 40) + 1; m1 = m0 + 5 }
  else return 0
  F = dfc(y, m0, 1)
  if (m1 > 12) { y++; m1 -= 12 }
  L = dfc(y, m1, dim(y, m1))
  return 1
}
function range(s,   n, p, f) {
  n = split(s, p, "/")
  if (n == 1) return unit(s)
  if (p[1] == "" || p[1] == "..") f = -1e9
  else { if (!unit(p[1])) return 0; f = F }
  if (p[2] == "" || p[2] == "..") L = 1e9
  else if (!unit(p[2])) return 0
  F = f
  return 1
}
function show(peer, ref, e, ours, theirs, what) {
  return sprintf("%s %s %s \x27%s\x27: annalist %s, %s %s%s", what, peer, ref, e, ours, peer, theirs,
                 what == "conv" ? "  [convention " conv[e, peer] "]" : "")
}
FILENAME == ARGV[1] { documented[$1] = 1; next }
FILENAME == ARGV[2] {
  order[++ncase] = $1; want[$1] = $2
  n = split($3, rs, /; */)
  for (i = 1; i <= n; i++) {
    if (rs[i] !~ /^[a-z]+: convention [a-z0-9-]+/) continue
    split(rs[i], w, /[: ]+/)
    conv[$1, w[1]] = w[3]
  }
  next
}
FILENAME == ARGV[3] { aval[$1, $2] = $3; aprec[$1, $2] = $4; next }
{ pval[$1, $2, $3] = $4 }
END {
  np = split(peers, plist, " "); nr = split(refs, rlist, " ")
  pass = fail = nconv = 0
  fail += broken
  for (i = 1; i <= ncase; i++) {
    e = order[i]
    for (j = 1; j <= np; j++) {
      p = plist[j]
      if (want[e] !~ ("(^|,)" p "(,|$)")) continue
      if ((e, p) in conv && !(conv[e, p] in documented)) {
        print "FAIL " p " \x27" e "\x27: convention " conv[e, p] " is not documented in docs/times.md"
        fail++; continue
      }
      needed = 0
      for (k = 1; k <= nr; k++) {
        ref = rlist[k]; ours = aval[ref, e]; theirs = pval[p, ref, e]
        if (ours == "error") { print "FAIL " p " " ref " \x27" e "\x27: annalist cannot read it: " aprec[ref, e]; fail++; continue }
        if (theirs == "" || theirs ~ /^unread/) {
          print "FAIL " p " " ref " \x27" e "\x27: " p " does not read it (" theirs "); drop the peer from cases.tsv"
          fail++; continue
        }
        if (!range(ours)) { print "FAIL " p " " ref " \x27" e "\x27: cannot compare annalist value " ours; fail++; continue }
        of = F; ol = L
        n2 = split(theirs, tp, "/")
        if (n2 == 2 && isday(tp[1]) && isday(tp[2])) same = (of == day(tp[1]) && ol == day(tp[2]))
        else if (isday(theirs)) same = (of <= day(theirs) && day(theirs) <= ol)
        else same = 0
        shown = ours " (" aprec[ref, e] ")"
        if (same) { pass++; continue }
        if ((e, p) in conv && n2 == 1 && explains(conv[e, p], of, ol, day(theirs))) {
          print show(p, ref, e, shown, theirs, "conv"); pass++; nconv++; needed = 1; continue
        }
        print show(p, ref, e, shown, theirs, "FAIL") ((e, p) in conv ? "  (not the shape the convention " conv[e, p] " explains)" : ""); fail++
      }
      if ((e, p) in conv && !needed) {
        print "FAIL " p " \x27" e "\x27: the convention " conv[e, p] " is never needed: drop it from cases.tsv"
        fail++
      }
    }
  }
  printf "%d passed, %d failed (%d documented conventions)\n", pass, fail, nconv
  exit fail > 0
}' "$TMP/keys" "$TMP/cases" "$TMP/ann" "$TMP/peers"
