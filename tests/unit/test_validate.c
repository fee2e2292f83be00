/* Translation validation: peer cases D3-D7 (spec/peer-cases.md), no false
 * alarms on ordinary environments, and an unsound recording caught with a
 * report whose model satisfies the assertions and targets. */
#define _POSIX_C_SOURCE 200809L /* setenv, unsetenv */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "validate/tv.h"

static se_ctx *C;

static int setup(void **state) {
  (void)state;
  C = se_ctx_new();
  return C ? 0 : -1;
}
static int teardown(void **state) {
  (void)state;
  se_ctx_free(C);
  return 0;
}

/* PyTorch's tests use sympy.symbols(..., integer=True): plain integers. */
static const se_expr *isym(se_ctx *ctx, const char *name) {
  const se_expr *s = se__sym_asm(ctx, name, strlen(name), SE_ASM_INTEGER | SE_ASM_REAL);
  assert_non_null(s);
  return s;
}

static const se_expr *node2(se_ctx *ctx, se_kind k, const se_expr *a, const se_expr *b) {
  const se_expr *v[2] = {a, b};
  const se_expr *r = se__node(ctx, k, v, 2);
  assert_non_null(r);
  return r;
}

/* ---- D3: SympyToZ3 forms -------------------------------------------------------- */

typedef struct d3 {
  se_ctx *ctx;
  se_tv *tv;
  Z3_context z;
  const se_expr *s0, *s1, *s2;
  Z3_ast z0, z1, z2;
} d3;

static void d3_init(d3 *t) {
  t->ctx = se_ctx_new();
  assert_non_null(t->ctx);
  t->s0 = isym(t->ctx, "s0");
  t->s1 = isym(t->ctx, "s1");
  t->s2 = isym(t->ctx, "s2");
  t->tv = se__tv_new(t->ctx);
  assert_non_null(t->tv);
  t->z = t->tv->z;
  t->z0 = se__tv_add_var(t->tv, t->s0);
  t->z1 = se__tv_add_var(t->tv, t->s1);
  t->z2 = se__tv_add_var(t->tv, t->s2);
  assert_non_null(t->z2);
}

static void d3_free(d3 *t) {
  se__tv_free(t->tv);
  se_ctx_free(t->ctx);
}

static void same(d3 *t, const se_expr *e, Z3_ast want) {
  Z3_ast got = se__tv_expr(t->tv, e);
  if (!got) fail_msg("translation failed: %s", se_errmsg(t->ctx));
  if (!Z3_is_eq_ast(t->z, got, want)) {
    char g[512];
    snprintf(g, sizeof g, "%s", Z3_ast_to_string(t->z, got));
    fail_msg("got %s, want %s", g, Z3_ast_to_string(t->z, want));
  }
}

static Z3_ast iv(d3 *t, int v) { return Z3_mk_int(t->z, v, Z3_mk_int_sort(t->z)); }
static Z3_ast add2(d3 *t, Z3_ast a, Z3_ast b) { Z3_ast v[2] = {a, b}; return Z3_mk_add(t->z, 2, v); }
static Z3_ast mul2(d3 *t, Z3_ast a, Z3_ast b) { Z3_ast v[2] = {a, b}; return Z3_mk_mul(t->z, 2, v); }
static Z3_ast sub2(d3 *t, Z3_ast a, Z3_ast b) { Z3_ast v[2] = {a, b}; return Z3_mk_sub(t->z, 2, v); }
static Z3_ast real(d3 *t, Z3_ast a) { return Z3_mk_int2real(t->z, a); }

