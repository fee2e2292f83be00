/* Value ranges and the bound analysis (torch-sympy 3 and 6, the [NEW]
 * variants): ValueRanges, the range rule of every operation, and
 * bound_sympy as an interpreter over the expression nodes.
 *
 * Bounds are interned number nodes (or True/False), so a range is two
 * pointers; every number operation goes through the expr layer, which
 * carries the int_oo rules. Python's min()/max() (first of equal values
 * wins) and SymPy's Min/Max (its own choice between 0 and 0.0) are kept
 * apart on purpose: PyTorch uses each in different places. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ranges/ranges.h"

/* ---- bound helpers ------------------------------------------------------ */

static const se_expr *K(se_ctx *ctx, se_kind k) { return se__const(ctx, k); }

static bool is_bound_num(const se_expr *e) {
  return se__is_num(e) && e->kind != SE_K_NAN && e->kind != SE_K_ZOO;
}
static bool is_intlike(const se_expr *e) {
  return e->kind == SE_K_INTEGER || e->kind == SE_K_INT_OO || e->kind == SE_K_NEG_INT_OO;
}
static bool is_infinite(const se_expr *e) {
  return e->kind == SE_K_INT_OO || e->kind == SE_K_NEG_INT_OO || e->kind == SE_K_OO ||
         e->kind == SE_K_NEG_OO;
}
static bool is_float_or_oo(const se_expr *e) {
  return e->kind == SE_K_FLOAT || e->kind == SE_K_OO;
}

/* Generic order of bounds: numbers by value, False < True. 2 when the two
 * cannot be compared (a boolean against a number, nan). */
static int bcmp(const se_expr *a, const se_expr *b) {
  bool ba = se__is_bool_atom(a), bb = se__is_bool_atom(b);
  if (ba && bb) return (a->kind == SE_K_TRUE) - (b->kind == SE_K_TRUE);
  if (ba || bb) return 2;
  return se__num_cmp(a, b);
}
static bool b_lt(const se_expr *a, const se_expr *b) { return bcmp(a, b) == -1; }
static bool b_le(const se_expr *a, const se_expr *b) {
  int c = bcmp(a, b);
  return c == -1 || c == 0;
}
/* Python's min(a, b) / max(a, b): the first wins among equals. */
static const se_expr *py_min(const se_expr *a, const se_expr *b) {
  if (!a || !b) return NULL;
  return bcmp(b, a) == -1 ? b : a;
}
static const se_expr *py_max(const se_expr *a, const se_expr *b) {
  if (!a || !b) return NULL;
  return bcmp(b, a) == 1 ? b : a;
}

/* SymPy's Min/Max of two number bounds. Distinct values are decided here;
 * equal values of different kinds (0 and 0.0) go to SymPy's own rules. */
static const se_expr *sym_minmax(se_ctx *ctx, se_kind k, const se_expr *a, const se_expr *b) {
  if (!a || !b) return NULL;
  if (a == b) return a;
  int c = se__num_cmp(a, b);
  if (c == -1) return k == SE_K_MIN ? a : b;
  if (c == 1) return k == SE_K_MIN ? b : a;
  const se_expr *v[2] = {a, b};
  const se_expr *r = se__minmax_flavour(ctx, k, v, 2, false);
  if (r && !is_bound_num(r)) {
    se__fail(ctx, SE_INVALID, "%s of two numbers did not give a number", se_kind_name(k));
    return NULL;
  }
  return r;
}

/* Boolean atoms. */
static const se_expr *bnot(se_ctx *ctx, const se_expr *a) {
  return a ? se__bool(ctx, a->kind != SE_K_TRUE) : NULL;
}
static const se_expr *band(se_ctx *ctx, const se_expr *a, const se_expr *b) {
  if (!a || !b) return NULL;
  return se__bool(ctx, a->kind == SE_K_TRUE && b->kind == SE_K_TRUE);
}
static const se_expr *bor(se_ctx *ctx, const se_expr *a, const se_expr *b) {
  if (!a || !b) return NULL;
  return se__bool(ctx, a->kind == SE_K_TRUE || b->kind == SE_K_TRUE);
}

/* PyTorch's _keep_float: a Float input makes the result a Float. */
static const se_expr *keep_float(se_ctx *ctx, const se_expr *r, const se_expr *x,
                                 const se_expr *y) {
  if (!r) return NULL;
  bool f = (x && x->kind == SE_K_FLOAT) || (y && y->kind == SE_K_FLOAT);
  if (f && r->kind != SE_K_FLOAT) return se__float(ctx, se__num_double(r));
  return r;
}

/* Appends "[lo:hi]"-style bound text for messages. */
static void put_bound(se_buf *b, const se_expr *e) {
  if (e) se__str(b, e, true);
}

static void fail_pair(se_ctx *ctx, se_status st, const char *pre, const se_expr *a,
                      const char *mid, const se_expr *b, const char *post) {
  se_buf buf;
  se__buf_init(&buf);
  se__buf_puts(&buf, pre);
  put_bound(&buf, a);
  se__buf_puts(&buf, mid);
  put_bound(&buf, b);
  se__buf_puts(&buf, post);
  se__fail(ctx, st, "%s", buf.p ? buf.p : pre);
  se__buf_free(&buf);
}

static se_range fail_range(se_ctx *ctx, se_status st, const char *msg) {
  se__fail(ctx, st, "%s", msg);
  return se__vr_none();
}

/* ---- construction ------------------------------------------------------- */

se_range se__vr_make(se_ctx *ctx, const se_expr *lo, const se_expr *hi) {
  se_range r = se__vr_none();
  if (!lo || !hi) return r;
  bool bl = se__is_bool_atom(lo), bh = se__is_bool_atom(hi);
  if (bl != bh) {
    fail_pair(ctx, SE_INVALID, "ValueRanges bounds must both be booleans or both numbers: [",
              lo, ":", hi, "]");
    return r;
  }
  if (bl) {
    if (lo->kind == SE_K_TRUE && hi->kind == SE_K_FALSE) {
      fail_pair(ctx, SE_RANGE, "Invalid ranges [", lo, ":", hi, "]");
      return r;
    }
  } else {
    if (!is_bound_num(lo) || !is_bound_num(hi)) {
      fail_pair(ctx, SE_INVALID, "ValueRanges bounds must be numbers other than nan: [", lo,
                ":", hi, "]");
      return r;
    }
    /* [NEW] widening: an integer range's open end is int_oo, not oo. */
    if (lo->kind == SE_K_INTEGER && hi->kind == SE_K_OO) hi = K(ctx, SE_K_INT_OO);
    if (hi->kind == SE_K_INTEGER && lo->kind == SE_K_NEG_OO) lo = K(ctx, SE_K_NEG_INT_OO);
    if (!lo || !hi) return r;
    int c = se__num_cmp(hi, lo);
    if (c == 2) {
      fail_pair(ctx, SE_INVALID, "Could not compare ", lo, " <= ", hi, "");
      return r;
    }
    if (c < 0) {
      fail_pair(ctx, SE_RANGE, "Invalid ranges [", lo, ":", hi, "]");
      return r;
    }
  }
  r.lo = lo;
  r.hi = hi;
  r.is_bool = bl;
  r.is_int = !bl && is_intlike(lo) && is_intlike(hi);
  return r;
}

se_range se__vr_wrap(se_ctx *ctx, const se_expr *v) { return se__vr_make(ctx, v, v); }

se_range se__vr_unknown(se_ctx *ctx) {
  return se__vr_make(ctx, K(ctx, SE_K_NEG_OO), K(ctx, SE_K_OO));
}
se_range se__vr_unknown_int(se_ctx *ctx) {
  return se__vr_make(ctx, K(ctx, SE_K_NEG_INT_OO), K(ctx, SE_K_INT_OO));
}
se_range se__vr_unknown_bool(se_ctx *ctx) {
  return se__vr_make(ctx, se__bool(ctx, false), se__bool(ctx, true));
}

bool se__vr_is_singleton(se_range r) { return se__vr_ok(r) && r.lo == r.hi; }

bool se__vr_same(se_range a, se_range b) {
  return a.lo == b.lo && a.hi == b.hi && a.is_bool == b.is_bool && a.is_int == b.is_int;
}

static bool is_unknown(se_range r) {
  return se__vr_ok(r) && r.lo->kind == SE_K_NEG_OO && r.hi->kind == SE_K_OO;
}
static bool is_unknown_int(se_range r) {
  return se__vr_ok(r) && r.lo->kind == SE_K_NEG_INT_OO && r.hi->kind == SE_K_INT_OO;
}

bool se__vr_contains(se_range r, const se_expr *v) {
  if (!se__vr_ok(r) || !v) return false;
  return b_le(r.lo, v) && b_le(v, r.hi);
}

