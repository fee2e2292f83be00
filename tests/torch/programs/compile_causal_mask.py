"""Attention masks: a triangular mask from arange comparisons, a padding mask from lengths,
masked_fill and a key-length slice of a cached buffer."""

import torch

from _common import compile_reset


def attend(q, k, lengths, cache):
    t, s = q.shape[1], k.shape[1]
    scores = q @ k.transpose(1, 2)
    causal = torch.arange(t)[:, None] >= torch.arange(s)[None, :] - (s - t)
    pad = torch.arange(s)[None, :] < lengths[:, None]
    scores = scores.masked_fill(~(causal[None] & pad[:, None, :]), float("-inf"))
    return scores.softmax(-1) + cache[:t, :s]


def main():
    compile_reset()
    f = torch.compile(attend, dynamic=True, backend="eager")
    cache = torch.zeros(64, 64)
    f(torch.randn(2, 4, 8), torch.randn(2, 6, 8), torch.tensor([6, 3]), cache)
    f(torch.randn(3, 5, 8), torch.randn(3, 9, 8), torch.tensor([9, 2, 7]), cache)
