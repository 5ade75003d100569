"""Every module's docstring examples run (they are the documentation users copy from)."""
from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import diplomodel

MODULES = sorted(m.name for m in pkgutil.walk_packages(diplomodel.__path__, "diplomodel."))


def test_every_room_is_found():
    for room in ("extraction", "knowledge", "models", "data"):
        assert any(m.startswith(f"diplomodel.{room}.") for m in MODULES), room


@pytest.mark.parametrize("module", MODULES)
def test_docstring_examples_run(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
