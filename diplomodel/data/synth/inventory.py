"""Facts for the synthetic corpus: countries, capitals, demonyms, parliaments, name pools, topics.

This is how the generator writes each country, not a second country table: its short name is the
one :func:`diplomodel.knowledge.geo.country_name` returns ("Turkey", "United States", "Vietnam"), and
a test checks that geo reads its capital, demonym and written variants back to that name. It adds
what only the generator needs: a name-pool region and the parliament's name. Official names come from ``pycountry`` where it knows the country.

Example:
    >>> from diplomodel.data.synth.inventory import COUNTRIES, country
    >>> country("Morocco").capital, country("Morocco").demonym
    ('Rabat', 'Moroccan')
    >>> len(COUNTRIES) > 80
    True
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

# name|capital|demonym|alpha2|region|parliament|variants(;)
_COUNTRY_TABLE = """\
Azerbaijan|Baku|Azerbaijani|AZ|az|Milli Majlis|Republic of Azerbaijan
Morocco|Rabat|Moroccan|MA|ar|House of Representatives|Kingdom of Morocco
Turkey|Ankara|Turkish|TR|tr|Grand National Assembly|Türkiye;Republic of Türkiye
Russia|Moscow|Russian|RU|ru|State Duma|Russian Federation
Ukraine|Kyiv|Ukrainian|UA|ua|Verkhovna Rada|
Belarus|Minsk|Belarusian|BY|ru|House of Representatives|
Kazakhstan|Astana|Kazakh|KZ|ca|Mazhilis|Republic of Kazakhstan
Uzbekistan|Tashkent|Uzbek|UZ|ca|Oliy Majlis|
Turkmenistan|Ashgabat|Turkmen|TM|ca|Mejlis|
Kyrgyzstan|Bishkek|Kyrgyz|KG|ca|Jogorku Kenesh|Kyrgyz Republic
Tajikistan|Dushanbe|Tajik|TJ|ca|Majlisi Oli|
Georgia|Tbilisi|Georgian|GE|ge|Parliament of Georgia|
Armenia|Yerevan|Armenian|AM|hy|National Assembly|
Iran|Tehran|Iranian|IR|fa|Majlis|Islamic Republic of Iran
Iraq|Baghdad|Iraqi|IQ|ar|Council of Representatives|
Saudi Arabia|Riyadh|Saudi|SA|ar|Shura Council|Kingdom of Saudi Arabia
United Arab Emirates|Abu Dhabi|Emirati|AE|ar|Federal National Council|UAE
Qatar|Doha|Qatari|QA|ar|Shura Council|State of Qatar
Kuwait|Kuwait City|Kuwaiti|KW|ar|National Assembly|State of Kuwait
Oman|Muscat|Omani|OM|ar|Council of Oman|Sultanate of Oman
Bahrain|Manama|Bahraini|BH|ar|Council of Representatives|Kingdom of Bahrain
Jordan|Amman|Jordanian|JO|ar|House of Representatives|Hashemite Kingdom of Jordan
Egypt|Cairo|Egyptian|EG|ar|House of Representatives|Arab Republic of Egypt
Algeria|Algiers|Algerian|DZ|ar|People's National Assembly|
Tunisia|Tunis|Tunisian|TN|ar|Assembly of the Representatives of the People|
Libya|Tripoli|Libyan|LY|ar|House of Representatives|
Lebanon|Beirut|Lebanese|LB|ar|Parliament of Lebanon|
Syria|Damascus|Syrian|SY|ar|People's Assembly|
Israel|Jerusalem|Israeli|IL|he|Knesset|State of Israel
Pakistan|Islamabad|Pakistani|PK|pk|National Assembly|Islamic Republic of Pakistan
Afghanistan|Kabul|Afghan|AF|pk|National Assembly|
India|New Delhi|Indian|IN|in|Lok Sabha|Republic of India
Bangladesh|Dhaka|Bangladeshi|BD|in|Jatiya Sangsad|
Sri Lanka|Colombo|Sri Lankan|LK|in|Parliament of Sri Lanka|
Nepal|Kathmandu|Nepali|NP|in|Federal Parliament|
China|Beijing|Chinese|CN|zh|National People's Congress|People's Republic of China;PRC
Japan|Tokyo|Japanese|JP|ja|Diet|
South Korea|Seoul|South Korean|KR|ko|National Assembly|Republic of Korea;ROK
Mongolia|Ulaanbaatar|Mongolian|MN|mn|State Great Khural|
Vietnam|Hanoi|Vietnamese|VN|vi|National Assembly|Viet Nam
Laos|Vientiane|Lao|LA|vi|National Assembly|Lao PDR
Cambodia|Phnom Penh|Cambodian|KH|vi|National Assembly|Kingdom of Cambodia
Thailand|Bangkok|Thai|TH|th|National Assembly|Kingdom of Thailand
Indonesia|Jakarta|Indonesian|ID|id|House of Representatives|Republic of Indonesia
Malaysia|Kuala Lumpur|Malaysian|MY|ms|Dewan Rakyat|
Singapore|Singapore|Singaporean|SG|zh|Parliament of Singapore|
Philippines|Manila|Filipino|PH|es|House of Representatives|
Australia|Canberra|Australian|AU|en|Parliament of Australia|
New Zealand|Wellington|New Zealand|NZ|en|House of Representatives|
United States|Washington|American|US|en|Congress|U.S.;US;United States of America
Canada|Ottawa|Canadian|CA|en|House of Commons|
Mexico|Mexico City|Mexican|MX|es|Chamber of Deputies|
Brazil|Brasilia|Brazilian|BR|pt|National Congress|Federative Republic of Brazil
Argentina|Buenos Aires|Argentine|AR|es|National Congress|
Chile|Santiago|Chilean|CL|es|Chamber of Deputies|
Colombia|Bogota|Colombian|CO|es|Congress|
Peru|Lima|Peruvian|PE|es|Congress|
Venezuela|Caracas|Venezuelan|VE|es|National Assembly|
Cuba|Havana|Cuban|CU|es|National Assembly of People's Power|
United Kingdom|London|British|GB|en|House of Commons|UK;Britain
Ireland|Dublin|Irish|IE|en|Dáil|
France|Paris|French|FR|fr|National Assembly|French Republic
Germany|Berlin|German|DE|de|Bundestag|Federal Republic of Germany
Austria|Vienna|Austrian|AT|de|National Council|
Switzerland|Bern|Swiss|CH|de|Federal Assembly|
Netherlands|The Hague|Dutch|NL|nl|House of Representatives|Kingdom of the Netherlands
Belgium|Brussels|Belgian|BE|nl|Chamber of Representatives|
Italy|Rome|Italian|IT|it|Chamber of Deputies|Italian Republic
Spain|Madrid|Spanish|ES|es|Congress of Deputies|Kingdom of Spain
Portugal|Lisbon|Portuguese|PT|pt|Assembly of the Republic|
Greece|Athens|Greek|GR|gr|Hellenic Parliament|Hellenic Republic
Poland|Warsaw|Polish|PL|pl|Sejm|Republic of Poland
Czech Republic|Prague|Czech|CZ|pl|Chamber of Deputies|Czechia
Hungary|Budapest|Hungarian|HU|hu|National Assembly|
Romania|Bucharest|Romanian|RO|ro|Chamber of Deputies|
Bulgaria|Sofia|Bulgarian|BG|sr|National Assembly|
Serbia|Belgrade|Serbian|RS|sr|National Assembly|Republic of Serbia
Croatia|Zagreb|Croatian|HR|sr|Sabor|
Sweden|Stockholm|Swedish|SE|no|Riksdag|
Norway|Oslo|Norwegian|NO|no|Storting|
Finland|Helsinki|Finnish|FI|no|Eduskunta|
Denmark|Copenhagen|Danish|DK|no|Folketing|
Estonia|Tallinn|Estonian|EE|no|Riigikogu|
Lithuania|Vilnius|Lithuanian|LT|pl|Seimas|
South Africa|Pretoria|South African|ZA|af|National Assembly|
Nigeria|Abuja|Nigerian|NG|af|National Assembly|Federal Republic of Nigeria
Kenya|Nairobi|Kenyan|KE|af|National Assembly|
Ethiopia|Addis Ababa|Ethiopian|ET|af|House of Peoples' Representatives|
Ghana|Accra|Ghanaian|GH|af|Parliament of Ghana|
Senegal|Dakar|Senegalese|SN|fa_af|National Assembly|
Tanzania|Dodoma|Tanzanian|TZ|af|National Assembly|
Rwanda|Kigali|Rwandan|RW|af|Chamber of Deputies|
Angola|Luanda|Angolan|AO|pt|National Assembly|
Ivory Coast|Yamoussoukro|Ivorian|CI|fa_af|National Assembly|Côte d'Ivoire
Mali|Bamako|Malian|ML|fa_af|National Transitional Council|
"""

REGIONS = ("az", "ar", "tr", "ru", "ua", "ca", "ge", "hy", "fa", "he", "pk", "in", "zh", "ja", "ko", "mn",
           "vi", "th", "id", "ms", "en", "es", "pt", "fr", "de", "nl", "it", "gr", "pl", "hu", "ro", "sr",
           "no", "af", "fa_af")


@dataclass(frozen=True)
class Country:
    """A state with the ways articles write it."""

    name: str
    capital: str
    demonym: str
    alpha2: str
    region: str
    parliament: str
    variants: tuple[str, ...] = field(default_factory=tuple)

    @property
    def official(self) -> str | None:
        """Official name from pycountry ("Kingdom of Morocco") or ``None``."""
        return _official(self.alpha2)


@lru_cache(maxsize=None)
def _official(alpha2: str) -> str | None:
    try:
        import pycountry
    except ImportError:  # pragma: no cover
        return None
    c = pycountry.countries.get(alpha_2=alpha2)
    return getattr(c, "official_name", None) if c else None


def _parse() -> list[Country]:
    out = []
    for line in _COUNTRY_TABLE.strip().splitlines():
        name, cap, dem, a2, reg, parl, var = line.split("|")
        out.append(Country(name, cap, dem, a2, reg, parl, tuple(v for v in var.split(";") if v)))
    return out


COUNTRIES: list[Country] = _parse()
_BY_NAME = {c.name: c for c in COUNTRIES}
_BY_A2 = {c.alpha2: c for c in COUNTRIES}


def country(name: str) -> Country:
    """Look up a country by its short name."""
    return _BY_NAME[name]


def country_by_alpha2(a2: str) -> Country | None:
    """Look up a country by ISO alpha-2 code."""
    return _BY_A2.get(a2.upper())


# ---- name pools: region -> (male given, female given, family, order) --------------------------
# order: "gf" given-family (short = family), "fg" family-given (short = family),
# "vi" Vietnamese (short = last given), "gf1" given-family (short = given, e.g. Indonesian)
_POOLS_RAW: dict[str, tuple[str, str, str, str]] = {
    "az": ("Jeyhun Elchin Ramiz Farid Anar Rovshan Mukhtar Hikmet Elnur Samir Vugar Fuad Ilgar Tahir",
           "Sahiba Gunay Leyla Aynur Sevinj Nargiz Malahat Gular", "Mammadov Hasanov Guliyev Bayramov Huseynov "
           "Ismayilov Gasimov Jafarov Rzayev Novruzov Babayev Amirbayov Hajiyev Musayev", "gf"),
    "ru": ("Sergei Dmitry Alexei Andrei Mikhail Nikolai Igor Yuri Oleg Maxim Grigory Pavel Vyacheslav",
           "Maria Valentina Elena Olga Tatiana Irina Svetlana", "Petrov Volkov Sokolov Lavrentyev Morozov Orlov "
           "Belov Kuznetsov Galuzin Rudenko Ryabkov Overchuk Zakharov Matviyenko Pankin", "gf"),
    "ua": ("Oleksandr Dmytro Andriy Taras Mykola Vadym Denys Ruslan Serhiy", "Olena Iryna Yulia Oksana Olha",
           "Shevchenko Kovalenko Bondarenko Tkachenko Melnyk Sybiha Stefanchuk Yermak Kuleba Marchenko", "gf"),
    "ca": ("Murat Bakhtiyor Abdulaziz Rashid Sirojiddin Jeenbek Yerlan Rashid Kairat Zhenis Akylbek",
           "Gulnara Dinara Aizhan Saida", "Nurtleu Saidov Kamilov Meredov Muhriddin Kulubaev Abdrakhmanov "
           "Zhumabekov Koshanov Japarov Karin Ashimbaev Ismoilov", "gf"),
    "ge": ("Irakli Ilia Giorgi Levan Davit Shalva Zurab", "Salome Nino Tamar Maka",
           "Kobakhidze Darchiashvili Papuashvili Garibashvili Zalkaliani Botchorishvili Japaridze", "gf"),
    "hy": ("Ararat Nikol Alen Vahan Armen Paruyr Mher", "Anna Lilit Gayane", "Mirzoyan Pashinyan Simonyan "
           "Kostanyan Grigoryan Hovhannisyan Sargsyan Papikyan", "gf"),
    "az_tr": ("", "", "", "gf"),
    "tr": ("Ahmet Mehmet Hakan Ömer Mustafa Kemal Emre Murat Numan Cevdet Yaşar", "Ayşe Zeynep Elif Fatma",
           "Yılmaz Kaya Demir Çelik Şahin Öztürk Aydın Arslan Doğan Kurtulmuş Fidan Bolat Kılıç", "gf"),
    "ar": ("Mohammed Ahmed Abdullah Khalid Faisal Nasser Omar Youssef Hamad Sultan Tariq Ayman Nasser Badr",
           "Fatima Noura Mariam Reem Amal Lubna", "Bourita Shoukry Abdelatty Haddad Mansour Khoury Al-Sabah "
           "Al Busaidi Al-Khalifa Al Zayani Safadi Attaf Nabil El-Sayed Al-Marri Bouchaib", "gf"),
    "fa": ("Hossein Abbas Mohammad Ali Mahmoud Hassan Saeed Kazem Majid Reza", "Masoumeh Zahra Fatemeh",
           "Rezaei Hosseini Mousavi Kazemi Gharibabadi Tehrani Jafari Karimi Sadeghi Bagheri Araghchi Ghalibaf",
           "gf"),
    "he": ("Eli Yair Gideon Israel Naftali Yoav Amichai Ron", "Tzipi Orit Miri", "Cohen Levi Katz Saar Lapid "
           "Dermer Herzog Ohana Shapira", "gf"),
    "pk": ("Shehbaz Ishaq Bilawal Asif Shah Ayaz Raza Mohsin Ahsan Jalil", "Hina Sherry Maryam",
           "Sharif Dar Khan Qureshi Abbasi Malik Baloch Naqvi Iqbal Gilani Khar", "gf"),
    "in": ("Subrahmanyam Rajnath Piyush Vikram Arun Sanjay Anil Ashwini Hardeep Kiren Vinay",
           "Nirmala Meenakshi Priya Smriti Anupriya", "Jaishankar Singh Sharma Goyal Patel Reddy Menon Iyer "
           "Gupta Kumar Nair Chaudhary Misri Kwatra Birla", "gf"),
    "zh": ("Yi Qiang Wei Jianguo Xiaoming Lei Zhiwei Gang Ning Jun Zhaoxu Yong Lijian",
           "Hong Yanhua Haiyan Dongmei Chunying Ning", "Wang Li Zhang Liu Chen Yang Zhao Huang Zhou Wu Xu Sun "
           "Ma Hu Guo Ding Han Cai", "fg"),
    "ja": ("Fumio Taro Yoshimasa Toshimitsu Hiroshi Kenji Takeshi Shinjiro Takeshi Koichi Shigeru",
           "Yoko Yuko Akiko Seiko", "Kishida Kamikawa Hayashi Motegi Suzuki Tanaka Watanabe Yamamoto Nakamura "
           "Kobayashi Iwaya Nakatani Kono", "gf"),
    "ko": ("Jin Eui-yong Tae-yul Sung-han Min-soo Hyun-woo Young-ho Chang-yoon Duk-soo Seok-yeol",
           "Kyung-wha Ji-won Mi-kyung", "Park Kim Lee Choi Chung Yoon Cho Kang Han Ahn Shin", "fg"),
    "mn": ("Batmunkh Luvsannamsrai Gombojav Oyun-Erdene Battsetseg Zandanshatar", "Oyunchimeg Sarangerel",
           "Battsetseg Enkhbayar Batjargal Tsogtbaatar Luvsannyam Khurelsukh", "gf"),
    "vi": ("Van Minh Duc Quoc Hong Thanh Xuan Dinh", "Thi Thu Thanh Hong",
           "Nguyen Tran Le Pham Vo Do Bui Dang Ho Vu", "vi"),
    "th": ("Don Maris Parnpree Srettha Thanakorn Anutin Chaiya", "Paetongtarn Sirada",
           "Pramudwinai Sangiampongsa Bahiddha-nukara Thavisin Wongsuwan Charnvirakul", "gf"),
    "id": ("Joko Sugiono Budi Arif Bambang Luhut Airlangga Pratikno Teguh", "Retno Sri Puan Dewi",
           "Marsudi Widodo Santoso Gunadi Hartarto Pandjaitan Setiawan Maharani Indrawati", "gf1"),
    "ms": ("Mohamad Anwar Zambry Saifuddin Tengku Fadillah Ismail", "Nurul Azalina Hannah",
           "bin Haji Hasan Ibrahim Abdul Kadir Nasution Zafrul Yusof Sabri Othman", "gf1"),
    "en": ("Antony David James Simon Winston Mark Richard Jonathan Stephen Patrick Jake Marco", "Penny Melanie "
           "Helen Catherine Jacinda Linda Victoria Wendy Julie", "Blinken Cameron Cleverly Wong Joly Peters "
           "Martin Harris Lammy Coveney Smith Brown Taylor O'Brien McCarthy Thomas-Greenfield Campbell", "gf"),
    "es": ("José Luis Carlos Marcelo Alberto Andrés Diego Javier Felipe Santiago Gustavo Álvaro",
           "María Ana Gabriela Lucía Isabel Alicia Diana", "García Rodríguez López Martínez Fernández González "
           "de la Fuente Ebrard Albares Cafiero Leyva Holguín Pérez Sánchez Bárcena Mondino Murillo", "gf"),
    "pt": ("Mauro Luiz João Paulo Augusto Celso Ernesto Téte", "Marina Ana Beatriz",
           "da Silva Vieira Costa Santos Pereira Rangel Gomes Amorim França Antonio", "gf"),
    "fr": ("Jean-Yves Stéphane Emmanuel Laurent Pierre Bruno Jean-Noël Sébastien Gérald", "Catherine Sophie "
           "Marie Anne-Claire Chrysoula Élisabeth", "Le Drian Colonna Séjourné Barrot Dupont Moreau Lefèvre "
           "de Villepin Bernard Girard Lecornu Attal Le Maire", "gf"),
    "de": ("Olaf Frank-Walter Heiko Johann Jürgen Markus Boris Christian Alexander Cem", "Annalena Ursula "
           "Katja Sabine Svenja Nancy", "Wadephul Maas Schmidt Müller Schneider Fischer Weber von der Leyen "
           "Becker Pistorius Schallenberg Keller Steinmeier", "gf"),
    "nl": ("Wopke Mark Caspar Hadja Dick Bart Maxime Hendrik", "Hanke Sigrid Liesje Hadja",
           "Hoekstra Rutte Kaag Veldkamp van der Berg de Vries van Dijk Bruins Slot Schoof Prévot De Croo", "gf"),
    "it": ("Antonio Luigi Paolo Matteo Guido Giancarlo Edmondo", "Giorgia Marta Elisabetta",
           "Tajani Rossi Bianchi Crosetto Giorgetti Ferrari Romano Cirielli", "gf"),
    "gr": ("Nikos Giorgos Dimitris Kyriakos Alexis Konstantinos", "Katerina Dora",
           "Dendias Papadopoulos Gerapetritis Mitsotakis Dimas Katrougalos Kombos", "gf"),
    "pl": ("Radosław Zbigniew Andrzej Jan Tomasz Jakub Marcin Piotr", "Beata Anna Katarzyna Agnieszka",
           "Sikorski Rau Duda Lipavský Kowalski Nowak Wiśniewski Landsbergis Budrys", "gf"),
    "hu": ("Péter Viktor Levente Zoltán Tamás", "Katalin Judit", "Szijjártó Orbán Magyar Kövér Nagy", "gf"),
    "ro": ("Bogdan Klaus Marcel Emil Sorin Nicolae", "Luminița Ramona", "Aurescu Iohannis Ciolacu Hurezeanu "
           "Popescu Ionescu Ciucă", "gf"),
    "sr": ("Ivica Marko Nikola Aleksandar Gordan Andrej Milan Ivan", "Ana Milica Teodora Marija",
           "Dačić Petrović Jovanović Kovačević Grlić Radman Đurić Brnabić Plenković Georgiev", "gf"),
    "no": ("Lars Tobias Espen Pekka Jonas Tobias Urmas Ulf Margus", "Anniken Elina Maria Ann Kaja Mette",
           "Løkke Rasmussen Billström Huitfeldt Barth Eide Haavisto Valtonen Andersson Johansson Nielsen "
           "Virtanen Tsahkna Kristersson Støre", "gf"),
    "af": ("Cyril Bola Yusuf Abiy Kwame Uhuru William Paul Samuel Ronald Musalia Olusegun Hakainde",
           "Naledi Amina Samia Ngozi Grace Faith", "Pandor Tinubu Tuggar Ruto Mutua Kagame Mensah Okonkwo "
           "Adeyemi Mudavadi Lamola Kabila Ablakwa Tesfaye Nduhungirehe Mulamula Kombo", "gf"),
    "fa_af": ("Ousmane Alassane Moussa Macky Abdoulaye Bassirou Yassine Léon", "Fatou Aïssata Mariam",
              "Diallo Traoré Ouattara Sall Ndiaye Keita Fall Diop Sonko Coulibaly Kaba", "gf"),
}

# Arab and Gulf royals / honorific names: (full, short, honorific)
ARAB_COMPOUND = [("Faisal bin Farhan Al Saud", "Faisal", "Prince"),
                 ("Abdullah bin Zayed Al Nahyan", "Abdullah", "Sheikh"),
                 ("Mohammed bin Abdulrahman Al Thani", "Mohammed", "Sheikh"),
                 ("Badr bin Hamad Al Busaidi", "Badr", "Sayyid"),
                 ("Abdullatif bin Rashid Al Zayani", "Al Zayani", "Dr."),
                 ("Salem Abdullah Al-Jaber Al-Sabah", "Al-Sabah", "Sheikh"),
                 ("Khalid bin Mohamed Al Attiyah", "Al Attiyah", "Dr."),
                 ("Tamim bin Hamad Al Thani", "Tamim", "Sheikh"),
                 ("Turki bin Mohammed Al Saud", "Turki", "Prince"),
                 ("Saif bin Zayed Al Nahyan", "Saif", "Sheikh")]


@dataclass(frozen=True)
class NamePool:
    """Given names (male/female), family names and the region's name order."""

    male: tuple[str, ...]
    female: tuple[str, ...]
    family: tuple[str, ...]
    order: str


