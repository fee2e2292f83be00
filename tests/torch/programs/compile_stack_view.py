"""stack, view, reshape, flatten/unflatten, permute and contiguous on dynamic shapes."""

import torch

from _common import compile_reset


def fn(x, y):
    s = torch.stack([x, y], dim=1)
    b, two, n = s.shape
    v = s.view(b * two, n)
    r = v.reshape(two, b, n).permute(2, 1, 0).contiguous()
    u = r.flatten(0, 1).unflatten(0, (n, b))
    return u.sum(-1) + x.view(-1).sum()


def main():
    compile_reset()
    f = torch.compile(fn, dynamic=True, backend="eager")
    f(torch.randn(3, 4), torch.randn(3, 4))
    f(torch.randn(6, 5), torch.randn(6, 5))
