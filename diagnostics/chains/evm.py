"""EVM chains through web3.py's provider: two batched round trips per diagnosis.

Round one asks everything that needs only the hash (chain id, transaction, receipt, head, fee
history, pool size); round two asks what depends on the transaction (the sender's nonces, its block's
time, unknown tokens' symbol and decimals, the revert reason). Nodes that refuse JSON-RPC batches are
asked the same calls one by one, in parallel, so a round stays one round of waiting.

The raw answers are decoded by the module-level ``decode_*`` functions, which are pure and tested on
recorded answers.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, TypeVar

import requests
from eth_utils.address import to_checksum_address
from web3 import HTTPProvider

from diagnostics.chains.abi import (
    decode_decimals_result,
    decode_revert_data,
    decode_string_result,
    decode_token_call,
    decode_transfer_log,
    intended_transfers,
)
from diagnostics.chains.adapter import (
    EndpointAdapter,
    Lifetime,
    all_within,
    describe_failure,
    endpoint_host,
    unavailable,
)
from diagnostics.model import (
    ChainHead,
    ContractCall,
    EvmDetails,
    EvmFeeMarket,
    FeeContext,
    Found,
    Hints,
    Lookup,
    Network,
    NetworkFacts,
    NonceState,
    NotFound,
    PoolPosition,
    Replacement,
    TokenInfo,
    Transfer,
    TxFacts,
    TxStatus,
    Unavailable,
)

T = TypeVar("T")

_SYMBOL_CALL = "0x95d89b41"
_DECIMALS_CALL = "0x313ce567"
FEE_HISTORY_BLOCKS = 20
REWARD_PERCENTILES = (10.0, 50.0, 90.0)


@dataclass(frozen=True)
class RpcError:
    """A JSON-RPC error object: the node answered, but not with a result."""

    code: int
    message: str
    data: str | None = None


# ---------------------------------------------------------------------------------------------
# Pure decoders of raw JSON-RPC results


def _int(value: Any) -> int:
    """A JSON-RPC quantity; a missing one is an unreadable answer, never a silent 0 (block 0 is a real block)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if not isinstance(value, str) or not value:
        raise ValueError(f"expected a hex quantity, got {value!r}")
    return int(value, 16)


def _opt_int(value: Any) -> int | None:
    return None if value is None else _int(value)


def _address(value: Any) -> str | None:
    return to_checksum_address(value) if value else None


def decode_reply(raw: Mapping[str, Any]) -> Any:
    """The ``result`` of one JSON-RPC response, or an ``RpcError``."""
    if "error" in raw and raw["error"] is not None:
        error = raw["error"]
        if not isinstance(error, Mapping):
            return RpcError(0, str(error))
        data = error.get("data")
        return RpcError(
            int(error.get("code", 0)), str(error.get("message", "")), data if isinstance(data, str) else None
        )
    if "result" not in raw:
        raise ValueError("a JSON-RPC response with neither result nor error")
    return raw["result"]


def decode_head(block: Mapping[str, Any]) -> ChainHead:
    return ChainHead(number=_int(block["number"]), timestamp=_int(block["timestamp"]))


def decode_fee_history(raw: Mapping[str, Any], pending_count: int | None = None) -> EvmFeeMarket:
    base_fees = tuple(_int(b) for b in raw.get("baseFeePerGas") or ())
    return EvmFeeMarket(
        next_base_fee=base_fees[-1] if base_fees else None,
        base_fees=base_fees[:-1],
        gas_used_ratios=tuple(float(r) for r in raw.get("gasUsedRatio") or ()),
        reward_percentiles=REWARD_PERCENTILES,
        rewards=tuple(tuple(_int(x) for x in row) for row in raw.get("reward") or ()),
        pending_count=pending_count,
    )


def decode_pool_size(raw: Any) -> int | None:
    """``txpool_status``'s pending count; many public nodes do not offer it, which is fine."""
    if isinstance(raw, Mapping) and "pending" in raw:
        return _int(raw["pending"])
    return None


def _checksum(account: bytes | None) -> str | None:
    return to_checksum_address(account) if account is not None else None


