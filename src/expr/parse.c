/* The SymPy text parser: reads what SymPy's str() prints (and what sympify
 * accepts for our grammar) and builds the expression exactly as sympify
 * would, one evaluating constructor call per operator, innermost first, in
 * Python's operator precedence.
 *
 * Grammar (Python's, restricted to what our node kinds can express):
 *   comparison := bitor [('<' | '<=' | '>' | '>=') bitor]
 *   bitor      := bitand ('|' bitand)*            Or, or bitwise | of Integers
 *   bitand     := sum ('&' sum)*                  And, or bitwise & of Integers
 *   sum        := term (('+' | '-') term)*
 *   term       := ['-'] unary (('*' | '/' | '//' | '%') unary)*   see parse_term
 *   unary      := ('-' | '+' | '~') unary | power
 *   power      := primary [('**' | '^') unary]    right associative
 *   primary    := number | name | name '(' args ')' | '(' comparison ')'
 * '^' is '**' (sympify's convert_xor). '//' builds FloorDiv (our printer's
 * form of it), '%' SymPy's Mod; the call Mod(a, b) is PyTorch's Mod.
 *
 * Errors: SE_PARSE with "line L, column C: ..." (1-based, C counts bytes
 * from the start of the line). A constructor that fails while parsing keeps
 * its status; its message gets the position of the operator or call. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expr/expr.h"
#include "expr/parse.h"

/* Deepest nesting of parentheses, calls, unary operators and '**' chains. */
#define PARSE_MAX_DEPTH 1000
/* Most arguments in one call (Min/Max/And/Or/Piecewise lists). */
#define PARSE_MAX_ARGS 65536

typedef enum tok_kind {
  T_END,
  T_INT,
  T_FLOAT,
  T_NAME,
  T_LPAREN,
  T_RPAREN,
  T_COMMA,
  T_PLUS,
  T_MINUS,
  T_STAR,
  T_SLASH,
  T_DSLASH,
  T_PERCENT,
  T_POW,
  T_LT,
  T_LE,
  T_GT,
  T_GE,
  T_EQEQ,
  T_NE,
  T_AMP,
  T_PIPE,
  T_TILDE,
  T_ASSIGN,
  T_OTHER_OP
} tok_kind;

typedef struct parser {
  se_ctx *ctx;       /* where nodes are built and errors recorded */
  const char *s;     /* the text (not NUL-terminated) */
  size_t len;        /* bytes of text */
  size_t pos;        /* lexer position: just after the current token */
  tok_kind tok;      /* current token */
  size_t tstart;     /* offset of the current token */
  size_t tend;       /* offset just after the current token */
  int depth;         /* current nesting, bounded by PARSE_MAX_DEPTH */
  bool failed;       /* an error was recorded; unwind */
  bool err_at_entry; /* ctx already held an error: leave its message alone */
  bool exact;        /* se__parse_exact: Min/Max unevaluated */
} parser;

/* ---- positions and errors ------------------------------------------------ */

static void line_col(const parser *p, size_t off, int *line, int *col) {
  int l = 1;
  size_t ls = 0;
  if (off > p->len) off = p->len;
  for (size_t i = 0; i < off; i++)
    if (p->s[i] == '\n') {
      l++;
      ls = i + 1;
    }
  *line = l;
  size_t c = off - ls + 1;
  *col = c > 1000000000u ? 1000000000 : (int)c;
}

/* Appends a printable rendering of token text (at most 24 bytes). */
static void tok_text(const parser *p, size_t a, size_t b, char *out, size_t cap) {
  size_t n = 0;
  for (size_t i = a; i < b && n + 5 < cap; i++) {
    if (i - a >= 24) {
      out[n++] = '.';
      out[n++] = '.';
      out[n++] = '.';
      break;
    }
    out[n++] = p->s[i];
  }
  out[n] = '\0';
}

static void perr(parser *p, size_t off, const char *what) {
  if (p->failed) return;
  p->failed = true;
  int line, col;
  line_col(p, off, &line, &col);
  se__fail(p->ctx, SE_PARSE, "line %d, column %d: %s", line, col, what);
}

