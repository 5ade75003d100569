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
    ("December 20", datetime.date(2022, 12, 20)),  # would be after publication: the previous year
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
