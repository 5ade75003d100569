"""Run N hostile inputs through a model and count crashes, hangs and invalid briefs.

    python bench/fuzz.py --n 10000 [--model models/default] [--seed 1] [--log-every 200] [--no-summary]

The inputs are bench/hostile.py's corpus (empty, 1 MB, a 50,000-character word, NUL, mixed
scripts, RTL marks, HTML, markdown, emoji, a sentence 10,000 times, odd dates ...) followed by
random mixes of the same material, each briefed alone with its own time limit. A crash is any
exception (every input here is valid, so even an InputError counts), a hang is an input still
running after ``--base-s + --ms-per-kchar * length`` (it is stopped and the run goes on), an
invalid brief one that fails :func:`hostile.problems`. Progress lines go to stdout as it runs,
so a log of a stopped run still says how far it got; the last line is the summary.
"""
from __future__ import annotations

import argparse
import json
import random
import signal
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hostile import Case, corpus, problems, random_case  # noqa: E402


class Hang(Exception):
    """An input ran past its time limit."""


def _alarm(signum, frame):
    raise Hang()


def cases(n: int, seed: int) -> list[Case]:
    """The corpus first (as much of it as fits in ``n``), then random cases."""
    fixed = corpus()[:n]
    rng = random.Random(seed)
    return fixed + [random_case(rng, i) for i in range(n - len(fixed))]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=1000, help="inputs to run (the corpus counts)")
    p.add_argument("--model", default=None, help="model dir (default: the shipped models/default)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--threads", type=int, default=1, help="torch threads (1 suits a shared CPU)")
    p.add_argument("--base-s", type=float, default=10.0, help="time limit of any input, seconds")
    p.add_argument("--ms-per-kchar", type=float, default=400.0, help="plus this per 1,000 characters")
    p.add_argument("--no-summary", action="store_true",
                   help="the extractive path only (the summarizer, if the model has one, is not run)")
    p.add_argument("--summary-s", type=float, default=60.0,
                   help="added to the time limit of an input the summarizer writes for")
    p.add_argument("--log-every", type=int, default=200)
    p.add_argument("--failures", metavar="JSONL", help="write each failing input and what went wrong")
    ns = p.parse_args(argv)

    import torch

    from diplomodel.briefer import Briefer

    torch.set_num_threads(ns.threads)
    t0 = time.perf_counter()
    briefer = Briefer.from_pretrained(ns.model, device="cpu", batch_size=16)
    print(f"model {briefer.model_dir} loaded in {time.perf_counter() - t0:.1f} s", flush=True)
    todo = cases(ns.n, ns.seed)
    counts: Counter = Counter()
    chars, slowest = 0, (0.0, "")
    failures = open(ns.failures, "w", encoding="utf-8") if ns.failures else None
    signal.signal(signal.SIGALRM, _alarm)
    start = time.perf_counter()
    for k, case in enumerate(todo, 1):
        limit = ns.base_s + ns.ms_per_kchar * len(case.text) / 1e6
        if briefer.has_summarizer and not ns.no_summary:
            limit += ns.summary_s  # generation is bounded by max_new_tokens, not by the text
        what, detail = "ok", ""
        t = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, limit)
        try:
            brief = briefer([{"id": case.name, "text": case.text, "published": case.published}],
                            summary=not ns.no_summary)[0].to_dict()
            signal.setitimer(signal.ITIMER_REAL, 0)
            found = problems(brief, case.text)
            if found:
                what, detail = "invalid", "; ".join(found)
        except Hang:
            what, detail = "hang", f"stopped after {limit:.1f} s"
        except Exception as exc:  # every input is valid: any exception is a crash
            what, detail = "crash", f"{type(exc).__name__}: {str(exc)[:300]}"
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        took = time.perf_counter() - t
        slowest = max(slowest, (took, f"{case.name} ({len(case.text)} chars)"))
        counts[what] += 1
        chars += len(case.text)
        if what != "ok":
            print(f"{what}: {case.name} ({len(case.text)} chars, published {case.published}): {detail}", flush=True)
            if failures:
                failures.write(json.dumps({"case": case.__dict__, "what": what, "detail": detail},
                                          ensure_ascii=False) + "\n")
                failures.flush()
        if k % ns.log_every == 0 or k == len(todo):
            s = time.perf_counter() - start
            print(f"{k}/{len(todo)} inputs, {chars:,} chars in {s:.0f} s ({k / s:.2f} inputs/s): "
                  f"crashes {counts['crash']}, hangs {counts['hang']}, invalid briefs {counts['invalid']}; "
                  f"slowest {slowest[0]:.1f} s {slowest[1]}", flush=True)
    if failures:
        failures.close()
    bad = counts["crash"] + counts["hang"] + counts["invalid"]
    print(f"SUMMARY n={len(todo)} crashes={counts['crash']} hangs={counts['hang']} "
          f"invalid={counts['invalid']} failure_rate={bad / max(len(todo), 1):.4%} "
          f"rate={len(todo) / (time.perf_counter() - start):.2f} inputs/s", flush=True)
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
