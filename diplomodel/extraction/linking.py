"""Linking a person mention to the TITLE / COUNTRY / ORG entities that describe it.

A chain of attribute entities is read outward from the name inside its sentence: backwards while the
gaps hold only filler words ("Prime Minister of the Kingdom of Morocco Aziz Akhannouch", "Milli Majlis
(Parliament) Speaker Sahiba Gafarova", "Russia's Sergei Lavrov", "his Moroccan counterpart Nasser
Bourita"), and forwards after a comma ("Hakan Fidan, the foreign minister of Turkey,"). A chain never
crosses another person, so two people in one sentence keep their own titles.

Example:
    >>> from diplomodel.models.labels import Entity
    >>> from diplomodel.extraction.linking import link_mention
    >>> t = "Turkish Foreign Minister Hakan Fidan met Russia's Sergei Lavrov."
    >>> ents = [Entity(0, 7, "COUNTRY"), Entity(8, 24, "TITLE"), Entity(25, 36, "PARTICIPANT"),
    ...         Entity(41, 47, "COUNTRY"), Entity(50, 63, "PARTICIPANT")]
    >>> a = link_mention(t, ents[2], ents, (0, len(t))); (a.title, a.country)
    ('Foreign Minister', 'Turkey')
    >>> a = link_mention(t, ents[4], ents, (0, len(t))); (a.title, a.country)
    (None, 'Russia')
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from diplomodel.models.labels import Entity
from diplomodel.knowledge.geo import country_name

PERSON_LABELS = ("PARTICIPANT", "PERSON")
ATTR_LABELS = ("TITLE", "COUNTRY", "ORG")

_FILLER = (r"(?:\s|\(|\)|\([^()]{0,40}\)|-|['’]s?(?![a-z])|"
           r"\b(?:of|to|the|his|her|their|its|and|counterparts?|newly|appointed|new|then|incumbent|acting)\b|"
           r"\b(?:Dr|Mr|Mrs|Ms|Prof|H\.\s?E|Sheikh|Sheikha|Prince|Princess|Sayyid|Sir|Dame|Mme)\b\.?)*")
_PRE_GAP = re.compile(_FILLER + r"$", re.I)
_COUNTERPART_COMMA = re.compile(r"\s+counterparts?\s*,\s*", re.I)
_PRE_GAP_COMMA = re.compile(r"\s*,?\s*$")  # "Foreign Minister, Jeyhun Bayramov"
_POST_OF = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?$", re.I)  # "Jan Novak of the Czech Republic"
_POST_FIRST = re.compile(r"\s*,\s*(?:who\s+(?:is|serves\s+as|was|has\s+been)\s+|also\s+)?(?:the\s+|a\s+|an\s+)?"
                         r"(?:\w+['’]s\s+)?(?:(?:visiting|new|newly[- ]appointed|acting|incumbent)\s+)?$", re.I)
_TITLE_TO = re.compile(r"(?i)\b(?:ambassador|envoy|high commissioner|representative|minister|president|"
                       r"secretary|speaker|consul)s?\s+(?:to|of)\s+(?:the\s+)?$")
#: Between a name and the title of its appositive: "Y, the top diplomat of Chile", "Y, Foreign Minister of Peru".
_APPOSITIVE = re.compile(r"\s*,\s*(?:the\s+|a\s+|an\s+)?(?:\w+['’]s\s+)?", re.I)
#: "Fernando Haddad (Brazil)": a country in parentheses right after the name.
_PAREN_COUNTRY = re.compile(r"\s*,?\s*\(\s*$")
#: Between two TITLE entities of one title: "Chairman of the Senate", "Deputy Prime Minister and Foreign Minister".
_TITLE_JOIN = re.compile(r"\s*(?:,\s*)?(?:and|&|of(?:\s+the)?|for(?:\s+the)?|,)?\s*", re.I)

#: Organisations whose country is known by name (a small, deliberately short table).
ORG_COUNTRY: dict[str, str] = {
    "milli majlis": "Azerbaijan", "state duma": "Russia", "federation council": "Russia",
    "kremlin": "Russia", "knesset": "Israel", "bundestag": "Germany", "verkhovna rada": "Ukraine",
    "white house": "United States", "state department": "United States", "us congress": "United States",
    "grand national assembly of turkey": "Turkey",
    "national people's congress": "China", "elysee": "France", "élysée": "France", "downing street": "United Kingdom",
    "quai d'orsay": "France", "sejm": "Poland", "riksdag": "Sweden", "storting": "Norway",
    "oliy majlis": "Uzbekistan", "mazhilis": "Kazakhstan", "jogorku kenesh": "Kyrgyzstan",
}


@dataclass
class Attributes:
    """What a mention's chain says about the person, with the spans that said it."""

    title: str | None = None
    country: str | None = None
    organization: str | None = None
    counterpart: bool = False
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)


