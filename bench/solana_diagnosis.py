"""Solana diagnosis benchmark: sequential round trips per diagnosis, and wall time against the local Solana node
(whose transactions LiteSVM executes).

Prints figures; not part of the test run. ``--delay`` adds that many seconds to every request the node
answers, as a distant node would: the time then shows whether requests wait on each other.
Usage: .venv/bin/python bench/solana_diagnosis.py [--runs 50] [--delay 0.05]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.timing import run
from desktop.sandbox.solana_node import LAMPORTS, SolanaNode, look_alike
from diagnostics.model import Case


def _cases(node: SolanaNode) -> dict[str, Case]:
    sender, user, newcomer = node.wallet(10 * LAMPORTS), node.wallet(), node.wallet()
    node.fund_tokens(sender.pubkey(), 10_000 * 10**6)
    node.fund_tokens(user.pubkey(), 0)
    alike = look_alike(user.pubkey())
    node.fund_tokens(alike, 0)
    deposit = str(user.pubkey())
    credited = node.pay_token(sender, user.pubkey(), 250 * 10**6)
    opened = node.pay_token(sender, newcomer.pubkey(), 40 * 10**6, open_account=True)
    failed = node.pay_token(sender, user.pubkey(), 10**15)
    poisoned = node.pay_token(sender, alike, 5 * 10**6)
    waiting = node.pay_token(sender, user.pubkey(), 1 * 10**6, level="processed")
    return {
        "credited USDT (finalized)": Case("solana", credited, deposit, "USDT"),
        "opened a token account": Case("solana", opened, str(newcomer.pubkey()), "USDT"),
        "failed (insufficient funds)": Case("solana", failed, deposit, "USDT"),
        "look-alike owner": Case("solana", poisoned, deposit, "USDT"),
        "processed (pending)": Case("solana", waiting, deposit, "USDT"),
        "unknown signature": Case("solana", "5" * 88, deposit),
    }


def main() -> None:
    run("local Solana node (LiteSVM)", lambda delay: SolanaNode(delay=delay), lambda node: node.url, _cases)


if __name__ == "__main__":
    main()
