"""The "?" sheet: every key the window knows, in the UI's language."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def show_shortcuts(parent: QWidget) -> None:
    rows = [
        ("j / k", parent.tr("next / previous conversation")),
        ("r", parent.tr("reply (focus the editor)")),
        ("Ctrl+Enter", parent.tr("send")),
        ("Ctrl+K", parent.tr("search all messages")),
        ("Ctrl+T  /", parent.tr("insert a template")),
        ("Alt+1 … Alt+6", parent.tr("switch the inserted template's tone")),
        ("Shift+A", parent.tr("assign to me")),
        ("e", parent.tr("resolve")),
        ("s", parent.tr("mark as spam")),
        ("Esc", parent.tr("back to the list")),
        ("?", parent.tr("this overview")),
    ]
    html = (
        "<table cellpadding='4'>" + "".join(f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in rows) + "</table>"
    )
    box = QMessageBox(parent)
    box.setWindowTitle(parent.tr("Keyboard shortcuts"))
    box.setText(html)
    box.open()  # never exec(): no nested event loop under qasync
