"""build_datasets on a tiny config: saves tagger/summarizer DatasetDicts, same input -> same fingerprints."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def test_build_is_deterministic(tmp_path, capsys):
    from training import build_datasets

    d = tmp_path / "d.jsonl"
    d.write_text("".join(json.dumps({"id": i, "text": f"Ana Ruiz met Ivo Kral in Oslo, case {i}.",
                                     "label": [[0, 8, "PARTICIPANT"], [13, 21, "PARTICIPANT"], [25, 29, "LOC"]]}) + "\n"
                         for i in range(30)) + "not json\n")
    b = tmp_path / "b.jsonl"
    b.write_text(json.dumps({"id": "b1", "text": "Ruiz met Kral.", "brief": {"is_meeting": True}}) + "\n")
    cfg = {"data_root": str(tmp_path / "none"), "seed_dir": None, "split_ratios": [0.6, 0.2, 0.2],
           "sources": {"synthetic": False, "doccano": [str(d)], "briefs": [str(b)]},
           "synthetic": {"seed": 1}, "mixture": {"doccano": 2.0}}
    (tmp_path / "c.yaml").write_text(yaml.safe_dump(cfg))
    fps = []
    for out in ("o1", "o2"):
        assert build_datasets.main(["--config", str(tmp_path / "c.yaml"), "--out", str(tmp_path / out),
                                    "--skip-invalid"]) == 0
        fps.append(json.loads((tmp_path / out / "fingerprints.json").read_text()))
    assert fps[0] == fps[1]
    printed = capsys.readouterr().out
    assert "skipped invalid records: doccano=1" in printed and "fingerprint tagger/mixture" in printed
    from datasets import load_from_disk

    mix = load_from_disk(str(tmp_path / "o1" / "tagger" / "mixture"))
    doc = load_from_disk(str(tmp_path / "o1" / "tagger" / "doccano"))
    assert len(mix["train"]) == 2 * len(doc["train"]) + len(load_from_disk(str(tmp_path / "o1" / "tagger" / "briefs"))["train"])
    assert (tmp_path / "o1" / "summarizer" / "briefs").exists()
    card = (tmp_path / "o1" / "README.md").read_text()
    assert "## Synthetic vs real copy" in card and "PARTICIPANT" in card
