/* The recorder of one environment (record layer internals). */
#ifndef SE_RECORDER_H
#define SE_RECORDER_H

#include <stdio.h>

#include "record/record.h"

/* Receives one trace line (without newline). */
typedef void (*se__trace_fn)(void *ud, const char *line);

typedef struct se_recorder {
  se_env_options ctor;    /* the constructor event: settings as the caller gave them */
  se_vec events;          /* se_event; [0] is the constructor event */
  se_arena arena;         /* event arguments and snapshots */
  bool is_recording;      /* a recorded call is running */
  int depth;              /* nesting of recorded calls, for trace indentation */
  se_vec tracked;         /* se_tracked: the live tracked inputs */
  uint64_t tracked_version; /* bumped by every change of tracked */
  const se_tracked *snap;   /* the last snapshot taken ... */
  size_t snap_n;            /* ... its length ... */
  uint64_t snap_version;    /* ... and the tracked_version it copied (0: none) */
  const char *next_location; /* location for the next recorded call (interned) */
  const se_expr *const *result_slot; /* where the next call leaves its result (trace) */
  se__trace_fn trace;     /* trace_shape_events hook, or NULL */
  void *trace_ud;
  /* -- streaming event log (log.c) -- */
  FILE *log;              /* se_env_log_open's file, or NULL; closed with the recorder */
  se_status log_status;   /* first failure while streaming, reported by se_env_log_close */
  char log_msg[256];      /* its message */
} se_recorder;

/* The recorder of env, created on first use; NULL when out of memory. */
se_recorder *se__recorder(se_env *env);
/* Copies the tracked inputs into ev (event arena). */
bool se__rec_snapshot(se_env *env, se_recorder *r, se_event *ev);
/* Trace lines "call NAME(args)" and "-> RESULT" (trace.c). */
void se__rec_trace_call(se_env *env, se_recorder *r, se_event_kind kind, const se_evarg *args,
                        size_t nargs);
void se__rec_trace_result(se_env *env, se_recorder *r, se_status st,
                          const se_expr *const *result);
/* Where the next recorded call of env leaves the value its trace line
 * "-> RESULT" shows (NULL: None). Call right before se__rec_call. */
static inline void se__rec_result(se_env *env, const se_expr *const *slot) {
  if (env->rec) env->rec->result_slot = slot;
}
/* "event: NAME (args, kwargs)" of ev, as PyTorch's ShapeEnvEvent prints. */
void se__rec_event_text(se_env *env, se_buf *b, const se_event *ev);
/* The constructor event's text, from the options the caller gave. */
void se__rec_ctor_text(se_buf *b, const se_env_options *opt);
/* A new environment; with record, it records (constructor event first). */
se_env *se__env_new_recorded(se_ctx *ctx, const se_env_options *opt, bool record);
/* Replays env's events [0, until] into a new environment (*out). */
se_status se__replay_events(se_env *env, size_t until, se_env **out);
/* _create_fx_call_function as a recorded call. */
se_status se__api_fx_call(se_env *env, const char *target, const se_fx_arg *args, size_t n,
                          int32_t *node);
/* create_symbol with PyTorch's full arguments: val an int or a float,
 * positive 1 (True), 0 (False) or -1 (None; treated as False). */
se_status se__api_create_symbol(se_env *env, se_num val, const se_source *source,
                                se_dim_dynamic dyn, const se_constraint *constraint,
                                int positive, bool do_not_specialize_zero_one,
                                const se_expr **out);
/* create_unspecified_symbol with an int or a float val. */
se_status se__api_create_unspecified_symbol(se_env *env, se_num val, const se_source *source,
                                            se_dim_dynamic dyn, const se_expr **out);
/* create_unbacked_symint(source) (source may be NULL). */
se_status se__api_create_unbacked_symint(se_env *env, const se_source *source, se_sym *out);
/* evaluate_expr as PyTorch records it (_inner_evaluate_expr): the call runs
 * with guards suppressed exactly when suppress_guards_tls is set, whatever
 * the environment's suppress_guards stack says; forcing_spec is passed on. */
se_status se__api_evaluate_expr(se_env *env, const se_expr *expr, const se_expr *hint, int32_t fx,
                                bool size_oblivious, bool forcing_spec, bool suppress_guards_tls,
                                const se_expr *fallback, const se_expr **out);
/* guard_or_defer_runtime_assert as a recorded call, with its answer. */
se_status se__api_guard_or_defer(se_env *env, const se_expr *expr, const char *msg, int32_t fx,
                                 bool *out);
/* The tracked inputs of env (borrowed); returns their count. */
size_t se__env_tracked(se_env *env, const se_tracked **out);
/* Appends event index to the open event log (log.c) after its call
 * succeeded; a failure is kept in r->log_status, never in the context. */
void se__log_stream(se_env *env, se_recorder *r, size_t index);
/* Runs one event (not the constructor) on dst through the public calls, as
 * replay does; index is used for provenance and messages (replay.c). */
se_status se__replay_event(se_env *dst, size_t index, const se_event *ev);
/* produce_guards with the replay check of check_recorded_events first
 * (the public se_env_produce_guards adds validation on top). */
se_status se__rec_produce_guards(se_env *env, const se_placeholder *ph,
                                 const se_source *const *sources, size_t n, bool ignore_static,
                                 bool verbose, bool simplified, char ***out, size_t *nout);
/* Appends the Python-like text of one argument value. */
void se__rec_print_arg(se_env *env, se_buf *b, const se_evarg *a);

#endif
