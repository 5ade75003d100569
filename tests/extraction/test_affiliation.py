"""Countries of participants that no attribute next to a name gives (diplomodel.extraction.affiliation), run
through build_brief so the order of trust against the host/dateline rules is tested too. Each case
would fail a naive rule (first country in the text, dateline country, nearest demonym)."""
from __future__ import annotations

import datetime

import pytest

from diplomodel.extraction import build_brief
from diplomodel.knowledge.geo import country_name

from conftest import check, tag

PUB = datetime.date(2023, 5, 21)


def countries(text: str, spec: list[tuple[str, str]]) -> dict[str, str | None]:
    b = check(build_brief(text, tag(text, spec), PUB))
    return {p["name"]: p["country"] for p in b["participants"]}


def test_a_later_definite_description_names_the_country():
    t = ("Interior Minister Khalid Khoury and Lithuanian Foreign Minister Jonas Ona held telephone talks on "
         "Thursday. The Kuwaiti interior minister later spoke to reporters.")
    got = countries(t, [("Khalid Khoury", "PARTICIPANT"), ("Jonas Ona", "PARTICIPANT"),
                        ("Interior Minister", "TITLE"), ("Foreign Minister", "TITLE"),
                        ("Lithuanian", "COUNTRY"), ("Kuwaiti", "COUNTRY")])
    assert got == {"Khalid Khoury": "Kuwait", "Jonas Ona": "Lithuania"}


def test_a_description_of_the_side_already_named_fills_nobody():
    # "the Lao energy minister" is Son (already Lao), not the other energy minister
    t = ("Lao Minister of Energy Nguyen Son met Minister of Energy Sri Gunadi on Monday. "
         "The Lao energy minister passed on warm regards.")
    got = countries(t, [("Nguyen Son", "PARTICIPANT"), ("Sri Gunadi", "PARTICIPANT"),
                        ("Minister of Energy", "TITLE"), ("Lao", "COUNTRY")])
    assert got["Nguyen Son"] == "Laos" and got["Sri Gunadi"] != "Laos"


def test_a_letter_brought_from_home_gives_the_bearer_country_not_the_recipient():
    t = ("Foreign Minister Yoav Lapid met Uzbek Deputy Foreign Minister Akylbek Muhriddin on Monday in "
         "Tashkent. Mr Lapid delivered a letter from Israeli President Ron Shapira to the Uzbek side.")
    got = countries(t, [("Yoav Lapid", "PARTICIPANT"), ("Lapid", "PARTICIPANT"),
                        ("Akylbek Muhriddin", "PARTICIPANT"), ("Ron Shapira", "PERSON"),
                        ("Foreign Minister", "TITLE"), ("Deputy Foreign Minister", "TITLE"),
                        ("President", "TITLE"), ("Uzbek", "COUNTRY"), ("Israeli", "COUNTRY"),
                        ("Tashkent", "LOC")])
    assert got == {"Yoav Lapid": "Israel", "Akylbek Muhriddin": "Uzbekistan"}


def test_a_stance_for_a_country_and_the_partner_named_with_it():
    # the host rule alone would give Herzog Israel (right) but leave Perez empty
    t = ("President Isaac Herzog met Speaker Carlos Perez on Sunday. Herzog stressed that Israel attaches "
         "great importance to relations with Colombia.")
    got = countries(t, [("Isaac Herzog", "PARTICIPANT"), ("Herzog", "PARTICIPANT"),
                        ("Carlos Perez", "PARTICIPANT"), ("President", "TITLE"), ("Speaker", "TITLE"),
                        ("Israel", "COUNTRY"), ("Colombia", "COUNTRY")])
    assert got == {"Isaac Herzog": "Israel", "Carlos Perez": "Colombia"}


def test_the_last_country_left_in_a_list_goes_to_the_last_participant_left():
    t = ("The foreign ministers of Greece, Iran and Singapore met on Sunday: Nikos Dendias of Greece, "
         "Iranian Foreign Minister Reza Amiri and Foreign Minister Vivian Balakrishnan.")
    got = countries(t, [("Nikos Dendias", "PARTICIPANT"), ("Reza Amiri", "PARTICIPANT"),
                        ("Vivian Balakrishnan", "PARTICIPANT"), ("Foreign Minister", "TITLE"),
                        ("Greece", "COUNTRY"), ("Iran", "COUNTRY"), ("Singapore", "COUNTRY"),
                        ("Iranian", "COUNTRY")])
    assert got == {"Nikos Dendias": "Greece", "Reza Amiri": "Iran", "Vivian Balakrishnan": "Singapore"}


