"""Checks a model dir passes before anything in it is loaded: safetensors only, no code, no escapes.

A model dir is data from somewhere else. Before the tagger is built, :func:`check_tagger_dir`
refuses, with one :class:`~diplomodel.errors.ModelError` naming the file:

- a pickle-format file anywhere in the dir (``.bin``, ``.pt``, ``.pth``, ``.pkl``, ``.ckpt`` ...):
  loading one can run code, and diplomodel reads weights from safetensors only;
- a symlink, or a path named in a config, that leads outside the dir;
- a missing weights, config or tokenizer file;
- a config that asks for custom code (``auto_map``), names another architecture than a
  token classifier, or holds a label map that is not the tagger's BIO tags.

Example:
    >>> import tempfile, pathlib
    >>> from diplomodel.models.safety import check_tree
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "pytorch_model.bin").write_bytes(b"x")
    >>> check_tree(d)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    diplomodel.errors.ModelError: .../pytorch_model.bin: a pickle-format file; ...
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from diplomodel.errors import ModelError
from diplomodel.models.labels import bio_to_entity_label

#: File endings of formats that ``torch.load``/``pickle`` read (and that can run code when read).
PICKLE_SUFFIXES = (".bin", ".pt", ".pth", ".pkl", ".pickle", ".ckpt", ".joblib", ".npy", ".npz", ".h5",
                   ".msgpack")
#: The two tagger layouts: a full model, or a LoRA adapter over packaged base weights.
FULL_FILES = ("config.json", "model.safetensors")
SHARDED_INDEX = "model.safetensors.index.json"
ADAPTER_FILES = ("adapter_config.json", "adapter_model.safetensors")
TOKENIZER_FILES = ("tokenizer.json", "vocab.txt")


def inside(root: Path, relative: Any, what: str, file: Path | None = None) -> Path:
    """``root / relative`` resolved; a path that leaves ``root`` (``..``, absolute, symlink) is refused.

    ``what`` names the setting and ``file`` the config that holds it, for the message.

    >>> inside(Path("/m"), "tagger", "tagger.path").name
    'tagger'
    >>> inside(Path("/m"), "../etc", "tagger.path", Path("/m/diplomodel.json"))
    Traceback (most recent call last):
    ...
    diplomodel.errors.ModelError: /m/diplomodel.json: tagger.path '../etc' leads outside the model dir /m
    """
    where = file or root
    if not isinstance(relative, str) or not relative.strip():
        raise ModelError(f"{where}: {what} must be a non-empty relative path, got {relative!r}")
    base = root.resolve()
    target = (base / relative).resolve()
    if Path(relative).is_absolute() or not target.is_relative_to(base):
        raise ModelError(f"{where}: {what} {relative!r} leads outside the model dir {root}")
    return target


def check_tree(root: Path) -> None:
    """Refuse pickle files and symlinks that leave ``root``, anywhere under ``root``."""
    base = root.resolve()
    for folder, dirs, files in os.walk(base):
        for name in sorted(dirs + files):
            p = Path(folder) / name
            if p.is_symlink() and not p.resolve().is_relative_to(base):
                raise ModelError(f"{p}: a symlink to {os.readlink(p)}, outside the model dir {root}; "
                                 f"copy the file in instead")
            if name in files and name.lower().endswith(PICKLE_SUFFIXES):
                raise ModelError(f"{p}: a pickle-format file; diplomodel loads weights from safetensors "
                                 f"only (loading a pickle can run code). Remove it, or convert the "
                                 f"weights with save_pretrained(..., safe_serialization=True)")


def read_json(path: Path) -> dict[str, Any]:
    """A JSON object file; unreadable, invalid or not an object -> :class:`ModelError` naming it."""
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        raise ModelError(f"{path}: file missing") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"{path}: unreadable ({exc})") from None
    if not isinstance(data, dict):
        raise ModelError(f"{path}: a JSON object is required, got {type(data).__name__}")
    return data


def check_labels(labels: Any, file: Path) -> list[str]:
    """The label list must be distinct BIO tags of the label set with ``O`` among them.

    >>> check_labels(["O", "B-PERSON", "I-PERSON"], Path("c.json"))
    ['O', 'B-PERSON', 'I-PERSON']
    >>> check_labels(["LABEL_0", "LABEL_1"], Path("c.json"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    diplomodel.errors.ModelError: c.json: label map: 'LABEL_0' is not a BIO tag ...
    """
    if not isinstance(labels, list) or not labels:
        raise ModelError(f"{file}: label map: a non-empty list of BIO tags is required, got {labels!r}")
    for tag in labels:
        try:
            if not isinstance(tag, str):
                raise ValueError
            bio_to_entity_label(tag)
        except ValueError:
            raise ModelError(f"{file}: label map: {tag!r} is not a BIO tag of diplomodel's labels "
                             f"(O, B-/I-PARTICIPANT, PERSON, TITLE, COUNTRY, ORG, LOC, DATE); "
                             f"this is not a diplomodel tagger") from None
    if "O" not in labels or len(set(labels)) != len(labels):
        raise ModelError(f"{file}: label map: needs 'O' and distinct tags, got {labels}")
    return list(labels)


def config_labels(cfg: dict[str, Any], file: Path) -> list[str]:
    """The ``id2label`` of a transformers ``config.json`` as a list (ids 0..n-1, all present)."""
    raw = cfg.get("id2label")
    if not isinstance(raw, dict) or not raw:
        raise ModelError(f"{file}: label map 'id2label' is missing or not an object")
    try:
        by_id = {int(k): v for k, v in raw.items()}
    except (TypeError, ValueError):
        raise ModelError(f"{file}: label map 'id2label' has non-integer ids {sorted(raw)}") from None
    if sorted(by_id) != list(range(len(by_id))):
        raise ModelError(f"{file}: label map 'id2label' ids must be 0..{len(by_id) - 1}, got {sorted(by_id)}")
    return check_labels([by_id[i] for i in range(len(by_id))], file)


def check_hf_config(folder: Path, token_classifier: bool) -> dict[str, Any]:
    """Read ``folder/config.json``; refuse custom code and architectures transformers cannot tag with."""
    from transformers.models.auto.modeling_auto import MODEL_FOR_TOKEN_CLASSIFICATION_MAPPING_NAMES

    file = folder / "config.json"
    cfg = read_json(file)
    if cfg.get("auto_map"):
        raise ModelError(f"{file}: asks for custom model code (auto_map); diplomodel never runs code "
                         f"from a model dir (no trust_remote_code)")
    kind = cfg.get("model_type")
    if kind not in MODEL_FOR_TOKEN_CLASSIFICATION_MAPPING_NAMES:
        raise ModelError(f"{file}: model_type {kind!r} is not an encoder with a token-classification "
                         f"head in transformers; this is not a diplomodel tagger")
    archs = cfg.get("architectures") or []
    if token_classifier and (not isinstance(archs, list)
                             or any(not str(a).endswith("ForTokenClassification") for a in archs)):
        raise ModelError(f"{file}: architectures {archs!r} is not a token classifier; this is not a "
                         f"diplomodel tagger")
    return cfg


def check_tokenizer(folder: Path) -> None:
    """A tokenizer file must be there, and its config must not ask for custom code."""
    if not any((folder / f).is_file() for f in TOKENIZER_FILES):
        raise ModelError(f"{folder / TOKENIZER_FILES[0]}: file missing (the tokenizer needs "
                         f"{' or '.join(TOKENIZER_FILES)})")
    tok_cfg = folder / "tokenizer_config.json"
    if tok_cfg.exists() and read_json(tok_cfg).get("auto_map"):
        raise ModelError(f"{tok_cfg}: asks for custom tokenizer code (auto_map); diplomodel never runs "
                         f"code from a model dir (no trust_remote_code)")


def check_tagger_dir(path: Path) -> str:
    """Vet a tagger dir before loading; returns ``"adapter"`` or ``"full"``."""
    check_tree(path)
    check_tokenizer(path)
    if (path / "adapter_config.json").exists():
        for name in ADAPTER_FILES:
            if not (path / name).is_file():
                raise ModelError(f"{path / name}: file missing (a LoRA adapter tagger needs "
                                 f"{' and '.join(ADAPTER_FILES)})")
        cfg = read_json(path / "adapter_config.json")
        if cfg.get("peft_type") != "LORA" or cfg.get("task_type") != "TOKEN_CLS":
            raise ModelError(f"{path / 'adapter_config.json'}: a LoRA token-classification adapter is "
                             f"required, got peft_type {cfg.get('peft_type')!r}, task_type "
                             f"{cfg.get('task_type')!r}")
        return "adapter"
    for name in FULL_FILES:
        if not (path / name).is_file() and not (name == FULL_FILES[1] and (path / SHARDED_INDEX).is_file()):
            raise ModelError(f"{path / name}: file missing (a tagger dir needs {' and '.join(FULL_FILES)}, "
                             f"or {' and '.join(ADAPTER_FILES)})")
    config_labels(check_hf_config(path, token_classifier=True), path / "config.json")
    return "full"
