"""A small elementwise-and-reduction function through Inductor on CPU."""

import torch

from _common import compile_reset


def fn(x, y):
    return (torch.sin(x) * y + x.mean(dim=1, keepdim=True)).sum(0)


def main():
    compile_reset()
    f = torch.compile(fn, dynamic=True, backend="inductor")
    f(torch.randn(4, 6), torch.randn(4, 6))
    f(torch.randn(5, 7), torch.randn(5, 7))
