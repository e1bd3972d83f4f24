"""Look-alike addresses: how often two random addresses would be called look-alikes (false positives), and how
many look-alikes made the way poisoning tools make them are caught, for EVM, Tron and Bitcoin.

Poisoning tools grind keys until an address shares the characters a wallet shows with the victim's: the first
few and the last few (profanity-style vanity search), or the last few only, for wallets that show the end. The
generated look-alikes here are random addresses with those characters copied in: a grinder's search ends with
such an address (its other characters, check characters included, are the search's luck).
Prints figures; not part of the test run.
Usage: .venv/bin/python bench/look_alike.py [--pairs 200000]
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import base58
from eth_utils.address import to_checksum_address

from diagnostics.checks.transfer import POISONING_BITS
from diagnostics.intake.sniff import likeness


def evm() -> str:
    return to_checksum_address("0x" + os.urandom(20).hex())


def tron() -> str:
    return base58.b58encode_check(b"\x41" + os.urandom(20)).decode()


def bitcoin() -> str:
    from embit import bech32  # noqa: PLC0415

    return bech32.encode("bc", 0, os.urandom(20))


def splice(victim: str, other: str, prefix: int, head: int, tail: int) -> str:
    """``other`` with the victim's first ``head`` and last ``tail`` distinctive characters: what a grinder's
    search ends with (its check characters are the search's luck, so only the characters matter here)."""
    body = list(other)
    body[prefix : prefix + head] = victim[prefix : prefix + head]
    if tail:
        body[-tail:] = victim[-tail:]
    return "".join(body)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=200_000)
    parser.add_argument("--lookalikes", type=int, default=200)
    args = parser.parse_args()
    print(f"threshold: {POISONING_BITS} bits (one in {2**POISONING_BITS:,.0f} for one given pair by chance)")
    # (head, tail) shapes poisoning tools produce: vanity 4+4 and 5+5, a cheaper 3+4, suffix only 6 to 3.
    shapes = [(5, 5), (4, 4), (3, 4), (3, 3), (0, 6), (0, 5), (0, 4), (0, 3)]
    families: dict[str, tuple[Callable[[], str], int]] = {"EVM": (evm, 2), "Tron": (tron, 1), "Bitcoin": (bitcoin, 4)}
    for name, (make, prefix) in families.items():
        flagged = sum(likeness(make(), make()).bits >= POISONING_BITS for _ in range(args.pairs))
        print(f"{name}: false positives {flagged} in {args.pairs:,} random pairs ({flagged / args.pairs:.2e})")
        for head, tail in shapes:
            caught = 0
            for _ in range(args.lookalikes):
                victim = make()
                other = splice(victim, make(), prefix, head, tail)
                # A look-alike that happens to share one more character is still this shape's: count what it shares.
                caught += likeness(victim, other).bits >= POISONING_BITS
            print(f"   sharing {head} leading + {tail} trailing characters: caught {caught}/{args.lookalikes}")


if __name__ == "__main__":
    main()
