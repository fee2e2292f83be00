/* facts.c internals shared with rel.c (not part of the expr.h contract). */
#ifndef SE_FACTS_H
#define SE_FACTS_H

#include "expr/expr.h"

/* SymPy's is_extended_real of e (real, or +-oo): the precondition of every
 * inequality. Cached on the node like the other facts; never fails. */
se_truth se__fact_ereal(se_ctx *ctx, const se_expr *e);

/* SymPy's is_infinite of e (oo, -oo, zoo and expressions known to be
 * unbounded); int_oo is finite (torch-sympy 1). Never fails. */
se_truth se__fact_infinite(se_ctx *ctx, const se_expr *e);

#endif
