"""Same model and input -> byte-identical JSON: across batch sizes 1 and 16, across processes.

Texts of very different lengths share batches (so windows are padded differently) and the
long ones span many windows of the tiny model (32 sub-tokens), where the best-scoring window
decides each word.
"""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import EXAMPLES
from diplomodel.briefer import Briefer
from diplomodel.data.synth import generate


def corpus() -> list[dict]:
    recs = [{"id": r["id"], "text": r["text"], "published": r["published"]}
            for r in generate(n=24, seed=31, split="heldout")]
    recs += [{"id": p.stem, "text": p.read_text("utf-8"), "published": "2024-03-05"}
             for p in sorted(EXAMPLES.glob("*.txt"))]
    recs += [{"id": "empty", "text": "", "published": None},
             {"id": "short", "text": "Talks.", "published": None},
             {"id": "long", "text": " ".join(r["text"] for r in recs[:6]) * 3, "published": "2024-01-09"},
             {"id": "mixed", "text": "ANKARA - Hakan Fidan \u0645\u0639 Ali Khan \u4e0e Ivan \u2028Petrov.",
              "published": "2024-02-28"}]
    return recs


def lines(briefer: Briefer, recs: list[dict], summary: bool = True) -> bytes:
    return b"".join((json.dumps(b.to_dict(), ensure_ascii=False) + "\n").encode("utf-8")
                    for b in briefer(recs, summary=summary))


def test_batch_1_and_16_give_identical_bytes(tiny_model_dir: Path) -> None:
    recs = corpus()
    one = lines(Briefer.from_pretrained(tiny_model_dir, device="cpu", batch_size=1), recs)
    sixteen = lines(Briefer.from_pretrained(tiny_model_dir, device="cpu", batch_size=16), recs)
    assert one == sixteen
    # and the same records in another order and grouping give the same brief per record
    shuffled = recs[::-1]
    again = lines(Briefer.from_pretrained(tiny_model_dir, device="cpu", batch_size=5), shuffled)
    assert sorted(again.splitlines()) == sorted(one.splitlines())


def test_cli_runs_in_two_processes_match_each_other_and_the_library(tiny_model_dir: Path, tmp_path: Path,
                                                                   cli_cmd, cli_env) -> None:
    recs = corpus()
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), "utf-8")
    outs = []
    for batch in (1, 16):
        out = tmp_path / f"out{batch}.jsonl"
        proc = subprocess.run(cli_cmd + ["brief", "--input", str(src), "--output", str(out), "--quiet",
                                         "--batch-size", str(batch)], env=cli_env, capture_output=True,
                              text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    assert outs[0] == lines(Briefer.from_pretrained(tiny_model_dir, device="cpu", batch_size=4), recs)


@pytest.mark.real_model
def test_shipped_model_batch_1_and_16_identical() -> None:
    """The extractive brief. Summaries are left out to keep the suite short: generation is greedy
    and repeats run to run (tests/models/test_summarizer.py); 8 dev reports generated as one batch
    and one by one gave identical text (bench note), but that is not asserted here."""
    from conftest import REAL_MODEL_DIR

    recs = corpus()
    one = lines(Briefer.from_pretrained(REAL_MODEL_DIR, device="cpu", batch_size=1), recs, summary=False)
    sixteen = lines(Briefer.from_pretrained(REAL_MODEL_DIR, device="cpu", batch_size=16), recs, summary=False)
    assert one == sixteen


def test_tagger_scores_do_not_depend_on_the_batch(tiny_model_dir: Path) -> None:
    """Exact float equality: a window is never padded to a neighbour's length."""
    tagger = Briefer.from_pretrained(tiny_model_dir, device="cpu").tagger
    texts = [r["text"] for r in corpus()]
    alone = [tagger.predict([t], batch_size=1)[0] for t in texts]
    assert tagger.predict(texts, batch_size=16) == alone
    assert tagger.predict(texts[::-1], batch_size=7) == alone[::-1]
