/* The fact engine: SymPy's assumption deduction for the node kinds of this
 * library (sympy-core 7.2-7.8, torch-sympy 1 and 2.16).
 *
 * Model (sympy-core 7.2): each node gets a sign set S, a subset of
 * {-, 0, +}, and tri-state facts (integer, even, odd, prime, composite,
 * extended-real, finite). S starts full and is narrowed by every handler of
 * the node's kind; then the implication links of SymPy's fact rules are
 * applied and the answers are read off. All facts of a node are computed
 * together and cached on the node (fact_known / fact_val / fact_unk).
 *
 * Sign facts are SymPy's extended ones (is_extended_positive, ...), which is
 * what relations ask; in the finite domain of the corpus they coincide with
 * the plain ones. A T answer read off S needs the node to be extended real
 * (a complex value has no sign), so such answers are downgraded to unknown
 * when that is not known.
 *
 * Recursion: handlers ask facts of the arguments and of expressions built on
 * the fly (v + c, f - 1, derivatives). Extended-real and finite are computed
 * and cached first (they only look at arguments), so a handler may ask them of
 * the node being computed; any other re-entrant query of a node under
 * computation answers unknown, like SymPy's own guard in _ask. ms() has its
 * own guard flag. */
#include <math.h>
#include <string.h>

#include "expr/facts.h"

/* ---- tri-state helpers --------------------------------------------------- */

#define T SE_T_TRUE
#define F SE_T_FALSE
#define U SE_T_UNKNOWN

static se_truth tnot(se_truth a) { return a == U ? U : (a == T ? F : T); }
static se_truth tbool(bool b) { return b ? T : F; }

/* ---- cache layout -------------------------------------------------------- */

enum {
  FX_EREAL = SE_FACT_COUNT,  /* extended real, stored like a fact */
  FX_INFINITE,               /* is_infinite */
  FX_COUNT,
  FX_BUSY_BIT = 31,          /* fact_known: node under computation */
  FX_PHASE1_BIT = 30,        /* fact_known: ereal/finite already stored */
};

static void cache_put(const se_expr *e, unsigned f, se_truth t) {
  se_expr *m = (se_expr *)e; /* caches live on immutable nodes */
  uint32_t bit = 1u << f;
  m->fact_known |= bit;
  if (t == T) m->fact_val |= bit;
  else m->fact_val &= ~bit;
  if (t == U) m->fact_unk |= bit;
  else m->fact_unk &= ~bit;
}

static bool cache_get(const se_expr *e, unsigned f, se_truth *out) {
  uint32_t bit = 1u << f;
  if (!(e->fact_known & bit)) return false;
  *out = (e->fact_unk & bit) ? U : ((e->fact_val & bit) ? T : F);
  return true;
}

static void set_flag(const se_expr *e, unsigned bit, bool on) {
  se_expr *m = (se_expr *)e;
  if (on) m->fact_known |= 1u << bit;
  else m->fact_known &= ~(1u << bit);
}

/* ---- the record ---------------------------------------------------------- */

#define SG_NEG 1u
#define SG_ZERO 2u
#define SG_POS 4u
#define SG_ALL 7u

typedef struct rec {
  unsigned s;           /* sign set S, SG_* bits */
  bool sign_t;          /* some handler answered a sign fact T (implies real) */
  se_truth integer;     /* is_integer */
  se_truth even;        /* is_even */
  se_truth odd;         /* is_odd */
  se_truth prime;       /* is_prime */
  se_truth composite;   /* is_composite */
  se_truth ereal;       /* is_extended_real */
  se_truth finite;      /* is_finite */
} rec;

static void rec_init(rec *r) {
  r->s = SG_ALL;
  r->sign_t = false;
  r->integer = r->even = r->odd = r->prime = r->composite = U;
  r->ereal = r->finite = U;
}

static void set_tri(se_truth *slot, se_truth t) {
  if (t != U && *slot == U) *slot = t;
}

/* One handler answer: narrows S or fills a tri-state slot. */
static void tell(rec *r, se_fact f, se_truth t) {
  if (t == U) return;
  bool y = (t == T);
  switch (f) {
  case SE_FACT_POS: r->s &= y ? SG_POS : (SG_ALL & ~SG_POS); break;
  case SE_FACT_NEG: r->s &= y ? SG_NEG : (SG_ALL & ~SG_NEG); break;
  case SE_FACT_ZERO: r->s &= y ? SG_ZERO : (SG_ALL & ~SG_ZERO); break;
  case SE_FACT_NONNEG: r->s &= y ? (SG_ZERO | SG_POS) : SG_NEG; break;
  case SE_FACT_NONPOS: r->s &= y ? (SG_NEG | SG_ZERO) : SG_POS; break;
  case SE_FACT_NONZERO: r->s &= y ? (SG_NEG | SG_POS) : SG_ZERO; break;
  case SE_FACT_INTEGER: set_tri(&r->integer, t); break;
  case SE_FACT_EVEN: set_tri(&r->even, t); break;
  case SE_FACT_ODD: set_tri(&r->odd, t); break;
  case SE_FACT_PRIME: set_tri(&r->prime, t); break;
  case SE_FACT_COMPOSITE: set_tri(&r->composite, t); break;
  case SE_FACT_REAL:
    if (y) {
      set_tri(&r->ereal, T);
      set_tri(&r->finite, T);
    }
    break;
  case SE_FACT_FINITE: set_tri(&r->finite, t); break;
  case SE_FACT_COUNT: break;
  }
  if (y && f <= SE_FACT_NONZERO) r->sign_t = true;
}

/* SymPy's implication links (sympy-core 7.2), run to a fixpoint. */
static void links(rec *r) {
  for (int round = 0; round < 4; round++) {
    if (r->odd == T) r->s &= (SG_ALL & ~SG_ZERO);
    if (r->odd == T || r->even == T) set_tri(&r->integer, T);
    if (r->prime == T || r->composite == T) {
      r->s &= SG_POS;
      set_tri(&r->integer, T);
      r->sign_t = true;
    }
    if (r->prime == T) set_tri(&r->composite, F);
    if (r->composite == T) set_tri(&r->prime, F);
    if (r->s == SG_ZERO) {
      set_tri(&r->integer, T);
      set_tri(&r->even, T);
      set_tri(&r->odd, F);
    }
    if (r->even == T) set_tri(&r->odd, F);
    if (r->odd == T) set_tri(&r->even, F);
    if (r->integer == T) {
      if (r->odd == F) set_tri(&r->even, T);
      if (r->even == F) set_tri(&r->odd, T);
      set_tri(&r->ereal, T);
      set_tri(&r->finite, T);
    }
    if (r->finite == F) set_tri(&r->integer, F);
    if (r->integer == F) {
      set_tri(&r->even, F);
      set_tri(&r->odd, F);
      set_tri(&r->prime, F);
      set_tri(&r->composite, F);
    }
    if (r->even == F) r->s &= (SG_ALL & ~SG_ZERO); /* zero implies even */
    if (!(r->s & SG_POS)) {
      set_tri(&r->prime, F);
      set_tri(&r->composite, F);
    }
    if (r->sign_t) set_tri(&r->ereal, T);
  }
}

