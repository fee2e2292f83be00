/* State writers with an undo log: every change to an environment's state
 * goes through here, so a failed public call can be rolled back exactly. */
#include <stdlib.h>
#include <string.h>

#include "env/env.h"

typedef enum undo_kind { U_MAP_NEW, U_MAP_SET, U_MAP_DEL, U_VEC_PUSH, U_I64, U_BOOL } undo_kind;

typedef struct se_undo {
  undo_kind kind;
  void *target;      /* se_map *, se_vec *, int64_t *, bool * */
  const void *key;   /* map key */
  uint64_t hash;     /* map key hash */
  se_mapval old;     /* previous value (U_MAP_SET, U_MAP_DEL, U_I64 in .i, U_BOOL in .i) */
  size_t pos;        /* U_MAP_DEL: live position; U_VEC_PUSH: previous length */
} se_undo;

static bool log_undo(se_env *env, const se_undo *u) {
  if (env->txn_depth == 0) return true;
  if (env->undo.elem != sizeof(se_undo)) se__vec_init(&env->undo, sizeof(se_undo));
  if (se__vec_push(&env->undo, u)) return true;
  se__fail(env->ctx, SE_NOMEM, "out of memory recording an undo entry");
  return false;
}

/* Appends a provenance entry when the environment keeps them. Out of memory
 * here only loses the entry: provenance never fails a call. */
static void prov(se_env *env, se_prov_op op, const void *field, const void *key, se_mapval v,
                 size_t index) {
  if (!env->provenance) return;
  se_prov p = {env->cur_event, op, field, key, v, index};
  (void)se__vec_push(&env->prov, &p);
}

bool se__st_put(se_env *env, se_map *m, const void *key, uint64_t hash, se_mapval v) {
  se_map_entry *e = se__map_find(m, key, hash);
  se_undo u = {e ? U_MAP_SET : U_MAP_NEW, m, key, hash, e ? e->val : (se_mapval){0}, 0};
  if (!log_undo(env, &u)) return false;
  if (!se__map_put(m, key, hash, v)) {
    if (env->txn_depth) env->undo.n--;
    se__fail(env->ctx, SE_NOMEM, "out of memory updating the environment");
    return false;
  }
  prov(env, SE_PROV_PUT, m, key, v, 0);
  return true;
}

bool se__st_del(se_env *env, se_map *m, const void *key, uint64_t hash) {
  se_map_entry *e = se__map_find(m, key, hash);
  if (!e) return true;
  se_undo u = {U_MAP_DEL, m, key, hash, e->val, se__map_pos(m, e)};
  if (!log_undo(env, &u)) return false;
  se__map_del(m, key, hash);
  prov(env, SE_PROV_DEL, m, key, (se_mapval){0}, 0);
  return true;
}

bool se__st_push(se_env *env, se_vec *v, const void *x) {
  se_undo u = {U_VEC_PUSH, v, NULL, 0, {0}, v->n};
  if (!log_undo(env, &u)) return false;
  if (!se__vec_push(v, x)) {
    if (env->txn_depth) env->undo.n--;
    se__fail(env->ctx, SE_NOMEM, "out of memory updating the environment");
    return false;
  }
  prov(env, SE_PROV_PUSH, v, NULL, (se_mapval){0}, v->n - 1);
  return true;
}

void se__st_set_i64(se_env *env, int64_t *p, int64_t v) {
  se_undo u = {U_I64, p, NULL, 0, {.i = *p}, 0};
  if (log_undo(env, &u)) {
    *p = v;
    prov(env, SE_PROV_SET, p, NULL, (se_mapval){.i = v}, 0);
  }
}

void se__st_set_bool(se_env *env, bool *p, bool v) {
  se_undo u = {U_BOOL, p, NULL, 0, {.i = *p}, 0};
  if (log_undo(env, &u)) {
    *p = v;
    prov(env, SE_PROV_SET, p, NULL, (se_mapval){.i = v}, 0);
  }
}

void se__st_rollback(se_env *env, size_t mark) {
  if (env->undo.elem != sizeof(se_undo)) return;
  while (env->undo.n > mark) {
    se_undo *u = &SE_VEC_AT(&env->undo, se_undo, env->undo.n - 1);
    switch (u->kind) {
    case U_MAP_NEW: se__map_del(u->target, u->key, u->hash); break;
    case U_MAP_SET: se__map_put(u->target, u->key, u->hash, u->old); break;
    case U_MAP_DEL: se__map_insert_at(u->target, u->pos, u->key, u->hash, u->old); break;
    case U_VEC_PUSH: ((se_vec *)u->target)->n = u->pos; break;
    case U_I64: *(int64_t *)u->target = u->old.i; break;
    case U_BOOL: *(bool *)u->target = u->old.i != 0; break;
    }
    env->undo.n--;
  }
}

const se_range *se__env_range(const se_env *env, const se_expr *s) {
  se_map_entry *e = se__map_find(&env->var_to_range, s, s->hash);
  return e ? e->val.p : NULL;
}

const se_range *se__env_range_copy(se_env *env, se_range r) {
  se_range *p = se__arena_alloc(&env->ctx->arena, sizeof *p);
  if (!p) {
    se__fail(env->ctx, SE_NOMEM, "out of memory storing a value range");
    return NULL;
  }
  *p = r;
  return p;
}
