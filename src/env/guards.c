/* produce_guards and format_guards (spec/shapeenv.md 4.12, 6.2).
 *
 * produce_guards walks the inputs in PyTorch's tracking order (per tensor:
 * sizes, strides, storage offset; values as themselves), remembers which
 * sources carry a bare symbol (symbol_to_source: the first source of a
 * symbol is the one its guards print), and emits, in this order:
 *   1. input guards "{source} == {expr}" for every tracked input whose
 *      expression is not the bare symbol it introduced;
 *   2. the recorded guards that static evaluation without axioms cannot
 *      decide, simplified, without repeats;
 *   3. the range of every symbol of symbol_to_source, and the NaN check of
 *      float symbols.
 * Everything prints with the Python guard printer, symbols as the names of
 * their first sources. Deferred runtime asserts are not emitted. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "env/simplify.h"

static se_status failed(se_ctx *ctx) {
  se_status st = se__status(ctx);
  return st == SE_OK ? SE_INVALID : st;
}

static char *dup_text(const char *s) {
  size_t n = strlen(s) + 1;
  char *p = malloc(n);
  if (p) memcpy(p, s, n);
  return p;
}

/* symbol_to_source[sym]: the sources that carried the bare symbol. */
typedef struct symsrc {
  const se_expr *sym;
  const se_source **v;
  size_t n, cap;
} symsrc;

/* One (source, expression) pair of input_guards. */
typedef struct input_guard {
  const se_source *src;
  const se_expr *expr;
  const se_expr *value; /* evaluation mode: the source's concrete value */
} input_guard;

typedef struct gstate {
  se_env *env;
  symsrc *tab;         /* symbol_to_source in insertion order */
  size_t ntab, captab;
  input_guard *in;     /* input_guards in tracking order */
  size_t nin, capin;
  char **out;          /* emitted guard texts */
  size_t nout, capout;
  bool oom;
  /* Evaluation mode (evaluate_guards_for_args): instead of printing each
   * guard, evaluate it on concrete values and stop at the first false. */
  bool eval;           /* evaluation mode is on */
  bool holds;          /* every guard evaluated so far holds */
} gstate;

static bool grow(void **p, size_t *cap, size_t need, size_t elem) {
  if (need <= *cap) return true;
  size_t nc = *cap ? *cap * 2 : 8;
  while (nc < need) nc *= 2;
  void *np = realloc(*p, nc * elem);
  if (!np) return false;
  *p = np;
  *cap = nc;
  return true;
}

static void gstate_free(gstate *g) {
  for (size_t i = 0; i < g->ntab; i++) free(g->tab[i].v);
  free(g->tab);
  free(g->in);
  for (size_t i = 0; i < g->nout; i++) free(g->out[i]);
  free(g->out);
}

static se_status nomem(gstate *g) {
  return se__fail(g->env->ctx, SE_NOMEM, "out of memory producing guards");
}

/* The entry of sym (created empty when create, as Python's defaultdict). */
static symsrc *tab_get(gstate *g, const se_expr *sym, bool create) {
  for (size_t i = 0; i < g->ntab; i++)
    if (g->tab[i].sym == sym) return &g->tab[i];
  if (!create) return NULL;
  if (!grow((void **)&g->tab, &g->captab, g->ntab + 1, sizeof *g->tab)) return NULL;
  symsrc *e = &g->tab[g->ntab++];
  memset(e, 0, sizeof *e);
  e->sym = sym;
  return e;
}

static se_status emit(gstate *g, char *text) {
  if (!text) return failed(g->env->ctx);
  if (!grow((void **)&g->out, &g->capout, g->nout + 1, sizeof *g->out)) {
    free(text);
    return nomem(g);
  }
  g->out[g->nout++] = text;
  return SE_OK;
}

/* ---- tracking ------------------------------------------------------------------------------- */

