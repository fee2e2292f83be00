/* The translation-validation FX graph of an environment (spec shapeenv
 * 4.13): placeholders for source symbols and unbacked symbols, and one
 * call_function node per distinct (target, args), named the way torch.fx
 * names nodes. Only kept when env->opt.translation_validation is on.
 *
 * Every change goes through the se__st_* writers, so a failed public call
 * drops the nodes it created. Besides node keys, fx_node_cache (not state)
 * holds the namespace's bookkeeping under keys that cannot be node keys:
 *   "\x01" base  -> FX's _base_count[base]
 *   "\x02" name  -> 1: the name is taken (erased nodes keep their names)
 *   "\x03" sym   -> placeholder of symbol sym
 *   target(args) -> call_function node
 * A node is live while name_to_node maps its name to it (se__fx_live);
 * se__fx_remove only drops that entry, so a rollback restores it exactly. */
#include <stdlib.h>
#include <string.h>

#include "base/strtab.h"
#include "env/env.h"
#include "env/fx.h"

/* Python keywords and builtins plus FX's registered globals: a node may not
 * take one of these names without a numeric suffix. Sorted (strcmp). */
/* clang-format off */
static const char *const illegal_names[] = {
  "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "BaseExceptionGroup",
  "BlockingIOError", "BrokenPipeError", "BufferError", "BytesWarning", "ChildProcessError",
  "ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError", "ConnectionResetError",
  "DeprecationWarning", "EOFError", "Ellipsis", "EncodingWarning", "EnvironmentError",
  "Exception", "ExceptionGroup", "False", "FileExistsError", "FileNotFoundError",
  "FloatingPointError", "FutureWarning", "GeneratorExit", "IOError", "ImportError",
  "ImportWarning", "IndentationError", "IndexError", "InterruptedError", "IsADirectoryError",
  "KeyError", "KeyboardInterrupt", "LookupError", "MemoryError", "ModuleNotFoundError",
  "NameError", "None", "NoneType", "NotADirectoryError", "NotImplemented", "NotImplementedError",
  "OSError", "OverflowError", "PendingDeprecationWarning", "PermissionError",
  "ProcessLookupError", "RecursionError", "ReferenceError", "ResourceWarning", "RuntimeError",
  "RuntimeWarning", "StopAsyncIteration", "StopIteration", "SyntaxError", "SyntaxWarning",
  "SystemError", "SystemExit", "TabError", "TimeoutError", "True", "TypeError",
  "UnboundLocalError", "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeError",
  "UnicodeTranslateError", "UnicodeWarning", "UserWarning", "ValueError", "Warning",
  "ZeroDivisionError", "__build_class__", "__debug__", "__doc__", "__import__", "__loader__",
  "__name__", "__package__", "__spec__", "abs", "aiter", "all", "and", "anext", "any", "as",
  "ascii", "assert", "async", "await", "bin", "bool", "break", "breakpoint", "bytearray",
  "bytes", "callable", "chr", "class", "classmethod", "compile", "complex", "continue",
  "copyright", "credits", "def", "del", "delattr", "device", "dict", "dir", "divmod", "elif",
  "else", "enumerate", "eval", "except", "exec", "exit", "filter", "finally", "float", "for",
  "format", "from", "frozenset", "fx_pytree", "getattr", "global", "globals", "hasattr", "hash",
  "help", "hex", "id", "if", "import", "in", "inf", "input", "int", "is", "isinstance",
  "issubclass", "iter", "lambda", "len", "license", "list", "locals", "map", "max", "memoryview",
  "min", "nan", "next", "nonlocal", "not", "object", "oct", "open", "or", "ord", "pass", "pow",
  "print", "property", "pytree", "quit", "raise", "range", "repr", "return", "reversed", "round",
  "set", "setattr", "slice", "sorted", "staticmethod", "str", "sum", "super", "torch", "try",
  "tuple", "type", "vars", "while", "with", "yield", "zip",
};
/* clang-format on */

