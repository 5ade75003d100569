"""Batch briefing with ``datasets.map(num_proc=...)``: one model per worker process.

Worker processes are spawned (a fork of a process that already ran torch hangs); each loads the model dir once (:func:`~diplomodel.distributed.predictor.cached_predictor`)
and runs ``cores // num_proc`` encoder workers, so the processes share the cores instead of fighting
over them. The result is the dataset with ``brief`` (the JSON line the CLI writes) added.

Example:
    >>> from datasets import Dataset                                     # doctest: +SKIP
    >>> from diplomodel.distributed.hf_datasets import brief_dataset     # doctest: +SKIP
    >>> ds = Dataset.from_list([{"id": "a", "text": "Ana Lopez met Ali Khan.", "published": None}])  # doctest: +SKIP
    >>> brief_dataset(ds, "models/default", num_proc=2)["brief"][0][:8]   # doctest: +SKIP
    '{"id": "'
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from diplomodel.distributed.predictor import cached_predictor
from diplomodel.models.runtime import usable_cores


def _brief_batch(batch: dict[str, list[Any]], model_dir: str, options: dict[str, Any]) -> dict[str, list[str]]:
    return {"brief": cached_predictor(model_dir, **options)(batch)["json"]}


def brief_dataset(dataset: Any, model_dir: str | Path | None = None, *, num_proc: int = 1,
                  batch_size: int = 16, published: str | None = None, summary: bool = True,
                  quantize: bool | None = None) -> Any:
    """``dataset`` (columns ``id``, ``text``, optional ``published``) plus a ``brief`` column.

    Rows keep their order; ``num_proc`` worker processes each hold one model.
    """
    from diplomodel.models.weights import default_model_dir

    model = str(Path(model_dir).resolve() if model_dir else default_model_dir().resolve())
    options = {"batch_size": batch_size, "published": published, "summary": summary, "quantize": quantize,
               "threads": max(1, usable_cores() // max(1, num_proc))}
    run = lambda: dataset.map(_brief_batch, batched=True, batch_size=batch_size * 8,  # noqa: E731
                              num_proc=num_proc if num_proc > 1 else None,
                              fn_kwargs={"model_dir": model, "options": options}, desc="briefing")
    if num_proc <= 1:
        return run()
    # Workers are spawned, not forked: a child forked from a process that already ran torch (its
    # thread pools) hangs at its first forward.
    import multiprocess

    before = multiprocess.get_start_method(allow_none=True)
    multiprocess.set_start_method("spawn", force=True)
    try:
        return run()
    finally:
        multiprocess.set_start_method(before, force=True)
