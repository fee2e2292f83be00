/* validate layer: translation validation with Z3 and bisection to the first
 * unsound event (spec/validation.md section 1). These are the calls the CLI
 * uses (`shapeenv validate`, `shapeenv bisect`); they are meant to move
 * into include/shapeenv.h.
 *
 * Verdicts double as the CLI's exit codes: valid 0, invalid 1, unknown 3.
 * "Unknown" (a timeout or the resource limit) is never reported as valid. */
#ifndef SE_VALIDATE_H
#define SE_VALIDATE_H

#include "shapeenv.h"

typedef enum se_tv_verdict {
  SE_TV_VALID = 0,   /* every input the targets admit satisfies the sources */
  SE_TV_INVALID = 1, /* Z3 found a counterexample: the guards are unsound */
  SE_TV_UNKNOWN = 3  /* Z3 gave up (timeout, rlimit, incompleteness) */
} se_tv_verdict;

/* Solver settings. */
typedef struct se_tv_options {
  uint64_t timeout_ms; /* Z3 timeout; 0 means PyTorch's default 600000 */
  uint64_t rlimit;     /* Z3 resource limit (machine independent); 0 none */
  bool want_smt2;      /* keep a failing or unknown query as SMT-LIB2 text */
} se_tv_options;

/* The outcome of one validation. Text fields are caller-owned (free the
 * whole result with se_tv_result_free). */
typedef struct se_tv_result {
  se_tv_verdict verdict;
  char *report;       /* INVALID: PyTorch's "translation validation failed." text;
                         UNKNOWN: the reason; VALID: a one-line note */
  char *smt2;         /* INVALID/UNKNOWN with want_smt2: a script `z3 FILE` replays */
  size_t nsources;    /* distinct source expressions (_assert nodes) */
  size_t ntargets;    /* distinct target expressions */
  size_t nassertions; /* distinct background assertions */
} se_tv_result;

void se_tv_options_init(se_tv_options *opt);
/* Frees the texts of r (r itself is the caller's); NULL is ignored. */
void se_tv_result_free(se_tv_result *r);

/* Validates env's guards for the given inputs (produce_guards' arguments):
 * sources are the graph's _assert nodes, targets the guards produce_guards
 * issues for these inputs plus replacements, value ranges, deferred runtime
 * asserts, positivity and input equalities. SE_OK means the check ran (see
 * out->verdict); an expression with no Z3 encoding fails with
 * SE_UNSUPPORTED naming it. env must keep the validation graph
 * (translation_validation). opt may be NULL (defaults). */
SE_API se_status se_validate_guards(se_env *env, const se_placeholder *ph,
                                    const se_source *const *sources, size_t n,
                                    const se_tv_options *opt, se_tv_result *out);
/* The same for env's tracked inputs (se_env_track_tensor/_value). */
SE_API se_status se_validate_env(se_env *env, const se_tv_options *opt, se_tv_result *out);
/* Replays the event log at path and validates the result for its tracked
 * inputs. */
SE_API se_status se_validate_log(se_ctx *ctx, const char *path, const se_tv_options *opt,
                                 se_tv_result *out);

/* Progress of a bisection: probe number, the candidate range [lo, hi] of
 * _assert nodes still open, their total. */
typedef void (*se_bisect_progress_fn)(void *ud, size_t probe, size_t lo, size_t hi, size_t n);

typedef struct se_bisect_result {
  se_tv_verdict verdict; /* VALID: the whole log validates; INVALID: located (or not
                            reproduced, see reproduced); UNKNOWN: Z3 gave up */
  int64_t event;         /* the first failing event, -1 when none */
  bool reproduced;       /* INVALID: the last _assert node reproduces the failure */
  char *report;          /* PyTorch's bisection text, or a plain statement; caller-owned */
  char *smt2;            /* the failing probe's query (want_smt2) */
  size_t replayed;       /* events replayed in total by the search */
  size_t probes;         /* validation queries run */
  size_t events;         /* events in the log */
} se_bisect_result;

void se_bisect_result_free(se_bisect_result *r);

/* bisect(shape_env): validates env (which must record events); when that
 * fails, binary-searches its _assert nodes for the first event after which
 * validation fails, producing guards for that event's tracked-fakes
 * snapshot. Probes replay from checkpoints (undo marks of one replayed
 * environment), so out->replayed stays within twice the log length.
 * progress may be NULL. */
SE_API se_status se_bisect_env(se_env *env, const se_tv_options *opt,
                               se_bisect_progress_fn progress, void *ud,
                               se_bisect_result *out);

#endif
