"""metrics: seqeval entity scores and brief-level scores (the acceptance scorer's definitions)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from diplomodel.metrics import (country_key, entity_scores, format_scores, name_match, score_briefs, title_f1,
                                title_token_f1)

SCORER = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "score.py"
from diplomodel.schema import Location, MeetingBrief, Participant


def test_entity_scores_are_entity_level_not_token_level():
    gold = [["B-PARTICIPANT", "I-PARTICIPANT", "O", "B-COUNTRY"]]
    pred = [["B-PARTICIPANT", "O", "O", "B-COUNTRY"]]  # 3/4 tokens right, but the name span is wrong
    s = entity_scores(gold, pred)
    assert s["overall"]["precision"] == 0.5 and s["overall"]["recall"] == 0.5
    assert s["PARTICIPANT"]["f1"] == 0.0 and s["COUNTRY"]["f1"] == 1.0


def test_entity_scores_without_gold_entities():
    assert entity_scores([["O", "O"]], [["O", "O"]])["overall"]["support"] == 0


@pytest.mark.parametrize("pred,gold,expected", [
    ("Sahiba Gafarova", ["Sahiba Gafarova"], True),
    ("Ms Sahiba Gafarova", ["Sahiba Gafarova"], True),
    ("Gafarova", ["Sahiba Gafarova"], True),
    ("Sahíba GAFAROVA", ["Sahiba Gafarova"], True),       # accents and case folded
    ("MBS", ["Mohammed bin Salman", "MBS"], True),        # via the gold's aliases
    ("Sahiba Aliyeva", ["Sahiba Gafarova"], False),       # one shared word of four is too little
    ("Sergey Lavrov", ["Sergei Lavrov"], False),          # spellings are not transliterated
    ("President", ["Ilham Aliyev"], False),
])
def test_name_match(pred, gold, expected):
    assert name_match(pred, gold) is expected


def test_country_key_and_title_token_f1():
    assert country_key("U.S.") == country_key("United States") == "USA"
    assert country_key("Türkiye") == country_key("Turkey") and country_key("Moroccan") != country_key("Morocco")
    assert title_token_f1("Foreign Ministers", "Minister of Foreign Affairs") == pytest.approx(0.8)


def test_title_f1():
    assert title_f1("Speaker of the Milli Majlis", "Speaker of the Milli Majlis") == 1.0
    assert title_f1("speaker", "Speaker of the Milli Majlis") == pytest.approx(0.5)
    assert title_f1(None, "Prime Minister") == 0.0


def _gold() -> list[dict]:
    return [
        {"is_meeting": True, "format": "in_person", "date": "2023-12-15",
         "location": {"city": None, "country": "Morocco"},
         "participants": [
             {"name": "Sahiba Gafarova", "aliases": [], "title": "Speaker of the Milli Majlis", "country": "Azerbaijan"},
             {"name": "Aziz Akhannouch", "aliases": [], "title": "Prime Minister", "country": "Morocco"}],
         "mentioned": ["Ilham Aliyev"]},
        {"is_meeting": False, "format": None, "date": None, "location": None, "participants": [],
         "mentioned": ["Joe Biden"]},
    ]


def test_score_briefs_tolerant_matching_and_pairs():
    pred = [
        MeetingBrief(is_meeting=True, format="in_person", date="2023-12-15",
                     location=Location(None, "Kingdom of Morocco"),
                     participants=[Participant("Gafarova", title="Speaker", country="Azerbaijani"),
                                   Participant("Aziz Akhannouch", title="Prime Minister", country="Azerbaijan"),
                                   Participant("Ilham Aliyev")],
                     mentioned=["Mr Aliyev"]),
        MeetingBrief(is_meeting=True, format="phone_call", mentioned=[]),
    ]
    s = score_briefs(pred, _gold())
    assert s["participants"]["tp"] == 2 and s["participants"]["pred"] == 3 and s["participants"]["gold"] == 2
    assert s["participants"]["precision"] == pytest.approx(2 / 3) and s["participants"]["recall"] == 1.0
    assert s["participant_country_acc"] == 0.0  # a demonym is not a country name; Akhannouch's is wrong
    assert s["participant_title_f1"] == pytest.approx((0.5 + 1.0) / 2)  # Speaker: P 1, R 1/3
    assert s["date_acc"] == 1.0 and s["format_acc"] == 1.0 and s["location_country_acc"] == 1.0
    assert s["date_false_positives"] == 0 and s["location_city_acc"] is None
    assert s["is_meeting_acc"] == 0.5
    assert s["mentioned"]["tp"] == 1 and s["mentioned"]["recall"] == 0.5
    text = format_scores(s)
    assert "participants" in text and "is_meeting_acc" in text


def test_one_pred_matches_one_gold_only():
    gold = [{"is_meeting": True, "participants": [{"name": "Ilham Aliyev"}, {"name": "Mehriban Aliyeva"}]}]
    pred = [{"is_meeting": True, "participants": [{"name": "Aliyev"}, {"name": "Ilham Aliyev"}]}]
    s = score_briefs(pred, gold)
    assert s["participants"]["tp"] == 1  # the bare surname takes Ilham first; he cannot be matched twice


def test_length_mismatch_raises():
    with pytest.raises(ValueError):
        score_briefs([], _gold())


# A hand-made gold/pred pair with the cases where counting can differ: gold without a date, a
# location or a format; aliases, honorifics and accents; country aliases and demonyms; a prediction
# without is_meeting; a date given where gold has none; a city of a building.
AGREE_GOLD = [
    {"is_meeting": True, "format": "in_person", "date": "2024-03-04", "location": {"city": "Ankara", "country": "Türkiye"},
     "participants": [{"name": "Hakan Fidan", "aliases": ["Fidan"], "title": "Foreign Minister", "country": "Turkey"},
                      {"name": "José Pérez", "aliases": [], "title": "Minister of Foreign Affairs", "country": "Spain"},
                      {"name": "Ana Beltrán", "aliases": [], "title": None, "country": "Spain"}],
     "mentioned": ["Recep Tayyip Erdogan"]},
    {"is_meeting": True, "format": "phone_call", "date": None, "location": None,
     "participants": [{"name": "Antony Blinken", "aliases": [], "title": "Secretary of State", "country": "United States"},
                      {"name": "Wang Yi", "aliases": ["Wang"], "title": "Foreign Minister", "country": "China"}],
     "mentioned": []},
    {"is_meeting": True, "format": "multilateral_sidelines", "date": "2024-09-24",
     "location": {"city": None, "country": "United States"},
     "participants": [{"name": "Sheikh Tamim bin Hamad Al Thani", "aliases": ["Tamim"], "title": "Amir", "country": "Qatar"},
                      {"name": "Luiz Inácio Lula da Silva", "aliases": ["Lula"], "title": "President", "country": "Brazil"}],
     "mentioned": []},
    {"is_meeting": False, "format": None, "date": None, "location": None, "participants": [], "mentioned": ["Olaf Scholz"]},
    {"is_meeting": True, "format": "in_person", "date": "2024-05-02", "location": {"city": "Hanoi", "country": "Vietnam"},
     "participants": [{"name": "Pham Minh Chinh", "aliases": ["Chinh"], "title": "Prime Minister", "country": "Vietnam"}],
     "mentioned": []},
]
AGREE_PRED = [
    {"is_meeting": True, "format": "in_person", "date": "2024-03-04", "location": {"city": "Ankara", "country": "Turkey"},
     "participants": [{"name": "Mr Fidan", "title": "Turkish Foreign Minister", "country": "Türkiye"},
                      {"name": "Jose Perez", "title": "Foreign Minister", "country": "Spanish"},
                      {"name": "Pedro Ruiz", "title": "Ambassador", "country": "Spain"}],
     "mentioned": ["Erdogan"]},
    {"is_meeting": True, "format": "video_call", "date": "2024-01-10", "location": {"city": None, "country": "China"},
     "participants": [{"name": "Blinken", "title": "U.S. Secretary of State", "country": "U.S."},
                      {"name": "Wang Yi", "title": None, "country": "China"}],
     "mentioned": []},
    {"format": "in_person", "date": "2024-09-23", "location": {"city": "New York", "country": "USA"},
     "participants": [{"name": "Tamim bin Hamad", "title": "Emir", "country": "Qatar"},
                      {"name": "Lula", "title": "President of Brazil", "country": "Brazil"}],
     "mentioned": []},
    {"is_meeting": True, "format": "in_person", "date": "2024-06-01", "location": {"city": "Berlin", "country": "Germany"},
     "participants": [{"name": "Olaf Scholz", "title": "Chancellor", "country": "Germany"}], "mentioned": []},
    {"is_meeting": True, "format": "in_person", "date": "2024-05-02", "location": {"city": "Presidential Palace", "country": None},
     "participants": [{"name": "Chinh", "title": "Prime Minister", "country": "Vietnam"}], "mentioned": []},
]
SHARED_KEYS = {  # ours -> the scorer's
    "participant_country_acc": "participant_country_acc", "participant_title_f1": "participant_title_f1",
    "date_acc": "date_acc", "date_false_positives": "date_false_positives",
    "location_country_acc": "location_country_acc", "location_city_acc": "location_city_acc",
    "format_acc": "format_acc", "is_meeting_acc": "is_meeting_acc"}


@pytest.mark.skipif(not SCORER.exists(), reason="the shared acceptance scorer (../shared/eval/score.py) is not here")
def test_agrees_with_the_acceptance_scorer():
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    gold = {f"g{i}": {"id": f"g{i}", "text": "", "gold": g} for i, g in enumerate(AGREE_GOLD)}
    preds = {f"g{i}": p for i, p in enumerate(AGREE_PRED)}
    theirs, _ = scorer.score(gold, preds)
    ours = score_briefs(AGREE_PRED, AGREE_GOLD)
    got = {k: (round(v, 3) if isinstance(v, float) else v) for k, v in ours.items() if k in SHARED_KEYS}
    assert got == {k: theirs[v] for k, v in SHARED_KEYS.items()}
    for ours_key, their_key in (("precision", "participant_p"), ("recall", "participant_r"), ("f1", "participant_f1")):
        assert round(ours["participants"][ours_key], 3) == theirs[their_key]
    # the figures the two used to disagree on: only reports whose gold has a value count
    assert ours["location_country_acc"] == pytest.approx(2 / 3) and ours["date_false_positives"] == 2
