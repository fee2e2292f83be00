/* And, Or, Not and Piecewise against the verified outputs of sympy-core 9
 * and 10 (Piecewise cases checked against SymPy 1.14). Inputs are parsed from
 * the corpus syntax; results compared as printed text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "expr/expr.h"

static se_ctx *C;

static const se_expr *P(const char *text) {
  const se_expr *e = se_parse(C, text, strlen(text));
  if (!e) fail_msg("cannot build %s: %s", text, se_errmsg(C));
  return e;
}

static void check_expr(const se_expr *e, const char *what, const char *want) {
  char *got = e ? se_expr_str(C, e) : NULL;
  if (!got) fail_msg("no result for %s: %s", what, se_errmsg(C));
  assert_string_equal(got, want);
  free(got);
}

static void check(const char *in, const char *want) { check_expr(P(in), in, want); }

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
static int reset(void **state) {
  (void)state;
  se_clear_error(C);
  return 0;
}

/* sympy-core 9: canonical forms, repeats and complements. */
static void test_canonical(void **state) {
  (void)state;
  check("And(s0 < s3, s3 > s0)", "s3 > s0");
  check("Or(s0 < s3, s3 > s0)", "s0 < s3");
  check("And(-s0 < -3, s0 > 3)", "s0 > 3");
  check("And(s0 < s3, s0 >= s3)", "False");
  check("Or(u0 < 3, 3 <= u0)", "True");
  check("And(Eq(s0,s3), Ne(s3,s0))", "False");
  check("And(Eq(s0, s3), Eq(s3, s0))", "Eq(s0, s3)");
  check("And(s0 < 3, And(s7 < 3, 3 > s0))", "(3 > s0) & (s7 < 3)");
  check("Or(s0 < 3, Or(s7 < 3, 3 > s0))", "(3 > s0) | (s0 < 3) | (s7 < 3)");
  check("Or(And(s0 < 3, s7 < 3), s0 < 3)", "(s0 < 3) | ((s0 < 3) & (s7 < 3))");
  check("(s0 < s3) & (s3 < s0)", "(s0 < s3) & (s3 < s0)");
  check("(s0 < 3) & (s0 < 4)", "(s0 < 3) & (s0 < 4)");
}

static void test_not(void **state) {
  (void)state;
  check("Not(s0 < 3)", "s0 >= 3");
  check("Not(s0 <= 3)", "s0 > 3");
  check("Not(Eq(s0, 3))", "Ne(s0, 3)");
  check("Not((s0 < 3))", "s0 >= 3");
  check("Not(And((s0 < 3), (s7 < 3)))", "~((s0 < 3) & (s7 < 3))");
  check("Not(Not(Or((s0 < 3), (s7 < 3))))", "(s0 < 3) | (s7 < 3)");
  check("Not(True)", "False");
  check("Not(False)", "True");
  check_expr(se__not(C, P("0")), "Not(0)", "True");
  check_expr(se__not(C, P("2")), "Not(2)", "False");
}

/* sympy-core 10: And/Or/Not examples, with relations decided by rel.c. */
static void test_examples(void **state) {
  (void)state;
  check("And(Eq(3, s7), (11 <= (s3*Max(7, s12))))", "Eq(3, s7) & (11 <= s3*Max(7, s12))");
  check("And(Eq((s0)**2, s3), (s0 < 3))", "(s0 < 3) & Eq(s0**2, s3)");
  check("Or(Eq((s0)**2, s3), (s0 < 3))", "(s0 < 3) | Eq(s0**2, s3)");
  check("And((s0 < s3), (s3 > s0))", "s3 > s0");
  check("Or((s0 < s3), (s3 > s0))", "s0 < s3");
  check("And((s0 < s3), (s0 >= s3))", "False");
  check("Or((u0 < 3), (3 <= u0))", "True");
  check("And((s0 < 3), And((s7 < 3), (s0 < 3)))", "(s0 < 3) & (s7 < 3)");
  check("And((s3 < s0), (s0 < s3))", "(s0 < s3) & (s3 < s0)");
  check("And((s0 >= 1), (u0 < 3))", "u0 < 3");
  check("Or((s0 >= 1), (u0 < 3))", "True");
  check("And(Not(Or((s0 < 3), (s7 < 3))), (s12 < 3))", "(s12 < 3) & ~((s0 < 3) | (s7 < 3))");
  check("Or(Or(Le(((-u10) + (s93 - s0)), ((s0*s44)*(16 - 0))), Lt(Max(u2, (u0 + u1)), "
        "((s3 + s7)*(u2 + s3)))), And((u2) <= (s0), Le(s0, ((2 + s7) + (s12 - -2)))))",
        "((u2 <= s0) & (s0 <= s12 + s7 + 4)) | (-s0 + s93 - u10 <= 16*s0*s44) | "
        "(Max(u2, u0 + u1) < (s3 + s7)*(s3 + u2))");
  check("Or((s0) <= (((s12*s3) + Max(s93, u1))), Not(Ge((u10 + s44), ((4*s44) + -1))))",
        "(s0 <= s12*s3 + Max(s93, u1)) | (s44 + u10 < 4*s44 - 1)");
  check("And(Eq(3, s7), s12 < 3, Or(s0 < 3, s7 < 3))",
        "Eq(3, s7) & (s12 < 3) & ((s0 < 3) | (s7 < 3))");
}

