"""Batch briefing on Ray Data: ``read_json`` -> ``map_batches(BriefPredictor)`` -> JSONL.

The same call runs on a laptop (a local Ray instance is started) and on a cluster (``address``:
``"auto"`` inside a cluster, ``"ray://head:10001"`` from outside): one model per actor,
``concurrency`` actors of ``num_cpus`` cores each (default: as many as leave one CPU for the
read tasks; actors holding every CPU would leave none to read with), ``batch_size`` records a call. Output is either
one file merged in input order (resumable like the CLI: ids already in it are skipped) or, with
``shards=True``, a directory the workers write JSONL shards into. Input and model dir must be
readable at the same path on every node.

Example (needs ``pip install 'diplomodel[distributed]'``)::

    >>> from diplomodel.distributed.ray_data import brief_with_ray            # doctest: +SKIP
    >>> brief_with_ray("in.jsonl", "out.jsonl", model_dir="models/default",   # doctest: +SKIP
    ...                concurrency=2, batch_size=16)
    1000
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from diplomodel.distributed.predictor import BriefPredictor
from diplomodel.errors import DiplomodelError, InputError

try:  # the shard writer subclasses a Ray class; without Ray only brief_with_ray's error is needed
    from ray.data.datasource import BlockBasedFileDatasink
except ImportError:  # pragma: no cover - exercised where ray is absent
    BlockBasedFileDatasink = object  # type: ignore[assignment,misc]


class JsonLinesDatasink(BlockBasedFileDatasink):  # type: ignore[misc,valid-type]
    """Writes each block's ``json`` column, one brief per line, as a ``.jsonl`` shard."""

    def __init__(self, path: str) -> None:
        super().__init__(path, file_format="jsonl")

    def write_block_to_file(self, block: Any, file: Any) -> None:
        for line in block.to_arrow().column("json").to_pylist():
            file.write((line + "\n").encode("utf-8"))


def _connect(address: str | None) -> None:
    import ray

    if ray.is_initialized():
        return
    kwargs: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False}
    if address:
        kwargs["address"] = address
    ray.init(**kwargs)


def brief_with_ray(input_path: str | Path, output: str | Path, *, model_dir: str | Path | None = None,
                   address: str | None = None, concurrency: int | None = None, num_cpus: float = 1,
                   batch_size: int = 16, published: str | None = None, summary: bool = True,
                   quantize: bool | None = None, shards: bool = False) -> int:
    """Brief every record of ``input_path`` on Ray; returns how many records were briefed now.

    The input is validated first (file, line and field named on error, nothing written); the model
    dir defaults to :func:`diplomodel.models.weights.default_model_dir`.
    """
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise DiplomodelError("--ray needs Ray Data: pip install 'diplomodel[distributed]'") from exc
    import pyarrow as pa
    import pyarrow.json as pajson

    from diplomodel.jsonl import ResumableWriter, read_records
    from diplomodel.models.weights import default_model_dir

    records = read_records(input_path)          # the CLI's checks, before anything runs
    model = str(Path(model_dir).resolve() if model_dir else default_model_dir().resolve())
    done: set[str] = set()
    writer = None
    if shards:
        if Path(output).exists() and any(Path(output).iterdir()):
            raise InputError("the shard directory must be empty or new", file=str(output))
    else:
        if Path(output).resolve() == Path(input_path).resolve():
            raise InputError("the output file must differ from the input file", file=str(output))
        writer = ResumableWriter(output)
        done = set(writer.done)
    todo = sum(1 for r in records if r.id not in done)
    if todo == 0:
        if writer is not None:
            writer.close()
        return 0
    _connect(address)
    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True
    schema = pa.schema([("text", pa.string()), ("published", pa.string())])
    ds = ray.data.read_json(str(Path(input_path).resolve()),
                            parse_options=pajson.ParseOptions(explicit_schema=schema))
    if done:
        ds = ds.filter(lambda row: str(row["id"]) not in done)
    cpus = ray.cluster_resources().get("CPU", 1)
    actors = concurrency or max(1, int((cpus - 1) // num_cpus))   # one CPU stays free for reading
    briefs = ds.map_batches(
        BriefPredictor, batch_size=batch_size, batch_format="numpy", concurrency=actors, num_cpus=num_cpus,
        fn_constructor_kwargs={"model_dir": model, "batch_size": batch_size, "quantize": quantize,
                               "threads": max(1, int(num_cpus)), "published": published,
                               "summary": summary})
    if shards:
        briefs.write_datasink(JsonLinesDatasink(str(output)))
        return todo
    assert writer is not None
    try:
        for batch in briefs.iter_batches(batch_size=batch_size, batch_format="numpy"):
            writer.write_batch(json.loads(line) for line in batch["json"])
    finally:
        writer.close()
    return todo