static se_status track_value(gstate *g, const se_source *src, se_sym v,
                              const se_expr *value) {
  se_ctx *ctx = g->env->ctx;
  if (!v.expr) return se__fail(ctx, SE_INVALID, "produce_guards: a value of %s has no expression",
                               src->name);
  if (v.type == SE_PY_BOOL)
    return se__fail(ctx, SE_INVALID, "produce_guards: %s is a bool, expected a tensor, int or float",
                    src->name);
  const se_expr *e = se__is_num(v.expr) ? v.expr : se__env_replace(g->env, v.expr);
  if (!e) return failed(ctx);
  if (e->kind == SE_K_SYMBOL) {
    symsrc *t = tab_get(g, e, true);
    if (!t || !grow((void **)&t->v, &t->cap, t->n + 1, sizeof *t->v)) return nomem(g);
    t->v[t->n++] = src;
  }
  if (!grow((void **)&g->in, &g->capin, g->nin + 1, sizeof *g->in)) return nomem(g);
  g->in[g->nin].src = src;
  g->in[g->nin].expr = e;
  g->in[g->nin].value = value;
  g->nin++;
  return SE_OK;
}

/* The concrete value v as a number node; NULL outside evaluation mode. */
static const se_expr *concrete_int(gstate *g, int64_t v) {
  return g->eval ? se__int(g->env->ctx, v) : NULL;
}

/* Tracks placeholder ph under src; arg is its concrete input in
 * evaluation mode (NULL otherwise), checked against ph's kind. */
static se_status track(gstate *g, const se_placeholder *ph, const se_source *src,
                       const se_concrete *arg) {
  se_ctx *ctx = g->env->ctx;
  se_status st = SE_OK;
  switch (ph->kind) {
  case SE_PH_NONE: return SE_OK;
  case SE_PH_VALUE:
    if (g->eval && arg->kind != SE_CONCRETE_INT)
      return se__fail(ctx, SE_INVALID, "evaluate_guards_for_args: %s needs an int input",
                      src->name);
    return track_value(g, src, ph->value, concrete_int(g, arg ? arg->value : 0));
  case SE_PH_TENSOR: {
    const se_tensor_meta *t = &ph->tensor;
    if (t->dim && (!t->sizes || !t->strides))
      return se__fail(ctx, SE_INVALID, "produce_guards: tensor %s has no sizes/strides", src->name);
    if (g->eval && (arg->kind != SE_CONCRETE_TENSOR || arg->dim != t->dim ||
                    (t->dim && (!arg->sizes || !arg->strides))))
      return se__fail(ctx, SE_INVALID,
                      "evaluate_guards_for_args: %s needs a tensor input with %zu dimensions",
                      src->name, t->dim);
    for (size_t i = 0; st == SE_OK && i < t->dim; i++) {
      const se_source *s = se_source_size(ctx, src, (int64_t)i);
      st = s ? track_value(g, s, t->sizes[i], concrete_int(g, arg ? arg->sizes[i] : 0))
             : failed(ctx);
    }
    for (size_t i = 0; st == SE_OK && i < t->dim; i++) {
      const se_source *s = se_source_stride(ctx, src, (int64_t)i);
      st = s ? track_value(g, s, t->strides[i], concrete_int(g, arg ? arg->strides[i] : 0))
             : failed(ctx);
    }
    if (st == SE_OK) {
      const se_source *s = se_source_storage_offset(ctx, src);
      st = s ? track_value(g, s, t->storage_offset,
                           concrete_int(g, arg ? arg->storage_offset : 0))
             : failed(ctx);
    }
    return st;
  }
  }
  return se__fail(ctx, SE_INVALID, "produce_guards: unknown placeholder kind");
}

/* ---- printing ------------------------------------------------------------------------------- */

/* Python's repr of a str. */
static void put_pyrepr(se_buf *b, const char *s) {
  char q = strchr(s, '\'') && !strchr(s, '"') ? '"' : '\'';
  se__buf_putc(b, q);
  for (const char *p = s; *p; p++) {
    if (*p == q || *p == '\\') se__buf_putc(b, '\\');
    se__buf_putc(b, *p);
  }
  se__buf_putc(b, q);
}

static void put_srclist(se_buf *b, const se_source *const *v, size_t n) {
  se__buf_putc(b, '[');
  for (size_t i = 0; i < n; i++) {
    if (i) se__buf_puts(b, ", ");
    put_pyrepr(b, v[i]->name);
  }
  se__buf_putc(b, ']');
}

