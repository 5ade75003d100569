"""Choosing what to annotate: the scores, the greedy novelty, and `diplomodel select`'s files."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

from diplomodel.data.importers.labelstudio import read_labelstudio
from diplomodel.models.labels import Entity
from diplomodel.selection import Candidate, rank, score_article


def test_uncertain_spans_raise_uncertainty_and_confident_ones_do_not() -> None:
    text = "Ana Ruiz met Ivo Kral."
    sure = score_article(text, [Entity(0, 8, "PARTICIPANT", 0.99, "Ana Ruiz")], ["Ana Ruiz"])
    unsure = score_article(text, [Entity(0, 8, "PARTICIPANT", 0.55, "Ana Ruiz")], ["Ana Ruiz"])
    assert unsure.uncertainty > sure.uncertainty
    assert score_article(text, [], []).uncertainty == 0.5  # nobody found: maybe everybody missed


def test_disagreement_counts_people_the_rules_overruled_but_not_name_variants() -> None:
    text = "Vuong Dinh Hue met Volodin; Allah was thanked."
    ents = [Entity(0, 14, "PARTICIPANT", 0.9, "Vuong Dinh Hue"), Entity(19, 26, "PARTICIPANT", 0.9, "Volodin")]
    agree = score_article(text, ents + [Entity(0, 14, "PARTICIPANT", 0.9, "Dinh Hue")],
                          ["Vuong Dinh Hue", "Vyacheslav Volodin"])
    overruled = score_article(text, ents + [Entity(28, 33, "PARTICIPANT", 0.9, "Allah")],
                              ["Vuong Dinh Hue", "Vyacheslav Volodin"])
    assert agree.disagreement == 0.0
    assert overruled.disagreement > 0.0
    opinion = score_article(text, ents, ["Vuong Dinh Hue", "Vyacheslav Volodin"],
                            opinion={"format": "phone_call", "summary": "Hue met Volodin."}, brief_format="in_person")
    assert opinion.disagreement > agree.disagreement  # the summarizer saw a call, the rules a visit


def test_rank_avoids_near_copies_and_what_is_already_annotated() -> None:
    texts = ["Ana Ruiz met Ivo Kral in Lima to discuss trade.", "Ana Ruiz met Ivo Kral in Lima to discuss trade!",
             "The ministers of fisheries signed a quota deal in Oslo."]
    cands = [Candidate(0, 0.5, 0.5), Candidate(1, 0.5, 0.5), Candidate(2, 0.4, 0.4)]
    assert [c.index for c in rank(texts, cands, 2)] == [0, 2]
    cands = [Candidate(0, 0.5, 0.5), Candidate(1, 0.5, 0.5), Candidate(2, 0.4, 0.4)]
    assert rank(texts, cands, 1, annotated=[texts[0]])[0].index == 2
    assert len(rank(texts, [Candidate(0, 0.1, 0.1)], 5)) == 1


def test_select_cli_writes_label_studio_tasks_that_read_back(tmp_path: Path, cli_cmd, cli_env) -> None:
    pool = tmp_path / "pool.jsonl"
    rows = [{"id": f"p{i}", "text": f"Minister Ana Ruiz{i} met Ivo Kral in Lima on Monday about topic {i}.",
             "published": "2024-05-0" + str(1 + i % 9)} for i in range(6)]
    pool.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    out = tmp_path / "tasks.json"
    done = subprocess.run(cli_cmd + ["select", "--input", str(pool), "--n", "3", "--out", str(out)],
                          env=cli_env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    tasks = json.loads(out.read_text("utf-8"))
    assert len(tasks) == 3 and len({t["data"]["id"] for t in tasks}) == 3
    assert all(0.0 <= t["meta"]["selection_score"] <= 1.0 for t in tasks)
    assert [t["meta"]["selection_score"] for t in tasks][0] == max(t["meta"]["selection_score"] for t in tasks)
    assert '<Labels name="label" toName="text">' in out.with_suffix(".xml").read_text("utf-8")
    recs = read_labelstudio(out, use_predictions=True)  # the pre-annotations are valid spans
    assert {r["id"] for r in recs} == {"labelstudio-" + t["data"]["id"] for t in tasks}
    assert all(r["published"] for r in recs)
    bad = subprocess.run(cli_cmd + ["select", "--input", str(pool), "--n", "0", "--out", str(out)],
                         env=cli_env, capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "--n" in bad.stderr and "Traceback" not in bad.stderr
