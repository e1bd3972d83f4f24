"""A local toncenter API v3 node: TON transactions, their messages and jetton transfers, in toncenter's own shapes.

It answers ``/api/v3/transactions?hash=``, ``/api/v3/transactionsByMessage?msg_hash=``, ``/api/v3/masterchainInfo``
and ``/api/v3/jetton/transfers`` with JSON in exactly the shape of recorded toncenter answers
(tests/fixtures/ton/SOURCE.md). Scenarios are built as TON builds them: a wallet's transaction takes the signed
external message and sends an internal one, whose body is a real cell (pytoniq-core): a text comment, or a TEP-74
jetton ``transfer`` with its forward comment; the jetton wallet's transaction handles it, and the indexer records
the jetton transfer. No TVM runs here: a scenario says how each transaction ended (success, a failed compute phase
with its exit code, a bounce), as the chain would have written it.
"""

from __future__ import annotations

import base64
import hashlib
import json
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

from pytoniq_core.boc import Address, Builder, Cell

from desktop.sandbox.http_server import LocalHttpServer

_JSON = "application/json"
MAINNET, TESTNET = -239, -3
USDT_MASTER = "0:b113a994b5024a16719f69139328eb759596c38a25f59028b146fecdc3621dfe"
_HUGE_BYTES = 8 * 1024 * 1024
_NESTING = 300_000
# A recent mainnet masterchain block (tests/fixtures/ton/masterchain_block.json): the head starts there and
# moves on with the wall clock, a block every 5 s.
_REFERENCE = (43_264_868, 1_735_057_940)
_BLOCK_SECONDS = 5


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _raw(address: str) -> str:
    """An account as toncenter writes it: raw, upper-case hex."""
    parsed = Address(address)
    return f"{parsed.wc}:{parsed.hash_part.hex().upper()}"


def comment_cell(text: str) -> Cell:
    return Builder().store_uint(0, 32).store_snake_string(text).end_cell()


def jetton_transfer_cell(query_id: int, amount: int, destination: str, response: str, comment: str | None) -> Cell:
    """A TEP-74 ``transfer`` (op 0x0f8a7ea5), its forward payload a text comment in a reference (or none)."""
    body = (
        Builder()
        .store_uint(0x0F8A7EA5, 32)
        .store_uint(query_id, 64)
        .store_coins(amount)
        .store_address(Address(destination))
        .store_address(Address(response))
        .store_bit(0)  # no custom payload
        .store_coins(1)  # forward_ton_amount: 1 nanoton, what exchanges' wallets send so the comment is told
    )
    forward = body.store_bit(0) if comment is None else body.store_bit(1).store_ref(comment_cell(comment))
    return forward.end_cell()


def _boc(cell: Cell) -> str:
    return _b64(cell.to_boc())


@dataclass
class _Tx:
    raw: dict[str, Any]
    hex_hash: str


def account(seed: str) -> str:
    """A deterministic mainnet account (raw form) named by ``seed``."""
    return "0:" + hashlib.sha256(seed.encode()).hexdigest()