bool se__vr_issubset(se_range a, se_range b) {
  if (!se__vr_ok(a) || !se__vr_ok(b)) return false;
  if (is_unknown_int(b)) return true;
  return b_le(b.lo, a.lo) && b_le(a.hi, b.hi);
}

static bool flags_match(se_range a, se_range b) {
  return a.is_bool == b.is_bool && a.is_int == b.is_int;
}

static void fail_flags(se_ctx *ctx, const char *op, se_range a, se_range b) {
  se_buf buf;
  se__buf_init(&buf);
  se__buf_printf(&buf, "%s of ranges of different types: VR[", op);
  put_bound(&buf, a.lo);
  se__buf_puts(&buf, ", ");
  put_bound(&buf, a.hi);
  se__buf_puts(&buf, "] and VR[");
  put_bound(&buf, b.lo);
  se__buf_puts(&buf, ", ");
  put_bound(&buf, b.hi);
  se__buf_puts(&buf, "]");
  se__fail(ctx, SE_INVALID, "%s", buf.p ? buf.p : op);
  se__buf_free(&buf);
}

se_range se__vr_and(se_ctx *ctx, se_range a, se_range b) {
  if (!se__vr_ok(a) || !se__vr_ok(b)) return se__vr_none();
  if (is_unknown(b) || is_unknown_int(b)) return a;
  if (is_unknown(a) || is_unknown_int(a)) return b;
  if (!flags_match(a, b)) {
    fail_flags(ctx, "intersection", a, b);
    return se__vr_none();
  }
  if (a.is_bool) return se__vr_make(ctx, bor(ctx, a.lo, b.lo), band(ctx, a.hi, b.hi));
  return se__vr_make(ctx, sym_minmax(ctx, SE_K_MAX, a.lo, b.lo),
                     sym_minmax(ctx, SE_K_MIN, a.hi, b.hi));
}

se_range se__vr_or(se_ctx *ctx, se_range a, se_range b) {
  if (!se__vr_ok(a) || !se__vr_ok(b)) return se__vr_none();
  if (is_unknown(a) || is_unknown(b)) return se__vr_unknown(ctx);
  if (!flags_match(a, b)) {
    fail_flags(ctx, "union", a, b);
    return se__vr_none();
  }
  if (a.is_bool) return se__vr_make(ctx, band(ctx, a.lo, b.lo), bor(ctx, a.hi, b.hi));
  return se__vr_make(ctx, sym_minmax(ctx, SE_K_MIN, a.lo, b.lo),
                     sym_minmax(ctx, SE_K_MAX, a.hi, b.hi));
}

se_range se__vr_boolify(se_ctx *ctx, se_range a) {
  if (!se__vr_ok(a)) return a;
  if (a.is_bool) return a;
  if (is_unknown(a)) return se__vr_unknown_bool(ctx);
  fail_pair(ctx, SE_INVALID, "not bool like VR[", a.lo, ", ", a.hi, "]");
  return se__vr_none();
}

/* Numeric operations reject boolean ranges (Python raises on them). */
static bool need_num(se_ctx *ctx, const char *op, se_range a) {
  if (!se__vr_ok(a)) return false;
  if (!a.is_bool) return true;
  se__fail(ctx, SE_INVALID, "%s of a boolean range", op);
  return false;
}
static bool need_num2(se_ctx *ctx, const char *op, se_range a, se_range b) {
  return need_num(ctx, op, a) && need_num(ctx, op, b);
}

/* ---- mapping helpers ------------------------------------------------------ */

typedef const se_expr *(*unop_fn)(se_ctx *ctx, const se_expr *x);
typedef const se_expr *(*binop_fn)(se_ctx *ctx, const se_expr *x, const se_expr *y);

static se_range increasing_map(se_ctx *ctx, se_range a, unop_fn f) {
  if (!se__vr_ok(a)) return a;
  const se_expr *lo = f(ctx, a.lo);
  const se_expr *hi = lo ? f(ctx, a.hi) : NULL;
  return se__vr_make(ctx, lo, hi);
}

static se_range decreasing_map(se_ctx *ctx, se_range a, unop_fn f) {
  if (!se__vr_ok(a)) return a;
  const se_expr *lo = f(ctx, a.hi);
  const se_expr *hi = lo ? f(ctx, a.lo) : NULL;
  return se__vr_make(ctx, lo, hi);
}

static se_range monotone_vals(se_ctx *ctx, const se_expr *l, const se_expr *u) {
  if (!l || !u) return se__vr_none();
  return se__vr_make(ctx, py_min(l, u), py_max(l, u));
}

/* Convex with its minimum at 0: [0, max(f(lo), f(hi))] when 0 is inside
 * (lower 0.0 when that upper is a Float or oo), else the monotone map. */
static se_range convex_vals(se_ctx *ctx, se_range a, const se_expr *flo, const se_expr *fhi) {
  if (!flo || !fhi) return se__vr_none();
  if (se__vr_contains(a, se__int(ctx, 0))) {
    const se_expr *up = py_max(flo, fhi);
    const se_expr *zero = is_float_or_oo(up) ? se__float(ctx, 0.0) : se__int(ctx, 0);
    return se__vr_make(ctx, zero, up);
  }
  return monotone_vals(ctx, flo, fhi);
}

static se_range cw_increasing(se_ctx *ctx, se_range a, se_range b, binop_fn f) {
  if (!se__vr_ok(a) || !se__vr_ok(b)) return se__vr_none();
  const se_expr *lo = f(ctx, a.lo, b.lo);
  const se_expr *hi = lo ? f(ctx, a.hi, b.hi) : NULL;
  return se__vr_make(ctx, lo, hi);
}

/* The four corners in the order (lo,lo), (lo,hi), (hi,lo), (hi,hi); Python
 * min/max over them, so the first of equal corners wins. */
static se_range cw_monotone(se_ctx *ctx, se_range a, se_range b, binop_fn f) {
  if (!se__vr_ok(a) || !se__vr_ok(b)) return se__vr_none();
  const se_expr *xs[2] = {a.lo, a.hi}, *ys[2] = {b.lo, b.hi};
  const se_expr *mn = NULL, *mx = NULL;
  for (int i = 0; i < 2; i++)
    for (int j = 0; j < 2; j++) {
      const se_expr *p = f(ctx, xs[i], ys[j]);
      if (!p) return se__vr_none();
      if (!is_bound_num(p)) {
        fail_pair(ctx, SE_INVALID, "range corner is not a comparable number: ", xs[i], ", ",
                  ys[j], "");
        return se__vr_none();
      }
      mn = mn ? py_min(mn, p) : p;
      mx = mx ? py_max(mx, p) : p;
    }
  return se__vr_make(ctx, mn, mx);
}

/* ---- number functions used by the rules --------------------------------- */

static const se_expr *int_of_double(se_ctx *ctx, double v, const char *what) {
  if (isnan(v) || isinf(v)) {
    se__fail(ctx, SE_OVERFLOW, "%s: cannot convert float %s to integer", what,
             isnan(v) ? "NaN" : "infinity");
    return NULL;
  }
  if (v >= 9223372036854775808.0 || v < -9223372036854775808.0) {
    se__fail(ctx, SE_OVERFLOW, "%s: %g does not fit in 64 bits", what, v);
    return NULL;
  }
  return se__int(ctx, (int64_t)v);
}

/* An Integer bound beyond int64 saturates to +-int_oo (sign s) instead of
 * failing (Rationals still fail: their overflow need not be large):
 * Python's bounds are unbounded integers, ours are int64, and int_oo is
 * what every range rule already reads as "larger than any int64" (as
 * safe_pow does). Only an overflow raised by this very operation is
 * absorbed; an earlier pending error stays. */
static const se_expr *saturate(se_ctx *ctx, const se_expr *r, se_status before, int s) {
  if (r || before != SE_OK || se__status(ctx) != SE_OVERFLOW) return r;
  if (s != 1 && s != -1) return NULL;
  se_clear_error(ctx);
  return K(ctx, s > 0 ? SE_K_INT_OO : SE_K_NEG_INT_OO);
}

static const se_expr *n_add(se_ctx *ctx, const se_expr *x, const se_expr *y) {
  se_status before = se__status(ctx);
  const se_expr *r = se__num_add(ctx, x, y);
  if (x->kind == SE_K_INTEGER && y->kind == SE_K_INTEGER)
    r = saturate(ctx, r, before, se__num_sign(x));
  return keep_float(ctx, r, x, y);
}

static const se_expr *n_neg(se_ctx *ctx, const se_expr *x) { return se__num_neg(ctx, x); }

