"""What a pasted hash or address can be, by its form alone.

These answers decide which networks are worth asking and what to tell a user whose paste cannot be
right for the network they chose, so they stay pure and cheap.
"""

from __future__ import annotations

import base64
import binascii
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

import base58
from embit import bech32 as embit_bech32
from eth_utils.address import is_checksum_address, to_checksum_address

from diagnostics.model.network import Network

_HEX = re.compile(r"[0-9a-fA-F]+")
_BECH32 = re.compile(r"(bc1|tb1|bcrt1)[02-9ac-hj-np-z]{6,87}")
_TRON_PREFIX = 0x41
# Base58Check version bytes: P2PKH and P2SH on mainnet (1…, 3…), then on testnet (m…/n…, 2…).
_BTC_MAINNET_VERSIONS = {0x00, 0x05}
_BTC_TESTNET_VERSIONS = {0x6F, 0xC4}
_MAX_ADDRESS_LENGTH = 100  # the longest address any family writes (bech32m: 62); longer text is no address


class HashForm(StrEnum):
    """The shape of a pasted transaction hash."""

    EMPTY = "empty"
    EVM = "evm"  # 0x + 64 hex
    BARE_HEX64 = "bare_hex64"  # 64 hex, no prefix: Tron or Bitcoin, or EVM without its 0x
    EVM_ADDRESS = "evm_address"  # 0x + 40 hex: an address pasted where the hash goes
    ADDRESS = "address"  # a Tron or Bitcoin address pasted where the hash goes
    BASE58_SIGNATURE = "base58_signature"  # Base58 of 64 bytes: a Solana transaction signature
    WRONG_LENGTH = "wrong_length"  # hex, but not 64 digits long
    NOT_HEX = "not_hex"
    BASE64_HASH = "base64_hash"  # 32 bytes in base64 or base64url (44 characters): how TON's APIs write a hash


class AddressFamily(StrEnum):
    EVM = "evm"
    TRON = "tron"
    BITCOIN = "bitcoin"
    SOLANA = "solana"
    TON = "ton"


@dataclass(frozen=True)
class AddressForm:
    """``family`` is where a well-formed address belongs; ``problem`` says why it is not well formed."""

    family: AddressFamily | None
    # "checksum" (EIP-55 capitals: the same account, a typo in case only), "bech32" (a bech32 checksum that fails),
    # "base58check" (a Base58 address whose check digits fail: a different string, not the account meant),
    # "testnet" (a well-formed address of a test network, whose coins are worth nothing), "malformed", "empty"
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
        # (A Base58 signature may, rarely, be written in digits and a-f only: its length still tells.)
        return HashForm.BASE58_SIGNATURE if not prefixed and _solana_signature(value) else HashForm.WRONG_LENGTH
    if _solana_signature(value):
        return HashForm.BASE58_SIGNATURE
    address = address_form(value)
    if address.family is not None and address.problem is None:
        return HashForm.ADDRESS
    return HashForm.BASE64_HASH if _base64_hash(value) is not None else HashForm.NOT_HEX


def hash_fits_family(form: HashForm, family: str) -> bool:
    """Whether a hash of this form can name a transaction on a network of ``family``."""
    forms = FAMILIES.get(family)
    return forms is not None and form in forms.hash_forms


def hash_fits_any(form: HashForm) -> bool:
    """Whether a hash of this form can name a transaction on some network family at all."""
    return any(form in forms.hash_forms for forms in FAMILIES.values())


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
    """The hash as ``family``'s nodes want it: ``0x`` + 64 lower-case hex on EVM, bare on Tron and Bitcoin, a
    Solana signature as it is (Base58 is case-sensitive).

    The caller has checked the form fits the family.
    """
    value = _strip(text)
    forms = FAMILIES.get(family)
    if forms is not None and forms.hash_normal is not None:
        return forms.hash_normal(value)
    body = (value[2:] if value[:2].lower() == "0x" else value).lower()
    return (forms.hash_prefix if forms else "") + body


