/* bench_expr: times the expression engine on a corpus file, through the
 * public API only.
 *
 *   bench_expr FILE [ROUNDS]
 *
 * Each line of FILE is an expression in SymPy's text form, optionally
 * followed by a TAB and NAME=VALUE,... assignments. Per line: parse (which
 * canonicalizes), substitute the assignments if any, print with str(). Each
 * round starts from a fresh context, so nothing is reused between rounds.
 * Prints one line: lines, errors, rounds, the best and the median seconds
 * per round. Built by bench/bench.py; not part of the CMake build. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "shapeenv.h"

enum { MAX_SUBS = 32 };

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap + 1);
  size_t got;
  while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
    n += got;
    if (n == cap) {
      char *bigger = realloc(buf, 2 * cap + 1);
      if (!bigger) {
        free(buf);
        buf = NULL;
        break;
      }
      buf = bigger;
      cap *= 2;
    }
  }
  fclose(f);
  if (buf) buf[n] = '\0';
  *len = n;
  return buf;
}

/* Substitutes "NAME=VALUE,NAME=VALUE" into e; NULL on a malformed list. */
static const se_expr *subs_text(se_ctx *ctx, const se_expr *e, char *assign) {
  const se_expr *syms[MAX_SUBS], *vals[MAX_SUBS];
  size_t n = 0;
  for (char *item = strtok(assign, ","); item && n < MAX_SUBS; item = strtok(NULL, ",")) {
    char *eq = strchr(item, '=');
    if (!eq) return NULL;
    *eq = '\0';
    syms[n] = se_expr_symbol(ctx, item);
    vals[n] = se_expr_int(ctx, strtoll(eq + 1, NULL, 10));
    *eq = '=';
    n++;
  }
  return se_expr_subs(ctx, e, syms, vals, n);
}

/* One pass over the lines in a fresh context; counts failed lines. */
static size_t run_round(char **lines, size_t nlines, size_t *out_bytes) {
  se_ctx *ctx = se_ctx_new();
  size_t errors = 0;
  char assign[1024];
  for (size_t i = 0; i < nlines; i++) {
    const char *line = lines[i];
    const char *tab = strchr(line, '\t');
    size_t len = tab ? (size_t)(tab - line) : strlen(line);
    const se_expr *e = se_parse(ctx, line, len);
    if (e && tab) {
      size_t alen = strlen(tab + 1);
      if (alen >= sizeof assign) alen = sizeof assign - 1;
      memcpy(assign, tab + 1, alen);
      assign[alen] = '\0';
      e = subs_text(ctx, e, assign);
    }
    char *s = e ? se_expr_str(ctx, e) : NULL;
    if (s) {
      *out_bytes += strlen(s);
      se_free(s);
    } else {
      errors++;
      se_clear_error(ctx);
    }
  }
  se_ctx_free(ctx);
  return errors;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: bench_expr FILE [ROUNDS]\n");
    return 2;
  }
  int rounds = argc > 2 ? atoi(argv[2]) : 20;
  if (rounds < 1) rounds = 1;
  size_t len;
  char *text = read_file(argv[1], &len);
  if (!text) {
    perror(argv[1]);
    return 2;
  }
  size_t nlines = 0;
  for (size_t i = 0; i < len; i++) nlines += text[i] == '\n';
  char **lines = malloc((nlines + 1) * sizeof *lines);
  double *times = malloc((size_t)rounds * sizeof *times);
  if (!lines || !times) return 2;
  nlines = 0;
  for (char *p = strtok(text, "\n"); p; p = strtok(NULL, "\n")) lines[nlines++] = p;

  size_t errors = 0, bytes = 0;
  for (int r = 0; r < rounds; r++) {
    double t = now();
    errors = run_round(lines, nlines, &bytes);
    times[r] = now() - t;
  }
  qsort(times, (size_t)rounds, sizeof *times, cmp_double);
  printf("lines=%zu errors=%zu rounds=%d best=%.6f median=%.6f bytes=%zu\n", nlines, errors,
         rounds, times[0], times[rounds / 2], bytes / (size_t)rounds);
  free(times);
  free(lines);
  free(text);
  return 0;
}