static se_truth readoff(const rec *r, unsigned f) {
  unsigned s = r->s;
  se_truth t = U;
  switch (f) {
  case SE_FACT_POS: t = s == SG_POS ? T : (s & SG_POS) ? U : F; break;
  case SE_FACT_NEG: t = s == SG_NEG ? T : (s & SG_NEG) ? U : F; break;
  case SE_FACT_ZERO: t = s == SG_ZERO ? T : (s & SG_ZERO) ? U : F; break;
  case SE_FACT_NONNEG:
    t = (s && !(s & SG_NEG)) ? T : (!(s & (SG_ZERO | SG_POS))) ? F : U;
    break;
  case SE_FACT_NONPOS:
    t = (s && !(s & SG_POS)) ? T : (!(s & (SG_ZERO | SG_NEG))) ? F : U;
    break;
  case SE_FACT_NONZERO:
    t = (s && !(s & SG_ZERO)) ? T : (!(s & (SG_NEG | SG_POS))) ? F : U;
    break;
  case SE_FACT_INTEGER: return r->integer;
  case SE_FACT_EVEN: return r->even;
  case SE_FACT_ODD: return r->odd;
  case SE_FACT_PRIME: return r->prime;
  case SE_FACT_COMPOSITE: return r->composite;
  case SE_FACT_REAL:
    if (r->ereal == T && r->finite == T) return T;
    if (r->ereal == F || r->finite == F) return F;
    return U;
  case SE_FACT_FINITE: return r->finite;
  case FX_EREAL: return r->ereal;
  case FX_INFINITE: return tnot(r->finite);
  default: return U;
  }
  /* A sign answer T read off S needs the value to be extended real. */
  if (t == T && r->ereal != T && !r->sign_t) t = U;
  return t;
}

/* ---- small helpers ------------------------------------------------------- */

static se_truth q(se_ctx *ctx, const se_expr *e, se_fact f) { return se__fact(ctx, e, f); }

static const se_expr *mkint(se_ctx *ctx, int64_t v) { return se__int(ctx, v); }

/* Deterministic Miller-Rabin for 64-bit n. */
static uint64_t mulmod(uint64_t a, uint64_t b, uint64_t m) {
  return (uint64_t)(((unsigned __int128)a * b) % m);
}
static uint64_t powmod(uint64_t b, uint64_t e, uint64_t m) {
  uint64_t r = 1;
  b %= m;
  while (e) {
    if (e & 1) r = mulmod(r, b, m);
    b = mulmod(b, b, m);
    e >>= 1;
  }
  return r;
}
static bool is_prime_u64(uint64_t n) {
  static const uint64_t small[] = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37};
  if (n < 2) return false;
  for (size_t i = 0; i < sizeof small / sizeof small[0]; i++) {
    if (n == small[i]) return true;
    if (n % small[i] == 0) return false;
  }
  uint64_t d = n - 1;
  int sh = 0;
  while (!(d & 1)) {
    d >>= 1;
    sh++;
  }
  for (size_t i = 0; i < sizeof small / sizeof small[0]; i++) {
    uint64_t x = powmod(small[i], d, n);
    if (x == 1 || x == n - 1) continue;
    bool comp = true;
    for (int k = 1; k < sh; k++) {
      x = mulmod(x, x, n);
      if (x == n - 1) {
        comp = false;
        break;
      }
    }
    if (comp) return false;
  }
  return true;
}

/* Number of distinct free symbols of e, capped at 2; *one gets the first. */
static int free_syms(const se_expr *e, const se_expr **one) {
  if (e->kind == SE_K_SYMBOL) {
    if (!*one) {
      *one = e;
      return 1;
    }
    return *one == e ? 1 : 2;
  }
  int n = *one ? 1 : 0;
  for (uint32_t i = 0; i < e->nargs; i++) {
    n = free_syms(e->args[i], one);
    if (n >= 2) return 2;
  }
  return n;
}

static bool univariate(const se_expr *e) {
  const se_expr *one = NULL;
  return free_syms(e, &one) == 1;
}

static bool is_torch_int_kind(se_kind k) {
  switch (k) {
  case SE_K_FLOORDIV: case SE_K_CLEANDIV: case SE_K_MOD: case SE_K_PYTHONMOD:
  case SE_K_MODULARINDEXING: case SE_K_TRUNCTOINT: case SE_K_FLOORTOINT:
  case SE_K_CEILTOINT: case SE_K_ROUNDTOINT: case SE_K_POWBYNATURAL:
    return true;
  default: return false;
  }
}

static bool is_torch_real_kind(se_kind k) {
  switch (k) {
  case SE_K_TOFLOAT: case SE_K_INTTRUEDIV: case SE_K_FLOATTRUEDIV: case SE_K_FLOATPOW:
  case SE_K_TRUNCTOFLOAT: case SE_K_ROUNDDECIMAL:
    return true;
  default: return false;
  }
}

/* ---- phase 1: extended-real and finite ----------------------------------- */

/* SymPy's helper for Mul zero/infinite (seen_zero, seen_infinite). */
static void mul_zero_inf(se_ctx *ctx, const se_expr *e, se_truth *sz, se_truth *si) {
  se_truth seen_zero = F, seen_inf = F;
  for (uint32_t i = 0; i < e->nargs; i++) {
    const se_expr *a = e->args[i];
    se_truth z = q(ctx, a, SE_FACT_ZERO);
    se_truth inf = se__fact_infinite(ctx, a);
    if (z == T) {
      if (seen_inf != F) goto unknown;
      seen_zero = T;
    } else if (inf == T) {
      if (seen_zero != F) goto unknown;
      seen_inf = T;
    } else {
      if (seen_zero == F && z == U) {
        if (seen_inf != F) goto unknown;
        seen_zero = U;
      }
      if (seen_inf == F && inf == U) {
        if (seen_zero != F) goto unknown;
        seen_inf = U;
      }
    }
  }
  *sz = seen_zero;
  *si = seen_inf;
  return;
unknown:
  *sz = U;
  *si = U;
}

/* all(): T if all T, F if all F, else U (SymPy's _torf). */
static se_truth torf_args(se_ctx *ctx, const se_expr *e, unsigned f, size_t from) {
  bool all_t = true, all_f = true;
  for (size_t i = from; i < e->nargs; i++) {
    se_truth t;
    if (f == FX_EREAL) t = se__fact_ereal(ctx, e->args[i]);
    else if (f == FX_INFINITE) t = se__fact_infinite(ctx, e->args[i]);
    else t = q(ctx, e->args[i], (se_fact)f);
    if (t != T) all_t = false;
    if (t != F) all_f = false;
  }
  return all_t ? T : all_f ? F : U;
}

/* SymPy's _fuzzy_group(quick_exit=True) of one fact over the args. */
static se_truth group_args(se_ctx *ctx, const se_expr *e, unsigned f) {
  bool saw_other = false;
  for (uint32_t i = 0; i < e->nargs; i++) {
    se_truth t = f == FX_EREAL ? se__fact_ereal(ctx, e->args[i])
                               : q(ctx, e->args[i], (se_fact)f);
    if (t == T) continue;
    if (t == U) return U;
    if (saw_other) return U;
    saw_other = true;
  }
  return saw_other ? F : T;
}