static void test_d3_sympy_to_z3(void **state) {
  (void)state;
  d3 t;
  d3_init(&t);
  se_ctx *c = t.ctx;
  same(&t, se_expr_int(c, 0), iv(&t, 0));
  same(&t, se_expr_int(c, 1), iv(&t, 1));
  same(&t, se_expr_int(c, -1), iv(&t, -1));
  same(&t, se_expr_int(c, 2), iv(&t, 2));
  same(&t, t.s0, t.z0);
  same(&t, node2(c, SE_K_ADD, t.s0, t.s1), add2(&t, t.z0, t.z1));
  same(&t, node2(c, SE_K_MUL, t.s0, t.s1), mul2(&t, t.z0, t.z1));
  same(&t, node2(c, SE_K_POW, t.s0, t.s1), Z3_mk_power(t.z, t.z0, t.z1));
  Z3_ast d[2] = {t.z0, t.z1};
  same(&t, node2(c, SE_K_EQ, t.s0, t.s1), Z3_mk_eq(t.z, t.z0, t.z1));
  same(&t, node2(c, SE_K_NE, t.s0, t.s1), Z3_mk_distinct(t.z, 2, d));
  same(&t, node2(c, SE_K_LT, t.s0, t.s1), Z3_mk_lt(t.z, t.z0, t.z1));
  same(&t, node2(c, SE_K_LE, t.s0, t.s1), Z3_mk_le(t.z, t.z0, t.z1));
  same(&t, node2(c, SE_K_GT, t.s0, t.s1), Z3_mk_gt(t.z, t.z0, t.z1));
  same(&t, node2(c, SE_K_GE, t.s0, t.s1), Z3_mk_ge(t.z, t.z0, t.z1));
  same(&t, node2(c, SE_K_BITWISE_AND, t.s0, t.s1),
       Z3_mk_bv2int(t.z, Z3_mk_bvand(t.z, Z3_mk_int2bv(t.z, 64, t.z0), Z3_mk_int2bv(t.z, 64, t.z1)),
                    false));
  /* s0 - s1 is Add(s0, Mul(-1, s1)). */
  const se_expr *neg_s1 = node2(c, SE_K_MUL, se_expr_int(c, -1), t.s1);
  same(&t, node2(c, SE_K_ADD, t.s0, neg_s1), add2(&t, t.z0, mul2(&t, iv(&t, -1), t.z1)));
  /* s0 / s1 is Mul(s0, Pow(s1, -1)). */
  const se_expr *inv_s1 = node2(c, SE_K_POW, t.s1, se_expr_int(c, -1));
  const se_expr *div = node2(c, SE_K_MUL, t.s0, inv_s1);
  Z3_ast zdiv = mul2(&t, real(&t, t.z0), Z3_mk_power(t.z, t.z1, iv(&t, -1)));
  same(&t, div, zdiv);
  Z3_ast fd = Z3_mk_real2int(t.z, Z3_mk_div(t.z, real(&t, t.z0), real(&t, t.z1)));
  same(&t, node2(c, SE_K_FLOORDIV, t.s0, t.s1), fd);
  same(&t, node2(c, SE_K_MOD, t.s0, t.s1), sub2(&t, t.z0, mul2(&t, fd, t.z1)));
  /* Mod(s2, s0/s1): the quotient is Real, so the floor comes back as Real. */
  Z3_ast q1 = real(&t, Z3_mk_real2int(t.z, Z3_mk_div(t.z, real(&t, t.z2), zdiv)));
  same(&t, node2(c, SE_K_MOD, t.s2, div), sub2(&t, real(&t, t.z2), mul2(&t, q1, zdiv)));
  /* Mod(s2, s0**3): Z3's power of integers is Real. */
  Z3_ast cube = Z3_mk_power(t.z, t.z0, iv(&t, 3));
  Z3_ast q2 = real(&t, Z3_mk_real2int(t.z, Z3_mk_div(t.z, real(&t, t.z2), cube)));
  same(&t, node2(c, SE_K_MOD, t.s2, node2(c, SE_K_POW, t.s0, se_expr_int(c, 3))),
       sub2(&t, real(&t, t.z2), mul2(&t, q2, cube)));
  /* Side conditions: the divisors are nonzero and the powers are defined. */
  char *s = NULL;
  bool saw_ne = false;
  for (size_t i = 0; i < t.tv->assertions.n; i++) {
    s = se__tv_z3str(t.tv, t.tv->assertions.v[i]);
    assert_non_null(s);
    if (!strcmp(s, "(!= s1 0)")) saw_ne = true;
    free(s);
  }
  assert_true(saw_ne);
  d3_free(&t);
}

/* A kind without an encoding is an error that names it. */
static void test_unknown_kind(void **state) {
  (void)state;
  d3 t;
  d3_init(&t);
  const se_expr *a[1] = {t.s0};
  const se_expr *cosx = se__node(t.ctx, SE_K_OPAQUE_COS, a, 1);
  assert_null(se__tv_expr(t.tv, cosx));
  assert_int_equal(se_last_status(t.ctx), SE_UNSUPPORTED);
  assert_string_equal(se_errmsg(t.ctx),
                      "translation validation: no Z3 encoding for OpaqueUnaryFn_cos");
  d3_free(&t);
}

/* ---- D4-D6: verdicts ---------------------------------------------------------------- */

