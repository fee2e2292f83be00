/* Value ranges: construction, printing, & and |, the range rule of each
 * operation and bound_sympy, against torch-sympy sections 1, 3.1-3.4 (the
 * [NEW] variants) and peer case C27; plus a randomized soundness check:
 * every pointwise value of a random integer expression lies in its range. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>
#include <cmocka.h>

#include "ranges/ranges.h"

static se_ctx *C;

static const se_expr *P(const char *text) {
  const se_expr *e = se_parse(C, text, strlen(text));
  if (!e) fail_msg("cannot parse %s: %s", text, se_errmsg(C));
  return e;
}

/* VR[lo, hi] from bound texts ("2", "int_oo", "-oo", "0.5", "True"). */
static se_range R(const char *lo, const char *hi) {
  se_range r = se__vr_make(C, P(lo), P(hi));
  if (!se__vr_ok(r)) fail_msg("bad range [%s, %s]: %s", lo, hi, se_errmsg(C));
  return r;
}
static se_range W(const char *v) { return R(v, v); }

static void check(se_range r, const char *want) {
  if (!se__vr_ok(r)) fail_msg("no range for %s: %s", want, se_errmsg(C));
  char *got = se_range_str(C, r);
  if (!got) fail_msg("cannot print range for %s: %s", want, se_errmsg(C));
  assert_string_equal(got, want);
  free(got);
}

