"""Span projection of gold briefs onto real-looking report shapes (sentences written for these tests)."""
from __future__ import annotations

import sys
from pathlib import Path

from diplomodel.data.projection import ANNOTATED_LABELS, project_brief
from diplomodel.data.record import validate_record
from diplomodel.data.views import to_tagger_view

ROOT = Path(__file__).resolve().parents[1]


def _part(name, title=None, aliases=(), country=None, organization=None):
    return {"name": name, "aliases": list(aliases), "title": title, "country": country,
            "organization": organization}


def _labelled(text, proj):
    return [(text[e["start"]:e["end"]], e["label"]) for e in proj.entities]


def _spans(text, proj, label):
    return [text[e["start"]:e["end"]] for e in proj.entities if e["label"] == label]


def test_every_mention_of_a_participant_and_a_mentioned_person():
    text = ("KUALA LUMPUR: Prime Minister Datuk Seri Rahim Osman today received Chile's Ambassador to "
            "Malaysia Paula Ibarra at his office. Rahim said the visit of Ibarra's delegation showed "
            "warm ties, and conveyed greetings to President Tomas Lagos. Later, Osman posted photos.")
    brief = {"is_meeting": True, "location": {"city": "Kuala Lumpur", "country": "Malaysia"},
             "participants": [_part("Rahim Osman", "Prime Minister", ["Rahim"]),
                              _part("Paula Ibarra", "Ambassador to Malaysia")],
             "mentioned": ["Tomas Lagos"]}
    proj = project_brief(text, brief)
    assert _spans(text, proj, "PARTICIPANT") == ["Rahim Osman", "Paula Ibarra", "Rahim", "Ibarra", "Osman"]
    assert _spans(text, proj, "PERSON") == ["Tomas Lagos"]
    # the title as written next to its person; the honorifics in between stay outside both
    assert _spans(text, proj, "TITLE") == ["Prime Minister", "Ambassador to Malaysia"]
    # the country opening a title is a country ("Chile" of "Chile's"), the dateline a place
    assert ("Chile", "COUNTRY") in _labelled(text, proj) and ("KUALA LUMPUR", "LOC") in _labelled(text, proj)
    assert ("today", "DATE") in _labelled(text, proj)


def test_title_after_the_name_and_a_title_with_an_acronym():
    text = ("The talks were attended by Omar Haddad, Minister of Water and Irrigation, and by "
            "National Assembly (NA) Chairman Tran Van Long.")
    brief = {"is_meeting": True, "participants": [
        _part("Omar Haddad", "Minister of Water and Irrigation"),
        _part("Tran Van Long", "National Assembly Chairman")], "mentioned": []}
    proj = project_brief(text, brief)
    assert _spans(text, proj, "TITLE") == ["Minister of Water and Irrigation", "National Assembly (NA) Chairman"]


def test_a_title_the_text_does_not_write_next_to_the_person_is_not_guessed():
    text = "Lena Vogt met the visiting delegation. The foreign minister of the republic smiled."
    brief = {"is_meeting": True, "participants": [_part("Lena Vogt", "Foreign Minister")], "mentioned": []}
    assert _spans(text, project_brief(text, brief), "TITLE") == []


def test_regnal_name_keeps_the_word_of_office_outside_the_name():
    text = "MUSCAT: The Sultan received King Marek of Belgravia at the palace on Wednesday."
    brief = {"is_meeting": True, "participants": [_part("King Marek", "King of Belgravia")], "mentioned": []}
    proj = project_brief(text, brief)
    assert _spans(text, proj, "PARTICIPANT") == ["Marek"]
    assert ("Wednesday", "DATE") in _labelled(text, proj)


