"""Conversion of a PyTorch ShapeEnv's recorded events into a shapeenv log.

A PyTorch ShapeEnv that records events (``should_record_events=True``)
keeps, in ``shape_env.events``, one ShapeEnvEvent per top-level call that
changed it: the method, its positional and keyword arguments, and for
``evaluate_expr`` and ``guard_or_defer_runtime_assert`` a snapshot of the
tracked fakes.  ``export_events`` writes that list as a shapeenv event log
(docs/event-log.md): line 1 the constructor, then one line per event with
every argument under its name, in the order of src/record/events.def.

PyTorch keeps the inputs whose guards matter (Dynamo's tracked fakes) in
``shape_env.tracked_fakes``, outside the events; the log ends with one
``track_fake`` event per tracked input, so that a replay produces the guards
for the same inputs.  Event *i* of PyTorch is line *i + 1* of the log.
"""

from __future__ import annotations

import inspect
import json
import math
import os
import tempfile
from typing import Any, Callable

LOG_FORMAT = "shapeenv-events"
LOG_VERSION = 2


class ExportError(Exception):
    """An event or argument that the log format cannot hold.

    The message names the event's index and PyTorch name and the argument.
    """


class _ArgError(Exception):
    """Raised by an encoder; turned into ExportError with the event's name."""


# ---------------------------------------------------------------- values


def _torch():
    import torch  # imported late: the package imports without PyTorch

    return torch


def _sympy():
    import sympy

    return sympy


def _is_symbolic(x: Any) -> bool:
    torch = _torch()
    return isinstance(x, (torch.SymInt, torch.SymFloat, torch.SymBool))


def enc_expr(x: Any) -> str | None:
    """SymPy's str() of an expression argument; None stays None."""
    torch = _torch()
    sympy = _sympy()
    if x is None:
        return None
    if isinstance(x, bool):
        return "True" if x else "False"
    if isinstance(x, int):
        return str(x)
    if isinstance(x, float):
        return str(sympy.Float(x))
    if isinstance(x, (torch.SymInt, torch.SymFloat, torch.SymBool)):
        return str(x.node.expr)
    if isinstance(x, sympy.Basic):
        return str(x)
    if isinstance(x, torch.Tensor):
        if x.numel() != 1:
            raise _ArgError(f"a tensor with {x.numel()} elements is not a number")
        return enc_expr(x.item())
    raise _ArgError(f"cannot encode a {type(x).__name__} as an expression")


def enc_int(x: Any) -> int:
    torch = _torch()
    sympy = _sympy()
    if isinstance(x, bool):
        raise _ArgError("expected an integer, found a bool")
    if isinstance(x, int):
        return x
    if isinstance(x, sympy.Integer):
        return int(x)
    if isinstance(x, torch.SymInt) and x.node.expr.is_number:
        return int(x.node.expr)
    raise _ArgError(f"expected an integer, found {type(x).__name__} {x!r}")


def enc_opt_int(x: Any) -> int | None:
    return None if x is None else enc_int(x)


def enc_number(x: Any) -> int | float | str:
    """An int or a float, as JSON holds it ("nan", "inf", "-inf" as text)."""
    if isinstance(x, bool):
        raise _ArgError("expected a number, found a bool")
    if isinstance(x, int):
        return x
    if isinstance(x, float):
        if math.isnan(x):
            return "nan"
        if math.isinf(x):
            return "inf" if x > 0 else "-inf"
        return x
    sympy = _sympy()
    if isinstance(x, sympy.Integer):
        return int(x)
    if isinstance(x, sympy.Float):
        return enc_number(float(x))
    raise _ArgError(f"expected a number, found {type(x).__name__} {x!r}")


def enc_bool(x: Any) -> bool:
    if isinstance(x, bool):
        return x
    raise _ArgError(f"expected a bool, found {type(x).__name__} {x!r}")


def enc_opt_bool(x: Any) -> bool | None:
    return None if x is None else enc_bool(x)


def enc_str(x: Any) -> str | None:
    if x is None or isinstance(x, str):
        return x
    raise _ArgError(f"expected a string, found {type(x).__name__}")


def source_name(src: Any) -> str:
    """A Source's name: a property in PyTorch 2.13, a method before it."""
    name = src.name
    return name() if callable(name) else name


