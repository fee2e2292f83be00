/* bench_record: the cost of recording and the speed of replay, through the
 * public API only.
 *
 *   bench_record OUTDIR [EVENTS] [ROUNDS] [CHECKS]
 *
 * The workload is what tracing a model does to a shape environment: one
 * tracked input x of shape (4, 128, 768), then EVENTS (default 100000)
 * evaluate_expr calls cycling over CHECKS (default 8) shape checks on its
 * sizes: the first three (T <= 1024, B != 1, T != 1) are simple relations;
 * the next five add divisibility, products and FloorDiv (the mixed
 * workload). The first round of each
 * check adds a guard; the rest are decided from what the environment knows,
 * as the repeated checks of a real trace are. Validation (the FX graph) is
 * off, so the two environments differ only in should_record_events.
 *
 * Prints key=value lines (parsed by bench/bench_record.py):
 *   record_off_s / record_on_s   median seconds of the workload, off and on
 *   events                       events in the recorded environment
 *   replay_mem_s                 median se_env_replay of all events
 *   bytes_on / bytes_off         heap growth of the workload (mallinfo2)
 *   log_bytes                    size of OUTDIR/bench_record.jsonl
 *   replay_file_s                median se_log_replay of that file (fresh
 *                                context each time)
 * Built by bench/bench_record.py; not part of the CMake build. */
#define _GNU_SOURCE /* mallinfo2 */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "shapeenv.h"

enum { NCHECKS = 8, MAX_ROUNDS = 64 };

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void die(se_ctx *ctx, const char *what) {
  fprintf(stderr, "bench_record: %s: %s\n", what, ctx ? se_errmsg(ctx) : "out of memory");
  exit(1);
}

