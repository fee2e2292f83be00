/* Event logs (docs/event-log.md): recorded scenarios written as JSON Lines,
 * read back and replayed to an environment equal to the original; the
 * streamed log equal to the written one; byte-identical output on every
 * write; and one test per class of bad input with its exact message. */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
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

/* ---- helpers ----------------------------------------------------------------- */

/* A fresh temporary path (the file exists, empty). Caller frees. */
static char *tmp_path(void) {
  char *p = strdup("/tmp/se_test_log_XXXXXX");
  assert_non_null(p);
  int fd = mkstemp(p);
  assert_true(fd >= 0);
  close(fd);
  return p;
}

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  assert_non_null(f);
  size_t cap = 1024, n = 0;
  char *b = malloc(cap);
  assert_non_null(b);
  size_t got;
  while ((got = fread(b + n, 1, cap - n - 1, f)) > 0) {
    n += got;
    if (n + 1 == cap) {
      cap *= 2;
      b = realloc(b, cap);
      assert_non_null(b);
    }
  }
  fclose(f);
  b[n] = '\0';
  if (len) *len = n;
  return b;
}

static se_env *new_env(bool tv) {
  se_env_options o;
  se_env_options_init(&o);
  o.translation_validation = tv;
  o.should_record_events = true;
  o.given = SE_SET_SHOULD_RECORD_EVENTS;
  se_env *env = se_env_new(C, &o);
  assert_non_null(env);
  return env;
}

static const se_expr *rel(se_kind k, const se_expr *a, const se_expr *b) {
  const se_expr *e = se_expr_call(C, k, (const se_expr *[]){a, b}, 2);
  assert_non_null(e);
  return e;
}
static const se_expr *I(int64_t v) { return se_expr_int(C, v); }

static se_tensor_meta make_tensor(se_env *env, const char *name, size_t dim,
                                  const int64_t *sizes, const int64_t *strides,
                                  const se_dim_dynamic *dyn, const se_constraint *cons) {
  se_tensor_spec spec;
  memset(&spec, 0, sizeof spec);
  spec.dim = dim;
  spec.sizes = sizes;
  spec.strides = strides;
  spec.dynamic_sizes = dyn;
  spec.constraint_sizes = cons;
  se_tensor_meta m;
  se_status st = se_env_create_tensor(env, &spec, se_source_local(C, name), &m);
  if (st != SE_OK) fail_msg("create_tensor: %s", se_errmsg(C));
  return m;
}

static void ok(se_status st) {
  if (st != SE_OK) fail_msg("call failed: %s", se_errmsg(C));
}

/* Collects on_event texts, one per line. */
static void collect(void *ud, size_t index, const char *text) {
  FILE *f = ud;
  fprintf(f, "%zu %s\n", index, text);
}

/* Writes env's log, replays it (same context, a fresh context, from a
 * buffer) and requires the same state; returns the log text. */
static char *round_trip(se_env *env) {
  char *path = tmp_path();
  ok(se_env_log_write(env, path));
  size_t len;
  char *text = slurp(path, &len);

  /* Determinism: a second write is byte-identical. */
  ok(se_env_log_write(env, path));
  char *again = slurp(path, NULL);
  assert_string_equal(text, again);
  free(again);

  se_env *r = NULL;
  if (se_log_replay(C, path, SIZE_MAX, NULL, NULL, &r) != SE_OK)
    fail_msg("replay failed: %s\n%s", se_errmsg(C), text);
  char *report = NULL;
  if (se_env_check_equal(env, r, &report) != SE_OK)
    fail_msg("replayed environment differs:\n%s", report ? report : se_errmsg(C));
  char *d0 = se_env_dump(env), *d1 = se_env_dump(r);
  assert_string_equal(d0, d1);
  se_env_free(r);

  /* The on_event texts are the events' own texts. */
  char *evs = NULL;
  size_t evlen = 0;
  FILE *mem = open_memstream(&evs, &evlen);
  assert_non_null(mem);
  ok(se_log_replay_buffer(C, "mem", text, len, SIZE_MAX, collect, mem, &r));
  fclose(mem);
  se_env_free(r);
  char *want = NULL;
  size_t wlen = 0;
  mem = open_memstream(&want, &wlen);
  for (size_t i = 0; i < se_env_event_count(env); i++) {
    char *s = se_env_event_str(env, i);
    fprintf(mem, "%zu %s\n", i, s);
    se_free(s);
  }
  fclose(mem);
  assert_string_equal(evs, want);
  free(evs);
  free(want);

  /* Another process: a fresh context reads the same log to the same dump. */
  se_ctx *c2 = se_ctx_new();
  se_env *r2 = NULL;
  if (se_log_replay(c2, path, SIZE_MAX, NULL, NULL, &r2) != SE_OK)
    fail_msg("replay in a fresh context failed: %s", se_errmsg(c2));
  char *d2 = se_env_dump(r2);
  assert_string_equal(d0, d2);
  se_free(d2);
  se_env_free(r2);
  se_ctx_free(c2);

  se_free(d0);
  se_free(d1);
  remove(path);
  free(path);
  return text;
}

