/* The Z3 side of translation validation: the validator's context and sets,
 * Python's arithmetic rebuilt over Z3 terms (PyTorch's Z3Ops, spec 1.3) and
 * the SymPy -> Z3 translation (SympyToZ3, spec 1.5) driven by one table
 * from node kinds to encodings. A kind without an encoding is an error
 * that names it, never a silent skip. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "validate/tv.h"

/* Z3 calls this instead of exiting; the failure stays in the context's
 * error code, which se__tv_chk turns into an se_status. */
static void z3_error_handler(Z3_context c, Z3_error_code e) {
  (void)c;
  (void)e;
}

static void set_init(se_astset *s) {
  memset(s, 0, sizeof *s);
  se__map_init(&s->ids);
}

static void set_free(se_astset *s) {
  free(s->v);
  se__map_free(&s->ids);
}

se_tv *se__tv_new(se_ctx *ctx) {
  se_tv *tv = calloc(1, sizeof *tv);
  Z3_config cfg = tv ? Z3_mk_config() : NULL;
  if (!tv || !cfg) {
    free(tv);
    se__fail(ctx, SE_NOMEM, "out of memory creating a Z3 context");
    return NULL;
  }
  Z3_set_param_value(cfg, "model", "true");
  tv->z = Z3_mk_context(cfg);
  Z3_del_config(cfg);
  if (!tv->z) {
    free(tv);
    se__fail(ctx, SE_NOMEM, "Z3 could not create a context");
    return NULL;
  }
  Z3_set_error_handler(tv->z, z3_error_handler);
  tv->ctx = ctx;
  se__map_init(&tv->vars);
  set_init(&tv->sources);
  set_init(&tv->targets);
  set_init(&tv->assertions);
  return tv;
}

void se__tv_free(se_tv *tv) {
  if (!tv) return;
  se__map_free(&tv->vars);
  set_free(&tv->sources);
  set_free(&tv->targets);
  set_free(&tv->assertions);
  Z3_del_context(tv->z);
  free(tv);
}

Z3_ast se__tv_chk(se_tv *tv, Z3_ast r, const char *what) {
  Z3_error_code ec = Z3_get_error_code(tv->z);
  if (ec == Z3_OK && r) return r;
  se__fail(tv->ctx, SE_INVALID, "Z3 error in %s: %s", what,
           ec == Z3_OK ? "no result" : Z3_get_error_msg(tv->z, ec));
  Z3_set_error(tv->z, Z3_OK);
  return NULL;
}

static bool set_add(se_tv *tv, se_astset *s, Z3_ast e) {
  if (!e) return false;
  if (Z3_get_sort_kind(tv->z, Z3_get_sort(tv->z, e)) != Z3_BOOL_SORT) {
    se__fail(tv->ctx, SE_INVALID, "translation validation: %s is not a predicate",
             Z3_ast_to_string(tv->z, e));
    return false;
  }
  uint64_t id = (uint64_t)Z3_get_ast_id(tv->z, e) + 1;
  const void *key = (const void *)(uintptr_t)id;
  if (se__map_find(&s->ids, key, id)) return true;
  if (s->n == s->cap) {
    size_t nc = s->cap ? 2 * s->cap : 16;
    Z3_ast *nv = realloc(s->v, nc * sizeof *nv);
    if (!nv) goto oom;
    s->v = nv;
    s->cap = nc;
  }
  if (!se__map_put(&s->ids, key, id, (se_mapval){.i = 1})) goto oom;
  s->v[s->n++] = e;
  return true;
oom:
  se__fail(tv->ctx, SE_NOMEM, "out of memory in translation validation");
  return false;
}

bool se__tv_add_source(se_tv *tv, Z3_ast e) { return set_add(tv, &tv->sources, e); }
bool se__tv_add_target(se_tv *tv, Z3_ast e) { return set_add(tv, &tv->targets, e); }
bool se__tv_add_assertion(se_tv *tv, Z3_ast e) { return set_add(tv, &tv->assertions, e); }

/* ---- sorts and coercion (z3py's _coerce_exprs) ----------------------------------- */