def enc_source(src: Any) -> str | None:
    if src is None:
        return None
    try:
        return source_name(src)
    except Exception as e:  # a Source whose name cannot be made
        raise _ArgError(f"source {src!r} has no name: {e}") from e


def enc_dim(d: Any) -> str:
    name = getattr(d, "name", None)
    if not isinstance(name, str) or type(d).__name__ != "DimDynamic":
        raise _ArgError(f"expected a DimDynamic, found {d!r}")
    return name


def enc_constraint(c: Any) -> dict | None:
    if c is None:
        return None
    kind = type(c).__name__
    if kind == "RelaxedUnspecConstraint":
        return {"type": kind, "warn_only": bool(c.warn_only)}
    if kind == "StrictMinMaxConstraint":
        lo, hi = c.vr.lower, c.vr.upper
        return {
            "type": kind,
            "warn_only": bool(c.warn_only),
            "min": _bound(lo),
            "max": _bound(hi),
        }
    raise _ArgError(f"cannot encode the constraint {c!r}")


def _bound(b: Any) -> int | str:
    text = str(b)
    if text in ("int_oo", "-int_oo", "oo", "-oo"):
        return text
    return enc_int(b)


def _sym_type(x: Any) -> str:
    torch = _torch()
    if isinstance(x, torch.SymBool):
        return "bool"
    if isinstance(x, torch.SymFloat):
        return "float"
    return "int"


def _hint_text(node: Any) -> str | None:
    hint = getattr(node, "hint", None)
    if hint is None:
        return None
    return enc_expr(hint)


def enc_sym(x: Any) -> dict:
    """A SymInt/SymFloat/SymBool (or its SymNode) with its hint and FX node."""
    torch = _torch()
    if isinstance(x, (torch.SymInt, torch.SymFloat, torch.SymBool)):
        node, typ = x.node, _sym_type(x)
    elif type(x).__name__ == "SymNode":
        node = x
        typ = "bool" if x.is_bool() else "float" if x.is_float() else "int"
    else:
        raise _ArgError(f"expected a SymInt, SymFloat or SymBool, found {type(x).__name__}")
    fx = getattr(node, "fx_node", None)
    return {
        "expr": str(node.expr),
        "hint": _hint_text(node),
        "type": typ,
        "fx": None if fx is None else fx.name,
    }


def enc_value(x: Any) -> dict:
    """A size, stride or offset of a tracked input: expr, hint and type."""
    torch = _torch()
    if isinstance(x, bool):
        return {"expr": enc_expr(x), "hint": enc_expr(x), "type": "bool"}
    if isinstance(x, (int, float)):
        t = "float" if isinstance(x, float) else "int"
        text = enc_expr(x)
        return {"expr": text, "hint": text, "type": t}
    if isinstance(x, (torch.SymInt, torch.SymFloat, torch.SymBool)):
        return {"expr": str(x.node.expr), "hint": _hint_text(x.node), "type": _sym_type(x)}
    raise _ArgError(f"cannot encode a {type(x).__name__} as a tracked value")


def enc_fx(node: Any) -> str | None:
    # A SymNode made while translation validation is off holds False, not
    # None, for "no FX node"; both mean the same to the environment.
    if node is None or node is False:
        return None
    name = getattr(node, "name", None)
    if not isinstance(name, str):
        raise _ArgError(f"expected an FX node, found {type(node).__name__}")
    return name


def enc_op(op: Any) -> str:
    name = getattr(op, "__name__", None)
    if not isinstance(name, str):
        raise _ArgError(f"cannot name the call target {op!r}")
    return name


def enc_fxargs(args: Any) -> list:
    """The argument tuple of an FX call: nodes by name, values as text.

    A nested tuple (sym_sum's single argument) is {"tuple": [...]}.  While
    translation validation is off PyTorch passes False in place of every
    node; that is written as the value it is.
    """
    torch = _torch()
    out: list = []
    for a in args:
        if isinstance(a, torch.fx.Node):
            out.append({"node": a.name})
        elif isinstance(a, (tuple, list)):
            out.append({"tuple": enc_fxargs(a)})
        else:
            out.append({"value": enc_expr(a)})
    return out