def _family_tokens(s: str) -> tuple[str, ...]:
    # multi-word family names that must stay together
    joined = ("de la Fuente", "da Silva", "Le Drian", "de Villepin", "von der Leyen", "van der Berg",
              "de Vries", "van Dijk", "Bruins Slot", "Le Maire", "Grlić Radman", "Løkke Rasmussen",
              "Barth Eide", "De Croo", "bin Haji Hasan", "Abdul Kadir")
    for j in joined:
        s = s.replace(j, j.replace(" ", "_"))
    return tuple(dict.fromkeys(t.replace("_", " ") for t in s.split()))


NAME_POOLS: dict[str, NamePool] = {
    k: NamePool(tuple(dict.fromkeys(m.split())), tuple(dict.fromkeys(f.split())), _family_tokens(fam), o)
    for k, (m, f, fam, o) in _POOLS_RAW.items() if m}

HONORIFICS_M = ("Mr.", "Mr")
HONORIFICS_F = ("Ms.", "Mrs.", "Ms")

# ---- organisations, summits, agencies ---------------------------------------------------------
SUMMITS = [  # (text, city, country)
    ("UN General Assembly", "New York", "United States"), ("G20 summit", "New Delhi", "India"),
    ("G20 summit", "Rio de Janeiro", "Brazil"), ("G20 summit", "Bali", "Indonesia"),
    ("NATO summit", "Vilnius", "Lithuania"), ("NATO summit", "Washington", "United States"),
    ("NATO summit", "The Hague", "Netherlands"), ("ASEAN Summit", "Jakarta", "Indonesia"),
    ("ASEAN Summit", "Vientiane", "Laos"), ("ASEAN Foreign Ministers' Meeting", "Kuala Lumpur", "Malaysia"),
    ("COP28 climate conference", "Dubai", "United Arab Emirates"), ("COP29", "Baku", "Azerbaijan"),
    ("SCO summit", "Astana", "Kazakhstan"), ("SCO summit", "Samarkand", "Uzbekistan"),
    ("BRICS summit", "Kazan", "Russia"), ("BRICS summit", "Johannesburg", "South Africa"),
    ("Munich Security Conference", "Munich", "Germany"), ("World Economic Forum", "Davos", "Switzerland"),
    ("Antalya Diplomacy Forum", "Antalya", "Turkey"), ("OSCE Ministerial Council", "Skopje", "North Macedonia"),
    ("Commonwealth Heads of Government Meeting", "Kigali", "Rwanda"), ("African Union summit", "Addis Ababa",
                                                                         "Ethiopia"),
    ("Arab League summit", "Jeddah", "Saudi Arabia"), ("OIC Council of Foreign Ministers", "Yaounde", "Cameroon"),
    ("Non-Aligned Movement summit", "Kampala", "Uganda"), ("Raisina Dialogue", "New Delhi", "India"),
    ("Shangri-La Dialogue", "Singapore", "Singapore"), ("APEC summit", "Lima", "Peru"),
    ("St. Petersburg International Economic Forum", "St. Petersburg", "Russia"),
    ("Boao Forum for Asia", "Boao", "China"), ("CICA summit", "Astana", "Kazakhstan"),
    ("European Political Community summit", "Granada", "Spain"), ("Doha Forum", "Doha", "Qatar"),
]
AGENCIES = [  # (full, short)
    ("Trend News Agency", "Trend"), ("Anadolu Agency", "AA"), ("Vietnam News Agency", "VNA"),
    ("Xinhua", "Xinhua"), ("Reuters", "Reuters"), ("Associated Press", "AP"), ("AFP", "AFP"),
    ("Kazinform", "Kazinform"), ("Mehr News Agency", "MNA"), ("Emirates News Agency", "WAM"),
    ("Associated Press of Pakistan", "APP"), ("Press Trust of India", "PTI"), ("TASS", "TASS"),
    ("Ukrinform", "Ukrinform"), ("Kyodo News", "Kyodo"), ("Yonhap", "Yonhap"), ("Bernama", "Bernama"),
    ("Antara", "Antara"), ("Saudi Press Agency", "SPA"), ("Qatar News Agency", "QNA"), ("APA", "APA"),
    ("AzerTac", "AzerTac"), ("Armenpress", "Armenpress"), ("Daily Sabah", "Daily Sabah"),
    ("Egypt Independent", "MENA"), ("Prensa Latina", "PL"), ("Agencia EFE", "EFE"), ("IRNA", "IRNA"),
    ("KUNA", "KUNA"), ("Oman News Agency", "ONA"), ("Philippine News Agency", "PNA"),
]
ORGS_INTL = ["United Nations", "European Union", "NATO", "ASEAN", "African Union", "OSCE", "Organization of "
             "Turkic States", "Shanghai Cooperation Organisation", "Gulf Cooperation Council", "World Bank",
             "International Monetary Fund", "IAEA", "WHO", "Arab League", "Commonwealth of Independent States",
             "Organisation of Islamic Cooperation", "BRICS", "European Commission", "UN Security Council"]
