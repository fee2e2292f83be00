/* And, Or, Not and Piecewise (sympy-core 9), with the relation helpers they
 * use: negated, reversed, reversedsign, could_extract_minus_sign and
 * canonical.
 *
 * negated/reversed/reversedsign build their relation unevaluated, as SymPy's
 * properties do; canonical forms are only compared, never returned to the
 * caller, except through Not (which returns negated(x)). */
#include <stdlib.h>
#include <string.h>

#include "expr/expr.h"

/* ---- relation helpers ------------------------------------------------------ */

static bool has_symbol(const se_expr *e) {
  if (e->kind == SE_K_SYMBOL) return true;
  for (uint32_t i = 0; i < e->nargs; i++)
    if (has_symbol(e->args[i])) return true;
  return false;
}

/* SymPy's is_number: no free symbols, not a boolean. */
static bool is_number_expr(const se_expr *e) {
  return !se__is_boolean(e) && e->kind != SE_K_PIECEWISE && !has_symbol(e);
}

static se_kind negated_kind(se_kind k) {
  switch (k) {
  case SE_K_EQ: return SE_K_NE;
  case SE_K_NE: return SE_K_EQ;
  case SE_K_LT: return SE_K_GE;
  case SE_K_GE: return SE_K_LT;
  case SE_K_LE: return SE_K_GT;
  default: return SE_K_LE; /* GT */
  }
}

/* The kind with its sides swapped (also the kind after negating both
 * sides): Lt <-> Gt, Le <-> Ge, Eq and Ne unchanged. */
static se_kind flipped_kind(se_kind k) {
  switch (k) {
  case SE_K_LT: return SE_K_GT;
  case SE_K_GT: return SE_K_LT;
  case SE_K_LE: return SE_K_GE;
  case SE_K_GE: return SE_K_LE;
  default: return k;
  }
}

static const se_expr *rel_node(se_ctx *ctx, se_kind k, const se_expr *l, const se_expr *r) {
  const se_expr *v[2] = {l, r};
  return se__node(ctx, k, v, 2);
}

static const se_expr *negated(se_ctx *ctx, const se_expr *r) {
  return rel_node(ctx, negated_kind((se_kind)r->kind), r->args[0], r->args[1]);
}

static const se_expr *reversed(se_ctx *ctx, const se_expr *r) {
  return rel_node(ctx, flipped_kind((se_kind)r->kind), r->args[1], r->args[0]);
}

static const se_expr *reversedsign(se_ctx *ctx, const se_expr *r) {
  if (!r) return NULL;
  if (se__is_bool_atom(r->args[0]) || se__is_bool_atom(r->args[1])) return r;
  return rel_node(ctx, flipped_kind((se_kind)r->kind), se__neg(ctx, r->args[0]),
                  se__neg(ctx, r->args[1]));
}

/* SymPy's could_extract_minus_sign. */
static bool cems(se_ctx *ctx, const se_expr *x) {
  if (se__is_num(x)) {
    int s = se__num_sign(x);
    return s == -1;
  }
  if (x->kind == SE_K_MUL) return se__is_num(x->args[0]) && se__num_sign(x->args[0]) == -1;
  if (x->kind == SE_K_ADD) {
    size_t neg = 0;
    for (uint32_t i = 0; i < x->nargs; i++)
      if (cems(ctx, x->args[i])) neg++;
    size_t pos = x->nargs - neg;
    if (pos != neg) return pos < neg;
    const se_expr *nx = se__neg(ctx, x);
    return nx && se__cmp_key(x, nx) < 0;
  }
  return false;
}

/* SymPy's Relational.canonical for arithmetic sides. NULL on failure. */
static const se_expr *canonical(se_ctx *ctx, const se_expr *r) {
  if (!r) return NULL;
  const se_expr *L = r->args[0], *R = r->args[1];
  if (is_number_expr(R)) {
    if (se__is_num(R) && se__is_num(L) && se__num_cmp(L, R) == 1) r = reversed(ctx, r);
  } else if (is_number_expr(L)) {
    r = reversed(ctx, r);
  } else if (se__cmp_ordered(L, R) > 0) {
    r = reversed(ctx, r);
  }
  if (!r) return NULL;
  L = r->args[0];
  R = r->args[1];
  if (se__is_bool_atom(L) || se__is_bool_atom(R)) return r;
  if (cems(ctx, L)) return reversedsign(ctx, r);
  if (!is_number_expr(R) && cems(ctx, R)) {
    const se_expr *nR = se__neg(ctx, R);
    if (!nR) return NULL;
    const se_expr *first = se__cmp_ordered(L, nR) <= 0 ? L : nR;
    if (first != L) return reversedsign(ctx, reversed(ctx, r));
  }
  return r;
}

