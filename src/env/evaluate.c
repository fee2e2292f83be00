/* The decision engine: evaluate_expr, guard_or_defer_runtime_assert,
 * _maybe_guard_rel, _refine_ranges, _update_var_to_range, _set_replacement
 * and the range constraints (spec/shapeenv.md 4.8-4.11, 4.14).
 *
 * Every state write goes through the se__st_* writers; the public entry
 * points open a transaction so a failing call (a data-dependent guard, an
 * empty range) leaves the environment exactly as it was. */
#include <stdlib.h>
#include <string.h>

#include "env/simplify.h"

/* ---- small helpers ------------------------------------------------------------------------ */

static se_status failed(se_ctx *ctx) {
  se_status st = se__status(ctx);
  return st == SE_OK ? SE_INVALID : st;
}

static bool has_prefix(const se_expr *s, const char *p) {
  return s->kind == SE_K_SYMBOL && strncmp(s->u.sym.name, p, strlen(p)) == 0;
}

/* SymT.UNBACKED_INT / UNBACKED_FLOAT (free_unbacked_symbols). */
static bool is_unbacked_sym(const se_expr *s) {
  return has_prefix(s, "u") || has_prefix(s, "zuf");
}

static bool is_float_sym(const se_expr *s) { return has_prefix(s, "zf"); }

static int ncmp(const se_expr *a, const se_expr *b) {
  if (!se__is_num(a) || !se__is_num(b)) return 2;
  return se__num_cmp(a, b);
}

static bool has_unbacked(se_ctx *ctx, const se_expr *e, const se_map *except, bool *out) {
  se__elist fs = {0};
  if (!se__env_free_symbols(ctx, e, &fs)) return false;
  *out = false;
  for (size_t i = 0; i < fs.n; i++)
    if (is_unbacked_sym(fs.v[i]) && !(except && se__st_get(except, fs.v[i]))) *out = true;
  se__elist_free(&fs);
  return true;
}

static bool all_backed(se_env *env, const se_expr *e, bool *out) {
  se__elist fs = {0};
  if (!se__env_free_symbols(env->ctx, e, &fs)) return false;
  *out = true;
  for (size_t i = 0; i < fs.n; i++)
    if (!se__env_is_backed(env, fs.v[i])) *out = false;
  se__elist_free(&fs);
  return true;
}

/* Every node of e is an integer (preorder_traversal(...).is_integer). */
static bool all_integer(se_ctx *ctx, const se_expr *e) {
  if (se__fact(ctx, e, SE_FACT_INTEGER) != SE_T_TRUE) return false;
  for (uint32_t i = 0; i < e->nargs; i++)
    if (!all_integer(ctx, e->args[i])) return false;
  return true;
}

/* _is_supported_equivalence: a symbol, or a two-argument Add/Mul of a
 * supported expression and an Integer. */
static bool supported_equivalence(const se_expr *e) {
  if (e->kind == SE_K_ADD || e->kind == SE_K_MUL) {
    if (e->nargs != 2) return false;
    const se_expr *l = e->args[0], *r = e->args[1];
    return (supported_equivalence(l) && r->kind == SE_K_INTEGER) ||
           (l->kind == SE_K_INTEGER && supported_equivalence(r));
  }
  return e->kind == SE_K_SYMBOL;
}

static char *str_of(se_ctx *ctx, const se_expr *e) { return se_expr_str(ctx, e); }

/* ---- ranges --------------------------------------------------------------------------------- */

/* _update_var_to_range(sym, vr): intersects sym's range with vr (size-like
 * symbols never get an upper bound below 2); a backed hint outside the new
 * range is an error unless is_constraint. */
se_status se__env_update_var_to_range(se_env *env, const se_expr *sym, se_range vr,
                                      bool is_constraint) {
  se_ctx *ctx = env->ctx;
  if (!sym || !se__vr_ok(vr)) return failed(ctx);
  if (se__st_get(&env->size_like, sym) && ncmp(vr.hi, se__int(ctx, 2)) == -1) {
    vr = se__vr_make(ctx, vr.lo, se__int(ctx, 2));
    if (!se__vr_ok(vr)) return failed(ctx);
  }
  const se_range *old = se__env_range(env, sym);
  if (!old) {
    const se_range *p = se__env_range_copy(env, vr);
    if (!p || !se__st_put_e(env, &env->var_to_range, sym, (se_mapval){.p = p})) return failed(ctx);
  } else {
    se_range nr = se__vr_and(ctx, *old, vr);
    if (!se__vr_ok(nr)) return failed(ctx);
    if (!se__vr_same(nr, *old)) {
      const se_range *p = se__env_range_copy(env, nr);
      if (!p || !se__st_put_e(env, &env->var_to_range, sym, (se_mapval){.p = p}))
        return failed(ctx);
    }
  }
  se_map_entry *hv = se__st_get(&env->backed_var_to_val, sym);
  if (hv && !is_constraint) {
    const se_range *r = se__env_range(env, sym);
    if (!se__vr_contains(*r, hv->val.p)) {
      char *v = str_of(ctx, hv->val.p), *rs = se_range_str(ctx, *r);
      se_status st = se__fail(ctx, SE_RANGE, "%s not in %s", v ? v : "?", rs ? rs : "?");
      se_free(v);
      se_free(rs);
      return st;
    }
  }
  return SE_OK;
}