/* "unexpected <token>" at the current token. */
static bool unsupported_op(parser *p);

static void unexpected(parser *p) {
  if (unsupported_op(p)) return;
  char t[40], msg[80];
  if (p->tok == T_END) {
    perr(p, p->tstart, "unexpected end of input");
    return;
  }
  tok_text(p, p->tstart, p->tend, t, sizeof t);
  snprintf(msg, sizeof msg, "unexpected '%s'", t);
  perr(p, p->tstart, msg);
}

/* A constructor returned NULL: give its message the position off. */
static void build_failed(parser *p, size_t off) {
  if (p->failed) return;
  p->failed = true;
  se_ctx *ctx = p->ctx;
  if (p->err_at_entry) return;
  se_status st = se_last_status(ctx);
  /* The constructor's message, whole: it is cleared before the new one. */
  const char *m = st == SE_OK ? "could not build the expression" : se_errmsg(ctx);
  size_t n = strlen(m) + 1;
  char *msg = malloc(n);
  if (msg) memcpy(msg, m, n);
  if (st == SE_OK) st = SE_INVALID;
  int line, col;
  line_col(p, off, &line, &col);
  se_clear_error(ctx);
  se__fail(ctx, msg ? st : SE_NOMEM, "line %d, column %d: %s", line, col,
           msg ? msg : "out of memory");
  free(msg);
}

/* Checks a constructor result; NULL means failure recorded at off. */
static const se_expr *built(parser *p, const se_expr *e, size_t off) {
  if (!e) build_failed(p, off);
  return e;
}

/* ---- lexer --------------------------------------------------------------- */

static bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_name_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
static bool is_name_char(char c) { return is_name_start(c) || is_digit(c); }

/* Reads the next token into p->tok / tstart / tend. */
static void next(parser *p) {
  const char *s = p->s;
  size_t n = p->len, i = p->pos;
  while (i < n && is_space(s[i])) i++;
  p->tstart = i;
  if (i >= n) {
    p->tok = T_END;
    p->tend = p->pos = n;
    return;
  }
  char c = s[i];
  char d = i + 1 < n ? s[i + 1] : '\0';
  tok_kind k;
  size_t w = 1;
  if (is_digit(c) || (c == '.' && is_digit(d))) {
    bool isfloat = false;
    while (i + w < n && is_digit(s[i + w])) w++;
    if (c == '.') isfloat = true;
    if (i + w < n && s[i + w] == '.' && c != '.') {
      isfloat = true;
      w++;
    }
    while (i + w < n && is_digit(s[i + w])) w++;
    if (i + w < n && (s[i + w] == 'e' || s[i + w] == 'E')) {
      size_t j = i + w + 1;
      if (j < n && (s[j] == '+' || s[j] == '-')) j++;
      if (j < n && is_digit(s[j])) {
        while (j < n && is_digit(s[j])) j++;
        w = j - i;
        isfloat = true;
      }
    }
    k = isfloat ? T_FLOAT : T_INT;
  } else if (is_name_start(c)) {
    while (i + w < n && is_name_char(s[i + w])) w++;
    k = T_NAME;
  } else {
    switch (c) {
    case '(': k = T_LPAREN; break;
    case ')': k = T_RPAREN; break;
    case ',': k = T_COMMA; break;
    case '+': k = T_PLUS; break;
    case '-': k = T_MINUS; break;
    case '*':
      if (d == '*') {
        k = T_POW;
        w = 2;
      } else {
        k = T_STAR;
      }
      break;
    case '^': k = T_POW; break;
    case '/':
      if (d == '/') {
        k = T_DSLASH;
        w = 2;
      } else {
        k = T_SLASH;
      }
      break;
    case '%': k = T_PERCENT; break;
    case '<':
      if (d == '=') {
        k = T_LE;
        w = 2;
      } else if (d == '<') {
        k = T_OTHER_OP;
        w = 2;
      } else {
        k = T_LT;
      }
      break;
    case '>':
      if (d == '=') {
        k = T_GE;
        w = 2;
      } else if (d == '>') {
        k = T_OTHER_OP;
        w = 2;
      } else {
        k = T_GT;
      }
      break;
    case '=':
      if (d == '=') {
        k = T_EQEQ;
        w = 2;
      } else {
        k = T_ASSIGN;
      }
      break;
    case '!':
      if (d == '=') {
        k = T_NE;
        w = 2;
      } else {
        k = T_OTHER_OP;
      }
      break;
    case '&': k = T_AMP; break;
    case '|': k = T_PIPE; break;
    case '~': k = T_TILDE; break;
    case '@': k = T_OTHER_OP; break;
    default: {
      char msg[64];
      unsigned char u = (unsigned char)c;
      if (u >= 0x21 && u < 0x7f)
        snprintf(msg, sizeof msg, "unexpected character '%c'", c);
      else
        snprintf(msg, sizeof msg, "unexpected byte 0x%02x", u);
      perr(p, i, msg);
      p->tok = T_END;
      p->tend = p->pos = n;
      return;
    }
    }
  }
  p->tok = k;
  p->tend = p->pos = i + w;
}

