"""The secret guard: recognise a seed phrase, a private key or a key file before anything else sees it.

Users under stress paste what a scammer asked for, or the wrong line of a backup. Nothing that looks like
a secret may be looked up, stored, logged or rendered; this module only says *that* a text holds one and
*what kind*, never the secret itself. Pure: the BIP-39 word lists arrive as an argument.

A seed phrase is 12–24 words of one official BIP-39 list (English, Chinese simplified and traditional,
Czech, French, Italian, Japanese, Korean, Portuguese, Spanish), mostly *different* list words, written with
any separators: spaces, ideographic spaces, newlines, commas, numbering ("1. word 2. word"), and for the
Chinese lists, whose words are single characters, no separator at all. What is not one, though its words
are list words, is told apart by its shape: a table's header ("UID,Account Type,Time(UTC),Coin,Amount …")
capitalises or brackets its names and separates them with delimiters; English prose uses the language's
commonest words ("this", "of", "to") and ends sentences; Chinese prose strings its characters into words
("充值", "到账", "地址") and uses the commonest (的, 是, 在), which the characters of a random phrase seldom do.
bench/secret_guard.py measures both sides: real headers and prose refused, random phrases caught.

Keys: WIF, extended private keys (xprv …), 64-hex keys where an address goes or after a label ("private
key:", 私钥), and encrypted key files (Ethereum keystores). A text with JSON's escapes is read decoded too.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from enum import StrEnum
from functools import cached_property, lru_cache, reduce
from itertools import accumulate, repeat
from operator import add, or_, sub
from typing import Any, Protocol

import base58
from solders.keypair import Keypair

# A phrase has 12 to 24 words: twelve consecutive words are looked at, of which "mostly" (a typo or two, a
# repeated word) must be different list words.
_SPAN = 12
_NEED = 9
# Chinese prose: this many two-character words, of the commonest characters, words off the list or
# punctuation marks in twelve words written together, at least. The lists are in order of frequency.
_CHINESE_PROSE = 3
_COMMON_CHARACTERS = 16
_TYPOS = 1  # characters off the list that are no sign of prose: a phrase's typo
# A window this close above the line is a phrase still when a whole phrase with its checksum starts there.
_CHECKED = 1
_LONGEST = 24
# Windows are counted one by one when there are fewer than one per this many words, else with running counts.
_SPARSE = 64
# English prose: this many of its commonest words and sentence ends in twelve words, at least. The words: the
# hundred commonest in the Oxford English Corpus (Wikipedia, "Most common words in English"); forty are on
# BIP-39's English list, the others ("the", "of", "to" …) are what a phrase's typo seldom makes.
_ENGLISH_PROSE = 4
_COMMON_ENGLISH = frozenset(
    "the be to of and a in that have i it for not on with he as you do at this but his by from they we say her "  # noqa: SIM905
    "she or an will my one all would there their what so up out if about who get which go me when make can like "
    "time no just him know take people into year your good some could them see other than then now look only come "
    "its over think also back after use two how our work first well way even new want because any these give day "
    "most us".split()
)
# A header's gaps: this many spaces inside names and this many delimiters between them, or this many marks
# no phrase is written with, at least. (A phrase in groups of three, "a b c, d e f, …", has three commas.)
_MIXED_PLAIN = 3
_MIXED_MARKED = 4
_FOREIGN_MARKS = 2
_IDEOGRAPHS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# A word: one ideograph (a Chinese list's word is one character, written with or without spaces), or a run
# of other letters. The capturing group makes re.split give the words and what stands between them.
_SPLIT = re.compile(f"([{_IDEOGRAPHS}]|[^\\W\\d_{_IDEOGRAPHS}]+)")
_IDEOGRAPH = re.compile(f"[{_IDEOGRAPHS}]")
_LATIN_ACCENTS = re.compile("[\u0300-\u036f]")
_JSON_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|([\"\\/bfnrt]))")
_ESCAPE_LEVELS = 3
_JSON_ESCAPED = {'"': '"', "\\": "\\", "/": "/", "b": " ", "f": " ", "n": "\n", "r": "\r", "t": "\t"}
_HEX64 = re.compile(r"(?<![0-9a-fA-F])(?:0x)?([0-9a-fA-F]{64})(?![0-9a-fA-F])")
_BASE58_RUN = re.compile(r"[1-9A-HJ-NP-Za-km-z]{50,120}")
# A Solana keypair: 64 bytes (seed, then public key), 86 to 88 Base58 characters, or 64 numbers in brackets.
_SOLANA_KEY_BYTES = 64
_SOLANA_KEY_LENGTHS = range(86, 89)
_SOLANA_KEY_ARRAY = re.compile(r"\[\s*((?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\s*,\s*){63}(?:25[0-5]|2[0-4]\d|1?\d?\d))\s*\]")
# Its start is checked apart (a word boundary first would make the pattern try every position).
_EXTENDED_PRIVATE = re.compile(r"[xyztuvXYZ]prv[1-9A-HJ-NP-Za-km-z]{100,115}\b")
# A 64-hex key after the words people put before one: "private key: …", "secret=…", 私钥：…, and as programs
# write them: "privateKey": "0x…" (a wallet's JSON), PRIVATE_KEY="0x…" (an .env file), "Private key (hex): …".
# One pattern for label and key, its first letter looked for first: a 5 MiB export of hashes is read once.
_LABELLED_HEX_KEY = re.compile(
    r"(?i)(?=[pswkm私密助秘])"
    r"(?:(?<![a-z])(?:private|priv|secret|seed|mnemonic|wif)[\w ()（）-]{0,16}|(?<![a-z])key|私钥|密钥|助记词|秘钥)"
    r"[\"']?\s{0,32}[:=：]?\s{0,32}[\"']?\s{0,32}(?:0x)?[0-9a-f]{64}(?![0-9a-f])"
)
_WIF_VERSIONS = {0x80, 0xEF}
# An encrypted key file: Ethereum's keystore (v3: "crypto" or, as geth writes it, "Crypto", holding the
# "ciphertext" and its "mac") and the presale wallet's "encseed".
_KEYSTORE_FIELD = re.compile(r"(?i)\"(ciphertext|mac|encseed)\"\s*:\s*\"[0-9a-f]{32,}\"")

# What stands between two words: nothing, white space, a delimiter or numbering (", ", " 2. ", "\n3) "), a
# sentence's end, or what never separates a phrase's words but does a header's names or prose ("Time(UTC)",
# "Address/Account").
_EMPTY, _PLAIN, _MARKED, _SENTENCE, _FOREIGN = 0, 1, 2, 3, 4
_SENTENCE_END = re.compile(r"[.!?。！？]\s")
_NUMBERING = re.compile(r"[(\[]?\d+[.):\]]?")
_FOREIGN_MARK = re.compile(r"[()\[\]{}/\\<>=+@$%&*^~:]")


class SecretKind(StrEnum):
    SEED_PHRASE = "seed_phrase"
    WIF = "wif"
    EXTENDED_PRIVATE = "extended_private_key"
    HEX_KEY = "hex_private_key"
    KEYSTORE = "keystore"
    SOLANA_KEY = "solana_private_key"


def normalise(text: str) -> str:
    """``text`` as it is matched against the word lists: compatibility forms folded (full-width letters,
    the ideographic space U+3000 into a space), Latin accents dropped (BIP-39's Spanish and French words are
    recognised without them), kana and Hangul composed again. Not lower-cased."""
    folded = unicodedata.normalize("NFKD", text)
    if folded.isascii():
        return folded
    return unicodedata.normalize("NFC", _LATIN_ACCENTS.sub("", folded))


class _WordList:
    """One list as the guard reads it: its words normalised; the Chinese lists, one list in two scripts, as one."""

    def __init__(self, name: str, words: Iterable[str]) -> None:
        self.name = name
        self.words = frozenset(words)
        self.ideographic = all(len(word) == 1 and _IDEOGRAPH.fullmatch(word) for word in self.words)


class Bip39Words(frozenset[str]):
    """Every BIP-39 word list, for the guard to recognise a phrase in any of them.

    As a set it holds every list's words, normalised (``normalise``, lower-cased): a caller may treat it
    as one set of words. The lists whose words are single ideographs (Chinese simplified and traditional:
    word ``i`` of each is one word in two scripts) are read as one list, their characters as the first's.
    ``chinese_words`` are two-character words in simplified characters, which tell Chinese prose from a
    phrase; so do the commonest characters (the first of the Chinese lists, which are in order of frequency)
    and English's commonest words.
    """

    lists: tuple[_WordList, ...]
    membership: dict[str, int]  # word -> bit ``1 << i`` set for each of ``lists[i]`` that holds it
    chinese_words: frozenset[str]
    to_simplified: dict[str, str]
    common_words: frozenset[str]
    ideographic_indices: tuple[dict[str, int], ...]  # per Chinese list: character -> its index, for checksums
    _source: tuple[dict[str, Sequence[str]], frozenset[str]]

    def __new__(cls, lists: Mapping[str, Sequence[str]], chinese_words: Iterable[str] = ()) -> Bip39Words:
        normalised = {name: [normalise(word).lower() for word in words] for name, words in lists.items()}
        ideographic = [words for words in normalised.values() if _WordList("", words).ideographic]
        self = super().__new__(cls, frozenset().union(*normalised.values()))
        self.lists = tuple(_WordList(name, words) for name, words in normalised.items() if words not in ideographic)
        if ideographic:
            self.lists += (_WordList("chinese", frozenset().union(*ideographic)),)
        self.membership = {}
        for index, wordlist in enumerate(self.lists):
            for word in wordlist.words:
                self.membership[word] = self.membership.get(word, 0) | 1 << index
        self.chinese_words = frozenset(chinese_words)
        self.to_simplified = {
            word: ideographic[0][i]
            for other in ideographic[1:]
            for i, word in enumerate(other)
            if word not in ideographic[0]
        }
        self.ideographic_indices = tuple({word: i for i, word in enumerate(words)} for words in ideographic)
        common = {word for words in ideographic for word in words[:_COMMON_CHARACTERS]}
        self.common_words = frozenset(common | _COMMON_ENGLISH)
        self._source = (dict(lists), self.chinese_words)
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Bip39Words, self._source)


def _word_lists(words: frozenset[str]) -> Bip39Words:
    """The lists of ``words``; a plain set (a caller's own) is one list."""
    return words if isinstance(words, Bip39Words) else _one_list(words)


@lru_cache(maxsize=4)
def _one_list(words: frozenset[str]) -> Bip39Words:
    return Bip39Words({"words": sorted(words)})


class _Words:
    """A text cut into words and what stands between them, with running counts (``counts[i]``: how many of
    the first ``i``) for the window tests: each window is judged in constant time, so a 5 MiB export is read
    in one pass per list its words are on."""

    def __init__(self, text: str, lists: Bip39Words) -> None:
        self._lists = lists
        parts = _SPLIT.split(text)
        self.written = parts[1::2]  # as written (normalised), for capitals
        self.gaps = parts[2:-1:2]  # gaps[i] stands between words i and i + 1
        self.keys = "\n".join(self.written).lower().split("\n") if self.written else []
        self.masks = list(map(lists.membership.get, self.keys, repeat(0, len(self.keys))))
        self._listed: dict[int, list[int]] = {}

    @cached_property
    def gap_kinds(self) -> list[int]:
        kinds = _GapKinds()
        return list(map(kinds.__getitem__, self.gaps))

    @cached_property
    def plain(self) -> list[int]:
        return _counts(map(_PLAIN.__eq__, self.gap_kinds))

    @cached_property
    def marked(self) -> list[int]:
        return _counts(map(_MARKED.__le__, self.gap_kinds))

    @cached_property
    def foreign(self) -> list[int]:
        return _counts(map(_FOREIGN.__eq__, self.gap_kinds))

    @cached_property
    def sentences(self) -> list[int]:
        return _counts(map(_SENTENCE.__eq__, self.gap_kinds))

    @cached_property
    def empty(self) -> list[int]:
        return _counts(map(_EMPTY.__eq__, self.gap_kinds))

    @cached_property
    def title(self) -> list[int]:
        return _counts(map(str.istitle, self.written))

    @cached_property
    def upper(self) -> list[int]:
        return _counts(map(str.isupper, self.written))

    @cached_property
    def common(self) -> list[int]:
        return _counts(map(self._lists.common_words.__contains__, self.keys))

    @cached_property
    def pair_flags(self) -> list[bool]:
        """Whether neighbours make a Chinese word (充值, 到账 …), traditional characters read as simplified."""
        return list(self._pairs(self.keys))

    @cached_property
    def chinese_pairs(self) -> list[int]:
        return _counts(self.pair_flags)

    def pairs_in(self, start: int, end: int) -> int:
        return sum(self._pairs(self.keys[start:end]))

    def _pairs(self, keys: list[str]) -> Iterator[bool]:
        simplified = list(map(self._lists.to_simplified.get, keys, keys))
        return map(self._lists.chinese_words.__contains__, map(str.__add__, simplified, simplified[1:]))

    @property
    def common_words(self) -> frozenset[str]:
        return self._lists.common_words

    @property
    def ideographic_indices(self) -> tuple[dict[str, int], ...]:
        return self._lists.ideographic_indices

    def listed(self, bit: int) -> list[int]:
        if bit not in self._listed:
            self._listed[bit] = _counts(map(bool, map(bit.__and__, self.masks)))
        return self._listed[bit]


def _counts(flags: Iterable[bool]) -> list[int]:
    return list(accumulate(flags, initial=0))


class _GapKinds(dict[str, int]):
    def __missing__(self, gap: str) -> int:
        if not gap or gap.isspace():
            kind = _PLAIN if gap else _EMPTY
        else:
            marks = _NUMBERING.sub("", gap)
            kind = _FOREIGN if _FOREIGN_MARK.search(marks) else _SENTENCE if _SENTENCE_END.search(marks) else _MARKED
        self[gap] = kind
        return kind


def _seed_phrase(text: str, words: frozenset[str]) -> bool:
    """Twelve consecutive words, mostly *different* words of one BIP-39 list, anywhere in the text, that are
    not a table's header nor prose. Twelve: the shortest phrase; a longer one holds a stretch of twelve as
    clean as it is.

    Distinct words: a real phrase seldom repeats one, while a table's headers repeated row after row
    ("time type coin amount …") would otherwise look like one.
    """
    lists = _word_lists(words)
    cut = _Words(normalise(text), lists)
    if len(cut.keys) < _SPAN:
        return False
    masks = cut.masks
    present = reduce(or_, set(masks), 0)
    hits = [index for index, mask in enumerate(masks) if mask]
    for index, wordlist in enumerate(lists.lists):
        bit = 1 << index
        if present & bit and _phrase_on(cut, [i for i in hits if masks[i] & bit], bit, wordlist):
            return True
    return False


def _phrase_on(cut: _Words, positions: list[int], bit: int, wordlist: _WordList) -> bool:
    """Whether a window of the text holds a phrase of ``wordlist``, whose words stand at ``positions``."""
    # Windows with enough list words, each starting at one: most texts end here. One running past the end
    # is moved back to end there: it holds these list words and maybe more.
    starts = [first for first, later in zip(positions, positions[_NEED - 1 :], strict=False) if later - first < _SPAN]
    if not starts:
        return False
    last = len(cut.keys) - _SPAN
    if starts[-1] > last:
        starts = [*starts[: bisect_right(starts, last)], last]
    # A few windows (prose with a listy sentence) are counted one by one; many (a table, a Chinese text), with
    # running counts over the whole text.
    shaped = _unlike_chinese_prose if wordlist.ideographic else _unlike_headers
    if len(starts) * _SPARSE < len(cut.keys):
        sliced = _Sliced(cut, bit)
        return _distinct(cut, [s for s in starts if shaped(sliced, s)], bit)
    if wordlist.ideographic:
        return _distinct(cut, _unlike_chinese_prose_all(cut, starts, bit), bit)
    counted = _Counted(cut, bit)
    return _distinct(cut, [s for s in starts if shaped(counted, s)], bit)


def _unlike_headers(window: _Window, s: int) -> bool:
    """Whether the window at ``s`` is shaped neither like a table's header, names separated by delimiters,
    some of two words ("account type,coin,deposit address"), bracketed ("Time(UTC)", "Address/Account") or
    capitalised ("Time,Coin,Network,Amount"), nor like prose: sentences, the commonest words ("this", "of")."""
    marks, titles = window.gaps(_MARKED, s), window.title(s)
    return not (
        (window.gaps(_PLAIN, s) >= _MIXED_PLAIN and marks >= _MIXED_MARKED)
        or window.gaps(_FOREIGN, s) >= _FOREIGN_MARKS
        or (marks * 2 >= _SPAN - 1 and titles * 2 >= _SPAN and titles + window.upper(s) >= _SPAN - 2)
        or window.common(s) + window.gaps(_SENTENCE, s) >= _ENGLISH_PROSE
    )


def _unlike_chinese_prose(window: _Window, s: int) -> bool:
    """Whether the window at ``s`` is not shaped like Chinese prose. Characters spaced out are a phrase.
    Written together, they are prose if they make words (充值, 到账), use the commonest characters (的, 是,
    在 …), or hold punctuation or words off the list (beyond a typo): a random phrase seldom does any of that."""
    if not window.gaps(_EMPTY, s):
        return True
    unlisted = _SPAN - window.listed(s)
    evidence = window.chinese_pairs(s) + window.gaps(_MARKED, s) + window.common(s) + max(unlisted - _TYPOS, 0)
    return evidence < _CHINESE_PROSE or (evidence < _CHINESE_PROSE + _CHECKED and window.checksummed(s))


def _unlike_chinese_prose_all(cut: _Words, starts: list[int], bit: int) -> list[int]:
    """``_unlike_chinese_prose`` for many windows at once: a Chinese text's every window is one."""
    g = _SPAN - 1
    # Per window (by its first word): its gaps with nothing in them, and its evidence of prose less the words
    # off the list beyond a typo: max(unlisted - 1, 0) = unlisted - 1 + (unlisted == 0).
    spaced = list(map(sub, cut.empty[g:], cut.empty))
    gaps = _counts(map(add, cut.pair_flags, map(_MARKED.__le__, cut.gap_kinds)))
    words = list(map(sub, cut.common, cut.listed(bit)))
    listed = list(map(sub, cut.listed(bit)[_SPAN:], cut.listed(bit)))
    evidence = list(map(add, map(sub, gaps[g:], gaps), map(sub, words[_SPAN:], words)))
    clean = list(map(add, evidence, map(_SPAN.__eq__, listed)))
    # evidence + unlisted - 1 + (unlisted == 0) < _CHINESE_PROSE, with unlisted = _SPAN - listed
    bound = _CHINESE_PROSE - _SPAN + _TYPOS
    return [
        s for s in starts if not spaced[s] or clean[s] < bound or (clean[s] < bound + _CHECKED and _checksummed(cut, s))
    ]


def _checksummed(cut: _Words, s: int) -> bool:
    """Whether a whole BIP-39 phrase of one Chinese list starts at word ``s`` and starts or ends a run of
    characters written together: 12 to 24 of its characters whose checksum (the SHA-256 of the rest, as BIP-39
    makes it) is right. Prose's is right one time in 16 or more, so this only settles a window close to the
    line, and only where a phrase is written whole ("助记词：…", "…" alone, "我的助记词是…")."""
    keys, kinds, total = cut.keys, cut.gap_kinds, len(cut.keys)
    starts_run = s == 0 or kinds[s - 1] != _EMPTY
    for index in cut.ideographic_indices:
        value = 0
        for count, key in enumerate(keys[s : s + _LONGEST], start=1):
            if key not in index:
                break
            value = value << 11 | index[key]
            end = s + count
            if count >= _SPAN and count % 3 == 0 and (starts_run or end == total or kinds[end - 1] != _EMPTY):
                bits = count // 3  # the checksum's: one per 32 bits of entropy
                entropy = (value >> bits).to_bytes((count * 11 - bits) // 8, "big")
                if hashlib.sha256(entropy).digest()[0] >> (8 - bits) == value & ((1 << bits) - 1):
                    return True
    return False


class _Window(Protocol):
    """Counts in the window of twelve words starting at word ``s`` (and the eleven gaps between them)."""

    def gaps(self, kind: int, s: int) -> int: ...  # of that kind; _MARKED counts every mark
    def title(self, s: int) -> int: ...
    def upper(self, s: int) -> int: ...
    def common(self, s: int) -> int: ...
    def chinese_pairs(self, s: int) -> int: ...
    def listed(self, s: int) -> int: ...
    def checksummed(self, s: int) -> bool: ...


class _Counted:
    """Window counts from running counts over the whole text: cheap per window, dear to set up."""

    def __init__(self, cut: _Words, bit: int) -> None:
        self._cut, self._bit = cut, bit
        self._gaps = {
            _EMPTY: cut.empty,
            _PLAIN: cut.plain,
            _MARKED: cut.marked,
            _SENTENCE: cut.sentences,
            _FOREIGN: cut.foreign,
        }

    def gaps(self, kind: int, s: int) -> int:
        counts = self._gaps[kind]
        return counts[s + _SPAN - 1] - counts[s]

    def title(self, s: int) -> int:
        return self._cut.title[s + _SPAN] - self._cut.title[s]

    def upper(self, s: int) -> int:
        return self._cut.upper[s + _SPAN] - self._cut.upper[s]

    def common(self, s: int) -> int:
        return self._cut.common[s + _SPAN] - self._cut.common[s]

    def chinese_pairs(self, s: int) -> int:
        return self._cut.chinese_pairs[s + _SPAN - 1] - self._cut.chinese_pairs[s]

    def listed(self, s: int) -> int:
        counts = self._cut.listed(self._bit)
        return counts[s + _SPAN] - counts[s]

    def checksummed(self, s: int) -> bool:
        return _checksummed(self._cut, s)


class _Sliced:
    """Window counts from the window's own words: no set-up, dearer per window."""

    def __init__(self, cut: _Words, bit: int) -> None:
        self._cut, self._bit = cut, bit

    def gaps(self, kind: int, s: int) -> int:
        kinds = self._cut.gap_kinds[s : s + _SPAN - 1]
        return len(kinds) - kinds.count(_EMPTY) - kinds.count(_PLAIN) if kind == _MARKED else kinds.count(kind)

    def title(self, s: int) -> int:
        return sum(map(str.istitle, self._cut.written[s : s + _SPAN]))

    def upper(self, s: int) -> int:
        return sum(map(str.isupper, self._cut.written[s : s + _SPAN]))

    def common(self, s: int) -> int:
        return sum(map(self._cut.common_words.__contains__, self._cut.keys[s : s + _SPAN]))

    def chinese_pairs(self, s: int) -> int:
        return self._cut.pairs_in(s, s + _SPAN)

    def listed(self, s: int) -> int:
        return sum(1 for mask in self._cut.masks[s : s + _SPAN] if mask & self._bit)

    def checksummed(self, s: int) -> bool:
        return _checksummed(self._cut, s)


def _distinct(cut: _Words, starts: list[int], bit: int) -> bool:
    """Whether a window starting at one of ``starts`` (ascending) holds enough *different* list words: the
    windows slide, each word counted in and out once, so a table's header repeated row after row costs one
    pass, not one per window."""
    keys, masks = cut.keys, cut.masks
    counts: dict[str, int] = {}
    distinct = low = high = 0  # words low..high-1 are counted
    for s in starts:
        if s >= high:
            counts.clear()
            distinct, low, high = 0, s, s
        for i in range(high, s + _SPAN):
            if masks[i] & bit:
                counts[keys[i]] = counts.get(keys[i], 0) + 1
                distinct += counts[keys[i]] == 1
        for i in range(low, s):
            if masks[i] & bit:
                counts[keys[i]] -= 1
                distinct -= counts[keys[i]] == 0
        low, high = s, s + _SPAN
        if distinct >= _NEED:
            return True
    return False


def _wif(text: str) -> bool:
    for run in _BASE58_RUN.findall(text):
        if len(run) not in (51, 52):
            continue
        try:
            raw = base58.b58decode_check(run)
        except ValueError:
            continue
        if raw[0] in _WIF_VERSIONS and (len(raw) == 33 or (len(raw) == 34 and raw[-1] == 1)):
            return True
    return False


def _solana_key(text: str) -> bool:
    """A Solana keypair as wallets export it (Phantom's "private key": 64 bytes in Base58; the CLI's id.json: 64
    numbers in brackets): the ed25519 seed, then its own public key. A transaction signature has the same length
    in Base58, but its second half is no public key of its first, so only a real key is refused."""
    runs = [base58.b58decode(r) for r in _BASE58_RUN.findall(text) if len(r) in _SOLANA_KEY_LENGTHS]
    runs += [bytes(int(n) for n in m.group(1).split(",")) for m in _SOLANA_KEY_ARRAY.finditer(text)]
    for raw in runs:
        if len(raw) == _SOLANA_KEY_BYTES and bytes(Keypair.from_seed(raw[:32]).pubkey()) == raw[32:]:
            return True
    return False


def _labelled_hex_key(text: str) -> bool:
    return _LABELLED_HEX_KEY.search(text) is not None


def _keystore(text: str) -> bool:
    fields = {m.group(1).lower() for m in _KEYSTORE_FIELD.finditer(text)}
    return {"ciphertext", "mac"} <= fields or "encseed" in fields


def _unescaped(text: str) -> str:
    """``text`` with JSON's escapes decoded: ``\\n`` between words, ``\\u79c1\\u94a5`` for 私钥, ``\\"``."""

    def decode(m: re.Match[str]) -> str:
        return chr(int(m.group(1), 16)) if m.group(1) else _JSON_ESCAPED[m.group(2)]

    return _JSON_ESCAPE.sub(decode, text)


def find_secret(text: str | None, words: frozenset[str], *, address_field: bool = False) -> SecretKind | None:
    """What kind of secret ``text`` holds, if any; ``text`` is read as written and, where it has JSON's
    escapes (``\\n`` between words, ``\\u79c1\\u94a5`` for 私钥, ``\\"privateKey\\"``), as decoded: every
    string of a JSON file, whatever its field.

    ``address_field``: the text was entered where an address belongs, so a 64-hex value there, with or
    without ``0x``, is taken for a private key: no address looks like that, while a hash field may hold
    one. (A hash pasted into the wrong field is refused too: safe, and the user is told why.)
    """
    if not text or not text.strip():
        return None
    kind = _find_secret(text, words, address_field)
    # JSON's escapes, decoded as often as a JSON text inside a JSON string needs ("{\\"seed\\": …}").
    for _ in range(_ESCAPE_LEVELS):
        if kind is not None or "\\" not in text or (decoded := _unescaped(text)) == text:
            break
        text = decoded
        kind = _find_secret(text, words, address_field)
    return kind


def _find_secret(text: str, words: frozenset[str], address_field: bool) -> SecretKind | None:
    if _seed_phrase(text, words):
        return SecretKind.SEED_PHRASE
    if any(m.start() == 0 or not text[m.start() - 1].isalnum() for m in _EXTENDED_PRIVATE.finditer(text)):
        return SecretKind.EXTENDED_PRIVATE
    if _wif(text):
        return SecretKind.WIF
    if _keystore(text):
        return SecretKind.KEYSTORE
    if _solana_key(text):
        return SecretKind.SOLANA_KEY
    if (address_field and _HEX64.fullmatch(text.strip())) or _labelled_hex_key(text):
        return SecretKind.HEX_KEY
    return None
