"""A user's annotation files, in whatever format they come, -> validated records; a held-out part.

:func:`detect_format` tells the format of a file from its name and first line:

- ``labelstudio``: a Label Studio JSON export (a list of tasks; ``.json``); a task nobody
  annotated is left out;
- ``doccano``: JSONL whose lines carry ``label: [[start, end, label], ...]`` or doccano's
  ``entities: [{"start_offset", ...}]``;
- ``briefs``: JSONL of ``{"id", "text", "published", "brief"}`` (the gold brief is projected onto
  PARTICIPANT/PERSON spans, as for the real reports);
- ``records``: our own record JSONL (``entities: [{"start", "end", "label"}]``);
- ``conll``: CoNLL-2003 columns (``-DOCSTART-``, a token and its IOB tag a line).

:func:`read_annotations` reads any mix of them; every record is validated, so a bad one names its
file, line, record id and field (or, with ``skip_invalid``, is counted and left out).
:func:`hold_out` sets a seeded part aside to compare models on.

Example:
    >>> import json, os, tempfile
    >>> d = tempfile.mkdtemp()
    >>> path = os.path.join(d, "mine.jsonl")
    >>> line = {"id": "a1", "text": "Ana Ruiz met Ivo Kral in Lima.", "brief": {"is_meeting": True,
    ...         "participants": [{"name": "Ana Ruiz"}, {"name": "Ivo Kral"}]}}
    >>> _ = open(path, "w").write(json.dumps(line) + "\\n")
    >>> detect_format(path)
    'briefs'
    >>> recs, skipped = read_annotations([path])
    >>> [(recs[0]["text"][e["start"]:e["end"]], e["label"]) for e in recs[0]["entities"]][:2]
    [('Ana Ruiz', 'PARTICIPANT'), ('Ivo Kral', 'PARTICIPANT')]
    >>> train, heldout = hold_out(recs * 1, fraction=0.0)
    >>> len(train), len(heldout)
    (1, 0)
"""
from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any, Sequence

from diplomodel.data.record import jsonl_lines, parse_jsonl_line, read_records
from diplomodel.errors import InputError

FORMATS = ("labelstudio", "doccano", "briefs", "records", "conll")
_BIO = re.compile(r"^(?:O|[BIE]-\S+)$")


def _first_json_line(path: Path) -> tuple[int, Any] | None:
    for n, raw in enumerate(jsonl_lines(path), 1):
        obj = parse_jsonl_line(raw, str(path), n)
        if obj is not None:
            return n, obj
    return None


def detect_format(path: str | Path) -> str:
    """The annotation format of ``path`` (one of :data:`FORMATS`); :class:`InputError` if unknown."""
    path = Path(path)
    if not path.is_file():
        raise InputError("file not found" if not path.exists() else "is a directory, not a file", file=str(path))
    head = path.read_bytes()[:4096].decode("utf-8", "replace").lstrip("\ufeff")
    first = next((ln for ln in head.splitlines() if ln.strip()), "")
    if path.suffix.lower() == ".json" or first.lstrip().startswith("["):
        return "labelstudio"
    cols = first.split()
    if cols and (cols[0] == "-DOCSTART-" or (len(cols) >= 2 and not first.lstrip().startswith("{")
                                              and _BIO.match(cols[-1]))):
        return "conll"
    got = _first_json_line(path)
    if got is None:
        raise InputError("no annotations in the file", file=str(path))
    n, obj = got
    if not isinstance(obj, dict):
        raise InputError("a JSON object is required", file=str(path), line=n)
    ents = obj.get("entities")
    if "label" in obj or (isinstance(ents, list) and ents and isinstance(ents[0], dict)
                          and "start_offset" in ents[0]):
        return "doccano"
    if obj.get("brief") is not None:
        return "briefs"
    if "entities" in obj:
        return "records"
    raise InputError("neither entities, a doccano label list nor a brief: nothing to learn from",
                     file=str(path), line=n, field="entities")


def read_annotations(paths: Sequence[str | Path], skip_invalid: bool = False,
                     problems: list[InputError] | None = None) -> tuple[list[dict[str, Any]], int]:
    """Records from annotation files of any of :data:`FORMATS`; ``(records, n_skipped)``.

    A brief without entity spans is projected onto PARTICIPANT/PERSON spans. An id repeated across
    files is an error (or skipped), as within one file.
    """
    from diplomodel.data.importers import conll, doccano, labelstudio
    from diplomodel.data.importers.briefs import read_briefs
    from diplomodel.data.importers.real_briefs import project_record

    problems = [] if problems is None else problems
    out: list[dict[str, Any]] = []
    skipped = 0
    first: dict[str, str] = {}
    for path in paths:
        fmt, bad = detect_format(path), []
        if fmt == "labelstudio":
            recs = labelstudio.read_labelstudio(path, skip_invalid=skip_invalid, problems=bad,
                                                annotated_only=True)
        elif fmt == "conll":
            recs = [{k: v for k, v in r.items() if k != "split"} for r in conll.read_conll(path, "user")]
        elif fmt == "doccano":
            recs, _ = doccano.read_doccano(path, skip_invalid=skip_invalid, problems=bad)
        elif fmt == "briefs":
            recs, _ = read_briefs(path, source="annotations", skip_invalid=skip_invalid, problems=bad)
            recs = [r if r["entities"] else project_record(r, source="annotations") for r in recs]
        else:
            recs, _ = read_records(path, skip_invalid=skip_invalid, problems=bad)
        skipped += len(bad)
        problems += bad
        for r in recs:
            if r["id"] in first:
                exc = InputError(f"duplicate id, also in {first[r['id']]}", file=str(path),
                                 record_id=r["id"], field="id")
                if not skip_invalid:
                    raise exc
                skipped += 1
                problems.append(exc)
                continue
            first[r["id"]] = str(path)
            out.append(r)
    return out, skipped


def hold_out(records: Sequence[dict[str, Any]], fraction: float = 0.2,
             seed: int = 13) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """``(train, heldout)``: a seeded ``fraction`` of the records set aside, the rest kept in order.

    The same records and seed give the same parts; ``fraction`` 0 holds nothing out.
    """
    if not 0.0 <= fraction < 1.0:
        raise ValueError(f"fraction must be in [0, 1), got {fraction}")
    ids = sorted(r["id"] for r in records)
    picked = set(random.Random(seed).sample(ids, round(fraction * len(ids))))
    return ([r for r in records if r["id"] not in picked], [r for r in records if r["id"] in picked])

