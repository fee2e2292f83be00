/* shapeenv: the command-line tool. A dispatcher over subcommands
 * ("shapeenv <command> [options]"), each with its own --help. Uses only the
 * public header.
 *
 * Exit status (DESIGN.md): 0 success, 1 a negative answer, 2 bad input or
 * usage, 3 unknown. */
#define _POSIX_C_SOURCE 200809L /* isatty, fileno */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
static int cmd_replay(int argc, char **argv);
static int cmd_diff(int argc, char **argv);
static int cmd_validate(int argc, char **argv);
static int cmd_bisect(int argc, char **argv);
static int cmd_why(int argc, char **argv);

static const command commands[] = {
    {"replay", "replay an event log; print its guards, state, events or FX graph", cmd_replay},
    {"diff", "replay two event logs and report how their environments differ", cmd_diff},
    {"validate", "check with Z3 that an event log's guards are sound", cmd_validate},
    {"bisect", "find the first event after which an event log's guards are unsound", cmd_bisect},
    {"why", "show which events made a guard, a symbol or a source what it is", cmd_why},
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
        "Exit status: 0 success, 1 a negative answer (diff: the environments\n"
        "differ; validate, bisect: the guards are unsound; why: nothing matches),\n"
        "2 bad input or usage, 3 unknown (the solver gave no verdict).\n",
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

/* ---- event logs: shapeenv replay / diff ----------------------------------- */

static const char replay_help[] =
    "usage: shapeenv replay [--until N] [--print guards|state|events|graph] [--verbose]\n"
    "                       [--static] [--] LOG\n"
    "       shapeenv replay --print bindings|check --input SOURCE=VALUE ... [--static]\n"
    "                       [--until N] [--] LOG\n"
    "\n"
    "Replays the event log LOG (JSON Lines, docs/event-log.md; '-' reads standard\n"
    "input) on a fresh shape environment and prints one view of the result.\n"
    "\n"
    "Options:\n"
    "  --until N         replay events 0..N only (event 0 is the constructor)\n"
    "  --print guards    (default) the guards produce_guards gives for the inputs\n"
    "                    the log tracked (its track_fake events), one per line, as\n"
    "                    Python text such as L['x'].size()[0] <= 1024; a log that\n"
    "                    tracked no input prints its guards as SymPy text instead\n"
    "  --print state     every state field with its value (the fields PyTorch\n"
    "                    compares), one 'name: value' line each\n"
    "  --print events    each event as it is replayed: 'INDEX: TEXT', TEXT as\n"
    "                    PyTorch prints a ShapeEnvEvent\n"
    "  --print graph     the validation FX graph as a Graphviz DOT digraph\n"
    "  --print bindings  bind_symbols: the value each symbol takes for the concrete\n"
    "                    inputs given with --input, one 'SYMBOL = VALUE' line each,\n"
    "                    in binding order (symbols that are a tracked size, stride,\n"
    "                    storage offset or int, or minus one)\n"
    "  --print check     evaluate_guards_for_args: 'True' when the concrete inputs\n"
    "                    pass the guards produce_guards gives for the tracked\n"
    "                    inputs, else 'False' (exit status 1); every tracked input\n"
    "                    needs an --input\n"
    "  --input SOURCE=VALUE\n"
    "                    (repeatable) a concrete value for the tracked input SOURCE\n"
    "                    (its name, e.g. L['x']): an int (L['n']=7) or a tensor,\n"
    "                    given by its sizes (L['x']=[9,2]: contiguous, offset 0) or\n"
    "                    as size=[9,2],stride=[1,9],offset=0 (stride and offset may\n"
    "                    be left out)\n"
    "  --verbose         with guards: add the '  # ...' comments produce_guards\n"
    "                    gives\n"
    "  --static          with guards or check: also the guards on static tensor\n"
    "                    properties (L['x'].stride()[1] == 1), which Dynamo's\n"
    "                    tensor check covers and therefore leaves out\n"
    "                    (ignore_static)\n"
    "  -h, --help        show this help\n"
    "\n"
    "While a large log replays, a progress line is written to standard error when\n"
    "it is a terminal. Errors print 'shapeenv replay: LOG:LINE: MESSAGE' on\n"
    "standard error (the message names the column or field) and nothing on\n"
    "standard output.\n"
    "\n"
    "Exit status: 0 success, 1 the inputs fail the guards (--print check), 2 bad\n"
    "input (a log that cannot be read or replayed, a bad --input) or usage.\n";

static const char diff_help[] =
    "usage: shapeenv diff [--] LOG_A LOG_B\n"
    "\n"
    "Replays both event logs (JSON Lines, docs/event-log.md; one of them may be\n"
    "'-' for standard input) and compares the two environments field by field,\n"
    "as PyTorch's shape_env_check_state_equal does. When they differ, prints\n"
    "PyTorch's report on standard output:\n"
    "\n"
    "  ShapeEnv not equal: field values don't match:\n"
    "\n"
    "  ==> NAME: values don't match.\n"
    "    >  Left: ...\n"
    "    > Right: ...\n"
    "\n"
    "Equal environments print nothing.\n"
    "\n"
    "Options:\n"
    "  -h, --help        show this help\n"
    "\n"
    "Exit status: 0 equal, 1 not equal, 2 bad input (a log that cannot be read\n"
    "or replayed) or usage.\n";

static int usage_error(const char *cmd, const char *fmt, const char *arg) {
  fprintf(stderr, "shapeenv %s: ", cmd);
  fprintf(stderr, fmt, arg);
  fprintf(stderr, "\nRun 'shapeenv %s --help' for usage.\n", cmd);
  return EXIT_BAD_INPUT;
}

/* Events between two progress lines. */
#define PROGRESS_EVERY 16384u

/* What the replay callback collects while a log replays. */
typedef struct replay_view {
  se_ctx *ctx;          /* the replay's context */
  const char *cmd;      /* "replay" or "diff", for the progress line */
  const char *path;     /* the log, for the progress line */
  bool progress;        /* standard error is a terminal */
  bool shown;           /* a progress line is on the screen */
  bool print_events;    /* --print events: print each event */
} replay_view;

static void on_event(void *ud, size_t index, const char *txt) {
  replay_view *v = ud;
  if (v->progress && index && index % PROGRESS_EVERY == 0) {
    fprintf(stderr, "\rshapeenv %s: %s: %zu events replayed", v->cmd, v->path, index);
    v->shown = true;
  }
  if (v->print_events) printf("%zu: %s\n", index, txt);
}

/* Replays path into *out; on failure prints the error naming the log and
 * returns false. */
static bool replay_log(se_ctx *ctx, const char *cmd, const char *path, size_t until,
                       replay_view *v, se_env **out) {
  v->ctx = ctx;
  v->cmd = cmd;
  v->path = path;
  v->progress = isatty(fileno(stderr)) != 0;
  se_status st = se_log_replay(ctx, path, until, on_event, v, out);
  if (v->shown) fputs("\r\033[K", stderr);
  if (st == SE_OK) return true;
  const char *msg = se_errmsg(ctx);
  if (!msg || !*msg) msg = se_status_message(st);
  const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
  if (strstr(msg, name))
    fprintf(stderr, "shapeenv %s: %s\n", cmd, msg);
  else
    fprintf(stderr, "shapeenv %s: %s: %s\n", cmd, name, msg);
  return false;
}

/* DOT string literal. */
static void dot_quoted(const char *s) {
  putchar('"');
  for (; *s; s++) {
    if (*s == '"' || *s == '\\') putchar('\\');
    putchar(*s);
  }
  putchar('"');
}

/* The validation graph as Graphviz DOT: one box per live node (its name
 * and target), an edge from each argument node, constants shown inline. */
static int print_graph(se_env *env, const char *path) {
  se_ctx *ctx = se_env_ctx(env);
  printf("digraph fx {\n  rankdir=TB;\n  node [shape=box, fontname=\"monospace\"];\n");
  size_t n = se_env_fx_node_count(env);
  for (size_t i = 0; i < n; i++) {
    se_fx_node_info info;
    if (se_env_fx_node(env, i, &info) != SE_OK) {
      fprintf(stderr, "shapeenv replay: %s: %s\n", path, se_errmsg(ctx));
      return EXIT_BAD_INPUT;
    }
    if (!info.live) continue;
    printf("  ");
    dot_quoted(info.name);
    printf(" [label=");
    /* label: name = target(args) */
    char label[1024];
    if (info.placeholder) {
      char *sym = info.symbol ? se_expr_str(ctx, info.symbol) : NULL;
      snprintf(label, sizeof label, "%s: placeholder %s", info.name, sym ? sym : "");
      se_free(sym);
      dot_quoted(label);
      printf("];\n");
      continue;
    }
    int off = snprintf(label, sizeof label, "%s = %s(", info.name, info.target);
    for (size_t k = 0; k < info.nargs && off > 0 && (size_t)off < sizeof label; k++) {
      char *val = info.arg_node[k] ? NULL : se_expr_str(ctx, info.arg_value[k]);
      off += snprintf(label + off, sizeof label - (size_t)off, "%s%s", k ? ", " : "",
                      info.arg_node[k] ? info.arg_node[k] : (val ? val : "?"));
      se_free(val);
    }
    if (off > 0 && (size_t)off < sizeof label) snprintf(label + off, sizeof label - (size_t)off, ")");
    dot_quoted(label);
    printf("];\n");
    for (size_t k = 0; k < info.nargs; k++) {
      if (!info.arg_node[k]) continue;
      printf("  ");
      dot_quoted(info.arg_node[k]);
      printf(" -> ");
      dot_quoted(info.name);
      printf(";\n");
    }
  }
  printf("}\n");
  return EXIT_OK;
}

static int print_guards(se_env *env, replay_view *v, bool verbose, bool with_static) {
  se_ctx *ctx = se_env_ctx(env);
  size_t n = se_env_tracked_count(env);
  if (n == 0) {
    char *g = se_env_format_guards(env);
    if (!g) {
      fprintf(stderr, "shapeenv replay: %s: %s\n", v->path, se_errmsg(ctx));
      return EXIT_BAD_INPUT;
    }
    /* " - expr" lines: print the expressions alone. */
    for (const char *p = g; *p;) {
      const char *e = strchr(p, '\n');
      size_t len = e ? (size_t)(e - p) : strlen(p);
      if (len >= 3 && strncmp(p, " - ", 3) == 0) printf("%.*s\n", (int)(len - 3), p + 3);
      p += len + (e ? 1 : 0);
    }
    se_free(g);
    return EXIT_OK;
  }
  se_placeholder *ph = calloc(n, sizeof *ph);
  const se_source **src = calloc(n, sizeof *src);
  if (!ph || !src) die_nomem();
  for (size_t i = 0; i < n; i++)
    if (se_env_tracked(env, i, &src[i], &ph[i]) != SE_OK) die_nomem();
  char **out = NULL;
  size_t nout = 0;
  se_status st = se_env_produce_guards(env, ph, src, n, !with_static, verbose, &out, &nout);
  free(ph);
  free(src);
  if (st != SE_OK) {
    fprintf(stderr, "shapeenv replay: %s: produce_guards: %s\n", v->path, se_errmsg(ctx));
    return EXIT_BAD_INPUT;
  }
  for (size_t i = 0; i < nout; i++) {
    puts(out[i]);
    se_free(out[i]);
  }
  se_free(out);
  return EXIT_OK;
}

/* Parses a non-negative decimal event index. */
static bool parse_index(const char *s, size_t *out) {
  if (!*s) return false;
  size_t v = 0;
  for (const char *p = s; *p; p++) {
    if (*p < '0' || *p > '9') return false;
    size_t d = (size_t)(*p - '0');
    if (v > (SIZE_MAX - 1 - d) / 10) return false;
    v = v * 10 + d;
  }
  *out = v;
  return true;
}

static int finish_output(const char *cmd, int status) {
  if (fflush(stdout) != 0 || ferror(stdout)) {
    fprintf(stderr, "shapeenv %s: error writing standard output\n", cmd);
    return EXIT_BAD_INPUT;
  }
  return status;
}

/* ---- concrete inputs: --input SOURCE=VALUE ------------------------------------ */

/* One --input: the source's name and its value. */
typedef struct input_arg {
  char *source;       /* the name before '=' (malloc-owned) */
  se_concrete value;  /* sizes/strides point into ints */
  int64_t *ints;      /* sizes then strides (malloc-owned), NULL for an int */
} input_arg;

/* Parses "[a,b,...]" at *p into a malloc-owned array; false when malformed. */
static bool parse_int_list(const char **p, int64_t **out, size_t *n) {
  const char *s = *p;
  if (*s != '[') return false;
  s++;
  int64_t *v = NULL;
  size_t k = 0;
  while (*s == ' ') s++;
  while (*s != ']') {
    char *end;
    errno = 0;
    long long x = strtoll(s, &end, 10);
    if (end == s || errno) {
      free(v);
      return false;
    }
    int64_t *nv = realloc(v, (k + 1) * sizeof *v);
    if (!nv) die_nomem();
    v = nv;
    v[k++] = (int64_t)x;
    s = end;
    while (*s == ' ') s++;
    if (*s == ',') {
      s++;
      while (*s == ' ') s++;
    } else if (*s != ']') {
      free(v);
      return false;
    }
  }
  *p = s + 1;
  *out = v;
  *n = k;
  return true;
}

static bool parse_int(const char *s, const char *end, int64_t *out) {
  char *e;
  errno = 0;
  long long x = strtoll(s, &e, 10);
  if (e == s || e != end || errno) return false;
  *out = (int64_t)x;
  return true;
}

/* Parses "SOURCE=VALUE" (see replay_help); false with a message on error. */
static bool parse_input(const char *arg, input_arg *out) {
  memset(out, 0, sizeof *out);
  /* The source ends at the first '=' outside quotes. */
  const char *eq = NULL;
  char quote = 0;
  for (const char *p = arg; *p && !eq; p++) {
    if (quote) {
      if (*p == '\\' && p[1]) p++;
      else if (*p == quote) quote = 0;
    } else if (*p == '\'' || *p == '"') {
      quote = *p;
    } else if (*p == '=') {
      eq = p;
    }
  }
  if (!eq || eq == arg) {
    fprintf(stderr, "shapeenv replay: --input '%s': expected SOURCE=VALUE\n", arg);
    return false;
  }
  out->source = malloc((size_t)(eq - arg) + 1);
  if (!out->source) die_nomem();
  memcpy(out->source, arg, (size_t)(eq - arg));
  out->source[eq - arg] = '\0';
  const char *v = eq + 1, *vend = v + strlen(v);
  if (*v != '[' && strncmp(v, "size=", 5) != 0) {
    out->value.kind = SE_CONCRETE_INT;
    if (parse_int(v, vend, &out->value.value)) return true;
    fprintf(stderr, "shapeenv replay: --input %s: '%s' is not an int or a tensor ([9,2] or "
                    "size=[9,2],stride=[2,1],offset=0)\n", out->source, v);
    return false;
  }
  int64_t *sizes = NULL, *strides = NULL;
  size_t ns = 0, nt = 0;
  int64_t offset = 0;
  bool ok = true, have_strides = false;
  if (*v == '[') {
    ok = parse_int_list(&v, &sizes, &ns) && *v == '\0';
  } else {
    v += 5;
    ok = parse_int_list(&v, &sizes, &ns);
    while (ok && *v == ',') {
      v++;
      if (strncmp(v, "stride=", 7) == 0 && !have_strides) {
        v += 7;
        ok = parse_int_list(&v, &strides, &nt) && nt == ns;
        have_strides = true;
      } else if (strncmp(v, "offset=", 7) == 0) {
        v += 7;
        const char *e = v;
        if (*e == '-') e++;
        while (*e >= '0' && *e <= '9') e++;
        ok = parse_int(v, e, &offset);
        v = e;
      } else {
        ok = false;
      }
    }
    ok = ok && *v == '\0';
  }
  if (!ok) {
    free(sizes);
    free(strides);
    fprintf(stderr, "shapeenv replay: --input %s: bad tensor '%s' (expected [9,2] or "
                    "size=[9,2],stride=[2,1],offset=0, as many strides as sizes)\n",
            out->source, eq + 1);
    return false;
  }
  out->ints = malloc((2 * ns + 1) * sizeof *out->ints);
  if (!out->ints) die_nomem();
  for (size_t i = 0; i < ns; i++) out->ints[i] = sizes[i];
  /* Contiguous strides unless given: each the product of the sizes after it. */
  int64_t run = 1;
  for (size_t i = ns; i-- > 0;) {
    out->ints[ns + i] = have_strides ? strides[i] : run;
    run *= sizes[i] > 1 ? sizes[i] : 1;
  }
  free(sizes);
  free(strides);
  out->value.kind = SE_CONCRETE_TENSOR;
  out->value.dim = ns;
  out->value.sizes = out->ints;
  out->value.strides = out->ints + ns;
  out->value.storage_offset = offset;
  return true;
}

/* --print bindings / check: the tracked inputs as placeholders, each with
 * its --input (NONE when there is none). */
static int print_concrete(se_env *env, const char *path, const char *what, input_arg *in,
                          size_t nin, bool with_static) {
  se_ctx *ctx = se_env_ctx(env);
  size_t n = se_env_tracked_count(env);
  se_placeholder *ph = calloc(n ? n : 1, sizeof *ph);
  const se_source **src = calloc(n ? n : 1, sizeof *src);
  se_concrete *args = calloc(n ? n : 1, sizeof *args);
  if (!ph || !src || !args) die_nomem();
  for (size_t i = 0; i < n; i++)
    if (se_env_tracked(env, i, &src[i], &ph[i]) != SE_OK) die_nomem();
  int status = EXIT_OK;
  for (size_t k = 0; k < nin && status == EXIT_OK; k++) {
    size_t i = 0;
    while (i < n && strcmp(se_source_name(src[i]), in[k].source) != 0) i++;
    if (i == n) {
      fprintf(stderr, "shapeenv replay: --input %s: not an input the log tracked (", in[k].source);
      for (size_t j = 0; j < n; j++) fprintf(stderr, "%s%s", j ? ", " : "", se_source_name(src[j]));
      fprintf(stderr, "%s)\n", n ? "" : "it tracked none");
      status = EXIT_BAD_INPUT;
    } else {
      args[i] = in[k].value;
    }
  }
  bool check = strcmp(what, "check") == 0;
  for (size_t i = 0; check && status == EXIT_OK && i < n; i++)
    if (args[i].kind == SE_CONCRETE_NONE && ph[i].kind != SE_PH_NONE) {
      fprintf(stderr, "shapeenv replay: --print check needs an --input for every tracked input; "
                      "%s has none\n", se_source_name(src[i]));
      status = EXIT_BAD_INPUT;
    }
  if (status == EXIT_OK && check) {
    bool pass = false;
    if (se_env_evaluate_guards_for_args(env, ph, args, n, !with_static, &pass) != SE_OK) {
      const char *m = se_errmsg(ctx);
      fprintf(stderr, "shapeenv replay: %s: %s%s\n", path,
              strncmp(m, "evaluate_guards_for_args:", 25) ? "evaluate_guards_for_args: " : "", m);
      status = EXIT_BAD_INPUT;
    } else {
      puts(pass ? "True" : "False");
      status = pass ? EXIT_OK : EXIT_NEGATIVE;
    }
  } else if (status == EXIT_OK) {
    se_binding *b = NULL;
    size_t nb = 0;
    if (se_env_bind_symbols(env, ph, args, n, &b, &nb) != SE_OK) {
      const char *m = se_errmsg(ctx);
      fprintf(stderr, "shapeenv replay: %s: %s%s\n", path,
              strncmp(m, "bind_symbols:", 13) ? "bind_symbols: " : "", m);
      status = EXIT_BAD_INPUT;
    } else {
      for (size_t i = 0; i < nb; i++)
        printf("%s = %lld\n", se_expr_symbol_name(b[i].symbol), (long long)b[i].value);
      se_free(b);
    }
  }
  free(ph);
  free(src);
  free(args);
  return status;
}

/* The options of shapeenv replay: -1 when they are good, else the exit
 * status (help printed, or a usage error reported). */
static int replay_options(int argc, char **argv, size_t *until_out, const char **what_out,
                          bool *verbose_out, bool *static_out, const char **log_out,
                          const char **inputs, size_t *ninputs) {
  size_t until = SIZE_MAX;
  const char *what = "guards";
  bool verbose = false, with_static = false;
  const char *log = NULL;
  bool rest = false;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!rest && strcmp(a, "--") == 0) {
      rest = true;
      continue;
    }
    if (rest || a[0] != '-' || a[1] == '\0') {
      if (log) return usage_error("replay", "expected one LOG, got '%s' as well", a);
      log = a;
      continue;
    }
    if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      fputs(replay_help, stdout);
      return EXIT_OK;
    }
    if (strcmp(a, "--verbose") == 0) {
      verbose = true;
    } else if (strcmp(a, "--static") == 0) {
      with_static = true;
    } else if (strcmp(a, "--until") == 0 || strncmp(a, "--until=", 8) == 0) {
      const char *n = a[7] == '=' ? a + 8 : (i + 1 < argc ? argv[++i] : NULL);
      if (!n) return usage_error("replay", "%s needs an event index", a);
      if (!parse_index(n, &until))
        return usage_error("replay", "--until needs a non-negative event index, not '%s'", n);
    } else if (strcmp(a, "--print") == 0 || strncmp(a, "--print=", 8) == 0) {
      const char *w = a[7] == '=' ? a + 8 : (i + 1 < argc ? argv[++i] : NULL);
      if (!w)
        return usage_error("replay", "%s needs guards, state, events, graph, bindings or check", a);
      if (strcmp(w, "guards") && strcmp(w, "state") && strcmp(w, "events") && strcmp(w, "graph") &&
          strcmp(w, "bindings") && strcmp(w, "check"))
        return usage_error(
            "replay", "--print takes guards, state, events, graph, bindings or check, not '%s'", w);
      what = w;
    } else if (strcmp(a, "--input") == 0 || strncmp(a, "--input=", 8) == 0) {
      const char *t = a[7] == '=' ? a + 8 : (i + 1 < argc ? argv[++i] : NULL);
      if (!t) return usage_error("replay", "%s needs SOURCE=VALUE", a);
      inputs[(*ninputs)++] = t;
    } else {
      return usage_error("replay", "unknown option '%s'", a);
    }
  }
  if (!log) return usage_error("replay", "%s", "missing LOG (an event log file, or - for stdin)");
  *until_out = until;
  *what_out = what;
  *verbose_out = verbose;
  *static_out = with_static;
  *log_out = log;
  return -1;
}

