/* Construction, settings and the transaction bracket of public calls. */
#include <stdlib.h>
#include <string.h>

#include "env/env.h"

void se__vec_init(se_vec *v, size_t elem) {
  memset(v, 0, sizeof *v);
  v->elem = elem;
}

void se__vec_free(se_vec *v) {
  free(v->p);
  v->p = NULL;
  v->n = v->cap = 0;
}

bool se__vec_push(se_vec *v, const void *x) {
  if (v->n == v->cap) {
    size_t ncap = v->cap ? v->cap * 2 : 8;
    void *np = realloc(v->p, ncap * v->elem);
    if (!np) return false;
    v->p = np;
    v->cap = ncap;
  }
  memcpy((char *)v->p + v->n * v->elem, x, v->elem);
  v->n++;
  return true;
}

void se_env_options_init(se_env_options *opt) {
  memset(opt, 0, sizeof *opt);
  opt->allow_scalar_outputs = true;
  opt->allow_dynamic_output_shape_ops = true;
  opt->specialize_zero_one = true;
  opt->duck_shape = true;
}

/* All maps of the environment, for init/free in one place. */
#define SE_ENV_MAPS(X)                                                             \
  X(axioms) X(unique_ids) X(backed_var_to_val) X(real_tensor_prop_unbacked_vals) \
  X(oblivious_var_to_val) X(var_to_range) X(var_to_sources) X(unbacked_inputs)      \
  X(var_to_hint_override) X(source_to_var) X(replacements) X(unbacked_renamings)    \
  X(divisible) X(size_like) X(val_to_var) X(deferred_runtime_asserts)               \
  X(source_to_symbol) X(unbacked_alloc_order) X(specializations) X(name_to_node)    \
  X(symbol_guard_counter) X(fx_node_cache)

se_env *se__env_new(se_ctx *ctx, const se_env_options *opt) {
  if (!ctx) return NULL;
  se_env *env = calloc(1, sizeof *env);
  if (!env) {
    se__fail(ctx, SE_NOMEM, "out of memory creating an environment");
    return NULL;
  }
  env->ctx = ctx;
  if (opt) {
    env->opt = *opt;
  } else {
    se_env_options_init(&env->opt);
  }
  if (!(env->opt.given & SE_SET_SHOULD_RECORD_EVENTS))
    env->opt.should_record_events = env->opt.translation_validation;
  /* PyTorch's config.check_shape_env_recorded_events, for test suites: every
   * environment that may record checks its replay at produce_guards. An
   * environment told explicitly not to record (a replayed one) is left alone. */
  /* PyTorch's inject_EVALUATE_EXPR_flip_equality_TESTING_ONLY: evaluate_expr
   * records a decided Eq/Ne negated (the validation graph keeps the true
   * decision), an unsound guard for testing validation and bisection.
   * Read here so replayed environments see it too. */
  const char *flip = getenv("SHAPEENV_INJECT_FLIP_EQUALITY_TESTING_ONLY");
  env->inject_flip_equality = flip && flip[0] == '1';
  const char *chk = getenv("SHAPEENV_CHECK_RECORDED_EVENTS");
  if (chk && chk[0] == '1' &&
      !((env->opt.given & SE_SET_SHOULD_RECORD_EVENTS) && !env->opt.should_record_events)) {
    env->opt.should_record_events = true;
    env->opt.check_recorded_events = true;
  }
  if (!env->opt.should_record_events) env->opt.check_recorded_events = false;
  /* co_fields are copied: the caller's strings may go away. */
  if (env->opt.n_co_fields) {
    const char **kv = se__arena_alloc(&ctx->arena, 2 * env->opt.n_co_fields * sizeof *kv);
    if (!kv) {
      free(env);
      se__fail(ctx, SE_NOMEM, "out of memory copying co_fields");
      return NULL;
    }
    for (size_t i = 0; i < 2 * env->opt.n_co_fields; i++) {
      const char *s = env->opt.co_fields[i] ? env->opt.co_fields[i] : "";
      kv[i] = se__str_intern(ctx, s, strlen(s));
      if (!kv[i]) {
        free(env);
        return NULL;
      }
    }
    env->opt.co_fields = kv;
  }
  se__vec_init(&env->guards, sizeof(se_guard));
  se__vec_init(&env->exclusion_constraints, sizeof(se_exclusion));
  se__vec_init(&env->fx_nodes, sizeof(se_fx_node));
  se__vec_init(&env->suppress_stack, sizeof(bool));
  se__vec_init(&env->pending_fresh_unbacked_symbols, sizeof(const se_expr *));
  se__vec_init(&env->undo, 1); /* element size set by state.c */
  se__vec_init(&env->prov, sizeof(se_prov));
  env->cur_event = -1;
#define INIT_MAP(f) se__map_init(&env->f);
  SE_ENV_MAPS(INIT_MAP)
#undef INIT_MAP
  return env;
}

void se_env_free(se_env *env) {
  if (!env) return;
  if (env->rec && env->rec_free) env->rec_free(env->rec);
#define FREE_MAP(f) se__map_free(&env->f);
  SE_ENV_MAPS(FREE_MAP)
#undef FREE_MAP
  se__vec_free(&env->guards);
  se__vec_free(&env->exclusion_constraints);
  se__vec_free(&env->fx_nodes);
  se__vec_free(&env->suppress_stack);
  se__vec_free(&env->pending_fresh_unbacked_symbols);
  se__vec_free(&env->undo);
  se__vec_free(&env->prov);
  free(env);
}

se_ctx *se_env_ctx(const se_env *env) { return env->ctx; }

void se__txn_begin(se_env *env) {
  if (env->txn_depth++ == 0) {
    env->undo.n = 0;
    env->prov_mark = env->prov.n;
  }
}

se_status se__txn_end(se_env *env, se_status st) {
  if (--env->txn_depth > 0) return st;
  if (st != SE_OK) {
    se__st_rollback(env, 0);
    env->prov.n = env->prov_mark; /* a failed call leaves no provenance either */
  }
  env->undo.n = 0;
  return st;
}

void se_env_set_provenance(se_env *env, bool on) {
  if (env) env->provenance = on;
}

/* Dynamo's set_current_node: the text is interned in the context, so the
 * graph nodes made from now on can keep the pointer. Not state and not
 * recorded (an event log does not carry it). */
se_status se_env_set_current_node(se_env *env, const char *node) {
  if (!env) return SE_INVALID;
  if (!node) {
    env->current_node = NULL;
    return SE_OK;
  }
  const char *s = se__str_intern(env->ctx, node, strlen(node));
  if (!s) return se__status(env->ctx) ? se__status(env->ctx) : SE_NOMEM;
  env->current_node = s;
  return SE_OK;
}
