#!/usr/bin/env python3
"""Per-call times of the shape environment: statically decided evaluate_expr,
guard-adding evaluate_expr, produce_guards over many inputs.

  python3 bench/bench_env.py [--build build] [--inputs 1000]

Run from the repository root after building. Compiles bench/bench_env.c
against BUILD/libshapeenv.a and prints its figures.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys

sys.dont_write_bytecode = True
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))

from bench import static_libs  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default="build")
    ap.add_argument("--inputs", type=int, default=1000)
    args = ap.parse_args()
    lib = os.path.join(args.build, "libshapeenv.a")
    if not os.path.exists(lib):
        sys.exit("bench_env.py: %s is missing; build first" % lib)
    exe = os.path.join(args.build, "bench_env")
    cc = os.environ.get("CC") or shutil.which("cc") or "gcc"
    cmd = [cc, "-std=c11", "-O2", "-I" + os.path.join(ROOT, "include"),
           os.path.join(ROOT, "bench", "bench_env.c"), lib] + static_libs(args.build) + ["-o", exe]
    print("$ " + " ".join(cmd))
    subprocess.run(cmd, check=True)
    out = subprocess.run([exe, str(args.inputs)], check=True, capture_output=True,
                         text=True).stdout
    v = dict(re.findall(r"(\w+)=(\S+)", out))
    print("evaluate_expr, statically decided:   %8s us per call (median batch)" % v["static_us"])
    print("evaluate_expr, adding a guard:       %8s us per call" % v["guard_us"])
    print("produce_guards, %s inputs:         %8s ms (%s lines)"
          % (v["inputs"], v["produce_guards_ms"], v["guard_lines"]))


if __name__ == "__main__":
    main()
