#!/bin/sh
# Golden-file test of the shapeenv command line.
#
#   run.sh SHAPEENV CASE_DIR
#
# CASE_DIR holds `args` (one command-line argument per line), optionally
# `stdin` and `env` (VAR=VALUE lines set for the command), and the expected
# `stdout`, `stderr` and `status` (exit code).
# The command runs in the repository root, so `args` name files relative
# to it (examples/transformer.jsonl, tests/cli/logs/bad_json.jsonl).
# Prints every difference; exits 1 when there is one.
exe=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
case=$(cd "$2" && pwd)
cd "$(dirname "$0")/../.." || exit 1
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
set --
while IFS= read -r a || [ -n "$a" ]; do
  set -- "$@" "$a"
done < "$case/args"
input=/dev/null
[ -f "$case/stdin" ] && input="$case/stdin"
if [ -f "$case/env" ]; then
  while IFS= read -r kv || [ -n "$kv" ]; do
    [ -n "$kv" ] && export "${kv?}"
  done < "$case/env"
fi
"$exe" "$@" < "$input" > "$tmp/stdout" 2> "$tmp/stderr"
echo $? > "$tmp/status"
ok=0
for f in stdout stderr status; do
  want="$case/$f"
  [ -f "$want" ] || want=/dev/null
  if ! diff -u "$want" "$tmp/$f" > "$tmp/diff"; then
    echo "$f differs:"
    cat "$tmp/diff"
    ok=1
  fi
done
exit $ok
