/* fx.c extras beyond env.h: liveness of validation-graph nodes. */
#ifndef SE_ENV_FX_H
#define SE_ENV_FX_H

#include "env/env.h"

/* True while node is in the graph: name_to_node maps its name to it.
 * se__fx_remove drops that entry (the node stays in fx_nodes so indices
 * and taken names stay stable); se_fx_node.removed is not maintained. */
bool se__fx_live(const se_env *env, int32_t node);

#endif
