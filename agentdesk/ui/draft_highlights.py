"""Marks in the reply text: what lies past the limit, each finding's span, misspelt words.

The core reports spans as Python string indices (code points); Qt counts UTF-16 units, so an
emoji before a span would shift every mark by one without ``QtPositions``. Each mark's format
carries its kind (``HIGHLIGHT_KIND``), so tests and tools can tell the marks apart.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat
from PySide6.QtWidgets import QTextEdit

from agentdesk.ui.length_counter import OVER_COLOUR

HIGHLIGHT_KIND = QTextFormat.Property.UserProperty + 1
OVER, FINDING, SPELLING = "over", "finding", "spelling"
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class QtPositions:
    """Python string index → Qt document position (an astral character is two UTF-16 units)."""

    def __init__(self, text: str) -> None:
        self._astral = [match.start() for match in _ASTRAL.finditer(text)]

    def __call__(self, index: int) -> int:
        return index + bisect_left(self._astral, index)

    def cursor(self, document: QTextDocument, start: int, end: int) -> QTextCursor:
        """A cursor selecting ``[start, end)`` of the text."""
        cursor = QTextCursor(document)
        cursor.setPosition(self(start))
        cursor.setPosition(self(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor


def extra_selections(
    document: QTextDocument, text: str, marks: list[tuple[int, int, str]]
) -> list[QTextEdit.ExtraSelection]:
    """One extra selection per ``(start, end, kind)`` mark of ``text``."""
    positions = QtPositions(text)
    selections = []
    for start, end, kind in marks:
        selection = QTextEdit.ExtraSelection()
        selection.cursor = positions.cursor(document, start, end)  # type: ignore[attr-defined]
        selection.format = _format(kind)  # type: ignore[attr-defined]
        selections.append(selection)
    return selections


@functools.cache
def _format(kind: str) -> QTextCharFormat:
    char_format = QTextCharFormat()
    char_format.setProperty(HIGHLIGHT_KIND, kind)
    if kind == OVER:
        char_format.setBackground(QColor("#F9D6DC"))
        char_format.setForeground(QColor(OVER_COLOUR))
    elif kind == FINDING:
        char_format.setBackground(QColor("#FFF0C2"))
    else:
        char_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        char_format.setUnderlineColor(QColor("#D00000"))
    return char_format
