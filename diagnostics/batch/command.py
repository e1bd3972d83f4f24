"""``deposit-doctor batch FILE…``: a support desk's morning of tickets, one report per case and a summary.

It reads what the window's drop reads (CSV exports, text, case files, raw transactions), runs the cases through
the batch runner, writes each case's report as it ends and a summary (CSV and JSON) at the end, and keeps going
past what cannot be read (each with its reason, in the summary). Interrupted, it writes the summary of what is
done; ``--resume`` then skips every case whose report is already written.
"""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import IO, Any

from diagnostics import catalog
from diagnostics.batch.inputs import read_path
from diagnostics.batch.runner import BatchRunner, BatchStats, CaseResult
from diagnostics.batch.summary import SUMMARY_FILES, SummaryRow, failed_row, row_for, skipped_row, to_csv, to_json
from diagnostics.bounds import BoundsError, load_json, shorten
from diagnostics.errors import InputError
from diagnostics.intake.draft import CaseDraft
from diagnostics.model import Direction
from diagnostics.output import local_zone, write_atomically
from diagnostics.report.content import build_report
from diagnostics.report.formats import FORMATS, PdfPrinter, render, report_bytes
from diagnostics.report.intake import problem_text
from diagnostics.report.redact import redact
from diagnostics.request import Request

# Where a batch keeps what it has done, one JSON line per case, for --resume (and what a rerun without it refuses).
PROGRESS_FILE = ".deposit-doctor-batch.jsonl"
EXIT_INTERRUPTED = 130
# A batch writes about a kilobyte per case: far more than any morning's tickets, far less than memory.
_MAX_PROGRESS_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class BatchOptions:
    """What the command line asked, parsed and checked by ``cli``."""

    files: tuple[Path, ...]
    out: Path
    template: Request  # how every case is asked (endpoints, timeout, key, exchange); its case is a placeholder
    network: str  # for rows that name none
    direction: Direction
    fmt: str
    language: str
    jobs: int
    redact: bool
    resume: bool
    page_size: str = "A4"


@dataclass(frozen=True)
class _Case:
    number: int  # from 1, in the order the files gave them
    source: str
    draft: CaseDraft

    @property
    def key(self) -> str:
        return f"{self.number:04d}-{_hash_stem(self.draft.tx_hash)}"


def _hash_stem(tx_hash: str) -> str:
    body = tx_hash.strip().removeprefix("0x").removeprefix("0X")
    return "".join(c for c in body[:16] if c.isalnum()) or "case"


def check_out_folder(out: Path, *, resume: bool) -> None:
    """Refuse, before anything is read, a folder the reports cannot go to, or one holding another batch."""
    if out.exists() and not out.is_dir():
        raise InputError(f"--out {out} is a file, not a folder")
    if not out.exists():
        if resume:
            raise InputError(f"--resume: {out} does not exist, so there is nothing to resume")
        try:
            out.mkdir(parents=True)
        except OSError as exc:
            raise InputError(f"cannot make the folder {out}: {exc.strerror or exc}") from None
    if (out / PROGRESS_FILE).exists() and not resume:
        raise InputError(
            f"{out} holds an earlier batch: add --resume to go on with it, or choose another folder with --out"
        )


def run_batch(options: BatchOptions, *, pdf: PdfPrinter | None = None, err: IO[str] | None = None) -> int:
    stream = err or sys.stderr
    words = catalog.bip39_words()
    networks = tuple(catalog.networks().values())
    cases: list[_Case] = []
    skipped: list[SummaryRow] = []
    for path in options.files:
        intake = read_path(path, networks, words)
        if intake.refused:
            reason = "it holds what looks like a private key or seed phrase: nothing in it was used"
            skipped.append(skipped_row(path.name, reason, options.language))
        for problem in intake.problems:
            skipped.append(skipped_row(path.name, problem_text(problem, options.language), options.language))
        cases += [
            _Case(len(cases) + i + 1, f"{path.name} {draft.source}".strip(), draft)
            for i, draft in enumerate(intake.drafts)
        ]
    for row in skipped:
        print(f"deposit-doctor: {row.source}: {row.verdict}", file=stream)
    if not cases:
        raise InputError("no transaction could be read from " + ", ".join(str(p) for p in options.files))
    return _Batch(options, cases, skipped, pdf, stream).run()


