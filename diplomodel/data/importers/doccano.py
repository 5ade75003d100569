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

from diplomodel.data.record import read_records, validate_record
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
    def to_record(obj: Any, file: str, n: int) -> dict[str, Any]:
        if not isinstance(obj, dict):
            raise InputError("a JSON object is required", file=file, line=n)
        rec = {"id": f"{source}-{obj.get('id', n)}", "text": obj.get("text"),
               "published": obj.get("published"), "source": source, "entities": _entities(obj)}
        if annotated_labels is not None:
            rec["annotated_labels"] = annotated_labels
        return validate_record(rec, file=file, line=n)

    return read_records(path, skip_invalid=skip_invalid, problems=problems, to_record=to_record)
