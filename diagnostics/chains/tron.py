"""Tron through tronpy: two rounds of requests, each sent side by side.

Round one needs only the hash: the transaction (``wallet/gettransactionbyid``, which reads blocks only,
and ``wallet/gettransactionfrompending`` for one still waiting), its execution info
(``wallet/gettransactioninfobyid``), the newest block (``wallet/getnowblock``), the solidified height
(``wallet/getnodeinfo``) and block 0 (``wallet/getblockbynum``), whose id tells which network the node serves,
as a chain id does for EVM. Round two asks what depends on the transaction: whether the recipient's
account exists (``wallet/getaccount``) and the symbol and decimals of TRC-20 contracts the network's
table does not list (``wallet/triggerconstantcontract``).

tronpy asks with ``"visible": true``, so addresses arrive in Base58; the decoders accept the 41-hex
form too, because logs and some nodes still use it. The ``decode_*`` functions are pure and tested on
recorded answers.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import requests
from tronpy import Tron
from tronpy.exceptions import AddressNotFound, ApiError, TransactionNotFound
from tronpy.keys import to_base58check_address
from tronpy.providers import HTTPProvider

from diagnostics.chains import abi
from diagnostics.chains.adapter import (
    EndpointAdapter,
    Lifetime,
    all_within,
    describe_failure,
    endpoint_host,
    is_api_host,
    unavailable,
    wrong_network,
)
from diagnostics.intake.sniff import address_form
from diagnostics.model import (
    ChainHead,
    ContractCall,
    Found,
    Hints,
    Lookup,
    Network,
    NetworkFacts,
    NotFound,
    TokenInfo,
    Transfer,
    TronDetails,
    TxFacts,
    TxStatus,
    Unavailable,
)

_MS = 1000


# ---------------------------------------------------------------------------------------------
# Pure decoders of java-tron HTTP answers


def base58(address: Any) -> str:
    """A Tron address in Base58 from any form a node writes it in: ``T…``, ``41…`` hex, bare 40-hex
    (a log's contract in the hex form), or 20 bytes."""
    if isinstance(address, str) and len(address) == 40:
        address = bytes.fromhex(address)
    if isinstance(address, bytes):
        return str(to_base58check_address(address))
    if not isinstance(address, str) or not address:
        raise ValueError(f"not a Tron address: {address!r}")
    return str(to_base58check_address(address))


def _number(raw: Mapping[str, Any], key: str) -> int:
    """java-tron leaves out fields equal to their default: a missing number is 0."""
    value = raw.get(key, 0)
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"{key} is not a number: {value!r}")
    return value


def _height(text: Any) -> int:
    """A block from ``getnodeinfo``'s ``"Num:66987565,ID:0000…"``."""
    if not isinstance(text, str) or not text.startswith("Num:"):
        raise ValueError(f"not a block reference: {text!r}")
    return int(text[len("Num:") :].split(",", 1)[0])


def decode_solidified(node_info: Any) -> int | None:
    """The solidified height from ``getnodeinfo``; ``None`` when that answer is missing or unreadable,
    which costs the "irreversible" evidence only, never the head."""
    try:
        return _height(node_info["solidityBlock"])
    except (TypeError, KeyError, ValueError):
        return None


def decode_head(block: Mapping[str, Any], node_info: Any) -> ChainHead:
    """The newest block (``getnowblock``), with the solidified height from ``getnodeinfo`` when it answered."""
    header = block["block_header"]["raw_data"]
    final = decode_solidified(node_info)
    return ChainHead(
        number=_number(header, "number"), timestamp=_number(header, "timestamp") // _MS, final_number=final
    )


def decode_block_id(block: Any) -> str | None:
    """A block's id (``getblockbynum``); ``None`` when the node has no such block (``{}``: a lite node pruned
    it) or did not answer."""
    block_id = block.get("blockID") if isinstance(block, Mapping) else None
    return block_id if isinstance(block_id, str) and block_id else None


def decode_message(hex_text: Any) -> str | None:
    """``resMessage``: the node's own words on a failure, as hex-encoded text."""
    if not isinstance(hex_text, str) or not hex_text:
        return None
    try:
        return bytes.fromhex(hex_text).decode("utf-8", errors="replace").strip() or None
    except ValueError:
        return hex_text  # some nodes (wallet-cli's printer) already give the text


def _contract(raw_tx: Mapping[str, Any]) -> tuple[str, Mapping[str, Any]]:
    contracts = raw_tx["raw_data"]["contract"]
    first = contracts[0]
    return str(first["type"]), first["parameter"]["value"]


