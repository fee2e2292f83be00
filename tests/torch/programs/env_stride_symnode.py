"""Symbols for sizes and strides under each DimDynamic policy, and the printed names of a
fake without a source (peer cases C20, C21)."""

import torch

from _common import DimDynamic, fake, fake_mode, new_env

D, S, I = DimDynamic.DYNAMIC, DimDynamic.STATIC, DimDynamic.INFER_STRIDE


def main():
    env = new_env()
    mode = fake_mode(env)
    t = torch.randn(3, 6)
    a = fake(env, mode, t.clone(), "a", [S, S], [I, I])
    assert all(isinstance(v, int) for v in (*a.shape, *a.stride()))
    b = fake(env, mode, t.clone(), "b", [D, D], [I, I])
    assert isinstance(b.shape[0], torch.SymInt) and isinstance(b.shape[1], torch.SymInt)
    assert b.stride()[0].node.expr == b.shape[1].node.expr and b.stride()[1] == 1
    c = fake(env, mode, t.clone(), "c", [S, S], [D, I])
    assert isinstance(c.shape[0], int) and isinstance(c.stride()[0], torch.SymInt)
    assert isinstance(c.stride()[1], int)
    d = fake(env, mode, t.clone(), "d", [D, D], [D, I])
    assert d.stride()[0].node.expr != d.shape[1].node.expr

    env = new_env()
    mode = fake_mode(env)
    from _common import StatelessSymbolicContext, TrackedFake

    ctx = StatelessSymbolicContext(dynamic_sizes=[D, D], dynamic_strides=[I, I])
    x = mode.from_tensor(torch.randn(5, 8), symbolic_context=ctx)
    assert str(x.stride()) == "(s49, 1)"
    assert str(x.shape) == "torch.Size([s26, s49])"
    from torch._dynamo.source import ConstantSource

    env.tracked_fakes.append(TrackedFake(x, ConstantSource("__meta_utils_unknown_tensor0"), ctx))
