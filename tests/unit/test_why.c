/* Provenance queries: which events made a guard, a symbol's history, a
 * source's binding (issue: duck-sized equality, replacement from an
 * equality, specialisation through a range narrowed to one value, a
 * divisibility guard, an unbacked runtime assert, a range narrowed twice). */
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

static se_env *new_env(void) {
  se_env_options o;
  se_env_options_init(&o);
  o.translation_validation = true;
  se_env *env = se_env_new(C, &o);
  assert_non_null(env);
  se_env_set_provenance(env, true);
  return env;
}

/* A 1-D tensor named L[name] of size n. */
static se_tensor_meta tensor1(se_env *env, const char *name, int64_t n, const char *loc) {
  const int64_t sizes[] = {n}, strides[] = {1};
  se_tensor_spec spec;
  memset(&spec, 0, sizeof spec);
  spec.dim = 1;
  spec.sizes = sizes;
  spec.strides = strides;
  se_tensor_meta m;
  assert_int_equal(se_env_set_location(env, loc), SE_OK);
  assert_int_equal(se_env_create_tensor(env, &spec, se_source_local(C, name), &m), SE_OK);
  return m;
}

static const se_expr *rel(se_kind k, const se_expr *a, const se_expr *b) {
  const se_expr *v[2] = {a, b};
  return se_expr_call(C, k, v, 2);
}

static void decide(se_env *env, const se_expr *e, const char *loc) {
  const se_expr *out;
  assert_int_equal(se_env_set_location(env, loc), SE_OK);
  assert_int_equal(se_env_evaluate_expr(env, e, NULL, -1, false, NULL, &out), SE_OK);
}

static char *why(se_env *env, se_why_kind k, const char *q, bool json) {
  char *out = NULL;
  se_status st = se_env_why(env, k, q, json, &out);
  if (st != SE_OK) fail_msg("why '%s' failed: %s", q, se_errmsg(C));
  return out;
}

static void expect_has(const char *text, const char *part) {
  if (!strstr(text, part)) fail_msg("missing '%s' in:\n%s", part, text);
}

/* Duck sizing: L['z'].size()[0] == L['y'].size()[0] comes from z's binding. */
static void test_duck_equality(void **state) {
  (void)state;
  se_env *env = new_env();
  tensor1(env, "y", 3, "model.py:10 in forward");
  tensor1(env, "z", 3, "model.py:11 in forward");
  char *s = why(env, SE_WHY_GUARD, "L['z'].size()[0] == L['y'].size()[0]", false);
  expect_has(s, "guard: L['z'].size()[0] == L['y'].size()[0]\n");
  expect_has(s, "matches: input equality of L['z'].size()[0]\n");
  expect_has(s, "[2] event: _create_symbolic_sizes_strides_storage_offset");
  expect_has(s, " at model.py:11 in forward\n");
  expect_has(s, "    source L['z'].size()[0] bound to s17\n");
  se_free(s);
  se_env_free(env);
}

/* An equality guard solved into a replacement of the larger-hint symbol. */
static void test_replacement(void **state) {
  (void)state;
  se_env *env = new_env();
  se_tensor_meta x = tensor1(env, "x", 6, "m.py:1");
  se_tensor_meta y = tensor1(env, "y", 3, "m.py:2");
  const se_expr *two_y = se_expr_mul(C, se_expr_int(C, 2), y.sizes[0].expr);
  decide(env, rel(SE_K_EQ, x.sizes[0].expr, two_y), "m.py:3");
  char *s = why(env, SE_WHY_GUARD, "L['x'].size()[0] == 2*L['y'].size()[0]", false);
  expect_has(s, "[3] event: evaluate_expr");
  expect_has(s, " at m.py:3\n");
  expect_has(s, "    replacement s77 -> 2*s17\n");
  se_free(s);
  s = why(env, SE_WHY_SYMBOL, "s77", false);
  expect_has(s, "[1] event: _create_symbolic_sizes_strides_storage_offset");
  expect_has(s, "    created s77 with hint 6\n");
  expect_has(s, "    added guard Eq(s77, 2*s17)\n");
  se_free(s);
  se_env_free(env);
}

