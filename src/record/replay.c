/* Replay: a fresh environment from the constructor event, then every later
 * event run through the same public calls (the replayed environment never
 * records). Arguments that name validation-graph nodes are rebound by name
 * in the new environment. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "record/recorder.h"

/* Node index of name in env (NULL name: none); -2 when it does not exist. */
static int32_t rebind(const se_env *env, const char *name) {
  if (!name) return -1;
  se_map_entry *e = se__map_find(&env->name_to_node, name, se__str_hash(name, strlen(name)));
  return e ? (int32_t)e->val.i : -2;
}

static se_status missing_node(se_env *env, size_t index, const char *name) {
  (void)index; /* the caller names the event */
  return se__fail(env->ctx, SE_NOTFOUND, "node %s does not exist at that point", name);
}

static se_status bind_sym(se_env *dst, size_t index, const se_evarg *a, se_sym *out) {
  *out = a->u.sym.v;
  out->fx = rebind(dst, a->u.sym.fxname);
  if (out->fx == -2) return missing_node(dst, index, a->u.sym.fxname);
  return SE_OK;
}

/* Runs event ev (index i) on dst. */
static se_status run_event(se_env *dst, size_t i, const se_event *ev) {
  const se_evarg *a = ev->args;
  const se_expr *e = NULL;
  se_sym s;
  se_tensor_meta t;
  int32_t fx;
  switch (ev->kind) {
  case SE_EV_CREATE_SYMBOL:
    return se__api_create_symbol(dst, a[0].u.num, a[1].u.src, (se_dim_dynamic)a[2].u.i, a[3].u.c,
                                 (int)a[4].u.i, a[5].u.b, &e);
  case SE_EV_CREATE_UNSPECIFIED_SYMBOL:
    return se__api_create_unspecified_symbol(dst, a[0].u.num, a[1].u.src,
                                             (se_dim_dynamic)a[2].u.i, &e);
  case SE_EV_CREATE_UNSPECIFIED_SYMINT_AND_SYMBOL:
    return se_env_create_unspecified_symint_and_symbol(dst, a[0].u.i, a[1].u.src,
                                                       (se_dim_dynamic)a[2].u.i, &a[3].u.oi, &s);
  case SE_EV_CREATE_SYMINTNODE: return se_env_create_symintnode(dst, a[0].u.e, a[1].u.e, a[2].u.src, &s);
  case SE_EV_CREATE_SYMFLOATNODE:
    return se_env_create_symfloatnode(dst, a[0].u.e, a[1].u.e, a[2].u.src, &s);
  case SE_EV_CREATE_UNBACKED_SYMINT: return se__api_create_unbacked_symint(dst, a[0].u.src, &s);
  case SE_EV_CREATE_UNBACKED_SYMFLOAT: return se_env_create_unbacked_symfloat(dst, &s);
  case SE_EV_CREATE_UNBACKED_SYMBOOL: return se_env_create_unbacked_symbool(dst, &s);
  case SE_EV_CREATE_TENSOR: return se_env_create_tensor(dst, a[0].u.t, a[1].u.src, &t);
  case SE_EV_CONSTRAIN_SYMBOL_RANGE:
    return se_env_constrain_symbol_range(dst, a[0].u.e, a[1].u.e, a[2].u.e);
  case SE_EV_CONSTRAIN_RANGE_FOR_SIZE:
    return se_env_constrain_range_for_size(dst, a[0].u.e, a[1].u.e, a[2].u.e);
  case SE_EV_CONSTRAIN_RANGE: return se_env_constrain_range(dst, a[0].u.e, a[1].u.e, a[2].u.e);
  case SE_EV_CONSTRAIN_UNIFY: {
    se_sym x, y;
    se_status st = bind_sym(dst, i, &a[0], &x);
    if (st == SE_OK) st = bind_sym(dst, i, &a[1], &y);
    return st == SE_OK ? se_env_constrain_unify(dst, x, y) : st;
  }
  case SE_EV_IGNORE_FRESH_UNBACKED_SYMBOLS_SET:
    return se_env_ignore_fresh_unbacked_symbols_set(dst, a[0].u.b, NULL);
  case SE_EV_FREEZE: return se_env_freeze(dst);
  case SE_EV_FREEZE_RUNTIME_ASSERTS: return se_env_freeze_runtime_asserts(dst);
  case SE_EV_SUPPRESS_GUARDS_ENTER: return se_env_suppress_guards_enter(dst);
  case SE_EV_SUPPRESS_GUARDS_EXIT: return se_env_suppress_guards_exit(dst);
  case SE_EV_EVALUATE_EXPR:
    fx = rebind(dst, a[2].u.fxname);
    if (fx == -2) return missing_node(dst, i, a[2].u.fxname);
    return se__api_evaluate_expr(dst, a[0].u.e, a[1].u.e, fx, a[3].u.b, a[4].u.b, a[5].u.b,
                                 a[6].u.e, &e);
  case SE_EV_GUARD_OR_DEFER_RUNTIME_ASSERT:
    fx = rebind(dst, a[2].u.fxname);
    if (fx == -2) return missing_node(dst, i, a[2].u.fxname);
    return se_env_guard_or_defer_runtime_assert(dst, a[0].u.e, a[1].u.s, fx);
  case SE_EV_FIND:
    return se_env_replace(dst, a[0].u.e) ? SE_OK : se__status(dst->ctx);
  case SE_EV_CREATE_FX_CALL_FUNCTION: {
    size_t n = a[1].u.fxargs.n;
    se_fx_arg args[3];
    if (n > 3) return se__fail(dst->ctx, SE_INVALID, "event %zu: too many call arguments", i);
    for (size_t k = 0; k < n; k++) {
      const char *nm = a[1].u.fxargs.names[k];
      args[k].node = nm ? rebind(dst, nm) : -1;
      if (args[k].node == -2) return missing_node(dst, i, nm);
      args[k].value = a[1].u.fxargs.values[k];
    }
    int32_t node;
    return se__api_fx_call(dst, a[0].u.s, args, n, &node);
  }
  case SE_EV_ELIMINATE_UNBACKED: return se_env_eliminate_unbacked(dst, a[0].u.e, a[1].u.e);
  case SE_EV_RENAME_UNBACKED_TO: return se_env_rename_unbacked_to(dst, a[0].u.e, a[1].u.e);
  case SE_EV_CONSTRAIN_IS_BOUNDED: return se_env_constrain_is_bounded(dst, a[0].u.e, a[1].u.e);
  case SE_EV_SET_REAL_TENSOR_PROP_UNBACKED_VALS:
    return se_env_set_real_tensor_prop_unbacked_vals(dst, a[0].u.e, a[1].u.e);
  case SE_EV_RECORD_EXCLUSION_CONSTRAINT:
    return se_env_record_exclusion_constraint(dst, a[0].u.e, a[1].u.i);
  case SE_EV_TRACK_FAKE: {
    const se_tracked *tr = a[1].u.tracked;
    if (tr->is_tensor) return se_env_track_tensor(dst, a[0].u.src, &tr->tensor);
    se_sym v = tr->value;
    v.fx = -1;
    return se_env_track_value(dst, a[0].u.src, v);
  }
  default:
    return se__fail(dst->ctx, SE_INVALID, "event %zu: cannot replay %s", i,
                    se__event_name(ev->kind));
  }
}

