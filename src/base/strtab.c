/* The context's string intern table (see strtab.h). */
#include <stdlib.h>
#include <string.h>

#include "base/strtab.h"

typedef struct strtab {
  const char **slots; /* interned strings, open addressing */
  size_t cap;         /* power of two */
  size_t count;
} strtab;

enum { SE_EXT_STRTAB = 1 };

static void strtab_free(void *p) {
  strtab *t = p;
  free(t->slots);
  free(t);
}

uint64_t se__str_hash(const char *s, size_t n) { return se__hash_bytes(0x5354, s, n); }

static strtab *table(se_ctx *ctx) {
  strtab *t = ctx->ext[SE_EXT_STRTAB];
  if (t) return t;
  t = calloc(1, sizeof *t);
  if (!t) return NULL;
  t->cap = 256;
  t->slots = calloc(t->cap, sizeof *t->slots);
  if (!t->slots) {
    free(t);
    return NULL;
  }
  ctx->ext[SE_EXT_STRTAB] = t;
  ctx->ext_free[SE_EXT_STRTAB] = strtab_free;
  return t;
}

static size_t probe(const strtab *t, const char *s, size_t n, uint64_t h) {
  size_t j = (size_t)h & (t->cap - 1);
  for (const char *e; (e = t->slots[j]) != NULL; j = (j + 1) & (t->cap - 1))
    if (strncmp(e, s, n) == 0 && e[n] == '\0') return j;
  return j;
}

const char *se__str_lookup(se_ctx *ctx, const char *s, size_t n) {
  strtab *t = ctx->ext[SE_EXT_STRTAB];
  if (!t) return NULL;
  return t->slots[probe(t, s, n, se__str_hash(s, n))];
}

const char *se__str_intern(se_ctx *ctx, const char *s, size_t n) {
  strtab *t = table(ctx);
  if (!t) {
    se__fail(ctx, SE_NOMEM, "out of memory interning a string");
    return NULL;
  }
  uint64_t h = se__str_hash(s, n);
  size_t j = probe(t, s, n, h);
  if (t->slots[j]) return t->slots[j];
  if ((t->count + 1) * 2 > t->cap) {
    size_t ncap = t->cap * 2;
    const char **ns = calloc(ncap, sizeof *ns);
    if (!ns) {
      se__fail(ctx, SE_NOMEM, "out of memory interning a string");
      return NULL;
    }
    for (size_t i = 0; i < t->cap; i++) {
      const char *e = t->slots[i];
      if (!e) continue;
      size_t k = (size_t)se__str_hash(e, strlen(e)) & (ncap - 1);
      while (ns[k]) k = (k + 1) & (ncap - 1);
      ns[k] = e;
    }
    free(t->slots);
    t->slots = ns;
    t->cap = ncap;
    j = probe(t, s, n, h);
  }
  char *copy = se__arena_alloc(&ctx->arena, n + 1);
  if (!copy) {
    se__fail(ctx, SE_NOMEM, "out of memory interning a string");
    return NULL;
  }
  memcpy(copy, s, n);
  copy[n] = '\0';
  t->slots[j] = copy;
  t->count++;
  return copy;
}
