/* shapeenv: the command-line tool. A dispatcher over subcommands
 * ("shapeenv <command> [options]"), each with its own --help. Uses only the
 * public header.
 *
 * Exit status (DESIGN.md): 0 success, 1 a negative answer, 2 bad input or
 * usage, 3 unknown. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shapeenv.h"

/* Kept in step with project(VERSION) in CMakeLists.txt. */
#define SHAPEENV_VERSION "0.1.0"

enum { EXIT_OK = 0, EXIT_NEGATIVE = 1, EXIT_BAD_INPUT = 2, EXIT_UNKNOWN = 3 };

typedef int (*command_fn)(int argc, char **argv);

typedef struct command {
  const char *name;    /* as typed after "shapeenv" */
  const char *summary; /* one line for the command list */
  command_fn run;      /* argv[0] is the command name */
} command;

static int cmd_expr(int argc, char **argv);

static const command commands[] = {
    {"expr", "parse, canonicalize and print SymPy expressions, or evaluate them", cmd_expr},
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static void main_usage(FILE *f) {
  fputs("usage: shapeenv <command> [options] [arguments]\n"
        "       shapeenv --help | --version\n"
        "\n"
        "Commands:\n",
        f);
  for (size_t i = 0; i < NCOMMANDS; i++)
    fprintf(f, "  %-8s %s\n", commands[i].name, commands[i].summary);
  fputs("\n"
        "Run 'shapeenv <command> --help' for the options of a command.\n"
        "\n"
        "Exit status: 0 success, 2 bad input or usage.\n",
        f);
}

/* ---- small text helpers ------------------------------------------------- */

/* A growable byte buffer owned by the CLI. */
typedef struct text {
  char *p;    /* NUL-terminated; malloc-owned */
  size_t len; /* bytes, not counting the NUL */
  size_t cap; /* allocated bytes */
} text;

static void die_nomem(void) {
  fputs("shapeenv: out of memory\n", stderr);
  exit(EXIT_BAD_INPUT);
}

static void text_putn(text *t, const char *s, size_t n) {
  if (t->len + n + 1 > t->cap) {
    size_t cap = t->cap ? t->cap : 256;
    while (cap < t->len + n + 1) cap *= 2;
    char *p = realloc(t->p, cap);
    if (!p) die_nomem();
    t->p = p;
    t->cap = cap;
  }
  memcpy(t->p + t->len, s, n);
  t->len += n;
  t->p[t->len] = '\0';
}

/* Reads one line (without its '\n' and a trailing '\r') into t; false at
 * end of input with nothing read. */
static bool read_line(FILE *in, text *t) {
  t->len = 0;
  if (t->p) t->p[0] = '\0';
  bool any = false;
  int ch;
  while ((ch = getc(in)) != EOF) {
    any = true;
    if (ch == '\n') break;
    char c = (char)ch;
    text_putn(t, &c, 1);
  }
  if (!any) return false;
  if (!t->p) text_putn(t, "", 0);
  if (t->len && t->p[t->len - 1] == '\r') t->p[--t->len] = '\0';
  return true;
}

/* Python's repr() of a double: the shortest digits that read back, in
 * positional form for exponents -4..15, else "d.ddde+XX". */
static void float_repr(double v, char *out, size_t cap) {
  if (isnan(v)) {
    snprintf(out, cap, "nan");
    return;
  }
  if (isinf(v)) {
    snprintf(out, cap, v < 0 ? "-inf" : "inf");
    return;
  }
  char e[64];
  int prec = 1;
  for (; prec <= 17; prec++) {
    snprintf(e, sizeof e, "%.*e", prec - 1, v);
    if (strtod(e, NULL) == v) break;
  }
  /* e = [-]d[.ddd]e[+-]XX */
  const char *s = e;
  bool neg = *s == '-';
  if (neg) s++;
  char digits[32];
  size_t nd = 0;
  for (; *s && *s != 'e'; s++)
    if (*s != '.' && nd + 1 < sizeof digits) digits[nd++] = *s;
  digits[nd] = '\0';
  int exp10 = atoi(s + 1);
  while (nd > 1 && digits[nd - 1] == '0') digits[--nd] = '\0';
  text t = {NULL, 0, 0};
  if (neg) text_putn(&t, "-", 1);
  if (exp10 >= -5 + 1 && exp10 < 16) {
    if (exp10 < 0) {
      text_putn(&t, "0.", 2);
      for (int i = -1; i > exp10; i--) text_putn(&t, "0", 1);
      text_putn(&t, digits, nd);
    } else {
      size_t ip = (size_t)exp10 + 1;
      if (nd <= ip) {
        text_putn(&t, digits, nd);
        for (size_t i = nd; i < ip; i++) text_putn(&t, "0", 1);
        text_putn(&t, ".0", 2);
      } else {
        text_putn(&t, digits, ip);
        text_putn(&t, ".", 1);
        text_putn(&t, digits + ip, nd - ip);
      }
    }
  } else {
    text_putn(&t, digits, 1);
    if (nd > 1) {
      text_putn(&t, ".", 1);
      text_putn(&t, digits + 1, nd - 1);
    }
    char x[16];
    snprintf(x, sizeof x, "e%c%02d", exp10 < 0 ? '-' : '+', exp10 < 0 ? -exp10 : exp10);
    text_putn(&t, x, strlen(x));
  }
  snprintf(out, cap, "%s", t.p);
  free(t.p);
}

/* ---- shapeenv expr -------------------------------------------------------- */

static const char expr_help[] =
    "usage: shapeenv expr [--python] [--torch-minmax] [--subs NAME=VALUE,...]\n"
    "                     [--] [EXPR ...]\n"
    "\n"
    "Parses each EXPR, or each line of standard input when no EXPR is given, as\n"
    "SymPy text (what SymPy's str() prints), builds it with SymPy's evaluating\n"
    "constructors and prints the result on one line in SymPy's str() form.\n"
    "\n"
    "Options:\n"
    "  --python            print PyTorch's Python guard form instead of str()\n"
    "  --torch-minmax      build Min/Max with PyTorch's copy (numbers folded)\n"
    "  --subs NAME=VALUE,...\n"
    "                      substitute the values (simultaneously) and print the\n"
    "                      resulting value: 7, True, -1/2, 2.5. A VALUE is an\n"
    "                      integer, a rational p/q, a decimal, or any expression.\n"
    "  -h, --help          show this help\n"
    "\n"
    "Standard input: blank lines and lines starting with '#' are skipped. A line\n"
    "EXPR<TAB>NAME=VALUE,... is evaluated with those values (they are applied\n"
    "after --subs and override it for the same name).\n"
    "\n"
    "Errors: an input that cannot be parsed or evaluated prints\n"
    "  shapeenv expr: <stdin>:LINE:COLUMN: MESSAGE\n"
    "  shapeenv expr: argument N:LINE:COLUMN: MESSAGE\n"
    "on standard error and nothing on standard output; the other inputs are still\n"
    "processed. Floats print in Python's repr() form as values.\n"
    "\n"
    "Exit status: 0 success, 2 bad input or usage.\n";

/* One substitution list: parallel arrays of symbols and values. */
typedef struct subs_list {
  const se_expr **syms; /* malloc-owned */
  const se_expr **vals; /* malloc-owned */
  size_t n;             /* pairs */
  size_t cap;           /* capacity of both arrays */
} subs_list;

static void subs_add(subs_list *l, const se_expr *sym, const se_expr *val) {
  for (size_t i = 0; i < l->n; i++)
    if (l->syms[i] == sym) {
      l->vals[i] = val; /* later wins */
      return;
    }
  if (l->n == l->cap) {
    size_t cap = l->cap ? l->cap * 2 : 8;
    const se_expr **s = realloc(l->syms, cap * sizeof *s);
    if (!s) die_nomem();
    l->syms = s;
    const se_expr **v = realloc(l->vals, cap * sizeof *v);
    if (!v) die_nomem();
    l->vals = v;
    l->cap = cap;
  }
  l->syms[l->n] = sym;
  l->vals[l->n] = val;
  l->n++;
}

static void subs_copy(subs_list *dst, const subs_list *src) {
  dst->n = 0;
  for (size_t i = 0; i < src->n; i++) subs_add(dst, src->syms[i], src->vals[i]);
}

static void subs_free(subs_list *l) {
  free(l->syms);
  free(l->vals);
  memset(l, 0, sizeof *l);
}

/* Where an error is reported: "<stdin>" line 7, or "argument 2". */
typedef struct origin {
  const char *name; /* input name */
  int line;         /* line of the input the text starts on (1-based) */
  int col;          /* column of the text's first byte on that line */
} origin;

/* Prints "shapeenv expr: NAME:LINE:COL: MESSAGE" for the context's error;
 * a "line L, column C: " prefix in the message shifts the position inside
 * the text. */
static void report(se_ctx *ctx, const origin *o) {
  const char *msg = se_errmsg(ctx);
  int l = 1, c = 1, used = 0;
  if (sscanf(msg, "line %d, column %d: %n", &l, &c, &used) == 2 && used > 0) {
    msg += used;
  } else {
    l = 1;
    c = 1;
  }
  int line = o->line + l - 1;
  int col = l == 1 ? o->col + c - 1 : c;
  if (!*msg) msg = se_status_message(se_last_status(ctx));
  fprintf(stderr, "shapeenv expr: %s:%d:%d: %s\n", o->name, line, col, msg);
  se_clear_error(ctx);
}

static void report_text(const origin *o, int col_off, const char *msg) {
  fprintf(stderr, "shapeenv expr: %s:%d:%d: %s\n", o->name, o->line, o->col + col_off, msg);
}

static bool is_ident(const char *s, size_t n) {
  if (n == 0) return false;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    if (!alpha && !(i > 0 && c >= '0' && c <= '9')) return false;
  }
  return true;
}