static void phase1(se_ctx *ctx, const se_expr *e, se_truth *ereal, se_truth *finite) {
  *ereal = U;
  *finite = U;
  se_kind k = (se_kind)e->kind;
  switch (k) {
  case SE_K_INTEGER: case SE_K_RATIONAL: case SE_K_FLOAT:
  case SE_K_INT_OO: case SE_K_NEG_INT_OO:
    *ereal = T;
    *finite = T;
    return;
  case SE_K_OO: case SE_K_NEG_OO:
    *ereal = T;
    *finite = F;
    return;
  case SE_K_ZOO:
    *ereal = F;
    *finite = F;
    return;
  case SE_K_SYMBOL:
    if (e->u.sym.asm_ & (SE_ASM_INTEGER | SE_ASM_REAL | SE_ASM_POSITIVE | SE_ASM_NONNEG |
                         SE_ASM_NEGATIVE | SE_ASM_NONPOS)) {
      *ereal = T;
      *finite = T;
    }
    return;
  case SE_K_ADD: {
    *ereal = group_args(ctx, e, FX_EREAL);
    int ninf = 0;
    for (uint32_t i = 0; i < e->nargs; i++) {
      se_truth inf = se__fact_infinite(ctx, e->args[i]);
      if (inf == U) return;
      if (inf == T) ninf++;
    }
    *finite = ninf == 0 ? T : ninf == 1 ? F : U;
    return;
  }
  case SE_K_MUL: {
    bool all = true;
    for (uint32_t i = 0; i < e->nargs; i++)
      if (se__fact_ereal(ctx, e->args[i]) != T) all = false;
    if (all) *ereal = T;
    se_truth sz, si;
    mul_zero_inf(ctx, e, &sz, &si);
    if (si == T && sz == F) *finite = F;
    else if (si == F) *finite = T;
    return;
  }
  case SE_K_POW: {
    const se_expr *b = e->args[0], *x = e->args[1];
    se_truth rb = se__fact_ereal(ctx, b), rx = se__fact_ereal(ctx, x);
    if (rb == T && rx == T) {
      if (q(ctx, b, SE_FACT_POS) == T) *ereal = T;
      else if (q(ctx, b, SE_FACT_NONNEG) == T && q(ctx, x, SE_FACT_NONNEG) == T) *ereal = T;
      else if (q(ctx, x, SE_FACT_INTEGER) == T && q(ctx, b, SE_FACT_NONZERO) == T) *ereal = T;
      else if (q(ctx, x, SE_FACT_INTEGER) == T && q(ctx, x, SE_FACT_NONNEG) == T) *ereal = T;
      else if (q(ctx, b, SE_FACT_NEG) == T && se__is_rat(x)) *ereal = F;
    }
    /* finite */
    if (q(ctx, x, SE_FACT_NEG) == T) {
      if (q(ctx, b, SE_FACT_ZERO) == T) {
        *finite = F;
        return;
      }
      if (se__fact_infinite(ctx, b) == T || q(ctx, b, SE_FACT_NONZERO) == T) {
        *finite = T;
        return;
      }
    }
    se_truth c1 = q(ctx, b, SE_FACT_FINITE), c2 = q(ctx, x, SE_FACT_FINITE);
    if (c1 == T && c2 == T &&
        (q(ctx, x, SE_FACT_NONNEG) == T || q(ctx, b, SE_FACT_ZERO) == F))
      *finite = T;
    return;
  }
  case SE_K_MIN: case SE_K_MAX:
    *ereal = torf_args(ctx, e, FX_EREAL, 0);
    *finite = torf_args(ctx, e, SE_FACT_FINITE, 0);
    return;
  case SE_K_IDENTITY:
    *ereal = se__fact_ereal(ctx, e->args[0]);
    *finite = q(ctx, e->args[0], SE_FACT_FINITE);
    return;
  case SE_K_WHERE:
    if (q(ctx, e->args[1], SE_FACT_INTEGER) == T && q(ctx, e->args[2], SE_FACT_INTEGER) == T) {
      *ereal = T;
      *finite = T;
    }
    return;
  case SE_K_SYMPY_MOD:
    if (q(ctx, e->args[0], SE_FACT_INTEGER) == T && q(ctx, e->args[1], SE_FACT_INTEGER) == T &&
        q(ctx, e->args[1], SE_FACT_ZERO) == F) {
      *ereal = T;
      *finite = T;
    }
    return;
  default:
    if (is_torch_int_kind(k) || is_torch_real_kind(k)) {
      *ereal = T;
      *finite = T;
    }
    return;
  }
}

/* ---- Add handlers (sympy-core 7.7) --------------------------------------- */

/* The number term c (Integer 0 when none) and the rest a (E itself when c
 * is 0). NULL *a when a builder failed. */
static void add_split(se_ctx *ctx, const se_expr *e, const se_expr **c, const se_expr **a) {
  const se_expr *num = NULL;
  const se_expr *rest[64];
  const se_expr **others = rest;
  size_t n = 0;
  for (uint32_t i = 0; i < e->nargs; i++)
    if (se__is_num(e->args[i]) && !num) num = e->args[i];
  if (!num) {
    *c = mkint(ctx, 0);
    *a = e;
    return;
  }
  *c = num;
  if (e->nargs - 1 > 64) {
    others = se__arena_alloc(&ctx->arena, (e->nargs - 1) * sizeof *others);
    if (!others) {
      se__fail(ctx, SE_NOMEM, "out of memory in the fact engine");
      *a = NULL;
      return;
    }
  }
  for (uint32_t i = 0; i < e->nargs; i++)
    if (e->args[i] != num) others[n++] = e->args[i];
  *a = n == 1 ? others[0] : se__add(ctx, others, n);
}

/* The ms-based rules of the pos/neg/nonneg/nonpos handlers. sgn selects
 * the fact asked of v + c and of w (pos: SE_FACT_POS, ...); pre is the fact
 * required of a first (nonneg/nonpos handlers) or asked after (pos/neg). */
static se_truth add_ms_rule(se_ctx *ctx, const se_expr *e, const se_expr *c,
                            const se_expr *a, se_fact sgn, se_fact afact, bool a_first) {
  if (!a || se__num_is_zero(c)) return U;
  if (a_first && q(ctx, a, afact) != T) return U;
  const se_expr *v = se__ms(ctx, a);
  if (!v) return U;
  const se_expr *s = se__add2(ctx, v, c);
  if (s && s != e && q(ctx, s, sgn) == T && (a_first || q(ctx, a, afact) == T)) return T;
  if (univariate(e)) {
    const se_expr *w = se__ms(ctx, e);
    if (w && w != e && q(ctx, w, sgn) == T) return T;
  }
  return U;
}

/* The term loop of the pos (dir = +1) / neg (dir = -1) handler. */
static se_truth add_loop(se_ctx *ctx, const se_expr *e, int dir) {
  se_fact fs = dir > 0 ? SE_FACT_POS : SE_FACT_NEG;
  se_fact fw = dir > 0 ? SE_FACT_NONNEG : SE_FACT_NONPOS;
  se_fact fo = dir > 0 ? SE_FACT_NONPOS : SE_FACT_NONNEG;
  bool strict = false, weak = false, other = false, any = false;
  for (uint32_t i = 0; i < e->nargs; i++) {
    const se_expr *t = e->args[i];
    if (q(ctx, t, SE_FACT_ZERO) == T) continue;
    any = true;
    if (q(ctx, t, fs) == T) strict = true;
    else if (q(ctx, t, fw) == T) weak = true;
    else if (q(ctx, t, fo) == T) other = true;
    else return U;
  }
  if (!any) return F;
  if (!other && strict) return T;
  if (!strict && !weak) return F;
  return U;
}

static void add_handlers(se_ctx *ctx, const se_expr *e, rec *r) {
  const se_expr *c, *a;
  add_split(ctx, e, &c, &a);
  if (c && a) {
    se_truth t = add_ms_rule(ctx, e, c, a, SE_FACT_POS, SE_FACT_NONNEG, false);
    tell(r, SE_FACT_POS, t == T ? T : add_loop(ctx, e, +1));
    t = add_ms_rule(ctx, e, c, a, SE_FACT_NEG, SE_FACT_NONPOS, false);
    tell(r, SE_FACT_NEG, t == T ? T : add_loop(ctx, e, -1));
    tell(r, SE_FACT_NONNEG, add_ms_rule(ctx, e, c, a, SE_FACT_NONNEG, SE_FACT_NONNEG, true));
    tell(r, SE_FACT_NONPOS, add_ms_rule(ctx, e, c, a, SE_FACT_NONPOS, SE_FACT_NONPOS, true));
  }
  tell(r, SE_FACT_INTEGER, group_args(ctx, e, SE_FACT_INTEGER));
  /* odd: terms whose even is not T, number term first. */
  const se_expr *num = NULL;
  for (uint32_t i = 0; i < e->nargs; i++)
    if (se__is_num(e->args[i])) num = e->args[i];
  const se_expr *l[64];
  size_t nl = 0;
  bool too_many = false;
  if (num && q(ctx, num, SE_FACT_EVEN) != T) l[nl++] = num;
  for (uint32_t i = 0; i < e->nargs && !too_many; i++) {
    const se_expr *t = e->args[i];
    if (t == num || q(ctx, t, SE_FACT_EVEN) == T) continue;
    if (nl == 64) too_many = true;
    else l[nl++] = t;
  }
  if (!too_many) {
    if (nl == 0) {
      tell(r, SE_FACT_ODD, F);
    } else if (q(ctx, l[0], SE_FACT_ODD) == T) {
      const se_expr *rest = nl == 1 ? mkint(ctx, 0)
                            : nl == 2 ? l[1] : se__add(ctx, l + 1, nl - 1);
      if (rest) tell(r, SE_FACT_ODD, q(ctx, rest, SE_FACT_EVEN));
    }
  }
}