/* An operator we lex but do not support ('<<', '@', '=', ...): true after
 * recording the error. */
static bool unsupported_op(parser *p) {
  if (p->tok != T_OTHER_OP && p->tok != T_ASSIGN) return false;
  char t[40], msg[80];
  tok_text(p, p->tstart, p->tend, t, sizeof t);
  snprintf(msg, sizeof msg, "operator '%s' is not supported", t);
  perr(p, p->tstart, msg);
  return true;
}

static bool accept(parser *p, tok_kind k) {
  if (p->failed || p->tok != k) return false;
  next(p);
  return true;
}

static bool expect(parser *p, tok_kind k, const char *what) {
  if (p->failed) return false;
  if (p->tok == k) {
    next(p);
    return true;
  }
  if (unsupported_op(p)) return false;
  char t[40], msg[100];
  if (p->tok == T_END) {
    snprintf(msg, sizeof msg, "expected %s, found end of input", what);
  } else {
    tok_text(p, p->tstart, p->tend, t, sizeof t);
    snprintf(msg, sizeof msg, "expected %s, found '%s'", what, t);
  }
  perr(p, p->tstart, msg);
  return false;
}

static bool enter(parser *p) {
  if (p->failed) return false;
  if (++p->depth > PARSE_MAX_DEPTH) {
    char msg[64];
    snprintf(msg, sizeof msg, "nesting too deep (limit %d)", PARSE_MAX_DEPTH);
    perr(p, p->tstart, msg);
    return false;
  }
  return true;
}

/* ---- numbers ------------------------------------------------------------- */

/* Magnitude of a decimal integer token; false when it exceeds limit. */
static bool int_magnitude(const parser *p, size_t a, size_t b, uint64_t limit, uint64_t *out) {
  uint64_t v = 0;
  for (size_t i = a; i < b; i++) {
    uint64_t dgt = (uint64_t)(p->s[i] - '0');
    if (v > (limit - dgt) / 10) return false;
    v = v * 10 + dgt;
  }
  *out = v;
  return true;
}

/* The Integer of the current T_INT token, negated when neg. */
static const se_expr *int_literal(parser *p, bool neg, size_t off) {
  uint64_t limit = neg ? (uint64_t)INT64_MAX + 1u : (uint64_t)INT64_MAX;
  uint64_t v;
  if (!int_magnitude(p, p->tstart, p->tend, limit, &v)) {
    char t[40], msg[100];
    tok_text(p, p->tstart, p->tend, t, sizeof t);
    snprintf(msg, sizeof msg, "integer literal %s%s does not fit in 64 bits", neg ? "-" : "",
             t);
    perr(p, off, msg);
    return NULL;
  }
  int64_t iv = neg ? (int64_t)(0 - v) : (int64_t)v;
  next(p);
  return built(p, se__int(p->ctx, iv), off);
}

