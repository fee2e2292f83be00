/* The recorder of one environment (record layer internals). */
#ifndef SE_RECORDER_H
#define SE_RECORDER_H

#include "record/record.h"

/* Receives one trace line (without newline). */
typedef void (*se__trace_fn)(void *ud, const char *line);

typedef struct se_recorder {
  se_vec events;          /* se_event; [0] is the constructor event */
  se_arena arena;         /* event arguments and snapshots */
  bool is_recording;      /* a recorded call is running */
  int depth;              /* nesting of recorded calls, for trace indentation */
  se_vec tracked;         /* se_tracked: the live tracked inputs */
  se__trace_fn trace;     /* trace_shape_events hook, or NULL */
  void *trace_ud;
} se_recorder;

/* The recorder of env, created on first use; NULL when out of memory. */
se_recorder *se__recorder(se_env *env);
/* Copies the tracked inputs into ev (event arena). */
bool se__rec_snapshot(se_env *env, se_recorder *r, se_event *ev);
/* Trace lines "call NAME(args)" and "-> RESULT" (trace.c). */
void se__rec_trace_call(se_env *env, se_recorder *r, se_event_kind kind, const se_evarg *args,
                        size_t nargs);
void se__rec_trace_result(se_env *env, se_recorder *r, se_status st);
/* Appends the Python-like text of one argument value. */
void se__rec_print_arg(se_env *env, se_buf *b, const se_evarg *a);

#endif