def test_a_surname_two_people_share_is_unlabelled_not_o():
    text = ("Kim Dae-ho met the envoy Kim Soo-ah in Seoul. Kim told reporters the talks went well. "
            "Dae-ho later left.")
    brief = {"is_meeting": True, "participants": [_part("Kim Dae-ho"), _part("Kim Soo-ah")], "mentioned": []}
    proj = project_brief(text, brief)
    lone = text.index("Kim told")
    assert {"start": lone, "end": lone + 3} in proj.unlabelled
    assert all(not (e["start"] <= lone < e["end"]) for e in proj.entities)
    # and the training view gives that word no tag to learn
    rec = validate_record({"id": "k", "text": text, "entities": proj.entities, "unlabelled": proj.unlabelled,
                           "annotated_labels": ANNOTATED_LABELS})
    view = to_tagger_view(rec)
    k = view["word_starts"].index(lone)
    assert k in view["unlabelled_words"] and view["tags"][k] == "O"


def test_words_running_on_from_a_projected_name_are_unlabelled():
    text = "Crown Prince Faisal bin Nayef Al Rashed received the minister. Faisal thanked him."
    brief = {"is_meeting": True, "participants": [_part("Faisal bin Nayef", "Crown Prince")], "mentioned": []}
    proj = project_brief(text, brief)
    tail = text.index("Al Rashed")
    assert {"start": tail, "end": tail + len("Al Rashed")} in proj.unlabelled
    assert _spans(text, proj, "PARTICIPANT") == ["Faisal bin Nayef", "Faisal"]


def test_headline_verbs_after_a_name_are_not_taken_for_name_parts():
    text = "Ortiz Receives Delegation\nForeign Minister Ana Ortiz received a delegation; it received gifts."
    brief = {"is_meeting": True, "participants": [_part("Ana Ortiz", "Foreign Minister")], "mentioned": []}
    proj = project_brief(text, brief)
    assert proj.unlabelled == []  # "Receives": the text also writes "received" in lower case
    assert _spans(text, proj, "PARTICIPANT") == ["Ortiz", "Ana Ortiz"]


def test_a_city_is_not_taken_for_a_short_form_of_a_name():
    text = "Minister Musa Dar met officials in Dar es Salaam. Dar said the visit was useful."
    brief = {"is_meeting": True, "location": {"city": "Dar es Salaam", "country": "Tanzania"},
             "participants": [_part("Musa Dar", "Minister")], "mentioned": []}
    proj = project_brief(text, brief)
    assert ("Dar es Salaam", "LOC") in _labelled(text, proj)
    assert _spans(text, proj, "PARTICIPANT") == ["Musa Dar", "Dar"]


def test_countries_and_dates_of_real_shapes():
    text = ("The U.S. and South Korean officials met on 5 March 2018 and again on Oct. 11, "
            "said the UK. Afghans were not present.")
    proj = project_brief(text, {"is_meeting": True, "participants": [], "mentioned": []})
    got = _labelled(text, proj)
    assert ("U.S.", "COUNTRY") in got and ("South Korean", "COUNTRY") in got and ("UK", "COUNTRY") in got
    assert ("5 March 2018", "DATE") in got and ("Oct. 11", "DATE") in got
    assert not any(w == "Afghans" for w, _ in got)  # a people, not a nationality adjective


def test_projected_records_validate_and_only_people_are_complete():
    text = "Lucia Ferro met Jonas Berg in Oslo on Monday. Berg thanked Ferro."
    brief = {"is_meeting": True, "participants": [_part("Lucia Ferro"), _part("Jonas Berg")], "mentioned": []}
    proj = project_brief(text, brief)
    rec = validate_record({"id": "x", "text": text, "entities": proj.entities, "unlabelled": proj.unlabelled,
                           "annotated_labels": ANNOTATED_LABELS, "brief": brief})
    assert rec["annotated_labels"] == ["PARTICIPANT", "PERSON"]
    sys.path.insert(0, str(ROOT / "training"))
    from tagger_training import allowed_table, unannotated_mask

    from diplomodel.models.labels import LABEL2ID

    table = allowed_table()
    mask = unannotated_mask(rec["annotated_labels"])
    o = LABEL2ID["O"]
    # an "O" of a projected brief may hide a title or a place, never a person
    assert table[mask, o, LABEL2ID["B-TITLE"]] and table[mask, o, LABEL2ID["B-LOC"]]
    assert not table[mask, o, LABEL2ID["B-PARTICIPANT"]] and not table[mask, o, LABEL2ID["B-PERSON"]]
