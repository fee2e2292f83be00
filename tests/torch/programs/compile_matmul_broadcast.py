"""matmul with broadcast batch dimensions, bmm, einsum and a vector-matrix product."""

import torch

from _common import compile_reset


def fn(a, b, v):
    x = a @ b  # (B, 1, n, k) @ (h, k, m) -> (B, h, n, m)
    y = torch.einsum("bhnm,m->bhn", x, v)
    z = torch.bmm(a.squeeze(1), a.squeeze(1).transpose(1, 2))
    return y.sum() + z.sum() + (v @ b.transpose(1, 2)[0]).sum()


def main():
    compile_reset()
    f = torch.compile(fn, dynamic=True, backend="eager")
    f(torch.randn(2, 1, 3, 4), torch.randn(5, 4, 6), torch.randn(6))
    f(torch.randn(3, 1, 5, 7), torch.randn(2, 7, 8), torch.randn(8))
