/* PyTorch's PythonPrinter as the ShapeEnv guard printer (torch-sympy 5.2,
 * shapeenv 6.2).
 *
 * The printer is a StrPrinter whose wrapping rule is "wrap an argument when
 * its precedence is <= the operator's level". Add and Mul print their
 * arguments in SymPy's internal storage order (Basic.compare: the number
 * first, then a class rank list, then content), which our nodes do not keep;
 * that order is recomputed here. Floats print as Python's str(float(x)).
 *
 * Precedences are doubled so that "Atom - 0.5" (999.5) is an integer. */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expr/expr.h"

/* ---- SymPy's precedence() of a node, doubled ----------------------------- */

enum {
  P_OR = 40, P_AND = 60, P_REL = 70, P_BOR = 72, P_BXOR = 74, P_BAND = 76, P_ADD = 80,
  P_MUL = 100, P_POW = 120, P_FUNC = 140, P_NOT = 200, P_ATOM = 2000,
  P_ALMOST_ATOM = 1999, /* PRECEDENCE["Atom"] - 0.5 */
  P_IDENTITY = 20, P_TORCH = 70 /* FloorDiv, Mod, ... carry precedence 35 */
};

/* The `precedence` class attribute of PyTorch's function classes, doubled;
 * 0 when the class has none (its precedence then comes from SymPy's table). */
static int class_prec_attr(se_kind k) {
  switch (k) {
  case SE_K_FLOORDIV: case SE_K_CLEANDIV: case SE_K_MOD: case SE_K_PYTHONMOD:
  case SE_K_MODULARINDEXING: case SE_K_WHERE: case SE_K_INTTRUEDIV:
  case SE_K_FLOATTRUEDIV:
    return P_TORCH;
  case SE_K_POWBYNATURAL: return P_MUL;
  case SE_K_FLOATPOW: return P_POW;
  case SE_K_IDENTITY: return P_IDENTITY;
  case SE_K_BITWISE_AND: return P_BAND;
  case SE_K_BITWISE_OR: return P_BOR;
  case SE_K_BITWISE_XOR: return P_BXOR;
  default: return 0;
  }
}

static int prec2(const se_expr *e) {
  int a = class_prec_attr((se_kind)e->kind);
  if (a) return a;
  switch (e->kind) {
  case SE_K_INTEGER: return e->u.i < 0 ? P_ADD : P_ATOM;
  case SE_K_RATIONAL: return e->u.q.p < 0 ? P_ADD : P_MUL;
  case SE_K_FLOAT: return e->u.f < 0 ? P_ADD : P_ATOM;
  case SE_K_NEG_OO: return P_ADD;
  case SE_K_ADD: return P_ADD;
  case SE_K_MUL: {
    /* A factor that is a PyTorch function with a precedence below Mul's
     * pins the product at Mul; otherwise a negative leading number makes it
     * an Add. */
    for (uint32_t i = 0; i < e->nargs; i++) {
      int f = class_prec_attr((se_kind)e->args[i]->kind);
      if (f && f < P_MUL) return P_MUL;
    }
    for (uint32_t i = 0; i < e->nargs; i++)
      if (se__is_num(e->args[i])) return se__num_sign(e->args[i]) < 0 ? P_ADD : P_MUL;
    return P_MUL;
  }
  case SE_K_POW: return P_POW;
  case SE_K_EQ: case SE_K_NE: return P_MUL;
  case SE_K_LT: case SE_K_LE: case SE_K_GT: case SE_K_GE: return P_REL;
  case SE_K_AND: return P_AND;
  case SE_K_OR: return P_OR;
  case SE_K_NOT: return P_NOT;
  case SE_K_SYMPY_MOD: return P_MUL;
  case SE_K_PIECEWISE:
  case SE_K_TOFLOAT: case SE_K_TRUNCTOINT: case SE_K_FLOORTOINT: case SE_K_CEILTOINT:
  case SE_K_ROUNDTOINT: case SE_K_ROUNDDECIMAL: case SE_K_TRUNCTOFLOAT:
    return P_FUNC;
  default:
    if (e->kind >= SE_K_OPAQUE_SQRT && e->kind <= SE_K_OPAQUE_LOG2) return P_FUNC;
    return P_ATOM; /* symbols, other numbers, booleans, Min/Max */
  }
}

/* ---- Basic.compare: SymPy's internal argument order ---------------------- */

