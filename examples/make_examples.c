/* make_examples: records three realistic runs of a shape environment and
 * writes their event logs, the files shipped in examples/:
 *
 *   transformer.jsonl  a transformer block with dynamic batch, sequence
 *                      length and hidden size (shared dims, a fused QKV
 *                      projection split in three, a divisibility guard for
 *                      the heads, matmul shape checks, a sequence-length
 *                      bound);
 *   convnet.jsonl      a convolution net whose output sizes are FloorDiv
 *                      formulas, with divisibility guards for the skip
 *                      connections;
 *   nonzero.jsonl      a data-dependent nonzero / item flow: unbacked
 *                      symbols, constrain_range_for_size, runtime asserts.
 *
 *   make_examples OUTDIR      writes OUTDIR/<name>.jsonl for each run
 *
 * Uses only the public header. The runs are deterministic: the same
 * program writes the same bytes every time (tests/cli checks it). Exit
 * status 0, or 1 with a message naming the failing step. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shapeenv.h"

/* One run: its environment and the step being taken (for messages). */
typedef struct run {
  se_ctx *ctx; /* owns every expression */
  se_env *env; /* records events */
  const char *name;
} run;

static void die(run *r, const char *step) {
  fprintf(stderr, "make_examples: %s: %s: %s\n", r->name, step, se_errmsg(r->ctx));
  exit(1);
}

static void check(run *r, se_status st, const char *step) {
  if (st != SE_OK) die(r, step);
}

static void at(run *r, const char *location) {
  check(r, se_env_set_location(r->env, location), "set_location");
}

static se_sym k(run *r, int64_t v) { return se_sym_int(r->ctx, v); }

static se_sym op(run *r, se_symop o, se_sym a, se_sym b) {
  se_sym out;
  check(r, se_sym_binary(r->env, o, a, b, &out), "sym_binary");
  return out;
}

/* guard_bool(cond) must be True (the hints say so); the guard is recorded. */
static void guard_true(run *r, se_sym cond, const char *step) {
  const se_expr *v = NULL;
  check(r, se_sym_guard(r->env, cond, &v), step);
  if (se_expr_kind(v) != SE_K_TRUE) {
    fprintf(stderr, "make_examples: %s: %s: guard is not True\n", r->name, step);
    exit(1);
  }
}

/* A contiguous tensor input named L[name], sizes marked dynamic except where
 * is_static[i]; the tensor is tracked so produce_guards covers it. */
static se_tensor_meta input(run *r, const char *name, size_t dim, const int64_t *sizes,
                            const bool *is_static) {
  int64_t strides[8];
  se_dim_dynamic dyn[8], sdyn[8];
  int64_t st = 1;
  for (size_t i = dim; i-- > 0;) {
    strides[i] = st;
    st *= sizes[i];
    dyn[i] = is_static && is_static[i] ? SE_DIM_STATIC : SE_DIM_DUCK;
    sdyn[i] = SE_DIM_INFER_STRIDE;
  }
  se_tensor_spec spec = {.dim = dim, .sizes = sizes, .strides = strides, .dynamic_sizes = dyn,
                         .dynamic_strides = sdyn};
  const se_source *src = se_source_local(r->ctx, name);
  se_tensor_meta m;
  check(r, se_env_create_tensor(r->env, &spec, src, &m), "create_tensor");
  check(r, se_env_track_tensor(r->env, src, &m), "track_tensor");
  return m;
}

static run start(const char *name) {
  run r = {se_ctx_new(), NULL, name};
  if (!r.ctx) {
    fprintf(stderr, "make_examples: out of memory\n");
    exit(1);
  }
  se_ctx_set_torch_minmax(r.ctx, true);
  se_env_options o;
  se_env_options_init(&o);
  o.translation_validation = true; /* records events and keeps the FX graph */
  r.env = se_env_new(r.ctx, &o);
  if (!r.env) die(&r, "se_env_new");
  return r;
}

static void finish(run *r, const char *dir) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s.jsonl", dir, r->name);
  check(r, se_env_log_write(r->env, path), path);
  se_env_free(r->env);
  se_ctx_free(r->ctx);
}

/* A transformer block on x: (B, T, D) with B=4, T=128, D=768 and 12 heads,
 * a fused QKV weight (D, 3D), an attention mask (B, T) sharing B and T by
 * duck sizing, and a position table (1024, D). */
