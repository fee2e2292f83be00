/* ranges layer: value ranges (PyTorch's ValueRanges) and the range rule of
 * every operation the bound analysis meets (torch-sympy 3).
 *
 * A range is the public se_range value: two borrowed bound nodes (numbers,
 * +-int_oo, +-oo, or True/False) and two flags. Every function here returns
 * a range; on failure the returned range has lo == NULL and the error is
 * recorded in ctx (first error wins). A failed argument range (lo == NULL)
 * gives a failed result without recording anything new, so a chain of range
 * operations needs one check at its end, like the expression builders.
 *
 * Bound arithmetic goes through the expr layer's number functions, so the
 * int_oo rules are the ones the rest of the engine uses. This header is
 * internal: the env layer includes it; the expr layer never does. */
#ifndef SE_RANGES_H
#define SE_RANGES_H

#include "expr/expr.h"

/* The failed range (both bounds NULL). */
static inline se_range se__vr_none(void) {
  se_range r = {NULL, NULL, false, false};
  return r;
}
static inline bool se__vr_ok(se_range r) { return r.lo != NULL && r.hi != NULL; }
/* Neither bool nor int: a float range such as [-oo, oo] or [0.5, 1]. */
static inline bool se__vr_is_float(se_range r) { return !r.is_bool && !r.is_int; }

/* Target types of to_dtype / constant (the few that matter for shapes). */
typedef enum se_dtype {
  SE_DT_BOOL,    /* torch.bool */
  SE_DT_INT64,   /* torch.int64 and the other integer dtypes */
  SE_DT_FLOAT64, /* torch.float64 */
  SE_DT_FLOAT32  /* any other floating dtype */
} se_dtype;

/* ---- construction and helpers ------------------------------------------- */

/* ValueRanges(lo, hi): checks the bounds (numbers other than nan/zoo, or
 * both booleans), the order (SE_RANGE "Invalid ranges [lo:hi]"), widens an
 * Integer lower with upper oo to int_oo (and -oo to -int_oo), sets flags. */
se_range se__vr_make(se_ctx *ctx, const se_expr *lo, const se_expr *hi);
/* [v, v]. */
se_range se__vr_wrap(se_ctx *ctx, const se_expr *v);
se_range se__vr_unknown(se_ctx *ctx);      /* [-oo, oo] */
se_range se__vr_unknown_int(se_ctx *ctx);  /* [-int_oo, int_oo] */
se_range se__vr_unknown_bool(se_ctx *ctx); /* [False, True] */
bool se__vr_is_singleton(se_range r);
/* Structural equality (same bounds and flags). */
bool se__vr_same(se_range a, se_range b);
/* v lies in r (generic order; False < True). False for a failed range or
 * bounds that cannot be compared with v. */
bool se__vr_contains(se_range r, const se_expr *v);
/* a is a subset of b ([NEW]: always true when b is unknown_int). */
bool se__vr_issubset(se_range a, se_range b);
/* Intersection a & b and union a | b (torch-sympy 3.1). */
se_range se__vr_and(se_ctx *ctx, se_range a, se_range b);
se_range se__vr_or(se_ctx *ctx, se_range a, se_range b);
/* A bool range as is; unknown() becomes unknown_bool(); else SE_INVALID. */
se_range se__vr_boolify(se_ctx *ctx, se_range a);

/* ---- the range rule of each operation (torch-sympy 3.2, 3.3) ------------- */

