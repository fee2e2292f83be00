/* dump.c internals: the NotEqualError text builders, exposed for the unit
 * tests and for the replay check (spec/shapeenv.md 3.5). */
#ifndef SE_ENV_DUMP_H
#define SE_ENV_DUMP_H

#include "env/env.h"

/* One mismatch block of a NotEqualError: "==> title" and the two sides. */
typedef struct se_mismatch {
  const char *title; /* e.g. "guards: values don't match." (borrowed) */
  const char *left;  /* left value text (borrowed) */
  const char *right; /* right value text (borrowed) */
} se_mismatch;

/* The full NotEqualError text "ShapeEnv not equal: <msg>\n\n<blocks>\n" for
 * n >= 1 blocks. Caller frees (se_free); NULL when out of memory (recorded
 * in ctx). */
char *se__env_not_equal_text(se_ctx *ctx, const char *msg, const se_mismatch *m, size_t n);

/* The "field set mismatch:" text for fields only on the left / only on the
 * right (each list is printed sorted, as Python's str(sorted(names))).
 * Unreachable between two C environments, which always hold the same
 * fields; kept so the text exists in one place. Caller frees; NULL when out
 * of memory (recorded in ctx). */
char *se__env_field_set_text(se_ctx *ctx, const char *const *left_only, size_t nl,
                             const char *const *right_only, size_t nr);

#endif
