"""Whether the value reached the address the user gave, and if not, where it went."""

from __future__ import annotations

from diagnostics.checks.registry import CheckContext, check
from diagnostics.intake.sniff import likeness
from diagnostics.model import Evidence, Finding, Term, Transfer, Unavailable

# Address-poisoning tools generate addresses that share the characters wallets show: the first and last few, or
# only the last few. What counts is how unlikely the match is in the address's own alphabet (four hex characters
# are 16 bits, four Base58 ones 23): at 20 bits a random other address matches one time in a million
# (bench/look_alike.py measures it), while every shape the tools produce (3+3 and more, or 5 at the end) is caught.
POISONING_BITS = 20


def looks_alike(a: str, b: str) -> bool:
    """Leading and trailing characters shared beyond chance, different address: the shape of a poisoning address."""
    return likeness(a, b).bits >= POISONING_BITS


def _to_token_contracts(ctx: CheckContext) -> tuple[Transfer, ...]:
    """Tokens sent to a token contract's own address (the token itself, or another the network lists): a
    token contract holds them for ever, since no one can tell it to send them on."""
    contracts = [t.contract for t in ctx.network.tokens]
    contracts += ctx.tx.token_contracts if ctx.tx else ()  # others the chain showed to be token contracts

    def into_contract(t: Transfer) -> bool:
        return t.token is not None and any(ctx.same_address(t.recipient, c) for c in (t.token.contract, *contracts))

    return tuple(t for t in ctx.moved() if into_contract(t))


def _gone_elsewhere(ctx: CheckContext) -> tuple[Transfer, ...]:
    """Transfers that went to other addresses (not into a token contract: that finding says it), when none
    reached the user's."""
    if ctx.address is None or ctx.moved_to_address():
        return ()
    lost = _to_token_contracts(ctx)
    return tuple(t for t in ctx.moved() if t not in lost)


def _alike(ctx: CheckContext) -> tuple[Transfer, ...]:
    address = ctx.address
    return tuple(t for t in _gone_elsewhere(ctx) if address and looks_alike(t.recipient, address))


def _transfer_evidence(ctx: CheckContext, transfers: tuple[Transfer, ...]) -> tuple[Evidence, ...]:
    block = ctx.tx.block_number if ctx.tx else None
    rows = [ctx.evidence("address_entered", ctx.address)]
    for t in transfers:
        rows.append(ctx.evidence("sent_to", t.recipient, block))
        rows.append(ctx.evidence("amount", ctx.amount(t) or t.amount, block))
    return tuple(rows)


def _pending_variant(ctx: CheckContext) -> str:
    """While it is pending nothing has moved yet, and the sender can still replace it: the words differ."""
    return "pending" if ctx.tx is not None and ctx.tx.pending else ""


@check("NO_TRANSFER_TO_ADDRESS")
def no_transfer(ctx: CheckContext) -> Finding | None:
    tx = ctx.tx
    if tx is None or tx.failed or ctx.address is None:
        return None
    arrived = ctx.moved_to_address()
    if arrived and not any(ctx.wanted(t) for t in arrived):
        # Something reached the address, but not the coin the user says they sent.
        moved = tuple(dict.fromkeys(ctx.symbol_of(t) for t in arrived))
        evidence = [ctx.evidence("token_stated", ctx.case.token)]
        evidence += [ctx.evidence("amount", ctx.amount(t) or t.amount, tx.block_number) for t in arrived]
        return ctx.finding(
            "NO_TRANSFER_TO_ADDRESS", variant="other_token", evidence=tuple(evidence), token=ctx.case.token, moved=moved
        )
    if ctx.moved():
        return None
    method = tx.call.method if tx.call else None
    if tx.pending and method != "approve":
        return None  # a pending call this version cannot decode may still move value: say nothing yet
    if method == "approve":
        variant = "approve"
    elif isinstance(tx.internal, Unavailable):
        # A contract may have paid the address inside the call; the node cannot show it: never "nothing moved".
        variant = "internal_unknown"
    elif tx.opaque_call:
        # A contract call with no Transfer log: coins it moved internally are not inspected here.
        variant = "contract_call"
    else:
        variant = "nothing"
    evidence = [ctx.evidence("address_entered", ctx.address), ctx.evidence("to_contract", tx.to, tx.block_number)]
    if method:
        evidence.append(ctx.evidence("method", method, tx.block_number))
    return ctx.finding("NO_TRANSFER_TO_ADDRESS", variant=variant, evidence=tuple(evidence))


