"""Token-classification inference: whole documents through overlapping windows, exact char spans.

The tagger reads words (``diplomodel.models.text.split_words``), feeds their sub-tokens in windows of
``max_length`` with ``stride`` sub-tokens of overlap, keeps for each word the prediction of the
window where it scored highest, and decodes word-level BIO tags into :class:`Entity` spans
that index the input text exactly. Nothing is truncated. The encoder is uncased, so each word's
casing class (``casing_class``) goes in as ``token_type_ids`` and a learned embedding restores it.

Example:
    >>> from diplomodel.models.tagger import Tagger
    >>> tagger = Tagger.tiny_random(seed=0)   # random weights: the spans are exact, labels random
    >>> ents = tagger.predict(["Foreign Minister Ana Lopez met Ali Khan in Rabat."])[0]
    >>> all(isinstance(e.start, int) for e in ents)
    True
"""
from __future__ import annotations

import contextlib
import json
import tempfile
import warnings
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterator, Sequence

import torch

from diplomodel.errors import ModelError
from diplomodel.models.decode import decode_words
from diplomodel.models.labels import BIO_LABELS, Entity
from diplomodel.models.runtime import WorkerPool, is_quantized, quantize_encoder
from diplomodel.models.text import NUM_CASING_CLASSES, casing_class, split_words

TAGGER_CONFIG = "tagger_config.json"


@dataclass
class TaggerConfig:
    """What a tagger dir needs besides its weights (saved as ``tagger_config.json``)."""

    base: str | None = None          # base encoder (name, path or HF id) when the dir holds an adapter
    adapter: bool = False            # True: the dir holds a peft LoRA adapter over ``base``
    casing: bool = True              # casing classes fed as token_type_ids
    max_length: int = 256            # sub-tokens a window, [CLS]/[SEP] included
    stride: int = 64                 # sub-tokens shared by consecutive windows
    labels: list[str] = field(default_factory=lambda: list(BIO_LABELS))

    @classmethod
    def load(cls, path: Path) -> "TaggerConfig":
        """Read and check ``tagger_config.json``; a bad value -> :class:`ModelError` naming it."""
        from diplomodel.models.safety import check_labels, read_json

        data = read_json(path)
        cfg = cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})
        for key in ("adapter", "casing"):
            if not isinstance(getattr(cfg, key), bool):
                raise ModelError(f"{path}: {key} must be true or false, got {getattr(cfg, key)!r}")
        for key, low in (("max_length", 8), ("stride", 0)):
            v = getattr(cfg, key)
            if not isinstance(v, int) or isinstance(v, bool) or v < low:
                raise ModelError(f"{path}: {key} must be an integer >= {low}, got {v!r}")
        if cfg.stride >= cfg.max_length - 2:
            raise ModelError(f"{path}: stride {cfg.stride} must be smaller than max_length - 2")
        if cfg.base is not None and not isinstance(cfg.base, str):
            raise ModelError(f"{path}: base must be a string, got {cfg.base!r}")
        cfg.labels = check_labels(cfg.labels, path)
        return cfg


@dataclass
class Window:
    """One encoder input: sub-token ids, casing ids and, per position, the word index (or -1)."""

    doc: int
    input_ids: list[int]
    type_ids: list[int]
    word_index: list[int]


def expand_casing_embeddings(model: torch.nn.Module, n: int = NUM_CASING_CLASSES) -> None:
    """Grow a BERT-like model's token-type embedding to ``n`` casing classes (rows copy row 0)."""
    parent = _embeddings_module(model)
    old = parent.token_type_embeddings
    if old.num_embeddings == n:
        return
    new = torch.nn.Embedding(n, old.embedding_dim).to(old.weight.device, old.weight.dtype)
    with torch.no_grad():
        new.weight[:] = old.weight[0]
    parent.token_type_embeddings = new
    model.config.type_vocab_size = n
    if hasattr(parent, "token_type_ids"):
        parent.token_type_ids = torch.zeros_like(parent.token_type_ids)


def _embeddings_module(model: torch.nn.Module) -> torch.nn.Module:
    for module in model.modules():
        if hasattr(module, "token_type_embeddings") and hasattr(module, "word_embeddings"):
            return module
    raise ModelError("the encoder has no token-type embedding; set casing=false for it")


