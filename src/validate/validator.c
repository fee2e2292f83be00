/* The validator proper (spec 1.6-1.9): targets and assertions taken from the
 * environment's state, the soundness query "every target holds and some
 * source fails", PyTorch's ValidationException text printed through z3str,
 * and the SMT-LIB2 script of a failing or unknown query. */
#include <stdlib.h>
#include <string.h>

#include "env/simplify.h"
#include "record/recorder.h"
#include "validate/tv.h"

#define DEFAULT_TIMEOUT_MS 600000u

void se_tv_options_init(se_tv_options *opt) {
  if (!opt) return;
  memset(opt, 0, sizeof *opt);
  opt->timeout_ms = DEFAULT_TIMEOUT_MS;
}

void se_tv_result_free(se_tv_result *r) {
  if (!r) return;
  free(r->report);
  free(r->smt2);
  r->report = NULL;
  r->smt2 = NULL;
}

static se_status failed(se_ctx *ctx) {
  se_status st = se__status(ctx);
  return st == SE_OK ? SE_INVALID : st;
}

/* ---- z3str (spec 1.8) --------------------------------------------------------------- */

/* z3py's printer names of Z3's built-in operations (its _z3_op_to_str);
 * anything else prints its declaration name. */
static const struct {
  Z3_decl_kind kind;
  const char *name;
} op_names[] = {
  {Z3_OP_TRUE, "True"}, {Z3_OP_FALSE, "False"}, {Z3_OP_EQ, "=="}, {Z3_OP_DISTINCT, "Distinct"},
  {Z3_OP_ITE, "If"}, {Z3_OP_AND, "And"}, {Z3_OP_OR, "Or"}, {Z3_OP_IFF, "=="},
  {Z3_OP_XOR, "Xor"}, {Z3_OP_NOT, "Not"}, {Z3_OP_IMPLIES, "Implies"}, {Z3_OP_IDIV, "/"},
  {Z3_OP_MOD, "%"}, {Z3_OP_TO_REAL, "ToReal"}, {Z3_OP_TO_INT, "ToInt"},
  {Z3_OP_POWER, "**"}, {Z3_OP_IS_INT, "IsInt"}, {Z3_OP_BADD, "+"}, {Z3_OP_BSUB, "-"},
  {Z3_OP_BMUL, "*"}, {Z3_OP_BOR, "|"}, {Z3_OP_BAND, "&"}, {Z3_OP_BNOT, "~"},
  {Z3_OP_BXOR, "^"}, {Z3_OP_BNEG, "-"}, {Z3_OP_BUDIV, "UDiv"}, {Z3_OP_BSDIV, "/"},
  {Z3_OP_BSMOD, "%"}, {Z3_OP_BSREM, "SRem"}, {Z3_OP_BUREM, "URem"}, {Z3_OP_SLEQ, "<="},
  {Z3_OP_SLT, "<"}, {Z3_OP_SGEQ, ">="}, {Z3_OP_SGT, ">"}, {Z3_OP_ULEQ, "ULE"},
  {Z3_OP_ULT, "ULT"}, {Z3_OP_UGEQ, "UGE"}, {Z3_OP_UGT, "UGT"}, {Z3_OP_BASHR, ">>"},
  {Z3_OP_BSHL, "<<"}, {Z3_OP_BLSHR, "LShR"}, {Z3_OP_BV2INT, "BV2Int"}, {Z3_OP_ADD, "+"},
  {Z3_OP_SUB, "-"}, {Z3_OP_MUL, "*"}, {Z3_OP_DIV, "/"}, {Z3_OP_UMINUS, "-"},
  {Z3_OP_LE, "<="}, {Z3_OP_LT, "<"}, {Z3_OP_GE, ">="}, {Z3_OP_GT, ">"},
};

static const char *op_name(se_tv *tv, Z3_func_decl d) {
  Z3_decl_kind k = Z3_get_decl_kind(tv->z, d);
  for (size_t i = 0; i < sizeof op_names / sizeof op_names[0]; i++)
    if (op_names[i].kind == k) return op_names[i].name;
  return Z3_get_symbol_string(tv->z, Z3_get_decl_name(tv->z, d));
}

