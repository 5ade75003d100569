"""Play the annotator on a real Label Studio through label-studio-sdk (run with Label Studio's Python).

    python tests/labelstudio/annotate.py --url http://127.0.0.1:8089 --token T \
        --tasks tasks.json --config tasks.xml --export export.json --corrections corrections.json

Creates a project with our labelling config, imports the tasks `diplomodel select` wrote, and for
each task submits an annotation as a person would after reading the pre-annotations: the model's
spans, with the first PERSON relabelled PARTICIPANT and one span of our own added (the first
occurrence of the task's ``meta.add`` word, labelled LOC, when given; model spans overlapping it
are removed). Writes the project's JSON
export and, for the test to check, the spans it submitted per task id.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from label_studio_sdk import LabelStudio


def corrected(task: dict) -> list[dict]:
    """The annotator's result for a task: the predictions, one relabelled, one span added."""
    pred = (task.get("predictions") or [{}])[0].get("result") or []
    out, relabelled = [], False
    for r in pred:
        value = dict(r["value"])
        if not relabelled and value["labels"] == ["PERSON"]:
            value["labels"], relabelled = ["PARTICIPANT"], True
        out.append({"from_name": r["from_name"], "to_name": r["to_name"], "type": "labels", "value": value})
    text, word = task["data"]["text"], (task.get("meta") or {}).get("add")
    if word and word in text:
        start = text.index(word)
        end = start + len(word)  # a span the model had there gives way, as a person would fix it
        out = [r for r in out if r["value"]["end"] <= start or r["value"]["start"] >= end]
        out.append({"from_name": "label", "to_name": "text", "type": "labels",
                    "value": {"start": start, "end": start + len(word), "text": word, "labels": ["LOC"]}})
    return out


def main() -> int:
    p = argparse.ArgumentParser()
    for name in ("url", "token", "tasks", "config", "export", "corrections"):
        p.add_argument(f"--{name}", required=True)
    ns = p.parse_args()
    ls = LabelStudio(base_url=ns.url, api_key=ns.token)
    project = ls.projects.create(title="diplomodel round trip", label_config=Path(ns.config).read_text("utf-8"))
    tasks = json.loads(Path(ns.tasks).read_text("utf-8"))
    ls.projects.import_tasks(id=project.id, request=tasks)
    submitted = {}
    for task in ls.tasks.list(project=project.id, fields="all"):
        mine = next(t for t in tasks if t["data"]["id"] == task.data["id"])
        result = corrected({**mine, "predictions": mine.get("predictions")})
        ls.annotations.create(id=task.id, result=result, was_cancelled=False, lead_time=12.5)
        submitted[task.data["id"]] = [(r["value"]["start"], r["value"]["end"], r["value"]["labels"][0])
                                      for r in result]
    with open(ns.export, "wb") as fh:
        for chunk in ls.projects.exports.download_sync(id=project.id, export_type="JSON"):
            fh.write(chunk)
    Path(ns.corrections).write_text(json.dumps(submitted), "utf-8")
    print(f"project {project.id}: {len(submitted)} tasks annotated and exported to {ns.export}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
