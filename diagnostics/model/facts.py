"""Facts: what the chains said, decoded but not judged.

Adapters fill these; checks read them. Amounts are integers in base units, with the decimals that
give them meaning carried beside them, never floats.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Context, Decimal
from enum import StrEnum

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


class TxStatus(StrEnum):
    """Where a transaction stands, in the words every chain family shares."""

    PENDING = "pending"  # known to the node, in no block yet
    CONFIRMED = "confirmed"  # in a block, and it did what it asked
    FAILED = "failed"  # in a block, but it failed: nothing moved, the fee was still spent


@dataclass(frozen=True)
class Transfer:
    """Value that moved (or, for ``TxFacts.intended``, that a transaction asks to move).

    ``token`` is ``None`` for the network's own coin. ``how`` says how it was read: ``"value"`` (the native
    value a transaction carries), ``"log"`` (a token's ``Transfer`` event), ``"call"`` (a token call's
    arguments, known before or without its event), ``"asset"`` (a chain's built-in token, Tron's TRC-10),
    ``"output"`` (a Bitcoin output) or ``"change"`` (an output paying back to an address the transaction
    spends from: no one else's money). ``index`` is the log index or the output number.
    """

    sender: str
    recipient: str
    amount: int
    token: TokenInfo | None = None
    index: int | None = None
    how: str = "value"
    # The memo, tag or comment the transfer carries, where its chain has one (TON's text comment, a jetton's
    # forward comment): "" when it carries none, ``None`` where the chain has no such thing or it was not read.
    memo: str | None = None


@dataclass(frozen=True)
class ContractCall:
    """The token method a transaction calls, decoded from its call data (known even while it is pending).

    ``token`` is what the contract is, from the network's table or read on-chain, once the adapter knows.
    """

    contract: str
    method: str
    target: str | None = None
    amount: int | None = None
    source: str | None = None
    token: TokenInfo | None = None


@dataclass(frozen=True)
class NonceState:
    """An EVM sender's transaction count: ``latest`` counts mined ones, ``pending`` adds the node's pool."""

    latest: int
    pending: int


@dataclass(frozen=True)
class PoolPosition:
    """Where a waiting EVM transaction stands in its node's pool: ``ahead`` transactions pay more per gas (at the
    next block's base fee) and may use ``gas_ahead`` gas, which block producers take first; ``size`` is the pool's."""

    ahead: int
    gas_ahead: int
    size: int


@dataclass(frozen=True)
class EvmDetails:
    """What only an EVM transaction has: its nonce, gas and fees (wei), and its sender's nonces."""

    nonce: int
    value: int
    gas_limit: int
    tx_type: int = 0
    gas_price: int | None = None
    max_fee: int | None = None
    max_priority_fee: int | None = None
    gas_used: int | None = None
    effective_gas_price: int | None = None
    receipt_status: int | None = None  # None: a receipt from before Byzantium (2017), which had no status
    input_size: int = 0  # bytes of call data
    sender_nonces: NonceState | None = None
    pool: Lookup[PoolPosition] | None = None  # while it waits: its place in the node's pool, where shown


@dataclass(frozen=True)
class TronDetails:
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
    recipient_activated: bool | None = None  # whether the receiving account exists on chain


@dataclass(frozen=True)
class BitcoinInput:
    """An output this transaction spends (``txid``:``vout``), whose address and value the node resolved."""

    txid: str
    vout: int
    address: str | None
    value: int
    sequence: int


@dataclass(frozen=True)
class BitcoinOutput:
    index: int
    address: str | None  # None for an OP_RETURN or a script no address form names
    value: int
    script_type: str


@dataclass(frozen=True)
class BitcoinDetails:
    """What only a Bitcoin transaction has. ``fee_rate`` is sat/vB, the unit wallets and mempools quote;
    ``rbf`` is BIP-125 signalling (an input's sequence below 0xfffffffe); ``unconfirmed_parents`` counts
    the inputs whose own transaction is still waiting (``None``: not asked, as for a mined one)."""

    inputs: tuple[BitcoinInput, ...]
    outputs: tuple[BitcoinOutput, ...]
    size: int
    weight: int
    fee_rate: Decimal
    rbf: bool
    unconfirmed_parents: int | None = None

    @property
    def vsize(self) -> int:
        return -(-self.weight // 4)  # virtual size: weight / 4, rounded up (BIP-141)


@dataclass(frozen=True)
class SolanaTokenAccount:
    """A token account a transaction touched (the owner's balance of one mint), from its token balances."""

    address: str
    owner: str | None
    mint: str
    created: bool = False  # it did not exist before this transaction: the transaction opened it


@dataclass(frozen=True)
class SolanaDetails:
    """What only a Solana transaction has. Fees in lamports: ``fee`` is the whole (signatures and priority),
    ``priority_fee`` the part above the signatures' base fee. ``commitment`` is the cluster's word for how far
    it is (``processed``, ``confirmed``, ``finalized``). ``error`` is the node's ``TransactionError`` as it
    gave it, and ``error_kind`` / ``error_index`` / ``error_code`` what the adapter read from it (the failing
    instruction's position and program, a program's own error number)."""

    commitment: str | None = None
    slot: int | None = None  # the slot its status names, known while it waits (``processed``) too
    signatures: int = 1
    priority_fee: int | None = None
    compute_units: int | None = None
    token_accounts: tuple[SolanaTokenAccount, ...] = ()
    error: str | None = None
    error_kind: str | None = None
    error_index: int | None = None
    error_program: str | None = None
    error_code: int | None = None

    @property
    def created_accounts(self) -> tuple[SolanaTokenAccount, ...]:
        return tuple(a for a in self.token_accounts if a.created)


@dataclass(frozen=True)
class TonDetails:
    """What only a TON transaction has: its logical time, the phases it ran, and what became of the messages it sent.

    A TON transfer is a chain of messages, each handled by its own transaction: the user's wallet, then (for a
    jetton) its jetton wallet, then the recipient's. ``phase`` names the phase that failed ("compute": the contract
    threw ``exit_code``; "action": sending failed with ``result_code``), and ``failed_at`` the account whose
    transaction failed (the user's own, or one the message went on to). ``bounced``: the recipient refused the
    message and the value came back, less fees. Amounts in nanotons (1 TON = 10^9).
    """

    lt: int
    account: str
    aborted: bool = False
    phase: str | None = None
    exit_code: int | None = None
    result_code: int | None = None
    failed_at: str | None = None
    bounced: bool = False
    comment: str | None = None  # the text comment of the message that started it, where it carries one
    jetton_wallet: str | None = None  # the sender's jetton wallet, for a jetton transfer


FamilyDetails = EvmDetails | TronDetails | BitcoinDetails | SolanaDetails | TonDetails


@dataclass(frozen=True)
class TxFacts:
    """One transaction: a core every chain family fills, and ``details`` in the family's own record.

    ``fee`` is what it paid, in the native coin's base units (``None`` while nobody knows yet). ``transfers``
    is what the chain records as moved (only for a confirmed transaction); ``intended`` is what the
    transaction itself asks to move, known whatever became of it. ``result`` is the chain's own word for
    the outcome where it has one (Tron ``OUT_OF_ENERGY``, ``REVERT`` …).
    """

    tx_hash: str
    sender: str
    to: str | None
    status: TxStatus
    block_number: int | None = None
    block_timestamp: int | None = None
    fee: int | None = None
    transfers: tuple[Transfer, ...] = ()
    intended: tuple[Transfer, ...] = ()
    call: ContractCall | None = None
    opaque_call: bool = False  # it calls a contract method this version cannot decode
    result: str | None = None
    revert_reason: str | None = None
    failure_message: str | None = None  # the node's own words on a failure (Tron resMessage)
    expires_at: int | None = None  # unix seconds after which a transaction not yet in a block is void
    details: FamilyDetails | None = None
    # Recipients of its token transfers that are token contracts themselves (they answer ``symbol()``): tokens
    # sent there can never be sent on.
    token_contracts: tuple[str, ...] = ()
    # Value moved inside its contract calls (an exchange's batch payout, a smart-contract wallet), read from a
    # trace of the transaction; ``None`` where there is nothing to read (no contract call, not in a block).
    internal: Lookup[tuple[Transfer, ...]] | None = None

    @property
    def pending(self) -> bool:
        return self.status is TxStatus.PENDING

    @property
    def failed(self) -> bool:
        return self.status is TxStatus.FAILED


@dataclass(frozen=True)
class ChainHead:
    """The newest block a node knows; ``final_number`` is its newest irreversible one where the chain
    says (Tron's solidified block)."""

    number: int
    timestamp: int
    final_number: int | None = None


@dataclass(frozen=True)
class EvmFeeMarket:
    """Recent blocks' fees from ``eth_feeHistory``; ``next_base_fee`` is the one the next block will charge."""

    next_base_fee: int | None
    base_fees: tuple[int, ...] = ()
    gas_used_ratios: tuple[float, ...] = ()
    reward_percentiles: tuple[float, ...] = ()
    rewards: tuple[tuple[int, ...], ...] = ()
    pending_count: int | None = None
    block_gas_limit: int | None = None  # of the newest block: how much one block holds


@dataclass(frozen=True)
class BitcoinFeeMarket:
    """The mempool: its backlog and the fee rates (sat/vB) that get into the next block and within the hour.

    ``next_block_rate`` and ``hour_rate`` come from the endpoint's recommendation where it gives one
    (mempool.space), else from the mempool's fee histogram; ``recommended`` says which.
    """

    count: int
    vsize: int
    next_block_rate: Decimal | None
    hour_rate: Decimal | None
    minimum_rate: Decimal | None = None
    recommended: bool = False


FeeContext = EvmFeeMarket | BitcoinFeeMarket


@dataclass(frozen=True)
class Replacement:
    """Whether another transaction has taken this one's place, so that it can never be confirmed.

    ``how``: ``"nonce"`` (an EVM sender's nonce is used by a mined transaction: a speed-up or cancel),
    ``"input_spent"`` (an input is spent by another transaction: replace-by-fee or a double spend),
    ``"rbf"`` (the node's own record of replacements names the one that replaced it). ``by`` is the
    replacing transaction where the node names it. On nonce chains ``nonce``, ``mined_count`` and
    ``pending_count`` are how it is known; they also tell a never-broadcast transaction (nonce still free).
    """

    replaced: bool
    how: str
    by: str | None = None
    nonce: int | None = None
    mined_count: int | None = None
    pending_count: int | None = None


@dataclass(frozen=True)
class NetworkFacts:
    """Everything one network's node said about the case, and how long that took.

    ``fees`` and ``replacement`` are ``None`` where they were not asked: on a chain that has no such thing,
    or when there was nothing to ask them for.
    """

    network: str
    endpoint: str
    tx: Lookup[TxFacts]
    head: Lookup[ChainHead] = field(default_factory=lambda: Unavailable("not asked"))
    fees: Lookup[FeeContext] | None = None
    replacement: Lookup[Replacement] | None = None
    elapsed_seconds: float = 0.0
    round_trips: int = 0
    # Asked, but not waited for: the transaction was found on another network first (a hash names one
    # transaction on one chain), so this network's silence says nothing about the node.
    skipped: bool = False
    unencrypted: bool = False  # an endpoint on another machine was asked over plain http: its answers could be forged


@dataclass(frozen=True)
class Facts:
    networks: tuple[NetworkFacts, ...] = ()

    def for_network(self, slug: str) -> NetworkFacts | None:
        return next((n for n in self.networks if n.network == slug), None)

    @property
    def located(self) -> NetworkFacts | None:
        """The network whose node knows the transaction, if any did."""
        return next((n for n in self.networks if isinstance(n.tx, Found)), None)