/* The operation failed with status st and message msg (NULL: any). */
static void check_fail(se_range r, se_status st, const char *msg) {
  assert_false(se__vr_ok(r));
  assert_int_equal(se_last_status(C), st);
  if (msg) assert_string_equal(se_errmsg(C), msg);
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

/* ---- 3.1: the value ------------------------------------------------------ */

static void test_construct_print(void **state) {
  (void)state;
  check(R("2", "oo"), "VR[2, int_oo]");
  check(R("-oo", "5"), "VR[-int_oo, 5]");
  check(se_range_unknown(C), "VR[-oo, oo]");
  check(se_range_unknown_int(C), "VR[-int_oo, int_oo]");
  check(se_range_unknown_bool(C), "VR[False, True]");
  check(R("0", "1"), "VR[0, 1]");
  check(W("3"), "VR[3, 3]");
  check(R("0.0", "1.0"), "VR[0.0, 1.00000000000000]");
  check(R("2.0", "oo"), "VR[2.00000000000000, oo]");
  assert_true(R("2", "oo").is_int);
  assert_true(se_range_unknown_int(C).is_int);
  assert_false(se_range_unknown(C).is_int);
  assert_false(R("0", "1.5").is_int);
  assert_true(se_range_unknown_bool(C).is_bool);
  se_range out;
  assert_int_equal(se_range_make(C, P("5"), P("2"), &out), SE_RANGE);
  assert_string_equal(se_errmsg(C), "Invalid ranges [5:2]");
  se_clear_error(C);
  assert_int_equal(se_range_make(C, P("True"), P("False"), &out), SE_RANGE);
  assert_string_equal(se_errmsg(C), "Invalid ranges [True:False]");
  se_clear_error(C);
  check_fail(se__vr_make(C, P("nan"), P("1")), SE_INVALID, NULL);
  check_fail(se__vr_make(C, P("x"), P("1")), SE_INVALID, NULL);
  assert_int_equal(se_range_make(C, P("-int_oo"), P("oo"), &out), SE_OK);
  check(out, "VR[-int_oo, oo]");
  assert_false(out.is_int);
}

static void test_and_or_subset(void **state) {
  (void)state;
  check_fail(se__vr_and(C, R("2", "int_oo"), R("0.0", "1.5")), SE_INVALID, NULL);
  check_fail(se__vr_and(C, R("2", "5"), R("6", "10")), SE_RANGE, "Invalid ranges [6:5]");
  check(se__vr_and(C, R("2", "int_oo"), R("0", "10")), "VR[2, 10]");
  check(se__vr_and(C, R("2", "5"), se_range_unknown(C)), "VR[2, 5]");
  check(se__vr_and(C, se_range_unknown_int(C), R("0.5", "1.5")),
        "VR[0.500000000000000, 1.50000000000000]");
  check(se__vr_and(C, R("False", "True"), W("True")), "VR[True, True]");
  check(se__vr_or(C, R("2", "5"), R("7", "10")), "VR[2, 10]");
  check(se__vr_or(C, R("2", "int_oo"), se_range_unknown_int(C)), "VR[-int_oo, int_oo]");
  check(se__vr_or(C, R("2", "5"), se_range_unknown(C)), "VR[-oo, oo]");
  check(se__vr_or(C, W("False"), W("True")), "VR[False, True]");
  assert_true(se__vr_issubset(R("2", "5"), R("0", "10")));
  assert_true(se__vr_issubset(R("2", "int_oo"), se_range_unknown_int(C)));
  assert_false(se__vr_issubset(R("-1", "3"), R("0", "10")));
  assert_false(se__vr_issubset(R("0", "int_oo"), R("0", "10")));
  assert_true(se__vr_contains(R("0.0", "1.0"), P("0")));
  assert_false(se__vr_contains(R("1", "int_oo"), P("oo")));
  assert_true(se__vr_is_singleton(W("3")));
}

/* ---- section 1 / C27: int_oo seen through ranges ------------------------ */

static void test_int_oo_arith(void **state) {
  (void)state;
  check(se__vr_add(C, W("int_oo"), W("int_oo")), "VR[int_oo, int_oo]");
  check(se__vr_add(C, W("int_oo"), W("1")), "VR[int_oo, int_oo]");
  check(se__vr_sub(C, W("int_oo"), W("1")), "VR[int_oo, int_oo]");
  check(se__vr_sub(C, W("1"), W("int_oo")), "VR[-int_oo, -int_oo]");
  check(se__vr_mul(C, W("2"), W("int_oo")), "VR[int_oo, int_oo]");
  check(se__vr_mul(C, W("-1"), W("-int_oo")), "VR[int_oo, int_oo]");
  check(se__vr_mul(C, W("-1"), W("int_oo")), "VR[-int_oo, -int_oo]");
  check(se__vr_neg(C, W("-int_oo")), "VR[int_oo, int_oo]");
  check(se__vr_abs(C, W("-int_oo")), "VR[int_oo, int_oo]");
  check(se__vr_pow_by_natural(C, W("int_oo"), W("2")), "VR[int_oo, int_oo]");
  check(se__vr_pow_by_natural(C, W("-int_oo"), W("3")), "VR[-int_oo, -int_oo]");
  check(se__vr_int_truediv(C, W("int_oo"), W("2")), "VR[oo, oo]");
  check(se__vr_minimum(C, W("-int_oo"), W("-4")), "VR[-int_oo, -int_oo]");
  check(se__vr_maximum(C, W("int_oo"), W("oo")), "VR[oo, oo]");
  check(se__vr_minimum(C, W("-int_oo"), W("-oo")), "VR[-oo, -oo]");
  check(se__vr_lt(C, W("int_oo"), W("oo")), "VR[True, True]");
  check(se__vr_gt(C, W("-int_oo"), W("-oo")), "VR[True, True]");
  check(se__vr_ge(C, W("int_oo"), W("9223372036854775807")), "VR[True, True]");
  check(se__vr_lt(C, W("int_oo"), W("int_oo")), "VR[False, False]");
  check(se__vr_eq(C, W("int_oo"), W("2")), "VR[False, False]");
  /* C27 */
  check(se__vr_mul(C, W("0"), se_range_unknown(C)), "VR[0, 0]");
  check(se__vr_mul(C, W("0.0"), se_range_unknown(C)), "VR[0.0, 0.0]");
}

/* ---- 3.2 / 3.3: the rules -------------------------------------------------- */

static void test_add_mul_div(void **state) {
  (void)state;
  se_range unk = se_range_unknown(C), unk_i = se_range_unknown_int(C);
  check(se__vr_add(C, R("2", "int_oo"), W("1")), "VR[3, int_oo]");
  check(se__vr_add(C, R("0.5", "1.0"), R("1", "int_oo")), "VR[1.50000000000000, oo]");
  check(se__vr_mul(C, R("2", "3"), R("-1", "4")), "VR[-3, 12]");
  check(se__vr_mul(C, R("0", "2"), unk_i), "VR[-int_oo, int_oo]");
  check(se__vr_mul(C, R("2", "int_oo"), R("2", "int_oo")), "VR[4, int_oo]");
  check(se__vr_mul(C, W("True"), R("False", "True")), "VR[False, True]");
  check(se__vr_truediv(C, R("2", "4"), R("1", "2")), "VR[1.00000000000000, 4.00000000000000]");
  check(se__vr_truediv(C, R("2", "4"), R("0", "2")), "VR[-oo, oo]");
  check(se__vr_truediv(C, unk, unk), "VR[-oo, oo]");
  check(se__vr_int_truediv(C, R("2", "int_oo"), W("2")), "VR[1.00000000000000, oo]");
  check(se__vr_int_truediv(C, R("2", "int_oo"), R("1", "int_oo")), "VR[-oo, oo]");
  check(se__vr_reciprocal(C, R("2", "4")), "VR[0.250000000000000, 0.500000000000000]");
  check(se__vr_reciprocal(C, R("-1", "4")), "VR[-oo, oo]");
  check(se__vr_square(C, R("-3", "2")), "VR[0, 9]");
  check(se__vr_neg(C, R("2", "int_oo")), "VR[-int_oo, -2]");
  check(se__vr_sub(C, R("2", "int_oo"), R("2", "int_oo")), "VR[-int_oo, int_oo]");
  check_fail(se__vr_add(C, W("True"), W("1")), SE_INVALID, NULL);
}

static void test_floordiv_mod(void **state) {
  (void)state;
  se_range unk_i = se_range_unknown_int(C);
  check(se__vr_floordiv(C, R("2", "int_oo"), W("2")), "VR[1, int_oo]");
  check(se__vr_floordiv(C, R("-7", "7"), R("2", "3")), "VR[-4, 3]");
  check(se__vr_floordiv(C, R("2", "int_oo"), R("2", "int_oo")), "VR[0, int_oo]");
  check(se__vr_floordiv(C, R("2", "10"), R("0", "3")), "VR[0, int_oo]");
  check(se__vr_floordiv(C, R("-10", "-2"), R("0", "3")), "VR[-int_oo, 0]");
  check(se__vr_floordiv(C, R("-10", "2"), R("0", "3")), "VR[-int_oo, int_oo]");
  check(se__vr_mod(C, R("0", "int_oo"), W("3")), "VR[0, 2]");
  check(se__vr_mod(C, R("7", "8"), W("3")), "VR[1, 2]");
  check(se__vr_mod(C, R("-5", "-4"), W("3")), "VR[-2, -1]");
  check(se__vr_mod(C, R("-5", "1"), W("3")), "VR[-2, 1]");
  check(se__vr_mod(C, unk_i, W("3")), "VR[-2, 2]");
  check(se__vr_mod(C, R("0", "10"), R("2", "5")), "VR[-4, 4]");
  check(se__vr_mod(C, R("0", "10"), R("2", "int_oo")), "VR[-int_oo, int_oo]");
  check(se__vr_mod(C, W("-7"), W("3")), "VR[-1, -1]");
  check(se__vr_mod(C, R("0", "10"), R("-2", "5")), "VR[-int_oo, int_oo]");
  check(se__vr_python_mod(C, unk_i, W("3")), "VR[0, 2]");
  check(se__vr_python_mod(C, unk_i, W("-3")), "VR[-2, 0]");
  check(se__vr_python_mod(C, unk_i, R("-3", "5")), "VR[-2, 4]");
  check(se__vr_python_mod(C, W("-7"), W("3")), "VR[0, 2]");
  check(se__vr_modular_indexing(C, R("0", "100"), W("4"), W("8")), "VR[0, 7]");
}

static void test_pow(void **state) {
  (void)state;
  check(se__vr_pow_by_natural(C, R("2", "3"), R("2", "3")), "VR[4, 27]");
  check(se__vr_pow_by_natural(C, R("-3", "2"), W("2")), "VR[0, 9]");
  check(se__vr_pow_by_natural(C, R("-3", "2"), W("3")), "VR[-27, 8]");
  check(se__vr_pow_by_natural(C, R("-3", "2"), R("1", "3")), "VR[-27, 27]");
  check(se__vr_pow_by_natural(C, W("2"), W("63")), "VR[int_oo, int_oo]");
  check(se__vr_pow_by_natural(C, W("2"), W("62")), "VR[4611686018427387904, 4611686018427387904]");
  check(se__vr_pow_by_natural(C, W("-2"), W("63")), "VR[-int_oo, -int_oo]");
  check(se__vr_pow_by_natural(C, W("0"), W("0")), "VR[1, 1]");
  check(se__vr_pow_by_natural(C, R("0", "2"), R("0", "2")), "VR[-4, 4]");
  check(se__vr_pow_by_natural(C, R("2", "int_oo"), R("2", "int_oo")), "VR[4, int_oo]");
  check(se__vr_pow(C, se_range_unknown(C), W("0.5")), "VR[-oo, oo]");
}

static void test_unary(void **state) {
  (void)state;
  se_range unk = se_range_unknown(C), unk_i = se_range_unknown_int(C);
  check(se__vr_abs(C, R("-3", "2")), "VR[0, 3]");
  check(se__vr_abs(C, R("-3", "-2")), "VR[2, 3]");
  check(se__vr_abs(C, unk_i), "VR[0, int_oo]");
  check(se__vr_abs(C, unk), "VR[0.0, oo]");
  check(se__vr_exp(C, R("0", "1")), "VR[1.00000000000000, 2.71828182845905]");
  check(se__vr_log(C, R("0", "1")), "VR[-oo, oo]");
  check(se__vr_log(C, R("1", "int_oo")), "VR[0.0, oo]");
  check(se__vr_log2(C, R("1", "8")), "VR[0.0, 3.00000000000000]");
  check(se__vr_sqrt(C, R("4", "9")), "VR[2.00000000000000, 3.00000000000000]");
  check(se__vr_sqrt(C, R("0", "int_oo")), "VR[0.0, oo]");
  check(se__vr_sqrt(C, R("-1", "4")), "VR[-oo, oo]");
  check(se__vr_minimum(C, R("2", "int_oo"), R("0", "5")), "VR[0, 5]");
  check(se__vr_maximum(C, R("2", "int_oo"), R("0", "5")), "VR[2, int_oo]");
  check(se__vr_floor_to_int(C, R("-2.5", "3.5")), "VR[-3, 3]");
  check(se__vr_floor_to_int(C, unk), "VR[-oo, oo]");
  check(se__vr_ceil_to_int(C, R("-2.5", "3.5")), "VR[-2, 4]");
  check(se__vr_trunc_to_int(C, R("-2.5", "3.5")), "VR[-2, 3]");
  check(se__vr_trunc_to_int(C, unk), "VR[-int_oo, int_oo]");
  check(se__vr_round_to_int(C, R("2.5", "3.5")), "VR[2, 4]");
  check(se__vr_floor(C, R("-2.5", "3.5")), "VR[-3.00000000000000, 3.00000000000000]");
  check(se__vr_ceil(C, R("-2.5", "3.5")), "VR[-2.00000000000000, 4.00000000000000]");
  check(se__vr_trunc(C, R("-2.7", "3.5")), "VR[-2.00000000000000, 3.00000000000000]");
  check(se__vr_round_decimal(C, R("2.675", "1234"), W("2")),
        "VR[2.67000000000000, 1234.00000000000]");
  check(se__vr_round_decimal(C, W("1234"), W("-2")), "VR[1200.00000000000, 1200.00000000000]");
  check(se__vr_to_dtype(C, R("2", "int_oo"), SE_DT_FLOAT64), "VR[2.00000000000000, oo]");
  check(se__vr_to_dtype(C, R("2", "int_oo"), SE_DT_BOOL), "VR[False, True]");
  check(se__vr_to_dtype(C, R("2", "int_oo"), SE_DT_INT64), "VR[-int_oo, int_oo]");
  check(se__vr_identity(C, R("2", "5")), "VR[2, 5]");
  check(se__vr_opaque(C, SE_K_OPAQUE_COS, unk), "VR[-1.00000000000000, 1.00000000000000]");
  check(se__vr_opaque(C, SE_K_OPAQUE_COSH, unk), "VR[0.0, oo]");
  check(se__vr_opaque(C, SE_K_OPAQUE_TAN, R("0", "1")), "VR[-oo, oo]");
}

static void test_logic(void **state) {
  (void)state;
  se_range tt = W("True"), ft = R("False", "True");
  check(se__vr_eq(C, R("2", "int_oo"), R("0", "1")), "VR[False, False]");
  check(se__vr_eq(C, W("3"), W("3")), "VR[True, True]");
  check(se__vr_eq(C, R("0", "3"), R("3", "5")), "VR[False, True]");
  check(se__vr_ne(C, R("2", "int_oo"), R("0", "1")), "VR[True, True]");
  check(se__vr_lt(C, R("0", "2"), R("3", "5")), "VR[True, True]");
  check(se__vr_lt(C, R("0", "3"), R("3", "5")), "VR[False, True]");
  check(se__vr_le(C, R("0", "3"), R("3", "5")), "VR[True, True]");
  check(se__vr_ge(C, R("3", "5"), R("0", "3")), "VR[True, True]");
  check(se__vr_gt(C, R("0", "3"), R("3", "5")), "VR[False, False]");
  check(se__vr_not(C, tt), "VR[False, False]");
  check(se__vr_not(C, se_range_unknown(C)), "VR[False, True]");
  check(se__vr_land(C, tt, ft), "VR[False, True]");
  check(se__vr_lor(C, tt, ft), "VR[True, True]");
  check(se__vr_lt(C, W("False"), W("True")), "VR[True, True]");
  check_fail(se__vr_not(C, R("0", "1")), SE_INVALID, "not bool like VR[0, 1]");
  check(se__vr_bitwise_and(C, R("0", "5"), R("0", "12")), "VR[0, 12]");
  check(se__vr_bitwise_and(C, R("-3", "5"), R("0", "12")), "VR[-4, 12]");
  check(se__vr_bitwise_and(C, se_range_unknown_int(C), R("0", "12")), "VR[0, int_oo]");
  check(se__vr_bitwise_and(C, tt, ft), "VR[False, True]");
  check(se__vr_bitwise_and(C, tt, R("0", "12")), "VR[0, 12]");
  check(se__vr_bitwise_or(C, R("0", "5"), R("0", "12")), "VR[0, 15]");
  check(se__vr_bitwise_or(C, R("-3", "-2"), R("-8", "-1")), "VR[-8, -1]");
  check(se__vr_bitwise_xor(C, W("12"), W("10")), "VR[6, 6]");
  check(se__vr_bitwise_xor(C, R("0", "12"), W("10")), "VR[-int_oo, int_oo]");
  check(se__vr_bitwise_xor(C, tt, tt), "VR[False, False]");
  check(se__vr_bitwise_xor(C, tt, ft), "VR[False, True]");
  check(se__vr_where(C, ft, R("0", "3"), R("5", "9")), "VR[0, 9]");
  check(se__vr_where(C, ft, tt, W("False")), "VR[False, True]");
  se_range ex[2] = {R("0", "3"), R("5", "9")}, cd[2] = {W("False"), ft};
  check(se__vr_piecewise(C, ex, cd, 2), "VR[5, 9]");
  cd[0] = tt;
  check(se__vr_piecewise(C, ex, cd, 2), "VR[0, 9]");
  cd[0] = cd[1] = W("False");
  check_fail(se__vr_piecewise(C, ex, cd, 2), SE_RANGE, NULL);
}

/* Equal bounds of different kinds: SymPy's Min/Max decide (Min(0, 0.0) is
 * 0.0, Max(2, 2.0) is 2); & and | refuse mixed int/float ranges. */
static void test_ties(void **state) {
  (void)state;
  check(se__vr_minimum(C, W("0"), W("0.0")), "VR[0.0, 0.0]");
  check(se__vr_maximum(C, W("2"), W("2.0")), "VR[2, 2]");
  check(se__vr_maximum(C, W("2.0"), W("2")), "VR[2, 2]");
  check_fail(se__vr_and(C, R("0", "5"), R("0.0", "5.0")), SE_INVALID, NULL);
  /* A Float operand makes every corner a Float, even 0*0.0. */
  check(se__vr_mul(C, R("0", "1"), R("0.0", "1.0")), "VR[0.0, 1.00000000000000]");
}

/* On constant singletons every rule gives the singleton of the exact
 * result (torch-sympy 3.3's invariant). */
static void test_constant_singletons(void **state) {
  (void)state;
  static const int64_t k[] = {-7, -3, -1, 0, 1, 2, 3, 5, 12};
  const size_t nk = sizeof k / sizeof k[0];
  for (size_t i = 0; i < nk; i++)
    for (size_t j = 0; j < nk; j++) {
      int64_t a = k[i], b = k[j];
      se_range ra = se__vr_wrap(C, se__int(C, a)), rb = se__vr_wrap(C, se__int(C, b));
      struct {
        se_range r;
        int64_t want;
        bool defined;
      } cases[] = {
          {se__vr_add(C, ra, rb), a + b, true},
          {se__vr_sub(C, ra, rb), a - b, true},
          {se__vr_mul(C, ra, rb), a * b, true},
          {se__vr_minimum(C, ra, rb), a < b ? a : b, true},
          {se__vr_maximum(C, ra, rb), a > b ? a : b, true},
          {b != 0 ? se__vr_floordiv(C, ra, rb) : se__vr_none(),
           b != 0 ? a / b - ((a % b != 0) && ((a < 0) != (b < 0))) : 0, b != 0},
          {b != 0 && a >= 0 && b > 0 ? se__vr_mod(C, ra, rb) : se__vr_none(),
           b > 0 ? a % b : 0, b != 0 && a >= 0 && b > 0},
          {b >= 0 ? se__vr_pow_by_natural(C, ra, rb) : se__vr_none(),
           (int64_t)llround(pow((double)a, (double)(b >= 0 ? b : 0))), b >= 0},
      };
      for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        if (!cases[c].defined) continue;
        se_range r = cases[c].r;
        if (!se__vr_is_singleton(r))
          fail_msg("case %zu on (%lld, %lld): not a singleton", c, (long long)a, (long long)b);
        assert_int_equal(r.lo->kind, SE_K_INTEGER);
        assert_int_equal(r.lo->u.i, cases[c].want);
      }
    }
}

