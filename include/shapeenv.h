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
  X(IO, "input/output error")                                          \
  X(DATA_DEPENDENT, "could not guard on data-dependent expression")    \
  X(CONSTRAINT, "constraint violated")                                 \
  X(NOT_EQUAL, "environments not equal")                               \
  X(STATE, "operation not allowed in this state")                      \
  X(VALIDATION, "translation validation failed")

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

/* Parses SymPy's text form as sympify reads it (Python's precedence, one
 * evaluating constructor call per operator, left to right). On failure
 * returns NULL and records SE_PARSE (or the failing constructor's status)
 * with a message "line L, column C: ..."; lines count from 1. */
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


/* ==== the shape environment (PyTorch's ShapeEnv) =========================== */

typedef struct se_env se_env;
typedef struct se_source se_source;

/* Sources name where a value came from. They are interned in the context
 * (equal sources are the same pointer) and live until se_ctx_free. */
SE_API const se_source *se_source_local(se_ctx *ctx, const char *name);     /* L['x'] */
SE_API const se_source *se_source_global(se_ctx *ctx, const char *name);    /* G['x'] */
SE_API const se_source *se_source_constant(se_ctx *ctx, const char *name);  /* x */
SE_API const se_source *se_source_ephemeral(se_ctx *ctx, const char *name); /* ephemeral */
SE_API const se_source *se_source_size(se_ctx *ctx, const se_source *base, int64_t i);
SE_API const se_source *se_source_stride(se_ctx *ctx, const se_source *base, int64_t i);
SE_API const se_source *se_source_storage_offset(se_ctx *ctx, const se_source *base);
SE_API const se_source *se_source_item(se_ctx *ctx, const se_source *base, int64_t i); /* b[i] */
SE_API const se_source *se_source_attr(se_ctx *ctx, const se_source *base, const char *member);
/* The name ("L['x'].size()[0]"); borrowed, lives with the context. */
SE_API const char *se_source_name(const se_source *src);
/* PyTorch's repr ("TensorPropertySource(base=ConstantSource(source_name='x'),
 * prop=<TensorProperty.SIZE: 0>, idx=1)"). Caller frees. */
SE_API char *se_source_repr(se_ctx *ctx, const se_source *src);
/* Parses a source name back ("L['x'].stride()[1]"); NULL + SE_PARSE if not one. */
SE_API const se_source *se_source_parse(se_ctx *ctx, const char *name);

/* Settings bits: which settings the caller gave explicitly (the constructor
 * event records exactly those). */
enum {
  SE_SET_ALLOW_SCALAR_OUTPUTS = 1u << 0,
  SE_SET_ALLOW_DYNAMIC_OUTPUT_SHAPE_OPS = 1u << 1,
  SE_SET_ASSUME_STATIC_BY_DEFAULT = 1u << 2,
  SE_SET_SPECIALIZE_ZERO_ONE = 1u << 3,
  SE_SET_DUCK_SHAPE = 1u << 4,
  SE_SET_PREFER_DEFERRED_RUNTIME_ASSERTS = 1u << 5,
  SE_SET_TRACE_ASSERTS = 1u << 6,
  SE_SET_CO_FIELDS = 1u << 7,
  SE_SET_SHOULD_RECORD_EVENTS = 1u << 8,
};

/* Construction settings (ShapeEnv's keyword arguments). Initialise with
 * se_env_options_init, then set fields and their SE_SET_* bits in `given`. */
typedef struct se_env_options {
  bool allow_scalar_outputs;                          /* default true */
  bool allow_dynamic_output_shape_ops;                /* default true */
  bool assume_static_by_default;                      /* default false */
  bool specialize_zero_one;                           /* default true */
  bool duck_shape;                                    /* default true */
  bool prefer_deferred_runtime_asserts_over_guards;   /* default false */
  bool trace_asserts;                                 /* default false */
  const char *const *co_fields;  /* key, value, key, value, ...; copied */
  size_t n_co_fields;            /* number of key/value pairs */
  bool should_record_events;     /* valid when SE_SET_SHOULD_RECORD_EVENTS is given;
                                    default: translation_validation */
  bool translation_validation;   /* keep the validation FX graph (PyTorch's TV) */
  bool check_recorded_events;    /* replay and compare at produce_guards */
  uint32_t given;                /* SE_SET_* bits of the fields set explicitly */
} se_env_options;