def decode_call(to: str | None, data: str, sender: str) -> ContractCall | None:
    """The token method in a transaction's input, if it is one the checks understand."""
    call = decode_token_call(data)
    if to is None or call is None:
        return None
    source = _checksum(call.source) if call.source is not None else (sender if call.target is not None else None)
    return ContractCall(to, call.method, _checksum(call.target), call.amount, source)


def decode_transaction(raw: Mapping[str, Any]) -> TxFacts:
    """A transaction as ``eth_getTransactionByHash`` gives it: pending until its receipt says otherwise."""
    sender = to_checksum_address(raw["from"])
    to = _address(raw.get("to"))
    data = str(raw.get("input") or raw.get("data") or "0x")
    input_size = len(data.removeprefix("0x")) // 2
    call = decode_call(to, data, sender)
    value = _int(raw["value"])
    details = EvmDetails(
        nonce=_int(raw["nonce"]),
        value=value,
        gas_limit=_int(raw["gas"]),
        tx_type=_int(raw.get("type") or "0x0"),
        gas_price=_opt_int(raw.get("gasPrice")),
        max_fee=_opt_int(raw.get("maxFeePerGas")),
        max_priority_fee=_opt_int(raw.get("maxPriorityFeePerGas")),
        input_size=input_size,
    )
    return TxFacts(
        tx_hash=str(raw["hash"]).lower(),
        sender=sender,
        to=to,
        status=TxStatus.PENDING,
        block_number=_opt_int(raw.get("blockNumber")),
        intended=intended_transfers(sender, to, value, call),
        call=call,
        opaque_call=call is None and input_size > 0,
        details=details,
    )


def decode_status(receipt_status: int | None, gas_used: int, gas_limit: int) -> TxStatus:
    """Status 0 failed; before receipts carried a status (pre-Byzantium, 2017), all gas used up meant it failed."""
    if receipt_status is not None:
        return TxStatus.FAILED if receipt_status == 0 else TxStatus.CONFIRMED
    return TxStatus.FAILED if gas_used >= gas_limit else TxStatus.CONFIRMED


def decode_transfer_logs(logs: Sequence[Mapping[str, Any]]) -> list[tuple[str, str, str, int, int]]:
    """ERC-20 ``Transfer`` logs as (contract, from, to, amount, log index); ERC-721 ones are skipped."""
    found: list[tuple[str, str, str, int, int]] = []
    for log in logs:
        decoded = None if log.get("removed") else decode_transfer_log(log.get("topics") or (), log.get("data") or "")
        if decoded is None:
            continue
        sender, recipient, amount = decoded
        contract = to_checksum_address(log["address"])
        found.append(
            (
                contract,
                to_checksum_address(sender),
                to_checksum_address(recipient),
                amount,
                _opt_int(log.get("logIndex")) or 0,
            )
        )
    return found


def decode_revert(error: RpcError) -> str | None:
    """The reason a call reverted: ``Error(string)``, a ``Panic`` code, or the node's own words."""
    reason = decode_revert_data(error.data or "")
    if reason is not None:
        return reason
    prefix = "execution reverted: "
    return error.message[len(prefix) :] if error.message.startswith(prefix) else None


# ---------------------------------------------------------------------------------------------
# The thin I/O client


_BATCH_REFUSALS = {400, 404, 405, 413, 415, 422, 501}  # how nodes that take no batches say so over HTTP


# Reads that are the same for every case of a network at one moment, which a batch asks once (for a block, or
# for the whole run: a chain id, a block's time, a token's symbol and decimals).
_PER_BLOCK = frozenset(
    {"eth_feeHistory", "txpool_status", "eth_getTransactionCount", "eth_blockNumber", "eth_gasPrice"}
)


def shared_reads(method: str, params: Any) -> Lifetime | None:
    if method in _PER_BLOCK:
        return Lifetime.BLOCK
    if method == "eth_chainId":
        return Lifetime.RUN
    if method == "eth_getBlockByNumber" and isinstance(params, list) and params:
        return Lifetime.BLOCK if params[0] in {"latest", "pending"} else Lifetime.RUN
    if method == "eth_call" and isinstance(params, list) and params and isinstance(params[0], Mapping):
        return Lifetime.RUN if params[0].get("data") in {_SYMBOL_CALL, _DECIMALS_CALL} else None
    return None


