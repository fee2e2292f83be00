/* Sources: where a value came from (Dynamo's Source dataclasses), interned
 * per context so that equal sources are the same pointer. A source knows
 * its name (Source.name(), the text guards print) and its dataclass repr
 * (what NotEqualError prints for var_to_sources); se_source_parse reads a
 * name back, which is how the event log stores sources.
 *
 * Interning is structural (kind, base, index, identifier), so
 * ConstantSource("L['x']") and LocalSource("x") stay distinct although
 * their names are equal; the hash kept in every source is the hash of its
 * name, which is what the environment's maps use. */
#include <stdlib.h>
#include <string.h>

#include "base/strtab.h"
#include "env/env.h"

/* The per-context table: open addressing over arena-owned sources. */
typedef struct srctab {
  const se_source **slots; /* NULL = empty */
  size_t cap;              /* power of two */
  size_t count;            /* sources interned */
} srctab;

static void srctab_free(void *p) {
  srctab *t = p;
  free(t->slots);
  free(t);
}

static srctab *srctab_get(se_ctx *ctx) {
  srctab *t = ctx->ext[SE_EXT_SOURCES];
  if (t) return t;
  t = calloc(1, sizeof *t);
  if (!t) return NULL;
  t->cap = 64;
  t->slots = calloc(t->cap, sizeof *t->slots);
  if (!t->slots) {
    free(t);
    return NULL;
  }
  ctx->ext[SE_EXT_SOURCES] = t;
  ctx->ext_free[SE_EXT_SOURCES] = srctab_free;
  return t;
}

static bool is_chained(se_source_kind k) { return k >= SE_SRC_SIZE; }

/* ---- Python text helpers ------------------------------------------------- */

/* Appends Python's repr() of the UTF-8 string s: single quotes unless the
 * text holds a single quote and no double quote; backslash escapes for the
 * quote, backslash, \t \n \r and other control characters (including the
 * C1 controls U+0080..U+009F, which Python does not print either). */
static void put_pyrepr(se_buf *b, const char *s) {
  char q = (strchr(s, '\'') && !strchr(s, '"')) ? '"' : '\'';
  se__buf_putc(b, q);
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    unsigned c = *p;
    if (c == (unsigned char)q || c == '\\') {
      se__buf_putc(b, '\\');
      se__buf_putc(b, (char)c);
    } else if (c == '\t') {
      se__buf_puts(b, "\\t");
    } else if (c == '\n') {
      se__buf_puts(b, "\\n");
    } else if (c == '\r') {
      se__buf_puts(b, "\\r");
    } else if (c < 0x20 || c == 0x7f) {
      se__buf_printf(b, "\\x%02x", c);
    } else if (c == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
      se__buf_printf(b, "\\x%02x", (unsigned)p[1]);
      p++;
    } else {
      se__buf_putc(b, (char)c);
    }
  }
  se__buf_putc(b, q);
}

/* str.isidentifier() for ASCII; bytes >= 0x80 count as identifier
 * characters (Python accepts most letters of other scripts). */
static bool is_identifier(const char *s) {
  const unsigned char *p = (const unsigned char *)s;
  if (!*p || (*p >= '0' && *p <= '9')) return false;
  for (; *p; p++) {
    unsigned c = *p;
    bool ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c >= 0x80;
    if (!ok) return false;
  }
  return true;
}

/* ---- names and interning ---------------------------------------------------- */

