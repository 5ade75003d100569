"""``diplomodel.train``: retrain on your annotations, from Python or ``diplomodel train``.

The work is done by the training room's ``training/retrain.py`` (read and validate the files,
hold out a part, mix, continue the adapter, compare old and new, write the card), run as its own
process: the library never imports ``training/``, and a long run is killed and resumed like any
other script. It needs a source checkout (``training/`` beside the ``diplomodel`` package), which
the README's install gives.

Example:
    >>> from diplomodel.train import retrain_command
    >>> cmd = retrain_command(["mine.json"], "models/mine", max_steps=50)
    >>> cmd[2:]
    ['--annotations', 'mine.json', '--out', 'models/mine', '--max-steps', '50']
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any, Sequence

from diplomodel.errors import DiplomodelError

SCRIPT = Path(__file__).resolve().parents[1] / "training" / "retrain.py"


class TrainingError(DiplomodelError):
    """The retraining run stopped with an error (its message is on stderr)."""


def retrain_command(annotations: Sequence[str | Path], out: str | Path, **options: Any) -> list[str]:
    """The command line of ``training/retrain.py`` for these arguments (``init_from`` is ``--from``).

    Options are its flags with ``_`` for ``-``: ``init_from``, ``heldout``, ``seed``, ``weight``,
    ``max_steps``, ``dev``, ``work_dir``, ``summarizer_steps``; ``True`` for ``skip_invalid``,
    ``summarizer``, ``resume``, ``overwrite``.
    """
    cmd = [sys.executable, str(SCRIPT), "--annotations", *map(str, annotations), "--out", str(out)]
    for key, value in options.items():
        if value is None or value is False:
            continue
        flag = "--from" if key == "init_from" else "--" + key.replace("_", "-")
        cmd += [flag] if value is True else [flag, str(value)]
    return cmd


def run(annotations: Sequence[str | Path], out: str | Path, **options: Any) -> int:
    """Run the retraining in its own process; return its exit status (2: bad input, said on stderr).

    Raises :class:`TrainingError` when there is no ``training/`` to run (not a source checkout).
    """
    if not SCRIPT.is_file():
        raise TrainingError(f"diplomodel train needs a source checkout: {SCRIPT} is missing")
    return subprocess.run(retrain_command(annotations, out, **options), check=False).returncode


def train(annotations: Sequence[str | Path], out: str | Path, **options: Any) -> Path:
    """Retrain on ``annotations`` into the model dir ``out`` and return it (see module doc).

    Raises :class:`TrainingError` when the run fails (a bad record: exit 2, its file, line and
    field on stderr).
    """
    status = run(annotations, out, **options)
    if status != 0:
        raise TrainingError(f"retraining stopped with exit status {status}")
    return Path(out)