static const se_expr *float_literal(parser *p) {
  size_t a = p->tstart, n = p->tend - p->tstart;
  char buf[128];
  char *heap = NULL, *txt = buf;
  if (n >= sizeof buf) {
    heap = malloc(n + 1);
    if (!heap) {
      build_failed(p, a);
      se__fail(p->ctx, SE_NOMEM, "out of memory reading a number");
      return NULL;
    }
    txt = heap;
  }
  memcpy(txt, p->s + a, n);
  txt[n] = '\0';
  errno = 0;
  double v = strtod(txt, NULL);
  bool nonzero_digit = false;
  for (size_t i = 0; i < n && txt[i] != 'e' && txt[i] != 'E'; i++)
    if (txt[i] >= '1' && txt[i] <= '9') nonzero_digit = true;
  free(heap);
  if (isinf(v) || (v == 0.0 && nonzero_digit)) {
    char t[40], msg[100];
    tok_text(p, a, p->tend, t, sizeof t);
    snprintf(msg, sizeof msg, "float literal %s is out of the double range", t);
    perr(p, a, msg);
    return NULL;
  }
  next(p);
  return built(p, se__float(p->ctx, v), a);
}

/* ---- names and calls ----------------------------------------------------- */

static bool tok_is(const parser *p, const char *word) {
  size_t n = p->tend - p->tstart;
  return strlen(word) == n && memcmp(p->s + p->tstart, word, n) == 0;
}

/* The kind called name; the first match in SE_KIND_MAP ("Mod" is PyTorch's
 * Mod, SE_K_MOD). SE_K_COUNT when none. */
static se_kind kind_by_name(const parser *p) {
  for (int k = 0; k < SE_K_COUNT; k++)
    if (tok_is(p, se_kind_name((se_kind)k))) return (se_kind)k;
  return SE_K_COUNT;
}

static const char *const python_keywords[] = {
    "and",  "or",     "not",     "if",     "else",  "elif",     "is",       "in",   "lambda",
    "None", "for",    "while",   "def",    "class", "return",   "import",   "from", "as",
    "with", "yield",  "await",   "async",  "del",   "global",   "nonlocal", "pass", "raise",
    "try",  "except", "finally", "assert", "break", "continue",
};

typedef struct argv_buf {
  const se_expr **v;     /* malloc'ed, or the inline array */
  size_t n;              /* arguments held */
  size_t cap;            /* capacity of v */
  const se_expr *inl[8]; /* inline storage for short lists */
} argv_buf;

static void argv_init(argv_buf *a) {
  a->v = a->inl;
  a->n = 0;
  a->cap = sizeof a->inl / sizeof a->inl[0];
}

static void argv_free(argv_buf *a) {
  if (a->v != a->inl) free(a->v);
  argv_init(a);
}

static bool argv_push(parser *p, argv_buf *a, const se_expr *e) {
  if (a->n == a->cap) {
    if (a->n >= PARSE_MAX_ARGS) {
      char msg[64];
      snprintf(msg, sizeof msg, "too many arguments (limit %d)", PARSE_MAX_ARGS);
      perr(p, p->tstart, msg);
      return false;
    }
    size_t ncap = a->cap * 2;
    const se_expr **nv = malloc(ncap * sizeof *nv);
    if (!nv) {
      p->failed = true;
      se__fail(p->ctx, SE_NOMEM, "out of memory reading call arguments");
      return false;
    }
    memcpy(nv, a->v, a->n * sizeof *nv);
    if (a->v != a->inl) free(a->v);
    a->v = nv;
    a->cap = ncap;
  }
  a->v[a->n++] = e;
  return true;
}

static const se_expr *parse_comparison(parser *p);

/* One Piecewise argument "(expr, cond)", appended as two arguments. */
static bool parse_pair(parser *p, argv_buf *args) {
  if (!expect(p, T_LPAREN, "'(' starting a Piecewise (expression, condition) pair"))
    return false;
  const se_expr *e = parse_comparison(p);
  if (!e || !expect(p, T_COMMA, "','")) return false;
  const se_expr *c = parse_comparison(p);
  if (!c) return false;
  accept(p, T_COMMA);
  if (!expect(p, T_RPAREN, "')'")) return false;
  return argv_push(p, args, e) && argv_push(p, args, c);
}