/* ---- replacements ------------------------------------------------------------------------------ */

/* _set_replacement(a, tgt, msg): records a -> tgt unless it would lose a's
 * range (4.9 steps 1-5). Refines a's range (and, for a univariate target,
 * the range of its symbol) even when the replacement is refused. */
se_status se__env_set_replacement(se_env *env, const se_expr *a, const se_expr *tgt,
                                  const char *msg) {
  se_ctx *ctx = env->ctx;
  (void)msg;
  if (!a || !tgt) return failed(ctx);
  se_map_entry *cur = se__st_get(&env->replacements, a);
  if (cur && cur->val.p == tgt) return SE_OK;
  se__elist fs = {0};
  if (!se__env_free_symbols(ctx, tgt, &fs)) return failed(ctx);
  se_status st = SE_OK;
  if (se__elist_has(&fs, a)) goto out;
  if (a->kind != SE_K_SYMBOL) {
    st = se__fail(ctx, SE_INVALID, "replacement key is a %s, not a Symbol", se_kind_name(a->kind));
    goto out;
  }
  if (env->opt.prefer_deferred_runtime_asserts_over_guards && !supported_equivalence(tgt))
    goto out;
  const se_range *srcp = se__env_range(env, a);
  if (srcp) {
    se_range src = *srcp;
    se_range tb = se__env_bound(env, tgt, false);
    if (!se__vr_ok(tb)) {
      st = failed(ctx);
      goto out;
    }
    if ((st = se__env_update_var_to_range(env, a, tb, false)) != SE_OK) goto out;
    if (!se__vr_issubset(tb, src) && fs.n == 1) {
      const se_expr *b = fs.v[0], *rel, *rhs;
      const se_expr *eq = se__rel(ctx, SE_K_EQ, a, tgt);
      if (!eq) {
        st = failed(ctx);
        goto out;
      }
      se_status ts = se_try_solve(ctx, eq, b, false, &rel, &rhs);
      if (ts == SE_OK) {
        se_range rb = se__env_bound(env, rhs, false);
        if (!se__vr_ok(rb)) {
          st = failed(ctx);
          goto out;
        }
        const se_expr *lo = se__torchfn(ctx, SE_K_CEILTOINT, &rb.lo, 1);
        const se_expr *hi = se__torchfn(ctx, SE_K_FLOORTOINT, &rb.hi, 1);
        if (!lo || !hi) {
          st = failed(ctx);
          goto out;
        }
        se_range bb = se__vr_make(ctx, lo, hi);
        if (!se__vr_ok(bb)) {
          st = failed(ctx);
          goto out;
        }
        if ((st = se__env_update_var_to_range(env, b, bb, false)) != SE_OK) goto out;
        tb = se__env_bound(env, tgt, false);
        if (!se__vr_ok(tb)) {
          st = failed(ctx);
          goto out;
        }
        if (!se__vr_issubset(tb, src)) {
          char *x = se_range_str(ctx, tb), *y = se_range_str(ctx, src);
          st = se__fail(ctx, SE_RANGE, "tgt_bound=%s not a subset of src_bound=%s", x ? x : "?",
                        y ? y : "?");
          se_free(x);
          se_free(y);
          goto out;
        }
      } else if (ts != SE_NOTFOUND) {
        st = ts;
        goto out;
      }
    }
    if (se__st_get(&env->size_like, a) && tgt->kind == SE_K_SYMBOL) {
      if (!se__st_put_e(env, &env->size_like, tgt, (se_mapval){.i = 1})) goto fail;
    } else if (tgt->kind == SE_K_SYMBOL && se__st_get(&env->size_like, tgt)) {
      if (!se__st_put_e(env, &env->size_like, a, (se_mapval){.i = 1})) goto fail;
    }
    if (!se__vr_issubset(tb, src)) goto out;
    if (se__st_get(&env->size_like, a)) {
      se_range tso = se__env_bound(env, tgt, true), sso = se__env_bound(env, a, true);
      if (!se__vr_ok(tso) || !se__vr_ok(sso)) goto fail;
      if (!se__vr_issubset(tso, sso)) goto out;
    }
  }
  if (!se__st_put_e(env, &env->replacements, a, (se_mapval){.p = tgt})) goto fail;
  goto out;
fail:
  st = failed(ctx);
out:
  se__elist_free(&fs);
  return st;
}

/* _refine_ranges(expr): isolates each free symbol and tightens its range by
 * the bound of the other side; a singleton range becomes a replacement. */
