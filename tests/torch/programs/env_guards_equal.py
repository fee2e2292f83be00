"""Shape arithmetic that needs no guard, counted in free symbols (peer case B21)."""

import torch

from _common import fake, fake_mode, new_env


def free_symbols(env):
    return len([s for s in env.backed_var_to_val if s not in env.replacements])


def run(fn, *shapes):
    env = new_env()
    mode = fake_mode(env)
    args = [fake(env, mode, torch.randn(*s), f"a{i}") for i, s in enumerate(shapes)]
    with mode:
        fn(*args)
    assert not env.get_nontrivial_guards(), env.get_nontrivial_guards()
    return free_symbols(env)


def chain(*vs):
    x = vs[0]
    for i in range(1, len(vs) - 1):
        x = torch.cat([x, vs[i]]) + vs[i + 1]
    return x


def main():
    mul = lambda a, b: a * b  # noqa: E731
    assert run(mul, (5, 6), (5, 6)) == 2
    assert run(mul, (5, 6, 7), (5, 6, 7)) == 3
    assert run(mul, (5, 1), (1, 6)) == 2
    assert run(lambda a, b, c, d: (a + b) + torch.cat([c, d]), (7,), (7,), (4,), (3,)) == 2
    assert run(chain, (2,), (2,), (4,), (8,), (16,)) >= 1
    assert run(lambda a, b: a.view(b.shape[0]) + b.sum(), (4, 2), (8,)) == 2
    assert run(lambda a, b: a.view(b.shape[0]) + b.sum(), (4, 2), (8, 5)) == 3
    assert run(lambda a, b: a.view(b.shape[0]) + b.sum(), (2, 3, 4), (24,)) == 3
