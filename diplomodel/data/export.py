"""Model predictions -> Label Studio pre-annotation tasks (to correct by hand, then re-import).

Example:
    >>> from diplomodel.models.labels import Entity
    >>> from diplomodel.data.importers.labelstudio import tasks_to_records
    >>> tasks = to_labelstudio(["Lopez met Bishop."], [[Entity(10, 16, "PERSON", 0.9, "Bishop")]],
    ...                        ids=["a"], model_version="t1")
    >>> tasks[0]["predictions"][0]["result"][0]["value"]["labels"]
    ['PERSON']
    >>> tasks_to_records(tasks, use_predictions=True)[0]["entities"]
    [{'start': 10, 'end': 16, 'label': 'PERSON'}]
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Sequence

from diplomodel.models.labels import ENTITY_LABELS, Entity


def to_labelstudio(texts: Sequence[str], predictions: Sequence[Sequence[Entity]],
                   ids: Sequence[str] | None = None, model_version: str = "",
                   from_name: str = "label", to_name: str = "text",
                   published: Sequence[str | None] | None = None) -> list[dict[str, Any]]:
    """One Label Studio task per text with the entities as a ``predictions`` entry.

    ``ids`` and ``published`` (ISO dates) travel in the task's data, so an export reads back as the
    same records.
    """
    if len(texts) != len(predictions):
        raise ValueError(f"{len(texts)} texts but {len(predictions)} prediction lists")
    tasks = []
    for i, (text, ents) in enumerate(zip(texts, predictions)):
        result = []
        for j, e in enumerate(ents):
            result.append({"id": f"p{i}-{j}", "from_name": from_name, "to_name": to_name, "type": "labels",
                           "value": {"start": e.start, "end": e.end, "text": text[e.start:e.end],
                                     "labels": [e.label]}, "score": round(float(e.score), 4)})
        score = min((float(e.score) for e in ents), default=1.0)
        data = {"text": text}
        if ids is not None:
            data["id"] = ids[i]
        if published is not None and published[i]:
            data["published"] = published[i]
        tasks.append({"data": data, "predictions": [{"model_version": model_version,
                                                     "score": round(score, 4), "result": result}]})
    return tasks


def labeling_config(labels: Sequence[str] = ENTITY_LABELS) -> str:
    """The Label Studio labeling config XML matching :func:`to_labelstudio`'s names."""
    inner = "".join(f'<Label value="{lab}"/>' for lab in labels)
    return f'<View><Labels name="label" toName="text">{inner}</Labels><Text name="text" value="$text"/></View>'


def write_labelstudio(path: str | Path, tasks: list[dict[str, Any]]) -> None:
    """Write tasks as a Label Studio import file (JSON list, UTF-8)."""
    Path(path).write_text(json.dumps(tasks, ensure_ascii=False, indent=1), encoding="utf-8")