static int cmp_name(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool is_illegal(const char *s) {
  return bsearch(&s, illegal_names, sizeof illegal_names / sizeof illegal_names[0],
                 sizeof illegal_names[0], cmp_name) != NULL;
}

static bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* ---- fx_node_cache bookkeeping ------------------------------------------------ */

/* The entry for prefix+text in fx_node_cache, or NULL. */
static se_map_entry *cache_find(se_env *env, char prefix, const char *text) {
  se_buf b;
  se__buf_init(&b);
  if (prefix) se__buf_putc(&b, prefix);
  se__buf_puts(&b, text);
  if (b.oom || !b.p) {
    se__buf_free(&b);
    return NULL;
  }
  const char *k = se__str_lookup(env->ctx, b.p, b.len);
  uint64_t h = se__str_hash(b.p, b.len);
  se__buf_free(&b);
  return k ? se__map_find(&env->fx_node_cache, k, h) : NULL;
}

static bool cache_put(se_env *env, char prefix, const char *text, int64_t v) {
  se_buf b;
  se__buf_init(&b);
  if (prefix) se__buf_putc(&b, prefix);
  se__buf_puts(&b, text);
  if (b.oom || !b.p) {
    se__buf_free(&b);
    se__fail(env->ctx, SE_NOMEM, "out of memory naming a graph node");
    return false;
  }
  const char *k = se__str_intern(env->ctx, b.p, b.len);
  uint64_t h = se__str_hash(b.p, b.len);
  se__buf_free(&b);
  return k && se__st_put(env, &env->fx_node_cache, k, h, (se_mapval){.i = v});
}

static bool name_used(se_env *env, const char *name) {
  /* The graph's output node is created with the graph and holds "output". */
  return strcmp(name, "output") == 0 || cache_find(env, '\x02', name) != NULL;
}

/* ---- FX naming ------------------------------------------------------------------ */

/* Graph._target_to_str: a string target loses a __magic__ wrapping; then
 * snake case (an underscore before an upper-case letter that follows a
 * lower-case one) and lower case. */
static void target_to_str(se_buf *out, const char *target, bool string_target) {
  size_t n = strlen(target);
  const char *s = target;
  if (string_target && n >= 4 && memcmp(s, "__", 2) == 0 && memcmp(s + n - 2, "__", 2) == 0) {
    s += 2;
    n -= 4;
  }
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') {
      if (i > 0 && s[i - 1] >= 'a' && s[i - 1] <= 'z') se__buf_putc(out, '_');
      c = (char)(c - 'A' + 'a');
    }
    se__buf_putc(out, c);
  }
}

/* Splits a valid identifier like FX's name pattern: base is the shortest
 * prefix such that the rest is empty or "_<digits>". *num is -1 for no
 * suffix (a suffix too long for int64 counts as none). */
static size_t split_suffix(const char *s, int64_t *num) {
  size_t n = strlen(s), k = n;
  while (k > 0 && s[k - 1] >= '0' && s[k - 1] <= '9') k--;
  *num = -1;
  if (k == n || k < 2 || s[k - 1] != '_' || n - k > 18) return n;
  int64_t v = 0;
  for (size_t i = k; i < n; i++) v = v * 10 + (s[i] - '0');
  *num = v;
  return k - 1;
}

static bool valid_identifier(const char *s) {
  if (!*s || (*s >= '0' && *s <= '9')) return false;
  for (; *s; s++)
    if (!is_alnum(*s) && *s != '_') return false;
  return true;
}

/* _Namespace.create_name(candidate, None): the interned unique name, with
 * the namespace's state updated. NULL on failure (recorded). */
static const char *create_name(se_env *env, const char *cand_in) {
  se_buf c;
  se__buf_init(&c);
  if (valid_identifier(cand_in)) {
    se__buf_puts(&c, cand_in);
  } else {
    /* Runs of characters outside [0-9a-zA-Z_] become one underscore. */
    for (const char *p = cand_in; *p;) {
      if (is_alnum(*p) || *p == '_') {
        se__buf_putc(&c, *p++);
      } else {
        se__buf_putc(&c, '_');
        while (*p && !is_alnum(*p) && *p != '_') p++;
      }
    }
    if (!c.p || c.len == 0) {
      se__buf_free(&c);
      se__buf_init(&c);
      se__buf_puts(&c, "_unnamed");
    }
    if (c.p[0] >= '0' && c.p[0] <= '9') {
      se_buf d;
      se__buf_init(&d);
      se__buf_putc(&d, '_');
      se__buf_puts(&d, c.p);
      se__buf_free(&c);
      c = d;
    }
  }
  if (c.oom || !c.p) {
    se__buf_free(&c);
    se__fail(env->ctx, SE_NOMEM, "out of memory naming a graph node");
    return NULL;
  }
  int64_t num;
  size_t blen = split_suffix(c.p, &num);
  char *base = malloc(blen + 1);
  se_buf name;
  se__buf_init(&name);
  if (!base) {
    se__buf_free(&c);
    se__fail(env->ctx, SE_NOMEM, "out of memory naming a graph node");
    return NULL;
  }
  memcpy(base, c.p, blen);
  base[blen] = '\0';
  se__buf_puts(&name, c.p);
  if (num < 0 || name_used(env, name.p)) {
    se_map_entry *bc = cache_find(env, '\x01', c.p);
    num = bc ? bc->val.i : 0;
    if (is_illegal(name.p)) {
      num++;
      se__buf_free(&name);
      se__buf_init(&name);
      se__buf_printf(&name, "%s_%lld", base, (long long)num);
    }
  }
  while (!name.oom && name_used(env, name.p)) {
    num++;
    se__buf_free(&name);
    se__buf_init(&name);
    se__buf_printf(&name, "%s_%lld", base, (long long)num);
  }
  const char *out = NULL;
  if (!name.oom && name.p)
    out = se__str_intern(env->ctx, name.p, name.len);
  else
    se__fail(env->ctx, SE_NOMEM, "out of memory naming a graph node");
  if (out && !(cache_put(env, '\x02', out, 1) && cache_put(env, '\x01', base, num)))
    out = NULL;
  free(base);
  se__buf_free(&c);
  se__buf_free(&name);
  return out;
}

