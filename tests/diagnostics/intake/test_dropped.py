"""Dropped files: decoded in any encoding exports come in, guarded for secrets first, read by the right parser."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from eth_account import Account
from eth_utils.address import to_checksum_address

from diagnostics import catalog
from diagnostics.intake.case_file import write_cases
from diagnostics.intake.draft import CaseDraft, Intake, IntakeProblem
from diagnostics.intake.dropped import MAX_BYTES, read_dropped
from diagnostics.model import Direction

NETWORKS = tuple(catalog.networks().values())
WORDS = catalog.bip39_words()
TRON_TX = "b2" * 32
EVM_TX = "0x" + "1a" * 32
TRON_ADDRESS = "TBXSw8fM4jpQkGc6zZjsVABFpVN7UvXPdV"
USDT = "0xdAC17F958D2ee523a2206206994597C13D831ec7"
PAYEE = "0x" + "2B" * 20
# A BIP-39 test-vector phrase (trezor/python-mnemonic vectors.json) and a published example key: never anyone's.
PHRASE = "legal winner thank year wave sausage worth useful legal winner thank yellow"
KEY_HEX = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"

CHINESE_CSV = (
    f'时间,类型,币种,数量,网络,地址,交易哈希\n2024-05-01 18:00:00,充值,USDT,"1,234.5",TRC20,{TRON_ADDRESS},{TRON_TX}\n'
)
CHINESE_DRAFT = CaseDraft(
    tx_hash=TRON_TX,
    address=TRON_ADDRESS,
    network="tron",
    token="USDT",
    amount=Decimal("1234.5"),
    direction=Direction.DEPOSIT,
    time="2024-05-01 18:00:00",
    source="row 2",
)


def _read(name: str, data: bytes) -> Intake:
    return read_dropped(name, data, NETWORKS, WORDS)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("okx.csv", CHINESE_CSV.encode("utf-8-sig")),  # Excel's UTF-8 with BOM
        ("okx.csv", CHINESE_CSV.encode("utf-8")),
        ("htx.csv", CHINESE_CSV.encode("gb18030")),  # Chinese Excel's own encoding
        ("export.csv", CHINESE_CSV.encode("utf-16")),  # with its BOM
        ("pasted", CHINESE_CSV.encode("utf-8")),  # no extension: the header says it is a table
    ],
)
def test_chinese_exports_in_every_encoding(name: str, data: bytes) -> None:
    assert _read(name, data) == Intake(drafts=(CHINESE_DRAFT,))


def test_gb18030_bytes_are_not_utf8() -> None:
    with pytest.raises(UnicodeDecodeError):
        CHINESE_CSV.encode("gb18030").decode("utf-8")


def test_semicolon_export() -> None:
    data = f"Date;Coin;Network;Amount;TxHash\n2024-05-01;USDT;ERC20;250,5;{EVM_TX}\n".encode()

    assert _read("history.csv", data).drafts == (
        CaseDraft(
            tx_hash=EVM_TX, network="ethereum", token="USDT", amount=Decimal("250.5"), time="2024-05-01", source="row 2"
        ),
    )


def test_too_large_is_refused_before_reading() -> None:
    size = 6 * 1024 * 1024

    assert MAX_BYTES == 5 * 1024 * 1024
    assert _read("big.csv", b"a" * size) == Intake(
        problems=(IntakeProblem("too_large", (("size", str(size)), ("limit", str(MAX_BYTES)))),)
    )


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",  # a screenshot dropped by mistake
        b"\x89PNG\r\n\x1a\n" + bytes(range(0x80, 0x100)),  # no NUL, still no text
        b"\xff\xd8\xff\xe0 JFIF",
    ],
)
def test_binary_is_refused(data: bytes) -> None:
    assert _read("screenshot.png", data) == Intake(problems=(IntakeProblem("binary"),))


@pytest.mark.parametrize(
    ("name", "text", "kind"),
    [
        ("export.csv", f'TxID,Note\n{EVM_TX},"backup: {PHRASE}"\n', "seed_phrase"),
        ("export.csv", f"TxID;Note\n{EVM_TX};{PHRASE.replace(' ', ';')}\n", "seed_phrase"),  # a word a cell
        ("words.txt", PHRASE.replace(" ", "\n"), "seed_phrase"),  # a word a line
        ("note.txt", f"tx {EVM_TX}\nprivate key:\n\n{KEY_HEX}\n", "hex_private_key"),  # label a line above
        ("keys.csv", f"address,private key\n0x{'44' * 20},{KEY_HEX}\n", "hex_private_key"),  # a key column
        ("note.txt", f"私钥：0x{KEY_HEX}", "hex_private_key"),
    ],
)
def test_a_secret_anywhere_refuses_everything(name: str, text: str, kind: str) -> None:
    assert _read(name, text.encode()) == Intake(refused=kind)


def test_an_ethereum_keystore_file_is_refused_not_read_as_two_hashes() -> None:
    keystore = Account.encrypt(KEY_HEX, "password", kdf="pbkdf2", iterations=2)
    name = "UTC--2024-05-01T10-00-00.000000000Z--" + keystore["address"] + ".json"
    geth = json.dumps(keystore).replace('"crypto"', '"Crypto"')  # as geth writes it

    assert _read(name, json.dumps(keystore).encode()) == Intake(refused="keystore")
    assert _read(name, geth.encode()) == Intake(refused="keystore")
    assert _read("", geth.encode()) == Intake(refused="keystore")


CHINESE_PHRASE = "枪疫霉尝俩闹饿贤枪疫霉卿"  # the test vector "legal winner thank year …" in the Chinese list


@pytest.mark.parametrize(
    ("name", "text", "kind"),
    [
        # Every field of a case file, decoded: "time" too, "\n" between words, "\u79c1\u94a5" for 私钥.
        (
            "cases.json",
            json.dumps(
                {
                    "format": "deposit-doctor-cases",
                    "version": 1,
                    "cases": [{"tx_hash": TRON_TX, "time": PHRASE.replace(" ", "\n")}],
                }
            ),
            "seed_phrase",
        ),
        ("cases.json", json.dumps([{"tx_hash": TRON_TX, "token": "私钥：" + KEY_HEX}]), "hex_private_key"),
        (
            "wallet.json",
            json.dumps({"tx_hash": TRON_TX, "note": json.dumps({"privateKey": KEY_HEX})}),
            "hex_private_key",
        ),
        ("export.csv", f"TxID,Note\n{EVM_TX},助记词：{CHINESE_PHRASE}\n", "seed_phrase"),
        ("note.txt", f"tx {TRON_TX}\n" + "\u3000".join(PHRASE.split()), "seed_phrase"),
    ],
    ids=["case-file-time", "unicode-escaped-label", "escaped-json-in-json", "chinese-in-csv", "ideographic-spaces"],
)
def test_secrets_in_any_language_or_escape_refuse_everything(name: str, text: str, kind: str) -> None:
    assert _read(name, text.encode()) == Intake(refused=kind)


def test_a_kucoin_export_is_read_not_refused_as_a_phrase() -> None:
    """Ten of the header's words are on BIP-39's English list (jbelanger/exitbook's KuCoin parser)."""
    header = "UID,Account Type,Time(UTC),Coin,Amount,Fee,Hash,Deposit Address,Transfer Network,Status,Remarks\n"
    row = f"123,main,2024-01-10 09:00:00,USDT,250.5,0,{TRON_TX},{TRON_ADDRESS},TRC20,SUCCESS,\n"

    intake = _read("kucoin.csv", (header + row).encode())

    assert intake.refused is None
    assert [(d.tx_hash, d.address) for d in intake.drafts] == [(TRON_TX, TRON_ADDRESS)]


def test_a_bare_64_hex_alone_is_a_hash() -> None:
    assert _read("tx.txt", f"{KEY_HEX}\n".encode()) == Intake(drafts=(CaseDraft(tx_hash=KEY_HEX, source="line 1"),))


def test_free_text_with_explorer_links() -> None:
    text = f"deposit: https://bscscan.com/tx/{EVM_TX}\nand https://tronscan.org/#/transaction/{TRON_TX}"

    assert _read("", text.encode()).drafts == (
        CaseDraft(tx_hash=EVM_TX, network="bsc", source="line 1"),
        CaseDraft(tx_hash=TRON_TX, network="tron", source="line 2"),
    )


def test_case_file_by_extension_and_by_content() -> None:
    drafts = (CaseDraft(tx_hash=EVM_TX, network="ethereum", amount=Decimal("250.5"), source="case 1"),)
    data = write_cases(drafts).encode()

    assert _read("cases.json", data) == Intake(drafts=drafts)
    assert _read("", data) == Intake(drafts=drafts)


def test_broken_case_file_says_where_and_that_nothing_was_found() -> None:
    assert _read("cases.json", b'{"cases": [\n}') == Intake(
        problems=(IntakeProblem("bad_json", (("line", "2"), ("column", "1"))), IntakeProblem("no_case"))
    )


def test_other_json_and_bracketed_logs_are_read_as_text() -> None:
    api = f'{{"data": [{{"txId": "{TRON_TX}", "toAddress": "{TRON_ADDRESS}"}}]}}'
    log = f"[2024-05-01 10:00] sent {EVM_TX}"

    assert _read("response.json", api.encode()).drafts == (
        CaseDraft(tx_hash=TRON_TX, address=TRON_ADDRESS, source="line 1"),
    )
    assert _read("", log.encode()).drafts == (CaseDraft(tx_hash=EVM_TX, source="line 1"),)


def _raw_transfer(chain_id: int) -> tuple[str, str, str]:
    account = Account.create()
    data = "0xa9059cbb" + "00" * 12 + PAYEE[2:] + (250_500_000).to_bytes(32, "big").hex()
    signed = account.sign_transaction(
        {"nonce": 4, "gas": 60000, "gasPrice": 10**9, "to": USDT, "value": 0, "data": data, "chainId": chain_id}
    )
    return signed.raw_transaction.hex(), "0x" + signed.hash.hex(), account.address


def test_a_raw_transfer_becomes_one_draft_on_its_chain() -> None:
    raw, tx_hash, sender = _raw_transfer(1)

    intake = _read("", f"\n  0x{raw}\n".encode())

    assert intake.problems == ()
    (draft,) = intake.drafts
    assert draft.signed is not None
    assert (draft.signed.sender, draft.signed.to, draft.signed.token_amount) == (sender, USDT, 250_500_000)
    # the address is whom the transfer pays; the amount stays in base units, in ``signed`` only
    assert draft == CaseDraft(
        tx_hash=tx_hash,
        address=to_checksum_address(PAYEE),
        network="ethereum",
        token="USDT",
        source="line 2",
        signed=draft.signed,
    )


def test_a_raw_transaction_on_an_unknown_chain() -> None:
    raw, tx_hash, _ = _raw_transfer(5)

    intake = _read("tx.txt", raw.encode())

    assert [(d.tx_hash, d.network, d.token) for d in intake.drafts] == [(tx_hash, None, None)]
    assert intake.problems == (IntakeProblem("unknown_chain_id", (("chain_id", "5"),)),)


def test_long_hex_that_is_no_transaction() -> None:
    assert _read("", ("0x" + "ab" * 80).encode()) == Intake(
        problems=(
            IntakeProblem("bad_raw_transaction", (("reason", "its bytes are not a transaction's encoding (RLP)"),)),
            IntakeProblem("no_case"),
        )
    )


@pytest.mark.parametrize("data", [b"", b"   \n", b"hello, nothing to see", f"only {TRON_ADDRESS}".encode()])
def test_nothing_found(data: bytes) -> None:
    assert _read("note.txt", data) == Intake(problems=(IntakeProblem("no_case"),))


def test_a_whole_export_at_the_size_limit_is_read() -> None:
    """The guard and the parsers stay linear: an export of hashes as large as allowed is read in seconds."""
    row = "2024-05-01 12:00:00,Deposit,USDT,TRC20,250.5,{:064x},TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t,Completed\n"
    header = "Date(UTC),Type,Coin,Network,Amount,TXID,Address,Status\n"
    count = (MAX_BYTES - len(header)) // len(row.format(0))
    data = (header + "".join(row.format(i) for i in range(count))).encode()

    intake = _read("year.csv", data)

    assert len(data) <= MAX_BYTES and len(intake.drafts) == count
    assert intake.drafts[-1].tx_hash == f"{count - 1:064x}"