se_status se__replay_event(se_env *dst, size_t index, const se_event *ev) {
  dst->cur_event = (int64_t)index;
  se_status st = run_event(dst, index, ev);
  dst->cur_event = -1;
  return st;
}

se_status se__replay_events(se_env *env, size_t until, se_env **out) {
  *out = NULL;
  se_recorder *r = env->rec;
  if (!r || r->events.n == 0)
    return se__fail(env->ctx, SE_STATE, "the environment has no recorded events to replay");
  se_env_options opt = r->ctor;
  opt.should_record_events = false;
  opt.given |= SE_SET_SHOULD_RECORD_EVENTS;
  se_env *dst = se__env_new_recorded(env->ctx, &opt, false);
  if (!dst) return se__status(env->ctx);
  size_t last = until < r->events.n ? until : r->events.n - 1;
  for (size_t i = 1; i <= last; i++) {
    const se_event *ev = &SE_VEC_AT(&r->events, se_event, i);
    dst->cur_event = (int64_t)i; /* provenance refers to the original's indices */
    se_status st = run_event(dst, i, ev);
    dst->cur_event = -1;
    if (st != SE_OK) {
      /* Name the event in the message: "failed when running event i: ..." */
      se_buf b;
      se__buf_init(&b);
      se__rec_event_text(env, &b, ev);
      char msg[sizeof env->ctx->errmsg];
      snprintf(msg, sizeof msg, "%s", se_errmsg(env->ctx));
      se_clear_error(env->ctx);
      se__fail(env->ctx, st, "failed when running event %zu: %s: %s", i, b.p ? b.p : "?", msg);
      se__buf_free(&b);
      se_env_free(dst);
      return st;
    }
  }
  *out = dst;
  return SE_OK;
}
