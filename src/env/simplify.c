/* The environment's view of expressions: replacements (_find / replace),
 * simplify, static evaluation (_maybe_evaluate_static and its worker),
 * canonical boolean forms, implications and axioms (spec/shapeenv.md 4.7).
 *
 * Everything here may write state (path compression in _find, dropping
 * numeric entries of divisible, re-simplified FloorDiv axioms), always
 * through the se__st_* writers, so a failing public call rolls back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "env/simplify.h"

/* ---- small node lists ------------------------------------------------------------ */

bool se__elist_push(se_ctx *ctx, se__elist *l, const se_expr *e) {
  if (!e) return true;
  if (l->n == l->cap) {
    size_t nc = l->cap ? l->cap * 2 : 8;
    const se_expr **nv = realloc(l->v, nc * sizeof *nv);
    if (!nv) {
      se__fail(ctx, SE_NOMEM, "out of memory collecting expressions");
      return false;
    }
    l->v = nv;
    l->cap = nc;
  }
  l->v[l->n++] = e;
  return true;
}

bool se__elist_has(const se__elist *l, const se_expr *e) {
  for (size_t i = 0; i < l->n; i++)
    if (l->v[i] == e) return true;
  return false;
}

bool se__elist_add(se_ctx *ctx, se__elist *l, const se_expr *e) {
  return se__elist_has(l, e) ? true : se__elist_push(ctx, l, e);
}

void se__elist_free(se__elist *l) {
  free(l->v);
  memset(l, 0, sizeof *l);
}

/* Preorder walk collecting distinct nodes accepted by pred. */
static bool collect(se_ctx *ctx, const se_expr *e, bool (*pred)(const se_expr *),
                    se__elist *out) {
  if (pred(e) && !se__elist_add(ctx, out, e)) return false;
  for (uint32_t i = 0; i < e->nargs; i++)
    if (!collect(ctx, e->args[i], pred, out)) return false;
  return true;
}

static bool is_symbol(const se_expr *e) { return e->kind == SE_K_SYMBOL; }
static bool is_max(const se_expr *e) { return e->kind == SE_K_MAX; }
static bool is_minmax(const se_expr *e) { return e->kind == SE_K_MAX || e->kind == SE_K_MIN; }
static bool is_trunc(const se_expr *e) { return e->kind == SE_K_TRUNCTOINT; }
static bool is_floordiv(const se_expr *e) {
  return e->kind == SE_K_FLOORDIV || e->kind == SE_K_CLEANDIV;
}
static bool is_pow(const se_expr *e) { return e->kind == SE_K_POW; }
static bool is_rational(const se_expr *e) { return e->kind == SE_K_RATIONAL; }

bool se__env_free_symbols(se_ctx *ctx, const se_expr *e, se__elist *out) {
  return collect(ctx, e, is_symbol, out);
}

bool se__env_has_kind(const se_expr *e, se_kind k) {
  if (e->kind == k) return true;
  if (k == SE_K_FLOORDIV && e->kind == SE_K_CLEANDIV) return true;
  for (uint32_t i = 0; i < e->nargs; i++)
    if (se__env_has_kind(e->args[i], k)) return true;
  return false;
}

static bool has_symbols(const se_expr *e) {
  if (e->kind == SE_K_SYMBOL) return true;
  for (uint32_t i = 0; i < e->nargs; i++)
    if (has_symbols(e->args[i])) return true;
  return false;
}

/* ---- xreplace -------------------------------------------------------------------- */

static const se_expr *xrep(se_ctx *ctx, const se_expr *e, const se_expr *const *keys,
                           const se_expr *const *vals, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (keys[i] == e) return vals[i];
  if (!e->nargs) return e;
  const se_expr *inl[8];
  const se_expr **args = inl;
  if (e->nargs > 8) {
    args = malloc(e->nargs * sizeof *args);
    if (!args) {
      se__fail(ctx, SE_NOMEM, "out of memory replacing in %s", se_kind_name(e->kind));
      return NULL;
    }
  }
  bool changed = false;
  const se_expr *r = e;
  for (uint32_t i = 0; i < e->nargs; i++) {
    args[i] = xrep(ctx, e->args[i], keys, vals, n);
    if (!args[i]) {
      r = NULL;
      goto out;
    }
    if (args[i] != e->args[i]) changed = true;
  }
  if (changed) r = se__call(ctx, (se_kind)e->kind, args, e->nargs);
out:
  if (args != inl) free(args);
  return r;
}

const se_expr *se__env_xreplace(se_ctx *ctx, const se_expr *e, const se_expr *const *keys,
                                const se_expr *const *vals, size_t n) {
  if (!e) return NULL;
  if (!n) return e;
  return xrep(ctx, e, keys, vals, n);
}

const se_expr *se__env_xreplace_map(se_ctx *ctx, const se_expr *e, const se_map *m) {
  if (!e || !m->live || !has_symbols(e)) return e;
  se__elist fs = {0};
  if (!se__env_free_symbols(ctx, e, &fs)) return NULL;
  const se_expr **keys = malloc((fs.n + 1) * sizeof *keys);
  const se_expr **vals = malloc((fs.n + 1) * sizeof *vals);
  const se_expr *r = NULL;
  if (!keys || !vals) {
    se__fail(ctx, SE_NOMEM, "out of memory substituting hints");
    goto out;
  }
  size_t n = 0;
  for (size_t i = 0; i < fs.n; i++) {
    se_map_entry *me = se__st_get(m, fs.v[i]);
    if (me) {
      keys[n] = fs.v[i];
      vals[n++] = me->val.p;
    }
  }
  r = se__env_xreplace(ctx, e, keys, vals, n);
out:
  free(keys);
  free(vals);
  se__elist_free(&fs);
  return r;
}

