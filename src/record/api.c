/* The public mutating calls of an environment. Each hands its arguments to
 * the recorder (se__rec_call), which records the outermost call, runs the
 * env layer's implementation in a transaction and drops the event when the
 * call fails. Nothing else may reach a mutating implementation from outside
 * the library: that keeps replay honest. */
#include <stdlib.h>
#include <string.h>

#include "env/fx.h"
#include "env/symbols.h"
#include "env/simplify.h"
#include "record/recorder.h"

#define ARG_INT(v) ((se_evarg){.kind = SE_ARG_INT, .u.i = (v)})
#define ARG_NUM(v) ((se_evarg){.kind = SE_ARG_NUM, .u.num = (v)})
#define ARG_OPTBOOL(v) ((se_evarg){.kind = SE_ARG_OPTBOOL, .u.i = (v)})
#define ARG_BOOL(v) ((se_evarg){.kind = SE_ARG_BOOL, .u.b = (v)})
#define ARG_EXPR(v) ((se_evarg){.kind = SE_ARG_EXPR, .u.e = (v)})
#define ARG_SOURCE(v) ((se_evarg){.kind = SE_ARG_SOURCE, .u.src = (v)})
#define ARG_DIM(v) ((se_evarg){.kind = SE_ARG_DIM, .u.i = (int64_t)(v)})
#define ARG_CONSTRAINT(v) ((se_evarg){.kind = SE_ARG_CONSTRAINT, .u.c = (v)})
#define ARG_STR(v) ((se_evarg){.kind = SE_ARG_STR, .u.s = (v)})
#define ARG_TENSOR(v) ((se_evarg){.kind = SE_ARG_TENSOR, .u.t = (v)})
#define NARGS(a) (sizeof(a) / sizeof((a)[0]))

/* The interned name of node fx (NULL for none or a stale index). */
static const char *fx_name(const se_env *env, int32_t fx) {
  if (fx < 0 || (size_t)fx >= env->fx_nodes.n) return NULL;
  return SE_VEC_AT(&env->fx_nodes, se_fx_node, fx).name;
}

static se_evarg arg_fx(const se_env *env, int32_t fx) {
  return (se_evarg){.kind = SE_ARG_FX, .u.fxname = fx_name(env, fx)};
}

static se_evarg arg_sym(const se_env *env, se_sym v) {
  se_evarg a = {.kind = SE_ARG_SYM};
  a.u.sym.v = v;
  a.u.sym.fxname = fx_name(env, v.fx);
  return a;
}

/* The "no value" result of a failed call. */
static void clear_sym(se_sym *s) {
  memset(s, 0, sizeof *s);
  s->fx = -1;
}

static se_status need(se_env *env, const void *p, const char *what) {
  if (p) return SE_OK;
  return se__fail(env->ctx, SE_INVALID, "%s must not be NULL", what);
}

/* ---- symbol creation -------------------------------------------------------- */

typedef struct create_symbol_call {
  se_num val;
  const se_source *source;
  se_dim_dynamic dyn;
  const se_constraint *constraint;
  bool positive, no_spec;
  const se_expr **out;
} create_symbol_call;

static se_status run_create_symbol(se_env *env, void *ud) {
  create_symbol_call *c = ud;
  return se__env_create_symbol_num(env, c->val, c->source, c->dyn, c->constraint, c->positive,
                                   c->no_spec, c->out);
}

static se_num int_num(int64_t v) {
  se_num n = {false, v, 0.0};
  return n;
}

static se_num float_num(double v) {
  se_num n = {true, 0, v};
  return n;
}

se_status se__api_create_symbol(se_env *env, se_num val, const se_source *source,
                                se_dim_dynamic dyn, const se_constraint *constraint,
                                int positive, bool do_not_specialize_zero_one,
                                const se_expr **out) {
  if (!env) return SE_INVALID;
  se_status st = need(env, source, "source");
  if (st == SE_OK) st = need(env, out, "out");
  if (st != SE_OK) return st;
  *out = NULL;
  create_symbol_call c = {val,           source, dyn, constraint, positive == 1,
                          do_not_specialize_zero_one, out};
  se_evarg a[] = {ARG_NUM(val),          ARG_SOURCE(source),
                  ARG_DIM(dyn),          ARG_CONSTRAINT(constraint),
                  ARG_OPTBOOL(positive), ARG_BOOL(do_not_specialize_zero_one)};
  se__rec_result(env, out);
  st = se__rec_call(env, SE_EV_CREATE_SYMBOL, a, NARGS(a), run_create_symbol, &c);
  if (st != SE_OK) *out = NULL;
  return st;
}

se_status se_env_create_symbol(se_env *env, int64_t val, const se_source *source,
                               se_dim_dynamic dyn, const se_constraint *constraint,
                               bool positive, bool do_not_specialize_zero_one,
                               const se_expr **out) {
  return se__api_create_symbol(env, int_num(val), source, dyn, constraint, positive ? 1 : 0,
                               do_not_specialize_zero_one, out);
}

