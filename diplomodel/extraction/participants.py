"""Who took part: person mentions mended, merged into people, sorted into participants and the
merely mentioned, and linked to their title, country and organisation.

The steps, in order (each reads and changes the :class:`~diplomodel.extraction.document.Document`):

- :func:`mend_mentions`: broken mentions mended (:func:`diplomodel.extraction.people.mend_name_edges`,
  :func:`diplomodel.extraction.people.repair_person_mentions`),
  organisations tagged as people demoted (:func:`demote_non_people`), messengers demoted
  (:func:`diplomodel.extraction.roles.demote_messengers`).
- :func:`find_people`: mentions merged into people; the tagger's role by
  :func:`diplomodel.extraction.people.is_participant`; a participant never named in a meeting
  sentence was only mentioned (:func:`keep_meeting_people`); a missed other side promoted
  (:func:`diplomodel.extraction.roles.promote_counterpart`).
- :func:`link_people`: title, country and organisation from the first mention (in text order) that
  has each (:mod:`diplomodel.extraction.linking`); "his Moroccan counterpart Z" copies the title of
  the other participant in the sentence; "the foreign ministers of A and B" gives the singular to
  those without a title, and so do "eight new ambassadors to Kenya ... : A (Algeria), B (Norway)"
  and "also presenting credentials were A of Nigeria, B of Norway" (:func:`envoy_titles`).

Example:
    >>> from diplomodel.models.labels import Entity
    >>> from diplomodel.extraction.document import Document
    >>> t = "Turkish Foreign Minister Hakan Fidan met Sergei Lavrov in Ankara."
    >>> doc = Document.make(t, [Entity(0, 7, "COUNTRY"), Entity(8, 24, "TITLE"), Entity(25, 36, "PARTICIPANT"),
    ...                         Entity(41, 54, "PARTICIPANT")], None)
    >>> mend_mentions(doc); find_people(doc); link_people(doc)
    >>> [(p.name, p.title, p.country) for p in doc.participants]
    [('Hakan Fidan', 'Foreign Minister', 'Turkey'), ('Sergei Lavrov', None, None)]
"""
from __future__ import annotations

import bisect
import re

from diplomodel.extraction.document import Document
from diplomodel.extraction.linking import Attributes, link_mention
from diplomodel.extraction.people import (Person, cluster_people, is_participant, mend_name_edges,
                                         repair_person_mentions)
from diplomodel.extraction.roles import demote_bylines, demote_messengers, promote_attendees, promote_counterpart
from diplomodel.extraction.sentences import Sentences
from diplomodel.knowledge.geo import country_name
from diplomodel.models.labels import Entity
from diplomodel.schema import Participant

Span = tuple[int, int]

_PEOPLE = ("PARTICIPANT", "PERSON")


def mend_mentions(doc: Document) -> None:
    """Replace ``doc.entities`` by the mended mentions (see the module docstring)."""
    mended = repair_person_mentions(doc.text, mend_name_edges(doc.text, doc.entities))
    doc.entities = demote_non_people(doc.text, mended)
    demote_messengers(doc)
    demote_bylines(doc)


def find_people(doc: Document) -> None:
    """Set ``doc.participant_people`` (in order of first mention) and ``doc.others``."""
    people = cluster_people(doc.text, doc.entities)
    doc.participant_people = [p for p in people if is_participant(p)]
    doc.others = [p for p in people if not is_participant(p)]
    keep_meeting_people(doc)
    promote_counterpart(doc)
    promote_attendees(doc)
    doc.participant_people.sort(key=lambda p: p.mentions[0].start)


