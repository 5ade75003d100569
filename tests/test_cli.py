"""The diplomodel command: single article JSON/Markdown, batch JSONL with resume after SIGKILL,
bad input (one message naming file/line/field, exit 2, nothing written) and `info`."""
from __future__ import annotations

import io
import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import EXAMPLES
from diplomodel.cli import main

ARTICLE = EXAMPLES / "rabat_talks.txt"


def run_main(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    rc = main(args)
    out, err = capsys.readouterr()
    return rc, out, err


def test_single_file_json(tiny_model_dir: Path, capsys, check_brief) -> None:
    rc, out, err = run_main(["brief", str(ARTICLE), "--model", str(tiny_model_dir),
                             "--published", "2024-03-05", "--device", "cpu"], capsys)
    assert rc == 0, err
    d = check_brief(out)
    assert d["id"] == "rabat_talks.txt" and d["model"]["name"] == "tiny-test"
    assert d["summary"].startswith("Moroccan Minister of Foreign Affairs Karim Benali")


def test_single_file_markdown_and_stdin(tiny_model_dir: Path, capsys, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.read_bytes())))
    rc, out, err = run_main(["brief", "-", "--format", "markdown", "--model", str(tiny_model_dir)], capsys)
    assert rc == 0, err
    assert out.startswith("# ") and "## Summary" in out


def test_batch_stdout_and_no_summary(tiny_model_dir: Path, tmp_path: Path, capsys, check_brief) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"d{i}", "text": ARTICLE.read_text()}) + "\n" for i in range(3)))
    rc, out, err = run_main(["brief", "--input", str(src), "--model", str(tiny_model_dir), "--no-summary",
                             "--batch-size", "2", "--quiet"], capsys)
    assert rc == 0, err
    rows = [check_brief(line) for line in out.splitlines()]
    assert [r["id"] for r in rows] == ["d0", "d1", "d2"] and all(r["summary"] == "" for r in rows)


def test_info(tiny_model_dir: Path, capsys) -> None:
    rc, out, _ = run_main(["info", "--model", str(tiny_model_dir), "--device", "cpu"], capsys)
    info = json.loads(out)
    assert rc == 0 and info["model_dir"] == str(tiny_model_dir) and info["device"] == "cpu"


BAD_INPUTS = [
    ("in.jsonl", b'{"id": "a", "text": "ok"}\n{"id": "b", "text": "caf\xe9"}\n', "in.jsonl:2: not valid UTF-8"),
    ("in.jsonl", b'{"id": "a", "text": "ok"}\n{"id": "b", "text": \n', "in.jsonl:2: malformed JSON"),
    ("in.jsonl", b'{"id": "a", "text": "ok"}\n{"id": "b"}\n', "in.jsonl:2: record 'b': field \"text\": missing"),
    ("in.jsonl", b'{"id": "a", "text": 12}\n', "in.jsonl:1: record 'a': field \"text\": expected a string"),
    ("in.jsonl", b'{"id": "a", "text": "x", "published": "05/03/2024"}\n',
     "in.jsonl:1: record 'a': field \"published\": unknown date format"),
    ("in.jsonl", b'{"id": "a", "text": "x"}\n{"id": "a", "text": "y"}\n', "in.jsonl:2: field \"id\": duplicate id 'a', also on line 1"),
    ("article.txt", b"Talks in Rabat \xff\xfe went well.\n", "article.txt:1: not valid UTF-8"),
]


@pytest.mark.parametrize("name, data, message", BAD_INPUTS)
def test_bad_input_one_message_exit_2(tiny_model_dir: Path, tmp_path: Path, capsys,
                                      name: str, data: bytes, message: str) -> None:
    src = tmp_path / name
    src.write_bytes(data)
    out_file = tmp_path / "out.jsonl"
    args = ["brief", "--input", str(src), "--output", str(out_file)] if name.endswith(".jsonl") else ["brief", str(src)]
    rc, out, err = run_main(args + ["--model", str(tiny_model_dir)], capsys)
    assert rc == 2
    assert err.count("\n") == 1 and message in err and "Traceback" not in err
    assert out == "" and not out_file.exists()  # validated before anything was written


