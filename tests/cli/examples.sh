#!/bin/sh
# The shipped example logs are what make_examples writes, byte for byte.
#
#   examples.sh MAKE_EXAMPLES EXAMPLES_DIR
#
# Runs MAKE_EXAMPLES twice into fresh directories and compares every log
# with the other run and with EXAMPLES_DIR/<name>.jsonl. To refresh the
# shipped logs after a deliberate change: MAKE_EXAMPLES examples
exe=$1
dir=$2
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/a" "$tmp/b"
"$exe" "$tmp/a" || exit 1
"$exe" "$tmp/b" || exit 1
ok=0
for name in transformer convnet nonzero; do
  if ! cmp "$tmp/a/$name.jsonl" "$tmp/b/$name.jsonl"; then
    echo "$name.jsonl: two runs differ"
    ok=1
  fi
  if ! diff -u "$dir/$name.jsonl" "$tmp/a/$name.jsonl"; then
    echo "$name.jsonl: differs from the shipped examples/$name.jsonl"
    ok=1
  fi
done
exit $ok
