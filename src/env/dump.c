/* The state of an environment as PyTorch's check_equal sees it: the dump,
 * the field-by-field comparison and the NotEqualError text
 * (spec/shapeenv.md 3.1-3.6, peer-cases A).
 *
 * The compared fields are PyTorch's instance attributes minus the non-state
 * names of 3.2, under the current names (backed_var_to_val), each mapped as
 * 3.3 says: the unbacked counters are the next value they hand out, guards
 * the list of guard expressions, deferred_runtime_asserts {key: [exprs]},
 * name_to_node the set of live node names, and symbol_guard_counter,
 * pending_fresh_unbacked_symbols and fake_tensor_cache the constant None.
 * The table below lists them in Python's string order (byte order), which
 * is the order both the report and the dump follow.
 *
 * Printing follows recording.py's value_to_str: a dict prints "{k: v, ...}"
 * with its keys sorted by their text (stable: equal texts keep insertion
 * order); a set prints "{a, b}" sorted; everything else prints as str(),
 * so lists show their elements' repr and an OrderedSet prints
 * "OrderedSet([a, b])" in insertion order. An empty dict and an empty set
 * both print "{}" (value_to_str builds the braces itself).
 *
 * Decisions where PyTorch has no single answer:
 * - Sets of expressions (divisible, size_like) are sorted by their printed
 *   text. Python sorts them with SymPy's "<", which raises for two symbolic
 *   elements (open question O3), so PyTorch only ever prints such sets with
 *   at most one element; text order agrees with it there.
 * - Equality within one context compares values as Python's == does on the
 *   mapped values: dicts and sets ignore order, lists do not, an OrderedSet
 *   ignores order, and expressions compare by identity (nodes are interned,
 *   so identity is SymPy's structural equality). Two environments of
 *   different contexts share no nodes: their fields are compared by their
 *   printed text instead, which is order-insensitive for dicts and sets
 *   (printed sorted) but order-sensitive for an OrderedSet.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "env/dump.h"

/* ---- the field table ------------------------------------------------------- */

typedef enum fkind {
  F_SETTINGS,  /* ShapeEnvSettings(...) from env->opt */
  F_GUARDS,    /* list of guard expressions */
  F_EXCL,      /* exclusion_constraints: list of (symbol, int) tuples */
  F_DICT,      /* map printed as a dict */
  F_SET,       /* map keys printed as a set */
  F_OSET,      /* map keys printed as an OrderedSet */
  F_NAMES,     /* name_to_node: set of the live node names */
  F_I64,       /* an int64_t field */
  F_BOOL,      /* a bool field */
  F_OPT_BOOL,  /* a bool of env->opt */
  F_CO_FIELDS, /* env->opt.co_fields as a dict of strings */
  F_NONE       /* mapped to None: always equal */
} fkind;

typedef enum kkind {
  K_NONE, /* not a keyed field */
  K_EXPR, /* expression node, printed with str() */
  K_INT,  /* Integer node; sets of them sort numerically */
  K_SRC,  /* source, printed by its name */
  K_DRA   /* expression node or &env->none_key (None) */
} kkind;

typedef enum vkind {
  V_NONE,    /* sets: no value */
  V_EXPR,    /* .p expression node */
  V_BOOL,    /* .i, 0 or 1 */
  V_INT,     /* .i */
  V_RANGE,   /* .p const se_range * */
  V_SRCLIST, /* .p const se_srclist * */
  V_RALIST   /* .p const se_ralist *, printed as the list of its expressions */
} vkind;

typedef struct field_desc {
  const char *name; /* PyTorch's attribute name */
  fkind kind;       /* how it is held */
  size_t off;       /* offset in struct se_env (or in se_env_options for F_OPT_BOOL) */
  kkind key;        /* F_DICT / F_SET / F_OSET: key kind */
  vkind val;        /* F_DICT: value kind */
} field_desc;

#define ENV_OFF(f) offsetof(struct se_env, f)
#define OPT_OFF(f) offsetof(se_env_options, f)

