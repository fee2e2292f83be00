/* String buffers, checked division helpers, hashing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"

void se__buf_init(se_buf *b) { memset(b, 0, sizeof *b); }

static bool buf_reserve(se_buf *b, size_t extra) {
  if (b->oom) return false;
  if (b->len + extra + 1 <= b->cap) return true;
  size_t cap = b->cap ? b->cap : 64;
  while (cap < b->len + extra + 1) cap *= 2;
  char *p = realloc(b->p, cap);
  if (!p) {
    b->oom = true;
    return false;
  }
  b->p = p;
  b->cap = cap;
  return true;
}

void se__buf_putn(se_buf *b, const char *s, size_t n) {
  if (!buf_reserve(b, n)) return;
  memcpy(b->p + b->len, s, n);
  b->len += n;
  b->p[b->len] = '\0';
}

void se__buf_putc(se_buf *b, char c) { se__buf_putn(b, &c, 1); }
void se__buf_puts(se_buf *b, const char *s) { se__buf_putn(b, s, strlen(s)); }

void se__buf_printf(se_buf *b, const char *fmt, ...) {
  char tmp[256];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  if ((size_t)n < sizeof tmp) {
    se__buf_putn(b, tmp, (size_t)n);
    return;
  }
  if (!buf_reserve(b, (size_t)n)) return;
  va_start(ap, fmt);
  vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}

char *se__buf_take(se_buf *b) {
  if (b->oom) {
    se__buf_free(b);
    return NULL;
  }
  if (!b->p && !buf_reserve(b, 0)) return NULL;
  if (b->len == 0) b->p[0] = '\0';
  char *p = b->p;
  se__buf_init(b);
  return p;
}

void se__buf_free(se_buf *b) {
  free(b->p);
  se__buf_init(b);
}

bool se__floordiv_i64(int64_t a, int64_t b, int64_t *r) {
  if (b == -1) return se__neg_i64(a, r);
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
  *r = q;
  return true;
}

bool se__pymod_i64(int64_t a, int64_t b, int64_t *r) {
  if (b == -1) {
    *r = 0;
    return true;
  }
  int64_t m = a % b;
  if (m != 0 && ((m < 0) != (b < 0))) m += b;
  *r = m;
  return true;
}

uint64_t se__gcd_u64(uint64_t a, uint64_t b) {
  while (b) {
    uint64_t t = a % b;
    a = b;
    b = t;
  }
  return a;
}

uint64_t se__hash_bytes(uint64_t seed, const void *p, size_t n) {
  /* FNV-1a folded through the mixer; inputs are short names. */
  const unsigned char *s = p;
  uint64_t h = 0xcbf29ce484222325ull ^ seed;
  for (size_t i = 0; i < n; i++) {
    h ^= s[i];
    h *= 0x100000001b3ull;
  }
  return se__hash_mix(seed, h);
}

/* Frees text the library handed to the caller. */
void se_free(void *p) { free(p); }
