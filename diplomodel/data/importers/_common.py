"""Helpers shared by the importers: where a title ends and a name begins, span tools.

Countries, demonyms, forms of address and words of office come from :mod:`diplomodel.knowledge`
(re-exported here for the importers), the same tables extraction reads.

Example:
    >>> from diplomodel.data.importers._common import is_country, is_demonym, split_title
    >>> is_country("the Kingdom of Morocco"), is_country("Rabat"), is_demonym("Moroccan")
    (True, False, True)
    >>> split_title("Foreign Minister Mevlut Cavusoglu")
    (0, 16)
"""
from __future__ import annotations

from typing import Any, Iterable

from diplomodel.knowledge.geo import is_country, is_demonym
from diplomodel.knowledge.names import HONORIFICS, TITLE_WORDS
from diplomodel.models.text import split_words

__all__ = ["HONORIFICS", "TITLE_WORDS", "is_country", "is_demonym", "split_title", "leading_country",
           "snap_to_words", "resolve_overlaps", "join_tokens", "bio_chunks", "word_safe"]

Span = dict[str, Any]

_TITLE_GLUE = {"of", "for", "the", "and", "to"}


def split_title(mention: str) -> tuple[int, int] | None:
    """Char span of the leading title words of a person mention, or ``None``.

    Title words are taken from the start while they are in :data:`TITLE_WORDS`, glue words
    ("of", "the"...) or capitalised words after "of"/"for" ("Minister for the Middle East"
    is all title). A leading country or nationality ("U.S.", "Iraqi") stays outside the title
    (see :func:`leading_country`).
    """
    words = split_words(mention)
    lead = leading_country(mention)
    i = 1 if words and mention[words[0][0]:words[0][1]].lower() == "the" else 0
    while lead and i < len(words) and words[i][1] <= lead[1]:
        i += 1
    start = words[i][0] if i < len(words) else None
    last, after_glue = None, False
    while i < len(words):
        w = mention[words[i][0]:words[i][1]]
        lw = w.lower()
        if lw in TITLE_WORDS or (lw in (".", "-") and last == i - 1):
            last, after_glue = i, False
        elif lw in _TITLE_GLUE and last is not None:
            after_glue = True
        elif after_glue and w[:1].isupper():
            if leading_country(mention[words[i][0]:] + " x"):
                break
            last = i
        else:
            break
        i += 1
    if last is None or start is None:
        return None
    if last == len(words) - 1:  # "Envoy for the Global Coalition to Counter ISIL Brett McGurk"
        glue = max((k for k in range(last + 1) if mention[words[k][0]:words[k][1]].lower() in _TITLE_GLUE),
                   default=None)
        if glue is not None and last - glue >= 3 and mention[words[last][0]:words[last][1]].lower() not in TITLE_WORDS:
            last -= 2
    return start, words[last][1]


def leading_country(mention: str) -> tuple[int, int] | None:
    """Char span of a country name or nationality adjective opening ``mention``, or ``None``.

    >>> leading_country("U.S. Secretary of State")
    (0, 4)
    """
    words = split_words(mention)
    for k in range(min(5, len(words) - 1), -1, -1):
        piece = mention[words[0][0]:words[k][1]]
        if k + 1 < len(words) and (is_country(piece) or is_demonym(piece)):
            return words[0][0], words[k][1]
    return None


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Widen ``start``/``end`` to word boundaries of :func:`split_words`; strip spaces and a
    leading "the"/"The"; ``None`` if nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return None
    words = [(s, e) for s, e in split_words(text) if e > start and s < end]
    if not words:
        return None
    if len(words) > 1 and text[words[0][0]:words[0][1]].lower() == "the":
        words = words[1:]
    return words[0][0], words[-1][1]


def resolve_overlaps(spans: Iterable[Span]) -> list[Span]:
    """Keep non-overlapping spans, preferring higher ``score`` then longer spans; sorted.

    >>> resolve_overlaps([{"start": 0, "end": 5, "label": "ORG", "score": 0.6},
    ...                   {"start": 0, "end": 9, "label": "ORG", "score": 0.6},
    ...                   {"start": 6, "end": 9, "label": "LOC", "score": 0.9}])
    [{'start': 0, 'end': 5, 'label': 'ORG'}, {'start': 6, 'end': 9, 'label': 'LOC'}]
    """
    ranked = sorted(spans, key=lambda s: (-s.get("score", 1.0), -(s["end"] - s["start"]), s["start"]))
    kept: list[Span] = []
    for s in ranked:
        if all(s["end"] <= k["start"] or s["start"] >= k["end"] for k in kept):
            kept.append(s)
    return sorted(({"start": s["start"], "end": s["end"], "label": s["label"]} for s in kept),
                  key=lambda s: s["start"])


def join_tokens(sentences: list[list[str]]) -> tuple[str, list[list[tuple[int, int]]]]:
    """Join tokens with single spaces and sentences with newlines; return text and token offsets."""
    parts, offsets, pos = [], [], 0
    for si, toks in enumerate(sentences):
        if si:
            parts.append("\n")
            pos += 1
        sent = []
        for ti, tok in enumerate(toks):
            if ti:
                parts.append(" ")
                pos += 1
            parts.append(tok)
            sent.append((pos, pos + len(tok)))
            pos += len(tok)
        offsets.append(sent)
    return "".join(parts), offsets


def bio_chunks(tags: list[str]) -> list[tuple[int, int, str]]:
    """Token chunks ``(first, last_exclusive, type)`` of IOB1 or IOB2 tags (``B-X``/``I-X``/``O``).

    >>> bio_chunks(["I-PER", "I-PER", "B-PER", "O", "I-LOC"])
    [(0, 2, 'PER'), (2, 3, 'PER'), (4, 5, 'LOC')]
    """
    out, cur = [], None
    for i, tag in enumerate(list(tags) + ["O"]):
        kind = tag[2:] if tag[:2] in ("B-", "I-") else None
        if cur is not None and (kind != cur[2] or tag.startswith("B-")):
            out.append((cur[0], i, cur[2]))
            cur = None
        if kind is not None and cur is None:
            cur = [i, None, kind]
    return out


def word_safe(text: str, spans: list[Span]) -> list[Span]:
    """Snap spans to word boundaries and drop the empty ones, then resolve overlaps."""
    out = []
    for s in spans:
        snapped = snap_to_words(text, s["start"], s["end"])
        if snapped:
            out.append({**s, "start": snapped[0], "end": snapped[1]})
    return resolve_overlaps(out)
