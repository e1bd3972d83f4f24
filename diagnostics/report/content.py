"""The report model: a diagnosis put into one language's words, ready for any renderer.

Renderers (text, Markdown, JSON, HTML and through it PDF) format this and add nothing of their own, so
every output says the same thing. Every word comes from ``locale/<language>.py``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from decimal import Decimal
from types import ModuleType
from typing import Any

from diagnostics.checks.codes import CODES
from diagnostics.intake.sniff import address_form, hash_fits_family, hash_form, normalize_hash
from diagnostics.model import (
    AUTO_DETECT,
    Amount,
    Diagnosis,
    EvidenceValue,
    ExchangeProfile,
    Finding,
    Found,
    NotFound,
    Term,
    Unavailable,
)
from diagnostics.model.facts import EXACT
from diagnostics.report.locale import LANGUAGES
from diagnostics.report.transaction import TxSummary, summarize

__all__ = ["LANGUAGES", "Link", "Report", "build_report", "format_time", "format_value", "strings"]


@dataclass(frozen=True)
class EvidenceRow:
    key: str
    label: str
    value: str
    network: str | None
    block: int | None


@dataclass(frozen=True)
class FindingText:
    code: str
    severity: str
    network: str | None
    title: str
    explanation: str
    evidence: tuple[EvidenceRow, ...]
    next_steps: tuple[str, ...]


@dataclass(frozen=True)
class NetworkRow:
    network: str
    name: str
    endpoint: str
    state: str  # "found", "not_found", "unavailable" or "skipped": stable, for programs reading the JSON
    answer: str
    detail: str
    head_block: int | None
    elapsed_ms: int
    round_trips: int


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class Report:
    """Everything a report says, in one language; renderers only lay it out.

    ``summary`` explains the verdict in a sentence or two; ``transaction`` is the facts table support reads;
    ``support_message`` is the paragraph to paste into an exchange's form; ``networks`` name each node
    asked (the data sources), its answer and the block height it answered at.
    """

    language: str
    verdict_code: str
    verdict_severity: str
    verdict: str
    summary: str
    case: tuple[tuple[str, str], ...]
    transaction: tuple[tuple[str, str], ...]
    transaction_keys: tuple[str, ...]
    findings: tuple[FindingText, ...]
    networks: tuple[NetworkRow, ...]
    links: tuple[Link, ...]
    support_message: str
    support_needed: bool
    redacted: bool
    diagnosed_at: str
    app_version: str
    labels: dict[str, str]


def strings(language: str) -> ModuleType:
    if language not in LANGUAGES:
        raise ValueError(f"no report strings for language {language!r}")
    return importlib.import_module(f"diagnostics.report.locale.{language}")


def _duration(seconds: int, report: dict[str, str]) -> str:
    """Exact enough to compare two durations ("2 min 10 s" against "2 min"), short enough to read."""
    seconds = max(seconds, 1)
    if seconds < 60:
        return report["duration_s"].format(s=seconds)
    if seconds < 3600:
        minutes, rest = divmod(seconds, 60)
        return report["duration_m_s"].format(m=minutes, s=rest) if rest else report["duration_m"].format(m=minutes)
    if seconds < 2 * 86400:
        hours, rest = divmod(seconds, 3600)
        return report["duration_h_m"].format(h=hours, m=rest // 60)
    return report["duration_d"].format(d=round(seconds / 86400))


# Quantities read as amounts (78,572 energy); block numbers and nonces stay as explorers print them.
_GROUPED = {"energy_used", "gas_used", "gas_limit", "pool_pending_count"}


def reason_text(lookup: Unavailable, locale: ModuleType) -> str:
    """Why a node could not be used, in the report's language where it has the words."""
    template = getattr(locale, "REASONS", {}).get(lookup.key)
    return str(template).format(**dict(lookup.params)) if template else lookup.reason


