"""PyTorch runs into shapeenv: event logs from real ShapeEnvs.

``export_events(shape_env, path)`` writes the events a recording PyTorch
ShapeEnv holds as a shapeenv event log; ``capture(directory)`` records every
ShapeEnv a program creates (torch.compile included) and writes one log each;
``python -m shapeenv.torch record -o DIR -- script.py ARGS`` does that for
an unmodified script.  PyTorch itself is imported only when used.
"""

from ._capture import capture
from ._export import LOG_VERSION, ExportError, event_lines, export_events

__all__ = ["capture", "export_events", "event_lines", "ExportError", "LOG_VERSION"]
