"""re3d (defence/diplomacy documents with crowd-sourced entities and relations) -> records.

Each source folder holds ``documents.json``, ``entities.json`` and ``relations.json`` with one
JSON object per line. Entities with confidence >= 0.5 are kept. A Person mention in re3d
includes its title ("Russian Foreign Minister Sergei Lavrov"): it is split into COUNTRY
("Russian"), TITLE ("Foreign Minister") and the name; the name is PARTICIPANT when the person
is an end of a ``CommWith`` relation (met / spoke with), else PERSON, and every later mention
of a participant's surname is PARTICIPANT too. Nationality -> COUNTRY, Location -> COUNTRY/LOC,
Organisation -> ORG, Temporal -> DATE; other types are dropped. Overlaps keep the higher
confidence, then the longer span; spans are snapped to word boundaries.

Example:
    >>> rec = build_record({"_id": "d1", "text": "The Foreign Secretary met Russian Foreign Minister Sergei Lavrov in Geneva on Monday."},
    ...     [{"begin": 0, "end": 21, "type": "Person", "confidence": 1},
    ...      {"begin": 26, "end": 64, "type": "Person", "confidence": 1},
    ...      {"begin": 68, "end": 74, "type": "Location", "confidence": 0.8},
    ...      {"begin": 78, "end": 84, "type": "Temporal", "confidence": 0.4}],
    ...     [{"type": "CommWith", "sourceBegin": 0, "sourceEnd": 21, "targetBegin": 26, "targetEnd": 64,
    ...       "confidence": 1}], source="demo")
    >>> [(rec["text"][e["start"]:e["end"]], e["label"]) for e in rec["entities"]]
    [('Foreign Secretary', 'TITLE'), ('Russian', 'COUNTRY'), ('Foreign Minister', 'TITLE'), ('Sergei Lavrov', 'PARTICIPANT'), ('Geneva', 'LOC')]
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from diplomodel.data.importers._common import (HONORIFICS, TITLE_WORDS, is_country, is_demonym,
                                              leading_country, split_title, word_safe)
from diplomodel.data.record import hash_split
from diplomodel.errors import InputError
from diplomodel.models.text import split_words

MIN_CONFIDENCE = 0.5
_PARTICLES = {"al", "bin", "ibn", "abu", "de", "del", "da", "van", "von", "der", "la", "le", "el", "du", "bint"}
_PRONOUNS = {"i", "he", "she", "we", "they", "you", "me", "him", "her", "us", "them"}
_GLUE = {"of", "for", "the", "and", ",", "to"}


def read_lines(path: str | Path) -> list[dict[str, Any]]:
    """Objects of a one-JSON-object-per-line file (blank lines skipped)."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise InputError(f"broken JSON: {exc.msg}", file=str(path), line=n) from None
    return out


def person_parts(text: str, s: int, e: int) -> tuple[list[tuple[int, int, str]], tuple[int, int] | None]:
    """Split a person mention ``text[s:e]`` into COUNTRY/TITLE spans and the name span."""
    if text[s:e].lower().startswith("the "):
        s += 4
    m = text[s:e]
    parts: list[tuple[int, int, str]] = []
    lead = leading_country(m)
    if lead:
        parts.append((s + lead[0], s + lead[1], "COUNTRY"))
    title = split_title(m)
    if title:
        parts.append((s + title[0], s + title[1], "TITLE"))
    cut = max([lead[1] if lead else 0, title[1] if title else 0])
    words = [(a, b) for a, b in split_words(m) if a >= cut]
    # the name is the trailing run of capitalised words (with particles like "al-", "bin")
    k = len(words)
    while k > 0:
        w = m[words[k - 1][0]:words[k - 1][1]]
        if w[:1].isupper() or w in ("-", "'", ".") or w.lower() in _PARTICLES:
            if w.lower() in _GLUE or w.lower() in TITLE_WORDS and w[:1].islower():
                break
            k -= 1
        else:
            break
    name_words = words[k:]
    while name_words and m[name_words[0][0]:name_words[0][1]].lower() in HONORIFICS | {".", "-", "'"}:
        name_words = name_words[1:]
    if name_words:
        piece = m[name_words[0][0]:name_words[-1][1]]
        lc = leading_country(piece)
        if lc:
            parts.append((s + name_words[0][0] + lc[0], s + name_words[0][0] + lc[1], "COUNTRY"))
            name_words = [w for w in name_words if w[0] >= name_words[0][0] + lc[1]]
    middle = (cut, name_words[0][0] if name_words else len(m))
    mid = m[middle[0]:middle[1]].strip(" ,")
    for g in ("of the ", "of ", "for "):
        if mid.startswith(g):
            if is_country(mid[len(g):]):
                a = m.index(mid[len(g):], middle[0])
                parts.append((s + a, s + a + len(mid[len(g):]), "COUNTRY"))
            break
    name = None
    if name_words and any(m[a:b][:1].isupper() for a, b in name_words):
        piece = m[name_words[0][0]:name_words[-1][1]]
        if piece.lower() not in _PRONOUNS and not is_country(piece) and len(piece) > 1:
            name = (s + name_words[0][0], s + name_words[-1][1])
    return parts, name


