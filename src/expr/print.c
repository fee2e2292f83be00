/* SymPy's str() (sympy-core 6, torch-sympy 5.1), byte for byte. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expr/expr.h"

enum {
  PREC_OR = 20, PREC_AND = 30, PREC_REL = 35, PREC_ADD = 40, PREC_MUL = 50,
  PREC_POW = 60, PREC_FUNC = 70, PREC_NOT = 100, PREC_ATOM = 1000,
};

int se__prec(const se_expr *e) {
  switch ((se_kind)e->kind) {
  case SE_K_INTEGER: return e->u.i < 0 ? PREC_ADD : PREC_ATOM;
  case SE_K_RATIONAL: return e->u.q.p < 0 ? PREC_ADD : PREC_MUL;
  case SE_K_FLOAT: return e->u.f < 0 ? PREC_ADD : PREC_ATOM;
  case SE_K_NEG_INT_OO: case SE_K_NEG_OO: return PREC_ADD;
  case SE_K_ADD: return PREC_ADD;
  case SE_K_MUL:
    return se__is_num(e->args[0]) && se__num_sign(e->args[0]) < 0 ? PREC_ADD : PREC_MUL;
  case SE_K_POW: return PREC_POW;
  case SE_K_EQ: case SE_K_NE: return PREC_MUL;
  case SE_K_LT: case SE_K_LE: case SE_K_GT: case SE_K_GE: return PREC_REL;
  case SE_K_AND: return PREC_AND;
  case SE_K_OR: return PREC_OR;
  case SE_K_NOT: return PREC_NOT;
  case SE_K_PIECEWISE: return PREC_FUNC;
  case SE_K_FLOORDIV: case SE_K_CLEANDIV: case SE_K_MOD: case SE_K_PYTHONMOD:
  case SE_K_MODULARINDEXING: case SE_K_WHERE: case SE_K_INTTRUEDIV: case SE_K_FLOATTRUEDIV:
    return 35;
  case SE_K_SYMPY_MOD: return PREC_MUL;
  case SE_K_POWBYNATURAL: return PREC_MUL;
  case SE_K_FLOATPOW: return PREC_POW;
  case SE_K_IDENTITY: return 10;
  case SE_K_BITWISE_AND: return 38;
  case SE_K_BITWISE_OR: return 36;
  case SE_K_BITWISE_XOR: return 37;
  case SE_K_TOFLOAT: case SE_K_TRUNCTOINT: case SE_K_FLOORTOINT: case SE_K_CEILTOINT:
  case SE_K_ROUNDTOINT: case SE_K_ROUNDDECIMAL: case SE_K_TRUNCTOFLOAT:
    return PREC_FUNC;
  default:
    if (e->kind >= SE_K_OPAQUE_SQRT) return PREC_FUNC;
    return PREC_ATOM; /* symbols, True/False, oo, int_oo, nan, Min, Max */
  }
}

/* ---- Float text: mpmath's to_str at 15 digits --------------------------- */

static void put_float(se_buf *b, double v, bool strip) {
  const int dps = 15;
  if (v == 0.0) {
    se__buf_puts(b, "0.0");
    return;
  }
  char tmp[80];
  snprintf(tmp, sizeof tmp, "%.40e", fabs(v)); /* exact digits, d.ddd...e+XX */
  char digits[64];
  size_t nd = 0;
  digits[nd++] = tmp[0];
  const char *p = tmp + 2;
  while (*p && *p != 'e' && nd < 41) digits[nd++] = *p++;
  int exponent = atoi(p + 1);
  /* Keep dps+3 digits truncated, then round half up at digit dps. */
  nd = (size_t)dps + 3;
  if (digits[dps] >= '5') {
    int i = dps - 1;
    while (i >= 0 && digits[i] == '9') i--;
    if (i >= 0) {
      digits[i]++;
      for (int j = i + 1; j < dps; j++) digits[j] = '0';
    } else {
      digits[0] = '1';
      for (int j = 1; j < dps; j++) digits[j] = '0';
      exponent++;
    }
  }
  nd = (size_t)dps;
  digits[nd] = '\0';
  char out[160];
  size_t o = 0;
  int min_fixed = -5, max_fixed = dps;
  if (v < 0) out[o++] = '-';
  if (min_fixed < exponent && exponent < max_fixed) {
    if (exponent < 0) {
      out[o++] = '0';
      out[o++] = '.';
      for (int i = 0; i < -exponent - 1; i++) out[o++] = '0';
      memcpy(out + o, digits, nd);
      o += nd;
    } else {
      size_t split = (size_t)exponent + 1;
      memcpy(out + o, digits, split);
      o += split;
      out[o++] = '.';
      memcpy(out + o, digits + split, nd - split);
      o += nd - split;
    }
    exponent = 0;
  } else {
    out[o++] = digits[0];
    out[o++] = '.';
    memcpy(out + o, digits + 1, nd - 1);
    o += nd - 1;
  }
  if (strip) {
    while (out[o - 1] == '0') o--;
    if (out[o - 1] == '.') out[o++] = '0';
  }
  out[o] = '\0';
  se__buf_puts(b, out);
  if (exponent > 0)
    se__buf_printf(b, "e+%d", exponent);
  else if (exponent < 0)
    se__buf_printf(b, "e%d", exponent);
}