SE_API void se_env_options_init(se_env_options *opt);
/* A new environment in ctx (opt NULL means all defaults). NULL on failure. */
SE_API se_env *se_env_new(se_ctx *ctx, const se_env_options *opt);
/* Frees the environment (its expressions stay in the context). */
SE_API void se_env_free(se_env *env);
SE_API se_ctx *se_env_ctx(const se_env *env);

/* Python type of a symbolic value. */
typedef enum se_pytype { SE_PY_INT, SE_PY_FLOAT, SE_PY_BOOL } se_pytype;

/* A symbolic value (PyTorch's SymInt / SymFloat / SymBool, or a plain
 * constant when expr is a number or True/False). A small value type. */
typedef struct se_sym {
  const se_expr *expr; /* the expression; NULL means "no value" */
  const se_expr *hint; /* its concrete value (number / True / False), or NULL */
  se_pytype type;      /* int, float or bool */
  int32_t fx;          /* node index in the env's validation graph, -1 none */
} se_sym;

/* DimDynamic. PyTorch 2.13 calls SIZE_LIKE_UNBACKED "UNBACKED" (event logs
 * of version 2 write that name); OBLIVIOUS_SIZE is not in 2.13. */
typedef enum se_dim_dynamic {
  SE_DIM_DYNAMIC = 0, SE_DIM_DUCK = 1, SE_DIM_STATIC = 2, SE_DIM_SIZE_LIKE_UNBACKED = 3,
  SE_DIM_INFER_STRIDE = 4, SE_DIM_OBLIVIOUS_SIZE = 5,
  SE_DIM_UNBACKED = SE_DIM_SIZE_LIKE_UNBACKED
} se_dim_dynamic;

/* An optional int (Python's int | None). */
typedef struct se_opt_int {
  bool given;    /* false: None */
  int64_t value; /* valid when given */
} se_opt_int;

/* A dimension constraint (StrictMinMaxConstraint / RelaxedUnspecConstraint). */
typedef struct se_constraint {
  enum { SE_CONSTRAINT_NONE, SE_CONSTRAINT_STRICT_MIN_MAX, SE_CONSTRAINT_RELAXED } kind;
  int64_t lo, hi;  /* STRICT_MIN_MAX bounds (INT64_MAX means int_oo) */
  bool warn_only;
} se_constraint;

/* PyTorch's FakeTensorMeta: a tensor placeholder's metadata. Arrays are
 * borrowed by the calls that take one. */
typedef struct se_tensor_meta {
  size_t dim;               /* number of dimensions */
  const se_sym *sizes;      /* dim values */
  const se_sym *strides;    /* dim values */
  se_sym storage_offset;
  bool is_nested;
} se_tensor_meta;


/* ---- creating symbols (recorded operations; each is transactional: on
 * failure the environment is exactly as before the call) ------------------ */

/* create_symbol: a symbol (or a constant, under 0/1 specialisation or STATIC)
 * for an int input of value val. constraint may be NULL. */
SE_API se_status se_env_create_symbol(se_env *env, int64_t val, const se_source *source,
                                      se_dim_dynamic dyn, const se_constraint *constraint,
                                      bool positive, bool do_not_specialize_zero_one,
                                      const se_expr **out);
/* A float input (a zf symbol): recorded as the create_unspecified_symbol
 * with a float val that PyTorch 2.13 records for it. */
SE_API se_status se_env_create_float_symbol(se_env *env, double val, const se_source *source,
                                            se_dim_dynamic dyn, const se_expr **out);
/* create_unspecified_symbol: positive unknown, never specialised. */
SE_API se_status se_env_create_unspecified_symbol(se_env *env, int64_t val,
                                                  const se_source *source, se_dim_dynamic dyn,
                                                  const se_expr **out);