static const se_expr *n_abs(se_ctx *ctx, const se_expr *x) {
  return se__num_sign(x) < 0 ? se__num_neg(ctx, x) : x;
}

/* Multiplication where a zero factor wins over an infinity (0*oo = 0). */
static const se_expr *n_safe_mul(se_ctx *ctx, const se_expr *x, const se_expr *y) {
  const se_expr *r;
  if (se__num_is_zero(x))
    r = x;
  else if (se__num_is_zero(y))
    r = y;
  else {
    se_status before = se__status(ctx);
    r = se__num_mul(ctx, x, y);
    if (x->kind == SE_K_INTEGER && y->kind == SE_K_INTEGER)
      r = saturate(ctx, r, before, se__num_sign(x) * se__num_sign(y));
  }
  return keep_float(ctx, r, x, y);
}

/* FloatTrueDiv of two numbers: Float(float(x) / float(y)). */
static const se_expr *n_ftruediv(se_ctx *ctx, const se_expr *x, const se_expr *y) {
  double d = se__num_double(y);
  if (d == 0.0) {
    se__fail(ctx, SE_ZERODIV, "division by zero");
    return NULL;
  }
  return se__float(ctx, se__num_double(x) / d);
}

/* IntTrueDiv of two numbers: Python's correctly rounded int / int. */
static const se_expr *n_itruediv(se_ctx *ctx, const se_expr *x, const se_expr *y) {
  if (x->kind == SE_K_INTEGER && y->kind == SE_K_INTEGER) {
    if (y->u.i == 0) {
      se__fail(ctx, SE_ZERODIV, "division by zero");
      return NULL;
    }
    const int64_t lim = (int64_t)1 << 53;
    if (x->u.i <= lim && x->u.i >= -lim && y->u.i <= lim && y->u.i >= -lim)
      return se__float(ctx, (double)x->u.i / (double)y->u.i);
    return se__float(ctx, (double)((long double)x->u.i / (long double)y->u.i));
  }
  return n_ftruediv(ctx, x, y);
}

/* FloorDiv of two numbers through the shared constructor; a nan corner
 * (an infinity over an infinity) becomes sign(x)*sign(y)*int_oo. */
static const se_expr *n_floordiv(se_ctx *ctx, const se_expr *x, const se_expr *y) {
  const se_expr *v[2] = {x, y};
  const se_expr *r = se__torchfn(ctx, SE_K_FLOORDIV, v, 2);
  if (!r) return NULL;
  if (r->kind == SE_K_NAN) {
    int s = se__num_sign(x) * se__num_sign(y);
    if (s == 0 || s > 1 || s < -1) return r;
    return K(ctx, s > 0 ? SE_K_INT_OO : SE_K_NEG_INT_OO);
  }
  return r;
}

static const se_expr *n_min(se_ctx *ctx, const se_expr *x, const se_expr *y) {
  return sym_minmax(ctx, SE_K_MIN, x, y);
}
static const se_expr *n_max(se_ctx *ctx, const se_expr *x, const se_expr *y) {
  return sym_minmax(ctx, SE_K_MAX, x, y);
}
static const se_expr *n_and(se_ctx *ctx, const se_expr *x, const se_expr *y) {
  return band(ctx, x, y);
}
static const se_expr *n_or(se_ctx *ctx, const se_expr *x, const se_expr *y) {
  return bor(ctx, x, y);
}
static const se_expr *n_not(se_ctx *ctx, const se_expr *x) { return bnot(ctx, x); }

/* SymPy floor / ceiling of a number (infinities unchanged). */
static const se_expr *n_floor_ceil(se_ctx *ctx, const se_expr *x, bool ceil_) {
  switch (x->kind) {
  case SE_K_INTEGER: return x;
  case SE_K_RATIONAL: {
    int64_t q;
    int64_t p = ceil_ ? -x->u.q.p : x->u.q.p;
    if (!se__floordiv_i64(p, x->u.q.q, &q)) return NULL;
    return se__int(ctx, ceil_ ? -q : q);
  }
  case SE_K_FLOAT:
    return int_of_double(ctx, ceil_ ? ceil(x->u.f) : floor(x->u.f), ceil_ ? "ceiling" : "floor");
  default: return x;
  }
}
static const se_expr *n_floor(se_ctx *ctx, const se_expr *x) {
  return n_floor_ceil(ctx, x, false);
}
static const se_expr *n_ceiling(se_ctx *ctx, const se_expr *x) {
  return n_floor_ceil(ctx, x, true);
}
static const se_expr *n_floor_f(se_ctx *ctx, const se_expr *x) {
  return keep_float(ctx, n_floor(ctx, x), x, NULL);
}
static const se_expr *n_ceiling_f(se_ctx *ctx, const se_expr *x) {
  return keep_float(ctx, n_ceiling(ctx, x), x, NULL);
}

/* TruncToInt: infinities to +-int_oo, numbers through a double. */
static const se_expr *n_trunc_to_int(se_ctx *ctx, const se_expr *x) {
  if (x->kind == SE_K_OO || x->kind == SE_K_INT_OO) return K(ctx, SE_K_INT_OO);
  if (x->kind == SE_K_NEG_OO || x->kind == SE_K_NEG_INT_OO) return K(ctx, SE_K_NEG_INT_OO);
  if (x->kind == SE_K_INTEGER) return x;
  return int_of_double(ctx, trunc(se__num_double(x)), "TruncToInt");
}

/* RoundToInt: only oo/-oo map to +-int_oo; int_oo itself overflows, as in
 * PyTorch; halves round to even. */
static const se_expr *n_round_to_int(se_ctx *ctx, const se_expr *x) {
  if (x->kind == SE_K_OO) return K(ctx, SE_K_INT_OO);
  if (x->kind == SE_K_NEG_OO) return K(ctx, SE_K_NEG_INT_OO);
  if (x->kind == SE_K_INTEGER) return x;
  return int_of_double(ctx, nearbyint(se__num_double(x)), "RoundToInt");
}

/* TruncToFloat: +-oo unchanged, numbers truncated to a Float. */
static const se_expr *n_trunc_float(se_ctx *ctx, const se_expr *x) {
  if (x->kind == SE_K_OO || x->kind == SE_K_NEG_OO) return x;
  double v = se__num_double(x);
  if (isinf(v)) {
    se__fail(ctx, SE_OVERFLOW, "TruncToFloat: cannot convert float infinity to integer");
    return NULL;
  }
  return se__float(ctx, trunc(v));
}

/* ToFloat: Integer to Float, int_oo to oo; other numbers stay unevaluated,
 * which is not a valid bound. */
static const se_expr *n_to_float(se_ctx *ctx, const se_expr *x) {
  switch (x->kind) {
  case SE_K_OO: case SE_K_NEG_OO: return x;
  case SE_K_INT_OO: return K(ctx, SE_K_OO);
  case SE_K_NEG_INT_OO: return K(ctx, SE_K_NEG_OO);
  case SE_K_INTEGER: return se__float(ctx, (double)x->u.i);
  default:
    fail_pair(ctx, SE_INVALID, "ToFloat(", x, ") is not a number", NULL, "");
    return NULL;
  }
}

typedef double (*dfun)(double);

/* An OpaqueUnaryFn of a number: Integer/Float fold through the C library;
 * infinities follow SymPy's function (int_oo taken as oo). */
static const se_expr *n_opaque(se_ctx *ctx, se_kind k, const se_expr *x) {
  const char *name = se_kind_name(k) + strlen("OpaqueUnaryFn_");
  if (x->kind == SE_K_INTEGER || x->kind == SE_K_FLOAT) {
    double v = se__num_double(x), r;
    switch (k) {
    case SE_K_OPAQUE_SQRT:
      if (v < 0) goto domain;
      r = sqrt(v);
      break;
    case SE_K_OPAQUE_EXP:
      r = exp(v);
      if (isinf(r)) {
        se__fail(ctx, SE_UNSUPPORTED, "exp(%g) overflows a float bound", v);
        return NULL;
      }
      break;
    case SE_K_OPAQUE_LOG:
      if (v <= 0) goto domain;
      r = log(v);
      break;
    case SE_K_OPAQUE_LOG2:
      if (v <= 0) goto domain;
      r = log2(v);
      break;
    default:
      se__fail(ctx, SE_UNSUPPORTED, "no range rule folds %s", name);
      return NULL;
    }
    return se__float(ctx, r);
  }
  if (is_infinite(x)) {
    bool pos = x->kind == SE_K_OO || x->kind == SE_K_INT_OO;
    if (pos) return K(ctx, SE_K_OO);
    if (k == SE_K_OPAQUE_EXP) return se__int(ctx, 0);
    goto domain;
  }
  fail_pair(ctx, SE_INVALID, "", x, " is not a bound OpaqueUnaryFn folds", NULL, "");
  return NULL;
domain:
  se__fail(ctx, SE_DOMAIN, "math domain error in %s", name);
  return NULL;
}
static const se_expr *n_exp(se_ctx *ctx, const se_expr *x) {
  return n_opaque(ctx, SE_K_OPAQUE_EXP, x);
}
static const se_expr *n_log(se_ctx *ctx, const se_expr *x) {
  return n_opaque(ctx, SE_K_OPAQUE_LOG, x);
}
static const se_expr *n_log2(se_ctx *ctx, const se_expr *x) {
  return n_opaque(ctx, SE_K_OPAQUE_LOG2, x);
}
static const se_expr *n_sqrt(se_ctx *ctx, const se_expr *x) {
  return n_opaque(ctx, SE_K_OPAQUE_SQRT, x);
}
static const se_expr *n_recip(se_ctx *ctx, const se_expr *x) {
  return n_ftruediv(ctx, se__float(ctx, 1.0), x);
}

