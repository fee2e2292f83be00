/* Relational constructors Eq, Ne, Lt, Le, Gt, Ge (sympy-core 7.1) with
 * PyTorch's int_oo rules (torch-sympy 1), and the static truth of boolean
 * expressions.
 *
 * Every decision goes through SymPy's is_ge / is_eq: two numbers compare by
 * value; otherwise the difference a - b (built with the ordinary
 * constructors, so it cancels first) is asked for nonnegativity or zero-ness
 * through the fact engine. */
#include <math.h>
#include <stdlib.h>

#include "expr/facts.h"

#define T SE_T_TRUE
#define F SE_T_FALSE
#define U SE_T_UNKNOWN

static se_truth tnot(se_truth a) { return a == U ? U : (a == T ? F : T); }

static se_truth fuzzy_xor(se_truth a, se_truth b) {
  if (a == U || b == U) return U;
  return (a == T) != (b == T) ? T : F;
}

static bool is_ineq(se_kind k) { return k >= SE_K_LT && k <= SE_K_GE; }

/* The decision context: fail is set when building a - b failed (overflow,
 * out of memory), so the builder can report it instead of guessing. */
typedef struct decide {
  se_ctx *ctx;
  bool fail;
} decide;

static const se_expr *diff_of(decide *d, const se_expr *a, const se_expr *b) {
  const se_expr *r = se__sub(d->ctx, a, b);
  if (!r) d->fail = true;
  return r;
}

/* int_oo / -int_oo on the left: the answer ignores the other side except
 * for the infinities it is compared with (torch-sympy 1). */
static se_truth int_oo_left(se_kind k, const se_expr *a, const se_expr *b) {
  if (a->kind == SE_K_INT_OO) {
    bool vs_oo = b->kind == SE_K_OO, vs_self = b->kind == SE_K_INT_OO;
    switch (k) {
    case SE_K_GT: return (vs_oo || vs_self) ? F : T;
    case SE_K_GE: return vs_oo ? F : T;
    case SE_K_LT: return vs_oo ? T : F;
    default: return (vs_oo || vs_self) ? T : F; /* LE */
    }
  }
  bool vs_oo = b->kind == SE_K_NEG_OO, vs_self = b->kind == SE_K_NEG_INT_OO;
  switch (k) {
  case SE_K_GT: return vs_oo ? T : F;
  case SE_K_GE: return (vs_oo || vs_self) ? T : F;
  case SE_K_LT: return (vs_oo || vs_self) ? F : T;
  default: return vs_oo ? F : T; /* LE */
  }
}

/* SymPy's is_ge(a, b). */
static se_truth is_ge(decide *d, const se_expr *a, const se_expr *b) {
  se_ctx *ctx = d->ctx;
  if (se__is_boolean(a) || se__is_boolean(b)) return U;
  if (se__is_num(a) && se__is_num(b)) {
    int c = se__num_cmp(a, b);
    if (c != 2) return c >= 0 ? T : F;
  }
  if (se__fact_ereal(ctx, a) != T || se__fact_ereal(ctx, b) != T) return U;
  if ((se__fact_infinite(ctx, a) == T && se__fact(ctx, a, SE_FACT_POS) == T) ||
      (se__fact_infinite(ctx, b) == T && se__fact(ctx, b, SE_FACT_NEG) == T))
    return T;
  const se_expr *diff = diff_of(d, a, b);
  if (!diff || diff->kind == SE_K_NAN) return U;
  return se__fact(ctx, diff, SE_FACT_NONNEG);
}

/* The numerator check of is_eq for a difference with rational
 * coefficients: n = diff * lcm(denominators), asked for zero-ness. */