/* create_symintnode / create_symfloatnode: wraps expr with its hint (and,
 * with validation on and a source, the source's placeholder). */
SE_API se_status se_env_create_symintnode(se_env *env, const se_expr *expr, const se_expr *hint,
                                          const se_source *source, se_sym *out);
SE_API se_status se_env_create_symfloatnode(se_env *env, const se_expr *expr,
                                            const se_expr *hint, const se_source *source,
                                            se_sym *out);
SE_API se_status se_env_create_unbacked_symint(se_env *env, se_sym *out);
/* create_unspecified_symint_and_symbol: create_unspecified_symbol(value),
 * _record_exclusion_constraint(sym, excluded_value) when excluded_value is
 * given (NULL: None), then create_symintnode(sym, hint=value, source). */
SE_API se_status se_env_create_unspecified_symint_and_symbol(se_env *env, int64_t value,
                                                             const se_source *source,
                                                             se_dim_dynamic dyn,
                                                             const se_opt_int *excluded_value,
                                                             se_sym *out);
SE_API se_status se_env_create_unbacked_symfloat(se_env *env, se_sym *out);
SE_API se_status se_env_create_unbacked_symbool(se_env *env, se_sym *out);

/* A tensor's description for create_symbolic_sizes_strides_storage_offset.
 * dynamic_sizes/dynamic_strides/constraint_sizes may be NULL (legacy path:
 * sizes DUCK, strides INFER_STRIDE, no constraints). The fields after
 * constraint_sizes are PyTorch 2.13's further arguments and symbolic
 * context fields; NULL means absent. */
typedef struct se_tensor_spec {
  size_t dim;
  const int64_t *sizes;
  const int64_t *strides;
  int64_t storage_offset;
  bool is_nested;
  const se_dim_dynamic *dynamic_sizes;   /* dim entries or NULL */
  const se_dim_dynamic *dynamic_strides; /* dim entries or NULL */
  const se_constraint *constraint_sizes; /* dim entries or NULL */
  const bool *is_dim_dynamic;            /* dim entries or NULL (all false); recorded only,
                                            as PyTorch's legacy path ignores it */
  const se_constraint *constraint_strides; /* dim entries or NULL */
  const se_opt_int *excluded_sizes;      /* dim entries or NULL: _record_exclusion_constraint
                                            for each symbolic size given one */
  const se_opt_int *hint_overrides;      /* dim entries or NULL: the size's hint instead of
                                            sizes[i] (var_to_hint_override) */
} se_tensor_spec;

/* create_symbolic_sizes_strides_storage_offset: out->sizes/strides point into
 * storage owned by the environment (valid until se_env_free). */
SE_API se_status se_env_create_tensor(se_env *env, const se_tensor_spec *spec,
                                      const se_source *source, se_tensor_meta *out);

/* ---- constraints and flags ------------------------------------------------ */

SE_API se_status se_env_constrain_symbol_range(se_env *env, const se_expr *sym,
                                               const se_expr *lo, const se_expr *hi);
/* _constrain_range_for_size(a, min, max); NULL bounds mean 0 / int_oo. */
SE_API se_status se_env_constrain_range_for_size(se_env *env, const se_expr *a,
                                                 const se_expr *lo, const se_expr *hi);
/* _constrain_range(a, min, max). */
SE_API se_status se_env_constrain_range(se_env *env, const se_expr *a, const se_expr *lo,
                                        const se_expr *hi);
/* set_real_tensor_prop_unbacked_vals(k, v): the real value v (a number) of
 * unbacked symbol k (PyTorch's propagate_real_tensors); guards on k then
 * become runtime asserts instead of data-dependent errors. */
SE_API se_status se_env_set_real_tensor_prop_unbacked_vals(se_env *env, const se_expr *k,
                                                           const se_expr *v);
/* _record_exclusion_constraint(sym, val): appends (sym, val) to
 * exclusion_constraints. */
SE_API se_status se_env_record_exclusion_constraint(se_env *env, const se_expr *sym,
                                                    int64_t val);
