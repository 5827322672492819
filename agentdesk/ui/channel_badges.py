"""Channel badges drawn by the app itself (coloured rounded squares with a short mark), so they
look the same on every system and need no remote image or icon font."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from agentdesk.core.channels import Channel

_STYLE: dict[Channel, tuple[str, str]] = {
    Channel.X: ("#111111", "X"),
    Channel.MASTODON: ("#6364FF", "M"),
    Channel.BLUESKY: ("#1185FE", "B"),
    Channel.FACEBOOK: ("#1877F2", "f"),
    Channel.INSTAGRAM: ("#C13584", "IG"),
    Channel.LINKEDIN: ("#0A66C2", "in"),
    Channel.YOUTUBE: ("#FF0000", "YT"),
    Channel.THREADS: ("#333333", "@"),
    Channel.WHATSAPP: ("#25D366", "W"),
    Channel.SMS: ("#5E6C84", "S"),
    Channel.EMAIL: ("#7A5C2E", "✉"),
    Channel.CHAT: ("#00875A", "C"),
}


@cache
def channel_pixmap(channel: Channel, size: int = 20) -> QPixmap:
    colour, mark = _STYLE[channel]
    pixmap = QPixmap(size * 2, size * 2)  # drawn at 2x, crisp on high-dpi screens
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawRoundedRect(QRect(0, 0, size, size), 5, 5)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(size * (0.62 if len(mark) == 1 else 0.5)))
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRect(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, mark)
    painter.end()
    return pixmap


def channel_icon(channel: Channel) -> QIcon:
    return QIcon(channel_pixmap(channel))
