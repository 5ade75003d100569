"""The brief schema: dataclass <-> JSON round trip, and the JSON Schema agrees with the dataclass."""
from __future__ import annotations

import jsonschema
import pytest

from conftest import validate_brief
from diplomodel.schema import FORMATS, Location, MeetingBrief, Participant, json_schema, validate_brief_dict


def full_brief() -> MeetingBrief:
    return MeetingBrief(
        id="doc-1", is_meeting=True, format="in_person", date="2024-03-04",
        location=Location(city="Rabat", country="Morocco"),
        participants=[Participant(name="Karim Benali", title="Minister of Foreign Affairs", country="Morocco",
                                  organization="Ministry of Foreign Affairs", spans=[(60, 72), (400, 406)],
                                  score=0.93),
                      Participant(name="Lucia Ferrer", country="Chile", spans=[(105, 117)])],
        mentioned=["Tomas Aravena"], countries=["Morocco", "Chile"], topics=["trade"],
        outcomes=["memorandum on green hydrogen"], summary="Benali received Ferrer.",
        evidence={"date": [(118, 127)], "summary": [(22, 200)]},
        model={"name": "tiny", "version": "0"})


def test_round_trip_full_and_empty() -> None:
    for b in (full_brief(), MeetingBrief()):
        assert MeetingBrief.from_json(b.to_json()) == b
        assert MeetingBrief.from_dict(b.to_dict()) == b
        validate_brief(b)


def test_schema_keys_match_dataclass() -> None:
    schema = json_schema()
    assert set(schema["required"]) == set(MeetingBrief().to_dict())
    assert set(schema["properties"]["format"]["enum"]) - {None} == set(FORMATS)


@pytest.mark.parametrize("change", [
    {"format": "carrier_pigeon"}, {"date": "04/03/2024"}, {"participants": [{"name": ""}]},
    {"evidence": {"date": [[1]]}}, {"unexpected": 1},
])
def test_schema_rejects_bad_briefs(change: dict) -> None:
    d = full_brief().to_dict() | change
    with pytest.raises(jsonschema.ValidationError):
        validate_brief_dict(d)


def test_bad_format_and_spans_raise_naming_field() -> None:
    with pytest.raises(ValueError, match="format"):
        MeetingBrief(format="carrier_pigeon")
    with pytest.raises(ValueError, match=r"participants\[0\]\.spans"):
        MeetingBrief.from_dict({"participants": [{"name": "A", "spans": [[5, 2]]}]})


def test_markdown_names_participants_and_summary() -> None:
    md = full_brief().to_markdown()
    assert md.startswith("# Meeting brief (doc-1)")
    assert "Karim Benali: Minister of Foreign Affairs" in md and "## Summary" in md