class _RpcSession:
    """One endpoint, counting the sequential round trips it made."""

    def __init__(self, url: str, timeout: float, http: requests.Session) -> None:
        # One session for every request (web3 would cache one per thread), reading answers through the guard.
        self.http = http
        # No retries: a dead node must cost one timeout, not three.
        self._provider = HTTPProvider(
            url, request_kwargs={"timeout": timeout}, session=self.http, exception_retry_configuration=None
        )
        self._timeout = timeout
        self.host = endpoint_host(url)
        self._batches = True
        self.round_trips = 0

    def call_round(
        self, calls: Sequence[tuple[str, list[Any]]], alone: tuple[str, list[Any]] | None
    ) -> tuple[list[Any], Any]:
        """``calls`` (batched) and ``alone`` (a request of its own, whose failure spoils only itself) side by side,
        as one round; ``alone``'s answer is ``None`` when there is none, its exception when it failed."""
        if alone is None:
            return self.call_all(calls), None
        jobs = [lambda: self.call_all(calls), lambda: decode_reply(self._provider.make_request(*alone))]
        replies, single = all_within(self._timeout, jobs)
        if isinstance(replies, Exception):
            raise replies
        self.round_trips = max(self.round_trips, 1)  # counted once by call_all: both went out together
        return replies, single

    def call_all(self, calls: Sequence[tuple[str, list[Any]]]) -> list[Any]:
        if not calls:
            return []
        self.round_trips += 1
        if self._batches:
            batch = [(method, params) for method, params in calls]
            (response,) = all_within(self._timeout, [lambda: self._provider.make_batch_request(batch)])  # type: ignore[arg-type]
            if isinstance(response, Exception):
                http = response.response if isinstance(response, requests.HTTPError) else None
                if http is None or http.status_code not in _BATCH_REFUSALS:
                    raise response
            if isinstance(response, list) and len(response) == len(calls):
                return [decode_reply(r) for r in _matched(response)]
            self._batches = False  # the node refuses batches: ask the same calls side by side
        return self._side_by_side(calls)

    def _side_by_side(self, calls: Sequence[tuple[str, list[Any]]]) -> list[Any]:
        def ask(call: tuple[str, list[Any]]) -> Callable[[], Any]:
            return lambda: decode_reply(self._provider.make_request(call[0], call[1]))

        answers = all_within(self._timeout, [ask(call) for call in calls])
        failures = [a for a in answers if isinstance(a, Exception)]
        if len(failures) == len(answers):
            raise failures[0]  # one refused call must not sink the others; all refused is the node's failure
        return [RpcError(0, str(a) or type(a).__name__) if isinstance(a, Exception) else a for a in answers]


def _matched(replies: Sequence[Any]) -> Sequence[Any]:
    """A batch's answers in the order asked. JSON-RPC lets a node answer a batch in any order, matched by ``id``
    (web3 sorts them by it); answers without their ids, or with ids that are not the batch's, cannot be matched
    to their questions, and reading them in the order received could make a pending transaction "not found"."""
    ids = [reply.get("id") if isinstance(reply, Mapping) else None for reply in replies]
    first = ids[0] if ids else None
    if not isinstance(first, int) or ids != list(range(first, first + len(ids))):
        raise ValueError("the node's batch answer cannot be matched to its questions (ids missing or not the batch's)")
    return replies


class EvmAdapter(EndpointAdapter):
    """Gathers the facts of one EVM transaction.

    ``endpoints`` overrides a network's RPC URLs. The URLs are tried in order until one knows the
    transaction, or two agree that they do not: one dead public node does not make a network unavailable,
    and one pruned or lagging node does not make a transaction "not found" (a false "not found" can make
    a user send the money twice).
    """

    family = "evm"
    shared = staticmethod(shared_reads)

    def _gather_at(self, url: str, network: Network, tx_hash: str, hints: Hints) -> NetworkFacts:
        session = _RpcSession(url, self.timeout, self.prepare(requests.Session(), network))
        host = endpoint_host(url)
        try:
            facts = _gather(session, network, tx_hash, host, hints)
        except Exception as exc:  # DESIGN rule 3: nothing from web3/requests escapes; it is a reason
            dead = describe_failure(exc, url, self.timeout)
            facts = NetworkFacts(network.slug, host, tx=dead, head=dead, fees=dead, replacement=dead)
        finally:
            session.http.close()
        return replace(facts, round_trips=session.round_trips)


