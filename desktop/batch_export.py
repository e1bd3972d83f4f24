"""Exporting a batch: every finished row's report into a folder, one file each, and the summary beside them.

The summary is the one ``deposit-doctor batch`` writes (diagnostics.batch.summary: the same rows, columns
and files), so a support desk reads the window's batch and the command's the same way.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from desktop.export import SUFFIXES, diagnosis_bytes
from desktop.models.batch_model import BatchModel, BatchRow, RowStatus
from diagnostics.batch.summary import SUMMARY_FILES, SummaryRow, failed_row, row_for, skipped_row, to_csv, to_json
from diagnostics.output import local_zone, write_atomically


def report_stem(number: int, row: BatchRow) -> str:
    """Named by its row (from 1, in the order the cases came, whatever the table's sort) and its hash, so
    none overwrites another."""
    return f"{number:04d}-{(row.draft.tx_hash.strip().removeprefix('0x') or 'no-hash')[:12]}"


def export_all(model: BatchModel, folder: Path, fmt: str, language: str) -> Iterator[Path]:
    """Every finished row's report, one file each, written one at a time: the caller lets the window
    breathe between two."""
    suffix = next(suffix for suffix, name in SUFFIXES.items() if name == fmt)
    for number, row in enumerate(model.rows(), start=1):
        if row.diagnosis is None:
            continue
        target = folder / (report_stem(number, row) + suffix)
        write_atomically(target, diagnosis_bytes(row.diagnosis, fmt, language))
        yield target


def summary_rows(model: BatchModel, folder: Path, language: str, skipped: Sequence[str] = ()) -> list[SummaryRow]:
    """One row per diagnosed or failed case, in the order they came, naming its report where one is in
    ``folder``; then each input that was skipped while reading, with why. Rows not run yet (or stopped) are
    left out, as the command leaves out the cases an interruption did not reach."""
    zone = local_zone()
    rows: list[SummaryRow] = []
    for number, row in enumerate(model.rows(), start=1):
        if row.diagnosis is not None:
            report = next((name for s in SUFFIXES if (folder / (name := report_stem(number, row) + s)).is_file()), "")
            rows.append(row_for(number, row.draft.source, row.diagnosis, language, report=report, tz=zone))
        elif row.status is RowStatus.FAILED:
            rows.append(failed_row(number, row.draft.source, row.draft.tx_hash, reason=row.verdict, language=language))
    return rows + [skipped_row("", reason, language) for reason in skipped]


def write_summary(model: BatchModel, folder: Path, language: str, skipped: Sequence[str] = ()) -> list[Path]:
    """summary.csv and summary.json in ``folder``, in ``language``."""
    rows = summary_rows(model, folder, language, skipped)
    csv_path, json_path = (folder / name for name in SUMMARY_FILES)
    write_atomically(csv_path, to_csv(rows, language))
    write_atomically(json_path, to_json(rows, language))
    return [csv_path, json_path]
