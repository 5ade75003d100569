"""The summarizer on a tiny random causal model: prompt, generation, save/load, and the facade."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import torch

from conftest import tag
from diplomodel.briefer import Briefer
from diplomodel.errors import ModelError
from diplomodel.models.summarizer import Summarizer, SummarizerConfig, _NoRepeatInOutput, content_lines
from diplomodel.models.tagger import Tagger

ARTICLE = ("RABAT, March 5 - Moroccan Foreign Minister Karim Benali met Chilean Foreign Minister Lucia "
           "Ferrer on Monday in Rabat. The two ministers discussed trade and fisheries.")
NOT_A_MEETING = "OSLO - The ministry issued a statement on fisheries quotas."


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("summ")
    s = Summarizer.tiny_random(SummarizerConfig(max_source_tokens=48, max_new_tokens=12), base_dir=root / "base")
    s.save_pretrained(root / "summarizer")
    return root / "summarizer"


def test_prompt_clips_the_article_and_drops_clutter() -> None:
    s = Summarizer.tiny_random(SummarizerConfig(max_source_tokens=20))
    prompt = s.prompt("• Home\n• World\n" + ARTICLE)
    assert "Home" not in prompt and "RABAT" in prompt and "fisheries" not in prompt
    assert content_lines("Menu\nShare this") == "Menu\nShare this"   # nothing would be left: kept


def test_generation_is_deterministic_and_in_input_order(saved: Path) -> None:
    s = Summarizer.from_pretrained(saved)
    texts = [ARTICLE, "A much longer second article. " * 5, "short"]
    first = s.generate([s.prompt(t) for t in texts])
    again = s.generate([s.prompt(t) for t in reversed(texts)])
    assert first == list(reversed(again)) and len(first) == 3


def test_round_trip_gives_the_same_outputs(saved: Path, tmp_path: Path) -> None:
    s = Summarizer.from_pretrained(saved)
    out = s.summarize([ARTICLE])
    assert set(out[0]) == {"summary", "topics", "outcomes", "format", "location", "flags", "dropped", "raw"}
    cfg = json.loads((saved / "summarizer_config.json").read_text())
    assert cfg["max_new_tokens"] == 12 and cfg["family"] == "causal"
    assert sorted(p.name for p in saved.iterdir()) == ["adapter_config.json", "adapter_model.safetensors",
                                                       "summarizer_config.json"]   # no peft template card
    assert Summarizer.from_pretrained(saved).summarize([ARTICLE]) == out


def test_no_repeat_bans_only_repeats_of_the_output() -> None:
    proc = _NoRepeatInOutput(2, prompt_len=3)
    ids = torch.tensor([[7, 8, 9, 5, 6, 5]])        # prompt 7 8 9; output 5 6 5: "5 6" would repeat
    scores = proc(ids, torch.zeros(1, 10))
    assert scores[0, 6] == -float("inf") and torch.isfinite(scores[0, 8])   # 8 follows 7 in the prompt only


@pytest.mark.parametrize("bad", ["pickle", "no-config", "no-adapter", "family"])
def test_a_bad_summarizer_dir_is_one_clear_error(saved: Path, tmp_path: Path, bad: str) -> None:
    import shutil

    d = tmp_path / "s"
    shutil.copytree(saved, d)
    if bad == "pickle":
        (d / "adapter_model.bin").write_bytes(b"x")
    elif bad == "no-config":
        (d / "summarizer_config.json").unlink()
    elif bad == "no-adapter":
        (d / "adapter_model.safetensors").unlink()
    else:
        cfg = json.loads((d / "summarizer_config.json").read_text())
        (d / "summarizer_config.json").write_text(json.dumps(cfg | {"family": "diffusion"}))
    with pytest.raises(ModelError):
        Summarizer.from_pretrained(d)


class RuleTagger:
    """Tags the two ministers wherever they occur (the extraction rules do the rest)."""

    device = "cpu"

    def predict(self, texts, batch_size=16):
        return [tag(t, [("Karim Benali", "PARTICIPANT"), ("Lucia Ferrer", "PARTICIPANT"),
                        ("Foreign Minister", "TITLE"), ("Rabat", "LOC")]) for t in texts]


class Scripted:
    """A summarizer that says what the test wants and records what it was asked."""

    def __init__(self, reply: dict) -> None:
        self.reply, self.asked = reply, []

    def summarize(self, texts, briefs):
        self.asked += list(texts)
        return [dict(self.reply) for _ in texts]


def test_facade_skips_non_meetings_and_combines_by_the_rule(caplog: pytest.LogCaptureFixture) -> None:
    scripted = Scripted({"summary": "Benali and Ferrer met.", "topics": ["fisheries"], "outcomes": [],
                         "format": "phone_call", "location": None, "dropped": [("topics", "Lima", "Lima talks")]})
    meeting, other = Briefer(RuleTagger(), scripted, name="t", version="0")([ARTICLE, NOT_A_MEETING])
    assert scripted.asked == [ARTICLE]                      # the non-meeting never reached it
    assert meeting.is_meeting and meeting.format == "phone_call"      # no cue said in person
    # the summary is written from the brief's own fields (diplomodel.compose), not the generated one
    assert meeting.topics == ["fisheries"] and meeting.summary != "Benali and Ferrer met."
    assert meeting.summary.endswith("on fisheries.") and "held a phone call with" in meeting.summary
    assert all(p.name in meeting.summary for p in meeting.participants)
    assert {ARTICLE[s:e] for s, e in meeting.evidence["summary"]} >= {p.name for p in meeting.participants}
    assert len(meeting.evidence["unsupported"]) == 1 and "Lima" in caplog.text
    s, e = meeting.evidence["topics"][0]
    assert ARTICLE[s:e] == "fisheries"
    assert other.topics == [] and other.summary          # the extractive lead sentence


def test_a_default_format_gives_way_to_the_summarizers_but_a_cued_one_does_not() -> None:
    call = Scripted({"summary": "", "topics": [], "outcomes": [], "format": "video_call", "dropped": []})
    uncued = Briefer(RuleTagger(), call, name="t", version="0")([ARTICLE])[0]
    assert uncued.format == "video_call"               # "met" says nothing about the format
    cued_text = ARTICLE.replace("met", "held a phone call with")
    cued = Briefer(RuleTagger(), call, name="t", version="0")([cued_text])[0]
    assert cued.format == "phone_call" and "format" in cued.evidence


def test_an_emptied_summary_still_gets_the_sentence_of_the_fields_and_a_non_meeting_its_lead() -> None:
    scripted = Scripted({"summary": "", "topics": [], "outcomes": [], "dropped": []})
    b, other = Briefer(RuleTagger(), scripted, name="t", version="0")([ARTICLE, NOT_A_MEETING])
    assert b.summary.endswith("Karim Benali held talks with Morocco's Foreign Minister Lucia Ferrer in Rabat.")
    assert " on " not in b.summary                                   # no topics: none named
    s, e = other.evidence["summary"][0]
    assert other.summary == NOT_A_MEETING[s:e]


def test_a_model_dir_with_a_summarizer_round_trips(saved: Path, tmp_path: Path) -> None:
    briefer = Briefer(Tagger.tiny_random(seed=0), Summarizer.from_pretrained(saved), name="x", version="1")
    briefer.save_pretrained(tmp_path / "m")
    cfg = json.loads((tmp_path / "m" / "diplomodel.json").read_text())
    assert cfg["summarizer"]["class"] == "diplomodel.models.summarizer:Summarizer"
    again = Briefer.from_pretrained(tmp_path / "m", device="cpu")
    assert isinstance(again.summarizer, Summarizer)
    assert again([ARTICLE])[0].to_dict() == briefer([ARTICLE])[0].to_dict()


def test_a_full_topics_line_cannot_take_another_item() -> None:
    from diplomodel.models.summarizer import _ItemCap

    s = Summarizer.tiny_random()
    tok = s.tokenizer
    seps = s.separator_ids()
    prompt = tok("abc", add_special_tokens=False)["input_ids"]

    def banned(generated: str, caps: dict) -> bool:
        ids = torch.tensor([prompt + tok(generated, add_special_tokens=False)["input_ids"]])
        scores = _ItemCap(tok, len(prompt), caps, seps)(ids, torch.zeros(1, len(tok)))
        return bool(torch.isinf(scores[0, sorted(seps)]).all())

    assert seps and not banned("topics: a; b", {"topics": 3})
    assert banned("topics: a; b; c", {"topics": 3})
    assert not banned("summary: a; b; c", {"topics": 3})          # other lines are free
