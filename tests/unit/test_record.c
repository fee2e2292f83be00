/* Recording, replay and transactional calls (PyTorch's recording.py; peer
 * cases A1-A9): the events an environment keeps, the state a replay
 * rebuilds, and that a failed call leaves no event and no state change. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "record/recorder.h"

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

static se_env *tv_env(void) {
  se_env_options o;
  se_env_options_init(&o);
  o.translation_validation = true;
  se_env *env = se_env_new(C, &o);
  assert_non_null(env);
  return env;
}

/* Replays all events of env and requires check_equal to pass. */
static void replay_check(se_env *env) {
  se_env *r = NULL;
  se_status st = se_env_replay(env, SIZE_MAX, &r);
  if (st != SE_OK) fail_msg("replay failed: %s", se_errmsg(C));
  char *report = NULL;
  st = se_env_check_equal(env, r, &report);
  if (st != SE_OK) fail_msg("replayed environment differs:\n%s", report ? report : se_errmsg(C));
  se_free(report);
  se_env_free(r);
}

/* x: a contiguous [3, 2] tensor with ConstantSource("x"). */
static se_tensor_meta create_x(se_env *env) {
  static const int64_t sizes[] = {3, 2}, strides[] = {2, 1};
  se_tensor_spec spec;
  memset(&spec, 0, sizeof spec);
  spec.dim = 2;
  spec.sizes = sizes;
  spec.strides = strides;
  se_tensor_meta m;
  assert_int_equal(se_env_create_tensor(env, &spec, se_source_constant(C, "x"), &m), SE_OK);
  return m;
}

static char *event(se_env *env, size_t i) {
  char *s = se_env_event_str(env, i);
  assert_non_null(s);
  return s;
}

/* A1: an environment that does not record keeps no events. */
static void test_no_recording(void **state) {
  (void)state;
  se_env_options o;
  se_env_options_init(&o);
  o.translation_validation = true;
  o.should_record_events = false;
  o.given = SE_SET_SHOULD_RECORD_EVENTS;
  se_env *env = se_env_new(C, &o);
  assert_int_equal(se_env_event_count(env), 0);
  se_tensor_meta m = create_x(env);
  const se_expr *r;
  const se_expr *eq = se_expr_call(C, SE_K_EQ, (const se_expr *[]){m.sizes[0].expr, se_expr_int(C, 3)}, 2);
  assert_int_equal(se_env_evaluate_expr(env, eq, NULL, m.sizes[0].fx, false, NULL, &r), SE_OK);
  assert_int_equal(se_env_event_count(env), 0);
  /* B24: one guard and one replacement. */
  assert_int_equal(env->guards.n, 1);
  assert_int_equal(env->replacements.live, 1);
  se_env *rep = NULL;
  assert_int_equal(se_env_replay(env, SIZE_MAX, &rep), SE_STATE);
  se_clear_error(C);
  se_env_free(env);
}

/* A2 and A3: the constructor event holds exactly the given settings. */
static void test_constructor_event(void **state) {
  (void)state;
  se_env *a = tv_env(), *b = tv_env();
  char *report = NULL;
  assert_int_equal(se_env_check_equal(a, b, &report), SE_OK);
  replay_check(a);
  assert_int_equal(se_env_event_count(a), 1);
  char *s = event(a, 0);
  assert_string_equal(s, "event: ShapeEnv (None, {'should_record_events': False})");
  se_free(s);

  se_env_options o;
  se_env_options_init(&o);
  o.translation_validation = true;
  o.allow_scalar_outputs = false;
  o.given = SE_SET_ALLOW_SCALAR_OUTPUTS;
  se_env *m = se_env_new(C, &o);
  s = event(m, 0);
  assert_string_equal(
      s, "event: ShapeEnv (None, {'allow_scalar_outputs': False, 'should_record_events': False})");
  se_free(s);
  assert_int_equal(se_env_check_equal(m, b, &report), SE_NOT_EQUAL);
  assert_non_null(strstr(report, "==> settings: values don't match.\n"
                                 "  >  Left: ShapeEnvSettings(allow_scalar_outputs=False,"));
  se_free(report);
  se_clear_error(C);
  replay_check(m);
  se_env_free(a);
  se_env_free(b);
  se_env_free(m);
}