static se_tv_verdict run_check(d3 *t) {
  se_tv_options o;
  se_tv_options_init(&o);
  o.want_smt2 = true;
  se_tv_result r;
  memset(&r, 0, sizeof r);
  if (se__tv_check(t->tv, &o, &r) != SE_OK) fail_msg("check: %s", se_errmsg(t->ctx));
  se_tv_verdict v = r.verdict;
  if (v == SE_TV_INVALID) {
    assert_true(strncmp(r.report, "translation validation failed.\n\nModel:\n", 39) == 0);
    assert_non_null(r.smt2);
    assert_non_null(strstr(r.smt2, "(check-sat)"));
  }
  se_tv_result_free(&r);
  return v;
}

static void d4_sources(d3 *t) {
  Z3_ast two = iv(t, 2);
  assert_true(se__tv_add_source(t->tv, Z3_mk_gt(t->z, t->z0, iv(t, 5))));
  assert_true(se__tv_add_source(t->tv, Z3_mk_gt(t->z, Z3_mk_div(t->z, t->z1, two), t->z0)));
}

static void test_d4_sat(void **state) {
  (void)state;
  d3 t;
  d3_init(&t);
  d4_sources(&t);
  se_ctx *c = t.ctx;
  assert_true(se__tv_add_target(t.tv, se__tv_bool(t.tv, node2(c, SE_K_GT, t.s0, se_expr_int(c, 20)))));
  const se_expr *sq = node2(c, SE_K_POW, t.s0, se_expr_int(c, 2));
  assert_true(se__tv_add_target(t.tv, se__tv_bool(t.tv, node2(c, SE_K_GT, t.s1, sq))));
  assert_int_equal(run_check(&t), SE_TV_VALID);
  d3_free(&t);
}

static void test_d5_unsat(void **state) {
  (void)state;
  d3 t;
  d3_init(&t);
  d4_sources(&t);
  se_ctx *c = t.ctx;
  assert_true(se__tv_add_target(t.tv, se__tv_bool(t.tv, node2(c, SE_K_GT, t.s0, se_expr_int(c, 20)))));
  const se_expr *p2 = node2(c, SE_K_ADD, t.s0, se_expr_int(c, 2));
  assert_true(se__tv_add_target(t.tv, se__tv_bool(t.tv, node2(c, SE_K_GT, t.s1, p2))));
  assert_int_equal(run_check(&t), SE_TV_INVALID);
  d3_free(&t);
}

static void test_d6_sat_bitwise(void **state) {
  (void)state;
  d3 t;
  d3_init(&t);
  Z3_ast bv = Z3_mk_bv2int(
      t.z, Z3_mk_bvand(t.z, Z3_mk_int2bv(t.z, 64, t.z0), Z3_mk_int2bv(t.z, 64, t.z1)), false);
  assert_true(se__tv_add_source(t.tv, Z3_mk_eq(t.z, bv, iv(&t, 5))));
  assert_true(se__tv_add_source(t.tv, Z3_mk_eq(t.z, t.z0, iv(&t, 53))));
  assert_int_equal(run_check(&t), SE_TV_VALID);
  d3_free(&t);
}

/* ---- D7: z3str ------------------------------------------------------------------------ */

static void str_is(se_tv *tv, Z3_ast e, const char *want) {
  char *s = se__tv_z3str(tv, e);
  assert_non_null(s);
  assert_string_equal(s, want);
  free(s);
}

static void test_d7_z3str(void **state) {
  (void)state;
  se_tv *tv = se__tv_new(C);
  assert_non_null(tv);
  Z3_context z = tv->z;
  Z3_sort I = Z3_mk_int_sort(z), R = Z3_mk_real_sort(z);
  Z3_ast a = Z3_mk_const(z, Z3_mk_string_symbol(z, "a"), I);
  Z3_ast b = Z3_mk_const(z, Z3_mk_string_symbol(z, "b"), I);
  Z3_ast sz = Z3_mk_const(z, Z3_mk_string_symbol(z, "this.size()[2]"), R);
  Z3_ast five = Z3_mk_int(z, 5, I);
  str_is(tv, Z3_mk_int(z, 42, I), "42");
  str_is(tv, a, "a");
  str_is(tv, sz, "this.size()[2]");
  Z3_ast ab[2] = {a, b};
  str_is(tv, Z3_mk_distinct(z, 2, ab), "(!= a b)");
  str_is(tv, Z3_mk_power(z, a, b), "(pow a b)");
  Z3_ast a5[2] = {a, five};
  Z3_ast s1[2] = {Z3_mk_add(z, 2, a5), b};
  str_is(tv, Z3_mk_add(z, 2, s1), "(+ 5 a b)");
  Z3_ast m1[2] = {Z3_mk_mul(z, 2, a5), b};
  str_is(tv, Z3_mk_mul(z, 2, m1), "(* 5 a b)");
  str_is(tv, Z3_mk_lt(z, a, b), "(> b a)");
  str_is(tv, Z3_mk_gt(z, a, b), "(> a b)");
  Z3_ast ti[2] = {Z3_mk_real2int(z, sz), a};
  str_is(tv, Z3_mk_add(z, 2, ti), "(+ this.size()[2] a)");
  str_is(tv, Z3_mk_int2real(z, Z3_mk_add(z, 2, ab)), "(+ a b)");
  str_is(tv, Z3_mk_real2int(z, Z3_mk_div(z, Z3_mk_int2real(z, a), Z3_mk_int2real(z, b))),
         "(idiv a b)");
  se__tv_free(tv);
}