def _refused(host: str, method: str, reply: RpcError) -> Unavailable:
    return unavailable(
        "refused_method", "{host} refused {method}: {message}", host=host, method=method, message=reply.message
    )


def _decoded(host: str, method: str, reply: Any, decode: Callable[[Any], T]) -> Found[T] | Unavailable:
    """One answer as a lookup: refused or unreadable answers spoil only their own lookup."""
    if isinstance(reply, RpcError):
        return _refused(host, method, reply)
    try:
        return Found(decode(reply))
    except (ValueError, KeyError, TypeError, AttributeError, IndexError, ArithmeticError):
        return unavailable("unreadable", "{host} gave an unreadable answer to {method}", host=host, method=method)


def _gather(session: _RpcSession, network: Network, tx_hash: str, host: str, hints: Hints) -> NetworkFacts:
    signed = hints.signed
    calls: list[tuple[str, list[Any]]] = [
        ("eth_chainId", []),
        ("eth_getTransactionByHash", [tx_hash]),
        ("eth_getTransactionReceipt", [tx_hash]),
        ("eth_getBlockByNumber", ["latest", False]),
        ("eth_feeHistory", [hex(FEE_HISTORY_BLOCKS), "latest", list(REWARD_PERCENTILES)]),
        ("txpool_status", []),
        # Value moved inside contract calls: only a trace shows it. Most public nodes refuse debug_ methods, which
        # costs nothing here (one more call in the same batch) and is said as "could not be checked".
        ("debug_traceTransaction", [tx_hash, {"tracer": "callTracer"}]),
    ]
    if signed is not None:  # known before asking (a raw signed transaction): its nonces ride in the same batch
        sender = signed.sender
        calls += [("eth_getTransactionCount", [sender, "latest"]), ("eth_getTransactionCount", [sender, "pending"])]
    chain_id, raw_tx, raw_receipt, raw_head, raw_fees, raw_pool, raw_trace, *sender_counts = session.call_all(calls)
    chain = _decoded(host, "eth_chainId", chain_id, _int)
    if isinstance(chain, Found) and chain.value != network.chain_id:
        text = "{host} is a node of chain {got}, not of {network} (chain {wanted})"
        chain = unavailable(
            "wrong_chain", text, host=host, got=chain.value, network=network.name, wanted=network.chain_id
        )
    if isinstance(chain, Unavailable):
        wrong = chain
        return NetworkFacts(network.slug, host, tx=wrong, head=wrong, fees=wrong, replacement=wrong)

    head = _decoded(host, "eth_getBlockByNumber", raw_head, decode_head)
    pool = None if isinstance(raw_pool, RpcError) else decode_pool_size(raw_pool)
    gas_limit = _opt_int(raw_head.get("gasLimit")) if isinstance(raw_head, Mapping) else None

    def market(raw: Any) -> EvmFeeMarket:
        return replace(decode_fee_history(raw, pool), block_gas_limit=gas_limit)

    fees: Lookup[FeeContext] = _decoded(host, "eth_feeHistory", raw_fees, market)
    nonces = _nonces(host, *sender_counts) if sender_counts else None
    replacement = _replacement(signed.nonce, nonces) if signed is not None and nonces is not None else None
    found = NetworkFacts(network.slug, host, tx=NotFound(), head=head, fees=fees, replacement=replacement)
    if isinstance(raw_tx, RpcError) or isinstance(raw_receipt, RpcError):
        method = "eth_getTransactionByHash" if isinstance(raw_tx, RpcError) else "eth_getTransactionReceipt"
        return replace(found, tx=_refused(host, method, raw_tx if isinstance(raw_tx, RpcError) else raw_receipt))
    if isinstance(raw_receipt, Mapping) and raw_receipt.get("blockNumber") is None:
        raw_receipt = None  # some nodes answer a pending transaction with a receipt stub
    if raw_tx is None:
        if raw_receipt is not None:
            text = "{host} knows a receipt for this hash but not the transaction"
            return replace(found, tx=unavailable("receipt_without_tx", text, host=host))
        return found
    tx = _decoded(host, "eth_getTransactionByHash", raw_tx, decode_transaction)
    if not isinstance(tx, Found):
        return replace(found, tx=tx)
    if raw_receipt is None and tx.value.block_number is not None:
        # Load-balanced or pruned nodes: a mined transaction without its receipt cannot be judged.
        text = "{host} knows the transaction's block but not its receipt; try another endpoint"
        missing = unavailable("block_without_receipt", text, host=host)
        return replace(found, tx=missing)
    base_fee = fees.value.next_base_fee if isinstance(fees, Found) and isinstance(fees.value, EvmFeeMarket) else None
    facts, nonces = _second_round(
        session, network, tx.value, raw_tx, raw_receipt, base_fee=base_fee, address=hints.address
    )
    if facts.status is TxStatus.CONFIRMED and (facts.call is not None or facts.opaque_call):
        facts = replace(facts, internal=_internal(host, raw_trace))
    if not facts.pending:  # a mined transaction's nonce is its own: nothing can replace it any more
        return replace(found, tx=Found(facts), replacement=None)
    details = facts.details
    assert isinstance(details, EvmDetails)
    if isinstance(nonces, Found):
        facts = replace(facts, details=replace(details, sender_nonces=nonces.value))
    return replace(found, tx=Found(facts), replacement=_replacement(details.nonce, nonces))


