"""People of the synthetic corpus: name building per naming tradition, split partition, mention styles.

Example:
    >>> import random
    >>> from diplomodel.data.synth.people import make_person, name_split
    >>> p = make_person(random.Random(3), "Vietnam", "prime_minister", "train", officials=[])
    >>> name_split(p.name)
    'train'
    >>> p.short == p.name.split()[-1]
    True
"""
from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass

from diplomodel.data.synth.facts import Official
from diplomodel.data.synth.inventory import ARAB_COMPOUND, COUNTRIES, NAME_POOLS, Country, country
from diplomodel.data.synth.lexicon import FM_LOCAL, ROLES
from diplomodel.data.synth.render import Segment

VI_GIVEN = "Chinh Son Hai Phuc Trung Hung Dung Lan Mai Hoa Tuan Long Thang Vuong Nam Quang Binh".split()
_ARAB_HOME = {"Al Saud": "Saudi Arabia", "Al Nahyan": "United Arab Emirates", "Al Thani": "Qatar",
              "Al Busaidi": "Oman", "Al Zayani": "Bahrain", "Al-Sabah": "Kuwait", "Al Attiyah": "Qatar"}
_FEMALE = {n for p in NAME_POOLS.values() for n in p.female}
_NEEDS_THE_FIRST = {"United", "Netherlands", "Philippines", "Czech", "UAE", "U.S.", "US", "UK", "Kingdom", "State",
                    "Republic", "Sultanate", "Islamic", "Federal", "Federative", "Arab", "Hashemite", "People's",
                    "Hellenic", "French", "Italian", "Lao", "PRC", "ROK", "Russian"}


def _h(s: str) -> int:
    return int.from_bytes(hashlib.md5(s.encode("utf-8")).digest()[:4], "big")


def name_split(name: str) -> str:
    """The split a person name belongs to: about 20% of names are held out."""
    return "heldout" if _h("name:" + name) % 5 == 0 else "train"


@dataclass(frozen=True)
class Person:
    """A person: full name, later-mention form, country, role key, gender, optional honorific."""

    key: str
    name: str
    short: str
    country: str
    role: str
    gender: str = "m"
    honorific: str | None = None

    @property
    def his(self) -> str:
        return "her" if self.gender == "f" else "his"


def _feminine(fam: str) -> str:
    for a, b in (("ov", "ova"), ("ev", "eva"), ("in", "ina"), ("sky", "skaya")):
        if fam.endswith(a):
            return fam[: -len(a)] + b
    return fam


def _synth(rng: random.Random, c: Country) -> tuple[str, str, str, str | None]:
    pool = NAME_POOLS.get(c.region) or NAME_POOLS["en"]
    gender = "f" if rng.random() < 0.25 else "m"
    given = rng.choice(pool.female if gender == "f" else pool.male)
    fam = rng.choice(pool.family)
    if c.region in ("az", "ru", "ca") and gender == "f":
        fam = _feminine(fam)
    if c.region == "ar" and rng.random() < 0.3:
        cands = [a for a in ARAB_COMPOUND if _ARAB_HOME.get(next((k for k in _ARAB_HOME if a[0].endswith(k)), ""))
                 == c.name]
        if cands:
            full, short, hon = rng.choice(cands)
            return full, short, "m", hon
    if pool.order == "fg":
        return f"{fam} {given}", fam, gender, None
    if pool.order == "vi":
        mid = rng.choice(pool.female if gender == "f" else pool.male)
        last = rng.choice(VI_GIVEN)
        return f"{fam} {mid} {last}", last, gender, None
    if pool.order == "gf1":
        return f"{given} {fam}", given, gender, None
    if c.region == "in" and rng.random() < 0.15:
        return f"{given[0]}. {fam}", fam, gender, None
    if c.region in ("es", "pt") and rng.random() < 0.3:
        given = f"{given} {rng.choice(pool.female if gender == 'f' else pool.male)}"
    return f"{given} {fam}", fam, gender, None


def _short_of(name: str, c: Country) -> str:
    toks = name.split()
    pool = NAME_POOLS.get(c.region)
    if pool and pool.order == "fg":
        return toks[0]
    if "bin" in toks:
        return toks[0]
    for i, t in enumerate(toks[1:], 1):
        if t in ("de", "da", "van", "von", "Le", "del", "di", "Di", "De"):
            return " ".join(toks[i:])
    return toks[-1]


def make_person(rng: random.Random, country_name: str, role: str, split: str, officials: list[Official],
                taken: set[str] | None = None, real_ok: bool = True) -> Person:
    """A person of ``country_name`` with ``role`` whose name belongs to ``split`` and is not in ``taken``."""
    c = country(country_name)
    taken = taken if taken is not None else set()
    real = [o for o in (officials if real_ok else []) if o.country == country_name and o.role == role and name_split(o.name) == split
            and o.name not in taken]
    for attempt in range(600):
        if real and rng.random() < 0.35 and attempt < 60:
            o = rng.choice(real)
            name, short, hon = o.name, _short_of(o.name, c), None
            gender = "f" if name.split()[0] in _FEMALE else "m"
        else:
            # a small pool may run out of names of this split: borrow another tradition's pool then
            name, short, gender, hon = _synth(rng, c if attempt < 60 else rng.choice(COUNTRIES))
        if name_split(name) == split and name not in taken:
            taken.add(name)
            return Person(f"p{len(taken)}", name, short, country_name, role, gender, hon)
    raise RuntimeError(f"no {split} name for {country_name}")  # pragma: no cover


