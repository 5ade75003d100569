"""The annotation loop against a real Label Studio: select -> annotate through the API -> export -> train.

Label Studio's pins clash with ours, so it lives in an environment of its own: ``make test`` builds
``.venv-labelstudio`` and names its Python in ``DIPLOMODEL_LABEL_STUDIO_PYTHON``. Without one the
test is skipped, except under ``CI=true``, where it must run.
"""
from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]


def _label_studio_python() -> Path | None:
    named = os.environ.get("DIPLOMODEL_LABEL_STUDIO_PYTHON")
    for cand in ([Path(named)] if named else []) + [REPO / ".venv-labelstudio" / "bin" / "python"]:
        if cand.is_file() and (cand.parent / "label-studio").is_file():
            return cand
    return None


@pytest.fixture(scope="module")
def label_studio(tmp_path_factory: pytest.TempPathFactory):
    """A fresh Label Studio on loopback: ``(url, token, python)``; stopped after the module."""
    python = _label_studio_python()
    if python is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI must run the Label Studio round trip: no .venv-labelstudio (make test builds it)")
        pytest.skip("no Label Studio environment (make test builds .venv-labelstudio)")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    data, token = tmp_path_factory.mktemp("label-studio"), secrets.token_hex(20)
    url = f"http://127.0.0.1:{port}"
    env = dict(os.environ, LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK="true", DJANGO_DEBUG="false")
    log = (data / "server.log").open("w")
    server = subprocess.Popen([str(python.parent / "label-studio"), "start", "--no-browser", "--host", url,
                               "--port", str(port), "--internal-host", "127.0.0.1", "--data-dir", str(data),
                               "--username", "annotator@example.com", "--password", secrets.token_hex(8),
                               "--user-token", token, "--enable-legacy-api-token"],
                              env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.time() + 300
        while True:
            try:
                if urllib.request.urlopen(f"{url}/health", timeout=5).status == 200:
                    break
            except OSError:
                pass
            if server.poll() is not None or time.time() > deadline:
                pytest.fail("Label Studio did not start:\n" + (data / "server.log").read_text()[-3000:])
            time.sleep(2)
        yield url, token, python
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
        log.close()


def test_select_annotate_export_train(tmp_path: Path, label_studio, cli_env, tiny_lora_model: Path) -> None:
    url, token, python = label_studio
    pool = tmp_path / "pool.jsonl"
    people = ["Ana Ruiz", "Lea Moreau", "Sara Lind", "Mia Costa", "Eva Novak", "Ravi Nair"]
    pool.write_text("".join(json.dumps({"id": f"p{i}", "published": "2024-05-06", "text":
                                        f"Foreign Minister {name} met Ivo Kral in Lima on Monday, case {i}."})
                            + "\n" for i, name in enumerate(people)), "utf-8")
    tasks = tmp_path / "tasks.json"
    cmd = [sys.executable, "-m", "diplomodel.cli"]
    done = subprocess.run(cmd + ["select", "--input", str(pool), "--n", "4", "--out", str(tasks)],
                          env=cli_env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    picked = json.loads(tasks.read_text("utf-8"))
    for task in picked:
        task["meta"]["add"] = "Lima"  # the span the annotator adds by hand
    tasks.write_text(json.dumps(picked), "utf-8")

    export, corrections = tmp_path / "export.json", tmp_path / "corrections.json"
    done = subprocess.run([str(python), str(HERE / "annotate.py"), "--url", url, "--token", token,
                           "--tasks", str(tasks), "--config", str(tasks.with_suffix(".xml")),
                           "--export", str(export), "--corrections", str(corrections)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr

    from diplomodel.data.annotations import detect_format, read_annotations

    assert detect_format(export) == "labelstudio"
    records, skipped = read_annotations([export])
    submitted = json.loads(corrections.read_text("utf-8"))
    assert skipped == 0 and len(records) == 4
    for rec in records:
        want = sorted(tuple(x) for x in submitted[rec["id"].removeprefix("labelstudio-")])
        assert sorted((e["start"], e["end"], e["label"]) for e in rec["entities"]) == want
        assert ("Lima" in rec["text"]) and any(rec["text"][e["start"]:e["end"]] == "Lima" and e["label"] == "LOC"
                                               for e in rec["entities"])
        assert rec["published"] == "2024-05-06"

    out = tmp_path / "mine"
    tiny = tiny_lora_model.parent
    done = subprocess.run(cmd + ["train", "--annotations", str(export), "--from", str(tiny_lora_model),
                                 "--out", str(out), "--max-steps", "2", "--heldout", "0.25", "--dev", "",
                                 "--data-config", str(tiny / "data.yaml"), "--tagger-config", str(tiny / "tagger.yaml")],
                          env=cli_env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "3 to train on, 1 held out" in done.stdout
    figures = json.loads((out / "retrain.json").read_text("utf-8"))
    assert figures["new"]["heldout_entities"]["documents"] == 1
    assert "old vs new" in (out / "README.md").read_text("utf-8")
    shutil.rmtree(out)