/* Source.name() of a source with these fields (base already interned). */
static void put_name(se_buf *b, se_source_kind kind, const se_source *base, int64_t idx,
                     const char *ident) {
  switch (kind) {
  case SE_SRC_LOCAL:
    se__buf_puts(b, "L[");
    put_pyrepr(b, ident);
    se__buf_putc(b, ']');
    break;
  case SE_SRC_GLOBAL:
    se__buf_puts(b, "G[");
    put_pyrepr(b, ident);
    se__buf_putc(b, ']');
    break;
  case SE_SRC_CONSTANT: se__buf_puts(b, ident); break;
  case SE_SRC_EPHEMERAL:
    se__buf_puts(b, "<ephemeral");
    if (ident) {
      se__buf_puts(b, ": ");
      se__buf_puts(b, ident);
    }
    se__buf_putc(b, '>');
    break;
  case SE_SRC_SIZE: se__buf_printf(b, "%s.size()[%lld]", base->name, (long long)idx); break;
  case SE_SRC_STRIDE:
    se__buf_printf(b, "%s.stride()[%lld]", base->name, (long long)idx);
    break;
  case SE_SRC_STORAGE_OFFSET: se__buf_printf(b, "%s.storage_offset()", base->name); break;
  case SE_SRC_ITEM: se__buf_printf(b, "%s[%lld]", base->name, (long long)idx); break;
  case SE_SRC_ATTR:
    if (is_identifier(ident)) {
      se__buf_printf(b, "%s.%s", base->name, ident);
    } else {
      se__buf_printf(b, "getattr(%s, ", base->name);
      put_pyrepr(b, ident);
      se__buf_putc(b, ')');
    }
    break;
  }
}

static bool same_fields(const se_source *s, se_source_kind kind, const se_source *base,
                        int64_t idx, const char *ident) {
  return s->kind == kind && s->base == base && s->idx == idx && s->ident == ident;
}

static bool srctab_grow(srctab *t) {
  size_t ncap = t->cap * 2;
  const se_source **ns = calloc(ncap, sizeof *ns);
  if (!ns) return false;
  for (size_t i = 0; i < t->cap; i++) {
    const se_source *s = t->slots[i];
    if (!s) continue;
    size_t j = (size_t)s->hash & (ncap - 1);
    while (ns[j]) j = (j + 1) & (ncap - 1);
    ns[j] = s;
  }
  free(t->slots);
  t->slots = ns;
  t->cap = ncap;
  return true;
}

/* The interned source kind(base, idx, ident). ident is copied (interned);
 * for STORAGE_OFFSET idx is ignored, for non-indexed kinds too. NULL with
 * SE_INVALID for a missing base/identifier, SE_NOMEM when out of memory. */
const se_source *se__source_make(se_ctx *ctx, se_source_kind kind, const se_source *base,
                                 int64_t idx, const char *ident) {
  if (!ctx) return NULL;
  if (is_chained(kind) && !base) {
    se__fail(ctx, SE_INVALID, "a chained source needs a base source");
    return NULL;
  }
  if (!is_chained(kind)) base = NULL;
  bool needs_ident = kind == SE_SRC_LOCAL || kind == SE_SRC_GLOBAL ||
                     kind == SE_SRC_CONSTANT || kind == SE_SRC_ATTR;
  if (needs_ident && !ident) {
    se__fail(ctx, SE_INVALID, "source name must not be NULL");
    return NULL;
  }
  if (kind != SE_SRC_SIZE && kind != SE_SRC_STRIDE && kind != SE_SRC_ITEM) idx = 0;
  if (kind != SE_SRC_ATTR && is_chained(kind)) ident = NULL;
  if (ident) {
    ident = se__str_intern(ctx, ident, strlen(ident));
    if (!ident) return NULL;
  }

  se_buf b;
  se__buf_init(&b);
  put_name(&b, kind, base, idx, ident);
  if (b.oom || !b.p) {
    se__buf_free(&b);
    se__fail(ctx, SE_NOMEM, "out of memory naming a source");
    return NULL;
  }
  const char *name = se__str_intern(ctx, b.p, b.len);
  size_t nlen = b.len;
  se__buf_free(&b);
  if (!name) return NULL;
  uint64_t h = se__str_hash(name, nlen);

  srctab *t = srctab_get(ctx);
  if (!t) {
    se__fail(ctx, SE_NOMEM, "out of memory interning a source");
    return NULL;
  }
  size_t j = (size_t)h & (t->cap - 1);
  for (const se_source *s; (s = t->slots[j]) != NULL; j = (j + 1) & (t->cap - 1))
    if (s->hash == h && same_fields(s, kind, base, idx, ident)) return s;
  if ((t->count + 1) * 2 > t->cap) {
    if (!srctab_grow(t)) {
      se__fail(ctx, SE_NOMEM, "out of memory interning a source");
      return NULL;
    }
    j = (size_t)h & (t->cap - 1);
    while (t->slots[j]) j = (j + 1) & (t->cap - 1);
  }
  se_source *s = se__arena_alloc(&ctx->arena, sizeof *s);
  if (!s) {
    se__fail(ctx, SE_NOMEM, "out of memory interning a source");
    return NULL;
  }
  s->kind = kind;
  s->base = base;
  s->idx = idx;
  s->ident = ident;
  s->name = name;
  s->hash = h;
  s->ephemeral = kind == SE_SRC_EPHEMERAL || (base && base->ephemeral);
  t->slots[j] = s;
  t->count++;
  return s;
}