/* _ignore_fresh_unbacked_symbols_set(b): while set, new unbacked symbols are
 * not added to pending_fresh_unbacked_symbols. *prev (may be NULL): the
 * previous setting. */
SE_API se_status se_env_ignore_fresh_unbacked_symbols_set(se_env *env, bool b, bool *prev);
/* _eliminate_unbacked(orig_s, new_s): replace the unbacked orig_s by new_s. */
SE_API se_status se_env_eliminate_unbacked(se_env *env, const se_expr *orig_s,
                                           const se_expr *new_s);
/* _rename_unbacked_to(orig_s, new_s): both unbacked symbols; orig_s becomes
 * new_s (unbacked_renamings), and new_s takes orig_s's replacement if any. */
SE_API se_status se_env_rename_unbacked_to(se_env *env, const se_expr *orig_s,
                                           const se_expr *new_s);
/* _constrain_is_bounded(a, upper_bound): recorded, changes nothing (as in
 * PyTorch, a placeholder for a future bound). */
SE_API se_status se_env_constrain_is_bounded(se_env *env, const se_expr *a,
                                             const se_expr *upper_bound);
/* _constrain_unify(a, b). */
SE_API se_status se_env_constrain_unify(se_env *env, se_sym a, se_sym b);
SE_API se_status se_env_freeze(se_env *env);
SE_API se_status se_env_freeze_runtime_asserts(se_env *env);
/* suppress_guards(): enter / exit (nestable). */
SE_API se_status se_env_suppress_guards_enter(se_env *env);
SE_API se_status se_env_suppress_guards_exit(se_env *env);

/* ---- deciding ------------------------------------------------------------- */

/* evaluate_expr: decides expr (hint: its concrete value, NULL to compute it
 * from the backed hints), adding a guard, replacement or range refinement as
 * PyTorch does. fx: the value's node (-1 none). *out: the concrete value.
 * An undecidable data-dependent expression fails with SE_DATA_DEPENDENT. */
SE_API se_status se_env_evaluate_expr(se_env *env, const se_expr *expr, const se_expr *hint,
                                      int32_t fx, bool size_oblivious,
                                      const se_expr *fallback, const se_expr **out);
/* guard_or_defer_runtime_assert. */
SE_API se_status se_env_guard_or_defer_runtime_assert(se_env *env, const se_expr *expr,
                                                      const char *msg, int32_t fx);
/* Static truth/value without guarding (statically_known_true style):
 * *out is the value, or NULL when not statically known. Not recorded. */
SE_API se_status se_env_evaluate_static(se_env *env, const se_expr *expr, bool size_oblivious,
                                        const se_expr **out);
/* simplify(expr) and replace(expr) as the environment sees them. */
SE_API const se_expr *se_env_simplify(se_env *env, const se_expr *expr);
SE_API const se_expr *se_env_replace(se_env *env, const se_expr *expr);
/* size_hint(expr): the value under the hints; NULL + SE_DATA_DEPENDENT if none. */
SE_API const se_expr *se_env_size_hint(se_env *env, const se_expr *expr);

/* ---- symbolic values (SymNode) -------------------------------------------- */

typedef enum se_symop {
  SE_OP_ADD, SE_OP_SUB, SE_OP_MUL, SE_OP_FLOORDIV, SE_OP_MOD, SE_OP_TRUEDIV, SE_OP_POW,
  SE_OP_EQ, SE_OP_NE, SE_OP_LT, SE_OP_LE, SE_OP_GT, SE_OP_GE, SE_OP_MIN, SE_OP_MAX,
  SE_OP_AND, SE_OP_OR, SE_OP_BITAND, SE_OP_BITOR
} se_symop;
typedef enum se_symfn {
  SE_FN_NEG, SE_FN_NOT, SE_FN_SYM_INT, SE_FN_SYM_FLOAT, SE_FN_FLOOR, SE_FN_CEIL,
  SE_FN_TRUNC, SE_FN_SQRT, SE_FN_LOG2, SE_FN_ABS
} se_symfn;

