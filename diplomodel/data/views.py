"""Views of a record: the tagger's (words + BIO tags) and the summarizer's (source -> brief text).

Example:
    >>> from diplomodel.data.views import to_tagger_view, from_tagger_view
    >>> rec = {"id": "a", "text": "Gafarova met Akhannouch in Rabat.", "source": "demo",
    ...        "entities": [{"start": 0, "end": 8, "label": "PARTICIPANT"},
    ...                     {"start": 27, "end": 32, "label": "LOC"}]}
    >>> v = to_tagger_view(rec)
    >>> list(zip(v["words"], v["tags"]))[:2]
    [('Gafarova', 'B-PARTICIPANT'), ('met', 'O')]
    >>> from_tagger_view(v, rec["text"]) == rec["entities"]
    True
    >>> print(linearize_brief({"is_meeting": True, "format": "in_person",
    ...                        "location": {"city": None, "country": "Morocco"}}))
    meeting: yes
    format: in_person
    location: | Morocco
"""
from __future__ import annotations

import datetime
import re
from typing import Any

from diplomodel.models.labels import BIO_LABELS, ENTITY_LABELS, bio_to_entity_label
from diplomodel.schema import FORMATS
from diplomodel.models.text import split_words

Record = dict[str, Any]


def tagger_features():
    """``datasets.Features`` of the tagger view (``docs/contracts.md``)."""
    from datasets import ClassLabel, Features, List, Value

    return Features({
        "id": Value("string"), "source": Value("string"), "words": List(Value("string")),
        "word_starts": List(Value("int32")), "word_ends": List(Value("int32")),
        "tags": List(ClassLabel(names=BIO_LABELS)), "annotated_labels": List(Value("string")),
        "unlabelled_words": List(Value("int32")),
    })


def summarizer_features():
    """``datasets.Features`` of the summarizer view."""
    from datasets import Features, Value

    return Features({"id": Value("string"), "source_text": Value("string"),
                     "target_text": Value("string")})


def to_tagger_view(rec: Record) -> dict[str, Any]:
    """Record -> ``{id, source, words, word_starts, word_ends, tags, annotated_labels, unlabelled_words}``.

    ``unlabelled_words`` are the indices of the words inside the record's ``unlabelled``
    stretches: training gives them no label, not even "O". Raises ``ValueError`` if an entity
    does not start and end on word boundaries.

    >>> v = to_tagger_view({"id": "u", "text": "Kim met Kim.", "unlabelled": [{"start": 0, "end": 3}]})
    >>> v["tags"], v["unlabelled_words"]
    (['O', 'O', 'O', 'O'], [0])
    """
    text = rec["text"]
    spans = split_words(text)
    tags = ["O"] * len(spans)
    index_of_start = {s: i for i, (s, _) in enumerate(spans)}
    index_of_end = {e: i for i, (_, e) in enumerate(spans)}
    for ent in rec.get("entities") or []:
        i, j = index_of_start.get(ent["start"]), index_of_end.get(ent["end"])
        if i is None or j is None or j < i:
            raise ValueError(f"record {rec.get('id')!r}: span {ent['start']}-{ent['end']} "
                             "is not on word boundaries")
        tags[i] = f"B-{ent['label']}"
        for k in range(i + 1, j + 1):
            tags[k] = f"I-{ent['label']}"
    unlabelled = [i for i, (s, e) in enumerate(spans)
                  if any(u["start"] <= s and e <= u["end"] for u in rec.get("unlabelled") or [])]
    return {"id": rec["id"], "source": rec.get("source", ""),
            "words": [text[s:e] for s, e in spans],
            "word_starts": [s for s, _ in spans], "word_ends": [e for _, e in spans],
            "tags": tags, "annotated_labels": list(ENTITY_LABELS if rec.get("annotated_labels") is None
                                                    else rec["annotated_labels"]),
            "unlabelled_words": unlabelled}


def from_tagger_view(view: dict[str, Any], text: str | None = None) -> list[dict[str, Any]]:
    """Tagger view -> entity dicts ``{start, end, label}`` (char offsets from the view).

    Tags may be strings or ClassLabel ids; an ``I-`` after ``O`` or another label starts a new
    entity. ``text``, if given, is only used to check the words still match it.
    """
    tags = [t if isinstance(t, str) else BIO_LABELS[t] for t in view["tags"]]
    starts, ends = view["word_starts"], view["word_ends"]
    if text is not None:
        for w, s, e in zip(view["words"], starts, ends):
            if text[s:e] != w:
                raise ValueError(f"word {w!r} does not match text[{s}:{e}] = {text[s:e]!r}")
    out: list[dict[str, Any]] = []
    cur: dict[str, Any] | None = None
    for tag, s, e in zip(tags, starts, ends):
        label = bio_to_entity_label(tag)
        if label is not None and tag.startswith("I-") and cur is not None and cur["label"] == label:
            cur["end"] = e
            continue
        if cur is not None:
            out.append(cur)
            cur = None
        if label is not None:
            cur = {"start": s, "end": e, "label": label}
    if cur is not None:
        out.append(cur)
    return out


