"""Our own briefs: JSONL of ``{"id", "text", "published", "brief"}`` lines, and seed folders
holding ``article.txt`` + ``brief.json``.

Example:
    >>> import tempfile, os, json
    >>> d = tempfile.mkdtemp()
    >>> _ = open(os.path.join(d, "article.txt"), "w").write("Lopez met Bishop in Rabat.")
    >>> _ = open(os.path.join(d, "brief.json"), "w").write(json.dumps(
    ...     {"published": "2024-01-02", "is_meeting": True, "participants": [{"name": "Lopez"}]}))
    >>> rec = load_seed(d)
    >>> rec["published"], rec["brief"]["is_meeting"], rec["entities"]
    ('2024-01-02', True, [])
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from diplomodel.data.record import read_records, validate_record
from diplomodel.errors import InputError


def read_briefs(path: str | Path, source: str = "briefs", skip_invalid: bool = False,
                problems: list[InputError] | None = None) -> tuple[list[dict[str, Any]], int]:
    """Records of a brief JSONL file (``source`` filled where missing); ``(records, n_skipped)``."""
    recs, skipped = read_records(path, skip_invalid=skip_invalid, problems=problems)
    for r in recs:
        r["source"] = r["source"] or source
    return recs, skipped


def load_seed(folder: str | Path, source: str = "seed") -> dict[str, Any]:
    """One record from ``folder/article.txt`` + ``folder/brief.json`` (no entity spans)."""
    folder = Path(folder)
    bpath = folder / "brief.json"
    try:
        brief = json.loads(bpath.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"unreadable brief: {exc}", file=str(bpath)) from None
    text = (folder / "article.txt").read_text(encoding="utf-8")
    rec = {"id": f"{source}-{folder.name}", "text": text, "published": brief.get("published"),
           "source": source, "entities": [], "annotated_labels": [], "brief": brief}
    return validate_record(rec, file=str(folder / "article.txt"))
