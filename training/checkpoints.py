"""Which Trainer checkpoint a ``--resume`` continues from (shared by the training scripts).

Example:
    >>> import tempfile
    >>> last_complete_checkpoint(tempfile.mkdtemp()) is None
    True
"""
from __future__ import annotations

from pathlib import Path


def last_complete_checkpoint(work_dir: str) -> str | None:
    """The newest ``checkpoint-N`` whose save finished (a kill mid-save leaves no trainer_state)."""
    done = [d for d in Path(work_dir).glob("checkpoint-*")
            if d.name.split("-")[-1].isdigit() and (d / "trainer_state.json").exists()]
    return str(max(done, key=lambda d: int(d.name.split("-")[-1]))) if done else None
