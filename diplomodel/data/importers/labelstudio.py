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
                     use_predictions: bool = False, skip_invalid: bool = False,
                     problems: list[InputError] | None = None,
                     annotated_only: bool = False) -> list[dict[str, Any]]:
    """Label Studio tasks -> validated records (errors name the file and task index as line).

    ``annotated_only``: a task nobody has annotated yet (or whose annotations were all cancelled)
    is left out instead of read as "no entities here" (what training needs).

    With ``skip_invalid`` a bad task (or a repeated id) is left out and its error appended to
    ``problems`` when given.
    """
    out, first = [], {}
    for i, task in enumerate(tasks):
        try:
            if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
                raise InputError("a task with a 'data' object is required", file=file, line=i + 1, field="data")
            data = task["data"]
            anns = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
            results = anns[0].get("result") if anns else None
            if annotated_only and not anns:
                continue
            if results is None and use_predictions and task.get("predictions"):
                results = task["predictions"][0].get("result")
            rid = data.get("id", task.get("id", i))
            rec = {"id": str(rid) if str(rid).startswith(f"{source}-") else f"{source}-{rid}",
                   "text": data.get("text"), "published": data.get("published"), "source": source,
                   "entities": _result_entities(results or [])}
            if data.get("annotated_labels"):
                rec["annotated_labels"] = data["annotated_labels"]
            rec = validate_record(rec, file=file, line=i + 1)
            if rec["id"] in first:
                raise InputError(f"duplicate id, also task {first[rec['id']]}", file=file, line=i + 1,
                                 record_id=rec["id"], field="id")
            first[rec["id"]] = i + 1
            out.append(rec)
        except InputError as exc:
            if not skip_invalid:
                raise
            if problems is not None:
                problems.append(exc)
    return out


def read_labelstudio(path: str | Path, use_predictions: bool = False, skip_invalid: bool = False,
                     problems: list[InputError] | None = None,
                     annotated_only: bool = False) -> list[dict[str, Any]]:
    """Read a Label Studio JSON export file (``line`` in errors = 1-based task index); only reads it."""
    file = str(path)
    try:
        tasks = json.loads(Path(path).read_bytes().decode("utf-8-sig"))
    except FileNotFoundError:
        raise InputError("file not found", file=file) from None
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8 at byte {exc.start}", file=file) from None
    except json.JSONDecodeError as exc:
        raise InputError(f"broken JSON: {exc.msg}", file=file, line=exc.lineno) from None
    if isinstance(tasks, dict):
        tasks = [tasks]
    if not isinstance(tasks, list):
        raise InputError(f"a list of tasks is required, got {type(tasks).__name__}", file=file)
    return tasks_to_records(tasks, file=file, use_predictions=use_predictions, skip_invalid=skip_invalid,
                            problems=problems, annotated_only=annotated_only)