def _evm_form(value: str) -> AddressForm | None:
    if value[:2].lower() != "0x":
        # 40 hex digits without the 0x: an EVM account written wrong (Tron's hex form starts 41 and is 42 long).
        return AddressForm(AddressFamily.EVM, "malformed") if len(value) == 40 and _HEX.fullmatch(value) else None
    body = value[2:]
    if len(body) != 40 or not _HEX.fullmatch(body):
        return AddressForm(AddressFamily.EVM, "malformed")
    mixed = body != body.lower() and body != body.upper()
    if mixed and not is_checksum_address(value):
        return AddressForm(AddressFamily.EVM, "checksum")
    return AddressForm(AddressFamily.EVM)


def _base58(value: str) -> bytes | None:
    try:
        return bytes(base58.b58decode_check(value))
    except ValueError:
        return None


def _tron_form(value: str) -> AddressForm | None:
    if len(value) == 42 and value[:2] == "41" and _HEX.fullmatch(value):
        return AddressForm(AddressFamily.TRON)
    raw = _base58(value)
    if raw is None:
        looks_tron = value.startswith("T") and len(value) == 34
        return AddressForm(AddressFamily.TRON, "base58check") if looks_tron else None
    return AddressForm(AddressFamily.TRON) if len(raw) == 21 and raw[0] == _TRON_PREFIX else None


def _bitcoin_form(value: str) -> AddressForm | None:
    """P2PKH ``1…``/P2SH ``3…`` (Base58Check) and segwit ``bc1q…``/taproot ``bc1p…`` (bech32/bech32m, BIP-173/350),
    checked by embit; the same forms of the test networks are well formed but worth nothing."""
    lowered = value.lower()
    if _BECH32.fullmatch(lowered):
        if value not in (lowered, value.upper()):
            return AddressForm(AddressFamily.BITCOIN, "malformed")  # BIP-173: never mixed case
        hrp = lowered.split("1", 1)[0]
        version, _ = embit_bech32.decode(hrp, lowered)
        if version is None:
            return AddressForm(AddressFamily.BITCOIN, "bech32")
        return AddressForm(AddressFamily.BITCOIN, None if hrp == "bc" else "testnet")
    raw = _base58(value)
    if raw is None or len(raw) != 21:
        return None
    if raw[0] in _BTC_MAINNET_VERSIONS:
        return AddressForm(AddressFamily.BITCOIN)
    return AddressForm(AddressFamily.BITCOIN, "testnet") if raw[0] in _BTC_TESTNET_VERSIONS else None


# ---------------------------------------------------------------------------------------------
# Solana: Base58 without a check (an address is 32 bytes, 32 to 44 characters; a signature 64 bytes, 87 or 88).
# Bitcoin's and Tron's Base58Check addresses are 25 bytes: the decoded length alone tells them apart.

_SOLANA_ADDRESS_LENGTHS = range(32, 45)
_SOLANA_SIGNATURE_LENGTHS = range(86, 89)  # 86 only where the first bytes are small; 87 or 88 as a rule


def _base58_size(value: str) -> int | None:
    if not set(value) <= _BASE58_CHARS:
        return None
    try:
        return len(base58.b58decode(value))
    except ValueError:
        return None


def _solana_signature(value: str) -> bool:
    return len(value) in _SOLANA_SIGNATURE_LENGTHS and _base58_size(value) == 64


def _solana_form(value: str) -> AddressForm | None:
    """A Solana account: 32 bytes in Base58, on the ed25519 curve (a wallet) or not (a program-derived address,
    such as a token account). Base58 has no check digits: a mistyped Solana address is another valid address."""
    if len(value) not in _SOLANA_ADDRESS_LENGTHS or _base58_size(value) != 32:
        return None
    return AddressForm(AddressFamily.SOLANA)


@dataclass(frozen=True)
class FamilyForms:
    """How a chain family writes its hashes and addresses: the sniffing half of the family registry
    (``diagnostics.chains`` holds the other half, its adapter). ``hash_prefix`` is how its nodes want a
    hash written; ``address`` recognises an address of the family, well formed or saying what is wrong;
    ``shared_prefix`` is how many leading characters every address of its kind shares (``0x``, Tron's ``T``,
    ``bc1q``), which tell two addresses apart no more than they tell them together; ``alphabet`` is the
    alphabet the rest is written in."""

    hash_forms: frozenset[HashForm]
    hash_prefix: str
    address: Callable[[str], AddressForm | None]
    shared_prefix: Callable[[str], int]
    alphabet: Callable[[str], Alphabet]
    # Where one account has several written forms (TON's raw 0:… and user-friendly EQ…/UQ…), the one form every
    # comparison uses; ``None``: the address is compared as written.
    canonical: Callable[[str], str] | None = None
    # How the family's nodes want a hash written, where more than a prefix and lower case (TON: base64 to hex).
    hash_normal: Callable[[str], str] | None = None


