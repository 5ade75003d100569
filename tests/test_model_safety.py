"""Unsafe or broken model dirs: one clear ModelError naming the file, through Briefer and the CLI.

Every case starts from a copy of a working tiny model dir and breaks one thing: a pickle file
(which would run code if loaded), a missing file, a wrong or unreadable label map, a config of
another architecture, custom code, a symlink or a config path leading outside the dir.
"""
from __future__ import annotations

import json
import os
import pickle
import shutil
from pathlib import Path
from typing import Callable

import pytest

from conftest import EXAMPLES
from diplomodel.briefer import Briefer
from diplomodel.cli import main
from diplomodel.errors import ModelError
from diplomodel.models.tagger import Tagger, TaggerConfig

MARKER = "pickle-was-loaded"


class _Bomb:
    """Unpickling this writes a marker file: proof that a pickle was loaded."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self):
        return (Path.write_text, (Path(self.path), "boom"))


def bomb_bytes(tmp: Path) -> bytes:
    return pickle.dumps(_Bomb(str(tmp / MARKER)))


def _json(path: Path) -> dict:
    return json.loads(path.read_text("utf-8"))


def _edit(path: Path, **changes) -> None:
    data = _json(path)
    data.update(changes)
    path.write_text(json.dumps(data), "utf-8")


@pytest.fixture
def model(tiny_model_dir: Path, tmp_path: Path) -> Path:
    dst = tmp_path / "model"
    shutil.copytree(tiny_model_dir, dst)
    return dst


@pytest.fixture(scope="module")
def adapter_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A model dir whose tagger is a LoRA adapter over a tiny random base saved beside it."""
    from peft import LoraConfig, TaskType, get_peft_model

    from diplomodel.models.tagger import build_base_model

    root = tmp_path_factory.mktemp("adapter")
    tiny = Tagger.tiny_random(seed=1)
    base = root / "base"
    tiny.model.save_pretrained(base)
    tiny.tokenizer.save_pretrained(base)
    cfg = TaggerConfig(base=str(base), adapter=True, max_length=32, stride=8)
    peft_model = get_peft_model(build_base_model(str(base), cfg), LoraConfig(
        task_type=TaskType.TOKEN_CLS, r=2, lora_alpha=4, target_modules=["query", "value"],
        modules_to_save=["classifier"]))
    model_dir = root / "model"
    peft_model.save_pretrained(model_dir / "tagger", safe_serialization=True)
    tiny.tokenizer.save_pretrained(model_dir / "tagger")
    (model_dir / "tagger" / "tagger_config.json").write_text(json.dumps(cfg.__dict__), "utf-8")
    (model_dir / "diplomodel.json").write_text(json.dumps({
        "format_version": 1, "name": "tiny-adapter", "version": "0",
        "tagger": {"path": "tagger", "base": str(base)}, "summarizer": None}), "utf-8")
    return model_dir


def test_a_working_adapter_dir_loads(adapter_dir: Path) -> None:
    b = Briefer.from_pretrained(adapter_dir, device="cpu")
    assert b.name == "tiny-adapter" and b(["Ana Lopez met Ali Khan."])[0].id == "0"


def refused(model_dir: Path, names: str, capsys: pytest.CaptureFixture[str], *, also: str = "") -> str:
    """Assert the dir is refused by Briefer and the CLI with one message naming ``names``."""
    with pytest.raises(ModelError) as err:
        Briefer.from_pretrained(model_dir, device="cpu")
    msg = str(err.value)
    assert names in msg and also in msg, msg
    rc = main(["brief", str(EXAMPLES / "rabat_talks.txt"), "--model", str(model_dir), "--device", "cpu"])
    out, cli_err = capsys.readouterr()
    assert rc == 2 and out == "" and cli_err.count("\n") == 1 and names in cli_err
    assert "Traceback" not in cli_err
    return msg


PICKLE_PLACES = ["tagger/pytorch_model.bin", "tagger/training_args.bin", "tagger/optimizer.pt",
                 "tagger/extra.pkl", "tagger/last.ckpt", "pytorch_model.bin", "summarizer/x/weights.pth"]


