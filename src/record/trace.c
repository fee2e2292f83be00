/* Printing events and trace lines, deterministically (names and values,
 * never addresses). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "record/recorder.h"

/* DimDynamic member names as PyTorch 2.13 prints them (OBLIVIOUS_SIZE is ours). */
static const char *const dim_names[] = {"DYNAMIC", "DUCK", "STATIC", "UNBACKED",
                                        "INFER_STRIDE", "OBLIVIOUS_SIZE"};

static const char *dim_name(se_dim_dynamic d) {
  return (unsigned)d < 6 ? dim_names[d] : "?";
}

static void put_dim_list(se_buf *b, const char *key, const se_dim_dynamic *v, size_t n) {
  se__buf_printf(b, ", %s=[", key);
  for (size_t i = 0; i < n; i++) se__buf_printf(b, "%sDimDynamic.%s", i ? ", " : "", dim_name(v[i]));
  se__buf_putc(b, ']');
}

static void put_constraint(se_buf *b, const se_constraint *c);

static void put_constraint_list(se_buf *b, const char *key, const se_constraint *v, size_t n) {
  se__buf_printf(b, ", %s=[", key);
  for (size_t i = 0; i < n; i++) {
    if (i) se__buf_puts(b, ", ");
    put_constraint(b, &v[i]);
  }
  se__buf_putc(b, ']');
}

static void put_expr(se_env *env, se_buf *b, const se_expr *e) {
  if (!e) {
    se__buf_puts(b, "None");
    return;
  }
  se__str(b, e, true);
  (void)env;
}

/* Python's repr of a str: single quotes, backslash escapes. */
static void put_pystr(se_buf *b, const char *s) {
  bool dq = strchr(s, '\'') && !strchr(s, '"');
  char q = dq ? '"' : '\'';
  se__buf_putc(b, q);
  for (const char *p = s; *p; p++) {
    unsigned char c = (unsigned char)*p;
    if (c == '\\' || c == (unsigned char)q) {
      se__buf_putc(b, '\\');
      se__buf_putc(b, (char)c);
    } else if (c == '\n') {
      se__buf_puts(b, "\\n");
    } else if (c == '\t') {
      se__buf_puts(b, "\\t");
    } else if (c < 0x20 || c == 0x7f) {
      se__buf_printf(b, "\\x%02x", c);
    } else {
      se__buf_putc(b, (char)c);
    }
  }
  se__buf_putc(b, q);
}

/* Python's repr of a float. */
static void put_pyfloat(se_buf *b, double v) {
  if (isnan(v)) {
    se__buf_puts(b, "nan");
    return;
  }
  if (isinf(v)) {
    se__buf_puts(b, v > 0 ? "inf" : "-inf");
    return;
  }
  char tmp[40];
  for (int prec = 1; prec <= 17; prec++) {
    snprintf(tmp, sizeof tmp, "%.*g", prec, v);
    if (strtod(tmp, NULL) == v) break;
  }
  se__buf_puts(b, tmp);
  if (!strpbrk(tmp, ".einf")) se__buf_puts(b, ".0");
}

static void put_i64_list(se_buf *b, const int64_t *v, size_t n) {
  se__buf_putc(b, '[');
  for (size_t i = 0; i < n; i++) se__buf_printf(b, "%s%lld", i ? ", " : "", (long long)v[i]);
  se__buf_putc(b, ']');
}

static void put_constraint(se_buf *b, const se_constraint *c) {
  if (!c || c->kind == SE_CONSTRAINT_NONE) {
    se__buf_puts(b, "None");
  } else if (c->kind == SE_CONSTRAINT_RELAXED) {
    se__buf_printf(b, "RelaxedUnspecConstraint(warn_only=%s)", c->warn_only ? "True" : "False");
  } else {
    se__buf_printf(b, "StrictMinMaxConstraint(warn_only=%s, vr=VR[%lld, ",
                   c->warn_only ? "True" : "False", (long long)c->lo);
    if (c->hi == INT64_MAX)
      se__buf_puts(b, "int_oo");
    else
      se__buf_printf(b, "%lld", (long long)c->hi);
    se__buf_puts(b, "])");
  }
}

