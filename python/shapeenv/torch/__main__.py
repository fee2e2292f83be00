"""python -m shapeenv.torch record -o DIR -- script.py [args...]"""

from __future__ import annotations

import argparse
import os
import runpy
import sys

USAGE = """\
usage: python -m shapeenv.torch record -o DIR [--] SCRIPT [ARGS...]

Runs the Python script SCRIPT with ARGS, unmodified, as 'python SCRIPT ARGS'
would, while every PyTorch ShapeEnv it creates (one per frame torch.compile
compiles, and one per recompile) records its events. When the script ends,
each environment is written to DIR as an event log DIR/<n>-<frame>.jsonl,
with DIR/index.json listing frame, file, number of events and the guards
PyTorch produced. Replay a log with 'shapeenv replay DIR/1-forward.jsonl'.

Exit status: the script's own; 2 for bad usage; 1 when a log could not be
written (the reason is printed; the other logs are still written).
"""


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        sys.stdout.write(USAGE)
        return 0 if argv else 2
    if argv[0] != "record":
        sys.stderr.write(f"python -m shapeenv.torch: unknown command {argv[0]!r}\n{USAGE}")
        return 2
    p = argparse.ArgumentParser(prog="python -m shapeenv.torch record", add_help=True)
    p.add_argument("-o", "--output", required=True, metavar="DIR")
    p.add_argument("script")
    p.add_argument("args", nargs=argparse.REMAINDER)
    rest = argv[1:]
    if "--" in rest:
        i = rest.index("--")
        opts, tail = rest[:i], rest[i + 1 :]
        if not tail:
            p.error("no script given after --")
        ns = p.parse_args(opts + [tail[0]])
        ns.args = tail[1:]
    else:
        ns = p.parse_args(rest)
    if not os.path.isfile(ns.script):
        sys.stderr.write(f"python -m shapeenv.torch record: {ns.script}: no such file\n")
        return 2

    from . import capture

    status = 0
    cap = capture(ns.output)
    sys.argv = [ns.script] + list(ns.args)
    sys.path.insert(0, os.path.dirname(os.path.abspath(ns.script)))
    try:
        with cap:
            runpy.run_path(ns.script, run_name="__main__")
    except SystemExit as e:
        code = e.code
        status = code if isinstance(code, int) else (0 if code is None else 1)
    failed = [e for e in cap.entries if "error" in e]
    for e in failed:
        sys.stderr.write(f"shapeenv record: {e['frame']}: {e['error']}\n")
    written = len(cap.entries) - len(failed)
    sys.stderr.write(
        f"shapeenv record: {written} log(s) written to {ns.output}"
        f" ({len(failed)} failed)\n"
    )
    if status == 0 and failed:
        status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