static Z3_sort_kind sort_of(se_tv *tv, Z3_ast a) {
  return Z3_get_sort_kind(tv->z, Z3_get_sort(tv->z, a));
}

static int rank(Z3_sort_kind k) {
  return k == Z3_BOOL_SORT ? 0 : k == Z3_INT_SORT ? 1 : k == Z3_REAL_SORT ? 2 : 3;
}

/* The integer v in a's arithmetic sort (IntVal or RealVal). */
static Z3_ast lit(se_tv *tv, Z3_ast a, int64_t v) {
  Z3_sort s = sort_of(tv, a) == Z3_REAL_SORT ? Z3_mk_real_sort(tv->z) : Z3_mk_int_sort(tv->z);
  return Z3_mk_int64(tv->z, v, s);
}

/* x cast up to sort rank r: Bool -> If(x, 1, 0), Int -> ToReal(x). */
static Z3_ast cast_to(se_tv *tv, Z3_ast x, int r) {
  int k = rank(sort_of(tv, x));
  if (k == r || r == 3 || k == 3) return x;
  if (k == 0) {
    Z3_sort s = r == 2 ? Z3_mk_real_sort(tv->z) : Z3_mk_int_sort(tv->z);
    x = Z3_mk_ite(tv->z, x, Z3_mk_int64(tv->z, 1, s), Z3_mk_int64(tv->z, 0, s));
    return x;
  }
  return Z3_mk_int2real(tv->z, x);
}

static void coerce(se_tv *tv, Z3_ast *a, Z3_ast *b) {
  int ra = rank(sort_of(tv, *a)), rb = rank(sort_of(tv, *b));
  int r = ra > rb ? ra : rb;
  *a = cast_to(tv, *a, r);
  *b = cast_to(tv, *b, r);
}

static bool is_real(se_tv *tv, Z3_ast a) { return sort_of(tv, a) == Z3_REAL_SORT; }

static Z3_ast to_real(se_tv *tv, Z3_ast a) { return cast_to(tv, a, 2); }

static Z3_ast to_int(se_tv *tv, Z3_ast a) {
  Z3_sort_kind k = sort_of(tv, a);
  if (k == Z3_REAL_SORT) return Z3_mk_real2int(tv->z, a);
  return k == Z3_BOOL_SORT ? cast_to(tv, a, 1) : a;
}

static Z3_ast arith2(se_tv *tv, Z3_ast (*mk)(Z3_context, unsigned, Z3_ast const[]), Z3_ast a,
                     Z3_ast b) {
  coerce(tv, &a, &b);
  Z3_ast v[2] = {a, b};
  return mk(tv->z, 2, v);
}

static Z3_ast rel(se_tv *tv, se_z3op op, Z3_ast a, Z3_ast b) {
  coerce(tv, &a, &b);
  switch (op) {
  case SE_Z3_EQ: return Z3_mk_eq(tv->z, a, b);
  case SE_Z3_NE: {
    Z3_ast v[2] = {a, b};
    return Z3_mk_distinct(tv->z, 2, v);
  }
  case SE_Z3_LT: return Z3_mk_lt(tv->z, a, b);
  case SE_Z3_LE: return Z3_mk_le(tv->z, a, b);
  case SE_Z3_GT: return Z3_mk_gt(tv->z, a, b);
  default: return Z3_mk_ge(tv->z, a, b);
  }
}

/* The z3py class a term is wrapped in (_to_expr_ref): numerals of Int and
 * Real sort are IntNumRef and RatNumRef, both subclasses of ArithRef, the
 * class of every other arithmetic term. */
typedef enum pyclass { PY_OTHER, PY_BOOL, PY_ARITH, PY_INTNUM, PY_RATNUM } pyclass;

static pyclass py_class(se_tv *tv, Z3_ast a) {
  Z3_sort_kind k = sort_of(tv, a);
  if (k == Z3_BOOL_SORT) return PY_BOOL;
  if (k != Z3_INT_SORT && k != Z3_REAL_SORT) return PY_OTHER;
  if (Z3_get_ast_kind(tv->z, a) != Z3_NUMERAL_AST) return PY_ARITH;
  return k == Z3_INT_SORT ? PY_INTNUM : PY_RATNUM;
}

