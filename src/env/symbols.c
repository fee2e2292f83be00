/* Symbol creation (spec shapeenv 4.1-4.5): backed symbols with hash-based
 * ids, 0/1 specialisation and duck sizing, unbacked symbols, the SymNode
 * wrappers and create_symbolic_sizes_strides_storage_offset.
 *
 * Every public function here is a transaction: state is only written
 * through the se__st_* writers, and a failure rolls all of it back (unlike
 * PyTorch, which leaves a half-made symbol behind when create_symbol
 * raises; a replayed log never contains the failed call, so the rollback
 * is what keeps original and replay equal). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "env/env.h"
#include "env/simplify.h"
#include "env/symbols.h"

/* The status to return after a builder failed: the recorded one. */
static se_status failed(se_env *env) {
  se_status st = se__status(env->ctx);
  return st != SE_OK ? st : SE_NOMEM;
}

/* ---- values: an int or a float input ------------------------------------------- */

typedef struct val_t {
  bool is_float; /* a Python float */
  int64_t i;     /* the int (valid when !is_float) */
  double f;      /* the float (valid when is_float) */
} val_t;

static val_t int_val(int64_t v) {
  val_t r = {false, v, 0.0};
  return r;
}

static const se_expr *val_node(se_ctx *ctx, val_t v) {
  return v.is_float ? se__float(ctx, v.f) : se__int(ctx, v.i);
}

/* Python's v == k for an int k. */
static bool val_is(val_t v, int64_t k) { return v.is_float ? v.f == (double)k : v.i == k; }

static bool val_negative(val_t v) { return v.is_float ? v.f < 0 : v.i < 0; }

/* Python's repr of a float: the shortest digits that read back, fixed
 * notation for decimal exponents in [-4, 16), else d.ddde+XX. */
static void put_pyfloat(se_buf *b, double v) {
  if (isnan(v)) {
    se__buf_puts(b, "nan");
    return;
  }
  if (isinf(v)) {
    se__buf_puts(b, v < 0 ? "-inf" : "inf");
    return;
  }
  char buf[40];
  for (int p = 1; p <= 17; p++) {
    snprintf(buf, sizeof buf, "%.*e", p - 1, v);
    if (strtod(buf, NULL) == v) break;
  }
  char digits[24];
  size_t nd = 0;
  const char *q = buf;
  bool neg = *q == '-';
  if (neg) q++;
  for (; *q && *q != 'e'; q++)
    if (*q >= '0' && *q <= '9' && nd < sizeof digits - 1) digits[nd++] = *q;
  digits[nd] = '\0';
  while (nd > 1 && digits[nd - 1] == '0') digits[--nd] = '\0';
  int exp = *q == 'e' ? atoi(q + 1) : 0;
  if (neg) se__buf_putc(b, '-');
  if (exp >= -4 && exp < 16) {
    if (exp < 0) {
      se__buf_puts(b, "0.");
      for (int i = 0; i < -exp - 1; i++) se__buf_putc(b, '0');
      se__buf_puts(b, digits);
    } else if ((size_t)exp + 1 >= nd) {
      se__buf_puts(b, digits);
      for (size_t i = nd; i < (size_t)exp + 1; i++) se__buf_putc(b, '0');
      se__buf_puts(b, ".0");
    } else {
      se__buf_putn(b, digits, (size_t)exp + 1);
      se__buf_putc(b, '.');
      se__buf_puts(b, digits + exp + 1);
    }
  } else {
    se__buf_putc(b, digits[0]);
    if (nd > 1) {
      se__buf_putc(b, '.');
      se__buf_puts(b, digits + 1);
    }
    se__buf_printf(b, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
  }
}

/* str(val) as Python prints it; caller frees with se__buf_free. */
static void put_val(se_buf *b, val_t v) {
  if (v.is_float)
    put_pyfloat(b, v.f);
  else
    se__buf_printf(b, "%lld", (long long)v.i);
}

/* ---- unique ids --------------------------------------------------------------- */

/* _generate_unique_id: the id (>= 0) now recorded in unique_ids (an undo-
 * logged write), or -1 with the error recorded. */
int64_t se__env_unique_id(se_env *env, const char *name) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int mdlen = 0;
  if (!EVP_Digest(name, strlen(name), md, &mdlen, EVP_sha256(), NULL)) {
    se__fail(env->ctx, SE_INVALID, "SHA-256 of source name %s failed", name);
    return -1;
  }
  /* The digest read as one big-endian integer, reduced byte by byte. */
  unsigned r = 0;
  for (unsigned i = 0; i < mdlen; i++) r = (r * 256u + md[i]) % 100u;
  int64_t id = (int64_t)r;
  for (;;) {
    const se_expr *k = se__int(env->ctx, id);
    if (!k) return -1;
    if (!se__st_get(&env->unique_ids, k)) {
      if (!se__st_put_e(env, &env->unique_ids, k, (se_mapval){.i = 1})) return -1;
      return id;
    }
    if (!se__add_i64(id, 1, &id)) {
      se__fail(env->ctx, SE_OVERFLOW, "symbol ids exhausted");
      return -1;
    }
  }
}