/* Integer(n) and Rational(p, q) for literal numbers. */
static const se_expr *number_call(parser *p, se_kind k, argv_buf *a, size_t off) {
  int64_t pp, qq;
  if (k == SE_K_INTEGER && a->n == 1 && se__is_int(a->v[0])) return a->v[0];
  if (k == SE_K_RATIONAL && a->n == 2 && se__is_int(a->v[0]) && se__is_int(a->v[1])) {
    pp = a->v[0]->u.i;
    qq = a->v[1]->u.i;
    return built(p, se__rat(p->ctx, pp, qq), off);
  }
  if (k == SE_K_FLOAT && a->n == 1 && se__is_num(a->v[0]))
    return built(p, se__float(p->ctx, se__num_double(a->v[0])), off);
  char msg[80];
  snprintf(msg, sizeof msg, "%s(...) takes integer literal arguments", se_kind_name(k));
  perr(p, off, msg);
  return NULL;
}

/* name '(' args ')' with the current token on the name. */
static const se_expr *parse_call(parser *p) {
  size_t off = p->tstart;
  se_kind k = kind_by_name(p);
  /* sqrt(x) is how str() prints Pow(x, 1/2). */
  bool is_sqrt = tok_is(p, "sqrt");
  if (is_sqrt) k = SE_K_POW;
  if (k == SE_K_COUNT || k == SE_K_SYMBOL) {
    char t[40], msg[80];
    tok_text(p, p->tstart, p->tend, t, sizeof t);
    snprintf(msg, sizeof msg, "unknown function '%s'", t);
    perr(p, off, msg);
    return NULL;
  }
  next(p); /* name */
  next(p); /* '(' */
  argv_buf args;
  argv_init(&args);
  bool ok = true;
  while (ok && !p->failed && p->tok != T_RPAREN) {
    if (k == SE_K_PIECEWISE) {
      ok = parse_pair(p, &args);
    } else {
      const se_expr *e = parse_comparison(p);
      ok = e && argv_push(p, &args, e);
    }
    if (ok && !accept(p, T_COMMA)) break;
  }
  ok = ok && expect(p, T_RPAREN, "',' or ')'");
  const se_expr *r = NULL;
  if (ok) {
    if (is_sqrt && args.n != 1) {
      perr(p, off, "sqrt takes 1 argument");
    } else if (is_sqrt) {
      r = built(p, se__pow(p->ctx, args.v[0], se__rat(p->ctx, 1, 2)), off);
    } else if (k == SE_K_INTEGER || k == SE_K_RATIONAL || k == SE_K_FLOAT)
      r = number_call(p, k, &args, off);
    else if (p->exact && (k == SE_K_MIN || k == SE_K_MAX) && args.n > 0)
      r = built(p, se__minmax_uneval(p->ctx, k, args.v, args.n), off);
    else
      r = built(p, se__call(p->ctx, k, args.v, args.n), off);
  }
  argv_free(&args);
  return r;
}

static const se_expr *parse_name(parser *p) {
  size_t off = p->tstart;
  size_t nlen = p->tend - p->tstart;
  /* Peek: a call? */
  size_t j = p->tend;
  while (j < p->len && is_space(p->s[j])) j++;
  if (j < p->len && p->s[j] == '(') return parse_call(p);
  static const struct {
    const char *name;
    se_kind k;
  } consts[] = {
      {"True", SE_K_TRUE}, {"False", SE_K_FALSE},   {"true", SE_K_TRUE}, {"false", SE_K_FALSE},
      {"oo", SE_K_OO},     {"int_oo", SE_K_INT_OO}, {"nan", SE_K_NAN},   {"zoo", SE_K_ZOO},
  };
  for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++)
    if (tok_is(p, consts[i].name)) {
      next(p);
      return built(p, se__const(p->ctx, consts[i].k), off);
    }
  for (size_t i = 0; i < sizeof python_keywords / sizeof python_keywords[0]; i++)
    if (tok_is(p, python_keywords[i])) {
      char msg[80];
      snprintf(msg, sizeof msg, "Python keyword '%s' is not supported", python_keywords[i]);
      perr(p, off, msg);
      return NULL;
    }
  next(p);
  return built(p, se__sym(p->ctx, p->s + off, nlen), off);
}

