"""View › Open Room…: where the room listens, on which port, and whether phones give names.

The address list offers this computer's local network addresses (wireless first), then
"this computer only", then, last and marked as not advised, every network at once.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from alignment_workshop.i18n import N_, _
from alignment_workshop.room.server import DEFAULT_PORT

from ...support.plain_text import plain_label
from .network import Address, choices

_HELP = N_(
    "Phones must be on the same network as this computer. If they cannot open the "
    "address, the Wi-Fi probably keeps its devices apart (client isolation): share a "
    "phone's hotspot, or use a travel router, and join this computer to it too."
)


class OpenRoomDialog(QDialog):
    """Asks the address, the port and the mode of a new room."""

    def __init__(self, parent: QWidget | None = None, offered: list[Address] | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Open Room"))
        self.address_combo = QComboBox()
        for address in offered if offered is not None else choices():
            self.address_combo.addItem(address.label, address.ip)
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1024, 65535)
        self.port_spin.setValue(DEFAULT_PORT)
        self.port_spin.setToolTip(_("If this port is taken, the room takes any free one."))
        self.named_check = QCheckBox(_("Ask for names (proposals and answers show who sent them)"))
        self.named_check.setToolTip(_("Votes stay secret either way: only totals are ever shown."))
        form = QFormLayout()
        form.addRow(_("Listen on:"), self.address_combo)
        form.addRow(_("Port:"), self.port_spin)
        form.addRow("", self.named_check)
        note = plain_label(_(_HELP))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Open Room"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def host(self) -> str:
        return str(self.address_combo.currentData())

    def port(self) -> int:
        return self.port_spin.value()

    def named(self) -> bool:
        return self.named_check.isChecked()