class _Batch:
    def __init__(
        self,
        options: BatchOptions,
        cases: list[_Case],
        skipped: list[SummaryRow],
        pdf: PdfPrinter | None,
        stream: IO[str],
    ) -> None:
        self.options = options
        self.cases = cases
        self.skipped = skipped
        self.pdf = pdf
        self.stream = stream
        self.suffix = FORMATS[options.fmt].suffix
        self.done: dict[str, SummaryRow] = self._earlier() if options.resume else {}
        self.zone = local_zone()

    def run(self) -> int:
        todo = [c for c in self.cases if c.key not in self.done]
        if self.done:
            print(
                f"deposit-doctor: resuming: {len(self.done)} of {len(self.cases)} cases already done", file=self.stream
            )
        runner = BatchRunner(jobs=self.options.jobs)
        stop = threading.Event()
        stats = BatchStats()
        by_number = {c.number: c for c in todo}
        progress = _Progress(self.stream, len(self.cases), len(self.done))
        try:
            with (self.out / PROGRESS_FILE).open("a", encoding="utf-8") as log:
                for result in runner.run(self._requests(todo), cancel=stop, stats=stats):
                    case = by_number[result.index]
                    row = self._finish(case, result)
                    if row is None:
                        continue
                    self.done[case.key] = row
                    log.write(json.dumps({"key": case.key, "row": asdict(row)}, ensure_ascii=False) + "\n")
                    log.flush()
                    progress.advance(row)
        except KeyboardInterrupt:
            stop.set()
            progress.close()
            self._write_summary()
            print(
                f"\ndeposit-doctor: interrupted after {len(self.done)} of {len(self.cases)} cases; the summary so far "
                f"is in {self.out}. Run the same command with --resume to finish.",
                file=self.stream,
            )
            return EXIT_INTERRUPTED
        finally:
            runner.close()
        progress.close()
        written = self._write_summary()
        counts = stats.counts
        print(
            f"deposit-doctor: {len(self.done)} cases, {len(self.skipped)} inputs skipped, in {stats.seconds:.1f} s "
            f"({counts.requests} requests to nodes, {counts.shared} answers shared); summary: {written}",
            file=self.stream,
        )
        return 0

    @property
    def out(self) -> Path:
        return self.options.out

    def _requests(self, todo: Sequence[_Case]) -> Iterator[tuple[int, Request]]:
        template = self.options.template
        for case in todo:
            yield case.number, template.for_case(case.draft.to_case(self.options.network, self.options.direction))

    def _finish(self, case: _Case, result: CaseResult) -> SummaryRow | None:
        language = self.options.language
        if result.cancelled:
            return None
        if result.diagnosis is None:
            return failed_row(
                case.number, case.source, case.draft.tx_hash, reason=result.error or "", language=language
            )
        name = f"{case.key}{self.suffix}"
        options = self.options
        built = None
        if FORMATS[options.fmt].lay_out is None:  # JSON: made from the diagnosis, as the engine writes it
            data = render(result.diagnosis, options.fmt, language, tz=self.zone, redacted=options.redact)
        else:  # the report is built once, for its file and for its summary row
            built = build_report(result.diagnosis, language, tz=self.zone, redacted=options.redact)
            data = report_bytes(
                built, "", options.fmt, pdf=self.pdf, page_size=options.page_size, redacted=options.redact
            )
        write_atomically(self.out / name, data)
        return row_for(case.number, case.source, result.diagnosis, language, report=name, tz=self.zone, built=built)

    def _earlier(self) -> dict[str, SummaryRow]:
        """The cases an earlier run finished: in its progress file, and with their report still there."""
        done: dict[str, SummaryRow] = {}
        try:
            with (self.out / PROGRESS_FILE).open("rb") as handle:
                data = handle.read(_MAX_PROGRESS_BYTES + 1)  # a file in a folder anyone may have written to
        except FileNotFoundError:
            return done
        if len(data) > _MAX_PROGRESS_BYTES:
            raise InputError(f"{self.out / PROGRESS_FILE} is larger than any batch writes: it was not read")
        for line in data.decode("utf-8", "replace").splitlines():
            try:
                entry = load_json(line)
                row = SummaryRow(**entry["row"])
            except (ValueError, TypeError, KeyError, BoundsError):
                continue  # a line cut short by the interruption: that case is asked again
            # A report is a file of this folder, by its bare name; anything else is not this batch's.
            if row.report and (Path(row.report).name != row.report or not (self.out / row.report).is_file()):
                continue
            done[str(entry["key"])] = row
        return done

    def _write_summary(self) -> Path:
        rows = [self.done[c.key] for c in self.cases if c.key in self.done] + self.skipped
        if self.options.redact:
            rows = [replace(r, tx_hash=redact(r.tx_hash), verdict=redact(r.verdict)) for r in rows]
        language = self.options.language
        csv_file, json_file = (self.out / name for name in SUMMARY_FILES)
        write_atomically(json_file, to_json(rows, language))
        write_atomically(csv_file, to_csv(rows, language))
        return csv_file


class _Progress:
    """A progress bar on a terminal (rich), one plain line per case otherwise (a log, a pipe)."""

    def __init__(self, stream: IO[str], total: int, already: int) -> None:
        self._stream = stream
        self._total = total
        self._count = already
        self._bar: Any = None
        if stream.isatty():
            from rich.console import Console  # noqa: PLC0415 (only for a terminal)
            from rich.progress import (  # noqa: PLC0415
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeRemainingColumn,
            )

            self._bar = Progress(
                TextColumn("[bold]diagnosing"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                TextColumn("{task.description}"),
                console=Console(file=stream),
                transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task("", total=total, completed=already)

    def advance(self, row: SummaryRow) -> None:
        self._count += 1
        if self._bar is not None:
            self._bar.update(self._task, advance=1, description=f"{shorten(row.tx_hash, 14)} {row.verdict_code}")
        else:
            what = row.verdict_code or row.verdict
            print(f"[{self._count}/{self._total}] {row.source}: {what}", file=self._stream, flush=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
