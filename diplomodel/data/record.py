"""The annotation record: one document, its entity spans and optionally its brief.

A record is a plain ``dict`` (JSON lines on disk, see ``docs/contracts.md``)::

    {"id", "text", "published", "source", "entities": [{"start", "end", "label"}],
     "annotated_labels": [...], "unlabelled": [{"start", "end"}], "brief": {...}}

``unlabelled`` (optional) marks stretches of text the annotation leaves undecided: their words
carry no training signal at all (neither a label nor "O"), e.g. a surname two people of a
projected brief share.

:func:`validate_record` checks one record and returns a normalised copy (entities sorted,
defaults filled); :func:`read_records` reads a JSONL file and names the file, line, record id
and field of anything wrong.

Example:
    >>> from diplomodel.data.record import validate_record
    >>> rec = validate_record({"id": "a", "text": "Gafarova met Akhannouch.",
    ...                        "entities": [{"start": 13, "end": 23, "label": "PARTICIPANT"}]})
    >>> rec["entities"], rec["source"], rec["published"]
    ([{'start': 13, 'end': 23, 'label': 'PARTICIPANT'}], '', None)
    >>> validate_record({"id": "b", "text": "Gafarova met", "entities": [
    ...     {"start": 0, "end": 4, "label": "PERSON"}]})
    Traceback (most recent call last):
    ...
    diplomodel.errors.InputError: record 'b': field "entities[0]": span 0-4 'Gafa' ends inside a word
"""
from __future__ import annotations

import datetime
import hashlib
import json
import re
from pathlib import Path
from typing import Any, Callable, Iterable

from diplomodel.errors import InputError
from diplomodel.models.labels import ENTITY_LABELS
from diplomodel.schema import MeetingBrief
from diplomodel.models.text import split_words

Record = dict[str, Any]

#: Fields a record may carry; anything else is kept out of the normalised record.
RECORD_FIELDS = ("id", "text", "published", "source", "entities", "annotated_labels", "unlabelled",
                 "brief")

# Text that was decoded with the wrong codec somewhere upstream (UTF-8 read as cp1252/latin-1).
_MOJIBAKE = re.compile("[\u00c2\u00c3][\u0080-\u00bf\u2018-\u203a\u0152-\u0178\u20ac\u2122]|\u00e2\u20ac")


def features():
    """The ``datasets.Features`` of records (``brief`` stored as a JSON string, ``""`` if none).

    >>> sorted(features())
    ['annotated_labels', 'brief', 'entities', 'id', 'published', 'source', 'text', 'unlabelled']
    """
    from datasets import ClassLabel, Features, List, Value

    return Features({
        "id": Value("string"), "text": Value("string"), "published": Value("string"),
        "source": Value("string"),
        "entities": List({"start": Value("int32"), "end": Value("int32"),
                          "label": ClassLabel(names=ENTITY_LABELS)}),
        "annotated_labels": List(Value("string")),
        "unlabelled": List({"start": Value("int32"), "end": Value("int32")}), "brief": Value("string"),
    })


def to_hf_row(rec: Record) -> dict[str, Any]:
    """A record as a row of :func:`features` (brief as JSON text, missing values filled).

    >>> to_hf_row({"id": "x", "text": "Hi"})["annotated_labels"][:2]
    ['PARTICIPANT', 'PERSON']
    """
    brief = rec.get("brief")
    return {"id": rec["id"], "text": rec["text"], "published": rec.get("published"),
            "source": rec.get("source", ""),
            "entities": [{"start": e["start"], "end": e["end"], "label": e["label"]}
                         for e in rec.get("entities") or []],
            "annotated_labels": list(ENTITY_LABELS if rec.get("annotated_labels") is None
                                         else rec["annotated_labels"]),
            "unlabelled": [{"start": u["start"], "end": u["end"]} for u in rec.get("unlabelled") or []],
            "brief": json.dumps(brief, ensure_ascii=False, sort_keys=True) if brief else ""}


def from_hf_row(row: dict[str, Any]) -> Record:
    """Inverse of :func:`to_hf_row` (labels may come back as ClassLabel ids)."""
    ents = []
    for e in row.get("entities") or []:
        label = e["label"] if isinstance(e["label"], str) else ENTITY_LABELS[e["label"]]
        ents.append({"start": e["start"], "end": e["end"], "label": label})
    rec: Record = {"id": row["id"], "text": row["text"], "published": row.get("published"),
                   "source": row.get("source") or "", "entities": ents,
                   "annotated_labels": list(row.get("annotated_labels") or ENTITY_LABELS)}
    if row.get("unlabelled"):
        rec["unlabelled"] = [{"start": u["start"], "end": u["end"]} for u in row["unlabelled"]]
    if row.get("brief"):
        rec["brief"] = json.loads(row["brief"])
    return rec