/* Constants as symbolic values. */
SE_API se_sym se_sym_int(se_ctx *ctx, int64_t v);
SE_API se_sym se_sym_float(se_ctx *ctx, double v);
SE_API se_sym se_sym_bool(se_ctx *ctx, bool v);
/* a OP b with Python semantics, the expression PyTorch builds, and the hint. */
SE_API se_status se_sym_binary(se_env *env, se_symop op, se_sym a, se_sym b, se_sym *out);
SE_API se_status se_sym_unary(se_env *env, se_symfn fn, se_sym a, se_sym *out);
/* sym_ite(c, t, f). */
SE_API se_status se_sym_ite(se_env *env, se_sym c, se_sym t, se_sym f, se_sym *out);
/* guard_int / guard_float / guard_bool: evaluate_expr on the value. */
SE_API se_status se_sym_guard(se_env *env, se_sym a, const se_expr **out);
/* expect_true: guard_or_defer_runtime_assert when there is no hint. */
SE_API se_status se_sym_expect_true(se_env *env, se_sym a, const char *msg, bool *out);

/* ---- guards ----------------------------------------------------------------- */

/* A produce_guards input: a tensor, a symbolic/constant value, or nothing. */
typedef struct se_placeholder {
  enum { SE_PH_NONE, SE_PH_TENSOR, SE_PH_VALUE } kind;
  se_tensor_meta tensor; /* valid when SE_PH_TENSOR */
  se_sym value;          /* valid when SE_PH_VALUE */
} se_placeholder;

/* produce_guards: the Python guard texts, in PyTorch's order. *out is a
 * caller-owned array of caller-owned strings (free each, then the array,
 * with se_free); *n their count. verbose adds the "  # ..." comments.
 * With check_recorded_events it first replays the events and requires an
 * equal environment (SE_NOT_EQUAL with PyTorch's report otherwise); with
 * translation validation on and SHAPEENV_VALIDATE_GUARDS=1 in the
 * environment it validates the result with Z3 (SE_VALIDATION with
 * PyTorch's report when unsound). */
SE_API se_status se_env_produce_guards(se_env *env, const se_placeholder *ph,
                                       const se_source *const *sources, size_t n,
                                       bool ignore_static, bool verbose, char ***out,
                                       size_t *nout);
/* produce_guards' keyword arguments. */
typedef struct se_guard_options {
  bool ignore_static; /* leave out guards on static tensor properties (Dynamo: true) */
  bool verbose;       /* add the "  # ..." comments */
  bool simplified;    /* PyTorch's _simplified: no input guards, no default lower bounds */
} se_guard_options;
/* produce_guards with options (NULL: ignore_static only). */
SE_API se_status se_env_produce_guards_ex(se_env *env, const se_placeholder *ph,
                                          const se_source *const *sources, size_t n,
                                          const se_guard_options *opt, char ***out,
                                          size_t *nout);
/* format_guards: " - expr" per guard, joined by newlines. Caller frees. */
SE_API char *se_env_format_guards(se_env *env);

/* A concrete input (a real tensor or int) for the placeholder at the same
 * position: what bind_symbols and evaluate_guards_for_args take as args. */
typedef struct se_concrete {
  enum { SE_CONCRETE_NONE, SE_CONCRETE_TENSOR, SE_CONCRETE_INT } kind;
  size_t dim;              /* TENSOR: number of dimensions (the placeholder's) */
  const int64_t *sizes;    /* TENSOR: dim sizes (borrowed) */
  const int64_t *strides;  /* TENSOR: dim strides (borrowed) */
  int64_t storage_offset;  /* TENSOR: the storage offset */
  int64_t value;           /* INT: the value */
} se_concrete;

/* One symbol's value. */
typedef struct se_binding {
  const se_expr *symbol; /* the symbol (borrowed, lives with the context) */
  int64_t value;         /* its value for the concrete inputs */
} se_binding;

/* bind_symbols(placeholders, args): the value of every symbol that is a
 * placeholder's size, stride, storage offset or int value (s, or -s) for
 * the concrete input at the same position, in first-binding order. Other
 * expressions (2*s0, a replaced symbol's target) bind nothing, as in
 * PyTorch; a NONE placeholder or input is skipped. *out is a caller-owned
 * array (se_free) of *nout entries. A symbol given two values fails with
 * SE_INVALID ("2 != 3", PyTorch's assertion); a tensor input whose dim
 * differs from its placeholder's, or an int input for a tensor (or the
 * reverse), fails with SE_INVALID. Not recorded; changes nothing. */
