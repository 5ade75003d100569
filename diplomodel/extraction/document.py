"""The article as the extraction steps see it: parsed once, then read and enriched step by step.

A :class:`Document` is made once per article (text, publication date, the tagger's entities, the
sentences, the dateline and the meeting cues of each sentence) and passed through the steps of
:func:`diplomodel.extraction.build_brief` in order, as spaCy passes its ``Doc`` through a pipeline.
Each step reads what earlier steps wrote and fills its own fields; none splits sentences or scans
for cue words again.

Example:
    >>> from diplomodel.models.labels import Entity
    >>> from diplomodel.extraction.document import Document
    >>> t = "RABAT, May 3 (MAP) - Nasser Bourita met Ana Lopez. They spoke later."
    >>> doc = Document.make(t, [Entity(21, 35, "PARTICIPANT"), Entity(40, 49, "PARTICIPANT")], None)
    >>> doc.dateline.city, len(doc.sents), doc.cues[0], t[slice(*doc.lead())]
    ('RABAT', 2, [(36, 39)], 'Nasser Bourita met Ana Lopez.')
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from diplomodel.extraction.dateline import Dateline, lead_sentence, parse_dateline
from diplomodel.extraction.meeting import meeting_cue_spans
from diplomodel.extraction.people import Person
from diplomodel.extraction.sentences import Sentences
from diplomodel.knowledge.officials import Officials
from diplomodel.models.labels import Entity
from diplomodel.schema import Location, Participant

Span = tuple[int, int]


@dataclass
class Document:
    """One article through extraction. The first seven fields are set by :meth:`make` (``officials``:
    the model dir's table of known officials, if any); the rest by the steps, in the order of
    :data:`diplomodel.extraction.STEPS`."""

    text: str
    published: datetime.date | None
    entities: list[Entity]
    sents: Sentences
    dateline: Dateline | None
    cues: list[list[Span]]
    officials: Officials | None = None
    # people: mend_mentions, find_people
    participant_people: list[Person] = field(default_factory=list)
    others: list[Person] = field(default_factory=list)
    # link_people
    participants: list[Participant] = field(default_factory=list)
    attribute_spans: dict[str, list[Span]] = field(default_factory=dict)
    # decide_meeting
    participant_sents: list[int] = field(default_factory=list)
    is_meeting: bool = False
    meeting_spans: list[Span] = field(default_factory=list)
    format: str = "in_person"
    format_span: Span | None = None
    # pick_outcomes
    outcomes: list[str] = field(default_factory=list)
    outcome_spans: list[Span] = field(default_factory=list)
    # pick_date, pick_location, fill_countries
    date: datetime.date | None = None
    date_span: Span | None = None
    location: Location | None = None
    location_spans: list[Span] = field(default_factory=list)
    country_spans: list[Span] = field(default_factory=list)

    @classmethod
    def make(cls, text: str, entities: list[Entity], published: datetime.date | None,
             officials: Officials | None = None) -> "Document":
        """Parse ``text`` once: entities inside the text sorted, sentences, dateline, cues."""
        ents = sorted((e for e in entities if 0 <= e.start < e.end <= len(text)), key=lambda e: (e.start, e.end))
        sents = Sentences.split(text)
        return cls(text, published, ents, sents, parse_dateline(text),
                   [meeting_cue_spans(text, [s]) for s in sents], officials)

    def in_dateline(self, pos: int) -> bool:
        """Whether offset ``pos`` lies inside the dateline's place-and-date part."""
        return self.dateline is not None and self.dateline.start <= pos < self.dateline.end

    def lead(self) -> Span | None:
        """The first sentence of the body, after any dateline (the summary when there is no summarizer)."""
        return lead_sentence(self.text, self.sents.spans, self.dateline)

    def participant_regions(self) -> list[Span]:
        """The sentences that name a participant, in text order."""
        return [self.sents[i] for i in self.participant_sents]
