"""Normalising what the tagger found: country names, dates and person names.

Example:
    >>> import datetime
    >>> from diplomodel.knowledge.normalize import country_name, resolve_date, clean_name
    >>> country_name("Kingdom of Morocco"), country_name("Emirati"), country_name("Türkiye")
    ('Morocco', 'United Arab Emirates', 'Turkey')
    >>> resolve_date("Saturday", datetime.date(2023, 12, 16))  # a Saturday: the same day
    datetime.date(2023, 12, 16)
    >>> clean_name("H.E. Ms. Sahiba Gafarova's")
    'Sahiba Gafarova'
"""
from __future__ import annotations

import datetime
import re
import unicodedata
import functools
from functools import lru_cache

# ---------------------------------------------------------------------------------------- countries

#: pycountry names whose everyday English short form differs from pycountry's name/common_name.
_SHORT_OVERRIDES: dict[str, str] = {
    "Türkiye": "Turkey", "Russian Federation": "Russia", "Czechia": "Czech Republic",
    "Palestine, State of": "Palestine", "Korea, Republic of": "South Korea",
    "Korea, Democratic People's Republic of": "North Korea", "Holy See (Vatican City State)": "Vatican",
    "Congo, The Democratic Republic of the": "Democratic Republic of the Congo",
    "Congo": "Republic of the Congo", "Brunei Darussalam": "Brunei", "Cabo Verde": "Cape Verde",
    "Micronesia, Federated States of": "Micronesia", "Côte d'Ivoire": "Ivory Coast",
    "Eswatini": "Eswatini", "Timor-Leste": "East Timor", "Myanmar": "Myanmar",
    "Virgin Islands, U.S.": "U.S. Virgin Islands", "Taiwan, Province of China": "Taiwan",
}

