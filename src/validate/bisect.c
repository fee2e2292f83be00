/* bisect(shape_env) (spec 1.11): the first _assert node after which the
 * guards stop validating. Unlike PyTorch, probes do not replay from event
 * 0: one environment is replayed forward inside an open transaction, the
 * undo-log length after every event is its checkpoint, and a probe either
 * rolls back to an earlier checkpoint (no replay) or replays forward from
 * where the environment stands. A binary search moves forward at most half
 * the remaining distance per probe, so the search replays at most the log
 * length on top of the first full replay: at most twice the log length. */
#include <stdlib.h>
#include <string.h>

#include "record/recorder.h"
#include "validate/tv.h"

void se_bisect_result_free(se_bisect_result *r) {
  if (!r) return;
  free(r->report);
  free(r->smt2);
  r->report = NULL;
  r->smt2 = NULL;
}

typedef struct cand {
  int32_t node;   /* the _assert node (index in the replayed graph) */
  size_t event;   /* the event that created it */
} cand;

typedef struct bis {
  se_env *src;        /* the recording environment */
  se_env *dst;        /* the replayed one (a transaction stays open) */
  size_t nev;         /* events in src */
  size_t *mark;       /* mark[i]: dst->undo.n after event i */
  size_t pos;         /* dst stands after event pos */
  cand *c;            /* candidates in graph order */
  size_t nc;
  size_t replayed;
  size_t probes;
} bis;

static se_status failed(se_ctx *ctx) {
  se_status st = se__status(ctx);
  return st == SE_OK ? SE_INVALID : st;
}

/* Replays events pos+1..to into dst, noting checkpoints and new _assert
 * nodes (the latter only on the first pass, when collect is set). */
static se_status forward(bis *b, size_t to, bool collect) {
  const se_vec *ev = &b->src->rec->events;
  for (size_t i = b->pos + 1; i <= to; i++) {
    size_t before = b->dst->fx_nodes.n;
    se_status st = se__replay_event(b->dst, i, &SE_VEC_AT(ev, se_event, i));
    if (st != SE_OK) return st;
    b->replayed++;
    b->mark[i] = b->dst->undo.n;
    b->pos = i;
    if (!collect) continue;
    for (size_t k = before; k < b->dst->fx_nodes.n; k++) {
      const se_fx_node *nd = &SE_VEC_AT(&b->dst->fx_nodes, se_fx_node, k);
      if (nd->placeholder || strcmp(nd->target, "_assert") != 0) continue;
      cand *nc = realloc(b->c, (b->nc + 1) * sizeof *nc);
      if (!nc) return se__fail(b->dst->ctx, SE_NOMEM, "out of memory bisecting");
      b->c = nc;
      b->c[b->nc].node = (int32_t)k;
      b->c[b->nc].event = i;
      b->nc++;
    }
  }
  return SE_OK;
}

/* Moves dst to stand right after event e. */
static se_status seek(bis *b, size_t e) {
  if (e < b->pos) {
    se__st_rollback(b->dst, b->mark[e]);
    b->pos = e;
    return SE_OK;
  }
  return forward(b, e, false);
}

/* Validates dst as of event e with that event's tracked-fakes snapshot. */
static se_status probe(bis *b, size_t e, const se_tv_options *opt, se_tv_result *r) {
  se_ctx *ctx = b->src->ctx;
  se_status st = seek(b, e);
  if (st != SE_OK) return st;
  const se_event *ev = &SE_VEC_AT(&b->src->rec->events, se_event, e);
  size_t n = ev->has_fakes ? ev->nfakes : 0;
  se_placeholder *ph = calloc(n ? n : 1, sizeof *ph);
  const se_source **srcs = calloc(n ? n : 1, sizeof *srcs);
  if (!ph || !srcs) {
    free(ph);
    free(srcs);
    return se__fail(ctx, SE_NOMEM, "out of memory bisecting");
  }
  for (size_t i = 0; i < n; i++) {
    const se_tracked *t = &ev->fakes[i];
    srcs[i] = t->source;
    ph[i].kind = t->is_tensor ? SE_PH_TENSOR : SE_PH_VALUE;
    if (t->is_tensor) ph[i].tensor = t->tensor;
    else ph[i].value = t->value;
  }
  size_t keep = b->dst->undo.n;
  memset(r, 0, sizeof *r);
  st = se__validate(b->dst, ph, srcs, n, opt, r);
  se__st_rollback(b->dst, keep); /* whatever validating wrote is not replayed state */
  b->probes++;
  free(ph);
  free(srcs);
  return st;
}

