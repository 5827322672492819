"""What happens between Send and the outbox: the warnings the agent confirmed are recorded with
the reply, a thread goes out as numbered replies in order, and if someone else changed the
conversation while the agent was writing, Send first says what changed and asks.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from agentdesk.core.channels import Audience
from agentdesk.core.conflicts import ChangesWhileWriting, SeenState, changes_since
from agentdesk.core.entities import Conversation
from agentdesk.sync.operations import Operations
from agentdesk.ui.reply_editor import ReplyEditor
from agentdesk.ui.task_runner import TaskRunner


class SendFlow(QObject):
    def __init__(
        self,
        editor: ReplyEditor,
        ops: Operations,
        tasks: TaskRunner,
        editor_for: Callable[[], int | None],  # the conversation whose draft the editor holds
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._editor, self._ops, self._tasks, self._editor_for = editor, ops, tasks, editor_for
        self._window = parent
        self._seen: SeenState | None = None
        self._confirmed: list[str] = []
        editor.warnings_confirmed.connect(self._remember_confirmed)
        editor.send_requested.connect(self.send)
        editor.thread_requested.connect(self.send_thread)

    # --- what the agent saw -------------------------------------------------------------------------
    def opened(self, conversation: Conversation) -> None:
        """A conversation was opened (or the agent changed it): this is what they now know."""
        self._seen = SeenState.of(conversation)

    def changes(self, conversation: Conversation) -> ChangesWhileWriting:
        if self._seen is None:
            return ChangesWhileWriting()
        return changes_since(self._seen, conversation, self._ops.ws.me)

    def describe(self, changes: ChangesWhileWriting) -> str:
        parts = []
        if changes.new_assignee is not None:
            parts.append(
                self.tr("it was assigned to {name}").replace("{name}", changes.new_assignee)
                if changes.new_assignee
                else self.tr("it was unassigned")
            )
        if changes.new_status is not None:
            parts.append(self.tr("its status is now “{status}”").replace("{status}", changes.new_status.value))
        if changes.customer_messages:
            parts.append(
                self.tr("the customer wrote {n} more message(s)").replace("{n}", str(changes.customer_messages))
            )
        if changes.colleague_replies:
            parts.append(self.tr("{names} answered").replace("{names}", ", ".join(changes.colleague_replies)))
        return self.tr("While you were writing: {what}.").replace("{what}", "; ".join(parts))

    # --- sending ------------------------------------------------------------------------------------------
    def _remember_confirmed(self, codes: list[str]) -> None:
        self._confirmed = list(codes)

    def send(self, text: str, audience: Audience, note: bool) -> None:
        self._tasks.run(self._send(self._editor_for(), [text], audience, note), what="sending")

    def send_thread(self, parts: list[str], audience: Audience) -> None:
        self._tasks.run(self._send(self._editor_for(), list(parts), audience, False), what="sending the thread")

    async def _send(self, conversation_id: int | None, parts: list[str], audience: Audience, note: bool) -> None:
        """``conversation_id``: whose text it was when Send was pressed, wherever the agent is now."""
        confirmed, self._confirmed = self._confirmed, []
        if conversation_id is None:
            return
        current = await self._ops.conversation(conversation_id)
        if current is None:
            return
        changes = self.changes(current)
        if changes and not note and not await self._confirm(self.describe(changes)):
            return  # the text stays in the editor
        if self._editor_for() == conversation_id:
            self._editor.set_text("")
        else:  # the agent moved on meanwhile: that editor's draft stays, the sent text is no draft
            await self._ops.save_draft(conversation_id, "", audience)
        for number, text in enumerate(parts, start=1):
            thread = f"{number}/{len(parts)}" if len(parts) > 1 else ""
            await self._ops.send(conversation_id, text, audience, note=note, confirmed=confirmed, thread=thread)
        self._seen = SeenState.of(await self._ops.conversation(conversation_id) or current)

    async def _confirm(self, question: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Send anyway?"), question, parent=self._window)
        send = box.addButton(self.tr("Send anyway"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        answer: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        box.finished.connect(lambda _r: answer.done() or answer.set_result(box.clickedButton() is send))
        box.open()  # never exec(): no nested event loop under qasync
        return await answer
