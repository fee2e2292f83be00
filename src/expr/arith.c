/* Add, Mul, Pow and negation, evaluated as SymPy 1.14's constructors do
 * (sympy-core sections 2-4). Stored argument order: the number first, then
 * the rest by sort key (order.c); printing and K do not depend on more. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "expr/expr.h"

/* A scratch vector of node pointers (malloc-backed, freed by the caller). */
typedef struct vec {
  const se_expr **v;
  size_t n, cap;
  const se_expr *inline_buf[16];
} vec;

static void vec_init(vec *a) {
  a->v = a->inline_buf;
  a->n = 0;
  a->cap = 16;
}
static bool vec_push(se_ctx *ctx, vec *a, const se_expr *e) {
  if (a->n == a->cap) {
    size_t ncap = a->cap * 2;
    const se_expr **nv = malloc(ncap * sizeof *nv);
    if (!nv) {
      se__fail(ctx, SE_NOMEM, "out of memory building an expression");
      return false;
    }
    memcpy(nv, a->v, a->n * sizeof *nv);
    if (a->v != a->inline_buf) free(a->v);
    a->v = nv;
    a->cap = ncap;
  }
  a->v[a->n++] = e;
  return true;
}
static void vec_free(vec *a) {
  if (a->v != a->inline_buf) free(a->v);
}

static bool reject_boolean(se_ctx *ctx, const se_expr *e, const char *op) {
  if (se__is_boolean(e) || e->kind == SE_K_PIECEWISE) {
    if (se__is_boolean(e)) {
      se__fail(ctx, SE_INVALID, "%s of a boolean (%s) is not defined", op,
               se_kind_name((se_kind)e->kind));
      return true;
    }
  }
  return false;
}

void se__as_coeff_mul(se_ctx *ctx, const se_expr *t, const se_expr **c, const se_expr **m) {
  if (t->kind == SE_K_MUL && se__is_num(t->args[0])) {
    *c = t->args[0];
    if (t->nargs == 2)
      *m = t->args[1];
    else
      *m = se__node(ctx, SE_K_MUL, t->args + 1, t->nargs - 1);
    return;
  }
  if (se__is_num(t)) {
    *c = t;
    *m = se__int(ctx, 1);
    return;
  }
  *c = se__int(ctx, 1);
  *m = t;
}

void se__as_coeff_add(se_ctx *ctx, const se_expr *t, const se_expr **c, const se_expr **rest) {
  if (t->kind == SE_K_ADD && se__is_num(t->args[0])) {
    *c = t->args[0];
    if (t->nargs == 2)
      *rest = t->args[1];
    else
      *rest = se__node(ctx, SE_K_ADD, t->args + 1, t->nargs - 1);
    return;
  }
  if (se__is_num(t)) {
    *c = t;
    *rest = se__int(ctx, 0);
    return;
  }
  *c = se__int(ctx, 0);
  *rest = t;
}

/* c*m without re-evaluation (SymPy's _keep_coeff for a canonical m). */
static const se_expr *keep_coeff(se_ctx *ctx, const se_expr *c, const se_expr *m) {
  if (!c || !m) return NULL;
  if (se__is_int_value(c, 1)) return m;
  if (m->kind == SE_K_MUL) {
    const se_expr *buf[64];
    const se_expr **v = m->nargs + 1 <= 64 ? buf : malloc((m->nargs + 1) * sizeof *v);
    if (!v) {
      se__fail(ctx, SE_NOMEM, "out of memory building a product");
      return NULL;
    }
    v[0] = c;
    memcpy(v + 1, m->args, m->nargs * sizeof *v);
    const se_expr *r = se__node(ctx, SE_K_MUL, v, m->nargs + 1);
    if (v != buf) free((void *)v);
    return r;
  }
  const se_expr *v[2] = {c, m};
  return se__node(ctx, SE_K_MUL, v, 2);
}

/* (m, c) pairs for collecting like terms / like bases. */
typedef struct pair {
  const se_expr *key;  /* m (Add) or base (Mul) */
  const se_expr *key2; /* Mul: the exponent's non-coefficient part; NULL for Add */
  const se_expr *val;  /* coefficient (Add) or the exponent's coefficient (Mul) */
  size_t order;        /* first appearance, for stability */
} pair;

