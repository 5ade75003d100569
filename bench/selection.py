"""Does selection pay? Articles chosen by `diplomodel select` vs at random, each set retrained the same way.

    python bench/selection.py --sizes 10 20 --seeds 1 2 3 --max-steps 60 --json artifacts/eval/selection.json

The pool is the real train split (``../shared/data/meetings_real/train.jsonl``); its gold briefs
stand in for the annotator. For each size, the shipped model's selection (greedy, so the first 10
of a 20-pick are its 10-pick) and a random sample per seed are retrained from ``models/default``
with ``training/retrain.py`` under one budget (``--max-steps``; the annotations' copies scaled so
that every size puts the same number of annotation copies in the mix), and scored on the real dev
split. Prints one row a run and the mean of the random runs beside the selected one.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "data" / "meetings_real"
FIGURES = ("participant_f1", "participant_country_acc", "participant_title_f1", "is_meeting_acc", "format_acc")


def pool(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def selected_ids(rows: list[dict], n: int, model: str) -> list[str]:
    from diplomodel.briefer import Briefer
    from diplomodel.selection import select

    briefer = Briefer.from_pretrained(model)
    picked = select(briefer, [{"id": r["id"], "text": r["text"], "published": r.get("published")} for r in rows], n)
    return [rows[c.index]["id"] for c in picked]


def signals(rows: list[dict], model: str) -> None:
    """Which selection signal follows the shipped model's brief errors on the pool (Spearman)."""
    import numpy as np
    from scipy.stats import spearmanr

    from diplomodel.briefer import Briefer
    from diplomodel.extraction import extract, to_brief
    from diplomodel.metrics import score_briefs
    from diplomodel.selection import score_article

    briefer = Briefer.from_pretrained(model)
    unc, dis, err = [], [], []
    for r, ents in zip(rows, briefer.tagger.predict([r["text"] for r in rows])):
        doc = extract(r["text"], ents, None)
        brief = to_brief(doc)
        part = score_briefs([brief.to_dict()], [r["brief"]])["participants"]
        f1 = part["f1"] if part["gold"] or part["pred"] else 1.0
        err.append(1 - f1 + (brief.is_meeting != r["brief"]["is_meeting"]))
        c = score_article(r["text"], ents, [p.name for p in doc.participants], None, doc.format)
        unc.append(c.uncertainty)
        dis.append(c.disagreement)
    u, d = np.array(unc) / max(max(unc), 1e-9), np.array(dis) / max(max(dis), 1e-9)
    print(f"error = 1 - participant F1 (+1 for a wrong is_meeting), mean {np.mean(err):.3f} over {len(rows)}")
    for w in (0.0, 0.25, 0.5, 0.75, 1.0):
        print(f"Spearman(error, {w:.2f} x uncertainty + {1 - w:.2f} x disagreement) = "
              f"{spearmanr(w * u + (1 - w) * d, err)[0]:.3f}")


def retrain(rows: list[dict], ids: list[str], name: str, ns: argparse.Namespace) -> dict:
    work = Path(ns.work) / name
    work.mkdir(parents=True, exist_ok=True)
    keep = set(ids)
    ann = work / "annotations.jsonl"
    ann.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows if r["id"] in keep), "utf-8")
    weight = max(1.0, round(ns.copies / len(ids), 1))
    cmd = [sys.executable, str(ROOT / "training" / "retrain.py"), "--annotations", str(ann), "--from", ns.model,
           "--out", str(work / "model"), "--heldout", "0", "--max-steps", str(ns.max_steps),
           "--weight", str(weight), "--dev", str(ns.dev), "--seed", str(ns.train_seed), "--overwrite",
           "--work-dir", str(work / "work")]
    t0 = time.time()
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{name}: retrain failed\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    figures = json.loads((work / "model" / "retrain.json").read_text("utf-8"))
    return {"old": _flat(figures["old"]["dev"]), "new": _flat(figures["new"]["dev"]),
            "weight": weight, "seconds": round(time.time() - t0)}


def _flat(scores: dict) -> dict:
    sys.path.insert(0, str(ROOT / "training"))
    from retrain import figure

    return {k: figure(scores, k) for k in FIGURES}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", type=int, nargs="+", default=[10, 20])
    p.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    p.add_argument("--max-steps", type=int, default=60)
    p.add_argument("--copies", type=float, default=1500.0, help="annotation copies in the mix, all sizes")
    p.add_argument("--train-seed", type=int, default=13)
    p.add_argument("--model", default=str(ROOT / "models" / "default"))
    p.add_argument("--pool", default=str(REAL / "train.jsonl"))
    p.add_argument("--dev", default=str(REAL / "dev.jsonl"))
    p.add_argument("--work", default=str(ROOT / "runs" / "selection"))
    p.add_argument("--json", help="write every run's figures here")
    p.add_argument("--signals", action="store_true", help="only print how each selection signal follows "
                   "the shipped model's brief errors on the pool, and stop")
    p.add_argument("--random-from", help="take the random runs from this earlier --json instead of retraining "
                   "them (same sizes, seeds and budget): to compare a changed selection method")
    ns = p.parse_args(argv)
    rows = pool(Path(ns.pool))
    if ns.signals:
        signals(rows, ns.model)
        return 0
    chosen = selected_ids(rows, max(ns.sizes), ns.model)
    runs: dict[str, dict] = {}
    earlier = json.loads(Path(ns.random_from).read_text("utf-8"))["runs"] if ns.random_from else {}
    for n in ns.sizes:
        plans = [(f"select-{n}", chosen[:n])]
        for seed in ns.seeds:
            order = [r["id"] for r in rows]
            random.Random(seed).shuffle(order)
            plans.append((f"random-{n}-seed{seed}", order[:n]))
        for name, ids in plans:
            if name in earlier and not name.startswith("select-"):
                runs[name] = r = earlier[name]
                continue
            runs[name] = r = retrain(rows, ids, name, ns)
            print(f"{name:20s} " + " ".join(f"{k} {r['new'][k]:.3f}" for k in FIGURES if r["new"][k] is not None)
                  + f"  ({r['seconds']} s)", flush=True)
    base = next(iter(runs.values()))["old"]
    print("\nshipped model (no annotations): " + " ".join(f"{k} {v:.3f}" for k, v in base.items() if v is not None))
    print(f"{'size':>4}  {'figure':24s} {'selected':>8} {'random (mean of ' + str(len(ns.seeds)) + ')':>18} {'min..max':>12}")
    for n in ns.sizes:
        for k in FIGURES:
            rand = [runs[f"random-{n}-seed{s}"]["new"][k] for s in ns.seeds]
            sel = runs[f"select-{n}"]["new"][k]
            if sel is None or None in rand:
                continue
            print(f"{n:>4}  {k:24s} {sel:8.3f} {statistics.mean(rand):18.3f} {min(rand):6.3f}..{max(rand):.3f}")
    if ns.json:
        Path(ns.json).parent.mkdir(parents=True, exist_ok=True)
        Path(ns.json).write_text(json.dumps({"args": vars(ns), "selected": chosen, "runs": runs}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
