/* The insertion-ordered map: order, overwrite, delete, growth. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "base/map.h"

static void test_order_and_overwrite(void **state) {
  (void)state;
  static int keys[1000];
  se_map m;
  se__map_init(&m);
  for (int i = 0; i < 1000; i++)
    assert_true(se__map_put(&m, &keys[i], se__hash_mix(1, (uint64_t)i), (se_mapval){.i = i}));
  assert_int_equal(m.live, 1000);
  /* Overwrite keeps position. */
  assert_true(se__map_put(&m, &keys[3], se__hash_mix(1, 3), (se_mapval){.i = -3}));
  int64_t k = 0;
  SE_MAP_EACH(&m, e) {
    assert_ptr_equal(e->key, &keys[k]);
    assert_int_equal(e->val.i, k == 3 ? -3 : k);
    k++;
  }
  assert_int_equal(k, 1000);
  /* Delete every other key; order of the rest is kept. */
  for (int i = 0; i < 1000; i += 2) assert_true(se__map_del(&m, &keys[i], se__hash_mix(1, (uint64_t)i)));
  assert_false(se__map_del(&m, &keys[0], se__hash_mix(1, 0)));
  k = 1;
  SE_MAP_EACH(&m, e) {
    assert_ptr_equal(e->key, &keys[k]);
    k += 2;
  }
  for (int i = 0; i < 1000; i++) {
    se_map_entry *e = se__map_find(&m, &keys[i], se__hash_mix(1, (uint64_t)i));
    if (i % 2) assert_non_null(e); else assert_null(e);
  }
  se_map c;
  se__map_init(&c);
  assert_true(se__map_copy(&c, &m));
  assert_int_equal(c.live, 500);
  se__map_free(&c);
  se__map_free(&m);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_order_and_overwrite)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
