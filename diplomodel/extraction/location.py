"""Where the meeting took place: a city and a country, from the meeting sentences or the dateline.

Example:
    >>> from diplomodel.models.labels import Entity
    >>> from diplomodel.extraction.document import Document
    >>> t = "BAKU, May 3. Ana Lopez met Ali Khan in Ganja on Friday."
    >>> tags = {"Ana Lopez": "PARTICIPANT", "Ali Khan": "PARTICIPANT", "Ganja": "LOC"}
    >>> doc = Document.make(t, [Entity(t.index(w), t.index(w) + len(w), tag) for w, tag in tags.items()], None)
    >>> doc.participant_sents = [1]
    >>> pick_location(doc); doc.location
    Location(city='Ganja', country='Azerbaijan')
"""
from __future__ import annotations

import re

from diplomodel.extraction.document import Document
from diplomodel.extraction.format import FORMAT_CUES
from diplomodel.knowledge.geo import building_place, city_country, country_name
from diplomodel.schema import Location

Span = tuple[int, int]

_VISIT_BEFORE = re.compile(r"\b(?:visit(?:s|ed|ing)?|trip|tour|arriv(?:ed|es|al)|stay)\s+(?:to|in|of)?\s*(?:the\s+)?$", re.I)
_IN_BEFORE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?:(?:[\w-]+['’]s\s+)?capital\s+(?:city\s+)?(?:of\s+)?)?$", re.I)
_NOT_NOW = re.compile(r"\b(?:will|would|next|invit\w+|plans?|planned|upcoming|previous|recent(?:ly)?|last year|earlier)\b",
                     re.I)
#: Words after a country that make it an attribute, not a place ("visiting US Secretary of State",
#: "at the New Zealand High Commission", "the Chinese Embassy").
_COUNTRY_ATTRIBUTE = re.compile(
    r"\s*(?:(?:Deputy|Vice|Prime|Foreign|First|Crown)\s+)?(?:President|Minister|Secretary|Ambassador|"
    r"Embassy|High Commission|Consulate|Mission|Prince|King|Emir|Amir|Chancellor|Premier|counterpart|"
    r"delegation|side|officials?|leaders?|envoy)\b")
#: Words after a place name that make it a building ("the Miraflores presidential palace").
_BUILDING_AFTER = re.compile(r"\s*(?:(?:presidential|royal|state|government|guest|white|historic(?:al)?|cultural|"
                             r"official|old|new|national)\s+){0,2}(?:palace|house|hall|"
                             r"building|residence|mansion|castle|complex|hotel|compound|headquarters|office)\b", re.I)
_CAPITAL = re.compile(r"\bin the ([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) capital\b")


def pick_location(doc: Document) -> None:
    """Set ``doc.location`` and ``doc.location_spans``; nothing for calls.

    The place is "visit to X" or "in X" in a meeting sentence (a town before a building: "at
    Bayan Palace in Kuwait City" is Kuwait City), "in the Uzbek capital", else the dateline. A
    place with no known country after "at", or one followed by "palace", "house"... (a building),
    yields to the dateline; a country followed by a title or a mission ("visiting US Secretary",
    "the Chinese Embassy") is no place; a "recent" visit is not this meeting; at a summit's
    sidelines the sentence naming the event counts first, then the dateline (any meeting
    sentence before a dateline that only names the agency's home). A city name the tagger cut short ("Port" of "Port Moresby") is made whole.
    """
    if doc.format in ("phone_call", "video_call"):
        return
    text, sents, dateline = doc.text, doc.sents, doc.dateline
    sidelines = _event_sentences(doc) if doc.format == "multilateral_sidelines" else None
    cands: list[tuple[tuple[int, bool, int], int, str, Span]] = []
    not_now: dict[int, bool] = {}
    for e in doc.entities:
        if e.label not in ("LOC", "COUNTRY") or doc.in_dateline(e.start):
            continue
        si = sents.at(e.start)
        before = text[max(sents[si][0], e.start - 60):e.start]
        if si not in not_now:  # one search a sentence, however many places it names
            not_now[si] = _NOT_NOW.search(text, *sents[si]) is not None
        if not_now[si]:
            continue
        if e.label == "COUNTRY" and (country_name(text[e.start:e.end]) is None
                                     or _COUNTRY_ATTRIBUTE.match(text, e.end)):
            continue  # "the New Zealand High Commission in London": the place is London
        if _VISIT_BEFORE.search(before) or (_IN_BEFORE.search(before) and si in doc.participant_sents
                                            and doc.cues[si]):
            building = e.label == "LOC" and _place_of(text, text[e.start:e.end], e.end)[2]
            cands.append(((3, not building, -e.start), si, e.label, (e.start, e.end)))
    if sidelines is not None:  # the venue is the event's: "on the sidelines of the X in Y"; else the
        # dateline, unless it is only the agency's home ("ASTANA. KAZINFORM - ..."): then where a meeting
        # sentence places the talks ("while meeting X at the UN Headquarters in New York")
        cands = [c for c in cands if c[1] in sidelines] or (cands if _agency_home(doc) else [])
    capital = _CAPITAL.search(text, *sents[doc.participant_sents[0]]) if doc.participant_sents else None
    if capital and country_name(capital.group(1)):  # "met in the Uzbek capital"
        country = country_name(capital.group(1))
        city = _city(dateline.city) if dateline and dateline.city and dateline.country == country else None
        doc.location, doc.location_spans = Location(city=city, country=country), [capital.span(1)]
        return
    if cands:
        _, _, label, (start, end) = max(cands, key=lambda c: c[0])
        end = _whole_city(text, start, end) if label == "LOC" else end
        name = re.sub(r"\s+", " ", text[start:end]).strip()
        if label == "COUNTRY":
            doc.location, doc.location_spans = Location(city=None, country=country_name(name) or name), [(start, end)]
            return
        city, country, building = _place_of(text, name, end)
        spans = [(start, end)]
        nxt = next((c for c in doc.entities if c.label == "COUNTRY" and c.start >= end
                    and re.fullmatch(r"\s*,\s*", text[end:c.start])), None)
        if nxt is not None:  # "in Ganja, Azerbaijan"
            country = country_name(text[nxt.start:nxt.end]) or country
            spans.append((nxt.start, nxt.end))
        if building and country is None and dateline and dateline.country:
            city = city or (_city(dateline.city) if dateline.city else None)
            country = dateline.country
        if country is not None or (not building and not (dateline and dateline.country)):
            doc.location, doc.location_spans = Location(city=city, country=country), spans
            return
        # "at the Parliament House": a building, not a city; the dateline or the host says where it stands
    if dateline and dateline.city:
        doc.location = Location(city=_city(dateline.city), country=dateline.country)
        doc.location_spans = [dateline.city_span] if dateline.city_span else []
        return
    if doc.format == "in_person":
        host = _host_country(doc)
        if host is not None:
            doc.location, doc.location_spans = Location(city=None, country=host[0]), [host[1]]


_AGENCY_AFTER = re.compile(r"\s*\(?[A-Z]{3,}\)?(?:\s*[-–—:]|\s+(?=[A-Z][a-z]))")


def _agency_home(doc: Document) -> bool:
    """No dateline city, or one that only names where the agency sits: "ASTANA. KAZINFORM - The ..."
    (an all-capitals agency name opens the body), not a reporter's "DUBAI, Dec 3 - ...".

    >>> from diplomodel.extraction.document import Document
    >>> _agency_home(Document.make("ASTANA. KAZINFORM The talks ended.", [], None))
    True
    >>> _agency_home(Document.make("DUBAI, Dec 3 - Brazilian President Lula met Scholz.", [], None))
    False
    """
    d = doc.dateline
    return d is None or not d.city or _AGENCY_AFTER.match(doc.text, d.body) is not None


def _whole_city(text: str, start: int, end: int) -> int:
    """The end of a place name cut short by the tagger: "Port" of "Port Moresby", "Da" of "Da Nang"
    (the longer name must be a known city).

    >>> t = "met in Port Moresby on Monday"
    >>> t[7:_whole_city(t, 7, 11)]
    'Port Moresby'
    """
    m = re.match(r"(?:[ -][A-Z][\w'’-]+){1,2}", text[end:end + 40])
    if m is None or city_country(text[start:end]) and not city_country(text[start:end + m.end()]):
        return end
    for k in range(m.end(), 0, -1):
        if text[end + k - 1:end + k].isalpha() and city_country(text[start:end + k]):
            return end + k
    return end


_SIDELINES = dict(FORMAT_CUES)["multilateral_sidelines"]


def _event_sentences(doc: Document) -> set[int]:
    """The sentences that name the summit a bilateral was held beside: the one whose cue decided the
    format, and every participant sentence with a sidelines cue of its own (a headline "meet on the
    sidelines of the summit" decides the format; the body's "... of the forum in Lima" says where).

    >>> from diplomodel.models.labels import Entity
    >>> t = "Ana Lopez and Ali Khan meet on sidelines of summit. Lopez met Khan on the sidelines of the forum in Lima."
    >>> doc = Document.make(t, [Entity(0, 9, "PARTICIPANT"), Entity(14, 22, "PARTICIPANT")], None)
    >>> doc.participant_sents, doc.format, doc.format_span = [0, 1], "multilateral_sidelines", (28, 40)
    >>> sorted(_event_sentences(doc))
    [0, 1]
    """
    found = {doc.sents.at(doc.format_span[0])} if doc.format_span else set()
    for si in doc.participant_sents:
        if _SIDELINES.search(doc.text, *doc.sents[si]):
            found.add(si)
    return found


#: Words that make a place name a building ("State House", "Bayan Palace", "Union Buildings").
_BUILDING = re.compile(r"(?i)\b(?:palace|house|hall|buildings?|residence|mansion|castle|complex|hotel|compound|"
                       r"headquarters|office|diwan|serail|chancellery|air base|base|hyatt|hilton|sheraton|marriott|"
                       r"kremlin|secretariat|ministry|embassy|parliament|assembly)\b")
_CITY_AFTER = re.compile(r"\s*,\s*([A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,2})")


def _place_of(text: str, name: str, end: int) -> tuple[str | None, str | None, bool]:
    """``(city, country, is_building)`` of a place mention ending at ``end``.

    A famous seat ("the White House") stands for its city; another building keeps a city named in it
    or right after it ("State House Entebbe", "at State House, Nairobi") and none otherwise.

    >>> _place_of("at State House, Nairobi.", "State House", 14), _place_of("in Ganja", "Ganja", 8)
    (('Nairobi', 'Kenya', True), ('Ganja', 'Azerbaijan', False))
    """
    seat = building_place(name)
    if seat is not None:
        return seat[0], seat[1], True
    if _BUILDING_AFTER.match(text, end):  # "the Miraflores presidential palace": the palace's own name
        return None, None, True
    if not _BUILDING.search(name):
        return _city(name), city_country(name), False
    words = [w for w in re.split(r"\s+", _BUILDING.sub(" ", name)) if w]
    for k in range(len(words)):  # "State House Entebbe" -> "Entebbe"
        for piece in (" ".join(words[k:]), " ".join(words[:len(words) - k])):
            if piece and piece[:1].isupper() and city_country(piece) and not country_name(piece):
                return _city(piece), city_country(piece), True
    after = _CITY_AFTER.match(text, end)
    place = after.group(1).rstrip(".") if after else ""
    if place and city_country(place) and not country_name(place):
        return _city(place), city_country(place), True
    return None, None, True


_AMBASSADOR_TO = re.compile(r"\b[Aa]mbassadors?\b[^.;]{0,80}?\bto (?:the )?([A-Z][\w'’-]+(?: (?:of )?[A-Z][\w'’-]+){0,3})")
_HOST_CUE = re.compile(r"\b(?:received|receives|hosted|hosts|welcomed|welcomes|accepted|accepts)\b")


def _host_country(doc: Document) -> tuple[str, Span] | None:
    """Where an in-person meeting with no place written took place: the country an ambassador is
    posted to ("Ambassador of Georgia to Armenia"), else the country of the participant who
    received, hosted or welcomed the other ("President X of Turkmenistan welcomed ...")."""
    text = doc.text
    for si in doc.participant_sents[:3]:
        for m in _AMBASSADOR_TO.finditer(text, *doc.sents[si]):
            words = m.group(1).split(" ")
            for k in range(len(words), 0, -1):  # "to Armenia Omar Khan": the longest start that is a state
                country = country_name(" ".join(words[:k]))
                if country:
                    return country, (m.start(1), m.start(1) + len(" ".join(words[:k])))
    for si in doc.participant_sents[:3]:  # the host is named where the meeting is first reported
        s, e = doc.sents[si]
        cue = _HOST_CUE.search(text, s, e)
        if cue is None:
            continue
        for p in doc.participants:
            if p.country and any(s <= a < cue.start() for a, _ in p.spans):
                return p.country, next((a, b) for a, b in p.spans if s <= a < cue.start())
    return None


def _city(name: str) -> str:
    """ "BAKU" -> "Baku"; mixed-case names stay as written."""
    return name.title() if name.isupper() and len(name) > 3 else name