/* SymPy's ordering_of_classes, the part our kinds can reach. */
static const char *const class_rank[] = {
    "Zero", "One", "Half", "Infinity", "NaN", "NegativeOne", "NegativeInfinity",
    "Integer", "Rational", "Float", "Exp1", "Pi", "ImaginaryUnit", "Symbol", "Wild",
    "Pow", "Mul", "Add", "Derivative", "Integral", "Abs", "Sign", "Sqrt", "Floor",
    "Ceiling", "Re", "Im", "Arg", "Conjugate", "Exp", "Log", "Sin", "Cos", "Tan", "Cot",
    "ASin", "ACos", "ATan", "ACot", "Sinh", "Cosh", "Tanh", "Coth", "ASinh", "ACosh",
    "ATanh", "ACoth", "RisingFactorial", "FallingFactorial", "factorial", "binomial",
    "Gamma", "LowerGamma", "UpperGamma", "PolyGamma", "Erf", "Chebyshev", "Chebyshev2",
    "Function", "WildFunction", "Lambda", "Order", "Equality", "Unequality",
    "StrictGreaterThan", "StrictLessThan", "GreaterThan", "LessThan",
};

/* The SymPy class name of a node (numbers have value-dependent classes). */
static const char *class_name(const se_expr *e) {
  switch (e->kind) {
  case SE_K_INTEGER:
    return e->u.i == 0 ? "Zero" : e->u.i == 1 ? "One" : e->u.i == -1 ? "NegativeOne" : "Integer";
  case SE_K_RATIONAL: return (e->u.q.p == 1 && e->u.q.q == 2) ? "Half" : "Rational";
  case SE_K_OO: return "Infinity";
  case SE_K_NEG_OO: return "NegativeInfinity";
  case SE_K_NAN: return "NaN";
  case SE_K_ZOO: return "ComplexInfinity";
  case SE_K_TRUE: return "BooleanTrue";
  case SE_K_FALSE: return "BooleanFalse";
  case SE_K_EQ: return "Equality";
  case SE_K_NE: return "Unequality";
  case SE_K_LT: return "StrictLessThan";
  case SE_K_LE: return "LessThan";
  case SE_K_GT: return "StrictGreaterThan";
  case SE_K_GE: return "GreaterThan";
  default: return se_kind_name((se_kind)e->kind);
  }
}

static size_t rank_of(const char *name) {
  size_t n = sizeof class_rank / sizeof class_rank[0];
  for (size_t i = 0; i < n; i++)
    if (strcmp(class_rank[i], name) == 0) return i;
  return n + 1;
}

static int sgn(int c) { return (c > 0) - (c < 0); }

/* Number of entries in a Symbol's assumption tuple (its hashable content
 * minus the name), a function of the closed assumption set. */
static int sym_asm_count(uint32_t a) {
  bool in = a & SE_ASM_INTEGER, pos = a & SE_ASM_POSITIVE, neg = a & SE_ASM_NEGATIVE;
  bool nn = (a & SE_ASM_NONNEG) || pos, np = (a & SE_ASM_NONPOS) || neg;
  bool re = (a & SE_ASM_REAL) || in || nn || np;
  if (nn && np) return 29; /* zero */
  if (in) return pos ? 25 : neg ? 27 : nn ? 18 : np ? 20 : 14;
  if (pos) return 19;
  if (neg) return 21;
  if (nn) return 12;
  if (np) return 14;
  return re ? 8 : 1;
}

/* mpmath's (sign, mantissa, exponent, bitcount) of a double. */
static void mpf_parts(double d, int *sign, uint64_t *man, int *ex, int *bc) {
  *sign = d < 0;
  *man = 0;
  *ex = 0;
  *bc = 0;
  if (d == 0.0) return;
  int e2;
  double m = frexp(fabs(d), &e2); /* m in [0.5, 1) */
  uint64_t mi = (uint64_t)ldexp(m, 53);
  int x = e2 - 53;
  while (!(mi & 1u)) {
    mi >>= 1;
    x++;
  }
  int b = 0;
  for (uint64_t t = mi; t; t >>= 1) b++;
  *man = mi;
  *ex = x;
  *bc = b;
}

static int cmp_basic(const se_expr *a, const se_expr *b);