static void test_identities(void **state) {
  (void)state;
  check_expr(se__and(C, NULL, 0), "And()", "True");
  check_expr(se__or(C, NULL, 0), "Or()", "False");
  check("And(True, s0 < s3)", "s0 < s3");
  check("And(False, s0 < s3)", "False");
  check("Or(True, s0 < s3)", "True");
  check("Or(False, s0 < s3)", "s0 < s3");
  const se_expr *v[2] = {P("s0 < 3"), P("s0")};
  assert_null(se__and(C, v, 2));
  assert_int_equal(se_last_status(C), SE_INVALID);
  se_clear_error(C);
  v[1] = NULL;
  assert_null(se__or(C, v, 2));
  assert_int_equal(se_last_status(C), SE_OK);
}

static void test_piecewise(void **state) {
  (void)state;
  check("Piecewise((s0, s0 < 3), (s3, True))", "Piecewise((s0, s0 < 3), (s3, True))");
  check("Piecewise((s0, False), (s3, s0 < 3), (u0, True))",
        "Piecewise((s3, s0 < 3), (u0, True))");
  check("Piecewise((s0, True), (s3, s0 < 3))", "s0");
  check("Piecewise((s0, s0 < 3), (s3, True), (u0, s3 < 2))",
        "Piecewise((s0, s0 < 3), (s3, True))");
  check("Piecewise((s0, s0 < 3), (s3, s0 < 3), (u0, True))",
        "Piecewise((s0, s0 < 3), (u0, True))");
  check("Piecewise((s0, s0 < 3), (s0, s3 < 3), (u0, True))",
        "Piecewise((s0, (s0 < 3) | (s3 < 3)), (u0, True))");
  check("Piecewise((s0, s0 < 3), (s3, s0 >= 3), (u0, True))",
        "Piecewise((s0, s0 < 3), (s3, True))");
  check("Piecewise((s0, s0 < 3), (s0, True))", "s0");
  check("Piecewise((s0, s0 < 3))", "Piecewise((s0, s0 < 3))");
  check("Piecewise((s0, False))", "nan");
  const se_expr *v[3] = {P("s0"), P("s0 < 3"), P("s3")};
  assert_null(se__piecewise(C, v, 3));
  assert_int_equal(se_last_status(C), SE_INVALID);
  se_clear_error(C);
  v[1] = P("s3");
  assert_null(se__piecewise(C, v, 2));
  assert_int_equal(se_last_status(C), SE_INVALID);
}

/* Out-of-memory at every allocation of an evaluation: never crashes, and a
 * NULL result comes with SE_NOMEM. */
static void test_oom_loop(void **state) {
  (void)state;
  static const char *const argv[] = {"-s0 < -3", "s0 > 3", "Eq(s0, -s3)", "s7 >= s3 - s0",
                                     "Or(s0 < 3, s7 < 3)", "3 < u0 - s0"};
  const size_t n = sizeof argv / sizeof argv[0];
  for (int64_t k = 0; k < 120; k++) {
    se_ctx *c = se_ctx_new();
    assert_non_null(c);
    const se_expr *v[sizeof argv / sizeof argv[0]];
    for (size_t i = 0; i < n; i++) {
      v[i] = se_parse(c, argv[i], strlen(argv[i]));
      assert_non_null(v[i]);
    }
    const se_expr *pw[4] = {se_parse(c, "s0", 2), v[0], se_parse(c, "s3", 2), v[1]};
    c->arena.fail_after = k;
    const se_expr *e = se__and(c, v, n);
    if (!e) assert_int_equal(se_last_status(c), SE_NOMEM);
    e = se__or(c, v, n);
    if (!e) assert_int_equal(se_last_status(c), SE_NOMEM);
    e = se__not(c, v[3]);
    if (!e) assert_int_equal(se_last_status(c), SE_NOMEM);
    e = se__piecewise(c, pw, 4);
    if (!e) assert_int_equal(se_last_status(c), SE_NOMEM);
    c->arena.fail_after = -1;
    se_ctx_free(c);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup(test_canonical, reset),
      cmocka_unit_test_setup(test_not, reset),
      cmocka_unit_test_setup(test_examples, reset),
      cmocka_unit_test_setup(test_identities, reset),
      cmocka_unit_test_setup(test_piecewise, reset),
      cmocka_unit_test(test_oom_loop),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
