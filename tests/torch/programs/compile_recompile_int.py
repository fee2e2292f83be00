"""Automatic dynamic on an int argument: the first call specializes it, the second makes it
a symbol; a guard on the int's relation to a tensor size."""

import torch

from _common import compile_reset


def fn(x, n):
    if n > x.shape[0] // 2:
        return x[:n] * 2
    return x[:n] + 1


def main():
    compile_reset()
    f = torch.compile(fn, dynamic=None, backend="eager")
    f(torch.randn(10), 3)
    f(torch.randn(10), 4)
    f(torch.randn(12), 9)
