"""Tests of the synthetic meeting corpus generator (fast: a few hundred records)."""
from __future__ import annotations

import datetime
import random

import pytest

from diplomodel.data.record import validate_record
from diplomodel.data.synth import generate, stats, template_inventory
from diplomodel.data.synth.render import Doc, date_phrase
from diplomodel.schema import validate_brief_dict
from diplomodel.models.text import split_words

NO_DATA = "/nonexistent-shared-data"


@pytest.fixture(scope="module")
def train():
    return generate(n=250, seed=7, split="train")


@pytest.fixture(scope="module")
def heldout():
    return generate(n=250, seed=7, split="heldout")


def test_same_seed_same_records(train):
    assert generate(n=250, seed=7, split="train") == train
    assert generate(n=5, seed=8, split="train") != train[:5]


def test_works_without_shared_data():
    recs = generate(n=20, seed=3, split="train", data_dir=NO_DATA)
    assert len(recs) == 20 and all(r["text"] for r in recs)


def test_spans_exact_word_aligned_non_overlapping(train, heldout):
    for r in train + heldout:
        starts = {s for s, _ in split_words(r["text"])}
        ends = {e for _, e in split_words(r["text"])}
        prev = 0
        for e in r["entities"]:
            assert e["start"] in starts and e["end"] in ends, (r["id"], e, r["text"][e["start"]:e["end"]])
            assert e["start"] >= prev
            assert r["text"][e["start"]:e["end"]].strip() == r["text"][e["start"]:e["end"]]
            prev = e["end"]
        validate_record(r)  # the shared record checker agrees


def test_participants_are_participant_entities(train):
    for r in train:
        part = {(e["start"], e["end"]) for e in r["entities"] if e["label"] == "PARTICIPANT"}
        spans = set()
        for p in r["brief"]["participants"]:
            assert p["spans"]
            for s, e in p["spans"]:
                assert (s, e) in part
                # sentence-initial "de la Fuente" is written "De la Fuente"
                assert r["text"][s:e].lower() in p["name"].lower()
                spans.add((s, e))
        assert spans == part
        if r["brief"]["is_meeting"]:
            assert len(r["brief"]["participants"]) >= 2


def test_negatives_have_no_participants(train):
    negs = [r for r in train if not r["brief"]["is_meeting"]]
    assert len(negs) > 10
    for r in negs:
        assert not r["brief"]["participants"] and r["brief"]["format"] is None
        assert all(e["label"] != "PARTICIPANT" for e in r["entities"])
        assert any(e["label"] == "PERSON" for e in r["entities"])


def test_heldout_disjoint_templates_and_names(train, heldout):
    def tids(rs):
        return {t for r in rs for t in r["meta"]["templates"] if not t.startswith(("dateline/", "credit/"))}

    def names(rs):
        out = set()
        for r in rs:
            out |= {p["name"] for p in r["brief"]["participants"]} | set(r["brief"]["mentioned"])
        return out

    assert tids(train).isdisjoint(tids(heldout))
    assert names(train).isdisjoint(names(heldout))
    inv = template_inventory()
    assert all(v["heldout"] >= 1 and v["train"] >= 1 for k, v in inv.items() if len_ok(k, v))


def len_ok(slot, counts):
    return counts["train"] + counts["heldout"] >= 2


def test_briefs_validate(train, heldout):
    for r in (train + heldout)[::10]:  # jsonschema is slow; a sample of 50
        validate_brief_dict(r["brief"])
    assert all(r["brief"]["summary"] for r in train + heldout)


def _resolve(expr: str, pub: datetime.date) -> datetime.date:
    """The resolution rule, written independently of the generator."""
    days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    e = expr.lower()
    if e == "today":
        return pub
    if e == "yesterday":
        return pub - datetime.timedelta(days=1)
    if e in days:
        return pub - datetime.timedelta(days=(pub.weekday() - days.index(e)) % 7)
    raise ValueError(expr)


@pytest.mark.parametrize("pub,meet", [
    (datetime.date(2023, 12, 16), datetime.date(2023, 12, 15)),   # Friday before a Saturday
    (datetime.date(2024, 1, 2), datetime.date(2023, 12, 29)),     # across the year boundary
    (datetime.date(2025, 3, 3), datetime.date(2025, 3, 3)),       # same day (Monday)
    (datetime.date(2020, 2, 29), datetime.date(2020, 2, 24)),
])
def test_date_phrases_resolve(pub, meet):
    for i in range(30):
        d = Doc()
        d.add_segments(date_phrase(random.Random(i), pub, meet))
        (s, e, _, _), = d.ents
        expr = d.text[s:e]
        if "," in expr:  # "Friday, December 29"
            expr = expr.split(",")[0]
        if expr.split()[0].isalpha() and expr.lower() in ("today", "yesterday") or expr in (
                "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
            assert _resolve(expr, pub) == meet, expr
        else:  # month-day: year of publication unless that is after publication
            assert str(meet.day) in expr


def test_brief_dates_match_text(train):
    checked = 0
    for r in train:
        b = r["brief"]
        if not b["date"]:
            continue
        pub = datetime.date.fromisoformat(r["published"])
        meet = datetime.date.fromisoformat(b["date"])
        assert meet <= pub
        exprs = [r["text"][e["start"]:e["end"]] for e in r["entities"] if e["label"] == "DATE"]
        for x in exprs:
            if x in ("yesterday", "today"):
                assert _resolve(x, pub) == meet
                checked += 1
                break
    assert checked > 5


def test_stats_and_inventory(train, heldout):
    s = stats(train)
    assert s["records"] == 250 and s["distinct_templates"] > 60 and s["distinct_names"] > 200
    assert 0.05 < s["negative_share"] < 0.3
    assert set(s["format_share"]) >= {"in_person", "phone_call", "negative"}
    assert sum(v["train"] + v["heldout"] for v in template_inventory().values()) > 150


def test_fast_enough():
    import time
    t = time.perf_counter()
    generate(n=300, seed=1, split="heldout")
    assert time.perf_counter() - t < 6.0
