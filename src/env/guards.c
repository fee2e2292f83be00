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

static se_status track_value(gstate *g, const se_source *src, se_sym v) {
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
  g->nin++;
  return SE_OK;
}

static se_status track(gstate *g, const se_placeholder *ph, const se_source *src) {
  se_ctx *ctx = g->env->ctx;
  se_status st = SE_OK;
  switch (ph->kind) {
  case SE_PH_NONE: return SE_OK;
  case SE_PH_VALUE: return track_value(g, src, ph->value);
  case SE_PH_TENSOR: {
    const se_tensor_meta *t = &ph->tensor;
    if (t->dim && (!t->sizes || !t->strides))
      return se__fail(ctx, SE_INVALID, "produce_guards: tensor %s has no sizes/strides", src->name);
    for (size_t i = 0; st == SE_OK && i < t->dim; i++) {
      const se_source *s = se_source_size(ctx, src, (int64_t)i);
      st = s ? track_value(g, s, t->sizes[i]) : failed(ctx);
    }
    for (size_t i = 0; st == SE_OK && i < t->dim; i++) {
      const se_source *s = se_source_stride(ctx, src, (int64_t)i);
      st = s ? track_value(g, s, t->strides[i]) : failed(ctx);
    }
    if (st == SE_OK) {
      const se_source *s = se_source_storage_offset(ctx, src);
      st = s ? track_value(g, s, t->storage_offset) : failed(ctx);
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
    if (st == SE_OK) st = emit(g, print_expr(g, e));
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
    if (nb) {
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
    if (strncmp(sym->u.sym.name, "zf", 2) == 0) {
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
                              bool verbose, bool simplified) {
  se_ctx *ctx = g->env->ctx;
  for (size_t i = 0; i < n; i++) {
    if (!sources[i])
      return se__fail(ctx, SE_INVALID, "produce_guards: placeholder %zu has no source", i);
    se_status st = track(g, &ph[i], sources[i]);
    if (st != SE_OK) return st;
  }
  /* Simplified mode (PyTorch's _simplified) skips the input guards. */
  se_status st = simplified ? SE_OK : input_guards(g, ignore_static, verbose);
  if (st == SE_OK) st = issue_guards(g);
  if (st == SE_OK) st = range_guards(g, verbose, simplified);
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
  se__txn_begin(env);
  se_status st = se__txn_end(env, produce_impl(&g, ph, sources, n, ignore_static, verbose, simplified));
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
