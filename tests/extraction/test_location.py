"""location: where the meeting took place, on real-looking shapes written for these tests."""
from __future__ import annotations

import pytest
from conftest import check, tag

from diplomodel.extraction import build_brief
from diplomodel.extraction.dateline import parse_dateline

SPEC = [("Ana Lopez", "PARTICIPANT"), ("Omar Khan", "PARTICIPANT"), ("Moroccan", "COUNTRY"), ("Kenyan", "COUNTRY"),
        ("Georgia", "COUNTRY"), ("Armenia", "COUNTRY"), ("Turkmenistan", "COUNTRY")]


def loc(text: str, extra: list[tuple[str, str]] = ()):
    b = build_brief(text, tag(text, list(extra) + SPEC), None)
    check(b)
    return (b.location.city, b.location.country) if b.location else None


@pytest.mark.parametrize("text,extra,expected", [
    # a building is no city: the city named in or after it, or none
    ("Ana Lopez received Omar Khan at State House, Nairobi on Monday.", [("State House", "LOC")], ("Nairobi", "Kenya")),
    ("Ana Lopez received Omar Khan at State House Entebbe.", [("State House Entebbe", "LOC")], ("Entebbe", "Uganda")),
    ("Ana Lopez hosted Omar Khan at the White House.", [("White House", "LOC")], ("Washington", "United States")),
    ("Ana Lopez met Omar Khan at the Miraflores presidential palace.", [("Miraflores", "LOC")], None),
    # no place written: the host decides
    ("Speaker Ana Lopez received the Ambassador of Georgia to Armenia Omar Khan.", [], (None, "Armenia")),
    ("Ana Lopez of Turkmenistan welcomed the new envoy Omar Khan.", [], (None, "Turkmenistan")),
])
def test_buildings_and_hosts(text, extra, expected):
    assert loc(text, extra) == expected


def test_a_dateline_after_page_clutter():
    t = "Home | World | Africa\nShare this\nKigali, Rwanda \u2014 Ana Lopez met Omar Khan on Monday."
    d = parse_dateline(t)
    assert (d.city, d.country) == ("Kigali", "Rwanda") and t[d.body:].startswith("Ana Lopez")
    assert loc(t) == ("Kigali", "Rwanda")


@pytest.mark.parametrize("text", [
    "Ana Lopez met Omar Khan.\nThe talks - long ones - went well.",     # a dash inside a sentence
    "Ana Lopez met Omar Khan.\nMonday. They talked.",                   # not a place
    "Ana Lopez met Omar Khan.\nJordan - the country - was named.",      # a country, not a city dateline
])
def test_no_later_dateline_in_ordinary_lines(text):
    d = parse_dateline(text)
    assert d is None or d.city is None


@pytest.mark.parametrize("text,extra,expected", [
    # a town named before a building is no town when the sentence places the building in a city
    ("Ana Lopez received Omar Khan at Bayan Palace in Kuwait City on Monday.",
     [("Bayan Palace", "LOC"), ("Kuwait City", "LOC")], ("Kuwait City", "Kuwait")),
    ("Ana Lopez welcomed Omar Khan at Qasr historical palace in Tehran.", [("Qasr", "LOC"), ("Tehran", "LOC")],
     ("Tehran", "Iran")),
    # a country written as an attribute is no place
    ("Ana Lopez met Omar Khan at the Kenyan High Commission in London on Friday.", [("London", "LOC")],
     ("London", "United Kingdom")),
    ("Ana Lopez received the visiting Kenyan Minister Omar Khan on Friday.", [], None),
    # "the kingdom's capital of Amman": the city after a possessive capital
    ("Ana Lopez met Omar Khan at his palace in the kingdom's capital of Amman on Tuesday.", [("Amman", "LOC")],
     ("Amman", "Jordan")),
    # a recent visit elsewhere is not this meeting
    ("Ana Lopez received Omar Khan. He recalled his recent visit to Muscat with Ana Lopez.", [("Muscat", "LOC")], None),
    # a city the tagger cut short is made whole
    ("Ana Lopez met Omar Khan in Port Moresby on Monday.", [("Port", "LOC")], ("Port Moresby", "Papua New Guinea")),
])
def test_places_read_as_real_copy_writes_them(text, extra, expected):
    assert loc(text, extra) == expected


def test_sidelines_without_a_venue_in_the_event_sentence_take_the_meeting_sentence_over_an_agency_home():
    t = ("ASTANA. LUMINFORM - Ana Lopez met Omar Khan on the sidelines of the General Assembly. "
         "Omar Khan said so while meeting Ana Lopez at the UN Headquarters in New York on Tuesday.")
    assert loc(t, [("New York", "LOC"), ("UN Headquarters", "LOC")]) == ("New York", "United States")


def test_a_reporters_dateline_at_the_summit_beats_a_later_plan_elsewhere():
    t = ("DUBAI, Dec 3 - Ana Lopez and Omar Khan met on the fringes of the climate conference. "
         "Omar Khan is due to host Ana Lopez in Berlin on Monday for intergovernmental consultations.")
    assert loc(t, [("Berlin", "LOC")]) == ("Dubai", "United Arab Emirates")
