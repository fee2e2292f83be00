"""sym_int of ints, of a true division and of a float product (peer case B4)."""

import torch
from torch.fx.experimental.symbolic_shapes import guard_int

from _common import create_symint, new_env


def main():
    env = new_env()
    a0 = create_symint(env, 5)
    r = torch.sym_int(a0)
    assert r == 5 and isinstance(r, torch.SymInt)
    assert str(env.guards[0].expr) == "Eq(s97, 5)"

    a1 = create_symint(env, 7)
    r = torch.sym_int(a1 / 2)
    assert guard_int(r) == 3
    assert str(env.guards[1].expr) == "Eq(TruncToInt(IntTrueDiv(s26, 2)), 3)"

    a3 = create_symint(env, 3)
    r = torch.sym_int(2.0 * torch.sym_float(a3))
    assert guard_int(r) == 6
    assert str(env.guards[2].expr) == "Eq(TruncToInt(2.0*ToFloat(s57)), 6)"