/* The printer's hook: a symbol prints as the name of its first source;
 * without one, PyTorch's assertion text is recorded. */
static char *symbol_text(void *ud, const se_expr *sym) {
  gstate *g = ud;
  symsrc *t = tab_get(g, sym, false);
  if (t && t->n) {
    char *r = dup_text(t->v[0]->name);
    if (!r) nomem(g);
    return r;
  }
  se_buf b;
  se__buf_init(&b);
  se__buf_printf(&b, "%s (could be from ", sym->u.sym.name);
  se_map_entry *vs = se__st_get(&g->env->var_to_sources, sym);
  const se_srclist *l = vs ? vs->val.p : NULL;
  put_srclist(&b, l ? l->v : NULL, l ? l->n : 0);
  se__buf_puts(&b, ") not in {");
  for (size_t i = 0; i < g->ntab; i++) {
    if (i) se__buf_puts(&b, ", ");
    se__buf_printf(&b, "%s: ", g->tab[i].sym->u.sym.name);
    put_srclist(&b, g->tab[i].v, g->tab[i].n);
  }
  se__buf_puts(&b, "}.  If this assert is failing, it could be due to the issue described in "
                   "https://github.com/pytorch/pytorch/pull/90665");
  if (b.oom) nomem(g);
  else se__fail(g->env->ctx, SE_NOTFOUND, "%s", b.p);
  se__buf_free(&b);
  return NULL;
}

static char *print_expr(gstate *g, const se_expr *e) {
  return se_expr_python(g->env->ctx, e, symbol_text, g);
}

/* ---- evaluation mode -------------------------------------------------------------------------- */

/* The concrete value of src (its first tracked occurrence). */
static const se_expr *value_of(const gstate *g, const se_source *src) {
  for (size_t i = 0; i < g->nin; i++)
    if (g->in[i].src == src) return g->in[i].value;
  return NULL;
}

/* cond with every symbol replaced by the value of the source its guard
 * text names (its first source), decided: a guard that is false ends the
 * evaluation (holds = false). A symbol with no source fails as printing
 * it does. */
static se_status check(gstate *g, const se_expr *cond) {
  se_ctx *ctx = g->env->ctx;
  if (!cond) return failed(ctx);
  se__elist fs = {0};
  if (!se__env_free_symbols(ctx, cond, &fs)) return failed(ctx);
  const se_expr **vals = calloc(fs.n ? fs.n : 1, sizeof *vals);
  se_status st = vals ? SE_OK : nomem(g);
  for (size_t i = 0; st == SE_OK && i < fs.n; i++) {
    symsrc *t = tab_get(g, fs.v[i], false);
    vals[i] = t && t->n ? value_of(g, t->v[0]) : NULL;
    if (!vals[i]) {
      free(symbol_text(g, fs.v[i])); /* records PyTorch's error for a symbol with no source */
      st = se__status(ctx) != SE_OK ? se__status(ctx)
                                     : se__fail(ctx, SE_INVALID, "%s has no concrete value",
                                                fs.v[i]->u.sym.name);
    }
  }
  const se_expr *v = st == SE_OK ? se_expr_subs(ctx, cond, fs.v, vals, fs.n) : NULL;
  if (st == SE_OK && !v) st = failed(ctx);
  free(vals);
  se__elist_free(&fs);
  if (st != SE_OK) return st;
  if (v->kind == SE_K_TRUE) return SE_OK;
  if (v->kind == SE_K_FALSE) {
    g->holds = false;
    return SE_OK;
  }
  char *c = se_expr_str(ctx, cond), *r = se_expr_str(ctx, v);
  st = se__fail(ctx, SE_INVALID,
                "evaluate_guards_for_args: the guard %s does not evaluate to True or False for "
                "these inputs (it gives %s)",
                c ? c : "?", r ? r : "?");
  se_free(c);
  se_free(r);
  return st;
}

/* ---- the three parts -------------------------------------------------------------------------- */

