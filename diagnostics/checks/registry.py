"""The check registry and the context every check reads.

A check is a pure function of a ``CheckContext`` that returns one ``Finding`` or ``None``; it is
registered with the one code it may raise (FINDINGS.md: each code has exactly one check). A check that
judges what only one chain family has (an EVM nonce, a Bitcoin fee rate) says which family: a code then
has one check per family that needs its own judgement, and a family-neutral one for the rest, if any. A
neutral check reads only the facts' core and the outcome the engine worked out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from diagnostics.checks.codes import CODES
from diagnostics.intake.sniff import address_form, networks_for_address, same_address
from diagnostics.model import (
    Amount,
    Case,
    ChainHead,
    DepositRule,
    Evidence,
    EvidenceValue,
    ExchangeProfile,
    Facts,
    FeeContext,
    Finding,
    Network,
    NetworkFacts,
    Outcome,
    Replacement,
    Requirement,
    Severity,
    TokenInfo,
    Transfer,
    TxFacts,
    known,
)

CheckFn = Callable[["CheckContext"], Finding | None]


@dataclass
class Check:
    """The check (or, by family, the checks) that raise ``code``; ``None`` keys the family-neutral one."""

    code: str
    severity: Severity
    by_family: dict[str | None, CheckFn] = field(default_factory=dict)

    def run(self, ctx: CheckContext) -> Finding | None:
        fn = self.by_family.get(ctx.network.family) or self.by_family.get(None)
        return fn(ctx) if fn is not None else None


REGISTRY: dict[str, Check] = {}


def check(code: str, family: str | None = None) -> Callable[[CheckFn], CheckFn]:
    """Register ``fn`` as the check that raises ``code`` (for ``family`` only, when one is named)."""

    def register(fn: CheckFn) -> CheckFn:
        registered = REGISTRY.setdefault(code, Check(code, CODES[code].severity))
        if family in registered.by_family:
            raise ValueError(f"code {code} is already raised by {registered.by_family[family].__name__}")
        registered.by_family[family] = fn
        return fn

    return register


@dataclass(frozen=True)
class CheckContext:
    """The case, the network judged, the facts gathered, what the engine worked out, and the one clock reading.

    ``network`` is where the transaction was found, else the one the user chose; ``chosen`` is the
    user's choice (``None``: Auto-detect); ``profiles`` name every network the facts mention;
    ``outcome`` is what the transaction did and how deep it is (``None`` when no network knows it).
    """

    case: Case
    network: Network
    facts: Facts
    now: datetime
    chosen: Network | None
    profiles: tuple[Network, ...] = ()
    outcome: Outcome | None = None
    exchange: ExchangeProfile | None = None  # the exchange the user chose
    coin: str | None = None  # the coin the case is about (named by the user, else what moved)
    rule: DepositRule | None = None  # its published rule for this coin on the judged network, where it has one
    requirement: Requirement | None = None  # the confirmations needed on the judged network, and whose figure

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
    def fees(self) -> FeeContext | None:
        return known(self.selected.fees) if self.selected else None

    @property
    def replacement(self) -> Replacement | None:
        return known(self.selected.replacement) if self.selected else None

    @property
    def replaced(self) -> bool:
        """Another transaction took this one's place (known from the chain, found or not): it can never confirm."""
        return bool(self.replacement and self.replacement.replaced)

    @property
    def required_confirmations(self) -> int:
        return (
            self.requirement.count
            if self.requirement
            else self.case.required_confirmations or self.network.confirmations
        )

    def same_address(self, a: str | None, b: str | None) -> bool:
        return same_address(a, b)

    def moved(self) -> tuple[Transfer, ...]:
        """What the transaction moved, or, while it is pending, what it asks to move (the engine's outcome)."""
        outcome = self.outcome
        return outcome.moved if outcome is not None and outcome.network == self.network.slug else ()

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
