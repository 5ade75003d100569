"""Role rules read off the words around a person: who only sent a message, and who is the other
side of a meeting the tagger saw only one side of.

- :func:`demote_messengers`: "conveyed the greetings of President X to Y", "a letter from X",
  "at the invitation of X", "on behalf of X": X did not take part, so X's mention becomes PERSON;
  so does Y's mention there (Y stays a participant if introduced as one elsewhere, since the first
  mention weighs most in :func:`diplomodel.extraction.people.is_participant`). The same for "asked
  him to convey her best wishes to Y" and for a partner only planned: "is also scheduled to meet Y
  during the visit", "will meet Y".
- :func:`demote_bylines`: "By X" opening a line, "X (@handle) 1 hour ago", "X Published May 2",
  a line "X, The Agency": X wrote the story and is only mentioned.
- :func:`promote_attendees`: "attended by X", "in the presence of X", "a delegation led by X", "also met
  Vice Premier X", "met separately with X", "held meetings with X", "the call included X, Y and Z",
  "credentials from Ambassador X of A, Ambassador Y of B": X (and Y) took part.
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
from diplomodel.knowledge.geo import country_name
from diplomodel.knowledge.names import HONORIFICS, TITLE_WORDS
from diplomodel.extraction.people import Person
from diplomodel.models.labels import Entity

Span = tuple[int, int]

_NO_TO = r"(?:(?!\bto\b)[^.;!?\n]){0,80}"
#: Text right before a person who only sent something.
SENDER = re.compile(
    r"(?:\b(?:greetings|regards|wishes|letter|message|invitation|congratulations|condolences|respects|"
    r"salutations)\s+(?:of|from)|\bon behalf of|\bat the (?:invitation|initiative|behest|request) of|"
    r"\b(?:sent|signed|written|initiated|launched|founded|proposed) by)\s+" + _NO_TO + r"$", re.I)
#: Text right before the addressee of such a message ("the greetings of X to Y", "asked him to
#: convey his best wishes to Y").
ADDRESSEE = re.compile(
    r"(?:\b(?:greetings|regards|wishes|letter|message|invitation|congratulations)\s+(?:of|from)\s+"
    r"[^.;!?\n]{1,120}?\bto|\b(?:convey|conveyed|conveying|pass on|passed on|extend|extended|relay|relayed)\s+"
    r"(?:[\w'’]+\s+){0,3}?(?:greetings|regards|wishes|respects|salutations|congratulations)\s+to)\s+" + _NO_TO + r"$", re.I)
#: Text right before someone a participant is only to meet later ("is also scheduled to meet Y
#: during the visit", "will meet Y on Friday"): a plan, so Y is mentioned.
PLANNED_PARTNER = re.compile(
    r"\b(?:(?:is|are|was|were)\s+(?:also\s+)?(?:scheduled|expected|due|set|slated)\s+to|will\s+(?:also\s+)?)"
    r"\s*(?:meet|hold talks with|call on|pay a courtesy call on)\s+(?:with\s+)?" + _NO_TO + r"$", re.I)


def demote_messengers(doc: Document) -> None:
    """Senders and addressees of conveyed messages become PERSON mentions in ``doc.entities``
    (module docstring)."""
    text, out = doc.text, []
    for e in doc.entities:
        if e.label == "PARTICIPANT":
            before = text[max(doc.sents.of(e.start)[0], e.start - 200):e.start]
            if SENDER.search(before) or ADDRESSEE.search(before) or PLANNED_PARTNER.search(before):
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


#: Text right before someone who took part without a meeting verb of their own: "attended by",
#: "in the presence of", "accompanied by", "joined by", "represented by", "a delegation led by".
ATTENDEE = re.compile(r"\b(?:(?:also )?attended by|in the presence(?: of)?|accompanied by|joined by|represented by|"
                      r"led by|flanked by|participation(?: of)?|(?:call|meeting|talks|conference|session)s?"
                      r"(?:,[^,.;]{1,60},)?\s+(?:also\s+)?(?:included|involved))\s+$", re.I)  # "of" may open the title run
#: Text right before the other side of a meeting: "met", "received", "held talks with", "his counterpart".
COUNTERPART = re.compile(r"\b(?:met(?: (?:separately|also|later|first))?(?: with)?|meets(?: with)?|meetings? with|"
                         r"received|receives|hosted|hosts|welcomed|"
                         r"held (?:talks?|a meeting|consultations|discussions) with|(?:talks?|discussions?|conversation|"
                         r"call) with|(?:talks?|discussions?|meeting|conversation) held with|(?:phone |telephone )?call from|"
                         r"discussed with|spoke (?:with|to)|credentials from|counterparts?,?)\s+$", re.I)
_LIST_AFTER = re.compile(r"(?:,|\band|\bas well as)\s*(?:and\s+)?$")
_OF_STATE = re.compile(r"\s*(?:of (?:the )?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,3}|\([^()]{1,40}\)|from [A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,3})")
_PAST_OR_PLAN = re.compile(r"\b(?:will|would|next|plans?|planned|upcoming|previous|previously|last year|earlier|"
                           r"ago|(?:19|20)\d\d)\b", re.I)


def _title_gap(text: str, start: int, end: int, commas: bool = True) -> int:
    """Where the run of words of office, states, capitalised words and forms of address that ends
    at ``end`` begins ("Chinese Executive Vice Premier " before a name); ``end`` if there is none.
    Without ``commas`` the run stops at a comma (the separator of a list of people)."""
    glue = {"of", "the", "and", "for", "his", "her", "their", "its", "new", "newly", "appointed", "visiting",
            "executive", "national", "security", "adviser", "advisor", "councillor", "councilor"}
    pos = end
    for m in reversed(list(re.finditer(r"[\w'’.-]+[,]?", text[start:end]))):
        if not commas and m.group(0).endswith(","):
            break
        w = m.group(0).rstrip(",").strip(".").lower()
        capital = m.group(0)[:1].isupper()
        if not (w in TITLE_WORDS or w in HONORIFICS or w in glue or capital or country_name(w)):
            break
        pos = start + m.start()
    return pos


def _listed_after(text: str, window: int, before: str, taken: list[Span], s0: int) -> bool:
    """Whether ``before`` (from ``window``) ends in a list separator right after a participant's
    mention ("A, ", "A of Chad and ", "A (Chad), ")."""
    listed = _LIST_AFTER.search(before)
    return bool(listed) and any(e == window + listed.start() or _OF_STATE.fullmatch(text[e:window + listed.start()] or "x")
                                for s, e in taken if s >= s0 and e <= window + listed.start())


def promote_attendees(doc: Document) -> None:
    """People named right after "attended by", "accompanied by", "led by" or a meeting verb ("met
    Executive Vice Premier X", "received credentials from Ambassador X") in a sentence about the
    meeting took part: moved from ``doc.others`` to ``doc.participant_people``. Sentences about an
    earlier or a planned meeting, and messengers, are left alone.

    >>> from diplomodel.extraction.people import cluster_people
    >>> t = "Lopez met Khan in Rabat. The talks were attended by Deputy Minister Ana Ruiz."
    >>> doc = Document.make(t, [], None)
    >>> ppl = cluster_people(t, [Entity(0, 5, "PARTICIPANT"), Entity(10, 14, "PARTICIPANT"), Entity(68, 76, "PERSON")])
    >>> doc.participant_people, doc.others = ppl[:2], ppl[2:]
    >>> promote_attendees(doc); [p.name for p in doc.participant_people], doc.others
    (['Lopez', 'Khan', 'Ana Ruiz'], [])
    """
    if not doc.participant_people:
        return
    text, sents, moved = doc.text, doc.sents, []
    taken = [(m.start, m.end) for p in doc.participant_people for m in p.mentions]
    past_or_plan: dict[int, bool] = {}
    grew = True
    while grew:  # "credentials from Ambassador A of France, Ambassador B of Chad and C": the list too
        grew = False
        for p in doc.others:
            if p in moved:
                continue
            for m in p.mentions:
                si = sents.at(m.start)
                s0, s1 = sents[si]
                if si not in past_or_plan:  # one search a sentence, however many people it names
                    past_or_plan[si] = _PAST_OR_PLAN.search(text, s0, s1) is not None
                near = text[max(s0, m.start - 200):m.start]
                if past_or_plan[si] or SENDER.search(near) or ADDRESSEE.search(near):
                    continue
                window = max(s0, m.start - 120)
                before = text[window:_title_gap(text, window, m.start)]
                # "..., Prime Minister Y of Sweden, Prime Minister Z": the list runs on past a title
                lists = [before, text[window:_title_gap(text, window, m.start, commas=False)]]
                if ATTENDEE.search(before) or COUNTERPART.search(before) or any(
                        _listed_after(text, window, b, taken, s0) for b in lists):
                    moved.append(p)
                    taken += [(q.start, q.end) for q in p.mentions]
                    grew = True
                    break
    if moved:
        doc.participant_people = sorted(doc.participant_people + moved, key=lambda q: q.mentions[0].start)
        doc.others = [p for p in doc.others if p not in moved]
