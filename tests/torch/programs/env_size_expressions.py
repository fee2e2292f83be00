"""A size used in an expand, then compared: the guard is a strict greater-than (peer case B9)."""

import sympy
import torch

from _common import fake, fake_mode, new_env


def main():
    env = new_env()
    mode = fake_mode(env)
    x = fake(env, mode, torch.randn(5), "x")
    with mode:
        n = x.size(0)
        y = x.expand(n, n)
        assert y.size(0) > 3
    g = env.guards[-1]
    assert isinstance(g.expr, sympy.StrictGreaterThan)
    assert not g.size_oblivious
