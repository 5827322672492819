"""What a user can do, as coroutines the window (and scripts) call: reads off the GUI thread,
writes through the outbox, and every write says what changed and wakes the engine."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from agentdesk.core.channels import Audience, Channel
from agentdesk.core.commands import Command, CommandKind
from agentdesk.core.entities import Conversation, ConversationRow, Draft, Queue, Status
from agentdesk.core.escalation import Escalated, EscalationPath, raised_priority
from agentdesk.core.events import ConversationsChanged, OutboxChanged
from agentdesk.core.reports import DateRange, TeamReport
from agentdesk.core.sla import BusinessCalendar, SlaPolicy
from agentdesk.core.team import BoardRow, TeamAgent
from agentdesk.store import SortOrder
from agentdesk.store.reports import read_team_report
from agentdesk.sync.workspace import Workspace


class Operations:
    def __init__(self, workspace: Workspace) -> None:
        self.ws = workspace
        self.store = workspace.store
        self.runner = workspace.runner

    def now(self) -> datetime:
        return self.ws.now()

    # --- reads -------------------------------------------------------------------------------
    async def queue_counts(self) -> dict[Queue, int]:
        return await self.runner.read(self.store.queue_counts, self.ws.me)

    async def conversation_ids(
        self, queue: Queue, order: SortOrder, search: str, topic_id: int | None = None
    ) -> list[int]:
        return await self.runner.read(self.store.conversation_ids, queue, self.ws.me, order, search, topic_id)

    async def rows(self, ids: list[int]) -> list[ConversationRow]:
        return await self.runner.read(self.store.conversation_rows, ids)

    async def conversation(self, conversation_id: int) -> Conversation | None:
        return await self.runner.read(self.store.conversation, conversation_id)

    async def escalations(self) -> list[Escalated]:
        return await self.runner.read(self.store.escalations)

    async def draft(self, conversation_id: int) -> Draft | None:
        return await self.runner.read(self.store.draft, conversation_id)

    async def monitoring_reasons(self, conversation_id: int) -> list[str]:
        return await self.runner.read(self.store.monitoring_reasons, conversation_id)

    async def outbox_counts(self) -> dict[str, int]:
        counts = await self.runner.read(self.store.outbox_counts)
        return {state.value: n for state, n in counts.items()}

    async def team_report(self, days: DateRange, policy: SlaPolicy, calendar: BusinessCalendar) -> TeamReport:
        """The supervisor's chart numbers for ``days``, read and computed on a reader thread."""
        return await self.runner.read(read_team_report, self.store, days, policy, calendar, self.now())

    # --- writes ------------------------------------------------------------------------------
    async def save_draft(self, conversation_id: int, text: str, audience: Audience) -> None:
        await self.runner.write(self.store.save_draft, conversation_id, text, audience, self.now())

    async def set_form_of_address(self, conversation: Conversation, form: str) -> None:
        """Remember Sie or du for this customer, so the next template fits without asking."""
        await self.runner.write(self.store.set_form_of_address, conversation.customer.id, form)
        self._changed(conversation.id)

    async def mark_read(self, conversation_id: int) -> None:
        await self.runner.write(self.store.mark_read, conversation_id)
        self.ws.hub.publish(ConversationsChanged(frozenset({conversation_id}), membership=False))

    async def send(
        self,
        conversation_id: int,
        text: str,
        audience: Audience,
        *,
        note: bool = False,
        confirmed: Sequence[str] = (),
        thread: str = "",
    ) -> Command:
        """A reply or note through the outbox. ``confirmed``: the warnings the agent sent anyway
        (kept with the command); ``thread``: "2/3" for a part of a split reply."""
        kind = CommandKind.NOTE if note else CommandKind.REPLY
        payload = {"text": text, "audience": audience.value}
        if confirmed:
            payload["confirmed_warnings"] = ",".join(confirmed)
        if thread:
            payload["thread"] = thread
        return await self._perform(conversation_id, kind, payload)

    async def assign_to_me(self, conversation_id: int) -> Command:
        return await self._perform(conversation_id, CommandKind.ASSIGN, {"assignee": self.ws.me})

    async def set_status(self, conversation_id: int, status: Status) -> Command:
        return await self._perform(conversation_id, CommandKind.SET_STATUS, {"status": status.value})

    async def escalate(self, conversation_id: int, path: EscalationPath, reason: str, note: str) -> Command:
        """Hand a conversation up ``path``: one command carries the private ``note`` (the path and the
        reason in words), the assignment to the path's team or person and the raised priority. The
        note goes last, so finding it on the source proves all of it arrived: exactly once."""
        conversation = await self.conversation(conversation_id)
        payload = {"path": path.id, "reason": reason, "text": note}
        payload["team" if path.team else "assignee"] = path.team or path.person
        priority = raised_priority(conversation.priority if conversation else "", path.priority)
        if priority:
            payload["priority"] = priority
        if path.notify:
            payload["notify"] = "1"
        return await self._perform(conversation_id, CommandKind.ESCALATE, payload)

    async def retry(self, command_id: int) -> None:
        conversation_id = await self.runner.write(self.store.retry_command, command_id, self.now())
        self._changed(conversation_id, outbox=True)

    async def discard(self, command_id: int) -> str:
        """Drop a failed send; returns its text so the editor can take it back (nothing is lost)."""
        conversation_id, text = await self.runner.write(self.store.discard_command, command_id)
        self._changed(conversation_id, outbox=True)
        return text

    async def command_for_message(self, message_id: int) -> int | None:
        return await self.runner.read(self.store.command_for_message, message_id)

    # --- the team (supervisor's desk) -------------------------------------------------------------
    async def team_board(self, policy: SlaPolicy, calendar: BusinessCalendar) -> list[BoardRow]:
        return await self.runner.read(self.store.team_board, self.now(), policy, calendar)

    async def team_agents(self) -> list[TeamAgent]:
        return await self.runner.read(self.store.team_agents)

    async def open_load(self) -> dict[str, int]:
        return await self.runner.read(self.store.open_load)

    async def agent_queue_ids(self, assignee: str) -> list[int]:
        return await self.runner.read(self.store.agent_queue_ids, assignee)

    async def keep_under_new_name(self, old: str, new: str) -> int:
        """The agent renamed themselves: what was assigned to the old name is assigned to the new
        one (through the outbox, so the sandbox's team and the sources learn it), or it would drop
        out of *Mine*. Returns how many conversations moved."""
        ids = await self.runner.read(self.store.unfinished_ids, old) if old.strip() and old != new else []
        await self.reassign(ids, new)
        return len(ids)

    async def needs_of(self, ids: list[int]) -> tuple[set[Channel], set[str]]:
        """The channels and languages of these conversations, for reassignment suggestions."""
        return await self.runner.read(self.store.needs_of, ids)

    async def reassign(self, ids: Sequence[int], assignee: str, note: str = "") -> list[Command]:
        """Hand conversations to a colleague ("" : back to the pool), each through the outbox; a
        note goes first as a private note on every one, so whoever opens it reads why."""
        commands: list[Command] = []
        for conversation_id in ids:
            if note.strip():
                payload = {"text": note.strip(), "audience": Audience.PRIVATE.value}
                commands.append(await self._write(conversation_id, CommandKind.NOTE, payload))
            if assignee:
                commands.append(await self._write(conversation_id, CommandKind.ASSIGN, {"assignee": assignee}))
            else:
                commands.append(await self._write(conversation_id, CommandKind.UNASSIGN, {}))
        if ids:
            self.ws.hub.publish(ConversationsChanged(frozenset(ids)))
            self.ws.hub.publish(OutboxChanged(ids[-1]))
            self.ws.engine.wake()
        return commands

    async def _write(self, conversation_id: int, kind: CommandKind, payload: dict[str, str]) -> Command:
        return await self.runner.write(self.store.perform, conversation_id, kind, payload, self.now(), self.ws.me)

    async def _perform(self, conversation_id: int, kind: CommandKind, payload: dict[str, str]) -> Command:
        command = await self._write(conversation_id, kind, payload)
        self._changed(conversation_id, outbox=True)
        return command

    def _changed(self, conversation_id: int, *, outbox: bool = False) -> None:
        self.ws.hub.publish(ConversationsChanged(frozenset({conversation_id})))
        if outbox:
            self.ws.hub.publish(OutboxChanged(conversation_id))
            self.ws.engine.wake()