@pytest.mark.parametrize("where", PICKLE_PLACES)
def test_a_pickle_anywhere_in_the_dir_is_refused_and_never_loaded(model: Path, tmp_path: Path, capsys,
                                                                  where: str) -> None:
    target = model / where
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(bomb_bytes(tmp_path))
    msg = refused(model, str(target), capsys, also="pickle")
    assert "safetensors" in msg
    assert not (tmp_path / MARKER).exists()


def test_a_pickle_renamed_to_safetensors_is_not_loaded(model: Path, tmp_path: Path, capsys) -> None:
    (model / "tagger" / "model.safetensors").write_bytes(bomb_bytes(tmp_path))
    refused(model, str(model / "tagger"), capsys, also="weights cannot be loaded")
    assert not (tmp_path / MARKER).exists()


def test_adapter_as_pickle_only_is_refused(adapter_dir: Path, tmp_path: Path, capsys) -> None:
    dst = tmp_path / "m"
    shutil.copytree(adapter_dir, dst)
    (dst / "tagger" / "adapter_model.safetensors").unlink()
    (dst / "tagger" / "adapter_model.bin").write_bytes(bomb_bytes(tmp_path))
    refused(dst, str(dst / "tagger" / "adapter_model.bin"), capsys, also="pickle")
    assert not (tmp_path / MARKER).exists()


@pytest.mark.parametrize("name, words", [
    ("diplomodel.json", "diplomodel.json is missing"),
    ("tagger/model.safetensors", "file missing"),
    ("tagger/config.json", "file missing"),
    ("tagger/tokenizer.json", "file missing"),
    ("tagger", "tagger directory not found"),
])
def test_missing_file(model: Path, capsys, name: str, words: str) -> None:
    path = model / name
    shutil.rmtree(path) if path.is_dir() else path.unlink()
    refused(model, str(path) if name != "diplomodel.json" else str(model), capsys, also=words)


def test_missing_adapter_weights(adapter_dir: Path, tmp_path: Path, capsys) -> None:
    dst = tmp_path / "m"
    shutil.copytree(adapter_dir, dst)
    (dst / "tagger" / "adapter_model.safetensors").unlink()
    refused(dst, str(dst / "tagger" / "adapter_model.safetensors"), capsys, also="file missing")


BAD_LABELS: list[tuple[str, Callable[[Path], None], str]] = [
    ("tagger/config.json", lambda m: _edit(m / "tagger/config.json",
                                           id2label={str(i): f"LABEL_{i}" for i in range(15)}), "LABEL_0"),
    ("tagger/config.json", lambda m: _edit(m / "tagger/config.json",
                                           id2label={"0": "O", "1": "B-PER", "2": "I-PER"}), "B-PER"),
    ("tagger/config.json", lambda m: _edit(m / "tagger/config.json", id2label=["O"]), "id2label"),
    ("tagger/config.json", lambda m: _edit(m / "tagger/config.json", id2label={"0": "O", "5": "B-ORG"}),
     "ids must be"),
    ("tagger/tagger_config.json", lambda m: _edit(m / "tagger/tagger_config.json", labels=["O", "B-MISC"]),
     "B-MISC"),
    ("tagger/tagger_config.json", lambda m: _edit(m / "tagger/tagger_config.json",
                                                  labels=["O", "B-PERSON", "I-PERSON"]), "labels differ"),
    ("tagger/tagger_config.json", lambda m: (m / "tagger/tagger_config.json").write_bytes(b"{not json"),
     "unreadable"),
    ("tagger/tagger_config.json", lambda m: (m / "tagger/tagger_config.json").write_bytes(b"\xff\xfe\x00"),
     "unreadable"),
    ("tagger/tagger_config.json", lambda m: _edit(m / "tagger/tagger_config.json", max_length="many"),
     "max_length"),
    ("tagger/config.json", lambda m: (m / "tagger/config.json").write_text("[1, 2]"), "JSON object"),
    ("diplomodel.json", lambda m: _edit(m / "diplomodel.json", labels=["O", "B-DATE", "I-DATE"]),
     "labels differ"),
]


@pytest.mark.parametrize("name, breaks, words", BAD_LABELS)
def test_wrong_or_unreadable_label_map(model: Path, capsys, name: str, breaks, words: str) -> None:
    breaks(model)
    refused(model, str(model / name), capsys, also=words)


