/* Symbolic values: PyTorch's SymInt / SymFloat / SymBool arithmetic
 * (spec/shapeenv.md 4.15, torch/fx/experimental/sym_node.py).
 *
 * Two layers, as in PyTorch:
 *   - the user layer (Python's operator protocol on SymInt/SymFloat/SymBool):
 *     constant folding, reflected comparisons, int->float promotion, the
 *     split of `/`, `//` and `**` by operand types, bool->int promotion;
 *   - the node layer (SymNode's magic methods): the hint (the Python
 *     operator applied to the operands' hints, raising as Python does), the
 *     SymPy expression built from the replaced operand expressions, its
 *     safe_expand, the result type and the validation-graph node.
 *
 * A value is a constant when its expression is a number or True/False and
 * it has no graph node (PyTorch's plain int/float/bool). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "env/simplify.h"
#include "record/recorder.h"

/* ---- small helpers ----------------------------------------------------------------------- */

static se_status failed(se_ctx *ctx) {
  se_status st = se__status(ctx);
  return st == SE_OK ? SE_INVALID : st;
}

static bool is_const(se_sym s) {
  return s.expr && s.fx < 0 && (se__is_num(s.expr) || se__is_bool_atom(s.expr));
}

static se_sym mk(const se_expr *e, const se_expr *hint, se_pytype t, int32_t fx) {
  se_sym s = {e, hint, t, fx};
  return s;
}

static se_sym const_of(const se_expr *v, se_pytype t) { return mk(v, v, t, -1); }

static bool is_unbacked_name(const se_expr *s) {
  return s->kind == SE_K_SYMBOL &&
         (s->u.sym.name[0] == 'u' || strncmp(s->u.sym.name, "zuf", 3) == 0);
}

/* free_unbacked_symbols(e) is non-empty. */
static bool has_unbacked(se_ctx *ctx, const se_expr *e, bool *out) {
  se__elist fs = {0};
  if (!se__env_free_symbols(ctx, e, &fs)) return false;
  *out = false;
  for (size_t i = 0; i < fs.n; i++)
    if (is_unbacked_name(fs.v[i])) *out = true;
  se__elist_free(&fs);
  return true;
}

/* ---- Python values ------------------------------------------------------------------------ */

/* A Python int / float / bool (hints and constants). */
typedef struct pyval {
  se_pytype t;
  int64_t i; /* int, or bool 0/1 */
  double f;  /* float */
} pyval;

static bool to_pyval(const se_expr *e, pyval *v) {
  memset(v, 0, sizeof *v);
  switch (e->kind) {
  case SE_K_INTEGER: v->t = SE_PY_INT; v->i = e->u.i; return true;
  case SE_K_TRUE: v->t = SE_PY_BOOL; v->i = 1; return true;
  case SE_K_FALSE: v->t = SE_PY_BOOL; v->i = 0; return true;
  case SE_K_FLOAT: v->t = SE_PY_FLOAT; v->f = e->u.f; return true;
  case SE_K_RATIONAL: v->t = SE_PY_FLOAT; v->f = (double)e->u.q.p / (double)e->u.q.q; return true;
  case SE_K_OO: case SE_K_INT_OO: v->t = SE_PY_FLOAT; v->f = INFINITY; return true;
  case SE_K_NEG_OO: case SE_K_NEG_INT_OO: v->t = SE_PY_FLOAT; v->f = -INFINITY; return true;
  case SE_K_NAN: v->t = SE_PY_FLOAT; v->f = NAN; return true;
  default: return false;
  }
}

static const se_expr *from_pyval(se_ctx *ctx, pyval v) {
  switch (v.t) {
  case SE_PY_INT: return se__int(ctx, v.i);
  case SE_PY_BOOL: return se__bool(ctx, v.i != 0);
  default: return se__float(ctx, v.f);
  }
}

static double as_double(pyval v) { return v.t == SE_PY_FLOAT ? v.f : (double)v.i; }

static pyval pyint(int64_t i) { pyval v = {SE_PY_INT, i, 0}; return v; }
static pyval pyfloat(double f) { pyval v = {SE_PY_FLOAT, 0, f}; return v; }
static pyval pybool(bool b) { pyval v = {SE_PY_BOOL, b ? 1 : 0, 0}; return v; }

/* Python's float -> int conversion (int(x), math.floor/ceil/trunc results). */
static se_status float_to_int(se_ctx *ctx, double f, int64_t *out) {
  if (isnan(f)) return se__fail(ctx, SE_INVALID, "cannot convert float NaN to integer");
  if (isinf(f)) return se__fail(ctx, SE_OVERFLOW, "cannot convert float infinity to integer");
  if (f >= 9223372036854775808.0 || f < -9223372036854775808.0)
    return se__fail(ctx, SE_OVERFLOW, "integer %.17g does not fit in 64 bits", f);
  *out = (int64_t)f;
  return SE_OK;
}

/* Three-way comparison as Python compares int/float/bool: -1, 0, 1, or 2
 * when a NaN makes every ordering false. Exact for int vs float. */
static int py_cmp(pyval a, pyval b) {
  if (a.t != SE_PY_FLOAT && b.t != SE_PY_FLOAT) return a.i < b.i ? -1 : a.i > b.i;
  if (a.t == SE_PY_FLOAT && b.t == SE_PY_FLOAT) {
    if (isnan(a.f) || isnan(b.f)) return 2;
    return a.f < b.f ? -1 : a.f > b.f;
  }
  bool flip = a.t != SE_PY_FLOAT;
  double f = flip ? b.f : a.f;
  int64_t i = flip ? a.i : b.i;
  int r;
  if (isnan(f)) return 2;
  if (f >= 9223372036854775808.0) {
    r = 1;
  } else if (f < -9223372036854775808.0) {
    r = -1;
  } else {
    double fl = floor(f);
    int64_t fi = (int64_t)fl;
    if (fi != i) r = fi < i ? -1 : 1;
    else r = f > fl ? 1 : 0;
  }
  return flip ? -r : r;
}