SE_API se_status se_env_bind_symbols(se_env *env, const se_placeholder *ph,
                                     const se_concrete *args, size_t n, se_binding **out,
                                     size_t *nout);
/* evaluate_guards_for_args(placeholders, args, ignore_static): would these
 * concrete inputs pass the guards produce_guards gives for the
 * placeholders? Evaluates those guards, in produce_guards' order, on the
 * inputs (placeholder i is PyTorch's L['t<i>']) and stops at the first
 * false one: *out true when all hold (also when there is none). Every
 * placeholder needs an input of its kind (SE_INVALID otherwise); a guard
 * that does not evaluate to True or False (an unbacked symbol no input
 * gives) fails with SE_INVALID naming it. Not recorded; changes nothing. */
SE_API se_status se_env_evaluate_guards_for_args(se_env *env, const se_placeholder *ph,
                                                 const se_concrete *args, size_t n,
                                                 bool ignore_static, bool *out);

/* ---- state ------------------------------------------------------------------- */

/* Every state field with its value, one "name: value" line each, in sorted
 * field order, values printed as PyTorch's NotEqualError prints them. */
SE_API char *se_env_dump(se_env *env);
/* check_equal: SE_OK when equal; SE_NOT_EQUAL with *report (caller frees)
 * holding PyTorch's "ShapeEnv not equal: ..." text otherwise. */
SE_API se_status se_env_check_equal(se_env *a, se_env *b, char **report);


/* ---- recording and replay (PyTorch's recording.py) ---------------------------- */

/* Events recorded so far (0 when the environment does not record; event 0
 * is the constructor event). */
SE_API size_t se_env_event_count(const se_env *env);
/* "event: NAME (args, kwargs)" of event i. Caller frees. */
SE_API char *se_env_event_str(se_env *env, size_t i);
/* Replays events 0..until (SIZE_MAX: all) into a new environment *out
 * (free with se_env_free). A failing event fails the replay with a message
 * naming its index and text. */
SE_API se_status se_env_replay(se_env *env, size_t until, se_env **out);
/* trace_shape_events: fn receives "call NAME(args)" and "-> RESULT" lines,
 * indented by nesting. NULL turns tracing off. */
typedef void (*se_trace_fn)(void *ud, const char *line);
SE_API void se_env_set_trace(se_env *env, se_trace_fn fn, void *ud);
/* A caller-supplied location ("model.py:42 in forward") for the next
 * recorded call; stored in its event and in logs, never compared. */
SE_API se_status se_env_set_location(se_env *env, const char *location);
/* Dynamo's current node: the traced graph node now running, as a report
 * should print it (FX's format_node() text, e.g. "%split : [num_users=3] =
 * call_method[target=split](args = (%l_x_, (...)), kwargs = {})", or just
 * its name); NULL: none. Validation-graph nodes made from now on keep it
 * (PyTorch's meta["current_node"]), and a bisection report names it as the
 * node that was running when the failing assertion was made; without one
 * the report names the validation graph's _assert node. The text is
 * copied. Not recorded: an event log does not carry it, so bisecting a
 * log names _assert nodes. */
SE_API se_status se_env_set_current_node(se_env *env, const char *node);
/* Provenance: remember which event made each state change (guards,
 * replacements, range bounds, divisibility, runtime asserts, ...). Off by
 * default; replays used by `shapeenv why` turn it on. */
SE_API void se_env_set_provenance(se_env *env, bool on);
/* Tracked inputs (Dynamo's tracked fakes): evaluate_expr and runtime-assert
 * events keep a snapshot of this list. The metadata is copied. */
SE_API se_status se_env_track_tensor(se_env *env, const se_source *src, const se_tensor_meta *t);
SE_API se_status se_env_track_value(se_env *env, const se_source *src, se_sym v);
/* The tracked inputs, in tracking order: input i as a produce_guards
 * placeholder and its source (arrays borrowed until se_env_free). */
