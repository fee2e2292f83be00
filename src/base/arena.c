/* A bump arena: the context's expression DAG lives here until the context
 * closes. Blocks grow geometrically; oversized requests get their own block. */
#include <stdlib.h>
#include <string.h>

#include "base/base.h"

struct se_arena_block {
  se_arena_block *next; /* older block */
  size_t cap;           /* usable bytes after the header */
  _Alignas(16) unsigned char data[];
};

#define SE_ARENA_MIN (64u * 1024u)

void se__arena_init(se_arena *a) {
  memset(a, 0, sizeof *a);
  a->fail_after = -1;
}

void *se__arena_alloc(se_arena *a, size_t size) {
  size = (size + 15u) & ~(size_t)15u;
  if (a->fail_after >= 0) {
    if (a->fail_after == 0) return NULL;
    a->fail_after--;
  }
  if (!a->head || a->head->cap - a->used < size) {
    size_t cap = a->head ? a->head->cap * 2 : SE_ARENA_MIN;
    if (cap > 16u * 1024u * 1024u) cap = 16u * 1024u * 1024u;
    if (cap < size) cap = size;
    se_arena_block *b = malloc(sizeof *b + cap);
    if (!b) return NULL;
    b->next = a->head;
    b->cap = cap;
    a->head = b;
    a->used = 0;
  }
  void *p = a->head->data + a->used;
  a->used += size;
  a->total += size;
  memset(p, 0, size);
  return p;
}

void se__arena_free(se_arena *a) {
  se_arena_block *b = a->head;
  while (b) {
    se_arena_block *n = b->next;
    free(b);
    b = n;
  }
  se__arena_init(a);
}
