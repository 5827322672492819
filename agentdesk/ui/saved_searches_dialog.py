"""Saved searches of the platform accounts: add, change and remove them, see when each last ran.

What a search finds lands in the *Monitoring* queue. A new or changed search runs at once, then
every few minutes; a platform's refusal (rate limit, sign-in) is shown next to its account. The
dialog is thin: every read and write is a ``MonitoringService`` coroutine run by the window's task
runner. Open it with ``open()``, never ``exec()`` (a nested loop would deadlock qasync).
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from agentdesk.core.monitoring import MAX_QUERY, QueryProblem, SavedSearch
from agentdesk.sync.monitoring import MonitoringService

#: Runs a coroutine for the dialog and calls back with its result (the window's TaskRunner.run).
Run = Callable[[Coroutine[Any, Any, Any], Callable[[Any], None]], object]

ACCOUNT, QUERY, LAST_RUN = range(3)


class SavedSearchesDialog(QDialog):
    changed = Signal()  # a search was added, changed or removed (tests wait for it)

    def __init__(self, monitoring: MonitoringService, run: Run, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Saved searches"))
        self._monitoring, self._run = monitoring, run
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([self.tr("Account"), self.tr("Search"), self.tr("Last run")])
        self.model.itemChanged.connect(self._edited)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QUERY, QHeaderView.ResizeMode.Stretch)
        self.account = QComboBox()
        for account in monitoring.searchable():
            self.account.addItem(account.name, account)
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("a keyword, a #hashtag or the brand's name without @"))
        self.query.returnPressed.connect(self.add_search)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.clicked.connect(self.add_search)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_search)
        self.remove_button.setEnabled(False)  # until the saved searches are read
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view, self.remove_search)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self._lay_out()
        self.refresh()

    def _lay_out(self) -> None:
        adding = QHBoxLayout()
        adding.addWidget(self.account)
        adding.addWidget(self.query, 1)
        adding.addWidget(self.add_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        close.addButton(self.remove_button, QDialogButtonBox.ButtonRole.ActionRole)
        hint = QLabel(
            self.tr("Double-click a search (or press F2) to change it. Matches land in the Monitoring queue.")
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(hint)
        layout.addLayout(adding)
        layout.addWidget(self.result)
        layout.addWidget(close)
        if not self.account.count():
            self.result.setText(
                self.tr("None of your accounts can search: add a Mastodon, Bluesky or X account under Accounts first.")
            )
            self.add_button.setEnabled(False)

    # --- the list ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._run(self._monitoring.searches(), self._show_searches)

    def _show_searches(self, searches: list[SavedSearch]) -> None:
        names = {a.id: a.name for a in self._monitoring.ws.accounts}
        problems = self._monitoring.problems
        self.model.blockSignals(True)  # filling the model is no edit
        self.model.removeRows(0, self.model.rowCount())
        for search in searches:
            account = QStandardItem(names.get(search.account_id, "?"))
            query = QStandardItem(search.query)
            query.setData(search, Qt.ItemDataRole.UserRole)
            last = QStandardItem(self._last_run(search))
            if search.account_id in problems:
                last.setToolTip(problems[search.account_id])
                account.setToolTip(problems[search.account_id])
            for item in (account, last):
                item.setEditable(False)
            self.model.appendRow([account, query, last])
        self.model.blockSignals(False)
        self.view.resizeColumnToContents(ACCOUNT)
        self.view.resizeColumnToContents(LAST_RUN)
        self.remove_button.setEnabled(bool(searches))

    def _last_run(self, search: SavedSearch) -> str:
        if search.account_id in self._monitoring.problems:
            return self.tr("held up (see tooltip)")
        if search.last_run_at is None:
            return self.tr("not run yet")
        return QLocale().toString(search.last_run_at.astimezone(), QLocale.FormatType.ShortFormat)

    def selected(self) -> SavedSearch | None:
        index = self.view.currentIndex()
        return self.model.index(index.row(), QUERY).data(Qt.ItemDataRole.UserRole) if index.isValid() else None

    # --- changes -------------------------------------------------------------------------------------
    def add_search(self) -> None:
        account = self.account.currentData()
        if account is not None:
            self._try(self._monitoring.add(account, self.query.text()), self._added)

    def _added(self, search: SavedSearch) -> None:
        self.query.clear()
        self._done(self.tr("Saved “{0}”; it runs now and then every five minutes.").replace("{0}", search.query))

    def _edited(self, item: QStandardItem) -> None:
        search = item.data(Qt.ItemDataRole.UserRole)
        if item.column() == QUERY and isinstance(search, SavedSearch) and item.text() != search.query:
            self._try(self._monitoring.change(search, item.text()), lambda _: self._done(self.tr("Search changed.")))

    def remove_search(self) -> None:
        search = self.selected()
        if search is not None:
            done = self.tr("Removed “{0}”. What it found stays in Monitoring.").replace("{0}", search.query)
            self._run(self._monitoring.remove(search), lambda _: self._done(done))

    def _try(self, work: Coroutine[Any, Any, Any], then: Callable[[Any], None]) -> None:
        """Run a change; a query that cannot be a search is said in words and the list restored."""
        self._run(
            self._guarded(work), lambda outcome: self._refused(outcome) if isinstance(outcome, str) else then(outcome)
        )

    async def _guarded(self, work: Coroutine[Any, Any, Any]) -> Any:
        try:
            return await work
        except QueryProblem as problem:
            return self.problem_words(problem)

    def problem_words(self, problem: QueryProblem) -> str:
        match problem.kind:
            case QueryProblem.AT_NAME:
                return self.tr("Search for the name without @: mentions of your account arrive in the queue anyway.")
            case QueryProblem.TOO_LONG:
                return self.tr("A search may have at most {0} characters.").replace("{0}", str(MAX_QUERY))
            case QueryProblem.NOT_A_HASHTAG:
                return self.tr("A hashtag has letters, digits and _ only.")
        return self.tr("A search needs a word, a hashtag or a name.")

    def _refused(self, words: str) -> None:
        self.result.setText(words)
        self.refresh()  # an edit that was refused goes back to what is saved

    def _done(self, words: str) -> None:
        self.result.setText(words)
        self.refresh()
        self.changed.emit()
