"""The exports users download, each read from a small file with its real header (tests/diagnostics/intake/exports:
one CSV per layout, and beside it a .source.txt naming where the header was found: repository, commit, path).

Each file's rows are made up; the expectations below say what a person reading the row would take from it: the
hash, the coin, the amount that moved, the network as our slug (None where the file cannot say: an Etherscan
export of an ETH-coin chain, a Blockscout instance), the address; and why each skipped row was skipped, quoting it.
Rows are numbered as a spreadsheet numbers them: the header is row 1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from diagnostics import catalog
from diagnostics.bounds import shorten
from diagnostics.intake.csv_export import looks_like_csv, read_csv
from diagnostics.intake.draft import IntakeProblem
from diagnostics.intake.dropped import read_dropped
from diagnostics.model import Direction

NETWORKS = tuple(catalog.networks().values())
EXPORTS = Path(__file__).parent / "exports"

Row = tuple[int, str, str | None, str | None, str | None, str | None]  # row, hash, coin, amount, network, address


@dataclass(frozen=True)
class Expected:
    drafts: tuple[Row, ...]
    problems: tuple[tuple[str | tuple[str, str], ...], ...] = ()  # key, then its parameters
    no_hash_column: bool = False


EXPECTED: dict[str, Expected] = {
    "binance_v1.csv": Expected(
        drafts=(
            (
                2,
                "6a193986913a15c3037d9efa660df4fd45644a2982c6cab5f068a67709da5088",
                "USDT",
                "250.5",
                "tron",
                "TGE9zKqX8F7JWaJAMPsBdH1BXtbyLLPy5o",
            ),
            (
                3,
                "0xb3cf2f5293996290f89bbe31e7dc601f4ceaa5201473dc39cff5d93ddf16c35b",
                "USDT",
                "1200",
                "bsc",
                "0x16644aB375b64A1F873EBC7e5ac5CB5aC10C9D8B",
            ),
            (
                4,
                "0x20616f45fb0c612bf687f39810454ae74755a4f5c412457e26281f0d52365640",
                "ETH",
                "0.75",
                "ethereum",
                "0x2243529cAb492461A2929C95b7D6a0F23CAA6310",
            ),
        ),
        problems=(("csv_row_internal_transfer", ("row", "5"), ("value", "Internal transfer 1234567")),),
    ),
    "binance_v1_without_network.csv": Expected(
        drafts=(
            (
                2,
                "db423e9f302a25e41d2867eb97fa585109c95effacaa9e8d54ac2507dd2ac8db",
                "BTC",
                "0.0412",
                "bitcoin",
                "bc1qnrjyxm5x68kfa2j6gnynuy09w6s3alnq7gfta4",
            ),
            (
                3,
                "e3de5a4ec4560008cc414fae8d457daab0e756912cbf6f16f44f3ef7a1d1d04b",
                "USDT",
                "100",
                "tron",
                "TRfYPG1gETxZPMh2h4VJfUZa5436HMxMGx",
            ),
        ),
    ),
    "binance_v1_date.csv": Expected(
        drafts=(
            (
                2,
                "0x867f9eefc1a002c601d1975e8e8f03f6d2127d4c819b62f99f0bae6ecc46453a",
                "ETH",
                "1.2",
                None,
                "0x6191020A1DfD7146efd6aAfB3c3ecbaa7BB67d0A",
            ),
        ),
        problems=(("csv_row_hash_as_number", ("row", "3"), ("value", "9.20594E+63")),),
    ),
    "binance_deposits_v2.csv": Expected(
        drafts=(
            (
                2,
                "01bcc87c412a33b1a9769b767e861937fb7ede789f7d2ff853ff44743d6ea344",
                "USDT",
                "250.5",
                "tron",
                "TUKqEsGM8CJ8hUQ44maoQUVFQpHHU9HiCX",
            ),
            (
                3,
                "0x2f111a9992ee5eb90fc2c56b57117d60b0d124fefc99bb05c280defe84948743",
                "USDC",
                "80",
                "arbitrum",
                "0x1e13aCA1855F90d184ca7135b42717A692BE6d4f",
            ),
            (
                5,
                "AX4d6FSNUDjhByGSYG7gUQUbz1qa6TRBh2iCjFdZxqdZWtq8wfMxq3ZZ4NSxRpn1BYvRHXhDLNYKcjDcB4iyFNS",
                "SOL",
                "3",
                "solana",
                "C9Gn711Bg6tYX6ZGgMQBUJeEgvVmofmg2PktV2bPrsb5",
            ),
        ),
        problems=(
            (
                "csv_row_unsupported_network",
                ("row", "4"),
                ("network", "BNB Beacon Chain"),
                ("value", "bnb1xatlsdk9wdk8u0edt92n5xshl3eqgrc7nfsdx9"),
            ),
        ),
    ),
    "binance_withdrawals_v2.csv": Expected(
        drafts=(
            (
                2,
                "0xf591394c64a0b748c04453691cb2bbe5e420d06a87dd0917d5793d6bfa4ae838",
                "USDT",
                "99",
                "bsc",
                "0x527AB4084f7d4D69EC77CC6F01dD06d8B625838A",
            ),
            (
                3,
                "0x92edc1ee7b9f6643f7784a23f27c61f8746be24c1b426e75175cf02da709b6ea",
                "ETH",
                "0.2",
                "optimism",
                "0x109fCf2Fa35086a2024Ef7aE114Ee77e753406FA",
            ),
        ),
        problems=(("csv_row_truncated_hash", ("row", "4"), ("value", "0x9981bdb2…c1a5b1")),),
    ),
    "kucoin_deposits.csv": Expected(
        drafts=(
            (
                2,
                "1deb28d48c2019c0b35169cccecdda8a105057c27089d1fd1012b1a1b21b9357",
                "USDT",
                "250.5",
                "tron",
                "TR5dd19djyHvx8UDtJcPuPgD4Vv16BXwom",
            ),
            (
                3,
                "0x93cc12c679ad56c3b3335cf8c9dbe6a9307e4dc2bbdaa985ec5c76aa941f9f23",
                "USDT",
                "40",
                "arbitrum",
                "0x3179b87f6f3b0BB762F44f05835a7DDAb3b05E43",
            ),
        ),
    ),
    "kucoin_withdrawals.csv": Expected(
        drafts=(
            (
                2,
                "0x922957104c7edc67fd1b0b523e8b046473e7e7a329df24d0b01318468b5f4417",
                "ETH",
                "0.3",
                "ethereum",
                "0x41f12D3f0E8A73d616Aa8b25B1749B47942Abb99",
            ),
            (
                3,
                "d417a6d22f7b64d6fb011c8183cd909397cf929a4f86120efa37af56ca073d6a",
                "BTC",
                "0.01",
                "bitcoin",
                "bc1qjq7hzq5xw2ddtcz4jqwdahgh79q9272zzr29jp",
            ),
        ),
    ),
    "kucoin_v1.csv": Expected(
        drafts=(
            (
                2,
                "0x05ed56558ee9dbb43c2464663d3eea7ef98a9287599c0e5105c85fb15547f88a",
                "ETH",
                "2.5",
                None,
                "0xCEDE6B1cffF483Fed1c0F9a50E3827DfE0c7567c",
            ),
            (
                3,
                "9288fe89b3428fa4daf2b7df8ae6c116a18ae27b41e0b3e56b4aeb1211303459",
                "BTC",
                "0.2",
                "bitcoin",
                "bc1qxaw8eyrs7ty2nr6kutnpdwmfcfupdsc9hclv8p",
            ),
        ),
    ),
    "kucoin_deposits_no_hash.csv": Expected(
        drafts=(),
        no_hash_column=True,
    ),
    "mexc_deposits.csv": Expected(
        drafts=(
            (2, "22c4614379ba19952941fbd8981a3cd6c0188e25b47d46269166e4acae5cad19", "USDT", "300", "tron", None),
            (3, "0xe8698520e62d80d9677c6b2471a6fa2ba43e6ad6eee5269ab6f77966cf82b2c7", "ETH", "0.05", "arbitrum", None),
            (4, "0xf6c441167c6f65d10621439fcfe9b10f85429d358c9311f016ad266e9190a01a", "USDC", "12.5", "polygon", None),
            (
                5,
                "59a45T5io4QAmod6SZhjYdG6L9U4BD1sdrf6gibpkCYM2CdhKunvcuZwP7icmELhxoAoboiV62pcAWAfJ5KnqJph",
                "SOL",
                "2",
                "solana",
                None,
            ),
        ),
    ),
    "mexc_deposits_without_uid.csv": Expected(
        drafts=(
            (2, "0x48bf83a5fb5e9555e8f0a2111886c4d4f31097ade54b57577d29968254b59f83", "USDT", "75", "bsc", None),
            (3, "0xa99babcd0b330da1399afbaab88f99ac6d310684391211678996cedfab220680", "AVAX", "3.2", "avalanche", None),
        ),
    ),
    "mexc_withdrawals.csv": Expected(
        drafts=(
            (
                2,
                "0x89c8390c2d32b18da272de2b406a72cf2f6f77fb9044a29797ca861685ec4a03",
                "USDT",
                "96.5",
                "ethereum",
                "0x0a5E59A06112a7b8436b296B1eCee9Bfdc9eA1dF",
            ),
            (
                3,
                "0xde320c935fc7abe85159562b99d5ecae517954d806d974a51c973e0078113ce4",
                "ETH",
                "0.0998",
                "optimism",
                "0x02Ba9a9F973f8Baef09746AdbE60524f45236087",
            ),
        ),
    ),
    "mexc_withdrawals_without_uid.csv": Expected(
        drafts=(
            (
                2,
                "0xca71d7fbbb55ddd3031ca8e1e1eb4d7b8b8a02e657c4897e4d53cb8b9a914d52",
                "USDC",
                "19.5",
                "base",
                "0x1FbF654fca02735f24Fc4310c1ac4FDe2572544b",
            ),
            (
                3,
                "da150e3cbb4fb4374c492870df7f1c2e0cacacfd2e692610cb2a7250a8914640",
                "USDT",
                "49",
                "tron",
                "TN1TorUYVF9bY4YWWYZTJHMVTwfYSEioDx",
            ),
        ),
    ),
    "etherscan_transactions.csv": Expected(
        drafts=(
            (
                2,
                "0x50f3be573eba7c125ebef3a410da4d68bcb62bf421e1f6e4cefa9ee166307cf2",
                "ETH",
                "0.25",
                None,
                "0x1C3e7cCb6b376bfaA91c0C5Cf1Bd1155074e17c8",
            ),
            (
                3,
                "0xbae72cfc6be2b3324e4955d70e710781eead740de321fbfc33160c55bfa3e2e6",
                "ETH",
                "1.1",
                None,
                "0x7ef0da3E10E6C13152dD407b4bBCd28BC9e4c32c",
            ),
        ),
    ),
    "etherscan_transactions_old.csv": Expected(
        drafts=(
            (
                2,
                "0xea10df0dfdb39ab0682fe21dca1e6d8525ce6f4625729729484582296c2fa79f",
                "ETH",
                "3",
                None,
                "0xF9200C8Ee2e2ce0289cAfBE40fB3B49d7F0825DF",
            ),
        ),
    ),
    "bscscan_transactions.csv": Expected(
        drafts=(
            (
                2,
                "0x2ca45bec8f2a1ec47c4f3953b47874fda5e557ae75ff1305c075f11e751d37b7",
                "BNB",
                "0.8",
                "bsc",
                "0x0178a5E66F4f80721170031153791CF850D7A5c5",
            ),
        ),
    ),
    "polygonscan_transactions.csv": Expected(
        drafts=(
            (
                2,
                "0x53e20d68eab19125f557ae454f2eabb83de832647032abdb3fddcd6f4a576b57",
                "POL",
                "15",
                "polygon",
                "0x32C59745E903E1B8f6f9291B06223DaE55D67F1D",
            ),
        ),
    ),
    "snowtrace_transactions.csv": Expected(
        drafts=(
            (
                2,
                "0xbd88db8bccf32d1b4025391f1dde71285425195af8d6dd801cbc646b528f041f",
                "AVAX",
                "12",
                "avalanche",
                "0xD6F67834F5D5D772e0B7b48Dc67dCa3aEB84c54f",
            ),
        ),
    ),
    "etherscan_token_transfers.csv": Expected(
        drafts=(
            (
                2,
                "0xd86d3e078b518355dc4ef9f5f613e74cbb477148720ee274813d296b23ee3e42",
                "USDT",
                "1250.75",
                "ethereum",
                "0x602a7E177C52BCf4509C200c993781c14B5123F2",
            ),
        ),
    ),
    "etherscan_family_token_transfers.csv": Expected(
        drafts=(
            (
                2,
                "0x5d99c815658b76431491ddcb9f9631fed9dec1b10dfad0c5287b3978268eeb26",
                "USDT",
                "500",
                "bsc",
                "0x45cBaE7F4df3B373Fc7a8241F48EA646146Fb3Fb",
            ),
            (
                3,
                "0x37955c9e6a91302877c41a0ecfe74cc6fe8e2f09cd526fe8d21503fbfcc19d71",
                "USDT",
                "42.5",
                "polygon",
                "0x0B3D97FC15df5cB08852b75fC1b03A7eC6369638",
            ),
            (
                4,
                "0x42fed115eba2844399a320cad0d7b39e8f6ac26358e8816df76c69fe74b55ab0",
                "USDT",
                "10",
                "arbitrum",
                "0x65dDff3b97CF537b54E57ec3BBc42aC12EA26084",
            ),
            (
                5,
                "0x0518eee9a127defccaec50f52b1615193a478e78570c7df596522b02b412f5cd",
                "USDC",
                "7.25",
                "optimism",
                "0x0922B0C897B1e7d8B9f69c6b4A96Ac71A5a5AE49",
            ),
            (
                6,
                "0x60371a77ae57ce6555ea9bd79891822c33d711dbe7fba7d2fec1995787201429",
                "USDC",
                "99",
                "base",
                "0x6D7eBf14f6d42c021C6b6e3C20723c8599f7F486",
            ),
            (
                7,
                "0xe1c4c95618eabc85ed4e4ce5700355314377b694e490ad3a6818eab6f540d94b",
                "USDt",
                "3",
                "avalanche",
                "0x6D171A5984Cd1B4407443D2a60Ad090f3EA593bf",
            ),
        ),
    ),
    "etherscan_token_transfers_old.csv": Expected(
        drafts=(
            (
                2,
                "0x34324d1457f4ac8742f7bd92129d54679b1dece88e4009e3dc4dc7e597aea09d",
                "USDT",
                "300",
                "ethereum",
                "0x8F6Bf9418A126Fb145A6ADDa73F4367a45024Bf3",
            ),
        ),
    ),
    "snowtrace_token_transfers.csv": Expected(
        drafts=(
            (
                2,
                "0x68f1c007e6178d3457a5b3d7f46996868633ca0b5a5c27b5a008146388104c29",
                "USDt",
                "25.5",
                "avalanche",
                "0xDF5593C90427D8b71E8d1E15435960C63ec4D190",
            ),
        ),
    ),
    "blockscout_transactions.csv": Expected(
        drafts=(
            (
                2,
                "0x01a36d78c558b284fdfce41138c97578702e6c54d90259dd809ab3fb9bf4d251",
                None,
                "0.25",
                None,
                "0x41d00cc6f1Dc1A2a324b90532FfDB8d64B799f98",
            ),
        ),
    ),
    "blockscout_token_transfers.csv": Expected(
        drafts=(
            (
                2,
                "0xdc6566f1a5647c0437a0be3efa37a7ab2807399f350ff3d2bc4f734e6786d343",
                "USDC",
                "7.25",
                "optimism",
                "0x30EAbf6e2a12D1584948525F54D4209B3C85bbA2",
            ),
        ),
    ),
    "blockscout_token_transfers_old.csv": Expected(
        drafts=(
            (
                2,
                "0x5ce6b6b6bbe9501be6fb299129b71e681ce3cda208b61adae4083ac4e9db6a35",
                "USDC",
                "99",
                "base",
                "0xa97222D901CfD2f3bb099D6D34d37158155622c5",
            ),
        ),
    ),
    "ledger_live.csv": Expected(
        drafts=(
            (2, "0x08d391dca85baa5e40d48f4efb9637cabddf3797ca739f1c4ce536dd2b356bf3", "USDT", "120", "ethereum", None),
            (3, "529b86e93d325ebce60a0f58ba0d84d9b5117be84b95ae345c08e15cd6416f22", "TRX", "1500", "tron", None),
            (4, "92cdc094a72a78a338b7d60e3127858f09261c0d54954118a7da4b6d90a2a610", "BTC", "0.015", None, None),
            (
                5,
                "5fCP9LajgfdAYNLSZx9Wvopr6pvavzKdppntH8N5RdvR1hJKiEUWJ786EJR89wjdA7QdRBtoQYizKcbJrJ416xKn",
                "SOL",
                "2",
                "solana",
                None,
            ),
        ),
    ),
    "ledger_live_2020.csv": Expected(
        drafts=(
            (2, "0xd331272ae5607872d6761b599d71816277da4d4523d6645820be804f14cb81b3", "ETH", "0.5", "ethereum", None),
        ),
    ),
    "exodus.csv": Expected(
        drafts=(
            (
                2,
                "0x1eeffe64ffed560e873c2329ca0da9aa4357d412ff6eea74cefbaa8d841ba44e",
                "USDT",
                "250",
                "ethereum",
                "0xDa270454eC38C7ec6A0f582c1d856A84908aebA8",
            ),
            (3, "eef70f4158cde69e1d7f9da732a78575689ca0d42fd5fe21de01c0b441cd21ce", "USDT", "100", "tron", None),
        ),
    ),
    "exodus_with_from_address.csv": Expected(
        drafts=(
            (
                2,
                "85f3e42f5b0ad7de20001877f6a4d7e8c5708451b8d57e1ccf43f0a2122af34f",
                "BTC",
                "0.01",
                "bitcoin",
                "bc1qdy4er77xyuq2y2kcutdv29hsd486e4y9m0aexa",
            ),
        ),
    ),
    "exodus_v2.csv": Expected(
        drafts=((2, "0xebe47830e9c48506bf9792947e1ea9d6257b4a52dec5497e9e512251cbd551e3", "BNB", "0.75", "bsc", None),),
    ),
    "tronscan_transfers.csv": Expected(
        drafts=(
            (
                2,
                "1f10668b5f1cb897d57faf08cfe58c668060f14ce32077c43011c862fea5f5c7",
                None,
                None,
                "tron",
                "TUpJwBcE9gFnVssitv2DWvkn5WJkjNdLVt",
            ),
        ),
    ),
    "kraken_ledgers.csv": Expected(
        drafts=(),
        problems=(("csv_row_not_a_hash", ("row", "2"), ("value", "L4UESK-KG3EQ-UFO4T5")),),
    ),
    "bybit_deposits_withdrawals.csv": Expected(
        drafts=(),
        no_hash_column=True,
    ),
    "okx_funding.csv": Expected(
        drafts=(),
        no_hash_column=True,
    ),
    "gate.csv": Expected(
        drafts=(),
        no_hash_column=True,
    ),
}


def _read(name: str) -> str:
    return (EXPORTS / name).read_text(encoding="utf-8")


def _row(source: str) -> int:
    return int(source.removeprefix("row "))


def _text(amount: Decimal | None) -> str | None:
    return None if amount is None else str(amount)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_an_export_gives_its_rows_hash_coin_amount_network_and_address(name: str) -> None:
    expected = EXPECTED[name]
    intake = read_csv(_read(name), NETWORKS)

    rows = [(_row(d.source), d.tx_hash, d.token, _text(d.amount), d.network, d.address) for d in intake.drafts]
    assert rows == [(r, h, c, str(Decimal(a)) if a else None, n, ad) for r, h, c, a, n, ad in expected.drafts]
    problems = [
        IntakeProblem(str(key), tuple((k, shorten(v) if k == "value" else v) for k, v in params))
        for key, *params in expected.problems
    ]
    if expected.no_hash_column:
        problems = [IntakeProblem("csv_no_hash_column")]
    assert list(intake.problems) == problems
    assert looks_like_csv(_read(name)) is not expected.no_hash_column


def test_every_layout_has_a_test_and_names_its_source() -> None:
    layouts = {p.name for p in EXPORTS.glob("*.csv")}
    assert layouts == set(EXPECTED)
    for name in layouts:
        source = (EXPORTS / name.removesuffix(".csv")).with_suffix(".source.txt").read_text(encoding="utf-8")
        assert re.search(r"^Header from: [\w.-]+/[\w.-]+@[0-9a-f]{40}:\S+", source, re.MULTILINE), name


@pytest.mark.parametrize(
    ("name", "direction"),
    [
        ("kucoin_deposits.csv", Direction.DEPOSIT),  # its "Deposit Address" column: KuCoin exports each apart
        ("kucoin_withdrawals.csv", Direction.WITHDRAWAL),
        ("mexc_deposits.csv", Direction.DEPOSIT),
        ("mexc_withdrawals.csv", Direction.WITHDRAWAL),
        ("etherscan_transactions.csv", None),  # an explorer's: in and out of a wallet, no exchange's side
        ("exodus.csv", None),  # a wallet's "deposit" is what the wallet received, not a deposit into an exchange
        ("ledger_live.csv", None),
    ],
)
def test_the_direction_is_what_the_export_says_of_an_exchange(name: str, direction: Direction | None) -> None:
    assert {d.direction for d in read_csv(_read(name), NETWORKS).drafts} == {direction}


def test_kucoins_first_layout_says_each_rows_direction() -> None:
    drafts = read_csv(_read("kucoin_v1.csv"), NETWORKS).drafts

    assert [d.direction for d in drafts] == [Direction.DEPOSIT, Direction.WITHDRAWAL]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_dropped_export_is_read_not_refused_as_a_secret(name: str) -> None:
    intake = read_dropped(name, (EXPORTS / name).read_bytes(), NETWORKS, catalog.bip39_words())

    assert intake.refused is None
    assert len(intake.drafts) == len(EXPECTED[name].drafts)
