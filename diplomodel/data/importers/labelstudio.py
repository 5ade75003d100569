"""Label Studio JSON export (a list of tasks) -> records.

A task's text is ``data.text``; spans come from its first annotation that was not cancelled
(or, with ``use_predictions=True`` and no annotation, from its first prediction). Each result of
type ``labels`` gives ``value.start/end/labels[0]`` (and ``value.text``, checked against the text).

Example:
    >>> task = {"id": 3, "data": {"text": "Lopez met Bishop."}, "annotations": [{"result": [
    ...     {"type": "labels", "value": {"start": 10, "end": 16, "text": "Bishop", "labels": ["PERSON"]}}]}]}
    >>> tasks_to_records([task])[0]["entities"]
    [{'start': 10, 'end': 16, 'label': 'PERSON'}]
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from diplomodel.data.record import validate_record
from diplomodel.errors import InputError


def _result_entities(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for r in results or []:
        if r.get("type") not in (None, "labels"):
            continue
        v = r.get("value") or {}
        labels = v.get("labels") or [None]
        ent = {"start": v.get("start"), "end": v.get("end"), "label": labels[0]}
        if "text" in v:
            ent["text"] = v["text"]
        out.append(ent)
    return out


def tasks_to_records(tasks: list[dict[str, Any]], file: str | None = None, source: str = "labelstudio",
                     use_predictions: bool = False, skip_invalid: bool = False) -> list[dict[str, Any]]:
    """Label Studio tasks -> validated records (errors name the file and task index as line)."""
    out = []
    for i, task in enumerate(tasks):
        try:
            if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
                raise InputError("a task with a 'data' object is required", file=file, line=i + 1, field="data")
            data = task["data"]
            anns = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
            results = anns[0].get("result") if anns else None
            if results is None and use_predictions and task.get("predictions"):
                results = task["predictions"][0].get("result")
            rid = data.get("id", task.get("id", i))
            rec = {"id": str(rid) if str(rid).startswith(f"{source}-") else f"{source}-{rid}",
                   "text": data.get("text"), "published": data.get("published"), "source": source,
                   "entities": _result_entities(results or [])}
            if data.get("annotated_labels"):
                rec["annotated_labels"] = data["annotated_labels"]
            out.append(validate_record(rec, file=file, line=i + 1))
        except InputError:
            if not skip_invalid:
                raise
    return out


def read_labelstudio(path: str | Path, use_predictions: bool = False,
                     skip_invalid: bool = False) -> list[dict[str, Any]]:
    """Read a Label Studio JSON export file (``line`` in errors = 1-based task index)."""
    file = str(path)
    try:
        tasks = json.loads(Path(path).read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8 at byte {exc.start}", file=file) from None
    except json.JSONDecodeError as exc:
        raise InputError(f"broken JSON: {exc.msg}", file=file, line=exc.lineno) from None
    if isinstance(tasks, dict):
        tasks = [tasks]
    return tasks_to_records(tasks, file=file, use_predictions=use_predictions, skip_invalid=skip_invalid)
