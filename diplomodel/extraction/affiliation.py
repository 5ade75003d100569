"""A participant's country when no attribute is written next to any of their mentions.

Wire copy often introduces a side without a nationality ("Foreign Minister Yoav Lapid met ...") and
gives it away later. The rules below read those later clues, strongest first; each fills only
participants that still have no country, and returns the span it read as evidence.

- :func:`by_description`: a definite description, "The Kuwaiti interior minister said ...", whose
  title words fit one participant's title better than anyone else's.
- :func:`by_message`: "X conveyed the greetings of Israeli President Y", "X delivered a letter
  from the foreign minister of Rwanda", "X reaffirmed Morocco's support for ...", "X stressed that
  Israel attaches great importance to relations with Colombia" (the speaker's own country), and
  in a two-sided meeting the partner named there ("relations with Colombia", "praised the role
  of Belgium") goes to the other side.
- :func:`by_respectively`: "X, Y and Z, his counterparts from A, B and C, respectively": the two
  lists pair up in order.
- :func:`by_known_officials` (its own step, :func:`known_officials`, before the place is read): an
  official the model dir's table of annotated briefs knows ("President Joe Biden" -> United
  States; :mod:`diplomodel.knowledge.officials`). On the real dev split it measured better filling
  only what the story's words leave open than overriding them.
- :func:`by_elimination`: in a meeting where only one participant is left without a country, the
  country the story names most that no participant has yet (the foreign ministers of A, B and C
  met: A, B are taken, C is left). Officials of international organisations are never filled.

Example:
    >>> from diplomodel.models.labels import Entity
    >>> from diplomodel.schema import Participant
    >>> t = "Interior Minister Khalid Khoury met Lithuanian Foreign Minister Jonas Ona. The Kuwaiti interior minister said more."
    >>> def at(s):
    ...     return (t.index(s), t.index(s) + len(s))
    >>> ps = [Participant("Khalid Khoury", title="Interior Minister", spans=[at("Khalid Khoury")]),
    ...       Participant("Jonas Ona", title="Foreign Minister", country="Lithuania", spans=[at("Jonas Ona")])]
    >>> ents = [Entity(*at("Lithuanian"), "COUNTRY"), Entity(*at("Kuwaiti"), "COUNTRY")]
    >>> infer_countries(t, ps, ents) == {"country": [at("Kuwaiti")]}
    True
    >>> ps[0].country
    'Kuwait'
"""
from __future__ import annotations

import bisect
import re

from diplomodel.extraction.document import Document
from diplomodel.extraction.sentences import Sentences
from diplomodel.knowledge.geo import country_name
from diplomodel.knowledge.officials import Officials
from diplomodel.knowledge.names import title_f1
from diplomodel.knowledge.text import fold
from diplomodel.models.labels import Entity
from diplomodel.schema import Participant

Span = tuple[int, int]

#: Titles of officials who speak for an international body, not a country.
INTERNATIONAL = re.compile(
    r"(?i)\b(?:secretary[- ]general|director[- ]general|high representative|commissioner|"
    r"(?:president|chair\w*|head|secretary) of the (?:european|african union|un\b|united nations|"
    r"world|international|asian|islamic|arab league|organi[sz]ation|association)|"
    r"special (?:envoy|representative|rapporteur) of the (?:un|united nations|secretary))")
_HEAD = (r"(?:minister|president|premier|speaker|chairman|chairwoman|chairperson|chair|diplomat|ambassador|"
         r"envoy|secretary|king|emir|amir|leader|head|chancellor|official|counterpart|guest|visitor|"
         r"prince|sultan|governor|mayor|commander|chief|deputy|minister[- ]counsellor|delegation|side)")
_DESCRIPTION = re.compile(
    r"\b[Tt]he\s+(?P<c>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?)\s+(?P<t>(?:[A-Za-z][\w-]*\s+){0,3}?"
    + _HEAD + r")s?\b")
_GENERIC = {"counterpart", "guest", "visitor", "delegation", "side", "official", "diplomat"}
_MESSAGE = re.compile(
    r"^[^.;]{0,60}?\b(?:conveyed|delivered|passed on|handed(?: over)?|extended|relayed|brought|transmitted)\s+"
    r"(?:[\w'’-]+\s+){0,3}?(?:greetings|regards|wishes|letter|message|invitation|interest|congratulations)\b",
    re.I)
