"""Bitcoin through an Esplora REST API (Blockstream's esplora, mempool.space) over ``requests``.

Round one needs only the txid and is sent side by side: the transaction (``/tx/:txid``), the newest blocks
(``/blocks``: the tip's height and time in one answer), block 0's hash (``/block-height/0``: which network
the endpoint serves, as a chain id does for EVM) and mempool.space's record of replacements
(``/v1/tx/:txid/rbf``; Blockstream's Esplora has no such route, which is no failure). A confirmed
transaction needs nothing more. Round two is for one still waiting: the mempool's backlog (``/mempool``),
the recommended fee rates where the endpoint offers them (``/v1/fees/recommended``), and, for its first
inputs, whether another transaction spent the same output (``/tx/:parent/outspends``) and whether the
parent is itself unconfirmed (``/tx/:parent/status``).

The decoders are module-level pure functions, tested on recorded answers.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import requests

from diagnostics.chains.adapter import (
    EndpointAdapter,
    Lifetime,
    all_within,
    describe_failure,
    endpoint_host,
    parse_json,
    unavailable,
    wrong_network,
)
from diagnostics.model import (
    BitcoinDetails,
    BitcoinFeeMarket,
    BitcoinInput,
    BitcoinOutput,
    ChainHead,
    FeeContext,
    Found,
    Hints,
    Lookup,
    Network,
    NetworkFacts,
    NotFound,
    Replacement,
    Transfer,
    TxFacts,
    TxStatus,
    Unavailable,
)

# BIP-125: a transaction signals that it may be replaced when any input's nSequence is below 0xfffffffe.
_RBF_SEQUENCE_LIMIT = 0xFFFFFFFE
# A block holds 1,000,000 virtual bytes (BIP-141's 4,000,000 weight units).
BLOCK_VSIZE = 1_000_000
# Inputs whose parents are asked about in round two: enough to catch a replacement or a waiting parent in
# every ordinary payment, without a request per input of a thousand-input consolidation.
_INPUTS_ASKED = 5


class _AbsentError(Exception):
    """The endpoint answered 404: it does not know the thing asked (or, for a /v1 route, lacks the route)."""


# ---------------------------------------------------------------------------------------------
# Pure decoders of Esplora answers


def _int(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    raise ValueError(f"expected a whole number, got {value!r}")


def decode_head(blocks: Any) -> ChainHead:
    """``/blocks``: the newest blocks, tip first."""
    tip = blocks[0]
    return ChainHead(number=_int(tip["height"]), timestamp=_int(tip["timestamp"]))


def fee_rate(fee: int, weight: int) -> Decimal:
    """sat/vB to one decimal, as mempools quote it: the fee over the virtual size (weight / 4, rounded up)."""
    vsize = math.ceil(weight / 4)
    return (Decimal(fee) / Decimal(vsize)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def decode_transaction(raw: Mapping[str, Any]) -> TxFacts:
    """``/tx/:txid``. Outputs paying back to an address the transaction spends from are change: no one's
    deposit. Bitcoin has no failed transactions: in a block it did what it says."""
    inputs = tuple(
        BitcoinInput(
            txid=str(vin.get("txid", "")),
            vout=_int(vin.get("vout", 0)),
            address=(vin.get("prevout") or {}).get("scriptpubkey_address"),
            value=_int((vin.get("prevout") or {}).get("value", 0)),
            sequence=_int(vin["sequence"]),
        )
        for vin in raw["vin"]
    )
    outputs = tuple(
        BitcoinOutput(
            index=index,
            address=vout.get("scriptpubkey_address"),
            value=_int(vout["value"]),
            script_type=str(vout.get("scriptpubkey_type", "")),
        )
        for index, vout in enumerate(raw["vout"])
    )
    coinbase = bool(raw["vin"]) and bool(raw["vin"][0].get("is_coinbase"))
    spenders = {i.address for i in inputs if i.address}
    # Change pays back to an address it spends from; when every output does (a consolidation, a payment to
    # oneself), none of them is change: they are all there is.
    if all(o.address in spenders for o in outputs if o.address is not None):
        spenders = set()
    sender = "coinbase" if coinbase else next((i.address for i in inputs if i.address), "")
    paid = tuple(
        Transfer(sender, o.address, o.value, index=o.index, how="change" if o.address in spenders else "output")
        for o in outputs
        if o.address is not None
    )
    status = raw["status"]
    confirmed = bool(status.get("confirmed"))
    fee, weight = _int(raw["fee"]), _int(raw["weight"])
    details = BitcoinDetails(
        inputs=inputs,
        outputs=outputs,
        size=_int(raw["size"]),
        weight=weight,
        fee_rate=fee_rate(fee, weight),
        rbf=any(i.sequence < _RBF_SEQUENCE_LIMIT for i in inputs) and not coinbase,
    )
    return TxFacts(
        tx_hash=str(raw["txid"]).lower(),
        sender=sender,
        to=next((t.recipient for t in paid if t.how == "output"), None),
        status=TxStatus.CONFIRMED if confirmed else TxStatus.PENDING,
        block_number=_int(status["block_height"]) if confirmed else None,
        block_timestamp=_int(status["block_time"]) if confirmed else None,
        fee=fee,
        transfers=paid if confirmed else (),
        intended=paid,
        details=details,
    )


def decode_replacement(raw: Any, txid: str) -> Replacement | None:
    """mempool.space's ``/v1/tx/:txid/rbf``: ``{"replacements": tree or null, "replaces": [...] or null}``.

    The tree's root is the newest transaction of the chain of replacements; when it is another one than
    ``txid``, this one was replaced (by the root: the one that counts now). ``None`` when the node knows
    no replacement of it.
    """
    tree = raw.get("replacements") if isinstance(raw, Mapping) else None
    if not isinstance(tree, Mapping):
        return None
    newest = str((tree.get("tx") or {}).get("txid", "")).lower()
    if not newest or newest == txid:
        return None
    return Replacement(True, "rbf", newest)


def _rate(value: Any) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        return None
    return Decimal(str(value))


def histogram_rate(histogram: Sequence[Any], depth_vsize: int) -> Decimal | None:
    """The fee rate at which ``depth_vsize`` of the mempool's best-paying transactions is filled: what gets
    into a block that deep. Esplora's histogram runs from the highest rate down, each entry the vsize paying
    at least that rate (down to the next entry's)."""
    filled = 0
    for entry in histogram:
        rate, vsize = entry[0], entry[1]
        filled += _int(vsize)
        if filled >= depth_vsize:
            return _rate(rate)
    return Decimal(1) if histogram else None  # the whole mempool fits: the relay minimum (1 sat/vB) will do


def decode_fee_market(mempool: Mapping[str, Any], recommended: Mapping[str, Any] | None) -> BitcoinFeeMarket:
    """``/mempool`` and, where the endpoint has it, ``/v1/fees/recommended`` (sat/vB)."""
    histogram = mempool.get("fee_histogram") or []
    if recommended is not None:
        return BitcoinFeeMarket(
            count=_int(mempool["count"]),
            vsize=_int(mempool["vsize"]),
            next_block_rate=_rate(recommended.get("fastestFee")),
            hour_rate=_rate(recommended.get("hourFee")),
            minimum_rate=_rate(recommended.get("minimumFee")),
            recommended=True,
        )
    return BitcoinFeeMarket(
        count=_int(mempool["count"]),
        vsize=_int(mempool["vsize"]),
        next_block_rate=histogram_rate(histogram, BLOCK_VSIZE),
        hour_rate=histogram_rate(histogram, 6 * BLOCK_VSIZE),  # six blocks: an hour at ten minutes a block
    )


def decode_outspend(raw: Any, vout: int, txid: str) -> str | None:
    """The transaction other than ``txid`` that spent output ``vout`` of a parent, from its ``/outspends``."""
    spend = raw[vout] if isinstance(raw, list) and vout < len(raw) else None
    if not isinstance(spend, Mapping) or not spend.get("spent"):
        return None
    spender = str(spend.get("txid", "")).lower()
    return spender if spender and spender != txid else None


# ---------------------------------------------------------------------------------------------
# The thin I/O client


@dataclass
class _Esplora:
    """One endpoint; ``get`` raises ``_AbsentError`` on a 404 and ``requests`` errors on any other failure."""

    base: str
    timeout: float
    session: requests.Session
    rounds: int = 0

    def get(self, path: str, as_json: bool = True) -> Any:
        # No redirects: an endpoint is what the user named, not wherever it points (nor a login page).
        # The session is guarded: its answers arrive read, bounded in size and nesting (adapter.check_answer).
        with self.session.get(self.base + path, timeout=self.timeout, allow_redirects=False) as reply:
            if reply.status_code == 404:
                raise _AbsentError(path)
            reply.raise_for_status()
            if reply.status_code != 200:
                raise ValueError(f"HTTP {reply.status_code} where an answer was expected")
            body = reply.content
        return parse_json(body) if as_json else body.decode("utf-8").strip()

    def ask(self, jobs: Sequence[Callable[[], Any]]) -> list[Any]:
        self.rounds += 1
        return all_within(self.timeout, jobs)


_PER_BLOCK = ("/blocks", "/mempool", "/v1/fees/recommended", "/blocks/tip/height")


def shared_reads(path: str, _body: Any) -> Lifetime | None:
    """The reads a batch asks once per network: the tip and the fee market per block, block 0 for the run.
    (``path`` is the URL's whole path: an Esplora base URL may have its own, such as mempool.space's ``/api``.)"""
    if path.endswith(_PER_BLOCK):
        return Lifetime.BLOCK
    return Lifetime.RUN if path.endswith("/block-height/0") else None


class BitcoinAdapter(EndpointAdapter):
    """Gathers the facts of one Bitcoin transaction from Esplora endpoints (an Esplora base URL each)."""

    family = "bitcoin"
    shared = staticmethod(shared_reads)

    def _gather_at(self, url: str, network: Network, tx_hash: str, hints: Hints) -> NetworkFacts:
        # The hints name nothing Esplora answers faster: its first round needs only the txid.
        with self.prepare(requests.Session(), network) as session:
            client = _Esplora(url.rstrip("/"), self.timeout, session)
            try:
                facts = _gather(client, network, tx_hash, url)
            except Exception as exc:  # DESIGN rule 3: nothing from requests escapes; it is a reason
                dead = _failure(exc, url, self.timeout)
                facts = NetworkFacts(network.slug, endpoint_host(url), tx=dead, head=dead)
        return replace(facts, round_trips=client.rounds)


def _failure(exc: Exception, url: str, timeout: float) -> Unavailable:
    if isinstance(exc, _AbsentError):
        text = "{host} has no {path}: is it an Esplora API base URL (such as https://mempool.space/api)?"
        return unavailable("not_esplora", text, host=endpoint_host(url), path=str(exc))
    if isinstance(exc, UnicodeDecodeError | RecursionError):
        return describe_failure(ValueError(str(exc)), url, timeout)
    return describe_failure(exc, url, timeout)


def _optional(answer: Any) -> Any:
    """An answer to a route some endpoints lack: ``None`` when it is absent, the answer (or failure) otherwise."""
    return None if isinstance(answer, _AbsentError) else answer


def _gather(client: _Esplora, network: Network, txid: str, url: str) -> NetworkFacts:
    host = endpoint_host(url)
    raw_tx, raw_blocks, genesis, raw_rbf = client.ask(
        [
            lambda: client.get(f"/tx/{txid}"),
            lambda: client.get("/blocks"),
            lambda: client.get("/block-height/0", as_json=False),
            lambda: client.get(f"/v1/tx/{txid}/rbf"),
        ]
    )
    if isinstance(raw_tx, Exception) and not isinstance(raw_tx, _AbsentError) and isinstance(raw_blocks, Exception):
        raise raw_tx  # the endpoint itself could not be used: one reason for everything
    wrong = wrong_network(host, "Bitcoin", network, genesis)
    if wrong is not None:
        return NetworkFacts(network.slug, host, tx=wrong, head=wrong)
    head = _read(client, "/blocks", raw_blocks, decode_head)
    facts = NetworkFacts(network.slug, host, tx=NotFound(), head=head)
    rbf = _optional(raw_rbf)
    replacement: Lookup[Replacement] | None = None
    if rbf is not None:
        known = _read(client, "/v1/tx/:txid/rbf", rbf, lambda raw: decode_replacement(raw, txid))
        replacement = known if not isinstance(known, Found) or known.value is not None else NotFound()
    if isinstance(raw_tx, _AbsentError):
        return replace(facts, replacement=replacement)
    if isinstance(raw_tx, Exception):
        return replace(facts, tx=_failure(raw_tx, url, client.timeout), replacement=replacement)
    tx = _read(client, "/tx/:txid", raw_tx, decode_transaction)
    if not isinstance(tx, Found):
        return replace(facts, tx=tx)
    if tx.value.tx_hash != txid:
        text = "{host} answered with another transaction than the one asked for"
        return replace(facts, tx=unavailable("wrong_answer", text, host=host))
    if not tx.value.pending:
        return replace(facts, tx=tx)  # in a block: nothing can replace it, and fees no longer matter
    return _waiting(client, facts, tx.value, replacement)


def _waiting(
    client: _Esplora, facts: NetworkFacts, tx: TxFacts, replacement: Lookup[Replacement] | None
) -> NetworkFacts:
    """Round two, for a transaction in the mempool: the backlog and fee rates, and its first inputs' parents."""
    details = tx.details
    assert isinstance(details, BitcoinDetails)
    parents = details.inputs[:_INPUTS_ASKED]
    jobs: list[Callable[[], Any]] = [lambda: client.get("/mempool"), lambda: client.get("/v1/fees/recommended")]
    for parent in parents:
        jobs += [_asking(client, f"/tx/{parent.txid}/outspends"), _asking(client, f"/tx/{parent.txid}/status")]
    raw_mempool, raw_fees, *per_input = client.ask(jobs)
    recommended = _optional(raw_fees)
    fees: Lookup[FeeContext]
    if isinstance(recommended, Exception):
        recommended = None  # a fault of the extra route leaves the histogram to judge by
    fees = _read(client, "/mempool", raw_mempool, lambda raw: decode_fee_market(raw, recommended))
    spent_by = None
    waiting_parents = 0
    for index, parent in enumerate(parents):
        outspends, status = per_input[2 * index], per_input[2 * index + 1]
        if not isinstance(outspends, Exception):
            spent_by = spent_by or decode_outspend(outspends, parent.vout, tx.tx_hash)
        if isinstance(status, Mapping) and status.get("confirmed") is False:
            waiting_parents += 1
    if spent_by is not None:
        replacement = Found(Replacement(True, "input_spent", spent_by))
    elif replacement is None or isinstance(replacement, NotFound):
        replacement = Found(Replacement(False, "input_spent"))
    tx = replace(tx, details=replace(details, unconfirmed_parents=waiting_parents))
    return replace(facts, tx=Found(tx), fees=fees, replacement=replacement)


def _asking(client: _Esplora, path: str) -> Callable[[], Any]:
    return lambda: client.get(path)


def _read(client: _Esplora, path: str, answer: Any, decode: Callable[[Any], Any]) -> Found[Any] | Unavailable:
    """One answer as a lookup: a failed or unreadable answer spoils only its own lookup."""
    host = endpoint_host(client.base)
    if isinstance(answer, _AbsentError):
        return unavailable("not_esplora", "{host} has no {path}", host=host, path=path)
    if isinstance(answer, Exception):
        return _failure(answer, client.base, client.timeout)
    try:
        return Found(decode(answer))
    except (ValueError, KeyError, TypeError, AttributeError, IndexError, ArithmeticError):
        return unavailable("unreadable", "{host} gave an unreadable answer to {method}", host=host, method=path)