se_range se__vr_constant(se_ctx *ctx, const se_expr *v, se_dtype dt);
se_range se__vr_add(se_ctx *ctx, se_range a, se_range b);
se_range se__vr_sub(se_ctx *ctx, se_range a, se_range b);
se_range se__vr_neg(se_ctx *ctx, se_range a);
se_range se__vr_mul(se_ctx *ctx, se_range a, se_range b);
se_range se__vr_square(se_ctx *ctx, se_range a);
se_range se__vr_truediv(se_ctx *ctx, se_range a, se_range b);
se_range se__vr_int_truediv(se_ctx *ctx, se_range a, se_range b);
se_range se__vr_floordiv(se_ctx *ctx, se_range a, se_range b);
se_range se__vr_mod(se_ctx *ctx, se_range x, se_range y);
se_range se__vr_python_mod(se_ctx *ctx, se_range x, se_range y);
se_range se__vr_modular_indexing(se_ctx *ctx, se_range a, se_range b, se_range c);
se_range se__vr_pow_by_natural(se_ctx *ctx, se_range a, se_range b);
se_range se__vr_pow(se_ctx *ctx, se_range a, se_range b);
se_range se__vr_reciprocal(se_ctx *ctx, se_range a);
se_range se__vr_abs(se_ctx *ctx, se_range a);
se_range se__vr_exp(se_ctx *ctx, se_range a);
se_range se__vr_log(se_ctx *ctx, se_range a);
se_range se__vr_log2(se_ctx *ctx, se_range a);
se_range se__vr_sqrt(se_ctx *ctx, se_range a);
se_range se__vr_minimum(se_ctx *ctx, se_range a, se_range b);
se_range se__vr_maximum(se_ctx *ctx, se_range a, se_range b);
se_range se__vr_floor_to_int(se_ctx *ctx, se_range a);
se_range se__vr_ceil_to_int(se_ctx *ctx, se_range a);
se_range se__vr_trunc_to_int(se_ctx *ctx, se_range a);
se_range se__vr_round_to_int(se_ctx *ctx, se_range a);
se_range se__vr_floor(se_ctx *ctx, se_range a);
se_range se__vr_ceil(se_ctx *ctx, se_range a);
se_range se__vr_trunc(se_ctx *ctx, se_range a);
se_range se__vr_round_decimal(se_ctx *ctx, se_range a, se_range nd);
se_range se__vr_to_dtype(se_ctx *ctx, se_range a, se_dtype dt);
se_range se__vr_identity(se_ctx *ctx, se_range a);
se_range se__vr_eq(se_ctx *ctx, se_range a, se_range b);
se_range se__vr_ne(se_ctx *ctx, se_range a, se_range b);
se_range se__vr_lt(se_ctx *ctx, se_range a, se_range b);
se_range se__vr_le(se_ctx *ctx, se_range a, se_range b);
se_range se__vr_gt(se_ctx *ctx, se_range a, se_range b);
se_range se__vr_ge(se_ctx *ctx, se_range a, se_range b);
se_range se__vr_not(se_ctx *ctx, se_range a);
se_range se__vr_land(se_ctx *ctx, se_range a, se_range b); /* and_ */
se_range se__vr_lor(se_ctx *ctx, se_range a, se_range b);  /* or_ */
se_range se__vr_bitwise_and(se_ctx *ctx, se_range a, se_range b);
se_range se__vr_bitwise_or(se_ctx *ctx, se_range a, se_range b);
se_range se__vr_bitwise_xor(se_ctx *ctx, se_range a, se_range b);
se_range se__vr_where(se_ctx *ctx, se_range c, se_range p, se_range q);
/* Piecewise from n (expression range, condition range) pairs: the union of
 * the expression ranges whose condition can be True; SE_RANGE if none. */
se_range se__vr_piecewise(se_ctx *ctx, const se_range *exprs, const se_range *conds, size_t n);
/* The fixed answers of the opaque trig functions (k an SE_K_OPAQUE_* kind
 * other than sqrt/exp/log/log2): cos, sin [-1.0, 1.0]; cosh [0.0, oo];
 * the rest [-oo, oo]. */
se_range se__vr_opaque(se_ctx *ctx, se_kind k, se_range a);

/* ---- bound analysis ------------------------------------------------------ */

/* Range of a symbol from its assumptions ([NEW] missing-symbol default):
 * integer positive [1, int_oo], integer nonnegative [0, int_oo], integer
 * [-int_oo, int_oo], otherwise [-oo, oo]. */
se_range se__vr_symbol_default(se_ctx *ctx, const se_expr *sym);
/* Looks up a symbol's range; returns false when it has none. */
typedef bool (*se__vr_lookup_fn)(void *ud, const se_expr *sym, se_range *out);
/* bound_sympy(e): the interpreter of torch-sympy 6 over the range rules;
 * symbols come from lookup (may be NULL), else their default. */
se_range se__vr_bound(se_ctx *ctx, const se_expr *e, se__vr_lookup_fn lookup, void *ud);

#endif
