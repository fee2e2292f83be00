"""SymInt/SymFloat operators against Python's on constants, each pair in a fresh environment
(a sample of peer case C24)."""

import math
import operator

import torch
from torch.fx.experimental.symbolic_shapes import guard_bool, guard_float, guard_int

from _common import LocalSource, new_env, symint_input


def concrete(x):
    if isinstance(x, torch.SymInt):
        return guard_int(x)
    if isinstance(x, torch.SymFloat):
        return guard_float(x)
    if isinstance(x, torch.SymBool):
        return guard_bool(x)
    return x


OPS = [
    ("add", operator.add), ("sub", operator.sub), ("mul", operator.mul),
    ("floordiv", operator.floordiv), ("mod", operator.mod), ("truediv", operator.truediv),
("lt", operator.lt), ("ge", operator.ge), ("eq", operator.eq),
    ("ne", operator.ne), ("min", min), ("max", max),
]


def main():
    for name, op in OPS:
        for a, b in [(5, 2), (7, 3), (4, 4)]:
            env = new_env(specialize_zero_one=False, duck_shape=False)
            sa = symint_input(env, a, "a")
            sb = symint_input(env, b, "b")
            for x, y in [(sa, b), (a, sb), (sa, sb)]:
                want = op(a, b)
                got = concrete(op(x, y))
                assert (math.isclose(got, want) if isinstance(want, float) else got == want), (
                    name, a, b, got, want)
    for a, b in [(5, 2), (3, 3)]:
        env = new_env()
        assert concrete(symint_input(env, a, "a") ** b) == a**b
    env = new_env()
    s = symint_input(env, 3, "n")
    for fn, want in [(abs, 3), (lambda v: -v, -3), (lambda v: v << 1, 6), (lambda v: v >> 1, 1)]:
        assert concrete(fn(s)) == want