/* Replays log and prints the view what asks for. */
static int replay_run(const char *log, size_t until, const char *what, bool verbose,
                      bool with_static, input_arg *in, size_t nin) {
  se_ctx *ctx = se_ctx_new();
  if (!ctx) die_nomem();
  replay_view v;
  memset(&v, 0, sizeof v);
  v.print_events = strcmp(what, "events") == 0;
  se_env *env = NULL;
  int status = EXIT_OK;
  if (!replay_log(ctx, "replay", log, until, &v, &env)) {
    status = EXIT_BAD_INPUT;
  } else if (strcmp(what, "state") == 0) {
    char *d = se_env_dump(env);
    if (d) {
      fputs(d, stdout);
      if (*d && d[strlen(d) - 1] != '\n') putchar('\n');
      se_free(d);
    } else {
      fprintf(stderr, "shapeenv replay: %s: %s\n", log, se_errmsg(ctx));
      status = EXIT_BAD_INPUT;
    }
  } else if (strcmp(what, "guards") == 0) {
    status = print_guards(env, &v, verbose, with_static);
  } else if (strcmp(what, "graph") == 0) {
    status = print_graph(env, log);
  } else {
    status = print_concrete(env, log, what, in, nin, with_static);
  }
  se_env_free(env);
  se_ctx_free(ctx);
  return finish_output("replay", status);
}

