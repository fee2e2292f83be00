#!/usr/bin/env python3
"""Bisection of a long log with the fault near its end, against replaying
every probe from event 0.

  python3 bench/bench_bisect.py [--build build] [--events 100000] [--checks 24]

Run from the repository root after building. Compiles bench/bench_bisect.c
against BUILD/libshapeenv.a and runs it with the testing-only flipped-equality
fault on; prints its figures and the ratios.
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
    ap.add_argument("--events", type=int, default=100000)
    ap.add_argument("--checks", type=int, default=24)
    args = ap.parse_args()
    lib = os.path.join(args.build, "libshapeenv.a")
    if not os.path.exists(lib):
        sys.exit("bench_bisect.py: %s is missing; build first" % lib)
    exe = os.path.join(args.build, "bench_bisect")
    cc = os.environ.get("CC") or shutil.which("cc") or "gcc"
    cmd = [cc, "-std=c11", "-O2", "-I" + os.path.join(ROOT, "include"),
           os.path.join(ROOT, "bench", "bench_bisect.c"), lib] + static_libs(args.build) + ["-o", exe]
    print("$ " + " ".join(cmd))
    subprocess.run(cmd, check=True)
    env = dict(os.environ, SHAPEENV_INJECT_FLIP_EQUALITY_TESTING_ONLY="1")
    out = subprocess.run([exe, str(args.events), str(args.checks)], env=env, check=True,
                         capture_output=True, text=True).stdout
    v = dict(re.findall(r"(\w+)=(\S+)", out))
    n = int(v["events"])
    print("log: %s events, %s decisions; first unsound event %s (naive search agrees: %s)"
          % (v["events"], v["decisions"], v["located_event"],
             v["located_event"] == v["naive_event"]))
    print("%-28s %12s %8s %10s" % ("search", "replayed", "x log", "seconds"))
    print("%-28s %12s %8.2f %10s" % ("checkpoints (se_bisect_env)", v["replayed"],
                                      int(v["replayed"]) / n, v["bisect_s"]))
    print("%-28s %12s %8.2f %10s" % ("from scratch per probe", v["naive_replayed"],
                                      int(v["naive_replayed"]) / n, v["naive_s"]))
    print("wall time ratio (from scratch / checkpoints): %.2fx"
          % (float(v["naive_s"]) / max(float(v["bisect_s"]), 1e-9)))


if __name__ == "__main__":
    main()