/* ---- expressions --------------------------------------------------------- */

static const se_expr *parse_unary(parser *p);

static const se_expr *parse_primary(parser *p) {
  if (p->failed) return NULL;
  switch (p->tok) {
  case T_INT: return int_literal(p, false, p->tstart);
  case T_FLOAT: return float_literal(p);
  case T_NAME: return parse_name(p);
  case T_LPAREN: {
    next(p);
    const se_expr *e = parse_comparison(p);
    if (e && p->tok == T_COMMA) {
      perr(p, p->tstart, "a tuple is only allowed as a Piecewise argument");
      return NULL;
    }
    if (e && !expect(p, T_RPAREN, "')'")) e = NULL;
    return e;
  }
  default: unexpected(p); return NULL;
  }
}

/* power := primary [('**' | '^') unary] */
static const se_expr *parse_power(parser *p) {
  const se_expr *b = parse_primary(p);
  if (!b || p->tok != T_POW) return b;
  size_t off = p->tstart;
  next(p);
  if (!enter(p)) return NULL;
  const se_expr *e = parse_unary(p);
  p->depth--;
  if (!e) return NULL;
  return built(p, se__pow(p->ctx, b, e), off);
}

/* True when the token after the current one is not '**' / '^'. */
static bool next_is_not_pow(const parser *p) {
  size_t j = p->tend;
  while (j < p->len && is_space(p->s[j])) j++;
  if (j < p->len && p->s[j] == '^') return false;
  return !(j + 1 < p->len && p->s[j] == '*' && p->s[j + 1] == '*');
}

static const se_expr *parse_unary(parser *p) {
  if (p->failed) return NULL;
  tok_kind op = p->tok;
  if (op != T_MINUS && op != T_PLUS && op != T_TILDE) return parse_power(p);
  size_t off = p->tstart;
  next(p);
  /* -<integer literal>: the literal's own value, so -9223372036854775808
   * reads although its magnitude does not fit. */
  if (op == T_MINUS && p->tok == T_INT && next_is_not_pow(p)) return int_literal(p, true, off);
  if (!enter(p)) return NULL;
  const se_expr *x = parse_unary(p);
  p->depth--;
  if (!x) return NULL;
  switch (op) {
  case T_MINUS: return built(p, se__neg(p->ctx, x), off);
  case T_PLUS: return x;
  default:
    if (se__is_int(x)) return built(p, se__int(p->ctx, ~x->u.i), off); /* Integer.__invert__ */
    return built(p, se__not(p->ctx, x), off);
  }
}

/* The product of a run of '*' operands: one n-ary Mul, as str() means it. */
static const se_expr *run_product(parser *p, argv_buf *run, size_t off) {
  if (run->n == 1) return run->v[0];
  const se_expr *r = built(p, se__mul(p->ctx, run->v, run->n), off);
  run->n = 0;
  return r;
}

/* term := ['-'] unary (('*' | '/' | '//' | '%') unary)*
 * A run a*b*c is one Mul(a, b, c), and a leading '-' negates the whole run
 * (it applies before a '/', '//' or '%' that follows). That is how str()
 * prints a Mul (its leading coefficient, then the factors, then '/q'), so
 * printed text reads back to the same node. sympify would group the run
 * pairwise and negate the first factor only; the two differ only when a
 * number or a minus sign meets an Add first (SymPy 3.3's two-argument
 * distribution), never for fully parenthesized text. */
static const se_expr *parse_term_exact(parser *p);

/* term, as sympify reads it: Python's precedence (a unary minus binds to
 * the first factor only) and one binary constructor call per operator, left
 * to right. The exact reader instead reads str()'s product runs as one Mul. */