/* ---- Mul handlers (sympy-core 7.4) --------------------------------------- */

static se_truth mul_pn(se_ctx *ctx, const se_expr *e, int sign) {
  bool weak = false;
  for (uint32_t i = 0; i < e->nargs; i++) {
    const se_expr *t = e->args[i];
    if (q(ctx, t, SE_FACT_POS) == T) continue;
    if (q(ctx, t, SE_FACT_NEG) == T) {
      sign = -sign;
    } else if (q(ctx, t, SE_FACT_ZERO) == T) {
      for (uint32_t j = 0; j < e->nargs; j++)
        if (q(ctx, e->args[j], SE_FACT_FINITE) != T) return U;
      return F;
    } else if (q(ctx, t, SE_FACT_NONPOS) == T) {
      sign = -sign;
      weak = true;
    } else if (q(ctx, t, SE_FACT_NONNEG) == T) {
      weak = true;
    } else {
      return U;
    }
  }
  if (sign == 1 && !weak) return T;
  if (sign < 0) return F;
  return U;
}

/* |a| == 1 for a number a. */
static bool is_unit(const se_expr *a) {
  return a->kind == SE_K_INTEGER && (a->u.i == 1 || a->u.i == -1);
}

static se_truth mul_integer(se_ctx *ctx, const se_expr *e) {
  bool all = true;
  for (uint32_t i = 0; i < e->nargs; i++)
    if (q(ctx, e->args[i], SE_FACT_INTEGER) != T) all = false;
  if (all) return T;
  size_t nnum = 0, nden = 0;
  bool unknown = false, dens_gt1 = true;
  for (uint32_t i = 0; i < e->nargs; i++) {
    const se_expr *a = e->args[i];
    if (q(ctx, a, SE_FACT_INTEGER) == T) {
      if (!is_unit(a)) nnum++;
    } else if (a->kind == SE_K_RATIONAL) {
      if (a->u.q.p != 1 && a->u.q.p != -1) nnum++;
      nden++;
      /* an Integer q > 1 */
    } else if (a->kind == SE_K_POW) {
      const se_expr *b = a->args[0], *x = a->args[1];
      bool hit = false;
      if (q(ctx, b, SE_FACT_INTEGER) != T || q(ctx, x, SE_FACT_INTEGER) != T)
        hit = unknown = true;
      if (q(ctx, x, SE_FACT_NEG) == T) {
        nden++;
        const se_expr *d = NULL;
        if (se__is_num(x)) d = se__pow(ctx, b, se__num_neg(ctx, x));
        const se_expr *dm1 = d ? se__sub(ctx, d, mkint(ctx, 1)) : NULL;
        if (!dm1 || q(ctx, dm1, SE_FACT_POS) != T) dens_gt1 = false;
      } else {
        (void)hit;
        return U;
      }
    } else {
      return U;
    }
  }
  if (nnum == 0 && nden > 0 && dens_gt1) return F;
  return U;
}

static se_truth mul_odd(se_ctx *ctx, const se_expr *e, se_truth integer) {
  if (integer != T) return integer;
  se_truth r = T;
  const se_expr *acc = NULL;
  for (uint32_t i = 0; i < e->nargs; i++) {
    const se_expr *t = e->args[i];
    if (is_unit(t)) continue;
    if (q(ctx, t, SE_FACT_EVEN) == T) return F;
    if (r == F) {
      /* nothing */
    } else if (acc) {
      const se_expr *sum = se__add2(ctx, acc, t);
      if (sum && q(ctx, sum, SE_FACT_ODD) == T) r = F;
      else if (q(ctx, t, SE_FACT_EVEN) == U) r = U;
    } else if (q(ctx, t, SE_FACT_EVEN) == U) {
      r = U;
    }
    acc = t;
  }
  return r;
}

static se_truth mul_composite(se_ctx *ctx, const se_expr *e) {
  int n = 0;
  for (uint32_t i = 0; i < e->nargs; i++) {
    const se_expr *a = e->args[i];
    if (q(ctx, a, SE_FACT_INTEGER) != T || q(ctx, a, SE_FACT_POS) != T) return U;
    const se_expr *am1 = se__sub(ctx, a, mkint(ctx, 1));
    if (am1 && q(ctx, am1, SE_FACT_POS) == T) n++;
  }
  return n > 1 ? T : U;
}

static void mul_handlers(se_ctx *ctx, const se_expr *e, rec *r) {
  tell(r, SE_FACT_POS, mul_pn(ctx, e, 1));
  tell(r, SE_FACT_NEG, mul_pn(ctx, e, -1));
  se_truth sz, si;
  mul_zero_inf(ctx, e, &sz, &si);
  if (sz == F) tell(r, SE_FACT_ZERO, F);
  else if (sz == T && si == F) tell(r, SE_FACT_ZERO, T);
  se_truth integer = mul_integer(ctx, e);
  tell(r, SE_FACT_INTEGER, integer);
  tell(r, SE_FACT_ODD, mul_odd(ctx, e, integer));
  tell(r, SE_FACT_COMPOSITE, mul_composite(ctx, e));
}

/* ---- Pow handlers (sympy-core 7.5, SymPy's general rules) ---------------- */