/* The comparison Python evaluates for a OP b on two z3py objects: when b's
 * class is a proper subclass of a's (a numeral on the right of any other
 * arithmetic term), Python tries b's reflected method first, so x == 0
 * becomes 0 == x and x > 1 becomes 1 < x. */
Z3_ast se__z3_compare(se_tv *tv, se_z3op op, Z3_ast a, Z3_ast b) {
  if (!a || !b) return NULL;
  pyclass ca = py_class(tv, a), cb = py_class(tv, b);
  if (ca == PY_ARITH && (cb == PY_INTNUM || cb == PY_RATNUM)) {
    Z3_ast t = a;
    a = b;
    b = t;
    switch (op) {
    case SE_Z3_LT: op = SE_Z3_GT; break;
    case SE_Z3_LE: op = SE_Z3_GE; break;
    case SE_Z3_GT: op = SE_Z3_LT; break;
    case SE_Z3_GE: op = SE_Z3_LE; break;
    default: break; /* == and != are their own reflection */
    }
  }
  return se__z3_binary(tv, op, a, b);
}

Z3_ast se__z3_ite(se_tv *tv, Z3_ast c, Z3_ast t, Z3_ast f) {
  if (!c || !t || !f) return NULL;
  coerce(tv, &t, &f);
  return se__tv_chk(tv, Z3_mk_ite(tv->z, c, t, f), "If");
}

/* div(n, d): Real division, asserting d != 0. */
static Z3_ast div_real(se_tv *tv, Z3_ast n, Z3_ast d) {
  if (!se__tv_add_assertion(tv, rel(tv, SE_Z3_NE, d, lit(tv, d, 0)))) return NULL;
  return Z3_mk_div(tv->z, to_real(tv, n), to_real(tv, d));
}

/* floordiv: ToInt of the Real quotient, back to Real when an operand was. */
static Z3_ast floordiv(se_tv *tv, Z3_ast n, Z3_ast d) {
  bool real = is_real(tv, n) || is_real(tv, d);
  Z3_ast q = div_real(tv, n, d);
  if (!q) return NULL;
  Z3_ast r = to_int(tv, q);
  return real ? to_real(tv, r) : r;
}

static Z3_ast bitwise(se_tv *tv, se_z3op op, Z3_ast a, Z3_ast b) {
  Z3_context z = tv->z;
  if (sort_of(tv, a) == Z3_BOOL_SORT && sort_of(tv, b) == Z3_BOOL_SORT &&
      op != SE_Z3_LSHIFT && op != SE_Z3_RSHIFT) {
    Z3_ast v[2] = {a, b};
    if (op == SE_Z3_BITAND) return Z3_mk_and(z, 2, v);
    if (op == SE_Z3_BITOR) return Z3_mk_or(z, 2, v);
    return Z3_mk_xor(z, a, b);
  }
  /* Python ints as 64-bit vectors (PyTorch's assumption). */
  Z3_ast x = Z3_mk_int2bv(z, 64, to_int(tv, a)), y = Z3_mk_int2bv(z, 64, to_int(tv, b));
  Z3_ast r;
  switch (op) {
  case SE_Z3_BITAND: r = Z3_mk_bvand(z, x, y); break;
  case SE_Z3_BITOR: r = Z3_mk_bvor(z, x, y); break;
  case SE_Z3_BITXOR: r = Z3_mk_bvxor(z, x, y); break;
  case SE_Z3_LSHIFT: r = Z3_mk_bvshl(z, x, y); break;
  default: r = Z3_mk_bvashr(z, x, y); break;
  }
  return Z3_mk_bv2int(z, r, false);
}

