"""training/build_officials.py: the table is built from brief files into a model dir, recorded in
its config, and never from a held-out split or a report that repeats one."""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "training"))
import build_officials  # noqa: E402

from diplomodel.briefer import Briefer  # noqa: E402


def _line(rid: str, text: str, people: list[tuple[str, str]]) -> str:
    brief = {"is_meeting": True, "participants": [{"name": n, "country": c} for n, c in people], "mentioned": []}
    return json.dumps({"id": rid, "text": text, "published": "2024-05-06", "brief": brief}) + "\n"


def test_build_writes_the_table_and_refuses_held_out_reports(tiny_model_dir: Path, tmp_path: Path) -> None:
    model = tmp_path / "model"
    shutil.copytree(tiny_model_dir, model)
    data = tmp_path / "real"
    data.mkdir()
    (data / "train.jsonl").write_text(_line("r1", "Ana Ruiz met Ivo Kral in Lima.", [("Ana Ruiz", "Peru"),
                                                                                      ("Ivo Kral", "Czechia")]))
    assert build_officials.main([str(model), "--briefs", str(data / "train.jsonl")]) == 0
    cfg = json.loads((model / "diplomodel.json").read_text())
    assert cfg["officials"]["entries"] == 2 and cfg["officials"]["briefs"] == 1
    assert Briefer.from_pretrained(model, device="cpu").officials.country_of("Ivo Kral") == "Czechia"

    (data / "dev.jsonl").write_text(_line("d1", "Ana Ruiz met Ivo Kral in Lima.", [("Ana Ruiz", "Chile")]))
    assert build_officials.main([str(model), "--briefs", str(data / "dev.jsonl")]) == 2
    assert build_officials.main([str(model), "--briefs", str(data / "train.jsonl")]) == 2  # repeats d1's text
    assert json.loads((model / "officials.json").read_text())["officials"][0]["countries"] == {"Peru": 1}


def test_a_bad_brief_line_is_an_error_naming_the_line(tiny_model_dir: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    model = tmp_path / "model"
    shutil.copytree(tiny_model_dir, model)
    bad = tmp_path / "briefs.jsonl"
    bad.write_text(_line("r1", "Ana Ruiz met Ivo Kral.", [("Ana Ruiz", "Peru")]) + "{oops\n")
    assert build_officials.main([str(model), "--briefs", str(bad)]) == 2
    assert f"{bad}:2" in capsys.readouterr().err
    assert not (model / "officials.json").exists()