/* ---- round trips -------------------------------------------------------------- */

/* Tensors with validation on, evaluate_expr guards, a divisibility fact
 * and a replacement; streaming gives the same file as writing. */
static void test_round_trip_guards(void **state) {
  (void)state;
  se_env *env = new_env(true);
  char *stream = tmp_path();
  ok(se_env_log_open(env, stream));
  static const int64_t sz[] = {6, 4, 5}, st[] = {20, 5, 1};
  se_tensor_meta x = make_tensor(env, "x", 3, sz, st, NULL, NULL);
  const se_expr *out;
  const se_expr *s0 = x.sizes[0].expr, *s1 = x.sizes[1].expr, *s2 = x.sizes[2].expr;
  const se_expr *mod = se_expr_call(C, SE_K_MOD, (const se_expr *[]){s0, I(3)}, 2);
  ok(se_env_evaluate_expr(env, rel(SE_K_EQ, mod, I(0)), NULL, -1, false, NULL, &out));
  ok(se_env_evaluate_expr(env, rel(SE_K_EQ, s1, I(4)), NULL, -1, false, NULL, &out));
  ok(se_env_evaluate_expr(env, rel(SE_K_GE, s2, I(3)), NULL, -1, false, NULL, &out));
  ok(se_env_evaluate_expr(env, rel(SE_K_LT, se_expr_add(C, s0, s2), I(100)), NULL, -1, true,
                          NULL, &out));
  /* SymNode arithmetic: call nodes of the validation graph and a guard on one. */
  se_sym m, eq;
  ok(se_sym_binary(env, SE_OP_MUL, x.sizes[0], x.sizes[2], &m));
  ok(se_sym_binary(env, SE_OP_NE, m, se_sym_int(C, 7), &eq));
  ok(se_sym_guard(env, eq, &out));
  ok(se_env_set_location(env, "model.py:42 in forward"));
  ok(se_env_evaluate_expr(env, rel(SE_K_LE, s0, I(64)), NULL, -1, false, NULL, &out));
  ok(se_env_log_close(env));

  char *text = round_trip(env);
  char *streamed = slurp(stream, NULL);
  assert_string_equal(streamed, text);
  /* The first line and the shape of one event line. */
  assert_true(!strncmp(text,
                       "{\"format\":\"shapeenv-events\",\"version\":2,\"index\":0,\"event\":"
                       "\"ShapeEnv\",\"settings\":{\"should_record_events\":true},"
                       "\"translation_validation\":true,\"check_recorded_events\":false}\n",
                       strlen("{\"format\":\"shapeenv-events\",\"version\":2,\"index\":0,"
                              "\"event\":\"ShapeEnv\",\"settings\":{\"should_record_events\":"
                              "true},\"translation_validation\":true,"
                              "\"check_recorded_events\":false}\n")));
  char want[300];
  snprintf(want, sizeof want,
           "{\"index\":2,\"event\":\"evaluate_expr\",\"args\":{\"orig_expr\":"
           "\"Eq(Mod(%s, 3), 0)\",\"hint\":null,\"fx_node\":null,"
           "\"size_oblivious\":false,\"forcing_spec\":false,\"_suppress_guards_tls\":false,"
           "\"fallback_value\":null},\"tracked_fakes\":[]}\n",
           se_expr_symbol_name(s0));
  assert_non_null(strstr(text, want));
  /* A call node of the validation graph, by name, and a guard naming it. */
  assert_non_null(strstr(text, "\"event\":\"_create_fx_call_function\",\"args\":{\"op\":\"ne\","
                               "\"args\":[{\"node\":\"mul\"},{\"value\":\"7\"}]}}\n"));
  assert_non_null(strstr(text, "\"hint\":\"True\",\"fx_node\":\"ne\""));
  assert_non_null(strstr(text, ",\"location\":\"model.py:42 in forward\"}\n"));
  free(streamed);
  free(text);
  remove(stream);
  free(stream);
  se_env_free(env);
}