static int cmp_pair(const void *x, const void *y) {
  const pair *a = x, *b = y;
  if (a->key->id != b->key->id) return a->key->id < b->key->id ? -1 : 1;
  uint64_t a2 = a->key2 ? a->key2->id + 1 : 0, b2 = b->key2 ? b->key2->id + 1 : 0;
  if (a2 != b2) return a2 < b2 ? -1 : 1;
  return (a->order > b->order) - (a->order < b->order);
}

const se_expr *se__add(se_ctx *ctx, const se_expr *const *args, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (!args[i]) return NULL;
    if (reject_boolean(ctx, args[i], "addition")) return NULL;
  }
  if (n == 0) return se__int(ctx, 0);
  if (n == 1) return args[0];
  const se_expr *num = se__int(ctx, 0);
  size_t cap = 0;
  for (size_t i = 0; i < n; i++) cap += args[i]->kind == SE_K_ADD ? args[i]->nargs : 1;
  pair *ps = malloc(cap * sizeof *ps);
  if (!ps) {
    se__fail(ctx, SE_NOMEM, "out of memory building a sum");
    return NULL;
  }
  size_t np = 0;
  const se_expr *result = NULL;
  for (size_t i = 0; i < n && num; i++) {
    const se_expr *a = args[i];
    size_t k = a->kind == SE_K_ADD ? a->nargs : 1;
    for (size_t j = 0; j < k && num; j++) {
      const se_expr *t = a->kind == SE_K_ADD ? a->args[j] : a;
      if (se__is_num(t)) {
        num = se__num_add(ctx, num, t);
        continue;
      }
      const se_expr *c, *m;
      se__as_coeff_mul(ctx, t, &c, &m);
      if (!m) goto done;
      ps[np].key = m;
      ps[np].key2 = NULL;
      ps[np].val = c;
      ps[np].order = np;
      np++;
    }
  }
  if (!num) goto done;
  if (num->kind == SE_K_NAN || num->kind == SE_K_ZOO) {
    result = num;
    goto done;
  }
  qsort(ps, np, sizeof *ps, cmp_pair);
  vec terms;
  vec_init(&terms);
  bool ok = true;
  for (size_t i = 0; i < np && ok;) {
    size_t j = i + 1;
    const se_expr *c = ps[i].val;
    while (j < np && ps[j].key == ps[i].key) c = se__num_add(ctx, c, ps[j++].val);
    if (!c) {
      ok = false;
      break;
    }
    if (!se__num_is_zero(c)) { /* a zero coefficient drops the term */
      const se_expr *t = keep_coeff(ctx, c, ps[i].key);
      ok = t && vec_push(ctx, &terms, t);
    }
    i = j;
  }
  if (ok) {
    if (terms.n == 0) {
      result = num;
    } else if (terms.n == 1 && se__is_int_value(num, 0)) {
      result = terms.v[0];
    } else {
      se__sort(terms.v, terms.n, se__cmp_key);
      bool has_num = !(num->kind == SE_K_INTEGER && num->u.i == 0);
      vec all;
      vec_init(&all);
      if (has_num) ok = vec_push(ctx, &all, num);
      for (size_t i = 0; i < terms.n && ok; i++) ok = vec_push(ctx, &all, terms.v[i]);
      if (ok) result = se__node(ctx, SE_K_ADD, all.v, all.n);
      vec_free(&all);
    }
  }
  vec_free(&terms);
done:
  free(ps);
  return result;
}

/* Distributes the number r over the terms of the Add a (SymPy's two-argument
 * rule and end rule). */
