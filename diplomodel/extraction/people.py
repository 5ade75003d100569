"""Merging person mentions into people, and tolerant name matching.

"Sahiba Gafarova" … "Gafarova" … "Ms Gafarova" become one person; so do "Mohammed bin Salman" …
"bin Salman" and "Sergei Lavrov" … "Sergey Lavrov" (a consonant skeleton absorbs transliteration
variants). A mention whose name words are a subset of a longer mention's attaches to it; when several
people fit ("Aliyev" with two Aliyevs in the text), the nearest preceding one wins.

Example:
    >>> from diplomodel.models.labels import Entity
    >>> from diplomodel.extraction.people import cluster_people
    >>> t = "Sahiba Gafarova met Aziz Akhannouch. Ms Gafarova said Akhannouch agreed."
    >>> ents = [Entity(0, 15, "PARTICIPANT"), Entity(20, 35, "PARTICIPANT"),
    ...         Entity(40, 48, "PARTICIPANT"), Entity(54, 64, "PARTICIPANT")]
    >>> [(p.name, [m.start for m in p.mentions]) for p in cluster_people(t, ents)]
    [('Sahiba Gafarova', [0, 40]), ('Aziz Akhannouch', [20, 54])]
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from diplomodel.knowledge.geo import city_country, country_name, is_major_city
from diplomodel.knowledge.names import BODY_WORDS, clean_name, is_address_only, is_title_words, name_keys
from diplomodel.knowledge.text import fold
from diplomodel.models.labels import Entity


@dataclass
class Person:
    """One person: all their mentions, the longest form as the name."""

    name: str
    keys: list[str]
    mentions: list[Entity] = field(default_factory=list)

    def spans(self) -> list[tuple[int, int]]:
        return sorted((m.start, m.end) for m in self.mentions)

    def weight(self, label: str) -> float:
        return sum(m.score for m in self.mentions if m.label == label)


def cluster_people(text: str, entities: list[Entity],
                   labels: tuple[str, ...] = ("PARTICIPANT", "PERSON")) -> list[Person]:
    """Group the person mentions of ``text`` into people, ordered by first mention."""
    mentions = [e for e in entities if e.label in labels and e.end > e.start]
    keyed = [(m, name_keys(text[m.start:m.end])) for m in mentions]
    keyed = [(m, k) for m, k in keyed if k]
    people: list[Person] = []
    where: list[tuple[list[int], list[int]]] = []  # per person: sorted mention ends and starts
    having: dict[str, set[int]] = {}  # name key -> the people whose name has it
    for m, keys in sorted(keyed, key=lambda mk: (-len(mk[1]), mk[0].start)):
        fits = sorted(set.intersection(*(having.get(k, set()) for k in keys)))  # people with all its keys
        if not fits:
            people.append(Person(clean_name(text[m.start:m.end]), keys, [m]))
            where.append(([m.end], [m.start]))
            for k in keys:
                having.setdefault(k, set()).add(len(people) - 1)
            continue
        i = min(fits, key=lambda i: _distance(*where[i], m.start))
        people[i].mentions.append(m)
        bisect.insort(where[i][0], m.end)
        bisect.insort(where[i][1], m.start)
    for p in people:
        p.mentions.sort(key=lambda e: e.start)
        forms = [clean_name(text[e.start:e.end]) for e in p.mentions]
        rank = {f: (len(name_keys(f)), len(f), -k) for k, f in reversed(list(enumerate(forms)))}
        p.name = max(rank, key=rank.__getitem__)
    people.sort(key=lambda p: p.mentions[0].start)
    return people


def _distance(ends: list[int], starts: list[int], pos: int) -> tuple[int, int]:
    """Nearest preceding mention first; a person only mentioned later comes after. ``ends`` and
    ``starts`` are the person's mention ends and starts, sorted (binary searches: an article naming
    someone thousands of times stays fast).

    >>> _distance([5, 20], [0, 15], 22), _distance([5], [0], 3), _distance([9, 30], [7, 28], 2)
    ((0, 2), (1, 3), (1, 5))
    """
    k = bisect.bisect_right(ends, pos)
    if k:
        return (0, pos - ends[k - 1])
    i = bisect.bisect_left(starts, pos)
    return (1, min(abs(starts[j] - pos) for j in (i - 1, i) if 0 <= j < len(starts)))


def is_participant(person: Person, first_weight: float = 3.0, min_score: float = 0.6) -> bool:
    """Role of a merged person when the tagger disagrees across mentions.

    The first mention introduces a person with their role ("Speaker X met ..."), later ones often
    just repeat the name, so it counts ``first_weight`` times; the role with the larger summed
    score wins. A participant whose PARTICIPANT mentions average under ``min_score`` is too
    uncertain and stays mentioned.

    >>> p = Person("X Y", ["x", "y"], [Entity(0, 3, "PARTICIPANT", 0.95), Entity(9, 10, "PERSON", 0.9),
    ...                                Entity(20, 21, "PERSON", 0.9), Entity(30, 31, "PERSON", 0.9)])
    >>> is_participant(p)
    True
    >>> is_participant(Person("T", ["t"], [Entity(0, 5, "PARTICIPANT", 0.55)]))
    False
    """
    def weight(label: str) -> float:
        return sum(m.score * (first_weight if k == 0 else 1.0)
                   for k, m in enumerate(person.mentions) if m.label == label)

    part = [m.score for m in person.mentions if m.label == "PARTICIPANT"]
    if not part or sum(part) / len(part) < min_score:
        return False
    return weight("PARTICIPANT") >= weight("PERSON")


_GLUED_TITLE = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
_HYPHEN_BEFORE = re.compile(r"(?<![\w-])[A-Z][a-z\u00e0-\u017f]+-$")
_HYPHEN_AFTER = re.compile(r"-[A-Z][a-z\u00e0-\u017f]+(?![\w-])")
_INITIAL_BEFORE = re.compile(r"(?<![\w.])[A-Z]\.$")


def mend_name_edges(text: str, entities: list[Entity]) -> list[Entity]:
    """Mend the edges of person mentions that real pages break, before anything else reads them.

    - a handle or hashtag ("@GotabayaR", "#FirstLast") is no form of a name: dropped;
    - a word of office glued to the name ("Wien-Weibert ArthusAmbassador of Haiti"): cut off;
    - a lone initial glued before the name ("U.Khurelsukh"): taken in;
    - half of a hyphenated name left out ("Kassym-" before "Jomart Tokayev", "-Castejón" after
      "Pedro Sánchez Pérez"): taken in.

    >>> t = "PM met @AnaLopezR and Dr. Omar KhanAmbassador of Chad, with U.Batbold and Kassym-Jomart Ali."
    >>> def at(w):
    ...     return Entity(t.index(w), t.index(w) + len(w), "PARTICIPANT")
    >>> ents = [at("AnaLopezR"), at("Omar KhanAmbassador"), at("Batbold"), at("Jomart Ali")]
    >>> [t[e.start:e.end] for e in mend_name_edges(t, ents)]
    ['Omar Khan', 'U.Batbold', 'Kassym-Jomart Ali']
    """
    from diplomodel.knowledge.names import TITLE_WORDS

    out: list[Entity] = []
    for e in entities:
        if e.label not in ("PARTICIPANT", "PERSON"):
            out.append(e)
            continue
        if e.start > 0 and text[e.start - 1] in "@#":
            continue
        start, end = e.start, e.end
        for cut in _GLUED_TITLE.finditer(text, start, end):
            tail = re.match(r"[A-Za-z]+", text[cut.start():end])
            if tail and tail.group(0).lower() in TITLE_WORDS:
                end = cut.start()
                break
        initial = _INITIAL_BEFORE.search(text, max(0, start - 2), start)
        if initial:
            start = initial.start()
        half = _HYPHEN_BEFORE.search(text, max(0, start - 30), start)
        if half and half.group(0)[:-1].lower() not in TITLE_WORDS:
            start = half.start()
        half = _HYPHEN_AFTER.match(text, end)
        if half and half.group(0)[1:].lower() not in TITLE_WORDS:
            end = half.end()
        out.append(e if (start, end) == (e.start, e.end) else Entity(start, end, e.label, e.score, text[start:end]))
    return out


_JOIN = re.compile(r"[ \t]+|[ \t]+(?:bin|bint|ibn|al|el|de|da|van|von|der|ould|ben)[ \t]+", re.I)


def repair_person_mentions(text: str, entities: list[Entity]) -> list[Entity]:
    """Mend the tagger's broken person mentions before they are merged into people.

    - Fragments of one name, adjacent or joined by a particle ("Tamim" "bin" "Hamad" "Al Thani",
      "Sayyid Badr bin Hamad" "bin Hamood Albusaidi"), become one mention; its label is the one with
      the larger summed score, the first fragment's on a tie.
    - A "person" made only of forms of address ("H.H.", "His Highness") is dropped; one made only of
      title words ("Crown Prince") becomes a TITLE.
    - A "person" that is a known city or country ("Hanoi") is a place; one right after a place
      ("at Seri" "Perdana") is the rest of the place's name.
    - A name never starts with the head word of a body ("Speaker of the Milli" "Majlis Leyla
      Rustamova"): the word goes back to the title before it, or becomes an ORG.

    >>> t = "Sheikh Tamim bin Hamad Al Thani met H.H. the Crown Prince."
    >>> ents = [Entity(7, 12, "PERSON", 0.8), Entity(13, 16, "PARTICIPANT", 0.5), Entity(17, 22, "PERSON", 0.6),
    ...         Entity(23, 31, "PARTICIPANT", 0.8), Entity(36, 40, "PARTICIPANT", 0.9), Entity(45, 57, "PARTICIPANT", 0.9)]
    >>> [(t[e.start:e.end], e.label) for e in repair_person_mentions(t, ents)]
    [('Tamim bin Hamad Al Thani', 'PERSON'), ('Crown Prince', 'TITLE')]
    """
    people = ("PARTICIPANT", "PERSON")
    ents = sorted(entities, key=lambda e: (e.start, e.end))
    merged: list[list[Entity]] = []
    for e in ents:
        prev = merged[-1][-1] if merged else None
        if (prev is not None and e.label in people and prev.label in people and prev.end <= e.start
                and _JOIN.fullmatch(text[prev.end:e.start])):
            merged[-1].append(e)
        else:
            merged.append([e])
    out: list[Entity] = []
    for run in merged:
        e = run[0]
        prev = out[-1] if out else None
        if e.label in people and prev is not None and prev.label == "LOC" and re.fullmatch(r"[ \t]+", text[prev.end:e.start]):
            out[-1] = Entity(prev.start, run[-1].end, "LOC", prev.score, text[prev.start:run[-1].end])  # "Seri Perdana"
            continue
        if e.label in people:
            e = _split_body_word(text, e, out)
        if len(run) == 1 and e.label in people:
            place = text[e.start:e.end]
            if is_major_city(place) or country_name(place):  # "Hanoi" tagged as a person
                out.append(Entity(e.start, e.end, "LOC" if city_country(place) else "COUNTRY", e.score, e.text))
                continue
        if len(run) > 1:
            weight = {lab: sum(x.score for x in run if x.label == lab) for lab in people}
            label = max(people, key=lambda lab: (weight[lab], lab == e.label))
            e = Entity(run[0].start, run[-1].end, label, sum(x.score for x in run) / len(run),
                       text[run[0].start:run[-1].end])
        if e.label in people and is_title_words(text[e.start:e.end]):
            out.append(Entity(e.start, e.end, "TITLE", e.score, e.text))
            continue
        if e.label in people and is_address_only(text[e.start:e.end]):
            continue
        out.append(e)
    return out


def _split_body_word(text: str, e: Entity, out: list[Entity]) -> Entity:
    """Move a leading body word off a person mention (see :func:`repair_person_mentions`); ``out``
    holds the entities before ``e`` and may have its last TITLE extended."""
    m = re.match(r"(\S+)(\s+)(?=\S)", text[e.start:e.end])
    if not m or fold(m.group(1)).strip(".,'") not in BODY_WORDS:
        return e
    word_end = e.start + len(m.group(1))
    prev = out[-1] if out else None
    if prev is not None and prev.label == "TITLE" and re.fullmatch(r"[ \t]+", text[prev.end:e.start]):
        out[-1] = Entity(prev.start, word_end, "TITLE", prev.score, text[prev.start:word_end])
    else:
        out.append(Entity(e.start, word_end, "ORG", e.score, text[e.start:word_end]))
    start = e.start + m.end()
    return Entity(start, e.end, e.label, e.score, text[start:e.end])