static bool z3str_into(se_tv *tv, se_buf *b, Z3_ast e);

static Z3_decl_kind app_kind(se_tv *tv, Z3_ast e) {
  if (Z3_get_ast_kind(tv->z, e) != Z3_APP_AST) return Z3_OP_UNINTERPRETED;
  return Z3_get_decl_kind(tv->z, Z3_get_app_decl(tv->z, Z3_to_app(tv->z, e)));
}

/* Arguments of a chain of the associative op kind, flattened. */
static bool collect(se_tv *tv, se_buf *b, Z3_ast e, Z3_decl_kind kind) {
  if (Z3_get_ast_kind(tv->z, e) != Z3_APP_AST || app_kind(tv, e) != kind) {
    se__buf_putc(b, ' ');
    return z3str_into(tv, b, e);
  }
  Z3_app a = Z3_to_app(tv->z, e);
  for (unsigned i = 0; i < Z3_get_app_num_args(tv->z, a); i++)
    if (!collect(tv, b, Z3_get_app_arg(tv->z, a, i), kind)) return false;
  return true;
}

static bool args_into(se_tv *tv, se_buf *b, Z3_app a) {
  for (unsigned i = 0; i < Z3_get_app_num_args(tv->z, a); i++) {
    se__buf_putc(b, ' ');
    if (!z3str_into(tv, b, Z3_get_app_arg(tv->z, a, i))) return false;
  }
  return true;
}

static bool z3str_into(se_tv *tv, se_buf *b, Z3_ast e0) {
  Z3_context z = tv->z;
  Z3_ast e = se__tv_chk(tv, Z3_simplify(z, e0), "simplify");
  if (!e) return false;
  if (Z3_get_ast_kind(z, e) == Z3_NUMERAL_AST) {
    Z3_sort_kind sk = Z3_get_sort_kind(z, Z3_get_sort(z, e));
    if (sk == Z3_INT_SORT || sk == Z3_REAL_SORT) {
      se__buf_puts(b, Z3_get_numeral_string(z, e));
      return true;
    }
  }
  if (Z3_get_ast_kind(z, e) != Z3_APP_AST && Z3_get_ast_kind(z, e) != Z3_NUMERAL_AST) {
    se__fail(tv->ctx, SE_INVALID, "can't print Z3 expression: %s", Z3_ast_to_string(z, e));
    return false;
  }
  Z3_app a = Z3_to_app(z, e);
  Z3_func_decl d = Z3_get_app_decl(z, a);
  Z3_decl_kind k = Z3_get_decl_kind(z, d);
  if (k == Z3_OP_UNINTERPRETED && Z3_get_app_num_args(z, a) == 0) {
    se__buf_puts(b, Z3_get_symbol_string(z, Z3_get_decl_name(z, d)));
    return true;
  }
  if (k == Z3_OP_TO_INT || k == Z3_OP_TO_REAL) {
    /* Casts are dropped, except that ToInt((/ ...)) is an integer division. */
    se_buf inner;
    se__buf_init(&inner);
    bool ok = z3str_into(tv, &inner, Z3_get_app_arg(z, a, 0));
    if (ok && inner.p && strncmp(inner.p, "(/", 2) == 0) {
      se__buf_puts(b, "(idiv");
      se__buf_puts(b, inner.p + 2);
    } else if (ok && inner.p) {
      se__buf_puts(b, inner.p);
    }
    se__buf_free(&inner);
    return ok;
  }
  const char *op = op_name(tv, d);
  se__buf_putc(b, '(');
  bool ok;
  if (k == Z3_OP_POWER) {
    se__buf_puts(b, "pow");
    ok = args_into(tv, b, a);
  } else if (k == Z3_OP_ADD || k == Z3_OP_MUL) {
    se__buf_puts(b, op);
    Z3_app ea = a;
    ok = true;
    for (unsigned i = 0; ok && i < Z3_get_app_num_args(z, ea); i++)
      ok = collect(tv, b, Z3_get_app_arg(z, ea, i), k);
  } else if (k == Z3_OP_NOT && Z3_get_ast_kind(z, Z3_get_app_arg(z, a, 0)) == Z3_APP_AST &&
             (app_kind(tv, Z3_get_app_arg(z, a, 0)) == Z3_OP_EQ ||
              app_kind(tv, Z3_get_app_arg(z, a, 0)) == Z3_OP_LE ||
              app_kind(tv, Z3_get_app_arg(z, a, 0)) == Z3_OP_GE)) {
    /* Undo z3's normal forms: Not(==) is !=, Not(<=) is >, Not(>=) is <. */
    Z3_ast arg = Z3_get_app_arg(z, a, 0);
    Z3_decl_kind ak = app_kind(tv, arg);
    se__buf_puts(b, ak == Z3_OP_EQ ? "!=" : ak == Z3_OP_LE ? ">" : "<");
    ok = args_into(tv, b, Z3_to_app(z, arg));
  } else {
    se__buf_puts(b, op);
    ok = args_into(tv, b, a);
  }
  se__buf_putc(b, ')');
  return ok;
}

