/* PyTorch's function classes (torch-sympy 2): examples of the spec tables,
 * compared structurally (hash-consing makes equal expressions one pointer),
 * and integer folding against Python's // and % on a grid. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "expr/expr.h"

static se_ctx *c;
static const se_expr *S(const char *n) { return se_expr_symbol(c, n); }
static const se_expr *I(int64_t v) { return se_expr_int(c, v); }
static const se_expr *add(const se_expr *a, const se_expr *b) { return se_expr_add(c, a, b); }
static const se_expr *mul(const se_expr *a, const se_expr *b) { return se_expr_mul(c, a, b); }
static const se_expr *F1(se_kind k, const se_expr *a) { return se_expr_call(c, k, &a, 1); }
static const se_expr *F2(se_kind k, const se_expr *a, const se_expr *b) {
  const se_expr *v[2] = {a, b};
  return se_expr_call(c, k, v, 2);
}
static const se_expr *F3(se_kind k, const se_expr *a, const se_expr *b, const se_expr *d) {
  const se_expr *v[3] = {a, b, d};
  return se_expr_call(c, k, v, 3);
}
static const se_expr *N2(se_kind k, const se_expr *a, const se_expr *b) {
  const se_expr *v[2] = {a, b};
  return se__node(c, k, v, 2);
}
static const se_expr *N3(se_kind k, const se_expr *a, const se_expr *b, const se_expr *d) {
  const se_expr *v[3] = {a, b, d};
  return se__node(c, k, v, 3);
}

static int setup(void **st) {
  (void)st;
  c = se_ctx_new();
  return c ? 0 : -1;
}
static int teardown(void **st) {
  (void)st;
  se_ctx_free(c);
  return 0;
}

static int64_t pyfloordiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
  return q;
}
static int64_t pymod(int64_t a, int64_t b) { return a - b * pyfloordiv(a, b); }

static void test_grid(void **st) {
  (void)st;
  for (int64_t a = -9; a <= 9; a++)
    for (int64_t b = -4; b <= 4; b++) {
      if (b == 0) continue;
      const se_expr *fd = F2(SE_K_FLOORDIV, I(a), I(b));
      assert_ptr_equal(fd, I(pyfloordiv(a, b)));
      assert_ptr_equal(F2(SE_K_PYTHONMOD, I(a), I(b)), I(pymod(a, b)));
      if (b > 0) assert_ptr_equal(F3(SE_K_MODULARINDEXING, I(a), I(b), I(4)),
                                  I(pymod(pyfloordiv(a, b), 4)));
      if (a >= 0 && b >= 1) assert_ptr_equal(F2(SE_K_MOD, I(a), I(b)), I(pymod(a, b)));
    }
  assert_null(F2(SE_K_FLOORDIV, I(1), I(0)));
  assert_int_equal(se_last_status(c), SE_ZERODIV);
  se_clear_error(c);
  assert_null(F2(SE_K_MOD, I(-7), I(3)));
  assert_int_equal(se_last_status(c), SE_INVALID);
  se_clear_error(c);
}

static void test_floordiv(void **st) {
  (void)st;
  const se_expr *s0 = S("s0"), *s1 = S("s1"), *u0 = S("u0");
  assert_ptr_equal(F2(SE_K_FLOORDIV, s0, I(1)), s0);
  assert_ptr_equal(F2(SE_K_FLOORDIV, s0, I(-1)), se_expr_neg(c, s0));
  assert_ptr_equal(F2(SE_K_FLOORDIV, I(0), s0), I(0));
  assert_ptr_equal(F2(SE_K_FLOORDIV, mul(I(2), s0), I(2)), s0);
  assert_ptr_equal(F2(SE_K_FLOORDIV, mul(I(4), s0), I(2)), mul(I(2), s0));
  assert_ptr_equal(F2(SE_K_FLOORDIV, add(mul(I(2), s0), I(1)), I(2)), s0);
  assert_ptr_equal(F2(SE_K_FLOORDIV, add(s0, I(4)), I(2)), add(N2(SE_K_FLOORDIV, s0, I(2)), I(2)));
  assert_ptr_equal(F2(SE_K_FLOORDIV, add(s0, I(5)), I(2)), N2(SE_K_FLOORDIV, add(s0, I(5)), I(2)));
  assert_ptr_equal(F2(SE_K_FLOORDIV, mul(I(6), s0), I(4)), N2(SE_K_FLOORDIV, mul(I(3), s0), I(2)));
  assert_ptr_equal(F2(SE_K_FLOORDIV, mul(s0, s1), s0), s1);
  assert_ptr_equal(F2(SE_K_FLOORDIV, mul(s0, s1), mul(I(2), s1)), N2(SE_K_FLOORDIV, s0, I(2)));
  assert_ptr_equal(F2(SE_K_FLOORDIV, add(mul(s0, s1), s0), add(s1, I(1))), s0);
  assert_ptr_equal(F2(SE_K_FLOORDIV, u0, I(3)), N2(SE_K_FLOORDIV, u0, I(3)));
  assert_ptr_equal(F2(SE_K_FLOORDIV, F2(SE_K_FLOORDIV, s0, I(2)), I(3)), N2(SE_K_FLOORDIV, s0, I(6)));
  assert_ptr_equal(F2(SE_K_FLOORDIV, se_expr_const(c, SE_K_INT_OO), I(2)), se_expr_const(c, SE_K_INT_OO));
  assert_ptr_equal(F2(SE_K_FLOORDIV, se_expr_const(c, SE_K_OO), I(-3)), se_expr_const(c, SE_K_NEG_INT_OO));
  assert_ptr_equal(F2(SE_K_FLOORDIV, I(-5), se_expr_const(c, SE_K_INT_OO)), I(0));
  assert_ptr_equal(F2(SE_K_CLEANDIV, mul(I(6), s0), I(4)), N2(SE_K_FLOORDIV, mul(I(3), s0), I(2)));
  assert_ptr_equal(F2(SE_K_CLEANDIV, s0, I(2)), N2(SE_K_CLEANDIV, s0, I(2)));
}

static void test_mod_family(void **st) {
  (void)st;
  const se_expr *s0 = S("s0"), *s1 = S("s1"), *u0 = S("u0");
  assert_ptr_equal(F2(SE_K_MOD, s0, s0), I(0));
  assert_ptr_equal(F2(SE_K_MOD, se_expr_neg(c, s0), s0), I(0));
  assert_ptr_equal(F2(SE_K_MOD, mul(I(6), s0), I(3)), I(0));
  assert_ptr_equal(F2(SE_K_MOD, mul(s0, s1), s1), I(0));
  assert_ptr_equal(F2(SE_K_MOD, add(mul(I(2), s0), I(1)), I(2)), I(1));
  /* needs rel.c: s0 < s0 + 1 */
  if (se__rel_truth(c, SE_K_LT, s0, add(s0, I(1))) == SE_T_TRUE)
    assert_ptr_equal(F2(SE_K_MOD, s0, add(s0, I(1))), s0);
  assert_ptr_equal(F2(SE_K_MOD, add(s0, I(4)), I(4)), N2(SE_K_MOD, add(s0, I(4)), I(4)));
  assert_ptr_equal(F2(SE_K_MOD, se_expr_const(c, SE_K_INT_OO), I(3)), se_expr_const(c, SE_K_NAN));
  assert_ptr_equal(F2(SE_K_PYTHONMOD, u0, I(3)), N2(SE_K_PYTHONMOD, u0, I(3)));
  assert_ptr_equal(F2(SE_K_PYTHONMOD, add(mul(I(2), u0), I(1)), I(2)), I(1));
  assert_ptr_equal(F2(SE_K_PYTHONMOD, S("x"), I(1)), I(0));
  assert_ptr_equal(F3(SE_K_MODULARINDEXING, s0, I(1), I(4)), N3(SE_K_MODULARINDEXING, s0, I(1), I(4)));
  assert_ptr_equal(F3(SE_K_MODULARINDEXING, mul(I(4), s0), I(2), I(4)),
                   N3(SE_K_MODULARINDEXING, mul(I(2), s0), I(1), I(4)));
  assert_ptr_equal(F3(SE_K_MODULARINDEXING, mul(s0, s1), s1, I(4)), N3(SE_K_MODULARINDEXING, s0, I(1), I(4)));
  assert_ptr_equal(F3(SE_K_MODULARINDEXING, add(s0, I(8)), I(2), I(4)), N3(SE_K_MODULARINDEXING, s0, I(2), I(4)));
  assert_ptr_equal(F3(SE_K_MODULARINDEXING, add(s0, I(-4)), I(1), I(4)), N3(SE_K_MODULARINDEXING, s0, I(1), I(4)));
  assert_ptr_equal(F3(SE_K_MODULARINDEXING, add(s0, I(-3)), I(1), I(4)),
                   N3(SE_K_MODULARINDEXING, add(s0, I(-3)), I(1), I(4)));
  assert_ptr_equal(F3(SE_K_MODULARINDEXING, N2(SE_K_FLOORDIV, s0, I(2)), I(3), I(4)),
                   N3(SE_K_MODULARINDEXING, s0, I(6), I(4)));
}

