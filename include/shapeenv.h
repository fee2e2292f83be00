/*
 * shapeenv.h - symbolic tensor shapes: the one public header.
 *
 * Objects with identity are opaque handles: a context (se_ctx) owns an arena
 * and an intern table; every expression (se_expr) built in it is immutable,
 * hash-consed (structurally equal expressions are the same pointer) and lives
 * until se_ctx_free. Handles are borrowed. Text returned to the caller is
 * caller-owned and freed with se_free.
 *
 * Errors: builders return the expression, or NULL on failure, and record the
 * failure in the context (first error wins, sticky until se_clear_error);
 * a builder given a NULL argument returns NULL, so a chain of builders needs
 * one check at its end. Other calls return an se_status. The library never
 * aborts, exits or longjmps.
 */
#ifndef SHAPEENV_H
#define SHAPEENV_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(SE_BUILDING_LIBRARY) && defined(__GNUC__)
#define SE_API __attribute__((visibility("default")))
#else
#define SE_API
#endif

/* ---- status codes: X(NAME, message), one list --------------------------- */
#define SE_STATUS_MAP(X)                                               \
  X(OK, "success")                                                     \
  X(NOMEM, "out of memory")                                            \
  X(OVERFLOW, "integer overflow")                                      \
  X(ZERODIV, "division by zero")                                       \
  X(DOMAIN, "math domain error")                                       \
  X(PARSE, "syntax error")                                             \
  X(INVALID, "invalid argument")                                       \
  X(UNSUPPORTED, "operation not supported for this expression")        \
  X(RANGE, "invalid value range")                                      \
  X(NOTFOUND, "not found")                                             \
  X(IO, "input/output error")

typedef enum se_status {
#define SE_STATUS_ENUM(name, msg) SE_##name,
  SE_STATUS_MAP(SE_STATUS_ENUM)
#undef SE_STATUS_ENUM
} se_status;

/* Three-valued answers (never an error). */
typedef enum se_truth { SE_T_FALSE = 0, SE_T_TRUE = 1, SE_T_UNKNOWN = 2 } se_truth;

/* ---- expression kinds: X(NAME, "SymPy name", arity; -1 variadic) -------- */
#define SE_KIND_MAP(X)                                                 \
  X(INTEGER, "Integer", 0)                                             \
  X(RATIONAL, "Rational", 0)                                           \
  X(FLOAT, "Float", 0)                                                 \
  X(INT_OO, "IntInfinity", 0)                                          \
  X(NEG_INT_OO, "NegativeIntInfinity", 0)                              \
  X(OO, "Infinity", 0)                                                 \
  X(NEG_OO, "NegativeInfinity", 0)                                     \
  X(NAN, "NaN", 0)                                                     \
  X(ZOO, "ComplexInfinity", 0)                                         \
  X(TRUE, "BooleanTrue", 0)                                            \
  X(FALSE, "BooleanFalse", 0)                                          \
  X(SYMBOL, "Symbol", 0)                                               \
  X(ADD, "Add", -1)                                                    \
  X(MUL, "Mul", -1)                                                    \
  X(POW, "Pow", 2)                                                     \
  X(EQ, "Eq", 2)                                                       \
  X(NE, "Ne", 2)                                                       \
  X(LT, "Lt", 2)                                                       \
  X(LE, "Le", 2)                                                       \
  X(GT, "Gt", 2)                                                       \
  X(GE, "Ge", 2)                                                       \
  X(AND, "And", -1)                                                    \
  X(OR, "Or", -1)                                                      \
  X(NOT, "Not", 1)                                                     \
  X(MIN, "Min", -1)                                                    \
  X(MAX, "Max", -1)                                                    \
  X(PIECEWISE, "Piecewise", -1)                                        \
  X(FLOORDIV, "FloorDiv", 2)                                           \
  X(CLEANDIV, "CleanDiv", 2)                                           \
  X(MOD, "Mod", 2)                                                     \
  X(SYMPY_MOD, "Mod", 2)                                               \
  X(PYTHONMOD, "PythonMod", 2)                                         \
  X(MODULARINDEXING, "ModularIndexing", 3)                             \
  X(WHERE, "Where", 3)                                                 \
  X(TOFLOAT, "ToFloat", 1)                                             \
  X(TRUNCTOINT, "TruncToInt", 1)                                       \
  X(FLOORTOINT, "FloorToInt", 1)                                       \
  X(CEILTOINT, "CeilToInt", 1)                                         \
  X(ROUNDTOINT, "RoundToInt", 1)                                       \
  X(ROUNDDECIMAL, "RoundDecimal", 2)                                   \
  X(TRUNCTOFLOAT, "TruncToFloat", 1)                                   \
  X(INTTRUEDIV, "IntTrueDiv", 2)                                       \
  X(FLOATTRUEDIV, "FloatTrueDiv", 2)                                   \
  X(POWBYNATURAL, "PowByNatural", 2)                                   \
  X(FLOATPOW, "FloatPow", 2)                                           \
  X(IDENTITY, "Identity", 1)                                           \
  X(BITWISE_AND, "BitwiseFn_bitwise_and", 2)                           \
  X(BITWISE_OR, "BitwiseFn_bitwise_or", 2)                             \
  X(BITWISE_XOR, "BitwiseFn_bitwise_xor", 2)                           \
  X(OPAQUE_SQRT, "OpaqueUnaryFn_sqrt", 1)                              \
  X(OPAQUE_COS, "OpaqueUnaryFn_cos", 1)                                \
  X(OPAQUE_COSH, "OpaqueUnaryFn_cosh", 1)                              \
  X(OPAQUE_SIN, "OpaqueUnaryFn_sin", 1)                                \
  X(OPAQUE_SINH, "OpaqueUnaryFn_sinh", 1)                              \
  X(OPAQUE_TAN, "OpaqueUnaryFn_tan", 1)                                \
  X(OPAQUE_TANH, "OpaqueUnaryFn_tanh", 1)                              \
  X(OPAQUE_ASIN, "OpaqueUnaryFn_asin", 1)                              \
  X(OPAQUE_ACOS, "OpaqueUnaryFn_acos", 1)                              \
  X(OPAQUE_ATAN, "OpaqueUnaryFn_atan", 1)                              \
  X(OPAQUE_EXP, "OpaqueUnaryFn_exp", 1)                                \
  X(OPAQUE_LOG, "OpaqueUnaryFn_log", 1)                                \
  X(OPAQUE_ASINH, "OpaqueUnaryFn_asinh", 1)                            \
  X(OPAQUE_LOG2, "OpaqueUnaryFn_log2", 1)

