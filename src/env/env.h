/* env layer: PyTorch's ShapeEnv (spec/shapeenv.md sections 2-4, 6).
 *
 * The environment's state is a set of insertion-ordered maps and vectors,
 * one per PyTorch state field, under PyTorch's field names. Every write to
 * state goes through the se__st_* functions of state.c, which keep an undo
 * log while a public call runs: a call that fails rolls the environment
 * back to exactly where it was (transactional calls).
 *
 * Module map:
 *   env.c       construction, settings, the transaction bracket, vectors
 *   state.c     state writers with undo, provenance entries
 *   dump.c      the state dump and check_equal (NotEqualError texts)
 *   source.c    sources: interning, names, reprs, parsing names back
 *   symbols.c   create_symbol & co, unbacked symbols, sizes/strides
 *   simplify.c  replace/_find, simplify, _maybe_evaluate_static, axioms,
 *               canonicalize_bool_expr, get_implications
 *   evaluate.c  evaluate_expr, _maybe_guard_rel, _refine_ranges,
 *               _set_replacement, divisibility, runtime asserts, constraints
 *   guards.c    produce_guards, format_guards
 *   symval.c    SymNode arithmetic (se_sym_*)
 *   fx.c        the translation-validation FX graph
 */
#ifndef SE_ENV_H
#define SE_ENV_H

#include "base/map.h"
#include "base/strtab.h"
#include "expr/expr.h"
#include "ranges/ranges.h"

/* ---- sources ---------------------------------------------------------------- */

typedef enum se_source_kind {
  SE_SRC_LOCAL, SE_SRC_GLOBAL, SE_SRC_CONSTANT, SE_SRC_EPHEMERAL,
  SE_SRC_SIZE, SE_SRC_STRIDE, SE_SRC_STORAGE_OFFSET, SE_SRC_ITEM, SE_SRC_ATTR
} se_source_kind;

struct se_source {
  se_source_kind kind;           /* what the source is */
  const struct se_source *base;  /* SIZE/STRIDE/STORAGE_OFFSET/ITEM/ATTR: the base */
  int64_t idx;                   /* SIZE/STRIDE/ITEM: the index */
  const char *ident;             /* LOCAL/GLOBAL/CONSTANT/EPHEMERAL name, ATTR member (interned) */
  const char *name;              /* the full name (interned), e.g. L['x'].size()[0] */
  uint64_t hash;                 /* hash of name; sources are interned by name */
  bool ephemeral;                /* an ephemeral source or one based on one */
};

/* True for SIZE, STRIDE and STORAGE_OFFSET (a tensor property). */
static inline bool se__source_is_tensor_prop(const se_source *s) {
  return s->kind == SE_SRC_SIZE || s->kind == SE_SRC_STRIDE || s->kind == SE_SRC_STORAGE_OFFSET;
}

/* ---- vectors ------------------------------------------------------------------ */

/* A malloc-backed vector of fixed-size elements. */
typedef struct se_vec {
  void *p;       /* elements */
  size_t n;      /* used */
  size_t cap;    /* allocated */
  size_t elem;   /* element size in bytes */
} se_vec;

void se__vec_init(se_vec *v, size_t elem);
void se__vec_free(se_vec *v);
/* Appends one element (copied); false when out of memory. */
bool se__vec_push(se_vec *v, const void *x);
#define SE_VEC_AT(v, T, i) (((T *)(v)->p)[i])

/* ---- state values --------------------------------------------------------------- */

typedef struct se_guard {
  const se_expr *expr;  /* the guard as stored (unsimplified) */
  bool size_oblivious;  /* guard_size_oblivious */
} se_guard;

/* One exclusion constraint: sym's value must not be val (automatic dynamic's
 * static-to-dynamic transition). */
typedef struct se_exclusion {
  const se_expr *sym;   /* the symbol */
  int64_t val;          /* the excluded value */
} se_exclusion;

