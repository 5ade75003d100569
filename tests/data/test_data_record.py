"""Record validation (every bad-input case names file, line, record id and field) and views."""
from __future__ import annotations

import json

import pytest

from diplomodel.data.record import features, from_hf_row, read_records, to_hf_row, validate_record
from diplomodel.data.views import (from_tagger_view, linearize_brief, normalize_brief, parse_linearized,
                                   to_summarizer_view, to_tagger_view)
from diplomodel.errors import InputError

TEXT = "BAKU, Dec. 16. Speaker Lina Orbe met Prime Minister Teo Vance in U.S. talks."
GOOD = {"id": "r1", "text": TEXT, "published": "2023-12-16", "source": "t", "entities": [
    {"start": 0, "end": 4, "label": "LOC"}, {"start": 6, "end": 13, "label": "DATE"},
    {"start": 15, "end": 22, "label": "TITLE"}, {"start": 23, "end": 32, "label": "PARTICIPANT"},
    {"start": 37, "end": 51, "label": "TITLE"}, {"start": 52, "end": 61, "label": "PARTICIPANT"},
    {"start": 65, "end": 69, "label": "COUNTRY"}]}


def write(tmp_path, lines, name="in.jsonl"):
    p = tmp_path / name
    p.write_bytes(b"".join((x if isinstance(x, bytes) else json.dumps(x).encode()) + b"\n" for x in lines))
    return p


def test_good_record_and_round_trip_through_tagger_view():
    rec = validate_record(GOOD)
    assert [TEXT[e["start"]:e["end"]] for e in rec["entities"]] == \
        ["BAKU", "Dec. 16", "Speaker", "Lina Orbe", "Prime Minister", "Teo Vance", "U.S."]
    view = to_tagger_view(rec)
    assert view["tags"][view["words"].index("Orbe")] == "I-PARTICIPANT"
    assert from_tagger_view(view, TEXT) == rec["entities"]
    assert from_hf_row(to_hf_row(rec))["entities"] == rec["entities"]


def test_unlabelled_stretches_survive_the_round_trip_and_reach_the_view():
    from datasets import Dataset

    rec = validate_record({**GOOD, "unlabelled": [{"start": 70, "end": 75}]})
    assert rec["unlabelled"] == [{"start": 70, "end": 75}] and "unlabelled" not in validate_record(GOOD)
    back = from_hf_row(Dataset.from_list([to_hf_row(rec)], features=features())[0])
    assert back["unlabelled"] == rec["unlabelled"]
    view = to_tagger_view(rec)
    assert [view["words"][i] for i in view["unlabelled_words"]] == ["talks"]


def test_hf_features_encode():
    from datasets import Dataset

    rec = validate_record({**GOOD, "brief": {"is_meeting": True}})
    ds = Dataset.from_list([to_hf_row(rec)], features=features())
    assert from_hf_row(ds[0])["entities"] == rec["entities"] and from_hf_row(ds[0])["brief"] == {"is_meeting": True}


BAD = [
    ({"id": "b", "text": ""}, "text", "empty"),
    ({"id": "b"}, "text", "missing"),
    ({"id": "b", "text": "Ana met Ivo.", "entities": [{"start": 0, "end": 3, "label": "PERSON"},
                                                    {"start": 0, "end": 7, "label": "PERSON"}]}, "entities[1]", "overlaps"),
    ({"id": "b", "text": "Ana met Ivo.", "entities": [{"start": 8, "end": 40, "label": "PERSON"}]}, "entities[0]", "out of range"),
    ({"id": "b", "text": "Ana met Ivo.", "entities": [{"start": 0, "end": 3, "label": "HERO"}]}, "entities[0]", "not one of"),
    ({"id": "b", "text": "Ana met Ivo.", "entities": [{"start": 0, "end": 3, "label": "PERSON", "text": "Ivo"}]},
     "entities[0]", "differs"),
    ({"id": "b", "text": "Ana met Ivo.", "entities": [{"start": 1, "end": 3, "label": "PERSON"}]}, "entities[0]", "inside a word"),
    ({"id": "b", "text": "Ana met Ivo.", "entities": [{"start": 0, "end": 2, "label": "PERSON"}]}, "entities[0]", "inside a word"),
    ({"id": "b", "text": "Ana met Ivo.", "annotated_labels": ["PER"]}, "annotated_labels", "labels"),
    ({"id": "b", "text": "Ana met Ivo.", "published": "16/12/2023"}, "published", "YYYY-MM-DD"),
    ({"id": "b", "text": "Ana met Ivo.", "brief": {"format": "telepathy"}}, "brief", "format"),
    ({"id": "b", "text": "Caf\u00c3\u00a9 talks in Paris."}, "text", "mixed encodings"),
    ({"id": "b", "text": "Ana met Ivo.", "unlabelled": [{"start": 1, "end": 3}]}, "unlabelled[0]", "word boundaries"),
    ({"id": "b", "text": "Ana met Ivo.", "unlabelled": [{"start": 4, "end": 40}]}, "unlabelled[0]", "out of range"),
    ({"id": "b", "text": "Ana met Ivo.", "entities": [{"start": 0, "end": 3, "label": "PERSON"}],
      "unlabelled": [{"start": 0, "end": 7}]}, "unlabelled[0]", "overlaps entities[0]"),
    ({"id": "b", "text": "Ana met Ivo.", "unlabelled": "Ivo"}, "unlabelled", "list"),
]


