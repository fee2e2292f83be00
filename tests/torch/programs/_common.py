"""Shared helpers of the conformance programs (not a program: its name has no prefix)."""

from __future__ import annotations

import contextlib

import torch
import torch._dynamo
from torch._dynamo.source import ConstantSource, LocalSource
from torch._subclasses.fake_tensor import FakeTensorMode
from torch.fx.experimental import _config as fx_config
from torch.fx.experimental.symbolic_shapes import (
    DimDynamic,
    ShapeEnv,
    StatelessSymbolicContext,
    TrackedFake,
)
from torch.fx.experimental.recording import FakeTensorMeta

__all__ = [
    "ConstantSource",
    "DimDynamic",
    "FakeTensorMeta",
    "LocalSource",
    "ShapeEnv",
    "StatelessSymbolicContext",
    "TrackedFake",
    "compile_reset",
    "create_symbool",
    "create_symint",
    "expect_raises",
    "fake",
    "fake_mode",
    "new_env",
    "symint_input",
    "translation_validation",
]


@contextlib.contextmanager
def translation_validation(on: bool = True):
    """Translation validation on (or off) for the environments made inside."""
    with fx_config.patch(translation_validation=on):
        yield


def compile_reset() -> None:
    torch._dynamo.reset()
    torch.manual_seed(0)


def new_env(**kwargs) -> ShapeEnv:
    """An environment that tracks its inputs as Dynamo's does."""
    return ShapeEnv(tracked_fakes=[], **kwargs)


def fake_mode(env: ShapeEnv) -> FakeTensorMode:
    return FakeTensorMode(shape_env=env)


def fake(
    env: ShapeEnv,
    mode: FakeTensorMode,
    t: torch.Tensor,
    name: str,
    sizes=DimDynamic.DUCK,
    strides=None,
    *,
    source=None,
    track: bool = True,
):
    """A fake of t with symbolic sizes, tracked under source (default L['name'])."""
    n = t.dim()
    dyn_sizes = list(sizes) if isinstance(sizes, (list, tuple)) else [sizes] * n
    if strides is None:
        dyn_strides = [DimDynamic.INFER_STRIDE] * n
    else:
        dyn_strides = list(strides) if isinstance(strides, (list, tuple)) else [strides] * n
    ctx = StatelessSymbolicContext(
        dynamic_sizes=dyn_sizes,
        dynamic_strides=dyn_strides,
        constraint_sizes=[None] * n,
        constraint_strides=[None] * n,
    )
    src = source if source is not None else LocalSource(name)
    f = mode.from_tensor(t, source=src, symbolic_context=ctx)
    if track:
        env.tracked_fakes.append(TrackedFake(f, src, ctx))
    return f


def symint_input(env: ShapeEnv, val: int, name: str, dynamic_dim=DimDynamic.DUCK, *, source=None):
    """An int input that becomes a SymInt (as Dynamo makes one for an int argument)."""
    src = source if source is not None else LocalSource(name)
    sym = env.create_symbol(val, source=src, dynamic_dim=dynamic_dim)
    s = env.create_symintnode(sym, hint=val, source=src)
    env.tracked_fakes.append(TrackedFake(s, src, None))
    return s


def create_symint(env: ShapeEnv, val: int, duck: bool = True, *, track: bool = True):
    """test_dynamic_shapes.py's helper: a symbol with the source __testing_only<N>."""
    src = ConstantSource(f"__testing_only{len(env.backed_var_to_val)}")
    sym = env.create_symbol(
        val, source=src, dynamic_dim=DimDynamic.DUCK if duck else DimDynamic.DYNAMIC
    )
    s = env.create_symintnode(sym, hint=val, source=src)
    if track:
        env.tracked_fakes.append(TrackedFake(s, src, None))
    return s


def create_symbool(env: ShapeEnv, b: bool):
    import sympy
    from torch.fx.experimental.sym_node import SymNode

    return torch.SymBool(SymNode(sympy.true if b else sympy.false, env, bool, b))


@contextlib.contextmanager
def expect_raises(exc_type, text: str | None = None):
    try:
        yield
    except exc_type as e:
        if text is not None and text not in str(e):
            raise AssertionError(f"expected {text!r} in {e!r}") from e
    else:
        raise AssertionError(f"expected {exc_type.__name__}")
