"""Stated outcomes: which sentences count, how the phrase is cut, and how they meet the summarizer's."""
from __future__ import annotations

from diplomodel.combine import combine
from diplomodel.extraction.document import Document
from diplomodel.extraction.outcomes import MAX_OUTCOMES, MAX_WORDS, pick_outcomes
from diplomodel.schema import MeetingBrief


def _outcomes(text: str, meeting: bool = True) -> Document:
    doc = Document.make(text, [], None)
    doc.is_meeting = meeting
    pick_outcomes(doc)
    return doc


def test_agreements_signatures_and_pledges_are_outcomes_with_their_spans() -> None:
    t = ("Ana Ruiz met Ivo Kral in Lima. The sides signed a memorandum on fisheries. "
         "Kral pledged support for the port project. They also reached an agreement on visas.")
    doc = _outcomes(t)
    assert doc.outcomes == ["The sides signed a memorandum on fisheries", "Kral pledged support for the port project",
                            "They also reached an agreement on visas"]
    assert [t[s:e] for s, e in doc.outcome_spans] == doc.outcomes


def test_plans_denials_and_non_meetings_give_none() -> None:
    t = ("Ana Ruiz met Ivo Kral. They will sign a treaty in May. The talks failed to agree on quotas. "
         "Both are expected to agree on visas later.")
    assert _outcomes(t).outcomes == []
    assert _outcomes("Ana Ruiz met Ivo Kral. They agreed to meet again.", meeting=False).outcomes == []


def test_a_long_lead_is_cut_at_the_verb_and_long_sentences_at_max_words() -> None:
    lead = "During the talks held at the palace on Monday morning in the capital the two ministers "
    long_tail = " ".join(f"item{i}" for i in range(60))
    doc = _outcomes(f"Ana Ruiz met Ivo Kral. {lead}agreed to expand trade in {long_tail}.")
    assert doc.outcomes[0].startswith("agreed to expand trade")
    assert len(doc.outcomes[0].split()) == MAX_WORDS
    many = " ".join(f"They signed deal {i}." for i in range(8))
    assert len(_outcomes("Ana Ruiz met Ivo Kral. " + many).outcomes) == MAX_OUTCOMES


def test_stated_outcomes_win_over_generated_ones_which_fill_in_otherwise() -> None:
    text = "OSLO - Ana Ruiz met Ivo Kral. They agreed to open a fisheries office."
    res = {"topics": ["fisheries"], "outcomes": ["a new office"], "summary": "They met.", "format": "in_person"}
    stated = MeetingBrief(is_meeting=True, outcomes=["They agreed to open a fisheries office"],
                          evidence={"outcomes": [(30, 68)]})
    combine(stated, res, text)
    assert stated.outcomes == ["They agreed to open a fisheries office"] and stated.evidence["outcomes"] == [(30, 68)]
    generated = MeetingBrief(is_meeting=True)
    combine(generated, res, text)
    assert generated.outcomes == ["a new office"] and generated.evidence["outcomes"]
