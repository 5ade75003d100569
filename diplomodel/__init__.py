"""diplomodel: structured meeting briefs from diplomatic news.

Example:
    >>> from diplomodel import brief  # doctest: +SKIP
    >>> b = brief("BAKU, May 3. Foreign Minister Jeyhun Bayramov met his Georgian counterpart ...",
    ...           published="2024-05-03")  # doctest: +SKIP
    >>> [p.name for p in b.participants]  # doctest: +SKIP
    ['Jeyhun Bayramov', ...]
"""
from __future__ import annotations

import os

# The library never reaches for a model hub: every load is local.
for _var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_DATASETS_OFFLINE", "HF_HUB_DISABLE_TELEMETRY"):
    os.environ.setdefault(_var, "1")

__version__ = "0.1.0"

from diplomodel.schema import Location, MeetingBrief, Participant  # noqa: E402

__all__ = ["brief", "Briefer", "MeetingBrief", "Participant", "Location", "__version__"]


def __getattr__(name: str):
    # Lazy: importing the schema must not pull in torch.
    if name in ("brief", "Briefer"):
        from diplomodel import briefer

        return getattr(briefer, name)
    raise AttributeError(name)