static se_status refine_ranges(se_env *env, const se_expr *expr) {
  se_ctx *ctx = env->ctx;
  expr = se__env_simplify(env, expr, false);
  if (!expr) return failed(ctx);
  se__elist fs = {0};
  if (!se__env_free_symbols(ctx, expr, &fs)) return failed(ctx);
  se_status st = SE_OK;
  for (size_t i = 0; i < fs.n; i++) {
    const se_expr *sym = fs.v[i], *rel, *rhs;
    se_status ts = se_try_solve(ctx, expr, sym, true, &rel, &rhs);
    if (ts == SE_NOTFOUND) continue;
    if (ts != SE_OK) {
      st = ts;
      break;
    }
    if (se__fact(ctx, sym, SE_FACT_INTEGER) != SE_T_TRUE ||
        se__fact(ctx, rhs, SE_FACT_INTEGER) != SE_T_TRUE)
      continue;
    const se_range *vrp = se__env_range(env, sym);
    if (!vrp) continue;
    se_range vr = *vrp;
    const se_expr *lower = vr.lo, *upper = vr.hi;
    se_range rv = se__env_bound(env, rhs, false);
    if (!se__vr_ok(rv)) {
      st = failed(ctx);
      break;
    }
    /* Non-strict comparisons of the bounds: when they are equal, a strict
     * relation still moves the bound by one (x > y with both at 2 makes x
     * at least 3); a non-strict one leaves it as it was. */
    se_kind k = (se_kind)rel->kind;
    int clo = ncmp(lower, rv.lo), chi = ncmp(upper, rv.hi);
    if ((clo == -1 || clo == 0) && (k == SE_K_EQ || k == SE_K_GE || k == SE_K_GT))
      lower = k == SE_K_GT ? se__num_add(ctx, rv.lo, se__int(ctx, 1)) : rv.lo;
    if ((chi == 1 || chi == 0) && (k == SE_K_EQ || k == SE_K_LE || k == SE_K_LT))
      upper = k == SE_K_LT ? se__num_add(ctx, rv.hi, se__int(ctx, -1)) : rv.hi;
    if (!lower || !upper) {
      st = failed(ctx);
      break;
    }
    se_range nv = se__vr_make(ctx, lower, upper);
    if (!se__vr_ok(nv)) {
      st = failed(ctx);
      break;
    }
    if (se__vr_same(nv, vr)) continue;
    if ((st = se__env_update_var_to_range(env, sym, nv, false)) != SE_OK) break;
    const se_range *now = se__env_range(env, sym);
    if (se__vr_is_singleton(*now) &&
        (st = se__env_set_replacement(env, sym, now->lo, "range_refined_to_singleton")) != SE_OK)
      break;
  }
  se__elist_free(&fs);
  return st;
}

/* The sort key of _maybe_guard_rel's symbol preference. */
typedef struct sym_key {
  const se_expr *sym;
  int eph;      /* only ephemeral sources */
  int64_t size; /* hint of an s-symbol, else INT64_MAX */
} sym_key;

static int cmp_key_desc(const void *pa, const void *pb) {
  const sym_key *a = pa, *b = pb;
  if (a->eph != b->eph) return a->eph > b->eph ? -1 : 1;
  if (a->size != b->size) return a->size > b->size ? -1 : 1;
  return -strcmp(a->sym->u.sym.name, b->sym->u.sym.name);
}

static bool only_ephemeral(se_env *env, const se_expr *s) {
  se_map_entry *me = se__st_get(&env->var_to_sources, s);
  if (!me) return false;
  const se_srclist *l = me->val.p;
  for (size_t i = 0; i < l->n; i++)
    if (!l->v[i]->ephemeral) return false;
  return true;
}

static bool is_mod(const se_expr *e) { return e->kind == SE_K_MOD; }

static const se_expr *first_of_kind(const se_expr *e, bool (*pred)(const se_expr *)) {
  if (pred(e)) return e;
  for (uint32_t i = 0; i < e->nargs; i++) {
    const se_expr *r = first_of_kind(e->args[i], pred);
    if (r) return r;
  }
  return NULL;
}

static bool floordiv_nontrivial(const se_expr *e) {
  if ((e->kind == SE_K_FLOORDIV || e->kind == SE_K_CLEANDIV) && !se__is_int_value(e->args[1], 1))
    return true;
  for (uint32_t i = 0; i < e->nargs; i++)
    if (floordiv_nontrivial(e->args[i])) return true;
  return false;
}

/* trivial_solve(lhs, rhs) of _maybe_guard_rel. */
static bool trivial_solve(se_env *env, const se_expr *lhs, const se_expr *rhs, bool *out) {
  *out = false;
  if (lhs->kind != SE_K_SYMBOL) return true;
  if (is_unbacked_sym(lhs)) {
    bool hu;
    if (!has_unbacked(env->ctx, rhs, &env->unbacked_inputs, &hu)) return false;
    if (!hu) {
      *out = true;
      return true;
    }
  }
  if (is_float_sym(lhs)) *out = true;
  return true;
}

