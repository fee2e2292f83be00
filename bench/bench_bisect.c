/* bench_bisect: bisection of a long event log with the fault near its end,
 * against bisection that replays every probe from event 0. Public API only.
 *
 *   SHAPEENV_INJECT_FLIP_EQUALITY_TESTING_ONLY=1 bench_bisect [EVENTS] [CHECKS]
 *
 * The workload records about EVENTS events (default 100000): one tracked
 * input x of shape (4, 128, 768), CHECKS (default 24) distinct inequality
 * checks on its sizes spread over the log, each decided many times (the
 * repeats are decided statically and make no new decision), and near the
 * end one equality, which the testing-only fault records negated: the
 * first unsound event. Then:
 *   - se_bisect_env: probes continue from checkpoints;
 *   - the naive search: the same binary search over the decision events,
 *     each probe replaying events 0..e from scratch and validating.
 * Prints key=value lines: events, decisions, located_event, replayed
 * (se_bisect_env), probes, bisect_s, naive_replayed, naive_probes, naive_s.
 * Built by bench/bench_bisect.py; not part of the CMake build. */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "shapeenv.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void die(se_ctx *ctx, const char *what) {
  fprintf(stderr, "bench_bisect: %s: %s\n", what, ctx ? se_errmsg(ctx) : "out of memory");
  exit(1);
}

/* Decides a OP c through the symbolic value layer (so the decision has a
 * validation node); returns the event count after it. */
static size_t decide(se_env *env, se_symop op, se_sym a, int64_t c) {
  se_ctx *ctx = se_env_ctx(env);
  se_sym r;
  const se_expr *v;
  if (se_sym_binary(env, op, a, se_sym_int(ctx, c), &r) != SE_OK) die(ctx, "sym op");
  if (se_sym_guard(env, r, &v) != SE_OK) die(ctx, "guard");
  return se_env_event_count(env);
}

int main(int argc, char **argv) {
  size_t events = argc > 1 ? (size_t)strtoull(argv[1], NULL, 10) : 100000;
  size_t checks = argc > 2 ? (size_t)strtoull(argv[2], NULL, 10) : 24;
  const char *flip = getenv("SHAPEENV_INJECT_FLIP_EQUALITY_TESTING_ONLY");
  if (!flip || flip[0] != '1') {
    fputs("bench_bisect: set SHAPEENV_INJECT_FLIP_EQUALITY_TESTING_ONLY=1\n", stderr);
    return 2;
  }
  se_ctx *ctx = se_ctx_new();
  if (!ctx) die(NULL, "context");
  se_env_options opt;
  se_env_options_init(&opt);
  opt.translation_validation = true;
  se_env *env = se_env_new(ctx, &opt);
  if (!env) die(ctx, "environment");
  const int64_t sizes[] = {4, 128, 768}, strides[] = {98304, 768, 1};
  se_tensor_spec spec = {.dim = 3, .sizes = sizes, .strides = strides};
  se_tensor_meta x;
  if (se_env_create_tensor(env, &spec, se_source_local(ctx, "x"), &x) != SE_OK)
    die(ctx, "tensor");
  if (se_env_track_tensor(env, se_source_local(ctx, "x"), &x) != SE_OK) die(ctx, "track");
  /* The decision events (each made a new _assert node), in order. */
  size_t *decisions = calloc(checks + 1, sizeof *decisions);
  size_t nd = 0;
  size_t per_check = events / (2 * (checks + 1));
  for (size_t c = 0; c < checks; c++) {
    size_t first = decide(env, SE_OP_LE, x.sizes[1], 4096 + (int64_t)c) - 1;
    decisions[nd++] = first;
    for (size_t k = 1; k < per_check; k++) decide(env, SE_OP_LE, x.sizes[1], 4096 + (int64_t)c);
  }
  decisions[nd++] = decide(env, SE_OP_EQ, x.sizes[2], 768) - 1; /* the flipped one */
  while (se_env_event_count(env) < events) decide(env, SE_OP_LE, x.sizes[1], 4096);
  size_t n = se_env_event_count(env);

  se_tv_options tv;
  se_tv_options_init(&tv);
  se_bisect_result br;
  double t0 = now();
  if (se_bisect_env(env, &tv, NULL, NULL, &br) != SE_OK) die(ctx, "bisect");
  double bisect_s = now() - t0;

  /* The naive search: replay 0..e from scratch for every probe. */
  t0 = now();
  size_t lo = 0, hi = nd - 1, naive_replayed = 0, naive_probes = 0;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    se_env *r = NULL;
    if (se_env_replay(env, decisions[mid], &r) != SE_OK) die(ctx, "naive replay");
    naive_replayed += decisions[mid];
    naive_probes++;
    se_tv_result res;
    if (se_validate_env(r, &tv, &res) != SE_OK) die(ctx, "naive validate");
    if (res.verdict == SE_TV_VALID)
      lo = mid + 1;
    else
      hi = mid;
    se_tv_result_free(&res);
    se_env_free(r);
  }
  double naive_s = now() - t0;
  printf("events=%zu\ndecisions=%zu\nlocated_event=%lld\nnaive_event=%zu\n", n, nd,
         (long long)br.event, decisions[lo]);
  printf("replayed=%zu\nprobes=%zu\nbisect_s=%.3f\n", br.replayed, br.probes, bisect_s);
  printf("naive_replayed=%zu\nnaive_probes=%zu\nnaive_s=%.3f\n", naive_replayed, naive_probes,
         naive_s);
  se_bisect_result_free(&br);
  free(decisions);
  se_env_free(env);
  se_ctx_free(ctx);
  return 0;
}
