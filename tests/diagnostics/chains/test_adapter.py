"""Helpers every adapter shares."""

from __future__ import annotations

import time

from diagnostics.chains.adapter import all_within


def test_all_within_keeps_one_deadline_for_all_jobs() -> None:
    started = time.perf_counter()
    results = all_within(0.5, [lambda: time.sleep(5)] * 4 + [lambda: "quick"])
    assert time.perf_counter() - started < 1.0
    assert results[-1] == "quick" and all(isinstance(r, Exception) for r in results[:-1])


def test_plain_http_to_another_machine_is_told_apart() -> None:
    from diagnostics.chains.adapter import is_plain_remote  # noqa: PLC0415

    assert is_plain_remote("http://node.example.com:8545")
    assert is_plain_remote("http://10.1.2.3:8545/rpc")
    assert not is_plain_remote("https://node.example.com")
    assert not is_plain_remote("http://127.0.0.1:8545") and not is_plain_remote("http://localhost:8545")
    assert not is_plain_remote("http://[::1]:8545")


def test_the_two_halves_of_the_family_registry_agree() -> None:
    """A family is a plug-in: its adapter (diagnostics.chains) and its hash and address forms (intake.sniff, which
    may not import the chains) are registered together, and every network's family has both."""
    from diagnostics import catalog  # noqa: PLC0415
    from diagnostics.chains import adapters  # noqa: PLC0415
    from diagnostics.intake.sniff import FAMILIES  # noqa: PLC0415

    assert set(adapters()) == set(FAMILIES)
    assert {n.family for n in catalog.networks().values()} <= set(FAMILIES)
