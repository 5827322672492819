"""The status bar: each account's sync state, the outbox, and the (simulated) clock."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from agentdesk.core.events import AccountState, SyncPhase
from agentdesk.ui.time_words import local


class DeskStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.accounts = QLabel()
        self.accounts.setObjectName("syncState")
        self.outbox = QLabel()
        self.outbox.setObjectName("outboxState")
        self.clock = QLabel()
        self.clock.setObjectName("clock")
        self.hours = QLabel()
        self.hours.setObjectName("openingHours")
        for label in (self.accounts, self.outbox, self.hours, self.clock):
            label.setContentsMargins(8, 2, 8, 2)
        self.addWidget(self.accounts)
        self.addWidget(self.outbox)
        self.addPermanentWidget(self.hours)
        self.addPermanentWidget(self.clock)
        self._states: dict[int, AccountState] = {}

    def set_account_state(self, state: AccountState) -> None:
        self._states[state.account_id] = state
        self.accounts.setText(" · ".join(self._describe(s) for s in self._states.values()))

    def _describe(self, s: AccountState) -> str:
        match s.phase:
            case SyncPhase.IDLE if s.live is True:
                text = self.tr("● {name}: synced · live").replace("{name}", s.name)
            case SyncPhase.IDLE if s.live is False:
                text = self.tr("● {name}: synced · polling").replace("{name}", s.name)
            case SyncPhase.IDLE:
                text = self.tr("● {name}: synced").replace("{name}", s.name)
            case SyncPhase.SYNCING:
                total = f"/{s.total}" if s.total else ""
                text = self.tr("↻ {name}: syncing {n}").replace("{name}", s.name).replace("{n}", f"{s.done}{total}")
            case SyncPhase.OFFLINE:
                since = local(s.since).strftime("%H:%M") if s.since else "?"
                text = self.tr("○ {name}: offline since {time}").replace("{name}", s.name).replace("{time}", since)
            case SyncPhase.NEEDS_SIGN_IN:
                text = self.tr("⛔ {name}: sign in again").replace("{name}", s.name)
            case SyncPhase.NO_ACCESS:
                text = self.tr("⛔ {name}: no access").replace("{name}", s.name)
            case SyncPhase.STOPPED:
                text = self.tr("⛔ {name}: stopped").replace("{name}", s.name)
        return text

    def set_outbox(self, waiting: int, failed: int) -> None:
        text = self.tr("Outbox: {n} waiting").replace("{n}", str(waiting))
        if failed:
            text += " · " + self.tr("{n} failed").replace("{n}", str(failed))
        self.outbox.setText(text)

    def set_opening_hours(self, text: str) -> None:
        self.hours.setText(text)

    def set_clock(self, now: datetime, simulated: bool) -> None:
        shown = local(now)
        days = [
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        ]
        when = f"{days[shown.weekday()]} {shown:%H:%M}"
        self.clock.setText(self.tr("Simulated time {time}").replace("{time}", when) if simulated else when)
