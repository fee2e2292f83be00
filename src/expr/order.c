/* SymPy's orders (sympy-core 5): the sort key K and "ordered" order.
 *
 * K(e) = (class key, (len(A), A), K(exponent), coefficient); we compare the
 * parts lazily instead of building tuples. */
#include <stdlib.h>
#include <string.h>

#include "expr/expr.h"

typedef struct classkey {
  int r1, r2;       /* leading integers of the class key */
  const char *name; /* class name */
} classkey;

static classkey class_key(const se_expr *e) {
  switch ((se_kind)e->kind) {
  case SE_K_INTEGER: case SE_K_RATIONAL: case SE_K_FLOAT: case SE_K_INT_OO:
  case SE_K_NEG_INT_OO: case SE_K_OO: case SE_K_NEG_OO: case SE_K_NAN: case SE_K_ZOO:
    return (classkey){1, 0, "Number"};
  case SE_K_SYMBOL: return (classkey){2, 0, "Symbol"};
  case SE_K_TRUE: return (classkey){2, 0, "BooleanTrue"};
  case SE_K_FALSE: return (classkey){2, 0, "BooleanFalse"};
  case SE_K_MUL: return (classkey){3, 0, "Mul"};
  case SE_K_ADD: return (classkey){3, 1, "Add"};
  case SE_K_POW: return (classkey){3, 2, "Pow"};
  case SE_K_EQ: return (classkey){5, 0, "Equality"};
  case SE_K_NE: return (classkey){5, 0, "Unequality"};
  case SE_K_LT: return (classkey){5, 0, "StrictLessThan"};
  case SE_K_LE: return (classkey){5, 0, "LessThan"};
  case SE_K_GT: return (classkey){5, 0, "StrictGreaterThan"};
  case SE_K_GE: return (classkey){5, 0, "GreaterThan"};
  case SE_K_AND: return (classkey){5, 0, "And"};
  case SE_K_OR: return (classkey){5, 0, "Or"};
  case SE_K_NOT: return (classkey){5, 0, "Not"};
  case SE_K_MAX: return (classkey){5, 0, "Max"};
  case SE_K_MIN: return (classkey){5, 0, "Min"};
  case SE_K_PIECEWISE: return (classkey){4, 0, "Piecewise"};
  default: return (classkey){4, 10000, se_kind_name((se_kind)e->kind)};
  }
}

static int cmp_classkey(classkey a, classkey b) {
  if (a.r1 != b.r1) return a.r1 < b.r1 ? -1 : 1;
  if (a.r2 != b.r2) return a.r2 < b.r2 ? -1 : 1;
  return strcmp(a.name, b.name);
}

/* The parts of K(e) for a non-number e. */
typedef struct keyparts {
  classkey ck;
  const se_expr *r;         /* the expression A is taken from */
  bool atom;                /* A = (name,) */
  const char *name;         /* valid when atom */
  const se_expr **items;    /* A's elements otherwise */
  size_t nitems;
  const se_expr *exp;       /* NULL means the Integer 1 */
  const se_expr *coeff;     /* NULL means the Integer 1 */
  const se_expr *buf[8];    /* small storage for items */
  bool heap;                /* items was malloc'd */
} keyparts;

static const char *atom_name(const se_expr *e) {
  switch ((se_kind)e->kind) {
  case SE_K_SYMBOL: return e->u.sym.name;
  case SE_K_TRUE: return "True";
  case SE_K_FALSE: return "False";
  default: return "";
  }
}

static void parts(const se_expr *e, keyparts *k) {
  memset(k, 0, sizeof *k);
  const se_expr *r = e;
  if (e->kind == SE_K_MUL && se__is_num(e->args[0])) k->coeff = e->args[0];
  if (e->kind == SE_K_POW) {
    k->exp = e->args[1];
    r = e->args[0];
  }
  k->r = r;
  k->ck = class_key(r);
  if (r->kind == SE_K_SYMBOL || r->kind == SE_K_TRUE || r->kind == SE_K_FALSE) {
    k->atom = true;
    k->name = atom_name(r);
    return;
  }
  if (r == e && k->coeff) {
    /* Mul with a coefficient and several other factors: A is those
     * factors, sorted by K as stored. */
    k->items = (const se_expr **)e->args + 1;
    k->nitems = e->nargs - 1;
    return;
  }
  if (r->kind == SE_K_ADD) {
    k->nitems = r->nargs;
    k->items = r->nargs <= 8 ? k->buf : malloc(r->nargs * sizeof *k->items);
    if (!k->items) {
      k->items = (const se_expr **)r->args; /* degrade gracefully */
      return;
    }
    k->heap = k->items != k->buf;
    se__add_print_order(r, k->items);
    return;
  }
  if (se__is_num(r)) {
    k->atom = true;
    k->name = ""; /* number bases (2**s0): compared by value below */
    return;
  }
  k->items = (const se_expr **)r->args;
  k->nitems = r->nargs;
}

