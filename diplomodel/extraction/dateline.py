"""The dateline: where an agency story says it was filed, and where its body starts.

One parser for both questions. A place dateline names a city in capitals ("BAKU, Azerbaijan,
December 16." / "RABAT, Dec 15 (Reuters) -"), or in Title case followed by a date ("Kigali, Jan 11
(AA):") or by an agency credit after a known city ("Hanoi (VNA) -"); an optional "(Source)" may come
first ("(MENAFN- Trend) BAKU, ..."). A header without a place we know ("EXCLUSIVE: ...", "SOMEWHERE
(Agency) --") still tells where the body starts, with ``city`` None.

Example:
    >>> from diplomodel.extraction.dateline import parse_dateline
    >>> t = "(MENAFN- Trend) BAKU, Azerbaijan, December 16. Speaker Gafarova met ..."
    >>> d = parse_dateline(t)
    >>> d.city, d.country, t[slice(*d.date_span)], t[d.body:]
    ('BAKU', 'Azerbaijan', 'December 16', 'Speaker Gafarova met ...')
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from diplomodel.knowledge.geo import city_country, country_name

Span = tuple[int, int]

#: Datelines that name an institution for the city it stands in.
DATELINE_PLACES: dict[str, str] = {"UNITED NATIONS": "New York"}


@dataclass
class Dateline:
    """A dateline: ``start``/``end`` of the place-and-date part (empty for a header without a
    place), ``body`` where the story starts.

    ``city`` is None for a header that names no place we can place; ``country`` comes from the
    dateline itself or the city's country.
    """

    start: int
    end: int
    body: int
    city: str | None
    country: str | None
    city_span: Span | None
    date_span: Span | None


#: A month name, whole or cut short ("March", "Sept"); datelines may add a full stop ("Dec.").
MONTH_NAME = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*"
_MONTH = MONTH_NAME + r"\.?"
_PLACE = re.compile(
    r"(?P<city>[A-Z][A-Za-z'.\-]+(?: [A-Z][A-Za-z'.\-]+){0,3})"
    r"(?:\s*,\s*(?!" + _MONTH + r"\s*\d)(?P<country>[A-Z][A-Za-z.'’]+(?: [A-Z][A-Za-z.'’]+){0,3}))?"
    r"(?:\s*,?\s*(?P<date>" + _MONTH + r"\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+" + _MONTH + r"(?:\s+\d{4})?))?"
    r"\s*(?:[./]|\(|--|[-–—]|:)")

# Headers that end where the body starts: "BAKU, May 3 (Trend) -", "NEW DELHI (Reuters) --",
# "Rabat, 12 March 2024:", "BAKU, Azerbaijan, Dec. 16. Foreign Minister ..."
_SEP = r"\s*(?:[\u2014\u2013]|--?|:)\s+"
_AGENCY = r"\s*(?:\([^)\n]{1,40}\))?"
_CITY = r"[A-Z][a-zA-Z'.\-]+(?: [A-Z][a-zA-Z'.\-]+){0,3}"
_HEADERS = [
    re.compile(r"^\s*[A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+)*(?:,[^\n\u2014\u2013:()]{1,50}?)?" + _AGENCY + _SEP),
    re.compile(r"^\s*" + _CITY + r",[^\n\u2014\u2013:()]{0,50}?\d[^\n\u2014\u2013:()]{0,20}?" + _AGENCY + _SEP),
    re.compile(r"^\s*" + _CITY + r"\s*\([^)\n]{1,40}\)" + _SEP),
    re.compile(r"^\s*[A-Z]{2,}(?:[ \-][A-Z]{2,})*,[^\n]{1,50}?\d{1,4}\.\s+(?=[A-Z\"'\u201c])"),
]


def parse_dateline(text: str) -> Dateline | None:
    """The dateline within the first 200 characters, or ``None`` when the text opens with none.

    >>> parse_dateline("Kigali, Jan 11 (Anadolu Agency): Prime Minister ...").date_span
    (8, 14)
    >>> d = parse_dateline("AMMAN, Oct. 29 (KUNA) - The minister ..."); d.city, d.date_span, d.body
    ('AMMAN', (7, 14), 24)
    >>> parse_dateline("EXCLUSIVE: talks resume").city, parse_dateline("Prime Minister Ana Lopez met ...")
    (None, None)
    """
    head = text[:200]
    body = _header_end(head)
    place = _place(head) or _later_place(text)
    if place is None:
        return Dateline(0, 0, body, None, None, None, None) if body else None
    place.body = max(body, place.end)
    while place.body < len(text) and text[place.body].isspace():
        place.body += 1
    return place


def _header_end(head: str) -> int:
    for pattern in _HEADERS:
        m = pattern.match(head)
        if m and len(m.group(0)) <= 90:
            return m.end()
    return 0


def _place(head: str) -> Dateline | None:
    lead = re.match(r"\s*(?:\([^)]{0,80}\)\s*)?", head)
    pos = lead.end() if lead else 0
    m = _PLACE.match(head, pos)
    if not m or len(m.group("city")) < 3:
        return None
    city = m.group("city").rstrip(".")
    if not city.isupper() and not (m.group("date") or (city_country(city) and "(" in head[m.end() - 1:m.end()])):
        return None  # a Title-case city is a dateline only with a date or an agency credit after it
    country = country_name(m.group("country")) if m.group("country") else None
    if m.group("country") and country is None and not m.group("date"):
        return None
    city_span = (m.start("city"), m.start("city") + len(city))
    city = DATELINE_PLACES.get(city.upper(), city)
    country = country or city_country(city)
    if country is None and not m.group("date"):
        return None
    return Dateline(m.start(), m.end(), m.end(), city, country, city_span,
                    m.span("date") if m.group("date") else None)


# "... page clutter ...\nKigali, Rwanda — President ...", "| Lima, Feb. 13. Peru's ...",
# "Hanoi (VNA) – Deputy Prime Minister ...": a dateline opening a later line of a scraped page.
_LINE_START = re.compile(r"(?:^|\n|\|)[ \t]*(?=[A-Z])")
_LATER = re.compile(
    r"(?P<city>[A-Z][A-Za-z'.\-]+(?: [A-Za-z][A-Za-z'.\-]+){0,3}?)"
    r"(?:\s*,\s*(?!" + _MONTH + r"\s*\d)(?P<country>[A-Z][A-Za-z.'’]+(?: [A-Z][A-Za-z.'’]+){0,3}))?"
    r"(?:\s*,?\s*(?P<date>" + _MONTH + r"\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+" + _MONTH + r"(?:\s+\d{4})?))?"
    r"\s*(?:\([^)\n]{1,40}\)\s*)?(?P<sep>[\u2014\u2013]|--?|:|\.(?=\s))\s*")


def _later_place(text: str, window: int = 1000) -> Dateline | None:
    """A dateline at the start of a later line within ``window`` characters: its city must be one
    the gazetteer knows, and a full stop ends it only after a date ("Lima, Feb. 13.")."""
    for start in _LINE_START.finditer(text, 0, window):
        m = _LATER.match(text, start.end())
        if not m:
            continue
        city = m.group("city").rstrip(".")
        if m.group("sep") == "." and not m.group("date"):
            continue
        country = country_name(m.group("country")) if m.group("country") else None
        if m.group("country") and country is None:
            continue
        known = city_country(city)
        if known is None or country_name(city):
            continue
        city_span = (m.start("city"), m.start("city") + len(city))
        return Dateline(m.start(), m.end(), m.end(), city, country or known, city_span,
                        m.span("date") if m.group("date") else None)
    return None


def lead_sentence(text: str, sentences: list[Span], dateline: Dateline | None) -> Span | None:
    """Span of the first sentence of the body (after any dateline); ``None`` for empty text.

    >>> from diplomodel.extraction.sentences import sentence_spans
    >>> t = "MOSCOW, May 2 - Talks with Mr. Ito went well. More later."
    >>> s, e = lead_sentence(t, sentence_spans(t), parse_dateline(t)); t[s:e]
    'Talks with Mr. Ito went well.'
    """
    start = dateline.body if dateline else 0
    for s, e in sentences:
        if e > start:
            s = max(s, start)
            while s < e and text[s].isspace():
                s += 1
            return (s, e) if e > s else None
    return None