/* Unbacked symbols, runtime asserts, size-like ranges, flags. */
static void test_round_trip_unbacked(void **state) {
  (void)state;
  se_env *env = new_env(true);
  se_sym u, f, b, u2;
  ok(se_env_create_unbacked_symint(env, &u));
  ok(se_env_create_unbacked_symfloat(env, &f));
  ok(se_env_create_unbacked_symbool(env, &b));
  ok(se_env_create_unbacked_symint(env, &u2));
  ok(se_env_constrain_range_for_size(env, u.expr, NULL, NULL));
  ok(se_env_constrain_range(env, u2.expr, I(0), I(10)));
  const se_expr *pm = se_expr_call(C, SE_K_PYTHONMOD, (const se_expr *[]){u.expr, I(3)}, 2);
  ok(se_env_guard_or_defer_runtime_assert(env, rel(SE_K_EQ, pm, I(0)), "test.py:1 'q'\n", -1));
  ok(se_env_guard_or_defer_runtime_assert(env, rel(SE_K_LE, u2.expr, u.expr), NULL, -1));
  se_sym um, ueq;
  ok(se_sym_binary(env, SE_OP_MOD, u2, se_sym_int(C, 2), &um));
  ok(se_sym_binary(env, SE_OP_EQ, um, se_sym_int(C, 0), &ueq));
  bool yes = false;
  ok(se_sym_expect_true(env, ueq, "t.py:7", &yes));
  ok(se_env_suppress_guards_enter(env));
  ok(se_env_suppress_guards_exit(env));
  ok(se_env_freeze_runtime_asserts(env));
  ok(se_env_freeze(env));
  char *text = round_trip(env);
  assert_non_null(strstr(text, "\"msg\":\"test.py:1 'q'\\n\""));
  assert_non_null(strstr(text, "{\"index\":1,\"event\":\"create_unbacked_symint\",\"args\":"
                               "{\"source\":null}}\n"));
  free(text);
  se_env_free(env);
}

/* Constraints, symbols of every kind, symnodes, unify, track_fake. */
static void test_round_trip_constraints_and_tracking(void **state) {
  (void)state;
  se_env_options o;
  se_env_options_init(&o);
  o.translation_validation = true;
  o.allow_scalar_outputs = false;
  o.duck_shape = false;
  static const char *const co[] = {"co_name", "forward", "co_filename", "m\xc3\xa9.py"};
  o.co_fields = co;
  o.n_co_fields = 2;
  o.given = SE_SET_ALLOW_SCALAR_OUTPUTS | SE_SET_DUCK_SHAPE | SE_SET_CO_FIELDS;
  se_env *env = se_env_new(C, &o);
  assert_non_null(env);

  static const int64_t sz[] = {8, 3}, st[] = {3, 1};
  static const se_dim_dynamic dyn[] = {SE_DIM_DYNAMIC, SE_DIM_STATIC};
  se_constraint cons[2];
  memset(cons, 0, sizeof cons);
  cons[0].kind = SE_CONSTRAINT_STRICT_MIN_MAX;
  cons[0].lo = 2;
  cons[0].hi = INT64_MAX;
  se_tensor_meta x = make_tensor(env, "x", 2, sz, st, dyn, cons);
  ok(se_env_track_tensor(env, se_source_local(C, "x"), &x));

  const se_expr *a, *fsym, *us;
  se_constraint relaxed = {SE_CONSTRAINT_RELAXED, 0, 0, true};
  ok(se_env_create_symbol(env, 5, se_source_local(C, "n"), SE_DIM_DYNAMIC, &relaxed, true, false,
                          &a));
  ok(se_env_create_float_symbol(env, 0.1, se_source_local(C, "f"), SE_DIM_DYNAMIC, &fsym));
  ok(se_env_create_unspecified_symbol(env, 9, se_source_local(C, "k"), SE_DIM_DUCK, &us));
  ok(se_env_constrain_symbol_range(env, a, I(2), I(64)));
  se_sym na, nf;
  ok(se_env_create_symintnode(env, a, I(5), se_source_local(C, "n"), &na));
  ok(se_env_create_symfloatnode(env, fsym, se_expr_float(C, 0.5), se_source_local(C, "f"), &nf));
  ok(se_env_track_value(env, se_source_local(C, "n"), na));
  se_sym sa = x.sizes[0];
  ok(se_env_constrain_unify(env, sa, na));
  const se_expr *out;
  ok(se_env_evaluate_expr(env, rel(SE_K_GT, a, I(3)), NULL, -1, false, NULL, &out));
  char *text = round_trip(env);
  assert_non_null(strstr(text, "\"settings\":{\"allow_scalar_outputs\":false,\"duck_shape\":false,"
                               "\"co_fields\":{\"co_name\":\"forward\",\"co_filename\":"
                               "\"m\xc3\xa9.py\"}},\"translation_validation\":true,"));
  assert_non_null(strstr(text, "\"constraint_sizes\":[{\"type\":\"StrictMinMaxConstraint\","
                               "\"warn_only\":false,\"min\":2,\"max\":\"int_oo\"},null]"));
  assert_non_null(strstr(text, "\"dynamic_sizes\":[\"DYNAMIC\",\"STATIC\"]"));
  assert_non_null(strstr(text, "\"val\":0.10000000000000001"));
  assert_non_null(strstr(text, "\"constraint_dim\":{\"type\":\"RelaxedUnspecConstraint\","
                               "\"warn_only\":true}"));
  free(text);
  se_env_free(env);
}

/* Every event PyTorch 2.13 added or changed (log version 2): each is
 * recorded, written, read back and replayed to an equal state, and the
 * state shows what the event did. */
