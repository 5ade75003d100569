"""From tagged entities to an extractive meeting brief.

``build_brief`` fills is_meeting, format, date, location, participants, mentioned, countries and
evidence; id, model, summary, topics and outcomes are left to the caller.

Rules, each a small function below:
- people: broken mentions mended and mentions merged by :mod:`diplomodel.extraction.people`; messengers
  demoted and a missed other side promoted by :mod:`diplomodel.extraction.roles`; role by
  :func:`diplomodel.extraction.people.is_participant`.
- attributes: :mod:`diplomodel.extraction.linking`, first mention (in text order) that has each. A participant
  with no country takes its org's country, then later clues (:mod:`diplomodel.extraction.affiliation`), then
  the meeting's or dateline's country if no other participant has it (the home agency's official;
  never at a summit's sidelines), then the one country left. "his Moroccan counterpart Z" copies
  the title of the other participant in the sentence; "the foreign ministers of A and B" gives
  the singular to those without a title.
- date: a DATE outside the dateline in the sentence with participants + meeting cue scores highest;
  the dateline date is the fallback; dates after publication are dropped.
- location: null for calls; else "visit to X" / "in X" in a meeting sentence ("in the Uzbek
  capital"; at a sidelines meeting only the event's sentence), else the dateline.
- countries: the participants' countries, deduplicated in order. The location country is added
  only when it is a participant's country, i.e. never on its own: a host is a side only through a
  participant.

Example:
    >>> import datetime
    >>> from diplomodel.models.labels import Entity
    >>> from diplomodel.extraction.build import build_brief
    >>> t = "Turkish Foreign Minister Hakan Fidan spoke by phone with Sergei Lavrov on Monday."
    >>> ents = [Entity(0, 7, "COUNTRY"), Entity(8, 24, "TITLE"), Entity(25, 36, "PARTICIPANT"),
    ...         Entity(57, 70, "PARTICIPANT"), Entity(74, 80, "DATE")]
    >>> b = build_brief(t, ents, datetime.date(2024, 3, 6))
    >>> b.is_meeting, b.format, b.date, b.location, [p.name for p in b.participants]
    (True, 'phone_call', '2024-03-04', None, ['Hakan Fidan', 'Sergei Lavrov'])
"""
from __future__ import annotations

import datetime
import re

from diplomodel.extraction.affiliation import by_elimination, infer_countries, is_international
from diplomodel.extraction.cues import (NEGATIVE_CUE, Dateline, city_country, decide_is_meeting, find_dateline,
                             find_format, meeting_cue_spans, sentence_index, sentence_spans)
from diplomodel.models.labels import Entity
from diplomodel.extraction.linking import Attributes, link_mention
from diplomodel.knowledge.normalize import country_name, resolve_date
from diplomodel.extraction.people import Person, cluster_people, is_participant, repair_person_mentions
from diplomodel.extraction.roles import demote_messengers, promote_counterpart
from diplomodel.schema import Location, MeetingBrief, Participant

Span = tuple[int, int]


