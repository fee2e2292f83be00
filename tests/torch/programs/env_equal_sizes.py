"""State equality after creating a tensor's symbols and after one decision on them: a
divisibility, a replacement, a refinement (peer cases A4, A6, A7, A8)."""

import torch
from torch.fx.experimental.recording import NotEqualError

from _common import ConstantSource, expect_raises, fake, fake_mode, new_env

TRANSLATION_VALIDATION = True


def sized(env):
    return fake(env, fake_mode(env), torch.randn(3, 2), "x", source=ConstantSource("x"))


def main():
    # A4: symbols on one side only.
    main_env, other = new_env(), new_env()
    sized(main_env)
    with expect_raises(NotEqualError, "==> source_to_var: values don't match."):
        main_env.check_equal(other)
    assert sorted(map(str, main_env.backed_var_to_val)) == ["s44", "s93"]

    # A6: size[0] % 3 == 0 on one side.
    main_env, other = new_env(), new_env()
    x = sized(main_env)
    sized(other)
    assert bool(x.size(0) % 3 == 0)
    with expect_raises(NotEqualError, "==> divisible: values don't match."):
        main_env.check_equal(other)
    assert [str(g.expr) for g in main_env.guards] == ["Eq(Mod(s93, 3), 0)"]

    # A7: size[0] == 3 on one side.
    main_env, other = new_env(), new_env()
    x = sized(main_env)
    sized(other)
    assert bool(x.size(0) == 3)
    with expect_raises(NotEqualError, "==> replacements: values don't match."):
        main_env.check_equal(other)
    (sym,) = main_env.replacements
    assert str(main_env.var_to_range[sym]) == "VR[3, 3]"

    # A8: size[0] >= 3 on one side.
    main_env, other = new_env(), new_env()
    x = sized(main_env)
    sized(other)
    assert bool(x.size(0) >= 3)
    with expect_raises(NotEqualError, "==> var_to_range: values don't match."):
        main_env.check_equal(other)
    assert [str(g.expr) for g in main_env.guards] == ["s93 >= 3"]
