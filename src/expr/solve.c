/* try_solve: isolate a sub-expression on the left of a relation
 * (torch-sympy 4).
 *
 * Each isolation step moves the additive terms free of `thing` to the
 * right, divides both sides by the factors free of `thing` when the sign
 * of the divisor is known (an inequality flips for a negative one; Eq/Ne
 * never divide a zero right side), and optionally rewrites
 * FloorDiv(n, d) OP c with d > 0 and integer c into relations on n. */
#include <stdlib.h>

#include "expr/expr.h"

enum { SOLVE_TRIALS = 5 };

/* Eq->Eq, Ne->Ne, Ge->Le, Gt->Lt, Le->Ge, Lt->Gt. */
static se_kind mirror_kind(se_kind k) {
  switch (k) {
  case SE_K_GE: return SE_K_LE;
  case SE_K_GT: return SE_K_LT;
  case SE_K_LE: return SE_K_GE;
  case SE_K_LT: return SE_K_GT;
  default: return k;
  }
}

static bool is_inequality(se_kind k) {
  return k == SE_K_GT || k == SE_K_GE || k == SE_K_LT || k == SE_K_LE;
}

/* Every argument of the Add/Mul thing is an argument of e, of the same
 * kind: SymPy's has() matches sub-sums and sub-products this way. */
static bool args_subset(const se_expr *thing, const se_expr *e) {
  if (e->kind != thing->kind) return false;
  for (size_t i = 0; i < thing->nargs; i++) {
    bool found = false;
    for (size_t j = 0; j < e->nargs && !found; j++) found = e->args[j] == thing->args[i];
    if (!found) return false;
  }
  return true;
}

/* e contains thing (SymPy's has for one pattern). */
static bool has(const se_expr *e, const se_expr *thing) {
  if (e == thing) return true;
  if ((thing->kind == SE_K_ADD || thing->kind == SE_K_MUL) && args_subset(thing, e))
    return true;
  for (size_t i = 0; i < e->nargs; i++)
    if (has(e->args[i], thing)) return true;
  return false;
}

/* The args of e (an Add or Mul) that do not contain thing, combined with
 * the same operation; the operation's identity when there are none. */
static const se_expr *free_part(se_ctx *ctx, const se_expr *e, const se_expr *thing) {
  size_t n = e->nargs, m = 0;
  const se_expr **v = malloc((n ? n : 1) * sizeof *v);
  if (!v) {
    se__fail(ctx, SE_NOMEM, "out of memory in try_solve");
    return NULL;
  }
  for (size_t i = 0; i < n; i++)
    if (!has(e->args[i], thing)) v[m++] = e->args[i];
  const se_expr *r;
  if (e->kind == SE_K_ADD)
    r = m ? se__add(ctx, v, m) : se__int(ctx, 0);
  else
    r = m ? se__mul(ctx, v, m) : se__int(ctx, 1);
  free(v);
  return r;
}

/* The FloorDiv rewrite of step (c); NULL when it does not apply (and no
 * error is recorded) or on failure. */
static const se_expr *floordiv_rewrite(se_ctx *ctx, const se_expr *e) {
  const se_expr *l = e->args[0], *c = e->args[1];
  if (l->kind != SE_K_FLOORDIV && l->kind != SE_K_CLEANDIV) return NULL;
  if (se__fact(ctx, l->args[1], SE_FACT_POS) != SE_T_TRUE) return NULL;
  if (se__fact(ctx, c, SE_FACT_INTEGER) != SE_T_TRUE) return NULL;
  const se_expr *n = l->args[0], *d = l->args[1];
  const se_expr *c1 = se__add2(ctx, c, se__int(ctx, 1));
  const se_expr *lo = se__mul2(ctx, c, d);   /* c*d */
  const se_expr *hi = se__mul2(ctx, c1, d);  /* (c+1)*d */
  switch ((se_kind)e->kind) {
  case SE_K_EQ: {
    const se_expr *v[2] = {se__rel(ctx, SE_K_GE, n, lo), se__rel(ctx, SE_K_LT, n, hi)};
    return v[0] && v[1] ? se__and(ctx, v, 2) : NULL;
  }
  case SE_K_NE: {
    const se_expr *v[2] = {se__rel(ctx, SE_K_LT, n, lo), se__rel(ctx, SE_K_GE, n, hi)};
    return v[0] && v[1] ? se__or(ctx, v, 2) : NULL;
  }
  case SE_K_GE: return se__rel(ctx, SE_K_GE, n, lo);
  case SE_K_GT: return se__rel(ctx, SE_K_GE, n, hi);
  case SE_K_LT: return se__rel(ctx, SE_K_LT, n, lo);
  case SE_K_LE: return se__rel(ctx, SE_K_LT, n, hi);
  default: return NULL;
  }
}