_OWN_STANCE = re.compile(
    r"^[^.;]{0,40}?\b(?:reaffirmed|reiterated|expressed|underlined|stressed|emphasi[sz]ed|confirmed|voiced)\s+"
    r"(?:the\s+)?$", re.I)
_STANCE_AFTER = re.compile(r"^['’]s\s+(?:[\w-]+\s+){0,2}?(?:support|position|commitment|readiness|interest|"
                           r"desire|willingness|stance|solidarity)\b", re.I)
_SAID_THAT = re.compile(
    r"^[^.;]{0,40}?\b(?:said|stressed|noted|emphasi[sz]ed|underlined|stated|pointed out|added|recalled|"
    r"affirmed|assured)\s+(?:that\s+)?(?:the\s+)?$", re.I)
_STATE_VERB = re.compile(
    r"^\s+(?:attaches|is ready|is interested|values|supports|remains|stands|considers|wants|seeks|"
    r"is committed|highly values|welcomes|intends|plans)\b", re.I)
_PARTNER = re.compile(
    r"^[^.;]{0,80}?\b(?:relations with|ties with|cooperation with|praised the role of|thanked|"
    r"welcomed the (?:position|support) of|praised)\s+(?:the\s+)?$", re.I)


def infer_countries(text: str, participants: list[Participant], ents: list[Entity],
                    sents: Sentences | None = None) -> dict[str, list[Span]]:
    """Fill missing participant countries from later clues (module docstring); the evidence spans.
    ``participants`` are changed in place; ``sents`` are split from ``text`` when not given."""
    spans: list[Span] = []
    countries = _country_mentions(text, ents)
    spans += by_description(text, participants)
    spans += by_message(text, participants, countries, sents or Sentences.split(text))
    return {"country": spans} if spans else {}


def fill_countries(doc: Document) -> None:
    """Countries of ``doc.participants`` with none linked, in order of trust: later clues in the
    story (:func:`infer_countries`), the host (an in-person meeting's country, else the dateline's: a
    national agency's own official; never for a summit's sidelines, whose venue is nobody's side),
    the one country left (:func:`by_elimination`), and last, at an in-person meeting, the meeting's
    country for everyone still without one (the host's own officials, named by a bare title).
    Evidence goes to ``doc.country_spans``.
    """
    out, fmt, location, dateline = doc.participants, doc.format, doc.location, doc.dateline
    found = by_respectively(doc.text, out, doc.entities, doc.sents)
    found += infer_countries(doc.text, out, doc.entities, doc.sents).get("country", [])
    if fmt == "in_person" and location is not None and location.country:
        _host_country(out, location.country)
    if fmt != "multilateral_sidelines" and dateline is not None and dateline.country is not None:
        _host_country(out, dateline.country)
    venue = {location.country} if fmt == "multilateral_sidelines" and location and location.country else set()
    found += by_elimination(doc.text, out, doc.entities, exclude=venue)
    if fmt == "in_person" and location is not None and location.country:  # the host's own officials
        _host_country(out, location.country, everyone=True)
    doc.country_spans.extend(found)


_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)", re.I)
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)


def _runs(text: str, spans: list[Span]) -> list[list[Span]]:
    """Maximal runs of ``spans`` written as one list ("A, B and C")."""
    runs: list[list[Span]] = []
    for sp in sorted(spans):
        if runs:
            prev = runs[-1][-1]
            end = prev[0] + len(text[prev[0]:prev[1]].rstrip(",; "))  # a tagged "Luxembourg," keeps its comma
            if _LIST_GAP.fullmatch(text[end:sp[0]]):
                runs[-1].append(sp)
                continue
        runs.append([sp])
    return runs


def by_respectively(text: str, participants: list[Participant], ents: list[Entity], sents: Sentences) -> list[Span]:
    """ "X, Y and Z, his counterparts from A, B and C, respectively" / "the ministers of A and B, X and
    Y, respectively": a list of participants and a list of as many states in one sentence pair up in
    order, over any country linked before (the sentence says which is whose). Returns the spans read.

    >>> t = "Lopez met Ruiz and Kral, her counterparts from Peru and Chile, respectively."
    >>> ps = [Participant("Lopez", spans=[(0, 5)]), Participant("Ruiz", spans=[(10, 14)]),
    ...       Participant("Kral", spans=[(19, 23)], country="Peru")]
    >>> by_respectively(t, ps, [Entity(47, 51, "COUNTRY"), Entity(56, 61, "COUNTRY")], Sentences.split(t))
    [(47, 51), (56, 61)]
    >>> [p.country for p in ps]
    [None, 'Peru', 'Chile']
    """
    out: list[Span] = []
    for m in _RESPECTIVELY.finditer(text):
        s0, s1 = sents.of(m.start())
        owner = {sp: p for p in participants for sp in p.spans if s0 <= sp[0] < m.start()}
        states = {(e.start, e.end): country_name(text[e.start:e.end]) for e in ents
                  if e.label == "COUNTRY" and s0 <= e.start < m.start() and country_name(text[e.start:e.end])}
        names = [r for r in _runs(text, list(owner)) if len(r) >= 2]
        places = [r for r in _runs(text, list(states)) if len(r) >= 2]
        pairs = [(n, c) for n in names for c in places if len(n) == len(c)]
        if len(pairs) != 1:
            continue  # no lists, or more than one way to pair them
        for sp, cs in zip(*pairs[0]):
            owner[sp].country = states[cs]
            out.append(cs)
    return out


