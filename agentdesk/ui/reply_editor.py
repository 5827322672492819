"""The reply editor: audience, the draft, a remaining-characters counter, Send (Ctrl+Enter).

Counting is the platform's own (``agentdesk.core.length.measure``), so the counter never
disagrees with what the platform will accept.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from agentdesk.core.channels import CHANNEL_NAMES, Audience, Channel
from agentdesk.core.length import audiences, measure

NOTE = "note"


class ReplyEditor(QWidget):
    send_requested = Signal(str, object, bool)  # text, Audience, is internal note
    draft_edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replyEditor")
        self._channel = Channel.X
        self.mode = QComboBox()
        self.mode.setObjectName("audience")
        self.mode.setToolTip(self.tr("Who will read this"))
        self.channel_label = QLabel()
        self.counter = QLabel()
        self.counter.setObjectName("counter")
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.edit = QPlainTextEdit()
        self.edit.setObjectName("replyText")
        self.edit.setPlaceholderText(self.tr("Write a reply … (r)"))
        self.edit.setTabChangesFocus(True)
        self.edit.setAccessibleName(self.tr("Reply"))
        self.send_button = QPushButton(self.tr("Send  Ctrl+Enter"))
        self.send_button.setObjectName("send")
        self.send_button.setDefault(True)

        head = QHBoxLayout()
        head.addWidget(self.mode)
        head.addWidget(self.channel_label, 1)
        head.addWidget(self.counter)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.edit, 1)
        layout.addLayout(actions)

        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self.edit, context=Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.request_send)
        self.send_button.clicked.connect(self.request_send)
        self.edit.textChanged.connect(self._text_changed)
        self.mode.currentIndexChanged.connect(self._update_counter)

    # --- what the window sets and reads ---------------------------------------------------------------
    def set_context(self, channel: Channel, audience: Audience) -> None:
        """A conversation was opened: which platform, and whom the reply goes to by default."""
        self._channel = channel
        self.mode.blockSignals(True)
        self.mode.clear()
        labels = {Audience.PUBLIC: self.tr("Public reply"), Audience.PRIVATE: self.tr("Private message")}
        for option in audiences(channel):
            self.mode.addItem(labels[option], option)
        self.mode.addItem(self.tr("Internal note"), NOTE)
        wanted = self.mode.findData(audience)
        self.mode.setCurrentIndex(max(0, wanted))
        self.mode.blockSignals(False)
        self.channel_label.setText(CHANNEL_NAMES[channel])
        self._update_counter()

    def text(self) -> str:
        return self.edit.toPlainText()

    def set_text(self, text: str) -> None:
        self.edit.blockSignals(True)
        self.edit.setPlainText(text)
        self.edit.blockSignals(False)
        self._update_counter()

    def audience(self) -> Audience:
        data = self.mode.currentData()
        if data is None:  # no conversation opened yet
            return Audience.PUBLIC
        return Audience.PRIVATE if data == NOTE else Audience(data)  # Qt hands enums back as str

    def set_audience(self, audience: Audience) -> None:
        index = self.mode.findData(audience)
        if index >= 0:
            self.mode.setCurrentIndex(index)

    def is_note(self) -> bool:
        return self.mode.currentData() == NOTE

    def focus_editor(self) -> None:
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def request_send(self) -> None:
        text = self.text().strip()
        if text and self.send_button.isEnabled():
            self.send_requested.emit(text, self.audience(), self.is_note())

    # --- counting ----------------------------------------------------------------------------------
    def _text_changed(self) -> None:
        self._update_counter()
        self.draft_edited.emit()

    def _update_counter(self) -> None:
        if self.is_note():
            self.counter.setText("")
            self.send_button.setEnabled(bool(self.text().strip()))
            return
        result = measure(self.text(), self._channel, self.audience())
        self.counter.setText(str(result.remaining))
        self.counter.setToolTip(
            self.tr("{n} of {limit} left").replace("{n}", str(result.remaining)).replace("{limit}", str(result.limit))
        )
        over = not result.fits
        self.counter.setStyleSheet("color: #B00020; font-weight: bold;" if over else "")
        self.send_button.setEnabled(bool(self.text().strip()) and not over)
