/* bench_env: per-call times of the shape environment, public API only.
 *
 *   bench_env [INPUTS]
 *
 * - static: evaluate_expr of a guard the environment already knows (after
 *   T <= 1024 was guarded once), 20 batches of 20,000 calls; the median
 *   batch's time per call;
 * - guard: evaluate_expr calls that each add a guard (s_i <= hint_i + 7
 *   on INPUTS distinct sizes, each the first of its kind);
 * - produce_guards over INPUTS (default 1000) one-dimensional inputs of
 *   distinct sizes, each with one guard: the median of 5 calls.
 * Recording is off. Prints key=value lines (bench/bench_env.py formats them). */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "shapeenv.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void die(se_ctx *ctx, const char *what) {
  fprintf(stderr, "bench_env: %s: %s\n", what, se_errmsg(ctx));
  exit(1);
}

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static const se_expr *rel(se_ctx *c, se_kind k, const se_expr *a, const se_expr *b) {
  const se_expr *v[2] = {a, b};
  return se_expr_call(c, k, v, 2);
}

int main(int argc, char **argv) {
  size_t inputs = argc > 1 ? (size_t)strtoull(argv[1], NULL, 10) : 1000;
  se_ctx *c = se_ctx_new();
  se_env *env = se_env_new(c, NULL);
  const int64_t sizes[] = {4, 128, 768}, strides[] = {98304, 768, 1};
  se_tensor_spec spec = {.dim = 3, .sizes = sizes, .strides = strides};
  se_tensor_meta x;
  if (se_env_create_tensor(env, &spec, se_source_local(c, "x"), &x) != SE_OK) die(c, "tensor");
  const se_expr *g = rel(c, SE_K_LE, x.sizes[1].expr, se_expr_int(c, 1024)), *out;
  if (se_env_evaluate_expr(env, g, NULL, -1, false, NULL, &out) != SE_OK) die(c, "guard");
  enum { BATCHES = 20, PER = 20000 };
  double t[BATCHES];
  for (int b = 0; b < BATCHES; b++) {
    double t0 = now();
    for (int i = 0; i < PER; i++)
      if (se_env_evaluate_expr(env, g, NULL, -1, false, NULL, &out) != SE_OK) die(c, "static");
    t[b] = (now() - t0) / PER;
  }
  qsort(t, BATCHES, sizeof *t, cmp);
  printf("static_us=%.3f\n", t[BATCHES / 2] * 1e6);

  /* INPUTS one-dimensional inputs of distinct sizes, each guarded once. */
  se_env *e2 = se_env_new(c, NULL);
  se_placeholder *ph = calloc(inputs, sizeof *ph);
  const se_source **src = calloc(inputs, sizeof *src);
  const se_expr **guards = calloc(inputs, sizeof *guards);
  if (!ph || !src || !guards) return 1;
  for (size_t i = 0; i < inputs; i++) {
    char name[32];
    snprintf(name, sizeof name, "in%zu", i);
    int64_t sz[1] = {(int64_t)i + 2}, st[1] = {1};
    se_tensor_spec s1 = {.dim = 1, .sizes = sz, .strides = st};
    src[i] = se_source_local(c, name);
    ph[i].kind = SE_PH_TENSOR;
    if (se_env_create_tensor(e2, &s1, src[i], &ph[i].tensor) != SE_OK) die(c, "input");
    guards[i] = rel(c, SE_K_LE, ph[i].tensor.sizes[0].expr, se_expr_int(c, (int64_t)i + 9));
  }
  double t0 = now();
  for (size_t i = 0; i < inputs; i++)
    if (se_env_evaluate_expr(e2, guards[i], NULL, -1, false, NULL, &out) != SE_OK) die(c, "add");
  printf("guard_us=%.3f\n", (now() - t0) / (double)inputs * 1e6);
  double pg[5];
  size_t nout = 0;
  for (int r = 0; r < 5; r++) {
    char **texts = NULL;
    t0 = now();
    if (se_env_produce_guards(e2, ph, src, inputs, true, false, &texts, &nout) != SE_OK)
      die(c, "produce_guards");
    pg[r] = now() - t0;
    for (size_t i = 0; i < nout; i++) se_free(texts[i]);
    se_free(texts);
  }
  qsort(pg, 5, sizeof *pg, cmp);
  printf("inputs=%zu\nguard_lines=%zu\nproduce_guards_ms=%.3f\n", inputs, nout, pg[2] * 1e3);
  free(ph);
  free(src);
  free(guards);
  se_env_free(e2);
  se_env_free(env);
  se_ctx_free(c);
  return 0;
}
