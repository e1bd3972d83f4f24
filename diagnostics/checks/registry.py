"""The check registry and the context every check reads.

A check is a pure function of a ``CheckContext`` that returns one ``Finding`` or ``None``; it is
registered with the one code it may raise (FINDINGS.md: each code has exactly one check).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from diagnostics.intake.sniff import address_form, networks_for_address, same_address
from diagnostics.model import (
    Amount,
    Case,
    ChainHead,
    Evidence,
    EvidenceValue,
    Facts,
    FeeMarket,
    Finding,
    Network,
    NetworkFacts,
    NonceState,
    Severity,
    TokenInfo,
    Transfer,
    TxFacts,
    known,
)

CheckFn = Callable[["CheckContext"], Finding | None]


@dataclass(frozen=True)
class Check:
    code: str
    severity: Severity
    run: CheckFn


REGISTRY: dict[str, Check] = {}


def check(code: str, severity: Severity) -> Callable[[CheckFn], CheckFn]:
    """Register ``fn`` as the one check that raises ``code``."""

    def register(fn: CheckFn) -> CheckFn:
        if code in REGISTRY:
            raise ValueError(f"code {code} is already raised by {REGISTRY[code].run.__name__}")
        REGISTRY[code] = Check(code, severity, fn)
        return fn

    return register


@dataclass(frozen=True)
class CheckContext:
    """The case, the network judged, the facts gathered, and the one clock reading.

    ``network`` is where the transaction was found, else the one the user chose; ``chosen`` is the
    user's choice (``None``: Auto-detect); ``profiles`` name every network the facts mention.
    """

    case: Case
    network: Network
    facts: Facts
    now: datetime
    chosen: Network | None
    profiles: tuple[Network, ...] = ()

    def finding(
        self,
        code: str,
        *,
        variant: str = "",
        evidence: tuple[Evidence, ...] = (),
        network: str | None = None,
        **params: EvidenceValue,
    ) -> Finding:
        """A finding of ``code`` with its registered severity, about the selected network by default."""
        return Finding(
            code=code,
            severity=REGISTRY[code].severity,
            network=network or self.network.slug,
            variant=variant,
            params=dict(params),
            evidence=evidence,
        )

    def evidence(self, label: str, value: EvidenceValue, block: int | None = None) -> Evidence:
        return Evidence(label, value, self.network.slug, block)

    def profile(self, slug: str) -> Network | None:
        """The profile of a network the facts mention."""
        return next((n for n in (self.network, *self.profiles) if n.slug == slug), None)

    def name_of(self, slug: str) -> str:
        """The name users know ("Ethereum (ERC-20)") for a network the facts mention."""
        profile = self.profile(slug)
        return profile.display_name if profile else slug

    @property
    def expected(self) -> Network | None:
        """The network the user meant: the one chosen, or with Auto-detect the only one their address can be on."""
        if self.chosen is not None or self.case.address is None:
            return self.chosen
        fits = networks_for_address(self.case.address, self.profiles)
        return fits[0] if len(fits) == 1 else None

    @property
    def selected(self) -> NetworkFacts | None:
        return self.facts.for_network(self.network.slug)

    @property
    def tx(self) -> TxFacts | None:
        return known(self.selected.tx) if self.selected else None

    @property
    def head(self) -> ChainHead | None:
        return known(self.selected.head) if self.selected else None

    @property
    def nonces(self) -> NonceState | None:
        return known(self.selected.nonces) if self.selected else None

    @property
    def fees(self) -> FeeMarket | None:
        return known(self.selected.fees) if self.selected else None

    @property
    def replaced(self) -> bool:
        """A transaction whose nonce the sender has already used in a block: it can never confirm.

        Pending ones say their nonce; one no node knows says it only through the raw signed transaction.
        """
        tx, nonces, signed = self.tx, self.nonces, self.case.signed
        if tx is None:
            return bool(signed and nonces and signed.nonce < nonces.latest)
        return bool(tx.pending and nonces and tx.nonce is not None and tx.nonce < nonces.latest)

    @property
    def required_confirmations(self) -> int:
        return self.case.required_confirmations or self.network.confirmations

    def same_address(self, a: str | None, b: str | None) -> bool:
        return same_address(a, b)

    def moved(self) -> tuple[Transfer, ...]:
        """What the transaction moved, or, while it is pending, what its call data asks to move."""
        tx = self.tx
        if tx is None or tx.failed:
            return ()
        if not tx.pending:
            return tx.transfers
        intended: list[Transfer] = []
        if tx.value and tx.to:
            intended.append(Transfer(tx.sender, tx.to, tx.value))
        call = tx.call
        if call and call.method in ("transfer", "transferFrom") and call.target and call.amount is not None:
            intended.append(Transfer(call.source or tx.sender, call.target, call.amount, tx.call_token))
        return tuple(intended)

    @property
    def address(self) -> str | None:
        """The user's address when it can be compared with the chain's (well formed, this network's family).

        A mistyped checksum still compares, case aside; a truncated or foreign address does not, so no
        recipient check accuses the chain of a mismatch that is only a typo.
        """
        if self.case.address is None:
            return None
        form = address_form(self.case.address)
        usable = form.family == self.network.family and form.problem in (None, "checksum")
        return self.case.address.strip() if usable else None

    def moved_to_address(self) -> tuple[Transfer, ...]:
        return tuple(t for t in self.moved() if self.same_address(t.recipient, self.address))

    def symbol_of(self, transfer: Transfer) -> str:
        if transfer.token is None:
            return self.network.native_symbol
        return (transfer.token.symbol or "?").strip()

    def wanted(self, transfer: Transfer) -> bool:
        """Whether a transfer is of the coin the user says they sent (any, when they did not say)."""
        return self.case.token is None or self.symbol_of(transfer).upper() == self.case.token.strip().upper()

    def credited(self) -> tuple[Transfer, ...]:
        """Transfers an exchange would credit: to the address, of the stated coin, native or a listed token."""
        return tuple(
            t for t in self.moved_to_address() if self.wanted(t) and (t.token is None or self.is_listed(t.token))
        )

    def amount(self, transfer: Transfer) -> Amount | None:
        """The transfer's amount with its decimals, or ``None`` when a token did not say its decimals."""
        token = transfer.token
        if token is None:
            return self.native(transfer.amount)
        if token.decimals is None:
            return None
        return Amount(transfer.amount, token.decimals, token.symbol or "?")

    def native(self, base_units: int) -> Amount:
        """An amount of the network's own coin (fees, TRX sent)."""
        return Amount(base_units, self.network.native_decimals, self.network.native_symbol)

    def is_listed(self, token: TokenInfo) -> bool:
        return self.network.token_by_contract(token.contract) is not None


def gwei(wei: int) -> Decimal:
    """Fees are shown in gwei, the unit wallets show."""
    return Decimal(f"{Decimal(wei).scaleb(-9).normalize():f}")  # "20", not normalize()'s "2E+1"
