"""dates: expressions resolved against the publication date; each case would fail a naive rule."""
from __future__ import annotations

import datetime

import pytest

from diplomodel.extraction.dates import resolve_date

PUB = datetime.date(2023, 12, 16)  # a Saturday


@pytest.mark.parametrize("expr,expected", [
    ("December 15", datetime.date(2023, 12, 15)),
    ("15 December 2023", datetime.date(2023, 12, 15)),
    ("Dec. 15", datetime.date(2023, 12, 15)),
    ("Saturday", datetime.date(2023, 12, 16)),   # the publication day itself, not a week before
    ("on Saturday", datetime.date(2023, 12, 16)),
    ("Friday", datetime.date(2023, 12, 15)),
    ("Sunday", datetime.date(2023, 12, 10)),     # never after publication
    ("yesterday", datetime.date(2023, 12, 15)),
    ("today", datetime.date(2023, 12, 16)),
    ("last week", datetime.date(2023, 12, 9)),
    ("December 20", datetime.date(2023, 12, 20)),  # four days ahead: an upcoming day, not last year's
    ("December 20, 2023", datetime.date(2023, 12, 20)),  # an explicit year is kept
])
def test_resolve_date(expr, expected):
    assert resolve_date(expr, PUB) == expected


def test_month_day_after_new_year():
    assert resolve_date("December 30", datetime.date(2024, 1, 2)) == datetime.date(2023, 12, 30)


@pytest.mark.parametrize("expr", ["in 2020", "2020", "last year", "this week", "November this year", "", "soon"])
def test_resolve_date_vague_is_none(expr):
    assert resolve_date(expr, PUB) is None


def test_relative_dates_need_publication():
    assert resolve_date("yesterday", None) is None
    assert resolve_date("Monday", None) is None
    assert resolve_date("15 December 2023", None) == datetime.date(2023, 12, 15)


@pytest.mark.parametrize("expr,pub,expected", [
    ("December 30", datetime.date(2024, 1, 2), datetime.date(2023, 12, 30)),   # three days back over new year
    ("January 3", datetime.date(2023, 12, 28), datetime.date(2024, 1, 3)),     # six days ahead over new year
    ("Sept. 6", datetime.date(2017, 8, 30), datetime.date(2017, 9, 6)),        # "scheduled for Sept. 6"
    ("August 29", datetime.date(2017, 8, 30), datetime.date(2017, 8, 29)),
])
def test_month_day_takes_the_year_nearest_publication(expr, pub, expected):
    assert resolve_date(expr, pub) == expected


@pytest.mark.parametrize("pub", [datetime.date(9999, 12, 31), datetime.date(1900, 1, 1), datetime.date(1, 1, 1)])
def test_29_february_with_no_leap_year_near_publication_is_no_crash(pub):
    """Found by bench/fuzz.py: no leap year among the three nearest (or one past 9999) left nothing."""
    day = resolve_date("29 February", pub)
    assert day is None or (day.month, day.day) == (2, 29)


def test_an_upcoming_day_is_never_the_meeting_date():
    from conftest import tag

    from diplomodel.extraction import build_brief

    t = "Ana Lopez met Omar Khan in Rabat. Lopez will visit Cairo on September 6."
    b = build_brief(t, tag(t, [("Ana Lopez", "PARTICIPANT"), ("Omar Khan", "PARTICIPANT"), ("Lopez", "PARTICIPANT"),
                               ("September 6", "DATE"), ("Rabat", "LOC")]), datetime.date(2017, 8, 30))
    assert b.is_meeting and b.date is None


def test_no_meeting_no_date_and_no_place():
    from conftest import tag

    from diplomodel.extraction import build_brief

    t = "RABAT, May 3 (MAP) - Ana Lopez sent a letter of condolence to Omar Khan on Monday."
    b = build_brief(t, tag(t, [("Ana Lopez", "PARTICIPANT"), ("Omar Khan", "PERSON"), ("Monday", "DATE")]),
                    datetime.date(2024, 5, 3))
    assert not b.is_meeting and b.date is None and b.location is None and "date" not in b.evidence


@pytest.mark.parametrize("after,expected", [
    (", 2 December.", datetime.date(2023, 12, 2)),       # the day written after the weekday wins
    (" December 2nd, 2023.", datetime.date(2023, 12, 2)),
    (".", datetime.date(2023, 12, 16)),                   # a bare weekday: the latest on or before publication
])
def test_weekday_followed_by_its_day(after, expected):
    from diplomodel.extraction.document import Document
    from diplomodel.extraction.dates import pick_date
    from diplomodel.models.labels import Entity

    t = "Ana Lopez met Omar Khan in Lima early on Saturday" + after
    start = t.index("Saturday")
    doc = Document.make(t, [Entity(0, 9, "PARTICIPANT"), Entity(14, 23, "PARTICIPANT"),
                            Entity(start, start + 8, "DATE")], PUB)
    doc.participant_sents = [0]
    pick_date(doc)
    assert doc.date == expected
