"""Slicing with negative indices, steps, narrow and index_select on dynamic sizes."""

import torch

from _common import compile_reset


def fn(x):
    a = x[1:-1]
    b = x[::2]
    c = x[-3:, 1::3]
    d = x.narrow(0, 1, x.shape[0] - 2)
    e = x[:, -2]
    idx = torch.arange(0, x.shape[1], 2)
    g = x.index_select(1, idx)
    return a.sum() + b.sum() + c.sum() + d.sum() + e.sum() + g.sum()


def main():
    compile_reset()
    f = torch.compile(fn, dynamic=True, backend="eager")
    f(torch.randn(7, 10))
    f(torch.randn(9, 13))