/* ---- bounds ---------------------------------------------------------------------- */

typedef struct bound_ud {
  se_env *env;
  bool size_oblivious;
} bound_ud;

static bool env_lookup(void *ud, const se_expr *sym, se_range *out) {
  bound_ud *b = ud;
  const se_range *r = se__env_range(b->env, sym);
  if (!r) return false;
  if (b->size_oblivious && se__st_get(&b->env->size_like, sym)) {
    se_ctx *ctx = b->env->ctx;
    *out = se__vr_make(ctx, se__int(ctx, 2), se__const(ctx, SE_K_INT_OO));
    return true;
  }
  *out = *r;
  return true;
}

se_range se__env_bound(se_env *env, const se_expr *e, bool size_oblivious) {
  bound_ud ud = {env, size_oblivious};
  return se__vr_bound(env->ctx, e, env_lookup, &ud);
}

bool se__env_is_backed(const se_env *env, const se_expr *sym) {
  return se__st_get(&env->backed_var_to_val, sym) != NULL;
}

/* ---- _find and replace ------------------------------------------------------------ */

static const se_expr *find_rec(se_env *env, const se_expr *a, int depth) {
  if (!a) return NULL;
  if (a->kind != SE_K_SYMBOL) return a;
  se_map_entry *me = se__st_get(&env->replacements, a);
  if (!me) return a;
  if (depth > 1000) {
    se__fail(env->ctx, SE_INVALID, "replacement chain of %s is cyclic", a->u.sym.name);
    return NULL;
  }
  const se_expr *res = me->val.p;
  se__elist fs = {0};
  if (!se__env_free_symbols(env->ctx, res, &fs)) return NULL;
  const se_expr **keys = malloc((fs.n + 1) * sizeof *keys);
  const se_expr **vals = malloc((fs.n + 1) * sizeof *vals);
  const se_expr *out = NULL;
  if (!keys || !vals) {
    se__fail(env->ctx, SE_NOMEM, "out of memory following replacements");
    goto done;
  }
  size_t n = 0;
  for (size_t i = 0; i < fs.n; i++) {
    const se_expr *f = find_rec(env, fs.v[i], depth + 1);
    if (!f) goto done;
    if (f != fs.v[i]) {
      keys[n] = fs.v[i];
      vals[n++] = f;
    }
  }
  if (n) {
    const se_expr *replaced = se_expr_subs(env->ctx, res, keys, vals, n);
    if (!replaced) goto done;
    if (replaced != res && se__env_set_replacement(env, a, replaced, "find") != SE_OK) goto done;
  }
  me = se__st_get(&env->replacements, a);
  out = me ? me->val.p : a;
done:
  free(keys);
  free(vals);
  se__elist_free(&fs);
  return out;
}

/* _find(a): the representative of a under the replacements, compressing the
 * path (through _set_replacement(..., "find")). Non-symbols come back as they
 * are. Borrowed result; NULL on failure (recorded). */
const se_expr *se__env_find(se_env *env, const se_expr *sym) { return find_rec(env, sym, 0); }

/* replace(e): every free symbol by its _find, then safe_expand when anything
 * changed. Borrowed result; NULL on failure. */
const se_expr *se__env_replace(se_env *env, const se_expr *e) {
  if (!e) return NULL;
  se_ctx *ctx = env->ctx;
  if (!has_symbols(e) || !env->replacements.live) return e;
  se__elist fs = {0};
  if (!se__env_free_symbols(ctx, e, &fs)) return NULL;
  const se_expr **keys = malloc((fs.n + 1) * sizeof *keys);
  const se_expr **vals = malloc((fs.n + 1) * sizeof *vals);
  const se_expr *r = NULL;
  if (!keys || !vals) {
    se__fail(ctx, SE_NOMEM, "out of memory applying replacements");
    goto out;
  }
  size_t n = 0;
  for (size_t i = 0; i < fs.n; i++) {
    const se_expr *f = se__env_find(env, fs.v[i]);
    if (!f) goto out;
    if (f != fs.v[i]) {
      keys[n] = fs.v[i];
      vals[n++] = f;
    }
  }
  r = e;
  if (n) r = se_expr_expand(ctx, se_expr_subs(ctx, e, keys, vals, n));
out:
  free(keys);
  free(vals);
  se__elist_free(&fs);
  return r;
}

/* ---- simplify ---------------------------------------------------------------------- */

/* _update_divisible: drops entries of divisible that replace() makes numeric. */
static bool update_divisible(se_env *env) {
  se__elist keys = {0};
  bool ok = true;
  SE_MAP_EACH(&env->divisible, me) {
    if (!se__elist_push(env->ctx, &keys, me->key)) ok = false;
  }
  for (size_t i = 0; ok && i < keys.n; i++) {
    const se_expr *r = se__env_replace(env, keys.v[i]);
    if (!r) {
      ok = false;
      break;
    }
    if (se__is_num(r) && !se__st_del(env, &env->divisible, keys.v[i], keys.v[i]->hash))
      ok = false;
  }
  se__elist_free(&keys);
  return ok;
}

static bool in_divisible(se_env *env, const se_expr *base, const se_expr *div, bool *out) {
  const se_expr *a[2] = {base, div};
  const se_expr *m = se__env_replace(env, se__call(env->ctx, SE_K_MOD, a, 2));
  if (!m) return false;
  *out = se__st_get(&env->divisible, m) != NULL;
  return true;
}

/* The number-vs-number order (-1, 0, 1; 2 when incomparable). */
static int ncmp(const se_expr *a, const se_expr *b) {
  if (!se__is_num(a) || !se__is_num(b)) return 2;
  return se__num_cmp(a, b);
}

static const se_expr *apply_replacements(se_ctx *ctx, const se_expr *e, se__elist *k,
                                         se__elist *v) {
  return k->n ? se__env_xreplace(ctx, e, k->v, v->v, k->n) : e;
}

