"""Reassign one or many conversations: a dialog with search, suggestions first, an optional note.

The suggestions are the least loaded online colleagues who handle the conversations' channels and
languages (:func:`agentdesk.core.team.suggest_agents`). Every reassignment goes through the outbox
(:meth:`agentdesk.sync.operations.Operations.reassign`), so it reaches the source like any write.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from agentdesk.core.channels import CHANNEL_NAMES
from agentdesk.core.team import Availability, TeamAgent, suggest_agents
from agentdesk.sync.operations import Operations
from agentdesk.ui.task_runner import TaskRunner

NAME_ROLE = Qt.ItemDataRole.UserRole + 1


def availability_words(availability: Availability | None) -> str:
    """Online / away / offline in the UI language; "" when no team backend says."""
    match availability:
        case Availability.ONLINE:
            return QCoreApplication.translate("Availability", "online")
        case Availability.BUSY:
            return QCoreApplication.translate("Availability", "away")
        case Availability.OFFLINE:
            return QCoreApplication.translate("Availability", "offline")
    return ""


class ReassignDialog(QDialog):
    chosen = Signal(str, str)  # assignee ("" = the unassigned pool), private note

    def __init__(
        self,
        count: int,
        agents: Sequence[TeamAgent],
        load: Mapping[str, int],
        suggested: Sequence[TeamAgent],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reassignDialog")
        self.setWindowTitle(self.tr("Reassign"))
        self.resize(700, 560)
        what = (
            self.tr("Reassign this conversation to …")
            if count == 1
            else self.tr("Reassign {n} conversations to …").replace("{n}", str(count))
        )
        self.search = QLineEdit()
        self.search.setObjectName("reassignSearch")
        self.search.setPlaceholderText(self.tr("Search colleagues …"))
        self.search.setClearButtonEnabled(True)
        self.agents = QListWidget()
        self.agents.setObjectName("reassignAgents")
        self.agents.setAccessibleName(self.tr("Colleagues"))
        self.agents.setSpacing(2)
        self.agents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.agents.setTextElideMode(Qt.TextElideMode.ElideRight)  # the whole line is in the tooltip
        self.note = QPlainTextEdit()
        self.note.setObjectName("reassignNote")
        self.note.setPlaceholderText(self.tr("Private note for the team (optional): why, what is open …"))
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(90)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.addButton(self.tr("Reassign"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(what))
        layout.addWidget(self.search)
        layout.addWidget(self.agents, 1)
        layout.addWidget(QLabel(self.tr("Internal note")))
        layout.addWidget(self.note)
        layout.addWidget(buttons)

        self._fill(agents, load, suggested)
        self.search.textChanged.connect(self._filter)
        self.agents.itemDoubleClicked.connect(lambda _item: self.accept())
        self.agents.currentItemChanged.connect(lambda current, _prev: self.ok.setEnabled(current is not None))
        self.search.installEventFilter(self)
        self.search.setFocus()

    def _fill(self, agents: Sequence[TeamAgent], load: Mapping[str, int], suggested: Sequence[TeamAgent]) -> None:
        """Suggestions first (marked), then every other colleague by name, then the pool."""
        first = [a.name for a in suggested]
        known = {a.name: a for a in agents}
        others = sorted((set(known) | {n for n in load if n}) - set(first), key=str.casefold)
        for name in [*first, *others]:
            agent = known.get(name)
            facts = [availability_words(agent.availability) if agent else ""]
            facts.append(self.tr("{n} open").replace("{n}", str(load.get(name, 0))))
            if agent and agent.channels:
                facts.append(", ".join(sorted(CHANNEL_NAMES[c] for c in agent.channels)))
            if agent and agent.languages:
                facts.append(", ".join(sorted(agent.languages)))
            mark = "★ " if name in first else ""
            label = f"{mark}{name}  ·  " + "  ·  ".join(f for f in facts if f)
            item = QListWidgetItem(label)
            item.setData(NAME_ROLE, name)
            why = self.tr("Suggested: online, handles these channels and languages, fewest open")
            item.setToolTip(f"{label}\n{why}" if name in first else label)
            self.agents.addItem(item)
        pool = QListWidgetItem(self.tr("Nobody: back to the unassigned pool"))
        pool.setData(NAME_ROLE, "")
        self.agents.addItem(pool)
        self.agents.setCurrentRow(0)

    def _filter(self, text: str) -> None:
        wanted = text.strip().casefold()
        first_visible: QListWidgetItem | None = None
        for row in range(self.agents.count()):
            item = self.agents.item(row)
            hidden = bool(wanted) and wanted not in item.text().casefold()
            item.setHidden(hidden)
            if not hidden and first_visible is None:
                first_visible = item
        self.agents.setCurrentItem(first_visible)

    def eventFilter(self, watched: QObject, event: object) -> bool:
        """Up/Down in the search field move through the colleagues, as in the template picker."""
        arrows = (Qt.Key.Key_Down, Qt.Key.Key_Up)
        if watched is self.search and isinstance(event, QKeyEvent) and event.key() in arrows:
            if event.type() == QKeyEvent.Type.KeyPress:
                self._move(1 if event.key() == Qt.Key.Key_Down else -1)
            return True
        return super().eventFilter(watched, event)

    def _move(self, step: int) -> None:
        rows = [r for r in range(self.agents.count()) if not self.agents.item(r).isHidden()]
        if not rows:
            return
        current = self.agents.currentRow()
        position = rows.index(current) + step if current in rows else 0
        self.agents.setCurrentRow(rows[max(0, min(len(rows) - 1, position))])

    def choice(self) -> str | None:
        item = self.agents.currentItem()
        return None if item is None or item.isHidden() else str(item.data(NAME_ROLE))

    def accept(self) -> None:
        name = self.choice()
        if name is None:
            return  # nothing matches the search: stay open
        self.chosen.emit(name, self.note.toPlainText().strip())
        super().accept()


class ReassignFlow(QObject):
    """Opens the dialog for some conversations and carries out the choice (also for a drop)."""

    done = Signal(str)  # a sentence for the user

    def __init__(self, ops: Operations, tasks: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._ops, self._tasks, self._parent = ops, tasks, parent
        self.dialog: ReassignDialog | None = None

    def open_dialog(self, ids: list[int], parent: QWidget | None = None) -> None:
        if not ids:
            self.done.emit(self.tr("Select the conversations to reassign first."))
            return
        self._tasks.run(self._open(ids, parent or self._parent), what="preparing the reassignment")

    async def _open(self, ids: list[int], parent: QWidget) -> None:
        agents = await self._ops.team_agents()
        load = await self._ops.open_load()
        channels, languages = await self._ops.needs_of(ids)
        dialog = ReassignDialog(len(ids), agents, load, suggest_agents(agents, load, channels, languages), parent)
        dialog.chosen.connect(lambda name, note: self.reassign(ids, name, note))
        self.dialog = dialog
        dialog.open()  # never exec(): no nested event loop under qasync

    def reassign(self, ids: list[int], name: str, note: str = "") -> None:
        self._tasks.run(self._reassign(ids, name, note), what="reassigning")

    async def _reassign(self, ids: list[int], name: str, note: str) -> None:
        await self._ops.reassign(ids, name, note)
        self.done.emit(self.describe(len(ids), name))

    def describe(self, count: int, name: str) -> str:
        if not name:
            text = (
                self.tr("Back in the unassigned pool.")
                if count == 1
                else self.tr("{n} conversations are back in the unassigned pool.")
            )
        else:
            text = (
                self.tr("Reassigned to {name}.") if count == 1 else self.tr("Reassigned {n} conversations to {name}.")
            )
        return text.replace("{n}", str(count)).replace("{name}", name)