def country_mention(rng: random.Random, c: Country, allow_variants: bool = True) -> list[Segment]:
    """The country as written: short name, variant or official name; a needed "the" stays outside."""
    text = c.name
    r = rng.random()
    if allow_variants and r < 0.12 and c.variants:
        text = rng.choice(c.variants)
    elif allow_variants and r < 0.2 and c.official:
        text = c.official
    first = text.split()[0]
    the = first in _NEEDS_THE_FIRST or "Republic" in text or "Kingdom" in text or "Federation" in text
    return ([("the ", None, None)] if the else []) + [(text, "COUNTRY", None)]


def title_text(rng: random.Random, p: Person) -> str:
    """A capitalised title wording for ``p``'s role."""
    if p.role == "foreign_minister" and p.country in FM_LOCAL and rng.random() < 0.7:
        return rng.choice(FM_LOCAL[p.country])
    if p.role == "speaker":
        return rng.choice(("Speaker", "Parliament Speaker", "Chairman" if p.gender == "m" else "Chairwoman"))
    return rng.choice(ROLES[p.role].titles)


def full_mention(rng: random.Random, p: Person, label: str, host: str | None = None,
                 next_lit: str = "") -> list[Segment]:
    """First mention of ``p`` with a title, in one of many styles; only the name carries ``label``."""
    c = country(p.country)
    name: list[Segment] = ([(p.honorific + " ", None, None)] if p.honorific and rng.random() < 0.6 else []) + \
        [(p.name, label, p.key)]
    t = title_text(rng, p)
    T = (t, "TITLE", None)
    dem = (c.demonym, "COUNTRY", None)
    style = rng.randrange(10)
    if p.role == "speaker" and style < 4:
        parl = (c.parliament, "ORG", None)
        return rng.choice([[parl, (" ", None, None), ("Speaker", "TITLE", None), (" ", None, None)] + name,
                           [("Speaker", "TITLE", None), (" of the ", None, None), parl, (" ", None, None)] + name,
                           [parl, (" (Parliament) ", None, None), ("Speaker", "TITLE", None), (" ", None, None)] + name,
                           [dem, (" ", None, None), parl, (" ", None, None), ("Speaker", "TITLE", None),
                            (" ", None, None)] + name])
    if p.role == "ambassador" and host and host != p.country and style < 6:
        h = country_mention(rng, country(host), allow_variants=False)
        if style < 3:
            return [dem, (" ", None, None), ("Ambassador", "TITLE", None), (" to ", None, None)] + h + \
                [(" ", None, None)] + name
        return [("Ambassador", "TITLE", None), (" of ", None, None)] + country_mention(rng, c) + \
            [(" to ", None, None)] + h + [(", ", None, None)] + name
    if style in (0, 1):
        return [dem, (" ", None, None), T, (" ", None, None)] + name
    if style == 2:
        return [T, (" ", None, None)] + name
    if style == 3:
        return [T, (" of ", None, None)] + country_mention(rng, c) + [(" ", None, None)] + name
    if style == 4:
        after = rng.choice(ROLES[p.role].after)
        tail = [] if next_lit[:1] in (",", ".", ";", ":", ")") else [(",", None, None)]
        return name + [(", the ", None, None), (after, "TITLE", None), (" of ", None, None)] + \
            country_mention(rng, c) + tail
    if style == 5:
        if p.role == "foreign_minister" and rng.random() < 0.5:
            T = ("top diplomat", "TITLE", None)
        return country_mention(rng, c, allow_variants=False)[-1:] + [("'s ", None, None), T, (" ", None, None)] + name
    if style == 6:
        return [T, (" ", None, None)] + name + [(" of ", None, None)] + country_mention(rng, c)
    if style == 7 and ROLES[p.role].org and "{" not in (ROLES[p.role].org or "{"):
        return [dem, (" ", None, None), T, (" ", None, None)] + name
    return [dem, (" ", None, None), T, (" ", None, None)] + name


def later_mention(rng: random.Random, p: Person, label: str) -> list[Segment]:
    """A later reference: surname, honorific + surname, full name, or a bare title (no name)."""
    r = rng.random()
    if r < 0.45:
        return [(p.short, label, p.key)]
    if r < 0.6:
        hon = "Ms." if p.gender == "f" else rng.choice(("Mr.", "Mr"))
        if p.honorific:
            hon = p.honorific
        return [(hon + " ", None, None), (p.short, label, p.key)]
    if r < 0.72:
        return [(p.name, label, p.key)]
    if r < 0.86:
        t = ROLES[p.role]
        return [("the ", None, None), (rng.choice(t.titles[:1] + t.after[:1]), "TITLE", None)]
    c = country(p.country)
    return [("the ", None, None), (c.demonym, "COUNTRY", None), (" ", None, None),
            (ROLES[p.role].after[0], "TITLE", None)]