def _replacement(nonce: int, nonces: Lookup[NonceState]) -> Lookup[Replacement]:
    """Whether the sender has already used ``nonce`` in a mined transaction: then this one can never be."""
    if not isinstance(nonces, Found):
        return nonces
    state = nonces.value
    return Found(Replacement(nonce < state.latest, "nonce", None, nonce, state.latest, state.pending))


def _nonces(host: str, latest: Any, pending: Any) -> Lookup[NonceState]:
    if isinstance(latest, RpcError) or isinstance(pending, RpcError):
        return unavailable("no_nonce", "the node did not tell the sender's transaction count")
    try:
        return Found(NonceState(_int(latest), _int(pending)))
    except (ValueError, TypeError):
        return unavailable(
            "unreadable", "{host} gave an unreadable answer to {method}", host=host, method="eth_getTransactionCount"
        )


def _second_round(
    session: _RpcSession,
    network: Network,
    tx: TxFacts,
    raw_tx: Mapping[str, Any],
    receipt: Mapping[str, Any] | None,
    *,
    base_fee: int | None,
    address: str | None = None,
) -> tuple[TxFacts, Lookup[NonceState]]:
    """What depends on the transaction, asked only where it is needed: a confirmed transfer of listed tokens
    whose receipt carries its block's time (geth 1.14+, erigon, anvil) needs nothing more."""
    logs = decode_transfer_logs(receipt.get("logs") or ()) if receipt else []
    contracts = {log[0] for log in logs} | ({tx.call.contract} if tx.call else set())
    unknown = sorted(c for c in contracts if network.token_by_contract(c) is None)
    block_number = _int(receipt["blockNumber"]) if receipt else None
    status = _opt_int(receipt.get("status")) if receipt else None
    timestamp = decode_receipt_time(receipt) if receipt else None
    waiting = receipt is None

    calls: list[tuple[str, list[Any]]] = []
    if waiting:  # its nonce may be taken or stuck behind another: the sender's counts say which
        calls += [
            ("eth_getTransactionCount", [tx.sender, "latest"]),
            ("eth_getTransactionCount", [tx.sender, "pending"]),
        ]
    # Tokens that went elsewhere than the address given: if the recipient is itself a token contract (it answers
    # symbol()), no one can ever send them on. Asked only then (with no address given, nothing is "elsewhere").
    suspects = sorted(
        {to for _, _, to, _, _ in logs if address and not _same(to, address) and network.token_by_contract(to) is None}
        - set(unknown)
    )
    calls += _token_calls(unknown, suspects)
    if block_number is not None and timestamp is None:
        calls.append(("eth_getBlockByNumber", [hex(block_number), False]))
    if block_number is not None and status == 0:
        replay = {k: raw_tx[k] for k in ("from", "to", "value", "gas") if raw_tx.get(k) is not None}
        replay["data"] = raw_tx.get("input") or raw_tx.get("data") or "0x"
        calls.append(("eth_call", [replay, hex(max(block_number - 1, 0))]))
    # The pool's content can be large: asked on its own, so a refusal spoils only the backlog.
    replies, pool = session.call_round(calls, ("txpool_content", []) if waiting else None)

    nonces: Lookup[NonceState] = NotFound()
    if waiting:
        nonces, replies = _nonces(session.host, replies[0], replies[1]), replies[2:]
    metadata, token_recipients, rest = _token_answers(unknown, suspects, replies)

    def token(contract: str) -> TokenInfo:
        listed = network.token_by_contract(contract)
        return TokenInfo(contract, listed.symbol, listed.decimals) if listed else metadata[contract]

    details = tx.details
    assert isinstance(details, EvmDetails)
    if tx.call:
        call = replace(tx.call, token=token(tx.call.contract))
        tx = replace(tx, call=call, intended=intended_transfers(tx.sender, tx.to, details.value, call))
    if receipt is None or block_number is None:
        return replace(tx, details=replace(details, pool=_pool_position(pool, tx.tx_hash, base_fee))), nonces

    if timestamp is None:
        block, rest = rest[0], rest[1:]
        timestamp = _opt_int(block.get("timestamp")) if isinstance(block, Mapping) else None
    gas_used = _int(receipt["gasUsed"])
    price = _opt_int(receipt.get("effectiveGasPrice")) or details.gas_price
    details = replace(details, gas_used=gas_used, effective_gas_price=price, receipt_status=status)
    tx = replace(
        tx,
        block_number=block_number,
        block_timestamp=timestamp,
        status=decode_status(status, gas_used, details.gas_limit),
        fee=gas_used * price if price is not None else None,
        details=details,
    )
    if tx.failed:
        reason = decode_revert(rest[0]) if rest and isinstance(rest[0], RpcError) else None
        return replace(tx, revert_reason=reason), nonces
    native = [Transfer(tx.sender, tx.to, details.value)] if details.value and tx.to else []
    tokens = [
        Transfer(sender, to, amount, token(contract), index, how="log") for contract, sender, to, amount, index in logs
    ]
    tokens_to = tuple(t.recipient for t in tokens if t.recipient in token_recipients)
    return replace(tx, transfers=tuple(native + tokens), token_contracts=tokens_to), nonces


