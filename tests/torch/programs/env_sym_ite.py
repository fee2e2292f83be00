"""sym_ite: the condition is not guarded, the Piecewise result is when used (peer case B7)."""

import torch

from _common import create_symint, new_env


def main():
    env = new_env()
    t = create_symint(env, 5)
    f = create_symint(env, 4)
    assert torch.sym_ite(True, t, f) is t
    assert torch.sym_ite(False, t, f) is f
    r3 = torch.sym_ite(t == 5, t, f)
    assert len(env.guards) == 0
    assert r3 == 5
    assert str(env.guards[0].expr) == "Eq(Piecewise((s97, Eq(s97, 5)), (s26, True)), 5)"
    r4 = torch.sym_ite(f == 5, t, f)
    assert len(env.guards) == 1
    assert r4 == 4
    assert str(env.guards[1].expr) == "Eq(Piecewise((s97, Eq(s26, 5)), (s26, True)), 4)"