/* ---- 3.4: bound_sympy --------------------------------------------------- */

static void check_bound(const char *text, const char *want) {
  se_range r;
  se_status st = se_bound(C, P(text), NULL, NULL, 0, &r);
  if (st != SE_OK) fail_msg("bound(%s) failed: %s", text, se_errmsg(C));
  check(r, want);
}

static void test_bound(void **state) {
  (void)state;
  check_bound("s0", "VR[1, int_oo]");
  check_bound("u0", "VR[-int_oo, int_oo]");
  check_bound("zf0", "VR[-oo, oo]");
  check_bound("5", "VR[5, 5]");
  check_bound("2.5", "VR[2.50000000000000, 2.50000000000000]");
  check_bound("int_oo", "VR[int_oo, int_oo]");
  check_bound("s0 + 1", "VR[2, int_oo]");
  check_bound("s0 + s1 + s2", "VR[3, int_oo]");
  check_bound("2*s0 - 1", "VR[1, int_oo]");
  check_bound("-s0", "VR[-int_oo, -1]");
  check_bound("s0*s1", "VR[1, int_oo]");
  check_bound("s0**2", "VR[1, int_oo]");
  check_bound("FloorDiv(s0, 2)", "VR[0, int_oo]");
  check_bound("Mod(s0, 3)", "VR[0, 2]");
  check_bound("PythonMod(u0, 3)", "VR[0, 2]");
  check_bound("ModularIndexing(s0, 4, 8)", "VR[0, 7]");
  check_bound("Max(s0, 5)", "VR[5, int_oo]");
  check_bound("Min(s0, 5)", "VR[1, 5]");
  check_bound("Max(s0, s1, 3)", "VR[3, int_oo]");
  check_bound("s0 > 0", "VR[True, True]");
  check_bound("Eq(s0, 0)", "VR[False, False]");
  check_bound("Ne(u0, 0)", "VR[False, True]");
  check_bound("ToFloat(s0)", "VR[1.00000000000000, oo]");
  check_bound("IntTrueDiv(s0, 2)", "VR[0.500000000000000, oo]");
  check_bound("TruncToInt(IntTrueDiv(s0, 2))", "VR[0, int_oo]");
  check_bound("PowByNatural(2, s0)", "VR[2, int_oo]");
  check_bound("OpaqueUnaryFn_sqrt(ToFloat(s0))", "VR[1.00000000000000, oo]");
  check_bound("Where(u0 > 3, s0, 2)", "VR[1, int_oo]");
  check_bound("BitwiseFn_bitwise_and(s0, 7)", "VR[0, int_oo]");
  check_bound("Piecewise((1, u0 > 0), (0, True))", "VR[0, 1]");
  check_bound("1/s0", "VR[-oo, oo]");
  /* A shared sub-expression is bounded once: 2^40 paths, 40 nodes. */
  const se_expr *e = P("s0");
  for (int i = 0; i < 40; i++) {
    const se_expr *a[2] = {e, se__int(C, 2)}, *b[2] = {e, se__int(C, 3)};
    e = se__add2(C, se__torchfn(C, SE_K_FLOORDIV, a, 2), se__torchfn(C, SE_K_FLOORDIV, b, 2));
  }
  se_range dag;
  assert_int_equal(se_bound(C, e, NULL, NULL, 0, &dag), SE_OK);
  check(dag, "VR[0, int_oo]");
  /* Bounds beyond int64 saturate to int_oo (Python would print 2**63). */
  check_bound("s0*s1 + 9223372036854775807", "VR[int_oo, int_oo]");
  check_bound("s0 - 9223372036854775807", "VR[-9223372036854775806, int_oo]");
  check(se__vr_mul(C, R("4611686018427387904", "4611686018427387904"), R("-4", "4")),
        "VR[-int_oo, int_oo]");
  /* Given ranges override the defaults. */
  const se_expr *syms[2] = {P("u0"), P("s0")};
  se_range rs[2] = {R("0", "10"), R("2", "4")};
  se_range r;
  assert_int_equal(se_bound(C, P("u0*s0 - 1"), syms, rs, 2, &r), SE_OK);
  check(r, "VR[-1, 39]");
  assert_int_equal(se_bound(C, P("Mod(u0, s0)"), syms, rs, 2, &r), SE_OK);
  check(r, "VR[-3, 3]");
  assert_int_equal(se_bound(C, P("FloorDiv(u0, s0) + s1"), syms, rs, 2, &r), SE_OK);
  check(r, "VR[1, int_oo]");
}

