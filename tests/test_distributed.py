"""Past one process: the Ray Data path and the datasets.map path give the single-process output."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import conftest
from diplomodel.cli import main
from diplomodel.data.synth import generate

ray = pytest.importorskip("ray", reason="the distributed extra (ray[data]) is not installed")

PUBLISHED = "2024-01-02"


def _records(n: int = 50) -> list[dict]:
    out = []
    for i, r in enumerate(generate(n=n, seed=21, split="heldout")):
        rec = {"id": f"r{i:03d}", "text": r["text"][: 150 + 37 * (i % 11)]}
        if i % 4:
            rec["published"] = r["published"]        # the rest take --published
        out.append(rec)
    out[7]["text"] = "   "                           # an empty article too
    return out


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory, tiny_model_dir: Path) -> dict[str, Path]:
    """The 50-record input and the single-process CLI output for it."""
    d = tmp_path_factory.mktemp("dist")
    src = d / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in _records()), "utf-8")
    single = d / "single.jsonl"
    assert main(["brief", "--input", str(src), "--output", str(single), "--model", str(tiny_model_dir),
                 "--published", PUBLISHED, "--quiet", "--batch-size", "4"]) == 0
    assert len(single.read_text("utf-8").splitlines()) == 50
    return {"in": src, "single": single}


@pytest.fixture(scope="module")
def local_ray():
    """A local Ray instance with 2 CPUs whose workers import this checkout."""
    old = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(conftest.REPO), old]))
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, object_store_memory=100 * 2**20)
    yield ray
    ray.shutdown()
    if old is None:
        os.environ.pop("PYTHONPATH", None)
    else:
        os.environ["PYTHONPATH"] = old


def test_ray_data_path_equals_single_process(local_ray, inputs, tiny_model_dir: Path, tmp_path: Path):
    from diplomodel.distributed.ray_data import brief_with_ray

    expected = inputs["single"].read_text("utf-8").splitlines()
    out = tmp_path / "ray.jsonl"
    n = brief_with_ray(inputs["in"], out, model_dir=tiny_model_dir, concurrency=2, num_cpus=0.5,
                       batch_size=8, published=PUBLISHED)      # two actors, a CPU left to read with
    assert n == 50
    assert out.read_text("utf-8").splitlines() == expected            # same lines, input order
    for line in expected[:3]:
        conftest.validate_brief(line)

    # shards: the workers write JSONL files; together they hold the same lines
    shards = tmp_path / "shards"
    assert main(["brief", "--input", str(inputs["in"]), "--output", str(shards), "--model",
                 str(tiny_model_dir), "--published", PUBLISHED, "--ray", "--shards", "--quiet",
                 "--ray-actors", "1", "--batch-size", "8"]) == 0
    lines = [x for f in sorted(shards.glob("*.jsonl")) for x in f.read_text("utf-8").splitlines()]
    assert sorted(lines) == sorted(expected)


def test_ray_cli_switch_checks_its_arguments(inputs, capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit):
        main(["brief", "--input", str(inputs["in"]), "--ray"])          # no --output
    with pytest.raises(SystemExit):
        main(["brief", "--input", str(inputs["in"]), "--output", "x.jsonl", "--shards"])  # no --ray
    assert "--ray" in capsys.readouterr().err


def test_datasets_map_num_proc_equals_single_process(inputs, tiny_model_dir: Path):
    from datasets import Dataset

    from diplomodel.distributed.hf_datasets import brief_dataset

    rows = [json.loads(x) for x in inputs["in"].read_text("utf-8").splitlines()]
    ds = Dataset.from_list([{"id": r["id"], "text": r["text"], "published": r.get("published")} for r in rows])
    out = brief_dataset(ds, tiny_model_dir, num_proc=2, batch_size=8, published=PUBLISHED)
    assert out["brief"] == inputs["single"].read_text("utf-8").splitlines()
    assert out["id"] == [r["id"] for r in rows]