/* ---- Add term order (sympy-core 6.2) ------------------------------------ */

typedef struct mono {
  const se_expr *term;  /* the term */
  const se_expr *coeff; /* its leading number (NULL = 1) */
  const se_expr **bases;
  const se_expr **exps; /* Integer exponents (NULL = 1) */
  size_t n;
} mono;

static void term_monomial(const se_expr *t, mono *m, const se_expr **bs, const se_expr **es) {
  m->term = t;
  m->coeff = NULL;
  m->bases = bs;
  m->exps = es;
  m->n = 0;
  size_t start = 0, cnt = 1;
  const se_expr *const *fs = &t;
  if (t->kind == SE_K_MUL) {
    fs = t->args;
    cnt = t->nargs;
    if (se__is_num(t->args[0])) {
      m->coeff = t->args[0];
      start = 1;
    }
  } else if (se__is_num(t)) {
    m->coeff = t;
    cnt = 0;
  }
  for (size_t i = start; i < cnt; i++) {
    const se_expr *f = fs[i];
    if (f->kind == SE_K_POW && f->args[1]->kind == SE_K_INTEGER) {
      bs[m->n] = f->args[0];
      es[m->n] = f->args[1];
    } else {
      bs[m->n] = f;
      es[m->n] = NULL;
    }
    m->n++;
  }
}

static int64_t mono_exp(const mono *m, const se_expr *base) {
  for (size_t i = 0; i < m->n; i++)
    if (m->bases[i] == base) return m->exps[i] ? m->exps[i]->u.i : 1;
  return 0;
}

typedef struct order_ctx {
  const se_expr **g; /* all bases, sorted by K */
  size_t ng;
} order_ctx;

static int cmp_mono(const order_ctx *oc, const mono *a, const mono *b) {
  /* Descending lex over G; then coefficient ascending. */
  for (size_t i = 0; i < oc->ng; i++) {
    int64_t ea = mono_exp(a, oc->g[i]), eb = mono_exp(b, oc->g[i]);
    if (ea != eb) return ea > eb ? -1 : 1;
  }
  static const se_expr one = {.kind = SE_K_INTEGER, .u.i = 1};
  int c = se__num_cmp(a->coeff ? a->coeff : &one, b->coeff ? b->coeff : &one);
  return c == 2 ? 0 : c;
}

