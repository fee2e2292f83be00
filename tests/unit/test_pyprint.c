/* PythonPrinter / guard printer (torch-sympy 5.2, shapeenv 6.2). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "expr/expr.h"

static const se_expr *S(se_ctx *c, const char *n) { return se_expr_symbol(c, n); }
static const se_expr *I(se_ctx *c, int64_t v) { return se_expr_int(c, v); }
static const se_expr *F2(se_ctx *c, se_kind k, const se_expr *a, const se_expr *b) {
  const se_expr *v[2] = {a, b};
  return se_expr_call(c, k, v, 2);
}
static const se_expr *F1(se_ctx *c, se_kind k, const se_expr *a) {
  return se_expr_call(c, k, &a, 1);
}

static void expect_py(se_ctx *c, const se_expr *e, const char *want) {
  assert_non_null(e);
  char *s = se_expr_python(c, e, NULL, NULL);
  assert_non_null(s);
  assert_string_equal(s, want);
  se_free(s);
}

static void test_sums_products(void **st) {
  (void)st;
  se_ctx *c = se_ctx_new();
  const se_expr *x = S(c, "X"), *y = S(c, "Y");
  expect_py(c, se_expr_add(c, I(c, 1), se_expr_mul(c, I(c, 2), x)), "1 + 2*X");
  expect_py(c, se_expr_neg(c, x), "(-1)*X");
  expect_py(c, se_expr_sub(c, x, I(c, 1)), "(-1) + X");
  expect_py(c, se_expr_sub(c, I(c, 3), x), "3 + ((-1)*X)");
  expect_py(c, se_expr_sub(c, x, y), "X + ((-1)*Y)");
  expect_py(c, se_expr_mul(c, se_expr_rational(c, 1, 2), x), "(1/2)*X");
  /* Symbol sorts before Pow in SymPy's storage order */
  const se_expr *x3 = se_expr_pow(c, x, I(c, 3));
  expect_py(c, se_expr_mul(c, x3, y), "Y*X*X*X");
  expect_py(c, se_expr_pow(c, se_expr_add(c, x, I(c, 1)), I(c, 2)), "(1 + X)*(1 + X)");
  /* fewer assumptions sort first: u0 before s0 */
  expect_py(c, se_expr_add(c, S(c, "s0"), S(c, "u0")), "u0 + s0");
  se_ctx_free(c);
}

static void test_relations_and_functions(void **st) {
  (void)st;
  se_ctx *c = se_ctx_new();
  const se_expr *x = S(c, "x"), *y = S(c, "y");
  const se_expr *two = I(c, 2);
  expect_py(c, se__node(c, SE_K_NE, (const se_expr *[]){se__node(c, SE_K_MOD, (const se_expr *[]){x, two}, 2), I(c, 0)}, 2),
            "(x % 2) != 0");
  const se_expr *td = se__node(c, SE_K_INTTRUEDIV, (const se_expr *[]){x, two}, 2);
  const se_expr *tr = se__node(c, SE_K_TRUNCTOINT, &td, 1);
  expect_py(c, se__node(c, SE_K_EQ, (const se_expr *[]){tr, I(c, 3)}, 2), "math.trunc(x / 2) == 3");
  const se_expr *band = se__node(c, SE_K_BITWISE_AND, (const se_expr *[]){x, y}, 2);
  expect_py(c, se__node(c, SE_K_EQ, (const se_expr *[]){band, I(c, 8)}, 2), "(x & y) == 8");
  const se_expr *fd = se__node(c, SE_K_FLOORDIV, (const se_expr *[]){se_expr_add(c, x, I(c, 1)), two}, 2);
  expect_py(c, fd, "(1 + x) // 2");
  expect_py(c, se__node(c, SE_K_MODULARINDEXING, (const se_expr *[]){se_expr_add(c, x, y), two, I(c, 4)}, 3),
            "(((x + y) // 2) % 4)");
  expect_py(c, se__node(c, SE_K_MODULARINDEXING, (const se_expr *[]){x, I(c, 1), I(c, 4)}, 3), "(x % 4)");
  const se_expr *tf = F1(c, SE_K_TOFLOAT, x);
  expect_py(c, F1(c, SE_K_TRUNCTOINT, se_expr_mul(c, se_expr_float(c, 2.0), tf)),
            "math.trunc(2.0*torch.sym_float(x))");
  expect_py(c, se__node(c, SE_K_POWBYNATURAL, (const se_expr *[]){se_expr_add(c, x, I(c, 1)), y}, 2),
            "(1 + x) ** y");
  expect_py(c, se__node(c, SE_K_WHERE, (const se_expr *[]){se__node(c, SE_K_GT, (const se_expr *[]){x, I(c, 3)}, 2), x, y}, 3),
            "Where(x > 3, x, y)");
  expect_py(c, se__node(c, SE_K_FLOATTRUEDIV, (const se_expr *[]){x, se_expr_float(c, 0.1)}, 2), "(x / 0.1)");
  expect_py(c, se__node(c, SE_K_OPAQUE_SQRT, &tf, 1), "math.sqrt(torch.sym_float(x))");
  expect_py(c, se__node(c, SE_K_OPAQUE_EXP, &x, 1), "OpaqueUnaryFn_exp(x)");
  expect_py(c, se__node(c, SE_K_IDENTITY, (const se_expr *[]){se_expr_add(c, x, I(c, 1))}, 1), "1 + x");
  expect_py(c, se_expr_const(c, SE_K_NEG_OO), "-math.inf");
  expect_py(c, se_expr_float(c, 1e-5), "1e-05");
  expect_py(c, se_expr_float(c, 1e16), "1e+16");
  expect_py(c, se_expr_float(c, 123456.5), "123456.5");
  (void)F2;
  se_ctx_free(c);
}

static char *hook(void *ud, const se_expr *sym) {
  (void)ud;
  const char *n = se_expr_symbol_name(sym);
  static const char txt[] = "L['y'].size()[0]";
  if (strcmp(n, "s17") != 0) return NULL;
  char *r = malloc(sizeof txt);
  if (r) memcpy(r, txt, sizeof txt);
  return r;
}

static void test_hook(void **st) {
  (void)st;
  se_ctx *c = se_ctx_new();
  const se_expr *s = S(c, "s17");
  const se_expr *m = se__node(c, SE_K_MOD, (const se_expr *[]){se_expr_mul(c, I(c, 2), s), I(c, 3)}, 2);
  const se_expr *eq = se__node(c, SE_K_EQ, (const se_expr *[]){m, I(c, 0)}, 2);
  char *t = se_expr_python(c, eq, hook, NULL);
  assert_non_null(t);
  assert_string_equal(t, "((2*L['y'].size()[0]) % 3) == 0");
  se_free(t);
  assert_null(se_expr_python(c, se_expr_add(c, s, S(c, "s3")), hook, NULL));
  assert_int_equal(se_last_status(c), SE_NOTFOUND);
  assert_non_null(strstr(se_errmsg(c), "s3"));
  se_ctx_free(c);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_sums_products),
      cmocka_unit_test(test_relations_and_functions),
      cmocka_unit_test(test_hook),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
