"""The sandbox as a Connector: the same protocol a real platform speaks, over the local world."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from functools import partial
from typing import ParamSpec, TypeVar

from agentdesk.core.commands import Command, CommandKind, CommandResult
from agentdesk.core.entities import Direction, Status
from agentdesk.core.incoming import IncomingConversation, IncomingCustomer, IncomingMessage, SyncBatch
from agentdesk.core.team import TeamSnapshot
from agentdesk.sync.errors import Rejected
from agentdesk.sync.sandbox.script import ScriptConversation
from agentdesk.sync.sandbox.team import sandbox_team
from agentdesk.sync.sandbox.world import SandboxWorld, WorldConversation, WorldMessage
from agentdesk.sync.words import _

PAGE_SIZE = 200
P = ParamSpec("P")
T = TypeVar("T")
ME = "me"


def _real_now() -> datetime:
    return datetime.now(UTC)


class SandboxConnector:
    kind = "sandbox"

    def __init__(
        self,
        world: SandboxWorld,
        agent_name: str,
        *,
        latency: float = 0.0,
        real_now: Callable[[], datetime] = _real_now,
    ) -> None:
        self.world = world
        self.agent_name = agent_name
        self.latency = latency  # simulated network round trip in seconds
        self._real_now = real_now
        # One plain thread of its own: the world's SQLite calls stay off the event loop and in order.
        self._thread = ThreadPoolExecutor(1, thread_name_prefix="sandbox")

    async def _call(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._thread, partial(fn, *args, **kwargs))

    def now(self) -> datetime:
        """Simulated time: the sandbox profile's clock for everything it shows."""
        return self.world.clock().now(self._real_now())

    async def fetch_changes(self, cursor: str | None) -> SyncBatch:
        await self._call(self.world.advance, self.now())
        convs, msgs, seq = await self._call(self.world.changes_since, int(cursor or 0), PAGE_SIZE)
        by_conv: dict[str, list[WorldMessage]] = {}
        for m in msgs:
            by_conv.setdefault(m.conversation, []).append(m)
        items = tuple(
            self._incoming(c, self.world.scripts[c.source_id], by_conv.get(c.source_id, []))
            for c in convs
            if c.source_id in self.world.scripts
        )
        return SyncBatch(items, str(seq), complete=len(convs) < PAGE_SIZE, done=len(items))

    def _incoming(
        self, conv: WorldConversation, script: ScriptConversation, msgs: list[WorldMessage]
    ) -> IncomingConversation:
        cust = script.customer
        return IncomingConversation(
            source_id=conv.source_id,
            channel=script.channel,
            audience=script.audience,
            customer=IncomingCustomer(
                source_id=cust.id,
                name=cust.name,
                handle=cust.handle,
                channel=script.channel,
                followers=cust.followers,
                language=script.language,
                form_of_address=cust.form,
            ),
            status=Status(conv.status),
            assignee=self.agent_name if conv.assignee == ME else conv.assignee,
            subject=script.subject,
            created_at=self.world.start + script.messages[0].at,
            messages=tuple(self._message(m) for m in msgs),
            language=script.language,
        )

    async def fetch_team(self) -> TeamSnapshot:
        """The simulated colleagues: the profile's agent and five others, some busy or offline."""
        return sandbox_team(self.agent_name)

    async def execute(self, command: Command) -> CommandResult:
        """Half the latency on the way there, half on the way back: a crash can fall on either side."""
        await asyncio.sleep(self.latency / 2)
        result = await self._execute(command)
        await asyncio.sleep(self.latency / 2)
        return result

    async def _execute(self, command: Command) -> CommandResult:
        conv = command.conversation_source_id
        try:
            match command.kind:
                case CommandKind.REPLY | CommandKind.NOTE:
                    direction = "outbound" if command.kind is CommandKind.REPLY else "note"
                    posted = await self._call(
                        self.world.post,
                        command.idempotency_key,
                        conv,
                        direction,
                        self.agent_name,
                        command.payload.get("text", ""),
                        self.now(),
                    )
                    return CommandResult(self._message(posted))
                case CommandKind.ASSIGN | CommandKind.UNASSIGN:
                    assignee = command.payload.get("assignee", "") if command.kind is CommandKind.ASSIGN else ""
                    stored = ME if assignee == self.agent_name else assignee
                    await self._call(self.world.update, command.idempotency_key, conv, assignee=stored)
                case CommandKind.SET_STATUS:
                    status = command.payload["status"]
                    await self._call(self.world.update, command.idempotency_key, conv, status=status)
                case CommandKind.ESCALATE:
                    return await self._escalate(command)
                case CommandKind.LABELS:
                    await self._call(self.world.update, command.idempotency_key, conv)
        except KeyError:
            raise Rejected(_("The sandbox does not know this conversation.")) from None
        return CommandResult()

    async def _escalate(self, command: Command) -> CommandResult:
        """A person takes it over (the sandbox has no teams or priorities: those stay as set
        locally), then the note is posted under the command's key: exactly once, as on a server."""
        key, conv, payload = command.idempotency_key, command.conversation_source_id, command.payload
        if payload.get("assignee"):
            stored = ME if payload["assignee"] == self.agent_name else payload["assignee"]
            await self._call(self.world.update, f"{key}:assign", conv, assignee=stored)
        if not payload.get("text"):
            await self._call(self.world.update, key, conv)
            return CommandResult()
        posted = await self._call(self.world.post, key, conv, "note", self.agent_name, payload["text"], self.now())
        return CommandResult(self._message(posted))

    async def find_executed(self, command: Command) -> CommandResult | None:
        known, message = await self._call(self.world.executed, command.idempotency_key)
        if not known:
            return None
        return CommandResult(None if message is None else self._message(message))

    async def close(self) -> None:
        self._thread.shutdown(wait=True)
        self.world.close()

    def _message(self, m: WorldMessage) -> IncomingMessage:
        direction = {"inbound": Direction.INBOUND, "outbound": Direction.OUTBOUND, "note": Direction.NOTE}[m.direction]
        author = self.agent_name if m.author == ME else m.author
        return IncomingMessage(m.source_id, direction, author, m.text, m.created_at)