Z3_ast se__z3_binary(se_tv *tv, se_z3op op, Z3_ast a, Z3_ast b) {
  if (!a || !b) return NULL;
  Z3_context z = tv->z;
  Z3_ast r = NULL;
  switch (op) {
  case SE_Z3_ADD: r = arith2(tv, Z3_mk_add, a, b); break;
  case SE_Z3_SUB: r = arith2(tv, Z3_mk_sub, a, b); break;
  case SE_Z3_MUL: r = arith2(tv, Z3_mk_mul, a, b); break;
  case SE_Z3_POW_RAW:
    coerce(tv, &a, &b);
    r = Z3_mk_power(z, a, b);
    break;
  case SE_Z3_POW: {
    /* "Z3 can't handle complex numbers": base != 0 or exp > 0. */
    Z3_ast dom[2] = {rel(tv, SE_Z3_NE, a, lit(tv, a, 0)), rel(tv, SE_Z3_GT, b, lit(tv, b, 0))};
    if (!se__tv_add_assertion(tv, se__tv_chk(tv, Z3_mk_or(z, 2, dom), "pow"))) return NULL;
    coerce(tv, &a, &b);
    r = Z3_mk_power(z, a, b);
    break;
  }
  case SE_Z3_TRUEDIV: r = div_real(tv, a, b); break;
  case SE_Z3_FLOORDIV: r = floordiv(tv, a, b); break;
  case SE_Z3_MOD: {
    /* p - floordiv(p, q) * q: Python's sign rules. */
    Z3_ast fd = floordiv(tv, a, b);
    if (!fd) return NULL;
    r = arith2(tv, Z3_mk_sub, a, arith2(tv, Z3_mk_mul, fd, b));
    break;
  }
  case SE_Z3_EQ: case SE_Z3_NE: case SE_Z3_LT: case SE_Z3_LE: case SE_Z3_GT: case SE_Z3_GE:
    r = rel(tv, op, a, b);
    break;
  /* Z3Ops.min / max compare two z3py objects. */
  case SE_Z3_MIN: return se__z3_ite(tv, se__z3_compare(tv, SE_Z3_LT, a, b), a, b);
  case SE_Z3_MAX: return se__z3_ite(tv, se__z3_compare(tv, SE_Z3_GT, a, b), a, b);
  case SE_Z3_AND: case SE_Z3_OR: {
    Z3_ast v[2] = {a, b};
    r = op == SE_Z3_AND ? Z3_mk_and(z, 2, v) : Z3_mk_or(z, 2, v);
    break;
  }
  case SE_Z3_BITAND: case SE_Z3_BITOR: case SE_Z3_BITXOR: case SE_Z3_LSHIFT: case SE_Z3_RSHIFT:
    r = bitwise(tv, op, a, b);
    break;
  }
  return se__tv_chk(tv, r, "a binary operation");
}

static Z3_ast half(se_tv *tv) { return Z3_mk_numeral(tv->z, "1/2", Z3_mk_real_sort(tv->z)); }

Z3_ast se__z3_unary(se_tv *tv, se_z3fn fn, Z3_ast a) {
  if (!a) return NULL;
  Z3_context z = tv->z;
  Z3_ast r = NULL;
  switch (fn) {
  case SE_Z3_NEG: r = Z3_mk_unary_minus(z, cast_to(tv, a, 1)); break;
  case SE_Z3_NOT:
    /* An integer operand means "!= 0", as Python's truth does. */
    if (sort_of(tv, a) != Z3_BOOL_SORT) a = rel(tv, SE_Z3_NE, a, lit(tv, a, 0));
    r = Z3_mk_not(z, a);
    break;
  case SE_Z3_TO_REAL: r = to_real(tv, a); break;
  case SE_Z3_TO_INT: r = to_int(tv, a); break;
  case SE_Z3_FLOOR: r = to_int(tv, a); break;
  case SE_Z3_CEIL: {
    /* If(floor(x) < x, floor(x + 1), x) */
    Z3_ast fl = to_int(tv, a);
    Z3_ast fl1 = to_int(tv, arith2(tv, Z3_mk_add, a, lit(tv, a, 1)));
    return se__z3_ite(tv, se__z3_compare(tv, SE_Z3_LT, fl, a), fl1, a);
  }
  case SE_Z3_TRUNC:
    return se__z3_ite(tv, rel(tv, SE_Z3_GE, a, lit(tv, a, 0)), se__z3_unary(tv, SE_Z3_FLOOR, a),
                      se__z3_unary(tv, SE_Z3_CEIL, a));
  case SE_Z3_ROUND: {
    /* Round half to even: If(x mod 2 == 0.5, ceil(x - 0.5), floor(x + 0.5)). */
    Z3_ast m = se__z3_binary(tv, SE_Z3_MOD, a, lit(tv, a, 2));
    Z3_ast c = se__z3_binary(tv, SE_Z3_EQ, m, half(tv));
    Z3_ast lo = se__z3_unary(tv, SE_Z3_CEIL, se__z3_binary(tv, SE_Z3_SUB, a, half(tv)));
    Z3_ast hi = se__z3_unary(tv, SE_Z3_FLOOR, se__z3_binary(tv, SE_Z3_ADD, a, half(tv)));
    return se__z3_ite(tv, c, lo, hi);
  }
  case SE_Z3_SQRT: {
    Z3_ast x = to_real(tv, a);
    if (!se__tv_add_assertion(tv, rel(tv, SE_Z3_GE, x, lit(tv, x, 0)))) return NULL;
    r = Z3_mk_power(z, x, half(tv));
    break;
  }
  case SE_Z3_ABS:
    return se__z3_ite(tv, rel(tv, SE_Z3_GE, a, lit(tv, a, 0)), a,
                      Z3_mk_unary_minus(z, cast_to(tv, a, 1)));
  }
  return se__tv_chk(tv, r, "a unary operation");
}