/* ---- public constructors ---------------------------------------------------- */

/* The public constructors (shapeenv.h): the interned source, living until
 * se_ctx_free; NULL when a base is NULL (nothing new recorded) or when out
 * of memory / given a NULL name (recorded). */
const se_source *se_source_local(se_ctx *ctx, const char *name) {
  return se__source_make(ctx, SE_SRC_LOCAL, NULL, 0, name);
}

const se_source *se_source_global(se_ctx *ctx, const char *name) {
  return se__source_make(ctx, SE_SRC_GLOBAL, NULL, 0, name);
}

const se_source *se_source_constant(se_ctx *ctx, const char *name) {
  return se__source_make(ctx, SE_SRC_CONSTANT, NULL, 0, name);
}

/* name NULL is EphemeralSource(desc=None), named "<ephemeral>". */
const se_source *se_source_ephemeral(se_ctx *ctx, const char *name) {
  return se__source_make(ctx, SE_SRC_EPHEMERAL, NULL, 0, name);
}

const se_source *se_source_size(se_ctx *ctx, const se_source *base, int64_t i) {
  if (!base) return NULL;
  return se__source_make(ctx, SE_SRC_SIZE, base, i, NULL);
}

const se_source *se_source_stride(se_ctx *ctx, const se_source *base, int64_t i) {
  if (!base) return NULL;
  return se__source_make(ctx, SE_SRC_STRIDE, base, i, NULL);
}

const se_source *se_source_storage_offset(se_ctx *ctx, const se_source *base) {
  if (!base) return NULL;
  return se__source_make(ctx, SE_SRC_STORAGE_OFFSET, base, 0, NULL);
}

const se_source *se_source_item(se_ctx *ctx, const se_source *base, int64_t i) {
  if (!base) return NULL;
  return se__source_make(ctx, SE_SRC_ITEM, base, i, NULL);
}

/* AttrSource splits a dotted member: attr(b, "a.b") is attr(attr(b, "a"), "b"),
 * as the dataclass's __post_init__ does. */
const se_source *se_source_attr(se_ctx *ctx, const se_source *base, const char *member) {
  if (!base) return NULL;
  if (!ctx) return NULL;
  if (!member) {
    se__fail(ctx, SE_INVALID, "attribute name must not be NULL");
    return NULL;
  }
  const char *dot = strrchr(member, '.');
  if (!dot) return se__source_make(ctx, SE_SRC_ATTR, base, 0, member);
  size_t n = (size_t)(dot - member);
  char *head = malloc(n + 1);
  if (!head) {
    se__fail(ctx, SE_NOMEM, "out of memory splitting an attribute name");
    return NULL;
  }
  memcpy(head, member, n);
  head[n] = '\0';
  const se_source *inner = se_source_attr(ctx, base, head);
  free(head);
  if (!inner) return NULL;
  return se__source_make(ctx, SE_SRC_ATTR, inner, 0, dot + 1);
}

/* The interned name (borrowed); NULL for NULL. */
const char *se_source_name(const se_source *src) { return src ? src->name : NULL; }

/* ---- repr ------------------------------------------------------------------- */

