"""Settings: each network's endpoint with Test connection, the confirmations the user's exchange asks,
the TronGrid API key (kept in the OS keyring), the timeout and the language."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.settings import AppSettings
from desktop.workers import EngineWorker, Job
from diagnostics import catalog
from diagnostics.chains.adapter import is_endpoint_url, is_plain_remote
from diagnostics.model import ChainHead, Found, Lookup, Network, Unavailable
from diagnostics.report.content import reason_text, strings

LANGUAGE_NAMES = {"en": "English", "zh": "简体中文"}


class SettingsDialog(QDialog):
    def __init__(self, settings: AppSettings, engine: EngineWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._engine = engine
        self._networks = list(catalog.networks().values())
        self.networks_box = QGroupBox()
        self.networks_box.setLayout(self._network_rows())
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.timeout = QDoubleSpinBox()
        self.timeout.setRange(0.5, 120)
        self.timeout.setValue(settings.timeout)
        self.tron_key = QLineEdit(settings.tron_api_key or "")
        self.tron_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_note = QLabel()
        self.key_note.setWordWrap(True)
        self.keep_in_tray = QCheckBox()
        self.keep_in_tray.setChecked(settings.keep_in_tray)
        general = QFormLayout()
        self._general_labels = [QLabel() for _ in range(3)]
        general.addRow(self._general_labels[0], self.language)
        general.addRow(self._general_labels[1], self.timeout)
        general.addRow(self._general_labels[2], self.tron_key)
        general.addRow(self.key_note)
        general.addRow(self.keep_in_tray)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self._layout = layout = QVBoxLayout(self)
        layout.addWidget(self.networks_box)
        layout.addLayout(general)
        layout.addWidget(buttons)
        self.retranslate()

    def _network_rows(self) -> QGridLayout:
        endpoints = self.settings.endpoints()
        grid = QGridLayout()
        self.endpoint: dict[str, QLineEdit] = {}
        self.confirmations: dict[str, QSpinBox] = {}
        self.test_button: dict[str, QPushButton] = {}
        self.test_result: dict[str, QLabel] = {}
        self._headers = [QLabel() for _ in range(3)]
        for column, header in enumerate(self._headers):
            grid.addWidget(header, 0, column)
        for number, network in enumerate(self._networks):
            row = 1 + 2 * number
            edit = QLineEdit(endpoints.get(network.slug, [""])[0])
            edit.setPlaceholderText(network.rpc_urls[0])
            spin = QSpinBox()
            spin.setRange(1, 100_000)
            spin.setValue(self.settings.confirmations(network.slug) or network.confirmations)
            button = QPushButton()
            button.clicked.connect(lambda _=False, n=network: self.test_connection(n))
            # The answer ("connected, chain id 1, newest block 66", or why not) on its own line under the
            # endpoint, the grid's width: squeezed into a fifth column it was cut off at the dialog's size.
            result = QLabel()
            result.setWordWrap(True)
            result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            result.hide()
            grid.addWidget(QLabel(network.display_name), row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(spin, row, 2)
            grid.addWidget(button, row, 3)
            grid.addWidget(result, row + 1, 1, 1, 3)
            self.endpoint[network.slug], self.confirmations[network.slug] = edit, spin
            self.test_button[network.slug], self.test_result[network.slug] = button, result
            edit.textChanged.connect(lambda text, slug=network.slug: self._on_endpoint_edited(slug, text))
        grid.setColumnStretch(1, 1)
        return grid

    def _on_endpoint_edited(self, slug: str, url: str) -> None:
        """A node on another machine over plain http is said at once: its answers could be read and changed."""
        if is_plain_remote(url):
            text = self.tr("{network}: plain http: its answers could be read and changed on the way; use https")
            self._say_result(slug, text.replace("{network}", catalog.network(slug).display_name))
        else:
            self._say_result(slug, "")

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.networks_box.setTitle(self.tr("Networks"))
        for header, text in zip(
            self._headers,
            (self.tr("Network"), self.tr("Endpoint (empty: public nodes)"), self.tr("Confirmations")),
            strict=True,
        ):
            header.setText(text)
        for button in self.test_button.values():
            button.setText(self.tr("Test connection"))
        for label, text in zip(
            self._general_labels,
            (self.tr("Language"), self.tr("Timeout (seconds)"), self.tr("TronGrid API key")),
            strict=True,
        ):
            label.setText(text)
        note = self.tr("The key is kept in this computer's keyring, never in the settings file.")
        if not self.settings.keys.persistent:
            note = self.tr(
                "No keyring was found on this computer: the key is used until the app closes, and not saved."
            )
        self.key_note.setText(note)
        self.keep_in_tray.setText(self.tr("Keep watching in the tray after the window is closed"))

    def test_connection(self, network: Network) -> Job:
        url = self.endpoint[network.slug].text().strip() or network.rpc_urls[0]
        self.test_button[network.slug].setEnabled(False)
        self._say_result(
            network.slug,
            self.tr("{network}: asking {url}…").replace("{network}", network.display_name).replace("{url}", url),
        )
        check = self._engine.check_endpoint(
            network.slug, url, self.timeout.value(), self.tron_key.text().strip() or None
        )
        check.signals.endpoint_checked.connect(self._on_checked)
        check.signals.diagnosis_failed.connect(lambda _kind, text, slug=network.slug: self._on_check_failed(slug, text))
        return check

    @Slot(str, object)
    def _on_checked(self, slug: str, head: Lookup[ChainHead]) -> None:
        network = catalog.network(slug)
        self.test_button[slug].setEnabled(True)
        if isinstance(head, Found):
            if network.genesis_hash is None:  # a network told apart by its chain id, which the check compared
                text = self.tr("{network}: connected, chain id {chain}, newest block {block}")
            else:
                text = self.tr("{network}: connected, newest block {block}")
            text = text.replace("{chain}", str(network.chain_id)).replace("{block}", f"{head.value.number:,}")
            self._say_result(slug, text.replace("{network}", network.display_name))
        else:
            self._say_unusable(
                slug, reason_text(head, strings(self.settings.language)) if isinstance(head, Unavailable) else ""
            )

    def _on_check_failed(self, slug: str, text: str) -> None:
        self.test_button[slug].setEnabled(True)
        self._say_unusable(slug, text)

    def _say_unusable(self, slug: str, reason: str) -> None:
        text = self.tr("{network}: not usable: {reason}").replace("{reason}", reason)
        self._say_result(slug, text.replace("{network}", catalog.network(slug).display_name))

    def _say_result(self, slug: str, text: str) -> None:
        """A network's answer under its row; the dialog grows to show it whole, never cuts it off."""
        label = self.test_result[slug]
        label.setText(text)
        label.setVisible(bool(text))
        if self.isVisible():
            self._layout.activate()
            needed = self._layout.totalHeightForWidth(self.width()) if self._layout.hasHeightForWidth() else 0
            if needed > self.height():
                self.resize(self.width(), needed)

    def accept(self) -> None:
        wrong = [
            n.display_name
            for n in self._networks
            if self.endpoint[n.slug].text().strip() and not is_endpoint_url(self.endpoint[n.slug].text())
        ]
        if wrong:
            QMessageBox.warning(
                self,
                self.windowTitle(),
                self.tr("These endpoints are not http(s) addresses of a node: {networks}").replace(
                    "{networks}", ", ".join(wrong)
                ),
            )
            return
        for network in self._networks:
            self.settings.set_endpoint(network.slug, self.endpoint[network.slug].text())
            count = self.confirmations[network.slug].value()
            self.settings.set_confirmations(network.slug, None if count == network.confirmations else count)
        self.settings.language = self.language.currentData()
        self.settings.timeout = self.timeout.value()
        self.settings.tron_api_key = self.tron_key.text().strip() or None
        self.settings.keep_in_tray = self.keep_in_tray.isChecked()
        self.settings.sync()
        super().accept()