static void pow_handlers(se_ctx *ctx, const se_expr *e, rec *r) {
  const se_expr *b = e->args[0], *x = e->args[1];
  se_truth xreal = se__fact_ereal(ctx, x);
  se_truth xeven = q(ctx, x, SE_FACT_EVEN), xodd = q(ctx, x, SE_FACT_ODD);
  se_truth xint = q(ctx, x, SE_FACT_INTEGER);
  /* pos */
  se_truth pos = U;
  if (b == x) {
    if (q(ctx, b, SE_FACT_NONNEG) == T) pos = T;
  } else if (q(ctx, b, SE_FACT_POS) == T && q(ctx, b, SE_FACT_FINITE) == T) {
    if (q(ctx, x, SE_FACT_REAL) == T) pos = T;
  } else if (q(ctx, b, SE_FACT_NEG) == T) {
    if (xeven == T) pos = T;
    else if (xodd == T) pos = F;
  } else if (q(ctx, b, SE_FACT_ZERO) == T) {
    if (xreal == T) pos = q(ctx, x, SE_FACT_ZERO);
  } else if (q(ctx, b, SE_FACT_NONPOS) == T) {
    if (xodd == T) pos = F;
  }
  tell(r, SE_FACT_POS, pos);
  /* neg */
  se_truth neg = U;
  bool half = x->kind == SE_K_RATIONAL && x->u.q.p == 1 && x->u.q.q == 2;
  if (half && se__fact_ereal(ctx, b) == T) {
    neg = F;
  } else if (q(ctx, b, SE_FACT_NEG) == T) {
    if (xodd == T && q(ctx, b, SE_FACT_FINITE) == T) neg = T;
    else if (xeven == T) neg = F;
  } else if (q(ctx, b, SE_FACT_POS) == T) {
    if (xreal == T) neg = F;
  } else if (q(ctx, b, SE_FACT_ZERO) == T) {
    if (xreal == T) neg = F;
  } else if (q(ctx, b, SE_FACT_NONNEG) == T) {
    if (q(ctx, x, SE_FACT_NONNEG) == T) neg = F;
  } else if (q(ctx, b, SE_FACT_NONPOS) == T) {
    if (xeven == T) neg = F;
  } else if (se__fact_ereal(ctx, b) == T) {
    if (xeven == T) neg = F;
  }
  tell(r, SE_FACT_NEG, neg);
  /* zero */
  se_truth zero = U;
  se_truth bz = q(ctx, b, SE_FACT_ZERO);
  if (bz == T) {
    if (q(ctx, x, SE_FACT_POS) == T) zero = T;
    else if (q(ctx, x, SE_FACT_NONPOS) == T) zero = F;
  } else if (bz == F) {
    if (q(ctx, b, SE_FACT_FINITE) == T && q(ctx, x, SE_FACT_FINITE) == T) zero = F;
    else if (q(ctx, x, SE_FACT_NEG) == T) zero = se__fact_infinite(ctx, b);
    else if (q(ctx, x, SE_FACT_NONNEG) == T) zero = F;
  } else if (q(ctx, b, SE_FACT_FINITE) == T && q(ctx, x, SE_FACT_NEG) == T) {
    zero = F;
  }
  tell(r, SE_FACT_ZERO, zero);
  /* integer */
  se_truth bint = q(ctx, b, SE_FACT_INTEGER);
  se_truth integer = U;
  if (se__is_rat(b) && bint == F && q(ctx, x, SE_FACT_POS) == T) {
    integer = F;
  } else if (bint == T && xint == T &&
             (se__is_int_value(b, -1) || q(ctx, x, SE_FACT_NONNEG) == T)) {
    integer = T;
  } else if (bint == T && q(ctx, x, SE_FACT_NEG) == T && xint == T) {
    const se_expr *bm1 = se__sub(ctx, b, mkint(ctx, 1));
    const se_expr *bp1 = se__add2(ctx, b, mkint(ctx, 1));
    if (bm1 && bp1 && q(ctx, bm1, SE_FACT_ZERO) == F && q(ctx, bp1, SE_FACT_ZERO) == F)
      integer = F;
  }
  if (integer == U && q(ctx, x, SE_FACT_NEG) == T) {
    if (q(ctx, b, SE_FACT_POS) == T) {
      const se_expr *bm1 = se__sub(ctx, b, mkint(ctx, 1));
      if (bm1 && q(ctx, bm1, SE_FACT_POS) == T) integer = F;
    } else if (q(ctx, b, SE_FACT_NEG) == T) {
      const se_expr *bp1 = se__add2(ctx, b, mkint(ctx, 1));
      if (bp1 && q(ctx, bp1, SE_FACT_NEG) == T) integer = F;
    }
  }
  tell(r, SE_FACT_INTEGER, integer);
  /* parity */
  if (xint == T) {
    if (q(ctx, x, SE_FACT_POS) == T) {
      tell(r, SE_FACT_ODD, q(ctx, b, SE_FACT_ODD));
      tell(r, SE_FACT_EVEN, q(ctx, b, SE_FACT_EVEN));
    } else if (q(ctx, x, SE_FACT_NONNEG) == T && q(ctx, b, SE_FACT_ODD) == T) {
      tell(r, SE_FACT_ODD, T);
    } else if (se__is_int_value(b, -1)) {
      tell(r, SE_FACT_ODD, T);
    }
  }
  /* prime / composite */
  if (bint == T && xint == T) {
    const se_expr *xm1 = se__sub(ctx, x, mkint(ctx, 1));
    if (xm1 && q(ctx, xm1, SE_FACT_POS) == T) tell(r, SE_FACT_PRIME, F);
    const se_expr *bm1 = se__sub(ctx, b, mkint(ctx, 1));
    bool comp = bm1 && q(ctx, bm1, SE_FACT_POS) == T && xm1 && q(ctx, xm1, SE_FACT_POS) == T;
    if (!comp) {
      const se_expr *bp1 = se__add2(ctx, b, mkint(ctx, 1));
      comp = bp1 && q(ctx, bp1, SE_FACT_NEG) == T && q(ctx, x, SE_FACT_POS) == T && xeven == T;
    }
    if (comp) tell(r, SE_FACT_COMPOSITE, T);
  }
}

/* ---- Min/Max and PyTorch's kinds ----------------------------------------- */

static se_truth any_args(se_ctx *ctx, const se_expr *e, se_fact f, size_t from, size_t to) {
  bool all_f = true;
  for (size_t i = from; i < to; i++) {
    se_truth t = q(ctx, e->args[i], f);
    if (t == T) return T;
    if (t != F) all_f = false;
  }
  return all_f ? F : U;
}

static se_truth every_args(se_ctx *ctx, const se_expr *e, se_fact f, size_t from, size_t to) {
  bool all_t = true;
  for (size_t i = from; i < to; i++) {
    se_truth t = q(ctx, e->args[i], f);
    if (t == F) return F;
    if (t != T) all_t = false;
  }
  return all_t ? T : U;
}

static void minmax_handlers(se_ctx *ctx, const se_expr *e, rec *r) {
  size_t n = e->nargs;
  if (e->kind == SE_K_MAX) {
    tell(r, SE_FACT_POS, any_args(ctx, e, SE_FACT_POS, 0, n));
    tell(r, SE_FACT_NONNEG, any_args(ctx, e, SE_FACT_NONNEG, 0, n));
    tell(r, SE_FACT_NEG, every_args(ctx, e, SE_FACT_NEG, 0, n));
  } else {
    tell(r, SE_FACT_POS, every_args(ctx, e, SE_FACT_POS, 0, n));
    tell(r, SE_FACT_NONNEG, every_args(ctx, e, SE_FACT_NONNEG, 0, n));
    tell(r, SE_FACT_NEG, any_args(ctx, e, SE_FACT_NEG, 0, n));
  }
  static const se_fact common[] = {SE_FACT_NONPOS, SE_FACT_ZERO, SE_FACT_NONZERO,
                                   SE_FACT_INTEGER, SE_FACT_EVEN, SE_FACT_ODD,
                                   SE_FACT_PRIME, SE_FACT_COMPOSITE};
  for (size_t i = 0; i < sizeof common / sizeof common[0]; i++)
    tell(r, common[i], torf_args(ctx, e, common[i], 0));
}

static se_truth fuzzy_eq(se_truth a, se_truth b) {
  if (a == U || b == U) return U;
  return tbool(a == b);
}

static void torch_handlers(se_ctx *ctx, const se_expr *e, rec *r) {
  se_kind k = (se_kind)e->kind;
  if (is_torch_int_kind(k)) tell(r, SE_FACT_INTEGER, T);
  if (is_torch_real_kind(k)) tell(r, SE_FACT_REAL, T);
  switch (k) {
  case SE_K_FLOORDIV: case SE_K_CLEANDIV:
    /* [NEW]: nonnegative when both arguments are nonnegative integers. */
    if (every_args(ctx, e, SE_FACT_INTEGER, 0, 2) == T &&
        every_args(ctx, e, SE_FACT_NONNEG, 0, 2) == T)
      tell(r, SE_FACT_NONNEG, T);
    break;
  case SE_K_MOD:
    tell(r, SE_FACT_NONNEG, T);
    break;
  case SE_K_PYTHONMOD:
  case SE_K_SYMPY_MOD:
    if (k == SE_K_SYMPY_MOD && q(ctx, e->args[0], SE_FACT_INTEGER) == T &&
        q(ctx, e->args[1], SE_FACT_INTEGER) == T && q(ctx, e->args[1], SE_FACT_ZERO) == F)
      tell(r, SE_FACT_INTEGER, T);
    if (q(ctx, e->args[1], SE_FACT_POS) == T) tell(r, SE_FACT_NONNEG, T);
    if (q(ctx, e->args[1], SE_FACT_NEG) == T) tell(r, SE_FACT_NONPOS, T);
    break;
  case SE_K_MODULARINDEXING:
    tell(r, SE_FACT_NONNEG, fuzzy_eq(q(ctx, e->args[0], SE_FACT_NONNEG),
                                     q(ctx, e->args[1], SE_FACT_NONNEG)));
    break;
  case SE_K_WHERE:
    if (every_args(ctx, e, SE_FACT_INTEGER, 1, 3) == T) tell(r, SE_FACT_INTEGER, T);
    if (every_args(ctx, e, SE_FACT_NONNEG, 1, 3) == T) tell(r, SE_FACT_NONNEG, T);
    if (every_args(ctx, e, SE_FACT_POS, 1, 3) == T) tell(r, SE_FACT_POS, T);
    break;
  case SE_K_IDENTITY:
    tell(r, SE_FACT_INTEGER, q(ctx, e->args[0], SE_FACT_INTEGER));
    break;
  default: break;
  }
}