/* ---- environments: no false alarms ------------------------------------------------------ */

static se_env *tv_env(void) {
  se_env_options o;
  se_env_options_init(&o);
  o.translation_validation = true;
  se_env *env = se_env_new(C, &o);
  assert_non_null(env);
  return env;
}

static se_tensor_meta tensor(se_env *env, const char *name, int64_t d0, int64_t d1) {
  int64_t *sizes = malloc(2 * sizeof *sizes), *strides = malloc(2 * sizeof *strides);
  sizes[0] = d0;
  sizes[1] = d1;
  strides[0] = d1;
  strides[1] = 1;
  se_tensor_spec spec = {.dim = 2, .sizes = sizes, .strides = strides};
  se_tensor_meta t;
  const se_source *src = se_source_local(C, name);
  if (se_env_create_tensor(env, &spec, src, &t) != SE_OK) fail_msg("%s", se_errmsg(C));
  assert_int_equal(se_env_track_tensor(env, src, &t), SE_OK);
  free(sizes);
  free(strides);
  return t;
}

static se_sym bin(se_env *env, se_symop op, se_sym a, se_sym b) {
  se_sym r;
  if (se_sym_binary(env, op, a, b, &r) != SE_OK) fail_msg("binary: %s", se_errmsg(C));
  return r;
}

static void guard(se_env *env, se_sym a) {
  const se_expr *v;
  if (se_sym_guard(env, a, &v) != SE_OK) fail_msg("guard: %s", se_errmsg(C));
}

static void expect_valid(se_env *env) {
  se_tv_result r;
  se_tv_options o;
  se_tv_options_init(&o);
  o.rlimit = 0;
  if (se_validate_env(env, &o, &r) != SE_OK) fail_msg("validate: %s", se_errmsg(C));
  if (r.verdict != SE_TV_VALID) fail_msg("false alarm:\n%s", r.report);
  assert_true(r.nsources > 0);
  assert_true(r.ntargets > 0);
  se_tv_result_free(&r);
}

static void test_env_no_false_alarms(void **state) {
  (void)state;
  /* Tensor creation and a guard on a size. */
  se_env *env = tv_env();
  se_tensor_meta x = tensor(env, "x", 3, 4);
  guard(env, bin(env, SE_OP_GT, x.sizes[0], se_sym_int(C, 2)));
  expect_valid(env);
  se_env_free(env);
  /* Duck sizing and an equality that becomes a replacement. */
  env = tv_env();
  x = tensor(env, "x", 5, 7);
  se_tensor_meta y = tensor(env, "y", 5, 9);
  guard(env, bin(env, SE_OP_EQ, bin(env, SE_OP_ADD, x.sizes[1], se_sym_int(C, 2)), y.sizes[1]));
  guard(env, bin(env, SE_OP_LT, x.sizes[0], y.sizes[1]));
  expect_valid(env);
  se_env_free(env);
  /* Divisibility: s % 3 == 0. */
  env = tv_env();
  x = tensor(env, "x", 6, 4);
  guard(env, bin(env, SE_OP_EQ, bin(env, SE_OP_MOD, x.sizes[0], se_sym_int(C, 3)),
                 se_sym_int(C, 0)));
  guard(env, bin(env, SE_OP_GE, bin(env, SE_OP_FLOORDIV, x.sizes[0], se_sym_int(C, 3)),
                 se_sym_int(C, 2)));
  expect_valid(env);
  se_env_free(env);
  /* Unbacked values with runtime asserts. */
  env = tv_env();
  x = tensor(env, "x", 8, 2);
  se_sym u;
  assert_int_equal(se_env_create_unbacked_symint(env, &u), SE_OK);
  bool ok;
  assert_int_equal(se_sym_expect_true(env, bin(env, SE_OP_GE, u, se_sym_int(C, 0)), "t.py:1", &ok),
                   SE_OK);
  assert_int_equal(se_sym_expect_true(env, bin(env, SE_OP_LT, u, x.sizes[0]), "t.py:2", &ok),
                   SE_OK);
  guard(env, bin(env, SE_OP_GT, x.sizes[0], se_sym_int(C, 4)));
  expect_valid(env);
  se_env_free(env);
}

