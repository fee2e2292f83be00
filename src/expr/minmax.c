/* Min and Max in two flavours, and the factor_terms they use.
 *
 * SymPy flavour (sympy-core 8): filter, collapse (numeric pruning,
 * absorption, factoring), then local extremes by pairwise comparison (conn).
 * PyTorch flavour (torch-sympy 2.12): the same filter and collapse, then the
 * numbers are folded into one and only 0 and 1 against a single symbolic
 * argument are special; no pairwise comparison.
 *
 * Argument lists are short-lived malloc'd vectors; the nodes themselves live
 * in the context. Sets are vectors in insertion order (pointer equality is
 * structural equality), so the result never depends on hash order. */
#include <stdlib.h>
#include <string.h>

#include "expr/expr.h"

/* ---- small vectors of nodes (se__nvec, nodevec.c) ------------------------ */

static void vec_remove(se__nvec *a, const se_expr *e) {
  for (size_t i = 0; i < a->n; i++) {
    if (a->v[i] != e) continue;
    memmove(a->v + i, a->v + i + 1, (a->n - i - 1) * sizeof *a->v);
    a->n--;
    return;
  }
}

/* ---- helpers -------------------------------------------------------------- */

static bool is_minmax(const se_expr *e) {
  return e->kind == SE_K_MIN || e->kind == SE_K_MAX;
}

static se_kind other_of(se_kind k) { return k == SE_K_MAX ? SE_K_MIN : SE_K_MAX; }

/* Max's zero is oo and its identity -oo; Min's the reverse. */
static const se_expr *zero_of(se_ctx *ctx, se_kind k) {
  return se__const(ctx, k == SE_K_MAX ? SE_K_OO : SE_K_NEG_OO);
}
static const se_expr *identity_of(se_ctx *ctx, se_kind k) {
  return se__const(ctx, k == SE_K_MAX ? SE_K_NEG_OO : SE_K_OO);
}

static bool has_symbol(const se_expr *e) {
  if (e->kind == SE_K_SYMBOL) return true;
  for (uint32_t i = 0; i < e->nargs; i++)
    if (has_symbol(e->args[i])) return true;
  return false;
}

/* SymPy's is_number: an expression without free symbols (an unevaluated
 * Max(3, 4) counts), never a boolean. */
static bool is_number_expr(const se_expr *e) {
  return !se__is_boolean(e) && e->kind != SE_K_PIECEWISE && !has_symbol(e);
}

/* SymPy's is_comparable, as far as this domain needs it. */
static bool is_comparable(const se_expr *e) {
  return is_number_expr(e) && e->kind != SE_K_NAN && e->kind != SE_K_ZOO;
}

/* The decision of k(a, b) (k one of LT, GT): exact for two numbers, the
 * relational engine otherwise. */
static se_truth decide(se_ctx *ctx, se_kind k, const se_expr *a, const se_expr *b) {
  if (se__is_num(a) && se__is_num(b)) {
    int c = se__num_cmp(a, b);
    if (c == 2) return SE_T_UNKNOWN;
    if (k == SE_K_LT) return c < 0 ? SE_T_TRUE : SE_T_FALSE;
    if (k == SE_K_GT) return c > 0 ? SE_T_TRUE : SE_T_FALSE;
  }
  return se__rel_truth(ctx, k, a, b);
}

/* Sorts into ordered order, removes duplicates, and makes the node: the
 * identity when empty, the element when single. Frees a. */