static int cmd_replay(int argc, char **argv) {
  size_t until = SIZE_MAX;
  const char *what = "guards";
  bool verbose = false, with_static = false;
  const char *log = NULL;
  /* --input texts, parsed once the options are known to be well formed. */
  const char **inputs = calloc((size_t)argc, sizeof *inputs);
  size_t ninputs = 0;
  if (!inputs) die_nomem();
  int st = replay_options(argc, argv, &until, &what, &verbose, &with_static, &log, inputs,
                          &ninputs);
  if (st >= 0) {
    free(inputs);
    return st;
  }
  bool concrete = strcmp(what, "bindings") == 0 || strcmp(what, "check") == 0;
  if (ninputs && !concrete) {
    free(inputs);
    return usage_error("replay", "%s", "--input needs --print bindings or --print check");
  }
  if (concrete && !ninputs) {
    free(inputs);
    return usage_error("replay", "--print %s needs at least one --input SOURCE=VALUE", what);
  }
  input_arg *in = calloc(ninputs ? ninputs : 1, sizeof *in);
  if (!in) die_nomem();
  int status = EXIT_OK;
  for (size_t k = 0; k < ninputs && status == EXIT_OK; k++)
    if (!parse_input(inputs[k], &in[k])) status = EXIT_BAD_INPUT;
  free(inputs);
  if (status == EXIT_OK) status = replay_run(log, until, what, verbose, with_static, in, ninputs);
  for (size_t k = 0; k < ninputs; k++) {
    free(in[k].source);
    free(in[k].ints);
  }
  free(in);
  return status;
}

