/* Status codes and the context's last error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"

#define STATUS_NAME(name, msg) "SE_" #name,
#define STATUS_MSG(name, msg) msg,
static const char *const status_names[] = {SE_STATUS_MAP(STATUS_NAME)};
static const char *const status_msgs[] = {SE_STATUS_MAP(STATUS_MSG)};
#define NSTATUS (sizeof status_msgs / sizeof status_msgs[0])

/* Name of a status code ("SE_OVERFLOW"); "SE_UNKNOWN" for a bad code. */
const char *se_status_name(se_status st) {
  return (unsigned)st < NSTATUS ? status_names[st] : "SE_UNKNOWN";
}

/* Generic message of a status code; static storage. */
const char *se_status_message(se_status st) {
  return (unsigned)st < NSTATUS ? status_msgs[st] : "unknown status";
}

se_status se__fail(se_ctx *ctx, se_status st, const char *fmt, ...) {
  if (ctx->err != SE_OK) return ctx->err; /* first error wins */
  ctx->err = st;
  free(ctx->errlong);
  ctx->errlong = NULL;
  va_list ap, again;
  va_start(ap, fmt);
  va_copy(again, ap);
  int n = vsnprintf(ctx->errmsg, sizeof ctx->errmsg, fmt, ap);
  /* Too long for the inline buffer (a validation report, say): format it
   * again into one that fits. Without memory for it the cut text stays. */
  if (n >= (int)sizeof ctx->errmsg) {
    char *p = malloc((size_t)n + 1);
    if (p) {
      vsnprintf(p, (size_t)n + 1, fmt, again);
      ctx->errlong = p;
    }
  }
  va_end(again);
  va_end(ap);
  return st;
}

se_status se__status(const se_ctx *ctx) { return ctx->err; }

/* The last error's status; SE_OK when none is pending. */
se_status se_last_status(const se_ctx *ctx) { return ctx->err; }

/* The last error's detailed message; "" when none is pending. Borrowed:
 * valid until the next call that fails or se_clear_error. */
const char *se_errmsg(const se_ctx *ctx) {
  if (!ctx->err) return "";
  return ctx->errlong ? ctx->errlong : ctx->errmsg;
}

/* Forgets the pending error so the context can be used again. */
void se_clear_error(se_ctx *ctx) {
  ctx->err = SE_OK;
  ctx->errmsg[0] = '\0';
  free(ctx->errlong);
  ctx->errlong = NULL;
}
