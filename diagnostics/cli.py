"""``deposit-doctor diagnose``: argument parsing and output, per FINDINGS.md's output contract.

Exit status: 0 when a diagnosis was made, whatever it found; 2, with one line on stderr, for a
command line that cannot be run; 1 only for a bug. Never a traceback.
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Sequence
from datetime import datetime, tzinfo
from decimal import Decimal
from pathlib import Path
from typing import NoReturn
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from diagnostics import __version__, catalog
from diagnostics.bounds import BoundsError, check_amount
from diagnostics.chains import adapters
from diagnostics.chains.adapter import DEFAULT_TIMEOUT_SECONDS, endpoint_host, is_endpoint_url, is_plain_remote
from diagnostics.engine import diagnose
from diagnostics.errors import DiagnosticsError, InputError
from diagnostics.intake.secret import find_secret
from diagnostics.intake.validate import parse_amount
from diagnostics.model import Case, Direction
from diagnostics.report.content import LANGUAGES
from diagnostics.report.html import render_html
from diagnostics.report.json import render_json
from diagnostics.report.markdown import render_markdown
from diagnostics.report.text import render_text

PROG = "deposit-doctor"
# TronGrid's API key, read from the environment so it never sits in shell history or a process list.
TRON_API_KEY_VARIABLE = "TRON_PRO_API_KEY"
RENDERERS = {"text": render_text, "markdown": render_markdown, "json": render_json}
FORMATS = [*RENDERERS, "pdf"]
# Prints report HTML to PDF bytes on a page size: Qt's, so it is handed in by the desktop entry point.
PdfPrinter = Callable[[str, str], bytes]


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
    d.add_argument("--tx", required=True, help="the transaction hash (TxID)")
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
        "--exchange",
        help="the exchange the deposit goes to (binance, okx, bybit, bitget, kucoin, bitmart, htx, gate, mexc): "
        "its published confirmations, minimum and networks then apply",
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
        "--rpc", action="append", default=[], metavar="NET=URL", help="use this node for a network (repeatable)"
    )
    d.add_argument(
        "--no-search",
        action="store_true",
        help="ask only --network; do not look for the transaction on other networks",
    )
    d.add_argument(
        "--timeout",
        type=_timeout,
        default=DEFAULT_TIMEOUT_SECONDS,
        help="seconds to wait for a node (default 5)",
    )
    d.add_argument("--format", choices=FORMATS, default="text", help="the report's form (default: text)")
    d.add_argument("--lang", choices=list(LANGUAGES), default="en", help="the report's language (zh: 简体中文)")
    d.add_argument("--redact", action="store_true", help="shorten addresses and hashes, for posting in public")
    d.add_argument("--page-size", choices=["A4", "Letter"], default="A4", help="paper for --format pdf")
    d.add_argument("--output", help="write the report to this file instead of standard output")
    return parser


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


def _not_a_file(target: Path) -> str | None:
    """Why ``target`` must not be replaced by a report, or ``None`` for a regular file or a new name.

    A report is written to a temporary file renamed over the target: over a device (``/dev/null``, as root),
    a named pipe or a socket, the rename would replace it with a file; over a symbolic link, it would replace
    the link and leave the file it points to as it was.
    """
    try:
        mode = target.lstat().st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        return exc.strerror or str(exc)
    if stat.S_ISLNK(mode):
        return "it is a symbolic link; give the path of the file it points to"
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None  # a folder is refused by the caller, in its own words
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "it is a device, not a file"
    if stat.S_ISFIFO(mode):
        return "it is a named pipe, not a file"
    return "it is not a regular file"


def _check_output(path: str) -> Path:
    """Refuse an unusable --output before spending time on a diagnosis."""
    if not path.strip():
        raise InputError("--output needs a file name")
    target = Path(path).expanduser()
    reason = _not_a_file(target)
    if reason is not None:
        raise InputError(f"cannot write the report to {path}: {reason}")
    if target.is_dir():
        raise InputError(f"cannot write the report to {path}: that is a folder; give a file name inside it")
    if not target.parent.is_dir():
        raise InputError(f"cannot write the report to {path}: the folder {target.parent} does not exist")
    if not os.access(target.parent, os.W_OK):
        raise InputError(f"cannot write the report to {path}: the folder {target.parent} is not writable")
    return target


def write_atomically(target: Path, text: str | bytes) -> None:
    """Temp file then rename: a crash or a full disk never leaves half a report where the old one was.

    Only a regular file or a new name is replaced (see ``_not_a_file``), checked again just before the rename.
    """
    reason = _not_a_file(target)
    if reason is not None:
        raise InputError(f"cannot write the report to {target}: {reason}")
    try:
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise InputError(f"cannot write the report to {target}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8") if isinstance(text, str) else text)
            handle.flush()
            os.fsync(handle.fileno())  # the rename must never expose a file whose bytes are not on disk
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)  # a report is an ordinary file, not mkstemp's private 0600
        reason = _not_a_file(target)  # what was checked before may have changed while the report was written
        if reason is not None:
            raise InputError(f"cannot write the report to {target}: {reason}")
        os.replace(temp, target)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise InputError(f"cannot write the report to {target}: {exc.strerror}") from None
    except InputError:
        Path(temp).unlink(missing_ok=True)
        raise


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


def local_zone() -> tzinfo | None:
    """This computer's time zone as a real zone, so a block time across a daylight-saving change is shown
    with the offset it had then ($TZ, else /etc/localtime's zone name, else today's fixed offset)."""
    names = [os.environ.get("TZ", "").lstrip(":")]
    localtime = os.path.realpath("/etc/localtime")
    if "zoneinfo/" in localtime:
        names.append(localtime.split("zoneinfo/", 1)[1])
    for name in filter(None, names):
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return datetime.now().astimezone().tzinfo


def run(argv: Sequence[str], *, pdf: PdfPrinter | None = None) -> int:
    argv, refused = scrub(argv)
    args = build_parser().parse_args(argv)
    if args.command != "diagnose":
        raise InputError("say what to do: deposit-doctor diagnose --network NET --tx HASH (see --help)")
    if catalog.is_auto(args.network):
        if args.no_search:
            raise InputError("--no-search asks one network only: say which with --network")
    else:
        catalog.network(args.network)  # an unknown name stops here, before any time is spent
    endpoints = parse_rpc(args.rpc)
    output = _check_output(args.output) if args.output is not None else None
    if args.format == "pdf" and output is None and sys.stdout.isatty():
        raise InputError("a PDF is not for the terminal: add --output report.pdf")
    if args.format == "pdf" and pdf is None:
        raise InputError("PDF reports need the desktop part of Deposit Doctor: run the deposit-doctor command")
    if args.confirmations is not None and args.confirmations < 1:
        raise InputError("--confirmations must be at least 1")
    if args.exchange is not None and not args.exchange.strip():
        raise InputError("--exchange needs a name (binance, okx, bybit, bitget, kucoin, bitmart, htx, gate, mexc)")
    exchange = catalog.exchange(args.exchange).slug if args.exchange else None  # "did you mean" on a typo
    # A plain-http node on another machine: its answers could be read and changed on the way. Said, not refused.
    for url in (u for urls in endpoints.values() for u in ([urls] if isinstance(urls, str) else urls)):
        if is_plain_remote(url):
            print(f"deposit-doctor: warning: {endpoint_host(url)} is asked over plain http: use https", file=sys.stderr)
    case = Case(
        network=args.network,
        tx_hash=args.tx,
        address=args.address,
        token=args.token,
        amount=args.amount,
        direction=Direction(args.direction),
        required_confirmations=args.confirmations,
        refused=refused,
        exchange=exchange,
        memo=args.memo,
    )
    tron_api_key = os.environ.get(TRON_API_KEY_VARIABLE, "").strip() or None
    diagnosis = diagnose(
        case,
        adapters=adapters(endpoints, timeout=args.timeout, tron_api_key=tron_api_key),
        search=() if args.no_search else None,
    )
    local = local_zone()
    if args.format == "pdf" and pdf is not None:
        html = render_html(diagnosis, args.lang, tz=local, redacted=args.redact)
        report: str | bytes = pdf(html, args.page_size)
    else:
        report = RENDERERS[args.format](diagnosis, args.lang, tz=local, redacted=args.redact)
    if output is not None:
        write_atomically(output, report)
        print(f"{PROG}: report written to {output}", file=sys.stderr)
    elif isinstance(report, bytes):
        sys.stdout.buffer.write(report)
    else:
        sys.stdout.write(report)
    return 0


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