/* The Mod(c*i0, q) == 0 extra of _maybe_guard_rel: i0 = d*i1 with a fresh
 * unbacked i1, d = q / gcd(q, c). */
static se_status divisibility_split(se_env *env, const se_expr *mod) {
  se_ctx *ctx = env->ctx;
  const se_expr *p = mod->args[0], *q = mod->args[1];
  if (!se__is_num(q) || p->kind != SE_K_MUL || p->nargs != 2) return SE_OK;
  const se_expr *c = p->args[0], *i0 = p->args[1];
  if (!se__is_num(c) || i0->kind != SE_K_SYMBOL || !has_prefix(i0, "u")) return SE_OK;
  if (q->kind != SE_K_INTEGER || c->kind != SE_K_INTEGER) return SE_OK;
  uint64_t g = se__gcd_u64(se__abs_u64(q->u.i), se__abs_u64(c->u.i));
  if (g == 0 || g > INT64_MAX) return SE_OK;
  const se_expr *d = se__rat(ctx, q->u.i, (int64_t)g);
  if (!d) return failed(ctx);
  se_sym u;
  se_status st = se_env_create_unbacked_symint(env, &u);
  if (st != SE_OK) return st;
  const se_expr *i1 = u.expr;
  const se_range *r0 = se__env_range(env, i0);
  se_range r0v = r0 ? *r0 : se__vr_unknown_int(ctx);
  st = se__env_update_var_to_range(env, i1, se__vr_floordiv(ctx, r0v, se__vr_wrap(ctx, d)), false);
  if (st != SE_OK) return st;
  se_map_entry *uv = se__st_get(&env->real_tensor_prop_unbacked_vals, i0);
  if (uv) {
    const se_expr *a[2] = {uv->val.p, d};
    const se_expr *v = se__torchfn(ctx, SE_K_FLOORDIV, a, 2);
    if (!v || !se__st_put_e(env, &env->real_tensor_prop_unbacked_vals, i1, (se_mapval){.p = v}))
      return failed(ctx);
  }
  if (se__st_get(&env->size_like, i0) &&
      !se__st_put_e(env, &env->size_like, i1, (se_mapval){.i = 1}))
    return failed(ctx);
  return se__env_set_replacement(env, i0, se__mul2(ctx, d, i1), "divisibility");
}

se_status se__env_maybe_guard_rel(se_env *env, const se_expr *expr) {
  se_ctx *ctx = env->ctx;
  if (expr->kind == SE_K_AND) {
    for (uint32_t i = 0; i < expr->nargs; i++) {
      se_status st = se__env_maybe_guard_rel(env, expr->args[i]);
      if (st != SE_OK) return st;
    }
    return SE_OK;
  }
  if (!se__is_rel(expr) || expr->kind == SE_K_NE) return SE_OK;
  se__elist fs = {0};
  if (!se__env_free_symbols(ctx, expr, &fs)) return failed(ctx);
  se_status st = SE_OK;
  sym_key *keys = NULL;
  if (fs.n == 0 || fs.n > 5) goto out;
  keys = malloc(fs.n * sizeof *keys);
  if (!keys) {
    st = se__fail(ctx, SE_NOMEM, "out of memory ordering symbols");
    goto out;
  }
  for (size_t i = 0; i < fs.n; i++) {
    keys[i].sym = fs.v[i];
    keys[i].eph = only_ephemeral(env, fs.v[i]) ? 1 : 0;
    keys[i].size = INT64_MAX;
    const se_expr *h = se__env_size_hint(env, fs.v[i], true);
    if (!h && se__status(ctx) != SE_OK) {
      st = failed(ctx);
      goto out;
    }
    if (h && has_prefix(fs.v[i], "s") && h->kind == SE_K_INTEGER) keys[i].size = h->u.i;
  }
  qsort(keys, fs.n, sizeof *keys, cmp_key_desc);
  if ((st = refine_ranges(env, expr)) != SE_OK) goto out;
  if (expr->kind != SE_K_EQ) goto out;
  const se_expr *lhs = expr->args[0], *rhs = expr->args[1];
  if (!se__env_has_kind(expr, SE_K_MOD)) {
    if (floordiv_nontrivial(lhs) || floordiv_nontrivial(rhs)) goto out;
    bool tl, tr;
    if (!trivial_solve(env, lhs, rhs, &tl)) goto fail;
    if (tl) {
      st = se__env_set_replacement(env, lhs, se__env_find(env, rhs), "trivial_lhs");
      goto out;
    }
    if (!trivial_solve(env, rhs, lhs, &tr)) goto fail;
    if (tr) {
      st = se__env_set_replacement(env, rhs, se__env_find(env, lhs), "trivial_rhs");
      goto out;
    }
    const se_expr *rel, *sol;
    se_status ts = se_try_solve(ctx, expr, keys[0].sym, false, &rel, &sol);
    if (ts == SE_NOTFOUND) goto out;
    if (ts != SE_OK) {
      st = ts;
      goto out;
    }
    if (!all_integer(ctx, sol)) goto out;
    const se_expr *nv = se__env_find(env, sol);
    if (!nv) goto fail;
    bool hu;
    if (!has_unbacked(ctx, nv, NULL, &hu)) goto fail;
    if (!hu) st = se__env_set_replacement(env, keys[0].sym, nv, "solve");
    goto out;
  }
  const se_expr *mod = first_of_kind(expr, is_mod), *rel, *sol;
  se_status ts = se_try_solve(ctx, expr, mod, false, &rel, &sol);
  if (ts == SE_NOTFOUND) goto out;
  if (ts != SE_OK) {
    st = ts;
    goto out;
  }
  if (!se__is_int_value(sol, 0)) goto out;
  if (!se__st_put_e(env, &env->divisible, mod, (se_mapval){.i = 1})) goto fail;
  st = divisibility_split(env, mod);
  goto out;
fail:
  st = failed(ctx);
out:
  free(keys);
  se__elist_free(&fs);
  return st;
}

