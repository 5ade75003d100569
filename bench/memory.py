"""Peak RSS of a streamed batch run through the CLI, and whether it stays flat as articles go by.

    python bench/memory.py [--model models/default] [--n 1000] [--compare 250] [--no-summary]
                           [--min-words 250] [--max-words 4000] [--batch-size 16]

Writes ``--n`` generated articles (``bench/articles.py``) as JSONL, runs
``diplomodel brief --input ... --output ... --quiet`` in a child process, samples the child's RSS
(psutil) against the number of briefs written so far, and reads its peak RSS from ``os.wait4``.
``--compare`` reruns on the first N articles: a streamed run peaks at about the same RSS either way.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from articles import generated_records  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def run_cli(records: list[dict], model: str, batch_size: int, workdir: Path, summary: bool = True) -> dict:
    """Brief ``records`` with the CLI in a child; returns its peak RSS and RSS samples over progress."""
    import psutil

    src, out = workdir / f"in{len(records)}.jsonl", workdir / f"out{len(records)}.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    out.unlink(missing_ok=True)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))
    cmd = [sys.executable, "-m", "diplomodel.cli", "brief", "--input", str(src), "--output", str(out),
           "--model", model, "--batch-size", str(batch_size), "--quiet"] + ([] if summary else ["--no-summary"])
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=REPO)
    child = psutil.Process(proc.pid)
    samples: list[tuple[int, float]] = []
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)   # the child's own rusage once it exits
        if pid:
            break
        try:
            samples.append((sum(1 for _ in out.open("rb")) if out.exists() else 0,
                            round(child.memory_info().rss / 2**20, 1)))
        except psutil.Error:
            pass
        time.sleep(1.0)
    proc.returncode = code = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - t0
    peak = usage.ru_maxrss / 1024                              # KiB on Linux
    if code != 0:
        raise SystemExit(f"the CLI failed with exit code {code}: {' '.join(cmd)}")
    return {"articles": len(records), "peak_rss_mib": round(peak, 1), "seconds": round(seconds, 1),
            "samples": samples, "command": " ".join(cmd)}


def rss_by_progress(samples: list[tuple[int, float]], n: int) -> list[tuple[int, float]]:
    """The largest RSS seen by each quarter of the run (articles written, MiB)."""
    marks = []
    for q in (0.25, 0.5, 0.75, 1.0):
        seen = [rss for done, rss in samples if done <= q * n]
        if seen:
            marks.append((int(q * n), max(seen)))
    return marks


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--model", default=str(REPO / "models" / "default"))
    p.add_argument("--n", type=int, default=1000)
    p.add_argument("--compare", type=int, default=250)
    p.add_argument("--min-words", type=int, default=250)
    p.add_argument("--max-words", type=int, default=4000)
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--no-summary", action="store_true", help="the extractive path (the summarizer is not loaded)")
    p.add_argument("--json", help="also write the figures here")
    ns = p.parse_args(argv)
    records = generated_records(ns.n, ns.min_words, ns.max_words)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in (ns.compare, ns.n):
            r = run_cli(records[:n], ns.model, ns.batch_size, Path(tmp), summary=not ns.no_summary)
            results[n] = r
            print(f"{n} articles ({ns.min_words}-{ns.max_words} words): peak RSS {r['peak_rss_mib']:.0f} MiB, "
                  f"{r['seconds']:.0f} s; max RSS by articles written: {rss_by_progress(r['samples'], n)}",
                  flush=True)
    if ns.json:
        Path(ns.json).write_text(json.dumps(results, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
