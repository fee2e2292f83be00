/* produce_guards and format_guards: the guard texts of spec/shapeenv.md
 * 4.12 (the logging-test and export examples) and peer cases B10-B13, B23,
 * with tensors made by create_symbolic_sizes_strides_storage_offset and
 * handed back as FakeTensorMeta placeholders (A12), and values made by
 * DS's create_symint. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "env/simplify.h"

static se_ctx *C;

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

static se_env *new_env(void) {
  se_env *env = se_env_new(C, NULL);
  assert_non_null(env);
  return env;
}

/* A contiguous tensor of the given sizes (legacy path: DUCK sizes,
 * inferred strides) from source src, as a placeholder. */
static se_placeholder tensor(se_env *env, const se_source *src, size_t dim, const int64_t *sizes,
                             const se_dim_dynamic *dyn) {
  int64_t strides[8];
  int64_t st = 1;
  for (size_t i = dim; i-- > 0;) {
    strides[i] = st;
    st *= sizes[i];
  }
  se_tensor_spec spec = {.dim = dim, .sizes = sizes, .strides = strides, .dynamic_sizes = dyn};
  se_placeholder ph;
  memset(&ph, 0, sizeof ph);
  ph.kind = SE_PH_TENSOR;
  if (se_env_create_tensor(env, &spec, src, &ph.tensor) != SE_OK)
    fail_msg("create tensor %s: %s", se_source_name(src), se_errmsg(C));
  return ph;
}

static se_placeholder value(se_sym v) {
  se_placeholder ph;
  memset(&ph, 0, sizeof ph);
  ph.kind = SE_PH_VALUE;
  ph.value = v;
  return ph;
}

static se_sym create_symint(se_env *env, int64_t v) {
  char name[64];
  snprintf(name, sizeof name, "__testing_only%zu", env->backed_var_to_val.live);
  const se_expr *s = NULL;
  se_sym out;
  if (se_env_create_symbol(env, v, se_source_constant(C, name), SE_DIM_DUCK, NULL, true, false,
                           &s) != SE_OK ||
      se_env_create_symintnode(env, s, se__int(C, v), NULL, &out) != SE_OK)
    fail_msg("create_symint(%lld): %s", (long long)v, se_errmsg(C));
  return out;
}

static se_sym bin(se_env *env, se_symop op, se_sym a, se_sym b) {
  se_sym r;
  if (se_sym_binary(env, op, a, b, &r) != SE_OK) fail_msg("binary %d: %s", (int)op, se_errmsg(C));
  return r;
}

static const se_expr *guard(se_env *env, se_sym a) {
  const se_expr *r = NULL;
  if (se_sym_guard(env, a, &r) != SE_OK) fail_msg("guard: %s", se_errmsg(C));
  return r;
}

/* produce_guards joined with "\n" (caller frees). */
static char *produce(se_env *env, const se_placeholder *ph, const se_source *const *src, size_t n,
                     bool ignore_static, bool verbose) {
  char **out = NULL;
  size_t nout = 0;
  if (se_env_produce_guards(env, ph, src, n, ignore_static, verbose, &out, &nout) != SE_OK)
    fail_msg("produce_guards: %s", se_errmsg(C));
  se_buf b;
  se__buf_init(&b);
  se__buf_puts(&b, "");
  for (size_t i = 0; i < nout; i++) {
    se__buf_printf(&b, "%s%s", i ? "\n" : "", out[i]);
    se_free(out[i]);
  }
  se_free(out);
  return se__buf_take(&b);
}

static void check_guards(se_env *env, const se_placeholder *ph, const se_source *const *src,
                         size_t n, bool ignore_static, const char *want) {
  char *got = produce(env, ph, src, n, ignore_static, false);
  assert_string_equal(got, want);
  se_free(got);
}