SE_API size_t se_env_tracked_count(const se_env *env);
SE_API se_status se_env_tracked(const se_env *env, size_t i, const se_source **src,
                                se_placeholder *out);

/* The validation FX graph, node by node (index order = creation order). */
typedef struct se_fx_node_info {
  const char *name;          /* unique node name */
  const char *target;        /* "placeholder" or the called function ("eq", "_assert", ...) */
  bool placeholder;          /* a placeholder node */
  bool live;                 /* still in the graph (removed nodes keep their index) */
  size_t nargs;              /* call arguments */
  const char *arg_node[3];   /* argument i's node name, or NULL when it is a constant */
  const se_expr *arg_value[3]; /* argument i's constant when arg_node[i] is NULL */
  const se_expr *symbol;     /* a placeholder's symbol */
} se_fx_node_info;
SE_API size_t se_env_fx_node_count(const se_env *env);
SE_API se_status se_env_fx_node(const se_env *env, size_t i, se_fx_node_info *out);


/* ---- event logs: JSON Lines files (docs/event-log.md) ------------------------- */

/* Streams env's events to the file at path: the events so far at once, then
 * each new event as its call returns (a complete line, flushed), so a crash
 * loses nothing already recorded. The environment must record events. */
SE_API se_status se_env_log_open(se_env *env, const char *path);
/* Stops streaming and closes the file. */
SE_API se_status se_env_log_close(se_env *env);
/* Writes every event of env to path (a complete log). */
SE_API se_status se_env_log_write(se_env *env, const char *path);

/* Called for each event as it is replayed from a log (index, its text). */
typedef void (*se_log_event_fn)(void *ud, size_t index, const char *text);

/* Reads the log at path ("-" is standard input) line by line and replays
 * events 0..until (SIZE_MAX: all) into a new environment *out (which does
 * not record). Memory stays constant beyond the replayed state. Bad input
 * fails with SE_PARSE (or the failing event's status) and a message
 * "PATH:LINE: ..." naming the column or field; nothing half-read is
 * replayed. on_event may be NULL. */
SE_API se_status se_log_replay(se_ctx *ctx, const char *path, size_t until,
                               se_log_event_fn on_event, void *ud, se_env **out);
/* Like se_log_replay, but the new environment records the replayed events
 * again (same indices, texts and locations) and, with provenance, remembers
 * which event made each state change: what `shapeenv why` and `bisect` use. */
SE_API se_status se_log_load(se_ctx *ctx, const char *path, size_t until, bool provenance,
                             se_env **out);
/* The same from a buffer; name is used in messages. */
SE_API se_status se_log_replay_buffer(se_ctx *ctx, const char *name, const char *data,
                                      size_t len, size_t until, se_log_event_fn on_event,
                                      void *ud, se_env **out);


/* ---- provenance queries (`shapeenv why`) ------------------------------------- */

typedef enum se_why_kind {
  SE_WHY_GUARD,  /* a guard as produce_guards prints it, or as SymPy text */
  SE_WHY_SYMBOL, /* a symbol name: creation, sources, replacements, ranges */
  SE_WHY_SOURCE  /* a source name: its binding, then its symbol's history */
} se_why_kind;

/* The chain of events behind query, as text or JSON (*out, caller frees).
 * env must record events and keep provenance. SE_NOTFOUND when nothing
 * matches. */
SE_API se_status se_env_why(se_env *env, se_why_kind kind, const char *query, bool json,
                            char **out);


/* ---- translation validation with Z3, and bisection (spec/validation.md) ------ */

/* Verdicts double as the command line's exit codes: valid 0, invalid 1,
 * unknown 3. "Unknown" (a timeout or the resource limit) is never reported
 * as valid. */
typedef enum se_tv_verdict {
  SE_TV_VALID = 0,   /* every input the targets admit satisfies the sources */
  SE_TV_INVALID = 1, /* Z3 found a counterexample: the guards are unsound */
  SE_TV_UNKNOWN = 3  /* Z3 gave up (timeout, rlimit, incompleteness) */
} se_tv_verdict;

