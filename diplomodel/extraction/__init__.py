"""From tagged entities to an extractive meeting brief, in steps.

:func:`build_brief` parses the article once into a :class:`~diplomodel.extraction.document.Document`
and passes it through :data:`STEPS` in order; each step reads what the ones before it wrote:

1. :func:`~diplomodel.extraction.participants.mend_mentions`: broken person mentions mended,
   organisations and messengers demoted.
2. :func:`~diplomodel.extraction.participants.find_people`: mentions merged into people, split into
   participants and the merely mentioned.
3. :func:`~diplomodel.extraction.participants.link_people`: each participant's title, country and
   organisation from the words around its mentions.
4. :func:`~diplomodel.extraction.affiliation.known_officials`: the country of a known official the
   text leaves without one (the model dir's table, :mod:`diplomodel.knowledge.officials`).
5. :func:`decide_meeting`: whether a meeting is reported (meeting cues in the participants'
   sentences, no message or condolence lead) and its format (:mod:`~diplomodel.extraction.format`).
6. :func:`~diplomodel.extraction.outcomes.pick_outcomes`: the sentences stating what was agreed,
   signed or pledged.
7. :func:`~diplomodel.extraction.dates.pick_date`: the meeting's day.
8. :func:`~diplomodel.extraction.location.pick_location`: where it took place (none for calls).
9. :func:`~diplomodel.extraction.affiliation.fill_countries`: countries of participants still
   without one (later clues, the host, the one left).

:func:`to_brief` then writes the :class:`~diplomodel.schema.MeetingBrief`: no meeting, no
participants (those tagged so were only mentioned); the brief's countries are the participants'.

Example:
    >>> import datetime
    >>> from diplomodel.models.labels import Entity
    >>> from diplomodel.extraction import build_brief
    >>> t = "Turkish Foreign Minister Hakan Fidan spoke by phone with Sergei Lavrov on Monday."
    >>> ents = [Entity(0, 7, "COUNTRY"), Entity(8, 24, "TITLE"), Entity(25, 36, "PARTICIPANT"),
    ...         Entity(57, 70, "PARTICIPANT"), Entity(74, 80, "DATE")]
    >>> b = build_brief(t, ents, datetime.date(2024, 3, 6))
    >>> b.is_meeting, b.format, b.date, b.location, [p.name for p in b.participants]
    (True, 'phone_call', '2024-03-04', None, ['Hakan Fidan', 'Sergei Lavrov'])
"""
from __future__ import annotations

import datetime
from typing import Callable

from diplomodel.extraction.affiliation import fill_countries, known_officials
from diplomodel.extraction.dates import pick_date
from diplomodel.extraction.document import Document
from diplomodel.extraction.format import find_format
from diplomodel.extraction.location import pick_location
from diplomodel.extraction.meeting import NEGATIVE_CUE, decide_is_meeting
from diplomodel.extraction.outcomes import pick_outcomes
from diplomodel.extraction.participants import find_people, link_people, mend_mentions
from diplomodel.knowledge.officials import Officials
from diplomodel.models.labels import Entity
from diplomodel.schema import MeetingBrief

Span = tuple[int, int]


def decide_meeting(doc: Document) -> None:
    """Set ``doc.participant_sents``, ``doc.meeting_spans``, ``doc.is_meeting`` and the format.

    A meeting: a participant and a meeting cue in a participant's sentence, or two participants
    and a lead that is not a message or a condolence (:func:`~diplomodel.extraction.meeting.decide_is_meeting`).
    """
    doc.participant_sents = sorted({doc.sents.at(s) for p in doc.participants for s, _ in p.spans})
    regions = doc.participant_regions()
    doc.meeting_spans = [c for i in doc.participant_sents for c in doc.cues[i]]
    lead = regions[0] if regions else doc.sents[0]
    lead_negative = NEGATIVE_CUE.search(doc.text, *lead) is not None
    doc.is_meeting = decide_is_meeting(len(doc.participants), doc.meeting_spans, lead_negative)
    doc.format, doc.format_span = find_format(doc.text, prefer=regions or None)


#: The steps of :func:`build_brief`, in order.
STEPS: list[Callable[[Document], None]] = [
    mend_mentions, find_people, link_people, known_officials, decide_meeting, pick_outcomes, pick_date, pick_location,
    fill_countries,
]


def extract(text: str, entities: list[Entity], published: datetime.date | None,
            officials: Officials | None = None) -> Document:
    """The :class:`Document` of ``text`` after every step of :data:`STEPS` (``officials``: a table
    of known officials' countries, :mod:`diplomodel.knowledge.officials`)."""
    doc = Document.make(text, entities, published, officials)
    for step in STEPS:
        step(doc)
    return doc


def to_brief(doc: Document) -> MeetingBrief:
    """The extractive brief of a document that went through :data:`STEPS`, with its evidence.

    id, model, summary and topics are left to the caller; outcomes are the stated ones.
    """
    participants, others = doc.participants, doc.others
    evidence: dict[str, list[Span]] = {}
    if participants:
        evidence["participants"] = sorted(s for p in participants for s in p.spans)
    for key, spans in doc.attribute_spans.items():
        if spans:
            evidence[key] = sorted(set(spans))
    if doc.meeting_spans:
        evidence["is_meeting"] = doc.meeting_spans[:5]
    if doc.format_span:
        evidence["format"] = [doc.format_span]
    if doc.date_span:
        evidence["date"] = [doc.date_span]
    if doc.location_spans:
        evidence["location"] = doc.location_spans
    if doc.outcome_spans and doc.is_meeting:
        evidence["outcomes"] = list(doc.outcome_spans)
    countries_read = doc.attribute_spans.get("country", []) + doc.country_spans
    if countries_read:
        evidence["country"] = sorted(set(countries_read))
    if not doc.is_meeting:  # no meeting: no participants (they were only mentioned), no date, no place
        evidence.pop("date", None)
        evidence.pop("location", None)
        others = sorted(doc.participant_people + others, key=lambda p: p.mentions[0].start)
        participants = []
        evidence.pop("participants", None)
    if others:
        evidence["mentioned"] = sorted(s for p in others for s in p.spans())
    countries: list[str] = []
    for p in participants:
        if p.country and p.country not in countries:
            countries.append(p.country)
    return MeetingBrief(is_meeting=doc.is_meeting, format=doc.format if doc.is_meeting else None,
                        date=doc.date.isoformat() if doc.date and doc.is_meeting else None,
                        location=doc.location if doc.is_meeting else None,
                        participants=participants, mentioned=[p.name for p in others], countries=countries,
                        outcomes=list(doc.outcomes) if doc.is_meeting else [], evidence=evidence)


def build_brief(text: str, entities: list[Entity], published: datetime.date | None) -> MeetingBrief:
    """The extractive brief of ``text`` from its tagged ``entities`` (see the module docstring)."""
    return to_brief(extract(text, entities, published))
