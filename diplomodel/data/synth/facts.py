"""Real office holders from the Office of the Historian data (``historyatstate``), read at generation time.

``visits/data/*.xml`` lists foreign leaders' visits to the U.S. (``<visitor>Prime Minister X</visitor>``,
``<from>``); ``travels/*-travels/*.xml`` lists trips of presidents and secretaries of state with remarks
such as "met with Foreign Minister X". Only the facts (name, role, country) are used; sentences are ours.

Example:
    >>> from diplomodel.data.synth.facts import load_officials
    >>> people = load_officials("/nonexistent")   # missing folder -> empty list, never an error
    >>> people
    []
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from diplomodel.data.synth.inventory import COUNTRIES
from diplomodel.knowledge.geo import country_name

_INVENTORY = {c.name for c in COUNTRIES}
DEFAULT_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"

_TITLE_ROLE = [("Prime Minister", "prime_minister"), ("Vice President", "vice_president"),
               ("President", "president"), ("Minister for Foreign Affairs", "foreign_minister"),
               ("Minister of Foreign Affairs", "foreign_minister"), ("Foreign Affairs Minister", "foreign_minister"),
               ("Foreign Minister", "foreign_minister"), ("Foreign Secretary", "foreign_minister"),
               ("Defense Minister", "defense_minister"), ("Defence Minister", "defense_minister"),
               ("Speaker", "speaker")]
_NAME_TOKEN = r"(?:[A-Z][\w'’\-]+|bin|al-[A-Z][\w\-]+|Al|de|da|van|von|der|la|Le)"
_REMARK = re.compile(r"\b(" + "|".join(re.escape(t) for t, _ in _TITLE_ROLE) + r")\s+(" + r"[A-Z][\w'’\-]+(?:\s+"
                     + _NAME_TOKEN + r"){1,3})")
_STOP = {"The", "And", "Minister", "President", "Prime", "Foreign", "Secretary", "General", "King", "Crown"}


@dataclass(frozen=True)
class Official:
    """A real person with a role and a country (short name as in ``inventory.COUNTRIES``)."""

    name: str
    role: str
    country: str
    year: int


def _country(text: str) -> str | None:
    """The inventory country (short name) that ``text`` names, through the one country table."""
    name = country_name(text)
    return name if name in _INVENTORY else None


def _clean_name(raw: str) -> str | None:
    toks = [t for t in raw.replace("’", "'").split() if t]
    while toks and toks[-1] in _STOP:
        toks.pop()
    while toks and toks[-1].lower() in ("al", "bin", "de", "da", "van", "von", "der", "la", "le", "el"):
        toks.pop()
    if len(toks) < 2 or len(toks) > 5 or any(t in _STOP for t in toks):
        return None
    name = " ".join(toks).strip(",.;")
    if not re.fullmatch(r"[^\W\d_][\w'\- .]*[^\W\d_]", name):
        return None
    return name


@lru_cache(maxsize=4)
def _load(root: str) -> tuple[Official, ...]:
    base = Path(root) / "historyatstate"
    if not base.is_dir():
        return ()
    out: dict[str, Official] = {}
    for f in sorted((base / "visits" / "data").glob("*.xml")):
        try:
            tree = ET.parse(f)
        except (ET.ParseError, OSError):
            continue
        for v in tree.getroot().iter("visit"):
            date, who, frm = v.findtext("start-date") or "", v.findtext("visitor") or "", v.findtext("from") or ""
            country = _country(frm)
            if not date[:4].isdigit() or int(date[:4]) < 1985 or country is None:
                continue
            for title, role in _TITLE_ROLE:
                if who.startswith(title + " "):
                    name = _clean_name(who[len(title):])
                    if name:
                        out.setdefault(name, Official(name, role, country, int(date[:4])))
                    break
    for f in sorted((base / "travels").glob("*-travels/*.xml")):
        try:
            tree = ET.parse(f)
        except (ET.ParseError, OSError):
            continue
        for t in tree.getroot().iter("trip"):
            date, country = t.findtext("start-date") or "", _country(t.findtext("country") or "")
            remarks = " ".join((t.findtext("remarks") or "").split())
            if not date[:4].isdigit() or int(date[:4]) < 1985 or country is None:
                continue
            for m in _REMARK.finditer(remarks):
                before = remarks[:m.start()].split()[-1:] or [""]
                if before[0][:1].isupper() and before[0] not in ("with", "With"):
                    continue  # "Russian Foreign Minister X": country unclear, skip
                role = dict(_TITLE_ROLE)[m.group(1)]
                if role in ("president", "vice_president"):
                    continue  # presidents met abroad are often at summits; visits data has them
                name = _clean_name(m.group(2))
                if name:
                    out.setdefault(name, Official(name, role, country, int(date[:4])))
    return tuple(sorted(out.values(), key=lambda o: o.name))


def load_officials(data_dir: str | Path | None = None) -> list[Official]:
    """Real officials found under ``data_dir`` (default ``../shared/data``); ``[]`` if it is missing."""
    return list(_load(str(data_dir if data_dir is not None else DEFAULT_DATA)))
