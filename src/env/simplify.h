/* simplify.c / evaluate.c internals shared between the two files (and with
 * whoever needs them: symval.c, guards.c). Not part of env.h's contract. */
#ifndef SE_ENV_SIMPLIFY_H
#define SE_ENV_SIMPLIFY_H

#include "env/env.h"

/* Room a caller of se__get_implications must provide: an Lt yields ten
 * distinct implications (env.h's "up to 8" holds for Eq only). */
#define SE_IMPLICATIONS_MAX 12

/* Hash used with &env->none_key as the key None of deferred_runtime_asserts. */
#define SE_ENV_NONE_KEY_HASH ((uint64_t)0)

/* A malloc-backed list of nodes. */
typedef struct se__elist {
  const se_expr **v; /* elements */
  size_t n;          /* used */
  size_t cap;        /* allocated */
} se__elist;

/* Appends e (a NULL e is ignored); false when out of memory (recorded). */
bool se__elist_push(se_ctx *ctx, se__elist *l, const se_expr *e);
/* Appends e unless it is already there. */
bool se__elist_add(se_ctx *ctx, se__elist *l, const se_expr *e);
bool se__elist_has(const se__elist *l, const se_expr *e);
void se__elist_free(se__elist *l);
/* Free symbols of e in first-occurrence order (appended to out). */
bool se__env_free_symbols(se_ctx *ctx, const se_expr *e, se__elist *out);
/* SymPy's xreplace: every subtree equal to keys[i] becomes vals[i] (outermost
 * match wins); changed nodes are rebuilt with their evaluating constructor. */
const se_expr *se__env_xreplace(se_ctx *ctx, const se_expr *e, const se_expr *const *keys,
                                const se_expr *const *vals, size_t n);
/* xreplace by the entries of a symbol -> value map (the hints). */
const se_expr *se__env_xreplace_map(se_ctx *ctx, const se_expr *e, const se_map *m);
/* oblivious_var_to_val's counterfactual: e's hint under those values if it
 * equals the hint with each value raised to at least 2, else NULL. */
const se_expr *se__env_oblivious_hint(se_env *env, const se_expr *e);
/* bound_sympy(e) over the environment's var_to_range; size_oblivious clamps
 * size-like symbols to [2, int_oo]. */
se_range se__env_bound(se_env *env, const se_expr *e, bool size_oblivious);
/* e contains a node of kind k (FloorDiv also matches CleanDiv). */
bool se__env_has_kind(const se_expr *e, se_kind k);
/* The symbol is backed (has a hint in backed_var_to_val). */
bool se__env_is_backed(const se_env *env, const se_expr *sym);
/* size_hint(e, allow_none): the value of e under the hints. With allow_none
 * an unknown hint gives NULL without error; otherwise SE_DATA_DEPENDENT. */
const se_expr *se__env_size_hint(se_env *env, const se_expr *e, bool allow_none);
/* The data-dependent error of PyTorch (records it, returns the status). */
se_status se__env_data_dependent(se_env *env, const se_expr *expr, const se_expr *unhinted);

/* guard_or_defer_runtime_assert with its answer (PyTorch's return value). */
se_status se__env_guard_or_defer(se_env *env, const se_expr *e, const char *msg, int32_t fx,
                                 bool *out);
/* _maybe_guard_rel(expr): replacements, range refinement, divisibility. */
se_status se__env_maybe_guard_rel(se_env *env, const se_expr *expr);

#endif
