"""``deposit-doctor batch`` as a support agent uses it: a real export layout with bad rows, on local nodes of
three networks; interrupted with Ctrl-C and resumed."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.sandbox.tron_node import TronNode
from diagnostics.batch.command import PROGRESS_FILE
from diagnostics.cli import main
from tests.fixtures.evm_node import Node
from tests.fixtures.rpc_server import RpcServer

ROOT = Path(__file__).resolve().parents[3]
USER = "TCLBgkbfVkJroVBJVqBEsxtPNQEQMTQCLQ"
SENDER = "TL24LCps5FKwp3PoU1MvrYrwhi5LU1tHre"
# Binance's deposit history export, as BittyTax reads it (its "Binance Deposits" v2 parser's header).
HEADER = "Date(UTC+0),Coin,Network,Amount,Address,TXID,Status\n"


@pytest.fixture
def tron() -> Iterator[TronNode]:
    with TronNode() as node:
        yield node


def _export(folder: Path, eth: Node, bsc: Node, tron: TronNode) -> Path:
    rows = []
    for node, name in ((eth, "ETH"), (bsc, "BSC")):
        token = node.chain.token(node.usdt)
        for i in range(2):
            tx = token.functions.transfer(node.chain.deposit, (25 + i) * node.unit).transact(
                {"from": node.chain.sender}
            )
            rows.append(
                f"2024-05-0{i + 1} 10:00:00,USDT,{name},{25 + i},{node.chain.deposit},0x{bytes(tx).hex()},Completed"
            )
        node.chain.mine(80)
    for i in range(2):
        txid = tron.trc20_transfer(SENDER, USER, (40 + i) * 1_000_000).txid
        rows.append(f"2024-05-03 10:00:00,USDT,TRX,{40 + i},{USER},{txid},Completed")
    bad = [
        "2024-05-04 10:00:00,USDT,TRX,7,TUKqEsGM8CJ8hUQ44maoQUVFQpHHU9HiCX,,Completed",  # no hash
        "2024-05-04 11:00:00,USDT,TRX,8,TUKqEsGM8CJ8hUQ44maoQUVFQpHHU9HiCX,1.23457E+75,Completed",  # Excel's
        "2024-05-04 12:00:00,USDT,BSC,9,0x1e13aCA1855F90d184ca7135b42717A692BE6d4f,Internal transfer,Completed",
    ]
    export = folder / "binance-deposits.csv"
    export.write_text(HEADER + "\n".join(rows[:3] + bad + rows[3:]) + "\n")
    return export


def _rpc(eth: Node, bsc: Node, tron: TronNode) -> list[str]:
    return ["--rpc", f"ethereum={eth.url}", "--rpc", f"bsc={bsc.url}", "--rpc", f"tron={tron.url}"]


def test_a_morning_of_tickets_gives_a_report_each_and_a_summary_in_chinese(
    eth: Node, bsc: Node, tron: TronNode, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = _export(tmp_path, eth, bsc, tron)
    out = tmp_path / "reports"
    code = main(
        ["batch", str(export), "--out", str(out), "--lang", "zh", "--exchange", "binance", *_rpc(eth, bsc, tron)]
    )
    err = capsys.readouterr().err
    assert code == 0, err
    summary = list(csv.reader((out / "summary.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert summary[0][:3] == ["案例", "来源", "交易哈希 (TxID)"]
    cases = [r for r in summary[1:] if r[0] != ""]
    skipped = [r for r in summary[1:] if r[0] == ""]
    assert len(cases) == 6 and len(skipped) == 3
    assert {r[4] for r in cases} == {"CONFIRMATIONS_SUFFICIENT"}
    assert {r[3] for r in cases} == {"Ethereum", "BNB Smart Chain", "Tron"}
    assert all(r[6] and "/" in r[6] for r in cases), "confirmations n / required for every case"
    assert all("USDT" in r[7] for r in cases) and all(r[8] for r in cases)
    for row in cases:
        report = (out / row[9]).read_text(encoding="utf-8")
        assert row[2] in report and row[5] in report  # its hash, and its verdict as the summary says it
    reasons = " ".join(r[5] for r in skipped)
    assert "第 5 行" in reasons and "1.23457E+75" in reasons and "Internal transfer" in reasons
    data = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert data["language"] == "zh" and len(data["cases"]) == 9
    assert "binance-deposits.csv: 第 5 行" in err and "6 cases, 3 inputs skipped" in err


def test_interrupted_it_keeps_what_is_done_and_resume_finishes_only_the_rest(
    eth: Node, bsc: Node, tron: TronNode, tmp_path: Path
) -> None:
    export = _export(tmp_path, eth, bsc, tron)
    out = tmp_path / "reports"
    with RpcServer("relay", upstream=eth.url, delay=1.5) as slow_eth:
        argv = ["batch", str(export), "--out", str(out), "--jobs", "1", "--rpc", f"ethereum={slow_eth.url}"]
        argv += ["--rpc", f"bsc={bsc.url}", "--rpc", f"tron={tron.url}"]
        child = subprocess.Popen(
            [sys.executable, "-c", "import sys; from diagnostics.cli import main; sys.exit(main(sys.argv[1:]))", *argv],
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert child.stderr is not None
        while not (line := child.stderr.readline()).startswith("[1/6]"):
            assert line, "the batch ended before a case was done"
        child.send_signal(signal.SIGINT)  # Ctrl-C, while the next case waits on the slow node
        rest = child.communicate(timeout=60)[1]
    assert child.returncode == 130, rest
    assert "--resume" in rest
    done = [json.loads(line)["key"] for line in (out / PROGRESS_FILE).read_text().splitlines()]
    assert 1 <= len(done) < 6
    assert len(json.loads((out / "summary.json").read_text())["cases"]) == len(done) + 3

    assert main(["batch", str(export), "--out", str(out), *_rpc(eth, bsc, tron)]) == 2  # not over an earlier batch
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.suffix == ".txt"}
    assert main(["batch", str(export), "--out", str(out), "--resume", *_rpc(eth, bsc, tron)]) == 0
    after = {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.suffix == ".txt"}
    assert len(after) == 6 and all(after[name] == stamp for name, stamp in before.items()), "done cases not redone"
    cases = json.loads((out / "summary.json").read_text())["cases"]
    assert [c["row"] for c in cases if c["row"]] == [1, 2, 3, 4, 5, 6]


def test_a_command_line_that_cannot_run_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["batch", str(tmp_path / "missing.csv"), "--out", str(tmp_path / "r")]) == 2
    assert "no such file" in capsys.readouterr().err
    empty = tmp_path / "empty.csv"
    empty.write_text(HEADER)
    assert main(["batch", str(empty), "--out", str(tmp_path / "r")]) == 2
    assert "no transaction could be read" in capsys.readouterr().err
    assert main(["batch", str(empty), "--jobs", "0"]) == 2
    assert main(["batch", str(empty), "--out", str(empty)]) == 2  # a file, not a folder
    assert main(["batch", str(empty), "--resume", "--out", str(tmp_path / "never")]) == 2


def test_resume_reads_its_progress_file_as_hostile_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The folder may hold anything: a deep line, a report named outside it, a file past any batch's size."""
    export = tmp_path / "cases.txt"
    export.write_text("0x" + "ab" * 32 + "\n")
    out = tmp_path / "reports"
    out.mkdir()
    (tmp_path / "secret.txt").write_text("not a report")
    key = "0001-" + "ab" * 8
    forged = {"key": key, "row": {"row": 1, "source": "x", "tx_hash": "t", "report": "../secret.txt"}}
    (out / PROGRESS_FILE).write_text("[" * 200_000 + "\n" + json.dumps(forged) + "\n")
    args = [
        "batch",
        str(export),
        "--out",
        str(out),
        "--resume",
        "--rpc",
        "ethereum=http://127.0.0.1:1",
        "--timeout",
        "1",
    ]
    assert main([*args, "--network", "ethereum"]) == 0
    cases = json.loads((out / "summary.json").read_text())["cases"]
    assert cases[0]["report"] == "0001-abababababababab.txt"  # asked again, not taken from the forged line
    (out / PROGRESS_FILE).write_bytes(b" " * (64 * 1024 * 1024 + 1))
    assert main([*args, "--network", "ethereum"]) == 2
    assert "larger than any batch writes" in capsys.readouterr().err
