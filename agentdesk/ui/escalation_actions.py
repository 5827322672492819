"""Escalating in the agent window: the company's paths (read off the GUI thread), the dialog on
the shown conversation (Shift+E), and the one call both the dialog and the storm banner use.

A broken ``escalation.toml`` is named in the message bar with its line; the bundled paths apply
until it is fixed, as with the guidelines file.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from concurrent.futures import Executor
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from agentdesk.core.entities import Conversation
from agentdesk.core.escalation import EscalationError, EscalationPath, EscalationPaths, paths_or_default
from agentdesk.resources import read_text
from agentdesk.sync.operations import Operations
from agentdesk.ui.message_bar import MessageBar
from agentdesk.ui.task_runner import TaskRunner
from agentdesk.ui.translations import ui_language

ESCALATION_FILE = "escalation.toml"


def _read(data_dir: Path) -> tuple[EscalationPaths, EscalationError | None]:
    path = data_dir / ESCALATION_FILE
    bundled = read_text(ESCALATION_FILE)
    try:
        text = path.read_text(encoding="utf-8") if path.exists() else None
    except (OSError, UnicodeDecodeError) as exc:
        return paths_or_default(None, str(path), bundled)[0], EscalationError(str(path), None, str(exc))
    return paths_or_default(text, str(path), bundled)


OwnChange = Callable[[Awaitable[object]], Awaitable[None]]


class EscalationActions(QObject):
    def __init__(
        self,
        ops: Operations,
        tasks: TaskRunner,
        messages: MessageBar,
        files: Executor,
        shown: Callable[[], Conversation | None],
        own_change: OwnChange,
        parent: QWidget,
    ) -> None:
        """``own_change`` wraps the agent's own write, so Send does not report it as a colleague's."""
        super().__init__(parent)
        self._ops, self._tasks, self._messages, self._files = ops, tasks, messages, files
        self._shown, self._own_change = shown, own_change
        self._window = parent
        self._loading: asyncio.Future[EscalationPaths] | None = None
        self.dialog: QWidget | None = None

    async def paths(self) -> EscalationPaths:
        """The company's paths, read once (off the GUI thread); a broken file is named, once."""
        if self._loading is None:
            self._loading = asyncio.ensure_future(self._load())
        return await asyncio.shield(self._loading)

    async def _load(self) -> EscalationPaths:
        loop = asyncio.get_running_loop()
        paths, error = await loop.run_in_executor(self._files, _read, self._ops.ws.data_dir)
        if error is not None:
            self._messages.show_message(
                self.tr("{reason}. The standard escalation paths apply until it is fixed.").replace(
                    "{reason}", str(error)
                )
            )
        return paths

    def title(self, path: EscalationPath) -> str:
        return path.title(ui_language())

    # --- the dialog on the shown conversation ---------------------------------------------------------
    def open_dialog(self) -> None:
        """Shift+E or the Escalate button: pick a path, say why."""
        conversation = self._shown()
        if conversation is None:
            self._messages.show_message(self.tr("Open a conversation first, then escalate it."))
            return
        self._tasks.run(self._open_dialog(conversation), what="opening the escalation")

    async def _open_dialog(self, conversation: Conversation) -> None:
        from agentdesk.ui.escalation_dialog import EscalationDialog

        dialog = EscalationDialog((await self.paths()).paths, self.title, conversation.escalation, self._window)
        dialog.chosen.connect(
            lambda path, reason: self._tasks.run(self._escalate_one(conversation.id, path, reason), what="escalating")
        )
        self.dialog = dialog
        dialog.open()  # never exec(): no nested event loop under qasync

    async def _escalate_one(self, conversation_id: int, path: EscalationPath, reason: str) -> None:
        await self.escalate(conversation_id, path, reason)
        self._messages.show_message(self.describe(1, path))

    # --- the one way up -------------------------------------------------------------------------------
    async def escalate(self, conversation_id: int, path: EscalationPath, reason: str) -> None:
        """The note, the assignment and the raised priority as one outbox command."""
        title = self.title(path)
        note = self.tr("Escalated to {path}: {reason}").replace("{path}", title).replace("{reason}", reason.strip())
        await self._own_change(self._ops.escalate(conversation_id, path, reason.strip(), note))

    def describe(self, count: int, path: EscalationPath) -> str:
        whom = path.team or path.person
        text = self.tr("{n} conversations escalated to {path}.") if count != 1 else self.tr("Escalated to {path}.")
        return text.replace("{n}", str(count)).replace("{path}", f"{self.title(path)} ({whom})")
