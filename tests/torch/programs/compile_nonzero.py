"""nonzero and boolean-mask indexing: unbacked output sizes, bounded by the input's numel."""

import torch
import torch._dynamo.config as dynamo_config

from _common import compile_reset


def fn(x):
    idx = torch.nonzero(x > 0)
    sel = x[x > 0.5]
    torch._check(sel.shape[0] <= x.numel())
    return idx.sum() + sel.sum() + idx.shape[0]


def main():
    compile_reset()
    with dynamo_config.patch(capture_dynamic_output_shape_ops=True, capture_scalar_outputs=True):
        f = torch.compile(fn, dynamic=True, backend="eager", fullgraph=True)
        f(torch.randn(4, 6))
        f(torch.randn(5, 3))