/* B13 test_mega_guard: a.size0 == 2*b.size0 replaces a's symbol. */
static void test_mega_guard(void **state) {
  (void)state;
  se_env *env = new_env();
  int64_t sa = 16, sb = 8;
  se_placeholder ph[2] = {tensor(env, se_source_constant(C, "input0"), 1, &sa, NULL),
                          tensor(env, se_source_constant(C, "input1"), 1, &sb, NULL)};
  se_sym b2 = bin(env, SE_OP_MUL, se_sym_int(C, 2), ph[1].tensor.sizes[0]);
  const se_expr *r = guard(env, bin(env, SE_OP_EQ, ph[0].tensor.sizes[0], b2));
  assert_int_equal(r->kind, SE_K_TRUE);
  const se_source *src[2] = {se_source_local(C, "a"), se_source_local(C, "b")};
  check_guards(env, ph, src, 2, false,
               "L['a'].size()[0] == 2*L['b'].size()[0]\n"
               "L['a'].stride()[0] == 1\n"
               "L['a'].storage_offset() == 0\n"
               "L['b'].stride()[0] == 1\n"
               "L['b'].storage_offset() == 0\n"
               "2 <= L['b'].size()[0]");
  check_guards(env, ph, src, 2, true,
               "L['a'].size()[0] == 2*L['b'].size()[0]\n"
               "2 <= L['b'].size()[0]");
  se_env_free(env);
}

/* 4.12's worked example: x:(6,), y:(3,), z:(3,); x.size(0) % 3 == 0, then
 * x + cat([y, z]) equates x's size with 2*y's. */
static void test_worked_example(void **state) {
  (void)state;
  se_env *env = new_env();
  int64_t s6 = 6, s3 = 3;
  const se_source *src[3] = {se_source_local(C, "x"), se_source_local(C, "y"),
                             se_source_local(C, "z")};
  se_placeholder ph[3] = {tensor(env, src[0], 1, &s6, NULL), tensor(env, src[1], 1, &s3, NULL),
                          tensor(env, src[2], 1, &s3, NULL)};
  se_sym x0 = ph[0].tensor.sizes[0];
  se_sym m = bin(env, SE_OP_MOD, x0, se_sym_int(C, 3));
  assert_int_equal(guard(env, bin(env, SE_OP_EQ, m, se_sym_int(C, 0)))->kind, SE_K_TRUE);
  se_sym cat = bin(env, SE_OP_ADD, ph[1].tensor.sizes[0], ph[2].tensor.sizes[0]);
  assert_int_equal(guard(env, bin(env, SE_OP_EQ, x0, cat))->kind, SE_K_TRUE);
  check_guards(env, ph, src, 3, true,
               "L['x'].size()[0] == 2*L['y'].size()[0]\n"
               "L['z'].size()[0] == L['y'].size()[0]\n"
               "((2*L['y'].size()[0]) % 3) == 0\n"
               "2 <= L['y'].size()[0]");
  /* The verbose form explains the duck-sized equality. */
  char *v = produce(env, ph, src, 3, true, true);
  assert_non_null(strstr(v, "L['z'].size()[0] == L['y'].size()[0]  # duck sizing added this "
                            "equality because these variables had the same size 3 (to avoid "
                            "this specialization, set "
                            "torch.fx.experimental._config.use_duck_shape = False)\n"));
  se_free(v);
  se_env_free(env);
}

/* 4.12's export example: x:(6, 4), `x.shape[0] > 10` is false. */
static void test_export_example(void **state) {
  (void)state;
  se_env *env = new_env();
  int64_t sz[2] = {6, 4};
  const se_source *src[1] = {se_source_local(C, "x")};
  se_placeholder ph[1] = {tensor(env, src[0], 2, sz, NULL)};
  se_sym gt = bin(env, SE_OP_GT, ph[0].tensor.sizes[0], se_sym_int(C, 10));
  assert_int_equal(guard(env, gt)->kind, SE_K_FALSE);
  check_guards(env, ph, src, 1, false,
               "L['x'].stride()[0] == L['x'].size()[1]\n"
               "L['x'].stride()[1] == 1\n"
               "L['x'].storage_offset() == 0\n"
               "2 <= L['x'].size()[0] and L['x'].size()[0] <= 10\n"
               "2 <= L['x'].size()[1]");
  se_env_free(env);
}

/* B10: s0 > 5 and s0 < 7 pin s0 to 6: the range refines to a singleton,
 * the symbol is replaced by 6, both guards become trivial and the input
 * itself is checked (L['t0'] == 6 holds for 6, fails for 7 and 5). */
