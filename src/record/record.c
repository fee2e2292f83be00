/* Recording: the event table's metadata, the recorder of an environment,
 * and se__rec_call, through which every public mutating call runs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "record/record.h"
#include "record/recorder.h"

/* ---- the table ------------------------------------------------------------ */

#define SE_P(kind, name) #name,
static const char *const p_names_all[] = {
#define SE_EVENT(id, name, fakes, params) params
#include "record/events.def"
#undef SE_EVENT
    NULL};
#undef SE_P

#define SE_P(kind, name) SE_ARG_##kind,
static const se_argkind p_kinds_all[] = {
#define SE_EVENT(id, name, fakes, params) params
#include "record/events.def"
#undef SE_EVENT
    SE_ARG_INT};
#undef SE_P

#define SE_P(kind, name) +1
static const size_t p_counts[] = {
    0, /* constructor */
#define SE_EVENT(id, name, fakes, params) 0 params,
#include "record/events.def"
#undef SE_EVENT
};
#undef SE_P

static const char *const ev_names[] = {
    "ShapeEnv",
#define SE_EVENT(id, name, fakes, params) name,
#include "record/events.def"
#undef SE_EVENT
};

static const bool ev_fakes[] = {
    false,
#define SE_EVENT(id, name, fakes, params) fakes,
#include "record/events.def"
#undef SE_EVENT
};

const char *se__event_name(se_event_kind k) {
  return (unsigned)k < SE_EV_COUNT ? ev_names[k] : "?";
}

bool se__event_saves_fakes(se_event_kind k) { return (unsigned)k < SE_EV_COUNT && ev_fakes[k]; }

size_t se__event_params(se_event_kind k, const char *const **names, const se_argkind **kinds) {
  if ((unsigned)k >= SE_EV_COUNT) return 0;
  size_t off = 0;
  for (unsigned i = 0; i < (unsigned)k; i++) off += p_counts[i];
  if (names) *names = p_names_all + off;
  if (kinds) *kinds = p_kinds_all + off;
  return p_counts[k];
}

/* ---- the recorder ---------------------------------------------------------- */

static void recorder_free(se_recorder *r) {
  if (r->log) fclose(r->log); /* an event log left open by its caller */
  se__vec_free(&r->events);
  se__vec_free(&r->tracked);
  se__arena_free(&r->arena);
  free(r);
}

se_recorder *se__recorder(se_env *env) {
  if (env->rec) return env->rec;
  se_recorder *r = calloc(1, sizeof *r);
  if (!r) {
    se__fail(env->ctx, SE_NOMEM, "out of memory creating the event recorder");
    return NULL;
  }
  se__vec_init(&r->events, sizeof(se_event));
  se__vec_init(&r->tracked, sizeof(se_tracked));
  se__arena_init(&r->arena);
  env->rec = r;
  env->rec_free = recorder_free;
  return r;
}

/* Copies a tensor meta's arrays into the recorder arena. */
static bool copy_meta(se_recorder *r, se_tensor_meta *m) {
  size_t d = m->dim ? m->dim : 1;
  se_sym *sz = se__arena_alloc(&r->arena, d * sizeof *sz);
  se_sym *st = se__arena_alloc(&r->arena, d * sizeof *st);
  if (!sz || !st) return false;
  if (m->dim) {
    memcpy(sz, m->sizes, m->dim * sizeof *sz);
    memcpy(st, m->strides, m->dim * sizeof *st);
  }
  m->sizes = sz;
  m->strides = st;
  return true;
}

/* Copies what args point to into the recorder's arena (expressions,
 * sources and strings are interned and shared as they are). */
