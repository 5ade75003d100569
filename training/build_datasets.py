"""Build the tagger and summarizer datasets from configs/data.yaml.

    python training/build_datasets.py --config configs/data.yaml [--out DIR] [--skip-invalid]

Writes ``OUT/tagger/<source>/`` and ``OUT/tagger/mixture/`` (DatasetDicts of tagger views with
train/validation/test), ``OUT/summarizer/<source>/`` (summarizer views of records with briefs),
``OUT/fingerprints.json`` and the dataset card ``OUT/README.md``. Fingerprints are content hashes:
the same config and seed give the same fingerprints.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from diplomodel.data.mixture import mix, plan, write_plan  # noqa: E402
from diplomodel.data.record import hash_split, validate_record  # noqa: E402
from diplomodel.data.views import summarizer_features, tagger_features, to_summarizer_view, to_tagger_view  # noqa: E402
from diplomodel.errors import InputError  # noqa: E402
from diplomodel.models.labels import ENTITY_LABELS  # noqa: E402

SPLITS = ("train", "validation", "test")
MAX_REPORTED = 50  # invalid records named one by one on stderr; the count covers all
Splits = dict[str, list[dict[str, Any]]]


def _by_split(records: list[dict[str, Any]], ratios) -> Splits:
    out: Splits = {s: [] for s in SPLITS}
    for r in records:
        out[r.pop("split", None) or hash_split(r["id"], tuple(ratios))].append(r)
    return out


def _validated(splits: Splits, skip: bool, counts: Counter, name: str, problems: list) -> Splits:
    out: Splits = {}
    for split, recs in splits.items():
        good = []
        for r in recs:
            r = {k: v for k, v in r.items() if k != "split"}
            try:
                good.append(validate_record(r, file=f"<{name}>"))
            except InputError as exc:
                if not skip:
                    raise
                counts[name] += 1
                problems.append((name, exc))
        out[split] = good
    return out


def load_sources(cfg: dict[str, Any], skip: bool,
                 problems: list | None = None) -> tuple[dict[str, Splits], Counter, Any]:
    """``{source: {split: records}}`` for every source switched on, skipped counts, synth stats.

    With ``skip`` invalid records are left out; ``problems`` (if given) receives a
    ``(source, InputError)`` per record left out. User files are only read, never written.
    """
    problems = [] if problems is None else problems
    from diplomodel.data.importers import conll, crossner, doccano, gum, labelstudio, re3d, real_briefs
    from diplomodel.data.annotations import read_annotations
    from diplomodel.data.importers.briefs import load_seed, read_briefs

    data_root, src, ratios = ROOT / cfg["data_root"], cfg["sources"], cfg.get("split_ratios", [0.8, 0.1, 0.1])
    sources: dict[str, Splits] = {}
    skipped: Counter = Counter()
    stats = None
    if src.get("conll2003") and (data_root / "conll2003").exists():
        sources["conll2003"] = conll.load(data_root / "conll2003")
    if src.get("crossner_politics") and (data_root / "crossner_politics").exists():
        sources["crossner_politics"] = crossner.load(data_root / "crossner_politics")
    if src.get("re3d") and (data_root / "re3d").exists():
        sources["re3d"] = _by_split(re3d.load(data_root / "re3d"), ratios)
    if src.get("gum_news") and (data_root / "gum_news").exists():
        sources["gum_news"] = _by_split(gum.load(data_root / "gum_news"), ratios)
    if src.get("meetings_real") and (data_root / "meetings_real" / real_briefs.TRAIN_FILE).exists():
        sources["meetings_real"] = real_briefs.load(data_root / "meetings_real", skip_invalid=skip)
    if src.get("synthetic"):
        try:
            from diplomodel.data.synth import generate, stats as synth_stats, template_inventory
        except ImportError as exc:
            print(f"synthetic: skipped ({exc})")
        else:
            sc = cfg["synthetic"]
            n = sc["n"]
            sources["synthetic"] = {
                "train": list(generate(n["train"], sc["seed"], "train")),
                "validation": list(generate(n["validation"], sc["validation_seed"], "train")),
                "test": list(generate(n["test"], sc["seed"], "heldout"))}
            stats = {s: synth_stats(r) for s, r in sources["synthetic"].items()}
            stats["template_inventory"] = template_inventory()
    for kind, reader in (("doccano", doccano.read_doccano), ("briefs", read_briefs)):
        recs = []
        for p in src.get(kind) or []:
            bad: list[InputError] = []
            got, n_bad = reader(ROOT / p, skip_invalid=skip, problems=bad)
            recs += got
            skipped[kind] += n_bad
            problems += [(kind, e) for e in bad]
        if recs:
            sources[kind] = _by_split(recs, ratios)
    recs = []
    for p in src.get("labelstudio") or []:
        bad = []
        recs += labelstudio.read_labelstudio(ROOT / p, skip_invalid=skip, problems=bad)
        skipped["labelstudio"] += len(bad)
        problems += [("labelstudio", e) for e in bad]
    if recs:
        sources["labelstudio"] = _by_split(recs, ratios)
    # a user's annotation files, any format diplomodel.data.annotations reads: all train (the
    # part to compare models on is held out before, by ``diplomodel train``)
    bad = []
    recs, n_bad = read_annotations([ROOT / p for p in src.get("annotations") or []], skip_invalid=skip,
                                   problems=bad)
    skipped["annotations"] += n_bad
    problems += [("annotations", e) for e in bad]
    if recs:
        sources["annotations"] = {"train": recs, "validation": [], "test": []}
    if cfg.get("seed_dir") and (ROOT / cfg["seed_dir"] / "article.txt").exists():
        sources["seed"] = {"train": [], "validation": [], "test": [load_seed(ROOT / cfg["seed_dir"])]}
    skipped = Counter({k: v for k, v in skipped.items() if v})
    sources = {k: _validated(v, skip, skipped, k, problems) for k, v in sources.items()}
    refuse_heldout(sources, data_root)
    return sources, skipped, stats


def refuse_heldout(sources: dict[str, Splits], data_root: Path) -> None:
    """Stop the build if any source repeats a held-out real report (``meetings_real/dev.jsonl``)."""
    from diplomodel.data.importers.real_briefs import HELDOUT_FILES, heldout_overlap

    for fname in HELDOUT_FILES:
        held = data_root / "meetings_real" / fname
        for name, splits in sources.items():
            bad = heldout_overlap((r for s in SPLITS for r in splits[s]), held)
            if bad:
                raise InputError(f"source {name!r} holds {len(bad)} held-out report(s) of {held} "
                                 f"(first: {bad[0]!r}); they are for measuring only", file=str(held))


def _dataset(rows: list[dict[str, Any]], features):
    from datasets import Dataset

    ds = (Dataset.from_list(rows, features=features) if rows
          else Dataset.from_dict({k: [] for k in features}, features=features))
    h = hashlib.sha256(json.dumps(rows, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]
    return Dataset(ds.data, info=ds.info, fingerprint=h)


LABEL_DEFINITIONS = {
    "PARTICIPANT": "a person taking part in the reported meeting (talks, call, visit); the name only",
    "PERSON": "any other named person; in sources without roles, a person whose role is unknown",
    "TITLE": "role words (\"Prime Minister\", \"Speaker\"), also a bare title used as a reference",
    "COUNTRY": "a state name or nationality adjective denoting one (\"Morocco\", \"Moroccan\", \"U.S.\")",
    "ORG": "organisations, parliaments, ministries, agencies, parties, alliances, news agencies",
    "LOC": "cities, regions, venues that are not countries",
    "DATE": "date expressions (\"December 15\", \"Monday\", \"yesterday\")",
}
SOURCES = {
    "conll2003": ("CoNLL-2003 English NER (Reuters 1996)", "annotations free; Reuters text research use only, not redistributed"),
    "re3d": ("re3d defence/diplomacy documents with CommWith relations", "per folder: public domain, OGL v3, CC BY 3.0 AU, CC BY-SA 3.0"),
    "gum_news": ("GUM Wikinews articles with human summaries", "text CC BY 2.5, annotations CC BY 4.0"),
    "crossner_politics": ("CrossNER politics (Wikipedia sentences)", "Wikipedia text CC BY-SA; repository MIT"),
    "synthetic": ("generated meeting reports (diplomodel.data.synth)", "ours"),
    "annotations": ("the user's own annotation files (any format diplomodel.data.annotations reads)",
                    "the user's"),
    "meetings_real": ("real meeting reports, gold briefs projected onto spans (train split only)",
                      "texts belong to their publishers (training/evaluation only); briefs free"),
    "seed": ("one hand-written brief of a real article (summarizer view only)", "evaluation/demo use"),
}


def write_card(path: Path, counts: dict[str, Any], synth_stats: Any, skipped: dict[str, int],
               fingerprints: dict[str, dict[str, str]]) -> None:
    """Write the dataset card (label set, sources, licences, counts, synthetic stats)."""
    lines = ["# diplomodel datasets", "",
             "Tagger views (`tagger/<source>`, `tagger/mixture`) and summarizer views (`summarizer/<source>`),",
             "built by `training/build_datasets.py --config configs/data.yaml`.", "", "## Label set", "",
             "| label | definition |", "|---|---|"]
    lines += [f"| {lab} | {LABEL_DEFINITIONS[lab]} |" for lab in ENTITY_LABELS]
    lines += ["", "Why these labels: a meeting brief needs who met (PARTICIPANT, separated from merely "
              "mentioned PERSONs), in which role (TITLE), for which state or body (COUNTRY, ORG), where "
              "(LOC) and when (DATE). Real corpora annotate only some of them: each tagger row carries "
              "`annotated_labels`, so an `O` under a label a source does not annotate is not taken as "
              "negative evidence (e.g. CoNLL PERSON may be a PARTICIPANT, its O may hide TITLE/DATE).", "",
              "## Sources", "", "| source | what | licence | docs train/validation/test | entities by label |",
              "|---|---|---|---|---|"]
    for name, c in counts.items():
        what, lic = SOURCES.get(name, ("mixture of the sources above" if name == "mixture" else name, "see sources"))
        docs = "/".join(str(c["docs"][s]) for s in SPLITS)
        labs = ", ".join(f"{k} {v}" for k, v in sorted(c["labels"].items()))
        lines.append(f"| {name} | {what} | {lic} | {docs} | {labs} |")
    if skipped:
        lines += ["", "Invalid records skipped: " + ", ".join(f"{k} {v}" for k, v in skipped.items())]
    lines += ["", "## Synthetic data statistics", "",
              "`test` is the held-out split: sentence templates and person names that `train` and",
              "`validation` never use (`generate(split=\"heldout\")`); `validation` draws train templates",
              "with another seed. Template inventory per slot (train/held-out): see `template_inventory`",
              "below.", "", "```",
              json.dumps(synth_stats, indent=1, sort_keys=True, default=str) if synth_stats else "synthetic source not built",
              "```", "", (ROOT / "docs" / "synthetic_vs_real.md").read_text("utf-8"),
              "## Fingerprints", "", "```", json.dumps(fingerprints, indent=1, sort_keys=True), "```", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    import yaml
    from datasets import DatasetDict, disable_progress_bars

    disable_progress_bars()

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--config", default=str(ROOT / "configs/data.yaml"))
    ap.add_argument("--out", default=None)
    ap.add_argument("--skip-invalid", action="store_true", help="skip bad records and report how many")
    args = ap.parse_args(argv)
    t0 = time.time()
    cfg = yaml.safe_load(Path(args.config).read_text(encoding="utf-8"))
    out = Path(args.out or ROOT / cfg.get("out", "artifacts/datasets"))
    problems: list[tuple[str, InputError]] = []
    try:
        sources, skipped, synth_stats = load_sources(cfg, args.skip_invalid, problems)
    except InputError as exc:  # one clear message, no traceback; nothing has been written
        print(f"build_datasets: error: {exc}\n(fix the record, or rerun with --skip-invalid to leave "
              f"invalid records out)", file=sys.stderr)
        return 2
    for name, exc in problems[:MAX_REPORTED]:
        print(f"skipped invalid record ({name}): {exc}", file=sys.stderr)
    if len(problems) > MAX_REPORTED:
        print(f"... and {len(problems) - MAX_REPORTED} more invalid records", file=sys.stderr)
    tagger_src = {k: v for k, v in sources.items() if k != "seed"}
    weights = cfg.get("mixture") or {}
    mixture_plan = plan(tagger_src, weights)
    if mixture_plan["unused"]:
        print("mixture weights without a source (not built): " + ", ".join(mixture_plan["unused"]))
    sets = dict(tagger_src, mixture=mix(tagger_src, weights, cfg["synthetic"]["seed"]))
    fingerprints: dict[str, dict[str, str]] = {}
    counts: dict[str, dict[str, Any]] = {}
    for name, splits in sets.items():
        dd = DatasetDict({s: _dataset([to_tagger_view(r) for r in splits[s]], tagger_features()) for s in SPLITS})
        dd.save_to_disk(str(out / "tagger" / name), num_shards={s: 1 for s in SPLITS})
        fingerprints[f"tagger/{name}"] = {s: d._fingerprint for s, d in dd.items()}
        if name == "mixture":
            write_plan(out / "tagger" / name, mixture_plan)
        labels = Counter(e["label"] for s in SPLITS for r in splits[s] for e in r["entities"])
        counts[name] = {"docs": {s: len(splits[s]) for s in SPLITS}, "labels": dict(labels)}
        print(f"{name:18s} docs " + " ".join(f"{s}={len(splits[s])}" for s in SPLITS)
              + " | " + " ".join(f"{lab}={labels.get(lab, 0)}" for lab in ENTITY_LABELS))
    for name, splits in sources.items():
        views = {s: [v for r in splits[s] if (v := to_summarizer_view(r))] for s in SPLITS}
        if any(views.values()):
            dd = DatasetDict({s: _dataset(views[s], summarizer_features()) for s in SPLITS})
            dd.save_to_disk(str(out / "summarizer" / name), num_shards={s: 1 for s in SPLITS})
            fingerprints[f"summarizer/{name}"] = {s: d._fingerprint for s, d in dd.items()}
            print(f"summarizer/{name}: " + " ".join(f"{s}={len(views[s])}" for s in SPLITS))
    for key, fp in fingerprints.items():
        print(f"fingerprint {key}: " + " ".join(f"{s}={f}" for s, f in fp.items()))
    if skipped or args.skip_invalid:
        print("skipped invalid records: " + (", ".join(f"{k}={v}" for k, v in skipped.items()) or "none"))
    (out / "fingerprints.json").write_text(json.dumps(fingerprints, indent=1, sort_keys=True))
    write_card(out / "README.md", counts, synth_stats, dict(skipped), fingerprints)
    print(f"wrote {out} in {time.time() - t0:.1f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