/* ---- guards ----------------------------------------------------------------------------------- */

static bool truthy(const se_expr *e) {
  if (e->kind == SE_K_TRUE) return true;
  if (e->kind == SE_K_FALSE) return false;
  if (se__is_num(e)) return !se__num_is_zero(e);
  return true;
}

/* The unbacked-int symbol with the largest numeric suffix (the key of a
 * deferred runtime assert), or NULL. */
static const se_expr *assert_key(se_ctx *ctx, const se_expr *e, bool *ok) {
  se__elist fs = {0};
  *ok = se__env_free_symbols(ctx, e, &fs);
  const se_expr *best = NULL;
  long long bv = -1;
  for (size_t i = 0; *ok && i < fs.n; i++) {
    if (!has_prefix(fs.v[i], "u")) continue;
    char *end;
    long long v = strtoll(fs.v[i]->u.sym.name + 1, &end, 10);
    if (*end) continue;
    if (!best || v > bv) {
      best = fs.v[i];
      bv = v;
    }
  }
  se__elist_free(&fs);
  return best;
}

static bool append_assert(se_env *env, const se_expr *e, const char *msg) {
  se_ctx *ctx = env->ctx;
  bool ok;
  const se_expr *key = assert_key(ctx, e, &ok);
  if (!ok) return false;
  const void *k = key ? (const void *)key : (const void *)&env->none_key;
  uint64_t h = key ? key->hash : SE_ENV_NONE_KEY_HASH;
  se_map_entry *me = se__map_find(&env->deferred_runtime_asserts, k, h);
  const se_ralist *old = me ? me->val.p : NULL;
  size_t n = old ? old->n : 0;
  se_ralist *l = se__arena_alloc(&ctx->arena, sizeof *l + (n + 1) * sizeof l->v[0]);
  const char *m = se__str_intern(ctx, msg ? msg : "", msg ? strlen(msg) : 0);
  if (!l || !m) {
    se__fail(ctx, SE_NOMEM, "out of memory recording a runtime assert");
    return false;
  }
  l->n = n + 1;
  for (size_t i = 0; i < n; i++) l->v[i] = old->v[i];
  l->v[n].expr = e;
  l->v[n].msg = m;
  if (!se__st_put(env, &env->deferred_runtime_asserts, k, h, (se_mapval){.p = l})) return false;
  se__st_set_i64(env, &env->num_deferred_runtime_asserts, env->num_deferred_runtime_asserts + 1);
  return true;
}

static int32_t assert_node(se_env *env, int32_t arg, bool *fresh) {
  se_fx_arg a = {arg, NULL};
  return se__fx_call(env, "_assert", &a, 1, fresh);
}

se_status se__env_guard_or_defer(se_env *env, const se_expr *orig, const char *msg, int32_t fx,
                                 bool *out) {
  se_ctx *ctx = env->ctx;
  if (!orig) return failed(ctx);
  bool res = true;
  const se_expr *s = se__env_maybe_evaluate_static(env, orig, false, false, false, false);
  if (s) {
    if (out) *out = truthy(s);
    return SE_OK;
  }
  if (se__status(ctx) != SE_OK) return failed(ctx);
  const se_expr *ne = se__env_maybe_evaluate_static(env, orig, true, false, false, false);
  if (!ne) return failed(ctx);
  bool backed;
  if (!all_backed(env, ne, &backed)) return failed(ctx);
  if (!env->opt.prefer_deferred_runtime_asserts_over_guards && backed) {
    const se_expr *r;
    se_status st = se__env_evaluate_expr(env, ne, NULL, fx, false, NULL, false, &r);
    if (st == SE_OK && out) *out = truthy(r);
    return st;
  }
  if (env->opt.translation_validation && fx >= 0 && !env->suppress_guards) {
    bool fresh;
    (void)assert_node(env, fx, &fresh);
  }
  if (!env->suppress_guards) {
    se_status st = se__env_maybe_guard_rel(env, orig);
    if (st != SE_OK) return st;
    const se_expr *e = se__canonicalize_bool_expr(ctx, orig);
    if (!e || !append_assert(env, e, msg) || !se__env_add_axioms(env, e)) return failed(ctx);
  }
  if (out) *out = res;
  return SE_OK;
}