def test_a_summit_venue_is_nobodys_country():
    # dateline and venue are Singapore; neither participant is Singaporean
    t = ("SINGAPORE, July 17 (AP) - Thai Energy Minister Maris Wongsuwan held a brief meeting with "
         "Foreign Minister Radek Sikora on Friday while attending the Shangri-La Dialogue in Singapore.")
    b = check(build_brief(t, tag(t, [("Maris Wongsuwan", "PARTICIPANT"), ("Radek Sikora", "PARTICIPANT"),
                                     ("Energy Minister", "TITLE"), ("Foreign Minister", "TITLE"),
                                     ("Thai", "COUNTRY"), ("SINGAPORE", "LOC"), ("Singapore", "LOC"),
                                     ("July 17", "DATE"), ("Friday", "DATE")]), PUB))
    assert b["format"] == "multilateral_sidelines"
    assert {p["name"]: p["country"] for p in b["participants"]} == {"Maris Wongsuwan": "Thailand",
                                                                      "Radek Sikora": None}


def test_a_national_agency_reports_its_own_official_without_a_nationality():
    t = ("ISLAMABAD, Jan 12 (APP): Foreign Minister Ishaq Dar held a telephone conversation with "
         "Turkish Foreign Minister Hakan Fidan on Friday.")
    got = countries(t, [("Ishaq Dar", "PARTICIPANT"), ("Hakan Fidan", "PARTICIPANT"),
                        ("Foreign Minister", "TITLE"), ("Turkish", "COUNTRY"), ("ISLAMABAD", "LOC")])
    assert got == {"Ishaq Dar": "Pakistan", "Hakan Fidan": "Turkey"}


def test_an_official_of_an_international_body_gets_no_country():
    t = ("UN Secretary-General Antonio Guterres met Paraguayan President Santiago Pena in New York on "
         "Tuesday. They discussed relations with Paraguay and the situation in Ukraine.")
    b = check(build_brief(t, tag(t, [("Antonio Guterres", "PARTICIPANT"), ("Santiago Pena", "PARTICIPANT"),
                                     ("Secretary-General", "TITLE"), ("President", "TITLE"),
                                     ("UN", "ORG"), ("Paraguayan", "COUNTRY"), ("Paraguay", "COUNTRY"),
                                     ("Ukraine", "COUNTRY"), ("New York", "LOC")]), PUB))
    got = {p["name"]: p["country"] for p in b["participants"]}
    assert got == {"Antonio Guterres": None, "Santiago Pena": "Paraguay"}


def test_demonyms_of_smaller_states_normalise():
    assert [country_name(x) for x in ["Rwandan", "Malian", "Burkinabe", "Slovene", "Lao PDR", "Burmese",
                                      "Paraguayan", "Kosovar", "Rwandese Republic"]] == [
        "Rwanda", "Mali", "Burkina Faso", "Slovenia", "Laos", "Myanmar", "Paraguay", "Kosovo", "Rwanda"]


def test_the_hosts_own_officials_take_the_meeting_country_after_elimination():
    t = ("Ana Lopez of Chile met President Omar Khan and Minister Lina Park in Rabat. "
         "Khan and Park welcomed the Chilean delegation.")
    b = build_brief(t, tag(t, [("Ana Lopez", "PARTICIPANT"), ("Omar Khan", "PARTICIPANT"), ("Lina Park", "PARTICIPANT"),
                               ("Khan", "PARTICIPANT"), ("Park", "PARTICIPANT"), ("Chile", "COUNTRY"),
                               ("Chilean", "COUNTRY"), ("Rabat", "LOC")]), None)
    check(b)
    assert b.location.country == "Morocco"
    assert {p.name: p.country for p in b.participants} == {"Ana Lopez": "Chile", "Omar Khan": "Morocco",
                                                          "Lina Park": "Morocco"}


@pytest.mark.parametrize("text,spec,title", [
    ("Ana Lopez received the Ambassador to Chile Omar Khan.",
     [("Ambassador", "TITLE"), ("Chile", "COUNTRY")], "Ambassador to Chile"),
    ("Prime Minister of Japan Omar Khan met Ana Lopez.", [("Prime Minister", "TITLE"), ("Japan", "COUNTRY")],
     "Prime Minister of Japan"),
    ("PM Omar Khan met Ana Lopez.", [("PM", "TITLE")], "Prime Minister"),
])
def test_titles_as_written_with_their_state(text, spec, title):
    b = build_brief(text, tag(text, spec + [("Ana Lopez", "PARTICIPANT"), ("Omar Khan", "PARTICIPANT")]), None)
    check(b)
    assert {p.name: p.title for p in b.participants}["Omar Khan"] == title


