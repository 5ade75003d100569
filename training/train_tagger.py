"""Fine-tune the participant tagger (LoRA over the MiniLM base, casing embedding, partial labels).

Reads only datasets built by ``training/build_datasets.py`` and writes a model dir.

    python training/train_tagger.py --config configs/tagger.yaml            # train
    python training/train_tagger.py --config configs/tagger.yaml --resume   # continue after a kill

Runs unchanged under ``accelerate launch`` or ``torchrun`` (the Trainer handles devices).
"""
from __future__ import annotations

import argparse
import json
import math
import os
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402
import torch  # noqa: E402
from datasets import concatenate_datasets, load_from_disk  # noqa: E402
from transformers import AutoTokenizer, Trainer, TrainingArguments, set_seed  # noqa: E402

from diplomodel.models.labels import BIO_LABELS, ID2LABEL  # noqa: E402
from diplomodel.models.tagger import TAGGER_CONFIG, TaggerConfig, build_base_model  # noqa: E402
from diplomodel.models.weights import resolve_base  # noqa: E402
from checkpoints import last_complete_checkpoint  # noqa: E402
from tagger_training import (TaggerTrainingArguments, allowed_table, collate,  # noqa: E402
                             encode_example, partial_label_loss, seqeval_scores)


class PartialLabelTrainer(Trainer):
    """A Trainer whose loss lets each source supervise only the labels it annotates."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.table = allowed_table()

    def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):
        labels = inputs.pop("labels")
        masks = inputs.pop("unannotated")
        outputs = model(**inputs)
        loss = partial_label_loss(outputs.logits, labels, masks, self.table)
        return (loss, outputs) if return_outputs else loss

    def prediction_step(self, model, inputs, prediction_loss_only, ignore_keys=None):
        labels = inputs["labels"]
        with torch.no_grad():
            loss, outputs = self.compute_loss(model, dict(inputs), return_outputs=True)
        return loss.detach(), outputs.logits.argmax(-1), labels


def load_split(datasets_dir: str, source: str, split: str):
    """A source's split: ``<dir>/tagger/<source>`` (build_datasets.py) or a flat ``<source>_<split>``."""
    nested = Path(datasets_dir) / "tagger" / source
    if nested.is_dir():
        return load_from_disk(str(nested))[split]
    flat = load_from_disk(datasets_dir)
    key = f"{source}_{split}"
    if key not in flat:
        raise SystemExit(f"no dataset {source!r} split {split!r} in {datasets_dir}; have {sorted(flat)}")
    return flat[key]


def train_set(datasets_dir: str, name: str, seed: int):
    """The train split the tagger learns from: the mixture ``build_datasets.py`` wrote (its weights
    come from ``configs/data.yaml``) or one source's, shuffled by ``seed``."""
    return load_split(datasets_dir, name, "train").shuffle(seed=seed)


def validation_set(datasets_dir: str, sources: list[str], seed: int, cap: int | None = None):
    """The validation splits of ``sources`` side by side, shuffled, at most ``cap`` documents."""
    data = concatenate_datasets([load_split(datasets_dir, s, "validation") for s in sources]).shuffle(seed=seed)
    return data.select(range(min(cap, len(data)))) if cap else data


def mixture_used(datasets_dir: str, name: str) -> dict:
    """The source weights behind dataset ``name`` (its ``mixture.json``), or ``{name: 1.0}``."""
    from diplomodel.data.mixture import read_plan

    found = read_plan(Path(datasets_dir) / "tagger" / name)
    return found["weights"] if found else {name: 1.0}