static int cmd_diff(int argc, char **argv) {
  const char *logs[2] = {NULL, NULL};
  int n = 0;
  bool rest = false;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!rest && strcmp(a, "--") == 0) {
      rest = true;
      continue;
    }
    if (!rest && (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0)) {
      fputs(diff_help, stdout);
      return EXIT_OK;
    }
    if (!rest && a[0] == '-' && a[1] != '\0') return usage_error("diff", "unknown option '%s'", a);
    if (n == 2) return usage_error("diff", "expected two logs, got '%s' as well", a);
    logs[n++] = a;
  }
  if (n < 2) return usage_error("diff", "%s", "needs two logs: LOG_A LOG_B");
  if (strcmp(logs[0], "-") == 0 && strcmp(logs[1], "-") == 0)
    return usage_error("diff", "%s", "only one of the logs can be standard input ('-')");
  se_ctx *ctx = se_ctx_new();
  if (!ctx) die_nomem();
  se_env *env[2] = {NULL, NULL};
  int status = EXIT_OK;
  for (int i = 0; i < 2 && status == EXIT_OK; i++) {
    replay_view v;
    memset(&v, 0, sizeof v);
    if (!replay_log(ctx, "diff", logs[i], SIZE_MAX, &v, &env[i])) status = EXIT_BAD_INPUT;
  }
  if (status == EXIT_OK) {
    char *report_text = NULL;
    se_status st = se_env_check_equal(env[0], env[1], &report_text);
    if (st == SE_NOT_EQUAL) {
      if (report_text) {
        fputs(report_text, stdout);
        if (*report_text && report_text[strlen(report_text) - 1] != '\n') putchar('\n');
      }
      status = EXIT_NEGATIVE;
    } else if (st != SE_OK) {
      fprintf(stderr, "shapeenv diff: %s\n", se_errmsg(ctx));
      status = EXIT_BAD_INPUT;
    }
    se_free(report_text);
  }
  se_env_free(env[0]);
  se_env_free(env[1]);
  se_ctx_free(ctx);
  return finish_output("diff", status);
}

