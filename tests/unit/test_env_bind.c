/* bind_symbols and evaluate_guards_for_args against PyTorch 2.13's answers
 * for the same environments (ShapeEnv with FakeTensorMode.from_tensor):
 *
 *   x = from_tensor(empty(6, 4), L['x'], dynamic_sizes=[DYNAMIC] * 2)
 *   y = from_tensor(empty(6, 5), L['y'], dynamic_sizes=[DYNAMIC] * 2)
 *   x.shape[0] % 3 == 0; x.shape[1] < y.shape[1]      (both guarded)
 *   bind_symbols([x, y], [empty(9, 2), empty(9, 7)])
 *     -> {s77: 9, s27: 2, s17: 9, s94: 7}
 *   evaluate_guards_for_args([x, y], ...) for the inputs of test_evaluate. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "shapeenv.h"

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

/* A 2-d contiguous tensor input named name, sizes dynamic (or duck). */
static se_tensor_meta tensor(se_env *env, const char *name, int64_t d0, int64_t d1, bool duck) {
  int64_t sizes[2] = {d0, d1}, strides[2] = {d1, 1};
  se_dim_dynamic dyn[2] = {SE_DIM_DYNAMIC, SE_DIM_DYNAMIC};
  se_tensor_spec spec;
  memset(&spec, 0, sizeof spec);
  spec.dim = 2;
  spec.sizes = sizes;
  spec.strides = strides;
  spec.dynamic_sizes = duck ? NULL : dyn;
  se_tensor_meta t;
  if (se_env_create_tensor(env, &spec, se_source_local(C, name), &t) != SE_OK)
    fail_msg("create %s: %s", name, se_errmsg(C));
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

/* The environment of the file comment; ph[0], ph[1] are x and y. */
static se_env *xy_env(se_placeholder ph[2]) {
  se_env *env = se_env_new(C, NULL);
  assert_non_null(env);
  se_tensor_meta x = tensor(env, "x", 6, 4, false), y = tensor(env, "y", 6, 5, false);
  guard(env, bin(env, SE_OP_EQ, bin(env, SE_OP_MOD, x.sizes[0], se_sym_int(C, 3)),
                 se_sym_int(C, 0)));
  guard(env, bin(env, SE_OP_LT, x.sizes[1], y.sizes[1]));
  memset(ph, 0, 2 * sizeof *ph);
  ph[0].kind = ph[1].kind = SE_PH_TENSOR;
  ph[0].tensor = x;
  ph[1].tensor = y;
  return env;
}

static se_concrete real_tensor(const int64_t *sizes, const int64_t *strides) {
  se_concrete c;
  memset(&c, 0, sizeof c);
  c.kind = SE_CONCRETE_TENSOR;
  c.dim = 2;
  c.sizes = sizes;
  c.strides = strides;
  return c;
}

static void check_bindings(const se_binding *b, size_t n, const char *want) {
  char got[256] = "{";
  for (size_t i = 0; i < n; i++) {
    char item[64];
    snprintf(item, sizeof item, "%s%s: %lld", i ? ", " : "", se_expr_symbol_name(b[i].symbol),
             (long long)b[i].value);
    strcat(got, item);
  }
  strcat(got, "}");
  assert_string_equal(got, want);
}

static void test_bind(void **state) {
  (void)state;
  se_placeholder ph[2];
  se_env *env = xy_env(ph);
  const int64_t s0[2] = {9, 2}, t0[2] = {2, 1}, s1[2] = {9, 7}, t1[2] = {7, 1};
  se_concrete args[2] = {real_tensor(s0, t0), real_tensor(s1, t1)};
  se_binding *b = NULL;
  size_t n = 0;
  if (se_env_bind_symbols(env, ph, args, 2, &b, &n) != SE_OK) fail_msg("%s", se_errmsg(C));
  check_bindings(b, n, "{s77: 9, s27: 2, s17: 9, s94: 7}");
  se_free(b);
  se_env_free(env);
}

/* Duck sizing: x and y share s77, so 9 and 8 for it conflict. Then
 * bind_symbols([-n, x], [-5, empty(3, 4)]) with n = create_symintnode of
 * create_symbol(7, L['n'], DYNAMIC): {s86: 5, s77: 3, s27: 4}; and a plain
 * int placeholder: "Expected Tensor, got <class 'int'>". */
static void test_bind_duck_negative_errors(void **state) {
  (void)state;
  se_env *env = se_env_new(C, NULL);
  assert_non_null(env);
  se_tensor_meta x = tensor(env, "x", 6, 4, true), y = tensor(env, "y", 6, 5, true);
  se_placeholder ph[2];
  memset(ph, 0, sizeof ph);
  ph[0].kind = ph[1].kind = SE_PH_TENSOR;
  ph[0].tensor = x;
  ph[1].tensor = y;
  const int64_t s0[2] = {9, 2}, t0[2] = {2, 1}, s1[2] = {8, 7}, t1[2] = {7, 1};
  se_concrete args[2] = {real_tensor(s0, t0), real_tensor(s1, t1)};
  se_binding *b = NULL;
  size_t n = 0;
  assert_int_equal(se_env_bind_symbols(env, ph, args, 2, &b, &n), SE_INVALID);
  assert_string_equal(se_errmsg(C), "9 != 8");
  assert_null(b);
  se_clear_error(C);

  const se_source *ns = se_source_local(C, "n");
  const se_expr *s;
  assert_int_equal(se_env_create_symbol(env, 7, ns, SE_DIM_DYNAMIC, NULL, true, false, &s), SE_OK);
  se_sym nv, neg;
  assert_int_equal(se_env_create_symintnode(env, s, se_expr_int(C, 7), ns, &nv), SE_OK);
  assert_int_equal(se_sym_unary(env, SE_FN_NEG, nv, &neg), SE_OK);
  se_placeholder ph2[2];
  memset(ph2, 0, sizeof ph2);
  ph2[0].kind = SE_PH_VALUE;
  ph2[0].value = neg;
  ph2[1].kind = SE_PH_TENSOR;
  ph2[1].tensor = x;
  const int64_t s2[2] = {3, 4}, t2[2] = {4, 1};
  se_concrete args2[2];
  memset(args2, 0, sizeof args2);
  args2[0].kind = SE_CONCRETE_INT;
  args2[0].value = -5;
  args2[1] = real_tensor(s2, t2);
  if (se_env_bind_symbols(env, ph2, args2, 2, &b, &n) != SE_OK) fail_msg("%s", se_errmsg(C));
  check_bindings(b, n, "{s86: 5, s77: 3, s27: 4}");
  se_free(b);

  se_placeholder three;
  memset(&three, 0, sizeof three);
  three.kind = SE_PH_VALUE;
  three.value = se_sym_int(C, 3);
  se_concrete a3;
  memset(&a3, 0, sizeof a3);
  a3.kind = SE_CONCRETE_INT;
  a3.value = 3;
  assert_int_equal(se_env_bind_symbols(env, &three, &a3, 1, &b, &n), SE_INVALID);
  assert_string_equal(se_errmsg(C), "Expected Tensor, got <class 'int'>");
  se_clear_error(C);
  se_env_free(env);
}

/* PyTorch's produce_guards_expression([x, y]) is
 *   L['t0'].stride()[0] == L['t0'].size()[1] and L['t1'].stride()[0] ==
 *   L['t1'].size()[1] and (L['t0'].size()[0] % 3) == 0 and
 *   L['t0'].size()[1] < L['t1'].size()[1] and 2 <= L['t0'].size()[0] and
 *   2 <= L['t0'].size()[1] and 2 <= L['t1'].size()[0] and 3 <= L['t1'].size()[1]
 * and evaluate_guards_for_args gives True for (9,2)+(9,7), False for
 * (8,2)+(8,7), False for (9,7)+(9,2), False for (9,2)+(7,9) strided (1,7),
 * True for (9,2)+(3,7); with ignore_static=False, (9,2)+(7,9) is False. */
static void test_evaluate(void **state) {
  (void)state;
  se_placeholder ph[2];
  se_env *env = xy_env(ph);
  const se_source *src[2] = {se_source_local(C, "t0"), se_source_local(C, "t1")};
  char **g = NULL;
  size_t ng = 0;
  assert_int_equal(se_env_produce_guards(env, ph, src, 2, true, false, &g, &ng), SE_OK);
  const char *want[] = {
      "L['t0'].stride()[0] == L['t0'].size()[1]", "L['t1'].stride()[0] == L['t1'].size()[1]",
      "(L['t0'].size()[0] % 3) == 0",             "L['t0'].size()[1] < L['t1'].size()[1]",
      "2 <= L['t0'].size()[0]",                   "2 <= L['t0'].size()[1]",
      "2 <= L['t1'].size()[0]",                   "3 <= L['t1'].size()[1]",
  };
  assert_int_equal(ng, sizeof want / sizeof want[0]);
  for (size_t i = 0; i < ng; i++) {
    assert_string_equal(g[i], want[i]);
    se_free(g[i]);
  }
  se_free(g);

  static const struct {
    int64_t s0[2], t0[2], s1[2], t1[2];
    bool ignore_static, want;
  } cases[] = {
      {{9, 2}, {2, 1}, {9, 7}, {7, 1}, true, true},
      {{8, 2}, {2, 1}, {8, 7}, {7, 1}, true, false},
      {{9, 7}, {7, 1}, {9, 2}, {2, 1}, true, false},
      {{9, 2}, {2, 1}, {7, 9}, {1, 7}, true, false},
      {{9, 2}, {2, 1}, {3, 7}, {7, 1}, true, true},
      {{9, 2}, {2, 1}, {7, 9}, {1, 7}, false, false},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    se_concrete args[2] = {real_tensor(cases[i].s0, cases[i].t0),
                           real_tensor(cases[i].s1, cases[i].t1)};
    bool ok = !cases[i].want;
    if (se_env_evaluate_guards_for_args(env, ph, args, 2, cases[i].ignore_static, &ok) != SE_OK)
      fail_msg("case %zu: %s", i, se_errmsg(C));
    if (ok != cases[i].want) fail_msg("case %zu: got %d, want %d", i, ok, cases[i].want);
  }

  /* Nothing changed: the guards are produced again as before. */
  assert_int_equal(se_env_produce_guards(env, ph, src, 2, true, false, &g, &ng), SE_OK);
  assert_int_equal(ng, sizeof want / sizeof want[0]);
  for (size_t i = 0; i < ng; i++) se_free(g[i]);
  se_free(g);

  /* An int for a tensor placeholder is bad input. */
  se_concrete bad[2];
  memset(bad, 0, sizeof bad);
  bad[0].kind = bad[1].kind = SE_CONCRETE_INT;
  bool ok;
  assert_int_equal(se_env_evaluate_guards_for_args(env, ph, bad, 2, true, &ok), SE_INVALID);
  se_clear_error(C);
  se_env_free(env);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_bind),
      cmocka_unit_test(test_bind_duck_negative_errors),
      cmocka_unit_test(test_evaluate),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