/* Python's float floor division and modulo (Objects/floatobject.c's float_divmod). */
static void float_divmod(double vx, double wx, double *fdiv, double *fmodv) {
  double mod = fmod(vx, wx);
  double div = (vx - mod) / wx;
  if (mod != 0.0) {
    if ((wx < 0) != (mod < 0)) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = copysign(0.0, wx);
  }
  double floordiv;
  if (div != 0.0) {
    floordiv = floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = copysign(0.0, vx / wx);
  }
  *fdiv = floordiv;
  *fmodv = mod;
}

/* Python's int ** int for a non-negative exponent. */
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

/* Python's float ** float. */
static se_status fpow(se_ctx *ctx, double a, double b, double *out) {
  if (a == 0.0 && b < 0.0)
    return se__fail(ctx, SE_ZERODIV, "0.0 cannot be raised to a negative power");
  if (a < 0.0 && isfinite(b) && b != floor(b))
    return se__fail(ctx, SE_DOMAIN, "%.17g ** %.17g is a complex number", a, b);
  double r = pow(a, b);
  if (isinf(r) && isfinite(a) && isfinite(b))
    return se__fail(ctx, SE_OVERFLOW, "(34, 'Numerical result out of range')");
  *out = r;
  return SE_OK;
}

/* The node-level methods (SymNode's magic method names). */
typedef enum method {
  M_ADD, M_SUB, M_MUL, M_MOD, M_INT_FLOORDIV, M_INT_TRUEDIV, M_FLOAT_TRUEDIV,
  M_POW_BY_NATURAL, M_FLOAT_POW, M_EQ, M_NE, M_LT, M_LE, M_GT, M_GE, M_MIN, M_MAX,
  M_AND, M_OR, M_BITAND, M_BITOR
} method;

static se_status overflow(se_ctx *ctx, const char *op) {
  return se__fail(ctx, SE_OVERFLOW, "integer overflow in %s", op);
}

/* op(a, b) on Python values, with Python's results and exceptions. */
static se_status py_binary(se_ctx *ctx, method m, pyval a, pyval b, pyval *out) {
  bool ints = a.t != SE_PY_FLOAT && b.t != SE_PY_FLOAT;
  double x = as_double(a), y = as_double(b);
  int64_t r;
  switch (m) {
  case M_ADD:
    if (!ints) { *out = pyfloat(x + y); return SE_OK; }
    if (!se__add_i64(a.i, b.i, &r)) return overflow(ctx, "add");
    *out = pyint(r);
    return SE_OK;
  case M_SUB:
    if (!ints) { *out = pyfloat(x - y); return SE_OK; }
    if (!se__sub_i64(a.i, b.i, &r)) return overflow(ctx, "sub");
    *out = pyint(r);
    return SE_OK;
  case M_MUL:
    if (!ints) { *out = pyfloat(x * y); return SE_OK; }
    if (!se__mul_i64(a.i, b.i, &r)) return overflow(ctx, "mul");
    *out = pyint(r);
    return SE_OK;
  case M_INT_FLOORDIV:
  case M_MOD:
    if (ints) {
      if (b.i == 0)
        return se__fail(ctx, SE_ZERODIV, m == M_MOD ? "integer modulo by zero"
                                                    : "integer division or modulo by zero");
      bool ok = m == M_MOD ? se__pymod_i64(a.i, b.i, &r) : se__floordiv_i64(a.i, b.i, &r);
      if (!ok) return overflow(ctx, "floordiv");
      *out = pyint(r);
      return SE_OK;
    }
    if (y == 0.0)
      return se__fail(ctx, SE_ZERODIV, m == M_MOD ? "float modulo" : "float floor division by zero");
    {
      double d, md;
      float_divmod(x, y, &d, &md);
      *out = pyfloat(m == M_MOD ? md : d);
    }
    return SE_OK;
  case M_INT_TRUEDIV:
  case M_FLOAT_TRUEDIV:
    if (y == 0.0)
      return se__fail(ctx, SE_ZERODIV, ints ? "division by zero" : "float division by zero");
    *out = pyfloat(x / y);
    return SE_OK;
  case M_POW_BY_NATURAL:
  case M_FLOAT_POW:
    if (ints && b.i >= 0) {
      if (!ipow(a.i, b.i, &r)) return overflow(ctx, "pow");
      *out = pyint(r);
      return SE_OK;
    }
    {
      double f = 0.0;
      se_status st = fpow(ctx, x, y, &f);
      if (st != SE_OK) return st;
      *out = pyfloat(f);
    }
    return SE_OK;
  case M_EQ: case M_NE: case M_LT: case M_LE: case M_GT: case M_GE: {
    int c = py_cmp(a, b);
    bool v;
    switch (m) {
    case M_EQ: v = c == 0; break;
    case M_NE: v = c != 0; break;
    case M_LT: v = c == -1; break;
    case M_LE: v = c == -1 || c == 0; break;
    case M_GT: v = c == 1; break;
    default: v = c == 1 || c == 0; break;
    }
    *out = pybool(v);
    return SE_OK;
  }
  case M_MIN:
    *out = py_cmp(b, a) == -1 ? b : a;
    return SE_OK;
  case M_MAX:
    *out = py_cmp(b, a) == 1 ? b : a;
    return SE_OK;
  case M_AND: case M_OR: case M_BITAND: case M_BITOR:
    if (!ints) return se__fail(ctx, SE_INVALID, "unsupported operand type(s) for &/|: 'float'");
    r = (m == M_AND || m == M_BITAND) ? (a.i & b.i) : (a.i | b.i);
    *out = (a.t == SE_PY_BOOL && b.t == SE_PY_BOOL) ? pybool(r != 0) : pyint(r);
    return SE_OK;
  }
  return se__fail(ctx, SE_INVALID, "unknown operation");
}

