/* Substitution, free symbols and evaluation at a point.
 *
 * Substitution is SymPy's subs for symbol keys: every node whose arguments
 * changed is rebuilt with its evaluating constructor (se__call) from all its
 * new arguments at once, bottom-up, so numbers fold, relations decide,
 * Min/Max and And/Or collapse exactly as a freshly built node would. A node
 * whose arguments did not change is kept as it is (SymPy returns self), so
 * unevaluated nodes survive where nothing below them changed.
 *
 * Both walks use an explicit stack and a memo keyed by node id, so deep
 * expressions cannot overflow the C stack and shared subexpressions are
 * visited once. */
#include <stdlib.h>
#include <string.h>

#include "expr/expr.h"

/* ---- a map from node id to node (malloc-owned, open addressing) ----------- */

typedef struct idmap {
  uint64_t *keys;       /* node id + 1; 0 = empty slot */
  const se_expr **vals; /* mapped node */
  size_t cap;           /* slots, a power of two */
  size_t count;         /* entries */
} idmap;

static bool idmap_init(idmap *m, size_t hint) {
  size_t cap = 64;
  while (cap < hint * 2) cap *= 2;
  m->keys = calloc(cap, sizeof *m->keys);
  m->vals = calloc(cap, sizeof *m->vals);
  m->cap = cap;
  m->count = 0;
  return m->keys && m->vals;
}

static void idmap_free(idmap *m) {
  free(m->keys);
  free(m->vals);
  memset(m, 0, sizeof *m);
}

static size_t idmap_slot(const idmap *m, uint64_t key) {
  size_t mask = m->cap - 1;
  size_t j = (size_t)se__hash_mix(0, key) & mask;
  while (m->keys[j] && m->keys[j] != key) j = (j + 1) & mask;
  return j;
}

/* The node mapped to e, or NULL. */
static const se_expr *idmap_get(const idmap *m, const se_expr *e) {
  size_t j = idmap_slot(m, e->id + 1);
  return m->keys[j] ? m->vals[j] : NULL;
}

/* Maps e to v (keeps an existing entry when keep_old); false when out of memory. */
static bool idmap_put(idmap *m, const se_expr *e, const se_expr *v, bool keep_old) {
  if ((m->count + 1) * 2 > m->cap) {
    idmap bigger;
    if (!idmap_init(&bigger, m->cap)) {
      idmap_free(&bigger);
      return false;
    }
    for (size_t i = 0; i < m->cap; i++)
      if (m->keys[i]) {
        size_t j = idmap_slot(&bigger, m->keys[i]);
        bigger.keys[j] = m->keys[i];
        bigger.vals[j] = m->vals[i];
      }
    bigger.count = m->count;
    idmap_free(m);
    *m = bigger;
  }
  size_t j = idmap_slot(m, e->id + 1);
  if (m->keys[j]) {
    if (!keep_old) m->vals[j] = v;
    return true;
  }
  m->keys[j] = e->id + 1;
  m->vals[j] = v;
  m->count++;
  return true;
}

/* ---- an explicit stack of (node, next child) frames ----------------------- */

typedef struct frame {
  const se_expr *e; /* node being walked */
  size_t next;      /* index of the next child to visit */
} frame;

typedef struct stack {
  frame *v;   /* malloc-owned */
  size_t n;   /* frames in use */
  size_t cap; /* capacity */
} stack;

static bool stack_push(stack *s, const se_expr *e) {
  if (s->n == s->cap) {
    size_t ncap = s->cap ? s->cap * 2 : 64;
    frame *nv = realloc(s->v, ncap * sizeof *nv);
    if (!nv) return false;
    s->v = nv;
    s->cap = ncap;
  }
  s->v[s->n].e = e;
  s->v[s->n].next = 0;
  s->n++;
  return true;
}

/* ---- substitution --------------------------------------------------------- */

/* Rebuilds e from the memoized results of its arguments; e itself when none
 * changed. NULL on failure (recorded). */
static const se_expr *rebuild(se_ctx *ctx, const idmap *m, const se_expr *e) {
  const se_expr *inl[8];
  const se_expr **args = inl;
  size_t n = e->nargs;
  if (n > sizeof inl / sizeof inl[0]) {
    args = malloc(n * sizeof *args);
    if (!args) {
      se__fail(ctx, SE_NOMEM, "out of memory substituting into %s", se_kind_name(e->kind));
      return NULL;
    }
  }
  bool changed = false;
  for (size_t i = 0; i < n; i++) {
    args[i] = idmap_get(m, e->args[i]);
    if (args[i] != e->args[i]) changed = true;
  }
  const se_expr *r = changed ? se__call(ctx, (se_kind)e->kind, args, n) : e;
  if (args != inl) free(args);
  return r;
}

