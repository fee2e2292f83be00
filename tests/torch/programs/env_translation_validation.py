"""Translation validation: SymPy to Z3, sound and unsound target sets, bitwise, z3str; then an
environment whose guards are validated by produce_guards (peer cases D3-D7)."""

import sympy
import torch
import z3
from torch.fx.experimental.validator import SympyToZ3, TranslationValidator, ValidationException, z3str
from torch.utils._sympy.functions import BitwiseFn_bitwise_and, FloorDiv, Mod

from _common import create_symint, expect_raises, new_env

TRANSLATION_VALIDATION = True


def main():
    s0, s1, s2 = sympy.symbols("s0 s1 s2", integer=True)
    v = TranslationValidator()
    z0, z1, z2 = (v.add_var(s, int) for s in (s0, s1, s2))
    conv = SympyToZ3(v)
    assert conv.run(sympy.Integer(2)).eq(z3.IntVal(2))
    assert conv.run(s0 + s1).eq(z0 + z1)
    assert conv.run(s0 * s1).eq(z0 * z1)
    assert conv.run(sympy.Eq(s0, s1)).eq(z0 == z1)
    assert conv.run(sympy.Lt(s0, s1)).eq(z0 < z1)
    assert conv.run(s0 - s1).eq(z0 + z3.IntVal(-1) * z1)
    assert conv.run(FloorDiv(s0, s1)).eq(z3.ToInt(z3.ToReal(z0) / z3.ToReal(z1)))
    assert conv.run(Mod(s0, s1)).eq(z0 - z3.ToInt(z3.ToReal(z0) / z3.ToReal(z1)) * z1)
    assert conv.run(BitwiseFn_bitwise_and(s0, s1)).eq(
        z3.BV2Int(z3.Int2BV(z0, 64) & z3.Int2BV(z1, 64)))

    def validator(targets):
        v = TranslationValidator()
        z0, z1 = v.add_var(s0, int), v.add_var(s1, int)
        v.add_source_expr(z0 > 5)
        v.add_source_expr(z1 / 2 > z0)
        for t in targets:
            v.add_target_expr(t)
        return v

    validator([s0 > 20, s1 > s0**2]).validate()
    with expect_raises(ValidationException, "translation validation failed."):
        validator([s0 > 20, s1 > s0 + 2]).validate()

    v = TranslationValidator()
    z0, z1 = v.add_var(s0, int), v.add_var(s1, int)
    v.add_source_expr(z3.BV2Int(z3.Int2BV(z0, 64) & z3.Int2BV(z1, 64)) == 5)
    v.add_source_expr(z0 == 53)
    v.validate()

    a, b = z3.Int("a"), z3.Int("b")
    assert z3str(z3.IntVal(42)) == "42"
    assert z3str(a != b) == "(!= a b)"
    assert z3str((a + 5) + b) == "(+ 5 a b)"
    assert z3str(a < b) == "(> b a)"
    assert z3str(z3.ToInt(z3.ToReal(a) / z3.ToReal(b))) == "(idiv a b)"

    env = new_env()
    x = create_symint(env, 6)
    y = create_symint(env, 14)
    assert x > 5
    assert y // 2 > x
    assert x + y == 20
    from torch._dynamo.source import ConstantSource

    env.produce_guards([x, y], [ConstantSource("x"), ConstantSource("y")])
