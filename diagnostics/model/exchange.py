"""What an exchange publishes about deposits: the rules that decide when, and whether, it credits one."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class DepositRule:
    """One coin on one network at one exchange, as published: every figure with where it was read and when.

    ``confirmations`` credit the deposit, ``unlock_confirmations`` make it withdrawable; ``None`` where no
    source gives the figure. ``corrected`` marks a figure the user set themselves (Settings), which the report
    says is theirs.
    """

    coin: str
    network: str
    accepted: bool
    source: str
    read: str
    confirmations: int | None = None
    unlock_confirmations: int | None = None
    minimum: Decimal | None = None
    memo_required: bool | None = None
    contract: str | None = None
    address_pattern: str | None = None  # the regular expression its deposit addresses on this network match
    corrected: bool = False


@dataclass(frozen=True)
class ExchangeProfile:
    slug: str
    name: str
    support_url: str
    aliases: tuple[str, ...] = ()
    recovery_url: str | None = None
    recovery_form: tuple[str, ...] = ()  # what its own refund form asks, in its order
    below_minimum: str | None = None  # what its own page says becomes of a deposit below the minimum
    deposits: tuple[DepositRule, ...] = ()

    def rule(self, coin: str, network: str) -> DepositRule | None:
        wanted = coin.strip().upper()
        return next((r for r in self.deposits if r.coin.upper() == wanted and r.network == network), None)


@dataclass(frozen=True)
class Requirement:
    """The confirmations a deposit needs, and whose figure that is: ``by`` is "case" (given with the case),
    "user" (the user's own setting), "exchange" (the chosen exchange's published figure) or "network" (the
    network's usual figure, when the exchange's is not known or none was chosen)."""

    count: int
    by: str
    unlock: int | None = None  # the exchange's confirmations before the deposit can be withdrawn, where known