static void test_round_trip_v2_events(void **state) {
  (void)state;
  se_env *env = new_env(true);
  const se_expr *out;

  /* create_symbol with a float val and positive None; a float input as
   * create_unspecified_symbol. */
  const se_expr *zf, *zf2;
  se_num half = {true, 0, 0.5}, quarter = {true, 0, 0.25};
  ok(se__api_create_symbol(env, half, se_source_local(C, "f"), SE_DIM_DYNAMIC, NULL, -1, false,
                           &zf));
  ok(se__api_create_unspecified_symbol(env, quarter, se_source_local(C, "g"), SE_DIM_DUCK, &zf2));
  assert_int_equal(zf->kind, SE_K_SYMBOL);

  /* create_unspecified_symint_and_symbol with and without an excluded value. */
  se_sym n1, n2;
  se_opt_int ex = {true, 1};
  ok(se_env_create_unspecified_symint_and_symbol(env, 7, se_source_local(C, "q"), SE_DIM_DYNAMIC,
                                                 &ex, &n1));
  ok(se_env_create_unspecified_symint_and_symbol(env, 9, se_source_local(C, "r"), SE_DIM_DYNAMIC,
                                                 NULL, &n2));
  ok(se_env_record_exclusion_constraint(env, n2.expr, 4));

  /* Fresh unbacked symbols ignored while the flag is set; a source given. */
  bool prev = true;
  ok(se_env_ignore_fresh_unbacked_symbols_set(env, true, &prev));
  assert_false(prev);
  se_sym u0, u1;
  ok(se__api_create_unbacked_symint(env, se_source_local(C, "item"), &u0));
  ok(se_env_ignore_fresh_unbacked_symbols_set(env, false, &prev));
  assert_true(prev);
  ok(se_env_create_unbacked_symint(env, &u1));
  assert_int_equal(env->pending_fresh_unbacked_symbols.n, 1);
  ok(se_env_set_real_tensor_prop_unbacked_vals(env, u0.expr, I(3)));

  /* A tensor with PyTorch 2.13's further arguments. */
  static const int64_t sz[] = {8, 6, 5}, sd[] = {30, 5, 1};
  static const bool idd[] = {true, false, false};
  se_constraint cstr[3];
  memset(cstr, 0, sizeof cstr);
  cstr[1].kind = SE_CONSTRAINT_RELAXED;
  cstr[1].warn_only = true;
  static const se_dim_dynamic sdyn[] = {SE_DIM_DYNAMIC, SE_DIM_DYNAMIC, SE_DIM_INFER_STRIDE};
  static const se_opt_int excl[] = {{true, 1}, {true, 1}, {false, 0}};
  static const se_opt_int hov[] = {{false, 0}, {true, 16}, {false, 0}};
  se_tensor_spec spec = {.dim = 3, .sizes = sz, .strides = sd, .is_dim_dynamic = idd,
                         .dynamic_strides = sdyn, .constraint_strides = cstr,
                         .excluded_sizes = excl, .hint_overrides = hov};
  se_tensor_meta t;
  ok(se_env_create_tensor(env, &spec, se_source_local(C, "y"), &t));
  assert_ptr_equal(t.sizes[1].hint, I(16));

  /* evaluate_expr with forcing_spec, and with the guards suppressed. */
  size_t guards = env->guards.n;
  ok(se__api_evaluate_expr(env, rel(SE_K_GT, n1.expr, I(2)), NULL, -1, false, true, false, NULL,
                           &out));
  assert_int_equal(env->guards.n, guards + 1);
  ok(se__api_evaluate_expr(env, rel(SE_K_GT, n2.expr, I(2)), NULL, -1, false, false, true, NULL,
                           &out));
  assert_int_equal(env->guards.n, guards + 1);
  assert_false(env->suppress_guards);

  char *d = se_env_dump(env);
  char want[200];
  snprintf(want, sizeof want, "\nexclusion_constraints: [(%s, 1), (%s, 4), (%s, 1)]\n",
           se_expr_symbol_name(n1.expr), se_expr_symbol_name(n2.expr),
           se_expr_symbol_name(t.sizes[0].expr));
  assert_non_null(strstr(d, want));
  snprintf(want, sizeof want, "\nvar_to_hint_override: {%s: 16}\n",
           se_expr_symbol_name(t.sizes[1].expr));
  assert_non_null(strstr(d, want));
  assert_non_null(strstr(d, "\nreal_tensor_prop_unbacked_vals: {u0: 3}\n"));
  se_free(d);

  /* In memory (se_env_replay) as through the file. */
  se_env *mr = NULL;
  ok(se_env_replay(env, SIZE_MAX, &mr));
  char *report = NULL;
  if (se_env_check_equal(env, mr, &report) != SE_OK) fail_msg("replay differs:\n%s", report);
  assert_int_equal(mr->pending_fresh_unbacked_symbols.n, 1);
  se_env_free(mr);

  char *text = round_trip(env);
  assert_non_null(strstr(text, "\"event\":\"create_symbol\",\"args\":{\"val\":0.5,\"source\":"
                               "\"L['f']\",\"dynamic_dim\":\"DYNAMIC\",\"constraint_dim\":null,"
                               "\"positive\":null,\"do_not_specialize_zero_one\":false}}\n"));
  assert_non_null(strstr(text, "\"event\":\"create_unspecified_symbol\",\"args\":{\"val\":0.25,"));
  assert_non_null(strstr(text, "\"event\":\"create_unspecified_symint_and_symbol\",\"args\":"
                               "{\"value\":7,\"source\":\"L['q']\",\"dynamic_dim\":\"DYNAMIC\","
                               "\"excluded_value\":1}}\n"));
  assert_non_null(strstr(text, "\"excluded_value\":null}}\n"));
  assert_non_null(strstr(text, "\"event\":\"_ignore_fresh_unbacked_symbols_set\",\"args\":"
                               "{\"b\":true}}\n"));
  assert_non_null(strstr(text, "\"event\":\"create_unbacked_symint\",\"args\":{\"source\":"
                               "\"L['item']\"}}\n"));
  assert_non_null(strstr(text, "\"event\":\"set_real_tensor_prop_unbacked_vals\",\"args\":"
                               "{\"k\":\"u0\",\"v\":\"3\"}}\n"));
  assert_non_null(strstr(text, "\"event\":\"_record_exclusion_constraint\",\"args\":{\"sym\":"));
  assert_non_null(strstr(text, "\"tensor\":{\"size\":[8,6,5],\"stride\":[30,5,1],"
                               "\"storage_offset\":0,\"is_nested\":false,"
                               "\"is_dim_dynamic\":[true,false,false],"
                               "\"dynamic_strides\":[\"DYNAMIC\",\"DYNAMIC\",\"INFER_STRIDE\"],"
                               "\"constraint_strides\":[null,{\"type\":"
                               "\"RelaxedUnspecConstraint\",\"warn_only\":true},null],"
                               "\"excluded_sizes\":[1,1,null],\"hint_overrides\":[[1,16]]}"));
  assert_non_null(strstr(text, "\"size_oblivious\":false,\"forcing_spec\":true,"
                               "\"_suppress_guards_tls\":false,"));
  assert_non_null(strstr(text, "\"size_oblivious\":false,\"forcing_spec\":false,"
                               "\"_suppress_guards_tls\":true,"));

  /* The replayed environment ignored the same fresh symbol. */
  se_env *r;
  ok(se_log_replay_buffer(C, "t.jsonl", text, strlen(text), SIZE_MAX, NULL, NULL, &r));
  assert_int_equal(r->pending_fresh_unbacked_symbols.n, 1);
  se_env_free(r);
  free(text);
  se_env_free(env);
}