void se__rec_print_arg(se_env *env, se_buf *b, const se_evarg *a) {
  switch (a->kind) {
  case SE_ARG_INT: se__buf_printf(b, "%lld", (long long)a->u.i); break;
  case SE_ARG_FLOAT: put_pyfloat(b, a->u.f); break;
  case SE_ARG_BOOL: se__buf_puts(b, a->u.b ? "True" : "False"); break;
  case SE_ARG_EXPR: put_expr(env, b, a->u.e); break;
  case SE_ARG_SOURCE: se__buf_puts(b, a->u.src ? a->u.src->name : "None"); break;
  case SE_ARG_DIM: se__buf_printf(b, "DimDynamic.%s", dim_name((se_dim_dynamic)a->u.i)); break;
  case SE_ARG_CONSTRAINT: put_constraint(b, a->u.c); break;
  case SE_ARG_NUM:
    if (a->u.num.is_float)
      put_pyfloat(b, a->u.num.f);
    else
      se__buf_printf(b, "%lld", (long long)a->u.num.i);
    break;
  case SE_ARG_OPTBOOL:
    se__buf_puts(b, a->u.i < 0 ? "None" : a->u.i ? "True" : "False");
    break;
  case SE_ARG_OPTINT:
    if (a->u.oi.given)
      se__buf_printf(b, "%lld", (long long)a->u.oi.value);
    else
      se__buf_puts(b, "None");
    break;
  case SE_ARG_SYM:
    put_expr(env, b, a->u.sym.v.expr);
    break;
  case SE_ARG_STR:
    if (a->u.s)
      put_pystr(b, a->u.s);
    else
      se__buf_puts(b, "None");
    break;
  case SE_ARG_FX: se__buf_puts(b, a->u.fxname ? a->u.fxname : "None"); break;
  case SE_ARG_OP: se__buf_puts(b, a->u.s ? a->u.s : "None"); break;
  case SE_ARG_TENSOR: {
    const se_tensor_spec *t = a->u.t;
    se__buf_puts(b, "TensorSpec(size=");
    put_i64_list(b, t->sizes, t->dim);
    se__buf_puts(b, ", stride=");
    put_i64_list(b, t->strides, t->dim);
    se__buf_printf(b, ", storage_offset=%lld, is_nested=%s", (long long)t->storage_offset,
                   t->is_nested ? "True" : "False");
    if (t->is_dim_dynamic) {
      se__buf_puts(b, ", is_dim_dynamic=[");
      for (size_t i = 0; i < t->dim; i++)
        se__buf_printf(b, "%s%s", i ? ", " : "", t->is_dim_dynamic[i] ? "True" : "False");
      se__buf_putc(b, ']');
    }
    if (t->dynamic_sizes) put_dim_list(b, "dynamic_sizes", t->dynamic_sizes, t->dim);
    if (t->dynamic_strides) put_dim_list(b, "dynamic_strides", t->dynamic_strides, t->dim);
    if (t->constraint_sizes) put_constraint_list(b, "constraint_sizes", t->constraint_sizes, t->dim);
    if (t->constraint_strides)
      put_constraint_list(b, "constraint_strides", t->constraint_strides, t->dim);
    if (t->excluded_sizes) {
      se__buf_puts(b, ", excluded_sizes=[");
      for (size_t i = 0; i < t->dim; i++) {
        if (i) se__buf_puts(b, ", ");
        if (t->excluded_sizes[i].given)
          se__buf_printf(b, "%lld", (long long)t->excluded_sizes[i].value);
        else
          se__buf_puts(b, "None");
      }
      se__buf_putc(b, ']');
    }
    if (t->hint_overrides) {
      se__buf_puts(b, ", hint_overrides={");
      bool first = true;
      for (size_t i = 0; i < t->dim; i++) {
        if (!t->hint_overrides[i].given) continue;
        se__buf_printf(b, "%s%zu: %lld", first ? "" : ", ", i,
                       (long long)t->hint_overrides[i].value);
        first = false;
      }
      se__buf_putc(b, '}');
    }
    se__buf_putc(b, ')');
    break;
  }
  case SE_ARG_TRACKED: {
    const se_tracked *t = a->u.tracked;
    if (!t->is_tensor) {
      put_expr(env, b, t->value.expr);
      break;
    }
    se__buf_puts(b, "FakeTensorMeta(tensor_size=(");
    for (size_t i = 0; i < t->tensor.dim; i++) {
      if (i) se__buf_puts(b, ", ");
      put_expr(env, b, t->tensor.sizes[i].expr);
    }
    se__buf_puts(b, t->tensor.dim == 1 ? ",), tensor_stride=(" : "), tensor_stride=(");
    for (size_t i = 0; i < t->tensor.dim; i++) {
      if (i) se__buf_puts(b, ", ");
      put_expr(env, b, t->tensor.strides[i].expr);
    }
    se__buf_puts(b, t->tensor.dim == 1 ? ",), tensor_storage_offset=" : "), tensor_storage_offset=");
    put_expr(env, b, t->tensor.storage_offset.expr);
    se__buf_printf(b, ", is_nested=%s)", t->tensor.is_nested ? "True" : "False");
    break;
  }
  case SE_ARG_FXARGS:
    se__buf_putc(b, '(');
    for (size_t i = 0; i < a->u.fxargs.n; i++) {
      if (i) se__buf_puts(b, ", ");
      if (a->u.fxargs.names[i])
        se__buf_puts(b, a->u.fxargs.names[i]);
      else
        put_expr(env, b, a->u.fxargs.values[i]);
    }
    if (a->u.fxargs.n == 1) se__buf_putc(b, ',');
    se__buf_putc(b, ')');
    break;
  }
}