def test_a_long_run_of_whitespace_between_a_title_and_a_name_is_read_in_linear_time():
    """bench/fuzz.py found a 1,095-character input that ran for minutes: the filler between a title
    and a name was ``(?:\\s+|...)*``, which backtracks exponentially on a run of tabs it cannot end."""
    import time

    t = "Foreign Minister " + "\t" * 26 + ",x Ana Lopez met Ali Khan in Rabat."   # 22 tabs took 1 s
    start = time.perf_counter()
    b = check(build_brief(t, tag(t, [("Foreign Minister", "TITLE"), ("Ana Lopez", "PARTICIPANT"),
                                     ("Ali Khan", "PARTICIPANT"), ("Rabat", "LOC")]), PUB))
    assert time.perf_counter() - start < 2.0
    assert [p["title"] for p in b["participants"]] == [None, None]   # ",x" cuts the chain


def _titles(text: str, spec: list[tuple[str, str]]) -> dict[str, str | None]:
    b = check(build_brief(text, tag(text, spec), PUB))
    return {p["name"]: p["title"] for p in b["participants"]}


def test_listed_envoys_take_the_plural_title_of_the_sentence_before():
    t = ("President Ana Lopez received letters of credence from three newly appointed ambassadors to Kenya on "
         "Wednesday. The envoys included Ivo Kral (Czechia), Li Na (China) and Omar Khan (Egypt).")
    got = _titles(t, [("Ana Lopez", "PARTICIPANT"), ("Ivo Kral", "PARTICIPANT"), ("Li Na", "PARTICIPANT"),
                      ("Omar Khan", "PARTICIPANT"), ("President", "TITLE"), ("Kenya", "COUNTRY"),
                      ("Czechia", "COUNTRY"), ("China", "COUNTRY"), ("Egypt", "COUNTRY")])
    assert got == {"Ana Lopez": "President", "Ivo Kral": "Ambassador to Kenya", "Li Na": "Ambassador to Kenya",
                   "Omar Khan": "Ambassador to Kenya"}


def test_who_presents_credentials_is_an_ambassador_and_a_titled_host_keeps_their_title():
    t = ("President Ana Lopez met the new envoys on Tuesday. Also presenting credentials on Tuesday were "
         "Ivo Kral of Czechia and Li Na of China.")
    got = _titles(t, [("Ana Lopez", "PARTICIPANT"), ("Ivo Kral", "PARTICIPANT"), ("Li Na", "PARTICIPANT"),
                      ("President", "TITLE"), ("Czechia", "COUNTRY"), ("China", "COUNTRY")])
    assert got == {"Ana Lopez": "President", "Ivo Kral": "Ambassador", "Li Na": "Ambassador"}


def test_a_title_tagged_from_a_possessive_loses_the_s():
    t = "Ana Lopez met Omar Khan, the Premier's Advisor Li Na, on Monday in Lima."
    got = _titles(t, [("Ana Lopez", "PARTICIPANT"), ("Omar Khan", "PARTICIPANT"), ("Li Na", "PARTICIPANT"),
                      ("s Advisor", "TITLE")])
    assert got["Li Na"] == "Advisor"


def test_a_country_in_parentheses_after_the_name():
    t = ("Ana Lopez also met her colleagues Ivo Kral (Czechia), Li Na, (China) and Omar Khan on the "
         "sidelines of the summit in Lima.")
    got = countries(t, [("Ana Lopez", "PARTICIPANT"), ("Ivo Kral", "PARTICIPANT"), ("Li Na", "PARTICIPANT"),
                        ("Omar Khan", "PARTICIPANT"), ("Czechia", "COUNTRY"), ("China", "COUNTRY"), ("Lima", "LOC")])
    assert got["Ivo Kral"] == "Czech Republic" and got["Li Na"] == "China" and got["Omar Khan"] is None


def test_a_title_to_a_state_then_a_comma_still_describes_the_name():
    t = "Ana Lopez also met at her office with British Ambassador to Peru, Omar Khan, on Monday."
    b = check(build_brief(t, tag(t, [("Ana Lopez", "PARTICIPANT"), ("Omar Khan", "PARTICIPANT"),
                                     ("British", "COUNTRY"), ("Ambassador", "TITLE"), ("Peru", "COUNTRY")]), PUB))
    khan = next(p for p in b["participants"] if p["name"] == "Omar Khan")
    assert (khan["title"], khan["country"]) == ("Ambassador to Peru", "United Kingdom")


