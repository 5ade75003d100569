"""Summarizer training on a tiny random base: completion-only labels, a run, its model dir loads."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "training"))

from summarizer_training import SummarizerTrainingArguments, collate, encode, examples  # noqa: E402

from diplomodel.briefer import Briefer  # noqa: E402
from diplomodel.data.views import linearize_brief  # noqa: E402
from diplomodel.models.summarizer import Summarizer, SummarizerConfig  # noqa: E402

ARTICLE = "RABAT - Moroccan Foreign Minister Karim Benali met Chilean Foreign Minister Lucia Ferrer."
BRIEF = {"is_meeting": True, "format": "in_person", "topics": ["trade", "fisheries"], "outcomes": [],
         "summary": "Benali and Ferrer met in Rabat."}


def _datasets(root: Path) -> Path:
    from datasets import Dataset, DatasetDict

    from diplomodel.data.views import summarizer_features

    rows = [{"id": f"m{i}", "source_text": ARTICLE, "target_text": linearize_brief(BRIEF)} for i in range(6)]
    rows.append({"id": "n", "source_text": "A statement.", "target_text": linearize_brief({"is_meeting": False,
                                                                                         "summary": "No."})})
    empty = {k: [] for k in ("id", "source_text", "target_text")}
    dd = DatasetDict({s: Dataset.from_list(rows, features=summarizer_features()) if s == "train"
                      else Dataset.from_dict(empty, features=summarizer_features())
                      for s in ("train", "validation", "test")})
    dd.save_to_disk(str(root / "summarizer" / "meetings_real"), num_shards={s: 1 for s in dd})
    return root


def test_examples_skip_non_meetings_and_labels_cover_only_the_completion(tmp_path: Path) -> None:
    args = SummarizerTrainingArguments(datasets=str(_datasets(tmp_path)), sources={"meetings_real": 1.5})
    rows = examples(args)
    assert len(rows) == 9 and {r["id"] for r in rows} == {f"m{i}" for i in range(6)}
    assert rows[0]["target"] == "summary: Benali and Ferrer met in Rabat.\ntopics: trade; fisheries\nformat: in_person"
    s = Summarizer.tiny_random(SummarizerConfig(max_source_tokens=32))
    enc = encode(rows[0], s, max_target_tokens=500)
    n_prompt = len(s.tokenizer(s.prompt(ARTICLE), add_special_tokens=False)["input_ids"])
    assert enc["labels"][:n_prompt] == [-100] * n_prompt
    assert s.tokenizer.decode(enc["labels"][n_prompt:]).replace(" ", "").startswith("summary:benali")
    batch = collate([enc, encode({**rows[0], "target": "summary: x"}, s, 500)], pad_id=0)
    assert batch["input_ids"].shape == batch["labels"].shape and (batch["labels"][1] == -100).sum() > n_prompt


def test_without_the_summary_line_targets_start_with_the_topics(tmp_path: Path) -> None:
    args = SummarizerTrainingArguments(datasets=str(_datasets(tmp_path)), sources={"meetings_real": 1.0},
                                       summary_line=False)
    targets = {r["target"] for r in examples(args)}
    assert targets == {"topics: trade; fisheries\nformat: in_person"}


def test_a_tiny_run_writes_a_model_dir_the_facade_loads(tmp_path: Path, tiny_model_dir: Path) -> None:
    from train_summarizer import main

    Summarizer.tiny_random(base_dir=tmp_path / "base")
    cfg = {"datasets": str(_datasets(tmp_path / "data")), "init_from": str(tiny_model_dir),
           "output": str(tmp_path / "out"), "work_dir": str(tmp_path / "ckpt"), "base": str(tmp_path / "base"),
           "sources": {"meetings_real": 1.0}, "max_source_tokens": 32, "max_new_tokens": 8,
           "lora_r": 2, "lora_alpha": 4, "lora_targets": ["q_proj", "v_proj"], "batch_size": 2,
           "max_steps": 2, "save_steps": 1, "logging_steps": 1}
    (tmp_path / "c.yaml").write_text(yaml.safe_dump(cfg))
    assert main(["--config", str(tmp_path / "c.yaml")]) == 0
    spec = json.loads((tmp_path / "out" / "diplomodel.json").read_text())["summarizer"]
    assert spec["class"] == "diplomodel.models.summarizer:Summarizer" and spec["training"]["examples"] == 6
    assert (tmp_path / "ckpt" / "checkpoint-2").is_dir()
    b = Briefer.from_pretrained(tmp_path / "out", device="cpu")
    assert isinstance(b.summarizer, Summarizer) and b.summarizer.config.max_new_tokens == 8
    assert main(["--config", str(tmp_path / "c.yaml"), "--resume", "--max-steps", "3"]) == 0


def test_a_config_key_nobody_reads_is_an_error_naming_the_file(tmp_path: Path) -> None:
    import pytest

    cfg = tmp_path / "summarizer.yaml"
    cfg.write_text("lora_r: 8\nepochz: 3\n")
    with pytest.raises(ValueError, match=r"summarizer\.yaml: unknown keys \['epochz'\]"):
        SummarizerTrainingArguments.from_yaml(cfg)
    cfg.write_text("lora_r: 8\n")
    assert SummarizerTrainingArguments.from_yaml(cfg, max_steps=7, output=None).max_steps == 7