static const se_expr *rel(se_kind k, const se_expr *a, const se_expr *b) {
  const se_expr *v[2] = {a, b};
  const se_expr *e = se_expr_call(C, k, v, 2);
  assert_non_null(e);
  return e;
}

/* A4-A9: every operation sequence replays to an equal environment. */
static void test_replay_sequences(void **state) {
  (void)state;
  for (int variant = 0; variant < 5; variant++) {
    se_env *env = tv_env();
    se_tensor_meta m = create_x(env);
    const se_expr *s = m.sizes[0].expr, *out = NULL;
    switch (variant) {
    case 0: break; /* A4 */
    case 1: {       /* A6: size[0] % 3 == 0 */
      const se_expr *mod = se_expr_call(C, SE_K_MOD, (const se_expr *[]){s, se_expr_int(C, 3)}, 2);
      assert_int_equal(
          se_env_evaluate_expr(env, rel(SE_K_EQ, mod, se_expr_int(C, 0)), NULL, -1, false, NULL, &out),
          SE_OK);
      break;
    }
    case 2: /* A7 */
      assert_int_equal(
          se_env_evaluate_expr(env, rel(SE_K_EQ, s, se_expr_int(C, 3)), NULL, -1, false, NULL, &out),
          SE_OK);
      break;
    case 3: /* A8 */
      assert_int_equal(
          se_env_evaluate_expr(env, rel(SE_K_GE, s, se_expr_int(C, 3)), NULL, -1, false, NULL, &out),
          SE_OK);
      break;
    default: { /* A5 + A9 */
      se_sym u, f, b;
      assert_int_equal(se_env_create_unbacked_symint(env, &u), SE_OK);
      assert_int_equal(se_env_create_unbacked_symfloat(env, &f), SE_OK);
      assert_int_equal(se_env_create_unbacked_symbool(env, &b), SE_OK);
      const se_expr *pm =
          se_expr_call(C, SE_K_PYTHONMOD, (const se_expr *[]){u.expr, se_expr_int(C, 3)}, 2);
      assert_int_equal(se_env_guard_or_defer_runtime_assert(
                           env, rel(SE_K_EQ, pm, se_expr_int(C, 0)), "test.py:1", -1),
                       SE_OK);
      break;
    }
    }
    replay_check(env);
    se_env_free(env);
  }
}

/* Replaying any prefix gives the state the original had at that point. */
static void test_replay_prefixes(void **state) {
  (void)state;
  se_env *env = tv_env();
  char *dumps[8];
  size_t n = 0;
  dumps[n++] = se_env_dump(env);
  se_tensor_meta m = create_x(env);
  dumps[n++] = se_env_dump(env);
  const se_expr *s0 = m.sizes[0].expr, *s1 = m.sizes[1].expr, *out;
  assert_int_equal(se_env_evaluate_expr(env, rel(SE_K_GE, s0, se_expr_int(C, 3)), NULL, -1, false,
                                        NULL, &out),
                   SE_OK);
  dumps[n++] = se_env_dump(env);
  assert_int_equal(se_env_evaluate_expr(env, rel(SE_K_LT, s1, se_expr_int(C, 9)), NULL, -1, false,
                                        NULL, &out),
                   SE_OK);
  dumps[n++] = se_env_dump(env);
  se_sym u;
  assert_int_equal(se_env_create_unbacked_symint(env, &u), SE_OK);
  dumps[n++] = se_env_dump(env);
  assert_int_equal(se_env_event_count(env), n);
  for (size_t i = 0; i < n; i++) {
    se_env *r = NULL;
    assert_int_equal(se_env_replay(env, i, &r), SE_OK);
    char *d = se_env_dump(r);
    assert_string_equal(d, dumps[i]);
    se_free(d);
    se_env_free(r);
    se_free(dumps[i]);
  }
  se_env_free(env);
}

