/* An insertion-ordered hash map from pointer keys (interned nodes, interned
 * strings) to 64-bit values or pointers. Iteration follows insertion order,
 * never hash order, so everything printed from it is deterministic.
 * Deleting leaves a tombstone in the order array; compaction keeps order. */
#ifndef SE_MAP_H
#define SE_MAP_H

#include "base/base.h"

typedef union se_mapval {
  int64_t i;      /* integer value */
  const void *p;  /* pointer value (borrowed) */
} se_mapval;

typedef struct se_map_entry {
  const void *key;  /* NULL marks a deleted entry */
  uint64_t hash;    /* hash of key */
  se_mapval val;    /* the value */
} se_map_entry;

typedef struct se_map {
  se_map_entry *entries; /* insertion order, may contain deleted entries */
  size_t n;              /* entries used (including deleted) */
  size_t live;           /* live entries */
  size_t cap;            /* capacity of entries */
  uint32_t *index;       /* open addressing: entry position + 1, 0 empty */
  size_t icap;           /* power of two */
} se_map;

void se__map_init(se_map *m);
void se__map_free(se_map *m);
/* Entry of key or NULL. hash must be the same for the same key. */
se_map_entry *se__map_find(const se_map *m, const void *key, uint64_t hash);
/* Inserts or overwrites; returns false when out of memory. An overwrite
 * keeps the key's original position (Python dict semantics). */
bool se__map_put(se_map *m, const void *key, uint64_t hash, se_mapval v);
/* Removes key; true if it was present. */
bool se__map_del(se_map *m, const void *key, uint64_t hash);
/* Position of an entry in insertion order, counting live entries only. */
size_t se__map_pos(const se_map *m, const se_map_entry *e);
/* Inserts a new key so that it becomes the pos-th live entry (undo of a
 * delete); false when out of memory. */
bool se__map_insert_at(se_map *m, size_t pos, const void *key, uint64_t hash, se_mapval v);
/* A copy of src into dst (dst must be initialised and is cleared first). */
bool se__map_copy(se_map *dst, const se_map *src);

/* Iterates live entries in insertion order (an empty map never forms a
 * pointer past NULL). */
#define SE_MAP_EACH(m, e)                                                          \
  for (se_map_entry *e = (m)->n ? (m)->entries : NULL,                             \
                    *e##_end = (m)->n ? (m)->entries + (m)->n : NULL;              \
       e != e##_end; e++)                                                          \
    if (e->key)

#endif