#: Demonyms, abbreviations and other spellings people write -> English short name. Lower-case keys.
#: "Korean"/"Korea" alone mean South Korea (the usual reading in diplomatic news); "North Korean",
#: "DPRK" and "Pyongyang"-side forms mean North Korea.
DEMONYMS: dict[str, str] = {
    "afghan": "Afghanistan", "albanian": "Albania", "algerian": "Algeria", "american": "United States",
    "us": "United States", "u.s.": "United States", "u.s": "United States", "usa": "United States",
    "u.s.a.": "United States", "united states of america": "United States", "america": "United States",
    "angolan": "Angola", "argentine": "Argentina", "argentinian": "Argentina", "armenian": "Armenia",
    "australian": "Australia", "austrian": "Austria", "azerbaijani": "Azerbaijan", "azeri": "Azerbaijan",
    "bahraini": "Bahrain", "bangladeshi": "Bangladesh", "belarusian": "Belarus", "belgian": "Belgium",
    "bolivian": "Bolivia", "bosnian": "Bosnia and Herzegovina", "brazilian": "Brazil",
    "british": "United Kingdom", "uk": "United Kingdom", "u.k.": "United Kingdom", "britain": "United Kingdom",
    "great britain": "United Kingdom", "england": "United Kingdom", "bulgarian": "Bulgaria",
    "cambodian": "Cambodia", "canadian": "Canada", "chilean": "Chile", "chinese": "China", "prc": "China",
    "people's republic of china": "China", "colombian": "Colombia", "croatian": "Croatia",
    "cuban": "Cuba", "cypriot": "Cyprus", "czech": "Czech Republic", "czech republic": "Czech Republic",
    "danish": "Denmark", "dutch": "Netherlands", "holland": "Netherlands", "the netherlands": "Netherlands",
    "ecuadorian": "Ecuador", "egyptian": "Egypt", "emirati": "United Arab Emirates", "uae": "United Arab Emirates",
    "u.a.e.": "United Arab Emirates", "emirates": "United Arab Emirates", "estonian": "Estonia",
    "ethiopian": "Ethiopia", "finnish": "Finland", "french": "France", "georgian": "Georgia",
    "german": "Germany", "ghanaian": "Ghana", "greek": "Greece", "hungarian": "Hungary",
    "icelandic": "Iceland", "indian": "India", "indonesian": "Indonesia", "iranian": "Iran", "persia": "Iran",
    "iraqi": "Iraq", "irish": "Ireland", "israeli": "Israel", "italian": "Italy", "japanese": "Japan",
    "jordanian": "Jordan", "kazakh": "Kazakhstan", "kazakhstani": "Kazakhstan", "kenyan": "Kenya",
    "korean": "South Korea", "korea": "South Korea", "south korean": "South Korea", "rok": "South Korea",
    "republic of korea": "South Korea", "north korean": "North Korea", "dprk": "North Korea",
    "kuwaiti": "Kuwait", "kyrgyz": "Kyrgyzstan", "lao": "Laos", "laotian": "Laos", "latvian": "Latvia",
    "lebanese": "Lebanon", "libyan": "Libya", "lithuanian": "Lithuania", "malaysian": "Malaysia",
    "maltese": "Malta", "mexican": "Mexico", "moldovan": "Moldova", "mongolian": "Mongolia",
    "montenegrin": "Montenegro", "moroccan": "Morocco", "nepalese": "Nepal", "nepali": "Nepal",
    "new zealand": "New Zealand", "nigerian": "Nigeria", "norwegian": "Norway", "omani": "Oman",
    "pakistani": "Pakistan", "palestinian": "Palestine", "peruvian": "Peru", "philippine": "Philippines",
    "filipino": "Philippines", "polish": "Poland", "portuguese": "Portugal", "qatari": "Qatar",
    "romanian": "Romania", "russian": "Russia", "russia": "Russia", "saudi": "Saudi Arabia",
    "saudi arabian": "Saudi Arabia", "ksa": "Saudi Arabia", "senegalese": "Senegal", "serbian": "Serbia",
    "singaporean": "Singapore", "slovak": "Slovakia", "slovenian": "Slovenia", "somali": "Somalia",
    "south african": "South Africa", "spanish": "Spain", "sri lankan": "Sri Lanka", "sudanese": "Sudan",
    "swedish": "Sweden", "swiss": "Switzerland", "syrian": "Syria", "taiwanese": "Taiwan",
    "tajik": "Tajikistan", "tanzanian": "Tanzania", "thai": "Thailand", "tunisian": "Tunisia",
    "turkish": "Turkey", "turkiye": "Turkey", "türkiye": "Turkey", "turkmen": "Turkmenistan",
    "ugandan": "Uganda", "ukrainian": "Ukraine", "uruguayan": "Uruguay", "uzbek": "Uzbekistan",
    "uzbekistani": "Uzbekistan", "venezuelan": "Venezuela", "vietnamese": "Vietnam", "viet nam": "Vietnam",
    "yemeni": "Yemen", "zambian": "Zambia", "zimbabwean": "Zimbabwe", "vatican": "Vatican",
    "ivorian": "Ivory Coast", "congolese": "Democratic Republic of the Congo", "drc": "Democratic Republic of the Congo",
    "dr congo": "Democratic Republic of the Congo", "rwandan": "Rwanda", "rwandese": "Rwanda", "malian": "Mali",
    "nigerien": "Niger", "burkinabe": "Burkina Faso", "burkinabè": "Burkina Faso", "beninese": "Benin",
    "togolese": "Togo", "guinean": "Guinea", "bissau-guinean": "Guinea-Bissau", "gabonese": "Gabon",
    "cameroonian": "Cameroon", "chadian": "Chad", "mauritanian": "Mauritania", "eritrean": "Eritrea",
    "djiboutian": "Djibouti", "burundian": "Burundi", "malawian": "Malawi", "mozambican": "Mozambique",
    "namibian": "Namibia", "botswanan": "Botswana", "motswana": "Botswana", "liberian": "Liberia",
    "sierra leonean": "Sierra Leone", "gambian": "Gambia", "cape verdean": "Cape Verde",
    "sao tomean": "Sao Tome and Principe", "comorian": "Comoros", "malagasy": "Madagascar",
    "mauritian": "Mauritius", "seychellois": "Seychelles", "south sudanese": "South Sudan",
    "equatorial guinean": "Equatorial Guinea", "central african": "Central African Republic",
    "basotho": "Lesotho", "swazi": "Eswatini", "swaziland": "Eswatini", "bahamian": "Bahamas",
    "barbadian": "Barbados", "jamaican": "Jamaica", "trinidadian": "Trinidad and Tobago", "haitian": "Haiti",
    "dominican": "Dominican Republic", "guatemalan": "Guatemala", "honduran": "Honduras",
    "salvadoran": "El Salvador", "salvadorian": "El Salvador", "nicaraguan": "Nicaragua",
    "costa rican": "Costa Rica", "panamanian": "Panama", "paraguayan": "Paraguay", "surinamese": "Suriname",
    "guyanese": "Guyana", "belizean": "Belize", "saint lucian": "Saint Lucia", "grenadian": "Grenada",
    "antiguan": "Antigua and Barbuda", "vincentian": "Saint Vincent and the Grenadines",
    "kittitian": "Saint Kitts and Nevis", "bhutanese": "Bhutan", "maldivian": "Maldives",
    "burmese": "Myanmar", "burma": "Myanmar", "bruneian": "Brunei", "timorese": "East Timor",
    "east timorese": "East Timor", "papua new guinean": "Papua New Guinea", "fijian": "Fiji",
    "samoan": "Samoa", "tongan": "Tonga", "vanuatuan": "Vanuatu", "ni-vanuatu": "Vanuatu",
    "tuvaluan": "Tuvalu", "nauruan": "Nauru", "palauan": "Palau", "marshallese": "Marshall Islands",
    "micronesian": "Micronesia", "i-kiribati": "Kiribati", "solomon islander": "Solomon Islands",
    "luxembourgish": "Luxembourg", "luxembourger": "Luxembourg", "liechtensteiner": "Liechtenstein",
    "monegasque": "Monaco", "andorran": "Andorra", "sammarinese": "San Marino",
    "macedonian": "North Macedonia", "north macedonian": "North Macedonia", "macedonia": "North Macedonia",
    "kosovo": "Kosovo", "kosovar": "Kosovo", "herzegovinian": "Bosnia and Herzegovina",
    "bosnia": "Bosnia and Herzegovina", "slovene": "Slovenia", "belarussian": "Belarus",
    "byelorussian": "Belarus", "scottish": "United Kingdom", "welsh": "United Kingdom",
    "new zealander": "New Zealand", "kiwi": "New Zealand", "lao pdr": "Laos", "holy see": "Vatican",
    "ukranian": "Ukraine", "argentinean": "Argentina",
    "palestine": "Palestine", "state of palestine": "Palestine", "the gambia": "Gambia",
}

