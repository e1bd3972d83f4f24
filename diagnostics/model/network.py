"""Network profiles and their tokens, as read from ``resources/`` by the catalog."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True)
class Token:
    symbol: str
    name: str
    contract: str
    decimals: int


@dataclass(frozen=True)
class Explorer:
    """URL templates with ``{hash}``, ``{address}`` and ``{contract}`` placeholders."""

    tx: str
    address: str
    token: str


@dataclass(frozen=True)
class Network:
    slug: str
    name: str
    display_name: str
    family: str
    chain_id: int
    native_symbol: str
    native_decimals: int
    block_time_seconds: float
    confirmations: int
    rpc_urls: tuple[str, ...]
    explorer: Explorer
    tokens: tuple[Token, ...] = ()
    aliases: tuple[str, ...] = ()
    # The hash of block 0, for chains with no chain id to tell their networks apart (Bitcoin: mainnet or testnet).
    genesis_hash: str | None = None
    # Exchanges on this network usually keep one deposit address for all users and tell them apart by a memo
    # (TON's comment): a deposit there may need the memo the exchange gave.
    memo: bool = False

    def token_by_contract(self, contract: str) -> Token | None:
        return self._by_contract.get(_contract_key(contract))

    @cached_property
    def _by_contract(self) -> dict[str, Token]:
        """Every check of every case looks tokens up by contract: a table, built once per profile."""
        table: dict[str, Token] = {}
        for token in self.tokens:
            table.setdefault(_contract_key(token.contract), token)  # the first listed wins, as before
        return table

    def tokens_by_symbol(self, symbol: str) -> tuple[Token, ...]:
        wanted = symbol.upper()
        return tuple(t for t in self.tokens if t.symbol.upper() == wanted)


def _contract_key(address: str) -> str:
    """0x addresses compare without case (EIP-55 capitals are only a checksum); Base58 ones exactly."""
    return address.lower() if address[:2].lower() == "0x" else address


def name_key(name: str) -> str:
    """A network name as compared: no case, spaces, dashes or brackets ("BEP-20" matches "bep20")."""
    return "".join(c for c in name.lower() if c.isalnum())


def find_network(name: str, networks: Iterable[Network]) -> Network | None:
    """The network ``name`` means (slug, name, display name or alias), or ``None``."""
    wanted = name_key(name)
    for network in networks:
        if wanted in {name_key(n) for n in (network.slug, network.name, network.display_name, *network.aliases)}:
            return network
    return None