/* In Python's sorted order of the names (checked by the unit tests). */
static const field_desc fields[] = {
    {"_translation_validation_enabled", F_OPT_BOOL, OPT_OFF(translation_validation), K_NONE,
     V_NONE},
    {"axioms", F_DICT, ENV_OFF(axioms), K_EXPR, V_BOOL},
    {"backed_var_to_val", F_DICT, ENV_OFF(backed_var_to_val), K_EXPR, V_EXPR},
    {"co_fields", F_CO_FIELDS, 0, K_NONE, V_NONE},
    {"deferred_runtime_asserts", F_DICT, ENV_OFF(deferred_runtime_asserts), K_DRA, V_RALIST},
    {"divisible", F_SET, ENV_OFF(divisible), K_EXPR, V_NONE},
    {"exclusion_constraints", F_EXCL, ENV_OFF(exclusion_constraints), K_NONE, V_NONE},
    {"fake_tensor_cache", F_NONE, 0, K_NONE, V_NONE},
    {"frozen", F_BOOL, ENV_OFF(frozen), K_NONE, V_NONE},
    {"guards", F_GUARDS, ENV_OFF(guards), K_NONE, V_NONE},
    {"name_to_node", F_NAMES, ENV_OFF(name_to_node), K_NONE, V_NONE},
    {"num_deferred_runtime_asserts", F_I64, ENV_OFF(num_deferred_runtime_asserts), K_NONE,
     V_NONE},
    {"oblivious_var_to_val", F_DICT, ENV_OFF(oblivious_var_to_val), K_EXPR, V_EXPR},
    {"pending_fresh_unbacked_symbols", F_NONE, 0, K_NONE, V_NONE},
    {"real_tensor_prop_unbacked_vals", F_DICT, ENV_OFF(real_tensor_prop_unbacked_vals), K_EXPR,
     V_EXPR},
    {"replacements", F_DICT, ENV_OFF(replacements), K_EXPR, V_EXPR},
    {"runtime_asserts_frozen", F_BOOL, ENV_OFF(runtime_asserts_frozen), K_NONE, V_NONE},
    {"settings", F_SETTINGS, 0, K_NONE, V_NONE},
    {"size_like", F_SET, ENV_OFF(size_like), K_EXPR, V_NONE},
    {"source_to_symbol", F_DICT, ENV_OFF(source_to_symbol), K_SRC, V_EXPR},
    {"source_to_var", F_DICT, ENV_OFF(source_to_var), K_SRC, V_EXPR},
    {"specializations", F_OSET, ENV_OFF(specializations), K_EXPR, V_NONE},
    {"symbol_guard_counter", F_NONE, 0, K_NONE, V_NONE},
    {"trace_asserts", F_OPT_BOOL, OPT_OFF(trace_asserts), K_NONE, V_NONE},
    {"unbacked_alloc_order", F_DICT, ENV_OFF(unbacked_alloc_order), K_EXPR, V_INT},
    {"unbacked_inputs", F_OSET, ENV_OFF(unbacked_inputs), K_EXPR, V_NONE},
    {"unbacked_renamings", F_DICT, ENV_OFF(unbacked_renamings), K_EXPR, V_EXPR},
    {"unbacked_symfloat_counter", F_I64, ENV_OFF(unbacked_symfloat_counter), K_NONE, V_NONE},
    {"unbacked_symint_counter", F_I64, ENV_OFF(unbacked_symint_counter), K_NONE, V_NONE},
    {"unique_ids", F_SET, ENV_OFF(unique_ids), K_INT, V_NONE},
    {"val_to_var", F_DICT, ENV_OFF(val_to_var), K_INT, V_EXPR},
    {"var_to_hint_override", F_DICT, ENV_OFF(var_to_hint_override), K_EXPR, V_EXPR},
    {"var_to_range", F_DICT, ENV_OFF(var_to_range), K_EXPR, V_RANGE},
    {"var_to_sources", F_DICT, ENV_OFF(var_to_sources), K_EXPR, V_SRCLIST},
};
#define NFIELDS (sizeof fields / sizeof fields[0])

static const se_map *field_map(const se_env *env, const field_desc *f) {
  return (const se_map *)(const void *)((const char *)env + f->off);
}

static int64_t field_i64(const se_env *env, const field_desc *f) {
  return *(const int64_t *)(const void *)((const char *)env + f->off);
}

static bool field_bool(const se_env *env, const field_desc *f) {
  const char *base = f->kind == F_OPT_BOOL ? (const char *)&env->opt : (const char *)env;
  return *(const bool *)(const void *)(base + f->off);
}

/* ---- printing values ---------------------------------------------------------- */

static void put_bool(se_buf *b, bool v) { se__buf_puts(b, v ? "True" : "False"); }