def build_brief(text: str, entities: list[Entity], published: datetime.date | None) -> MeetingBrief:
    """The extractive brief of ``text`` from its tagged ``entities`` (see the module docstring)."""
    ents = sorted((e for e in entities if 0 <= e.start < e.end <= len(text)), key=lambda e: (e.start, e.end))
    sents = sentence_spans(text) or [(0, len(text))]
    ents = demote_messengers(text, demote_non_people(text, repair_person_mentions(text, ents)), sents)
    dateline = find_dateline(text)
    people = cluster_people(text, ents)
    part_people = [p for p in people if is_participant(p)]
    others = [p for p in people if not is_participant(p)]
    part_people, others = keep_meeting_people(text, sents, part_people, others)
    part_people, others = promote_counterpart(text, sents, part_people, others)
    part_people.sort(key=lambda p: p.mentions[0].start)
    participants, attr_spans = link_participants(text, part_people, ents, sents, dateline)

    part_sents = sorted({sentence_index(sents, s) for p in participants for s, _ in p.spans})
    regions = [sents[i] for i in part_sents]
    cues = meeting_cue_spans(text, regions)
    lead = regions[0] if regions else sents[0]
    lead_negative = NEGATIVE_CUE.search(text, *lead) is not None
    is_meeting = decide_is_meeting(len(participants), cues, lead_negative)

    fmt, fmt_span = find_format(text, prefer=regions or None)
    evidence: dict[str, list[Span]] = {}
    if participants:
        evidence["participants"] = sorted(s for p in participants for s in p.spans)
    for key, spans in attr_spans.items():
        if spans:
            evidence[key] = sorted(set(spans))
    if cues:
        evidence["is_meeting"] = cues[:5]
    if fmt_span:
        evidence["format"] = [fmt_span]

    date, date_span = pick_date(text, ents, sents, part_sents, published, dateline)
    if date_span:
        evidence["date"] = [date_span]
    location, loc_spans = None, []
    if fmt not in ("phone_call", "video_call"):
        location, loc_spans = pick_location(text, ents, sents, part_sents, dateline,
                                            fmt_span if fmt == "multilateral_sidelines" else None)
    if loc_spans:
        evidence["location"] = loc_spans

    _fill_countries(text, participants, ents, fmt, location, dateline, attr_spans)
    if attr_spans.get("country"):
        evidence["country"] = sorted(set(attr_spans["country"]))
    if not is_meeting:  # no meeting, no participants: the people tagged as such were only mentioned
        others = sorted(part_people + others, key=lambda p: p.mentions[0].start)
        participants = []
        evidence.pop("participants", None)
    mentioned = [p.name for p in others]
    if others:
        evidence["mentioned"] = sorted(s for p in others for s in p.spans())
    countries: list[str] = []
    for p in participants:
        if p.country and p.country not in countries:
            countries.append(p.country)
    return MeetingBrief(is_meeting=is_meeting, format=fmt if is_meeting else None,
                        date=date.isoformat() if date else None, location=location,
                        participants=participants, mentioned=mentioned, countries=countries,
                        evidence=evidence)


# ---------------------------------------------------------------------------------------- participants

_PEOPLE = ("PARTICIPANT", "PERSON")


def keep_meeting_people(text: str, sents: list[Span], part: list[Person],
                        others: list[Person]) -> tuple[list[Person], list[Person]]:
    """A participant is named in a meeting sentence: one with a meeting cue ("met", "held talks",
    "call with") or with another participant. One who never is was only mentioned (a president
    quoted in the background, an initiative's founder), whatever the tagger said.

    >>> t = "Lopez met Khan in Rabat. Earlier, President Diaz praised the ties."
    >>> people = cluster_people(t, [Entity(0, 5, "PARTICIPANT"), Entity(10, 14, "PARTICIPANT"),
    ...                             Entity(44, 48, "PARTICIPANT")])
    >>> [p.name for p in keep_meeting_people(t, sentence_spans(t), people, [])[0]]
    ['Lopez', 'Khan']
    """
    if len(part) < 2:
        return part, others
    def sent_of(m: Entity) -> int:
        return sentence_index(sents, m.start)
    cue_sents = {sentence_index(sents, s) for s, _ in meeting_cue_spans(text, sents)}
    owners: dict[int, set[int]] = {}
    for k, p in enumerate(part):
        for m in p.mentions:
            owners.setdefault(sent_of(m), set()).add(k)
    meeting_sents = cue_sents | {i for i, ks in owners.items() if len(ks) > 1}
    keep = [p for p in part if any(sent_of(m) in meeting_sents for m in p.mentions)]
    if len(keep) < 2:  # the rule needs a meeting to anchor on; otherwise trust the tagger
        return part, others
    kept = {id(p) for p in keep}  # by identity: comparing Person dataclasses is slow and quadratic
    dropped = [p for p in part if id(p) not in kept]
    return keep, sorted(others + dropped, key=lambda p: p.mentions[0].start)


