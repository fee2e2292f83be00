#!/usr/bin/env python3
"""PyTorch's replay + produce_guards against `shapeenv replay`, on real logs.

  python3 bench/bench_torch.py [--build build] [--rounds 5] [PROGRAM ...]

Run from the repository root after building (cmake --build build). For each
program of the conformance corpus (tests/torch/programs/*.py; all of them
unless named), runs its main() under shapeenv.torch.capture, then, for every
captured environment whose log replays:

  torch:    replay_shape_env_events(env.events) followed by produce_guards
            over the tracked inputs, in this process (PyTorch already
            imported, as a PyTorch user would run it);
  shapeenv: the whole `BUILD/shapeenv replay LOG` process (read, replay,
            produce_guards, print).

Each side is timed ROUNDS times, median, side by side in the same run; the
ratio torch/shapeenv is printed per log and overall (geometric mean and the
minimum). Timings are figures, never pass/fail.
"""

import argparse
import glob
import importlib.util
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "python"))
PROGRAMS = os.path.join(ROOT, "tests", "torch", "programs")
sys.path.insert(0, PROGRAMS)


def load(path):
    name = os.path.splitext(os.path.basename(path))[0]
    spec = importlib.util.spec_from_file_location("bench_" + name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return name, mod


def torch_side(env):
    from torch.fx.experimental.recording import FakeTensorMeta, replay_shape_env_events

    new = replay_shape_env_events(env.events)
    tracked = env.tracked_fakes or []
    fakes = [t.fake if not hasattr(t.fake, "stride") else FakeTensorMeta.from_fake(t.fake)
             for t in tracked]
    return new.produce_guards(fakes, [t.source for t in tracked])


def timed(fn, rounds):
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default="build")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("programs", nargs="*")
    args = ap.parse_args()
    exe = os.path.join(args.build, "shapeenv")
    if not os.path.exists(exe):
        sys.exit("bench_torch.py: %s is missing; build first" % exe)
    import torch  # noqa: F401
    import shapeenv.torch as st

    paths = sorted(glob.glob(os.path.join(PROGRAMS, "*.py")))
    paths = [p for p in paths if not os.path.basename(p).startswith("_")]
    if args.programs:
        paths = [p for p in paths if os.path.splitext(os.path.basename(p))[0] in args.programs]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for path in paths:
            name, mod = load(path)
            out = os.path.join(tmp, name)
            try:
                with st.capture(out) as cap:
                    mod.main()
            except Exception as e:  # a program that fails is reported, not timed
                print("%-36s program failed: %s" % (name, e))
                continue
            for entry in cap.entries:
                label = "%s/%s" % (name, entry.get("file", entry["frame"]))
                if "error" in entry:
                    print("%-36s not exported: %s" % (label, entry["error"]))
                    continue
                log = os.path.join(out, entry["file"])
                r = subprocess.run([exe, "replay", log], capture_output=True, text=True)
                if r.returncode != 0:
                    print("%-36s shapeenv replay fails: %s" % (label, r.stderr.strip()))
                    continue
                env = entry["env"]
                try:
                    torch_side(env)
                except Exception as e:
                    print("%-36s torch replay fails: %s" % (label, e))
                    continue
                t_torch = timed(lambda: torch_side(env), args.rounds)
                t_se = timed(lambda: subprocess.run([exe, "replay", log], check=True,
                                                    capture_output=True), args.rounds)
                rows.append((label, entry["events"], t_torch, t_se))
    if not rows:
        sys.exit("bench_torch.py: no log could be timed")
    print("%-44s %7s %11s %11s %8s" % ("log", "events", "torch ms", "shapeenv ms", "ratio"))
    for label, n, a, b in rows:
        print("%-44s %7d %11.2f %11.2f %7.1fx" % (label, n, a * 1e3, b * 1e3, a / b))
    ratios = [a / b for _, _, a, b in rows]
    gm = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
    print("overall: %d logs, geometric mean %.1fx, minimum %.1fx (%s)" % (
        len(rows), gm, min(ratios), rows[ratios.index(min(ratios))][0]))


if __name__ == "__main__":
    main()