static void put_expr(se_buf *b, const se_expr *e) {
  if (e)
    se__str(b, e, true);
  else
    se__buf_puts(b, "None");
}

static void put_key(const se_env *env, se_buf *b, kkind k, const void *key) {
  switch (k) {
  case K_SRC: se__buf_puts(b, ((const se_source *)key)->name); break;
  case K_DRA:
    if (key == (const void *)&env->none_key) {
      se__buf_puts(b, "None");
      break;
    }
    put_expr(b, key);
    break;
  case K_EXPR:
  case K_INT: put_expr(b, key); break;
  case K_NONE: break;
  }
}

static void put_value(se_ctx *ctx, se_buf *b, vkind k, se_mapval v) {
  switch (k) {
  case V_NONE: break;
  case V_EXPR: put_expr(b, v.p); break;
  case V_BOOL: put_bool(b, v.i != 0); break;
  case V_INT: se__buf_printf(b, "%lld", (long long)v.i); break;
  case V_RANGE: {
    const se_range *r = v.p;
    char *s = r ? se_range_str(ctx, *r) : NULL;
    if (s)
      se__buf_puts(b, s);
    else if (r)
      b->oom = true; /* the cause is recorded in ctx */
    else
      se__buf_puts(b, "None");
    se_free(s);
    break;
  }
  case V_SRCLIST: {
    const se_srclist *l = v.p;
    se__buf_putc(b, '[');
    for (size_t i = 0; l && i < l->n; i++) {
      if (i) se__buf_puts(b, ", ");
      char *s = se_source_repr(ctx, l->v[i]);
      if (!s) {
        b->oom = true;
        break;
      }
      se__buf_puts(b, s);
      se_free(s);
    }
    se__buf_putc(b, ']');
    break;
  }
  case V_RALIST: {
    const se_ralist *l = v.p;
    se__buf_putc(b, '[');
    for (size_t i = 0; l && i < l->n; i++) {
      if (i) se__buf_puts(b, ", ");
      put_expr(b, l->v[i].expr);
    }
    se__buf_putc(b, ']');
    break;
  }
  }
}

/* ---- sorted collections ------------------------------------------------------------ */

/* One printed element of a dict or set. Its sort text is text[0..klen). */
typedef struct item {
  char *text;  /* "k: v" for a dict, the element for a set (malloc) */
  size_t klen; /* length of the sort text */
  int64_t num; /* numeric sort key (sets of Integers) */
  size_t pos;  /* insertion position: ties keep it, as Python's stable sort */
} item;

static int cmp_text(const void *pa, const void *pb) {
  const item *a = pa, *b = pb;
  size_t n = a->klen < b->klen ? a->klen : b->klen;
  int c = memcmp(a->text, b->text, n);
  if (c) return c;
  if (a->klen != b->klen) return a->klen < b->klen ? -1 : 1;
  return a->pos < b->pos ? -1 : a->pos > b->pos;
}

static int cmp_num(const void *pa, const void *pb) {
  const item *a = pa, *b = pb;
  if (a->num != b->num) return a->num < b->num ? -1 : 1;
  return a->pos < b->pos ? -1 : a->pos > b->pos;
}

typedef struct items {
  item *v;  /* elements (malloc) */
  size_t n; /* used */
  bool oom; /* an allocation failed */
} items;

/* Takes the text of tmp into a new item; klen is the sort-text length. */
static void items_add(items *it, se_buf *tmp, size_t klen, int64_t num) {
  char *s = se__buf_take(tmp);
  if (!s) {
    it->oom = true;
    return;
  }
  item *nv = realloc(it->v, (it->n + 1) * sizeof *nv);
  if (!nv) {
    free(s);
    it->oom = true;
    return;
  }
  it->v = nv;
  it->v[it->n] = (item){s, klen, num, it->n};
  it->n++;
}

/* Prints "{a, b}" sorted (numerically or by text), then frees the items. */
static void items_put(se_buf *out, items *it, bool numeric) {
  if (it->n) qsort(it->v, it->n, sizeof *it->v, numeric ? cmp_num : cmp_text);
  se__buf_putc(out, '{');
  for (size_t i = 0; i < it->n; i++) {
    if (i) se__buf_puts(out, ", ");
    se__buf_puts(out, it->v[i].text);
    free(it->v[i].text);
  }
  se__buf_putc(out, '}');
  if (it->oom) out->oom = true;
  free(it->v);
  it->v = NULL;
  it->n = 0;
}