static void test_guards_gt_lt(void **state) {
  (void)state;
  se_env *env = new_env();
  se_sym s0 = create_symint(env, 6);
  (void)create_symint(env, 7);
  (void)create_symint(env, 5);
  se_sym r;
  assert_int_equal(se_sym_unary(env, SE_FN_SYM_INT, bin(env, SE_OP_GT, s0, se_sym_int(C, 5)), &r),
                   SE_OK);
  assert_string_equal(se_expr_symbol_name(SE_VEC_AT(&env->guards, se_guard, 0).expr->args[0]),
                      "s97");
  check_guards(env, (se_placeholder[]){value(s0)}, (const se_source *[]){se_source_local(C, "t0")},
               1, true, "6 <= L['t0']");
  assert_int_equal(se_sym_unary(env, SE_FN_SYM_INT, bin(env, SE_OP_LT, s0, se_sym_int(C, 7)), &r),
                   SE_OK);
  assert_int_equal(env->guards.n, 2);
  check_guards(env, (se_placeholder[]){value(s0)}, (const se_source *[]){se_source_local(C, "t0")},
               1, true, "L['t0'] == 6");
  se_env_free(env);
}

/* B11: 2 / s0 == 2 / 3 prints its float so that it reads back. */
static void test_guards_float_print(void **state) {
  (void)state;
  se_env *env = new_env();
  se_sym s0 = create_symint(env, 3);
  se_sym q = bin(env, SE_OP_TRUEDIV, se_sym_int(C, 2), s0);
  assert_int_equal(guard(env, bin(env, SE_OP_EQ, q, se_sym_float(C, 2.0 / 3.0)))->kind, SE_K_TRUE);
  check_guards(env, (se_placeholder[]){value(s0)}, (const se_source *[]){se_source_local(C, "t0")},
               1, true, "(2 / L['t0']) == 0.6666666666666666\n2 <= L['t0']");
  se_env_free(env);
}

/* B12: sym_int(s0 / 2.0) prints with math.trunc and the float conversion. */
static void test_guards_float_div(void **state) {
  (void)state;
  se_env *env = new_env();
  se_sym s0 = create_symint(env, 8);
  (void)create_symint(env, 7);
  se_sym r;
  assert_int_equal(se_sym_unary(env, SE_FN_SYM_INT, bin(env, SE_OP_TRUEDIV, s0, se_sym_float(C, 2.0)),
                                &r),
                   SE_OK);
  const se_expr *v = guard(env, r);
  assert_true(se__is_int_value(v, 4));
  char *g = produce(env, (se_placeholder[]){value(s0)},
                    (const se_source *[]){se_source_local(C, "t0")}, 1, true, false);
  /* As the peer case checks: the text truncates a float division. */
  assert_non_null(strstr(g, "math.trunc("));
  assert_non_null(strstr(g, "float("));
  assert_non_null(strstr(g, " / 2.0"));
  assert_non_null(strstr(g, ") == 4\n2 <= L['t0']"));
  se_free(g);
  se_env_free(env);
}

/* B23: format_guards lists " - {expr}" per guard (new-era names). */
static void test_format_guards(void **state) {
  (void)state;
  se_env *env = new_env();
  char *f = se_env_format_guards(env);
  assert_string_equal(f, "");
  se_free(f);
  int64_t x[2] = {128, 20}, y[2] = {128, 30};
  se_placeholder px = tensor(env, se_source_constant(C, "__meta_utils_unknown_tensor0"), 2, x, NULL);
  se_placeholder py = tensor(env, se_source_constant(C, "__meta_utils_unknown_tensor1"), 2, y, NULL);
  guard(env, bin(env, SE_OP_EQ, px.tensor.sizes[1], se_sym_int(C, 20)));
  guard(env, bin(env, SE_OP_EQ, py.tensor.sizes[1], se_sym_int(C, 30)));
  f = se_env_format_guards(env);
  assert_string_equal(f, " - Eq(s49, 20)\n - Eq(s70, 30)");
  se_free(f);
  se_env_free(env);
}

/* A guard on a symbol no placeholder carries fails with PyTorch's text. */
static void test_unmapped_symbol(void **state) {
  (void)state;
  se_env *env = new_env();
  int64_t s5 = 5, s7 = 7;
  se_placeholder a = tensor(env, se_source_local(C, "a"), 1, &s5, NULL);
  se_placeholder b = tensor(env, se_source_local(C, "b"), 1, &s7, NULL);
  guard(env, bin(env, SE_OP_LT, a.tensor.sizes[0], b.tensor.sizes[0]));
  char **out = NULL;
  size_t n = 0;
  assert_int_equal(se_env_produce_guards(env, &a, (const se_source *[]){se_source_local(C, "a")}, 1,
                                         true, false, &out, &n),
                   SE_NOTFOUND);
  assert_null(out);
  assert_string_equal(se_errmsg(C),
                      "s52 (could be from [\"L['b'].size()[0]\"]) not in {s97: [\"L['a'].size()[0]\"], "
                      "s52: []}.  If this assert is failing, it could be due to the issue described "
                      "in https://github.com/pytorch/pytorch/pull/90665");
  se_clear_error(C);
  se_env_free(env);
}

