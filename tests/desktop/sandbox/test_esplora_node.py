"""The local Esplora node answers as blockstream.info and mempool.space do, with real Bitcoin transactions."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from embit.ec import PublicKey, SchnorrSig, Signature
from embit.script import Script, p2pkh
from embit.transaction import SIGHASH, Transaction

from desktop.sandbox.esplora_node import (
    CONFIRMED_MAINNET,
    CONFIRMED_TESTNET,
    RECORDED_REPLACED,
    ROUTES,
    UNCONFIRMED_MAINNET,
    EsploraNode,
    Outpoint,
    recorded,
    script_asm,
)

ROOT = Path(__file__).resolve().parents[3]
UNKNOWN = "ab" * 32
# One address of each kind a user may give (Bitcoin wiki / BIP 173 / BIP 350 examples).
P2PKH = "1BoatSLRHtKNngkdXEeobR76b53LETtpyT"
P2SH = "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"
P2WPKH = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"
P2WSH = "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3"
P2TR = "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0"
TIMEOUT = 5


@pytest.fixture
def node() -> Iterator[EsploraNode]:
    with EsploraNode(tip=900_000, tip_time=1_750_000_000) as server:
        yield server


def get(node: EsploraNode, path: str, **kwargs: object) -> requests.Response:
    return requests.get(node.base_url + path, timeout=TIMEOUT, **kwargs)  # type: ignore[arg-type]


def _stripped(tx: Transaction) -> bytes:
    """The serialization without witnesses, written out here rather than taken from the node or embit."""

    def compact(n: int) -> bytes:
        assert n < 0xFD
        return bytes([n])

    out = tx.version.to_bytes(4, "little") + compact(len(tx.vin))
    for i in tx.vin:
        script = i.script_sig.data
        out += i.txid[::-1] + i.vout.to_bytes(4, "little") + compact(len(script)) + script
        out += i.sequence.to_bytes(4, "little")
    out += compact(len(tx.vout))
    for o in tx.vout:
        script = o.script_pubkey.data
        out += o.value.to_bytes(8, "little") + compact(len(script)) + script
    return bytes(out + tx.locktime.to_bytes(4, "little"))


def _scenarios(node: EsploraNode) -> dict[str, str]:
    """A transaction of every shape the node builds: coinbase, every input kind, change or none, replaced."""
    txids: dict[str, str] = {}
    for kind in ("p2wpkh", "p2pkh", "p2sh-p2wpkh", "p2tr"):
        funded = node.fund(node.new_address(kind), 200_000)
        txids[f"coinbase to {kind}"] = funded.txid
        txids[f"spend {kind}"] = node.send([funded], [(P2WPKH, 50_000)], fee_rate=2.5)
    coins = [node.fund(node.new_address(k), 30_000) for k in ("p2wpkh", "p2tr", "p2pkh")]
    outputs = [(P2PKH, 10_000), (P2SH, 10_000), (P2WSH, 10_000), (P2TR, 10_000)]
    txids["three inputs, every output kind"] = node.send(coins, outputs, fee=3_000)
    old = node.send([node.fund(node.new_address(), 80_000)], [(P2WPKH, 70_000)], fee_rate=1)
    txids["replacement"] = node.replace(old, fee_rate=5)
    return txids


def test_recorded_esplora_answers_are_the_shared_ones() -> None:
    """resources/sandbox/esplora/recorded copies ../shared/fixtures/esplora: CI and the sandbox need no sibling."""
    shared = ROOT.parent / "shared" / "fixtures" / "esplora"
    if not shared.is_dir():
        pytest.skip("../shared/fixtures/esplora is not beside this checkout")
    copied = ROOT / "resources" / "sandbox" / "esplora" / "recorded"
    assert {p.name: p.read_bytes() for p in copied.iterdir()} == {p.name: p.read_bytes() for p in shared.iterdir()}


@pytest.mark.parametrize(
    ("txid", "name", "network", "mempool_space"),
    [
        (CONFIRMED_MAINNET, "tx_confirmed_mainnet.json", "mainnet", True),
        (UNCONFIRMED_MAINNET, "tx_unconfirmed_mainnet.json", "mainnet", True),
        (CONFIRMED_TESTNET, "tx_confirmed_testnet.json", "testnet", False),  # recorded from blockstream.info
    ],
)
def test_recorded_transactions_are_rebuilt_and_rendered_as_recorded(
    txid: str, name: str, network: str, mempool_space: bool
) -> None:
    with EsploraNode(network=network, mempool_space=mempool_space) as node:
        answer = get(node, f"/tx/{txid}")
        raw = bytes.fromhex(get(node, f"/tx/{txid}/hex").text)
    assert answer.headers["Content-Type"] == "application/json"
    assert answer.json() == recorded(name)  # every key, value and order-independent shape, sigops included
    assert list(answer.json()) == list(recorded(name))  # and the keys in serde's order
    tx = Transaction.parse(raw)
    assert hashlib.sha256(hashlib.sha256(_stripped(tx)).digest()).digest()[::-1].hex() == txid
    assert (len(raw), len(_stripped(tx)) * 3 + len(raw)) == (recorded(name)["size"], recorded(name)["weight"])


def test_sigops_follow_mempool_electrs() -> None:
    """P2WPKH input 1, P2PKH output 4 (both recorded by mempool.space); a 2-of-3 P2WSH input counts its 3 keys."""
    with EsploraNode() as node:
        assert get(node, f"/tx/{CONFIRMED_MAINNET}").json()["sigops"] == 1
        assert get(node, f"/tx/{UNCONFIRMED_MAINNET}").json()["sigops"] == 4
    with EsploraNode(network="testnet") as node:
        assert get(node, f"/tx/{CONFIRMED_TESTNET}").json()["sigops"] == 3


def test_recorded_status_and_tip_forms() -> None:
    with EsploraNode(network="testnet") as node:
        assert get(node, f"/tx/{CONFIRMED_TESTNET}/status").json() == recorded("tx_status_confirmed_testnet.json")
        height = get(node, "/blocks/tip/height")
    assert height.headers["Content-Type"] == "text/plain" and height.text.isdigit()  # a bare integer, as recorded
    assert recorded("blocks_tip_height.txt").isdigit()


def test_every_scenario_txid_is_the_double_sha256_of_its_serialization(node: EsploraNode) -> None:
    for name, txid in _scenarios(node).items():
        hex_answer = get(node, f"/tx/{txid}/hex")
        assert hex_answer.headers["Content-Type"] == "text/plain"
        raw = bytes.fromhex(hex_answer.text)
        tx = Transaction.parse(raw)
        assert tx.serialize() == raw, name  # parses back to the very bytes
        assert hashlib.sha256(hashlib.sha256(_stripped(tx)).digest()).digest()[::-1].hex() == txid, name
        doc = get(node, f"/tx/{txid}").json()
        assert doc["txid"] == txid and doc["size"] == len(raw), name
        assert doc["weight"] == len(_stripped(tx)) * 3 + len(raw), name
        paid_in = sum(i["prevout"]["value"] for i in doc["vin"] if i["prevout"])
        assert doc["fee"] == (paid_in - sum(o["value"] for o in doc["vout"]) if paid_in else 0), name


def test_signatures_are_real(node: EsploraNode) -> None:
    """Every input of every scenario verifies against the key its prevout pays (BIP 143, legacy, BIP 341)."""
    checked = set()
    for txid in _scenarios(node).values():
        doc = get(node, f"/tx/{txid}").json()
        tx = Transaction.parse(bytes.fromhex(get(node, f"/tx/{txid}/hex").text))
        prevouts = [i["prevout"] for i in doc["vin"]]
        if prevouts[0] is None:
            continue  # a coinbase signs nothing
        scripts = [Script(bytes.fromhex(p["scriptpubkey"])) for p in prevouts]
        for n, (vin, prev) in enumerate(zip(doc["vin"], prevouts, strict=True)):
            kind = prev["scriptpubkey_type"]
            if kind == "v1_p2tr":
                digest = tx.sighash_taproot(n, scripts, [p["value"] for p in prevouts], sighash=SIGHASH.DEFAULT)
                key = PublicKey.from_xonly(bytes.fromhex(prev["scriptpubkey"])[2:])
                assert key.schnorr_verify(SchnorrSig.parse(bytes.fromhex(vin["witness"][0])), digest)
            elif kind == "p2pkh":
                sig, sec = (bytes.fromhex(x) for x in vin["scriptsig_asm"].split()[1::2])
                key = PublicKey.parse(sec)
                assert key.verify(Signature.parse(sig[:-1]), tx.sighash_legacy(n, scripts[n]))
            else:  # P2WPKH, bare or in P2SH
                sig, sec = (bytes.fromhex(x) for x in vin["witness"])
                key = PublicKey.parse(sec)
                assert key.verify(Signature.parse(sig[:-1]), tx.sighash_segwit(n, p2pkh(key), prev["value"]))
            checked.add(kind)
    assert checked == {"v0_p2wpkh", "p2pkh", "p2sh", "v1_p2tr"}


def test_scenario_keys_are_the_recorded_ones(node: EsploraNode) -> None:
    real = recorded("tx_confirmed_mainnet.json")
    coin = node.fund(node.new_address(), 100_000)
    confirmed = get(node, f"/tx/{node.send([coin], [(P2TR, 60_000)], confirm_at=node.tip - 2)}").json()
    pending = get(node, f"/tx/{node.send([node.fund(node.new_address(), 9_000)], [(P2WPKH, 5_000)])}").json()
    assert list(confirmed) == list(real) and list(confirmed["status"]) == list(real["status"])
    assert list(confirmed["vin"][0]) == list(real["vin"][0])  # a witness input: witness between asm and coinbase
    assert list(confirmed["vin"][0]["prevout"]) == list(real["vin"][0]["prevout"])
    assert all(list(o) == list(real["vout"][1]) for o in confirmed["vout"])
    assert pending["status"] == recorded("tx_unconfirmed_mainnet.json")["status"] == {"confirmed": False}
    legacy = get(node, f"/tx/{node.send([node.fund(node.new_address('p2pkh'), 9_000)], [(P2WPKH, 5_000)])}").json()
    assert list(legacy["vin"][0]) == list(recorded("tx_unconfirmed_mainnet.json")["vin"][0])  # no witness key


def test_addresses_of_every_kind_are_outputs(node: EsploraNode) -> None:
    coin = node.fund(node.new_address(), 100_000)
    txid = node.send([coin], [(P2PKH, 1_000), (P2SH, 1_000), (P2WPKH, 1_000), (P2WSH, 1_000), (P2TR, 1_000)])
    vout = get(node, f"/tx/{txid}").json()["vout"]
    assert [(o["scriptpubkey_type"], o["scriptpubkey_address"]) for o in vout[:5]] == [
        ("p2pkh", P2PKH),
        ("p2sh", P2SH),
        ("v0_p2wpkh", P2WPKH),
        ("v0_p2wsh", P2WSH),
        ("v1_p2tr", P2TR),
    ]
    assert vout[0]["scriptpubkey_asm"].startswith("OP_DUP OP_HASH160 OP_PUSHBYTES_20 ")
    with pytest.raises(ValueError, match="not a mainnet address"):
        node.send([node.fund(node.new_address(), 5_000)], [("tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx", 1_000)])


def test_unknown_and_malformed_txids_answer_as_esplora_does(node: EsploraNode) -> None:
    for suffix in ("", "/hex", "/outspends"):
        answer = get(node, f"/tx/{UNKNOWN}{suffix}")
        assert (answer.status_code, answer.text, answer.headers["Content-Type"]) == (
            404,
            "Transaction not found",
            "text/plain",
        )
        bad = get(node, f"/tx/{UNKNOWN[:-1]}{suffix}")
        assert (bad.status_code, bad.text, bad.headers["Content-Type"]) == (400, "Invalid hex string", "text/plain")
    # electrs' /status asks only which block confirmed it: an unknown txid looks pending there.
    assert get(node, f"/tx/{UNKNOWN}/status").json() == {"confirmed": False}
    assert get(node, f"/tx/{UNKNOWN}/outspend/0").json() == {"spent": False}
    assert get(node, f"/tx/{UNKNOWN}/wat").text.startswith('endpoint does not exist "/tx/')
    assert get(node, f"/block-height/{node.tip + 1}").text == "Block not found"
    assert get(node, "/block-height/x").status_code == 400
    assert get(node, f"/v1/tx/{UNKNOWN}/rbf").json() == {"replacements": None, "replaces": None}
    invalid = get(node, "/v1/tx/zz/rbf")
    assert (invalid.status_code, invalid.json()) == (400, {"error": "Invalid transaction ID"})
    assert get(node, "/v1/tx/zz/rbf", headers={"Accept": "text/plain"}).text == "Invalid transaction ID"


def test_tip_moves_and_low_fees_stay_pending(node: EsploraNode) -> None:
    node.mining_fee_rate = 5
    coin = node.fund(node.new_address(), 500_000)
    cheap = node.send([coin], [(P2WPKH, 100_000)], fee_rate=2, rbf=False)
    rich = node.send([node.fund(node.new_address(), 500_000)], [(P2TR, 100_000)], fee_rate=8)
    later = node.send([node.fund(node.new_address(), 500_000)], [(P2SH, 100_000)], fee_rate=1, confirm_at=902_000)
    tip_time = int(get(node, f"/tx/{coin.txid}").json()["status"]["block_time"])
    assert node.mine() == [rich]
    assert (node.tip, get(node, "/blocks/tip/height").text) == (900_001, "900001")
    status = get(node, f"/tx/{rich}/status").json()
    assert status["block_height"] == 900_001 and status["block_hash"] == get(node, "/blocks/tip/hash").text
    assert status["block_time"] == 1_750_000_000 + 600 and status["block_time"] > tip_time
    assert get(node, f"/tx/{cheap}/status").json() == {"confirmed": False}
    assert get(node, f"/tx/{cheap}").json()["vin"][0]["sequence"] == 0xFFFFFFFE  # no BIP 125 signal
    node.set_tip(902_005)
    assert get(node, f"/tx/{later}/status").json()["block_height"] == 902_000 and node.confirmations(later) == 6
    assert get(node, "/block-height/902000").text == get(node, f"/tx/{later}/status").json()["block_hash"]


def test_replacement_moves_outspends_and_shows_the_rbf_tree(node: EsploraNode) -> None:
    coin = node.fund(node.new_address(), 100_000)
    old = node.send([coin], [(P2WPKH, 60_000)], fee_rate=1)
    old_fee = get(node, f"/tx/{old}").json()["fee"]
    assert get(node, f"/tx/{coin.txid}/outspends").json() == [
        {"spent": True, "txid": old, "vin": 0, "status": {"confirmed": False}}
    ]
    new = node.replace(old, fee_rate=6)
    assert get(node, f"/tx/{old}").status_code == 404  # the replaced one left the mempool
    assert get(node, f"/tx/{coin.txid}/outspends").json() == [
        {"spent": True, "txid": new, "vin": 0, "status": {"confirmed": False}}
    ]
    bumped = get(node, f"/tx/{new}").json()
    assert bumped["vout"][0]["value"] == 60_000 and bumped["vin"] == get(node, f"/tx/{new}").json()["vin"]
    assert bumped["fee"] >= old_fee + -(-bumped["weight"] // 4)  # BIP 125 rules 3 and 4
    tree = get(node, f"/v1/tx/{new}/rbf").json()
    # The shape of mempool.space's answer (mempool/mempool frontend/cypress/fixtures/details_rbf/tx02_api_rbf.json).
    assert list(tree) == ["replacements", "replaces"] and tree["replaces"] == [old]
    root = tree["replacements"]
    assert list(root) == ["tx", "time", "fullRbf", "replaces"] and root["tx"]["txid"] == new
    assert list(root["tx"]) == ["txid", "fee", "vsize", "value", "rate", "time", "rbf", "fullRbf"]
    (leaf,) = root["replaces"]
    assert list(leaf) == ["tx", "time", "interval", "fullRbf", "replaces"] and leaf["tx"]["txid"] == old
    assert get(node, f"/v1/tx/{old}/rbf").json() == {"replacements": root, "replaces": None}
    node.mine()
    mined = get(node, f"/v1/tx/{old}/rbf").json()["replacements"]
    assert mined["mined"] is True and mined["tx"]["mined"] is True
    assert get(node, f"/tx/{coin.txid}/outspends").json()[0]["status"]["confirmed"] is True
    with pytest.raises(ValueError, match="not in the mempool"):
        node.replace(new, fee_rate=50)


def test_recorded_replacement_answers_as_mempool_space_did(node: EsploraNode) -> None:
    """tx02_api_rbf.json and tx01_api_rbf.json (mempool/mempool frontend/cypress/fixtures/details_rbf, 3b6ed8b)."""
    replaced = {
        "tx": {
            "txid": RECORDED_REPLACED,
            "fee": 606,
            "vsize": 233,
            "value": 49394,
            "rate": 2.6008583690987126,
            "time": 1743541407,
            "rbf": True,
        },
        "time": 1743541407,
        "interval": 319,
        "fullRbf": False,
        "replaces": [],
    }
    tree = {
        "tx": {
            "txid": UNCONFIRMED_MAINNET,
            "fee": 960,
            "vsize": 224,
            "value": 49040,
            "rate": 4.285714285714286,
            "time": 1743541726,
            "rbf": True,
            "fullRbf": False,
        },
        "time": 1743541726,
        "fullRbf": False,
        "replaces": [replaced],
    }
    assert get(node, f"/v1/tx/{UNCONFIRMED_MAINNET}/rbf").json() == {
        "replacements": tree,
        "replaces": [RECORDED_REPLACED],
    }
    assert get(node, f"/v1/tx/{RECORDED_REPLACED}/rbf").json() == {"replacements": tree, "replaces": None}


def test_blockstream_mode_has_no_mempool_space_extras() -> None:
    with EsploraNode(mempool_space=False) as node:
        answer = get(node, "/v1/fees/recommended")
        assert (answer.status_code, answer.text) == (404, 'endpoint does not exist "/v1/fees/recommended"')
        assert get(node, f"/v1/tx/{UNCONFIRMED_MAINNET}/rbf").status_code == 404
        assert "sigops" not in get(node, f"/tx/{CONFIRMED_MAINNET}").json()
        assert list(get(node, "/fee-estimates").json())[:3] == ["1", "2", "3"]


def test_fees_and_mempool_are_settable(node: EsploraNode) -> None:
    assert get(node, "/v1/fees/recommended").json() == recorded("v1_fees_recommended.json")
    node.set_fees(fastest=40, half_hour=30, hour=20, economy=10, minimum=1)
    fees = get(node, "/v1/fees/recommended")
    assert fees.headers["Content-Type"] == "application/json; charset=utf-8"
    assert fees.json() == {"fastestFee": 40, "halfHourFee": 30, "hourFee": 20, "economyFee": 10, "minimumFee": 1}
    node.set_mempool(count=10, vsize=1_000, total_fee=2_000, fee_histogram=[[5.0, 1_000]])
    before = get(node, "/mempool").json()
    pending = node.send([node.fund(node.new_address(), 50_000)], [(P2WPKH, 10_000)], fee=500)
    after = get(node, "/mempool").json()
    assert list(after) == list(recorded("mempool_stats.json"))
    assert after["count"] == before["count"] + 1 and after["total_fee"] == before["total_fee"] + 500
    assert after["fee_histogram"] == [[5.0, 1_000]] and pending


def test_testnet_node_is_the_wrong_network(node: EsploraNode) -> None:
    with EsploraNode(network="testnet", tip=2_500_000) as testnet:
        assert get(testnet, f"/tx/{CONFIRMED_TESTNET}").status_code == 200
        assert get(testnet, f"/tx/{CONFIRMED_MAINNET}").status_code == 404
        assert get(testnet, "/blocks/tip/height").text == "2500000"
        assert testnet.new_address().startswith("tb1q") and testnet.new_address("p2pkh")[0] in "mn"
    assert get(node, f"/tx/{CONFIRMED_TESTNET}").status_code == 404


def test_base_path_and_counting(node: EsploraNode) -> None:
    assert node.base_url == node.url + "/api"
    assert requests.get(f"{node.url}/tx/{CONFIRMED_MAINNET}", timeout=TIMEOUT).status_code == 404  # no /api
    get(node, "/blocks/tip/height")
    assert node.requests == 2 and node.paths == [f"/tx/{CONFIRMED_MAINNET}", "/api/blocks/tip/height"]
    assert node.bodies == [None, None]


@pytest.mark.parametrize(
    ("fault", "status", "kind"), [("429", 429, "text/plain"), ("500", 500, "text/plain"), ("garbage", 200, "text/html")]
)
def test_base_faults_reach_gets(fault: str, status: int, kind: str) -> None:
    with EsploraNode(fault=fault) as node:
        answer = get(node, f"/tx/{CONFIRMED_MAINNET}")
    assert (answer.status_code, answer.headers["Content-Type"]) == (status, kind)


def test_hostile_bodies() -> None:
    with EsploraNode(fault="huge") as node:
        huge = get(node, "/blocks/tip/height")
    assert len(huge.content) > 5_000_000 and isinstance(huge.json(), list)
    with EsploraNode(fault="nested") as node:
        nested = get(node, f"/tx/{CONFIRMED_MAINNET}")
    # Not parsed here: py_ecc (imported with web3) lifts the recursion limit to 100 000, and json.loads of this
    # then overflows the C stack and kills the interpreter instead of raising RecursionError.
    assert nested.content == b"[" * 300_000 and nested.headers["Content-Type"] == "application/json"


def test_hang_and_drip() -> None:
    with EsploraNode(fault="hang") as node, pytest.raises(requests.Timeout):
        requests.get(f"{node.base_url}/blocks/tip/height", timeout=0.3)
    with EsploraNode(fault="drip") as node:
        answer = requests.get(f"{node.base_url}/blocks/tip/height", timeout=1, stream=True)
        assert answer.raw.read(3) == b"   "  # a byte now and then, never the whole
        answer.close()


def test_fault_paths_break_one_route(node: EsploraNode) -> None:
    assert set(ROUTES) >= {"tx/:txid", "tx/:txid/status", "blocks/tip/height", "v1/tx/:txid/rbf"}
    node.fault_paths["tx/:txid/status"] = 503
    node.fault_paths["blocks/tip/hash"] = "nested"
    assert get(node, f"/tx/{CONFIRMED_MAINNET}/status").status_code == 503
    assert get(node, "/blocks/tip/hash").content.startswith(b"[[[")
    assert get(node, f"/tx/{CONFIRMED_MAINNET}").status_code == 200
    assert get(node, "/blocks/tip/height").text == "900000"


def test_send_refuses_what_a_node_would(node: EsploraNode) -> None:
    coin = node.fund(node.new_address(), 10_000)
    node.send([coin], [(P2WPKH, 5_000)])
    with pytest.raises(ValueError, match="already spent"):
        node.send([coin], [(P2WPKH, 5_000)])
    with pytest.raises(ValueError, match="holds no key"):
        node.send([node.fund(P2WPKH, 10_000)], [(P2TR, 5_000)])
    with pytest.raises(ValueError, match="the inputs hold"):
        node.send([node.fund(node.new_address(), 10_000)], [(P2TR, 9_990)], fee_rate=5)
    pending = node.send([node.fund(node.new_address(), 10_000)], [(P2TR, 5_000)])
    with pytest.raises(ValueError, match="cannot confirm"):
        node.send(node.outpoints(pending)[1:], [(P2TR, 1_000)], confirm_at=node.tip)
    with pytest.raises(ValueError, match="at least"):
        node.replace(pending, fee=node.transaction_json(pending)["fee"] + 1)  # type: ignore[index]
    node.drop(pending)
    assert get(node, f"/tx/{pending}").status_code == 404


def test_outpoint_and_asm_helpers(node: EsploraNode) -> None:
    coin = node.fund(node.new_address("p2sh-p2wpkh"), 10_000)
    assert node.outpoints(coin.txid) == [coin] and isinstance(coin, Outpoint) and coin.address
    spend = get(node, f"/tx/{node.send([coin], [(P2TR, 5_000)])}").json()["vin"][0]
    assert spend["inner_redeemscript_asm"].startswith("OP_0 OP_PUSHBYTES_20 ")
    assert script_asm(bytes.fromhex("6a5d0614c0a2331441")) == "OP_RETURN OP_PUSHNUM_13 OP_PUSHBYTES_6 14c0a2331441"
    assert script_asm(bytes.fromhex("4c")) == "<unexpected end>"
    assert script_asm(bytes.fromhex("0302")) == "OP_PUSHBYTES_3 <push past end>"
    assert script_asm(bytes.fromhex("b1b2b3ba bbff".replace(" ", ""))) == (
        "OP_CLTV OP_CSV OP_NOP4 OP_CHECKSIGADD OP_RETURN_187 OP_INVALIDOPCODE"
    )
