/* TEMPORARY weak stand-ins so modules can be linked and tested while
 * others are being written; every strong definition overrides its stand-in.
 * This file is removed once all modules exist. */
#include "expr/expr.h"

#pragma GCC diagnostic ignored "-Wunused-parameter"
#define WEAK __attribute__((weak))

WEAK const se_expr *se__num_add(se_ctx *ctx, const se_expr *a, const se_expr *b) {se__fail(ctx, SE_UNSUPPORTED, "%s not yet available", "se__num_add"); return NULL;}
WEAK const se_expr *se__num_mul(se_ctx *ctx, const se_expr *a, const se_expr *b) {se__fail(ctx, SE_UNSUPPORTED, "%s not yet available", "se__num_mul"); return NULL;}
WEAK const se_expr *se__num_neg(se_ctx *ctx, const se_expr *a) {se__fail(ctx, SE_UNSUPPORTED, "%s not yet available", "se__num_neg"); return NULL;}
WEAK const se_expr *se__num_pow(se_ctx *ctx, const se_expr *a, const se_expr *n) {se__fail(ctx, SE_UNSUPPORTED, "%s not yet available", "se__num_pow"); return NULL;}
WEAK const se_expr *se__num_div(se_ctx *ctx, const se_expr *a, const se_expr *b) {se__fail(ctx, SE_UNSUPPORTED, "%s not yet available", "se__num_div"); return NULL;}
WEAK int se__num_cmp(const se_expr *a, const se_expr *b) {return 0;}
WEAK int se__num_sign(const se_expr *a) {return 0;}
WEAK double se__num_double(const se_expr *a) {return 0.0;}
WEAK bool se__num_is_zero(const se_expr *a) {return false;}
WEAK bool se__num_is_one(const se_expr *a) {return false;}
WEAK const se_expr *se__add(se_ctx *ctx, const se_expr *const *args, size_t n) {se__fail(ctx, SE_UNSUPPORTED, "%s not yet available", "se__add"); return NULL;}
WEAK const se_expr *se__mul(se_ctx *ctx, const se_expr *const *args, size_t n) {se__fail(ctx, SE_UNSUPPORTED, "%s not yet available", "se__mul"); return NULL;}
WEAK const se_expr *se__pow(se_ctx *ctx, const se_expr *b, const se_expr *e) {se__fail(ctx, SE_UNSUPPORTED, "%s not yet available", "se__pow"); return NULL;}
WEAK const se_expr *se__neg(se_ctx *ctx, const se_expr *x) {se__fail(ctx, SE_UNSUPPORTED, "%s not yet available", "se__neg"); return NULL;}
WEAK void se__as_coeff_mul(se_ctx *ctx, const se_expr *t, const se_expr **c, const se_expr **m) {}
WEAK void se__as_coeff_add(se_ctx *ctx, const se_expr *t, const se_expr **c, const se_expr **rest) {}
WEAK int se__cmp_key(const se_expr *a, const se_expr *b) {return 0;}
WEAK int se__cmp_ordered(const se_expr *a, const se_expr *b) {return 0;}
WEAK void se__sort(const se_expr **v, size_t n, int (*cmp)(const se_expr *, const se_expr *)) {}
WEAK void se__str(se_buf *b, const se_expr *e, bool top) {}
WEAK int se__prec(const se_expr *e) {return 0;}
WEAK void se__add_print_order(const se_expr *add, const se_expr **out) {}
WEAK se_truth se__fact(se_ctx *ctx, const se_expr *e, se_fact f) {return SE_T_UNKNOWN;}
WEAK const se_expr *se__ms(se_ctx *ctx, const se_expr *e) {se__fail(ctx, SE_UNSUPPORTED, "%s not yet available", "se__ms"); return NULL;}
WEAK const se_expr *se__rel(se_ctx *ctx, se_kind k, const se_expr *a, const se_expr *b) {se__fail(ctx, SE_UNSUPPORTED, "%s not yet available", "se__rel"); return NULL;}
WEAK se_truth se__rel_truth(se_ctx *ctx, se_kind k, const se_expr *a, const se_expr *b) {return SE_T_UNKNOWN;}
WEAK const se_expr *se__minmax(se_ctx *ctx, se_kind k, const se_expr *const *args, size_t n) {se__fail(ctx, SE_UNSUPPORTED, "%s not yet available", "se__minmax"); return NULL;}
WEAK const se_expr *se__minmax_flavour(se_ctx *ctx, se_kind k, const se_expr *const *args, size_t n, bool torch) {se__fail(ctx, SE_UNSUPPORTED, "%s not yet available", "se__minmax_flavour"); return NULL;}
WEAK const se_expr *se__minmax_uneval(se_ctx *ctx, se_kind k, const se_expr *const *args, size_t n) {se__fail(ctx, SE_UNSUPPORTED, "%s not yet available", "se__minmax_uneval"); return NULL;}
WEAK const se_expr *se__factor_terms(se_ctx *ctx, const se_expr *e) {se__fail(ctx, SE_UNSUPPORTED, "%s not yet available", "se__factor_terms"); return NULL;}
WEAK const se_expr *se__and(se_ctx *ctx, const se_expr *const *args, size_t n) {se__fail(ctx, SE_UNSUPPORTED, "%s not yet available", "se__and"); return NULL;}
WEAK const se_expr *se__or(se_ctx *ctx, const se_expr *const *args, size_t n) {se__fail(ctx, SE_UNSUPPORTED, "%s not yet available", "se__or"); return NULL;}
WEAK const se_expr *se__not(se_ctx *ctx, const se_expr *x) {se__fail(ctx, SE_UNSUPPORTED, "%s not yet available", "se__not"); return NULL;}
WEAK const se_expr *se__piecewise(se_ctx *ctx, const se_expr *const *args, size_t n) {se__fail(ctx, SE_UNSUPPORTED, "%s not yet available", "se__piecewise"); return NULL;}
WEAK const se_expr *se__torchfn(se_ctx *ctx, se_kind k, const se_expr *const *args, size_t n) {se__fail(ctx, SE_UNSUPPORTED, "%s not yet available", "se__torchfn"); return NULL;}
WEAK const se_expr *se_expr_add(se_ctx *ctx, const se_expr *a, const se_expr *b) {return se__add2(ctx, a, b);}
WEAK const se_expr *se_expr_sub(se_ctx *ctx, const se_expr *a, const se_expr *b) {return se__sub(ctx, a, b);}
WEAK const se_expr *se_expr_mul(se_ctx *ctx, const se_expr *a, const se_expr *b) {return se__mul2(ctx, a, b);}
WEAK const se_expr *se_expr_neg(se_ctx *ctx, const se_expr *a) {return se__neg(ctx, a);}
WEAK const se_expr *se_expr_div(se_ctx *ctx, const se_expr *a, const se_expr *b) {se__fail(ctx, SE_UNSUPPORTED, "not yet available"); return NULL;}
WEAK const se_expr *se_expr_pow(se_ctx *ctx, const se_expr *b, const se_expr *e) {return se__pow(ctx, b, e);}
WEAK char *se_expr_str(se_ctx *ctx, const se_expr *e) {se__fail(ctx, SE_UNSUPPORTED, "not yet available"); return NULL;}
WEAK char *se_expr_python(se_ctx *ctx, const se_expr *e, se_symbol_text_fn hook, void *ud) {se__fail(ctx, SE_UNSUPPORTED, "not yet available"); return NULL;}
WEAK const se_expr *se_parse(se_ctx *ctx, const char *text, size_t len) {se__fail(ctx, SE_UNSUPPORTED, "not yet available"); return NULL;}
WEAK const se_expr *se_expr_subs(se_ctx *ctx, const se_expr *e, const se_expr *const *syms, const se_expr *const *vals, size_t n) {se__fail(ctx, SE_UNSUPPORTED, "not yet available"); return NULL;}
WEAK size_t se_expr_free_symbols(se_ctx *ctx, const se_expr *e, const se_expr ***out) {se__fail(ctx, SE_UNSUPPORTED, "not yet available"); return SIZE_MAX;}
WEAK const se_expr *se_expr_expand(se_ctx *ctx, const se_expr *e) {se__fail(ctx, SE_UNSUPPORTED, "not yet available"); return NULL;}
WEAK se_truth se_expr_truth(se_ctx *ctx, const se_expr *e) {return SE_T_UNKNOWN;}
WEAK se_status se_try_solve(se_ctx *ctx, const se_expr *e, const se_expr *thing, bool floordiv_inequality, const se_expr **rel, const se_expr **rhs) {return se__fail(ctx, SE_UNSUPPORTED, "not yet available");}
