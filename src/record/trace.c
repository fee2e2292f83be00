/* Printing events and trace lines, deterministically (names and values,
 * never addresses). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "record/recorder.h"

static const char *const dim_names[] = {"DYNAMIC", "DUCK", "STATIC", "SIZE_LIKE_UNBACKED",
                                        "INFER_STRIDE", "OBLIVIOUS_SIZE"};

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

void se__rec_print_arg(se_env *env, se_buf *b, const se_evarg *a) {
  switch (a->kind) {
  case SE_ARG_INT: se__buf_printf(b, "%lld", (long long)a->u.i); break;
  case SE_ARG_FLOAT: put_pyfloat(b, a->u.f); break;
  case SE_ARG_BOOL: se__buf_puts(b, a->u.b ? "True" : "False"); break;
  case SE_ARG_EXPR: put_expr(env, b, a->u.e); break;
  case SE_ARG_SOURCE: se__buf_puts(b, a->u.src ? a->u.src->name : "None"); break;
  case SE_ARG_DIM:
    se__buf_printf(b, "DimDynamic.%s",
                   a->u.i >= 0 && a->u.i < 6 ? dim_names[a->u.i] : "?");
    break;
  case SE_ARG_CONSTRAINT: {
    const se_constraint *c = a->u.c;
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
    break;
  }
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
    if (t->dynamic_sizes) {
      se__buf_puts(b, ", dynamic_sizes=[");
      for (size_t i = 0; i < t->dim; i++)
        se__buf_printf(b, "%sDimDynamic.%s", i ? ", " : "",
                       (unsigned)t->dynamic_sizes[i] < 6 ? dim_names[t->dynamic_sizes[i]] : "?");
      se__buf_putc(b, ']');
    }
    if (t->dynamic_strides) {
      se__buf_puts(b, ", dynamic_strides=[");
      for (size_t i = 0; i < t->dim; i++)
        se__buf_printf(b, "%sDimDynamic.%s", i ? ", " : "",
                       (unsigned)t->dynamic_strides[i] < 6 ? dim_names[t->dynamic_strides[i]]
                                                           : "?");
      se__buf_putc(b, ']');
    }
    se__buf_putc(b, ')');
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

void se__rec_trace_result(se_env *env, se_recorder *r, se_status st) {
  se_buf b;
  se__buf_init(&b);
  for (int i = 0; i < r->depth; i++) se__buf_putc(&b, ' ');
  if (st == SE_OK)
    se__buf_puts(&b, "-> ok");
  else
    se__buf_printf(&b, "-> failed: %s", se_errmsg(env->ctx));
  if (!b.oom) r->trace(r->trace_ud, b.p);
  se__buf_free(&b);
}