def _check_text(s: str, where: dict[str, Any]) -> None:
    try:
        s.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(f"not valid Unicode (lone surrogate at char {exc.start})", **where) from None
    m = _MOJIBAKE.search(s)
    if m:
        raise InputError(f"mixed encodings: {m.group()!r} at char {m.start()} looks like UTF-8 "
                         "decoded as Latin-1/cp1252", **where)


def validate_record(rec: Any, file: str | None = None, line: int | None = None) -> Record:
    """Check ``rec`` against the record contract and return a normalised copy.

    Raises :class:`InputError` naming ``file``, ``line``, the record id and the field for:
    missing/empty id or text, bad ``published``, spans out of range, overlapping, off word
    boundaries, with an unknown label or with a ``text`` that differs from the span,
    annotated_labels outside the label set, unlabelled stretches out of range, off word boundaries
    or over an entity, a brief that is not a valid brief, bad encodings.
    """
    loc: dict[str, Any] = {"file": file, "line": line}
    if not isinstance(rec, dict):
        raise InputError(f"a JSON object is required, got {type(rec).__name__}", **loc)
    rid = rec.get("id")
    if not isinstance(rid, str) or not rid.strip():
        raise InputError("a non-empty string id is required", field="id", **loc)
    loc["record_id"] = rid
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError("missing or empty text", field="text", **loc)
    _check_text(text, {**loc, "field": "text"})
    pub = rec.get("published")
    if pub is not None:
        try:
            if not isinstance(pub, str):
                raise ValueError
            datetime.date.fromisoformat(pub)
        except ValueError:
            raise InputError(f"expected YYYY-MM-DD or null, got {pub!r}", field="published", **loc) from None
    source = rec.get("source") or ""
    if not isinstance(source, str):
        raise InputError("a string is required", field="source", **loc)
    ann = rec.get("annotated_labels")
    if ann is None:
        ann = list(ENTITY_LABELS)
    if not isinstance(ann, list) or any(a not in ENTITY_LABELS for a in ann):
        raise InputError(f"labels must come from {ENTITY_LABELS}, got {ann!r}",
                         field="annotated_labels", **loc)
    ents = rec.get("entities") or []
    if not isinstance(ents, list):
        raise InputError("a list of {start, end, label} is required", field="entities", **loc)
    words = split_words(text)
    starts, ends = {s for s, _ in words}, {e for _, e in words}
    checked: list[tuple[int, int, str, int]] = []
    for i, ent in enumerate(ents):
        floc = {**loc, "field": f"entities[{i}]"}
        if not isinstance(ent, dict):
            raise InputError("an object {start, end, label} is required", **floc)
        s, e, label = ent.get("start"), ent.get("end"), ent.get("label")
        if not all(isinstance(x, int) and not isinstance(x, bool) for x in (s, e)):
            raise InputError(f"start/end must be integers, got {s!r}/{e!r}", **floc)
        if not 0 <= s < e <= len(text):
            raise InputError(f"span {s}-{e} out of range for text of length {len(text)}", **floc)
        if label not in ENTITY_LABELS:
            raise InputError(f"label {label!r} is not one of {', '.join(ENTITY_LABELS)}", **floc)
        if "text" in ent and ent["text"] != text[s:e]:
            raise InputError(f"text {ent['text']!r} differs from text[{s}:{e}] = {text[s:e]!r}", **floc)
        if s not in starts:
            raise InputError(f"span {s}-{e} {text[s:e]!r} starts inside a word", **floc)
        if e not in ends:
            raise InputError(f"span {s}-{e} {text[s:e]!r} ends inside a word", **floc)
        checked.append((s, e, label, i))
    checked.sort()
    for (s1, e1, _, i1), (s2, e2, _, i2) in zip(checked, checked[1:]):
        if s2 < e1:
            raise InputError(f"span {s2}-{e2} overlaps entities[{i1}] span {s1}-{e1}",
                             **{**loc, "field": f"entities[{i2}]"})
    out: Record = {"id": rid, "text": text, "published": pub, "source": source,
                   "entities": [{"start": s, "end": e, "label": lab} for s, e, lab, _ in checked],
                   "annotated_labels": list(ann)}
    unlabelled = _check_unlabelled(rec.get("unlabelled"), text, starts, ends, checked, loc)
    if unlabelled:
        out["unlabelled"] = unlabelled
    brief = rec.get("brief")
    if brief is not None:
        if not isinstance(brief, dict):
            raise InputError("a brief JSON object is required", field="brief", **loc)
        try:
            MeetingBrief.from_dict(brief)
        except (ValueError, TypeError) as exc:
            raise InputError(str(exc), **{**loc, "field": "brief"}) from None
        out["brief"] = brief
    return out


