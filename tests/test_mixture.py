"""One source mixer, one weight table; the real-copy source; dev.jsonl never reaches training."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import yaml

from diplomodel.data.mixture import mix, plan, read_plan

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "training"))


def _src(prefix, n, val=0):
    return {"train": [{"id": f"{prefix}{i}"} for i in range(n)],
            "validation": [{"id": f"{prefix}v{i}"} for i in range(val)], "test": []}


def test_weights_are_copies_and_fractions_are_stable_subsets():
    sources = {"a": _src("a", 10, 2), "b": _src("b", 3)}
    one = mix(sources, {"a": 0.3, "b": 2.0}, seed=5)
    again = mix(sources, {"a": 0.3, "b": 2.0}, seed=9)
    ids = sorted(r["id"] for r in one["train"])
    assert len(ids) == 3 + 6 and ids.count("b0") == 2
    assert ids == sorted(r["id"] for r in again["train"])  # the seed orders, it does not choose
    assert len(one["validation"]) == 2
    assert mix(sources, {"a": 0.0}, seed=1)["train"] and not any(
        r["id"].startswith("a") for r in mix(sources, {"a": 0.0}, seed=1)["train"])
    p = plan(sources, {"a": 0.3, "zzz": 1.0})
    assert p["weights"] == {"a": 0.3, "b": 1.0} and p["train_documents"] == {"a": 3, "b": 3}
    assert p["unused"] == ["zzz"]
    with pytest.raises(ValueError, match="weight of 'a'"):
        mix(sources, {"a": -1.0}, seed=1)


def _real_folder(root: Path) -> Path:
    folder = root / "meetings_real"
    folder.mkdir(parents=True)

    def line(i, kind):
        return json.dumps({"id": f"{kind}{i}", "text": f"Maria Pinto met Hugo Sauer in Lisbon, round {kind}{i}.",
                           "published": "2024-02-02", "url": "https://example.org",
                           "brief": {"is_meeting": True, "participants": [
                               {"name": "Maria Pinto", "aliases": []}, {"name": "Hugo Sauer", "aliases": []}],
                               "mentioned": []}})
    (folder / "train.jsonl").write_text("".join(line(i, "t") + "\n" for i in range(6)))
    (folder / "dev.jsonl").write_text("".join(line(i, "d") + "\n" for i in range(3)))
    return folder


def _config(tmp_path: Path, **sources) -> Path:
    cfg = {"data_root": str(tmp_path / "data"), "seed_dir": None,
           "sources": {"synthetic": False, **sources}, "synthetic": {"seed": 1},
           "mixture": {"meetings_real": 2.0}}
    path = tmp_path / "c.yaml"
    path.write_text(yaml.safe_dump(cfg))
    return path


def test_real_source_is_built_from_train_only_and_mixed_by_the_one_table(tmp_path):
    from datasets import load_from_disk

    from training import build_datasets

    _real_folder(tmp_path / "data")
    assert build_datasets.main(["--config", str(_config(tmp_path, meetings_real=True)),
                                "--out", str(tmp_path / "out")]) == 0
    real = load_from_disk(str(tmp_path / "out" / "tagger" / "meetings_real"))
    assert sorted(real["train"]["id"]) == [f"t{i}" for i in range(6)]
    assert len(real["validation"]) == 0 and len(real["test"]) == 0
    mixture = tmp_path / "out" / "tagger" / "mixture"
    assert len(load_from_disk(str(mixture))["train"]) == 12
    assert read_plan(mixture)["weights"] == {"meetings_real": 2.0}
    row = real["train"][0]
    assert row["annotated_labels"] == ["PARTICIPANT", "PERSON"]


def test_a_copy_of_dev_as_another_source_stops_the_build(tmp_path, capsys):
    from training import build_datasets

    folder = _real_folder(tmp_path / "data")
    copy = tmp_path / "renamed.jsonl"
    copy.write_text((folder / "dev.jsonl").read_text())
    code = build_datasets.main(["--config", str(_config(tmp_path, meetings_real=True, briefs=[str(copy)])),
                                "--out", str(tmp_path / "out")])
    assert code == 2
    err = capsys.readouterr().err
    assert "held-out report" in err and "dev.jsonl" in err and "'briefs'" in err
    assert not (tmp_path / "out").exists()


def test_tagger_config_with_its_own_mixture_is_refused(tmp_path):
    from tagger_training import TaggerTrainingArguments

    cfg = tmp_path / "t.yaml"
    cfg.write_text("mixture: {synthetic: 1.0}\n")
    with pytest.raises(ValueError, match="configs/data.yaml"):
        TaggerTrainingArguments.from_yaml(cfg)
    for shipped in ("tagger.yaml", "tagger_finetune.yaml"):
        assert TaggerTrainingArguments.from_yaml(ROOT / "configs" / shipped).train_on == "mixture"


def test_unlabelled_words_get_no_training_label():
    from tagger_training import TaggerTrainingArguments, encode_example

    from diplomodel.models.labels import BIO_LABELS
    from diplomodel.models.tagger import Tagger

    tok = Tagger.tiny_random(seed=0).tokenizer
    tags = [BIO_LABELS.index(t) for t in ["O", "O", "B-PARTICIPANT", "I-PARTICIPANT", "O"]]  # ClassLabel ids
    ex = {"words": ["Kim", "met", "Kim", "Lee", "."], "tags": tags,
          "annotated_labels": ["PARTICIPANT", "PERSON"], "unlabelled_words": [0]}
    args = TaggerTrainingArguments(max_length=32, stride=8)
    with_skip = encode_example(ex, tok, args, BIO_LABELS)["labels"][0]
    without = encode_example({**ex, "unlabelled_words": []}, tok, args, BIO_LABELS)["labels"][0]
    assert sum(v != -100 for v in with_skip) == sum(v != -100 for v in without) - 1
    assert with_skip[1] == -100 and without[1] == BIO_LABELS.index("O")
