"""A local Esplora REST API (Blockstream's electrs, as blockstream.info and mempool.space serve it).

No Bitcoin node runs here, so this server stands in for one at the HTTP level, for the endpoints a
deposit check asks. What it answers follows the real servers' source, read at these commits:

- Blockstream/electrs ``src/rest.rs`` (new-index, abfbce7) and mempool/electrs ``src/rest.rs`` (80758ea):
  routes, JSON shapes and key order (serde struct order, ``None`` fields left out), content types
  (``application/json`` for JSON, ``text/plain`` for bare values and for every error), and the error
  texts: an unknown txid is 404 ``Transaction not found``; a txid that is not 64 hex digits is 400
  ``Invalid hex string`` (``Txid::from_hex`` fails with ``hashes::hex::Error``); a bad number is 400
  ``Invalid number``; a height above the tip is 404 ``Block not found``; any other path is 404
  ``endpoint does not exist "<path>"``. ``/tx/:txid/status`` of an unknown txid is 200
  ``{"confirmed":false}`` (``get_tx_status`` only asks which block confirmed it), exactly as the real
  API does: status alone cannot tell unknown from pending. mempool/electrs adds ``sigops`` (the sigop
  cost, ``util/transaction.rs``); Blockstream's does not.
- rust-bitcoin's ``Script::fmt_asm`` and opcode names for ``*_asm``; electrs' script types and
  ``get_innerscripts`` for ``inner_redeemscript_asm`` / ``inner_witnessscript_asm``.
- mempool/mempool (3b6ed8b) for what only mempool.space has: ``/v1/fees/recommended`` and
  ``/v1/tx/:txid/rbf`` (``bitcoin.routes.ts`` ``getRbfHistory`` and ``rbf-cache.ts``' ``RbfTree``: the whole
  replacement tree and the txids this one replaced, ``null`` when there are none; a bad txid is 400
  ``Invalid transaction ID``, as JSON ``{"error": …}`` to a client that accepts JSON). nginx sends every
  other ``/api/`` path to electrs there (``production/nginx/location-api.conf``).
- The recorded answers in ``resources/sandbox/esplora/recorded`` (copied from ../shared/fixtures/esplora)
  are served by their txids, rebuilt into real transactions whose txid must match, and rendered by the
  same code as the scenarios; the tests hold the rendering equal to the recording.

Scenario transactions are real, signed Bitcoin transactions (embit): the txid is the double SHA-256 of
the serialization without witnesses, ``/tx/:txid/hex`` is the full serialization, and size, weight, fee
and sigops come from it. ``fund`` pays an address in a coinbase; ``send`` spends the node's own coins
(P2WPKH, P2PKH, P2SH-P2WPKH or P2TR keys from ``new_address``) to addresses of any kind; ``mine``
confirms what pays at least ``mining_fee_rate``; ``replace`` is a BIP 125 fee bump.

Faults: the base class's ("429", "500", "garbage", "hang", "drip") plus "huge" (an 8 MiB JSON body) and
"nested" (300 000 ``[``). ``fault_paths`` maps a route (one of ``ROUTES``) to an HTTP status or to
"huge", "nested" or "garbage", so one endpoint fails while the others answer. A testnet node
(``network="testnet"``) is the wrong-network case: testnet ids and tip behind a URL a client may think
is mainnet.
"""

from __future__ import annotations

import hashlib
import json
import math
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from embit import bech32
from embit.base58 import decode_check, encode_check
from embit.ec import PrivateKey
from embit.script import Script, Witness, p2pkh, p2sh, p2tr, p2wpkh, script_sig_p2pkh
from embit.transaction import SIGHASH, Transaction, TransactionInput, TransactionOutput

from desktop.sandbox.http_server import LocalHttpServer

RECORDED = resources.files("diagnostics.resources").joinpath("sandbox", "esplora", "recorded")
CONFIRMED_MAINNET = "20b984492b5264162a4c92c9a34bc7fa08b67d669de7b4c5982ad3cb28aaecf6"
UNCONFIRMED_MAINNET = "b6a53d8a8025c0c5b194345925a99741b645cae0b1f180f0613273029f2bf698"
CONFIRMED_TESTNET = "19c6cd6b7b8a91e1a63d759eedd2818877a624771d38e00c3ffcedfdd09afc50"
# UNCONFIRMED_MAINNET replaced this one (mempool/mempool frontend/cypress/fixtures/details_rbf/tx01_api_cached.json
# and tx02_api_rbf.json, 3b6ed8b): mempool.space first saw it at 1743541407 and its replacement at 1743541726.
RECORDED_REPLACED = "242f3fff9ca7d5aea7a7a57d886f3fa7329e24fac948598a991b3a3dd631cd29"
_RECORDED_REPLACED_FACTS = {"fee": 606, "weight": 932, "value": 49394, "rbf": True, "time": 1743541407}
_RECORDED_REPLACEMENT_SEEN = 1743541726

# electrs' error texts (src/rest.rs: HttpError::not_found / From<hashes::hex::Error> / From<ParseIntError>).
TX_NOT_FOUND = "Transaction not found"
INVALID_HEX = "Invalid hex string"
INVALID_NUMBER = "Invalid number"
BLOCK_NOT_FOUND = "Block not found"
# mempool's backend (bitcoin.routes.ts, TXID_REGEX check).
INVALID_TXID = "Invalid transaction ID"

ROUTES = (
    "blocks",
    "blocks/tip/height",
    "blocks/tip/hash",
    "block-height/:height",
    "tx/:txid",
    "tx/:txid/status",
    "tx/:txid/hex",
    "tx/:txid/raw",
    "tx/:txid/outspends",
    "tx/:txid/outspend/:vout",
    "mempool",
    "fee-estimates",
    "v1/fees/recommended",
    "v1/tx/:txid/rbf",
)


@dataclass(frozen=True)
class _Network:
    """Address prefixes, a real block (the recorded one's) that places the default tip at "now", and the
    network's real genesis block (how a client tells mainnet from testnet)."""

    hrp: str
    p2pkh: int
    p2sh: int
    reference: tuple[int, int]
    genesis: tuple[str, int]


# Genesis hashes and times: bitcoin/bitcoin src/kernel/chainparams.cpp (CMainParams, CTestNetParams asserts).
_NETWORKS = {
    "mainnet": _Network(
        "bc",
        0x00,
        0x05,
        (848_136, 1_718_517_071),
        ("000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f", 1_231_006_505),
    ),
    "testnet": _Network(
        "tb",
        0x6F,
        0xC4,
        (2_131_550, 1_639_665_463),
        ("000000000933ea01ad0ee984209779baaec3ced90fa3f408719526f8d77f4943", 1_296_688_602),
    ),
}
_JSON = "application/json"
_EXPRESS_JSON = "application/json; charset=utf-8"  # what Express's res.json() sends (mempool's /v1 routes)
_TEXT = "text/plain"
_HEX = frozenset("0123456789abcdefABCDEF")
_DUST = 546
_BLOCK_SECONDS = 600
_RBF_SEQUENCE = 0xFFFFFFFD  # BIP 125 signal, as wallets set it
_FINAL_SEQUENCE = 0xFFFFFFFE  # no signal, locktime still enforced (anti-fee-sniping)
_KINDS = ("p2wpkh", "p2pkh", "p2sh-p2wpkh", "p2tr")
_HUGE_BYTES = 8 * 1024 * 1024
_NESTING = 300_000

