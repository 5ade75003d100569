"""The summarizer's line format: targets round-trip, and the parser never raises on anything."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from diplomodel.models.summary_lines import KEYS, MAX_ITEMS, parse_summary, to_summary_lines
from diplomodel.schema import FORMATS

WORDS = st.text(st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=40)
LINE = st.one_of(WORDS, st.builds(lambda k, v: f"{k}:{v}", st.sampled_from(KEYS + ("topic", "Summary")), WORDS))
OUTPUT = st.one_of(st.lists(LINE, max_size=12).map("\n".join), st.text(max_size=300),
                   st.sampled_from(["", "\n\n", "summary:", "topics: ;;;", "place: |", "format: " * 50]))


@settings(max_examples=2000, deadline=None)
@given(OUTPUT)
def test_parser_never_raises_and_keeps_only_schema_values(text: str) -> None:
    p = parse_summary(text)
    assert isinstance(p.summary, str) and "\n" not in p.summary
    assert p.format is None or p.format in FORMATS
    for items in (p.topics, p.outcomes):
        assert len(items) <= MAX_ITEMS and all(i and i == i.strip() and ";" not in i for i in items)
        assert len({i.lower() for i in items}) == len(items)
    assert all(isinstance(f, str) for f in p.flags)
    d = p.as_dict()
    assert d["location"] is None or set(d["location"]) == {"city", "country"}


PHRASES = ["trade", "energy security", "the Gaza ceasefire", "visa-free travel", "a 2030 expo bid",
           "Black Sea grain exports", "nuclear talks", "fisheries", "UN Security Council reform",
           "debt relief", "rail links", "student exchanges"]
SUMMARY = st.text(st.characters(whitelist_categories=("Ll", "Lu", "Nd"), whitelist_characters=" -'."),
                  min_size=1, max_size=60).map(lambda s: " ".join(s.split())).filter(lambda s: s not in ("", "."))
# (a lone "." is how the model writes "no summary": the parser reads it as empty, on purpose)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PHRASES), max_size=6, unique=True), st.lists(st.sampled_from(PHRASES), max_size=3,
       unique=True), SUMMARY, st.sampled_from((None,) + FORMATS))
def test_a_clean_brief_round_trips(topics, outcomes, summary, fmt) -> None:
    text = to_summary_lines({"summary": summary, "topics": topics, "outcomes": outcomes, "format": fmt,
                             "location": {"city": "Rabat", "country": "Morocco"}})
    p = parse_summary(text)
    assert (p.summary, p.topics, p.outcomes, p.format, p.city, p.country) == (
        summary, topics, outcomes, fmt, "Rabat", "Morocco")
    assert p.flags == []


def test_malformed_parts_become_flags() -> None:
    p = parse_summary("summary: They met.\nsummary: Again.\ntopics: trade; Trade; energy\n"
                      "format: carrier pigeon\nthe model rambles on")
    assert p.summary == "They met." and p.topics == ["trade", "energy"] and p.format is None
    assert p.flags == ["repeated key: summary", "repeated topic: Trade", "unknown format: carrier pigeon",
                       "no key: the model rambles on"]


def test_a_loop_is_cut_at_ten_items() -> None:
    p = parse_summary("topics: " + "; ".join(f"item {i}" for i in range(40)))
    assert len(p.topics) == MAX_ITEMS and f"more than {MAX_ITEMS} topics" in p.flags


def test_separators_inside_values_cannot_split_them() -> None:
    text = to_summary_lines({"topics": ["oil; gas"], "summary": "A | B"})
    assert parse_summary(text).topics == ["oil, gas"] and parse_summary(text).summary == "A / B"


def test_a_key_written_inside_the_summary_ends_it_and_is_flagged() -> None:
    p = parse_summary("summary: Ana Ruiz met Ivo Kral in Lima, outcome: a memorandum signed.\ntopics: trade")
    assert p.summary == "Ana Ruiz met Ivo Kral in Lima." and p.topics == ["trade"]
    assert p.flags == ["key inside the summary: outcome"]
    assert parse_summary("summary: They met. Topics: trade").summary == "They met."
    assert parse_summary("summary: The format of the talks was new.").summary == "The format of the talks was new."