typedef enum se_kind {
#define SE_KIND_ENUM(name, text, arity) SE_K_##name,
  SE_KIND_MAP(SE_KIND_ENUM)
#undef SE_KIND_ENUM
  SE_K_COUNT
} se_kind;

typedef struct se_ctx se_ctx;
typedef struct se_expr se_expr;

/* ---- context ------------------------------------------------------------ */

/* A new context, or NULL when out of memory. Free with se_ctx_free. */
SE_API se_ctx *se_ctx_new(void);
/* Frees the context and every expression built in it. NULL is ignored. */
SE_API void se_ctx_free(se_ctx *ctx);

/* Min/Max flavour used by se_expr_min / se_expr_max and the parser:
 * false (default) is SymPy's Min/Max (pairwise comparison of arguments);
 * true is PyTorch's copy (numbers folded, only 0/1 special), as ShapeEnv uses. */
SE_API void se_ctx_set_torch_minmax(se_ctx *ctx, bool on);

SE_API se_status se_last_status(const se_ctx *ctx);
SE_API const char *se_errmsg(const se_ctx *ctx);
SE_API void se_clear_error(se_ctx *ctx);
SE_API const char *se_status_name(se_status st);
SE_API const char *se_status_message(se_status st);
/* Frees text returned by the library. */
SE_API void se_free(void *p);

/* ---- inspecting nodes (all borrowed, never fail) ------------------------ */

SE_API se_kind se_expr_kind(const se_expr *e);
SE_API size_t se_expr_nargs(const se_expr *e);
SE_API const se_expr *se_expr_arg(const se_expr *e, size_t i);
/* For SE_K_INTEGER: the value. For SE_K_RATIONAL: numerator and denominator. */
SE_API bool se_expr_int_value(const se_expr *e, int64_t *out);
SE_API bool se_expr_rational_value(const se_expr *e, int64_t *p, int64_t *q);
SE_API bool se_expr_float_value(const se_expr *e, double *out);
/* Symbol name (NUL-terminated, borrowed), or NULL for a non-symbol. */
SE_API const char *se_expr_symbol_name(const se_expr *e);
/* Creation-order id, unique in the context. */
SE_API uint64_t se_expr_id(const se_expr *e);
SE_API const char *se_kind_name(se_kind k);

/* ---- building (evaluating constructors, as SymPy's) --------------------- */

SE_API const se_expr *se_expr_int(se_ctx *ctx, int64_t v);
/* p/q in lowest terms (an Integer when q divides p); q == 0 fails. */
SE_API const se_expr *se_expr_rational(se_ctx *ctx, int64_t p, int64_t q);
SE_API const se_expr *se_expr_float(se_ctx *ctx, double v);
/* True/False, int_oo, -int_oo, oo, -oo, nan, zoo: the singletons. */
SE_API const se_expr *se_expr_const(se_ctx *ctx, se_kind k);
SE_API const se_expr *se_expr_bool(se_ctx *ctx, bool v);
/* A symbol; assumptions follow PyTorch's prefixes: s<N> positive integer,
 * u<N> integer, zf<N>/zuf<N> real, any other name integer. */
