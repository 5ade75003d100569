"""geo: the one country table; each case would fail a naive rule."""
from __future__ import annotations

import pytest

from diplomodel.knowledge.geo import country_name


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


def test_training_labels_and_extraction_agree_on_every_form():
    """The importers' labels (is_country / is_demonym) and extraction (country_name) read one table:
    every name, alias and demonym it holds is a state for both, the same kind, the same state."""
    from diplomodel.data.importers._common import is_country as label_is_country, is_demonym as label_is_demonym
    from diplomodel.knowledge.geo import country_forms

    forms = country_forms()
    assert len(forms) > 500
    for form, (short, kind) in forms.items():
        if "(" in form:  # "falkland islands (malvinas)": written without the bracket in text
            continue
        assert country_name(form) == short, form
        assert label_is_country(form) == (kind == "name"), form
        assert label_is_demonym(form) == (kind == "demonym"), form
        assert label_is_country(form.title()) or label_is_demonym(form.title()), form


def test_plural_demonyms_and_possessives():
    from diplomodel.knowledge.geo import is_demonym

    assert is_demonym("Iraqis") and is_demonym("Afghans") and not is_demonym("Iraq")
    assert country_name("Iraqis") == "Iraq" and country_name("Morocco's") == "Morocco"


def test_synthetic_inventory_reads_back_through_the_table():
    """The generator writes countries its own way; each way reads back to the same state here."""
    from diplomodel.data.synth.inventory import COUNTRIES
    from diplomodel.knowledge.geo import city_country

    for c in COUNTRIES:
        assert country_name(c.name) == c.name
        assert country_name(c.demonym) == c.name, c.demonym
        assert city_country(c.capital) == c.name, c.capital
        for v in c.variants:
            assert country_name(v) == c.name, v
