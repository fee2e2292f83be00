/* Translation validation: peer cases D3-D7 (spec/peer-cases.md), no false
 * alarms on ordinary environments, and an unsound recording caught with a
 * report whose model satisfies the assertions and targets. */
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
  se_tensor_spec spec = {2, sizes, strides, 0, false, NULL, NULL, NULL};
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

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_d3_sympy_to_z3),      cmocka_unit_test(test_unknown_kind),
      cmocka_unit_test(test_d4_sat),              cmocka_unit_test(test_d5_unsat),
      cmocka_unit_test(test_d6_sat_bitwise),      cmocka_unit_test(test_d7_z3str),
      cmocka_unit_test(test_env_no_false_alarms), cmocka_unit_test(test_unsound_guard_caught),
      cmocka_unit_test(test_bisect_locates),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
