"""An MLP over a dynamic batch."""

import torch

from _common import compile_reset


def main():
    compile_reset()
    model = torch.nn.Sequential(
        torch.nn.Linear(16, 32), torch.nn.ReLU(), torch.nn.Linear(32, 32), torch.nn.GELU(),
        torch.nn.Linear(32, 4),
    )
    f = torch.compile(model, dynamic=True, backend="eager")
    for b in (3, 5, 9):
        f(torch.randn(b, 16))