def build_record(doc: dict[str, Any], entities: list[dict[str, Any]], relations: list[dict[str, Any]],
                 source: str = "re3d") -> dict[str, Any]:
    """One re3d document with its entities and relations -> a record."""
    text = doc["text"]
    comm = [(r["sourceBegin"], r["sourceEnd"]) for r in relations
            if r.get("type") == "CommWith" and r.get("confidence", 1) >= MIN_CONFIDENCE]
    comm += [(r["targetBegin"], r["targetEnd"]) for r in relations
             if r.get("type") == "CommWith" and r.get("confidence", 1) >= MIN_CONFIDENCE]
    spans: list[dict[str, Any]] = []
    persons: list[tuple[int, int, bool, float]] = []
    for ent in entities:
        conf = float(ent.get("confidence", 1))
        if conf < MIN_CONFIDENCE:
            continue
        s, e, kind = int(ent["begin"]), int(ent["end"]), ent.get("type")
        if not 0 <= s < e <= len(text):
            continue
        mention = text[s:e]
        if kind == "Person":
            parts, name = person_parts(text, s, e)
            for a, b, lab in parts:
                spans.append({"start": a, "end": b, "label": lab, "score": conf})
            if name:
                linked = any(a <= name[0] and name[1] <= b or (s <= a and b <= e) for a, b in comm)
                persons.append((name[0], name[1], linked, conf))
            continue
        label = {"Nationality": "COUNTRY" if is_demonym(mention) or is_country(mention) else None,
                 "Organisation": "ORG", "Temporal": "DATE",
                 "Location": "COUNTRY" if is_country(mention) else "LOC"}.get(kind)
        if label:
            spans.append({"start": s, "end": e, "label": label, "score": conf})
    surnames = {text[a:b].split()[-1] for a, b, linked, _ in persons if linked}
    for a, b, linked, conf in persons:
        is_part = linked or text[a:b].split()[-1] in surnames
        # the name beats an overlapping title/org from the crowd: give it a small bonus
        spans.append({"start": a, "end": b, "label": "PARTICIPANT" if is_part else "PERSON",
                      "score": conf + 0.01})
    return {"id": f"re3d-{doc['_id']}", "text": text, "published": None, "source": source,
            "entities": word_safe(text, spans)}


def read_folder(folder: str | Path) -> list[dict[str, Any]]:
    """Records of one re3d source folder (documents.json + entities.json + relations.json)."""
    folder = Path(folder)
    docs = read_lines(folder / "documents.json")
    ents: dict[str, list] = {}
    rels: dict[str, list] = {}
    for e in read_lines(folder / "entities.json"):
        ents.setdefault(e["documentId"], []).append(e)
    if (folder / "relations.json").exists():
        for r in read_lines(folder / "relations.json"):
            rels.setdefault(r["documentId"], []).append(r)
    out = []
    for d in docs:
        if not (d.get("text") or "").strip():
            continue
        rec = build_record(d, ents.get(d["_id"], []), rels.get(d["_id"], []), source="re3d")
        rec["split"] = hash_split(rec["id"])
        out.append(rec)
    return out


def load(root: str | Path) -> list[dict[str, Any]]:
    """Records of every re3d source folder under ``root``."""
    return [rec for sub in sorted(Path(root).iterdir()) if (sub / "documents.json").exists()
            for rec in read_folder(sub)]
