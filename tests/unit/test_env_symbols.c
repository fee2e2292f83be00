/* Sources, symbol creation and the validation FX graph: peer cases A4 and
 * A5 (state contents and the NotEqualError texts), C20 and C21 (stride
 * symbols), B23-style duck sizing, the hashed-id table of peer-cases 0.1,
 * constraint errors, FX's node naming, and rollback of failed calls. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "env/env.h"
#include "env/fx.h"

static se_ctx *C;

static int setup(void **state) {
  (void)state;
  C = se_ctx_new();
  return C ? 0 : -1;
}

static int teardown(void **state) {
  (void)state;
  se_ctx_free(C);
  C = NULL;
  return 0;
}

static se_env *new_env(bool tv) {
  se_env_options o;
  se_env_options_init(&o);
  o.translation_validation = tv;
  se_env *env = se_env_new(C, &o);
  assert_non_null(env);
  return env;
}

static void check_expr(const se_expr *e, const char *want) {
  if (!e) fail_msg("no expression for %s: %s", want, se_errmsg(C));
  char *s = se_expr_str(C, e);
  assert_non_null(s);
  assert_string_equal(s, want);
  se_free(s);
}

/* ---- map printing in insertion order ------------------------------------------ */

typedef enum { KE, KS, KN } keyk;         /* expr, source, interned name */
typedef enum { VE, VR, VL, VI, VX } valk; /* expr, range, source list, int, none */

static void check_map(const se_map *m, keyk kk, valk vk, const char *want) {
  se_buf b;
  se__buf_init(&b);
  se__buf_puts(&b, "");
  bool first = true;
  SE_MAP_EACH(m, e) {
    if (!first) se__buf_puts(&b, ", ");
    first = false;
    if (kk == KE)
      se__str(&b, e->key, true);
    else if (kk == KS)
      se__buf_puts(&b, ((const se_source *)e->key)->name);
    else
      se__buf_puts(&b, e->key);
    if (vk == VX) continue;
    se__buf_puts(&b, ": ");
    if (vk == VE) {
      se__str(&b, e->val.p, true);
    } else if (vk == VR) {
      char *s = se_range_str(C, *(const se_range *)e->val.p);
      se__buf_puts(&b, s);
      se_free(s);
    } else if (vk == VI) {
      se__buf_printf(&b, "%lld", (long long)e->val.i);
    } else {
      const se_srclist *l = e->val.p;
      se__buf_putc(&b, '[');
      for (size_t i = 0; i < l->n; i++) {
        char *s = se_source_repr(C, l->v[i]);
        if (i) se__buf_puts(&b, ", ");
        se__buf_puts(&b, s);
        se_free(s);
      }
      se__buf_putc(&b, ']');
    }
  }
  assert_false(b.oom);
  assert_string_equal(b.p, want);
  se__buf_free(&b);
}

static const se_source *size_src(const char *base, int64_t i) {
  return se_source_size(C, se_source_constant(C, base), i);
}

/* ---- unique ids (peer-cases 0.1) ---------------------------------------------------- */

static void test_unique_id_table(void **state) {
  (void)state;
  static const struct {
    const char *name;
    int64_t id;
  } table[] = {
      {"x.size()[0]", 93},
      {"x.size()[1]", 44},
      {"L['x'].size()[0]", 77},
      {"L['x'].size()[1]", 27},
      {"L['y'].size()[0]", 17},
      {"L['y'].size()[1]", 94},
      {"L['x'].stride()[0]", 7},
      {"L['x'].storage_offset()", 83},
      {"L['shape'][0]", 86},
      {"L['shape'][1]", 52},
      {"L['shape'][2]", 3},
      {"input0.size()[0]", 75},
      {"input0.size()[1]", 96},
      {"input1.size()[0]", 57},
      {"__meta_utils_unknown_tensor0.size()[0]", 26},
      {"__meta_utils_unknown_tensor0.size()[1]", 49},
      {"__testing_only0", 97},
      {"__testing_only1", 26},
      {"__testing_only2", 57},
      {"__testing_only3", 16},
  };
  for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
    se_env *env = new_env(false);
    int64_t got = se__env_unique_id(env, table[i].name);
    if (got != table[i].id)
      fail_msg("%s: got %lld, want %lld", table[i].name, (long long)got,
               (long long)table[i].id);
    se_env_free(env);
  }
}

static void test_unique_id_probes_without_wrap(void **state) {
  (void)state;
  se_env *env = new_env(false);
  for (int64_t want = 93; want <= 101; want++)
    assert_int_equal(se__env_unique_id(env, "x.size()[0]"), want);
  /* ids taken are a set of Integers in allocation order */
  assert_int_equal(env->unique_ids.live, 9);
  se_env_free(env);
}

/* ---- sources -------------------------------------------------------------------- */

static void check_source(const se_source *s, const char *name, const char *repr) {
  if (!s) fail_msg("no source for %s: %s", name, se_errmsg(C));
  assert_string_equal(se_source_name(s), name);
  char *r = se_source_repr(C, s);
  assert_non_null(r);
  assert_string_equal(r, repr);
  se_free(r);
  /* The name reads back to the same source. */
  const se_source *p = se_source_parse(C, name);
  if (p != s) fail_msg("parsing %s gave %s", name, p ? se_source_name(p) : se_errmsg(C));
}

