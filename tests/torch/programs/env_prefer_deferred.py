"""prefer_deferred_runtime_asserts_over_guards: guard_int still guards, expect_true defers a
runtime assert filed under None (peer case B3)."""

from torch.fx.experimental.symbolic_shapes import expect_true, guard_int

from _common import create_symint, new_env


def main():
    env = new_env(prefer_deferred_runtime_asserts_over_guards=True)
    s = create_symint(env, 2)
    assert guard_int(s) == 2
    assert str(env.guards[0].expr) == "Eq(s97, 2)"

    env = new_env(prefer_deferred_runtime_asserts_over_guards=True)
    s = create_symint(env, 2)
    assert expect_true(s == 2)
    assert len(env.guards) == 0
    assert [str(r.expr) for r in env.deferred_runtime_asserts[None]] == ["Eq(s97, 2)"]
