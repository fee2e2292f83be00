"""Checks a program is known not to pass: {program: {check: "why"}}.

Checks: replay, events, guards, state, torch_replay (run_suite.py's docstring says what each
compares). run_suite.py reports a listed check as XFAIL with the reason, and one that passes
anyway as XPASS, so that the entry can be removed.
"""

# Reasons shared by many programs.
NO_REPLAY = "no replay (see replay)"
FIELD_SET = (
    "field set: 2.13 has _error_on_new_guards, _shape_id_to_unbacked_symbol, "
    "_shape_spec_pending_assumptions, _spec_symbol_to_compile_symbol, "
    "ignorable_fresh_unbacked_symbols and no oblivious_var_to_val"
)
NO_TV_NAMES = "name_to_node is printed when translation validation is off (PyTorch has no such field then)"
IS_INPUT = "var_to_sources: Dynamo's LocalSource has is_input=True, the log's source names do not carry it"
FIND = "export_events records a _find event into the live environment after writing the log"
PARAM_SOURCE = "the log reader does not read nn.Module parameter sources (L['self']._modules['lin']._parameters['weight'])"
FX_TUPLE = "the log reader does not read a tuple FX argument ({\"tuple\": [...]}, as sym_sum has)"
NO_LOG = "the exporter cannot write create_unspecified_symbol with a symbolic_context (no log is written)"