# rust-bitcoin's opcode names (blockdata/opcodes.rs, Display), 0x61 OP_NOP … 0xaf OP_CHECKMULTISIGVERIFY.
_OPCODE_WORDS = (
    "NOP VER IF NOTIF VERIF VERNOTIF ELSE ENDIF VERIFY RETURN TOALTSTACK FROMALTSTACK 2DROP 2DUP 3DUP 2OVER "
    "2ROT 2SWAP IFDUP DEPTH DROP DUP NIP OVER PICK ROLL ROT SWAP TUCK CAT SUBSTR LEFT RIGHT SIZE INVERT AND "
    "OR XOR EQUAL EQUALVERIFY RESERVED1 RESERVED2 1ADD 1SUB 2MUL 2DIV NEGATE ABS NOT 0NOTEQUAL ADD SUB MUL "
    "DIV MOD LSHIFT RSHIFT BOOLAND BOOLOR NUMEQUAL NUMEQUALVERIFY NUMNOTEQUAL LESSTHAN GREATERTHAN "
    "LESSTHANOREQUAL GREATERTHANOREQUAL MIN MAX WITHIN RIPEMD160 SHA1 SHA256 HASH160 HASH256 CODESEPARATOR "
    "CHECKSIG CHECKSIGVERIFY CHECKMULTISIG CHECKMULTISIGVERIFY"
)
_OPCODES = dict(zip(range(0x61, 0xB0), _OPCODE_WORDS.split(), strict=True))
_OPCODES.update(
    {0x4C: "PUSHDATA1", 0x4D: "PUSHDATA2", 0x4E: "PUSHDATA4", 0x4F: "PUSHNUM_NEG1", 0x50: "RESERVED"}
    | {0xB1: "CLTV", 0xB2: "CSV", 0xBA: "CHECKSIGADD", 0xFF: "INVALIDOPCODE"}
)
_PUSHDATA_WIDTH = {0x4C: 1, 0x4D: 2, 0x4E: 4}
# Legacy-context classes (opcodes.rs classify): what makes a script provably unspendable by its first opcode.
_ILLEGAL = {0x65, 0x66, 0xFF, *range(0x7E, 0x82), *range(0x83, 0x87), 0x8D, 0x8E, *range(0x95, 0x9A)}
_RETURNING = {0x6A, 0x50, 0x89, 0x8A, 0x62, *range(0xBA, 0xFF)}


def recorded(name: str) -> Any:
    """A recorded answer: JSON parsed, anything else as text."""
    text = (RECORDED / name).read_text(encoding="utf-8")
    return json.loads(text) if name.endswith(".json") else text


# -- scripts, the way electrs prints them -------------------------------------------------------------


def opcode_name(op: int) -> str:
    if op <= 75:
        return f"OP_PUSHBYTES_{op}"
    if 0x51 <= op <= 0x60:
        return f"OP_PUSHNUM_{op - 0x50}"
    if op in _OPCODES:
        return f"OP_{_OPCODES[op]}"
    if 0xB0 <= op <= 0xB9:
        return f"OP_NOP{op - 0xB0 + 1}"
    return f"OP_RETURN_{op}"


def script_asm(script: bytes) -> str:
    """rust-bitcoin's ``Script::fmt_asm``: ``OP_0`` for an empty push, hex after each push, its error marks."""
    out, i = "", 0
    while i < len(script):
        op = script[i]
        i += 1
        size = op if op <= 75 else 0
        if op in _PUSHDATA_WIDTH:
            width = _PUSHDATA_WIDTH[op]
            if len(script) < i + width:
                out += "<unexpected end>"
                break
            size = int.from_bytes(script[i : i + width], "little")
            i += width
        out += (" " if out else "") + ("OP_0" if op == 0 else opcode_name(op))
        if size:
            if i + size > len(script):
                out += " <push past end>"
                break
            out += " " + script[i : i + size].hex()
            i += size
    return out


_BROKEN = -1  # the opcode _instructions yields for a push that runs past the end, its last item


def _instructions(script: bytes) -> Iterator[tuple[int, bytes | None]]:
    """(opcode, pushed bytes or None) as rust-bitcoin's ``instructions()``: a broken push ends it with an error."""
    i = 0
    while i < len(script):
        op = script[i]
        i += 1
        if op > 0x4E:
            yield op, None
            continue
        size = op
        if op in _PUSHDATA_WIDTH:
            width = _PUSHDATA_WIDTH[op]
            if len(script) < i + width:
                yield _BROKEN, None
                return
            size = int.from_bytes(script[i : i + width], "little")
            i += width
        if i + size > len(script):
            yield _BROKEN, None
            return
        yield op, script[i : i + size]
        i += size


def _last_push(script: bytes) -> bytes | None:
    """What the script pushes last, if its last instruction is a good push (a P2SH redeem script)."""
    steps = list(_instructions(script))
    return steps[-1][1] if steps and steps[-1][0] != _BROKEN else None


def _push_only(script: bytes) -> bool:
    return all(op != _BROKEN and data is not None for op, data in _instructions(script))


def script_type(spk: bytes) -> str:
    """electrs' ``scriptpubkey_type`` (mempool/electrs TxOutValue::new), in its order of tests."""
    n = len(spk)
    if n == 0:
        return "empty"
    if spk[0] == 0x6A:
        return "op_return"
    if (n == 67 and spk[0] == 0x41 and spk[-1] == 0xAC) or (n == 35 and spk[0] == 0x21 and spk[-1] == 0xAC):
        return "p2pk"
    if n == 25 and spk[:3] == b"\x76\xa9\x14" and spk[-2:] == b"\x88\xac":
        return "p2pkh"
    if n == 23 and spk[:2] == b"\xa9\x14" and spk[-1] == 0x87:
        return "p2sh"
    if n == 22 and spk[:2] == b"\x00\x14":
        return "v0_p2wpkh"
    if n == 34 and spk[:2] == b"\x00\x20":
        return "v0_p2wsh"
    if n == 34 and spk[:2] == b"\x51\x20":
        return "v1_p2tr"
    if spk == b"\x51\x02\x4e\x73":
        return "anchor"
    if spk[0] in _RETURNING or spk[0] in _ILLEGAL:
        return "provably_unspendable"
    if n >= 37 and spk[-1] == 0xAE and 0x51 <= spk[-2] <= 0x5F and 0x51 <= spk[0] <= spk[-2]:
        return "multisig"
    return "unknown"


def _witness_program(spk: bytes) -> tuple[int, bytes] | None:
    """(version, program) of a witness output script (rust-bitcoin ``is_witness_program``)."""
    if not (4 <= len(spk) <= 42 and (spk[0] == 0 or 0x51 <= spk[0] <= 0x60) and 2 <= spk[1] <= 40):
        return None
    if len(spk) - 2 != spk[1]:
        return None
    return (spk[0] - 0x50 if spk[0] else 0), spk[2:]


def _count_sigops(script: bytes, accurate: bool) -> int:
    """mempool/electrs ``count_sigops``: a multisig counts its keys only when ``accurate`` and pushed just before."""
    n, pushnum = 0, None
    for op, data in _instructions(script):
        if op == _BROKEN:
            break
        if data is not None:
            pushnum = None
        elif op in (0xAC, 0xAD):
            n += 1
        elif op in (0xAE, 0xAF):
            n += pushnum if accurate and pushnum is not None else 20
        else:
            pushnum = op - 0x50 if 0x51 <= op <= 0x60 else None
    return n