/* The node a bisection report names for _assert node i of the replayed
 * env. PyTorch prints meta["current_node"] of the original graph's node:
 * the traced node that was running when the _assert node was made. Here
 * that is the text the caller gave se_env_set_current_node, found on the
 * node of the same name in src; without one, FX's format_node of the
 * _assert node itself. */
static void put_node(se_buf *o, const se_env *src, const se_env *env, int32_t i) {
  const se_fx_node *nd = &SE_VEC_AT(&env->fx_nodes, se_fx_node, i);
  se_map_entry *orig =
      se__map_find(&src->name_to_node, nd->name, se__str_hash(nd->name, strlen(nd->name)));
  if (orig && orig->val.i >= 0 && (size_t)orig->val.i < src->fx_nodes.n) {
    const se_fx_node *on = &SE_VEC_AT(&src->fx_nodes, se_fx_node, orig->val.i);
    if (on->current_node) {
      se__buf_puts(o, on->current_node);
      return;
    }
  }
  se__buf_printf(o, "%%%s : [num_users=0] = call_function[target=torch._assert](args = (",
                 nd->name);
  if (nd->nargs && nd->args[0].node >= 0)
    se__buf_printf(o, "%%%s,", SE_VEC_AT(&env->fx_nodes, se_fx_node, nd->args[0].node).name);
  se__buf_puts(o, "), kwargs = {})");
}

static char *dup_text(const char *s) {
  size_t n = strlen(s) + 1;
  char *p = malloc(n);
  if (p) memcpy(p, s, n);
  return p;
}