def encode_words(tokenizer, strings: Sequence[str], max_length: int, stride: int,
                 casing: bool) -> list[tuple[list[int], list[int], list[int]]]:
    """Sub-token windows over a word list: ``(input_ids, type_ids, word_index)`` each.

    Consecutive windows share ``stride`` sub-tokens; ``word_index`` is -1 on [CLS]/[SEP].
    Training and inference both build their encoder inputs here.
    """
    if stride >= max_length - 2:
        raise ValueError("stride must be smaller than max_length - 2")
    if not strings:
        return []
    enc = tokenizer(list(strings), is_split_into_words=True, add_special_tokens=False, verbose=False)
    ids = enc["input_ids"]
    wids = [w if w is not None else -1 for w in enc.word_ids()]
    kinds = [casing_class(w) for w in strings] if casing else [0] * len(strings)
    body, start, out = max_length - 2, 0, []
    while True:
        end = min(start + body, len(ids))
        piece = wids[start:end]
        out.append(([tokenizer.cls_token_id] + ids[start:end] + [tokenizer.sep_token_id],
                    [0] + [kinds[w] if w >= 0 else 0 for w in piece] + [0],
                    [-1] + piece + [-1]))
        if end >= len(ids):
            return out
        start = end - stride


def make_windows(tokenizer, texts: Sequence[str], max_length: int, stride: int,
                 casing: bool) -> tuple[list[Window], list[list[tuple[int, int]]]]:
    """Split every text into words and overlapping sub-token windows covering all of them."""
    windows: list[Window] = []
    all_words: list[list[tuple[int, int]]] = []
    for d, text in enumerate(texts):
        words = split_words(text)
        all_words.append(words)
        for ids, types, index in encode_words(tokenizer, [text[s:e] for s, e in words],
                                              max_length, stride, casing):
            windows.append(Window(doc=d, input_ids=ids, type_ids=types, word_index=index))
    return windows, all_words


