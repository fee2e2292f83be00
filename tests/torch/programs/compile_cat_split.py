"""cat, split into sizes, chunk and unbind on dynamic dimensions."""

import torch

from _common import compile_reset


def fn(a, b):
    x = torch.cat([a, b, a], dim=0)
    p, q = x.split([a.shape[0], x.shape[0] - a.shape[0]], dim=0)
    c1, c2, c3 = torch.chunk(q, 3, dim=1)
    parts = torch.unbind(p, dim=1)
    return p.sum() + q.sum() + c1.sum() - c3.sum() + parts[0].sum() + c2.mean()


def main():
    compile_reset()
    f = torch.compile(fn, dynamic=True, backend="eager")
    f(torch.randn(3, 9), torch.randn(5, 9))
    f(torch.randn(4, 12), torch.randn(2, 12))
