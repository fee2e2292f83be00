#!/usr/bin/env python3
"""Writes the differential corpus and SymPy's answers into OUTDIR.

  gen.py OUTDIR [--count N] [--seed S] [--points K]

Files written (tab-separated where there are several fields):
  corpus.txt    one expression per line, in the corpus grammar (corpus.py)
  expected.txt  SymPy 1.14's str() of each corpus line (same line numbers)
  values.tsv    EXPR, NAME=VALUE,..., SymPy's value (expr.subs(...)) at that point
  torchfn.tsv   EXPR, [NAME=VALUE,...], expected text, where it comes from:
                FloorDiv/PythonMod/Mod of integers against Python's // and %,
                FloorDiv/PythonMod of corpus expressions at points, and the
                expression texts of peer cases C19 and C27
  meta.txt      SymPy version, seed, counts

Everything comes from fixed seeds: the same command writes the same files.
"""

import argparse
import os
import random
import re
import sys

sys.dont_write_bytecode = True  # keep the source tree clean
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import corpus  # noqa: E402

INT64_LIMIT = 2**62  # values beyond this are left out: the engine is int64


def fits_int64(text):
    return all(abs(int(m)) < INT64_LIMIT for m in re.findall(r"\d+", text))


def assign_text(point):
    return ",".join("%s=%d" % (n, v) for n, v in point)


def sympy_value(sympy, expr, loc, point):
    val = expr.subs({loc[n]: sympy.Integer(v) for n, v in point})
    return str(val)


def write_corpus(sympy, loc, args):
    """corpus.txt, expected.txt, values.tsv; returns (lines, skipped, points)."""
    texts = corpus.generate(args.seed, args.count)
    rng = random.Random(args.seed * 1000 + 1)
    kept = skipped = npoints = 0
    with open(os.path.join(args.outdir, "corpus.txt"), "w") as fc, \
            open(os.path.join(args.outdir, "expected.txt"), "w") as fe, \
            open(os.path.join(args.outdir, "values.tsv"), "w") as fv:
        for text in texts:
            expr = sympy.sympify(text, locals=loc)
            out = str(expr)
            if not fits_int64(out):
                skipped += 1
                continue
            fc.write(text + "\n")
            fe.write(out + "\n")
            kept += 1
            names = corpus.symbols_in(text)
            if not names:
                continue
            for _ in range(args.points):
                point = corpus.random_point(rng, names)
                val = sympy_value(sympy, expr, loc, point)
                if not fits_int64(val):
                    continue
                fv.write("%s\t%s\t%s\n" % (text, assign_text(point), val))
                npoints += 1
    return kept, skipped, npoints


# Peer cases C19 (FloorDiv with constants, Python's //) and C27 (int_oo
# arithmetic), where they are expression texts, with their expected str().
PEER_CASES = [
    ("FloorDiv(7, 2)", "3"), ("FloorDiv(-7, 2)", "-4"), ("FloorDiv(7, -2)", "-4"),
    ("FloorDiv(-7, -2)", "3"), ("FloorDiv(2, 1)", "2"), ("FloorDiv(-2, 1)", "-2"),
    ("FloorDiv(2, -1)", "-2"), ("FloorDiv(-2, -1)", "2"),
    ("(7*FloorDiv(6, 2))", "21"),
    ("(int_oo + int_oo)", "int_oo"), ("(int_oo + 1)", "int_oo"), ("(int_oo - 1)", "int_oo"),
    ("(int_oo*2)", "int_oo"), ("((-1)*(-int_oo))", "int_oo"), ("(int_oo)**2", "int_oo"),
    ("(2 + int_oo)", "int_oo"), ("(int_oo)**int_oo", "int_oo"),
    ("((-int_oo) + (-int_oo))", "-int_oo"), ("((-int_oo) + 1)", "-int_oo"),
    ("((-int_oo) - 1)", "-int_oo"), ("((-int_oo)*2)", "-int_oo"), ("(1 - int_oo)", "-int_oo"),
    ("((-1)*int_oo)", "-int_oo"), ("(-int_oo)**3", "-int_oo"),
    ("(int_oo/2)", "oo"), ("(-int_oo/2)", "-int_oo"), ("(int_oo)**(-1)", "0"),
    ("Ne(int_oo, 2)", "True"), ("Eq(int_oo, int_oo)", "True"), ("Eq(int_oo, oo)", "False"),
    ("(int_oo < oo)", "True"), ("((-int_oo) > (-oo))", "True"), ("(int_oo > u0)", "True"),
    ("(int_oo >= 9223372036854775807)", "True"),
]


