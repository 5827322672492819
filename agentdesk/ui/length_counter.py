"""The remaining-characters counter, shared by the reply editor and each part of a thread.

Neutral while there is room, amber with ⏳ near the limit, red with ⛔ past it: an icon as well as
a colour, so the state reads without colour too. For SMS it also shows the segments and the
encoding, and which characters force UCS-2 (they halve what one SMS holds).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from agentdesk.core.channels import Channel
from agentdesk.core.length import Measure

NEAR_COLOUR = "#B26A00"
OVER_COLOUR = "#B00020"
OK, NEAR, OVER = "ok", "near", "over"
_MAX_SHOWN_UCS2 = 5


def counter_state(result: Measure) -> str:
    """Near means the last tenth of the limit, at least the last 20 and at most the last 100."""
    if result.over:
        return OVER
    return NEAR if result.remaining <= min(max(20, result.limit // 10), 100) else OK


class LengthCounter(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("counter")
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.state = OK

    def show_measure(self, result: Measure | None) -> None:
        """Show a draft's count, or nothing (an internal note has no limit)."""
        if result is None:
            self.state = OK
            self.setText("")
            self.setToolTip("")
            self.setStyleSheet("")
            return
        self.state = counter_state(result)
        icon = {OK: "", NEAR: "⏳ ", OVER: "⛔ "}[self.state]
        text = f"{icon}{result.remaining}"
        if result.channel is Channel.SMS:
            text += " · " + self.tr("{n} SMS").replace("{n}", str(result.segments)) + " · " + self._encoding(result)
        self.setText(text)
        self.setToolTip(
            self.tr("{n} of {limit} left").replace("{n}", str(result.remaining)).replace("{limit}", str(result.limit))
        )
        colour = {OK: "", NEAR: f"color: {NEAR_COLOUR};", OVER: f"color: {OVER_COLOUR}; font-weight: bold;"}
        self.setStyleSheet(colour[self.state])

    def _encoding(self, result: Measure) -> str:
        encoding = result.encoding or ""
        if not result.ucs2_characters:
            return encoding
        shown = "".join(result.ucs2_characters[:_MAX_SHOWN_UCS2])
        more = "…" if len(result.ucs2_characters) > _MAX_SHOWN_UCS2 else ""
        return (
            self.tr("{encoding} because of: {characters}")
            .replace("{encoding}", encoding)
            .replace("{characters}", shown + more)
        )