static void put_repr(se_buf *b, const se_source *s) {
  switch (s->kind) {
  case SE_SRC_LOCAL:
    se__buf_puts(b, "LocalSource(local_name=");
    put_pyrepr(b, s->ident);
    se__buf_puts(b, ", is_input=False, dynamism=None, is_derefed_cell_contents=False)");
    break;
  case SE_SRC_GLOBAL:
    se__buf_puts(b, "GlobalSource(global_name=");
    put_pyrepr(b, s->ident);
    se__buf_putc(b, ')');
    break;
  case SE_SRC_CONSTANT:
    se__buf_puts(b, "ConstantSource(source_name=");
    put_pyrepr(b, s->ident);
    se__buf_putc(b, ')');
    break;
  case SE_SRC_EPHEMERAL:
    se__buf_puts(b, "EphemeralSource(desc=");
    if (s->ident) {
      put_pyrepr(b, s->ident);
    } else {
      se__buf_puts(b, "None");
    }
    se__buf_putc(b, ')');
    break;
  case SE_SRC_SIZE:
  case SE_SRC_STRIDE:
  case SE_SRC_STORAGE_OFFSET:
    se__buf_puts(b, "TensorPropertySource(base=");
    put_repr(b, s->base);
    if (s->kind == SE_SRC_SIZE) {
      se__buf_printf(b, ", prop=<TensorProperty.SIZE: 0>, idx=%lld)", (long long)s->idx);
    } else if (s->kind == SE_SRC_STRIDE) {
      se__buf_printf(b, ", prop=<TensorProperty.STRIDE: 1>, idx=%lld)", (long long)s->idx);
    } else {
      se__buf_puts(b, ", prop=<TensorProperty.STORAGE_OFFSET: 2>, idx=None)");
    }
    break;
  case SE_SRC_ITEM:
    se__buf_puts(b, "GetItemSource(base=");
    put_repr(b, s->base);
    se__buf_printf(b, ", index=%lld, index_is_slice=False)", (long long)s->idx);
    break;
  case SE_SRC_ATTR:
    se__buf_puts(b, "AttrSource(base=");
    put_repr(b, s->base);
    se__buf_puts(b, ", member=");
    put_pyrepr(b, s->ident);
    se__buf_putc(b, ')');
    break;
  }
}

/* The dataclass repr, caller-owned (se_free); NULL on NULL input or when
 * out of memory (recorded). */
char *se_source_repr(se_ctx *ctx, const se_source *src) {
  if (!ctx || !src) return NULL;
  se_buf b;
  se__buf_init(&b);
  put_repr(&b, src);
  char *out = se__buf_take(&b);
  if (!out) se__fail(ctx, SE_NOMEM, "out of memory printing a source");
  return out;
}

/* ---- parsing names back -------------------------------------------------------- */

typedef struct parser {
  se_ctx *ctx;
  const char *text; /* the whole name */
  const char *p;    /* current position */
  const char *end;  /* end of the text this parser may read */
  bool failed;      /* an error was recorded */
} parser;

static const se_source *parse_fail(parser *ps, const char *what) {
  if (!ps->failed)
    se__fail(ps->ctx, SE_PARSE, "not a source name: %s (%s at offset %ld)", ps->text, what,
             (long)(ps->p - ps->text));
  ps->failed = true;
  return NULL;
}

static bool eat(parser *ps, const char *lit) {
  size_t n = strlen(lit);
  if ((size_t)(ps->end - ps->p) < n || memcmp(ps->p, lit, n) != 0) return false;
  ps->p += n;
  return true;
}

/* Appends the UTF-8 encoding of code point c. */
static void put_utf8(se_buf *b, unsigned long c) {
  if (c < 0x80) {
    se__buf_putc(b, (char)c);
  } else if (c < 0x800) {
    se__buf_putc(b, (char)(0xc0 | (c >> 6)));
    se__buf_putc(b, (char)(0x80 | (c & 0x3f)));
  } else if (c < 0x10000) {
    se__buf_putc(b, (char)(0xe0 | (c >> 12)));
    se__buf_putc(b, (char)(0x80 | ((c >> 6) & 0x3f)));
    se__buf_putc(b, (char)(0x80 | (c & 0x3f)));
  } else {
    se__buf_putc(b, (char)(0xf0 | (c >> 18)));
    se__buf_putc(b, (char)(0x80 | ((c >> 12) & 0x3f)));
    se__buf_putc(b, (char)(0x80 | ((c >> 6) & 0x3f)));
    se__buf_putc(b, (char)(0x80 | (c & 0x3f)));
  }
}

