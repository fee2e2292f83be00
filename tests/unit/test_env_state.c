/* State dump and check_equal (spec/shapeenv.md 3.1-3.6, peer-cases A):
 * the NotEqualError text, value printing and Python-style equality. State is
 * written through the se__st_* writers, as the env modules do. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "base/strtab.h"
#include "env/dump.h"

typedef struct fixture {
  se_ctx *ctx;
  se_env *a;
  se_env *b;
} fixture;

static int setup(void **state) {
  fixture *f = calloc(1, sizeof *f);
  f->ctx = se_ctx_new();
  f->a = se_env_new(f->ctx, NULL);
  f->b = se_env_new(f->ctx, NULL);
  *state = f;
  return f->ctx && f->a && f->b ? 0 : -1;
}

static int teardown(void **state) {
  fixture *f = *state;
  se_env_free(f->a);
  se_env_free(f->b);
  se_ctx_free(f->ctx);
  free(f);
  return 0;
}

static const se_expr *sym(se_ctx *ctx, const char *name) {
  const se_expr *e = se_expr_symbol(ctx, name);
  assert_non_null(e);
  return e;
}

static const se_expr *num(se_ctx *ctx, int64_t v) { return se_expr_int(ctx, v); }

static void put_p(se_env *env, se_map *m, const se_expr *k, const void *v) {
  assert_true(se__st_put_e(env, m, k, (se_mapval){.p = v}));
}

static void put_i(se_env *env, se_map *m, const se_expr *k, int64_t v) {
  assert_true(se__st_put_e(env, m, k, (se_mapval){.i = v}));
}

static const se_range *range(se_env *env, const se_expr *lo, const se_expr *hi) {
  se_range r;
  assert_int_equal(se_range_make(env->ctx, lo, hi, &r), SE_OK);
  const se_range *p = se__env_range_copy(env, r);
  assert_non_null(p);
  return p;
}

/* Checks a != b with the exact report, and that the comparison is symmetric
 * in its verdict. */
static void expect_report(se_env *a, se_env *b, const char *want) {
  char *rep = NULL;
  assert_int_equal(se_env_check_equal(a, b, &rep), SE_NOT_EQUAL);
  assert_non_null(rep);
  assert_string_equal(rep, want);
  se_free(rep);
  assert_int_equal(se_env_check_equal(b, a, NULL), SE_NOT_EQUAL);
}

static void expect_equal(se_env *a, se_env *b) {
  char *rep = (char *)"unset";
  se_status st = se_env_check_equal(a, b, &rep);
  if (st != SE_OK) fprintf(stderr, "%s", rep ? rep : "(no report)");
  assert_int_equal(st, SE_OK);
  assert_null(rep);
}

/* A2: two fresh environments are equal. */
static void test_empty_equal(void **state) {
  fixture *f = *state;
  expect_equal(f->a, f->b);
  expect_equal(f->a, f->a);
}

static const char empty_dump[] =
    "_translation_validation_enabled: False\n"
    "axioms: {}\n"
    "backed_var_to_val: {}\n"
    "co_fields: {}\n"
    "deferred_runtime_asserts: {}\n"
    "divisible: {}\n"
    "exclusion_constraints: []\n"
    "fake_tensor_cache: None\n"
    "frozen: False\n"
    "guards: []\n"
    "name_to_node: {}\n"
    "num_deferred_runtime_asserts: 0\n"
    "oblivious_var_to_val: {}\n"
    "pending_fresh_unbacked_symbols: None\n"
    "real_tensor_prop_unbacked_vals: {}\n"
    "replacements: {}\n"
    "runtime_asserts_frozen: False\n"
    "settings: ShapeEnvSettings(allow_scalar_outputs=True, "
    "allow_dynamic_output_shape_ops=True, "
    "assume_static_by_default=False, specialize_zero_one=True, duck_shape=True, "
    "prefer_deferred_runtime_asserts_over_guards=False, trace_asserts=False)\n"
    "size_like: {}\n"
    "source_to_symbol: {}\n"
    "source_to_var: {}\n"
    "specializations: OrderedSet([])\n"
    "symbol_guard_counter: None\n"
    "trace_asserts: False\n"
    "unbacked_alloc_order: {}\n"
    "unbacked_inputs: OrderedSet([])\n"
    "unbacked_renamings: {}\n"
    "unbacked_symfloat_counter: 0\n"
    "unbacked_symint_counter: 0\n"
    "unique_ids: {}\n"
    "val_to_var: {}\n"
    "var_to_hint_override: {}\n"
    "var_to_range: {}\n"
    "var_to_sources: {}\n";

/* The dump of a fresh environment: every compared field, sorted by name. */
static void test_dump_empty(void **state) {
  fixture *f = *state;
  char *d = se_env_dump(f->a);
  assert_non_null(d);
  assert_string_equal(d, empty_dump);
  /* Field names are in Python's string order (byte order). */
  char prev[64] = "";
  size_t lines = 0;
  for (const char *p = d; *p; p = strchr(p, '\n') + 1) {
    size_t n = (size_t)(strchr(p, ':') - p);
    char name[64];
    assert_true(n < sizeof name);
    memcpy(name, p, n);
    name[n] = '\0';
    assert_true(strcmp(prev, name) < 0);
    strcpy(prev, name);
    lines++;
  }
  assert_int_equal(lines, 34);
  se_free(d);
  assert_null(se_env_dump(NULL));
}

