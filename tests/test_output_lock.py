"""Two `diplomodel brief --input X --output Y` on one Y: the second refuses, lines never interleave."""
from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import pytest

from diplomodel.lock import OutputLock, OutputLocked

TEXT = "Ana Lopez met Ali Khan in Rabat on Monday."


def _input(path: Path, n: int) -> list[str]:
    ids = [f"doc-{i:04d}" for i in range(n)]
    path.write_text("".join(json.dumps({"id": i, "text": TEXT}) + "\n" for i in ids), "utf-8")
    return ids


def _ids(out: Path) -> list[str]:
    return [json.loads(line)["id"] for line in out.read_bytes().decode("utf-8").split("\n") if line]


def test_second_writer_refuses_while_the_first_runs(tmp_path: Path, cli_cmd, cli_env) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    ids = _input(src, 120)
    args = cli_cmd + ["brief", "--input", str(src), "--output", str(out), "--batch-size", "1", "--quiet"]
    first = subprocess.Popen(args, env=cli_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not (out.exists() and out.stat().st_size) and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert first.poll() is None, first.communicate()
    assert (tmp_path / "out.jsonl.lock").read_text().strip() == str(first.pid)
    second = subprocess.run(args, env=cli_env, capture_output=True, text=True, timeout=60)
    still_running = first.poll() is None
    assert second.returncode == 2
    assert second.stderr.count("\n") == 1 and "Traceback" not in second.stderr
    assert f"{out}: another diplomodel process (pid {first.pid}) is writing this file" in second.stderr
    assert still_running, "the first run ended before the second tried; use a longer input"
    _, err = first.communicate(timeout=300)
    assert first.returncode == 0, err
    assert _ids(out) == ids  # every line the first run's, in order, none twice
    assert not (tmp_path / "out.jsonl.lock").exists()  # released on exit


def test_two_writers_started_together_never_interleave(tmp_path: Path, cli_cmd, cli_env) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    ids = _input(src, 20)
    args = cli_cmd + ["brief", "--input", str(src), "--output", str(out), "--quiet"]
    procs = [subprocess.Popen(args, env=cli_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in procs]
    refused = [err for rc, err in results if rc == 2]
    assert all(rc in (0, 2) for rc, _ in results) and len(refused) <= 1, results
    assert all("another diplomodel process" in err for err in refused)
    assert _ids(out) == ids


def test_sigterm_closes_the_output_and_drops_the_lock(tmp_path: Path, cli_cmd, cli_env) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    ids = _input(src, 200)
    args = cli_cmd + ["brief", "--input", str(src), "--output", str(out), "--batch-size", "1", "--quiet"]
    proc = subprocess.Popen(args, env=cli_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not (out.exists() and out.stat().st_size) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    proc.terminate()
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + 15 and "Traceback" not in err, err
    assert not (tmp_path / "out.jsonl.lock").exists()
    data = out.read_bytes()
    assert data.endswith(b"\n") and _ids(out) == ids[:len(_ids(out))]


def test_lock_in_process_and_missing_folder(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    with OutputLock(out) as held:
        assert held.lock_path.read_text().strip().isdigit()
        with pytest.raises(OutputLocked, match="another diplomodel process"):
            OutputLock(out).acquire()
    with OutputLock(out):  # free again after release
        pass
    with pytest.raises(OutputLocked, match="output folder does not exist"):
        OutputLock(tmp_path / "no" / "o.jsonl").acquire()