se_status se_bisect_env(se_env *env, const se_tv_options *opt, se_bisect_progress_fn progress,
                        void *ud, se_bisect_result *out) {
  if (!env) return SE_INVALID;
  se_ctx *ctx = env->ctx;
  if (!out) return se__fail(ctx, SE_INVALID, "bisect: no place for the result");
  memset(out, 0, sizeof *out);
  out->event = -1;
  se_tv_options defaults;
  se_tv_options_init(&defaults);
  if (!opt) opt = &defaults;
  /* 1. Is anything wrong? */
  se_tv_result whole;
  se_status st = se_validate_env(env, opt, &whole);
  if (st != SE_OK) return st;
  out->probes = 1;
  out->verdict = whole.verdict;
  if (whole.verdict == SE_TV_VALID) {
    se_tv_result_free(&whole);
    out->report = dup_text("translation validation succeeded: no errors found.");
    return out->report ? SE_OK : se__fail(ctx, SE_NOMEM, "out of memory");
  }
  if (whole.verdict == SE_TV_UNKNOWN || !env->rec || env->rec->events.n == 0) {
    out->report = whole.report; /* unknown, or nothing recorded to bisect */
    out->smt2 = whole.smt2;
    return SE_OK;
  }
  se_tv_result_free(&whole);
  /* 2. One forward replay: checkpoints and candidates. */
  bis b;
  memset(&b, 0, sizeof b);
  b.src = env;
  b.nev = env->rec->events.n;
  out->events = b.nev;
  b.mark = calloc(b.nev, sizeof *b.mark);
  se_env_options o = env->rec->ctor;
  o.should_record_events = false;
  o.given |= SE_SET_SHOULD_RECORD_EVENTS;
  b.dst = b.mark ? se__env_new_recorded(ctx, &o, false) : NULL;
  if (!b.dst) {
    free(b.mark);
    return b.mark ? failed(ctx) : se__fail(ctx, SE_NOMEM, "out of memory bisecting");
  }
  se__txn_begin(b.dst);
  b.mark[0] = b.dst->undo.n;
  st = forward(&b, b.nev - 1, true);
  se_tv_result res, best;
  memset(&best, 0, sizeof best);
  bool have_best = false;
  size_t left = 0, right = b.nc ? b.nc - 1 : 0;
  if (st == SE_OK && b.nc == 0) {
    out->reproduced = false;
    out->report = dup_text("translation validation failed, but the validation graph has no "
                           "_assert nodes to bisect.");
    goto done;
  }
  /* 3. The last assert must reproduce the failure. */
  if (st == SE_OK) st = probe(&b, b.c[right].event, opt, &res);
  if (st == SE_OK) {
    if (res.verdict != SE_TV_INVALID) {
      out->reproduced = false;
      se_buf m;
      se__buf_init(&m);
      se__buf_printf(&m,
                     "translation validation failed for the whole log, but not as of the last "
                     "_assert node (event %zu): the failure comes from later events, which "
                     "bisection over _assert nodes cannot locate.\n\n%s",
                     b.c[right].event, res.report ? res.report : "");
      out->report = se__buf_take(&m);
      se_tv_result_free(&res);
      goto done;
    }
    best = res;
    have_best = true;
  }
  /* 4. Binary search: every index < left passes, right fails. */
  while (st == SE_OK && left < right) {
    if (progress) progress(ud, b.probes + 1, left, right, b.nc);
    size_t mid = left + (right - left) / 2;
    st = probe(&b, b.c[mid].event, opt, &res);
    if (st != SE_OK) break;
    if (res.verdict == SE_TV_INVALID) {
      se_tv_result_free(&best);
      best = res;
      right = mid;
    } else {
      se_tv_result_free(&res);
      left = mid + 1;
    }
  }
  if (st == SE_OK) {
    out->reproduced = true;
    const cand *c = &b.c[right];
    const se_event *ev = &SE_VEC_AT(&env->rec->events, se_event, c->event);
    out->event = (int64_t)c->event;
    const char *action = ev->kind == SE_EV_EVALUATE_EXPR ? "evaluating"
                         : ev->kind == SE_EV_GUARD_OR_DEFER_RUNTIME_ASSERT
                             ? "adding runtime assert"
                             : NULL;
    if (!action || ev->nargs < 1 || ev->args[0].kind != SE_ARG_EXPR) {
      st = se__fail(ctx, SE_STATE, "bisect: unexpected event type %s",
                    se__event_name(ev->kind));
      goto done;
    }
    char *e = se_expr_str(ctx, ev->args[0].u.e);
    se_buf m;
    se__buf_init(&m);
    se__buf_printf(&m, "translation validation failed when %s: %s\n\n", action, e ? e : "?");
    se_free(e);
    se__buf_puts(&m, "Failure occurred while running node:\n    ");
    put_node(&m, env, b.dst, c->node);
    if (ev->location) se__buf_printf(&m, "\n    at %s", ev->location);
    const char *details = best.report ? best.report : "";
    const char *head = "translation validation failed.\n\n";
    if (!strncmp(details, head, strlen(head))) details += strlen(head);
    se__buf_printf(&m, "\n\n%s", details);
    out->report = se__buf_take(&m);
    out->smt2 = best.smt2;
    best.smt2 = NULL;
  }
done:
  if (have_best) se_tv_result_free(&best);
  out->replayed = b.replayed;
  out->probes += b.probes;
  se__txn_end(b.dst, SE_STATE); /* drop everything the replay wrote */
  se_env_free(b.dst);
  free(b.mark);
  free(b.c);
  if (st != SE_OK) {
    se_bisect_result_free(out);
    return st;
  }
  if (!out->report) return se__fail(ctx, SE_NOMEM, "out of memory bisecting");
  return SE_OK;
}

se_status se_bisect_log(se_ctx *ctx, const char *path, const se_tv_options *opt,
                        se_bisect_progress_fn progress, void *ud, se_bisect_result *out) {
  if (!ctx) return SE_INVALID;
  if (!out) return se__fail(ctx, SE_INVALID, "bisect: no place for the result");
  memset(out, 0, sizeof *out);
  out->event = -1;
  se_env *env = NULL;
  se_status st = se_log_load(ctx, path, SIZE_MAX, false, &env);
  if (st != SE_OK) return st;
  st = se_bisect_env(env, opt, progress, ud, out);
  se_env_free(env);
  return st;
}
