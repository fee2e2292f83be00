/* Arithmetic on SymPy Numbers: Integer and Rational exactly (int64, overflow
 * is an error), Float as double, and the infinities with PyTorch's int_oo
 * rules (torch-sympy 1): int_oo's methods win in mixed arithmetic. */
#include <math.h>

#include "expr/expr.h"

typedef __int128 i128;

static bool is_finite_rat(const se_expr *a) { return se__is_rat(a); }
static void rat_parts(const se_expr *a, i128 *p, i128 *q) {
  if (a->kind == SE_K_INTEGER) {
    *p = a->u.i;
    *q = 1;
  } else {
    *p = a->u.q.p;
    *q = a->u.q.q;
  }
}

static i128 gcd128(i128 a, i128 b) {
  if (a < 0) a = -a;
  if (b < 0) b = -b;
  while (b) {
    i128 t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/* Builds p/q from 128-bit parts, failing on int64 overflow. */
static const se_expr *rat_from128(se_ctx *ctx, i128 p, i128 q, const char *op) {
  if (q < 0) {
    p = -p;
    q = -q;
  }
  i128 g = gcd128(p, q);
  if (g > 1) {
    p /= g;
    q /= g;
  }
  if (p > INT64_MAX || p < INT64_MIN || q > INT64_MAX) {
    se__fail(ctx, SE_OVERFLOW, "integer overflow in %s: the result does not fit in 64 bits", op);
    return NULL;
  }
  return se__rat(ctx, (int64_t)p, (int64_t)q);
}

double se__num_double(const se_expr *a) {
  switch (a->kind) {
  case SE_K_INTEGER: return (double)a->u.i;
  case SE_K_RATIONAL: return (double)a->u.q.p / (double)a->u.q.q;
  case SE_K_FLOAT: return a->u.f;
  case SE_K_INT_OO: case SE_K_OO: return INFINITY;
  case SE_K_NEG_INT_OO: case SE_K_NEG_OO: return -INFINITY;
  default: return NAN;
  }
}

int se__num_sign(const se_expr *a) {
  switch (a->kind) {
  case SE_K_INTEGER: return (a->u.i > 0) - (a->u.i < 0);
  case SE_K_RATIONAL: return a->u.q.p > 0 ? 1 : -1;
  case SE_K_FLOAT: return (a->u.f > 0) - (a->u.f < 0);
  case SE_K_INT_OO: case SE_K_OO: return 1;
  case SE_K_NEG_INT_OO: case SE_K_NEG_OO: return -1;
  default: return 2;
  }
}

bool se__num_is_zero(const se_expr *a) {
  return (a->kind == SE_K_INTEGER && a->u.i == 0) || (a->kind == SE_K_FLOAT && a->u.f == 0.0);
}
bool se__num_is_one(const se_expr *a) {
  return (a->kind == SE_K_INTEGER && a->u.i == 1) || (a->kind == SE_K_FLOAT && a->u.f == 1.0);
}

/* Rank of an infinite value on the extended line: -oo < -int_oo < finite <
 * int_oo < oo. */
static int inf_rank(const se_expr *a) {
  switch (a->kind) {
  case SE_K_NEG_OO: return -2;
  case SE_K_NEG_INT_OO: return -1;
  case SE_K_INT_OO: return 1;
  case SE_K_OO: return 2;
  default: return 0;
  }
}

int se__num_cmp(const se_expr *a, const se_expr *b) {
  if (a->kind == SE_K_NAN || a->kind == SE_K_ZOO || b->kind == SE_K_NAN || b->kind == SE_K_ZOO)
    return 2;
  int ra = inf_rank(a), rb = inf_rank(b);
  if (ra || rb) return (ra > rb) - (ra < rb);
  if (is_finite_rat(a) && is_finite_rat(b)) {
    i128 ap, aq, bp, bq;
    rat_parts(a, &ap, &aq);
    rat_parts(b, &bp, &bq);
    i128 l = ap * bq, r = bp * aq; /* |values| < 2^126: no overflow */
    return (l > r) - (l < r);
  }
  /* A Float against a number: compare exactly enough through long double. */
  long double x = a->kind == SE_K_RATIONAL ? (long double)a->u.q.p / (long double)a->u.q.q
                  : a->kind == SE_K_INTEGER ? (long double)a->u.i : (long double)a->u.f;
  long double y = b->kind == SE_K_RATIONAL ? (long double)b->u.q.p / (long double)b->u.q.q
                  : b->kind == SE_K_INTEGER ? (long double)b->u.i : (long double)b->u.f;
  return (x > y) - (x < y);
}

const se_expr *se__num_neg(se_ctx *ctx, const se_expr *a) {
  if (!a) return NULL;
  switch (a->kind) {
  case SE_K_INTEGER: {
    int64_t r;
    if (!se__neg_i64(a->u.i, &r)) {
      se__fail(ctx, SE_OVERFLOW, "integer overflow negating %lld", (long long)a->u.i);
      return NULL;
    }
    return se__int(ctx, r);
  }
  case SE_K_RATIONAL: return rat_from128(ctx, -(i128)a->u.q.p, a->u.q.q, "negation");
  case SE_K_FLOAT: return se__float(ctx, -a->u.f);
  case SE_K_INT_OO: return se__const(ctx, SE_K_NEG_INT_OO);
  case SE_K_NEG_INT_OO: return se__const(ctx, SE_K_INT_OO);
  case SE_K_OO: return se__const(ctx, SE_K_NEG_OO);
  case SE_K_NEG_OO: return se__const(ctx, SE_K_OO);
  default: return a; /* nan, zoo */
  }
}

/* int_oo (or -int_oo, sign s) plus b: torch-sympy 1's table. */
static const se_expr *intoo_add(se_ctx *ctx, int s, const se_expr *b) {
  switch (b->kind) {
  case SE_K_NAN: return b;
  case SE_K_OO: return s > 0 ? b : b; /* int_oo + oo = oo; -int_oo + oo = oo */
  case SE_K_NEG_OO: return s > 0 ? b : se__const(ctx, SE_K_NEG_INT_OO);
  case SE_K_INT_OO: return s > 0 ? b : se__const(ctx, SE_K_NAN);
  case SE_K_NEG_INT_OO: return s > 0 ? se__const(ctx, SE_K_NAN) : b;
  case SE_K_ZOO: return b;
  default: return se__const(ctx, s > 0 ? SE_K_INT_OO : SE_K_NEG_INT_OO);
  }
}

const se_expr *se__num_add(se_ctx *ctx, const se_expr *a, const se_expr *b) {
  if (!a || !b) return NULL;
  if (a->kind == SE_K_NAN || b->kind == SE_K_NAN) return se__const(ctx, SE_K_NAN);
  if (a->kind == SE_K_INT_OO || a->kind == SE_K_NEG_INT_OO)
    return intoo_add(ctx, a->kind == SE_K_INT_OO ? 1 : -1, b);
  if (b->kind == SE_K_INT_OO || b->kind == SE_K_NEG_INT_OO)
    return intoo_add(ctx, b->kind == SE_K_INT_OO ? 1 : -1, a);
  if (a->kind == SE_K_ZOO || b->kind == SE_K_ZOO)
    return se__const(ctx, a->kind == b->kind ? SE_K_NAN : SE_K_ZOO);
  int ra = inf_rank(a), rb = inf_rank(b);
  if (ra || rb) {
    if (ra && rb && ra != rb) return se__const(ctx, SE_K_NAN); /* oo - oo */
    return ra ? a : b;
  }
  if (a->kind == SE_K_FLOAT || b->kind == SE_K_FLOAT)
    return se__float(ctx, se__num_double(a) + se__num_double(b));
  if (a->kind == SE_K_INTEGER && b->kind == SE_K_INTEGER) {
    int64_t r;
    if (!se__add_i64(a->u.i, b->u.i, &r)) {
      se__fail(ctx, SE_OVERFLOW, "integer overflow: %lld + %lld", (long long)a->u.i,
               (long long)b->u.i);
      return NULL;
    }
    return se__int(ctx, r);
  }
  i128 ap, aq, bp, bq;
  rat_parts(a, &ap, &aq);
  rat_parts(b, &bp, &bq);
  return rat_from128(ctx, ap * bq + bp * aq, aq * bq, "rational addition");
}

/* Sign of a number for int_oo products: 1, -1, 0 (zero), 2 (nan). */
static const se_expr *intoo_mul(se_ctx *ctx, int s, const se_expr *b) {
  int sb = se__num_sign(b);
  if (sb == 2 || sb == 0) return se__const(ctx, SE_K_NAN);
  return se__const(ctx, s * sb > 0 ? SE_K_INT_OO : SE_K_NEG_INT_OO);
}

const se_expr *se__num_mul(se_ctx *ctx, const se_expr *a, const se_expr *b) {
  if (!a || !b) return NULL;
  if (a->kind == SE_K_NAN || b->kind == SE_K_NAN) return se__const(ctx, SE_K_NAN);
  if (a->kind == SE_K_INT_OO || a->kind == SE_K_NEG_INT_OO)
    return intoo_mul(ctx, a->kind == SE_K_INT_OO ? 1 : -1, b);
  if (b->kind == SE_K_INT_OO || b->kind == SE_K_NEG_INT_OO)
    return intoo_mul(ctx, b->kind == SE_K_INT_OO ? 1 : -1, a);
  if (a->kind == SE_K_ZOO || b->kind == SE_K_ZOO)
    return se__const(ctx, se__num_is_zero(a) || se__num_is_zero(b) ? SE_K_NAN : SE_K_ZOO);
  int ra = inf_rank(a), rb = inf_rank(b);
  if (ra || rb) {
    int s = se__num_sign(a) * se__num_sign(b);
    if (s == 0) return se__const(ctx, SE_K_NAN);
    return se__const(ctx, s > 0 ? SE_K_OO : SE_K_NEG_OO);
  }
  if (a->kind == SE_K_FLOAT || b->kind == SE_K_FLOAT)
    return se__float(ctx, se__num_double(a) * se__num_double(b));
  if (a->kind == SE_K_INTEGER && b->kind == SE_K_INTEGER) {
    int64_t r;
    if (!se__mul_i64(a->u.i, b->u.i, &r)) {
      se__fail(ctx, SE_OVERFLOW, "integer overflow: %lld * %lld", (long long)a->u.i,
               (long long)b->u.i);
      return NULL;
    }
    return se__int(ctx, r);
  }
  i128 ap, aq, bp, bq;
  rat_parts(a, &ap, &aq);
  rat_parts(b, &bp, &bq);
  i128 g1 = gcd128(ap, bq), g2 = gcd128(bp, aq);
  if (g1 > 1) { ap /= g1; bq /= g1; }
  if (g2 > 1) { bp /= g2; aq /= g2; }
  return rat_from128(ctx, ap * bp, aq * bq, "rational multiplication");
}

/* Exact integer power by squaring with overflow checks; e >= 0. */
static bool ipow(int64_t b, int64_t e, int64_t *out) {
  int64_t r = 1;
  while (e > 0) {
    if (e & 1) {
      if (!se__mul_i64(r, b, &r)) return false;
    }
    e >>= 1;
    if (e && !se__mul_i64(b, b, &b)) return false;
  }
  *out = r;
  return true;
}

const se_expr *se__num_pow(se_ctx *ctx, const se_expr *a, const se_expr *n) {
  if (!a || !n) return NULL;
  if (n->kind != SE_K_INTEGER) {
    se__fail(ctx, SE_UNSUPPORTED, "number power with a non-integer exponent");
    return NULL;
  }
  int64_t e = n->u.i;
  if (e == 0) return se__int(ctx, 1);
  switch (a->kind) {
  case SE_K_NAN: case SE_K_ZOO: return e < 0 && a->kind == SE_K_ZOO ? se__int(ctx, 0) : a;
  case SE_K_INT_OO: return e > 0 ? a : se__int(ctx, 0);
  case SE_K_OO: return e > 0 ? a : se__int(ctx, 0);
  case SE_K_NEG_INT_OO:
  case SE_K_NEG_OO:
    if (e < 0) return se__int(ctx, 0);
    return (e & 1) ? a : se__const(ctx, a->kind == SE_K_NEG_OO ? SE_K_OO : SE_K_INT_OO);
  case SE_K_FLOAT: return se__float(ctx, pow(a->u.f, (double)e));
  default: break;
  }
  int64_t p = a->kind == SE_K_INTEGER ? a->u.i : a->u.q.p;
  int64_t q = a->kind == SE_K_INTEGER ? 1 : a->u.q.q;
  if (e < 0) {
    if (p == 0) return se__const(ctx, SE_K_ZOO); /* SymPy: 0**-n is zoo */
    int64_t t = p;
    p = q;
    q = t;
    if (e == INT64_MIN) {
      se__fail(ctx, SE_OVERFLOW, "integer overflow in a power");
      return NULL;
    }
    e = -e;
  }
  /* Small bases never overflow. */
  if (p == 0 || (p == 1 && q == 1)) return se__rat(ctx, p, q);
  if (p == -1 && q == 1) return se__int(ctx, (e & 1) ? -1 : 1);
  int64_t rp, rq;
  if (!ipow(p, e, &rp) || !ipow(q, e, &rq)) {
    se__fail(ctx, SE_OVERFLOW, "integer overflow: %lld**%lld does not fit in 64 bits",
             (long long)p, (long long)e);
    return NULL;
  }
  if (rq < 0) {
    rq = -rq;
    rp = -rp;
  }
  return se__rat(ctx, rp, rq);
}

const se_expr *se__num_div(se_ctx *ctx, const se_expr *a, const se_expr *b) {
  if (!a || !b) return NULL;
  if (a->kind == SE_K_NAN || b->kind == SE_K_NAN) return se__const(ctx, SE_K_NAN);
  if (a->kind == SE_K_INT_OO || a->kind == SE_K_NEG_INT_OO) {
    if (inf_rank(b) || b->kind == SE_K_ZOO) return se__const(ctx, SE_K_NAN);
    bool nonneg = se__num_sign(b) >= 0;
    if (a->kind == SE_K_INT_OO) return se__const(ctx, nonneg ? SE_K_OO : SE_K_NEG_OO);
    return nonneg ? a : se__const(ctx, SE_K_OO);
  }
  if (b->kind == SE_K_INT_OO || b->kind == SE_K_NEG_INT_OO) {
    if (inf_rank(a) || a->kind == SE_K_ZOO) return se__const(ctx, SE_K_NAN);
    return se__int(ctx, 0);
  }
  if (se__num_is_zero(b) && is_finite_rat(b)) {
    if (is_finite_rat(a)) {
      se__fail(ctx, SE_ZERODIV, "division by zero");
      return NULL;
    }
  }
  if (a->kind == SE_K_FLOAT || b->kind == SE_K_FLOAT) {
    double d = se__num_double(b);
    if (d == 0.0) return se__const(ctx, SE_K_ZOO);
    return se__float(ctx, se__num_double(a) / d);
  }
  if (inf_rank(a) || inf_rank(b) || a->kind == SE_K_ZOO || b->kind == SE_K_ZOO) {
    if (inf_rank(b) || b->kind == SE_K_ZOO)
      return inf_rank(a) || a->kind == SE_K_ZOO ? se__const(ctx, SE_K_NAN) : se__int(ctx, 0);
    return se__num_mul(ctx, a, se__int(ctx, se__num_sign(b) == 0 ? 1 : se__num_sign(b)));
  }
  i128 ap, aq, bp, bq;
  rat_parts(a, &ap, &aq);
  rat_parts(b, &bp, &bq);
  return rat_from128(ctx, ap * bq, aq * bp, "rational division");
}