/* Parses "NAME=VALUE,NAME=VALUE" (commas inside parentheses belong to the
 * value) into out. o locates s[0]. False after reporting an error. */
static bool parse_subs(se_ctx *ctx, const char *s, size_t len, const origin *o,
                       subs_list *out) {
  size_t i = 0;
  while (i < len) {
    size_t start = i;
    int depth = 0;
    while (i < len && !(s[i] == ',' && depth == 0)) {
      if (s[i] == '(') depth++;
      if (s[i] == ')' && depth > 0) depth--;
      i++;
    }
    size_t end = i;
    size_t a = start, b = end;
    while (a < b && (s[a] == ' ' || s[a] == '\t')) a++;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t')) b--;
    const char *eq = memchr(s + a, '=', b - a);
    if (!eq) {
      report_text(o, (int)a, "expected NAME=VALUE");
      return false;
    }
    size_t ne = (size_t)(eq - s);
    while (ne > a && (s[ne - 1] == ' ' || s[ne - 1] == '\t')) ne--;
    if (!is_ident(s + a, ne - a)) {
      report_text(o, (int)a, "expected a symbol name before '='");
      return false;
    }
    char *name = malloc(ne - a + 1);
    if (!name) die_nomem();
    memcpy(name, s + a, ne - a);
    name[ne - a] = '\0';
    const se_expr *sym = se_expr_symbol(ctx, name);
    free(name);
    size_t vstart = (size_t)(eq - s) + 1;
    origin vo = {o->name, o->line, o->col + (int)vstart};
    const se_expr *val = se_parse(ctx, s + vstart, b - vstart);
    if (!sym || !val) {
      report(ctx, sym ? &vo : o);
      return false;
    }
    subs_add(out, sym, val);
    if (i < len) i++; /* the comma */
  }
  return true;
}

