"""Unbacked symbols and deferred runtime asserts in the state (peer cases A5, A9)."""

import torch
from torch.fx.experimental.symbolic_shapes import expect_true
from torch.fx.experimental.recording import NotEqualError

from _common import expect_raises, new_env

TRANSLATION_VALIDATION = True


def main():
    # A5: one unbacked int, float and bool on one side; the bool takes the int counter.
    main_env, other = new_env(), new_env()
    main_env.create_unbacked_symint()
    main_env.create_unbacked_symfloat()
    main_env.create_unbacked_symbool()
    with expect_raises(NotEqualError, "==> unbacked_symint_counter: values don't match."):
        main_env.check_equal(other)
    assert sorted(map(str, main_env.var_to_range)) == ["u0", "u1", "zuf0"]
    assert main_env.unbacked_symint_counter == 2

    # A9: expect_true(u0 % 3 == 0) defers a runtime assert.
    main_env, other = new_env(), new_env()
    u = main_env.create_unbacked_symint()
    other.create_unbacked_symint()
    assert expect_true(u % 3 == 0)
    with expect_raises(NotEqualError, "==> deferred_runtime_asserts: values don't match."):
        main_env.check_equal(other)
    assert main_env.num_deferred_runtime_asserts == 1
    assert len(main_env.guards) == 0