static void test_conversions(void **st) {
  (void)st;
  assert_ptr_equal(F1(SE_K_CEILTOINT, se_expr_float(c, 2.5)), I(3));
  assert_ptr_equal(F1(SE_K_CEILTOINT, se_expr_float(c, -2.5)), I(-2));
  assert_ptr_equal(F1(SE_K_FLOORTOINT, se_expr_float(c, -2.5)), I(-3));
  assert_ptr_equal(F1(SE_K_TRUNCTOINT, se_expr_float(c, -2.7)), I(-2));
  assert_ptr_equal(F1(SE_K_ROUNDTOINT, se_expr_float(c, 2.5)), I(2));
  assert_ptr_equal(F1(SE_K_ROUNDTOINT, se_expr_float(c, 3.5)), I(4));
  assert_ptr_equal(F1(SE_K_ROUNDTOINT, se_expr_float(c, -2.5)), I(-2));
  assert_null(F1(SE_K_FLOORTOINT, se_expr_const(c, SE_K_NEG_INT_OO)));
  se_clear_error(c);
  assert_ptr_equal(F1(SE_K_TOFLOAT, I(3)), se_expr_float(c, 3.0));
  assert_ptr_equal(F1(SE_K_TOFLOAT, se_expr_const(c, SE_K_INT_OO)), se_expr_const(c, SE_K_OO));
  assert_int_equal(se_expr_kind(F1(SE_K_TOFLOAT, se_expr_float(c, 2.5))), SE_K_TOFLOAT);
  assert_ptr_equal(F2(SE_K_ROUNDDECIMAL, se_expr_float(c, 2.675), I(2)), se_expr_float(c, 2.67));
  assert_ptr_equal(F2(SE_K_ROUNDDECIMAL, I(1234), I(-2)), se_expr_float(c, 1200.0));
  assert_ptr_equal(F2(SE_K_INTTRUEDIV, I(7), I(2)), se_expr_float(c, 3.5));
  assert_ptr_equal(F2(SE_K_INTTRUEDIV, I(7), se_expr_const(c, SE_K_INT_OO)), se_expr_float(c, 0.0));
  const se_expr *s0 = S("s0");
  assert_int_equal(se_expr_kind(F2(SE_K_INTTRUEDIV, s0, s0)), SE_K_INTTRUEDIV);
}

