/* Event logs as JSON Lines files (docs/event-log.md): the writer (a whole
 * log, or a stream that appends each event as its call returns) and the
 * streaming reader that replays a log into a new environment.
 *
 * Every line is built and read with jansson. The argument schema of each
 * event comes from the event table (events.def), so a new event needs no
 * change here unless it brings a new argument kind. The reader converts a
 * whole line into an se_event in a scratch arena before anything runs, so
 * a line that fails to read replays nothing; the arena is reset per line,
 * which keeps memory constant beyond the replayed state itself. */
/* getline (POSIX.1-2008) */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include <jansson.h>

#include "base/strtab.h"
#include "expr/parse.h"
#include "record/recorder.h"

#define LOG_FORMAT "shapeenv-events"
#define LOG_VERSION 2     /* the version written */
#define LOG_VERSION_MIN 1 /* the oldest version read */
#define DUMP_FLAGS (JSON_PRESERVE_ORDER | JSON_COMPACT)

/* DimDynamic names as written (PyTorch 2.13's; OBLIVIOUS_SIZE is ours). A
 * version-1 log wrote SIZE_LIKE_UNBACKED for UNBACKED; it is read in both. */
static const char *const dim_names[] = {"DYNAMIC", "DUCK", "STATIC", "UNBACKED",
                                        "INFER_STRIDE", "OBLIVIOUS_SIZE"};
#define N_DIMS (sizeof dim_names / sizeof dim_names[0])
#define OLD_UNBACKED_NAME "SIZE_LIKE_UNBACKED"

static const char *const type_names[] = {"int", "float", "bool"};

/* The settings a constructor line may carry, in the order they are written
 * (the SE_SET_* bit and the PyTorch keyword). co_fields is separate. */
typedef struct setting_desc {
  uint32_t bit;
  const char *name;
  size_t off; /* offset of the bool in se_env_options */
} setting_desc;

static const setting_desc settings[] = {
    {SE_SET_ALLOW_SCALAR_OUTPUTS, "allow_scalar_outputs",
     offsetof(se_env_options, allow_scalar_outputs)},
    {SE_SET_ALLOW_DYNAMIC_OUTPUT_SHAPE_OPS, "allow_dynamic_output_shape_ops",
     offsetof(se_env_options, allow_dynamic_output_shape_ops)},
    {SE_SET_ASSUME_STATIC_BY_DEFAULT, "assume_static_by_default",
     offsetof(se_env_options, assume_static_by_default)},
    {SE_SET_SPECIALIZE_ZERO_ONE, "specialize_zero_one",
     offsetof(se_env_options, specialize_zero_one)},
    {SE_SET_DUCK_SHAPE, "duck_shape", offsetof(se_env_options, duck_shape)},
    {SE_SET_PREFER_DEFERRED_RUNTIME_ASSERTS, "prefer_deferred_runtime_asserts_over_guards",
     offsetof(se_env_options, prefer_deferred_runtime_asserts_over_guards)},
    {SE_SET_TRACE_ASSERTS, "trace_asserts", offsetof(se_env_options, trace_asserts)},
    {SE_SET_SHOULD_RECORD_EVENTS, "should_record_events",
     offsetof(se_env_options, should_record_events)},
};
#define N_SETTINGS (sizeof settings / sizeof settings[0])

static bool *setting_ptr(se_env_options *o, const setting_desc *d) {
  return (bool *)(void *)((char *)o + d->off);
}

/* ==== writing ================================================================ */

/* The state of writing one or more lines: the first failure and its text.
 * The writer never touches the context's error while streaming (the call
 * that produced the event has already succeeded). */
typedef struct writer {
  se_env *env;
  se_status st;  /* first failure, SE_OK when none */
  char msg[256]; /* its message */
} writer;

static json_t *wfail(writer *w, se_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static json_t *wfail(writer *w, se_status st, const char *fmt, ...) {
  if (w->st == SE_OK) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(w->msg, sizeof w->msg, fmt, ap);
    va_end(ap);
    w->st = st;
  }
  return NULL;
}

static json_t *wnomem(writer *w) { return wfail(w, SE_NOMEM, "out of memory writing the event log"); }

/* Sets obj[key] = v (stealing v); false (failure recorded) when v is NULL. */
static bool put(writer *w, json_t *obj, const char *key, json_t *v) {
  if (!v) {
    if (w->st == SE_OK) wnomem(w);
    return false;
  }
  if (json_object_set_new(obj, key, v) != 0) {
    wfail(w, SE_INVALID, "cannot write key %.60s to the event log (not UTF-8, or out of memory)",
          key);
    return false;
  }
  return true;
}

static bool push(writer *w, json_t *arr, json_t *v) {
  if (!v) {
    if (w->st == SE_OK) wnomem(w);
    return false;
  }
  if (json_array_append_new(arr, v) != 0) {
    wnomem(w);
    return false;
  }
  return true;
}

/* A JSON string of s (NULL: null). jansson takes UTF-8 only. */
static json_t *wstr(writer *w, const char *s) {
  if (!s) return json_null();
  json_t *j = json_string(s);
  if (!j) return wfail(w, SE_INVALID, "cannot write text to the event log (not UTF-8?): %.60s", s);
  return j;
}

/* Whether e holds a node whose text may not read back as itself: a Float
 * (SymPy prints 15 digits), CleanDiv (printed as FloorDiv is), SymPy's own
 * Mod (printed as PyTorch's Mod is) and a square root (printed "sqrt(x)"). */
static bool ambiguous(const se_expr *e) {
  if (e->kind == SE_K_FLOAT || e->kind == SE_K_CLEANDIV || e->kind == SE_K_SYMPY_MOD) return true;
  if (e->kind == SE_K_POW && e->args[1]->kind == SE_K_RATIONAL && e->args[1]->u.q.q == 2)
    return true;
  for (uint32_t i = 0; i < e->nargs; i++)
    if (ambiguous(e->args[i])) return true;
  return false;
}

/* SymPy's str() of e (NULL: null). An expression holding a node whose
 * text is ambiguous is read back once to make sure the log says exactly
 * what happened; one that would not read back is an error rather than a
 * log that replays to something else. */
static json_t *wexpr(writer *w, const se_expr *e) {
  if (!e) return json_null();
  se_buf b;
  se__buf_init(&b);
  se__str(&b, e, true);
  if (b.oom || !b.p) {
    se__buf_free(&b);
    return wnomem(w);
  }
  if (ambiguous(e)) {
    se_ctx *ctx = w->env->ctx;
    bool clean = se_last_status(ctx) == SE_OK;
    const se_expr *back = clean ? se__parse_exact(ctx, b.p, b.len) : e;
    if (clean && se_last_status(ctx) != SE_OK) se_clear_error(ctx);
    if (back != e) {
      wfail(w, SE_UNSUPPORTED,
            "expression %.80s would not read back as the same expression (its text "
            "cannot tell a Float of more than 15 digits, CleanDiv or SymPy's Mod apart)",
            b.p);
      se__buf_free(&b);
      return NULL;
    }
  }
  json_t *j = json_stringn(b.p, b.len);
  se__buf_free(&b);
  return j ? j : wnomem(w);
}

static json_t *wfloat(writer *w, double v) {
  (void)w;
  if (isnan(v)) return json_string("nan");
  if (isinf(v)) return json_string(v > 0 ? "inf" : "-inf");
  return json_real(v);
}

static json_t *wdim(writer *w, int64_t d) {
  if (d < 0 || (uint64_t)d >= N_DIMS) return wfail(w, SE_INVALID, "unknown DimDynamic %lld", (long long)d);
  return json_string(dim_names[d]);
}

static json_t *wconstraint(writer *w, const se_constraint *c) {
  if (!c || c->kind == SE_CONSTRAINT_NONE) return json_null();
  json_t *o = json_object();
  if (!o) return wnomem(w);
  bool ok;
  if (c->kind == SE_CONSTRAINT_RELAXED) {
    ok = put(w, o, "type", json_string("RelaxedUnspecConstraint")) &&
         put(w, o, "warn_only", json_boolean(c->warn_only));
  } else {
    ok = put(w, o, "type", json_string("StrictMinMaxConstraint")) &&
         put(w, o, "warn_only", json_boolean(c->warn_only)) &&
         put(w, o, "min", json_integer(c->lo)) &&
         put(w, o, "max", c->hi == INT64_MAX ? json_string("int_oo") : json_integer(c->hi));
  }
  if (!ok) {
    json_decref(o);
    return NULL;
  }
  return o;
}

