"""Unbacked sizes flowing into view and new_zeros, with torch._check relating them to
backed sizes, and a data-dependent repeat_interleave."""

import torch
import torch._dynamo.config as dynamo_config

from _common import compile_reset


def fn(x, counts):
    a, b = counts.tolist()
    torch._check_is_size(a)
    torch._check_is_size(b)
    torch._check(a * b == x.numel())
    y = x.view(a, b)
    z = y.new_zeros(a + 1, b)
    r = torch.repeat_interleave(torch.arange(2), counts)
    return y.sum() + z.sum() + r.sum()


def main():
    compile_reset()
    with dynamo_config.patch(capture_scalar_outputs=True, capture_dynamic_output_shape_ops=True):
        f = torch.compile(fn, dynamic=True, backend="eager", fullgraph=True)
        f(torch.randn(12), torch.tensor([3, 4]))
        f(torch.randn(10), torch.tensor([2, 5]))