class Tagger:
    """A token-classification model plus its tokenizer and window settings."""

    def __init__(self, model: torch.nn.Module, tokenizer, config: TaggerConfig,
                 device: str = "cpu", name_or_path: str = "", workers: int = 1) -> None:
        self.model = model.to(device).eval()
        self.tokenizer = tokenizer
        self.config = config
        self.device = device
        self.name_or_path = name_or_path
        self.labels = [model.config.id2label[i] for i in range(model.config.num_labels)]
        self.quantized = is_quantized(self.model)
        #: CPU: batches run on this many single-threaded workers (:class:`WorkerPool`)
        self.pool = WorkerPool(workers)

    @classmethod
    def from_pretrained(cls, path: str | Path, device: str = "cpu", base: str | None = None,
                        quantize: bool = False) -> "Tagger":
        """Load a tagger dir: a full ``save_pretrained`` model, or a LoRA adapter over ``base``.

        ``quantize=True`` gives int8 encoder weights after loading (:meth:`quantize`).
        """
        path = Path(path)
        if not path.is_dir():
            raise ModelError(f"tagger directory not found: {path}")
        with _quiet_transformers():
            tagger = cls._load(path, device, base)
        return tagger.quantize() if quantize else tagger

    @classmethod
    def _load(cls, path: Path, device: str, base: str | None) -> "Tagger":
        """Vet the dir (:mod:`diplomodel.models.safety`), then load safetensors, never remote code."""
        from safetensors import SafetensorError
        from transformers import AutoTokenizer

        from diplomodel.models.safety import check_tagger_dir

        kind = check_tagger_dir(path)
        cfg_file = path / TAGGER_CONFIG
        config = TaggerConfig.load(cfg_file) if cfg_file.exists() else TaggerConfig()
        if config.adapter and kind != "adapter":
            raise ModelError(f"{cfg_file}: says adapter, but {path / 'adapter_config.json'} is missing")
        try:
            tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True, trust_remote_code=False)
        except (OSError, ValueError, TypeError, KeyError) as exc:
            raise ModelError(f"{path}: the tokenizer cannot be loaded ({exc})") from None
        try:
            if kind == "adapter":
                model = _load_adapter(path, config, base)
            else:
                model = _load_full(path, config, cfg_file.exists())
        except (OSError, ValueError, RuntimeError, KeyError, SafetensorError) as exc:
            raise ModelError(f"{path}: the weights cannot be loaded ({type(exc).__name__}: "
                             f"{str(exc)[:300]})") from None
        _check_fits(model, tokenizer, config, path)
        return cls(model, tokenizer, config, device=device, name_or_path=str(path))

    def save_pretrained(self, path: str | Path) -> None:
        """Save the (merged) model, tokenizer and ``tagger_config.json`` as a full HF dir.

        A quantized tagger saves the fp32 weights it was loaded from (they are reloaded from
        ``name_or_path``); int8 is chosen again at load time.
        """
        if self.quantized:  # int8 weights are a load-time choice: save the fp32 weights they came from
            source = Path(self.name_or_path)
            if not source.is_dir() or source.resolve() == Path(path).resolve():
                raise ModelError("a quantized tagger cannot be saved; save the fp32 tagger and "
                                 "quantize it at load time (quantize=True)")
            Tagger.from_pretrained(source, device="cpu", base=self.config.base).save_pretrained(path)
            return
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        self.model.save_pretrained(path, safe_serialization=True)
        self.tokenizer.save_pretrained(path)
        cfg = asdict(self.config) | {"adapter": False}
        (path / TAGGER_CONFIG).write_text(json.dumps(cfg, indent=2), "utf-8")

    @classmethod
    def tiny_random(cls, seed: int = 0, max_length: int = 32, stride: int = 8) -> "Tagger":
        """A tiny randomly initialised tagger (character vocabulary) for tests."""
        from transformers import BertConfig, BertForTokenClassification, BertTokenizerFast

        torch.manual_seed(seed)
        chars = [chr(c) for c in range(33, 127) if not chr(c).isupper()]
        vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + chars + [f"##{c}" for c in chars]
        with tempfile.TemporaryDirectory() as tmp:
            vocab_file = Path(tmp) / "vocab.txt"
            vocab_file.write_text("\n".join(vocab) + "\n", "utf-8")
            tokenizer = BertTokenizerFast(vocab_file=str(vocab_file), do_lower_case=True)
        config = BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=2,
                            num_attention_heads=2, intermediate_size=64, max_position_embeddings=128,
                            type_vocab_size=NUM_CASING_CLASSES, num_labels=len(BIO_LABELS),
                            id2label=dict(enumerate(BIO_LABELS)),
                            label2id={l: i for i, l in enumerate(BIO_LABELS)})
        model = BertForTokenClassification(config)
        return cls(model, tokenizer, TaggerConfig(max_length=max_length, stride=stride),
                   name_or_path="tiny-random")

    def quantize(self) -> "Tagger":
        """Int8 weights for the encoder's linear layers (CPU; see :mod:`diplomodel.models.runtime`).

        A quantized tagger runs each window on its own: dynamic quantization scales activations per
        tensor, so a window batched with others would be quantized with their range too and its
        labels would depend on its batch mates. Returns ``self``.

        >>> t = Tagger.tiny_random().quantize()
        >>> t.quantized, len(t.predict(["Ana Lopez met Ali Khan."])) == 1
        (True, True)
        """
        if self.quantized:
            return self
        if torch.device(self.device).type != "cpu":
            raise ModelError(f"int8 quantization runs on CPU only, not on {self.device}; "
                             f"use device='cpu' or leave quantization off")
        quantize_encoder(self.model)
        self.quantized = True
        return self

    @torch.inference_mode()
    def predict(self, texts: Sequence[str], batch_size: int = 16) -> list[list[Entity]]:
        """Tag every text over its whole length; returns entities per text, in text order.

        Windows are sorted by length and batched ``batch_size`` at a time, each batch padded only
        to its longest window (no attention mask at all when its windows are equally long); on CPU
        the batches run on :attr:`pool`'s workers.
        """
        cfg = self.config
        windows, all_words = make_windows(self.tokenizer, texts, cfg.max_length, cfg.stride, cfg.casing)
        best = [[(-1.0, "O")] * len(words) for words in all_words]
        batches = list(length_batches(windows, 1 if self.quantized else batch_size))
        if torch.device(self.device).type == "cpu":
            tops = self.pool.map(self._top, batches)
        else:
            tops = [self._top(batch) for batch in batches]
        for batch, (top_p, top_i) in zip(batches, tops):
            for w, row_p, row_i in zip(batch, top_p, top_i):
                doc_best = best[w.doc]
                prev = -1
                for word, p, i in zip(w.word_index, row_p, row_i):
                    if word < 0 or word == prev:
                        continue  # only a word's first sub-token carries its label
                    prev = word
                    if p > doc_best[word][0]:
                        doc_best[word] = (p, self.labels[i])
        return [decode_words([t for _, t in best[d]], [max(p, 0.0) for p, _ in best[d]],
                             all_words[d], text) for d, text in enumerate(texts)]

    def _top(self, batch: Sequence[Window]) -> tuple[list[list[float]], list[list[int]]]:
        """Best label's probability and index at every position of every window of a batch."""
        top_p, top_i = self._forward(batch).float().softmax(-1).max(-1)
        return top_p.tolist(), top_i.tolist()

    def _forward(self, batch: Sequence[Window]) -> torch.Tensor:
        """Logits ``(len(batch), width, labels)`` of windows padded to the longest of them."""
        width = max(len(w.input_ids) for w in batch)
        pad = self.tokenizer.pad_token_id or 0
        ids = torch.full((len(batch), width), pad, dtype=torch.long)
        types = torch.zeros((len(batch), width), dtype=torch.long)
        mask = torch.zeros((len(batch), width), dtype=torch.long)
        for r, w in enumerate(batch):
            n = len(w.input_ids)
            ids[r, :n] = torch.tensor(w.input_ids)
            types[r, :n] = torch.tensor(w.type_ids)
            mask[r, :n] = 1
        padded = any(len(w.input_ids) < width for w in batch)
        return self.model(input_ids=ids.to(self.device), token_type_ids=types.to(self.device),
                          attention_mask=mask.to(self.device) if padded else None).logits


