/* Add, Mul, Pow, neg and the str printer against SymPy 1.14's verified
 * outputs (sympy-core sections 2-4, 6 and 10). Inputs are built with the
 * binary constructors in the same grouping sympify uses. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "expr/expr.h"

static se_ctx *C;
#define S(n) se__sym(C, n, sizeof(n) - 1)
#define I(v) se__int(C, v)
#define ADD(a, b) se__add2(C, a, b)
#define SUB(a, b) se__sub(C, a, b)
#define MUL(a, b) se__mul2(C, a, b)
#define POW(a, b) se__pow(C, a, b)
#define NEG(a) se__neg(C, a)

static void check(const se_expr *e, const char *want) {
  char *got = e ? se_expr_str(C, e) : NULL;
  if (!got) fail_msg("no result for %s: %s", want, se_errmsg(C));
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

static void test_add_collect(void **state) {
  (void)state;
  const se_expr *s0 = S("s0"), *s3 = S("s3"), *s7 = S("s7");
  check(ADD(ADD(s0, s0), s0), "3*s0");
  check(SUB(ADD(s3, s3), MUL(s3, I(2))), "0");
  check(SUB(MUL(ADD(s0, I(1)), s3), MUL(s3, ADD(s0, I(1)))), "0");
  check(SUB(ADD(I(1), MUL(I(2), s0)), MUL(s0, I(2))), "1");
  check(SUB(MUL(ADD(s0, I(1)), s3), MUL(MUL(I(3), s3), ADD(s0, I(1)))), "-2*s3*(s0 + 1)");
  check(SUB(MUL(s3, ADD(MUL(I(2), s0), I(2))), MUL(MUL(I(2), s3), ADD(s0, I(1)))),
        "-2*s3*(s0 + 1) + s3*(2*s0 + 2)");
  check(SUB(POW(SUB(s0, s3), I(2)), POW(SUB(s3, s0), I(2))), "-(-s0 + s3)**2 + (s0 - s3)**2");
  check(ADD(s3, MUL(s0, s7)), "s0*s7 + s3");
}

static void test_add_order(void **state) {
  (void)state;
  const se_expr *s0 = S("s0"), *s3 = S("s3"), *s7 = S("s7"), *s12 = S("s12"),
                *s93 = S("s93"), *s44 = S("s44"), *s100 = S("s100"), *u0 = S("u0");
  check(ADD(ADD(s7, MUL(POW(s0, I(2)), s3)), MUL(s0, POW(s3, I(2)))),
        "s0**2*s3 + s0*s3**2 + s7");
  check(SUB(ADD(NEG(POW(s0, I(2))), MUL(I(5), POW(s0, I(3)))), I(7)), "5*s0**3 - s0**2 - 7");
  check(ADD(MUL(ADD(s0, I(1)), s3), s0), "s0 + s3*(s0 + 1)");
  check(ADD(MUL(ADD(s0, I(1)), s3), s3), "s3*(s0 + 1) + s3");
  check(ADD(MUL(s12, ADD(s0, I(1))), MUL(s12, SUB(s0, I(1)))), "s12*(s0 - 1) + s12*(s0 + 1)");
  check(ADD(MUL(s12, ADD(s0, I(1))), MUL(s12, SUB(I(1), s0))), "s12*(1 - s0) + s12*(s0 + 1)");
  check(ADD(MUL(POW(ADD(s0, I(1)), I(2)), s3), MUL(ADD(s0, I(1)), POW(s3, I(2)))),
        "s3**2*(s0 + 1) + s3*(s0 + 1)**2");
  check(ADD(ADD(s0, s3), ADD(ADD(s12, s7), s100)), "s0 + s100 + s12 + s3 + s7");
  check(ADD(ADD(u0, s93), s12), "s12 + s93 + u0");
  check(ADD(ADD(POW(s7, I(2)), MUL(s0, s3)), POW(s3, I(2))), "s0*s3 + s3**2 + s7**2");
  check(ADD(MUL(s0, ADD(s3, I(1))), s0), "s0*(s3 + 1) + s0");
  check(ADD(POW(ADD(s0, I(1)), I(2)), s3), "s3 + (s0 + 1)**2");
  check(ADD(MUL(MUL(s12, s7), I(-64)), SUB(s3, ADD(ADD(POW(s7, I(2)), s93), I(5)))),
        "-64*s12*s7 + s3 - s7**2 - s93 - 5");
  check(SUB(I(3), s0), "3 - s0");
  check(SUB(I(3), MUL(s0, s7)), "-s0*s7 + 3");
  check(ADD(I(-3), s0), "s0 - 3");
  check(SUB(ADD(I(16), I(-1)), s44), "15 - s44");
  check(ADD(MUL(ADD(s0, I(1)), I(2)), s3), "2*s0 + s3 + 2");
  check(SUB(se__rat(C, 1, 2), s0), "1/2 - s0");
  check(SUB(I(3), MUL(I(2), s0)), "3 - 2*s0");
  check(SUB(I(3), POW(s0, I(2))), "3 - s0**2");
}

static void test_mul(void **state) {
  (void)state;
  const se_expr *s0 = S("s0"), *s3 = S("s3"), *s7 = S("s7"), *s93 = S("s93");
  const se_expr *s0p1 = ADD(s0, I(1));
  check(MUL(I(2), s0p1), "2*s0 + 2");
  check(MUL(ADD(s0, s3), I(-1)), "-s0 - s3");
  check(MUL(ADD(MUL(I(2), s0), I(4)), se__rat(C, 1, 2)), "s0 + 2");
  check(MUL(MUL(s0p1, I(2)), s3), "s3*(2*s0 + 2)");
  check(MUL(s3, MUL(s0p1, I(2))), "s3*(2*s0 + 2)");
  check(MUL(I(2), MUL(s0p1, s3)), "2*s3*(s0 + 1)");
  check(MUL(MUL(s3, I(2)), s0p1), "2*s3*(s0 + 1)");
  check(NEG(ADD(s0, s3)), "-s0 - s3");
  check(NEG(MUL(s3, s0p1)), "-s3*(s0 + 1)");
  check(MUL(SUB(s0, s3), s7), "s7*(s0 - s3)");
  check(MUL(SUB(s3, s0), s7), "s7*(-s0 + s3)");
  check(MUL(SUB(I(1), s0), s7), "s7*(1 - s0)");
  check(MUL(s0p1, s0p1), "(s0 + 1)**2");
  check(MUL(POW(s0p1, I(2)), s0p1), "(s0 + 1)**3");
  check(MUL(ADD(MUL(I(2), s0), I(2)), s0p1), "(s0 + 1)*(2*s0 + 2)");
  check(MUL(ADD(s7, I(1)), ADD(ADD(s0, s3), I(1))), "(s7 + 1)*(s0 + s3 + 1)");
  check(MUL(ADD(s0, s7), s0p1), "(s0 + 1)*(s0 + s7)");
  check(MUL(POW(s0p1, I(2)), ADD(s0, I(2))), "(s0 + 1)**2*(s0 + 2)");
  check(MUL(MUL(s0, s3), I(-2)), "-2*s0*s3");
  check(MUL(NEG(s0p1), ADD(s3, I(1))), "(-s0 - 1)*(s3 + 1)");
  check(NEG(MUL(s0p1, ADD(s3, I(1)))), "-(s0 + 1)*(s3 + 1)");
  check(NEG(MUL(NEG(s0), s7)), "s0*s7");
  check(MUL(s3, ADD(ADD(NEG(s0), MUL(MUL(I(100), s93), ADD(s3, I(2)))), I(3))),
        "s3*(-s0 + 100*s93*(s3 + 2) + 3)");
  check(MUL(se__rat(C, 3, 2), s0), "3*s0/2");
  check(MUL(se__rat(C, -1, 2), MUL(s0, s3)), "-s0*s3/2");
  check(MUL(se__rat(C, 1, 2), MUL(s3, s0p1)), "s3*(s0 + 1)/2");
  check(MUL(I(0), s0p1), "0");
}

static void test_pow(void **state) {
  (void)state;
  const se_expr *s0 = S("s0"), *s3 = S("s3"), *u0 = S("u0");
  const se_expr *s0p1 = ADD(s0, I(1));
  check(POW(MUL(I(2), s0), I(3)), "8*s0**3");
  check(POW(MUL(I(-2), s0), I(3)), "-8*s0**3");
  check(POW(NEG(s0), I(2)), "s0**2");
  check(POW(NEG(s0), I(3)), "-s0**3");
  check(POW(MUL(s0, s3), I(2)), "s0**2*s3**2");
  check(POW(MUL(s0, ADD(s3, I(1))), I(2)), "s0**2*(s3 + 1)**2");
  check(POW(POW(s0, I(2)), I(3)), "s0**6");
  check(POW(POW(s0p1, I(2)), I(2)), "(s0 + 1)**4");
  check(POW(s0p1, I(0)), "1");
  check(POW(SUB(NEG(s0), I(1)), I(2)), "(-s0 - 1)**2");
  check(POW(I(-2), I(3)), "-8");
  check(POW(se__rat(C, 1, 2), I(2)), "1/4");
  check(POW(I(0), I(0)), "1");
  check(POW(u0, I(-1)), "1/u0");
  check(se_expr_div(C, u0, POW(s0, I(2))), "u0/s0**2");
}

/* Powers merge only when their exponents share the non-coefficient part;
 * (b**e)**n multiplies exponents; exact rational roots evaluate (all as
 * SymPy 1.14 prints them). */
