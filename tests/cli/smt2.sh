#!/bin/sh
# The SMT-LIB2 file `shapeenv validate --smt2` writes for an unsound log is a
# script z3 replays on its own, with the same verdict (sat: unsound).
#
#   smt2.sh SHAPEENV LOG
#
# Needs the z3 command (Debian package z3); without it the test is skipped
# (exit 77, which CTest reports as skipped).
exe=$1
log=$2
command -v z3 >/dev/null 2>&1 || { echo "z3 not installed: skipped"; exit 77; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
SHAPEENV_INJECT_FLIP_EQUALITY_TESTING_ONLY=1 "$exe" validate --smt2 "$tmp/q.smt2" "$log" \
  > "$tmp/report" 2> "$tmp/err"
status=$?
if [ "$status" != 1 ]; then
  echo "validate exited $status, expected 1 (unsound):"
  cat "$tmp/err"
  exit 1
fi
verdict=$(z3 "$tmp/q.smt2" 2>&1 | head -n 1)
if [ "$verdict" != sat ]; then
  echo "z3 on the written query said '$verdict', expected 'sat':"
  z3 "$tmp/q.smt2" 2>&1 | head -n 5
  exit 1
fi
echo "z3 replays the query: sat"
