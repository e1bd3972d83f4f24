"""What is wrong with a form's fields as the user types, before anything is asked.

The window shows each problem under its field; the keys are translated there. The same rules the checks
apply after a diagnosis (``INPUT_INVALID_HASH``, ``INPUT_INVALID_ADDRESS``, ``ADDRESS_NETWORK_MISMATCH``)
apply here first, so the user can fix a typo without waiting for nodes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from diagnostics.bounds import amount_in_bounds
from diagnostics.intake.secret import find_secret
from diagnostics.intake.sniff import address_form, hash_fits_any, hash_fits_family, hash_form
from diagnostics.model import Network


@dataclass(frozen=True)
class FieldProblem:
    """``key`` names the problem ("checksum", "wrong_family" …); ``detail`` is a value its sentence needs;
    ``family`` is the chain family the field was judged for (the chosen network's, or for an address the one its
    form belongs to), so the window words it as that family writes hashes and addresses ("" when unknown)."""

    key: str
    detail: str = ""
    family: str = ""


@dataclass(frozen=True)
class FormCheck:
    tx_hash: FieldProblem | None = None
    address: FieldProblem | None = None
    secret: FieldProblem | None = None  # some field holds a key or seed phrase: nothing may be diagnosed

    @property
    def ready(self) -> bool:
        """Whether Diagnose can run: a secret or an unusable hash stops it; address problems are findings."""
        return self.secret is None and self.tx_hash is None


def check_form(
    network: Network | None, tx_hash: str, address: str, words: frozenset[str], token: str = ""
) -> FormCheck:
    """The problems in a form for ``network`` (``None``: Auto-detect). An empty hash is a problem only
    for Diagnose; an empty address is none at all."""
    for field, text in (("tx_hash", tx_hash), ("address", address), ("token", token)):
        kind = find_secret(text, words, address_field=field == "address")
        if kind is not None:
            return FormCheck(secret=FieldProblem(kind.value, field))
    return FormCheck(tx_hash=_hash_problem(network, tx_hash), address=_address_problem(network, address))


def _hash_problem(network: Network | None, text: str) -> FieldProblem | None:
    form = hash_form(text)
    fits = hash_fits_family(form, network.family) if network else hash_fits_any(form)
    if fits:
        return None
    return FieldProblem(form.value, str(len(text.strip())), network.family if network else "")


def _address_problem(network: Network | None, text: str) -> FieldProblem | None:
    if not text.strip():
        return None
    form = address_form(text)
    if form.family is not None and network is not None and form.family != network.family:
        return FieldProblem("wrong_family", form.family.value)
    if form.problem is not None:
        family = form.family or (network.family if network else None)
        return FieldProblem(form.problem, family=str(family or ""))
    return None


_THOUSANDS = re.compile(r"\d{1,3}(,\d{3})+(\.\d+)?")


def parse_amount(text: str) -> Decimal:
    """An amount as people write it: "250.5", "1,234.5". "1,5" or "1.250,5" is refused rather than guessed
    (1.5 or 15? 1250.5 or 1.2505?). ``ValueError`` says why, in words."""
    value = text.strip()
    cleaned = value.replace(",", "") if _THOUSANDS.fullmatch(value) else value
    if "," in cleaned:
        raise ValueError(f"write the amount with a dot for decimals, e.g. 1.5 (got {text!r})")
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"not a number: {text!r}") from None
    if not amount.is_finite() or amount < 0:
        raise ValueError(f"not a positive amount: {text!r}")
    if not amount_in_bounds(amount):  # 1e1000000 would overflow the first sum made with it
        raise ValueError("out of range: an amount is under 10^30, in at most 40 digits")
    return amount