/* A node of name_to_node that is still in the graph. */
static bool node_live(const se_env *env, const se_map_entry *e) {
  if (e->val.i < 0 || (size_t)e->val.i >= env->fx_nodes.n) return true;
  return !SE_VEC_AT(&env->fx_nodes, se_fx_node, (size_t)e->val.i).removed;
}

/* The index of the last pair with key co_fields[2*i], so that repeated keys
 * count once, with the last value (a Python dict built from the pairs). */
static bool co_field_shadowed(const se_env_options *o, size_t i) {
  for (size_t j = i + 1; j < o->n_co_fields; j++)
    if (strcmp(o->co_fields[2 * j], o->co_fields[2 * i]) == 0) return true;
  return false;
}

static void put_settings(se_buf *b, const se_env_options *o) {
  se__buf_printf(
      b,
      "ShapeEnvSettings(allow_scalar_outputs=%s, allow_dynamic_output_shape_ops=%s, "
      "assume_static_by_default=%s, specialize_zero_one=%s, duck_shape=%s, "
      "prefer_deferred_runtime_asserts_over_guards=%s, trace_asserts=%s)",
      o->allow_scalar_outputs ? "True" : "False",
      o->allow_dynamic_output_shape_ops ? "True" : "False",
      o->assume_static_by_default ? "True" : "False",
      o->specialize_zero_one ? "True" : "False", o->duck_shape ? "True" : "False",
      o->prefer_deferred_runtime_asserts_over_guards ? "True" : "False",
      o->trace_asserts ? "True" : "False");
}

/* Appends value_to_str of the mapped field f of env. */
static void put_field(se_env *env, const field_desc *f, se_buf *out) {
  se_ctx *ctx = env->ctx;
  switch (f->kind) {
  case F_SETTINGS: put_settings(out, &env->opt); return;
  case F_GUARDS: {
    se__buf_putc(out, '[');
    for (size_t i = 0; i < env->guards.n; i++) {
      if (i) se__buf_puts(out, ", ");
      put_expr(out, SE_VEC_AT(&env->guards, se_guard, i).expr);
    }
    se__buf_putc(out, ']');
    return;
  }
  case F_DICT:
  case F_SET: {
    items it = {NULL, 0, false};
    se_buf tmp;
    se__buf_init(&tmp);
    SE_MAP_EACH(field_map(env, f), e) {
      put_key(env, &tmp, f->key, e->key);
      size_t klen = tmp.len;
      if (f->kind == F_DICT) {
        se__buf_puts(&tmp, ": ");
        put_value(ctx, &tmp, f->val, e->val);
      }
      int64_t num = f->key == K_INT ? ((const se_expr *)e->key)->u.i : 0;
      items_add(&it, &tmp, klen, num);
    }
    items_put(out, &it, f->kind == F_SET && f->key == K_INT);
    return;
  }
  case F_OSET: {
    se__buf_puts(out, "OrderedSet([");
    bool first = true;
    SE_MAP_EACH(field_map(env, f), e) {
      if (!first) se__buf_puts(out, ", ");
      first = false;
      put_key(env, out, f->key, e->key);
    }
    se__buf_puts(out, "])");
    return;
  }
  case F_NAMES: {
    items it = {NULL, 0, false};
    se_buf tmp;
    se__buf_init(&tmp);
    SE_MAP_EACH(field_map(env, f), e) {
      if (!node_live(env, e)) continue;
      se__buf_puts(&tmp, e->key);
      size_t klen = tmp.len;
      items_add(&it, &tmp, klen, 0);
    }
    items_put(out, &it, false);
    return;
  }
  case F_EXCL: {
    const se_vec *v = &env->exclusion_constraints;
    se__buf_putc(out, '[');
    for (size_t i = 0; i < v->n; i++) {
      const se_exclusion *x = &SE_VEC_AT(v, se_exclusion, i);
      se__buf_puts(out, i ? ", (" : "(");
      put_expr(out, x->sym);
      se__buf_printf(out, ", %lld)", (long long)x->val);
    }
    se__buf_putc(out, ']');
    return;
  }
  case F_I64: se__buf_printf(out, "%lld", (long long)field_i64(env, f)); return;
  case F_BOOL:
  case F_OPT_BOOL: put_bool(out, field_bool(env, f)); return;
  case F_CO_FIELDS: {
    const se_env_options *o = &env->opt;
    items it = {NULL, 0, false};
    se_buf tmp;
    se__buf_init(&tmp);
    for (size_t i = 0; i < o->n_co_fields; i++) {
      if (co_field_shadowed(o, i)) continue;
      se__buf_puts(&tmp, o->co_fields[2 * i]);
      size_t klen = tmp.len;
      se__buf_puts(&tmp, ": ");
      se__buf_puts(&tmp, o->co_fields[2 * i + 1]);
      items_add(&it, &tmp, klen, 0);
    }
    items_put(out, &it, false);
    return;
  }
  case F_NONE: se__buf_puts(out, "None"); return;
  }
}