/* ---- an unsound recording ------------------------------------------------------------------ */

/* The model line "name: value" of report, or -1 when absent. */
static long model_value(const char *report, const char *name) {
  char key[128];
  snprintf(key, sizeof key, "  ==> %s: ", name);
  const char *p = strstr(report, key);
  return p ? strtol(p + strlen(key), NULL, 10) : -1;
}

/* The decision recorded for x.size(0) == y.size(0) is the guard
 * x.size(0) <= y.size(0): the guard admits inputs the trace rejects. */
static void test_unsound_guard_caught(void **state) {
  (void)state;
  se_env *env = tv_env();
  se_tensor_meta x = tensor(env, "x", 3, 4);
  se_tensor_meta y = tensor(env, "y", 3, 5);
  (void)y;
  se_sym w = tensor(env, "w", 6, 10).sizes[0];
  se_sym eq = bin(env, SE_OP_EQ, x.sizes[1], w);
  (void)eq;
  se_sym le = bin(env, SE_OP_LE, x.sizes[1], w);
  const se_expr *out;
  /* The graph says Eq (false here), the guard says Le. */
  se_sym ne = bin(env, SE_OP_NE, x.sizes[1], w);
  assert_int_equal(se_env_evaluate_expr(env, le.expr, NULL, ne.fx, false, NULL, &out), SE_OK);
  se_tv_result r;
  se_tv_options o;
  se_tv_options_init(&o);
  o.want_smt2 = true;
  assert_int_equal(se_validate_env(env, &o, &r), SE_OK);
  assert_int_equal(r.verdict, SE_TV_INVALID);
  const char *rep = r.report;
  assert_true(strncmp(rep, "translation validation failed.\n\nModel:\n  ==> ", 44) == 0);
  assert_non_null(strstr(rep, "\n\nAssertions:\n"));
  assert_non_null(strstr(rep, "\n\nTarget Expressions:\n"));
  assert_non_null(strstr(rep, "\n\nFailed Source Expressions:\n  ==> (!= "));
  /* The model satisfies the assertions and targets: the sizes equal their
   * symbols and the failing source is the equality. */
  long xs1 = model_value(rep, "L['x'].size()[1]"), ws0 = model_value(rep, "L['w'].size()[0]");
  assert_true(xs1 >= 2 && ws0 >= 2);
  assert_true(xs1 == ws0);
  /* The SMT-LIB2 script is the same query: Z3 reads it back as sat. */
  assert_non_null(r.smt2);
  se_tv *tv = se__tv_new(C);
  char *cmd = strstr(r.smt2, "(check-sat)");
  assert_non_null(cmd);
  *cmd = '\0'; /* the declarations and assertions only */
  Z3_ast_vector v = Z3_parse_smtlib2_string(tv->z, r.smt2, 0, NULL, NULL, 0, NULL, NULL);
  assert_int_equal(Z3_get_error_code(tv->z), Z3_OK);
  Z3_ast_vector_inc_ref(tv->z, v);
  Z3_solver s = Z3_mk_solver(tv->z);
  Z3_solver_inc_ref(tv->z, s);
  for (unsigned i = 0; i < Z3_ast_vector_size(tv->z, v); i++)
    Z3_solver_assert(tv->z, s, Z3_ast_vector_get(tv->z, v, i));
  assert_int_equal(Z3_solver_check(tv->z, s), Z3_L_TRUE);
  Z3_solver_dec_ref(tv->z, s);
  Z3_ast_vector_dec_ref(tv->z, v);
  se__tv_free(tv);
  se_tv_result_free(&r);
  se_env_free(env);
}

/* Bisection finds the evaluate_expr event that recorded the unsound guard
 * among sound ones, and replays at most twice the log length. */