/* ---- validate / bisect ------------------------------------------------------ */

static const char validate_help[] =
    "usage: shapeenv validate [--timeout-ms N] [--rlimit N] [--smt2 FILE] [--] LOG\n"
    "\n"
    "Replays the event log LOG and checks with Z3 that the guards produce_guards\n"
    "gives for its tracked inputs are sound: no input that passes them (and the\n"
    "replacements, value ranges and runtime asserts the environment relied on)\n"
    "can violate a decision made while tracing (the _assert nodes of the\n"
    "validation graph). Prints PyTorch's 'translation validation failed.' report\n"
    "when they are not.\n"
    "\n"
    "Options:\n"
    "  --timeout-ms N    Z3 timeout in milliseconds (default 600000)\n"
    "  --rlimit N        Z3 resource limit: the same verdict on every machine\n"
    "                    (default: none)\n"
    "  --smt2 FILE       write a failing or unknown query as SMT-LIB2 to FILE\n"
    "                    ('z3 FILE' replays it)\n"
    "  -h, --help        show this help\n"
    "\n"
    "Exit status: 0 sound, 1 unsound, 2 bad input or usage, 3 unknown (Z3 gave\n"
    "no verdict within the limits; never reported as sound).\n";

static const char bisect_help[] =
    "usage: shapeenv bisect [--timeout-ms N] [--rlimit N] [--smt2 FILE] [--] LOG\n"
    "\n"
    "Replays the event log LOG; when its guards are not sound (see 'shapeenv\n"
    "validate'), binary-searches the decisions recorded while tracing for the\n"
    "first event after which validation fails, and reports it as PyTorch does:\n"
    "'translation validation failed when evaluating: EXPR' (or 'when adding\n"
    "runtime assert'), the node, then the validation report. Probes continue\n"
    "from checkpoints, so the events replayed stay within twice the log length.\n"
    "A progress line is written to standard error when it is a terminal.\n"
    "\n"
    "Options: as for validate.\n"
    "\n"
    "Exit status: 0 the guards are sound, 1 the failing event was located (or\n"
    "the failure could not be reproduced: the report says so), 2 bad input or\n"
    "usage, 3 unknown.\n";