static const se_expr *distribute(se_ctx *ctx, const se_expr *r, const se_expr *a) {
  vec out;
  vec_init(&out);
  bool ok = true;
  for (size_t i = 0; i < a->nargs && ok; i++) {
    const se_expr *t = a->args[i], *c, *m;
    se__as_coeff_mul(ctx, t, &c, &m);
    const se_expr *rc = se__num_mul(ctx, r, c);
    const se_expr *nt = se__is_num(t) ? rc : keep_coeff(ctx, rc, m);
    if (nt && rc && se__num_is_zero(rc) && !se__is_num(t)) nt = se__int(ctx, 0);
    ok = nt && vec_push(ctx, &out, nt);
  }
  const se_expr *res = ok ? se__add(ctx, out.v, out.n) : NULL;
  vec_free(&out);
  return res;
}

const se_expr *se__mul(se_ctx *ctx, const se_expr *const *args, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (!args[i]) return NULL;
    if (reject_boolean(ctx, args[i], "multiplication")) return NULL;
  }
  if (n == 0) return se__int(ctx, 1);
  if (n == 1) return args[0];
  /* Two-argument rule: a nonzero Rational times an Add distributes. */
  if (n == 2) {
    const se_expr *a = args[0], *b = args[1];
    if (se__is_rat(b)) {
      const se_expr *t = a;
      a = b;
      b = t;
    }
    if (se__is_rat(a) && !se__num_is_zero(a) && !se__is_int_value(a, 1) &&
        b->kind == SE_K_ADD)
      return distribute(ctx, a, b);
  }
  const se_expr *coeff = se__int(ctx, 1);
  size_t cap = 0;
  for (size_t i = 0; i < n; i++) cap += args[i]->kind == SE_K_MUL ? args[i]->nargs : 1;
  pair *ps = malloc(cap * sizeof *ps);
  if (!ps) {
    se__fail(ctx, SE_NOMEM, "out of memory building a product");
    return NULL;
  }
  size_t np = 0;
  const se_expr *result = NULL;
  for (size_t i = 0; i < n && coeff; i++) {
    const se_expr *a = args[i];
    size_t k = a->kind == SE_K_MUL ? a->nargs : 1;
    for (size_t j = 0; j < k && coeff; j++) {
      const se_expr *f = a->kind == SE_K_MUL ? a->args[j] : a;
      if (se__is_num(f)) {
        coeff = se__num_mul(ctx, coeff, f);
        continue;
      }
      /* SymPy merges b**(c1*t) and b**(c2*t) into b**((c1 + c2)*t) only:
       * exponents group by their non-coefficient part t, so y**a*y**b and
       * y*y**a stay as they are. */
      if (f->kind == SE_K_POW) {
        const se_expr *c, *t;
        se__as_coeff_mul(ctx, f->args[1], &c, &t);
        ps[np].key = f->args[0];
        ps[np].key2 = t;
        ps[np].val = c;
      } else {
        ps[np].key = f;
        ps[np].key2 = se__int(ctx, 1);
        ps[np].val = se__int(ctx, 1);
      }
      if (!ps[np].key2 || !ps[np].val) {
        coeff = NULL;
        break;
      }
      ps[np].order = np;
      np++;
    }
  }
  if (!coeff) goto done;
  if (coeff->kind == SE_K_NAN) {
    result = coeff;
    goto done;
  }
  if (se__num_is_zero(coeff)) {
    /* 0 * finite things is 0 (an infinite factor would give nan). */
    result = se__int(ctx, 0);
    goto done;
  }
  qsort(ps, np, sizeof *ps, cmp_pair);
  vec fs;
  vec_init(&fs);
  bool ok = true;
  for (size_t i = 0; i < np && ok;) {
    size_t j = i + 1;
    const se_expr *e = ps[i].val;
    while (e && j < np && ps[j].key == ps[i].key && ps[j].key2 == ps[i].key2)
      e = se__num_add(ctx, e, ps[j++].val);
    if (e && !se__is_int_value(ps[i].key2, 1)) e = se__mul2(ctx, e, ps[i].key2);
    if (!e) {
      ok = false;
      break;
    }
    if (se__is_int_value(e, 0)) {
      /* b**0 drops out */
    } else {
      const se_expr *f = se__is_int_value(e, 1) ? ps[i].key : se__pow(ctx, ps[i].key, e);
      if (!f) {
        ok = false;
      } else if (se__is_num(f)) {
        coeff = se__num_mul(ctx, coeff, f);
        ok = coeff != NULL;
      } else if (f->kind == SE_K_MUL) {
        for (size_t q = 0; q < f->nargs && ok; q++) {
          if (se__is_num(f->args[q])) {
            coeff = se__num_mul(ctx, coeff, f->args[q]);
            ok = coeff != NULL;
          } else {
            ok = vec_push(ctx, &fs, f->args[q]);
          }
        }
      } else {
        ok = vec_push(ctx, &fs, f);
      }
    }
    i = j;
  }
  if (ok) {
    if (se__num_is_zero(coeff)) {
      result = se__int(ctx, 0);
    } else if (fs.n == 0) {
      result = coeff;
    } else if (fs.n == 1 && se__is_int_value(coeff, 1)) {
      result = fs.v[0];
    } else if (fs.n == 1 && fs.v[0]->kind == SE_K_ADD && se__is_num(coeff) &&
               coeff->kind != SE_K_ZOO && se__num_sign(coeff) != 2 &&
               (se__is_rat(coeff) || coeff->kind == SE_K_FLOAT)) {
      /* End rule: a finite number times one Add distributes. */
      result = distribute(ctx, coeff, fs.v[0]);
    } else {
      se__sort(fs.v, fs.n, se__cmp_key);
      vec all;
      vec_init(&all);
      if (!se__is_int_value(coeff, 1)) ok = vec_push(ctx, &all, coeff);
      for (size_t i = 0; i < fs.n && ok; i++) ok = vec_push(ctx, &all, fs.v[i]);
      if (ok) result = se__node(ctx, SE_K_MUL, all.v, all.n);
      vec_free(&all);
    }
  }
  vec_free(&fs);