_STATE_PREFIX = re.compile(
    r"^(?:the\s+)?(?:(?:united\s+)?(?:kingdom|republic|state|sultanate|emirate|principality|"
    r"grand\s+duchy|commonwealth|federation|federal\s+republic|islamic\s+republic|"
    r"people's\s+republic|socialist\s+republic|democratic\s+republic|arab\s+republic|"
    r"hashemite\s+kingdom|plurinational\s+state|bolivarian\s+republic)\s+of\s+(?:the\s+)?)", re.I)


def _fold(s: str) -> str:
    """Lower-case, strip accents and straight/curly quote differences."""
    s = unicodedata.normalize("NFKD", s.replace("’", "'"))
    return "".join(ch for ch in s if not unicodedata.combining(ch)).lower().strip()


@lru_cache(maxsize=1)
def _country_table() -> dict[str, str]:
    import pycountry

    table: dict[str, str] = {}
    for c in pycountry.countries:
        short = _SHORT_OVERRIDES.get(c.name) or getattr(c, "common_name", None) or c.name
        for n in (c.name, getattr(c, "official_name", None), getattr(c, "common_name", None), short):
            if n:
                table.setdefault(_fold(n), short)
        table[_fold(c.name)] = short
    for k, v in DEMONYMS.items():
        table[_fold(k)] = v
    return table


def country_name(text: str | None) -> str | None:
    """English short name of a country written as a name, official name, demonym or abbreviation.

    Returns ``None`` when ``text`` is not recognisably a state.

    >>> [country_name(x) for x in ["Russia's", "the U.S.", "Viet Nam", "Republic of Korea", "Atlantis"]]
    ['Russia', 'United States', 'Vietnam', 'South Korea', None]
    """
    if not text:
        return None
    s = re.sub(r"\s+", " ", text).strip(" \t\n,.;:()\"")
    s = re.sub(r"['’]s$", "", s)
    table = _country_table()
    for cand in (s, re.sub(r"^the\s+", "", s, flags=re.I), _STATE_PREFIX.sub("", s)):
        key = _fold(cand)
        if key in table:
            return table[key]
        if key.rstrip(".") in table:
            return table[key.rstrip(".")]
    return None


