/* The fact engine, ms and relational evaluation against SymPy 1.14's
 * verified decisions (sympy-core 7.1-7.9 and the relational lines of 10)
 * and PyTorch's assumptions (torch-sympy 1 and 2.16). Inputs are given in
 * the corpus syntax and built through the parser's evaluating
 * constructors; results are compared as printed text. */
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
  if (!e) fail_msg("parse of '%s' failed: %s", text, se_errmsg(C));
  return e;
}

static void check_str(const se_expr *e, const char *what, const char *want) {
  char *got = e ? se_expr_str(C, e) : NULL;
  if (!got) fail_msg("no result for %s: %s", what, se_errmsg(C));
  assert_string_equal(got, want);
  free(got);
}

/* Parses text (building and deciding it) and compares str() with want. */
static void check(const char *text, const char *want) { check_str(P(text), text, want); }

/* ms(text) prints as want ("none" when ms gives nothing). */
static void check_ms(const char *text, const char *want) {
  const se_expr *m = se__ms(C, P(text));
  if (!m) {
    assert_string_equal("none", want);
    return;
  }
  check_str(m, text, want);
}

static void check_fact(const char *text, se_fact f, se_truth want) {
  se_truth got = se__fact(C, P(text), f);
  if (got != want) fail_msg("fact %d of %s: got %d, want %d", (int)f, text, (int)got, (int)want);
}