/* ---- nodes ------------------------------------------------------------------------ */

/* Appends node n (name already chosen) and registers it under its name. */
static int32_t add_node(se_env *env, se_fx_node *n) {
  if (env->fx_nodes.n >= (size_t)INT32_MAX) {
    se__fail(env->ctx, SE_OVERFLOW, "too many graph nodes");
    return -1;
  }
  int32_t idx = (int32_t)env->fx_nodes.n;
  if (!se__st_push(env, &env->fx_nodes, n)) return -1;
  if (!se__st_put(env, &env->name_to_node, n->name, se__str_hash(n->name, strlen(n->name)),
                  (se_mapval){.i = idx}))
    return -1;
  return idx;
}

/* _create_fx_placeholder_and_z3var's graph part: the placeholder of
 * symbol, created once per symbol; -1 when validation is off or on failure
 * (recorded). */
int32_t se__fx_placeholder(se_env *env, const se_expr *symbol) {
  if (!env || !symbol || !env->opt.translation_validation) return -1;
  if (symbol->kind != SE_K_SYMBOL) {
    se__fail(env->ctx, SE_INVALID, "a graph placeholder needs a symbol");
    return -1;
  }
  const char *sname = symbol->u.sym.name;
  se_map_entry *hit = cache_find(env, '\x03', sname);
  if (hit) return (int32_t)hit->val.i;
  /* ShapeEnv's own spelling: parentheses dropped, every other character
   * outside [a-zA-Z0-9] (one per code point) an underscore. */
  se_buf raw;
  se__buf_init(&raw);
  for (const unsigned char *p = (const unsigned char *)sname; *p; p++) {
    if (*p == '(' || *p == ')') continue;
    if ((*p & 0xc0) == 0x80) continue; /* UTF-8 continuation byte */
    se__buf_putc(&raw, is_alnum((char)*p) ? (char)*p : '_');
  }
  se_buf cand;
  se__buf_init(&cand);
  target_to_str(&cand, raw.p ? raw.p : "", true);
  se__buf_putc(&cand, '\0'); /* make sure p exists for an empty name */
  se__buf_free(&raw);
  if (cand.oom) {
    se__buf_free(&cand);
    se__fail(env->ctx, SE_NOMEM, "out of memory naming a graph node");
    return -1;
  }
  const char *name = create_name(env, cand.p);
  se__buf_free(&cand);
  if (!name) return -1;
  se_fx_node n;
  memset(&n, 0, sizeof n);
  n.name = name;
  n.target = se__str_intern(env->ctx, "placeholder", strlen("placeholder"));
  n.placeholder = true;
  n.symbol = symbol;
  n.event = -1;
  if (!n.target) return -1;
  int32_t idx = add_node(env, &n);
  if (idx < 0 || !cache_put(env, '\x03', sname, idx)) return -1;
  return idx;
}

/* The cache key text of one argument: node index, or the constant's value
 * normalised the way Python's dict sees it (True == 1 == 1.0). */
