/* record layer: the event table, recording, replay (PyTorch's recording.py).
 *
 * Each environment keeps its events (index 0: the constructor event with
 * the settings the caller gave). Public mutating calls (record/api.c) go
 * through se__rec_call: when the environment records and no recorded call
 * is running, the event is appended first, the implementation runs inside
 * a transaction, and on failure the event is removed and the state rolled
 * back. Nested calls run directly and are recomputed on replay. */
#ifndef SE_RECORD_H
#define SE_RECORD_H

#include "env/env.h"

typedef enum se_event_kind {
  SE_EV_CONSTRUCTOR = 0,
#define SE_EVENT(id, name, fakes, params) SE_EV_##id,
#include "record/events.def"
#undef SE_EVENT
  SE_EV_COUNT
} se_event_kind;

typedef enum se_argkind {
  SE_ARG_INT, SE_ARG_FLOAT, SE_ARG_BOOL, SE_ARG_EXPR, SE_ARG_SOURCE, SE_ARG_DIM,
  SE_ARG_CONSTRAINT, SE_ARG_SYM, SE_ARG_STR, SE_ARG_FX, SE_ARG_TENSOR, SE_ARG_FXARGS,
  SE_ARG_OP, SE_ARG_TRACKED, SE_ARG_NUM, SE_ARG_OPTBOOL, SE_ARG_OPTINT
} se_argkind;

struct se_tracked;

/* One argument of an event. Pointers are owned by the environment's event
 * arena (copied at record time) or are interned (expressions, sources,
 * strings). */
typedef struct se_evarg {
  se_argkind kind;
  union {
    int64_t i;                  /* INT, DIM; OPTBOOL: 1 True, 0 False, -1 None */
    se_num num;                 /* NUM */
    se_opt_int oi;              /* OPTINT */
    double f;                   /* FLOAT */
    bool b;                     /* BOOL */
    const se_expr *e;           /* EXPR (NULL = None) */
    const se_source *src;       /* SOURCE (NULL = None) */
    const se_constraint *c;     /* CONSTRAINT (NULL = None) */
    struct {
      se_sym v;                 /* the value; v.fx is not used, see fxname */
      const char *fxname;       /* its FX node's name (interned) or NULL */
    } sym;                      /* SYM */
    const char *s;              /* STR, OP (interned; NULL = None) */
    const char *fxname;         /* FX: node name (interned) or NULL = None */
    const se_tensor_spec *t;    /* TENSOR */
    struct {
      size_t n;
      const char **names;       /* node name, or NULL when the arg is a constant */
      const se_expr **values;   /* the constant when names[i] is NULL */
    } fxargs;                   /* FXARGS */
    const struct se_tracked *tracked; /* TRACKED (values' fx by name: see se_tracked) */
  } u;
} se_evarg;

/* A tracked input (Dynamo's TrackedFake): a tensor's metadata or a value,
 * with its source. Snapshots copy everything. */
typedef struct se_tracked {
  const se_source *source;
  bool is_tensor;
  se_tensor_meta tensor;   /* valid when is_tensor (arrays owned by the snapshot) */
  se_sym value;            /* valid when !is_tensor */
} se_tracked;
/* (A tracked value's fx index refers to the environment it was tracked in;
 * replay and logs carry values by expression and hint only.) */

typedef struct se_event {
  se_event_kind kind;
  size_t nargs;
  se_evarg *args;              /* nargs arguments in table order */
  const se_tracked *fakes;     /* snapshot (save_tracked_fakes events), or NULL */
  size_t nfakes;
  bool has_fakes;              /* a snapshot was taken (possibly empty) */
  bool fakes_shared;           /* it is the previous snapshot (nothing tracked since) */
  const char *location;        /* caller-supplied location (interned) or NULL; not state */
} se_event;

/* Name of an event kind ("evaluate_expr"; "ShapeEnv" for the constructor). */
const char *se__event_name(se_event_kind k);
/* Whether events of kind k keep a tracked-fakes snapshot. */
bool se__event_saves_fakes(se_event_kind k);
/* The parameter names / kinds of kind k; returns the count. */
size_t se__event_params(se_event_kind k, const char *const **names, const se_argkind **kinds);

/* Runs impl(env, ud) as the recorded operation kind with args: records it
 * (outermost calls only), in a transaction. Returns impl's status. */
se_status se__rec_call(se_env *env, se_event_kind kind, const se_evarg *args, size_t nargs,
                       se_status (*impl)(se_env *env, void *ud), void *ud);

#endif
