"""PyTorch's own answers for a live ShapeEnv, in the text forms `shapeenv replay` prints.

- guards(env):  produce_guards over the environment's tracked fakes (the list of guard texts);
- state(env):   every field ShapeEnv.check_equal compares, mapped as check_equal maps it, one
                "name: value" line each, sorted by name (`shapeenv replay --print state`);
- events(env):  the names of the recorded events (`shapeenv replay --print events`).

The compared field names and the mapping are taken from PyTorch itself at run time: check_equal
is called with the module's shape_env_check_state_equal temporarily replaced by a function that
only keeps the two arguments it is given (the non-state names and map_value). Nothing of the
field list is written down here, so a new PyTorch version brings its own list.
"""

from __future__ import annotations

import contextlib
from typing import Any, Callable, Iterable, Optional, Sequence

import torch
from torch.fx.experimental import symbolic_shapes as _ss
from torch.fx.experimental.recording import FakeTensorMeta

__all__ = [
    "compared_fields",
    "event_names",
    "events",
    "guards",
    "placeholders",
    "state",
    "state_fields",
    "value_to_str",
]


# ---- what check_equal compares -------------------------------------------------------------


class _Captured(Exception):
    pass


def _check_equal_arguments(env: _ss.ShapeEnv) -> tuple[tuple[str, ...], Callable[[str, Any], Any]]:
    """The (non_state_variable_names, map_value) pair env.check_equal passes on."""
    got: dict[str, Any] = {}

    def keep(env1: Any, env2: Any, names: tuple[str, ...], map_value: Callable[[str, Any], Any]) -> None:
        got["names"] = tuple(names)
        got["map_value"] = map_value
        raise _Captured

    saved = _ss.shape_env_check_state_equal
    _ss.shape_env_check_state_equal = keep
    try:
        env.check_equal(env)
    except _Captured:
        pass
    finally:
        _ss.shape_env_check_state_equal = saved
    if "names" not in got:
        raise RuntimeError("ShapeEnv.check_equal did not call shape_env_check_state_equal")
    return got["names"], got["map_value"]


def compared_fields(env: _ss.ShapeEnv) -> list[str]:
    """The names of the fields check_equal compares for env, in sorted order."""
    names, _ = _check_equal_arguments(env)
    return sorted(k for k in vars(env) if k not in names)


def value_to_str(value: Any) -> str:
    """A field's text as a NotEqualError shows it (recording.py's value_to_str).

    A dict prints "{k: v, ...}" with its keys ordered by their text; a set prints "{a, b}"
    sorted. PyTorch sorts a set by its elements; when they cannot be ordered (two symbolic
    SymPy expressions: "<" gives a relation, which has no truth value) PyTorch would raise, and
    here they are ordered by their text, as `shapeenv` orders them.
    """
    if isinstance(value, dict):
        keys = sorted(value.keys(), key=str)
        return "{" + ", ".join(f"{k}: {value[k]}" for k in keys) + "}"
    if isinstance(value, set):
        try:
            elems = sorted(value)
        except TypeError:
            elems = sorted(value, key=str)
        return "{" + ", ".join(f"{v}" for v in elems) + "}"
    return str(value)


def state_fields(env: _ss.ShapeEnv) -> list[tuple[str, str]]:
    """(name, text) for every compared field, sorted by name."""
    names, map_value = _check_equal_arguments(env)
    fields = vars(env)
    return [
        (k, value_to_str(map_value(k, fields[k])))
        for k in sorted(fields)
        if k not in names
    ]


def state(env: _ss.ShapeEnv) -> str:
    """The `shapeenv replay --print state` text PyTorch's state gives."""
    return "".join(f"{k}: {v}\n" for k, v in state_fields(env))


# ---- events --------------------------------------------------------------------------------


def event_names(env_events: Iterable[Any]) -> list[str]:
    """The name of each recorded event: the recorded name, or the function's (the constructor
    event is "ShapeEnv")."""
    out = []
    for ev in env_events:
        name = getattr(ev, "name", None)
        if not name:
            name = getattr(ev.f, "__name__", str(ev.f))
        out.append(name)
    return out


def events(env: _ss.ShapeEnv) -> list[str]:
    return event_names(env.events)


# ---- guards --------------------------------------------------------------------------------


def _tracked(env: _ss.ShapeEnv, tracked_fakes: Optional[Sequence[Any]]) -> list[Any]:
    if tracked_fakes is not None:
        return list(tracked_fakes)
    return list(env.tracked_fakes or [])


def placeholders(tracked_fakes: Sequence[Any]) -> tuple[list[Any], list[Any]]:
    """produce_guards' placeholders and sources for tracked fakes, as the recorder snapshots
    them: a tensor becomes FakeTensorMeta.from_fake, a SymInt/SymFloat/int stays itself."""
    ph, src = [], []
    for tf in tracked_fakes:
        fake = tf.fake
        if isinstance(fake, torch.Tensor):
            fake = FakeTensorMeta.from_fake(fake)
        ph.append(fake)
        src.append(tf.source)
    return ph, src


def guards(env: _ss.ShapeEnv, tracked_fakes: Optional[Sequence[Any]] = None) -> list[str]:
    """produce_guards (default options) over the tracked fakes of env, or over tracked_fakes
    when given (the live environment's list, for an environment replayed from its events).

    An environment that tracked no input has no placeholders to produce guards for; its
    answer is then the expression of each guard, as format_guards() lists them (this is what
    `shapeenv replay` prints for a log without track_fake events)."""
    tf = _tracked(env, tracked_fakes)
    if not tf:
        text = env.format_guards()
        return [line[3:] if line.startswith(" - ") else line for line in text.split("\n") if line]
    ph, src = placeholders(tf)
    with _no_validation():
        return list(env.produce_guards(ph, src))


@contextlib.contextmanager
def _no_validation():
    """produce_guards without its translation-validation step: the guard texts do not depend
    on it, and Z3 can take minutes on a divisibility guard."""
    cls = _ss.ShapeEnv
    saved = cls._check_translation_validate
    cls._check_translation_validate = lambda self: None
    try:
        yield
    finally:
        cls._check_translation_validate = saved


@contextlib.contextmanager
def no_recording(env: _ss.ShapeEnv):
    """Keeps env from recording while the reference asks it questions, so that asking does
    not add events to the log being compared."""
    saved = env.should_record_events
    env.should_record_events = False
    try:
        yield env
    finally:
        env.should_record_events = saved
