#!/bin/sh
# Builds the libFuzzer targets with clang (address and undefined-behaviour
# sanitizers) and runs each on its seed corpus for a fixed short time.
#
#   fuzz/run_short.sh [SECONDS] [BUILD_DIR]
#
# SECONDS defaults to 30 per target; BUILD_DIR to build-fuzz at the top of
# the checkout. SE_FUZZ_RUNS=N with SE_FUZZ_SEED=S runs a fixed number of
# inputs from a fixed seed instead (what CI does: the same inputs on every
# run, so a new finding never turns an unrelated change red). Exits non-zero when a build fails or a target finds a crash
# (the reproducer is left in BUILD_DIR/artifacts). New inputs the fuzzer
# finds go to BUILD_DIR/corpus-*, never into the checked-in seed corpus.
set -eu

secs=${1:-30}
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
out=${2:-$top/build-fuzz}
cc=${CC_FUZZ:-clang}
jobs=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)

command -v "$cc" >/dev/null 2>&1 || { echo "run_short.sh: $cc not found" >&2; exit 2; }

mkdir -p "$out/obj" "$out/artifacts"
flags="-std=c11 -g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined"
flags="$flags -fno-sanitize-recover=undefined -I$top/include -I$top/src"
# fuzz_parse's print/read-back property stays off unless SE_FUZZ_STRICT=1:
# a few printed forms cannot read back to the same node by design (see
# fuzz/README.md: CleanDiv and SymPy's Mod print like FloorDiv and Mod, a
# Float's 15 printed digits may not pin down its double).
if [ "${SE_FUZZ_STRICT:-0}" != 1 ]; then
  flags="$flags -DSE_FUZZ_NO_ROUND_TRIP"
fi
jansson_cflags=$(pkg-config --cflags jansson 2>/dev/null || true)
jansson_libs=$(pkg-config --libs jansson 2>/dev/null || echo -ljansson)
# The translation validator (src/validate) needs Z3 when it is present.
extra_libs=
if grep -rqs '<z3.h>' "$top/src"; then
  extra_libs=$(pkg-config --libs z3 2>/dev/null || echo -lz3)
fi

# The library, compiled once (in parallel) with coverage instrumentation.
find "$top/src" -name '*.c' | sort > "$out/sources"
export cc flags jansson_cflags top out
xargs -P "$jobs" -I{} sh -c '
  src="{}"
  obj="$out/obj/$(echo "${src#$top/src/}" | tr / _ | sed "s/\.c$/.o/")"
  $cc $flags $jansson_cflags -c "$src" -o "$obj"
' < "$out/sources"

for t in log parse; do
  $cc $flags -fsanitize=fuzzer "$here/fuzz_$t.c" "$out"/obj/*.o -o "$out/fuzz_$t" \
    $jansson_libs $extra_libs -lcrypto -lm
done

status=0
for t in log parse; do
  mkdir -p "$out/corpus-$t"
  budget="-max_total_time=$secs"
  if [ -n "${SE_FUZZ_RUNS:-}" ]; then
    budget="-runs=$SE_FUZZ_RUNS -seed=${SE_FUZZ_SEED:-1} -max_total_time=600"
    echo "== fuzz_$t: $SE_FUZZ_RUNS inputs, seed ${SE_FUZZ_SEED:-1}"
  else
    echo "== fuzz_$t: ${secs}s"
  fi
  # shellcheck disable=SC2086
  if ! "$out/fuzz_$t" $budget -timeout=10 -rss_limit_mb=2048 \
       -artifact_prefix="$out/artifacts/$t-" -print_final_stats=1 \
       "$out/corpus-$t" "$here/corpus/$t"; then
    echo "fuzz_$t: failure, reproducer in $out/artifacts/" >&2
    status=1
  fi
done
exit $status
