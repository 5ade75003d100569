"""format and meeting cues; each case would fail a naive rule."""
from __future__ import annotations

import pytest

from diplomodel.extraction.format import find_format
from diplomodel.extraction.meeting import decide_is_meeting, meeting_cue_spans
from diplomodel.extraction.sentences import sentence_spans


def test_format_cues():
    assert find_format("They spoke by phone.")[0] == "phone_call"
    assert find_format("They held a telephone conversation.")[0] == "phone_call"
    assert find_format("They held a video call.")[0] == "video_call"  # not a phone "call"
    assert find_format("They met via videoconference.")[0] == "video_call"
    assert find_format("A virtual meeting was held.")[0] == "video_call"
    assert find_format("They met on the sidelines of the G20.")[0] == "multilateral_sidelines"
    assert find_format("They met on the margins of the summit.")[0] == "multilateral_sidelines"
    assert find_format("They met in Rabat.") == ("in_person", None)
    assert find_format("The phone rang while they met.")[0] == "in_person"  # "phone" alone is no cue


def test_format_prefers_lead_sentence():
    t = "Fidan received Lavrov in Ankara. The two had held a telephone call in May."
    assert find_format(t, prefer=[(0, 32)])[0] == "in_person"
    assert find_format(t)[0] == "phone_call"
    t2 = "Fidan held talks with Lavrov. The talks were held by videoconference."
    assert find_format(t2, prefer=sentence_spans(t2))[0] == "video_call"  # "held talks" is not "in person"


@pytest.mark.parametrize("text,fmt", [
    ("The two ministers met virtually on Monday.", "video_call"),
    ("Lopez called Dutch Foreign Minister Jan de Vries on Friday.", "phone_call"),
    ("Lopez called for restraint after the meeting with de Vries.", "in_person"),   # not a call
    ("Lopez called on both sides to talk; she met de Vries in Rabat.", "in_person"),
    ("In a call with de Vries, Lopez discussed trade.", "phone_call"),
    ("They met on the fringes of the UN General Assembly.", "multilateral_sidelines"),
])
def test_format_cues_of_wire_copy(text, fmt):
    assert find_format(text)[0] == fmt


def test_meeting_cues_and_negatives():
    assert meeting_cue_spans("He received a letter of condolence.") == []
    assert meeting_cue_spans("He received the envoy.") != []
    assert meeting_cue_spans("They met despite the sanctions.") != []  # strong cue survives a negative
    assert meeting_cue_spans("He issued a statement on the sanctions.") == []
    assert meeting_cue_spans("The commemorations were held.") == []  # "commemorations" is not "meeting"


def test_decide_is_meeting():
    assert decide_is_meeting(1, [(0, 3)], False)
    assert not decide_is_meeting(1, [], False)
    assert decide_is_meeting(2, [], False)
    assert not decide_is_meeting(2, [], True)
    assert not decide_is_meeting(0, [(0, 3)], False)


@pytest.mark.parametrize("text,fmt", [
    # a summit named without "sidelines": a bilateral there is a sidelines meeting
    ("Lopez met Khan during the Fifth World Conference of Speakers in Vienna.", "multilateral_sidelines"),
    ("Lopez met Khan at the Coastal Security Conference in Bergen on Saturday.", "multilateral_sidelines"),
    ("Lopez met her counterparts prior to the Lima Group Meeting.", "multilateral_sidelines"),
    ("Lopez is in Bali to attend the G20 Foreign Ministers Meeting.", "multilateral_sidelines"),
    ("Lopez and Khan spoke to reporters at a press conference in Rabat.", "in_person"),   # not an event
    ("Lopez met Khan during the meeting in Rabat.", "in_person"),                          # the meeting itself
    # readouts of calls in the plural, or naming the call later in the sentence
    ("Leaders of five states held a teleconference on Friday.", "phone_call"),
    ("Lopez held telephone conversations with Khan and Diaz.", "phone_call"),
    ("Lopez held telephonic talks with Khan.", "phone_call"),
    ("Lopez spoke with Khan; during the call they agreed to meet.", "phone_call"),
])
def test_format_cues_of_real_copy_shapes(text, fmt):
    assert find_format(text)[0] == fmt