SE_API const se_expr *se_expr_symbol(se_ctx *ctx, const char *name);

SE_API const se_expr *se_expr_add(se_ctx *ctx, const se_expr *a, const se_expr *b);
SE_API const se_expr *se_expr_sub(se_ctx *ctx, const se_expr *a, const se_expr *b);
SE_API const se_expr *se_expr_mul(se_ctx *ctx, const se_expr *a, const se_expr *b);
SE_API const se_expr *se_expr_neg(se_ctx *ctx, const se_expr *a);
/* SymPy's a/b, i.e. a * b**-1 (exact for numbers). */
SE_API const se_expr *se_expr_div(se_ctx *ctx, const se_expr *a, const se_expr *b);
SE_API const se_expr *se_expr_pow(se_ctx *ctx, const se_expr *b, const se_expr *e);
/* Any node kind from its arguments, through that kind's evaluating
 * constructor (Add(*args), Max(*args), FloorDiv(a, b), Eq(a, b), ...). */
SE_API const se_expr *se_expr_call(se_ctx *ctx, se_kind k, const se_expr *const *args,
                                   size_t n);

/* ---- text ---------------------------------------------------------------- */

/* SymPy's str() of e, byte for byte. Caller frees; NULL on failure. */
SE_API char *se_expr_str(se_ctx *ctx, const se_expr *e);

/* Hook for the Python guard printer: returns caller-owned text for a
 * symbol (e.g. "L['x'].size()[0]"), or NULL to fail with SE_NOTFOUND. */
typedef char *(*se_symbol_text_fn)(void *ud, const se_expr *sym);
/* PyTorch's PythonPrinter text of e (guard form). hook may be NULL: symbols
 * print as their names. Caller frees; NULL on failure. */
SE_API char *se_expr_python(se_ctx *ctx, const se_expr *e, se_symbol_text_fn hook, void *ud);

/* Parses SymPy's text form. On failure returns NULL and records SE_PARSE with
 * a message "line L, column C: ..."; line counts from first_line. */
SE_API const se_expr *se_parse(se_ctx *ctx, const char *text, size_t len);

/* ---- operations ---------------------------------------------------------- */

/* Simultaneous substitution of syms[i] by vals[i], rebuilding bottom-up with
 * the evaluating constructors. */
SE_API const se_expr *se_expr_subs(se_ctx *ctx, const se_expr *e, const se_expr *const *syms,
                                   const se_expr *const *vals, size_t n);
/* Free symbols in first-occurrence order (depth first, args left to right).
 * *out is caller-owned (se_free); returns the count, or SIZE_MAX on failure. */
SE_API size_t se_expr_free_symbols(se_ctx *ctx, const se_expr *e, const se_expr ***out);
/* PyTorch's safe_expand: distribute products over sums and expand natural
 * powers of sums. */
SE_API const se_expr *se_expr_expand(se_ctx *ctx, const se_expr *e);
/* Static truth of a boolean expression from the assumptions alone. */
SE_API se_truth se_expr_truth(se_ctx *ctx, const se_expr *e);

/* PyTorch's try_solve: isolates thing on the left of relation e. Returns
 * SE_OK with *rel / *rhs set, or SE_NOTFOUND when it cannot (not an error). */
SE_API se_status se_try_solve(se_ctx *ctx, const se_expr *e, const se_expr *thing,
                              bool floordiv_inequality, const se_expr **rel,
                              const se_expr **rhs);

/* ---- value ranges -------------------------------------------------------- */

/* A closed range [lo, hi]: bounds are numbers, +-int_oo, +-oo or booleans. */
typedef struct se_range {
  const se_expr *lo; /* lower bound */
  const se_expr *hi; /* upper bound */
  bool is_bool;      /* bounds are True/False */
  bool is_int;       /* both bounds are integers or +-int_oo */
} se_range;

/* Builds VR[lo, hi]; SE_RANGE ("Invalid ranges [lo:hi]") when hi < lo. */
SE_API se_status se_range_make(se_ctx *ctx, const se_expr *lo, const se_expr *hi,
                               se_range *out);
SE_API se_range se_range_unknown(se_ctx *ctx);     /* VR[-oo, oo] */
SE_API se_range se_range_unknown_int(se_ctx *ctx); /* VR[-int_oo, int_oo] */
SE_API se_range se_range_unknown_bool(se_ctx *ctx);/* VR[False, True] */
/* "VR[2, int_oo]". Caller frees. */
SE_API char *se_range_str(se_ctx *ctx, se_range r);
/* The range of e given ranges of (some of) its symbols; symbols without one
 * get the default of their assumptions (s: [1, int_oo], u: [-int_oo, int_oo]). */
SE_API se_status se_bound(se_ctx *ctx, const se_expr *e, const se_expr *const *syms,
                          const se_range *ranges, size_t n, se_range *out);

#ifdef __cplusplus
}
#endif
#endif