@dataclass(frozen=True)
class Alphabet:
    """What one character of an address carries: ``bits`` each, and ``first_bits`` for the first free one where
    the version byte before it skews it (Base58: a Tron ``T…`` or a P2SH ``3…`` address's second character
    takes only 25 of the 58 values, measured over random addresses)."""

    bits: float
    first_bits: float


HEX = Alphabet(4.0, 4.0)
BECH32 = Alphabet(5.0, 5.0)
BASE58 = Alphabet(math.log2(58), math.log2(25))
# A Solana address has no version byte: its first character is as free as the rest (bar the rare short ones).
SOLANA_BASE58 = Alphabet(math.log2(58), math.log2(58))
BASE64 = Alphabet(6.0, 6.0)


def _bitcoin_prefix(value: str) -> int:
    # bech32: "bc1" and the witness version ("q" segwit v0, "p" taproot); Base58Check: the version character.
    return len(value.split("1", 1)[0]) + 2 if _BECH32.fullmatch(value.lower()) else 1


def _bitcoin_alphabet(value: str) -> Alphabet:
    return BECH32 if _BECH32.fullmatch(value.lower()) else BASE58


# ---------------------------------------------------------------------------------------------
# TON: an account is written raw (workchain:64 hex) or user-friendly (36 bytes in base64url: a tag byte saying
# bounceable or not and mainnet or testnet, the workchain, the 32-byte account id and a CRC16). Every form of one
# account is the same account; pytoniq-core reads them all. A transaction hash is 32 bytes, in hex or base64.

_TON_RAW = re.compile(r"(?:0|-1):[0-9a-fA-F]{64}")
_TON_FRIENDLY = re.compile(r"[A-Za-z0-9_+/-]{48}")
_TON_TESTNET_TAGS = {0x91, 0xD1}
_TON_TAGS = {0x11, 0x51, *_TON_TESTNET_TAGS}  # bounceable or not, mainnet or testnet
_BASE64_HASH = re.compile(r"[A-Za-z0-9_+/-]{43}=?")


def _ton_bytes(value: str) -> bytes | None:
    try:
        return base64.b64decode(value.replace("-", "+").replace("_", "/"), validate=True)
    except ValueError:
        return None


def _ton_friendly(value: str) -> bool:
    """A TON address in its user-friendly form: 36 bytes in base64 (url-safe or not) whose CRC16 checks."""
    raw = _ton_bytes(value)
    return (
        raw is not None
        and len(raw) == 36
        and raw[0] in _TON_TAGS
        and raw[1] in (0x00, 0xFF)
        and binascii.crc_hqx(raw[:34], 0) == int.from_bytes(raw[34:], "big")
    )


def _ton_form(value: str) -> AddressForm | None:
    if _TON_RAW.fullmatch(value):
        return AddressForm(AddressFamily.TON)
    if not _TON_FRIENDLY.fullmatch(value):
        return None
    if _ton_friendly(value):
        testnet = (_ton_bytes(value) or b"\0")[0] in _TON_TESTNET_TAGS
        return AddressForm(AddressFamily.TON, "testnet" if testnet else None)
    looks_ton = value[:2] in ("EQ", "UQ", "kQ", "0Q", "Ef", "Uf")
    return AddressForm(AddressFamily.TON, "malformed") if looks_ton else None


def ton_raw(value: str) -> str:
    """The raw form (``0:`` + 64 lower-case hex) of a TON address in any form; the text itself if it is none."""
    text = _strip(value)
    if _TON_RAW.fullmatch(text):
        workchain, account = text.split(":")
        return f"{workchain}:{account.lower()}"
    raw = _ton_bytes(text) if _TON_FRIENDLY.fullmatch(text) and _ton_friendly(text) else None
    if raw is None:
        return text
    return f"{-1 if raw[1] == 0xFF else 0}:{raw[2:34].hex()}"


def _base64_hash(value: str) -> bytes | None:
    if not _BASE64_HASH.fullmatch(value):
        return None
    raw = _ton_bytes(value if value.endswith("=") else value + "=")
    return raw if raw is not None and len(raw) == 32 else None


