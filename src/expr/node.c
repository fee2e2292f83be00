/* The context, the intern table and the atoms.
 *
 * Every node is created here. The intern key is (kind, payload, args by
 * pointer); since children are interned first, pointer equality of children
 * is structural equality, and so is pointer equality of the new node. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "expr/expr.h"

static const char *const kind_names[] = {
#define KIND_NAME(name, text, arity) text,
    SE_KIND_MAP(KIND_NAME)
#undef KIND_NAME
};

/* SymPy class name of a kind ("Add", "FloorDiv"); "?" when out of range. */
const char *se_kind_name(se_kind k) {
  return (unsigned)k < SE_K_COUNT ? kind_names[k] : "?";
}

se_ctx *se_ctx_new(void) {
  se_ctx *ctx = calloc(1, sizeof *ctx);
  if (!ctx) return NULL;
  se__arena_init(&ctx->arena);
  ctx->cap = 1024;
  ctx->slots = calloc(ctx->cap, sizeof *ctx->slots);
  ctx->seed = 0x5348415045454e56ull; /* fixed: output never depends on it */
  if (!ctx->slots) {
    free(ctx);
    return NULL;
  }
  return ctx;
}

void se_ctx_free(se_ctx *ctx) {
  if (!ctx) return;
  for (size_t i = 0; i < sizeof ctx->ext / sizeof ctx->ext[0]; i++)
    if (ctx->ext[i] && ctx->ext_free[i]) ctx->ext_free[i](ctx->ext[i]);
  se__arena_free(&ctx->arena);
  free(ctx->slots);
  free(ctx->errlong);
  free(ctx);
}

void se_ctx_set_torch_minmax(se_ctx *ctx, bool on) { ctx->torch_minmax = on; }

static uint64_t payload_hash(se_ctx *ctx, se_kind k, const se_expr *proto) {
  uint64_t h = se__hash_mix(ctx->seed, (uint64_t)k);
  switch (k) {
  case SE_K_INTEGER: return se__hash_mix(h, (uint64_t)proto->u.i);
  case SE_K_RATIONAL:
    return se__hash_mix(se__hash_mix(h, (uint64_t)proto->u.q.p), (uint64_t)proto->u.q.q);
  case SE_K_FLOAT: {
    uint64_t bits;
    double f = proto->u.f == 0.0 ? 0.0 : proto->u.f; /* -0.0 is 0.0 */
    memcpy(&bits, &f, sizeof bits);
    return se__hash_mix(h, bits);
  }
  case SE_K_SYMBOL: return se__hash_bytes(h, proto->u.sym.name, proto->u.sym.len);
  default: return h;
  }
}

static bool payload_equal(se_kind k, const se_expr *a, const se_expr *b) {
  switch (k) {
  case SE_K_INTEGER: return a->u.i == b->u.i;
  case SE_K_RATIONAL: return a->u.q.p == b->u.q.p && a->u.q.q == b->u.q.q;
  case SE_K_FLOAT: return a->u.f == b->u.f;
  case SE_K_SYMBOL:
    return a->u.sym.len == b->u.sym.len &&
           memcmp(a->u.sym.name, b->u.sym.name, a->u.sym.len) == 0;
  default: return true;
  }
}

static bool grow(se_ctx *ctx) {
  size_t ncap = ctx->cap * 2;
  const se_expr **ns = calloc(ncap, sizeof *ns);
  if (!ns) return false;
  for (size_t i = 0; i < ctx->cap; i++) {
    const se_expr *e = ctx->slots[i];
    if (!e) continue;
    size_t j = (size_t)e->hash & (ncap - 1);
    while (ns[j]) j = (j + 1) & (ncap - 1);
    ns[j] = e;
  }
  free(ctx->slots);
  ctx->slots = ns;
  ctx->cap = ncap;
  return true;
}

