/* safe_expand (se_expr_expand) against SymPy 1.14's expand() on polynomial
 * inputs, and PyTorch's own behaviour where the two differ (a product with
 * a reciprocal factor keeps one fraction; function arguments are expanded
 * in place). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "expr/expr.h"

static se_ctx *C;

static void check(const char *in, const char *want) {
  const se_expr *e = se_parse(C, in, strlen(in));
  if (!e) fail_msg("cannot parse %s: %s", in, se_errmsg(C));
  const se_expr *x = se_expr_expand(C, e);
  if (!x) fail_msg("expand(%s) failed: %s", in, se_errmsg(C));
  char *got = se_expr_str(C, x);
  if (!got) fail_msg("cannot print expand(%s): %s", in, se_errmsg(C));
  assert_string_equal(got, want);
  free(got);
  /* Expanding again changes nothing. */
  assert_ptr_equal(se_expr_expand(C, x), x);
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

static void test_products_of_sums(void **state) {
  (void)state;
  check("(s0 + 1)*(s1 + 2)", "s0*s1 + 2*s0 + s1 + 2");
  check("2*(s0 + 1)*(s0 - 1)", "2*s0**2 - 2");
  check("s0*(s1 + 2) + 3", "s0*s1 + 2*s0 + 3");
  check("(u0 - 2)*(u0 + 2)*(x + y)", "u0**2*x + u0**2*y - 4*x - 4*y");
  check("s0**2*(s0 + 1)", "s0**3 + s0**2");
  check("(s0/2 + 1)*(s0 + 2)", "s0**2/2 + 2*s0 + 2");
  check("((s0 + 1)**2 + s1)*(s1 - 1)", "s0**2*s1 - s0**2 + 2*s0*s1 - 2*s0 + s1**2 - 1");
}

static void test_powers_of_sums(void **state) {
  (void)state;
  check("(s0 + s1)**2", "s0**2 + 2*s0*s1 + s1**2");
  check("(s0 + s1)**3", "s0**3 + 3*s0**2*s1 + 3*s0*s1**2 + s1**3");
  check("(2*s0 + 3)**2", "4*s0**2 + 12*s0 + 9");
  check("(s0 + s1 + 1)**2", "s0**2 + 2*s0*s1 + 2*s0 + s1**2 + 2*s1 + 1");
  check("(s0 + 1)**2*(s1 + 1)", "s0**2*s1 + s0**2 + 2*s0*s1 + 2*s0 + s1 + 1");
  check("(s0 + 1)**3 - s0**3", "3*s0**2 + 3*s0 + 1");
  check("(x + 1)*(x + 1)", "x**2 + 2*x + 1");
  check("(s0 + 1)**(-2)", "1/(s0**2 + 2*s0 + 1)");
  check("(s0 + 1)**(-1)", "1/(s0 + 1)");
}

static void test_inside_functions(void **state) {
  (void)state;
  check("Max(s0*(s1 + 1), 2)", "Max(2, s0*s1 + s0)");
  check("Eq((s0 + 1)*(s0 - 1), 3)", "Eq(s0**2 - 1, 3)");
  check("(s0 + 1)*(s1 + 1) < 10", "s0*s1 + s0 + s1 + 1 < 10");
  check("FloorDiv((s0 + 1)*(s1 + 1), 3)", "((s0*s1 + s0 + s1 + 1)//3)");
  check("Mod(s0*(s0 + 1), 4)", "Mod(s0**2 + s0, 4)");
}

static void test_unchanged(void **state) {
  (void)state;
  check("s0", "s0");
  check("5", "5");
  check("s0 + s1", "s0 + s1");
  check("s0**s1", "s0**s1");
  check("s0**(s1 + 2)", "s0**(s1 + 2)");
  check("2*s0*s1", "2*s0*s1");
  /* PyTorch keeps one fraction where SymPy's expand() splits it. */
  check("x*(y + 1)/(x + 1)", "(x*y + x)/(x + 1)");
  assert_null(se_expr_expand(C, NULL));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_products_of_sums),
      cmocka_unit_test(test_powers_of_sums),
      cmocka_unit_test(test_inside_functions),
      cmocka_unit_test(test_unchanged),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