/* x > 5 then x <= 6: both events narrowed the range, the second specialised. */
static void test_range_two_guards(void **state) {
  (void)state;
  se_env *env = new_env();
  se_tensor_meta x = tensor1(env, "x", 6, "a.py:1");
  decide(env, rel(SE_K_GT, x.sizes[0].expr, se_expr_int(C, 5)), "a.py:2");
  decide(env, rel(SE_K_LE, x.sizes[0].expr, se_expr_int(C, 6)), "a.py:3");
  char *s = why(env, SE_WHY_SYMBOL, "s77", false);
  expect_has(s, "symbol: s77\nspecialized to 6\n");
  expect_has(s, "[2] event: evaluate_expr");
  expect_has(s, "    range of s77 is now VR[6, int_oo]\n");
  expect_has(s, "[3] event: evaluate_expr");
  expect_has(s, "    range of s77 is now VR[6, 6]\n");
  expect_has(s, "    replacement s77 -> 6\n");
  se_free(s);
  s = why(env, SE_WHY_SOURCE, "L['x'].size()[0]", true);
  expect_has(s, "\"kind\": \"source\"");
  expect_has(s, "\"location\": \"a.py:3\"");
  expect_has(s, "\"replacement s77 -> 6\"");
  se_free(s);
  se_env_free(env);
}

/* A divisibility guard: x % 3 == 0 adds Mod(s77, 3) to divisible. */
static void test_divisibility(void **state) {
  (void)state;
  se_env *env = new_env();
  se_tensor_meta x = tensor1(env, "x", 6, "c.py:1");
  const se_expr *mod = se_expr_call(C, SE_K_MOD, (const se_expr *[]){x.sizes[0].expr, se_expr_int(C, 3)}, 2);
  decide(env, rel(SE_K_EQ, mod, se_expr_int(C, 0)), "c.py:2");
  char *s = why(env, SE_WHY_GUARD, "Eq(Mod(s77, 3), 0)", false);
  expect_has(s, "matches: guard Eq(Mod(s77, 3), 0)\n");
  expect_has(s, "    added guard Eq(Mod(s77, 3), 0)\n");
  expect_has(s, "    divisible: Mod(s77, 3) == 0\n");
  se_free(s);
  se_env_free(env);
}

/* An unbacked runtime assert filed under u0. */
static void test_runtime_assert(void **state) {
  (void)state;
  se_env *env = new_env();
  se_sym u;
  assert_int_equal(se_env_create_unbacked_symint(env, &u), SE_OK);
  const se_expr *pm = se_expr_call(C, SE_K_PYTHONMOD, (const se_expr *[]){u.expr, se_expr_int(C, 3)}, 2);
  assert_int_equal(se_env_set_location(env, "d.py:7"), SE_OK);
  assert_int_equal(se_env_guard_or_defer_runtime_assert(env, rel(SE_K_EQ, pm, se_expr_int(C, 0)), "d.py:7", -1), SE_OK);
  char *s = why(env, SE_WHY_GUARD, "Eq(PythonMod(u0, 3), 0)", false);
  expect_has(s, "matches: runtime assert Eq(PythonMod(u0, 3), 0)\n");
  expect_has(s, "[2] event: guard_or_defer_runtime_assert");
  expect_has(s, " at d.py:7\n");
  expect_has(s, "    runtime assert Eq(PythonMod(u0, 3), 0) (filed under u0)\n");
  se_free(s);
  /* Nothing matches: a clear error. */
  char *none = NULL;
  assert_int_equal(se_env_why(env, SE_WHY_GUARD, "s1 > 7", false, &none), SE_NOTFOUND);
  assert_string_equal(se_errmsg(C), "no guard matches 's1 > 7'");
  se_clear_error(C);
  se_env_free(env);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_duck_equality), cmocka_unit_test(test_replacement),
      cmocka_unit_test(test_range_two_guards), cmocka_unit_test(test_divisibility),
      cmocka_unit_test(test_runtime_assert),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