static se_status run_create_unspecified(se_env *env, void *ud) {
  create_symbol_call *c = ud;
  return se__env_create_unspecified_symbol(env, c->val, c->source, c->dyn, c->out);
}

se_status se__api_create_unspecified_symbol(se_env *env, se_num val, const se_source *source,
                                            se_dim_dynamic dyn, const se_expr **out) {
  if (!env) return SE_INVALID;
  se_status st = need(env, source, "source");
  if (st == SE_OK) st = need(env, out, "out");
  if (st != SE_OK) return st;
  *out = NULL;
  create_symbol_call c = {val, source, dyn, NULL, false, true, out};
  se_evarg a[] = {ARG_NUM(val), ARG_SOURCE(source), ARG_DIM(dyn)};
  se__rec_result(env, out);
  st = se__rec_call(env, SE_EV_CREATE_UNSPECIFIED_SYMBOL, a, NARGS(a), run_create_unspecified,
                    &c);
  if (st != SE_OK) *out = NULL;
  return st;
}

se_status se_env_create_unspecified_symbol(se_env *env, int64_t val, const se_source *source,
                                           se_dim_dynamic dyn, const se_expr **out) {
  return se__api_create_unspecified_symbol(env, int_num(val), source, dyn, out);
}

/* A float input is what Dynamo hands create_unspecified_symbol: that is the
 * call recorded (PyTorch has no separate float event). */
se_status se_env_create_float_symbol(se_env *env, double val, const se_source *source,
                                     se_dim_dynamic dyn, const se_expr **out) {
  return se__api_create_unspecified_symbol(env, float_num(val), source, dyn, out);
}

typedef struct symint_and_symbol_call {
  int64_t value;
  const se_source *source;
  se_dim_dynamic dyn;
  const se_opt_int *excluded;
  se_sym *out;
} symint_and_symbol_call;

static se_status run_symint_and_symbol(se_env *env, void *ud) {
  symint_and_symbol_call *c = ud;
  return se__env_create_unspecified_symint_and_symbol(env, c->value, c->source, c->dyn,
                                                      c->excluded, c->out);
}

se_status se_env_create_unspecified_symint_and_symbol(se_env *env, int64_t value,
                                                      const se_source *source,
                                                      se_dim_dynamic dyn,
                                                      const se_opt_int *excluded_value,
                                                      se_sym *out) {
  if (!env) return SE_INVALID;
  se_status st = need(env, source, "source");
  if (st == SE_OK) st = need(env, out, "out");
  if (st != SE_OK) return st;
  se_opt_int ex = {false, 0};
  if (excluded_value && excluded_value->given) ex = *excluded_value;
  symint_and_symbol_call c = {value, source, dyn, &ex, out};
  se_evarg a[] = {ARG_INT(value), ARG_SOURCE(source), ARG_DIM(dyn),
                  {.kind = SE_ARG_OPTINT, .u.oi = ex}};
  clear_sym(out);
  se__rec_result(env, &out->expr);
  st = se__rec_call(env, SE_EV_CREATE_UNSPECIFIED_SYMINT_AND_SYMBOL, a, NARGS(a),
                    run_symint_and_symbol, &c);
  if (st != SE_OK) clear_sym(out);
  return st;
}

typedef struct symnode_call {
  const se_expr *expr, *hint;
  const se_source *source;
  se_pytype type;
  se_sym *out;
} symnode_call;

static se_status run_symnode(se_env *env, void *ud) {
  symnode_call *c = ud;
  return se__env_create_symnode(env, c->expr, c->hint, c->source, c->type, c->out);
}

static se_status create_symnode(se_env *env, se_event_kind kind, const se_expr *expr,
                                const se_expr *hint, const se_source *source, se_pytype type,
                                se_sym *out) {
  if (!env) return SE_INVALID;
  se_status st = need(env, expr, "expr");
  if (st == SE_OK) st = need(env, out, "out");
  if (st != SE_OK) return st;
  symnode_call c = {expr, hint, source, type, out};
  se_evarg a[] = {ARG_EXPR(expr), ARG_EXPR(hint), ARG_SOURCE(source)};
  clear_sym(out);
  se__rec_result(env, &out->expr);
  st = se__rec_call(env, kind, a, NARGS(a), run_symnode, &c);
  if (st != SE_OK) clear_sym(out);
  return st;
}

se_status se_env_create_symintnode(se_env *env, const se_expr *expr, const se_expr *hint,
                                   const se_source *source, se_sym *out) {
  return create_symnode(env, SE_EV_CREATE_SYMINTNODE, expr, hint, source, SE_PY_INT, out);
}

se_status se_env_create_symfloatnode(se_env *env, const se_expr *expr, const se_expr *hint,
                                     const se_source *source, se_sym *out) {
  return create_symnode(env, SE_EV_CREATE_SYMFLOATNODE, expr, hint, source, SE_PY_FLOAT, out);
}

