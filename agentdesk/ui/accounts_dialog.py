"""The accounts dialog: every account with its sync state; add a Chatwoot or Mastodon account, test
it, sign it in again, remove it.

Thin on purpose: the rules (test before adding, token only to the keyring, off the GUI thread)
live in ``AccountSetup``; the dialog hands its coroutines to the window's task runner, so the
busy state and every failure go down the window's one path. Open it with ``open()``, never
``exec()`` (a nested loop would deadlock qasync).
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
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
from agentdesk.sync.mastodon import setup as mastodon
from agentdesk.sync.mastodon.connector import MastodonConnector

MASTODON = MastodonConnector.kind
#: Kinds whose accounts this dialog can add, sign in again and remove (they keep a secret).
KINDS = (KIND, MASTODON)

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
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Chatwoot (team backend)"), KIND)
        self.kind.addItem(self.tr("Mastodon"), MASTODON)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.name, self.url, self.token = QLineEdit(), QLineEdit(), QLineEdit()
        self.url.setPlaceholderText("https://chat.example.com")
        #: Opens the platform's sign-in page; tests put a browser of their own here.
        self.open_browser: Callable[[str], object] = lambda url: QDesktopServices.openUrl(QUrl(url))
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.account_id = QSpinBox()
        self.account_id.setRange(1, 2_000_000_000)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.test_button = QPushButton(self.tr("Test connection"))
        self.add_button = QPushButton(self.tr("Add"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setEnabled(False)
        self.sign_in_button = QPushButton(self.tr("Sign in again"))
        self.sign_in_button.setEnabled(False)
        self.test_button.clicked.connect(self.test_connection)
        self.add_button.clicked.connect(self.add_account)
        self.remove_button.clicked.connect(self.remove_account)
        self.sign_in_button.clicked.connect(self.sign_in_again)
        self._lay_out()
        self._unsubscribe = setup.ws.hub.subscribe(self._on_event)
        self.finished.connect(lambda _: self._unsubscribe())
        self.refresh()

    def _lay_out(self) -> None:
        self.form = form = QFormLayout()
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Name"), self.name)
        self.url_label, self.token_label = QLabel(), QLabel()
        form.addRow(self.url_label, self.url)
        form.addRow(self.tr("Account number"), self.account_id)
        form.addRow(self.token_label, self.token)
        buttons = QHBoxLayout()
        for button in (self.test_button, self.add_button, self.sign_in_button, self.remove_button):
            buttons.addWidget(button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addWidget(close)
        self._kind_changed()

    def _kind_changed(self) -> None:
        """Chatwoot needs an address, an account number and a token; Mastodon an instance and the browser."""
        chatwoot = self.kind.currentData() == KIND
        self.url_label.setText(self.tr("Chatwoot address") if chatwoot else self.tr("Instance"))
        self.url.setPlaceholderText("https://chat.example.com" if chatwoot else "mastodon.social")
        self.token_label.setText(self.tr("Access token") if chatwoot else self.tr("Access token (optional)"))
        self.token.setPlaceholderText("" if chatwoot else self.tr("empty: sign in with the browser"))
        self.form.setRowVisible(self.account_id, chatwoot)
        self.add_button.setText(self.tr("Add") if chatwoot else self.tr("Sign in and add"))

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
        self.remove_button.setEnabled(account is not None and account.kind in KINDS)
        self.sign_in_button.setEnabled(account is not None and account.kind in KINDS)

    # --- actions (each runs off the GUI thread through the window's runner) ----------------------------
    def test_connection(self) -> None:
        """The form's values when a token is typed, else the selected account's stored ones."""
        account = self.selected()
        work: Coroutine[Any, Any, Any]
        if self.token.text() and self.kind.currentData() == MASTODON:
            work = mastodon.test_typed(self.url.text(), self.token.text())
        elif self.token.text() or account is None or account.kind not in KINDS:
            work = check_connection(self.url.text(), self.account_id.value(), self.token.text())
        elif account.kind == MASTODON:
            work = mastodon.test_stored(account)
        else:
            work = self._setup.test(account)
        self._show(self.tr("Testing the connection…"))
        self._run(work, self._checked)

    def add_account(self) -> None:
        if self.kind.currentData() == MASTODON:
            work: Coroutine[Any, Any, Any] = mastodon.add_account(
                self._setup, self.name.text(), self.url.text(), self.open_browser, self.token.text()
            )
            waiting = self.tr("Waiting for the sign-in in your browser…") if not self.token.text() else ""
        else:
            work = self._setup.add(self.name.text(), self.url.text(), self.account_id.value(), self.token.text())
            waiting = ""
        self._show(waiting or self.tr("Testing the connection…"))
        self._run(work, self._added)

    def sign_in_again(self) -> None:
        """Mastodon: the browser again. Chatwoot: the token typed into the form."""
        account = self.selected()
        if account is None or account.kind not in KINDS:
            return
        if account.kind == MASTODON:
            self._show(self.tr("Waiting for the sign-in in your browser…"))
            self._run(mastodon.sign_in_again(self._setup, account, self.open_browser), self._added)
        elif not self.token.text().strip():
            self._show(self.tr("Type the new access token into the form first."))
        else:
            self._run(self._setup.sign_in_again(account, self.token.text().strip()), lambda _: self._signed_in())

    def _signed_in(self) -> None:
        self.token.clear()
        self._show(self.tr("The new access token is stored; the account syncs again."))

    def remove_account(self) -> None:
        account = self.selected()
        if account is not None and account.kind in KINDS:
            self._run(self._setup.remove(account), lambda _: self._removed(account))

    def _checked(self, check: ConnectionCheck | mastodon.MastodonCheck) -> None:
        self._show(check.message)
        self.checked.emit(check.ok, check.message)

    def _added(self, check: ConnectionCheck | mastodon.MastodonCheck) -> None:
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
