"""Exporting a batch: every finished row's report into a folder, one file each."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from desktop.export import SUFFIXES, diagnosis_bytes
from desktop.models.batch_model import BatchModel
from diagnostics.output import write_atomically


def export_all(model: BatchModel, folder: Path, fmt: str, language: str) -> Iterator[Path]:
    """Every finished row's report, one file each (named by its row and hash, so none overwrites another),
    written one at a time: the caller lets the window breathe between two."""
    for number, row in enumerate(model.rows(), start=1):
        if row.diagnosis is None:
            continue
        stem = f"{number:04d}-{(row.draft.tx_hash.strip().removeprefix('0x') or 'no-hash')[:12]}"
        target = folder / (stem + next(suffix for suffix, name in SUFFIXES.items() if name == fmt))
        write_atomically(target, diagnosis_bytes(row.diagnosis, fmt, language))
        yield target