/* ---- small state helpers ---------------------------------------------------------- */

static bool put_range(se_env *env, const se_expr *sym, se_range r) {
  if (!se__vr_ok(r)) return false;
  const se_range *p = se__env_range_copy(env, r);
  return p && se__st_put_e(env, &env->var_to_range, sym, (se_mapval){.p = p});
}

/* var_to_sources[sym].append(src), keeping a non-ephemeral source first. */
static bool append_source(se_env *env, const se_expr *sym, const se_source *src) {
  se_map_entry *e = se__st_get(&env->var_to_sources, sym);
  const se_srclist *old = e ? e->val.p : NULL;
  size_t n = old ? old->n : 0;
  se_srclist *l = se__arena_alloc(&env->ctx->arena, sizeof *l + (n + 1) * sizeof l->v[0]);
  if (!l) {
    se__fail(env->ctx, SE_NOMEM, "out of memory recording a source");
    return false;
  }
  for (size_t i = 0; i < n; i++) l->v[i] = old->v[i];
  l->v[n] = src;
  l->n = n + 1;
  if (!src->ephemeral && l->v[0]->ephemeral) {
    l->v[n] = l->v[0];
    l->v[0] = src;
  }
  return se__st_put_e(env, &env->var_to_sources, sym, (se_mapval){.p = l});
}

static bool put_source_key(se_env *env, se_map *m, const se_source *src, const se_expr *v) {
  return se__st_put(env, m, src, src->hash, (se_mapval){.p = v});
}

/* u<digits> or zuf<digits>: an unbacked symbol. */
static bool is_unbacked_name(const char *s) {
  const char *d = NULL;
  if (s[0] == 'u')
    d = s + 1;
  else if (strncmp(s, "zuf", 3) == 0)
    d = s + 3;
  if (!d || !*d) return false;
  for (; *d; d++)
    if (*d < '0' || *d > '9') return false;
  return true;
}

static bool has_unbacked(const se_expr *e) {
  if (e->kind == SE_K_SYMBOL) return is_unbacked_name(e->u.sym.name);
  for (uint32_t i = 0; i < e->nargs; i++)
    if (has_unbacked(e->args[i])) return true;
  return false;
}

/* val_to_var[val] with Python's key equality (3 and 3.0 are one key). An
 * int looks for an equal Float key by scanning, so no Float node is made. */
static const se_expr *duck_lookup(se_env *env, val_t v) {
  const se_expr *k = val_node(env->ctx, v);
  if (!k) return NULL;
  se_map_entry *e = se__st_get(&env->val_to_var, k);
  if (e) return e->val.p;
  if (v.is_float) {
    if (!(floor(v.f) == v.f && fabs(v.f) < 9.2e18)) return NULL;
    const se_expr *alt = se__int(env->ctx, (int64_t)v.f);
    e = alt ? se__st_get(&env->val_to_var, alt) : NULL;
    return e ? e->val.p : NULL;
  }
  SE_MAP_EACH(&env->val_to_var, f) {
    const se_expr *key = f->key;
    if (key->kind == SE_K_FLOAT && key->u.f == (double)v.i && fabs(key->u.f) < 9.2e18 &&
        (int64_t)key->u.f == v.i)
      return f->val.p;
  }
  return NULL;
}