/* Finds or creates the node described by proto (kind, payload) and args. */
static const se_expr *intern(se_ctx *ctx, se_kind k, const se_expr *proto,
                             const se_expr *const *args, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!args[i]) return NULL;
  if (ctx->err == SE_NOMEM) return NULL; /* sticky out-of-memory */
  uint64_t h = payload_hash(ctx, k, proto);
  h = se__hash_mix(h, (uint64_t)n);
  for (size_t i = 0; i < n; i++) h = se__hash_mix(h, args[i]->hash);
  size_t mask = ctx->cap - 1;
  size_t j = (size_t)h & mask;
  for (const se_expr *e; (e = ctx->slots[j]) != NULL; j = (j + 1) & mask) {
    if (e->hash != h || e->kind != k || e->nargs != n) continue;
    if (!payload_equal(k, e, proto)) continue;
    if (n && memcmp(e->args, args, n * sizeof *args) != 0) continue;
    return e;
  }
  if ((ctx->count + 1) * 4 > ctx->cap * 3) {
    if (!grow(ctx)) {
      se__fail(ctx, SE_NOMEM, "out of memory growing the intern table");
      return NULL;
    }
    mask = ctx->cap - 1;
    j = (size_t)h & mask;
    while (ctx->slots[j]) j = (j + 1) & mask;
  }
  se_expr *e = se__arena_alloc(&ctx->arena, sizeof *e + n * sizeof e->args[0]);
  if (!e) {
    se__fail(ctx, SE_NOMEM, "out of memory allocating an expression node");
    return NULL;
  }
  e->kind = (uint16_t)k;
  e->nargs = (uint32_t)n;
  e->hash = h;
  e->id = ctx->next_id++;
  e->u = proto->u;
  uint32_t nc = (k == SE_K_FLOAT) ? 1u : 2u;
  for (size_t i = 0; i < n; i++) {
    e->args[i] = args[i];
    nc += args[i]->ncount2;
  }
  e->ncount2 = nc;
  ctx->slots[j] = e;
  ctx->count++;
  return e;
}

const se_expr *se__node(se_ctx *ctx, se_kind k, const se_expr *const *args, size_t n) {
  se_expr proto;
  memset(&proto, 0, sizeof proto);
  return intern(ctx, k, &proto, args, n);
}

const se_expr *se__int(se_ctx *ctx, int64_t v) {
  se_expr proto;
  memset(&proto, 0, sizeof proto);
  proto.u.i = v;
  return intern(ctx, SE_K_INTEGER, &proto, NULL, 0);
}

const se_expr *se__rat(se_ctx *ctx, int64_t p, int64_t q) {
  if (q == 0) {
    se__fail(ctx, SE_ZERODIV, "division by zero in rational %lld/0", (long long)p);
    return NULL;
  }
  uint64_t g = se__gcd_u64(se__abs_u64(p), se__abs_u64(q));
  /* g >= 1 here. Divide as unsigned magnitudes to survive INT64_MIN. */
  uint64_t ap = se__abs_u64(p) / g, aq = se__abs_u64(q) / g;
  bool neg = (p < 0) != (q < 0) && p != 0;
  if (aq > (uint64_t)INT64_MAX || ap > (uint64_t)INT64_MAX + (neg ? 1u : 0u)) {
    se__fail(ctx, SE_OVERFLOW, "integer overflow in rational %lld/%lld", (long long)p,
             (long long)q);
    return NULL;
  }
  int64_t np = neg ? (int64_t)(0 - ap) : (int64_t)ap;
  if (aq == 1) return se__int(ctx, np);
  se_expr proto;
  memset(&proto, 0, sizeof proto);
  proto.u.q.p = np;
  proto.u.q.q = (int64_t)aq;
  return intern(ctx, SE_K_RATIONAL, &proto, NULL, 0);
}

const se_expr *se__float(se_ctx *ctx, double v) {
  if (isnan(v)) return se__const(ctx, SE_K_NAN);
  if (isinf(v)) return se__const(ctx, v > 0 ? SE_K_OO : SE_K_NEG_OO);
  se_expr proto;
  memset(&proto, 0, sizeof proto);
  proto.u.f = v == 0.0 ? 0.0 : v;
  return intern(ctx, SE_K_FLOAT, &proto, NULL, 0);
}

const se_expr *se__const(se_ctx *ctx, se_kind k) {
  if (k < SE_K_INT_OO || k > SE_K_FALSE) {
    se__fail(ctx, SE_INVALID, "se_expr_const: %s is not a singleton", se_kind_name(k));
    return NULL;
  }
  const se_expr *e = ctx->consts[k];
  if (e) return e;
  e = se__node(ctx, k, NULL, 0);
  if (e) ctx->consts[k] = e;
  return e;
}

const se_expr *se__bool(se_ctx *ctx, bool v) {
  return se__const(ctx, v ? SE_K_TRUE : SE_K_FALSE);
}