static bool count_guard(se_env *env, const se_expr *g) {
  se__elist fs = {0};
  if (!se__env_free_symbols(env->ctx, g, &fs)) return false;
  bool ok = true;
  for (size_t i = 0; ok && i < fs.n; i++) {
    se_map_entry *me = se__st_get(&env->symbol_guard_counter, fs.v[i]);
    int64_t c = me ? me->val.i : 0;
    ok = se__st_put_e(env, &env->symbol_guard_counter, fs.v[i], (se_mapval){.i = c + 1});
  }
  se__elist_free(&fs);
  return ok;
}

/* evaluate_expr (4.8): decides orig from its hint (or size_hint), by static
 * evaluation if possible, else by adding the guard g and learning from it.
 * *out is the concrete value (borrowed). SE_DATA_DEPENDENT when an unbacked
 * expression cannot be decided and no fallback is given. */
se_status se__env_evaluate_expr(se_env *env, const se_expr *orig, const se_expr *hint, int32_t fx,
                                bool size_oblivious, const se_expr *fallback, bool forcing_spec,
                                const se_expr **out) {
  se_ctx *ctx = env->ctx;
  (void)forcing_spec;
  if (!orig) return failed(ctx);
  if (se__is_bool_atom(orig)) {
    *out = orig;
    return SE_OK;
  }
  const se_expr *concrete = NULL;
  int32_t node = -1;
  bool fresh = false;
  se_status st = SE_OK;
  bool floaty = false;
  if (env->opt.translation_validation && fx >= 0 && !env->suppress_guards && !size_oblivious &&
      !fallback) {
    se__elist fs = {0};
    if (!se__env_free_symbols(ctx, orig, &fs)) return failed(ctx);
    for (size_t i = 0; i < fs.n; i++)
      if (is_float_sym(fs.v[i])) floaty = true;
    se__elist_free(&fs);
    if (!floaty) {
      concrete = hint ? hint : se__env_size_hint(env, orig, false);
      if (!concrete) return failed(ctx);
      if (concrete->kind == SE_K_TRUE) {
        node = assert_node(env, fx, &fresh);
      } else if (concrete->kind == SE_K_FALSE) {
        se_fx_arg a = {fx, NULL};
        bool f2;
        int32_t neg = se__fx_call(env, "not_", &a, 1, &f2);
        node = assert_node(env, neg, &fresh);
      } else {
        se_fx_arg a[2] = {{fx, NULL}, {-1, concrete}};
        bool f2;
        int32_t eq = se__fx_call(env, "eq", a, 2, &f2);
        node = assert_node(env, eq, &fresh);
      }
    }
  }
  if (se__is_num(orig)) {
    *out = orig;
    return SE_OK;
  }
  const se_expr *expr = orig;
  const se_expr *s = se__env_maybe_evaluate_static(env, expr, false, false, size_oblivious, false);
  if (s) {
    *out = s;
    return SE_OK;
  }
  if (se__status(ctx) != SE_OK) goto fail;
  bool transmute = false, backed;
  if (!all_backed(env, expr, &backed)) goto fail;
  if (!backed) {
    const se_expr *ne = se__env_maybe_evaluate_static(env, expr, true, false, false, false);
    if (!ne) goto fail;
    bool nb;
    if (!all_backed(env, ne, &nb)) goto fail;
    if (!nb) {
      bool ok = false;
      if (fallback) {
        *out = fallback;
        return SE_OK;
      }
      if (env->oblivious_var_to_val.live) {
        const se_expr *oh = se__env_oblivious_hint(env, orig);
        if (!oh && se__status(ctx) != SE_OK) goto fail;
        if (oh) {
          concrete = oh;
          ok = true;
        }
      }
      if (!ok && env->real_tensor_prop_unbacked_vals.live) {
        const se_expr *u = se__env_xreplace_map(ctx, orig, &env->real_tensor_prop_unbacked_vals);
        u = se__env_xreplace_map(ctx, u, &env->backed_var_to_val);
        if (!u) goto fail;
        se__elist fs = {0};
        if (!se__env_free_symbols(ctx, u, &fs)) goto fail;
        if (!fs.n) {
          transmute = true;
          concrete = u;
          ok = true;
        }
        se__elist_free(&fs);
      }
      if (!ok) {
        const se_expr *hinted = se__env_xreplace_map(ctx, expr, &env->backed_var_to_val);
        if (!hinted) goto fail;
        st = se__env_data_dependent(env, hinted, expr);
        goto fail_st;
      }
    } else {
      expr = ne;
    }
  }
  if (!concrete) {
    concrete = hint ? hint : se__env_size_hint(env, orig, false);
    if (!concrete) goto fail;
  }
  if (env->inject_flip_equality && se__is_bool_atom(concrete) &&
      (expr->kind == SE_K_EQ || expr->kind == SE_K_NE)) {
    expr = se__not(ctx, expr); /* testing only: an unsound guard on purpose */
    if (!expr) goto fail;
  }
  const se_expr *g;
  if (concrete->kind == SE_K_TRUE)
    g = expr;
  else if (concrete->kind == SE_K_FALSE)
    g = se__not(ctx, expr);
  else
    g = se__rel(ctx, SE_K_EQ, expr, concrete);
  if (!g) goto fail;
  if (transmute) {
    char *a = se_expr_str(ctx, orig), *b = se_expr_str(ctx, concrete);
    se_buf m;
    se__buf_init(&m);
    se__buf_printf(&m, "propagate_real_tensors: %s == %s", a ? a : "?", b ? b : "?");
    se_free(a);
    se_free(b);
    st = se__env_guard_or_defer(env, g, m.p ? m.p : "", -1, NULL);
    se__buf_free(&m);
    if (st != SE_OK) goto fail_st;
    *out = concrete;
    return SE_OK;
  }
  bool guarded = false;
  if (!env->suppress_guards) {
    if ((st = se__env_maybe_guard_rel(env, g)) != SE_OK) goto fail_st;
    se_guard gd = {g, size_oblivious};
    if (!se__st_push(env, &env->guards, &gd) || !se__env_add_axioms(env, g)) goto fail;
    guarded = true;
  }
  if (guarded && !count_guard(env, g)) goto fail;
  *out = concrete;
  return SE_OK;
fail:
  st = failed(ctx);
fail_st:
  if (fresh) se__fx_remove(env, node);
  return st;
}

