/* validate layer: translation validation with Z3 and bisection to the first
 * unsound event (spec/validation.md section 1). The public calls are in include/shapeenv.h.
 *
 * Verdicts double as the CLI's exit codes: valid 0, invalid 1, unknown 3.
 * "Unknown" (a timeout or the resource limit) is never reported as valid. */
#ifndef SE_VALIDATE_H
#define SE_VALIDATE_H

#include "shapeenv.h"

/* (The types and calls of this layer are public: include/shapeenv.h.) */

#endif
