/* safe_expand: PyTorch's fast distributive expansion (shapeenv 4.7).
 *
 * Children are expanded first; a node whose children changed is rebuilt
 * through its evaluating constructor and expanded again. Then a natural
 * power of a sum is multiplied out, a negative power of a sum becomes the
 * reciprocal of the multiplied-out positive power, and a product is
 * distributed over the sums among its factors, numerator and denominator
 * (factors x**-1) separately. Nothing else of SymPy's expand() is done:
 * no exponent splitting, no log or trig rules. */
#include <stdlib.h>

#include "expr/expr.h"

static const se_expr *fast_expand(se_ctx *ctx, const se_expr *e, unsigned depth);

/* A growable list of borrowed nodes (malloc-backed). */
typedef struct node_list {
  const se_expr **v; /* items */
  size_t n;          /* used */
  size_t cap;        /* allocated */
} node_list;

static bool list_push(se_ctx *ctx, node_list *l, const se_expr *e) {
  if (!e) return false;
  if (l->n == l->cap) {
    size_t cap = l->cap ? l->cap * 2 : 8;
    const se_expr **v = realloc(l->v, cap * sizeof *v);
    if (!v) {
      se__fail(ctx, SE_NOMEM, "out of memory expanding an expression");
      return false;
    }
    l->v = v;
    l->cap = cap;
  }
  l->v[l->n++] = e;
  return true;
}

static void list_free(node_list *l) {
  free(l->v);
  l->v = NULL;
  l->n = l->cap = 0;
}

/* The additive terms of e (e itself when it is not an Add). */
static bool terms_of(se_ctx *ctx, const se_expr *e, node_list *out) {
  out->n = 0;
  if (e->kind != SE_K_ADD) return list_push(ctx, out, e);
  for (size_t i = 0; i < e->nargs; i++)
    if (!list_push(ctx, out, e->args[i])) return false;
  return true;
}

/* Sum of the products of every term of cur with every term of add, in
 * that nesting order. */
static const se_expr *distribute(se_ctx *ctx, const se_expr *cur, const se_expr *add) {
  node_list a = {0}, prod = {0};
  const se_expr *r = NULL;
  if (!terms_of(ctx, cur, &a)) goto done;
  for (size_t i = 0; i < a.n; i++)
    for (size_t j = 0; j < add->nargs; j++)
      if (!list_push(ctx, &prod, se__mul2(ctx, a.v[i], add->args[j]))) goto done;
  r = se__add(ctx, prod.v, prod.n);
done:
  list_free(&a);
  list_free(&prod);
  return r;
}

/* (base)**n for an Add base and n >= 2, multiplied out. */
static const se_expr *multinomial(se_ctx *ctx, const se_expr *base, int64_t n) {
  const se_expr *r = base;
  for (int64_t i = 1; i < n && r; i++) r = distribute(ctx, r, base);
  return r;
}

/* PyTorch's _expandsums over factors f[0..n): the sum of products, and
 * whether that changed anything (two sums, or a sum and another factor). */
static const se_expr *expand_sums(se_ctx *ctx, const se_expr *const *f, size_t n,
                                  bool *changed) {
  node_list other = {0};
  size_t nadds = 0;
  const se_expr *r = NULL;
  for (size_t i = 0; i < n; i++) {
    if (f[i]->kind == SE_K_ADD)
      nadds++;
    else if (!list_push(ctx, &other, f[i]))
      goto done;
  }
  r = other.n ? se__mul(ctx, other.v, other.n) : se__int(ctx, 1);
  for (size_t i = 0; i < n && r; i++)
    if (f[i]->kind == SE_K_ADD) r = distribute(ctx, r, f[i]);
  *changed = nadds > 1 || (nadds > 0 && other.n > 0);
done:
  list_free(&other);
  return r;
}

static bool is_recip(const se_expr *e) {
  return e->kind == SE_K_POW && se__is_int_value(e->args[1], -1);
}

static const se_expr *expand_mul(se_ctx *ctx, const se_expr *e) {
  node_list num = {0}, den = {0};
  const se_expr *r = NULL;
  for (size_t i = 0; i < e->nargs; i++) {
    const se_expr *a = e->args[i];
    if (!(is_recip(a) ? list_push(ctx, &den, a->args[0]) : list_push(ctx, &num, a))) goto done;
  }
  bool nc = false, dc = false;
  const se_expr *n = expand_sums(ctx, num.v, num.n, &nc);
  const se_expr *d = n ? expand_sums(ctx, den.v, den.n, &dc) : NULL;
  if (!d) goto done;
  if (nc || dc)
    r = se__mul2(ctx, n, se__pow(ctx, d, se__int(ctx, -1)));
  else
    r = e;
done:
  list_free(&num);
  list_free(&den);
  return r;
}

static const se_expr *fast_expand(se_ctx *ctx, const se_expr *e, unsigned depth) {
  if (!e) return NULL;
  if (e->nargs == 0) return e;
  if (depth > 2000) {
    se__fail(ctx, SE_INVALID, "expression too deep to expand");
    return NULL;
  }
  size_t n = e->nargs;
  const se_expr *small[8];
  const se_expr **args = n <= 8 ? small : malloc(n * sizeof *args);
  if (!args) {
    se__fail(ctx, SE_NOMEM, "out of memory expanding an expression");
    return NULL;
  }
  bool changed = false;
  for (size_t i = 0; i < n; i++) {
    args[i] = fast_expand(ctx, e->args[i], depth + 1);
    if (!args[i]) {
      if (args != small) free(args);
      return NULL;
    }
    changed |= args[i] != e->args[i];
  }
  const se_expr *rebuilt = changed ? se__call(ctx, (se_kind)e->kind, args, n) : NULL;
  if (args != small) free(args);
  if (changed) return fast_expand(ctx, rebuilt, depth + 1);

  if (e->kind == SE_K_POW) {
    const se_expr *b = e->args[0], *x = e->args[1];
    if (x->kind == SE_K_INTEGER && b->kind == SE_K_ADD) {
      if (x->u.i > 1) return multinomial(ctx, b, x->u.i);
      if (x->u.i < -1) {
        if (x->u.i == INT64_MIN) {
          se__fail(ctx, SE_OVERFLOW, "exponent too large to expand");
          return NULL;
        }
        const se_expr *p = multinomial(ctx, b, -x->u.i);
        return se__pow(ctx, p, se__int(ctx, -1));
      }
    }
    return e;
  }
  if (e->kind == SE_K_MUL) return expand_mul(ctx, e);
  return e;
}

/* se_expr_expand: see shapeenv.h. The result is borrowed from ctx; NULL
 * (with the error in ctx) on failure or when e is NULL. */
const se_expr *se_expr_expand(se_ctx *ctx, const se_expr *e) {
  if (!e) return NULL;
  return fast_expand(ctx, e, 0);
}