/* safe_pow(b, e): b**e saturating to +-int_oo beyond int64; e >= 0. */
static const se_expr *safe_pow(se_ctx *ctx, const se_expr *b, const se_expr *e) {
  if (!b || !e) return NULL;
  if (!is_bound_num(b) || !is_bound_num(e)) {
    se__fail(ctx, SE_INVALID, "safe_pow of a non-number");
    return NULL;
  }
  if (se__num_sign(e) < 0) {
    se__fail(ctx, SE_DOMAIN, "Exponent must be non-negative.");
    return NULL;
  }
  bool e_inf = is_infinite(e);
  if (!e_inf && e->kind != SE_K_INTEGER) {
    se__fail(ctx, SE_INVALID, "safe_pow needs an integer exponent");
    return NULL;
  }
  int sign = 1;
  if (se__num_sign(b) < 0) {
    b = se__num_neg(ctx, b);
    if (!b) return NULL;
    /* e % 2 == 0 decides; an infinite exponent is not even. */
    sign = (!e_inf && e->u.i % 2 == 0) ? 1 : -1;
  }
  const se_expr *r;
  if (e_inf) {
    r = se__num_is_zero(b) ? se__int(ctx, 0)
        : se__num_is_one(b) ? b
                            : K(ctx, SE_K_INT_OO);
  } else if (e->u.i == 0) {
    r = se__int(ctx, 1);
  } else if (is_infinite(b)) {
    r = K(ctx, SE_K_INT_OO);
  } else if (b->kind == SE_K_INTEGER) {
    int64_t acc = 1, base = b->u.i, n = e->u.i;
    bool over = false;
    while (n > 0 && !over) {
      if (n & 1) over = !se__mul_i64(acc, base, &acc);
      n >>= 1;
      if (n > 0 && !over) over = !se__mul_i64(base, base, &base);
    }
    r = over ? K(ctx, SE_K_INT_OO) : se__int(ctx, acc);
  } else {
    double v = pow(se__num_double(b), (double)e->u.i);
    if (v > 9223372036854775807.0)
      r = K(ctx, SE_K_INT_OO);
    else if (b->kind == SE_K_FLOAT)
      r = se__float(ctx, v);
    else
      r = se__num_pow(ctx, b, e);
  }
  return sign < 0 ? se__num_neg(ctx, r) : r;
}

/* PowByNatural(x, e) of two numbers. */
static const se_expr *n_pbn(se_ctx *ctx, const se_expr *x, const se_expr *e) {
  if (!x || !e) return NULL;
  if (x->kind == SE_K_INTEGER && e->kind == SE_K_INTEGER) return safe_pow(ctx, x, e);
  if (e->kind == SE_K_INTEGER) return se__num_pow(ctx, x, e);
  if (e->kind == SE_K_INT_OO || e->kind == SE_K_OO) {
    int s = se__num_sign(x);
    if (s >= 0 && s <= 1) return K(ctx, SE_K_INT_OO);
  }
  fail_pair(ctx, SE_INVALID, "PowByNatural(", x, ", ", e, ") is not a number");
  return NULL;
}

/* ---- the range rules ------------------------------------------------------ */

se_range se__vr_constant(se_ctx *ctx, const se_expr *v, se_dtype dt) {
  if (!v) return se__vr_none();
  if (v->kind == SE_K_NAN) {
    if (dt == SE_DT_BOOL) return se__vr_unknown_bool(ctx);
    if (dt == SE_DT_INT64) return se__vr_unknown_int(ctx);
    return se__vr_unknown(ctx);
  }
  if (dt == SE_DT_BOOL && !se__is_bool_atom(v))
    return fail_range(ctx, SE_INVALID, "constant of type bool is not a boolean");
  if (dt == SE_DT_INT64 && !is_intlike(v))
    return fail_range(ctx, SE_INVALID, "constant of an integer type is not an integer");
  return se__vr_wrap(ctx, v);
}

se_range se__vr_add(se_ctx *ctx, se_range a, se_range b) {
  if (!need_num2(ctx, "add", a, b)) return se__vr_none();
  return cw_increasing(ctx, a, b, n_add);
}

se_range se__vr_neg(se_ctx *ctx, se_range a) {
  if (!need_num(ctx, "neg", a)) return se__vr_none();
  return decreasing_map(ctx, a, n_neg);
}

se_range se__vr_sub(se_ctx *ctx, se_range a, se_range b) {
  return se__vr_add(ctx, a, se__vr_neg(ctx, b));
}

se_range se__vr_mul(se_ctx *ctx, se_range a, se_range b) {
  if (!se__vr_ok(a) || !se__vr_ok(b)) return se__vr_none();
  if (a.is_bool != b.is_bool)
    return fail_range(ctx, SE_INVALID, "mul: operands must both be boolean ranges or neither");
  if (a.is_bool) return se__vr_land(ctx, a, b);
  return cw_monotone(ctx, a, b, n_safe_mul);
}

se_range se__vr_square(se_ctx *ctx, se_range a) {
  if (!need_num(ctx, "square", a)) return se__vr_none();
  const se_expr *two = se__int(ctx, 2);
  const se_expr *flo = n_pbn(ctx, a.lo, two);
  const se_expr *fhi = flo ? n_pbn(ctx, a.hi, two) : NULL;
  return convex_vals(ctx, a, flo, fhi);
}

/* 0 in b, or an infinity (of kind pos/neg) in both a and b. */
static bool div_unknown(se_ctx *ctx, se_range a, se_range b, se_kind pos, se_kind neg) {
  const se_expr *p = K(ctx, pos), *n = K(ctx, neg);
  if (se__vr_contains(b, se__int(ctx, 0))) return true;
  bool ai = se__vr_contains(a, n) || se__vr_contains(a, p);
  bool bi = se__vr_contains(b, n) || se__vr_contains(b, p);
  return ai && bi;
}

se_range se__vr_truediv(se_ctx *ctx, se_range a, se_range b) {
  if (!need_num2(ctx, "truediv", a, b)) return se__vr_none();
  if (div_unknown(ctx, a, b, SE_K_OO, SE_K_NEG_OO)) return se__vr_unknown(ctx);
  return cw_monotone(ctx, a, b, n_ftruediv);
}

se_range se__vr_int_truediv(se_ctx *ctx, se_range a, se_range b) {
  if (!need_num2(ctx, "int_truediv", a, b)) return se__vr_none();
  if (div_unknown(ctx, a, b, SE_K_INT_OO, SE_K_NEG_INT_OO)) return se__vr_unknown(ctx);
  return cw_monotone(ctx, a, b, n_itruediv);
}

se_range se__vr_floordiv(se_ctx *ctx, se_range a, se_range b) {
  if (!need_num2(ctx, "floordiv", a, b)) return se__vr_none();
  const se_expr *zero = se__int(ctx, 0);
  if (se__vr_contains(b, zero)) {
    bool b_ge = b_le(zero, b.lo), b_le0 = b_le(b.hi, zero);
    bool a_ge = b_le(zero, a.lo), a_le0 = b_le(a.hi, zero);
    if ((b_ge && a_ge) || (b_le0 && a_le0)) return se__vr_make(ctx, zero, K(ctx, SE_K_INT_OO));
    if ((b_le0 && a_ge) || (b_ge && a_le0))
      return se__vr_make(ctx, K(ctx, SE_K_NEG_INT_OO), zero);
    return se__vr_unknown_int(ctx);
  }
  return cw_monotone(ctx, a, b, n_floordiv);
}

/* C-style truncated quotient u / m as mod's rule compares them: a finite
 * quotient truncated to an Integer, an infinite one kept as is. */
