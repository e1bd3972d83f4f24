"""Facts: what the chains said, decoded but not judged.

Adapters fill these; checks read them. Amounts are integers in base units, with the decimals that
give them meaning carried beside them, never floats.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Context, Decimal

from diagnostics.model.lookup import Lookup, Unavailable

# Token amounts reach 30+ significant digits (18 decimals); the default 28-digit context would round them.
EXACT = Context(prec=200)


@dataclass(frozen=True)
class Amount:
    base_units: int
    decimals: int
    symbol: str

    def as_decimal(self) -> Decimal:
        return Decimal(self.base_units).scaleb(-self.decimals, EXACT)

    def __str__(self) -> str:
        """ "1,234.5 USDT": grouped digits, no trailing zeros, never an exponent."""
        value = self.as_decimal().normalize(EXACT)
        text = f"{value:,f}" if abs(value) >= 1 else f"{value:f}"
        return f"{text} {self.symbol}"


@dataclass(frozen=True)
class TokenInfo:
    """A token contract as the facts know it: from the network's table, else read on-chain.

    ``symbol`` and ``decimals`` are ``None`` when the contract did not answer (not an ERC-20, or a
    contract that reverts on ``symbol()``).
    """

    contract: str
    symbol: str | None
    decimals: int | None


@dataclass(frozen=True)
class Transfer:
    """Value that moved: the native coin when ``token`` is ``None``, else a token ``Transfer`` log."""

    sender: str
    recipient: str
    amount: int
    token: TokenInfo | None = None
    log_index: int | None = None


@dataclass(frozen=True)
class ContractCall:
    """The token method a transaction's call data asks for (known even while it is pending)."""

    contract: str
    method: str
    target: str | None = None
    amount: int | None = None
    source: str | None = None


@dataclass(frozen=True)
class TxFacts:
    tx_hash: str
    sender: str
    to: str | None
    nonce: int
    value: int
    gas_limit: int
    tx_type: int = 0
    gas_price: int | None = None
    max_fee: int | None = None
    max_priority_fee: int | None = None
    block_number: int | None = None
    block_timestamp: int | None = None
    status: int | None = None
    gas_used: int | None = None
    effective_gas_price: int | None = None
    revert_reason: str | None = None
    input_size: int = 0  # bytes of call data: a call to a contract method, decoded or not
    call: ContractCall | None = None
    call_token: TokenInfo | None = None
    transfers: tuple[Transfer, ...] = ()

    @property
    def pending(self) -> bool:
        return self.block_number is None

    @property
    def failed(self) -> bool:
        """Status 0; or, before receipts carried a status (pre-Byzantium, 2017), all gas used up."""
        if self.block_number is None:
            return False
        if self.status is not None:
            return self.status == 0
        return self.gas_used is not None and self.gas_used >= self.gas_limit

    @property
    def fee_paid(self) -> int | None:
        if self.gas_used is None or self.effective_gas_price is None:
            return None
        return self.gas_used * self.effective_gas_price


@dataclass(frozen=True)
class ChainHead:
    number: int
    timestamp: int


@dataclass(frozen=True)
class NonceState:
    """The sender's transaction count: ``latest`` counts mined ones, ``pending`` adds the node's pool."""

    latest: int
    pending: int


@dataclass(frozen=True)
class FeeMarket:
    """Recent blocks' fees from ``eth_feeHistory``; ``next_base_fee`` is the one the next block will charge."""

    next_base_fee: int | None
    base_fees: tuple[int, ...] = ()
    gas_used_ratios: tuple[float, ...] = ()
    reward_percentiles: tuple[float, ...] = ()
    rewards: tuple[tuple[int, ...], ...] = ()
    pending_count: int | None = None


@dataclass(frozen=True)
class NetworkFacts:
    """Everything one network's node said about the case, and how long that took."""

    network: str
    endpoint: str
    tx: Lookup[TxFacts]
    head: Lookup[ChainHead] = field(default_factory=lambda: Unavailable("not asked"))
    nonces: Lookup[NonceState] = field(default_factory=lambda: Unavailable("not asked"))
    fees: Lookup[FeeMarket] = field(default_factory=lambda: Unavailable("not asked"))
    elapsed_seconds: float = 0.0
    round_trips: int = 0


@dataclass(frozen=True)
class Facts:
    networks: tuple[NetworkFacts, ...] = ()

    def for_network(self, slug: str) -> NetworkFacts | None:
        return next((n for n in self.networks if n.network == slug), None)