/* The subset test for sets of atoms. */
static bool subset(const se__elist *a, const se__elist *b) {
  for (size_t i = 0; i < a->n; i++)
    if (!se__elist_has(b, a->v[i])) return false;
  return true;
}

static const se_expr *simplify_floordiv(se_env *env, const se_expr *e) {
  se_ctx *ctx = env->ctx;
  if (!update_divisible(env)) return NULL;
  se__elist atoms = {0}, k = {0}, v = {0};
  const se_expr *r = NULL;
  if (!collect(ctx, e, is_floordiv, &atoms)) goto out;
  /* nested FloorDiv(a, FloorDiv(a, d)) with both divisibilities known: d */
  for (size_t i = 0; i < atoms.n; i++) {
    const se_expr *base = atoms.v[i]->args[0], *div = atoms.v[i]->args[1];
    if (!is_floordiv(div)) continue;
    bool d1, d2;
    if (!in_divisible(env, base, div, &d1)) goto out;
    if (!d1 || base != div->args[0]) continue;
    if (!in_divisible(env, div->args[0], div->args[1], &d2)) goto out;
    if (d2 && (!se__elist_push(ctx, &k, atoms.v[i]) || !se__elist_push(ctx, &v, div->args[1])))
      goto out;
  }
  if (k.n) {
    e = se_expr_expand(ctx, apply_replacements(ctx, e, &k, &v));
    if (!e) goto out;
  }
  r = e;
  if (!se__env_has_kind(e, SE_K_FLOORDIV)) goto out;
  atoms.n = k.n = v.n = 0;
  if (!collect(ctx, e, is_floordiv, &atoms)) goto fail;
  for (size_t i = 0; i < atoms.n; i++) {
    bool d;
    if (!in_divisible(env, atoms.v[i]->args[0], atoms.v[i]->args[1], &d)) goto fail;
    if (!d) continue;
    const se_expr *cd = se__call(ctx, SE_K_CLEANDIV, atoms.v[i]->args, 2);
    if (!se__elist_push(ctx, &k, atoms.v[i]) || !se__elist_push(ctx, &v, cd)) goto fail;
  }
  if (k.n) {
    const se_expr *ne = se_expr_expand(ctx, apply_replacements(ctx, e, &k, &v));
    if (!ne) goto fail;
    se__elist p0 = {0}, p1 = {0}, q0 = {0}, q1 = {0};
    bool ok = collect(ctx, e, is_pow, &p0) && collect(ctx, ne, is_pow, &p1) &&
              collect(ctx, e, is_rational, &q0) && collect(ctx, ne, is_rational, &q1);
    if (ok && subset(&p1, &p0) && subset(&q1, &q0)) r = ne;
    se__elist_free(&p0);
    se__elist_free(&p1);
    se__elist_free(&q0);
    se__elist_free(&q1);
    if (!ok) goto fail;
  }
  goto out;
fail:
  r = NULL;
out:
  se__elist_free(&atoms);
  se__elist_free(&k);
  se__elist_free(&v);
  return r;
}

/* simplify(e, size_oblivious): expand, replace, the Max(0/1, x) and (in
 * size-oblivious mode) Min/Max rewrites, TruncToInt(IntTrueDiv) to
 * CleanDiv/FloorDiv, and divisibility-driven FloorDiv to CleanDiv.
 * Borrowed result; NULL on failure. */
const se_expr *se__env_simplify(se_env *env, const se_expr *e, bool size_oblivious) {
  if (!e) return NULL;
  se_ctx *ctx = env->ctx;
  e = se__env_replace(env, se_expr_expand(ctx, e));
  if (!e) return NULL;
  se__elist atoms = {0}, k = {0}, v = {0};
  const se_expr *one = se__int(ctx, 1), *zero = se__int(ctx, 0);
  if (!size_oblivious && se__env_has_kind(e, SE_K_MAX)) {
    if (!collect(ctx, e, is_max, &atoms)) goto fail;
    for (size_t i = 0; i < atoms.n; i++) {
      const se_expr *m = atoms.v[i];
      if (m->nargs != 2) continue;
      const se_expr *a = m->args[0], *b = m->args[1];
      if (b == one || b == zero) {
        const se_expr *t = a;
        a = b;
        b = t;
      }
      if (a != one && a != zero) continue;
      const se_expr *ge = se__rel(ctx, SE_K_GE, b, a);
      const se_expr *s = se__env_maybe_evaluate_static(env, ge, false, false, false, false);
      if (se__status(ctx) != SE_OK) goto fail;
      if (s && s->kind == SE_K_TRUE) {
        if (!se__elist_push(ctx, &k, m) || !se__elist_push(ctx, &v, b)) goto fail;
      }
    }
    e = apply_replacements(ctx, e, &k, &v);
    if (!e) goto fail;
  }
  if (size_oblivious && (se__env_has_kind(e, SE_K_MAX) || se__env_has_kind(e, SE_K_MIN))) {
    atoms.n = k.n = v.n = 0;
    if (!collect(ctx, e, is_minmax, &atoms)) goto fail;
    for (size_t i = 0; i < atoms.n; i++) {
      const se_expr *m = atoms.v[i];
      if (m->nargs != 2) continue;
      const se_expr *a = m->args[0], *b = m->args[1];
      if (b == one || b == zero) {
        const se_expr *t = a;
        a = b;
        b = t;
      }
      if (a != one && a != zero) continue;
      se_range vr = se__env_bound(env, b, true);
      if (!se__vr_ok(vr)) goto fail;
      bool is_mx = m->kind == SE_K_MAX;
      const se_expr *to = NULL;
      int lo = ncmp(vr.lo, a), hi = ncmp(vr.hi, a);
      if (lo == 0 || lo == 1)
        to = is_mx ? b : a;
      else if (hi == 0 || hi == -1)
        to = is_mx ? a : b;
      if (to && (!se__elist_push(ctx, &k, m) || !se__elist_push(ctx, &v, to))) goto fail;
    }
    e = apply_replacements(ctx, e, &k, &v);
    if (!e) goto fail;
  }
  if (se__env_has_kind(e, SE_K_TRUNCTOINT)) {
    atoms.n = k.n = v.n = 0;
    if (!collect(ctx, e, is_trunc, &atoms)) goto fail;
    for (size_t i = 0; i < atoms.n; i++) {
      const se_expr *t = atoms.v[i]->args[0];
      if (t->kind != SE_K_INTTRUEDIV) continue;
      const se_expr *m = se__call(ctx, SE_K_SYMPY_MOD, t->args, 2);
      if (!m) goto fail;
      se_kind nk = se__is_int_value(m, 0) ? SE_K_CLEANDIV : SE_K_FLOORDIV;
      const se_expr *r = se__call(ctx, nk, t->args, 2);
      if (!se__elist_push(ctx, &k, atoms.v[i]) || !se__elist_push(ctx, &v, r) || !r) goto fail;
    }
    e = apply_replacements(ctx, e, &k, &v);
    if (!e) goto fail;
  }
  if (se__env_has_kind(e, SE_K_FLOORDIV)) e = simplify_floordiv(env, e);
  se__elist_free(&atoms);
  se__elist_free(&k);
  se__elist_free(&v);
  return e;
fail:
  se__elist_free(&atoms);
  se__elist_free(&k);
  se__elist_free(&v);
  return NULL;
}

