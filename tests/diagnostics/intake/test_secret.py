"""The secret guard recognises seed phrases and keys, and leaves hashes and addresses alone."""

from __future__ import annotations

import hashlib
import json
import random
import time
from importlib import resources

import pytest
from eth_account import Account

from diagnostics import catalog
from diagnostics.intake import secret
from diagnostics.intake.secret import SecretKind, find_secret

WORDS = catalog.bip39_words()
# BIP-39 test-vector phrases (trezor/python-mnemonic vectors.json): public, and never anyone's wallet.
PHRASE_12 = "legal winner thank year wave sausage worth useful legal winner thank yellow"
PHRASE_18 = (
    "scissors invite lock maple supreme raw rapid void congress muscle digital elegant little brisk hair mango "
    "congress clump"
)
# Bitcoin wiki's example WIF and the BIP-32 test vector 1 master xprv: published test values.
WIF = "5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ"
XPRV = "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi"
KEY_HEX = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"


def test_word_list_is_bip39s() -> None:
    assert {"abandon", "zoo", "legal", "winner", "的", "歇", "あいこくしん", "가격", "abaco", "zvrat"} <= WORDS


def _list(language: str) -> list[str]:
    node = resources.files("diagnostics.resources").joinpath("wordlists", f"bip39-{language}.txt")
    return node.read_text(encoding="utf-8").split()


@pytest.mark.parametrize("language", catalog.BIP39_LANGUAGES)
def test_every_official_list_ships_whole_with_its_source(language: str) -> None:
    words = _list(language)
    assert len(words) == len(set(words)) == 2048
    source = resources.files("diagnostics.resources").joinpath("wordlists", "SOURCE.txt").read_text("utf-8")
    assert f"bip39-{language}.txt" in source and "bitcoin/bips" in source


