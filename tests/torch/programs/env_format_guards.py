"""A Linear layer's meta function forces two equalities;
format_guards lists them (peer case B23)."""

import torch

from _common import fake, fake_mode, new_env


def main():
    env = new_env()
    mode = fake_mode(env)
    lin = torch.nn.Linear(20, 30)
    x = fake(env, mode, torch.randn(128, 20), "x")
    y = fake(env, mode, torch.randn(128, 30), "y")
    with mode:
        w = mode.from_tensor(lin.weight, static_shapes=True)
        b = mode.from_tensor(lin.bias, static_shapes=True)
        out = torch.nn.functional.linear(x, w, b)
        out = out + y
    text = env.format_guards()
    lines = text.split("\n")
    assert all(line.startswith(" - Eq(") for line in lines), text
    assert len(lines) == 2, text