/* pytype(v): the hint converted to the result's Python type. */
static se_status py_convert(se_ctx *ctx, pyval v, se_pytype t, pyval *out) {
  if (t == SE_PY_FLOAT) {
    *out = pyfloat(as_double(v));
  } else if (t == SE_PY_BOOL) {
    *out = pybool(v.t == SE_PY_FLOAT ? v.f != 0.0 : v.i != 0);
  } else if (v.t == SE_PY_FLOAT) {
    int64_t i;
    se_status st = float_to_int(ctx, v.f, &i);
    if (st != SE_OK) return st;
    *out = pyint(i);
  } else {
    *out = pyint(v.i);
  }
  return SE_OK;
}

/* ---- node layer --------------------------------------------------------------------------- */

/* The value's hint (SymNode.hint): the stored one, or a static evaluation
 * of the expression under the hints (_update_hint); NULL when none. */
static const se_expr *sym_hint(se_env *env, se_sym s) {
  if (s.hint || is_const(s)) return s.hint ? s.hint : s.expr;
  const se_expr *e = se_env_replace(env, s.expr);
  if (!e) return NULL;
  const se_expr *r = se__env_maybe_evaluate_static(env, e, false, true, false, false);
  pyval v;
  if (!r || !to_pyval(r, &v)) return NULL;
  if (py_convert(env->ctx, v, s.type, &v) != SE_OK) return NULL;
  return from_pyval(env->ctx, v);
}

/* SymNode.expr: the expression with the replacements applied. */
static const se_expr *sym_expr(se_env *env, se_sym s) {
  return is_const(s) ? s.expr : se_env_replace(env, s.expr);
}

static se_fx_arg fx_arg(se_sym s) {
  se_fx_arg a;
  a.node = is_const(s) ? -1 : s.fx;
  a.value = is_const(s) ? s.expr : NULL;
  return a;
}

/* The graph node target(args) (PyTorch's _create_fx_call_function); -1 when
 * validation is off or an argument has no node. *ok is false on failure. */
static int32_t fx_node(se_env *env, const char *target, const se_sym *args, size_t n, bool *ok) {
  se_fx_arg a[3];
  for (size_t i = 0; i < n; i++) a[i] = fx_arg(args[i]);
  int32_t r = -1;
  *ok = se__api_fx_call(env, target, a, n, &r) == SE_OK;
  return r;
}

static const char *method_target(method m) {
  static const char *const names[] = {
    "add", "sub", "mul", "mod", "floordiv", "truediv", "truediv", "pow", "pow",
    "eq", "ne", "lt", "le", "gt", "ge", "sym_min", "sym_max", "and_", "or_", "and_", "or_"};
  return names[m];
}

static bool nonneg(se_env *env, const se_expr *e) {
  if (se__fact(env->ctx, e, SE_FACT_NONNEG) == SE_T_TRUE) return true;
  se_range r = se__env_bound(env, e, false);
  if (!se__vr_ok(r)) return false;
  int c = se__num_cmp(r.lo, se__int(env->ctx, 0));
  return c == 0 || c == 1;
}

static const se_expr *call2(se_ctx *ctx, se_kind k, const se_expr *a, const se_expr *b) {
  const se_expr *v[2] = {a, b};
  return se__call(ctx, k, v, 2);
}

static se_status user_cmp_guard(se_env *env, method m, se_sym a, se_sym b, bool *out);

