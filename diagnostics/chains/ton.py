"""TON through a toncenter API v3 endpoint (toncenter.com/api/v3, or any indexer speaking it) over ``requests``.

A TON transfer is a chain of messages, each handled by its own transaction: the user's wallet takes the signed
external message and sends an internal one; for a jetton (USDT) that goes to the user's jetton wallet, which
sends the tokens on to the recipient's jetton wallet, which tells the recipient's own wallet with the comment.

Round one needs only the hash and is sent side by side: the transaction (``/api/v3/transactions?hash=``), the
transaction a message with that hash started (``/api/v3/transactionsByMessage?msg_hash=``: wallets show message
hashes too), and the masterchain's newest block (``/api/v3/masterchainInfo``: the head, and the network's global
id, -239 on mainnet, -3 on testnet). Round two follows the messages the transaction sent: the transaction each
started at its destination (did it fail, or bounce?) and, for a jetton transfer, the indexer's record of it
(``/api/v3/jetton/transfers``: the jetton's master, so which token moved). Two rounds, whatever happened.

The decoders are module-level pure functions, tested on recorded answers (tests/fixtures/ton/).
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlencode

import requests
from pytoniq_core.boc import Address, Cell, Slice

from diagnostics.chains.adapter import (
    EndpointAdapter,
    Lifetime,
    all_within,
    describe_failure,
    endpoint_host,
    is_api_host,
    parse_json,
    unavailable,
)
from diagnostics.model import (
    ChainHead,
    Found,
    Hints,
    Network,
    NetworkFacts,
    NotFound,
    TokenInfo,
    TonDetails,
    Transfer,
    TxFacts,
    TxStatus,
    Unavailable,
)

# TEP-74 jetton messages (ton-blockchain/TEPs text/0074-jettons-standard.md): transfer, and the text comment
# (op 0, then the text as a snake string: ton-docs "Text comment" of the message layouts).
OP_JETTON_TRANSFER = 0x0F8A7EA5
OP_COMMENT = 0
# Messages followed in round two: a wallet sends at most four at a time (wallet v3/v4 take four per external
# message), and a highload wallet's batch of hundreds is no one deposit.
_FOLLOWED = 4
# The user's key is toncenter's: sent only to its hosts, over https (DESIGN rule 7; as Tron's key to TronGrid).
TONCENTER_HOSTS = frozenset({"toncenter.com", "testnet.toncenter.com"})
API_KEY_HEADER = "X-API-Key"
API = "/api/v3"


def sends_api_key(url: str) -> bool:
    """Whether requests to ``url`` may carry the toncenter key (``adapter.is_api_host``)."""
    return is_api_host(url, TONCENTER_HOSTS)


# ---------------------------------------------------------------------------------------------
# Pure decoders of toncenter v3 answers


def _int(value: Any) -> int:
    """toncenter writes 64-bit numbers as strings ("lt": "46760680000003"), small ones as numbers."""
    if isinstance(value, bool):
        raise ValueError(f"expected a whole number, got {value!r}")
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.lstrip("-").isdigit() and len(value) <= 40:
        return int(value)
    raise ValueError(f"expected a whole number, got {value!r}")


def friendly(raw: str, bounceable: bool = False) -> str:
    """An account as users see it: user-friendly base64url, non-bounceable (UQ…, how wallets show their own
    address) or bounceable (EQ…, how contracts such as jetton masters are written)."""
    return str(Address(raw).to_str(is_user_friendly=True, is_url_safe=True, is_bounceable=bounceable))


def hash_hex(value: Any) -> str:
    """A hash as toncenter writes it (base64, or hex) as 64 lower-case hex."""
    text = str(value)
    if len(text) == 64 and all(c in "0123456789abcdefABCDEF" for c in text):
        return text.lower()
    raw = base64.b64decode(text.replace("-", "+").replace("_", "/"), validate=True)
    if len(raw) != 32:
        raise ValueError("a hash is 32 bytes")
    return raw.hex()


def decode_head(info: Mapping[str, Any]) -> tuple[ChainHead, int | None]:
    """``/masterchainInfo``: the newest masterchain block, and the network's global id where the answer gives it."""
    last = info["last"]
    global_id = last.get("global_id")
    return ChainHead(number=_int(last["seqno"]), timestamp=_int(last["gen_utime"])), (
        _int(global_id) if global_id is not None else None
    )


