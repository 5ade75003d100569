"""dateline: one parser for the place, the date and where the body starts."""
from __future__ import annotations

import pytest

from diplomodel.extraction.dateline import lead_sentence, parse_dateline
from diplomodel.extraction.sentences import sentence_spans


def test_dateline_forms():
    d = parse_dateline("RABAT, Dec 15 (Reuters) - Blinken met Bourita.")
    assert (d.city, d.country) == ("RABAT", "Morocco") and d.date_span == (7, 13)
    d = parse_dateline("MOSCOW, May 3. /TASS/. Lavrov met Wang Yi.")
    assert (d.city, d.country) == ("MOSCOW", "Russia")
    d = parse_dateline("(MENAFN- Trend News Agency) BAKU, Azerbaijan, December 16. Speaker met ...")
    assert (d.city, d.country) == ("BAKU", "Azerbaijan")
    d = parse_dateline("ZORVANGRAD, Dec 15 (AP) - ...")  # unknown city, dated: still a dateline
    assert d.city == "ZORVANGRAD" and d.country is None


def test_no_dateline_in_ordinary_sentences():
    assert parse_dateline("Lavrov met Wang Yi in Moscow on Monday.") is None
    assert parse_dateline("NATO allies met.") is None  # capitals, but no place or date: not a dateline
    assert parse_dateline("") is None


@pytest.mark.parametrize("text, lead", [
    ("ANKARA, Jan. 9 (AA) - Hakan Fidan met Ali Khan. Later.", "Hakan Fidan met Ali Khan."),
    ("BAKU, Azerbaijan, Dec. 16. Speaker Sahiba Gafarova met U.S. envoy Tom Ray. More.",
     "Speaker Sahiba Gafarova met U.S. envoy Tom Ray."),
    ("WASHINGTON (AP) \u2014 Antony J. Blinken spoke by phone. More.", "Antony J. Blinken spoke by phone."),
    ("The talks - which lasted long - went well. Yes.", "The talks - which lasted long - went well."),
    ("Headline without a full stop\n\nBody.", "Headline without a full stop"),
    # a source credit before the dateline: the body starts after the date, not at the credit
    ("(Wire- Desk) BAKU, Azerbaijan, December 16. The Speaker met an envoy. More.", "The Speaker met an envoy."),
    ("RABAT, Dec 15 (Reuters) - Blinken met Bourita. More.", "Blinken met Bourita."),
])
def test_body_start_and_lead_sentence(text: str, lead: str) -> None:
    d = parse_dateline(text)
    s, e = lead_sentence(text, sentence_spans(text), d)
    assert text[s:e] == lead


def test_header_without_place_sets_only_the_body():
    t = "EXCLUSIVE: Lopez met Khan on May 3."
    d = parse_dateline(t)
    assert d.city is None and d.country is None and d.date_span is None
    assert (d.start, d.end) == (0, 0) and t[d.body:].startswith("Lopez")
    assert parse_dateline("No dateline here. At all.") is None
