"""One model per worker: a callable that turns a batch of records (columns) into brief JSON lines.

Ray Data constructs it once per actor (``map_batches(BriefPredictor, fn_constructor_kwargs=...)``);
``datasets.map`` workers get one per process from :func:`cached_predictor`. Its ``json`` column
holds exactly the line ``diplomodel brief --input ... --output ...`` writes for the record.

Example:
    >>> from diplomodel.briefer import Briefer
    >>> from diplomodel.models.tagger import Tagger
    >>> p = BriefPredictor(briefer=Briefer(Tagger.tiny_random(), name="tiny"), published="2024-03-05")
    >>> import json
    >>> json.loads(p({"id": ["x"], "text": ["Talks in Rabat."]})["json"][0])["id"]
    'x'
"""
from __future__ import annotations

import datetime as _dt
import json
from typing import Any, Mapping, Sequence

from diplomodel.briefer import Briefer
from diplomodel.jsonl import parse_published

_CACHE: dict[tuple, "BriefPredictor"] = {}


def _published(value: Any) -> Any:
    """A column value as ``parse_published`` takes it (numpy datetimes and NaN/None included)."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if hasattr(value, "dtype") and str(getattr(value, "dtype", "")).startswith("datetime64"):
        import numpy as np

        return None if np.isnat(value) else str(np.datetime_as_string(value, unit="D"))
    if isinstance(value, _dt.datetime):
        return value.date()
    return value


class BriefPredictor:
    """Load a model dir once (or take a ready :class:`Briefer`); brief batches given as columns."""

    def __init__(self, model_dir: str | None = None, *, batch_size: int = 16, quantize: bool | None = None,
                 threads: int | None = None, published: str | None = None, summary: bool = True,
                 briefer: Briefer | None = None) -> None:
        self.briefer = briefer or Briefer.from_pretrained(model_dir, device="cpu", batch_size=batch_size,
                                                          quantize=quantize, threads=threads)
        self.published = parse_published(published, field="--published")
        self.summary = summary

    def __call__(self, batch: Mapping[str, Sequence[Any]]) -> dict[str, list[Any]]:
        """``{"id": [...], "text": [...], "published"?: [...]}`` -> ``{"id": [...], "json": [...]}``."""
        ids = [str(x) for x in batch["id"]]
        pubs = batch.get("published")
        records = [{"id": rid, "text": str(text), "published": _published(pubs[i]) if pubs is not None else None}
                   for i, (rid, text) in enumerate(zip(ids, batch["text"]))]
        briefs = self.briefer(records, published=self.published, summary=self.summary)
        return {"id": ids, "json": [json.dumps(b.to_dict(), ensure_ascii=False) for b in briefs]}


def cached_predictor(model_dir: str | None, **kwargs: Any) -> BriefPredictor:
    """The process's predictor for these arguments, loaded on first use (the model once per process)."""
    key = (model_dir, *sorted(kwargs.items()))
    if key not in _CACHE:
        _CACHE[key] = BriefPredictor(model_dir, **kwargs)
    return _CACHE[key]