/* A3 (MISC-NEW): different settings. */
static void test_settings(void **state) {
  fixture *f = *state;
  se_env_options o;
  se_env_options_init(&o);
  o.allow_scalar_outputs = false;
  o.given = SE_SET_ALLOW_SCALAR_OUTPUTS;
  o.translation_validation = true;
  se_env_options p;
  se_env_options_init(&p);
  p.translation_validation = true;
  se_env *main_env = se_env_new(f->ctx, &o);
  se_env *other = se_env_new(f->ctx, &p);
  expect_report(main_env, other,
                "ShapeEnv not equal: field values don't match:\n"
                "\n"
                "==> settings: values don't match.\n"
                "  >  Left: ShapeEnvSettings(allow_scalar_outputs=False, "
                "allow_dynamic_output_shape_ops=True, assume_static_by_default=False, "
                "specialize_zero_one=True, duck_shape=True, "
                "prefer_deferred_runtime_asserts_over_guards=False, trace_asserts=False)\n"
                "  > Right: ShapeEnvSettings(allow_scalar_outputs=True, "
                "allow_dynamic_output_shape_ops=True, assume_static_by_default=False, "
                "specialize_zero_one=True, duck_shape=True, "
                "prefer_deferred_runtime_asserts_over_guards=False, trace_asserts=False)\n");
  /* trace_asserts is both a setting and a field of its own; TV is a field. */
  p.trace_asserts = true;
  se_env *third = se_env_new(f->ctx, &p);
  se_env *plain = se_env_new(f->ctx, NULL);
  expect_report(other, third,
                "ShapeEnv not equal: field values don't match:\n"
                "\n"
                "==> settings: values don't match.\n"
                "  >  Left: ShapeEnvSettings(allow_scalar_outputs=True, "
                "allow_dynamic_output_shape_ops=True, assume_static_by_default=False, "
                "specialize_zero_one=True, duck_shape=True, "
                "prefer_deferred_runtime_asserts_over_guards=False, trace_asserts=False)\n"
                "  > Right: ShapeEnvSettings(allow_scalar_outputs=True, "
                "allow_dynamic_output_shape_ops=True, assume_static_by_default=False, "
                "specialize_zero_one=True, duck_shape=True, "
                "prefer_deferred_runtime_asserts_over_guards=False, trace_asserts=True)\n"
                "==> trace_asserts: values don't match.\n"
                "  >  Left: False\n"
                "  > Right: True\n");
  expect_report(other, plain,
                "ShapeEnv not equal: field values don't match:\n"
                "\n"
                "==> _translation_validation_enabled: values don't match.\n"
                "  >  Left: True\n"
                "  > Right: False\n");
  se_env_free(main_env);
  se_env_free(other);
  se_env_free(third);
  se_env_free(plain);
}

/* The backed-symbol fields of A4 (those that need no source printing):
 * dict keys sort by their text, sets of ints numerically. */
static void test_backed_fields(void **state) {
  fixture *f = *state;
  se_ctx *ctx = f->ctx;
  se_env *a = f->a;
  const se_expr *s93 = sym(ctx, "s93"), *s44 = sym(ctx, "s44");
  const se_expr *io = se_expr_const(ctx, SE_K_INT_OO);
  /* Insertion order differs from the printed order. */
  put_p(a, &a->backed_var_to_val, s93, num(ctx, 3));
  put_p(a, &a->backed_var_to_val, s44, num(ctx, 2));
  put_i(a, &a->unique_ids, num(ctx, 93), 1);
  put_i(a, &a->unique_ids, num(ctx, 44), 1);
  put_p(a, &a->val_to_var, num(ctx, 3), s93);
  put_p(a, &a->val_to_var, num(ctx, 2), s44);
  put_p(a, &a->var_to_range, s93, range(a, num(ctx, 2), io));
  put_p(a, &a->var_to_range, s44, range(a, num(ctx, 2), io));
  expect_report(a, f->b,
                "ShapeEnv not equal: field values don't match:\n"
                "\n"
                "==> backed_var_to_val: values don't match.\n"
                "  >  Left: {s44: 2, s93: 3}\n"
                "  > Right: {}\n"
                "==> unique_ids: values don't match.\n"
                "  >  Left: {44, 93}\n"
                "  > Right: {}\n"
                "==> val_to_var: values don't match.\n"
                "  >  Left: {2: s44, 3: s93}\n"
                "  > Right: {}\n"
                "==> var_to_range: values don't match.\n"
                "  >  Left: {s44: VR[2, int_oo], s93: VR[2, int_oo]}\n"
                "  > Right: {}\n");
  /* Same content written in another order: dicts and sets ignore order. */
  se_env *b = f->b;
  put_p(b, &b->var_to_range, s44, range(b, num(ctx, 2), io));
  put_p(b, &b->var_to_range, s93, range(b, num(ctx, 2), io));
  put_p(b, &b->val_to_var, num(ctx, 2), s44);
  put_p(b, &b->val_to_var, num(ctx, 3), s93);
  put_i(b, &b->unique_ids, num(ctx, 44), 1);
  put_i(b, &b->unique_ids, num(ctx, 93), 1);
  put_p(b, &b->backed_var_to_val, s44, num(ctx, 2));
  put_p(b, &b->backed_var_to_val, s93, num(ctx, 3));
  expect_equal(a, b);
  /* A7's refinement: an equal-looking range with another bound differs. */
  put_p(a, &a->var_to_range, s93, range(a, num(ctx, 3), num(ctx, 3)));
  put_p(a, &a->replacements, s93, num(ctx, 3));
  expect_report(a, b,
                "ShapeEnv not equal: field values don't match:\n"
                "\n"
                "==> replacements: values don't match.\n"
                "  >  Left: {s93: 3}\n"
                "  > Right: {}\n"
                "==> var_to_range: values don't match.\n"
                "  >  Left: {s44: VR[2, int_oo], s93: VR[3, 3]}\n"
                "  > Right: {s44: VR[2, int_oo], s93: VR[2, int_oo]}\n");
}

