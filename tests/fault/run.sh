#!/usr/bin/env bash
# tests/fault/run.sh - the whole fault-injection sweep (make fault):
# every N for I/O failures and for allocation failures (tests/lib/fault.sh).
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
PASS=0 FAIL=0 SKIP=0
TMP=$(mktemp -d "${TMPDIR:-/tmp}/annalist-fault.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
ok()   { PASS=$((PASS + 1)); printf 'ok   %s\n' "$*"; }
fail() { FAIL=$((FAIL + 1)); printf 'FAIL %s\n' "$*"; }
skip() { SKIP=$((SKIP + 1)); printf 'skip %s\n' "$*"; }
. tests/lib/fault.sh
fault_tests "${1:-all}"
echo "$PASS passed, $FAIL failed, $SKIP skipped"
[ "$FAIL" -eq 0 ]