EXPECTED_FAILURES: dict[str, dict[str, str]] = {
    "compile_aot_eager_conv": {
        "replay": NO_LOG,
        "events": NO_REPLAY,
        "guards": NO_REPLAY,
        "state": NO_REPLAY,
    },
    "compile_aot_eager_mlp": {
        "replay": PARAM_SOURCE,
        "events": NO_REPLAY,
        "guards": NO_REPLAY,
        "state": NO_REPLAY + "; " + FIELD_SET + "; " + NO_TV_NAMES,
    },
    "compile_attention": {
        "replay": PARAM_SOURCE,
        "events": NO_REPLAY,
        "guards": NO_REPLAY,
        "state": NO_REPLAY,
    },
    "compile_cat_split": {
        "replay": FX_TUPLE,
        "events": NO_REPLAY,
        "guards": NO_REPLAY,
        "state": NO_REPLAY,
    },
    "compile_causal_mask": {
        "state": FIELD_SET + "; " + NO_TV_NAMES + "; " + IS_INPUT,
    },
    "compile_conv_pool": {
        "replay": PARAM_SOURCE,
        "events": NO_REPLAY,
        "guards": NO_REPLAY,
        "state": NO_REPLAY,
    },
    "compile_conv_skip": {
        "replay": PARAM_SOURCE,
        "events": NO_REPLAY,
        "guards": NO_REPLAY,
        "state": NO_REPLAY,
    },
    "compile_conv_stride_pad": {
        "replay": PARAM_SOURCE,
        "events": NO_REPLAY,
        "guards": NO_REPLAY,
        "state": NO_REPLAY,
    },
    "compile_embedding": {
        "replay": NO_LOG,
        "events": NO_REPLAY,
        "guards": NO_REPLAY,
        "state": NO_REPLAY,
    },
    "compile_expand_broadcast": {
        "state": FIELD_SET + "; " + NO_TV_NAMES + "; " + IS_INPUT,
    },
    "compile_inductor": {
        "state": FIELD_SET + "; " + NO_TV_NAMES + "; " + IS_INPUT,
    },
    "compile_int_args": {
        "state": FIELD_SET + "; " + NO_TV_NAMES + "; " + IS_INPUT,
    },
    "compile_item": {
        "replay": NO_LOG,
        "events": NO_REPLAY,
        "guards": NO_REPLAY,
        "state": NO_REPLAY,
    },
    "compile_lstm": {
        "state": FIELD_SET + "; " + NO_TV_NAMES,
    },
    "compile_masked_ops": {
        "state": FIELD_SET + "; " + NO_TV_NAMES + "; " + IS_INPUT,
    },
    "compile_matmul_broadcast": {
        "state": FIELD_SET + "; " + NO_TV_NAMES + "; " + IS_INPUT,
    },
    "compile_mlp": {
        "replay": PARAM_SOURCE,
        "events": NO_REPLAY,
        "guards": NO_REPLAY,
        "state": NO_REPLAY,
    },
    "compile_nonzero": {
        "state": FIELD_SET + "; " + NO_TV_NAMES + "; " + IS_INPUT,
    },
    "compile_recompile_auto": {
        "replay": PARAM_SOURCE,
        "events": NO_REPLAY,
        "guards": NO_REPLAY,
        "state": NO_REPLAY,
    },
    "compile_recompile_int": {
        "state": FIELD_SET + "; " + NO_TV_NAMES + "; " + IS_INPUT + "; " + "exclusion_constraints: _record_exclusion_constraint events are not exported/replayed",
    },
    "compile_rnn_loop": {
        "replay": PARAM_SOURCE,
        "events": NO_REPLAY,
        "guards": NO_REPLAY,
        "state": NO_REPLAY,
    },
    "compile_slicing": {
        "state": FIELD_SET + "; " + NO_TV_NAMES + "; " + IS_INPUT,
    },
    "compile_stack_view": {
        "replay": FX_TUPLE,
        "events": NO_REPLAY,
        "guards": NO_REPLAY,
        "state": NO_REPLAY,
    },
    "compile_transformer_block": {
        "replay": NO_LOG,
        "events": NO_REPLAY,
        "guards": NO_REPLAY,
        "state": NO_REPLAY,
    },
    "compile_unbacked_view": {
        "state": FIELD_SET + "; " + NO_TV_NAMES + "; " + IS_INPUT,
    },
    "compile_upsample": {
        "replay": PARAM_SOURCE,
        "events": NO_REPLAY,
        "guards": NO_REPLAY,
        "state": NO_REPLAY,
    },
    "env_bitwise": {
        "guards": "BitwiseFn with a bool operand prints (x & 1), PyTorch prints (x & True)",
        "state": FIELD_SET + "; " + NO_TV_NAMES + "; " + "BitwiseFn with a bool operand: True prints as 1",
    },
    "env_data_dependent": {
        "state": FIELD_SET + "; " + NO_TV_NAMES,
    },
    "env_equal_sizes": {
        "events": FIND,
        "state": FIELD_SET,
    },
    "env_equal_unbacked": {
        "state": FIELD_SET,
    },
    "env_expect_true": {
        "state": FIELD_SET + "; " + NO_TV_NAMES,
    },
    "env_floor_clean_div": {
        "state": FIELD_SET,
    },
    "env_floordiv": {
        "state": FIELD_SET + "; " + NO_TV_NAMES,
    },
    "env_format_guards": {
        "events": FIND,
        "state": FIELD_SET + "; " + NO_TV_NAMES,
    },
    "env_guard_int": {
        "events": FIND,
        "state": FIELD_SET + "; " + NO_TV_NAMES,
    },
    "env_guards_equal": {
        "replay": FX_TUPLE,
        "events": NO_REPLAY,
        "guards": NO_REPLAY,
        "state": NO_REPLAY + "; " + FIELD_SET + "; " + NO_TV_NAMES,
    },
    "env_guards_expression": {
        "events": FIND,
        "guards": "float constants print with 15 significant digits, PyTorch prints repr (0.6666666666666666)",
        "state": FIELD_SET + "; " + NO_TV_NAMES,
    },
    "env_int_oo": {
        "state": FIELD_SET,
    },
    "env_magic_methods": {
        "guards": "float constants print with 15 significant digits, PyTorch prints repr (2.3333333333333335)",
        "state": FIELD_SET + "; " + NO_TV_NAMES,
    },
    "env_mega_guard": {
        "state": FIELD_SET,
    },
    "env_prefer_deferred": {
        "state": FIELD_SET + "; " + NO_TV_NAMES,
    },
    "env_print_readable": {
        "replay": FX_TUPLE,
        "events": NO_REPLAY,
        "guards": NO_REPLAY,
        "state": NO_REPLAY,
    },
    "env_recording_basics": {
        "events": FIND,
        "state": FIELD_SET,
    },
    "env_size_expressions": {
        "state": FIELD_SET + "; " + NO_TV_NAMES,
    },
    "env_specialize_duck": {
        "state": FIELD_SET + "; " + NO_TV_NAMES,
    },
    "env_stride_symnode": {
        "state": FIELD_SET + "; " + NO_TV_NAMES,
    },
    "env_sym_int": {
        "state": FIELD_SET + "; " + NO_TV_NAMES,
    },
    "env_sym_ite": {
        "state": FIELD_SET + "; " + NO_TV_NAMES,
    },
    "env_sym_math": {
        "guards": "sqrt prints as math.sqrt(...), PyTorch 2.13 prints torch._sym_sqrt(...)",
        "state": FIELD_SET + "; " + NO_TV_NAMES,
    },
    "env_translation_validation": {
        "state": FIELD_SET,
    },
}