/* Dict keys sort as text ("10" before "2"); int sets sort numerically. */
static void test_sort_orders(void **state) {
  fixture *f = *state;
  se_ctx *ctx = f->ctx;
  se_env *a = f->a;
  put_p(a, &a->val_to_var, num(ctx, 2), sym(ctx, "s2"));
  put_p(a, &a->val_to_var, num(ctx, 10), sym(ctx, "s10"));
  put_p(a, &a->val_to_var, num(ctx, 100), sym(ctx, "s1"));
  put_i(a, &a->unique_ids, num(ctx, 100), 1);
  put_i(a, &a->unique_ids, num(ctx, 9), 1);
  put_i(a, &a->unique_ids, num(ctx, 10), 1);
  put_p(a, &a->backed_var_to_val, sym(ctx, "s9"), num(ctx, 5));
  put_p(a, &a->backed_var_to_val, sym(ctx, "s10"), num(ctx, 5));
  char *d = se_env_dump(a);
  assert_non_null(d);
  assert_non_null(strstr(d, "\nval_to_var: {10: s10, 100: s1, 2: s2}\n"));
  assert_non_null(strstr(d, "\nunique_ids: {9, 10, 100}\n"));
  assert_non_null(strstr(d, "\nbacked_var_to_val: {s10: 5, s9: 5}\n"));
  se_free(d);
}

/* A5: unbacked counters and name_to_node; removed nodes are not listed. */
static void test_unbacked_and_nodes(void **state) {
  fixture *f = *state;
  se_ctx *ctx = f->ctx;
  se_env *a = f->a;
  const char *names[] = {"u0", "zuf0", "u1", "gone"};
  for (size_t i = 0; i < 4; i++) {
    se_fx_node n = {0};
    n.name = se__str_intern(ctx, names[i], strlen(names[i]));
    n.target = se__str_intern(ctx, "placeholder", 11);
    n.placeholder = true;
    n.event = -1;
    n.removed = i == 3;
    assert_true(se__st_push(a, &a->fx_nodes, &n));
    assert_true(se__st_put(a, &a->name_to_node, n.name, se__str_hash(n.name, strlen(n.name)),
                           (se_mapval){.i = (int64_t)i}));
  }
  se__st_set_i64(a, &a->unbacked_symint_counter, 2);
  se__st_set_i64(a, &a->unbacked_symfloat_counter, 1);
  se_range r;
  put_p(a, &a->var_to_range, sym(ctx, "u0"), se__env_range_copy(a, se_range_unknown_int(ctx)));
  put_p(a, &a->var_to_range, sym(ctx, "zuf0"), se__env_range_copy(a, se_range_unknown(ctx)));
  assert_int_equal(se_range_make(ctx, num(ctx, 0), num(ctx, 1), &r), SE_OK);
  put_p(a, &a->var_to_range, sym(ctx, "u1"), se__env_range_copy(a, r));
  expect_report(a, f->b,
                "ShapeEnv not equal: field values don't match:\n"
                "\n"
                "==> name_to_node: values don't match.\n"
                "  >  Left: {u0, u1, zuf0}\n"
                "  > Right: {}\n"
                "==> unbacked_symfloat_counter: values don't match.\n"
                "  >  Left: 1\n"
                "  > Right: 0\n"
                "==> unbacked_symint_counter: values don't match.\n"
                "  >  Left: 2\n"
                "  > Right: 0\n"
                "==> var_to_range: values don't match.\n"
                "  >  Left: {u0: VR[-int_oo, int_oo], u1: VR[0, 1], zuf0: VR[-oo, oo]}\n"
                "  > Right: {}\n");
}

/* A6 and A9's shapes: guards (a list), divisible (a set), axioms (a dict of
 * booleans), deferred runtime asserts with the key None. */