/* ---- equality within one context ----------------------------------------------------- */

static bool range_eq(const se_range *a, const se_range *b) {
  if (!a || !b) return a == b;
  return a->lo == b->lo && a->hi == b->hi && a->is_bool == b->is_bool &&
         a->is_int == b->is_int;
}

static bool value_eq(vkind k, se_mapval a, se_mapval b) {
  switch (k) {
  case V_NONE: return true;
  case V_EXPR: return a.p == b.p;
  case V_BOOL: return (a.i != 0) == (b.i != 0);
  case V_INT: return a.i == b.i;
  case V_RANGE: return range_eq(a.p, b.p);
  case V_SRCLIST: {
    const se_srclist *x = a.p, *y = b.p;
    if (!x || !y) return x == y;
    if (x->n != y->n) return false;
    for (size_t i = 0; i < x->n; i++)
      if (x->v[i] != y->v[i]) return false;
    return true;
  }
  case V_RALIST: {
    const se_ralist *x = a.p, *y = b.p;
    if (!x || !y) return x == y;
    if (x->n != y->n) return false;
    for (size_t i = 0; i < x->n; i++)
      if (x->v[i].expr != y->v[i].expr) return false;
    return true;
  }
  }
  return false;
}

/* The entry of mb holding the key of ea (a key of env a's map). The key None
 * is each environment's own none_key address, so it is looked up by scan. */
static const se_map_entry *find_peer(const se_env *a, const se_env *b, const se_map *mb,
                                     const se_map_entry *ea) {
  if (ea->key == (const void *)&a->none_key) {
    SE_MAP_EACH(mb, e) {
      if (e->key == (const void *)&b->none_key) return e;
    }
    return NULL;
  }
  return se__map_find(mb, ea->key, ea->hash);
}

static size_t live_names(const se_env *env, const se_map *m) {
  size_t n = 0;
  SE_MAP_EACH(m, e) {
    if (node_live(env, e)) n++;
  }
  return n;
}

static bool co_fields_eq(const se_env_options *a, const se_env_options *b) {
  size_t na = 0, nb = 0;
  for (size_t i = 0; i < a->n_co_fields; i++) na += !co_field_shadowed(a, i);
  for (size_t i = 0; i < b->n_co_fields; i++) nb += !co_field_shadowed(b, i);
  if (na != nb) return false;
  for (size_t i = 0; i < a->n_co_fields; i++) {
    if (co_field_shadowed(a, i)) continue;
    bool found = false;
    for (size_t j = 0; j < b->n_co_fields && !found; j++) {
      if (co_field_shadowed(b, j) || strcmp(a->co_fields[2 * i], b->co_fields[2 * j]) != 0)
        continue;
      if (strcmp(a->co_fields[2 * i + 1], b->co_fields[2 * j + 1]) != 0) return false;
      found = true;
    }
    if (!found) return false;
  }
  return true;
}

static bool settings_eq(const se_env_options *a, const se_env_options *b) {
  return a->allow_scalar_outputs == b->allow_scalar_outputs &&
         a->allow_dynamic_output_shape_ops == b->allow_dynamic_output_shape_ops &&
         a->assume_static_by_default == b->assume_static_by_default &&
         a->specialize_zero_one == b->specialize_zero_one && a->duck_shape == b->duck_shape &&
         a->prefer_deferred_runtime_asserts_over_guards ==
             b->prefer_deferred_runtime_asserts_over_guards &&
         a->trace_asserts == b->trace_asserts;
}

