"""sentences: the splitter and the offset lookup; each case would fail a naive rule."""
from __future__ import annotations

from diplomodel.extraction.sentences import Sentences, sentence_spans


def sents(t: str) -> list[str]:
    return [t[s:e] for s, e in sentence_spans(t)]


def test_sentences_keep_abbreviations():
    t = "Mr. Blinken met the U.S. envoy on Dec. 3 in Washington. Ms. Wong said No. 10 agreed. Then J. Doe left."
    assert sents(t) == ["Mr. Blinken met the U.S. envoy on Dec. 3 in Washington.", "Ms. Wong said No. 10 agreed.",
                        "Then J. Doe left."]


def test_sentences_split_paragraphs_and_dateline():
    t = "BAKU, Azerbaijan, December 16. Speaker met X.\n\nThe talks ended"
    assert sents(t) == ["BAKU, Azerbaijan, December 16.", "Speaker met X.", "The talks ended"]


def test_sentence_lookup_matches_a_linear_scan():
    t = "One. Two two. Three three three.\n\nFour."
    s = Sentences.split(t)
    for pos in range(-1, len(t) + 2):
        linear = max([i for i, (a, _) in enumerate(s) if a <= pos], default=0)
        assert s.at(pos) == linear
    assert Sentences.split("   ").spans == [(0, 3)]  # blank text: one empty sentence, never none
