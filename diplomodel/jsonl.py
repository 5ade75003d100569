"""Batch input and output: validated JSONL records in, resumable crash-safe JSONL briefs out.

Input lines are ``{"id": str, "text": str, "published": "YYYY-MM-DD" | null}``. The whole input is
checked before anything is written, and every problem is an :class:`InputError` naming the file,
line and field. Lines end at a newline only (:func:`split_lines`). Output is appended one whole
line per ``write``, flushed and fsynced per batch; rerunning after a crash skips ids already
written and cuts away a partial last line.

Example:
    >>> import tempfile, os
    >>> from diplomodel.jsonl import read_records, ResumableWriter
    >>> d = tempfile.mkdtemp()
    >>> src = os.path.join(d, "in.jsonl")
    >>> _ = open(src, "w").write('{"id": "a", "text": "Talks in Rabat.", "published": "2024-03-01"}\\n')
    >>> [(r.id, r.published.isoformat()) for r in read_records(src)]
    [('a', '2024-03-01')]
    >>> out = ResumableWriter(os.path.join(d, "out.jsonl"))
    >>> out.write_batch([{"id": "a", "summary": "x"}]); out.close()
    >>> sorted(ResumableWriter(os.path.join(d, "out.jsonl")).done)
    ['a']
"""
from __future__ import annotations

import datetime as _dt
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from diplomodel.errors import InputError


@dataclass
class Record:
    """One input document; ``line`` is its 1-based line number in the input file."""

    id: str
    text: str
    published: _dt.date | None = None
    line: int | None = None


def parse_published(value: Any, *, file: str | None = None, line: int | None = None,
                    record_id: str | None = None, field: str = "published") -> _dt.date | None:
    """``date``, ISO string (``YYYY-MM-DD`` or an ISO datetime) or ``None`` -> ``date | None``.

    >>> parse_published("2024-05-03"), parse_published(None)
    (datetime.date(2024, 5, 3), None)
    >>> parse_published("03/05/2024")
    Traceback (most recent call last):
    ...
    diplomodel.errors.InputError: field "published": unknown date format '03/05/2024'; expected YYYY-MM-DD
    """
    where = {"file": file, "line": line, "record_id": record_id, "field": field}
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if not isinstance(value, str):
        raise InputError(f"expected a YYYY-MM-DD string or null, got {type(value).__name__}", **where)
    s = value.strip()
    if not s:
        return None
    try:
        return _dt.date.fromisoformat(s)
    except ValueError:
        pass
    try:
        if len(s) > 10 and s[4] == "-" and s[7] == "-":
            return _dt.datetime.fromisoformat(s).date()
    except ValueError:
        pass
    raise InputError(f"unknown date format {value!r}; expected YYYY-MM-DD", **where)


def check_unicode(value: str, **where: Any) -> str:
    r"""``value`` unchanged, or :class:`InputError` if it holds a lone surrogate (JSON's ``"\ud800"``).

    Such a string is not text: it cannot be tokenized or written as UTF-8.

    >>> check_unicode("Rabat \u2028 ok")
    'Rabat \u2028 ok'
    >>> check_unicode("a\ud800b", line=3, field="text")
    Traceback (most recent call last):
    ...
    diplomodel.errors.InputError: line 3: field "text": not valid Unicode: lone surrogate U+D800 at character 1
    """
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(f"not valid Unicode: lone surrogate U+{ord(value[exc.start]):04X} at character "
                         f"{exc.start}", **where) from None
    return value