def _token_calls(unknown: Sequence[str], suspects: Sequence[str]) -> list[tuple[str, list[Any]]]:
    """``symbol()`` and ``decimals()`` of unlisted token contracts, then ``symbol()`` of suspect recipients."""
    calls: list[tuple[str, list[Any]]] = []
    for contract in unknown:
        calls += [("eth_call", [{"to": contract, "data": _SYMBOL_CALL}, "latest"])]
        calls += [("eth_call", [{"to": contract, "data": _DECIMALS_CALL}, "latest"])]
    return calls + [("eth_call", [{"to": to, "data": _SYMBOL_CALL}, "latest"]) for to in suspects]


def _token_answers(
    unknown: Sequence[str], suspects: Sequence[str], replies: Sequence[Any]
) -> tuple[dict[str, TokenInfo], tuple[str, ...], Sequence[Any]]:
    """The answers to ``_token_calls``: the unlisted tokens' metadata, the recipients that are token contracts,
    and the replies that follow."""
    metadata = {}
    for index, contract in enumerate(unknown):
        symbol, decimals = replies[2 * index], replies[2 * index + 1]
        metadata[contract] = TokenInfo(
            contract,
            None if isinstance(symbol, RpcError) else decode_string_result(symbol),
            None if isinstance(decimals, RpcError) else decode_decimals_result(decimals),
        )
    replies = replies[2 * len(unknown) :]
    answered = tuple(to for to, reply in zip(suspects, replies, strict=False) if _is_symbol(reply))
    return metadata, answered + tuple(c for c in unknown if metadata[c].symbol is not None), replies[len(suspects) :]


