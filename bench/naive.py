"""Full briefs (tagger + rules + summarizer) vs the naive route, on the same articles, in one run.

    python bench/naive.py [--model models/default] [--n 16] [--batch-size 8]

The naive route is what a user writes first with the same weights: each article alone, the
tagger in fp32 at batch 1, then ``generate`` at batch 1 for every article (non-meetings too), then
the same parser, guard and combining rule. diplomodel's route is ``Briefer(records)``: int8 encoder,
length-sorted batches, the summarizer batched by ``--batch-size`` and skipped for non-meetings.
Printed: articles/s of each, the ratio, and how many briefs are identical (lists compared as sets).
Articles: the first ``--n`` of the real dev split (read at run time from ``../shared``).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.articles import dev_records  # noqa: E402


def _canon(d: dict[str, Any]) -> str:
    """A brief with its lists sorted (compared "up to list order"), model and evidence left out."""
    d = {k: v for k, v in d.items() if k not in ("model", "evidence")}
    for k, v in d.items():
        if isinstance(v, list):
            d[k] = sorted(json.dumps(x, sort_keys=True) for x in v)
    return json.dumps(d, sort_keys=True)


def naive(briefer: Any, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each article alone: tag at batch 1, extract, summarize at batch 1 (every article), combine."""
    from diplomodel.combine import combine
    from diplomodel.compose import compose_into
    from diplomodel.extraction import extract, to_brief
    from diplomodel.jsonl import parse_published

    out = []
    s = briefer.summarizer
    for r in records:
        ents = briefer.tagger.predict([r["text"]], batch_size=1)[0]
        doc = extract(r["text"], ents, parse_published(r.get("published")))
        b = to_brief(doc)
        b.id = r["id"]
        res = s.summarize([r["text"]], [b])[0]
        if b.is_meeting:
            combine(b, res, r["text"])
        compose_into(b)
        lead = doc.lead()
        if not b.summary and lead:
            b.summary = r["text"][lead[0]:lead[1]]
        b.model = {"name": briefer.name, "version": briefer.version}
        out.append(b.to_dict())
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default="models/default")
    ap.add_argument("--n", type=int, default=16)
    ap.add_argument("--batch-size", type=int, default=8)
    ns = ap.parse_args(argv)

    from diplomodel.briefer import Briefer

    records = dev_records()[: ns.n]
    ours = Briefer.from_pretrained(ns.model, device="cpu", batch_size=ns.batch_size)
    plain = Briefer.from_pretrained(ns.model, device="cpu", batch_size=1, quantize=False)
    ours.summarizer.config.batch_size = ns.batch_size
    plain._summarizer = ours.summarizer          # the same summarizer weights, loaded once
    plain._load_summarizer = None
    ours([records[0]])                            # warm-up
    t0 = time.perf_counter()
    fast = [b.to_dict() for b in ours(records)]
    fast_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    slow = naive(plain, records)
    slow_s = time.perf_counter() - t0
    same = sum(_canon(a) == _canon(b) for a, b in zip(fast, slow))
    print(json.dumps({"articles": len(records), "diplomodel_articles_per_s": round(len(records) / fast_s, 3),
                      "naive_articles_per_s": round(len(records) / slow_s, 3),
                      "ratio": round(slow_s / fast_s, 2), "identical_briefs": same,
                      "batch_size": ns.batch_size, "date": time.strftime("%Y-%m-%d")}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
