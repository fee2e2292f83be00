/* base layer: context-owned arena, status and last error, string buffers,
 * checked int64 arithmetic, hashing. Everything above builds on these. */
#ifndef SE_BASE_H
#define SE_BASE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "shapeenv.h"

/* ---- arena ------------------------------------------------------------ */

typedef struct se_arena_block se_arena_block;

/* A bump allocator; blocks are freed together by se__arena_free. */
typedef struct se_arena {
  se_arena_block *head;   /* newest block, allocation happens here */
  size_t used;            /* bytes used in head */
  size_t total;           /* bytes handed out over the arena's life */
  int64_t fail_after;     /* fault injection: fail the Nth allocation from now; <0 off */
} se_arena;

void se__arena_init(se_arena *a);
/* Returns size bytes aligned to 16, zeroed; NULL when out of memory (or when
 * fault injection says so). The memory lives until se__arena_free. */
void *se__arena_alloc(se_arena *a, size_t size);
void se__arena_free(se_arena *a);

/* ---- the context ------------------------------------------------------ */

struct se_expr;

/* Owns the arena (every node), the intern table and the last error. */
struct se_ctx {
  se_arena arena;               /* nodes and symbol names */
  const struct se_expr **slots; /* intern table, open addressing; NULL = empty */
  size_t cap;                   /* slots, a power of two */
  size_t count;                 /* nodes interned */
  uint64_t next_id;             /* creation-order id of the next node */
  uint64_t seed;                /* hash seed */
  se_status err;                /* first pending error, SE_OK when none */
  char errmsg[512];             /* detailed message of err; a longer one is cut here */
  char *errlong;                /* the whole message when it is longer than errmsg holds
                                   (malloc-owned), else NULL; se_errmsg prefers it */
  bool torch_minmax;            /* Min/Max flavour, see se_ctx_set_torch_minmax */
  const struct se_expr *consts[16]; /* singletons by kind (atoms without payload) */
  void *ext[4];                 /* per-module state owned by upper layers */
  void (*ext_free[4])(void *);  /* frees ext[i] at se_ctx_free (may be NULL) */
};

/* Slots of se_ctx.ext. */
enum { SE_EXT_SOURCES = 0, SE_EXT_STRTAB_RESERVED = 1 };

/* ---- status ----------------------------------------------------------- */

/* Records a failure in ctx (first error wins until se_clear_error) and
 * returns the status. Message is printf-formatted, kept whole at any
 * length (only when memory for a long one runs out is it cut to errmsg's
 * size). */
se_status se__fail(se_ctx *ctx, se_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
se_status se__status(const se_ctx *ctx);

/* ---- growable string buffer (malloc-backed, caller frees) ------------- */

typedef struct se_buf {
  char *p;        /* NUL-terminated text, or NULL before the first append */
  size_t len;     /* bytes of text, not counting the NUL */
  size_t cap;     /* allocated bytes */
  bool oom;       /* sticky: an append failed; p holds what fitted */
} se_buf;

void se__buf_init(se_buf *b);
void se__buf_putc(se_buf *b, char c);
void se__buf_puts(se_buf *b, const char *s);
void se__buf_putn(se_buf *b, const char *s, size_t n);
void se__buf_printf(se_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Hands the text to the caller (free with se_free); the buffer is reset.
 * Returns NULL if any append ran out of memory. */
char *se__buf_take(se_buf *b);
void se__buf_free(se_buf *b);

/* ---- checked int64 arithmetic: false on overflow, *r unspecified ------ */

static inline bool se__add_i64(int64_t a, int64_t b, int64_t *r) {
  return !__builtin_add_overflow(a, b, r);
}
static inline bool se__sub_i64(int64_t a, int64_t b, int64_t *r) {
  return !__builtin_sub_overflow(a, b, r);
}
static inline bool se__mul_i64(int64_t a, int64_t b, int64_t *r) {
  return !__builtin_mul_overflow(a, b, r);
}
static inline bool se__neg_i64(int64_t a, int64_t *r) {
  return !__builtin_sub_overflow((int64_t)0, a, r);
}
/* Python floor division and modulo; b != 0; false on overflow (MIN // -1). */
bool se__floordiv_i64(int64_t a, int64_t b, int64_t *r);
bool se__pymod_i64(int64_t a, int64_t b, int64_t *r);
/* gcd of |a| and |b| as uint64 (gcd(0,0) = 0). */
uint64_t se__gcd_u64(uint64_t a, uint64_t b);
static inline uint64_t se__abs_u64(int64_t a) {
  return a < 0 ? (uint64_t)0 - (uint64_t)a : (uint64_t)a;
}

/* ---- hashing ---------------------------------------------------------- */

static inline uint64_t se__hash_mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
  h ^= h >> 31;
  h *= 0xbf58476d1ce4e5b9ull;
  return h ^ (h >> 29);
}
uint64_t se__hash_bytes(uint64_t seed, const void *p, size_t n);

#endif