static bool copy_args(se_env *env, se_recorder *r, const se_evarg *in, size_t n,
                      se_evarg **out) {
  se_evarg *a = n ? se__arena_alloc(&r->arena, n * sizeof *a) : NULL;
  if (n && !a) return false;
  for (size_t i = 0; i < n; i++) {
    a[i] = in[i];
    switch (in[i].kind) {
    case SE_ARG_CONSTRAINT:
      if (in[i].u.c) {
        se_constraint *c = se__arena_alloc(&r->arena, sizeof *c);
        if (!c) return false;
        *c = *in[i].u.c;
        a[i].u.c = c;
      }
      break;
    case SE_ARG_TENSOR: {
      const se_tensor_spec *t = in[i].u.t;
      se_tensor_spec *c = se__arena_alloc(&r->arena, sizeof *c);
      if (!c) return false;
      *c = *t;
      size_t d = t->dim ? t->dim : 1;
      int64_t *sz = se__arena_alloc(&r->arena, d * sizeof *sz);
      int64_t *st = se__arena_alloc(&r->arena, d * sizeof *st);
      if (!sz || !st) return false;
      if (t->dim) {
        memcpy(sz, t->sizes, t->dim * sizeof *sz);
        memcpy(st, t->strides, t->dim * sizeof *st);
      }
      c->sizes = sz;
      c->strides = st;
      if (t->dynamic_sizes) {
        se_dim_dynamic *v = se__arena_alloc(&r->arena, d * sizeof *v);
        if (!v) return false;
        memcpy(v, t->dynamic_sizes, t->dim * sizeof *v);
        c->dynamic_sizes = v;
      }
      if (t->dynamic_strides) {
        se_dim_dynamic *v = se__arena_alloc(&r->arena, d * sizeof *v);
        if (!v) return false;
        memcpy(v, t->dynamic_strides, t->dim * sizeof *v);
        c->dynamic_strides = v;
      }
      if (t->constraint_sizes) {
        se_constraint *v = se__arena_alloc(&r->arena, d * sizeof *v);
        if (!v) return false;
        memcpy(v, t->constraint_sizes, t->dim * sizeof *v);
        c->constraint_sizes = v;
      }
      if (t->constraint_strides) {
        se_constraint *v = se__arena_alloc(&r->arena, d * sizeof *v);
        if (!v) return false;
        memcpy(v, t->constraint_strides, t->dim * sizeof *v);
        c->constraint_strides = v;
      }
      if (t->is_dim_dynamic) {
        bool *v = se__arena_alloc(&r->arena, d * sizeof *v);
        if (!v) return false;
        memcpy(v, t->is_dim_dynamic, t->dim * sizeof *v);
        c->is_dim_dynamic = v;
      }
      if (t->excluded_sizes) {
        se_opt_int *v = se__arena_alloc(&r->arena, d * sizeof *v);
        if (!v) return false;
        memcpy(v, t->excluded_sizes, t->dim * sizeof *v);
        c->excluded_sizes = v;
      }
      if (t->hint_overrides) {
        se_opt_int *v = se__arena_alloc(&r->arena, d * sizeof *v);
        if (!v) return false;
        memcpy(v, t->hint_overrides, t->dim * sizeof *v);
        c->hint_overrides = v;
      }
      a[i].u.t = c;
      break;
    }
    case SE_ARG_FXARGS: {
      size_t m = in[i].u.fxargs.n;
      const char **names = se__arena_alloc(&r->arena, (m ? m : 1) * sizeof *names);
      const se_expr **vals = se__arena_alloc(&r->arena, (m ? m : 1) * sizeof *vals);
      if (!names || !vals) return false;
      if (m) {
        memcpy(names, in[i].u.fxargs.names, m * sizeof *names);
        memcpy(vals, in[i].u.fxargs.values, m * sizeof *vals);
      }
      a[i].u.fxargs.names = names;
      a[i].u.fxargs.values = vals;
      break;
    }
    case SE_ARG_TRACKED: {
      se_tracked *c = se__arena_alloc(&r->arena, sizeof *c);
      if (!c) return false;
      *c = *in[i].u.tracked;
      if (c->is_tensor && !copy_meta(r, &c->tensor)) return false;
      a[i].u.tracked = c;
      break;
    }
    default: break;
    }
  }
  (void)env;
  *out = a;
  return true;
}

bool se__rec_snapshot(se_env *env, se_recorder *r, se_event *ev) {
  (void)env;
  ev->has_fakes = true;
  ev->nfakes = r->tracked.n;
  if (!r->tracked.n) {
    ev->fakes = NULL;
    return true;
  }
  /* Snapshots are immutable: while the tracked inputs are unchanged, every
   * event shares the last one (no copy, no memory per event). */
  if (r->snap && r->snap_version == r->tracked_version + 1) {
    ev->fakes = r->snap;
    ev->fakes_shared = true;
    return true;
  }
  se_tracked *f = se__arena_alloc(&r->arena, r->tracked.n * sizeof *f);
  if (!f) return false;
  memcpy(f, r->tracked.p, r->tracked.n * sizeof *f);
  for (size_t i = 0; i < r->tracked.n; i++)
    if (f[i].is_tensor && !copy_meta(r, &f[i].tensor)) return false;
  ev->fakes = f;
  r->snap = f;
  r->snap_n = r->tracked.n;
  r->snap_version = r->tracked_version + 1;
  return true;
}

se_status se__rec_call(se_env *env, se_event_kind kind, const se_evarg *args, size_t nargs,
                       se_status (*impl)(se_env *env, void *ud), void *ud) {
  se_recorder *r = env->rec;
  bool record = env->opt.should_record_events && r && !r->is_recording;
  const char *location = NULL;
  const se_expr *const *result = r ? r->result_slot : NULL;
  if (r) r->result_slot = NULL;
  if (r && !r->is_recording) {
    location = r->next_location; /* belongs to this outermost call only */
    r->next_location = NULL;
  }
  if (r && r->trace) se__rec_trace_call(env, r, kind, args, nargs);
  if (r) r->depth++;
  se_status st;
  if (!record) {
    se__txn_begin(env);
    st = se__txn_end(env, impl(env, ud));
  } else {
    se_event ev;
    memset(&ev, 0, sizeof ev);
    ev.kind = kind;
    ev.nargs = nargs;
    ev.location = location;
    if (!copy_args(env, r, args, nargs, &ev.args) ||
        (se__event_saves_fakes(kind) && !se__rec_snapshot(env, r, &ev)) ||
        !se__vec_push(&r->events, &ev)) {
      if (r) r->depth--;
      return se__fail(env->ctx, SE_NOMEM, "out of memory recording event %s",
                      se__event_name(kind));
    }
    r->is_recording = true;
    int64_t outer_event = env->cur_event;
    env->cur_event = (int64_t)r->events.n - 1;
    se__txn_begin(env);
    st = se__txn_end(env, impl(env, ud));
    env->cur_event = outer_event;
    r->is_recording = false;
    if (st != SE_OK) r->events.n--; /* the failed call leaves no event */
    else if (r->log) se__log_stream(env, r, r->events.n - 1); /* a complete line per event */
  }
  if (r) {
    r->depth--;
    if (r->trace) se__rec_trace_result(env, r, st, result);
  }
  return st;
}