static void put_arg_key(se_buf *b, se_ctx *ctx, const se_fx_arg *a) {
  if (a->node >= 0) {
    se__buf_printf(b, "%%%d", (int)a->node);
    return;
  }
  const se_expr *v = a->value;
  double f;
  if (v->kind == SE_K_TRUE || v->kind == SE_K_FALSE) {
    se__buf_puts(b, v->kind == SE_K_TRUE ? "1" : "0");
  } else if (v->kind == SE_K_INTEGER) {
    se__buf_printf(b, "%lld", (long long)v->u.i);
  } else if (se_expr_float_value(v, &f) && f == (double)(long long)f && f > -9.2e18 &&
             f < 9.2e18) {
    se__buf_printf(b, "%lld", (long long)f);
  } else if (se_expr_float_value(v, &f)) {
    se__buf_printf(b, "%.17g", f);
  } else {
    char *s = se_expr_str(ctx, v);
    se__buf_puts(b, s ? s : "?");
    se_free(s);
  }
}

/* _create_fx_call_function: the node target(args), cached by target and
 * arguments; -1 when validation is off, an argument is None (no error) or
 * on failure (recorded). *fresh (may be NULL) says it was created now. */
int32_t se__fx_call(se_env *env, const char *target, const se_fx_arg *args, size_t n,
                    bool *fresh) {
  if (fresh) *fresh = false;
  if (!env || !target || !env->opt.translation_validation) return -1;
  if (n > 3 || (n && !args)) {
    se__fail(env->ctx, SE_INVALID, "a graph call takes at most 3 arguments");
    return -1;
  }
  for (size_t i = 0; i < n; i++) {
    if (args[i].node < 0 && !args[i].value) return -1; /* an argument is None */
    if (args[i].node >= 0 && (size_t)args[i].node >= env->fx_nodes.n) {
      se__fail(env->ctx, SE_INVALID, "graph call argument %d is not a node",
               (int)args[i].node);
      return -1;
    }
  }
  se_buf key;
  se__buf_init(&key);
  se__buf_puts(&key, target);
  se__buf_putc(&key, '(');
  for (size_t i = 0; i < n; i++) {
    if (i) se__buf_putc(&key, ',');
    put_arg_key(&key, env->ctx, &args[i]);
  }
  se__buf_putc(&key, ')');
  if (key.oom) {
    se__buf_free(&key);
    se__fail(env->ctx, SE_NOMEM, "out of memory building a graph node key");
    return -1;
  }
  se_map_entry *hit = cache_find(env, 0, key.p);
  if (hit) {
    se__buf_free(&key);
    return (int32_t)hit->val.i;
  }
  se_buf cand;
  se__buf_init(&cand);
  target_to_str(&cand, target, false);
  se__buf_putc(&cand, '\0');
  const char *name = cand.oom ? NULL : create_name(env, cand.p);
  if (cand.oom) se__fail(env->ctx, SE_NOMEM, "out of memory naming a graph node");
  se__buf_free(&cand);
  se_fx_node node;
  memset(&node, 0, sizeof node);
  node.name = name;
  node.target = se__str_intern(env->ctx, target, strlen(target));
  node.nargs = n;
  for (size_t i = 0; i < n; i++) {
    node.args[i].node = args[i].node;
    node.args[i].value = args[i].node >= 0 ? NULL : args[i].value;
  }
  node.event = env->cur_event; /* meta["shapeenv_event"]: the event being run */
  node.current_node = env->current_node; /* meta["current_node"] */
  int32_t idx = -1;
  if (name && node.target) idx = add_node(env, &node);
  if (idx >= 0 && !cache_put(env, 0, key.p, idx)) idx = -1;
  se__buf_free(&key);
  if (idx >= 0 && fresh) *fresh = true;
  return idx;
}

/* _remove_fx_node: takes a live node out of name_to_node (undo-logged);
 * its name stays taken and its cache entry stays, as in PyTorch. */
void se__fx_remove(se_env *env, int32_t node) {
  if (!env || node < 0 || (size_t)node >= env->fx_nodes.n) return;
  const se_fx_node *n = &SE_VEC_AT(&env->fx_nodes, se_fx_node, node);
  if (!se__fx_live(env, node)) return;
  se__st_del(env, &env->name_to_node, n->name, se__str_hash(n->name, strlen(n->name)));
}

/* See fx.h. */
bool se__fx_live(const se_env *env, int32_t node) {
  if (!env || node < 0 || (size_t)node >= env->fx_nodes.n) return false;
  const se_fx_node *n = &SE_VEC_AT(&env->fx_nodes, se_fx_node, node);
  se_map_entry *e =
      se__map_find(&env->name_to_node, n->name, se__str_hash(n->name, strlen(n->name)));
  return e && e->val.i == node;
}