/* Parses a non-negative count for --timeout-ms / --rlimit. */
static bool parse_u64(const char *s, uint64_t *out) {
  if (!*s) return false;
  uint64_t v = 0;
  for (const char *p = s; *p; p++) {
    if (*p < '0' || *p > '9') return false;
    uint64_t d = (uint64_t)(*p - '0');
    if (v > (UINT64_MAX - d) / 10) return false;
    v = v * 10 + d;
  }
  *out = v;
  return true;
}

typedef struct tv_args {
  const char *log;
  const char *smt2;
  se_tv_options opt;
} tv_args;

/* Options shared by validate and bisect; returns -1 to go on, else an exit
 * status. */
static int parse_tv_args(const char *cmd, const char *help, int argc, char **argv, tv_args *a) {
  se_tv_options_init(&a->opt);
  a->log = NULL;
  a->smt2 = NULL;
  bool rest = false;
  for (int i = 1; i < argc; i++) {
    const char *s = argv[i];
    if (!rest && strcmp(s, "--") == 0) {
      rest = true;
      continue;
    }
    if (rest || s[0] != '-' || s[1] == '\0') {
      if (a->log) return usage_error(cmd, "expected one LOG, got '%s' as well", s);
      a->log = s;
      continue;
    }
    if (strcmp(s, "-h") == 0 || strcmp(s, "--help") == 0) {
      fputs(help, stdout);
      return EXIT_OK;
    }
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (strcmp(s, "--timeout-ms") == 0 || strcmp(s, "--rlimit") == 0) {
      uint64_t n;
      if (!v || !parse_u64(v, &n))
        return usage_error(cmd, "%s needs a non-negative number", s);
      if (s[2] == 't')
        a->opt.timeout_ms = n;
      else
        a->opt.rlimit = n;
      i++;
    } else if (strcmp(s, "--smt2") == 0) {
      if (!v) return usage_error(cmd, "%s", "--smt2 needs a FILE");
      a->smt2 = v;
      a->opt.want_smt2 = true;
      i++;
    } else {
      return usage_error(cmd, "unknown option '%s'", s);
    }
  }
  if (!a->log) return usage_error(cmd, "%s", "missing LOG (an event log file, or - for stdin)");
  return -1;
}

