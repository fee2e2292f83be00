"""evaluate_expr of FloorDiv of constants matches Python's //; FloorDiv of symbols is an
integer (peer case C19)."""

import sympy
from torch.utils._sympy.functions import FloorDiv

from _common import create_symint, new_env


def main():
    env = new_env()
    for x, y in [(7, 2), (-7, 2), (7, -2), (-7, -2), (2, 1), (-2, 1), (2, -1), (-2, -1)]:
        assert env.evaluate_expr(FloorDiv(sympy.Integer(x), sympy.Integer(y))) == x // y
    assert env.simplify(7 * FloorDiv(6, 2)) == 21
    assert env.evaluate_expr(7 * FloorDiv(6, 2)) == 21
    i1 = sympy.Symbol("i1", integer=True)
    i2 = sympy.Symbol("i2", integer=True)
    for base in (i1, i2, 2 * i1):
        for div in (i1, i2, 3):
            e = FloorDiv(base, div)
            assert e.is_integer and e.is_real
    # and on a size: 7 // 2 == 3 becomes a guard on the symbol
    s = create_symint(env, 7)
    assert s // 2 == 3
    assert str(env.guards[-1].expr) == "Eq((s97//2), 3)"
