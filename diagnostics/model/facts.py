"""Facts: what the chains said, decoded but not judged.

Adapters fill these; checks read them. Amounts are integers in base units, with the decimals that
give them meaning carried beside them, never floats.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Context, Decimal

from diagnostics.model.lookup import Found, Lookup, Unavailable

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
class TronCost:
    """What a Tron transaction spent: energy (smart contracts) and bandwidth, staked or burned as TRX.

    Tron has no gas price: a TRC-20 call burns TRX for energy the sender has not staked, up to the
    ``fee_limit`` the sender set. Amounts in sun (1 TRX = 10^6 sun); a field the node left out is 0.
    """

    fee_limit: int | None = None
    energy_used: int = 0  # energy_usage_total: staked + burned + the contract owner's share
    energy_fee: int = 0  # sun burned for the energy not covered by stake
    energy_penalty: int = 0  # extra energy a busy ("dynamic energy") contract charged
    bandwidth_used: int = 0
    bandwidth_fee: int = 0


@dataclass(frozen=True)
class TxFacts:
    """One transaction. ``nonce`` and ``gas_limit`` are EVM's (``None`` on Tron); ``result`` is the
    chain's own word for the outcome where it has one (Tron ``OUT_OF_ENERGY``, ``REVERT`` …).
    """

    tx_hash: str
    sender: str
    to: str | None
    nonce: int | None
    value: int
    gas_limit: int | None
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
    fee: int | None = None  # the total fee as the chain reports it, where it does (Tron)
    result: str | None = None
    failure_message: str | None = None  # the node's own words on a failure (Tron resMessage)
    expires_at: int | None = None  # Tron: unix seconds after which an unmined transaction is void
    cost: TronCost | None = None
    recipient_activated: bool | None = None  # Tron: whether the receiving account exists on chain

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
        return self.gas_used is not None and self.gas_limit is not None and self.gas_used >= self.gas_limit

    @property
    def fee_paid(self) -> int | None:
        if self.fee is not None:
            return self.fee
        if self.gas_used is None or self.effective_gas_price is None:
            return None
        return self.gas_used * self.effective_gas_price


@dataclass(frozen=True)
class ChainHead:
    """The newest block a node knows; ``final_number`` is its newest irreversible one where the chain
    says (Tron's solidified block)."""

    number: int
    timestamp: int
    final_number: int | None = None


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
    """Everything one network's node said about the case, and how long that took.

    ``nonces`` and ``fees`` are ``None`` where they were not asked: on a chain that has no such thing
    (Tron), or when there was no transaction to ask them for.
    """

    network: str
    endpoint: str
    tx: Lookup[TxFacts]
    head: Lookup[ChainHead] = field(default_factory=lambda: Unavailable("not asked"))
    nonces: Lookup[NonceState] | None = None
    fees: Lookup[FeeMarket] | None = None
    elapsed_seconds: float = 0.0
    round_trips: int = 0
    # Asked, but not waited for: the transaction was found on another network first (a hash names one
    # transaction on one chain), so this network's silence says nothing about the node.
    skipped: bool = False


@dataclass(frozen=True)
class Facts:
    networks: tuple[NetworkFacts, ...] = ()

    def for_network(self, slug: str) -> NetworkFacts | None:
        return next((n for n in self.networks if n.network == slug), None)

    @property
    def located(self) -> NetworkFacts | None:
        """The network whose node knows the transaction, if any did."""
        return next((n for n in self.networks if isinstance(n.tx, Found)), None)
