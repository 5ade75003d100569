"""A batch job SIGKILLed at 20 random points and resumed each time ends byte-identical to one
uninterrupted run.

The killed runs are real processes running the CLI's ``main()``, forked from a ``forkserver``
that has torch and diplomodel imported already, so each of the 20 starts costs milliseconds
instead of seconds of imports; ``Process.kill()`` is a real SIGKILL. Each resumed run draws
another batch size (1, 3, 8 or 16), so the output also has to be independent of how records are
grouped. Some kills are followed by what a write cut short leaves (half a line). The last
resume is the real ``python -m diplomodel.cli`` command.
"""
from __future__ import annotations

import json
import multiprocessing as mp
import os
import random
import subprocess
import time
from pathlib import Path

import pytest

from diplomodel.cli import main

PRELOAD = ["torch", "transformers", "peft", "diplomodel.cli", "diplomodel.briefer", "diplomodel.models.tagger",
           "diplomodel.models.safety", "diplomodel.extraction", "diplomodel.lock"]
CITIES = ["RABAT", "BAKU", "TOKYO", "NAIROBI", "LIMA", "OSLO"]
PEOPLE = ["Ana Lopez", "Ali Khan", "Yoko Sato", "Lars Berg", "Amina Diallo", "Ivan Petrov"]


def records(n: int, seed: int = 5) -> list[dict]:
    """Small varied records: datelines, dates, a few empty or odd ones."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        a, b = rng.sample(PEOPLE, 2)
        text = (f"{rng.choice(CITIES)}, March {rng.randint(1, 28)} - Foreign Minister {a} met {b} on "
                f"{rng.choice(['Monday', 'Friday', 'Tuesday'])}." + " They discussed trade." * rng.randint(0, 3))
        if i % 37 == 5:
            text = ""
        elif i % 41 == 7:
            text = "\u0645\u0631\u062d\u0628\u0627 \u2028 \U0001f600 " + text
        out.append({"id": f"r{i:04d}", "text": text,
                    "published": None if i % 5 == 0 else f"2024-03-{rng.randint(1, 28):02d}"})
    return out


def _count(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


@pytest.fixture(scope="module")
def forked():
    """A forkserver context whose server has the heavy modules imported (one torch thread)."""
    old = os.environ.get("OMP_NUM_THREADS")
    os.environ["OMP_NUM_THREADS"] = "1"
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(PRELOAD)
    try:
        warm = ctx.Process(target=main, args=(["--version"],))
        warm.start()
        warm.join(120)
        yield ctx
    finally:
        if old is None:
            os.environ.pop("OMP_NUM_THREADS", None)
        else:
            os.environ["OMP_NUM_THREADS"] = old


def test_twenty_sigkills_resumed_give_identical_output(forked, tiny_model_dir: Path, tmp_path: Path,
                                                       cli_cmd, cli_env) -> None:
    recs = records(300)
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), "utf-8")

    def argv(out: Path, batch: int) -> list[str]:
        return ["brief", "--input", str(src), "--output", str(out), "--model", str(tiny_model_dir),
                "--device", "cpu", "--batch-size", str(batch), "--quiet"]

    ref = tmp_path / "reference.jsonl"
    p = forked.Process(target=main, args=(argv(ref, 16),))
    p.start()
    p.join(300)
    reference = ref.read_bytes()
    assert reference.count(b"\n") == len(recs)

    seed = int.from_bytes(os.urandom(4), "little")
    rng = random.Random(seed)
    out = tmp_path / "out.jsonl"
    kills, cuts, history = 0, 0, []
    for k in range(20):
        # a run writes a chunk of pool = 8 x batch lines at a time, so the count jumps; the target
        # leaves at least two chunks after it, or the run may finish before the kill lands
        done = _count(out)
        batch = rng.choice([b for b in (1, 3, 8, 16) if done + 2 * 8 * b < len(recs)] or [1])
        room = len(recs) - done - 2 * 8 * batch
        target = done + rng.randrange(0, max(1, room // (20 - k)))
        p = forked.Process(target=main, args=(argv(out, batch),))
        p.start()
        deadline = time.monotonic() + 120
        while p.is_alive() and _count(out) < target and time.monotonic() < deadline:
            time.sleep(0.002)
        time.sleep(rng.uniform(0, 0.03))  # land anywhere: loading, inference, between writes
        alive = p.is_alive()
        p.kill()  # SIGKILL
        p.join(30)
        kills += alive
        history.append((target, batch, _count(out), alive))
        if alive and rng.random() < 0.3 and out.exists():
            with open(out, "ab") as f:  # what a write cut short leaves behind
                f.write(reference[:rng.randrange(1, 200)].split(b"\n")[-1] or b"{")
            cuts += 1
    assert kills == 20, f"seed {seed}: only {kills} runs were still running when killed: {history}"
    # a kill may leave out.jsonl.lock behind (when it came after the lock was taken): it blocks no one

    final = subprocess.run(cli_cmd + argv(out, rng.choice([1, 16])), env=cli_env, capture_output=True,
                           text=True, timeout=300)
    assert final.returncode == 0, final.stderr
    assert out.read_bytes() == reference, f"seed {seed}, kills (target, batch, lines, alive): {history}"
    assert not (tmp_path / "out.jsonl.lock").exists()