/* ---- the implementations behind the recorded public calls (record/api.c) ------------------------------------------------------------------------ */

se_status se__env_constrain_symbol_range(se_env *env, const se_expr *s, const se_expr *lo,
                                        const se_expr *hi) {
  se_range vr = se__vr_make(env->ctx, lo, hi);
  if (!se__vr_ok(vr)) return failed(env->ctx);
  return se__env_update_var_to_range(env, s, vr, false);
}

static se_status max_below_min(se_ctx *ctx) {
  /* PyTorch's message is not an f-string: the braces are literal. */
  return se__fail(ctx, SE_INVALID,
                  "Maximum value to constrain_as_size can't be less than the specified min value, "
                  "received min={min} and max={max}");
}

se_status se__env_constrain_range_for_size(se_env *env, const se_expr *a, const se_expr *lo,
                                          const se_expr *hi) {
  se_ctx *ctx = env->ctx;
  if (!lo) lo = se__int(ctx, 0);
  if (!hi) hi = se__const(ctx, SE_K_INT_OO);
  if (ncmp(hi, lo) == -1) return max_below_min(ctx);
  if (a->kind != SE_K_SYMBOL) {
    char *s = se_expr_str(ctx, a);
    se_status st = se__fail(ctx, SE_INVALID, "constraining non-Symbols NYI: %s", s ? s : "?");
    se_free(s);
    return st;
  }
  se_status st = se__env_constrain_symbol_range(env, a, lo, hi);
  if (st != SE_OK) return st;
  return se__st_put_e(env, &env->size_like, a, (se_mapval){.i = 1}) ? SE_OK : failed(ctx);
}

se_status se__env_constrain_range(se_env *env, const se_expr *a, const se_expr *lo,
                                 const se_expr *hi) {
  se_ctx *ctx = env->ctx;
  if (!lo) lo = se__const(ctx, SE_K_NEG_INT_OO);
  if (!hi) hi = se__const(ctx, SE_K_INT_OO);
  if (ncmp(hi, lo) == -1) return max_below_min(ctx);
  if (a->kind == SE_K_INTEGER) {
    int c1 = ncmp(lo, a), c2 = ncmp(a, hi);
    if (c1 == 1 || c2 == 1) {
      char *l = se_expr_str(ctx, lo), *h = se_expr_str(ctx, hi);
      se_status st = se__fail(ctx, SE_RANGE, "Invalid value %lld for range [%s:%s]",
                              (long long)a->u.i, l ? l : "?", h ? h : "?");
      se_free(l);
      se_free(h);
      return st;
    }
    return SE_OK;
  }
  if (a->kind == SE_K_SYMBOL) return se__env_constrain_symbol_range(env, a, lo, hi);
  return SE_OK;
}

static bool symbolic(se_sym s) { return s.expr && !se__is_num(s.expr) && !se__is_bool_atom(s.expr); }

