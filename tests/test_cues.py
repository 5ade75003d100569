"""cues: sentences, dateline, format and meeting cues; each case would fail a naive rule."""
from __future__ import annotations

import pytest
from diplomodel.extraction.cues import (city_country, decide_is_meeting, find_dateline, find_format, meeting_cue_spans,
                             sentence_spans)


def sents(t: str) -> list[str]:
    return [t[s:e] for s, e in sentence_spans(t)]


def test_sentences_keep_abbreviations():
    t = "Mr. Blinken met the U.S. envoy on Dec. 3 in Washington. Ms. Wong said No. 10 agreed. Then J. Doe left."
    assert sents(t) == ["Mr. Blinken met the U.S. envoy on Dec. 3 in Washington.", "Ms. Wong said No. 10 agreed.",
                        "Then J. Doe left."]


def test_sentences_split_paragraphs_and_dateline():
    t = "BAKU, Azerbaijan, December 16. Speaker met X.\n\nThe talks ended"
    assert sents(t) == ["BAKU, Azerbaijan, December 16.", "Speaker met X.", "The talks ended"]


def test_dateline_forms():
    d = find_dateline("RABAT, Dec 15 (Reuters) - Blinken met Bourita.")
    assert (d.city, d.country) == ("RABAT", "Morocco") and d.date_span == (7, 13)
    d = find_dateline("MOSCOW, May 3. /TASS/. Lavrov met Wang Yi.")
    assert (d.city, d.country) == ("MOSCOW", "Russia")
    d = find_dateline("(MENAFN- Trend News Agency) BAKU, Azerbaijan, December 16. Speaker met ...")
    assert (d.city, d.country) == ("BAKU", "Azerbaijan")
    d = find_dateline("SPRINGFIELD, Dec 15 (AP) - ...")  # unknown city, dated: still a dateline
    assert d.city == "SPRINGFIELD" and d.country is None


def test_no_dateline_in_ordinary_sentences():
    assert find_dateline("Lavrov met Wang Yi in Moscow on Monday.") is None
    assert find_dateline("NATO allies met.") is None  # capitals, but no place or date: not a dateline
    assert find_dateline("") is None


def test_city_country():
    assert city_country("BAKU") == "Azerbaijan"
    assert city_country("Abu Dhabi") == "United Arab Emirates"
    assert city_country("New York") == "United States"
    assert city_country("Atlantis") is None


def test_format_cues():
    assert find_format("They spoke by phone.")[0] == "phone_call"
    assert find_format("They held a telephone conversation.")[0] == "phone_call"
    assert find_format("They held a video call.")[0] == "video_call"  # not a phone "call"
    assert find_format("They met via videoconference.")[0] == "video_call"
    assert find_format("A virtual meeting was held.")[0] == "video_call"
    assert find_format("They met on the sidelines of the G20.")[0] == "multilateral_sidelines"
    assert find_format("They met on the margins of the summit.")[0] == "multilateral_sidelines"
    assert find_format("They met in Rabat.") == ("in_person", None)
    assert find_format("The phone rang while they met.")[0] == "in_person"  # "phone" alone is no cue


def test_format_prefers_lead_sentence():
    t = "Fidan received Lavrov in Ankara. The two had held a telephone call in May."
    assert find_format(t, prefer=[(0, 32)])[0] == "in_person"
    assert find_format(t)[0] == "phone_call"
    t2 = "Fidan held talks with Lavrov. The talks were held by videoconference."
    assert find_format(t2, prefer=sentence_spans(t2))[0] == "video_call"  # "held talks" is not "in person"


def test_meeting_cues_and_negatives():
    assert meeting_cue_spans("He received a letter of condolence.") == []
    assert meeting_cue_spans("He received the envoy.") != []
    assert meeting_cue_spans("They met despite the sanctions.") != []  # strong cue survives a negative
    assert meeting_cue_spans("He issued a statement on the sanctions.") == []
    assert meeting_cue_spans("The commemorations were held.") == []  # "commemorations" is not "meeting"


def test_decide_is_meeting():
    assert decide_is_meeting(1, [(0, 3)], False)
    assert not decide_is_meeting(1, [], False)
    assert decide_is_meeting(2, [], False)
    assert not decide_is_meeting(2, [], True)
    assert not decide_is_meeting(0, [(0, 3)], False)


@pytest.mark.parametrize("text,fmt", [
    ("The two ministers met virtually on Monday.", "video_call"),
    ("Lopez called Dutch Foreign Minister Jan de Vries on Friday.", "phone_call"),
    ("Lopez called for restraint after the meeting with de Vries.", "in_person"),   # not a call
    ("Lopez called on both sides to talk; she met de Vries in Rabat.", "in_person"),
    ("In a call with de Vries, Lopez discussed trade.", "phone_call"),
    ("They met on the fringes of the UN General Assembly.", "multilateral_sidelines"),
])
def test_format_cues_of_wire_copy(text, fmt):
    assert find_format(text)[0] == fmt
