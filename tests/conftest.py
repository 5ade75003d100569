"""Shared fixtures: a tiny random model dir, and a schema check on every brief the suite makes.

Every ``Briefer.__call__`` during a test is wrapped so each brief it returns is validated against
``diplomodel/brief.schema.json``; briefs that come back from subprocesses (CLI runs) go through the
``check_brief`` fixture. Tests that need the real shipped model are marked ``real_model`` and are
skipped when ``models/default/diplomodel.json`` is missing.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable

import pytest

REPO = Path(__file__).resolve().parents[1]
REAL_MODEL_DIR = REPO / "models" / "default"
EXAMPLES = REPO / "examples"

#: Briefs validated so far in this session (a test can check it grew).
VALIDATED: list[int] = [0]


def validate_brief(d: Any) -> dict[str, Any]:
    """Schema-validate one brief (dict, JSON string or MeetingBrief) and check it round-trips."""
    from diplomodel.schema import MeetingBrief, validate_brief_dict

    if isinstance(d, MeetingBrief):
        d = d.to_dict()
    elif isinstance(d, str):
        d = json.loads(d)
    validate_brief_dict(d)
    assert MeetingBrief.from_dict(d).to_dict() == d
    VALIDATED[0] += 1
    return d


def tag(text: str, spec: list[tuple[str, str]], every: bool = True) -> list[Any]:
    """Entities for each (substring, label), at every occurrence (word-bounded), sorted, no overlaps:
    a hand-made tagger output for the extraction tests."""
    import re

    from diplomodel.models.labels import Entity

    out: list[Entity] = []
    taken: list[tuple[int, int]] = []
    for sub, label in spec:
        for m in re.finditer(r"(?<!\w)" + re.escape(sub) + r"(?!\w)", text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            out.append(Entity(m.start(), m.end(), label, 1.0, sub))
            taken.append(m.span())
            if not every:
                break
    return sorted(out, key=lambda e: e.start)


def check(brief: Any) -> dict[str, Any]:
    """The brief as a dict, schema-validated."""
    return validate_brief(brief)


def pytest_configure(config: pytest.Config) -> None:
    """One torch thread: on a shared, busy CPU two OpenMP threads make the tiny model's small
    matrix products up to 100x slower (they spin waiting for each other)."""
    import torch

    if "OMP_NUM_THREADS" not in os.environ:
        torch.set_num_threads(1)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if (REAL_MODEL_DIR / "diplomodel.json").is_file():
        return
    skip = pytest.mark.skip(reason="no shipped model: models/default/diplomodel.json is missing")
    for item in items:
        if "real_model" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _validate_every_brief(monkeypatch: pytest.MonkeyPatch) -> None:
    """Wrap ``Briefer.__call__`` so every brief produced in-process is schema-checked."""
    from diplomodel import briefer

    original = briefer.Briefer.__call__

    def checked(self, *args, **kwargs):
        out = original(self, *args, **kwargs)
        for b in out:
            validate_brief(b)
        return out

    monkeypatch.setattr(briefer.Briefer, "__call__", checked)


@pytest.fixture
def check_brief() -> Callable[[Any], dict[str, Any]]:
    """``check_brief(x)``: validate a brief from a subprocess (JSON string or dict); returns the dict."""
    return validate_brief


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A model dir holding a tiny random tagger (no summarizer), saved by ``Briefer.save_pretrained``."""
    from diplomodel.briefer import Briefer
    from diplomodel.models.tagger import Tagger

    path = tmp_path_factory.mktemp("models") / "tiny"
    Briefer(Tagger.tiny_random(seed=0), name="tiny-test", version="0.0.1").save_pretrained(path)
    return path


@pytest.fixture
def cli_env(tiny_model_dir: Path) -> dict[str, str]:
    """Environment for CLI subprocesses: the tiny model as default, the repo importable."""
    env = dict(os.environ)
    env["DIPLOMODEL_MODEL_DIR"] = str(tiny_model_dir)
    env.setdefault("OMP_NUM_THREADS", "1")  # see pytest_configure: the tiny model is faster on one thread
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH", "")]))
    return env


@pytest.fixture
def cli_cmd() -> list[str]:
    """The command that starts the CLI in a subprocess."""
    return [sys.executable, "-m", "diplomodel.cli"]


def _subprocess_env() -> dict[str, str]:
    env = dict(os.environ, PYTHONUNBUFFERED="1", CUDA_VISIBLE_DEVICES="")
    env.setdefault("OMP_NUM_THREADS", "1")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH", "")]))
    return env


@pytest.fixture(scope="session")
def tiny_lora_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny LoRA tagger model dir to retrain from (2 steps of train_tagger over a tiny random base);
    its ``data.yaml`` and ``tagger.yaml`` beside it are the tiny configs ``diplomodel train`` can take."""
    from diplomodel.models.tagger import Tagger

    tmp = tmp_path_factory.mktemp("retrain")
    root, env = REPO, _subprocess_env()
    tiny = Tagger.tiny_random(seed=1)
    tiny.model.save_pretrained(tmp / "base")
    tiny.tokenizer.save_pretrained(tmp / "base")
    data = tmp / "data.yaml"
    data.write_text(json.dumps({
        "data_root": str(tmp / "no_data"), "seed_dir": None, "out": str(tmp / "ds"),
        "sources": {"synthetic": True, "annotations": []},
        "synthetic": {"seed": 1, "validation_seed": 2, "n": {"train": 8, "validation": 4, "test": 4}},
        "mixture": {"synthetic": 1.0, "annotations": 3.0}}), "utf-8")
    tagger = tmp / "tagger.yaml"
    tagger.write_text(json.dumps({
        "datasets": str(tmp / "ds"), "output": str(tmp / "start"), "work_dir": str(tmp / "run"),
        "base": str(tmp / "base"), "max_length": 32, "stride": 8, "batch_size": 2, "max_steps": 2,
        "save_steps": 50, "eval_steps": 2, "logging_steps": 1, "lora_r": 4, "lora_alpha": 8,
        "lora_targets": ["query", "value"], "train_on": "mixture", "validation": ["synthetic"],
        "max_eval_examples": 4}), "utf-8")
    for script, cfg in (("build_datasets.py", data), ("train_tagger.py", tagger)):
        done = subprocess.run([sys.executable, str(root / "training" / script), "--config", str(cfg)],
                              env=env, cwd=root, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return tmp / "start"