char *se__tv_z3str(se_tv *tv, Z3_ast e) {
  se_buf b;
  se__buf_init(&b);
  if (!e || !z3str_into(tv, &b, e)) {
    se__buf_free(&b);
    return NULL;
  }
  char *r = se__buf_take(&b);
  if (!r) se__fail(tv->ctx, SE_NOMEM, "out of memory printing a Z3 expression");
  return r;
}

/* ---- targets and assertions from the environment (spec 1.6) -------------------------- */

static bool add_target_expr(se_tv *tv, const se_expr *e) {
  return e && se__tv_add_target(tv, se__tv_bool(tv, e));
}

static bool is_finite_bound(const se_expr *b) {
  return b->kind != SE_K_OO && b->kind != SE_K_NEG_OO && b->kind != SE_K_INT_OO &&
         b->kind != SE_K_NEG_INT_OO;
}

/* One tracked (source, value) pair: the input guard target
 * Eq(source_symbol, expr) and the assertion Eq(source_symbol, sym) that
 * create_symintnode made for the source. */
static se_status input_value(se_tv *tv, se_env *env, const se_source *src, se_sym v) {
  se_ctx *ctx = env->ctx;
  if (!v.expr || v.type == SE_PY_BOOL) return SE_OK;
  se_map_entry *ss = se__map_find(&env->source_to_symbol, src, src->hash);
  if (!ss) return SE_OK;
  const se_expr *sym = ss->val.p;
  const se_expr *e = se__is_num(v.expr) ? v.expr : se__env_replace(env, v.expr);
  if (!e) return failed(ctx);
  if (!se__tv_add_assertion(tv, se__tv_bool(tv, se__rel(ctx, SE_K_EQ, sym, v.expr))))
    return failed(ctx);
  if (!add_target_expr(tv, se__rel(ctx, SE_K_EQ, sym, e))) return failed(ctx);
  return SE_OK;
}

static se_status inputs(se_tv *tv, se_env *env, const se_placeholder *ph,
                        const se_source *const *sources, size_t n) {
  se_ctx *ctx = env->ctx;
  se_status st = SE_OK;
  for (size_t i = 0; st == SE_OK && i < n; i++) {
    const se_source *src = sources[i];
    if (!src) return se__fail(ctx, SE_INVALID, "validate: placeholder %zu has no source", i);
    if (ph[i].kind == SE_PH_VALUE) {
      st = input_value(tv, env, src, ph[i].value);
    } else if (ph[i].kind == SE_PH_TENSOR) {
      const se_tensor_meta *t = &ph[i].tensor;
      for (size_t k = 0; st == SE_OK && k < t->dim; k++)
        st = input_value(tv, env, se_source_size(ctx, src, (int64_t)k), t->sizes[k]);
      for (size_t k = 0; st == SE_OK && k < t->dim; k++)
        st = input_value(tv, env, se_source_stride(ctx, src, (int64_t)k), t->strides[k]);
      if (st == SE_OK)
        st = input_value(tv, env, se_source_storage_offset(ctx, src), t->storage_offset);
    }
  }
  return st;
}

