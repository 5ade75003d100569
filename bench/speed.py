"""Print briefing speed of a model dir on generated articles (documents/s, tokens/s).

    python bench/speed.py models/default --n 64 --batch-size 16 [--device cpu] [--no-summary]

Figures are measured on this machine at run time; nothing is assumed.
"""
from __future__ import annotations

import argparse
import time

from diplomodel.briefer import Briefer
from diplomodel.data.synth import generate
from diplomodel.models.text import split_words


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("model_dir")
    p.add_argument("--n", type=int, default=64)
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--device", default="auto")
    p.add_argument("--no-summary", action="store_true")
    ns = p.parse_args(argv)
    t0 = time.perf_counter()
    briefer = Briefer.from_pretrained(ns.model_dir, device=ns.device, batch_size=ns.batch_size)
    load_s = time.perf_counter() - t0
    records = [{"id": r["id"], "text": r["text"], "published": r["published"]}
               for r in generate(n=ns.n, seed=202, split="heldout")]
    words = sum(len(split_words(r["text"])) for r in records)
    briefer(records[: ns.batch_size], summary=not ns.no_summary)  # warm-up
    t0 = time.perf_counter()
    briefer(records, summary=not ns.no_summary)
    s = time.perf_counter() - t0
    print(f"model {ns.model_dir} on {briefer.tagger.device}: load {load_s:.1f} s; {ns.n} docs "
          f"({words} words) in {s:.1f} s = {ns.n / s:.2f} docs/s, {words / s:.0f} words/s, "
          f"batch {ns.batch_size}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
