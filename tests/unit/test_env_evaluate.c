/* The decision engine of the environment: evaluate_expr, runtime asserts,
 * replacements, range refinement, divisibility, axioms and static
 * evaluation, checked against the state changes of spec/shapeenv.md 3.6
 * (examples 4-7) and peer cases A6-A9, B1-B4, B13, C1-C4, C7-C14, C19.
 * Symbols are made by hand (hint in backed_var_to_val, range in
 * var_to_range), as create_symbol would make them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "env/simplify.h"

static se_ctx *C;

static const se_expr *P(const char *text) {
  const se_expr *e = se_parse(C, text, strlen(text));
  if (!e) fail_msg("cannot parse %s: %s", text, se_errmsg(C));
  return e;
}

static void check_str(const se_expr *e, const char *want) {
  if (!e) fail_msg("no expression for %s: %s", want, se_errmsg(C));
  char *s = se_expr_str(C, e);
  if (!s) fail_msg("cannot print %s: %s", want, se_errmsg(C));
  assert_string_equal(s, want);
  se_free(s);
}

static se_env *new_env(bool szo, bool prefer_deferred) {
  se_env_options o;
  se_env_options_init(&o);
  o.specialize_zero_one = szo;
  o.prefer_deferred_runtime_asserts_over_guards = prefer_deferred;
  se_env *env = se_env_new(C, &o);
  assert_non_null(env);
  return env;
}

/* A backed size symbol with hint v and range [lo, int_oo]. */
static const se_expr *backed(se_env *env, const char *name, int64_t v, int64_t lo) {
  const se_expr *s = P(name);
  se_range r = se__vr_make(C, se__int(C, lo), se__const(C, SE_K_INT_OO));
  assert_true(se__st_put_e(env, &env->backed_var_to_val, s, (se_mapval){.p = se__int(C, v)}));
  assert_true(se__st_put_e(env, &env->var_to_range, s, (se_mapval){.p = se__env_range_copy(env, r)}));
  return s;
}

/* An unbacked int symbol with range [-int_oo, int_oo]. */
static const se_expr *unbacked(se_env *env, const char *name) {
  const se_expr *s = P(name);
  se_range r = se__vr_unknown_int(C);
  assert_true(se__st_put_e(env, &env->var_to_range, s, (se_mapval){.p = se__env_range_copy(env, r)}));
  return s;
}

static const se_expr *eval_ok(se_env *env, const char *text) {
  const se_expr *out = NULL;
  se_status st = se_env_evaluate_expr(env, P(text), NULL, -1, false, NULL, &out);
  if (st != SE_OK) fail_msg("evaluate %s failed: %s", text, se_errmsg(C));
  return out;
}