static se_status input_guards(gstate *g, bool ignore_static, bool verbose) {
  se_env *env = g->env;
  se_ctx *ctx = env->ctx;
  for (size_t i = 0; i < g->nin; i++) {
    const se_source *src = g->in[i].src;
    const se_expr *e = g->in[i].expr;
    if (e->kind == SE_K_SYMBOL) {
      symsrc *t = tab_get(g, e, false);
      if (t && t->n && t->v[0] == src) continue;
    }
    if (ignore_static && se__source_is_tensor_prop(src) && se__is_num(e)) continue;
    if (g->eval) {
      se_status st = check(g, se__rel(ctx, SE_K_EQ, g->in[i].value, e));
      if (st != SE_OK || !g->holds) return st;
      continue;
    }
    char *rhs = print_expr(g, e);
    if (!rhs) return failed(ctx);
    se_buf b;
    se__buf_init(&b);
    se__buf_printf(&b, "%s == %s", src->name, rhs);
    free(rhs);
    if (verbose) {
      se_map_entry *sv = se__map_find(&env->source_to_var, src, src->hash);
      if (sv) {
        const se_expr *s0 = sv->val.p;
        se_map_entry *vs = se__st_get(&env->var_to_sources, s0);
        const se_srclist *l = vs ? vs->val.p : NULL;
        if (l && l->n && l->v[0] != src) {
          se_map_entry *hv = se__st_get(&env->backed_var_to_val, s0);
          char *h = hv ? se_expr_str(ctx, hv->val.p) : NULL;
          se__buf_printf(&b, "  # duck sizing added this equality because these variables had the "
                             "same size %s (to avoid this specialization, set "
                             "torch.fx.experimental._config.use_duck_shape = False)",
                         h ? h : "?");
          se_free(h);
        } else if (!se__st_get(&env->replacements, s0)) {
          /* A replaced symbol's comment is its replacement's source
           * location, which is not kept: no comment then. */
          se__buf_printf(&b, "  # (unknown var %s, please file a bug)", s0->u.sym.name);
        }
      } else {
        se__buf_printf(&b, "  # (unknown source %s, please file a bug)", src->name);
      }
    }
    se_status st = emit(g, se__buf_take(&b));
    if (st != SE_OK) return st;
  }
  return SE_OK;
}

static se_status issue_guards(gstate *g) {
  se_env *env = g->env;
  se_ctx *ctx = env->ctx;
  se__elist issued = {0};
  se_status st = SE_OK;
  for (size_t i = 0; st == SE_OK && i < env->guards.n; i++) {
    se_guard gd = SE_VEC_AT(&env->guards, se_guard, i);
    const se_expr *s =
        se__env_maybe_evaluate_static(env, gd.expr, false, false, gd.size_oblivious, true);
    if (s) continue;
    if (se__status(ctx) != SE_OK) {
      st = failed(ctx);
      break;
    }
    const se_expr *e = se__env_simplify(env, gd.expr, false);
    if (!e) {
      st = failed(ctx);
      break;
    }
    if (se__elist_has(&issued, e)) continue;
    if (!se__elist_push(ctx, &issued, e)) {
      st = failed(ctx);
      break;
    }
    /* Looking up the sources of every free symbol creates empty entries,
     * as PyTorch's defaultdict does (they show in the unmapped-symbol text). */
    se__elist fs = {0};
    if (!se__env_free_symbols(ctx, e, &fs)) {
      st = failed(ctx);
      break;
    }
    for (size_t k = 0; st == SE_OK && k < fs.n; k++)
      if (!tab_get(g, fs.v[k], true)) st = nomem(g);
    se__elist_free(&fs);
    if (st == SE_OK && g->eval) {
      st = check(g, e);
      if (!g->holds) break;
    } else if (st == SE_OK) {
      st = emit(g, print_expr(g, e));
    }
  }
  se__elist_free(&issued);
  return st;
}

static bool is_finite_bound(const se_expr *b) {
  return b->kind != SE_K_OO && b->kind != SE_K_NEG_OO && b->kind != SE_K_INT_OO &&
         b->kind != SE_K_NEG_INT_OO;
}

