"""Errors that name what is wrong with the user's input: file, line, record id and field.

Example:
    >>> from diplomodel.errors import InputError
    >>> str(InputError("missing", file="in.jsonl", line=3, field="text"))
    'in.jsonl:3: field "text": missing'
"""
from __future__ import annotations


class DiplomodelError(Exception):
    """Base class of the errors diplomodel raises on purpose."""


class InputError(DiplomodelError, ValueError):
    """Bad user input; the message names the file, line, record id and field when known."""

    def __init__(self, problem: str, *, file: str | None = None, line: int | None = None,
                 record_id: str | None = None, field: str | None = None) -> None:
        self.problem, self.file, self.line, self.record_id, self.field = problem, file, line, record_id, field
        where = ""
        if file is not None:
            where = f"{file}:{line}: " if line is not None else f"{file}: "
        elif line is not None:
            where = f"line {line}: "
        rid = f"record {record_id!r}: " if record_id is not None else ""
        fld = f'field "{field}": ' if field is not None else ""
        super().__init__(f"{where}{rid}{fld}{problem}")


class ModelError(DiplomodelError):
    """A model directory or base weights that cannot be loaded (missing, wrong format)."""