se_status se__env_constrain_unify(se_env *env, se_sym a, se_sym b) {
  se_ctx *ctx = env->ctx;
  if (!a.expr || !b.expr) return se__fail(ctx, SE_INVALID, "constrain_unify: missing value");
  if (!symbolic(a)) {
    if (!symbolic(b)) {
      if (a.expr != b.expr) return se__fail(ctx, SE_INVALID, "constrain_unify: constants differ");
      return SE_OK;
    }
    if (b.expr->kind != SE_K_SYMBOL)
      return se__fail(ctx, SE_INVALID, "constraining non-Symbols NYI");
    return se__st_put_e(env, &env->replacements, b.expr, (se_mapval){.p = a.expr}) ? SE_OK
                                                                                    : failed(ctx);
  }
  if (a.expr->kind != SE_K_SYMBOL) return se__fail(ctx, SE_INVALID, "constraining non-Symbols NYI");
  if (!symbolic(b))
    return se__st_put_e(env, &env->replacements, a.expr, (se_mapval){.p = b.expr}) ? SE_OK
                                                                                    : failed(ctx);
  if (b.expr->kind != SE_K_SYMBOL) return se__fail(ctx, SE_INVALID, "constraining non-Symbols NYI");
  const se_expr *nv = se__env_find(env, a.expr);
  if (!nv) return failed(ctx);
  return se__st_put_e(env, &env->replacements, b.expr, (se_mapval){.p = nv}) ? SE_OK : failed(ctx);
}


/* set_real_tensor_prop_unbacked_vals: PyTorch stores sympify(v) under k
 * without checking k; v must be a number (or True/False), which is all
 * sympify can make of a real value. */
se_status se__env_set_real_tensor_prop_unbacked_vals(se_env *env, const se_expr *k,
                                                     const se_expr *v) {
  se_ctx *ctx = env->ctx;
  if (!se__is_num(v) && !se__is_bool_atom(v)) {
    char *t = se_expr_str(ctx, v);
    se_status st = se__fail(ctx, SE_INVALID,
                            "set_real_tensor_prop_unbacked_vals: %s is not a number", t ? t : "?");
    se_free(t);
    return st;
  }
  return se__st_put_e(env, &env->real_tensor_prop_unbacked_vals, k, (se_mapval){.p = v})
             ? SE_OK
             : failed(ctx);
}

/* _record_exclusion_constraint: exclusion_constraints.append((sym, val)). */
se_status se__env_record_exclusion_constraint(se_env *env, const se_expr *sym, int64_t val) {
  se_exclusion x = {sym, val};
  return se__st_push(env, &env->exclusion_constraints, &x) ? SE_OK : failed(env->ctx);
}

se_status se__env_eliminate_unbacked(se_env *env, const se_expr *orig, const se_expr *tgt) {
  return se__env_set_replacement(env, orig, tgt, "eliminate_unbacked");
}

se_status se__env_rename_unbacked_to(se_env *env, const se_expr *orig, const se_expr *tgt) {
  se_ctx *ctx = env->ctx;
  if (orig->kind != SE_K_SYMBOL || tgt->kind != SE_K_SYMBOL || !is_unbacked_sym(orig) ||
      !is_unbacked_sym(tgt)) {
    char *a = se_expr_str(ctx, orig), *b = se_expr_str(ctx, tgt);
    se_status st = se__fail(ctx, SE_INVALID, "_rename_unbacked_to: %s and %s must be unbacked symbols",
                            a ? a : "?", b ? b : "?");
    se_free(a);
    se_free(b);
    return st;
  }
  se_map_entry *e = se__st_get(&env->replacements, orig);
  const se_expr *dest = e ? e->val.p : NULL;
  if (dest) {
    bool hu;
    if (!has_unbacked(ctx, dest, NULL, &hu)) return failed(ctx);
    if (hu) {
      char *d = se_expr_str(ctx, dest);
      se_status st = se__fail(ctx, SE_INVALID,
                              "_rename_unbacked_to: the replacement %s of the old symbol is not "
                              "free of unbacked symbols", d ? d : "?");
      se_free(d);
      return st;
    }
  }
  se_status st = se__env_set_replacement(env, orig, tgt, "rename_unbacked_to");
  if (st != SE_OK) return st;
  if (!se__st_put_e(env, &env->unbacked_renamings, orig, (se_mapval){.p = tgt})) return failed(ctx);
  if (dest) st = se__env_set_replacement(env, tgt, dest, "rename_unbacked_to_dest");
  return st;
}

se_status se__env_freeze(se_env *env) {
  se__st_set_bool(env, &env->frozen, true);
  return se__status(env->ctx);
}

se_status se__env_freeze_runtime_asserts(se_env *env) {
  se__st_set_bool(env, &env->runtime_asserts_frozen, true);
  return se__status(env->ctx);
}

se_status se__env_suppress_guards_enter(se_env *env) {
  bool old = env->suppress_guards;
  if (!se__st_push(env, &env->suppress_stack, &old)) return failed(env->ctx);
  se__st_set_bool(env, &env->suppress_guards, true);
  return se__status(env->ctx);
}

se_status se__env_suppress_guards_exit(se_env *env) {
  bool old = false;
  if (env->suppress_stack.n) {
    old = SE_VEC_AT(&env->suppress_stack, bool, env->suppress_stack.n - 1);
    env->suppress_stack.n--; /* not state: a pop never needs undoing */
  }
  se__st_set_bool(env, &env->suppress_guards, old);
  return se__status(env->ctx);
}