/* ---- randomized soundness ------------------------------------------------- */

enum { OP_VAR, OP_CONST, OP_ADD, OP_SUB, OP_MUL, OP_FLOORDIV, OP_MOD, OP_PYMOD, OP_MIN,
       OP_MAX, OP_NEG, OP_ABS, OP_COUNT };

typedef struct tnode {
  int op;         /* OP_* */
  int64_t v;      /* OP_VAR: variable index; OP_CONST: the value */
  int a, b;       /* operand node indices */
} tnode;

static uint64_t rng_next(uint64_t *s) {
  *s = *s * 6364136223846793005ull + 1442695040888963407ull;
  return *s >> 33;
}

static int gen(tnode *t, int *n, int depth, uint64_t *s) {
  int i = (*n)++;
  if (depth == 0 || rng_next(s) % 4 == 0) {
    t[i].op = rng_next(s) % 3 ? OP_VAR : OP_CONST;
    t[i].v = t[i].op == OP_VAR ? (int64_t)(rng_next(s) % 3) : (int64_t)(rng_next(s) % 9) - 4;
    return i;
  }
  t[i].op = OP_ADD + (int)(rng_next(s) % (OP_COUNT - OP_ADD));
  t[i].a = gen(t, n, depth - 1, s);
  t[i].b = gen(t, n, depth - 1, s);
  return i;
}