static se_truth numerator_zero(decide *d, const se_expr *diff) {
  se_ctx *ctx = d->ctx;
  if (diff->kind != SE_K_ADD) return U;
  int64_t l = 1;
  for (uint32_t i = 0; i < diff->nargs; i++) {
    const se_expr *t = diff->args[i];
    const se_expr *c = t->kind == SE_K_MUL ? t->args[0] : t;
    if (c->kind != SE_K_RATIONAL) continue;
    int64_t g = (int64_t)se__gcd_u64((uint64_t)l, (uint64_t)c->u.q.q);
    if (!se__mul_i64(l / g, c->u.q.q, &l)) return U;
  }
  if (l == 1) return U;
  const se_expr *terms[64];
  if (diff->nargs > 64) return U;
  const se_expr *lv = se__int(ctx, l);
  for (uint32_t i = 0; i < diff->nargs; i++) {
    terms[i] = se__mul2(ctx, diff->args[i], lv);
    if (!terms[i]) return U;
  }
  const se_expr *n = se__add(ctx, terms, diff->nargs);
  if (!n) return U;
  se_truth z = se__fact(ctx, n, SE_FACT_ZERO);
  if (z == T) return T;
  if (z == F && se__fact(ctx, n, SE_FACT_FINITE) == T) return F;
  return U;
}

/* SymPy's is_eq(a, b). */
static se_truth is_eq(decide *d, const se_expr *a, const se_expr *b) {
  se_ctx *ctx = d->ctx;
  if (a->kind == SE_K_NAN || b->kind == SE_K_NAN) return F;
  if (a == b) return T;
  bool ba = se__is_boolean(a), bb = se__is_boolean(b);
  if (se__is_bool_atom(a) && se__is_bool_atom(b)) return F;
  if (a->kind != SE_K_SYMBOL && b->kind != SE_K_SYMBOL && ba != bb) return F;
  if (ba || bb) return U;
  se_truth ia = se__fact_infinite(ctx, a), ib = se__fact_infinite(ctx, b);
  if (ia == T || ib == T) {
    if (fuzzy_xor(ia, ib) == T) return F;
    se_truth ra = se__fact_ereal(ctx, a), rb = se__fact_ereal(ctx, b);
    if (fuzzy_xor(ra, rb) == T) return F;
    if (ra == T && rb == T)
      return fuzzy_xor(se__fact(ctx, a, SE_FACT_POS), tnot(se__fact(ctx, b, SE_FACT_POS)));
    return U;
  }
  if (se__is_num(a) && se__is_num(b)) {
    int c = se__num_cmp(a, b);
    return c == 0 ? T : F;
  }
  const se_expr *diff = diff_of(d, a, b);
  if (!diff) return U;
  se_truth z = se__fact(ctx, diff, SE_FACT_ZERO);
  if (z != U) return z;
  if (diff->kind == SE_K_ADD) {
    /* An integer-valued Float constant against a non-integer rest. */
    for (uint32_t i = 0; i < diff->nargs; i++) {
      const se_expr *c = diff->args[i];
      if (c->kind != SE_K_FLOAT) continue;
      double v = c->u.f;
      /* Integer-valued (tested without converting an out-of-range double). */
      if (v == floor(v) && isfinite(v)) {
        const se_expr *rest = diff_of(d, diff, c);
        if (rest && se__fact(ctx, rest, SE_FACT_INTEGER) == F) return F;
      }
      break;
    }
  }
  return numerator_zero(d, diff);
}

static se_truth decide_rel(decide *d, se_kind k, const se_expr *a, const se_expr *b) {
  if (k == SE_K_EQ) return is_eq(d, a, b);
  if (k == SE_K_NE) return tnot(is_eq(d, a, b));
  if (!is_ineq(k)) return U;
  if (a->kind == SE_K_INT_OO || a->kind == SE_K_NEG_INT_OO) return int_oo_left(k, a, b);
  switch (k) {
  case SE_K_GE: return is_ge(d, a, b);
  case SE_K_LE: return is_ge(d, b, a);
  case SE_K_LT: return tnot(is_ge(d, a, b));
  default: return tnot(is_ge(d, b, a)); /* GT */
  }
}

/* The decision of relation k(a, b) (SymPy 7.1 with torch-sympy 1's int_oo
 * rules) without building it: SE_T_UNKNOWN when undecided, when k is not a
 * relation, when an argument is NULL, or when a side is not comparable
 * (booleans or nan in an inequality). Never records an error. */