static const char *dim_dynamic_name(se_dim_dynamic d) {
  switch (d) {
  case SE_DIM_DYNAMIC: return "DYNAMIC";
  case SE_DIM_DUCK: return "DUCK";
  case SE_DIM_STATIC: return "STATIC";
  case SE_DIM_SIZE_LIKE_UNBACKED: return "SIZE_LIKE_UNBACKED";
  case SE_DIM_INFER_STRIDE: return "INFER_STRIDE";
  case SE_DIM_OBLIVIOUS_SIZE: return "OBLIVIOUS_SIZE";
  }
  return "?";
}

static const se_expr *bound_expr(se_ctx *ctx, int64_t v, bool upper) {
  if (upper && v == INT64_MAX) return se__const(ctx, SE_K_INT_OO);
  if (!upper && v == INT64_MIN) return se__const(ctx, SE_K_NEG_INT_OO);
  return se__int(ctx, v);
}

/* The symbol name with assumptions asm_. Symbols are identified by name in
 * a context, so a name already made with other assumptions (possible for
 * an s<id> with positive=None, or a source named like a symbol) cannot be
 * made again: SE_STATE rather than silently sharing the other one. */
static const se_expr *make_symbol(se_env *env, const char *name, uint32_t asm_) {
  const se_expr *sym = se__sym_asm(env->ctx, name, strlen(name), asm_);
  if (sym && sym->u.sym.asm_ != asm_) {
    se__fail(env->ctx, SE_STATE,
             "symbol %s already exists in this context with other assumptions", name);
    return NULL;
  }
  return sym;
}

/* ---- unbacked symbols ------------------------------------------------------------ */

typedef enum unbacked_kind { UB_INT, UB_FLOAT, UB_BOOL } unbacked_kind;

static se_status unbacked_impl(se_env *env, unbacked_kind kind, se_sym *out) {
  out->fx = -1;
  se_ctx *ctx = env->ctx;
  int64_t *counter =
      kind == UB_FLOAT ? &env->unbacked_symfloat_counter : &env->unbacked_symint_counter;
  int64_t n = *counter, next;
  if (!se__add_i64(n, 1, &next))
    return se__fail(ctx, SE_OVERFLOW, "unbacked symbol counter overflow");
  se__st_set_i64(env, counter, next);
  char name[32];
  snprintf(name, sizeof name, "%s%lld", kind == UB_FLOAT ? "zuf" : "u", (long long)n);
  /* The prefix's assumptions (u: integer, zuf: real; PyTorch gives zuf
   * none, but a name carries one set per context and the parser reads
   * zuf<n> as real, so both must agree). */
  const se_expr *sym = se__sym(ctx, name, strlen(name));
  if (!sym) return failed(env);
  if (!env->ignore_fresh_unbacked_symbols &&
      !se__st_push(env, &env->pending_fresh_unbacked_symbols, &sym))
    return failed(env);
  se_range vr;
  if (kind == UB_INT)
    vr = se__vr_unknown_int(ctx);
  else if (kind == UB_FLOAT)
    vr = se__vr_unknown(ctx);
  else
    vr = se__vr_make(ctx, se__int(ctx, 0), se__int(ctx, 1));
  if (!put_range(env, sym, vr)) return failed(env);
  int32_t fx = se__fx_placeholder(env, sym);
  if (fx < 0 && env->opt.translation_validation) return failed(env);
  out->expr = sym;
  out->hint = NULL;
  out->type = kind == UB_FLOAT ? SE_PY_FLOAT : kind == UB_BOOL ? SE_PY_BOOL : SE_PY_INT;
  out->fx = fx;
  if (kind == UB_BOOL) {
    out->expr = se__rel(ctx, SE_K_EQ, sym, se__int(ctx, 1));
    if (!out->expr) return failed(env);
  }
  return SE_OK;
}

