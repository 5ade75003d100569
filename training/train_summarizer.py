"""Fine-tune the summarizer: LoRA over SmolLM2-135M-Instruct (or any causal / seq2seq base).

Reads the summarizer views built by ``training/build_datasets.py`` (the real train split, the
synthetic corpus, GUM's human summaries; weights in the config), trains with a completion-only
loss, and writes a model dir: the ``init_from`` dir's tagger and ``diplomodel.json`` plus the new
``summarizer/`` adapter.

    python training/train_summarizer.py --config configs/summarizer.yaml            # train
    python training/train_summarizer.py --config configs/summarizer.yaml --resume   # after a kill

Runs unchanged under ``accelerate launch`` (the Trainer handles devices).
"""
from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import torch  # noqa: E402
from datasets import Dataset  # noqa: E402
from transformers import Trainer, TrainingArguments, set_seed  # noqa: E402

from diplomodel.models.summarizer import Summarizer, SummarizerConfig, load_base  # noqa: E402
from checkpoints import last_complete_checkpoint  # noqa: E402
from summarizer_training import SummarizerTrainingArguments, collate, encode, examples  # noqa: E402


def build(args: SummarizerTrainingArguments) -> Summarizer:
    """The base with a fresh LoRA adapter (or ``adapter_from``'s), wrapped as a Summarizer (the prompt code is shared)."""
    from peft import LoraConfig, TaskType, get_peft_model

    model, tokenizer = load_base(args.base, args.family)
    lora = LoraConfig(r=args.lora_r, lora_alpha=args.lora_alpha, lora_dropout=args.lora_dropout,
                      target_modules=list(args.lora_targets),
                      task_type=TaskType.CAUSAL_LM if args.family == "causal" else TaskType.SEQ_2_SEQ_LM)
    if args.adapter_from:  # continue an earlier run's adapter (its LoRA shape wins over lora_r)
        from peft import PeftModel

        model = PeftModel.from_pretrained(model, args.adapter_from, is_trainable=True)
    else:
        model = get_peft_model(model, lora)
    config = SummarizerConfig(base=args.base, family=args.family, max_source_tokens=args.max_source_tokens,
                              max_new_tokens=args.max_new_tokens, max_topics=args.max_topics)
    s = Summarizer(model, tokenizer, config)
    s.model.train()
    return s


def write_model_dir(args: SummarizerTrainingArguments, summarizer: Summarizer, seconds: float,
                    n_examples: int) -> Path:
    """``output``: the tagger and config of ``init_from`` beside the new ``summarizer/``."""
    out = Path(args.output)
    src = Path(args.init_from)
    out.mkdir(parents=True, exist_ok=True)
    if src.resolve() != out.resolve():
        for item in src.iterdir():
            if item.name in ("summarizer",):
                continue
            dest = out / item.name
            if item.is_dir():
                shutil.copytree(item, dest, dirs_exist_ok=True)
            else:
                shutil.copy2(item, dest)
    summarizer.save_pretrained(out / "summarizer")
    cfg_file = out / "diplomodel.json"
    cfg = json.loads(cfg_file.read_text("utf-8"))
    cfg["summarizer"] = {"class": "diplomodel.models.summarizer:Summarizer", "path": "summarizer",
                         "base": args.base, "family": args.family,
                         "training": {"sources": args.sources, "examples": n_examples,
                                      "epochs": args.epochs, "max_steps": args.max_steps,
                                      "lora_r": args.lora_r, "learning_rate": args.learning_rate,
                                      "seed": args.seed, "seconds": round(seconds),
                                      "outcome_weight": args.outcome_weight,
                                      "summary_line": args.summary_line, "max_topics": args.max_topics,
                                      "adapter_from": args.adapter_from}}
    cfg["version"] = args.version
    cfg_file.write_text(json.dumps(cfg, indent=2) + "\n", "utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--config", required=True)
    ap.add_argument("--resume", action="store_true", help="continue from the last checkpoint in work_dir")
    ap.add_argument("--max-steps", type=int, help="override the config (smoke runs)")
    ap.add_argument("--output", help="override the config's output model dir")
    ns = ap.parse_args(argv)
    args = SummarizerTrainingArguments.from_yaml(ns.config, max_steps=ns.max_steps, output=ns.output)
    set_seed(args.seed)
    summarizer = build(args)
    rows = examples(args)
    counts = {s: sum(r["source"] == s for r in rows) for s in args.sources}
    print(f"training examples: {len(rows)} {counts}", flush=True)
    data = Dataset.from_list([encode(r, summarizer, args.max_target_tokens) for r in rows])
    pad = summarizer.tokenizer.pad_token_id
    steps = args.max_steps if args.max_steps > 0 else math.ceil(
        args.epochs * math.ceil(len(rows) / (args.batch_size * args.grad_accum)))
    targs = TrainingArguments(
        output_dir=args.work_dir, per_device_train_batch_size=args.batch_size,
        gradient_accumulation_steps=args.grad_accum, learning_rate=args.learning_rate,
        weight_decay=args.weight_decay, warmup_steps=math.ceil(args.warmup_ratio * steps),
        max_steps=steps, logging_steps=args.logging_steps, save_strategy="steps",
        save_steps=args.save_steps, save_total_limit=2, seed=args.seed, data_seed=args.seed,
        report_to=[], remove_unused_columns=False, dataloader_num_workers=0,
        use_cpu=not torch.cuda.is_available(), lr_scheduler_type="linear",
        disable_tqdm=not sys.stderr.isatty())
    trainer = Trainer(model=summarizer.model, args=targs, train_dataset=data,
                      data_collator=lambda feats: collate(feats, pad))
    start = time.time()
    last = last_complete_checkpoint(args.work_dir) if ns.resume else None
    if ns.resume:
        print(f"resuming from {last}" if last else "no checkpoint found: starting fresh", flush=True)
    trainer.train(resume_from_checkpoint=last)
    if trainer.is_world_process_zero():
        summarizer.model.eval()
        out = write_model_dir(args, summarizer, time.time() - start, len(rows))
        print(f"wrote {out} in {time.time() - start:.0f}s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