static void defer_ok(se_env *env, const char *text) {
  se_status st = se_env_guard_or_defer_runtime_assert(env, P(text), " test", -1);
  if (st != SE_OK) fail_msg("runtime assert %s failed: %s", text, se_errmsg(C));
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A map of expressions printed as PyTorch's NotEqualError prints a dict:
 * "{k: v, ...}" sorted by str(k); values by kind (truth or expression). */
static char *dump_map(const se_map *m, bool truth_values) {
  char *items[64];
  size_t n = 0;
  SE_MAP_EACH(m, me) {
    char *k = se_expr_str(C, me->key);
    char *v = truth_values ? NULL : se_expr_str(C, me->val.p);
    size_t len = strlen(k) + (v ? strlen(v) : 5) + 4;
    items[n] = malloc(len);
    snprintf(items[n], len, "%s: %s", k, truth_values ? (me->val.i ? "True" : "False") : v);
    n++;
    se_free(k);
    se_free(v);
  }
  qsort(items, n, sizeof items[0], cmp_str);
  size_t total = 3;
  for (size_t i = 0; i < n; i++) total += strlen(items[i]) + 2;
  char *out = malloc(total);
  strcpy(out, "{");
  for (size_t i = 0; i < n; i++) {
    if (i) strcat(out, ", ");
    strcat(out, items[i]);
    free(items[i]);
  }
  strcat(out, "}");
  return out;
}

static void check_map(const se_map *m, bool truth_values, const char *want) {
  char *got = dump_map(m, truth_values);
  assert_string_equal(got, want);
  free(got);
}

static void check_guard(se_env *env, size_t i, const char *want) {
  assert_true(env->guards.n > i);
  check_str(SE_VEC_AT(&env->guards, se_guard, i).expr, want);
}

static void check_range(se_env *env, const char *sym, const char *want) {
  const se_range *r = se__env_range(env, P(sym));
  assert_non_null(r);
  char *s = se_range_str(C, *r);
  assert_string_equal(s, want);
  se_free(s);
}

/* deferred_runtime_asserts[key] printed as a list. */
static void check_deferred(se_env *env, const char *key, const char *want) {
  const void *k = key ? (const void *)P(key) : (const void *)&env->none_key;
  uint64_t h = key ? P(key)->hash : SE_ENV_NONE_KEY_HASH;
  se_map_entry *me = se__map_find(&env->deferred_runtime_asserts, k, h);
  assert_non_null(me);
  const se_ralist *l = me->val.p;
  char buf[512] = "[";
  for (size_t i = 0; i < l->n; i++) {
    char *s = se_expr_str(C, l->v[i].expr);
    if (i) strcat(buf, ", ");
    strcat(buf, s);
    se_free(s);
  }
  strcat(buf, "]");
  assert_string_equal(buf, want);
}

/* ---- 3.6 examples 4-7 / peer cases A6-A9 ---------------------------------------------- */

static void test_a6_divisible(void **state) {
  (void)state;
  se_env *env = new_env(true, false);
  backed(env, "s93", 3, 2);
  backed(env, "s44", 2, 2);
  const se_expr *r = eval_ok(env, "Eq(Mod(s93, 3), 0)");
  assert_int_equal(r->kind, SE_K_TRUE);
  check_map(&env->axioms, true,
            "{(Mod(s93, 3)) < 0: False, (Mod(s93, 3)) <= 0: True, 0 < (Mod(s93, 3)): False, "
            "0 <= (Mod(s93, 3)): True, Eq(0, Mod(s93, 3)): True, Eq(Mod(s93, 3), 0): True, "
            "Ne(0, Mod(s93, 3)): False, Ne(Mod(s93, 3), 0): False}");
  assert_int_equal(env->divisible.live, 1);
  assert_non_null(se__st_get(&env->divisible, P("Mod(s93, 3)")));
  assert_int_equal(env->guards.n, 1);
  check_guard(env, 0, "Eq(Mod(s93, 3), 0)");
  assert_int_equal(env->replacements.live, 0);
  se_env_free(env);
}

static void test_a7_replacement(void **state) {
  (void)state;
  se_env *env = new_env(true, false);
  backed(env, "s93", 3, 2);
  backed(env, "s44", 2, 2);
  assert_int_equal(eval_ok(env, "Eq(s93, 3)")->kind, SE_K_TRUE);
  check_map(&env->axioms, true, "{False: False, True: True}");
  assert_int_equal(env->guards.n, 1);
  check_guard(env, 0, "Eq(s93, 3)");
  check_map(&env->replacements, false, "{s93: 3}");
  check_range(env, "s93", "VR[3, 3]");
  check_range(env, "s44", "VR[2, int_oo]");
  se_env_free(env);
}

static void test_a8_refinement(void **state) {
  (void)state;
  se_env *env = new_env(true, false);
  backed(env, "s93", 3, 2);
  backed(env, "s44", 2, 2);
  assert_int_equal(eval_ok(env, "s93 >= 3")->kind, SE_K_TRUE);
  check_map(&env->axioms, true, "{3 <= s93: True, s93 < 3: False}");
  check_guard(env, 0, "s93 >= 3");
  check_range(env, "s93", "VR[3, int_oo]");
  assert_int_equal(env->replacements.live, 0);
  se_env_free(env);
}

/* _refine_ranges compares the bounds with <= / >=: equal lower bounds and
 * a strict relation raise the greater side by one. PyTorch 2.13, symbols
 * from create_symbol(5, L['a']) and create_symbol(3, L['b']):
 * evaluate_expr(s71 > s56) gives {s71: VR[3, int_oo], s56: VR[2, int_oo]};
 * with both constrained to [2, 10] and hints 3, 5, evaluate_expr(s71 < s56)
 * gives {s71: VR[2, 9], s56: VR[3, 10]}; s71 >= s56 changes nothing. */
static void test_refine_equal_bounds(void **state) {
  (void)state;
  se_env *env = new_env(true, false);
  backed(env, "s71", 5, 2);
  backed(env, "s56", 3, 2);
  assert_int_equal(eval_ok(env, "s71 > s56")->kind, SE_K_TRUE);
  check_range(env, "s71", "VR[3, int_oo]");
  check_range(env, "s56", "VR[2, int_oo]");
  se_env_free(env);

  env = new_env(true, false);
  const se_expr *a = backed(env, "s71", 3, 2), *b = backed(env, "s56", 5, 2);
  assert_int_equal(se_env_constrain_symbol_range(env, a, se__int(C, 2), se__int(C, 10)), SE_OK);
  assert_int_equal(se_env_constrain_symbol_range(env, b, se__int(C, 2), se__int(C, 10)), SE_OK);
  assert_int_equal(eval_ok(env, "s71 < s56")->kind, SE_K_TRUE);
  check_range(env, "s71", "VR[2, 9]");
  check_range(env, "s56", "VR[3, 10]");
  se_env_free(env);

  env = new_env(true, false);
  backed(env, "s71", 5, 2);
  backed(env, "s56", 3, 2);
  assert_int_equal(eval_ok(env, "s71 >= s56")->kind, SE_K_TRUE);
  check_range(env, "s71", "VR[2, int_oo]");
  check_range(env, "s56", "VR[2, int_oo]");
  se_env_free(env);
}

static void test_a9_runtime_assert(void **state) {
  (void)state;
  se_env *env = new_env(true, false);
  unbacked(env, "u0");
  defer_ok(env, "Eq(PythonMod(u0, 3), 0)");
  check_map(&env->axioms, true,
            "{(PythonMod(u0, 3)) < 0: False, (PythonMod(u0, 3)) <= 0: True, "
            "0 < (PythonMod(u0, 3)): False, 0 <= (PythonMod(u0, 3)): True, "
            "Eq(0, PythonMod(u0, 3)): True, Eq(PythonMod(u0, 3), 0): True, "
            "Ne(0, PythonMod(u0, 3)): False, Ne(PythonMod(u0, 3), 0): False}");
  check_deferred(env, "u0", "[Eq(PythonMod(u0, 3), 0)]");
  assert_int_equal(env->num_deferred_runtime_asserts, 1);
  assert_int_equal(env->divisible.live, 0);
  assert_int_equal(env->guards.n, 0);
  se_env_free(env);
}

/* ---- B: guard texts ------------------------------------------------------------------------ */

static void test_b1_guard_int(void **state) {
  (void)state;
  se_env *env = new_env(true, false);
  backed(env, "s97", 2, 2);
  check_str(eval_ok(env, "s97"), "2");
  assert_int_equal(env->guards.n, 1);
  check_guard(env, 0, "Eq(s97, 2)");
  check_map(&env->replacements, false, "{s97: 2}");
  se_env_free(env);
}

static void test_b4_sym_int(void **state) {
  (void)state;
  se_env *env = new_env(true, false);
  backed(env, "s97", 5, 2);
  backed(env, "s26", 7, 2);
  backed(env, "s57", 3, 2);
  check_str(eval_ok(env, "s97"), "5");
  check_str(eval_ok(env, "TruncToInt(IntTrueDiv(s26, 2))"), "3");
  check_str(eval_ok(env, "TruncToInt(2.0*ToFloat(s57))"), "6");
  assert_int_equal(env->guards.n, 3);
  check_guard(env, 0, "Eq(s97, 5)");
  check_guard(env, 1, "Eq(TruncToInt(IntTrueDiv(s26, 2)), 3)");
  check_guard(env, 2, "Eq(TruncToInt(2.0*ToFloat(s57)), 6)");
  se_env_free(env);
}

static void test_b3_prefer_deferred(void **state) {
  (void)state;
  se_env *env = new_env(true, true);
  backed(env, "s97", 2, 2);
  check_str(eval_ok(env, "s97"), "2");
  check_guard(env, 0, "Eq(s97, 2)");
  se_env_free(env);
  env = new_env(true, true);
  backed(env, "s97", 2, 2);
  defer_ok(env, "Eq(s97, 2)");
  assert_int_equal(env->guards.n, 0);
  check_deferred(env, NULL, "[Eq(s97, 2)]");
  se_env_free(env);
}

/* B13: a.size0 == 2*b.size0 eliminates the symbol with the larger hint. */
static void test_b13_replacement(void **state) {
  (void)state;
  se_env *env = new_env(true, false);
  backed(env, "s75", 16, 2);
  backed(env, "s57", 8, 2);
  assert_int_equal(eval_ok(env, "Eq(s75, 2*s57)")->kind, SE_K_TRUE);
  check_map(&env->replacements, false, "{s75: 2*s57}");
  check_range(env, "s75", "VR[4, int_oo]");
  check_guard(env, 0, "Eq(s75, 2*s57)");
  se_env_free(env);
}

/* ---- C: simplification, ranges, replacements ----------------------------------------------- */

static void test_c1_specialize_zero_one(void **state) {
  (void)state;
  se_env *env = new_env(true, false);
  backed(env, "s97", 5, 2);
  assert_int_equal(eval_ok(env, "Ne(s97, 1)")->kind, SE_K_TRUE);
  assert_int_equal(env->guards.n, 0);
  se_env_free(env);
  env = new_env(false, false);
  backed(env, "s97", 5, 0);
  assert_int_equal(eval_ok(env, "Ne(s97, 1)")->kind, SE_K_TRUE);
  assert_int_equal(env->guards.n, 1);
  check_guard(env, 0, "Ne(s97, 1)");
  se_env_free(env);
}

static void test_c2_c3_duck(void **state) {
  (void)state;
  se_env *env = new_env(true, false);
  backed(env, "s97", 5, 2);
  backed(env, "s26", 5, 2);
  assert_int_equal(eval_ok(env, "Eq(s97, s26)")->kind, SE_K_TRUE);
  assert_int_equal(env->guards.n, 1);
  check_map(&env->replacements, false, "{s97: s26}");
  se_env_free(env);
  env = new_env(true, false);
  backed(env, "s97", 5, 2);
  assert_int_equal(eval_ok(env, "Ne(s97, 0)")->kind, SE_K_TRUE);
  assert_int_equal(env->guards.n, 0);
  se_env_free(env);
}

static void test_c4_one_guard(void **state) {
  (void)state;
  se_env *env = new_env(true, false);
  backed(env, "s97", 2, 2);
  assert_int_equal(eval_ok(env, "s97 < 4")->kind, SE_K_TRUE);
  assert_int_equal(env->guards.n, 1);
  check_range(env, "s97", "VR[2, 3]");
  se_env_free(env);
}

static void test_c7_floor_clean_div(void **state) {
  (void)state;
  se_env *env = new_env(true, false);
  unbacked(env, "u0");
  defer_ok(env, "Eq(FloorDiv(u0, 3), 1)");
  assert_int_equal(eval_ok(env, "Eq(FloorDiv(u0, 3), 1)")->kind, SE_K_TRUE);
  const se_expr *s = NULL;
  assert_int_equal(se_env_evaluate_static(env, P("Eq(CleanDiv(u0, 3), 1)"), false, &s), SE_OK);
  assert_null(s);
  defer_ok(env, "Eq(Mod(u0, 3), 0)");
  check_str(se_env_simplify(env, P("Eq(FloorDiv(u0, 3), 1)")), "Eq((u0//3), 1)");
  assert_int_equal(se_env_simplify(env, P("Eq(FloorDiv(u0, 3), 1)"))->args[0]->kind,
                   SE_K_CLEANDIV);
  assert_int_equal(eval_ok(env, "Eq(FloorDiv(u0, 3), 1)")->kind, SE_K_TRUE);
  assert_int_equal(eval_ok(env, "Eq(CleanDiv(u0, 3), 1)")->kind, SE_K_TRUE);
  check_deferred(env, "u0", "[Eq((u0//3), 1), Eq(Mod(u0, 3), 0)]");
  assert_int_equal(env->guards.n, 0);
  se_env_free(env);
}

static void test_c8_max_simplify(void **state) {
  (void)state;
  se_ctx_set_torch_minmax(C, true);
  se_env *env = new_env(true, false);
  unbacked(env, "u0");
  const se_expr *s = NULL;
  assert_int_equal(
      se_env_evaluate_static(env, P("Eq(Max(1, Max(257, u0)), Max(257, u0))"), false, &s), SE_OK);
  assert_non_null(s);
  assert_int_equal(s->kind, SE_K_TRUE);
  se_ctx_set_torch_minmax(C, false);
  se_env_free(env);
}

/* C9 and rollback: the failing call leaves every state field as it was. */
static void test_c9_data_dependent_rollback(void **state) {
  (void)state;
  se_env *env = new_env(true, false);
  unbacked(env, "u0");
  backed(env, "s1", 5, 2);
  backed(env, "s2", 4, 2);
  /* a chain that _find compresses while simplifying */
  assert_true(se__st_put_e(env, &env->replacements, P("s1"), (se_mapval){.p = P("s2 + 1")}));
  assert_true(se__st_put_e(env, &env->replacements, P("s2"), (se_mapval){.p = P("4")}));
  const se_expr *out = NULL;
  se_status st = se_env_evaluate_expr(env, P("Eq(u0, s1)"), NULL, -1, false, NULL, &out);
  assert_int_equal(st, SE_DATA_DEPENDENT);
  assert_string_equal(se_errmsg(C),
                      "Could not guard on data-dependent expression Eq(u0, 5) (unhinted: "
                      "Eq(u0, s1)).  (Size-like symbols: none)");
  se_clear_error(C);
  check_map(&env->replacements, false, "{s1: s2 + 1, s2: 4}");
  assert_int_equal(env->guards.n, 0);
  assert_int_equal(env->axioms.live, 0);
  check_range(env, "s1", "VR[2, int_oo]");
  /* the same evaluation with a fallback answers it without a guard */
  st = se_env_evaluate_expr(env, P("Eq(u0, 0)"), NULL, -1, false, se__bool(C, false), &out);
  assert_int_equal(st, SE_OK);
  assert_int_equal(out->kind, SE_K_FALSE);
  assert_int_equal(env->guards.n, 0);
  /* size-like symbols are named, and an integer expression has its own text */
  assert_int_equal(se_env_constrain_range_for_size(env, P("u0"), NULL, NULL), SE_OK);
  st = se_env_evaluate_expr(env, P("u0 + 1"), NULL, -1, false, NULL, &out);
  assert_int_equal(st, SE_DATA_DEPENDENT);
  assert_string_equal(se_errmsg(C),
                      "Could not extract specialized integer from data-dependent expression "
                      "u0 + 1 (unhinted: u0 + 1).  (Size-like symbols: u0)");
  se_clear_error(C);
  se_env_free(env);
}

static void test_c10_unbacked_val(void **state) {
  (void)state;
  se_env *env = new_env(true, false);
  const se_expr *u0 = unbacked(env, "u0");
  assert_true(se__st_put_e(env, &env->real_tensor_prop_unbacked_vals, u0, (se_mapval){.p = se__int(C, 0)}));
  assert_int_equal(eval_ok(env, "Eq(u0, 0)")->kind, SE_K_TRUE);
  assert_int_equal(env->guards.n, 0);
  se_env_free(env);
}

static void test_c11_expect_true(void **state) {
  (void)state;
  se_env *env = new_env(true, false);
  unbacked(env, "u0");
  defer_ok(env, "Eq(u0, 0)");
  check_map(&env->replacements, false, "{u0: 0}");
  assert_int_equal(eval_ok(env, "Eq(u0, 0)")->kind, SE_K_TRUE);
  se_env_free(env);
}

static void test_c12_expect_true_with_s0(void **state) {
  (void)state;
  se_env *env = new_env(true, false);
  backed(env, "s97", 5, 2);
  unbacked(env, "u0");
  defer_ok(env, "u0 < s97");
  check_deferred(env, "u0", "[u0 < s97]");
  assert_int_equal(eval_ok(env, "u0 < s97")->kind, SE_K_TRUE);
  assert_int_equal(eval_ok(env, "Ne(u0, s97)")->kind, SE_K_TRUE);
  assert_int_equal(eval_ok(env, "u0 > s97")->kind, SE_K_FALSE);
  assert_int_equal(eval_ok(env, "u0 >= s97")->kind, SE_K_FALSE);
  assert_int_equal(env->guards.n, 0);
  se_env_free(env);
}

static void test_c13_prefer_later(void **state) {
  (void)state;
  se_env *env = new_env(true, false);
  unbacked(env, "u0");
  unbacked(env, "u1");
  defer_ok(env, "Eq(u0 + u1, 10)");
  check_deferred(env, "u1", "[Eq(u0 + u1, 10)]");
  assert_int_equal(eval_ok(env, "Eq(u0 + u1, 10)")->kind, SE_K_TRUE);
  assert_int_equal(env->replacements.live, 0);
  se_env_free(env);
}

static void test_c14_unbacked_substitution(void **state) {
  (void)state;
  se_env *env = new_env(true, false);
  const char *names[] = {"u0", "u1", "u2", "u3"};
  for (int i = 0; i < 4; i++) {
    unbacked(env, names[i]);
    assert_int_equal(se_env_constrain_range_for_size(env, P(names[i]), NULL, NULL), SE_OK);
    check_range(env, names[i], "VR[0, int_oo]");
  }
  defer_ok(env, "Eq(u0, 4*u1)");
  check_str(se_env_replace(env, P("u0")), "u0");
  defer_ok(env, "Eq(4*u2, u3)");
  check_str(se_env_replace(env, P("u3")), "u3");
  assert_int_equal(env->size_like.live, 4);
  assert_int_equal(env->replacements.live, 0);
  check_deferred(env, "u1", "[Eq(u0, 4*u1)]");
  check_deferred(env, "u3", "[Eq(4*u2, u3)]");
  se_env_free(env);
}

static void test_c19_floordiv(void **state) {
  (void)state;
  se_env *env = new_env(true, false);
  static const struct { const char *e, *v; } cases[] = {
      {"FloorDiv(7, 2)", "3"},   {"FloorDiv(-7, 2)", "-4"}, {"FloorDiv(7, -2)", "-4"},
      {"FloorDiv(-7, -2)", "3"}, {"FloorDiv(2, 1)", "2"},   {"FloorDiv(-2, 1)", "-2"},
      {"FloorDiv(2, -1)", "-2"}, {"FloorDiv(-2, -1)", "2"}, {"7*FloorDiv(6, 2)", "21"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    check_str(eval_ok(env, cases[i].e), cases[i].v);
  check_str(se_env_simplify(env, P("7*FloorDiv(6, 2)")), "21");
  assert_int_equal(env->guards.n, 0);
  se_env_free(env);
}

/* ---- the primitives ------------------------------------------------------------------------ */

static void test_canonicalize(void **state) {
  (void)state;
  static const struct { const char *in, *out; } cases[] = {
      {"s93 >= 3", "3 <= s93"},
      {"u0 < s97", "u0 < s97"},
      {"u0 > s97", "s97 < u0"},
      {"Eq(u0 + u1, 10)", "Eq(u0 + u1, 10)"},
      {"Eq(Mod(s93, 3), 0)", "Eq(Mod(s93, 3), 0)"},
      {"2*u0 + 4*u1 <= 6", "u0 + 2*u1 <= 3"},
      {"Ne(u0 - 3, 2*u1)", "Ne(u0, 2*u1 + 3)"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    check_str(se__canonicalize_bool_expr(C, P(cases[i].in)), cases[i].out);
}

static void test_implications_lt(void **state) {
  (void)state;
  const se_expr *ex[SE_IMPLICATIONS_MAX];
  bool tr[SE_IMPLICATIONS_MAX];
  size_t n = se__get_implications(C, P("u0 < s97"), ex, tr);
  static const char *want[] = {"u0 < s97",      "s97 <= u0",     "u0 <= s97",      "s97 < u0",
                               "Ne(u0, s97)",   "Ne(s97, u0)",   "Eq(u0, s97)",    "Eq(s97, u0)",
                               "u0 + 1 <= s97", "s97 < u0 + 1"};
  static const bool wt[] = {1, 0, 1, 0, 1, 1, 0, 0, 1, 0};
  assert_int_equal(n, 10);
  for (size_t i = 0; i < n; i++) {
    check_str(ex[i], want[i]);
    assert_int_equal(tr[i], wt[i]);
  }
}

static void test_constraints(void **state) {
  (void)state;
  se_env *env = new_env(true, false);
  backed(env, "s0", 5, 2);
  unbacked(env, "u0");
  assert_int_equal(se_env_constrain_range(env, P("5"), P("2"), P("10")), SE_OK);
  assert_int_equal(se_env_constrain_range(env, P("11"), P("2"), P("10")), SE_RANGE);
  assert_string_equal(se_errmsg(C), "Invalid value 11 for range [2:10]");
  se_clear_error(C);
  assert_int_equal(se_env_constrain_range_for_size(env, P("u0"), P("3"), P("2")), SE_INVALID);
  se_clear_error(C);
  assert_int_equal(se_env_constrain_symbol_range(env, P("u0"), P("-3"), P("7")), SE_OK);
  check_range(env, "u0", "VR[-3, 7]");
  /* a backed hint outside the new range fails and leaves the range alone */
  assert_int_equal(se_env_constrain_symbol_range(env, P("s0"), P("6"), P("9")), SE_RANGE);
  assert_string_equal(se_errmsg(C), "5 not in VR[6, 9]");
  se_clear_error(C);
  check_range(env, "s0", "VR[2, int_oo]");
  /* size-like symbols keep an upper bound of at least 2 */
  assert_int_equal(se_env_constrain_range_for_size(env, P("u0"), NULL, NULL), SE_OK);
  assert_int_equal(se_env_constrain_symbol_range(env, P("u0"), P("0"), P("1")), SE_OK);
  check_range(env, "u0", "VR[0, 2]");
  assert_int_equal(se_env_freeze(env), SE_OK);
  assert_true(env->frozen);
  se_env_free(env);
}

static void test_suppress_guards(void **state) {
  (void)state;
  se_env *env = new_env(true, false);
  backed(env, "s97", 3, 2);
  assert_int_equal(se_env_suppress_guards_enter(env), SE_OK);
  assert_int_equal(eval_ok(env, "Eq(s97, 3)")->kind, SE_K_TRUE);
  assert_int_equal(env->guards.n, 0);
  assert_int_equal(env->replacements.live, 0);
  assert_int_equal(se_env_suppress_guards_exit(env), SE_OK);
  assert_false(env->suppress_guards);
  assert_int_equal(eval_ok(env, "Eq(s97, 3)")->kind, SE_K_TRUE);
  assert_int_equal(env->guards.n, 1);
  se_env_free(env);
}

/* size_oblivious: a size-like symbol counts as at least 2 (4.6). */
static void test_size_oblivious(void **state) {
  (void)state;
  se_env *env = new_env(true, false);
  unbacked(env, "u0");
  assert_int_equal(se_env_constrain_range_for_size(env, P("u0"), NULL, NULL), SE_OK);
  const se_expr *out = NULL;
  assert_int_equal(se_env_evaluate_expr(env, P("Eq(u0, 0)"), NULL, -1, true, NULL, &out), SE_OK);
  assert_int_equal(out->kind, SE_K_FALSE);
  assert_int_equal(se_env_evaluate_expr(env, P("Eq(u0, 0)"), NULL, -1, false, NULL, &out),
                   SE_DATA_DEPENDENT);
  se_clear_error(C);
  assert_int_equal(env->guards.n, 0);
  se_env_free(env);
}

/* simplify's rewrites: Max(0/1, x), TruncToInt(IntTrueDiv), replacements. */
static void test_simplify_rewrites(void **state) {
  (void)state;
  se_ctx_set_torch_minmax(C, true);
  se_env *env = new_env(true, false);
  unbacked(env, "u0");
  unbacked(env, "u1");
  backed(env, "s26", 7, 2);
  assert_int_equal(se_env_constrain_symbol_range(env, P("u0"), P("1"), P("100")), SE_OK);
  assert_int_equal(se_env_constrain_symbol_range(env, P("u1"), P("0"), P("100")), SE_OK);
  check_str(se_env_simplify(env, P("Max(1, u0) + Max(0, u1)")), "u0 + u1");
  check_str(se_env_simplify(env, P("Max(1, u1)")), "Max(1, u1)");
  check_str(se_env_simplify(env, P("TruncToInt(IntTrueDiv(s26, 2))")), "(s26//2)");
  check_str(se_env_simplify(env, P("TruncToInt(IntTrueDiv(2*s26, 2))")), "s26");
  assert_true(se__st_put_e(env, &env->replacements, P("s26"), (se_mapval){.p = P("2*u1 + 1")}));
  check_str(se_env_simplify(env, P("s26*(s26 + 1)")), "4*u1**2 + 6*u1 + 2");
  se_ctx_set_torch_minmax(C, false);
  se_env_free(env);
}

/* 3.6 example 4 end to end with the validation graph: the guard's node
 * gets its _assert, and the state gains axioms, divisible and the guard. */
static void test_a6_with_validation_graph(void **state) {
  (void)state;
  se_env_options o;
  se_env_options_init(&o);
  o.translation_validation = true;
  se_env *env = se_env_new(C, &o);
  assert_non_null(env);
  int64_t sizes[] = {3, 2}, strides[] = {2, 1};
  se_tensor_spec spec = {.dim = 2, .sizes = sizes, .strides = strides};
  se_tensor_meta meta;
  assert_int_equal(se_env_create_tensor(env, &spec, se_source_constant(C, "x"), &meta), SE_OK);
  check_str(meta.sizes[0].expr, "s93");
  bool fresh;
  se_fx_arg ma[2] = {{meta.sizes[0].fx, NULL}, {-1, se__int(C, 3)}};
  int32_t mod = se__fx_call(env, "mod", ma, 2, &fresh);
  se_fx_arg ea[2] = {{mod, NULL}, {-1, se__int(C, 0)}};
  int32_t eq = se__fx_call(env, "eq", ea, 2, &fresh);
  assert_true(mod >= 0 && eq >= 0);
  const se_expr *out = NULL;
  assert_int_equal(se_env_evaluate_expr(env, P("Eq(Mod(s93, 3), 0)"), se__bool(C, true), eq,
                                        false, NULL, &out),
                   SE_OK);
  assert_int_equal(out->kind, SE_K_TRUE);
  char *names[16];
  size_t n = 0;
  SE_MAP_EACH(&env->name_to_node, me) {
    if (n < 16) names[n++] = (char *)me->key;
  }
  qsort(names, n, sizeof names[0], cmp_str);
  char buf[256] = "";
  for (size_t i = 0; i < n; i++) {
    if (i) strcat(buf, ", ");
    strcat(buf, names[i]);
  }
  assert_string_equal(buf, "_assert, eq, mod, x_size_0_, x_size_1_, x_storage_offset, "
                           "x_stride_0_, x_stride_1_");
  check_guard(env, 0, "Eq(Mod(s93, 3), 0)");
  assert_int_equal(env->axioms.live, 8);
  assert_int_equal(env->divisible.live, 1);
  se_env_free(env);
}

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

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_a6_divisible),
      cmocka_unit_test(test_a7_replacement),
      cmocka_unit_test(test_a8_refinement),
      cmocka_unit_test(test_refine_equal_bounds),
      cmocka_unit_test(test_a9_runtime_assert),
      cmocka_unit_test(test_b1_guard_int),
      cmocka_unit_test(test_b4_sym_int),
      cmocka_unit_test(test_b3_prefer_deferred),
      cmocka_unit_test(test_b13_replacement),
      cmocka_unit_test(test_c1_specialize_zero_one),
      cmocka_unit_test(test_c2_c3_duck),
      cmocka_unit_test(test_c4_one_guard),
      cmocka_unit_test(test_c7_floor_clean_div),
      cmocka_unit_test(test_c8_max_simplify),
      cmocka_unit_test(test_c9_data_dependent_rollback),
      cmocka_unit_test(test_c10_unbacked_val),
      cmocka_unit_test(test_c11_expect_true),
      cmocka_unit_test(test_c12_expect_true_with_s0),
      cmocka_unit_test(test_c13_prefer_later),
      cmocka_unit_test(test_c14_unbacked_substitution),
      cmocka_unit_test(test_c19_floordiv),
      cmocka_unit_test(test_canonicalize),
      cmocka_unit_test(test_implications_lt),
      cmocka_unit_test(test_constraints),
      cmocka_unit_test(test_suppress_guards),
      cmocka_unit_test(test_size_oblivious),
      cmocka_unit_test(test_a6_with_validation_graph),
      cmocka_unit_test(test_simplify_rewrites),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
