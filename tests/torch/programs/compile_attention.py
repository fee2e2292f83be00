"""Multi-head self-attention written out: a fused QKV projection split in three, heads
reshaped in and out, scaled dot products and a softmax."""

import math

import torch

from _common import compile_reset


class Attention(torch.nn.Module):
    def __init__(self, dim=32, heads=4):
        super().__init__()
        self.heads = heads
        self.qkv = torch.nn.Linear(dim, 3 * dim)
        self.out = torch.nn.Linear(dim, dim)

    def forward(self, x):
        b, t, d = x.shape
        q, k, v = self.qkv(x).split(d, dim=-1)
        h = self.heads
        q = q.view(b, t, h, d // h).transpose(1, 2)
        k = k.view(b, t, h, d // h).transpose(1, 2)
        v = v.view(b, t, h, d // h).transpose(1, 2)
        att = (q @ k.transpose(-2, -1)) / math.sqrt(d // h)
        y = att.softmax(dim=-1) @ v
        return self.out(y.transpose(1, 2).reshape(b, t, d))


def main():
    compile_reset()
    f = torch.compile(Attention(), dynamic=True, backend="eager")
    f(torch.randn(2, 7, 32))
    f(torch.randn(3, 11, 32))
