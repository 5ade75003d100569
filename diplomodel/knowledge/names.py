"""Words around people's names: forms of address, words of office, name particles; ``clean_name``.

One home for these lists: the extraction rules (a "person" made only of words of office is a title),
the importers that write training labels (where a title ends and a name begins) and the metrics
(names compared without "Mr." or "H.E.") all read them here.

Names are matched by the consonant skeletons of their words (:func:`name_keys`), so "Sergey Lavrov"
and "Sergei Lavrov" are one person for both extraction and the metrics.

Example:
    >>> from diplomodel.knowledge.names import clean_name, is_title_words
    >>> clean_name("H.E. Ms. Sahiba Gafarova's"), is_title_words("Crown Prince"), is_title_words("Ana Lopez")
    ('Sahiba Gafarova', True, False)
"""
from __future__ import annotations

import html
import re

from diplomodel.knowledge.text import fold

#: Forms of address, stripped from names (lower case, without the trailing dot).
HONORIFICS: frozenset[str] = frozenset({
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "madam", "madame", "mme", "mlle",
    "monsieur", "m", "h.e", "he", "sheikh", "shaikh", "sheikha", "hon", "honourable", "honorable", "rev",
    "excellency", "majesty", "highness", "his", "her", "lord", "lady", "mister",
    "prince", "princess", "sayyid", "sayed", "sayyida", "emir", "amir", "king", "queen", "hrh",
    "datuk", "dato", "shri", "smt", "mrs.", "president-elect", "h.h", "hh", "h.r.h", "seri", "tun",
    "crown", "royal", "ayatollah", "the",
})

#: Words of office that make up a title ("Foreign Minister", "Speaker", "Secretary of State"), lower case.
TITLE_WORDS: frozenset[str] = frozenset("""
prez plenipotentiary extraordinary councillor councilor charge chargé d'affaires
acting adm admiral adviser advisor affairs air ambassador archbishop army assistant ayatollah bishop
capt captain cardinal chair chairman chairwoman chancellor chief chiefs cmdr col colonel commander
commissioner congressman congresswoman coordinator crown defence defense deputy designate director elect
emir emperor envoy excellency finance first force foreign former gen general gov governor head high
highness interior joint justice king lady leader lieutenant lord lt majesty major marshal mayor member
minister minister-designate ministers mp navy office officer official officials opposition parliament
parliamentary permanent pope premier president president-elect presidential prime prince princess queen
rep representative secretary secretary-general sen senator senators senior sergeant sgt sheikh speaker
special spokesman spokesperson spokeswoman staff state sultan supreme trade under undersecretary vice
""".split())

#: Royal titles, forms of address too: a "person" made only of them ("Crown Prince") is a title.
ROYAL_WORDS: frozenset[str] = frozenset({"crown", "prince", "princess", "king", "queen", "emir", "amir", "sultan"})

#: Name particles ignored when matching names ("bin Salman" ~ "Mohammed bin Salman Al Saud").
PARTICLES: frozenset[str] = frozenset({
    "bin", "ibn", "bint", "binti", "al", "el", "al-", "abu", "von", "van", "der", "den", "de", "da", "di",
    "del", "della", "du", "la", "le", "dos", "das", "y", "ben", "ould", "bn",
})

#: Head words of parliaments, ministries and other bodies: never the first word of a person's name.
BODY_WORDS: frozenset[str] = frozenset({
    "majlis", "assembly", "council", "parliament", "senate", "duma", "ministry", "kenesh", "khural", "rada",
    "sejm", "knesset", "congress", "commission", "committee", "agency", "cabinet", "chamber", "jirga",
    "shura", "mazhilis", "government", "secretariat", "presidency", "court",
})


def is_title_words(text: str) -> bool:
    """Whether ``text`` is made only of forms of address and words of office, with at least one
    word of office that is no form of address, or only royal words ("Crown Prince", "H.E. the Minister"): a title, not a name.

    >>> is_title_words("His Highness"), is_title_words("Prime Minister"), is_title_words("Sheikh Tamim")
    (False, True, False)
    """
    words = [fold(w).strip(".,'") for w in re.split(r"\s+", text.strip()) if w]
    if not words or not all(w in HONORIFICS or w in TITLE_WORDS for w in words):
        return False
    return any(w in TITLE_WORDS and w not in HONORIFICS for w in words) or all(w in ROYAL_WORDS for w in words)


def is_address_only(text: str) -> bool:
    """Whether ``text`` is made only of forms of address ("H.H.", "His Excellency").

    >>> is_address_only("H.H."), is_address_only("Mr Khan")
    (True, False)
    """
    words = [fold(w).strip(".,'") for w in re.split(r"\s+", text.strip()) if w]
    return bool(words) and all(w in HONORIFICS for w in words)


def clean_name(text: str) -> str:
    """A person's name without honorifics, possessive, surrounding punctuation or extra spaces.

    >>> clean_name("  His Excellency Mr. Hakan  Fidan, ")
    'Hakan Fidan'
    >>> clean_name("Najib Mikatirsquo"), clean_name("Najib Mikati&rsquo;s")
    ('Najib Mikati', 'Najib Mikati')
    >>> clean_name("Dr")  # never returns an empty name if there was one
    'Dr'
    """
    s = re.sub(r"\s+", " ", html.unescape(text)).strip(" \t\n,;:()\"'")
    s = re.sub(r"&?(?:rsquo|#8217|#39);?s?$", "", s)  # "Mikati&rsquo;s" of a page whose entities were not decoded
    s = re.sub(r"['’]s?$", "", s).strip()
    words = s.split(" ")
    i = 0
    while i < len(words) - 1 and fold(words[i]).rstrip(".'") in HONORIFICS:
        i += 1
    return " ".join(words[i:]) or s


# ---------------------------------------------------------------------------------------- matching

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


def title_f1(pred: str | None, gold: str | None) -> float:
    """Token F1 of two titles, case-folded, ignoring "of"/"the"/"and".

    >>> title_f1("Speaker", "Speaker of the Milli Majlis"), title_f1(None, None)
    (0.5, 1.0)
    """
    stop = {"of", "the", "and", "a"}
    p = [w for w in re.findall(r"\w+", fold(pred or "")) if w not in stop]
    g = [w for w in re.findall(r"\w+", fold(gold or "")) if w not in stop]
    if not p and not g:
        return 1.0
    if not p or not g:
        return 0.0
    common = sum(min(p.count(w), g.count(w)) for w in set(p))
    if common == 0:
        return 0.0
    prec, rec = common / len(p), common / len(g)
    return 2 * prec * rec / (prec + rec)
