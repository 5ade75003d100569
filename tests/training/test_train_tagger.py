"""Tagger training on a tiny random base: partial-label loss, kill + --resume from the last checkpoint."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[2]
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
    env.setdefault("OMP_NUM_THREADS", "1")  # small matrices: one thread is faster on a busy CPU
    return subprocess.Popen([sys.executable, str(ROOT / "training" / "train_tagger.py"), "--config",
                             str(cfg), *extra], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, cwd=ROOT, **kw)


#: Runs the real train_tagger.main, SIGKILLing itself right after checkpoint KILL_AT is on disk:
#: a kill at a known point, without racing a 40-steps-a-second run from outside.
KILL_AFTER_SAVE = """
import os, signal, sys
sys.path.insert(0, {training!r})
from transformers import TrainerCallback
import train_tagger

class KillAfterSave(TrainerCallback):
    def on_save(self, args, state, control, **kwargs):
        if state.global_step >= {step}:
            os.kill(os.getpid(), signal.SIGKILL)

init = train_tagger.PartialLabelTrainer.__init__
def patched(self, *a, **k):
    init(self, *a, **k)
    self.add_callback(KillAfterSave())
train_tagger.PartialLabelTrainer.__init__ = patched
sys.exit(train_tagger.main())
"""


def _final_metrics(out: str) -> dict:
    """The full-precision metrics train_tagger prints after its last evaluation."""
    start = out.rindex("\n{\n")
    return json.loads(out[start:out.index("\n}", start) + 2])


def _adapter(model_dir: Path) -> dict:
    from safetensors.torch import load_file

    return load_file(model_dir / "tagger" / "adapter_model.safetensors")


def test_killed_after_a_checkpoint_resumes_to_the_same_final_metrics(tmp_path):
    steps, every, kill_at = 24, 8, 8
    ref_cfg = _tiny_setup(tmp_path / "ref", max_steps=steps, save_steps=every)
    ref = _run(ref_cfg)
    ref_out, _ = ref.communicate(timeout=600)
    assert ref.returncode == 0, ref_out

    cfg = _tiny_setup(tmp_path / "kill", max_steps=steps, save_steps=every)
    env = dict(os.environ, PYTHONUNBUFFERED="1", CUDA_VISIBLE_DEVICES="")
    env.setdefault("OMP_NUM_THREADS", "1")  # small matrices: one thread is faster on a busy CPU
    code = KILL_AFTER_SAVE.format(training=str(ROOT / "training"), step=kill_at)
    killed = subprocess.run([sys.executable, "-c", code, "--config", str(cfg)], env=env, cwd=ROOT,
                            capture_output=True, text=True, timeout=600)
    assert killed.returncode == -signal.SIGKILL, killed.stdout + killed.stderr
    run = tmp_path / "kill" / "run"
    assert sorted(d.name for d in run.glob("checkpoint-*")) == [f"checkpoint-{kill_at}"]
    assert not (tmp_path / "kill" / "model").exists()

    resumed = _run(cfg, "--resume")
    out, _ = resumed.communicate(timeout=600)
    assert resumed.returncode == 0, out
    assert f"resuming from {run / f'checkpoint-{kill_at}'}" in out
    state = json.loads((run / f"checkpoint-{steps}" / "trainer_state.json").read_text())
    assert state["global_step"] == steps
    assert _final_metrics(out)["eval_loss"] == _final_metrics(ref_out)["eval_loss"]
    meta = [json.loads((tmp_path / d / "model" / "diplomodel.json").read_text()) for d in ("ref", "kill")]
    assert meta[0]["tagger"]["training"]["validation"] == meta[1]["tagger"]["training"]["validation"]
    a, b = _adapter(tmp_path / "ref" / "model"), _adapter(tmp_path / "kill" / "model")
    assert a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)


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