# ---------------------------------------------------------------------------------------- dates

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _no_overflow(fn):
    """A date that would fall before year 1 or after 9999 ("tomorrow" of 9999-12-31) is no date."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except OverflowError:
            return None
    return wrapper


@_no_overflow
def resolve_date(expr: str | None, published: datetime.date | None) -> datetime.date | None:
    """The calendar day a date expression denotes, read against the publication date.

    Weekday names mean the most recent such day on or before ``published``; a month-day without a
    year takes the publication year, or the previous year if that would fall after publication.
    Expressions vaguer than a day ("in 2020", "last year", "this week") give ``None``; "last week"
    gives the day one week before publication. Relative expressions need ``published``.

    >>> pub = datetime.date(2024, 1, 3)
    >>> resolve_date("December 28", pub), resolve_date("yesterday", pub), resolve_date("in 2020", pub)
    (datetime.date(2023, 12, 28), datetime.date(2024, 1, 2), None)
    """
    if not expr or not expr.strip():
        return None
    s = re.sub(r"\s+", " ", expr).strip(" ,.;:()")
    low = _fold(s)
    low = re.sub(r"^(?:on|last|this past|past)\s+(?=(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)", "", low)
    if low in _WEEKDAYS:
        if published is None:
            return None
        back = (published.weekday() - _WEEKDAYS.index(low)) % 7
        return published - datetime.timedelta(days=back)
    if low in ("last week", "a week ago", "one week ago"):
        return published - datetime.timedelta(days=7) if published else None
    parsed = _parse(s, published)
    if parsed is None:
        return None
    day, period = parsed
    if period != "day":
        return None
    if published is not None and not _YEAR.search(s) and day > published:
        try:
            day = day.replace(year=day.year - 1)
        except ValueError:  # 29 February
            day = day - datetime.timedelta(days=365)
    return day


def _parse(s: str, published: datetime.date | None) -> tuple[datetime.date, str] | None:
    from dateparser.date import DateDataParser

    base = datetime.datetime.combine(published or datetime.date.today(), datetime.time(12))
    relative = re.search(r"\b(?:ago|yesterday|today|tomorrow|last|next|this)\b", s, re.I)
    if published is None and (relative or not _YEAR.search(s)):
        return None
    parser = DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": False})
    try:
        data = parser.get_date_data(s)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"


# ---------------------------------------------------------------------------------------- names

#: Honorifics and forms of address stripped from names (lower-case, without the trailing dot).
HONORIFICS: frozenset[str] = frozenset({
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "madam", "madame", "mme", "mlle",
    "monsieur", "m", "h.e", "he", "sheikh", "shaikh", "sheikha", "hon", "honourable", "honorable", "rev",
    "excellency", "majesty", "highness", "his", "her", "lord", "lady", "mister",
    "prince", "princess", "sayyid", "sayed", "sayyida", "emir", "amir", "king", "queen", "hrh",
    "datuk", "dato", "shri", "smt", "mrs.", "president-elect", "h.h", "hh", "h.r.h", "seri", "tun",
    "crown", "royal", "ayatollah", "the",
})


def clean_name(text: str) -> str:
    """A person's name without honorifics, possessive, surrounding punctuation or extra spaces.

    >>> clean_name("  His Excellency Mr. Hakan  Fidan, ")
    'Hakan Fidan'
    >>> clean_name("Dr")  # never returns an empty name if there was one
    'Dr'
    """
    s = re.sub(r"\s+", " ", text).strip(" \t\n,;:()\"'")
    s = re.sub(r"['’]s?$", "", s).strip()
    words = s.split(" ")
    i = 0
    while i < len(words) - 1 and _fold(words[i]).rstrip(".'") in HONORIFICS:
        i += 1
    return " ".join(words[i:]) or s