static void test_pow_bitwise_opaque(void **st) {
  (void)st;
  assert_ptr_equal(F2(SE_K_POWBYNATURAL, I(2), I(62)), I(4611686018427387904));
  assert_ptr_equal(F2(SE_K_POWBYNATURAL, I(2), I(63)), se_expr_const(c, SE_K_INT_OO));
  assert_ptr_equal(F2(SE_K_POWBYNATURAL, I(-2), I(63)), se_expr_const(c, SE_K_NEG_INT_OO));
  assert_ptr_equal(F2(SE_K_POWBYNATURAL, I(-2), I(3)), I(-8));
  assert_ptr_equal(F2(SE_K_POWBYNATURAL, I(0), I(0)), I(1));
  const se_expr *s0 = S("s0");
  assert_ptr_equal(F2(SE_K_POWBYNATURAL, s0, I(0)), I(1));
  assert_int_equal(se_expr_kind(F2(SE_K_POWBYNATURAL, I(2), s0)), SE_K_POWBYNATURAL);
  assert_ptr_equal(F2(SE_K_BITWISE_AND, I(12), I(10)), I(8));
  assert_ptr_equal(F2(SE_K_BITWISE_OR, I(12), I(10)), I(14));
  assert_ptr_equal(F2(SE_K_BITWISE_XOR, I(12), I(10)), I(6));
  assert_ptr_equal(F2(SE_K_BITWISE_AND, I(-1), I(10)), I(10));
  assert_ptr_equal(F2(SE_K_BITWISE_OR, se_expr_bool(c, true), I(6)), I(7));
  assert_ptr_equal(F2(SE_K_BITWISE_AND, se_expr_bool(c, true), se_expr_bool(c, false)),
                   se_expr_bool(c, false));
  assert_null(F1(SE_K_OPAQUE_SQRT, I(-1)));
  assert_int_equal(se_last_status(c), SE_DOMAIN);
  se_clear_error(c);
  assert_ptr_equal(F1(SE_K_OPAQUE_SQRT, I(4)), se_expr_float(c, 2.0));
  assert_ptr_equal(F1(SE_K_OPAQUE_SQRT, se_expr_const(c, SE_K_INT_OO)), se_expr_const(c, SE_K_OO));
  assert_int_equal(se_expr_kind(F1(SE_K_OPAQUE_SQRT, se_expr_rational(c, 1, 2))), SE_K_OPAQUE_SQRT);
  assert_null(F1(SE_K_WHERE, I(1)));
  assert_int_equal(se_last_status(c), SE_INVALID);
  assert_non_null(strstr(se_errmsg(c), "Where"));
  se_clear_error(c);
  assert_ptr_equal(F3(SE_K_WHERE, se_expr_bool(c, true), s0, I(3)), s0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_grid, setup, teardown),
      cmocka_unit_test_setup_teardown(test_floordiv, setup, teardown),
      cmocka_unit_test_setup_teardown(test_mod_family, setup, teardown),
      cmocka_unit_test_setup_teardown(test_conversions, setup, teardown),
      cmocka_unit_test_setup_teardown(test_pow_bitwise_opaque, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