static void test_power_merging(void **state) {
  (void)state;
  const se_expr *y = S("y"), *a = S("a"), *b = S("b");
  check(MUL(POW(y, a), POW(y, b)), "y**a*y**b");
  check(MUL(POW(y, a), y), "y*y**a");
  check(MUL(POW(y, I(2)), POW(y, a)), "y**2*y**a");
  check(MUL(POW(y, MUL(I(2), a)), POW(y, a)), "y**(3*a)");
  check(se_expr_div(C, POW(y, a), POW(y, a)), "1");
  check(POW(POW(y, a), I(-1)), "y**(-a)");
  check(POW(POW(y, ADD(a, I(1))), I(2)), "y**(2*a + 2)");
  check(POW(I(4), se__rat(C, 1, 2)), "2");
  check(POW(se__rat(C, 8, 27), se__rat(C, 2, 3)), "4/9");
  check(POW(I(2), se__rat(C, 1, 2)), "sqrt(2)");
  check(POW(I(0), se__rat(C, 1, 2)), "0");
}

static void test_numbers(void **state) {
  (void)state;
  check(se__float(C, 2.5), "2.50000000000000");
  check(se__float(C, 0.1), "0.100000000000000");
  check(se__float(C, 1.5e-7), "1.50000000000000e-7");
  check(se__float(C, 0.0001), "0.000100000000000000");
  check(se__float(C, 0.0), "0.0");
  check(MUL(se__float(C, 2.5), S("s0")), "2.5*s0");
  check(MUL(se__float(C, 1.0), S("s0")), "1.0*s0");
  check(ADD(S("s0"), se__float(C, 0.5)), "s0 + 0.5");
  check(se__rat(C, -3, 2), "-3/2");
  check(se__rat(C, 4, -2), "-2");
  /* int_oo arithmetic (torch-sympy 1). */
  const se_expr *oo = se__const(C, SE_K_INT_OO);
  check(se__num_add(C, oo, I(1)), "int_oo");
  check(se__num_add(C, I(1), se__num_neg(C, oo)), "-int_oo");
  check(se__num_mul(C, I(-1), oo), "-int_oo");
  check(se__num_mul(C, oo, I(0)), "nan");
  check(se__num_add(C, oo, se__num_neg(C, oo)), "nan");
  check(se__num_div(C, oo, I(2)), "oo");
  check(se__num_div(C, se__num_neg(C, oo), I(2)), "-int_oo");
  check(se__num_pow(C, se__num_neg(C, oo), I(3)), "-int_oo");
  check(se__num_pow(C, oo, I(-1)), "0");
  assert_int_equal(se__num_cmp(oo, se__const(C, SE_K_OO)), -1);
}