static const se_expr *c_div(se_ctx *ctx, const se_expr *u, const se_expr *m) {
  const se_expr *q = se__num_div(ctx, u, m);
  if (!q) return NULL;
  switch (q->kind) {
  case SE_K_INTEGER: return q;
  case SE_K_RATIONAL: return se__int(ctx, q->u.q.p / q->u.q.q);
  case SE_K_FLOAT: return int_of_double(ctx, trunc(q->u.f), "mod");
  default: return q;
  }
}

/* C-style remainder: sign(u) * (|u| % m), m > 0. */
static const se_expr *c_mod(se_ctx *ctx, const se_expr *u, const se_expr *m) {
  const se_expr *au = n_abs(ctx, u);
  if (!au) return NULL;
  const se_expr *r;
  if (is_infinite(au) || is_infinite(m)) {
    fail_pair(ctx, SE_INVALID, "mod of ", u, " by ", m, " is nan");
    return NULL;
  }
  if (au->kind == SE_K_INTEGER && m->kind == SE_K_INTEGER) {
    int64_t v;
    if (!se__pymod_i64(au->u.i, m->u.i, &v)) return NULL;
    r = se__int(ctx, v);
  } else if (au->kind == SE_K_FLOAT || m->kind == SE_K_FLOAT) {
    double x = se__num_double(au), y = se__num_double(m);
    double v = fmod(x, y);
    if (v != 0 && ((v < 0) != (y < 0))) v += y;
    r = se__float(ctx, v);
  } else {
    /* Rationals: |u| - m*floor(|u|/m). */
    const se_expr *q = se__num_div(ctx, au, m);
    const se_expr *fq = q ? n_floor(ctx, q) : NULL;
    const se_expr *mq = fq ? se__num_mul(ctx, m, fq) : NULL;
    r = mq ? se__num_add(ctx, au, se__num_neg(ctx, mq)) : NULL;
  }
  if (r && se__num_sign(u) < 0) r = se__num_neg(ctx, r);
  return r;
}

se_range se__vr_mod(se_ctx *ctx, se_range x, se_range y) {
  if (!need_num2(ctx, "mod", x, y)) return se__vr_none();
  const se_expr *zero = se__int(ctx, 0), *one = se__int(ctx, 1);
  if (se__vr_contains(y, zero)) return se__vr_unknown_int(ctx);
  if (se__vr_is_singleton(y)) {
    const se_expr *m = n_abs(ctx, y.lo);
    const se_expr *dlo = c_div(ctx, x.lo, m);
    const se_expr *dhi = dlo ? c_div(ctx, x.hi, m) : NULL;
    if (!dhi) return se__vr_none();
    if (dlo == dhi) {
      const se_expr *lo = c_mod(ctx, x.lo, m);
      const se_expr *hi = lo ? c_mod(ctx, x.hi, m) : NULL;
      return se__vr_make(ctx, lo, hi);
    }
    const se_expr *one_minus_m = se__num_add(ctx, se__num_neg(ctx, m), one);
    const se_expr *m_minus_one = se__num_add(ctx, m, se__int(ctx, -1));
    if (b_lt(x.hi, zero)) return se__vr_make(ctx, one_minus_m, zero);
    if (b_lt(zero, x.lo)) return se__vr_make(ctx, zero, m_minus_one);
    return se__vr_make(ctx, py_max(one_minus_m, x.lo), py_min(m_minus_one, x.hi));
  }
  se_range ay = se__vr_abs(ctx, y);
  if (!se__vr_ok(ay)) return ay;
  const se_expr *u = se__num_add(ctx, ay.hi, se__int(ctx, -1));
  return se__vr_make(ctx, se__num_neg(ctx, u), u);
}

se_range se__vr_python_mod(se_ctx *ctx, se_range x, se_range y) {
  if (!need_num2(ctx, "python_mod", x, y)) return se__vr_none();
  const se_expr *zero = se__int(ctx, 0);
  if (b_le(zero, x.lo) && b_le(zero, y.lo)) return se__vr_mod(ctx, x, y);
  const se_expr *lo = b_lt(y.lo, zero) ? se__num_add(ctx, y.lo, se__int(ctx, 1)) : zero;
  const se_expr *hi = b_lt(zero, y.hi) ? se__num_add(ctx, y.hi, se__int(ctx, -1)) : zero;
  return se__vr_make(ctx, lo, hi);
}

se_range se__vr_modular_indexing(se_ctx *ctx, se_range a, se_range b, se_range c) {
  return se__vr_mod(ctx, se__vr_floordiv(ctx, a, b), c);
}

se_range se__vr_pow_by_natural(se_ctx *ctx, se_range a, se_range b) {
  if (!need_num2(ctx, "pow_by_natural", a, b)) return se__vr_none();
  if (se__vr_is_singleton(a) && se__vr_is_singleton(b))
    return se__vr_wrap(ctx, safe_pow(ctx, a.lo, b.lo));
  if (b_le(se__int(ctx, 1), a.lo)) {
    se_range nat = se__vr_make(ctx, se__int(ctx, 0), K(ctx, SE_K_INT_OO));
    return cw_increasing(ctx, a, se__vr_and(ctx, b, nat), n_pbn);
  }
  if (se__vr_is_singleton(b)) {
    const se_expr *n = b.lo;
    const se_expr *flo = safe_pow(ctx, a.lo, n);
    const se_expr *fhi = flo ? safe_pow(ctx, a.hi, n) : NULL;
    if (n->kind == SE_K_INTEGER && n->u.i % 2 == 0) return convex_vals(ctx, a, flo, fhi);
    return se__vr_make(ctx, flo, fhi);
  }
  const se_expr *m = py_max(a.hi, se__num_neg(ctx, a.lo));
  const se_expr *p = safe_pow(ctx, m, b.hi);
  return se__vr_make(ctx, se__num_neg(ctx, p), p);
}

se_range se__vr_pow(se_ctx *ctx, se_range a, se_range b) {
  if (!se__vr_ok(a) || !se__vr_ok(b)) return se__vr_none();
  return se__vr_unknown(ctx);
}

se_range se__vr_reciprocal(se_ctx *ctx, se_range a) {
  if (!need_num(ctx, "reciprocal", a)) return se__vr_none();
  if (se__vr_contains(a, se__int(ctx, 0))) return se__vr_unknown(ctx);
  return decreasing_map(ctx, a, n_recip);
}

se_range se__vr_abs(se_ctx *ctx, se_range a) {
  if (!need_num(ctx, "abs", a)) return se__vr_none();
  const se_expr *flo = n_abs(ctx, a.lo);
  const se_expr *fhi = flo ? n_abs(ctx, a.hi) : NULL;
  return convex_vals(ctx, a, flo, fhi);
}

se_range se__vr_exp(se_ctx *ctx, se_range a) {
  if (!need_num(ctx, "exp", a)) return se__vr_none();
  return increasing_map(ctx, a, n_exp);
}

static se_range log_like(se_ctx *ctx, se_range a, unop_fn f) {
  if (!need_num(ctx, "log", a)) return se__vr_none();
  if (b_le(a.lo, se__int(ctx, 0))) return se__vr_unknown(ctx);
  return increasing_map(ctx, a, f);
}
se_range se__vr_log(se_ctx *ctx, se_range a) { return log_like(ctx, a, n_log); }
se_range se__vr_log2(se_ctx *ctx, se_range a) { return log_like(ctx, a, n_log2); }

se_range se__vr_sqrt(se_ctx *ctx, se_range a) {
  if (!need_num(ctx, "sqrt", a)) return se__vr_none();
  if (b_lt(a.lo, se__int(ctx, 0))) return se__vr_unknown(ctx);
  return increasing_map(ctx, a, n_sqrt);
}

se_range se__vr_minimum(se_ctx *ctx, se_range a, se_range b) {
  if (!se__vr_ok(a) || !se__vr_ok(b)) return se__vr_none();
  if (a.is_bool != b.is_bool)
    return fail_range(ctx, SE_INVALID, "minimum: operands must both be boolean ranges or neither");
  if (a.is_bool) return se__vr_land(ctx, a, b);
  return cw_increasing(ctx, a, b, n_min);
}

se_range se__vr_maximum(se_ctx *ctx, se_range a, se_range b) {
  if (!se__vr_ok(a) || !se__vr_ok(b)) return se__vr_none();
  if (a.is_bool != b.is_bool)
    return fail_range(ctx, SE_INVALID, "maximum: operands must both be boolean ranges or neither");
  if (a.is_bool) return se__vr_lor(ctx, a, b);
  return cw_increasing(ctx, a, b, n_max);
}