/* One isolation step; returns e itself when nothing applies, NULL on
 * failure. */
static const se_expr *isolate_step(se_ctx *ctx, const se_expr *e, const se_expr *thing,
                                   bool floordiv_inequality) {
  if (se__is_rel(e)) {
    se_kind k = (se_kind)e->kind;
    const se_expr *l = e->args[0];
    const se_expr *c = l->kind == SE_K_ADD ? free_part(ctx, l, thing) : se__int(ctx, 0);
    if (!c) return NULL;
    e = se__rel(ctx, k, se__sub(ctx, l, c), se__sub(ctx, e->args[1], c));
    if (!e) return NULL;
  }
  if (se__is_rel(e) && e->args[0]->kind == SE_K_MUL) {
    se_kind k = (se_kind)e->kind;
    const se_expr *l = e->args[0], *r = e->args[1];
    const se_expr *other = free_part(ctx, l, thing);
    if (!other) return NULL;
    bool ineq = is_inequality(k);
    se_truth neg = se__fact(ctx, other, SE_FACT_NEG);
    bool skip = ineq ? neg == SE_T_UNKNOWN : se__fact(ctx, r, SE_FACT_ZERO) == SE_T_TRUE;
    if (!skip) {
      const se_expr *inv = se__pow(ctx, other, se__int(ctx, -1));
      l = se__mul2(ctx, l, inv);
      r = se__mul2(ctx, r, inv);
      if (ineq && neg == SE_T_TRUE) k = mirror_kind(k);
      e = se__rel(ctx, k, l, r);
      if (!e) return NULL;
    }
  }
  if (floordiv_inequality && se__is_rel(e)) {
    se_status before = se__status(ctx);
    const se_expr *f = floordiv_rewrite(ctx, e);
    if (f) return f;
    if (se__status(ctx) != before) return NULL;
  }
  return e;
}

/* The recorded failure (a builder that returned NULL has recorded one). */
static se_status failed(const se_ctx *ctx) {
  se_status st = se__status(ctx);
  return st == SE_OK ? SE_INVALID : st;
}

/* se_try_solve: see shapeenv.h. *rel and *rhs are borrowed from ctx and
 * set only on SE_OK. SE_NOTFOUND (nothing recorded) when thing cannot be
 * isolated; another status (recorded) on failure. */
se_status se_try_solve(se_ctx *ctx, const se_expr *e, const se_expr *thing,
                       bool floordiv_inequality, const se_expr **rel, const se_expr **rhs) {
  if (!e || !thing) return se__fail(ctx, SE_INVALID, "se_try_solve: NULL argument");
  if (!se__is_rel(e)) return SE_NOTFOUND;
  bool lhs_has = has(e->args[0], thing), rhs_has = has(e->args[1], thing);
  if (lhs_has && rhs_has) return SE_NOTFOUND;
  const se_expr *cand[2];
  size_t nc = 0;
  if (lhs_has) cand[nc++] = e;
  if (rhs_has) {
    const se_expr *m = se__rel(ctx, mirror_kind((se_kind)e->kind), e->args[1], e->args[0]);
    if (!m) return failed(ctx);
    cand[nc++] = m;
  }
  for (size_t i = 0; i < nc; i++) {
    const se_expr *cur = cand[i];
    if (!se__is_rel(cur)) continue; /* evaluated to True/False: nothing to isolate */
    for (int t = 0; t < SOLVE_TRIALS; t++) {
      const se_expr *next = isolate_step(ctx, cur, thing, floordiv_inequality);
      if (!next) return failed(ctx);
      if (next == cur) break;
      cur = next;
    }
    if (se__is_rel(cur) && cur->args[0] == thing) {
      if (rel) *rel = cur;
      if (rhs) *rhs = cur->args[1];
      return SE_OK;
    }
  }
  return SE_NOTFOUND;
}
