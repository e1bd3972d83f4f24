"""A local Solana JSON-RPC node whose transactions are executed for real by LiteSVM (solders.litesvm), answered in
the shape of recorded mainnet answers (tests/fixtures/solana/: ``getTransaction`` with ``jsonParsed``,
``getSignatureStatuses``).

LiteSVM runs the real System, SPL Token and Associated Token Account programs: a transfer that asks for more than
the sender holds fails as it would on mainnet (``{"InstructionError": [0, {"Custom": 1}]}``), fees are charged,
and token accounts are opened. What LiteSVM has no notion of, the node adds: slots and their times, the
confirmation level each transaction has reached (``processed``, ``confirmed``, ``finalized``), the cluster's
genesis hash, and the ``jsonParsed`` form of each instruction (parsed here for the programs it runs, as the RPC
server's own parsers write them; other programs' instructions stay raw, as they do on mainnet).

Faults: the base class's plus "huge" (an 8 MiB JSON body) and "nested" (300,000 ``[``); ``fault_methods`` maps a
method to a JSON-RPC error code, so one call fails while the others answer.
"""

from __future__ import annotations

import base64
import json
import struct
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import base58
from solders.account import Account
from solders.compute_budget import set_compute_unit_price
from solders.instruction import AccountMeta, Instruction
from solders.keypair import Keypair
from solders.litesvm import LiteSVM
from solders.pubkey import Pubkey
from solders.system_program import TransferParams, transfer
from solders.token.associated import get_associated_token_address
from solders.token.state import Mint, TokenAccount
from solders.transaction import Transaction
from solders.transaction_metadata import FailedTransactionMetadata

from desktop.sandbox.http_server import LocalHttpServer

GENESIS = {
    "mainnet": "5eykt4UsFv8P8NJdTREpY1vzqKqZKvdpKuc147dw2N9d",
    "devnet": "EtWTRABZaYq6iMfeYKouRu166VU2xqa1wcaWoxPkrZBG",
}
SYSTEM = Pubkey.default()
TOKEN = Pubkey.from_string("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA")
ATA = Pubkey.from_string("ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL")
MEMO = Pubkey.from_string("MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr")
CLOCK = "SysvarC1ock11111111111111111111111111111111"
USDT = Pubkey.from_string("Es9vMFrzaCERmJfrF4H2FYD4KCoNkY11McCe8BenwNYB")
USDC = Pubkey.from_string("EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v")
LAMPORTS = 10**9
FINALITY_SLOTS = 32  # a confirmed slot is finalized about 32 slots later
_SLOT_SECONDS = 0.4
_FIRST_SLOT = 300_000_000
_API_VERSION = "2.2.7"
_JSON = "application/json"
_NESTING = 300_000
_TOKEN_ACCOUNT_SIZE = 165  # an SPL Token account without extensions
_LEVELS = ("processed", "confirmed", "finalized")


@dataclass
class _Recorded:
    slot: int
    level: str  # as sent; "finalized" once the finalized slot passes it
    result: dict[str, Any]
    err: Any


