"""``deposit-doctor batch`` over Solana and TON cases, on the local Solana and toncenter nodes: a pasted support
thread (a Solana signature, a Tonscan link, a bare TON hash) and an export with a memo column."""

from __future__ import annotations

import base64
import csv
import json
from pathlib import Path

import pytest

from desktop.sandbox.solana_node import LAMPORTS, SolanaNode
from desktop.sandbox.ton_node import TonNode, account
from diagnostics import catalog
from diagnostics.chains.ton import friendly
from diagnostics.cli import main

EXCHANGE = account("exchange-hot-wallet")
USER = account("user-wallet")
MEMO = "884512"


def _rpc(sol: SolanaNode, ton: TonNode) -> list[str]:
    """The two local nodes; every other network refused at once (nothing listens on port 1), so a hash several
    networks could hold is not sent to the public ones."""
    local = {"solana": sol.url, "ton": ton.url}
    return [f"--rpc={slug}={local.get(slug, 'http://127.0.0.1:1')}" for slug in catalog.networks()]


def _summary(out: Path) -> dict[str, dict[str, str]]:
    """The summary's rows by hash: what a support agent reads first."""
    rows = list(csv.DictReader((out / "summary.csv").read_text(encoding="utf-8-sig").splitlines()))
    return {row["TxID"]: row for row in rows}


def test_a_text_file_with_a_solana_signature_and_ton_hashes_gives_their_verdicts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with SolanaNode() as sol, TonNode() as ton:
        sender, user = sol.wallet(10 * LAMPORTS), sol.wallet()
        sol.fund_tokens(sender.pubkey(), 1_000 * 10**6)
        sol.fund_tokens(user.pubkey(), 0)
        signature = sol.pay_token(sender, user.pubkey(), 250 * 10**6)
        failed = sol.pay_token(sender, user.pubkey(), 10**9 * 10**6)  # more than it holds
        credited = ton.send_jetton(USER, EXCHANGE, 25 * 10**6, MEMO)
        bounced = ton.send_ton(USER, EXCHANGE, 10**9, MEMO, bounce=True)
        linked = base64.urlsafe_b64encode(bytes.fromhex(credited)).decode()  # as Tonscan writes it
        thread = tmp_path / "tickets.txt"
        thread.write_text(
            f"Ticket 1: USDT on Solana not credited, signature {signature}, to {user.pubkey()}\n"
            f"Ticket 2: failed? https://solscan.io/tx/{failed}\n"
            f"Ticket 3: https://tonscan.org/tx/{linked} sent to {friendly(EXCHANGE)}\n"
            f"Ticket 4: TON {bounced} came back?\n",
            encoding="utf-8",
        )
        out = tmp_path / "reports"
        code = main(["batch", str(thread), "--out", str(out), "--timeout", "2", *_rpc(sol, ton)])
    err = capsys.readouterr().err
    assert code == 0, err
    rows = _summary(out)
    assert len(rows) == 4, rows.keys()
    assert rows[signature]["Verdict code"] == "CONFIRMATIONS_SUFFICIENT"
    assert rows[failed]["Verdict code"] == "TX_FAILED"
    assert rows[linked]["Verdict code"] == "CONFIRMATIONS_SUFFICIENT"
    assert rows[bounced]["Verdict code"] == "TX_FAILED"
    assert {rows[h]["Network"] for h in (signature, failed)} == {"Solana"}
    assert {rows[h]["Network"] for h in (linked, bounced)} == {"TON"}
    data = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert len(data["cases"]) == 4


def test_an_export_with_a_memo_column_says_which_deposit_lacks_its_comment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with SolanaNode() as sol, TonNode() as ton:
        good = ton.send_jetton(USER, EXCHANGE, 25 * 10**6, MEMO)
        bare = ton.send_jetton(USER, EXCHANGE, 40 * 10**6, None)
        other = ton.send_jetton(USER, EXCHANGE, 60 * 10**6, "884521")
        export = tmp_path / "deposits.csv"
        rows = [
            f"USDT,TON,{amount},{friendly(EXCHANGE)},{MEMO},{tx}"
            for amount, tx in ((25, good), (40, bare), (60, other))
        ]
        export.write_text("Coin,Network,Amount,Address,Memo,TXID\n" + "\n".join(rows) + "\n", encoding="utf-8")
        out = tmp_path / "reports"
        code = main(["batch", str(export), "--out", str(out), "--lang", "zh", "--timeout", "2", *_rpc(sol, ton)])
    assert code == 0, capsys.readouterr().err
    summary = list(csv.reader((out / "summary.csv").read_text(encoding="utf-8-sig").splitlines()))
    codes = {row[2]: row[4] for row in summary[1:]}
    assert codes == {good: "CONFIRMATIONS_SUFFICIENT", bare: "MEMO_MISSING", other: "MEMO_MISSING"}