static void test_bisect_locates(void **state) {
  (void)state;
  se_env *env = tv_env();
  se_tensor_meta x = tensor(env, "x", 3, 4);
  guard(env, bin(env, SE_OP_GT, x.sizes[0], se_sym_int(C, 2)));
  se_sym w = tensor(env, "w", 6, 10).sizes[0];
  guard(env, bin(env, SE_OP_LT, x.sizes[0], w));
  se_sym le = bin(env, SE_OP_LE, x.sizes[1], w);
  se_sym ne = bin(env, SE_OP_NE, x.sizes[1], w);
  const se_expr *out;
  assert_int_equal(se_env_evaluate_expr(env, le.expr, NULL, ne.fx, false, NULL, &out), SE_OK);
  size_t bad = se_env_event_count(env) - 1;
  guard(env, bin(env, SE_OP_GT, w, se_sym_int(C, 3)));
  guard(env, bin(env, SE_OP_LT, x.sizes[1], se_sym_int(C, 100)));
  se_bisect_result r;
  if (se_bisect_env(env, NULL, NULL, NULL, &r) != SE_OK) fail_msg("bisect: %s", se_errmsg(C));
  assert_int_equal(r.verdict, SE_TV_INVALID);
  assert_true(r.reproduced);
  assert_int_equal(r.event, (int64_t)bad);
  const char *head = "translation validation failed when evaluating: ";
  if (strncmp(r.report, head, strlen(head)) != 0) fail_msg("report:\n%s", r.report);
  assert_non_null(strstr(r.report, "\n\nFailure occurred while running node:\n    %_assert"));
  assert_non_null(strstr(r.report, "call_function[target=torch._assert](args = (%ne,), kwargs = {})"));
  assert_non_null(strstr(r.report, "\n\nModel:\n  ==> "));
  assert_true(r.replayed <= 2 * r.events);
  se_bisect_result_free(&r);
  se_env_free(env);
}

/* ---- what PyTorch's validator holds, text for text ------------------------------------------ */

static int cmp_text(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* z3str of every term of a set, sorted as the report sorts them, joined by
 * " | ". */
static char *sorted_texts(se_tv *tv, const se_astset *set) {
  char **v = calloc(set->n ? set->n : 1, sizeof *v);
  size_t len = 1;
  for (size_t i = 0; i < set->n; i++) {
    v[i] = se__tv_z3str(tv, set->v[i]);
    assert_non_null(v[i]);
    len += strlen(v[i]) + 3;
  }
  qsort(v, set->n, sizeof *v, cmp_text);
  char *out = calloc(len, 1);
  for (size_t i = 0; i < set->n; i++) {
    if (i) strcat(out, " | ");
    strcat(out, v[i]);
    free(v[i]);
  }
  free(v);
  return out;
}

/* SympyToZ3 runs a relation as Python's operator on z3py objects: with a
 * numeral on the right of another term, Python calls the numeral's
 * reflected method, so the constant comes first. PyTorch 2.13 (z3str of
 * SympyToZ3(validator).run(e), s0 positive, L['x'].storage_offset() and u0
 * integer):
 *   Eq(L['x'].storage_offset(), 0)  -> (== 0 L['x'].storage_offset())
 *   Eq(L['x'].storage_offset(), s0) -> (== L['x'].storage_offset() s0)
 *   s0 > 1                          -> (> s0 1)
 *   u0 <= 5                         -> (>= 5 u0)
 *   u0 >= 5                         -> (<= 5 u0)
 *   Ne(u0, 0)                       -> (!= 0 u0)
 *   Eq(Mod(s0, 32), 0)              -> (== 0 (+ s0 (* -32 (* 1/32 s0))))
 *   Ne(Mod(s0, 32), 0)              -> (!= 0 (+ s0 (* -32 (* 1/32 s0))))
 *   2 <= s0                         -> (<= 2 s0) */
static void test_relation_constant_first(void **state) {
  (void)state;
  se_ctx *c = se_ctx_new();
  assert_non_null(c);
  se_tv *tv = se__tv_new(c);
  assert_non_null(tv);
  static const char *const cases[][2] = {
      {"Eq(L['x'].storage_offset(), 0)", "(== 0 L['x'].storage_offset())"},
      {"Eq(L['x'].storage_offset(), s0)", "(== L['x'].storage_offset() s0)"},
      {"s0 > 1", "(> s0 1)"},
      {"u0 <= 5", "(>= 5 u0)"},
      {"u0 >= 5", "(<= 5 u0)"},
      {"Ne(u0, 0)", "(!= 0 u0)"},
      {"Eq(Mod(s0, 32), 0)", "(== 0 (+ s0 (* -32 (* 1/32 s0))))"},
      {"Ne(Mod(s0, 32), 0)", "(!= 0 (+ s0 (* -32 (* 1/32 s0))))"},
      {"2 <= s0", "(<= 2 s0)"},
  };
  const se_expr *x = isym(c, "L['x'].storage_offset()");
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    const char *t = cases[i][0];
    const se_expr *e;
    if (strncmp(t, "Eq(L['x']", 9) == 0) {
      /* A source's name is not SymPy text: build Eq(source symbol, rhs). */
      const se_expr *rhs = strstr(t, ", 0)") ? se_expr_int(c, 0) : se_expr_symbol(c, "s0");
      e = node2(c, SE_K_EQ, x, rhs);
    } else {
      e = se_parse(c, t, strlen(t));
    }
    if (!e) fail_msg("%s: %s", t, se_errmsg(c));
    char *got = se__tv_z3str(tv, se__tv_bool(tv, e));
    if (!got) fail_msg("%s: %s", t, se_errmsg(c));
    if (strcmp(got, cases[i][1]) != 0) fail_msg("%s: got %s, want %s", t, got, cases[i][1]);
    free(got);
  }
  se__tv_free(tv);
  se_ctx_free(c);
}