/* Source symbols whose value no tracked input gives: their assertion
 * comes from the symbol create_symbol made for the same source. */
static se_status source_symbols(se_tv *tv, se_env *env) {
  se_ctx *ctx = env->ctx;
  SE_MAP_EACH(&env->source_to_symbol, e) {
    const se_source *src = e->key;
    const se_expr *sym = e->val.p;
    Z3_ast v = se__tv_add_var(tv, sym);
    if (!v) return failed(ctx);
    se_map_entry *sv = se__map_find(&env->source_to_var, src, src->hash);
    if (!sv) continue;
    bool has = false;
    /* An assertion for this source symbol already came from an input. */
    for (size_t i = 0; !has && i < tv->assertions.n; i++) {
      Z3_ast a = tv->assertions.v[i];
      if (Z3_get_ast_kind(tv->z, a) != Z3_APP_AST) continue;
      Z3_app ap = Z3_to_app(tv->z, a);
      if (Z3_get_decl_kind(tv->z, Z3_get_app_decl(tv->z, ap)) == Z3_OP_EQ &&
          Z3_is_eq_ast(tv->z, Z3_get_app_arg(tv->z, ap, 0), v))
        has = true;
    }
    if (!has &&
        !se__tv_add_assertion(tv, se__tv_bool(tv, se__rel(ctx, SE_K_EQ, sym, sv->val.p))))
      return failed(ctx);
  }
  return SE_OK;
}

/* The guards produce_guards issues: recorded guards that static evaluation
 * without axioms cannot decide, simplified, without repeats (as guards.c). */
static se_status issued_guards(se_tv *tv, se_env *env) {
  se_ctx *ctx = env->ctx;
  se__elist issued = {0};
  se_status st = SE_OK;
  for (size_t i = 0; st == SE_OK && i < env->guards.n; i++) {
    se_guard g = SE_VEC_AT(&env->guards, se_guard, i);
    const se_expr *s =
        se__env_maybe_evaluate_static(env, g.expr, false, false, g.size_oblivious, true);
    if (s) continue;
    if (se__status(ctx) != SE_OK) {
      st = failed(ctx);
      break;
    }
    const se_expr *e = se__env_simplify(env, g.expr, false);
    if (!e) {
      st = failed(ctx);
      break;
    }
    if (se__elist_has(&issued, e)) continue;
    if (!se__elist_push(ctx, &issued, e) || !add_target_expr(tv, e)) st = failed(ctx);
  }
  se__elist_free(&issued);
  return st;
}

/* The assertion create_symbol adds for every positive int symbol it makes:
 * sym > 1, whatever the symbol's range (PyTorch adds it with the symbol). */
static se_status positive_symbols(se_tv *tv, se_env *env) {
  se_ctx *ctx = env->ctx;
  const uint32_t want = SE_ASM_INTEGER | SE_ASM_POSITIVE;
  SE_MAP_EACH(&env->backed_var_to_val, e) {
    const se_expr *sym = e->key;
    if (sym->kind != SE_K_SYMBOL || (sym->u.sym.asm_ & want) != want) continue;
    const se_expr *a[2] = {sym, se__int(ctx, 1)};
    const se_expr *gt = a[1] ? se__node(ctx, SE_K_GT, a, 2) : NULL;
    if (!gt || !se__tv_add_assertion(tv, se__tv_bool(tv, gt))) return failed(ctx);
  }
  return SE_OK;
}