typedef struct unbacked_call {
  se_pytype type;
  se_sym *out;
} unbacked_call;

static se_status run_unbacked(se_env *env, void *ud) {
  unbacked_call *c = ud;
  return se__env_create_unbacked(env, c->type, c->out);
}

/* args: create_unbacked_symint's source (nargs 1), none for the others. */
static se_status create_unbacked(se_env *env, se_event_kind kind, se_pytype type,
                                 const se_evarg *args, size_t nargs, se_sym *out) {
  if (!env) return SE_INVALID;
  se_status st = need(env, out, "out");
  if (st != SE_OK) return st;
  unbacked_call c = {type, out};
  clear_sym(out);
  se__rec_result(env, &out->expr);
  st = se__rec_call(env, kind, args, nargs, run_unbacked, &c);
  if (st != SE_OK) clear_sym(out);
  return st;
}

se_status se__api_create_unbacked_symint(se_env *env, const se_source *source, se_sym *out) {
  se_evarg a[] = {ARG_SOURCE(source)};
  return create_unbacked(env, SE_EV_CREATE_UNBACKED_SYMINT, SE_PY_INT, a, NARGS(a), out);
}
se_status se_env_create_unbacked_symint(se_env *env, se_sym *out) {
  return se__api_create_unbacked_symint(env, NULL, out);
}
se_status se_env_create_unbacked_symfloat(se_env *env, se_sym *out) {
  return create_unbacked(env, SE_EV_CREATE_UNBACKED_SYMFLOAT, SE_PY_FLOAT, NULL, 0, out);
}
se_status se_env_create_unbacked_symbool(se_env *env, se_sym *out) {
  return create_unbacked(env, SE_EV_CREATE_UNBACKED_SYMBOOL, SE_PY_BOOL, NULL, 0, out);
}

typedef struct tensor_call {
  const se_tensor_spec *spec;
  const se_source *source;
  se_tensor_meta *out;
} tensor_call;

static se_status run_tensor(se_env *env, void *ud) {
  tensor_call *c = ud;
  return se__env_create_tensor(env, c->spec, c->source, c->out);
}

se_status se_env_create_tensor(se_env *env, const se_tensor_spec *spec, const se_source *source,
                               se_tensor_meta *out) {
  if (!env) return SE_INVALID;
  se_status st = need(env, spec, "spec");
  if (st == SE_OK) st = need(env, source, "source");
  if (st == SE_OK) st = need(env, out, "out");
  if (st == SE_OK && spec->dim && (!spec->sizes || !spec->strides))
    st = se__fail(env->ctx, SE_INVALID, "a tensor spec needs sizes and strides");
  if (st != SE_OK) return st;
  memset(out, 0, sizeof *out);
  out->storage_offset.fx = -1;
  tensor_call c = {spec, source, out};
  se_evarg a[] = {ARG_TENSOR(spec), ARG_SOURCE(source)};
  st = se__rec_call(env, SE_EV_CREATE_TENSOR, a, NARGS(a), run_tensor, &c);
  if (st != SE_OK) {
    memset(out, 0, sizeof *out);
    out->storage_offset.fx = -1;
  }
  return st;
}

/* ---- constraints and flags ---------------------------------------------------- */

typedef struct range_call {
  const se_expr *a, *lo, *hi;
} range_call;

static se_status run_constrain_symbol_range(se_env *env, void *ud) {
  range_call *c = ud;
  return se__env_constrain_symbol_range(env, c->a, c->lo, c->hi);
}
static se_status run_constrain_range_for_size(se_env *env, void *ud) {
  range_call *c = ud;
  return se__env_constrain_range_for_size(env, c->a, c->lo, c->hi);
}
static se_status run_constrain_range(se_env *env, void *ud) {
  range_call *c = ud;
  return se__env_constrain_range(env, c->a, c->lo, c->hi);
}

se_status se_env_constrain_symbol_range(se_env *env, const se_expr *sym, const se_expr *lo,
                                        const se_expr *hi) {
  if (!env) return SE_INVALID;
  if (!sym || !lo || !hi)
    return se__fail(env->ctx, SE_INVALID, "se_env_constrain_symbol_range: NULL argument");
  range_call c = {sym, lo, hi};
  se_evarg a[] = {ARG_EXPR(sym), ARG_EXPR(lo), ARG_EXPR(hi)};
  return se__rec_call(env, SE_EV_CONSTRAIN_SYMBOL_RANGE, a, NARGS(a),
                      run_constrain_symbol_range, &c);
}

