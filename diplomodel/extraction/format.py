"""The meeting's format: in person, by phone, by video, or a bilateral on a summit's sidelines.

Cues are read in the sentences that name participants first, in text order, so a lead "met in
Rabat" is not overridden by a later "they had spoken by phone last month"; with no cue a meeting
is in person.

Example:
    >>> from diplomodel.extraction.format import find_format
    >>> find_format("Hakan Fidan held a video call with Sergei Lavrov.")
    ('video_call', (19, 29))
"""
from __future__ import annotations

import re

from diplomodel.extraction.meeting import IN_PERSON_CUE

Span = tuple[int, int]

#: Format cues, checked in this order (so "video call" is not read as a phone call).
FORMAT_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("video_call", re.compile(
        r"\b(?:video ?conferenc\w*|video[- ]?call|video[- ]?link|via video|by video|virtual (?:meeting|talks|summit|ceremony|session|conversation|call|format|exchange)s?|"
        r"online (?:meeting|talks|conversation)|video (?:talks|conversation|meeting)|"
        r"(?:met|talked|spoke|conferred) (?:virtually|online)|virtually)\b", re.I)),
    ("phone_call", re.compile(
        r"\b(?:(?:spoke|talked|conversed) (?:by|over the|on the) (?:tele)?phone|(?:tele)?phone (?:conversation|call|talks?|discussion)|by (?:tele)?phone|over the (?:tele)?phone|"
        r"phoned|telephoned|(?:tele)?phone[- ]conversation|spoke on the (?:tele)?phone|"
        r"(?:held|had|made|received|took) an? (?:phone |telephone )?call|in a (?:phone |telephone )?call|"
        r"(?<!courtesy )call (?:with|from)|(?-i:called (?:his |her |their )?(?:[A-Z]\w*|counterpart))|"
        r"teleconferenc\w*|(?:tele)?phon(?:e|ic) (?:conversations|calls|talks|discussions)|"
        r"(?:during|in) the (?:phone |telephone )?call)\b", re.I)),
    ("multilateral_sidelines", re.compile(
        r"\b(?:on|in|at) the (?:sidelines?|margins?|fringes?|sides) of\b|\bon the sidelines\b|"
        r"\b(?:while|when) (?:attending|participating in|taking part in|in \w+ (?:for|to attend))\b(?=[^.]{0,80}"
        r"(?:summit|forum|conference|assembly|session|dialogue|ministerial|congress|council|COP\s?\d|G20|G7|BRICS|SCO|ASEAN))|"
        r"\b(?:(?:on the occasion|within the framework|in the framework) of|in connection with) the\b(?=[^.]{0,80}"
        r"(?:summit|forum|conference|General Assembly|session|ministerial|COP\s?\d))|"
        # "during the Fifth World Conference of Speakers", "at the Munich Security Conference",
        # "prior to the Lima Group Meeting", "to attend the G20 Foreign Ministers Meeting"
        r"\b(?:(?:during|at|ahead of|prior to|for|as part of) the|(?:to attend|attending|after attending|in \w+ for|"
        r"participating in|taking part in) (?:the|an?))\s+"
        r"(?:(?!press\b|news\b|upcoming\b|next\b|forthcoming\b)[\w'’./()-]+\s+){0,8}?(?:summit|conference|forum|"
        r"general assembly|ministerial|congress|(?-i:Session|Meetings?|Council))\b|"
        # "as part of the extraordinary meeting of the Organization of Islamic Cooperation"
        r"\bas part of the\s+(?:[\w'’-]+\s+){0,4}?meeting of the\s+(?-i:[A-Z])|(?<!upcoming )(?<!next )(?<!forthcoming )\b(?:G20|G7|APEC|BRICS|SCO|ASEAN|CHOGM|UNGA|COP\s?\d+) "
        r"(?:summit|meeting|ministers|foreign ministers|leaders)", re.I)),
]


#: The explicit cue that a later sentence may add to a headline's "X meets Y".
_SIDELINES_CUE = re.compile(r"\b(?:on|in|at) the (?:sidelines?|margins?|fringes?|sides) of\b|\bon the sidelines\b", re.I)

#: The verb of a call readout that names no telephone ("Today, the Prime Minister spoke with the
#: President of Mexico"): a call when nothing in the participants' sentences puts them in one room.
SPOKE_WITH = re.compile(r"\b(?:spoke|speaks|talked|talks|has spoken|had a conversation|held a conversation)"
                        r"(?: (?:today|yesterday|again|earlier|separately|briefly|on \w+day))? with\b", re.I)


def find_format(text: str, prefer: list[Span] | None = None) -> tuple[str, Span | None]:
    """The meeting format and the cue span that decided it; ``("in_person", None)`` without a cue.

    Cues in the ``prefer`` spans (the sentences naming participants) are read first, in text order,
    so a lead "met in Rabat" is not overridden by a later "they had spoken by phone last month";
    only an explicit "on the sidelines of" in a later participant sentence refines an in-person
    lead (a headline "X meets Y", the body "met on the sidelines of the summit"; a later "during
    the General Assembly" may be another meeting). With no cue at all, "X spoke with Y" is a call readout.

    >>> t = "Fidan met Lavrov in Moscow. They had spoken by phone in May."
    >>> find_format(t, prefer=[(0, 27)])
    ('in_person', None)
    >>> find_format("Fidan and Lavrov spoke by phone.")
    ('phone_call', (17, 31))
    """
    regions = list(prefer) if prefer is not None else [(0, len(text))]
    for k, (s, e) in enumerate(sorted(regions)):
        found = _first_format(text, s, e)
        if found:
            return found
        if prefer is not None and IN_PERSON_CUE.search(text, s, e):
            for s2, e2 in sorted(regions)[k + 1:]:  # "X meets Y" in a headline; "on the sidelines of" in the body
                m = _SIDELINES_CUE.search(text, s2, e2)
                if m:
                    return "multilateral_sidelines", m.span()
            return "in_person", None
    for s, e in sorted(regions):  # a readout that only "spoke with" and never met: a call
        m = SPOKE_WITH.search(text, s, e)
        if m:
            return "phone_call", m.span()
    return "in_person", None


def _first_format(text: str, start: int, end: int) -> tuple[str, Span] | None:
    best: tuple[str, Span] | None = None
    for fmt, rx in FORMAT_CUES:
        m = rx.search(text, start, end)
        if m and (best is None or m.start() < best[1][0]):
            best = (fmt, m.span())
    return best