static void test_overflow(void **state) {
  (void)state;
  se_clear_error(C);
  assert_null(MUL(I(INT64_MAX), I(2)));
  assert_int_equal(se_last_status(C), SE_OVERFLOW);
  assert_string_equal(se_errmsg(C), "integer overflow: 9223372036854775807 * 2");
  se_clear_error(C);
  assert_null(ADD(I(INT64_MAX), ADD(S("s0"), I(1))));
  assert_int_equal(se_last_status(C), SE_OVERFLOW);
  se_clear_error(C);
  assert_null(POW(I(3), I(41)));
  assert_int_equal(se_last_status(C), SE_OVERFLOW);
  se_clear_error(C);
  assert_null(NEG(I(INT64_MIN)));
  assert_int_equal(se_last_status(C), SE_OVERFLOW);
  se_clear_error(C);
  /* NULL propagates: one check at the end of a chain. */
  assert_null(ADD(S("s0"), MUL(I(INT64_MAX), I(3))));
  se_clear_error(C);
}

static void test_hash_consing(void **state) {
  (void)state;
  const se_expr *s0 = S("s0"), *s3 = S("s3");
  assert_ptr_equal(ADD(s0, s3), ADD(s3, s0));
  assert_ptr_equal(MUL(ADD(s0, I(1)), s3), MUL(s3, ADD(I(1), s0)));
  assert_ptr_equal(S("s0"), s0);
  assert_ptr_not_equal(ADD(s0, I(1)), ADD(s0, I(2)));
}

/* Out-of-memory at every allocation of a build: never crashes, reports
 * SE_NOMEM, and the context stays usable after se_clear_error. */
static void test_oom_loop(void **state) {
  (void)state;
  for (int64_t k = 0; k < 40; k++) {
    se_ctx *c = se_ctx_new();
    assert_non_null(c);
    c->arena.fail_after = k;
    const se_expr *s0 = se__sym(c, "s9", 2), *s1 = se__sym(c, "s8", 2);
    const se_expr *e = se__mul2(c, se__add2(c, s0, se__int(c, 7)), se__pow(c, se__add2(c, s1, s0), se__int(c, 2)));
    if (!e) assert_int_equal(se_last_status(c), SE_NOMEM);
    c->arena.fail_after = -1;
    se_ctx_free(c);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_add_collect), cmocka_unit_test(test_add_order),
      cmocka_unit_test(test_mul),         cmocka_unit_test(test_pow),
      cmocka_unit_test(test_numbers),     cmocka_unit_test(test_overflow),
      cmocka_unit_test(test_power_merging),
      cmocka_unit_test(test_hash_consing), cmocka_unit_test(test_oom_loop),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
