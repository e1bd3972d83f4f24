"""The seed-phrase guard: how often it refuses what is no secret (false positives) and how many real phrases it
catches, and how long it takes on the largest paste or file allowed.

False positives: real export headers (KuCoin's from exitbook's parser; Binance, Coinbase, Kraken, OKX, Bybit …
as BittyTax's parsers expect them, all of BittyTax's with ``--bittytax``; Chinese exports' column names the
intake reads), prose (the app's own English and Chinese report and window strings, the seed support articles
in ``shared/seeds`` line by line, notes as users write them) and columns of coin names; then, held out (no
threshold was tuned on them), every line of the system's gettext catalogs in English, simplified and
traditional Chinese (Debian's /usr/share/locale, where there is one). Each text is checked alone.

Catches: random valid phrases (right checksum) of 12, 15, 18, 21 and 24 words from every BIP-39 list, written
with each separator: spaces, ideographic spaces, newlines, commas, numbering, one word a line with a number,
a JSON array, after a label, and for the Chinese lists with no separator at all; then the same with one word
mistyped.

Prints figures; not part of the test run.
Usage: .venv/bin/python bench/secret_guard.py [--phrases 200] [--seeds ../shared/seeds] [--bittytax PATH]
       [--locale /usr/share/locale] [--no-timing]
"""

from __future__ import annotations

import argparse
import ast
import gettext
import hashlib
import html
import random
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from diagnostics import catalog
from diagnostics.intake.dropped import MAX_BYTES, read_dropped
from diagnostics.intake.secret import find_secret

ROOT = Path(__file__).resolve().parents[1]
WORDS = catalog.bip39_words()
LANGUAGES = catalog.BIP39_LANGUAGES

# Real export headers. KuCoin's deposit, withdrawal and account-history exports: jbelanger/exitbook,
# packages/import/src/infrastructure/exchanges/kucoin/constants.ts (commit a0a1918e). The others as
# BittyTax/BittyTax's parsers (src/bittytax/conv/parsers/*.py, commit 287c4b43) expect them.
HEADERS = [
    "UID,Account Type,Time(UTC),Coin,Amount,Fee,Hash,Deposit Address,Transfer Network,Status,Remarks",
    "UID,Account Type,Time(UTC),Coin,Amount,Fee,Hash,Withdrawal Address/Account,Transfer Network,Status,Remarks",
    "UID,Account Type,Currency,Side,Amount,Fee,Time(UTC),Remark,Type",
    "UID,Account Type,Order ID,Order Time(UTC),Symbol,Side,Order Type,Order Price,Order Amount,Avg. Filled Price,"
    "Filled Amount,Filled Volume,Filled Volume (USDT),Filled Time(UTC),Fee,Fee Currency,Tax,Status",
    "UID,Account Type,Time(UTC+02:00),Coin,Amount,Fee,Hash,Deposit Address,Transfer Network,Status,Remarks",
    "Time,Coin,Network,Amount,Type,Remark,Fee",
    "Time,Coin,Network,Amount,Type,Wallet Address/Account,Remark",
    "User_ID,UTC_Time,Account,Operation,Coin,Change,Remark",
    "Date(UTC),Coin,Network,Amount,TransactionFee,Address,TXID,SourceAddress,PaymentID,Status",
    "Date(UTC),Coin,Amount,TransactionFee,Address,TXID,SourceAddress,PaymentID,Status",
    "Timestamp,Transaction Type,Asset,Quantity Transacted,Spot Price Currency,Spot Price at Transaction,"
    "Subtotal,Total (inclusive of fees and/or spread),Fees and/or Spread,Notes",
    '"txid","refid","time","type","subtype","aclass","asset","wallet","amount","fee","balance"',
    "id,ordId,tradeId,Time,Trade Type,Symbol,Action,Amount,Trading Unit,Filled Price,PnL,Fee,Fee Unit,"
    "Position Change,Position Balance,Balance Change,Balance,Balance Unit",
    "Time,Coin,Type,Amount,Wallet Balance,Fee,Transaction ID,Description",
    "Timestamp (UTC),Transaction Description,Currency,Amount,To Currency,To Amount,Native Currency,"
    "Native Amount,Native Amount (in USD),Transaction Kind,Transaction Hash",
    "Date,Type,Coin,Amount,Fee,Network,Address,Transaction Hash,Status,Note",
    "Date,Operation,Coin,Network,Amount,Fee,Deposit Address,Withdrawal Address,TxID,Status,Account,Transfer Type",
    # Chinese exports: the column names the intake reads (csv_export), as OKX- and HTX-style exports write them.
    "创建时间,类型,币种,数量,网络,充值地址,交易哈希,备注",
    "时间,类型,币种,数量,网络,地址,交易哈希",
    "时间,币种,类型,金额数量,余额,发送地址,接收地址,确认数,审核状态,手续费",
    "到帐时间,币种,充值数量,业务流水号,提币地址,收款地址,主网,状态,手续费,备注",
]

