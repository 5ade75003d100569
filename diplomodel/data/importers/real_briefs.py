"""Real meeting reports with gold briefs (``meetings_real/``) -> records with projected spans.

The folder holds ``train.jsonl`` (to train on) and ``dev.jsonl`` (to measure on, never to train
on). :func:`load` reads the train split only and projects each gold brief onto its text
(:func:`diplomodel.data.projection.project_brief`); :func:`heldout_overlap` tells which records
of any source repeat a held-out report, so a build can refuse them.

Example:
    >>> import json, os, tempfile
    >>> d = tempfile.mkdtemp()
    >>> line = {"id": "r1", "text": "Ana Ruiz met Ivo Kral in Lima on Monday.", "published": "2024-05-06",
    ...         "brief": {"is_meeting": True, "participants": [{"name": "Ana Ruiz", "aliases": []},
    ...                   {"name": "Ivo Kral", "aliases": []}], "mentioned": []}}
    >>> _ = open(os.path.join(d, "train.jsonl"), "w").write(json.dumps(line) + "\\n")
    >>> rec = load(d)["train"][0]
    >>> [(rec["text"][e["start"]:e["end"]], e["label"]) for e in rec["entities"]]
    [('Ana Ruiz', 'PARTICIPANT'), ('Ivo Kral', 'PARTICIPANT'), ('Lima', 'LOC'), ('Monday', 'DATE')]
    >>> rec["annotated_labels"], rec["source"]
    (['PARTICIPANT', 'PERSON'], 'meetings_real')
    >>> _ = open(os.path.join(d, "dev.jsonl"), "w").write(json.dumps({**line, "id": "d1"}) + "\\n")
    >>> heldout_overlap([rec], os.path.join(d, "dev.jsonl"))
    ['r1']
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Iterable

from diplomodel.data.importers.briefs import read_briefs
from diplomodel.data.projection import ANNOTATED_LABELS, project_brief

SOURCE = "meetings_real"
TRAIN_FILE = "train.jsonl"
#: Files of the folder that are for measuring only.
HELDOUT_FILES = ("dev.jsonl",)


def project_record(rec: dict[str, Any], source: str = SOURCE) -> dict[str, Any]:
    """A validated brief record with its gold brief projected onto ``entities``/``unlabelled``."""
    proj = project_brief(rec["text"], rec.get("brief") or {})
    return {**rec, "source": source, "entities": proj.entities, "unlabelled": proj.unlabelled,
            "annotated_labels": list(ANNOTATED_LABELS)}


def load(folder: str | Path, skip_invalid: bool = False) -> dict[str, list[dict[str, Any]]]:
    """``{"train": records, "validation": [], "test": []}`` from ``folder/train.jsonl``.

    Every record goes to train: the held-out files of the folder are the measure, and they are
    never read here.
    """
    recs, _ = read_briefs(Path(folder) / TRAIN_FILE, source=SOURCE, skip_invalid=skip_invalid)
    return {"train": [project_record(r) for r in recs], "validation": [], "test": []}


def _text_key(text: str) -> str:
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()


def heldout_overlap(records: Iterable[dict[str, Any]], heldout: str | Path) -> list[str]:
    """Ids of ``records`` whose id or text (whitespace aside) is one of the held-out file's reports.

    An absent held-out file overlaps nothing.
    """
    path = Path(heldout)
    if not path.exists():
        return []
    ids, texts = set(), set()
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            obj = json.loads(line)
            ids.add(obj.get("id"))
            texts.add(_text_key(obj.get("text") or ""))
    return [r["id"] for r in records if r["id"] in ids or _text_key(r["text"]) in texts]