@pytest.mark.parametrize("text", [
    "Lopez will pay an official visit to Hanoi next month.",
    "Lopez is set to hold talks with Khan in Rabat.",
    "Lopez said she expected to have online talks with Khan shortly.",
    "Lopez and Khan are to attend next week's summit.",
])
def test_plans_are_no_meeting_cues(text):
    assert meeting_cue_spans(text) == []


@pytest.mark.parametrize("text", ["Lopez held talks with Khan.", "Lopez and Khan discussed trade.",
                                  "The envoy presented his credentials to Lopez."])
def test_readouts_without_met_are_meeting_cues(text):
    assert meeting_cue_spans(text) != []


def test_a_readout_that_only_spoke_with_is_a_call():
    t = "Today, Prime Minister Ana Lopez spoke with the President of Chile, Omar Khan."
    assert find_format(t, prefer=sentence_spans(t))[0] == "phone_call"
    t2 = "Ana Lopez received Omar Khan in Rabat. Lopez spoke with Khan about trade."
    assert find_format(t2, prefer=sentence_spans(t2))[0] == "in_person"  # the room is named first


@pytest.mark.parametrize("text,expected", [
    ("Ana Lopez received the letters of credence of three envoys during a virtual ceremony.", "video_call"),
    ("Lopez and Khan met in Lima on the sides of the regional trade summit.", "multilateral_sidelines"),
    ("Lopez met Khan as part of the extraordinary ministerial meeting of the council.", "multilateral_sidelines"),
])
def test_virtual_ceremonies_and_summit_sides(text, expected):
    assert find_format(text)[0] == expected


def test_a_later_sidelines_cue_refines_an_in_person_headline():
    t = ("Lopez meets Khan in Lima\n\nAna Lopez met Omar Khan on Monday. Lopez and Khan spoke on the "
         "sidelines of the regional summit. Khan had met Lopez during the General Assembly in 2019.")
    sents = sentence_spans(t)
    assert find_format(t, prefer=sents)[0] == "multilateral_sidelines"
    # a later "during the ... Assembly" alone may be another meeting: the headline's "meets" stands
    t2 = "Lopez meets Khan in Lima\n\nAna Lopez met Omar Khan on Monday. Khan had met Lopez during the General Assembly."
    assert find_format(t2, prefer=sentence_spans(t2)) == ("in_person", None)


@pytest.mark.parametrize("text", [
    "Ana Lopez met Omar Khan in Asuncion in connection with the regular session of the General Assembly.",
    "Ana Lopez arrived in Belgrade to attend a two-day summit of the movement and met Omar Khan.",
    "Ana Lopez met Omar Khan at the IMF and World Bank Annual Meetings in Washington.",
])
def test_summit_shapes_without_the_word_sidelines(text):
    assert find_format(text)[0] == "multilateral_sidelines"


def test_plural_messages_make_a_lead_negative_but_letters_of_credence_do_not():
    from diplomodel.extraction import build_brief
    from conftest import check, tag

    t = "Ana Lopez and Omar Khan on Monday sent messages of sympathy to Ivo Kral over the floods."
    spec = [("Ana Lopez", "PARTICIPANT"), ("Omar Khan", "PARTICIPANT"), ("Ivo Kral", "PARTICIPANT")]
    assert not check(build_brief(t, tag(t, spec), None))["is_meeting"]
    t2 = "Ana Lopez on Monday received the letters of credence of Omar Khan and Ivo Kral in Lima."
    assert check(build_brief(t2, tag(t2, spec), None))["is_meeting"]


def test_an_upcoming_summit_is_not_the_venue_of_a_call_and_part_of_a_meeting_of_a_body_is():
    t = "Ana Lopez spoke today with Omar Khan to discuss preparations for the upcoming G20 Summit in Lima."
    assert find_format(t, prefer=sentence_spans(t))[0] == "phone_call"
    t2 = ("Ana Lopez met with Omar Khan as part of the extraordinary expanded meeting of the Organization of "
          "Andean States in Quito on Monday.")
    assert find_format(t2, prefer=sentence_spans(t2))[0] == "multilateral_sidelines"
