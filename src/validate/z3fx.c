/* The validation FX graph interpreted into Z3 (PyTorch's z3op and
 * PopulateValidator, spec 1.4): placeholders are their symbols' variables,
 * call nodes run the Z3-aware version of their target, and every _assert
 * node's argument becomes a source expression. A target with no encoding
 * is an error naming it. */
#include <stdlib.h>
#include <string.h>

#include "env/fx.h"
#include "validate/tv.h"

typedef enum fxk { F_BIN, F_UN, F_ITE, F_ASSERT } fxk;

/* One row per FX call target: how it runs on Z3 terms. Operators PyTorch
 * "lifts" (add, sub, mul, pow, comparisons, neg) run as Python's operator
 * on Z3 terms, without side assertions; the rest are Z3Ops. */
typedef struct fxop {
  const char *target;
  fxk kind;
  int op; /* se_z3op (F_BIN) or se_z3fn (F_UN) */
} fxop;

static const fxop fx_ops[] = {
  {"_assert", F_ASSERT, 0},
  {"abs", F_UN, SE_Z3_ABS},
  {"add", F_BIN, SE_Z3_ADD},
  {"and_", F_BIN, SE_Z3_BITAND},
  {"ceil", F_UN, SE_Z3_CEIL},
  {"eq", F_BIN, SE_Z3_EQ},
  {"floor", F_UN, SE_Z3_FLOOR},
  {"floordiv", F_BIN, SE_Z3_FLOORDIV},
  {"ge", F_BIN, SE_Z3_GE},
  {"gt", F_BIN, SE_Z3_GT},
  {"le", F_BIN, SE_Z3_LE},
  {"lshift", F_BIN, SE_Z3_LSHIFT},
  {"lt", F_BIN, SE_Z3_LT},
  {"mod", F_BIN, SE_Z3_MOD},
  {"mul", F_BIN, SE_Z3_MUL},
  {"ne", F_BIN, SE_Z3_NE},
  {"neg", F_UN, SE_Z3_NEG},
  {"not_", F_UN, SE_Z3_NOT},
  {"or_", F_BIN, SE_Z3_BITOR},
  {"pow", F_BIN, SE_Z3_POW_RAW},
  {"round", F_UN, SE_Z3_ROUND},
  {"rshift", F_BIN, SE_Z3_RSHIFT},
  {"sub", F_BIN, SE_Z3_SUB},
  {"sym_float", F_UN, SE_Z3_TO_REAL},
  {"sym_ite", F_ITE, 0},
  {"sym_max", F_BIN, SE_Z3_MAX},
  {"sym_min", F_BIN, SE_Z3_MIN},
  {"sym_not", F_UN, SE_Z3_NOT},
  {"truediv", F_BIN, SE_Z3_TRUEDIV},
  {"trunc", F_UN, SE_Z3_TRUNC},
  {"_sym_sqrt", F_UN, SE_Z3_SQRT},
};

static const fxop *find_op(const char *target) {
  for (size_t i = 0; i < sizeof fx_ops / sizeof fx_ops[0]; i++)
    if (strcmp(fx_ops[i].target, target) == 0) return &fx_ops[i];
  return NULL;
}

static const char *node_name(const se_env *env, int32_t i) {
  return SE_VEC_AT(&env->fx_nodes, se_fx_node, i).name;
}

se_status se__tv_populate(se_tv *tv, se_env *env) {
  se_ctx *ctx = tv->ctx;
  size_t n = env->fx_nodes.n;
  Z3_ast *val = calloc(n ? n : 1, sizeof *val);
  if (!val) return se__fail(ctx, SE_NOMEM, "out of memory interpreting the validation graph");
  se_status st = SE_OK;
  for (size_t i = 0; st == SE_OK && i < n; i++) {
    if (!se__fx_live(env, (int32_t)i)) continue;
    const se_fx_node *nd = &SE_VEC_AT(&env->fx_nodes, se_fx_node, i);
    if (nd->placeholder) {
      val[i] = se__tv_add_var(tv, nd->symbol);
      if (!val[i]) st = se__status(ctx) ? se__status(ctx) : SE_INVALID;
      continue;
    }
    Z3_ast a[3] = {NULL, NULL, NULL};
    for (size_t k = 0; st == SE_OK && k < nd->nargs && k < 3; k++) {
      const se_fx_arg *x = &nd->args[k];
      if (x->node >= 0) {
        a[k] = (size_t)x->node < n ? val[x->node] : NULL;
        if (!a[k])
          st = se__fail(ctx, SE_INVALID,
                        "translation validation: node %s uses %s, which has no value", nd->name,
                        (size_t)x->node < n ? node_name(env, x->node) : "?");
      } else {
        a[k] = se__z3_const(tv, x->value); /* lift: IntVal / RealVal / BoolVal */
        if (!a[k]) st = se__status(ctx);
      }
    }
    if (st != SE_OK) break;
    const fxop *op = find_op(nd->target);
    if (!op) {
      st = se__fail(ctx, SE_UNSUPPORTED,
                    "translation validation: no Z3 encoding for the graph operation %s (node %s)",
                    nd->target, nd->name);
      break;
    }
    size_t need = op->kind == F_BIN ? 2 : op->kind == F_ITE ? 3 : 1;
    if (nd->nargs != need) {
      st = se__fail(ctx, SE_INVALID, "translation validation: node %s: %s takes %zu arguments",
                    nd->name, nd->target, need);
      break;
    }
    switch (op->kind) {
    case F_ASSERT:
      /* torch._assert: the marker of a source expression. */
      if (!se__tv_add_source(tv, se__tv_chk(tv, a[0], "_assert"))) st = se__status(ctx);
      val[i] = NULL;
      continue;
    case F_BIN: {
      /* Lifted comparisons run on z3py objects (constants are wrapped as
       * IntVal / RealVal first), so Python's reflected dispatch applies. */
      se_z3op zo = (se_z3op)op->op;
      bool cmp = zo == SE_Z3_EQ || zo == SE_Z3_NE || zo == SE_Z3_LT || zo == SE_Z3_LE ||
                 zo == SE_Z3_GT || zo == SE_Z3_GE;
      val[i] = cmp ? se__z3_compare(tv, zo, a[0], a[1]) : se__z3_binary(tv, zo, a[0], a[1]);
      break;
    }
    case F_UN: val[i] = se__z3_unary(tv, (se_z3fn)op->op, a[0]); break;
    case F_ITE: val[i] = se__z3_ite(tv, a[0], a[1], a[2]); break;
    }
    if (!val[i]) {
      st = se__status(ctx) ? se__status(ctx) : SE_INVALID;
      break;
    }
  }
  free(val);
  return st;
}
