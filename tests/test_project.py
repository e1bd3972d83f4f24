"""Project-wide rules: linters, types, import contracts, the codes contract, packaging, pins."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from importlib.metadata import version
from pathlib import Path

import pytest

from diagnostics.checks import REGISTRY, load_checks

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
FINDINGS = ROOT.parent / "shared" / "FINDINGS.md"
# Codes FINDINGS.md defines that later issues implement (exchange profiles, internal transfers, memo networks …).
NOT_YET_RAISED: set[str] = set()
# The engine's own code: no check raises it, the engine does when a check crashes.
ENGINE_CODES = {"INTERNAL_CHECK_ERROR"}


def _tool(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / args[0]), *args[1:]], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
    )


@pytest.mark.parametrize(
    "command",
    [("ruff", "check", "."), ("ruff", "format", "--check", "."), ("mypy",), ("lint-imports",)],
    ids=["ruff", "ruff-format", "mypy", "import-contracts"],
)
def test_quality_gate(command: tuple[str, ...]) -> None:
    run = _tool(*command)
    assert run.returncode == 0, run.stdout + run.stderr


def _codes_in_table(text: str) -> set[str]:
    return set(re.findall(r"^\| `([A-Z_]+)` \|", text, flags=re.MULTILINE))


def test_registry_readme_and_findings_agree() -> None:
    load_checks()
    registered = set(REGISTRY)
    assert _codes_in_table((ROOT / "README.md").read_text()) == registered
    if not FINDINGS.exists():
        pytest.skip("../shared/FINDINGS.md is not beside this checkout")
    contract = _codes_in_table(FINDINGS.read_text())
    assert registered <= contract, registered - contract
    assert contract - registered == NOT_YET_RAISED | ENGINE_CODES


def test_dependency_pins_hold() -> None:
    # tronpy 0.6.2 needs eth-abi < 6, which web3 8 breaks; pip then quietly picks tronpy 0.0.1.
    assert version("tronpy") == "0.6.2"
    assert version("web3").split(".")[0] == "7"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's wheel, built once for the packaging tests."""
    folder = tmp_path_factory.mktemp("wheel")
    command = [
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--no-build-isolation",
        "-q",
        "-w",
        str(folder),
        str(ROOT),
    ]
    run = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert run.returncode == 0, run.stderr
    (built,) = folder.glob("deposit_doctor-*.whl")
    return built


def test_wheel_ships_the_resources(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"diagnostics/resources/networks.toml", "diagnostics/resources/tokens/ethereum.toml"} <= names
    assert "diagnostics/resources/tokens/bsc.toml" in names
    entry_points = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "deposit-doctor = desktop.main:main" in entry_points


def test_installed_wheel_finds_resources_without_a_checkout(wheel: Path, tmp_path: Path) -> None:
    """Unpack the wheel alone (no checkout on the path) and load the catalog from it."""
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = "import diagnostics.catalog as c, sys; n = c.network('bsc'); print(n.tokens[0].decimals, c.__file__)"
    out = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path[:0] = [{str(site)!r}, *{sys.path[1:]!r}]; {code}"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=tmp_path,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split()[0] == "18" and out.stdout.split()[1].startswith(str(site))


def test_recorded_tron_answers_are_the_shared_ones() -> None:
    """resources/sandbox/tron/recorded is a copy of ../shared/fixtures/tron: CI and the sandbox need no sibling."""
    shared = ROOT.parent / "shared" / "fixtures" / "tron"
    if not shared.is_dir():
        pytest.skip("../shared/fixtures/tron is not beside this checkout")
    copied = ROOT / "resources" / "sandbox" / "tron" / "recorded"
    assert {p.name: p.read_bytes() for p in copied.iterdir()} == {p.name: p.read_bytes() for p in shared.iterdir()}
