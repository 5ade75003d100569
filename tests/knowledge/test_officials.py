"""The table of known officials (diplomodel.knowledge.officials): votes, matching, file round trip,
and where extraction reads it (after the story's own clues, before the host)."""
from __future__ import annotations

import datetime
import json

import pytest

from diplomodel.errors import InputError
from diplomodel.extraction import extract, to_brief
from diplomodel.knowledge.officials import Officials

from conftest import check, tag


def _table(*rows: tuple[str, str | None]) -> Officials:
    return Officials.from_briefs([{"participants": [{"name": n, "country": c} for n, c in rows]}])


def test_majority_wins_and_a_tie_answers_nothing():
    t = _table(("Ana Lopez", "Peru"), ("Ana Lopez", "Peru"), ("Ana Lopez", "Chile"),
               ("Ivo Kral", "Czechia"), ("Ivo Kral", "Slovakia"))
    assert t.country_of("Ana Lopez") == "Peru"
    assert t.country_of("Ivo Kral") is None


def test_spellings_middle_initials_and_honorifics_match_one_entry():
    t = _table(("Sergei Lavrov", "Russia"), ("Antony J. Blinken", "United States"))
    assert t.country_of("Sergey Lavrov") == "Russia"
    assert t.country_of("Mr. Antony Blinken") == "United States"
    assert t.country_of("Sergei Ivanov") is None  # same first name, another person


def test_a_lone_surname_matches_only_when_one_entry_has_it():
    t = _table(("Ana Lopez", "Peru"), ("Jorge Lopez", "Mexico"), ("Ivo Kral", "Czechia"))
    assert t.country_of("Kral") == "Czechia"
    assert t.country_of("Lopez") is None
    assert len(_table(("Kral", "Czechia"))) == 0  # a lone surname is not learned either


def test_save_and_load_round_trip(tmp_path):
    t = _table(("Ana Lopez", "Peru"), ("Ana Lopez", "Peru"), ("Ivo Kral", "Czechia"))
    t.save(tmp_path / "officials.json")
    back = Officials.load(tmp_path / "officials.json")
    assert back.to_json() == t.to_json() and back.country_of("Ana Lopez") == "Peru"


@pytest.mark.parametrize("content", ["{not json", json.dumps({"version": 9, "officials": []}),
                                     json.dumps({"version": 1, "officials": [{"name": "A B", "countries": {"X": 0}}]})])
def test_a_malformed_table_names_its_file(tmp_path, content):
    f = tmp_path / "officials.json"
    f.write_text(content)
    with pytest.raises(InputError) as err:
        Officials.load(f)
    assert str(f) in str(err.value)


def test_extraction_fills_only_what_the_story_leaves_open():
    text = ("President Joe Biden spoke by phone on Tuesday with Kenyan President "
            "Ana Ruiz about trade.")
    ents = tag(text, [("Joe Biden", "PARTICIPANT"), ("Ana Ruiz", "PARTICIPANT"), ("President", "TITLE"),
                      ("Kenyan", "COUNTRY")])
    table = _table(("Joe Biden", "United States"), ("Ana Ruiz", "Peru"))
    b = check(to_brief(extract(text, ents, datetime.date(2023, 5, 3), table)))
    got = {p["name"]: p["country"] for p in b["participants"]}
    assert got == {"Joe Biden": "United States", "Ana Ruiz": "Kenya"}  # the text's "Kenyan" wins over the table
    without = check(to_brief(extract(text, ents, datetime.date(2023, 5, 3))))
    assert {p["name"]: p["country"] for p in without["participants"]} == {"Joe Biden": None, "Ana Ruiz": "Kenya"}