/* Fills out[0..n) with e's arguments in SymPy's storage order. */
static void internal_args(const se_expr *e, const se_expr **out) {
  size_t n = e->nargs, k = 0;
  if (e->kind == SE_K_ADD || e->kind == SE_K_MUL) {
    /* The number coefficient is put first; the rest is sorted. */
    for (size_t i = 0; i < n; i++)
      if (se__is_num(e->args[i])) out[k++] = e->args[i];
    size_t start = k;
    for (size_t i = 0; i < n; i++)
      if (!se__is_num(e->args[i])) out[k++] = e->args[i];
    /* insertion sort: stable and small */
    for (size_t i = start + 1; i < n; i++) {
      const se_expr *t = out[i];
      size_t j = i;
      while (j > start && cmp_basic(out[j - 1], t) > 0) {
        out[j] = out[j - 1];
        j--;
      }
      out[j] = t;
    }
    return;
  }
  for (size_t i = 0; i < n; i++) out[i] = e->args[i];
}

static int cmp_args(const se_expr *a, const se_expr *b) {
  if (a->nargs != b->nargs) return a->nargs < b->nargs ? -1 : 1;
  size_t n = a->nargs;
  const se_expr *sa[16], *sb[16];
  const se_expr **va = sa, **vb = sb;
  if (n > 16) {
    va = malloc(n * sizeof *va);
    vb = malloc(n * sizeof *vb);
    if (!va || !vb) {
      /* No memory to sort: compare in stored order (still deterministic). */
      free(va);
      free(vb);
      for (size_t i = 0; i < n; i++) {
        int c = cmp_basic(a->args[i], b->args[i]);
        if (c) return c;
      }
      return 0;
    }
  }
  internal_args(a, va);
  internal_args(b, vb);
  int c = 0;
  for (size_t i = 0; i < n && !c; i++) c = cmp_basic(va[i], vb[i]);
  if (n > 16) {
    free(va);
    free(vb);
  }
  return c;
}

/* SymPy's Basic.compare(a, b): -1, 0, 1. */
static int cmp_basic(const se_expr *a, const se_expr *b) {
  if (a == b) return 0;
  const char *na = class_name(a), *nb = class_name(b);
  if (strcmp(na, nb) != 0) {
    size_t unknown = sizeof class_rank / sizeof class_rank[0] + 1;
    size_t ra = rank_of(na), rb = rank_of(nb);
    if (ra == unknown && rb == unknown) return sgn(strcmp(na, nb));
    return ra < rb ? -1 : ra > rb ? 1 : 0;
  }
  switch (a->kind) {
  case SE_K_INTEGER:
    if (b->kind != SE_K_INTEGER) break;
    return (a->u.i > b->u.i) - (a->u.i < b->u.i);
  case SE_K_RATIONAL:
    if (b->kind != SE_K_RATIONAL) break;
    if (a->u.q.p != b->u.q.p) return a->u.q.p < b->u.q.p ? -1 : 1;
    return (a->u.q.q > b->u.q.q) - (a->u.q.q < b->u.q.q);
  case SE_K_FLOAT: {
    if (b->kind != SE_K_FLOAT) break;
    int s1, s2, e1, e2, c1, c2;
    uint64_t m1, m2;
    mpf_parts(a->u.f, &s1, &m1, &e1, &c1);
    mpf_parts(b->u.f, &s2, &m2, &e2, &c2);
    if (s1 != s2) return s1 < s2 ? -1 : 1;
    if (m1 != m2) return m1 < m2 ? -1 : 1;
    if (e1 != e2) return e1 < e2 ? -1 : 1;
    return (c1 > c2) - (c1 < c2);
  }
  case SE_K_SYMBOL: {
    if (b->kind != SE_K_SYMBOL) break;
    int ca = sym_asm_count(a->u.sym.asm_), cb = sym_asm_count(b->u.sym.asm_);
    if (ca != cb) return ca < cb ? -1 : 1;
    return sgn(strcmp(a->u.sym.name, b->u.sym.name));
  }
  default: break;
  }
  if (a->nargs == 0 && b->nargs == 0) return 0; /* singletons of one class */
  return cmp_args(a, b);
}

/* ---- Python's repr of a double ------------------------------------------- */

/* Appends Python's str(float(d)) for a finite d: the shortest digits that
 * read back to d, fixed notation when -4 < decimal point <= 16. */
