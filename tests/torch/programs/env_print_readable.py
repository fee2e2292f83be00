"""Duck-shared symbols and SymPy's term order in printed sizes (peer case C23)."""

import torch

from _common import LocalSource, fake, fake_mode, new_env


def main():
    env = new_env()
    mode = fake_mode(env)
    a = fake(env, mode, torch.randn(5, 3), "a", source=LocalSource("input0"))
    b = fake(env, mode, torch.randn(4, 3), "b", source=LocalSource("input1"))
    with mode:
        c = torch.cat([a, b])
        d = torch.cat([c, c], dim=1)
    assert str(a.shape[1]) == str(b.shape[1])
    assert str(d.shape) == f"torch.Size([{c.shape[0]}, {d.shape[1]}])"
    assert str(d.shape[1]) == "2*" + str(a.shape[1])
    assert str(c.shape[0]).count("+") == 1