def test_bad_published_flag_and_missing_model(tmp_path: Path, tiny_model_dir: Path, capsys) -> None:
    rc, _, err = run_main(["brief", str(ARTICLE), "--published", "next Tuesday", "--model", str(tiny_model_dir)], capsys)
    assert rc == 2 and "published" in err and "unknown date format" in err
    rc, _, err = run_main(["brief", str(ARTICLE), "--model", str(tmp_path / "missing")], capsys)
    assert rc == 2 and "model directory not found" in err and str(tmp_path / "missing") in err
    rc, _, err = run_main(["brief", str(tmp_path / "nope.txt"), "--model", str(tiny_model_dir)], capsys)
    assert rc == 2 and "nope.txt: file not found" in err


def test_bad_input_in_subprocess_has_no_traceback(tmp_path: Path, cli_cmd, cli_env) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(b'{"id": "a", "text": "ok"}\n{"id": "b", "text": "x", "published": "soon"}\n')
    proc = subprocess.run(cli_cmd + ["brief", "--input", str(src), "--output", str(tmp_path / "o.jsonl")],
                          env=cli_env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        f"diplomodel: error: {src}:2: record 'b': field \"published\": unknown date format 'soon'; expected YYYY-MM-DD"]


def test_sigkill_then_resume_every_id_once(tmp_path: Path, cli_cmd, cli_env, check_brief) -> None:
    body = ARTICLE.read_text("utf-8").split("\n")[0]  # the lead paragraph keeps 200 records quick
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    ids = [f"doc-{i:03d}" for i in range(200)]
    src.write_text("".join(json.dumps({"id": i, "text": body, "published": "2024-03-05"}) + "\n" for i in ids))
    args = cli_cmd + ["brief", "--input", str(src), "--output", str(out), "--batch-size", "4", "--device", "cpu"]

    proc = subprocess.Popen(args, env=cli_env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    killed, deadline = False, time.monotonic() + 180
    while proc.poll() is None and time.monotonic() < deadline:
        if out.exists() and out.read_bytes().count(b"\n") >= 8:
            proc.send_signal(signal.SIGKILL)
            killed = True
            break
        time.sleep(0.01)
    proc.wait(timeout=60)
    assert killed, f"run ended before it could be killed (rc={proc.returncode}): {proc.stderr.read()!r}"
    done_before = out.read_bytes().count(b"\n")
    assert 8 <= done_before < 200
    with open(out, "ab") as f:  # what a kill in the middle of a write leaves behind
        f.write(b'{"id": "doc-199", "is_meet')

    rerun = subprocess.run(args + ["--quiet"], env=cli_env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stderr == ""  # --quiet: no progress bar, no resume note
    lines = out.read_text("utf-8").splitlines()
    rows = [check_brief(line) for line in lines]
    assert sorted(r["id"] for r in rows) == ids  # every id exactly once
    assert [r["id"] for r in rows] == ids  # and in input order

    again = subprocess.run(args, env=cli_env, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0 and "200 of 200 already" in again.stderr
    assert out.read_text("utf-8").splitlines() == lines


def test_raw_u2028_u0085_inside_json_strings_do_not_stop_the_batch(tmp_path: Path, cli_cmd, cli_env,
                                                                   check_brief) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    texts = {"a": "Ana Lopez met Ali Khan\u2028in Rabat.", "b": "Talks\u0085went well.\u2029Both spoke.",
             "c": "Plain text."}
    src.write_bytes("".join(json.dumps({"id": k, "text": v}, ensure_ascii=False) + "\n"
                            for k, v in texts.items()).encode("utf-8"))
    assert "\u2028".encode() in src.read_bytes()  # raw, not escaped
    proc = subprocess.run(cli_cmd + ["brief", "--input", str(src), "--output", str(out), "--quiet"],
                          env=cli_env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    rows = [check_brief(line) for line in out.read_bytes().decode("utf-8").split("\n") if line]
    assert [r["id"] for r in rows] == ["a", "b", "c"]
    assert rows[0]["summary"] == texts["a"]  # the U+2028 did not end the line or the sentence early
