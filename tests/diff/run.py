#!/usr/bin/env python3
"""Compares `shapeenv expr` with the answers gen.py wrote.

  run.py --shapeenv PATH --dir DIR --suite sympy|torchfn [--show N]

sympy:   every corpus line is printed by shapeenv and compared with SymPy's
         str() (at least 99% identical), and evaluated at the points of
         values.tsv through the `EXPR<TAB>NAME=VALUE,...` form (all identical).
torchfn: FloorDiv / PythonMod / Mod lines and the peer-case texts of
         torchfn.tsv (all identical).

All lines of a suite go through one shapeenv process on stdin. Exit 0 when
the suite meets its bar, 1 when not.
"""

import argparse
import collections
import os
import re
import subprocess
import sys


def read_lines(path):
    with open(path) as f:
        return [line.rstrip("\n") for line in f]


def run_shapeenv(exe, lines):
    """Outputs of shapeenv expr, one per input line, and its stderr text.

    The CLI prints one stdout line per good input and, for a bad one, nothing
    on stdout and "shapeenv expr: <stdin>:LINE:COLUMN: MESSAGE" on stderr; the
    two streams are merged back in input order. If they do not add up (a
    crash, a missing line), each line runs in a process of its own so that
    every answer still lines up with its input.
    """
    data = "".join(line + "\n" for line in lines)
    proc = subprocess.run([exe, "expr"], input=data, capture_output=True, text=True,
                          timeout=600)
    out = proc.stdout.split("\n")
    if out and out[-1] == "":
        out.pop()
    errors = {}
    for m in re.finditer(r"<stdin>:(\d+):(\d+): (.*)", proc.stderr):
        errors.setdefault(int(m.group(1)), "<error at column %s: %s>" % (m.group(2), m.group(3)))
    note = "one process, exit %d, %d inputs failed" % (proc.returncode, len(errors))
    if proc.returncode in (0, 2) and len(out) + len(errors) == len(lines):
        it = iter(out)
        return [errors[i] if i in errors else next(it)
                for i in range(1, len(lines) + 1)], proc.stderr, note
    other = [l for l in proc.stderr.split("\n") if l.strip() and "<stdin>:" not in l]
    note = ("one process gave %d lines and %d errors for %d inputs (exit %d); "
            "ran each line alone" % (len(out), len(errors), len(lines), proc.returncode))
    if other:
        note += "\n  its other stderr lines:\n" + "\n".join("    " + l for l in other[:8])
    answers = []
    for line in lines:
        p = subprocess.run([exe, "expr"], input=line + "\n", capture_output=True,
                           text=True, timeout=60)
        text = p.stdout.rstrip("\n")
        if p.returncode not in (0, 2) or not text:
            text = "<exit %d: %s>" % (p.returncode, p.stderr.strip()[:200])
        answers.append(text)
    return answers, proc.stderr, note


def percent(n, d):
    return 100.0 * n / d if d else 100.0


class Check:
    """Counts of one comparison and its first mismatches."""

    def __init__(self, name, need):
        self.name, self.need = name, need
        self.total = self.same = 0
        self.bad = []

    def add(self, what, want, got):
        self.total += 1
        if want == got:
            self.same += 1
        else:
            self.bad.append((what, want, got))

    def ok(self):
        return self.total > 0 and percent(self.same, self.total) >= self.need

    def report(self, show):
        print("%-28s %6d/%-6d identical (%6.2f%%, need >= %g%%)  %s"
              % (self.name, self.same, self.total, percent(self.same, self.total),
                 self.need, "ok" if self.ok() else "FAIL"))
        for what, want, got in self.bad[:show]:
            print("    input:    %s" % what)
            print("    expected: %s" % want)
            print("    shapeenv: %s" % got)


def suite_sympy(args):
    exprs = read_lines(os.path.join(args.dir, "corpus.txt"))
    want = read_lines(os.path.join(args.dir, "expected.txt"))
    vals = [line.split("\t") for line in read_lines(os.path.join(args.dir, "values.tsv"))]
    inputs = exprs + ["%s\t%s" % (e, a) for e, a, _ in vals]
    out, err, note = run_shapeenv(args.shapeenv, inputs)
    texts = Check("sympy str() texts", 99.0)
    for e, w, g in zip(exprs, want, out[:len(exprs)]):
        texts.add(e, w, g)
    values = Check("sympy subs() values", 100.0)
    for (e, a, w), g in zip(vals, out[len(exprs):]):
        values.add("%s  at  %s" % (e, a), w, g)
    return [texts, values], err, note


def suite_torchfn(args):
    rows = [line.split("\t") for line in read_lines(os.path.join(args.dir, "torchfn.tsv"))]
    inputs = ["%s\t%s" % (e, a) if a else e for e, a, _, _ in rows]
    out, err, note = run_shapeenv(args.shapeenv, inputs)
    checks = {}
    for (e, a, w, origin), g in zip(rows, out):
        c = checks.setdefault(origin, Check(origin, 100.0))
        c.add("%s  at  %s" % (e, a) if a else e, w, g)
    return list(checks.values()), err, note


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shapeenv", required=True)
    ap.add_argument("--dir", required=True)
    ap.add_argument("--suite", choices=("sympy", "torchfn"), required=True)
    ap.add_argument("--show", type=int, default=8, help="mismatches shown per check")
    args = ap.parse_args()
    checks, err, note = (suite_sympy if args.suite == "sympy" else suite_torchfn)(args)
    print("shapeenv expr: %s" % note)
    for c in checks:
        c.report(args.show)
    msgs = collections.Counter(m.group(1) for m in
                               re.finditer(r"<stdin>:\d+:\d+: (.*)", err))
    if msgs:
        print("shapeenv errors by message (%d in all):" % sum(msgs.values()))
        for msg, n in msgs.most_common(5):
            print("    %6d  %s" % (n, msg))
    ok = all(c.ok() for c in checks)
    print("diff %s: %s" % (args.suite, "PASS" if ok else "FAIL"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
