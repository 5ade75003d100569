"""Cue-word rules: sentences, the dateline, the meeting's format and whether a meeting is reported.

Example:
    >>> from diplomodel.extraction.cues import find_format, find_dateline, sentence_spans
    >>> text = "ANKARA, May 3. Hakan Fidan held a video call with Sergei Lavrov."
    >>> find_format(text)[0]
    'video_call'
    >>> d = find_dateline(text); (d.city, d.country)
    ('ANKARA', 'Turkey')
    >>> [text[s:e] for s, e in sentence_spans(text)]
    ['ANKARA, May 3.', 'Hakan Fidan held a video call with Sergei Lavrov.']
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

Span = tuple[int, int]

# ---------------------------------------------------------------------------------------- sentences

_ABBREV = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "lt", "col", "sgt", "capt", "gov", "sen", "rep",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs",
    "etc", "e.g", "i.e", "u.s", "u.k", "u.n", "u.a.e", "h.e", "inc", "co", "corp", "jr", "sr", "mt",
})
_BOUNDARY = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*\n|\n(?=\s*[A-Z(\"“])")


def sentence_spans(text: str) -> list[Span]:
    """Sentence ``(start, end)`` spans of ``text`` (abbreviations like "Mr." and "U.S." do not split).

    >>> t = "Mr. Blinken met U.S. envoys on Dec. 3. They talked."
    >>> [t[s:e] for s, e in sentence_spans(t)]
    ['Mr. Blinken met U.S. envoys on Dec. 3.', 'They talked.']
    """
    spans: list[Span] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if text[m.start()] == "." and "\n" not in m.group(0):
            word = re.search(r"([\w.]+)$", text[start:m.start()])
            w = word.group(1).lower() if word else ""
            if w in _ABBREV or (len(w) == 1 and w.isalpha()) or re.fullmatch(r"(?:\w\.)+\w", w):
                continue
        end = m.start() + len(m.group(0).rstrip())
        if text[start:end].strip():
            spans.append(_strip(text, start, end))
        start = m.end()
    if text[start:].strip():
        spans.append(_strip(text, start, len(text)))
    return spans


def _strip(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_index(spans: list[Span], pos: int) -> int:
    """Index of the sentence containing character ``pos`` (the nearest one before it if none).

    ``spans`` are in text order (as :func:`sentence_spans` gives them): a binary search, so
    articles of thousands of sentences stay linear overall.

    >>> sentence_index([(0, 5), (6, 9), (10, 12)], 7), sentence_index([(3, 5)], 0)
    (1, 0)
    """
    return max(bisect.bisect_right(spans, pos, key=lambda span: span[0]) - 1, 0)


# ---------------------------------------------------------------------------------------- places

#: Capitals and frequent meeting venues -> country (lower-case keys).
CITY_COUNTRY: dict[str, str] = {
    "baku": "Azerbaijan", "rabat": "Morocco", "casablanca": "Morocco", "ankara": "Turkey",
    "istanbul": "Turkey", "antalya": "Turkey", "moscow": "Russia", "sochi": "Russia",
    "st. petersburg": "Russia", "saint petersburg": "Russia", "kazan": "Russia",
    "washington": "United States", "washington, d.c.": "United States", "new york": "United States",
    "beijing": "China", "shanghai": "China", "tokyo": "Japan", "seoul": "South Korea",
    "pyongyang": "North Korea", "tehran": "Iran", "damascus": "Syria", "baghdad": "Iraq",
    "riyadh": "Saudi Arabia", "jeddah": "Saudi Arabia", "abu dhabi": "United Arab Emirates",
    "dubai": "United Arab Emirates", "doha": "Qatar", "muscat": "Oman", "kuwait city": "Kuwait",
    "manama": "Bahrain", "amman": "Jordan", "beirut": "Lebanon", "cairo": "Egypt", "sharm el-sheikh": "Egypt",
    "jerusalem": "Israel", "tel aviv": "Israel", "ramallah": "Palestine", "algiers": "Algeria",
    "tunis": "Tunisia", "tripoli": "Libya", "khartoum": "Sudan", "addis ababa": "Ethiopia",
    "nairobi": "Kenya", "abuja": "Nigeria", "pretoria": "South Africa", "johannesburg": "South Africa",
    "dakar": "Senegal", "dodoma": "Tanzania", "dar es salaam": "Tanzania", "kampala": "Uganda",
    "london": "United Kingdom", "paris": "France", "berlin": "Germany", "munich": "Germany",
    "rome": "Italy", "madrid": "Spain", "lisbon": "Portugal", "brussels": "Belgium",
    "the hague": "Netherlands", "amsterdam": "Netherlands", "vienna": "Austria", "bern": "Switzerland",
    "geneva": "Switzerland", "davos": "Switzerland", "warsaw": "Poland", "prague": "Czech Republic",
    "budapest": "Hungary", "bratislava": "Slovakia", "bucharest": "Romania", "sofia": "Bulgaria",
    "athens": "Greece", "belgrade": "Serbia", "zagreb": "Croatia", "ljubljana": "Slovenia",
    "kyiv": "Ukraine", "kiev": "Ukraine", "minsk": "Belarus", "chisinau": "Moldova", "tbilisi": "Georgia",
    "yerevan": "Armenia", "astana": "Kazakhstan", "almaty": "Kazakhstan", "tashkent": "Uzbekistan",
    "samarkand": "Uzbekistan", "bishkek": "Kyrgyzstan", "dushanbe": "Tajikistan", "ashgabat": "Turkmenistan",
    "kabul": "Afghanistan", "islamabad": "Pakistan", "new delhi": "India", "delhi": "India",
    "dhaka": "Bangladesh", "colombo": "Sri Lanka", "kathmandu": "Nepal", "hanoi": "Vietnam",
    "ho chi minh city": "Vietnam", "vientiane": "Laos", "phnom penh": "Cambodia", "bangkok": "Thailand",
    "kuala lumpur": "Malaysia", "singapore": "Singapore", "jakarta": "Indonesia", "bali": "Indonesia",
    "manila": "Philippines", "taipei": "Taiwan", "ulaanbaatar": "Mongolia", "canberra": "Australia",
    "wellington": "New Zealand", "ottawa": "Canada", "mexico city": "Mexico", "havana": "Cuba",
    "caracas": "Venezuela", "la paz": "Bolivia", "bogota": "Colombia", "lima": "Peru",
    "brasilia": "Brazil", "buenos aires": "Argentina", "santiago": "Chile", "montevideo": "Uruguay",
    "quito": "Ecuador", "stockholm": "Sweden", "oslo": "Norway", "helsinki": "Finland",
    "copenhagen": "Denmark", "dublin": "Ireland", "reykjavik": "Iceland", "tallinn": "Estonia",
    "riga": "Latvia", "vilnius": "Lithuania", "valletta": "Malta", "nicosia": "Cyprus",
    "vatican city": "Vatican", "luxembourg": "Luxembourg", "monaco": "Monaco",
    "putrajaya": "Malaysia", "naypyidaw": "Myanmar", "nay pyi taw": "Myanmar", "yangon": "Myanmar",
    "bandar seri begawan": "Brunei", "dili": "East Timor", "port moresby": "Papua New Guinea", "suva": "Fiji",
    "apia": "Samoa", "honiara": "Solomon Islands", "port louis": "Mauritius", "windhoek": "Namibia",
    "gaborone": "Botswana", "lusaka": "Zambia", "harare": "Zimbabwe", "maputo": "Mozambique",
    "lilongwe": "Malawi", "antananarivo": "Madagascar", "luanda": "Angola", "kinshasa": "Democratic Republic of the Congo",
    "brazzaville": "Republic of the Congo", "yaounde": "Cameroon", "yaoundé": "Cameroon", "libreville": "Gabon",
    "bangui": "Central African Republic", "n'djamena": "Chad", "niamey": "Niger", "ouagadougou": "Burkina Faso",
    "bamako": "Mali", "nouakchott": "Mauritania", "conakry": "Guinea", "freetown": "Sierra Leone",
    "monrovia": "Liberia", "accra": "Ghana", "lome": "Togo", "lomé": "Togo", "cotonou": "Benin",
    "porto-novo": "Benin", "banjul": "Gambia", "bissau": "Guinea-Bissau", "praia": "Cape Verde",
    "malabo": "Equatorial Guinea", "asmara": "Eritrea", "mogadishu": "Somalia", "juba": "South Sudan",
    "kigali": "Rwanda", "bujumbura": "Burundi", "gitega": "Burundi", "mbabane": "Eswatini", "maseru": "Lesotho",
    "abidjan": "Ivory Coast", "yamoussoukro": "Ivory Coast", "lagos": "Nigeria", "cape town": "South Africa",
    "durban": "South Africa", "marrakesh": "Morocco", "marrakech": "Morocco", "tangier": "Morocco",
    "alexandria": "Egypt", "nur-sultan": "Kazakhstan", "male": "Maldives", "thimphu": "Bhutan",
    "lahore": "Pakistan", "karachi": "Pakistan", "mumbai": "India", "kolkata": "India", "chennai": "India",
    "bengaluru": "India", "osaka": "Japan", "hiroshima": "Japan", "busan": "South Korea", "guangzhou": "China",
    "shenzhen": "China", "hangzhou": "China", "xiamen": "China", "tianjin": "China", "chengdu": "China",
    "xi'an": "China", "qingdao": "China", "vladivostok": "Russia", "yekaterinburg": "Russia",
    "san francisco": "United States", "los angeles": "United States", "camp david": "United States",
    "rio de janeiro": "Brazil", "sao paulo": "Brazil", "são paulo": "Brazil", "brasília": "Brazil",
    "asuncion": "Paraguay", "asunción": "Paraguay", "panama city": "Panama", "guatemala city": "Guatemala",
    "tegucigalpa": "Honduras", "managua": "Nicaragua", "san salvador": "El Salvador",
    "santo domingo": "Dominican Republic", "port-au-prince": "Haiti", "kingston": "Jamaica",
    "port of spain": "Trinidad and Tobago", "bridgetown": "Barbados", "nassau": "Bahamas",
    "paramaribo": "Suriname", "belmopan": "Belize", "bogotá": "Colombia", "cartagena": "Colombia",
    "edinburgh": "United Kingdom", "milan": "Italy", "florence": "Italy", "naples": "Italy",
    "barcelona": "Spain", "seville": "Spain", "granada": "Spain", "porto": "Portugal", "lyon": "France",
    "marseille": "France", "strasbourg": "France", "frankfurt": "Germany", "hamburg": "Germany", "bonn": "Germany",
    "zurich": "Switzerland", "lausanne": "Switzerland", "salzburg": "Austria", "krakow": "Poland",
    "thessaloniki": "Greece", "podgorica": "Montenegro", "skopje": "North Macedonia", "tirana": "Albania",
    "sarajevo": "Bosnia and Herzegovina", "pristina": "Kosovo", "odesa": "Ukraine", "odessa": "Ukraine",
    "lviv": "Ukraine", "batumi": "Georgia", "nakhchivan": "Azerbaijan", "shusha": "Azerbaijan",
    "gabala": "Azerbaijan", "ganja": "Azerbaijan", "aktau": "Kazakhstan", "turkestan": "Kazakhstan",
    "bukhara": "Uzbekistan", "khiva": "Uzbekistan", "osh": "Kyrgyzstan", "cholpon-ata": "Kyrgyzstan",
    "isfahan": "Iran", "mashhad": "Iran", "erbil": "Iraq", "basra": "Iraq", "aqaba": "Jordan",
    "mecca": "Saudi Arabia", "medina": "Saudi Arabia", "alula": "Saudi Arabia", "al-ula": "Saudi Arabia",
    "dammam": "Saudi Arabia", "neom": "Saudi Arabia", "sharjah": "United Arab Emirates", "salalah": "Oman",
    "lusail": "Qatar", "benghazi": "Libya", "oran": "Algeria", "yogyakarta": "Indonesia", "surabaya": "Indonesia",
    "nusa dua": "Indonesia", "labuan bajo": "Indonesia", "cebu": "Philippines", "da nang": "Vietnam",
    "siem reap": "Cambodia", "chiang mai": "Thailand", "penang": "Malaysia", "langkawi": "Malaysia",
    "auckland": "New Zealand", "sydney": "Australia", "melbourne": "Australia", "brisbane": "Australia",
    "perth": "Australia", "toronto": "Canada", "montreal": "Canada", "vancouver": "Canada",
    "guadalajara": "Mexico", "cancun": "Mexico", "monterrey": "Mexico", "cusco": "Peru", "medellin": "Colombia",
    "valparaiso": "Chile", "punta del este": "Uruguay",
}


def city_country(city: str | None) -> str | None:
    """Country of a capital or a frequent venue city, written in any case.

    >>> city_country("BAKU"), city_country("New York"), city_country("Springfield")
    ('Azerbaijan', 'United States', None)
    """
    if not city:
        return None
    return CITY_COUNTRY.get(re.sub(r"\s+", " ", city).strip(" ,.").lower())


#: Datelines that name an institution for the city it stands in.
DATELINE_PLACES: dict[str, str] = {"UNITED NATIONS": "New York"}


@dataclass
class Dateline:
    """The dateline opening an agency story: "BAKU, Azerbaijan, December 16." / "RABAT, Dec 15 (Reuters) -"."""

    start: int
    end: int
    city: str
    country: str | None
    city_span: Span
    date_span: Span | None


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE = re.compile(
    r"(?P<city>[A-Z][A-Za-z'.\-]+(?: [A-Z][A-Za-z'.\-]+){0,3})"
    r"(?:\s*,\s*(?!" + _MONTH + r"\s*\d)(?P<country>[A-Z][A-Za-z.'’]+(?: [A-Z][A-Za-z.'’]+){0,3}))?"
    r"(?:\s*,?\s*(?P<date>" + _MONTH + r"\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+" + _MONTH + r"(?:\s+\d{4})?))?"
    r"\s*(?:[./]|\(|--|[-–—]|:)")


def find_dateline(text: str) -> Dateline | None:
    """The dateline within the first 200 characters (after an optional "(Source)" prefix), or ``None``.

    The city is written in capitals, or in Title case followed by a date ("Kigali, Jan 11 (AA):") or by
    an agency credit after a known city ("Hanoi (VNA) -"); a plain sentence start is not a dateline.

    >>> find_dateline("Kigali, Jan 11 (Anadolu Agency): Prime Minister ...").date_span
    (8, 14)
    >>> find_dateline("AMMAN, Oct. 29 (KUNA) - ...").date_span
    (7, 14)
    >>> find_dateline("Prime Minister Ana Lopez met ...") is None
    True

    >>> d = find_dateline("(MENAFN- Trend) BAKU, Azerbaijan, December 16. Speaker met ...")
    >>> d.city, d.country, d.date_span
    ('BAKU', 'Azerbaijan', (34, 45))
    """
    from diplomodel.knowledge.normalize import country_name

    head = text[:200]
    lead = re.match(r"\s*(?:\([^)]{0,80}\)\s*)?", head)
    pos = lead.end() if lead else 0
    m = _DATELINE.match(head, pos)
    if not m or len(m.group("city")) < 3:
        return None
    city = m.group("city").rstrip(".")
    if not city.isupper() and not (m.group("date") or (city_country(city) and "(" in head[m.end() - 1:m.end()])):
        return None  # a Title-case city is a dateline only with a date or an agency credit after it
    country = country_name(m.group("country")) if m.group("country") else None
    if m.group("country") and country is None and not m.group("date"):
        return None
    city_span = (m.start("city"), m.start("city") + len(city))
    city = DATELINE_PLACES.get(city.upper(), city)
    country = country or city_country(city)
    if country is None and not m.group("date"):
        return None
    return Dateline(m.start(), m.end(), city, country, city_span, m.span("date") if m.group("date") else None)


# ---------------------------------------------------------------------------------------- format

#: Format cues, checked in this order (so "video call" is not read as a phone call).
FORMAT_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("video_call", re.compile(
        r"\b(?:video ?conferenc\w*|video[- ]?call|video[- ]?link|via video|by video|virtual (?:meeting|talks|summit)|"
        r"online (?:meeting|talks|conversation)|video (?:talks|conversation|meeting)|"
        r"(?:met|talked|spoke|conferred) (?:virtually|online)|virtually)\b", re.I)),
    ("phone_call", re.compile(
        r"\b(?:(?:spoke|talked|conversed) (?:by|over the|on the) (?:tele)?phone|(?:tele)?phone (?:conversation|call|talks?|discussion)|by (?:tele)?phone|over the (?:tele)?phone|"
        r"phoned|telephoned|(?:tele)?phone[- ]conversation|spoke on the (?:tele)?phone|"
        r"(?:held|had|made|received|took) an? (?:phone |telephone )?call|in a (?:phone |telephone )?call|"
        r"(?<!courtesy )call (?:with|from)|(?-i:called (?:his |her |their )?(?:[A-Z]\w*|counterpart)))\b", re.I)),
    ("multilateral_sidelines", re.compile(
        r"\b(?:on|in|at) the (?:sidelines?|margins?|fringes?) of\b|\bon the sidelines\b|"
        r"\b(?:while|when) (?:attending|participating in|taking part in|in \w+ (?:for|to attend))\b(?=[^.]{0,80}"
        r"(?:summit|forum|conference|assembly|session|dialogue|ministerial|congress|council|COP\s?\d|G20|G7|BRICS|SCO|ASEAN))|"
        r"\b(?:on the occasion|within the framework|in the framework) of the\b(?=[^.]{0,80}"
        r"(?:summit|forum|conference|General Assembly|session|ministerial|COP\s?\d))", re.I)),
]


def find_format(text: str, prefer: list[Span] | None = None) -> tuple[str, Span | None]:
    """The meeting format and the cue span that decided it; ``("in_person", None)`` without a cue.

    Cues in the ``prefer`` spans (the sentences naming participants) are read first, in text order,
    so a lead "met in Rabat" is not overridden by a later "they had spoken by phone last month".

    >>> t = "Fidan met Lavrov in Moscow. They had spoken by phone in May."
    >>> find_format(t, prefer=[(0, 27)])
    ('in_person', None)
    >>> find_format("Fidan and Lavrov spoke by phone.")
    ('phone_call', (17, 31))
    """
    regions = list(prefer) if prefer is not None else [(0, len(text))]
    for s, e in sorted(regions):
        found = _first_format(text, s, e)
        if found:
            return found
        if prefer is not None and IN_PERSON_CUE.search(text, s, e):
            return "in_person", None
    return "in_person", None


def _first_format(text: str, start: int, end: int) -> tuple[str, Span] | None:
    best: tuple[str, Span] | None = None
    for fmt, rx in FORMAT_CUES:
        m = rx.search(text, start, end)
        if m and (best is None or m.start() < best[1][0]):
            best = (fmt, m.span())
    return best


# ---------------------------------------------------------------------------------------- is_meeting

#: Words reporting a meeting, call or visit.
MEETING_CUE = re.compile(
    r"\b(?:met|meets?|meeting|held (?:talks|a meeting|a (?:tele)?phone|a video|consultations|negotiations)|"
    r"talks with|talked|talk(?:ed)? with|negotiations with|received|receives|hosted|hosts|welcomed|"
    r"visit(?:ed|s|ing)?|call with|called|conversation|conferred|discuss(?:ed|ing)? with|"
    r"sat down with|summit|bilateral|courtesy call|called on|calls on)\b", re.I)
#: Cues that put people in one room; a lead sentence with one of them and no format cue is in person.
IN_PERSON_CUE = re.compile(r"\b(?:met|meets|received|hosted|welcomed|visit(?:ed|ing)?|arrived|sat down with|"
                           r"courtesy call|called on|calls on|paid a call on)\b", re.I)
#: Cues that are meeting cues only when no negative cue is in the same sentence ("received a letter").
WEAK_CUE = re.compile(r"^(?:received|receives|welcomed|visit\w*|summit|bilateral|conversation)$", re.I)
#: Cues of a non-meeting story: messages, condolences, statements, sanctions.
NEGATIVE_CUE = re.compile(
    r"\b(?:condolences?|condoled|letter|message|statement|sanctions?|congratulat\w+|telegram|"
    r"decree|tweet(?:ed)?|posted|communiqu[eé] issued)\b", re.I)


def meeting_cue_spans(text: str, regions: list[Span] | None = None) -> list[Span]:
    """Spans of meeting cues in ``regions`` (default: whole text); weak cues are dropped in a
    sentence that also carries a negative cue.

    >>> meeting_cue_spans("He received a letter of condolence.")
    []
    >>> meeting_cue_spans("He received the envoy.")
    [(3, 11)]
    """
    out: list[Span] = []
    for s, e in regions if regions is not None else sentence_spans(text):
        negative = NEGATIVE_CUE.search(text, s, e) is not None
        for m in MEETING_CUE.finditer(text, s, e):
            if negative and WEAK_CUE.match(m.group(0)):
                continue
            out.append(m.span())
    return out


def decide_is_meeting(n_participants: int, cue_spans: list[Span], lead_negative: bool) -> bool:
    """Meeting iff a participant and a meeting cue, or >= 2 participants and no negative lead.

    >>> decide_is_meeting(1, [(3, 6)], False), decide_is_meeting(1, [], False), decide_is_meeting(2, [], True)
    (True, False, False)
    """
    if n_participants >= 1 and cue_spans:
        return True
    return n_participants >= 2 and not lead_negative