def _comment(slice_: Slice) -> str | None:
    """A text comment (op 0 and a snake string), or ``None`` for any other payload."""
    if slice_.remaining_bits < 32 or slice_.load_uint(32) != OP_COMMENT:
        return None
    return str(slice_.load_snake_string())


def body_comment(body: str | None) -> str | None:
    """The text comment of a message body (a base64 BOC), or ``None`` when it carries none."""
    if not body:
        return None
    try:
        return _comment(Cell.one_from_boc(base64.b64decode(body)).begin_parse())
    except Exception:  # a body that is no comment is simply not one (pytoniq raises its own errors)
        return None


def message_comment(message: Mapping[str, Any]) -> str | None:
    content = message.get("message_content") or {}
    decoded = content.get("decoded")
    if isinstance(decoded, Mapping) and decoded.get("type") == "text_comment":
        return str(decoded.get("comment", ""))
    return body_comment(content.get("body"))


@dataclass(frozen=True)
class JettonTransfer:
    """A TEP-74 ``transfer`` a wallet asked its jetton wallet for: who gets how much, and the forward comment."""

    query_id: int
    amount: int
    destination: str  # the recipient's own wallet (raw), not its jetton wallet
    comment: str  # "" when the forward payload carries no text comment


def decode_jetton_transfer(body: str | None) -> JettonTransfer | None:
    """The jetton transfer in a message body (base64 BOC), or ``None`` when the body is no jetton transfer."""
    if not body:
        return None
    try:
        s = Cell.one_from_boc(base64.b64decode(body)).begin_parse()
        if s.remaining_bits < 32 or s.load_uint(32) != OP_JETTON_TRANSFER:
            return None
        query_id, amount = s.load_uint(64), s.load_coins()
        destination = s.load_address()
        s.load_address()  # response_destination: where the excess TON goes back
        s.load_maybe_ref()  # custom_payload
        s.load_coins()  # forward_ton_amount
        forward = s.load_ref().begin_parse() if s.remaining_bits and s.load_bit() else s
        comment = _comment(forward) if forward.remaining_bits >= 32 else None
    except Exception:  # a malformed body is no transfer (pytoniq raises its own errors)
        return None
    if destination is None:
        return None
    return JettonTransfer(int(query_id), int(amount), destination.to_str(False), comment or "")


@dataclass(frozen=True)
class _Run:
    """How one transaction ran: whether it failed (a phase failed, or it sent the message back: bounced), which
    phase with which code. An aborted transaction whose compute phase was skipped on an account with no code yet
    still keeps the value of a non-bounceable message (the account is then ``uninit``): that is no failure."""

    failed: bool
    phase: str | None = None
    exit_code: int | None = None
    result_code: int | None = None
    bounced: bool = False


def _run(raw: Mapping[str, Any]) -> _Run:
    description = raw.get("description") or {}
    compute = description.get("compute_ph") or {}
    action = description.get("action") or {}
    bounced = any(bool(m.get("bounced")) for m in raw.get("out_msgs") or ())
    if compute.get("success") is False:
        code = compute.get("exit_code")
        return _Run(True, "compute", _int(code) if code is not None else None, bounced=bounced)
    if action and action.get("success") is False:
        code = action.get("result_code")
        return _Run(True, "action", None, _int(code) if code is not None else None, bounced)
    if bounced:
        return _Run(True, "compute_skipped", bounced=True)
    return _Run(False)


def _names(book: Mapping[str, Any]) -> Callable[[str], str]:
    """How to write an account: the answer's address book's user-friendly form, else the non-bounceable one."""

    def name(raw: str) -> str:
        entry = book.get(raw) if isinstance(book, Mapping) else None
        shown = entry.get("user_friendly") if isinstance(entry, Mapping) else None
        return str(shown) if isinstance(shown, str) and shown else friendly(raw)

    return name


