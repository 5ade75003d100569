"""The meeting brief: typed dataclasses, JSON in/out, Markdown, and the checked-in JSON Schema.

Example:
    >>> from diplomodel.schema import MeetingBrief, Participant
    >>> b = MeetingBrief(is_meeting=True, format="phone_call", date="2024-03-01",
    ...                  participants=[Participant(name="Ana Lopez", country="Spain", spans=[(0, 9)])])
    >>> MeetingBrief.from_json(b.to_json()) == b
    True
    >>> b.to_dict()["participants"][0]["spans"]
    [[0, 9]]
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

FORMATS: tuple[str, ...] = ("in_person", "phone_call", "video_call", "multilateral_sidelines")

Span = tuple[int, int]


def _spans_in(value: Any, where: str) -> list[Span]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ValueError(f"{where}: spans must be a list of [start, end] pairs")
    out: list[Span] = []
    for pair in value:
        if (not isinstance(pair, (list, tuple)) or len(pair) != 2
                or not all(isinstance(x, int) and not isinstance(x, bool) for x in pair)
                or pair[0] < 0 or pair[1] < pair[0]):
            raise ValueError(f"{where}: bad span {pair!r}, expected [start, end] with 0 <= start <= end")
        out.append((pair[0], pair[1]))
    return out


@dataclass
class Location:
    """Where the meeting took place."""

    city: str | None = None
    country: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"city": self.city, "country": self.country}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Location":
        return cls(city=d.get("city"), country=d.get("country"))


@dataclass
class Participant:
    """A person who took part in the meeting, with every span that mentions them."""

    name: str
    title: str | None = None
    country: str | None = None
    organization: str | None = None
    spans: list[Span] = field(default_factory=list)
    score: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "title": self.title, "country": self.country,
                "organization": self.organization, "spans": [list(s) for s in self.spans],
                "score": round(float(self.score), 4)}

    @classmethod
    def from_dict(cls, d: dict[str, Any], where: str = "participant") -> "Participant":
        if not isinstance(d.get("name"), str) or not d["name"].strip():
            raise ValueError(f"{where}.name: a non-empty string is required")
        return cls(name=d["name"], title=d.get("title"), country=d.get("country"),
                   organization=d.get("organization"),
                   spans=_spans_in(d.get("spans"), f"{where}.spans"),
                   score=float(d.get("score", 1.0)))


@dataclass
class MeetingBrief:
    """A structured brief of one article: who met whom, when, where, about what."""

    id: str | None = None
    is_meeting: bool = False
    format: str | None = None
    date: str | None = None
    location: Location | None = None
    participants: list[Participant] = field(default_factory=list)
    mentioned: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    outcomes: list[str] = field(default_factory=list)
    summary: str = ""
    evidence: dict[str, list[Span]] = field(default_factory=dict)
    model: dict[str, str] = field(default_factory=lambda: {"name": "", "version": ""})

    def __post_init__(self) -> None:
        if self.format is not None and self.format not in FORMATS:
            raise ValueError(f"format: {self.format!r} is not one of {', '.join(FORMATS)}")

    def to_dict(self) -> dict[str, Any]:
        """The brief's JSON form, keys in schema order."""
        return {
            "id": self.id, "is_meeting": self.is_meeting, "format": self.format, "date": self.date,
            "location": self.location.to_dict() if self.location else None,
            "participants": [p.to_dict() for p in self.participants],
            "mentioned": list(self.mentioned), "countries": list(self.countries),
            "topics": list(self.topics), "outcomes": list(self.outcomes), "summary": self.summary,
            "evidence": {k: [list(s) for s in v] for k, v in self.evidence.items()},
            "model": dict(self.model),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "MeetingBrief":
        """Build a brief from its JSON form; raises ``ValueError`` naming the bad field."""
        if not isinstance(d, dict):
            raise ValueError("brief: a JSON object is required")
        loc = d.get("location")
        parts = d.get("participants") or []
        if not isinstance(parts, list):
            raise ValueError("participants: a list is required")
        evidence = d.get("evidence") or {}
        if not isinstance(evidence, dict):
            raise ValueError("evidence: an object of field -> spans is required")
        for key in ("mentioned", "countries", "topics", "outcomes"):
            if not isinstance(d.get(key) or [], list):
                raise ValueError(f"{key}: a list of strings is required")
        return cls(
            id=d.get("id"), is_meeting=bool(d.get("is_meeting", False)), format=d.get("format"),
            date=d.get("date"),
            location=Location.from_dict(loc) if isinstance(loc, dict) else None,
            participants=[Participant.from_dict(p, f"participants[{i}]") for i, p in enumerate(parts)],
            mentioned=list(d.get("mentioned") or []), countries=list(d.get("countries") or []),
            topics=list(d.get("topics") or []), outcomes=list(d.get("outcomes") or []),
            summary=d.get("summary") or "",
            evidence={k: _spans_in(v, f"evidence.{k}") for k, v in evidence.items()},
            model=dict(d.get("model") or {"name": "", "version": ""}),
        )

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_json(cls, s: str) -> "MeetingBrief":
        return cls.from_dict(json.loads(s))

    def to_markdown(self) -> str:
        """A readable brief for analysts."""
        title = "Meeting brief" if self.is_meeting else "No meeting reported"
        lines = [f"# {title}" + (f" ({self.id})" if self.id else ""), ""]
        if self.is_meeting:
            where = ", ".join(x for x in (self.location.city, self.location.country) if x) if self.location else ""
            lines += [f"- **Date:** {self.date or 'unknown'}",
                      f"- **Where:** {where or 'unknown'}",
                      f"- **Format:** {(self.format or 'unknown').replace('_', ' ')}", ""]
        if self.participants:
            lines.append("## Participants")
            for p in self.participants:
                extra = ", ".join(x for x in (p.title, p.organization, p.country) if x)
                lines.append(f"- {p.name}" + (f": {extra}" if extra else ""))
            lines.append("")
        for head, items in (("Also mentioned", self.mentioned), ("Topics", self.topics),
                            ("Outcomes", self.outcomes)):
            if items:
                lines += [f"## {head}"] + [f"- {x}" for x in items] + [""]
        if self.summary:
            lines += ["## Summary", self.summary, ""]
        return "\n".join(lines).rstrip() + "\n"


def json_schema() -> dict[str, Any]:
    """The checked-in JSON Schema (``brief.schema.json``) every brief validates against."""
    return json.loads(resources.files("diplomodel").joinpath("brief.schema.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def _validator() -> Any:
    """The schema checked once and compiled into a validator (``jsonschema.validate`` redoes both
    on every call: ~30 ms a brief on a busy CPU)."""
    import jsonschema

    schema = json_schema()
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def validate_brief_dict(d: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` if ``d`` is not a valid brief."""
    _validator().validate(d)
