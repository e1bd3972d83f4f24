"""``deposit-doctor diagnose``: argument parsing and output, per FINDINGS.md's output contract.

Exit status: 0 when a diagnosis was made, whatever it found; 2, with one line on stderr, for a
command line that cannot be run; 1 only for a bug. Never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import NoReturn

from diagnostics import __version__, catalog
from diagnostics.batch.command import BatchOptions, check_out_folder, run_batch
from diagnostics.batch.runner import DEFAULT_JOBS
from diagnostics.bounds import BoundsError, check_amount
from diagnostics.chains.adapter import endpoint_host, is_endpoint_url, is_plain_remote
from diagnostics.engine import diagnose_request
from diagnostics.errors import DiagnosticsError, InputError
from diagnostics.intake.secret import find_secret
from diagnostics.intake.text import read_text
from diagnostics.intake.validate import parse_amount
from diagnostics.model import Case, Direction
from diagnostics.output import check_output, local_zone, ton_api_key, tron_api_key, write_atomically
from diagnostics.report.content import LANGUAGES
from diagnostics.report.formats import FORMATS, PdfPrinter, render
from diagnostics.request import DEFAULT_TIMEOUT_SECONDS, Request

PROG = "deposit-doctor"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # argparse repeats stray values ("unrecognized arguments: …"): they may be what a user pasted by mistake.
        if message.startswith("unrecognized arguments"):
            message = "unrecognized arguments (not repeated here); put values with spaces in quotes"
        raise InputError(message)


_SHORT = 8  # a value this short is no secret: an error may quote it when its words happen to hold it


def _decimal(text: str) -> Decimal:
    """An amount, within ``diagnostics.bounds``' limits. The error never repeats the value: what a user pastes
    into the amount is sometimes what they copied last, and argparse writes errors to the terminal."""
    try:
        amount = parse_amount(text)
    except ValueError as exc:
        message = str(exc).replace(f" (got {text!r})", "").replace(f": {text!r}", "")
        if len(text.strip()) >= _SHORT and text.strip() in message:
            message = "not an amount"
        raise argparse.ArgumentTypeError(f"{message} (the value is not repeated here)") from None
    try:
        return check_amount(amount)
    except BoundsError as exc:
        raise argparse.ArgumentTypeError(exc.user_message) from None


_MAX_TIMEOUT_SECONDS = 600
_MAX_JOBS = 256


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 1 <= value <= _MAX_JOBS:
        raise argparse.ArgumentTypeError(f"must be from 1 to {_MAX_JOBS}")
    return value


def _timeout(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not 0 < value <= _MAX_TIMEOUT_SECONDS:  # also refuses nan and inf
        raise argparse.ArgumentTypeError(f"must be more than 0 and at most {_MAX_TIMEOUT_SECONDS} seconds")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Why hasn't my deposit or withdrawal arrived? Run deposit-doctor with no arguments to open the "
        "window, or deposit-doctor --sandbox to try every classic case on local chains, offline.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)
    d = commands.add_parser("diagnose", help="diagnose one transaction", description="Diagnose one transaction.")
    d.add_argument(
        "--network",
        default="auto",
        help=f"the network you chose: {', '.join(catalog.networks())}, or auto (the default: search them all)",
    )
    d.add_argument("--tx", required=True, help="the transaction hash (TxID), or its explorer link")
    d.add_argument("--address", help="the deposit address (or, for a withdrawal, your receiving address)")
    d.add_argument("--token", help="the coin or token you sent, e.g. USDT")
    d.add_argument("--amount", type=_decimal, help="the amount you expected, e.g. 250.5")
    d.add_argument(
        "--direction",
        choices=[x.value for x in Direction],
        default=Direction.DEPOSIT.value,
        help="deposit (to an exchange; the default) or withdrawal (from one): changes the advice, not the facts",
    )
    d.add_argument(
        "--memo",
        help="the memo, tag or comment the exchange gave with its deposit address (TON's comment): a deposit "
        "without it, or with another one, is said",
    )
    d.add_argument(
        "--confirmations", type=int, help="confirmations your exchange requires (default: its published figure)"
    )
    d.add_argument(
        "--no-search",
        action="store_true",
        help="ask only --network; do not look for the transaction on other networks",
    )
    _how_to_ask(d)
    _how_to_write(d)
    d.add_argument("--output", help="write the report to this file instead of standard output")
    b = commands.add_parser(
        "batch",
        help="diagnose every transaction in files (CSV exports, text, case files, raw transactions)",
        description="Diagnose every transaction in the files given, for a support desk: one report per case in "
        "--out, and a summary (summary.csv and summary.json) with each case's verdict, confirmations, amount and "
        "what the exchange will do. Rows that cannot be read are skipped, each with its reason. Interrupted "
        "(Ctrl-C), it keeps what is done: run it again with --resume to finish.",
    )
    b.add_argument("files", nargs="+", metavar="FILE", help="exported histories, text, case files, raw transactions")
    b.add_argument(
        "--out", default="deposit-doctor-reports", help="the folder for the reports and the summary (made if needed)"
    )
    b.add_argument(
        "--network",
        default="auto",
        help="the network for rows that name none (default: auto, search them all)",
    )
    b.add_argument(
        "--direction",
        choices=[x.value for x in Direction],
        default=Direction.DEPOSIT.value,
        help="for rows that do not say: deposit (the default) or withdrawal",
    )
    b.add_argument("--jobs", type=_jobs, default=DEFAULT_JOBS, help=f"cases in flight at once (default {DEFAULT_JOBS})")
    b.add_argument("--resume", action="store_true", help="go on with an interrupted batch in --out: skip what is done")
    _how_to_ask(b)
    _how_to_write(b)
    return parser


def _how_to_ask(parser: argparse.ArgumentParser) -> None:
    """The options of how networks are asked, the same for one case and for a batch."""
    parser.add_argument(
        "--exchange",
        help="the exchange the deposit goes to (binance, okx, bybit, bitget, kucoin, bitmart, htx, gate, mexc): "
        "its published confirmations, minimum and networks then apply",
    )
    parser.add_argument(
        "--rpc", action="append", default=[], metavar="NET=URL", help="use this node for a network (repeatable)"
    )
    parser.add_argument(
        "--timeout",
        type=_timeout,
        default=DEFAULT_TIMEOUT_SECONDS,
        help="seconds to wait for a node (default 5)",
    )


def _how_to_write(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=FORMATS, default="text", help="the report's form (default: text)")
    parser.add_argument("--lang", choices=list(LANGUAGES), default="en", help="the report's language (zh: 简体中文)")
    parser.add_argument("--redact", action="store_true", help="shorten addresses and hashes, for posting in public")
    parser.add_argument("--page-size", choices=["A4", "Letter"], default="A4", help="paper for --format pdf")


def parse_rpc(values: Sequence[str]) -> dict[str, list[str]]:
    """``NET=URL`` pairs; several for one network are tried in the order given."""
    endpoints: dict[str, list[str]] = {}
    for value in values:
        slug, sep, url = value.partition("=")
        if not sep or not is_endpoint_url(url):
            example = "ethereum=http://127.0.0.1:8545"
            raise InputError(f"--rpc wants NET=URL with an http(s) URL, e.g. {example} (got {value!r})")
        endpoints.setdefault(catalog.network(slug).slug, []).append(url)
    return endpoints


_CASE_OPTIONS = {"--tx": "tx_hash", "--address": "address", "--token": "token", "--amount": "amount"}
# Fields where a bare 64-hex value can only be a private key: no address or amount is written so.
_KEY_FIELDS = ("address", "amount")


def scrub(argv: Sequence[str]) -> tuple[list[str], tuple[str, str] | None]:
    """The arguments with any secret removed before argparse (whose errors echo values) sees them.

    A secret given for a case field empties that field and is reported as ``SECRET_DETECTED`` (exit 0,
    a diagnosis); anywhere else the command line cannot be run, and is refused without repeating it.
    """
    words = catalog.bip39_words()
    cleaned: list[str] = []
    refused: tuple[str, str] | None = None
    for index, value in enumerate(argv):
        option, _, inline = value.partition("=") if value.startswith("--") else ("", "", "")
        previous = argv[index - 1] if index else ""
        field = _CASE_OPTIONS.get(option if inline else previous)
        kind = find_secret(inline or value, words, address_field=field in _KEY_FIELDS)
        if kind is None:
            cleaned.append(value)
            continue
        if field is None:
            where = (
                f"the value given to {option or previous}" if (option or previous).startswith("--") else "an argument"
            )
            raise InputError(f"{where} looks like a private key or seed phrase: it was refused and not used or shown")
        refused = refused or (field, kind.value)
        if field == "amount":  # no amount at all, rather than an empty one argparse would refuse
            if not inline:
                cleaned.pop()
            continue
        cleaned.append(f"{option}=" if inline else "")
    if find_secret(" ".join(cleaned), words) is not None:
        # A phrase pasted without quotes arrives as a dozen separate arguments, none a secret alone.
        raise InputError("the command line holds what looks like a seed phrase: it was refused and not used or shown")
    return cleaned, refused


def run(argv: Sequence[str], *, pdf: PdfPrinter | None = None) -> int:
    argv, refused = scrub(argv)
    args = build_parser().parse_args(argv)
    if args.command not in {"diagnose", "batch"}:
        raise InputError("say what to do: deposit-doctor diagnose --network NET --tx HASH, or batch FILE… (see --help)")
    if not catalog.is_auto(args.network):
        catalog.network(args.network)  # an unknown name stops here, before any time is spent
    if args.format == "pdf" and pdf is None:
        raise InputError("PDF reports need the desktop part of Deposit Doctor: run the deposit-doctor command")
    if args.exchange is not None and not args.exchange.strip():
        raise InputError("--exchange needs a name (binance, okx, bybit, bitget, kucoin, bitmart, htx, gate, mexc)")
    exchange = catalog.exchange(args.exchange).slug if args.exchange else None  # "did you mean" on a typo
    endpoints = parse_rpc(args.rpc)
    # A plain-http node on another machine: its answers could be read and changed on the way. Said, not refused.
    for url in (u for urls in endpoints.values() for u in urls):
        if is_plain_remote(url):
            print(f"deposit-doctor: warning: {endpoint_host(url)} is asked over plain http: use https", file=sys.stderr)
    template = Request(
        Case(network=args.network, tx_hash=""),
        endpoints={slug: tuple(urls) for slug, urls in endpoints.items()},
        timeout=args.timeout,
        tron_api_key=tron_api_key(),
        ton_api_key=ton_api_key(),
        exchange=exchange,
    )
    if args.command == "batch":
        return _batch(args, template, pdf)
    return _diagnose(args, template, refused, pdf)


def _diagnose(
    args: argparse.Namespace, template: Request, refused: tuple[str, str] | None, pdf: PdfPrinter | None
) -> int:
    if catalog.is_auto(args.network) and args.no_search:
        raise InputError("--no-search asks one network only: say which with --network")
    output = check_output(args.output) if args.output is not None else None
    if args.format == "pdf" and output is None and sys.stdout.isatty():
        raise InputError("a PDF is not for the terminal: add --output report.pdf")
    if args.confirmations is not None and args.confirmations < 1:
        raise InputError("--confirmations must be at least 1")
    tx_hash, network = _from_link(args.tx, args.network)
    case = Case(
        network=network,
        tx_hash=tx_hash,
        address=args.address,
        token=args.token,
        amount=args.amount,
        direction=Direction(args.direction),
        required_confirmations=args.confirmations,
        refused=refused,
        exchange=template.exchange,
        memo=args.memo,
    )
    diagnosis = diagnose_request(replace(template.for_case(case), search=() if args.no_search else None))
    zone = local_zone()
    report = render(diagnosis, args.format, args.lang, tz=zone, redacted=args.redact, pdf=pdf, page_size=args.page_size)
    if output is not None:
        write_atomically(output, report)
        print(f"{PROG}: report written to {output}", file=sys.stderr)
    elif FORMATS[args.format].printed:
        sys.stdout.buffer.write(report)
    else:
        sys.stdout.write(report.decode("utf-8"))
    return 0


def _from_link(tx: str, network: str) -> tuple[str, str]:
    """An explorer link given as ``--tx`` (what users copy from Etherscan, Tronscan, Solscan, Tonviewer…): its
    hash, and with Auto-detect its network; anything else as it was (a malformed hash is a finding)."""
    if "/" not in tx:
        return tx, network
    drafts = read_text(tx, tuple(catalog.networks().values())).drafts
    if len(drafts) != 1:
        return tx, network
    found = drafts[0]
    return found.tx_hash, found.network if catalog.is_auto(network) and found.network else network


def _batch(args: argparse.Namespace, template: Request, pdf: PdfPrinter | None) -> int:
    files = tuple(Path(f).expanduser() for f in args.files)
    missing = [str(f) for f in files if not f.exists()]
    if missing:
        raise InputError(f"no such file: {', '.join(missing)}")
    out = Path(args.out).expanduser()
    check_out_folder(out, resume=args.resume)
    options = BatchOptions(
        files=files,
        out=out,
        template=template,
        network=args.network,
        direction=Direction(args.direction),
        fmt=args.format,
        language=args.lang,
        jobs=args.jobs,
        redact=args.redact,
        resume=args.resume,
        page_size=args.page_size,
    )
    return run_batch(options, pdf=pdf)


def main(argv: Sequence[str] | None = None, *, pdf: PdfPrinter | None = None) -> int:
    try:
        return run(sys.argv[1:] if argv is None else argv, pdf=pdf)
    except DiagnosticsError as exc:
        print(f"{PROG}: error: {exc.user_message}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"{PROG}: error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return 2
    except Exception as exc:  # a bug: one line, not a traceback, and the bug exit status
        print(f"{PROG}: internal error ({type(exc).__name__}: {exc}); please report it", file=sys.stderr)
        return 1