/* An int or a float (create_symbol's val: Python int | float). */
typedef struct se_num {
  bool is_float;        /* a Python float */
  int64_t i;            /* valid when !is_float */
  double f;             /* valid when is_float */
} se_num;

typedef struct se_rt_assert {
  const se_expr *expr;  /* the canonicalised assertion */
  const char *msg;      /* interned message */
} se_rt_assert;

/* Immutable arena arrays: list-valued fields are replaced, never mutated,
 * so the undo log only ever restores a pointer. */
typedef struct se_srclist {
  size_t n;
  const se_source *v[];
} se_srclist;

typedef struct se_ralist {
  size_t n;
  se_rt_assert v[];
} se_ralist;

/* ---- the validation FX graph ------------------------------------------------------ */

typedef struct se_fx_arg {
  int32_t node;          /* node index, or -1 for a constant */
  const se_expr *value;  /* the constant (number/bool) when node < 0 */
} se_fx_arg;

typedef struct se_fx_node {
  const char *name;      /* unique name in the graph (interned) */
  const char *target;    /* "placeholder", or the called function (interned) */
  bool placeholder;      /* op == placeholder */
  size_t nargs;
  se_fx_arg args[3];     /* call arguments */
  const se_expr *symbol; /* placeholder: meta["symbol"] */
  int64_t event;         /* meta["shapeenv_event"], -1 when not recorded */
  const char *current_node; /* meta["current_node"]: the traced graph node running when
                               this node was made (se_env_set_current_node; interned),
                               NULL when none was set */
  bool removed;          /* erased from the graph */
} se_fx_node;

/* ---- provenance ---------------------------------------------------------------------- */

typedef enum se_prov_op { SE_PROV_PUT, SE_PROV_DEL, SE_PROV_PUSH, SE_PROV_SET } se_prov_op;

/* One state write, attributed to the recorded event that was running. */
typedef struct se_prov {
  int64_t event;        /* event index (live: the recorded call; replay: the log's), -1 none */
  se_prov_op op;        /* what happened */
  const void *field;    /* the se_map / se_vec / scalar written (a member of se_env) */
  const void *key;      /* PUT/DEL: the map key */
  se_mapval val;        /* PUT: the new value; SET: the new scalar value in .i */
  size_t index;         /* PUSH: the element's index */
} se_prov;

/* ---- the environment --------------------------------------------------------------- */

struct se_env {
  se_ctx *ctx;
  se_env_options opt;          /* settings as resolved (co_fields copied to the arena) */

  /* -- state fields (compared by check_equal; PyTorch's names) -- */
  se_vec guards;               /* se_guard, in creation order */
  se_map axioms;               /* bool expr -> i (1 true, 0 false) */
  se_map unique_ids;           /* Integer node -> 1 */
  se_map backed_var_to_val;    /* symbol -> number */
  se_map real_tensor_prop_unbacked_vals; /* symbol -> number (propagate_real_tensors) */
  se_map oblivious_var_to_val; /* symbol -> number */
  se_map var_to_range;         /* symbol -> const se_range * (arena, immutable) */
  se_map var_to_sources;       /* symbol -> const se_srclist * */
  se_map unbacked_inputs;      /* symbol -> 1 (ordered set) */
  se_map var_to_hint_override; /* symbol -> number */
  se_map source_to_var;        /* source -> symbol */
  se_map replacements;         /* symbol -> expr */
  se_map unbacked_renamings;   /* symbol -> symbol */
  se_map divisible;            /* Mod expr -> 1 (set) */
  se_vec exclusion_constraints; /* se_exclusion, in recording order */
  se_map size_like;            /* symbol -> 1 (set) */
  se_map val_to_var;           /* Integer node -> symbol */
  int64_t unbacked_symfloat_counter; /* next zuf id */
  int64_t unbacked_symint_counter;   /* next u id */
  se_map deferred_runtime_asserts;   /* symbol or &none_key -> const se_ralist * */
  int64_t num_deferred_runtime_asserts;
  bool frozen;
  bool runtime_asserts_frozen;
  se_map source_to_symbol;     /* source -> symbol named after it (validation only) */
  se_map unbacked_alloc_order; /* symbol -> i (declared, never written) */
  se_map specializations;      /* (unused; always empty) */
  se_vec fx_nodes;             /* se_fx_node; name_to_node = the live ones */
  se_map name_to_node;         /* interned name -> i (node index) */

