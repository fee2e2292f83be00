/* expr layer: the internal API shared by the expression modules.
 *
 * Nodes are immutable and hash-consed in the context (node.c): equal
 * structure means equal pointer. Every builder returns NULL and records the
 * error in ctx on failure, and returns NULL when given a NULL argument.
 *
 * Module map (each file's functions carry its stem):
 *   node.c     intern table, atoms, inspection         se__node, se__int, ...
 *   number.c   exact number arithmetic (Integer/Rational/Float/infinities)
 *   arith.c    Add, Mul, Pow, neg (SymPy sections 2-4)
 *   order.c    N(e), the sort key K, "ordered" order (SymPy 5.1, 5.2)
 *   print.c    SymPy str() (SymPy 6, torch-sympy 5.1)
 *   facts.c    the fact engine and ms (SymPy 7.2-7.8)
 *   rel.c      relational constructors (SymPy 7.1)
 *   minmax.c   Min/Max, SymPy and PyTorch flavours, factor_terms (SymPy 8)
 *   logic.c    And, Or, Not, canonical relations (SymPy 9)
 *   torchfn.c  PyTorch's functions (torch-sympy 2)
 *   call.c     se_expr_call: any kind through its evaluating constructor
 *   pyprint.c  PythonPrinter / guard printer (torch-sympy 5.2, shapeenv 6.2)
 *   parse.c    the SymPy text parser
 *   subs.c     substitution, free symbols, evaluation at a point
 *   expand.c   safe_expand
 *   solve.c    try_solve
 */
#ifndef SE_EXPR_H
#define SE_EXPR_H

#include "base/base.h"

/* Symbol assumption bits (SYMBOL nodes, e->u.sym.asm). */
enum {
  SE_ASM_INTEGER = 1u << 0,  /* integer (hence real, finite) */
  SE_ASM_POSITIVE = 1u << 1, /* > 0 */
  SE_ASM_NONNEG = 1u << 2,   /* >= 0 */
  SE_ASM_NEGATIVE = 1u << 3, /* < 0 */
  SE_ASM_NONPOS = 1u << 4,   /* <= 0 */
  SE_ASM_REAL = 1u << 5,     /* real (implied by INTEGER) */
};

struct se_expr {
  uint16_t kind;       /* se_kind */
  uint16_t flags;      /* SE_NF_* */
  uint32_t nargs;      /* number of args[] */
  uint64_t hash;       /* structural hash, also the intern key */
  uint64_t id;         /* creation order in the context; deterministic ties */
  uint32_t ncount2;    /* 2*N(e): SymPy's node count, a Float counting 1/2 */
  /* Mutable caches on immutable nodes, owned by facts.c: bit f of
   * fact_known says fact f is cached, bit f of fact_val holds T/F, bit f of
   * fact_unk says it is cached as unknown. */
  uint32_t fact_known;
  uint32_t fact_val;
  uint32_t fact_unk;
  const struct se_expr *ms; /* facts.c: cached ms(e) result (valid when SE_NF_MS_DONE) */
  union {
    int64_t i;                         /* INTEGER */
    struct { int64_t p, q; } q;        /* RATIONAL: q > 1, gcd(p, q) = 1 */
    double f;                          /* FLOAT */
    struct {
      const char *name;                /* NUL-terminated, arena-owned */
      uint32_t len;                    /* strlen(name) */
      uint32_t asm_;                   /* SE_ASM_* bits */
    } sym;                             /* SYMBOL */
  } u;
  const struct se_expr *args[];        /* nargs children, canonical order */
};

enum {
  SE_NF_MS_DONE = 1u << 0, /* e->ms is computed (NULL = nothing) */
  SE_NF_MS_BUSY = 1u << 1, /* ms(e) is being computed (recursion guard) */
};

typedef struct se_expr se_expr;

/* ---- node.c ------------------------------------------------------------ */

/* The interned node kind(args); args copied and stored as given (the caller
 * has put them in canonical order). No evaluation: this is also how
 * "unevaluated" SymPy nodes (evaluate=False) are made. */
const se_expr *se__node(se_ctx *ctx, se_kind k, const se_expr *const *args, size_t n);
const se_expr *se__int(se_ctx *ctx, int64_t v);
/* Normalised p/q (Integer when q | p); fails with SE_ZERODIV when q == 0. */
const se_expr *se__rat(se_ctx *ctx, int64_t p, int64_t q);
const se_expr *se__float(se_ctx *ctx, double v);
const se_expr *se__const(se_ctx *ctx, se_kind k);
const se_expr *se__bool(se_ctx *ctx, bool v);
/* Symbol with prefix assumptions / explicit assumptions. Names distinguish
 * symbols: a name can have only one set of assumptions per context. */