/* {"expr", "hint", "type"} and, with_fx, "fx". */
static json_t *wsym(writer *w, const se_sym *v, bool with_fx, const char *fxname) {
  json_t *o = json_object();
  if (!o) return wnomem(w);
  bool ok = put(w, o, "expr", wexpr(w, v->expr)) && put(w, o, "hint", wexpr(w, v->hint)) &&
            put(w, o, "type", (unsigned)v->type < 3 ? json_string(type_names[v->type])
                                                    : wfail(w, SE_INVALID, "unknown value type"));
  if (ok && with_fx) ok = put(w, o, "fx", wstr(w, fxname));
  if (!ok) {
    json_decref(o);
    return NULL;
  }
  return o;
}

static json_t *wi64_list(writer *w, const int64_t *v, size_t n) {
  json_t *a = json_array();
  if (!a) return wnomem(w);
  for (size_t i = 0; i < n; i++)
    if (!push(w, a, json_integer(v[i]))) {
      json_decref(a);
      return NULL;
    }
  return a;
}

static json_t *wdim_list(writer *w, const se_dim_dynamic *v, size_t n) {
  json_t *a = json_array();
  if (!a) return wnomem(w);
  for (size_t i = 0; i < n; i++)
    if (!push(w, a, wdim(w, (int64_t)v[i]))) {
      json_decref(a);
      return NULL;
    }
  return a;
}

static json_t *wconstraint_list(writer *w, const se_constraint *v, size_t n) {
  json_t *a = json_array();
  if (!a) return wnomem(w);
  for (size_t i = 0; i < n; i++)
    if (!push(w, a, wconstraint(w, &v[i]))) {
      json_decref(a);
      return NULL;
    }
  return a;
}

static json_t *woptint(const se_opt_int *v) {
  return v->given ? json_integer(v->value) : json_null();
}

/* The size, stride, offset and nesting of the tensor, is_dim_dynamic, then
 * the symbolic context's fields the caller gave. hint_overrides (a dict in
 * PyTorch) is a list of [dim, value] pairs in dimension order, left out
 * when empty, as PyTorch treats an empty dict as none. */
static json_t *wtensor_spec(writer *w, const se_tensor_spec *t) {
  json_t *o = json_object();
  if (!o) return wnomem(w);
  bool ok = put(w, o, "size", wi64_list(w, t->sizes, t->dim)) &&
            put(w, o, "stride", wi64_list(w, t->strides, t->dim)) &&
            put(w, o, "storage_offset", json_integer(t->storage_offset)) &&
            put(w, o, "is_nested", json_boolean(t->is_nested));
  if (ok) {
    json_t *a = json_array();
    ok = put(w, o, "is_dim_dynamic", a);
    for (size_t i = 0; ok && i < t->dim; i++)
      ok = push(w, a, json_boolean(t->is_dim_dynamic && t->is_dim_dynamic[i]));
  }
  if (ok && t->dynamic_sizes) ok = put(w, o, "dynamic_sizes", wdim_list(w, t->dynamic_sizes, t->dim));
  if (ok && t->dynamic_strides)
    ok = put(w, o, "dynamic_strides", wdim_list(w, t->dynamic_strides, t->dim));
  if (ok && t->constraint_sizes)
    ok = put(w, o, "constraint_sizes", wconstraint_list(w, t->constraint_sizes, t->dim));
  if (ok && t->constraint_strides)
    ok = put(w, o, "constraint_strides", wconstraint_list(w, t->constraint_strides, t->dim));
  if (ok && t->excluded_sizes) {
    json_t *a = json_array();
    ok = put(w, o, "excluded_sizes", a);
    for (size_t i = 0; ok && i < t->dim; i++) ok = push(w, a, woptint(&t->excluded_sizes[i]));
  }
  bool any_override = false;
  for (size_t i = 0; t->hint_overrides && i < t->dim; i++)
    any_override = any_override || t->hint_overrides[i].given;
  if (ok && any_override) {
    json_t *a = json_array();
    ok = put(w, o, "hint_overrides", a);
    for (size_t i = 0; ok && i < t->dim; i++) {
      if (!t->hint_overrides[i].given) continue;
      json_t *pair = json_array();
      ok = push(w, a, pair) && push(w, pair, json_integer((json_int_t)i)) &&
           push(w, pair, json_integer(t->hint_overrides[i].value));
    }
  }
  if (!ok) {
    json_decref(o);
    return NULL;
  }
  return o;
}

static json_t *wsym_list(writer *w, const se_sym *v, size_t n) {
  json_t *a = json_array();
  if (!a) return wnomem(w);
  for (size_t i = 0; i < n; i++)
    if (!push(w, a, wsym(w, &v[i], false, NULL))) {
      json_decref(a);
      return NULL;
    }
  return a;
}

/* {"tensor": {...}} or {"value": {...}}; with_source adds "source" first. */
static json_t *wtracked(writer *w, const se_tracked *t, bool with_source) {
  json_t *o = json_object();
  if (!o) return wnomem(w);
  bool ok = true;
  if (with_source) ok = put(w, o, "source", wstr(w, se_source_name(t->source)));
  if (ok && t->is_tensor) {
    json_t *m = json_object();
    ok = put(w, o, "tensor", m) && put(w, m, "size", wsym_list(w, t->tensor.sizes, t->tensor.dim)) &&
         put(w, m, "stride", wsym_list(w, t->tensor.strides, t->tensor.dim)) &&
         put(w, m, "storage_offset", wsym(w, &t->tensor.storage_offset, false, NULL)) &&
         put(w, m, "is_nested", json_boolean(t->tensor.is_nested));
  } else if (ok) {
    ok = put(w, o, "value", wsym(w, &t->value, false, NULL));
  }
  if (!ok) {
    json_decref(o);
    return NULL;
  }
  return o;
}

static json_t *wfxargs(writer *w, const se_evarg *a) {
  json_t *arr = json_array();
  if (!arr) return wnomem(w);
  for (size_t i = 0; i < a->u.fxargs.n; i++) {
    json_t *o = json_object();
    bool ok = push(w, arr, o);
    if (ok)
      ok = a->u.fxargs.names[i] ? put(w, o, "node", wstr(w, a->u.fxargs.names[i]))
                                : put(w, o, "value", wexpr(w, a->u.fxargs.values[i]));
    if (!ok) {
      json_decref(arr);
      return NULL;
    }
  }
  return arr;
}

static json_t *warg(writer *w, const se_evarg *a) {
  switch (a->kind) {
  case SE_ARG_INT: return json_integer(a->u.i);
  case SE_ARG_FLOAT: return wfloat(w, a->u.f);
  case SE_ARG_BOOL: return json_boolean(a->u.b);
  case SE_ARG_EXPR: return wexpr(w, a->u.e);
  case SE_ARG_SOURCE: return wstr(w, se_source_name(a->u.src));
  case SE_ARG_DIM: return wdim(w, a->u.i);
  case SE_ARG_CONSTRAINT: return wconstraint(w, a->u.c);
  case SE_ARG_SYM: return wsym(w, &a->u.sym.v, true, a->u.sym.fxname);
  case SE_ARG_STR: return wstr(w, a->u.s);
  case SE_ARG_FX: return wstr(w, a->u.fxname);
  case SE_ARG_TENSOR: return wtensor_spec(w, a->u.t);
  case SE_ARG_FXARGS: return wfxargs(w, a);
  case SE_ARG_OP: return wstr(w, a->u.s);
  case SE_ARG_TRACKED: return wtracked(w, a->u.tracked, false);
  case SE_ARG_NUM: return a->u.num.is_float ? wfloat(w, a->u.num.f) : json_integer(a->u.num.i);
  case SE_ARG_OPTBOOL: return a->u.i < 0 ? json_null() : json_boolean(a->u.i != 0);
  case SE_ARG_OPTINT: return woptint(&a->u.oi);
  }
  return wfail(w, SE_INVALID, "unknown argument kind %d", (int)a->kind);
}

static json_t *wctor(writer *w, const se_env_options *o) {
  json_t *j = json_object(), *s = NULL;
  if (!j) return wnomem(w);
  bool ok = put(w, j, "format", json_string(LOG_FORMAT)) &&
            put(w, j, "version", json_integer(LOG_VERSION)) && put(w, j, "index", json_integer(0)) &&
            put(w, j, "event", json_string("ShapeEnv")) && put(w, j, "settings", s = json_object());
  for (size_t i = 0; ok && i < N_SETTINGS; i++) {
    if (!(o->given & settings[i].bit)) continue;
    if (settings[i].bit == SE_SET_SHOULD_RECORD_EVENTS) continue; /* written after co_fields */
    ok = put(w, s, settings[i].name, json_boolean(*setting_ptr((se_env_options *)o, &settings[i])));
  }
  if (ok && (o->given & SE_SET_CO_FIELDS)) {
    json_t *c = json_object();
    ok = put(w, s, "co_fields", c);
    for (size_t i = 0; ok && i < o->n_co_fields; i++)
      ok = put(w, c, o->co_fields[2 * i], wstr(w, o->co_fields[2 * i + 1]));
  }
  if (ok && (o->given & SE_SET_SHOULD_RECORD_EVENTS))
    ok = put(w, s, "should_record_events", json_boolean(o->should_record_events));
  if (ok)
    ok = put(w, j, "translation_validation", json_boolean(o->translation_validation)) &&
         put(w, j, "check_recorded_events", json_boolean(o->check_recorded_events));
  if (!ok) {
    json_decref(j);
    return NULL;
  }
  return j;
}

