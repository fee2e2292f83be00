"""Guards over int inputs turned into one Python expression and evaluated, with a float
constant and a float division (peer cases B10, B11, B12)."""

import torch
from torch.fx.experimental.symbolic_shapes import guard_bool, guard_int

from _common import create_symint, new_env


def main():
    env = new_env()
    s0 = create_symint(env, 6)
    create_symint(env, 7)
    create_symint(env, 5)
    guard_int(torch.sym_int(s0 > 5))
    guard_int(torch.sym_int(s0 < 7))
    code = env.produce_guards_expression([s0])
    assert env.evaluate_guards_expression(code, [6])
    assert not env.evaluate_guards_expression(code, [7])
    assert not env.evaluate_guards_expression(code, [5])

    env = new_env()
    s0 = create_symint(env, 3)
    guard_bool(2 / s0 == 2 / 3)
    code = env.produce_guards_expression([s0])
    assert env.evaluate_guards_expression(code, [3])

    env = new_env()
    s0 = create_symint(env, 8)
    create_symint(env, 7)
    guard_int(torch.sym_int(s0 / 2.0))
    code = env.produce_guards_expression([s0])
    assert "math.trunc(" in code and "float(" in code
    assert env.evaluate_guards_expression(code, [8])
    assert not env.evaluate_guards_expression(code, [7])