static void test_guards_and_asserts(void **state) {
  fixture *f = *state;
  se_ctx *ctx = f->ctx;
  se_env *a = f->a, *b = f->b;
  const se_expr *s93 = sym(ctx, "s93"), *u0 = sym(ctx, "u0");
  const se_expr *mod_args[2] = {s93, num(ctx, 3)};
  const se_expr *mod = se_expr_call(ctx, SE_K_MOD, mod_args, 2);
  assert_non_null(mod);
  const se_expr *eq_args[2] = {mod, num(ctx, 0)};
  const se_expr *eq = se_expr_call(ctx, SE_K_EQ, eq_args, 2);
  const se_expr *ge_args[2] = {s93, num(ctx, 3)};
  const se_expr *ge = se_expr_call(ctx, SE_K_GE, ge_args, 2);
  assert_non_null(eq);
  assert_non_null(ge);
  se_guard g1 = {eq, false}, g2 = {ge, false};
  assert_true(se__st_push(a, &a->guards, &g1));
  assert_true(se__st_push(a, &a->guards, &g2));
  put_i(a, &a->divisible, mod, 1);
  put_i(a, &a->axioms, eq, 1);
  const se_expr *ne_args[2] = {mod, num(ctx, 0)};
  put_i(a, &a->axioms, se_expr_call(ctx, SE_K_NE, ne_args, 2), 0);

  se_ralist *ra = se__arena_alloc(&ctx->arena, sizeof *ra + 2 * sizeof ra->v[0]);
  ra->n = 1;
  ra->v[0] = (se_rt_assert){eq, NULL};
  se_ralist *rn = se__arena_alloc(&ctx->arena, sizeof *rn + 2 * sizeof rn->v[0]);
  rn->n = 2;
  rn->v[0] = (se_rt_assert){ge, NULL};
  rn->v[1] = (se_rt_assert){eq, NULL};
  put_p(a, &a->deferred_runtime_asserts, u0, ra);
  assert_true(
      se__st_put(a, &a->deferred_runtime_asserts, &a->none_key, 7, (se_mapval){.p = rn}));
  se__st_set_i64(a, &a->num_deferred_runtime_asserts, 3);
  expect_report(a, b,
                "ShapeEnv not equal: field values don't match:\n"
                "\n"
                "==> axioms: values don't match.\n"
                "  >  Left: {Eq(Mod(s93, 3), 0): True, Ne(Mod(s93, 3), 0): False}\n"
                "  > Right: {}\n"
                "==> deferred_runtime_asserts: values don't match.\n"
                "  >  Left: {None: [s93 >= 3, Eq(Mod(s93, 3), 0)], u0: [Eq(Mod(s93, 3), 0)]}\n"
                "  > Right: {}\n"
                "==> divisible: values don't match.\n"
                "  >  Left: {Mod(s93, 3)}\n"
                "  > Right: {}\n"
                "==> guards: values don't match.\n"
                "  >  Left: [Eq(Mod(s93, 3), 0), s93 >= 3]\n"
                "  > Right: []\n"
                "==> num_deferred_runtime_asserts: values don't match.\n"
                "  >  Left: 3\n"
                "  > Right: 0\n");

  /* The same state on b, None key with its own address and hash, guards in
   * the other order: only guards (a list) differ. */
  assert_true(se__st_push(b, &b->guards, &g2));
  assert_true(se__st_push(b, &b->guards, &g1));
  put_i(b, &b->divisible, mod, 1);
  put_i(b, &b->axioms, se_expr_call(ctx, SE_K_NE, ne_args, 2), 0);
  put_i(b, &b->axioms, eq, 1);
  assert_true(
      se__st_put(b, &b->deferred_runtime_asserts, &b->none_key, 99, (se_mapval){.p = rn}));
  put_p(b, &b->deferred_runtime_asserts, u0, ra);
  se__st_set_i64(b, &b->num_deferred_runtime_asserts, 3);
  expect_report(a, b,
                "ShapeEnv not equal: field values don't match:\n"
                "\n"
                "==> guards: values don't match.\n"
                "  >  Left: [Eq(Mod(s93, 3), 0), s93 >= 3]\n"
                "  > Right: [s93 >= 3, Eq(Mod(s93, 3), 0)]\n");
  /* Assert lists are order-sensitive too. */
  se_ralist *rr = se__arena_alloc(&ctx->arena, sizeof *rr + 2 * sizeof rr->v[0]);
  rr->n = 2;
  rr->v[0] = (se_rt_assert){eq, NULL};
  rr->v[1] = (se_rt_assert){ge, NULL};
  assert_true(
      se__st_put(b, &b->deferred_runtime_asserts, &b->none_key, 99, (se_mapval){.p = rr}));
  char *rep = NULL;
  assert_int_equal(se_env_check_equal(a, b, &rep), SE_NOT_EQUAL);
  assert_non_null(strstr(rep, "==> deferred_runtime_asserts: values don't match.\n"
                              "  >  Left: {None: [s93 >= 3, Eq(Mod(s93, 3), 0)], "
                              "u0: [Eq(Mod(s93, 3), 0)]}\n"
                              "  > Right: {None: [Eq(Mod(s93, 3), 0), s93 >= 3], "
                              "u0: [Eq(Mod(s93, 3), 0)]}\n"));
  se_free(rep);
  /* An axiom with the other truth value differs. */
  put_i(b, &b->axioms, eq, 0);
  rep = NULL;
  assert_int_equal(se_env_check_equal(a, b, &rep), SE_NOT_EQUAL);
  assert_non_null(
      strstr(rep, "  > Right: {Eq(Mod(s93, 3), 0): False, Ne(Mod(s93, 3), 0): False}\n"));
  se_free(rep);
}

/* unbacked_inputs is an OrderedSet: printed in insertion order, compared
 * without order (OrderedSet.__eq__ compares the underlying dicts). */
static void test_ordered_set(void **state) {
  fixture *f = *state;
  se_ctx *ctx = f->ctx;
  se_env *a = f->a, *b = f->b;
  put_i(a, &a->unbacked_inputs, sym(ctx, "u1"), 1);
  put_i(a, &a->unbacked_inputs, sym(ctx, "u0"), 1);
  expect_report(a, b,
                "ShapeEnv not equal: field values don't match:\n"
                "\n"
                "==> unbacked_inputs: values don't match.\n"
                "  >  Left: OrderedSet([u1, u0])\n"
                "  > Right: OrderedSet([])\n");
  put_i(b, &b->unbacked_inputs, sym(ctx, "u0"), 1);
  put_i(b, &b->unbacked_inputs, sym(ctx, "u1"), 1);
  expect_equal(a, b);
}