static void put_pyfloat(se_buf *b, double d) {
  char tmp[40];
  int prec = 1;
  for (; prec <= 17; prec++) {
    snprintf(tmp, sizeof tmp, "%.*e", prec - 1, d);
    if (strtod(tmp, NULL) == d) break;
  }
  /* tmp is "[-]D[.DDD]e[+-]XX" */
  const char *p = tmp;
  if (*p == '-') {
    se__buf_putc(b, '-');
    p++;
  }
  char digits[24];
  size_t nd = 0;
  for (; *p && *p != 'e'; p++)
    if (*p >= '0' && *p <= '9') digits[nd++] = *p;
  while (nd > 1 && digits[nd - 1] == '0') nd--;
  digits[nd] = '\0';
  int exp10 = atoi(p + 1);
  int decpt = exp10 + 1;
  if (d == 0.0) decpt = 1;
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) {
      se__buf_puts(b, "0.");
      for (int i = 0; i < -decpt; i++) se__buf_putc(b, '0');
      se__buf_putn(b, digits, nd);
    } else if ((size_t)decpt >= nd) {
      se__buf_putn(b, digits, nd);
      for (size_t i = nd; i < (size_t)decpt; i++) se__buf_putc(b, '0');
      se__buf_puts(b, ".0");
    } else {
      se__buf_putn(b, digits, (size_t)decpt);
      se__buf_putc(b, '.');
      se__buf_putn(b, digits + decpt, nd - (size_t)decpt);
    }
    return;
  }
  se__buf_putc(b, digits[0]);
  if (nd > 1) {
    se__buf_putc(b, '.');
    se__buf_putn(b, digits + 1, nd - 1);
  }
  se__buf_printf(b, "e%c%02d", exp10 < 0 ? '-' : '+', exp10 < 0 ? -exp10 : exp10);
}

/* ---- the printer --------------------------------------------------------- */

typedef struct printer {
  se_ctx *ctx;
  se_buf out;
  se_symbol_text_fn hook;
  void *ud;
  bool failed; /* an error was recorded; stop printing */
} printer;

static void pr(printer *p, const se_expr *e);

static void fail_unsupported(printer *p, const char *what, const se_expr *e) {
  if (p->failed) return;
  p->failed = true;
  se__fail(p->ctx, SE_UNSUPPORTED, "python printer: %s not printable (%s)", what,
           se_kind_name((se_kind)e->kind));
}

/* parenthesize(e, level): wrapped when precedence(e) <= level. */
static void paren(printer *p, const se_expr *e, int level) {
  if (prec2(e) <= level) {
    se__buf_putc(&p->out, '(');
    pr(p, e);
    se__buf_putc(&p->out, ')');
  } else {
    pr(p, e);
  }
}

/* stringify(args, sep, level) over an explicit argument list. */
static void join(printer *p, const se_expr *const *v, size_t n, const char *sep, int level) {
  for (size_t i = 0; i < n && !p->failed; i++) {
    if (i) se__buf_puts(&p->out, sep);
    paren(p, v[i], level);
  }
}

static void join_node(printer *p, const se_expr *e, const char *sep, int level) {
  join(p, e->args, e->nargs, sep, level);
}

/* Name(arg, arg): StrPrinter's function form, arguments never wrapped. */
static void func_form(printer *p, const char *name, const se_expr *e) {
  se__buf_puts(&p->out, name);
  se__buf_putc(&p->out, '(');
  for (uint32_t i = 0; i < e->nargs && !p->failed; i++) {
    if (i) se__buf_puts(&p->out, ", ");
    pr(p, e->args[i]);
  }
  se__buf_putc(&p->out, ')');
}

static void call1(printer *p, const char *fn, const se_expr *e) {
  se__buf_puts(&p->out, fn);
  se__buf_putc(&p->out, '(');
  pr(p, e->args[0]);
  se__buf_putc(&p->out, ')');
}

static void pr_symbol(printer *p, const se_expr *e) {
  if (!p->hook) {
    se__buf_puts(&p->out, e->u.sym.name);
    return;
  }
  char *t = p->hook(p->ud, e);
  if (!t) {
    p->failed = true;
    se__fail(p->ctx, SE_NOTFOUND, "python printer: no source text for symbol %s",
             e->u.sym.name);
    return;
  }
  se__buf_puts(&p->out, t);
  free(t);
}

static void pr_addmul(printer *p, const se_expr *e, const char *sep, int level) {
  size_t n = e->nargs;
  const se_expr *small[16];
  const se_expr **v = n <= 16 ? small : malloc(n * sizeof *v);
  if (!v) {
    p->failed = true;
    se__fail(p->ctx, SE_NOMEM, "python printer: out of memory");
    return;
  }
  internal_args(e, v);
  join(p, v, n, sep, level);
  if (v != small) free(v);
}

