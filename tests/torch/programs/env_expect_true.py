"""expect_true over backed and unbacked symbols: where the assert is filed, and unbacked
equalities that do not rename (peer cases C12, C13, C14)."""

from torch.fx.experimental.symbolic_shapes import expect_true

from _common import create_symint, new_env


def main():
    env = new_env()
    s0 = create_symint(env, 5)
    u0 = env.create_unbacked_symint()
    assert expect_true(u0 < s0)
    assert [str(r.expr) for r in env.deferred_runtime_asserts[u0.node.expr]] == ["u0 < s97"]
    assert u0 < s0
    assert u0 != s0
    assert not (u0 > s0)
    assert not (u0 >= s0)

    env = new_env()
    u0 = env.create_unbacked_symint()
    u1 = env.create_unbacked_symint()
    assert expect_true(u0 + u1 == 10)
    assert [str(r.expr) for r in env.deferred_runtime_asserts[u1.node.expr]] == ["Eq(u0 + u1, 10)"]
    assert u0 + u1 == 10

    env = new_env()
    u0 = env.create_unbacked_symint()
    u1 = env.create_unbacked_symint()
    env._constrain_range_for_size(u0.node.expr)
    env._constrain_range_for_size(u1.node.expr)
    assert expect_true(u0 == u1 * 4)
    assert str(u0) == "u0"
    u2 = env.create_unbacked_symint()
    u3 = env.create_unbacked_symint()
    env._constrain_range_for_size(u2.node.expr)
    env._constrain_range_for_size(u3.node.expr)
    assert expect_true(u2 * 4 == u3)
    assert str(u3) == "u3"