def enc_tracked(fake: Any) -> dict:
    """A tracked input: tensor metadata (FakeTensorMeta, FakeTensor) or a value."""
    torch = _torch()
    if isinstance(fake, (torch.SymInt, torch.SymFloat, torch.SymBool, int, float, bool)):
        return {"value": enc_value(fake)}
    if hasattr(fake, "size") and hasattr(fake, "stride") and hasattr(fake, "storage_offset"):
        return {
            "tensor": {
                "size": [enc_value(v) for v in fake.size()],
                "stride": [enc_value(v) for v in fake.stride()],
                "storage_offset": enc_value(fake.storage_offset()),
                "is_nested": bool(fake.is_nested),
            }
        }
    raise _ArgError(f"cannot encode a tracked {type(fake).__name__}")


def enc_snapshot(tracked: Any) -> list | None:
    if tracked is None:
        return None
    out = []
    for t in tracked:
        item = {"source": enc_source(t.source)}
        item.update(enc_tracked(t.fake))
        out.append(item)
    return out


def _dims(name: str, values: Any, enc: Callable[[Any], Any]) -> list | None:
    if values is None:
        return None
    try:
        return [enc(v) for v in values]
    except _ArgError as e:
        raise _ArgError(f"{name}: {e}") from e


def enc_tensor(a: dict) -> dict:
    """The arguments of _create_symbolic_sizes_strides_storage_offset."""
    ctx = a.get("symbolic_context")
    out: dict[str, Any] = {
        "size": [enc_int(v) for v in a["ex_size"]],
        "stride": [enc_int(v) for v in a["ex_stride"]],
        "storage_offset": enc_int(a["ex_storage_offset"]),
        "is_nested": False,
        "is_dim_dynamic": [enc_bool(bool(v)) for v in a["is_dim_dynamic"]],
    }
    if ctx is not None:
        kind = type(ctx).__name__
        if kind not in ("StatelessSymbolicContext", "StatefulSymbolicContext"):
            raise _ArgError(f"symbolic_context: cannot encode a {kind}")
        for key, enc in (
            ("dynamic_sizes", enc_dim),
            ("dynamic_strides", enc_dim),
            ("constraint_sizes", enc_constraint),
            ("constraint_strides", enc_constraint),
        ):
            v = _dims(f"symbolic_context.{key}", getattr(ctx, key, None), enc)
            if v is not None:
                out[key] = v
        spec = getattr(ctx, "specialize_on", None)
        if spec and any(spec):
            raise _ArgError("symbolic_context.specialize_on: callables cannot be encoded")
        if getattr(ctx, "view_base_context", None) is not None:
            raise _ArgError("symbolic_context.view_base_context: not supported")
        if getattr(ctx, "shape_ids", None):
            raise _ArgError("symbolic_context.shape_ids: not supported")
        if getattr(ctx, "unbacked_bounds", None):
            raise _ArgError("symbolic_context.unbacked_bounds: not supported")
    hints = a.get("hint_overrides")
    if hints:
        out["hint_overrides"] = [[enc_int(k), enc_int(v)] for k, v in sorted(hints.items())]
    return out


def _no_context(a: dict) -> None:
    ctx = a.get("symbolic_context")
    if ctx is not None:
        raise _ArgError("symbolic_context: only _create_symbolic_sizes_strides_storage_offset takes one")


# ---------------------------------------------------------------- events

# PyTorch's event name -> (log event name, [(log arg, PyTorch parameter, encoder)]).
# The log's argument order is the order of src/record/events.def.
_A = tuple[str, str, Callable[[Any], Any]]


def _spec(*args: _A) -> list[_A]:
    return list(args)


