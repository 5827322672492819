"""The accounts dialog: every account with its sync state; add a Chatwoot account, test it, remove it.

Thin on purpose: the rules (test before adding, token only to the keyring, off the GUI thread)
live in ``AccountSetup``; the dialog hands its coroutines to the window's task runner, so the
busy state and every failure go down the window's one path. Open it with ``open()``, never
``exec()`` (a nested loop would deadlock qasync).
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from agentdesk.core.entities import Account
from agentdesk.core.events import AccountState, AccountStateChanged, Event, SyncPhase
from agentdesk.sync.chatwoot import ConnectionCheck
from agentdesk.sync.chatwoot.account_setup import KIND, AccountSetup, check_connection

#: Runs a coroutine for the dialog and calls back with its result (the window's TaskRunner.run).
Run = Callable[[Coroutine[Any, Any, Any], Callable[[Any], None]], object]


class AccountsDialog(QDialog):
    changed = Signal()  # an account was added or removed: the window reloads its queues
    checked = Signal(bool, str)  # a connection test's result, as shown

    def __init__(self, setup: AccountSetup, run: Run, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Accounts"))
        self._setup, self._run = setup, run
        self.model = QStandardItemModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.name, self.url, self.token = QLineEdit(), QLineEdit(), QLineEdit()
        self.url.setPlaceholderText("https://chat.example.com")
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.account_id = QSpinBox()
        self.account_id.setRange(1, 2_000_000_000)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.test_button = QPushButton(self.tr("Test connection"))
        self.add_button = QPushButton(self.tr("Add"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setEnabled(False)
        self.test_button.clicked.connect(self.test_connection)
        self.add_button.clicked.connect(self.add_account)
        self.remove_button.clicked.connect(self.remove_account)
        self._lay_out()
        self._unsubscribe = setup.ws.hub.subscribe(self._on_event)
        self.finished.connect(lambda _: self._unsubscribe())
        self.refresh()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Chatwoot address"), self.url)
        form.addRow(self.tr("Account number"), self.account_id)
        form.addRow(self.tr("Access token"), self.token)
        buttons = QHBoxLayout()
        for button in (self.test_button, self.add_button, self.remove_button):
            buttons.addWidget(button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addWidget(close)

    # --- the list -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        selected = self.selected()
        self.model.clear()
        for account, state in self._setup.accounts():
            item = QStandardItem(f"{account.name} — {self.state_words(state)}")
            item.setData(account, Qt.ItemDataRole.UserRole)
            self.model.appendRow(item)
            if selected is not None and account.id == selected.id:
                self.view.setCurrentIndex(item.index())

    def selected(self) -> Account | None:
        index = self.view.currentIndex()
        return index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None

    def state_words(self, state: AccountState) -> str:
        match state.phase:
            case SyncPhase.IDLE:
                return self.tr("synced")
            case SyncPhase.SYNCING if state.total:
                return self.tr("syncing {0} of {1}").replace("{0}", str(state.done)).replace("{1}", str(state.total))
            case SyncPhase.SYNCING:
                return self.tr("syncing")
            case SyncPhase.OFFLINE:
                return self.tr("offline, trying again")
            case SyncPhase.NEEDS_SIGN_IN:
                return self.tr("needs sign-in")
            case SyncPhase.NO_ACCESS:
                return self.tr("no access")
        return self.tr("stopped")

    def _on_event(self, event: Event) -> None:
        if isinstance(event, AccountStateChanged):
            self.refresh()

    def _selection_changed(self) -> None:
        account = self.selected()
        self.remove_button.setEnabled(account is not None and account.kind == KIND)

    # --- actions (each runs off the GUI thread through the window's runner) ----------------------------
    def test_connection(self) -> None:
        """The form's values when a token is typed, else the selected account's stored ones."""
        account = self.selected()
        if self.token.text() or account is None or account.kind != KIND:
            work = check_connection(self.url.text(), self.account_id.value(), self.token.text())
        else:
            work = self._setup.test(account)
        self._show(self.tr("Testing the connection…"))
        self._run(work, self._checked)

    def add_account(self) -> None:
        work = self._setup.add(self.name.text(), self.url.text(), self.account_id.value(), self.token.text())
        self._show(self.tr("Testing the connection…"))
        self._run(work, self._added)

    def remove_account(self) -> None:
        account = self.selected()
        if account is not None and account.kind == KIND:
            self._run(self._setup.remove(account), lambda _: self._removed(account))

    def _checked(self, check: ConnectionCheck) -> None:
        self._show(check.message)
        self.checked.emit(check.ok, check.message)

    def _added(self, check: ConnectionCheck) -> None:
        self._checked(check)
        if check.ok:
            self.token.clear()
            self.refresh()
            self.changed.emit()

    def _removed(self, account: Account) -> None:
        self._show(self.tr("Removed {0} and its access token.").replace("{0}", account.name))
        self.refresh()
        self.changed.emit()

    def _show(self, text: str) -> None:
        self.result.setText(text)
