"""One writer per output file: an advisory ``flock`` on ``<output>.lock``, released on exit.

A second ``diplomodel brief --input X --output Y`` on the same ``Y`` gets :class:`OutputLocked`
instead of interleaving its lines with the first one's. The kernel drops the lock when its holder
dies, even by SIGKILL, so a killed run never leaves a stale lock behind; the lock file itself is
removed by a holder that exits normally.

Example:
    >>> import tempfile, os
    >>> from diplomodel.lock import OutputLock, OutputLocked
    >>> out = os.path.join(tempfile.mkdtemp(), "out.jsonl")
    >>> with OutputLock(out):
    ...     try:
    ...         OutputLock(out).acquire()
    ...     except OutputLocked as exc:
    ...         print("refused:", "another diplomodel process" in str(exc))
    refused: True
    >>> os.path.exists(out + ".lock")
    False
"""
from __future__ import annotations

import fcntl
import os
from pathlib import Path

from diplomodel.errors import DiplomodelError


class OutputLocked(DiplomodelError):
    """Another process holds the output file's lock."""


class OutputLock:
    """Exclusive, non-blocking lock on ``<path>.lock`` (a context manager)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self._fd: int | None = None

    def acquire(self) -> "OutputLock":
        """Take the lock or raise :class:`OutputLocked` naming the output and the holder's pid."""
        while True:
            try:
                fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
            except FileNotFoundError:
                raise OutputLocked(f"{self.path}: output folder does not exist") from None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
                os.close(fd)
                raise OutputLocked(f"{self.path}: another diplomodel process (pid {holder}) is writing "
                                   f"this file; wait for it to finish (rerunning then resumes) or "
                                   f"choose another --output (lock: {self.lock_path})") from None
            try:  # a holder that just finished may have unlinked the file we opened: lock again
                same = os.fstat(fd).st_ino == os.stat(self.lock_path).st_ino
            except FileNotFoundError:
                same = False
            if same:
                break
            os.close(fd)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        self._fd = fd
        return self

    def release(self) -> None:
        """Remove the lock file and drop the lock (unlink first, so no one locks a dead file)."""
        if self._fd is None:
            return
        try:
            os.unlink(self.lock_path)
        except FileNotFoundError:
            pass
        os.close(self._fd)
        self._fd = None

    def __enter__(self) -> "OutputLock":
        return self.acquire() if self._fd is None else self

    def __exit__(self, *exc: object) -> None:
        self.release()