/* Parsing text fails with status st and message msg. */
static void check_err(const char *text, se_status st, const char *msg) {
  se_clear_error(C);
  const se_expr *e = se_parse(C, text, strlen(text));
  assert_null(e);
  assert_int_equal(se_last_status(C), st);
  const char *m = se_errmsg(C);
  if (!strstr(m, msg)) fail_msg("error of %s: '%s' lacks '%s'", text, m, msg);
  se_clear_error(C);
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

/* sympy-core 7.9, every worked decision. */
static void test_worked_decisions(void **state) {
  (void)state;
  check("s0 >= 1", "True");
  check("s0 > 1", "s0 > 1");
  check("s0 + s7 >= 1", "s0 + s7 >= 1");
  check("s0 + s7 > 0", "True");
  check("2*s0 >= 2", "True");
  check("2*s0 > 2", "2*s0 > 2");
  check("3*s0 >= 3", "True");
  check("16*s3 >= 5", "True");
  check("5 < 1000*s3**3", "True");
  check("s0**3 + 98 >= s0", "True");
  check("s0**2 >= s0", "s0**2 >= s0");
  check("u0**2 >= 0", "True");
  check("u0**2 > 0", "u0**2 > 0");
  check("Max(s0, 3) >= 3", "Max(3, s0) >= 3");
  check("Max(s0, 3) >= 1", "True");
  check("s0*s7 > s0", "s0*s7 > s0");
  check("(s0+1)*(s7+1) >= 4", "True");
  check("Eq(s0 + s7, 1)", "Eq(s0 + s7, 1)");
  check("Eq(s0, -s3)", "False");
  check("Eq(Max(u0, 5), 2)", "Eq(Max(5, u0), 2)");
  check("Eq(2*u0, 1)", "False");
  check("s0 - 1/2 < 0", "False");
}

/* sympy-core 10, the relational lines. */
static void test_section10_relations(void **state) {
  (void)state;
  check("((s0 + s7) > 0)", "True");
  check("((s0 + s7) >= 1)", "s0 + s7 >= 1");
  check("(s0 >= 1)", "True");
  check("(s0 > 1)", "s0 > 1");
  check("((2*s0) >= 2)", "True");
  check("((2*s0) > 2)", "2*s0 > 2");
  check("((3*s0) >= 3)", "True");
  check("((s0*s7) >= 1)", "True");
  check("((s0*s7) > s0)", "s0*s7 > s0");
  check("((u0)**2 >= 0)", "True");
  check("((u0)**2 > 0)", "u0**2 > 0");
  check("(((s3 - s7))**2 >= 0)", "True");
  check("((16*s3) >= 5)", "True");
  check("(5 < (1000*(s3)**3))", "True");
  check("(((s0)**3 + 98) >= s0)", "True");
  check("((s0)**2 >= s0)", "s0**2 >= s0");
  check("(Max(s0, 3) >= 3)", "Max(3, s0) >= 3");
  check("(Max(s0, 3) >= 1)", "True");
  check("(Min(s0, 3) > 0)", "True");
  check("((s7 + Max(7, s0)) >= 8)", "s7 + Max(7, s0) >= 8");
  check("Lt(s0, (s0 + 1))", "True");
  check("Le(11, (s3*Max(7, s12)))", "11 <= s3*Max(7, s12)");
  check("Gt((-s0), 0)", "False");
  check("Ge(3, s0)", "3 >= s0");
  check("Ge(((s0 + s0))**3, ((u10)**0 - u0))", "8*s0**3 >= 1 - u0");
  check("Lt(((-(16 + -1))*(s12*s44)), s44)", "True");
  check("Le(((5*s12) + (-2 - 1)), s12)", "False");
  check("Eq(3, s7)", "Eq(3, s7)");
  check("Eq(s0, 0)", "False");
  check("Eq((s0 + 1), s0)", "False");
  check("Eq((s0 + s7), 1)", "Eq(s0 + s7, 1)");
  check("Eq((2*u0), 1)", "False");
  check("Ne(s0, (-s3))", "True");
  check("Ne(u0, (-u0))", "Ne(u0, -u0)");
  check("Eq(Max(s0, s3), Max(s3, s0))", "True");
  check("Eq(Max(u0, 5), 2)", "Eq(Max(5, u0), 2)");
  check("((s0*(3 + s7)) + (s12 + 4)) < Max((s7 + Max(s0, 7)), 8)",
        "s0*(s7 + 3) + s12 + 4 < Max(8, s7 + Max(7, s0))");
  check("Le(Max(s7, (-(u0*4))), Max(s12, ((s3*64)*(s3)**1)))",
        "Max(s7, -4*u0) <= Max(s12, 64*s3**2)");
  /* 8.5 */
  check("Max(s0, u0) > 0", "True");
  check("Min(s0, u0) > 0", "Min(s0, u0) > 0");
  check("Min(s0, s3) >= 1", "True");
}

/* sympy-core 7.8: the values of ms. */
static void test_ms(void **state) {
  (void)state;
  check_ms("s0", "1");
  check_ms("-s0", "-1");
  check_ms("2*s0", "2");
  check_ms("16*s3", "2");
  check_ms("s0*s7", "1");
  check_ms("s0**2", "1");
  check_ms("Max(3, s0)", "1");
  check_ms("Min(s0, 2)", "1");
  check_ms("(s0+1)*(s7+1)", "4");
  check_ms("u0**2", "0");
  check_ms("-3*s0", "-1");
  check_ms("-2*s0", "-2");
  check_ms("3*s0/2", "_eps");
  check_ms("u0", "none");
  check_ms("16*s3 - 5", "11");
  check_ms("s7 - 1", "_nneg");
  check_ms("3 - 3*s0", "_npos");
  check_ms("s0**3 - s0", "_nneg");
  check_ms("s0 + s7", "none");
  check_ms("Max(3, s0) - 3", "none");
  /* the root test: 2*s0**2 - 8*s0 has its derivative's root at 2 > 1 */
  check_ms("2*s0**2 - 8*s0 + 100", "none");
  check_ms("s0**2 - 2*s0 + 5", "none"); /* pos(2*s0 - 2) is unknown */
  check_ms("(s0 + 1)**3 - 5", "3");
  check_ms("4 - (s0 + 1)**2", "_npos");
  check_ms("2*s0 - 2", "_nneg");
  /* ms is cached: the same node comes back */
  assert_ptr_equal(se__ms(C, P("16*s3 - 5")), se__ms(C, P("16*s3 - 5")));
}

/* sympy-core 7.2-7.5: sign sets and the other facts. */
static void test_fact_model(void **state) {
  (void)state;
  check_fact("u0**2", SE_FACT_NONNEG, SE_T_TRUE);
  check_fact("u0**2", SE_FACT_POS, SE_T_UNKNOWN);
  check_fact("(s3 - s7)**2", SE_FACT_NONNEG, SE_T_TRUE);
  check_fact("(s3 - s7)**3", SE_FACT_NONNEG, SE_T_UNKNOWN);
  check_fact("(s3 - s7)**3", SE_FACT_NONPOS, SE_T_UNKNOWN);
  check_fact("-u0**2", SE_FACT_NONPOS, SE_T_TRUE);
  check_fact("-u0**2", SE_FACT_NEG, SE_T_UNKNOWN);
  check_fact("s0", SE_FACT_INTEGER, SE_T_TRUE);
  check_fact("s0", SE_FACT_PRIME, SE_T_UNKNOWN);
  check_fact("3*s0/2", SE_FACT_INTEGER, SE_T_UNKNOWN);
  check_fact("3*s0/2", SE_FACT_POS, SE_T_TRUE);
  check_fact("7", SE_FACT_PRIME, SE_T_TRUE);
  check_fact("9", SE_FACT_COMPOSITE, SE_T_TRUE);
  check_fact("1", SE_FACT_COMPOSITE, SE_T_FALSE);
  check_fact("1", SE_FACT_PRIME, SE_T_FALSE);
  check_fact("1/2", SE_FACT_INTEGER, SE_T_FALSE);
  check_fact("0", SE_FACT_EVEN, SE_T_TRUE);
  check_fact("2*u0 - 1", SE_FACT_ODD, SE_T_TRUE);
  check_fact("2*u0 - 1", SE_FACT_ZERO, SE_T_FALSE);
  check_fact("s0*(s0 + 1)", SE_FACT_ODD, SE_T_FALSE);
  check_fact("s0*(s0 + 1)", SE_FACT_EVEN, SE_T_TRUE);
  check_fact("(s0 + 1)*(s7 + 1)", SE_FACT_COMPOSITE, SE_T_TRUE);
  check_fact("2*s0", SE_FACT_COMPOSITE, SE_T_UNKNOWN);
  check_fact("(s0 + 1)**2", SE_FACT_COMPOSITE, SE_T_TRUE);
  check_fact("u0**2", SE_FACT_PRIME, SE_T_FALSE);
  check_fact("s0 - 1", SE_FACT_NONNEG, SE_T_TRUE);
  check_fact("s0 + s7", SE_FACT_POS, SE_T_TRUE);
  check_fact("s0 - s7", SE_FACT_POS, SE_T_UNKNOWN);
  check_fact("Max(u0, s0)", SE_FACT_POS, SE_T_TRUE);
  check_fact("Min(u0, s0)", SE_FACT_POS, SE_T_UNKNOWN);
  check_fact("Min(u0, -1)", SE_FACT_NEG, SE_T_TRUE);
  check_fact("zf0", SE_FACT_INTEGER, SE_T_UNKNOWN);
  check_fact("zf0", SE_FACT_REAL, SE_T_TRUE);
  check_fact("2.5", SE_FACT_INTEGER, SE_T_FALSE);
  check_fact("oo", SE_FACT_FINITE, SE_T_FALSE);
  check_fact("oo", SE_FACT_POS, SE_T_TRUE);
  check_fact("int_oo", SE_FACT_FINITE, SE_T_TRUE);
  check_fact("int_oo", SE_FACT_INTEGER, SE_T_TRUE);
  check_fact("-int_oo", SE_FACT_NEG, SE_T_TRUE);
  check_fact("s0 < 3", SE_FACT_INTEGER, SE_T_UNKNOWN);
  check_fact("True", SE_FACT_POS, SE_T_UNKNOWN);
}

/* torch-sympy 2.16: PyTorch's function kinds. */
static void test_torch_facts(void **state) {
  (void)state;
  check("FloorDiv(s0, 2) >= 0", "True"); /* [NEW] rule */
  check("FloorDiv(u0, 2) >= 0", "((u0//2)) >= 0");
  check("PythonMod(u0, 3) < 0", "False");
  check("PythonMod(u0, -3) > 0", "False");
  check("ModularIndexing(s0, 2, 4) >= 0", "True");
  check("ModularIndexing(u0, 2, 4) >= 0", "(ModularIndexing(u0, 2, 4)) >= 0");
  check("Where(s0 > 3, s0, s1) > 0", "True");
  check("Where(u0 > 3, s0, u1) > 0", "(Where(u0 > 3, s0, u1)) > 0");
  check("ToFloat(s0) >= 0", "ToFloat(s0) >= 0");
  check("Eq(FloorDiv(s0, 2), 1/2)", "False");
  /* PyTorch's Mod is nonnegative whatever its arguments. */
  const se_expr *args[2] = {P("u0"), P("3")};
  const se_expr *mod = se__node(C, SE_K_MOD, args, 2);
  check_str(se__rel(C, SE_K_GE, mod, P("0")), "Mod(u0,3) >= 0", "True");
  check_str(se__rel(C, SE_K_LT, mod, P("0")), "Mod(u0,3) < 0", "False");
  assert_int_equal(se__fact(C, mod, SE_FACT_INTEGER), SE_T_TRUE);
  const se_expr *tf = se__node(C, SE_K_TOFLOAT, args, 1);
  assert_int_equal(se__fact(C, tf, SE_FACT_REAL), SE_T_TRUE);
  assert_int_equal(se__fact(C, tf, SE_FACT_INTEGER), SE_T_UNKNOWN);
}

/* torch-sympy 1: int_oo comparisons. */
static void test_int_oo(void **state) {
  (void)state;
  check("int_oo > u0", "True");
  check("int_oo >= u0", "True");
  check("int_oo < u0", "False");
  check("int_oo <= u0", "False");
  check("-int_oo < u0", "True");
  check("-int_oo > u0", "False");
  check("u0 < int_oo", "u0 < int_oo");
  check("s0 >= -int_oo", "True");
  check("5 < int_oo", "True");
  check("int_oo < oo", "True");
  check("int_oo >= oo", "False");
  check("oo > int_oo", "True");
  check("-int_oo > -oo", "True");
  check("int_oo < int_oo", "False");
  check("int_oo >= int_oo", "True");
  check("-int_oo <= -int_oo", "True");
  check("Eq(int_oo, int_oo)", "True");
  check("Eq(int_oo, oo)", "False");
}

/* Numbers, infinities, nan and booleans as relation sides. */
static void test_special_sides(void **state) {
  (void)state;
  check("1 < 2", "True");
  check("2 <= 1", "False");
  check("Eq(True, True)", "True");
  check("Eq(True, False)", "False");
  check("Ne(True, True)", "False");
  check("Eq(s0 < 3, 1)", "False");
  check("Eq(s0 < 3, s0 < 4)", "Eq(s0 < 3, s0 < 4)");
  check("Eq(nan, nan)", "False");
  check("Eq(nan, 1)", "False");
  check("Eq(zoo, zoo)", "True");
  check("Eq(u0, oo)", "False");
  check("Eq(oo, -oo)", "False");
  check("oo >= s0", "True");
  check("oo > oo", "False");
  check("Eq(2, 2.0)", "True");
  check("Eq(u0, 2.5)", "False");
  check("2.5 < s0", "2.5 < s0");
  check("2.0 >= 2", "True");
  check("Eq(2*u0/3, 1/3)", "False"); /* numerator check: 2*u0 - 1 is odd */
  check_err("Lt(True, 1)", SE_INVALID, "Can only compare inequalities with Expr");
  check_err("nan < 1", SE_INVALID, "Invalid NaN comparison");
  check_err("zoo < 1", SE_INVALID, "Invalid comparison of non-real zoo");
}

/* se_expr_truth on True/False, relations and their combinations. */
static void test_truth(void **state) {
  (void)state;
  const se_expr *s0 = P("s0"), *u0 = P("u0");
  const se_expr *lt[2] = {s0, P("s0 + 1")};
  const se_expr *yes = se__node(C, SE_K_LT, lt, 2); /* s0 < s0 + 1, unevaluated */
  const se_expr *no_args[2] = {s0, P("0")};
  const se_expr *no = se__node(C, SE_K_LE, no_args, 2); /* s0 <= 0 */
  const se_expr *open = P("u0 < 3");
  assert_int_equal(se_expr_truth(C, P("True")), SE_T_TRUE);
  assert_int_equal(se_expr_truth(C, P("False")), SE_T_FALSE);
  assert_int_equal(se_expr_truth(C, yes), SE_T_TRUE);
  assert_int_equal(se_expr_truth(C, no), SE_T_FALSE);
  assert_int_equal(se_expr_truth(C, open), SE_T_UNKNOWN);
  const se_expr *a1[2] = {yes, open}, *a2[2] = {no, open};
  assert_int_equal(se_expr_truth(C, se__node(C, SE_K_AND, a1, 2)), SE_T_UNKNOWN);
  assert_int_equal(se_expr_truth(C, se__node(C, SE_K_AND, a2, 2)), SE_T_FALSE);
  assert_int_equal(se_expr_truth(C, se__node(C, SE_K_OR, a1, 2)), SE_T_TRUE);
  assert_int_equal(se_expr_truth(C, se__node(C, SE_K_OR, a2, 2)), SE_T_UNKNOWN);
  assert_int_equal(se_expr_truth(C, se__node(C, SE_K_NOT, &no, 1)), SE_T_TRUE);
  assert_int_equal(se_expr_truth(C, u0), SE_T_UNKNOWN);
  assert_int_equal(se_expr_truth(C, NULL), SE_T_UNKNOWN);
  assert_int_equal(se__rel_truth(C, SE_K_GE, s0, P("1")), SE_T_TRUE);
  assert_null(se__rel(C, SE_K_GE, NULL, s0));
  assert_int_equal(se_last_status(C), SE_OK);
}

/* Fact queries never leave an error behind, and overflowing differences
 * are reported by the relation builder rather than guessed. */
static void test_errors_and_overflow(void **state) {
  (void)state;
  se_clear_error(C);
  const se_expr *big = se__int(C, INT64_MAX), *s0 = P("s0");
  const se_expr *e = se__add2(C, s0, big);
  assert_non_null(e);
  assert_int_equal(se__fact(C, e, SE_FACT_POS), SE_T_TRUE);
  assert_int_equal(se_last_status(C), SE_OK);
  assert_int_equal(se__rel_truth(C, SE_K_GE, big, se__neg(C, big)), SE_T_TRUE);
  assert_null(se__rel(C, SE_K_GE, e, se__int(C, -2)));
  assert_int_equal(se_last_status(C), SE_OVERFLOW);
  se_clear_error(C);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_worked_decisions),
      cmocka_unit_test(test_section10_relations),
      cmocka_unit_test(test_ms),
      cmocka_unit_test(test_fact_model),
      cmocka_unit_test(test_torch_facts),
      cmocka_unit_test(test_int_oo),
      cmocka_unit_test(test_special_sides),
      cmocka_unit_test(test_truth),
      cmocka_unit_test(test_errors_and_overflow),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