# ---------------------------------------------------------------- the linearised brief

def _clean(v: Any) -> str:
    return " ".join(str(v).replace("|", "/").split()) if v is not None else ""


def linearize_brief(brief: dict[str, Any]) -> str:
    """A brief dict as ``key: value`` lines (the summarizer's target text).

    Lines, in order: ``meeting``, ``format``, ``date``, ``location: city | country``,
    ``participant: name | title | country | organization`` (one per participant), ``mentioned``,
    ``country``, ``topic``, ``outcome`` (one line per item) and ``summary``. Empty fields are
    left out (``meeting`` too when the brief has no ``is_meeting``, as in summary-only briefs
    of general news); ``|`` inside values becomes ``/``.
    """
    lines = [f"meeting: {'yes' if brief.get('is_meeting') else 'no'}"] if "is_meeting" in brief else []
    for key in ("format", "date"):
        if brief.get(key):
            lines.append(f"{key}: {_clean(brief[key])}")
    loc = brief.get("location") or {}
    if loc.get("city") or loc.get("country"):
        lines.append(f"location: {_clean(loc.get('city'))} | {_clean(loc.get('country'))}".replace("  ", " "))
    for p in brief.get("participants") or []:
        fields = [_clean(p.get(k)) for k in ("name", "title", "country", "organization")]
        lines.append("participant: " + " | ".join(fields).strip())
    for key, line_key in (("mentioned", "mentioned"), ("countries", "country"),
                          ("topics", "topic"), ("outcomes", "outcome")):
        lines += [f"{line_key}: {_clean(x)}" for x in brief.get(key) or [] if _clean(x)]
    if brief.get("summary"):
        lines.append(f"summary: {_clean(brief['summary'])}")
    return "\n".join(lines)


def _iso_date(value: str) -> bool:
    """``YYYY-MM-DD`` naming a real day ("2024-02-30" does not)."""
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _parts(value: str, n: int) -> list[str | None]:
    bits = [b.strip() or None for b in value.split("|")]
    return (bits + [None] * n)[:n]


def parse_linearized(s: str) -> dict[str, Any]:
    """Parse :func:`linearize_brief` output back into a brief dict (unknown lines are ignored).

    Whatever the input (a model's output may be anything), the result holds only values the
    brief schema allows: an unknown ``format`` or a ``date`` that is no real YYYY-MM-DD day is None.

    >>> b = parse_linearized("meeting: yes\\nparticipant: Ana Lopez | Foreign Minister | Spain |\\ntopic: trade")
    >>> b["participants"][0]["title"], b["topics"], b["is_meeting"]
    ('Foreign Minister', ['trade'], True)
    """
    out: dict[str, Any] = {"is_meeting": False, "format": None, "date": None, "location": None,
                           "participants": [], "mentioned": [], "countries": [], "topics": [],
                           "outcomes": [], "summary": ""}
    lists = {"mentioned": "mentioned", "country": "countries", "topic": "topics", "outcome": "outcomes"}
    for line in s.split("\n"):  # not splitlines(): U+2028 or U+0085 may sit inside a value
        key, sep, value = line.partition(":")
        key, value = key.strip(), value.strip()
        if not sep:
            continue
        if key == "meeting":
            out["is_meeting"] = value.lower() in ("yes", "true")
        elif key == "format":  # a value the schema does not know is no format
            out[key] = value if value in FORMATS else None
        elif key == "date":
            out[key] = value if _iso_date(value) else None
        elif key == "location":
            city, country = _parts(value, 2)
            out["location"] = {"city": city, "country": country}
        elif key == "participant":
            name, title, country, org = _parts(value, 4)
            if name:
                out["participants"].append({"name": name, "title": title, "country": country,
                                            "organization": org})
        elif key in lists and value:
            out[lists[key]].append(value)
        elif key == "summary":
            out["summary"] = value
    return out


def normalize_brief(brief: dict[str, Any]) -> dict[str, Any]:
    """The part of a brief the linearised form keeps: ``parse_linearized(linearize_brief(b))``."""
    return parse_linearized(linearize_brief(brief))


def to_summarizer_view(rec: Record) -> dict[str, str] | None:
    """Record -> ``{id, source_text, target_text}``; ``None`` if the record has no brief."""
    if not rec.get("brief"):
        return None
    return {"id": rec["id"], "source_text": rec["text"], "target_text": linearize_brief(rec["brief"])}
