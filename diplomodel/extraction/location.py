"""Where the meeting took place: a city and a country, from the meeting sentences or the dateline.

Example:
    >>> from diplomodel.models.labels import Entity
    >>> from diplomodel.extraction.document import Document
    >>> t = "BAKU, May 3. Ana Lopez met Ali Khan in Ganja on Friday."
    >>> doc = Document.make(t, [Entity(13, 22, "PARTICIPANT"), Entity(27, 35, "PARTICIPANT"),
    ...                         Entity(39, 44, "LOC")], None)
    >>> doc.participant_sents = [1]
    >>> pick_location(doc); doc.location
    Location(city='Ganja', country='Azerbaijan')
"""
from __future__ import annotations

import re

from diplomodel.extraction.document import Document
from diplomodel.knowledge.geo import city_country, country_name
from diplomodel.schema import Location

Span = tuple[int, int]

_VISIT_BEFORE = re.compile(r"\b(?:visit(?:s|ed|ing)?|trip|tour|arriv(?:ed|es|al)|stay)\s+(?:to|in|of)?\s*(?:the\s+)?$", re.I)
_IN_BEFORE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?:capital\s+(?:city\s+)?(?:of\s+)?)?$", re.I)
_NOT_NOW = re.compile(r"\b(?:will|would|next|invit\w+|plans?|planned|upcoming|previous|last year|earlier)\b", re.I)
#: Words after a place name that make it a building ("the Miraflores presidential palace").
_BUILDING_AFTER = re.compile(r"\s*(?:(?:presidential|royal|state|government|guest|white)\s+)?(?:palace|house|hall|"
                             r"building|residence|mansion|castle|complex|hotel|compound|headquarters|office)\b", re.I)
_CAPITAL = re.compile(r"\bin the ([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) capital\b")


def pick_location(doc: Document) -> None:
    """Set ``doc.location`` and ``doc.location_spans``; nothing for calls.

    The place is "visit to X" or "in X" in a meeting sentence, "in the Uzbek capital", else the
    dateline. A place with no known country after "at", or one followed by "palace", "house"...
    (a building), yields to the dateline; at a summit's sidelines only the sentence naming the
    event counts.
    """
    if doc.format in ("phone_call", "video_call"):
        return
    text, sents, dateline = doc.text, doc.sents, doc.dateline
    sidelines = doc.format_span if doc.format == "multilateral_sidelines" else None
    cands: list[tuple[tuple[int, int], int, str, Span]] = []
    for e in doc.entities:
        if e.label not in ("LOC", "COUNTRY") or doc.in_dateline(e.start):
            continue
        si = sents.at(e.start)
        before = text[max(sents[si][0], e.start - 60):e.start]
        if _NOT_NOW.search(text, *sents[si]):
            continue
        if _VISIT_BEFORE.search(before) or (_IN_BEFORE.search(before) and si in doc.participant_sents
                                            and doc.cues[si]):
            cands.append(((3, -e.start), si, e.label, (e.start, e.end)))
    if sidelines is not None:  # the venue is the event's: "on the sidelines of the X in Y", else the dateline
        cands = [c for c in cands if c[1] == sents.at(sidelines[0])]
    capital = _CAPITAL.search(text, *sents[doc.participant_sents[0]]) if doc.participant_sents else None
    if capital and country_name(capital.group(1)):  # "met in the Uzbek capital"
        country = country_name(capital.group(1))
        city = _city(dateline.city) if dateline and dateline.city and dateline.country == country else None
        doc.location, doc.location_spans = Location(city=city, country=country), [capital.span(1)]
        return
    if cands:
        _, _, label, (start, end) = max(cands, key=lambda c: c[0])
        name = re.sub(r"\s+", " ", text[start:end]).strip()
        if label == "COUNTRY":
            doc.location, doc.location_spans = Location(city=None, country=country_name(name) or name), [(start, end)]
            return
        building = _BUILDING_AFTER.match(text, end) is not None
        country, spans = (None if building else city_country(name)), [(start, end)]
        nxt = next((c for c in doc.entities if c.label == "COUNTRY" and c.start >= end
                    and re.fullmatch(r"\s*,\s*", text[end:c.start])), None)
        if nxt is not None:  # "in Ganja, Azerbaijan"
            country = country_name(text[nxt.start:nxt.end]) or country
            spans.append((nxt.start, nxt.end))
        if (country is not None or not (dateline and dateline.country)) and not building:
            doc.location, doc.location_spans = Location(city=_city(name), country=country), spans
            return
        # "at the Parliament House": a building, not a city; the dateline says where it stands
    if dateline and dateline.city:
        doc.location = Location(city=_city(dateline.city), country=dateline.country)
        doc.location_spans = [dateline.city_span] if dateline.city_span else []


def _city(name: str) -> str:
    """ "BAKU" -> "Baku"; mixed-case names stay as written."""
    return name.title() if name.isupper() and len(name) > 3 else name
