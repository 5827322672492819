"""Templates in the agent window: Ctrl+T or "/" opens the picker, Alt+1…6 switches the tone of
the inserted template, the company folder is watched and reloaded, and the customer's Sie/du is
remembered once chosen.

Chatwoot canned responses come from the files the sync engine saves; they are read again when
the engine says they changed (``canned_changed``), so an open picker or manager shows them at
once, and nothing reads the disk each time the picker opens."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import Executor
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer

from agentdesk.core.entities import Conversation
from agentdesk.sync.canned import CannedResponseFiles, canned_language
from agentdesk.sync.operations import Operations
from agentdesk.templates.canned_responses import canned_response_templates
from agentdesk.templates.library import TemplateLibrary, bundled_dir, company_dir
from agentdesk.templates.model import LoadError, Template, Tone
from agentdesk.ui.message_bar import MessageBar
from agentdesk.ui.reply_editor import ReplyEditor
from agentdesk.ui.task_runner import TaskRunner

if TYPE_CHECKING:
    from agentdesk.ui.template_manager import TemplateManager
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
        self._picker: TemplatePickerType | None = None
        self._manager: TemplateManager | None = None
        self._files = files
        self._watcher = QFileSystemWatcher(self)
        self._reload_timer = QTimer(self, singleShot=True, interval=300)
        self._reload_timer.timeout.connect(self.reload)
        self._watcher.directoryChanged.connect(lambda _p: self._reload_timer.start())
        self._watcher.fileChanged.connect(lambda _p: self._reload_timer.start())

    # --- loading ------------------------------------------------------------------------------
    async def load(self) -> None:
        """Read bundled, company and canned templates off the GUI thread; say what could not be read."""
        library, canned_errors = await asyncio.get_running_loop().run_in_executor(self._files, self._read_all)
        self._use(library)
        self._tell_skipped(library.errors + canned_errors)

    def reload(self) -> None:
        self._tasks.run(self._reload(), what="reloading templates")

    def canned_changed(self) -> None:
        """The engine saved other canned responses (or an account left): read the whole library again.

        Runs even before ``load`` finished: the files executor has one thread, so the later read wins.
        """
        self._tasks.run(self._reload_canned(), what="reading Chatwoot canned responses")

    async def _reload(self) -> None:
        if self.library is None:
            return
        self._use(await asyncio.get_running_loop().run_in_executor(self._files, self.library.reload))

    async def _reload_canned(self) -> None:
        library, canned_errors = await asyncio.get_running_loop().run_in_executor(self._files, self._read_all)
        self._use(library)
        self._tell_skipped(canned_errors)

    def _read_all(self) -> tuple[TemplateLibrary, tuple[LoadError, ...]]:
        """(files thread) The library with every account's saved canned responses, and those skipped."""
        self._folder.mkdir(parents=True, exist_ok=True)
        ws = self._ops.ws
        canned, errors = canned_response_templates(
            CannedResponseFiles(ws.data_dir).load(), language=canned_language(ws.settings)
        )
        return TemplateLibrary.load(bundled_dir(), self._folder, canned), errors

    def _use(self, library: TemplateLibrary) -> None:
        self.library = library
        self._watch()
        for dialog in (self._picker, self._manager):
            if dialog is not None:
                dialog.set_library(library)

    def _tell_skipped(self, errors: tuple[LoadError, ...]) -> None:
        for error in errors:
            self._messages.show_message(self.tr("A template was skipped: {0}").replace("{0}", str(error)))

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
        manager.finished.connect(lambda _r: setattr(self, "_manager", None))
        self._manager = manager
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
