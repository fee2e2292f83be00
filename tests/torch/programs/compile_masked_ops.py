"""Normalization and masking over a padded batch: layer norm, masked mean by lengths,
cumsum and topk with k tied to the sequence length."""

import torch
import torch.nn.functional as F

from _common import compile_reset


def fn(x, lengths):
    b, t, d = x.shape
    x = F.layer_norm(x, (d,))
    mask = torch.arange(t)[None, :] < lengths[:, None]
    m = (x * mask[..., None]).sum(1) / lengths[:, None]
    c = torch.cumsum(x, dim=1)[:, -1]
    top = torch.topk(x.sum(-1), k=t // 2, dim=1).values
    return m + c + top.sum(-1, keepdim=True)


def main():
    compile_reset()
    f = torch.compile(fn, dynamic=True, backend="eager")
    f(torch.randn(2, 6, 4), torch.tensor([6, 3]))
    f(torch.randn(3, 8, 4), torch.tensor([8, 5, 2]))
