"""Bitwise and/or of size symbols and bools (peer case B8)."""

import torch

from _common import create_symbool, create_symint, new_env


def main():
    env = new_env()
    a0 = create_symint(env, 12)
    b0 = create_symint(env, 10)
    r = a0 & b0
    assert isinstance(r, torch.SymInt) and r == 8
    assert str(env.guards[0].expr) == "Eq(BitwiseFn_bitwise_and(s97, s26), 8)"

    env = new_env()
    a0 = create_symint(env, 12)
    b0 = create_symint(env, 10)
    assert (a0 | b0) == 14
    assert str(env.guards[0].expr) == "Eq(BitwiseFn_bitwise_or(s97, s26), 14)"

    env = new_env()
    assert (create_symint(env, 3) & create_symbool(env, True)) == 1
    assert (create_symint(env, 12) & 10) == 8
    assert bool(create_symbool(env, True) & create_symbool(env, True))
