"""Annotation files of every format -> records; the held-out part; the errors a user sees."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from diplomodel.data.annotations import detect_format, hold_out, read_annotations
from diplomodel.errors import InputError

TEXT = "Ana Ruiz met Ivo Kral in Lima on Monday."


def _jsonl(path: Path, rows: list) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    return path


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    ls = [{"id": 1, "data": {"id": "t1", "text": TEXT, "published": "2024-05-06"}, "annotations": [{"result": [
        {"type": "labels", "value": {"start": 0, "end": 8, "text": "Ana Ruiz", "labels": ["PARTICIPANT"]}}]}]},
          {"id": 2, "data": {"id": "t2", "text": "Nobody has looked at this one yet."}, "annotations": []}]
    (tmp_path / "export.json").write_text(json.dumps(ls), "utf-8")
    return {
        "labelstudio": tmp_path / "export.json",
        "doccano": _jsonl(tmp_path / "doccano.jsonl", [{"id": 5, "text": TEXT, "label": [[13, 21, "PARTICIPANT"]]}]),
        "briefs": _jsonl(tmp_path / "briefs.jsonl", [{"id": "b1", "text": TEXT, "brief": {
            "is_meeting": True, "participants": [{"name": "Ana Ruiz"}, {"name": "Ivo Kral"}]}}]),
        "records": _jsonl(tmp_path / "records.jsonl", [{"id": "r1", "text": TEXT, "entities": [
            {"start": 25, "end": 29, "label": "LOC"}], "annotated_labels": ["LOC"]}]),
        "conll": _write(tmp_path / "mine.conll", "-DOCSTART- -X- -X- O\n\nAna NNP I-NP I-PER\nRuiz NNP I-NP I-PER\n"
                        "met VBD I-VP O\nIvo NNP I-NP I-PER\n. . O O\n"),
    }


def _write(path: Path, text: str) -> Path:
    path.write_text(text, "utf-8")
    return path


def test_every_format_is_detected(files: dict[str, Path]) -> None:
    assert {fmt: detect_format(p) for fmt, p in files.items()} == {fmt: fmt for fmt in files}


def test_every_format_reads_to_records_with_its_spans(files: dict[str, Path]) -> None:
    recs, skipped = read_annotations(list(files.values()))
    spans = {r["id"]: [(r["text"][e["start"]:e["end"]], e["label"]) for e in r["entities"]] for r in recs}
    assert skipped == 0
    assert spans["labelstudio-t1"] == [("Ana Ruiz", "PARTICIPANT")]
    assert "labelstudio-t2" not in spans  # nobody annotated it: not "no entities here"
    assert spans["doccano-5"] == [("Ivo Kral", "PARTICIPANT")]
    assert ("Ana Ruiz", "PARTICIPANT") in spans["b1"] and ("Ivo Kral", "PARTICIPANT") in spans["b1"]
    assert spans["r1"] == [("Lima", "LOC")]
    assert [s for s in spans.values() if ("Ana Ruiz", "PERSON") in s]  # the CoNLL document
    assert next(r for r in recs if r["id"] == "labelstudio-t1")["published"] == "2024-05-06"


def test_a_bad_record_names_file_line_and_field_or_is_counted(tmp_path: Path) -> None:
    bad = _jsonl(tmp_path / "bad.jsonl", [{"id": "a", "text": TEXT, "entities": []},
                                          {"id": "b", "text": TEXT, "entities": [{"start": 0, "end": 2, "label": "PERSON"}]}])
    with pytest.raises(InputError) as exc:
        read_annotations([bad])
    assert "bad.jsonl" in str(exc.value) and ":2" in str(exc.value) and "entities[0]" in str(exc.value)
    problems: list = []
    recs, skipped = read_annotations([bad], skip_invalid=True, problems=problems)
    assert [r["id"] for r in recs] == ["a"] and skipped == 1 and len(problems) == 1


def test_an_id_in_two_files_is_an_error(tmp_path: Path) -> None:
    row = {"id": "same", "text": TEXT, "entities": []}
    one, two = _jsonl(tmp_path / "one.jsonl", [row]), _jsonl(tmp_path / "two.jsonl", [row])
    with pytest.raises(InputError, match="duplicate id"):
        read_annotations([one, two])
    assert read_annotations([one, two], skip_invalid=True)[1] == 1


def test_nothing_to_learn_from_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="nothing to learn from"):
        detect_format(_jsonl(tmp_path / "plain.jsonl", [{"id": "a", "text": TEXT}]))
    with pytest.raises(InputError, match="file not found"):
        detect_format(tmp_path / "missing.json")


def test_hold_out_is_seeded_disjoint_and_complete() -> None:
    recs = [{"id": f"r{i}"} for i in range(50)]
    train, held = hold_out(recs, 0.2, seed=3)
    assert len(held) == 10 and len(train) == 40
    assert {r["id"] for r in train} | {r["id"] for r in held} == {r["id"] for r in recs}
    assert hold_out(list(reversed(recs)), 0.2, seed=3)[1] == list(reversed(held))  # order-free choice
    assert hold_out(recs, 0.2, seed=4)[1] != held
    with pytest.raises(ValueError):
        hold_out(recs, 1.0)