se_range se__vr_floor_to_int(se_ctx *ctx, se_range a) {
  if (!need_num(ctx, "floor_to_int", a)) return se__vr_none();
  return increasing_map(ctx, a, n_floor);
}
se_range se__vr_ceil_to_int(se_ctx *ctx, se_range a) {
  if (!need_num(ctx, "ceil_to_int", a)) return se__vr_none();
  return increasing_map(ctx, a, n_ceiling);
}
se_range se__vr_trunc_to_int(se_ctx *ctx, se_range a) {
  if (!need_num(ctx, "trunc_to_int", a)) return se__vr_none();
  return increasing_map(ctx, a, n_trunc_to_int);
}
se_range se__vr_round_to_int(se_ctx *ctx, se_range a) {
  if (!need_num(ctx, "round_to_int", a)) return se__vr_none();
  return increasing_map(ctx, a, n_round_to_int);
}
se_range se__vr_floor(se_ctx *ctx, se_range a) {
  if (!need_num(ctx, "floor", a)) return se__vr_none();
  return increasing_map(ctx, a, n_floor_f);
}
se_range se__vr_ceil(se_ctx *ctx, se_range a) {
  if (!need_num(ctx, "ceil", a)) return se__vr_none();
  return increasing_map(ctx, a, n_ceiling_f);
}
se_range se__vr_trunc(se_ctx *ctx, se_range a) {
  if (!need_num(ctx, "trunc", a)) return se__vr_none();
  return increasing_map(ctx, a, n_trunc_float);
}

/* Python's round(float, nd), halves to even. */
static const se_expr *n_round_decimal(se_ctx *ctx, const se_expr *x, int64_t nd) {
  double v = se__num_double(x);
  if (isinf(v) || isnan(v)) return se__float(ctx, v);
  double r;
  if (nd >= 0) {
    if (nd > 300) return se__float(ctx, v);
    char buf[400];
    snprintf(buf, sizeof buf, "%.*f", (int)nd, v);
    r = strtod(buf, NULL);
  } else {
    if (nd < -308) return se__float(ctx, 0.0 * v);
    double p = pow(10.0, (double)-nd);
    r = nearbyint(v / p) * p;
  }
  return se__float(ctx, r);
}

se_range se__vr_round_decimal(se_ctx *ctx, se_range a, se_range nd) {
  if (!need_num2(ctx, "round_decimal", a, nd)) return se__vr_none();
  if (!se__vr_is_singleton(nd)) return se__vr_unknown(ctx);
  if (nd.lo->kind != SE_K_INTEGER)
    return fail_range(ctx, SE_INVALID, "round_decimal: ndigits must be an Integer");
  int64_t n = nd.lo->u.i;
  const se_expr *lo = n_round_decimal(ctx, a.lo, n);
  const se_expr *hi = lo ? n_round_decimal(ctx, a.hi, n) : NULL;
  return se__vr_make(ctx, lo, hi);
}

se_range se__vr_to_dtype(se_ctx *ctx, se_range a, se_dtype dt) {
  if (!se__vr_ok(a)) return a;
  switch (dt) {
  case SE_DT_FLOAT64:
    if (!need_num(ctx, "to_dtype", a)) return se__vr_none();
    return increasing_map(ctx, a, n_to_float);
  case SE_DT_BOOL: return se__vr_unknown_bool(ctx);
  case SE_DT_INT64: return se__vr_unknown_int(ctx);
  default: return se__vr_unknown(ctx);
  }
}

se_range se__vr_identity(se_ctx *ctx, se_range a) {
  (void)ctx;
  return a;
}

static se_range bool_to_int(se_ctx *ctx, se_range x) {
  if (!x.is_bool) return x;
  if (se__vr_is_singleton(x)) return se__vr_wrap(ctx, se__int(ctx, x.lo->kind == SE_K_TRUE));
  return se__vr_make(ctx, se__int(ctx, 0), se__int(ctx, 1));
}

static se_range const_bool(se_ctx *ctx, bool lo, bool hi) {
  return se__vr_make(ctx, se__bool(ctx, lo), se__bool(ctx, hi));
}

se_range se__vr_eq(se_ctx *ctx, se_range a, se_range b) {
  if (!se__vr_ok(a) || !se__vr_ok(b)) return se__vr_none();
  if (se__vr_is_singleton(a) && se__vr_is_singleton(b) && a.lo == b.lo)
    return const_bool(ctx, true, true);
  a = bool_to_int(ctx, a);
  b = bool_to_int(ctx, b);
  if (!se__vr_ok(a) || !se__vr_ok(b)) return se__vr_none();
  if (b_lt(b.hi, a.lo) || b_lt(a.hi, b.lo)) return const_bool(ctx, false, false);
  return const_bool(ctx, false, true);
}

se_range se__vr_ne(se_ctx *ctx, se_range a, se_range b) {
  return se__vr_not(ctx, se__vr_eq(ctx, a, b));
}

se_range se__vr_lt(se_ctx *ctx, se_range a, se_range b) {
  if (!se__vr_ok(a) || !se__vr_ok(b)) return se__vr_none();
  if (a.is_bool != b.is_bool)
    return fail_range(ctx, SE_INVALID, "lt: operands must both be boolean ranges or neither");
  if (a.is_bool) return se__vr_land(ctx, se__vr_not(ctx, a), b);
  if (b_lt(a.hi, b.lo)) return const_bool(ctx, true, true);
  if (b_le(b.hi, a.lo)) return const_bool(ctx, false, false);
  return const_bool(ctx, false, true);
}

se_range se__vr_gt(se_ctx *ctx, se_range a, se_range b) { return se__vr_lt(ctx, b, a); }
se_range se__vr_le(se_ctx *ctx, se_range a, se_range b) {
  return se__vr_not(ctx, se__vr_gt(ctx, a, b));
}
se_range se__vr_ge(se_ctx *ctx, se_range a, se_range b) {
  return se__vr_not(ctx, se__vr_lt(ctx, a, b));
}

se_range se__vr_not(se_ctx *ctx, se_range a) {
  a = se__vr_boolify(ctx, a);
  if (!se__vr_ok(a)) return a;
  return decreasing_map(ctx, a, n_not);
}

se_range se__vr_land(se_ctx *ctx, se_range a, se_range b) {
  a = se__vr_boolify(ctx, a);
  b = se__vr_boolify(ctx, b);
  return cw_increasing(ctx, a, b, n_and);
}

se_range se__vr_lor(se_ctx *ctx, se_range a, se_range b) {
  a = se__vr_boolify(ctx, a);
  b = se__vr_boolify(ctx, b);
  return cw_increasing(ctx, a, b, n_or);
}

/* Number of bits of a non-negative value (Python's int.bit_length). */
static int bit_length(uint64_t v) {
  int n = 0;
  while (v) {
    n++;
    v >>= 1;
  }
  return n;
}

/* A finite bound as an int64 (truncating a Float), false when it is not. */
static bool bound_i64(const se_expr *e, int64_t *out) {
  if (e->kind == SE_K_INTEGER) {
    *out = e->u.i;
    return true;
  }
  if (is_infinite(e)) return false;
  double v = trunc(se__num_double(e));
  if (!(v < 9223372036854775808.0 && v >= -9223372036854775808.0)) return false;
  *out = (int64_t)v;
  return true;
}

se_range se__vr_bitwise_and(se_ctx *ctx, se_range a, se_range b) {
  if (!se__vr_ok(a) || !se__vr_ok(b)) return se__vr_none();
  if (a.is_bool && b.is_bool) return se__vr_land(ctx, a, b);
  a = bool_to_int(ctx, a);
  b = bool_to_int(ctx, b);
  if (!se__vr_ok(a) || !se__vr_ok(b)) return se__vr_none();
  const se_expr *lower = py_min(a.lo, b.lo);
  int64_t v;
  if (se__num_sign(lower) < 0 && !is_infinite(lower)) {
    if (bound_i64(lower, &v)) {
      /* -(1 << bit_length(-v - 1)); -v - 1 >= 0 fits for every negative v. */
      int n = bit_length((uint64_t)(-(v + 1)));
      lower = n >= 63 ? se__int(ctx, INT64_MIN) : se__int(ctx, -((int64_t)1 << n));
    } else {
      lower = K(ctx, SE_K_NEG_INT_OO);
    }
  } else {
    lower = se__int(ctx, 0);
  }
  return se__vr_make(ctx, lower, py_max(a.hi, b.hi));
}