@pytest.mark.parametrize("rec,field,words", BAD)
def test_bad_records_name_file_line_id_field(tmp_path, rec, field, words):
    p = write(tmp_path, [GOOD, rec])
    with pytest.raises(InputError) as err:
        read_records(p)
    msg = str(err.value)
    assert f"{p}:2:" in msg and "record 'b'" in msg and f'field "{field}"' in msg and words in msg
    recs, skipped = read_records(p, skip_invalid=True)
    assert [r["id"] for r in recs] == ["r1"] and skipped == 1


def test_broken_json_and_bad_bytes(tmp_path):
    p = write(tmp_path, [GOOD, b'{"id": "c", "text": "Ana met', "Ana met Ivo at the caf\u00e9.".encode("latin-1")])
    with pytest.raises(InputError, match=r"in\.jsonl:2: record 'c': broken JSON"):
        read_records(p)
    recs, skipped = read_records(p, skip_invalid=True)
    assert len(recs) == 1 and skipped == 2
    p2 = write(tmp_path, [GOOD, json.dumps({"id": "d", "text": "caf\u00e9"}).encode("cp1252")[:-1] + b"\xe9\"}"], "m.jsonl")
    with pytest.raises(InputError, match=r"m\.jsonl:2: .*not valid UTF-8"):
        read_records(p2)


def test_missing_id_and_duplicate(tmp_path):
    with pytest.raises(InputError, match=r'in\.jsonl:1: field "id"'):
        read_records(write(tmp_path, [{"text": "x"}]))
    with pytest.raises(InputError, match=r"in\.jsonl:2: record 'r1': field \"id\": duplicate"):
        read_records(write(tmp_path, [GOOD, GOOD]))


SEED_BRIEF = {"is_meeting": True, "format": "in_person", "date": "2023-12-15",
              "location": {"city": None, "country": "Morocco"},
              "participants": [{"name": "Lina Orbe", "title": "Speaker of the Assembly", "country": "Azerbaijan",
                                "organization": "Assembly"},
                               {"name": "Teo Vance", "title": None, "country": "Morocco", "organization": None}],
              "mentioned": ["Ivo Kral"], "countries": ["Azerbaijan", "Morocco"], "topics": ["trade", "a | b"],
              "outcomes": ["a joint commission"], "summary": "Orbe and Vance discussed\ntrade."}


def test_linearized_brief_round_trip():
    s = linearize_brief(SEED_BRIEF)
    assert "location: | Morocco" in s.splitlines()
    assert "participant: Lina Orbe | Speaker of the Assembly | Azerbaijan | Assembly" in s.splitlines()
    assert "mentioned: Ivo Kral" in s.splitlines() and s.splitlines()[0] == "meeting: yes"
    back = parse_linearized(s)
    assert back == normalize_brief(SEED_BRIEF)
    assert back["participants"][1] == {"name": "Teo Vance", "title": None, "country": "Morocco", "organization": None}
    assert back["topics"] == ["trade", "a / b"] and back["summary"] == "Orbe and Vance discussed trade."
    assert linearize_brief(back) == s
    view = to_summarizer_view({"id": "x", "text": TEXT, "brief": SEED_BRIEF})
    assert view["target_text"] == s and view["source_text"] == TEXT
    assert to_summarizer_view({"id": "x", "text": TEXT}) is None


def test_u2028_inside_annotation_and_linearized_values(tmp_path):
    text = "Gafarova met\u2028Akhannouch.\u0085"
    path = tmp_path / "ann.jsonl"
    path.write_text(json.dumps({"id": "a", "text": text, "entities": [
        {"start": 0, "end": 8, "label": "PARTICIPANT"}]}, ensure_ascii=False) + "\r\n", "utf-8")
    recs, skipped = read_records(path)
    assert skipped == 0 and recs[0]["text"] == text
    parsed = parse_linearized("meeting: yes\nsummary: one\u2028two\u0085three\ntopic: t\u2029u")
    assert parsed["summary"] == "one\u2028two\u0085three" and parsed["topics"] == ["t\u2029u"]