/* ---- leaves (sympy-core 7.3, torch-sympy 1) ------------------------------ */

static void leaf_facts(const se_expr *e, rec *r) {
  switch (e->kind) {
  case SE_K_INTEGER: {
    int64_t v = e->u.i;
    r->s = v < 0 ? SG_NEG : v == 0 ? SG_ZERO : SG_POS;
    r->integer = T;
    r->even = tbool(v % 2 == 0);
    r->odd = tnot(r->even);
    r->prime = tbool(v > 1 && is_prime_u64((uint64_t)v));
    r->composite = tbool(v > 1 && r->prime == F);
    break;
  }
  case SE_K_RATIONAL:
    r->s = e->u.q.p < 0 ? SG_NEG : SG_POS;
    r->integer = F;
    break;
  case SE_K_FLOAT: {
    double v = e->u.f;
    r->s = v < 0 ? SG_NEG : v == 0 ? SG_ZERO : SG_POS;
    if (v != floor(v)) r->integer = F;
    break;
  }
  case SE_K_INT_OO:
    r->s = SG_POS;
    r->integer = T;
    r->prime = F;
    break;
  case SE_K_NEG_INT_OO:
    r->s = SG_NEG;
    r->integer = T;
    r->prime = F;
    break;
  case SE_K_OO: r->s = SG_POS; r->integer = F; break;
  case SE_K_NEG_OO: r->s = SG_NEG; r->integer = F; break;
  case SE_K_ZOO: r->s = 0; r->integer = F; break;
  case SE_K_SYMBOL: {
    uint32_t m = e->u.sym.asm_;
    if (m & SE_ASM_INTEGER) r->integer = T;
    if (m & SE_ASM_POSITIVE) r->s &= SG_POS;
    if (m & SE_ASM_NONNEG) r->s &= SG_ZERO | SG_POS;
    if (m & SE_ASM_NEGATIVE) r->s &= SG_NEG;
    if (m & SE_ASM_NONPOS) r->s &= SG_NEG | SG_ZERO;
    if (r->s != SG_ALL) r->sign_t = true;
    break;
  }
  default: break;
  }
}

/* ---- the engine ---------------------------------------------------------- */

static void store_phase1(const se_expr *e, se_truth ereal, se_truth finite) {
  cache_put(e, FX_EREAL, ereal);
  cache_put(e, SE_FACT_FINITE, finite);
  cache_put(e, FX_INFINITE, tnot(finite));
  cache_put(e, SE_FACT_REAL,
            (ereal == T && finite == T) ? T : (ereal == F || finite == F) ? F : U);
  set_flag(e, FX_PHASE1_BIT, true);
}

static void compute(se_ctx *ctx, const se_expr *e) {
  set_flag(e, FX_BUSY_BIT, true);
  rec r;
  rec_init(&r);
  se_truth ereal, finite;
  phase1(ctx, e, &ereal, &finite);
  r.ereal = ereal;
  r.finite = finite;
  /* Visible to re-entrant queries while the rest is computed. */
  store_phase1(e, ereal, finite);
  se_kind k = (se_kind)e->kind;
  if (k <= SE_K_ZOO || k == SE_K_SYMBOL) leaf_facts(e, &r);
  else if (k == SE_K_ADD) add_handlers(ctx, e, &r);
  else if (k == SE_K_MUL) mul_handlers(ctx, e, &r);
  else if (k == SE_K_POW) pow_handlers(ctx, e, &r);
  else if (k == SE_K_MIN || k == SE_K_MAX) minmax_handlers(ctx, e, &r);
  else if (k >= SE_K_FLOORDIV) torch_handlers(ctx, e, &r);
  /* Booleans, relations, Piecewise: no numeric facts. */
  links(&r);
  for (unsigned f = 0; f < FX_COUNT; f++) cache_put(e, f, readoff(&r, f));
  set_flag(e, FX_BUSY_BIT, false);
}

/* Runs the computation, keeping errors of internal builders (overflow of a
 * temporary, ...) out of the caller's context; out of memory stays sticky. */
static se_truth fact_entry(se_ctx *ctx, const se_expr *e, unsigned f) {
  if (!e) return U;
  se_truth t;
  if (cache_get(e, f, &t)) return t;
  if (e->fact_known & (1u << FX_BUSY_BIT)) return U;
  se_status before = se__status(ctx);
  compute(ctx, e);
  if (before == SE_OK && se__status(ctx) != SE_OK && se__status(ctx) != SE_NOMEM)
    se_clear_error(ctx);
  return cache_get(e, f, &t) ? t : U;
}

/* The fact f of e (SymPy 7.2), computed with all other facts of e and cached
 * on the node. Never fails; a NULL e answers unknown. */
se_truth se__fact(se_ctx *ctx, const se_expr *e, se_fact f) {
  if ((unsigned)f >= SE_FACT_COUNT) return U;
  return fact_entry(ctx, e, (unsigned)f);
}

/* SymPy's is_extended_real of e; see facts.h. */
se_truth se__fact_ereal(se_ctx *ctx, const se_expr *e) { return fact_entry(ctx, e, FX_EREAL); }

/* SymPy's is_infinite of e; see facts.h. */
se_truth se__fact_infinite(se_ctx *ctx, const se_expr *e) {
  return fact_entry(ctx, e, FX_INFINITE);
}

/* ---- exact rationals and polynomials for ms -------------------------------- */

typedef struct qn {
  int64_t p, q; /* q > 0, gcd(p, q) = 1 */
} qn;

#define PMAX 24 /* highest degree handled */

typedef struct poly {
  int deg;          /* -1 for the zero polynomial */
  qn c[PMAX + 1];   /* c[i] is the coefficient of z**i */
} poly;

static bool qn_make(__int128 p, __int128 qq, qn *out) {
  if (qq == 0) return false;
  if (qq < 0) {
    p = -p;
    qq = -qq;
  }
  __int128 a = p < 0 ? -p : p, b = qq;
  while (b) {
    __int128 t = a % b;
    a = b;
    b = t;
  }
  if (a > 1) {
    p /= a;
    qq /= a;
  }
  if (p > INT64_MAX || p < -INT64_MAX || qq > INT64_MAX) return false;
  out->p = (int64_t)p;
  out->q = (int64_t)qq;
  return true;
}

static bool qn_add(qn a, qn b, qn *out) {
  return qn_make((__int128)a.p * b.q + (__int128)b.p * a.q, (__int128)a.q * b.q, out);
}
static bool qn_mul(qn a, qn b, qn *out) {
  return qn_make((__int128)a.p * b.p, (__int128)a.q * b.q, out);
}
static bool qn_div(qn a, qn b, qn *out) {
  return qn_make((__int128)a.p * b.q, (__int128)a.q * b.p, out);
}
static int qn_sign(qn a) { return a.p < 0 ? -1 : a.p > 0; }
static qn qn_int(int64_t v) { return (qn){v, 1}; }

static void poly_trim(poly *p) {
  while (p->deg >= 0 && p->c[p->deg].p == 0) p->deg--;
}

static void poly_zero(poly *p) {
  p->deg = -1;
  for (int i = 0; i <= PMAX; i++) p->c[i] = qn_int(0);
}

static bool poly_add(const poly *a, const poly *b, poly *out) {
  poly r;
  poly_zero(&r);
  r.deg = a->deg > b->deg ? a->deg : b->deg;
  for (int i = 0; i <= r.deg; i++)
    if (!qn_add(a->c[i], b->c[i], &r.c[i])) return false;
  poly_trim(&r);
  *out = r;
  return true;
}