se_range se__vr_bitwise_or(se_ctx *ctx, se_range a, se_range b) {
  if (!se__vr_ok(a) || !se__vr_ok(b)) return se__vr_none();
  if (a.is_bool && b.is_bool) return se__vr_lor(ctx, a, b);
  a = bool_to_int(ctx, a);
  b = bool_to_int(ctx, b);
  if (!se__vr_ok(a) || !se__vr_ok(b)) return se__vr_none();
  const se_expr *upper = py_max(a.hi, b.hi);
  int s = se__num_sign(upper);
  int64_t v;
  if (s == 0) {
    upper = se__int(ctx, 0);
  } else if (s > 0 && !is_infinite(upper)) {
    if (bound_i64(upper, &v)) {
      int n = bit_length((uint64_t)v);
      upper = n >= 63 ? se__int(ctx, INT64_MAX) : se__int(ctx, ((int64_t)1 << n) - 1);
    } else {
      upper = K(ctx, SE_K_INT_OO);
    }
  } else if (s < 0 && !is_infinite(upper)) {
    upper = se__int(ctx, -1);
  }
  return se__vr_make(ctx, py_min(a.lo, b.lo), upper);
}

se_range se__vr_bitwise_xor(se_ctx *ctx, se_range a, se_range b) {
  if (!se__vr_ok(a) || !se__vr_ok(b)) return se__vr_none();
  if (a.is_bool && b.is_bool) {
    bool has_t = false, has_f = false;
    const se_expr *xs[2] = {a.lo, a.hi}, *ys[2] = {b.lo, b.hi};
    for (int i = 0; i < 2; i++)
      for (int j = 0; j < 2; j++) {
        bool v = (xs[i]->kind == SE_K_TRUE) != (ys[j]->kind == SE_K_TRUE);
        if (v)
          has_t = true;
        else
          has_f = true;
      }
    return const_bool(ctx, !has_f, has_t);
  }
  a = bool_to_int(ctx, a);
  b = bool_to_int(ctx, b);
  if (!se__vr_ok(a) || !se__vr_ok(b)) return se__vr_none();
  if (se__vr_is_singleton(a) && se__vr_is_singleton(b) && a.lo->kind == SE_K_INTEGER &&
      b.lo->kind == SE_K_INTEGER)
    return se__vr_wrap(ctx, se__int(ctx, a.lo->u.i ^ b.lo->u.i));
  return se__vr_unknown_int(ctx);
}

se_range se__vr_where(se_ctx *ctx, se_range c, se_range p, se_range q) {
  if (!se__vr_ok(c) || !se__vr_ok(p) || !se__vr_ok(q)) return se__vr_none();
  c = se__vr_boolify(ctx, c);
  if (!se__vr_ok(c)) return c;
  if (p.is_bool != q.is_bool && !is_unknown(p) && !is_unknown(q))
    return fail_range(ctx, SE_INVALID,
                      "where() requires both branches to have the same boolean-ness");
  if (p.is_bool)
    return se__vr_make(ctx, band(ctx, p.lo, q.lo), bor(ctx, p.hi, q.hi));
  return se__vr_make(ctx, sym_minmax(ctx, SE_K_MIN, p.lo, q.lo),
                     sym_minmax(ctx, SE_K_MAX, p.hi, q.hi));
}

se_range se__vr_piecewise(se_ctx *ctx, const se_range *exprs, const se_range *conds, size_t n) {
  se_range acc = se__vr_none();
  bool have = false;
  for (size_t i = 0; i < n; i++) {
    se_range c = se__vr_boolify(ctx, conds[i]);
    if (!se__vr_ok(c) || !se__vr_ok(exprs[i])) return se__vr_none();
    if (!se__vr_contains(c, se__bool(ctx, true))) continue;
    acc = have ? se__vr_or(ctx, acc, exprs[i]) : exprs[i];
    have = true;
    if (!se__vr_ok(acc)) return acc;
  }
  if (!have) return fail_range(ctx, SE_RANGE, "Piecewise has no branch whose condition can hold");
  return acc;
}

se_range se__vr_opaque(se_ctx *ctx, se_kind k, se_range a) {
  if (!se__vr_ok(a)) return a;
  switch (k) {
  case SE_K_OPAQUE_COS: case SE_K_OPAQUE_SIN:
    return se__vr_make(ctx, se__float(ctx, -1.0), se__float(ctx, 1.0));
  case SE_K_OPAQUE_COSH: return se__vr_make(ctx, se__float(ctx, 0.0), K(ctx, SE_K_OO));
  case SE_K_OPAQUE_SQRT: return se__vr_sqrt(ctx, a);
  case SE_K_OPAQUE_EXP: return se__vr_exp(ctx, a);
  case SE_K_OPAQUE_LOG: return se__vr_log(ctx, a);
  case SE_K_OPAQUE_LOG2: return se__vr_log2(ctx, a);
  default: return se__vr_unknown(ctx);
  }
}

/* ---- bound analysis ------------------------------------------------------ */

se_range se__vr_symbol_default(se_ctx *ctx, const se_expr *sym) {
  uint32_t m = sym->u.sym.asm_;
  if (m & SE_ASM_INTEGER) {
    if (m & SE_ASM_POSITIVE) return se__vr_make(ctx, se__int(ctx, 1), K(ctx, SE_K_INT_OO));
    if (m & SE_ASM_NONNEG) return se__vr_make(ctx, se__int(ctx, 0), K(ctx, SE_K_INT_OO));
    return se__vr_unknown_int(ctx);
  }
  return se__vr_unknown(ctx);
}

typedef se_range (*vr_bin_fn)(se_ctx *ctx, se_range a, se_range b);

/* The handler of an associative kind, folded left over its arguments. */
static vr_bin_fn fold_handler(se_kind k) {
  switch (k) {
  case SE_K_ADD: return se__vr_add;
  case SE_K_MUL: return se__vr_mul;
  case SE_K_AND: return se__vr_land;
  case SE_K_OR: return se__vr_lor;
  case SE_K_MIN: return se__vr_minimum;
  case SE_K_MAX: return se__vr_maximum;
  default: return NULL;
  }
}

/* The handler of a two-argument kind. */
static vr_bin_fn binary_handler(se_kind k) {
  switch (k) {
  case SE_K_EQ: return se__vr_eq;
  case SE_K_NE: return se__vr_ne;
  case SE_K_LT: return se__vr_lt;
  case SE_K_LE: return se__vr_le;
  case SE_K_GT: return se__vr_gt;
  case SE_K_GE: return se__vr_ge;
  case SE_K_FLOORDIV: case SE_K_CLEANDIV: return se__vr_floordiv;
  case SE_K_MOD: case SE_K_SYMPY_MOD: return se__vr_mod;
  case SE_K_PYTHONMOD: return se__vr_python_mod;
  case SE_K_INTTRUEDIV: return se__vr_int_truediv;
  case SE_K_FLOATTRUEDIV: return se__vr_truediv;
  case SE_K_POWBYNATURAL: return se__vr_pow_by_natural;
  case SE_K_FLOATPOW: return se__vr_pow;
  case SE_K_ROUNDDECIMAL: return se__vr_round_decimal;
  case SE_K_BITWISE_AND: return se__vr_bitwise_and;
  case SE_K_BITWISE_OR: return se__vr_bitwise_or;
  case SE_K_BITWISE_XOR: return se__vr_bitwise_xor;
  default: return NULL;
  }
}

typedef se_range (*vr_un_fn)(se_ctx *ctx, se_range a);

static vr_un_fn unary_handler(se_kind k) {
  switch (k) {
  case SE_K_NOT: return se__vr_not;
  case SE_K_TRUNCTOINT: return se__vr_trunc_to_int;
  case SE_K_FLOORTOINT: return se__vr_floor_to_int;
  case SE_K_CEILTOINT: return se__vr_ceil_to_int;
  case SE_K_ROUNDTOINT: return se__vr_round_to_int;
  case SE_K_TRUNCTOFLOAT: return se__vr_trunc;
  case SE_K_IDENTITY: return se__vr_identity;
  default: return NULL;
  }
}

/* One computed range of a shared sub-expression. */
typedef struct memo_slot {
  const se_expr *e; /* the node, NULL for an empty slot */
  se_range r;       /* its range */
} memo_slot;

typedef struct bound_state {
  se__vr_lookup_fn lookup; /* symbol ranges given by the caller, may be NULL */
  void *ud;                /* lookup's argument */
  unsigned depth;          /* recursion depth, bounded */
  memo_slot *memo;         /* open addressing by node id; a DAG is walked once */
  size_t cap;              /* slots, a power of two (0 before first use) */
  size_t used;             /* filled slots */
} bound_state;

static const se_range *memo_find(const bound_state *st, const se_expr *e) {
  if (!st->cap) return NULL;
  size_t mask = st->cap - 1;
  for (size_t j = (size_t)se__hash_mix(0, e->id) & mask; st->memo[j].e; j = (j + 1) & mask)
    if (st->memo[j].e == e) return &st->memo[j].r;
  return NULL;
}