typedef struct expr_opts {
  bool python;    /* --python */
  subs_list subs; /* --subs */
  bool have_subs; /* --subs was given */
} expr_opts;

/* Prints a value: numbers and booleans as values, anything else as an
 * expression. False on a printing failure (error left in ctx). */
static bool print_value(se_ctx *ctx, const se_expr *v, bool python) {
  double f;
  if (se_expr_float_value(v, &f)) {
    char buf[64];
    float_repr(f, buf, sizeof buf);
    puts(buf);
    return true;
  }
  char *s = python ? se_expr_python(ctx, v, NULL, NULL) : se_expr_str(ctx, v);
  if (!s) return false;
  puts(s);
  se_free(s);
  return true;
}

/* Parses, evaluates and prints one input; false after reporting an error.
 * s[0..len) is the input; with a tab, the part after it is a subs list. */
static bool expr_one(se_ctx *ctx, const expr_opts *opts, const char *s, size_t len,
                     bool allow_tab, const origin *o, subs_list *scratch) {
  size_t elen = len;
  const char *tab = allow_tab ? memchr(s, '\t', len) : NULL;
  bool evaluate = opts->have_subs;
  subs_copy(scratch, &opts->subs);
  if (tab) {
    elen = (size_t)(tab - s);
    size_t off = elen + 1;
    origin so = {o->name, o->line, o->col + (int)off};
    if (!parse_subs(ctx, s + off, len - off, &so, scratch)) return false;
    evaluate = true;
  }
  const se_expr *e = se_parse(ctx, s, elen);
  if (!e) {
    report(ctx, o);
    return false;
  }
  if (evaluate) {
    const se_expr *v = se_expr_subs(ctx, e, scratch->syms, scratch->vals, scratch->n);
    if (!v || !print_value(ctx, v, opts->python)) {
      report(ctx, o);
      return false;
    }
    return true;
  }
  char *out = opts->python ? se_expr_python(ctx, e, NULL, NULL) : se_expr_str(ctx, e);
  if (!out) {
    report(ctx, o);
    return false;
  }
  puts(out);
  se_free(out);
  return true;
}