class SolanaNode(LocalHttpServer):
    """The node: ``url`` is what a client puts where ``https://api.mainnet-beta.solana.com`` would go."""

    def __init__(
        self, fault: str | None = None, delay: float = 0.0, *, network: str = "mainnet", head_time: int | None = None
    ) -> None:
        self.genesis = GENESIS[network]
        self.fault_methods: dict[str, int] = {}
        self.keeps_history = True  # False: a node that answers statuses but keeps no copy of old transactions
        self.svm = LiteSVM()
        self.slot = _FIRST_SLOT  # the newest confirmed slot
        self.head_time = head_time  # the newest slot's unix time; None: the wall clock
        self.priority_fees: list[int] = [0, 0, 5_000, 10_000, 50_000]  # micro-lamports per CU, recent slots
        self._txs: dict[str, _Recorded] = {}
        self._state = threading.RLock()
        self.svm.warp_to_slot(self.slot)
        self.bank = self.wallet(1_000 * LAMPORTS)  # pays fees and holds the tokens the scenarios send
        for mint in (USDT, USDC):
            self.add_mint(mint, 6)
        super().__init__(fault, delay)

    # --- scenarios --------------------------------------------------------------------------------------

    def wallet(self, lamports: int = 0) -> Keypair:
        key = Keypair()
        if lamports:
            self.svm.airdrop(key.pubkey(), lamports)
        return key

    def add_mint(self, mint: Pubkey, decimals: int) -> None:
        """A token mint at ``mint`` (the official USDT's address, say) whose authority is the bank."""
        data = struct.pack("<I", 1) + bytes(self.bank.pubkey()) + struct.pack("<Q", 0) + bytes([decimals, 1])
        data += struct.pack("<I", 0) + bytes(32)
        self.svm.set_account(mint, Account(lamports=LAMPORTS // 100, data=data, owner=TOKEN, executable=False))

    def fund_tokens(self, owner: Pubkey, amount: int, mint: Pubkey = USDT) -> None:
        """Mint ``amount`` base units into ``owner``'s associated token account, opening it first."""
        account = get_associated_token_address(owner, mint)
        mint_to = Instruction(
            TOKEN,
            bytes([7]) + struct.pack("<Q", amount),
            [
                AccountMeta(mint, False, True),
                AccountMeta(account, False, True),
                AccountMeta(self.bank.pubkey(), True, False),
            ],
        )
        self._execute([_ata(self.bank.pubkey(), owner, mint, idempotent=True), mint_to], self.bank, [self.bank])

    def pay_sol(self, sender: Keypair, to: Pubkey, lamports: int, level: str = "finalized") -> str:
        ix = transfer(TransferParams(from_pubkey=sender.pubkey(), to_pubkey=to, lamports=lamports))
        return self.send([ix], sender, [sender], level)

    def pay_token(
        self,
        sender: Keypair,
        to: Pubkey,
        amount: int,
        mint: Pubkey = USDT,
        *,
        level: str = "finalized",
        open_account: bool = False,
        priority: int = 0,
    ) -> str:
        """A ``transferChecked`` from ``sender``'s token account to ``to``'s (opened in the same transaction when
        ``open_account``), as wallets send it; the fee payer is the sender."""
        decimals = Mint.from_bytes(bytes(self.svm.get_account(mint).data)).decimals  # type: ignore[union-attr]
        source = get_associated_token_address(sender.pubkey(), mint)
        destination = get_associated_token_address(to, mint)
        checked = Instruction(
            TOKEN,
            bytes([12]) + struct.pack("<Q", amount) + bytes([decimals]),
            [
                AccountMeta(source, False, True),
                AccountMeta(mint, False, False),
                AccountMeta(destination, False, True),
                AccountMeta(sender.pubkey(), True, False),
            ],
        )
        ixs = [set_compute_unit_price(priority)] if priority else []
        ixs += [_ata(sender.pubkey(), to, mint)] if open_account else []
        return self.send([*ixs, checked], sender, [sender], level)

    def send(self, ixs: Sequence[Instruction], payer: Keypair, signers: Sequence[Keypair], level: str) -> str:
        """Execute for real, then place the transaction at ``level``: a ``processed`` one sits in the slot after the
        newest confirmed one; the others in a new confirmed slot, finalized ones deep enough to be final."""
        if level not in _LEVELS:
            raise ValueError(f"level is one of {_LEVELS}, not {level!r}")
        with self._state:
            signature, record = self._execute(ixs, payer, signers)
            if level == "processed":
                record.slot = self.slot + 1
            else:
                self.slot += 1
                record.slot = self.slot
                if level == "finalized":
                    self.slot += FINALITY_SLOTS + 1
            record.level = level
            record.result["slot"] = record.slot
            record.result["blockTime"] = self.time_of(record.slot)
            self.svm.warp_to_slot(self.slot)
            self._txs[signature] = record
            return signature

    def confirm(self, signature: str) -> None:
        """A processed transaction voted on: confirmed (not yet final)."""
        with self._state:
            self.slot = max(self.slot, self._txs[signature].slot)
            self._txs[signature].level = "confirmed"

    @property
    def finalized_slot(self) -> int:
        """The newest finalized slot: ``FINALITY_SLOTS`` behind the newest confirmed one (a transaction sent as
        only confirmed becomes final once that many slots follow it)."""
        return self.slot - FINALITY_SLOTS

    def time_of(self, slot: int) -> int:
        head = self.head_time if self.head_time is not None else int(time.time())
        return head - round((self.slot - slot) * _SLOT_SECONDS)

    def _execute(self, ixs: Sequence[Instruction], payer: Keypair, signers: Sequence[Keypair]) -> tuple[str, _Recorded]:
        tx = Transaction.new_signed_with_payer(list(ixs), payer.pubkey(), list(signers), self.svm.latest_blockhash())
        message = tx.message
        keys = list(message.account_keys)
        before = [self.svm.get_account(k) for k in keys]
        outcome = self.svm.send_transaction(tx)
        after = [self.svm.get_account(k) for k in keys]
        if isinstance(outcome, FailedTransactionMetadata):
            meta, err = outcome.meta(), json.loads(outcome.to_json())["err"]
        else:
            meta, err = outcome, None
        self.svm.expire_blockhash()
        result = _transaction_json(tx, keys, before=before, after=after, meta=meta, err=err, decimals=self._decimals)
        return str(tx.signatures[0]), _Recorded(0, "processed", result, err)

    def _decimals(self, mint: Pubkey) -> int:
        account = self.svm.get_account(mint)
        return Mint.from_bytes(bytes(account.data)).decimals if account is not None else 0

    # --- JSON-RPC -----------------------------------------------------------------------------------------

    def respond(self, path: str, body: bytes) -> tuple[int, bytes, str]:
        if self.fault == "huge":
            return 200, b'{"jsonrpc":"2.0","result":"' + b"x" * (8 * 1024 * 1024) + b'","id":0}', _JSON
        if self.fault == "nested":
            return 200, b"[" * _NESTING, _JSON
        try:
            request = json.loads(body)
        except ValueError:
            return 200, json.dumps(_error(None, -32700, "Parse error")).encode(), _JSON
        with self._state:
            if isinstance(request, list):
                answer: Any = [self._call(call) for call in request]
            else:
                answer = self._call(request)
        return 200, json.dumps(answer).encode(), _JSON

    def _call(self, call: Any) -> dict[str, Any]:
        if not isinstance(call, Mapping):
            return _error(None, -32600, "Invalid request")
        ident, method, params = call.get("id"), call.get("method"), call.get("params") or []
        if method in self.fault_methods:
            return _error(ident, self.fault_methods[method], f"{method} failed (fault set on the sandbox node)")
        handlers: dict[str, Callable[[Sequence[Any]], Any]] = {
            "getTransaction": self._get_transaction,
            "getSignatureStatuses": self._get_statuses,
            "getSlot": self._get_slot,
            "getAccountInfo": self._get_account_info,
            "getGenesisHash": lambda p: self.genesis,
            "getBlockTime": lambda p: self.time_of(int(p[0])),
            "getRecentPrioritizationFees": self._get_priority_fees,
            "getHealth": lambda p: "ok",
            "getVersion": lambda p: {"solana-core": _API_VERSION, "feature-set": 0},
        }
        handler = handlers.get(str(method))
        if handler is None:
            return _error(ident, -32601, "Method not found")
        try:
            return {"jsonrpc": "2.0", "result": handler(params), "id": ident}
        except (ValueError, KeyError, IndexError, TypeError) as exc:
            return _error(ident, -32602, f"Invalid params: {exc}")

    def _context(self, value: Any) -> dict[str, Any]:
        return {"context": {"apiVersion": _API_VERSION, "slot": self.slot}, "value": value}

    def _commitment(self, params: Sequence[Any], at: int) -> str:
        config = params[at] if len(params) > at and isinstance(params[at], Mapping) else {}
        return str(config.get("commitment", "finalized"))

    def _level(self, record: _Recorded) -> str:
        return "finalized" if record.level != "processed" and record.slot <= self.finalized_slot else record.level

    def _get_transaction(self, params: Sequence[Any]) -> Any:
        record = self._txs.get(str(params[0]))
        if record is None or not self.keeps_history:
            return None
        level, wanted = self._level(record), self._commitment(params, 1)
        if level == "processed" or (wanted == "finalized" and level != "finalized"):
            return None  # getTransaction serves confirmed transactions at the least
        return record.result

    def _get_statuses(self, params: Sequence[Any]) -> Any:
        values: list[dict[str, Any] | None] = []
        for signature in params[0]:
            record = self._txs.get(str(signature))
            if record is None:
                values.append(None)
                continue
            level = self._level(record)
            status = {"Err": record.err} if record.err is not None else {"Ok": None}
            values.append(
                {
                    "slot": record.slot,
                    "confirmations": None if level == "finalized" else max(0, self.slot - record.slot),
                    "err": record.err,
                    "status": status,
                    "confirmationStatus": level,
                }
            )
        return self._context(values)

    def _get_slot(self, params: Sequence[Any]) -> int:
        commitment = self._commitment(params, 0)
        return self.finalized_slot if commitment == "finalized" else self.slot + (commitment == "processed")

    def _get_account_info(self, params: Sequence[Any]) -> Any:
        if str(params[0]) != CLOCK:
            account = self.svm.get_account(Pubkey.from_string(str(params[0])))
            if account is None:
                return self._context(None)
            return self._context(_account_json(account, [base64.b64encode(bytes(account.data)).decode(), "base64"]))
        slot = self.finalized_slot if self._commitment(params, 1) == "finalized" else self.slot
        clock = {
            "epoch": slot // 432_000,
            "epochStartTimestamp": self.time_of(slot - slot % 432_000),
            "leaderScheduleEpoch": slot // 432_000 + 1,
            "slot": slot,
            "unixTimestamp": self.time_of(slot),
        }
        data = {"parsed": {"info": clock, "type": "clock"}, "program": "sysvar", "space": 40}
        return self._context(
            {
                "data": data,
                "executable": False,
                "lamports": 1169280,
                "owner": "Sysvar1111111111111111111111111111111111111",
                "rentEpoch": 18446744073709551615,
                "space": 40,
            }
        )

    def _get_priority_fees(self, params: Sequence[Any]) -> list[dict[str, int]]:
        return [
            {"slot": self.slot - len(self.priority_fees) + 1 + i, "prioritizationFee": fee}
            for i, fee in enumerate(self.priority_fees)
        ]


def look_alike(address: Pubkey, kept: int = 5) -> Pubkey:
    """Another account whose first and last ``kept`` characters are ``address``'s, as an address-poisoning attacker
    makes one (by grinding keys; here the middle is rewritten, as a token account's owner need sign nothing)."""
    text = str(address)
    alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
    for shift in range(1, len(alphabet)):
        middle = "".join(alphabet[(alphabet.index(c) + shift) % len(alphabet)] for c in text[kept:-kept])
        candidate = text[:kept] + middle + text[-kept:]
        if len(base58.b58decode(candidate)) == 32:
            return Pubkey.from_string(candidate)
    raise ValueError("no look-alike of this length")


def _error(ident: Any, code: int, message: str) -> dict[str, Any]:
    return {"jsonrpc": "2.0", "error": {"code": code, "message": message}, "id": ident}


def _account_json(account: Account, data: Any) -> dict[str, Any]:
    return {
        "data": data,
        "executable": account.executable,
        "lamports": account.lamports,
        "owner": str(account.owner),
        "rentEpoch": 18446744073709551615,
        "space": len(bytes(account.data)),
    }


def _ata(payer: Pubkey, wallet: Pubkey, mint: Pubkey, *, idempotent: bool = False) -> Instruction:
    account = get_associated_token_address(wallet, mint)
    metas = [
        AccountMeta(payer, True, True),
        AccountMeta(account, False, True),
        AccountMeta(wallet, False, False),
        AccountMeta(mint, False, False),
        AccountMeta(SYSTEM, False, False),
        AccountMeta(TOKEN, False, False),
    ]
    return Instruction(ATA, bytes([1]) if idempotent else b"", metas)


# ---------------------------------------------------------------------------------------------
# The jsonParsed form, as the RPC server's parsers (agave's transaction-status crate) write it


def _ui_amount(amount: int, decimals: int) -> dict[str, Any]:
    value = Decimal(amount).scaleb(-decimals)
    text = format(value.normalize(), "f") if amount else "0"
    return {"amount": str(amount), "decimals": decimals, "uiAmount": float(value), "uiAmountString": text}


def _parsed(program: Pubkey, accounts: list[str], data: bytes) -> dict[str, Any]:
    """One instruction in ``jsonParsed`` form: parsed for the programs the node runs, raw otherwise."""
    name, info, kind = None, None, ""
    if program == SYSTEM and len(data) >= 4:
        tag = struct.unpack_from("<I", data)[0]
        name = "system"
        if tag == 0:
            lamports, space = struct.unpack_from("<QQ", data, 4)
            owner = str(Pubkey(data[20:52]))
            kind = "createAccount"
            info = {
                "lamports": lamports,
                "newAccount": accounts[1],
                "owner": owner,
                "source": accounts[0],
                "space": space,
            }
        elif tag == 2:
            kind, info = (
                "transfer",
                {"destination": accounts[1], "lamports": struct.unpack_from("<Q", data, 4)[0], "source": accounts[0]},
            )
        elif tag == 8:
            kind, info = "allocate", {"account": accounts[0], "space": struct.unpack_from("<Q", data, 4)[0]}
        elif tag == 1:
            kind, info = "assign", {"account": accounts[0], "owner": str(Pubkey(data[4:36]))}
    elif program == TOKEN and data:
        name, tag = "spl-token", data[0]
        if tag == 3:
            kind, info = (
                "transfer",
                {
                    "amount": str(struct.unpack_from("<Q", data, 1)[0]),
                    "authority": accounts[2],
                    "destination": accounts[1],
                    "source": accounts[0],
                },
            )
        elif tag == 12:
            amount, places = struct.unpack_from("<QB", data, 1)
            kind = "transferChecked"
            info = {
                "authority": accounts[3],
                "destination": accounts[2],
                "mint": accounts[1],
                "source": accounts[0],
                "tokenAmount": _ui_amount(amount, places),
            }
        elif tag == 7:
            kind, info = (
                "mintTo",
                {
                    "account": accounts[1],
                    "amount": str(struct.unpack_from("<Q", data, 1)[0]),
                    "mint": accounts[0],
                    "mintAuthority": accounts[2],
                },
            )
        elif tag == 18:
            kind, info = (
                "initializeAccount3",
                {"account": accounts[0], "mint": accounts[1], "owner": str(Pubkey(data[1:33]))},
            )
        elif tag == 22:
            kind, info = "initializeImmutableOwner", {"account": accounts[0]}
        elif tag == 21:
            types = [
                "immutableOwner" if t == 7 else str(t) for t in struct.unpack_from(f"<{(len(data) - 1) // 2}H", data, 1)
            ]
            kind, info = "getAccountDataSize", {"extensionTypes": types, "mint": accounts[0]}
    elif program == ATA:
        name = "spl-associated-token-account"
        kind = "createIdempotent" if data[:1] == b"\x01" else "create"
        info = {
            "account": accounts[1],
            "mint": accounts[3],
            "source": accounts[0],
            "systemProgram": accounts[4],
            "tokenProgram": accounts[5],
            "wallet": accounts[2],
        }
    elif program == MEMO:
        return {"parsed": data.decode("utf-8", "replace"), "program": "spl-memo", "programId": str(program)}
    if name is None or info is None:
        return {"accounts": accounts, "data": base58.b58encode(data).decode(), "programId": str(program)}
    return {"parsed": {"info": info, "type": kind}, "program": name, "programId": str(program)}


def _token_balances(keys: list[Pubkey], accounts: list[Account | None], decimals: Any) -> list[dict[str, Any]]:
    rows = []
    for index, account in enumerate(accounts):
        if account is None or account.owner != TOKEN or len(bytes(account.data)) != _TOKEN_ACCOUNT_SIZE:
            continue
        state = TokenAccount.from_bytes(bytes(account.data))
        rows.append(
            {
                "accountIndex": index,
                "mint": str(state.mint),
                "owner": str(state.owner),
                "programId": str(TOKEN),
                "uiTokenAmount": _ui_amount(state.amount, decimals(state.mint)),
            }
        )
    return rows


def _transaction_json(
    tx: Transaction,
    keys: list[Pubkey],
    *,
    before: list[Account | None],
    after: list[Account | None],
    meta: Any,
    err: Any,
    decimals: Any,
) -> dict[str, Any]:
    """``getTransaction``'s result for ``tx`` (``jsonParsed``, version 0 allowed: a legacy one says "legacy")."""
    message = tx.message
    header = message.header
    signed, readonly_signed = header.num_required_signatures, header.num_readonly_signed_accounts
    unsigned_readonly = header.num_readonly_unsigned_accounts

    def writable(index: int) -> bool:
        if index < signed:
            return index < signed - readonly_signed
        return index < len(keys) - unsigned_readonly

    def names(indexes: bytes | list[int]) -> list[str]:
        return [str(keys[i]) for i in indexes]

    instructions = [
        {**_parsed(keys[ix.program_id_index], names(ix.accounts), bytes(ix.data)), "stackHeight": None}
        for ix in message.instructions
    ]
    inner = [
        {
            "index": position,
            "instructions": [
                {
                    **_parsed(
                        keys[i.instruction().program_id_index],
                        names(i.instruction().accounts),
                        bytes(i.instruction().data),
                    ),
                    "stackHeight": i.stack_height(),
                }
                for i in group
            ],
        }
        for position, group in enumerate(meta.inner_instructions())
        if group
    ]
    lamports = [a.lamports if a is not None else 0 for a in before], [a.lamports if a is not None else 0 for a in after]
    return {
        "blockTime": None,
        "meta": {
            "computeUnitsConsumed": meta.compute_units_consumed(),
            "err": err,
            "fee": meta.fee(),
            "innerInstructions": inner,
            "logMessages": list(meta.logs()),
            "postBalances": lamports[1],
            "postTokenBalances": _token_balances(keys, after, decimals),
            "preBalances": lamports[0],
            "preTokenBalances": _token_balances(keys, before, decimals),
            "rewards": [],
            "status": {"Err": err} if err is not None else {"Ok": None},
        },
        "slot": 0,
        "transaction": {
            "message": {
                "accountKeys": [
                    {"pubkey": str(k), "signer": i < signed, "source": "transaction", "writable": writable(i)}
                    for i, k in enumerate(keys)
                ],
                "instructions": instructions,
                "recentBlockhash": str(message.recent_blockhash),
            },
            "signatures": [str(s) for s in tx.signatures],
        },
        "version": "legacy",
    }


def _demo() -> None:
    """Serve the classic Solana deposit cases until Ctrl-C, printing a command to try for each."""
    with SolanaNode() as node:
        sender, user, newcomer = node.wallet(100 * LAMPORTS), node.wallet(), node.wallet()
        unit = 10**6
        node.fund_tokens(sender.pubkey(), 1_000_000 * unit)
        node.fund_tokens(user.pubkey(), 0)
        alike = look_alike(user.pubkey())
        node.fund_tokens(alike, 0)
        deposit = str(user.pubkey())
        cases = {
            "credited USDT (finalized)": (node.pay_token(sender, user.pubkey(), 250 * unit), deposit, "solana"),
            "a transfer that opened the receiver's USDT account": (
                node.pay_token(sender, newcomer.pubkey(), 40 * unit, open_account=True, priority=10_000),
                str(newcomer.pubkey()),
                "solana",
            ),
            "failed: more USDT than the sender holds": (
                node.pay_token(sender, user.pubkey(), 10**12 * unit),
                deposit,
                "solana",
            ),
            "sent to a look-alike owner": (node.pay_token(sender, alike, 500 * unit), deposit, "solana"),
            "native SOL": (node.pay_sol(sender, user.pubkey(), LAMPORTS // 4), deposit, "solana"),
            "a Solana signature with Tron chosen": (node.pay_token(sender, user.pubkey(), 7 * unit), None, "tron"),
            "unknown signature": ("5" * 88, deposit, "solana"),
            # Last: no later case moves the slots past them.
            "confirmed, not yet final": (
                node.pay_token(sender, user.pubkey(), 100 * unit, level="confirmed"),
                deposit,
                "solana",
            ),
            "processed: in a block not yet voted on": (
                node.pay_token(sender, user.pubkey(), 30 * unit, level="processed"),
                deposit,
                "solana",
            ),
        }
        print(f"A local Solana JSON-RPC node (LiteSVM executes its transactions) is serving at {node.url}.")
        print("The signatures below live as long as this node (Ctrl-C stops it). Try:")
        for name, (signature, address, network) in cases.items():
            command = f".venv/bin/deposit-doctor diagnose --network {network} --rpc solana={node.url}"
            if network != "solana":
                command += f" --rpc {network}=http://127.0.0.1:1 --timeout 2"  # only Solana is local here
            print(f"\n# {name}\n{command} --tx {signature}" + (f" --address {address}" if address else ""))
        node.serve_until_interrupted()


if __name__ == "__main__":
    _demo()