/* Python's == on the mapped values of field f (a and b share a context). */
static bool field_eq(const se_env *a, const se_env *b, const field_desc *f) {
  switch (f->kind) {
  case F_SETTINGS: return settings_eq(&a->opt, &b->opt);
  case F_GUARDS:
    if (a->guards.n != b->guards.n) return false;
    for (size_t i = 0; i < a->guards.n; i++)
      if (SE_VEC_AT(&a->guards, se_guard, i).expr != SE_VEC_AT(&b->guards, se_guard, i).expr)
        return false;
    return true;
  case F_DICT:
  case F_SET:
  case F_OSET: {
    const se_map *ma = field_map(a, f), *mb = field_map(b, f);
    if (ma->live != mb->live) return false;
    SE_MAP_EACH(ma, e) {
      const se_map_entry *p = find_peer(a, b, mb, e);
      if (!p) return false;
      if (f->kind == F_DICT && !value_eq(f->val, e->val, p->val)) return false;
    }
    return true;
  }
  case F_NAMES: {
    const se_map *ma = field_map(a, f), *mb = field_map(b, f);
    if (live_names(a, ma) != live_names(b, mb)) return false;
    SE_MAP_EACH(ma, e) {
      if (!node_live(a, e)) continue;
      const se_map_entry *p = se__map_find(mb, e->key, e->hash);
      if (!p || !node_live(b, p)) return false;
    }
    return true;
  }
  case F_EXCL: {
    const se_vec *x = &a->exclusion_constraints, *y = &b->exclusion_constraints;
    if (x->n != y->n) return false;
    for (size_t i = 0; i < x->n; i++) {
      const se_exclusion *p = &SE_VEC_AT(x, se_exclusion, i), *q = &SE_VEC_AT(y, se_exclusion, i);
      if (p->sym != q->sym || p->val != q->val) return false;
    }
    return true;
  }
  case F_I64: return field_i64(a, f) == field_i64(b, f);
  case F_BOOL:
  case F_OPT_BOOL: return field_bool(a, f) == field_bool(b, f);
  case F_CO_FIELDS: return co_fields_eq(&a->opt, &b->opt);
  case F_NONE: return true;
  }
  return false;
}

/* ---- public entry points -----------------------------------------------------------------
 */

/* se_env_dump: one "NAME: VALUE\n" line per compared field, in the sorted
 * field order above; VALUE is exactly what a NotEqualError would show for
 * that field (after the 3.3 mapping), so a dump diff lines up with
 * check_equal's report. This is the text of `shapeenv replay --print
 * state`. Caller frees (se_free); NULL when env is NULL or on failure
 * (recorded in env's context). */
char *se_env_dump(se_env *env) {
  if (!env) return NULL;
  se_buf b;
  se__buf_init(&b);
  for (size_t i = 0; i < NFIELDS; i++) {
    se__buf_puts(&b, fields[i].name);
    se__buf_puts(&b, ": ");
    put_field(env, &fields[i], &b);
    se__buf_putc(&b, '\n');
  }
  char *s = se__buf_take(&b);
  if (!s) se__fail(env->ctx, SE_NOMEM, "out of memory dumping the environment state");
  return s;
}

static char *field_text(se_env *env, const field_desc *f) {
  se_buf b;
  se__buf_init(&b);
  put_field(env, f, &b);
  return se__buf_take(&b);
}

/* se_env_check_equal: compares the mapped state fields of a and b in
 * sorted field order. SE_OK when all are equal (*report NULL);
 * SE_NOT_EQUAL with *report holding the "ShapeEnv not equal: field values
 * don't match: ..." text (caller frees with se_free) otherwise. The
 * difference is an answer, not an error: nothing is recorded in the
 * contexts. report may be NULL. SE_INVALID for a NULL environment, SE_NOMEM
 * when out of memory (recorded in a's context). Neither environment is
 * changed. Environments of different contexts are compared by printed text
 * (see the file comment). */