static int write_smt2(const char *cmd, const char *path, const char *query) {
  if (!path) return EXIT_OK;
  if (!query) {
    fprintf(stderr, "shapeenv %s: no query to write to %s (the guards are sound)\n", cmd, path);
    return EXIT_OK;
  }
  FILE *f = fopen(path, "w");
  if (!f || fputs(query, f) < 0 || fclose(f) != 0) {
    fprintf(stderr, "shapeenv %s: cannot write %s: %s\n", cmd, path, strerror(errno));
    return EXIT_BAD_INPUT;
  }
  return EXIT_OK;
}

static int verdict_status(se_tv_verdict v) {
  return v == SE_TV_VALID ? EXIT_OK : v == SE_TV_INVALID ? EXIT_NEGATIVE : EXIT_UNKNOWN;
}

static int cmd_validate(int argc, char **argv) {
  tv_args a;
  int r = parse_tv_args("validate", validate_help, argc, argv, &a);
  if (r >= 0) return r;
  se_ctx *ctx = se_ctx_new();
  if (!ctx) die_nomem();
  se_tv_result res;
  memset(&res, 0, sizeof res);
  int status;
  se_status st = se_validate_log(ctx, a.log, &a.opt, &res);
  if (st != SE_OK) {
    fprintf(stderr, "shapeenv validate: %s\n", se_errmsg(ctx));
    status = EXIT_BAD_INPUT;
  } else {
    if (res.report) {
      fputs(res.report, stdout);
      if (*res.report && res.report[strlen(res.report) - 1] != '\n') putchar('\n');
    }
    status = verdict_status(res.verdict);
    int w = write_smt2("validate", a.smt2, res.smt2);
    if (w != EXIT_OK) status = w;
  }
  se_tv_result_free(&res);
  se_ctx_free(ctx);
  return finish_output("validate", status);
}

static void bisect_progress(void *ud, size_t probe, size_t lo, size_t hi, size_t n) {
  (void)ud;
  fprintf(stderr, "\rshapeenv bisect: probe %zu: candidates %zu..%zu of %zu", probe, lo, hi, n);
}

