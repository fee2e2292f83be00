"""Guarding on an unbacked symbol: an error, a value given for it, expect_true
(peer cases C9, C10, C11)."""

from torch.fx.experimental.symbolic_shapes import GuardOnDataDependentSymNode, expect_true

from _common import expect_raises, new_env


def main():
    env = new_env()
    u0 = env.create_unbacked_symint()
    with expect_raises(GuardOnDataDependentSymNode):
        bool(u0 == 0)

    env = new_env()
    u0 = env.create_unbacked_symint()
    env.set_real_tensor_prop_unbacked_vals(u0.node.expr, 0)
    assert bool(u0 == 0)

    env = new_env()
    u0 = env.create_unbacked_symint()
    sym = u0.node.expr
    assert expect_true(u0 == 0)
    assert env.replacements[sym] == 0
    assert bool(u0 == 0)