/* ---- create_symbol ------------------------------------------------------------- */

static se_status create_symbol_impl(se_env *env, val_t val, const se_source *source,
                                    se_dim_dynamic dyn, const se_constraint *c, bool positive,
                                    bool dnszo, const se_expr **out) {
  se_ctx *ctx = env->ctx;
  *out = NULL;
  if (c && c->kind == SE_CONSTRAINT_NONE) c = NULL;

  /* A min == max constraint is a static dimension. */
  if (c && c->kind == SE_CONSTRAINT_STRICT_MIN_MAX && c->lo == c->hi) {
    dyn = SE_DIM_STATIC;
    if (!val_is(val, c->lo)) {
      se_buf b;
      se__buf_init(&b);
      put_val(&b, val);
      se_status st = se__fail(ctx, SE_CONSTRAINT,
                              "Static shape constraint of %lld does not match input size of "
                              "%s, for %s",
                              (long long)c->lo, b.p ? b.p : "?", source->name);
      se__buf_free(&b);
      return st;
    }
    c = NULL;
  }

  /* Unbacked inputs. */
  if (dyn == SE_DIM_SIZE_LIKE_UNBACKED || dyn == SE_DIM_OBLIVIOUS_SIZE) {
    if (val.is_float)
      return se__fail(ctx, SE_INVALID, "a size-like unbacked input must be an int (%s)",
                      source->name);
    se_sym u;
    se_status st = unbacked_impl(env, UB_INT, &u);
    if (st != SE_OK) return st;
    st = se_env_constrain_range_for_size(env, u.expr, NULL, NULL);
    if (st != SE_OK) return st;
    if (!se__st_put_e(env, &env->unbacked_inputs, u.expr, (se_mapval){.i = 1}))
      return failed(env);
    if (dyn == SE_DIM_OBLIVIOUS_SIZE) {
      const se_expr *v = se__int(ctx, val.i);
      if (!v || !se__st_put_e(env, &env->oblivious_var_to_val, u.expr, (se_mapval){.p = v}))
        return failed(env);
    }
    *out = u.expr;
    return SE_OK;
  }

  bool specialize_zero_one = dnszo ? false : env->opt.specialize_zero_one;
  if (positive && val_negative(val)) {
    se_buf b;
    se__buf_init(&b);
    put_val(&b, val);
    se_status st = se__fail(ctx, SE_INVALID, "positive set for negative value: %s (%s)",
                            b.p ? b.p : "?", source->name);
    se__buf_free(&b);
    return st;
  }
  if (c) dyn = SE_DIM_DYNAMIC;

  if (dyn == SE_DIM_STATIC) {
    /* sympy.Integer(val): a float is truncated. */
    int64_t iv = val.i;
    if (val.is_float) {
      if (!(fabs(val.f) < 9.2e18))
        return se__fail(ctx, SE_OVERFLOW, "static value out of range for %s", source->name);
      iv = (int64_t)val.f;
    }
    *out = se__int(ctx, iv);
    return *out ? SE_OK : failed(env);
  }
  bool duck;
  if (dyn == SE_DIM_DUCK)
    duck = env->opt.duck_shape;
  else if (dyn == SE_DIM_DYNAMIC)
    duck = false;
  else
    return se__fail(ctx, SE_INVALID, "unhandled dynamic_dim DimDynamic.%s for %s",
                    dim_dynamic_name(dyn), source->name);

  if ((val_is(val, 0) || val_is(val, 1)) && specialize_zero_one) {
    *out = se__int(ctx, val_is(val, 0) ? 0 : 1);
    return *out ? SE_OK : failed(env);
  }

  const se_expr *r = duck ? duck_lookup(env, val) : NULL;
  if (!r) {
    int64_t id = se__env_unique_id(env, source->name);
    if (id < 0) return failed(env);
    char name[32];
    snprintf(name, sizeof name, "%s%lld", val.is_float ? "zf" : "s", (long long)id);
    uint32_t asm_;
    if (val.is_float)
      asm_ = SE_ASM_REAL | (positive ? SE_ASM_POSITIVE | SE_ASM_NONNEG : 0u);
    else if (positive)
      asm_ = SE_ASM_INTEGER | SE_ASM_POSITIVE | SE_ASM_NONNEG | SE_ASM_REAL;
    else
      asm_ = SE_ASM_INTEGER | SE_ASM_REAL;
    const se_expr *sym = make_symbol(env, name, asm_);
    const se_expr *vnode = val_node(ctx, val);
    if (!sym || !vnode) return failed(env);
    if (!put_source_key(env, &env->source_to_var, source, sym) ||
        !se__st_put_e(env, &env->backed_var_to_val, sym, (se_mapval){.p = vnode}))
      return failed(env);
    if (duck && !se__st_put_e(env, &env->val_to_var, vnode, (se_mapval){.p = sym}))
      return failed(env);
    se_range vr;
    if (val.is_float) {
      vr = se__vr_unknown(ctx);
    } else {
      if (positive) {
        int64_t lower = (dnszo || !env->opt.specialize_zero_one) ? 0 : 2;
        vr = se__vr_make(ctx, se__int(ctx, lower), se__const(ctx, SE_K_INT_OO));
      } else {
        vr = se__vr_unknown_int(ctx);
      }
      if (c && c->kind == SE_CONSTRAINT_STRICT_MIN_MAX) {
        se_range cv =
            se__vr_make(ctx, bound_expr(ctx, c->lo, false), bound_expr(ctx, c->hi, true));
        vr = se__vr_and(ctx, vr, cv);
      }
    }
    if (!put_range(env, sym, vr)) return failed(env);
    if (!val.is_float && !se__vr_contains(vr, vnode)) {
      char *lo = se_expr_str(ctx, vr.lo), *hi = se_expr_str(ctx, vr.hi);
      se_status st = se__fail(ctx, SE_CONSTRAINT, "%lld not in range [%s, %s]",
                              (long long)val.i, lo ? lo : "?", hi ? hi : "?");
      se_free(lo);
      se_free(hi);
      return st;
    }
    r = sym;
  } else {
    if (!put_source_key(env, &env->source_to_var, source, r)) return failed(env);
  }
  if (r->kind == SE_K_SYMBOL) {
    if (!append_source(env, r, source)) return failed(env);
    if (!se__st_put_e(env, &env->symbol_guard_counter, r, (se_mapval){.i = 0}))
      return failed(env);
  }
  *out = r;
  return SE_OK;
}