static void transformer(const char *dir) {
  run r = start("transformer");
  at(&r, "model.py:31 in forward");
  const int64_t xs[3] = {4, 128, 768};
  se_tensor_meta x = input(&r, "x", 3, xs, NULL);
  const int64_t ms[2] = {4, 128};
  se_tensor_meta mask = input(&r, "attention_mask", 2, ms, NULL);
  const int64_t ws[2] = {768, 2304};
  se_tensor_meta w = input(&r, "qkv_weight", 2, ws, NULL);
  const int64_t ps[2] = {1024, 768};
  const bool pstatic[2] = {true, false};
  se_tensor_meta pos = input(&r, "pos_table", 2, ps, pstatic);
  se_sym B = x.sizes[0], T = x.sizes[1], D = x.sizes[2];

  /* x + pos_table[:T]: the slice needs T <= 1024 (range refinement). */
  at(&r, "model.py:33 in forward");
  guard_true(&r, op(&r, SE_OP_LE, T, pos.sizes[0]), "T <= max positions");
  guard_true(&r, op(&r, SE_OP_EQ, D, pos.sizes[1]), "pos_table hidden size");

  /* qkv = x @ qkv_weight: the inner dimensions agree. */
  at(&r, "model.py:36 in forward");
  guard_true(&r, op(&r, SE_OP_EQ, D, w.sizes[0]), "matmul inner dims");
  se_sym three_d = w.sizes[1];

  /* q, k, v = qkv.split(D, dim=-1): the fused width is 3*D. */
  at(&r, "model.py:37 in forward");
  guard_true(&r, op(&r, SE_OP_EQ, op(&r, SE_OP_MOD, three_d, k(&r, 3)), k(&r, 0)),
             "qkv width divisible by 3");
  guard_true(&r, op(&r, SE_OP_EQ, op(&r, SE_OP_FLOORDIV, three_d, k(&r, 3)), D),
             "qkv split width");

  /* q.view(B, T, 12, D // 12): the heads divide the hidden size. */
  at(&r, "model.py:40 in forward");
  guard_true(&r, op(&r, SE_OP_EQ, op(&r, SE_OP_MOD, D, k(&r, 12)), k(&r, 0)),
             "heads divide hidden size");
  se_sym head_dim = op(&r, SE_OP_FLOORDIV, D, k(&r, 12));
  se_sym numel = op(&r, SE_OP_MUL, op(&r, SE_OP_MUL, B, T), D);
  se_sym viewed =
      op(&r, SE_OP_MUL, op(&r, SE_OP_MUL, op(&r, SE_OP_MUL, B, T), k(&r, 12)), head_dim);
  guard_true(&r, op(&r, SE_OP_EQ, numel, viewed), "view preserves numel");

  /* scores = q @ k.transpose(-2, -1) / sqrt(head_dim); mask broadcast over
   * heads: mask's dims equal the batch and sequence dims. */
  at(&r, "model.py:44 in forward");
  guard_true(&r, op(&r, SE_OP_EQ, mask.sizes[0], B), "mask batch");
  guard_true(&r, op(&r, SE_OP_EQ, mask.sizes[1], T), "mask sequence");
  guard_true(&r, op(&r, SE_OP_NE, T, k(&r, 1)), "sequence not broadcast");
  guard_true(&r, op(&r, SE_OP_NE, B, k(&r, 1)), "batch not broadcast");

  /* out.reshape(B * T, D) for the output projection. */
  at(&r, "model.py:50 in forward");
  se_sym rows = op(&r, SE_OP_MUL, B, T);
  guard_true(&r, op(&r, SE_OP_EQ, op(&r, SE_OP_MUL, rows, D), numel), "reshape rows");
  guard_true(&r, op(&r, SE_OP_GE, rows, k(&r, 2)), "more than one row");
  finish(&r, dir);
}

/* Output size of a convolution or pooling along one dimension:
 * (n + 2*pad - kernel) // stride + 1. */
static se_sym conv_out(run *r, se_sym n, int64_t kernel, int64_t stride, int64_t pad) {
  se_sym t = op(r, SE_OP_SUB, op(r, SE_OP_ADD, n, k(r, 2 * pad)), k(r, kernel));
  return op(r, SE_OP_ADD, op(r, SE_OP_FLOORDIV, t, k(r, stride)), k(r, 1));
}

/* A ResNet-style stem and a downsampling stage on images (N, 3, H, W),
 * N=8, H=W... distinct values so each dim has its own symbol: H=224,
 * W=320. The skip connection's 1x1 stride-2 conv and the main path must
 * agree, which needs even sizes; the decoder's concatenation needs H and W
 * divisible by 32. */
