"""The "?" sheet: every key the window knows, in the UI's language."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

KEYS: tuple[tuple[str, str], ...] = (
    ("j / k", QT_TRANSLATE_NOOP("Shortcuts", "next / previous conversation")),
    ("r", QT_TRANSLATE_NOOP("Shortcuts", "reply (focus the editor)")),
    ("Ctrl+Enter", QT_TRANSLATE_NOOP("Shortcuts", "send")),
    ("Ctrl+K", QT_TRANSLATE_NOOP("Shortcuts", "search all messages")),
    ("Ctrl+T  /", QT_TRANSLATE_NOOP("Shortcuts", "insert a template")),
    ("Alt+1 … Alt+6", QT_TRANSLATE_NOOP("Shortcuts", "switch the inserted template's tone")),
    ("Shift+A", QT_TRANSLATE_NOOP("Shortcuts", "assign to me")),
    ("e", QT_TRANSLATE_NOOP("Shortcuts", "resolve")),
    ("Shift+E", QT_TRANSLATE_NOOP("Shortcuts", "escalate to a team or person")),
    ("s", QT_TRANSLATE_NOOP("Shortcuts", "mark as spam")),
    ("Shift+S", QT_TRANSLATE_NOOP("Shortcuts", "not spam: back to the open queue")),
    ("Ctrl+Shift+T", QT_TRANSLATE_NOOP("Shortcuts", "answer a whole topic with one template")),
    ("Shift+T", QT_TRANSLATE_NOOP("Shortcuts", "monitoring: take the match into the queue")),
    ("Shift+D", QT_TRANSLATE_NOOP("Shortcuts", "monitoring: dismiss the match")),
    ("Ctrl+Shift+O", QT_TRANSLATE_NOOP("Shortcuts", "insert the out-of-hours reply (offered outside opening hours)")),
    ("Ctrl+,", QT_TRANSLATE_NOOP("Shortcuts", "preferences: your name, opening hours, Sie/du")),
    ("Esc", QT_TRANSLATE_NOOP("Shortcuts", "back to the list")),
    ("?", QT_TRANSLATE_NOOP("Shortcuts", "this overview")),
)


def show_shortcuts(parent: QWidget) -> QMessageBox:
    rows = "".join(
        f"<tr><td><b>{escape(key)}</b></td><td>{escape(QCoreApplication.translate('Shortcuts', what))}</td></tr>"
        for key, what in KEYS
    )
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("Shortcuts", "Keyboard shortcuts"))
    box.setText(f"<table cellpadding='4'>{rows}</table>")
    box.open()  # never exec(): no nested event loop under qasync
    return box
