"""Every support case built for real on anvil, diagnosed end to end through the engine."""

from __future__ import annotations

from decimal import Decimal

import pytest
from eth_account import Account

from desktop.sandbox.anvil import Anvil
from desktop.sandbox.chain import GWEI, Chain, look_alike
from diagnostics import catalog
from diagnostics.chains import adapters
from diagnostics.engine import diagnose
from diagnostics.model import Case, Direction, SignedTransaction, Term
from diagnostics.report.json import render_json
from diagnostics.report.text import render_text
from tests.fixtures.diagnosis import diagnose_on
from tests.fixtures.evm_node import Node
from tests.fixtures.rpc_server import RpcServer

UNKNOWN_HASH = "0x" + "ab" * 32


def _confirmed(node: Node, tx_hash: str, extra_blocks: int) -> None:
    node.chain.wait(tx_hash)
    node.chain.mine(extra_blocks)


def test_usdt_deposit_with_enough_confirmations_has_arrived(eth: Node) -> None:
    tx = eth.chain.send(eth.usdt, "transfer", eth.chain.deposit, 250 * eth.unit)
    _confirmed(eth, tx, 20)
    d = eth.diagnose(tx, address=eth.chain.deposit, token="USDT", amount=Decimal("250"))
    assert d.verdict.code == "CONFIRMATIONS_SUFFICIENT"
    assert set(d.codes()) == {"CONFIRMATIONS_SUFFICIENT", "TX_CONFIRMED"}
    transfers = d.facts.networks[0].tx.value.transfers  # type: ignore[union-attr]
    assert [(t.recipient, t.amount, t.token.symbol, t.token.decimals) for t in transfers] == [  # type: ignore[union-attr]
        (eth.chain.deposit, 250_000_000, "USDT", 6)
    ]


def test_too_few_confirmations_gives_count_and_eta(eth: Node) -> None:
    tx = eth.chain.send(eth.usdt, "transfer", eth.chain.deposit, 5 * eth.unit)
    _confirmed(eth, tx, 4)
    d = eth.diagnose(tx, address=eth.chain.deposit, token="USDT")
    assert d.verdict.code == "CONFIRMATIONS_INSUFFICIENT"
    assert d.verdict.params["confirmations"] == 5
    assert d.verdict.params["required"] == 12
    assert d.verdict.params["eta_seconds"] == 7 * 12


def test_exchange_confirmations_override_the_profile(eth: Node) -> None:
    tx = eth.chain.send(eth.usdt, "transfer", eth.chain.deposit, 5 * eth.unit)
    _confirmed(eth, tx, 20)
    d = eth.diagnose(tx, address=eth.chain.deposit, required_confirmations=64)
    assert d.verdict.code == "CONFIRMATIONS_INSUFFICIENT"
    assert d.verdict.params["required"] == 64


def test_fake_usdt_is_not_official(eth: Node) -> None:
    fake = eth.chain.deploy_token("USDT", 6)
    eth.chain.mint(fake, eth.chain.sender, 10**12)
    tx = eth.chain.send(fake, "transfer", eth.chain.deposit, 100 * 10**6)
    _confirmed(eth, tx, 20)
    d = eth.diagnose(tx, address=eth.chain.deposit, token="USDT")
    assert d.verdict.code == "TOKEN_NOT_OFFICIAL"
    finding = next(f for f in d.findings if f.code == "TOKEN_NOT_OFFICIAL")
    assert finding.params["contract"] == fake
    assert finding.params["official"] == (eth.usdt,)
    assert "TOKEN_UNKNOWN" not in d.codes()


def test_unknown_token_is_read_on_chain(eth: Node) -> None:
    other = eth.chain.deploy_token("PEPE2", 9)
    eth.chain.mint(other, eth.chain.sender, 10**12)
    tx = eth.chain.send(other, "transfer", eth.chain.deposit, 3 * 10**9)
    _confirmed(eth, tx, 20)
    d = eth.diagnose(tx, address=eth.chain.deposit, amount=Decimal("3"))
    assert "TOKEN_UNKNOWN" in d.codes()
    token = d.facts.networks[0].tx.value.transfers[0].token  # type: ignore[union-attr]
    assert (token.symbol, token.decimals) == ("PEPE2", 9)  # type: ignore[union-attr]
    assert "AMOUNT_MISMATCH" not in d.codes()