def _ton_hash(value: str) -> str:
    """A TON transaction hash as 64 lower-case hex, from hex (``0x`` or not) or base64/base64url."""
    raw = _base64_hash(value)
    if raw is not None:
        return raw.hex()
    return (value[2:] if value[:2].lower() == "0x" else value).lower()


# A Tron id is bare hex, but users paste it with a 0x too; Bitcoin txids never carry one. The order is the
# order addresses are tried in.
FAMILIES: dict[str, FamilyForms] = {
    AddressFamily.EVM: FamilyForms(
        frozenset({HashForm.EVM, HashForm.BARE_HEX64}), "0x", _evm_form, lambda _: 2, lambda _: HEX
    ),
    AddressFamily.TRON: FamilyForms(
        frozenset({HashForm.EVM, HashForm.BARE_HEX64}), "", _tron_form, lambda _: 1, lambda _: BASE58
    ),
    AddressFamily.BITCOIN: FamilyForms(
        frozenset({HashForm.BARE_HEX64}), "", _bitcoin_form, _bitcoin_prefix, _bitcoin_alphabet
    ),
    # Solana addresses share no prefix: every character is the account's own.
    AddressFamily.SOLANA: FamilyForms(
        frozenset({HashForm.BASE58_SIGNATURE}),
        "",
        _solana_form,
        lambda _: 0,
        lambda _: SOLANA_BASE58,
        hash_normal=lambda value: value,  # Base58 is case-sensitive: a signature is used as written
    ),
    # TON: a hash in hex or base64; an address raw or user-friendly ("EQ"/"UQ" and the like: the tag and workchain).
    AddressFamily.TON: FamilyForms(
        frozenset({HashForm.BARE_HEX64, HashForm.BASE64_HASH}),
        "",
        _ton_form,
        lambda value: 2 if _TON_FRIENDLY.fullmatch(value) else 2 + value.index(":") if ":" in value else 0,
        lambda value: HEX if ":" in value else BASE64,
        canonical=ton_raw,
        hash_normal=_ton_hash,
    ),
}

# Wallets show an address's first and last few characters ("0x1234…cdef"); beyond this many on a side, more
# shared characters are no more convincing to a person, and are not counted.
_SHOWN = 10


@dataclass(frozen=True)
class Likeness:
    """How two different addresses of one kind look alike: the distinctive characters they share at the start
    (``head``) and at the end (``tail``), and the bits those carry: sharing them by chance is one in 2^bits."""

    head: int
    tail: int
    bits: float


def likeness(a: str, b: str) -> Likeness:
    """How alike ``a`` and ``b`` look where a wallet shows them; nothing alike for one address written twice
    or addresses of different kinds."""
    fa, fb = address_form(a), address_form(b)
    forms = FAMILIES.get(fa.family) if fa.family is not None else None
    x, y = distinctive(a), distinctive(b)
    if forms is None or fa.family != fb.family or x == y:
        return Likeness(0, 0, 0.0)
    head = 0
    while head < min(len(x), len(y), _SHOWN) and x[head] == y[head]:
        head += 1
    tail = 0
    while tail < min(len(x), len(y), _SHOWN) - head and x[-1 - tail] == y[-1 - tail]:
        tail += 1
    alphabet = forms.alphabet(_strip(a))
    bits = (head + tail) * alphabet.bits - (alphabet.bits - alphabet.first_bits if head else 0.0)
    return Likeness(head, tail, round(bits, 1))


def distinctive(address: str) -> str:
    """The characters that tell one address from another of its kind (lower case where case is no part of it):
    what a look-alike imitates."""
    value = _strip(address)
    form = address_form(value)
    forms = FAMILIES.get(form.family) if form.family else None
    body = value[forms.shared_prefix(value) :] if forms else value
    return body.lower() if form.family in (AddressFamily.EVM, None) or _BECH32.fullmatch(value.lower()) else body


@lru_cache(maxsize=4096)
def address_form(text: str) -> AddressForm:
    """(Remembered: every check of a case asks about the same few addresses, and an EVM checksum is a hash.)"""
    value = _strip(text)
    if not value:
        return AddressForm(None, "empty")
    if len(value) > _MAX_ADDRESS_LENGTH:
        return AddressForm(None, "malformed")
    for forms in FAMILIES.values():
        form = forms.address(value)
        if form is not None:
            return form
    return AddressForm(None, "malformed")