static json_t *wevent(writer *w, const se_event *ev, size_t index) {
  se_recorder *r = w->env->rec;
  if (ev->kind == SE_EV_CONSTRUCTOR) return wctor(w, &r->ctor);
  const char *const *names;
  size_t np = se__event_params(ev->kind, &names, NULL);
  if (np != ev->nargs)
    return wfail(w, SE_INVALID, "event %zu has %zu arguments, its schema %zu", index, ev->nargs, np);
  json_t *j = json_object(), *args = NULL;
  if (!j) return wnomem(w);
  bool ok = put(w, j, "index", json_integer((json_int_t)index)) &&
            put(w, j, "event", json_string(se__event_name(ev->kind))) &&
            put(w, j, "args", args = json_object());
  for (size_t i = 0; ok && i < np; i++) ok = put(w, args, names[i], warg(w, &ev->args[i]));
  if (ok && ev->has_fakes && ev->fakes_shared) {
    /* Nothing was tracked since the last snapshot: say so instead of
     * writing it again (the reader keeps the last one). */
    ok = put(w, j, "tracked_fakes", json_string("previous"));
  } else if (ok && ev->has_fakes) {
    json_t *f = json_array();
    ok = put(w, j, "tracked_fakes", f);
    for (size_t i = 0; ok && i < ev->nfakes; i++) ok = push(w, f, wtracked(w, &ev->fakes[i], true));
  }
  if (ok && ev->location) ok = put(w, j, "location", wstr(w, ev->location));
  if (!ok) {
    json_decref(j);
    return NULL;
  }
  return j;
}

/* Writes event index of env as one line (with its newline) to f. */
static bool write_line(writer *w, FILE *f, size_t index) {
  const se_event *ev = &SE_VEC_AT(&w->env->rec->events, se_event, index);
  json_t *j = wevent(w, ev, index);
  if (!j) return false;
  char *s = json_dumps(j, DUMP_FLAGS);
  json_decref(j);
  if (!s) {
    wnomem(w);
    return false;
  }
  size_t n = strlen(s);
  bool ok = fwrite(s, 1, n, f) == n && fputc('\n', f) != EOF;
  free(s);
  if (!ok) wfail(w, SE_IO, "writing event %zu: %s", index, strerror(errno));
  return ok;
}

static bool write_range(writer *w, FILE *f, size_t from, size_t to) {
  for (size_t i = from; i < to; i++)
    if (!write_line(w, f, i)) return false;
  if (fflush(f) != 0) {
    wfail(w, SE_IO, "writing the event log: %s", strerror(errno));
    return false;
  }
  return true;
}

static se_status need_events(se_env *env, const char *what) {
  if (!env->opt.should_record_events || !env->rec || env->rec->events.n == 0)
    return se__fail(env->ctx, SE_STATE, "%s: the environment does not record events", what);
  return SE_OK;
}

se_status se_env_log_write(se_env *env, const char *path) {
  if (!env) return SE_INVALID;
  if (!path) return se__fail(env->ctx, SE_INVALID, "se_env_log_write: NULL path");
  se_status st = need_events(env, "se_env_log_write");
  if (st != SE_OK) return st;
  FILE *f = fopen(path, "w");
  if (!f) return se__fail(env->ctx, SE_IO, "cannot open %s for writing: %s", path, strerror(errno));
  writer w = {env, SE_OK, ""};
  write_range(&w, f, 0, env->rec->events.n);
  if (fclose(f) != 0 && w.st == SE_OK) wfail(&w, SE_IO, "closing %s: %s", path, strerror(errno));
  if (w.st != SE_OK) return se__fail(env->ctx, w.st, "%s: %s", path, w.msg);
  return SE_OK;
}

se_status se_env_log_open(se_env *env, const char *path) {
  if (!env) return SE_INVALID;
  if (!path) return se__fail(env->ctx, SE_INVALID, "se_env_log_open: NULL path");
  se_status st = need_events(env, "se_env_log_open");
  if (st != SE_OK) return st;
  se_recorder *r = env->rec;
  if (r->log) return se__fail(env->ctx, SE_STATE, "se_env_log_open: a log is already open");
  FILE *f = fopen(path, "w");
  if (!f) return se__fail(env->ctx, SE_IO, "cannot open %s for writing: %s", path, strerror(errno));
  writer w = {env, SE_OK, ""};
  if (!write_range(&w, f, 0, r->events.n)) {
    fclose(f);
    return se__fail(env->ctx, w.st, "%s: %s", path, w.msg);
  }
  r->log = f;
  r->log_status = SE_OK;
  r->log_msg[0] = '\0';
  return SE_OK;
}

void se__log_stream(se_env *env, se_recorder *r, size_t index) {
  if (!r->log || r->log_status != SE_OK) return; /* a broken stream stays broken */
  writer w = {env, SE_OK, ""};
  if (!write_range(&w, r->log, index, index + 1)) {
    r->log_status = w.st;
    snprintf(r->log_msg, sizeof r->log_msg, "%s", w.msg);
  }
}

se_status se_env_log_close(se_env *env) {
  if (!env) return SE_INVALID;
  se_recorder *r = env->rec;
  if (!r || !r->log) return se__fail(env->ctx, SE_STATE, "se_env_log_close: no log is open");
  se_status st = r->log_status;
  char msg[sizeof r->log_msg];
  snprintf(msg, sizeof msg, "%s", r->log_msg);
  if (fclose(r->log) != 0 && st == SE_OK) {
    st = SE_IO;
    snprintf(msg, sizeof msg, "closing the event log: %s", strerror(errno));
  }
  r->log = NULL;
  r->log_status = SE_OK;
  if (st != SE_OK) return se__fail(env->ctx, st, "event log: %s", msg);
  return SE_OK;
}

/* ==== reading ================================================================ */

/* Lines of a file (getline) or of a buffer. */
typedef struct line_src {
  FILE *f;          /* the file, or NULL for a buffer */
  const char *data; /* buffer */
  size_t len, pos;
  char *buf;        /* getline's buffer */
  size_t cap;
} line_src;

/* The next line without its newline: 1 (with *nl saying it had one), 0 at
 * the end, -1 on a read error. */
static int next_line(line_src *s, const char **p, size_t *n, bool *nl) {
  if (s->f) {
    errno = 0;
    ssize_t got = getline(&s->buf, &s->cap, s->f);
    if (got < 0) return ferror(s->f) || errno == ENOMEM ? -1 : 0;
    size_t m = (size_t)got;
    *nl = m > 0 && s->buf[m - 1] == '\n';
    *p = s->buf;
    *n = *nl ? m - 1 : m;
    return 1;
  }
  if (s->pos >= s->len) return 0;
  const char *start = s->data + s->pos;
  const char *end = memchr(start, '\n', s->len - s->pos);
  *p = start;
  if (end) {
    *n = (size_t)(end - start);
    *nl = true;
    s->pos += *n + 1;
  } else {
    *n = s->len - s->pos;
    *nl = false;
    s->pos = s->len;
  }
  return 1;
}

typedef struct reader {
  se_ctx *ctx;
  const char *name;  /* the path or buffer name, for messages */
  size_t line;       /* current line number (from 1) */
  se_env *dst;       /* the environment being built (NULL before line 1) */
  bool record;       /* se_log_load: dst records the replayed events */
  bool provenance;   /* se_log_load: dst keeps provenance */
  se_arena scratch;  /* this line's event arguments */
  se_arena snap;     /* the last full tracked-fakes snapshot read ... */
  const se_tracked *last_fakes; /* ... (for "tracked_fakes": "previous") */
  size_t last_nfakes;
  bool have_fakes;   /* a full snapshot has been read */
  int version;       /* the log's format version (from line 1) */
  char field[128];   /* the field being read, for messages ("args.orig_expr") */
} reader;

