"""Automatic dynamic shapes: dynamic=None, called with changing sizes, so the first compile
is static and the recompile marks the changed dimensions dynamic."""

import torch

from _common import compile_reset


class Net(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.lin = torch.nn.Linear(8, 8)

    def forward(self, x, y):
        return self.lin(x).sum(0) + y[: x.shape[0]].sum()


def main():
    compile_reset()
    f = torch.compile(Net(), dynamic=None, backend="eager")
    f(torch.randn(3, 8), torch.randn(10))
    f(torch.randn(5, 8), torch.randn(10))
    f(torch.randn(7, 8), torch.randn(12))
