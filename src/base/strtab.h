/* Interned strings owned by the context: equal text, equal pointer. Used
 * for FX node names, messages and source names. */
#ifndef SE_STRTAB_H
#define SE_STRTAB_H

#include "base/base.h"

/* The interned copy of s[0..n) (NUL-terminated), or NULL when out of memory
 * (recorded in ctx). Lives until se_ctx_free. */
const char *se__str_intern(se_ctx *ctx, const char *s, size_t n);
/* The interned string equal to s[0..n) if it exists, else NULL. */
const char *se__str_lookup(se_ctx *ctx, const char *s, size_t n);
/* Hash of an interned string (same as the table uses). */
uint64_t se__str_hash(const char *s, size_t n);

#endif