def known_officials(doc: Document) -> None:
    """The step before the meeting's place is read: participants with no country linked get the one
    the model dir's table of known officials gives (:func:`by_known_officials`), so the host of a
    meeting ("President X received ...") is known where the text never says X's country."""
    if doc.officials is not None:
        by_known_officials(doc.participants, doc.officials)


def by_known_officials(participants: list[Participant], officials: Officials) -> None:
    """Participants without a country get the one annotated briefs gave them (``officials``).

    >>> table = Officials.from_briefs([{"participants": [{"name": "Joe Biden", "country": "United States"}]}])
    >>> ps = [Participant("Joe Biden"), Participant("Ana Ruiz")]
    >>> by_known_officials(ps, table); [p.country for p in ps]
    ['United States', None]
    """
    for p in participants:
        if p.country is None and not is_international(p):
            p.country = officials.country_of(p.name)


def _host_country(out: list[Participant], country: str, everyone: bool = False) -> None:
    """An in-person meeting's country goes to the first participant without one, unless some
    participant already has it (the host is one side; visitors' countries are written). With
    ``everyone`` it goes to every participant still without one: the host's own officials."""
    if any(p.country == country for p in out) and not everyone:
        return
    for p in out:
        if p.country is None and not is_international(p):
            p.country = country
            if not everyone:
                return


def by_description(text: str, participants: list[Participant]) -> list[Span]:
    """ "The Colombian speaker said": the participant whose title fits the words gets the country.

    >>> ps = [Participant("A", title="Foreign Minister", country="Lithuania", spans=[(0, 1)]),
    ...       Participant("B", title="Interior Minister", spans=[(2, 3)])]
    >>> by_description("A B. The Kuwaiti interior minister left.", ps), ps[1].country
    ([(9, 16)], 'Kuwait')
    """
    out: list[Span] = []
    for m in _DESCRIPTION.finditer(text):
        country = country_name(m.group("c"))
        if not country or not any(p.country is None for p in participants):
            continue
        words = re.findall(r"[a-z]+", fold(m.group("t")))
        fits = [(title_f1(m.group("t"), p.title) if p.title else 0.0, k) for k, p in enumerate(participants)]
        best = max(s for s, _ in fits)
        target: Participant | None = None
        if best > 0:
            top = [k for s, k in fits if s == best]
            if len(top) == 1 and participants[top[0]].country is None:
                target = participants[top[0]]
        elif words[-1:] and words[-1] in _GENERIC:
            empty = [p for p in participants if p.country is None]
            if len(empty) == 1 and all(p.country != country for p in participants):
                target = empty[0]
        if any(p.country == country for p in participants):
            continue  # "the Lao minister" is the Lao side already named, not a second one
        if target is not None and not is_international(target):
            target.country = country
            out.append(m.span("c"))
    return out