/* create_symbol adds the assertion sym > 1 for a positive int symbol, and
 * the variable's positivity is a target. PyTorch 2.13 with translation
 * validation on: create_symbol(5, L['a'], DYNAMIC) -> s71,
 * create_symintnode(s71, hint=5, source=L['a']); create_symbol(0, L['b'])
 * -> 0, create_symintnode(0, hint=0, source=L['b']); create_symbol(7,
 * L['c'], DYNAMIC, positive=None) -> s77. Sorted z3str of the validator's
 * assertions: (== 0 L['b']), (== L['a'] s71), (> s71 1); of its targets:
 * (> s71 0). */
/* A context of its own for a test that makes symbols with other
 * assumptions than the shared context's tests (s77 non-positive); the
 * shared one is back after the test, pass or fail. */
static int own_ctx_setup(void **state) {
  *state = C;
  C = se_ctx_new();
  return C ? 0 : -1;
}
static int own_ctx_teardown(void **state) {
  se_ctx_free(C);
  C = *state;
  return 0;
}

static void test_positive_symbol_assertion(void **state) {
  (void)state;
  se_env *env = tv_env();
  const se_source *a = se_source_local(C, "a"), *b = se_source_local(C, "b"),
                  *c = se_source_local(C, "c");
  const se_expr *sa, *sb, *sc;
  assert_int_equal(se_env_create_symbol(env, 5, a, SE_DIM_DYNAMIC, NULL, true, false, &sa), SE_OK);
  assert_int_equal(se_env_create_symbol(env, 0, b, SE_DIM_DYNAMIC, NULL, true, false, &sb), SE_OK);
  assert_int_equal(se_env_create_symbol(env, 7, c, SE_DIM_DYNAMIC, NULL, false, false, &sc), SE_OK);
  assert_string_equal(se_expr_symbol_name(sa), "s71");
  assert_string_equal(se_expr_symbol_name(sc), "s77");
  se_sym va, vb;
  assert_int_equal(se_env_create_symintnode(env, sa, se_expr_int(C, 5), a, &va), SE_OK);
  assert_int_equal(se_env_create_symintnode(env, sb, se_expr_int(C, 0), b, &vb), SE_OK);
  se_placeholder ph[2];
  memset(ph, 0, sizeof ph);
  ph[0].kind = ph[1].kind = SE_PH_VALUE;
  ph[0].value = va;
  ph[1].value = vb;
  const se_source *src[2] = {a, b};
  se_tv *tv = se__tv_new(C);
  assert_non_null(tv);
  assert_int_equal(se__tv_populate(tv, env), SE_OK);
  assert_int_equal(se__tv_env_targets(tv, env, ph, src, 2), SE_OK);
  char *as = sorted_texts(tv, &tv->assertions);
  assert_string_equal(as, "(== 0 L['b']) | (== L['a'] s71) | (> s71 1)");
  free(as);
  char *ts = sorted_texts(tv, &tv->targets);
  if (!strstr(ts, "(> s71 0)")) fail_msg("targets: %s", ts);
  free(ts);
  se__tv_free(tv);
  se_env_free(env);
}

/* An unsound environment whose report is longer than any fixed buffer:
 * produce_guards (validating, SHAPEENV_VALIDATE_GUARDS=1) fails with the
 * whole report as its message. */
