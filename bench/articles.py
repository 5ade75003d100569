"""The article sets the bench scripts measure on: examples/, the real dev split, generated long ones.

``example_records()`` reads ``examples/*.txt``; ``dev_records()`` reads the real dev split from
``../shared/data/meetings_real/dev.jsonl`` at run time (nothing of it is copied into the repo);
``generated_records(n, min_words, max_words)`` builds ``n`` articles whose lengths are spread evenly
from ``min_words`` to ``max_words`` words (shuffled), each one generated article followed by the
paragraphs of further ones from our own synthetic generator (``diplomodel.data.synth``).

Example:
    >>> from bench.articles import generated_records, word_count
    >>> recs = generated_records(4, 250, 400, seed=1)
    >>> sorted(250 <= word_count(r["text"]) <= 400 for r in recs)
    [True, True, True, True]
"""
from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEV = REPO.parent / "shared" / "data" / "meetings_real" / "dev.jsonl"


def word_count(text: str) -> int:
    """Whitespace-separated words, the unit of the article lengths here."""
    return len(text.split())


def example_records() -> list[dict[str, Any]]:
    """``examples/*.txt`` as ``{id, text}`` records (sorted by file name)."""
    return [{"id": p.name, "text": p.read_text("utf-8")} for p in sorted((REPO / "examples").glob("*.txt"))]


def dev_records(path: str | Path = DEV) -> list[dict[str, Any]]:
    """The real dev split's ``{id, text, published}`` (read at run time; gold fields dropped)."""
    out = []
    for line in Path(path).read_text("utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            out.append({"id": d["id"], "text": d["text"], "published": d.get("published")})
    return out


def generated_records(n: int = 500, min_words: int = 250, max_words: int = 4000,
                      seed: int = 11) -> list[dict[str, Any]]:
    """``n`` articles of ``min_words``..``max_words`` words built from generated ones, shuffled."""
    from diplomodel.data.synth import generate_one
    from diplomodel.data.synth.generator import load_officials

    officials = load_officials(None)
    rng = random.Random(seed)
    targets = [min_words + round((max_words - min_words) * i / max(1, n - 1)) for i in range(n)]
    rng.shuffle(targets)
    out, index = [], 0

    def next_record() -> dict[str, Any]:
        nonlocal index
        index += 1
        return generate_one(seed, "heldout", index - 1, officials)

    for i, target in enumerate(targets):
        head = next_record()
        paragraphs = [p for p in head["text"].split("\n\n") if p.strip()]
        words = sum(word_count(p) for p in paragraphs)
        while words < target:
            more = [p for p in next_record()["text"].split("\n\n")[1:] if p.strip()]
            paragraphs += more
            words += sum(word_count(p) for p in more)
        while words - word_count(paragraphs[-1]) >= target:   # whole paragraphs past the target go
            words -= word_count(paragraphs.pop())
        if words > target:                                     # the last one is cut to the word
            last = paragraphs[-1].split(" ")
            paragraphs[-1] = " ".join(last[: len(last) - (words - target)])
        out.append({"id": f"gen-{i:04d}", "text": "\n\n".join(paragraphs), "published": head["published"]})
    return out