/* SymNode's binary magic method m(a, b). */
static se_status node_binary(se_env *env, method m, se_sym a, se_sym b, se_sym *out) {
  se_ctx *ctx = env->ctx;
  const se_expr *ha = sym_hint(env, a), *hb = sym_hint(env, b);
  if (se__status(ctx) != SE_OK) return failed(ctx);
  pyval hv;
  bool have_hint = false;
  if (ha && hb) {
    pyval x, y;
    if (!to_pyval(ha, &x) || !to_pyval(hb, &y))
      return se__fail(ctx, SE_INVALID, "a hint is not a number");
    se_status st = py_binary(ctx, m, x, y, &hv);
    if (st != SE_OK) return st;
    have_hint = true;
  }
  if ((m == M_MIN || m == M_MAX) && have_hint) {
    /* builtins.min / max on the values: compare `b < a` / `b > a` (a guard). */
    bool take_b;
    se_status st = user_cmp_guard(env, m == M_MIN ? M_LT : M_GT, b, a, &take_b);
    if (st != SE_OK) return st;
    *out = take_b ? b : a;
    return SE_OK;
  }
  const se_expr *ea = sym_expr(env, a), *eb = sym_expr(env, b);
  if (!ea || !eb) return failed(ctx);
  const se_expr *e = NULL;
  switch (m) {
  case M_ADD: e = se__add2(ctx, ea, eb); break;
  case M_SUB: e = se__sub(ctx, ea, eb); break;
  case M_MUL: e = se__mul2(ctx, ea, eb); break;
  case M_MOD:
    e = call2(ctx, nonneg(env, ea) && nonneg(env, eb) ? SE_K_MOD : SE_K_PYTHONMOD, ea, eb);
    break;
  case M_INT_FLOORDIV: e = call2(ctx, SE_K_FLOORDIV, ea, eb); break;
  case M_INT_TRUEDIV: e = call2(ctx, SE_K_INTTRUEDIV, ea, eb); break;
  case M_FLOAT_TRUEDIV: e = call2(ctx, SE_K_FLOATTRUEDIV, ea, eb); break;
  case M_POW_BY_NATURAL: e = call2(ctx, SE_K_POWBYNATURAL, ea, eb); break;
  case M_FLOAT_POW: e = call2(ctx, SE_K_FLOATPOW, ea, eb); break;
  case M_EQ: e = se__rel(ctx, SE_K_EQ, ea, eb); break;
  case M_NE: e = se__rel(ctx, SE_K_NE, ea, eb); break;
  case M_LT: e = se__rel(ctx, SE_K_LT, ea, eb); break;
  case M_LE: e = se__rel(ctx, SE_K_LE, ea, eb); break;
  case M_GT: e = se__rel(ctx, SE_K_GT, ea, eb); break;
  case M_GE: e = se__rel(ctx, SE_K_GE, ea, eb); break;
  case M_MIN:
  case M_MAX: {
    const se_expr *v[2] = {ea, eb};
    e = se__minmax_flavour(ctx, m == M_MIN ? SE_K_MIN : SE_K_MAX, v, 2, true);
    break;
  }
  case M_AND: {
    const se_expr *v[2] = {ea, eb};
    e = se__and(ctx, v, 2);
    break;
  }
  case M_OR: {
    const se_expr *v[2] = {ea, eb};
    e = se__or(ctx, v, 2);
    break;
  }
  case M_BITAND: e = call2(ctx, SE_K_BITWISE_AND, ea, eb); break;
  case M_BITOR: e = call2(ctx, SE_K_BITWISE_OR, ea, eb); break;
  }
  if (e) e = se_expr_expand(ctx, e);
  if (!e) return failed(ctx);
  se_pytype t;
  switch (m) {
  case M_INT_TRUEDIV: case M_FLOAT_TRUEDIV: case M_FLOAT_POW: t = SE_PY_FLOAT; break;
  case M_POW_BY_NATURAL: t = SE_PY_INT; break;
  case M_EQ: case M_NE: case M_LT: case M_LE: case M_GT: case M_GE: case M_AND: case M_OR:
    t = SE_PY_BOOL;
    break;
  default:
    t = (a.type == SE_PY_FLOAT || b.type == SE_PY_FLOAT) ? SE_PY_FLOAT : a.type;
    break;
  }
  const se_expr *hint = NULL;
  if (have_hint) {
    se_status st = py_convert(ctx, hv, t, &hv);
    if (st != SE_OK) return st;
    hint = from_pyval(ctx, hv);
    if (!hint) return failed(ctx);
  }
  se_sym args[2] = {a, b};
  bool ok;
  int32_t fx = fx_node(env, method_target(m), args, 2, &ok);
  if (!ok) return failed(ctx);
  *out = mk(e, hint, t, fx);
  return SE_OK;
}

/* The unary node methods. */
typedef enum umethod { U_NEG, U_NOT, U_SYM_FLOAT, U_FLOOR, U_CEIL, U_TRUNC, U_SQRT, U_LOG2, U_ABS } umethod;

static se_status py_unary(se_ctx *ctx, umethod m, pyval a, pyval *out) {
  double x = as_double(a);
  int64_t r;
  se_status st;
  switch (m) {
  case U_NEG:
    if (a.t == SE_PY_FLOAT) { *out = pyfloat(-a.f); return SE_OK; }
    if (!se__neg_i64(a.i, &r)) return overflow(ctx, "neg");
    *out = pyint(r);
    return SE_OK;
  case U_NOT: *out = pybool(a.t == SE_PY_FLOAT ? a.f == 0.0 : a.i == 0); return SE_OK;
  case U_SYM_FLOAT: *out = pyfloat(x); return SE_OK;
  case U_FLOOR: case U_CEIL: case U_TRUNC:
    if (a.t != SE_PY_FLOAT) { *out = pyint(a.i); return SE_OK; }
    st = float_to_int(ctx, m == U_FLOOR ? floor(x) : m == U_CEIL ? ceil(x) : trunc(x), &r);
    if (st != SE_OK) return st;
    *out = pyint(r);
    return SE_OK;
  case U_SQRT:
    if (x < 0) return se__fail(ctx, SE_DOMAIN, "math domain error");
    *out = pyfloat(sqrt(x));
    return SE_OK;
  case U_LOG2:
    if (!(x > 0)) return se__fail(ctx, SE_DOMAIN, "math domain error");
    *out = pyfloat(log2(x));
    return SE_OK;
  case U_ABS:
    if (a.t == SE_PY_FLOAT) { *out = pyfloat(fabs(a.f)); return SE_OK; }
    if (a.i < 0 && !se__neg_i64(a.i, &r)) return overflow(ctx, "abs");
    *out = pyint(a.i < 0 ? -a.i : a.i);
    return SE_OK;
  }
  return se__fail(ctx, SE_INVALID, "unknown operation");
}

static const char *umethod_target(umethod m) {
  static const char *const names[] = {"neg", "sym_not", "sym_float", "floor", "ceil",
                                      "trunc", "_sym_sqrt", "_sym_log2", "abs"};
  return names[m];
}

