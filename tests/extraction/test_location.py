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
