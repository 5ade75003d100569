"""Evaluate a model dir: CoNLL-2003 entity F1, seqeval per label, brief-level scores.

    python training/evaluate.py models/default --conll ../shared/data/conll2003/eng.testb
    python training/evaluate.py models/default --seed ../shared/seed          # the seed article
    python training/evaluate.py models/default --data briefs.jsonl            # any gold brief JSONL
    python training/evaluate.py models/default --datasets artifacts/datasets --split synthetic_test
    python training/evaluate.py models/default --data dev.jsonl --summary     # + topics, outcomes, ROUGE

Every figure printed is measured here, on the data named; ``--json OUT`` also writes them.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
from pathlib import Path
from typing import Any, Callable

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from seqeval.metrics import classification_report, f1_score  # noqa: E402

from diplomodel.models.labels import Entity  # noqa: E402

CONLL_MAP = {"PERSON": "PER", "PARTICIPANT": "PER", "LOC": "LOC", "COUNTRY": "LOC", "ORG": "ORG"}


def conll_label(entity: Entity) -> str | None:
    """Our label -> CoNLL's: people PER, places LOC, ORG; a nationality adjective is MISC there.

    >>> conll_label(Entity(0, 8, "COUNTRY", text="Lebanese")), conll_label(Entity(0, 7, "COUNTRY", text="Lebanon"))
    (None, 'LOC')
    """
    from diplomodel.data.importers._common import is_demonym

    if entity.label == "COUNTRY" and is_demonym(entity.text):
        return None  # MISC in CoNLL, dropped on both sides
    return CONLL_MAP.get(entity.label)


def tags_for_words(words: list[tuple[int, int]], entities: list[Entity],
                   relabel: Callable[[Entity], str | None] | None = None) -> list[str]:
    """BIO tags of word spans from predicted char-span entities (optionally relabelled; ``None`` drops).

    >>> tags_for_words([(0, 3), (4, 7), (8, 9)], [Entity(0, 7, "PERSON")], conll_label)
    ['B-PER', 'I-PER', 'O']
    """
    tags = ["O"] * len(words)
    for e in entities:
        label = relabel(e) if relabel else e.label
        if not label:
            continue
        inside = [i for i, (s, t) in enumerate(words) if s >= e.start and t <= e.end]
        for k, i in enumerate(inside):
            tags[i] = ("B-" if k == 0 else "I-") + label
    return tags


def iob1_to_bio(tags: list[str], keep: set[str]) -> list[str]:
    """CoNLL's IOB1 -> BIO, dropping types not in ``keep``.

    >>> iob1_to_bio(["I-PER", "I-PER", "B-PER", "I-MISC"], {"PER"})
    ['B-PER', 'I-PER', 'B-PER', 'O']
    """
    out, prev = [], "O"
    for t in tags:
        kind = t[2:] if t != "O" else None
        if kind not in keep:
            out.append("O")
            prev = "O"
            continue
        begin = t.startswith("B-") or prev[2:] != kind
        out.append(("B-" if begin else "I-") + kind)
        prev = out[-1]
    return out


def evaluate_conll(tagger, path: str, batch_size: int = 16) -> dict[str, Any]:
    """Tag every CoNLL document whole; score PER/LOC/ORG (MISC dropped) with seqeval."""
    from diplomodel.data.importers.conll import _documents
    from diplomodel.data.importers._common import join_tokens

    docs = _documents(path)
    texts, offsets, golds = [], [], []
    for doc in docs:
        text, offs = join_tokens([toks for toks, _ in doc])
        texts.append(text)
        offsets.append(offs)
        golds.append([iob1_to_bio(tags, {"PER", "LOC", "ORG"}) for _, tags in doc])
    t0 = time.perf_counter()
    preds = tagger.predict(texts, batch_size=batch_size)
    seconds = time.perf_counter() - t0
    y_true, y_pred = [], []
    for ents, offs, gold in zip(preds, offsets, golds):
        for sent_offs, sent_gold in zip(offs, gold):
            y_true.append(sent_gold)
            y_pred.append(tags_for_words(sent_offs, ents, conll_label))
    report = classification_report(y_true, y_pred, output_dict=True, digits=4)
    return {"f1": f1_score(y_true, y_pred), "per_label": _round(report), "documents": len(docs),
            "sentences": len(y_true), "seconds": round(seconds, 1)}


def _round(report: dict) -> dict:
    return {k: {m: round(float(v), 4) for m, v in d.items()} for k, d in report.items()}


def evaluate_tagger_views(tagger, rows, batch_size: int = 16) -> dict[str, Any]:
    """seqeval per label on tagger-view rows (words + BIO tags), documents rebuilt by offsets."""
    texts, y_true, words_all = [], [], []
    for row in rows:
        words = list(zip(row["word_starts"], row["word_ends"]))
        text = [" "] * (words[-1][1] if words else 0)
        for (s, e), w in zip(words, row["words"]):
            text[s:e] = list(w)
        texts.append("".join(text))
        words_all.append(words)
        names = row["tag_names"] if "tag_names" in row else None
        y_true.append([names[t] for t in row["tags"]] if names else row["tags"])
    preds = tagger.predict(texts, batch_size=batch_size)
    y_pred = [tags_for_words(w, ents) for w, ents in zip(words_all, preds)]
    report = classification_report(y_true, y_pred, output_dict=True, digits=4)
    return {"f1": f1_score(y_true, y_pred), "per_label": _round(report), "documents": len(texts)}


def load_gold_briefs(path: Path) -> list[dict[str, Any]]:
    """Gold records ``{id, text, published, brief}`` from a JSONL file or a seed folder."""
    if path.is_dir():  # a folder with article.txt + brief.json, like ../shared/seed
        gold = json.loads((path / "brief.json").read_text("utf-8"))
        return [{"id": path.name, "text": (path / "article.txt").read_text("utf-8"),
                 "published": gold.get("published"), "brief": gold}]
    from diplomodel.data.record import read_records

    records, _ = read_records(path)
    return [r for r in records if r.get("brief")]


def evaluate_briefs(briefer, records: list[dict[str, Any]], summary: bool = False) -> dict[str, Any]:
    """Brief-level scores (participants, countries, titles, date, location, format); with
    ``summary`` also topics, outcomes and ROUGE of the summaries."""
    from diplomodel.metrics import score_briefs, summary_scores

    t0 = time.perf_counter()
    preds = briefer([{"id": r["id"], "text": r["text"], "published": r.get("published")} for r in records],
                    summary=summary)
    seconds = time.perf_counter() - t0
    pred_dicts, gold = [p.to_dict() for p in preds], [r["brief"] for r in records]
    scores = score_briefs(pred_dicts, gold)
    if summary:
        scores.update(summary_scores(pred_dicts, gold))
    scores["documents"] = len(records)
    scores["seconds"] = round(seconds, 1)
    return scores


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("model_dir")
    p.add_argument("--conll", help="a CoNLL-2003 file (eng.testb)")
    p.add_argument("--seed", help="a folder with article.txt + brief.json")
    p.add_argument("--data", action="append", default=[], help="gold brief JSONL (repeatable)")
    p.add_argument("--datasets", help="a DatasetDict dir from build_datasets.py")
    p.add_argument("--split", action="append", default=[],
                   help="tagger-view split(s) to score, as SOURCE/SPLIT (e.g. synthetic/test)")
    p.add_argument("--synthetic", type=int, default=0,
                   help="also score briefs on N generated held-out-template/held-out-name articles")
    p.add_argument("--synthetic-seed", type=int, default=101)
    p.add_argument("--limit", type=int, help="score only the first N documents of each set")
    p.add_argument("--summary", action="store_true",
                   help="also write summaries and score topics, outcomes and ROUGE-1/2/L")
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--int8", action=argparse.BooleanOptionalAction, default=None,
                   help="int8 encoder weights on CPU (default: as the model loads for users; --no-int8: fp32)")
    p.add_argument("--json", help="write all figures to this file")
    ns = p.parse_args(argv)

    from diplomodel.briefer import Briefer

    briefer = Briefer.from_pretrained(ns.model_dir, device="auto", batch_size=ns.batch_size, quantize=ns.int8)
    tagger = briefer.tagger
    results: dict[str, Any] = {"model_dir": ns.model_dir, "date": dt.date.today().isoformat(),
                               "command": "python training/evaluate.py " + " ".join(argv or sys.argv[1:])}
    if ns.conll:
        results["conll"] = r = evaluate_conll(tagger, ns.conll, ns.batch_size)
        print(f"CoNLL-2003 {Path(ns.conll).name} PER/LOC/ORG entity F1: {r['f1']:.4f} "
              f"({r['documents']} docs, {r['seconds']} s)")
        for label in ("PER", "LOC", "ORG"):
            d = r["per_label"].get(label, {})
            print(f"  {label:4s} P {d.get('precision', 0):.4f} R {d.get('recall', 0):.4f} "
                  f"F1 {d.get('f1-score', 0):.4f} n={int(d.get('support', 0))}")
    if ns.datasets:
        from datasets import load_from_disk

        for split in ns.split:
            source, _, part = split.partition("/")
            data = load_from_disk(str(Path(ns.datasets) / "tagger" / source))[part or "test"]
            names = data.features["tags"].feature.names
            rows = [dict(row, tag_names=names) for row in data.select(range(min(ns.limit or len(data), len(data))))]
            results[f"tagger:{split}"] = r = evaluate_tagger_views(tagger, rows, ns.batch_size)
            print(f"seqeval on {split}: F1 {r['f1']:.4f} ({r['documents']} docs)")
            for label, d in sorted(r["per_label"].items()):
                print(f"  {label:12s} P {d['precision']:.4f} R {d['recall']:.4f} F1 {d['f1-score']:.4f} "
                      f"n={int(d['support'])}")
    gold_sets: list[tuple[str, Any]] = [(Path(x).name, Path(x)) for x in ([ns.seed] if ns.seed else []) + ns.data]
    if ns.synthetic:
        from diplomodel.data.synth import generate

        gold_sets.append((f"synthetic-heldout-{ns.synthetic}-seed{ns.synthetic_seed}",
                          generate(n=ns.synthetic, seed=ns.synthetic_seed, split="heldout")))
    for name, source in gold_sets:
        records = (source if isinstance(source, list) else load_gold_briefs(source))[: ns.limit]
        results[f"briefs:{name}"] = r = evaluate_briefs(briefer, records, summary=ns.summary)
        print(f"brief scores on {name} ({r['documents']} docs, {r['seconds']} s):")
        for k, v in r.items():
            if k not in ("documents", "seconds"):
                print(f"  {k:28s} {v:.4f}" if isinstance(v, float) else f"  {k:28s} {v}")
    if ns.json:
        Path(ns.json).parent.mkdir(parents=True, exist_ok=True)
        Path(ns.json).write_text(json.dumps(results, indent=2, default=str) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