def test_transfer_to_look_alike_address_is_poisoning(eth: Node) -> None:
    scam = look_alike(eth.chain.deposit)
    assert scam[:8].lower() == eth.chain.deposit[:8].lower() and scam[-4:].lower() == eth.chain.deposit[-4:].lower()
    tx = eth.chain.send(eth.usdt, "transfer", scam, 900 * eth.unit)
    _confirmed(eth, tx, 20)
    d = eth.diagnose(tx, address=eth.chain.deposit, token="USDT")
    assert d.verdict.code == "ADDRESS_POISONING_SUSPECTED"
    assert "ADDRESS_POISONING_SUSPECTED" in d.codes() and "RECIPIENT_MISMATCH" not in d.codes()
    assert next(f for f in d.findings if f.code == "CONFIRMATIONS_SUFFICIENT").variant == "not_credited"
    assert d.verdict.params["recipient"] == scam


def test_transfer_to_unrelated_address_is_recipient_mismatch_only(eth: Node) -> None:
    tx = eth.chain.send(eth.usdt, "transfer", eth.chain.accounts[5], 1 * eth.unit)
    _confirmed(eth, tx, 20)
    d = eth.diagnose(tx, address=eth.chain.deposit)
    assert d.verdict.code == "RECIPIENT_MISMATCH"
    assert "ADDRESS_POISONING_SUSPECTED" not in d.codes()


def test_approve_instead_of_transfer_moved_nothing(eth: Node) -> None:
    tx = eth.chain.send(eth.usdt, "approve", eth.chain.deposit, 50 * eth.unit)
    _confirmed(eth, tx, 20)
    d = eth.diagnose(tx, address=eth.chain.deposit, token="USDT")
    assert d.verdict.code == "NO_TRANSFER_TO_ADDRESS"
    assert d.verdict.variant == "approve"


def test_multi_transfer_reaching_the_address_is_fine(eth: Node) -> None:
    others = [eth.chain.accounts[3], eth.chain.deposit]
    tx = eth.chain.send(eth.usdt, "multiTransfer", others, [eth.unit, 2 * eth.unit])
    _confirmed(eth, tx, 20)
    d = eth.diagnose(tx, address=eth.chain.deposit, token="USDT", amount=Decimal("2"))
    assert d.verdict.code == "CONFIRMATIONS_SUFFICIENT"
    assert "RECIPIENT_MISMATCH" not in d.codes() and "AMOUNT_MISMATCH" not in d.codes()


def test_reverted_transfer_reads_the_revert_reason(eth: Node) -> None:
    poor = eth.chain.accounts[4]
    tx = eth.chain.send(eth.usdt, "transfer", eth.chain.deposit, 10 * eth.unit, sender=poor, gas=100_000)
    _confirmed(eth, tx, 2)
    d = eth.diagnose(tx, address=eth.chain.deposit, token="USDT")
    assert d.verdict.code == "TX_FAILED"
    assert d.verdict.variant == "revert"
    assert d.verdict.params["reason"] == "ERC20: transfer amount exceeds balance"
    assert "NO_TRANSFER_TO_ADDRESS" not in d.codes() and "CONFIRMATIONS_SUFFICIENT" not in d.codes()


def test_out_of_gas_is_told_apart(eth: Node) -> None:
    tx = eth.chain.send(eth.usdt, "transfer", eth.chain.deposit, 10 * eth.unit, gas=30_000)
    _confirmed(eth, tx, 2)
    d = eth.diagnose(tx, address=eth.chain.deposit)
    assert d.verdict.code == "TX_FAILED"
    assert d.verdict.variant == "out_of_gas"
    assert d.verdict.params["gas_used"] == d.verdict.params["gas_limit"] == 30_000