se_status se_env_constrain_range_for_size(se_env *env, const se_expr *x, const se_expr *lo,
                                          const se_expr *hi) {
  if (!env) return SE_INVALID;
  if (!x) return se__fail(env->ctx, SE_INVALID, "can only constrain range for SymInt");
  range_call c = {x, lo, hi};
  se_evarg a[] = {ARG_EXPR(x), ARG_EXPR(lo), ARG_EXPR(hi)};
  return se__rec_call(env, SE_EV_CONSTRAIN_RANGE_FOR_SIZE, a, NARGS(a),
                      run_constrain_range_for_size, &c);
}

se_status se_env_constrain_range(se_env *env, const se_expr *x, const se_expr *lo,
                                 const se_expr *hi) {
  if (!env) return SE_INVALID;
  if (!x) return se__fail(env->ctx, SE_INVALID, "se_env_constrain_range: NULL expression");
  range_call c = {x, lo, hi};
  se_evarg a[] = {ARG_EXPR(x), ARG_EXPR(lo), ARG_EXPR(hi)};
  return se__rec_call(env, SE_EV_CONSTRAIN_RANGE, a, NARGS(a), run_constrain_range, &c);
}

typedef struct unify_call {
  se_sym a, b;
} unify_call;

static se_status run_unify(se_env *env, void *ud) {
  unify_call *c = ud;
  return se__env_constrain_unify(env, c->a, c->b);
}

se_status se_env_constrain_unify(se_env *env, se_sym x, se_sym y) {
  if (!env) return SE_INVALID;
  unify_call c = {x, y};
  se_evarg a[] = {arg_sym(env, x), arg_sym(env, y)};
  return se__rec_call(env, SE_EV_CONSTRAIN_UNIFY, a, NARGS(a), run_unify, &c);
}

typedef struct unbacked_val_call {
  const se_expr *k, *v;
} unbacked_val_call;

static se_status run_unbacked_val(se_env *env, void *ud) {
  unbacked_val_call *c = ud;
  return se__env_set_real_tensor_prop_unbacked_vals(env, c->k, c->v);
}

se_status se_env_set_real_tensor_prop_unbacked_vals(se_env *env, const se_expr *k,
                                                    const se_expr *v) {
  if (!env) return SE_INVALID;
  if (!k || !v)
    return se__fail(env->ctx, SE_INVALID,
                    "se_env_set_real_tensor_prop_unbacked_vals: NULL argument");
  unbacked_val_call c = {k, v};
  se_evarg a[] = {ARG_EXPR(k), ARG_EXPR(v)};
  return se__rec_call(env, SE_EV_SET_REAL_TENSOR_PROP_UNBACKED_VALS, a, NARGS(a),
                      run_unbacked_val, &c);
}

typedef struct exclusion_call {
  const se_expr *sym;
  int64_t val;
} exclusion_call;

static se_status run_exclusion(se_env *env, void *ud) {
  exclusion_call *c = ud;
  return se__env_record_exclusion_constraint(env, c->sym, c->val);
}

se_status se_env_record_exclusion_constraint(se_env *env, const se_expr *sym, int64_t val) {
  if (!env) return SE_INVALID;
  if (!sym)
    return se__fail(env->ctx, SE_INVALID, "se_env_record_exclusion_constraint: NULL symbol");
  exclusion_call c = {sym, val};
  se_evarg a[] = {ARG_EXPR(sym), ARG_INT(val)};
  return se__rec_call(env, SE_EV_RECORD_EXCLUSION_CONSTRAINT, a, NARGS(a), run_exclusion, &c);
}

typedef struct ignore_fresh_call {
  bool b;
  bool *prev;
} ignore_fresh_call;

/* Not undone by a rollback, as PyTorch's thread-local flag is not state;
 * the call cannot fail after setting it. */
static se_status run_ignore_fresh(se_env *env, void *ud) {
  ignore_fresh_call *c = ud;
  *c->prev = env->ignore_fresh_unbacked_symbols;
  env->ignore_fresh_unbacked_symbols = c->b;
  return SE_OK;
}

se_status se_env_ignore_fresh_unbacked_symbols_set(se_env *env, bool b, bool *prev) {
  if (!env) return SE_INVALID;
  bool old = false;
  ignore_fresh_call c = {b, &old};
  se_evarg a[] = {ARG_BOOL(b)};
  se_status st = se__rec_call(env, SE_EV_IGNORE_FRESH_UNBACKED_SYMBOLS_SET, a, NARGS(a),
                              run_ignore_fresh, &c);
  if (st == SE_OK && prev) *prev = old;
  return st;
}

typedef struct pair_call {
  const se_expr *a, *b;
} pair_call;

static se_status run_eliminate(se_env *env, void *ud) {
  pair_call *c = ud;
  return se__env_eliminate_unbacked(env, c->a, c->b);
}
static se_status run_rename(se_env *env, void *ud) {
  pair_call *c = ud;
  return se__env_rename_unbacked_to(env, c->a, c->b);
}
static se_status run_is_bounded(se_env *env, void *ud) {
  (void)env;
  (void)ud;
  return SE_OK;
}