class TonNode(LocalHttpServer):
    """The node: ``url`` is what a client puts where ``https://toncenter.com`` would go."""

    def __init__(
        self,
        fault: str | None = None,
        delay: float = 0.0,
        *,
        global_id: int = MAINNET,
        head_time: int | None = None,
    ) -> None:
        self.global_id = global_id
        self.fault_paths: dict[str, int | str] = {}
        self._head_time = head_time
        self._txs: dict[str, _Tx] = {}
        self._by_message: dict[str, str] = {}  # message hash (hex) -> hex hash of the transaction it started
        self._jettons: list[dict[str, Any]] = []
        self._serial = 0
        self._chain = threading.RLock()
        super().__init__(fault=fault, delay=delay)

    # -- the chain ---------------------------------------------------------------------------------------------

    def head(self) -> tuple[int, int]:
        """(seqno, gen_utime) of the newest masterchain block."""
        if self._head_time is not None:
            return _REFERENCE[0], self._head_time
        now = int(time.time())
        return _REFERENCE[0] + (now - _REFERENCE[1]) // _BLOCK_SECONDS, now

    def _next(self) -> tuple[bytes, int]:
        with self._chain:
            self._serial += 1
            serial = self._serial
        return hashlib.sha256(f"ton-node-{id(self)}-{serial}".encode()).digest(), serial

    def _message(
        self, source: str | None, destination: str, value: int | None, body: Cell, **extra: Any
    ) -> dict[str, Any]:
        digest, serial = self._next()
        now = self.head()[1]
        return {
            "hash": _b64(digest),
            "source": _raw(source) if source else None,
            "destination": _raw(destination),
            "value": str(value) if value is not None else None,
            "fwd_fee": "266669" if source else None,
            "ihr_fee": "0" if source else None,
            "created_lt": str(50_000_000_000_000 + serial * 1000 + 2) if source else None,
            "created_at": str(now) if source else None,
            "opcode": f"0x{_opcode(body):08x}",
            "ihr_disabled": True if source else None,
            "bounce": extra.get("bounce", False) if source else None,
            "bounced": extra.get("bounced", False) if source else None,
            "import_fee": None if source else "0",
            "message_content": {
                "hash": _b64(body.hash),
                "body": _boc(body),
                "decoded": extra.get("decoded"),
            },
            "init_state": None,
        }

    def _transaction(
        self,
        on: str,
        in_msg: dict[str, Any],
        out_msgs: list[dict[str, Any]],
        *,
        exit_code: int = 0,
        pending: bool = False,
        skipped: bool = False,
    ) -> _Tx:
        digest, serial = self._next()
        seqno, now = self.head()
        success = exit_code in (0, 1)
        compute: dict[str, Any] = (
            {"skipped": True, "reason": "no_state"}
            if skipped
            else {
                "skipped": False,
                "success": success,
                "msg_state_used": False,
                "account_activated": False,
                "gas_fees": "1323200",
                "gas_used": "3308",
                "gas_limit": "0",
                "gas_credit": "10000",
                "mode": 0,
                "exit_code": exit_code,
                "vm_steps": 68,
                "vm_init_state_hash": _b64(bytes(32)),
                "vm_final_state_hash": _b64(bytes(32)),
            }
        )
        description: dict[str, Any] = {
            "type": "ord",
            "aborted": not success or skipped,
            "destroyed": False,
            "credit_first": True,
            "storage_ph": {"storage_fees_collected": "72", "status_change": "unchanged"},
            "compute_ph": compute,
        }
        if success and not skipped:
            description["action"] = {
                "success": True,
                "valid": True,
                "no_funds": False,
                "status_change": "unchanged",
                "total_fwd_fees": "400000",
                "total_action_fees": "133331",
                "result_code": 0,
                "tot_actions": len(out_msgs),
                "spec_actions": 0,
                "skipped_actions": 0,
                "msgs_created": len(out_msgs),
                "action_list_hash": _b64(bytes(32)),
                "tot_msg_size": {"cells": "1", "bits": "857"},
            }
        raw = {
            "account": _raw(on),
            "hash": _b64(digest),
            "lt": str(50_000_000_000_000 + serial * 1000 + 1),
            "now": now,
            "mc_block_seqno": None if pending else seqno,
            "trace_id": _b64(digest),
            "prev_trans_hash": _b64(bytes(32)),
            "prev_trans_lt": "0",
            "orig_status": "active",
            "end_status": "active",
            "total_fees": "2123803",
            "description": description,
            "block_ref": {"workchain": 0, "shard": "6000000000000000", "seqno": seqno},
            "in_msg": in_msg,
            "out_msgs": out_msgs,
            "account_state_before": {"hash": _b64(bytes(32)), "balance": "17301017743", "account_status": "active"},
            "account_state_after": {"hash": _b64(bytes(32)), "balance": "17268627271", "account_status": "active"},
            "emulated": pending,
            "finality": "pending" if pending else "finalized",
        }
        tx = _Tx(raw, digest.hex())
        with self._chain:
            self._txs[tx.hex_hash] = tx
            self._by_message[base64.b64decode(in_msg["hash"]).hex()] = tx.hex_hash
        return tx

    def _external(self, wallet: str) -> dict[str, Any]:
        return self._message(None, wallet, None, Builder().store_uint(0x9C7B4878, 32).end_cell())

    def send_ton(
        self,
        sender: str,
        recipient: str,
        value: int,
        comment: str | None = None,
        *,
        bounce: bool = False,
        pending: bool = False,
        delivered: bool = True,
    ) -> str:
        """A wallet sends ``value`` nanotons with an optional comment; ``bounce``: the recipient's contract throws
        and the message comes back. ``delivered=False``: the message is still on its way. The wallet's
        transaction's hash (hex)."""
        body = comment_cell(comment) if comment is not None else Cell.empty()
        decoded = {"type": "text_comment", "comment": comment} if comment is not None else None
        out = self._message(sender, recipient, value, body, bounce=bounce, decoded=decoded)
        wallet = self._transaction(sender, self._external(sender), [out], pending=pending)
        if delivered and not pending:
            returned = []
            if bounce:
                returned.append(self._message(recipient, sender, value - 1_000_000, Cell.empty(), bounced=True))
            self._receive(recipient, out, returned, exit_code=9 if bounce else 0)
        return wallet.hex_hash

    def _receive(self, on: str, message: dict[str, Any], out: list[dict[str, Any]], exit_code: int = 0) -> _Tx:
        return self._transaction(on, message, out, exit_code=exit_code)

    def send_jetton(
        self,
        owner: str,
        recipient: str,
        amount: int,
        comment: str | None = None,
        *,
        master: str = USDT_MASTER,
        exit_code: int = 0,
    ) -> str:
        """An owner's wallet asks its jetton wallet to send ``amount`` to ``recipient`` (their own wallet) with the
        forward comment; ``exit_code`` 47 (``error::balance_error``): the jetton wallet holds too little.
        The owner's wallet's transaction's hash (hex)."""
        jetton_wallet = account(f"jetton-wallet:{owner}:{master}")
        their_wallet = account(f"jetton-wallet:{recipient}:{master}")
        query_id = int.from_bytes(self._next()[0][:6], "big")
        body = jetton_transfer_cell(query_id, amount, recipient, owner, comment)
        out = self._message(owner, jetton_wallet, 50_000_000, body, bounce=True)
        wallet = self._transaction(owner, self._external(owner), [out])
        internal = self._message(
            jetton_wallet, their_wallet, 40_000_000, Builder().store_uint(0x178D4519, 32).end_cell()
        )
        bounced = [self._message(jetton_wallet, owner, 49_000_000, Cell.empty(), bounced=True)] if exit_code else []
        handled = self._transaction(jetton_wallet, out, bounced if exit_code else [internal], exit_code=exit_code)
        payload = comment_cell(comment) if comment is not None else None
        record = {
            "query_id": str(query_id),
            "source": _raw(owner),
            "destination": _raw(recipient),
            "amount": str(amount),
            "source_wallet": _raw(jetton_wallet),
            "jetton_master": _raw(master),
            "transaction_hash": handled.raw["hash"],
            "transaction_lt": handled.raw["lt"],
            "transaction_now": handled.raw["now"],
            "transaction_aborted": bool(exit_code),
            "response_destination": _raw(owner),
            "custom_payload": None,
            "decoded_custom_payload": None,
            "forward_ton_amount": "1",
            "forward_payload": _boc(payload) if payload is not None else None,
            "decoded_forward_payload": ({"@type": "text_comment", "comment": comment} if comment is not None else None),
            "trace_id": wallet.raw["trace_id"],
        }
        with self._chain:
            self._jettons.append(record)
        return wallet.hex_hash

    # -- HTTP ---------------------------------------------------------------------------------------------------

    def respond(self, path: str, body: bytes) -> tuple[int, bytes, str]:
        return 405, json.dumps({"error": "Method Not Allowed"}).encode(), _JSON

    def respond_get(self, path: str, headers: Mapping[str, str]) -> tuple[int, bytes, str]:
        parts = urlsplit(path)
        route = parts.path.removeprefix("/api/v3/")
        if not parts.path.startswith("/api/v3/"):
            return 404, json.dumps({"detail": "Not Found"}).encode(), _JSON
        failure = self.fault_paths.get(route)
        if isinstance(failure, int):
            return failure, json.dumps({"error": f"HTTP {failure}"}).encode(), _JSON
        fault = failure or self.fault
        if fault == "huge":
            return 200, _huge_body(), _JSON
        if fault == "nested":
            return 200, b"[" * _NESTING, _JSON
        query = {key: values[0] for key, values in parse_qs(parts.query).items()}
        with self._chain:
            answer = self._api(route, query)
        if answer is None:
            return 404, json.dumps({"detail": "Not Found"}).encode(), _JSON
        return 200, json.dumps(answer).encode(), _JSON

    def _api(self, route: str, query: Mapping[str, str]) -> dict[str, Any] | None:
        if route == "masterchainInfo":
            seqno, now = self.head()
            return {"last": self._block(seqno, now), "first": self._block(1, 1573822385)}
        if route == "transactions":
            tx = self._txs.get(_hex(query.get("hash", "")))
            return self._transactions([tx] if tx else [])
        if route == "transactionsByMessage":
            started = self._by_message.get(_hex(query.get("msg_hash", "")))
            return self._transactions([self._txs[started]] if started else [])
        if route == "jetton/transfers":
            wallet = query.get("jetton_wallet", "")
            after = int(query.get("start_lt") or 0)
            rows = [
                r
                for r in self._jettons
                if (not wallet or r["source_wallet"] == _raw(wallet)) and int(r["transaction_lt"]) >= after
            ]
            return {"jetton_transfers": rows[: int(query.get("limit") or 10)], "metadata": {}, "address_book": {}}
        return None

    def _block(self, seqno: int, now: int) -> dict[str, Any]:
        return {
            "workchain": -1,
            "shard": "8000000000000000",
            "seqno": seqno,
            "root_hash": _b64(hashlib.sha256(f"root{seqno}".encode()).digest()),
            "file_hash": _b64(hashlib.sha256(f"file{seqno}".encode()).digest()),
            "global_id": self.global_id,
            "version": 0,
            "after_merge": False,
            "before_split": False,
            "after_split": False,
            "want_merge": True,
            "want_split": False,
            "key_block": False,
            "vert_seqno_incr": False,
            "flags": 1,
            "gen_utime": str(now),
            "start_lt": "52193982000000",
            "end_lt": "52193982000004",
            "validator_list_hash_short": 0,
            "gen_catchain_seqno": 642006,
            "min_ref_mc_seqno": seqno - 4,
            "prev_key_block_seqno": seqno - 14053,
            "vert_seqno": 1,
            "master_ref_seqno": seqno,
            "rand_seed": _b64(bytes(32)),
            "created_by": _b64(bytes(32)),
            "tx_count": 2,
            "masterchain_block_ref": {"workchain": -1, "shard": "8000000000000000", "seqno": seqno},
            "prev_blocks": [{"workchain": -1, "shard": "8000000000000000", "seqno": seqno - 1}],
        }

    def _transactions(self, txs: list[_Tx]) -> dict[str, Any]:
        book: dict[str, Any] = {}
        for tx in txs:
            for message in (tx.raw["in_msg"], *tx.raw["out_msgs"]):
                for raw in (message.get("source"), message.get("destination")):
                    if raw:
                        book[raw] = {"user_friendly": Address(raw).to_str(is_bounceable=False), "domain": None}
        return {"transactions": [tx.raw for tx in txs], "address_book": book}


