"""The CPU fast paths: length-sorted dynamic padding, int8 encoder, threads, batch-size invariance."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import torch

from diplomodel import briefer as briefer_mod
from diplomodel.briefer import Briefer
from diplomodel.cli import main
from diplomodel.data.synth import generate
from diplomodel.errors import ModelError
from diplomodel.models import runtime
from diplomodel.models.labels import BIO_LABELS, LABEL2ID
from diplomodel.models.tagger import Tagger, TaggerConfig, Window, length_batches, make_windows


def _articles(n: int = 9) -> list[dict]:
    """Generated articles of very different lengths (the tiny model's windows are 32 sub-tokens)."""
    recs = generate(n=n, seed=5, split="heldout")
    out = []
    for i, r in enumerate(recs):
        text = r["text"][: 200 + 150 * i] if i % 3 else r["text"][: 60 + 10 * i]
        out.append({"id": r["id"], "text": text, "published": r["published"]})
    return out


class RecordingModel(torch.nn.Module):
    """Stands in for an encoder: logs each batch's shape and mask, tags Title-case words PARTICIPANT."""

    def __init__(self) -> None:
        super().__init__()
        from transformers import BertConfig

        self.config = BertConfig(num_labels=len(BIO_LABELS), id2label=dict(enumerate(BIO_LABELS)))
        self.dummy = torch.nn.Parameter(torch.zeros(1))
        self.calls: list[tuple[tuple[int, int], bool, list[int]]] = []

    def forward(self, input_ids, token_type_ids, attention_mask=None):
        lengths = ([int(n) for n in attention_mask.sum(-1)] if attention_mask is not None
                   else [input_ids.shape[1]] * input_ids.shape[0])
        self.calls.append((tuple(input_ids.shape), attention_mask is not None, lengths))
        logits = torch.zeros(*input_ids.shape, len(BIO_LABELS))
        logits[..., LABEL2ID["O"]] = 1.0
        logits[..., LABEL2ID["B-PARTICIPANT"]] = (token_type_ids == 2).float() * 5
        return type("Out", (), {"logits": logits})()


def test_batches_are_length_sorted_and_padded_only_to_their_longest_window():
    tiny = Tagger.tiny_random()
    model = RecordingModel()
    tagger = Tagger(model, tiny.tokenizer, TaggerConfig(max_length=32, stride=8))
    texts = [r["text"] for r in _articles()]
    out = tagger.predict(texts, batch_size=4)
    lengths = [n for _, _, ns in model.calls for n in ns]
    assert lengths == sorted(lengths, reverse=True)                     # longest first
    for (rows, width), masked, ns in model.calls:
        assert width == max(ns) and rows == len(ns) <= 4                 # dynamic padding
        assert masked == (min(ns) < width)                               # no mask without padding
    assert any(not masked for _, masked, _ in model.calls)
    # outputs come back in input order: each text alone gives the same entities
    assert out == [tagger.predict([t], batch_size=4)[0] for t in texts]


def test_windows_are_only_as_long_as_the_text_needs():
    tagger = Tagger.tiny_random(max_length=32, stride=8)
    windows, _ = make_windows(tagger.tokenizer, ["Ana met Ali.", "x " * 200], 32, 8, True)
    short = [w for w in windows if w.doc == 0]
    assert len(short) == 1 and len(short[0].input_ids) == len(tagger.tokenizer("Ana met Ali.")["input_ids"])
    long = [len(w.input_ids) for w in windows if w.doc == 1]
    assert long[:-1] == [32] * (len(long) - 1) and long[-1] <= 32


def test_length_batches_keep_input_order_among_equal_lengths():
    ws = [Window(i, [1] * n, [0] * n, [-1] * n) for i, n in enumerate((4, 7, 4, 7, 4))]
    assert [[w.doc for w in b] for b in length_batches(ws, 2)] == [[1, 3], [0, 2], [4]]


def test_quantize_turns_encoder_linears_to_int8_and_keeps_the_head():
    from torch.ao.nn.quantized.dynamic import Linear as DynamicLinear

    tagger = Tagger.tiny_random(seed=2)
    n_linear = sum(type(m) is torch.nn.Linear for m in tagger.model.bert.modules())
    assert not tagger.quantized
    tagger.quantize()
    assert tagger.quantized and runtime.is_quantized(tagger.model)
    assert sum(isinstance(m, DynamicLinear) for m in tagger.model.bert.modules()) == n_linear
    assert type(tagger.model.classifier) is torch.nn.Linear            # the head stays fp32
    assert tagger.predict(["Foreign Minister Ana Lopez met Ali Khan."])[0] is not None
    with pytest.raises(ModelError, match="quantized tagger cannot be saved"):
        tagger.save_pretrained("/nonexistent/x")


@pytest.mark.parametrize("quantize", [False, True])
def test_batch_1_and_batch_16_give_identical_briefs(quantize: bool):
    tagger = Tagger.tiny_random(seed=4)
    if quantize:
        tagger.quantize()
    records = _articles()
    one = Briefer(tagger, batch_size=1)(records)
    many = Briefer(tagger, batch_size=16)(records)
    assert [b.to_dict() for b in one] == [b.to_dict() for b in many]
    assert [b.id for b in many] == [r["id"] for r in records]
    # entity by entity too, scores included
    texts = [r["text"] for r in records]
    a, b = tagger.predict(texts, batch_size=1), tagger.predict(texts, batch_size=16)
    assert [[(e.start, e.end, e.label) for e in d] for d in a] == [[(e.start, e.end, e.label) for e in d] for d in b]
    if quantize:  # each window runs alone: bit-identical
        assert a == b


def test_from_pretrained_quantizes_on_cpu_by_default_and_on_request_only(tiny_model_dir: Path):
    default = Briefer.from_pretrained(tiny_model_dir, device="cpu")
    assert default.tagger.quantized is briefer_mod.DEFAULT_QUANTIZE
    assert default.info()["quantized"] is briefer_mod.DEFAULT_QUANTIZE
    assert Briefer.from_pretrained(tiny_model_dir, device="cpu", quantize=False).tagger.quantized is False
    assert Briefer.from_pretrained(tiny_model_dir, device="cpu", quantize=True).tagger.quantized is True


def test_cli_int8_switch(tiny_model_dir: Path, capsys: pytest.CaptureFixture[str]):
    for flag, expected in (("--int8", True), ("--no-int8", False)):
        assert main(["info", "--model", str(tiny_model_dir), "--device", "cpu", flag]) == 0
        assert json.loads(capsys.readouterr().out)["quantized"] is expected
    assert main(["info", "--model", str(tiny_model_dir), "--threads", "0"]) == 2
    assert "--threads" in capsys.readouterr().err


def test_cpu_workers_come_from_the_cores_unless_the_environment_says(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    monkeypatch.delenv("MKL_NUM_THREADS", raising=False)
    assert runtime.cpu_workers() == runtime.usable_cores()
    monkeypatch.setenv("OMP_NUM_THREADS", "1")
    assert runtime.cpu_workers() == 1
    assert runtime.cpu_workers(3) == 3                                  # explicit wins


def test_worker_pool_runs_single_threaded_inference_in_input_order():
    before = torch.get_num_threads()
    seen = runtime.WorkerPool(2).map(
        lambda x: (x, torch.get_num_threads(), torch.is_inference_mode_enabled()), range(8))
    assert [x for x, _, _ in seen] == list(range(8))
    assert all(n == 1 and inference for _, n, inference in seen)
    assert torch.get_num_threads() == before                            # the caller's count is kept


def test_from_pretrained_sets_the_workers(tiny_model_dir: Path):
    b = Briefer.from_pretrained(tiny_model_dir, device="cpu", threads=3)
    assert b.tagger.pool.workers == 3 and b.info()["cpu_workers"] == 3
