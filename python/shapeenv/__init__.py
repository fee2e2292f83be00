"""shapeenv: symbolic tensor shapes with event recording and replay.

This package holds the Python side of shapeenv.  ``shapeenv.torch`` turns
the events a real PyTorch ShapeEnv recorded into a shapeenv event log
(docs/event-log.md) that the ``shapeenv`` command line replays, compares,
validates and bisects.
"""

__version__ = "0.1.0"
