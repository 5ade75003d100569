"""names: forms of address and words of office; each case would fail a naive rule."""
from __future__ import annotations

import pytest

from diplomodel.knowledge.names import clean_name, is_address_only, is_title_words


@pytest.mark.parametrize("text,expected", [
    ("Ms Gafarova", "Gafarova"), ("Mr. Hakan Fidan", "Hakan Fidan"), ("H.E. Aziz Akhannouch", "Aziz Akhannouch"),
    ("His Excellency Sheikh Abdullah bin Zayed", "Abdullah bin Zayed"), ("Lavrov's", "Lavrov"),
    ("Dr", "Dr"), ("  Wang   Yi ", "Wang Yi"), ("Sergei Lavrov’s", "Sergei Lavrov"),
])
def test_clean_name(text, expected):
    assert clean_name(text) == expected


@pytest.mark.parametrize("text,title,address", [
    ("Crown Prince", True, True), ("Prime Minister", True, False), ("H.E. the Foreign Minister", True, False),
    ("His Highness", False, True), ("H.H.", False, True), ("Sheikh Tamim", False, False), ("Ana Lopez", False, False),
])
def test_title_and_address_words(text, title, address):
    assert (is_title_words(text), is_address_only(text)) == (title, address)