static const se_expr *parse_term(parser *p) {
  if (p->exact) return parse_term_exact(p);
  const se_expr *cur = parse_unary(p);
  while (cur && !p->failed) {
    tok_kind op = p->tok;
    if (op != T_STAR && op != T_SLASH && op != T_DSLASH && op != T_PERCENT) break;
    size_t off = p->tstart;
    next(p);
    const se_expr *b = parse_unary(p);
    if (!b) return NULL;
    const se_expr *v[2] = {cur, b};
    switch (op) {
    case T_STAR: cur = built(p, se__mul2(p->ctx, cur, b), off); break;
    case T_SLASH: cur = built(p, se_expr_div(p->ctx, cur, b), off); break;
    case T_DSLASH: cur = built(p, se__call(p->ctx, SE_K_FLOORDIV, v, 2), off); break;
    default: cur = built(p, se__call(p->ctx, SE_K_SYMPY_MOD, v, 2), off); break;
    }
  }
  return p->failed ? NULL : cur;
}

static const se_expr *parse_term_exact(parser *p) {
  bool neg = false;
  size_t neg_off = 0;
  if (p->tok == T_MINUS) {
    size_t j = p->tend;
    while (j < p->len && is_space(p->s[j])) j++;
    bool literal = j < p->len && is_digit(p->s[j]);
    if (!literal) {
      neg = true;
      neg_off = p->tstart;
      next(p);
    }
  }
  const se_expr *first = parse_unary(p);
  if (!first) return NULL;
  argv_buf run;
  argv_init(&run);
  argv_push(p, &run, first);
  size_t run_off = p->tstart;
  const se_expr *cur = NULL;
  for (;;) {
    tok_kind op = p->tok;
    if (p->failed) break;
    if (op == T_STAR) {
      if (run.n == 1) run_off = p->tstart;
      next(p);
      const se_expr *b = parse_unary(p);
      if (!b || !argv_push(p, &run, b)) break;
      continue;
    }
    if (op != T_SLASH && op != T_DSLASH && op != T_PERCENT) {
      cur = run_product(p, &run, run_off);
      if (cur && neg) cur = built(p, se__neg(p->ctx, cur), neg_off);
      break;
    }
    size_t off = p->tstart;
    cur = run_product(p, &run, run_off);
    if (cur && neg) {
      cur = built(p, se__neg(p->ctx, cur), neg_off);
      neg = false;
    }
    if (!cur) break;
    next(p);
    const se_expr *b = parse_unary(p);
    if (!b) {
      cur = NULL;
      break;
    }
    const se_expr *v[2] = {cur, b};
    switch (op) {
    case T_SLASH: cur = built(p, se_expr_div(p->ctx, cur, b), off); break;
    case T_DSLASH: cur = built(p, se__call(p->ctx, SE_K_FLOORDIV, v, 2), off); break;
    default: cur = built(p, se__call(p->ctx, SE_K_SYMPY_MOD, v, 2), off); break;
    }
    run.n = 0;
    if (!cur || !argv_push(p, &run, cur)) {
      cur = NULL;
      break;
    }
    cur = NULL;
  }
  argv_free(&run);
  return p->failed ? NULL : cur;
}

static const se_expr *parse_sum(parser *p) {
  const se_expr *a = parse_term(p);
  for (;;) {
    if (!a) return NULL;
    tok_kind op = p->tok;
    if (op != T_PLUS && op != T_MINUS) return a;
    size_t off = p->tstart;
    next(p);
    const se_expr *b = parse_term(p);
    if (!b) return NULL;
    if (op == T_MINUS) {
      b = built(p, se__neg(p->ctx, b), off);
      if (!b) return NULL;
    }
    a = built(p, se__add2(p->ctx, a, b), off);
  }
}

