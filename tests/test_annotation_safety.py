"""Importing a user's annotation files never modifies them; invalid records are named and kept out.

Every reader, and training/build_datasets.py over all of them, runs on files with good and bad
records; the files' bytes, size and modification time are compared before and after.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
import yaml

from diplomodel.data.importers.briefs import read_briefs
from diplomodel.data.importers.doccano import read_doccano
from diplomodel.data.importers.labelstudio import read_labelstudio
from diplomodel.data.record import read_records
from diplomodel.errors import InputError

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TEXT = "Ana Ruiz met Ivo Kral in Oslo\u2028on Monday."


def doccano_file(path: Path) -> Path:
    lines = [json.dumps({"id": 1, "text": TEXT, "label": [[0, 8, "PARTICIPANT"], [13, 21, "PARTICIPANT"]]},
                        ensure_ascii=False),
             json.dumps({"id": 2, "text": TEXT, "label": [[0, 5, "PARTICIPANT"]]}),            # mid-word
             json.dumps({"id": 3, "text": TEXT, "label": [[25, 29, "CITY"]]}),                 # bad label
             '{"id": 4, "text": "broken',                                                      # broken JSON
             json.dumps({"id": 1, "text": TEXT, "label": []}),                                 # repeated id
             json.dumps({"id": 6, "text": "Kral met Ruiz.", "label": [[0, 4, "PERSON"]]})]
    path.write_bytes(("\r\n".join(lines) + "\n").encode("utf-8"))
    return path


def briefs_file(path: Path) -> Path:
    rows = [{"id": "b1", "text": TEXT, "published": "2024-05-06", "brief": {"is_meeting": True}},
            {"id": "b2", "text": TEXT, "published": "31 February"},
            {"id": "b3", "text": TEXT, "published": "2024-02-31"},
            {"id": "b4", "text": "", "brief": {}},
            {"id": "b5", "text": TEXT, "brief": {"format": "smoke_signals"}},
            {"id": "b6", "text": "Ruiz met Kral.", "published": None}]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def labelstudio_file(path: Path) -> Path:
    def task(i, text, results):
        return {"id": i, "data": {"text": text}, "annotations": [{"result": results}]}

    def label(s, e, lab, text=None):
        value = {"start": s, "end": e, "labels": [lab]}
        if text is not None:
            value["text"] = text
        return {"type": "labels", "value": value}

    tasks = [task(1, TEXT, [label(0, 8, "PARTICIPANT", "Ana Ruiz")]),
             task(2, TEXT, [label(0, 8, "PARTICIPANT", "Ivo Kral")]),   # text differs from the span
             task(3, TEXT, [label(0, 99, "PERSON")]),                   # out of range
             {"id": 4, "annotations": []},                              # no data
             task(5, "Kral met Ruiz.", [label(9, 13, "PERSON")])]
    path.write_text(json.dumps(tasks, ensure_ascii=False, indent=1), "utf-8")
    return path


def snapshot(paths: list[Path]) -> list[tuple[bytes, int, int, int]]:
    return [(p.read_bytes(), p.stat().st_size, p.stat().st_mtime_ns, p.stat().st_mode) for p in paths]


@pytest.fixture
def user_files(tmp_path: Path) -> list[Path]:
    files = [doccano_file(tmp_path / "doccano.jsonl"), briefs_file(tmp_path / "briefs.jsonl"),
             labelstudio_file(tmp_path / "ls.json")]
    past = 1_600_000_000_000_000_000  # an old mtime, so any rewrite would show
    for f in files:
        os.utime(f, ns=(past, past))
    return files


def test_readers_name_file_line_field_and_keep_bad_records_out(user_files: list[Path]) -> None:
    doccano, briefs, ls = user_files
    before = snapshot(user_files)

    with pytest.raises(InputError) as err:
        read_doccano(doccano)
    assert str(err.value).startswith(f"{doccano}:2: record 'doccano-2': field \"entities[0]\"")

    problems: list[InputError] = []
    recs, skipped = read_doccano(doccano, skip_invalid=True, problems=problems)
    assert [r["id"] for r in recs] == ["doccano-1", "doccano-6"] and recs[0]["text"] == TEXT
    assert skipped == 4 and [e.line for e in problems] == [2, 3, 4, 5]
    assert [e.field for e in problems] == ["entities[0]", "entities[0]", None, "id"]
    assert all(e.file == str(doccano) for e in problems)
    assert "broken JSON" in str(problems[2]) and "duplicate id" in str(problems[3])

    problems = []
    recs, skipped = read_briefs(briefs, skip_invalid=True, problems=problems)
    assert [r["id"] for r in recs] == ["b1", "b6"] and skipped == 4
    assert [(e.line, e.record_id, e.field) for e in problems] == [
        (2, "b2", "published"), (3, "b3", "published"), (4, "b4", "text"), (5, "b5", "brief")]

    problems = []
    recs = read_labelstudio(ls, skip_invalid=True, problems=problems)
    assert [r["id"] for r in recs] == ["labelstudio-1", "labelstudio-5"]
    assert [(e.line, e.field) for e in problems] == [(2, "entities[0]"), (3, "entities[0]"), (4, "data")]

    assert snapshot(user_files) == before


def test_build_datasets_reports_counts_and_never_touches_the_files(user_files: list[Path], tmp_path: Path,
                                                                   capsys) -> None:
    from training import build_datasets

    doccano, briefs, ls = user_files
    cfg = {"data_root": str(tmp_path / "none"), "seed_dir": None, "split_ratios": [0.6, 0.2, 0.2],
           "sources": {"synthetic": False, "doccano": [str(doccano)], "briefs": [str(briefs)],
                       "labelstudio": [str(ls)]},
           "synthetic": {"seed": 1}, "mixture": {}}
    (tmp_path / "c.yaml").write_text(yaml.safe_dump(cfg))
    before = snapshot(user_files)

    out = tmp_path / "strict"
    assert build_datasets.main(["--config", str(tmp_path / "c.yaml"), "--out", str(out)]) == 2
    captured = capsys.readouterr()
    assert f"build_datasets: error: {doccano}:2: record 'doccano-2': field \"entities[0]\"" in captured.err
    assert "--skip-invalid" in captured.err and "Traceback" not in captured.err
    assert not out.exists()  # nothing written

    out = tmp_path / "lenient"
    assert build_datasets.main(["--config", str(tmp_path / "c.yaml"), "--out", str(out), "--skip-invalid"]) == 0
    captured = capsys.readouterr()
    assert "skipped invalid records: doccano=4, briefs=4, labelstudio=3" in captured.out
    named = [line for line in captured.err.splitlines() if line.startswith("skipped invalid record (")]
    assert len(named) == 11
    assert f"skipped invalid record (briefs): {briefs}:2: record 'b2': field \"published\"" in captured.err
    assert "Invalid records skipped: doccano 4, briefs 4, labelstudio 3" in (out / "README.md").read_text()
    assert snapshot(user_files) == before


def test_clean_files_with_skip_invalid_report_none(tmp_path: Path, capsys) -> None:
    from training import build_datasets

    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"id": "g1", "text": "Ruiz met Kral.", "brief": {"is_meeting": True}}) + "\n")
    cfg = {"data_root": str(tmp_path / "none"), "seed_dir": None, "sources": {"briefs": [str(good)]},
           "synthetic": {"seed": 1}, "mixture": {}}
    (tmp_path / "c.yaml").write_text(yaml.safe_dump(cfg))
    assert build_datasets.main(["--config", str(tmp_path / "c.yaml"), "--out", str(tmp_path / "o"),
                                "--skip-invalid"]) == 0
    assert "skipped invalid records: none" in capsys.readouterr().out


def test_missing_annotation_file_is_one_clear_error(tmp_path: Path) -> None:
    for reader in (read_doccano, read_briefs, read_labelstudio, read_records):
        with pytest.raises(InputError, match=r"nope\.jsonl: file not found"):
            reader(tmp_path / "nope.jsonl")