def sigop_cost(tx: Transaction, prevouts: Sequence[TransactionOutput | None]) -> int:
    """mempool/electrs ``transaction_sigop_count``: Bitcoin Core's sigop cost (legacy and P2SH × 4, witness × 1)."""
    legacy = sum(_count_sigops(i.script_sig.data, False) for i in tx.vin)
    legacy += sum(_count_sigops(o.script_pubkey.data, False) for o in tx.vout)
    cost = legacy * 4
    if _is_coinbase(tx.vin[0]) or any(p is None for p in prevouts):
        return cost
    for inp, prev in zip(tx.vin, prevouts, strict=True):
        assert prev is not None
        spk, sig = prev.script_pubkey.data, inp.script_sig.data
        redeem = _last_push(sig) if script_type(spk) == "p2sh" else None
        if redeem is not None:
            cost += _count_sigops(redeem, True) * 4
        if _witness_program(spk):
            program = spk
        elif redeem is not None and _push_only(sig):
            program = redeem
        else:
            continue
        if script_type(program) == "v0_p2wpkh":
            cost += 1
        elif script_type(program) == "v0_p2wsh" and inp.witness.items:
            cost += _count_sigops(inp.witness.items[-1], True)
    return cost


def _is_coinbase(inp: TransactionInput) -> bool:
    return bool(inp.txid == bytes(32) and inp.vout == 0xFFFFFFFF)


def _inner_scripts(inp: TransactionInput, prev: TransactionOutput) -> tuple[bytes | None, bytes | None]:
    """electrs' ``get_innerscripts``: the P2SH redeem script and the P2WSH / taproot-leaf witness script."""
    spk = prev.script_pubkey.data
    redeem = _last_push(inp.script_sig.data) if script_type(spk) == "p2sh" else None
    items = inp.witness.items
    if script_type(spk) == "v1_p2tr":
        from_last = 3 if len(items) >= 2 and items[-1][:1] == b"\x50" else 2
        return redeem, items[len(items) - from_last] if len(items) >= from_last else None
    if script_type(spk) == "v0_p2wsh" or (redeem is not None and script_type(redeem) == "v0_p2wsh"):
        return redeem, items[-1] if items else None
    return redeem, None


def stripped_size(tx: Transaction) -> int:
    """Bytes without the witness data: what the txid hashes and what weight counts four times."""
    return len(_stripped(tx))


def _stripped(tx: Transaction) -> bytes:
    body = tx.version.to_bytes(4, "little") + _compact(len(tx.vin)) + b"".join(i.serialize() for i in tx.vin)
    body += _compact(len(tx.vout)) + b"".join(o.serialize() for o in tx.vout)
    return bytes(body + tx.locktime.to_bytes(4, "little"))


def _compact(n: int) -> bytes:
    if n < 0xFD:
        return bytes([n])
    return b"\xfd" + n.to_bytes(2, "little") if n <= 0xFFFF else b"\xfe" + n.to_bytes(4, "little")


def txid_of(raw: bytes) -> str:
    """The txid of a serialized transaction: double SHA-256 of its non-witness form, byte-reversed."""
    stripped = _stripped(Transaction.parse(raw))
    return hashlib.sha256(hashlib.sha256(stripped).digest()).digest()[::-1].hex()