/* ---- canonical boolean forms ------------------------------------------------------- */

static uint64_t int_coeff(const se_expr *x) {
  if (x->kind == SE_K_INTEGER) return se__abs_u64(x->u.i);
  if (x->kind == SE_K_MUL && x->args[0]->kind == SE_K_INTEGER)
    return se__abs_u64(x->args[0]->u.i);
  return 1;
}

static const se_expr *div_by_factor(se_ctx *ctx, const se_expr *x, uint64_t f) {
  if (f > INT64_MAX) {
    se__fail(ctx, SE_OVERFLOW, "coefficient too large to reduce");
    return NULL;
  }
  int64_t fi = (int64_t)f;
  if (x->kind == SE_K_INTEGER) return se__rat(ctx, x->u.i, fi);
  if (x->kind != SE_K_MUL) {
    se__fail(ctx, SE_INVALID, "cannot divide a %s term by %lld", se_kind_name(x->kind),
             (long long)fi);
    return NULL;
  }
  const se_expr *c = x->args[0];
  if (c->kind == SE_K_INTEGER && c->u.i == fi) {
    if (x->nargs == 2) return x->args[1];
    return se__mul(ctx, x->args + 1, x->nargs - 1);
  }
  const se_expr *nc = fi == 1 ? c : se__num_div(ctx, c, se__int(ctx, fi));
  if (!nc) return NULL;
  const se_expr *inl[8];
  const se_expr **args = x->nargs <= 8 ? inl : malloc(x->nargs * sizeof *args);
  if (!args) {
    se__fail(ctx, SE_NOMEM, "out of memory reducing a term");
    return NULL;
  }
  args[0] = nc;
  for (uint32_t i = 1; i < x->nargs; i++) args[i] = x->args[i];
  const se_expr *r = se__mul(ctx, args, x->nargs);
  if (args != inl) free(args);
  return r;
}

/* _reduce_to_lowest_terms: divides out the gcd of the integer coefficients. */
static const se_expr *reduce_lowest(se_ctx *ctx, const se_expr *e) {
  if (e->kind == SE_K_ADD) {
    uint64_t g = 0;
    for (uint32_t i = 0; i < e->nargs; i++) g = se__gcd_u64(g, int_coeff(e->args[i]));
    if (g <= 1) return e;
    const se_expr **t = malloc(e->nargs * sizeof *t);
    if (!t) {
      se__fail(ctx, SE_NOMEM, "out of memory reducing a sum");
      return NULL;
    }
    const se_expr *r = NULL;
    for (uint32_t i = 0; i < e->nargs; i++) {
      t[i] = div_by_factor(ctx, e->args[i], g);
      if (!t[i]) goto out;
    }
    r = se__add(ctx, t, e->nargs);
  out:
    free(t);
    return r;
  }
  if (e->kind == SE_K_INTEGER) return se__int(ctx, 1);
  if (e->kind == SE_K_MUL) return div_by_factor(ctx, e, int_coeff(e));
  return e;
}

static bool is_neg_term(const se_expr *t) {
  if (se__is_num(t)) return se__num_sign(t) == -1;
  return t->kind == SE_K_MUL && t->nargs && se__is_num(t->args[0]) &&
         se__num_sign(t->args[0]) == -1;
}

static const se_expr *add_of(se_ctx *ctx, const se_expr **v, size_t n) {
  if (n == 0) return se__int(ctx, 0);
  if (n == 1) return v[0];
  return se__add(ctx, v, n);
}