/* Value at a point; false when a division by zero makes it undefined. */
static bool eval_at(const tnode *t, int i, const int64_t *x, int64_t *out) {
  int64_t a = 0, b = 0;
  if (t[i].op == OP_VAR) {
    *out = x[t[i].v];
    return true;
  }
  if (t[i].op == OP_CONST) {
    *out = t[i].v;
    return true;
  }
  if (!eval_at(t, t[i].a, x, &a) || !eval_at(t, t[i].b, x, &b)) return false;
  switch (t[i].op) {
  case OP_ADD: *out = a + b; return true;
  case OP_SUB: *out = a - b; return true;
  case OP_MUL: *out = a * b; return true;
  case OP_FLOORDIV:
    if (b == 0) return false;
    *out = a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
    return true;
  case OP_MOD: /* C semantics, as the mod rule */
    if (b == 0) return false;
    *out = a % b;
    return true;
  case OP_PYMOD:
    if (b == 0) return false;
    *out = ((a % b) + b) % b;
    return true;
  case OP_MIN: *out = a < b ? a : b; return true;
  case OP_MAX: *out = a > b ? a : b; return true;
  case OP_NEG: *out = -a; return true;
  case OP_ABS: *out = a < 0 ? -a : a; return true;
  default: return false;
  }
}

