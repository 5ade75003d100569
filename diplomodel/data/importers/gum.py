"""GUM news (CoNLL-U, entities in MISC ``Entity=`` brackets, human summary) -> records.

Text is rebuilt from the tokens (``SpaceAfter=No`` honoured, sentences on separate lines). GUM
marks every mention ("the military", "he"); only named ones are kept: person/place/organization
mentions made of proper nouns (a leading "the" dropped) and time mentions holding a number or a
proper noun ("August 20, 2015", "Monday") or "yesterday"/"today"/"tomorrow". person -> PERSON,
place -> COUNTRY (a state) or LOC, organization -> ORG (COUNTRY when it names a state, as GUM
types governments acting as "organization"), time -> DATE. ``# meta::summary1`` becomes the
summary-only brief; ``# meta::dateCreated`` the published date.

Example:
    >>> rows = [("Envoys", "NOUN", "Entity=(1-person-new-x-x-1-sgl)"), ("met", "VERB", "_"),
    ...         ("in", "ADP", "_"), ("Oslo", "PROPN", "Entity=(2-place-new-x-x-1-sgl-Oslo)"),
    ...         ("on", "ADP", "_"), ("Monday", "PROPN", "Entity=(3-time-new-x-x-1-sgl)|SpaceAfter=No"),
    ...         (".", "PUNCT", "_")]
    >>> sample = "\\n".join(["# newdoc id = demo", "# meta::dateCreated = 2020-05-04",
    ...     "# meta::summary1 = (human1) Two envoys talked."] + ["\\t".join([str(i), w, w, p, "_", "_",
    ...     "0", "dep", "_", m]) for i, (w, p, m) in enumerate(rows, 1)])
    >>> rec = parse_conllu(sample, "demo.conllu")[0]
    >>> rec["text"], rec["published"], rec["brief"]["summary"]
    ('Envoys met in Oslo on Monday.', '2020-05-04', 'Two envoys talked.')
    >>> [(rec["text"][e["start"]:e["end"]], e["label"]) for e in rec["entities"]]
    [('Oslo', 'LOC'), ('Monday', 'DATE')]
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from diplomodel.data.importers._common import is_country, word_safe
from diplomodel.data.record import hash_split
from diplomodel.jsonl import split_lines

ANNOTATED_LABELS = ["PERSON", "COUNTRY", "ORG", "LOC", "DATE"]
_ENTITY = re.compile(r"\((\d+)-([a-z]+)([^()]*)(\)?)|(\d+)\)")
_TYPES = {"person": "PERSON", "place": "LOC", "organization": "ORG", "time": "DATE"}
_NAME_POS = {"PROPN", "ADP", "DET", "PUNCT", "CCONJ", "NUM", "PART"}
_DEICTIC = {"yesterday", "today", "tomorrow", "tonight"}


def _keep(kind: str, words: list[tuple[str, str]]) -> int | None:
    """Index of the first kept word of a mention (after a leading determiner), or ``None``."""
    i = 0
    while i < len(words) - 1 and words[i][1] in ("DET", "ADP"):
        i += 1
    rest = words[i:]
    if kind == "time":
        ok = any(p in ("NUM", "PROPN") for _, p in rest) or (len(rest) == 1 and rest[0][0].lower() in _DEICTIC)
        return i if ok and len(rest) <= 8 else None
    if rest[0][1] != "PROPN" or rest[-1][1] not in ("PROPN", "NUM"):
        return None
    return i if all(p in _NAME_POS for _, p in rest) else None


def parse_conllu(content: str, name: str = "gum") -> list[dict[str, Any]]:
    """Parse CoNLL-U text (one or more ``# newdoc`` documents) into records."""
    docs: list[dict[str, Any]] = []
    doc: dict[str, Any] | None = None
    parts: list[str] = []
    tokens: list[tuple[int, int, str]] = []  # (start, end, upos) per word
    open_: dict[str, tuple[str, int]] = {}
    mentions: list[tuple[str, int, int]] = []
    pos, range_end, range_span = 0, -1, (0, 0)

    def finish() -> None:
        if doc is None:
            return
        text = "".join(parts).rstrip()
        spans = []
        for kind, a, b in mentions:
            words = [(text[s:e], p) for s, e, p in tokens[a:b + 1]]
            k = _keep(kind, words)
            if k is None:
                continue
            s, e = tokens[a + k][0], tokens[b][1]
            label = _TYPES[kind]
            if kind in ("place", "organization") and is_country(text[s:e]):
                label = "COUNTRY"
            spans.append({"start": s, "end": e, "label": label})
        doc.update(text=text, entities=word_safe(text, spans))
        docs.append(doc)

    for line in split_lines(content):  # a token may hold U+2028/U+0085; lines end at "\n"
        if line.startswith("# newdoc id"):
            finish()
            did = line.split("=", 1)[1].strip()
            doc = {"id": f"gum-{did}", "published": None, "source": "gum_news", "brief": None,
                   "annotated_labels": list(ANNOTATED_LABELS)}
            parts, tokens, open_, mentions, pos = [], [], {}, [], 0
        elif line.startswith("# meta::dateCreated") and doc is not None:
            doc["published"] = line.split("=", 1)[1].strip()[:10]
        elif line.startswith("# meta::summary1") and doc is not None:
            summary = re.sub(r"^\(\w+\)\s*", "", line.split("=", 1)[1].strip())
            doc["brief"] = {"summary": summary}
        elif not line.strip():
            range_end = -1
            if parts and not parts[-1].endswith("\n"):
                parts[-1] = parts[-1].rstrip(" ")
                parts.append("\n")
                pos = sum(map(len, parts))
        elif line[0].isdigit() and doc is not None:
            cols = line.split("\t")
            if "." in cols[0]:
                continue
            misc = cols[9] if len(cols) > 9 else "_"
            space = "" if "SpaceAfter=No" in misc else " "
            if "-" in cols[0]:
                range_end = int(cols[0].split("-")[1])
                range_span = (pos, pos + len(cols[1]))
                parts.append(cols[1] + space)
                pos += len(cols[1]) + len(space)
                continue
            wid = int(cols[0])
            if wid <= range_end:
                tokens.append((range_span[0], range_span[1], cols[3]))
            else:
                tokens.append((pos, pos + len(cols[1]), cols[3]))
                parts.append(cols[1] + space)
                pos += len(cols[1]) + len(space)
            ent = next((f[7:] for f in misc.split("|") if f.startswith("Entity=")), None)
            if ent:
                for m in _ENTITY.finditer(ent):
                    if m.group(1):
                        if m.group(2) in _TYPES:
                            open_[m.group(1)] = (m.group(2), len(tokens) - 1)
                        if m.group(4) and m.group(1) in open_:
                            kind, a = open_.pop(m.group(1))
                            mentions.append((kind, a, len(tokens) - 1))
                    elif m.group(5) in open_:
                        kind, a = open_.pop(m.group(5))
                        mentions.append((kind, a, len(tokens) - 1))
    finish()
    for d in docs:
        if d["brief"] is None:
            d.pop("brief")
        d["split"] = hash_split(d["id"])
    return docs


def load(root: str | Path) -> list[dict[str, Any]]:
    """Records of every ``*.conllu`` file under ``root``."""
    return [rec for p in sorted(Path(root).glob("*.conllu"))
            for rec in parse_conllu(p.read_text(encoding="utf-8"), p.name)]