se_truth se__rel_truth(se_ctx *ctx, se_kind k, const se_expr *a, const se_expr *b) {
  if (!a || !b) return U;
  if (is_ineq(k) && (a->kind == SE_K_NAN || b->kind == SE_K_NAN)) return U;
  se_status before = se__status(ctx);
  decide d = {ctx, false};
  se_truth t = decide_rel(&d, k, a, b);
  if (before == SE_OK && se__status(ctx) != SE_OK && se__status(ctx) != SE_NOMEM)
    se_clear_error(ctx);
  return t;
}

/* Fails as SymPy's TypeError for an inequality side that is not a real
 * expression; returns false when it did. */
static bool check_ineq_side(se_ctx *ctx, const se_expr *s) {
  if (se__fact_ereal(ctx, s) == F) {
    char *txt = se_expr_str(ctx, s);
    se__fail(ctx, SE_INVALID, "Invalid comparison of non-real %s",
             txt ? txt : se_kind_name((se_kind)s->kind));
    se_free(txt);
    return false;
  }
  if (s->kind == SE_K_NAN) {
    se__fail(ctx, SE_INVALID, "Invalid NaN comparison");
    return false;
  }
  return true;
}

/* Eq/Ne/Lt/Le/Gt/Ge(a, b) evaluated per SymPy 7.1: the True/False singleton
 * when decided, else the unevaluated relation with both sides as given.
 * Fails with SE_INVALID for a kind that is not a relation, for boolean or
 * non-real sides of an inequality ("Can only compare inequalities with
 * Expr", "Invalid NaN comparison"), and with the error of a - b when that
 * difference cannot be built (e.g. SE_OVERFLOW). NULL arguments give NULL. */
const se_expr *se__rel(se_ctx *ctx, se_kind k, const se_expr *a, const se_expr *b) {
  if (!a || !b) return NULL;
  if (k < SE_K_EQ || k > SE_K_GE) {
    se__fail(ctx, SE_INVALID, "se__rel: %s is not a relation", se_kind_name(k));
    return NULL;
  }
  if (is_ineq(k)) {
    if (!check_ineq_side(ctx, a) || !check_ineq_side(ctx, b)) return NULL;
    if (se__is_boolean(a) || se__is_boolean(b)) {
      se__fail(ctx, SE_INVALID, "Can only compare inequalities with Expr");
      return NULL;
    }
  }
  se_status before = se__status(ctx);
  decide d = {ctx, false};
  se_truth t = decide_rel(&d, k, a, b);
  if (d.fail && se__status(ctx) != SE_OK) return NULL;
  if (before == SE_OK && se__status(ctx) != SE_OK && se__status(ctx) != SE_NOMEM)
    se_clear_error(ctx); /* internal temporaries of the fact engine */
  if (t != U) return se__bool(ctx, t == T);
  const se_expr *args[2] = {a, b};
  return se__node(ctx, k, args, 2);
}

/* Static truth of a boolean expression from the assumptions alone: True and
 * False are themselves, a relation is decided as its constructor would
 * decide it, And/Or/Not combine three-valued; anything else (and NULL) is
 * SE_T_UNKNOWN. Never records an error. */
se_truth se_expr_truth(se_ctx *ctx, const se_expr *e) {
  if (!e) return U;
  switch (e->kind) {
  case SE_K_TRUE: return T;
  case SE_K_FALSE: return F;
  case SE_K_EQ: case SE_K_NE: case SE_K_LT: case SE_K_LE: case SE_K_GT: case SE_K_GE:
    return se__rel_truth(ctx, (se_kind)e->kind, e->args[0], e->args[1]);
  case SE_K_AND: case SE_K_OR: {
    bool is_and = e->kind == SE_K_AND, unknown = false;
    for (uint32_t i = 0; i < e->nargs; i++) {
      se_truth t = se_expr_truth(ctx, e->args[i]);
      if (t == U) unknown = true;
      else if ((t == T) != is_and) return t; /* And sees F, Or sees T */
    }
    return unknown ? U : (is_and ? T : F);
  }
  case SE_K_NOT: return tnot(se_expr_truth(ctx, e->args[0]));
  default: return U;
  }
}
