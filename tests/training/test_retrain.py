"""`diplomodel train` (training/retrain.py): refusals, bad records, and a whole tiny run with its card."""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PEOPLE = [("Ana Ruiz", "Ivo Kral"), ("Lea Moreau", "Omar Haddad"), ("Sara Lind", "Tomas Berg"),
          ("Mia Costa", "Ravi Nair"), ("Eva Novak", "Ken Sato")]


def _cli(env: dict[str, str], *args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "diplomodel.cli", "train", *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)


def _briefs(path: Path, n: int, offset: int = 0) -> Path:
    rows = []
    for i in range(n):
        a, b = PEOPLE[(i + offset) % len(PEOPLE)]
        rows.append({"id": f"u{offset + i}", "published": "2024-05-06",
                     "text": f"Foreign Minister {a} met {b} in Lima on Monday to discuss fisheries, case {offset + i}.",
                     "brief": {"is_meeting": True, "format": "in_person",
                               "participants": [{"name": a, "title": "Foreign Minister", "country": "Peru"},
                                                {"name": b}]}})
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    return path


def _configs(tiny_lora_model: Path) -> list[str]:
    tmp = tiny_lora_model.parent
    return ["--data-config", str(tmp / "data.yaml"), "--tagger-config", str(tmp / "tagger.yaml")]


def test_the_shipped_model_and_the_start_model_are_never_overwritten(tmp_path: Path, cli_env: dict[str, str]) -> None:
    ann = _briefs(tmp_path / "mine.jsonl", 3)
    for out in ("models/default", str(ROOT / "models" / "default")):
        done = _cli(cli_env, "--annotations", str(ann), "--out", out, timeout=120)
        assert done.returncode == 2 and "refusing to overwrite" in done.stderr
        assert "Traceback" not in done.stderr
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("keep me")
    done = _cli(cli_env, "--annotations", str(ann), "--out", str(tmp_path / "full"), timeout=120)
    assert done.returncode == 2 and "--overwrite" in done.stderr
    assert (tmp_path / "full" / "x").read_text() == "keep me"


def test_a_bad_record_stops_the_run_with_file_line_and_field(tmp_path: Path, cli_env: dict[str, str]) -> None:
    ann = _briefs(tmp_path / "mine.jsonl", 2)
    with ann.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "u9", "text": "x", "published": "someday", "brief": {}}) + "\n")
    done = _cli(cli_env, "--annotations", str(ann), "--out", str(tmp_path / "new"), timeout=120)
    assert done.returncode == 2, done.stderr
    assert "mine.jsonl:3" in done.stderr and '"published"' in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "new").exists()


def test_a_tiny_run_writes_a_model_dir_whose_card_compares_old_and_new(tmp_path: Path, tiny_lora_model: Path, cli_env: dict[str, str]) -> None:
    ann = _briefs(tmp_path / "mine.jsonl", 10)
    dev = _briefs(tmp_path / "dev.jsonl", 3, offset=50)
    adapter = tiny_lora_model / "tagger" / "adapter_model.safetensors"
    before = hashlib.sha256(adapter.read_bytes()).hexdigest()
    out = tmp_path / "mine"
    done = _cli(cli_env, "--annotations", str(ann), "--from", str(tiny_lora_model), "--out", str(out), "--max-steps", "2",
                "--dev", str(dev), *_configs(tiny_lora_model))
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "8 to train on, 2 held out" in done.stdout
    figures = json.loads((out / "retrain.json").read_text("utf-8"))
    for side in ("old", "new"):
        assert figures[side]["dev"]["documents"] == 3
        assert figures[side]["heldout_briefs"]["documents"] == 2
        assert 0.0 <= figures[side]["dev"]["participants"]["f1"] <= 1.0
    card = (out / "README.md").read_text("utf-8")
    assert "old vs new" in card and "| dev (3 documents) | participant_f1 |" in card
    assert (out / "tagger" / "adapter_model.safetensors").exists()
    assert hashlib.sha256(adapter.read_bytes()).hexdigest() == before  # the start model is only read
    meta = json.loads((out / "diplomodel.json").read_text("utf-8"))
    assert meta["tagger"]["training"]["init_from"] == str(tiny_lora_model)
    assert meta["tagger"]["training"]["mixture"]["annotations"] == 3.0
    assert meta["officials"]["entries"] >= 1 and meta["officials"]["briefs"] == 8  # the train part only

    from diplomodel.briefer import Briefer

    loaded = Briefer.from_pretrained(out)
    brief = loaded(["Foreign Minister Ana Ruiz met Ivo Kral in Lima."], summary=False)[0]
    assert brief.to_dict()["is_meeting"] in (True, False)
    trained = {json.loads(line)["id"] for line in (Path(f"{out}.work") / "annotations_train.jsonl").read_text().splitlines()}
    for i, (a, _) in enumerate(PEOPLE):  # a first participant trained on is known; one only held out is not
        ids = {f"u{i}", f"u{i + len(PEOPLE)}"}
        assert loaded.officials.country_of(a) == ("Peru" if ids & trained else None)


