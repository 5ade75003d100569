"""The summary written from a brief's fields (diplomodel.compose): grammar a naive join gets wrong."""
from __future__ import annotations

from diplomodel.compose import compose_into, compose_summary, possessive
from diplomodel.schema import Location, MeetingBrief, Participant


def test_possessives_take_the_article_and_the_bare_apostrophe_english_writes():
    assert [possessive(c) for c in ["Chile", "United States", "Philippines", "Czech Republic", "Netherlands"]] == [
        "Chile's", "the United States'", "the Philippines'", "the Czech Republic's", "the Netherlands'"]


def test_a_multilateral_meeting_lists_every_other_side_and_the_topics():
    b = MeetingBrief(is_meeting=True, format="multilateral_sidelines", location=Location(None, "Egypt"),
                     participants=[Participant("Ana Lopez", "Foreign Minister", "United States"),
                                   Participant("Omar Khan", None, "Egypt"), Participant("Li Na", "Envoy")],
                     topics=["trade", " ", "water", "energy", "health", "ports", "fisheries"])
    assert compose_summary(b) == ("The United States' Foreign Minister Ana Lopez held talks with Egypt's Omar Khan and "
                                  "Envoy Li Na in Egypt on trade, water, energy, health and ports.")


def test_a_call_names_no_place_and_one_participant_holds_talks_alone():
    call = MeetingBrief(is_meeting=True, format="video_call", location=Location("Oslo", "Norway"),
                        participants=[Participant("Ana Lopez"), Participant("Omar Khan")])
    assert compose_summary(call) == "Ana Lopez held a video call with Omar Khan."
    alone = MeetingBrief(is_meeting=True, participants=[Participant("Ana Lopez")], topics=["trade"])
    assert compose_summary(alone) == "Ana Lopez held talks on trade."
    alone.format = "video_call"
    assert compose_summary(alone) == "Ana Lopez held a video call on trade."


def test_a_non_meeting_keeps_what_it_had():
    b = MeetingBrief(is_meeting=False, summary="The ministry issued a statement.",
                     participants=[Participant("Ana Lopez")])
    compose_into(b)
    assert b.summary == "The ministry issued a statement." and "summary" not in b.evidence