  /* -- not state -- */
  se_map symbol_guard_counter; /* symbol -> i */
  se_map fx_node_cache;        /* interned key text -> i (node index) */
  bool suppress_guards;        /* guards are suppressed */
  se_vec suppress_stack;       /* bool: previous values */
  se_vec pending_fresh_unbacked_symbols; /* const se_expr * */
  bool ignore_fresh_unbacked_symbols; /* PyTorch's thread-local flag: new unbacked
                                         symbols are not made pending */
  char none_key;               /* address used as the key None */
  bool inject_flip_equality;   /* testing only: record Eq/Ne guards negated (see env.c) */
  const char *current_node;    /* the caller's traced graph node now running (interned;
                                  se_env_set_current_node), NULL when none */

  /* -- recording (owned by the record layer, which frees it) -- */
  struct se_recorder *rec;     /* events, tracked fakes, trace hook; NULL if none */
  void (*rec_free)(struct se_recorder *rec);

  /* -- provenance (not state) -- */
  int64_t cur_event;           /* index of the event being run, -1 when none */
  bool provenance;             /* keep the provenance log */
  se_vec prov;                 /* se_prov entries in write order */

  /* -- transactions -- */
  se_vec undo;                 /* se_undo entries of the running call */
  int txn_depth;               /* > 0 while a public call runs */
  size_t prov_mark;            /* prov.n when the outermost transaction began */
};

/* ---- env.c -------------------------------------------------------------------- */

/* A new environment with resolved settings and no recorder (se_env_new in
 * the record layer adds recording). NULL on failure (recorded in ctx). */
se_env *se__env_new(se_ctx *ctx, const se_env_options *opt);

/* Opens / closes the transaction of a public call. se__txn_end(env, st)
 * commits when st == SE_OK, else rolls every state write back; it returns
 * st. Nested brackets join the outermost one. */
void se__txn_begin(se_env *env);
se_status se__txn_end(se_env *env, se_status st);

/* ---- state.c: writers (log undo while a transaction is open) --------------------- */

bool se__st_put(se_env *env, se_map *m, const void *key, uint64_t hash, se_mapval v);
bool se__st_del(se_env *env, se_map *m, const void *key, uint64_t hash);
bool se__st_push(se_env *env, se_vec *v, const void *x);
void se__st_set_i64(se_env *env, int64_t *p, int64_t v);
void se__st_set_bool(se_env *env, bool *p, bool v);
/* Applies the undo log down to mark (used by se__txn_end). */
void se__st_rollback(se_env *env, size_t mark);

/* Convenience keyed by expression nodes. */
static inline se_map_entry *se__st_get(const se_map *m, const se_expr *k) {
  return se__map_find(m, k, k->hash);
}
static inline bool se__st_put_e(se_env *env, se_map *m, const se_expr *k, se_mapval v) {
  return se__st_put(env, m, k, k->hash, v);
}

/* The range of symbol s (NULL when it has none). */
const se_range *se__env_range(const se_env *env, const se_expr *s);
/* Allocates an immutable copy of r in the context arena. */
const se_range *se__env_range_copy(se_env *env, se_range r);

/* ---- source.c ------------------------------------------------------------------ */

/* The source intern table lives in the context (SE_EXT_SOURCES). */
const se_source *se__source_make(se_ctx *ctx, se_source_kind kind, const se_source *base,
                                 int64_t idx, const char *ident);

/* ---- symbols.c ------------------------------------------------------------------ */

