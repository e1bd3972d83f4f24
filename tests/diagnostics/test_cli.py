"""The installed ``deposit-doctor`` command, run as a user runs it, against a real anvil."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.sandbox.anvil import free_port
from desktop.sandbox.ton_node import TonNode, account
from desktop.sandbox.tron_node import TronNode
from diagnostics.cli import main as cli_main
from diagnostics.output import ton_api_key
from tests.fixtures.evm_node import Node

UNKNOWN = "0x" + "ab" * 32
TRON_ADDRESS = "TCLBgkbfVkJroVBJVqBEsxtPNQEQMTQCLQ"  # a user's deposit address (not the USDT contract: that is a loss)
EXE = shutil.which("deposit-doctor", path=str(Path(sys.executable).parent)) or "deposit-doctor"


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, **(env or {})}
    return subprocess.run([EXE, *args], capture_output=True, text=True, timeout=60, check=False, env=environment)


def test_json_output_for_a_confirmed_usdt_deposit(eth: Node) -> None:
    tx = eth.chain.send(eth.usdt, "transfer", eth.chain.deposit, 250 * eth.unit)
    eth.chain.wait(tx)
    eth.chain.mine(20)
    run = cli(
        "diagnose",
        "--network",
        "ethereum",
        "--tx",
        tx,
        "--address",
        eth.chain.deposit,
        "--token",
        "USDT",
        "--amount",
        "250",
        "--rpc",
        f"ethereum={eth.url}",
        "--format",
        "json",
    )
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["verdict"]["code"] == "CONFIRMATIONS_SUFFICIENT"
    assert {f["code"] for f in data["findings"]} == {"CONFIRMATIONS_SUFFICIENT", "TX_CONFIRMED"}


def test_text_output_leads_with_verdict_and_written_atomically(eth: Node, tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    run = cli(
        "diagnose",
        "--network",
        "ethereum",
        "--no-search",
        "--tx",
        UNKNOWN,
        "--rpc",
        f"ethereum={eth.url}",
        "--output",
        str(target),
    )
    assert run.returncode == 0 and run.stdout == ""
    assert target.read_text().startswith("Verdict: Not found on Ethereum (ERC-20)")
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]
    assert target.stat().st_mode & 0o044, "a report is readable like any file the user saves"


def test_malformed_inputs_are_findings_not_errors() -> None:
    run = cli("diagnose", "--network", "bsc", "--tx", "0x1234", "--address", TRON_ADDRESS, "--format", "json")
    assert run.returncode == 0, run.stderr
    codes = {f["code"] for f in json.loads(run.stdout)["findings"]}
    assert codes == {"INPUT_INVALID_HASH", "ADDRESS_NETWORK_MISMATCH"}


def test_dead_node_is_unavailable_not_missing() -> None:
    dead = f"ethereum=http://127.0.0.1:{free_port()}"
    run = cli("diagnose", "--network", "ethereum", "--no-search", "--tx", UNKNOWN, "--rpc", dead, "--format", "json")
    data = json.loads(run.stdout)
    assert run.returncode == 0 and data["verdict"]["code"] == "NODE_UNAVAILABLE"
    assert "TX_NOT_FOUND" not in {f["code"] for f in data["findings"]}


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["diagnose", "--network", "etherium", "--tx", "0x12"], "did you mean 'ethereum'"),
        (["diagnose", "--network", "ethereum"], "--tx"),
        (["diagnose", "--network", "ethereum", "--tx", "0x12", "--rpc", "ethereum"], "--rpc wants NET=URL"),
        (["diagnose", "--network", "ethereum", "--tx", "0x12", "--rpc", "ethereum=ftp://x"], "--rpc wants NET=URL"),
        (["diagnose", "--network", "ethereum", "--tx", "0x12", "--output", "/nonexistent/dir/r.txt"], "does not exist"),
        (["diagnose", "--network", "ethereum", "--tx", "0x12", "--output", "/tmp"], "that is a folder"),
        (["diagnose", "--network", "ethereum", "--tx", "0x12", "--output", ""], "needs a file name"),
        (["diagnose", "--network", "ethereum", "--tx", "0x12", "--timeout", "inf"], "at most 600 seconds"),
        (["diagnose", "--network", "ethereum", "--tx", "0x12", "--timeout", "nan"], "at most 600 seconds"),
        (["diagnose", "--network", "ethereum", "--tx", "0x12", "--amount", "lots"], "not a number"),
        (["frobnicate"], "invalid choice"),
        (["diagnose", "--network", "ethereum", "--tx", "0x12", "--amount", "1,5"], "with a dot for decimals"),
    ],
)
def test_unrunnable_command_lines_exit_2_with_one_line(args: list[str], words: str) -> None:
    run = cli(*args)
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and words in run.stderr and "Traceback" not in run.stderr


def test_thousands_separators_are_understood() -> None:
    run = cli("diagnose", "--network", "ethereum", "--tx", "0x12", "--amount", "1,234.5", "--format", "json")
    assert run.returncode == 0 and json.loads(run.stdout)["case"]["amount"] == "1234.5"


def test_repeated_rpc_is_a_fallback(eth: Node) -> None:
    dead = f"ethereum=http://127.0.0.1:{free_port()}"
    run = cli(
        "diagnose",
        "--network",
        "erc20",
        "--no-search",
        "--tx",
        UNKNOWN,
        "--rpc",
        dead,
        "--rpc",
        f"ethereum={eth.url}",
        "--format",
        "json",
    )
    assert run.returncode == 0 and json.loads(run.stdout)["verdict"]["code"] == "TX_NOT_FOUND"


def test_tron_usdt_deposit_by_its_alias_and_the_api_key_stays_home() -> None:
    with TronNode() as node:
        built = node.trc20_transfer("TL24LCps5FKwp3PoU1MvrYrwhi5LU1tHre", TRON_ADDRESS, 250_000_000)
        run = cli(
            "diagnose",
            "--network",
            "trc20",
            "--tx",
            built.txid,
            "--address",
            TRON_ADDRESS,
            "--token",
            "USDT",
            "--amount",
            "250",
            "--rpc",
            f"tron={node.url}/trongrid/",
            env={"TRON_PRO_API_KEY": "key-from-settings"},
        )
        sent = {h.get("TRON-PRO-API-KEY") for h in node.headers}
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("Verdict: Arrived at your deposit address — the exchange should credit it"), run.stdout
    assert "250 USDT" in run.stdout and "Tron (TRC-20)" in run.stdout
    # The key from the environment goes only to TronGrid's own hosts over https: never to a URL that merely
    # names "trongrid" (tests/diagnostics/chains/test_tron.py shows it reaching api.trongrid.io).
    assert sent == {None} and "key-from-settings" not in run.stdout


def test_the_toncenter_key_is_read_from_the_environment_and_stays_home(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("TONCENTER_API_KEY", raising=False)
    assert ton_api_key() is None
    monkeypatch.setenv("TONCENTER_API_KEY", "  key-from-the-shell \n")
    assert ton_api_key() == "key-from-the-shell"
    with TonNode() as node:
        tx = node.send_ton(account("sender"), account("exchange"), 10**9, "42")
        assert cli_main(["diagnose", "--network", "ton", "--no-search", "--tx", tx, "--rpc", f"ton={node.url}"]) == 0
        sent = {h.get("X-API-Key") for h in node.headers}
    # A local node over plain http is no toncenter host: the key goes only there, over https (the batch runner's
    # test shows it reaching toncenter.com).
    assert sent == {None} and "key-from-the-shell" not in capsys.readouterr().out


SEED = "legal winner thank year wave sausage worth useful legal winner thank yellow"
WIF_KEY = "5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ"
HEX_KEY = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"
BASE = ["diagnose", "--network", "ethereum", "--no-search", "--tx", UNKNOWN, "--rpc", "ethereum=http://127.0.0.1:9"]


def _leaks(secret: str, *texts: str) -> bool:
    """Any three words of a phrase in a row, or any 12 characters of a key, in any of ``texts``."""
    words = secret.split()
    if len(words) > 1:
        pieces = [" ".join(words[i : i + 3]) for i in range(len(words) - 2)]
    else:
        pieces = [secret[i : i + 12] for i in range(len(secret) - 11)]
    return any(piece in text for text in texts for piece in pieces)


@pytest.mark.parametrize(
    ("option", "secret"),
    [
        ("--tx", SEED),
        ("--address", HEX_KEY),
        ("--token", WIF_KEY),
        ("--amount", SEED),
        ("--amount", HEX_KEY),  # was refused as "not a number: '<the key>'", on stderr
        ("--amount", "0x" + HEX_KEY),
    ],
)
@pytest.mark.parametrize("form", ["text", "json"])
def test_secret_in_a_case_field_is_refused_and_never_shown(option: str, secret: str, form: str, tmp_path: Path) -> None:
    args = list(BASE)
    if option == "--tx":
        args[args.index("--tx") + 1] = secret
    else:
        args += [option, secret]
    target = tmp_path / "report"
    run = cli(*args, "--format", form, "--output", str(target))
    assert run.returncode == 0, run.stderr
    written = target.read_text()
    assert "SECRET_DETECTED" in written and not _leaks(secret, run.stdout, run.stderr, written)
    assert "could not be asked" not in written  # refused before any lookup: no node was asked


@pytest.mark.parametrize("option", ["--network", "--rpc", "--output", "--timeout"])
def test_secret_in_any_other_argument_is_refused_without_repeating_it(option: str) -> None:
    args = [a for a in BASE if a not in ("--rpc", "ethereum=http://127.0.0.1:9")]
    if option == "--network":
        args[args.index("--network") + 1] = SEED
    else:
        args += [f"{option}={SEED}"]
    run = cli(*args)
    assert run.returncode == 2 and "refused" in run.stderr
    assert not _leaks(SEED, run.stdout, run.stderr)


def test_report_formats_languages_and_redaction(tmp_path: Path) -> None:
    with TronNode() as node:
        built = node.trc20_transfer("TL24LCps5FKwp3PoU1MvrYrwhi5LU1tHre", TRON_ADDRESS, 250_000_000)
        base = [
            "diagnose",
            "--network",
            "tron",
            "--tx",
            built.txid,
            "--address",
            TRON_ADDRESS,
            "--rpc",
            f"tron={node.url}",
        ]
        zh = cli(*base, "--lang", "zh", "--format", "markdown")
        pdf = cli(*base, "--format", "pdf", "--page-size", "Letter", "--output", str(tmp_path / "r.pdf"))
        redacted = cli(*base, "--redact", "--format", "json")
    assert zh.returncode == 0 and zh.stdout.startswith("# Deposit Doctor 诊断报告"), zh.stdout[:200]
    assert "链上已转入充值地址" in zh.stdout
    assert pdf.returncode == 0, pdf.stderr
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF-")
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]  # written through a temp file, renamed
    assert redacted.returncode == 0 and json.loads(redacted.stdout)["verdict"]["code"] == "CONFIRMATIONS_SUFFICIENT"
    assert built.txid not in redacted.stdout and TRON_ADDRESS not in redacted.stdout


def test_pdf_is_not_written_to_a_terminal() -> None:
    run = subprocess.run(
        ["script", "-qec", f"{EXE} diagnose --network ethereum --tx {UNKNOWN} --format pdf", "/dev/null"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    if run.returncode == 127 or "not found" in run.stderr:
        pytest.skip("util-linux script(1) is not installed")
    assert "add --output" in run.stdout and "%PDF" not in run.stdout


@pytest.mark.parametrize("where", ["--address", "--tx", "--redact"])
def test_unquoted_seed_phrase_is_refused_without_repeating_it(where: str) -> None:
    args = [a for a in BASE if a != where]
    if where == "--tx":
        args = ["diagnose", "--network", "ethereum", "--tx"]
    run = cli(*args, where, *SEED.split())
    assert run.returncode == 2 and "refused" in run.stderr
    assert not _leaks(SEED, run.stdout, run.stderr)


def test_xprv_given_as_the_token_is_refused() -> None:
    # BIP-32 test vector 1's master key: public
    xprv = "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBe" + (
        "Jgk33yuGBxrMPHi"
    )
    run = cli(*BASE, "--token", xprv, "--format", "json")
    assert run.returncode == 0 and json.loads(run.stdout)["verdict"]["code"] == "SECRET_DETECTED"
    assert not _leaks(xprv, run.stdout, run.stderr)


@pytest.mark.parametrize("amount", ["1e1000000", "1e100000", "1e30", "1" * 41, "1e-41"])
def test_amounts_past_any_transfer_are_refused(amount: str) -> None:
    # 1e1000000 was an internal error (exit 1); 1e100000 a report of 200 KB of zeros.
    run = cli(*BASE, "--amount", amount)
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr.count("\n") == 1 and "under 10^30" in run.stderr and "Traceback" not in run.stderr


@pytest.mark.parametrize(("amount", "written"), [("1e29", "1" + "0" * 29), ("0.000000000000000001", "1E-18")])
def test_amounts_within_the_bounds_are_read(amount: str, written: str) -> None:
    run = cli(*BASE, "--amount", amount, "--format", "json")
    assert run.returncode == 0 and json.loads(run.stdout)["case"]["amount"] in (written, amount)


@pytest.mark.parametrize("value", [HEX_KEY[:60], HEX_KEY[:60] + ".5", "lots of money"])
def test_an_amount_that_cannot_be_read_is_not_repeated(value: str) -> None:
    run = cli(*BASE, "--amount", value)
    assert run.returncode == 2 and run.stderr.count("\n") == 1 and "not repeated" in run.stderr
    assert value not in run.stderr and HEX_KEY[:12] not in run.stderr


def _output_refused(target: Path) -> str:
    run = cli(*BASE, "--output", str(target))
    assert run.returncode == 2 and run.stdout == "" and run.stderr.count("\n") == 1, run.stderr
    return run.stderr


def test_a_symlink_as_output_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    # The rename replaced the link with the report and left the file it pointed to stale.
    real = tmp_path / "real.txt"
    real.write_text("old report")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    assert "symbolic link" in _output_refused(link)
    assert link.is_symlink() and real.read_text() == "old report"
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "nowhere")
    assert "symbolic link" in _output_refused(dangling)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dangling.txt", "link.txt", "real.txt"], "no temp file left"


def test_a_named_pipe_as_output_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert "named pipe" in _output_refused(fifo)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_device_as_output_is_refused(tmp_path: Path) -> None:
    # As root, --output /dev/null renamed a file over the device. A device made here stands in for it.
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, OSError):
        device = Path("/dev/null")  # not root: the rename could not replace it anyway, but it is refused first
    assert "device" in _output_refused(device)
    assert stat.S_ISCHR(device.lstat().st_mode)


def test_a_regular_file_or_a_new_name_is_still_written(tmp_path: Path) -> None:
    existing = tmp_path / "old.txt"
    existing.write_text("old")
    for target in (existing, tmp_path / "new.txt"):
        run = cli(*BASE, "--output", str(target))
        assert run.returncode == 0, run.stderr
        assert target.read_text().startswith("Deposit Doctor") or target.stat().st_size > 100


def test_write_atomically_refuses_what_is_no_file(tmp_path: Path) -> None:
    from diagnostics.errors import InputError  # noqa: PLC0415
    from diagnostics.output import write_atomically  # noqa: PLC0415

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "real")
    for target in (fifo, link):
        with pytest.raises(InputError, match="cannot write the report"):
            write_atomically(target, "report")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link", "pipe"]


def test_version_and_help_say_what_the_app_is(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as version:
        cli_main(["--version"])
    assert version.value.code == 0 and capsys.readouterr().out.strip() == "deposit-doctor 0.1.0"
    with pytest.raises(SystemExit):
        cli_main(["--help"])
    top = capsys.readouterr().out
    assert "open the window" in top and "--sandbox" in top
    with pytest.raises(SystemExit):
        cli_main(["diagnose", "--help"])
    options = [line for line in capsys.readouterr().out.splitlines() if line.startswith("  --")]
    # Every option says what it does: its help follows on the same line or the next one.
    assert len(options) >= 16


def test_an_explorer_link_given_as_the_hash_is_read_for_its_hash_and_network(
    eth: Node, capsys: pytest.CaptureFixture[str]
) -> None:
    """Users paste what they copied: the Etherscan page, not the bare TxID."""
    tx = eth.chain.send(eth.usdt, "transfer", eth.chain.deposit, 5 * eth.unit)
    eth.chain.wait(tx)
    eth.chain.mine(20)
    link = f"https://etherscan.io/tx/{tx}"
    assert cli_main(["diagnose", "--tx", link, "--rpc", f"ethereum={eth.url}", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["verdict"]["code"] == "CONFIRMATIONS_SUFFICIENT"
    assert data["case"]["network"] == "ethereum" and data["case"]["tx_hash"] == tx
    assert cli_main(["diagnose", "--tx", "https://etherscan.io/address/nothing-here", "--network", "ethereum"]) == 0
    assert "INPUT_INVALID_HASH" in capsys.readouterr().out  # no hash in it: said as a finding, not an error