/* A version-1 log still reads: create_float_symbol, set_unbacked_var_to_val,
 * SIZE_LIKE_UNBACKED, and the arguments version 2 added take their old
 * meaning (evaluate_expr under the replayed suppress_guards). */
static void test_read_version_1(void **state) {
  (void)state;
  const char *v1 =
      "{\"format\":\"shapeenv-events\",\"version\":1,\"index\":0,\"event\":\"ShapeEnv\","
      "\"settings\":{},\"translation_validation\":false,\"check_recorded_events\":false}\n"
      "{\"index\":1,\"event\":\"create_float_symbol\",\"args\":{\"val\":0.5,\"source\":\"L['f']\","
      "\"dynamic_dim\":\"DYNAMIC\"}}\n"
      "{\"index\":2,\"event\":\"create_unbacked_symint\",\"args\":{}}\n"
      "{\"index\":3,\"event\":\"set_unbacked_var_to_val\",\"args\":{\"k\":\"u0\",\"v\":\"2\"}}\n"
      "{\"index\":4,\"event\":\"create_symbol\",\"args\":{\"val\":4,\"source\":\"L['z']\","
      "\"dynamic_dim\":\"SIZE_LIKE_UNBACKED\",\"constraint_dim\":null,\"positive\":true,"
      "\"do_not_specialize_zero_one\":false}}\n"
      "{\"index\":5,\"event\":\"_suppress_guards_enter\",\"args\":{}}\n"
      "{\"index\":6,\"event\":\"evaluate_expr\",\"args\":{\"orig_expr\":\"u1 >= 0\",\"hint\":null,"
      "\"fx_node\":null,\"size_oblivious\":false,\"fallback_value\":null}}\n";
  FILE *mem;
  char *evs = NULL;
  size_t evlen = 0;
  mem = open_memstream(&evs, &evlen);
  se_env *r;
  ok(se_log_replay_buffer(C, "v1.jsonl", v1, strlen(v1), SIZE_MAX, collect, mem, &r));
  fclose(mem);
  assert_non_null(strstr(evs, "1 event: create_unspecified_symbol ([ShapeEnv], {'val': 0.5, "
                              "'source': L['f'], 'dynamic_dim': DimDynamic.DYNAMIC})\n"));
  assert_non_null(strstr(evs, "2 event: create_unbacked_symint ([ShapeEnv], {'source': None})\n"));
  assert_non_null(strstr(evs, "3 event: set_real_tensor_prop_unbacked_vals ([ShapeEnv], "
                              "{'k': u0, 'v': 2})\n"));
  assert_non_null(strstr(evs, "'dynamic_dim': DimDynamic.UNBACKED,"));
  assert_non_null(strstr(evs, "'forcing_spec': False, '_suppress_guards_tls': True,"));
  char *d = se_env_dump(r);
  assert_non_null(strstr(d, "\nreal_tensor_prop_unbacked_vals: {u0: 2}\n"));
  assert_non_null(strstr(d, "\nguards: []\n"));
  se_free(d);
  free(evs);
  se_env_free(r);
}

