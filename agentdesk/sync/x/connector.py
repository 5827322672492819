"""The X connector: mentions (with their threads) and direct messages of one account as conversations.

A mention brings its parent chain up to the thread's root (``GET /2/tweets?ids=`` with the
``referenced_tweets`` expansion, two levels per request), so the agent sees what was said before;
all mentions of one thread (X's ``conversation_id``) are one conversation. Direct messages
(``GET /2/dm_events``) become private conversations, one per DM conversation. Replies go out as
posts ``reply.in_reply_to_tweet_id`` the customer's newest post in the thread, or as a direct
message to the other participant. X has no assignment, status or private notes: those stay local.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from agentdesk.core.commands import Command, CommandKind, CommandResult
from agentdesk.core.entities import Account, Direction, Status
from agentdesk.core.incoming import IncomingConversation, IncomingMessage, SyncBatch
from agentdesk.core.monitoring import SearchHit
from agentdesk.sync.errors import Forbidden, MalformedResponse
from agentdesk.sync.pass_cursor import JsonCursor
from agentdesk.sync.words import _
from agentdesk.sync.x import parsing
from agentdesk.sync.x.api import XApi
from agentdesk.sync.x.parsing import DM_PARAMS, TWEET_PARAMS, Page
from agentdesk.sync.x.session import API_URL, Load, Save, StoredSignIn, XSession

log = logging.getLogger(__name__)

PAGE = 100  # the most posts or DM events X returns at once
FIRST_PASS_PAGES = 3  # a new account brings its last 300 mentions and DM events, not years of them
PARENT_ROUNDS = 5  # a thread's parents are fetched two levels per request: up to ten levels up
SEARCH_PAGE = 10  # newest posts per saved search and poll (X's smallest page: search is billed per post)
CLOCK_SKEW = timedelta(minutes=5)  # how much earlier than our command X's clock may date our post


@dataclass(frozen=True, slots=True)
class _Cursor(JsonCursor):
    mentions: str | None = None  # the newest mention already synced
    dms: str | None = None  # the newest DM event already synced
    stage: str = "mentions"  # each pass reads mentions, then direct messages
    token: str | None = None  # the next page within the stage
    newest: str | None = None  # the newest id seen in the stage so far
    pages: int = 0
    done: int = 0

    @classmethod
    def from_fields(cls, data: dict[str, Any]) -> _Cursor:
        return cls(
            data.get("mentions"),
            data.get("dms"),
            "dms" if data.get("stage") == "dms" else "mentions",
            data.get("token"),
            data.get("newest"),
            int(data.get("pages", 0)),
            int(data.get("done", 0)),
        )


def keyring_access(account: Account) -> tuple[Save, Load]:
    """Writes a rotated sign-in to the account's keyring entry, and reads the current one (on the
    keyring thread)."""
    from agentdesk.sync import credentials

    async def save(secret: str) -> None:
        await credentials.off_loop(credentials.set_secret, account.kind, account.name, secret)

    async def load() -> str | None:
        return await credentials.off_loop(credentials.get_secret, account.kind, account.name)

    return save, load


def _newest(*ids: str | None) -> str | None:
    return max((i for i in ids if i), key=int, default=None)


class XConnector:
    kind = "x"

    def __init__(
        self,
        client: httpx.AsyncClient,
        *,
        base_url: str,
        stored: StoredSignIn,
        save: Save | None = None,
        load: Load | None = None,
    ) -> None:
        self._client = client
        self._api = XApi(client, base_url, XSession(client, base_url, stored, save, load))
        self._me: Mapping[str, Any] | None = None

    @classmethod
    def for_account(cls, account: Account, secret: str, *, timeout: float = 20.0) -> XConnector:
        """With the keyring secret; a rotated refresh token is written back to the keyring."""
        stored = StoredSignIn.decode(secret)
        if not stored.client_id and account.settings.get("client_id"):
            stored = StoredSignIn(stored.tokens, account.settings["client_id"])
        client = httpx.AsyncClient(timeout=timeout)
        save, load = keyring_access(account)
        return cls(client, base_url=account.base_url or API_URL, stored=stored, save=save, load=load)

    # -- who we are ------------------------------------------------------------------------------
    async def me(self) -> Mapping[str, Any]:
        if self._me is None:
            body = await self._api.get("/2/users/me", {"user.fields": "name,username"}, account=True)
            me = body.get("data")
            if not isinstance(me, Mapping) or "id" not in me or "username" not in me:
                raise MalformedResponse(_("X did not say which account this sign-in belongs to."))
            self._me = me
        return self._me

    async def _my_id(self) -> str:
        return str((await self.me())["id"])

    # -- sync ------------------------------------------------------------------------------------
    async def fetch_changes(self, cursor: str | None) -> SyncBatch:
        position = _Cursor.decode(cursor)
        me = await self._my_id()
        if position.stage == "dms":
            return await self._dm_page(position, me)
        params: dict[str, Any] = {**TWEET_PARAMS, "max_results": PAGE}
        if position.mentions:
            params["since_id"] = position.mentions
        if position.token:
            params["pagination_token"] = position.token
        page = Page().add(await self._api.get(f"/2/users/{me}/mentions", params))
        next_token, newest = page.next_token, _newest(position.newest, page.newest_id, *_ids(page.data))
        conversations = await self._threads(page, page.data, me)
        pages, done = position.pages + 1, position.done + len(conversations)
        more = next_token is not None and (position.mentions is not None or pages < FIRST_PASS_PAGES)
        if more:
            after = replace(position, token=next_token, newest=newest, pages=pages, done=done)
        else:
            after = _Cursor(_newest(position.mentions, newest), position.dms, "dms", done=done)
        return SyncBatch(conversations, after.encode(), complete=False, done=done)

    async def _dm_page(self, position: _Cursor, me: str) -> SyncBatch:
        params: dict[str, Any] = {**DM_PARAMS, "max_results": PAGE}
        if position.token:
            params["pagination_token"] = position.token
        try:
            page = Page().add(await self._api.get("/2/dm_events", params), posts=False)
        except Forbidden as exc:  # an app without direct-message access (X's lower tiers): mentions go on
            log.warning("direct messages of this X account are not synced: %s", exc)
            return SyncBatch((), _Cursor(position.mentions, position.dms).encode(), complete=True, done=position.done)
        events = [e for e in page.data if position.dms is None or int(e["id"]) > int(position.dms)]
        conversations = tuple(parsing.direct_messages(events, page.users, me))
        newest = _newest(position.newest, *_ids(events))
        pages, done = position.pages + 1, position.done + len(conversations)
        reached_known = len(events) < len(page.data)  # DM events come newest first and know no since_id
        within = position.dms is not None or pages < FIRST_PASS_PAGES
        more = page.next_token is not None and not reached_known and within
        if more:
            after = replace(position, token=page.next_token, newest=newest, pages=pages, done=done)
            return SyncBatch(conversations, after.encode(), complete=False, done=done)
        after = _Cursor(position.mentions, _newest(position.dms, newest))
        return SyncBatch(conversations, after.encode(), complete=True, done=done)

    async def _threads(
        self, page: Page, posts: list[Mapping[str, Any]], me: str, status: Status = Status.OPEN
    ) -> tuple[IncomingConversation, ...]:
        await self._fetch_parents(page, posts)
        merged: dict[str, list[Mapping[str, Any]]] = {}
        for post in posts:
            chain = parsing.chain(post, page.tweets)
            key = str(chain[0].get("conversation_id") or chain[0]["id"])
            merged.setdefault(key, []).extend(chain)  # two mentions in one thread: one conversation
        found = (parsing.thread(chain, page.users, me, status) for chain in merged.values())
        return tuple(c for c in found if c is not None)

    async def _fetch_parents(self, page: Page, posts: list[Mapping[str, Any]]) -> None:
        """Adds the parent chain of every post to ``page``; a deleted or hidden parent ends its chain."""
        gone: set[str] = set()
        for _round in range(PARENT_ROUNDS):
            missing = set()
            for post in posts:
                top = parsing.chain(post, page.tweets)[0]
                parent = parsing.parent_id(top)
                if parent is not None and parent not in page.tweets and parent not in gone:
                    missing.add(parent)
            if not missing:
                return
            wanted = sorted(missing, key=int)[:PAGE]
            page.add(await self._api.get("/2/tweets", {**TWEET_PARAMS, "ids": ",".join(wanted)}))
            gone.update(i for i in wanted if i not in page.tweets)

    # -- monitoring --------------------------------------------------------------------------------
    async def search_posts(self, query: str) -> tuple[SearchHit, ...]:
        """The newest posts for a saved search (recent search: the last seven days), with their parents.

        Our own posts and reposts are no news.
        """
        me = await self._my_id()
        params = {**TWEET_PARAMS, "query": query, "max_results": SEARCH_PAGE}
        page = Page().add(await self._api.get("/2/tweets/search/recent", params))
        posts = [p for p in page.data if str(p.get("author_id")) != me and not parsing.is_retweet(p)]
        await self._fetch_parents(page, posts)
        hits = []
        for post in posts:
            thread = parsing.thread(parsing.chain(post, page.tweets), page.users, me, Status.MONITORING)
            if thread is not None:
                hits.append(SearchHit(f"https://x.com/i/web/status/{post['id']}", thread))
        return tuple(hits)

    # -- outbox ------------------------------------------------------------------------------------
    async def execute(self, command: Command) -> CommandResult:
        if command.kind is not CommandKind.REPLY:
            return CommandResult()  # no assignment, status, labels or notes on X: local only
        me = await self.me()
        text = command.payload.get("text", "")
        source_id = command.conversation_source_id
        if source_id.startswith(parsing.DM_PREFIX):
            return await self._send_dm(source_id.removeprefix(parsing.DM_PREFIX), text, me)
        parent = await self._reply_target(source_id.removeprefix(parsing.THREAD_PREFIX), str(me["id"]))
        body = await self._api.post("/2/tweets", {"text": text, "reply": {"in_reply_to_tweet_id": parent}})
        posted = _created(body, "id")
        post_id = str(posted["id"])
        return CommandResult(
            message=IncomingMessage(post_id, Direction.OUTBOUND, _name(me), parsing.text(posted), _made_at(post_id))
        )

    async def _send_dm(self, dm_conversation_id: str, text: str, me: Mapping[str, Any]) -> CommandResult:
        participant = parsing.dm_participant(dm_conversation_id, str(me["id"]))
        path = (
            f"/2/dm_conversations/with/{participant}/messages"
            if participant
            else f"/2/dm_conversations/{dm_conversation_id}/messages"  # a group conversation
        )
        event_id = str(_created(await self._api.post(path, {"text": text}), "dm_event_id")["dm_event_id"])
        return CommandResult(message=IncomingMessage(event_id, Direction.OUTBOUND, _name(me), text, _made_at(event_id)))

    async def _reply_target(self, root: str, me: str) -> str:
        """The customer's newest post in the thread among our recent mentions, else the thread's root.

        X has no "thread of a post" lookup outside the paid search; a customer's reply in a thread
        with us mentions us, so the recent mentions hold it.
        """
        params = {"tweet.fields": "author_id,conversation_id", "max_results": PAGE}
        page = Page().add(await self._api.get(f"/2/users/{me}/mentions", params))
        theirs = [p for p in page.data if str(p.get("conversation_id")) == root and str(p.get("author_id")) != me]
        return str(max(theirs, key=parsing.id_key)["id"]) if theirs else root

    async def find_executed(self, command: Command) -> CommandResult | None:
        """Our post or direct message with this text, made after the command was created, if X has it.

        A reply is looked for among our own newest posts (``GET /2/users/{id}/tweets``) in the
        same thread (``conversation_id``); a direct message among the conversation's newest
        events. The time bound keeps an earlier identical answer ("Danke!") from counting. X
        itself refuses a post with the same text twice, so a miss here cannot post a duplicate.
        """
        if command.kind is not CommandKind.REPLY:
            return None
        me = await self.me()
        wanted = command.payload.get("text", "").strip()
        since = (command.created_at or datetime.now(UTC)) - CLOCK_SKEW
        source_id = command.conversation_source_id
        if source_id.startswith(parsing.DM_PREFIX):
            conversation = source_id.removeprefix(parsing.DM_PREFIX)
            params = {**DM_PARAMS, "max_results": PAGE}
            page = Page().add(await self._api.get(f"/2/dm_conversations/{conversation}/dm_events", params), posts=False)
            for event in page.data:
                if _ours(event, "sender_id", me, wanted, since):
                    return CommandResult(message=parsing.dm_message(event, page.users, str(me["id"])))
            return None
        root = source_id.removeprefix(parsing.THREAD_PREFIX)
        params = {**TWEET_PARAMS, "max_results": PAGE}
        page = Page().add(await self._api.get(f"/2/users/{me['id']}/tweets", params))
        for post in page.data:
            if str(post.get("conversation_id")) == root and _ours(post, "author_id", me, wanted, since):
                return CommandResult(message=parsing.message(post, page.users, str(me["id"])))
        return None

    async def close(self) -> None:
        await self._client.aclose()


def _ids(items: list[Mapping[str, Any]]) -> list[str]:
    return [str(i["id"]) for i in items]


def _name(me: Mapping[str, Any]) -> str:
    return str(me.get("name") or me["username"])


def _ours(item: Mapping[str, Any], author_key: str, me: Mapping[str, Any], wanted: str, since: datetime) -> bool:
    if str(item.get(author_key)) != str(me["id"]) or parsing.text(item).strip() != wanted:
        return False
    try:
        return datetime.fromisoformat(str(item.get("created_at", "")).replace("Z", "+00:00")) >= since
    except ValueError:
        return False


def _created(body: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    data = body.get("data")
    if not isinstance(data, Mapping) or key not in data:
        raise MalformedResponse(_("X confirmed the message without its {field}.").format(field=key))
    return data


def _made_at(item_id: str) -> datetime:
    return parsing.made_at(item_id) or datetime.now(UTC)
