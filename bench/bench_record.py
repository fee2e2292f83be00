#!/usr/bin/env python3
"""Recording and replay: cost of recording, replay speed, log size.

  python3 bench/bench_record.py [--build build] [--events 100000] [--rounds 5]

Run from the repository root after building (cmake --build build). Builds
bench/bench_record.c against BUILD/libshapeenv.a with the system C compiler
and runs it twice: on the simple workload (3 shape checks: T <= 1024, B != 1,
T != 1) and on the mixed one (8 checks, adding divisibility, products and
FloorDiv); see bench_record.c. Then times `BUILD/shapeenv replay` (default
--print guards) on the simple workload's log, ROUNDS times, median.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import time

sys.dont_write_bytecode = True
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))

from bench import static_libs  # noqa: E402


def build_bench(build):
    lib = os.path.join(build, "libshapeenv.a")
    if not os.path.exists(lib):
        sys.exit("bench_record.py: %s is missing; build first (cmake --build %s)" % (lib, build))
    exe = os.path.join(build, "bench_record")
    cc = os.environ.get("CC") or shutil.which("cc") or "gcc"
    cmd = [cc, "-std=c11", "-O2", "-I" + os.path.join(ROOT, "include"),
           os.path.join(ROOT, "bench", "bench_record.c"), lib] + static_libs(build) + ["-o", exe]
    print("$ " + " ".join(cmd))
    subprocess.run(cmd, check=True)
    return exe


def run(exe, outdir, events, rounds, checks):
    out = subprocess.run([exe, outdir, str(events), str(rounds), str(checks)], check=True,
                         capture_output=True, text=True).stdout
    return dict(re.findall(r"(\w+)=(\S+)", out))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default="build")
    ap.add_argument("--events", type=int, default=100000)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    exe = build_bench(args.build)
    outdir = os.path.join(args.build, "bench")
    os.makedirs(outdir, exist_ok=True)
    results = []
    for name, checks in (("mixed", 8), ("simple", 3)):
        r = run(exe, outdir, args.events, args.rounds, checks)
        results.append((name, r))
    log = results[-1][1]["log_path"]
    cli = os.path.join(args.build, "shapeenv")
    walls = []
    for _ in range(args.rounds):
        t = time.perf_counter()
        subprocess.run([cli, "replay", log], check=True, stdout=subprocess.DEVNULL)
        walls.append(time.perf_counter() - t)
    walls.sort()
    wall = walls[len(walls) // 2]

    print()
    print("%d evaluate_expr events per workload, median of %d rounds" % (args.events, args.rounds))
    print("%-8s %9s %9s %7s %12s %12s %10s %10s %12s" % (
        "workload", "off us/ev", "on us/ev", "ratio", "mem ev/s", "file ev/s",
        "B/ev on", "B/ev off", "log B/ev"))
    for name, r in results:
        n = int(r["events"])
        off, on = float(r["record_off_s"]), float(r["record_on_s"])
        mem, fil = float(r["replay_mem_s"]), float(r["replay_file_s"])
        print("%-8s %9.2f %9.2f %6.2fx %12.0f %12.0f %10.0f %10.1f %12.0f" % (
            name, 1e6 * off / n, 1e6 * on / n, on / off, n / mem, n / fil,
            int(r["bytes_on"]) / n, int(r["bytes_off"]) / n, int(r["log_bytes"]) / n))
    n = int(results[-1][1]["events"])
    print()
    print("shapeenv replay %s (%d events, %d bytes): %.3f s wall, %.0f events/s" % (
        log, n, int(results[-1][1]["log_bytes"]), wall, n / wall))


if __name__ == "__main__":
    main()
