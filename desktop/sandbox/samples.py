"""The sandbox: local chains with every classic support case built on them, to try each diagnosis offline.

An anvil stands for Ethereum (chain id 1), another for BNB Smart Chain (56, kept congested: small blocks
and a steady queue of better-paying transfers, so a low-tip transfer stays stuck), the local java-tron
node for Tron, the local Esplora node for Bitcoin (its miners take 10 sat/vB and up, so a 2 sat/vB
payment waits), the local Solana node, whose transactions LiteSVM executes (its head keeps the wall clock's
time; its slots move only with the samples, so a processed or only confirmed sample stays so), and the local
toncenter node for TON (its masterchain head moves with the wall clock, a block every 5 s), where an exchange's
one hot wallet tells its users apart by the comment. A heartbeat keeps
the chains moving at their pace, as real ones do: a node whose newest block grows old is, rightly, reported as
behind the chain.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from eth_utils.address import to_checksum_address

from desktop.sandbox.anvil import Anvil
from desktop.sandbox.chain import Chain, look_alike
from desktop.sandbox.esplora_node import BTC_DEPOSIT, BTC_LOOK_ALIKE, EsploraNode
from desktop.sandbox.solana_node import LAMPORTS, SolanaNode
from desktop.sandbox.solana_node import look_alike as solana_look_alike
from desktop.sandbox.ton_node import TonNode, account
from desktop.sandbox.tron_node import SUN, TronNode
from diagnostics import catalog
from diagnostics.chains.ton import friendly
from diagnostics.intake.draft import CaseDraft
from diagnostics.model import AUTO_DETECT

GWEI = 10**9
ETH_USDT = catalog.network("ethereum").tokens_by_symbol("USDT")[0].contract
BSC_USDT = catalog.network("bsc").tokens_by_symbol("USDT")[0].contract
TRON_SENDER = "TL24LCps5FKwp3PoU1MvrYrwhi5LU1tHre"
TRON_USER = "TCLBgkbfVkJroVBJVqBEsxtPNQEQMTQCLQ"
NETWORKS = ("ethereum", "bsc", "tron", "bitcoin", "solana", "ton")
# TON: the exchange's one hot wallet for every user's deposits, the comment it gave this user, and the user's wallet.
TON_EXCHANGE = account("sandbox-exchange-hot-wallet")
TON_MEMO = "884512"
TON_USER = account("sandbox-user-wallet")
TON_USDT = 10**6  # USDT on TON has 6 decimals
_ETH_BLOCK_SECONDS = 12.0
_BTC_BLOCK_SECONDS = 600.0  # Bitcoin's pace: ten minutes a block
_BTC_MINER_RATE = 10.0  # sat/vB the sandbox's miners take at least
_BSC_TICK_SECONDS = 3.0  # slower than BNB Smart Chain's 0.45 s, well inside what a node may lag (60 s)
_BSC_BLOCK_GAS = 100_000  # four plain transfers a block: room for the queue, none for a low tip


@dataclass(frozen=True)
class Sample:
    key: str  # names the sample in the window's Samples menu
    case: CaseDraft
    expected: str  # the verdict it gives


class Sandbox:
    def __init__(self) -> None:
        self._stopping = threading.Event()
        self.eth = Anvil(1)
        self.bsc = Anvil(56, ["--base-fee", str(GWEI)])
        self.tron = TronNode(live=True)
        self.btc = EsploraNode(wall_clock=True)
        self.sol = SolanaNode()
        self.ton = TonNode()
        self.eth_chain, self.bsc_chain = Chain(self.eth.url), Chain(self.bsc.url)
        self._queue_nonces: dict[str, int] = {}
        self._since_eth = self._since_btc = 0.0  # seconds of heartbeat since each chain's last block
        try:
            built = (self._ethereum, self._bnb_smart_chain, self._tron, self._bitcoin, self._solana, self._ton)
            self.samples = [sample for build in built for sample in build()]
        except BaseException:
            self.stop()
            raise
        self._heartbeat = threading.Thread(target=self._beat, name="sandbox-heartbeat", daemon=True)
        self._heartbeat.start()

    @property
    def endpoints(self) -> dict[str, str]:
        return {
            "ethereum": self.eth.url,
            "bsc": self.bsc.url,
            "tron": self.tron.url,
            "bitcoin": self.btc.base_url,
            "solana": self.sol.url,
            "ton": self.ton.url,
        }

    def _ethereum(self) -> list[Sample]:
        chain = self.eth_chain
        deposit, unit = chain.deposit, 10**6
        chain.place_token(ETH_USDT, "USDT", 6)
        chain.mint(ETH_USDT, chain.sender, 1_000_000 * unit)

        def usdt(to: str, amount: int, confirmations: int, **tx: Any) -> str:
            sent: str = chain.send(ETH_USDT, "transfer", to, amount, **tx)
            chain.wait(sent)
            chain.mine(confirmations - 1)
            return sent

        credited = usdt(deposit, 250 * unit, 20)
        poisoned = usdt(look_alike(deposit), 500 * unit, 20)
        fake = chain.deploy_token("USDT", 6)
        chain.mint(fake, chain.sender, 10**12)
        fake_sent = chain.send(fake, "transfer", deposit, 1_000 * unit)
        chain.wait(fake_sent)
        failed = chain.send(ETH_USDT, "transfer", deposit, 10 * unit, sender=chain.accounts[4], gas=100_000)
        chain.wait(failed)
        too_few = usdt(deposit, 100 * unit, 2)
        gap_sender = chain.accounts[6]
        gap = chain.pay(
            deposit,
            10**18,
            sender=gap_sender,
            nonce=chain.w3.eth.get_transaction_count(to_checksum_address(gap_sender)) + 2,
        )

        def case(tx: str, token: str | None = "USDT", amount: int | None = None) -> CaseDraft:
            return CaseDraft(tx, deposit, "ethereum", token, Decimal(amount) if amount else None)

        return [
            Sample("credited", case(credited, amount=250), "CONFIRMATIONS_SUFFICIENT"),
            Sample("too_few_confirmations", case(too_few, amount=100), "CONFIRMATIONS_INSUFFICIENT"),
            Sample("nonce_gap", case(gap, token="ETH"), "NONCE_GAP"),
            Sample("failed", case(failed), "TX_FAILED"),
            Sample("fake_usdt", case(fake_sent), "TOKEN_NOT_OFFICIAL"),
            Sample("look_alike", case(poisoned), "ADDRESS_POISONING_SUSPECTED"),
            Sample("unknown", case("0x" + "ab" * 32, token=None), "TX_NOT_FOUND"),
        ]

    def _bnb_smart_chain(self) -> list[Sample]:
        chain = self.bsc_chain
        unit = 10**18
        chain.place_token(BSC_USDT, "USDT", 18)
        chain.mint(BSC_USDT, chain.sender, 1_000_000 * unit)
        wrong = chain.send(BSC_USDT, "transfer", chain.deposit, 250 * unit)
        chain.wait(wrong)
        chain.mine(20)
        # From now on blocks come only from the heartbeat, and they are small: honest congestion.
        chain.rpc("evm_setAutomine", False)
        chain.rpc("evm_setBlockGasLimit", hex(_BSC_BLOCK_GAS))
        for sender in chain.accounts[1:9]:  # better-paying transfers queued ahead
            for _ in range(3):
                self._queue(sender)
        low_sender = chain.accounts[9]
        # A max fee well under the queue's: last in any order a node uses.
        low = chain.pay_with_fees(
            low_sender, chain.w3.eth.get_transaction_count(to_checksum_address(low_sender)), 2 * GWEI, GWEI // 100
        )
        for _ in range(5):
            chain.rpc("evm_mine")
        return [
            Sample(
                "wrong_network", CaseDraft(wrong, chain.deposit, "ethereum", "USDT", Decimal(250)), "NETWORK_MISMATCH"
            ),
            Sample("low_tip", CaseDraft(low, chain.deposit, "bsc", "BNB"), "FEE_TOO_LOW"),
        ]

    def _queue(self, sender: str) -> None:
        chain = self.bsc_chain
        nonce = self._queue_nonces.get(sender)
        if nonce is None:
            nonce = chain.w3.eth.get_transaction_count(to_checksum_address(sender), "pending")
        chain.pay_with_fees(sender, nonce, max_fee=200 * GWEI, tip=5 * GWEI)
        self._queue_nonces[sender] = nonce + 1

    def _tron(self) -> list[Sample]:
        node = self.tron
        energy = node.trc20_transfer(TRON_SENDER, TRON_USER, 100 * SUN, result="OUT_OF_ENERGY").txid
        credited = node.trc20_transfer(TRON_SENDER, TRON_USER, 250 * SUN).txid
        return [
            Sample("out_of_energy", CaseDraft(energy, TRON_USER, "tron", "USDT", Decimal(100)), "TX_FAILED"),
            Sample(
                "tron_credited",
                CaseDraft(credited, TRON_USER, "tron", "USDT", Decimal(250)),
                "CONFIRMATIONS_SUFFICIENT",
            ),
        ]

    def _bitcoin(self) -> list[Sample]:
        node = self.btc
        node.mining_fee_rate = _BTC_MINER_RATE
        node.set_fees(fastest=25, half_hour=20, hour=15, economy=8, minimum=2)
        wallet = node.new_address()
        coins = [node.fund(wallet, 1_000_000) for _ in range(4)]

        def pay(coin: int, to: str, amount: int, **how: Any) -> str:
            txid: str = node.send([coins[coin]], [(to, amount)], change=wallet, **{"fee_rate": 20, **how})
            return txid

        credited = pay(0, BTC_DEPOSIT, 250_000)
        poisoned = pay(1, BTC_LOOK_ALIKE, 500_000)
        node.mine(6)
        too_few = pay(2, BTC_DEPOSIT, 100_000)
        node.mine(1)
        stuck = pay(3, BTC_DEPOSIT, 300_000, fee_rate=2, rbf=True)
        replaced = node.send(node.outpoints(credited)[1:], [(BTC_DEPOSIT, 50_000)], fee_rate=3, change=wallet)
        node.replace(replaced, fee_rate=12, change=wallet)  # bumped by fee: the first version can never confirm

        def case(txid: str, amount: str | None = None) -> CaseDraft:
            return CaseDraft(txid, BTC_DEPOSIT, "bitcoin", "BTC", Decimal(amount) if amount else None)

        return [
            Sample("btc_credited", case(credited, "0.0025"), "CONFIRMATIONS_SUFFICIENT"),
            Sample("btc_too_few_confirmations", case(too_few, "0.001"), "CONFIRMATIONS_INSUFFICIENT"),
            Sample("btc_low_fee", case(stuck, "0.003"), "FEE_TOO_LOW"),
            Sample("btc_replaced", case(replaced), "TX_DROPPED_REPLACED"),
            Sample("btc_look_alike", case(poisoned), "ADDRESS_POISONING_SUSPECTED"),
        ]

    def _solana(self) -> list[Sample]:
        node = self.sol
        sender, user, newcomer = node.wallet(100 * LAMPORTS), node.wallet(), node.wallet()
        unit = 10**6
        node.fund_tokens(sender.pubkey(), 1_000_000 * unit)
        node.fund_tokens(user.pubkey(), 0)
        alike = solana_look_alike(user.pubkey())
        node.fund_tokens(alike, 0)
        credited = node.pay_token(sender, user.pubkey(), 250 * unit)
        opened = node.pay_token(sender, newcomer.pubkey(), 40 * unit, open_account=True, priority=10_000)
        failed = node.pay_token(sender, user.pubkey(), 10**12 * unit)  # more than it holds: SPL Token refuses
        poisoned = node.pay_token(sender, alike, 500 * unit)
        on_solana = node.pay_token(sender, user.pubkey(), 75 * unit)
        # Last, so that no later sample moves the slots past them: voted on but not final, and not yet voted on.
        not_final = node.pay_token(sender, user.pubkey(), 100 * unit, level="confirmed")
        waiting = node.pay_token(sender, user.pubkey(), 30 * unit, level="processed")
        deposit = str(user.pubkey())

        def case(signature: str, amount: int | None = None, to: str = deposit, network: str = "solana") -> CaseDraft:
            return CaseDraft(signature, to, network, "USDT", Decimal(amount) if amount else None)

        return [
            Sample("sol_credited", case(credited, 250), "CONFIRMATIONS_SUFFICIENT"),
            Sample("sol_new_token_account", case(opened, 40, to=str(newcomer.pubkey())), "CONFIRMATIONS_SUFFICIENT"),
            Sample("sol_failed", case(failed), "TX_FAILED"),
            Sample("sol_look_alike", case(poisoned), "ADDRESS_POISONING_SUSPECTED"),
            Sample("sol_not_final", case(not_final, 100), "CONFIRMATIONS_INSUFFICIENT"),
            Sample("sol_processed", case(waiting, 30), "TX_PENDING"),
            # The Tron deposit address the exchange gave, and USDT sent on Solana (Auto-detect finds it there).
            Sample(
                "sol_sent_for_tron",
                CaseDraft(on_solana, TRON_USER, AUTO_DETECT, "USDT", Decimal(75)),
                "NETWORK_MISMATCH",
            ),
        ]

    def _ton(self) -> list[Sample]:
        """USDT on TON to the exchange's hot wallet: with the comment the exchange gave, without one, with another
        one; a TON transfer whose recipient's contract threw (the coins bounced back); a jetton transfer the
        sender's jetton wallet refused (too little USDT: compute phase exit code 47); and USDT sent on TON for a
        Tron deposit address."""
        node = self.ton
        credited = node.send_jetton(TON_USER, TON_EXCHANGE, 25 * TON_USDT, TON_MEMO)
        no_memo = node.send_jetton(TON_USER, TON_EXCHANGE, 40 * TON_USDT, None)
        wrong_memo = node.send_jetton(TON_USER, TON_EXCHANGE, 60 * TON_USDT, "884521")  # two digits swapped
        bounced = node.send_ton(TON_USER, TON_EXCHANGE, 10**9, TON_MEMO, bounce=True)
        failed = node.send_jetton(TON_USER, TON_EXCHANGE, 10**6 * TON_USDT, TON_MEMO, exit_code=47)
        for_tron = node.send_jetton(TON_USER, account("sandbox-some-ton-wallet"), 75 * TON_USDT, None)
        deposit = friendly(TON_EXCHANGE)

        def case(tx: str, amount: int | None = None, token: str = "USDT") -> CaseDraft:
            return CaseDraft(tx, deposit, "ton", token, Decimal(amount) if amount else None, memo=TON_MEMO)

        return [
            Sample("ton_credited", case(credited, 25), "CONFIRMATIONS_SUFFICIENT"),
            Sample("ton_no_memo", case(no_memo, 40), "MEMO_MISSING"),
            Sample("ton_wrong_memo", case(wrong_memo, 60), "MEMO_MISSING"),
            Sample("ton_bounced", case(bounced, token="TON"), "TX_FAILED"),
            Sample("ton_failed", case(failed), "TX_FAILED"),
            # The Tron deposit address the exchange gave, Tron chosen, and USDT sent on TON: the search finds it.
            Sample(
                "ton_sent_for_tron",
                CaseDraft(for_tron, TRON_USER, "tron", "USDT", Decimal(75)),
                "NETWORK_MISMATCH",
            ),
        ]

    def _beat(self) -> None:
        """Blocks at the chains' pace, one tick every few seconds, until the sandbox stops."""
        while not self._stopping.wait(_BSC_TICK_SECONDS):
            try:
                self.tick()
            except Exception:  # a node stopped under the heartbeat: the sandbox is closing
                if self._stopping.is_set():
                    return
                raise

    def tick(self) -> None:
        """One heartbeat: Ethereum every 12 s and Bitcoin every 10 minutes; BNB Smart Chain every 3 s, with more
        better-paying transfers each time than a block holds, so the queue ahead of the low tip never empties.
        Full blocks raise the base fee 12.5% a block: it is set back to 1 gwei before each block, or within
        minutes the queue itself could no longer pay and the heartbeat would stop (and every sample with it)."""
        self._since_btc += _BSC_TICK_SECONDS
        if self._since_btc >= _BTC_BLOCK_SECONDS:
            self.btc.mine(1)
            self._since_btc = 0.0
        for sender in self.bsc_chain.accounts[1:9]:
            self._queue(sender)
        self.bsc_chain.rpc("anvil_setNextBlockBaseFeePerGas", hex(GWEI))
        self.bsc_chain.rpc("evm_mine")
        self._since_eth += _BSC_TICK_SECONDS
        if self._since_eth >= _ETH_BLOCK_SECONDS:
            self.eth_chain.rpc("evm_mine")
            self._since_eth = 0.0

    def stop(self) -> None:
        """Every node this sandbox started ends here."""
        self._stopping.set()
        self.eth.stop()
        self.bsc.stop()
        self.tron.stop()
        self.btc.stop()
        self.sol.stop()
        self.ton.stop()