def test_the_one_left_never_gets_the_country_a_meeting_is_about():
    t = ("Ana Lopez spoke today with Colombian Foreign Minister Omar Khan. The two discussed their support for "
         "Ukraine and for Ukraine's recovery.")
    got = countries(t, [("Ana Lopez", "PARTICIPANT"), ("Omar Khan", "PARTICIPANT"), ("Colombian", "COUNTRY"),
                        ("Foreign Minister", "TITLE"), ("Ukraine", "COUNTRY")])
    assert got == {"Ana Lopez": None, "Omar Khan": "Colombia"}


def test_a_title_of_a_state_then_a_comma_gives_title_and_country():
    t = "Deputy Prime Minister and Minister of Foreign Affairs of Chile, Ana Lopez, met Omar Khan in Lima."
    b = check(build_brief(t, tag(t, [("Ana Lopez", "PARTICIPANT"), ("Omar Khan", "PARTICIPANT"),
                                     ("Deputy Prime Minister", "TITLE"), ("Minister of Foreign Affairs", "TITLE"),
                                     ("Chile", "COUNTRY"), ("Lima", "LOC")]), PUB))
    lopez = next(p for p in b["participants"] if p["name"] == "Ana Lopez")
    assert lopez["country"] == "Chile" and "Minister of Foreign Affairs" in lopez["title"]


@pytest.mark.parametrize("text", [
    "Ana Lopez met on Saturday Ivo Kral, Li Na and Omar Khan, her counterparts from Czechia, China and Egypt, respectively.",
    "Ana Lopez met the foreign ministers of Czechia, China and Egypt, Ivo Kral, Li Na and Omar Khan, respectively.",
])
def test_respectively_pairs_two_lists_in_order(text):
    got = countries(text, [("Ana Lopez", "PARTICIPANT"), ("Ivo Kral", "PARTICIPANT"), ("Li Na", "PARTICIPANT"),
                           ("Omar Khan", "PARTICIPANT"), ("Czechia,", "COUNTRY"), ("China", "COUNTRY"),
                           ("Egypt", "COUNTRY")])
    assert (got["Ivo Kral"], got["Li Na"], got["Omar Khan"]) == ("Czech Republic", "China", "Egypt")


def test_a_counterpart_then_a_comma_still_links_the_country_and_the_title():
    t = "Foreign Minister Ana Lopez met Omar Khan. Another talk Lopez held was with her Egyptian counterpart, Li Na."
    b = check(build_brief(t, tag(t, [("Ana Lopez", "PARTICIPANT"), ("Lopez", "PARTICIPANT"), ("Omar Khan", "PARTICIPANT"),
                                     ("Li Na", "PARTICIPANT"), ("Foreign Minister", "TITLE"), ("Egyptian", "COUNTRY")]), PUB))
    li = next(p for p in b["participants"] if p["name"] == "Li Na")
    assert li["country"] == "Egypt"


def test_a_list_of_appositives_gives_each_name_the_state_after_it():
    # the state that ends one name's appositive is not the next name's: each takes the one after it
    t = ("A meeting of Ana Lopez, the top diplomat of Chile, Omar Khan, the minister of foreign affairs of Egypt, "
         "Ivo Kral, the top diplomat of Peru and Foreign Minister Li Na of Norway took place in Lima.")
    got = countries(t, [("Ana Lopez", "PARTICIPANT"), ("Omar Khan", "PARTICIPANT"), ("Ivo Kral", "PARTICIPANT"),
                        ("Li Na", "PARTICIPANT"), ("top diplomat", "TITLE"), ("minister of foreign affairs", "TITLE"),
                        ("Foreign Minister", "TITLE"), ("Chile", "COUNTRY"), ("Egypt", "COUNTRY"), ("Peru", "COUNTRY"),
                        ("Norway", "COUNTRY"), ("Lima", "LOC")])
    assert got == {"Ana Lopez": "Chile", "Omar Khan": "Egypt", "Ivo Kral": "Peru", "Li Na": "Norway"}


def test_a_title_of_a_state_after_a_verb_still_introduces_the_next_name():
    # "spoke with the President of Mexico, Li Na": no appositive of the name before the verb
    t = "Today, the Prime Minister, Ana Lopez, spoke with the President of Mexico, Li Na."
    b = check(build_brief(t, tag(t, [("Ana Lopez", "PARTICIPANT"), ("Li Na", "PARTICIPANT"),
                                     ("Prime Minister", "TITLE"), ("President", "TITLE"), ("Mexico", "COUNTRY")]), PUB))
    li = next(p for p in b["participants"] if p["name"] == "Li Na")
    assert (li["title"], li["country"]) == ("President of Mexico", "Mexico")