static int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* A Python string literal ('...' or "...") as repr() writes it; the
 * unescaped text goes to out (initialised by the caller, who frees it). */
static bool parse_pystr(parser *ps, se_buf *out) {
  if (ps->p >= ps->end || (*ps->p != '\'' && *ps->p != '"')) return false;
  char q = *ps->p++;
  se__buf_puts(out, "");
  while (ps->p < ps->end && *ps->p != q) {
    char c = *ps->p++;
    if (c != '\\') {
      se__buf_putc(out, c);
      continue;
    }
    if (ps->p >= ps->end) return false;
    char e = *ps->p++;
    int digits = 0;
    switch (e) {
    case 'n': se__buf_putc(out, '\n'); break;
    case 't': se__buf_putc(out, '\t'); break;
    case 'r': se__buf_putc(out, '\r'); break;
    case '\\': se__buf_putc(out, '\\'); break;
    case '\'': se__buf_putc(out, '\''); break;
    case '"': se__buf_putc(out, '"'); break;
    case 'x': digits = 2; break;
    case 'u': digits = 4; break;
    case 'U': digits = 8; break;
    default: return false;
    }
    if (digits) {
      unsigned long v = 0;
      for (int i = 0; i < digits; i++) {
        if (ps->p >= ps->end || hexval(*ps->p) < 0) return false;
        v = v * 16 + (unsigned long)hexval(*ps->p++);
      }
      if (v > 0x10ffff || v == 0) return false;
      put_utf8(out, v);
    }
  }
  if (ps->p >= ps->end) return false;
  ps->p++;
  return !out->oom;
}

static bool parse_int(parser *ps, int64_t *out) {
  bool neg = eat(ps, "-");
  if (ps->p >= ps->end || *ps->p < '0' || *ps->p > '9') return false;
  int64_t v = 0;
  while (ps->p < ps->end && *ps->p >= '0' && *ps->p <= '9') {
    int d = *ps->p++ - '0';
    if (!se__mul_i64(v, 10, &v) || !se__add_i64(v, neg ? -d : d, &v)) return false;
  }
  *out = v;
  return true;
}

static bool ident_char(char c) {
  return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || (unsigned char)c >= 0x80;
}

static const se_source *parse_source(parser *ps);

/* A name with a string-literal argument: L['x'], G['x']. */
static const se_source *parse_subscript_name(parser *ps, se_source_kind kind) {
  se_buf s;
  se__buf_init(&s);
  if (!parse_pystr(ps, &s) || !eat(ps, "]")) {
    se__buf_free(&s);
    return parse_fail(ps, "expected a string literal and ']'");
  }
  const se_source *r = se__source_make(ps->ctx, kind, NULL, 0, s.p);
  se__buf_free(&s);
  if (!r) ps->failed = true;
  return r;
}

