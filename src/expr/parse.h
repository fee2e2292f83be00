/* parse.c's internal entry points beyond the public se_parse. */
#ifndef SE_EXPR_PARSE_H
#define SE_EXPR_PARSE_H

#include "expr/expr.h"

/* Reads text that se_expr_str printed back to the very same node, for
 * readers of our own output (event logs). Like se_parse, except that Min and
 * Max calls are built unevaluated (their printed args are already in
 * canonical form), so the unevaluated Min/Max that SymPy's factoring leaves
 * in a result (e.g. Min(s0, Max(3, 4))) survive. Errors as se_parse. */
const se_expr *se__parse_exact(se_ctx *ctx, const char *text, size_t len);

#endif
