"""CrossNER politics (``token<TAB>BIO-label`` per line, blank line between sentences) -> records.

Each sentence is one record (ids ``crossner-<split>-<n>``, split from the file name).
politician/person -> PERSON, country -> COUNTRY, politicalparty/organisation -> ORG,
location -> LOC (COUNTRY when it names a state), misc -> COUNTRY when it is a nationality
adjective ("Russian"); election/event and other misc are dropped.
No roles, titles or dates are annotated, so ``annotated_labels`` is PERSON, COUNTRY, ORG, LOC.

Example:
    >>> rows = "Ana\\tB-politician\\nLopez\\tI-politician\\nvisited\\tO\\nChile\\tB-country\\n\\n"
    >>> rec = parse_crossner(rows, "dev")[0]
    >>> rec["text"], [(rec["text"][e["start"]:e["end"]], e["label"]) for e in rec["entities"]]
    ('Ana Lopez visited Chile', [('Ana Lopez', 'PERSON'), ('Chile', 'COUNTRY')])
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from diplomodel.data.importers._common import bio_chunks, is_country, is_demonym, join_tokens
from diplomodel.jsonl import split_lines

ANNOTATED_LABELS = ["PERSON", "COUNTRY", "ORG", "LOC"]
LABEL_MAP = {"politician": "PERSON", "person": "PERSON", "country": "COUNTRY",
             "politicalparty": "ORG", "organisation": "ORG", "location": "LOC"}
SPLITS = {"train": "train", "dev": "validation", "test": "test"}


def parse_crossner(content: str, split: str) -> list[dict[str, Any]]:
    """Records of one CrossNER file's content (one per sentence)."""
    sentences: list[tuple[list[str], list[str]]] = [([], [])]
    for line in split_lines(content):  # a token may hold U+2028/U+0085; lines end at "\n"
        cols = line.split("\t")
        if len(cols) < 2 or not cols[0].strip():
            if sentences[-1][0]:
                sentences.append(([], []))
            continue
        sentences[-1][0].append(cols[0].strip())
        sentences[-1][1].append(cols[1].strip() or "O")
    out = []
    for n, (toks, tags) in enumerate(s for s in sentences if s[0]):
        text, (offs,) = join_tokens([toks])
        ents = []
        for a, b, kind in bio_chunks(tags):
            label = LABEL_MAP.get(kind)
            s, e = offs[a][0], offs[b - 1][1]
            if label == "LOC" and is_country(text[s:e]) or kind == "misc" and is_demonym(text[s:e]):
                label = "COUNTRY"
            if label:
                ents.append({"start": s, "end": e, "label": label})
        out.append({"id": f"crossner-{split}-{n:04d}", "text": text, "published": None,
                    "source": "crossner_politics", "entities": ents,
                    "annotated_labels": list(ANNOTATED_LABELS), "split": split})
    return out


def load(root: str | Path) -> dict[str, list[dict[str, Any]]]:
    """``{split: records}`` from ``train.txt``/``dev.txt``/``test.txt`` under ``root``."""
    root = Path(root)
    return {split: parse_crossner((root / f"{name}.txt").read_text(encoding="utf-8"), split)
            for name, split in SPLITS.items() if (root / f"{name}.txt").exists()}