def _outcome(raw_tx: Mapping[str, Any], info: Mapping[str, Any] | None) -> tuple[int | None, str | None]:
    """(status, result word): 1 for success, 0 for failure, ``None`` while pending.

    A plain TRX transfer's info has no ``receipt.result`` at all (the default is left out); only a
    contract call carries one. Success is ``contractRet`` SUCCESS with no FAILED in the info.
    """
    if info is None:
        return None, None
    receipt = info.get("receipt") or {}
    rets = raw_tx.get("ret") or [{}]
    contract_ret = rets[0].get("contractRet")
    receipt_result = receipt.get("result")
    failed = (
        info.get("result") == "FAILED"
        or receipt_result not in (None, "SUCCESS")
        or contract_ret not in (None, "SUCCESS")
    )
    if not failed:
        return 1, receipt_result or contract_ret
    word = receipt_result if receipt_result not in (None, "SUCCESS") else contract_ret
    return 0, str(word or "FAILED")


def decode_transaction(raw_tx: Mapping[str, Any], info: Mapping[str, Any] | None) -> TxFacts:
    """A transaction and, once it is in a block, its info; token metadata is left to the caller."""
    kind, value = _contract(raw_tx)
    raw_data = raw_tx["raw_data"]
    sender = base58(value["owner_address"])
    to: str | None = None
    amount = 0
    call: ContractCall | None = None
    opaque = False
    if kind in ("TransferContract", "TransferAssetContract"):
        to, amount = base58(value["to_address"]), _number(value, "amount")
    elif kind == "TriggerSmartContract":
        to, amount = base58(value["contract_address"]), _number(value, "call_value")
        data = str(value.get("data") or "")
        call = _call(to, data, sender)
        opaque = call is None and len(data) > 0
    status, result = _outcome(raw_tx, info)
    receipt = (info or {}).get("receipt") or {}
    cost = TronDetails(
        fee_limit=raw_data.get("fee_limit"),
        energy_used=_number(receipt, "energy_usage_total"),
        energy_fee=_number(receipt, "energy_fee"),
        energy_penalty=_number(receipt, "energy_penalty_total"),
        bandwidth_used=_number(receipt, "net_usage"),
        bandwidth_fee=_number(receipt, "net_fee"),
    )
    # A TRC-10 asset's amount is no TRX: only TRX a transaction carries is asked for as native value.
    native = amount if kind != "TransferAssetContract" else 0
    tx = TxFacts(
        tx_hash=str(raw_tx["txID"]).lower(),
        sender=sender,
        to=to,
        status=TxStatus.PENDING,
        intended=abi.intended_transfers(sender, to, native, call),
        call=call,
        opaque_call=opaque,
        result=result,
        expires_at=_number(raw_data, "expiration") // _MS or None,
        details=cost,
    )
    if info is None:
        return tx
    failed = status == 0
    results = info.get("contractResult") or [""]
    return replace(
        tx,
        block_number=_number(info, "blockNumber"),
        block_timestamp=_number(info, "blockTimeStamp") // _MS,
        status=TxStatus.FAILED if failed else TxStatus.CONFIRMED,
        fee=_number(info, "fee"),
        revert_reason=abi.decode_revert_data(str(results[0] or "")) if failed else None,
        failure_message=decode_message(info.get("resMessage")) if failed else None,
    )


def _call(contract: str, data: str, sender: str) -> ContractCall | None:
    call = abi.decode_token_call(data)
    if call is None:
        return None
    target = base58(call.target) if call.target is not None else None
    source = base58(call.source) if call.source is not None else (sender if target else None)
    return ContractCall(contract, call.method, target, call.amount, source)


@dataclass(frozen=True)
class RawTransfer:
    """A transfer as the chain wrote it: ``contract`` is ``None`` for TRX, ``"trc10:<id>"`` for a TRC-10 asset."""

    contract: str | None
    sender: str
    recipient: str
    amount: int
    index: int | None = None