static const se_expr *canon_rel(se_ctx *ctx, const se_expr *e) {
  se_kind k = (se_kind)e->kind, t;
  const se_expr *diff;
  if (k == SE_K_GT || k == SE_K_GE) {
    diff = se__sub(ctx, e->args[0], e->args[1]);
    t = k == SE_K_GT ? SE_K_LT : SE_K_LE;
  } else {
    diff = se__sub(ctx, e->args[1], e->args[0]);
    t = k;
  }
  if (!diff) return NULL;
  diff = reduce_lowest(ctx, diff);
  if (!diff) return NULL;
  const se_expr *lhs = se__int(ctx, 0), *rhs = diff;
  if (diff->kind == SE_K_ADD) {
    const se_expr **pos = malloc(diff->nargs * sizeof *pos);
    const se_expr **neg = malloc(diff->nargs * sizeof *neg);
    if (!pos || !neg) {
      free(pos);
      free(neg);
      se__fail(ctx, SE_NOMEM, "out of memory canonicalising a relation");
      return NULL;
    }
    size_t np = 0, nn = 0;
    bool ok = true;
    for (uint32_t i = 0; i < diff->nargs; i++) {
      const se_expr *term = diff->args[i];
      if (is_neg_term(term)) {
        neg[nn] = se__neg(ctx, term);
        if (!neg[nn++]) ok = false;
      } else {
        pos[np++] = term;
      }
    }
    if (ok) {
      rhs = add_of(ctx, pos, np);
      lhs = add_of(ctx, neg, nn);
    }
    free(pos);
    free(neg);
    if (!ok) return NULL;
  } else if (is_neg_term(diff)) {
    lhs = se__neg(ctx, diff);
    rhs = se__int(ctx, 0);
  }
  if (!lhs || !rhs) return NULL;
  const se_expr *a[2] = {lhs, rhs};
  return se__node(ctx, t, a, 2);
}

/* Negation normal form: Not pushed down to the relations (negated there). */
static const se_expr *to_nnf(se_ctx *ctx, const se_expr *e, bool negate) {
  if (e->kind == SE_K_NOT) return to_nnf(ctx, e->args[0], !negate);
  if (e->kind == SE_K_AND || e->kind == SE_K_OR) {
    const se_expr **a = malloc(e->nargs * sizeof *a);
    if (!a) {
      se__fail(ctx, SE_NOMEM, "out of memory normalising a conjunction");
      return NULL;
    }
    const se_expr *r = NULL;
    for (uint32_t i = 0; i < e->nargs; i++) {
      a[i] = to_nnf(ctx, e->args[i], negate);
      if (!a[i]) goto out;
    }
    bool is_and = (e->kind == SE_K_AND) != negate;
    r = is_and ? se__and(ctx, a, e->nargs) : se__or(ctx, a, e->nargs);
  out:
    free(a);
    return r;
  }
  return negate ? se__not(ctx, e) : e;
}

/* Distributes Or over And (an NNF input), giving CNF. */
static const se_expr *distribute(se_ctx *ctx, const se_expr *e) {
  if (e->kind == SE_K_AND) {
    const se_expr **a = malloc(e->nargs * sizeof *a);
    if (!a) {
      se__fail(ctx, SE_NOMEM, "out of memory building a CNF");
      return NULL;
    }
    const se_expr *r = NULL;
    for (uint32_t i = 0; i < e->nargs; i++) {
      a[i] = distribute(ctx, e->args[i]);
      if (!a[i]) goto out;
    }
    r = se__and(ctx, a, e->nargs);
  out:
    free(a);
    return r;
  }
  if (e->kind != SE_K_OR) return e;
  uint32_t j = 0;
  while (j < e->nargs && e->args[j]->kind != SE_K_AND) j++;
  if (j == e->nargs) return e;
  const se_expr *conj = e->args[j];
  const se_expr **rest = malloc(e->nargs * sizeof *rest);
  const se_expr **parts = malloc(conj->nargs * sizeof *parts);
  const se_expr *r = NULL;
  if (!rest || !parts) {
    se__fail(ctx, SE_NOMEM, "out of memory building a CNF");
    goto out2;
  }
  size_t nr = 0;
  for (uint32_t i = 0; i < e->nargs; i++)
    if (i != j) rest[nr++] = e->args[i];
  for (uint32_t i = 0; i < conj->nargs; i++) {
    rest[nr] = conj->args[i];
    parts[i] = distribute(ctx, se__or(ctx, rest, nr + 1));
    if (!parts[i]) goto out2;
  }
  r = se__and(ctx, parts, conj->nargs);
out2:
  free(rest);
  free(parts);
  return r;
}

static const se_expr *canon_impl(se_ctx *ctx, const se_expr *e);

/* canonicalize_bool_expr(e): relations become Lt/Le/Eq/Ne (unevaluated) of
 * "negated negative terms OP positive terms" after dividing out the gcd of
 * the integer coefficients; And/Or/Not go through CNF first. Other nodes
 * come back unchanged. Borrowed result; NULL on failure. */
const se_expr *se__canonicalize_bool_expr(se_ctx *ctx, const se_expr *e) {
  if (!e) return NULL;
  if (!se__is_rel(e) && e->kind != SE_K_AND && e->kind != SE_K_OR && e->kind != SE_K_NOT)
    return e;
  if (!se__is_rel(e)) {
    e = to_nnf(ctx, e, false);
    if (!e) return NULL;
    e = distribute(ctx, e);
    if (!e) return NULL;
  }
  return canon_impl(ctx, e);
}

static const se_expr *canon_impl(se_ctx *ctx, const se_expr *e) {
  if (e->kind == SE_K_AND || e->kind == SE_K_OR) {
    const se_expr **a = malloc(e->nargs * sizeof *a);
    if (!a) {
      se__fail(ctx, SE_NOMEM, "out of memory canonicalising a conjunction");
      return NULL;
    }
    const se_expr *r = NULL;
    for (uint32_t i = 0; i < e->nargs; i++) {
      a[i] = se__canonicalize_bool_expr(ctx, e->args[i]);
      if (!a[i]) goto out;
    }
    r = e->kind == SE_K_AND ? se__and(ctx, a, e->nargs) : se__or(ctx, a, e->nargs);
  out:
    free(a);
    return r;
  }
  if (se__is_rel(e)) return canon_rel(ctx, e);
  return e;
}

