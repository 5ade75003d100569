"""Reading a training script's YAML config into its arguments dataclass (shared by the scripts).

Example:
    >>> import dataclasses, tempfile, pathlib
    >>> @dataclasses.dataclass
    ... class Args:
    ...     steps: int = 1
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "c.yaml"
    >>> _ = f.write_text("steps: 5\\n")
    >>> load_args(Args, f).steps, load_args(Args, f, steps=9).steps, load_args(Args, f, steps=None).steps
    (5, 9, 5)
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml

T = TypeVar("T")


def load_args(cls: type[T], path: str | Path, **overrides: Any) -> T:
    """``cls`` from the YAML mapping at ``path``; an unknown key is a ``ValueError`` naming the file;
    ``overrides`` that are not None (command-line flags) win over the file."""
    data = yaml.safe_load(Path(path).read_text("utf-8")) or {}
    unknown = set(data) - set(cls.__dataclass_fields__)  # type: ignore[attr-defined]
    if unknown:
        raise ValueError(f"{path}: unknown keys {sorted(unknown)}")
    data.update({k: v for k, v in overrides.items() if v is not None})
    return cls(**data)
