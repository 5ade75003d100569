"""Where diplomodel keeps what it derives once and reuses: the city gazetteer, dequantised bases.

Example:
    >>> import os
    >>> os.environ["DIPLOMODEL_CACHE"] = "/tmp/dm-cache"
    >>> str(cache_dir())
    '/tmp/dm-cache'
    >>> del os.environ["DIPLOMODEL_CACHE"]
"""
from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """``$DIPLOMODEL_CACHE``, else ``$XDG_CACHE_HOME/diplomodel``, else ``~/.cache/diplomodel``."""
    env = os.environ.get("DIPLOMODEL_CACHE")
    return Path(env) if env else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "diplomodel"