static se_status pair_event(se_env *env, se_event_kind kind, const se_expr *a, const se_expr *b,
                            se_status (*run)(se_env *, void *)) {
  if (!env) return SE_INVALID;
  if (!a || !b)
    return se__fail(env->ctx, SE_INVALID, "%s: NULL argument", se__event_name(kind));
  pair_call c = {a, b};
  se_evarg args[] = {ARG_EXPR(a), ARG_EXPR(b)};
  return se__rec_call(env, kind, args, NARGS(args), run, &c);
}

se_status se_env_eliminate_unbacked(se_env *env, const se_expr *orig_s, const se_expr *new_s) {
  return pair_event(env, SE_EV_ELIMINATE_UNBACKED, orig_s, new_s, run_eliminate);
}
se_status se_env_rename_unbacked_to(se_env *env, const se_expr *orig_s, const se_expr *new_s) {
  return pair_event(env, SE_EV_RENAME_UNBACKED_TO, orig_s, new_s, run_rename);
}
se_status se_env_constrain_is_bounded(se_env *env, const se_expr *a, const se_expr *upper_bound) {
  return pair_event(env, SE_EV_CONSTRAIN_IS_BOUNDED, a, upper_bound, run_is_bounded);
}

static se_status run_freeze(se_env *env, void *ud) {
  (void)ud;
  return se__env_freeze(env);
}
static se_status run_freeze_ra(se_env *env, void *ud) {
  (void)ud;
  return se__env_freeze_runtime_asserts(env);
}
static se_status run_suppress_enter(se_env *env, void *ud) {
  (void)ud;
  return se__env_suppress_guards_enter(env);
}
static se_status run_suppress_exit(se_env *env, void *ud) {
  (void)ud;
  return se__env_suppress_guards_exit(env);
}

se_status se_env_freeze(se_env *env) {
  return env ? se__rec_call(env, SE_EV_FREEZE, NULL, 0, run_freeze, NULL) : SE_INVALID;
}
se_status se_env_freeze_runtime_asserts(se_env *env) {
  return env ? se__rec_call(env, SE_EV_FREEZE_RUNTIME_ASSERTS, NULL, 0, run_freeze_ra, NULL)
             : SE_INVALID;
}
se_status se_env_suppress_guards_enter(se_env *env) {
  return env ? se__rec_call(env, SE_EV_SUPPRESS_GUARDS_ENTER, NULL, 0, run_suppress_enter, NULL)
             : SE_INVALID;
}
se_status se_env_suppress_guards_exit(se_env *env) {
  return env ? se__rec_call(env, SE_EV_SUPPRESS_GUARDS_EXIT, NULL, 0, run_suppress_exit, NULL)
             : SE_INVALID;
}

/* ---- deciding ------------------------------------------------------------------ */

typedef struct evaluate_call {
  const se_expr *expr, *hint, *fallback;
  int32_t fx;
  bool size_oblivious, forcing_spec, suppress;
  const se_expr **out;
} evaluate_call;

/* PyTorch's _evaluate_expr reads the thread's suppress_guards flag, which
 * _inner_evaluate_expr records as _suppress_guards_tls: the call runs under
 * that flag (suppress_guards is not state; it is restored afterwards). */
static se_status run_evaluate(se_env *env, void *ud) {
  evaluate_call *c = ud;
  bool saved = env->suppress_guards;
  env->suppress_guards = c->suppress;
  se_status st = se__env_evaluate_expr(env, c->expr, c->hint, c->fx, c->size_oblivious,
                                       c->fallback, c->forcing_spec, c->out);
  env->suppress_guards = saved;
  return st;
}

se_status se__api_evaluate_expr(se_env *env, const se_expr *expr, const se_expr *hint, int32_t fx,
                                bool size_oblivious, bool forcing_spec, bool suppress_guards_tls,
                                const se_expr *fallback, const se_expr **out) {
  if (!env) return SE_INVALID;
  if (!expr) return se__fail(env->ctx, SE_INVALID, "se_env_evaluate_expr: NULL expression");
  const se_expr *r = NULL;
  evaluate_call c = {expr,         hint,         fallback, fx, size_oblivious,
                     forcing_spec, suppress_guards_tls, &r};
  se_evarg a[] = {ARG_EXPR(expr),         ARG_EXPR(hint),
                  arg_fx(env, fx),        ARG_BOOL(size_oblivious),
                  ARG_BOOL(forcing_spec), ARG_BOOL(suppress_guards_tls),
                  ARG_EXPR(fallback)};
  se__rec_result(env, &r);
  se_status st = se__rec_call(env, SE_EV_EVALUATE_EXPR, a, NARGS(a), run_evaluate, &c);
  if (st == SE_OK && out) *out = r;
  return st;
}

