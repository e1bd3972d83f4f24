"""Solana: JSON-RPC over ``requests`` (a guarded session), answers decoded with solders.

One diagnosis takes one round trip: a JSON-RPC batch asking for the transaction (``getTransaction``,
``jsonParsed``), its signature status (``getSignatureStatuses``: processed, confirmed or finalized, searched
through history), the newest confirmed slot and its time (the Clock sysvar, ``getAccountInfo`` ``jsonParsed``:
Solana gives no time with ``getSlot``), the newest finalized slot (``getSlot``) and the cluster's genesis hash
(mainnet-beta or devnet/testnet). ``getRecentPrioritizationFees`` is not asked: a signature a node knows is in a
block already (``processed`` is a block not yet voted on), so fees no longer decide anything; a transaction that
never landed is unknown to every node, and it expires with its blockhash after about a minute.

A Solana "block" here is a slot: depth is counted in slots, and the finalized slot says what is irreversible.
A token transfer moves tokens between token accounts; the facts name the accounts' OWNERS (the wallets), read
from the transaction's own token balances, so that they compare with the address a user gives. The decoders
are module-level pure functions, tested on recorded answers (tests/fixtures/solana/).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import requests
from solders.pubkey import Pubkey
from solders.signature import Signature

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
    ChainHead,
    Found,
    Hints,
    Lookup,
    Network,
    NetworkFacts,
    NotFound,
    SolanaDetails,
    SolanaTokenAccount,
    TokenInfo,
    Transfer,
    TxFacts,
    TxStatus,
    Unavailable,
)

# Every signature pays this base fee (lamports); what a transaction pays above it is its priority fee.
# solana.com docs, "Fees on Solana": "a base fee of 5000 lamports per signature".
BASE_FEE_PER_SIGNATURE = 5_000
_SPL_PROGRAMS = ("spl-token", "spl-token-2022")
_TOKEN_TRANSFERS = ("transfer", "transferChecked")
_SYSTEM_TRANSFERS = ("transfer", "transferWithSeed")
_ATA_CREATES = ("create", "createIdempotent")

# What a failed instruction's error means, by the program's own error numbers. SPL Token: token/program/src/
# error.rs (TokenError: 0 NotRentExempt, 1 InsufficientFunds, 2 InvalidMint, 3 MintMismatch, 4 OwnerMismatch,
# 17 AccountFrozen); the System Program: SystemError (0 AccountAlreadyInUse, 1 ResultWithNegativeLamports);
# the Associated Token Account program: AssociatedTokenAccountError (0 InvalidOwner).
_TOKEN_PROGRAM_IDS = ("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA", "TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb")
_SYSTEM_PROGRAM_ID = "11111111111111111111111111111111"
_CLOCK = "SysvarC1ock11111111111111111111111111111111"
_CUSTOM_KINDS: dict[tuple[str, int], str] = {
    **{(p, 1): "insufficient_funds" for p in _TOKEN_PROGRAM_IDS},
    **{(p, 3): "mint_mismatch" for p in _TOKEN_PROGRAM_IDS},
    **{(p, 4): "owner_mismatch" for p in _TOKEN_PROGRAM_IDS},
    **{(p, 17): "account_frozen" for p in _TOKEN_PROGRAM_IDS},
    (_SYSTEM_PROGRAM_ID, 1): "insufficient_funds",
}
# InstructionError and TransactionError variants by name (agave's solana-instruction-error and
# solana-transaction-error crates), grouped into the few things a user can act on.
_NAMED_KINDS = {
    "InsufficientFunds": "insufficient_funds",
    "InsufficientFundsForFee": "insufficient_funds_for_fee",
    "InsufficientFundsForRent": "insufficient_funds_for_rent",
    "AccountNotFound": "account_not_found",
    "ProgramAccountNotFound": "account_not_found",
    "UninitializedAccount": "account_not_found",
    "InvalidAccountData": "invalid_account",
    "IncorrectProgramId": "invalid_account",
    "InvalidAccountOwner": "invalid_account",
    "BlockhashNotFound": "blockhash_not_found",
    "ComputationalBudgetExceeded": "compute_exceeded",
    "ProgramFailedToComplete": "compute_exceeded",
}


class _RpcError(Exception):
    """A JSON-RPC error object: the node answered, and refused this one call."""

    def __init__(self, code: Any, message: Any) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code if isinstance(code, int) else None
        self.message = str(message)[:200]


# ---------------------------------------------------------------------------------------------
# Pure decoders of Solana JSON-RPC answers


def is_signature(text: str) -> bool:
    """A transaction signature: 64 bytes in Base58."""
    try:
        Signature.from_string(text)
    except ValueError:
        return False
    return True


def is_on_curve(address: str) -> bool | None:
    """Whether ``address`` is an ed25519 point (a wallet a key signs for) rather than a program-derived address
    (a token account, a vault); ``None`` for no address at all."""
    try:
        return bool(Pubkey.from_string(address).is_on_curve())
    except ValueError:
        return None


def _int(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    raise ValueError(f"expected a whole number, got {value!r}")


def _address(value: Any) -> str:
    """A Base58 account as the node wrote it, checked by solders (32 bytes)."""
    return str(Pubkey.from_string(str(value)))


def _keys(message: Mapping[str, Any]) -> list[str]:
    """The accounts a message names, in order (``jsonParsed`` writes each as ``{"pubkey": …}``)."""
    return [_address(k["pubkey"] if isinstance(k, Mapping) else k) for k in message["accountKeys"]]


def _balances(meta: Mapping[str, Any], key: str, keys: Sequence[str]) -> dict[str, tuple[str | None, str, int, int]]:
    """``pre``/``postTokenBalances`` by token account: (owner, mint, amount, decimals)."""
    rows: dict[str, tuple[str | None, str, int, int]] = {}
    for row in meta.get(key) or ():
        amount = row["uiTokenAmount"]
        owner = row.get("owner")
        rows[keys[_int(row["accountIndex"])]] = (
            _address(owner) if owner else None,
            _address(row["mint"]),
            int(amount["amount"]),
            _int(amount["decimals"]),
        )
    return rows


def _instructions(message: Mapping[str, Any], meta: Mapping[str, Any]) -> list[tuple[int, Mapping[str, Any]]]:
    """Every parsed instruction, top-level and inner, with the position of the top-level one it belongs to."""
    found: list[tuple[int, Mapping[str, Any]]] = []
    inner = {_int(group["index"]): group["instructions"] for group in meta.get("innerInstructions") or ()}
    for index, instruction in enumerate(message["instructions"]):
        found.append((index, instruction))
        found.extend((index, nested) for nested in inner.get(index, ()))
    return found


def _parsed(instruction: Mapping[str, Any]) -> tuple[str, str, Mapping[str, Any]] | None:
    parsed = instruction.get("parsed")
    if not isinstance(parsed, Mapping) or not isinstance(parsed.get("info"), Mapping):
        return None
    return str(instruction.get("program", "")), str(parsed.get("type", "")), parsed["info"]


def decode_error(err: Any, programs: Sequence[str]) -> tuple[str, str, int | None, str | None, int | None]:
    """A ``TransactionError`` as the node gives it: (its text, its kind, the failing instruction's position and
    program, a program's own error number). ``programs`` are the top-level instructions' program ids."""
    text = _error_text(err)
    if isinstance(err, Mapping) and isinstance(err.get("InstructionError"), list) and len(err["InstructionError"]) == 2:
        index, detail = err["InstructionError"]
        position = _int(index)
        program = programs[position] if position < len(programs) else None
        if isinstance(detail, Mapping) and "Custom" in detail:
            code = _int(detail["Custom"])
            return text, _CUSTOM_KINDS.get((program or "", code), "custom"), position, program, code
        name = next(iter(detail)) if isinstance(detail, Mapping) and detail else str(detail)
        return text, _NAMED_KINDS.get(name, "other"), position, program, None
    name = next(iter(err)) if isinstance(err, Mapping) and err else str(err)
    return text, _NAMED_KINDS.get(name, "other"), None, None, None


def _error_text(err: Any) -> str:
    """The error as the node wrote it, compact: ``{"InstructionError": [1, {"Custom": 1}]}``."""
    if isinstance(err, Mapping):
        return ", ".join(f"{k}: {_error_text(v)}" for k, v in itertools.islice(err.items(), 4))
    if isinstance(err, list):
        return "[" + ", ".join(_error_text(v) for v in err[:4]) + "]"
    return str(err)[:120]


def decode_transaction(raw: Mapping[str, Any], commitment: str | None, network: Network) -> TxFacts:
    """``getTransaction`` (``jsonParsed``): who paid, what moved to whom (token transfers named by the owners of
    the token accounts), the fee and its priority part, the failure, and the token accounts it opened."""
    meta, transaction = raw["meta"], raw["transaction"]
    message = transaction["message"]
    keys = _keys(message)
    signature = str(transaction["signatures"][0])
    before, after = _balances(meta, "preTokenBalances", keys), _balances(meta, "postTokenBalances", keys)
    owners = {account: row[0] for account, row in {**before, **after}.items()}
    mints = {account: (row[1], row[3]) for account, row in {**before, **after}.items()}
    moved: list[Transfer] = []
    opened: dict[str, SolanaTokenAccount] = {}
    for top, instruction in _instructions(message, meta):
        parsed = _parsed(instruction)
        if parsed is None:
            continue
        program, kind, info = parsed
        if program == "system" and kind in _SYSTEM_TRANSFERS:
            moved.append(
                Transfer(_address(info["source"]), _address(info["destination"]), _int(info["lamports"]), None, top)
            )
        elif program in _SPL_PROGRAMS and kind in _TOKEN_TRANSFERS:
            moved.append(_token_transfer(info, owners, mints, network, top))
        elif program == "spl-associated-token-account" and kind in _ATA_CREATES:
            account = _address(info["account"])
            opened[account] = SolanaTokenAccount(
                account, _address(info["wallet"]), _address(info["mint"]), created=account not in before
            )
    accounts = {
        account: opened.get(account) or SolanaTokenAccount(account, owner, mints[account][0])
        for account, owner in owners.items()
    }
    err = meta.get("err")
    programs = [str(i.get("programId", "")) for i in message["instructions"]]
    error = decode_error(err, programs) if err is not None else None
    fee = _int(meta["fee"])
    signatures = len(transaction["signatures"])
    details = SolanaDetails(
        commitment=commitment,
        signatures=signatures,
        priority_fee=max(0, fee - BASE_FEE_PER_SIGNATURE * signatures),
        compute_units=_int(meta["computeUnitsConsumed"]) if "computeUnitsConsumed" in meta else None,
        token_accounts=tuple({**accounts, **opened}.values()),
        error=error[0] if error else None,
        error_kind=error[1] if error else None,
        error_index=error[2] if error else None,
        error_program=error[3] if error else None,
        error_code=error[4] if error else None,
    )
    failed = err is not None
    paid = tuple(moved)
    block_time = raw.get("blockTime")
    return TxFacts(
        tx_hash=signature,
        sender=keys[0],  # the fee payer signs first
        to=next((t.recipient for t in paid), None),
        status=TxStatus.FAILED if failed else TxStatus.CONFIRMED,
        block_number=_int(raw["slot"]),
        block_timestamp=_int(block_time) if block_time is not None else None,
        fee=fee,
        transfers=() if failed else paid,
        intended=paid,
        result=error[0] if error else None,
        details=details,
    )


def _token_transfer(
    info: Mapping[str, Any],
    owners: Mapping[str, str | None],
    mints: Mapping[str, tuple[str, int]],
    network: Network,
    index: int,
) -> Transfer:
    """An SPL ``transfer``/``transferChecked``, from the owner of the source token account to the owner of the
    destination one (a token account's owner is what a wallet, or an exchange, calls its address)."""
    source, destination = _address(info["source"]), _address(info["destination"])
    checked = info.get("tokenAmount")
    amount = int(checked["amount"]) if isinstance(checked, Mapping) else int(info["amount"])
    if amount < 0:
        raise ValueError("a negative token amount")
    mint_row = mints.get(destination) or mints.get(source)
    mint = _address(info["mint"]) if "mint" in info else mint_row[0] if mint_row else None
    decimals = _int(checked["decimals"]) if isinstance(checked, Mapping) else mint_row[1] if mint_row else None
    official = network.token_by_contract(mint) if mint else None
    token = TokenInfo(mint or destination, official.symbol if official else None, decimals)
    sender = owners.get(source) or (_address(info["authority"]) if "authority" in info else source)
    recipient = owners.get(destination) or destination
    return Transfer(sender, recipient, amount, token, index, "log")


def decode_clock(raw: Mapping[str, Any], final: int | None) -> ChainHead:
    """The Clock sysvar (``getAccountInfo``, ``jsonParsed``): the bank's slot and its unix time; ``final`` is the
    newest finalized slot (``getSlot``), which says what can no longer be rolled back."""
    info = raw["value"]["data"]["parsed"]["info"]
    return ChainHead(number=_int(info["slot"]), timestamp=_int(info["unixTimestamp"]), final_number=final)


def decode_status(raw: Any) -> tuple[str | None, int | None] | None:
    """``getSignatureStatuses``' one entry: (its confirmation level, its slot), or ``None`` when unknown."""
    value = raw["value"][0]
    if value is None:
        return None
    level = value.get("confirmationStatus")
    slot = value.get("slot")
    return (str(level) if level in ("processed", "confirmed", "finalized") else None), (
        _int(slot) if slot is not None else None
    )


def pending_transaction(signature: str, level: str | None, slot: int | None = None) -> TxFacts:
    """A signature the cluster has seen in a block it has not voted on yet (``processed``): ``getTransaction``
    serves only confirmed ones, so nothing is known of it but that it is there."""
    return TxFacts(
        tx_hash=signature,
        sender="",
        to=None,
        status=TxStatus.PENDING,
        details=SolanaDetails(commitment=level, slot=slot),
    )


# ---------------------------------------------------------------------------------------------
# The thin I/O client


@dataclass
class _Rpc:
    """One endpoint; ``batch`` sends calls in one JSON-RPC batch and gives each its result or ``_RpcError``."""

    url: str
    timeout: float
    session: requests.Session
    rounds: int = 0

    def batch(self, calls: Sequence[tuple[str, list[Any]]]) -> list[Any]:
        self.rounds += 1
        body = [{"jsonrpc": "2.0", "id": i, "method": m, "params": p} for i, (m, p) in enumerate(calls)]
        (answer,) = all_within(self.timeout, [lambda: self._post(body)])
        if isinstance(answer, Exception):
            raise answer
        if not isinstance(answer, list):
            if isinstance(answer, Mapping) and isinstance(answer.get("error"), Mapping):
                raise _RpcError(answer["error"].get("code"), answer["error"].get("message"))
            raise ValueError("not a JSON-RPC batch answer")
        by_id = {a.get("id"): a for a in answer if isinstance(a, Mapping)}
        results: list[Any] = []
        for i in range(len(calls)):
            reply = by_id.get(i)
            if reply is None:
                results.append(ValueError(f"no answer to call {i}"))
            elif isinstance(reply.get("error"), Mapping):
                results.append(_RpcError(reply["error"].get("code"), reply["error"].get("message")))
            elif "result" not in reply:
                results.append(ValueError("an answer without a result"))
            else:
                results.append(reply["result"])
        return results

    def _post(self, body: Any) -> Any:
        # No redirects: an endpoint is what the user named. The session is guarded (adapter.check_answer).
        with self.session.post(self.url, json=body, timeout=self.timeout, allow_redirects=False) as reply:
            reply.raise_for_status()
            if reply.status_code != 200:
                raise ValueError(f"HTTP {reply.status_code} where an answer was expected")
            return parse_json(reply.content)


def shared_reads(method: str, params: Any) -> Lifetime | None:
    """What a batch asks once per network: the head (the Clock sysvar, the finalized slot) per slot, the genesis
    hash for the run."""
    if method == "getGenesisHash":
        return Lifetime.RUN
    if method == "getSlot" or (method == "getAccountInfo" and isinstance(params, list) and params[:1] == [_CLOCK]):
        return Lifetime.BLOCK
    return None


class SolanaAdapter(EndpointAdapter):
    """Gathers the facts of one Solana transaction from JSON-RPC endpoints."""

    family = "solana"
    shared = staticmethod(shared_reads)

    def _gather_at(self, url: str, network: Network, tx_hash: str, hints: Hints) -> NetworkFacts:
        with self.prepare(requests.Session(), network) as session:
            client = _Rpc(url, self.timeout, session)
            try:
                facts = _gather(client, network, tx_hash, url)
            except Exception as exc:  # DESIGN rule 3: nothing from requests or solders escapes; it is a reason
                dead = _failure(exc, url, self.timeout)
                facts = NetworkFacts(network.slug, endpoint_host(url), tx=dead, head=dead)
        return replace(facts, round_trips=client.rounds)


def _failure(exc: Exception, url: str, timeout: float) -> Unavailable:
    if isinstance(exc, _RpcError):
        text = "{host} refused the request (JSON-RPC error {code}: {message})"
        return unavailable("rpc_error", text, host=endpoint_host(url), code=exc.code, message=exc.message)
    if isinstance(exc, UnicodeDecodeError | RecursionError | KeyError | TypeError | IndexError):
        return describe_failure(ValueError(str(exc)), url, timeout)
    return describe_failure(exc, url, timeout)


def _gather(client: _Rpc, network: Network, signature: str, url: str) -> NetworkFacts:
    host = endpoint_host(url)
    if not is_signature(signature):  # (the engine's probe asks with a hash of another form)
        signature = str(Signature.default())
    config = {"encoding": "jsonParsed", "maxSupportedTransactionVersion": 0, "commitment": "confirmed"}
    raw_tx, raw_status, raw_clock, raw_final, genesis = client.batch(
        [
            ("getTransaction", [signature, config]),
            ("getSignatureStatuses", [[signature], {"searchTransactionHistory": True}]),
            ("getAccountInfo", [_CLOCK, {"encoding": "jsonParsed", "commitment": "confirmed"}]),
            ("getSlot", [{"commitment": "finalized"}]),
            ("getGenesisHash", []),
        ]
    )
    if all(isinstance(a, Exception) for a in (raw_tx, raw_status, raw_clock)):
        raise raw_clock  # the endpoint itself could not be used: one reason for everything
    wrong = wrong_network(host, "Solana", network, genesis)
    if wrong is not None:
        return NetworkFacts(network.slug, host, tx=wrong, head=wrong)
    status = _read(client, "getSignatureStatuses", raw_status, decode_status)
    level, slot = status.value if isinstance(status, Found) and status.value is not None else (None, None)
    tx: Lookup[TxFacts]
    if isinstance(raw_tx, Exception):
        tx = _failure(raw_tx, url, client.timeout)
    elif raw_tx is None:
        tx = _unfetched(status, signature, level, slot, host)
    else:
        tx = _read(client, "getTransaction", raw_tx, lambda raw: decode_transaction(raw, level or "confirmed", network))
        if isinstance(tx, Found) and tx.value.tx_hash != signature:
            text = "{host} answered with another transaction than the one asked for"
            tx = unavailable("wrong_answer", text, host=host)
    final = raw_final if isinstance(raw_final, int) and not isinstance(raw_final, bool) else None
    head = _read(client, "getAccountInfo", raw_clock, lambda raw: decode_clock(raw, final))
    return NetworkFacts(network.slug, host, tx=tx, head=head)


def _unfetched(status: Lookup[Any], signature: str, level: str | None, slot: int | None, host: str) -> Lookup[TxFacts]:
    """No transaction to read: unknown, still only ``processed`` (which ``getTransaction`` does not serve), or
    known by its status on a node that keeps no copy of the transaction itself (it cannot say what moved)."""
    if isinstance(status, Unavailable):
        return status
    if not isinstance(status, Found) or status.value is None:
        return NotFound()
    if level in (None, "processed"):
        return Found(pending_transaction(signature, level, slot))
    text = "{host} knows the signature ({level}) but keeps no copy of the transaction: ask a node with full history"
    return unavailable("no_history", text, host=host, level=level)


def _read(client: _Rpc, method: str, answer: Any, decode: Any) -> Found[Any] | Unavailable:
    """One answer as a lookup: a failed or unreadable answer spoils only its own lookup."""
    host = endpoint_host(client.url)
    if isinstance(answer, Exception):
        return _failure(answer, client.url, client.timeout)
    try:
        return Found(decode(answer))
    except (ValueError, KeyError, TypeError, AttributeError, IndexError, ArithmeticError):
        return unavailable("unreadable", "{host} gave an unreadable answer to {method}", host=host, method=method)
