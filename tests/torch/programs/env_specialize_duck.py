"""specialize_zero_one and duck_shape decide guards; a size is truthy without a guard (peer
cases C1, C2, C3)."""

from _common import create_symint, new_env


def main():
    env = new_env(specialize_zero_one=True)
    a = create_symint(env, 5)
    assert a != 1
    assert len(env.guards) == 0

    env = new_env(specialize_zero_one=False)
    a = create_symint(env, 5)
    assert a != 1
    assert len(env.guards) == 1

    env = new_env(duck_shape=True)
    a0 = create_symint(env, 5)
    a1 = create_symint(env, 5)
    assert a0.node.expr == a1.node.expr
    assert a0 == a1
    assert len(env.guards) == 0

    env = new_env(duck_shape=False)
    a0 = create_symint(env, 5, duck=False)
    a1 = create_symint(env, 5, duck=False)
    assert a0.node.expr != a1.node.expr
    assert a0 == a1
    assert len(env.guards) == 1

    env = new_env(duck_shape=True)
    assert bool(create_symint(env, 5))
    assert len(env.guards) == 0