static se_status env_targets(se_tv *tv, se_env *env, const se_placeholder *ph,
                             const se_source *const *sources, size_t n) {
  se_ctx *ctx = env->ctx;
  se_status pst = positive_symbols(tv, env);
  if (pst != SE_OK) return pst;
  /* Replacements: Eq(a, tgt), unevaluated. */
  SE_MAP_EACH(&env->replacements, e) {
    const se_expr *a[2] = {e->key, e->val.p};
    if (!add_target_expr(tv, se__node(ctx, SE_K_EQ, a, 2))) return failed(ctx);
  }
  se_status st = inputs(tv, env, ph, sources, n);
  if (st == SE_OK) st = source_symbols(tv, env);
  if (st == SE_OK) st = issued_guards(tv, env);
  if (st != SE_OK) return st;
  /* Deferred runtime asserts. */
  SE_MAP_EACH(&env->deferred_runtime_asserts, e) {
    const se_ralist *l = e->val.p;
    for (size_t i = 0; l && i < l->n; i++)
      if (!add_target_expr(tv, l->v[i].expr)) return failed(ctx);
  }
  /* Finite value-range bounds. */
  SE_MAP_EACH(&env->var_to_range, e) {
    const se_expr *sym = e->key;
    const se_range *r = e->val.p;
    if (!r || r->is_bool) continue;
    if (is_finite_bound(r->lo) && !add_target_expr(tv, se__rel(ctx, SE_K_LE, r->lo, sym)))
      return failed(ctx);
    if (is_finite_bound(r->hi) && !add_target_expr(tv, se__rel(ctx, SE_K_LE, sym, r->hi)))
      return failed(ctx);
  }
  return SE_OK;
}

se_status se__tv_env_targets(se_tv *tv, se_env *env, const se_placeholder *ph,
                             const se_source *const *sources, size_t n) {
  /* Static evaluation may cache; keep the environment's state as it was
   * when the caller's transaction (if any) says so. */
  se__txn_begin(env);
  return se__txn_end(env, env_targets(tv, env, ph, sources, n));
}

/* ---- the query (spec 1.7) and the report (spec 1.9) -------------------------------- */

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Appends the lines "  ==> x" of texts sorted as strings. */
static void put_sorted(se_buf *b, char **v, size_t n) {
  qsort(v, n, sizeof *v, cmp_str);
  for (size_t i = 0; i < n; i++) se__buf_printf(b, "%s  ==> %s", i ? "\n" : "", v[i]);
}

static void free_texts(char **v, size_t n) {
  for (size_t i = 0; v && i < n; i++) free(v[i]);
  free(v);
}

/* z3str of every term of s; NULL on failure. */
static char **set_texts(se_tv *tv, const Z3_ast *v, size_t n) {
  char **t = calloc(n ? n : 1, sizeof *t);
  if (!t) {
    se__fail(tv->ctx, SE_NOMEM, "out of memory printing a report");
    return NULL;
  }
  for (size_t i = 0; i < n; i++) {
    t[i] = se__tv_z3str(tv, v[i]);
    if (!t[i]) {
      free_texts(t, n);
      return NULL;
    }
  }
  return t;
}

static char *dup_text(const char *s) {
  size_t n = strlen(s) + 1;
  char *p = malloc(n);
  if (p) memcpy(p, s, n);
  return p;
}

/* A model value as z3py prints it. */
static void put_value(se_tv *tv, se_buf *b, Z3_ast v) {
  Z3_context z = tv->z;
  if (Z3_is_numeral_ast(z, v)) {
    se__buf_puts(b, Z3_get_numeral_string(z, v));
  } else if (Z3_get_bool_value(z, v) != Z3_L_UNDEF) {
    se__buf_puts(b, Z3_get_bool_value(z, v) == Z3_L_TRUE ? "True" : "False");
  } else if (Z3_is_algebraic_number(z, v)) {
    se__buf_puts(b, Z3_get_numeral_decimal_string(z, v, 10));
    se__buf_putc(b, '?');
  } else {
    se__buf_puts(b, Z3_ast_to_string(z, v));
  }
}

