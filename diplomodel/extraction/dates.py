"""The meeting's date: date expressions resolved against the publication date, and the one chosen.

Example:
    >>> import datetime
    >>> from diplomodel.extraction.dates import resolve_date
    >>> resolve_date("Saturday", datetime.date(2023, 12, 16))  # a Saturday: the same day
    datetime.date(2023, 12, 16)
"""
from __future__ import annotations

import datetime
import re
from functools import lru_cache

from diplomodel.extraction.dateline import MONTH_NAME
from diplomodel.extraction.document import Document
from diplomodel.knowledge.text import fold

Span = tuple[int, int]

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def resolve_date(expr: str | None, published: datetime.date | None) -> datetime.date | None:
    """The calendar day a date expression denotes, read against the publication date.

    Weekday names mean the most recent such day on or before ``published``; a month-day without a
    year takes the year that puts it nearest publication (so it may lie after it: an upcoming day).
    Expressions vaguer than a day ("in 2020", "last year", "this week") give ``None``; "last week"
    gives the day one week before publication. Relative expressions need ``published``.

    >>> pub = datetime.date(2024, 1, 3)
    >>> resolve_date("December 28", pub), resolve_date("yesterday", pub), resolve_date("in 2020", pub)
    (datetime.date(2023, 12, 28), datetime.date(2024, 1, 2), None)
    >>> resolve_date("January 9", pub)  # six days ahead: upcoming, not last January
    datetime.date(2024, 1, 9)
    """
    try:
        return _resolve(expr, published)
    except OverflowError:  # "tomorrow" of 9999-12-31: no day
        return None


def _resolve(expr: str | None, published: datetime.date | None) -> datetime.date | None:
    if not expr or not expr.strip():
        return None
    s = re.sub(r"\s+", " ", expr).strip(" ,.;:()")
    low = fold(s)
    low = re.sub(r"^(?:on|last|this past|past)\s+(?=(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)", "", low)
    if low in _WEEKDAYS:
        if published is None:
            return None
        back = (published.weekday() - _WEEKDAYS.index(low)) % 7
        return published - datetime.timedelta(days=back)
    if low in ("last week", "a week ago", "one week ago"):
        return published - datetime.timedelta(days=7) if published else None
    parsed = _parse(s, published)
    if parsed is None:
        return None
    day, period = parsed
    if period != "day":
        return None
    if published is not None and not _YEAR.search(s) and not _RELATIVE.search(s):
        day = _nearest_year(day, published)
    return day


_RELATIVE = re.compile(r"\b(?:ago|yesterday|today|tomorrow|last|next|this)\b", re.I)


def _nearest_year(day: datetime.date, published: datetime.date) -> datetime.date:
    """A month-day written without a year falls in the year that puts it nearest the publication
    date: "December 28" read on 3 January is last year's, "September 6" read on 30 August is
    this year's (an upcoming day, not one eleven months ago).

    >>> _nearest_year(datetime.date(2024, 2, 29), datetime.date(1900, 1, 1))   # no leap year near
    datetime.date(2024, 2, 29)
    """
    options = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            options.append(day.replace(year=year))
        except ValueError:  # 29 February in a common year, or a year past 9999
            continue
    if not options:  # 29 February with no leap year among the three (1899-1901): as parsed
        return day
    return min(options, key=lambda d: (abs((d - published).days), d > published))


@lru_cache(maxsize=4096)  # one date written many times (a dateline, a repeated "on Monday"): parsed once
def _parse(s: str, published: datetime.date | None) -> tuple[datetime.date, str] | None:
    from dateparser.date import DateDataParser

    base = datetime.datetime.combine(published or datetime.date.today(), datetime.time(12))
    relative = re.search(r"\b(?:ago|yesterday|today|tomorrow|last|next|this)\b", s, re.I)
    if published is None and (relative or not _YEAR.search(s)):
        return None
    parser = DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": False})
    try:
        data = parser.get_date_data(s)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"


_MONTH = MONTH_NAME  # no full stop: "on Saturday, 1 July." ends the sentence there
_DAY_AFTER_WEEKDAY = re.compile(rf",?\s+(?:(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b)(?:,?\s+(?:1[89]|20)\d\d\b)?")


def _explicit_day_end(text: str, start: int, end: int) -> int:
    """Where a weekday's date ends when the day follows it ("Saturday, 1 July", "Monday, March 4,
    2024"): the tagger may mark the weekday alone, and the weekday read against publication can
    name another week.

    >>> t = "He landed early on Saturday, 1 July. Talks were on Monday March 3rd."
    >>> t[19:_explicit_day_end(t, 19, 27)], t[51:_explicit_day_end(t, 51, 57)], t[51:_explicit_day_end(t[:58], 51, 57)]
    ('Saturday, 1 July', 'Monday March 3rd', 'Monday')
    """
    if fold(text[start:end]).strip(" ,.") not in _WEEKDAYS:
        return end
    m = _DAY_AFTER_WEEKDAY.match(text, end)
    return m.end() if m else end


def pick_date(doc: Document) -> None:
    """Set ``doc.date`` and ``doc.date_span``: the meeting's day and the DATE span it came from.

    Scores: +2 in a sentence naming a participant, +1 with a meeting cue there, first sentence of
    those +1; earlier wins ties. Dates vaguer than a day or after publication are skipped; the
    dateline date is used only when nothing else resolves.

    >>> from diplomodel.models.labels import Entity
    >>> t = "Lopez met Khan on Monday. A forum opened on May 2."
    >>> doc = Document.make(t, [Entity(18, 24, "DATE"), Entity(43, 48, "DATE")], datetime.date(2024, 5, 8))
    >>> doc.participant_sents = [0]
    >>> pick_date(doc); doc.date, doc.date_span
    (datetime.date(2024, 5, 6), (18, 24))
    """
    text, published, first = doc.text, doc.published, doc.participant_sents[:1]
    best: tuple[tuple[int, int], datetime.date, Span] | None = None
    for e in doc.entities:
        if e.label != "DATE" or doc.in_dateline(e.start):
            continue
        end = _explicit_day_end(text, e.start, e.end)
        day = resolve_date(text[e.start:end], published)
        if day is None or (published and day > published):
            continue
        si = doc.sents.at(e.start)
        score = 0
        if si in doc.participant_sents:
            score += 2 + (1 if doc.cues[si] else 0) + (1 if [si] == first else 0)
        key = (score, -e.start)
        if best is None or key > best[0]:
            best = (key, day, (e.start, end))
    if best:
        doc.date, doc.date_span = best[1], best[2]
        return
    if doc.dateline and doc.dateline.date_span:
        s, e = doc.dateline.date_span
        day = resolve_date(text[s:e], published)
        if day and not (published and day > published):
            doc.date, doc.date_span = day, (s, e)
