"""Recording every ShapeEnv a program creates, and writing each as a log."""

from __future__ import annotations

import json
import os
import re
from typing import Any

from ._export import ExportError, export_events


def _frame_name(env: Any) -> str:
    kwargs = (env.events[0].kwargs or {}) if getattr(env, "events", None) else {}
    co = kwargs.get("co_fields") or {}
    name = str(co.get("co_name") or "shape_env")
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", name) or "shape_env"


class capture:
    """Context manager: record every ShapeEnv created inside, write each as a log.

    While active, every ``ShapeEnv`` constructed (by torch.compile, for each
    frame and each recompile, or directly) records its events.  On exit it
    writes ``directory/<n>-<frame>.jsonl`` per environment (n counting from
    1 in creation order; frame the compiled function's name) and
    ``directory/index.json``: a list of objects with the keys ``frame``,
    ``file``, ``events`` (lines in the log) and ``guards`` (the guard texts
    PyTorch produced for the frame, from Dynamo's produce_guards call, or
    null when it made none).  An environment whose events cannot be exported
    gets ``"error"`` (the message) in place of ``file`` and ``events``;
    the other logs are still written.

    ``cap.envs`` lists the environments in creation order, ``cap.entries``
    the index entries with an extra key ``env`` (the live ShapeEnv).
    """

    def __init__(self, directory: str | os.PathLike) -> None:
        self.directory = os.fspath(directory)
        self.envs: list[Any] = []
        self.entries: list[dict[str, Any]] = []
        self._saved: dict[str, Any] = {}
        self._guards: dict[int, list[str]] = {}

    def __enter__(self) -> "capture":
        from torch.fx.experimental import symbolic_shapes as ss

        if self._saved:
            raise RuntimeError("shapeenv.torch.capture is not reentrant")
        os.makedirs(self.directory, exist_ok=True)
        cls = ss.ShapeEnv
        init = cls.__init__
        verbose = cls.produce_guards_verbose
        cap = self

        def recording_init(env: Any, *args: Any, **kwargs: Any) -> None:
            kwargs["should_record_events"] = True
            init(env, *args, **kwargs)
            cap.envs.append(env)

        def guards_verbose(env: Any, *args: Any, **kwargs: Any) -> Any:
            out = verbose(env, *args, **kwargs)
            if id(env) not in cap._guards and out:
                cap._guards[id(env)] = list(out[0].exprs)
            return out

        self._saved = {"__init__": init, "produce_guards_verbose": verbose}
        cls.__init__ = recording_init
        cls.produce_guards_verbose = guards_verbose
        return self

    def __exit__(self, *exc: Any) -> None:
        from torch.fx.experimental import symbolic_shapes as ss

        for key, value in self._saved.items():
            setattr(ss.ShapeEnv, key, value)
        self._saved = {}
        self.write()

    def write(self) -> list[dict[str, Any]]:
        """Write the logs and index.json now; returns the index entries."""
        entries = []
        for n, env in enumerate(self.envs, start=1):
            frame = _frame_name(env)
            entry: dict[str, Any] = {"frame": frame}
            name = f"{n}-{frame}.jsonl"
            try:
                entry["file"] = name
                entry["events"] = export_events(env, os.path.join(self.directory, name))
            except ExportError as e:
                entry.pop("file")
                entry["error"] = str(e)
            entry["guards"] = self._guards.get(id(env))
            entries.append(entry)
        tmp = os.path.join(self.directory, ".index.json.tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(entries, f, indent=1)
            f.write("\n")
        os.replace(tmp, os.path.join(self.directory, "index.json"))
        self.entries = [dict(e, env=env) for e, env in zip(entries, self.envs)]
        return entries