static bool poly_mul(const poly *a, const poly *b, poly *out) {
  poly r;
  poly_zero(&r);
  if (a->deg < 0 || b->deg < 0) {
    *out = r;
    return true;
  }
  if (a->deg + b->deg > PMAX) return false;
  r.deg = a->deg + b->deg;
  for (int i = 0; i <= a->deg; i++)
    for (int j = 0; j <= b->deg; j++) {
      qn t;
      if (!qn_mul(a->c[i], b->c[j], &t) || !qn_add(r.c[i + j], t, &r.c[i + j])) return false;
    }
  poly_trim(&r);
  *out = r;
  return true;
}

static bool poly_eval(const poly *p, qn x, qn *out) {
  qn acc = qn_int(0);
  for (int i = p->deg; i >= 0; i--)
    if (!qn_mul(acc, x, &acc) || !qn_add(acc, p->c[i], &acc)) return false;
  *out = acc;
  return true;
}

static bool poly_deriv(const poly *p, poly *out) {
  poly r;
  poly_zero(&r);
  for (int i = 1; i <= p->deg; i++)
    if (!qn_mul(p->c[i], qn_int(i), &r.c[i - 1])) return false;
  r.deg = p->deg - 1;
  poly_trim(&r);
  *out = r;
  return true;
}

/* Remainder of a by b (b nonzero). */
static bool poly_rem(const poly *a, const poly *b, poly *out) {
  poly r = *a;
  while (r.deg >= b->deg && r.deg >= 0) {
    qn f;
    if (!qn_div(r.c[r.deg], b->c[b->deg], &f)) return false;
    int sh = r.deg - b->deg;
    for (int i = 0; i <= b->deg; i++) {
      qn t;
      if (!qn_mul(f, b->c[i], &t)) return false;
      t.p = -t.p;
      if (!qn_add(r.c[i + sh], t, &r.c[i + sh])) return false;
    }
    r.c[r.deg] = qn_int(0);
    poly_trim(&r);
  }
  *out = r;
  return true;
}

/* Divides p by (z - x0) when p(x0) == 0 (synthetic division). */
static bool poly_deflate(poly *p, qn x0) {
  poly r;
  poly_zero(&r);
  qn carry = qn_int(0);
  for (int i = p->deg; i >= 1; i--) {
    qn t;
    if (!qn_mul(carry, x0, &t) || !qn_add(t, p->c[i], &carry)) return false;
    r.c[i - 1] = carry;
  }
  r.deg = p->deg - 1;
  poly_trim(&r);
  *p = r;
  return true;
}

/* Divides by |leading coefficient| (keeps the sign; Sturm needs it). */
static bool poly_normalize(poly *p) {
  if (p->deg < 0) return true;
  qn lc = p->c[p->deg];
  if (lc.p < 0) lc.p = -lc.p;
  for (int i = 0; i <= p->deg; i++)
    if (!qn_div(p->c[i], lc, &p->c[i])) return false;
  return true;
}

/* Number of distinct real roots of p above x0 (above = true) or below x0,
 * not counting x0 itself; -1 when the arithmetic overflowed. */
static int roots_beyond(const poly *p0, qn x0, bool above) {
  poly p = *p0;
  qn v;
  for (;;) {
    if (p.deg <= 0) return 0;
    if (!poly_eval(&p, x0, &v)) return -1;
    if (v.p != 0) break;
    if (!poly_deflate(&p, x0)) return -1;
  }
  poly seq[PMAX + 2];
  int n = 0;
  seq[n] = p;
  if (!poly_normalize(&seq[n])) return -1;
  n++;
  if (!poly_deriv(&p, &seq[n]) || !poly_normalize(&seq[n])) return -1;
  n++;
  while (seq[n - 1].deg > 0 && n < PMAX + 2) {
    poly r;
    if (!poly_rem(&seq[n - 2], &seq[n - 1], &r)) return -1;
    if (r.deg < 0) break;
    for (int i = 0; i <= r.deg; i++) r.c[i].p = -r.c[i].p;
    if (!poly_normalize(&r)) return -1;
    seq[n++] = r;
  }
  int at = 0, inf = 0, last_at = 0, last_inf = 0;
  for (int i = 0; i < n; i++) {
    if (!poly_eval(&seq[i], x0, &v)) return -1;
    int s = qn_sign(v);
    if (s) {
      if (last_at && s != last_at) at++;
      last_at = s;
    }
    int si = qn_sign(seq[i].c[seq[i].deg]);
    if (!above && (seq[i].deg & 1)) si = -si;
    if (si) {
      if (last_inf && si != last_inf) inf++;
      last_inf = si;
    }
  }
  return above ? at - inf : inf - at;
}

/* e as a polynomial in z (numbers, z, Add, Mul, Pow with a natural
 * exponent); false when it is not one or the arithmetic overflows. */
static bool to_poly(const se_expr *e, const se_expr *z, poly *out) {
  poly_zero(out);
  switch (e->kind) {
  case SE_K_INTEGER:
    out->c[0] = qn_int(e->u.i);
    out->deg = e->u.i ? 0 : -1;
    return true;
  case SE_K_RATIONAL:
    out->c[0] = (qn){e->u.q.p, e->u.q.q};
    out->deg = 0;
    return true;
  case SE_K_SYMBOL:
    if (e != z) return false;
    out->c[1] = qn_int(1);
    out->deg = 1;
    return true;
  case SE_K_ADD: case SE_K_MUL: {
    poly acc, t;
    poly_zero(&acc);
    if (e->kind == SE_K_MUL) {
      acc.c[0] = qn_int(1);
      acc.deg = 0;
    }
    for (uint32_t i = 0; i < e->nargs; i++) {
      if (!to_poly(e->args[i], z, &t)) return false;
      bool ok = e->kind == SE_K_ADD ? poly_add(&acc, &t, &acc) : poly_mul(&acc, &t, &acc);
      if (!ok) return false;
    }
    *out = acc;
    return true;
  }
  case SE_K_POW: {
    const se_expr *x = e->args[1];
    if (x->kind != SE_K_INTEGER || x->u.i < 0 || x->u.i > PMAX) return false;
    poly b, acc;
    if (!to_poly(e->args[0], z, &b)) return false;
    poly_zero(&acc);
    acc.c[0] = qn_int(1);
    acc.deg = 0;
    for (int64_t i = 0; i < x->u.i; i++)
      if (!poly_mul(&acc, &b, &acc)) return false;
    *out = acc;
    return true;
  }
  default: return false;
  }
}

/* SymPy's storage rank of a Mul factor (numbers, Symbol, Pow, Mul, Add,
 * others), used to multiply the product-rule terms in SymPy's order. */
static int sympy_rank(const se_expr *e) {
  if (se__is_num(e)) return 0;
  switch (e->kind) {
  case SE_K_SYMBOL: return 1;
  case SE_K_POW: return 2;
  case SE_K_MUL: return 3;
  case SE_K_ADD: return 4;
  default: return 5;
  }
}

/* d e / d z built the way SymPy's diff builds it (e a polynomial in z). */
static const se_expr *diff(se_ctx *ctx, const se_expr *e, const se_expr *z) {
  switch (e->kind) {
  case SE_K_SYMBOL: return mkint(ctx, e == z ? 1 : 0);
  case SE_K_ADD: {
    const se_expr *buf[32];
    if (e->nargs > 32) return NULL;
    for (uint32_t i = 0; i < e->nargs; i++) {
      buf[i] = diff(ctx, e->args[i], z);
      if (!buf[i]) return NULL;
    }
    return se__add(ctx, buf, e->nargs);
  }
  case SE_K_MUL: {
    const se_expr *f[32], *terms[32];
    size_t n = e->nargs, nt = 0;
    if (n > 32) return NULL;
    for (size_t i = 0; i < n; i++) f[i] = e->args[i];
    for (size_t i = 1; i < n; i++) /* stable insertion sort by SymPy's rank */
      for (size_t j = i; j > 0 && sympy_rank(f[j - 1]) > sympy_rank(f[j]); j--) {
        const se_expr *t = f[j];
        f[j] = f[j - 1];
        f[j - 1] = t;
      }
    for (size_t i = 0; i < n; i++) {
      const se_expr *d = diff(ctx, f[i], z);
      if (!d) return NULL;
      if (se__is_num(d) && se__num_is_zero(d)) continue;
      const se_expr *acc = mkint(ctx, 1);
      for (size_t j = 0; j < n && acc; j++) acc = se__mul2(ctx, acc, j == i ? d : f[j]);
      if (!acc) return NULL;
      terms[nt++] = acc;
    }
    return nt ? se__add(ctx, terms, nt) : mkint(ctx, 0);
  }
  case SE_K_POW: {
    const se_expr *b = e->args[0], *x = e->args[1];
    const se_expr *db = diff(ctx, b, z);
    if (!db) return NULL;
    if (se__is_num(db) && se__num_is_zero(db)) return mkint(ctx, 0);
    const se_expr *c = se__mul2(ctx, db, x);
    const se_expr *p = se__pow(ctx, b, mkint(ctx, x->u.i - 1));
    return se__mul2(ctx, c, p);
  }
  default: return mkint(ctx, 0); /* numbers */
  }
}

