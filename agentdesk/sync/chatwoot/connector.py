"""The Chatwoot connector: the thin async layer that sends the built requests and parses answers.

It speaks to one account of one Chatwoot server as one agent (the ``api_access_token`` of a
user), over an injected ``httpx.AsyncClient`` that it owns from then on (``close`` closes it).
TLS verification is the client's and must stay on; the account set-up never offers to turn
it off.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import httpx

from agentdesk.core.commands import Command, CommandKind, CommandResult
from agentdesk.core.entities import Account
from agentdesk.core.incoming import IncomingConversation, IncomingMessage, SyncBatch
from agentdesk.core.team import TeamSnapshot
from agentdesk.sync.chatwoot import parsing
from agentdesk.sync.chatwoot.account_settings import chatwoot_account_id
from agentdesk.sync.chatwoot.cable import CableIdentity, CableListener, Live, Wake, cable_url, identity_from_profile
from agentdesk.sync.chatwoot.cursor import SyncCursor
from agentdesk.sync.chatwoot.diagnosis import ConnectionCheck, diagnose
from agentdesk.sync.chatwoot.endpoints import ApiCall, Endpoints
from agentdesk.sync.chatwoot.http_errors import (
    decode_body,
    decode_json,
    error_for_response,
    error_for_status,
    error_for_transport,
)
from agentdesk.sync.chatwoot.read_ahead import Listed, ListedPage, PageKey, ReadAhead
from agentdesk.sync.chatwoot.records import Agent, Contact, ConversationCounts, Inbox, Profile, Team
from agentdesk.sync.chatwoot.team import team_snapshot
from agentdesk.sync.errors import Offline, Rejected
from agentdesk.sync.get_pool import GetPool
from agentdesk.sync.words import _

CONVERSATIONS_PAGE = 25  # the server's fixed page size; a shorter page is the last one
MESSAGES_PAGE = 20  # what one messages request returns (latest, or before an id)
AFTER_PAGE = 100  # what one request with ``after=<id>`` returns at most: a full pass reads forwards
#: Message requests in flight at once. A full pass fetches one conversation's messages per request,
#: so this decides its speed (measured in bench/bench_chatwoot_sync.py). A real Chatwoot limits
#: each IP to 3000 requests a minute by default and answers 429 beyond: the engine then waits.
CONCURRENCY = 8
FIND_PAGES = 5  # how far back find_executed looks: 100 messages after the one we sent


def client_for(concurrency: int, timeout: float = 20.0) -> httpx.AsyncClient:
    """An HTTP client with one kept-alive connection per request in flight, and no more: httpcore
    checks every idle connection (a system call) on each request, so spare ones cost time."""
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    return httpx.AsyncClient(timeout=timeout, limits=limits)


class ChatwootConnector:
    """Pulls conversations and messages of one Chatwoot account and executes outbox commands."""

    kind = "chatwoot"

    def __init__(
        self,
        client: httpx.AsyncClient,
        *,
        base_url: str,
        account_id: int,
        token: str,
        concurrency: int = CONCURRENCY,
    ) -> None:
        self._client = client
        self._base_url = base_url.rstrip("/")
        self._token = token
        self._endpoints = Endpoints(account_id)
        self._account_id = account_id
        self._inboxes: dict[int, Inbox] = {}
        self._agent_ids: dict[str, int] = {}  # name -> id, for "assign to me" by name
        self._team_ids: dict[str, int] = {}  # name -> id, for escalating to a team by name
        self._slots = asyncio.Semaphore(concurrency)
        self._pages = ReadAhead(self._fetch_page)
        # Reads take the lean path unless an environment proxy applies (only httpx speaks to proxies).
        self._reads = (
            GetPool(self._base_url, timeout=client.timeout.read, keep=concurrency, headers={"api_access_token": token})
            if GetPool.reaches_directly(self._base_url)
            else None
        )

    @classmethod
    def for_account(cls, account: Account, token: str, *, timeout: float = 20.0) -> ChatwootConnector:
        """The connector for a stored account (``settings["account_id"]`` is Chatwoot's account number).

        The client verifies TLS (httpx's default) and is never configured otherwise.
        """
        return cls(
            client_for(CONCURRENCY, timeout),
            base_url=account.base_url,
            account_id=chatwoot_account_id(account),
            token=token,
        )

    # -- transport -----------------------------------------------------------------------------------
    async def _call(self, call: ApiCall) -> Any:
        if call.method == "GET" and self._reads is not None:
            return await self._get(call)
        try:
            response = await self._client.request(
                call.method,
                self._base_url + call.path,
                params=call.params or None,
                json=call.json,
                headers={"api_access_token": self._token},
            )
        except httpx.TransportError as exc:
            raise error_for_transport(exc) from exc
        if not response.is_success:
            raise error_for_response(response, call.scope, self._account_id, datetime.now(UTC))
        return decode_json(response)

    async def _get(self, call: ApiCall) -> Any:
        assert self._reads is not None
        try:
            answer = await self._reads.get(call.path, call.params)
        except httpx.TransportError as exc:
            raise error_for_transport(exc) from exc
        if not answer.is_success:
            now = datetime.now(UTC)
            raise error_for_status(answer.status, answer.headers, answer.body, call.scope, self._account_id, now)
        return decode_body(answer.body, call.method, call.path)

    # -- reference data ------------------------------------------------------------------------------
    async def fetch_profile(self) -> Profile:
        return parsing.parse_profile(await self._call(Endpoints.profile()))

    async def fetch_inboxes(self) -> dict[int, Inbox]:
        self._inboxes = parsing.parse_inboxes(await self._call(self._endpoints.inboxes()))
        return self._inboxes

    async def fetch_agents(self) -> tuple[Agent, ...]:
        return parsing.parse_agents(await self._call(self._endpoints.agents()))

    async def fetch_teams(self) -> tuple[Team, ...]:
        return parsing.parse_teams(await self._call(self._endpoints.teams()))

    async def fetch_team(self) -> TeamSnapshot:
        """Agents (with availability), teams and their members, and inbox members as channels:
        3 + one request per team and per inbox, a few in flight at once."""
        agents, teams, inboxes = await self.fetch_agents(), await self.fetch_teams(), await self.fetch_inboxes()
        self._agent_ids = {agent.name: agent.id for agent in agents}

        async def members(call: ApiCall, parse: Callable[[Any], tuple[int, ...]]) -> tuple[int, ...]:
            async with self._slots:
                return parse(await self._call(call))

        team_members = await asyncio.gather(
            *(members(self._endpoints.team_members(t.id), parsing.parse_team_members) for t in teams)
        )
        inbox_members = await asyncio.gather(
            *(members(self._endpoints.inbox_members(i), parsing.parse_inbox_members) for i in inboxes)
        )
        return team_snapshot(
            agents,
            teams,
            dict(zip((t.id for t in teams), team_members, strict=True)),
            inboxes,
            dict(zip(inboxes, inbox_members, strict=True)),
        )

    async def fetch_canned_responses(self) -> tuple[tuple[str, str], ...]:
        """(short_code, content) pairs; content may hold ``{{contact.name}}``-style variables."""
        return parsing.parse_canned_responses(await self._call(self._endpoints.canned_responses()))

    async def fetch_contacts(self, page: int = 1) -> tuple[Contact, ...]:
        """One page (15) of contacts; an empty page is past the end."""
        return parsing.parse_contacts(await self._call(self._endpoints.contacts(page)))

    async def test_connection(self) -> ConnectionCheck:
        """Whether URL, token and account work, in plain words when they do not."""
        return await diagnose(self._client, self._base_url, self._account_id, self._token)

    # -- live updates --------------------------------------------------------------------------------
    async def push_events(self, wake: Wake, live: Live) -> None:
        """Listen to Chatwoot's websocket until cancelled: each change in this account calls ``wake``.

        The pubsub token is read from the profile before each connection and never kept elsewhere.
        Once this connector is closed (its token was refused), the next connection fails with
        ``Offline``, so the engine asks its owner for a fresh connector.
        """

        async def identity() -> CableIdentity | None:
            if self._client.is_closed:
                raise Offline(_("This connection to Chatwoot was closed."))
            return identity_from_profile(await self._call(Endpoints.profile()), self._account_id)

        await CableListener(cable_url(self._base_url), identity, on_event=lambda _: wake(), on_live=live).run()

    # -- conversations and messages -----------------------------------------------------------------
    async def list_conversations(
        self,
        queue: str = "all",
        status: str = "all",
        page: int = 1,
    ) -> tuple[tuple[IncomingConversation, ...], ConversationCounts]:
        """One page of a queue (me/unassigned/all/assigned), without messages, plus the queue counts."""
        items, counts = parsing.parse_conversation_list(
            await self._call(self._endpoints.conversations(queue, status, page))
        )
        await self._know_inboxes(items)
        return tuple(parsing.parse_conversation(item, self._inboxes) for item in items), counts

    async def fetch_messages(
        self,
        conversation_source_id: str,
        since: int | None = None,
    ) -> tuple[IncomingMessage, ...]:
        """A conversation's messages created at or after ``since`` (unix seconds), or all of them."""
        collected = await (
            self._all_messages(conversation_source_id)
            if since is None
            else self._messages_since(conversation_source_id, since)
        )
        return parsing.parse_message_list(collected)

    async def _all_messages(self, conversation: str) -> list[Mapping[str, Any]]:
        """Every message, oldest first, 100 a request: a full pass needs one request per conversation."""
        collected: list[Mapping[str, Any]] = []
        after = 0
        while True:
            page = parsing.parse_messages(await self._call(self._endpoints.messages(conversation, after=after)))
            fresh = [raw for raw in page if int(raw["id"]) > after]
            collected.extend(fresh)
            if len(page) < AFTER_PAGE or not fresh:
                return collected
            after = int(fresh[-1]["id"])

    async def _messages_since(self, conversation: str, since: int) -> list[Mapping[str, Any]]:
        """The messages created at or after ``since``, paging backwards from the newest, 20 a request."""
        collected: list[Mapping[str, Any]] = []
        before: int | None = None
        while True:
            page = parsing.parse_messages(await self._call(self._endpoints.messages(conversation, before)))
            collected[:0] = page
            if len(page) < MESSAGES_PAGE or float(page[0]["created_at"]) < since:
                return [raw for raw in collected if float(raw["created_at"]) >= since]
            before = int(page[0]["id"])

    async def fetch_changes(self, cursor: str | None) -> SyncBatch:
        """One page of 25 conversations (those changed since the last pass) with their new messages;
        the next page is on its way meanwhile (``read_ahead``)."""
        position = SyncCursor.decode(cursor)
        page = await self._pages.page((position.since, position.page))
        high = max((int(i["last_activity_at"]) for i in page.items), default=0)
        conversations = page.conversations
        after = position.next_pass(high) if page.last else position.next_page(high, len(conversations))
        return SyncBatch(
            conversations,
            after.encode(),
            page.last,
            done=position.done + len(conversations),
            total=page.counts.all if position.since is None else None,
        )

    async def _fetch_page(self, key: PageKey, listed: Listed) -> ListedPage:
        since, number = key
        items, counts = parsing.parse_conversation_list(
            await self._call(self._endpoints.conversations("all", "all", number))
        )
        changed = [i for i in items if since is None or int(i["last_activity_at"]) >= since]
        last = len(items) < CONVERSATIONS_PAGE or len(changed) < len(items)
        listed(not last)
        await self._know_inboxes(changed, refresh=number == 1)
        return ListedPage(items, counts, await self._with_messages(changed, since), last)

    async def _with_messages(
        self,
        items: list[dict[str, Any]],
        since: int | None,
    ) -> tuple[IncomingConversation, ...]:
        async def one(item: dict[str, Any]) -> IncomingConversation | None:
            async with self._slots:
                try:
                    messages = await self.fetch_messages(str(item["id"]), since)
                except Rejected:  # deleted while we paged: nothing left to show
                    return None
            return parsing.parse_conversation(item, self._inboxes, messages)

        try:
            async with asyncio.TaskGroup() as group:
                tasks = [group.create_task(one(item)) for item in items]
        except ExceptionGroup as failed:
            raise failed.exceptions[0] from None  # the first failure decides; the rest were cancelled
        return tuple(c for task in tasks if (c := task.result()) is not None)

    async def _know_inboxes(self, items: list[dict[str, Any]], *, refresh: bool = False) -> None:
        """Fetch the inbox list at the start of a pass and whenever a conversation names a new one."""
        if refresh or any(int(i["inbox_id"]) not in self._inboxes for i in items):
            await self.fetch_inboxes()

    # -- outbox --------------------------------------------------------------------------------------
    async def execute(self, command: Command) -> CommandResult:
        message: IncomingMessage | None = None
        command = await self._with_ids(command)
        for call in self._endpoints.command_calls(command):
            answer = await self._call(call)
            if call.path.endswith("/messages"):
                message = parsing.parse_message(answer)
        return CommandResult(message=message)

    async def _with_ids(self, command: Command) -> Command:
        """ "Assign to me" and escalations name the agent (``assignee``) or team (``team``); Chatwoot
        wants ids. Each list is fetched once and again only for a name it did not hold (a colleague
        or team added meanwhile)."""
        if command.kind not in (CommandKind.ASSIGN, CommandKind.ESCALATE):
            return command
        payload = dict(command.payload)
        if payload.get("assignee") and not payload.get("agent_id"):
            if payload["assignee"] not in self._agent_ids:
                self._agent_ids = {agent.name: agent.id for agent in await self.fetch_agents()}
            missing = _("Chatwoot has no agent named '{name}' in this account.")
            payload["agent_id"] = _id_of(self._agent_ids, payload["assignee"], missing)
        if payload.get("team") and not payload.get("team_id"):
            if payload["team"] not in self._team_ids:
                self._team_ids = {team.name: team.id for team in await self.fetch_teams()}
            missing = _("Chatwoot has no team named '{name}' in this account.")
            payload["team_id"] = _id_of(self._team_ids, payload["team"], missing)
        return replace(command, payload=payload)

    async def find_executed(self, command: Command) -> CommandResult | None:
        """The reply or note carrying this command's key, if Chatwoot already has it.

        Assignments, status and labels set a state rather than add something, so running them
        again is harmless: for those the answer is always None.
        """
        leaves_message = command.kind in (CommandKind.REPLY, CommandKind.NOTE) or (
            command.kind is CommandKind.ESCALATE and bool(command.payload.get("text"))
        )
        if not leaves_message:
            return None
        before: int | None = None
        for _page in range(FIND_PAGES):
            page = parsing.parse_messages(
                await self._call(self._endpoints.messages(command.conversation_source_id, before))
            )
            for raw in reversed(page):
                if parsing.message_key(raw) == command.idempotency_key:
                    return CommandResult(message=parsing.parse_message(raw))
            if len(page) < MESSAGES_PAGE:
                return None
            before = int(page[0]["id"])
        return None

    async def close(self) -> None:
        self._pages.cancel()
        if self._reads is not None:
            await self._reads.close()
        await self._client.aclose()


def _id_of(known: dict[str, int], name: str, missing: str) -> str:
    """The id of ``name``; ``missing`` says in words that there is none (``{name}`` is filled in)."""
    if name not in known:
        raise Rejected(missing.format(name=name))
    return str(known[name])