/* Sets of expressions sort by their printed text; the other dict fields. */
static void test_other_fields(void **state) {
  fixture *f = *state;
  se_ctx *ctx = f->ctx;
  se_env *a = f->a;
  put_i(a, &a->size_like, sym(ctx, "u9"), 1);
  put_i(a, &a->size_like, sym(ctx, "u10"), 1);
  put_p(a, &a->unbacked_renamings, sym(ctx, "u3"), sym(ctx, "u2"));
  put_p(a, &a->var_to_hint_override, sym(ctx, "s5"), num(ctx, 8));
  put_p(a, &a->oblivious_var_to_val, sym(ctx, "u4"), num(ctx, 6));
  put_p(a, &a->real_tensor_prop_unbacked_vals, sym(ctx, "u5"), num(ctx, -1));
  put_i(a, &a->unbacked_alloc_order, sym(ctx, "u5"), 4);
  se__st_set_bool(a, &a->frozen, true);
  se__st_set_bool(a, &a->runtime_asserts_frozen, true);
  char *d = se_env_dump(a);
  assert_non_null(d);
  assert_non_null(strstr(d, "\nsize_like: {u10, u9}\n"));
  assert_non_null(strstr(d, "\nunbacked_renamings: {u3: u2}\n"));
  assert_non_null(strstr(d, "\nvar_to_hint_override: {s5: 8}\n"));
  assert_non_null(strstr(d, "\noblivious_var_to_val: {u4: 6}\n"));
  assert_non_null(strstr(d, "\nreal_tensor_prop_unbacked_vals: {u5: -1}\n"));
  assert_non_null(strstr(d, "\nunbacked_alloc_order: {u5: 4}\n"));
  assert_non_null(strstr(d, "\nfrozen: True\n"));
  assert_non_null(strstr(d, "\nruntime_asserts_frozen: True\n"));
  se_free(d);
}

/* co_fields print as a dict of strings (no quotes); a repeated key keeps
 * its last value, as a Python dict built from the pairs. */
static void test_co_fields(void **state) {
  fixture *f = *state;
  const char *kv[] = {"co_name", "fn", "co_filename", "a.py", "co_name", "g"};
  const char *kv2[] = {"co_filename", "a.py", "co_name", "g"};
  se_env_options o;
  se_env_options_init(&o);
  o.co_fields = kv;
  o.n_co_fields = 3;
  o.given = SE_SET_CO_FIELDS;
  se_env *x = se_env_new(f->ctx, &o);
  o.co_fields = kv2;
  o.n_co_fields = 2;
  se_env *y = se_env_new(f->ctx, &o);
  expect_equal(x, y);
  expect_report(x, f->a,
                "ShapeEnv not equal: field values don't match:\n"
                "\n"
                "==> co_fields: values don't match.\n"
                "  >  Left: {co_filename: a.py, co_name: g}\n"
                "  > Right: {}\n");
  se_env_free(x);
  se_env_free(y);
}

/* Fields mapped to None never differ. */
static void test_ignored_fields(void **state) {
  fixture *f = *state;
  se_env *a = f->a;
  const se_expr *u0 = sym(f->ctx, "u0");
  put_i(a, &a->symbol_guard_counter, u0, 3);
  assert_true(se__st_push(a, &a->pending_fresh_unbacked_symbols, &u0));
  assert_true(se__map_put(&a->fx_node_cache, u0, u0->hash, (se_mapval){.i = 0}));
  expect_equal(a, f->b);
}

/* A failed public call rolls its writes back, after which the env compares
 * equal to a fresh one again. */
static void test_rollback(void **state) {
  fixture *f = *state;
  se_env *a = f->a;
  se__txn_begin(a);
  put_p(a, &a->backed_var_to_val, sym(f->ctx, "s1"), num(f->ctx, 4));
  se__st_set_i64(a, &a->unbacked_symint_counter, 1);
  assert_int_equal(se_env_check_equal(a, f->b, NULL), SE_NOT_EQUAL);
  assert_int_equal(se__txn_end(a, SE_INVALID), SE_INVALID);
  expect_equal(a, f->b);
}

/* Environments of different contexts are compared by printed text. */
static void test_cross_context(void **state) {
  fixture *f = *state;
  se_ctx *c2 = se_ctx_new();
  se_env *x = se_env_new(c2, NULL);
  put_p(f->a, &f->a->backed_var_to_val, sym(f->ctx, "s2"), num(f->ctx, 7));
  put_p(f->a, &f->a->backed_var_to_val, sym(f->ctx, "s1"), num(f->ctx, 5));
  put_p(x, &x->backed_var_to_val, sym(c2, "s1"), num(c2, 5));
  put_p(x, &x->backed_var_to_val, sym(c2, "s2"), num(c2, 7));
  expect_equal(f->a, x);
  put_p(x, &x->backed_var_to_val, sym(c2, "s2"), num(c2, 8));
  expect_report(f->a, x,
                "ShapeEnv not equal: field values don't match:\n"
                "\n"
                "==> backed_var_to_val: values don't match.\n"
                "  >  Left: {s1: 5, s2: 7}\n"
                "  > Right: {s1: 5, s2: 8}\n");
  se_env_free(x);
  se_ctx_free(c2);
}