# Notes as users write them, English and Chinese (simplified and traditional).
NOTES = [
    "please check why my usdt deposit has not arrived after two hours on the tron network",
    "I sent 500 USDT from Binance to my OKX account using the TRC20 network and it still shows pending",
    "Support told me to wait for more confirmations but the explorer says the transaction is confirmed",
    "Withdrawal from Kraken to my Ledger wallet, network fee was high, the amount never showed up in my balance",
    "The exchange says the deposit address was wrong but I copied it from the app directly",
    "Used the wrong network: sent ETH on Arbitrum to an Ethereum mainnet address at the exchange",
    "Memo was missing when I deposited XRP, the support ticket number is 123456",
    "Hi, my deposit of 0.25 BTC is stuck, the fee rate was low and now it has been six hours",
    "Account type main, transfer network TRC20, status processing, remarks none",
    "Coin amount fee hash deposit address transfer network status remarks",
    "我在币安提现了500个USDT到欧易，用的是TRC20网络，已经两个小时了还没到账",
    "我的USDT充值已经两个小时了还没有到账，交易所客服说要等区块确认，请帮我看看是什么原因造成的",
    "客服让我提供交易哈希和充值地址的截图，我已经发过去了但是还没有回复",
    "提币显示成功，但是钱包里没有收到，区块浏览器上能查到这笔交易",
    "充错链了，把ERC20的USDT充到了TRC20的地址，请问还能找回吗",
    "转账的时候忘记填写备注标签，资产没有到账，需要联系客服人工处理",
    "请帮我查一下这笔充值为什么一直显示待确认，网络拥堵吗",
    "我的提幣已經兩個小時了還沒有到賬，交易所客服說要等區塊確認",
    "請幫我查一下這筆充值為什麼一直顯示待確認",
    "充值地址是交易所给的，转账金额和手续费都正确，但是账户余额没有变化",
]

# Coin names, as a portfolio or an export's coin column lists them.
COIN_NAMES = (  # noqa: SIM905
    "Bitcoin Ethereum Tether BNB Solana XRP USDC Cardano Dogecoin TRON Avalanche Polkadot Chainlink Toncoin "
    "Polygon Litecoin Uniswap Cosmos Stellar Monero Filecoin Aptos Arbitrum Optimism NEAR Algorand VeChain "
    "Hedera Aave Maker Fantom Theta Tezos Flow Decentraland Sandbox Chiliz Kava Zcash Dash Neo Waves Harmony "
    "Ravencoin Gala Sushi Curve Compound Celo Loopring Render Injective Immutable Sui Pepe Bonk Kaspa Arweave "
    "Ripple Shiba Dai Wrapped Bitcoin Stacks Mantle Cronos Bittensor Ondo Jupiter Worldcoin Sei Celestia "
    "Pendle Ethena Notcoin Floki Jasmy Ocean Fetch Graph Lido Rocket Pool Frax Gnosis Quant Elrond MultiversX "
    "Iota Eos Bitcoin Cash Ethereum Classic Terra Luna Klaytn Axie Infinity Enjin Basic Attention Token Zilliqa"
).split()