def format_value(value: EvidenceValue, locale: ModuleType, name: str = "") -> str:
    report = locale.REPORT
    if value is None:
        return str(report["none"])
    if isinstance(value, Term):
        return str(locale.TERMS[value.key])
    if isinstance(value, Unavailable):
        return reason_text(value, locale)
    if isinstance(value, Amount):
        return str(value)
    if isinstance(value, tuple):
        return str(report["list_sep"]).join(value)
    if isinstance(value, datetime):
        return format_time(value, locale)
    if isinstance(value, int) and not isinstance(value, bool) and name.endswith("_seconds"):
        return _duration(value, report)
    if isinstance(value, int) and not isinstance(value, bool) and name in _GROUPED:
        return f"{value:,}"
    if isinstance(value, Decimal):
        return f"{value.normalize(EXACT):f}"
    return str(value)


def _pick(entry: Any, *keys: str) -> Any:
    """A string that may vary by variant or direction: the first key present, else the default ""."""
    if not isinstance(entry, dict):
        return entry
    for key in (*keys, ""):
        if key in entry:
            return entry[key]
    return next(iter(entry.values()))


def _keys(variant: str, direction: str) -> tuple[str, ...]:
    """Where a varying string is looked up, most specific first."""
    return (f"{variant}.{direction}", variant, direction) if variant else (direction,)


