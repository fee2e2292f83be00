"""The exporter: real PyTorch ShapeEnvs written as shapeenv event logs."""

import json
import os
import subprocess
import sys

import pytest
import sympy

import torch  # without PyTorch the suite fails at import, loudly

from torch._dynamo.source import LocalSource
from torch.fx.experimental.recording import ShapeEnvEvent
from torch.fx.experimental.symbolic_shapes import DimDynamic, ShapeEnv

import shapeenv.torch as st

SHAPEENV = os.environ.get("SHAPEENV_BIN")
HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON_DIR = os.path.join(HERE, "..", "..", "python")


def read_log(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    assert text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


def small_env():
    env = ShapeEnv(should_record_events=True, tracked_fakes=[])
    s0 = env.create_symbol(6, LocalSource("n"), dynamic_dim=DimDynamic.DYNAMIC)
    s1 = env.create_symbol(4, LocalSource("m"), dynamic_dim=DimDynamic.DYNAMIC)
    env.evaluate_expr(sympy.Eq(sympy.Mod(s0, 3), 0))
    env.evaluate_expr(s1 < s0)
    return env, s0, s1


def test_lines_follow_events(tmp_path):
    env, s0, _ = small_env()
    path = tmp_path / "run.jsonl"
    n = st.export_events(env, path)
    lines = read_log(path)
    assert n == len(lines) == len(env.events)
    head = lines[0]
    assert head["format"] == "shapeenv-events"
    assert head["version"] == st.LOG_VERSION
    assert head["event"] == "ShapeEnv"
    assert [l["index"] for l in lines] == list(range(len(lines)))
    assert [l["event"] for l in lines[1:]] == [e.name for e in env.events[1:]]
    create = lines[1]
    assert create["args"]["val"] == 6
    assert create["args"]["source"] == "L['n']"
    assert create["args"]["dynamic_dim"] == "DYNAMIC"
    evals = [l for l in lines if l["event"] == "evaluate_expr"]
    assert evals[0]["args"]["orig_expr"] == f"Eq(Mod({s0}, 3), 0)"
    assert list(evals[0]["args"]) == [
        "orig_expr", "hint", "fx_node", "size_oblivious", "forcing_spec",
        "_suppress_guards_tls", "fallback_value",
    ]
    # An unchanged snapshot of the tracked inputs is written once.
    assert evals[0]["tracked_fakes"] == []
    assert evals[1]["tracked_fakes"] == "previous"


def test_same_env_same_bytes(tmp_path):
    env, _, _ = small_env()
    st.export_events(env, tmp_path / "a.jsonl")
    st.export_events(env, tmp_path / "b.jsonl")
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()


def test_unencodable_argument_names_event_and_argument(tmp_path):
    env, s0, _ = small_env()
    bad = ShapeEnvEvent(
        ShapeEnv._constrain_range_for_size, [env, s0, object(), None], {},
        name="_constrain_range_for_size",
    )
    env.events.append(bad)
    path = tmp_path / "run.jsonl"
    path.write_text("older contents\n")
    with pytest.raises(st.ExportError) as info:
        st.export_events(env, path)
    msg = str(info.value)
    index = len(env.events) - 1
    assert msg.startswith(f"event {index} (_constrain_range_for_size): argument min: ")
    # The old file is untouched and nothing else is left behind.
    assert path.read_text() == "older contents\n"
    assert sorted(os.listdir(tmp_path)) == ["run.jsonl"]


def test_unknown_event_is_an_error(tmp_path):
    env, _, _ = small_env()

    def not_an_event(self):
        pass

    env.events.append(ShapeEnvEvent(not_an_event, [env], {}, name="not_an_event"))
    with pytest.raises(st.ExportError, match=r"event \d+ \(not_an_event\): this PyTorch event"):
        st.export_events(env, tmp_path / "x.jsonl")
    assert not (tmp_path / "x.jsonl").exists()


def test_not_recording_is_an_error(tmp_path):
    env = ShapeEnv(should_record_events=False)
    with pytest.raises(st.ExportError, match="recorded no events"):
        st.export_events(env, tmp_path / "x.jsonl")


def compiled_run():
    torch._dynamo.reset()

    def f(x, y):
        return torch.cat([x, y]).view(-1, 2).sum(0) * x.shape[0]

    g = torch.compile(f, dynamic=True, backend="eager")
    g(torch.randn(4, 6), torch.randn(2, 6))


def test_capture_compile(tmp_path):
    with st.capture(tmp_path) as cap:
        compiled_run()
    assert len(cap.envs) == 1
    index = json.loads((tmp_path / "index.json").read_text())
    assert len(index) == 1
    entry = index[0]
    assert entry["frame"] == "f"
    assert entry["file"] == "1-f.jsonl"
    lines = read_log(tmp_path / entry["file"])
    assert entry["events"] == len(lines)
    env = cap.envs[0]
    names = [l["event"] for l in lines[1:] if l["event"] != "track_fake"]
    assert names == [e.name for e in env.events[1:]]
    tracked = [l["args"]["source"] for l in lines if l["event"] == "track_fake"]
    assert tracked == ["L['x']", "L['y']"]
    # The guards Dynamo produced for the frame.
    assert entry["guards"] and all(isinstance(g, str) for g in entry["guards"])
    assert any("L['x'].size()[0]" in g for g in entry["guards"])
    # Capture restores ShapeEnv on exit: a new environment does not record.
    assert ShapeEnv().should_record_events is False


def test_capture_recompiles(tmp_path):
    torch._dynamo.reset()

    def f(x):
        return x * 2

    g = torch.compile(f, backend="eager")
    with st.capture(tmp_path) as cap:
        for n in (3, 4, 5):
            g(torch.randn(n))
    # The first call compiles static, the second recompiles dynamic
    # (automatic dynamic shapes); the third reuses it.
    assert len(cap.envs) == 2
    index = json.loads((tmp_path / "index.json").read_text())
    assert [e["file"] for e in index] == ["1-f.jsonl", "2-f.jsonl"]


def test_record_script(tmp_path):
    script = tmp_path / "user.py"
    script.write_text(
        "import sys, torch\n"
        "f = torch.compile(lambda x: x.sum(1) + 1, dynamic=True, backend='eager')\n"
        "f(torch.randn(int(sys.argv[1]), 3))\n"
        "print('ran', sys.argv[1:])\n"
    )
    out = tmp_path / "logs"
    env = dict(os.environ, PYTHONPATH=PYTHON_DIR)
    r = subprocess.run(
        [sys.executable, "-m", "shapeenv.torch", "record", "-o", str(out), "--", str(script), "5"],
        capture_output=True, text=True, env=env, cwd=tmp_path,
    )
    assert r.returncode == 0, r.stderr
    assert "ran ['5']" in r.stdout
    index = json.loads((out / "index.json").read_text())
    assert len(index) == 1 and index[0]["file"].endswith(".jsonl")
    assert (out / index[0]["file"]).exists()


def test_record_usage_errors(tmp_path):
    env = dict(os.environ, PYTHONPATH=PYTHON_DIR)
    r = subprocess.run([sys.executable, "-m", "shapeenv.torch", "record", "-o", str(tmp_path),
                        "--", str(tmp_path / "missing.py")],
                       capture_output=True, text=True, env=env)
    assert r.returncode == 2
    assert "missing.py: no such file" in r.stderr
    r = subprocess.run([sys.executable, "-m", "shapeenv.torch", "--help"],
                       capture_output=True, text=True, env=env)
    assert r.returncode == 0 and r.stdout.startswith("usage: python -m shapeenv.torch record")


@pytest.mark.skipif(not SHAPEENV, reason="SHAPEENV_BIN (the shapeenv binary) not given")
def test_replay_by_shapeenv(tmp_path):
    env, _, _ = small_env()
    path = tmp_path / "run.jsonl"
    st.export_events(env, path)
    r = subprocess.run([SHAPEENV, "replay", "--print", "events", str(path)],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