/* SymNode's unary magic method m(a). */
static se_status node_unary(se_env *env, umethod m, se_sym a, se_sym *out) {
  se_ctx *ctx = env->ctx;
  const se_expr *e = sym_expr(env, a);
  if (!e) return failed(ctx);
  const se_expr *r = NULL;
  se_kind k;
  switch (m) {
  case U_NEG: r = se__neg(ctx, e); break;
  case U_NOT: r = se__not(ctx, e); break;
  case U_SYM_FLOAT: r = se__call(ctx, SE_K_TOFLOAT, &e, 1); break;
  case U_FLOOR: case U_CEIL: case U_TRUNC:
    k = m == U_FLOOR ? SE_K_FLOORTOINT : m == U_CEIL ? SE_K_CEILTOINT : SE_K_TRUNCTOINT;
    r = se__call(ctx, k, &e, 1);
    break;
  case U_SQRT: r = se__call(ctx, SE_K_OPAQUE_SQRT, &e, 1); break;
  case U_LOG2: r = se__call(ctx, SE_K_OPAQUE_LOG2, &e, 1); break;
  case U_ABS: {
    /* Abs has no node kind: decided by the sign when it is known. */
    if (se__fact(ctx, e, SE_FACT_NONNEG) == SE_T_TRUE) {
      r = e;
    } else if (se__fact(ctx, e, SE_FACT_NONPOS) == SE_T_TRUE) {
      r = se__neg(ctx, e);
    } else {
      char *s = se_expr_str(ctx, e);
      se_status st = se__fail(ctx, SE_UNSUPPORTED, "abs(%s): Abs of an expression of unknown sign",
                              s ? s : "?");
      se_free(s);
      return st;
    }
    break;
  }
  }
  if (!r) return failed(ctx);
  se_pytype t;
  switch (m) {
  case U_FLOOR: case U_CEIL: case U_TRUNC: t = SE_PY_INT; break;
  case U_NOT: t = SE_PY_BOOL; break;
  case U_SYM_FLOAT: case U_SQRT: case U_LOG2: t = SE_PY_FLOAT; break;
  default: t = a.type; break;
  }
  const se_expr *ha = sym_hint(env, a);
  if (se__status(ctx) != SE_OK) return failed(ctx);
  const se_expr *hint = NULL;
  if (ha) {
    pyval v;
    if (!to_pyval(ha, &v)) return se__fail(ctx, SE_INVALID, "a hint is not a number");
    se_status st = py_unary(ctx, m, v, &v);
    if (st == SE_OK) st = py_convert(ctx, v, t, &v);
    if (st != SE_OK) return st;
    hint = from_pyval(ctx, v);
    if (!hint) return failed(ctx);
  }
  bool ok;
  int32_t fx = fx_node(env, umethod_target(m), &a, 1, &ok);
  if (!ok) return failed(ctx);
  *out = mk(r, hint, t, fx);
  return SE_OK;
}

/* ---- guards on values ----------------------------------------------------------------------- */

/* guard_int / guard_float / guard_bool: evaluate_expr(expr, hint, fx). *out
 * is the value converted to the value's type. */
static se_status guard_impl(se_env *env, se_sym a, const se_expr **out) {
  se_ctx *ctx = env->ctx;
  const se_expr *r;
  if (is_const(a)) {
    r = a.expr;
  } else {
    const se_expr *e = sym_expr(env, a);
    const se_expr *h = sym_hint(env, a);
    if (!e || se__status(ctx) != SE_OK) return failed(ctx);
    se_status st = se_env_evaluate_expr(env, e, h, a.fx, false, NULL, &r);
    if (st != SE_OK) return st;
  }
  pyval v;
  if (!to_pyval(r, &v)) {
    char *s = se_expr_str(ctx, r);
    se_status st = se__fail(ctx, SE_INVALID, "cannot convert %s to a number", s ? s : "?");
    se_free(s);
    return st;
  }
  se_status st = py_convert(ctx, v, a.type, &v);
  if (st != SE_OK) return st;
  *out = from_pyval(ctx, v);
  return *out ? SE_OK : failed(ctx);
}

static se_status guard_bool(se_env *env, se_sym a, bool *out) {
  const se_expr *r;
  se_status st = guard_impl(env, a, &r);
  if (st != SE_OK) return st;
  pyval v;
  to_pyval(r, &v);
  *out = v.t == SE_PY_FLOAT ? v.f != 0.0 : v.i != 0;
  return SE_OK;
}

static se_status expect_true_impl(se_env *env, se_sym a, const char *msg, bool *out) {
  se_ctx *ctx = env->ctx;
  if (is_const(a)) return guard_bool(env, a, out);
  const se_expr *e = sym_expr(env, a);
  const se_expr *h = sym_hint(env, a);
  if (!e || se__status(ctx) != SE_OK) return failed(ctx);
  bool unbacked;
  if (!has_unbacked(ctx, e, &unbacked)) return failed(ctx);
  if (h && !unbacked && !env->opt.prefer_deferred_runtime_asserts_over_guards)
    return guard_bool(env, a, out);
  return se__api_guard_or_defer(env, e, msg ? msg : "", a.fx, out);
}

/* ---- user layer ----------------------------------------------------------------------------- */

static bool is_cmp(se_symop op) { return op >= SE_OP_EQ && op <= SE_OP_GE; }

static method cmp_method(se_symop op) {
  switch (op) {
  case SE_OP_EQ: return M_EQ;
  case SE_OP_NE: return M_NE;
  case SE_OP_LT: return M_LT;
  case SE_OP_LE: return M_LE;
  case SE_OP_GT: return M_GT;
  default: return M_GE;
  }
}

/* The comparison Python runs for `b OP a` reflected: a < b is b > a. */
static method mirror(method m) {
  switch (m) {
  case M_LT: return M_GT;
  case M_LE: return M_GE;
  case M_GT: return M_LT;
  case M_GE: return M_LE;
  default: return m;
  }
}