static const se_source *parse_primary(parser *ps) {
  if (eat(ps, "L[")) return parse_subscript_name(ps, SE_SRC_LOCAL);
  if (eat(ps, "G[")) return parse_subscript_name(ps, SE_SRC_GLOBAL);
  if (eat(ps, "<ephemeral>")) return se__source_make(ps->ctx, SE_SRC_EPHEMERAL, NULL, 0, NULL);
  if (eat(ps, "<ephemeral: ")) {
    /* The description runs to the last '>' of the text. */
    const char *close = NULL;
    for (const char *q = ps->p; q < ps->end; q++)
      if (*q == '>') close = q;
    if (!close) return parse_fail(ps, "unterminated ephemeral source");
    size_t n = (size_t)(close - ps->p);
    char *desc = malloc(n + 1);
    if (!desc) {
      se__fail(ps->ctx, SE_NOMEM, "out of memory parsing a source");
      ps->failed = true;
      return NULL;
    }
    memcpy(desc, ps->p, n);
    desc[n] = '\0';
    ps->p = close + 1;
    const se_source *r = se__source_make(ps->ctx, SE_SRC_EPHEMERAL, NULL, 0, desc);
    free(desc);
    return r;
  }
  if (eat(ps, "getattr(")) {
    /* getattr(<source>, '<member>'): the member literal is the last
     * ", '" / ", \"" of the call; parse the base inside those bounds. */
    const char *sep = NULL;
    for (const char *q = ps->p; q + 2 < ps->end; q++)
      if (q[0] == ',' && q[1] == ' ' && (q[2] == '\'' || q[2] == '"')) sep = q;
    if (!sep) return parse_fail(ps, "expected getattr(base, 'member')");
    parser sub = *ps;
    sub.end = sep;
    const se_source *base = parse_source(&sub);
    if (!base) {
      ps->failed = sub.failed;
      return sub.failed ? NULL : parse_fail(ps, "bad getattr base");
    }
    if (sub.p != sep) {
      ps->p = sub.p;
      return parse_fail(ps, "unexpected text in getattr base");
    }
    ps->p = sep + 2;
    se_buf m;
    se__buf_init(&m);
    if (!parse_pystr(ps, &m) || !eat(ps, ")")) {
      se__buf_free(&m);
      return parse_fail(ps, "expected a string literal and ')'");
    }
    const se_source *r = se__source_make(ps->ctx, SE_SRC_ATTR, base, 0, m.p);
    se__buf_free(&m);
    return r;
  }
  const char *start = ps->p;
  while (ps->p < ps->end && ident_char(*ps->p)) ps->p++;
  if (ps->p == start) return parse_fail(ps, "expected a source");
  size_t n = (size_t)(ps->p - start);
  char *id = malloc(n + 1);
  if (!id) {
    se__fail(ps->ctx, SE_NOMEM, "out of memory parsing a source");
    ps->failed = true;
    return NULL;
  }
  memcpy(id, start, n);
  id[n] = '\0';
  const se_source *r = se__source_make(ps->ctx, SE_SRC_CONSTANT, NULL, 0, id);
  free(id);
  return r;
}

static const se_source *parse_source(parser *ps) {
  const se_source *s = parse_primary(ps);
  while (s && ps->p < ps->end) {
    int64_t i;
    if (eat(ps, ".size()[")) {
      if (!parse_int(ps, &i) || !eat(ps, "]")) return parse_fail(ps, "bad size index");
      s = se__source_make(ps->ctx, SE_SRC_SIZE, s, i, NULL);
    } else if (eat(ps, ".stride()[")) {
      if (!parse_int(ps, &i) || !eat(ps, "]")) return parse_fail(ps, "bad stride index");
      s = se__source_make(ps->ctx, SE_SRC_STRIDE, s, i, NULL);
    } else if (eat(ps, ".storage_offset()")) {
      s = se__source_make(ps->ctx, SE_SRC_STORAGE_OFFSET, s, 0, NULL);
    } else if (eat(ps, "[")) {
      if (!parse_int(ps, &i) || !eat(ps, "]")) return parse_fail(ps, "bad item index");
      s = se__source_make(ps->ctx, SE_SRC_ITEM, s, i, NULL);
    } else if (eat(ps, ".")) {
      const char *start = ps->p;
      while (ps->p < ps->end && ident_char(*ps->p)) ps->p++;
      if (ps->p == start) return parse_fail(ps, "expected an attribute name");
      size_t n = (size_t)(ps->p - start);
      char *m = malloc(n + 1);
      if (!m) {
        se__fail(ps->ctx, SE_NOMEM, "out of memory parsing a source");
        ps->failed = true;
        return NULL;
      }
      memcpy(m, start, n);
      m[n] = '\0';
      s = se__source_make(ps->ctx, SE_SRC_ATTR, s, 0, m);
      free(m);
    } else {
      return parse_fail(ps, "unexpected text");
    }
  }
  if (!s) ps->failed = true;
  return s;
}

/* Reads a source name back (any form put_name writes; constants must be
 * runs of [A-Za-z0-9_] or non-ASCII bytes). NULL with SE_PARSE naming the
 * text and offset when it is not one. */
const se_source *se_source_parse(se_ctx *ctx, const char *name) {
  if (!ctx || !name) return NULL;
  parser ps = {ctx, name, name, name + strlen(name), false};
  /* Other spellings of the same source (L["x"] for L['x']) are accepted. */
  return parse_source(&ps);
}