static int cmd_expr(int argc, char **argv) {
  expr_opts opts;
  memset(&opts, 0, sizeof opts);
  bool torch_minmax = false;
  const char *subs_text = NULL;
  int first = argc;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--") == 0) {
      first = i + 1;
      break;
    }
    if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      fputs(expr_help, stdout);
      return EXIT_OK;
    }
    if (strcmp(a, "--python") == 0) {
      opts.python = true;
    } else if (strcmp(a, "--torch-minmax") == 0) {
      torch_minmax = true;
    } else if (strcmp(a, "--subs") == 0) {
      if (i + 1 >= argc) {
        fputs("shapeenv expr: --subs needs NAME=VALUE,...\n"
              "Run 'shapeenv expr --help' for usage.\n",
              stderr);
        return EXIT_BAD_INPUT;
      }
      subs_text = argv[++i];
    } else if (strncmp(a, "--subs=", 7) == 0) {
      subs_text = a + 7;
    } else if (strncmp(a, "--", 2) == 0) {
      fprintf(stderr,
              "shapeenv expr: unknown option '%s'\n"
              "Run 'shapeenv expr --help' for usage.\n",
              a);
      return EXIT_BAD_INPUT;
    } else {
      first = i;
      break;
    }
  }
  se_ctx *ctx = se_ctx_new();
  if (!ctx) die_nomem();
  se_ctx_set_torch_minmax(ctx, torch_minmax);
  int status = EXIT_OK;
  if (subs_text) {
    origin o = {"--subs", 1, 1};
    if (!parse_subs(ctx, subs_text, strlen(subs_text), &o, &opts.subs)) {
      se_ctx_free(ctx);
      subs_free(&opts.subs);
      return EXIT_BAD_INPUT;
    }
    opts.have_subs = true;
  }
  subs_list scratch = {NULL, 0, 0, 0};
  if (first < argc) {
    for (int i = first; i < argc; i++) {
      char name[32];
      snprintf(name, sizeof name, "argument %d", i - first + 1);
      origin o = {name, 1, 1};
      if (!expr_one(ctx, &opts, argv[i], strlen(argv[i]), false, &o, &scratch))
        status = EXIT_BAD_INPUT;
    }
  } else {
    text line = {NULL, 0, 0};
    int lineno = 0;
    while (read_line(stdin, &line)) {
      lineno++;
      size_t k = 0;
      while (k < line.len && (line.p[k] == ' ' || line.p[k] == '\t')) k++;
      if (k == line.len || line.p[k] == '#') continue;
      origin o = {"<stdin>", lineno, 1};
      if (!expr_one(ctx, &opts, line.p, line.len, true, &o, &scratch)) status = EXIT_BAD_INPUT;
    }
    free(line.p);
  }
  subs_free(&scratch);
  subs_free(&opts.subs);
  se_ctx_free(ctx);
  if (fflush(stdout) != 0 || ferror(stdout)) {
    fputs("shapeenv expr: error writing standard output\n", stderr);
    return EXIT_BAD_INPUT;
  }
  return status;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    main_usage(stderr);
    return EXIT_BAD_INPUT;
  }
  const char *cmd = argv[1];
  if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "help") == 0) {
    main_usage(stdout);
    return EXIT_OK;
  }
  if (strcmp(cmd, "--version") == 0) {
    printf("shapeenv %s\n", SHAPEENV_VERSION);
    return EXIT_OK;
  }
  for (size_t i = 0; i < NCOMMANDS; i++)
    if (strcmp(cmd, commands[i].name) == 0) return commands[i].run(argc - 1, argv + 1);
  fprintf(stderr,
          "shapeenv: unknown command '%s'\n"
          "Run 'shapeenv --help' for the list of commands.\n",
          cmd);
  return EXIT_BAD_INPUT;
}
