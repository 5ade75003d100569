"""The tagger's label set and the entity spans it produces.

Every component speaks in :class:`Entity` objects whose ``start``/``end`` index the
original input text, so ``text[e.start:e.end] == e.text`` always holds.

Example:
    >>> from diplomodel.models.labels import BIO_LABELS, Entity, bio_to_entity_label
    >>> BIO_LABELS[:3]
    ['O', 'B-PARTICIPANT', 'I-PARTICIPANT']
    >>> bio_to_entity_label("I-COUNTRY")
    'COUNTRY'
    >>> Entity(0, 5, "PERSON", 0.9, "Aliev").end
    5
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

#: Entity types. PARTICIPANT: a person taking part in the reported meeting; PERSON: a person
#: only mentioned (or, in sources without roles, a person whose role is unknown).
ENTITY_LABELS: list[str] = ["PARTICIPANT", "PERSON", "TITLE", "COUNTRY", "ORG", "LOC", "DATE"]

#: BIO tags, "O" first; the tagger's output layer follows this order.
BIO_LABELS: list[str] = ["O"] + [f"{p}-{label}" for label in ENTITY_LABELS for p in ("B", "I")]

LABEL2ID: dict[str, int] = {label: i for i, label in enumerate(BIO_LABELS)}
ID2LABEL: dict[int, str] = {i: label for label, i in LABEL2ID.items()}


def bio_to_entity_label(tag: str) -> str | None:
    """Return the entity label of a BIO tag (``None`` for ``O``)."""
    if tag == "O":
        return None
    if len(tag) < 3 or tag[1] != "-" or tag[0] not in "BI" or tag[2:] not in ENTITY_LABELS:
        raise ValueError(f"not a BIO tag of the label set: {tag!r}")
    return tag[2:]


@dataclass(frozen=True)
class Entity:
    """A labelled character span of the input text with the tagger's confidence."""

    start: int
    end: int
    label: str
    score: float = 1.0
    text: str = ""

    def to_dict(self) -> dict:
        return asdict(self)