static void test_bad_args(void **state) {
  fixture *f = *state;
  char *rep = (char *)"unset";
  assert_int_equal(se_env_check_equal(NULL, NULL, &rep), SE_INVALID);
  assert_null(rep);
  assert_int_equal(se_env_check_equal(f->a, NULL, NULL), SE_INVALID);
  assert_int_equal(se_last_status(f->ctx), SE_INVALID);
  se_clear_error(f->ctx);
}

/* The NotEqualError formatters, including the field-set form, which two C
 * environments never reach. */
static void test_text_formatters(void **state) {
  fixture *f = *state;
  se_mismatch m[2] = {{"a: values don't match.", "1", "2"},
                      {"b: values don't match.", "[]", "[x]"}};
  char *s = se__env_not_equal_text(f->ctx, "field values don't match:", m, 2);
  assert_string_equal(s, "ShapeEnv not equal: field values don't match:\n\n"
                         "==> a: values don't match.\n  >  Left: 1\n  > Right: 2\n"
                         "==> b: values don't match.\n  >  Left: []\n  > Right: [x]\n");
  se_free(s);
  const char *l[] = {"var_to_val", "_expr_sym_node_id", "it's"};
  s = se__env_field_set_text(f->ctx, l, 3, NULL, 0);
  assert_string_equal(s, "ShapeEnv not equal: field set mismatch:\n\n"
                         "==> found unique fields:\n"
                         "  >  Left: ['_expr_sym_node_id', \"it's\", 'var_to_val']\n"
                         "  > Right: []\n");
  se_free(s);
  const char *r[] = {"backed_var_to_val"};
  s = se__env_field_set_text(f->ctx, l, 1, r, 1);
  assert_string_equal(s, "ShapeEnv not equal: field set mismatch:\n\n"
                         "==> found unique fields:\n"
                         "  >  Left: ['var_to_val']\n"
                         "  > Right: ['backed_var_to_val']\n");
  se_free(s);
}

/* ---- peer cases through the real API (translation validation on) ---------- */

static se_env *tv_env(se_ctx *ctx) {
  se_env_options o;
  se_env_options_init(&o);
  o.translation_validation = true;
  se_env *env = se_env_new(ctx, &o);
  assert_non_null(env);
  return env;
}

/* Sizes [3, 2], strides [2, 1], offset 0, source ConstantSource("x");
 * returns the symbolic size[0]. */
static se_sym create_x(se_env *env) {
  static const int64_t sizes[] = {3, 2}, strides[] = {2, 1};
  se_tensor_spec spec;
  memset(&spec, 0, sizeof spec);
  spec.dim = 2;
  spec.sizes = sizes;
  spec.strides = strides;
  se_tensor_meta m;
  assert_int_equal(se_env_create_tensor(env, &spec, se_source_constant(env->ctx, "x"), &m),
                   SE_OK);
  return m.sizes[0];
}

static se_sym binop(se_env *env, se_symop op, se_sym a, se_sym b) {
  se_sym r;
  se_status st = se_sym_binary(env, op, a, b, &r);
  if (st != SE_OK) fail_msg("se_sym_binary: %s", se_errmsg(env->ctx));
  return r;
}

/* bool(cond) on a SymBool: guard_bool, which must hold. */
static void guard_true(se_env *env, se_sym cond) {
  const se_expr *v = NULL;
  se_status st = se_sym_guard(env, cond, &v);
  if (st != SE_OK) fail_msg("se_sym_guard: %s", se_errmsg(env->ctx));
  assert_int_equal(se_expr_kind(v), SE_K_TRUE);
}

/* A4 (MISC-NEW), verbatim. */
static void test_peer_a4(void **state) {
  fixture *f = *state;
  se_env *main_env = tv_env(f->ctx), *other = tv_env(f->ctx);
  create_x(main_env);
  expect_report(
      main_env, other,
      "ShapeEnv not equal: field values don't match:\n"
      "\n"
      "==> backed_var_to_val: values don't match.\n"
      "  >  Left: {s44: 2, s93: 3}\n"
      "  > Right: {}\n"
      "==> name_to_node: values don't match.\n"
      "  >  Left: {x_size_0_, x_size_1_, x_storage_offset, x_stride_0_, x_stride_1_}\n"
      "  > Right: {}\n"
      "==> source_to_symbol: values don't match.\n"
      "  >  Left: {x.size()[0]: x.size()[0], x.size()[1]: x.size()[1], "
      "x.storage_offset(): x.storage_offset(), x.stride()[0]: x.stride()[0], "
      "x.stride()[1]: x.stride()[1]}\n"
      "  > Right: {}\n"
      "==> source_to_var: values don't match.\n"
      "  >  Left: {x.size()[0]: s93, x.size()[1]: s44}\n"
      "  > Right: {}\n"
      "==> unique_ids: values don't match.\n"
      "  >  Left: {44, 93}\n"
      "  > Right: {}\n"
      "==> val_to_var: values don't match.\n"
      "  >  Left: {2: s44, 3: s93}\n"
      "  > Right: {}\n"
      "==> var_to_range: values don't match.\n"
      "  >  Left: {s44: VR[2, int_oo], s93: VR[2, int_oo]}\n"
      "  > Right: {}\n"
      "==> var_to_sources: values don't match.\n"
      "  >  Left: {s44: [TensorPropertySource(base=ConstantSource(source_name='x'), "
      "prop=<TensorProperty.SIZE: 0>, idx=1)], s93: "
      "[TensorPropertySource(base=ConstantSource(source_name='x'), "
      "prop=<TensorProperty.SIZE: 0>, idx=0)]}\n"
      "  > Right: {}\n");
  /* The same calls on the other env make them equal again. */
  create_x(other);
  expect_equal(main_env, other);
  se_env_free(main_env);
  se_env_free(other);
}