/* Both Integers: Python's bitwise result (Integer.__and__ / __or__). */
static const se_expr *bitwise_or_logic(parser *p, tok_kind op, const se_expr *a,
                                       const se_expr *b, size_t off) {
  const se_expr *v[2] = {a, b};
  if (se__is_int(a) && se__is_int(b))
    return built(p, se__int(p->ctx, op == T_AMP ? (a->u.i & b->u.i) : (a->u.i | b->u.i)), off);
  return built(p, op == T_AMP ? se__and(p->ctx, v, 2) : se__or(p->ctx, v, 2), off);
}

static const se_expr *parse_bitand(parser *p) {
  const se_expr *a = parse_sum(p);
  while (a && p->tok == T_AMP) {
    size_t off = p->tstart;
    next(p);
    const se_expr *b = parse_sum(p);
    if (!b) return NULL;
    a = bitwise_or_logic(p, T_AMP, a, b, off);
  }
  return a;
}

static const se_expr *parse_bitor(parser *p) {
  const se_expr *a = parse_bitand(p);
  while (a && p->tok == T_PIPE) {
    size_t off = p->tstart;
    next(p);
    const se_expr *b = parse_bitand(p);
    if (!b) return NULL;
    a = bitwise_or_logic(p, T_PIPE, a, b, off);
  }
  return a;
}

static bool is_cmp(tok_kind k) {
  return k == T_LT || k == T_LE || k == T_GT || k == T_GE || k == T_EQEQ || k == T_NE;
}

static const se_expr *parse_comparison(parser *p) {
  if (!enter(p)) return NULL;
  const se_expr *a = parse_bitor(p);
  if (a && is_cmp(p->tok)) {
    tok_kind op = p->tok;
    size_t off = p->tstart;
    if (op == T_EQEQ || op == T_NE) {
      perr(p, off,
           op == T_EQEQ ? "'==' is not supported; write Eq(a, b)"
                        : "'!=' is not supported; write Ne(a, b)");
      a = NULL;
    } else {
      next(p);
      const se_expr *b = parse_bitor(p);
      if (b && is_cmp(p->tok)) {
        perr(p, p->tstart, "chained comparisons are not supported");
        b = NULL;
      }
      se_kind k = op == T_LT ? SE_K_LT : op == T_LE ? SE_K_LE : op == T_GT ? SE_K_GT : SE_K_GE;
      a = b ? built(p, se__rel(p->ctx, k, a, b), off) : NULL;
    }
  }
  p->depth--;
  return a;
}

/* The parser behind se_parse and se__parse_exact. */
static const se_expr *parse_text(se_ctx *ctx, const char *text, size_t len, bool exact) {
  if (!ctx) return NULL;
  if (!text) {
    se__fail(ctx, SE_INVALID, "se_parse: NULL text");
    return NULL;
  }
  parser p;
  memset(&p, 0, sizeof p);
  p.ctx = ctx;
  p.s = text;
  p.len = len;
  p.err_at_entry = se_last_status(ctx) != SE_OK;
  p.exact = exact;
  next(&p);
  if (p.failed) return NULL;
  if (p.tok == T_END) {
    perr(&p, p.tstart, "empty expression");
    return NULL;
  }
  const se_expr *e = parse_comparison(&p);
  if (e && p.tok != T_END) {
    unexpected(&p);
    e = NULL;
  }
  return p.failed ? NULL : e;
}

/* Parses text[0..len) (need not be NUL-terminated; NUL bytes are errors) and
 * returns the interned expression, borrowed from ctx. On failure returns NULL
 * with SE_PARSE "line L, column C: ..." (lines and byte columns from 1), or a
 * constructor's own status (SE_OVERFLOW, SE_ZERODIV, ...) with its message
 * behind the same position prefix. An error already pending in ctx when the
 * call starts is kept as it is (first error wins). Never reads past len;
 * nesting deeper than PARSE_MAX_DEPTH is an error, not a crash. */
const se_expr *se_parse(se_ctx *ctx, const char *text, size_t len) {
  return parse_text(ctx, text, len, false);
}

/* See parse.h. */
const se_expr *se__parse_exact(se_ctx *ctx, const char *text, size_t len) {
  return parse_text(ctx, text, len, true);
}
