"""item() of a tensor as an unbacked size: torch._check_is_size, torch._check bounds, and
the value used to build a tensor."""

import torch
import torch._dynamo.config as dynamo_config

from _common import compile_reset


def fn(x, n):
    k = n.item()
    torch._check_is_size(k)
    torch._check(k <= x.shape[0])
    torch._check(k % 2 == 0)
    y = x[:k]
    return y.sum() + torch.zeros(k).sum() + k


def main():
    compile_reset()
    with dynamo_config.patch(capture_scalar_outputs=True):
        f = torch.compile(fn, dynamic=True, backend="eager", fullgraph=True)
        f(torch.randn(10), torch.tensor(4))
        f(torch.randn(12), torch.tensor(6))
