"""The app's own case file: cases saved to be diagnosed again later, or handed to a colleague.

The file says its format and version, so a later app can read an older file and this one can say plainly
that a newer file is not one it knows. Amounts and wei values are strings: JSON numbers lose digits in
many readers past 2**53. A single case object, or a bare list of them, is read too (hand-written files).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from diagnostics.bounds import MAX_INTEGER_DIGITS, MAX_MEMO_LENGTH, BoundsError, amount_in_bounds, load_json
from diagnostics.intake.draft import CaseDraft, Intake, IntakeProblem
from diagnostics.model import Direction, SignedTransaction
from diagnostics.model.network import Network, find_network

_T = TypeVar("_T")

FORMAT = "deposit-doctor-cases"
VERSION = 1


def write_cases(drafts: Iterable[CaseDraft]) -> str:
    """The drafts as a case file; fields a draft does not have are left out."""
    cases = [_case_json(draft) for draft in drafts]
    return json.dumps({"format": FORMAT, "version": VERSION, "cases": cases}, ensure_ascii=False, indent=2) + "\n"


def read_case_file(text: str, networks: Sequence[Network]) -> Intake:
    """The drafts in a case file; a case without a hash is skipped, a bad field is left empty, each with a
    problem naming the case."""
    try:
        data = load_json(text.lstrip("\ufeff"))
    except json.JSONDecodeError as exc:
        return Intake(problems=(IntakeProblem("bad_json", (("line", str(exc.lineno)), ("column", str(exc.colno)))),))
    except BoundsError as exc:  # nested or a number past any case file's: json.loads would crash or raise
        return Intake(problems=(IntakeProblem(exc.key, exc.params),))
    if isinstance(data, dict) and data.get("format") == FORMAT:
        if data.get("version") != VERSION:
            return Intake(problems=(IntakeProblem("unknown_version", (("version", str(data.get("version"))),)),))
        cases = data.get("cases")
    else:
        cases = [data] if isinstance(data, dict) and "tx_hash" in data else data
    if not isinstance(cases, list):
        return Intake(problems=(IntakeProblem("not_cases"),))
    drafts: list[CaseDraft] = []
    problems: list[IntakeProblem] = []
    for number, case in enumerate(cases, start=1):
        draft = _draft(case, number, networks, problems)
        if draft is not None:
            drafts.append(draft)
    return Intake(drafts=tuple(drafts), problems=tuple(problems))


def _case_json(draft: CaseDraft) -> dict[str, Any]:
    signed = draft.signed
    fields: dict[str, Any] = {
        "tx_hash": draft.tx_hash,
        "network": draft.network,
        "address": draft.address,
        "token": draft.token,
        "amount": str(draft.amount) if draft.amount is not None else None,
        "direction": draft.direction.value if draft.direction else None,
        "time": draft.time,
        "memo": draft.memo,
        "signed": None if signed is None else _signed_json(signed),
    }
    return {key: value for key, value in fields.items() if value is not None}


def _signed_json(signed: SignedTransaction) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "tx_hash": signed.tx_hash,
        "sender": signed.sender,
        "nonce": signed.nonce,
        "chain_id": signed.chain_id,
        "to": signed.to,
        "value": str(signed.value),
        "token_recipient": signed.token_recipient,
        "token_amount": None if signed.token_amount is None else str(signed.token_amount),
    }
    return {key: value for key, value in fields.items() if value is not None}


def _draft(case: object, number: int, networks: Sequence[Network], problems: list[IntakeProblem]) -> CaseDraft | None:
    where = ("case", str(number))
    if not isinstance(case, dict) or not isinstance(case.get("tx_hash"), str) or not case["tx_hash"].strip():
        problems.append(IntakeProblem("case_no_hash", (where,)))
        return None

    def field(name: str, read: Callable[[object], _T]) -> _T | None:
        """The field read by ``read``; ``None`` if absent or empty, or if bad (with a problem)."""
        value = case.get(name)
        if value is None or value == "":
            return None
        try:
            return read(value)
        except (TypeError, ValueError, KeyError, InvalidOperation):
            problems.append(IntakeProblem("bad_field", (where, ("field", name))))
            return None

    network_name = field("network", _text)
    network = find_network(network_name, networks) if network_name else None
    if network_name and network is None:
        problems.append(IntakeProblem("unknown_network", (("name", network_name), where)))
    return CaseDraft(
        tx_hash=case["tx_hash"].strip(),
        address=field("address", _text),
        network=network.slug if network else None,
        token=field("token", _text),
        amount=field("amount", _decimal),
        direction=field("direction", lambda v: Direction(_text(v).lower())),
        time=field("time", _text),
        source=f"case {number}",
        signed=field("signed", _signed),
        memo=field("memo", _memo),
    )


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("not a string")
    return value.strip()


def _memo(value: object) -> str:
    """A memo as text: exchanges write a numeric tag (XRP's, TON's comments) as a number in hand-written files."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    text = _text(value)
    if len(text) > MAX_MEMO_LENGTH:
        raise ValueError("longer than any memo an exchange gives")
    return text


def _integer(value: object) -> int:
    """An integer written as a JSON integer or as a string of digits (wei overflow JSON numbers)."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise TypeError("not an integer")
    if isinstance(value, str) and len(value.strip()) > MAX_INTEGER_DIGITS:
        raise ValueError("longer than any integer of a transaction")
    return int(value)


def _decimal(value: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise TypeError("not a number")
    amount = Decimal(str(value))
    if not amount_in_bounds(amount):
        raise ValueError("not a finite number under 10^30 in at most 40 digits")
    return amount


def _signed(value: object) -> SignedTransaction:
    if not isinstance(value, dict):
        raise TypeError("not an object")

    def optional(name: str, read: Callable[[object], _T]) -> _T | None:
        return None if value.get(name) is None else read(value[name])

    return SignedTransaction(
        tx_hash=_text(value["tx_hash"]),
        sender=_text(value["sender"]),
        nonce=_integer(value["nonce"]),
        chain_id=optional("chain_id", _integer),
        to=optional("to", _text),
        value=_integer(value["value"]),
        token_recipient=optional("token_recipient", _text),
        token_amount=optional("token_amount", _integer),
    )