def normalize_address(text: str) -> str:
    """The address as chains and reports write it: a Tron ``41…`` hex address becomes its Base58 ``T…`` form,
    and a bech32 address (which BIP-173 lets a user write in capitals, as QR codes do) its lower-case form."""
    value = _strip(text)
    if len(value) == 42 and value[:2] == "41" and _HEX.fullmatch(value):
        return base58.b58encode_check(bytes.fromhex(value)).decode()
    if value.isupper() and _BECH32.fullmatch(value.lower()):
        return value.lower()
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
    form = address_form(a)
    forms = FAMILIES.get(form.family) if form.family is not None else None
    if forms is not None and forms.canonical is not None:
        return forms.canonical(a) == forms.canonical(b)
    return a.lower() == b.lower() if a[:2].lower() == "0x" else a == b


# ---------------------------------------------------------------------------------------------
# Networks Deposit Doctor does not diagnose. A case on one of them is named as such, never guessed onto a network
# it can ask: a Litecoin or XRP hash is 64 hex digits like a Tron or Bitcoin one, and only the address or the
# explorer link beside it tells them apart. Display names are the names users know; none may name a network of
# resources/networks.toml (a test holds them apart), so a network added there stops being "unsupported" here.

XRP_LEDGER = "XRP Ledger"
BNB_BEACON_CHAIN = "BNB Beacon Chain"
LITECOIN = "Litecoin"
DOGECOIN = "Dogecoin"
AVALANCHE_X_CHAIN = "Avalanche X-Chain"