def _english_and_chinese_strings() -> tuple[list[str], list[str]]:
    """Every sentence of the app's report locales: prose about deposits, in English and Chinese."""
    out: dict[str, list[str]] = {"en": [], "zh": []}
    for language, strings in out.items():
        tree = ast.parse((ROOT / "diagnostics" / "report" / "locale" / f"{language}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) > 20:
                strings.append(node.value)
    return out["en"], out["zh"]


def _seed_lines(folder: Path) -> list[str]:
    return [
        line
        for path in sorted(folder.glob("*.txt"))
        if path.name != "README.md"
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def _catalog_lines(folder: Path, language: str) -> tuple[list[str], list[str]]:
    """The lines of the system's gettext catalogs for ``language`` (Debian's /usr/share/locale): the English
    messages and their translations, prose no threshold here was tuned on."""
    english: list[str] = []
    translated: list[str] = []
    for path in sorted((folder / language / "LC_MESSAGES").glob("*.mo")):
        try:
            with path.open("rb") as handle:
                catalog_ = gettext.GNUTranslations(handle)
        except (OSError, UnicodeDecodeError):
            continue
        for source, text in catalog_._catalog.items():  # type: ignore[attr-defined]
            if isinstance(source, str) and source:
                english += [line for line in source.splitlines() if line.strip()]
            if isinstance(text, str):
                translated += [line for line in text.splitlines() if line.strip()]
    return english, translated


def _bittytax_headers(checkout: Path) -> list[str]:
    """Every header BittyTax's parsers expect (a column given as a pattern left out)."""
    listing = subprocess.run(
        ["git", "-C", str(checkout), "ls-tree", "--name-only", "HEAD", "src/bittytax/conv/parsers/"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    headers = []
    for name in listing:
        if not name.endswith(".py"):
            continue
        source = subprocess.run(
            ["git", "-C", str(checkout), "show", f"HEAD:{name}"], capture_output=True, text=True, check=True
        ).stdout
        for node in ast.walk(ast.parse(source)):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) == "DataParser"
                and len(node.args) >= 3
                and isinstance(node.args[2], ast.List)
            ):
                columns = [
                    e.value for e in node.args[2].elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
                ]
                headers.append(",".join(columns))
    return headers


def _phrase(words: list[str], length: int, rng: random.Random) -> list[str]:
    """A valid BIP-39 phrase: random entropy and its SHA-256 checksum, 11 bits a word."""
    entropy_bits = length * 11 * 32 // 33
    entropy = rng.getrandbits(entropy_bits).to_bytes(entropy_bits // 8, "big")
    checksum = int.from_bytes(hashlib.sha256(entropy).digest(), "big") >> (256 - entropy_bits // 32)
    bits = int.from_bytes(entropy, "big") << (entropy_bits // 32) | checksum
    return [words[bits >> (11 * (length - 1 - i)) & 0x7FF] for i in range(length)]


STYLES: dict[str, Callable[[list[str]], str]] = {
    "spaces": " ".join,
    "ideographic spaces": "\u3000".join,
    "newlines": "\n".join,
    "comma+space": ", ".join,
    "commas": ",".join,
    "numbered": lambda w: " ".join(f"{i}. {word}" for i, word in enumerate(w, 1)),
    "numbered lines": lambda w: "\n".join(f"{i}) {word}" for i, word in enumerate(w, 1)),
    "json array": lambda w: "[" + ", ".join(f'"{word}"' for word in w) + "]",
    "after a label": lambda w: "my recovery words: " + " ".join(w),
    "chinese label": lambda w: "助记词：" + " ".join(w),
    "capitalised first": lambda w: " ".join(w).capitalize(),
}
CHINESE_STYLES: dict[str, Callable[[list[str]], str]] = {
    "no separator": "".join,
    "label, no separator": lambda w: "助记词：" + "".join(w),
    "label in the run": lambda w: "我的助记词是" + "".join(w),
    "ideographic commas": "、".join,
}


def _rate(texts: Iterable[str]) -> tuple[int, int, list[str]]:
    flagged, total, examples = 0, 0, []
    for text in texts:
        total += 1
        if find_secret(text, WORDS) is not None:
            flagged += 1
            examples.append(text)
    return flagged, total, examples


def false_positives(args: argparse.Namespace) -> None:
    english, chinese = _english_and_chinese_strings()
    seeds = _seed_lines(args.seeds) if args.seeds.is_dir() else []
    rng = random.Random(7)
    columns = ["\n".join(rng.sample(COIN_NAMES, rng.randint(12, 30))) for _ in range(200)]
    corpora = {
        "export headers (curated)": HEADERS,
        "export headers, lower-case": [h.lower() for h in HEADERS],
        "notes (en, zh)": NOTES,
        "report strings, English": english,
        "report strings, Chinese": chinese,
        "seed articles (zh), by line": seeds,
        "coin-name columns": columns,
    }
    translations = ROOT / "resources" / "translations" / "deposit_doctor_zh_CN.ts"
    ui = re.findall(r"<(source|translation)>(.*?)</\1>", translations.read_text(encoding="utf-8"), re.S)
    corpora["window strings, English"] = [html.unescape(text) for kind, text in ui if kind == "source"]
    corpora["window strings, Chinese"] = [html.unescape(text) for kind, text in ui if kind == "translation"]
    corpora["README.md, by line"] = [line for line in (ROOT / "README.md").read_text("utf-8").splitlines() if line]
    if args.bittytax:
        corpora["BittyTax parsers' headers"] = _bittytax_headers(args.bittytax)
    if args.locale.is_dir():  # held out: nothing was tuned on these
        for language in ("zh_CN", "zh_TW"):
            english, translated = _catalog_lines(args.locale, language)
            corpora[f"system catalogs {language}, by line"] = translated
        corpora["system catalogs English, by line"] = english
    print("False positives (refused though no secret):")
    total_flagged = total_texts = 0
    for name, texts in corpora.items():
        flagged, total, examples = _rate(texts)
        total_flagged, total_texts = total_flagged + flagged, total_texts + total
        print(f"  {name:32} {flagged:4} of {total:5}" + (f"   e.g. {examples[0][:70]!r}" if examples else ""))
    print(f"  {'all':32} {total_flagged:4} of {total_texts:5} ({total_flagged / max(total_texts, 1):.2%})")


def catches(args: argparse.Namespace) -> None:
    rng = random.Random(11)
    print(f"\nCatches ({args.phrases} random valid phrases per list, length and style):")
    lists = {
        language: (ROOT / "resources" / "wordlists" / f"bip39-{language}.txt").read_text("utf-8").split()
        for language in LANGUAGES
    }
    missed_examples: list[str] = []
    for typo in (False, True):
        caught = total = 0
        by_style: dict[str, list[int]] = {}
        for language, words in lists.items():
            styles = dict(STYLES)
            if language.startswith("chinese"):
                styles |= CHINESE_STYLES
            for length in (12, 15, 18, 21, 24):
                for _ in range(args.phrases):
                    phrase = _phrase(words, length, rng)
                    if typo:  # one word mistyped: a letter dropped, or a character off the list
                        i = rng.randrange(length)
                        phrase[i] = "缌" if language.startswith("chinese") else phrase[i][:-1] + "q"
                    for style, write in styles.items():
                        text = write(phrase)
                        hit = find_secret(text, WORDS) is not None
                        counts = by_style.setdefault(style, [0, 0])
                        counts[0] += hit
                        counts[1] += 1
                        caught += hit
                        total += 1
                        if not hit and len(missed_examples) < 5:
                            missed_examples.append(f"{language} {length} {style}: {text[:60]!r}")
        label = "one word mistyped" if typo else "as generated"
        print(f"  {label}: {caught} of {total} ({caught / total:.4%})")
        for style, (hit, count) in by_style.items():
            if hit < count:
                print(f"    {style:22} missed {count - hit} of {count}")
    for example in missed_examples:
        print(f"    missed: {example}")


def timing() -> None:
    english, chinese = _english_and_chinese_strings()
    row = "2024-05-01 12:00:00,Deposit,USDT,TRC20,250.5,{:064x},TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t,Completed\n"
    listed = sorted(WORDS.lists[0].words)
    rng = random.Random(3)
    samples = {
        "CSV export": "Date(UTC),Type,Coin,Network,Amount,TXID,Address,Status\n"
        + "".join(row.format(i) for i in range(MAX_BYTES // len(row.format(0)))),
        "English prose": "\n".join(english),
        "Chinese prose": "\n".join(chinese),
        "a header a line": "\n".join(HEADERS),
        "Title-case list words, commas": ",".join(w.title() for w in rng.choices(listed, k=MAX_BYTES // 6)),
        "repeated header words": "Time Type Coin Amount Fee Status\n",
    }
    print(f"\nTiming: find_secret and read_dropped on {MAX_BYTES / 2**20:.0f} MiB of each (CPU seconds, best of 3):")
    for name, sample in samples.items():
        text = (sample * (MAX_BYTES // max(len(sample.encode()), 1) + 1)).encode()[:MAX_BYTES].decode(errors="ignore")
        for label, run in (
            ("find_secret", lambda t=text: find_secret(t, WORDS)),
            ("read_dropped", lambda t=text: read_dropped("paste.txt", t.encode(), (), WORDS)),
        ):
            best = min(_seconds(run) for _ in range(3))
            print(f"  {name:32} {label:13} {best:6.2f} s")


def _seconds(run: Callable[[], object]) -> float:
    start = time.process_time()
    run()
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--phrases", type=int, default=200)
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    parser.add_argument("--bittytax", type=Path, help="a git checkout of BittyTax/BittyTax: all its parsers' headers")
    parser.add_argument("--locale", type=Path, default=Path("/usr/share/locale"), help="gettext catalogs (Debian)")
    parser.add_argument("--no-timing", action="store_true")
    args = parser.parse_args()
    false_positives(args)
    catches(args)
    if not args.no_timing:
        timing()


if __name__ == "__main__":
    main()