static void parts_free(keyparts *k) {
  if (k->heap) free((void *)k->items);
}

/* Resolves Mul(c, f) to K parts of f with c as coefficient. */
static void parts_of(const se_expr *e, keyparts *k) {
  if (e->kind == SE_K_MUL && se__is_num(e->args[0]) && e->nargs == 2) {
    const se_expr *f = e->args[1];
    parts(f, k);
    k->coeff = e->args[0];
    return;
  }
  parts(e, k);
}

static int cmp_num_or_one(const se_expr *a, const se_expr *b) {
  if (!a && !b) return 0;
  if (a && b) {
    int c = se__num_cmp(a, b);
    return c == 2 ? 0 : c;
  }
  /* One side is the implicit Integer 1. */
  const se_expr *x = a ? a : b;
  static const se_expr one_proto = {.kind = SE_K_INTEGER, .u.i = 1};
  int c = se__num_cmp(x, &one_proto);
  if (c == 2) c = 0;
  return a ? c : -c;
}

static int cmp_exp(const se_expr *a, const se_expr *b) {
  static const se_expr one = {.kind = SE_K_INTEGER, .u.i = 1, .ncount2 = 2};
  return se__cmp_key(a ? a : &one, b ? b : &one);
}

int se__cmp_key(const se_expr *a, const se_expr *b) {
  if (a == b) return 0;
  bool na = se__is_num(a), nb = se__is_num(b);
  if (na || nb) {
    if (na && nb) {
      int c = se__num_cmp(a, b);
      return c == 2 ? 0 : c;
    }
    return na ? -1 : 1;
  }
  keyparts ka, kb;
  parts_of(a, &ka);
  parts_of(b, &kb);
  int c = cmp_classkey(ka.ck, kb.ck);
  if (c == 0) {
    if (ka.atom || kb.atom) {
      if (ka.atom && kb.atom) {
        if (se__is_num(ka.r) && se__is_num(kb.r))
          c = cmp_num_or_one(ka.r, kb.r);
        else
          c = strcmp(ka.name, kb.name);
      } else {
        c = ka.atom ? -1 : 1; /* (1, ...) vs (n, ...) by length first */
        size_t la = ka.atom ? 1 : ka.nitems, lb = kb.atom ? 1 : kb.nitems;
        if (la != lb) c = la < lb ? -1 : 1;
      }
    } else if (ka.nitems != kb.nitems) {
      c = ka.nitems < kb.nitems ? -1 : 1;
    } else {
      for (size_t i = 0; i < ka.nitems && c == 0; i++) c = se__cmp_key(ka.items[i], kb.items[i]);
    }
  }
  if (c == 0) c = cmp_exp(ka.exp, kb.exp);
  if (c == 0) c = cmp_num_or_one(ka.coeff, kb.coeff);
  parts_free(&ka);
  parts_free(&kb);
  return c;
}

int se__cmp_ordered(const se_expr *a, const se_expr *b) {
  if (a == b) return 0;
  if (a->ncount2 != b->ncount2) return a->ncount2 < b->ncount2 ? -1 : 1;
  return se__cmp_key(a, b);
}

void se__sort(const se_expr **v, size_t n, int (*cmp)(const se_expr *, const se_expr *)) {
  /* Stable insertion sort for short lists, merge sort beyond. */
  if (n <= 24) {
    for (size_t i = 1; i < n; i++) {
      const se_expr *x = v[i];
      size_t j = i;
      while (j > 0 && cmp(v[j - 1], x) > 0) {
        v[j] = v[j - 1];
        j--;
      }
      v[j] = x;
    }
    return;
  }
  size_t h = n / 2;
  se__sort(v, h, cmp);
  se__sort(v + h, n - h, cmp);
  const se_expr **tmp = malloc(n * sizeof *tmp);
  if (!tmp) { /* fall back to in-place insertion: slow but correct */
    for (size_t i = 1; i < n; i++) {
      const se_expr *x = v[i];
      size_t j = i;
      while (j > 0 && cmp(v[j - 1], x) > 0) {
        v[j] = v[j - 1];
        j--;
      }
      v[j] = x;
    }
    return;
  }
  size_t i = 0, j = h, k = 0;
  while (i < h && j < n) tmp[k++] = cmp(v[j], v[i]) < 0 ? v[j++] : v[i++];
  while (i < h) tmp[k++] = v[i++];
  while (j < n) tmp[k++] = v[j++];
  memcpy(v, tmp, n * sizeof *v);
  free(tmp);
}