def _same(a: str, b: str | None) -> bool:
    return b is not None and a.lower() == b.strip().lower()


def _is_symbol(reply: Any) -> bool:
    """An ``eth_call`` of ``symbol()`` that answered one: the address is a token contract."""
    return not isinstance(reply, RpcError) and decode_string_result(reply) is not None


def decode_receipt_time(receipt: Mapping[str, Any]) -> int | None:
    """The block's time where the receipt carries it (geth 1.14+ and erigon put ``blockTimestamp`` on logs, anvil
    on the receipt too): then the block need not be asked for."""
    for holder in (receipt, *(receipt.get("logs") or ())):
        value = holder.get("blockTimestamp") if isinstance(holder, Mapping) else None
        if value is not None:
            try:
                return _int(value)
            except ValueError:
                return None
    return None


def _effective_tip(raw: Mapping[str, Any], base_fee: int) -> int:
    """What a transaction pays a block producer per gas over ``base_fee``: its priority fee, capped by its max fee."""
    if raw.get("maxFeePerGas") is not None:
        return max(0, min(_int(raw.get("maxPriorityFeePerGas") or "0x0"), _int(raw["maxFeePerGas"]) - base_fee))
    return max(0, _int(raw.get("gasPrice") or "0x0") - base_fee)


def decode_pool_position(pool: Mapping[str, Any], tx_hash: str, base_fee: int) -> PoolPosition:
    """Where a pending transaction stands in ``txpool_content``'s pending pool: how many transactions pay more
    per gas (at the next block's base fee) and the gas they may use, which a block producer takes first."""
    entries = [
        tx
        for by_nonce in (pool.get("pending") or {}).values()
        if isinstance(by_nonce, Mapping)
        for tx in by_nonce.values()
        if isinstance(tx, Mapping)
    ]
    mine = next((t for t in entries if str(t.get("hash", "")).lower() == tx_hash), None)
    if mine is None:
        raise ValueError("the transaction is not in the node's pending pool")
    tip = _effective_tip(mine, base_fee)
    ahead = [t for t in entries if t is not mine and _effective_tip(t, base_fee) > tip]
    return PoolPosition(ahead=len(ahead), gas_ahead=sum(_int(t.get("gas") or "0x0") for t in ahead), size=len(entries))


def _pool_position(pool: Any, tx_hash: str, base_fee: int | None) -> Lookup[PoolPosition]:
    """The transaction's place in the pool; ``Unavailable`` where the node does not offer its pool's content
    (most public nodes), so the checks say their judgement rests on recent blocks only."""
    hidden = unavailable("no_pool", "the node does not show the content of its pool of waiting transactions")
    if not isinstance(pool, Mapping) or base_fee is None:
        return hidden
    try:
        return Found(decode_pool_position(pool, tx_hash, base_fee))
    except (ValueError, KeyError, TypeError, AttributeError):
        return hidden


def decode_internal_transfers(trace: Mapping[str, Any]) -> tuple[Transfer, ...]:
    """Native coin moved by the calls a transaction made (``callTracer``'s nested ``calls``), in call order;
    calls that reverted moved nothing, nor did anything under them. Walked with a stack, not recursion: a
    trace nests as deep as its calls do."""
    moved: list[Transfer] = []
    stack = list(reversed(trace.get("calls") or ()))
    while stack:
        call = stack.pop()
        if not isinstance(call, Mapping) or call.get("error"):
            continue
        value = _opt_int(call.get("value")) or 0
        if value and call.get("type") in ("CALL", "CREATE", "CREATE2", "SELFDESTRUCT") and call.get("to"):
            moved.append(
                Transfer(to_checksum_address(call["from"]), to_checksum_address(call["to"]), value, how="internal")
            )
        stack.extend(reversed(call.get("calls") or ()))
    return tuple(moved)


def _internal(host: str, trace: Any) -> Lookup[tuple[Transfer, ...]]:
    if isinstance(trace, RpcError):
        text = "{host} does not trace transactions, so value moved inside contract calls could not be checked"
        return unavailable("no_trace", text, host=host)
    return _decoded(host, "debug_traceTransaction", trace, decode_internal_transfers)