def demote_non_people(text: str, ents: list[Entity]) -> list[Entity]:
    """Person mentions that are really organisations become ORG.

    - "Milli Majlis (Parliament) Speaker Sahiba Gafarova": a "name" directly followed by a title and
      another name modifies that title; people are not written "Name Title Name".
    - "... told Trend": a "name" that starts an organisation tagged elsewhere ("Trend News Agency").

    >>> t = "Milli Majlis (Parliament) Speaker Sahiba Gafarova met Akhannouch, Parliament told Trend (Trend News Agency)."
    >>> def ent(s, label, k=0):
    ...     i = t.index(s, k)
    ...     return Entity(i, i + len(s), label)
    >>> ents = [ent("Milli Majlis", "PARTICIPANT"), ent("Speaker", "TITLE"), ent("Sahiba Gafarova", "PARTICIPANT"),
    ...         ent("Akhannouch", "PARTICIPANT"), ent("Trend", "PARTICIPANT"), ent("Trend News Agency", "ORG")]
    >>> [(t[e.start:e.end], e.label) for e in demote_non_people(t, ents) if e.label == "ORG"]
    [('Milli Majlis', 'ORG'), ('Trend', 'ORG'), ('Trend News Agency', 'ORG')]
    """
    orgs = {re.sub(r"\s+", " ", text[e.start:e.end]).lower() for e in ents if e.label == "ORG"}
    gap = re.compile(r"(?:\s|\([^()]{0,40}\)|['’]s?)*")
    out: list[Entity] = []
    for i, e in enumerate(ents):
        if e.label in _PEOPLE:
            name = re.sub(r"\s+", " ", text[e.start:e.end]).lower()
            nxt = ents[i + 1:i + 3]
            modifies_title = (len(nxt) == 2 and nxt[0].label == "TITLE" and nxt[1].label in _PEOPLE
                              and gap.fullmatch(text[e.end:nxt[0].start]) is not None
                              and gap.fullmatch(text[nxt[0].end:nxt[1].start]) is not None)
            starts_org = any(o != name and o.startswith(name + " ") for o in orgs)
            if modifies_title or starts_org:
                e = Entity(e.start, e.end, "ORG", e.score, e.text)
        out.append(e)
    return out


def link_participants(text: str, people: list[Person], ents: list[Entity], sents: list[Span],
                      dateline: Dateline | None) -> tuple[list[Participant], dict[str, list[Span]]]:
    """Participants with title/country/organisation, and the attribute spans used as evidence."""
    out: list[Participant] = []
    linked: list[list[tuple[Entity, Attributes]]] = []
    spans: dict[str, list[Span]] = {"title": [], "country": [], "organization": []}
    in_sentence: dict[int, list[Entity]] = {}  # the entities inside each sentence, in order
    for e in ents:
        si = sentence_index(sents, e.start)
        if sents[si][0] <= e.start and e.end <= sents[si][1]:
            in_sentence.setdefault(si, []).append(e)
    for person in people:  # a mention's chain lies inside its sentence: only its entities are read
        attrs = [(m, link_mention(text, m, in_sentence.get(si, []), sents[si]))
                 for m in person.mentions for si in [sentence_index(sents, m.start)]]
        linked.append(attrs)
        p = Participant(name=person.name, spans=person.spans(), score=_score(person))
        with_title = next((a for _, a in attrs if a.title), None)
        if with_title:
            p.title, p.organization = with_title.title, with_title.organization
        for field in ("organization", "country"):
            if getattr(p, field) is None:
                found = next((a for _, a in attrs if getattr(a, field)), None)
                if found:
                    setattr(p, field, getattr(found, field))
        for _, a in attrs:
            for key, span in a.spans.items():
                if getattr(p, key, None) and key in spans:
                    spans[key].append(span)
        out.append(p)
    _copy_counterpart_titles(out, linked, sents)
    spans["title"] += collective_titles(text, out, sents)
    return out, spans


def _score(person: Person) -> float:
    scores = [m.score for m in person.mentions if m.label == "PARTICIPANT"] or [m.score for m in person.mentions]
    return max(0.0, min(1.0, sum(scores) / len(scores)))


