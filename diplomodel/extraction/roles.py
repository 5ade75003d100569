"""Role rules read off the words around a person: who only sent a message, and who is the other
side of a meeting the tagger saw only one side of.

- :func:`demote_messengers`: "conveyed the greetings of President X to Y", "a letter from X",
  "at the invitation of X", "on behalf of X": X did not take part, so X's mention becomes PERSON;
  so does Y's mention there (Y stays a participant if introduced as one elsewhere, since the first
  mention weighs most in :func:`diplomodel.extraction.people.is_participant`).
- :func:`demote_bylines`: "By X" opening a line, "X (@handle) 1 hour ago", "X Published May 2",
  a line "X, The Agency": X wrote the story and is only mentioned.
- :func:`promote_counterpart`: a meeting with one participant found is missing its other side; the
  person named with them in a meeting sentence ("received a phone call from President X") is it.

Example:
    >>> from diplomodel.models.labels import Entity
    >>> from diplomodel.extraction.document import Document
    >>> t = "Badr conveyed the greetings of Sultan Haitham to Sheikh Mohamed."
    >>> doc = Document.make(t, [Entity(0, 4, "PARTICIPANT"), Entity(31, 45, "PARTICIPANT"),
    ...                         Entity(49, 63, "PARTICIPANT")], None)
    >>> demote_messengers(doc); [e.label for e in doc.entities]
    ['PARTICIPANT', 'PERSON', 'PERSON']
"""
from __future__ import annotations

import re

from diplomodel.extraction.document import Document
from diplomodel.extraction.people import Person
from diplomodel.models.labels import Entity

Span = tuple[int, int]

_NO_TO = r"(?:(?!\bto\b)[^.;!?\n]){0,80}"
#: Text right before a person who only sent something.
SENDER = re.compile(
    r"(?:\b(?:greetings|regards|wishes|letter|message|invitation|congratulations|condolences|respects|"
    r"salutations)\s+(?:of|from)|\bon behalf of|\bat the (?:invitation|initiative|behest|request) of|"
    r"\b(?:sent|signed|written|initiated|launched|founded|proposed) by)\s+" + _NO_TO + r"$", re.I)
#: Text right before the addressee of such a message.
ADDRESSEE = re.compile(
    r"\b(?:greetings|regards|wishes|letter|message|invitation|congratulations)\s+(?:of|from)\s+"
    r"[^.;!?\n]{1,120}?\bto\s+" + _NO_TO + r"$", re.I)


def demote_messengers(doc: Document) -> None:
    """Senders and addressees of conveyed messages become PERSON mentions in ``doc.entities``
    (module docstring)."""
    text, out = doc.text, []
    for e in doc.entities:
        if e.label == "PARTICIPANT":
            before = text[max(doc.sents.of(e.start)[0], e.start - 200):e.start]
            if SENDER.search(before) or ADDRESSEE.search(before):
                e = Entity(e.start, e.end, "PERSON", e.score, e.text)
        out.append(e)
    doc.entities = out


_BYLINE_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:[Bb]y|BY)[ \t]+$")
_BYLINE_AFTER = re.compile(r"[ \t]*(?:\(@\w+\)|\d+\s+(?:seconds?|minutes?|hours?|days?)\s+ago\b|[Pp]ublished\b|\|)")
_SIGNATURE_AFTER = re.compile(r",[ \t]*(?:The[ \t]+)?[A-Z][\w.&-]*(?:[ \t]+[A-Z][\w.&-]*){0,3}[ \t]*(?:\n|$)")


def demote_bylines(doc: Document) -> None:
    r"""Authors in bylines and signatures become PERSON mentions in ``doc.entities``.

    >>> from diplomodel.extraction.document import Document
    >>> t = "Talks in Rabat\nBy Ana Ruiz\nLopez met Khan. Lina Park (@lpark) 2 hours ago"
    >>> doc = Document.make(t, [Entity(18, 26, "PARTICIPANT"), Entity(27, 32, "PARTICIPANT"),
    ...                         Entity(37, 41, "PARTICIPANT"), Entity(43, 52, "PARTICIPANT")], None)
    >>> demote_bylines(doc); [e.label for e in doc.entities]
    ['PERSON', 'PARTICIPANT', 'PARTICIPANT', 'PERSON']
    """
    text, out = doc.text, []
    for e in doc.entities:
        if e.label == "PARTICIPANT":
            line_start = text.rfind("\n", 0, e.start) + 1
            starts_line = not text[line_start:e.start].strip()
            if (_BYLINE_BEFORE.search(text, max(0, e.start - 40), e.start)
                    or _BYLINE_AFTER.match(text, e.end)
                    or (starts_line and _SIGNATURE_AFTER.match(text, e.end))):
                e = Entity(e.start, e.end, "PERSON", e.score, e.text)
        out.append(e)
    doc.entities = out


def promote_counterpart(doc: Document) -> None:
    """With one participant, the person named with them in a meeting sentence (not a messenger)
    is the other side: moved from ``doc.others`` to ``doc.participant_people``.

    >>> from diplomodel.extraction.document import Document
    >>> from diplomodel.extraction.people import cluster_people
    >>> t = "The Crown Prince Mohammed received a phone call from President Emmanuel Macron."
    >>> doc = Document.make(t, [], None)
    >>> ppl = cluster_people(t, [Entity(17, 25, "PARTICIPANT"), Entity(63, 78, "PERSON")])
    >>> doc.participant_people, doc.others = ppl[:1], ppl[1:]
    >>> promote_counterpart(doc); [p.name for p in doc.participant_people]
    ['Mohammed', 'Emmanuel Macron']
    """
    text, sents, part, others = doc.text, doc.sents, doc.participant_people, doc.others
    if len(part) != 1 or not others:
        return
    home = {sents.at(m.start) for m in part[0].mentions}
    best: tuple[int, Person] | None = None
    for p in others:
        for m in p.mentions:
            si = sents.at(m.start)
            if si not in home:
                continue
            cues = doc.cues[si]
            s0 = sents[si][0]
            if not cues or SENDER.search(text[s0:m.start]) or ADDRESSEE.search(text[s0:m.start]):
                continue
            gap = min(abs(m.start - c[1]) for c in cues)
            if gap <= 90 and (best is None or gap < best[0]):
                best = (gap, p)
    if best is not None:
        doc.participant_people = part + [best[1]]
        doc.others = [p for p in others if p is not best[1]]
