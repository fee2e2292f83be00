/* try_solve against torch-sympy section 4's examples. a, b, c are
 * integers, pos a positive and neg a negative integer; ap (printed a) is a
 * positive integer, so it lives in a context of its own. */
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
  if (!e) fail_msg("cannot parse %s: %s", text, se_errmsg(C));
  return e;
}

static char *str(const se_expr *e) {
  char *s = se_expr_str(C, e);
  if (!s) fail_msg("cannot print: %s", se_errmsg(C));
  return s;
}

/* try_solve(e, thing) gives (want_rel, want_rhs). */
static void solve_fdi(const char *e, const char *thing, bool fdi, const char *want_rel,
                      const char *want_rhs) {
  const se_expr *rel = NULL, *rhs = NULL;
  se_status st = se_try_solve(C, P(e), P(thing), fdi, &rel, &rhs);
  if (st != SE_OK) fail_msg("try_solve(%s, %s): status %s %s", e, thing, se_status_name(st),
                            se_errmsg(C));
  char *r = str(rel), *h = str(rhs);
  assert_string_equal(r, want_rel);
  assert_string_equal(h, want_rhs);
  free(r);
  free(h);
}
static void solve(const char *e, const char *thing, const char *want_rel, const char *want_rhs) {
  solve_fdi(e, thing, true, want_rel, want_rhs);
}

/* try_solve(e, thing) gives None: SE_NOTFOUND, nothing recorded. */
static void no_solution_fdi(const char *e, const char *thing, bool fdi) {
  const se_expr *rel = NULL, *rhs = NULL;
  se_status st = se_try_solve(C, P(e), P(thing), fdi, &rel, &rhs);
  if (st != SE_NOTFOUND) {
    char *r = rel ? str(rel) : NULL;
    fail_msg("try_solve(%s, %s): expected no solution, got %s (%s)", e, thing,
             se_status_name(st), r ? r : "");
  }
  assert_int_equal(se_last_status(C), SE_OK);
  assert_null(rel);
}
static void no_solution(const char *e, const char *thing) { no_solution_fdi(e, thing, true); }

static int setup(void **state) {
  (void)state;
  C = se_ctx_new();
  if (!C) return -1;
  se__sym_asm(C, "pos", 3, SE_ASM_INTEGER | SE_ASM_REAL | SE_ASM_POSITIVE | SE_ASM_NONNEG);
  se__sym_asm(C, "neg", 3, SE_ASM_INTEGER | SE_ASM_REAL | SE_ASM_NEGATIVE | SE_ASM_NONPOS);
  return 0;
}
static int teardown(void **state) {
  (void)state;
  se_ctx_free(C);
  return 0;
}

static void test_move_terms(void **state) {
  (void)state;
  solve("Eq(a + b, 0)", "a", "Eq(a, -b)", "-b");
  solve("Eq(a + 5, b - 5)", "a", "Eq(a, b - 10)", "b - 10");
  solve("Lt(a + 5, 10)", "a", "a < 5", "5");
  solve("Gt(10, a + 1)", "a", "a < 9", "9");
  solve("Eq(a, 3)", "a", "Eq(a, 3)", "3");
}

static void test_divide(void **state) {
  (void)state;
  solve("Eq(5*a, b - 5)", "a", "Eq(a, b/5 - 1)", "b/5 - 1");
  solve("Lt(-5*a, b - 5)", "a", "a > 1 - b/5", "1 - b/5");
  solve("Eq(a*b, c)", "a", "Eq(a, c/b)", "c/b");
  solve("Lt(a*pos, 1)", "a", "a < 1/pos", "1/pos");
  solve("Lt(a*neg, 1)", "a", "a > 1/neg", "1/neg");
  no_solution("Lt(a*b, 1)", "a");
  no_solution("Eq(a*b, 0)", "a");
}

static void test_none(void **state) {
  (void)state;
  no_solution("Eq(a, a + 1)", "a");
  no_solution("Eq(b, c + 1)", "a");
  no_solution("a + b", "a");
  /* has() matches a sub-sum: a + b is on both sides. */
  no_solution("Eq(a + b + c, a + b)", "a + b");
  /* A sub-sum on the left stays with thing and cannot be isolated. */
  no_solution("Eq(a + b + c, 5)", "a + b");
}

static void test_floordiv(void **state) {
  (void)state;
  solve("Gt(FloorDiv(a, pos), c)", "a", "a >= pos*(c + 1)", "pos*(c + 1)");
  solve("Ge(FloorDiv(a, pos), c)", "a", "a >= c*pos", "c*pos");
  solve("Lt(FloorDiv(a, pos), c)", "a", "a < c*pos", "c*pos");
  solve("Le(FloorDiv(a, pos), c)", "a", "a < pos*(c + 1)", "pos*(c + 1)");
  no_solution("Eq(FloorDiv(a, pos), c)", "a");
  no_solution("Ne(FloorDiv(a, pos), c)", "a");
  no_solution_fdi("Gt(FloorDiv(a, pos), c)", "a", false);
  no_solution_fdi("Ge(FloorDiv(a, pos), c)", "a", false);
  no_solution_fdi("Lt(FloorDiv(a, pos), c)", "a", false);
  no_solution_fdi("Le(FloorDiv(a, pos), c)", "a", false);
  no_solution_fdi("Eq(FloorDiv(a, pos), c)", "a", false);
  solve("Lt(FloorDiv(s0, 2), 5)", "s0", "s0 < 10", "10");
  solve_fdi("Lt(FloorDiv(s0, 2), 5)", "FloorDiv(s0, 2)", false, "((s0//2)) < 5", "5");
}

static void test_floordiv_positive(void **state) {
  (void)state;
  se_ctx *outer = C;
  C = se_ctx_new();
  assert_non_null(C);
  se__sym_asm(C, "a", 1, SE_ASM_INTEGER | SE_ASM_REAL | SE_ASM_POSITIVE | SE_ASM_NONNEG);
  solve("Eq(FloorDiv(a + 10, 3), 3)", "a", "a < 2", "2");
  solve("Eq(FloorDiv(10 - a, 2), 4)", "a", "a <= 2", "2");
  se_ctx_free(C);
  C = outer;
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_move_terms), cmocka_unit_test(test_divide),
      cmocka_unit_test(test_none),       cmocka_unit_test(test_floordiv),
      cmocka_unit_test(test_floordiv_positive),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