static int cmd_bisect(int argc, char **argv) {
  tv_args a;
  int r = parse_tv_args("bisect", bisect_help, argc, argv, &a);
  if (r >= 0) return r;
  se_ctx *ctx = se_ctx_new();
  if (!ctx) die_nomem();
  se_bisect_result res;
  memset(&res, 0, sizeof res);
  bool tty = isatty(fileno(stderr)) != 0;
  int status;
  se_status st = se_bisect_log(ctx, a.log, &a.opt, tty ? bisect_progress : NULL, NULL, &res);
  if (tty) fputs("\r\033[K", stderr);
  if (st != SE_OK) {
    fprintf(stderr, "shapeenv bisect: %s\n", se_errmsg(ctx));
    status = EXIT_BAD_INPUT;
  } else {
    if (res.report) {
      fputs(res.report, stdout);
      if (*res.report && res.report[strlen(res.report) - 1] != '\n') putchar('\n');
    }
    status = verdict_status(res.verdict);
    int w = write_smt2("bisect", a.smt2, res.smt2);
    if (w != EXIT_OK) status = w;
  }
  se_bisect_result_free(&res);
  se_ctx_free(ctx);
  return finish_output("bisect", status);
}

/* ---- why ------------------------------------------------------------------------ */

static const char why_help[] =
    "usage: shapeenv why LOG (--guard TEXT | --symbol NAME | --source NAME) [--json]\n"
    "\n"
    "Replays the event log LOG remembering which event made each change, then\n"
    "shows the chain of events behind one answer, in order, each with its index,\n"
    "name, arguments and the caller's location when the log has one:\n"
    "\n"
    "  --guard TEXT      a guard as 'shapeenv replay' prints it\n"
    "                    (\"L['x'].size()[0] == 2*L['y'].size()[0]\") or as SymPy\n"
    "                    text (\"Eq(s77, 2*s17)\"); a range guard lists every\n"
    "                    event that narrowed the range\n"
    "  --symbol NAME     a symbol (s77, u0): its creation, sources, replacements,\n"
    "                    range history, and its specialisation to a constant\n"
    "  --source NAME     a source (\"L['x'].size()[0]\"): its binding to a symbol,\n"
    "                    then that symbol's history\n"
    "  --json            machine-readable output\n"
    "  -h, --help        show this help\n"
    "\n"
    "Exit status: 0 answered, 1 nothing matches, 2 bad input or usage.\n";

static int cmd_why(int argc, char **argv) {
  const char *log = NULL, *query = NULL;
  se_why_kind kind = SE_WHY_GUARD;
  bool json = false, rest = false;
  for (int i = 1; i < argc; i++) {
    const char *s = argv[i];
    if (!rest && strcmp(s, "--") == 0) {
      rest = true;
      continue;
    }
    if (rest || s[0] != '-' || s[1] == '\0') {
      if (log) return usage_error("why", "expected one LOG, got '%s' as well", s);
      log = s;
      continue;
    }
    if (strcmp(s, "-h") == 0 || strcmp(s, "--help") == 0) {
      fputs(why_help, stdout);
      return EXIT_OK;
    }
    if (strcmp(s, "--json") == 0) {
      json = true;
      continue;
    }
    se_why_kind k;
    if (strcmp(s, "--guard") == 0)
      k = SE_WHY_GUARD;
    else if (strcmp(s, "--symbol") == 0)
      k = SE_WHY_SYMBOL;
    else if (strcmp(s, "--source") == 0)
      k = SE_WHY_SOURCE;
    else
      return usage_error("why", "unknown option '%s'", s);
    if (i + 1 >= argc) return usage_error("why", "%s needs a value", s);
    if (query) return usage_error("why", "%s", "give one of --guard, --symbol, --source");
    kind = k;
    query = argv[++i];
  }
  if (!log) return usage_error("why", "%s", "missing LOG (an event log file, or - for stdin)");
  if (!query) return usage_error("why", "%s", "give one of --guard, --symbol, --source");
  se_ctx *ctx = se_ctx_new();
  if (!ctx) die_nomem();
  se_env *env = NULL;
  int status = EXIT_OK;
  se_status st = se_log_load(ctx, log, SIZE_MAX, true, &env);
  if (st != SE_OK) {
    fprintf(stderr, "shapeenv why: %s\n", se_errmsg(ctx));
    status = EXIT_BAD_INPUT;
  } else {
    char *out = NULL;
    st = se_env_why(env, kind, query, json, &out);
    if (st == SE_OK) {
      fputs(out, stdout);
    } else if (st == SE_NOTFOUND) {
      fprintf(stderr, "shapeenv why: %s: %s\n", log, se_errmsg(ctx));
      status = EXIT_NEGATIVE;
    } else {
      fprintf(stderr, "shapeenv why: %s: %s\n", log, se_errmsg(ctx));
      status = EXIT_BAD_INPUT;
    }
    se_free(out);
  }
  se_env_free(env);
  se_ctx_free(ctx);
  return finish_output("why", status);
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
