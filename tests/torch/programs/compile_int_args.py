"""Int arguments as symbols under dynamic=True: reshape by them, arange, and arithmetic that
leaves a divisibility guard."""

import torch

from _common import compile_reset


def fn(x, rows, step):
    y = x.reshape(rows, -1)
    return y.sum(0) + torch.arange(0, rows * step, step).sum()


def main():
    compile_reset()
    f = torch.compile(fn, dynamic=True, backend="eager")
    f(torch.randn(24), 4, 3)
    f(torch.randn(30), 5, 2)