se_status se_env_evaluate_expr(se_env *env, const se_expr *expr, const se_expr *hint, int32_t fx,
                               bool size_oblivious, const se_expr *fallback, const se_expr **out) {
  if (!env) return SE_INVALID;
  return se__api_evaluate_expr(env, expr, hint, fx, size_oblivious, false, env->suppress_guards,
                               fallback, out);
}

typedef struct defer_call {
  const se_expr *expr;
  const char *msg;
  int32_t fx;
  bool *out;
} defer_call;

static se_status run_defer(se_env *env, void *ud) {
  defer_call *c = ud;
  return se__env_guard_or_defer(env, c->expr, c->msg, c->fx, c->out);
}

se_status se__api_guard_or_defer(se_env *env, const se_expr *expr, const char *msg, int32_t fx,
                                 bool *out) {
  if (!env) return SE_INVALID;
  if (!expr)
    return se__fail(env->ctx, SE_INVALID, "se_env_guard_or_defer_runtime_assert: NULL expression");
  const char *m = msg ? se__str_intern(env->ctx, msg, strlen(msg)) : NULL;
  if (msg && !m) return se__status(env->ctx);
  defer_call c = {expr, m, fx, out};
  se_evarg a[] = {ARG_EXPR(expr), ARG_STR(m), arg_fx(env, fx)};
  return se__rec_call(env, SE_EV_GUARD_OR_DEFER_RUNTIME_ASSERT, a, NARGS(a), run_defer, &c);
}

se_status se_env_guard_or_defer_runtime_assert(se_env *env, const se_expr *expr, const char *msg,
                                               int32_t fx) {
  return se__api_guard_or_defer(env, expr, msg, fx, NULL);
}

/* ---- construction and the recording API ------------------------------------------ */

se_env *se__env_new_recorded(se_ctx *ctx, const se_env_options *opt, bool record) {
  se_env *env = se__env_new(ctx, opt);
  if (!env || !env->opt.should_record_events) return env;
  (void)record;
  se_recorder *r = se__recorder(env);
  if (!r) {
    se_env_free(env);
    return NULL;
  }
  se_env_options_init(&r->ctor);
  if (opt) r->ctor = *opt;
  r->ctor.co_fields = env->opt.co_fields; /* the interned copies */
  se_event ev;
  memset(&ev, 0, sizeof ev);
  ev.kind = SE_EV_CONSTRUCTOR;
  if (!se__vec_push(&r->events, &ev)) {
    se__fail(ctx, SE_NOMEM, "out of memory recording the constructor event");
    se_env_free(env);
    return NULL;
  }
  return env;
}

se_env *se_env_new(se_ctx *ctx, const se_env_options *opt) {
  return se__env_new_recorded(ctx, opt, true);
}

size_t se_env_event_count(const se_env *env) {
  return env && env->rec && env->opt.should_record_events ? env->rec->events.n : 0;
}

char *se_env_event_str(se_env *env, size_t i) {
  if (!env) return NULL;
  if (i >= se_env_event_count(env)) {
    se__fail(env->ctx, SE_INVALID, "no event %zu (the environment has %zu)", i,
             se_env_event_count(env));
    return NULL;
  }
  se_buf b;
  se__buf_init(&b);
  se__rec_event_text(env, &b, &SE_VEC_AT(&env->rec->events, se_event, i));
  char *s = se__buf_take(&b);
  if (!s) se__fail(env->ctx, SE_NOMEM, "out of memory printing an event");
  return s;
}

se_status se_env_replay(se_env *env, size_t until, se_env **out) {
  if (!env || !out) return env ? se__fail(env->ctx, SE_INVALID, "se_env_replay: NULL out")
                               : SE_INVALID;
  return se__replay_events(env, until, out);
}

se_status se_env_set_location(se_env *env, const char *location) {
  if (!env) return SE_INVALID;
  se_recorder *r = se__recorder(env);
  if (!r) return se__status(env->ctx);
  if (!location) {
    r->next_location = NULL;
    return SE_OK;
  }
  r->next_location = se__str_intern(env->ctx, location, strlen(location));
  return r->next_location ? SE_OK : se__status(env->ctx);
}

void se_env_set_trace(se_env *env, se_trace_fn fn, void *ud) {
  if (!env) return;
  se_recorder *r = se__recorder(env);
  if (!r) return;
  r->trace = fn;
  r->trace_ud = ud;
}

static se_status run_track(se_env *env, void *ud) {
  const se_tracked *t = ud;
  se_recorder *r = se__recorder(env);
  if (!r) return se__status(env->ctx);
  se_tracked c = *t;
  if (c.is_tensor) {
    size_t d = c.tensor.dim ? c.tensor.dim : 1;
    se_sym *sz = se__arena_alloc(&r->arena, d * sizeof *sz);
    se_sym *st = se__arena_alloc(&r->arena, d * sizeof *st);
    if (!sz || !st) return se__fail(env->ctx, SE_NOMEM, "out of memory tracking a tensor");
    if (c.tensor.dim) {
      memcpy(sz, t->tensor.sizes, c.tensor.dim * sizeof *sz);
      memcpy(st, t->tensor.strides, c.tensor.dim * sizeof *st);
    }
    c.tensor.sizes = sz;
    c.tensor.strides = st;
  }
  if (!se__vec_push(&r->tracked, &c))
    return se__fail(env->ctx, SE_NOMEM, "out of memory tracking an input");
  r->tracked_version++;
  return SE_OK;
}

