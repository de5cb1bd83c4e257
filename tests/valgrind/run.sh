#!/usr/bin/env bash
# tests/valgrind/run.sh - Valgrind memcheck on the example and on the
# bad-input corpus (make valgrind): 0 errors and 0 bytes definitely lost,
# with the plain build (./annalist).
#
#   bash tests/valgrind/run.sh [quick]
# quick: the example and every fifth bad-input case (used by make check).
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
BIN=$ROOT/annalist
PASS=0 FAIL=0 SKIP=0
TMP=$(mktemp -d "${TMPDIR:-/tmp}/annalist-valgrind.XXXXXX")
trap 'chmod -R u+rwX "$TMP" 2>/dev/null; rm -rf "$TMP"' EXIT
ok()   { PASS=$((PASS + 1)); printf 'ok   %s\n' "$*"; }
fail() { FAIL=$((FAIL + 1)); printf 'FAIL %s\n' "$*"; }
skip() { SKIP=$((SKIP + 1)); printf 'skip %s\n' "$*"; }
. tests/lib/cli.sh   # mkinput
. tests/lib/valgrind.sh
valgrind_tests "${1:-all}"
echo "$PASS passed, $FAIL failed, $SKIP skipped"
[ "$FAIL" -eq 0 ]
