/* A growable list of nodes, shared by the constructors that gather
 * arguments (Min/Max, And/Or/Not, Piecewise). */
#include <stdlib.h>

#include "expr/expr.h"

bool se__nvec_push(se_ctx *ctx, se__nvec *a, const se_expr *e) {
  if (!e) return false;
  if (a->n == a->cap) {
    size_t nc = a->cap ? a->cap * 2 : 8;
    const se_expr **nv = realloc(a->v, nc * sizeof *nv);
    if (!nv) {
      se__fail(ctx, SE_NOMEM, "out of memory gathering the arguments of an expression");
      return false;
    }
    a->v = nv;
    a->cap = nc;
  }
  a->v[a->n++] = e;
  return true;
}

bool se__nvec_has(const se__nvec *a, const se_expr *e) {
  for (size_t i = 0; i < a->n; i++)
    if (a->v[i] == e) return true;
  return false;
}

bool se__nvec_add(se_ctx *ctx, se__nvec *a, const se_expr *e) {
  if (!e) return false;
  return se__nvec_has(a, e) ? true : se__nvec_push(ctx, a, e);
}

void se__nvec_free(se__nvec *a) {
  free(a->v);
  a->v = NULL;
  a->n = a->cap = 0;
}