/* --until stops after that index and reads no further. */
static void test_until(void **state) {
  (void)state;
  se_env *env = new_env(false);
  static const int64_t sz[] = {6}, st[] = {1};
  se_tensor_meta x = make_tensor(env, "x", 1, sz, st, NULL, NULL);
  char *d1 = se_env_dump(env);
  const se_expr *out;
  ok(se_env_evaluate_expr(env, rel(SE_K_EQ, x.sizes[0].expr, I(6)), NULL, -1, false, NULL, &out));
  char *path = tmp_path();
  ok(se_env_log_write(env, path));
  /* Garbage after the prefix is never read. */
  FILE *f = fopen(path, "a");
  fputs("not json\n", f);
  fclose(f);
  se_env *r;
  ok(se_log_replay(C, path, 1, NULL, NULL, &r));
  char *d = se_env_dump(r);
  assert_string_equal(d, d1);
  se_free(d);
  se_env_free(r);
  free(d1);
  remove(path);
  free(path);
  se_env_free(env);
}

/* ---- bad input ---------------------------------------------------------------- */

#define HEAD "{\"format\":\"shapeenv-events\",\"version\":1,\"index\":0,\"event\":\"ShapeEnv\"," \
             "\"settings\":{},\"translation_validation\":true,\"check_recorded_events\":false}\n"
#define UNBACKED "{\"index\":1,\"event\":\"create_unbacked_symint\",\"args\":{}}\n"
#define TENSOR "{\"index\":1,\"event\":\"_create_symbolic_sizes_strides_storage_offset\"," \
               "\"args\":{\"tensor\":{\"size\":[3,2],\"stride\":[2,1],\"storage_offset\":0," \
               "\"is_nested\":false},\"source\":\"L['x']\"}}\n"

/* Replays text and requires status st with message msg. */
static void bad(const char *text, se_status st, const char *msg) {
  se_env *r = (se_env *)1;
  se_status got = se_log_replay_buffer(C, "t.jsonl", text, strlen(text), SIZE_MAX, NULL, NULL, &r);
  assert_null(r);
  if (got != st) fail_msg("status %s, want %s (%s)", se_status_name(got), se_status_name(st), se_errmsg(C));
  assert_string_equal(se_errmsg(C), msg);
  se_clear_error(C);
}

static void test_bad_json(void **state) {
  (void)state;
  bad(HEAD "{\"index\":1,\"event\":}\n", SE_PARSE,
      "t.jsonl:2: column 20: invalid JSON: unexpected token near '}'");
  bad(HEAD "\n", SE_PARSE, "t.jsonl:2: empty line (every line must be one event)");
  bad(HEAD "[1]\n", SE_PARSE, "t.jsonl:2: expected a JSON object, found an array");
  bad("", SE_PARSE, "t.jsonl:1: empty log (the first line must be the ShapeEnv constructor event)");
  bad(HEAD "{\"index\":1,\"index\":1}\n", SE_PARSE,
      "t.jsonl:2: column 18: invalid JSON: duplicate object key near '\"index\"'");
}

static void test_truncated_last_line(void **state) {
  (void)state;
  bad(HEAD "{\"index\":1,\"event\":\"create_unbacked_symint\",\"ar", SE_PARSE,
      "t.jsonl:2: truncated last line (no newline at the end and not complete JSON): column 47: "
      "premature end of input near '\"ar'");
  /* A complete final line without its newline is read. */
  const char *t = HEAD "{\"index\":1,\"event\":\"create_unbacked_symint\",\"args\":{}}";
  se_env *r;
  ok(se_log_replay_buffer(C, "t.jsonl", t, strlen(t), SIZE_MAX, NULL, NULL, &r));
  assert_int_equal(r->unbacked_symint_counter, 1);
  se_env_free(r);
}

static void test_bad_format_and_version(void **state) {
  (void)state;
  bad("{\"format\":\"other\",\"version\":1}\n", SE_PARSE,
      "t.jsonl:1: not a shapeenv event log (\"format\" must be \"shapeenv-events\")");
  bad("{\"format\":\"shapeenv-events\",\"version\":3}\n", SE_PARSE,
      "t.jsonl:1: unsupported format version 3 (this reader reads versions 1 to 2)");
  bad("{\"format\":\"shapeenv-events\",\"version\":\"1\"}\n", SE_PARSE,
      "t.jsonl:1: field version: expected an integer, found a string");
  bad("{\"format\":\"shapeenv-events\",\"version\":1,\"index\":0,\"event\":\"ShapeEnv\","
      "\"settings\":{\"duck\":true},\"translation_validation\":true,"
      "\"check_recorded_events\":false}\n",
      SE_PARSE, "t.jsonl:1: field settings.duck: unknown setting");
}

