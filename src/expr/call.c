/* se_expr_call: every kind through its evaluating constructor. The parser,
 * substitution and replay rebuild nodes through here, so a rebuilt node is
 * evaluated exactly as a freshly built one. */
#include "expr/expr.h"

static bool arity_ok(se_ctx *ctx, se_kind k, size_t n, size_t want) {
  if (n == want) return true;
  se__fail(ctx, SE_INVALID, "%s takes %zu argument%s (%zu given)", se_kind_name(k), want,
           want == 1 ? "" : "s", n);
  return false;
}

const se_expr *se__call(se_ctx *ctx, se_kind k, const se_expr *const *args, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!args[i]) return NULL;
  switch (k) {
  case SE_K_INTEGER: case SE_K_RATIONAL: case SE_K_FLOAT: case SE_K_SYMBOL:
    se__fail(ctx, SE_INVALID, "se_expr_call: %s is an atom with a payload",
             se_kind_name(k));
    return NULL;
  case SE_K_INT_OO: case SE_K_NEG_INT_OO: case SE_K_OO: case SE_K_NEG_OO:
  case SE_K_NAN: case SE_K_ZOO: case SE_K_TRUE: case SE_K_FALSE:
    return arity_ok(ctx, k, n, 0) ? se__const(ctx, k) : NULL;
  case SE_K_ADD: return se__add(ctx, args, n);
  case SE_K_MUL: return se__mul(ctx, args, n);
  case SE_K_POW: return arity_ok(ctx, k, n, 2) ? se__pow(ctx, args[0], args[1]) : NULL;
  case SE_K_EQ: case SE_K_NE: case SE_K_LT: case SE_K_LE: case SE_K_GT: case SE_K_GE:
    return arity_ok(ctx, k, n, 2) ? se__rel(ctx, k, args[0], args[1]) : NULL;
  case SE_K_AND: return se__and(ctx, args, n);
  case SE_K_OR: return se__or(ctx, args, n);
  case SE_K_NOT: return arity_ok(ctx, k, n, 1) ? se__not(ctx, args[0]) : NULL;
  case SE_K_MIN: case SE_K_MAX:
    if (n == 0) {
      se__fail(ctx, SE_INVALID, "%s needs at least one argument", se_kind_name(k));
      return NULL;
    }
    return se__minmax(ctx, k, args, n);
  case SE_K_PIECEWISE: return se__piecewise(ctx, args, n);
  default: return se__torchfn(ctx, k, args, n);
  }
}

const se_expr *se_expr_call(se_ctx *ctx, se_kind k, const se_expr *const *args, size_t n) {
  return se__call(ctx, k, args, n);
}