def _phrase(language: str, entropy: bytes) -> list[str]:
    """A valid BIP-39 phrase: ``entropy`` and its SHA-256 checksum, 11 bits a word."""
    words, bits = _list(language), len(entropy) * 8
    value = int.from_bytes(entropy, "big") << bits // 32 | hashlib.sha256(entropy).digest()[0] >> (8 - bits // 32)
    count = (bits + bits // 32) // 11
    return [words[value >> 11 * (count - 1 - i) & 0x7FF] for i in range(count)]


# BIP-39 test-vector entropies (trezor/python-mnemonic vectors.json), in every list: never anyone's wallet.
ENTROPIES = [
    bytes.fromhex(e)
    for e in (
        "7f" * 16,
        "80" * 16,
        "9e885d952ad362caeb4efe34a8e91bd2",
        "f585c11aec520db57dd353c69554b21a89b20fb0650966fa0a9d6f74fd989d8f",
    )
]
SEPARATORS = {
    "spaces": " ".join,
    "ideographic spaces": "\u3000".join,
    "newlines": "\n".join,
    "commas": ", ".join,
    "numbered": lambda w: " ".join(f"{i}. {word}" for i, word in enumerate(w, 1)),
    "numbered lines": lambda w: "\n".join(f"{i}) {word}" for i, word in enumerate(w, 1)),
    "chinese label": lambda w: "助记词：" + " ".join(w),
}


def test_the_generator_makes_the_test_vectors_phrase() -> None:
    assert " ".join(_phrase("english", ENTROPIES[0])) == PHRASE_12


@pytest.mark.parametrize("language", catalog.BIP39_LANGUAGES)
@pytest.mark.parametrize("separator", SEPARATORS)
def test_phrases_in_every_list_with_any_separator(language: str, separator: str) -> None:
    for entropy in ENTROPIES:
        text = SEPARATORS[separator](_phrase(language, entropy))
        assert find_secret(text, WORDS) is SecretKind.SEED_PHRASE, text


@pytest.mark.parametrize("language", ["chinese-simplified", "chinese-traditional"])
def test_chinese_phrases_written_without_spaces(language: str) -> None:
    for entropy in ENTROPIES:
        words = _phrase(language, entropy)
        for text in ("".join(words), "助记词：" + "".join(words), "我的助记词是" + "".join(words) + "，请保管好"):
            assert find_secret(text, WORDS) is SecretKind.SEED_PHRASE, text


def test_a_chinese_phrase_whose_characters_make_words_is_caught_by_its_checksum(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A random phrase (generated with its checksum) that makes three words' worth of prose evidence (首局,
    这 among the commonest): written whole, its checksum settles it."""
    phrase = "密毒受孔忍这面赛情庄首局"
    for text in (phrase, "助记词：" + phrase, "我的助记词是" + phrase):
        assert find_secret(text, WORDS) is SecretKind.SEED_PHRASE
    monkeypatch.setattr(secret, "_CHECKED", 0)
    assert find_secret(phrase, WORDS) is None  # by its shape alone, it would pass for prose


@pytest.mark.parametrize("language", ["spanish", "french"])
def test_words_typed_without_their_accents(language: str) -> None:
    words = _phrase(language, ENTROPIES[3])
    plain = " ".join(secret.normalise(word) for word in words)  # "célula" typed "celula"
    assert not all(word.isascii() for word in words) and plain.isascii()
    assert find_secret(plain, WORDS) is SecretKind.SEED_PHRASE


# Real export headers. KuCoin's: jbelanger/exitbook, packages/import/src/infrastructure/exchanges/kucoin/
# constants.ts (commit a0a1918e), and with a time zone as BittyTax/BittyTax's kucoin parser matches it; the
# others as BittyTax's parsers (src/bittytax/conv/parsers/, commit 287c4b43) expect them. Ten of the first's
# words are on BIP-39's English list.
KUCOIN_DEPOSITS = "UID,Account Type,Time(UTC),Coin,Amount,Fee,Hash,Deposit Address,Transfer Network,Status,Remarks"
HEADERS = [
    KUCOIN_DEPOSITS,
    "UID,Account Type,Time(UTC),Coin,Amount,Fee,Hash,Withdrawal Address/Account,Transfer Network,Status,Remarks",
    "UID,Account Type,Time(UTC+02:00),Coin,Amount,Fee,Hash,Deposit Address,Transfer Network,Status,Remarks",
    "UID,Account Type,Currency,Side,Amount,Fee,Time(UTC),Remark,Type",
    "Time,Coin,Network,Amount,Type,Wallet Address/Account,Remark",
    "User_ID,UTC_Time,Account,Operation,Coin,Change,Remark",
    '"txid","refid","time","type","subtype","aclass","asset","wallet","amount","fee","balance"',
    "id,ordId,tradeId,Time,Trade Type,Symbol,Action,Amount,Trading Unit,Filled Price,PnL,Fee,Fee Unit,"
    "Position Change,Position Balance,Balance Change,Balance,Balance Unit",
    "创建时间,类型,币种,数量,网络,充值地址,交易哈希,备注",
    "时间,币种,类型,金额数量,余额,发送地址,接收地址,确认数,审核状态,手续费",
]
# What users write in a note, and lines of the seed support articles (shared/seeds): English and Chinese.
NOTES = [
    "I sent 500 USDT from Binance to my OKX account using the TRC20 network and it still shows pending",
    "address must be of that network. Please report this to Deposit Doctor",
    "Account type main, transfer network TRC20, status processing, remarks none",
    "我的USDT充值已经两个小时了还没有到账，交易所客服说要等区块确认，请帮我看看是什么原因造成的",
    "充错链了，把ERC20的USDT充到了TRC20的地址，请问还能找回吗",
    "您好，我的充值已在链上转入我的充值地址，确认数已满足要求，但至今未入账。",
    "请在交易所的提币记录中确认您提取的是哪个币种。",
    "通过客服热线,用户可以直接与训练有素、经验丰富的 Bitget 客服人员进行实时沟通,获得针对性的专业解答",
    "我的提幣已經兩個小時了還沒有到賬，交易所客服說要等區塊確認",
]
COINS = "Bitcoin\nEthereum\nTether\nSolana\nCardano\nDogecoin\nTRON\nPolkadot\nChainlink\nPolygon\nLitecoin\nCosmos"


@pytest.mark.parametrize("text", [*HEADERS, *NOTES, COINS], ids=lambda t: t[:24])
def test_headers_notes_and_coin_columns_are_no_phrase(text: str) -> None:
    assert find_secret(text, WORDS) is None


def test_a_kucoin_export_is_read_not_refused() -> None:
    rows = "".join(f"1,main,2024-01-10 09:00:00,USDT,{i},0,{i:064x},TXyz,TRC20,SUCCESS,\n" for i in range(50))
    assert find_secret(KUCOIN_DEPOSITS + "\n" + rows, WORDS) is None
    assert find_secret((KUCOIN_DEPOSITS + "\n") * 50, WORDS) is None  # a header repeated


def test_many_windows_and_few_are_judged_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows are counted one by one or with running counts over the whole text: the same answers."""
    rng = random.Random(5)
    english = sorted(WORDS.lists[0].words)
    texts = [*HEADERS, *NOTES, COINS, PHRASE_12, "".join(_phrase("chinese-simplified", ENTROPIES[2]))]
    texts += [" ".join(rng.choices(english, k=14)) + ", " + rng.choice(NOTES) for _ in range(20)]
    answers = []
    for sparse in (0, 10**9):
        monkeypatch.setattr(secret, "_SPARSE", sparse)
        answers.append([find_secret(text, WORDS) for text in texts])
    assert answers[0] == answers[1]


@pytest.mark.parametrize(
    "text",
    [
        json.dumps({"tx_hash": "ab" * 32, "time": PHRASE_12.replace(" ", "\n")}),  # "legal\nwinner\n…"
        json.dumps({"note": "私钥：" + KEY_HEX}),  # "\u79c1\u94a5\uff1a4c08…"
        json.dumps({"wallet": json.dumps({"privateKey": KEY_HEX})}),  # "{\"privateKey\": …}"
    ],
    ids=["newlines", "unicode-escapes", "escaped-quotes"],
)
def test_secrets_written_with_json_escapes(text: str) -> None:
    assert "\\" in text
    assert find_secret(text, WORDS) is not None


def test_an_ethereum_keystore_is_a_secret() -> None:
    """A v3 keystore as eth_account writes it ("crypto"), and as geth does ("Crypto"): its ciphertext and
    MAC are 64-hex values, which would otherwise be read as two transaction hashes."""
    keystore = Account.encrypt(KEY_HEX, "password", kdf="pbkdf2", iterations=2)
    text = json.dumps(keystore, indent=2)
    assert {"ciphertext", "mac"} <= keystore["crypto"].keys()
    assert find_secret(text, WORDS) is SecretKind.KEYSTORE
    assert find_secret(text.replace('"crypto"', '"Crypto"'), WORDS) is SecretKind.KEYSTORE


def test_a_5_mib_paste_is_read_in_linear_time() -> None:
    """The largest paste or file allowed: Chinese prose and dense list words, the guard's dearest texts."""
    rng = random.Random(9)
    english = sorted(WORDS.lists[0].words)
    size = 5 * 1024 * 1024
    texts = [
        ("\n".join(NOTES[3:]) * (size // 600))[: size // 3],  # a character is three bytes in UTF-8
        ",".join(word.title() for word in rng.choices(english, k=size // 7)),
    ]
    for text in texts:
        start = time.process_time()
        assert find_secret(text, WORDS) is None
        assert time.process_time() - start < 15  # measured 1-2 s (bench/secret_guard.py); quadratic is hours


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (PHRASE_12, SecretKind.SEED_PHRASE),
        (PHRASE_18.upper(), SecretKind.SEED_PHRASE),
        ("my words: " + PHRASE_12.replace(" ", ", "), SecretKind.SEED_PHRASE),
        # mostly list words: two typos in twelve still count
        ("scisors invite lock maple supreme raw rapid void congress muscle digital elegnt", SecretKind.SEED_PHRASE),
        (WIF, SecretKind.WIF),
        (XPRV, SecretKind.EXTENDED_PRIVATE),
        ("private key: " + KEY_HEX, SecretKind.HEX_KEY),
        ("私钥：0x" + KEY_HEX, SecretKind.HEX_KEY),
    ],
)
def test_secrets_are_recognised(text: str, kind: SecretKind) -> None:
    assert find_secret(text, WORDS) == kind


def test_64_hex_is_a_key_only_where_an_address_goes() -> None:
    assert find_secret(KEY_HEX, WORDS, address_field=True) == SecretKind.HEX_KEY
    assert find_secret("0x" + KEY_HEX, WORDS, address_field=True) == SecretKind.HEX_KEY
    assert find_secret(KEY_HEX, WORDS) is None  # a transaction hash has the same form


@pytest.mark.parametrize(
    "text",
    [
        "0x" + "ab" * 32,
        "0xdAC17F958D2ee523a2206206994597C13D831ec7",
        "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
        "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
        "USDT",
        "250.5",
        "please check why my usdt deposit has not arrived after two hours on the tron network",
        "",
    ],
)
def test_ordinary_inputs_are_not_secrets(text: str) -> None:
    assert find_secret(text, WORDS) is None
    if not text.startswith("0x" + "ab"):
        assert find_secret(text, WORDS, address_field=True) is None


@pytest.mark.parametrize(
    "text",
    [
        "Time Type Coin Amount Fee Status " * 3,  # an export's headers, row after row
        "monkey " + "ab" * 32,  # "key" inside a word is no label
        "hash/txid: " + "ab" * 32,
    ],
)
def test_look_alikes_of_secrets_are_not_refused(text: str) -> None:
    assert find_secret(text, WORDS) is None


@pytest.mark.parametrize(
    "text",
    [
        '{"address": "0xabc", "privateKey": "0x' + KEY_HEX + '"}',
        'PRIVATE_KEY="0x' + KEY_HEX + '"',
        'private_key = "' + KEY_HEX + '"',
        "Private key (hex): " + KEY_HEX,
        "私钥：" + KEY_HEX,
    ],
    ids=["wallet-json", "dotenv", "python", "qualified", "chinese"],
)
def test_keys_labelled_as_programs_write_them(text: str) -> None:
    assert find_secret(text, WORDS) is SecretKind.HEX_KEY


@pytest.mark.parametrize(
    "text",
    ["TxID: 0x" + KEY_HEX, '{"txid": "' + KEY_HEX + '"}', "hash = " + KEY_HEX, "transaction id (hex): " + KEY_HEX],
)
def test_hashes_labelled_as_hashes_are_not_keys(text: str) -> None:
    assert find_secret(text, WORDS) is None