static void test_unknown_event(void **state) {
  (void)state;
  bad(HEAD "{\"index\":1,\"event\":\"evaluate_sym\",\"args\":{}}\n", SE_PARSE,
      "t.jsonl:2: field event: unknown event \"evaluate_sym\"");
  bad(HEAD HEAD, SE_PARSE, "t.jsonl:2: field index: expected index 1, found 0");
  bad(HEAD "{\"index\":1,\"event\":\"ShapeEnv\"}\n", SE_PARSE,
      "t.jsonl:2: field event: the \"ShapeEnv\" constructor event may only be the first line");
}

static void test_bad_arguments(void **state) {
  (void)state;
  bad(HEAD "{\"index\":1,\"event\":\"_constrain_range\",\"args\":{\"a\":null,\"min\":null}}\n",
      SE_PARSE, "t.jsonl:2: field args.max: missing argument of _constrain_range");
  bad(HEAD "{\"index\":1,\"event\":\"create_symbol\",\"args\":{\"val\":\"3\",\"source\":\"L['n']\","
           "\"dynamic_dim\":\"DUCK\",\"constraint_dim\":null,\"positive\":true,"
           "\"do_not_specialize_zero_one\":false}}\n",
      SE_PARSE, "t.jsonl:2: field args.val: expected an integer or a number, found a string");
  bad(HEAD "{\"index\":1,\"event\":\"create_symbol\",\"args\":{\"val\":3,\"source\":\"L['n']\","
           "\"dynamic_dim\":\"FAST\",\"constraint_dim\":null,\"positive\":true,"
           "\"do_not_specialize_zero_one\":false}}\n",
      SE_PARSE, "t.jsonl:2: field args.dynamic_dim: unknown DimDynamic \"FAST\"");
  bad(HEAD "{\"index\":1,\"event\":\"freeze\",\"args\":{\"now\":true}}\n", SE_PARSE,
      "t.jsonl:2: field args: unknown key \"now\"");
  bad(HEAD "{\"index\":1,\"event\":\"freeze\",\"args\":{},\"tracked_fakes\":[]}\n", SE_PARSE,
      "t.jsonl:2: field tracked_fakes: freeze events keep no snapshot");
  bad(HEAD "{\"index\":1,\"event\":\"freeze\"}\n", SE_PARSE,
      "t.jsonl:2: field args: missing key \"args\"");
}

#define HEAD2 "{\"format\":\"shapeenv-events\",\"version\":2,\"index\":0,\"event\":\"ShapeEnv\"," \
              "\"settings\":{},\"translation_validation\":true,\"check_recorded_events\":false}\n"
#define TENSOR2(extra) "{\"index\":1,\"event\":\"_create_symbolic_sizes_strides_storage_offset\"," \
               "\"args\":{\"tensor\":{\"size\":[3,2],\"stride\":[2,1],\"storage_offset\":0," \
               "\"is_nested\":false" extra "},\"source\":\"L['x']\"}}\n"

/* A version-2 line whose new arguments have the wrong type is refused,
 * naming the field. */
