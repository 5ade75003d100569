"""Officials whose country annotators have already written down: a name -> country table.

Wire copy often names a well-known official with a bare title ("President Joe Biden spoke today
with ...", "Secretary Blinken's call with ...") and never says which country they serve; an analyst
knows it, and so does every gold brief that named them before. :class:`Officials` keeps those facts
(a person's name, the country the briefs gave them, how often) learned from annotated briefs
(``training/build_officials.py``) and saved as ``officials.json`` in a model dir, so the table grows
with every round of annotation. Extraction reads it for participants the text leaves without a
country (:func:`diplomodel.extraction.affiliation.fill_countries`).

Names are matched by the consonant skeletons of their first and last words
(:func:`diplomodel.knowledge.names.name_keys`), so "Antony J. Blinken" and "Antony Blinken" are one
entry; a lone surname matches only when one entry has it. A person the briefs gave more than one
country, with no majority, is not answered.

Example:
    >>> briefs = [{"participants": [{"name": "Antony J. Blinken", "country": "United States",
    ...                              "aliases": ["Blinken"]},
    ...                             {"name": "Ana Lopez", "country": None}]}]
    >>> table = Officials.from_briefs(briefs)
    >>> table.country_of("Antony Blinken"), table.country_of("Secretary Blinken"), table.country_of("Ana Lopez")
    ('United States', 'United States', None)
    >>> len(table)
    1
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from diplomodel.errors import InputError
from diplomodel.knowledge.names import TITLE_WORDS, name_keys
from diplomodel.knowledge.text import fold

#: The file name of the table inside a model dir.
OFFICIALS_FILE = "officials.json"
_VERSION = 1


def _key(name: str) -> tuple[str, ...] | None:
    keys = name_keys(" ".join(w for w in name.split() if fold(w).strip(".,") not in TITLE_WORDS))
    if not keys:
        return None
    return (keys[0], keys[-1]) if len(keys) > 1 else (keys[0],)


@dataclass
class Officials:
    """Name -> country votes from annotated briefs (module docstring)."""

    #: ``(first, last)`` name skeletons (words of office dropped) -> the name as first seen and the countries' votes.
    entries: dict[tuple[str, ...], tuple[str, Counter[str]]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.entries)

    def add(self, name: str, country: str | None) -> None:
        """Count one annotated ``name`` serving ``country`` (ignored without a country or a full name)."""
        key = _key(name)
        if not country or key is None or len(key) < 2:
            return
        first, votes = self.entries.setdefault(key, (name, Counter()))
        votes[country] += 1

    @classmethod
    def from_briefs(cls, briefs: Iterable[dict[str, Any]]) -> "Officials":
        """A table of every participant (and alias) with a country in ``briefs`` (brief dicts)."""
        table = cls()
        for b in briefs:
            for p in b.get("participants") or []:
                country = p.get("country")
                for n in dict.fromkeys([p.get("name") or ""] + list(p.get("aliases") or [])):
                    table.add(n, country)
        return table

    def country_of(self, name: str) -> str | None:
        """The country most briefs gave ``name`` (a strict majority), else ``None``."""
        key = _key(name)
        if key is None:
            return None
        if len(key) == 1:  # a lone surname: only when one entry ends with it
            hits = [v for k, v in self.entries.items() if k[-1] == key[0]]
            if len(hits) != 1:
                return None
            votes = hits[0][1]
        elif key in self.entries:
            votes = self.entries[key][1]
        else:
            return None
        country, n = votes.most_common(1)[0]
        return country if n * 2 > sum(votes.values()) else None

    def to_json(self) -> dict[str, Any]:
        """The table as written to ``officials.json``: one entry a person, sorted by name."""
        rows = [{"name": name, "countries": dict(votes.most_common())} for name, votes in self.entries.values()]
        return {"version": _VERSION, "officials": sorted(rows, key=lambda r: r["name"])}

    def save(self, path: str | Path) -> None:
        """Write the table to ``path`` (JSON)."""
        Path(path).write_text(json.dumps(self.to_json(), ensure_ascii=False, indent=1) + "\n", "utf-8")

    @classmethod
    def load(cls, path: str | Path) -> "Officials":
        """Read a table written by :meth:`save`; a malformed file is an :class:`InputError` naming it."""
        path = Path(path)
        try:
            data = json.loads(path.read_text("utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InputError(f"unreadable officials table: {exc}", file=str(path)) from None
        if not isinstance(data, dict) or data.get("version") != _VERSION or not isinstance(data.get("officials"), list):
            raise InputError(f"not an officials table (version {_VERSION} with a list 'officials')", file=str(path))
        table = cls()
        for i, row in enumerate(data["officials"]):
            ok = isinstance(row, dict) and isinstance(row.get("name"), str) and isinstance(row.get("countries"), dict)
            if not ok or not all(isinstance(c, str) and isinstance(n, int) and n > 0
                                 for c, n in row["countries"].items()):
                raise InputError(f"officials[{i}]: expected {{'name': str, 'countries': {{str: int > 0}}}}",
                                 file=str(path), field="officials")
            for country, n in row["countries"].items():
                for _ in range(n):
                    table.add(row["name"], country)
        return table