static char *model_report(se_tv *tv, Z3_model m) {
  Z3_context z = tv->z;
  unsigned nc = Z3_model_get_num_consts(z, m);
  char **lines = calloc(nc ? nc : 1, sizeof *lines);
  char **as = set_texts(tv, tv->assertions.v, tv->assertions.n);
  char **ts = as ? set_texts(tv, tv->targets.v, tv->targets.n) : NULL;
  Z3_ast *failed_src = calloc(tv->sources.n ? tv->sources.n : 1, sizeof *failed_src);
  size_t nf = 0;
  char **fs = NULL;
  char *out = NULL;
  if (!lines || !as || !ts || !failed_src) goto done;
  for (unsigned i = 0; i < nc; i++) {
    Z3_func_decl d = Z3_model_get_const_decl(z, m, i);
    Z3_ast v = Z3_model_get_const_interp(z, m, d);
    se_buf lb;
    se__buf_init(&lb);
    se__buf_printf(&lb, "%s: ", Z3_get_symbol_string(z, Z3_get_decl_name(z, d)));
    if (v) put_value(tv, &lb, v);
    lines[i] = se__buf_take(&lb);
    if (!lines[i]) goto done;
  }
  for (size_t i = 0; i < tv->sources.n; i++) {
    Z3_ast r = NULL;
    if (Z3_model_eval(z, m, tv->sources.v[i], true, &r) && r &&
        Z3_get_bool_value(z, r) == Z3_L_FALSE)
      failed_src[nf++] = tv->sources.v[i];
  }
  fs = set_texts(tv, failed_src, nf);
  if (!fs) goto done;
  se_buf b;
  se__buf_init(&b);
  se__buf_puts(&b, "translation validation failed.\n\nModel:\n");
  put_sorted(&b, lines, nc);
  se__buf_puts(&b, "\n\nAssertions:\n");
  put_sorted(&b, as, tv->assertions.n);
  se__buf_puts(&b, "\n\nTarget Expressions:\n");
  put_sorted(&b, ts, tv->targets.n);
  se__buf_puts(&b, "\n\nFailed Source Expressions:\n");
  put_sorted(&b, fs, nf);
  out = se__buf_take(&b);
done:
  if (!out && se__status(tv->ctx) == SE_OK)
    se__fail(tv->ctx, SE_NOMEM, "out of memory printing a report");
  free_texts(lines, nc);
  free_texts(as, tv->assertions.n);
  free_texts(ts, tv->targets.n);
  free_texts(fs, nf);
  free(failed_src);
  return out;
}

/* The query as an SMT-LIB2 script z3 runs on its own. */
static char *smt2_text(se_tv *tv, Z3_solver s, const se_tv_options *opt) {
  se_buf b;
  se__buf_init(&b);
  se__buf_puts(&b, "; shapeenv translation validation: is there an input the guards (targets)\n"
                   "; admit that the traced decisions (sources) reject? sat = unsound guards\n");
  if (opt->rlimit) se__buf_printf(&b, "(set-option :rlimit %llu)\n", (unsigned long long)opt->rlimit);
  se__buf_puts(&b, Z3_solver_to_string(tv->z, s));
  se__buf_puts(&b, "(check-sat)\n(get-model)\n");
  char *r = se__buf_take(&b);
  if (!r) se__fail(tv->ctx, SE_NOMEM, "out of memory writing SMT-LIB2");
  return r;
}