/* Event texts name the operation and its arguments. */
static void test_event_text(void **state) {
  (void)state;
  se_env *env = tv_env();
  se_tensor_meta m = create_x(env);
  const se_expr *out;
  assert_int_equal(se_env_evaluate_expr(env, rel(SE_K_GE, m.sizes[0].expr, se_expr_int(C, 3)),
                                        NULL, m.sizes[0].fx, false, NULL, &out),
                   SE_OK);
  char *s = event(env, 1);
  assert_string_equal(s, "event: _create_symbolic_sizes_strides_storage_offset ([ShapeEnv], "
                         "{'tensor': TensorSpec(size=[3, 2], stride=[2, 1], storage_offset=0, "
                         "is_nested=False), 'source': x})");
  se_free(s);
  s = event(env, 2);
  assert_string_equal(s, "event: evaluate_expr ([ShapeEnv], {'orig_expr': s93 >= 3, 'hint': None, "
                         "'fx_node': x_size_0_, 'size_oblivious': False, 'forcing_spec': False, "
                         "'_suppress_guards_tls': False, 'fallback_value': None})");
  se_free(s);
  se_env_free(env);
}

static const se_expr *rel(se_kind k, const se_expr *a, const se_expr *b);

static void collect(void *ud, const char *line) {
  char *buf = ud;
  strncat(buf, line, 4000 - strlen(buf));
  strncat(buf, "\n", 4000 - strlen(buf));
}

/* The trace hook sees calls and results. */
static void test_trace(void **state) {
  (void)state;
  se_env *env = tv_env();
  char buf[4096] = "";
  se_env_set_trace(env, collect, buf);
  se_sym u;
  assert_int_equal(se_env_create_unbacked_symint(env, &u), SE_OK);
  assert_string_equal(buf, "call create_unbacked_symint(source=None)\n-> u0\n");
  buf[0] = '\0';
  const se_expr *out;
  assert_int_equal(se_env_evaluate_expr(env, rel(SE_K_LE, u.expr, u.expr), NULL, -1, false, NULL,
                                        &out),
                   SE_OK);
  assert_int_equal(se_env_constrain_range_for_size(env, u.expr, NULL, NULL), SE_OK);
  assert_int_equal(se_env_evaluate_expr(env, rel(SE_K_EQ, u.expr, se_expr_int(C, 3)), NULL, -1,
                                        false, NULL, &out),
                   SE_DATA_DEPENDENT);
  se_clear_error(C);
  assert_string_equal(buf,
                      "call evaluate_expr(orig_expr=True, hint=None, fx_node=None, "
                      "size_oblivious=False, forcing_spec=False, _suppress_guards_tls=False, "
                      "fallback_value=None)\n"
                      "-> True\n"
                      "call _constrain_range_for_size(a=u0, min=None, max=None)\n"
                      "-> None\n"
                      "call evaluate_expr(orig_expr=Eq(u0, 3), hint=None, fx_node=None, "
                      "size_oblivious=False, forcing_spec=False, _suppress_guards_tls=False, "
                      "fallback_value=None)\n"
                      "-> failed: Could not guard on data-dependent expression Eq(u0, 3) "
                      "(unhinted: Eq(u0, 3)).  (Size-like symbols: u0)\n");
  se_env_set_trace(env, NULL, NULL);
  se_env_free(env);
}

/* A failing call leaves no event and the state exactly as before: a
 * constraint violation, a data-dependent guard, and out-of-memory at every
 * arena allocation of each operation kind. */