def test_nonce_gap_names_the_missing_nonce(eth: Node) -> None:
    sender = eth.chain.accounts[6]
    nonce = eth.chain.w3.eth.get_transaction_count(sender)
    tx = eth.chain.pay(eth.chain.deposit, 10**18, sender=sender, nonce=nonce + 2)
    d = eth.diagnose(tx, address=eth.chain.deposit)
    assert d.verdict.code == "NONCE_GAP"
    assert d.verdict.params["missing_nonce"] == nonce
    assert {"NONCE_GAP", "TX_PENDING"} <= set(d.codes())


def test_unknown_hash_is_not_found(eth: Node) -> None:
    d = eth.diagnose(UNKNOWN_HASH, address=eth.chain.deposit)
    assert d.verdict.code == "TX_NOT_FOUND"
    assert d.codes() == ["TX_NOT_FOUND"]


def test_hash_without_0x_is_accepted(eth: Node) -> None:
    tx = eth.chain.send(eth.usdt, "transfer", eth.chain.deposit, eth.unit)
    _confirmed(eth, tx, 20)
    d = eth.diagnose(tx[2:].upper(), address=eth.chain.deposit.lower())
    assert d.verdict.code == "CONFIRMATIONS_SUFFICIENT"


def test_native_coin_deposit(eth: Node) -> None:
    tx = eth.chain.pay(eth.chain.deposit, 3 * 10**17)
    _confirmed(eth, tx, 20)
    d = eth.diagnose(tx, address=eth.chain.deposit, token="ETH", amount=Decimal("0.3"))
    assert d.verdict.code == "CONFIRMATIONS_SUFFICIENT"
    assert "AMOUNT_MISMATCH" not in d.codes()


def test_six_decimal_amount_mismatch(eth: Node) -> None:
    tx = eth.chain.send(eth.usdt, "transfer", eth.chain.deposit, 249_990_000)
    _confirmed(eth, tx, 20)
    d = eth.diagnose(tx, address=eth.chain.deposit, token="USDT", amount=Decimal("250"))
    finding = next(f for f in d.findings if f.code == "AMOUNT_MISMATCH")
    assert str(finding.params["moved"].as_decimal()) == "249.990000"  # type: ignore[union-attr]


def test_eighteen_decimal_bsc_usdt(bsc: Node) -> None:
    tx = bsc.chain.send(bsc.usdt, "transfer", bsc.chain.deposit, 12_500_000_000_000_000_000)
    _confirmed(bsc, tx, 30)
    exact = bsc.diagnose(tx, address=bsc.chain.deposit, token="USDT", amount=Decimal("12.5"))
    assert exact.verdict.code == "CONFIRMATIONS_SUFFICIENT"
    token = exact.facts.networks[0].tx.value.transfers[0].token  # type: ignore[union-attr]
    assert token.decimals == 18  # type: ignore[union-attr]
    off = bsc.diagnose(tx, address=bsc.chain.deposit, token="USDT", amount=Decimal("12.500001"))
    assert off.verdict.code == "AMOUNT_MISMATCH"


def test_withdrawal_direction_changes_next_steps_not_codes(eth: Node) -> None:
    tx = eth.chain.send(eth.usdt, "transfer", eth.chain.deposit, eth.unit)
    _confirmed(eth, tx, 20)
    deposit = eth.diagnose(tx, address=eth.chain.deposit)
    withdrawal = eth.diagnose(tx, address=eth.chain.deposit, direction=Direction.WITHDRAWAL)
    assert deposit.codes() == withdrawal.codes()


@pytest.mark.parametrize("tip_gwei", [Decimal("0.01")])
def test_congested_chain_low_tip_is_stuck(tip_gwei: Decimal) -> None:
    """Honest congestion: tiny blocks, many better-paying transfers queued ahead of a low-tip one."""
    with Anvil(1, ["--no-mining", "--gas-limit", "100000", "--base-fee", str(GWEI)]) as anvil:
        chain = Chain(anvil.url)
        senders = chain.accounts[1:9]
        for sender in senders:
            for nonce in range(3):
                chain.pay_with_fees(sender, nonce, max_fee=200 * GWEI, tip=5 * GWEI)
        low = chain.pay_with_fees(chain.accounts[9], 0, max_fee=200 * GWEI, tip=int(tip_gwei * GWEI))
        for _ in range(5):  # 4 transfers fit a block: 20 of the 24 better-paying ones get in, 4 stay ahead
            chain.rpc("evm_mine")
        d = diagnose_on(anvil.url, "ethereum", low, address=chain.deposit)
        assert d.verdict.code == "FEE_TOO_LOW"
        assert d.verdict.variant == "low_tip"
        assert {"TX_PENDING", "FEE_TOO_LOW", "NETWORK_CONGESTED"} <= set(d.codes())
        assert "NONCE_GAP" not in d.codes()