static se_status track(se_env *env, const se_tracked *t) {
  if (!se__recorder(env)) return se__status(env->ctx);
  se_evarg a[] = {ARG_SOURCE(t->source), {.kind = SE_ARG_TRACKED, .u.tracked = t}};
  return se__rec_call(env, SE_EV_TRACK_FAKE, a, NARGS(a), run_track, (void *)t);
}

se_status se_env_track_tensor(se_env *env, const se_source *src, const se_tensor_meta *t) {
  if (!env) return SE_INVALID;
  if (!src || !t || (t->dim && (!t->sizes || !t->strides)))
    return se__fail(env->ctx, SE_INVALID, "se_env_track_tensor: missing source or metadata");
  se_tracked x = {.source = src, .is_tensor = true, .tensor = *t};
  return track(env, &x);
}

se_status se_env_track_value(se_env *env, const se_source *src, se_sym v) {
  if (!env) return SE_INVALID;
  if (!src || !v.expr)
    return se__fail(env->ctx, SE_INVALID, "se_env_track_value: missing source or value");
  se_tracked x = {.source = src, .is_tensor = false, .value = v};
  return track(env, &x);
}

size_t se_env_tracked_count(const se_env *env) {
  return env && env->rec ? env->rec->tracked.n : 0;
}

se_status se_env_tracked(const se_env *env, size_t i, const se_source **src, se_placeholder *out) {
  if (!env) return SE_INVALID;
  if (!out || i >= se_env_tracked_count(env))
    return se__fail(env->ctx, SE_INVALID, "no tracked input %zu (the environment has %zu)", i,
                    se_env_tracked_count(env));
  const se_tracked *t = &SE_VEC_AT(&env->rec->tracked, se_tracked, i);
  memset(out, 0, sizeof *out);
  if (t->is_tensor) {
    out->kind = SE_PH_TENSOR;
    out->tensor = t->tensor;
  } else {
    out->kind = SE_PH_VALUE;
    out->value = t->value;
  }
  if (src) *src = t->source;
  return SE_OK;
}

size_t se_env_fx_node_count(const se_env *env) { return env ? env->fx_nodes.n : 0; }

se_status se_env_fx_node(const se_env *env, size_t i, se_fx_node_info *out) {
  if (!env) return SE_INVALID;
  if (!out || i >= env->fx_nodes.n)
    return se__fail(env->ctx, SE_INVALID, "no graph node %zu (the graph has %zu)", i,
                    env->fx_nodes.n);
  const se_fx_node *n = &SE_VEC_AT(&env->fx_nodes, se_fx_node, i);
  memset(out, 0, sizeof *out);
  out->name = n->name;
  out->target = n->target;
  out->placeholder = n->placeholder;
  out->live = se__fx_live(env, (int32_t)i);
  out->nargs = n->nargs;
  for (size_t k = 0; k < n->nargs && k < 3; k++) {
    out->arg_node[k] = n->args[k].node >= 0 ? fx_name(env, n->args[k].node) : NULL;
    out->arg_value[k] = n->args[k].node >= 0 ? NULL : n->args[k].value;
  }
  out->symbol = n->symbol;
  return SE_OK;
}

size_t se__env_tracked(se_env *env, const se_tracked **out) {
  if (!env->rec) {
    *out = NULL;
    return 0;
  }
  *out = env->rec->tracked.p;
  return env->rec->tracked.n;
}

/* ---- the validation graph's call nodes --------------------------------------------- */

typedef struct fx_call {
  const char *target;
  const se_fx_arg *args;
  size_t n;
  int32_t *node;
} fx_call;

static se_status run_fx_call(se_env *env, void *ud) {
  fx_call *c = ud;
  bool fresh = false;
  *c->node = se__fx_call(env, c->target, c->args, c->n, &fresh);
  return se__status(env->ctx) == SE_OK ? SE_OK : se__status(env->ctx);
}