static void convnet(const char *dir) {
  run r = start("convnet");
  at(&r, "convnet.py:12 in forward");
  const int64_t is[4] = {8, 3, 224, 320};
  const bool istatic[4] = {false, true, false, false};
  se_tensor_meta img = input(&r, "images", 4, is, istatic);
  se_sym N = img.sizes[0], H = img.sizes[2], W = img.sizes[3];

  /* conv1: 7x7, stride 2, pad 3; the input must be at least the kernel. */
  at(&r, "convnet.py:15 in forward");
  guard_true(&r, op(&r, SE_OP_GE, op(&r, SE_OP_ADD, H, k(&r, 6)), k(&r, 7)), "conv1 height");
  se_sym h1 = conv_out(&r, H, 7, 2, 3);
  se_sym w1 = conv_out(&r, W, 7, 2, 3);
  /* maxpool: 3x3, stride 2, pad 1. */
  at(&r, "convnet.py:16 in forward");
  se_sym h2 = conv_out(&r, h1, 3, 2, 1);
  se_sym w2 = conv_out(&r, w1, 3, 2, 1);
  guard_true(&r, op(&r, SE_OP_GE, h2, k(&r, 1)), "pool height positive");
  guard_true(&r, op(&r, SE_OP_GE, w2, k(&r, 1)), "pool width positive");

  /* Stage 2: main path 3x3 stride 2 pad 1, shortcut 1x1 stride 2; the sum
   * needs equal sizes. */
  at(&r, "convnet.py:24 in forward");
  se_sym h3 = conv_out(&r, h2, 3, 2, 1);
  se_sym h3s = conv_out(&r, h2, 1, 2, 0);
  guard_true(&r, op(&r, SE_OP_EQ, h3, h3s), "shortcut height");
  se_sym w3 = conv_out(&r, w2, 3, 2, 1);
  se_sym w3s = conv_out(&r, w2, 1, 2, 0);
  guard_true(&r, op(&r, SE_OP_EQ, w3, w3s), "shortcut width");

  /* The decoder upsamples by 32 and concatenates with the input. */
  at(&r, "convnet.py:40 in forward");
  guard_true(&r, op(&r, SE_OP_EQ, op(&r, SE_OP_MOD, H, k(&r, 32)), k(&r, 0)),
             "height divisible by 32");
  guard_true(&r, op(&r, SE_OP_EQ, op(&r, SE_OP_MOD, W, k(&r, 32)), k(&r, 0)),
             "width divisible by 32");

  /* BatchNorm in training: more than one value per channel. */
  at(&r, "convnet.py:18 in forward");
  se_sym per_channel = op(&r, SE_OP_MUL, op(&r, SE_OP_MUL, N, h1), w1);
  guard_true(&r, op(&r, SE_OP_GT, per_channel, k(&r, 1)), "batchnorm values");
  finish(&r, dir);
}

/* x: (N,) with N=32; idx = x.nonzero() has an unbacked length u0;
 * n = (x > 0).sum().item() an unbacked int u1 checked against u0;
 * y = x[idx].view(-1, 2) needs an even u0 (a deferred runtime assert). */
static void nonzero(const char *dir) {
  run r = start("nonzero");
  at(&r, "filter.py:8 in forward");
  const int64_t xs[1] = {32};
  se_tensor_meta x = input(&r, "x", 1, xs, NULL);
  se_sym N = x.sizes[0];

  /* idx = torch.nonzero(x): 0 <= u0 <= N. */
  at(&r, "filter.py:9 in forward");
  se_sym u0;
  check(&r, se_env_create_unbacked_symint(r.env, &u0), "nonzero length");
  check(&r, se_env_constrain_range_for_size(r.env, u0.expr, NULL, NULL), "u0 for size");
  bool ok = false;
  check(&r, se_sym_expect_true(r.env, op(&r, SE_OP_LE, u0, N), "nonzero length <= numel", &ok),
        "u0 <= N");

  /* n = (x > 0).sum().item(); torch._check(n == idx.size(0)) would be a
   * replacement; here the count is checked to be in range instead. */
  at(&r, "filter.py:11 in forward");
  se_sym u1;
  check(&r, se_env_create_unbacked_symint(r.env, &u1), "item");
  check(&r, se_sym_expect_true(r.env, op(&r, SE_OP_GE, u1, k(&r, 0)), "count >= 0", &ok),
        "u1 >= 0");
  check(&r, se_sym_expect_true(r.env, op(&r, SE_OP_LE, u1, N), "count <= numel", &ok),
        "u1 <= N");
  check(&r, se_env_constrain_range_for_size(r.env, u1.expr, NULL, NULL), "u1 for size");

  /* y = x[idx].view(-1, 2): u0 must be even. */
  at(&r, "filter.py:13 in forward");
  se_sym even = op(&r, SE_OP_EQ, op(&r, SE_OP_MOD, u0, k(&r, 2)), k(&r, 0));
  check(&r, se_sym_expect_true(r.env, even, "nonzero length is even", &ok), "u0 even");

  /* torch.zeros(n): the size-oblivious check n == 1 is False for a
   * size-like symbol, and adds nothing. */
  at(&r, "filter.py:15 in forward");
  se_sym one = op(&r, SE_OP_EQ, u1, k(&r, 1));
  const se_expr *v = NULL;
  check(&r, se_env_evaluate_expr(r.env, one.expr, NULL, one.fx, true, NULL, &v),
        "size-oblivious n == 1");
  finish(&r, dir);
}

int main(int argc, char **argv) {
  if (argc != 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
    fputs("usage: make_examples OUTDIR\n"
          "Records the example runs and writes OUTDIR/transformer.jsonl,\n"
          "OUTDIR/convnet.jsonl and OUTDIR/nonzero.jsonl.\n",
          argc == 2 ? stdout : stderr);
    return argc == 2 ? 0 : 2;
  }
  transformer(argv[1]);
  convnet(argv[1]);
  nonzero(argv[1]);
  return 0;
}