def decode_transactions(answer: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    transactions = answer["transactions"]
    if not isinstance(transactions, list):
        raise ValueError("transactions is not a list")
    return transactions


def decode_transaction(raw: Mapping[str, Any], book: Mapping[str, Any], network: Network) -> TxFacts:
    """One transaction as the user's wallet (or, for a deposit seen from the other side, the recipient) ran it.

    What it sent is ``intended``: TON to an account, or a jetton transfer (to the recipient's own wallet, with the
    forward comment). Whether it arrived is round two's (``settle``); a transaction that failed itself sent nothing.
    """
    name = _names(book)
    account = str(raw["account"])
    run = _run(raw)
    in_msg = raw.get("in_msg") or {}
    intended: list[Transfer] = []
    jetton_wallet = None
    for index, out in enumerate(raw.get("out_msgs") or ()):
        destination = out.get("destination")
        if not destination:
            continue  # an external out message (a log): no one's money
        content = out.get("message_content") or {}
        jetton = decode_jetton_transfer(content.get("body"))
        if jetton is not None:
            jetton_wallet = name(destination)
            intended.append(
                Transfer(
                    name(account), friendly(jetton.destination), jetton.amount, None, index, "jetton", jetton.comment
                )
            )
        else:
            memo = message_comment(out) or ""
            intended.append(
                Transfer(name(account), name(destination), _int(out.get("value") or 0), None, index, "value", memo)
            )
    source = in_msg.get("source")
    if source and not run.failed:  # an internal message received: the value it brought, as the recipient saw it
        memo = message_comment(in_msg) or ""
        intended.insert(
            0, Transfer(name(source), name(account), _int(in_msg.get("value") or 0), None, None, "value", memo)
        )
    failed = run.failed
    details = TonDetails(
        lt=_int(raw["lt"]),
        account=name(account),
        aborted=bool((raw.get("description") or {}).get("aborted")),
        phase=run.phase,
        exit_code=run.exit_code,
        result_code=run.result_code,
        failed_at=name(account) if failed else None,
        bounced=run.bounced,
        comment=message_comment(in_msg) if source else None,
        jetton_wallet=jetton_wallet,
    )
    seqno = raw.get("mc_block_seqno")
    # toncenter also answers transactions not yet in a finalized block ("finality": "pending", or "emulated": the
    # indexer ran them ahead of the chain): they are waiting, and may yet fail or never happen.
    if raw.get("emulated") or raw.get("finality") == "pending" or (seqno is None and raw.get("finality")):
        return TxFacts(
            tx_hash=hash_hex(raw["hash"]),
            sender=name(source) if source else name(account),
            to=intended[0].recipient if intended else None,
            status=TxStatus.PENDING,
            intended=tuple(intended),
            details=details,
        )
    return TxFacts(
        tx_hash=hash_hex(raw["hash"]),
        sender=name(source) if source else name(account),
        to=intended[0].recipient if intended else None,
        status=TxStatus.FAILED if failed else TxStatus.CONFIRMED,
        block_number=_int(seqno) if seqno is not None else None,
        block_timestamp=_int(raw["now"]),
        fee=_int(raw.get("total_fees") or 0),
        transfers=() if failed else tuple(intended),
        intended=tuple(intended),
        result=_result(run) if failed else None,
        details=details,
    )


def _result(run: _Run) -> str:
    """The chain's own word for a failure, as the report quotes it."""
    if run.phase == "compute":
        return f"compute phase exit code {run.exit_code}"
    if run.phase == "action":
        return f"action phase result code {run.result_code}"
    return "bounced" if run.bounced else "aborted"


def decode_jetton_record(answer: Mapping[str, Any], query_id: int, network: Network) -> TokenInfo | None:
    """The jetton master of the indexer's record of the transfer with ``query_id`` (``/jetton/transfers``), as
    the network's token table writes it, with its symbol and decimals where the table knows it."""
    for record in answer["jetton_transfers"]:
        if _int(record.get("query_id", -1)) != query_id:
            continue
        master = friendly(str(record["jetton_master"]), bounceable=True)
        token = network.token_by_contract(master)
        return TokenInfo(master, token.symbol, token.decimals) if token else TokenInfo(master, None, None)
    return None


def settle(tx: TxFacts, followed: Sequence[Any], tokens: Sequence[TokenInfo | None]) -> TxFacts:
    """What became of the messages ``tx`` sent: ``followed[i]`` is the transaction the i-th one started (a
    ``Mapping``), ``None`` while it is still on its way, or an ``Exception`` where that could not be read.

    A message still on its way leaves the transfer pending; one whose transaction failed did not move (and,
    when the message could bounce, came back); a jetton transfer's token is the indexer's record of it.
    """
    details = tx.details
    assert isinstance(details, TonDetails)
    sent = [t for t in tx.intended if t.index is not None][:_FOLLOWED]
    moved: list[Transfer] = [t for t in tx.transfers if t.index is None]
    waiting = False
    for asked, arrived, token in zip(sent, followed, tokens, strict=False):
        transfer = replace(asked, token=token) if token is not None else asked
        if arrived is None or isinstance(arrived, Exception):
            waiting = waiting or arrived is None
            moved.append(transfer)
            continue
        run = _run(arrived)
        if run.failed:
            failed_details = replace(
                details,
                phase=run.phase,
                exit_code=run.exit_code,
                result_code=run.result_code,
                failed_at=friendly(str(arrived["account"])),
                bounced=run.bounced,
            )
            intended = tuple(transfer if t is asked else t for t in tx.intended)
            return replace(
                tx,
                status=TxStatus.FAILED,
                transfers=(),
                intended=intended,
                result=_result(run),
                details=failed_details,
            )
        moved.append(transfer)
    status = TxStatus.PENDING if waiting else tx.status
    final = tuple(moved)
    return replace(tx, status=status, transfers=() if waiting else final, intended=final)


# ---------------------------------------------------------------------------------------------
# The thin I/O client


class _HttpError(Exception):
    """A toncenter answer with an error status; ``status`` is the HTTP status."""

    def __init__(self, status: int, text: str) -> None:
        super().__init__(text)
        self.status = status


@dataclass
class _Toncenter:
    base: str
    timeout: float
    session: requests.Session
    rounds: int = 0

    def get(self, path: str, **params: Any) -> Any:
        query = urlencode({k: v for k, v in params.items() if v is not None})
        url = f"{self.base}{API}{path}" + (f"?{query}" if query else "")
        with self.session.get(url, timeout=self.timeout, allow_redirects=False) as reply:
            reply.raise_for_status()
            if reply.status_code != 200:
                raise ValueError(f"HTTP {reply.status_code} where an answer was expected")
            body = reply.content
        return parse_json(body)

    def ask(self, jobs: Sequence[Callable[[], Any]]) -> list[Any]:
        self.rounds += 1
        return all_within(self.timeout, jobs)


def shared_reads(path: str, _params: Any) -> Lifetime | None:
    """What a batch asks once per network: the masterchain's head, per block."""
    return Lifetime.BLOCK if path.endswith("/masterchainInfo") else None


class TonAdapter(EndpointAdapter):
    """Gathers the facts of one TON transaction from toncenter v3 endpoints (a base URL each, such as
    https://toncenter.com). ``api_key`` goes as ``X-API-Key`` to toncenter's own hosts only."""

    family = "ton"
    shared = staticmethod(shared_reads)

    def _gather_at(self, url: str, network: Network, tx_hash: str, hints: Hints) -> NetworkFacts:
        with self.prepare(requests.Session(), network) as session:
            if self._api_key and sends_api_key(url):
                session.headers[API_KEY_HEADER] = self._api_key
            client = _Toncenter(url.rstrip("/"), self.timeout, session)
            try:
                facts = _gather(client, network, tx_hash, url)
            except Exception as exc:  # DESIGN rule 3: nothing from requests or pytoniq escapes; it is a reason
                dead = describe_failure(exc, url, self.timeout)
                facts = NetworkFacts(network.slug, endpoint_host(url), tx=dead, head=dead)
        return replace(facts, round_trips=client.rounds)


_READ_ERRORS = (ValueError, KeyError, TypeError, AttributeError, IndexError, ArithmeticError, binascii.Error)


def _gather(client: _Toncenter, network: Network, tx_hash: str, url: str) -> NetworkFacts:
    host = endpoint_host(url)
    by_hash, by_message, info = client.ask(
        [
            lambda: client.get("/transactions", hash=tx_hash, limit=1),
            lambda: client.get("/transactionsByMessage", msg_hash=tx_hash, direction="in", limit=1),
            lambda: client.get("/masterchainInfo"),
        ]
    )
    if isinstance(info, Exception) and isinstance(by_hash, Exception):
        raise by_hash  # the endpoint itself could not be used: one reason for everything
    if isinstance(info, Exception):
        head: Found[ChainHead] | Unavailable = describe_failure(info, url, client.timeout)
    else:
        try:
            decoded, global_id = decode_head(info)
        except _READ_ERRORS:
            text = "{host} gave an unreadable answer to {method}"
            dead = unavailable("unreadable", text, host=host, method="/api/v3/masterchainInfo")
            return NetworkFacts(network.slug, host, tx=dead, head=dead)
        if global_id is not None and global_id != network.chain_id:
            text = "{host} serves another {chain} network (global id {got}), not {network}"
            wrong = unavailable("wrong_global_id", text, host=host, chain="TON", got=global_id, network=network.name)
            return NetworkFacts(network.slug, host, tx=wrong, head=wrong)
        head = Found(decoded)
    facts = NetworkFacts(network.slug, host, tx=NotFound(), head=head)
    if isinstance(by_hash, Exception):
        return replace(facts, tx=describe_failure(by_hash, url, client.timeout))
    try:
        hashed = decode_transactions(by_hash)
        messaged = decode_transactions(by_message) if not isinstance(by_message, Exception) else []
        found = hashed or messaged
        if not found:
            return facts
        answer = by_hash if hashed else by_message
        tx = decode_transaction(found[0], answer.get("address_book") or {}, network)
    except _READ_ERRORS:
        text = "{host} gave an unreadable answer to {method}"
        return replace(facts, tx=unavailable("unreadable", text, host=host, method="/api/v3/transactions"))
    if hashed and tx.tx_hash != tx_hash:  # found by its message's hash, its own hash is another: that is no fault
        text = "{host} answered with another transaction than the one asked for"
        return replace(facts, tx=unavailable("wrong_answer", text, host=host))
    if tx.failed or tx.pending:
        return replace(facts, tx=Found(tx))
    return replace(facts, tx=Found(_follow(client, network, tx, found[0], url)))


def _follow(client: _Toncenter, network: Network, tx: TxFacts, raw: Mapping[str, Any], url: str) -> TxFacts:
    """Round two: the transaction each sent message started, and the indexer's record of a jetton transfer."""
    outs = [m for m in raw.get("out_msgs") or () if m.get("destination")][:_FOLLOWED]
    if not outs:
        return tx
    jobs: list[Callable[[], Any]] = [_by_message(client, str(m["hash"])) for m in outs]
    jettons: list[tuple[int, int]] = []  # (out message's place, query id)
    for place, message in enumerate(outs):
        transfer = decode_jetton_transfer((message.get("message_content") or {}).get("body"))
        if transfer is not None:
            jettons.append((place, transfer.query_id))
            jobs.append(_jetton_record(client, str(message["destination"]), message.get("created_lt")))
    answers = client.ask(jobs)
    followed: list[Any] = []
    for answer in answers[: len(outs)]:
        if isinstance(answer, Exception):
            followed.append(answer)
            continue
        try:
            started = decode_transactions(answer)
        except _READ_ERRORS as exc:
            followed.append(exc)
            continue
        followed.append(started[0] if started else None)
    tokens: list[TokenInfo | None] = [None] * len(outs)
    for (place, query_id), record in zip(jettons, answers[len(outs) :], strict=True):
        if isinstance(record, Exception):
            continue
        try:
            tokens[place] = decode_jetton_record(record, query_id, network)
        except _READ_ERRORS:
            continue
    return settle(tx, followed, tokens)


def _by_message(client: _Toncenter, msg_hash: str) -> Callable[[], Any]:
    return lambda: client.get("/transactionsByMessage", msg_hash=msg_hash, direction="in", limit=1)


def _jetton_record(client: _Toncenter, jetton_wallet: str, after_lt: Any) -> Callable[[], Any]:
    return lambda: client.get(
        "/jetton/transfers", jetton_wallet=jetton_wallet, direction="out", start_lt=after_lt, limit=8, sort="asc"
    )