/* Remembers e's range; a failure to grow only costs recomputation. */
static void memo_put(bound_state *st, const se_expr *e, se_range r) {
  if ((st->used + 1) * 2 > st->cap) {
    size_t ncap = st->cap ? st->cap * 2 : 64;
    memo_slot *nm = calloc(ncap, sizeof *nm);
    if (!nm) return;
    for (size_t i = 0; i < st->cap; i++) {
      if (!st->memo[i].e) continue;
      size_t j = (size_t)se__hash_mix(0, st->memo[i].e->id) & (ncap - 1);
      while (nm[j].e) j = (j + 1) & (ncap - 1);
      nm[j] = st->memo[i];
    }
    free(st->memo);
    st->memo = nm;
    st->cap = ncap;
  }
  size_t mask = st->cap - 1;
  size_t j = (size_t)se__hash_mix(0, e->id) & mask;
  while (st->memo[j].e) j = (j + 1) & mask;
  st->memo[j].e = e;
  st->memo[j].r = r;
  st->used++;
}

static se_range bound_rec(se_ctx *ctx, const se_expr *e, bound_state *st);

/* Pow: x**(1/2) is sqrt; a natural exponent pow_by_natural; else pow. */
static se_range bound_pow(se_ctx *ctx, const se_expr *e, se_range b, se_range x) {
  const se_expr *ex = e->args[1];
  if (ex->kind == SE_K_RATIONAL && ex->u.q.p == 1 && ex->u.q.q == 2) return se__vr_sqrt(ctx, b);
  bool natural;
  if (ex->kind == SE_K_INTEGER)
    natural = ex->u.i >= 0;
  else
    natural = se__fact(ctx, ex, SE_FACT_INTEGER) == SE_T_TRUE &&
              se__fact(ctx, ex, SE_FACT_NONNEG) == SE_T_TRUE;
  return natural ? se__vr_pow_by_natural(ctx, b, x) : se__vr_pow(ctx, b, x);
}

static se_range bound_node(se_ctx *ctx, const se_expr *e, const se_range *r) {
  se_kind k = (se_kind)e->kind;
  size_t n = e->nargs;
  vr_bin_fn f2 = fold_handler(k);
  if (f2) {
    if (n < 2) return fail_range(ctx, SE_INVALID, "associative op needs more than one argument");
    se_range acc = f2(ctx, r[0], r[1]);
    for (size_t i = 2; i < n && se__vr_ok(acc); i++) acc = f2(ctx, acc, r[i]);
    return acc;
  }
  if (k == SE_K_POW && n == 2) return bound_pow(ctx, e, r[0], r[1]);
  if ((f2 = binary_handler(k)) != NULL && n == 2) return f2(ctx, r[0], r[1]);
  vr_un_fn f1 = unary_handler(k);
  if (f1 && n == 1) return f1(ctx, r[0]);
  if (k == SE_K_TOFLOAT && n == 1) return se__vr_to_dtype(ctx, r[0], SE_DT_FLOAT64);
  if (k >= SE_K_OPAQUE_SQRT && k <= SE_K_OPAQUE_LOG2 && n == 1) return se__vr_opaque(ctx, k, r[0]);
  if (k == SE_K_MODULARINDEXING && n == 3) return se__vr_modular_indexing(ctx, r[0], r[1], r[2]);
  if (k == SE_K_WHERE && n == 3) return se__vr_where(ctx, r[0], r[1], r[2]);
  if (k == SE_K_PIECEWISE && n % 2 == 0) {
    size_t m = n / 2;
    se_range *ex = malloc((m ? m : 1) * 2 * sizeof *ex);
    if (!ex) return fail_range(ctx, SE_NOMEM, "out of memory bounding a Piecewise");
    se_range *cd = ex + (m ? m : 1);
    for (size_t i = 0; i < m; i++) {
      ex[i] = r[2 * i];
      cd[i] = r[2 * i + 1];
    }
    se_range out = se__vr_piecewise(ctx, ex, cd, m);
    free(ex);
    return out;
  }
  se__fail(ctx, SE_UNSUPPORTED, "no range rule for %s with %zu arguments", se_kind_name(k), n);
  return se__vr_none();
}

static se_range bound_rec(se_ctx *ctx, const se_expr *e, bound_state *st) {
  if (se__is_bool_atom(e)) return se__vr_constant(ctx, e, SE_DT_BOOL);
  if (e->kind == SE_K_INTEGER) return se__vr_constant(ctx, e, SE_DT_INT64);
  if (se__is_num(e)) {
    if (e->kind == SE_K_ZOO) return fail_range(ctx, SE_DOMAIN, "zoo has no value range");
    return se__vr_constant(ctx, e, SE_DT_FLOAT64);
  }
  if (e->kind == SE_K_SYMBOL) {
    se_range r;
    if (st->lookup && st->lookup(st->ud, e, &r)) return r;
    return se__vr_symbol_default(ctx, e);
  }
  const se_range *known = memo_find(st, e);
  if (known) return *known;
  if (st->depth > 10000) return fail_range(ctx, SE_INVALID, "expression too deep to bound");
  size_t n = e->nargs;
  se_range small[8];
  se_range *r = n <= 8 ? small : malloc(n * sizeof *r);
  if (!r) return fail_range(ctx, SE_NOMEM, "out of memory bounding an expression");
  st->depth++;
  bool ok = true;
  for (size_t i = 0; i < n && ok; i++) {
    r[i] = bound_rec(ctx, e->args[i], st);
    ok = se__vr_ok(r[i]);
  }
  st->depth--;
  se_range out = ok ? bound_node(ctx, e, r) : se__vr_none();
  if (r != small) free(r);
  if (se__vr_ok(out)) memo_put(st, e, out);
  return out;
}

se_range se__vr_bound(se_ctx *ctx, const se_expr *e, se__vr_lookup_fn lookup, void *ud) {
  if (!e) return se__vr_none();
  if (se__is_num(e)) return se__vr_wrap(ctx, e);
  bound_state st = {lookup, ud, 0, NULL, 0, 0};
  se_range r = bound_rec(ctx, e, &st);
  free(st.memo);
  return r;
}

/* ---- public API ------------------------------------------------------------ */

static se_status range_status(const se_ctx *ctx) {
  se_status s = se__status(ctx);
  return s == SE_OK ? SE_INVALID : s;
}

se_status se_range_make(se_ctx *ctx, const se_expr *lo, const se_expr *hi, se_range *out) {
  if (!lo || !hi) return se__fail(ctx, SE_INVALID, "se_range_make: NULL bound");
  se_range r = se__vr_make(ctx, lo, hi);
  if (!se__vr_ok(r)) return range_status(ctx);
  if (out) *out = r;
  return SE_OK;
}

se_range se_range_unknown(se_ctx *ctx) { return se__vr_unknown(ctx); }
se_range se_range_unknown_int(se_ctx *ctx) { return se__vr_unknown_int(ctx); }
se_range se_range_unknown_bool(se_ctx *ctx) { return se__vr_unknown_bool(ctx); }

char *se_range_str(se_ctx *ctx, se_range r) {
  if (!se__vr_ok(r)) {
    se__fail(ctx, SE_INVALID, "se_range_str: range without bounds");
    return NULL;
  }
  se_buf b;
  se__buf_init(&b);
  se__buf_puts(&b, "VR[");
  se__str(&b, r.lo, true);
  se__buf_puts(&b, ", ");
  se__str(&b, r.hi, true);
  se__buf_puts(&b, "]");
  char *s = se__buf_take(&b);
  if (!s) se__fail(ctx, SE_NOMEM, "out of memory printing a range");
  return s;
}

typedef struct given_ranges {
  const se_expr *const *syms; /* symbols with a given range */
  const se_range *ranges;     /* their ranges, same order */
  size_t n;                   /* count */
} given_ranges;

static bool given_lookup(void *ud, const se_expr *sym, se_range *out) {
  const given_ranges *g = ud;
  for (size_t i = 0; i < g->n; i++)
    if (g->syms[i] == sym) {
      *out = g->ranges[i];
      return true;
    }
  return false;
}

se_status se_bound(se_ctx *ctx, const se_expr *e, const se_expr *const *syms,
                   const se_range *ranges, size_t n, se_range *out) {
  if (!e) return se__fail(ctx, SE_INVALID, "se_bound: NULL expression");
  if (n && (!syms || !ranges)) return se__fail(ctx, SE_INVALID, "se_bound: NULL ranges");
  for (size_t i = 0; i < n; i++)
    if (!syms[i] || !se__vr_ok(ranges[i]))
      return se__fail(ctx, SE_INVALID, "se_bound: range %zu is not set", i);
  given_ranges g = {syms, ranges, n};
  se_range r = se__vr_bound(ctx, e, given_lookup, &g);
  if (!se__vr_ok(r)) return range_status(ctx);
  if (out) *out = r;
  return SE_OK;
}