/* ---- constants ------------------------------------------------------------------ */

/* Python's repr(float) as a plain decimal numeral Z3 reads exactly (the
 * shortest digits that round-trip, without an exponent). */
static void float_numeral(double x, char *out, size_t cap) {
  char buf[64];
  int p = 1;
  for (; p <= 17; p++) {
    snprintf(buf, sizeof buf, "%.*e", p - 1, x);
    if (strtod(buf, NULL) == x) break;
  }
  if (p > 17) p = 17;
  snprintf(buf, sizeof buf, "%.*e", p - 1, x);
  const char *s = buf;
  char digits[32];
  size_t nd = 0;
  bool neg = *s == '-';
  if (neg) s++;
  for (; *s && *s != 'e'; s++)
    if (*s >= '0' && *s <= '9' && nd < sizeof digits - 1) digits[nd++] = *s;
  digits[nd] = '\0';
  long e = *s == 'e' ? strtol(s + 1, NULL, 10) : 0;
  long shift = e - (long)(nd - 1);
  size_t k = 0;
#define PUT(c) do { if (k + 1 < cap) out[k++] = (c); } while (0)
  if (neg) PUT('-');
  if (shift >= 0) {
    for (size_t i = 0; i < nd; i++) PUT(digits[i]);
    for (long i = 0; i < shift; i++) PUT('0');
  } else {
    long ip = (long)nd + shift; /* digits before the point */
    if (ip <= 0) {
      PUT('0');
      PUT('.');
      for (long i = 0; i < -ip; i++) PUT('0');
      for (size_t i = 0; i < nd; i++) PUT(digits[i]);
    } else {
      for (long i = 0; i < ip; i++) PUT(digits[i]);
      PUT('.');
      for (size_t i = (size_t)ip; i < nd; i++) PUT(digits[i]);
    }
  }
#undef PUT
  out[k] = '\0';
}

Z3_ast se__z3_const(se_tv *tv, const se_expr *v) {
  Z3_context z = tv->z;
  char buf[512];
  switch (v->kind) {
  case SE_K_INTEGER: return se__tv_chk(tv, Z3_mk_int64(z, v->u.i, Z3_mk_int_sort(z)), "IntVal");
  case SE_K_RATIONAL:
    snprintf(buf, sizeof buf, "%lld/%lld", (long long)v->u.q.p, (long long)v->u.q.q);
    return se__tv_chk(tv, Z3_mk_numeral(z, buf, Z3_mk_real_sort(z)), "RealVal");
  case SE_K_FLOAT:
    if (!isfinite(v->u.f)) break;
    float_numeral(v->u.f, buf, sizeof buf);
    return se__tv_chk(tv, Z3_mk_numeral(z, buf, Z3_mk_real_sort(z)), "RealVal");
  case SE_K_TRUE: return Z3_mk_true(z);
  case SE_K_FALSE: return Z3_mk_false(z);
  default: break;
  }
  se__fail(tv->ctx, SE_UNSUPPORTED, "translation validation: no Z3 encoding for %s",
           se_kind_name((se_kind)v->kind));
  return NULL;
}

