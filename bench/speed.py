"""Print briefing speed of a model dir on generated articles, and how it grows with length and batch.

    python bench/speed.py models/default --n 64 --batch-size 16 [--device cpu] [--no-summary] [--fp32]
    python bench/speed.py models/default --scaling [--lengths 250,500,1000,2000,4000] [--per-length 8]
                                         [--batches 1,4,16,64]

The first form prints documents/s and words/s. ``--scaling`` prints, for int8 and fp32 weights,
seconds per article at each article length (``--per-length`` generated articles of that many words)
and articles/s at each batch size on the real dev split (``bench/articles.py``), median of
``--rounds``. Figures are measured on this machine at run time; nothing is assumed.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from articles import dev_records, generated_records  # noqa: E402

from diplomodel.briefer import Briefer  # noqa: E402
from diplomodel.data.synth import generate  # noqa: E402
from diplomodel.models.text import split_words  # noqa: E402


def _median_s(fn, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def scaling(ns: argparse.Namespace) -> int:
    """Seconds/article by article length, articles/s by batch size; int8 and fp32 interleaved."""
    briefers = {q: Briefer.from_pretrained(ns.model_dir, device="cpu", quantize=q == "int8")
                for q in ("int8", "fp32")}
    lengths = [int(x) for x in ns.lengths.split(",")]
    print("words/article | " + " | ".join(f"{q} s/article" for q in briefers))
    for words in lengths:
        recs = generated_records(ns.per_length, words, words, seed=words)
        row = []
        for b in briefers.values():
            b(recs[:2], summary=False)
            row.append(_median_s(lambda b=b: b(recs, summary=False), ns.rounds) / len(recs))
        print(f"{words} | " + " | ".join(f"{x:.3f}" for x in row), flush=True)
    dev = dev_records()
    print("batch size | " + " | ".join(f"{q} articles/s" for q in briefers))
    for size in [int(x) for x in ns.batches.split(",")]:
        row = []
        for b in briefers.values():
            b.batch_size, b.pool_size = size, size * 8
            b(dev[:4], summary=False)
            row.append(len(dev) / _median_s(lambda b=b: b(dev, summary=False), ns.rounds))
        print(f"{size} | " + " | ".join(f"{x:.2f}" for x in row), flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("model_dir")
    p.add_argument("--n", type=int, default=64)
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--device", default="auto")
    p.add_argument("--no-summary", action="store_true")
    p.add_argument("--fp32", action="store_true", help="fp32 weights instead of the CPU default int8")
    p.add_argument("--scaling", action="store_true", help="time vs article length and batch size")
    p.add_argument("--lengths", default="250,500,1000,2000,4000")
    p.add_argument("--per-length", type=int, default=8)
    p.add_argument("--batches", default="1,4,16,64")
    p.add_argument("--rounds", type=int, default=3)
    ns = p.parse_args(argv)
    if ns.scaling:
        return scaling(ns)
    t0 = time.perf_counter()
    briefer = Briefer.from_pretrained(ns.model_dir, device=ns.device, batch_size=ns.batch_size,
                                      quantize=False if ns.fp32 else None)
    load_s = time.perf_counter() - t0
    records = [{"id": r["id"], "text": r["text"], "published": r["published"]}
               for r in generate(n=ns.n, seed=202, split="heldout")]
    words = sum(len(split_words(r["text"])) for r in records)
    briefer(records[: ns.batch_size], summary=not ns.no_summary)  # warm-up
    t0 = time.perf_counter()
    briefer(records, summary=not ns.no_summary)
    s = time.perf_counter() - t0
    print(f"model {ns.model_dir} on {briefer.tagger.device} (int8 {briefer.tagger.quantized}): load "
          f"{load_s:.1f} s; {ns.n} docs ({words} words) in {s:.1f} s = {ns.n / s:.2f} docs/s, "
          f"{words / s:.0f} words/s, batch {ns.batch_size}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