/* _generate_unique_id(name): SHA-256 of the name mod 100, probing upward. */
int64_t se__env_unique_id(se_env *env, const char *name);

/* ---- simplify.c ------------------------------------------------------------------ */

const se_expr *se__env_find(se_env *env, const se_expr *sym);
const se_expr *se__env_replace(se_env *env, const se_expr *e);
const se_expr *se__env_simplify(se_env *env, const se_expr *e, bool size_oblivious);
/* _maybe_evaluate_static; NULL result with no error means "not known". */
const se_expr *se__env_maybe_evaluate_static(se_env *env, const se_expr *e, bool unbacked_only,
                                             bool compute_hint, bool size_oblivious,
                                             bool no_axioms);
const se_expr *se__canonicalize_bool_expr(se_ctx *ctx, const se_expr *e);
/* get_implications(e): fills up to SE_IMPLICATIONS_MAX (simplify.h) (expr,
 * truth) pairs; returns the count. */
size_t se__get_implications(se_ctx *ctx, const se_expr *e, const se_expr **exprs, bool *truth);
/* Merges get_implications(simplify(e)) into axioms. */
bool se__env_add_axioms(se_env *env, const se_expr *e);

/* ---- evaluate.c ------------------------------------------------------------------ */

se_status se__env_evaluate_expr(se_env *env, const se_expr *e, const se_expr *hint, int32_t fx,
                                bool size_oblivious, const se_expr *fallback, bool forcing_spec,
                                const se_expr **out);
se_status se__env_update_var_to_range(se_env *env, const se_expr *sym, se_range vr,
                                      bool is_constraint);
se_status se__env_set_replacement(se_env *env, const se_expr *a, const se_expr *tgt,
                                  const char *msg);
/* The implementations behind the recorded public calls (record/api.c runs
 * them inside a transaction). */
se_status se__env_constrain_symbol_range(se_env *env, const se_expr *s, const se_expr *lo,
                                         const se_expr *hi);
se_status se__env_constrain_range_for_size(se_env *env, const se_expr *a, const se_expr *lo,
                                           const se_expr *hi);
se_status se__env_constrain_range(se_env *env, const se_expr *a, const se_expr *lo,
                                  const se_expr *hi);
se_status se__env_constrain_unify(se_env *env, se_sym a, se_sym b);
se_status se__env_set_real_tensor_prop_unbacked_vals(se_env *env, const se_expr *k,
                                                     const se_expr *v);
se_status se__env_record_exclusion_constraint(se_env *env, const se_expr *sym, int64_t val);
se_status se__env_eliminate_unbacked(se_env *env, const se_expr *orig, const se_expr *tgt);
se_status se__env_rename_unbacked_to(se_env *env, const se_expr *orig, const se_expr *tgt);
se_status se__env_freeze(se_env *env);
se_status se__env_freeze_runtime_asserts(se_env *env);
se_status se__env_suppress_guards_enter(se_env *env);
se_status se__env_suppress_guards_exit(se_env *env);

/* ---- guards.c ---------------------------------------------------------------------- */

/* produce_guards itself; the public se_env_produce_guards (record layer)
 * first runs the replay check when check_recorded_events is set. */
se_status se__env_produce_guards(se_env *env, const se_placeholder *ph,
                                 const se_source *const *sources, size_t n, bool ignore_static,
                                 bool verbose, bool simplified, char ***out, size_t *nout);

/* ---- fx.c ------------------------------------------------------------------------ */

/* Placeholder for symbol (named from its name), created once; -1 when
 * validation is off. */
int32_t se__fx_placeholder(se_env *env, const se_expr *symbol);
/* call_function node target(args) (cached by target and args); -1 when
 * validation is off or an argument is missing. *fresh says it was created. */
int32_t se__fx_call(se_env *env, const char *target, const se_fx_arg *args, size_t n,
                    bool *fresh);
void se__fx_remove(se_env *env, int32_t node);

#endif
