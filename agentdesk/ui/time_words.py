"""Times as an agent reads them in a list or a thread: "0:42", "3 d", "Mo 09:30"."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication


def short_age(since: datetime, now: datetime) -> str:
    """Waiting time, compact: minutes as h:mm under a day, then days."""
    minutes = max(0, int((now - since).total_seconds() // 60))
    if minutes < 24 * 60:
        return f"{minutes // 60}:{minutes % 60:02d}"
    return QCoreApplication.translate("TimeWords", "{n} d").replace("{n}", str(minutes // (24 * 60)))


def message_time(at: datetime, now: datetime) -> str:
    local = at.astimezone()
    if local.date() == now.astimezone().date():
        return local.strftime("%H:%M")
    return local.strftime("%d.%m. %H:%M")
