"""Tagger training on a tiny random base: partial-label loss, kill + --resume from the last checkpoint."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))

from tagger_training import allowed_table, partial_label_loss, unannotated_mask  # noqa: E402

from diplomodel.models.labels import BIO_LABELS, LABEL2ID  # noqa: E402


def test_partial_loss_lets_unannotated_labels_hide_behind_o():
    table = allowed_table()
    logits = torch.full((1, 1, len(BIO_LABELS)), -10.0)
    logits[0, 0, LABEL2ID["B-TITLE"]] = 10.0          # the model says TITLE
    gold_o = torch.tensor([[LABEL2ID["O"]]])
    conll = torch.tensor([unannotated_mask(["PERSON", "ORG", "LOC", "COUNTRY"])])
    full = torch.tensor([unannotated_mask(None)])
    # CoNLL never annotated titles: predicting TITLE on its "O" costs nothing ...
    assert partial_label_loss(logits, gold_o, conll, table) < 1e-3
    # ... but a fully annotated source punishes it.
    assert partial_label_loss(logits, gold_o, full, table) > 5


def test_partial_loss_person_without_roles_accepts_participant():
    table = allowed_table()
    logits = torch.full((1, 1, len(BIO_LABELS)), -10.0)
    logits[0, 0, LABEL2ID["B-PARTICIPANT"]] = 10.0
    gold = torch.tensor([[LABEL2ID["B-PERSON"]]])
    conll = torch.tensor([unannotated_mask(["PERSON", "ORG", "LOC", "COUNTRY"])])
    assert partial_label_loss(logits, gold, conll, table) < 1e-3
    # an O in CoNLL cannot hide a participant: people are annotated there
    gold_o = torch.tensor([[LABEL2ID["O"]]])
    assert partial_label_loss(logits, gold_o, conll, table) > 5


def _tiny_setup(tmp_path: Path, max_steps: int, save_steps: int) -> Path:
    from datasets import ClassLabel, Dataset, DatasetDict, Features, Sequence, Value

    from diplomodel.models.tagger import Tagger

    tiny = Tagger.tiny_random(seed=1)
    base = tmp_path / "base"
    tiny.model.save_pretrained(base)
    tiny.tokenizer.save_pretrained(base)
    words = "Foreign Minister Ana Lopez met Ali Khan in Rabat on Monday .".split()
    tags = ["B-TITLE", "I-TITLE", "B-PARTICIPANT", "I-PARTICIPANT", "O", "B-PARTICIPANT",
            "I-PARTICIPANT", "O", "B-LOC", "O", "B-DATE", "O"]
    feats = Features({"id": Value("string"), "source": Value("string"),
                      "words": Sequence(Value("string")), "tags": Sequence(ClassLabel(names=BIO_LABELS)),
                      "annotated_labels": Sequence(Value("string"))})
    rows = {"id": [f"d{i}" for i in range(32)], "source": ["synthetic"] * 32,
            "words": [words * 3] * 32, "tags": [tags * 3] * 32, "annotated_labels": [[]] * 32}
    ds = Dataset.from_dict(rows, features=feats)
    DatasetDict({"synthetic_train": ds, "synthetic_validation": ds.select(range(4))}).save_to_disk(
        tmp_path / "ds")
    cfg = tmp_path / "tagger.yaml"
    cfg.write_text(json.dumps({
        "datasets": str(tmp_path / "ds"), "output": str(tmp_path / "model"),
        "work_dir": str(tmp_path / "run"), "base": str(base), "max_length": 16, "stride": 4,
        "batch_size": 2, "max_steps": max_steps, "save_steps": save_steps, "eval_steps": 1000,
        "logging_steps": 5, "lora_r": 4, "lora_alpha": 8, "train_on": "synthetic"}))
    return cfg


def _run(cfg: Path, *extra: str, **kw) -> subprocess.Popen:
    env = dict(os.environ, PYTHONUNBUFFERED="1", CUDA_VISIBLE_DEVICES="")
    return subprocess.Popen([sys.executable, str(ROOT / "training" / "train_tagger.py"), "--config",
                             str(cfg), *extra], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, cwd=ROOT, **kw)


def test_resume_after_kill_continues_from_last_checkpoint(tmp_path):
    cfg = _tiny_setup(tmp_path, max_steps=400, save_steps=10)
    proc = _run(cfg)
    run = tmp_path / "run"
    deadline = time.time() + 240
    while time.time() < deadline and proc.poll() is None:
        done = [d for d in run.glob("checkpoint-*") if (d / "trainer_state.json").exists()]
        if any(int(d.name.split("-")[1]) >= 20 for d in done):
            break
        time.sleep(0.05)
    assert proc.poll() is None, "training ended before it could be killed:\n" + proc.stdout.read()
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done = sorted(int(d.name.split("-")[1]) for d in run.glob("checkpoint-*")
                  if (d / "trainer_state.json").exists())
    assert done and done[-1] < 400
    resumed = _run(cfg, "--resume")
    out, _ = resumed.communicate(timeout=600)
    assert resumed.returncode == 0, out
    assert f"resuming from {run / f'checkpoint-{done[-1]}'}" in out
    state = json.loads(sorted(run.glob("checkpoint-*"), key=lambda d: int(d.name.split("-")[1]))[-1]
                       .joinpath("trainer_state.json").read_text())
    assert state["global_step"] == 400
    assert (tmp_path / "model" / "tagger" / "adapter_model.safetensors").exists()
    meta = json.loads((tmp_path / "model" / "diplomodel.json").read_text())
    assert meta["tagger"]["adapter"] is True


def test_same_seed_same_metrics(tmp_path):
    metrics = []
    for i in range(2):
        cfg = _tiny_setup(tmp_path / f"r{i}", max_steps=6, save_steps=100)
        proc = _run(cfg)
        out, _ = proc.communicate(timeout=600)
        assert proc.returncode == 0, out
        meta = json.loads((tmp_path / f"r{i}" / "model" / "diplomodel.json").read_text())
        metrics.append(meta["tagger"]["training"]["validation"])
    assert metrics[0] == metrics[1]
