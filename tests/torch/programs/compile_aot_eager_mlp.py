"""An MLP with a loss, forward and backward through AOTAutograd (backend aot_eager)."""

import torch

from _common import compile_reset


def main():
    compile_reset()
    model = torch.nn.Sequential(torch.nn.Linear(8, 16), torch.nn.Tanh(), torch.nn.Linear(16, 1))

    def step(x, y):
        loss = torch.nn.functional.mse_loss(model(x).squeeze(-1), y)
        loss.backward()
        return loss

    f = torch.compile(step, dynamic=True, backend="aot_eager")
    for b in (4, 6):
        f(torch.randn(b, 8), torch.randn(b))
