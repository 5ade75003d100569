"""Briefing past one process on existing engines: Ray Data actors, or ``datasets.map(num_proc=...)``.

Both run the same :class:`~diplomodel.distributed.predictor.BriefPredictor` (one model per actor or
process) and give briefs line for line equal to ``diplomodel brief --input ... --output ...``.

- :func:`diplomodel.distributed.ray_data.brief_with_ray`: ``ray.data.read_json(...)
  .map_batches(BriefPredictor, concurrency=..., batch_size=...)``, output merged in input order into
  one JSONL file (resumable, like the CLI) or written by the workers as JSONL shards. The CLI's
  ``diplomodel brief --input in.jsonl --output out.jsonl --ray [ADDRESS]`` calls it (needs
  ``pip install 'diplomodel[distributed]'``).
- :func:`diplomodel.distributed.hf_datasets.brief_dataset`: a ``datasets.Dataset`` in, the same
  dataset with a ``brief`` column (the JSON line) out.

Example:
    >>> from diplomodel.distributed import BriefPredictor
    >>> from diplomodel.briefer import Briefer
    >>> from diplomodel.models.tagger import Tagger
    >>> p = BriefPredictor(briefer=Briefer(Tagger.tiny_random(), name="tiny"))
    >>> out = p({"id": ["a"], "text": ["Ana Lopez met Ali Khan in Rabat."], "published": [None]})
    >>> list(out), out["id"]
    (['id', 'json'], ['a'])
"""
from diplomodel.distributed.predictor import BriefPredictor

__all__ = ["BriefPredictor"]