EVENTS: dict[str, list[_A]] = {
    "create_symbol": _spec(
        ("val", "val", enc_number),
        ("source", "source", enc_source),
        ("dynamic_dim", "dynamic_dim", enc_dim),
        ("constraint_dim", "constraint_dim", enc_constraint),
        ("positive", "positive", enc_opt_bool),
        ("do_not_specialize_zero_one", "do_not_specialize_zero_one", enc_bool),
    ),
    "create_unspecified_symbol": _spec(
        ("val", "val", enc_number),
        ("source", "source", enc_source),
        ("dynamic_dim", "dynamic_dim", enc_dim),
    ),
    "create_unspecified_symint_and_symbol": _spec(
        ("value", "value", enc_int),
        ("source", "source", enc_source),
        ("dynamic_dim", "dynamic_dim", enc_dim),
        ("excluded_value", "excluded_value", enc_opt_int),
    ),
    "_record_exclusion_constraint": _spec(
        ("sym", "sym", enc_expr),
        ("val", "val", enc_int),
    ),
    "create_symintnode": _spec(
        ("sym", "sym", enc_expr), ("hint", "hint", enc_expr), ("source", "source", enc_source)
    ),
    "create_symfloatnode": _spec(
        ("sym", "sym", enc_expr), ("hint", "hint", enc_expr), ("source", "source", enc_source)
    ),
    "create_unbacked_symint": _spec(("source", "source", enc_source)),
    "create_unbacked_symfloat": _spec(),
    "create_unbacked_symbool": _spec(),
    "constrain_symbol_range": _spec(
        ("s", "s", enc_expr),
        ("compiler_min", "compiler_min", enc_expr),
        ("compiler_max", "compiler_max", enc_expr),
    ),
    "_constrain_range_for_size": _spec(
        ("a", "a", enc_expr), ("min", "min", enc_expr), ("max", "max", enc_expr)
    ),
    "_constrain_range": _spec(
        ("a", "a", enc_expr), ("min", "min", enc_expr), ("max", "max", enc_expr)
    ),
    "_constrain_unify": _spec(("a", "a", enc_sym), ("b", "b", enc_sym)),
    "_ignore_fresh_unbacked_symbols_set": _spec(("b", "b", enc_bool)),
    "freeze": _spec(),
    "freeze_runtime_asserts": _spec(),
    "_suppress_guards_enter": _spec(),
    "_suppress_guards_exit": _spec(),
    "evaluate_expr": _spec(
        ("orig_expr", "orig_expr", enc_expr),
        ("hint", "hint", enc_expr),
        ("fx_node", "fx_node", enc_fx),
        ("size_oblivious", "size_oblivious", enc_bool),
        ("forcing_spec", "forcing_spec", enc_bool),
        ("_suppress_guards_tls", "_suppress_guards_tls", enc_bool),
        ("fallback_value", "fallback_value", enc_expr),
    ),
    "guard_or_defer_runtime_assert": _spec(
        ("orig_expr", "orig_expr", enc_expr),
        ("msg", "msg", enc_str),
        ("fx_node", "fx_node", enc_fx),
    ),
    "_find": _spec(("a", "a", enc_expr)),
    "_create_fx_call_function": _spec(("op", "op", enc_op), ("args", "args", enc_fxargs)),
    "_eliminate_unbacked": _spec(("orig_s", "orig_s", enc_expr), ("new_s", "new_s", enc_expr)),
    "_rename_unbacked_to": _spec(("orig_s", "orig_s", enc_expr), ("new_s", "new_s", enc_expr)),
    "_constrain_is_bounded": _spec(
        ("a", "a", enc_expr), ("upper_bound", "upper_bound", enc_expr)
    ),
    "set_real_tensor_prop_unbacked_vals": _spec(("k", "k", enc_expr), ("v", "v", enc_expr)),
}

# Events whose symbolic_context argument must be None (it is read only by
# _create_symbolic_sizes_strides_storage_offset).
_CONTEXT_FREE = ("create_symbol", "create_unspecified_symbol")

_TENSOR_EVENT = "_create_symbolic_sizes_strides_storage_offset"
_SNAPSHOT_EVENTS = ("evaluate_expr", "guard_or_defer_runtime_assert")


def _bind(event: Any) -> dict:
    """The event's arguments by parameter name, defaults filled in."""
    sig = inspect.signature(event.f)
    bound = sig.bind(*(event.args or []), **(event.kwargs or {}))
    bound.apply_defaults()
    args = dict(bound.arguments)
    args.pop("self", None)
    return args