# Explorer hosts of unsupported networks. Sources: gemwalletcom/core@4e39193e9c7a4d66e809aec9be85deffc829b0c0
# crates/primitives/src/explorers/{solana,xrpscan,ton,etherscan,stellar_expert,cardano,near,sui,aptos}.rs
# (solscan.io, solana.fm, xrpscan.com, tonscan.org, tonviewer.com, opbnb.bscscan.com, ftmscan.com …);
# explorer.solana.com, livenet.xrpl.org and explorer.bnbchain.org (the Beacon Chain's, BEP-2) as public code links
# them (e.g. "https://explorer.bnbchain.org/tx/{}" for "bnbchain" beside "https://bscscan.com/tx/{}" for "bsc").
# Not from a stored source, but long-standing: bithomp.com (XRP), explorer.binance.org (the Beacon Chain's first
# explorer), litecoinspace.org, dogechain.info.
_UNSUPPORTED_HOSTS: dict[str, str] = {
    "xrpscan.com": XRP_LEDGER,
    "livenet.xrpl.org": XRP_LEDGER,
    "bithomp.com": XRP_LEDGER,
    "explorer.bnbchain.org": BNB_BEACON_CHAIN,
    "explorer.binance.org": BNB_BEACON_CHAIN,
    "opbnb.bscscan.com": "opBNB",
    "litecoinspace.org": LITECOIN,
    "dogechain.info": DOGECOIN,
    "ftmscan.com": "Fantom",
    "gnosisscan.io": "Gnosis",
    "lineascan.build": "Linea",
    "era.zksync.network": "zkSync Era",
    "explorer.zksync.io": "zkSync Era",
    "celoscan.io": "Celo",
    "mantlescan.xyz": "Mantle",
    "stellar.expert": "Stellar",
    "cardanoscan.io": "Cardano",
    "nearblocks.io": "NEAR",
    "suiscan.xyz": "Sui",
    "suivision.xyz": "Sui",
    "aptoscan.com": "Aptos",
}
# Multi-chain explorers name the chain in the path (blockchair.com/<chain>/transaction/…, oklink.com/<chain>/tx/…,
# a language segment such as en/ may come first on OKLink), and the pages a link may be.
MULTI_CHAIN_EXPLORERS: dict[str, tuple[str, ...]] = {
    "blockchair.com": ("transaction", "address"),
    "3xpl.com": ("transaction", "address"),
    "oklink.com": ("tx", "address"),
}
# Their chain names for the networks the app serves (diagnostics.intake.text reads these links by this table).
# blockchair.com and 3xpl.com: gemwalletcom/core crates/primitives/src/explorers/blockchair.rs and threexpl.rs
# (ethereum, bnb for BNB Smart Chain, polygon, arbitrum-one, optimism, base, avalanche for the C-Chain, tron, bitcoin);
# oklink.com as public code links it (www.oklink.com/eth/tx/, /bsc, /polygon/tx/, /arbitrum and /arbitrum-one,
# /optimism, /base/tx/, /avax, /trx/tx/, /btc/tx/).
SERVED_CHAIN_PATHS: dict[str, str] = {
    "ethereum": "ethereum",
    "eth": "ethereum",
    "bnb": "bsc",
    "bsc": "bsc",
    "polygon": "polygon",
    "arbitrum-one": "arbitrum",
    "arbitrum": "arbitrum",
    "optimism": "optimism",
    "base": "base",
    "avalanche": "avalanche",
    "avax": "avalanche",
    "tron": "tron",
    "trx": "tron",
    "bitcoin": "bitcoin",
    "btc": "bitcoin",
    "solana": "solana",
    "sol": "solana",
    "ton": "ton",
}
# Their names for networks the app does not serve (blockchair.rs, threexpl.rs; oklink.com/sol/tx/ in public code).
# A chain name in neither table is shown as the explorer writes it: it is no network of ours either.
_UNSUPPORTED_CHAIN_PATHS: dict[str, str] = {
    "xrp-ledger": XRP_LEDGER,
    "ripple": XRP_LEDGER,
    "litecoin": LITECOIN,
    "ltc": LITECOIN,
    "dogecoin": DOGECOIN,
    "doge": DOGECOIN,
    "bitcoin-cash": "Bitcoin Cash",
    "zcash": "Zcash",
    "stellar": "Stellar",
    "opbnb": "opBNB",
    "fantom": "Fantom",
    "gnosis-chain": "Gnosis",
    "linea": "Linea",
    "aptos": "Aptos",
    "polkadot": "Polkadot",
    "cardano": "Cardano",
    "ethereum-classic": "Ethereum Classic",
}
# Network names exchanges write for networks the app does not serve, compared as ``name_key`` writes them. Sources:
# ccxt/ccxt ts/src/bybit.ts options.networks (SOL, XRP, LTC, DOGE, TON, BNB for BEP-2, XAVAX) and ts/src/mexc.ts
# ('Solana(SOL)', 'Ripple(XRP)', 'Toncoin(TON)', 'Litecoin(LTC)', 'Dogecoin(DOGE)', 'Avalanche X Chain(AVAX XCHAIN)'):
# the parts in brackets are looked up on their own by the CSV reader.
_UNSUPPORTED_NAMES: dict[str, str] = {
    **dict.fromkeys(("xrp", "ripple", "xrpl", "xrpledger"), XRP_LEDGER),
    **dict.fromkeys(("bep2", "bnbbeaconchain", "bnbbeacon", "beaconchain", "binancechain"), BNB_BEACON_CHAIN),
    **dict.fromkeys(("ltc", "litecoin"), LITECOIN),
    **dict.fromkeys(("doge", "dogecoin"), DOGECOIN),
    **dict.fromkeys(("xavax", "avaxx", "avaxxchain", "avalanchexchain", "xchain"), AVALANCHE_X_CHAIN),
    **dict.fromkeys(("bch", "bitcoincash"), "Bitcoin Cash"),
    **dict.fromkeys(("etc", "ethereumclassic"), "Ethereum Classic"),
    **dict.fromkeys(("ada", "cardano"), "Cardano"),
    **dict.fromkeys(("dot", "polkadot"), "Polkadot"),
    **dict.fromkeys(("atom", "cosmos", "cosmoshub"), "Cosmos"),
    **dict.fromkeys(("xlm", "stellar"), "Stellar"),
    **dict.fromkeys(("apt", "aptos"), "Aptos"),
    **dict.fromkeys(("sui",), "Sui"),
    **dict.fromkeys(("near", "nearprotocol"), "NEAR"),
    **dict.fromkeys(("ftm", "fantom"), "Fantom"),
    **dict.fromkeys(("opbnb",), "opBNB"),
    **dict.fromkeys(("zksync", "zksyncera", "zksynclite"), "zkSync Era"),
    **dict.fromkeys(("linea",), "Linea"),
    **dict.fromkeys(("omni", "omnilayer"), "Omni Layer"),
    **dict.fromkeys(("lightning", "lightningnetwork", "btclightning"), "Lightning Network"),
    **dict.fromkeys(("kaspa", "kas"), "Kaspa"),
    **dict.fromkeys(("trc10",), "Tron (TRC-10)"),
}
_BASE58_CHARS = frozenset("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")
_MAX_LINK_HOST = 253  # the longest DNS name