def build_model(args: TaggerTrainingArguments):
    config = TaggerConfig(base=args.base, adapter=args.lora, casing=args.casing,
                          max_length=args.max_length, stride=args.stride)
    model = build_base_model(resolve_base(args.base), config)
    if args.init_from:
        if not args.lora:
            raise SystemExit("init_from needs lora: true (it starts from a model dir's adapter)")
        from peft import PeftModel

        adapter = Path(args.init_from) / "tagger"
        if not (adapter / "adapter_model.safetensors").exists():
            raise SystemExit(f"init_from: no adapter_model.safetensors in {adapter}")
        return PeftModel.from_pretrained(model, str(adapter), is_trainable=True), config
    if args.lora:
        from peft import LoraConfig, TaskType, get_peft_model

        modules = ["classifier"] + (["token_type_embeddings"] if args.casing else [])
        model = get_peft_model(model, LoraConfig(
            task_type=TaskType.TOKEN_CLS, r=args.lora_r, lora_alpha=args.lora_alpha,
            lora_dropout=args.lora_dropout, target_modules=args.lora_targets, modules_to_save=modules))
    return model, config


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--config", default="configs/tagger.yaml")
    p.add_argument("--resume", action="store_true", help="continue from the last checkpoint")
    p.add_argument("--max-steps", type=int, help="override max_steps")
    p.add_argument("--output", help="override the output model dir")
    p.add_argument("--work-dir", help="override the checkpoint dir")
    p.add_argument("--datasets", help="override the datasets dir")
    p.add_argument("--base", help="override the base encoder (name, path or HF id)")
    ns = p.parse_args(argv)
    args = TaggerTrainingArguments.from_yaml(ns.config, max_steps=ns.max_steps, output=ns.output,
                                             work_dir=ns.work_dir, datasets=ns.datasets, base=ns.base)
    set_seed(args.seed)
    base_dir = resolve_base(args.base)
    tokenizer = AutoTokenizer.from_pretrained(base_dir, local_files_only=True, trust_remote_code=False)
    model, tcfg = build_model(args)

    def encode(batch):
        rows = [dict(zip(batch, vals)) for vals in zip(*batch.values())]
        out = {k: [] for k in ("input_ids", "token_type_ids", "labels", "unannotated")}
        for row in rows:
            for k, v in encode_example(row, tokenizer, args, tag_names).items():
                out[k] += v
        return out

    def prepare(data):
        return data.map(encode, batched=True, remove_columns=data.column_names)

    train_raw = train_set(args.datasets, args.train_on, args.seed)
    tag_names = train_raw.features["tags"].feature.names
    train = prepare(train_raw)
    val = prepare(validation_set(args.datasets, args.validation, args.seed, cap=args.max_eval_examples))
    print(f"train windows: {len(train)}  validation windows: {len(val)}", flush=True)
    targs = TrainingArguments(
        output_dir=args.work_dir, max_steps=args.max_steps, per_device_train_batch_size=args.batch_size,
        per_device_eval_batch_size=args.batch_size * 2, learning_rate=args.learning_rate,
        weight_decay=args.weight_decay, warmup_steps=math.ceil(args.warmup_ratio * args.max_steps),
        lr_scheduler_type="linear", logging_steps=args.logging_steps, eval_strategy="steps",
        eval_steps=args.eval_steps, save_strategy="steps", save_steps=args.save_steps,
        save_total_limit=2, seed=args.seed, data_seed=args.seed, remove_unused_columns=False,
        report_to=[], dataloader_num_workers=0, use_cpu=not torch.cuda.is_available(),
        disable_tqdm=not sys.stderr.isatty())
    trainer = PartialLabelTrainer(
        model=model, args=targs, train_dataset=train, eval_dataset=val,
        data_collator=lambda f: collate(f, tokenizer.pad_token_id),
        compute_metrics=lambda ev: seqeval_scores(ev.predictions, ev.label_ids, ID2LABEL))
    last = last_complete_checkpoint(args.work_dir) if ns.resume else None
    if ns.resume:
        print(f"resuming from {last}" if last else "no checkpoint found: starting fresh", flush=True)
    out = trainer.train(resume_from_checkpoint=last)
    runtime = round(float(out.metrics.get("train_runtime", 0.0)))
    metrics = trainer.evaluate()
    print(json.dumps(metrics, indent=2), flush=True)
    if trainer.is_world_process_zero():
        save(trainer.model, tokenizer, tcfg, args, metrics, len(train), runtime,
             processes=int(trainer.args.world_size))
    return 0


def save(model, tokenizer, tcfg: TaggerConfig, args: TaggerTrainingArguments, metrics: dict,
         n_train: int, runtime_s: int, processes: int = 1) -> None:
    """Write ``<output>/tagger`` (adapter or full model + tokenizer) and ``diplomodel.json``."""
    out = Path(args.output)
    tagger_dir = out / "tagger"
    tagger_dir.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(tagger_dir, safe_serialization=True)
    tokenizer.save_pretrained(tagger_dir)
    (tagger_dir / TAGGER_CONFIG).write_text(json.dumps(tcfg.__dict__, indent=2), "utf-8")
    meta_file = out / "diplomodel.json"
    meta = json.loads(meta_file.read_text("utf-8")) if meta_file.exists() else {}
    meta.update({"format_version": 1, "name": args.name, "version": args.version,
                 "labels": BIO_LABELS, "summarizer": meta.get("summarizer")})
    meta["tagger"] = {"path": "tagger", "base": args.base, "adapter": args.lora,
                      "casing": args.casing, "training": {
                          "mixture": mixture_used(args.datasets, args.train_on),
                          "init_from": args.init_from, "max_steps": args.max_steps, "seed": args.seed,
                          "train_windows": n_train, "train_runtime_s": runtime_s, "processes": processes,
                          "hardware": f"{torch.cuda.get_device_name(0) if torch.cuda.is_available() else 'CPU'}, "
                                      f"{torch.get_num_threads()} threads",
                          "validation": {k: round(float(v), 4) for k, v in metrics.items()
                                         if isinstance(v, (int, float, np.floating))
                                         and "runtime" not in k and "per_second" not in k}}}
    meta_file.write_text(json.dumps(meta, indent=2) + "\n", "utf-8")
    print(f"saved tagger to {tagger_dir}", flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
