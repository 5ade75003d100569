"""The source mixture: how much of each source's train split the tagger trains on.

One mixer, one table of weights (``mixture:`` in ``configs/data.yaml``): ``build_datasets.py``
writes the mixed dataset (``tagger/mixture``) with :func:`mix` and records the weights it used in
``tagger/mixture/mixture.json`` (:func:`write_plan`); ``train_tagger.py`` trains on that dataset
and copies the plan into the model's metadata. A weight is a number of copies: 3.0 repeats a
source's train records three times, 0.5 keeps a fixed half of them (chosen by a hash of the id,
so the same half every build). Validation and test splits are taken whole from every source.

Example:
    >>> sources = {"a": {"train": [{"id": f"a{i}"} for i in range(4)], "validation": [], "test": []},
    ...            "b": {"train": [{"id": "b0"}], "validation": [{"id": "bv"}], "test": []}}
    >>> out = mix(sources, {"a": 0.5, "b": 3.0}, seed=1)
    >>> sorted(r["id"] for r in out["train"]), [r["id"] for r in out["validation"]]
    (['a0', 'a3', 'b0', 'b0', 'b0'], ['bv'])
    >>> plan(sources, {"a": 0.5, "b": 3.0, "gone": 2.0})["unused"]
    ['gone']
"""
from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path
from typing import Any

SPLITS = ("train", "validation", "test")
PLAN_FILE = "mixture.json"
#: Weight of a source the mixture table does not name.
DEFAULT_WEIGHT = 1.0

Splits = dict[str, list[dict[str, Any]]]


def weight_of(name: str, weights: dict[str, float]) -> float:
    """The weight of source ``name`` (``DEFAULT_WEIGHT`` when unnamed); a negative one is an error."""
    w = float(weights.get(name, DEFAULT_WEIGHT))
    if w < 0:
        raise ValueError(f"mixture weight of {name!r} is {w}; weights are copies, 0 or more")
    return w


def _by_hash(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(records, key=lambda r: hashlib.sha1(r["id"].encode("utf-8")).hexdigest())


def mix(sources: dict[str, Splits], weights: dict[str, float], seed: int) -> Splits:
    """The mixed splits: train repeated/subsampled by weight and shuffled by ``seed``."""
    out: Splits = {s: [] for s in SPLITS}
    for name, splits in sources.items():
        w = weight_of(name, weights)
        train = _by_hash(splits.get("train", []))
        whole, frac = int(w), w - int(w)
        out["train"] += train * whole + train[:round(frac * len(train))]
        out["validation"] += splits.get("validation", [])
        out["test"] += splits.get("test", [])
    random.Random(seed).shuffle(out["train"])
    return out


def plan(sources: dict[str, Splits], weights: dict[str, float]) -> dict[str, Any]:
    """What :func:`mix` does with these sources: weight and train documents kept per source, and
    the weights that name no source (``unused``)."""
    used = {name: weight_of(name, weights) for name in sources}
    kept = {name: int(w) * len(s.get("train", [])) + round((w - int(w)) * len(s.get("train", [])))
            for (name, s), w in zip(sources.items(), used.values())}
    return {"weights": used, "train_documents": kept, "unused": sorted(set(weights) - set(sources))}


def write_plan(folder: str | Path, mixture_plan: dict[str, Any]) -> Path:
    """Write the plan beside the mixed dataset; return the file."""
    path = Path(folder) / PLAN_FILE
    path.write_text(json.dumps(mixture_plan, indent=1, sort_keys=True) + "\n", "utf-8")
    return path


def read_plan(folder: str | Path) -> dict[str, Any] | None:
    """The plan written beside a dataset, or ``None`` (a single source, or an older build)."""
    path = Path(folder) / PLAN_FILE
    return json.loads(path.read_text("utf-8")) if path.exists() else None
