/* Insertion-ordered pointer-keyed hash map (see map.h). */
#include <stdlib.h>
#include <string.h>

#include "base/map.h"

void se__map_init(se_map *m) { memset(m, 0, sizeof *m); }

void se__map_free(se_map *m) {
  free(m->entries);
  free(m->index);
  se__map_init(m);
}

static bool reindex(se_map *m, size_t icap) {
  uint32_t *idx = calloc(icap, sizeof *idx);
  if (!idx) return false;
  /* Compact deleted entries away while rebuilding. */
  size_t w = 0;
  for (size_t r = 0; r < m->n; r++) {
    if (!m->entries[r].key) continue;
    m->entries[w] = m->entries[r];
    size_t j = (size_t)m->entries[w].hash & (icap - 1);
    while (idx[j]) j = (j + 1) & (icap - 1);
    idx[j] = (uint32_t)(w + 1);
    w++;
  }
  m->n = w;
  free(m->index);
  m->index = idx;
  m->icap = icap;
  return true;
}

se_map_entry *se__map_find(const se_map *m, const void *key, uint64_t hash) {
  if (!m->icap) return NULL;
  size_t j = (size_t)hash & (m->icap - 1);
  for (uint32_t k; (k = m->index[j]) != 0; j = (j + 1) & (m->icap - 1)) {
    se_map_entry *e = &m->entries[k - 1];
    if (e->key == key) return e;
  }
  return NULL;
}

bool se__map_put(se_map *m, const void *key, uint64_t hash, se_mapval v) {
  se_map_entry *e = se__map_find(m, key, hash);
  if (e) {
    e->val = v;
    return true;
  }
  if (m->n == m->cap) {
    size_t ncap = m->cap ? m->cap * 2 : 8;
    se_map_entry *ne = realloc(m->entries, ncap * sizeof *ne);
    if (!ne) return false;
    m->entries = ne;
    m->cap = ncap;
  }
  if ((m->n + 1) * 2 > m->icap) {
    /* Compacting may be enough; grow when live entries need the room. */
    size_t icap = m->icap ? m->icap : 16;
    while ((m->live + 1) * 2 > icap / 2) icap *= 2;
    if (!reindex(m, icap)) return false;
  }
  size_t pos = m->n++;
  m->entries[pos] = (se_map_entry){key, hash, v};
  size_t j = (size_t)hash & (m->icap - 1);
  while (m->index[j]) j = (j + 1) & (m->icap - 1);
  m->index[j] = (uint32_t)(pos + 1);
  m->live++;
  return true;
}

bool se__map_del(se_map *m, const void *key, uint64_t hash) {
  se_map_entry *e = se__map_find(m, key, hash);
  if (!e) return false;
  e->key = NULL;
  m->live--;
  /* Rebuild so probe chains stay intact (deletes are rare). If that runs
   * out of memory the old index still finds every live key: the deleted
   * slot keeps its position with key NULL and never matches. */
  (void)reindex(m, m->icap);
  return true;
}

bool se__map_copy(se_map *dst, const se_map *src) {
  se__map_free(dst);
  SE_MAP_EACH(src, e) {
    if (!se__map_put(dst, e->key, e->hash, e->val)) return false;
  }
  return true;
}

size_t se__map_pos(const se_map *m, const se_map_entry *e) {
  size_t pos = 0;
  for (const se_map_entry *x = m->entries; x < e; x++)
    if (x->key) pos++;
  return pos;
}

bool se__map_insert_at(se_map *m, size_t pos, const void *key, uint64_t hash, se_mapval v) {
  if (!se__map_put(m, key, hash, v)) return false;
  /* The new entry is last; compact, then rotate it into place. */
  if (!reindex(m, m->icap)) return false;
  if (pos >= m->n - 1) return true;
  se_map_entry last = m->entries[m->n - 1];
  memmove(m->entries + pos + 1, m->entries + pos, (m->n - 1 - pos) * sizeof *m->entries);
  m->entries[pos] = last;
  return reindex(m, m->icap);
}