def test_every_field_holding_a_secret_is_emptied() -> None:
    """The report shows the case: a second secret must not survive because the first was found."""
    seed = "legal winner thank year wave sausage worth useful legal winner thank yellow"
    wif = "5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ"
    d = diagnose(Case("ethereum", "0x" + "ab" * 32, address=seed, token=wif), adapters={})
    assert d.codes() == ["SECRET_DETECTED"] and d.case.address is None and d.case.token is None
    text = render_text(d) + render_json(d)
    assert "legal winner thank" not in text and wif[:12] not in text


def test_a_secret_in_the_memo_is_refused_and_never_shown() -> None:
    seed = "legal winner thank year wave sausage worth useful legal winner thank yellow"
    d = diagnose(Case("ton", "0c" * 32, memo=seed), adapters={})
    assert d.codes() == ["SECRET_DETECTED"] and d.case.memo is None
    text = render_text(d) + render_json(d) + render_text(d, "zh")
    assert "legal winner thank" not in text and "memo / tag / comment" in render_text(d)


# anvil's first development account: a published test key, funded on every anvil.
ANVIL_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"


def _signed_payment(node: Node, nonce: int) -> SignedTransaction:
    account = Account.from_key(ANVIL_KEY)
    raw = account.sign_transaction(
        {"to": node.chain.deposit, "value": 10**18, "gas": 21_000, "gasPrice": 10**9, "nonce": nonce, "chainId": 1}
    )
    return SignedTransaction(
        "0x" + raw.hash.hex().removeprefix("0x"), account.address, nonce, 1, node.chain.deposit, 10**18
    )


def test_signed_transaction_never_broadcast(eth: Node) -> None:
    nonce = eth.chain.rpc("eth_getTransactionCount", eth.chain.sender, "latest")
    signed = _signed_payment(eth, int(nonce, 16) if isinstance(nonce, str) else nonce)
    d = eth.diagnose(signed.tx_hash, address=eth.chain.deposit, signed=signed)
    assert d.verdict.code == "TX_NOT_FOUND" and d.verdict.variant == "never_broadcast"
    assert d.verdict.params["nonce"] == signed.nonce and d.verdict.params["mined_count"] == signed.nonce
    assert "Never broadcast" in render_text(d)


def test_signed_transaction_whose_nonce_another_took_was_replaced(eth: Node) -> None:
    nonce = eth.chain.rpc("eth_getTransactionCount", eth.chain.sender, "latest")
    signed = _signed_payment(eth, int(nonce, 16) if isinstance(nonce, str) else nonce)
    eth.chain.wait(eth.chain.pay(eth.chain.deposit, 5))  # the same nonce, used by another transaction
    d = eth.diagnose(signed.tx_hash, address=eth.chain.deposit, signed=signed)
    assert d.verdict.code == "TX_DROPPED_REPLACED" and d.verdict.variant == "not_found"
    assert "TX_NOT_FOUND" not in d.codes() and d.verdict.params["nonce"] == signed.nonce


def test_usdt_sent_to_the_usdt_contract_itself_is_lost_for_good(eth: Node) -> None:
    tx = eth.chain.send(eth.usdt, "transfer", eth.usdt, 3_000 * eth.unit)  # the contract's address pasted as recipient
    _confirmed(eth, tx, 12)
    d = eth.diagnose(tx, address=eth.chain.deposit, token="USDT", amount=Decimal(3000))
    assert d.verdict.code == "SENT_TO_TOKEN_CONTRACT" and d.verdict.variant == "own"
    assert "RECIPIENT_MISMATCH" not in d.codes()  # said once, as what it is
    text = render_text(d)
    assert "Neither you nor the exchange can undo it" in text
    assert "Writing to the exchange will not bring these tokens back" in text
    # Without a deposit address it is said all the same: a token is never sent to its own contract on purpose.
    assert eth.diagnose(tx).verdict.code == "SENT_TO_TOKEN_CONTRACT"


