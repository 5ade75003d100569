"""metrics: seqeval entity scores and brief-level scores."""
from __future__ import annotations

import pytest

from diplomodel.metrics import entity_scores, format_scores, name_score, score_briefs, title_f1
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
    ("Sahiba Gafarova", ["Sahiba Gafarova"], 2),
    ("Ms Sahiba Gafarova", ["Sahiba Gafarova"], 2),
    ("Sergey Lavrov", ["Sergei Lavrov"], 2),
    ("Gafarova", ["Sahiba Gafarova"], 1),
    ("Sahiba", ["Sahiba Gafarova"], 0),  # a first name alone is not a surname match
    ("MBS", ["Mohammed bin Salman", "MBS"], 2),  # via the gold's aliases
    ("Sahiba Aliyeva", ["Sahiba Gafarova"], 0),
])
def test_name_score(pred, gold, expected):
    assert name_score(pred, gold) == expected


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
    assert s["participant_country_acc"] == 0.5  # demonym normalised; Akhannouch's country wrong
    assert s["participant_title_f1"] == pytest.approx((0.5 + 1.0) / 2)  # Speaker: P 1, R 1/3
    assert s["date_acc"] == 1.0 and s["format_acc"] == 1.0 and s["location_country_acc"] == 1.0
    assert s["is_meeting_acc"] == 0.5
    assert s["mentioned"]["tp"] == 1 and s["mentioned"]["recall"] == 0.5
    text = format_scores(s)
    assert "participants" in text and "is_meeting_acc" in text


def test_one_pred_matches_one_gold_only():
    gold = [{"is_meeting": True, "participants": [{"name": "Ilham Aliyev"}, {"name": "Mehriban Aliyeva"}]}]
    pred = [{"is_meeting": True, "participants": [{"name": "Aliyev"}, {"name": "Ilham Aliyev"}]}]
    s = score_briefs(pred, gold)
    assert s["participants"]["tp"] == 1  # the exact match takes Ilham; the bare surname cannot reuse him


def test_length_mismatch_raises():
    with pytest.raises(ValueError):
        score_briefs([], _gold())