def _settings(env: Any, event: Any) -> dict:
    s = env.settings
    kwargs = event.kwargs or {}
    out: dict[str, Any] = {}
    for key in (
        "allow_scalar_outputs",
        "allow_dynamic_output_shape_ops",
        "assume_static_by_default",
        "specialize_zero_one",
        "duck_shape",
        "prefer_deferred_runtime_asserts_over_guards",
        "trace_asserts",
    ):
        out[key] = bool(getattr(s, key))
    co = kwargs.get("co_fields")
    if co:
        out["co_fields"] = {str(k): str(v) for k, v in co.items()}
    out["should_record_events"] = bool(kwargs.get("should_record_events", False))
    return out


def event_lines(env: Any) -> list[str]:
    """Every line of the log for ``env``, each without its newline.

    Raises ExportError when an event or argument cannot be encoded.
    """
    events = getattr(env, "events", None)
    if not events:
        raise ExportError(
            "the ShapeEnv recorded no events (construct it with should_record_events=True,"
            " or use shapeenv.torch.capture)"
        )
    first = events[0]
    if first.name is not None or first.args is not None:
        raise ExportError("event 0 is not the ShapeEnv constructor")

    def dumps(obj: Any) -> str:
        return json.dumps(obj, separators=(",", ":"), ensure_ascii=False, allow_nan=False)

    lines = [
        dumps(
            {
                "format": LOG_FORMAT,
                "version": LOG_VERSION,
                "index": 0,
                "event": "ShapeEnv",
                "settings": _settings(env, first),
                "translation_validation": bool(
                    getattr(env, "_translation_validation_enabled", False)
                ),
                "check_recorded_events": bool(getattr(env, "check_recorded_events", False)),
            }
        )
    ]
    last_snapshot: str | None = None
    index = 0
    for index, event in enumerate(events[1:], start=1):
        name = event.name or getattr(event.f, "__name__", "?")
        current = "?"
        try:
            current = "(arguments)"
            a = _bind(event)
            if name == _TENSOR_EVENT:
                current = "tensor"
                out_args = {"tensor": enc_tensor(a)}
                current = "source"
                out_args["source"] = enc_source(a["source"])
            elif name in EVENTS:
                if name in _CONTEXT_FREE:
                    current = "symbolic_context"
                    _no_context(a)
                out_args = {}
                for key, param, enc in EVENTS[name]:
                    current = key
                    out_args[key] = enc(a.get(param))
            else:
                raise ExportError(
                    f"event {index} ({name}): this PyTorch event has no counterpart in the"
                    " shapeenv log format"
                )
            line: dict[str, Any] = {"index": index, "event": name, "args": out_args}
            if name in _SNAPSHOT_EVENTS:
                current = "tracked_fakes"
                snap = enc_snapshot(event.tracked_fakes)
                if snap is not None:
                    text = dumps(snap)
                    line["tracked_fakes"] = "previous" if text == last_snapshot else snap
                    last_snapshot = text
            lines.append(dumps(line))
        except _ArgError as e:
            raise ExportError(f"event {index} ({name}): argument {current}: {e}") from None
    for t in getattr(env, "tracked_fakes", None) or []:
        index += 1
        try:
            fake = enc_tracked(_tracked_meta(t.fake))
        except _ArgError as e:
            raise ExportError(
                f"tracked input {enc_source(t.source)}: {e}"
            ) from None
        lines.append(
            dumps(
                {
                    "index": index,
                    "event": "track_fake",
                    "args": {"source": enc_source(t.source), "fake": fake},
                }
            )
        )
    return lines


def _tracked_meta(fake: Any) -> Any:
    """A tracked fake as PyTorch snapshots it (FakeTensorMeta for a tensor)."""
    torch = _torch()
    if isinstance(fake, torch.Tensor):
        from torch.fx.experimental.recording import FakeTensorMeta

        return FakeTensorMeta.from_fake(fake)
    return fake


def export_events(shape_env: Any, path: str | os.PathLike) -> int:
    """Write the events ``shape_env`` recorded as a shapeenv event log at ``path``.

    Returns the number of lines written.  The file is written under a
    temporary name in the same directory and renamed into place, so a failed
    export leaves no partial log (and any older file at ``path`` untouched).
    Raises ExportError naming the event's index, name and argument when an
    event cannot be encoded.
    """
    lines = event_lines(shape_env)
    path = os.fspath(path)
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".shapeenv-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            for line in lines:
                f.write(line)
                f.write("\n")
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return len(lines)
