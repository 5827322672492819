"""The right pane: header, the whole thread, the customer card, the reply editor and actions.

It shows what it is given and emits what the agent asks for; the window does the work.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from html import escape

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from agentdesk.core.channels import CHANNEL_NAMES, Audience
from agentdesk.core.entities import Conversation
from agentdesk.ui.channel_badges import channel_pixmap
from agentdesk.ui.monitoring_bar import MonitoringBar
from agentdesk.ui.reply_editor import ReplyEditor
from agentdesk.ui.thread_html import ACTION_SCHEME, thread_html
from agentdesk.ui.time_words import message_time


class ConversationPane(QStackedWidget):
    assign_to_me = Signal()
    resolve = Signal()
    mark_spam = Signal()
    escalate = Signal()
    message_action = Signal(str, int)  # "retry" | "edit" | "discard", message id

    def __init__(self, now: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._now = now
        self.conversation: Conversation | None = None

        self.placeholder = QLabel(self.tr("Pick a conversation on the left (j / k)."))
        self.placeholder.setObjectName("placeholder")
        self.placeholder.setWordWrap(True)
        self.addWidget(self.placeholder)

        page = QWidget()
        self.badge = QLabel()
        self.title = QLabel()
        self.title.setObjectName("conversationTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("conversationSubtitle")
        self.assign_button = QPushButton(self.tr("Assign to me"))
        self.assign_button.setToolTip(self.tr("Assign to me (Shift+A)"))
        self.resolve_button = QPushButton(self.tr("Resolve"))
        self.resolve_button.setToolTip(self.tr("Resolve (e)"))
        self.spam_button = QPushButton(self.tr("Spam"))
        self.spam_button.setToolTip(self.tr("Mark as spam (s)"))
        self.escalate_button = QPushButton(self.tr("Escalate …"))
        self.escalate_button.setToolTip(self.tr("Escalate to a team or person (Shift+E)"))

        self.thread = QTextBrowser()
        self.thread.setObjectName("thread")
        self.thread.setOpenLinks(False)  # never navigates inside the app; see _link_clicked
        self.thread.setOpenExternalLinks(False)
        self.thread.anchorClicked.connect(self._link_clicked)
        self.thread.setAccessibleName(self.tr("Thread"))

        self.customer_card = QLabel()
        self.customer_card.setObjectName("customerCard")
        self.customer_card.setWordWrap(True)
        self.customer_card.setFrameShape(QFrame.Shape.StyledPanel)
        self.customer_card.setMargin(6)

        self.editor = ReplyEditor()

        header = QHBoxLayout()
        header.addWidget(self.badge)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        header.addLayout(titles, 1)
        for button in (self.assign_button, self.resolve_button, self.spam_button, self.escalate_button):
            header.addWidget(button)

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.customer_card)
        lower_layout.addWidget(self.editor, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.thread)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addLayout(header)
        self.monitoring = MonitoringBar()
        layout.addWidget(self.monitoring)
        layout.addWidget(split, 1)
        self.addWidget(page)
        self.page = page

        self.assign_button.clicked.connect(self.assign_to_me)
        self.resolve_button.clicked.connect(self.resolve)
        self.spam_button.clicked.connect(self.mark_spam)
        self.escalate_button.clicked.connect(self.escalate)

    def show_conversation(self, conversation: Conversation, me: str, *, same_as_before: bool, due: str = "") -> None:
        """Show (or refresh) a conversation; a refresh keeps the editor and the scroll position."""
        self.conversation = conversation
        self.setCurrentWidget(self.page)
        c = conversation
        self.badge.setPixmap(channel_pixmap(c.channel, 28))
        audience = self.tr("public") if c.audience is Audience.PUBLIC else self.tr("private message")
        who = f"{c.customer.name} ({c.customer.handle})" if c.customer.handle else c.customer.name
        self.title.setText(f"{CHANNEL_NAMES[c.channel]} · {audience} · {who}")
        self.subtitle.setText(" · ".join(part for part in (due, self._status_line(conversation, me)) if part))
        self.assign_button.setEnabled(c.assignee != me)
        bar = self.thread.verticalScrollBar()
        at_bottom = bar.value() >= bar.maximum() - 4
        self.thread.setHtml(thread_html(c, self._now(), message_time))
        if not same_as_before or at_bottom:
            bar.setValue(bar.maximum())
        self.customer_card.setText(self._customer_html(conversation))

    def _status_line(self, c: Conversation, me: str) -> str:
        status = {
            "open": self.tr("open"),
            "pending": self.tr("waiting on customer"),
            "snoozed": self.tr("snoozed"),
            "resolved": self.tr("resolved"),
            "spam": self.tr("spam"),
            "monitoring": self.tr("found by monitoring"),
        }[c.status.value]
        if c.assignee == me:
            owner = self.tr("assigned to me")
        elif c.assignee:
            owner = self.tr("assigned to {name}").replace("{name}", c.assignee)
        else:
            owner = self.tr("unassigned")
        return f"{status} · {owner}"

    def _customer_html(self, c: Conversation) -> str:
        cu = c.customer
        parts = [f"<b>{escape(cu.name)}</b>"]
        if cu.handle:
            parts.append(escape(cu.handle))
        parts.append(escape(CHANNEL_NAMES[cu.channel]))
        if cu.followers:
            parts.append(self.tr("{n} followers").replace("{n}", f"{cu.followers:,}".replace(",", ".")))
        if cu.form_of_address:
            parts.append(self.tr("addressed with Sie") if cu.form_of_address == "sie" else self.tr("addressed with du"))
        earlier = (
            self.tr("{n} earlier conversations").replace("{n}", str(c.earlier_conversations))
            if c.earlier_conversations
            else self.tr("first conversation")
        )
        parts.append(earlier)
        return " · ".join(parts)

    def clear(self) -> None:
        self.conversation = None
        self.setCurrentWidget(self.placeholder)

    def _link_clicked(self, url: QUrl) -> None:
        if url.scheme() == ACTION_SCHEME:
            action, _, message_id = url.path().partition("/")
            if message_id.isdigit():
                self.message_action.emit(action, int(message_id))
        elif url.scheme() in ("http", "https"):
            QDesktopServices.openUrl(url)  # the system browser, only on an explicit click