def _copy_counterpart_titles(out: list[Participant], linked: list[list[tuple[Entity, Attributes]]],
                             sents: list[Span]) -> None:
    """ "X met his Moroccan counterpart Z": Z gets X's title when Z has none."""
    for i, p in enumerate(out):
        if p.title:
            continue
        for m, a in linked[i]:
            if not a.counterpart:
                continue
            si = sentence_index(sents, m.start)
            for j, q in enumerate(out):
                if j != i and q.title and any(sentence_index(sents, s) == si for s, _ in q.spans):
                    p.title = q.title
                    break
            if p.title:
                break


_COLLECTIVE = re.compile(r"\b[Tt]he\s+((?:[a-z]+\s+){0,2}?(?:ministers|presidents|speakers|chairmen|ambassadors|envoys|"
                         r"premiers|prime ministers))\s+of\b")


def collective_titles(text: str, out: list[Participant], sents: list[Span]) -> list[Span]:
    """ "The foreign ministers of Uzbekistan, Azerbaijan and Turkey met ...": a participant with no
    title of their own, first named in or after that sentence, gets the singular ("Foreign Minister").

    >>> t = "The foreign ministers of Iran and Oman met. Abbas Araghchi hosted Badr Albusaidi."
    >>> ps = [Participant("Abbas Araghchi", spans=[(44, 58)]), Participant("Badr Albusaidi", spans=[(66, 80)])]
    >>> collective_titles(t, ps, sentence_spans(t)), ps[1].title
    ([(4, 21)], 'Foreign Minister')
    """
    found: list[Span] = []
    # only the text's first collective phrase can ever be used: searched once, not per participant
    collective = _COLLECTIVE.search(text)
    for p in out:
        if p.title or not p.spans or collective is None:
            continue
        first = sentence_index(sents, p.spans[0][0])
        for m in [collective] if collective.end() <= sents[first][1] else []:
            words = m.group(1).split()
            words[-1] = re.sub(r"men$", "man", words[-1])
            words[-1] = words[-1][:-1] if words[-1].endswith("s") else words[-1]
            p.title = " ".join(w[:1].upper() + w[1:] for w in words)
            found.append(m.span(1))
            break
    return sorted(set(found))


def _host_country(out: list[Participant], country: str) -> None:
    """An in-person meeting's country goes to the first participant without one, unless some
    participant already has it (the host is one side; visitors' countries are written)."""
    if any(p.country == country for p in out):
        return
    for p in out:
        if p.country is None and not is_international(p):
            p.country = country
            return


def _fill_countries(text: str, out: list[Participant], ents: list[Entity], fmt: str,
                    location: Location | None, dateline: Dateline | None, spans: dict[str, list[Span]]) -> None:
    """Countries of participants with none linked, in order of trust: later clues in the story
    (:mod:`diplomodel.extraction.affiliation`), the host (an in-person meeting's country, else the dateline's:
    a national agency's own official; never for a summit's sidelines, whose venue is nobody's
    side), and last the one country left.
    """
    found = infer_countries(text, out, ents).get("country", [])
    if fmt == "in_person" and location is not None and location.country:
        _host_country(out, location.country)
    if fmt != "multilateral_sidelines" and dateline is not None and dateline.country is not None:
        _host_country(out, dateline.country)
    venue = {location.country} if fmt == "multilateral_sidelines" and location and location.country else set()
    found += by_elimination(text, out, ents, exclude=venue)
    spans.setdefault("country", []).extend(found)


# ---------------------------------------------------------------------------------------- date

def pick_date(text: str, ents: list[Entity], sents: list[Span], part_sents: list[int],
              published: datetime.date | None, dateline: Dateline | None) -> tuple[datetime.date | None, Span | None]:
    """The meeting's date and the DATE span it came from.

    Scores: +2 in a sentence naming a participant, +1 with a meeting cue there, first sentence of
    those +1; earlier wins ties. Dates vaguer than a day or after publication are skipped; the
    dateline date is used only when nothing else resolves.
    """
    best: tuple[tuple[int, int], datetime.date, Span] | None = None
    for e in ents:
        if e.label != "DATE" or (dateline and dateline.start <= e.start < dateline.end):
            continue
        day = resolve_date(text[e.start:e.end], published)
        if day is None or (published and day > published):
            continue
        si = sentence_index(sents, e.start)
        score = 0
        if si in part_sents:
            score += 2 + (1 if meeting_cue_spans(text, [sents[si]]) else 0)
            score += 1 if part_sents and si == part_sents[0] else 0
        key = (score, -e.start)
        if best is None or key > best[0]:
            best = (key, day, (e.start, e.end))
    if best:
        return best[1], best[2]
    if dateline and dateline.date_span:
        s, e = dateline.date_span
        day = resolve_date(text[s:e], published)
        if day and not (published and day > published):
            return day, (s, e)
    return None, None