static bool all_digits(const char *s, size_t n) {
  if (n == 0) return false;
  for (size_t i = 0; i < n; i++)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

uint32_t se__sym_default_asm(const char *name, size_t len) {
  if (len >= 2 && name[0] == 's' && all_digits(name + 1, len - 1))
    return SE_ASM_INTEGER | SE_ASM_POSITIVE | SE_ASM_NONNEG | SE_ASM_REAL;
  if (len >= 2 && name[0] == 'u' && all_digits(name + 1, len - 1))
    return SE_ASM_INTEGER | SE_ASM_REAL;
  if (len >= 3 && name[0] == 'z' && name[1] == 'f' && all_digits(name + 2, len - 2))
    return SE_ASM_REAL;
  if (len >= 4 && memcmp(name, "zuf", 3) == 0 && all_digits(name + 3, len - 3))
    return SE_ASM_REAL;
  return SE_ASM_INTEGER | SE_ASM_REAL;
}

const se_expr *se__sym_asm(se_ctx *ctx, const char *name, size_t len, uint32_t asm_) {
  if (len == 0 || len > UINT32_MAX) {
    se__fail(ctx, SE_INVALID, "symbol name must be non-empty");
    return NULL;
  }
  se_expr proto;
  memset(&proto, 0, sizeof proto);
  proto.u.sym.name = name;
  proto.u.sym.len = (uint32_t)len;
  const se_expr *e = intern(ctx, SE_K_SYMBOL, &proto, NULL, 0);
  if (!e) return NULL;
  if (e->u.sym.name == name) {
    /* Newly created: give it an arena-owned copy of the name. */
    char *copy = se__arena_alloc(&ctx->arena, len + 1);
    if (!copy) {
      /* The node stays with a borrowed name; make it harmless. */
      se__fail(ctx, SE_NOMEM, "out of memory copying symbol name");
      ((se_expr *)e)->u.sym.name = "";
      ((se_expr *)e)->u.sym.len = 0;
      return NULL;
    }
    memcpy(copy, name, len);
    se_expr *m = (se_expr *)e;
    m->u.sym.name = copy;
    m->u.sym.asm_ = asm_;
  }
  return e;
}

const se_expr *se__sym(se_ctx *ctx, const char *name, size_t len) {
  return se__sym_asm(ctx, name, len, se__sym_default_asm(name, len));
}

/* ---- public inspection and atoms --------------------------------------- */

se_kind se_expr_kind(const se_expr *e) { return (se_kind)e->kind; }
size_t se_expr_nargs(const se_expr *e) { return e->nargs; }
const se_expr *se_expr_arg(const se_expr *e, size_t i) {
  return i < e->nargs ? e->args[i] : NULL;
}
bool se_expr_int_value(const se_expr *e, int64_t *out) {
  if (e->kind != SE_K_INTEGER) return false;
  *out = e->u.i;
  return true;
}
bool se_expr_rational_value(const se_expr *e, int64_t *p, int64_t *q) {
  if (e->kind == SE_K_INTEGER) {
    *p = e->u.i;
    *q = 1;
    return true;
  }
  if (e->kind != SE_K_RATIONAL) return false;
  *p = e->u.q.p;
  *q = e->u.q.q;
  return true;
}
bool se_expr_float_value(const se_expr *e, double *out) {
  if (e->kind != SE_K_FLOAT) return false;
  *out = e->u.f;
  return true;
}
const char *se_expr_symbol_name(const se_expr *e) {
  return e->kind == SE_K_SYMBOL ? e->u.sym.name : NULL;
}
uint64_t se_expr_id(const se_expr *e) { return e->id; }

const se_expr *se_expr_int(se_ctx *ctx, int64_t v) { return se__int(ctx, v); }
const se_expr *se_expr_rational(se_ctx *ctx, int64_t p, int64_t q) { return se__rat(ctx, p, q); }
const se_expr *se_expr_float(se_ctx *ctx, double v) { return se__float(ctx, v); }
const se_expr *se_expr_const(se_ctx *ctx, se_kind k) { return se__const(ctx, k); }
const se_expr *se_expr_bool(se_ctx *ctx, bool v) { return se__bool(ctx, v); }
const se_expr *se_expr_symbol(se_ctx *ctx, const char *name) {
  if (!name) {
    se__fail(ctx, SE_INVALID, "se_expr_symbol: NULL name");
    return NULL;
  }
  return se__sym(ctx, name, strlen(name));
}
