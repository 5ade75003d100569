"""Fuzz and hostile inputs: every input ends in a schema-valid brief or one clear error, in time.

Generated inputs (hypothesis, and bench/hostile.py's seeded generator) and a fixed corpus of
hostile ones (bench/hostile.py: empty, 1 MB, a 50,000-character word, NUL and control
characters, mixed scripts, RTL marks, HTML, markdown, emoji, numbers, a sentence 10,000 times,
impossible and far-off dates) go through ``brief()``, ``Briefer``, the CLI (one process for a
whole batch), the extraction rules directly and the linearised-brief parser. Each call has a
time bound scaled to its length. The tiny random model tags at random, so the extraction rules
meet entity sets no real article would give them.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REPO, validate_brief
from diplomodel import briefer as briefer_mod
from diplomodel.briefer import Briefer
from diplomodel.cli import main
from diplomodel.data.views import parse_linearized
from diplomodel.errors import InputError
from diplomodel.extraction import build_brief
from diplomodel.extraction.dates import resolve_date
from diplomodel.models.labels import ENTITY_LABELS, Entity
from diplomodel.models.text import split_words
from diplomodel.schema import MeetingBrief, validate_brief_dict

sys.path.insert(0, str(REPO / "bench"))
from hostile import FRAGMENTS, MALFORMED_PUBLISHED, PUBLISHED, corpus, problems, random_case  # noqa: E402

N_BRIEFER_EXAMPLES, BRIEFER_BATCH = 100, 16     # 1,600 generated texts through Briefer
N_CLI_RECORDS = 480                             # + 480 generated records through one CLI process
FUZZ = settings(deadline=None, database=None, suppress_health_check=list(HealthCheck))


def bound(n_chars: int) -> float:
    """Seconds one input may take: generous for a busy 2-core box (1 MB: 63 s), never unbounded."""
    return 3.0 + 60e-6 * n_chars


@contextlib.contextmanager
def time_limit(seconds: float, what: str) -> Iterator[None]:
    """Fail (instead of hanging) when the block runs past ``seconds``."""
    def expire(signum, frame):
        raise TimeoutError(f"{what}: still running after {seconds:.1f} s")

    old = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    start = time.perf_counter()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    assert time.perf_counter() - start <= seconds, what


def check(d: dict[str, Any] | MeetingBrief, text: str) -> dict[str, Any]:
    """Schema-valid, round-trips, writes as UTF-8, every span inside the text; the parser copes."""
    d = validate_brief(d)
    assert problems(d, text) == []
    return d


def summary_parser_ok(s: str) -> dict[str, Any]:
    """Whatever text the parser gets, it returns the makings of a schema-valid brief."""
    parsed = parse_linearized(s)
    validate_brief_dict(MeetingBrief.from_dict(parsed).to_dict())
    return parsed


@pytest.fixture(scope="module")
def tiny(tiny_model_dir: Path) -> Briefer:
    return Briefer.from_pretrained(tiny_model_dir, device="cpu", batch_size=BRIEFER_BATCH)


# ------------------------------------------------------------------ generated inputs

def _texts() -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40),
                      st.from_regex(r"[A-Z][a-z]{1,9}(?: [A-Z][a-z]{1,9}){0,3}", fullmatch=True),
                      st.sampled_from(["met", "received", "spoke by phone with", "in", "on", ",", ".", "\n"]))
    joined = st.tuples(st.lists(piece, max_size=14), st.sampled_from(["", " ", "\n", ". "])).map(
        lambda t: t[1].join(t[0]))
    return st.one_of(st.text(max_size=300), joined)


PUBLISHED_ST = st.one_of(st.none(), st.sampled_from(PUBLISHED), st.dates().map(dt.date.isoformat), st.dates())


def test_generated_batches_through_briefer(tiny: Briefer) -> None:
    seen: list[int] = []

    @settings(FUZZ, max_examples=N_BRIEFER_EXAMPLES)
    @given(batch=st.lists(st.tuples(_texts(), PUBLISHED_ST), min_size=BRIEFER_BATCH, max_size=BRIEFER_BATCH))
    def run(batch: list[tuple[str, Any]]) -> None:
        recs = [{"id": f"g{i}", "text": t, "published": p} for i, (t, p) in enumerate(batch)]
        with time_limit(sum(bound(len(t)) for t, _ in batch), "batch of generated texts"):
            out = tiny(recs)
        assert [b.id for b in out] == [r["id"] for r in recs]
        for b, (t, _) in zip(out, batch):
            check(b, t)
        seen.append(len(batch))

    run()
    assert sum(seen) >= N_BRIEFER_EXAMPLES * BRIEFER_BATCH


@settings(FUZZ, max_examples=300)
@given(data=st.data(), text=_texts(), published=st.one_of(st.none(), st.dates()))
def test_extraction_rules_on_random_entities(data, text: str, published) -> None:
    """build_brief on any non-overlapping word-aligned entities, of any labels."""
    words = split_words(text)
    ents, i = [], 0
    while words and i < len(words):
        i += data.draw(st.integers(0, 3))
        if i >= len(words):
            break
        j = min(len(words) - 1, i + data.draw(st.integers(0, 3)))
        label = data.draw(st.sampled_from(ENTITY_LABELS))
        s, e = words[i][0], words[j][1]
        ents.append(Entity(s, e, label, data.draw(st.floats(0, 1)), text[s:e]))
        i = j + 1
    with time_limit(bound(len(text)), "build_brief"):
        brief = build_brief(text, ents, published)
    brief.model = {"name": "rules", "version": "0"}
    check(brief, text)


@settings(FUZZ, max_examples=300)
@given(lines=st.lists(st.tuples(st.sampled_from(["meeting", "format", "date", "location", "participant",
                                                 "mentioned", "country", "topic", "outcome", "summary",
                                                 "other", ""]),
                                st.one_of(st.text(max_size=60), st.sampled_from(
                                    ["yes", "in_person", "banana", "2024-02-30", "2024-03-05", "| |", "|",
                                     "A | B | C | D | E", "x\u2028y", "\u0085"]))), max_size=12),
       noise=st.text(max_size=80))
def test_summary_parser_on_anything(lines: list[tuple[str, str]], noise: str) -> None:
    s = "\n".join(f"{k}: {v}" for k, v in lines) + noise
    summary_parser_ok(s)
    summary_parser_ok(noise)


@settings(FUZZ, max_examples=300)
@given(expr=st.one_of(st.text(max_size=40), st.sampled_from(
    ["tomorrow", "yesterday", "next Monday", "last week", "Monday", "31 February", "February 30",
     "29 February 2023", "December 31", "January 1", "March 5, 99999", "0 March", "in 9999"])),
       published=st.one_of(st.none(), st.dates(), st.sampled_from([dt.date.min, dt.date.max])))
def test_date_resolution_never_raises(expr: str, published) -> None:
    day = resolve_date(expr, published)
    assert day is None or isinstance(day, dt.date)


# ------------------------------------------------------------------ the hostile corpus

CORPUS = corpus()


@pytest.fixture
def default_is_tiny(tiny_model_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIPLOMODEL_MODEL_DIR", str(tiny_model_dir))
    monkeypatch.setattr(briefer_mod, "_DEFAULT", None)


def test_hostile_corpus_through_brief(default_is_tiny) -> None:
    from diplomodel import brief

    for case in CORPUS:
        with time_limit(bound(len(case.text)), case.name):
            b = brief(case.text, published=case.published)
        assert b.id is None, case.name
        check(b, case.text)


def test_hostile_corpus_and_generated_records_through_one_cli_process(tmp_path: Path, cli_cmd, cli_env,
                                                                      check_brief) -> None:
    rng = random.Random(1234)
    cases = CORPUS + [random_case(rng, i) for i in range(N_CLI_RECORDS)]
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_bytes(b"".join((json.dumps({"id": c.name, "text": c.text, "published": c.published},
                                         ensure_ascii=False) + "\n").encode("utf-8") for c in cases))
    assert "\u2028".encode() in src.read_bytes()  # raw separators inside JSON strings
    limit = 60 + sum(bound(len(c.text)) for c in cases)
    # fp32: int8 runs each window alone, which on the tiny model is 4x slower than batching it (the
    # quantized path reads the same windows; test_hostile_corpus_through_brief runs it)
    proc = subprocess.run(cli_cmd + ["brief", "--input", str(src), "--output", str(out), "--quiet", "--no-int8"],
                          env=cli_env, capture_output=True, text=True, timeout=limit)
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    rows = [check_brief(line) for line in out.read_bytes().decode("utf-8").split("\n") if line]
    assert [r["id"] for r in rows] == [c.name for c in cases]
    for r, c in zip(rows, cases):
        check(r, c.text)


@pytest.mark.parametrize("line, field", [
    ('{"id": "a", "text": "Ana \\ud800 Lopez met Ali Khan."}', "text"),
    ('{"id": "a", "text": "tail \\udfff"}', "text"),
    ('{"id": "a\\udc80", "text": "Ana Lopez met Ali Khan."}', "id"),
])
def test_lone_surrogates_in_jsonl_are_one_clear_error(tiny_model_dir: Path, tmp_path: Path, capsys,
                                                      line: str, field: str) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text('{"id": "ok", "text": "Fine."}\n' + line + "\n", "utf-8")
    rc = main(["brief", "--input", str(src), "--output", str(out), "--model", str(tiny_model_dir)])
    _, err = capsys.readouterr()
    assert rc == 2 and err.count("\n") == 1 and "Traceback" not in err
    assert f"{src}:2:" in err and f'field "{field}": not valid Unicode: lone surrogate' in err
    assert not out.exists()


def test_lone_surrogates_through_briefer_and_brief(tiny: Briefer, default_is_tiny) -> None:
    from diplomodel import brief

    text = json.loads('"Ana Lopez \\ud83d met Ali Khan."')
    for call in (lambda: tiny([text]), lambda: tiny([{"id": "x", "text": text}]), lambda: brief(text)):
        with pytest.raises(InputError, match='field "text": not valid Unicode: lone surrogate U\\+D83D'):
            call()


@pytest.mark.parametrize("published", MALFORMED_PUBLISHED)
def test_malformed_published_is_one_clear_error(tiny: Briefer, tiny_model_dir: Path, tmp_path: Path, capsys,
                                                published: str) -> None:
    with pytest.raises(InputError, match='field "published"'):
        tiny([{"id": "x", "text": "Ana Lopez met Ali Khan.", "published": published}])
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "x", "text": "Talks.", "published": published}) + "\n", "utf-8")
    rc = main(["brief", "--input", str(src), "--model", str(tiny_model_dir)])
    _, err = capsys.readouterr()
    assert rc == 2 and err.count("\n") == 1 and f"{src}:1: record 'x': field \"published\"" in err
