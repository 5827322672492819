"""Outside opening hours the editor offers the bundled *out-of-hours* reply: a line above the
reply editor with a button (and Ctrl+Shift+O), never inserted by itself.

Offered when a conversation is opened while the desk is closed (the workspace clock, simulated in
the sandbox) and its reply is empty; never inside opening hours, never over a draft. The reply
is the template in the conversation's language and Sie/du, with the opening hours filled in.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from agentdesk.core.entities import Conversation, Status
from agentdesk.core.notifications import working_hours_words
from agentdesk.core.sla import Language, is_open
from agentdesk.store.profile import Settings
from agentdesk.templates.model import Template
from agentdesk.ui.message_bar import MessageBar
from agentdesk.ui.reply_editor import ReplyEditor
from agentdesk.ui.service_levels import ServiceLevels
from agentdesk.ui.template_actions import TemplateActions

INTENT = "out-of-hours"
KEY = "Ctrl+Shift+O"
_CLOSED_STATES = (Status.RESOLVED, Status.SPAM)


class OutOfHoursOffer(QWidget):
    """The offer line; it places itself right above ``editor`` in the editor's own layout."""

    def __init__(
        self,
        editor: ReplyEditor,
        templates: TemplateActions,
        levels: ServiceLevels,
        now: Callable[[], datetime],
        conversation: Callable[[], Conversation | None],
        messages: MessageBar,
        settings: Settings,
    ) -> None:
        super().__init__()
        self.setObjectName("outOfHoursOffer")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # the style sheet's background
        self._editor, self._templates, self._levels = editor, templates, levels
        self._now, self._conversation, self._messages = now, conversation, messages
        self._settings = settings
        self.label = QLabel(self.tr("🌙 Outside opening hours: let the customer know when you answer."))
        self.label.setWordWrap(True)
        self.button = QPushButton(self.tr("Insert out-of-hours reply"))
        self.button.setToolTip(self.tr("Insert out-of-hours reply (Ctrl+Shift+O)"))
        self.button.clicked.connect(self.insert)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.setStyleSheet("#outOfHoursOffer { background: #EEF1F8; border: 1px solid #A9B7D6; border-radius: 4px; }")
        host = editor.parentWidget()
        around = host.layout() if host is not None else None
        if isinstance(around, QBoxLayout):
            around.insertWidget(around.indexOf(editor), self)
        editor.draft_edited.connect(self._edited)
        self.hide()

    def check(self) -> None:
        """After a conversation is shown: offer the reply when the desk is closed and nothing is written."""
        conversation = self._conversation()
        offered = (
            conversation is not None
            and conversation.status not in _CLOSED_STATES
            and not self._editor.text().strip()
            and not is_open(self._now(), self._levels.calendar)
        )
        self.setVisible(offered)

    def _edited(self) -> None:
        if self._editor.text().strip():
            self.hide()

    def insert(self) -> None:
        """Button or Ctrl+Shift+O: the out-of-hours reply into an empty editor (a draft is never replaced)."""
        conversation = self._conversation()
        library = self._templates.library
        if conversation is None or not self._editor.isEnabled():
            return
        if self._editor.text().strip():
            self._messages.show_message(
                self.tr("The reply already has text, so the out-of-hours reply is not inserted.")
            )
            return
        language = conversation.language or conversation.customer.language or "de"
        template = self.template_for(conversation, language)
        if library is None or template is None:
            self._messages.show_message(self.tr("There is no out-of-hours template for this conversation's language."))
            return
        from agentdesk.templates.rendering import render

        words_language: Language = "de" if template.language == "de" else "en"
        values = self._templates.values(conversation) | {
            "opening_hours": working_hours_words(self._levels.calendar, words_language)
        }
        self._editor.set_text(render(template, conversation.channel, values).text)
        self._editor.draft_edited.emit()
        self._editor.focus_editor()
        self.hide()

    def template_for(self, conversation: Conversation, language: str) -> Template | None:
        """The out-of-hours template in ``language`` and the customer's Sie/du (any, if unknown)."""
        library = self._templates.library
        if library is None:
            return None
        defaults = self._settings.default_form_of_address
        address = conversation.customer.form_of_address or defaults.get(conversation.channel.value, "sie")
        fitting = library.matching(language=language, channel=conversation.channel, address=address)
        return next((t for t in fitting if t.intent == INTENT), None)