/* ---- ms: SymPy's _monotonic_sign (sympy-core 7.8) ------------------------ */

static const se_expr *helper_sym(se_ctx *ctx, const char *name, uint32_t asm_) {
  return se__sym_asm(ctx, name, strlen(name), asm_);
}

static const se_expr *eps_sym(se_ctx *ctx) {
  return helper_sym(ctx, "_eps", SE_ASM_POSITIVE | SE_ASM_NONNEG | SE_ASM_REAL);
}

static const se_expr *qn_expr(se_ctx *ctx, qn v) { return se__rat(ctx, v.p, v.q); }

/* True when e has a non-number denominator (a Pow with a negative exponent
 * of a symbolic base, alone or as a Mul factor). */
static bool symbolic_denominator(se_ctx *ctx, const se_expr *e) {
  if (e->kind == SE_K_POW)
    return !se__is_num(e->args[0]) && q(ctx, e->args[1], SE_FACT_NEG) == T;
  if (e->kind == SE_K_MUL)
    for (uint32_t i = 0; i < e->nargs; i++)
      if (symbolic_denominator(ctx, e->args[i])) return true;
  return false;
}

static const se_expr *ms_univariate(se_ctx *ctx, const se_expr *x, const se_expr *z) {
  poly p;
  if (!to_poly(x, z, &p)) return NULL;
  const se_expr *x0e = se__ms(ctx, z);
  if (!x0e) return NULL;
  qn x0;
  if (x0e->kind == SE_K_INTEGER) x0 = qn_int(x0e->u.i);
  else if (x0e->kind == SE_K_RATIONAL) x0 = (qn){x0e->u.q.p, x0e->u.q.q};
  else x0 = qn_int(0); /* eps, -eps (a helper symbol or its negation) */
  const se_expr *d = diff(ctx, x, z);
  if (!d) return NULL;
  poly dp;
  if (!poly_deriv(&p, &dp)) return NULL;
  qn y;
  if (!poly_eval(&p, x0, &y)) return NULL;
  int ys = qn_sign(y);
  se_truth dpos = q(ctx, d, SE_FACT_POS), dneg = q(ctx, d, SE_FACT_NEG);
  if (q(ctx, z, SE_FACT_NONNEG) == T) {
    int above = dp.deg <= 0 ? 0 : roots_beyond(&dp, x0, true);
    if (above < 0) return NULL;
    if (above == 0) {
      if (ys >= 0 && dpos == T)
        return ys > 0 ? qn_expr(ctx, y) : helper_sym(ctx, "_nneg", SE_ASM_NONNEG | SE_ASM_REAL);
      if (ys <= 0 && dneg == T)
        return ys < 0 ? qn_expr(ctx, y) : helper_sym(ctx, "_npos", SE_ASM_NONPOS | SE_ASM_REAL);
      return NULL;
    }
  }
  if (q(ctx, z, SE_FACT_NONPOS) == T) {
    int below = dp.deg <= 0 ? 0 : roots_beyond(&dp, x0, false);
    if (below != 0) return NULL;
    if (ys >= 0 && dneg == T)
      return ys ? helper_sym(ctx, "_pos", SE_ASM_POSITIVE | SE_ASM_NONNEG | SE_ASM_REAL)
                : helper_sym(ctx, "_nneg", SE_ASM_NONNEG | SE_ASM_REAL);
    if (ys <= 0 && dpos == T)
      return ys ? helper_sym(ctx, "_neg", SE_ASM_NEGATIVE | SE_ASM_NONPOS | SE_ASM_REAL)
                : helper_sym(ctx, "_npos", SE_ASM_NONPOS | SE_ASM_REAL);
  }
  return NULL;
}

static const se_expr *ms_compute(se_ctx *ctx, const se_expr *x) {
  if (se__fact_ereal(ctx, x) != T) return NULL;
  /* (-x) is a Symbol: x is -1*y. */
  if (x->kind == SE_K_MUL && x->nargs == 2 && se__is_int_value(x->args[0], -1) &&
      x->args[1]->kind == SE_K_SYMBOL) {
    const se_expr *r = se__ms(ctx, x->args[1]);
    return r ? se__neg(ctx, r) : NULL;
  }
  if (x->kind != SE_K_ADD && !symbolic_denominator(ctx, x)) {
    bool odd = q(ctx, x, SE_FACT_ODD) == T;
    if (q(ctx, x, SE_FACT_PRIME) == T) return mkint(ctx, odd ? 3 : 2);
    if (q(ctx, x, SE_FACT_COMPOSITE) == T) return mkint(ctx, odd ? 9 : 4);
    if (q(ctx, x, SE_FACT_POS) == T && q(ctx, x, SE_FACT_FINITE) == T) {
      if (q(ctx, x, SE_FACT_EVEN) == T) return mkint(ctx, q(ctx, x, SE_FACT_PRIME) == F ? 4 : 2);
      if (q(ctx, x, SE_FACT_INTEGER) == T) return mkint(ctx, 1);
      return eps_sym(ctx);
    }
    if (q(ctx, x, SE_FACT_NEG) == T) {
      if (q(ctx, x, SE_FACT_EVEN) == T) return mkint(ctx, -2);
      if (q(ctx, x, SE_FACT_INTEGER) == T) return mkint(ctx, -1);
      return se__neg(ctx, eps_sym(ctx));
    }
    if (q(ctx, x, SE_FACT_ZERO) == T || q(ctx, x, SE_FACT_NONPOS) == T ||
        q(ctx, x, SE_FACT_NONNEG) == T)
      return mkint(ctx, 0);
    return NULL;
  }
  const se_expr *z = NULL;
  if (free_syms(x, &z) == 1) return ms_univariate(ctx, x, z);
  /* Multivariate: never answers for the constant-free arguments the Add
   * handlers pass (sympy-core 7.8 step 4). */
  return NULL;
}

/* SymPy's _monotonic_sign(e): a value closest to 0 that e can take (a number
 * or a helper symbol such as _eps, _nneg), or NULL when there is none.
 * Cached on the node; re-entrant calls on a node under computation answer
 * NULL. Never records an error (except sticky out-of-memory). */
const se_expr *se__ms(se_ctx *ctx, const se_expr *e) {
  if (!e) return NULL;
  if (e->flags & SE_NF_MS_DONE) return e->ms;
  if (e->flags & SE_NF_MS_BUSY) return NULL;
  se_expr *m = (se_expr *)e;
  se_status before = se__status(ctx);
  m->flags = (uint16_t)(m->flags | SE_NF_MS_BUSY);
  const se_expr *r = ms_compute(ctx, e);
  m->flags = (uint16_t)(m->flags & ~SE_NF_MS_BUSY);
  if (before == SE_OK && se__status(ctx) != SE_OK && se__status(ctx) != SE_NOMEM)
    se_clear_error(ctx);
  if (se__status(ctx) == SE_NOMEM) return NULL; /* do not cache a failure */
  m->ms = r;
  m->flags = (uint16_t)(m->flags | SE_NF_MS_DONE);
  return r;
}
