"""Recording basics: an environment that does not record, two empty environments, the
constructor settings, and the recorder's fallback when no environment is involved
(peer cases A1, A2, A3, A10)."""

import torch
from torch.fx.experimental.recording import NotEqualError
from torch.fx.experimental.symbolic_shapes import (
    _constrain_range_for_size,
    constrain_range,
    constrain_unify,
)

from _common import ConstantSource, expect_raises, fake, fake_mode, new_env

TRANSLATION_VALIDATION = True


def main():
    # A1: no recording. (Under a capture every environment records, so the event count is
    # only checked when the flag was left as given.)
    env = new_env(should_record_events=False)
    if not env.should_record_events:
        assert len(env.events) == 0
    mode = fake_mode(env)
    x = fake(env, mode, torch.randn(3, 2), "x", source=ConstantSource("x"))
    assert bool(x.size(0) == 3)
    assert [str(g.expr) for g in env.guards] == ["Eq(s93, 3)"]
    assert {str(k): str(v) for k, v in env.replacements.items()} == {"s93": "3"}
    if not env.should_record_events:
        assert len(env.events) == 0
        for node in env.graph.nodes:
            assert "shapeenv_event" not in node.meta and "current_node" not in node.meta

    # A2: two empty environments are equal.
    a, b = new_env(), new_env()
    a.check_equal(b)

    # A3: the constructor's settings are state.
    main_env, other = new_env(allow_scalar_outputs=False), new_env()
    with expect_raises(NotEqualError, "==> settings: values don't match."):
        main_env.check_equal(other)

    # A10: the recorder calls straight through when no ShapeEnv is in the arguments.
    constrain_range(5, min=2, max=10)
    constrain_unify(5, 5)
    with expect_raises(AssertionError, "can only constrain range for SymInt"):
        _constrain_range_for_size(5, min=2, max=10)
