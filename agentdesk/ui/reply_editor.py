"""The reply editor: audience, the draft, the platform's counter, pre-send findings, Send (Ctrl+Enter).

On every keystroke the draft is counted once, the platform's way (``agentdesk.core.length``), and
that one count feeds the counter, the over-limit highlight and the checks, so they never disagree
with each other or with the platform (about 1.5 ms for 2,000 characters: see bench/README.md).
Spelling runs debounced on a worker thread (``SpellingService``). A blocking finding disables
Send; warnings make Send ask first, in a window-modal box opened with ``open()`` (never
``exec()``, which would stall the qasync loop), and the confirmed codes are reported before the send.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from agentdesk.core.channels import CHANNEL_NAMES, Audience, Channel
from agentdesk.core.checks import BLOCKING, Finding, Guidelines, is_blocked, parse_guidelines, run_checks
from agentdesk.core.checks.finding import FIX_ANSWER_PRIVATELY, FIX_LOWERCASE, FIX_SINGLE_MARK, FIX_SPLIT_THREAD
from agentdesk.core.checks.messages import Language
from agentdesk.core.length import ChannelRules, Measure, audiences, measure
from agentdesk.core.reply_mention import MENTIONING_CHANNELS, with_mention
from agentdesk.core.spelling import Misspelling
from agentdesk.core.split import THREAD_CHANNELS, split_thread
from agentdesk.resources import read_text
from agentdesk.ui.draft_highlights import FINDING, OVER, SPELLING, QtPositions, extra_selections
from agentdesk.ui.findings_list import FindingsList
from agentdesk.ui.length_counter import LengthCounter
from agentdesk.ui.spelling_service import SpellingService
from agentdesk.ui.split_dialog import SplitDialog

NOTE = "note"
SPELLING_DELAY_MS = 400


@functools.cache
def default_guidelines() -> Guidelines:
    return parse_guidelines(read_text("guidelines.toml"))


class ReplyEditor(QWidget):
    send_requested = Signal(str, object, bool)  # text, Audience, is internal note
    thread_requested = Signal(list, object)  # the parts in order, Audience
    warnings_confirmed = Signal(list)  # finding codes the agent chose to send anyway, just before the send
    draft_edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replyEditor")
        self._channel = Channel.X
        self._rules: ChannelRules | None = None
        self._mention = ""
        self._form_of_address = ""
        self._language: Language = "de"
        self._known_names: frozenset[str] = frozenset()
        self._guidelines = default_guidelines()
        self._measure: Measure | None = None
        self._findings: list[Finding] = []
        self._misspellings: list[Misspelling] = []
        self._length = 0  # of the text at the last update, to move underlines along with an edit
        self._spelling_request = 0

        self.mode = QComboBox()
        self.mode.setObjectName("audience")
        self.mode.setToolTip(self.tr("Who will read this"))
        self.channel_label = QLabel()
        self.counter = LengthCounter()
        self.edit = QPlainTextEdit()
        self.edit.setObjectName("replyText")
        self.edit.setPlaceholderText(self.tr("Write a reply … (r)"))
        self.edit.setTabChangesFocus(True)
        self.edit.setAccessibleName(self.tr("Reply"))
        self.edit.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.findings = FindingsList()
        self.split_button = QPushButton(self.tr("Split into a thread"))
        self.split_button.setObjectName("split")
        self.send_button = QPushButton(self.tr("Send  Ctrl+Enter"))
        self.send_button.setObjectName("send")
        self.send_button.setDefault(True)

        head = QHBoxLayout()
        head.addWidget(self.mode)
        head.addWidget(self.channel_label, 1)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.split_button)
        actions.addWidget(self.counter)
        actions.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.findings)
        layout.addLayout(actions)

        self.spelling = SpellingService(self)
        self.spelling.checked.connect(self._spelling_checked)
        self._spelling_timer = QTimer(self)
        self._spelling_timer.setSingleShot(True)
        self._spelling_timer.setInterval(SPELLING_DELAY_MS)
        self._spelling_timer.timeout.connect(self._check_spelling)
        self.destroyed.connect(self.spelling.shutdown)

        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self.edit, context=Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.request_send)
        self.send_button.clicked.connect(self.request_send)
        self.split_button.clicked.connect(self.open_split_dialog)
        self.edit.textChanged.connect(self._text_changed)
        self.edit.customContextMenuRequested.connect(self._show_context_menu)
        self.mode.currentIndexChanged.connect(self._update)
        self.findings.fix_requested.connect(self.apply_fix)
        self.findings.finding_activated.connect(self._select_finding)

    # --- what the window sets and reads ---------------------------------------------------------------
    def set_context(
        self,
        channel: Channel,
        audience: Audience,
        *,
        form_of_address: str = "",
        language: Language = "de",
        known_names: frozenset[str] = frozenset(),
        rules: ChannelRules | None = None,
        mention: str = "",
    ) -> None:
        """A conversation was opened: the platform, the default audience, and what the checks need.

        ``form_of_address`` is "sie" or "du" for this customer ("" if not chosen); ``language`` is
        the language of the findings' reasons; ``known_names`` (company, products, the customer)
        are never spelling mistakes or shouting; ``rules`` are the account's own limits; ``mention``
        is the handle a reply on this channel goes out with in front (counted, see ``with_mention``).
        """
        self._channel = channel
        self._mention = mention if channel in MENTIONING_CHANNELS else ""
        self._form_of_address = form_of_address
        self._language = language
        self._known_names = known_names
        self._rules = rules
        self.mode.blockSignals(True)
        self.mode.clear()
        labels = {Audience.PUBLIC: self.tr("Public reply"), Audience.PRIVATE: self.tr("Private message")}
        for option in audiences(channel):
            self.mode.addItem(labels[option], option)
        self.mode.addItem(self.tr("Internal note"), NOTE)
        self.mode.setCurrentIndex(max(0, self.mode.findData(audience)))
        self.mode.blockSignals(False)
        self.channel_label.setText(CHANNEL_NAMES[channel])
        self._update()
        self._spelling_timer.start()

    def set_guidelines(self, guidelines: Guidelines) -> None:
        """The company's guidelines (the bundled defaults until this is called)."""
        self._guidelines = guidelines
        self._update()

    def set_user_words_path(self, path: Path | None) -> None:
        """The profile's own dictionary: one word a line; "Add to dictionary" appends to it."""
        self.spelling.set_user_words_path(path)
        self._spelling_timer.start()

    def text(self) -> str:
        return self.edit.toPlainText()

    def set_text(self, text: str) -> None:
        self.edit.blockSignals(True)
        self.edit.setPlainText(text)
        self.edit.blockSignals(False)
        self._misspellings = []
        self._update()
        self._spelling_timer.start()

    def audience(self) -> Audience:
        data = self.mode.currentData()  # Qt hands the enum back as a plain str: make it an Audience again
        if data is None:  # no conversation opened yet
            return Audience.PUBLIC
        return Audience.PRIVATE if data == NOTE else Audience(data)

    def set_audience(self, audience: Audience) -> None:
        index = self.mode.findData(audience)
        if index >= 0:
            self.mode.setCurrentIndex(index)

    def is_note(self) -> bool:
        return self.mode.currentData() == NOTE

    def focus_editor(self) -> None:
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def request_send(self) -> None:
        """Send, after asking if there are warnings; nothing happens while something blocks."""
        text = self.text().strip()
        if not text or not self.send_button.isEnabled():
            return
        audience, note = self.audience(), self.is_note()
        self._confirm_then(self._findings, lambda: self.send_requested.emit(text, audience, note))

    # --- fixes and the thread -------------------------------------------------------------------------
    def apply_fix(self, finding: Finding) -> None:
        """Apply a finding's fix: switch to private, tone the span down, or split into a thread."""
        if finding.fix == FIX_ANSWER_PRIVATELY:
            self.set_audience(Audience.PRIVATE)
        elif finding.fix == FIX_SPLIT_THREAD:
            self.open_split_dialog()
        elif finding.fix in (FIX_LOWERCASE, FIX_SINGLE_MARK):
            span = self.text()[finding.start : finding.end]
            self._replace(finding.start, finding.end, span.lower() if finding.fix == FIX_LOWERCASE else span[:1])

    def open_split_dialog(self) -> None:
        """The draft as numbered thread parts, each editable and counted; confirming sends the thread."""
        text = self.text().strip()
        if not text or self._channel not in THREAD_CHANNELS:
            return
        dialog = SplitDialog(split_thread(text, self._channel, self._rules), self._assess_part, self)
        dialog.finished.connect(lambda result: self._split_finished(dialog, result))
        dialog.open()

    def _split_finished(self, dialog: SplitDialog, result: int) -> None:
        dialog.deleteLater()
        if result != SplitDialog.DialogCode.Accepted:
            return
        parts = dialog.parts()
        warnings = [f for part in parts for f in self._assess_part(part)[1]]
        self._confirm_then(warnings, lambda: self.thread_requested.emit(parts, Audience.PUBLIC))

    def _assess_part(self, part: str) -> tuple[Measure, list[Finding]]:
        result = measure(part, self._channel, Audience.PUBLIC, rules=self._rules)
        return result, self._check(part, Audience.PUBLIC, result)

    def _confirm_then(self, findings: list[Finding], send: Callable[[], None]) -> None:
        """Run ``send`` at once, or after the agent confirms the warnings (recorded first)."""
        warnings = [f for f in findings if f.severity != BLOCKING]
        if not warnings:
            send()
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Send despite warnings?"),
            "\n".join(f"⚠ {f.message}" for f in warnings),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("sendConfirmation")
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Send anyway"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        codes = list(dict.fromkeys(f.code for f in warnings))

        def finished(result: int) -> None:
            box.deleteLater()
            if result == QMessageBox.StandardButton.Yes:
                self.warnings_confirmed.emit(codes)
                send()

        box.finished.connect(finished)
        box.open()

    # --- counting and checks, on every keystroke -------------------------------------------------------
    def _text_changed(self) -> None:
        self._move_misspellings()
        self._update()
        self._spelling_timer.start()
        self.draft_edited.emit()

    def _update(self) -> None:
        text = self.text()
        self._length = len(text)
        if self.is_note():
            self._measure, self._findings = None, []
        else:
            self._measure = self._counted(text)
            self._findings = self._check(text, self.audience(), self._measure) if text.strip() else []
        self.counter.show_measure(self._measure)
        self.findings.set_findings(self._findings)
        blocked = is_blocked(self._findings)
        self.send_button.setEnabled(bool(text.strip()) and not blocked)
        self.send_button.setToolTip(self.tr("Fix the findings marked ⛔ first") if blocked else "")
        thread_channel = self._channel in THREAD_CHANNELS
        self.split_button.setVisible(thread_channel and self.audience() is Audience.PUBLIC and not self.is_note())
        self.split_button.setEnabled(bool(text.strip()))
        self._highlight()

    def _counted(self, text: str) -> Measure:
        """The text counted as it is sent: with the handle in front that the connector adds."""
        sent = with_mention(text, self._mention) if text.strip() and self._mention else text
        result = measure(sent, self._channel, self.audience(), rules=self._rules)
        shift = len(sent) - len(text)
        if not shift:
            return result
        over = tuple((max(0, start - shift), end - shift) for start, end in result.over if end > shift)
        return replace(result, over=over)

    def _check(self, text: str, audience: Audience, length: Measure) -> list[Finding]:
        return run_checks(
            text,
            channel=self._channel,
            audience=audience,
            guidelines=self._guidelines,
            form_of_address=self._form_of_address or None,
            known_names=self._known_names,
            language=self._language,
            rules=self._rules,
            length=length,
        )

    # --- highlights ---------------------------------------------------------------------------------
    def _highlight(self) -> None:
        """Past the limit (the platform's own count), each finding's span, misspelt words."""
        marks = [(start, end, OVER) for start, end in self._measure.over] if self._measure else []
        marks += [(f.start, f.end, FINDING) for f in self._findings if f.code != "over-limit"]
        marks += [(m.start, m.end, SPELLING) for m in self._misspellings]
        self.edit.setExtraSelections(extra_selections(self.edit.document(), self.text(), marks))

    def _select_finding(self, finding: Finding) -> None:
        self.edit.setTextCursor(QtPositions(self.text()).cursor(self.edit.document(), finding.start, finding.end))
        self.focus_editor()

    def _replace(self, start: int, end: int, replacement: str) -> None:
        """Replace a span as one undoable edit."""
        QtPositions(self.text()).cursor(self.edit.document(), start, end).insertText(replacement)

    # --- spelling -------------------------------------------------------------------------------------
    def _check_spelling(self) -> None:
        self._spelling_request = self.spelling.check(self.text(), self._known_names)

    def _move_misspellings(self) -> None:
        """Until the next check, keep underlining the words still there, before or after the edit."""
        text = self.text()
        shift = len(text) - self._length
        kept = []
        for word in self._misspellings:
            start = next((word.start + d for d in (0, shift) if text[word.start + d : word.end + d] == word.word), None)
            if start is not None:
                kept.append(Misspelling(start, start + len(word.word), word.word))
        self._misspellings = kept

    def _spelling_checked(self, request: int, found: list[Misspelling]) -> None:
        if request != self._spelling_request:
            return  # the draft changed since; a newer check is on its way
        self._misspellings = found
        self._highlight()

    def misspelling_at(self, position: int) -> Misspelling | None:
        """The misspelt word at a Qt document position, if any."""
        to_qt = QtPositions(self.text())
        return next((m for m in self._misspellings if to_qt(m.start) <= position <= to_qt(m.end)), None)

    def context_menu(self, point: QPoint) -> QMenu:
        """The edit's menu, headed by suggestions and "Add to dictionary" for a misspelt word at ``point``."""
        menu = self.edit.createStandardContextMenu(point)
        word = self.misspelling_at(self.edit.cursorForPosition(point).position())
        if word is None:
            return menu
        first = menu.actions()[0] if menu.actions() else None
        for suggestion in self.spelling.suggestions(word.word):
            action = menu.addAction(suggestion)
            action.triggered.connect(functools.partial(self._correct, word, suggestion))
            menu.insertAction(first, action)
        add = menu.addAction(self.tr("Add to dictionary"))
        add.setObjectName("addToDictionary")
        add.triggered.connect(functools.partial(self.add_to_dictionary, word.word))
        menu.insertAction(first, add)
        menu.insertSeparator(first)
        return menu

    def add_to_dictionary(self, word: str) -> None:
        """Never mark this word again (the profile's word list keeps it)."""
        self.spelling.add_word(word)
        self._misspellings = [m for m in self._misspellings if m.word != word]
        self._highlight()

    def _correct(self, word: Misspelling, suggestion: str) -> None:
        if self.text()[word.start : word.end] == word.word:
            self._replace(word.start, word.end, suggestion)

    def _show_context_menu(self, point: QPoint) -> None:
        menu = self.context_menu(point)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.edit.mapToGlobal(point))
