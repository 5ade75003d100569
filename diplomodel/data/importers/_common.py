"""Helpers shared by the importers: country/demonym lookup, title lexicon, span tools.

Example:
    >>> from diplomodel.data.importers._common import is_country, is_demonym, split_title
    >>> is_country("the Kingdom of Morocco"), is_country("Rabat"), is_demonym("Moroccan")
    (True, False, True)
    >>> split_title("Foreign Minister Mevlut Cavusoglu")
    (0, 16)
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterable

from diplomodel.models.text import split_words

Span = dict[str, Any]

_ALIASES = """u.s., us, usa, u.s.a., america, uk, u.k., britain, great britain, england, scotland,
wales, russia, iran, syria, south korea, north korea, vietnam, taiwan, palestine, bolivia, venezuela,
tanzania, laos, moldova, czech republic, czechia, macedonia, ivory coast, burma, holland, kosovo,
vatican, soviet union, ussr, yugoslavia, zaire, east germany, west germany, turkey, turkiye,
micronesia, brunei, cape verde, swaziland, congo, dr congo, drc, republic of congo, gambia, uae,
u.a.e., prc, ksa, dprk, united states of america, united kingdom""".replace("\n", " ").split(", ")

# Nationality adjectives/demonyms of states, lower case, written out by hand.
_DEMONYMS = """afghan albanian algerian american andorran angolan argentine argentinian armenian australian
austrian azerbaijani azeri bahamian bahraini bangladeshi barbadian belarusian belgian belizean beninese
bhutanese bolivian bosnian botswanan brazilian british briton bruneian bulgarian burkinabe burmese
burundian cambodian cameroonian canadian chadian chilean chinese colombian congolese costa rican
croatian cuban cypriot czech danish djiboutian dominican dutch ecuadorian egyptian emirati english
eritrean estonian ethiopian fijian filipino finnish french gabonese gambian georgian german ghanaian
greek grenadian guatemalan guinean guyanese haitian honduran hungarian icelandic indian indonesian
iranian iraqi irish israeli italian ivorian jamaican japanese jordanian kazakh kazakhstani kenyan
korean kosovar kuwaiti kyrgyz lao laotian latvian lebanese liberian libyan lithuanian luxembourgish
macedonian malagasy malawian malaysian maldivian malian maltese mauritanian mauritian mexican moldovan
monegasque mongolian montenegrin moroccan mozambican namibian nepalese nepali new zealand nicaraguan
nigerian nigerien north korean norwegian omani pakistani palestinian panamanian paraguayan peruvian
philippine polish portuguese qatari romanian russian rwandan salvadoran samoan saudi scottish senegalese
serbian seychellois singaporean slovak slovakian slovenian somali south african south korean
south sudanese soviet spanish sri lankan sudanese surinamese swedish swiss syrian taiwanese tajik
tanzanian thai togolese tongan trinidadian tunisian turkish turkmen ugandan ukrainian uruguayan uzbek
venezuelan vietnamese welsh yemeni yugoslav zambian zimbabwean west german east german""".split()
_DEMONYMS = set(_DEMONYMS) - {"costa", "rican", "new", "zealand", "north", "south", "african", "sri",
                              "lankan", "west", "east"}

_MULTI_DEMONYMS = {"costa rican", "new zealand", "north korean", "south african", "south korean",
                   "south sudanese", "sri lankan", "west german", "east german"}

#: Role words that make up a title ("Foreign Minister", "Speaker", "Secretary of State"...).
TITLE_WORDS = set(w.strip(".") for w in """president vice prime minister ministers foreign deputy secretary general
speaker ambassador envoy special chancellor king queen prince princess emperor sheikh sultan emir
premier governor mayor senator senators congressman congresswoman representative rep. sen. gov.
commander chief chairman chairwoman chair director head spokesman spokeswoman spokesperson
lieutenant general gen. col. colonel admiral major captain adm. lt. sgt. sergeant marshal
lord lady excellency majesty highness pope cardinal archbishop bishop
high commissioner undersecretary under assistant permanent state defense defence affairs
interior finance trade justice parliament parliamentary member mp leader opposition acting former
first lady crown secretary-general minister-designate president-elect ayatollah supreme
senior officer official officials army navy air force chiefs staff joint office elect designate
secretary-general presidential advisor adviser capt cmdr coordinator representative""".split())
#: Honorifics: left outside both the name and the title.
HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "madam", "h.e", "his", "her"}
_TITLE_GLUE = {"of", "for", "the", "and", "to"}


@lru_cache(maxsize=1)
def _country_index() -> set[str]:
    import pycountry

    names: set[str] = set()
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            v = getattr(c, attr, None)
            if v:
                names.add(v.lower())
                if "," in v:  # "Korea, Republic of" -> "Republic of Korea"
                    a, _, b = v.partition(",")
                    names.add(f"{b.strip()} {a.strip()}".lower())
    names.update(a.strip() for a in _ALIASES)
    return names


def is_country(text: str) -> bool:
    """Whether ``text`` names a state (name, official name, common alias), ignoring a leading "the"."""
    t = " ".join(text.split()).lower()
    if t.startswith("the "):
        t = t[4:]
    return t in _country_index() or t.replace(".", "") in {"us", "uk", "uae", "usa", "ussr"}


def is_demonym(text: str) -> bool:
    """Whether ``text`` is a nationality adjective/demonym of a state ("Moroccan", "South Korean")."""
    t = " ".join(text.split()).lower()
    if t.endswith("s") and t[:-1] in _DEMONYMS and t not in _DEMONYMS:  # "Afghans", "Iraqis"
        t = t[:-1]
    return t in _DEMONYMS or t in _MULTI_DEMONYMS


def split_title(mention: str) -> tuple[int, int] | None:
    """Char span of the leading title words of a person mention, or ``None``.

    Title words are taken from the start while they are in :data:`TITLE_WORDS`, glue words
    ("of", "the"...) or capitalised words after "of"/"for" ("Minister for the Middle East"
    is all title). A leading country or nationality ("U.S.", "Iraqi") stays outside the title
    (see :func:`leading_country`).
    """
    words = split_words(mention)
    lead = leading_country(mention)
    i = 1 if words and mention[words[0][0]:words[0][1]].lower() == "the" else 0
    while lead and i < len(words) and words[i][1] <= lead[1]:
        i += 1
    start = words[i][0] if i < len(words) else None
    last, after_glue = None, False
    while i < len(words):
        w = mention[words[i][0]:words[i][1]]
        lw = w.lower()
        if lw in TITLE_WORDS or (lw in (".", "-") and last == i - 1):
            last, after_glue = i, False
        elif lw in _TITLE_GLUE and last is not None:
            after_glue = True
        elif after_glue and w[:1].isupper():
            if leading_country(mention[words[i][0]:] + " x"):
                break
            last = i
        else:
            break
        i += 1
    if last is None or start is None:
        return None
    if last == len(words) - 1:  # "Envoy for the Global Coalition to Counter ISIL Brett McGurk"
        glue = max((k for k in range(last + 1) if mention[words[k][0]:words[k][1]].lower() in _TITLE_GLUE),
                   default=None)
        if glue is not None and last - glue >= 3 and mention[words[last][0]:words[last][1]].lower() not in TITLE_WORDS:
            last -= 2
    return start, words[last][1]


def leading_country(mention: str) -> tuple[int, int] | None:
    """Char span of a country name or nationality adjective opening ``mention``, or ``None``.

    >>> leading_country("U.S. Secretary of State")
    (0, 4)
    """
    words = split_words(mention)
    for k in range(min(5, len(words) - 1), -1, -1):
        piece = mention[words[0][0]:words[k][1]]
        if k + 1 < len(words) and (is_country(piece) or is_demonym(piece)):
            return words[0][0], words[k][1]
    return None


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Widen ``start``/``end`` to word boundaries of :func:`split_words`; strip spaces and a
    leading "the"/"The"; ``None`` if nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return None
    words = [(s, e) for s, e in split_words(text) if e > start and s < end]
    if not words:
        return None
    if len(words) > 1 and text[words[0][0]:words[0][1]].lower() == "the":
        words = words[1:]
    return words[0][0], words[-1][1]


def resolve_overlaps(spans: Iterable[Span]) -> list[Span]:
    """Keep non-overlapping spans, preferring higher ``score`` then longer spans; sorted.

    >>> resolve_overlaps([{"start": 0, "end": 5, "label": "ORG", "score": 0.6},
    ...                   {"start": 0, "end": 9, "label": "ORG", "score": 0.6},
    ...                   {"start": 6, "end": 9, "label": "LOC", "score": 0.9}])
    [{'start': 0, 'end': 5, 'label': 'ORG'}, {'start': 6, 'end': 9, 'label': 'LOC'}]
    """
    ranked = sorted(spans, key=lambda s: (-s.get("score", 1.0), -(s["end"] - s["start"]), s["start"]))
    kept: list[Span] = []
    for s in ranked:
        if all(s["end"] <= k["start"] or s["start"] >= k["end"] for k in kept):
            kept.append(s)
    return sorted(({"start": s["start"], "end": s["end"], "label": s["label"]} for s in kept),
                  key=lambda s: s["start"])


def join_tokens(sentences: list[list[str]]) -> tuple[str, list[list[tuple[int, int]]]]:
    """Join tokens with single spaces and sentences with newlines; return text and token offsets."""
    parts, offsets, pos = [], [], 0
    for si, toks in enumerate(sentences):
        if si:
            parts.append("\n")
            pos += 1
        sent = []
        for ti, tok in enumerate(toks):
            if ti:
                parts.append(" ")
                pos += 1
            parts.append(tok)
            sent.append((pos, pos + len(tok)))
            pos += len(tok)
        offsets.append(sent)
    return "".join(parts), offsets


def bio_chunks(tags: list[str]) -> list[tuple[int, int, str]]:
    """Token chunks ``(first, last_exclusive, type)`` of IOB1 or IOB2 tags (``B-X``/``I-X``/``O``).

    >>> bio_chunks(["I-PER", "I-PER", "B-PER", "O", "I-LOC"])
    [(0, 2, 'PER'), (2, 3, 'PER'), (4, 5, 'LOC')]
    """
    out, cur = [], None
    for i, tag in enumerate(list(tags) + ["O"]):
        kind = tag[2:] if tag[:2] in ("B-", "I-") else None
        if cur is not None and (kind != cur[2] or tag.startswith("B-")):
            out.append((cur[0], i, cur[2]))
            cur = None
        if kind is not None and cur is None:
            cur = [i, None, kind]
    return out


def word_safe(text: str, spans: list[Span]) -> list[Span]:
    """Snap spans to word boundaries and drop the empty ones, then resolve overlaps."""
    out = []
    for s in spans:
        snapped = snap_to_words(text, s["start"], s["end"])
        if snapped:
            out.append({**s, "start": snapped[0], "end": snapped[1]})
    return resolve_overlaps(out)