se_status se_env_check_equal(se_env *a, se_env *b, char **report) {
  if (report) *report = NULL;
  if (!a || !b) {
    if (a || b)
      se__fail(a ? a->ctx : b->ctx, SE_INVALID, "se_env_check_equal: NULL environment");
    return SE_INVALID;
  }
  bool same_ctx = a->ctx == b->ctx;
  se_mismatch m[NFIELDS];
  char *texts[3 * NFIELDS];
  size_t n = 0, nt = 0;
  se_status st = SE_OK;
  for (size_t i = 0; i < NFIELDS && st == SE_OK; i++) {
    const field_desc *f = &fields[i];
    if (same_ctx && field_eq(a, b, f)) continue;
    char *l = field_text(a, f), *r = field_text(b, f);
    if (!l || !r) {
      se_free(l);
      se_free(r);
      st = SE_NOMEM;
      break;
    }
    if (!same_ctx && strcmp(l, r) == 0) {
      se_free(l);
      se_free(r);
      continue;
    }
    se_buf t;
    se__buf_init(&t);
    se__buf_puts(&t, f->name);
    se__buf_puts(&t, ": values don't match.");
    char *title = se__buf_take(&t);
    texts[nt++] = l;
    texts[nt++] = r;
    if (!title) {
      st = SE_NOMEM;
      break;
    }
    texts[nt++] = title;
    m[n++] = (se_mismatch){title, l, r};
  }
  if (st == SE_OK && n > 0) {
    st = SE_NOT_EQUAL;
    if (report) {
      *report = se__env_not_equal_text(a->ctx, "field values don't match:", m, n);
      if (!*report) st = SE_NOMEM;
    }
  }
  for (size_t i = 0; i < nt; i++) se_free(texts[i]);
  if (st == SE_NOMEM) se__fail(a->ctx, SE_NOMEM, "out of memory comparing environments");
  return st;
}

/* ---- the NotEqualError text ----------------------------------------------------------------
 */

char *se__env_not_equal_text(se_ctx *ctx, const char *msg, const se_mismatch *m, size_t n) {
  se_buf b;
  se__buf_init(&b);
  se__buf_puts(&b, "ShapeEnv not equal: ");
  se__buf_puts(&b, msg);
  se__buf_puts(&b, "\n\n");
  for (size_t i = 0; i < n; i++) {
    if (i) se__buf_putc(&b, '\n');
    se__buf_puts(&b, "==> ");
    se__buf_puts(&b, m[i].title);
    se__buf_puts(&b, "\n  >  Left: ");
    se__buf_puts(&b, m[i].left);
    se__buf_puts(&b, "\n  > Right: ");
    se__buf_puts(&b, m[i].right);
  }
  se__buf_putc(&b, '\n');
  char *s = se__buf_take(&b);
  if (!s) se__fail(ctx, SE_NOMEM, "out of memory printing a NotEqualError");
  return s;
}

/* Python's repr of a str: single quotes unless the text has a single quote
 * and no double quote; backslash, the quote and control characters escaped. */
static void put_pyrepr(se_buf *b, const char *s) {
  char q = strchr(s, '\'') && !strchr(s, '"') ? '"' : '\'';
  se__buf_putc(b, q);
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p == '\\' || *p == (unsigned char)q) {
      se__buf_putc(b, '\\');
      se__buf_putc(b, (char)*p);
    } else if (*p == '\n') {
      se__buf_puts(b, "\\n");
    } else if (*p == '\r') {
      se__buf_puts(b, "\\r");
    } else if (*p == '\t') {
      se__buf_puts(b, "\\t");
    } else if (*p < 0x20 || *p == 0x7f) {
      se__buf_printf(b, "\\x%02x", *p);
    } else {
      se__buf_putc(b, (char)*p);
    }
  }
  se__buf_putc(b, q);
}

static int cmp_cstr(const void *pa, const void *pb) {
  return strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

/* str(sorted(names)) into a new string; NULL when out of memory. */
static char *sorted_list_text(const char *const *names, size_t n) {
  const char **v = NULL;
  if (n) {
    v = malloc(n * sizeof *v);
    if (!v) return NULL;
    memcpy(v, names, n * sizeof *v);
    qsort(v, n, sizeof *v, cmp_cstr);
  }
  se_buf b;
  se__buf_init(&b);
  se__buf_putc(&b, '[');
  for (size_t i = 0; i < n; i++) {
    if (i) se__buf_puts(&b, ", ");
    put_pyrepr(&b, v[i]);
  }
  se__buf_putc(&b, ']');
  free(v);
  return se__buf_take(&b);
}

char *se__env_field_set_text(se_ctx *ctx, const char *const *left_only, size_t nl,
                             const char *const *right_only, size_t nr) {
  char *l = sorted_list_text(left_only, nl);
  char *r = sorted_list_text(right_only, nr);
  char *s = NULL;
  if (l && r) {
    se_mismatch m = {"found unique fields:", l, r};
    s = se__env_not_equal_text(ctx, "field set mismatch:", &m, 1);
  } else {
    se__fail(ctx, SE_NOMEM, "out of memory printing a NotEqualError");
  }
  free(l);
  free(r);
  return s;
}