/* torch.sym_float(x). */
static se_status sym_float(se_env *env, se_sym a, se_sym *out) {
  if (a.type == SE_PY_FLOAT) {
    *out = a;
    return SE_OK;
  }
  if (a.type == SE_PY_BOOL && !is_const(a))
    return se__fail(env->ctx, SE_INVALID, "float() argument must be a number, not 'SymBool'");
  if (is_const(a)) {
    pyval v;
    to_pyval(a.expr, &v);
    const se_expr *f = se__float(env->ctx, as_double(v));
    if (!f) return failed(env->ctx);
    *out = const_of(f, SE_PY_FLOAT);
    return SE_OK;
  }
  return node_unary(env, U_SYM_FLOAT, a, out);
}

/* int(x) of a bool value (a guard when symbolic): bool -> int promotion. */
static se_status bool_to_int(se_env *env, se_sym a, se_sym *out) {
  if (a.type != SE_PY_BOOL) {
    *out = a;
    return SE_OK;
  }
  bool b;
  se_status st = guard_bool(env, a, &b);
  if (st != SE_OK) return st;
  *out = const_of(se__int(env->ctx, b ? 1 : 0), SE_PY_INT);
  return out->expr ? SE_OK : failed(env->ctx);
}

/* Python's constant result of a OP b (both plain values). */
static se_status const_binary(se_env *env, method m, se_sym a, se_sym b, se_sym *out) {
  pyval x, y, r;
  to_pyval(a.expr, &x);
  to_pyval(b.expr, &y);
  se_status st = py_binary(env->ctx, m, x, y, &r);
  if (st != SE_OK) return st;
  const se_expr *v = from_pyval(env->ctx, r);
  if (!v) return failed(env->ctx);
  *out = const_of(v, r.t);
  return SE_OK;
}

/* Runs the user-level comparison a OP b and guards the resulting bool. */
static se_status user_cmp(se_env *env, method m, se_sym a, se_sym b, se_sym *out);

static se_status user_cmp_guard(se_env *env, method m, se_sym a, se_sym b, bool *out) {
  se_sym r;
  se_status st = user_cmp(env, m, a, b, &r);
  if (st != SE_OK) return st;
  return guard_bool(env, r, out);
}

/* Float promotion of both operands when either is a float (promote2). */
static se_status promote2(se_env *env, se_sym *a, se_sym *b) {
  if (a->type != SE_PY_FLOAT && b->type != SE_PY_FLOAT) return SE_OK;
  se_status st = sym_float(env, *a, a);
  if (st == SE_OK) st = sym_float(env, *b, b);
  return st;
}

/* A binary operation after promotion: constants fold; a constant on the
 * left of a symbolic value runs the reflected method (same expression). */
static se_status run_binary(se_env *env, method m, se_sym a, se_sym b, se_sym *out) {
  if (is_const(a) && is_const(b)) return const_binary(env, m, a, b, out);
  return node_binary(env, m, a, b, out);
}

static se_status user_cmp(se_env *env, method m, se_sym a, se_sym b, se_sym *out) {
  se_status st = promote2(env, &a, &b);
  if (st != SE_OK) return st;
  if (is_const(a) && !is_const(b)) return run_binary(env, mirror(m), b, a, out);
  return run_binary(env, m, a, b, out);
}

/* RuntimeError of torch._check. */
static se_status check_failed(se_ctx *ctx) {
  return se__fail(ctx, SE_DOMAIN,
                  "Expected cond to be True, but got False. (Could this error message be "
                  "improved? If so, please report an enhancement request to PyTorch.)");
}

/* torch._check(x >= 0) before a float power. */
static se_status check_nonneg(se_env *env, se_sym x) {
  se_sym zero = const_of(se__int(env->ctx, 0), SE_PY_INT), c;
  se_status st = user_cmp(env, M_GE, x, zero, &c);
  if (st != SE_OK) return st;
  bool ok;
  st = is_const(c) ? guard_bool(env, c, &ok) : expect_true_impl(env, c, "", &ok);
  if (st != SE_OK) return st;
  return ok ? SE_OK : check_failed(env->ctx);
}

static se_status user_pow(se_env *env, se_sym a, se_sym b, se_sym *out) {
  se_status st;
  if (is_const(a) && is_const(b)) return const_binary(env, M_FLOAT_POW, a, b, out);
  if (a.type != SE_PY_FLOAT && b.type != SE_PY_FLOAT) {
    /* Guards the exponent's sign: it decides the result type. */
    bool natural;
    se_sym zero = const_of(se__int(env->ctx, 0), SE_PY_INT);
    st = user_cmp_guard(env, M_GE, b, zero, &natural);
    if (st != SE_OK) return st;
    if (natural) return node_binary(env, M_POW_BY_NATURAL, a, b, out);
  }
  st = promote2(env, &a, &b);
  if (st == SE_OK) st = sym_float(env, a, &a);
  if (st == SE_OK) st = sym_float(env, b, &b);
  if (st == SE_OK) st = check_nonneg(env, a);
  if (st != SE_OK) return st;
  return node_binary(env, M_FLOAT_POW, a, b, out);
}