void se__add_print_order(const se_expr *add, const se_expr **out) {
  size_t n = add->nargs;
  /* Special case: positive number p and -k*x print as "p - k*x". */
  if (n == 2 && se__is_num(add->args[0]) && se__num_sign(add->args[0]) > 0 &&
      add->args[1]->kind == SE_K_MUL && add->args[1]->nargs == 2 &&
      se__is_num(add->args[1]->args[0]) && se__num_sign(add->args[1]->args[0]) < 0) {
    out[0] = add->args[0];
    out[1] = add->args[1];
    return;
  }
  size_t nf = 0;
  for (size_t i = 0; i < n; i++)
    nf += add->args[i]->kind == SE_K_MUL ? add->args[i]->nargs : 1;
  const se_expr **bs = malloc((2 * nf + 1) * sizeof *bs);
  const se_expr **gs = malloc((nf + 1) * sizeof *gs);
  mono *ms = malloc(n * sizeof *ms);
  if (!bs || !gs || !ms) {
    /* Out of memory: storage order is still deterministic. */
    memcpy(out, add->args, n * sizeof *out);
    free(bs);
    free(gs);
    free(ms);
    return;
  }
  const se_expr **es = bs + nf;
  size_t used = 0, ng = 0;
  for (size_t i = 0; i < n; i++) {
    term_monomial(add->args[i], &ms[i], bs + used, es + used);
    for (size_t j = 0; j < ms[i].n; j++) {
      const se_expr *b = ms[i].bases[j];
      bool seen = false;
      for (size_t k = 0; k < ng && !seen; k++) seen = gs[k] == b;
      if (!seen) gs[ng++] = b;
    }
    used += ms[i].n;
  }
  se__sort(gs, ng, se__cmp_key);
  order_ctx oc = {gs, ng};
  /* Insertion sort of the monomials (stable; n is small in practice). */
  for (size_t i = 1; i < n; i++) {
    mono x = ms[i];
    size_t j = i;
    while (j > 0 && cmp_mono(&oc, &ms[j - 1], &x) > 0) {
      ms[j] = ms[j - 1];
      j--;
    }
    ms[j] = x;
  }
  /* The number term (zero vector) sorts last by construction unless other
   * terms also have... none do: every non-number term has a base. */
  for (size_t i = 0; i < n; i++) out[i] = ms[i].term;
  free(bs);
  free(gs);
  free(ms);
}

/* ---- the printer -------------------------------------------------------- */

static void str(se_buf *b, const se_expr *e, bool top);
static void print_num(se_buf *b, const se_expr *e, bool top);

/* "(x)" when prec(x) <= level, else x (SymPy's parenthesize, strict=False). */
static void paren(se_buf *b, const se_expr *x, int level) {
  if (se__prec(x) <= level) {
    se__buf_putc(b, '(');
    str(b, x, false);
    se__buf_putc(b, ')');
  } else {
    str(b, x, false);
  }
}

static void print_args(se_buf *b, const se_expr *const *args, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (i) se__buf_puts(b, ", ");
    str(b, args[i], false);
  }
}

static void print_add(se_buf *b, const se_expr *e) {
  const se_expr *buf[16];
  const se_expr **terms = e->nargs <= 16 ? buf : malloc(e->nargs * sizeof *terms);
  if (!terms) {
    b->oom = true;
    return;
  }
  se__add_print_order(e, terms);
  for (size_t i = 0; i < e->nargs; i++) {
    const se_expr *t = terms[i];
    se_buf tb;
    se__buf_init(&tb);
    str(&tb, t, false);
    const char *s = tb.p ? tb.p : "";
    bool neg = s[0] == '-';
    if (neg) s++;
    if (i == 0) {
      if (neg) se__buf_putc(b, '-');
    } else {
      se__buf_puts(b, neg ? " - " : " + ");
    }
    if (se__prec(t) < PREC_ADD) {
      se__buf_putc(b, '(');
      se__buf_puts(b, s);
      se__buf_putc(b, ')');
    } else {
      se__buf_puts(b, s);
    }
    if (tb.oom) b->oom = true;
    se__buf_free(&tb);
  }
  if (terms != buf) free(terms);
}

