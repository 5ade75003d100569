"""people: broken names of real pages mended; each shape written for this test."""
from __future__ import annotations

import pytest
from conftest import check, tag

from diplomodel.extraction import build_brief
from diplomodel.knowledge.names import clean_name


@pytest.mark.parametrize("text,spec,names", [
    # a handle is no name of its own
    ("Ana Lopez spoke by phone with Omar Khan. 'Good talk with @OmarKhanR,' she wrote.",
     [("Ana Lopez", "PARTICIPANT"), ("Omar Khan", "PARTICIPANT"), ("OmarKhanR", "PARTICIPANT")], ["Ana Lopez", "Omar Khan"]),
    # a word of office run into the name by a page that lost its line breaks
    ("Ana Lopez received Dr. Omar KhanAmbassador of Chad.",
     [("Ana Lopez", "PARTICIPANT"), ("Omar KhanAmbassador", "PARTICIPANT")], ["Ana Lopez", "Omar Khan"]),
    # a lone initial glued to the surname
    ("Prime Minister U.Batbold met Ana Lopez.",
     [("Batbold", "PARTICIPANT"), ("Ana Lopez", "PARTICIPANT")], ["U.Batbold", "Ana Lopez"]),
])
def test_broken_names_are_mended(text, spec, names):
    b = build_brief(text, tag(text, spec), None)
    check(b)
    assert [p.name for p in b.participants] == names


@pytest.mark.parametrize("raw,name", [
    ("Najib Mikati&rsquo;s", "Najib Mikati"), ("Najib Mikatirsquo", "Najib Mikati"), ("Ana Lopez&#39;s", "Ana Lopez"),
])
def test_undecoded_html_possessives(raw, name):
    assert clean_name(raw) == name


def test_an_abbreviated_title_is_no_person():
    t = "Lankan Prez and PM Ana Lopez met Omar Khan."
    b = build_brief(t, tag(t, [("Prez", "PARTICIPANT"), ("Ana Lopez", "PARTICIPANT"), ("Omar Khan", "PARTICIPANT")]), None)
    assert [p.name for p in b.participants] == ["Ana Lopez", "Omar Khan"]


def test_half_of_a_hyphenated_name_is_taken_in():
    from diplomodel.extraction.people import mend_name_edges
    from diplomodel.models.labels import Entity

    t = "Kassym-Jomart Tokayev met Pedro Sanchez Perez-Castejon and the Secretary-General Ana Ruiz."
    def at(w):
        return Entity(t.index(w), t.index(w) + len(w), "PARTICIPANT")
    got = [t[e.start:e.end] for e in mend_name_edges(t, [at("Jomart Tokayev"), at("Pedro Sanchez Perez"), at("Ana Ruiz")])]
    assert got == ["Kassym-Jomart Tokayev", "Pedro Sanchez Perez-Castejon", "Ana Ruiz"]


def test_a_one_word_source_is_no_person_but_a_cited_person_stays_one():
    from diplomodel.extraction.participants import demote_non_people
    from diplomodel.models.labels import Entity

    t = "Ana Lopez spoke with Omar Khan by phone, Lumina cites Ordana. Talks were good, according to Khan."
    def at(w, k=0):
        i = t.index(w, k)
        return Entity(i, i + len(w), "PARTICIPANT")
    ents = [at("Ana Lopez"), at("Omar Khan"), at("Lumina"), at("Ordana"), at("Khan", 70)]
    got = [(t[e.start:e.end], e.label) for e in demote_non_people(t, ents)]
    assert got == [("Ana Lopez", "PARTICIPANT"), ("Omar Khan", "PARTICIPANT"), ("Lumina", "ORG"),
                   ("Ordana", "ORG"), ("Khan", "PARTICIPANT")]