/* A5 (MISC-NEW), verbatim. */
static void test_peer_a5(void **state) {
  fixture *f = *state;
  se_env *main_env = tv_env(f->ctx), *other = tv_env(f->ctx);
  se_sym r;
  assert_int_equal(se_env_create_unbacked_symint(main_env, &r), SE_OK);
  assert_int_equal(se_env_create_unbacked_symfloat(main_env, &r), SE_OK);
  assert_int_equal(se_env_create_unbacked_symbool(main_env, &r), SE_OK);
  expect_report(main_env, other,
                "ShapeEnv not equal: field values don't match:\n"
                "\n"
                "==> name_to_node: values don't match.\n"
                "  >  Left: {u0, u1, zuf0}\n"
                "  > Right: {}\n"
                "==> unbacked_symfloat_counter: values don't match.\n"
                "  >  Left: 1\n"
                "  > Right: 0\n"
                "==> unbacked_symint_counter: values don't match.\n"
                "  >  Left: 2\n"
                "  > Right: 0\n"
                "==> var_to_range: values don't match.\n"
                "  >  Left: {u0: VR[-int_oo, int_oo], u1: VR[0, 1], zuf0: VR[-oo, oo]}\n"
                "  > Right: {}\n");
  se_env_free(main_env);
  se_env_free(other);
}

/* The dump after A4's calls shows the same values, one field a line. */
static void test_dump_after_a4(void **state) {
  fixture *f = *state;
  se_env *env = tv_env(f->ctx);
  create_x(env);
  char *d = se_env_dump(env);
  assert_non_null(d);
  assert_non_null(strstr(d, "_translation_validation_enabled: True\n"));
  assert_non_null(strstr(d, "\nbacked_var_to_val: {s44: 2, s93: 3}\n"));
  assert_non_null(strstr(d, "\nsource_to_var: {x.size()[0]: s93, x.size()[1]: s44}\n"));
  assert_non_null(strstr(d, "\nvar_to_range: {s44: VR[2, int_oo], s93: VR[2, int_oo]}\n"));
  se_free(d);
  se_env_free(env);
}

static const char a6_to_a8_nodes[] =
    "x_size_0_, x_size_1_, x_storage_offset, x_stride_0_, x_stride_1_}";

/* A6 (MISC-NEW): bool(size[0] % 3 == 0) on main only. */
static void test_peer_a6(void **state) {
  fixture *f = *state;
  se_env *main_env = tv_env(f->ctx), *other = tv_env(f->ctx);
  se_sym s0 = create_x(main_env);
  create_x(other);
  se_sym m = binop(main_env, SE_OP_MOD, s0, se_sym_int(f->ctx, 3));
  guard_true(main_env, binop(main_env, SE_OP_EQ, m, se_sym_int(f->ctx, 0)));
  char want[2048];
  snprintf(want, sizeof want,
           "ShapeEnv not equal: field values don't match:\n"
           "\n"
           "==> axioms: values don't match.\n"
           "  >  Left: {(Mod(s93, 3)) < 0: False, (Mod(s93, 3)) <= 0: True, "
           "0 < (Mod(s93, 3)): False, 0 <= (Mod(s93, 3)): True, Eq(0, Mod(s93, 3)): True, "
           "Eq(Mod(s93, 3), 0): True, Ne(0, Mod(s93, 3)): False, Ne(Mod(s93, 3), 0): False}\n"
           "  > Right: {}\n"
           "==> divisible: values don't match.\n"
           "  >  Left: {Mod(s93, 3)}\n"
           "  > Right: {}\n"
           "==> guards: values don't match.\n"
           "  >  Left: [Eq(Mod(s93, 3), 0)]\n"
           "  > Right: []\n"
           "==> name_to_node: values don't match.\n"
           "  >  Left: {_assert, eq, mod, %s\n"
           "  > Right: {%s\n",
           a6_to_a8_nodes, a6_to_a8_nodes);
  expect_report(main_env, other, want);
  se_env_free(main_env);
  se_env_free(other);
}

/* A7 (MISC-NEW): bool(size[0] == 3) on main only. */
static void test_peer_a7(void **state) {
  fixture *f = *state;
  se_env *main_env = tv_env(f->ctx), *other = tv_env(f->ctx);
  se_sym s0 = create_x(main_env);
  create_x(other);
  guard_true(main_env, binop(main_env, SE_OP_EQ, s0, se_sym_int(f->ctx, 3)));
  char want[2048];
  snprintf(want, sizeof want,
           "ShapeEnv not equal: field values don't match:\n"
           "\n"
           "==> axioms: values don't match.\n"
           "  >  Left: {False: False, True: True}\n"
           "  > Right: {}\n"
           "==> guards: values don't match.\n"
           "  >  Left: [Eq(s93, 3)]\n"
           "  > Right: []\n"
           "==> name_to_node: values don't match.\n"
           "  >  Left: {_assert, eq, %s\n"
           "  > Right: {%s\n"
           "==> replacements: values don't match.\n"
           "  >  Left: {s93: 3}\n"
           "  > Right: {}\n"
           "==> var_to_range: values don't match.\n"
           "  >  Left: {s44: VR[2, int_oo], s93: VR[3, 3]}\n"
           "  > Right: {s44: VR[2, int_oo], s93: VR[2, int_oo]}\n",
           a6_to_a8_nodes, a6_to_a8_nodes);
  expect_report(main_env, other, want);
  se_env_free(main_env);
  se_env_free(other);
}

