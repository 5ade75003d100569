"""Write a model dir's table of known officials from annotated briefs (``officials.json``).

    python training/build_officials.py models/default --briefs ../shared/data/meetings_real/train.jsonl

Every participant of the given brief JSONL files (``{"id", "text", "brief"}`` lines, the form the
``briefs`` importer reads; Label Studio exports converted by ``diplomodel export``) with a country
becomes a vote for that person's country (:mod:`diplomodel.knowledge.officials`). A report that
repeats one of the held-out reports (``meetings_real/dev.jsonl`` next to a given file, or any
``--heldout`` file) is refused, so the table never learns from what we measure on. The model dir's
``diplomodel.json`` records the sources and the size of the table. ``diplomodel train`` adds the
train part of a user's annotations to the table it starts from (:func:`extend`).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from diplomodel.data.importers.briefs import read_briefs
from diplomodel.data.importers.real_briefs import HELDOUT_FILES, heldout_overlap
from diplomodel.errors import InputError
from diplomodel.knowledge.officials import OFFICIALS_FILE, Officials


def build(model_dir: Path, briefs: list[Path], heldout: list[Path]) -> Officials:
    """Build the table from ``briefs``, write it into ``model_dir`` and record it in its config."""
    records = []
    for path in briefs:
        if path.name in HELDOUT_FILES:
            raise InputError("a held-out split is for measuring, never for building the table", file=str(path))
        recs, _ = read_briefs(path)
        held = heldout + [path.parent / f for f in HELDOUT_FILES if (path.parent / f).is_file()]
        for h in held:
            bad = heldout_overlap(recs, h)
            if bad:
                raise InputError(f"{len(bad)} records repeat held-out reports of {h} (first: {bad[0]})",
                                 file=str(path))
        records += recs
    table = Officials.from_briefs(r["brief"] for r in records if isinstance(r.get("brief"), dict))
    table.save(model_dir / OFFICIALS_FILE)
    cfg_file = model_dir / "diplomodel.json"
    config = json.loads(cfg_file.read_text("utf-8"))
    config["officials"] = {"path": OFFICIALS_FILE, "sources": [str(p) for p in briefs],
                           "briefs": len(records), "entries": len(table)}
    cfg_file.write_text(json.dumps(config, indent=2) + "\n", "utf-8")
    return table


def extend(model_dir: Path, start_dir: Path, records: list[dict[str, Any]], source: str) -> Officials | None:
    """The table of ``start_dir`` (if any) plus the votes of ``records``' briefs, written into
    ``model_dir`` (``diplomodel train``: a user's annotations teach the table too); ``None`` when
    neither holds an official with a country."""
    start_cfg = json.loads((start_dir / "diplomodel.json").read_text("utf-8"))
    spec = start_cfg.get("officials") if isinstance(start_cfg.get("officials"), dict) else None
    table = Officials.load(start_dir / spec["path"]) if spec and spec.get("path") else Officials()
    before = len(table)
    for r in records:
        if isinstance(r.get("brief"), dict):
            for p in r["brief"].get("participants") or []:
                for n in dict.fromkeys([p.get("name") or ""] + list(p.get("aliases") or [])):
                    table.add(n, p.get("country"))
    if not len(table):
        return None
    table.save(model_dir / OFFICIALS_FILE)
    cfg_file = model_dir / "diplomodel.json"
    config = json.loads(cfg_file.read_text("utf-8"))
    sources = list((spec or {}).get("sources") or []) + [source]
    config["officials"] = {"path": OFFICIALS_FILE, "sources": sources,
                           "briefs": int((spec or {}).get("briefs") or 0) + len(records), "entries": len(table),
                           "added_by_annotations": len(table) - before}
    cfg_file.write_text(json.dumps(config, indent=2) + "\n", "utf-8")
    return table


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("model_dir", type=Path)
    ap.add_argument("--briefs", type=Path, action="append", required=True, help="brief JSONL (repeatable)")
    ap.add_argument("--heldout", type=Path, action="append", default=[], help="held-out brief JSONL to refuse")
    ns = ap.parse_args(argv)
    try:
        table = build(ns.model_dir, ns.briefs, ns.heldout)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"{ns.model_dir / OFFICIALS_FILE}: {len(table)} officials")
    return 0


if __name__ == "__main__":
    sys.exit(main())