static void test_long_report_not_cut(void **state) {
  (void)state;
  se_env *env = tv_env();
  se_tensor_meta x = tensor(env, "x", 3, 4);
  tensor(env, "y", 3, 5);
  se_sym w = tensor(env, "w", 6, 10).sizes[0];
  tensor(env, "a_rather_long_input_name", 7, 11);
  tensor(env, "another_rather_long_input_name", 12, 13);
  se_sym le = bin(env, SE_OP_LE, x.sizes[1], w);
  se_sym ne = bin(env, SE_OP_NE, x.sizes[1], w);
  const se_expr *out;
  assert_int_equal(se_env_evaluate_expr(env, le.expr, NULL, ne.fx, false, NULL, &out), SE_OK);
  se_tv_result r;
  assert_int_equal(se_validate_env(env, NULL, &r), SE_OK);
  assert_int_equal(r.verdict, SE_TV_INVALID);
  assert_true(strlen(r.report) > 2000);
  size_t n = se_env_tracked_count(env);
  se_placeholder ph[8];
  const se_source *src[8];
  assert_true(n <= 8);
  for (size_t i = 0; i < n; i++) assert_int_equal(se_env_tracked(env, i, &src[i], &ph[i]), SE_OK);
  char **g = NULL;
  size_t ng = 0;
  assert_int_equal(setenv("SHAPEENV_VALIDATE_GUARDS", "1", 1), 0);
  se_status st = se_env_produce_guards(env, ph, src, n, true, false, &g, &ng);
  unsetenv("SHAPEENV_VALIDATE_GUARDS");
  char *msg = strdup(se_errmsg(C));
  se_clear_error(C);
  assert_string_equal(se_errmsg(C), "");
  assert_int_equal(st, SE_VALIDATION);
  assert_null(g);
  assert_int_equal(strlen(msg), strlen(r.report));
  assert_string_equal(msg, r.report);
  free(msg);
  se_tv_result_free(&r);
  se_env_free(env);
}

/* PyTorch's bisection names the traced node that was running when the
 * failing _assert node was made (its meta["current_node"], printed with
 * format_node()). */
static void test_bisect_names_current_node(void **state) {
  (void)state;
  const char *split = "%split : [num_users=3] = call_method[target=split](args = (%l_x_, (...)), "
                      "kwargs = {})";
  se_env *env = tv_env();
  assert_int_equal(se_env_set_current_node(env, "%size : [num_users=1] = call_method[target=size]"
                                                "(args = (%l_x_, 0), kwargs = {})"),
                   SE_OK);
  se_tensor_meta x = tensor(env, "x", 3, 4);
  guard(env, bin(env, SE_OP_GT, x.sizes[0], se_sym_int(C, 2)));
  se_sym w = tensor(env, "w", 6, 10).sizes[0];
  assert_int_equal(se_env_set_current_node(env, split), SE_OK);
  se_sym le = bin(env, SE_OP_LE, x.sizes[1], w);
  se_sym ne = bin(env, SE_OP_NE, x.sizes[1], w);
  const se_expr *out;
  assert_int_equal(se_env_evaluate_expr(env, le.expr, NULL, ne.fx, false, NULL, &out), SE_OK);
  assert_int_equal(se_env_set_current_node(env, NULL), SE_OK);
  guard(env, bin(env, SE_OP_GT, w, se_sym_int(C, 3)));
  se_bisect_result r;
  if (se_bisect_env(env, NULL, NULL, NULL, &r) != SE_OK) fail_msg("bisect: %s", se_errmsg(C));
  assert_int_equal(r.verdict, SE_TV_INVALID);
  char want[512];
  snprintf(want, sizeof want, "\n\nFailure occurred while running node:\n    %s\n\nModel:\n", split);
  if (!strstr(r.report, want)) fail_msg("report:\n%s", r.report);
  assert_null(strstr(r.report, "%_assert"));
  se_bisect_result_free(&r);
  se_env_free(env);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_d3_sympy_to_z3),      cmocka_unit_test(test_unknown_kind),
      cmocka_unit_test(test_d4_sat),              cmocka_unit_test(test_d5_unsat),
      cmocka_unit_test(test_d6_sat_bitwise),      cmocka_unit_test(test_d7_z3str),
      cmocka_unit_test(test_env_no_false_alarms), cmocka_unit_test(test_unsound_guard_caught),
      cmocka_unit_test(test_bisect_locates),
      cmocka_unit_test(test_relation_constant_first),
      cmocka_unit_test_setup_teardown(test_positive_symbol_assertion, own_ctx_setup,
                                      own_ctx_teardown),
      cmocka_unit_test(test_long_report_not_cut),
      cmocka_unit_test(test_bisect_names_current_node),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