/* Float inputs get the NaN check; size-like unbacked inputs print 0 <= ...;
 * plain int inputs that became constants are still checked. */
static void test_float_unbacked_and_constant_inputs(void **state) {
  (void)state;
  se_env *env = new_env();
  const se_expr *zf = NULL;
  se_sym f;
  const se_source *fs = se_source_local(C, "f");
  assert_int_equal(se_env_create_float_symbol(env, 2.5, fs, SE_DIM_DYNAMIC, &zf), SE_OK);
  assert_int_equal(se_env_create_symfloatnode(env, zf, se__float(C, 2.5), NULL, &f), SE_OK);
  int64_t sz = 4;
  se_dim_dynamic dyn = SE_DIM_SIZE_LIKE_UNBACKED;
  const se_source *src[3] = {fs, se_source_local(C, "u"), se_source_local(C, "n")};
  se_placeholder ph[3] = {value(f), tensor(env, src[1], 1, &sz, &dyn), value(se_sym_int(C, 5))};
  check_guards(env, ph, src, 3, true,
               "L['n'] == 5\n"
               "not math.isnan(L['f'])\n"
               "0 <= L['u'].size()[0]");
  char *v = produce(env, ph, src, 3, true, true);
  assert_non_null(strstr(v, "not math.isnan(L['f'])  # implicit guard for float input due to NaN "
                            "specialization in the framework"));
  se_free(v);
  se_env_free(env);
}

/* Simplified mode (PyTorch's _simplified): no input guards, and a lower
 * bound that is only the default (2) is left out. */
static void test_simplified(void **state) {
  (void)state;
  se_env *env = new_env();
  se_ctx *c = se_env_ctx(env);
  const int64_t sz[] = {6, 6}, st[] = {6, 1};
  se_tensor_spec spec = {.dim = 2, .sizes = sz, .strides = st};
  const se_source *src = se_source_local(c, "x");
  se_placeholder ph = {.kind = SE_PH_TENSOR};
  assert_int_equal(se_env_create_tensor(env, &spec, src, &ph.tensor), SE_OK);
  const se_expr *v[2] = {ph.tensor.sizes[0].expr, se_expr_int(c, 10)}, *out;
  assert_int_equal(
      se_env_evaluate_expr(env, se_expr_call(c, SE_K_LE, v, 2), NULL, -1, false, NULL, &out),
      SE_OK);
  se_guard_options full = {true, false, false}, simp = {true, false, true};
  char **t = NULL;
  size_t n = 0;
  assert_int_equal(se_env_produce_guards_ex(env, &ph, &src, 1, &full, &t, &n), SE_OK);
  assert_int_equal(n, 3);
  assert_string_equal(t[0], "L['x'].size()[1] == L['x'].size()[0]");
  assert_string_equal(t[1], "L['x'].stride()[0] == L['x'].size()[0]");
  assert_string_equal(t[2], "2 <= L['x'].size()[0] and L['x'].size()[0] <= 10");
  for (size_t i = 0; i < n; i++) se_free(t[i]);
  se_free(t);
  assert_int_equal(se_env_produce_guards_ex(env, &ph, &src, 1, &simp, &t, &n), SE_OK);
  assert_int_equal(n, 1);
  assert_string_equal(t[0], "L['x'].size()[0] <= 10");
  for (size_t i = 0; i < n; i++) se_free(t[i]);
  se_free(t);
  se_env_free(env);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_simplified),
    cmocka_unit_test(test_mega_guard),
    cmocka_unit_test(test_worked_example),
    cmocka_unit_test(test_export_example),
    cmocka_unit_test(test_guards_gt_lt),
    cmocka_unit_test(test_guards_float_print),
    cmocka_unit_test(test_guards_float_div),
    cmocka_unit_test(test_format_guards),
    cmocka_unit_test(test_unmapped_symbol),
    cmocka_unit_test(test_float_unbacked_and_constant_inputs),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