static void test_transactional(void **state) {
  (void)state;
  se_env *env = tv_env();
  se_tensor_meta m = create_x(env);
  char *before = se_env_dump(env);
  size_t nev = se_env_event_count(env);

  se_sym u;
  assert_int_equal(se_env_create_unbacked_symint(env, &u), SE_OK);
  char *with_u = se_env_dump(env);
  nev = se_env_event_count(env);
  const se_expr *out = NULL;
  assert_int_equal(se_env_evaluate_expr(env, rel(SE_K_EQ, u.expr, se_expr_int(C, 0)), NULL, -1,
                                        false, NULL, &out),
                   SE_DATA_DEPENDENT);
  se_clear_error(C);
  char *d = se_env_dump(env);
  assert_string_equal(d, with_u);
  se_free(d);
  assert_int_equal(se_env_event_count(env), nev);

  se_constraint c = {SE_CONSTRAINT_STRICT_MIN_MAX, 4, 10, false};
  const se_expr *sym = NULL;
  assert_int_not_equal(
      se_env_create_symbol(env, 3, se_source_constant(C, "y"), SE_DIM_DYNAMIC, &c, true, false, &sym),
      SE_OK);
  se_clear_error(C);
  d = se_env_dump(env);
  assert_string_equal(d, with_u);
  se_free(d);
  assert_int_equal(se_env_event_count(env), nev);

  /* Out-of-memory at allocation k of each operation. */
  for (int op = 0; op < 4; op++) {
    int nfail = 0;
    for (int64_t k = 0; k < 200; k++) {
      char *pre = se_env_dump(env);
      size_t pre_ev = se_env_event_count(env);
      const se_expr *le_s = rel(SE_K_LE, m.sizes[1].expr, se_expr_int(C, 100 + k));
      const se_expr *le_u = rel(SE_K_LE, u.expr, se_expr_int(C, 50 + k));
      C->arena.fail_after = k;
      se_status st;
      se_sym v;
      switch (op) {
      case 0: st = se_env_create_unbacked_symint(env, &v); break;
      case 1: {
        static const int64_t sz[] = {7, 5}, sd[] = {5, 1};
        se_tensor_spec spec = {.dim = 2, .sizes = sz, .strides = sd};
        se_tensor_meta t;
        char name[32];
        snprintf(name, sizeof name, "t%d_%lld", op, (long long)k);
        C->arena.fail_after = -1;
        const se_source *src = se_source_constant(C, name);
        C->arena.fail_after = k;
        st = se_env_create_tensor(env, &spec, src, &t);
        break;
      }
      case 2:
        st = se_env_evaluate_expr(env, le_s, NULL, -1, false, NULL, &out);
        break;
      default:
        st = se_env_guard_or_defer_runtime_assert(env, le_u, "oom", -1);
        break;
      }
      C->arena.fail_after = -1;
      if (st == SE_OK) {
        se_free(pre);
        break; /* enough allocations: the call succeeded */
      }
      assert_int_equal(se_last_status(C), SE_NOMEM);
      se_clear_error(C);
      nfail++;
      char *post = se_env_dump(env);
      assert_string_equal(post, pre);
      assert_int_equal(se_env_event_count(env), pre_ev);
      se_free(post);
      se_free(pre);
    }
    /* Each operation allocates: the loop did inject failures. */
    if (nfail == 0) fail_msg("operation %d never failed under fault injection", op);
  }
  replay_check(env);
  se_free(before);
  se_free(with_u);
  se_env_free(env);
}

/* SymNode arithmetic records what it changes (graph nodes, guards,
 * runtime asserts): the replay rebuilds the same environment. */
static void test_symval_replays(void **state) {
  (void)state;
  se_env *env = tv_env();
  se_tensor_meta x = create_x(env);
  se_sym three = se_sym_int(C, 3), zero = se_sym_int(C, 0), m, eq, r;
  assert_int_equal(se_sym_binary(env, SE_OP_MOD, x.sizes[0], three, &m), SE_OK);
  assert_int_equal(se_sym_binary(env, SE_OP_EQ, m, zero, &eq), SE_OK);
  const se_expr *v;
  assert_int_equal(se_sym_guard(env, eq, &v), SE_OK);
  assert_ptr_equal(v, se_expr_bool(C, true));
  se_sym u, um, ueq;
  assert_int_equal(se_env_create_unbacked_symint(env, &u), SE_OK);
  assert_int_equal(se_sym_binary(env, SE_OP_MOD, u, three, &um), SE_OK);
  assert_int_equal(se_sym_binary(env, SE_OP_EQ, um, zero, &ueq), SE_OK);
  bool ok = false;
  assert_int_equal(se_sym_expect_true(env, ueq, "t.py:1", &ok), SE_OK);
  assert_true(ok);
  assert_int_equal(se_sym_binary(env, SE_OP_ADD, x.sizes[1], x.sizes[0], &r), SE_OK);
  replay_check(env);
  /* The names of the graph nodes the values made. */
  char *d = se_env_dump(env);
  assert_non_null(strstr(d, "name_to_node: {_assert, _assert_1, add, eq, eq_1, mod, mod_1, u0, "
                            "x_size_0_, x_size_1_, x_storage_offset, x_stride_0_, x_stride_1_}\n"));
  se_free(d);
  se_env_free(env);
}

