"""FloorDiv axioms re-simplified into CleanDiv once divisibility is known; nested Max
(peer cases C7, C8)."""

import sympy
from torch.fx.experimental.symbolic_shapes import statically_known_true
from torch.utils._sympy.functions import CleanDiv, FloorDiv, Mod

from _common import new_env

TRANSLATION_VALIDATION = True


def main():
    env = new_env()
    a = env.create_unbacked_symint()
    u0 = a.node.expr
    env.guard_or_defer_runtime_assert(sympy.Eq(FloorDiv(u0, 3), 1), " test")
    assert env.evaluate_expr(sympy.Eq(FloorDiv(u0, 3), 1))
    assert env._maybe_evaluate_static(sympy.Eq(CleanDiv(u0, 3), 1)) is None
    env.guard_or_defer_runtime_assert(sympy.Eq(Mod(u0, 3), 0), " test")
    assert env.simplify(sympy.Eq(FloorDiv(u0, 3), 1)) == sympy.Eq(CleanDiv(u0, 3), 1)
    assert env.evaluate_expr(sympy.Eq(FloorDiv(u0, 3), 1))
    assert env.evaluate_expr(sympy.Eq(CleanDiv(u0, 3), 1))

    env = new_env()
    u = env.create_unbacked_symint()
    import torch

    assert statically_known_true(torch.sym_max(1, torch.sym_max(257, u)) == torch.sym_max(257, u))