/* ---- variables ------------------------------------------------------------------- */

Z3_ast se__tv_var(const se_tv *tv, const se_expr *sym) {
  se_map_entry *e = se__map_find(&tv->vars, sym, sym->hash);
  return e ? (Z3_ast)e->val.p : NULL;
}

Z3_ast se__tv_add_var(se_tv *tv, const se_expr *sym) {
  if (!sym) return NULL;
  if (sym->kind != SE_K_SYMBOL) {
    se__fail(tv->ctx, SE_INVALID, "translation validation: a variable needs a symbol");
    return NULL;
  }
  Z3_ast v = se__tv_var(tv, sym);
  if (v) return v;
  Z3_context z = tv->z;
  Z3_sort s = (sym->u.sym.asm_ & SE_ASM_INTEGER) ? Z3_mk_int_sort(z) : Z3_mk_real_sort(z);
  v = se__tv_chk(tv, Z3_mk_const(z, Z3_mk_string_symbol(z, sym->u.sym.name), s), "a variable");
  if (!v) return NULL;
  if (!se__map_put(&tv->vars, sym, sym->hash, (se_mapval){.p = v})) {
    se__fail(tv->ctx, SE_NOMEM, "out of memory adding a Z3 variable");
    return NULL;
  }
  /* A positive symbol's positivity is a target, not an assertion. */
  if ((sym->u.sym.asm_ & SE_ASM_POSITIVE) &&
      !se__tv_add_target(tv, se__z3_binary(tv, SE_Z3_GT, v, lit(tv, v, 0))))
    return NULL;
  return v;
}

/* ---- SymPy -> Z3: one table from node kinds to encodings -------------------------- */

typedef enum enc {
  E_NONE = 0, E_CONST, E_SYMBOL, E_ADD, E_MUL, E_POW, E_EQ, E_NE, E_LT, E_LE, E_GT, E_GE,
  E_AND, E_OR, E_NOT, E_MIN, E_MAX, E_FLOORDIV, E_MOD, E_MODINDEX, E_WHERE, E_TO_FLOAT,
  E_TRUNC_TO_INT, E_FLOOR_TO_INT, E_CEIL_TO_INT, E_ROUND_TO_INT, E_TRUNC_TO_FLOAT,
  E_TRUEDIV, E_IDENTITY, E_BITAND, E_BITOR, E_BITXOR, E_SQRT
} enc;

/* Kinds absent from this table (infinities, NaN, Piecewise, RoundDecimal,
 * the transcendental OpaqueUnaryFn_*) have no Z3 encoding. */
static const unsigned char encoding[SE_K_COUNT] = {
  [SE_K_INTEGER] = E_CONST, [SE_K_RATIONAL] = E_CONST, [SE_K_FLOAT] = E_CONST,
  [SE_K_TRUE] = E_CONST, [SE_K_FALSE] = E_CONST, [SE_K_SYMBOL] = E_SYMBOL,
  [SE_K_ADD] = E_ADD, [SE_K_MUL] = E_MUL, [SE_K_POW] = E_POW,
  [SE_K_EQ] = E_EQ, [SE_K_NE] = E_NE, [SE_K_LT] = E_LT, [SE_K_LE] = E_LE, [SE_K_GT] = E_GT,
  [SE_K_GE] = E_GE, [SE_K_AND] = E_AND, [SE_K_OR] = E_OR, [SE_K_NOT] = E_NOT,
  [SE_K_MIN] = E_MIN, [SE_K_MAX] = E_MAX,
  [SE_K_FLOORDIV] = E_FLOORDIV, [SE_K_CLEANDIV] = E_FLOORDIV,
  [SE_K_MOD] = E_MOD, [SE_K_SYMPY_MOD] = E_MOD, [SE_K_PYTHONMOD] = E_MOD,
  [SE_K_MODULARINDEXING] = E_MODINDEX, [SE_K_WHERE] = E_WHERE,
  [SE_K_TOFLOAT] = E_TO_FLOAT, [SE_K_TRUNCTOINT] = E_TRUNC_TO_INT,
  [SE_K_FLOORTOINT] = E_FLOOR_TO_INT, [SE_K_CEILTOINT] = E_CEIL_TO_INT,
  [SE_K_ROUNDTOINT] = E_ROUND_TO_INT, [SE_K_TRUNCTOFLOAT] = E_TRUNC_TO_FLOAT,
  [SE_K_INTTRUEDIV] = E_TRUEDIV, [SE_K_FLOATTRUEDIV] = E_TRUEDIV,
  [SE_K_POWBYNATURAL] = E_POW, [SE_K_FLOATPOW] = E_POW, [SE_K_IDENTITY] = E_IDENTITY,
  [SE_K_BITWISE_AND] = E_BITAND, [SE_K_BITWISE_OR] = E_BITOR, [SE_K_BITWISE_XOR] = E_BITXOR,
  [SE_K_OPAQUE_SQRT] = E_SQRT,
};