/* ---- implications and axioms --------------------------------------------------------- */

typedef struct impl_set {
  const se_expr **exprs;
  bool *truth;
  size_t n;
} impl_set;

static bool impl_put(impl_set *s, const se_expr *e, bool t) {
  if (!e) return false;
  for (size_t i = 0; i < s->n; i++)
    if (s->exprs[i] == e) {
      s->truth[i] = t;
      return true;
    }
  if (s->n >= SE_IMPLICATIONS_MAX) return true;
  s->exprs[s->n] = e;
  s->truth[s->n++] = t;
  return true;
}

static const se_expr *node2(se_ctx *ctx, se_kind k, const se_expr *a, const se_expr *b) {
  if (!a || !b) return NULL;
  const se_expr *v[2] = {a, b};
  return se__node(ctx, k, v, 2);
}

static bool impl_add(se_ctx *ctx, impl_set *s, const se_expr *x) {
  const se_expr *c = se__canonicalize_bool_expr(ctx, x);
  if (!c) return false;
  if (c->kind == SE_K_EQ || c->kind == SE_K_NE) {
    se_kind k = (se_kind)c->kind, opp = k == SE_K_EQ ? SE_K_NE : SE_K_EQ;
    const se_expr *l = c->args[0], *r = c->args[1];
    return impl_put(s, node2(ctx, k, l, r), true) && impl_put(s, node2(ctx, k, r, l), true) &&
           impl_put(s, node2(ctx, opp, l, r), false) &&
           impl_put(s, node2(ctx, opp, r, l), false);
  }
  if (!impl_put(s, c, true)) return false;
  return impl_put(s, se__canonicalize_bool_expr(ctx, se__not(ctx, c)), false);
}

/* get_implications(e): the (expression, truth) pairs that follow from e, in
 * PyTorch's dict order. exprs/truth need SE_IMPLICATIONS_MAX entries.
 * Returns the count; 0 with the error recorded on failure. */
size_t se__get_implications(se_ctx *ctx, const se_expr *e, const se_expr **exprs, bool *truth) {
  if (!e) return 0;
  impl_set s = {exprs, truth, 0};
  if (!impl_add(ctx, &s, e)) return 0;
  bool ok = true;
  if (se__is_rel(e)) {
    const se_expr *l = e->args[0], *r = e->args[1];
    if (e->kind == SE_K_EQ) {
      ok = impl_add(ctx, &s, node2(ctx, SE_K_LE, l, r)) &&
           impl_add(ctx, &s, node2(ctx, SE_K_GE, l, r));
    } else if (e->kind == SE_K_LT) {
      ok = impl_add(ctx, &s, node2(ctx, SE_K_LE, l, r)) &&
           impl_add(ctx, &s, node2(ctx, SE_K_NE, l, r));
      if (ok && se__fact(ctx, l, SE_FACT_INTEGER) == SE_T_TRUE &&
          se__fact(ctx, r, SE_FACT_INTEGER) == SE_T_TRUE)
        ok = impl_add(ctx, &s, node2(ctx, SE_K_LE, l, se__sub(ctx, r, se__int(ctx, 1))));
    } else if (e->kind == SE_K_LE) {
      ok = impl_add(ctx, &s, node2(ctx, SE_K_LT, l, se__add2(ctx, r, se__int(ctx, 1))));
    }
  }
  return ok ? s.n : 0;
}

/* axioms.update(get_implications(simplify(e))). false on failure. */
bool se__env_add_axioms(se_env *env, const se_expr *e) {
  const se_expr *s = se__env_simplify(env, e, false);
  if (!s) return false;
  const se_expr *ex[SE_IMPLICATIONS_MAX];
  bool tr[SE_IMPLICATIONS_MAX];
  size_t n = se__get_implications(env->ctx, s, ex, tr);
  if (!n) return false;
  for (size_t i = 0; i < n; i++)
    if (!se__st_put_e(env, &env->axioms, ex[i], (se_mapval){.i = tr[i] ? 1 : 0})) return false;
  return true;
}

/* ---- static evaluation -------------------------------------------------------------- */

/* Re-simplified copies of the FloorDiv-containing axioms (PyTorch redoes this
 * after divisible changed; we add whatever simplification is missing). */
static bool resimplify_floordiv_axioms(se_env *env) {
  se__elist keys = {0};
  bool ok = true;
  SE_MAP_EACH(&env->axioms, me) {
    const se_expr *k = me->key;
    if (se__env_has_kind(k, SE_K_FLOORDIV) && !se__elist_push(env->ctx, &keys, k)) ok = false;
  }
  for (size_t i = 0; ok && i < keys.n; i++) {
    se_map_entry *me = se__st_get(&env->axioms, keys.v[i]);
    int64_t v = me->val.i;
    const se_expr *s = se__env_simplify(env, keys.v[i], false);
    if (!s) {
      ok = false;
      break;
    }
    se_map_entry *cur = se__st_get(&env->axioms, s);
    if (cur && cur->val.i == v) continue;
    if (!se__st_put_e(env, &env->axioms, s, (se_mapval){.i = v})) ok = false;
  }
  se__elist_free(&keys);
  return ok;
}

static int cmp_name(const void *a, const void *b) {
  const se_expr *x = *(const se_expr *const *)a, *y = *(const se_expr *const *)b;
  return strcmp(x->u.sym.name, y->u.sym.name);
}

typedef struct range_env {
  const se_expr **syms;
  se_range *ranges;
  size_t n;
} range_env;

static bool range_env_lookup(void *ud, const se_expr *sym, se_range *out) {
  range_env *r = ud;
  for (size_t i = 0; i < r->n; i++)
    if (r->syms[i] == sym) {
      *out = r->ranges[i];
      return true;
    }
  return false;
}

