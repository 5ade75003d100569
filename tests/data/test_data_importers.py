"""Importers on small hand-written samples (tests/fixtures/data) and, if present, the real files."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from diplomodel.data.export import to_labelstudio
from diplomodel.data.importers import conll, crossner, gum, re3d
from diplomodel.data.importers.briefs import load_seed, read_briefs
from diplomodel.data.importers.doccano import read_doccano
from diplomodel.data.importers.labelstudio import read_labelstudio, tasks_to_records
from diplomodel.data.record import validate_record
from diplomodel.models.labels import Entity

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "data"
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


def spans(rec):
    return [(rec["text"][e["start"]:e["end"]], e["label"]) for e in rec["entities"]]


def test_conll_fixture():
    recs = conll.read_conll(FIX / "eng.testa")
    assert [r["id"] for r in recs] == ["conll2003-validation-0000", "conll2003-validation-0001"]
    r = recs[0]
    assert r["text"].startswith("VILNIUS 2001-04-05\nLithuanian envoy")
    assert r["published"] == "2001-04-05"
    assert spans(r) == [("VILNIUS", "LOC"), ("Lithuanian", "COUNTRY"), ("Tomas Varnas", "PERSON"),
                        ("Peru", "COUNTRY"), ("Kaunas", "LOC"), ("Acme Corp", "ORG")]  # Olympic dropped
    assert r["annotated_labels"] == ["PERSON", "ORG", "LOC", "COUNTRY"]
    validate_record(r)
    toks, tags = conll.conll_sentences(FIX / "eng.testa")[1]
    assert toks[:4] == ["Lithuanian", "envoy", "Tomas", "Varnas"] and tags[:4] == ["I-MISC", "O", "I-PER", "I-PER"]


def test_crossner_fixture():
    recs = crossner.parse_crossner((FIX / "crossner.txt").read_text(), "test")
    assert spans(recs[0]) == [("Green Left", "ORG"), ("Mara Ostberg", "PERSON"), ("Uppsala", "LOC"),
                              ("Sweden", "COUNTRY")]
    assert spans(recs[1]) == [("Swedish", "COUNTRY")]  # the election is dropped
    assert "DATE" not in recs[0]["annotated_labels"] and "PARTICIPANT" not in recs[0]["annotated_labels"]


def test_re3d_fixture():
    (rec,) = re3d.read_folder(FIX / "re3d" / "demo")
    got = spans(rec)
    assert ("Trade Secretary", "TITLE") in got
    assert ("Chilean", "COUNTRY") in got and ("Finance Minister", "TITLE") in got
    assert ("Rosa Ibarra", "PARTICIPANT") in got and ("Ibarra", "PARTICIPANT") in got
    assert ("Santiago", "LOC") in got and ("Tuesday", "DATE") in got and ("Chile", "COUNTRY") in got
    assert ("Owen Hale", "PERSON") in got and ("Minister for Pacific Affairs", "TITLE") in got
    assert not any(t == "Pacific" for t, _ in got)  # confidence 0.2 < 0.5
    validate_record(rec)


def test_gum_fixture():
    (rec,) = gum.load(FIX)
    assert rec["text"] == ("The Foreign Ministry said Lena Moss flew to Geneva, Switzerland on Friday.\n"
                           "She's the envoy.")
    assert spans(rec) == [("Foreign Ministry", "ORG"), ("Lena Moss", "PERSON"), ("Geneva", "LOC"),
                          ("Switzerland", "COUNTRY"), ("Friday", "DATE")]
    assert rec["brief"] == {"summary": "Ministers from two neighbours agreed on a river treaty in Geneva."}
    assert rec["published"] == "2019-11-03"
    validate_record(rec)


def test_doccano_both_layouts(tmp_path):
    p = tmp_path / "d.jsonl"
    p.write_text(json.dumps({"id": 1, "text": "Ana Ruiz met Ivo Kral.", "label": [[0, 8, "PARTICIPANT"]]}) + "\n"
                 + json.dumps({"id": 2, "text": "Kral left Prague.",
                               "entities": [{"id": 9, "start_offset": 10, "end_offset": 16, "label": "LOC"}]}) + "\n")
    recs, skipped = read_doccano(p)
    assert [spans(r) for r in recs] == [[("Ana Ruiz", "PARTICIPANT")], [("Prague", "LOC")]] and skipped == 0


def test_labelstudio_export_import_round_trip(tmp_path):
    texts = ["Ana Ruiz met Ivo Kral in Oslo on Monday.", "Nothing here."]
    preds = [[Entity(0, 8, "PARTICIPANT", 0.91), Entity(13, 21, "PARTICIPANT", 0.8), Entity(25, 29, "LOC", 0.7),
              Entity(33, 39, "DATE", 0.6)], []]
    tasks = to_labelstudio(texts, preds, ids=["a", "b"], model_version="v0")
    path = tmp_path / "ls.json"
    path.write_text(json.dumps(tasks))
    recs = read_labelstudio(path, use_predictions=True)
    assert [r["id"] for r in recs] == ["labelstudio-a", "labelstudio-b"]
    assert [[(e["start"], e["end"], e["label"]) for e in r["entities"]] for r in recs] == \
        [[(p.start, p.end, p.label) for p in ps] for ps in preds]
    # an annotator's (non-cancelled) annotation wins over the prediction
    tasks[0]["annotations"] = [{"was_cancelled": False, "result": [
        {"type": "labels", "value": {"start": 25, "end": 29, "text": "Oslo", "labels": ["LOC"]}}]}]
    assert tasks_to_records(tasks, use_predictions=True)[0]["entities"] == [{"start": 25, "end": 29, "label": "LOC"}]


def test_briefs_jsonl(tmp_path):
    p = tmp_path / "b.jsonl"
    p.write_text(json.dumps({"id": "x1", "text": "Ruiz met Kral.", "published": "2024-02-03",
                             "brief": {"is_meeting": True, "participants": [{"name": "Ana Ruiz"}]}}) + "\n")
    recs, skipped = read_briefs(p)
    assert recs[0]["source"] == "briefs" and recs[0]["brief"]["is_meeting"] and skipped == 0


@pytest.mark.skipif(not (SHARED / "data").exists(), reason="../shared/data not present")
def test_real_files_load_and_validate():
    cs = conll.read_conll(SHARED / "data" / "conll2003" / "eng.testb")
    assert len(cs) > 200 and all(validate_record(r) for r in cs[:50])
    assert len(conll.conll_sentences(SHARED / "data" / "conll2003" / "eng.testb")) == 3453
    rs = re3d.load(SHARED / "data" / "re3d")
    assert len(rs) >= 80 and sum(e["label"] == "PARTICIPANT" for r in rs for e in r["entities"]) > 20
    for r in rs:
        validate_record(r)
    gs = gum.load(SHARED / "data" / "gum_news")
    assert len(gs) == 24 and all(r["brief"]["summary"] for r in gs)
    for r in gs:
        validate_record(r)
    cr = crossner.load(SHARED / "data" / "crossner_politics")
    assert {k: len(v) for k, v in cr.items()} == {"train": 200, "validation": 541, "test": 651}
    if (SHARED / "seed" / "article.txt").exists():
        assert load_seed(SHARED / "seed")["brief"]["is_meeting"] is True
