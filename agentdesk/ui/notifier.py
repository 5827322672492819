"""Desktop notifications for the agent window: one tray icon, the rules of
:mod:`agentdesk.core.notifications`, and the in-app message bar where the desktop has no tray, so
a notice is never lost.

What is worth a notice (decided by the core's watch, fed by rows read off the GUI thread):

* *assigned to me*: a conversation the client knew changes its assignee to me, or a new one
  arrives already assigned to me — not when I assigned it myself (Shift+A);
* *at risk*: one of mine turns at risk as time passes (checked on the window's 1 s clock);
* *new message*: the customer writes in a conversation I have open in the background, i.e. one
  I opened in this window since it started, other than the one on screen;
* *storm* (supervisors): the triage storm alarm.

Clicking a notification opens its conversation.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import replace

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QStyle, QSystemTrayIcon, QWidget

from agentdesk.core.entities import ConversationRow, Queue
from agentdesk.core.notifications import (
    NOTICE_KINDS,
    ConversationWatch,
    Notice,
    NoticeKind,
    NotificationGate,
    NotificationRules,
    Verdict,
    bundle,
    caught_up,
    working_calendar,
    working_hours_words,
)
from agentdesk.core.sla import Language
from agentdesk.store import SortOrder
from agentdesk.store.profile import Role, Settings, save_keeping_role
from agentdesk.store.triage_verdicts import Storm
from agentdesk.sync.operations import Operations
from agentdesk.ui.message_bar import MessageBar
from agentdesk.ui.service_levels import ServiceLevels
from agentdesk.ui.task_runner import TaskRunner
from agentdesk.ui.translations import ui_language

_SEED_QUEUES = (Queue.ALL_OPEN, Queue.WAITING, Queue.RESOLVED, Queue.SPAM)  # together: every conversation
_SEED_CHUNK = 500
_DETAIL_CHARS = 120


class Notifier(QObject):
    notified = Signal(object)  # Notice, once it is on the desktop or in the message bar
    held_back = Signal(object, str)  # Notice, Verdict: turned off, quiet hours or too soon

    def __init__(
        self,
        ops: Operations,
        tasks: TaskRunner,
        messages: MessageBar,
        levels: ServiceLevels,
        files: Executor,
        open_conversation: Callable[[int], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._ops, self._tasks, self._messages, self._levels = ops, tasks, messages, levels
        self._files, self._open, self._window = files, open_conversation, parent
        self.error = ""
        self.gate = NotificationGate(NotificationRules())
        self.watch = ConversationWatch(ops.ws.me)
        self.shown: list[Notice] = []  # every notice shown in this session, oldest first
        self.actions: dict[NoticeKind, QAction] = {}
        self.menu: QMenu | None = None
        self._quiet: QAction | None = None
        self.apply(ops.ws.settings)
        self._opened: list[int] = []  # conversations opened in this session, oldest first
        self._on_screen: int | None = None
        self._seeding = False
        self._reading = asyncio.Lock()  # rows are compared in the order they were read
        self.tray = self._make_tray()

    def _make_tray(self) -> QSystemTrayIcon | None:
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return None
        icon = QApplication.windowIcon()
        if icon.isNull():
            icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        tray = QSystemTrayIcon(icon, self)
        tray.setToolTip(self.tr("AgentDesk"))
        tray.messageClicked.connect(self.open_last)
        tray.show()
        return tray

    # --- what the window tells it ------------------------------------------------------------------
    def account_state_changed(self) -> None:
        """Once every account has caught up since start, learn what the store holds: from then on
        a change is news (what arrived while the window was closed is the queues' business)."""
        if not self._seeding and caught_up(self._ops.ws.engine.states()):
            self._seeding = True
            self._tasks.run(self._seed(), what="reading conversations for notifications")

    async def _seed(self) -> None:
        ids: set[int] = set()
        for queue in _SEED_QUEUES:
            ids.update(await self._ops.conversation_ids(queue, SortOrder.NEWEST, ""))
        ordered = sorted(ids)
        rows: list[ConversationRow] = []
        async with self._reading:
            for start in range(0, len(ordered), _SEED_CHUNK):  # short reads: the list's own reads go between
                rows.extend(await self._ops.rows(ordered[start : start + _SEED_CHUNK]))
            self.watch.seed(rows)

    def changed(self, ids: set[int] | frozenset[int]) -> None:
        if ids:
            self._tasks.run(self._observe(sorted(ids)), what="checking changes for notifications")

    async def _observe(self, ids: list[int]) -> None:
        async with self._reading:
            rows = await self._ops.rows(ids)
            background = set(self._opened) - {self._on_screen}
            self._offer(self.watch.observe(rows, background))

    def tick(self) -> None:
        """The window's clock: conversations of mine that turned at risk since the last second."""
        levels = self._levels
        self._offer(self.watch.tick(self._ops.ws.now(), levels.row_status, levels.policy.at_risk))

    def conversation_shown(self, conversation_id: int) -> None:
        self._on_screen = conversation_id
        if conversation_id not in self._opened:
            self._opened.append(conversation_id)

    def own_assignment(self, conversation_id: int) -> None:
        """The agent assigns this one to themselves: the change that follows is no news."""
        self.watch.own_assignment(conversation_id)

    def storm(self, storm: Storm) -> None:
        """The triage storm alarm, for supervisors."""
        if self._ops.ws.settings.role is Role.SUPERVISOR:
            alarm = storm.alarm
            self._offer([Notice(NoticeKind.STORM, None, alarm.topic_label, f"{alarm.rate:.0f}")])

    # --- showing ---------------------------------------------------------------------------------
    def _offer(self, notices: list[Notice]) -> None:
        if not notices:
            return
        now = self._ops.ws.now()
        for notice in bundle(notices):
            verdict = self.gate.decide(notice, now)
            if verdict is Verdict.SHOW:
                self._show(notice)
            else:
                self.held_back.emit(notice, verdict.value)

    def _show(self, notice: Notice) -> None:
        title, body = self.words(notice)
        if self.tray is not None:
            critical = notice.kind in (NoticeKind.AT_RISK, NoticeKind.STORM)
            icon = QSystemTrayIcon.MessageIcon.Critical if critical else QSystemTrayIcon.MessageIcon.Information
            self.tray.showMessage(title, body, icon)
        else:
            self._messages.show_message(f"{title} · {body}" if body else title)
        self.shown.append(notice)
        self.notified.emit(notice)

    def words(self, notice: Notice) -> tuple[str, str]:
        """Title and text of a notice in the UI's language."""
        detail = " ".join(notice.detail.split())
        detail = detail if len(detail) <= _DETAIL_CHARS else detail[: _DETAIL_CHARS - 1] + "…"
        n, who = str(notice.count), notice.subject
        several = notice.count > 1
        match notice.kind:
            case NoticeKind.ASSIGNED if several:
                return self.tr("{n} conversations assigned to you").replace("{n}", n), who
            case NoticeKind.ASSIGNED:
                return self.tr("Assigned to you: {who}").replace("{who}", who), detail
            case NoticeKind.AT_RISK if several:
                return self.tr("{n} of your conversations are at risk").replace("{n}", n), who
            case NoticeKind.AT_RISK:
                return (
                    self.tr("At risk: {who}").replace("{who}", who),
                    self.tr("{left} of business time left").replace("{left}", detail),
                )
            case NoticeKind.NEW_MESSAGE if several:
                return self.tr("New messages in {n} conversations").replace("{n}", n), who
            case NoticeKind.NEW_MESSAGE:
                return self.tr("New message from {who}").replace("{who}", who), detail
            case NoticeKind.STORM:
                return (
                    self.tr("Storm building: {topic}").replace("{topic}", who),
                    self.tr("{rate} angry posts per hour").replace("{rate}", detail),
                )

    def open_last(self) -> None:
        """A click on the notification: its conversation, in front."""
        target = next((n.conversation_id for n in reversed(self.shown) if n.conversation_id is not None), None)
        window = self._window
        if window.isMinimized():
            window.showNormal()
        window.raise_()
        window.activateWindow()
        if target is not None:
            self._open(target)

    # --- settings ---------------------------------------------------------------------------------
    def apply(self, settings: Settings) -> None:
        """Kinds and working hours from the settings: at start, and again once the preferences are saved."""
        try:
            calendar = working_calendar(
                settings.working_hours,
                settings.opening_hours,
                tz=settings.time_zone,
                holidays=settings.holidays,
                closed=settings.closed_days,
            )
            self.error = ""
        except ValueError as exc:
            self.error = str(exc)
            calendar = self._levels.calendar
        enabled = frozenset(kind for kind in NoticeKind if kind.value not in settings.notifications_off)
        self.gate.rules = replace(self.gate.rules, enabled=enabled, working_hours=calendar)
        for kind, action in self.actions.items():
            action.blockSignals(True)  # a switch that follows the settings saves nothing itself
            action.setChecked(kind in enabled)
            action.blockSignals(False)
        if self._quiet is not None:
            self._quiet.setText(self._quiet_words())

    def kind_labels(self) -> dict[NoticeKind, str]:
        """The kinds this agent can switch, with their words (the storm alarm is for supervisors)."""
        labels = {
            NoticeKind.ASSIGNED: self.tr("A conversation is assigned to me"),
            NoticeKind.AT_RISK: self.tr("One of mine turns at risk"),
            NoticeKind.NEW_MESSAGE: self.tr("New message in a conversation open in the background"),
            NoticeKind.STORM: self.tr("Storm alarm"),
        }
        supervisor = self._ops.ws.settings.role is Role.SUPERVISOR
        return {kind: labels[kind] for kind in NOTICE_KINDS if kind is not NoticeKind.STORM or supervisor}

    def add_menu(self, menu: QMenu) -> QMenu:
        """*Notifications* under the AgentDesk menu: one switch per kind, and when they stay quiet."""
        sub = self.menu = menu.addMenu(self.tr("Notifications"))
        for kind, label in self.kind_labels().items():
            action = sub.addAction(label)
            action.setCheckable(True)
            action.setChecked(kind in self.gate.rules.enabled)
            action.toggled.connect(lambda on, kind=kind: self.set_enabled(kind, on))
            self.actions[kind] = action
        sub.addSeparator()
        self._quiet = sub.addAction(self._quiet_words())
        self._quiet.setEnabled(False)
        sub.addAction(self.tr("Open the last notified conversation"), self.open_last)
        return sub

    def _quiet_words(self) -> str:
        hours = working_hours_words(self.gate.rules.working_hours or self._levels.calendar, _language())
        return self.tr("Quiet outside your working hours ({hours})").replace("{hours}", hours)

    def set_enabled(self, kind: NoticeKind, on: bool) -> None:
        """Turn one kind on or off, and keep the choice in settings.json (written off the GUI thread)."""
        self.gate.rules = self.gate.rules.with_kind(kind, on)
        settings = self._ops.ws.settings
        off = [k.value for k in NOTICE_KINDS if k not in self.gate.rules.enabled]
        settings.notifications_off = list(off)
        snapshot = replace(
            settings, notifications_off=off, default_form_of_address=dict(settings.default_form_of_address)
        )
        self._tasks.run(self._save(snapshot), what="saving the notification settings")

    async def _save(self, settings: Settings) -> None:
        await asyncio.get_running_loop().run_in_executor(
            self._files, save_keeping_role, self._ops.ws.data_dir, settings
        )


def _language() -> Language:
    return "de" if ui_language() == "de" else "en"