static void pr_pow(printer *p, const se_expr *e) {
  const se_expr *x = e->args[1];
  if (x->kind != SE_K_INTEGER || x->u.i < 0) {
    fail_unsupported(p, "a Pow without a natural exponent", e);
    return;
  }
  if (x->u.i == 0) {
    se__buf_putc(&p->out, '1');
    return;
  }
  for (int64_t i = 0; i < x->u.i && !p->failed; i++) {
    if (i) se__buf_putc(&p->out, '*');
    paren(p, e->args[0], P_MUL);
  }
}

static void pr_piecewise(printer *p, const se_expr *e) {
  /* args: e1, c1, e2, c2, ... Built from the last pair backwards; a True
   * condition makes its piece the default. */
  size_t npairs = e->nargs / 2;
  se_buf acc;
  se__buf_init(&acc);
  bool have = false;
  se_buf saved = p->out;
  for (size_t k = npairs; k-- > 0 && !p->failed;) {
    const se_expr *ex = e->args[2 * k], *c = e->args[2 * k + 1];
    se__buf_init(&p->out);
    pr(p, ex);
    char *es = se__buf_take(&p->out);
    if (c->kind == SE_K_TRUE || !have) {
      se__buf_free(&acc);
      se__buf_init(&acc);
      if (es) se__buf_puts(&acc, es);
      have = true;
    } else {
      se__buf_init(&p->out);
      pr(p, c);
      char *cs = se__buf_take(&p->out);
      char *prev = se__buf_take(&acc);
      se__buf_printf(&acc, "(%s if %s else %s)", es ? es : "", cs ? cs : "",
                     prev ? prev : "");
      free(cs);
      free(prev);
    }
    free(es);
  }
  p->out = saved;
  char *r = se__buf_take(&acc);
  se__buf_puts(&p->out, (r && *r) ? r : "0");
  free(r);
}

static const char *const opaque_names[] = {"sqrt", "cos",  "cosh", "sin",   "sinh",
                                           "tan",  "tanh", "asin", "acos",  "atan",
                                           "exp",  "log",  "asinh", "log2"};

