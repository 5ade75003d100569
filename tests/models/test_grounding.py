"""The grounding guard keeps only generated names and numbers the article holds."""
from __future__ import annotations

from diplomodel.models.grounding import Source, guard

ARTICLE = ("HANOI, June 8 - Vietnamese Foreign Minister Bui Thanh Son held talks with Chinese State "
           "Councillor Wang Yi on the 50th anniversary of the Vietnam-China partnership. Son's visit "
           "follows 3 rounds of talks on the South China Sea.")


def test_names_and_numbers_from_the_article_pass() -> None:
    src = Source(ARTICLE)
    for ok in ("Bui Thanh Son met Wang Yi in Hanoi.", "the 50th anniversary", "China-Vietnam ties",
               "Son's three-day visit", "The Chinese and Vietnamese ministers", "Vietnam's partnership",
               "talks on the South China Sea on Monday", "China-backed talks"):
        assert src.unsupported(ok) is None, ok


def test_an_invented_person_place_or_number_is_caught() -> None:
    src = Source(ARTICLE)
    assert src.unsupported("Son met Xi Jinping.") == "Xi Jinping"
    assert src.unsupported("They met in Beijing.") == "Beijing"
    assert src.unsupported("the 60th anniversary") == "60"
    assert src.unsupported("Japanese investment") == "Japanese"   # a demonym of a country not named
    assert src.unsupported("Japan-backed talks") == "Japan-backed"


def test_the_taggers_people_count_as_support() -> None:
    assert Source("The two met.", facts=["Ana Lopez"]).unsupported("Ana Lopez met him.") is None


def test_guard_drops_items_and_sentences_and_says_why() -> None:
    kept = guard({"summary": "Son met Wang Yi. Xi Jinping joined them.", "topics": ["South China Sea", "Taiwan"],
                  "outcomes": ["a 2025 visit"]}, ARTICLE)
    assert kept.summary == "Son met Wang Yi."
    assert kept.topics == ["South China Sea"] and kept.outcomes == []
    assert [(d.field, d.reason) for d in kept.dropped] == [("topics", "Taiwan"), ("outcomes", "2025"),
                                                            ("summary", "Xi Jinping")]


def test_a_summary_with_nothing_supported_is_emptied() -> None:
    assert guard({"summary": "Kim Jong Un met Putin."}, ARTICLE).summary == ""