def _hex(value: str) -> str:
    """A hash as the node files it: hex, from hex or base64 (url-safe or not), as toncenter accepts."""
    text = value.strip()
    if len(text) == 64:
        return text.lower()
    try:
        return base64.b64decode(text.replace("-", "+").replace("_", "/") + "=" * (-len(text) % 4)).hex()
    except ValueError:
        return ""


def _opcode(body: Cell) -> int:
    slice_ = body.begin_parse()
    return int(slice_.load_uint(32)) if slice_.remaining_bits >= 32 else 0


def _huge_body() -> bytes:
    """An 8 MiB well-formed answer: only too big."""
    row = b'{"hash": "' + b"A" * 43 + b'="}'
    return b'{"transactions": [' + b",".join([row] * (_HUGE_BYTES // (len(row) + 1))) + b"]}"


def _demo() -> None:
    """Serve the classic TON deposit cases until Ctrl-C, printing a command to try for each."""
    from diagnostics.chains.ton import friendly  # noqa: PLC0415 (only the demo shows addresses as wallets do)

    with TonNode() as node:
        exchange, user, memo = account("demo-exchange-hot-wallet"), account("demo-user-wallet"), "884512"
        deposit = friendly(exchange)
        tron_deposit = "TCLBgkbfVkJroVBJVqBEsxtPNQEQMTQCLQ"
        usdt = 10**6
        given = f"--address {deposit} --token USDT --memo {memo}"
        cases = {
            "USDT credited, with its comment": (node.send_jetton(user, exchange, 25 * usdt, memo), given, "ton"),
            "USDT sent without its comment": (node.send_jetton(user, exchange, 40 * usdt, None), given, "ton"),
            "USDT sent with the wrong comment": (node.send_jetton(user, exchange, 60 * usdt, "884521"), given, "ton"),
            "TON bounced by the recipient": (
                node.send_ton(user, exchange, 10**9, memo, bounce=True),
                f"--address {deposit} --memo {memo}",
                "ton",
            ),
            "USDT refused by the sender's jetton wallet (compute phase)": (
                node.send_jetton(user, exchange, 10**6 * usdt, memo, exit_code=47),
                given,
                "ton",
            ),
            "USDT sent on TON to a Tron deposit address": (
                node.send_jetton(user, account("demo-some-ton-wallet"), 75 * usdt, None),
                f"--address {tron_deposit} --token USDT",
                "tron",
            ),
            "unknown hash": ("ab" * 32, f"--address {deposit}", "ton"),
        }
        print(f"A local toncenter API v3 node is serving at {node.url}.")
        print("The hashes below live as long as this node (Ctrl-C stops it). Try:")
        for name, (tx, extra, network) in cases.items():
            command = f".venv/bin/deposit-doctor diagnose --network {network} --rpc ton={node.url}"
            if network != "ton":
                command += f" --rpc {network}=http://127.0.0.1:1 --timeout 2"  # only TON is local here
            print(f"\n# {name}\n{command} --tx {tx} {extra}")
        node.serve_until_interrupted()


if __name__ == "__main__":
    _demo()
