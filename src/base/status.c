/* Status codes and the context's last error. */
#include <stdio.h>
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
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(ctx->errmsg, sizeof ctx->errmsg, fmt, ap);
  va_end(ap);
  return st;
}

se_status se__status(const se_ctx *ctx) { return ctx->err; }

/* The last error's status; SE_OK when none is pending. */
se_status se_last_status(const se_ctx *ctx) { return ctx->err; }

/* The last error's detailed message; "" when none is pending. Borrowed:
 * valid until the next call that fails or se_clear_error. */
const char *se_errmsg(const se_ctx *ctx) { return ctx->err ? ctx->errmsg : ""; }

/* Forgets the pending error so the context can be used again. */
void se_clear_error(se_ctx *ctx) {
  ctx->err = SE_OK;
  ctx->errmsg[0] = '\0';
}