def _check_unlabelled(spans: Any, text: str, starts: set[int], ends: set[int],
                      entities: list[tuple[int, int, str, int]], loc: dict[str, Any]) -> list[dict[str, int]]:
    """The ``unlabelled`` stretches, checked (in range, on word boundaries, off every entity), sorted."""
    if spans is None:
        return []
    if not isinstance(spans, list):
        raise InputError("a list of {start, end} is required", field="unlabelled", **loc)
    out = []
    for i, sp in enumerate(spans):
        floc = {**loc, "field": f"unlabelled[{i}]"}
        s, e = (sp.get("start"), sp.get("end")) if isinstance(sp, dict) else (None, None)
        if not all(isinstance(x, int) and not isinstance(x, bool) for x in (s, e)):
            raise InputError(f"an object with integer start/end is required, got {sp!r}", **floc)
        if not 0 <= s < e <= len(text):
            raise InputError(f"span {s}-{e} out of range for text of length {len(text)}", **floc)
        if s not in starts or e not in ends:
            raise InputError(f"span {s}-{e} {text[s:e]!r} is not on word boundaries", **floc)
        hit = next((k for es, ee, _, k in entities if es < e and s < ee), None)
        if hit is not None:
            raise InputError(f"span {s}-{e} overlaps entities[{hit}]", **floc)
        out.append({"start": s, "end": e})
    return sorted(out, key=lambda u: (u["start"], u["end"]))


def _decode_line(raw: bytes, file: str, line: int) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"byte 0x{raw[exc.start]:02x} at column {exc.start + 1} is not valid UTF-8 "
                         "(non-UTF-8 or mixed encodings)", file=file, line=line) from None


def parse_jsonl_line(raw: bytes, file: str, line: int) -> Any | None:
    """One JSONL line -> its JSON value (``None`` when blank); a UTF-8 BOM on line 1 is dropped.

    Raises :class:`InputError` naming file, line and, where the line shows one, the record id.

    >>> parse_jsonl_line(b'{"id": "a"}', "x.jsonl", 1), parse_jsonl_line(b"  ", "x.jsonl", 2)
    ({'id': 'a'}, None)
    """
    if line == 1 and raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    s = _decode_line(raw, file, line)
    if not s.strip():
        return None
    try:
        return json.loads(s)
    except json.JSONDecodeError as exc:
        rid = m.group(1) if (m := re.search(r'"id"\s*:\s*"([^"]*)"', s)) else None
        raise InputError(f"broken JSON: {exc.msg} at column {exc.colno}",
                         file=file, line=line, record_id=rid) from None


def jsonl_lines(path: str | Path) -> list[bytes]:
    """The raw lines of a JSONL file (numbered from 1 by the callers)."""
    try:
        with open(path, "rb") as fh:  # read only: an annotation file is never modified
            return fh.read().split(b"\n")
    except FileNotFoundError:
        raise InputError("file not found", file=str(path)) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", file=str(path)) from None


def iter_jsonl(path: str | Path) -> Iterable[tuple[int, Any]]:
    """Yield ``(line_number, parsed_json)`` of a JSONL file; raises :class:`InputError`."""
    for n, raw in enumerate(jsonl_lines(path), 1):
        obj = parse_jsonl_line(raw, str(path), n)
        if obj is not None:
            yield n, obj


def read_records(path: str | Path, skip_invalid: bool = False,
                 problems: list[InputError] | None = None,
                 to_record: Callable[[Any, str, int], Record] | None = None) -> tuple[list[Record], int]:
    """Read and validate a JSONL file of records; return ``(records, n_skipped)``.

    Without ``skip_invalid`` the first bad line raises :class:`InputError`; with it, bad lines
    (undecodable, broken JSON, invalid record, duplicate id) are counted and skipped, and each
    one's error (file, line, record id, field) is appended to ``problems`` when given. The file
    is only read. ``to_record(obj, file, line)`` turns another format's line into a validated
    record (an importer's converter); by default the line is a record already.
    """
    convert = to_record or (lambda obj, file, line: validate_record(obj, file=file, line=line))
    file, out, skipped, first = str(path), [], 0, {}
    for n, raw in enumerate(jsonl_lines(path), 1):
        try:
            obj = parse_jsonl_line(raw, file, n)
            if obj is None:
                continue
            rec = convert(obj, file, n)
            if rec["id"] in first:
                raise InputError(f"duplicate id, also on line {first[rec['id']]}", file=file, line=n,
                                 record_id=rec["id"], field="id")
            first[rec["id"]] = n
            out.append(rec)
        except InputError as exc:
            if not skip_invalid:
                raise
            skipped += 1
            if problems is not None:
                problems.append(exc)
    return out, skipped


def write_records(records: Iterable[Record], path: str | Path) -> int:
    """Write records as UTF-8 JSON lines; return how many were written."""
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    return n


def hash_split(record_id: str, ratios: tuple[float, float, float] = (0.8, 0.1, 0.1)) -> str:
    """Deterministic train/validation/test assignment of a document id (stable across runs).

    >>> hash_split("doc-1") in ("train", "validation", "test")
    True
    """
    x = int(hashlib.sha1(record_id.encode("utf-8")).hexdigest()[:8], 16) / 0xFFFFFFFF
    if x < ratios[0]:
        return "train"
    return "validation" if x < ratios[0] + ratios[1] else "test"