static void pr(printer *p, const se_expr *e) {
  if (p->failed) return;
  se_buf *b = &p->out;
  switch (e->kind) {
  case SE_K_INTEGER: se__buf_printf(b, "%lld", (long long)e->u.i); return;
  case SE_K_RATIONAL:
    se__buf_printf(b, "%lld/%lld", (long long)e->u.q.p, (long long)e->u.q.q);
    return;
  case SE_K_FLOAT: put_pyfloat(b, e->u.f); return;
  case SE_K_INT_OO: se__buf_puts(b, "IntInfinity()"); return;
  case SE_K_NEG_INT_OO: se__buf_puts(b, "NegativeIntInfinity()"); return;
  case SE_K_OO: se__buf_puts(b, "math.inf"); return;
  case SE_K_NEG_OO: se__buf_puts(b, "-math.inf"); return;
  case SE_K_NAN: se__buf_puts(b, "nan"); return;
  case SE_K_ZOO: se__buf_puts(b, "zoo"); return;
  case SE_K_TRUE: se__buf_puts(b, "True"); return;
  case SE_K_FALSE: se__buf_puts(b, "False"); return;
  case SE_K_SYMBOL: pr_symbol(p, e); return;
  case SE_K_ADD: pr_addmul(p, e, " + ", prec2(e)); return;
  case SE_K_MUL: pr_addmul(p, e, "*", prec2(e)); return;
  case SE_K_POW: pr_pow(p, e); return;
  case SE_K_EQ: join_node(p, e, " == ", prec2(e)); return;
  case SE_K_NE: join_node(p, e, " != ", prec2(e)); return;
  case SE_K_LT: join_node(p, e, " < ", prec2(e)); return;
  case SE_K_LE: join_node(p, e, " <= ", prec2(e)); return;
  case SE_K_GT: join_node(p, e, " > ", prec2(e)); return;
  case SE_K_GE: join_node(p, e, " >= ", prec2(e)); return;
  case SE_K_AND: join_node(p, e, " and ", P_AND); return;
  case SE_K_OR: join_node(p, e, " or ", P_OR); return;
  case SE_K_NOT: call1(p, "not ", e); return;
  case SE_K_MIN:
  case SE_K_MAX:
    if (e->nargs < 2) {
      fail_unsupported(p, "Min/Max with fewer than two arguments", e);
      return;
    }
    func_form(p, e->kind == SE_K_MIN ? "min" : "max", e);
    return;
  case SE_K_PIECEWISE: pr_piecewise(p, e); return;
  case SE_K_FLOORDIV:
  case SE_K_CLEANDIV: join_node(p, e, " // ", P_ALMOST_ATOM); return;
  case SE_K_MOD:
  case SE_K_SYMPY_MOD:
  case SE_K_PYTHONMOD: join_node(p, e, " % ", P_ALMOST_ATOM); return;
  case SE_K_MODULARINDEXING: {
    /* ((x // d) % m), or (x % m) when d prints as 1 */
    se__buf_putc(b, '(');
    bool div1 = se__is_int_value(e->args[1], 1);
    if (!div1) se__buf_putc(b, '(');
    paren(p, e->args[0], P_ALMOST_ATOM);
    if (!div1) {
      se__buf_puts(b, " // ");
      paren(p, e->args[1], P_ALMOST_ATOM);
      se__buf_putc(b, ')');
    }
    se__buf_puts(b, " % ");
    paren(p, e->args[2], P_ALMOST_ATOM);
    se__buf_putc(b, ')');
    return;
  }
  case SE_K_WHERE: func_form(p, "Where", e); return;
  case SE_K_TOFLOAT: call1(p, "torch.sym_float", e); return;
  case SE_K_TRUNCTOINT: call1(p, "math.trunc", e); return;
  case SE_K_FLOORTOINT: call1(p, "math.floor", e); return;
  case SE_K_CEILTOINT: call1(p, "math.ceil", e); return;
  case SE_K_ROUNDTOINT: call1(p, "round", e); return;
  case SE_K_ROUNDDECIMAL:
    if (e->args[1]->kind != SE_K_INTEGER) {
      fail_unsupported(p, "RoundDecimal with non-Integer ndigits", e);
      return;
    }
    se__buf_puts(b, "round(");
    pr(p, e->args[0]);
    se__buf_printf(b, ", %lld)", (long long)e->args[1]->u.i);
    return;
  case SE_K_TRUNCTOFLOAT: fail_unsupported(p, "TruncToFloat", e); return;
  case SE_K_INTTRUEDIV: join_node(p, e, " / ", P_ALMOST_ATOM); return;
  case SE_K_FLOATTRUEDIV:
    se__buf_putc(b, '(');
    join_node(p, e, " / ", P_ALMOST_ATOM);
    se__buf_putc(b, ')');
    return;
  case SE_K_POWBYNATURAL:
  case SE_K_FLOATPOW: join_node(p, e, " ** ", P_POW); return;
  case SE_K_IDENTITY: pr(p, e->args[0]); return;
  case SE_K_BITWISE_AND: join_node(p, e, " & ", P_BAND); return;
  case SE_K_BITWISE_OR: join_node(p, e, " | ", P_BOR); return;
  case SE_K_BITWISE_XOR: join_node(p, e, " ^ ", P_BXOR); return;
  default:
    if (e->kind >= SE_K_OPAQUE_SQRT && e->kind <= SE_K_OPAQUE_LOG2) {
      const char *nm = opaque_names[e->kind - SE_K_OPAQUE_SQRT];
      if (e->kind == SE_K_OPAQUE_EXP || e->kind == SE_K_OPAQUE_LOG ||
          e->kind == SE_K_OPAQUE_ASINH) {
        func_form(p, se_kind_name((se_kind)e->kind), e); /* no Python rule */
        return;
      }
      se__buf_puts(b, "math.");
      se__buf_puts(b, nm);
      se__buf_putc(b, '(');
      pr(p, e->args[0]);
      se__buf_putc(b, ')');
      return;
    }
    fail_unsupported(p, "this kind", e);
    return;
  }
}

/* PyTorch's PythonPrinter text of e in guard form (see shapeenv.h). Symbols
 * print through hook (caller-owned text, freed here) or as their names when
 * hook is NULL. Returns caller-owned text (se_free) or NULL with the error
 * recorded: SE_NOTFOUND when the hook has no text for a symbol,
 * SE_UNSUPPORTED for nodes PythonPrinter cannot print, SE_NOMEM. */
char *se_expr_python(se_ctx *ctx, const se_expr *e, se_symbol_text_fn hook, void *ud) {
  if (!e) return NULL;
  printer p = {.ctx = ctx, .hook = hook, .ud = ud, .failed = false};
  se__buf_init(&p.out);
  pr(&p, e);
  if (p.failed) {
    se__buf_free(&p.out);
    return NULL;
  }
  char *r = se__buf_take(&p.out);
  if (!r) se__fail(ctx, SE_NOMEM, "python printer: out of memory");
  return r;
}
