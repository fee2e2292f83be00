/* Randomized (fixed seed): static evaluation never contradicts the hints.
 * Random shape checks over the sizes of random tensors are decided with
 * evaluate_expr (adding guards, replacements, range refinements as they
 * go); before each, a statically decided answer (se_env_evaluate_static)
 * must equal the check's value at the hints, and evaluate_expr's answer
 * must equal it too. Unknown inputs: a symbol the environment never made. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "shapeenv.h"

static uint64_t rng = 0x2545F4914F6CDD1Dull;
static uint64_t next_rand(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return rng;
}
static int64_t pick(int64_t lo, int64_t hi) { return lo + (int64_t)(next_rand() % (uint64_t)(hi - lo + 1)); }

static const se_expr *call2(se_ctx *c, se_kind k, const se_expr *a, const se_expr *b) {
  const se_expr *v[2] = {a, b};
  return se_expr_call(c, k, v, 2);
}

/* A random integer expression over the sizes: a*s + b*t + c, s*t, s//k, s%k,
 * Max/Min. */
static const se_expr *random_term(se_ctx *c, const se_expr *const *syms, size_t n) {
  const se_expr *s = syms[pick(0, (int64_t)n - 1)], *t = syms[pick(0, (int64_t)n - 1)];
  switch (pick(0, 5)) {
  case 0:
    return se_expr_add(c, se_expr_add(c, se_expr_mul(c, se_expr_int(c, pick(-3, 3)), s),
                                      se_expr_mul(c, se_expr_int(c, pick(-3, 3)), t)),
                       se_expr_int(c, pick(-20, 20)));
  case 1: return se_expr_mul(c, s, t);
  case 2: return call2(c, SE_K_FLOORDIV, s, se_expr_int(c, pick(1, 8)));
  case 3: return call2(c, SE_K_MOD, s, se_expr_int(c, pick(1, 8)));
  case 4: return call2(c, SE_K_MAX, s, se_expr_add(c, t, se_expr_int(c, pick(-5, 5))));
  default: return se_expr_add(c, s, se_expr_int(c, pick(-10, 10)));
  }
}

static void test_static_agrees_with_hints(void **state) {
  (void)state;
  int decided = 0, checks = 0;
  for (int round = 0; round < 40; round++) {
    se_ctx *c = se_ctx_new();
    se_env *env = se_env_new(c, NULL);
    const se_expr *syms[8];
    const se_expr *vals[8];
    size_t n = 0;
    for (int t = 0; t < 3; t++) {
      int64_t sizes[2] = {pick(2, 12), pick(2, 12)}, strides[2] = {sizes[1], 1};
      se_tensor_spec spec = {.dim = 2, .sizes = sizes, .strides = strides};
      char name[8];
      snprintf(name, sizeof name, "t%d", t);
      se_tensor_meta m;
      assert_int_equal(se_env_create_tensor(env, &spec, se_source_local(c, name), &m), SE_OK);
      for (int d = 0; d < 2; d++) {
        if (se_expr_kind(m.sizes[d].expr) != SE_K_SYMBOL) continue;
        syms[n] = m.sizes[d].expr;
        vals[n] = m.sizes[d].hint;
        n++;
      }
    }
    if (n == 0) {
      se_env_free(env);
      se_ctx_free(c);
      continue;
    }
    static const se_kind rels[] = {SE_K_LT, SE_K_LE, SE_K_GT, SE_K_GE, SE_K_EQ, SE_K_NE};
    for (int k = 0; k < 25; k++) {
      const se_expr *e = call2(c, rels[pick(0, 5)], random_term(c, syms, n),
                               random_term(c, syms, n));
      assert_non_null(e);
      /* The truth at the hints. */
      const se_expr *truth = se_expr_subs(c, e, syms, vals, n);
      assert_non_null(truth);
      assert_true(se_expr_kind(truth) == SE_K_TRUE || se_expr_kind(truth) == SE_K_FALSE);
      const se_expr *st = NULL;
      assert_int_equal(se_env_evaluate_static(env, e, false, &st), SE_OK);
      checks++;
      if (st) {
        decided++;
        if (st != truth) {
          char *a = se_expr_str(c, e), *b = se_expr_str(c, st), *h = se_expr_str(c, truth);
          fail_msg("round %d: %s decided %s statically, %s at the hints", round, a, b, h);
        }
      }
      const se_expr *out = NULL;
      assert_int_equal(se_env_evaluate_expr(env, e, NULL, -1, false, NULL, &out), SE_OK);
      assert_ptr_equal(out, truth);
    }
    se_env_free(env);
    se_ctx_free(c);
  }
  /* The check is not vacuous: many answers came from static evaluation. */
  print_message("%d of %d checks decided statically\n", decided, checks);
  assert_true(decided > checks / 10);
}

/* A symbol the environment never created: a clear error, nothing changed. */
static void test_unknown_symbol(void **state) {
  (void)state;
  se_ctx *c = se_ctx_new();
  se_env *env = se_env_new(c, NULL);
  char *before = se_env_dump(env);
  const se_expr *out = NULL;
  const se_expr *e = call2(c, SE_K_EQ, se_expr_symbol(c, "s5"), se_expr_int(c, 3));
  se_status st = se_env_evaluate_expr(env, e, NULL, -1, false, NULL, &out);
  assert_int_not_equal(st, SE_OK);
  assert_true(strlen(se_errmsg(c)) > 0);
  se_clear_error(c);
  char *after = se_env_dump(env);
  assert_string_equal(after, before);
  se_free(before);
  se_free(after);
  se_env_free(env);
  se_ctx_free(c);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_static_agrees_with_hints),
      cmocka_unit_test(test_unknown_symbol),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