static void test_source_names_and_reprs(void **state) {
  (void)state;
  const se_source *x = se_source_constant(C, "x");
  check_source(x, "x", "ConstantSource(source_name='x')");
  check_source(se_source_size(C, x, 1), "x.size()[1]",
               "TensorPropertySource(base=ConstantSource(source_name='x'), "
               "prop=<TensorProperty.SIZE: 0>, idx=1)");
  check_source(se_source_stride(C, x, 0), "x.stride()[0]",
               "TensorPropertySource(base=ConstantSource(source_name='x'), "
               "prop=<TensorProperty.STRIDE: 1>, idx=0)");
  check_source(se_source_storage_offset(C, x), "x.storage_offset()",
               "TensorPropertySource(base=ConstantSource(source_name='x'), "
               "prop=<TensorProperty.STORAGE_OFFSET: 2>, idx=None)");
  const se_source *lx = se_source_local(C, "x");
  check_source(lx, "L['x']",
               "LocalSource(local_name='x', is_input=False, dynamism=None, "
               "is_derefed_cell_contents=False)");
  check_source(
      se_source_size(C, lx, 0), "L['x'].size()[0]",
      "TensorPropertySource(base=LocalSource(local_name='x', is_input=False, "
      "dynamism=None, is_derefed_cell_contents=False), prop=<TensorProperty.SIZE: 0>, "
      "idx=0)");
  check_source(se_source_global(C, "g"), "G['g']", "GlobalSource(global_name='g')");
  check_source(se_source_ephemeral(C, NULL), "<ephemeral>", "EphemeralSource(desc=None)");
  check_source(se_source_ephemeral(C, "view"), "<ephemeral: view>",
               "EphemeralSource(desc='view')");
  check_source(se_source_item(C, se_source_local(C, "shape"), 2), "L['shape'][2]",
               "GetItemSource(base=LocalSource(local_name='shape', is_input=False, "
               "dynamism=None, is_derefed_cell_contents=False), index=2, "
               "index_is_slice=False)");
  check_source(se_source_attr(C, se_source_local(C, "self"), "weight"), "L['self'].weight",
               "AttrSource(base=LocalSource(local_name='self', is_input=False, "
               "dynamism=None, is_derefed_cell_contents=False), member='weight')");
  /* A dotted member nests; a non-identifier member uses getattr. */
  const se_source *ab = se_source_attr(C, x, "a.b");
  check_source(ab, "x.a.b",
               "AttrSource(base=AttrSource(base=ConstantSource(source_name='x'), member='a'), "
               "member='b')");
  check_source(se_source_attr(C, x, "0-weird"), "getattr(x, '0-weird')",
               "AttrSource(base=ConstantSource(source_name='x'), member='0-weird')");
  /* Python's quote choice and escapes. */
  check_source(se_source_local(C, "it's"), "L[\"it's\"]",
               "LocalSource(local_name=\"it's\", is_input=False, dynamism=None, "
               "is_derefed_cell_contents=False)");
  check_source(se_source_local(C, "a'b\"c\\"), "L['a\\'b\"c\\\\']",
               "LocalSource(local_name='a\\'b\"c\\\\', is_input=False, dynamism=None, "
               "is_derefed_cell_contents=False)");
  check_source(se_source_size(C, se_source_ephemeral(C, NULL), 0), "<ephemeral>.size()[0]",
               "TensorPropertySource(base=EphemeralSource(desc=None), "
               "prop=<TensorProperty.SIZE: 0>, idx=0)");
}

static void test_source_interning_and_flags(void **state) {
  (void)state;
  const se_source *a = size_src("x", 0), *b = size_src("x", 0);
  assert_ptr_equal(a, b);
  assert_ptr_not_equal(a, size_src("x", 1));
  assert_ptr_not_equal(a, se_source_stride(C, se_source_constant(C, "x"), 0));
  /* Equal names, different sources. */
  assert_ptr_not_equal(se_source_local(C, "x"), se_source_constant(C, "L['x']"));
  assert_ptr_equal(se_source_parse(C, "L[\"x\"]"), se_source_local(C, "x"));
  assert_false(a->ephemeral);
  assert_true(se_source_size(C, se_source_ephemeral(C, "e"), 0)->ephemeral);
  assert_null(se_source_size(C, NULL, 0));
}

static void test_source_parse_errors(void **state) {
  (void)state;
  static const char *bad[] = {"",     "L['x'", "x.size()[a]",   "x.size()",
                              "L[x]", "x y",   "<ephemeral: x", "x.stride()[1"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    se_clear_error(C);
    if (se_source_parse(C, bad[i])) fail_msg("parsed %s", bad[i]);
    assert_int_equal(se_last_status(C), SE_PARSE);
  }
  se_clear_error(C);
  const se_source *s = se_source_parse(C, "L['x'].size()[-1]");
  assert_non_null(s);
  assert_int_equal(s->idx, -1);
  assert_ptr_equal(se_source_parse(C, "getattr(L['m'], 'a b').size()[0]"),
                   se_source_size(C, se_source_attr(C, se_source_local(C, "m"), "a b"), 0));
}

/* ---- peer case A4 ------------------------------------------------------------------ */

static se_tensor_meta make_tensor(se_env *env, const char *name, size_t dim,
                                  const int64_t *sizes, const int64_t *strides,
                                  const se_dim_dynamic *dsz, const se_dim_dynamic *dst) {
  se_tensor_spec spec;
  memset(&spec, 0, sizeof spec);
  spec.dim = dim;
  spec.sizes = sizes;
  spec.strides = strides;
  spec.dynamic_sizes = dsz;
  spec.dynamic_strides = dst;
  se_tensor_meta m;
  se_status st = se_env_create_tensor(env, &spec, se_source_constant(C, name), &m);
  if (st != SE_OK) fail_msg("create_tensor %s: %s", name, se_errmsg(C));
  return m;
}