static se_status binary_impl(se_env *env, se_symop op, se_sym a, se_sym b, se_sym *out) {
  se_ctx *ctx = env->ctx;
  se_status st;
  if (is_cmp(op)) return user_cmp(env, cmp_method(op), a, b, out);
  bool bools = a.type == SE_PY_BOOL && b.type == SE_PY_BOOL;
  switch (op) {
  case SE_OP_AND:
  case SE_OP_OR:
    if (!bools) return se__fail(ctx, SE_INVALID, "and/or take two bool values");
    return run_binary(env, op == SE_OP_AND ? M_AND : M_OR, a, b, out);
  case SE_OP_BITAND:
  case SE_OP_BITOR:
    if (bools) return run_binary(env, op == SE_OP_BITAND ? M_AND : M_OR, a, b, out);
    if (a.type == SE_PY_FLOAT || b.type == SE_PY_FLOAT)
      return se__fail(ctx, SE_INVALID, "unsupported operand type(s) for %s: 'float'",
                      op == SE_OP_BITAND ? "&" : "|");
    st = bool_to_int(env, a, &a);
    if (st == SE_OK) st = bool_to_int(env, b, &b);
    if (st != SE_OK) return st;
    return run_binary(env, op == SE_OP_BITAND ? M_BITAND : M_BITOR, a, b, out);
  default:
    break;
  }
  if (a.type == SE_PY_BOOL || b.type == SE_PY_BOOL) {
    if (op != SE_OP_ADD && op != SE_OP_SUB && op != SE_OP_MUL)
      return se__fail(ctx, SE_INVALID, "this operation does not take a bool value");
    st = bool_to_int(env, a, &a);
    if (st == SE_OK) st = bool_to_int(env, b, &b);
    if (st != SE_OK) return st;
  }
  switch (op) {
  case SE_OP_ADD: case SE_OP_SUB: case SE_OP_MUL: case SE_OP_MOD:
    st = promote2(env, &a, &b);
    if (st != SE_OK) return st;
    return run_binary(env, op == SE_OP_ADD ? M_ADD : op == SE_OP_SUB ? M_SUB
                           : op == SE_OP_MUL ? M_MUL : M_MOD, a, b, out);
  case SE_OP_MIN:
  case SE_OP_MAX: {
    st = promote2(env, &a, &b);
    if (st != SE_OK) return st;
    method m = op == SE_OP_MIN ? M_MIN : M_MAX;
    if (is_const(a) && is_const(b)) return const_binary(env, m, a, b, out);
    /* torch.sym_min(const, x) asks x first. */
    if (is_const(a)) return node_binary(env, m, b, a, out);
    return node_binary(env, m, a, b, out);
  }
  case SE_OP_TRUEDIV:
    if (a.type == SE_PY_INT && b.type == SE_PY_INT) return run_binary(env, M_INT_TRUEDIV, a, b, out);
    st = sym_float(env, a, &a);
    if (st == SE_OK) st = sym_float(env, b, &b);
    if (st != SE_OK) return st;
    return run_binary(env, M_FLOAT_TRUEDIV, a, b, out);
  case SE_OP_FLOORDIV: {
    if (a.type == SE_PY_INT && b.type == SE_PY_INT) return run_binary(env, M_INT_FLOORDIV, a, b, out);
    if (is_const(a) && is_const(b)) return const_binary(env, M_INT_FLOORDIV, a, b, out);
    /* sym_float(math.floor(a / b)) on floats. */
    se_sym q, fl;
    st = sym_float(env, a, &a);
    if (st == SE_OK) st = sym_float(env, b, &b);
    if (st == SE_OK) st = run_binary(env, M_FLOAT_TRUEDIV, a, b, &q);
    if (st != SE_OK) return st;
    st = node_unary(env, U_FLOOR, q, &fl);
    if (st != SE_OK) return st;
    return node_unary(env, U_SYM_FLOAT, fl, out);
  }
  case SE_OP_POW:
    return user_pow(env, a, b, out);
  default:
    return se__fail(ctx, SE_INVALID, "unknown operation %d", (int)op);
  }
}

static se_status unary_impl(se_env *env, se_symfn fn, se_sym a, se_sym *out) {
  se_ctx *ctx = env->ctx;
  se_status st;
  umethod m;
  switch (fn) {
  case SE_FN_NEG: m = U_NEG; break;
  case SE_FN_NOT:
    if (a.type != SE_PY_BOOL) return se__fail(ctx, SE_INVALID, "sym_not takes a bool value");
    m = U_NOT;
    break;
  case SE_FN_SYM_FLOAT: return sym_float(env, a, out);
  case SE_FN_SYM_INT:
    if (a.type == SE_PY_INT) {
      *out = a;
      return SE_OK;
    }
    if (a.type == SE_PY_BOOL) return bool_to_int(env, a, out);
    m = U_TRUNC;
    break;
  case SE_FN_FLOOR: case SE_FN_CEIL: case SE_FN_TRUNC:
    if (a.type == SE_PY_BOOL) return bool_to_int(env, a, out);
    if (a.type == SE_PY_INT) {
      *out = a;
      return SE_OK;
    }
    m = fn == SE_FN_FLOOR ? U_FLOOR : fn == SE_FN_CEIL ? U_CEIL : U_TRUNC;
    break;
  case SE_FN_SQRT:
  case SE_FN_LOG2:
    if (a.type == SE_PY_BOOL) return se__fail(ctx, SE_INVALID, "math functions take a number");
    st = sym_float(env, a, &a);
    if (st != SE_OK) return st;
    m = fn == SE_FN_SQRT ? U_SQRT : U_LOG2;
    break;
  case SE_FN_ABS:
    if (a.type == SE_PY_BOOL) {
      st = bool_to_int(env, a, &a);
      if (st != SE_OK) return st;
    }
    m = U_ABS;
    break;
  default:
    return se__fail(ctx, SE_INVALID, "unknown function %d", (int)fn);
  }
  if (fn == SE_FN_NEG && a.type == SE_PY_BOOL) {
    st = bool_to_int(env, a, &a);
    if (st != SE_OK) return st;
  }
  if (is_const(a)) {
    pyval v;
    to_pyval(a.expr, &v);
    st = py_unary(ctx, m, v, &v);
    if (st != SE_OK) return st;
    const se_expr *r = from_pyval(ctx, v);
    if (!r) return failed(ctx);
    *out = const_of(r, v.t);
    return SE_OK;
  }
  return node_unary(env, m, a, out);
}

