"""log2, sqrt, floor, trunc and ceil of size symbols (peer cases B5, B6)."""

import math

import torch
from torch.fx.experimental.symbolic_shapes import guard_float, guard_int

from _common import create_symint, new_env


def main():
    env = new_env()
    a0 = create_symint(env, 4)
    r = torch._sym_log2(a0)
    assert r == 2.0 and isinstance(r, torch.SymFloat)
    assert str(env.guards[0].expr) == "Eq(OpaqueUnaryFn_log2(ToFloat(s97)), 2.0)"

    env = new_env()
    a0 = create_symint(env, 4)
    r = torch._sym_sqrt(a0)
    assert r == 2
    assert str(env.guards[0].expr) == "Eq(OpaqueUnaryFn_sqrt(ToFloat(s97)), 2.0)"

    env = new_env()
    a0 = create_symint(env, 5)
    r = math.floor(a0 / 2)
    assert r == 2
    assert str(env.guards[0].expr) == "Eq(FloorToInt(IntTrueDiv(s97, 2)), 2)"
    r = math.floor(3.0 * a0)
    assert r == 15
    assert str(env.guards[1].expr) == "Eq(FloorToInt(3.0*ToFloat(s97)), 15)"

    env = new_env()
    a0 = create_symint(env, 5)
    r = math.trunc(a0 / 2)
    assert r == 2
    assert str(env.guards[0].expr) == "Eq(TruncToInt(IntTrueDiv(s97, 2)), 2)"
    r = torch.sym_int(torch.sym_sqrt(a0))
    assert r == 2
    assert str(env.guards[1].expr) == "Eq(TruncToInt(OpaqueUnaryFn_sqrt(ToFloat(s97))), 2)"

    env = new_env()
    a0 = create_symint(env, 5)
    r = math.ceil(a0 / 2)
    assert r == 3
    assert str(env.guards[0].expr) == "Eq(CeilToInt(IntTrueDiv(s97, 2)), 3)"
    r = math.floor(3.0 * a0)
    assert r == 15
    assert str(env.guards[1].expr) == "Eq(FloorToInt(3.0*ToFloat(s97)), 15)"
    assert guard_float(torch.sym_float(a0) * 0.5) == 2.5
    assert guard_int(a0 // 2) == 2