const se_expr *se__sym(se_ctx *ctx, const char *name, size_t len);
const se_expr *se__sym_asm(se_ctx *ctx, const char *name, size_t len, uint32_t asm_);
uint32_t se__sym_default_asm(const char *name, size_t len);

static inline bool se__is_int(const se_expr *e) { return e->kind == SE_K_INTEGER; }
static inline bool se__is_rat(const se_expr *e) {
  return e->kind == SE_K_INTEGER || e->kind == SE_K_RATIONAL;
}
/* SymPy's "Number": Integer, Rational, Float, and the infinities/nan. */
static inline bool se__is_num(const se_expr *e) { return e->kind <= SE_K_ZOO; }
static inline bool se__is_bool_atom(const se_expr *e) {
  return e->kind == SE_K_TRUE || e->kind == SE_K_FALSE;
}
static inline bool se__is_rel(const se_expr *e) {
  return e->kind >= SE_K_EQ && e->kind <= SE_K_GE;
}
static inline bool se__is_boolean(const se_expr *e) {
  return se__is_bool_atom(e) || se__is_rel(e) || e->kind == SE_K_AND ||
         e->kind == SE_K_OR || e->kind == SE_K_NOT;
}
static inline bool se__is_int_value(const se_expr *e, int64_t v) {
  return e->kind == SE_K_INTEGER && e->u.i == v;
}

/* ---- number.c: arithmetic on Numbers (se__is_num) ----------------------- */

/* a+b, a*b, a**n (n an Integer, possibly negative), -a, exact for
 * Integer/Rational, double for Float, SymPy/int_oo rules for infinities
 * (torch-sympy 1). Fail with SE_OVERFLOW beyond int64. */
const se_expr *se__num_add(se_ctx *ctx, const se_expr *a, const se_expr *b);
const se_expr *se__num_mul(se_ctx *ctx, const se_expr *a, const se_expr *b);
const se_expr *se__num_neg(se_ctx *ctx, const se_expr *a);
const se_expr *se__num_pow(se_ctx *ctx, const se_expr *a, const se_expr *n);
/* a/b for numbers (SE_ZERODIV when b is zero and a finite rational). */
const se_expr *se__num_div(se_ctx *ctx, const se_expr *a, const se_expr *b);
/* Compares two real numbers (incl. infinities): -1, 0, 1; 2 when either is
 * nan/zoo (incomparable). */
int se__num_cmp(const se_expr *a, const se_expr *b);
/* Sign of a number: -1, 0, 1 (2 for nan/zoo). */
int se__num_sign(const se_expr *a);
/* The value as a double (infinities as +-inf). */
double se__num_double(const se_expr *a);
bool se__num_is_zero(const se_expr *a);
bool se__num_is_one(const se_expr *a);

/* ---- arith.c ------------------------------------------------------------ */

/* SymPy's Add(*args) / Mul(*args) of n canonical args (flatten, collect,
 * distribute per SymPy 2-3), Pow(b, e) (SymPy 4), neg(x) (SymPy 3.4). */
const se_expr *se__add(se_ctx *ctx, const se_expr *const *args, size_t n);
const se_expr *se__mul(se_ctx *ctx, const se_expr *const *args, size_t n);
const se_expr *se__pow(se_ctx *ctx, const se_expr *b, const se_expr *e);
const se_expr *se__neg(se_ctx *ctx, const se_expr *x);
/* Splits t into its leading number c (1 if none) and the rest m (a single
 * factor, or the Mul of the remaining factors). *c may be NULL-free. */
void se__as_coeff_mul(se_ctx *ctx, const se_expr *t, const se_expr **c, const se_expr **m);
/* Splits an Add into its number term (0 if none) and the rest. */
void se__as_coeff_add(se_ctx *ctx, const se_expr *t, const se_expr **c, const se_expr **rest);

/* ---- order.c ------------------------------------------------------------ */

/* SymPy's sort_key comparison: <0, 0, >0. Deterministic, structural. */
int se__cmp_key(const se_expr *a, const se_expr *b);
/* SymPy's ordered(): N(e) first, then the sort key. */
int se__cmp_ordered(const se_expr *a, const se_expr *b);
/* Sorts in place by the comparator (stable). */
void se__sort(const se_expr **v, size_t n, int (*cmp)(const se_expr *, const se_expr *));

/* ---- print.c ------------------------------------------------------------ */

/* Appends str(e); top says e is the whole expression (Float full form). */
void se__str(se_buf *b, const se_expr *e, bool top);
/* SymPy's precedence of e as str() uses it. */
int se__prec(const se_expr *e);
/* The printed-order of an Add's terms (lex monomial order, SymPy 6.2):
 * fills out[0..n) with the terms of add in print order. */