static void print_mul(se_buf *b, const se_expr *e) {
  int prec = se__prec(e);
  const se_expr *c = se__is_num(e->args[0]) ? e->args[0] : NULL;
  size_t start = c ? 1 : 0;
  bool neg = c && se__num_sign(c) < 0;
  /* Numerator / denominator lists; the coefficient's magnitude leads. */
  size_t cap = e->nargs + 2;
  const se_expr *stackbuf[32];
  const se_expr **num = cap * 2 <= 32 ? stackbuf : malloc(cap * 2 * sizeof *num);
  if (!num) {
    b->oom = true;
    return;
  }
  const se_expr **den = num + cap;
  size_t nn = 0, ndn = 0;
  /* Magnitude of the coefficient as separate numerator/denominator parts. */
  int64_t cp = 1, cq = 1;
  bool have_cpq = false;
  const se_expr *cfloat = NULL;
  if (c) {
    if (c->kind == SE_K_INTEGER) {
      cp = c->u.i < 0 ? -c->u.i : c->u.i;
      have_cpq = true;
    } else if (c->kind == SE_K_RATIONAL) {
      cp = c->u.q.p < 0 ? -c->u.q.p : c->u.q.p;
      cq = c->u.q.q;
      have_cpq = true;
    } else {
      cfloat = c;
    }
  }
  /* Factors whose text we build on the fly for the coefficient parts. */
  se_buf cpt, cqt;
  se__buf_init(&cpt);
  se__buf_init(&cqt);
  bool cp_in = have_cpq && cp != 1, cq_in = have_cpq && cq != 1;
  if (cp_in) se__buf_printf(&cpt, "%lld", (long long)cp);
  if (cq_in) se__buf_printf(&cqt, "%lld", (long long)cq);
  for (size_t i = start; i < e->nargs; i++) {
    const se_expr *f = e->args[i];
    if (f->kind == SE_K_POW && se__is_rat(f->args[1]) && se__num_sign(f->args[1]) < 0)
      den[ndn++] = f;
    else
      num[nn++] = f;
  }
  if (neg) se__buf_putc(b, '-');
  size_t total_num = nn + (cp_in ? 1 : 0) + (cfloat ? 1 : 0);
  bool first = true;
  if (total_num == 0) {
    se__buf_putc(b, '1');
    first = false;
  }
  int level = (total_num == 1 && neg) ? 55 : prec;
  if (cp_in) {
    se__buf_puts(b, cpt.p);
    first = false;
  }
  if (cfloat) {
    /* |c| as a Float or an infinity; atoms are never parenthesised here. */
    if (cfloat->kind == SE_K_FLOAT)
      put_float(b, fabs(cfloat->u.f), true);
    else if (cfloat->kind == SE_K_OO || cfloat->kind == SE_K_NEG_OO)
      se__buf_puts(b, "oo");
    else if (cfloat->kind == SE_K_INT_OO || cfloat->kind == SE_K_NEG_INT_OO)
      se__buf_puts(b, "int_oo");
    else
      print_num(b, cfloat, false);
    first = false;
  }
  for (size_t i = 0; i < nn; i++) {
    if (!first) se__buf_putc(b, '*');
    first = false;
    paren(b, num[i], level);
  }
  size_t total_den = ndn + (cq_in ? 1 : 0);
  if (total_den) {
    se__buf_putc(b, '/');
    if (total_den > 1) se__buf_putc(b, '(');
    bool df = true;
    if (cq_in) {
      se__buf_puts(b, cqt.p);
      df = false;
    }
    for (size_t i = 0; i < ndn; i++) {
      if (!df) se__buf_putc(b, '*');
      df = false;
      const se_expr *f = den[i];
      /* base**(-k): print base**k (or base when k == 1). */
      int64_t k = f->args[1]->kind == SE_K_INTEGER ? -f->args[1]->u.i : 1;
      if (k == 1) {
        paren(b, f->args[0], prec);
      } else {
        paren(b, f->args[0], PREC_POW);
        se__buf_printf(b, "**%lld", (long long)k);
      }
    }
    if (total_den > 1) se__buf_putc(b, ')');
  }
  se__buf_free(&cpt);
  se__buf_free(&cqt);
  if (num != stackbuf) free(num);
}

static const char *rel_op(se_kind k) {
  switch (k) {
  case SE_K_LT: return " < ";
  case SE_K_LE: return " <= ";
  case SE_K_GT: return " > ";
  default: return " >= ";
  }
}

static void print_num(se_buf *b, const se_expr *e, bool top) {
  switch ((se_kind)e->kind) {
  case SE_K_INTEGER: se__buf_printf(b, "%lld", (long long)e->u.i); break;
  case SE_K_RATIONAL: se__buf_printf(b, "%lld/%lld", (long long)e->u.q.p, (long long)e->u.q.q); break;
  case SE_K_FLOAT: put_float(b, e->u.f, !top); break;
  case SE_K_INT_OO: se__buf_puts(b, "int_oo"); break;
  case SE_K_NEG_INT_OO: se__buf_puts(b, "-int_oo"); break;
  case SE_K_OO: se__buf_puts(b, "oo"); break;
  case SE_K_NEG_OO: se__buf_puts(b, "-oo"); break;
  case SE_K_NAN: se__buf_puts(b, "nan"); break;
  default: se__buf_puts(b, "zoo"); break;
  }
}

