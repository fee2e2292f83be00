/* Min/Max in SymPy's and PyTorch's flavours, and factor_terms, against the
 * verified outputs of sympy-core 8 and 10 and torch-sympy 2.12. Inputs are
 * parsed from the corpus syntax; results compared as printed text. */
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

/* Parses in, prints, compares with want. */
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
/* Each test starts in SymPy's flavour with no pending error. */
static int reset(void **state) {
  (void)state;
  se_ctx_set_torch_minmax(C, false);
  se_clear_error(C);
  return 0;
}

/* sympy-core 8.2: conn decides which argument dominates. */
static void test_conn(void **state) {
  (void)state;
  check("Max(s0, 1)", "s0");
  check("Max(s0, 2)", "Max(2, s0)");
  check("Min(s0, 1)", "1");
  check("Max(s0, -1)", "s0");
  check("Max(u0, 1)", "Max(1, u0)");
  check("Min(u0, 1)", "Min(1, u0)");
  check("Max(u0, u0 + 1)", "u0 + 1");
  check("Min(u0 + 1, u0 + 2, u0)", "u0");
  check("Max(3, 5, s0)", "Max(5, s0)");
  check("Min(-3, u0, 2)", "Min(-3, u0)");
  check("Max(s7 - 1, 0)", "s7 - 1");
  check("Max((s0*s7), s0)", "s0*s7");
  check("Max((s0)**2, s0)", "s0**2");
  check("Max((2*s0), (s0 + 1))", "2*s0");
  check("Max((s0)**2, (s0 + 1))", "Max(s0**2, s0 + 1)");
  check("Max((s0 - s3), (s3 - s0))", "Max(-s0 + s3, s0 - s3)");
  check("Max(u0**2, u0)", "Max(u0, u0**2)");
  check("Min(((-2) + s0), ((-2)*s0))", "-2*s0");
}

/* sympy-core 8.1 steps 3-5: pruning, absorption, factoring. */
static void test_collapse(void **state) {
  (void)state;
  check("Max(3, Min(2, s0))", "3");
  check("Max(3, Min(4, s0))", "Max(3, Min(4, s0))");
  check("Min(5, Max(7, s0))", "5");
  check("Max(s0, Min(s0, s3))", "s0");
  check("Max(s0, Min(s3, Max(s0, s7)))", "Max(s0, Min(s3, s7))");
  check("Max(Min(s0, s3), Min(s0, s7))", "Min(s0, Max(s3, s7))");
  check("Max(Min(s0, s3, s7), Min(s0, s3))", "Min(s0, s3)");
  check("Max(Min(s0, 3), Min(s0, 4))", "Min(s0, Max(3, 4))");
  check("Max(Min(s0, s3), Min(s3, s7), s12)", "Max(s12, Min(s3, Max(s0, s7)))");
  check("Max(8, (s7 + Max(7, s0)))", "Max(8, s7 + Max(7, s0))");
}

/* sympy-core 10: Min/Max inside arithmetic, print order by K. */
static void test_examples(void **state) {
  (void)state;
  check("Max(s3, (s0)**2)", "Max(s0**2, s3)");
  check("Max(s3, (2*s0), ((s0*s7) + 1))", "Max(2*s0, s3, s0*s7 + 1)");
  check("(2*Max((s44*s93), (s93 + 100)))", "2*Max(s44*s93, s93 + 100)");
  check("(Max(s3, s7)*Max(s0, s3))", "Max(s0, s3)*Max(s3, s7)");
  check("(((s12)**2*s12) + Max(Max(s7, -1), -2))", "s12**3 + s7");
  check("(Min((s93*16), (3)**1) - 64)", "-61");
  check("((((8*s3))**2 - ((0*2)*u10)) - ((Min(s12, 8)*u2)*7))",
        "64*s3**2 - 7*u2*Min(8, s12)");
  check("((Min((s93 - u0), (s44 + s3))*((s44*s7)*(-s0)))*(-(16 - s0)))",
        "-s0*s44*s7*(s0 - 16)*Min(s3 + s44, s93 - u0)");
  check("Max(((Min(s0, s44)*(3 + s93)) + ((-3*-3) - u1)), (((s44 + 7))**1 + ((-3 - 7) + "
        "(4 - 7))))",
        "Max(s44 - 6, -u1 + (s93 + 3)*Min(s0, s44) + 9)");
  check("(Max((s3*(16 + 16)), ((16)**0 + (1 - s3)))*Min(((u10 + 64) - 100), (u1*(s12*s7))))",
        "32*s3*Min(s12*s7*u1, u10 - 36)");
}