static void test_bad_v2_arguments(void **state) {
  (void)state;
  bad(HEAD2 TENSOR2(",\"is_dim_dynamic\":[false,false]")
          "{\"index\":2,\"event\":\"evaluate_expr\",\"args\":{\"orig_expr\":\"True\","
          "\"hint\":null,\"fx_node\":null,\"size_oblivious\":false,\"forcing_spec\":1,"
          "\"_suppress_guards_tls\":false,\"fallback_value\":null}}\n",
      SE_PARSE, "t.jsonl:3: field args.forcing_spec: expected a boolean, found an integer");
  bad(HEAD2 "{\"index\":1,\"event\":\"evaluate_expr\",\"args\":{\"orig_expr\":\"True\","
            "\"hint\":null,\"fx_node\":null,\"size_oblivious\":false,\"forcing_spec\":false,"
            "\"fallback_value\":null}}\n",
      SE_PARSE, "t.jsonl:2: field args._suppress_guards_tls: missing argument of evaluate_expr");
  bad(HEAD2 "{\"index\":1,\"event\":\"create_unbacked_symint\",\"args\":{}}\n", SE_PARSE,
      "t.jsonl:2: field args.source: missing argument of create_unbacked_symint");
  bad(HEAD2 "{\"index\":1,\"event\":\"create_unspecified_symint_and_symbol\",\"args\":{"
            "\"value\":3,\"source\":\"L['n']\",\"dynamic_dim\":\"DUCK\",\"excluded_value\":\"3\"}}\n",
      SE_PARSE, "t.jsonl:2: field args.excluded_value: expected an integer or null, found a string");
  bad(HEAD2 "{\"index\":1,\"event\":\"_ignore_fresh_unbacked_symbols_set\",\"args\":{\"b\":null}}\n",
      SE_PARSE, "t.jsonl:2: field args.b: expected a boolean, found null");
  bad(HEAD2 "{\"index\":1,\"event\":\"create_symbol\",\"args\":{\"val\":3,\"source\":\"L['n']\","
            "\"dynamic_dim\":\"DUCK\",\"constraint_dim\":null,\"positive\":\"yes\","
            "\"do_not_specialize_zero_one\":false}}\n",
      SE_PARSE, "t.jsonl:2: field args.positive: expected a boolean or null, found a string");
  bad(HEAD2 TENSOR2(",\"is_dim_dynamic\":[0,1]"), SE_PARSE,
      "t.jsonl:2: field args.tensor.is_dim_dynamic: expected a boolean, found an integer");
  bad(HEAD2 TENSOR2(""), SE_PARSE, "t.jsonl:2: field args.tensor: missing key \"is_dim_dynamic\"");
  bad(HEAD2 TENSOR2(",\"is_dim_dynamic\":[false,false],\"hint_overrides\":[[2,4]]"), SE_PARSE,
      "t.jsonl:2: field args.tensor.hint_overrides: entry 0: dimension 2 out of range for 2 "
      "dimensions");
  bad(HEAD2 TENSOR2(",\"is_dim_dynamic\":[false,false],\"excluded_sizes\":[1.5,null]"), SE_PARSE,
      "t.jsonl:2: field args.tensor.excluded_sizes: expected an integer or null, found a real "
      "number");
  bad(HEAD2 TENSOR2(",\"is_dim_dynamic\":[false,false],\"constraint_strides\":[3,null]"),
      SE_PARSE,
      "t.jsonl:2: field args.tensor.constraint_strides: expected a constraint object or null, "
      "found an integer");
  /* Version 1 names are not version 2 events. */
  bad(HEAD2 "{\"index\":1,\"event\":\"create_float_symbol\",\"args\":{}}\n", SE_PARSE,
      "t.jsonl:2: field event: unknown event \"create_float_symbol\"");
}

static void test_bad_index(void **state) {
  (void)state;
  bad(HEAD "{\"index\":2,\"event\":\"freeze\",\"args\":{}}\n", SE_PARSE,
      "t.jsonl:2: field index: expected index 1, found 2");
}

static void test_bad_expression(void **state) {
  (void)state;
  bad(HEAD TENSOR "{\"index\":2,\"event\":\"_find\",\"args\":{\"a\":\"s0 +* 2\"}}\n", SE_PARSE,
      "t.jsonl:3: field args.a: cannot read expression s0 +* 2: line 1, column 5: unexpected '*'");
}

static void test_missing_symbol_and_node(void **state) {
  (void)state;
  bad(HEAD UNBACKED "{\"index\":2,\"event\":\"_find\",\"args\":{\"a\":\"u0 + u7\"}}\n",
      SE_PARSE, "t.jsonl:3: field args.a: symbol u7 does not exist at that point");
  bad(HEAD TENSOR "{\"index\":2,\"event\":\"evaluate_expr\",\"args\":{\"orig_expr\":\"True\","
                  "\"hint\":null,\"fx_node\":\"s9\",\"size_oblivious\":false,"
                  "\"fallback_value\":null}}\n",
      SE_NOTFOUND,
      "t.jsonl:3: event 2 (evaluate_expr): node s9 does not exist at that point");
}

/* A failing event leaves nothing behind and names itself. */
static void test_failing_event(void **state) {
  (void)state;
  bad(HEAD UNBACKED "{\"index\":2,\"event\":\"_constrain_range\",\"args\":{\"a\":\"u0\","
                    "\"min\":\"5\",\"max\":\"2\"}}\n",
      SE_INVALID,
      "t.jsonl:3: event 2 (_constrain_range): Maximum value to constrain_as_size can't be less "
      "than the specified min value, received min={min} and max={max}");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_round_trip_guards),
      cmocka_unit_test(test_round_trip_unbacked),
      cmocka_unit_test(test_round_trip_constraints_and_tracking),
      cmocka_unit_test(test_until),
      cmocka_unit_test(test_bad_json),
      cmocka_unit_test(test_truncated_last_line),
      cmocka_unit_test(test_bad_format_and_version),
      cmocka_unit_test(test_unknown_event),
      cmocka_unit_test(test_bad_arguments),
      cmocka_unit_test(test_bad_index),
      cmocka_unit_test(test_bad_v2_arguments),
      cmocka_unit_test(test_round_trip_v2_events),
      cmocka_unit_test(test_read_version_1),
      cmocka_unit_test(test_bad_expression),
      cmocka_unit_test(test_missing_symbol_and_node),
      cmocka_unit_test(test_failing_event),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