def org_country(org: str) -> str | None:
    """Country named inside an organisation's name, or known for it.

    >>> org_country("Ministry of Foreign Affairs of Azerbaijan"), org_country("Moroccan Parliament")
    ('Azerbaijan', 'Morocco')
    >>> org_country("Milli Majlis"), org_country("NATO")
    ('Azerbaijan', None)
    """
    s = re.sub(r"\s+", " ", org).strip()
    known = ORG_COUNTRY.get(s.lower())
    if known:
        return known
    for m in re.finditer(r"\bof (?:the )?", s):
        if country_name(s[m.end():]):
            return country_name(s[m.end():])
    first = re.match(r"([A-Z][\w.'’]+(?: Arab)?)\s", s)
    if first and country_name(first.group(1)):
        return country_name(first.group(1))
    return None


def _chain(text: str, mention: Entity, entities: list[Entity], sent: tuple[int, int]) -> tuple[list[Entity], bool]:
    """Attribute entities adjacent to the mention, and whether a filler said "counterpart"."""
    before = [e for e in entities if sent[0] <= e.start and e.end <= mention.start]
    after = [e for e in entities if mention.end <= e.start and e.end <= sent[1]]
    chain: list[Entity] = []
    gaps: list[str] = []
    cursor = mention.start
    for e in sorted(before, key=lambda e: -e.end):
        if e.end > cursor:
            continue
        gap = text[e.end:cursor]
        if e.label not in ATTR_LABELS:
            break
        first = cursor == mention.start
        # "Foreign Minister, Jeyhun Bayramov"; "British Ambassador to Lebanon, Hamish Cowell"
        titled = e.label == "TITLE" or (e.label == "COUNTRY" and (
            _TITLE_TO.search(text, max(0, e.start - 40), e.start)  # "Minister of Foreign Affairs of Bulgaria, X"
            or any(t.label == "TITLE" and _OF_OR_TO.fullmatch(text[t.end:e.start]) for t in before)))
        if not (_PRE_GAP.fullmatch(gap) or (first and titled and _PRE_GAP_COMMA.fullmatch(gap))
                or (first and _COUNTERPART_COMMA.fullmatch(gap))):  # "his Egyptian counterpart, Sameh Shoukry"
            break
        if re.search(r"\band\b", gap, re.I) and (first or e.label == "COUNTRY"):
            break  # "Y of the Rwandese Republic and Z", "Y, the top diplomat of Chile and Foreign Minister Z": Y's
        if first and titled and "," in gap and _appositive_of_previous(text, e, entities, sent):
            break  # "Y, the minister of foreign affairs of Sweden, Z": Y's country, not Z's
        chain.append(e)
        gaps.append(gap)
        cursor = e.start
    post: list[Entity] = []
    post_gaps: list[str] = []
    of_gap = False
    cursor = mention.end
    for e in sorted(after, key=lambda e: e.start):
        if e.start < cursor:
            continue
        gap = text[cursor:e.start]
        if e.label not in ATTR_LABELS:
            if post and e.label in ("PARTICIPANT", "PERSON") and _PRE_GAP.fullmatch(gap):
                # "X, Colombian Foreign Minister Y" / "X, ... of Lithuania and Italian Minister Y":
                # the attributes after the last "and"/comma introduce Y
                cut = max((k for k, g in enumerate(post_gaps) if k and re.search(r",|\band\b", g)), default=0)
                post = post[:cut] if cut else post[:1] if of_gap else []
            break
        if cursor == mention.end:
            of_gap = bool(_POST_OF.fullmatch(gap)) and e.label != "TITLE"
            ok = of_gap or _POST_FIRST.fullmatch(gap)
        else:
            ok = _PRE_GAP.fullmatch(gap)
        if not ok:
            break
        post.append(e)
        post_gaps.append(gap)
        cursor = e.end
    if post and (of_gap or any(e.label == "TITLE" for e in post)):
        chain.extend(post)
        gaps.extend(post_gaps[:len(post)])
    counterpart = any(re.search(r"\bcounterparts?\b", g, re.I) for g in gaps)
    return sorted(chain, key=lambda e: e.start), counterpart