def decode_transfers(raw_tx: Mapping[str, Any], info: Mapping[str, Any]) -> list[RawTransfer]:
    """What a successful transaction moved: TRX or a TRC-10 asset in its contract, TRC-20 in its logs."""
    kind, value = _contract(raw_tx)
    moved: list[RawTransfer] = []
    sender = base58(value["owner_address"])
    if kind == "TransferContract":
        moved.append(RawTransfer(None, sender, base58(value["to_address"]), _number(value, "amount")))
    elif kind == "TransferAssetContract":
        asset = str(value.get("asset_name") or "?")
        moved.append(RawTransfer(f"trc10:{asset}", sender, base58(value["to_address"]), _number(value, "amount")))
    elif kind == "TriggerSmartContract" and _number(value, "call_value"):
        moved.append(RawTransfer(None, sender, base58(value["contract_address"]), _number(value, "call_value")))
    for index, log in enumerate(info.get("log") or ()):
        decoded = abi.decode_transfer_log(log.get("topics") or (), str(log.get("data") or ""))
        if decoded is not None:
            source, target, amount = decoded
            # Asked with "visible": true, java-tron prints a log's contract in Base58 (it adds the 41 byte
            # and converts); asked without, as 20 bytes of hex. Topics and data stay hex either way.
            moved.append(RawTransfer(base58(log["address"]), base58(source), base58(target), amount, index))
    return moved


# ---------------------------------------------------------------------------------------------
# The thin I/O client


class _Missing:
    """tronpy's way of saying ``{}``: the node answered and does not know the thing."""


_MISSING = _Missing()


def _or_missing(ask: Callable[[], Any]) -> Callable[[], Any]:
    def run() -> Any:
        try:
            return ask()
        except (TransactionNotFound, AddressNotFound):
            return _MISSING

    return run


class _Rounds:
    """Sends one round of requests side by side, within the timeout, counting the rounds."""

    def __init__(self, timeout: float) -> None:
        self.timeout = timeout
        self.count = 0

    def ask(self, jobs: Sequence[Callable[[], Any]]) -> list[Any]:
        if not jobs:
            return []
        self.count += 1
        return all_within(self.timeout, [_or_missing(job) for job in jobs])


def _failure(exc: Exception, url: str, timeout: float) -> Unavailable:
    host = endpoint_host(url)
    if isinstance(exc, ApiError):
        return unavailable("api_error", "{host} answered with an error: {error}", host=host, error=exc)
    if isinstance(exc, requests.HTTPError) and exc.response is not None and exc.response.status_code == 403:
        # TronGrid answers 403 (and blocks for a while) when requests go over the free limit.
        text = "{host} refused the request (HTTP 403), as TronGrid does past its free limit: set TRON_PRO_API_KEY"
        return unavailable("trongrid_403", text, host=host)
    return describe_failure(exc, url, timeout)


# TronGrid's own hosts: mainnet and the Shasta and Nile testnets (tronpy's defaults; TRON's developer docs).
# The user's key is TronGrid's: sent to these alone, over https, never after a redirect (DESIGN rule 7).
TRONGRID_HOSTS = frozenset({"api.trongrid.io", "api.shasta.trongrid.io", "nile.trongrid.io"})
API_KEY_HEADER = "TRON-PRO-API-KEY"


def sends_api_key(url: str) -> bool:
    """Whether requests to ``url`` may carry the TronGrid key (``adapter.is_api_host``)."""
    return is_api_host(url, TRONGRID_HOSTS)


def _drop_key_on_redirect(response: requests.Response, *args: object, **kwargs: object) -> requests.Response:
    """A redirect is followed without the key: requests copies every header to wherever it leads."""
    if response.is_redirect:
        response.request.headers.pop(API_KEY_HEADER, None)
    return response


_PER_BLOCK = ("/wallet/getnowblock", "/wallet/getnodeinfo", "/wallet/getaccount")
_METADATA = frozenset({"symbol()", "decimals()", "95d89b41", "313ce567"})


def shared_reads(path: str, body: Any) -> Lifetime | None:
    """The reads a batch asks once per network: the head and accounts per block; block 0 and a token's symbol
    and decimals for the run (many tickets name the same deposit address and the same token)."""
    if path.endswith(_PER_BLOCK):
        return Lifetime.BLOCK
    if path.endswith("/wallet/getblockbynum") and isinstance(body, dict) and body.get("num") == 0:
        return Lifetime.RUN
    if path.endswith("/wallet/triggerconstantcontract") and isinstance(body, dict):
        return Lifetime.RUN if str(body.get("function_selector", body.get("data", ""))) in _METADATA else None
    return None