done:
  free(ps);
  return result;
}

/* The exact k-th root of v >= 0, if it is an integer. */
static bool exact_root(int64_t v, int64_t k, int64_t *out) {
  if (v < 0 || k <= 0) return false;
  if (v < 2) {
    *out = v;
    return true;
  }
  if (k > 63) return false; /* r >= 2 would exceed int64 */
  double guess = pow((double)v, 1.0 / (double)k);
  for (int64_t r = (int64_t)guess - 1; r <= (int64_t)guess + 1; r++) {
    if (r < 2) continue;
    int64_t acc = 1;
    bool ok = true;
    for (int64_t i = 0; i < k && ok; i++) ok = se__mul_i64(acc, r, &acc) && acc <= v;
    if (ok && acc == v) {
      *out = r;
      return true;
    }
  }
  return false;
}

const se_expr *se__pow(se_ctx *ctx, const se_expr *b, const se_expr *e) {
  if (!b || !e) return NULL;
  if (reject_boolean(ctx, b, "power") || reject_boolean(ctx, e, "power")) return NULL;
  if (se__is_int_value(e, 0)) return se__int(ctx, 1);
  if (se__is_int_value(e, 1)) return b;
  if (se__is_int_value(b, 1)) return b;
  if (se__is_num(b) && se__is_num(e) && e->kind != SE_K_INTEGER &&
      (b->kind == SE_K_INT_OO || b->kind == SE_K_NEG_INT_OO)) {
    /* int_oo ** e (torch-sympy 1): positive e (also oo, int_oo, 0.5)
     * gives int_oo, negative 0, nan/zoo nan; (-int_oo) ** non-integer is
     * outside our domain except the infinite/nan cases (nan). */
    int sg = se__num_sign(e);
    if (sg == 2) return se__const(ctx, SE_K_NAN);
    if (b->kind == SE_K_INT_OO) return sg > 0 ? b : se__int(ctx, 0);
    if (e->kind != SE_K_FLOAT && e->kind != SE_K_RATIONAL) return se__const(ctx, SE_K_NAN);
  }
  if (e->kind == SE_K_INTEGER) {
    if (se__is_num(b)) return se__num_pow(ctx, b, e);
    if (b->kind == SE_K_MUL) {
      vec fs;
      vec_init(&fs);
      bool ok = true;
      for (size_t i = 0; i < b->nargs && ok; i++) {
        const se_expr *f = se__pow(ctx, b->args[i], e);
        ok = f && vec_push(ctx, &fs, f);
      }
      const se_expr *r = ok ? se__mul(ctx, fs.v, fs.n) : NULL;
      vec_free(&fs);
      return r;
    }
    if (b->kind == SE_K_POW) {
      /* (c**m)**n = c**(m*n) for an integer n, whatever m is. */
      const se_expr *m = se__mul2(ctx, b->args[1], e);
      return se__pow(ctx, b->args[0], m);
    }
  }
  if (se__is_num(b) && se__is_num(e) && se__is_num(b) && b->kind == SE_K_FLOAT &&
      e->kind == SE_K_FLOAT)
    return se__float(ctx, pow(b->u.f, e->u.f));
  /* A nonnegative rational to a rational power with an exact root
   * (4**(1/2) == 2, (8/27)**(2/3) == 4/9); other roots stay symbolic. */
  if (se__is_rat(b) && e->kind == SE_K_RATIONAL && se__num_sign(b) >= 0) {
    int64_t bp, bq;
    se_expr_rational_value(b, &bp, &bq);
    int64_t rp, rq;
    if (exact_root(bp, e->u.q.q, &rp) && exact_root(bq, e->u.q.q, &rq))
      return se__num_pow(ctx, se__rat(ctx, rp, rq), se__int(ctx, e->u.q.p));
  }
  /* 0**e is 0 for a positive e (SymPy: 0**(1/2) == 0). */
  if (se__is_int_value(b, 0) && se__is_num(e) && se__num_sign(e) == 1) return b;
  const se_expr *v[2] = {b, e};
  return se__node(ctx, SE_K_POW, v, 2);
}

