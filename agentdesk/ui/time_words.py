"""Times as an agent reads them in a list or a thread: "0:42", "3 d", "Mo 09:30".

Every clock time is shown in the profile's time zone (the one its opening hours and due times
use), so "due 10:00" and the status bar's clock never disagree, whatever the machine's zone.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

_zone: tzinfo = ZoneInfo("Europe/Berlin")


def set_display_zone(zone: tzinfo) -> None:
    global _zone  # one display setting for the whole window, set once at start
    _zone = zone


def local(at: datetime) -> datetime:
    return at.astimezone(_zone)


def short_age(since: datetime, now: datetime) -> str:
    """Waiting time, compact: minutes as h:mm under a day, then days."""
    minutes = max(0, int((now - since).total_seconds() // 60))
    if minutes < 24 * 60:
        return f"{minutes // 60}:{minutes % 60:02d}"
    return QCoreApplication.translate("TimeWords", "{n} d").replace("{n}", str(minutes // (24 * 60)))


def message_time(at: datetime, now: datetime) -> str:
    shown = local(at)
    if shown.date() == local(now).date():
        return shown.strftime("%H:%M")
    return shown.strftime("%d.%m. %H:%M")