def test_a_pending_transfer_into_the_token_contract_can_still_be_cancelled(eth: Node) -> None:
    eth.chain.rpc("evm_setAutomine", False)
    try:
        tx = eth.chain.send(eth.usdt, "transfer", eth.usdt, 10 * eth.unit)
        d = eth.diagnose(tx, address=eth.chain.deposit)
    finally:
        eth.chain.rpc("evm_setAutomine", True)
        eth.chain.mine(1)
    assert d.verdict.code == "SENT_TO_TOKEN_CONTRACT" and d.verdict.variant == "pending"
    assert "cancel it now" in render_text(d)


# A contract that pays on what it is sent to the address in its call data: CALL(gas, calldata[0:32], callvalue),
# as an exchange's batch payout or a smart-contract wallet does, in 15 bytes of EVM code.
FORWARDER_CODE = "0x600060006000600034600035" + "5af15000"
FORWARDER = "0x00000000000000000000000000000000000FEED5"


def _paid_through_a_contract(eth: Node) -> str:
    eth.chain.rpc("anvil_setCode", FORWARDER, FORWARDER_CODE)
    word = "0x" + eth.chain.deposit[2:].lower().rjust(64, "0")
    tx = eth.chain.pay(FORWARDER, 10**17, data=word, gas=100_000)
    _confirmed(eth, tx, 12)
    return tx


def test_coins_paid_inside_a_contract_call_are_an_internal_transfer(eth: Node) -> None:
    tx = _paid_through_a_contract(eth)
    d = eth.diagnose(tx, address=eth.chain.deposit, token="ETH", amount=Decimal("0.1"))
    assert d.verdict.code == "INTERNAL_TRANSFER"
    assert "RECIPIENT_MISMATCH" not in d.codes() and "AMOUNT_MISMATCH" not in d.codes()
    assert d.outcome is not None and [t.how for t in d.outcome.moved] == ["value", "internal"]
    text = render_text(d)
    assert "Arrived through a contract call" in text and "credit this internal transfer by hand" in text


def test_without_a_trace_it_is_never_nothing_moved(eth: Node) -> None:
    tx = _paid_through_a_contract(eth)
    with RpcServer("relay", upstream=eth.url, refused=("debug_traceTransaction",)) as public:
        d = diagnose_on(public.url, "ethereum", tx, address=eth.chain.deposit)
    assert d.verdict.code == "RECIPIENT_MISMATCH"  # the value went into the contract, as far as can be seen
    rows = {e.label: e.value for f in d.findings for e in f.evidence}
    assert rows["internal_transfers"] == Term("not_checked")
    assert "not checked: this node does not trace transactions" in render_text(d)


def test_a_contract_call_that_paid_nobody_without_a_trace_says_it_could_not_check(eth: Node) -> None:
    eth.chain.rpc("anvil_setCode", FORWARDER, FORWARDER_CODE)
    word = "0x" + eth.chain.accounts[7][2:].lower().rjust(64, "0")
    tx = eth.chain.pay(FORWARDER, 0, data=word, gas=100_000)  # no value: nothing moved anywhere
    _confirmed(eth, tx, 12)
    with RpcServer("relay", upstream=eth.url, refused=("debug_traceTransaction",)) as public:
        d = diagnose_on(public.url, "ethereum", tx, address=eth.chain.deposit)
    assert d.verdict.code == "NO_TRANSFER_TO_ADDRESS" and d.verdict.variant == "internal_unknown"