/* A8 (MISC-NEW): bool(size[0] >= 3) on main only. */
static void test_peer_a8(void **state) {
  fixture *f = *state;
  se_env *main_env = tv_env(f->ctx), *other = tv_env(f->ctx);
  se_sym s0 = create_x(main_env);
  create_x(other);
  guard_true(main_env, binop(main_env, SE_OP_GE, s0, se_sym_int(f->ctx, 3)));
  char want[2048];
  snprintf(want, sizeof want,
           "ShapeEnv not equal: field values don't match:\n"
           "\n"
           "==> axioms: values don't match.\n"
           "  >  Left: {3 <= s93: True, s93 < 3: False}\n"
           "  > Right: {}\n"
           "==> guards: values don't match.\n"
           "  >  Left: [s93 >= 3]\n"
           "  > Right: []\n"
           "==> name_to_node: values don't match.\n"
           "  >  Left: {_assert, ge, %s\n"
           "  > Right: {%s\n"
           "==> var_to_range: values don't match.\n"
           "  >  Left: {s44: VR[2, int_oo], s93: VR[3, int_oo]}\n"
           "  > Right: {s44: VR[2, int_oo], s93: VR[2, int_oo]}\n",
           a6_to_a8_nodes, a6_to_a8_nodes);
  expect_report(main_env, other, want);
  se_env_free(main_env);
  se_env_free(other);
}

/* A9 (MISC-NEW): expect_true(u0 % 3 == 0) on main only. */
static void test_peer_a9(void **state) {
  fixture *f = *state;
  se_env *main_env = tv_env(f->ctx), *other = tv_env(f->ctx);
  se_sym r, r2;
  assert_int_equal(se_env_create_unbacked_symint(main_env, &r), SE_OK);
  assert_int_equal(se_env_create_unbacked_symint(other, &r2), SE_OK);
  se_sym m = binop(main_env, SE_OP_MOD, r, se_sym_int(f->ctx, 3));
  bool ok = false;
  se_status st = se_sym_expect_true(
      main_env, binop(main_env, SE_OP_EQ, m, se_sym_int(f->ctx, 0)), "", &ok);
  if (st != SE_OK) fail_msg("se_sym_expect_true: %s", se_errmsg(f->ctx));
  assert_true(ok);
  expect_report(main_env, other,
                "ShapeEnv not equal: field values don't match:\n"
                "\n"
                "==> axioms: values don't match.\n"
                "  >  Left: {(PythonMod(u0, 3)) < 0: False, (PythonMod(u0, 3)) <= 0: True, "
                "0 < (PythonMod(u0, 3)): False, 0 <= (PythonMod(u0, 3)): True, "
                "Eq(0, PythonMod(u0, 3)): True, Eq(PythonMod(u0, 3), 0): True, "
                "Ne(0, PythonMod(u0, 3)): False, Ne(PythonMod(u0, 3), 0): False}\n"
                "  > Right: {}\n"
                "==> deferred_runtime_asserts: values don't match.\n"
                "  >  Left: {u0: [Eq(PythonMod(u0, 3), 0)]}\n"
                "  > Right: {}\n"
                "==> name_to_node: values don't match.\n"
                "  >  Left: {_assert, eq, mod, u0}\n"
                "  > Right: {u0}\n"
                "==> num_deferred_runtime_asserts: values don't match.\n"
                "  >  Left: 1\n"
                "  > Right: 0\n");
  se_env_free(main_env);
  se_env_free(other);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_empty_equal, setup, teardown),
      cmocka_unit_test_setup_teardown(test_dump_empty, setup, teardown),
      cmocka_unit_test_setup_teardown(test_settings, setup, teardown),
      cmocka_unit_test_setup_teardown(test_backed_fields, setup, teardown),
      cmocka_unit_test_setup_teardown(test_sort_orders, setup, teardown),
      cmocka_unit_test_setup_teardown(test_unbacked_and_nodes, setup, teardown),
      cmocka_unit_test_setup_teardown(test_guards_and_asserts, setup, teardown),
      cmocka_unit_test_setup_teardown(test_ordered_set, setup, teardown),
      cmocka_unit_test_setup_teardown(test_other_fields, setup, teardown),
      cmocka_unit_test_setup_teardown(test_co_fields, setup, teardown),
      cmocka_unit_test_setup_teardown(test_ignored_fields, setup, teardown),
      cmocka_unit_test_setup_teardown(test_rollback, setup, teardown),
      cmocka_unit_test_setup_teardown(test_cross_context, setup, teardown),
      cmocka_unit_test_setup_teardown(test_bad_args, setup, teardown),
      cmocka_unit_test_setup_teardown(test_text_formatters, setup, teardown),
      cmocka_unit_test_setup_teardown(test_peer_a4, setup, teardown),
      cmocka_unit_test_setup_teardown(test_peer_a5, setup, teardown),
      cmocka_unit_test_setup_teardown(test_dump_after_a4, setup, teardown),
      cmocka_unit_test_setup_teardown(test_peer_a6, setup, teardown),
      cmocka_unit_test_setup_teardown(test_peer_a7, setup, teardown),
      cmocka_unit_test_setup_teardown(test_peer_a8, setup, teardown),
      cmocka_unit_test_setup_teardown(test_peer_a9, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