static size_t heap_used(void) { return mallinfo2().uordblks; }

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static double median(double *v, size_t n) {
  qsort(v, n, sizeof *v, cmp_double);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static const se_expr *call2(se_ctx *ctx, se_kind k, const se_expr *a, const se_expr *b) {
  const se_expr *args[2] = {a, b};
  return se_expr_call(ctx, k, args, 2);
}

/* Runs the workload in a new environment of ctx; returns it (caller frees). */
static se_env *workload(se_ctx *ctx, bool record, size_t events, size_t nchecks) {
  se_env_options o;
  se_env_options_init(&o);
  o.should_record_events = record;
  o.given |= SE_SET_SHOULD_RECORD_EVENTS;
  se_env *env = se_env_new(ctx, &o);
  if (!env) die(ctx, "se_env_new");
  const int64_t sizes[3] = {4, 128, 768}, strides[3] = {128 * 768, 768, 1};
  se_tensor_spec spec = {.dim = 3, .sizes = sizes, .strides = strides};
  const se_source *src = se_source_local(ctx, "x");
  se_tensor_meta m;
  if (se_env_create_tensor(env, &spec, src, &m) != SE_OK) die(ctx, "create_tensor");
  if (se_env_track_tensor(env, src, &m) != SE_OK) die(ctx, "track_tensor");
  const se_expr *B = m.sizes[0].expr, *T = m.sizes[1].expr, *D = m.sizes[2].expr;
  const se_expr *zero = se_expr_int(ctx, 0), *one = se_expr_int(ctx, 1);
  const se_expr *checks[NCHECKS] = {
      call2(ctx, SE_K_LE, T, se_expr_int(ctx, 1024)),
      call2(ctx, SE_K_NE, B, one),
      call2(ctx, SE_K_NE, T, one),
      call2(ctx, SE_K_EQ, call2(ctx, SE_K_MOD, D, se_expr_int(ctx, 12)), zero),
      call2(ctx, SE_K_GE, se_expr_mul(ctx, B, T), se_expr_int(ctx, 2)),
      call2(ctx, SE_K_EQ, D, D),
      call2(ctx, SE_K_LT, se_expr_call(ctx, SE_K_FLOORDIV, (const se_expr *[]){D, se_expr_int(ctx, 12)}, 2),
            se_expr_int(ctx, 4096)),
      call2(ctx, SE_K_GT, se_expr_mul(ctx, se_expr_mul(ctx, B, T), D), one),
  };
  for (size_t i = 0; i < NCHECKS; i++)
    if (!checks[i]) die(ctx, "building the checks");
  for (size_t i = 0; i < events; i++) {
    const se_expr *out = NULL;
    if (se_env_evaluate_expr(env, checks[i % nchecks], NULL, -1, false, NULL, &out) != SE_OK)
      die(ctx, "evaluate_expr");
  }
  return env;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fputs("usage: bench_record OUTDIR [EVENTS] [ROUNDS]\n", stderr);
    return 2;
  }
  const char *outdir = argv[1];
  size_t events = argc > 2 ? (size_t)strtoull(argv[2], NULL, 10) : 100000;
  size_t rounds = argc > 3 ? (size_t)strtoull(argv[3], NULL, 10) : 5;
  if (rounds < 1) rounds = 1;
  if (rounds > MAX_ROUNDS) rounds = MAX_ROUNDS;
  size_t nchecks = argc > 4 ? (size_t)strtoull(argv[4], NULL, 10) : NCHECKS;
  if (nchecks < 1 || nchecks > NCHECKS) nchecks = NCHECKS;
  double t_off[MAX_ROUNDS], t_on[MAX_ROUNDS], t_mem[MAX_ROUNDS], t_file[MAX_ROUNDS];

  /* Recording off vs on, alternating so drift hits both alike; each round
   * in a fresh context. */
  for (size_t r = 0; r < rounds; r++) {
    for (int rec = 0; rec < 2; rec++) {
      se_ctx *ctx = se_ctx_new();
      if (!ctx) die(NULL, "se_ctx_new");
      double t0 = now();
      se_env *env = workload(ctx, rec != 0, events, nchecks);
      (rec ? t_on : t_off)[r] = now() - t0;
      se_env_free(env);
      se_ctx_free(ctx);
    }
  }

  /* Heap growth of the workload, off and on. */
  size_t bytes[2];
  for (int rec = 0; rec < 2; rec++) {
    se_ctx *ctx = se_ctx_new();
    if (!ctx) die(NULL, "se_ctx_new");
    size_t before = heap_used();
    se_env *env = workload(ctx, rec != 0, events, nchecks);
    bytes[rec] = heap_used() - before;
    se_env_free(env);
    se_ctx_free(ctx);
  }

  /* Replay from memory, and the log file. */
  se_ctx *ctx = se_ctx_new();
  if (!ctx) die(NULL, "se_ctx_new");
  se_env *env = workload(ctx, true, events, nchecks);
  size_t nev = se_env_event_count(env);
  for (size_t r = 0; r < rounds; r++) {
    se_env *copy = NULL;
    double t0 = now();
    if (se_env_replay(env, SIZE_MAX, &copy) != SE_OK) die(ctx, "se_env_replay");
    t_mem[r] = now() - t0;
    se_env_free(copy);
  }
  char path[4096];
  snprintf(path, sizeof path, "%s/bench_record.jsonl", outdir);
  if (se_env_log_write(env, path) != SE_OK) die(ctx, "se_env_log_write");
  se_env_free(env);
  se_ctx_free(ctx);
  struct stat stt;
  if (stat(path, &stt) != 0) die(NULL, path);

  for (size_t r = 0; r < rounds; r++) {
    se_ctx *c2 = se_ctx_new();
    if (!c2) die(NULL, "se_ctx_new");
    se_env *replayed = NULL;
    double t0 = now();
    if (se_log_replay(c2, path, SIZE_MAX, NULL, NULL, &replayed) != SE_OK) die(c2, path);
    t_file[r] = now() - t0;
    se_env_free(replayed);
    se_ctx_free(c2);
  }

  printf("events=%zu\n", nev);
  printf("checks=%zu\n", nchecks);
  printf("rounds=%zu\n", rounds);
  printf("record_off_s=%.6f\n", median(t_off, rounds));
  printf("record_on_s=%.6f\n", median(t_on, rounds));
  printf("replay_mem_s=%.6f\n", median(t_mem, rounds));
  printf("bytes_off=%zu\n", bytes[0]);
  printf("bytes_on=%zu\n", bytes[1]);
  printf("log_bytes=%lld\n", (long long)stt.st_size);
  printf("log_path=%s\n", path);
  printf("replay_file_s=%.6f\n", median(t_file, rounds));
  return 0;
}
