"""normalize: countries, dates, names; each case would fail a naive rule."""
from __future__ import annotations

import datetime

import pytest

from diplomodel.knowledge.normalize import clean_name, country_name, resolve_date

PUB = datetime.date(2023, 12, 16)  # a Saturday


@pytest.mark.parametrize("text,expected", [
    ("Moroccan", "Morocco"), ("Kingdom of Morocco", "Morocco"), ("the Kingdom of Morocco", "Morocco"),
    ("Azerbaijani", "Azerbaijan"), ("Emirati", "United Arab Emirates"), ("UAE", "United Arab Emirates"),
    ("Turkish", "Turkey"), ("Türkiye", "Turkey"), ("Turkiye", "Turkey"), ("Republic of Türkiye", "Turkey"),
    ("U.S.", "United States"), ("US", "United States"), ("American", "United States"),
    ("United States of America", "United States"), ("Vietnamese", "Vietnam"), ("Viet Nam", "Vietnam"),
    ("Russian Federation", "Russia"), ("Russia's", "Russia"), ("Russian", "Russia"),
    ("Iranian", "Iran"), ("Islamic Republic of Iran", "Iran"), ("Syrian", "Syria"),
    ("Syrian Arab Republic", "Syria"), ("Bolivian", "Bolivia"), ("Plurinational State of Bolivia", "Bolivia"),
    ("Venezuela", "Venezuela"), ("Tanzania", "Tanzania"), ("United Republic of Tanzania", "Tanzania"),
    ("Lao People's Democratic Republic", "Laos"), ("Republic of Moldova", "Moldova"),
    ("Czechia", "Czech Republic"), ("Czech", "Czech Republic"), ("British", "United Kingdom"),
    ("Chinese", "China"), ("People's Republic of China", "China"), ("Taiwan", "Taiwan"),
    ("Palestinian", "Palestine"), ("State of Palestine", "Palestine"),
    ("South Korean", "South Korea"), ("Republic of Korea", "South Korea"), ("Korean", "South Korea"),
    ("North Korean", "North Korea"), ("DPRK", "North Korea"),
    ("Democratic People's Republic of Korea", "North Korea"), ("Saudi", "Saudi Arabia"),
    ("MOROCCO", "Morocco"),
])
def test_country_name(text, expected):
    assert country_name(text) == expected


@pytest.mark.parametrize("text", ["Atlantis", "", "Parliament", "Foreign Minister", None])
def test_country_name_rejects(text):
    assert country_name(text) is None


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


@pytest.mark.parametrize("text,expected", [
    ("Ms Gafarova", "Gafarova"), ("Mr. Hakan Fidan", "Hakan Fidan"), ("H.E. Aziz Akhannouch", "Aziz Akhannouch"),
    ("His Excellency Sheikh Abdullah bin Zayed", "Abdullah bin Zayed"), ("Lavrov's", "Lavrov"),
    ("Dr", "Dr"), ("  Wang   Yi ", "Wang Yi"), ("Sergei Lavrov’s", "Sergei Lavrov"),
])
def test_clean_name(text, expected):
    assert clean_name(text) == expected
