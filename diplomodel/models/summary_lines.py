"""The summarizer's output format: a few ``key: value`` lines, and a parser that never raises.

The model writes (and is trained to write) at most these lines, in this order::

    summary: one or two sentences
    topics: short noun phrase; another; ...
    outcomes: an agreement, a signed document, an invitation; ... (the line is left out if none)
    format: in_person | multilateral_sidelines | phone_call | video_call
    place: city | country

``summary`` comes first so a cut-off generation still keeps it; ``format`` and ``place`` are a
second opinion for the extractive fields. :func:`parse_summary` reads any string: unknown keys,
lines without a colon, a repeated key, a value outside the schema or an item said twice become
*flags* (and are dropped), never an exception.

Example:
    >>> text = to_summary_lines({"summary": "A met B.", "topics": ["trade", "energy"], "outcomes": [],
    ...                          "format": "phone_call", "location": None})
    >>> print(text)
    summary: A met B.
    topics: trade; energy
    format: phone_call
    >>> p = parse_summary(text + "\\ntopics: trade\\nnonsense")
    >>> p.topics, p.format, p.flags
    (['trade', 'energy'], 'phone_call', ['repeated key: topics', 'no key: nonsense'])
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from diplomodel.schema import FORMATS

KEYS = ("summary", "topics", "outcomes", "format", "place")
ITEM_SEP = "; "
MAX_ITEMS = 8     # the annotators wrote 2-10 topics, 4.9 on average
MAX_ITEM_CHARS = 160


def _clean(value: Any) -> str:
    """One line: whitespace squashed; ``;`` and ``|`` (the separators) become commas and slashes."""
    return " ".join(str(value or "").replace(";", ",").replace("|", "/").split())


def to_summary_lines(brief: dict[str, Any], summary: bool = True) -> str:
    """The target text of a brief dict (the keys of :data:`KEYS`; empty fields are left out;
    ``summary=False`` leaves the summary line out too, for a model whose summary the facade writes).

    >>> to_summary_lines({"summary": "A met B.", "topics": ["trade"]}, summary=False)
    'topics: trade'
    """
    lines = []
    if summary and _clean(brief.get("summary")):
        lines.append(f"summary: {_clean(brief['summary'])}")
    for key in ("topics", "outcomes"):
        items = [_clean(x) for x in brief.get(key) or [] if _clean(x)]
        if items:
            lines.append(f"{key}: {ITEM_SEP.join(items)}")
    if brief.get("format") in FORMATS:
        lines.append(f"format: {brief['format']}")
    loc = brief.get("location") or {}
    if isinstance(loc, dict) and (loc.get("city") or loc.get("country")):
        lines.append(f"place: {_clean(loc.get('city'))} | {_clean(loc.get('country'))}".replace("  ", " "))
    return "\n".join(lines)


@dataclass
class ParsedSummary:
    """What :func:`parse_summary` read; ``flags`` says what it dropped and why."""

    summary: str = ""
    topics: list[str] = field(default_factory=list)
    outcomes: list[str] = field(default_factory=list)
    format: str | None = None
    city: str | None = None
    country: str | None = None
    flags: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"summary": self.summary, "topics": list(self.topics), "outcomes": list(self.outcomes),
                "format": self.format, "location": {"city": self.city, "country": self.country}
                if (self.city or self.country) else None, "flags": list(self.flags)}


_INLINE_KEY = re.compile(r"[,;.]?\s*\b(topics?|outcomes?|format|place)\s*:", re.I)


def _near(a: str, b: str) -> bool:
    """Two items that say the same ("Nepal-India relations", "India-Nepal relations")."""
    from rapidfuzz import fuzz

    return a == b or fuzz.token_sort_ratio(a, b) >= 85


def _items(value: str, flags: list[str], key: str) -> list[str]:
    out: list[str] = []
    seen: list[str] = []
    for raw in value.split(";"):
        item = " ".join(raw.split()).strip(" .,")
        if not item:
            continue
        norm = re.sub(r"\W+", " ", item.lower()).strip()
        if any(_near(norm, other) for other in seen):
            flags.append(f"repeated {key[:-1]}: {item[:40]}")
            continue
        if len(item) > MAX_ITEM_CHARS:
            flags.append(f"{key[:-1]} too long: {item[:40]}")
            continue
        if len(out) == MAX_ITEMS:
            flags.append(f"more than {MAX_ITEMS} {key}")
            break
        seen.append(norm)
        out.append(item)
    return out


def parse_summary(text: Any) -> ParsedSummary:
    """Read model output into a :class:`ParsedSummary`; never raises, whatever ``text`` is.

    >>> parse_summary(None).flags
    ['not text: NoneType']
    >>> parse_summary("format: by pigeon\\nsummary: They met.").format is None
    True
    >>> parse_summary("summary: They met in Rabat, outcome: a memorandum signed.").summary
    'They met in Rabat.'

    """
    out = ParsedSummary()
    if not isinstance(text, str):
        out.flags.append(f"not text: {type(text).__name__}")
        return out
    seen: set[str] = set()
    for line in text.split("\n"):  # not splitlines(): U+2028 or U+0085 may sit inside a value
        line = line.strip()
        if not line:
            continue
        key, sep, value = line.partition(":")
        key, value = key.strip().lower(), " ".join(value.split())
        if not sep or key not in KEYS:
            out.flags.append(f"no key: {line[:40]}")
            continue
        if key in seen:
            out.flags.append(f"repeated key: {key}")
            continue
        seen.add(key)
        if key == "summary":
            inline = _INLINE_KEY.search(value)  # "... met in Rabat, outcome: a memorandum signed."
            if inline:
                out.flags.append(f"key inside the summary: {inline.group(1).lower()}")
                value = value[:inline.start()].rstrip(" ,;:.") + "."
            out.summary = value if value != "." else ""
        elif key in ("topics", "outcomes"):
            setattr(out, key, _items(value, out.flags, key))
        elif key == "format":
            if value in FORMATS:
                out.format = value
            elif value:
                out.flags.append(f"unknown format: {value[:40]}")
        else:
            city, _, country = value.partition("|")
            out.city, out.country = city.strip() or None, country.strip() or None
    return out