def test_summarizer_retraining_continues_the_adapter_on_briefs_with_summaries(
        tmp_path: Path, tiny_lora_model: Path, cli_env: dict[str, str]) -> None:
    import shutil

    import yaml

    from diplomodel.models.summarizer import Summarizer

    start = tmp_path / "start"
    shutil.copytree(tiny_lora_model, start)
    Summarizer.tiny_random(base_dir=tmp_path / "sbase").save_pretrained(start / "summarizer")
    meta = json.loads((start / "diplomodel.json").read_text("utf-8"))
    meta["summarizer"] = {"class": "diplomodel.models.summarizer:Summarizer", "path": "summarizer"}
    (start / "diplomodel.json").write_text(json.dumps(meta), "utf-8")
    scfg = tmp_path / "summarizer.yaml"
    scfg.write_text(yaml.safe_dump({"base": str(tmp_path / "sbase"), "sources": {"meetings_real": 3.0},
                                    "max_source_tokens": 32, "max_new_tokens": 8, "batch_size": 2,
                                    "max_steps": 2, "save_steps": 1, "logging_steps": 1}), "utf-8")
    plain = _briefs(tmp_path / "plain.jsonl", 4)
    no_summary = _cli(cli_env, "--annotations", str(plain), "--from", str(tiny_lora_model), "--summarizer",
                      "--out", str(tmp_path / "x"), *_configs(tiny_lora_model), timeout=120)
    assert no_summary.returncode == 2 and "has no summarizer" in no_summary.stderr
    rows = [json.loads(x) for x in plain.read_text("utf-8").splitlines()]
    for r in rows:
        r["brief"].update(topics=["fisheries"], summary=f"{r['brief']['participants'][0]['name']} met in Lima.")
    ann = tmp_path / "mine.jsonl"
    ann.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    out = tmp_path / "mine"
    done = _cli(cli_env, "--annotations", str(ann), "--from", str(start), "--out", str(out), "--max-steps", "2",
                "--summarizer", "--summarizer-config", str(scfg), "--heldout", "0.25", "--dev", "",
                *_configs(tiny_lora_model))
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    spec = json.loads((out / "diplomodel.json").read_text("utf-8"))["summarizer"]
    assert spec["training"]["adapter_from"] == str(start / "summarizer")
    assert spec["training"]["sources"] == {"annotations": 3.0}  # no real train split was built here
    assert (out / "summarizer" / "adapter_model.safetensors").read_bytes() != \
        (start / "summarizer" / "adapter_model.safetensors").read_bytes()
    figures = json.loads((out / "retrain.json").read_text("utf-8"))
    assert "topic_recall" in figures["new"]["heldout_briefs"]
