"""expand, broadcasting in arithmetic, broadcast_to, repeat and where."""

import torch

from _common import compile_reset


def fn(x, bias, scale):
    y = x + bias  # (b, n) + (n,)
    z = scale.expand(x.shape[0], -1) * y  # (b, 1) -> (b, n)
    w = torch.broadcast_to(bias, (x.shape[0], x.shape[1])) - z
    r = bias.repeat(2) [: x.shape[1]]
    return torch.where(w > 0, w, r)


def main():
    compile_reset()
    f = torch.compile(fn, dynamic=True, backend="eager")
    f(torch.randn(3, 5), torch.randn(5), torch.randn(3, 1))
    f(torch.randn(7, 6), torch.randn(6), torch.randn(7, 1))