/* "NAME(p=v, ...)" */
static void put_call(se_env *env, se_buf *b, se_event_kind kind, const se_evarg *args,
                     size_t nargs) {
  const char *const *names;
  se__event_params(kind, &names, NULL);
  se__buf_puts(b, se__event_name(kind));
  se__buf_putc(b, '(');
  for (size_t i = 0; i < nargs; i++) {
    if (i) se__buf_puts(b, ", ");
    se__buf_printf(b, "%s=", names[i]);
    se__rec_print_arg(env, b, &args[i]);
  }
  se__buf_putc(b, ')');
}

void se__rec_trace_call(se_env *env, se_recorder *r, se_event_kind kind, const se_evarg *args,
                        size_t nargs) {
  se_buf b;
  se__buf_init(&b);
  for (int i = 0; i < r->depth; i++) se__buf_putc(&b, ' ');
  se__buf_puts(&b, "call ");
  put_call(env, &b, kind, args, nargs);
  if (!b.oom) r->trace(r->trace_ud, b.p);
  se__buf_free(&b);
}

void se__rec_trace_result(se_env *env, se_recorder *r, se_status st,
                          const se_expr *const *result) {
  se_buf b;
  se__buf_init(&b);
  for (int i = 0; i < r->depth; i++) se__buf_putc(&b, ' ');
  if (st == SE_OK) {
    se__buf_puts(&b, "-> ");
    put_expr(env, &b, result ? *result : NULL);
  } else
    se__buf_printf(&b, "-> failed: %s", se_errmsg(env->ctx));
  if (!b.oom) r->trace(r->trace_ud, b.p);
  se__buf_free(&b);
}

static void put_kw_bool(se_buf *b, bool *first, const char *k, bool v) {
  se__buf_printf(b, "%s'%s': %s", *first ? "" : ", ", k, v ? "True" : "False");
  *first = false;
}

void se__rec_ctor_text(se_buf *b, const se_env_options *o) {
  bool first = true;
  se__buf_puts(b, "event: ShapeEnv (None, {");
  if (o->given & SE_SET_ALLOW_SCALAR_OUTPUTS)
    put_kw_bool(b, &first, "allow_scalar_outputs", o->allow_scalar_outputs);
  if (o->given & SE_SET_ALLOW_DYNAMIC_OUTPUT_SHAPE_OPS)
    put_kw_bool(b, &first, "allow_dynamic_output_shape_ops", o->allow_dynamic_output_shape_ops);
  if (o->given & SE_SET_ASSUME_STATIC_BY_DEFAULT)
    put_kw_bool(b, &first, "assume_static_by_default", o->assume_static_by_default);
  if (o->given & SE_SET_SPECIALIZE_ZERO_ONE)
    put_kw_bool(b, &first, "specialize_zero_one", o->specialize_zero_one);
  if (o->given & SE_SET_DUCK_SHAPE) put_kw_bool(b, &first, "duck_shape", o->duck_shape);
  if (o->given & SE_SET_PREFER_DEFERRED_RUNTIME_ASSERTS)
    put_kw_bool(b, &first, "prefer_deferred_runtime_asserts_over_guards",
                o->prefer_deferred_runtime_asserts_over_guards);
  if (o->given & SE_SET_TRACE_ASSERTS) put_kw_bool(b, &first, "trace_asserts", o->trace_asserts);
  if (o->given & SE_SET_CO_FIELDS) {
    se__buf_printf(b, "%s'co_fields': {", first ? "" : ", ");
    for (size_t i = 0; i < o->n_co_fields; i++) {
      if (i) se__buf_puts(b, ", ");
      put_pystr(b, o->co_fields[2 * i]);
      se__buf_puts(b, ": ");
      put_pystr(b, o->co_fields[2 * i + 1]);
    }
    se__buf_putc(b, '}');
    first = false;
  }
  put_kw_bool(b, &first, "should_record_events", false);
  se__buf_puts(b, "})");
}

void se__rec_event_text(se_env *env, se_buf *b, const se_event *ev) {
  if (ev->kind == SE_EV_CONSTRUCTOR) {
    se__rec_ctor_text(b, &env->rec->ctor);
    return;
  }
  const char *const *names;
  se__event_params(ev->kind, &names, NULL);
  se__buf_printf(b, "event: %s ([ShapeEnv], {", se__event_name(ev->kind));
  for (size_t i = 0; i < ev->nargs; i++) {
    se__buf_printf(b, "%s'%s': ", i ? ", " : "", names[i]);
    se__rec_print_arg(env, b, &ev->args[i]);
  }
  se__buf_puts(b, "})");
}