static se_status ite_impl(se_env *env, se_sym c, se_sym t, se_sym f, se_sym *out) {
  se_ctx *ctx = env->ctx;
  if (c.type != SE_PY_BOOL) return se__fail(ctx, SE_INVALID, "sym_ite takes a bool condition");
  if (t.type != f.type) return se__fail(ctx, SE_INVALID, "sym_ite branches differ in type");
  if (is_const(c)) {
    *out = c.expr->kind == SE_K_TRUE ? t : f;
    return SE_OK;
  }
  const se_expr *hc = sym_hint(env, c), *ht = sym_hint(env, t), *hf = sym_hint(env, f);
  if (se__status(ctx) != SE_OK) return failed(ctx);
  const se_expr *hint = hc && hc->kind == SE_K_TRUE ? ht : hf;
  const se_expr *ec = sym_expr(env, c), *et = sym_expr(env, t), *ef = sym_expr(env, f);
  if (!ec || !et || !ef) return failed(ctx);
  const se_expr *args[4] = {et, ec, ef, se__bool(ctx, true)};
  const se_expr *e = se__piecewise(ctx, args, 4);
  if (!e) return failed(ctx);
  se_sym ops[3] = {c, t, f};
  bool ok;
  int32_t fx = fx_node(env, "sym_ite", ops, 3, &ok);
  if (!ok) return failed(ctx);
  *out = mk(e, hint, t.type, fx);
  return SE_OK;
}

/* ---- public API ------------------------------------------------------------------------------ */

/* An int constant as a value (no environment). */
se_sym se_sym_int(se_ctx *ctx, int64_t v) { return const_of(se__int(ctx, v), SE_PY_INT); }

/* A float constant as a value. */
se_sym se_sym_float(se_ctx *ctx, double v) { return const_of(se__float(ctx, v), SE_PY_FLOAT); }

/* A bool constant as a value. */
se_sym se_sym_bool(se_ctx *ctx, bool v) { return const_of(se__bool(ctx, v), SE_PY_BOOL); }

static se_status check_val(se_env *env, se_sym a) {
  if (!a.expr) return se__fail(env->ctx, SE_INVALID, "a symbolic value has no expression");
  return SE_OK;
}

static void clear_out(se_sym *out) {
  memset(out, 0, sizeof *out);
  out->fx = -1;
}

/* a OP b with Python's semantics (see the file comment). On failure *out is
 * cleared. Every state change it causes (a _find, a graph node) is a
 * recorded call of its own, transactional by itself. */
se_status se_sym_binary(se_env *env, se_symop op, se_sym a, se_sym b, se_sym *out) {
  if (!env) return SE_INVALID;
  if (!out) return se__fail(env->ctx, SE_INVALID, "se_sym_binary: no place for the result");
  clear_out(out);
  se_status st = check_val(env, a);
  if (st == SE_OK) st = check_val(env, b);
  if (st != SE_OK) return st;
  se_sym r;
  st = binary_impl(env, op, a, b, &r);
  if (st == SE_OK) *out = r;
  return st;
}

/* fn(a) (neg, sym_not, sym_int, sym_float, floor, ceil, trunc, sqrt, log2,
 * abs) with Python's semantics; state changes as se_sym_binary. */
se_status se_sym_unary(se_env *env, se_symfn fn, se_sym a, se_sym *out) {
  if (!env) return SE_INVALID;
  if (!out) return se__fail(env->ctx, SE_INVALID, "se_sym_unary: no place for the result");
  clear_out(out);
  se_status st = check_val(env, a);
  if (st != SE_OK) return st;
  se_sym r;
  st = unary_impl(env, fn, a, &r);
  if (st == SE_OK) *out = r;
  return st;
}

/* torch.sym_ite(c, t, f): t or f for a constant c, else
 * Piecewise((t, c), (f, True)) with the hint of the branch c's hint picks. */
se_status se_sym_ite(se_env *env, se_sym c, se_sym t, se_sym f, se_sym *out) {
  if (!env) return SE_INVALID;
  if (!out) return se__fail(env->ctx, SE_INVALID, "se_sym_ite: no place for the result");
  clear_out(out);
  se_status st = check_val(env, c);
  if (st == SE_OK) st = check_val(env, t);
  if (st == SE_OK) st = check_val(env, f);
  if (st != SE_OK) return st;
  se_sym r;
  st = ite_impl(env, c, t, f, &r);
  if (st == SE_OK) *out = r;
  return st;
}

/* guard_int / guard_float / guard_bool: *out is the concrete value
 * (Integer, Float or True/False, borrowed from the context). */
se_status se_sym_guard(se_env *env, se_sym a, const se_expr **out) {
  if (!env) return SE_INVALID;
  se_status st = check_val(env, a);
  if (st != SE_OK) return st;
  const se_expr *r = NULL;
  st = guard_impl(env, a, &r);
  if (st == SE_OK && out) *out = r;
  return st;
}

/* SymNode.expect_true(msg): a guard when the value has a hint, no unbacked
 * symbols and deferred asserts are not preferred; otherwise
 * guard_or_defer_runtime_assert. *out is the answer (true unless a guard
 * decided false). */
se_status se_sym_expect_true(se_env *env, se_sym a, const char *msg, bool *out) {
  if (!env) return SE_INVALID;
  se_status st = check_val(env, a);
  if (st != SE_OK) return st;
  if (a.type != SE_PY_BOOL) return se__fail(env->ctx, SE_INVALID, "expect_true takes a bool value");
  bool r = false;
  st = expect_true_impl(env, a, msg, &r);
  if (st == SE_OK && out) *out = r;
  return st;
}