void se__add_print_order(const se_expr *add, const se_expr **out);

/* ---- facts.c: three-valued facts (SymPy 7) ------------------------------- */

typedef enum se_fact {
  SE_FACT_POS, SE_FACT_NEG, SE_FACT_ZERO, SE_FACT_NONNEG, SE_FACT_NONPOS,
  SE_FACT_NONZERO, SE_FACT_INTEGER, SE_FACT_EVEN, SE_FACT_ODD, SE_FACT_PRIME,
  SE_FACT_COMPOSITE, SE_FACT_REAL, SE_FACT_FINITE,
  SE_FACT_COUNT
} se_fact;

/* The fact f of e, cached on the node. Never fails (internal builders that
 * run out of memory give SE_T_UNKNOWN). */
se_truth se__fact(se_ctx *ctx, const se_expr *e, se_fact f);
/* SymPy's _monotonic_sign(e): a value closest to 0 that e can take, or NULL. */
const se_expr *se__ms(se_ctx *ctx, const se_expr *e);

/* ---- rel.c --------------------------------------------------------------- */

/* Eq/Ne/Lt/Le/Gt/Ge(a, b) evaluated per SymPy 7.1 (k in SE_K_EQ..SE_K_GE). */
const se_expr *se__rel(se_ctx *ctx, se_kind k, const se_expr *a, const se_expr *b);
/* The decision of relation k(a, b) without building it. */
se_truth se__rel_truth(se_ctx *ctx, se_kind k, const se_expr *a, const se_expr *b);

/* ---- minmax.c ------------------------------------------------------------ */

/* Evaluated Min/Max (k is SE_K_MIN or SE_K_MAX), in the context's flavour. */
const se_expr *se__minmax(se_ctx *ctx, se_kind k, const se_expr *const *args, size_t n);
const se_expr *se__minmax_flavour(se_ctx *ctx, se_kind k, const se_expr *const *args,
                                  size_t n, bool torch);
/* Unevaluated Min/Max (SymPy 8.3). */
const se_expr *se__minmax_uneval(se_ctx *ctx, se_kind k, const se_expr *const *args,
                                 size_t n);
/* SymPy 8.4's factor_terms as used by Min/Max. */
const se_expr *se__factor_terms(se_ctx *ctx, const se_expr *e);

/* ---- logic.c ------------------------------------------------------------- */

const se_expr *se__and(se_ctx *ctx, const se_expr *const *args, size_t n);
const se_expr *se__or(se_ctx *ctx, const se_expr *const *args, size_t n);
const se_expr *se__not(se_ctx *ctx, const se_expr *x);
const se_expr *se__piecewise(se_ctx *ctx, const se_expr *const *args, size_t n);

/* ---- torchfn.c ----------------------------------------------------------- */

/* PyTorch's function kinds (SE_K_FLOORDIV ... SE_K_OPAQUE_LOG2 and
 * SE_K_SYMPY_MOD) with their own eval rules. */
const se_expr *se__torchfn(se_ctx *ctx, se_kind k, const se_expr *const *args, size_t n);

/* ---- call.c -------------------------------------------------------------- */

/* Dispatches any kind to its evaluating constructor (se_expr_call). */
const se_expr *se__call(se_ctx *ctx, se_kind k, const se_expr *const *args, size_t n);

/* ---- nodevec.c: a growable list of nodes ---------------------------------- */

/* A malloc-backed list of nodes (zero-initialise; free with se__nvec_free). */
typedef struct se__nvec {
  const se_expr **v; /* elements */
  size_t n;          /* used */
  size_t cap;        /* allocated */
} se__nvec;

/* Appends e; false for a NULL e (a failed builder) or out of memory
 * (recorded in ctx). */
bool se__nvec_push(se_ctx *ctx, se__nvec *a, const se_expr *e);
bool se__nvec_has(const se__nvec *a, const se_expr *e);
/* Set insertion: appends e unless present; false as se__nvec_push. */
bool se__nvec_add(se_ctx *ctx, se__nvec *a, const se_expr *e);
void se__nvec_free(se__nvec *a);

/* ---- convenience (arith.c) ------------------------------------------------ */

static inline const se_expr *se__add2(se_ctx *ctx, const se_expr *a, const se_expr *b) {
  const se_expr *v[2] = {a, b};
  return se__add(ctx, v, 2);
}
static inline const se_expr *se__mul2(se_ctx *ctx, const se_expr *a, const se_expr *b) {
  const se_expr *v[2] = {a, b};
  return se__mul(ctx, v, 2);
}
static inline const se_expr *se__sub(se_ctx *ctx, const se_expr *a, const se_expr *b) {
  return se__add2(ctx, a, se__neg(ctx, b));
}

#endif