def test_backlog_in_the_pool_is_congestion_and_gives_the_eta() -> None:
    with Anvil(1, ("--no-mining", "--gas-limit", "100000")) as node:
        chain = Chain(node.url)
        for sender in chain.accounts[1:7]:  # 30 better-paying transfers queued ahead
            for nonce in range(5):
                chain.pay_with_fees(sender, nonce, max_fee=200 * GWEI, tip=5 * GWEI)
        low = chain.pay_with_fees(chain.accounts[9], 0, max_fee=200 * GWEI, tip=GWEI // 100)
        d = diagnose_on(node.url, "ethereum", low, address=chain.deposit)
        with RpcServer("relay", upstream=node.url, refused=("txpool_content",)) as public:
            blind = diagnose_on(public.url, "ethereum", low, address=chain.deposit)
    congested = next(f for f in d.findings if f.code == "NETWORK_CONGESTED")
    assert congested.variant == "pool_ahead" and congested.params["ahead"] == 30
    assert congested.params["blocks"] == Decimal("6.3")  # 30 x 21,000 gas in 100,000-gas blocks
    pending = next(f for f in d.findings if f.code == "TX_PENDING")
    assert pending.variant == "queued" and pending.params["eta_seconds"] == 8 * 12  # 6.3 blocks ahead, then its own
    assert "30 better-paying transactions wait ahead of it" in render_text(d)
    # A node that does not show its pool: the judgement says it rests on recent blocks only, and gives no ETA.
    assert all(f.variant != "queued" for f in blind.findings if f.code == "TX_PENDING")
    said = [e.value for f in blind.findings for e in f.evidence if e.label == "congestion_basis"]
    assert said in ([], [Term("recent_blocks_only")])


def test_not_on_the_chosen_network_while_the_others_are_unreachable_says_what_is_known(eth: Node) -> None:
    dead = {slug: "http://127.0.0.1:1" for slug in catalog.networks()}  # offline: every other network refused
    case = Case("ethereum", "0x" + "cd" * 32, eth.chain.deposit)
    d = diagnose(case, adapters=adapters({**dead, "ethereum": eth.url}, timeout=2.0))
    assert d.verdict.code == "NODE_UNAVAILABLE" and d.verdict.variant == "chosen_not_found"  # rule 2 holds
    assert "TX_NOT_FOUND" not in d.codes()
    assert render_text(d).startswith(
        "Verdict: Not on Ethereum (ERC-20); BNB Smart Chain (BEP-20), Polygon (PoS), Arbitrum One, "
    )
    assert "could not be asked — check your connection, and don't send again yet" in render_text(d)
    assert "不在 Ethereum (ERC-20) 上" in render_text(d, "zh")


def test_usdt_sent_into_another_token_contract_is_lost_too(eth: Node) -> None:
    other = eth.chain.deploy_token("SHIB", 18)  # a token contract no table lists: the chain says it is one
    tx = eth.chain.send(eth.usdt, "transfer", other, 100 * eth.unit)
    _confirmed(eth, tx, 12)
    d = eth.diagnose(tx, address=eth.chain.deposit, token="USDT")
    assert d.verdict.code == "SENT_TO_TOKEN_CONTRACT" and d.verdict.variant == ""
    # To a wallet that is no contract, it is only another recipient.
    plain = eth.chain.send(eth.usdt, "transfer", eth.chain.accounts[6], 100 * eth.unit)
    _confirmed(eth, plain, 12)
    assert eth.diagnose(plain, address=eth.chain.deposit, token="USDT").verdict.code == "RECIPIENT_MISMATCH"


@pytest.mark.parametrize(
    ("tx_hash", "address", "named"),
    [
        ("https://xrpscan.com/tx/" + "AB" * 32, None, "XRP Ledger"),
        ("0x" + "ab" * 32, "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh", "XRP Ledger"),
        ("0x" + "ab" * 32, "bnb1grpf0955h0ykzq3ar5nmum7y6gdfl6lxfn46h2", "BNB Beacon Chain"),
    ],
)
def test_a_network_the_app_cannot_check_is_named(tx_hash: str, address: str | None, named: str) -> None:
    d = diagnose(Case("auto", tx_hash, address), adapters={}, search=())
    assert d.verdict.code == "UNSUPPORTED_NETWORK" and d.verdict.params["unsupported"] == named
    assert "INPUT_INVALID_HASH" not in d.codes() and "INPUT_INVALID_ADDRESS" not in d.codes()
    assert f"{named}" in render_text(d) and "cannot check that network yet" in render_text(d)
