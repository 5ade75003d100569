"""Sentences of an article: split once, looked up by character offset.

Example:
    >>> from diplomodel.extraction.sentences import Sentences
    >>> t = "Mr. Blinken met U.S. envoys on Dec. 3. They talked."
    >>> sents = Sentences.split(t)
    >>> [t[s:e] for s, e in sents], sents.at(t.index("They"))
    (['Mr. Blinken met U.S. envoys on Dec. 3.', 'They talked.'], 1)
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Iterator

Span = tuple[int, int]

_ABBREV = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "lt", "col", "sgt", "capt", "gov", "sen", "rep",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs",
    "etc", "e.g", "i.e", "u.s", "u.k", "u.n", "u.a.e", "h.e", "inc", "co", "corp", "jr", "sr", "mt",
})
_BOUNDARY = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*\n|\n(?=\s*[A-Z(\"“])")


def sentence_spans(text: str) -> list[Span]:
    """Sentence ``(start, end)`` spans of ``text`` (abbreviations like "Mr." and "U.S." do not split).

    >>> t = "Mr. Blinken met U.S. envoys on Dec. 3. They talked."
    >>> [t[s:e] for s, e in sentence_spans(t)]
    ['Mr. Blinken met U.S. envoys on Dec. 3.', 'They talked.']
    """
    spans: list[Span] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if text[m.start()] == "." and "\n" not in m.group(0):
            word = re.search(r"([\w.]+)$", text[start:m.start()])
            w = word.group(1).lower() if word else ""
            if w in _ABBREV or (len(w) == 1 and w.isalpha()) or re.fullmatch(r"(?:\w\.)+\w", w):
                continue
        end = m.start() + len(m.group(0).rstrip())
        if text[start:end].strip():
            spans.append(_strip(text, start, end))
        start = m.end()
    if text[start:].strip():
        spans.append(_strip(text, start, len(text)))
    return spans


def _strip(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class Sentences:
    """The sentence spans of one text, in order, with a bisect lookup by offset.

    >>> s = Sentences([(0, 5), (7, 12)])
    >>> s.at(3), s.at(6), s.at(9), s[1], len(s)
    (0, 0, 1, (7, 12), 2)
    """

    def __init__(self, spans: list[Span]) -> None:
        self.spans = list(spans) or [(0, 0)]
        self._starts = [s for s, _ in self.spans]

    @classmethod
    def split(cls, text: str) -> "Sentences":
        """The sentences of ``text`` (:func:`sentence_spans`); one empty sentence for blank text."""
        return cls(sentence_spans(text) or [(0, len(text))])

    def at(self, pos: int) -> int:
        """Index of the sentence containing offset ``pos`` (the nearest one before it, else 0)."""
        return max(0, bisect_right(self._starts, pos) - 1)

    def of(self, pos: int) -> Span:
        """The span of the sentence containing offset ``pos``."""
        return self.spans[self.at(pos)]

    def __getitem__(self, i: int) -> Span:
        return self.spans[i]

    def __len__(self) -> int:
        return len(self.spans)

    def __iter__(self) -> Iterator[Span]:
        return iter(self.spans)