/* sympy-core 8.5 and 10: relations over Min/Max (decided by rel.c). */
static void test_relations(void **state) {
  (void)state;
  check("Max(s0, u0) > 0", "True");
  check("Min(s0, u0) > 0", "Min(s0, u0) > 0");
  check("Min(s0, s3) >= 1", "True");
  check("(Max(s0, 3) >= 3)", "Max(3, s0) >= 3");
  check("(Max(s0, 3) >= 1)", "True");
  check("(Min(s0, 3) > 0)", "True");
  check("((s7 + Max(7, s0)) >= 8)", "s7 + Max(7, s0) >= 8");
  check("Eq(Max(s0, s3), Max(s3, s0))", "True");
  check("Eq(Max(u0, 5), 2)", "Eq(Max(5, u0), 2)");
  check("Le(11, (s3*Max(7, s12)))", "11 <= s3*Max(7, s12)");
  check("Le(Max(s7, (-(u0*4))), Max(s12, ((s3*64)*(s3)**1)))",
        "Max(s7, -4*u0) <= Max(s12, 64*s3**2)");
}

/* sympy-core 8.4: factor_terms as conn uses it. */
static void test_factor_terms(void **state) {
  (void)state;
  static const char *const cases[][2] = {
      {"s0*s7 - s0", "s0*(s7 - 1)"},   {"48 - 2*s0", "2*(24 - s0)"},
      {"-s3 - u0", "-(s3 + u0)"},      {"s3*s93 - s3", "s3*(s93 - 1)"},
      {"u1**2 - u1", "u1*(u1 - 1)"},   {"-16*s0 + 6*u1", "2*(-8*s0 + 3*u1)"},
      {"s0", "s0"},                    {"7", "7"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    check_expr(se__factor_terms(C, P(cases[i][0])), cases[i][0], cases[i][1]);
}

/* sympy-core 8.3: unevaluated nodes keep what they are given. */
static void test_uneval(void **state) {
  (void)state;
  const se_expr *v[3] = {P("4"), P("3"), P("4")};
  check_expr(se__minmax_uneval(C, SE_K_MAX, v, 3), "Max(4, 3, 4)", "Max(3, 4)");
  check_expr(se__minmax_uneval(C, SE_K_MIN, v, 1), "Min(4)", "4");
  check_expr(se__minmax_uneval(C, SE_K_MAX, v, 0), "Max()", "-oo");
  const se_expr *w[2] = {P("s3"), P("s0**2")};
  const se_expr *m = se__minmax_uneval(C, SE_K_MAX, w, 2);
  assert_non_null(m);
  /* stored in ordered order (N first), printed by K */
  assert_ptr_equal(se_expr_arg(m, 0), w[0]);
  check_expr(m, "Max(s3, s0**2)", "Max(s0**2, s3)");
}

static void test_errors(void **state) {
  (void)state;
  const se_expr *v[2] = {P("s0"), P("nan")};
  assert_null(se__minmax(C, SE_K_MAX, v, 2));
  assert_int_equal(se_last_status(C), SE_INVALID);
  assert_string_equal(se_errmsg(C), "The argument 'nan' is not comparable.");
  se_clear_error(C);
  v[1] = P("s0 < 3");
  assert_null(se__minmax(C, SE_K_MIN, v, 2));
  assert_int_equal(se_last_status(C), SE_INVALID);
  se_clear_error(C);
  v[1] = NULL;
  assert_null(se__minmax(C, SE_K_MIN, v, 2));
  assert_int_equal(se_last_status(C), SE_OK);
  /* zero short-circuits, identity is dropped */
  check("Max(s0, oo)", "oo");
  check("Max(s0, -oo)", "s0");
  check("Min(s0, -oo)", "-oo");
}

/* torch-sympy 2.12: PyTorch's flavour. */
static void test_torch_table(void **state) {
  (void)state;
  se_ctx_set_torch_minmax(C, true);
  check("Max(s0,0)", "s0");
  check("Max(s0,1)", "s0");
  check("Max(0,s0)", "s0");
  check("Min(s0,0)", "0");
  check("Min(s0,1)", "1");
  check("Max(u0,0)", "Max(0, u0)");
  check("Max(s0,2)", "Max(2, s0)");
  check("Max(3,5)", "5");
  check("Max(3,5.0)", "5.00000000000000");
  check("Max(3,5,s0)", "Max(5, s0)");
  check("Max(s0,2,3,u0)", "Max(3, s0, u0)");
  check("Max(s0,oo)", "oo");
  check("Max(s0,-oo)", "s0");
  check("Max(s0,int_oo)", "Max(int_oo, s0)");
  check("Min(s0,int_oo)", "Min(int_oo, s0)");
  check("Min(-int_oo,5)", "-int_oo");
  check("Max(-int_oo,5)", "5");
  check("Min(int_oo,s0,3)", "Min(3, s0)");
  check("Max(2*s0, s0)", "Max(s0, 2*s0)");
  check("Min(s0, Max(s0,s1))", "s0");
  check("Min(Max(s0,s1), Max(s0,u0))", "Max(s0, Min(s1, u0))");
  /* peer-cases: the nested Max with an unbacked symbol */
  check("Max(1, Max(257, u0))", "Max(257, u0)");
  /* SymPy's _collapse_arguments still runs in this flavour */
  check("Max(3, Min(2, s0))", "3");
  check("Max(Min(s0, 3), Min(s0, 4))", "Min(s0, Max(3, 4))");
  /* the same inputs in SymPy's flavour */
  se_ctx_set_torch_minmax(C, false);
  check("Max(2*s0, s0)", "2*s0");
  check("Max(u0,0)", "Max(0, u0)");
}

/* torch-sympy 2.12 step 1: the unique-summation fast path gives the same
 * node as the full path, and never changes an earlier node. */
static void test_torch_fast_path(void **state) {
  (void)state;
  const se_expr *a = P("s0 + s1"), *b = P("s2 + s3"), *c = P("s4 + s5");
  const se_expr *v[2] = {a, b};
  const se_expr *m2t = se__minmax_flavour(C, SE_K_MAX, v, 2, true);
  const se_expr *m2s = se__minmax_flavour(C, SE_K_MAX, v, 2, false);
  check_expr(m2t, "Max(s0 + s1, s2 + s3)", "Max(s0 + s1, s2 + s3)");
  assert_ptr_equal(m2t, m2s);
  const se_expr *w[2] = {c, m2t};
  const se_expr *m3 = se__minmax_flavour(C, SE_K_MAX, w, 2, true);
  check_expr(m3, "Max(s4 + s5, mx2)", "Max(s0 + s1, s2 + s3, s4 + s5)");
  check_expr(m2t, "mx2 again", "Max(s0 + s1, s2 + s3)");
  const se_expr *x[2] = {m3, P("s3 + s7")};
  check_expr(se__minmax_flavour(C, SE_K_MAX, x, 2, true), "Max(mx3, s3 + s7)",
             "Max(s0 + s1, s2 + s3, s3 + s7, s4 + s5)");
  const se_expr *y[2] = {m3, P("10")};
  check_expr(se__minmax_flavour(C, SE_K_MAX, y, 2, true), "Max(mx3, 10)",
             "Max(10, s0 + s1, s2 + s3, s4 + s5)");
}

/* Out-of-memory at every allocation of an evaluation: never crashes, and a
 * NULL result comes with SE_NOMEM. Arguments are built first, so the faults
 * land inside Min/Max (conn, factor_terms, collapse). */
static void test_oom_loop(void **state) {
  (void)state;
  static const char *const argv[] = {"Min(s0, s3)", "Min(s0, s7)", "s0*s7 - s0", "3",
                                     "Min(2, s12)", "48 - 2*s0", "s0**2"};
  const size_t n = sizeof argv / sizeof argv[0];
  for (int torch = 0; torch < 2; torch++) {
    for (int64_t k = 0; k < 200; k++) {
      se_ctx *c = se_ctx_new();
      assert_non_null(c);
      const se_expr *v[sizeof argv / sizeof argv[0]];
      for (size_t i = 0; i < n; i++) {
        v[i] = se_parse(c, argv[i], strlen(argv[i]));
        assert_non_null(v[i]);
      }
      c->arena.fail_after = k;
      const se_expr *e = se__minmax_flavour(c, SE_K_MAX, v, n, torch == 1);
      if (!e) assert_int_equal(se_last_status(c), SE_NOMEM);
      e = se__factor_terms(c, v[2]);
      if (!e) assert_int_equal(se_last_status(c), SE_NOMEM);
      c->arena.fail_after = -1;
      se_ctx_free(c);
    }
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup(test_conn, reset),
      cmocka_unit_test_setup(test_collapse, reset),
      cmocka_unit_test_setup(test_examples, reset),
      cmocka_unit_test_setup(test_relations, reset),
      cmocka_unit_test_setup(test_factor_terms, reset),
      cmocka_unit_test_setup(test_uneval, reset),
      cmocka_unit_test_setup(test_errors, reset),
      cmocka_unit_test_setup(test_torch_table, reset),
      cmocka_unit_test_setup(test_torch_fast_path, reset),
      cmocka_unit_test(test_oom_loop),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
