#!/bin/sh
# Installs a build tree into a scratch prefix, then builds and runs a consumer
# against it twice: with find_package(shapeenv) and with pkg-config.
#   run.sh BUILD_DIR WORK_DIR C_COMPILER SANITIZE(ON/OFF)
set -eu
build=$1 work=$2 cc=$3 sanitize=$4
here=$(cd "$(dirname "$0")" && pwd)
prefix=$work/prefix
status=0

# A sanitized library needs the sanitizer runtime in the consumer too.
flags=
case $sanitize in ON|on|1|TRUE|true|YES|yes) flags="-fsanitize=address,undefined" ;; esac

rm -rf "$work"
mkdir -p "$work"
echo "== cmake --install into $prefix"
cmake --install "$build" --prefix "$prefix" >"$work/install.log"

echo "== installed CLI"
out=$("$prefix/bin/shapeenv" expr 's0 + s0')
echo "shapeenv expr 's0 + s0' -> $out"
[ "$out" = "2*s0" ] || { echo "FAIL: expected 2*s0"; status=1; }

echo "== find_package(shapeenv)"
cmake -S "$here/consumer" -B "$work/consumer" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_C_COMPILER="$cc" -DCMAKE_C_FLAGS="$flags" >"$work/configure.log"
cmake --build "$work/consumer" >"$work/build.log"
echo "-- shapeenv::shapeenv_shared"
"$work/consumer/consumer_shared" || status=1
echo "-- shapeenv::shapeenv_static"
"$work/consumer/consumer_static" || status=1

echo "== pkg-config"
pc=$(find "$prefix" -name shapeenv.pc | head -n 1)
[ -n "$pc" ] || { echo "no shapeenv.pc under $prefix"; exit 1; }
libdir=$(dirname "$(dirname "$pc")")
PKG_CONFIG_PATH=$(dirname "$pc")
export PKG_CONFIG_PATH
# The .pc names the prefix given at configure time; --define-prefix takes it
# from where the file lies, as for any relocated install.
# shellcheck disable=SC2046 # the flags are meant to split
"$cc" $flags -o "$work/consumer_pc" "$here/consumer/main.c" \
  $(pkg-config --define-prefix --cflags --libs shapeenv)
LD_LIBRARY_PATH="$libdir" "$work/consumer_pc" || status=1
if [ "$status" -ne 0 ]; then echo "install test: FAIL"; exit 1; fi
echo "install test: PASS"