@check("RECIPIENT_MISMATCH")
def recipient_mismatch(ctx: CheckContext) -> Finding | None:
    elsewhere = _gone_elsewhere(ctx)
    if not elsewhere or len(_alike(ctx)) == len(elsewhere):
        return None  # all of it went to look-alikes: the poisoning finding says it, once
    recipients = list(dict.fromkeys(t.recipient for t in elsewhere))
    unchecked = ctx.tx is not None and isinstance(ctx.tx.internal, Unavailable)
    # Value sent into a contract may have been passed on to the address inside the call: say it was not checked.
    internal = (ctx.evidence("internal_transfers", Term("not_checked")),) if unchecked else ()
    return ctx.finding(
        "RECIPIENT_MISMATCH",
        variant=_pending_variant(ctx),
        evidence=(*_transfer_evidence(ctx, elsewhere), *internal),
        recipient=tuple(recipients),
        address=ctx.address,
    )


@check("ADDRESS_POISONING_SUSPECTED")
def poisoning(ctx: CheckContext) -> Finding | None:
    alike = _alike(ctx)
    if not alike or ctx.address is None:
        return None
    match = likeness(alike[0].recipient, ctx.address)
    # How alike, and how unlikely by chance: the evidence a support agent can weigh.
    odds = (
        ctx.evidence("shared_leading", match.head),
        ctx.evidence("shared_trailing", match.tail),
        ctx.evidence("chance_one_in", _odds(match.bits)),
    )
    return ctx.finding(
        "ADDRESS_POISONING_SUSPECTED",
        variant=_pending_variant(ctx),
        evidence=(*_transfer_evidence(ctx, alike), *odds),
        recipient=alike[0].recipient,
        address=ctx.address,
    )


@check("SENT_TO_TOKEN_CONTRACT")
def sent_to_token_contract(ctx: CheckContext) -> Finding | None:
    lost = _to_token_contracts(ctx)
    if not lost:
        return None
    block = ctx.tx.block_number if ctx.tx else None
    rows = []
    for t in lost:
        rows += [ctx.evidence("sent_to", t.recipient, block), ctx.evidence("amount", ctx.amount(t) or t.amount, block)]
    first = lost[0]
    own = first.token is not None and ctx.same_address(first.recipient, first.token.contract)
    return ctx.finding(
        "SENT_TO_TOKEN_CONTRACT",
        variant=_pending_variant(ctx) or ("own" if own else ""),
        evidence=tuple(rows),
        symbol=ctx.symbol_of(first),
        contract=first.recipient,
        amount=ctx.amount(first),
    )


@check("INTERNAL_TRANSFER")
def internal_transfer(ctx: CheckContext) -> Finding | None:
    """Coins that reached the address inside a contract call (a batch payout, a smart-contract wallet, a
    bridge): on chain all the same, but many exchanges do not credit them without being asked."""
    arrived = [t for t in ctx.moved_to_address() if t.how == "internal"]
    if not arrived:
        return None
    block = ctx.tx.block_number if ctx.tx else None
    rows = [ctx.evidence("address_entered", ctx.address)]
    for t in arrived:
        rows += [ctx.evidence("paid_by_contract", t.sender, block), ctx.evidence("amount", ctx.amount(t), block)]
    return ctx.finding(
        "INTERNAL_TRANSFER", evidence=tuple(rows), amount=ctx.amount(arrived[0]), contract=arrived[0].sender
    )


def _odds(bits: float) -> str:
    """One in 2^bits, written so a person can weigh it: "1 / 2^45 (≈ 1 / 3.5 × 10^13)"."""
    mantissa, exponent = f"{2**bits:.1e}".split("e")
    return f"1 / 2^{bits:g} (≈ 1 / {mantissa} × 10^{int(exponent)})"