/* The un-bracketed steps (contracts in env/symbols.h). */
se_status se__env_create_symbol(se_env *env, int64_t val, const se_source *source,
                                se_dim_dynamic dyn, const se_constraint *constraint,
                                bool positive, bool do_not_specialize_zero_one,
                                const se_expr **out) {
  return create_symbol_impl(env, int_val(val), source, dyn, constraint, positive,
                            do_not_specialize_zero_one, out);
}

static val_t num_val(se_num v) {
  val_t r = {v.is_float, v.i, v.f};
  return r;
}

se_status se__env_create_symbol_num(se_env *env, se_num val, const se_source *source,
                                    se_dim_dynamic dyn, const se_constraint *constraint,
                                    bool positive, bool do_not_specialize_zero_one,
                                    const se_expr **out) {
  return create_symbol_impl(env, num_val(val), source, dyn, constraint, positive,
                            do_not_specialize_zero_one, out);
}

se_status se__env_create_unspecified_symbol(se_env *env, se_num val, const se_source *source,
                                            se_dim_dynamic dyn, const se_expr **out) {
  return create_symbol_impl(env, num_val(val), source, dyn, NULL, false, true, out);
}

/* ---- SymNode wrappers ------------------------------------------------------------ */

/* Python's number == number for the hint check. */
static bool same_number(const se_expr *a, const se_expr *b) {
  if (a == b) return true;
  if (!se__is_num(a) || !se__is_num(b)) return false;
  return se__num_cmp(a, b) == 0;
}