const se_expr *se__neg(se_ctx *ctx, const se_expr *x) {
  if (!x) return NULL;
  if (reject_boolean(ctx, x, "negation")) return NULL;
  if (se__is_num(x)) return se__num_neg(ctx, x);
  if (x->kind == SE_K_ADD) return distribute(ctx, se__int(ctx, -1), x);
  if (x->kind == SE_K_MUL && se__is_num(x->args[0])) {
    const se_expr *c = se__num_neg(ctx, x->args[0]);
    if (!c) return NULL;
    if (se__is_int_value(c, 1)) {
      if (x->nargs == 2) return x->args[1];
      return se__node(ctx, SE_K_MUL, x->args + 1, x->nargs - 1);
    }
    const se_expr *m = x->nargs == 2 ? x->args[1] : se__node(ctx, SE_K_MUL, x->args + 1, x->nargs - 1);
    return keep_coeff(ctx, c, m);
  }
  return keep_coeff(ctx, se__int(ctx, -1), x);
}

/* ---- public wrappers ---------------------------------------------------- */

const se_expr *se_expr_add(se_ctx *ctx, const se_expr *a, const se_expr *b) {
  return se__add2(ctx, a, b);
}
const se_expr *se_expr_sub(se_ctx *ctx, const se_expr *a, const se_expr *b) {
  return se__sub(ctx, a, b);
}
const se_expr *se_expr_mul(se_ctx *ctx, const se_expr *a, const se_expr *b) {
  return se__mul2(ctx, a, b);
}
const se_expr *se_expr_neg(se_ctx *ctx, const se_expr *a) { return se__neg(ctx, a); }
const se_expr *se_expr_pow(se_ctx *ctx, const se_expr *b, const se_expr *e) {
  return se__pow(ctx, b, e);
}
const se_expr *se_expr_div(se_ctx *ctx, const se_expr *a, const se_expr *b) {
  if (!a || !b) return NULL;
  if (se__is_num(a) && se__is_num(b)) return se__num_div(ctx, a, b);
  if (se__is_num(b)) {
    if (se__num_is_zero(b) && se__is_rat(b)) {
      se__fail(ctx, SE_ZERODIV, "division by zero");
      return NULL;
    }
    return se__mul2(ctx, a, se__num_pow(ctx, b, se__int(ctx, -1)));
  }
  return se__mul2(ctx, a, se__pow(ctx, b, se__int(ctx, -1)));
}