def decode_utf8(data: bytes, file: str) -> str:
    """Decode UTF-8 (a leading BOM is dropped); a bad byte -> :class:`InputError` with its line."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at column {col}); "
                         f"save the file as UTF-8", file=file, line=line) from None


def read_bytes(path: str | Path) -> bytes:
    """Bytes of a file, or of stdin for ``-``; a missing file -> :class:`InputError`."""
    if str(path) == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError("file not found", file=str(path)) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", file=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", file=str(path)) from None


def read_text(path: str | Path) -> str:
    """A whole UTF-8 text file (``-`` = stdin), with decoding errors named by line."""
    name = "<stdin>" if str(path) == "-" else str(path)
    return decode_utf8(read_bytes(path), name)


def split_lines(text: str) -> list[str]:
    r"""JSONL lines: split at ``"\n"`` only, a trailing ``"\r"`` dropped (CRLF files are fine).

    ``str.splitlines()`` would also split at U+0085, U+2028 and U+2029, which JSON allows raw
    inside strings (``json.dumps(..., ensure_ascii=False)`` writes them so), and at ``\x1c``-``\x1e``,
    ``\v``, ``\f`` and a lone ``\r``.

    >>> split_lines('{"t": "a\u2028b"}\r\n{"t": "c\x85"}\n')
    ['{"t": "a\u2028b"}', '{"t": "c\x85"}', '']
    """
    return [line[:-1] if line.endswith("\r") else line for line in text.split("\n")]


def parse_records(text: str, file: str = "<input>") -> list[Record]:
    """Validate every line of a JSONL document; blank lines are skipped."""
    records: list[Record] = []
    first_line: dict[str, int] = {}
    for n, raw in enumerate(split_lines(text), start=1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise InputError(f"malformed JSON ({exc.msg} at column {exc.colno})", file=file, line=n) from None
        if not isinstance(obj, dict):
            raise InputError(f"expected a JSON object per line, got {type(obj).__name__}", file=file, line=n)
        rid = obj.get("id")
        if rid is None:
            raise InputError("missing; every record needs a string id", file=file, line=n, field="id")
        if isinstance(rid, int) and not isinstance(rid, bool):
            rid = str(rid)
        if not isinstance(rid, str) or not rid.strip():
            raise InputError(f"expected a non-empty string, got {json.dumps(rid)}", file=file, line=n, field="id")
        check_unicode(rid, file=file, line=n, field="id")
        if "text" not in obj:
            raise InputError("missing", file=file, line=n, record_id=rid, field="text")
        if not isinstance(obj["text"], str):
            raise InputError(f"expected a string, got {type(obj['text']).__name__}",
                             file=file, line=n, record_id=rid, field="text")
        check_unicode(obj["text"], file=file, line=n, record_id=rid, field="text")
        published = parse_published(obj.get("published"), file=file, line=n, record_id=rid)
        if rid in first_line:
            raise InputError(f"duplicate id {rid!r}, also on line {first_line[rid]}",
                             file=file, line=n, field="id")
        first_line[rid] = n
        records.append(Record(rid, obj["text"], published, n))
    return records


def read_records(path: str | Path) -> list[Record]:
    """Read and validate a whole JSONL input file (``-`` = stdin) before anything is processed."""
    name = "<stdin>" if str(path) == "-" else str(path)
    return parse_records(decode_utf8(read_bytes(path), name), name)


class ResumableWriter:
    """Append-only JSONL output that survives a kill: ``done`` holds the ids already written.

    On open, a last line without its newline (a write cut by a kill) is truncated away; any other
    unreadable line is an :class:`InputError` naming the output file and line.
    """

    def __init__(self, path: str | Path, id_field: str = "id") -> None:
        self.path = Path(path)
        self.done: set[str] = set()
        created = not self.path.exists()
        if not created:
            self._recover(id_field)
        elif self.path.parent and not self.path.parent.exists():
            raise InputError("output folder does not exist", file=str(self.path))
        self._f = open(self.path, "ab", buffering=0)
        if created:  # the new file's name must survive a crash too, not only its lines
            fd = os.open(self.path.parent if str(self.path.parent) else ".", os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)

    def _recover(self, id_field: str) -> None:
        data = self.path.read_bytes()
        keep = data.rfind(b"\n") + 1
        if keep < len(data):
            with open(self.path, "r+b") as f:
                f.truncate(keep)
                f.flush()
                os.fsync(f.fileno())
            data = data[:keep]
        name = str(self.path)
        for n, raw in enumerate(split_lines(decode_utf8(data, name)), start=1):
            if not raw.strip():
                continue
            try:
                rid = json.loads(raw)[id_field]
            except (json.JSONDecodeError, TypeError, KeyError):
                raise InputError("existing output line is not a brief with an id; move the file away "
                                 "or fix it before resuming", file=name, line=n) from None
            self.done.add(str(rid))

    def write_batch(self, rows: Iterable[dict[str, Any]]) -> None:
        """Write each row as one whole line (one ``write`` each), then flush and fsync once."""
        for row in rows:
            data = (json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8")
            view = memoryview(data)
            while view:
                written = self._f.write(view)
                view = view[written:]
            self.done.add(str(row.get("id")))
        self._f.flush()
        os.fsync(self._f.fileno())

    def close(self) -> None:
        self._f.close()

    def __enter__(self) -> "ResumableWriter":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