static const se_expr *finish(se_ctx *ctx, se_kind k, se__nvec *a) {
  const se_expr *r = NULL;
  se__nvec u = {0};
  bool ok = true;
  for (size_t i = 0; i < a->n && ok; i++) ok = se__nvec_add(ctx, &u, a->v[i]);
  if (ok) {
    if (u.n == 0)
      r = identity_of(ctx, k);
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

/* Unevaluated Min/Max of the elements of a (which is freed). */
static const se_expr *uneval_vec(se_ctx *ctx, se_kind k, se__nvec *a) { return finish(ctx, k, a); }

/* Min/Max(*args, evaluate=False) (sympy-core 8.3): duplicates removed, one
 * argument returns it, none the identity; args stored in ordered order.
 * Returns NULL (error recorded) on failure or a NULL argument. */
const se_expr *se__minmax_uneval(se_ctx *ctx, se_kind k, const se_expr *const *args,
                                 size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!args[i]) return NULL;
  if (k != SE_K_MIN && k != SE_K_MAX) {
    se__fail(ctx, SE_INVALID, "se__minmax_uneval: %s is not Min or Max", se_kind_name(k));
    return NULL;
  }
  se__nvec a = {0};
  for (size_t i = 0; i < n; i++)
    if (!se__nvec_push(ctx, &a, args[i])) {
      se__nvec_free(&a);
      return NULL;
    }
  return finish(ctx, k, &a);
}

/* ---- step 1: the filter --------------------------------------------------- */

/* Fails unless e may be a Min/Max argument: an expression, and a comparable
 * one if it is a number. */
static bool check_arg(se_ctx *ctx, const se_expr *e) {
  if (!se__is_boolean(e) && e->kind != SE_K_PIECEWISE &&
      !(is_number_expr(e) && !is_comparable(e)))
    return true;
  char *t = se_expr_str(ctx, e);
  se__fail(ctx, SE_INVALID, "The argument '%s' is not comparable.", t ? t : "?");
  free(t);
  return false;
}

/* ---- step 3a: PyTorch's unique-summation fast path ------------------------ */

/* An Add of exactly two distinct symbols. */
static bool binary_symbol_sum(const se_expr *e) {
  return e->kind == SE_K_ADD && e->nargs == 2 && e->args[0]->kind == SE_K_SYMBOL &&
         e->args[1]->kind == SE_K_SYMBOL && e->args[0] != e->args[1];
}

/* Adds the symbols of a binary sum to seen; false when one was there. */
static bool take_symbols(se_ctx *ctx, se__nvec *seen, const se_expr *sum) {
  for (uint32_t i = 0; i < 2; i++) {
    if (se__nvec_has(seen, sum->args[i])) return false;
    if (!se__nvec_push(ctx, seen, sum->args[i])) return false;
  }
  return true;
}

/* Whether m is a Min/Max the fast path would have built: every argument a
 * binary symbol sum or such a Min/Max, no symbol used twice. PyTorch stores
 * the symbol set on the node; we recompute it from the structure, so no
 * shared state is ever mutated (the copy semantics of torch-sympy O4). */
static bool carries_unique_set(se_ctx *ctx, se__nvec *seen, const se_expr *m) {
  if (!is_minmax(m)) return false;
  for (uint32_t i = 0; i < m->nargs; i++) {
    const se_expr *a = m->args[i];
    if (binary_symbol_sum(a)) {
      if (!take_symbols(ctx, seen, a)) return false;
    } else if (!carries_unique_set(ctx, seen, a)) {
      return false;
    }
  }
  return true;
}

/* PyTorch's fast path test on the raw arguments. When it holds, the collapse
 * and local-zero steps would return their input unchanged (no numbers, no
 * shared arguments), so skipping them only saves time. */
static bool unique_summation(se_ctx *ctx, const se_expr *const *args, size_t n) {
  if (n != 2) return false;
  const se_expr *lhs = args[0], *rhs = args[1];
  if (is_minmax(args[1])) {
    lhs = args[1];
    rhs = args[0];
  }
  if (!binary_symbol_sum(rhs)) return false;
  se__nvec seen = {0};
  bool ok = false;
  if (binary_symbol_sum(lhs))
    ok = take_symbols(ctx, &seen, lhs) && take_symbols(ctx, &seen, rhs);
  else if (is_minmax(lhs))
    ok = carries_unique_set(ctx, &seen, lhs) && take_symbols(ctx, &seen, rhs);
  se__nvec_free(&seen);
  return ok;
}

/* ---- step 3b: SymPy's _collapse_arguments --------------------------------- */

/* Lowers *small by the first arg of every Min and raises *big by the first
 * arg of every Max reachable from e through Min/Max nodes. */
static void walk_bounds(se_ctx *ctx, const se_expr *e, const se_expr **small,
                        const se_expr **big) {
  if (!is_minmax(e)) return;
  const se_expr *a0 = e->args[0];
  if (is_comparable(a0)) {
    if (e->kind == SE_K_MIN) {
      if (decide(ctx, SE_K_LT, a0, *small) == SE_T_TRUE) *small = a0;
    } else {
      if (decide(ctx, SE_K_GT, a0, *big) == SE_T_TRUE) *big = a0;
    }
  }
  for (uint32_t i = 0; i < e->nargs; i++) walk_bounds(ctx, e->args[i], small, big);
}

/* Numeric pruning: arguments of the other class whose first arg is beaten
 * by the extreme number become the identity. */
static void prune_numeric(se_ctx *ctx, se_kind k, se__nvec *a) {
  const se_expr *small = se__const(ctx, SE_K_OO), *big = se__const(ctx, SE_K_NEG_OO);
  if (!small || !big) return;
  const se_expr *inf_small = small, *inf_big = big;
  for (size_t i = 0; i < a->n; i++) walk_bounds(ctx, a->v[i], &small, &big);
  const se_expr *T = NULL;
  if (k == SE_K_MIN) {
    for (size_t i = 0; i < a->n && is_number_expr(a->v[i]); i++)
      if (decide(ctx, SE_K_LT, a->v[i], small) == SE_T_TRUE) small = a->v[i];
    if (small != inf_small) T = small;
  } else {
    for (size_t i = 0; i < a->n && is_number_expr(a->v[i]); i++)
      if (decide(ctx, SE_K_GT, a->v[i], big) == SE_T_TRUE) big = a->v[i];
    if (big != inf_big) T = big;
  }
  if (!T) return;
  se_kind other = other_of(k);
  const se_expr *ident = identity_of(ctx, k);
  for (size_t i = 0; i < a->n; i++) {
    if (a->v[i]->kind != other) continue;
    const se_expr *a0 = a->v[i]->args[0];
    if (decide(ctx, other == SE_K_MAX ? SE_K_GT : SE_K_LT, a0, T) == SE_T_TRUE)
      a->v[i] = ident;
  }
}

/* Absorption of a into ai (SymPy's "remove redundant symbolic args"):
 * an opposite node containing a becomes a; a same-class node drops a; other
 * Min/Max nodes are rebuilt (unevaluated) with the rule applied inside. */
static const se_expr *absorb(se_ctx *ctx, se_kind cls, const se_expr *ai,
                             const se_expr *a) {
  if (!is_minmax(ai)) return ai;
  bool contains = false;
  for (uint32_t i = 0; i < ai->nargs; i++)
    if (ai->args[i] == a) contains = true;
  if (contains && ai->kind != cls) return a;
  se__nvec sub = {0};
  for (uint32_t i = 0; i < ai->nargs; i++) {
    if (contains && ai->args[i] == a) continue;
    if (!se__nvec_push(ctx, &sub, absorb(ctx, cls, ai->args[i], a))) {
      se__nvec_free(&sub);
      return NULL;
    }
  }
  return uneval_vec(ctx, (se_kind)ai->kind, &sub);
}

/* Factoring the args common to every opposite-class argument:
 * Max(Min(x, y), Min(x, z)) -> Min(x, Max(y, z)). */
static bool factor_common(se_ctx *ctx, se_kind cls, se__nvec *a) {
  se_kind other = other_of(cls);
  se__nvec others = {0}, rest = {0}, common = {0}, diffs = {0};
  bool ok = true;
  for (size_t i = 0; i < a->n && ok; i++)
    ok = se__nvec_push(ctx, a->v[i]->kind == other ? &others : &rest, a->v[i]);
  if (!ok || others.n == 0) goto done;
  const se_expr *first = others.v[0];
  for (uint32_t j = 0; j < first->nargs && ok; j++) {
    const se_expr *c = first->args[j];
    bool everywhere = true;
    for (size_t i = 1; i < others.n && everywhere; i++) {
      const se_expr *o = others.v[i];
      bool found = false;
      for (uint32_t m = 0; m < o->nargs; m++)
        if (o->args[m] == c) found = true;
      everywhere = found;
    }
    if (everywhere) ok = se__nvec_add(ctx, &common, c);
  }
  if (!ok || common.n == 0) goto done;
  bool all_nonempty = true;
  for (size_t i = 0; i < others.n && ok; i++) {
    const se_expr *o = others.v[i];
    se__nvec d = {0};
    for (uint32_t m = 0; m < o->nargs && ok; m++)
      if (!se__nvec_has(&common, o->args[m])) ok = se__nvec_push(ctx, &d, o->args[m]);
    if (!ok) {
      se__nvec_free(&d);
      break;
    }
    if (d.n == 0) {
      all_nonempty = false;
      se__nvec_free(&d);
      continue;
    }
    ok = se__nvec_push(ctx, &diffs, uneval_vec(ctx, other, &d));
  }
  if (!ok) goto done;
  se__nvec newother = {0};
  for (size_t i = 0; i < common.n && ok; i++) ok = se__nvec_push(ctx, &newother, common.v[i]);
  if (ok && all_nonempty) {
    ok = se__nvec_push(ctx, &newother, uneval_vec(ctx, cls, &diffs));
  }
  const se_expr *factored = ok ? uneval_vec(ctx, other, &newother) : NULL;
  se__nvec_free(&newother);
  if (!factored) {
    ok = false;
    goto done;
  }
  a->n = 0;
  for (size_t i = 0; i < rest.n && ok; i++) ok = se__nvec_push(ctx, a, rest.v[i]);
  if (ok) ok = se__nvec_push(ctx, a, factored);
done:
  se__nvec_free(&others);
  se__nvec_free(&rest);
  se__nvec_free(&common);
  se__nvec_free(&diffs);
  return ok;
}

static bool collapse(se_ctx *ctx, se_kind k, se__nvec *a) {
  if (a->n == 0) return true;
  se__sort(a->v, a->n, se__cmp_ordered);
  if (is_number_expr(a->v[0])) prune_numeric(ctx, k, a);
  for (size_t i = 0; i < a->n; i++) {
    for (size_t j = i + 1; j < a->n; j++) {
      a->v[j] = absorb(ctx, k, a->v[j], a->v[i]);
      if (!a->v[j]) return false;
    }
  }
  if (a->n > 1) return factor_common(ctx, k, a);
  return true;
}

/* ---- step 6 (SymPy): local extremes through conn -------------------------- */

typedef enum conn_result {
  CONN_NONE,    /* not connected */
  CONN_EQUAL,   /* structurally equal */
  CONN_BIGGER,  /* x >= y */
  CONN_SMALLER, /* x <= y */
  CONN_ERROR    /* a builder failed (error recorded) */
} conn_result;

/* SymPy's _is_connected(x, y): the same four comparisons SymPy makes, in its
 * order, then once more on factor_terms(x - y) against 0. */
static conn_result conn(se_ctx *ctx, const se_expr *x, const se_expr *y) {
  for (int pass = 0; pass < 2; pass++) {
    if (x == y) return CONN_EQUAL;
    se_truth t = se__rel_truth(ctx, SE_K_GE, x, y);
    if (t != SE_T_UNKNOWN) return t == SE_T_TRUE ? CONN_BIGGER : CONN_SMALLER;
    t = se__rel_truth(ctx, SE_K_GE, y, x);
    if (t != SE_T_UNKNOWN) return t == SE_T_TRUE ? CONN_SMALLER : CONN_BIGGER;
    t = se__rel_truth(ctx, SE_K_LE, y, x);
    if (t != SE_T_UNKNOWN) return t == SE_T_TRUE ? CONN_BIGGER : CONN_SMALLER;
    t = se__rel_truth(ctx, SE_K_LE, x, y);
    if (t != SE_T_UNKNOWN) return t == SE_T_TRUE ? CONN_SMALLER : CONN_BIGGER;
    if (pass == 0) {
      const se_expr *d = se__factor_terms(ctx, se__sub(ctx, x, y));
      const se_expr *z = se__int(ctx, 0);
      if (!d || !z) return CONN_ERROR;
      x = d;
      y = z;
    }
  }
  return CONN_NONE;
}

static bool localzeros_sympy(se_ctx *ctx, se_kind k, se__nvec *a) {
  se__nvec z = {0}, snap = {0};
  bool ok = true;
  conn_result wins = k == SE_K_MAX ? CONN_BIGGER : CONN_SMALLER;
  for (size_t i = 0; i < a->n && ok; i++) {
    const se_expr *v = a->v[i];
    bool newzero = true;
    snap.n = 0;
    for (size_t j = 0; j < z.n && ok; j++) ok = se__nvec_push(ctx, &snap, z.v[j]);
    for (size_t j = 0; j < snap.n && ok; j++) {
      const se_expr *w = snap.v[j];
      if (v == w) {
        newzero = false;
        continue;
      }
      conn_result c = conn(ctx, v, w);
      if (c == CONN_ERROR) {
        ok = false;
        break;
      }
      if (c == CONN_NONE) continue;
      newzero = false;
      if (c == CONN_EQUAL || c == wins) {
        vec_remove(&z, w);
        ok = se__nvec_add(ctx, &z, v);
      }
    }
    if (ok && newzero) ok = se__nvec_add(ctx, &z, v);
  }
  se__nvec_free(&snap);
  if (ok) {
    se__nvec_free(a);
    *a = z;
  } else {
    se__nvec_free(&z);
  }
  return ok;
}

/* ---- step 3c (PyTorch): numbers folded, 0 and 1 special ------------------- */

static bool localzeros_torch(se_ctx *ctx, se_kind k, se__nvec *a) {
  se__nvec others = {0};
  const se_expr *num = NULL;
  bool ok = true;
  for (size_t i = 0; i < a->n && ok; i++) {
    const se_expr *e = a->v[i];
    if (!se__is_num(e)) {
      ok = se__nvec_add(ctx, &others, e);
      continue;
    }
    if (!num) {
      num = e;
    } else {
      /* Python's max()/min(): the later value replaces only when strictly
       * beyond the current one. */
      int c = se__num_cmp(e, num);
      if ((k == SE_K_MAX && c == 1) || (k == SE_K_MIN && c == -1)) num = e;
    }
  }
  if (!ok) {
    se__nvec_free(&others);
    return false;
  }
  if (num && others.n == 1) {
    const se_expr *o = others.v[0];
    bool zero = se__is_int_value(num, 0) || (num->kind == SE_K_FLOAT && num->u.f == 0.0);
    bool one = se__is_int_value(num, 1);
    if ((zero && se__fact(ctx, o, SE_FACT_NONNEG) == SE_T_TRUE) ||
        (one && se__fact(ctx, o, SE_FACT_POS) == SE_T_TRUE)) {
      if (k == SE_K_MIN) others.v[0] = num;
      num = NULL;
    }
  }
  if (num) ok = se__nvec_add(ctx, &others, num);
  se__nvec_free(a);
  *a = others;
  return ok;
}

/* ---- the constructors ------------------------------------------------------ */

/* Evaluated Min/Max (k SE_K_MIN or SE_K_MAX) in the given flavour: torch
 * false is SymPy's Min/Max (sympy-core 8.1), true PyTorch's copy
 * (torch-sympy 2.12). No arguments give the identity. Fails with SE_INVALID
 * on a boolean or incomparable argument; NULL for a NULL argument. */
const se_expr *se__minmax_flavour(se_ctx *ctx, se_kind k, const se_expr *const *args,
                                  size_t n, bool torch) {
  for (size_t i = 0; i < n; i++)
    if (!args[i]) return NULL;
  if (k != SE_K_MIN && k != SE_K_MAX) {
    se__fail(ctx, SE_INVALID, "se__minmax: %s is not Min or Max", se_kind_name(k));
    return NULL;
  }
  const se_expr *zero = zero_of(ctx, k), *ident = identity_of(ctx, k);
  if (!zero || !ident) return NULL;
  for (size_t i = 0; i < n; i++)
    if (!check_arg(ctx, args[i])) return NULL;
  bool fast = torch && unique_summation(ctx, args, n);
  se__nvec a = {0};
  bool ok = true;
  for (size_t i = 0; i < n && ok; i++) {
    const se_expr *e = args[i];
    if (e == zero) {
      se__nvec_free(&a);
      return zero;
    }
    if (e == ident) continue;
    if (e->kind == k) {
      for (uint32_t j = 0; j < e->nargs && ok; j++) ok = se__nvec_add(ctx, &a, e->args[j]);
    } else {
      ok = se__nvec_add(ctx, &a, e);
    }
  }
  if (ok && !fast) {
    ok = collapse(ctx, k, &a);
    if (ok) ok = torch ? localzeros_torch(ctx, k, &a) : localzeros_sympy(ctx, k, &a);
  }
  if (!ok) {
    se__nvec_free(&a);
    return NULL;
  }
  return finish(ctx, k, &a);
}

/* Evaluated Min/Max in the context's flavour (se_ctx_set_torch_minmax). */
const se_expr *se__minmax(se_ctx *ctx, se_kind k, const se_expr *const *args, size_t n) {
  return se__minmax_flavour(ctx, k, args, n, ctx->torch_minmax);
}

/* ---- factor_terms (sympy-core 8.4) ----------------------------------------- */

/* c*P without re-evaluation (SymPy's _keep_coeff with sign=True). */
static const se_expr *keep_coeff(se_ctx *ctx, const se_expr *c, const se_expr *p) {
  if (!c || !p) return NULL;
  if (se__is_int_value(p, 1)) return c;
  if (se__is_int_value(c, 1)) return p;
  if (p->kind == SE_K_ADD) {
    const se_expr *v[2] = {c, p};
    return se__node(ctx, SE_K_MUL, v, 2);
  }
  if (p->kind == SE_K_MUL) {
    se__nvec m = {0};
    bool ok = true;
    uint32_t from = 0;
    if (se__is_num(p->args[0])) {
      const se_expr *c2 = se__num_mul(ctx, p->args[0], c);
      if (!c2) return NULL;
      if (!se__is_int_value(c2, 1)) ok = se__nvec_push(ctx, &m, c2);
      from = 1;
    } else {
      ok = se__nvec_push(ctx, &m, c);
    }
    for (uint32_t i = from; i < p->nargs && ok; i++) ok = se__nvec_push(ctx, &m, p->args[i]);
    const se_expr *r = NULL;
    if (ok) r = m.n == 1 ? m.v[0] : se__node(ctx, SE_K_MUL, m.v, m.n);
    se__nvec_free(&m);
    return r;
  }
  const se_expr *r = se__mul2(ctx, c, p);
  if (r && se__is_num(r) && !se__is_num(p)) {
    const se_expr *v[2] = {c, p};
    return se__node(ctx, SE_K_MUL, v, 2);
  }
  return r;
}

/* A factor as base**exp (exp an Integer; 1 when not a power). */
static void base_exp(se_ctx *ctx, const se_expr *f, const se_expr **b, int64_t *e) {
  (void)ctx;
  if (f->kind == SE_K_POW && f->args[1]->kind == SE_K_INTEGER) {
    *b = f->args[0];
    *e = f->args[1]->u.i;
  } else {
    *b = f;
    *e = 1;
  }
}

static bool factor_exp(const se_expr *rest, const se_expr *base, int64_t *e) {
  if (se__is_int_value(rest, 1)) return false;
  uint32_t n = rest->kind == SE_K_MUL ? rest->nargs : 1;
  for (uint32_t i = 0; i < n; i++) {
    const se_expr *f = rest->kind == SE_K_MUL ? rest->args[i] : rest;
    const se_expr *b;
    int64_t x;
    base_exp(NULL, f, &b, &x);
    if (b == base) {
      *e = x;
      return true;
    }
  }
  return false;
}

/* rest divided by base**e (e at most its exponent there). */
static const se_expr *divide_out(se_ctx *ctx, const se_expr *rest, const se_expr *base,
                                 int64_t e) {
  uint32_t n = rest->kind == SE_K_MUL ? rest->nargs : 1;
  se__nvec m = {0};
  bool ok = true;
  for (uint32_t i = 0; i < n && ok; i++) {
    const se_expr *f = rest->kind == SE_K_MUL ? rest->args[i] : rest;
    const se_expr *b;
    int64_t x;
    base_exp(ctx, f, &b, &x);
    if (b != base) {
      ok = se__nvec_push(ctx, &m, f);
    } else if (x != e) {
      ok = se__nvec_push(ctx, &m, se__pow(ctx, b, se__int(ctx, x - e)));
    }
  }
  const se_expr *r = NULL;
  if (ok) r = m.n == 0 ? se__int(ctx, 1) : se__mul(ctx, m.v, m.n);
  se__nvec_free(&m);
  return r;
}

static const se_expr *ft_add(se_ctx *ctx, const se_expr *e) {
  size_t n = e->nargs;
  const se_expr **coef = calloc(n, sizeof *coef), **rest = calloc(n, sizeof *rest);
  const se_expr *result = NULL;
  se__nvec terms = {0}, gb = {0};
  if (!coef || !rest) {
    se__fail(ctx, SE_NOMEM, "out of memory in factor_terms");
    goto done;
  }
  /* Each term as coefficient * FT(rest), the content of FT's result folded
   * into the coefficient. */
  for (size_t i = 0; i < n; i++) {
    const se_expr *t = e->args[i], *c0, *m0;
    if (se__is_num(t)) {
      coef[i] = t;
      rest[i] = se__int(ctx, 1);
      continue;
    }
    se__as_coeff_mul(ctx, t, &c0, &m0);
    const se_expr *f = se__factor_terms(ctx, m0), *c1 = NULL, *m1 = NULL;
    if (!f) goto done;
    se__as_coeff_mul(ctx, f, &c1, &m1);
    coef[i] = se__num_mul(ctx, c0, c1);
    rest[i] = m1;
    if (!coef[i] || !rest[i]) goto done;
  }
  /* k: gcd of the numerators over the lcm of the denominators, negative
   * when every coefficient is. */
  const se_expr *k = se__int(ctx, 1);
  uint64_t g = 0;
  int64_t l = 1;
  bool rational = true, allneg = true;
  for (size_t i = 0; i < n && rational; i++) {
    int64_t p, q;
    if (!se_expr_rational_value(coef[i], &p, &q)) {
      rational = false;
      break;
    }
    g = se__gcd_u64(g, se__abs_u64(p));
    int64_t lq = (int64_t)se__gcd_u64((uint64_t)l, (uint64_t)q);
    if (!se__mul_i64(l / lq, q, &l)) {
      se__fail(ctx, SE_OVERFLOW, "integer overflow in factor_terms");
      goto done;
    }
    if (p >= 0) allneg = false;
  }
  if (rational && g > 0) {
    if (g > (uint64_t)INT64_MAX) {
      se__fail(ctx, SE_OVERFLOW, "integer overflow in factor_terms");
      goto done;
    }
    k = se__rat(ctx, allneg ? -(int64_t)g : (int64_t)g, l);
    if (!k) goto done;
  }
  /* G: the bases in every term with their smallest exponent. */
  const se_expr *r0 = rest[0];
  if (!se__is_int_value(r0, 1)) {
    uint32_t nf = r0->kind == SE_K_MUL ? r0->nargs : 1;
    for (uint32_t j = 0; j < nf; j++) {
      const se_expr *f = r0->kind == SE_K_MUL ? r0->args[j] : r0, *b;
      int64_t x;
      base_exp(ctx, f, &b, &x);
      bool all = true;
      for (size_t i = 1; i < n && all; i++) {
        int64_t y;
        if (!factor_exp(rest[i], b, &y))
          all = false;
        else if (y < x)
          x = y;
      }
      if (all && x > 0) {
        if (!se__nvec_push(ctx, &gb, b) || !se__nvec_push(ctx, &gb, se__int(ctx, x))) goto done;
      }
    }
  }
  const se_expr *G = se__int(ctx, 1);
  for (size_t j = 0; j < gb.n; j += 2) {
    int64_t x = gb.v[j + 1]->u.i;
    G = se__mul2(ctx, G, se__pow(ctx, gb.v[j], gb.v[j + 1]));
    for (size_t i = 0; i < n; i++) {
      rest[i] = divide_out(ctx, rest[i], gb.v[j], x);
      if (!rest[i]) goto done;
    }
  }
  for (size_t i = 0; i < n; i++) {
    const se_expr *c = se__num_div(ctx, coef[i], k);
    if (!se__nvec_push(ctx, &terms, se__mul2(ctx, c, rest[i]))) goto done;
  }
  const se_expr *R = se__add(ctx, terms.v, terms.n);
  result = keep_coeff(ctx, k, se__mul2(ctx, G, R));
done:
  free(coef);
  free(rest);
  se__nvec_free(&terms);
  se__nvec_free(&gb);
  return result;
}

/* SymPy's factor_terms(e), simplified as sympy-core 8.4 describes (only the
 * sign of the result is ever asked): numbers and symbols stay; a Pow is
 * FT(base)**n; Min/Max and other functions are rebuilt (evaluated) from FT of
 * their args; a Mul is the product of FT of its factors with its coefficient
 * kept in front; an Add has its numeric content and common factors pulled
 * out, giving the unevaluated product k*G*R. Returns NULL (error recorded)
 * on failure. */
const se_expr *se__factor_terms(se_ctx *ctx, const se_expr *e) {
  if (!e) return NULL;
  if (e->nargs == 0 || se__is_boolean(e) || e->kind == SE_K_PIECEWISE) return e;
  switch (e->kind) {
  case SE_K_ADD: return ft_add(ctx, e);
  case SE_K_POW: return se__pow(ctx, se__factor_terms(ctx, e->args[0]), e->args[1]);
  case SE_K_MUL: {
    const se_expr *c, *m;
    se__as_coeff_mul(ctx, e, &c, &m);
    if (!c || !m) return NULL;
    se__nvec f = {0};
    bool ok = true;
    uint32_t nf = m->kind == SE_K_MUL ? m->nargs : 1;
    for (uint32_t i = 0; i < nf && ok; i++)
      ok = se__nvec_push(ctx, &f, se__factor_terms(ctx, m->kind == SE_K_MUL ? m->args[i] : m));
    const se_expr *p = ok ? se__mul(ctx, f.v, f.n) : NULL;
    se__nvec_free(&f);
    return keep_coeff(ctx, c, p);
  }
  default: {
    se__nvec f = {0};
    bool ok = true;
    for (uint32_t i = 0; i < e->nargs && ok; i++)
      ok = se__nvec_push(ctx, &f, se__factor_terms(ctx, e->args[i]));
    const se_expr *r = ok ? se__call(ctx, (se_kind)e->kind, f.v, f.n) : NULL;
    se__nvec_free(&f);
    return r;
  }
  }
}
