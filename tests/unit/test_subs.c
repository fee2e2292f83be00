/* Substitution (simultaneous, re-evaluating), evaluation at a point and
 * free symbols. Values follow SymPy's subs: numbers fold, relations
 * decide, Min/Max pick the extreme, Python floor division and modulo keep
 * Python's signs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "expr/expr.h"

static se_ctx *C;

static const se_expr *P(const char *text) {
  se_clear_error(C);
  const se_expr *e = se_parse(C, text, strlen(text));
  if (!e) fail_msg("parse of '%s' failed: %s", text, se_errmsg(C));
  return e;
}

/* Substitutes "name=value,..." (values parsed) into text; compares str(). */
static void check_subs(const char *text, const char *assign, const char *want) {
  const se_expr *syms[8], *vals[8];
  size_t n = 0;
  char buf[256];
  snprintf(buf, sizeof buf, "%s", assign);
  for (char *tok = strtok(buf, ";"); tok && n < 8; tok = strtok(NULL, ";")) {
    char *eq = strchr(tok, '=');
    assert_non_null(eq);
    *eq = '\0';
    syms[n] = se_expr_symbol(C, tok);
    vals[n] = P(eq + 1);
    n++;
  }
  const se_expr *e = P(text);
  const se_expr *r = se_expr_subs(C, e, syms, vals, n);
  if (!r) fail_msg("subs into '%s' failed: %s", text, se_errmsg(C));
  char *got = se_expr_str(C, r);
  assert_non_null(got);
  assert_string_equal(got, want);
  free(got);
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

static void test_arith_values(void **state) {
  (void)state;
  check_subs("s0 + 2*s3 - 1", "s0=3;s3=2", "6");
  check_subs("s0**2*s3", "s0=-2;s3=3", "12");
  check_subs("s0/2 + 1", "s0=3", "5/2");
  check_subs("3*s0/2", "s0=-1/3", "-1/2");
  check_subs("s0 + 0.5", "s0=2", "2.50000000000000");
  check_subs("s0*s3 + s3", "s0=2", "3*s3");
  check_subs("(s0 + 1)**2", "s0=u1", "(u1 + 1)**2");
}

static void test_simultaneous(void **state) {
  (void)state;
  /* Swapping needs simultaneous substitution: s0 -> s3 and s3 -> s0. */
  check_subs("2*s0 + s3**2", "s0=s3;s3=s0", "s0**2 + 2*s3");
  check_subs("s0 - s3", "s0=s3;s3=s0", "-s0 + s3");
  /* A key that does not occur changes nothing: the same node comes back. */
  const se_expr *e = P("s0 + 1");
  const se_expr *k = se_expr_symbol(C, "s9"), *v = se_expr_int(C, 4);
  assert_ptr_equal(se_expr_subs(C, e, &k, &v, 1), e);
  assert_ptr_equal(se_expr_subs(C, e, NULL, NULL, 0), e);
}

static void test_relations_minmax(void **state) {
  (void)state;
  check_subs("s0 < s3", "s0=3;s3=2", "False");
  check_subs("s0 <= s3", "s0=2;s3=2", "True");
  check_subs("Eq(s0 + s7, 1)", "s0=1;s7=0", "True");
  check_subs("Ne(u0, -u0)", "u0=0", "False");
  check_subs("Max(s0, s3)", "s0=3;s3=7", "7");
  check_subs("Min(s0, u0) + 1", "s0=3;u0=-7", "-6");
  check_subs("(s0 < 3) & (s7 < 3)", "s0=1;s7=5", "False");
  check_subs("(s0 < 3) | (s7 < 3)", "s0=1", "True");
  check_subs("(s0 < 3) & (s7 < 3)", "s0=1", "s7 < 3");
  check_subs("~((s0 < 3) & (s7 < 3))", "s0=1;s7=1", "False");
}

static void test_python_division(void **state) {
  (void)state;
  check_subs("FloorDiv(u0, u1)", "u0=7;u1=2", "3");
  check_subs("FloorDiv(u0, u1)", "u0=-7;u1=2", "-4");
  check_subs("FloorDiv(u0, u1)", "u0=7;u1=-2", "-4");
  check_subs("FloorDiv(u0, u1)", "u0=-7;u1=-2", "3");
  check_subs("PythonMod(u0, u1)", "u0=-7;u1=3", "2");
  check_subs("PythonMod(u0, u1)", "u0=7;u1=-3", "-2");
  check_subs("PythonMod(u0, u1)", "u0=-7;u1=-3", "-1");
  check_subs("ModularIndexing(u0, 2, 4)", "u0=13", "2");
}

static void test_errors(void **state) {
  (void)state;
  const se_expr *e = P("s0 + 1");
  const se_expr *k = P("s0 + 1"), *v = se_expr_int(C, 4);
  se_clear_error(C);
  assert_null(se_expr_subs(C, e, &k, &v, 1));
  assert_int_equal(se_last_status(C), SE_INVALID);
  assert_string_equal(se_errmsg(C), "se_expr_subs: key 0 is a Add, not a Symbol");
  se_clear_error(C);
  assert_null(se_expr_subs(C, NULL, &k, &v, 1));
}

static void test_free_symbols(void **state) {
  (void)state;
  const se_expr **out = NULL;
  const se_expr *e = P("Max(s3, u1*s0) + s3*u1 < s12");
  size_t n = se_expr_free_symbols(C, e, &out);
  /* First occurrence, depth first, args left to right, in stored order. */
  char got[128] = "";
  for (size_t i = 0; i < n; i++) {
    strcat(got, se_expr_symbol_name(out[i]));
    strcat(got, " ");
  }
  /* stored order: Add(s3*u1, Max(s3, s0*u1)) */
  assert_string_equal(got, "s3 u1 s0 s12 ");
  assert_int_equal(n, 4);
  /* every symbol once */
  for (size_t i = 0; i < n; i++)
    for (size_t j = i + 1; j < n; j++) assert_ptr_not_equal(out[i], out[j]);
  se_free(out);
  n = se_expr_free_symbols(C, P("3/2"), &out);
  assert_int_equal(n, 0);
  se_free(out);
  n = se_expr_free_symbols(C, P("u7"), &out);
  assert_int_equal(n, 1);
  assert_string_equal(se_expr_symbol_name(out[0]), "u7");
  se_free(out);
}

/* A DAG with heavy sharing: x_{k+1} = Max(x_k, x_k + 1) style chains are
 * walked once per node, not once per path. */
static void test_shared_dag(void **state) {
  (void)state;
  const se_expr *x = se_expr_symbol(C, "u0");
  for (int i = 0; i < 200; i++) {
    const se_expr *v[2] = {x, se__pow(C, x, se__int(C, 2))};
    x = se__node(C, SE_K_MAX, v, 2); /* unevaluated: the DAG stays shared */
  }
  const se_expr **out = NULL;
  assert_int_equal(se_expr_free_symbols(C, x, &out), 1);
  se_free(out);
  const se_expr *k = se_expr_symbol(C, "u0"), *v = se_expr_int(C, 1);
  const se_expr *r = se_expr_subs(C, x, &k, &v, 1);
  if (!r) fail_msg("%s", se_errmsg(C));
  char *s = se_expr_str(C, r);
  assert_string_equal(s, "1");
  free(s);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_arith_values),     cmocka_unit_test(test_simultaneous),
      cmocka_unit_test(test_relations_minmax), cmocka_unit_test(test_python_division),
      cmocka_unit_test(test_errors),           cmocka_unit_test(test_free_symbols),
      cmocka_unit_test(test_shared_dag),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