se_status se__api_fx_call(se_env *env, const char *target, const se_fx_arg *args, size_t n,
                          int32_t *node) {
  *node = -1;
  if (!env->opt.translation_validation) return SE_OK; /* nothing to build or record */
  const char *t = se__str_intern(env->ctx, target, strlen(target));
  if (!t) return se__status(env->ctx);
  const char *names[3] = {NULL, NULL, NULL};
  const se_expr *vals[3] = {NULL, NULL, NULL};
  if (n > 3) return se__fail(env->ctx, SE_INVALID, "a call node takes at most 3 arguments");
  for (size_t i = 0; i < n; i++) {
    names[i] = args[i].node >= 0 ? fx_name(env, args[i].node) : NULL;
    vals[i] = args[i].value;
  }
  se_evarg a[2];
  a[0] = (se_evarg){.kind = SE_ARG_OP, .u.s = t};
  a[1].kind = SE_ARG_FXARGS;
  a[1].u.fxargs.n = n;
  a[1].u.fxargs.names = names;
  a[1].u.fxargs.values = vals;
  fx_call c = {t, args, n, node};
  return se__rec_call(env, SE_EV_CREATE_FX_CALL_FUNCTION, a, 2, run_fx_call, &c);
}

/* ---- replace and simplify: path compression as recorded _find calls -------------- */

typedef struct find_call {
  const se_expr *sym;
} find_call;

static se_status run_find(se_env *env, void *ud) {
  find_call *c = ud;
  return se__env_find(env, c->sym) ? SE_OK : se__status(env->ctx);
}

/* PyTorch's replace() is not recorded, but the _find it runs for each free
 * symbol with a replacement is: do the same, so that path compression only
 * ever happens inside a recorded call and replays identically. */
static bool find_free_symbols(se_env *env, const se_expr *expr) {
  se__elist fs = {0};
  bool ok = se__env_free_symbols(env->ctx, expr, &fs);
  for (size_t i = 0; ok && i < fs.n; i++) {
    const se_expr *s = fs.v[i];
    if (!se__map_find(&env->replacements, s, s->hash)) continue;
    find_call c = {s};
    se_evarg a[] = {ARG_EXPR(s)};
    ok = se__rec_call(env, SE_EV_FIND, a, NARGS(a), run_find, &c) == SE_OK;
  }
  se__elist_free(&fs);
  return ok;
}

const se_expr *se_env_replace(se_env *env, const se_expr *expr) {
  if (!env || !expr) return NULL;
  if (!find_free_symbols(env, expr)) return NULL;
  se__txn_begin(env);
  const se_expr *r = se__env_replace(env, expr);
  se__txn_end(env, r ? SE_OK : (se__status(env->ctx) ? se__status(env->ctx) : SE_INVALID));
  return r;
}

const se_expr *se_env_simplify(se_env *env, const se_expr *expr) {
  if (!env || !expr) return NULL;
  if (!find_free_symbols(env, expr)) return NULL;
  se__txn_begin(env);
  const se_expr *r = se__env_simplify(env, expr, false);
  se__txn_end(env, r ? SE_OK : (se__status(env->ctx) ? se__status(env->ctx) : SE_INVALID));
  return r;
}

/* ---- produce_guards ------------------------------------------------------------ */

/* Records _find for every replacement whose target still mentions a replaced
 * symbol, so the path compression produce_guards' simplification would do
 * happens in recorded calls (PyTorch records those _find calls too, as they
 * run outside any recorded call). */
static bool compress_replacements(se_env *env) {
  se__elist keys = {0};
  bool ok = true;
  SE_MAP_EACH(&env->replacements, e) {
    se__elist fs = {0};
    ok = se__env_free_symbols(env->ctx, e->val.p, &fs);
    for (size_t i = 0; ok && i < fs.n; i++)
      if (se__map_find(&env->replacements, fs.v[i], fs.v[i]->hash)) {
        ok = se__elist_push(env->ctx, &keys, e->key);
        break;
      }
    se__elist_free(&fs);
    if (!ok) break;
  }
  for (size_t i = 0; ok && i < keys.n; i++) {
    find_call c = {keys.v[i]};
    se_evarg a[] = {ARG_EXPR(keys.v[i])};
    ok = se__rec_call(env, SE_EV_FIND, a, NARGS(a), run_find, &c) == SE_OK;
  }
  se__elist_free(&keys);
  return ok;
}

se_status se__rec_produce_guards(se_env *env, const se_placeholder *ph,
                                 const se_source *const *sources, size_t n, bool ignore_static,
                                 bool verbose, bool simplified, char ***out, size_t *nout) {
  if (!env) return SE_INVALID;
  if (env->opt.check_recorded_events && env->rec && env->rec->events.n) {
    /* check_recorded_events: the replay must rebuild this very state. */
    se_env *r = NULL;
    se_status st = se__replay_events(env, SIZE_MAX, &r);
    if (st != SE_OK) return st;
    char *report = NULL;
    st = se_env_check_equal(env, r, &report);
    se_env_free(r);
    if (st == SE_NOT_EQUAL) {
      st = se__fail(env->ctx, SE_NOT_EQUAL, "%s", report ? report : "ShapeEnv not equal");
    }
    se_free(report);
    if (st != SE_OK) return st;
  }
  if (!compress_replacements(env)) return se__status(env->ctx);
  return se__env_produce_guards(env, ph, sources, n, ignore_static, verbose, simplified, out,
                                nout);
}