def test_label_map_shorter_than_the_classifier(model: Path, capsys) -> None:
    labels = ["O", "B-PERSON", "I-PERSON"]
    _edit(model / "tagger/config.json", id2label=dict(enumerate(labels)),
          label2id={l: i for i, l in enumerate(labels)})
    _edit(model / "tagger/tagger_config.json", labels=labels)
    refused(model, str(model / "tagger"), capsys, also="cannot be loaded")


ARCHITECTURES: list[tuple[dict, str]] = [
    ({"model_type": "llama_not_a_type", "architectures": ["X"]}, "model_type"),
    ({"architectures": ["BertForSequenceClassification"]}, "not a token classifier"),
    ({"architectures": ["BertForMaskedLM"]}, "not a token classifier"),
    ({"model_type": "distilbert", "architectures": ["DistilBertForTokenClassification"]}, "do not fit"),
    ({"model_type": "roberta", "architectures": ["RobertaForTokenClassification"]}, "do not fit"),
    ({"auto_map": {"AutoModelForTokenClassification": "evil.Model"}}, "custom model code"),
]


@pytest.mark.parametrize("changes, words", ARCHITECTURES)
def test_config_of_another_architecture_or_custom_code(model: Path, capsys, changes: dict, words: str) -> None:
    _edit(model / "tagger/config.json", **changes)
    refused(model, str(model / "tagger"), capsys, also=words)


def test_adapter_over_another_base(adapter_dir: Path, tmp_path: Path, capsys) -> None:
    from transformers import BertConfig, BertForTokenClassification

    other = tmp_path / "other-base"  # a base of a different width: the adapter's shapes do not fit
    tiny = Tagger.tiny_random(seed=2)
    BertForTokenClassification(BertConfig(vocab_size=tiny.model.config.vocab_size, hidden_size=48,
                                          num_hidden_layers=1, num_attention_heads=2, intermediate_size=64,
                                          type_vocab_size=7)).save_pretrained(other)
    tiny.tokenizer.save_pretrained(other)
    dst = tmp_path / "m"
    shutil.copytree(adapter_dir, dst)
    _edit(dst / "diplomodel.json", tagger={"path": "tagger", "base": str(other)})
    refused(dst, str(dst / "tagger"), capsys, also="cannot be loaded")


def test_custom_tokenizer_code_is_refused(model: Path, capsys) -> None:
    _edit(model / "tagger/tokenizer_config.json", auto_map={"AutoTokenizer": ["evil.Tok", None]})
    refused(model, str(model / "tagger/tokenizer_config.json"), capsys, also="custom tokenizer code")


def test_symlinked_weights_outside_the_dir(model: Path, tmp_path: Path, capsys) -> None:
    outside = tmp_path / "elsewhere.safetensors"
    weights = model / "tagger" / "model.safetensors"
    shutil.move(weights, outside)
    os.symlink(outside, weights)
    refused(model, str(weights), capsys, also="outside the model dir")


def test_symlinked_subdir_outside_the_dir(model: Path, tmp_path: Path, capsys) -> None:
    shutil.move(model / "tagger", tmp_path / "tagger-elsewhere")
    os.symlink(tmp_path / "tagger-elsewhere", model / "tagger")
    refused(model, str(model / "tagger"), capsys, also="outside the model dir")


def test_symlink_inside_the_dir_is_fine(model: Path) -> None:
    os.rename(model / "tagger", model / "tagger-v1")
    os.symlink("tagger-v1", model / "tagger")
    assert Briefer.from_pretrained(model, device="cpu").tagger.labels[0] == "O"


@pytest.mark.parametrize("path", ["../tagger", "/etc", "tagger/../../x", ""])
def test_tagger_path_leaving_the_dir(model: Path, capsys, path: str) -> None:
    _edit(model / "diplomodel.json", tagger={"path": path})
    refused(model, str(model), capsys, also="tagger.path" if path else "tagger.path' is missing")


@pytest.mark.parametrize("spec, words", [
    ({"class": "os:system", "path": "summarizer"}, "outside the diplomodel package"),
    ({"class": "diplomodel.briefer:Briefer", "path": "../../elsewhere"}, "summarizer.path"),
])
def test_summarizer_spec_cannot_pick_code_or_escape(model: Path, capsys, spec: dict, words: str) -> None:
    _edit(model / "diplomodel.json", summarizer=spec)
    refused(model, str(model / "diplomodel.json"), capsys, also=words)

