"""Settings survive a restart; API keys go to the keyring, never to the settings file."""

from __future__ import annotations

from pathlib import Path

import keyring
from PySide6.QtCore import QSettings

from desktop.settings import AppSettings, KeyStore
from tests.desktop.conftest import MemoryKeyring, NoKeyring, settings_at


def test_settings_are_kept_across_a_restart(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    first = settings_at(tmp_path / "s.ini")
    first.set_endpoint("ethereum", " http://127.0.0.1:8545 ")
    first.set_confirmations("tron", 25)
    first.language = "zh"
    first.timeout = 7.5
    first.tron_api_key = "secret-key-123"
    first.sync()
    again = settings_at(tmp_path / "s.ini")
    assert again.endpoints() == {"ethereum": ["http://127.0.0.1:8545"]}
    assert again.confirmations("tron") == 25 and again.confirmations("bsc") is None
    assert (again.language, again.timeout, again.tron_api_key) == ("zh", 7.5, "secret-key-123")
    assert "secret-key-123" not in (tmp_path / "s.ini").read_text()
    again.set_endpoint("ethereum", "")
    again.tron_api_key = None
    assert again.endpoints() == {} and again.tron_api_key is None and memory_keyring.saved == {}


def test_without_a_keyring_the_key_lives_for_the_session_only(tmp_path: Path) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    try:
        keys = KeyStore()
        settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), keys)
        settings.tron_api_key = "session-key"
        settings.language = "zh"  # something is written, so the file exists to be read
        assert settings.tron_api_key == "session-key" and not keys.persistent
        settings.sync()
        assert "session-key" not in (tmp_path / "s.ini").read_text()
    finally:
        keyring.set_keyring(previous)


def test_odd_values_fall_back_to_defaults(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    path.write_text("[General]\nlanguage=klingon\ntimeout=soon\n[confirmations]\ntron=many\n")
    settings = settings_at(path)
    assert (settings.language, settings.timeout, settings.confirmations("tron")) == ("en", 5.0, None)


def test_an_endpoint_that_can_carry_a_key_is_kept_in_the_keyring(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    first = settings_at(tmp_path / "s.ini")
    first.set_endpoint("ethereum", "https://mainnet.infura.io/v3/0123456789abcdef")
    first.set_endpoint("bsc", "http://127.0.0.1:8545")
    first.sync()
    text = (tmp_path / "s.ini").read_text()
    assert "0123456789abcdef" not in text and "127.0.0.1:8545" in text
    again = settings_at(tmp_path / "s.ini")
    assert again.endpoints() == {
        "ethereum": ["https://mainnet.infura.io/v3/0123456789abcdef"],
        "bsc": ["http://127.0.0.1:8545"],
    }
    again.set_endpoint("ethereum", "")
    assert "ethereum" not in again.endpoints() and not any("infura" in v for v in memory_keyring.saved.values())