/* e with syms[i] replaced by vals[i], all at once (a value is never itself
 * substituted into). Keys must be Symbols (SE_INVALID otherwise); when a
 * symbol is given twice the first value wins; n == 0 returns e. The result
 * is borrowed from ctx; NULL on failure, with the constructor's error
 * (e.g. SE_ZERODIV from FloorDiv by 0) or SE_NOMEM recorded. */
const se_expr *se_expr_subs(se_ctx *ctx, const se_expr *e, const se_expr *const *syms,
                            const se_expr *const *vals, size_t n) {
  if (!ctx || !e) return NULL;
  if (n && (!syms || !vals)) {
    se__fail(ctx, SE_INVALID, "se_expr_subs: NULL symbol or value array");
    return NULL;
  }
  for (size_t i = 0; i < n; i++) {
    if (!syms[i] || !vals[i]) return NULL;
    if (syms[i]->kind != SE_K_SYMBOL) {
      se__fail(ctx, SE_INVALID, "se_expr_subs: key %zu is a %s, not a Symbol", i,
               se_kind_name(syms[i]->kind));
      return NULL;
    }
  }
  if (n == 0) return e;
  idmap memo;
  stack st = {NULL, 0, 0};
  const se_expr *result = NULL;
  if (!idmap_init(&memo, n + 16)) goto oom;
  /* The first value given for a symbol wins. */
  for (size_t i = 0; i < n; i++)
    if (!idmap_put(&memo, syms[i], vals[i], true)) goto oom;
  if (!stack_push(&st, e)) goto oom;
  while (st.n) {
    frame *f = &st.v[st.n - 1];
    if (f->next == 0 && idmap_get(&memo, f->e)) {
      st.n--;
      continue;
    }
    if (f->next < f->e->nargs) {
      const se_expr *c = f->e->args[f->next++];
      if (!idmap_get(&memo, c) && !stack_push(&st, c)) goto oom;
      continue;
    }
    const se_expr *r = f->e->nargs ? rebuild(ctx, &memo, f->e) : f->e;
    if (!r) goto done;
    if (!idmap_put(&memo, f->e, r, false)) goto oom;
    st.n--;
  }
  result = idmap_get(&memo, e);
  goto done;
oom:
  se__fail(ctx, SE_NOMEM, "out of memory in substitution");
  result = NULL;
done:
  idmap_free(&memo);
  free(st.v);
  return result;
}

/* ---- free symbols --------------------------------------------------------- */

/* The distinct symbols of e in first-occurrence order (pre-order, args in
 * stored order). *out gets a malloc'ed array the caller frees with se_free
 * (NULL when there are none); returns the count, or SIZE_MAX with *out NULL
 * on failure (SE_NOMEM, or SE_INVALID for a NULL out). */
size_t se_expr_free_symbols(se_ctx *ctx, const se_expr *e, const se_expr ***out) {
  if (!out) {
    if (ctx) se__fail(ctx, SE_INVALID, "se_expr_free_symbols: NULL out");
    return SIZE_MAX;
  }
  *out = NULL;
  if (!ctx || !e) return SIZE_MAX;
  idmap seen;
  stack st = {NULL, 0, 0};
  const se_expr **syms = NULL;
  size_t nsyms = 0, cap = 0;
  if (!idmap_init(&seen, 16) || !stack_push(&st, e)) goto oom;
  /* Pre-order, children left to right: a node is marked when first pushed
   * through its parent's walk, so each shared subexpression is entered once. */
  if (!idmap_put(&seen, e, e, true)) goto oom;
  while (st.n) {
    frame *f = &st.v[st.n - 1];
    const se_expr *x = f->e;
    if (f->next == 0 && x->kind == SE_K_SYMBOL) {
      if (nsyms == cap) {
        size_t ncap = cap ? cap * 2 : 8;
        const se_expr **nv = realloc(syms, ncap * sizeof *nv);
        if (!nv) goto oom;
        syms = nv;
        cap = ncap;
      }
      syms[nsyms++] = x;
    }
    if (f->next < x->nargs) {
      const se_expr *c = x->args[f->next++];
      if (!idmap_get(&seen, c)) {
        if (!idmap_put(&seen, c, c, true) || !stack_push(&st, c)) goto oom;
      }
      continue;
    }
    st.n--;
  }
  idmap_free(&seen);
  free(st.v);
  *out = syms;
  return nsyms;
oom:
  idmap_free(&seen);
  free(st.v);
  free(syms);
  se__fail(ctx, SE_NOMEM, "out of memory collecting free symbols");
  return SIZE_MAX;
}