/* Fails unless e can be an argument of And/Or/Not. */
static bool check_bool(se_ctx *ctx, const char *fn, const se_expr *e) {
  if (se__is_boolean(e)) return true;
  char *t = se_expr_str(ctx, e);
  se__fail(ctx, SE_INVALID, "%s: argument '%s' is not a boolean", fn, t ? t : "?");
  free(t);
  return false;
}

/* Dedupes, sorts into ordered order and builds k (And/Or); empty gives
 * empty_value, one element that element. Frees a. */
static const se_expr *finish(se_ctx *ctx, se_kind k, se__nvec *a, bool empty_value) {
  const se_expr *r = NULL;
  se__nvec u = {0};
  bool ok = true;
  for (size_t i = 0; i < a->n && ok; i++) ok = se__nvec_add(ctx, &u, a->v[i]);
  if (ok) {
    if (u.n == 0)
      r = se__bool(ctx, empty_value);
    else if (u.n == 1)
      r = u.v[0];
    else {
      se__sort(u.v, u.n, se__cmp_ordered);
      r = se__node(ctx, k, u.v, u.n);
    }
  }
  se__nvec_free(&u);
  se__nvec_free(a);
  return r;
}

/* ---- And, Or, Not ----------------------------------------------------------- */

/* SymPy's And(*args) (sympy-core 9): any False gives False, True args are
 * dropped, nested And spliced; relations are walked in ordered order, a
 * repeat of a canonical form is dropped and a canonical complement gives
 * False. No args give True. SE_INVALID for a non-boolean argument; NULL for
 * a NULL argument. */
const se_expr *se__and(se_ctx *ctx, const se_expr *const *args, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!args[i]) return NULL;
  for (size_t i = 0; i < n; i++)
    if (!check_bool(ctx, "And", args[i])) return NULL;
  for (size_t i = 0; i < n; i++)
    if (args[i]->kind == SE_K_FALSE) return args[i];
  se__nvec a = {0}, seen = {0}, out = {0};
  const se_expr *result = NULL;
  bool ok = true;
  for (size_t i = 0; i < n && ok; i++) {
    const se_expr *e = args[i];
    if (e->kind == SE_K_TRUE) continue;
    if (e->kind == SE_K_AND) {
      for (uint32_t j = 0; j < e->nargs && ok; j++) ok = se__nvec_push(ctx, &a, e->args[j]);
    } else {
      ok = se__nvec_push(ctx, &a, e);
    }
  }
  if (!ok) goto done;
  se__sort(a.v, a.n, se__cmp_ordered);
  for (size_t i = 0; i < a.n; i++) {
    const se_expr *x = a.v[i];
    if (se__is_rel(x)) {
      const se_expr *c = canonical(ctx, x);
      if (!c) goto done;
      if (se__nvec_has(&seen, c)) continue;
      const se_expr *nc = canonical(ctx, negated(ctx, c));
      if (!nc) goto done;
      if (se__nvec_has(&seen, nc)) {
        result = se__bool(ctx, false);
        goto done;
      }
      if (!se__nvec_push(ctx, &seen, c)) goto done;
    }
    if (!se__nvec_push(ctx, &out, x)) goto done;
  }
  result = finish(ctx, SE_K_AND, &out, true);
done:
  se__nvec_free(&a);
  se__nvec_free(&seen);
  se__nvec_free(&out);
  return result;
}

/* SymPy's Or(*args) (sympy-core 9): relations are walked in the given order
 * before flattening (a repeat of a canonical form is dropped, a canonical
 * complement gives True); then any True gives True, False args are dropped,
 * nested Or spliced. No args give False. Errors as se__and. */