def _script_num(n: int) -> bytes:
    """CScriptNum bytes (BIP 34 puts the height in the coinbase this way)."""
    out = n.to_bytes(max(1, (n.bit_length() + 7) // 8), "little")
    return out + b"\x00" if out[-1] & 0x80 else out


def _number(value: float) -> int | float:
    """A JavaScript number as JSON.stringify prints it: 224, not 224.0."""
    return int(value) if float(value).is_integer() else value


@cache
def _huge_body() -> bytes:
    """An 8 MiB JSON list of txids: well-formed, only too big (what /block/:hash/txids of a fat block is like)."""
    txid = b'"' + b"ab" * 32 + b'"'
    return b"[" + b",".join([txid] * (_HUGE_BYTES // (len(txid) + 1))) + b"]"


# -- the node's records --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outpoint:
    """An output a transaction can spend: where it is, what it holds and (when it has one) its address."""

    txid: str
    vout: int
    value: int
    address: str | None


@dataclass
class _Entry:
    """A transaction the node knows: confirmed once the tip reaches ``height``, in the mempool before."""

    tx: Transaction
    prevouts: list[TransactionOutput | None]  # None for a coinbase
    height: int | None = None
    seen: int = 0  # first seen, unix seconds (mempool.space's RBF times)
    change: int | None = None  # which output is change, so a replacement can shrink it
    pinned: bool = False  # a recorded transaction: mine() leaves it as it was recorded
    raw: bytes = field(init=False)
    txid: str = field(init=False)

    def __post_init__(self) -> None:
        self.raw = self.tx.serialize()
        self.txid = self.tx.txid().hex()

    @property
    def weight(self) -> int:
        return stripped_size(self.tx) * 3 + len(self.raw)

    @property
    def vsize(self) -> int:
        return math.ceil(self.weight / 4)

    @property
    def fee(self) -> int:
        if _is_coinbase(self.tx.vin[0]):
            return 0
        return int(sum(p.value for p in self.prevouts if p is not None) - sum(o.value for o in self.tx.vout))

    @property
    def rbf(self) -> bool:
        """BIP 125 signalling, as mempool.space tests it (any input's sequence below 0xfffffffe)."""
        return any(i.sequence < 0xFFFFFFFE for i in self.tx.vin)


@dataclass(frozen=True)
class _Stripped:
    """A transaction as mempool.space's RBF cache keeps it (Common.stripTransaction)."""

    txid: str
    fee: int
    weight: int
    value: int
    rbf: bool
    time: int


@dataclass(frozen=True)
class _Key:
    kind: str
    private: PrivateKey


class EsploraNode(LocalHttpServer):
    """The node: ``base_url`` is what a client puts where ``https://mempool.space/api`` would go."""

    def __init__(
        self,
        fault: str | None = None,
        delay: float = 0.0,
        *,
        network: str = "mainnet",
        mempool_space: bool = True,
        base_path: str = "/api",
        tip: int | None = None,
        tip_time: int | None = None,
        wall_clock: bool = False,
        with_recorded: bool = True,
    ) -> None:
        if network not in _NETWORKS:
            raise ValueError(f"network is 'mainnet' or 'testnet', not {network!r}")
        self.network = network
        self.mempool_space = mempool_space  # False: blockstream.info (no /v1 routes, no sigops)
        self.base_path = "/" + base_path.strip("/") if base_path.strip("/") else ""
        self.fault_paths: dict[str, int | str] = {}
        self.mining_fee_rate = 1.0  # sat/vB: mine() leaves what pays less in the mempool
        self.wall_clock = wall_clock  # blocks mine() makes take the wall clock (the demo) instead of +600 s
        self._params = _NETWORKS[network]
        reference_height, reference_time = self._params.reference
        now = int(time.time())
        self._tip = tip if tip is not None else reference_height + (now - reference_time) // _BLOCK_SECONDS
        self._base_height = self._tip
        self._base_time = tip_time if tip_time is not None else now
        self._times: dict[int, int] = {}
        self._blocks: dict[int, tuple[str, int]] = {0: _NETWORKS[network].genesis}  # real blocks: hash and time
        self._txs: dict[str, _Entry] = {}
        self._spent_by: dict[tuple[str, int], tuple[str, int]] = {}
        self._keys: dict[bytes, _Key] = {}
        self._serial = 0
        self._next_fund_height = max(1, self._tip - 150)  # coinbases mature (100 deep) for older spends too
        self._rbf_txs: dict[str, _Stripped] = {}
        self._replaced_by: dict[str, str] = {}
        self._replaces: dict[str, list[str]] = {}
        self.fees: dict[str, int | float] = dict(recorded("v1_fees_recommended.json"))
        self.mempool_stats: dict[str, Any] = dict(recorded("mempool_stats.json"))
        self._chain = threading.RLock()
        if with_recorded:
            self._load_recorded()
        super().__init__(fault=fault, delay=delay)

    @property
    def base_url(self) -> str:
        return self.url + self.base_path

    @property
    def tip(self) -> int:
        return self._tip

    # -- addresses and keys -------------------------------------------------------------------------

    def new_address(self, kind: str = "p2wpkh") -> str:
        """A fresh address whose key the node holds, so ``send`` can spend what it receives (with real signatures)."""
        if kind not in _KINDS:
            raise ValueError(f"kind is one of {', '.join(_KINDS)}, not {kind!r}")
        with self._chain:
            self._serial += 1
            secret = hashlib.sha256(f"esplora-node {self.network} key {self._serial}".encode()).digest()
            private = PrivateKey(secret)
            public = private.get_public_key()
            scripts = {"p2wpkh": p2wpkh, "p2pkh": p2pkh, "p2tr": p2tr, "p2sh-p2wpkh": lambda k: p2sh(p2wpkh(k))}
            spk = scripts[kind](public).data
            self._keys[spk] = _Key(kind, private)
        address = self.address_of(spk)
        assert address is not None
        return address

    def address_of(self, spk: bytes) -> str | None:
        """An output script's address on this network, as electrs prints it (``to_address_str``)."""
        if script_type(spk) == "p2pkh":
            return str(encode_check(bytes([self._params.p2pkh]) + spk[3:23]))
        if script_type(spk) == "p2sh":
            return str(encode_check(bytes([self._params.p2sh]) + spk[2:22]))
        program = _witness_program(spk)
        if program is None:
            return None
        version, data = program
        encoding = bech32.Encoding.BECH32 if version == 0 else bech32.Encoding.BECH32M
        return str(bech32.bech32_encode(encoding, self._params.hrp, [version, *bech32.convertbits(data, 8, 5)]))

    def script_of(self, address: str) -> bytes:
        """The output script an address of this network pays; another network's address is refused."""
        hrp = self._params.hrp
        if address.lower().startswith(hrp + "1"):
            version, program = bech32.decode(hrp, address)
            if version is None:
                raise ValueError(f"{address} is not a valid {self.network} bech32 address")
            return bytes([version + 0x50 if version else 0, len(program), *program])
        try:
            data = decode_check(address)
        except Exception as error:  # embit raises bare ValueErrors and its own errors alike
            raise ValueError(f"{address} is not a {self.network} address") from error
        if len(data) == 21 and data[0] == self._params.p2pkh:
            return bytes(b"\x76\xa9\x14" + data[1:] + b"\x88\xac")
        if len(data) == 21 and data[0] == self._params.p2sh:
            return bytes(b"\xa9\x14" + data[1:] + b"\x87")
        raise ValueError(f"{address} is not a {self.network} address")

    # -- building the chain ------------------------------------------------------------------------

    def fund(self, address: str, value: int, *, height: int | None = None) -> Outpoint:
        """Coins for ``address``: a coinbase paying it, confirmed at ``height``.

        By default each funding gets its own block 150 or more below the tip, so the coinbase has matured
        (100 confirmations) even for a spend confirmed 50 blocks ago.
        """
        spk = self.script_of(address)
        with self._chain:
            if height is None:
                height = self._next_fund_height
                self._next_fund_height = max(1, self._next_fund_height - 1)
            self._serial += 1
            tag = f"/deposit-doctor sandbox {self._serial}/".encode()
            bip34 = _script_num(height)
            script_sig = Script(bytes([len(bip34)]) + bip34 + bytes([len(tag)]) + tag)
            coinbase = TransactionInput(bytes(32), 0xFFFFFFFF, script_sig, 0xFFFFFFFF)
            tx = Transaction(version=2, vin=[coinbase], vout=[TransactionOutput(value, Script(spk))], locktime=0)
            entry = _Entry(tx, [None], height=height, seen=self._block_time(height))
            self._add(entry)
        return Outpoint(entry.txid, 0, value, self.address_of(spk))

    def outpoints(self, txid: str) -> list[Outpoint]:
        """The outputs of a transaction the node knows, to spend them on."""
        with self._chain:
            entry = self._txs[txid]
            return [
                Outpoint(txid, n, o.value, self.address_of(o.script_pubkey.data)) for n, o in enumerate(entry.tx.vout)
            ]

    def send(
        self,
        inputs: Sequence[Outpoint],
        outputs: Sequence[tuple[str, int]],
        *,
        fee: int | None = None,
        fee_rate: float | None = None,
        change: str | None = None,
        rbf: bool = True,
        confirm_at: int | None = None,
    ) -> str:
        """Spend the node's coins: a signed transaction, in the mempool, or confirmed at ``confirm_at``.

        The fee is ``fee`` sats or ``fee_rate`` sat/vB of the signed size (default: the half-hour fee);
        what is left goes back to ``change`` (default: the first input's address) unless it is dust. A
        ``confirm_at`` above the tip leaves it pending until the tip gets there, whatever it pays.
        """
        if fee is not None and fee_rate is not None:
            raise ValueError("give fee or fee_rate, not both")
        with self._chain:
            spends = [self._spendable(o) for o in inputs]
            change_spk = self.script_of(change) if change else spends[0][1].script_pubkey.data
            scripts = [(self.script_of(address), value) for address, value in outputs]
            parents = {o.txid for o in inputs}
            self._check_order(parents, confirm_at)
            locktime = self._tip if confirm_at is None else max(0, min(self._tip, confirm_at - 1))
            rate = fee_rate if fee is not None or fee_rate is not None else float(self.fees["halfHourFee"])
            tx, change_index = self._assemble(
                spends, scripts, change=change_spk, fee=fee, fee_rate=rate, rbf=rbf, locktime=locktime
            )
            entry = _Entry(tx, [p for _, p in spends], height=confirm_at, seen=int(time.time()), change=change_index)
            self._add(entry)
            return entry.txid

    def replace(
        self,
        txid: str,
        *,
        outputs: Sequence[tuple[str, int]] | None = None,
        fee: int | None = None,
        fee_rate: float | None = None,
        change: str | None = None,
        rbf: bool = True,
    ) -> str:
        """A fee bump of a pending transaction (BIP 125): the same inputs, more fee; the old one leaves the mempool.

        ``outputs`` default to the old ones but its change, which shrinks to pay; the fee defaults to twice
        the old rate. The new fee must beat the old by at least 1 sat/vB of the new size (rules 3 and 4).
        Replacing a non-signalling transaction works too, as full-RBF mempools allow; mempool.space then
        marks the tree ``fullRbf``.
        """
        if fee is not None and fee_rate is not None:
            raise ValueError("give fee or fee_rate, not both")
        with self._chain:
            old = self._txs.get(txid)
            if old is None or self._confirmed(old):
                raise ValueError(f"{txid} is not in the mempool: only a pending transaction can be replaced")
            if old.pinned or any(p is None or p.script_pubkey.data not in self._keys for p in old.prevouts):
                raise ValueError(f"the node holds no keys for {txid}'s inputs: only its own sends can be replaced")
            spends = [
                (Outpoint(i.txid.hex(), i.vout, p.value, self.address_of(p.script_pubkey.data)), p)
                for i, p in zip(old.tx.vin, old.prevouts, strict=True)
                if p is not None
            ]
            kept = [(o.script_pubkey.data, o.value) for n, o in enumerate(old.tx.vout) if n != old.change]
            scripts = [(self.script_of(a), v) for a, v in outputs] if outputs is not None else kept
            change_spk = self.script_of(change) if change else None
            if change_spk is None:
                change_spk = old.tx.vout[old.change].script_pubkey.data if old.change is not None else None
            rate = fee_rate if fee is not None or fee_rate is not None else 2 * old.fee / old.vsize
            tx, change_index = self._assemble(
                spends, scripts, change=change_spk, fee=fee, fee_rate=rate, rbf=rbf, locktime=old.tx.locktime
            )
            new = _Entry(tx, list(old.prevouts), seen=max(int(time.time()), old.seen), change=change_index)
            if new.fee < old.fee + new.vsize:
                raise ValueError(f"a replacement must pay at least {old.fee + new.vsize} sats, not {new.fee}")
            self._evict(txid)
            self._add(new)
            self._remember_replacement(old, new)
            return new.txid

    def drop(self, txid: str) -> None:
        """A pending transaction leaves the mempool without a replacement (expired, evicted): unknown from now on."""
        with self._chain:
            entry = self._txs.get(txid)
            if entry is None or self._confirmed(entry):
                raise ValueError(f"{txid} is not in the mempool")
            self._evict(txid)

    def mine(self, n: int = 1) -> list[str]:
        """``n`` blocks on the tip; each takes every pending transaction paying at least ``mining_fee_rate``.

        A transaction waits for its parents; recorded ones stay as recorded. Returns what was mined.
        """
        mined: list[str] = []
        with self._chain:
            for _ in range(n):
                self._tip += 1
                if self.wall_clock:
                    self._times[self._tip] = max(self._block_time(self._tip - 1) + 1, int(time.time()))
                for entry in list(self._txs.values()):  # insertion order: parents come before children
                    if entry.height is not None or entry.pinned or entry.fee < self.mining_fee_rate * entry.vsize:
                        continue
                    if all(self._parent_confirmed(i.txid.hex()) for i in entry.tx.vin):
                        entry.height = self._tip
                        mined.append(entry.txid)
        return mined

    def set_tip(self, height: int) -> None:
        """Jump the tip; what was confirmed above it is pending again (a reorg), what waits for it confirms."""
        with self._chain:
            self._tip = height

    def set_fees(
        self,
        *,
        fastest: float | None = None,
        half_hour: float | None = None,
        hour: float | None = None,
        economy: float | None = None,
        minimum: float | None = None,
    ) -> None:
        """What ``/v1/fees/recommended`` answers (and ``/fee-estimates`` follows)."""
        given = {"fastestFee": fastest, "halfHourFee": half_hour, "hourFee": hour}
        given |= {"economyFee": economy, "minimumFee": minimum}
        with self._chain:
            self.fees.update({k: v for k, v in given.items() if v is not None})

    def set_mempool(
        self,
        *,
        count: int | None = None,
        vsize: int | None = None,
        total_fee: int | None = None,
        fee_histogram: Sequence[Sequence[float]] | None = None,
    ) -> None:
        """The rest of the world's mempool; ``/mempool`` adds the node's own pending transactions to it."""
        given: dict[str, Any] = {"count": count, "vsize": vsize, "total_fee": total_fee}
        given["fee_histogram"] = [list(b) for b in fee_histogram] if fee_histogram is not None else None
        with self._chain:
            self.mempool_stats.update({k: v for k, v in given.items() if v is not None})

    def confirmations(self, txid: str) -> int:
        """tip − block height + 1, 0 while pending: what a client should work out from the answers."""
        with self._chain:
            entry = self._txs[txid]
            return self._tip - entry.height + 1 if self._confirmed(entry) and entry.height is not None else 0

    # -- internals -----------------------------------------------------------------------------------

    def _add(self, entry: _Entry) -> None:
        self._txs[entry.txid] = entry
        for n, inp in enumerate(entry.tx.vin):
            if not _is_coinbase(inp):
                self._spent_by[(inp.txid.hex(), inp.vout)] = (entry.txid, n)

    def _evict(self, txid: str) -> None:
        """Remove a pending transaction and, like a mempool, everything that spends it."""
        stack = [txid]
        for _ in range(len(self._txs) + 1):  # bounded: each round removes one transaction
            if not stack:
                return
            entry = self._txs.pop(stack.pop(), None)
            if entry is None:
                continue
            for n, inp in enumerate(entry.tx.vin):
                if self._spent_by.get((inp.txid.hex(), inp.vout)) == (entry.txid, n):
                    del self._spent_by[(inp.txid.hex(), inp.vout)]
            spenders = (self._spent_by.get((entry.txid, n)) for n in range(len(entry.tx.vout)))
            stack += [s[0] for s in spenders if s is not None]

    def _spendable(self, outpoint: Outpoint) -> tuple[Outpoint, TransactionOutput]:
        entry = self._txs.get(outpoint.txid)
        if entry is None or outpoint.vout >= len(entry.tx.vout):
            raise ValueError(f"{outpoint.txid}:{outpoint.vout} is not an output the node knows")
        spender = self._spent_by.get((outpoint.txid, outpoint.vout))
        if spender is not None:
            raise ValueError(f"{outpoint.txid}:{outpoint.vout} is already spent by {spender[0]}; use replace()")
        prevout = entry.tx.vout[outpoint.vout]
        if prevout.script_pubkey.data not in self._keys:
            raise ValueError(f"the node holds no key for {outpoint.address}: fund an address from new_address()")
        return outpoint, prevout

    def _check_order(self, parents: set[str], confirm_at: int | None) -> None:
        """A transaction cannot confirm before what it spends."""
        for txid in parents:
            height = self._txs[txid].height
            if confirm_at is not None and (height is None or height > confirm_at):
                when = "only once mined" if height is None else f"at {height}"
                raise ValueError(f"{txid} confirms {when}, so what spends it cannot confirm at {confirm_at}")

    def _assemble(
        self,
        spends: Sequence[tuple[Outpoint, TransactionOutput]],
        outputs: Sequence[tuple[bytes, int]],
        *,
        change: bytes | None,
        fee: int | None,
        fee_rate: float | None,
        rbf: bool,
        locktime: int,
    ) -> tuple[Transaction, int | None]:
        """Build and sign; with a fee rate, again until the fee fits the signed size (a few rounds at most)."""
        total_in = sum(p.value for _, p in spends)
        total_out = sum(v for _, v in outputs)
        wanted = fee if fee is not None else 0
        sequence = _RBF_SEQUENCE if rbf else _FINAL_SEQUENCE
        for _ in range(4):
            left = total_in - total_out - wanted
            if left < 0:
                raise ValueError(f"the inputs hold {total_in} sats; the outputs need {total_out} and the fee {wanted}")
            vout = [TransactionOutput(v, Script(s)) for s, v in outputs]
            change_index = None
            if change is not None and left >= _DUST:
                change_index = len(vout)
                vout.append(TransactionOutput(left, Script(change)))
            vin = [TransactionInput(bytes.fromhex(o.txid), o.vout, sequence=sequence) for o, _ in spends]
            tx = Transaction(version=2, vin=vin, vout=vout, locktime=locktime)
            self._sign(tx, [p for _, p in spends])
            if fee is not None:
                return tx, change_index
            assert fee_rate is not None
            paid = total_in - sum(o.value for o in vout)
            needed = math.ceil(fee_rate * math.ceil((stripped_size(tx) * 3 + len(tx.serialize())) / 4))
            if paid == needed or (paid > needed and change_index is None):
                return tx, change_index
            wanted = needed
        return tx, change_index

    def _sign(self, tx: Transaction, prevouts: Sequence[TransactionOutput]) -> None:
        """Real signatures: BIP 143 for P2WPKH (bare or in P2SH), legacy for P2PKH, BIP 341 key path for P2TR."""
        scripts = [p.script_pubkey for p in prevouts]
        values = [p.value for p in prevouts]
        for n, prev in enumerate(prevouts):
            key = self._keys[prev.script_pubkey.data]
            public = key.private.get_public_key()
            if key.kind == "p2pkh":
                signature = key.private.sign(tx.sighash_legacy(n, prev.script_pubkey))
                tx.vin[n].script_sig = script_sig_p2pkh(signature, public)
            elif key.kind == "p2tr":
                digest = tx.sighash_taproot(n, script_pubkeys=scripts, values=values, sighash=SIGHASH.DEFAULT)
                tx.vin[n].witness = Witness([key.private.taproot_tweak(b"").schnorr_sign(digest).serialize()])
            else:
                signature = key.private.sign(tx.sighash_segwit(n, p2pkh(public), prev.value))
                tx.vin[n].witness = Witness([signature.serialize() + bytes([SIGHASH.ALL]), public.sec()])
                if key.kind == "p2sh-p2wpkh":
                    redeem = p2wpkh(public).data
                    tx.vin[n].script_sig = Script(bytes([len(redeem)]) + redeem)

    def _remember_replacement(self, old: _Entry, new: _Entry) -> None:
        """What mempool.space's RbfCache.add records when ``new`` replaces ``old``."""
        for entry in (old, new):
            if entry.txid not in self._rbf_txs:
                value = sum(o.value for o in entry.tx.vout)
                stripped = _Stripped(entry.txid, entry.fee, entry.weight, value, entry.rbf, entry.seen)
                self._rbf_txs[entry.txid] = stripped
        self._replaced_by[old.txid] = new.txid
        self._replaces[new.txid] = [old.txid]

    def _confirmed(self, entry: _Entry) -> bool:
        return entry.height is not None and entry.height <= self._tip

    def _parent_confirmed(self, txid: str) -> bool:
        parent = self._txs.get(txid)
        return parent is None or self._confirmed(parent)  # an unknown parent is history before the node

    def _block_hash(self, height: int) -> str:
        if height in self._blocks:
            return self._blocks[height][0]
        return "0" * 20 + hashlib.sha256(f"{self.network} block {height}".encode()).hexdigest()[20:]

    def _block_time(self, height: int) -> int:
        if height in self._blocks:
            return self._blocks[height][1]
        if height in self._times:
            return self._times[height]
        return self._base_time + _BLOCK_SECONDS * (height - self._base_height)

    def _load_recorded(self) -> None:
        """The recorded transactions of this network, rebuilt from their JSON into the real transactions."""
        names = {"mainnet": ["tx_confirmed_mainnet.json", "tx_unconfirmed_mainnet.json"]}
        for name in names.get(self.network, ["tx_confirmed_testnet.json"]):
            doc = recorded(name)
            entry = _entry_from_json(doc)
            status = doc["status"]
            if status["confirmed"]:
                entry.height = status["block_height"]
                self._blocks[status["block_height"]] = (status["block_hash"], status["block_time"])
            entry.pinned = True
            self._add(entry)
        if self.network == "mainnet":
            entry = self._txs[UNCONFIRMED_MAINNET]
            entry.seen = _RECORDED_REPLACEMENT_SEEN
            facts = _RECORDED_REPLACED_FACTS
            replaced = _Stripped(RECORDED_REPLACED, facts["fee"], facts["weight"], facts["value"], True, facts["time"])
            self._rbf_txs[replaced.txid] = replaced
            value = sum(o.value for o in entry.tx.vout)
            self._rbf_txs[entry.txid] = _Stripped(entry.txid, entry.fee, entry.weight, value, entry.rbf, entry.seen)
            self._replaced_by[replaced.txid] = entry.txid
            self._replaces[entry.txid] = [replaced.txid]

    # -- the answers -------------------------------------------------------------------------------

    def _status(self, entry: _Entry) -> dict[str, Any]:
        if not self._confirmed(entry) or entry.height is None:
            return {"confirmed": False}
        h = entry.height
        return {
            "confirmed": True,
            "block_height": h,
            "block_hash": self._block_hash(h),
            "block_time": self._block_time(h),
        }

    def _output(self, out: TransactionOutput) -> dict[str, Any]:
        spk = out.script_pubkey.data
        doc: dict[str, Any] = {"scriptpubkey": spk.hex(), "scriptpubkey_asm": script_asm(spk)}
        doc["scriptpubkey_type"] = script_type(spk)
        address = self.address_of(spk)
        if address is not None:
            doc["scriptpubkey_address"] = address
        doc["value"] = out.value
        return doc

    def transaction_json(self, txid: str) -> dict[str, Any] | None:
        """What ``/tx/:txid`` answers, or None for a txid the node does not know."""
        with self._chain:
            entry = self._txs.get(txid)
            return None if entry is None else self._transaction(entry)

    def _transaction(self, entry: _Entry) -> dict[str, Any]:
        tx = entry.tx
        vin = []
        for inp, prev in zip(tx.vin, entry.prevouts, strict=True):
            doc: dict[str, Any] = {
                "txid": inp.txid.hex(),
                "vout": inp.vout,
                "prevout": None if prev is None else self._output(prev),
                "scriptsig": inp.script_sig.data.hex(),
                "scriptsig_asm": script_asm(inp.script_sig.data),
            }
            if inp.witness.items:
                doc["witness"] = [item.hex() for item in inp.witness.items]
            doc["is_coinbase"] = _is_coinbase(inp)
            doc["sequence"] = inp.sequence
            redeem, witness_script = _inner_scripts(inp, prev) if prev is not None else (None, None)
            if redeem is not None:
                doc["inner_redeemscript_asm"] = script_asm(redeem)
            if witness_script is not None:
                doc["inner_witnessscript_asm"] = script_asm(witness_script)
            vin.append(doc)
        answer: dict[str, Any] = {"txid": entry.txid, "version": tx.version, "locktime": tx.locktime, "vin": vin}
        answer |= {"vout": [self._output(o) for o in tx.vout], "size": len(entry.raw), "weight": entry.weight}
        if self.mempool_space:
            answer["sigops"] = sigop_cost(tx, entry.prevouts)
        answer |= {"fee": entry.fee, "status": self._status(entry)}
        return answer

    def _outspends(self, entry: _Entry) -> tuple[int, bytes, str]:
        return _json([self._outspend(entry.txid, n) for n in range(len(entry.tx.vout))])

    def _outspend(self, txid: str, vout: int) -> dict[str, Any]:
        spender = self._spent_by.get((txid, vout))
        if spender is None or spender[0] not in self._txs:
            return {"spent": False}
        return {"spent": True, "txid": spender[0], "vin": spender[1], "status": self._status(self._txs[spender[0]])}

    def _mempool(self) -> dict[str, Any]:
        pending = [e for e in self._txs.values() if not self._confirmed(e)]
        stats = self.mempool_stats
        return {
            "count": stats["count"] + len(pending),
            "vsize": stats["vsize"] + sum(e.vsize for e in pending),
            "total_fee": stats["total_fee"] + sum(e.fee for e in pending),
            "fee_histogram": stats["fee_histogram"],
        }

    def _fee_estimates(self) -> dict[str, float]:
        """Esplora's ``/fee-estimates`` shape (targets 1-25, 144, 504, 1008 blocks), from the recommended fees."""
        f = self.fees

        def rate(target: int) -> float:
            key = "fastestFee" if target <= 2 else "halfHourFee" if target <= 3 else "hourFee" if target <= 6 else ""
            return float(f[key] if key else f["economyFee"] if target <= 144 else f["minimumFee"])

        return {str(t): rate(t) for t in [*range(1, 26), 144, 504, 1008]}

    def _rbf(self, txid: str) -> dict[str, Any]:
        """mempool.space's ``/v1/tx/:txid/rbf``: the tree ``txid`` belongs to, and what it replaced."""
        replacements = None
        if txid in self._rbf_txs:
            root = txid
            for _ in range(len(self._replaced_by) + 1):
                if root not in self._replaced_by:
                    break
                root = self._replaced_by[root]
            replacements = self._tree(root, None)
        replaces = self._replaces.get(txid)
        return {"replacements": replacements, "replaces": list(replaces) if replaces else None}

    def _tree(self, txid: str, replaced_by: str | None) -> dict[str, Any]:
        """An RbfTree node, keys in the order mempool's code creates them (interval comes last on a former root)."""
        s = self._rbf_txs[txid]
        live = self._txs.get(txid)
        mined = live is not None and self._confirmed(live)
        tx: dict[str, Any] = {"txid": s.txid, "fee": s.fee, "vsize": _number(s.weight / 4), "value": s.value}
        tx |= {"rate": s.fee / (s.weight / 4), "time": s.time, "rbf": s.rbf}
        children = self._replaces.get(txid, [])
        subtrees = [self._tree(c, txid) for c in children]
        if children:
            tx["fullRbf"] = any(not self._rbf_txs[c].rbf for c in children)
            full = any(t["fullRbf"] or not t["tx"]["rbf"] for t in subtrees)
        else:
            full = not s.rbf
        if mined:
            tx["mined"] = True
        node: dict[str, Any] = {"tx": tx, "time": s.time}
        interval = None if replaced_by is None else self._rbf_txs[replaced_by].time - s.time
        if interval is not None and not children:
            node["interval"] = interval
        node |= {"fullRbf": full, "replaces": subtrees}
        if interval is not None and children:
            node["interval"] = interval
        if mined and replaced_by is None:
            node["mined"] = True
        return node

    # -- HTTP ------------------------------------------------------------------------------------------

    def respond(self, path: str, body: bytes) -> tuple[int, bytes, str]:
        """POSTs (broadcasting, ``POST /tx``) are not served: the node is for reading, so every POST path is unknown."""
        raw = path.split("?", 1)[0]
        return 404, _electrs_404(raw[len(self.base_path) :] if raw.startswith(self.base_path) else raw), _TEXT

    def respond_get(self, path: str, headers: Mapping[str, str]) -> tuple[int, bytes, str]:
        raw = path.split("?", 1)[0]
        if self.base_path and raw != self.base_path and not raw.startswith(self.base_path + "/"):
            return 404, _NGINX_404, "text/html"
        sub = raw[len(self.base_path) :] or "/"
        route, answer = self._route(sub.split("/")[1:], sub, headers)
        failure = self.fault_paths.get(route) if route else None
        if isinstance(failure, int):
            page = f"<html><head><title>{failure}</title></head><body><h1>{failure}</h1><hr>nginx</body></html>"
            return failure, page.encode(), "text/html"
        fault = failure or self.fault
        if fault == "huge":
            return 200, _huge_body(), _JSON
        if fault == "nested":
            return 200, b"[" * _NESTING, _JSON
        if fault == "garbage":
            return 200, b"<html><body>502 Bad Gateway</body></html>", "text/html"
        with self._chain:
            return answer()

    def _route(
        self, parts: list[str], sub: str, headers: Mapping[str, str]
    ) -> tuple[str | None, Callable[[], tuple[int, bytes, str]]]:
        """(route name, answer) for a path below the base, matched the way electrs' handle_request matches."""
        match parts:
            case ["blocks"]:
                return "blocks", lambda: _json(self._newest_blocks())
            case ["blocks", "tip", "height"]:
                return "blocks/tip/height", lambda: (200, str(self._tip).encode(), _TEXT)
            case ["blocks", "tip", "hash"]:
                return "blocks/tip/hash", lambda: (200, self._block_hash(self._tip).encode(), _TEXT)
            case ["block-height", height]:
                return "block-height/:height", lambda: self._height(height)
            case ["tx", txid]:
                return "tx/:txid", lambda: self._tx_answer(txid, lambda e: _json(self._transaction(e)))
            case ["tx", txid, "status"]:
                return "tx/:txid/status", lambda: self._status_answer(txid)
            case ["tx", txid, "hex"]:
                return "tx/:txid/hex", lambda: self._tx_answer(txid, lambda e: (200, e.raw.hex().encode(), _TEXT))
            case ["tx", txid, "raw"]:
                return "tx/:txid/raw", lambda: self._tx_answer(txid, lambda e: (200, e.raw, "application/octet-stream"))
            case ["tx", txid, "outspends"]:
                return "tx/:txid/outspends", lambda: self._tx_answer(txid, self._outspends)
            case ["tx", txid, "outspend", vout]:
                return "tx/:txid/outspend/:vout", lambda: self._outspend_answer(txid, vout)
            case ["mempool"]:
                return "mempool", lambda: _json(self._mempool())
            case ["fee-estimates"]:
                kind = _EXPRESS_JSON if self.mempool_space else _JSON  # mempool.space answers it from its backend
                return "fee-estimates", lambda: (200, _dumps(self._fee_estimates()), kind)
            case ["v1", "fees", "recommended"] if self.mempool_space:
                return "v1/fees/recommended", lambda: (200, _dumps(self.fees), _EXPRESS_JSON)
            case ["v1", "tx", txid, "rbf"] if self.mempool_space:
                return "v1/tx/:txid/rbf", lambda: self._rbf_answer(txid, headers)
            case ["v1", *_] if self.mempool_space:
                return None, lambda: (404, _express_404(self.base_path + sub), "text/html; charset=utf-8")
        return None, lambda: (404, _electrs_404(sub), _TEXT)

    def _tx_answer(self, txid: str, render: Callable[[_Entry], tuple[int, bytes, str]]) -> tuple[int, bytes, str]:
        if len(txid) != 64 or not set(txid) <= _HEX:
            return 400, INVALID_HEX.encode(), _TEXT
        entry = self._txs.get(txid.lower())
        return (404, TX_NOT_FOUND.encode(), _TEXT) if entry is None else render(entry)

    def _status_answer(self, txid: str) -> tuple[int, bytes, str]:
        if len(txid) != 64 or not set(txid) <= _HEX:
            return 400, INVALID_HEX.encode(), _TEXT
        entry = self._txs.get(txid.lower())
        return _json({"confirmed": False} if entry is None else self._status(entry))

    def _outspend_answer(self, txid: str, vout: str) -> tuple[int, bytes, str]:
        if len(txid) != 64 or not set(txid) <= _HEX:
            return 400, INVALID_HEX.encode(), _TEXT
        if not _is_number(vout) or int(vout) > 0xFFFFFFFF:
            return 400, INVALID_NUMBER.encode(), _TEXT
        return _json(self._outspend(txid.lower(), int(vout)))  # electrs looks the spend up without the tx

    def _newest_blocks(self) -> list[dict[str, Any]]:
        """``GET /blocks``: the ten newest blocks, tip first, in electrs' BlockValue shape (the header fields the
        node makes up are plausible, not a real chain's)."""
        blocks = []
        for height in range(self._tip, max(self._tip - 10, -1), -1):
            mined = [e for e in self._txs.values() if e.height == height]
            blocks.append(
                {
                    "id": self._block_hash(height),
                    "height": height,
                    "version": 0x20000000,
                    "timestamp": self._block_time(height),
                    "tx_count": len(mined) + 1,
                    "size": 80 + sum(len(e.raw) for e in mined),
                    "weight": 320 + sum(e.weight for e in mined),
                    "merkle_root": hashlib.sha256(f"merkle {height}".encode()).hexdigest(),
                    "previousblockhash": self._block_hash(height - 1) if height else None,
                    "mediantime": self._block_time(max(height - 5, 0)),
                    "nonce": height * 7919 % 2**32,
                    "bits": 0x17034219,
                    "difficulty": 1.0,
                }
            )
        return blocks

    def _height(self, height: str) -> tuple[int, bytes, str]:
        if not _is_number(height):
            return 400, INVALID_NUMBER.encode(), _TEXT
        if int(height) > self._tip:
            return 404, BLOCK_NOT_FOUND.encode(), _TEXT
        return 200, self._block_hash(int(height)).encode(), _TEXT

    def _rbf_answer(self, txid: str, headers: Mapping[str, str]) -> tuple[int, bytes, str]:
        if len(txid) != 64 or not set(txid) <= _HEX:
            if _accepts_json(headers.get("accept")):
                return 400, _dumps({"error": INVALID_TXID}), _EXPRESS_JSON
            return 400, INVALID_TXID.encode(), "text/html; charset=utf-8"
        return 200, _dumps(self._rbf(txid)), _EXPRESS_JSON


def _entry_from_json(doc: Mapping[str, Any]) -> _Entry:
    """The transaction an Esplora answer describes, rebuilt byte for byte; its txid must come out the same."""
    vin, prevouts = [], []
    for i in doc["vin"]:
        witness = Witness([bytes.fromhex(w) for w in i.get("witness", [])])
        script_sig = Script(bytes.fromhex(i["scriptsig"]))
        vin.append(TransactionInput(bytes.fromhex(i["txid"]), i["vout"], script_sig, i["sequence"], witness))
        prev = i["prevout"]
        prevouts.append(
            None if prev is None else TransactionOutput(prev["value"], Script(bytes.fromhex(prev["scriptpubkey"])))
        )
    vout = [TransactionOutput(o["value"], Script(bytes.fromhex(o["scriptpubkey"]))) for o in doc["vout"]]
    entry = _Entry(Transaction(doc["version"], vin, vout, doc["locktime"]), prevouts)
    if entry.txid != doc["txid"]:
        raise ValueError(f"the recorded {doc['txid']} rebuilds to {entry.txid}: the recording is damaged")
    return entry


def _is_number(text: str) -> bool:
    """What Rust's ``str::parse::<u32>()`` takes: ASCII digits only (no sign, no spaces, no other scripts' digits)."""
    return text.isascii() and text.isdigit()


def _dumps(value: Any) -> bytes:
    """Compact JSON, as serde_json::to_string and JSON.stringify write it."""
    return json.dumps(value, separators=(",", ":")).encode()


def _json(value: Any) -> tuple[int, bytes, str]:
    return 200, _dumps(value), _JSON


def _electrs_404(path: str) -> bytes:
    """``endpoint does not exist {:?}``: the path in Rust's Debug quoting."""
    quoted = path.replace("\\", "\\\\").replace('"', '\\"')
    return f'endpoint does not exist "{quoted}"'.encode()


def _express_404(path: str) -> bytes:
    """Express's default 404 page (finalhandler), what mempool's backend answers for a /v1 path it lacks."""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n'
        f"<body>\n<pre>Cannot GET {path}</pre>\n</body>\n</html>\n"
    ).encode()


_NGINX_404 = (
    b"<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n"
    b"<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
)


def _accepts_json(accept: str | None) -> bool:
    """Express's ``req.accepts('json')``: no Accept header, ``*/*``, ``application/*`` or JSON itself."""
    if not accept:
        return True
    for part in accept.split(","):
        kind, *params = (p.strip() for p in part.split(";"))
        if kind in ("*/*", "application/*", "application/json") and "q=0" not in params:
            return True
    return False


# BIP-173's example P2WPKH address as a user's deposit address, and a look-alike of it made the way poisoning
# tools make them (same first four and last four characters after bc1q), found once by trying random witness
# programs against the bech32 checksum (242,988 tries): an address nobody holds the key of.
BTC_DEPOSIT = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"
BTC_LOOK_ALIKE = "bc1qw508dx3njd4f6tgvncrghdsup0f9annke8f3t4"
_DEMO_BLOCK_SECONDS = 10


def _demo() -> None:
    """Serve the classic Bitcoin deposit cases until Ctrl-C, printing a command to try for each."""
    with EsploraNode(wall_clock=True) as node:
        node.mining_fee_rate = float(node.fees["economyFee"]) + 1  # the stuck ones below pay less
        wallet = node.new_address()

        def pay(to: str, value: int, **options: Any) -> str:
            return node.send([node.fund(wallet, value + 100_000)], [(to, value)], **options)

        replaced = pay(BTC_DEPOSIT, 2_500_000, fee_rate=2)
        node.replace(replaced, fee_rate=float(node.fees["fastestFee"]) + 4)
        recorded_tx = recorded("tx_confirmed_mainnet.json")
        cases = {
            "credited (recorded mainnet Runes transfer, 546 sats)": (
                CONFIRMED_MAINNET,
                recorded_tx["vout"][1]["scriptpubkey_address"],
            ),
            "credited, 6 confirmations": (pay(BTC_DEPOSIT, 1_200_000, confirm_at=node.tip - 5), BTC_DEPOSIT),
            "too few confirmations (1)": (pay(BTC_DEPOSIT, 800_000, confirm_at=node.tip), BTC_DEPOSIT),
            "stuck under a low fee, RBF signalled": (pay(BTC_DEPOSIT, 500_000, fee_rate=1.5), BTC_DEPOSIT),
            "stuck under a low fee, no RBF": (pay(BTC_DEPOSIT, 450_000, fee_rate=1.5, rbf=False), BTC_DEPOSIT),
            "replaced by fee (the old txid)": (replaced, BTC_DEPOSIT),
            "sent to a look-alike address": (pay(BTC_LOOK_ALIKE, 3_000_000, confirm_at=node.tip - 20), BTC_DEPOSIT),
            "unknown txid": ("ab" * 32, BTC_DEPOSIT),
        }
        print(
            f"A local Esplora node (mempool.space's API) is serving at {node.base_url}; "
            f"a block every {_DEMO_BLOCK_SECONDS} s takes what pays {node.mining_fee_rate:g} sat/vB or more."
        )
        print("The txids below live as long as this node (Ctrl-C stops it). Try:")
        for name, (txid, address) in cases.items():
            # --no-search: only Bitcoin is local here; without it a hash no node knows is also looked for on the
            # other networks a bare hex id can be on, whose public nodes this machine may not reach.
            command = f".venv/bin/deposit-doctor diagnose --network bitcoin --no-search --rpc bitcoin={node.base_url}"
            print(f"\n# {name}\n{command} --tx {txid} --address {address}")
        try:
            while True:
                time.sleep(_DEMO_BLOCK_SECONDS)
                node.mine()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    _demo()