def keep_meeting_people(doc: Document) -> None:
    """A participant is named in a meeting sentence: one with a meeting cue ("met", "held talks",
    "call with") or with another participant. One who never is was only mentioned (a president
    quoted in the background, an initiative's founder), whatever the tagger said: moved from
    ``doc.participant_people`` to ``doc.others``.

    >>> t = "Lopez met Khan in Rabat. Earlier, President Diaz praised the ties."
    >>> doc = Document.make(t, [], None)
    >>> doc.participant_people = cluster_people(t, [Entity(0, 5, "PARTICIPANT"), Entity(10, 14, "PARTICIPANT"),
    ...                                             Entity(44, 48, "PARTICIPANT")])
    >>> keep_meeting_people(doc); [p.name for p in doc.participant_people], [p.name for p in doc.others]
    (['Lopez', 'Khan'], ['Diaz'])
    """
    part, sents = doc.participant_people, doc.sents
    if len(part) < 2:
        return
    cue_sents = {i for i, cues in enumerate(doc.cues) if cues}
    owners: dict[int, set[int]] = {}
    for k, p in enumerate(part):
        for m in p.mentions:
            owners.setdefault(sents.at(m.start), set()).add(k)
    meeting_sents = cue_sents | {i for i, ks in owners.items() if len(ks) > 1}
    keep = [p for p in part if any(sents.at(m.start) in meeting_sents for m in p.mentions)]
    if len(keep) < 2:  # the rule needs a meeting to anchor on; otherwise trust the tagger
        return
    kept = {id(p) for p in keep}  # by identity: comparing Person dataclasses is slow and quadratic
    dropped = [p for p in part if id(p) not in kept]
    doc.participant_people = keep
    doc.others = sorted(doc.others + dropped, key=lambda p: p.mentions[0].start)


_CITES_AFTER = re.compile(r"\s+(?:cites|cited|citing|quotes|quoted|quoting|reports|reported)\b")
_CITED_BEFORE = re.compile(r"\b(?:cites|cited|citing|quoting|according to)\s+$", re.I)


def demote_non_people(text: str, ents: list[Entity]) -> list[Entity]:
    """Person mentions that are really organisations become ORG.

    - "Milli Majlis (Parliament) Speaker Sahiba Gafarova": a "name" directly followed by a title and
      another name modifies that title; people are not written "Name Title Name".
    - "... told Trend": a "name" that starts an organisation tagged elsewhere ("Trend News Agency").
    - "Kazinform cites Akorda": a one-word "name" that cites or is cited, and is no part of any
      person's name in the text, is a source (an agency, a presidential office).

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
            source = (" " not in name and (_CITES_AFTER.match(text, e.end) or _CITED_BEFORE.search(text, max(0, e.start - 20), e.start))
                      and not any(o is not e and o.label in _PEOPLE and " " in text[o.start:o.end].strip()
                                  and name in text[o.start:o.end].lower().split() for o in ents))
            if modifies_title or starts_org or source:
                e = Entity(e.start, e.end, "ORG", e.score, e.text)
        out.append(e)
    return out


def link_people(doc: Document) -> None:
    """Set ``doc.participants`` (with title/country/organisation) and ``doc.attribute_spans``, the
    attribute spans used as evidence."""
    text, sents, ents = doc.text, doc.sents, doc.entities
    out: list[Participant] = []
    linked: list[list[tuple[Entity, Attributes]]] = []
    spans: dict[str, list[Span]] = {"title": [], "country": [], "organization": []}
    in_sentence: dict[int, list[Entity]] = {}  # a mention's chain lies inside its sentence: read only those
    for e in ents:
        si = sents.at(e.start)
        if sents[si][0] <= e.start and e.end <= sents[si][1]:
            in_sentence.setdefault(si, []).append(e)
    starts = {si: [e.start for e in es] for si, es in in_sentence.items()}

    def near(m: Entity) -> list[Entity]:  # a chain is a few words long: entities within 300 characters
        si = sents.at(m.start)
        es, st = in_sentence.get(si, []), starts.get(si, [])
        return es[bisect.bisect_left(st, m.start - 300):bisect.bisect_right(st, m.end + 300)]

    for person in doc.participant_people:
        attrs = [(m, link_mention(text, m, near(m), sents.of(m.start))) for m in person.mentions]
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
    spans["title"] += envoy_titles(text, out, sents)
    doc.participants, doc.attribute_spans = out, spans


def _score(person: Person) -> float:
    scores = [m.score for m in person.mentions if m.label == "PARTICIPANT"] or [m.score for m in person.mentions]
    return max(0.0, min(1.0, sum(scores) / len(scores)))


def _copy_counterpart_titles(out: list[Participant], linked: list[list[tuple[Entity, Attributes]]],
                             sents: Sentences) -> None:
    """ "X met his Moroccan counterpart Z": Z gets X's title when Z has none."""
    for i, p in enumerate(out):
        if p.title:
            continue
        for m, a in linked[i]:
            if not a.counterpart:
                continue
            si = sents.at(m.start)
            for j, q in enumerate(out):
                if j != i and q.title and any(sents.at(s) == si for s, _ in q.spans):
                    p.title = q.title
                    break
            if p.title:
                break


