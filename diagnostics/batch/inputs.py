"""Reading the files a batch is given (or the window is handed): size-checked before they are read.

The parsing is ``intake``'s (pure); this is the one place that opens the files: a folder, a device or a FIFO is
never read (maybe for ever), and a file larger than any export is refused, not loaded.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from diagnostics.intake.draft import Intake, IntakeProblem
from diagnostics.intake.dropped import MAX_BYTES, read_dropped
from diagnostics.model import Network


def read_path(path: Path, networks: Sequence[Network], words: frozenset[str]) -> Intake:
    """One file's cases and problems; its size is checked before it is read, so a huge file is never loaded."""
    try:
        if path.exists() and not path.is_file():
            return Intake(problems=(IntakeProblem("not_a_file", (("name", path.name),)),))
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)  # bounded even if the file grew since it was chosen
        if len(data) > MAX_BYTES:
            size = str(max(path.stat().st_size, len(data)))
            return Intake(problems=(IntakeProblem("too_large", (("size", size), ("limit", str(MAX_BYTES)))),))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return Intake(problems=(IntakeProblem("unreadable", (("name", path.name), ("reason", reason))),))
    return read_dropped(path.name, data, tuple(networks), words)