def write_torchfn(sympy, loc, args):
    """torchfn.tsv; returns the number of lines."""
    rng = random.Random(args.seed * 1000 + 2)
    rows = []

    def lit(v):
        return str(v) if v >= 0 else "(%d)" % v

    for _ in range(150):
        a = rng.randint(-40, 40)
        b = rng.choice([d for d in range(-9, 10) if d != 0])
        rows.append(("FloorDiv(%s, %s)" % (lit(a), lit(b)), "", str(a // b), "python //"))
        rows.append(("(%s//%s)" % (lit(a), lit(b)), "", str(a // b), "python //"))
        rows.append(("PythonMod(%s, %s)" % (lit(a), lit(b)), "", str(a % b), "python %"))
        if a >= 0 and b >= 1:
            rows.append(("Mod(%s, %s)" % (lit(a), lit(b)), "", str(a % b), "python %"))
    # PyTorch's functions over corpus expressions, by value at random points.
    while len(rows) < 800:
        base = corpus.int_expr(rng, rng.randint(1, 3), top=True)
        if rng.random() < 0.5:
            div = rng.choice(corpus.S_SYMS)
        else:
            div = lit(rng.choice([d for d in range(-8, 9) if d != 0]))
        fn = rng.choice(("FloorDiv", "PythonMod"))
        text = "%s(%s, %s)" % (fn, base, div)
        point = corpus.random_point(rng, corpus.symbols_in(text))
        if not point:
            continue
        vals = {loc[n]: sympy.Integer(v) for n, v in point}
        a = sympy.sympify(base, locals=loc).subs(vals)
        b = sympy.sympify(div, locals=loc).subs(vals)
        a, b = int(a), int(b)
        if b == 0 or abs(a) >= INT64_LIMIT:
            continue
        want = a // b if fn == "FloorDiv" else a % b
        rows.append((text, assign_text(point), str(want), "python " + fn))
    for text, want in PEER_CASES:
        rows.append((text, "", want, "peer C19/C27"))
    with open(os.path.join(args.outdir, "torchfn.tsv"), "w") as f:
        for row in rows:
            f.write("\t".join(row) + "\n")
    return len(rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir")
    ap.add_argument("--count", type=int, default=2500)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--points", type=int, default=2)
    args = ap.parse_args()
    try:
        import sympy
    except ImportError:
        sys.exit("gen.py: SymPy is not importable by %s" % sys.executable)
    if not sympy.__version__.startswith("1.14"):
        print("gen.py: warning: SymPy %s; the specs describe 1.14" % sympy.__version__)
    os.makedirs(args.outdir, exist_ok=True)
    loc = corpus.sympy_locals()
    kept, skipped, npoints = write_corpus(sympy, loc, args)
    ntorch = write_torchfn(sympy, loc, args)
    with open(os.path.join(args.outdir, "meta.txt"), "w") as f:
        f.write("sympy %s\nseed %d\ncorpus %d\nskipped %d\nvalues %d\ntorchfn %d\n"
                % (sympy.__version__, args.seed, kept, skipped, npoints, ntorch))
    print("gen.py: SymPy %s, seed %d: %d expressions (%d left out beyond int64), "
          "%d value points, %d torch-function lines in %s"
          % (sympy.__version__, args.seed, kept, skipped, npoints, ntorch, args.outdir))


if __name__ == "__main__":
    main()
