"""doccano JSONL (``text`` + ``label: [[start, end, label], ...]`` or ``entities``) -> records.

Both doccano layouts are read: ``"label": [[s, e, "PERSON"], ...]`` and
``"entities": [{"start_offset": s, "end_offset": e, "label": "PERSON"}, ...]``. Every record is
checked with :func:`validate_record`, so errors name the file, line, record id and field.

Example:
    >>> import tempfile, os, json
    >>> path = os.path.join(tempfile.mkdtemp(), "d.jsonl")
    >>> _ = open(path, "w").write(json.dumps({"id": 7, "text": "Lopez met Bishop.",
    ...                                       "label": [[0, 5, "PARTICIPANT"]]}) + "\\n")
    >>> recs, skipped = read_doccano(path)
    >>> recs[0]["id"], recs[0]["entities"], skipped
    ('doccano-7', [{'start': 0, 'end': 5, 'label': 'PARTICIPANT'}], 0)
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from diplomodel.data.record import jsonl_lines, parse_jsonl_line, validate_record
from diplomodel.errors import InputError


def _entities(obj: dict[str, Any]) -> list[Any]:
    out: list[Any] = []
    for item in obj.get("label") or []:
        if isinstance(item, (list, tuple)) and len(item) == 3:
            out.append({"start": item[0], "end": item[1], "label": item[2]})
        else:
            out.append(item)  # validate_record names what is wrong with it
    for item in obj.get("entities") or []:
        if isinstance(item, dict) and "start_offset" in item:
            out.append({"start": item["start_offset"], "end": item["end_offset"], "label": item.get("label")})
        else:
            out.append(item)
    return out


def read_doccano(path: str | Path, source: str = "doccano", skip_invalid: bool = False,
                 annotated_labels: list[str] | None = None,
                 problems: list[InputError] | None = None) -> tuple[list[dict[str, Any]], int]:
    """Read a doccano JSONL export; return ``(records, n_skipped)`` (see ``read_records``).

    A repeated id is invalid too (the second one is kept out); the file is only read.
    """
    file, out, skipped, first = str(path), [], 0, {}
    for n, raw in enumerate(jsonl_lines(path), 1):
        try:
            obj = parse_jsonl_line(raw, file, n)
            if obj is None:
                continue
            if not isinstance(obj, dict):
                raise InputError("a JSON object is required", file=file, line=n)
            rid = obj.get("id", n)
            rec = {"id": f"{source}-{rid}", "text": obj.get("text"), "published": obj.get("published"),
                   "source": source, "entities": _entities(obj)}
            if annotated_labels is not None:
                rec["annotated_labels"] = annotated_labels
            rec = validate_record(rec, file=file, line=n)
            if rec["id"] in first:
                raise InputError(f"duplicate id, also on line {first[rec['id']]}", file=file, line=n,
                                 record_id=rec["id"], field="id")
            first[rec["id"]] = n
            out.append(rec)
        except InputError as exc:
            if not skip_invalid:
                raise
            skipped += 1
            if problems is not None:
                problems.append(exc)
    return out, skipped