static se_status range_guards(gstate *g, bool verbose, bool simplified) {
  se_env *env = g->env;
  se_ctx *ctx = env->ctx;
  for (size_t i = 0; i < g->ntab; i++) {
    const se_expr *sym = g->tab[i].sym;
    const se_range *r = se__env_range(env, sym);
    if (!r) continue;
    if (!g->tab[i].n)
      return se__fail(ctx, SE_STATE, "sources must not be empty for symbol %s", sym->u.sym.name);
    const char *rf = g->tab[i].v[0]->name;
    const se_expr *bounds[2];
    size_t nb = 0;
    bool lo = is_finite_bound(r->lo), hi = is_finite_bound(r->hi);
    /* Simplified mode leaves out a lower bound that is only the default
     * (2 under 0/1 specialisation, else 0). */
    if (simplified && lo &&
        se__is_int_value(r->lo, env->opt.specialize_zero_one ? 2 : 0))
      lo = false;
    if (lo) {
      const se_expr *a[2] = {r->lo, sym};
      bounds[nb++] = se__node(ctx, SE_K_LE, a, 2);
    }
    if (hi) {
      const se_expr *a[2] = {sym, r->hi};
      bounds[nb++] = se__node(ctx, SE_K_LE, a, 2);
    }
    if (nb && g->eval) {
      for (size_t k = 0; k < nb; k++) {
        se_status st = check(g, bounds[k]);
        if (st != SE_OK || !g->holds) return st;
      }
    } else if (nb) {
      char *text;
      if (verbose) {
        /* PyTorch's verbose form; the "  # {source location}" comments are
         * left out: source locations are not kept. */
        char *l = lo ? se_expr_str(ctx, r->lo) : NULL, *h = hi ? se_expr_str(ctx, r->hi) : NULL;
        se_buf b;
        se__buf_init(&b);
        if (lo && hi) se__buf_printf(&b, "%s <= %s <= %s", l ? l : "?", rf, h ? h : "?");
        else if (lo) se__buf_printf(&b, "%s <= %s", l ? l : "?", rf);
        else se__buf_printf(&b, "%s <= %s", rf, h ? h : "?");
        se_free(l);
        se_free(h);
        text = se__buf_take(&b);
        if (!text) nomem(g);
      } else {
        for (size_t k = 0; k < nb; k++)
          if (!bounds[k]) return failed(ctx);
        const se_expr *bound = nb == 1 ? bounds[0] : se__node(ctx, SE_K_AND, bounds, nb);
        text = bound ? print_expr(g, bound) : NULL;
      }
      se_status st = emit(g, text);
      if (st != SE_OK) return st;
    }
    /* not math.isnan(...): an int input is never NaN. */
    if (!g->eval && strncmp(sym->u.sym.name, "zf", 2) == 0) {
      se_buf b;
      se__buf_init(&b);
      se__buf_printf(&b, "not math.isnan(%s)", rf);
      if (verbose)
        se__buf_puts(&b, "  # implicit guard for float input due to NaN specialization in the "
                         "framework");
      char *text = se__buf_take(&b);
      if (!text) nomem(g);
      se_status st = emit(g, text);
      if (st != SE_OK) return st;
    }
  }
  return SE_OK;
}

static se_status produce_impl(gstate *g, const se_placeholder *ph,
                              const se_source *const *sources, size_t n, bool ignore_static,
                              bool verbose, bool simplified, const se_concrete *args) {
  se_ctx *ctx = g->env->ctx;
  for (size_t i = 0; i < n; i++) {
    if (!sources[i])
      return se__fail(ctx, SE_INVALID, "produce_guards: placeholder %zu has no source", i);
    se_status st = track(g, &ph[i], sources[i], args ? &args[i] : NULL);
    if (st != SE_OK) return st;
  }
  /* Simplified mode (PyTorch's _simplified) skips the input guards. */
  se_status st = simplified ? SE_OK : input_guards(g, ignore_static, verbose);
  if (st == SE_OK && g->holds) st = issue_guards(g);
  if (st == SE_OK && g->holds) st = range_guards(g, verbose, simplified);
  return st;
}

/* produce_guards (see shapeenv.h). On failure nothing is returned and the
 * environment is as before the call. */
