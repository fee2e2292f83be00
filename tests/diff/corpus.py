"""Random expressions in the corpus grammar of spec/sympy-core.md.

Integer-valued expressions over `+ - * **` (small natural exponents), Min and
Max; boolean ones over `< <= > >=`, Lt/Le/Gt/Ge/Eq/Ne, And/Or/Not. Symbols
s0 s3 s7 s12 s44 s93 s100 (positive integers) and u0 u1 u2 u10 (integers),
small integer constants. Every subexpression is parenthesized, so the text
reads the same in Python (sympify) and in the engine's parser.

Only the standard library is used here; SymPy is imported by the callers.
"""

import random
import re

S_SYMS = ("s0", "s3", "s7", "s12", "s44", "s93", "s100")
U_SYMS = ("u0", "u1", "u2", "u10")
SYMS = S_SYMS + U_SYMS

# Constants the way they show up in shape code: small numbers, powers of two,
# a few larger sizes. Negative ones are printed in parentheses.
CONSTS = (0, 1, 1, 2, 2, 3, 4, 5, 7, 8, 16, 64, 100, -1, -1, -2, -3, -7, -64)

INT_OPS = (("add", 5), ("sub", 3), ("mul", 5), ("pow", 2), ("neg", 1),
           ("min", 2), ("max", 2))
REL_OPS = ("<", "<=", ">", ">=")
REL_FUNCS = ("Lt", "Le", "Gt", "Ge", "Eq", "Ne")


def _pick(rng, weighted):
    total = sum(w for _, w in weighted)
    r = rng.uniform(0, total)
    for name, w in weighted:
        r -= w
        if r <= 0:
            return name
    return weighted[-1][0]


def _const(rng):
    c = rng.choice(CONSTS)
    return str(c) if c >= 0 else "(%d)" % c


def _leaf(rng):
    if rng.random() < 0.72:
        return rng.choice(SYMS)
    return _const(rng)


def int_expr(rng, depth, pow_budget=2, top=False):
    """An integer-valued expression text of at most `depth` operator levels
    (at least one when top).

    pow_budget bounds how many `**` may nest on one path, so that values at
    small points stay far inside int64.
    """
    if depth <= 0 or (not top and rng.random() < 0.22):
        return _leaf(rng)
    op = _pick(rng, INT_OPS)
    if op == "pow" and pow_budget <= 0:
        op = "mul"
    d = depth - 1
    if op == "add":
        return "(%s + %s)" % (int_expr(rng, d, pow_budget), int_expr(rng, d, pow_budget))
    if op == "sub":
        return "(%s - %s)" % (int_expr(rng, d, pow_budget), int_expr(rng, d, pow_budget))
    if op == "mul":
        return "(%s*%s)" % (int_expr(rng, d, pow_budget), int_expr(rng, d, pow_budget))
    if op == "pow":
        n = rng.choice((0, 1, 2, 2, 2, 3))
        return "(%s)**%d" % (int_expr(rng, d, pow_budget - 1), n)
    if op == "neg":
        return "(-%s)" % int_expr(rng, d, pow_budget)
    name = "Min" if op == "min" else "Max"
    nargs = 3 if rng.random() < 0.15 else 2
    return "%s(%s)" % (name, ", ".join(int_expr(rng, d, pow_budget) for _ in range(nargs)))


def bool_expr(rng, depth):
    """A boolean expression text: relations and And/Or/Not over them."""
    r = rng.random()
    if depth <= 1 or r < 0.55:
        a = int_expr(rng, max(depth - 1, 1))
        b = int_expr(rng, max(depth - 1, 1))
        if rng.random() < 0.5:
            return "(%s %s %s)" % (a, rng.choice(REL_OPS), b)
        return "%s(%s, %s)" % (rng.choice(REL_FUNCS), a, b)
    d = depth - 1
    if r < 0.72:
        return "And(%s, %s)" % (bool_expr(rng, d), bool_expr(rng, d))
    if r < 0.89:
        return "Or(%s, %s)" % (bool_expr(rng, d), bool_expr(rng, d))
    return "Not(%s)" % bool_expr(rng, d)


def generate(seed, count):
    """`count` expression texts from a fixed seed: about one in four boolean."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        if rng.random() < 0.27:
            out.append(bool_expr(rng, rng.randint(1, 3)))
        else:
            out.append(int_expr(rng, rng.randint(1, 4), top=True))
    return out


def symbols_in(text):
    """The corpus symbols that occur in text, in SYMS order."""
    names = set(re.findall(r"\b[su]\d+\b", text))
    return [s for s in SYMS if s in names]


def random_point(rng, names):
    """Values for names: s* in 1..9, u* in -9..9."""
    return [(n, rng.randint(1, 9) if n[0] == "s" else rng.randint(-9, 9)) for n in names]


def sympy_locals():
    """sympify locals: s* positive integers, u* integers (as PyTorch makes them)."""
    import sympy
    loc = {}
    for n in S_SYMS:
        loc[n] = sympy.Symbol(n, integer=True, positive=True)
    for n in U_SYMS:
        loc[n] = sympy.Symbol(n, integer=True)
    return loc