const se_expr *se__or(se_ctx *ctx, const se_expr *const *args, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!args[i]) return NULL;
  for (size_t i = 0; i < n; i++)
    if (!check_bool(ctx, "Or", args[i])) return NULL;
  se__nvec seen = {0}, kept = {0}, out = {0};
  const se_expr *result = NULL;
  for (size_t i = 0; i < n; i++) {
    const se_expr *x = args[i];
    if (se__is_rel(x)) {
      const se_expr *c = canonical(ctx, x);
      if (!c) goto done;
      if (se__nvec_has(&seen, c)) continue;
      const se_expr *nc = canonical(ctx, negated(ctx, c));
      if (!nc) goto done;
      if (se__nvec_has(&seen, nc)) {
        result = se__bool(ctx, true);
        goto done;
      }
      if (!se__nvec_push(ctx, &seen, c)) goto done;
    }
    if (!se__nvec_push(ctx, &kept, x)) goto done;
  }
  for (size_t i = 0; i < kept.n; i++) {
    const se_expr *x = kept.v[i];
    if (x->kind == SE_K_TRUE) {
      result = x;
      goto done;
    }
    if (x->kind == SE_K_FALSE) continue;
    if (x->kind == SE_K_OR) {
      for (uint32_t j = 0; j < x->nargs; j++)
        if (!se__nvec_push(ctx, &out, x->args[j])) goto done;
    } else if (!se__nvec_push(ctx, &out, x)) {
      goto done;
    }
  }
  result = finish(ctx, SE_K_OR, &out, false);
done:
  se__nvec_free(&seen);
  se__nvec_free(&kept);
  se__nvec_free(&out);
  return result;
}

/* SymPy's Not(x): True/False flip (a Number counts by its truth value), a Not
 * gives its argument, a relation its negation (built unevaluated, as
 * SymPy's negated), an And/Or stays Not(x) (no De Morgan). SE_INVALID for a
 * non-boolean; NULL for NULL. */
const se_expr *se__not(se_ctx *ctx, const se_expr *x) {
  if (!x) return NULL;
  if (se__is_num(x)) return se__bool(ctx, se__num_is_zero(x));
  if (!check_bool(ctx, "Not", x)) return NULL;
  if (x->kind == SE_K_TRUE) return se__bool(ctx, false);
  if (x->kind == SE_K_FALSE) return se__bool(ctx, true);
  if (x->kind == SE_K_NOT) return x->args[0];
  if (se__is_rel(x)) return negated(ctx, x);
  return se__node(ctx, SE_K_NOT, &x, 1);
}

/* ---- Piecewise ---------------------------------------------------------------- */

/* Piecewise((e1, c1), (e2, c2), ...) with args flat (e1, c1, e2, c2, ...),
 * evaluated as SymPy does in the simple cases: a pair whose condition is
 * False is dropped, a condition seen before is dropped, consecutive pairs
 * with the same expression merge their conditions with Or, a relation whose
 * canonical negation was seen becomes True, and the first True condition
 * ends the list. If the first condition left is True the result is its
 * expression. When no pair is left the result is nan, as SymPy's. Fails with
 * SE_INVALID for no arguments, an odd count, or a non-boolean condition.
 * Not done: SymPy's _canonical_coeff rewriting of relations, nested
 * Piecewise expressions, And-condition pruning. */
const se_expr *se__piecewise(se_ctx *ctx, const se_expr *const *args, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!args[i]) return NULL;
  if (n == 0 || n % 2 != 0) {
    se__fail(ctx, SE_INVALID, "Piecewise needs (expr, cond) pairs (%zu args given)", n);
    return NULL;
  }
  for (size_t i = 1; i < n; i += 2)
    if (!check_bool(ctx, "Piecewise", args[i])) return NULL;
  se__nvec out = {0}, seen = {0};
  const se_expr *result = NULL;
  for (size_t i = 0; i < n; i += 2) {
    const se_expr *e = args[i], *c = args[i + 1];
    if (c->kind == SE_K_FALSE) continue;
    if (se__nvec_has(&seen, c)) continue;
    if (se__is_rel(c)) {
      const se_expr *nc = canonical(ctx, negated(ctx, c));
      if (!nc) goto done;
      if (se__nvec_has(&seen, nc)) c = se__bool(ctx, true);
      if (!c) goto done;
    }
    if (!se__nvec_push(ctx, &seen, c)) goto done;
    if (out.n && out.v[out.n - 2] == e) {
      const se_expr *v[2] = {c, out.v[out.n - 1]};
      c = se__or(ctx, v, 2);
      if (!c) goto done;
      out.v[out.n - 1] = c;
    } else if (out.n && out.v[out.n - 1] == c) {
      continue;
    } else if (!se__nvec_push(ctx, &out, e) || !se__nvec_push(ctx, &out, c)) {
      goto done;
    }
    if (c->kind == SE_K_TRUE) break;
  }
  if (out.n == 0)
    result = se__const(ctx, SE_K_NAN);
  else if (out.v[1]->kind == SE_K_TRUE)
    result = out.v[0];
  else
    result = se__node(ctx, SE_K_PIECEWISE, out.v, out.n);
done:
  se__nvec_free(&out);
  se__nvec_free(&seen);
  return result;
}