se_status se__tv_check(se_tv *tv, const se_tv_options *opt, se_tv_result *out) {
  se_ctx *ctx = tv->ctx;
  Z3_context z = tv->z;
  out->nsources = tv->sources.n;
  out->ntargets = tv->targets.n;
  out->nassertions = tv->assertions.n;
  out->verdict = SE_TV_VALID;
  if (tv->sources.n == 0 || tv->targets.n == 0) {
    out->report = dup_text("translation validation: nothing to prove (no source or no target "
                           "expressions)");
    return out->report ? SE_OK : se__fail(ctx, SE_NOMEM, "out of memory");
  }
  Z3_solver s = Z3_mk_solver_for_logic(z, Z3_mk_string_symbol(z, "QF_NRA"));
  if (!se__tv_chk(tv, (Z3_ast)s, "creating the solver")) return failed(ctx);
  Z3_solver_inc_ref(z, s);
  Z3_params p = Z3_mk_params(z);
  Z3_params_inc_ref(z, p);
  uint64_t t = opt->timeout_ms ? opt->timeout_ms : DEFAULT_TIMEOUT_MS;
  Z3_params_set_uint(z, p, Z3_mk_string_symbol(z, "timeout"),
                     t > 0xffffffffu ? 0xffffffffu : (unsigned)t);
  if (opt->rlimit)
    Z3_params_set_uint(z, p, Z3_mk_string_symbol(z, "rlimit"),
                       opt->rlimit > 0xffffffffu ? 0xffffffffu : (unsigned)opt->rlimit);
  Z3_solver_set_params(z, s, p);
  Z3_params_dec_ref(z, p);
  for (size_t i = 0; i < tv->assertions.n; i++) Z3_solver_assert(z, s, tv->assertions.v[i]);
  Z3_solver_assert(z, s, Z3_mk_not(z, Z3_mk_and(z, (unsigned)tv->sources.n, tv->sources.v)));
  for (size_t i = 0; i < tv->targets.n; i++) Z3_solver_assert(z, s, tv->targets.v[i]);
  se_status st = SE_OK;
  char *query = NULL;
  if (!se__tv_chk(tv, (Z3_ast)s, "asserting the query")) {
    st = failed(ctx);
    goto done;
  }
  /* The query as a script, taken before solving: afterwards the solver's
   * text carries its model converter, which z3 does not read back. */
  if (opt->want_smt2 && !(query = smt2_text(tv, s, opt))) {
    st = failed(ctx);
    goto done;
  }
  Z3_lbool r = Z3_solver_check(z, s);
  if (Z3_get_error_code(z) != Z3_OK) {
    se__tv_chk(tv, NULL, "checking the query");
    st = failed(ctx);
    goto done;
  }
  if (r == Z3_L_FALSE) {
    out->verdict = SE_TV_VALID;
    out->report = dup_text("translation validation: success");
  } else if (r == Z3_L_UNDEF) {
    out->verdict = SE_TV_UNKNOWN;
    se_buf b;
    se__buf_init(&b);
    se__buf_printf(&b, "translation validation: could not validate: got z3.unknown (%s)",
                   Z3_solver_get_reason_unknown(z, s));
    out->report = se__buf_take(&b);
  } else {
    out->verdict = SE_TV_INVALID;
    Z3_model m = Z3_solver_get_model(z, s);
    if (!se__tv_chk(tv, (Z3_ast)m, "getting the model")) {
      st = failed(ctx);
      goto done;
    }
    Z3_model_inc_ref(z, m);
    out->report = model_report(tv, m);
    Z3_model_dec_ref(z, m);
  }
  if (!out->report) {
    st = failed(ctx);
    goto done;
  }
  if (out->verdict != SE_TV_VALID) {
    out->smt2 = query;
    query = NULL;
  }
done:
  free(query);
  Z3_solver_dec_ref(z, s);
  if (st != SE_OK) se_tv_result_free(out);
  return st;
}

/* ---- the public calls ---------------------------------------------------------------- */

se_status se__validate(se_env *env, const se_placeholder *ph, const se_source *const *sources,
                       size_t n, const se_tv_options *opt, se_tv_result *out) {
  se_ctx *ctx = env->ctx;
  se_tv_options defaults;
  se_tv_options_init(&defaults);
  if (!opt) opt = &defaults;
  se_tv *tv = se__tv_new(ctx);
  if (!tv) return failed(ctx);
  /* Sources first (PopulateValidator adds the variables of placeholders in
   * graph order), then targets and assertions. */
  se_status st = se__tv_populate(tv, env);
  if (st == SE_OK) st = se__tv_env_targets(tv, env, ph, sources, n);
  if (st == SE_OK) st = se__tv_check(tv, opt, out);
  se__tv_free(tv);
  return st;
}

static se_status check_args(se_env *env, se_tv_result *out) {
  if (!env) return SE_INVALID;
  if (!out) return se__fail(env->ctx, SE_INVALID, "validate: no place for the result");
  memset(out, 0, sizeof *out);
  if (!env->opt.translation_validation)
    return se__fail(env->ctx, SE_STATE,
                    "validate: the environment keeps no validation graph (translation_validation "
                    "is off)");
  return SE_OK;
}