def _appositive_of_previous(text: str, country: Entity, entities: list[Entity], sent: tuple[int, int]) -> bool:
    """Whether a titled state ends an appositive of the person before it: "Y, the top diplomat of Chile"."""
    start = country.start
    for t in sorted((e for e in entities if e.label == "TITLE" and sent[0] <= e.start and e.end <= start),
                    key=lambda e: -e.end):
        if not (_OF_OR_TO.fullmatch(text[t.end:start]) or _TITLE_JOIN.fullmatch(text[t.end:start])):
            break
        start = t.start
    people = [p for p in entities if p.label in PERSON_LABELS and sent[0] <= p.start and p.end <= start]
    return start < country.start and bool(people) and bool(
        _APPOSITIVE.fullmatch(text[max(p.end for p in people):start]))


def link_mention(text: str, mention: Entity, entities: list[Entity], sent: tuple[int, int]) -> Attributes:
    """Title, country and organisation of one person mention, from its chain in sentence ``sent``."""
    chain, counterpart = _chain(text, mention, entities, sent)
    # "his Chilean counterpart Z": a tagged "counterpart" is a cue to copy the other side's title
    bare = [e for e in chain if e.label == "TITLE" and re.fullmatch(r"(?i)counterparts?", text[e.start:e.end])]
    chain = [e for e in chain if e not in bare]
    out = Attributes(counterpart=counterpart or bool(bare))
    # "His Royal Highness Prince X, Crown Prince and Prime Minister": forms of address are no title
    chain = [e for e in chain if not (e.label == "TITLE" and _style_only(text[e.start:e.end]))]
    titles = [e for e in chain if e.label == "TITLE"]
    # "Ambassador to Austria": the country a title points to is not the person's own
    countries = [e for e in chain if e.label == "COUNTRY"
                 and not re.search(r"\b(?:to|in|for)\s+(?:the\s+)?$", text[max(0, e.start - 12):e.start], re.I)]
    orgs = [e for e in chain if e.label == "ORG" and not _in_parens(text, e)]
    if titles:
        groups: list[list[Entity]] = []
        for e in chain:
            prev = groups[-1][-1] if groups else None
            if e.label == "TITLE" and prev is not None and prev.label == "TITLE" \
                    and _TITLE_JOIN.fullmatch(text[prev.end:e.start]):
                groups[-1].append(e)
            else:
                groups.append([e])
        spans = [(g[0].start, g[-1].end) for g in groups if g[0].label == "TITLE"]
        tspan = min(spans, key=lambda sp: min(abs(sp[1] - mention.start), abs(sp[0] - mention.end)))
        out.title = _tidy_title(text[tspan[0]:tspan[1]])
        out.spans["title"] = tspan
        org = _org_of_title(text, tspan, orgs)
        if org is not None:
            out.title = f"{out.title} of {_the(text[org.start:org.end])}"
        else:  # "Speaker of the National Assembly of Korea": the body the title heads
            body = next((o for o in orgs if o.start >= tspan[1]
                         and re.fullmatch(r"\s+of\s+(?:the\s+)?", text[tspan[1]:o.start], re.I)), None)
            if body is not None and not _tidy_title(out.title).lower().endswith(" of"):
                out.title = f"{out.title} of {_the(text[body.start:body.end])}"
            else:  # "Ambassador to Malaysia", "Prime Minister of Japan": the state the title is of or to
                state = next((c for c in entities if c.label == "COUNTRY" and c.start >= tspan[1]
                              and c.end <= mention.start and _OF_OR_TO.fullmatch(text[tspan[1]:c.start])), None)
                if state is not None and _is_state(text, state) and (
                        text[tspan[1]:state.start].split()[0].lower() == "to" or _plain_state(text, state)):
                    out.title += re.sub(r"\s+", " ", text[tspan[1]:state.end])
        out.title = _ABBREVIATED.get(out.title, out.title)
    if orgs:
        org = min(orgs, key=lambda e: abs(e.start - (out.spans.get("title") or (mention.start,))[0]))
        out.organization = re.sub(r"\s+", " ", text[org.start:org.end]).strip()
        out.spans["organization"] = (org.start, org.end)
    for c in sorted(countries, key=lambda e: (e.start > mention.start,
                                              min(abs(e.end - mention.start), abs(e.start - mention.end)))):
        name = country_name(text[c.start:c.end])
        if name:
            out.country = name
            out.spans["country"] = (c.start, c.end)
            break
    if out.country is None:  # "Fernando Haddad (Brazil)", "Carlos Cuerpo, (Spain)"
        paren = next((c for c in entities if c.label == "COUNTRY" and mention.end <= c.start <= mention.end + 6
                      and _PAREN_COUNTRY.fullmatch(text[mention.end:c.start])
                      and text[c.end:c.end + 3].lstrip().startswith(")")), None)
        if paren is not None and country_name(text[paren.start:paren.end]):
            out.country = country_name(text[paren.start:paren.end])
            out.spans["country"] = (paren.start, paren.end)
    if out.country is None and out.organization:
        out.country = org_country(out.organization)
        if out.country:
            out.spans["country"] = out.spans["organization"]
    return out