def unsupported_network(text: str) -> str | None:
    """The display name of the network a hash, address or explorer link belongs to, where that network is one the app
    does not serve ("Solana", "XRP Ledger", "BNB Beacon Chain" …); ``None`` for anything else, a served network's
    value included, and for a bare 64-hex hash, which several networks write alike.

    Pure and linear: a link is read by its host and first path segments, an address by its form and check digits
    (only a value of an address's length is decoded)."""
    value = text.strip()
    if not value:
        return None
    if "://" in value or ("/" in value and "." in value.split("/", 1)[0]):
        return _unsupported_link(value)
    if len(value) > _MAX_ADDRESS_LENGTH or address_form(value).family is not None:
        return None
    return _unsupported_address(value)


def unsupported_network_name(name: str) -> str | None:
    """The display name of the unsupported network an exchange's network name means ("SOL", "BEP2", "Toncoin"), or
    ``None``. The caller looks a name up among the served networks first: "BNB" is BNB Smart Chain there."""
    return _UNSUPPORTED_NAMES.get("".join(c for c in name.lower() if c.isalnum()))


def multi_chain_link(link: str) -> tuple[str, str] | None:
    """``(chain, page)`` of a multi-chain explorer's link (``blockchair.com/litecoin/transaction/…`` gives
    ``("litecoin", "transaction")``), or ``None``."""
    rest = link.strip().split("://", 1)[-1]
    host, _, path = rest.partition("/")
    pages = MULTI_CHAIN_EXPLORERS.get(host.lower().removeprefix("www."))
    if pages is None:
        return None
    parts = path.split("/", 3)[:3]
    if len(parts) == 3 and parts[1] not in pages and parts[2] in pages:
        parts = parts[1:]  # a language segment first ("en/", "zh-hans/")
    return (parts[0].lower(), parts[1]) if len(parts) >= 2 and parts[0] and parts[1] in pages else None


def _unsupported_link(link: str) -> str | None:
    host = link.split("://", 1)[-1].split("/", 1)[0].lower().removeprefix("www.")
    if len(host) > _MAX_LINK_HOST:
        return None
    if host in _UNSUPPORTED_HOSTS:
        return _UNSUPPORTED_HOSTS[host]
    page = multi_chain_link(link)
    if page is None or page[0] in SERVED_CHAIN_PATHS:
        return None
    return _UNSUPPORTED_CHAIN_PATHS.get(page[0], page[0])


def _unsupported_address(value: str) -> str | None:
    lowered = value.lower()
    if lowered.startswith(("bnb1", "tbnb1")):
        encoding, hrp, _ = embit_bech32.bech32_decode(lowered)
        return BNB_BEACON_CHAIN if encoding is not None and hrp in ("bnb", "tbnb") else None
    if lowered.startswith(("x-avax1", "avax1")):
        encoding, hrp, _ = embit_bech32.bech32_decode(lowered.removeprefix("x-"))
        return AVALANCHE_X_CHAIN if encoding is not None and hrp == "avax" else None
    if lowered.startswith("ltc1"):
        version, _ = embit_bech32.decode("ltc", lowered)
        return LITECOIN if version is not None else None
    if not set(value) <= _BASE58_CHARS:
        return None
    return _unsupported_base58(value)


def _unsupported_base58(value: str) -> str | None:
    """Base58 forms: an XRP account (its own alphabet, starting with r), a Litecoin or Dogecoin Base58Check address
    (their version bytes). (A Solana account or signature is a served network's: ``address_form`` and ``hash_form``
    know them.)"""
    if value.startswith("r"):
        try:
            raw = base58.b58decode_check(value, alphabet=base58.XRP_ALPHABET)
        except ValueError:
            raw = b""
        if len(raw) == 21 and raw[0] == 0:
            return XRP_LEDGER
    checked = _base58(value)
    if checked is not None and len(checked) == 21:
        return {0x30: LITECOIN, 0x32: LITECOIN, 0x1E: DOGECOIN, 0x16: DOGECOIN}.get(checked[0])
    return None
