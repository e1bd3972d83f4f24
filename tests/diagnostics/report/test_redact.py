"""--redact: a report for a public channel holds no full address or hash, in any format."""

from __future__ import annotations

import pytest

from diagnostics.report.html import render_html
from diagnostics.report.json import render_json
from diagnostics.report.markdown import render_markdown
from diagnostics.report.redact import redact
from diagnostics.report.text import render_text
from tests.diagnostics.report.sample import tron_out_of_energy, under_confirmed


@pytest.mark.parametrize(
    ("full", "short"),
    [
        ("0xdAC17F958D2ee523a2206206994597C13D831ec7", "0xdAC1…1ec7"),
        ("TCLBgkbfVkJroVBJVqBEsxtPNQEQMTQCLQ", "TCLBgk…QCLQ"),
        ("0x" + "12" * 32, "0x1212…1212"),
        ("e63a324a43aebfe41273db4f7fdfe325b2257b4f5711595a5fc0f8a75cf1b481", "e63a32…b481"),
        ("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "TR7NHq…Lj6t"),
        ("41a614f803b6fd780986a42c78ec9c7f77e6ded13c", "41a614…d13c"),
        ("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "bc1qar…5mdq"),
        # TON: user-friendly addresses hold "-" and "_", base64 hashes "+", "/" and "="; raw accounts are 0:hex.
        ("EQCxE6mUtQJKFnGfaROTKOt1lZbDiiX1kCixRv7Nw2Id_sDs", "EQCxE6…_sDs"),
        ("UQBvW8Z5huBkMJYdnfAEM5JqTNkuWX3diqYENkWsIL0XggGG", "UQBvW8…ggGG"),
        ("EQD-cvR0Nz6XAyRBvbhz-abTrRC6sI5tvHvvpeQraV9UAAD7", "EQD-cv…AAD7"),
        ("0:" + "b1" * 32, "0:b1b1b1…b1b1"),
        ("mGm/3oA+XvVOQ7Q6T0pXIuYZbaUx2KmSiCEd1xVcgbw=", "mGm/3o…gbw="),
        ("2kuXbF2JtQe9yVrQz7XxsN4rX3JZwsAZ3vNdG8rCzKkQmd8nHcS6ZHTdv5B6Zt9JLZP8SnYkz4qE4cBNfeiVx4Ea", "2kuXbF…x4Ea"),
    ],
)
def test_addresses_and_hashes_are_shortened(full: str, short: str) -> None:
    assert redact(f"sent to {full}, see") == f"sent to {short}, see"


@pytest.mark.parametrize(
    "near",
    [
        "e63a324a43aebfe41273db4f7fdfe325b2257b4f5711595a5fc0f8a75cf1b48",  # one short
        "0X" + "AB" * 32,
        "0x" + "ab" * 33,
        "a614f803b6fd780986a42c78ec9c7f77e6ded13c",  # 40 hex without 0x
        "BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ",
        "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6",  # a character missing
    ],
)
def test_near_addresses_and_hashes_are_shortened_too(near: str) -> None:
    assert near not in redact(f"entered: {near}.") and "…" in redact(near)


def test_look_alikes_stay_distinguishable() -> None:
    real, fake = "0xAbCd1111111111111111111111111111111A1234", "0xAbCd2222222222222222222222222222222B1234"
    text = redact(f"sent to {fake}, which looks like {real}")
    assert real not in text and fake not in text
    first, second = text.split()[2].rstrip(","), text.split()[-1]
    assert first != second and first.endswith("1234") and second.endswith("1234")


def test_ordinary_words_and_numbers_stay() -> None:
    text = "Block 23800000, 249.5 USDT, 5 of 12 required, TRC-20, 2026-11-23 12:00:00 UTC, 12345678912345678912345678"
    assert redact(text) == text


@pytest.mark.parametrize("render", [render_text, render_markdown, render_json, render_html])
@pytest.mark.parametrize("sample", [under_confirmed, tron_out_of_energy])
@pytest.mark.parametrize("language", ["en", "zh"])
def test_redacted_report_holds_no_full_address_or_hash(render, sample, language: str) -> None:  # type: ignore[no-untyped-def]
    diagnosis = sample()
    tx = diagnosis.facts.networks[0].tx.value
    secrets = {diagnosis.case.tx_hash, diagnosis.case.address, tx.tx_hash, tx.sender, tx.to}
    secrets |= {t.recipient for t in tx.transfers} | {t.token.contract for t in tx.transfers if t.token}
    plain = render(diagnosis, language)
    redacted = render(diagnosis, language, redacted=True)
    assert all(s in plain for s in secrets if s), "the plain report names them"
    assert not any(s in redacted for s in secrets if s)
    assert "http" not in redacted.replace("https://www.w3.org", "")  # explorer links carry full hashes: left out
