"""guard_int / int() of a size symbol, one guard and one replacement; a guard survives a deep
copy of the environment (peer cases B1, B2, B24, C4)."""

import copy

from torch.fx.experimental.symbolic_shapes import guard_int

from _common import create_symint, new_env


def main():
    env = new_env()
    a = create_symint(env, 2)
    assert guard_int(a) == 2
    assert str(env.guards[0].expr) == "Eq(s97, 2)"

    env = new_env()
    a = create_symint(env, 2)
    assert int(a) == 2
    assert str(env.guards[0].expr) == "Eq(s97, 2)"
    assert {str(k): str(v) for k, v in env.replacements.items()} == {"s97": "2"}

    env = new_env()
    a = create_symint(env, 2)
    assert bool(a < 4)
    assert len(env.guards) == 1
    assert len(copy.deepcopy(env).guards) == 1
