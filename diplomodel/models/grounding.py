"""The grounding guard: what the summarizer wrote may name only what the article names.

A generated topic, outcome or summary sentence is *supported* when every name and number in it
can be found in the article (or among the brief's own extracted facts, :func:`facts_of`):

- a **name** is a run of capitalised words ("Prime Minister Anwar Ibrahim", "Malaysia-China");
  each word must occur in the article (accents and case folded, a possessive stripped), be a
  country form or demonym of a country the article names ("Malaysian" for "Malaysia"), or be a
  common capitalised word (titles, months, weekdays, sentence starts such as "The");
- a **number** (digits) must occur among the article's numbers ("50th" needs a 50).

:func:`guard` drops unsupported topics and outcomes, and unsupported sentences of the summary; a
summary left empty is replaced by the caller's extractive fallback. What was dropped is returned,
so the facade can count it in ``evidence`` and warn.

Example:
    >>> article = "RABAT, May 2 - Moroccan Foreign Minister Nasser Bourita met Spain's Jose Albares."
    >>> kept = guard({"summary": "Bourita met Albares. They met Pedro Sanchez.",
    ...               "topics": ["Spanish-Moroccan ties", "the 2030 World Cup"], "outcomes": []}, article)
    >>> kept.summary, kept.topics
    ('Bourita met Albares.', ['Spanish-Moroccan ties'])
    >>> [(d.field, d.reason) for d in kept.dropped]
    [('topics', '2030'), ('summary', 'Pedro Sanchez')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable

from diplomodel.knowledge import geo
from diplomodel.knowledge.names import HONORIFICS, TITLE_WORDS
from diplomodel.knowledge.text import fold

_WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)
_NUMBER = re.compile(r"\d[\d,.]*")
_SENTENCE = re.compile(r"(?<=[.!?;])\s+(?=[A-Z\"“(])")
COMMON = frozenset("""
the a an in on at of and or for to with after before during while as by from this that these those
both their his her its they he she it we our two three four five also later earlier then there
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
""".split()) | TITLE_WORDS | HONORIFICS | frozenset({
    "summit", "forum", "session", "assembly", "council", "ministry", "government", "state", "states",
    "united", "nations", "un", "general", "security", "national", "federal", "republic", "kingdom",
    "union", "european", "parliament", "house", "office", "department", "embassy", "visit", "talks",
    "meeting", "call", "phone", "video", "conference", "strategic", "partnership", "cooperation",
    "comprehensive", "dialogue", "agreement", "memorandum", "understanding", "joint", "commission",
    "committee", "economic", "trade", "defence", "defense", "foreign", "affairs", "relations"})


@dataclass
class Dropped:
    """One generated item the guard removed: its field, the unsupported name or number, the item."""

    field: str
    reason: str
    text: str


@dataclass
class Guarded:
    summary: str = ""
    topics: list[str] = field(default_factory=list)
    outcomes: list[str] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)


@lru_cache(maxsize=1)
def _country_of_forms() -> dict[str, str]:
    return {fold(form): country for form, (country, _) in geo.country_forms().items()}


class Source:
    """The article's words, numbers and countries, folded once and asked many times."""

    def __init__(self, text: str, facts: Iterable[str] = ()) -> None:
        body = fold(text + "\n" + "\n".join(facts))
        self.words = {w.strip(".'’-") for w in re.findall(r"[\w'’.-]+", body)}
        self.words |= {w[:-2] for w in self.words if w.endswith(("'s", "’s"))}
        self.words |= {part for w in self.words for part in re.split(r"[-.'’]", w) if part}
        self.numbers = {n.replace(",", "").rstrip(".") for n in _NUMBER.findall(body)}
        forms = _country_of_forms()
        self.countries = {forms[w] for w in self.words if w in forms}
        self.countries |= {c for phrase, c in forms.items() if " " in phrase and phrase in body}

    def word_ok(self, word: str) -> bool:
        w = fold(word).strip(".'’-")
        if w.endswith(("'s", "’s")):
            w = w[:-2]
        if not w or w in COMMON or w in self.words:
            return True
        parts = [p for p in re.split(r"[-.'’/]", word.strip(".'’-")) if p]
        if len(parts) > 1:  # "Arctic-based": only the capitalised parts are names
            return all(self.word_ok(p) for p in parts if p[:1].isupper())
        country = _country_of_forms().get(w)
        return country is not None and country in self.countries

    def unsupported(self, text: str) -> str | None:
        """The first unsupported name or number in ``text`` (None if all are supported)."""
        for n in _NUMBER.findall(text):
            n = n.replace(",", "").rstrip(".")
            if n and n not in self.numbers:
                return n
        run: list[str] = []
        bad = False
        for m in list(_WORD.finditer(text)) + [None]:
            word = m.group(0) if m else ""
            if word[:1].isupper():
                run.append(word)
                bad = bad or not self.word_ok(word)
                continue
            if run and bad:
                return " ".join(run).rstrip(".'’-")
            run, bad = [], False
        return None


def facts_of(brief: Any) -> list[str]:
    """What a brief's extractive fields state, as support for the guard: each participant's name,
    title, country and organisation, the people mentioned, the place. The tagger and the rules read
    them off the article, sometimes in another form than it writes them ("South Korea" for "Korea",
    a host's country from the dateline), so a summary may say them as the brief does.

    >>> from diplomodel.schema import Location, MeetingBrief, Participant
    >>> facts_of(MeetingBrief(participants=[Participant("Ana Lopez", "President", "Chile")], mentioned=["Li Na"],
    ...                       location=Location("Lima", "Peru")))
    ['Ana Lopez', 'President', 'Chile', 'Li Na', 'Lima', 'Peru']
    """
    out = [x for p in getattr(brief, "participants", []) for x in (p.name, p.title, p.country, p.organization) if x]
    out += list(getattr(brief, "mentioned", []))
    loc = getattr(brief, "location", None)
    return out + [x for x in (getattr(loc, "city", None), getattr(loc, "country", None)) if x]


def guard(generated: dict[str, Any], article: str, facts: Iterable[str] = ()) -> Guarded:
    """Keep the generated topics, outcomes and summary sentences the article supports."""
    src = Source(article, facts)
    out = Guarded()
    for key in ("topics", "outcomes"):
        for item in generated.get(key) or []:
            reason = src.unsupported(item)
            if reason is None:
                getattr(out, key).append(item)
            else:
                out.dropped.append(Dropped(key, reason, item))
    kept = []
    for sentence in _SENTENCE.split(str(generated.get("summary") or "").strip()):
        if not sentence:
            continue
        reason = src.unsupported(sentence)
        if reason is None:
            kept.append(sentence)
        else:
            out.dropped.append(Dropped("summary", reason, sentence))
    out.summary = " ".join(kept)
    return out
