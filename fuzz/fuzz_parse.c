/* libFuzzer target: the expression parser (se_parse and se__parse_exact).
 *
 * Any text must parse or fail with a status and a message, never crash.
 * What se__parse_exact reads must print (se_expr_str) to text that it
 * reads back to the very same node: event logs rely on that. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expr/parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Nodes whose printed text cannot name them alone: a Float prints with 15
 * digits (SymPy's str), CleanDiv prints as FloorDiv does ("(a//b)"), and
 * SymPy's Mod (what `a % b` builds) prints as PyTorch's Mod. Event logs
 * refuse to write an expression that does not read back. */
static int ambiguous(const se_expr *e) {
  if (e->kind == SE_K_FLOAT || e->kind == SE_K_CLEANDIV || e->kind == SE_K_SYMPY_MOD) return 1;
  for (uint32_t i = 0; i < e->nargs; i++)
    if (ambiguous(e->args[i])) return 1;
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  se_ctx *ctx = se_ctx_new();
  if (!ctx) return 0;
  const char *text = (const char *)data;
  const se_expr *e = se_parse(ctx, text, size);
  if (!e && se_last_status(ctx) == SE_OK) abort(); /* a failure always says why */
  se_clear_error(ctx);

  /* The other Min/Max flavour must hold up as well. */
  se_ctx_set_torch_minmax(ctx, true);
  e = se_parse(ctx, text, size);
  se_clear_error(ctx);

  e = se__parse_exact(ctx, text, size);
  if (e) {
    char *s = se_expr_str(ctx, e);
    if (s) {
      const se_expr *back = se__parse_exact(ctx, s, strlen(s));
#ifndef SE_FUZZ_NO_ROUND_TRIP
      if (back != e && !ambiguous(e)) {
        fprintf(stderr, "printed text does not read back to the same node: %s -> %s (%s)\n",
                s, back ? "another node" : "error", back ? "" : se_errmsg(ctx));
        abort();
      }
#else
      (void)back;
#endif
      se_free(s);
    }
  }
  se_clear_error(ctx);
  se_ctx_free(ctx);
  return 0;
}
