"""The accounts dialog: every account with its sync state; add an account of any kind that keeps a
secret, test it, sign it in again, remove it.

Thin on purpose: the rules (test before adding, secret only to the keyring, off the GUI thread)
live in ``AccountSetup`` and each kind's setup module (``kind_setup``); the dialog describes each
kind's form once (:meth:`AccountsDialog.forms`) and hands the coroutines to the window's task
runner, so the busy state and every failure go down the window's one path. Open it with
``open()``, never ``exec()`` (a nested loop would deadlock qasync).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
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
from agentdesk.sync.account_setup import SETUP_MODULES, AccountForm, AccountSetup, Check, KindSetup, kind_setup

#: Runs a coroutine for the dialog and calls back with its result (the window's TaskRunner.run).
Run = Callable[[Coroutine[Any, Any, Any], Callable[[Any], None]], object]


@dataclass(frozen=True, slots=True)
class KindForm:
    """How the form looks for one kind: its rows' labels, which rows it has, how it signs in."""

    title: str
    url_label: str  # "" hides the row
    url_placeholder: str
    secret_label: str
    secret_hint: str = ""
    login_label: str = ""  # "" hides the row
    login_placeholder: str = ""
    account_number: bool = False
    browser: bool = False  # an empty secret means: sign in with the system browser


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
        for kind, form in self.forms().items():
            self.kind.addItem(form.title, kind)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.name, self.url, self.login, self.token = QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit()
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
        self.url_label, self.login_label, self.token_label = QLabel(), QLabel(), QLabel()
        form.addRow(self.url_label, self.url)
        form.addRow(self.tr("Account number"), self.account_id)
        form.addRow(self.login_label, self.login)
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

    def forms(self) -> dict[str, KindForm]:
        """Each kind's form, in the order the kind box offers them."""
        return {
            "chatwoot": KindForm(
                self.tr("Chatwoot (team backend)"),
                self.tr("Chatwoot address"),
                "https://chat.example.com",
                self.tr("Access token"),
                account_number=True,
            ),
            "mastodon": KindForm(
                self.tr("Mastodon"),
                self.tr("Instance"),
                "mastodon.social",
                self.tr("Access token (optional)"),
                self.tr("empty: sign in with the browser"),
                browser=True,
            ),
            "x": KindForm(
                self.tr("X"),
                self.tr("API address (optional)"),
                "https://api.x.com",
                self.tr("Access token (optional)"),
                self.tr("empty: sign in with the browser"),
                login_label=self.tr("Client ID of your X app"),
                login_placeholder=self.tr("from the X Developer Console"),
                browser=True,
            ),
            "bluesky": KindForm(
                self.tr("Bluesky"),
                self.tr("Server (PDS, optional)"),
                self.tr("found from the handle"),
                self.tr("App password"),
                self.tr("Settings → Privacy and security → App passwords"),
                login_label=self.tr("Handle or e-mail"),
                login_placeholder="name.bsky.social",
            ),
        }

    def _form(self, kind: str | None = None) -> KindForm:
        return self.forms()[kind or self.kind.currentData()]

    def _kind_changed(self) -> None:
        form = self._form()
        self.url_label.setText(form.url_label)
        self.url.setPlaceholderText(form.url_placeholder)
        self.form.setRowVisible(self.url, bool(form.url_label))
        self.login_label.setText(form.login_label)
        self.login.setPlaceholderText(form.login_placeholder)
        self.form.setRowVisible(self.login, bool(form.login_label))
        self.token_label.setText(form.secret_label)
        self.token.setPlaceholderText(form.secret_hint)
        self.form.setRowVisible(self.account_id, form.account_number)
        self.add_button.setText(self.tr("Sign in and add") if form.browser else self.tr("Add"))

    def typed(self) -> AccountForm:
        """The form's values, as the kind's setup reads them."""
        return AccountForm(
            self.name.text(), self.url.text(), self.account_id.value(), self.login.text().strip(), self.token.text()
        )

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
        self.remove_button.setEnabled(account is not None and account.kind in SETUP_MODULES)
        self.sign_in_button.setEnabled(account is not None and account.kind in SETUP_MODULES)

    # --- actions (each runs off the GUI thread through the window's runner) ----------------------------
    def test_connection(self) -> None:
        """The form's values when a secret is typed, else the selected account's stored ones."""
        account = self.selected()
        if self.token.text() or account is None or account.kind not in SETUP_MODULES:
            form = self.typed()
            work = _with(self.kind.currentData(), lambda setup: setup.test_typed(form))
        else:
            work = _with(account.kind, lambda setup: setup.test_stored(account))
        self._show(self.tr("Testing the connection…"))
        self._run(work, self._checked)

    def add_account(self) -> None:
        kind = self.kind.currentData()
        browser = self._form(kind).browser and not self.token.text()
        self._show(
            self.tr("Waiting for the sign-in in your browser…") if browser else self.tr("Testing the connection…")
        )
        form, browse = self.typed(), self.open_browser
        self._run(_with(kind, lambda setup: setup.add_account(self._setup, form, browse)), self._added)

    def sign_in_again(self) -> None:
        """The browser again for a kind that signs in there, else the secret typed into the form."""
        account = self.selected()
        if account is None or account.kind not in SETUP_MODULES:
            return
        browser = self._form(account.kind).browser and not self.token.text()
        self._show(
            self.tr("Waiting for the sign-in in your browser…") if browser else self.tr("Testing the connection…")
        )
        form, browse = self.typed(), self.open_browser
        work = _with(account.kind, lambda setup: setup.sign_in_again(self._setup, account, form, browse))
        self._run(work, self._added)

    def remove_account(self) -> None:
        account = self.selected()
        if account is not None and account.kind in SETUP_MODULES:
            self._run(self._setup.remove(account), lambda _: self._removed(account))

    def _checked(self, check: Check) -> None:
        self._show(check.message)
        self.checked.emit(check.ok, check.message)

    def _added(self, check: Check) -> None:
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


async def _with(kind: str, call: Callable[[KindSetup], Awaitable[Check]]) -> Check:
    """``call`` on the kind's setup module, loaded off the GUI thread on first use."""
    return await call(await kind_setup(kind))
