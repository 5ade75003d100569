"""Batch IO: input validation naming file/line/field, and the crash-safe resumable writer."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from diplomodel.errors import InputError
from diplomodel.jsonl import ResumableWriter, parse_published, parse_records, read_records


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_read_records_ok(tmp_path: Path) -> None:
    src = write(tmp_path / "in.jsonl", '{"id": "a", "text": "x", "published": "2024-03-04"}\n\n'
                                       '{"id": 7, "text": "", "published": null}\n')
    recs = read_records(src)
    assert [(r.id, r.text, r.published, r.line) for r in recs] == [
        ("a", "x", dt.date(2024, 3, 4), 1), ("7", "", None, 3)]


@pytest.mark.parametrize("body, expect", [
    ('{"id": "a", "text": "x"}\n{"id": "b", "text": "y"\n', [":2:", "malformed JSON"]),
    ('{"id": "a"}\n', [":1:", 'field "text"', "missing"]),
    ('{"id": "a", "text": ["x"]}\n', [":1:", 'field "text"', "expected a string"]),
    ('{"id": "a", "text": "x", "published": "March 4th"}\n', [":1:", 'field "published"', "unknown date format"]),
    ('{"text": "x"}\n', [":1:", 'field "id"']),
    ('[1, 2]\n', [":1:", "JSON object"]),
    ('{"id": "a", "text": "x"}\n{"id": "b", "text": "y"}\n{"id": "a", "text": "z"}\n',
     [":3:", "duplicate id 'a'", "line 1"]),
])
def test_bad_lines_name_file_line_field(tmp_path: Path, body: str, expect: list[str]) -> None:
    src = write(tmp_path / "in.jsonl", body)
    with pytest.raises(InputError) as err:
        read_records(src)
    msg = str(err.value)
    assert msg.startswith(str(src))
    for part in expect:
        assert part in msg


def test_non_utf8_names_line_and_byte(tmp_path: Path) -> None:
    src = write(tmp_path / "in.jsonl", b'{"id": "a", "text": "x"}\n{"id": "b", "text": "caf\xe9"}\n')
    with pytest.raises(InputError, match=r"in\.jsonl:2: not valid UTF-8 \(byte 0xe9"):
        read_records(src)


def test_parse_published_forms() -> None:
    assert parse_published(dt.date(2024, 1, 2)) == dt.date(2024, 1, 2)
    assert parse_published("2024-01-02T10:00:00Z") == dt.date(2024, 1, 2)
    assert parse_published("") is None
    with pytest.raises(InputError, match='field "published"'):
        parse_published("2024-13-40")
    with pytest.raises(InputError, match='field "published"'):
        parse_published(20240102)


def test_writer_appends_whole_lines_and_resumes(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    with ResumableWriter(out) as w:
        w.write_batch([{"id": "a", "v": 1}, {"id": "b", "v": "é"}])
    # a kill in the middle of a write leaves a line without its newline
    with open(out, "ab") as f:
        f.write(b'{"id": "c", "v"')
    w = ResumableWriter(out)
    assert w.done == {"a", "b"}
    w.write_batch([{"id": "c", "v": 3}])
    w.close()
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["a", "b", "c"]


def test_writer_refuses_corrupt_middle_line(tmp_path: Path) -> None:
    out = write(tmp_path / "out.jsonl", '{"id": "a"}\nnot json\n{"id": "b"}\n')
    with pytest.raises(InputError, match=r"out\.jsonl:2:"):
        ResumableWriter(out)


def test_parse_records_skips_blank_and_counts_lines() -> None:
    recs = parse_records('\n\n{"id": "x", "text": "t"}\n', "mem")
    assert recs[0].line == 3


@pytest.mark.parametrize("sep", ["\u2028", "\u2029", "\u0085", "\x1c", "\x1d", "\x1e", "\x0b", "\x0c"])
def test_line_breaks_other_than_newline_stay_inside_the_line(tmp_path: Path, sep: str) -> None:
    # json.dumps(ensure_ascii=False) writes U+0085/U+2028/U+2029 raw; the others come escaped
    lines = [json.dumps({"id": "a", "text": f"Talks{sep}in Rabat."}, ensure_ascii=False),
             json.dumps({"id": "b", "text": "Second."})]
    src = write(tmp_path / "in.jsonl", "\n".join(lines) + "\n")
    recs = read_records(src)
    assert [(r.id, r.text, r.line) for r in recs] == [("a", f"Talks{sep}in Rabat.", 1), ("b", "Second.", 2)]


def test_crlf_lines_are_read_and_line_numbers_kept(tmp_path: Path) -> None:
    src = write(tmp_path / "in.jsonl", '{"id": "a", "text": "x\u2028y"}\r\n\r\n{"id": "b", "text": "z"\r\n')
    with pytest.raises(InputError, match=r"in\.jsonl:3: malformed JSON"):
        read_records(src)
    src.write_text('{"id": "a", "text": "x\u2028y"}\r\n\r\n{"id": "b", "text": "z"}\r\n', "utf-8")
    assert [(r.id, r.text, r.line) for r in read_records(src)] == [("a", "x\u2028y", 1), ("b", "z", 3)]


def test_writer_resumes_over_lines_holding_u2028(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    with ResumableWriter(out) as w:
        w.write_batch([{"id": "a", "summary": "one\u2028two\u0085three"}, {"id": "b", "summary": ""}])
    assert "\u2028".encode() in out.read_bytes()  # written raw, as ensure_ascii=False does
    assert ResumableWriter(out).done == {"a", "b"}