static void str(se_buf *b, const se_expr *e, bool top) {
  switch ((se_kind)e->kind) {
  case SE_K_SYMBOL: se__buf_putn(b, e->u.sym.name, e->u.sym.len); return;
  case SE_K_TRUE: se__buf_puts(b, "True"); return;
  case SE_K_FALSE: se__buf_puts(b, "False"); return;
  case SE_K_ADD: print_add(b, e); return;
  case SE_K_MUL: print_mul(b, e); return;
  case SE_K_POW: {
    const se_expr *x = e->args[1];
    if (x->kind == SE_K_INTEGER && x->u.i == -1) {
      se__buf_puts(b, "1/");
      paren(b, e->args[0], PREC_POW);
      return;
    }
    if (x->kind == SE_K_RATIONAL && x->u.q.p == 1 && x->u.q.q == 2) {
      se__buf_puts(b, "sqrt(");
      str(b, e->args[0], false);
      se__buf_putc(b, ')');
      return;
    }
    paren(b, e->args[0], PREC_POW);
    se__buf_puts(b, "**");
    paren(b, x, PREC_POW);
    return;
  }
  case SE_K_EQ: case SE_K_NE:
    se__buf_puts(b, e->kind == SE_K_EQ ? "Eq(" : "Ne(");
    print_args(b, e->args, 2);
    se__buf_putc(b, ')');
    return;
  case SE_K_LT: case SE_K_LE: case SE_K_GT: case SE_K_GE:
    paren(b, e->args[0], PREC_REL);
    se__buf_puts(b, rel_op((se_kind)e->kind));
    paren(b, e->args[1], PREC_REL);
    return;
  case SE_K_AND: case SE_K_OR: {
    int level = e->kind == SE_K_AND ? 38 : 36;
    const char *sep = e->kind == SE_K_AND ? " & " : " | ";
    for (size_t i = 0; i < e->nargs; i++) {
      if (i) se__buf_puts(b, sep);
      paren(b, e->args[i], level);
    }
    return;
  }
  case SE_K_NOT:
    se__buf_putc(b, '~');
    paren(b, e->args[0], PREC_NOT);
    return;
  case SE_K_MIN: case SE_K_MAX: {
    const se_expr *buf[16];
    const se_expr **v = e->nargs <= 16 ? buf : malloc(e->nargs * sizeof *v);
    if (!v) {
      b->oom = true;
      return;
    }
    memcpy(v, e->args, e->nargs * sizeof *v);
    se__sort(v, e->nargs, se__cmp_key);
    se__buf_puts(b, e->kind == SE_K_MIN ? "Min(" : "Max(");
    print_args(b, v, e->nargs);
    se__buf_putc(b, ')');
    if (v != buf) free(v);
    return;
  }
  case SE_K_PIECEWISE:
    se__buf_puts(b, "Piecewise(");
    for (size_t i = 0; i + 1 < e->nargs; i += 2) {
      if (i) se__buf_puts(b, ", ");
      se__buf_putc(b, '(');
      print_args(b, e->args + i, 2);
      se__buf_putc(b, ')');
    }
    se__buf_putc(b, ')');
    return;
  case SE_K_FLOORDIV: case SE_K_CLEANDIV:
    se__buf_putc(b, '(');
    paren(b, e->args[0], PREC_ATOM - 1);
    se__buf_puts(b, "//");
    paren(b, e->args[1], PREC_ATOM - 1);
    se__buf_putc(b, ')');
    return;
  default:
    if (se__is_num(e)) {
      print_num(b, e, top);
      return;
    }
    se__buf_puts(b, se_kind_name((se_kind)e->kind));
    se__buf_putc(b, '(');
    print_args(b, e->args, e->nargs);
    se__buf_putc(b, ')');
    return;
  }
}

void se__str(se_buf *b, const se_expr *e, bool top) { str(b, e, top); }

char *se_expr_str(se_ctx *ctx, const se_expr *e) {
  if (!e) return NULL;
  se_buf b;
  se__buf_init(&b);
  str(&b, e, true);
  char *s = se__buf_take(&b);
  if (!s) se__fail(ctx, SE_NOMEM, "out of memory printing an expression");
  return s;
}
