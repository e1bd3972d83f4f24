"""What the window remembers between runs: endpoints, confirmations, language, timeout (QSettings), and API
keys, which live in the OS keyring and never in the settings file (DESIGN rule 7)."""

from __future__ import annotations

import contextlib
from urllib.parse import urlsplit

import keyring
from keyring.errors import KeyringError
from PySide6.QtCore import QSettings

from diagnostics.chains.adapter import DEFAULT_TIMEOUT_SECONDS
from diagnostics.report.locale import LANGUAGES

KEYRING_SERVICE = "Deposit Doctor"
TRON_KEY_NAME = "TronGrid API key"


IN_KEYRING = "(in the keyring)"


def _endpoint_key(slug: str) -> str:
    return f"endpoint {slug}"


def _may_carry_key(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.username or parts.password or parts.query or parts.path.strip("/"))


class KeyStore:
    """API keys in the OS keyring. Where there is none (a bare Linux box), a key is kept for this session
    only and ``persistent`` says so, so the window can tell the user instead of writing it to a file."""

    def __init__(self) -> None:
        self._session: dict[str, str | None] = {}  # read once: a locked keyring must not hold up every Diagnose
        self.persistent = True

    def get(self, name: str) -> str | None:
        if name in self._session:
            return self._session[name]
        try:
            value = keyring.get_password(KEYRING_SERVICE, name)
        except KeyringError:
            self.persistent = False
            value = None
        self._session[name] = value
        return value

    def set(self, name: str, value: str | None) -> None:
        self._session.pop(name, None)
        try:
            if value:
                keyring.set_password(KEYRING_SERVICE, name, value)
            else:
                with contextlib.suppress(keyring.errors.PasswordDeleteError):  # there was none
                    keyring.delete_password(KEYRING_SERVICE, name)
        except KeyringError:
            self.persistent = False
        self._session[name] = value or None


class AppSettings:
    def __init__(self, store: QSettings | None = None, keys: KeyStore | None = None) -> None:
        self._store = store or QSettings("Deposit Doctor", "Deposit Doctor")
        self.keys = keys or KeyStore()

    def endpoints(self) -> dict[str, list[str]]:
        """The user's endpoint for each network where they set one (the profile's public nodes otherwise)."""
        self._store.beginGroup("endpoints")
        try:
            stored = {slug: str(self._store.value(slug)) for slug in self._store.childKeys()}
        finally:
            self._store.endGroup()
        urls = {
            slug: self.keys.get(_endpoint_key(slug)) if value == IN_KEYRING else value for slug, value in stored.items()
        }
        return {slug: [url] for slug, url in urls.items() if url}

    def set_endpoint(self, slug: str, url: str) -> None:
        """A URL that can carry a key (a path, a query, user:password@: Infura's /v3/KEY) goes to the keyring;
        the settings file only says it is there."""
        key, url = f"endpoints/{slug}", url.strip()
        self.keys.set(_endpoint_key(slug), url if url and _may_carry_key(url) else None)
        if not url:
            self._store.remove(key)
        else:
            self._store.setValue(key, IN_KEYRING if _may_carry_key(url) else url)

    def confirmations(self, slug: str) -> int | None:
        """The confirmations the user's exchange asks on ``slug``, or ``None`` for the profile's default."""
        value = self._store.value(f"confirmations/{slug}")
        try:
            return int(str(value)) if value not in (None, "") else None
        except ValueError:
            return None

    def set_confirmations(self, slug: str, count: int | None) -> None:
        if count:
            self._store.setValue(f"confirmations/{slug}", count)
        else:
            self._store.remove(f"confirmations/{slug}")

    @property
    def exchange(self) -> str | None:
        """The exchange last picked in the form (a slug), remembered for the next diagnosis."""
        value = self._store.value("exchange")
        return str(value) if value else None

    @exchange.setter
    def exchange(self, slug: str | None) -> None:
        if slug:
            self._store.setValue("exchange", slug)
        else:
            self._store.remove("exchange")

    @property
    def language(self) -> str:
        value = str(self._store.value("language", "en"))
        return value if value in LANGUAGES else "en"

    @language.setter
    def language(self, value: str) -> None:
        self._store.setValue("language", value)

    @property
    def timeout(self) -> float:
        try:
            return float(str(self._store.value("timeout", DEFAULT_TIMEOUT_SECONDS)))
        except ValueError:
            return DEFAULT_TIMEOUT_SECONDS

    @timeout.setter
    def timeout(self, seconds: float) -> None:
        self._store.setValue("timeout", seconds)

    @property
    def keep_in_tray(self) -> bool:
        """Whether watches go on in the tray after the window is closed."""
        return str(self._store.value("keep_in_tray", "false")).lower() == "true"

    @keep_in_tray.setter
    def keep_in_tray(self, keep: bool) -> None:
        self._store.setValue("keep_in_tray", "true" if keep else "false")

    @property
    def tron_api_key(self) -> str | None:
        return self.keys.get(TRON_KEY_NAME)

    @tron_api_key.setter
    def tron_api_key(self, value: str | None) -> None:
        self.keys.set(TRON_KEY_NAME, value)

    def sync(self) -> None:
        self._store.sync()
