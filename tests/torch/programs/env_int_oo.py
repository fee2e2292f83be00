"""int_oo arithmetic and value ranges, then the same bounds inside an environment: a size's
range refined from [2, int_oo] by guards (peer case C27)."""

import sys

import sympy
from torch.utils._sympy.numbers import int_oo
from torch.utils._sympy.value_ranges import SymPyValueRangeAnalysis, ValueRanges

from _common import create_symint, new_env

TRANSLATION_VALIDATION = True


def main():
    assert int_oo + int_oo is int_oo and int_oo + 1 is int_oo and int_oo - 1 is int_oo
    assert int_oo * 2 is int_oo and (-1) * -int_oo is int_oo and abs(-int_oo) is int_oo
    assert int_oo**2 is int_oo and -int_oo - 1 is -int_oo
    assert int_oo / 2 == sympy.oo and int_oo**-1 == 0 and int_oo != 2
    assert int_oo >= sys.maxsize and float(int_oo) == float("inf")
    assert int_oo < sympy.oo and -int_oo > -sympy.oo and min(-int_oo, -4) is -int_oo
    assert SymPyValueRangeAnalysis.mul(ValueRanges.wrap(0), ValueRanges.unknown()) == ValueRanges.wrap(0)

    env = new_env()
    s = create_symint(env, 10)
    sym = s.node.expr
    assert str(env.var_to_range[sym]) == "VR[2, int_oo]"
    assert s >= 4
    assert s < 100
    assert str(env.var_to_range[sym]) == "VR[4, 99]"
    assert str(env.bound_sympy(2 * sym + 1)) == "VR[9, 199]"
    u = env.create_unbacked_symint()
    env._constrain_range(u.node.expr, 0, 10)
    assert str(env.var_to_range[u.node.expr]) == "VR[0, 10]"