static void test_a4_sizes_strides_offset_state(void **state) {
  (void)state;
  se_env *env = new_env(true);
  static const int64_t sizes[] = {3, 2}, strides[] = {2, 1};
  se_tensor_meta m = make_tensor(env, "x", 2, sizes, strides, NULL, NULL);
  check_expr(m.sizes[0].expr, "s93");
  check_expr(m.sizes[1].expr, "s44");
  check_expr(m.strides[0].expr, "s44");
  check_expr(m.strides[1].expr, "1");
  check_expr(m.storage_offset.expr, "0");
  check_expr(m.sizes[0].hint, "3");
  check_expr(m.strides[0].hint, "2");
  assert_int_equal(m.strides[1].fx, -1);
  assert_int_equal(m.storage_offset.fx, -1);
  /* Each SymInt's node is its source's placeholder. */
  assert_string_equal(SE_VEC_AT(&env->fx_nodes, se_fx_node, (size_t)m.sizes[0].fx).name,
                      "x_size_0_");
  assert_string_equal(SE_VEC_AT(&env->fx_nodes, se_fx_node, (size_t)m.strides[0].fx).name,
                      "x_stride_0_");

  check_map(&env->backed_var_to_val, KE, VE, "s93: 3, s44: 2");
  check_map(&env->source_to_var, KS, VE, "x.size()[0]: s93, x.size()[1]: s44");
  check_map(&env->unique_ids, KE, VX, "93, 44");
  check_map(&env->val_to_var, KE, VE, "3: s93, 2: s44");
  check_map(&env->var_to_range, KE, VR, "s93: VR[2, int_oo], s44: VR[2, int_oo]");
  check_map(&env->var_to_sources, KE, VL,
            "s93: [TensorPropertySource(base=ConstantSource(source_name='x'), "
            "prop=<TensorProperty.SIZE: 0>, idx=0)], "
            "s44: [TensorPropertySource(base=ConstantSource(source_name='x'), "
            "prop=<TensorProperty.SIZE: 0>, idx=1)]");
  check_map(&env->name_to_node, KN, VI,
            "x_size_0_: 0, x_size_1_: 1, x_stride_0_: 2, x_stride_1_: 3, x_storage_offset: 4");
  check_map(
      &env->source_to_symbol, KS, VE,
      "x.size()[0]: x.size()[0], x.size()[1]: x.size()[1], x.stride()[0]: x.stride()[0], "
      "x.stride()[1]: x.stride()[1], x.storage_offset(): x.storage_offset()");
  check_map(&env->symbol_guard_counter, KE, VI, "s93: 0, s44: 0");
  assert_int_equal(env->replacements.live, 0);
  assert_int_equal(env->size_like.live, 0);
  assert_int_equal(env->pending_fresh_unbacked_symbols.n, 0);
  /* Backed symbols are positive integers; source symbols integers. */
  const se_expr *s93 = m.sizes[0].expr;
  assert_int_equal(s93->u.sym.asm_,
                   SE_ASM_INTEGER | SE_ASM_POSITIVE | SE_ASM_NONNEG | SE_ASM_REAL);
  SE_MAP_EACH(&env->source_to_symbol, e) {
    const se_expr *ss = e->val.p;
    assert_int_equal(ss->u.sym.asm_, SE_ASM_INTEGER | SE_ASM_REAL);
  }
  se_env_free(env);
}

