"""Splitting text into words with exact character offsets.

The split matches what BERT's pre-tokenizer does (runs of letters/digits, each punctuation
character on its own), so the tagger's training view and its inference see the same words.

Example:
    >>> from diplomodel.models.text import split_words
    >>> text = "BAKU, Dec. 16 (Trend)"
    >>> [text[s:e] for s, e in split_words(text)]
    ['BAKU', ',', 'Dec', '.', '16', '(', 'Trend', ')']
"""
from __future__ import annotations

import re

_WORD = re.compile(r"[^\W_]+|[^\w\s]|_", re.UNICODE)


def split_words(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of every word of ``text``; offsets index ``text`` exactly."""
    return [m.span() for m in _WORD.finditer(text)]


def casing_class(word: str) -> int:
    """Shape of a word in the original case, for the uncased encoder's casing embedding.

    1 lower, 2 Title, 3 UPPER, 4 mIxed, 5 has a digit, 6 punctuation/other (0 is kept for
    special and padding tokens).

    >>> [casing_class(w) for w in ["met", "Rabat", "NATO", "McDonald", "G20", ","]]
    [1, 2, 3, 4, 5, 6]
    """
    if any(ch.isdigit() for ch in word):
        return 5
    if not any(ch.isalpha() for ch in word):
        return 6
    if word.islower():
        return 1
    if word.isupper():
        return 3 if len(word) > 1 else 2
    if word[0].isupper() and word[1:].islower():
        return 2
    return 4


#: Number of casing classes including 0 (special/padding); the encoder's ``type_vocab_size``.
NUM_CASING_CLASSES = 7