/* C10: with the real value of u0 set, a guard on u0 becomes a runtime assert
 * instead of a data-dependent error; the call is recorded and replays. */
static void test_unbacked_real_value(void **state) {
  (void)state;
  se_env *env = tv_env();
  se_sym u;
  assert_int_equal(se_env_create_unbacked_symint(env, &u), SE_OK);
  assert_int_equal(se_env_set_real_tensor_prop_unbacked_vals(env, u.expr, se_expr_int(C, 0)),
                   SE_OK);
  const se_expr *out = NULL;
  assert_int_equal(se_env_evaluate_expr(env, rel(SE_K_EQ, u.expr, se_expr_int(C, 0)), NULL, -1,
                                        false, NULL, &out),
                   SE_OK);
  assert_ptr_equal(out, se_expr_bool(C, true));
  char *d = se_env_dump(env);
  assert_non_null(strstr(d, "\nreal_tensor_prop_unbacked_vals: {u0: 0}\n"));
  assert_non_null(strstr(d, "\ndeferred_runtime_asserts: {u0: [Eq(u0, 0)]}\n"));
  se_free(d);
  char *e = event(env, 2);
  assert_string_equal(e, "event: set_real_tensor_prop_unbacked_vals ([ShapeEnv], {'k': u0, 'v': 0})");
  se_free(e);
  /* Not a number: refused, nothing recorded. */
  size_t n = se_env_event_count(env);
  assert_int_equal(se_env_set_real_tensor_prop_unbacked_vals(env, u.expr, u.expr), SE_INVALID);
  se_clear_error(C);
  assert_int_equal(se_env_event_count(env), n);
  replay_check(env);
  se_env_free(env);
}

/* _eliminate_unbacked, _rename_unbacked_to, _constrain_is_bounded: recorded,
 * with PyTorch's effects on replacements and unbacked_renamings. */
static void test_unbacked_renames(void **state) {
  (void)state;
  se_env *env = tv_env();
  se_sym u[6];
  for (int i = 0; i < 6; i++) assert_int_equal(se_env_create_unbacked_symint(env, &u[i]), SE_OK);
  assert_int_equal(se_env_eliminate_unbacked(env, u[0].expr, u[1].expr), SE_OK);
  assert_int_equal(se_env_rename_unbacked_to(env, u[2].expr, u[3].expr), SE_OK);
  assert_int_equal(se_env_guard_or_defer_runtime_assert(
                       env, rel(SE_K_EQ, u[4].expr, se_expr_int(C, 7)), "r.py:1", -1),
                   SE_OK);
  assert_int_equal(se_env_rename_unbacked_to(env, u[4].expr, u[5].expr), SE_OK);
  char *before = se_env_dump(env);
  assert_int_equal(se_env_constrain_is_bounded(env, u[0].expr, se_expr_int(C, 10)), SE_OK);
  char *after = se_env_dump(env);
  assert_string_equal(after, before); /* recorded, changes nothing */
  assert_non_null(strstr(after, "\nreplacements: {u0: u1, u2: u3, u4: u5, u5: 7}\n"));
  assert_non_null(strstr(after, "\nunbacked_renamings: {u2: u3, u4: u5}\n"));
  se_free(before);
  se_free(after);
  /* A backed symbol cannot be renamed: refused, nothing recorded. */
  size_t n = se_env_event_count(env);
  assert_int_equal(se_env_rename_unbacked_to(env, se_expr_symbol(C, "s3"), u[1].expr),
                   SE_INVALID);
  se_clear_error(C);
  assert_int_equal(se_env_event_count(env), n);
  char *e = event(env, n - 1);
  assert_string_equal(e, "event: _constrain_is_bounded ([ShapeEnv], {'a': u0, 'upper_bound': 10})");
  se_free(e);
  replay_check(env);
  se_env_free(env);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_no_recording),     cmocka_unit_test(test_constructor_event),
      cmocka_unit_test(test_replay_sequences), cmocka_unit_test(test_replay_prefixes),
      cmocka_unit_test(test_event_text),       cmocka_unit_test(test_trace),
      cmocka_unit_test(test_transactional),    cmocka_unit_test(test_symval_replays),
      cmocka_unit_test(test_unbacked_real_value), cmocka_unit_test(test_unbacked_renames),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