_COLLECTIVE = re.compile(r"\b[Tt]he\s+((?:[a-z]+\s+){0,2}?(?:ministers|presidents|speakers|chairmen|ambassadors|envoys|"
                         r"premiers|prime ministers))\s+of\b")


#: A company of envoys ("credentials from eight newly appointed ambassadors to Kenya", "also presenting
#: credentials were the following ambassadors-designate"): each listed envoy is one of them.
_ENVOYS = re.compile(r"(?i)\b(ambassadors?[- ]designates?|ambassadors|envoys|high commissioners|"
                     r"(?:presented|presenting|present) (?:their |his |her )?(?:diplomatic )?credentials|letters of credence)\b"
                     r"(?:\s+to\s+(?:the\s+)?((?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})))?")


def envoy_titles(text: str, out: list[Participant], sents: Sentences) -> list[Span]:
    """Envoys listed by name after a plural "ambassadors (to X)" within two sentences get the
    singular ("Ambassador to Kenya") when they have no title of their own, and so does who is
    said to present credentials; ``out`` is changed in
    place and the spans read are returned.

    >>> t = "Ana Ruiz received six new ambassadors to Kenya on Monday. They included Ivo Kral (Czechia) and Li Na (China)."
    >>> ps = [Participant("Ana Ruiz", title="President", spans=[(0, 8)]),
    ...       Participant("Ivo Kral", spans=[(72, 80)]), Participant("Li Na", spans=[(95, 100)])]
    >>> envoy_titles(t, ps, Sentences.split(t)), [p.title for p in ps]
    ([(26, 46)], ['President', 'Ambassador to Kenya', 'Ambassador to Kenya'])
    """
    phrases = [(sents.at(m.start()), m) for m in _ENVOYS.finditer(text)]
    found: list[Span] = []
    if not phrases:
        return found
    for p in out:
        if p.title or not p.spans:
            continue
        first = sents.at(p.spans[0][0])
        near = [m for si, m in phrases if first - 2 <= si <= first and m.start() < p.spans[0][0]]
        if not near:
            continue
        # the most telling phrase: "ambassadors to Kenya" before a later "the envoys included"
        m = max(near, key=lambda m: (bool(m.group(2) and country_name(m.group(2))),
                                     "envoy" not in m.group(1).lower(), m.start()))
        head = m.group(1).lower().replace(" designate", "-designate")
        if "credence" in head or "credentials" in head:  # who presents credentials is an ambassador
            head = "ambassador"
        head = re.sub(r"ambassadors(?=-designate)", "ambassador", head)
        head = head[:-1] if head.endswith("s") else head
        title = " ".join(w[:1].upper() + w[1:] for w in head.split())
        end = m.end(1)
        if m.group(2) and country_name(m.group(2)):
            title, end = f"{title} to {country_name(m.group(2))}", m.end(2)
        p.title = title
        found.append((m.start(1), end))
    return sorted(set(found))


def collective_titles(text: str, out: list[Participant], sents: Sentences) -> list[Span]:
    """ "The foreign ministers of Uzbekistan, Azerbaijan and Turkey met ...": a participant with no
    title of their own, first named in or after that sentence, gets the singular ("Foreign Minister");
    ``out`` is changed in place and the spans read are returned.

    >>> t = "The foreign ministers of Iran and Oman met. Abbas Araghchi hosted Badr Albusaidi."
    >>> ps = [Participant("Abbas Araghchi", spans=[(44, 58)]), Participant("Badr Albusaidi", spans=[(66, 80)])]
    >>> collective_titles(t, ps, Sentences.split(t)), ps[1].title
    ([(4, 21)], 'Foreign Minister')
    """
    found: list[Span] = []
    collective = _COLLECTIVE.search(text)  # only the first such phrase can ever be used: searched once
    for p in out:
        if p.title or not p.spans or collective is None:
            continue
        first = sents.at(p.spans[0][0])
        for m in [collective] if collective.end() <= sents[first][1] else []:
            words = m.group(1).split()
            words[-1] = re.sub(r"men$", "man", words[-1])
            words[-1] = words[-1][:-1] if words[-1].endswith("s") else words[-1]
            p.title = " ".join(w[:1].upper() + w[1:] for w in words)
            found.append(m.span(1))
            break
    return sorted(set(found))