se_status se__env_produce_guards(se_env *env, const se_placeholder *ph,
                                 const se_source *const *sources, size_t n, bool ignore_static,
                                 bool verbose, bool simplified, char ***out, size_t *nout) {
  if (!env) return SE_INVALID;
  if (!out || !nout) return se__fail(env->ctx, SE_INVALID, "produce_guards: no place for the result");
  *out = NULL;
  *nout = 0;
  if (n && (!ph || !sources))
    return se__fail(env->ctx, SE_INVALID, "produce_guards: placeholders or sources missing");
  gstate g;
  memset(&g, 0, sizeof g);
  g.env = env;
  g.holds = true;
  se__txn_begin(env);
  se_status st = se__txn_end(
      env, produce_impl(&g, ph, sources, n, ignore_static, verbose, simplified, NULL));
  if (st == SE_OK) {
    *out = g.out;
    *nout = g.nout;
    g.out = NULL;
    g.nout = 0;
  }
  gstate_free(&g);
  return st;
}

/* format_guards(): " - {expr}" per recorded guard (SymPy str), joined by
 * newlines, no trailing newline; "" without guards. Caller frees. */
char *se_env_format_guards(se_env *env) {
  if (!env) return NULL;
  se_ctx *ctx = env->ctx;
  se_buf b;
  se__buf_init(&b);
  se__buf_puts(&b, "");
  for (size_t i = 0; i < env->guards.n; i++) {
    se_guard gd = SE_VEC_AT(&env->guards, se_guard, i);
    char *s = se_expr_str(ctx, gd.expr);
    if (!s) {
      se__buf_free(&b);
      return NULL;
    }
    se__buf_printf(&b, "%s - %s", i ? "\n" : "", s);
    se_free(s);
  }
  char *r = se__buf_take(&b);
  if (!r) se__fail(ctx, SE_NOMEM, "out of memory formatting guards");
  return r;
}

/* ---- bind_symbols and evaluate_guards_for_args -------------------------------------------------- */

/* evaluate_guards_for_args: produce_guards_expression (placeholder i under
 * L['t<i>']) evaluated on the inputs, guard by guard in produce_guards'
 * order, as Python's "g1 and g2 and ..." does. */
se_status se_env_evaluate_guards_for_args(se_env *env, const se_placeholder *ph,
                                          const se_concrete *args, size_t n, bool ignore_static,
                                          bool *out) {
  if (!env) return SE_INVALID;
  se_ctx *ctx = env->ctx;
  if (!out) return se__fail(ctx, SE_INVALID, "evaluate_guards_for_args: no place for the result");
  *out = false;
  if (n && (!ph || !args))
    return se__fail(ctx, SE_INVALID, "evaluate_guards_for_args: placeholders or inputs missing");
  const se_source **src = calloc(n ? n : 1, sizeof *src);
  if (!src) return se__fail(ctx, SE_NOMEM, "out of memory evaluating guards");
  se_status st = SE_OK;
  for (size_t i = 0; st == SE_OK && i < n; i++) {
    char name[32];
    snprintf(name, sizeof name, "t%zu", i);
    src[i] = se_source_local(ctx, name);
    if (!src[i]) st = failed(ctx);
  }
  gstate g;
  memset(&g, 0, sizeof g);
  g.env = env;
  g.eval = true;
  g.holds = true;
  if (st == SE_OK) {
    se__txn_begin(env);
    /* Whatever deciding the guards caches is rolled back: nothing changes. */
    st = produce_impl(&g, ph, src, n, ignore_static, false, false, args);
    se__txn_end(env, SE_STATE);
  }
  if (st == SE_OK) *out = g.holds;
  gstate_free(&g);
  free(src);
  return st;
}

/* One binding of bind_symbols' bind_symint. */
typedef struct bindings {
  se_binding *v;
  size_t n, cap;
} bindings;

static se_status bind_one(se_ctx *ctx, bindings *b, const se_expr *sym, int64_t v) {
  for (size_t i = 0; i < b->n; i++) {
    if (b->v[i].symbol != sym) continue;
    if (b->v[i].value != v)
      return se__fail(ctx, SE_INVALID, "%lld != %lld", (long long)b->v[i].value, (long long)v);
    return SE_OK;
  }
  if (!grow((void **)&b->v, &b->cap, b->n + 1, sizeof *b->v))
    return se__fail(ctx, SE_NOMEM, "out of memory binding symbols");
  b->v[b->n].symbol = sym;
  b->v[b->n].value = v;
  b->n++;
  return SE_OK;
}

