/* Uses the installed library through its one public header: parses and
 * builds a few expressions and checks SymPy's text of them. Exit 0 when all
 * texts match. */
#include <stdio.h>
#include <string.h>

#include <shapeenv.h>

static int check(se_ctx *ctx, const char *what, const se_expr *e, const char *want) {
  char *got = se_expr_str(ctx, e);
  int ok = got && strcmp(got, want) == 0;
  printf("%s: %s -> %s (want %s)\n", ok ? "ok" : "FAIL", what, got ? got : se_errmsg(ctx),
         want);
  se_free(got);
  return ok;
}

int main(void) {
  se_ctx *ctx = se_ctx_new();
  if (!ctx) return 1;
  /* One text per engine module, so that a library missing one (say a
   * static archive that links a stand-in) fails here. */
  static const char *const cases[][2] = {
      {"(s3 + (s0*s7))", "s0*s7 + s3"},
      {"Max(s0, 2)", "Max(2, s0)"},
      {"(s0 < 3)", "s0 < 3"},
      {"And((s0 < s3), (s0 >= s3))", "False"},
      {"FloorDiv(s0 + 4, 2)", "((s0//2)) + 2"},
  };
  int ok = 1;
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    const se_expr *e = se_parse(ctx, cases[i][0], strlen(cases[i][0]));
    ok &= check(ctx, cases[i][0], e, cases[i][1]);
    se_clear_error(ctx);
  }
  const se_expr *s0 = se_expr_symbol(ctx, "s0");
  ok &= check(ctx, "s0 + s0", se_expr_add(ctx, s0, s0), "2*s0");
  ok &= check(ctx, "2*(s0 + 1)",
              se_expr_mul(ctx, se_expr_int(ctx, 2), se_expr_add(ctx, s0, se_expr_int(ctx, 1))),
              "2*s0 + 2");
  se_ctx_free(ctx);
  return ok ? 0 : 1;
}
