"""How the facade combines the extractive brief with the summarizer's output.

The rule, field by field:

- ``participants``, ``mentioned``, ``countries``, ``date``, ``is_meeting``: the extractive path
  only (the tagger's spans are evidence; the summarizer writes none of these);
- ``format`` and ``location``: the extractive value wins where a cue decided it; where it is empty
  the summarizer's second opinion fills it, a location only when its city or country is named in
  the article (``evidence`` then points at them). The rules' format with no cue behind it (the
  in-person default: no ``evidence["format"]``) gives way to the summarizer's; any other
  disagreement is logged at debug level;
- ``outcomes``: the article's own sentences stating an agreement, signature or pledge
  (:mod:`diplomodel.extraction.outcomes`) where there are any, else the summarizer's;
- ``topics``, ``summary``: the summarizer's, after the grounding guard
  (:mod:`diplomodel.models.grounding`); the facade then writes a meeting's summary from the
  combined fields (:mod:`diplomodel.compose`) and a non-meeting's from its lead sentence.

``evidence["topics"]`` / ``["outcomes"]`` hold, per kept generated item, the article span of its
longest word found there (a stated outcome's evidence is its whole phrase); ``evidence["unsupported"]`` holds one zero-width span per generated item the
guard dropped (they have no source to point at: the count is the point), and each such brief logs
a warning on the ``diplomodel`` logger.

Example:
    >>> from diplomodel.schema import MeetingBrief
    >>> b = MeetingBrief(is_meeting=True)
    >>> text = "OSLO - The ministers discussed fisheries."
    >>> combine(b, {"topics": ["fisheries"], "outcomes": [], "summary": "They met.", "format": "in_person",
    ...             "location": {"city": "Oslo", "country": "Norway"}, "dropped": [("topics", "X", "X")]}, text)
    >>> b.topics, b.format, b.location.city, b.evidence["topics"], len(b.evidence["unsupported"])
    (['fisheries'], 'in_person', 'Oslo', [(31, 40)], 1)
"""
from __future__ import annotations

import logging
import re
from typing import Any

from diplomodel.knowledge.geo import country_name
from diplomodel.schema import FORMATS, Location, MeetingBrief

log = logging.getLogger("diplomodel")


def _find(word: str, text: str) -> tuple[int, int] | None:
    m = re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text, re.IGNORECASE)
    return (m.start(), m.end()) if m else None


def item_span(item: str, text: str) -> tuple[int, int] | None:
    """The article span of the item's longest word (of 3+ letters) that the article holds."""
    for word in sorted(set(re.findall(r"\w{3,}", item)), key=lambda w: (-len(w), w)):
        span = _find(word, text)
        if span:
            return span
    return None


def _place(res: dict[str, Any], text: str) -> tuple[Location, list[tuple[int, int]]] | None:
    loc = res.get("location") or {}
    country = country_name(loc.get("country"))
    if not country:
        return None
    city = loc.get("city")
    country_span, city_span = _find(country, text), _find(city, text) if city else None
    if not country_span and not city_span:
        return None
    return Location(city if city_span else None, country), [s for s in (country_span, city_span) if s]


def combine(brief: MeetingBrief, res: dict[str, Any], text: str) -> None:
    """Fill ``brief`` in place from one :meth:`Summarizer.summarize` result (the rule above)."""
    brief.topics = [str(t) for t in res.get("topics") or []]
    stated = bool(brief.outcomes)  # sentences of the article that state them win
    if not stated:
        brief.outcomes = [str(t) for t in res.get("outcomes") or []]
    brief.summary = str(res.get("summary") or "")
    for key in ("topics",) if stated else ("topics", "outcomes"):
        spans = [s for s in (item_span(t, text) for t in getattr(brief, key)) if s]
        if spans:
            brief.evidence[key] = spans
    fmt = res.get("format")
    if fmt in FORMATS:
        if brief.format is None or (brief.is_meeting and "format" not in brief.evidence):
            brief.format = fmt
        elif fmt != brief.format:
            log.debug("brief %s: format %s kept over the summarizer's %s", brief.id, brief.format, fmt)
    if brief.location is None and brief.format not in ("phone_call", "video_call"):
        place = _place(res, text)
        if place:
            brief.location, brief.evidence["location"] = place
    dropped = res.get("dropped") or []
    if dropped:
        brief.evidence["unsupported"] = [(0, 0)] * len(dropped)
        log.warning("brief %s: the grounding guard dropped %d generated item(s) naming what the article "
                    "does not: %s", brief.id, len(dropped), "; ".join(str(d[1]) for d in dropped))
