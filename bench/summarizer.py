"""The summarizer measured: quality on the real dev split, hallucinations before/after the guard,
and speed beside the extractive path.

    python bench/summarizer.py --model models/default --synthetic 40   # dev, synthetic, seed, speed
    python bench/summarizer.py --model runs/summarizer/model --no-speed --json out.json

Quality: the briefs (with summaries) of the real dev split (``../shared/data/meetings_real/dev.jsonl``,
read at run time) scored by :func:`diplomodel.metrics.score_briefs` and
:func:`~diplomodel.metrics.summary_scores`; the seed article's topics against the nine of
issue 10's acceptance 3. Hallucinations: every name or number in the summarizer's parsed output
that the article (and the brief's own facts, ``grounding.facts_of``) does not hold
(:class:`~diplomodel.models.grounding.Source`), counted before the guard, and the same count on the
final briefs after it; "persons" are the unsupported runs of two or more capitalised words that
are no country. Speed: one 500-word generated article alone (median of 3), and the dev split
batched, full briefs vs ``summary=False``.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.articles import DEV, dev_records, generated_records, word_count  # noqa: E402

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed"
SEED_TOPICS = ["bilateral relations", "parliamentary cooperation", "economic ties",
               "intergovernmental commission", "reconstruction", "demining", "transport", "tourism",
               "agriculture"]


def unsupported(items: list[str], text: str, facts: list[str]) -> tuple[int, int]:
    """(unsupported names and numbers, of which person-like) over ``items``."""
    from diplomodel.knowledge.geo import country_name
    from diplomodel.models.grounding import Source

    src = Source(text, facts)
    bad = persons = 0
    for item in items:
        rest = item
        while rest:
            reason = src.unsupported(rest)
            if reason is None:
                break
            bad += 1
            persons += int(len(reason.split()) >= 2 and not country_name(reason))
            rest = rest[rest.find(reason) + len(reason):] if reason in rest else ""
    return bad, persons


def guard_counts(preds: list[Any], raw: dict[str, dict[str, Any]], texts: dict[str, str]) -> dict[str, int]:
    """Unsupported names and numbers in the parsed output (before the guard) and in the briefs."""
    from diplomodel.models.grounding import facts_of

    out = {"summarized": 0, "unsupported_before": 0, "persons_before": 0, "unsupported_after": 0,
           "persons_after": 0, "parser_flags": 0}
    for p in preds:
        res = raw.get(p.id or "")
        if res is None:
            continue
        facts = facts_of(p)
        parsed = res["topics"] + res["outcomes"] + [res["summary"]] + [d[2] for d in res["dropped"]]
        b, pb = unsupported(parsed, texts[p.id], facts)
        a, pa = unsupported(p.topics + p.outcomes + [p.summary], texts[p.id], facts)
        out["summarized"] += 1
        out["parser_flags"] += len(res["flags"])
        for k, v in (("unsupported_before", b), ("persons_before", pb), ("unsupported_after", a),
                     ("persons_after", pa)):
            out[k] += v
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default="models/default")
    ap.add_argument("--dev", default=str(DEV))
    ap.add_argument("--batch-size", type=int, default=8)
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--synthetic", type=int, default=0,
                    help="also brief N synthetic held-out articles and count unsupported names there")
    ap.add_argument("--json")
    ap.add_argument("--dump", help="write each dev brief beside the summarizer's raw result (JSONL)")
    ns = ap.parse_args(argv)

    from diplomodel.briefer import Briefer
    from diplomodel.metrics import country_key, phrase_covered, score_briefs, summary_scores

    t0 = time.perf_counter()
    briefer = Briefer.from_pretrained(ns.model, device="cpu", batch_size=ns.batch_size)
    _ = briefer.summarizer  # its weights load lazily: count them in load_s, not in the briefing time
    load_s = time.perf_counter() - t0
    if briefer.summarizer is None:
        raise SystemExit(f"{ns.model} has no summarizer")
    records = dev_records(ns.dev)
    lines = [line for line in Path(ns.dev).read_text("utf-8").splitlines() if line.strip()]
    gold = {d["id"]: d["brief"] for d in map(json.loads, lines)}
    raw: dict[str, dict[str, Any]] = {}
    original = briefer.summarizer.summarize

    def recording(texts, briefs):
        out = original(texts, briefs)
        for b, res in zip(briefs, out):
            raw[b.id or ""] = res
        return out

    briefer.summarizer.summarize = recording
    t0 = time.perf_counter()
    preds = briefer(records)
    full_s = time.perf_counter() - t0
    results: dict[str, Any] = {"command": "python bench/summarizer.py " + " ".join(argv if argv is not None else sys.argv[1:]),
                               "model": ns.model, "date": time.strftime("%Y-%m-%d"), "articles": len(records),
                               "load_s": round(load_s, 1)}
    pd = [p.to_dict() for p in preds]
    gd = [gold[r["id"]] for r in records]
    results["dev"] = score_briefs(pd, gd) | summary_scores(pd, gd)
    # the summarizer's own format and place, scored where gold has one (the facade keeps the rules')
    second = {"format": [0, 0], "location_country": [0, 0]}
    for p in preds:
        res, g = raw.get(p.id or ""), gold[p.id]
        if res is None:
            continue
        if g.get("format"):
            second["format"][0] += int(res.get("format") == g["format"])
            second["format"][1] += 1
        if (g.get("location") or {}).get("country"):
            mine = (res.get("location") or {}).get("country")
            second["location_country"][0] += int(country_key(mine) == country_key(g["location"]["country"]))
            second["location_country"][1] += 1
    results["summarizer_opinion"] = {f"{k}_acc": round(a / n, 3) if n else None for k, (a, n) in second.items()}
    if ns.dump:
        with open(ns.dump, "w", encoding="utf-8") as f:
            for p in preds:
                f.write(json.dumps({"id": p.id, "brief": p.to_dict(), "raw": raw.get(p.id or ""),
                                    "gold": gold[p.id]}, ensure_ascii=False, default=str) + "\n")
    results["guard"] = guard_counts(preds, raw, {r["id"]: r["text"] for r in records})
    if ns.synthetic:
        from diplomodel.data.synth import generate

        syn = generate(n=ns.synthetic, seed=101, split="heldout")
        raw.clear()
        spreds = briefer([{"id": r["id"], "text": r["text"], "published": r.get("published")} for r in syn])
        results[f"synthetic_heldout_{ns.synthetic}"] = summary_scores(
            [p.to_dict() for p in spreds], [r["brief"] for r in syn])
        results["guard_synthetic"] = guard_counts(spreds, raw, {r["id"]: r["text"] for r in syn})
    if (SEED / "article.txt").is_file():
        seed_brief = json.loads((SEED / "brief.json").read_text("utf-8"))
        b = briefer([{"id": "seed", "text": (SEED / "article.txt").read_text("utf-8"),
                      "published": seed_brief.get("published")}])[0]
        results["seed"] = {"topics": b.topics, "summary": b.summary,
                           "of_nine": sum(phrase_covered(t, b.topics) for t in SEED_TOPICS),
                           "names_both": all(n.split()[-1] in b.summary for n in ("Sahiba Gafarova", "Aziz Akhannouch"))}
    if not ns.no_speed:
        one = generated_records(1, 480, 520, seed=3)[0]
        one["text"] = " ".join(one["text"].split()[:500])
        alone = []
        for _ in range(3):
            t0 = time.perf_counter()
            briefer([one])
            alone.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        briefer([one], summary=False)
        extractive_one = time.perf_counter() - t0
        t0 = time.perf_counter()
        briefer(records, summary=False)
        extractive_s = time.perf_counter() - t0
        results["speed"] = {"one_500_words_s": round(statistics.median(alone), 2),
                            "one_500_words_extractive_s": round(extractive_one, 2),
                            "words": word_count(one["text"]),
                            "dev_full_briefs_per_s": round(len(records) / full_s, 3),
                            "dev_extractive_briefs_per_s": round(len(records) / extractive_s, 2),
                            "summarized_share": round(results["guard"]["summarized"] / len(records), 2)}
    print(json.dumps(results, indent=2, default=str))
    if ns.json:
        Path(ns.json).parent.mkdir(parents=True, exist_ok=True)
        Path(ns.json).write_text(json.dumps(results, indent=2, default=str) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
