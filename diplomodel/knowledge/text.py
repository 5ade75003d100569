"""Folding text to the keys the knowledge tables and name matching use.

Example:
    >>> from diplomodel.knowledge.text import fold, squash
    >>> fold("  Côte d’Ivoire "), squash(" Hakan   Fidan ")
    ("cote d'ivoire", 'Hakan Fidan')
"""
from __future__ import annotations

import re
import unicodedata


def fold(s: str) -> str:
    """Lower case without accents, curly quotes straightened, outer spaces stripped.

    >>> fold("Türkiye"), fold("O’Brien")
    ('turkiye', "o'brien")
    """
    s = unicodedata.normalize("NFKD", s.replace("’", "'"))
    return "".join(ch for ch in s if not unicodedata.combining(ch)).lower().strip()


def squash(s: str) -> str:
    """Runs of whitespace as one space, outer spaces stripped."""
    return re.sub(r"\s+", " ", s).strip()
