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

import re
import bisect
import unicodedata
from dataclasses import dataclass, field

from diplomodel.models.labels import Entity
from diplomodel.extraction.cues import city_country
from diplomodel.knowledge.normalize import HONORIFICS, clean_name, country_name

#: Name particles ignored when matching ("bin Salman" ~ "Mohammed bin Salman Al Saud").
PARTICLES: frozenset[str] = frozenset({
    "bin", "ibn", "bint", "binti", "al", "el", "al-", "abu", "von", "van", "der", "den", "de", "da", "di",
    "del", "della", "du", "la", "le", "dos", "das", "y", "ben", "ould", "bn",
})


def fold(s: str) -> str:
    """Lower-case ASCII-ish form: accents stripped, curly quotes straightened."""
    s = unicodedata.normalize("NFKD", s.replace("’", "'"))
    return "".join(ch for ch in s if not unicodedata.combining(ch)).lower()


def skeleton(word: str) -> str:
    """First letter plus the remaining consonants, doubled letters collapsed (transliteration key).

    >>> skeleton("Mohammed"), skeleton("Muhammad"), skeleton("Sergei"), skeleton("Sergey")
    ('mhmd', 'mhmd', 'srg', 'srg')
    >>> skeleton("Aliyev"), skeleton("Aliyeva")
    ('alv', 'alva')
    """
    w = re.sub(r"[^a-z]", "", fold(word))
    if not w:
        return ""
    rest = re.sub(r"[aeiouy]", "", w[1:])
    out = w[0]
    for ch in rest:
        if ch != out[-1]:
            out += ch
    if len(w) > 2 and w.endswith("a"):  # feminine surnames: Aliyev != Aliyeva
        out += "a"
    return out


def name_keys(name: str) -> list[str]:
    """Matching keys of a name: skeletons of its words, honorifics and particles dropped.

    >>> name_keys("H.E. Mohammed bin Salman Al Saud"), name_keys("bin Salman"), name_keys("Sheikh")
    (['mhmd', 'slmn', 'sd'], ['slmn'], [])
    >>> name_keys("Prince Turki")
    ['trk']
    """
    words = re.split(r"[\s\-]+", clean_name(name))
    keys = []
    for w in words:
        f = fold(w).strip(".,'")
        if not f or f in PARTICLES or f in HONORIFICS:  # a bare "Sheikh" is nobody's name
            continue
        f = re.sub(r"^(?:al|el)-", "", f)
        k = skeleton(f)
        if k:
            keys.append(k)
    return keys


def names_match(a: str, b: str) -> bool:
    """True when one name is the other, or a part of it that includes the surname or a full word set.

    >>> names_match("Ms Gafarova", "Sahiba Gafarova"), names_match("Sergey Lavrov", "Sergei Lavrov")
    (True, True)
    >>> names_match("Sahiba Gafarova", "Sahiba Aliyeva")
    False
    """
    ka, kb = name_keys(a), name_keys(b)
    if not ka or not kb:
        return False
    small, big = (ka, kb) if len(ka) <= len(kb) else (kb, ka)
    return set(small) <= set(big)


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
    having: dict[str, set[int]] = {}  # key -> the people whose name has it
    for m, keys in sorted(keyed, key=lambda mk: (-len(mk[1]), mk[0].start)):
        fits = sorted(set.intersection(*(having.get(k, set()) for k in keys)))  # people with all keys
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
        p.name = max(forms, key=lambda f: (len(name_keys(f)), len(f), -forms.index(f)))
    people.sort(key=lambda p: p.mentions[0].start)
    return people


def _distance(ends: list[int], starts: list[int], pos: int) -> tuple[int, int]:
    """Nearest preceding mention first; a person only mentioned later comes after.

    ``ends``/``starts`` are the person's mention ends and starts, sorted: binary searches, so an
    article naming someone thousands of times stays fast.

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


#: Words of office that are no forms of address: a "person" of these (and forms of address) is a title.
TITLE_WORDS: frozenset[str] = frozenset({
    "sultan", "president", "minister", "premier", "chancellor", "speaker", "chairman", "secretary",
    "ambassador", "envoy", "deputy", "vice", "prime", "foreign", "general", "governor", "mayor",
})
#: Royal titles, forms of address too: a "person" made only of them ("Crown Prince") is a title.
ROYAL_WORDS: frozenset[str] = frozenset({"crown", "prince", "princess", "king", "queen", "emir", "amir", "sultan"})
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
            if city_country(place) or country_name(place):  # "Hanoi" tagged as a person
                out.append(Entity(e.start, e.end, "LOC" if city_country(place) else "COUNTRY", e.score, e.text))
                continue
        if len(run) > 1:
            weight = {lab: sum(x.score for x in run if x.label == lab) for lab in people}
            label = max(people, key=lambda lab: (weight[lab], lab == e.label))
            e = Entity(run[0].start, run[-1].end, label, sum(x.score for x in run) / len(run),
                       text[run[0].start:run[-1].end])
        if e.label in people:
            words = [fold(w).strip(".,'") for w in re.split(r"\s+", text[e.start:e.end].strip()) if w]
            if all(w in HONORIFICS or w in TITLE_WORDS for w in words):
                if any(w in TITLE_WORDS for w in words) or all(w in ROYAL_WORDS for w in words):
                    out.append(Entity(e.start, e.end, "TITLE", e.score, e.text))
                continue
        out.append(e)
    return out


#: Head words of parliaments, ministries and other bodies: never the first word of a person's name.
BODY_WORDS: frozenset[str] = frozenset({
    "majlis", "assembly", "council", "parliament", "senate", "duma", "ministry", "kenesh", "khural", "rada",
    "sejm", "knesset", "congress", "commission", "committee", "agency", "cabinet", "chamber", "jirga",
    "shura", "mazhilis", "government", "secretariat", "presidency", "court",
})


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