class _Params(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _params(finding_params: dict[str, EvidenceValue], network: str, locale: ModuleType) -> _Params:
    params = _Params({k: format_value(v, locale, k) for k, v in finding_params.items()})
    params.setdefault("network", network)
    return params


def _names(diagnosis: Diagnosis, locale: ModuleType) -> dict[str, str]:
    """Display names by slug; a finding about no one network (Auto-detect) speaks of "any network"."""
    return {AUTO_DETECT: locale.REPORT["any_network"], **{n.slug: n.display_name for n in diagnosis.networks}}


# Evidence whose value is a network's name: saying the network again beside it would only repeat it.
_NAMES_A_NETWORK = frozenset({"network_expected", "network_found"})


def _finding_text(finding: Finding, diagnosis: Diagnosis, locale: ModuleType) -> FindingText:
    names = _names(diagnosis, locale)
    network = names.get(finding.network or "", finding.network or "")
    params = _params(finding.params, network, locale)
    entry = locale.FINDINGS[finding.code]
    keys = _keys(finding.variant, diagnosis.case.direction.value)
    steps = entry["next_steps"]
    chosen: list[str] = next((steps[k] for k in (*keys, "any") if k in steps), [])
    # A row names its network when it is another than the finding's, or when the rows span several.
    several = len({e.network for e in finding.evidence if e.network}) > 1
    return FindingText(
        code=finding.code,
        severity=finding.severity.value,
        network=finding.network,
        title=_pick(entry["title"], *keys).format_map(params),
        explanation=_pick(entry["explanation"], *keys).format_map(params),
        evidence=tuple(
            EvidenceRow(
                e.label,
                locale.EVIDENCE.get(e.label, e.label)
                + (
                    locale.REPORT["paren"].format(names.get(e.network, e.network))
                    if e.network is not None
                    and (several or e.network != finding.network)
                    and e.label not in _NAMES_A_NETWORK
                    else ""
                ),
                format_value(e.value, locale, e.label),
                e.network,
                e.block,
            )
            for e in finding.evidence
        ),
        next_steps=tuple(s.format_map(params) for s in chosen),
    )


def _network_rows(diagnosis: Diagnosis, locale: ModuleType) -> tuple[NetworkRow, ...]:
    report = locale.REPORT
    names = {n.slug: n.display_name for n in diagnosis.networks}
    rows = []
    for n in diagnosis.facts.networks:
        if n.skipped:
            state, detail = "skipped", reason_text(n.tx, locale) if isinstance(n.tx, Unavailable) else ""
        elif isinstance(n.tx, Found):
            state, detail = "found", ""
        elif isinstance(n.tx, NotFound):
            state, detail = "not_found", ""
        else:
            state, detail = "unavailable", reason_text(n.tx, locale)
        head = n.head.value.number if isinstance(n.head, Found) else None
        if n.unencrypted:
            detail = "; ".join(part for part in (detail, str(report["unencrypted"])) if part)
        rows.append(
            NetworkRow(
                n.network,
                names.get(n.network, n.network),
                n.endpoint,
                state,
                report[state],
                detail,
                head,
                round(n.elapsed_seconds * 1000),
                n.round_trips,
            )
        )
    return tuple(rows)


def format_time(timestamp: int | datetime, locale: ModuleType, tz: tzinfo | None = None) -> str:
    """A moment in the language's date format: in UTC, or in ``tz`` with its offset."""
    when = timestamp if isinstance(timestamp, datetime) else datetime.fromtimestamp(timestamp, tz=UTC)
    if tz is None:
        return str(when.astimezone(UTC).strftime(locale.REPORT["datetime_utc"]))
    local = when.astimezone(tz)
    offset = local.strftime("%z")
    return str(local.strftime(locale.REPORT["datetime_local"]).replace("{offset}", f"{offset[:3]}:{offset[3:]}"))


def _both_times(timestamp: int, locale: ModuleType, tz: tzinfo | None) -> str:
    """UTC, and the reader's local time beside it where that differs."""
    utc = format_time(timestamp, locale)
    if tz is None or datetime.fromtimestamp(timestamp, tz=tz).utcoffset() == timedelta(0):
        return utc
    return utc + str(locale.REPORT["paren"]).format(format_time(timestamp, locale, tz))


def _transaction_rows(tx: TxSummary | None, locale: ModuleType, tz: tzinfo | None) -> list[tuple[str, str]]:
    """(key, value) rows: the key names the row's label in ``REPORT`` and is the JSON's stable name."""
    if tx is None:
        return []
    r, terms = locale.REPORT, locale.TERMS
    status = terms[tx.status] + (r["paren"].format(tx.result) if tx.status == "failed" and tx.result else "")
    rows = [("network", tx.network.display_name), ("tx_hash", tx.tx_hash), ("status", status)]
    if tx.block is not None:
        rows.append(("block", str(tx.block)))
    if tx.timestamp is not None:
        rows.append(("time", _both_times(tx.timestamp, locale, tz)))
    rows.append(("from", tx.sender))
    if tx.recipient and tx.recipient != tx.to:
        rows.append(("to", tx.recipient))
        rows.append(("called_contract", tx.to or r["none"]))
    else:
        rows.append(("to", tx.to or r["none"]))
    if tx.contract:
        rows.append(("token", f"{tx.symbol or '?'} — {tx.contract}"))
    if tx.amount is not None:
        rows.append(("amount", str(tx.amount)))
    if tx.fee is not None:
        rows.append(("fee", str(tx.fee)))
    if tx.confirmations is not None and tx.required is not None:
        rows.append(("confirmations", r["confirmations_of"].format(n=tx.confirmations, required=tx.required)))
    return rows


def _links(diagnosis: Diagnosis, tx: TxSummary | None, locale: ModuleType) -> tuple[Link, ...]:
    """Explorer pages: the transaction (also when no node could find it: the explorer may), the user's
    address, the sender, where the value really went, and the token."""
    network = tx.network if tx else diagnosis.networks[0]
    explorer, r = network.explorer, locale.REPORT
    links = []
    entered = diagnosis.case.tx_hash
    if tx is not None:
        links.append(Link(r["link_tx"], explorer.tx.format(hash=tx.tx_hash)))
    elif entered and hash_fits_family(hash_form(entered), network.family):
        links.append(Link(r["link_tx"], explorer.tx.format(hash=normalize_hash(entered, network.family))))
    # Each address link says whose it is: the one the user gave, the sender, where the value went.
    roles = (
        (diagnosis.case.address, f"link_{diagnosis.case.direction.value}_address"),
        (tx.sender if tx else None, "link_sender"),
        (tx.recipient if tx else None, "link_recipient"),
    )
    seen: set[str] = set()
    for address, role in roles:
        form = address_form(address) if address else None  # (a testnet or mistyped address has no page there)
        usable = form is not None and form.family == network.family and form.problem in (None, "checksum")
        if address and usable and address.lower() not in seen:
            seen.add(address.lower())
            links.append(Link(r[role].format(address=address), explorer.address.format(address=address)))
    if tx is not None and tx.contract and not tx.contract.startswith("trc10:"):
        links.append(Link(r["link_token"].format(symbol=tx.symbol or "?"), explorer.token.format(contract=tx.contract)))
    return tuple(links)


def _support_message(diagnosis: Diagnosis, tx: TxSummary | None, verdict: str, locale: ModuleType) -> tuple[str, bool]:
    """(text, whether it is a message to send): what an exchange's recovery form asks in one paragraph
    (coin, network, amount, contract, from, to, TxID, time, what Deposit Doctor found), or, where writing
    to support helps nobody, what to do instead."""
    case, r = diagnosis.case, locale.REPORT
    code, deposit = diagnosis.verdict.code, case.direction.value == "deposit"
    info = CODES.get(code)
    instead = info.support if info else None  # (the code table says after which verdicts support cannot help)
    if code == "TX_PENDING" and tx is not None and tx.status == "expired":
        instead = None  # expired: it will never arrive, and a withdrawal must be sent again by the exchange
    if code == "TX_FAILED" and deposit:
        instead = "support_not_needed_failed"
    if deposit and code in ("FEE_TOO_LOW", "NONCE_GAP", "NETWORK_CONGESTED"):
        instead = "support_not_needed_wait"  # only the sender can speed up or unblock its own transaction
    if deposit and code == "TX_DROPPED_REPLACED":
        instead = "support_not_needed_replaced"
    if deposit and code == "TX_NOT_FOUND":
        instead = "support_not_needed_not_found"
    if code == "CONFIRMATIONS_SUFFICIENT" and not deposit:
        instead = "support_not_needed_arrived"
    if code == "NETWORK_MISMATCH" and not deposit and diagnosis.verdict.variant == "same_address":
        instead = "support_not_needed_arrived"  # at the user's own address, on another chain: their wallet has it
    if instead:
        return str(r[instead]), False
    none = r["none"]
    expected = format_value(case.amount, locale) + (f" {case.token}" if case.token else "") if case.amount else None
    moved = str(tx.amount) if tx and tx.amount else None
    amount = r["support_expected"].format(moved=moved, expected=expected) if moved and expected else moved or expected
    address = case.address or (tx.recipient if tx else None)
    fields = {
        "direction": r[f"{case.direction.value}_noun"],
        "coin": (tx.symbol if tx and tx.symbol else case.token) or none,
        "network": tx.network.display_name if tx else diagnosis.networks[0].display_name,
        "amount": amount or none,
        "contract": (tx.contract if tx else None) or none,
        "sender": tx.sender if tx else none,
        "address_label": r[f"{case.direction.value}_address"],
        "address": address or none,
        "tx_hash": (tx.tx_hash if tx else case.tx_hash.strip()) or none,
        "time": format_time(tx.timestamp, locale) if tx and tx.timestamp else none,
        "verdict": verdict,
        "code": code,
    }
    template = r["support_credited"] if code == "CONFIRMATIONS_SUFFICIENT" else r["support_message"]
    if code == "NETWORK_MISMATCH" and deposit and diagnosis.verdict.variant == "same_address":
        template = r["support_wrong_network"]
        fields["expected"] = format_value(diagnosis.verdict.params.get("expected"), locale)
    exchange = diagnosis.exchange
    if exchange is not None and not deposit and tx is not None:
        # A withdrawal came from the exchange's own hot wallet: it is the sender side of the question.
        fields["sender"] = str(r["support_exchange_sender"]).format(exchange=exchange.name, sender=tx.sender)
    text = str(template).format(**fields)
    if tx and tx.recipient and address and tx.recipient.lower() != address.strip().lower():
        text += str(r["support_elsewhere"]).format(recipient=tx.recipient)
    if exchange is not None:
        text += _exchange_form(exchange, fields, locale)
    return text, True


# What an exchange's refund form calls each field (resources/exchanges: recovery_form) -> the message's field.
_FORM_FIELDS = {
    "coin": "coin",
    "amount": "amount",
    "network": "network",
    "token_contract": "contract",
    "sender_address": "sender",
    "deposit_address": "address",
    "txid": "tx_hash",
    "time": "time",
    "remark": "verdict",
}


def _exchange_form(exchange: ExchangeProfile, fields: dict[str, str], locale: ModuleType) -> str:
    """The exchange's own refund form, field by field in its order, where its page lists them; and its support
    page. Only the exchange's own pages are named, never a third party."""
    r = locale.REPORT
    form = [name for name in exchange.recovery_form if name in _FORM_FIELDS]
    text = ""
    if form:
        items = r["list_sep"].join(
            str(r["form_item"]).format(label=locale.FORM_FIELDS[name], value=fields[_FORM_FIELDS[name]])
            for name in form
        )
        text += str(r["support_form"]).format(exchange=exchange.name, items=items)
    return text + str(r["support_page"]).format(exchange=exchange.name, url=exchange.support_url)


def verdict_headline(diagnosis: Diagnosis, language: str = "en") -> str:
    """The verdict's sentence alone, as the report's headline says it: what a table of many cases shows and
    says again after a language switch, without building each whole report (its findings, links, support
    message) for one line."""
    locale = strings(language)
    return _headline(diagnosis, locale, _names(diagnosis, locale))


def verdict_title(code: str, language: str = "en") -> str:
    """A verdict's general name, for no one case ("Not the official …"): what a filter of many cases lists.
    A placeholder the name would take from a case reads "…"; an unknown code is its own name."""
    entry = strings(language).FINDINGS.get(code, {}).get("title")
    if entry is None:
        return code
    return str(_pick(entry, "")).format_map(_Ellipsis())


class _Ellipsis(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "…"


def _headline(diagnosis: Diagnosis, locale: ModuleType, names: dict[str, str]) -> str:
    verdict = diagnosis.verdict
    deciding = next((f for f in diagnosis.findings if f.code == verdict.code), None)
    about = deciding.network if deciding and deciding.network else None
    judged = names.get(
        about or "", diagnosis.networks[0].display_name if diagnosis.networks else diagnosis.case.network
    )
    entry = _pick(locale.VERDICTS[verdict.code], *_keys(verdict.variant, diagnosis.case.direction.value))
    return str(entry.format_map(_params(verdict.params, judged, locale)))


def build_report(
    diagnosis: Diagnosis, language: str = "en", *, tz: tzinfo | None = None, redacted: bool = False
) -> Report:
    """The report in ``language``; ``tz`` adds local times beside UTC; ``redacted`` leaves out the explorer
    links (they would carry the full hashes a redacted report must not)."""
    locale = strings(language)
    report = locale.REPORT
    case = diagnosis.case
    names = _names(diagnosis, locale)
    chosen = report["auto_detect"] if case.network == AUTO_DETECT else names.get(case.network, case.network)
    verdict = diagnosis.verdict
    case_rows = [
        (report["network"], chosen),
        (report["tx_hash"], case.tx_hash.strip() or report["none"]),
        (report["direction"], report[case.direction.value]),
    ]
    if case.address:
        case_rows.append((report["address"], case.address.strip()))
    if case.token:
        case_rows.append((report["token"], case.token))
    if case.amount is not None:
        case_rows.append((report["amount"], format_value(case.amount, locale)))
    if case.memo:
        case_rows.append((report["memo"], case.memo.strip()))
    headline = _headline(diagnosis, locale, names)
    findings = tuple(_finding_text(f, diagnosis, locale) for f in diagnosis.findings)
    deciding = next((f for f in findings if f.code == verdict.code), None)
    tx = summarize(diagnosis)
    networks = _network_rows(diagnosis, locale)
    support_message, support_needed = _support_message(diagnosis, tx, headline, locale)
    tx_rows = _transaction_rows(tx, locale, tz)
    return Report(
        language=language,
        verdict_code=verdict.code,
        verdict_severity=verdict.severity.value,
        verdict=headline,
        summary=deciding.explanation if deciding else report["no_findings_summary"],
        case=tuple(case_rows),
        transaction=tuple((report[key], value) for key, value in tx_rows),
        transaction_keys=tuple(key for key, _ in tx_rows),
        findings=findings,
        networks=networks,
        links=() if redacted else _links(diagnosis, tx, locale),
        support_message=support_message,
        support_needed=support_needed,
        redacted=redacted,
        diagnosed_at=_both_times(int(diagnosis.diagnosed_at.timestamp()), locale, tz),
        app_version=diagnosis.app_version,
        labels=report,
    )