/* Folds an associative operation left to right, as sympy_interp does. */
static Z3_ast fold(se_tv *tv, se_z3op op, Z3_ast *v, size_t n) {
  if (n == 0) return NULL;
  Z3_ast acc = v[0];
  for (size_t i = 1; i < n; i++) acc = se__z3_binary(tv, op, acc, v[i]);
  if (n == 1) return acc;
  return acc;
}

static bool is_half(const se_expr *e) {
  return e->kind == SE_K_RATIONAL && e->u.q.p == 1 && e->u.q.q == 2;
}

static Z3_ast translate(se_tv *tv, const se_expr *e, int depth);

static Z3_ast translate_node(se_tv *tv, const se_expr *e, int depth) {
  enc en = (unsigned)e->kind < SE_K_COUNT ? (enc)encoding[e->kind] : E_NONE;
  if (en == E_NONE) {
    se__fail(tv->ctx, SE_UNSUPPORTED, "translation validation: no Z3 encoding for %s",
             se_kind_name((se_kind)e->kind));
    return NULL;
  }
  if (en == E_CONST) return se__z3_const(tv, e);
  if (en == E_SYMBOL) return se__tv_add_var(tv, e);
  /* sympy_interp's special case: x**(1/2) is sqrt(x). */
  if (en == E_POW && e->kind == SE_K_POW && is_half(e->args[1]))
    return se__z3_unary(tv, SE_Z3_SQRT, translate(tv, e->args[0], depth + 1));
  size_t n = e->nargs;
  Z3_ast small[4];
  Z3_ast *a = n <= 4 ? small : malloc(n * sizeof *a);
  if (!a) {
    se__fail(tv->ctx, SE_NOMEM, "out of memory translating to Z3");
    return NULL;
  }
  Z3_ast r = NULL;
  bool ok = true;
  for (size_t i = 0; ok && i < n; i++) ok = (a[i] = translate(tv, e->args[i], depth + 1)) != NULL;
  if (!ok) goto done;
#define ARITY(k)                                                                            \
  if (n != (k)) {                                                                           \
    se__fail(tv->ctx, SE_INVALID, "translation validation: %s takes %d arguments",          \
             se_kind_name((se_kind)e->kind), (k));                                          \
    goto done;                                                                              \
  }
  switch (en) {
  case E_ADD: r = fold(tv, SE_Z3_ADD, a, n); break;
  case E_MUL: r = fold(tv, SE_Z3_MUL, a, n); break;
  case E_AND: r = fold(tv, SE_Z3_AND, a, n); break;
  case E_OR: r = fold(tv, SE_Z3_OR, a, n); break;
  case E_MIN: r = fold(tv, SE_Z3_MIN, a, n); break;
  case E_MAX: r = fold(tv, SE_Z3_MAX, a, n); break;
  case E_POW: ARITY(2) r = se__z3_binary(tv, SE_Z3_POW, a[0], a[1]); break;
  case E_EQ: ARITY(2) r = se__z3_compare(tv, SE_Z3_EQ, a[0], a[1]); break;
  case E_NE: ARITY(2) r = se__z3_compare(tv, SE_Z3_NE, a[0], a[1]); break;
  case E_LT: ARITY(2) r = se__z3_compare(tv, SE_Z3_LT, a[0], a[1]); break;
  case E_LE: ARITY(2) r = se__z3_compare(tv, SE_Z3_LE, a[0], a[1]); break;
  case E_GT: ARITY(2) r = se__z3_compare(tv, SE_Z3_GT, a[0], a[1]); break;
  case E_GE: ARITY(2) r = se__z3_compare(tv, SE_Z3_GE, a[0], a[1]); break;
  case E_NOT: ARITY(1) r = se__z3_unary(tv, SE_Z3_NOT, a[0]); break;
  case E_FLOORDIV: ARITY(2) r = se__z3_binary(tv, SE_Z3_FLOORDIV, a[0], a[1]); break;
  case E_MOD: ARITY(2) r = se__z3_binary(tv, SE_Z3_MOD, a[0], a[1]); break;
  case E_MODINDEX:
    ARITY(3)
    r = se__z3_binary(tv, SE_Z3_MOD, se__z3_binary(tv, SE_Z3_FLOORDIV, a[0], a[1]), a[2]);
    break;
  case E_WHERE: ARITY(3) r = se__z3_ite(tv, a[0], a[1], a[2]); break;
  case E_TO_FLOAT: ARITY(1) r = se__z3_unary(tv, SE_Z3_TO_REAL, a[0]); break;
  case E_TRUNC_TO_INT:
    /* Python truncation (PyTorch's ToInt floors negative values). */
    ARITY(1) r = se__z3_unary(tv, SE_Z3_TO_INT, se__z3_unary(tv, SE_Z3_TRUNC, a[0]));
    break;
  case E_FLOOR_TO_INT: ARITY(1) r = se__z3_unary(tv, SE_Z3_FLOOR, a[0]); break;
  case E_CEIL_TO_INT:
    ARITY(1) r = se__z3_unary(tv, SE_Z3_TO_INT, se__z3_unary(tv, SE_Z3_CEIL, a[0]));
    break;
  case E_ROUND_TO_INT:
    ARITY(1) r = se__z3_unary(tv, SE_Z3_TO_INT, se__z3_unary(tv, SE_Z3_ROUND, a[0]));
    break;
  case E_TRUNC_TO_FLOAT:
    ARITY(1) r = se__z3_unary(tv, SE_Z3_TO_REAL, se__z3_unary(tv, SE_Z3_TRUNC, a[0]));
    break;
  case E_TRUEDIV: ARITY(2) r = se__z3_binary(tv, SE_Z3_TRUEDIV, a[0], a[1]); break;
  case E_IDENTITY: ARITY(1) r = a[0]; break;
  case E_BITAND: ARITY(2) r = se__z3_binary(tv, SE_Z3_BITAND, a[0], a[1]); break;
  case E_BITOR: ARITY(2) r = se__z3_binary(tv, SE_Z3_BITOR, a[0], a[1]); break;
  case E_BITXOR: ARITY(2) r = se__z3_binary(tv, SE_Z3_BITXOR, a[0], a[1]); break;
  case E_SQRT: ARITY(1) r = se__z3_unary(tv, SE_Z3_SQRT, a[0]); break;
  default: break;
  }
#undef ARITY
done:
  if (a != small) free(a);
  return r;
}

static Z3_ast translate(se_tv *tv, const se_expr *e, int depth) {
  if (!e) return NULL;
  if (depth > 10000) {
    se__fail(tv->ctx, SE_INVALID, "translation validation: expression too deep");
    return NULL;
  }
  return translate_node(tv, e, depth);
}

Z3_ast se__tv_expr(se_tv *tv, const se_expr *e) { return translate(tv, e, 0); }

Z3_ast se__tv_bool(se_tv *tv, const se_expr *e) {
  Z3_ast r = se__tv_expr(tv, e);
  if (!r) return NULL;
  if (sort_of(tv, r) != Z3_BOOL_SORT) {
    char *s = se_expr_str(tv->ctx, e);
    se__fail(tv->ctx, SE_INVALID, "translation validation: %s is not a boolean expression",
             s ? s : "?");
    se_free(s);
    return NULL;
  }
  return r;
}
