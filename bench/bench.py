#!/usr/bin/env python3
"""Expression engine vs SymPy, side by side in one run.

  python3 bench/bench.py [--build build] [--count 2500] [--rounds 20]

Run from the repository root after building (cmake --build build). Builds
bench/bench_expr.c against BUILD/libshapeenv.a with the system C compiler,
writes the corpus of tests/diff (seed 7) into BUILD/bench/, and times two
workloads on the same lines:

  print  parse + canonicalize + str()            SymPy: str(sympify(line))
  subs   parse + substitute a point + str()      SymPy: str(sympify(e).subs(point))

SymPy runs one pass after clear_cache(); the engine runs ROUNDS passes, each
in a fresh context, and its median pass is reported.
"""

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import time

sys.dont_write_bytecode = True
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "diff"))

import corpus  # noqa: E402


def static_libs(build):
    """What the static library itself links against, from BUILD/shapeenv.pc
    (Libs.private and Requires.private, through pkg-config when present)."""
    pc = os.path.join(build, "shapeenv.pc")
    if not os.path.exists(pc):
        return ["-lm"]
    if shutil.which("pkg-config"):
        env = dict(os.environ, PKG_CONFIG_PATH=os.path.abspath(build))
        p = subprocess.run(["pkg-config", "--static", "--libs-only-l", "shapeenv"],
                           capture_output=True, text=True, env=env)
        if p.returncode == 0:
            return [f for f in p.stdout.split() if f != "-lshapeenv"]
    for line in open(pc):
        if line.startswith("Libs.private:"):
            return line.split(":", 1)[1].split()
    return ["-lm"]


def build_bench(build):
    """Compiles bench_expr against the static library; returns its path."""
    lib = os.path.join(build, "libshapeenv.a")
    if not os.path.exists(lib):
        sys.exit("bench.py: %s is missing; build first (cmake --build %s)" % (lib, build))
    extra = static_libs(build)
    exe = os.path.join(build, "bench_expr")
    cc = os.environ.get("CC") or shutil.which("cc") or "gcc"
    cmd = [cc, "-std=c11", "-O2", "-I" + os.path.join(ROOT, "include"),
           os.path.join(ROOT, "bench", "bench_expr.c"), lib] + extra + ["-o", exe]
    print("$ " + " ".join(cmd))
    subprocess.run(cmd, check=True)
    return exe


def write_inputs(outdir, count, seed):
    """print.txt (expressions) and subs.txt (expression TAB point)."""
    os.makedirs(outdir, exist_ok=True)
    texts = corpus.generate(seed, count)
    rng = random.Random(seed * 1000 + 1)
    subs = []
    for t in texts:
        point = corpus.random_point(rng, corpus.symbols_in(t))
        subs.append((t, point))
    with open(os.path.join(outdir, "print.txt"), "w") as f:
        f.writelines(t + "\n" for t in texts)
    with open(os.path.join(outdir, "subs.txt"), "w") as f:
        for t, point in subs:
            assign = ",".join("%s=%d" % nv for nv in point)
            f.write(t + ("\t" + assign if assign else "") + "\n")
    return texts, subs


def time_sympy(texts, subs):
    import sympy
    from sympy.core.cache import clear_cache
    loc = corpus.sympy_locals()
    clear_cache()
    t = time.perf_counter()
    for text in texts:
        str(sympy.sympify(text, locals=loc))
    t_print = time.perf_counter() - t
    clear_cache()
    t = time.perf_counter()
    for text, point in subs:
        e = sympy.sympify(text, locals=loc)
        if point:
            e = e.subs({loc[n]: sympy.Integer(v) for n, v in point})
        str(e)
    t_subs = time.perf_counter() - t
    return t_print, t_subs, sympy.__version__


def time_engine(exe, path, rounds):
    out = subprocess.run([exe, path, str(rounds)], check=True, capture_output=True,
                         text=True).stdout
    fields = dict(re.findall(r"(\w+)=([\d.]+)", out))
    return float(fields["median"]), int(fields["errors"]), int(fields["lines"])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default="build")
    ap.add_argument("--count", type=int, default=2500)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--rounds", type=int, default=20)
    args = ap.parse_args()
    exe = build_bench(args.build)
    outdir = os.path.join(args.build, "bench")
    texts, subs = write_inputs(outdir, args.count, args.seed)
    c_print, err_print, n = time_engine(exe, os.path.join(outdir, "print.txt"), args.rounds)
    c_subs, err_subs, _ = time_engine(exe, os.path.join(outdir, "subs.txt"), args.rounds)
    s_print, s_subs, version = time_sympy(texts, subs)
    print()
    print("corpus: %d expressions (tests/diff grammar, seed %d); SymPy %s; Python %s"
          % (n, args.seed, version, sys.version.split()[0]))
    print("%-8s %12s %14s %16s %10s %8s" % ("workload", "SymPy s", "shapeenv s",
                                           "shapeenv us/expr", "speedup", "errors"))
    for name, s, c, err in (("print", s_print, c_print, err_print),
                            ("subs", s_subs, c_subs, err_subs)):
        print("%-8s %12.3f %14.6f %16.2f %9.0fx %8d"
              % (name, s, c, 1e6 * c / n, s / c if c > 0 else float("inf"), err))
    if err_print or err_subs:
        print("note: lines the engine failed on still count in its time; "
              "the ratio is not meaningful until errors is 0")


if __name__ == "__main__":
    main()