def length_batches(windows: Sequence[Window], batch_size: int) -> Iterator[list[Window]]:
    """Windows longest first (ties in input order), ``batch_size`` at a time: little padding.

    >>> ws = [Window(0, [1] * n, [0] * n, [-1] * n) for n in (3, 9, 5, 9)]
    >>> [[len(w.input_ids) for w in b] for b in length_batches(ws, 2)]
    [[9, 9], [5, 3]]
    """
    order = sorted(range(len(windows)), key=lambda i: -len(windows[i].input_ids))
    size = max(1, int(batch_size))
    for b in range(0, len(order), size):
        yield [windows[i] for i in order[b:b + size]]


@contextlib.contextmanager
def _quiet_transformers() -> Iterator[None]:
    """Loading reports and progress bars are noise for briefing users; errors still surface."""
    from transformers.utils import logging as hf_logging

    level = hf_logging.get_verbosity()
    bars = hf_logging.is_progress_bar_enabled()
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)
            yield
    finally:
        hf_logging.set_verbosity(level)
        if bars:
            hf_logging.enable_progress_bar()


def _load_full(path: Path, config: TaggerConfig, has_config_file: bool) -> torch.nn.Module:
    from transformers import AutoModelForTokenClassification

    model, info = AutoModelForTokenClassification.from_pretrained(
        path, local_files_only=True, use_safetensors=True, trust_remote_code=False, output_loading_info=True)
    bad = {k: sorted(v) for k, v in info.items() if k != "error_msgs" and v}
    if bad or info.get("error_msgs"):
        detail = "; ".join(f"{len(v)} {k.replace('_', ' ')} (e.g. {v[0]!r})" for k, v in bad.items())
        raise ModelError(f"{path / 'model.safetensors'}: the weights do not fit {path / 'config.json'} "
                         f"({detail or info['error_msgs'][0]}); config and weights are of different models")
    labels = [model.config.id2label[i] for i in range(model.config.num_labels)]
    if has_config_file and labels != config.labels:
        raise ModelError(f"{path / TAGGER_CONFIG}: labels differ from the label map in "
                         f"{path / 'config.json'} ({config.labels} vs {labels})")
    return model


def _load_adapter(path: Path, config: TaggerConfig, base: str | None) -> torch.nn.Module:
    from peft import PeftModel

    from diplomodel.models.safety import check_hf_config
    from diplomodel.models.weights import resolve_base

    base_dir = resolve_base(base or config.base or "")
    check_hf_config(Path(base_dir), token_classifier=False)
    model = build_base_model(base_dir, config)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model = PeftModel.from_pretrained(model, str(path), is_trainable=False)
    missing = [str(w.message) for w in caught if "missing adapter keys" in str(w.message)]
    if missing:
        raise ModelError(f"{path / 'adapter_model.safetensors'}: does not fit the base {base_dir} "
                         f"({missing[0][:300]}); adapter and base are of different models")
    return model.merge_and_unload()


def _check_fits(model: torch.nn.Module, tokenizer, config: TaggerConfig, path: Path) -> None:
    """Refuse a model that would fail at the first article: vocabulary, casing ids, window size."""
    vocab = model.get_input_embeddings().num_embeddings
    if len(tokenizer) > vocab:
        raise ModelError(f"{path}: the tokenizer has {len(tokenizer)} tokens, the model's embedding "
                         f"only {vocab}; tokenizer and weights are of different models")
    positions = getattr(model.config, "max_position_embeddings", None)
    if isinstance(positions, int) and config.max_length > positions:
        raise ModelError(f"{path / TAGGER_CONFIG}: max_length {config.max_length} exceeds the model's "
                         f"{positions} positions")
    if config.casing:
        types = _embeddings_module(model).token_type_embeddings.num_embeddings
        if types < NUM_CASING_CLASSES:
            raise ModelError(f"{path}: casing is on but the model has {types} token types, not "
                             f"{NUM_CASING_CLASSES}; set casing to false in {TAGGER_CONFIG} or retrain")


def build_base_model(base_dir: str, config: TaggerConfig) -> torch.nn.Module:
    """The base encoder with a fresh token-classification head and, if asked, casing embeddings."""
    from transformers import AutoModelForTokenClassification

    model = AutoModelForTokenClassification.from_pretrained(
        base_dir, local_files_only=True, use_safetensors=True, trust_remote_code=False,
        num_labels=len(config.labels),
        id2label=dict(enumerate(config.labels)), label2id={l: i for i, l in enumerate(config.labels)})
    if config.casing:
        expand_casing_embeddings(model)
    return model
