/* libFuzzer target: the event-log reader (se_log_replay_buffer).
 *
 * Any input must be either replayed or rejected with a message that names
 * the log ("fuzz:LINE: ..."); it must never crash, leak or leave an
 * environment behind on failure. A replayed environment is dumped, so the
 * state it reached is exercised too. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shapeenv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Touches every event text the reader hands out. */
static void on_event(void *ud, size_t index, const char *text) {
  size_t *n = ud;
  *n += index + strlen(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  se_ctx *ctx = se_ctx_new();
  if (!ctx) return 0;
  se_env *env = (se_env *)&ctx; /* must be reset to NULL on failure */
  size_t seen = 0;
  se_status st = se_log_replay_buffer(ctx, "fuzz", (const char *)data, size, SIZE_MAX, on_event,
                                      &seen, &env);
  if (st == SE_OK) {
    if (!env) abort();
    char *dump = se_env_dump(env);
    se_free(dump);
    se_env_free(env);
  } else {
    if (env) abort(); /* a failed replay hands out nothing */
    if (strncmp(se_errmsg(ctx), "fuzz:", 5) != 0) {
      fprintf(stderr, "message does not name the log: %s\n", se_errmsg(ctx));
      abort();
    }
  }
  se_ctx_free(ctx);
  return 0;
}