se_status se_validate_guards(se_env *env, const se_placeholder *ph,
                             const se_source *const *sources, size_t n,
                             const se_tv_options *opt, se_tv_result *out) {
  se_status st = check_args(env, out);
  if (st != SE_OK) return st;
  if (n && (!ph || !sources))
    return se__fail(env->ctx, SE_INVALID, "validate: placeholders or sources missing");
  return se__validate(env, ph, sources, n, opt, out);
}

se_status se_validate_env(se_env *env, const se_tv_options *opt, se_tv_result *out) {
  se_status st = check_args(env, out);
  if (st != SE_OK) return st;
  const se_tracked *tr;
  size_t n = se__env_tracked(env, &tr);
  se_placeholder *ph = calloc(n ? n : 1, sizeof *ph);
  const se_source **src = calloc(n ? n : 1, sizeof *src);
  if (!ph || !src) {
    free(ph);
    free(src);
    return se__fail(env->ctx, SE_NOMEM, "out of memory validating");
  }
  for (size_t i = 0; i < n; i++) {
    src[i] = tr[i].source;
    ph[i].kind = tr[i].is_tensor ? SE_PH_TENSOR : SE_PH_VALUE;
    if (tr[i].is_tensor)
      ph[i].tensor = tr[i].tensor;
    else
      ph[i].value = tr[i].value;
  }
  st = se__validate(env, ph, src, n, opt, out);
  free(ph);
  free(src);
  return st;
}

se_status se_validate_log(se_ctx *ctx, const char *path, const se_tv_options *opt,
                          se_tv_result *out) {
  if (!ctx) return SE_INVALID;
  if (!out) return se__fail(ctx, SE_INVALID, "validate: no place for the result");
  memset(out, 0, sizeof *out);
  se_env *env = NULL;
  se_status st = se_log_replay(ctx, path, SIZE_MAX, NULL, NULL, &env);
  if (st != SE_OK) return st;
  st = se_validate_env(env, opt, out);
  se_env_free(env);
  return st;
}

/* produce_guards, then (as PyTorch does when translation validation is on)
 * the validation of what it produced. PyTorch validates whenever its
 * translation_validation config is on; here SHAPEENV_VALIDATE_GUARDS=1 turns
 * it on for environments that keep the validation graph, since a Z3 query on
 * every produce_guards is more than most callers want. An unsound result
 * fails with SE_VALIDATION and PyTorch's report; "unknown" is not a failure
 * (PyTorch logs it), but never counts as validated either. */
se_status se_env_produce_guards_ex(se_env *env, const se_placeholder *ph,
                                   const se_source *const *sources, size_t n,
                                   const se_guard_options *opt, char ***out, size_t *nout) {
  se_guard_options defaults = {true, false, false};
  if (!opt) opt = &defaults;
  se_status st = se__rec_produce_guards(env, ph, sources, n, opt->ignore_static, opt->verbose,
                                        opt->simplified, out, nout);
  const char *on = getenv("SHAPEENV_VALIDATE_GUARDS");
  if (st != SE_OK || !env->opt.translation_validation || !on || on[0] != '1') return st;
  se_tv_result r;
  memset(&r, 0, sizeof r);
  st = se_validate_guards(env, ph, sources, n, NULL, &r);
  if (st == SE_OK && r.verdict == SE_TV_INVALID)
    st = se__fail(env->ctx, SE_VALIDATION, "%s", r.report ? r.report : "translation validation failed.");
  se_tv_result_free(&r);
  if (st != SE_OK) {
    for (size_t i = 0; i < *nout; i++) se_free((*out)[i]);
    se_free(*out);
    *out = NULL;
    *nout = 0;
  }
  return st;
}

se_status se_env_produce_guards(se_env *env, const se_placeholder *ph,
                                const se_source *const *sources, size_t n, bool ignore_static,
                                bool verbose, char ***out, size_t *nout) {
  se_guard_options opt = {ignore_static, verbose, false};
  return se_env_produce_guards_ex(env, ph, sources, n, &opt, out, nout);
}
