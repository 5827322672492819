"""Templates in a reply editor: Ctrl+T or "/" opens the picker, Alt+1…6 switches the tone of
the inserted template, the company folder is watched and reloaded, and the customer's Sie/du is
remembered once chosen.

:class:`TemplateActions` reads the library once for the window; :class:`EditorTemplates` binds it
to one editor (the window's, or a training practice's), so every editor inserts alike.

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
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

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


class EditorTemplates(QObject):
    """The picker and the tone switch for one reply editor, filled from ``conversation()``.

    ``remember_address`` keeps the Sie/du of a chosen template for the customer (None: nothing is
    kept, as in a practice, whose customer is the scenario's).
    """

    def __init__(
        self,
        editor: ReplyEditor,
        library: Callable[[], TemplateLibrary | None],
        conversation: Callable[[], Conversation | None],
        values: Callable[[Conversation], dict[str, str]],
        address: Callable[[Conversation], str],
        messages: MessageBar,
        remember_address: Callable[[Conversation, str], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._editor, self._library, self._conversation = editor, library, conversation
        self._values, self._address, self._messages = values, address, messages
        self._remember_address = remember_address
        self._inserted: tuple[Template, dict[str, str], str] | None = None  # template, values, text
        self.picker: TemplatePickerType | None = None
        editor.draft_edited.connect(self._draft_edited)

    def install_keys(self, window: QWidget) -> None:
        """Ctrl+T and Alt+1…6 in a window that has no menu action for them (the agent window has)."""
        QShortcut(QKeySequence("Ctrl+T"), window, activated=self.open_picker)
        for number, tone in enumerate(TONE_KEYS, start=1):
            QShortcut(QKeySequence(f"Alt+{number}"), window, activated=lambda tone=tone: self.switch_tone(tone))

    def _draft_edited(self) -> None:
        if self._editor.text() == "/":  # "/" at the start of an empty reply: the template picker
            self._editor.set_text("")
            self.open_picker()

    def open_picker(self) -> None:
        conversation = self._conversation()
        library = self._library()
        if conversation is None or library is None or not self._editor.isEnabled():
            return
        from agentdesk.ui.template_picker import TemplatePicker  # the dialogs load on first use

        picker = TemplatePicker(
            library,
            channel=conversation.channel,
            audience=self._editor.audience(),
            language=conversation.language or conversation.customer.language or "de",
            address=self._address(conversation),
            variables=self._values(conversation),
            parent=self._editor.window(),
        )
        picker.template_chosen.connect(lambda template_id, text: self._insert(picker, template_id, text))
        picker.finished.connect(lambda _r: setattr(self, "picker", None))
        self.picker = picker
        picker.open()  # never exec(): no nested event loop under qasync

    def _insert(self, picker: TemplatePickerType, template_id: str, text: str) -> None:
        library = self._library()
        template = library.get(template_id) if library else None
        if template is None:
            return
        self._inserted = (template, picker.values(), text)
        self._editor.set_text(text)
        self._editor.draft_edited.emit()
        self._editor.focus_editor()
        conversation = self._conversation()
        if (
            self._remember_address is not None
            and conversation is not None
            and template.address
            and template.address != conversation.customer.form_of_address
        ):
            self._remember_address(conversation, template.address)

    def switch_tone(self, tone: Tone) -> None:
        """Swap the inserted template for its family member in another tone, with the same values."""
        conversation = self._conversation()
        library = self._library()
        if self._inserted is None or conversation is None or library is None:
            return
        template, values, text = self._inserted
        if self._editor.text() != text:
            self._messages.show_message(self.tr("The reply was edited, so its tone is not switched."))
            return
        other = library.switch_tone(template, tone)
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


class TemplateActions(QObject):
    """The window's template library (bundled, company, canned) and the window editor's templates."""

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
        self._bindings: list[EditorTemplates] = []
        self.editor_templates = self.for_editor(editor, conversation, remember_address=self._remember_address)
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
        for dialog in (*(b.picker for b in self._bindings), self._manager):
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

    # --- editors ------------------------------------------------------------------------------
    def for_editor(
        self,
        editor: ReplyEditor,
        conversation: Callable[[], Conversation | None],
        *,
        values: Callable[[Conversation], dict[str, str]] | None = None,
        remember_address: Callable[[Conversation, str], None] | None = None,
    ) -> EditorTemplates:
        """Templates from this library for another editor (a practice's); gone when the editor is."""
        binding = EditorTemplates(
            editor,
            lambda: self.library,
            conversation,
            values or self.values,
            self._address,
            self._messages,
            remember_address,
            editor,
        )
        self._bindings.append(binding)
        binding.destroyed.connect(lambda _o=None, binding=binding: self._bindings.remove(binding))
        return binding

    def open_picker(self) -> None:
        self.editor_templates.open_picker()

    def switch_tone(self, tone: Tone) -> None:
        self.editor_templates.switch_tone(tone)

    def forget_inserted(self) -> None:
        self.editor_templates.forget_inserted()

    def _remember_address(self, conversation: Conversation, address: str) -> None:
        self._tasks.run(self._ops.set_form_of_address(conversation, address), what="remembering Sie/du")

    def manage(self) -> None:
        if self.library is None:
            return
        from agentdesk.ui.template_manager import TemplateManager

        conversation = self._conversation()
        manager = TemplateManager(
            self.library,
            self._folder,
            variables=self.values(conversation) if conversation else None,
            parent=self._editor.window(),
        )
        manager.library_changed.connect(self._library_changed)
        manager.finished.connect(lambda _r: setattr(self, "_manager", None))
        self._manager = manager
        manager.open()

    def _library_changed(self, library: TemplateLibrary) -> None:
        self.library = library
        self._watch()

    def values(self, conversation: Conversation) -> dict[str, str]:
        """The built-in variables for ``conversation``: the customer's, the agent's, the company's."""
        from agentdesk.templates.variables import variables_for

        settings = self._ops.ws.settings
        return variables_for(conversation, settings.agent_name, settings.company_name, {})

    def _address(self, conversation: Conversation) -> str:
        known = conversation.customer.form_of_address
        if known:
            return known
        return self._ops.ws.settings.default_form_of_address.get(conversation.channel.value, "sie")