def by_message(text: str, participants: list[Participant], countries: list[tuple[Span, str]],
               sents: Sentences) -> list[Span]:
    """A message a participant brings, a stance they voice for their country, a partner they name.

    >>> t = "Lapid met Ona. Lapid delivered a letter from Israeli Chairman Ron Shapira to Ona."
    >>> ps = [Participant("Lapid", spans=[(0, 5), (15, 20)]), Participant("Ona", spans=[(10, 13), (78, 81)])]
    >>> by_message(t, ps, [((45, 52), "Israel")], Sentences.split(t)), ps[0].country
    ([(45, 52)], 'Israel')
    """
    out: list[Span] = []
    countries = sorted(countries)
    starts = [span[0] for span, _ in countries]
    for k, p in enumerate(participants):
        for s, e in p.spans:
            sent_end = sents.of(s)[1]
            rest = text[e:sent_end]
            after = countries[bisect.bisect_left(starts, e):bisect.bisect_left(starts, sent_end)]
            found: tuple[Span, str] | None = None
            partner: tuple[Span, str] | None = None
            msg = _MESSAGE.match(rest)
            if msg:
                cut = re.search(r"\b(?:to|with|for)\b", text[e + msg.end():sent_end])
                limit = e + msg.end() + (cut.start() if cut else len(text))
                found = next(((sp, c) for sp, c in after if e + msg.end() <= sp[0] < limit), None)
            for sp, c in after:
                if found or partner:
                    break
                gap = text[e:sp[0]]
                if (_OWN_STANCE.match(gap) and _STANCE_AFTER.match(text[sp[1]:sent_end])) or \
                        (_SAID_THAT.match(gap) and _STATE_VERB.match(text[sp[1]:sent_end])):
                    found = (sp, c)
                    later = next(((sp2, c2) for sp2, c2 in after if sp2[0] > sp[1]
                                  and _PARTNER.match(text[sp[1]:sp2[0]].lstrip())), None)
                    partner = later
                elif _PARTNER.match(gap):
                    partner = (sp, c)
            if found and p.country is None and not is_international(p):
                if all(q.country != found[1] for q in participants if q is not p):
                    p.country = found[1]
                    out.append(found[0])
            if partner and len(participants) == 2:
                other = participants[1 - k]
                if other.country is None and not is_international(other) and p.country != partner[1]:
                    other.country = partner[1]
                    out.append(partner[0])
    return out


def by_elimination(text: str, participants: list[Participant], ents: list[Entity],
                   exclude: set[str] | None = None) -> list[Span]:
    """The one participant left without a country gets the story's most-named country that no
    participant has (ties: the first named); ``exclude`` holds countries that are not a side.

    >>> t = "The ministers of Greece, Iran and Chile met: Nikos Dendias of Greece, Ana Ruiz and Reza Amiri of Iran."
    >>> ps = [Participant("Nikos Dendias", country="Greece", spans=[(45, 58)]),
    ...       Participant("Ana Ruiz", spans=[(69, 77)]), Participant("Reza Amiri", country="Iran", spans=[(82, 92)])]
    >>> ents = [Entity(17, 23, "COUNTRY"), Entity(25, 29, "COUNTRY"), Entity(34, 39, "COUNTRY"),
    ...         Entity(62, 68, "COUNTRY"), Entity(96, 100, "COUNTRY")]
    >>> by_elimination(t, ps, ents), ps[1].country
    ([(34, 39)], 'Chile')
    """
    empty = [p for p in participants if p.country is None and not is_international(p)]
    if len(empty) != 1 or len(participants) < 2:
        return []
    taken = {p.country for p in participants if p.country} | (exclude or set())
    counts: dict[str, list[Span]] = {}
    for span, c in _country_mentions(text, ents):
        if c not in taken and not _points_elsewhere(text, span[0]):
            counts.setdefault(c, []).append(span)
    if not counts:
        return []
    country = max(counts, key=lambda c: (len(counts[c]), -counts[c][0][0]))
    empty[0].country = country
    return [counts[country][0]]


def _country_mentions(text: str, ents: list[Entity]) -> list[tuple[Span, str]]:
    out = []
    for e in ents:
        if e.label == "COUNTRY":
            c = country_name(re.sub(r"['’]s$", "", text[e.start:e.end].strip()))
            if c:
                out.append(((e.start, e.end), c))
    return sorted(out)


def _points_elsewhere(text: str, start: int) -> bool:
    """ "Ambassador to X", "travelled to X", "the war in X", "support for X", "talks on X": a country that is
    a destination, a scene or a subject."""
    return re.search(r"\b(?:to|in|into|from|against|over|toward|towards|for|on|about|regarding)\s+(?:the\s+)?$",
                     text[max(0, start - 16):start], re.I) is not None


def is_international(p: Participant) -> bool:
    """An official of an international body ("UN Secretary-General"), who speaks for no country.

    >>> is_international(Participant("A", title="Secretary-General", organization="United Nations"))
    True
    """
    return bool(p.title and INTERNATIONAL.search(p.title)) or bool(
        p.organization and re.search(r"(?i)\b(?:united nations|\bUN\b|european union|nato|african union|"
                                     r"asean|opec|world bank|imf|international monetary)\b", p.organization))
