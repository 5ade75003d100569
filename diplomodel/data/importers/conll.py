"""CoNLL-2003 English (4 columns, IOB1, ``-DOCSTART-`` between documents) -> records.

Document text = tokens joined by single spaces, sentences by newlines. PER -> PERSON, ORG -> ORG,
LOC -> COUNTRY when the span names a state else LOC, MISC -> COUNTRY when it is a nationality
adjective of a state, else dropped. Titles, dates and participant roles are not annotated, so
``annotated_labels`` is ``["PERSON", "ORG", "LOC", "COUNTRY"]``.

Example:
    >>> import tempfile, os
    >>> sample = ("-DOCSTART- -X- -X- O\\n\\nRabat NNP I-NP I-LOC\\n1997-03-02 CD I-NP O\\n\\n"
    ...           "Moroccan JJ I-NP I-MISC\\nofficials NNS I-NP O\\nmet VBD I-VP O\\n"
    ...           "Ana NNP I-NP I-PER\\nLopez NNP I-NP I-PER\\n. . O O\\n")
    >>> path = os.path.join(tempfile.mkdtemp(), "eng.testa")
    >>> _ = open(path, "w").write(sample)
    >>> rec = read_conll(path)[0]
    >>> rec["published"], [(rec["text"][e["start"]:e["end"]], e["label"]) for e in rec["entities"]]
    ('1997-03-02', [('Rabat', 'LOC'), ('Moroccan', 'COUNTRY'), ('Ana Lopez', 'PERSON')])
    >>> conll_sentences(path)[1]
    (['Moroccan', 'officials', 'met', 'Ana', 'Lopez', '.'], ['I-MISC', 'O', 'O', 'I-PER', 'I-PER', 'O'])
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from diplomodel.data.importers._common import bio_chunks, is_country, is_demonym, join_tokens
from diplomodel.errors import InputError

ANNOTATED_LABELS = ["PERSON", "ORG", "LOC", "COUNTRY"]
SPLITS = {"eng.train": "train", "eng.testa": "validation", "eng.testb": "test"}
_DATE = re.compile(r"^(19|20)\d\d-\d\d-\d\d$")


def _documents(path: str | Path) -> list[list[tuple[list[str], list[str]]]]:
    docs: list[list[tuple[list[str], list[str]]]] = [[]]
    toks: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        if toks:
            docs[-1].append((list(toks), list(tags)))
            toks.clear()
            tags.clear()

    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            cols = line.split()
            if not cols:
                flush()
            elif cols[0] == "-DOCSTART-":
                flush()
                if docs[-1]:
                    docs.append([])
            else:
                if len(cols) < 2:
                    raise InputError("expected 'token POS chunk NER'", file=str(path), line=n)
                toks.append(cols[0])
                tags.append(cols[-1])
    flush()
    return [d for d in docs if d]


def conll_sentences(path: str | Path) -> list[tuple[list[str], list[str]]]:
    """Every sentence as ``(tokens, original NER tags)`` (PER/LOC/ORG/MISC, IOB1) for evaluation."""
    return [sent for doc in _documents(path) for sent in doc]


def map_label(kind: str, mention: str) -> str | None:
    """CoNLL type + mention text -> our label (``None`` = dropped).

    >>> map_label("LOC", "Germany"), map_label("LOC", "Bonn"), map_label("MISC", "German")
    ('COUNTRY', 'LOC', 'COUNTRY')
    """
    if kind == "PER":
        return "PERSON"
    if kind == "ORG":
        return "ORG"
    if kind == "LOC":
        return "COUNTRY" if is_country(mention) else "LOC"
    if kind == "MISC" and is_demonym(mention):
        return "COUNTRY"
    return None


def read_conll(path: str | Path, split: str | None = None) -> list[dict[str, Any]]:
    """Read one CoNLL-2003 file into records (one per ``-DOCSTART-`` document)."""
    path = Path(path)
    split = split or SPLITS.get(path.name, path.name)
    out = []
    for di, doc in enumerate(_documents(path)):
        text, offsets = join_tokens([toks for toks, _ in doc])
        ents = []
        for (toks, tags), offs in zip(doc, offsets):
            for a, b, kind in bio_chunks(tags):
                s, e = offs[a][0], offs[b - 1][1]
                label = map_label(kind, text[s:e])
                if label:
                    ents.append({"start": s, "end": e, "label": label})
        published = next((t for toks, _ in doc[:3] for t in toks if _DATE.match(t)), None)
        out.append({"id": f"conll2003-{split}-{di:04d}", "text": text, "published": published,
                    "source": "conll2003", "entities": ents, "annotated_labels": list(ANNOTATED_LABELS),
                    "split": split})
    return out


def load(root: str | Path) -> dict[str, list[dict[str, Any]]]:
    """All three files under ``root`` (``eng.train/testa/testb``) as ``{split: records}``."""
    root = Path(root)
    return {split: read_conll(root / name, split) for name, split in SPLITS.items()
            if (root / name).exists()}