static se_range range_of(const tnode *t, int i, const se_range *vr) {
  switch (t[i].op) {
  case OP_VAR: return vr[t[i].v];
  case OP_CONST: return se__vr_wrap(C, se__int(C, t[i].v));
  default: break;
  }
  se_range a = range_of(t, t[i].a, vr), b = range_of(t, t[i].b, vr);
  switch (t[i].op) {
  case OP_ADD: return se__vr_add(C, a, b);
  case OP_SUB: return se__vr_sub(C, a, b);
  case OP_MUL: return se__vr_mul(C, a, b);
  case OP_FLOORDIV: return se__vr_floordiv(C, a, b);
  case OP_MOD: return se__vr_mod(C, a, b);
  case OP_PYMOD: return se__vr_python_mod(C, a, b);
  case OP_MIN: return se__vr_minimum(C, a, b);
  case OP_MAX: return se__vr_maximum(C, a, b);
  case OP_NEG: return se__vr_neg(C, a);
  case OP_ABS: return se__vr_abs(C, a);
  default: return se__vr_none();
  }
}

static void test_random_soundness(void **state) {
  (void)state;
  uint64_t seed = 20240601;
  for (int iter = 0; iter < 3000; iter++) {
    tnode t[64];
    int n = 0;
    int root = gen(t, &n, 3, &seed);
    int64_t lo[3], hi[3];
    se_range vr[3];
    for (int k = 0; k < 3; k++) {
      lo[k] = (int64_t)(rng_next(&seed) % 11) - 5;
      hi[k] = lo[k] + (int64_t)(rng_next(&seed) % 5);
      vr[k] = se__vr_make(C, se__int(C, lo[k]), se__int(C, hi[k]));
    }
    (void)root;
    /* Every sub-expression is checked, not only the root, so an unsound rule
     * cannot hide under a wider parent. */
    for (int j = 0; j < n; j++) {
      se_range r = range_of(t, j, vr);
      if (!se__vr_ok(r)) fail_msg("iteration %d: no range: %s", iter, se_errmsg(C));
      int64_t x[3];
      for (x[0] = lo[0]; x[0] <= hi[0]; x[0]++)
        for (x[1] = lo[1]; x[1] <= hi[1]; x[1]++)
          for (x[2] = lo[2]; x[2] <= hi[2]; x[2]++) {
            int64_t v;
            if (!eval_at(t, j, x, &v)) continue;
            if (!se__vr_contains(r, se__int(C, v))) {
              char *s = se_range_str(C, r);
              fail_msg("iteration %d, node %d: value %lld at (%lld, %lld, %lld) outside %s",
                       iter, j, (long long)v, (long long)x[0], (long long)x[1],
                       (long long)x[2], s);
            }
          }
    }
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_construct_print), cmocka_unit_test(test_and_or_subset),
      cmocka_unit_test(test_int_oo_arith),    cmocka_unit_test(test_add_mul_div),
      cmocka_unit_test(test_floordiv_mod),    cmocka_unit_test(test_pow),
      cmocka_unit_test(test_unary),           cmocka_unit_test(test_logic),           cmocka_unit_test(test_ties),
      cmocka_unit_test(test_constant_singletons),
      cmocka_unit_test(test_bound),           cmocka_unit_test(test_random_soundness),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