class TronAdapter(EndpointAdapter):
    """Gathers the facts of one Tron transaction.

    ``endpoints`` overrides the network's URLs (tried in order, as for EVM). ``api_key`` is sent as
    ``TRON-PRO-API-KEY`` to TronGrid's own hosts only (``sends_api_key``); it comes from the user's settings or
    environment.
    """

    family = "tron"
    shared = staticmethod(shared_reads)

    def _gather_at(self, url: str, network: Network, tx_hash: str, hints: Hints) -> NetworkFacts:
        # A raw signed transaction is not asked about: a Tron transaction has no nonce, so its absence cannot
        # mean "replaced". The user's address is: its account (activated or not) is asked in the first round.
        # No retries: tronpy's provider makes one request per call, so a dead node costs one timeout.
        provider = HTTPProvider(url, timeout=self.timeout)
        self.prepare(provider.sess, network)
        # tronpy's own key rotation (its shared built-in keys, a retry loop and a sleep on HTTP 403, a
        # warning printed to stderr) is switched off: only the user's key is sent, to TronGrid only, and a
        # refusal is reported once, as it is.
        provider.use_api_key = False
        if self._api_key and sends_api_key(url):
            provider.sess.headers[API_KEY_HEADER] = self._api_key
            provider.sess.hooks["response"].insert(0, _drop_key_on_redirect)
        client = Tron(provider)
        rounds = _Rounds(self.timeout)
        try:
            address = _tron_address(hints.address)
            facts = _gather(client, rounds, network, tx_hash, url, address=address, thrifty=self.thrifty)
        except Exception as exc:  # DESIGN rule 3: nothing from tronpy/requests escapes; it is a reason
            dead = _failure(exc, url, self.timeout)
            facts = NetworkFacts(network.slug, endpoint_host(url), tx=dead, head=dead)
        finally:
            provider.sess.close()
        return replace(facts, round_trips=rounds.count)


def _tron_address(address: str | None) -> str | None:
    """The user's address when it is a Tron one (an account this node can be asked about), else ``None``."""
    form = address_form(address) if address else None
    return address if form is not None and form.family == "tron" and form.problem is None else None


def _gather(
    client: Tron,
    rounds: _Rounds,
    network: Network,
    tx_hash: str,
    url: str,
    *,
    address: str | None,
    thrifty: bool = False,
) -> NetworkFacts:
    host = endpoint_host(url)
    # The user's address is the likely recipient: its account, asked now, spares a second round.
    ask_account: list[Callable[[], Any]] = [lambda: client.get_account(address)] if address else []

    def ask_pool() -> Any:
        return client.provider.make_request("wallet/gettransactionfrompending", {"value": tx_hash, "visible": True})

    # In a batch the pool is asked only for a transaction no block holds (most are in one): a request saved
    # per case, for a second round where it is needed.
    first: list[Callable[[], Any]] = [
        lambda: client.get_transaction(tx_hash),
        lambda: client.get_transaction_info(tx_hash),
        client.get_node_info,
        client.get_latest_block,
        # Block 0 says which network the node serves (Tron's HTTP API has no chain id): Nile and Shasta
        # nodes answer "not found" for a mainnet id, which is no answer about mainnet at all.
        lambda: client.provider.make_request("wallet/getblockbynum", {"num": 0}),
        *ask_account,
    ]
    raw_tx, raw_info, raw_node, raw_block, raw_genesis, *rest = rounds.ask(first if thrifty else [*first, ask_pool])
    raw_account, raw_pending = (rest, {}) if thrifty else (rest[:-1], rest[-1])
    if all(isinstance(a, Exception) for a in (raw_tx, raw_info, raw_node, raw_block)):
        raise raw_tx  # the node itself could not be used: one reason for everything
    wrong = wrong_network(host, "Tron", network, decode_block_id(raw_genesis))
    if wrong is not None:
        return NetworkFacts(network.slug, host, tx=wrong, head=wrong)
    if thrifty and raw_tx is _MISSING:
        (raw_pending,) = rounds.ask([ask_pool])
    from_pool = raw_tx is _MISSING and isinstance(raw_pending, Mapping) and bool(raw_pending.get("txID"))
    if from_pool:
        # gettransactionbyid reads only blocks; a broadcast transaction waits in the node's pending pool.
        raw_tx = raw_pending

    def failed(answer: Exception) -> Unavailable:
        return _failure(answer, url, rounds.timeout)

    head: Lookup[ChainHead]
    if isinstance(raw_block, Exception):
        head = failed(raw_block)
    else:
        head = _read(host, "wallet/getnowblock", lambda: decode_head(raw_block, raw_node))
    facts = NetworkFacts(network.slug, host, tx=NotFound(), head=head)
    if isinstance(raw_tx, Exception) or isinstance(raw_info, Exception):
        return replace(facts, tx=failed(raw_tx if isinstance(raw_tx, Exception) else raw_info))
    if raw_tx is _MISSING:
        if raw_info is not _MISSING:
            text = "{host} knows the execution of this id but not the transaction"
            return replace(facts, tx=unavailable("info_without_tx", text, host=host))
        if isinstance(raw_pending, Exception) and not _not_offered(raw_pending):
            # Not in a block, and the pool could not be asked: it may be waiting there. Unknown, not absent.
            return replace(facts, tx=failed(raw_pending))
        return facts
    if raw_info is _MISSING and not from_pool:
        # In a block but its execution not yet indexed (a load-balanced node mid-block): not "pending".
        text = "{host} knows the transaction's block but not its result yet; retry"
        return replace(facts, tx=unavailable("block_without_result", text, host=host))
    info = None if raw_info is _MISSING else raw_info
    tx = _read(host, "wallet/gettransactionbyid", lambda: decode_transaction(raw_tx, info))
    if not isinstance(tx, Found):
        return replace(facts, tx=tx)
    transfers = _read(host, "wallet/gettransactioninfobyid", lambda: decode_transfers(raw_tx, info) if info else [])
    if not isinstance(transfers, Found):
        return replace(facts, tx=transfers)
    known = {address: raw_account[0]} if address else {}
    return replace(facts, tx=Found(_second_round(client, rounds, network, tx.value, transfers.value, accounts=known)))