static se_status symnode_impl(se_env *env, const se_expr *expr, const se_expr *hint,
                              const se_source *source, se_pytype type, se_sym *out) {
  se_ctx *ctx = env->ctx;
  int32_t fx = -1;
  if (env->opt.translation_validation && source) {
    /* The source's own symbol (always integer, as PyTorch makes it). */
    const se_expr *ss = make_symbol(env, source->name, SE_ASM_INTEGER | SE_ASM_REAL);
    if (!ss) return failed(env);
    if (!se__map_find(&env->source_to_symbol, source, source->hash) &&
        !put_source_key(env, &env->source_to_symbol, source, ss))
      return failed(env);
    fx = se__fx_placeholder(env, ss);
    if (fx < 0) return failed(env);
  }
  se_kind constant_kind = type == SE_PY_FLOAT ? SE_K_FLOAT : SE_K_INTEGER;
  if (expr->kind == constant_kind) {
    if (hint && !same_number(expr, hint)) {
      char *a = se_expr_str(ctx, expr), *h = se_expr_str(ctx, hint);
      se_status st = se__fail(ctx, SE_INVALID, "constant %s does not match its hint %s",
                              a ? a : "?", h ? h : "?");
      se_free(a);
      se_free(h);
      return st;
    }
    out->expr = expr;
    out->hint = expr;
    out->type = type;
    out->fx = -1;
    return SE_OK;
  }
  if (has_unbacked(expr)) {
    if (type == SE_PY_FLOAT && hint) {
      char *a = se_expr_str(ctx, expr);
      se_status st =
          se__fail(ctx, SE_INVALID, "unbacked float %s cannot have a hint", a ? a : "?");
      se_free(a);
      return st;
    }
    hint = NULL;
  }
  out->expr = expr;
  out->hint = hint;
  out->type = type;
  out->fx = fx;
  return SE_OK;
}

se_status se__env_create_symnode(se_env *env, const se_expr *expr, const se_expr *hint,
                                 const se_source *source, se_pytype type, se_sym *out) {
  out->fx = -1;
  if (!expr) return failed(env);
  if (type == SE_PY_BOOL)
    return se__fail(env->ctx, SE_INVALID, "create_symintnode: a bool is not an int or float");
  return symnode_impl(env, expr, hint, source, type, out);
}

se_status se__env_create_unspecified_symint_and_symbol(se_env *env, int64_t value,
                                                      const se_source *source, se_dim_dynamic dyn,
                                                      const se_opt_int *excluded, se_sym *out) {
  out->fx = -1;
  const se_expr *sym = NULL;
  se_status st = create_symbol_impl(env, int_val(value), source, dyn, NULL, false, true, &sym);
  if (st != SE_OK) return st;
  if (excluded && excluded->given) {
    st = se__env_record_exclusion_constraint(env, sym, excluded->value);
    if (st != SE_OK) return st;
  }
  const se_expr *h = se__int(env->ctx, value);
  if (!h) return failed(env);
  return symnode_impl(env, sym, h, source, SE_PY_INT, out);
}

se_status se__env_create_unbacked(se_env *env, se_pytype type, se_sym *out) {
  return unbacked_impl(env,
                       type == SE_PY_FLOAT  ? UB_FLOAT
                       : type == SE_PY_BOOL ? UB_BOOL
                                            : UB_INT,
                       out);
}

/* ---- sizes, strides and storage offset ---------------------------------------------- */

typedef struct stride_order {
  int64_t val; /* stride hint */
  size_t i;    /* dimension */
} stride_order;

/* Stride ascending, ties by higher dimension first. */
static int cmp_stride(const void *a, const void *b) {
  const stride_order *x = a, *y = b;
  if (x->val != y->val) return x->val < y->val ? -1 : 1;
  return x->i > y->i ? -1 : x->i < y->i ? 1 : 0;
}

typedef struct candidate {
  int64_t key;         /* size hint * stride hint */
  const se_expr *expr; /* size expr * stride expr */
} candidate;

