"""Whether an article reports a meeting: meeting cue words, negative cues, and the decision.

Example:
    >>> from diplomodel.extraction.meeting import meeting_cue_spans, decide_is_meeting
    >>> t = "Ana Lopez received the envoy."
    >>> cues = meeting_cue_spans(t, [(0, len(t))]); cues
    [(10, 18)]
    >>> decide_is_meeting(1, cues, lead_negative=False)
    True
"""
from __future__ import annotations

import re

from diplomodel.extraction.sentences import sentence_spans

Span = tuple[int, int]

#: Words reporting a meeting, call or visit.
MEETING_CUE = re.compile(
    r"\b(?:met|meets?|meeting|held (?:talks|a meeting|a (?:tele)?phone|a video|consultations|negotiations)|"
    r"talks with|talked|talk(?:ed)? with|negotiations with|received|receives|hosted|hosts|welcomed|"
    r"visit(?:ed|s|ing)?|call with|called|conversation|conferred|discuss(?:ed|ing)? with|"
    r"sat down with|summit|bilateral|courtesy call|called on|calls on|talks|discuss(?:ed|es)|"
    r"spoke (?:with|to|by|over|on)|(?:phone|telephone|video) call|credentials|consultations|exchanged views)\b", re.I)
#: Words that put the cue after them in the future ("will pay a visit", "is set to hold talks",
#: "at next week's summit"): a plan, not a meeting that took place.
FUTURE_BEFORE = re.compile(r"\b(?:will|shall|would|(?:is|are) (?:set|due|scheduled|expected) to|expected to|"
                           r"plans? to|planning to|to (?:hold|host|meet|visit|pay|undertake|attend|have)|"
                           r"next (?:week|month|year)(?:['’]s)?|upcoming|ahead of)\b[^.;]{0,40}$", re.I)
#: Cues that put people in one room; a lead sentence with one of them and no format cue is in person.
IN_PERSON_CUE = re.compile(r"\b(?:met|meets|received|hosted|welcomed|visit(?:ed|ing)?|arrived|sat down with|"
                           r"courtesy call|called on|calls on|paid a call on)\b", re.I)
#: Cues that are meeting cues only when no negative cue is in the same sentence ("received a letter").
WEAK_CUE = re.compile(r"^(?:received|receives|welcomed|visit\w*|summit|bilateral|conversation)$", re.I)
#: Cues of a non-meeting story: messages, condolences, statements, sanctions.
NEGATIVE_CUE = re.compile(
    r"\b(?:condolences?|condoled|letters?(?! of credence)|messages?|statement|sanctions?|congratulat\w+|telegrams?|"
    r"announced plans|"
    r"decree|tweet(?:ed)?|posted|communiqu[eé] issued)\b", re.I)


def meeting_cue_spans(text: str, regions: list[Span] | None = None) -> list[Span]:
    """Spans of meeting cues in ``regions`` (default: whole text); weak cues are dropped in a
    sentence that also carries a negative cue, and every cue right after a future ("will visit").

    >>> meeting_cue_spans("He received a letter of condolence.")
    []
    >>> meeting_cue_spans("He received the envoy.")
    [(3, 11)]
    >>> meeting_cue_spans("She will pay an official visit to Hanoi.")
    []
    """
    out: list[Span] = []
    for s, e in regions if regions is not None else sentence_spans(text):
        negative = NEGATIVE_CUE.search(text, s, e) is not None
        for m in MEETING_CUE.finditer(text, s, e):
            if negative and WEAK_CUE.match(m.group(0)):
                continue
            if FUTURE_BEFORE.search(text, max(s, m.start() - 60), m.start()):
                continue
            out.append(m.span())
    return out


def decide_is_meeting(n_participants: int, cue_spans: list[Span], lead_negative: bool) -> bool:
    """Meeting iff a participant and a meeting cue, or >= 2 participants and no negative lead.

    >>> decide_is_meeting(1, [(3, 6)], False), decide_is_meeting(1, [], False), decide_is_meeting(2, [], True)
    (True, False, False)
    """
    if n_participants >= 1 and cue_spans:
        return True
    return n_participants >= 2 and not lead_negative