# ---------------------------------------------------------------------------------------- location

_VISIT_BEFORE = re.compile(r"\b(?:visit(?:s|ed|ing)?|trip|tour|arriv(?:ed|es|al)|stay)\s+(?:to|in|of)?\s*(?:the\s+)?$", re.I)
_IN_BEFORE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?:capital\s+(?:city\s+)?(?:of\s+)?)?$", re.I)
_NOT_NOW = re.compile(r"\b(?:will|would|next|invit\w+|plans?|planned|upcoming|previous|last year|earlier)\b", re.I)


_CAPITAL = re.compile(r"\bin the ([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) capital\b")


def pick_location(text: str, ents: list[Entity], sents: list[Span], part_sents: list[int],
                  dateline: Dateline | None, sidelines: Span | None = None) -> tuple[Location | None, list[Span]]:
    """The meeting place: "visit to X" or "in X" in a meeting sentence, "in the Uzbek capital",
    else the dateline. A place with no known country after "at" (a building) yields to the
    dateline; at a summit's sidelines only the sentence naming the event counts."""
    cands: list[tuple[tuple[int, int], Entity]] = []
    not_now: dict[int, bool] = {}  # per sentence: one search, not one per place in it (long sentences)
    for e in ents:
        if e.label not in ("LOC", "COUNTRY") or (dateline and dateline.start <= e.start < dateline.end):
            continue
        si = sentence_index(sents, e.start)
        s0 = sents[si][0]
        before = text[max(s0, e.start - 60):e.start]
        if si not in not_now:
            not_now[si] = bool(_NOT_NOW.search(text, sents[si][0], sents[si][1]))
        if not_now[si]:
            continue
        if _VISIT_BEFORE.search(before):
            cands.append(((3, -e.start), e))
        elif _IN_BEFORE.search(before) and si in part_sents and meeting_cue_spans(text, [sents[si]]):
            cands.append(((3, -e.start), e))
    if sidelines is not None:  # the venue is the event's: "on the sidelines of the X in Y", else the dateline
        cands = [c for c in cands if sentence_index(sents, c[1].start) == sentence_index(sents, sidelines[0])]
    capital = _CAPITAL.search(text, *sents[part_sents[0]]) if part_sents else None
    if capital and country_name(capital.group(1)):  # "met in the Uzbek capital"
        country = country_name(capital.group(1))
        city = _city(dateline.city) if dateline and dateline.country == country else None
        return Location(city=city, country=country), [capital.span(1)]
    if cands:
        e = max(cands, key=lambda c: c[0])[1]
        name = re.sub(r"\s+", " ", text[e.start:e.end]).strip()
        if e.label == "COUNTRY":
            return Location(city=None, country=country_name(name) or name), [(e.start, e.end)]
        country, spans = city_country(name), [(e.start, e.end)]
        nxt = next((c for c in ents if c.label == "COUNTRY" and c.start >= e.end
                    and re.fullmatch(r"\s*,\s*", text[e.end:c.start])), None)
        if nxt is not None:
            country = country_name(text[nxt.start:nxt.end]) or country
            spans.append((nxt.start, nxt.end))
        if country is not None or not (dateline and dateline.country):
            return Location(city=_city(name), country=country), spans
        # "at the Parliament House": a building, not a city; the dateline says where it stands
    if dateline:
        return Location(city=_city(dateline.city), country=dateline.country), [dateline.city_span]
    return None, []


def _city(name: str) -> str:
    """ "BAKU" -> "Baku"; mixed-case names stay as written."""
    return name.title() if name.isupper() and len(name) > 3 else name