/* _maybe_evaluate_static_worker: each symbol with a finite integer lower
 * bound L is rewritten as a fresh positive symbol t plus L - 1, then the
 * expression is expanded, canonicalised and bounded. */
static const se_expr *static_worker(se_env *env, const se_expr *expr, se__elist *fs,
                                    bool unbacked_only, bool size_oblivious) {
  se_ctx *ctx = env->ctx;
  size_t n = fs->n;
  const se_expr **keys = malloc((n + 1) * sizeof *keys);
  const se_expr **vals = malloc((n + 1) * sizeof *vals);
  const se_expr **rs = malloc((2 * n + 1) * sizeof *rs);
  se_range *rr = malloc((2 * n + 1) * sizeof *rr);
  const se_expr *result = NULL;
  if (!keys || !vals || !rs || !rr) {
    se__fail(ctx, SE_NOMEM, "out of memory in static evaluation");
    goto out;
  }
  size_t nk = 0, nr = 0;
  for (size_t idx = 0; idx < n; idx++) {
    const se_expr *k = fs->v[idx];
    const se_range *vrp = se__env_range(env, k);
    if (!vrp) continue;
    se_range vr = *vrp;
    const se_expr *lower = vr.lo;
    if (size_oblivious && se__st_get(&env->size_like, k) && vr.is_int) {
      const se_expr *two = se__int(ctx, 2), *cap = se__int(ctx, (int64_t)1 << 48);
      lower = ncmp(vr.lo, two) >= 0 && ncmp(vr.lo, two) != 2 ? vr.lo : two;
      const se_expr *upper = ncmp(vr.hi, cap) == 1 ? cap : vr.hi;
      if (ncmp(upper, lower) == 1) upper = se__num_add(ctx, upper, se__int(ctx, -1));
      if (!upper) goto out;
      int c = ncmp(lower, upper);
      if (c == -1 || c == 0) {
        vr = se__vr_make(ctx, lower, upper);
        if (!se__vr_ok(vr)) goto out;
      }
    }
    if (lower->kind == SE_K_NEG_INT_OO || (unbacked_only && se__env_is_backed(env, k)) ||
        !vr.is_int || lower->kind != SE_K_INTEGER) {
      rs[nr] = k;
      rr[nr++] = vr;
      continue;
    }
    char name[48];
    snprintf(name, sizeof name, "evaluate_static_shape_%zu", idx);
    const se_expr *s =
        se__sym_asm(ctx, name, strlen(name), SE_ASM_INTEGER | SE_ASM_POSITIVE | SE_ASM_NONNEG |
                                                 SE_ASM_REAL);
    int64_t offset;
    if (!s || !se__sub_i64(lower->u.i, 1, &offset)) {
      if (s) se__fail(ctx, SE_OVERFLOW, "lower bound of %s overflows", k->u.sym.name);
      goto out;
    }
    keys[nk] = k;
    vals[nk++] = se__add2(ctx, s, se__int(ctx, offset));
    int64_t noff;
    if (!se__neg_i64(offset, &noff)) {
      se__fail(ctx, SE_OVERFLOW, "lower bound of %s overflows", k->u.sym.name);
      goto out;
    }
    rs[nr] = s;
    rr[nr++] = se__vr_add(ctx, vr, se__vr_wrap(ctx, se__int(ctx, noff)));
    if (!vals[nk - 1] || !se__vr_ok(rr[nr - 1])) goto out;
  }
  const se_expr *ne = nk ? se_expr_subs(ctx, expr, keys, vals, nk) : expr;
  ne = se__canonicalize_bool_expr(ctx, se_expr_expand(ctx, ne));
  if (!ne) goto out;
  if (!has_symbols(ne) && (se__is_num(ne) || se__is_bool_atom(ne))) {
    result = ne;
    goto out;
  }
  range_env renv = {rs, rr, nr};
  se_range b = se__vr_bound(ctx, ne, range_env_lookup, &renv);
  if (!se__vr_ok(b)) goto out;
  if (se__vr_is_singleton(b))
    result = b.lo;
  else if (unbacked_only)
    result = ne;
out:
  free(keys);
  free(vals);
  free(rs);
  free(rr);
  return result;
}

/* _maybe_evaluate_static(e): e's value known without guarding, or NULL with
 * no error recorded when it is not known (NULL with an error on failure).
 * With unbacked_only, returns the rewritten expression instead of NULL.
 * compute_hint substitutes the hints first; no_axioms is PyTorch's axioms=(). */
const se_expr *se__env_maybe_evaluate_static(se_env *env, const se_expr *e, bool unbacked_only,
                                             bool compute_hint, bool size_oblivious,
                                             bool no_axioms) {
  if (!e) return NULL;
  se_ctx *ctx = env->ctx;
  const se_expr *expr = se__env_simplify(env, e, size_oblivious);
  if (!expr) return NULL;
  if (compute_hint) {
    expr = se__env_xreplace_map(ctx, expr, &env->backed_var_to_val);
    expr = se__env_xreplace_map(ctx, expr, &env->real_tensor_prop_unbacked_vals);
  }
  expr = se__canonicalize_bool_expr(ctx, expr);
  if (!expr) return NULL;
  if (!no_axioms && env->axioms.live) {
    if (!resimplify_floordiv_axioms(env)) return NULL;
    size_t n = env->axioms.live, i = 0;
    const se_expr **keys = malloc(n * sizeof *keys);
    const se_expr **vals = malloc(n * sizeof *vals);
    if (!keys || !vals) {
      free(keys);
      free(vals);
      se__fail(ctx, SE_NOMEM, "out of memory substituting axioms");
      return NULL;
    }
    SE_MAP_EACH(&env->axioms, me) {
      keys[i] = me->key;
      vals[i++] = se__bool(ctx, me->val.i != 0);
    }
    expr = se__env_xreplace(ctx, expr, keys, vals, i);
    free(keys);
    free(vals);
    if (!expr) return NULL;
  }
  se__elist fs = {0};
  if (!se__env_free_symbols(ctx, expr, &fs)) return NULL;
  if (!fs.n && (se__is_num(expr) || se__is_boolean(expr))) {
    se__elist_free(&fs);
    return expr;
  }
  qsort(fs.v, fs.n, sizeof *fs.v, cmp_name);
  const se_expr *r = static_worker(env, expr, &fs, unbacked_only, size_oblivious);
  se__elist_free(&fs);
  return r;
}

