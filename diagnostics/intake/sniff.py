"""What a pasted hash or address can be, by its form alone.

These answers decide which networks are worth asking and what to tell a user whose paste cannot be
right for the network they chose, so they stay pure and cheap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

import base58
from eth_utils.address import is_checksum_address, to_checksum_address

from diagnostics.model.network import Network

_HEX = re.compile(r"[0-9a-fA-F]+")
_BECH32 = re.compile(r"(bc1|tb1)[02-9ac-hj-np-z]{11,87}")
_TRON_PREFIX = 0x41
_BTC_VERSIONS = {0x00, 0x05, 0x6F, 0xC4}


class HashForm(StrEnum):
    """The shape of a pasted transaction hash."""

    EMPTY = "empty"
    EVM = "evm"  # 0x + 64 hex
    BARE_HEX64 = "bare_hex64"  # 64 hex, no prefix: Tron or Bitcoin, or EVM without its 0x
    EVM_ADDRESS = "evm_address"  # 0x + 40 hex: an address pasted where the hash goes
    ADDRESS = "address"  # a Tron or Bitcoin address pasted where the hash goes
    WRONG_LENGTH = "wrong_length"  # hex, but not 64 digits long
    NOT_HEX = "not_hex"


class AddressFamily(StrEnum):
    EVM = "evm"
    TRON = "tron"
    BITCOIN = "bitcoin"


# A Tron id is bare hex, but users paste it with a 0x too; Bitcoin txids never carry one.
_HASH_FORMS_BY_FAMILY: dict[str, frozenset[HashForm]] = {
    AddressFamily.EVM: frozenset({HashForm.EVM, HashForm.BARE_HEX64}),
    AddressFamily.TRON: frozenset({HashForm.EVM, HashForm.BARE_HEX64}),
    AddressFamily.BITCOIN: frozenset({HashForm.BARE_HEX64}),
}


@dataclass(frozen=True)
class AddressForm:
    """``family`` is where a well-formed address belongs; ``problem`` says why it is not well formed."""

    family: AddressFamily | None
    # "checksum" (EIP-55 capitals: the same account, a typo in case only), "base58check" (a Base58
    # address whose check digits fail: a different string, not the account meant), "malformed", "empty"
    problem: str | None = None


def _strip(text: str) -> str:
    return text.strip()


def hash_form(text: str) -> HashForm:
    value = _strip(text)
    if not value:
        return HashForm.EMPTY
    body = value[2:] if value[:2].lower() == "0x" else value
    prefixed = body is not value
    if _HEX.fullmatch(body):
        if len(body) == 64:
            return HashForm.EVM if prefixed else HashForm.BARE_HEX64
        if len(body) == 40 and prefixed:
            return HashForm.EVM_ADDRESS
        return HashForm.WRONG_LENGTH
    address = address_form(value)
    if address.family is not None and address.problem is None:
        return HashForm.ADDRESS
    return HashForm.NOT_HEX


def hash_fits_family(form: HashForm, family: str) -> bool:
    """Whether a hash of this form can name a transaction on a network of ``family``."""
    return form in _HASH_FORMS_BY_FAMILY.get(family, frozenset())


def hash_fits_any(form: HashForm) -> bool:
    """Whether a hash of this form can name a transaction on some network family at all."""
    return any(form in forms for forms in _HASH_FORMS_BY_FAMILY.values())


def networks_for_hash(text: str, networks: Iterable[Network]) -> tuple[Network, ...]:
    """The networks a pasted hash can name a transaction on, in the order given.

    ``0x`` + 64 hex is an EVM hash, or a Tron id pasted with a ``0x``; 64 bare hex is a Tron or Bitcoin id,
    or an EVM hash without its ``0x``. The form alone cannot tell them apart: only asking can.
    """
    form = hash_form(text)
    return tuple(n for n in networks if hash_fits_family(form, n.family))


def networks_for_address(text: str, networks: Iterable[Network]) -> tuple[Network, ...]:
    """The networks a well-formed address can be on: every EVM network for ``0x…``, Tron for ``T…``."""
    form = address_form(text)
    if form.family is None or form.problem not in (None, "checksum"):
        return ()
    return tuple(n for n in networks if n.family == form.family)


def normalize_hash(text: str, family: str) -> str:
    """The hash as ``family``'s nodes want it: ``0x`` + 64 lower-case hex on EVM, bare on Tron and Bitcoin.

    The caller has checked the form fits the family.
    """
    value = _strip(text)
    body = (value[2:] if value[:2].lower() == "0x" else value).lower()
    return "0x" + body if family == AddressFamily.EVM else body


def _evm_form(value: str) -> AddressForm:
    body = value[2:]
    if len(body) != 40 or not _HEX.fullmatch(body):
        return AddressForm(AddressFamily.EVM, "malformed")
    mixed = body != body.lower() and body != body.upper()
    if mixed and not is_checksum_address(value):
        return AddressForm(AddressFamily.EVM, "checksum")
    return AddressForm(AddressFamily.EVM)


def _base58_form(value: str) -> AddressForm:
    try:
        raw = base58.b58decode_check(value)
    except ValueError:
        looks_tron = value.startswith("T") and len(value) == 34
        return AddressForm(AddressFamily.TRON if looks_tron else None, "base58check" if looks_tron else "malformed")
    if len(raw) == 21 and raw[0] == _TRON_PREFIX:
        return AddressForm(AddressFamily.TRON)
    if len(raw) == 21 and raw[0] in _BTC_VERSIONS:
        return AddressForm(AddressFamily.BITCOIN)
    return AddressForm(None, "malformed")


def address_form(text: str) -> AddressForm:
    value = _strip(text)
    if not value:
        return AddressForm(None, "empty")
    if value[:2].lower() == "0x":
        return _evm_form(value)
    if _BECH32.fullmatch(value.lower()) and (value == value.lower() or value == value.upper()):
        return AddressForm(AddressFamily.BITCOIN)
    if len(value) == 42 and value[:2] == "41" and _HEX.fullmatch(value):
        return AddressForm(AddressFamily.TRON)
    if _HEX.fullmatch(value) and len(value) == 40:
        return AddressForm(AddressFamily.EVM, "malformed")
    return _base58_form(value)


def normalize_address(text: str) -> str:
    """The address as chains and reports write it: a Tron ``41…`` hex address becomes its Base58 ``T…`` form."""
    value = _strip(text)
    if len(value) == 42 and value[:2] == "41" and _HEX.fullmatch(value):
        return base58.b58encode_check(bytes.fromhex(value)).decode()
    return value


def same_account(text: str, family: str) -> str | None:
    """The address written as ``family`` writes it, where both name the same 20-byte account (EVM ``0x…`` and
    Tron ``T…`` share keys); ``None`` for any other pair."""
    form = address_form(text)
    value = normalize_address(text)
    if form.problem is not None:
        return None
    if form.family == AddressFamily.EVM and family == AddressFamily.TRON:
        return base58.b58encode_check(bytes([_TRON_PREFIX]) + bytes.fromhex(value[2:])).decode()
    if form.family == AddressFamily.TRON and family == AddressFamily.EVM:
        return to_checksum_address("0x" + base58.b58decode_check(value)[1:].hex())
    return None


def same_address(a: str | None, b: str | None) -> bool:
    """Whether two addresses name one account: ``0x`` ones compare without case (EIP-55 capitals are only a
    checksum), Base58 and bech32 ones exactly."""
    if a is None or b is None:
        return False
    a, b = a.strip(), b.strip()
    return a.lower() == b.lower() if a[:2].lower() == "0x" else a == b
