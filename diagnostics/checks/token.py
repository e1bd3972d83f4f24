"""Whether the token that moved is the one its symbol claims to be."""

from __future__ import annotations

from diagnostics.checks.registry import CheckContext, check
from diagnostics.model import Finding, TokenInfo


def _moved_tokens(ctx: CheckContext) -> list[TokenInfo]:
    """Tokens of the transfers that concern the user: to their address if they gave one, else all."""
    transfers = ctx.moved_to_address() or ctx.moved()
    return list({t.token.contract: t.token for t in transfers if t.token is not None}.values())


def _impostors(ctx: CheckContext) -> list[TokenInfo]:
    # Only symbols the network's table knows can be impersonated: an unlisted token the user names
    # is unknown to us, not fake.
    claimed = {t.symbol.upper() for t in ctx.network.tokens}
    return [t for t in _moved_tokens(ctx) if not ctx.is_listed(t) and t.symbol and t.symbol.strip().upper() in claimed]


@check("TOKEN_NOT_OFFICIAL")
def not_official(ctx: CheckContext) -> Finding | None:
    fakes = _impostors(ctx)
    if not fakes:
        return None
    fake = fakes[0]
    symbol = (fake.symbol or "").strip()
    official = ctx.network.tokens_by_symbol(symbol)
    evidence = [ctx.evidence("token_contract", fake.contract), ctx.evidence("token_symbol", symbol)]
    evidence += [ctx.evidence("official_contract", t.contract) for t in official]
    return ctx.finding(
        "TOKEN_NOT_OFFICIAL",
        evidence=tuple(evidence),
        symbol=symbol,
        contract=fake.contract,
        official=tuple(t.contract for t in official) or None,
    )


@check("TOKEN_UNKNOWN")
def unknown(ctx: CheckContext) -> Finding | None:
    fakes = {t.contract for t in _impostors(ctx)}
    strangers = [t for t in _moved_tokens(ctx) if not ctx.is_listed(t) and t.contract not in fakes]
    if not strangers:
        return None
    token = strangers[0]
    return ctx.finding(
        "TOKEN_UNKNOWN",
        evidence=(ctx.evidence("token_contract", token.contract), ctx.evidence("token_symbol", token.symbol or "?")),
        symbol=token.symbol or "?",
        contract=token.contract,
    )