/* Solver settings. */
typedef struct se_tv_options {
  uint64_t timeout_ms; /* Z3 timeout; 0 means PyTorch's default 600000 */
  uint64_t rlimit;     /* Z3 resource limit (machine independent); 0 none */
  bool want_smt2;      /* keep a failing or unknown query as SMT-LIB2 text */
} se_tv_options;

/* The outcome of one validation. Text fields are caller-owned (free the
 * whole result with se_tv_result_free). */
typedef struct se_tv_result {
  se_tv_verdict verdict;
  char *report;       /* INVALID: PyTorch's "translation validation failed." text;
                         UNKNOWN: the reason; VALID: a one-line note */
  char *smt2;         /* INVALID/UNKNOWN with want_smt2: a script `z3 FILE` replays */
  size_t nsources;    /* distinct source expressions (_assert nodes) */
  size_t ntargets;    /* distinct target expressions */
  size_t nassertions; /* distinct background assertions */
} se_tv_result;

SE_API void se_tv_options_init(se_tv_options *opt);
/* Frees the texts of r (r itself is the caller's); NULL is ignored. */
SE_API void se_tv_result_free(se_tv_result *r);

/* Validates env's guards for the given inputs (produce_guards' arguments):
 * sources are the graph's _assert nodes, targets the guards produce_guards
 * issues for these inputs plus replacements, value ranges, deferred runtime
 * asserts, positivity and input equalities. SE_OK means the check ran (see
 * out->verdict); an expression with no Z3 encoding fails with
 * SE_UNSUPPORTED naming it. env must keep the validation graph
 * (translation_validation). opt may be NULL (defaults). */
SE_API se_status se_validate_guards(se_env *env, const se_placeholder *ph,
                                    const se_source *const *sources, size_t n,
                                    const se_tv_options *opt, se_tv_result *out);
/* The same for env's tracked inputs (se_env_track_tensor/_value). */
SE_API se_status se_validate_env(se_env *env, const se_tv_options *opt, se_tv_result *out);
/* Replays the event log at path and validates the result for its tracked
 * inputs. */
SE_API se_status se_validate_log(se_ctx *ctx, const char *path, const se_tv_options *opt,
                                 se_tv_result *out);

/* Progress of a bisection: probe number, the candidate range [lo, hi] of
 * _assert nodes still open, their total. */
typedef void (*se_bisect_progress_fn)(void *ud, size_t probe, size_t lo, size_t hi, size_t n);

typedef struct se_bisect_result {
  se_tv_verdict verdict; /* VALID: the whole log validates; INVALID: located (or not
                            reproduced, see reproduced); UNKNOWN: Z3 gave up */
  int64_t event;         /* the first failing event, -1 when none */
  bool reproduced;       /* INVALID: the last _assert node reproduces the failure */
  char *report;          /* PyTorch's bisection text, or a plain statement; caller-owned */
  char *smt2;            /* the failing probe's query (want_smt2) */
  size_t replayed;       /* events replayed in total by the search */
  size_t probes;         /* validation queries run */
  size_t events;         /* events in the log */
} se_bisect_result;

SE_API void se_bisect_result_free(se_bisect_result *r);

/* bisect(shape_env): validates env (which must record events); when that
 * fails, binary-searches its _assert nodes for the first event after which
 * validation fails, producing guards for that event's tracked-fakes
 * snapshot. Probes replay from checkpoints (undo marks of one replayed
 * environment), so out->replayed stays within twice the log length.
 * progress may be NULL. */
SE_API se_status se_bisect_env(se_env *env, const se_tv_options *opt,
                               se_bisect_progress_fn progress, void *ud,
                               se_bisect_result *out);

/* Loads the event log at path (se_log_load) and bisects it. */
SE_API se_status se_bisect_log(se_ctx *ctx, const char *path, const se_tv_options *opt,
                               se_bisect_progress_fn progress, void *ud,
                               se_bisect_result *out);

#ifdef __cplusplus
}
#endif
#endif