static void test_a4_not_equal_text(void **state) {
  (void)state;
  se_env *main_env = new_env(true), *other = new_env(true);
  static const int64_t sizes[] = {3, 2}, strides[] = {2, 1};
  make_tensor(main_env, "x", 2, sizes, strides, NULL, NULL);
  char *report = NULL;
  assert_int_equal(se_env_check_equal(main_env, other, &report), SE_NOT_EQUAL);
  assert_non_null(report);
  assert_string_equal(
      report,
      "ShapeEnv not equal: field values don't match:\n\n"
      "==> backed_var_to_val: values don't match.\n"
      "  >  Left: {s44: 2, s93: 3}\n"
      "  > Right: {}\n"
      "==> name_to_node: values don't match.\n"
      "  >  Left: {x_size_0_, x_size_1_, x_storage_offset, x_stride_0_, x_stride_1_}\n"
      "  > Right: {}\n"
      "==> source_to_symbol: values don't match.\n"
      "  >  Left: {x.size()[0]: x.size()[0], x.size()[1]: x.size()[1], x.storage_offset(): "
      "x.storage_offset(), x.stride()[0]: x.stride()[0], x.stride()[1]: x.stride()[1]}\n"
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
  se_free(report);
  /* Doing the same on the other side makes them equal. */
  make_tensor(other, "x", 2, sizes, strides, NULL, NULL);
  report = NULL;
  assert_int_equal(se_env_check_equal(main_env, other, &report), SE_OK);
  se_free(report);
  se_env_free(main_env);
  se_env_free(other);
}

/* ---- peer case A5 ------------------------------------------------------------------ */

static void test_a5_unbacked_state(void **state) {
  (void)state;
  se_env *env = new_env(true);
  se_sym i, f, b;
  assert_int_equal(se_env_create_unbacked_symint(env, &i), SE_OK);
  assert_int_equal(se_env_create_unbacked_symfloat(env, &f), SE_OK);
  assert_int_equal(se_env_create_unbacked_symbool(env, &b), SE_OK);
  check_expr(i.expr, "u0");
  check_expr(f.expr, "zuf0");
  check_expr(b.expr, "Eq(u1, 1)");
  assert_null(i.hint);
  assert_null(b.hint);
  assert_int_equal(i.type, SE_PY_INT);
  assert_int_equal(f.type, SE_PY_FLOAT);
  assert_int_equal(b.type, SE_PY_BOOL);
  assert_int_equal(i.fx, 0);
  assert_int_equal(f.fx, 1);
  assert_int_equal(b.fx, 2);
  assert_int_equal(env->unbacked_symint_counter, 2);
  assert_int_equal(env->unbacked_symfloat_counter, 1);
  check_map(&env->var_to_range, KE, VR,
            "u0: VR[-int_oo, int_oo], zuf0: VR[-oo, oo], u1: VR[0, 1]");
  check_map(&env->name_to_node, KN, VI, "u0: 0, zuf0: 1, u1: 2");
  assert_int_equal(env->pending_fresh_unbacked_symbols.n, 3);
  assert_int_equal(env->backed_var_to_val.live, 0);
  assert_int_equal(i.expr->u.sym.asm_, SE_ASM_INTEGER | SE_ASM_REAL);

  se_env *other = new_env(true);
  char *report = NULL;
  assert_int_equal(se_env_check_equal(env, other, &report), SE_NOT_EQUAL);
  assert_string_equal(report,
                      "ShapeEnv not equal: field values don't match:\n\n"
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
  se_free(report);
  se_env_free(other);
  se_env_free(env);
}

static void test_unbacked_without_validation(void **state) {
  (void)state;
  se_env *env = new_env(false);
  se_sym i;
  assert_int_equal(se_env_create_unbacked_symint(env, &i), SE_OK);
  assert_int_equal(i.fx, -1);
  assert_int_equal(env->fx_nodes.n, 0);
  assert_int_equal(env->name_to_node.live, 0);
  se_env_free(env);
}

/* ---- C20 / C21: stride symbols ------------------------------------------------------ */

static void test_c21_dynamic_sizes_inferred_strides(void **state) {
  (void)state;
  se_env *env = new_env(false);
  static const int64_t sizes[] = {5, 8}, strides[] = {8, 1};
  static const se_dim_dynamic dyn[] = {SE_DIM_DYNAMIC, SE_DIM_DYNAMIC};
  se_tensor_meta m =
      make_tensor(env, "__meta_utils_unknown_tensor0", 2, sizes, strides, dyn, NULL);
  check_expr(m.sizes[0].expr, "s26");
  check_expr(m.sizes[1].expr, "s49");
  check_expr(m.strides[0].expr, "s49");
  check_expr(m.strides[1].expr, "1");
  /* DYNAMIC sizes are not duck-shaped. */
  assert_int_equal(env->val_to_var.live, 0);
  se_env_free(env);
}

static void test_c20_stride_symbols(void **state) {
  (void)state;
  se_env *env = new_env(false);
  static const int64_t sizes[] = {3, 6}, strides[] = {6, 1};
  static const se_dim_dynamic st2[] = {SE_DIM_STATIC, SE_DIM_STATIC};
  static const se_dim_dynamic dy2[] = {SE_DIM_DYNAMIC, SE_DIM_DYNAMIC};
  static const se_dim_dynamic di[] = {SE_DIM_DYNAMIC, SE_DIM_INFER_STRIDE};

  /* STATIC sizes, inferred strides: all plain ints. */
  se_tensor_meta a = make_tensor(env, "a", 2, sizes, strides, st2, NULL);
  check_expr(a.sizes[0].expr, "3");
  check_expr(a.sizes[1].expr, "6");
  check_expr(a.strides[0].expr, "6");
  check_expr(a.strides[1].expr, "1");
  check_expr(a.storage_offset.expr, "0");
  assert_int_equal(env->backed_var_to_val.live, 0);

  /* DYNAMIC sizes, inferred strides: stride[0] is size[1]'s symbol. */
  se_tensor_meta b = make_tensor(env, "b", 2, sizes, strides, dy2, NULL);
  assert_int_equal(b.sizes[0].expr->kind, SE_K_SYMBOL);
  assert_ptr_equal(b.strides[0].expr, b.sizes[1].expr);
  check_expr(b.strides[1].expr, "1");
  assert_int_equal(env->backed_var_to_val.live, 2);

  /* STATIC sizes, (DYNAMIC, INFER) strides: stride[0] alone is symbolic. */
  se_tensor_meta c = make_tensor(env, "c", 2, sizes, strides, st2, di);
  check_expr(c.sizes[1].expr, "6");
  assert_int_equal(c.strides[0].expr->kind, SE_K_SYMBOL);
  check_expr(c.strides[1].expr, "1");
  check_expr(c.storage_offset.expr, "0");
  assert_int_equal(env->backed_var_to_val.live, 3);

  /* DYNAMIC sizes, (DYNAMIC, INFER) strides: a new stride symbol. */
  se_tensor_meta d = make_tensor(env, "d", 2, sizes, strides, dy2, di);
  assert_int_equal(d.strides[0].expr->kind, SE_K_SYMBOL);
  assert_ptr_not_equal(d.strides[0].expr, d.sizes[1].expr);
  assert_int_equal(env->backed_var_to_val.live, 6);
  SE_MAP_EACH(&env->var_to_sources, e) {
    const se_srclist *l = e->val.p;
    assert_int_equal(l->n, 1);
  }
  se_env_free(env);
}

static void test_strides_transposed_and_expanded(void **state) {
  (void)state;
  se_env *env = new_env(false);
  /* A transposed (2, 3) tensor: sizes (3, 2), strides (1, 3). */
  static const int64_t sizes[] = {3, 2}, strides[] = {1, 3};
  se_tensor_meta m = make_tensor(env, "t", 2, sizes, strides, NULL, NULL);
  check_expr(m.sizes[0].expr, "s20");
  check_expr(m.sizes[1].expr, "s81");
  check_expr(m.strides[0].expr, "1");
  check_expr(m.strides[1].expr, "s20");
  /* An expanded dimension: stride 0 stays 0; (4, 4) strides (0, 1) with
   * duck sizing shares one symbol for both sizes. */
  static const int64_t s2[] = {4, 4}, t2[] = {0, 1};
  se_tensor_meta e = make_tensor(env, "e", 2, s2, t2, NULL, NULL);
  assert_ptr_equal(e.sizes[0].expr, e.sizes[1].expr);
  check_expr(e.strides[0].expr, "0");
  check_expr(e.strides[1].expr, "1");
  /* A non-zero storage offset gets a symbol of its own (duck: reuses 4's). */
  se_tensor_spec spec;
  memset(&spec, 0, sizeof spec);
  static const int64_t s3[] = {7}, t3[] = {1};
  spec.dim = 1;
  spec.sizes = s3;
  spec.strides = t3;
  spec.storage_offset = 4;
  se_tensor_meta f;
  assert_int_equal(se_env_create_tensor(env, &spec, se_source_constant(C, "f"), &f), SE_OK);
  assert_ptr_equal(f.storage_offset.expr, e.sizes[0].expr);
  check_expr(f.storage_offset.hint, "4");
  se_env_free(env);
}

/* ---- duck sizing (B23 style) ------------------------------------------------------ */

static void test_b23_duck_sizing_across_tensors(void **state) {
  (void)state;
  se_env *env = new_env(false);
  static const int64_t xs[] = {128, 20}, xt[] = {20, 1}, ys[] = {128, 30}, yt[] = {30, 1};
  se_tensor_meta x = make_tensor(env, "__meta_utils_unknown_tensor0", 2, xs, xt, NULL, NULL);
  se_tensor_meta y = make_tensor(env, "__meta_utils_unknown_tensor1", 2, ys, yt, NULL, NULL);
  check_expr(x.sizes[0].expr, "s26");
  check_expr(x.sizes[1].expr, "s49");
  check_expr(y.sizes[0].expr, "s26");
  check_expr(y.sizes[1].expr, "s70");
  check_expr(y.strides[0].expr, "s70");
  check_map(&env->source_to_var, KS, VE,
            "__meta_utils_unknown_tensor0.size()[0]: s26, "
            "__meta_utils_unknown_tensor0.size()[1]: s49, "
            "__meta_utils_unknown_tensor1.size()[0]: s26, "
            "__meta_utils_unknown_tensor1.size()[1]: s70");
  /* The duck hit consumed no id. */
  check_map(&env->unique_ids, KE, VX, "26, 49, 70");
  se_env_free(env);
}

static void test_duck_shape_settings(void **state) {
  (void)state;
  const se_expr *a, *b;
  se_env *env = new_env(false);
  assert_int_equal(se_env_create_symbol(env, 5, se_source_constant(C, "__testing_only0"),
                                        SE_DIM_DUCK, NULL, true, false, &a),
                   SE_OK);
  assert_int_equal(se_env_create_symbol(env, 5, se_source_constant(C, "__testing_only1"),
                                        SE_DIM_DUCK, NULL, true, false, &b),
                   SE_OK);
  check_expr(a, "s97");
  assert_ptr_equal(a, b);
  check_map(&env->var_to_sources, KE, VL,
            "s97: [ConstantSource(source_name='__testing_only0'), "
            "ConstantSource(source_name='__testing_only1')]");
  /* DYNAMIC never shares. */
  assert_int_equal(se_env_create_symbol(env, 5, se_source_constant(C, "__testing_only2"),
                                        SE_DIM_DYNAMIC, NULL, true, false, &b),
                   SE_OK);
  check_expr(b, "s57");
  se_env_free(env);

  se_env_options o;
  se_env_options_init(&o);
  o.duck_shape = false;
  o.given = SE_SET_DUCK_SHAPE;
  env = se_env_new(C, &o);
  assert_int_equal(se_env_create_symbol(env, 5, se_source_constant(C, "__testing_only0"),
                                        SE_DIM_DUCK, NULL, true, false, &a),
                   SE_OK);
  assert_int_equal(se_env_create_symbol(env, 5, se_source_constant(C, "__testing_only1"),
                                        SE_DIM_DUCK, NULL, true, false, &b),
                   SE_OK);
  check_expr(a, "s97");
  check_expr(b, "s26");
  assert_int_equal(env->val_to_var.live, 0);
  se_env_free(env);
}

static void test_ephemeral_source_goes_last(void **state) {
  (void)state;
  se_env *env = new_env(false);
  const se_expr *a, *b;
  assert_int_equal(se_env_create_symbol(env, 7, se_source_ephemeral(C, "v"), SE_DIM_DUCK, NULL,
                                        true, false, &a),
                   SE_OK);
  assert_int_equal(se_env_create_symbol(env, 7, se_source_local(C, "n"), SE_DIM_DUCK, NULL,
                                        true, false, &b),
                   SE_OK);
  assert_ptr_equal(a, b);
  const se_srclist *l = se__st_get(&env->var_to_sources, a)->val.p;
  assert_int_equal(l->n, 2);
  assert_string_equal(l->v[0]->name, "L['n']");
  assert_string_equal(l->v[1]->name, "<ephemeral: v>");
  se_env_free(env);
}

/* ---- 0/1 specialisation and unspecified symbols --------------------------------------- */

static void test_zero_one_specialisation(void **state) {
  (void)state;
  se_env *env = new_env(false);
  const se_expr *r;
  assert_int_equal(
      se_env_create_symbol(env, 1, size_src("x", 0), SE_DIM_DUCK, NULL, true, false, &r),
      SE_OK);
  check_expr(r, "1");
  assert_int_equal(
      se_env_create_symbol(env, 0, size_src("x", 1), SE_DIM_DYNAMIC, NULL, true, false, &r),
      SE_OK);
  check_expr(r, "0");
  /* Nothing recorded: no source, no id. */
  assert_int_equal(env->source_to_var.live, 0);
  assert_int_equal(env->unique_ids.live, 0);
  /* do_not_specialize_zero_one: a symbol with range [0, int_oo]. */
  assert_int_equal(
      se_env_create_symbol(env, 1, size_src("x", 0), SE_DIM_DUCK, NULL, true, true, &r),
      SE_OK);
  check_expr(r, "s93");
  check_map(&env->var_to_range, KE, VR, "s93: VR[0, int_oo]");
  se_env_free(env);

  se_env_options o;
  se_env_options_init(&o);
  o.specialize_zero_one = false;
  o.given = SE_SET_SPECIALIZE_ZERO_ONE;
  env = se_env_new(C, &o);
  assert_int_equal(
      se_env_create_symbol(env, 5, size_src("x", 0), SE_DIM_DUCK, NULL, true, false, &r),
      SE_OK);
  check_map(&env->var_to_range, KE, VR, "s93: VR[0, int_oo]");
  assert_int_equal(
      se_env_create_symbol(env, 0, size_src("x", 1), SE_DIM_DUCK, NULL, true, false, &r),
      SE_OK);
  check_expr(r, "s44");
  se_env_free(env);
}

static void test_unspecified_and_float_symbols(void **state) {
  (void)state;
  se_env *env = new_env(false);
  const se_expr *r, *f;
  assert_int_equal(
      se_env_create_unspecified_symbol(env, -5, se_source_local(C, "n"), SE_DIM_DYNAMIC, &r),
      SE_OK);
  check_expr(r, "s86");
  assert_int_equal(r->u.sym.asm_, SE_ASM_INTEGER | SE_ASM_REAL);
  check_map(&env->var_to_range, KE, VR, "s86: VR[-int_oo, int_oo]");
  /* Never specialised to a constant. */
  assert_int_equal(
      se_env_create_unspecified_symbol(env, 1, se_source_local(C, "m"), SE_DIM_DYNAMIC, &r),
      SE_OK);
  check_expr(r, "s68");
  check_map(&env->var_to_range, KE, VR, "s86: VR[-int_oo, int_oo], s68: VR[-int_oo, int_oo]");
  assert_int_equal(
      se_env_create_float_symbol(env, 2.5, se_source_local(C, "f"), SE_DIM_DYNAMIC, &f),
      SE_OK);
  check_expr(f, "zf57");
  assert_int_equal(f->u.sym.asm_, SE_ASM_REAL);
  check_map(&env->backed_var_to_val, KE, VE, "s86: -5, s68: 1, zf57: 2.50000000000000");
  check_map(&env->var_to_range, KE, VR,
            "s86: VR[-int_oo, int_oo], s68: VR[-int_oo, int_oo], zf57: VR[-oo, oo]");
  /* Duck sizing compares values as Python does: 3.0 finds 3 and 4 finds 4.0. */
  const se_expr *i3, *f3, *f4, *i4;
  assert_int_equal(
      se_env_create_symbol(env, 3, size_src("x", 0), SE_DIM_DUCK, NULL, true, false, &i3),
      SE_OK);
  assert_int_equal(
      se_env_create_float_symbol(env, 3.0, se_source_local(C, "g"), SE_DIM_DUCK, &f3), SE_OK);
  assert_ptr_equal(f3, i3);
  assert_int_equal(
      se_env_create_float_symbol(env, 4.0, se_source_local(C, "h"), SE_DIM_DUCK, &f4), SE_OK);
  assert_int_equal(
      se_env_create_symbol(env, 4, size_src("x", 1), SE_DIM_DUCK, NULL, true, false, &i4),
      SE_OK);
  assert_ptr_equal(i4, f4);
  assert_int_equal(f4->u.sym.asm_, SE_ASM_REAL);
  se_env_free(env);
}

/* A name means one symbol per context: an unspecified s<id> cannot reuse a
 * positive s<id> of the same name made elsewhere in the context. */
static void test_symbol_assumption_clash(void **state) {
  (void)state;
  const se_expr *pos = se_expr_symbol(C, "s86"); /* positive, as parsed */
  assert_non_null(pos);
  se_env *env = new_env(false);
  const se_expr *r;
  se_clear_error(C);
  assert_int_equal(
      se_env_create_unspecified_symbol(env, 5, se_source_local(C, "n"), SE_DIM_DYNAMIC, &r),
      SE_STATE);
  assert_int_equal(env->unique_ids.live, 0);
  se_clear_error(C);
  /* A positive symbol of that name is the parsed one. */
  assert_int_equal(se_env_create_symbol(env, 5, se_source_local(C, "n"), SE_DIM_DYNAMIC, NULL,
                                        true, false, &r),
                   SE_OK);
  assert_ptr_equal(r, pos);
  se_env_free(env);
}

/* ---- constraints -------------------------------------------------------------------- */

static void test_constraints(void **state) {
  (void)state;
  se_env *env = new_env(false);
  const se_expr *r;
  se_constraint c = {SE_CONSTRAINT_STRICT_MIN_MAX, 5, 5, false};
  se_clear_error(C);
  assert_int_equal(se_env_create_symbol(env, 3, se_source_size(C, se_source_local(C, "x"), 0),
                                        SE_DIM_DUCK, &c, true, false, &r),
                   SE_CONSTRAINT);
  assert_null(r);
  assert_string_equal(se_errmsg(C),
                      "Static shape constraint of 5 does not match input size of "
                      "3, for L['x'].size()[0]");
  se_clear_error(C);
  c.lo = c.hi = 3;
  assert_int_equal(
      se_env_create_symbol(env, 3, size_src("x", 0), SE_DIM_DUCK, &c, true, false, &r), SE_OK);
  check_expr(r, "3");
  /* A min/max constraint narrows the range and forbids duck sizing. */
  c.lo = 4;
  c.hi = 10;
  assert_int_equal(
      se_env_create_symbol(env, 5, size_src("x", 0), SE_DIM_DUCK, &c, true, false, &r), SE_OK);
  check_expr(r, "s93");
  check_map(&env->var_to_range, KE, VR, "s93: VR[4, 10]");
  assert_int_equal(env->val_to_var.live, 0);
  c.lo = 2;
  c.hi = INT64_MAX;
  assert_int_equal(
      se_env_create_symbol(env, 5, size_src("x", 1), SE_DIM_DUCK, &c, true, false, &r), SE_OK);
  check_expr(r, "s44");
  check_map(&env->var_to_range, KE, VR, "s93: VR[4, 10], s44: VR[2, int_oo]");
  /* A value outside the constraint. */
  c.lo = 4;
  c.hi = 10;
  se_clear_error(C);
  assert_int_equal(
      se_env_create_symbol(env, 12, size_src("y", 0), SE_DIM_DUCK, &c, true, false, &r),
      SE_CONSTRAINT);
  assert_string_equal(se_errmsg(C), "12 not in range [4, 10]");
  /* A relaxed constraint makes the dimension DYNAMIC. */
  se_constraint rel = {SE_CONSTRAINT_RELAXED, 0, 0, false};
  const se_expr *r2;
  se_clear_error(C);
  assert_int_equal(
      se_env_create_symbol(env, 6, size_src("z", 0), SE_DIM_DUCK, &rel, true, false, &r),
      SE_OK);
  assert_int_equal(
      se_env_create_symbol(env, 6, size_src("z", 1), SE_DIM_DUCK, NULL, true, false, &r2),
      SE_OK);
  assert_ptr_not_equal(r, r2);
  /* Bad inputs. */
  se_clear_error(C);
  assert_int_equal(
      se_env_create_symbol(env, -3, size_src("w", 0), SE_DIM_DUCK, NULL, true, false, &r),
      SE_INVALID);
  se_clear_error(C);
  assert_int_equal(se_env_create_symbol(env, 3, size_src("w", 0), SE_DIM_INFER_STRIDE, NULL,
                                        true, false, &r),
                   SE_INVALID);
  assert_string_equal(se_errmsg(C),
                      "unhandled dynamic_dim DimDynamic.INFER_STRIDE for w.size()[0]");
  se_clear_error(C);
  se_env_free(env);
}

/* ---- rollback --------------------------------------------------------------------- */

static void test_failed_calls_leave_state_unchanged(void **state) {
  (void)state;
  se_env *env = new_env(true);
  static const int64_t sizes[] = {3, 2}, strides[] = {2, 1};
  make_tensor(env, "x", 2, sizes, strides, NULL, NULL);
  se_sym u;
  assert_int_equal(se_env_create_unbacked_symint(env, &u), SE_OK);
  char *before = se_env_dump(env);
  assert_non_null(before);
  size_t nodes = env->fx_nodes.n, cache = env->fx_node_cache.live;
  size_t pending = env->pending_fresh_unbacked_symbols.n;

  /* create_symbol outside a StrictMinMax constraint. */
  const se_expr *r;
  se_constraint c = {SE_CONSTRAINT_STRICT_MIN_MAX, 4, 10, false};
  assert_int_equal(
      se_env_create_symbol(env, 12, size_src("y", 0), SE_DIM_DUCK, &c, true, false, &r),
      SE_CONSTRAINT);
  se_clear_error(C);
  /* create_tensor failing on its second dimension, after the first one
   * allocated a symbol. */
  static const int64_t ys[] = {7, 12}, yt[] = {12, 1};
  static const se_constraint cs[] = {{SE_CONSTRAINT_NONE, 0, 0, false},
                                     {SE_CONSTRAINT_STRICT_MIN_MAX, 4, 10, false}};
  se_tensor_spec spec;
  memset(&spec, 0, sizeof spec);
  spec.dim = 2;
  spec.sizes = ys;
  spec.strides = yt;
  spec.constraint_sizes = cs;
  se_tensor_meta m;
  assert_int_equal(se_env_create_tensor(env, &spec, se_source_constant(C, "y"), &m),
                   SE_CONSTRAINT);
  assert_null(m.sizes);
  se_clear_error(C);
  /* A negative stride. */
  static const int64_t ns[] = {5}, nt[] = {-1};
  spec.dim = 1;
  spec.sizes = ns;
  spec.strides = nt;
  spec.constraint_sizes = NULL;
  assert_int_equal(se_env_create_tensor(env, &spec, se_source_constant(C, "n"), &m),
                   SE_INVALID);
  se_clear_error(C);

  char *after = se_env_dump(env);
  assert_non_null(after);
  assert_string_equal(after, before);
  assert_int_equal(env->fx_nodes.n, nodes);
  assert_int_equal(env->fx_node_cache.live, cache);
  assert_int_equal(env->pending_fresh_unbacked_symbols.n, pending);
  assert_int_equal(env->unbacked_symint_counter, 1);
  se_free(before);
  se_free(after);

  /* The environment still works, and ids are as if the failed calls never
   * happened: y.size()[0] gets its own hash id 20, not a probed 21. */
  assert_int_equal(
      se_env_create_symbol(env, 7, size_src("y", 0), SE_DIM_DUCK, NULL, true, false, &r),
      SE_OK);
  check_expr(r, "s20");
  se_env_free(env);
}

/* Out of memory at every arena allocation of create_tensor (validation
 * on): the call fails cleanly and the state is as before, or it succeeds. */
static void test_out_of_memory_loop(void **state) {
  (void)state;
  static const int64_t sizes[] = {3, 2, 4}, strides[] = {8, 4, 1};
  bool done = false;
  for (int64_t n = 0; n < 5000 && !done; n++) {
    /* A fresh context: nothing interned by an earlier attempt. */
    se_ctx_free(C);
    C = se_ctx_new();
    assert_non_null(C);
    se_env *env = new_env(true);
    se_sym u;
    assert_int_equal(se_env_create_unbacked_symint(env, &u), SE_OK);
    char *before = se_env_dump(env);
    assert_non_null(before);
    se_tensor_spec spec;
    memset(&spec, 0, sizeof spec);
    spec.dim = 3;
    spec.sizes = sizes;
    spec.strides = strides;
    se_tensor_meta m;
    C->arena.fail_after = n;
    se_status st = se_env_create_tensor(env, &spec, se_source_local(C, "oom"), &m);
    C->arena.fail_after = -1;
    if (st == SE_OK) {
      done = true;
      /* Many allocations failed before this one went through. */
      assert_true(n > 20);
      check_expr(m.strides[0].expr, "s58*s84");
    } else {
      assert_int_equal(st, SE_NOMEM);
      se_clear_error(C);
      char *after = se_env_dump(env);
      assert_non_null(after);
      assert_string_equal(after, before);
      se_free(after);
    }
    se_free(before);
    se_env_free(env);
  }
  assert_true(done);
}

/* ---- symintnode --------------------------------------------------------------------- */

static void test_symintnode(void **state) {
  (void)state;
  se_env *env = new_env(true);
  se_sym s;
  const se_source *src = se_source_local(C, "n");
  /* A constant: a plain int, no node, but the source's placeholder exists. */
  assert_int_equal(
      se_env_create_symintnode(env, se_expr_int(C, 4), se_expr_int(C, 4), src, &s), SE_OK);
  check_expr(s.expr, "4");
  assert_int_equal(s.fx, -1);
  check_map(&env->name_to_node, KN, VI, "l__n__: 0");
  check_map(&env->source_to_symbol, KS, VE, "L['n']: L['n']");
  se_clear_error(C);
  assert_int_equal(
      se_env_create_symintnode(env, se_expr_int(C, 4), se_expr_int(C, 5), src, &s),
      SE_INVALID);
  se_clear_error(C);
  /* An unbacked expression drops its hint. */
  se_sym u;
  assert_int_equal(se_env_create_unbacked_symint(env, &u), SE_OK);
  const se_expr *e = se_expr_add(C, u.expr, se_expr_int(C, 1));
  assert_int_equal(se_env_create_symintnode(env, e, se_expr_int(C, 3), NULL, &s), SE_OK);
  assert_null(s.hint);
  assert_int_equal(s.fx, -1);
  /* Floats. */
  se_sym f;
  assert_int_equal(se_env_create_symfloatnode(env, se_expr_float(C, 2.0), NULL, NULL, &f),
                   SE_OK);
  assert_int_equal(f.type, SE_PY_FLOAT);
  se_sym uf;
  assert_int_equal(se_env_create_unbacked_symfloat(env, &uf), SE_OK);
  assert_int_equal(se_env_create_symfloatnode(env, uf.expr, se_expr_float(C, 1.0), NULL, &f),
                   SE_INVALID);
  se_clear_error(C);
  se_env_free(env);
}

/* ---- size-like unbacked inputs ------------------------------------------------------ */

static void test_size_like_unbacked_inputs(void **state) {
  (void)state;
  se_env *env = new_env(false);
  const se_expr *a, *b;
  assert_int_equal(se_env_create_symbol(env, 5, size_src("x", 0), SE_DIM_SIZE_LIKE_UNBACKED,
                                        NULL, true, false, &a),
                   SE_OK);
  assert_int_equal(se_env_create_symbol(env, 6, size_src("x", 1), SE_DIM_OBLIVIOUS_SIZE, NULL,
                                        true, false, &b),
                   SE_OK);
  check_expr(a, "u0");
  check_expr(b, "u1");
  check_map(&env->var_to_range, KE, VR, "u0: VR[0, int_oo], u1: VR[0, int_oo]");
  check_map(&env->size_like, KE, VX, "u0, u1");
  check_map(&env->unbacked_inputs, KE, VX, "u0, u1");
  check_map(&env->oblivious_var_to_val, KE, VE, "u1: 6");
  assert_int_equal(env->backed_var_to_val.live, 0);
  assert_int_equal(env->source_to_var.live, 0);
  se_env_free(env);
}

/* ---- FX naming ---------------------------------------------------------------------- */

static const char *node_name(se_env *env, int32_t i) {
  assert_true(i >= 0);
  return SE_VEC_AT(&env->fx_nodes, se_fx_node, (size_t)i).name;
}

static int32_t call1(se_env *env, const char *target, int64_t k, bool *fresh) {
  se_fx_arg a[2] = {{0, NULL}, {-1, se_expr_int(C, k)}};
  return se__fx_call(env, target, a, 2, fresh);
}

static void test_fx_naming(void **state) {
  (void)state;
  se_env *env = new_env(true);
  int32_t p = se__fx_placeholder(env, se_expr_symbol(C, "u0"));
  assert_int_equal(p, 0);
  assert_int_equal(se__fx_placeholder(env, se_expr_symbol(C, "u0")), 0);
  bool fresh;
  /* Mirrors torch.fx's _Namespace.create_name on the sequence
   * eq, eq, pow, pow, _assert, a_1, a, a, mod, eq, u0, u0_1, u0. */
  static const struct {
    const char *target;
    const char *name;
  } seq[] = {{"eq", "eq"},
             {"eq", "eq_1"},
             {"pow", "pow_1"},
             {"pow", "pow_2"},
             {"_assert", "_assert"},
             {"a_1", "a_1"},
             {"a", "a"},
             {"a", "a_2"},
             {"mod", "mod"},
             {"eq", "eq_2"},
             {"u0", "u0_1"},
             {"u0_1", "u0_2"},
             {"notEqual", "not_equal"},
             {"output", "output_1"}};
  for (size_t i = 0; i < sizeof seq / sizeof seq[0]; i++) {
    int32_t n = call1(env, seq[i].target, (int64_t)i, &fresh);
    assert_true(fresh);
    assert_string_equal(node_name(env, n), seq[i].name);
  }
  /* The same target and arguments: the cached node. True == 1 == 1.0. */
  int32_t e1 = call1(env, "ge", 1, &fresh);
  assert_true(fresh);
  assert_int_equal(call1(env, "ge", 1, &fresh), e1);
  assert_false(fresh);
  se_fx_arg tb[2] = {{0, NULL}, {-1, se_expr_bool(C, true)}};
  assert_int_equal(se__fx_call(env, "ge", tb, 2, &fresh), e1);
  se_fx_arg fb[2] = {{0, NULL}, {-1, se_expr_float(C, 1.0)}};
  assert_int_equal(se__fx_call(env, "ge", fb, 2, &fresh), e1);
  /* A missing argument gives no node. */
  se_fx_arg none[2] = {{0, NULL}, {-1, NULL}};
  assert_int_equal(se__fx_call(env, "ge", none, 2, &fresh), -1);
  assert_false(fresh);
  /* Removing keeps the name taken. */
  assert_true(se__fx_live(env, e1));
  se__fx_remove(env, e1);
  assert_false(se__fx_live(env, e1));
  int32_t e2 = call1(env, "ge", 2, &fresh);
  assert_string_equal(node_name(env, e2), "ge_1");
  /* Placeholder names: ShapeEnv's spelling, then FX's snake case. */
  const se_expr *ls = se_expr_symbol(C, "L['x'].size()[0]");
  assert_string_equal(node_name(env, se__fx_placeholder(env, ls)), "l__x___size_0_");
  assert_string_equal(
      node_name(env, se__fx_placeholder(env, se_expr_symbol(C, "x.size()[0]"))), "x_size_0_");
  se_env_free(env);

  env = new_env(false);
  assert_int_equal(se__fx_placeholder(env, se_expr_symbol(C, "u0")), -1);
  assert_int_equal(call1(env, "eq", 1, &fresh), -1);
  assert_int_equal(env->fx_nodes.n, 0);
  se_env_free(env);
}

static void test_fx_rollback(void **state) {
  (void)state;
  se_env *env = new_env(true);
  se__txn_begin(env);
  bool fresh;
  se_fx_arg a[1] = {{-1, se_expr_int(C, 1)}};
  assert_int_equal(se__fx_call(env, "eq", a, 1, &fresh), 0);
  se__txn_end(env, SE_INVALID);
  assert_int_equal(env->fx_nodes.n, 0);
  assert_int_equal(env->name_to_node.live, 0);
  assert_int_equal(env->fx_node_cache.live, 0);
  /* After the rollback the name is free again. */
  assert_string_equal(node_name(env, se__fx_call(env, "eq", a, 1, &fresh)), "eq");
  se_env_free(env);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_unique_id_table, setup, teardown),
      cmocka_unit_test_setup_teardown(test_unique_id_probes_without_wrap, setup, teardown),
      cmocka_unit_test_setup_teardown(test_source_names_and_reprs, setup, teardown),
      cmocka_unit_test_setup_teardown(test_source_interning_and_flags, setup, teardown),
      cmocka_unit_test_setup_teardown(test_source_parse_errors, setup, teardown),
      cmocka_unit_test_setup_teardown(test_a4_sizes_strides_offset_state, setup, teardown),
      cmocka_unit_test_setup_teardown(test_a4_not_equal_text, setup, teardown),
      cmocka_unit_test_setup_teardown(test_a5_unbacked_state, setup, teardown),
      cmocka_unit_test_setup_teardown(test_unbacked_without_validation, setup, teardown),
      cmocka_unit_test_setup_teardown(test_c21_dynamic_sizes_inferred_strides, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_c20_stride_symbols, setup, teardown),
      cmocka_unit_test_setup_teardown(test_strides_transposed_and_expanded, setup, teardown),
      cmocka_unit_test_setup_teardown(test_b23_duck_sizing_across_tensors, setup, teardown),
      cmocka_unit_test_setup_teardown(test_duck_shape_settings, setup, teardown),
      cmocka_unit_test_setup_teardown(test_ephemeral_source_goes_last, setup, teardown),
      cmocka_unit_test_setup_teardown(test_zero_one_specialisation, setup, teardown),
      cmocka_unit_test_setup_teardown(test_unspecified_and_float_symbols, setup, teardown),
      cmocka_unit_test_setup_teardown(test_symbol_assumption_clash, setup, teardown),
      cmocka_unit_test_setup_teardown(test_constraints, setup, teardown),
      cmocka_unit_test_setup_teardown(test_failed_calls_leave_state_unchanged, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_out_of_memory_loop, setup, teardown),
      cmocka_unit_test_setup_teardown(test_symintnode, setup, teardown),
      cmocka_unit_test_setup_teardown(test_size_like_unbacked_inputs, setup, teardown),
      cmocka_unit_test_setup_teardown(test_fx_naming, setup, teardown),
      cmocka_unit_test_setup_teardown(test_fx_rollback, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
