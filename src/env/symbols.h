/* symbols.c's implementations without the transaction bracket, for a
 * caller that opens its own (the recording wrappers, replay). Each writes
 * state through se__st_*; on failure the state is partly written and the
 * caller's se__txn_end must roll it back. Arguments as the public
 * se_env_create_* functions of shapeenv.h (non-NULL env, source, out). */
#ifndef SE_ENV_SYMBOLS_H
#define SE_ENV_SYMBOLS_H

#include "env/env.h"

se_status se__env_create_symbol(se_env *env, int64_t val, const se_source *source,
                                se_dim_dynamic dyn, const se_constraint *constraint,
                                bool positive, bool do_not_specialize_zero_one,
                                const se_expr **out);
/* create_symbol with an int or a float val. */
se_status se__env_create_symbol_num(se_env *env, se_num val, const se_source *source,
                                    se_dim_dynamic dyn, const se_constraint *constraint,
                                    bool positive, bool do_not_specialize_zero_one,
                                    const se_expr **out);
se_status se__env_create_unspecified_symbol(se_env *env, se_num val, const se_source *source,
                                            se_dim_dynamic dyn, const se_expr **out);
/* create_unspecified_symint_and_symbol (excluded NULL or not given: None). */
se_status se__env_create_unspecified_symint_and_symbol(se_env *env, int64_t value,
                                                      const se_source *source, se_dim_dynamic dyn,
                                                      const se_opt_int *excluded, se_sym *out);
/* create_symintnode (type SE_PY_INT) / create_symfloatnode (SE_PY_FLOAT). */
se_status se__env_create_symnode(se_env *env, const se_expr *expr, const se_expr *hint,
                                 const se_source *source, se_pytype type, se_sym *out);
/* create_unbacked_symint / symfloat / symbool by type. */
se_status se__env_create_unbacked(se_env *env, se_pytype type, se_sym *out);
/* _create_symbolic_sizes_strides_storage_offset; out's arrays live in the
 * context arena. */
se_status se__env_create_tensor(se_env *env, const se_tensor_spec *spec,
                                const se_source *source, se_tensor_meta *out);

#endif