/* The value size i is created with: its hint override, else its size. */
static int64_t size_hint(const se_tensor_spec *spec, size_t i) {
  return spec->hint_overrides && spec->hint_overrides[i].given ? spec->hint_overrides[i].value
                                                               : spec->sizes[i];
}

static se_status tensor_impl(se_env *env, const se_tensor_spec *spec, const se_source *source,
                             se_tensor_meta *out) {
  se_ctx *ctx = env->ctx;
  size_t dim = spec->dim;
  if (dim && (!spec->sizes || !spec->strides))
    return se__fail(ctx, SE_INVALID, "tensor %s needs sizes and strides", source->name);
  for (size_t i = 0; spec->dynamic_strides && i < dim; i++) {
    se_dim_dynamic d = spec->dynamic_strides[i];
    if (d != SE_DIM_INFER_STRIDE && d != SE_DIM_DYNAMIC && d != SE_DIM_DUCK)
      return se__fail(ctx, SE_INVALID,
                      "Invalid stride DimDynamic.%s for dimension %zu of %s: strides may "
                      "only be INFER_STRIDE, DYNAMIC or DUCK",
                      dim_dynamic_name(d), i, source->name);
  }
  bool all_static = true;
  for (size_t i = 0; i < dim; i++) {
    se_dim_dynamic d = spec->dynamic_sizes ? spec->dynamic_sizes[i] : SE_DIM_DUCK;
    if (d != SE_DIM_STATIC) all_static = false;
  }

  size_t cnt = dim ? dim : 1;
  se_sym *osz = se__arena_alloc(&ctx->arena, cnt * sizeof *osz);
  se_sym *ost = se__arena_alloc(&ctx->arena, cnt * sizeof *ost);
  const se_expr **size = calloc(cnt, sizeof *size);
  const se_expr **stride = calloc(cnt, sizeof *stride);
  stride_order *order = calloc(cnt, sizeof *order);
  candidate *cands = calloc(cnt, sizeof *cands);
  size_t ncands = 0;
  se_status st = SE_OK;
  if (!osz || !ost || !size || !stride || !order || !cands) {
    st = se__fail(ctx, SE_NOMEM, "out of memory creating tensor %s", source->name);
    goto done;
  }

  /* Sizes. */
  for (size_t i = 0; i < dim && st == SE_OK; i++) {
    const se_source *s = se_source_size(ctx, source, (int64_t)i);
    if (!s) {
      st = failed(env);
      break;
    }
    se_dim_dynamic d = spec->dynamic_sizes ? spec->dynamic_sizes[i] : SE_DIM_DUCK;
    const se_constraint *c = spec->constraint_sizes ? &spec->constraint_sizes[i] : NULL;
    st = create_symbol_impl(env, int_val(size_hint(spec, i)), s, d, c, true, false, &size[i]);
  }

  /* Exclusion constraints of the symbolic sizes without a hint override. */
  bool any_excluded = false;
  for (size_t i = 0; spec->excluded_sizes && i < dim; i++)
    any_excluded = any_excluded || spec->excluded_sizes[i].given;
  for (size_t i = 0; any_excluded && i < dim && st == SE_OK; i++)
    if (spec->excluded_sizes[i].given && size[i]->kind == SE_K_SYMBOL &&
        !(spec->hint_overrides && spec->hint_overrides[i].given))
      st = se__env_record_exclusion_constraint(env, size[i], spec->excluded_sizes[i].value);

  /* Strides, smallest first, reusing size products where inferred. */
  for (size_t i = 0; i < dim; i++) {
    order[i].val = spec->strides[i];
    order[i].i = i;
  }
  if (dim) qsort(order, dim, sizeof *order, cmp_stride);
  for (size_t k = 0; k < dim && st == SE_OK; k++) {
    size_t i = order[k].i;
    int64_t v = spec->strides[i];
    int64_t next = 0;
    bool contiguous = i != dim - 1 &&
                      se__mul_i64(spec->sizes[i + 1], spec->strides[i + 1], &next) &&
                      v == next;
    se_dim_dynamic d = spec->dynamic_strides ? spec->dynamic_strides[i] : SE_DIM_INFER_STRIDE;
    const se_constraint *sc = spec->constraint_strides ? &spec->constraint_strides[i] : NULL;
    const se_expr *e = NULL;
    if ((v == 0 || v == 1) && !contiguous) {
      e = se__int(ctx, v);
      if (!e) st = failed(env);
    } else {
      if (d == SE_DIM_INFER_STRIDE)
        for (size_t j = 0; j < ncands; j++)
          if (cands[j].key == v) e = cands[j].expr;
      if (!e) {
        se_dim_dynamic dd = d;
        if (d == SE_DIM_INFER_STRIDE) dd = all_static ? SE_DIM_STATIC : SE_DIM_DUCK;
        const se_source *s = se_source_stride(ctx, source, (int64_t)i);
        st = s ? create_symbol_impl(env, int_val(v), s, dd, sc, true, false, &e) : failed(env);
      }
    }
    if (st != SE_OK) break;
    stride[i] = e;
    int64_t key;
    if (se__mul_i64(spec->sizes[i], v, &key)) {
      const se_expr *prod = se__mul2(ctx, size[i], e);
      if (!prod) {
        st = failed(env);
        break;
      }
      size_t j = 0;
      while (j < ncands && cands[j].key != key) j++;
      cands[j].key = key;
      cands[j].expr = prod;
      if (j == ncands) ncands++;
    }
  }

  /* The SymInts (an overridden size's hint is the override, recorded in
   * var_to_hint_override; a stride's hint is its expression under
   * backed_var_to_val when that is a number), then the storage offset. */
  for (size_t i = 0; i < dim && st == SE_OK; i++) {
    const se_source *s = se_source_size(ctx, source, (int64_t)i);
    const se_expr *h = se__int(ctx, size_hint(spec, i));
    st = s && h ? symnode_impl(env, size[i], h, s, SE_PY_INT, &osz[i]) : failed(env);
  }
  for (size_t i = 0; i < dim && st == SE_OK; i++) {
    if (!spec->hint_overrides || !spec->hint_overrides[i].given || se__is_num(osz[i].expr))
      continue;
    const se_expr *h = se__int(ctx, spec->hint_overrides[i].value);
    if (!h || !se__st_put_e(env, &env->var_to_hint_override, osz[i].expr, (se_mapval){.p = h}))
      st = failed(env);
  }
  for (size_t i = 0; i < dim && st == SE_OK; i++) {
    const se_source *s = se_source_stride(ctx, source, (int64_t)i);
    const se_expr *h = se__env_xreplace_map(ctx, stride[i], &env->backed_var_to_val);
    if (h && h->kind != SE_K_INTEGER) h = se__int(ctx, spec->strides[i]);
    st = s && h ? symnode_impl(env, stride[i], h, s, SE_PY_INT, &ost[i]) : failed(env);
  }
  if (st == SE_OK) {
    const se_source *s = se_source_storage_offset(ctx, source);
    const se_expr *off = NULL;
    st = s ? create_symbol_impl(env, int_val(spec->storage_offset), s,
                                all_static ? SE_DIM_STATIC : SE_DIM_DUCK, NULL, true, false,
                                &off)
           : failed(env);
    const se_expr *h = st == SE_OK ? se__int(ctx, spec->storage_offset) : NULL;
    if (st == SE_OK)
      st = h ? symnode_impl(env, off, h, s, SE_PY_INT, &out->storage_offset) : failed(env);
  }
  if (st == SE_OK) {
    out->dim = dim;
    out->sizes = osz;
    out->strides = ost;
    out->is_nested = spec->is_nested;
  }
done:
  free(size);
  free(stride);
  free(order);
  free(cands);
  return st;
}

se_status se__env_create_tensor(se_env *env, const se_tensor_spec *spec,
                                const se_source *source, se_tensor_meta *out) {
  return tensor_impl(env, spec, source, out);
}

