"""The Mastodon connector: mentions and direct messages of one account as conversations.

Every mention notification (a direct message to us is one too: it must mention us) brings its
whole thread (``/statuses/{id}/context``), so the agent sees what was said before, and the
thread's first status names the conversation. Replies go out as statuses ``in_reply_to_id`` the
newest customer post, with that post's visibility (a direct message is answered directly), and
with an ``Idempotency-Key`` (Mastodon keeps it for an hour), so a retried send cannot post twice.
Mastodon has no assignment, status or private notes: those stay in the local store.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import quote, urlsplit

import httpx

from agentdesk.core.commands import Command, CommandKind, CommandResult
from agentdesk.core.entities import Account, Status
from agentdesk.core.incoming import IncomingConversation, SyncBatch
from agentdesk.core.length.rules import MastodonInstanceRules
from agentdesk.core.monitoring import SearchHit
from agentdesk.core.reply_mention import with_mention
from agentdesk.sync.errors import MalformedResponse, Rejected
from agentdesk.sync.mastodon import parsing
from agentdesk.sync.mastodon.api import MastodonApi
from agentdesk.sync.pass_cursor import JsonCursor
from agentdesk.sync.words import _

PAGE = 40  # the most notifications Mastodon returns at once
FIRST_PASS_PAGES = 5  # a new account brings its last 200 mentions, not years of them
SEARCH_PAGE = 20  # newest posts per saved search and poll
CONCURRENCY = 4  # thread fetches in flight: the instance's 300 requests / 5 min are shared by all clients


@dataclass(frozen=True, slots=True)
class _Cursor(JsonCursor):
    newest: str | None = None  # the newest mention notification already synced
    older: str | None = None  # during the first pass: the Link to the next older page
    pages: int = 0
    done: int = 0

    @classmethod
    def from_fields(cls, data: dict[str, Any]) -> _Cursor:
        return cls(data.get("newest"), data.get("older"), int(data.get("pages", 0)), int(data.get("done", 0)))


class MastodonConnector:
    kind = "mastodon"

    def __init__(self, client: httpx.AsyncClient, *, base_url: str, token: str) -> None:
        self._client = client
        self._api = MastodonApi(client, base_url, token)
        self._domain = urlsplit(base_url).netloc
        self._me: dict[str, Any] | None = None
        self._slots = asyncio.Semaphore(CONCURRENCY)

    @classmethod
    def for_account(cls, account: Account, token: str, *, timeout: float = 20.0) -> MastodonConnector:
        return cls(httpx.AsyncClient(timeout=timeout), base_url=account.base_url, token=token)

    # -- who we are, what the instance allows ----------------------------------------------------
    async def me(self) -> dict[str, Any]:
        if self._me is None:
            me = (await self._api.get("/api/v1/accounts/verify_credentials", account=True)).body
            if not isinstance(me, dict) or "id" not in me or "acct" not in me:
                raise MalformedResponse(_("Mastodon did not say which account this sign-in belongs to."))
            self._me = me
        return self._me

    async def instance_rules(self) -> MastodonInstanceRules:
        """The instance's own status limit and URL weight, for the editor's counter."""
        body = (await self._api.get("/api/v2/instance", account=True)).body
        return MastodonInstanceRules.from_instance_json(body if isinstance(body, dict) else {})

    # -- sync ------------------------------------------------------------------------------------
    async def fetch_changes(self, cursor: str | None) -> SyncBatch:
        position = _Cursor.decode(cursor)
        me = str((await self.me())["id"])
        if position.newest is None or position.older is not None:
            return await self._first_pass_page(position, me)
        page = await self._api.get(
            "/api/v1/notifications", {"types[]": "mention", "min_id": position.newest, "limit": PAGE}
        )
        notes = _notifications(page.body)
        conversations = await self._threads(notes, me)
        newest = max((str(n["id"]) for n in notes), key=int, default=position.newest)
        return SyncBatch(
            conversations,
            _Cursor(newest).encode(),
            complete=len(notes) < PAGE,
        )

    async def _first_pass_page(self, position: _Cursor, me: str) -> SyncBatch:
        if position.older is None:
            page = await self._api.get("/api/v1/notifications", {"types[]": "mention", "limit": PAGE})
        else:
            page = await self._api.get(position.older)
        notes = _notifications(page.body)
        conversations = await self._threads(notes, me)
        newest = max((str(n["id"]) for n in notes), key=int, default=None)
        if position.newest is not None and newest is not None:
            newest = max(newest, position.newest, key=int)
        newest = newest or position.newest or "0"
        pages = position.pages + 1
        more = bool(notes) and page.next_url is not None and pages < FIRST_PASS_PAGES
        after = _Cursor(newest, page.next_url if more else None, pages, position.done + len(conversations))
        return SyncBatch(conversations, after.encode(), complete=not more, done=after.done)

    async def _threads(self, notes: list[Mapping[str, Any]], me: str) -> tuple[IncomingConversation, ...]:
        statuses = [s for n in notes if (s := parsing.notification_status(n)) is not None]

        async def one(status: Mapping[str, Any]) -> IncomingConversation | None:
            async with self._slots:
                try:
                    context = await self._context(str(status["id"]))
                except Rejected:  # deleted meanwhile: the notification alone still tells what was said
                    context = {"ancestors": [], "descendants": []}
            return parsing.thread([*context["ancestors"], status, *context["descendants"]], me, self._domain)

        found = await asyncio.gather(*(one(s) for s in statuses))
        merged: dict[str, IncomingConversation] = {}
        for conversation in found:  # two mentions in one thread: one conversation, the longer view
            if conversation is not None:
                known = merged.get(conversation.source_id)
                if known is None or len(conversation.messages) > len(known.messages):
                    merged[conversation.source_id] = conversation
        return tuple(merged.values())

    async def _context(self, status_id: str) -> dict[str, list[Mapping[str, Any]]]:
        body = (await self._api.get(f"/api/v1/statuses/{status_id}/context")).body
        if not isinstance(body, dict) or not isinstance(body.get("ancestors"), list):
            raise MalformedResponse(_("Mastodon sent a thread without its earlier posts."))
        return {"ancestors": body["ancestors"], "descendants": list(body.get("descendants") or [])}

    async def _whole_thread(self, conversation_source_id: str) -> list[Mapping[str, Any]]:
        root_id = conversation_source_id.removeprefix(parsing.THREAD_PREFIX)
        root = (await self._api.get(f"/api/v1/statuses/{root_id}")).body
        context = await self._context(root_id)
        return sorted([*context["ancestors"], root, *context["descendants"]], key=parsing.status_sort_key)

    # -- monitoring --------------------------------------------------------------------------------
    async def search_posts(self, query: str) -> tuple[SearchHit, ...]:
        """The newest posts for a saved search: a hashtag's timeline, or the instance's status search
        (which finds only what the instance has indexed: posts its users opted into search)."""
        me = str((await self.me())["id"])
        if query.startswith("#"):
            body = (await self._api.get(f"/api/v1/timelines/tag/{quote(query[1:])}", {"limit": SEARCH_PAGE})).body
            statuses = body
        else:
            params = {"q": query, "type": "statuses", "limit": SEARCH_PAGE, "resolve": "false"}
            body = (await self._api.get("/api/v2/search", params)).body
            statuses = body.get("statuses") if isinstance(body, dict) else None
        if not isinstance(statuses, list):
            raise MalformedResponse(_("Mastodon sent search results that are not a list of posts."))
        hits = []
        for status in statuses:
            if str(status["account"]["id"]) == me or status.get("reblog"):
                continue  # our own posts and boosts are no news
            ancestors = (await self._context(str(status["id"])))["ancestors"] if status.get("in_reply_to_id") else []
            thread = parsing.thread([*ancestors, status], me, self._domain)
            if thread is not None:
                hits.append(
                    SearchHit(str(status.get("uri") or status["id"]), replace(thread, status=Status.MONITORING))
                )
        return tuple(hits)

    # -- outbox ------------------------------------------------------------------------------------
    async def execute(self, command: Command) -> CommandResult:
        if command.kind is not CommandKind.REPLY:
            return CommandResult()  # no assignment, status, labels or notes on Mastodon: local only
        me = await self.me()
        thread = await self._whole_thread(command.conversation_source_id)
        theirs = [s for s in thread if str(s["account"]["id"]) != str(me["id"])]
        if not theirs:
            raise Rejected(_("There is no customer post in this thread to reply to."))
        parent = theirs[-1]
        text = with_mention(command.payload.get("text", ""), str(parent["account"]["acct"]))
        visibility = str(parent.get("visibility") or "public")
        posted = await self._api.post(
            "/api/v1/statuses",
            {"status": text, "in_reply_to_id": str(parent["id"]), "visibility": visibility},
            idempotency_key=command.idempotency_key,
        )
        return CommandResult(message=parsing.message(posted.body, str(me["id"])))

    async def find_executed(self, command: Command) -> CommandResult | None:
        """Our reply with this text in the thread, if the instance already has it."""
        if command.kind is not CommandKind.REPLY:
            return None
        me = str((await self.me())["id"])
        wanted = command.payload.get("text", "").strip()
        for status in await self._whole_thread(command.conversation_source_id):
            if str(status["account"]["id"]) != me:
                continue
            said = parsing.plain_text(str(status.get("content", "")))
            if said == wanted or said.endswith(" " + wanted):
                return CommandResult(message=parsing.message(status, me))
        return None

    async def close(self) -> None:
        await self._client.aclose()


def _notifications(body: object) -> list[Mapping[str, Any]]:
    if not isinstance(body, list):
        raise MalformedResponse(_("Mastodon sent notifications that are not a list."))
    for note in body:
        if not isinstance(note, Mapping) or "id" not in note:
            raise MalformedResponse(_("Mastodon sent a notification without an id."))
    return body