static se_status rfail(reader *rd, se_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static se_status rfail(reader *rd, se_status st, const char *fmt, ...) {
  char msg[400];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  return se__fail(rd->ctx, st, "%s:%zu: %s", rd->name, rd->line, msg);
}

/* A schema failure at the current field. */
static se_status ffail(reader *rd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static se_status ffail(reader *rd, const char *fmt, ...) {
  char msg[300];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  return rfail(rd, SE_PARSE, "field %s: %s", rd->field, msg);
}

/* Moves the context's pending error into a "PATH:LINE: prefix..." message. */
static se_status rewrap(reader *rd, se_status fallback, const char *prefix) {
  se_status st = se_last_status(rd->ctx);
  if (st == SE_OK) st = fallback;
  char msg[sizeof rd->ctx->errmsg];
  snprintf(msg, sizeof msg, "%s", se_errmsg(rd->ctx));
  se_clear_error(rd->ctx);
  return rfail(rd, st, "%s%s", prefix, msg);
}

static void set_field(reader *rd, const char *a, const char *b) {
  snprintf(rd->field, sizeof rd->field, "%s%s%s", a, b ? "." : "", b ? b : "");
}

static void *ralloc(reader *rd, size_t n) {
  void *p = se__arena_alloc(&rd->scratch, n ? n : 1);
  if (!p) rfail(rd, SE_NOMEM, "out of memory reading the event");
  return p;
}

static const char *jtype(const json_t *j) {
  switch (json_typeof(j)) {
  case JSON_OBJECT: return "an object";
  case JSON_ARRAY: return "an array";
  case JSON_STRING: return "a string";
  case JSON_INTEGER: return "an integer";
  case JSON_REAL: return "a real number";
  case JSON_TRUE: case JSON_FALSE: return "a boolean";
  case JSON_NULL: return "null";
  }
  return "?";
}

static se_status mistyped(reader *rd, const json_t *j, const char *want) {
  return ffail(rd, "expected %s, found %s", want, jtype(j));
}

/* Whether symbol s is one the environment has made (it has a range, a
 * value or a replacement): the log may only mention those. */
static bool known_symbol(const se_env *env, const se_expr *s) {
  return se__st_get(&env->var_to_range, s) || se__st_get(&env->replacements, s) ||
         se__st_get(&env->backed_var_to_val, s) || se__st_get(&env->real_tensor_prop_unbacked_vals, s);
}

static const se_expr *unknown_symbol(const se_env *env, const se_expr *e) {
  if (e->kind == SE_K_SYMBOL) return known_symbol(env, e) ? NULL : e;
  for (uint32_t i = 0; i < e->nargs; i++) {
    const se_expr *u = unknown_symbol(env, e->args[i]);
    if (u) return u;
  }
  return NULL;
}

/* Text of an expression (null allowed when nullable). */
static se_status rexpr(reader *rd, const json_t *j, bool nullable, const se_expr **out) {
  *out = NULL;
  if (json_is_null(j) && nullable) return SE_OK;
  if (!json_is_string(j)) return mistyped(rd, j, nullable ? "a string (SymPy text) or null" : "a string (SymPy text)");
  const char *s = json_string_value(j);
  size_t n = json_string_length(j);
  if (se_last_status(rd->ctx) != SE_OK) se_clear_error(rd->ctx);
  const se_expr *e = se__parse_exact(rd->ctx, s, n);
  if (!e) {
    char prefix[256];
    snprintf(prefix, sizeof prefix, "field %s: cannot read expression %.60s%s: ", rd->field, s,
             n > 60 ? "..." : "");
    return rewrap(rd, SE_PARSE, prefix);
  }
  const se_expr *u = unknown_symbol(rd->dst, e);
  if (u)
    return ffail(rd, "symbol %s does not exist at that point", se_expr_symbol_name(u));
  *out = e;
  return SE_OK;
}

static se_status rsource(reader *rd, const json_t *j, bool nullable, const se_source **out) {
  *out = NULL;
  if (json_is_null(j) && nullable) return SE_OK;
  if (!json_is_string(j)) return mistyped(rd, j, nullable ? "a source name or null" : "a source name");
  const char *s = json_string_value(j);
  if (strlen(s) != json_string_length(j)) return ffail(rd, "a source name cannot hold a NUL byte");
  if (se_last_status(rd->ctx) != SE_OK) se_clear_error(rd->ctx);
  const se_source *src = se_source_parse(rd->ctx, s);
  if (!src) {
    char prefix[256];
    snprintf(prefix, sizeof prefix, "field %s: cannot read source %.60s: ", rd->field, s);
    return rewrap(rd, SE_PARSE, prefix);
  }
  *out = src;
  return SE_OK;
}

/* Text that must not hold NUL bytes (node names, messages, targets). */
static se_status rtext(reader *rd, const json_t *j, bool nullable, const char **out) {
  *out = NULL;
  if (json_is_null(j) && nullable) return SE_OK;
  if (!json_is_string(j)) return mistyped(rd, j, nullable ? "a string or null" : "a string");
  const char *s = json_string_value(j);
  if (strlen(s) != json_string_length(j)) return ffail(rd, "text cannot hold a NUL byte");
  *out = s;
  return SE_OK;
}

/* An FX node name: the interned copy when one exists (a name nobody
 * interned cannot be a node; replay reports it as missing). */
static se_status rnode(reader *rd, const json_t *j, bool nullable, const char **out) {
  se_status st = rtext(rd, j, nullable, out);
  if (st != SE_OK || !*out) return st;
  const char *in = se__str_lookup(rd->ctx, *out, strlen(*out));
  if (in) *out = in;
  return SE_OK;
}

static se_status rbool(reader *rd, const json_t *j, bool *out) {
  if (!json_is_boolean(j)) return mistyped(rd, j, "a boolean");
  *out = json_is_true(j);
  return SE_OK;
}

static se_status rinteger(reader *rd, const json_t *j, int64_t *out) {
  if (!json_is_integer(j)) return mistyped(rd, j, "an integer");
  *out = (int64_t)json_integer_value(j);
  return SE_OK;
}

static se_status rfloat(reader *rd, const json_t *j, double *out) {
  if (json_is_number(j)) {
    *out = json_number_value(j);
    return SE_OK;
  }
  if (json_is_string(j)) {
    const char *s = json_string_value(j);
    if (!strcmp(s, "nan")) *out = NAN;
    else if (!strcmp(s, "inf")) *out = INFINITY;
    else if (!strcmp(s, "-inf")) *out = -INFINITY;
    else return ffail(rd, "expected a number, \"nan\", \"inf\" or \"-inf\", found \"%.40s\"", s);
    return SE_OK;
  }
  return mistyped(rd, j, "a number");
}

static se_status rdim(reader *rd, const json_t *j, int64_t *out) {
  if (!json_is_string(j)) return mistyped(rd, j, "a DimDynamic name");
  const char *s = json_string_value(j);
  for (size_t i = 0; i < N_DIMS; i++)
    if (!strcmp(s, dim_names[i])) {
      *out = (int64_t)i;
      return SE_OK;
    }
  if (!strcmp(s, OLD_UNBACKED_NAME)) {
    *out = SE_DIM_UNBACKED;
    return SE_OK;
  }
  return ffail(rd, "unknown DimDynamic \"%.40s\"", s);
}

/* An int (a JSON integer) or a float (a JSON real, "nan", "inf", "-inf"). */
static se_status rnum(reader *rd, const json_t *j, se_num *out) {
  memset(out, 0, sizeof *out);
  if (json_is_integer(j)) {
    out->i = (int64_t)json_integer_value(j);
    return SE_OK;
  }
  const char *s = json_is_string(j) ? json_string_value(j) : NULL;
  if (!json_is_real(j) && !(s && (!strcmp(s, "nan") || !strcmp(s, "inf") || !strcmp(s, "-inf"))))
    return mistyped(rd, j, "an integer or a number");
  out->is_float = true;
  return rfloat(rd, j, &out->f);
}

/* true / false / null as 1 / 0 / -1. */
static se_status roptbool(reader *rd, const json_t *j, int64_t *out) {
  if (json_is_null(j)) {
    *out = -1;
    return SE_OK;
  }
  if (!json_is_boolean(j)) return mistyped(rd, j, "a boolean or null");
  *out = json_is_true(j) ? 1 : 0;
  return SE_OK;
}

static se_status roptint(reader *rd, const json_t *j, se_opt_int *out) {
  memset(out, 0, sizeof *out);
  if (json_is_null(j)) return SE_OK;
  if (!json_is_integer(j)) return mistyped(rd, j, "an integer or null");
  out->given = true;
  out->value = (int64_t)json_integer_value(j);
  return SE_OK;
}

/* Rejects keys of obj not in names[0..n). */
static se_status only_keys(reader *rd, const json_t *obj, const char *const *names, size_t n) {
  const char *key;
  json_t *v;
  json_object_foreach((json_t *)obj, key, v) {
    bool found = false;
    for (size_t i = 0; i < n && !found; i++) found = !strcmp(key, names[i]);
    if (!found) return ffail(rd, "unknown key \"%.40s\"", key);
  }
  return SE_OK;
}

/* obj[key] or a "missing" failure. */
static const json_t *need_key(reader *rd, const json_t *obj, const char *key, se_status *st) {
  const json_t *v = json_object_get(obj, key);
  if (!v) *st = ffail(rd, "missing key \"%s\"", key);
  return v;
}

static se_status rconstraint(reader *rd, const json_t *j, se_constraint *c) {
  memset(c, 0, sizeof *c);
  c->kind = SE_CONSTRAINT_NONE;
  if (json_is_null(j)) return SE_OK;
  if (!json_is_object(j)) return mistyped(rd, j, "a constraint object or null");
  se_status st = SE_OK;
  const json_t *t = need_key(rd, j, "type", &st);
  if (!t) return st;
  const char *ty = json_is_string(t) ? json_string_value(t) : "";
  const json_t *wo = need_key(rd, j, "warn_only", &st);
  if (!wo) return st;
  if ((st = rbool(rd, wo, &c->warn_only)) != SE_OK) return st;
  if (!strcmp(ty, "RelaxedUnspecConstraint")) {
    c->kind = SE_CONSTRAINT_RELAXED;
    static const char *const keys[] = {"type", "warn_only"};
    return only_keys(rd, j, keys, 2);
  }
  if (strcmp(ty, "StrictMinMaxConstraint") != 0)
    return ffail(rd, "unknown constraint type (expected \"StrictMinMaxConstraint\" or "
                     "\"RelaxedUnspecConstraint\")");
  c->kind = SE_CONSTRAINT_STRICT_MIN_MAX;
  static const char *const keys[] = {"type", "warn_only", "min", "max"};
  if ((st = only_keys(rd, j, keys, 4)) != SE_OK) return st;
  const json_t *lo = need_key(rd, j, "min", &st), *hi = lo ? need_key(rd, j, "max", &st) : NULL;
  if (!hi) return st;
  if ((st = rinteger(rd, lo, &c->lo)) != SE_OK) return st;
  if (json_is_string(hi) && !strcmp(json_string_value(hi), "int_oo")) {
    c->hi = INT64_MAX;
    return SE_OK;
  }
  if (!json_is_integer(hi)) return mistyped(rd, hi, "an integer or \"int_oo\"");
  c->hi = (int64_t)json_integer_value(hi);
  return SE_OK;
}

static se_status rsym(reader *rd, const json_t *j, bool with_fx, se_sym *v, const char **fxname) {
  memset(v, 0, sizeof *v);
  v->fx = -1;
  if (!json_is_object(j)) return mistyped(rd, j, "a value object {\"expr\", \"hint\", \"type\"}");
  static const char *const keys[] = {"expr", "hint", "type", "fx"};
  se_status st = only_keys(rd, j, keys, with_fx ? 4 : 3);
  if (st != SE_OK) return st;
  const json_t *e = need_key(rd, j, "expr", &st);
  const json_t *h = e ? need_key(rd, j, "hint", &st) : NULL;
  const json_t *t = h ? need_key(rd, j, "type", &st) : NULL;
  const json_t *f = t && with_fx ? need_key(rd, j, "fx", &st) : NULL;
  if (!t || (with_fx && !f)) return st;
  if ((st = rexpr(rd, e, true, &v->expr)) != SE_OK) return st;
  if ((st = rexpr(rd, h, true, &v->hint)) != SE_OK) return st;
  const char *ty = json_is_string(t) ? json_string_value(t) : "";
  size_t k = 0;
  while (k < 3 && strcmp(ty, type_names[k]) != 0) k++;
  if (k == 3) return ffail(rd, "\"type\" must be \"int\", \"float\" or \"bool\"");
  v->type = (se_pytype)k;
  if (with_fx) return rnode(rd, f, true, fxname);
  return SE_OK;
}

/* A JSON array of exactly n entries (n == SIZE_MAX: any length, set). */
static se_status rarray(reader *rd, const json_t *j, size_t *n) {
  if (!json_is_array(j)) return mistyped(rd, j, "an array");
  size_t m = json_array_size(j);
  if (*n != SIZE_MAX && m != *n)
    return ffail(rd, "expected %zu entries (one per dimension), found %zu", *n, m);
  *n = m;
  return SE_OK;
}

/* Narrows the current field to its member key ("args.tensor" becomes
 * "args.tensor.key"); returns the length to restore it with. */
static size_t sub_field(reader *rd, const char *key) {
  size_t n = strlen(rd->field);
  snprintf(rd->field + n, sizeof rd->field - n, ".%s", key);
  return n;
}

/* hint_overrides: [[dim, value], ...], each dimension at most once. */
static se_status rhint_overrides(reader *rd, const json_t *j, size_t dim, se_opt_int *v) {
  size_t n = SIZE_MAX;
  se_status st = rarray(rd, j, &n);
  if (st != SE_OK) return st;
  for (size_t k = 0; k < n; k++) {
    const json_t *p = json_array_get(j, k);
    if (!json_is_array(p) || json_array_size(p) != 2 || !json_is_integer(json_array_get(p, 0)) ||
        !json_is_integer(json_array_get(p, 1)))
      return ffail(rd, "entry %zu: expected a pair [dim, value] of integers", k);
    json_int_t d = json_integer_value(json_array_get(p, 0));
    if (d < 0 || (uint64_t)d >= dim)
      return ffail(rd, "entry %zu: dimension %lld out of range for %zu dimensions", k,
                   (long long)d, dim);
    if (v[d].given) return ffail(rd, "entry %zu: dimension %lld given twice", k, (long long)d);
    v[d].given = true;
    v[d].value = (int64_t)json_integer_value(json_array_get(p, 1));
  }
  return SE_OK;
}

static se_status rtensor_spec(reader *rd, const json_t *j, const se_tensor_spec **out) {
  if (!json_is_object(j)) return mistyped(rd, j, "a tensor object");
  static const char *const keys[] = {"size",           "stride",          "storage_offset",
                                     "is_nested",      "dynamic_sizes",   "dynamic_strides",
                                     "constraint_sizes", "is_dim_dynamic", "constraint_strides",
                                     "excluded_sizes", "hint_overrides"};
  /* Version 1 had the first seven keys only. */
  se_status st = only_keys(rd, j, keys, rd->version >= 2 ? 11 : 7);
  if (st != SE_OK) return st;
  se_tensor_spec *t = ralloc(rd, sizeof *t);
  if (!t) return SE_NOMEM;
  const json_t *sz = need_key(rd, j, "size", &st);
  const json_t *sd = sz ? need_key(rd, j, "stride", &st) : NULL;
  const json_t *off = sd ? need_key(rd, j, "storage_offset", &st) : NULL;
  const json_t *nest = off ? need_key(rd, j, "is_nested", &st) : NULL;
  const json_t *idd = nest && rd->version >= 2 ? need_key(rd, j, "is_dim_dynamic", &st) : NULL;
  if (!nest || (rd->version >= 2 && !idd)) return st;
  size_t dim = SIZE_MAX;
  if ((st = rarray(rd, sz, &dim)) != SE_OK || (st = rarray(rd, sd, &dim)) != SE_OK) return st;
  int64_t *sizes = ralloc(rd, dim * sizeof *sizes), *strides = ralloc(rd, dim * sizeof *strides);
  if (!sizes || !strides) return SE_NOMEM;
  for (size_t i = 0; i < dim; i++) {
    if ((st = rinteger(rd, json_array_get(sz, i), &sizes[i])) != SE_OK) return st;
    if ((st = rinteger(rd, json_array_get(sd, i), &strides[i])) != SE_OK) return st;
  }
  t->dim = dim;
  t->sizes = sizes;
  t->strides = strides;
  if ((st = rinteger(rd, off, &t->storage_offset)) != SE_OK) return st;
  if ((st = rbool(rd, nest, &t->is_nested)) != SE_OK) return st;
  if (idd) {
    size_t m = dim, back = sub_field(rd, "is_dim_dynamic");
    if ((st = rarray(rd, idd, &m)) != SE_OK) return st;
    bool *v = ralloc(rd, dim * sizeof *v), any = false;
    if (!v) return SE_NOMEM;
    for (size_t i = 0; i < dim; i++) {
      if ((st = rbool(rd, json_array_get(idd, i), &v[i])) != SE_OK) return st;
      any = any || v[i];
    }
    if (any) t->is_dim_dynamic = v; /* all false is what NULL means */
    rd->field[back] = '\0';
  }
  for (int which = 0; which < 2; which++) {
    const char *key = which ? "dynamic_strides" : "dynamic_sizes";
    const json_t *d = json_object_get(j, key);
    if (!d) continue;
    size_t m = dim, back = sub_field(rd, key);
    if ((st = rarray(rd, d, &m)) != SE_OK) return st;
    se_dim_dynamic *v = ralloc(rd, dim * sizeof *v);
    if (!v) return SE_NOMEM;
    for (size_t i = 0; i < dim; i++) {
      int64_t x;
      if ((st = rdim(rd, json_array_get(d, i), &x)) != SE_OK) return st;
      v[i] = (se_dim_dynamic)x;
    }
    if (which)
      t->dynamic_strides = v;
    else
      t->dynamic_sizes = v;
    rd->field[back] = '\0';
  }
  for (int which = 0; which < 2; which++) {
    const char *key = which ? "constraint_strides" : "constraint_sizes";
    const json_t *cs = json_object_get(j, key);
    if (!cs) continue;
    size_t m = dim, back = sub_field(rd, key);
    if ((st = rarray(rd, cs, &m)) != SE_OK) return st;
    se_constraint *v = ralloc(rd, dim * sizeof *v);
    if (!v) return SE_NOMEM;
    for (size_t i = 0; i < dim; i++)
      if ((st = rconstraint(rd, json_array_get(cs, i), &v[i])) != SE_OK) return st;
    if (which)
      t->constraint_strides = v;
    else
      t->constraint_sizes = v;
    rd->field[back] = '\0';
  }
  const json_t *ex = json_object_get(j, "excluded_sizes");
  if (ex) {
    size_t m = dim, back = sub_field(rd, "excluded_sizes");
    if ((st = rarray(rd, ex, &m)) != SE_OK) return st;
    se_opt_int *v = ralloc(rd, dim * sizeof *v);
    if (!v) return SE_NOMEM;
    for (size_t i = 0; i < dim; i++)
      if ((st = roptint(rd, json_array_get(ex, i), &v[i])) != SE_OK) return st;
    t->excluded_sizes = v;
    rd->field[back] = '\0';
  }
  const json_t *ho = json_object_get(j, "hint_overrides");
  if (ho) {
    size_t back = sub_field(rd, "hint_overrides");
    se_opt_int *v = ralloc(rd, dim * sizeof *v);
    if (!v) return SE_NOMEM;
    memset(v, 0, (dim ? dim : 1) * sizeof *v);
    if ((st = rhint_overrides(rd, ho, dim, v)) != SE_OK) return st;
    bool any = false;
    for (size_t i = 0; i < dim; i++) any = any || v[i].given;
    if (any) t->hint_overrides = v;
    rd->field[back] = '\0';
  }
  *out = t;
  return SE_OK;
}

static se_status rsym_list(reader *rd, const json_t *j, size_t *n, se_sym **out) {
  se_status st = rarray(rd, j, n);
  if (st != SE_OK) return st;
  se_sym *v = ralloc(rd, *n * sizeof *v);
  if (!v) return SE_NOMEM;
  for (size_t i = 0; i < *n; i++)
    if ((st = rsym(rd, json_array_get(j, i), false, &v[i], NULL)) != SE_OK) return st;
  *out = v;
  return SE_OK;
}

/* A tracked input; with_source reads its "source" key too. */
/* Copies a snapshot out of the line's scratch arena so a later
 * "tracked_fakes": "previous" can use it; only the last one is kept. */
static se_status keep_snapshot(reader *rd, const se_tracked *f, size_t n) {
  se__arena_free(&rd->snap);
  se__arena_init(&rd->snap);
  rd->have_fakes = false;
  se_tracked *c = n ? se__arena_alloc(&rd->snap, n * sizeof *c) : NULL;
  if (n && !c) return rfail(rd, SE_NOMEM, "out of memory keeping a snapshot");
  for (size_t i = 0; i < n; i++) {
    c[i] = f[i];
    if (!c[i].is_tensor || !c[i].tensor.dim) continue;
    size_t d = c[i].tensor.dim;
    se_sym *sz = se__arena_alloc(&rd->snap, d * sizeof *sz);
    se_sym *st = se__arena_alloc(&rd->snap, d * sizeof *st);
    if (!sz || !st) return rfail(rd, SE_NOMEM, "out of memory keeping a snapshot");
    memcpy(sz, f[i].tensor.sizes, d * sizeof *sz);
    memcpy(st, f[i].tensor.strides, d * sizeof *st);
    c[i].tensor.sizes = sz;
    c[i].tensor.strides = st;
  }
  rd->last_fakes = c;
  rd->last_nfakes = n;
  rd->have_fakes = true;
  return SE_OK;
}

static se_status rtracked(reader *rd, const json_t *j, bool with_source, se_tracked *t) {
  memset(t, 0, sizeof *t);
  t->value.fx = -1;
  t->tensor.storage_offset.fx = -1;
  if (!json_is_object(j)) return mistyped(rd, j, "a tracked-input object");
  static const char *const keys[] = {"tensor", "value", "source"};
  se_status st = only_keys(rd, j, keys, with_source ? 3 : 2);
  if (st != SE_OK) return st;
  if (with_source) {
    const json_t *s = need_key(rd, j, "source", &st);
    if (!s || (st = rsource(rd, s, false, &t->source)) != SE_OK) return st;
  }
  const json_t *m = json_object_get(j, "tensor"), *v = json_object_get(j, "value");
  if (!m == !v) return ffail(rd, "expected exactly one of \"tensor\" and \"value\"");
  if (v) return rsym(rd, v, false, &t->value, NULL);
  t->is_tensor = true;
  if (!json_is_object(m)) return mistyped(rd, m, "a tensor object");
  static const char *const mkeys[] = {"size", "stride", "storage_offset", "is_nested"};
  if ((st = only_keys(rd, m, mkeys, 4)) != SE_OK) return st;
  const json_t *sz = need_key(rd, m, "size", &st);
  const json_t *sd = sz ? need_key(rd, m, "stride", &st) : NULL;
  const json_t *off = sd ? need_key(rd, m, "storage_offset", &st) : NULL;
  const json_t *nest = off ? need_key(rd, m, "is_nested", &st) : NULL;
  if (!nest) return st;
  size_t dim = SIZE_MAX;
  se_sym *sizes, *strides;
  if ((st = rsym_list(rd, sz, &dim, &sizes)) != SE_OK) return st;
  if ((st = rsym_list(rd, sd, &dim, &strides)) != SE_OK) return st;
  t->tensor.dim = dim;
  t->tensor.sizes = sizes;
  t->tensor.strides = strides;
  if ((st = rsym(rd, off, false, &t->tensor.storage_offset, NULL)) != SE_OK) return st;
  return rbool(rd, nest, &t->tensor.is_nested);
}

static se_status rfxargs(reader *rd, const json_t *j, se_evarg *a) {
  size_t n = SIZE_MAX;
  se_status st = rarray(rd, j, &n);
  if (st != SE_OK) return st;
  if (n > 3) return ffail(rd, "a call node takes at most 3 arguments, found %zu", n);
  const char **names = ralloc(rd, 3 * sizeof *names);
  const se_expr **vals = ralloc(rd, 3 * sizeof *vals);
  if (!names || !vals) return SE_NOMEM;
  for (size_t i = 0; i < n; i++) {
    const json_t *o = json_array_get(j, i);
    const json_t *nd = json_is_object(o) ? json_object_get(o, "node") : NULL;
    const json_t *v = json_is_object(o) ? json_object_get(o, "value") : NULL;
    if (!json_is_object(o) || json_object_size(o) != 1 || (!nd && !v))
      return ffail(rd, "entry %zu: expected {\"node\": NAME} or {\"value\": TEXT}", i);
    if (nd) {
      if ((st = rnode(rd, nd, false, &names[i])) != SE_OK) return st;
    } else if ((st = rexpr(rd, v, false, &vals[i])) != SE_OK) {
      return st;
    }
  }
  a->u.fxargs.n = n;
  a->u.fxargs.names = names;
  a->u.fxargs.values = vals;
  return SE_OK;
}

static se_status rarg(reader *rd, const json_t *j, se_argkind kind, se_evarg *a) {
  memset(a, 0, sizeof *a);
  a->kind = kind;
  switch (kind) {
  case SE_ARG_INT: return rinteger(rd, j, &a->u.i);
  case SE_ARG_FLOAT: return rfloat(rd, j, &a->u.f);
  case SE_ARG_BOOL: return rbool(rd, j, &a->u.b);
  case SE_ARG_EXPR: return rexpr(rd, j, true, &a->u.e);
  case SE_ARG_SOURCE: return rsource(rd, j, true, &a->u.src);
  case SE_ARG_DIM: return rdim(rd, j, &a->u.i);
  case SE_ARG_CONSTRAINT: {
    if (json_is_null(j)) return SE_OK;
    se_constraint *c = ralloc(rd, sizeof *c);
    if (!c) return SE_NOMEM;
    a->u.c = c;
    return rconstraint(rd, j, c);
  }
  case SE_ARG_SYM: return rsym(rd, j, true, &a->u.sym.v, &a->u.sym.fxname);
  case SE_ARG_STR: return rtext(rd, j, true, &a->u.s);
  case SE_ARG_FX: return rnode(rd, j, true, &a->u.fxname);
  case SE_ARG_TENSOR: return rtensor_spec(rd, j, &a->u.t);
  case SE_ARG_FXARGS: return rfxargs(rd, j, a);
  case SE_ARG_OP: return rtext(rd, j, false, &a->u.s);
  case SE_ARG_TRACKED: {
    se_tracked *t = ralloc(rd, sizeof *t);
    if (!t) return SE_NOMEM;
    a->u.tracked = t;
    return rtracked(rd, j, false, t);
  }
  case SE_ARG_NUM: return rnum(rd, j, &a->u.num);
  case SE_ARG_OPTBOOL: return roptbool(rd, j, &a->u.i);
  case SE_ARG_OPTINT: return roptint(rd, j, &a->u.oi);
  }
  return ffail(rd, "unknown argument kind");
}

/* Line 1: the constructor. Builds rd->dst. */
static se_status rctor(reader *rd, const json_t *j, se_env_options *opt) {
  static const char *const keys[] = {"format", "version", "index", "event", "settings",
                                     "translation_validation", "check_recorded_events"};
  se_status st = SE_OK;
  set_field(rd, "format", NULL);
  const json_t *f = need_key(rd, j, "format", &st);
  if (!f) return st;
  if (!json_is_string(f) || strcmp(json_string_value(f), LOG_FORMAT) != 0)
    return rfail(rd, SE_PARSE, "not a shapeenv event log (\"format\" must be \"%s\")", LOG_FORMAT);
  set_field(rd, "version", NULL);
  const json_t *v = need_key(rd, j, "version", &st);
  if (!v) return st;
  if (!json_is_integer(v) || json_integer_value(v) < LOG_VERSION_MIN ||
      json_integer_value(v) > LOG_VERSION) {
    if (json_is_integer(v))
      return rfail(rd, SE_PARSE,
                   "unsupported format version %lld (this reader reads versions %d to %d)",
                   (long long)json_integer_value(v), LOG_VERSION_MIN, LOG_VERSION);
    return mistyped(rd, v, "an integer");
  }
  rd->version = (int)json_integer_value(v);
  set_field(rd, "line", NULL);
  if ((st = only_keys(rd, j, keys, 7)) != SE_OK) return st;
  set_field(rd, "index", NULL);
  const json_t *ix = need_key(rd, j, "index", &st);
  if (!ix) return st;
  if (!json_is_integer(ix) || json_integer_value(ix) != 0)
    return json_is_integer(ix) ? ffail(rd, "the first line must have index 0")
                               : mistyped(rd, ix, "an integer");
  set_field(rd, "event", NULL);
  const json_t *ev = need_key(rd, j, "event", &st);
  if (!ev) return st;
  if (!json_is_string(ev) || strcmp(json_string_value(ev), "ShapeEnv") != 0)
    return ffail(rd, "the first line must be the \"ShapeEnv\" constructor event");
  se_env_options_init(opt);
  set_field(rd, "settings", NULL);
  const json_t *s = need_key(rd, j, "settings", &st);
  if (!s) return st;
  if (!json_is_object(s)) return mistyped(rd, s, "an object");
  const char *key;
  json_t *val;
  json_object_foreach((json_t *)s, key, val) {
    set_field(rd, "settings", key);
    if (!strcmp(key, "co_fields")) {
      if (!json_is_object(val)) return mistyped(rd, val, "an object of strings");
      size_t n = json_object_size(val), i = 0;
      const char **kv = ralloc(rd, 2 * n * sizeof *kv);
      if (!kv) return SE_NOMEM;
      const char *ck;
      json_t *cv;
      json_object_foreach(val, ck, cv) {
        if ((st = rtext(rd, cv, false, &kv[2 * i + 1])) != SE_OK) return st;
        kv[2 * i] = ck;
        i++;
      }
      opt->co_fields = kv;
      opt->n_co_fields = n;
      opt->given |= SE_SET_CO_FIELDS;
      continue;
    }
    size_t k = 0;
    while (k < N_SETTINGS && strcmp(key, settings[k].name) != 0) k++;
    if (k == N_SETTINGS) return ffail(rd, "unknown setting");
    if ((st = rbool(rd, val, setting_ptr(opt, &settings[k]))) != SE_OK) return st;
    opt->given |= settings[k].bit;
  }
  set_field(rd, "translation_validation", NULL);
  const json_t *tv = need_key(rd, j, "translation_validation", &st);
  if (!tv || (st = rbool(rd, tv, &opt->translation_validation)) != SE_OK) return st;
  set_field(rd, "check_recorded_events", NULL);
  const json_t *cr = need_key(rd, j, "check_recorded_events", &st);
  if (!cr || (st = rbool(rd, cr, &opt->check_recorded_events)) != SE_OK) return st;
  se_env_options o = *opt;
  if (!rd->record) {
    o.should_record_events = false;
    o.given |= SE_SET_SHOULD_RECORD_EVENTS;
  } else {
    /* The loaded environment records again: same constructor, same events. */
    o.should_record_events = true;
    o.check_recorded_events = false;
  }
  if (se_last_status(rd->ctx) != SE_OK) se_clear_error(rd->ctx);
  rd->dst = se__env_new_recorded(rd->ctx, &o, rd->record);
  if (!rd->dst) return rewrap(rd, SE_NOMEM, "cannot create the environment: ");
  if (rd->record && rd->dst->rec) rd->dst->rec->ctor = *opt; /* the settings as given */
  if (rd->provenance) se_env_set_provenance(rd->dst, true);
  return SE_OK;
}

static se_event_kind event_kind(const char *name) {
  for (unsigned k = 1; k < SE_EV_COUNT; k++)
    if (!strcmp(name, se__event_name((se_event_kind)k))) return (se_event_kind)k;
  return SE_EV_CONSTRUCTOR;
}

/* ---- version 1 ---------------------------------------------------------------
 * A version-1 log names two events differently and lacks three arguments;
 * everything else reads as version 2. */

/* create_float_symbol(val, source, dynamic_dim): a float input, replayed as
 * the create_unspecified_symbol PyTorch records for it. */
static const char *const v1_float_names[] = {"val", "source", "dynamic_dim"};
static const se_argkind v1_float_kinds[] = {SE_ARG_FLOAT, SE_ARG_SOURCE, SE_ARG_DIM};

/* The kind of a version-1 event name that version 2 renamed, or CONSTRUCTOR. */
static se_event_kind v1_renamed(const char *name) {
  if (!strcmp(name, "create_float_symbol")) return SE_EV_CREATE_UNSPECIFIED_SYMBOL;
  if (!strcmp(name, "set_unbacked_var_to_val")) return SE_EV_SET_REAL_TENSOR_PROP_UNBACKED_VALS;
  return SE_EV_CONSTRUCTOR;
}

/* Whether argument name of kind k is one version 1 did not have; if so,
 * sets *a to its value then: create_unbacked_symint's source None,
 * evaluate_expr's forcing_spec False and _suppress_guards_tls the
 * environment's suppress_guards at this point of the replay. */
static bool v1_default(reader *rd, se_event_kind k, const char *name, se_evarg *a) {
  memset(a, 0, sizeof *a);
  if (k == SE_EV_CREATE_UNBACKED_SYMINT && !strcmp(name, "source")) {
    a->kind = SE_ARG_SOURCE;
    return true;
  }
  if (k == SE_EV_EVALUATE_EXPR && !strcmp(name, "forcing_spec")) {
    a->kind = SE_ARG_BOOL;
    return true;
  }
  if (k == SE_EV_EVALUATE_EXPR && !strcmp(name, "_suppress_guards_tls")) {
    a->kind = SE_ARG_BOOL;
    a->u.b = rd->dst->suppress_guards;
    return true;
  }
  return false;
}

/* A later line: fills ev (scratch arena) without running anything. */
static se_status revent(reader *rd, const json_t *j, size_t index, se_event *ev) {
  static const char *const keys[] = {"index", "event", "args", "tracked_fakes", "location"};
  memset(ev, 0, sizeof *ev);
  se_status st = SE_OK;
  set_field(rd, "index", NULL);
  const json_t *ix = need_key(rd, j, "index", &st);
  if (!ix) return st;
  if (!json_is_integer(ix)) return mistyped(rd, ix, "an integer");
  if (json_integer_value(ix) < 0 || (uint64_t)json_integer_value(ix) != index)
    return ffail(rd, "expected index %zu, found %lld", index, (long long)json_integer_value(ix));
  set_field(rd, "event", NULL);
  const json_t *name = need_key(rd, j, "event", &st);
  if (!name) return st;
  if (!json_is_string(name)) return mistyped(rd, name, "an event name");
  const char *nm = json_string_value(name);
  if (!strcmp(nm, "ShapeEnv"))
    return ffail(rd, "the \"ShapeEnv\" constructor event may only be the first line");
  ev->kind = event_kind(nm);
  bool v1_float = false;
  if (rd->version == 1 && ev->kind == SE_EV_CONSTRUCTOR) {
    ev->kind = v1_renamed(nm);
    v1_float = ev->kind == SE_EV_CREATE_UNSPECIFIED_SYMBOL;
  }
  if (ev->kind == SE_EV_CONSTRUCTOR) return ffail(rd, "unknown event \"%.60s\"", nm);
  set_field(rd, "line", NULL);
  if ((st = only_keys(rd, j, keys, 5)) != SE_OK) return st;
  set_field(rd, "args", NULL);
  const json_t *args = need_key(rd, j, "args", &st);
  if (!args) return st;
  if (!json_is_object(args)) return mistyped(rd, args, "an object");
  const char *const *names;
  const se_argkind *kinds;
  size_t np = se__event_params(ev->kind, &names, &kinds);
  if (v1_float) {
    names = v1_float_names;
    kinds = v1_float_kinds;
  }
  if ((st = only_keys(rd, args, names, np)) != SE_OK) return st;
  ev->nargs = np;
  ev->args = ralloc(rd, np * sizeof *ev->args);
  if (!ev->args) return SE_NOMEM;
  for (size_t i = 0; i < np; i++) {
    set_field(rd, "args", names[i]);
    const json_t *a = json_object_get(args, names[i]);
    if (!a && rd->version == 1 && v1_default(rd, ev->kind, names[i], &ev->args[i])) continue;
    if (!a) return ffail(rd, "missing argument of %s", nm);
    if ((st = rarg(rd, a, kinds[i], &ev->args[i])) != SE_OK) return st;
  }
  if (v1_float) {
    double f = ev->args[0].u.f;
    ev->args[0].kind = SE_ARG_NUM;
    ev->args[0].u.num = (se_num){true, 0, f};
  }
  set_field(rd, "tracked_fakes", NULL);
  const json_t *tf = json_object_get(j, "tracked_fakes");
  if (tf && json_is_string(tf)) {
    if (!se__event_saves_fakes(ev->kind)) return ffail(rd, "%s events keep no snapshot", nm);
    if (strcmp(json_string_value(tf), "previous") != 0)
      return ffail(rd, "expected a list of tracked inputs or \"previous\"");
    if (!rd->have_fakes) return ffail(rd, "\"previous\" but no earlier event has a snapshot");
    ev->fakes = rd->last_fakes;
    ev->nfakes = rd->last_nfakes;
    ev->has_fakes = true;
    ev->fakes_shared = true;
  } else if (tf) {
    if (!se__event_saves_fakes(ev->kind)) return ffail(rd, "%s events keep no snapshot", nm);
    size_t n = SIZE_MAX;
    if ((st = rarray(rd, tf, &n)) != SE_OK) return st;
    se_tracked *f = ralloc(rd, n * sizeof *f);
    if (!f) return SE_NOMEM;
    for (size_t i = 0; i < n; i++) {
      snprintf(rd->field, sizeof rd->field, "tracked_fakes[%zu]", i);
      if ((st = rtracked(rd, json_array_get(tf, i), true, &f[i])) != SE_OK) return st;
    }
    ev->fakes = f;
    ev->nfakes = n;
    ev->has_fakes = true;
    if ((st = keep_snapshot(rd, f, n)) != SE_OK) return st;
  }
  set_field(rd, "location", NULL);
  const json_t *loc = json_object_get(j, "location");
  if (loc && (st = rtext(rd, loc, false, &ev->location)) != SE_OK) return st;
  return SE_OK;
}

static void report(reader *rd, se_log_event_fn fn, void *ud, size_t index, const se_event *ev,
                   const se_env_options *ctor) {
  if (!fn) return;
  se_buf b;
  se__buf_init(&b);
  if (ctor)
    se__rec_ctor_text(&b, ctor);
  else
    se__rec_event_text(rd->dst, &b, ev);
  fn(ud, index, b.oom || !b.p ? "?" : b.p);
  se__buf_free(&b);
}

/* Reads and replays one line (index). */
static se_status replay_line(reader *rd, const char *p, size_t n, bool nl, size_t index,
                             se_log_event_fn fn, void *ud) {
  size_t k = 0;
  while (k < n && (p[k] == ' ' || p[k] == '\t' || p[k] == '\r')) k++;
  if (k == n) return rfail(rd, SE_PARSE, "empty line (every line must be one event)");
  json_error_t err;
  json_t *j = json_loadb(p, n, JSON_REJECT_DUPLICATES, &err);
  if (!j) {
    int col = err.column > 0 ? err.column : err.position + 1;
    if (!nl)
      return rfail(rd, SE_PARSE,
                   "truncated last line (no newline at the end and not complete JSON): "
                   "column %d: %s",
                   col, err.text);
    return rfail(rd, SE_PARSE, "column %d: invalid JSON: %s", col, err.text);
  }
  se_status st;
  if (!json_is_object(j)) {
    st = rfail(rd, SE_PARSE, "expected a JSON object, found %s", jtype(j));
  } else if (index == 0) {
    se_env_options opt;
    st = rctor(rd, j, &opt);
    if (st == SE_OK) report(rd, fn, ud, 0, NULL, &opt);
  } else {
    se_event ev;
    st = revent(rd, j, index, &ev);
    if (st == SE_OK) {
      if (se_last_status(rd->ctx) != SE_OK) se_clear_error(rd->ctx);
      if (rd->record && ev.location) se_env_set_location(rd->dst, ev.location);
      st = se__replay_event(rd->dst, index, &ev);
      if (st != SE_OK) {
        char prefix[120];
        snprintf(prefix, sizeof prefix, "event %zu (%s): ", index, se__event_name(ev.kind));
        st = rewrap(rd, st, prefix);
      } else {
        report(rd, fn, ud, index, &ev, NULL);
      }
    }
  }
  json_decref(j);
  return st;
}

static se_status replay_lines(se_ctx *ctx, const char *name, line_src *src, size_t until,
                              se_log_event_fn fn, void *ud, bool record, bool provenance,
                              se_env **out) {
  *out = NULL;
  reader rd;
  memset(&rd, 0, sizeof rd);
  rd.ctx = ctx;
  rd.name = name;
  rd.record = record;
  rd.provenance = provenance;
  se_status st = SE_OK;
  for (size_t index = 0; index <= until; index++) {
    const char *p = NULL;
    size_t n = 0;
    bool nl = false;
    int got = next_line(src, &p, &n, &nl);
    if (got < 0) {
      st = rfail(&rd, SE_IO, "read error: %s", strerror(errno));
      break;
    }
    if (got == 0) break;
    rd.line++;
    se__arena_init(&rd.scratch);
    st = replay_line(&rd, p, n, nl, index, fn, ud);
    se__arena_free(&rd.scratch);
    if (st != SE_OK) break;
    if (index == SIZE_MAX) break;
  }
  se__arena_free(&rd.snap);
  if (st == SE_OK && !rd.dst) {
    rd.line = 1;
    st = rfail(&rd, SE_PARSE, "empty log (the first line must be the ShapeEnv constructor event)");
  }
  if (st != SE_OK) {
    se_env_free(rd.dst);
    return st;
  }
  *out = rd.dst;
  return SE_OK;
}

static se_status replay_file(se_ctx *ctx, const char *path, size_t until,
                             se_log_event_fn on_event, void *ud, bool record, bool provenance,
                             se_env **out) {
  if (!ctx) return SE_INVALID;
  if (!path || !out) return se__fail(ctx, SE_INVALID, "se_log_replay: NULL argument");
  *out = NULL;
  bool is_stdin = !strcmp(path, "-");
  FILE *f = is_stdin ? stdin : fopen(path, "r");
  if (!f) return se__fail(ctx, SE_IO, "cannot open %s: %s", path, strerror(errno));
  line_src src;
  memset(&src, 0, sizeof src);
  src.f = f;
  se_status st = replay_lines(ctx, is_stdin ? "<stdin>" : path, &src, until, on_event, ud,
                              record, provenance, out);
  free(src.buf);
  if (!is_stdin) fclose(f);
  return st;
}

se_status se_log_replay(se_ctx *ctx, const char *path, size_t until, se_log_event_fn on_event,
                        void *ud, se_env **out) {
  return replay_file(ctx, path, until, on_event, ud, false, false, out);
}

se_status se_log_load(se_ctx *ctx, const char *path, size_t until, bool provenance,
                      se_env **out) {
  return replay_file(ctx, path, until, NULL, NULL, true, provenance, out);
}

se_status se_log_replay_buffer(se_ctx *ctx, const char *name, const char *data, size_t len,
                               size_t until, se_log_event_fn on_event, void *ud, se_env **out) {
  if (!ctx) return SE_INVALID;
  if (!out || (!data && len)) return se__fail(ctx, SE_INVALID, "se_log_replay_buffer: NULL argument");
  *out = NULL;
  line_src src;
  memset(&src, 0, sizeof src);
  src.data = data;
  src.len = len;
  return replay_lines(ctx, name ? name : "<buffer>", &src, until, on_event, ud, false, false,
                      out);
}
