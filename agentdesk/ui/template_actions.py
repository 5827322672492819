"""Templates in the agent window: Ctrl+T or "/" opens the picker, Alt+1…6 switches the tone of
the inserted template, the company folder is watched and reloaded, and the customer's Sie/du is
remembered once chosen."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import Executor
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer
from PySide6.QtWidgets import QDialog

from agentdesk.core.entities import Conversation
from agentdesk.sync.operations import Operations
from agentdesk.templates.library import TemplateLibrary, bundled_dir, company_dir
from agentdesk.templates.model import Template, Tone
from agentdesk.ui.message_bar import MessageBar
from agentdesk.ui.reply_editor import ReplyEditor
from agentdesk.ui.task_runner import TaskRunner

if TYPE_CHECKING:
    from agentdesk.ui.template_picker import TemplatePicker as TemplatePickerType

#: Alt+1 … Alt+6, in this order.
TONE_KEYS: tuple[Tone, ...] = tuple(Tone)


class TemplateActions(QObject):
    def __init__(
        self,
        editor: ReplyEditor,
        ops: Operations,
        tasks: TaskRunner,
        messages: MessageBar,
        conversation: Callable[[], Conversation | None],
        files: Executor,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._editor, self._ops, self._tasks, self._messages = editor, ops, tasks, messages
        self._conversation = conversation
        self._folder = company_dir(ops.ws.data_dir)
        self.library: TemplateLibrary | None = None
        self._inserted: tuple[Template, dict[str, str], str] | None = None  # template, values, text
        self._picker: QDialog | None = None
        self._files = files
        self._watcher = QFileSystemWatcher(self)
        self._reload_timer = QTimer(self, singleShot=True, interval=300)
        self._reload_timer.timeout.connect(self.reload)
        self._watcher.directoryChanged.connect(lambda _p: self._reload_timer.start())
        self._watcher.fileChanged.connect(lambda _p: self._reload_timer.start())

    # --- loading ------------------------------------------------------------------------------
    async def load(self) -> None:
        """Read the bundled and company templates off the GUI thread; say what could not be read."""
        self._folder.mkdir(parents=True, exist_ok=True)
        self.library = await asyncio.get_running_loop().run_in_executor(
            self._files, TemplateLibrary.load, bundled_dir(), self._folder
        )
        self._watch()
        for error in self.library.errors:
            self._messages.show_message(self.tr("A template was skipped: {0}").replace("{0}", str(error)))

    def reload(self) -> None:
        self._tasks.run(self._reload(), what="reloading templates")

    async def _reload(self) -> None:
        if self.library is None:
            return
        self.library = await asyncio.get_running_loop().run_in_executor(self._files, self.library.reload)
        self._watch()
        if self._picker is not None:
            self._picker.set_library(self.library)

    def _watch(self) -> None:
        paths = [str(self._folder), *(str(p) for p in Path(self._folder).glob("*.md"))]
        stale = set(self._watcher.files() + self._watcher.directories()) - set(paths)
        if stale:
            self._watcher.removePaths(list(stale))
        fresh = [p for p in paths if p not in self._watcher.files() + self._watcher.directories()]
        if fresh:
            self._watcher.addPaths(fresh)

    # --- the picker -----------------------------------------------------------------------------
    def open_picker(self) -> None:
        conversation = self._conversation()
        if conversation is None or self.library is None:
            return
        from agentdesk.ui.template_picker import TemplatePicker  # the dialogs load on first use

        address = self._address(conversation)
        picker = TemplatePicker(
            self.library,
            channel=conversation.channel,
            audience=self._editor.audience(),
            language=conversation.language or conversation.customer.language or "de",
            address=address,
            variables=self._values(conversation),
            parent=self._editor.window(),
        )
        picker.template_chosen.connect(lambda template_id, text: self._insert(picker, template_id, text))
        picker.finished.connect(lambda _r: setattr(self, "_picker", None))
        self._picker = picker
        picker.open()  # never exec(): no nested event loop under qasync

    def _insert(self, picker: TemplatePickerType, template_id: str, text: str) -> None:
        template = self.library.get(template_id) if self.library else None
        if template is None:
            return
        self._inserted = (template, picker.values(), text)
        self._editor.set_text(text)
        self._editor.draft_edited.emit()
        self._editor.focus_editor()
        conversation = self._conversation()
        if conversation is not None and template.address and template.address != conversation.customer.form_of_address:
            self._tasks.run(self._ops.set_form_of_address(conversation, template.address), what="remembering Sie/du")

    def switch_tone(self, tone: Tone) -> None:
        """Swap the inserted template for its family member in another tone, with the same values."""
        conversation = self._conversation()
        if self._inserted is None or conversation is None or self.library is None:
            return
        template, values, text = self._inserted
        if self._editor.text() != text:
            self._messages.show_message(self.tr("The reply was edited, so its tone is not switched."))
            return
        other = self.library.switch_tone(template, tone)
        if other is None:
            self._messages.show_message(self.tr("This template has no version in that tone."))
            return
        from agentdesk.templates.rendering import render

        rendered = render(other, conversation.channel, values)
        self._inserted = (other, values, rendered.text)
        self._editor.set_text(rendered.text)
        self._editor.draft_edited.emit()

    def forget_inserted(self) -> None:
        self._inserted = None

    def manage(self) -> None:
        if self.library is None:
            return
        from agentdesk.ui.template_manager import TemplateManager

        conversation = self._conversation()
        manager = TemplateManager(
            self.library,
            self._folder,
            variables=self._values(conversation) if conversation else None,
            parent=self._editor.window(),
        )
        manager.library_changed.connect(self._library_changed)
        manager.open()

    def _library_changed(self, library: TemplateLibrary) -> None:
        self.library = library
        self._watch()

    def _values(self, conversation: Conversation) -> dict[str, str]:
        from agentdesk.templates.variables import variables_for

        settings = self._ops.ws.settings
        return variables_for(conversation, settings.agent_name, settings.company_name, {})

    def _address(self, conversation: Conversation) -> str:
        known = conversation.customer.form_of_address
        if known:
            return known
        return self._ops.ws.settings.default_form_of_address.get(conversation.channel.value, "sie")