_OF_OR_TO = re.compile(r"\s+(?:of|to)\s+(?:the\s+)?", re.I)
#: Titles written as abbreviations, as an analyst writes them out.
_ABBREVIATED = {"PM": "Prime Minister", "FM": "Foreign Minister", "Prez": "President", "DPM": "Deputy Prime Minister",
                "EAM": "External Affairs Minister", "FS": "Foreign Secretary"}


def _plain_state(text: str, e: Entity) -> bool:
    """A state written by its short name ("Japan"), not its long form ("the Kingdom of Morocco")."""
    name = re.sub(r"\s+", " ", text[e.start:e.end]).strip()
    return not re.search(r"(?i)^(?:the )?(?:kingdom|republic|state|sultanate|emirate|federation|principality)\b", name) \
        and not text[max(0, e.start - 4):e.start].lower().endswith("the ")


def _is_state(text: str, e: Entity) -> bool:
    """Whether a COUNTRY entity names a state (not "Armenian" or a region)."""
    return country_name(text[e.start:e.end]) is not None


_STYLE = frozenset({"his", "her", "royal", "highness", "majesty", "excellency", "h.e", "he", "h.h", "hh", "hrh",
                    "h.r.h", "sheikh", "sheikha", "sayyid", "prince", "princess", "datuk", "dato", "seri", "tun",
                    "honourable", "hon", "dr", "mr", "mrs", "ms"})


def _style_only(title: str) -> bool:
    words = [w.lower().strip(".'’") for w in title.split()]
    return bool(words) and all(w in _STYLE for w in words)


def _in_parens(text: str, e: Entity) -> bool:
    return text[:e.start].rstrip().endswith("(") and text[e.end:].lstrip().startswith(")")


def _org_of_title(text: str, tspan: tuple[int, int], orgs: list[Entity]) -> Entity | None:
    """An ORG written right before the title ("Milli Majlis (Parliament) Speaker"): the title's body."""
    for o in orgs:
        if o.end <= tspan[0] and re.fullmatch(r"\s*(?:\([^()]{0,40}\))?\s*", text[o.end:tspan[0]]):
            return o
    return None


def _the(org: str) -> str:
    org = re.sub(r"\s+", " ", org).strip()
    return org if org.isupper() or org.lower().startswith("the ") else f"the {org}"


def _tidy_title(t: str) -> str:
    t = re.sub(r"\s+", " ", t).strip(" ,")
    t = re.sub(r"^['’]?s\s+(?=[A-Z])", "", t)  # "Premier's Advisor" tagged from the "s": "Advisor"
    t = t.rstrip("'’ ")
    if t.islower():
        small = {"of", "the", "and", "for", "on", "to"}
        t = " ".join(w if w in small else w[:1].upper() + w[1:] for w in t.split(" "))
    return t
