"""The fields that name a team hub: address, user, password, encryption, keychain.

Shared by Settings → Team and File → Join a Team Workspace…. The password field never shows
what is typed, and its text goes no further than the call it is typed for (and the keychain,
when the box is ticked): never the workspace file or the app's settings.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLineEdit, QWidget

from ui.team.texts import TLS_MODES, tls_labels

ADDRESS_HINT = "postgresql://hub.example.com:5432/team"


@dataclass(frozen=True)
class HubFields:
    """What the form holds (``password`` "" for the keychain's or the environment's)."""

    url: str
    user: str
    password: str
    tls: str
    remember: bool


class HubForm(QWidget):
    """Address, user, password, TLS mode and "remember" rows in a form.

    Attributes:
        address: The hub's address (``postgresql://host:port/database``).
        user: The team member's user name on the hub.
        password: The password (shown as dots).
        tls: The TLS mode (its data is the code: ``prefer``, ``require``…).
        remember: Keep the password in the OS keychain.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.form = form
        self.address = QLineEdit()
        self.address.setPlaceholderText(ADDRESS_HINT)
        self.address.setMinimumWidth(320)
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.tls = QComboBox()
        labels = tls_labels()
        for mode in TLS_MODES:
            self.tls.addItem(labels[mode], mode)
        self.remember = QCheckBox(self.tr("Remember the password in this computer's keychain"))
        form.addRow(self.tr("Hub address:"), self.address)
        form.addRow(self.tr("User name:"), self.user)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Encryption:"), self.tls)
        form.addRow("", self.remember)

    def fields(self) -> HubFields:
        """What is typed and chosen (address and user trimmed)."""
        return HubFields(
            self.address.text().strip(),
            self.user.text().strip(),
            self.password.text(),
            str(self.tls.currentData()),
            self.remember.isChecked(),
        )

    def missing(self) -> str:
        """What must still be filled in, in a sentence ("" when nothing)."""
        fields = self.fields()
        if not fields.url:
            return self.tr("Enter the hub's address.")
        if not fields.user:
            return self.tr("Enter your user name on the hub.")
        return ""
