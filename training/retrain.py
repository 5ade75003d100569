"""Retrain on your own annotations in one command: read, hold out, mix, train, compare, write the card.

    python training/retrain.py --annotations export.json more.jsonl --from models/default --out models/mine
    diplomodel train --annotations export.json --from models/default --out models/mine   # the same

1. Every file is read in the format it is in (:mod:`diplomodel.data.annotations`: Label Studio,
   doccano, brief JSONL, records, CoNLL) and every record validated; a bad one stops the run with
   its file, line and field (exit 2) unless ``--skip-invalid`` counts it and leaves it out.
2. A seeded part (``--heldout``, 0.2) is set aside; the rest joins the base training data as the
   ``annotations`` source at the weight of ``configs/data.yaml`` (``--weight`` overrides it).
3. The tagger continues from the ``--from`` model dir's adapter (``configs/tagger_finetune.yaml``'s
   schedule; ``--max-steps``); the Trainer's progress bar shows the time left.
4. With ``--summarizer`` (briefs with topics and summaries given, a summarizer in ``--from``), the
   summarizer's adapter continues too, on ``configs/summarizer_more.yaml``'s recipe with the
   annotations as one more source (``--summarizer-weight``; ``--summarizer-steps``).
   The table of known officials of ``--from`` (``officials.json``) gains the train part's
   participants that have a country (``training/build_officials.py``).
5. Old and new model are scored on the held-out part (briefs where it has them, else entity F1)
   and on the real dev split (when ``--dev`` is there; with ``--summarizer`` also topics, outcomes
   and ROUGE); ``<out>/retrain.json`` holds the figures and ``<out>/README.md`` the card.

The shipped model dir and the ``--from`` dir are never written to.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from diplomodel.errors import InputError  # noqa: E402

SHIPPED = ROOT / "models" / "default"
DEV = ROOT.parent / "shared" / "data" / "meetings_real" / "dev.jsonl"
COMPARED = ("participant_f1", "participant_country_acc", "participant_title_f1", "date_acc",
            "location_country_acc", "format_acc", "is_meeting_acc", "topic_recall", "topic_precision",
            "outcome_recall", "rougeL", "f1")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--annotations", nargs="+", required=True, metavar="FILE",
                   help="annotation files: Label Studio JSON, doccano JSONL, brief JSONL, records, CoNLL")
    p.add_argument("--from", dest="init_from", default=str(SHIPPED), metavar="DIR",
                   help="the model dir to continue (default: the shipped models/default)")
    p.add_argument("--out", required=True, metavar="DIR", help="the new model dir (not the shipped one)")
    p.add_argument("--skip-invalid", action="store_true", help="leave bad records out and count them")
    p.add_argument("--heldout", type=float, default=0.2, help="part of the annotations held out (0.2)")
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--weight", type=float, help="copies of the annotations in the mixture (data.yaml's)")
    p.add_argument("--max-steps", type=int, help="training steps (tagger_finetune.yaml's)")
    p.add_argument("--data-config", default=str(ROOT / "configs" / "data.yaml"))
    p.add_argument("--tagger-config", default=str(ROOT / "configs" / "tagger_finetune.yaml"))
    p.add_argument("--summarizer", action="store_true", help="retrain the summarizer on the briefs too")
    p.add_argument("--summarizer-config", default=str(ROOT / "configs" / "summarizer_more.yaml"))
    p.add_argument("--summarizer-weight", type=float, default=3.0, help="copies of each annotated brief")
    p.add_argument("--summarizer-steps", type=int, help="summarizer training steps (default: its epochs)")
    p.add_argument("--dev", default=str(DEV), help="gold brief JSONL to compare on (the real dev split)")
    p.add_argument("--work-dir", help="datasets and checkpoints (default: <out>.work)")
    p.add_argument("--resume", action="store_true", help="continue a killed run from its last checkpoint")
    p.add_argument("--overwrite", action="store_true", help="replace an existing --out dir")
    return p.parse_args(argv)


def check_out(out: Path, init_from: Path, overwrite: bool, resume: bool, summarizer: bool = False) -> None:
    """Refuse to write into the shipped model, the starting model, or an existing dir (unless told),
    and a summarizer run from a model dir without one."""
    if out.resolve() in (SHIPPED.resolve(), init_from.resolve()):
        raise InputError("refusing to overwrite the model this run starts from or the shipped one; "
                         "name a new dir", field="--out")
    if out.exists() and any(out.iterdir()) and not (overwrite or resume):
        raise InputError("exists and is not empty (pass --overwrite to replace it)", file=str(out), field="--out")
    if not (init_from / "diplomodel.json").is_file():
        raise InputError("not a model dir (no diplomodel.json)", file=str(init_from), field="--from")
    if summarizer and not (init_from / "summarizer" / "adapter_model.safetensors").is_file():
        raise InputError("has no summarizer to continue", file=str(init_from), field="--summarizer")


def prepare(ns: argparse.Namespace, work: Path) -> tuple[Path, list[dict[str, Any]], int, int]:
    """Read and split the annotations, write them and the data config; ``(config, heldout, n, skipped)``."""
    import yaml

    from diplomodel.data.annotations import hold_out, read_annotations
    from diplomodel.data.importers.real_briefs import heldout_overlap
    from diplomodel.data.record import write_records

    records, skipped = read_annotations(ns.annotations, skip_invalid=ns.skip_invalid)
    if not records:
        raise InputError("no valid annotations in the files given", field="--annotations")
    train, heldout = hold_out(records, ns.heldout, ns.seed)
    work.mkdir(parents=True, exist_ok=True)
    write_records(train, work / "annotations_train.jsonl")
    write_records(heldout, work / "annotations_heldout.jsonl")
    cfg = yaml.safe_load(Path(ns.data_config).read_text("utf-8"))
    cfg["data_root"] = str((ROOT / cfg["data_root"]).resolve())
    cfg["seed_dir"] = None
    cfg["out"] = str(work / "datasets")
    cfg["sources"]["annotations"] = [str(work / "annotations_train.jsonl")]
    real_train = Path(cfg["data_root"]) / "meetings_real" / "train.jsonl"
    if cfg["sources"].get("meetings_real") and heldout_overlap(records, real_train):
        cfg["sources"]["meetings_real"] = False  # the annotations are those reports: not twice
        print("annotations repeat the real train split: it leaves the base mix", flush=True)
    if ns.weight is not None:
        cfg.setdefault("mixture", {})["annotations"] = ns.weight
    (work / "data.yaml").write_text(yaml.safe_dump(cfg, sort_keys=False), "utf-8")
    print(f"annotations: {len(records)} records ({len(train)} to train on, {len(heldout)} held out), "
          f"{skipped} skipped", flush=True)
    return work / "data.yaml", heldout, len(records), skipped


def score(model_dir: Path, heldout: list[dict[str, Any]], dev: Path | None,
          summary: bool = False) -> dict[str, Any]:
    """The figures a model dir gets on the held-out annotations and on ``dev`` (``summary``: with
    the summarizer's topics, outcomes and ROUGE)."""
    from diplomodel.briefer import Briefer
    from diplomodel.data.views import to_tagger_view
    from evaluate import evaluate_briefs, evaluate_tagger_views, load_gold_briefs

    briefer = Briefer.from_pretrained(model_dir, device="auto")
    out: dict[str, Any] = {}
    with_briefs = [r for r in heldout if r.get("brief")]
    if with_briefs:
        out["heldout_briefs"] = evaluate_briefs(briefer, with_briefs, summary=summary)
    spans = [r for r in heldout if r.get("entities") and not r.get("brief")]
    if spans:
        out["heldout_entities"] = evaluate_tagger_views(briefer.tagger, [to_tagger_view(r) for r in spans])
    if dev is not None and dev.is_file():
        out["dev"] = evaluate_briefs(briefer, load_gold_briefs(dev), summary=summary)
    return out


def figure(scores: dict[str, Any], name: str) -> Any:
    """One figure of ``evaluate_briefs``/``evaluate_tagger_views`` output (participant F1 is nested)."""
    if name == "participant_f1":
        return (scores.get("participants") or {}).get("f1")
    return scores.get(name)


def comparison(old: dict[str, Any], new: dict[str, Any]) -> str:
    """A Markdown section: each measured figure of the old and the new model side by side.

    >>> print(comparison({"dev": {"participants": {"f1": 0.7}, "documents": 4}},
    ...                  {"dev": {"participants": {"f1": 0.75}, "documents": 4}}).splitlines()[-1])
    | dev (4 documents) | participant_f1 | 0.7000 | 0.7500 | +0.0500 |
    """
    lines = ["## Retrained on your annotations: old vs new", "",
             "| set | figure | old | new | change |", "|---|---|---|---|---|"]
    for key in new:
        for name in COMPARED:
            a, b = figure(old.get(key) or {}, name), figure(new[key], name)
            if isinstance(a, (int, float)) and isinstance(b, (int, float)):
                lines.append(f"| {key} ({new[key].get('documents')} documents) | {name} | {a:.4f} | {b:.4f} "
                             f"| {b - a:+.4f} |")
    return "\n".join(lines)


def train_summarizer(ns: argparse.Namespace, init_from: Path, out: Path, work: Path) -> None:
    """Continue ``init_from``'s summarizer adapter on the base sources plus the annotations."""
    import train_summarizer as ts
    import yaml

    cfg = yaml.safe_load(Path(ns.summarizer_config).read_text("utf-8"))
    built = work / "datasets" / "summarizer"
    sources = {k: v for k, v in (cfg.get("sources") or {}).items() if (built / k).is_dir()}
    sources["annotations"] = ns.summarizer_weight
    cfg.update(datasets=str(work / "datasets"), init_from=str(out), output=str(out), sources=sources,
               work_dir=str(work / "summarizer_checkpoints"), adapter_from=str(init_from / "summarizer"))
    if ns.summarizer_steps:
        cfg["max_steps"] = ns.summarizer_steps
    (work / "summarizer.yaml").write_text(yaml.safe_dump(cfg, sort_keys=False), "utf-8")
    ts.main(["--config", str(work / "summarizer.yaml")] + (["--resume"] if ns.resume else []))


def main(argv: list[str] | None = None) -> int:
    ns = parse_args(argv)
    out, init_from = Path(ns.out), Path(ns.init_from)
    work = Path(ns.work_dir or f"{ns.out.rstrip('/')}.work")
    try:
        check_out(out, init_from, ns.overwrite, ns.resume, ns.summarizer)
        data_cfg, heldout, n_records, skipped = prepare(ns, work)
    except InputError as exc:
        print(f"diplomodel train: error: {exc}", file=sys.stderr)
        return 2
    import build_datasets
    import train_tagger
    import yaml

    from model_card import render

    if build_datasets.main(["--config", str(data_cfg)] + (["--skip-invalid"] if ns.skip_invalid else [])):
        return 2
    if ns.summarizer and not (work / "datasets" / "summarizer" / "annotations").is_dir():
        print("diplomodel train: error: --summarizer: no annotation has a brief with a summary or topics "
              "to learn from", file=sys.stderr)  # said before the tagger trains, not after
        return 2
    tcfg = yaml.safe_load(Path(ns.tagger_config).read_text("utf-8"))
    tcfg.update(init_from=str(init_from), output=str(out), work_dir=str(work / "checkpoints"),
                datasets=str(work / "datasets"), seed=ns.seed,
                name=f"{json.loads((init_from / 'diplomodel.json').read_text('utf-8')).get('name')}-retrained")
    if ns.max_steps:
        tcfg["max_steps"] = tcfg["eval_steps"] = ns.max_steps
    (work / "tagger.yaml").write_text(yaml.safe_dump(tcfg, sort_keys=False), "utf-8")
    if out.exists() and ns.overwrite and not ns.resume:
        shutil.rmtree(out)
    shutil.copytree(init_from, out, dirs_exist_ok=True, ignore=shutil.ignore_patterns("tagger", "README.md"))
    train_tagger.main(["--config", str(work / "tagger.yaml")] + (["--resume"] if ns.resume else []))
    if ns.summarizer:
        train_summarizer(ns, init_from, out, work)
    import build_officials
    from diplomodel.data.record import read_records

    train_part, _ = read_records(work / "annotations_train.jsonl")
    build_officials.extend(out, init_from, train_part, str(work / "annotations_train.jsonl"))
    dev = Path(ns.dev) if ns.dev else None
    figures = {"old": score(init_from, heldout, dev, ns.summarizer), "new": score(out, heldout, dev, ns.summarizer),
               "annotations": {"files": [str(p) for p in ns.annotations], "records": n_records,
                               "skipped": skipped, "heldout": len(heldout), "seed": ns.seed}}
    (out / "retrain.json").write_text(json.dumps(figures, indent=2) + "\n", "utf-8")
    meta = json.loads((out / "diplomodel.json").read_text("utf-8"))
    section = comparison(figures["old"], figures["new"])
    (out / "README.md").write_text(render(meta, [], [section]), "utf-8")
    print(section)
    print(f"wrote {out} (figures in {out / 'retrain.json'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