/* bind_symint(arg, val): only a symbolic int binds, and only a bare symbol
 * or its negation. */
static se_status bind_symint(se_ctx *ctx, bindings *b, int64_t arg, se_sym val) {
  if (!val.expr || val.type != SE_PY_INT || se__is_num(val.expr)) return SE_OK;
  if (val.expr->kind == SE_K_SYMBOL) return bind_one(ctx, b, val.expr, arg);
  const se_expr *neg = se_expr_neg(ctx, val.expr);
  if (!neg) return failed(ctx);
  if (neg->kind != SE_K_SYMBOL) return SE_OK;
  if (arg == INT64_MIN) return se__fail(ctx, SE_OVERFLOW, "bind_symbols: -(%lld) overflows",
                                        (long long)arg);
  return bind_one(ctx, b, neg, -arg);
}

/* Python's type() of a placeholder value that is not a SymInt. */
static const char *value_type_name(se_sym v) {
  bool sym = v.expr && !se__is_num(v.expr) && !se__is_bool_atom(v.expr);
  if (v.type == SE_PY_FLOAT) return sym ? "<class 'torch.SymFloat'>" : "<class 'float'>";
  if (v.type == SE_PY_BOOL) return sym ? "<class 'torch.SymBool'>" : "<class 'bool'>";
  return "<class 'int'>";
}

se_status se_env_bind_symbols(se_env *env, const se_placeholder *ph, const se_concrete *args,
                              size_t n, se_binding **out, size_t *nout) {
  if (!env) return SE_INVALID;
  se_ctx *ctx = env->ctx;
  if (!out || !nout) return se__fail(ctx, SE_INVALID, "bind_symbols: no place for the result");
  *out = NULL;
  *nout = 0;
  if (n && (!ph || !args))
    return se__fail(ctx, SE_INVALID, "bind_symbols: placeholders or inputs missing");
  bindings b = {NULL, 0, 0};
  se_status st = SE_OK;
  for (size_t i = 0; st == SE_OK && i < n; i++) {
    const se_placeholder *p = &ph[i];
    const se_concrete *a = &args[i];
    if (p->kind == SE_PH_NONE || a->kind == SE_CONCRETE_NONE) continue;
    if (p->kind == SE_PH_VALUE) {
      bool symint = p->value.expr && p->value.type == SE_PY_INT && !se__is_num(p->value.expr);
      if (!symint)
        st = se__fail(ctx, SE_INVALID, "Expected Tensor, got %s", value_type_name(p->value));
      else if (a->kind != SE_CONCRETE_INT)
        st = se__fail(ctx, SE_INVALID, "Expected int, got <class 'torch.Tensor'>");
      else
        st = bind_symint(ctx, &b, a->value, p->value);
      continue;
    }
    const se_tensor_meta *t = &p->tensor;
    if (a->kind != SE_CONCRETE_TENSOR) {
      st = se__fail(ctx, SE_INVALID, "'int' object has no attribute 'size'");
      continue;
    }
    if (a->dim != t->dim || (t->dim && (!a->sizes || !a->strides || !t->sizes || !t->strides))) {
      st = se__fail(ctx, SE_INVALID,
                    "bind_symbols: input %zu has %zu dimensions, its placeholder %zu", i, a->dim,
                    t->dim);
      continue;
    }
    for (size_t k = 0; st == SE_OK && k < t->dim; k++)
      st = bind_symint(ctx, &b, a->sizes[k], t->sizes[k]);
    for (size_t k = 0; st == SE_OK && k < t->dim; k++)
      st = bind_symint(ctx, &b, a->strides[k], t->strides[k]);
    if (st == SE_OK) st = bind_symint(ctx, &b, a->storage_offset, t->storage_offset);
  }
  if (st != SE_OK) {
    free(b.v);
    return st;
  }
  *out = b.v;
  *nout = b.n;
  return SE_OK;
}