def _not_offered(exc: Exception) -> bool:
    """A node without the pending pool's endpoint (HTTP 404/405) cannot say "pending"; that is no failure."""
    return isinstance(exc, requests.HTTPError) and exc.response is not None and exc.response.status_code in (404, 405)


def _read(host: str, path: str, decode: Callable[[], Any]) -> Found[Any] | Unavailable:
    try:
        return Found(decode())
    except (ValueError, KeyError, TypeError, AttributeError, IndexError, ArithmeticError):
        return unavailable("unreadable", "{host} gave an unreadable answer to {method}", host=host, method=path)


def _second_round(
    client: Tron,
    rounds: _Rounds,
    network: Network,
    tx: TxFacts,
    raw: Sequence[RawTransfer],
    *,
    accounts: Mapping[str, Any],
) -> TxFacts:
    """What depends on the transaction: the recipient's account (unless round one already asked it, as the
    user's address) and unlisted TRC-20 contracts' symbol and decimals; nothing at all for a transfer of a
    listed token to the address the user gave."""
    contracts = {t.contract for t in raw if t.contract and not t.contract.startswith("trc10:")}
    contracts |= {tx.call.contract} if tx.call else set()
    unknown = sorted(c for c in contracts if network.token_by_contract(c) is None)
    # The account that receives: a token call's target before the contract a call's TRX goes to.
    recipient = (tx.call.target if tx.call else None) or next((t.recipient for t in raw), None) or tx.to

    def constant(contract: str, selector: str) -> Callable[[], Any]:
        return lambda: client.trigger_const_smart_contract_function(tx.sender, contract, selector, "")

    ask_recipient = recipient is not None and recipient not in accounts
    jobs: list[Callable[[], Any]] = [lambda: client.get_account(recipient)] if ask_recipient else []
    for contract in unknown:
        jobs += [constant(contract, "symbol()"), constant(contract, "decimals()")]
    replies = rounds.ask(jobs)
    account = None
    if ask_recipient:
        account, replies = replies[0], replies[1:]
    elif recipient is not None:
        account = accounts[recipient]
    activated = None if recipient is None or isinstance(account, Exception) else account is not _MISSING

    metadata = {}
    for index, contract in enumerate(unknown):
        symbol, decimals = replies[2 * index], replies[2 * index + 1]
        metadata[contract] = TokenInfo(contract, abi.decode_string_result(symbol), abi.decode_decimals_result(decimals))

    def token(contract: str) -> TokenInfo:
        if contract.startswith("trc10:"):
            return TokenInfo(contract, None, None)
        listed = network.token_by_contract(contract)
        return TokenInfo(contract, listed.symbol, listed.decimals) if listed else metadata[contract]

    transfers = tuple(
        Transfer(t.sender, t.recipient, t.amount, token(t.contract) if t.contract else None, t.index, _how(t))
        for t in raw
    )
    call = replace(tx.call, token=token(tx.call.contract)) if tx.call else None
    details = tx.details if isinstance(tx.details, TronDetails) else TronDetails()
    native = next((t.amount for t in tx.intended if t.how == "value"), 0)
    return replace(
        tx,
        call=call,
        intended=abi.intended_transfers(tx.sender, tx.to, native, call),
        transfers=transfers if tx.status is TxStatus.CONFIRMED else (),
        details=replace(details, recipient_activated=activated),
    )


def _how(transfer: RawTransfer) -> str:
    if transfer.contract is None:
        return "value"
    return "asset" if transfer.contract.startswith("trc10:") else "log"