/* ---- hints ---------------------------------------------------------------------------- */

se_status se__env_data_dependent(se_env *env, const se_expr *expr, const se_expr *unhinted) {
  se_ctx *ctx = env->ctx;
  se__elist fs = {0};
  se_buf b;
  se__buf_init(&b);
  if (!se__env_free_symbols(ctx, expr, &fs)) return se__status(ctx);
  for (size_t i = 0; i < fs.n; i++)
    if (se__st_get(&env->size_like, fs.v[i])) {
      if (b.len) se__buf_puts(&b, ", ");
      se__buf_puts(&b, fs.v[i]->u.sym.name);
    }
  se__elist_free(&fs);
  char *es = se_expr_str(ctx, expr), *us = se_expr_str(ctx, unhinted);
  bool is_int = se__fact(ctx, expr, SE_FACT_INTEGER) == SE_T_TRUE;
  se_status st = se__fail(ctx, SE_DATA_DEPENDENT, "%s %s (unhinted: %s).  (Size-like symbols: %s)",
                          is_int ? "Could not extract specialized integer from data-dependent "
                                   "expression"
                                 : "Could not guard on data-dependent expression",
                          es ? es : "?", us ? us : "?", b.len ? b.p : "none");
  se_free(es);
  se_free(us);
  se__buf_free(&b);
  return st;
}

static bool is_value(const se_expr *e) {
  return (se__is_num(e) || se__is_bool_atom(e)) && !has_symbols(e);
}

const se_expr *se__env_oblivious_hint(se_env *env, const se_expr *e) {
  se_ctx *ctx = env->ctx;
  if (!env->oblivious_var_to_val.live) return NULL;
  const se_expr *correct = se__env_xreplace_map(ctx, e, &env->oblivious_var_to_val);
  size_t n = env->oblivious_var_to_val.live, i = 0;
  const se_expr **k = malloc(n * sizeof *k), **v = malloc(n * sizeof *v);
  const se_expr *r = NULL;
  if (k && v && correct) {
    SE_MAP_EACH(&env->oblivious_var_to_val, me) {
      const se_expr *val = me->val.p;
      k[i] = me->key;
      v[i++] = ncmp(val, se__int(ctx, 2)) == -1 ? se__int(ctx, 2) : val;
    }
    const se_expr *cf = se__env_xreplace(ctx, e, k, v, i);
    if (cf && !has_symbols(correct) && !has_symbols(cf) && correct == cf) r = correct;
  }
  free(k);
  free(v);
  return r;
}

const se_expr *se__env_size_hint(se_env *env, const se_expr *expr, bool allow_none) {
  if (!expr) return NULL;
  se_ctx *ctx = env->ctx;
  const se_expr *res = se__env_xreplace_map(ctx, se_expr_expand(ctx, expr), &env->backed_var_to_val);
  if (!res) return NULL;
  if (is_value(res)) return res;
  const se_expr *r = se__env_maybe_evaluate_static(env, res, false, true, false, false);
  if (r) return r;
  if (se__status(ctx) != SE_OK) return NULL;
  if (allow_none) return NULL;
  if ((r = se__env_oblivious_hint(env, res))) return r;
  if (se__status(ctx) != SE_OK) return NULL;
  if (env->real_tensor_prop_unbacked_vals.live) {
    const se_expr *u = se__env_xreplace_map(ctx, res, &env->real_tensor_prop_unbacked_vals);
    if (!u) return NULL;
    if (!has_symbols(u)) {
      char *a = se_expr_str(ctx, res), *b = se_expr_str(ctx, u);
      se_buf m;
      se__buf_init(&m);
      se__buf_printf(&m, "propagate_real_tensors: %s == %s", a ? a : "?", b ? b : "?");
      se_free(a);
      se_free(b);
      bool ok = false;
      se_status st = se__env_guard_or_defer(env, se__rel(ctx, SE_K_EQ, res, u),
                                            m.p ? m.p : "", -1, &ok);
      se__buf_free(&m);
      return st == SE_OK ? u : NULL;
    }
  }
  se__env_data_dependent(env, res, expr);
  return NULL;
}

/* ---- public entry points ---------------------------------------------------------------- */

static se_status status_of(se_ctx *ctx) {
  se_status st = se__status(ctx);
  return st == SE_OK ? SE_INVALID : st;
}

const se_expr *se_env_size_hint(se_env *env, const se_expr *expr) {
  if (!env || !expr) return NULL;
  se__txn_begin(env);
  const se_expr *r = se__env_size_hint(env, expr, false);
  se__txn_end(env, r ? SE_OK : status_of(env->ctx));
  return r;
}

se_status se_env_evaluate_static(se_env *env, const se_expr *expr, bool size_oblivious,
                                 const se_expr **out) {
  if (!env) return SE_INVALID;
  if (!expr) return se__fail(env->ctx, SE_INVALID, "se_env_evaluate_static: NULL expression");
  se__txn_begin(env);
  const se_expr *r = se__env_maybe_evaluate_static(env, expr, false, false, size_oblivious, false);
  se_status st = se__status(env->ctx);
  if (st == SE_OK && out) *out = r;
  return se__txn_end(env, st);
}
