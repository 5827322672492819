"""The Bluesky connector: mentions, replies, quotes and direct messages of one account.

Notifications (``listNotifications``, newest first, paged by cursor) that ask for an answer
(a mention, a reply to us, a quote) bring their whole thread (``getPostThread`` on the
thread's first post), one conversation per thread. Direct messages live in a separate chat
service, reached through our own PDS with ``atproto-proxy: <chat DID>#bsky_chat`` (the PDS signs
the call for the service); each chat conversation is a private conversation.

Replies go out as ``app.bsky.feed.post`` records threaded under the newest customer post, with
link and mention facets; a reply to a chat conversation is a chat message. Bluesky has no
assignment, status or private notes: those stay in the local store.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

import httpx

from agentdesk.core.commands import Command, CommandKind, CommandResult
from agentdesk.core.entities import Account, Direction, Status
from agentdesk.core.incoming import IncomingConversation, IncomingMessage, SyncBatch
from agentdesk.core.monitoring import SearchHit
from agentdesk.sync.bluesky import parsing, records
from agentdesk.sync.bluesky.session_store import KIND, KeyringSessions
from agentdesk.sync.bluesky.xrpc import Session, SessionKeeper, Xrpc
from agentdesk.sync.errors import Forbidden, MalformedResponse, Rejected, ServerError
from agentdesk.sync.pass_cursor import JsonCursor
from agentdesk.sync.words import _

log = logging.getLogger(__name__)

PAGE = 50  # notifications per page
FIRST_PASS_PAGES = 5  # a new account brings its last 250 notifications, not years of them
NEWER_PAGES = 20  # a later pass reads back at most this far to where it stopped
THREAD_DEPTH = 20  # reply levels below a thread's first post
PARENT_HEIGHT = 40  # when the first post is gone: the parents of the post that mentioned us
SEARCH_PAGE = 25
CHAT_PAGE = 50  # newest chat conversations per pass
CONCURRENCY = 4
DEFAULT_CHAT_DID = "did:web:api.bsky.chat"


@dataclass(frozen=True, slots=True)
class _Cursor(JsonCursor):
    newest: str | None = None  # indexedAt of the newest notification synced in an earlier pass
    seen: tuple[str, ...] = ()  # the notifications indexed at exactly that instant
    older: str | None = None  # within a pass: the page cursor to older notifications
    top: str | None = None  # the newest notification of this pass
    top_seen: tuple[str, ...] = ()
    pages: int = 0
    done: int = 0
    convos: dict[str, str] = field(default_factory=dict)  # chat conversation id -> its rev synced

    @classmethod
    def from_fields(cls, data: dict[str, Any]) -> _Cursor:
        return cls(
            data.get("newest"),
            tuple(data.get("seen") or ()),
            data.get("older"),
            data.get("top"),
            tuple(data.get("top_seen") or ()),
            int(data.get("pages", 0)),
            int(data.get("done", 0)),
            {str(k): str(v) for k, v in (data.get("convos") or {}).items()},
        )


class BlueskyConnector:
    kind = KIND

    def __init__(
        self,
        client: httpx.AsyncClient,
        *,
        pds: str,
        session: Session,
        keeper: SessionKeeper | None = None,
        chat_did: str = DEFAULT_CHAT_DID,
    ) -> None:
        self._client = client
        self.xrpc = Xrpc(client, pds, session, keeper)
        self.chat_proxy = f"{chat_did}#bsky_chat" if chat_did else ""
        self.chat_problem = ""  # why direct messages are not synced ("" while they are)
        self._slots = asyncio.Semaphore(CONCURRENCY)

    @classmethod
    def for_account(cls, account: Account, secret: str, *, timeout: float = 20.0) -> BlueskyConnector:
        return cls(
            httpx.AsyncClient(timeout=timeout),
            pds=account.base_url,
            session=Session.from_secret(secret),
            keeper=KeyringSessions(account.name),
            chat_did=account.settings.get("chat_did", DEFAULT_CHAT_DID),
        )

    @property
    def me(self) -> str:
        """Our DID."""
        return self.xrpc.signed_in().did

    # -- sync ------------------------------------------------------------------------------------
    async def fetch_changes(self, cursor: str | None) -> SyncBatch:
        position = _Cursor.decode(cursor)
        params: dict[str, Any] = {"limit": PAGE}
        if position.older:
            params["cursor"] = position.older
        body = await self.xrpc.query("app.bsky.notification.listNotifications", params)
        notes = _notifications(body)
        top, top_seen = position.top, position.top_seen
        if position.pages == 0 and notes:
            top = max((str(n["indexedAt"]) for n in notes), key=parsing.instant)
            top_seen = tuple(str(n["uri"]) for n in notes if parsing.instant(n["indexedAt"]) == parsing.instant(top))
        fresh = [n for n in notes if _newer(n, position.newest, position.seen)]
        conversations = await self._threads([n for n in fresh if n.get("reason") in parsing.ASKING])
        pages = position.pages + 1
        limit = FIRST_PASS_PAGES if position.newest is None else NEWER_PAGES
        next_page = body.get("cursor") if isinstance(body, Mapping) else None
        if fresh and len(fresh) == len(notes) and isinstance(next_page, str) and next_page and pages < limit:
            done = position.done + len(conversations)
            after = replace(position, older=next_page, top=top, top_seen=top_seen, pages=pages, done=done)
            return SyncBatch(conversations, after.encode(), complete=False, done=after.done)
        private, convos = await self._direct_messages(position.convos)
        if top is not None and position.newest is not None and parsing.instant(top) < parsing.instant(position.newest):
            top, top_seen = position.newest, position.seen
        done = position.done + len(conversations) + len(private)
        after = _Cursor(top or position.newest, top_seen if top else position.seen, convos=convos)
        return SyncBatch((*conversations, *private), after.encode(), complete=True, done=done)

    async def _threads(self, notes: list[Mapping[str, Any]]) -> tuple[IncomingConversation, ...]:
        starts: dict[str, Mapping[str, Any]] = {}  # thread's first post -> a notification from it
        for note in notes:
            record = note["record"] if isinstance(note.get("record"), Mapping) else {}
            starts.setdefault(parsing.root_uri(str(note["uri"]), record), note)

        async def one(root: str, note: Mapping[str, Any]) -> IncomingConversation | None:
            async with self._slots:
                try:
                    posts = await self.thread_posts(root, str(note["uri"]))
                except Rejected:  # deleted meanwhile: the notification alone still tells what was said
                    posts = [parsing.require(note, "uri", "cid", "author", "record")]
            return parsing.thread(posts, root, self.me)

        found = await asyncio.gather(*(one(root, note) for root, note in starts.items()))
        return tuple(c for c in found if c is not None)

    async def thread_posts(self, root: str, asking: str = "") -> list[Mapping[str, Any]]:
        """Every post of the thread; when its first post is gone, those above and below ``asking``."""
        try:
            body = await self.xrpc.query(
                "app.bsky.feed.getPostThread", {"uri": root, "depth": THREAD_DEPTH, "parentHeight": 0}
            )
        except Rejected:
            if not asking or asking == root:
                raise
            body = await self.xrpc.query(
                "app.bsky.feed.getPostThread", {"uri": asking, "depth": THREAD_DEPTH, "parentHeight": PARENT_HEIGHT}
            )
        if not isinstance(body, Mapping) or "thread" not in body:
            raise MalformedResponse(_("Bluesky sent a thread without its posts."))
        return list(parsing.thread_posts(body["thread"]))

    async def _direct_messages(self, known: dict[str, str]) -> tuple[tuple[IncomingConversation, ...], dict[str, str]]:
        """Chat conversations that changed since the last pass; a chat service we may not use is
        noted in ``chat_problem`` and leaves the mentions syncing."""
        if not self.chat_proxy:
            return (), known
        try:
            body = await self.xrpc.query("chat.bsky.convo.listConvos", {"limit": CHAT_PAGE}, proxy=self.chat_proxy)
        except Forbidden as exc:
            return self._no_chat(str(exc), known)
        except Rejected:
            return self._no_chat(no_chat_service(self.chat_proxy.split("#")[0]), known)
        self.chat_problem = ""
        views = parsing.require(body, "convos")["convos"]
        if not isinstance(views, list):
            raise MalformedResponse(_("Bluesky sent chat conversations that are not a list."))
        changed: list[IncomingConversation] = []
        state = dict(known)
        for view in views:
            view = parsing.require(view, "id", "rev", "members")
            if known.get(str(view["id"])) == str(view["rev"]):
                continue
            conversation = parsing.convo(view, await self._chat_messages(str(view["id"])), self.me)
            if conversation is not None:
                changed.append(conversation)
            state[str(view["id"])] = str(view["rev"])
        return tuple(changed), state

    def _no_chat(self, why: str, known: dict[str, str]) -> tuple[tuple[IncomingConversation, ...], dict[str, str]]:
        if why != self.chat_problem:
            log.warning("Bluesky direct messages are not synced: %s", why)
        self.chat_problem = why
        return (), known

    async def _chat_messages(self, convo_id: str) -> list[Mapping[str, Any]]:
        body = await self.xrpc.query(
            "chat.bsky.convo.getMessages", {"convoId": convo_id, "limit": 100}, proxy=self.chat_proxy
        )
        return parsing.chat_messages(body)

    # -- monitoring --------------------------------------------------------------------------------
    async def search_posts(self, query: str) -> tuple[SearchHit, ...]:
        """The newest posts for a saved search (``searchPosts``: words, ``#tags``), each with the
        posts above it when it is a reply; our own posts are no news."""
        body = await self.xrpc.query("app.bsky.feed.searchPosts", {"q": query, "limit": SEARCH_PAGE, "sort": "latest"})
        posts = body.get("posts") if isinstance(body, Mapping) else None
        if not isinstance(posts, list):
            raise MalformedResponse(_("Bluesky sent search results that are not a list of posts."))
        hits = []
        for post in posts:
            post = parsing.require(post, "uri", "cid", "author", "record")
            if parsing.require(post["author"], "did")["did"] == self.me:
                continue
            record = post["record"] if isinstance(post["record"], Mapping) else {}
            thread = [post]
            if isinstance(record.get("reply"), Mapping):
                thread = await self._with_parents(post)
            conversation = parsing.thread(thread, parsing.root_uri(str(post["uri"]), record), self.me)
            if conversation is not None:
                hits.append(SearchHit(str(post["uri"]), replace(conversation, status=Status.MONITORING)))
        return tuple(hits)

    async def _with_parents(self, post: Mapping[str, Any]) -> list[Mapping[str, Any]]:
        """A reply with the posts above it (only the reply itself if the thread is gone meanwhile)."""
        try:
            answer = await self.xrpc.query(
                "app.bsky.feed.getPostThread", {"uri": post["uri"], "depth": 0, "parentHeight": PARENT_HEIGHT}
            )
        except Rejected:
            return [post]
        return list(parsing.thread_posts(answer.get("thread") if isinstance(answer, Mapping) else None)) or [post]

    # -- outbox ------------------------------------------------------------------------------------
    async def execute(self, command: Command) -> CommandResult:
        if command.kind is not CommandKind.REPLY:
            return CommandResult()  # no assignment, status, labels or notes on Bluesky: local only
        if command.conversation_source_id.startswith(parsing.CONVO_PREFIX):
            return await self._send_message(command)
        record = await self._reply_record(command)
        rkey = records.record_key(command.idempotency_key, command.created_at)
        try:
            made = await self.xrpc.procedure(
                "com.atproto.repo.createRecord",
                {"repo": self.me, "collection": records.POST, "rkey": rkey, "record": record},
            )
        except ServerError:
            # The PDS answers a record key that exists with a 500: if it is ours, the reply is out.
            done = await self.find_executed(command)
            if done is None:
                raise
            return done
        made = parsing.require(made, "uri")
        return CommandResult(message=self._sent(str(made["uri"]), str(record["text"]), record["createdAt"]))

    async def _reply_record(self, command: Command) -> dict[str, Any]:
        root = command.conversation_source_id.removeprefix(parsing.THREAD_PREFIX)
        posts = await self.thread_posts(root)
        theirs = [p for p in posts if p["author"]["did"] != self.me]
        if not theirs:
            raise Rejected(_("There is no customer post in this thread to reply to."))
        parent = max(theirs, key=parsing.post_time)
        first = next((p for p in posts if p["uri"] == root), None)
        parent_record = parent["record"] if isinstance(parent["record"], Mapping) else {}
        root_ref = parsing.ref(first) if first is not None else (parent_record.get("reply") or {}).get("root")
        if not isinstance(root_ref, Mapping):
            root_ref = parsing.ref(parent)
        text, facets = await records.rich_text(command.payload.get("text", ""), self._resolve_handle)
        return records.reply_record(text, facets, root_ref, parsing.ref(parent), datetime.now(UTC))

    async def _resolve_handle(self, handle: str) -> str | None:
        try:
            body = await self.xrpc.query("com.atproto.identity.resolveHandle", {"handle": handle})
        except Rejected:
            return None  # no such account: the text stays, without a mention
        did = body.get("did") if isinstance(body, Mapping) else None
        return did if isinstance(did, str) else None

    async def _send_message(self, command: Command) -> CommandResult:
        convo_id = command.conversation_source_id.removeprefix(parsing.CONVO_PREFIX)
        sent = await self.xrpc.procedure(
            "chat.bsky.convo.sendMessage",
            {"convoId": convo_id, "message": {"text": command.payload.get("text", "")}},
            proxy=self.chat_proxy,
        )
        sent = parsing.require(sent, "id", "sentAt")
        return CommandResult(message=self._sent(str(sent["id"]), str(sent.get("text", "")), sent["sentAt"]))

    def _sent(self, source_id: str, text: str, at: object) -> IncomingMessage:
        handle = self.xrpc.signed_in().handle
        return IncomingMessage(source_id, Direction.OUTBOUND, handle, text, parsing.instant(at))

    async def find_executed(self, command: Command) -> CommandResult | None:
        """Whether this reply is already out.

        A post: the record under the command's own record key (see ``records.record_key``) is in
        our repository or not, an exact answer from the PDS itself, no index and no delay. A chat
        message has no such key: our message with the same text, sent after the command was made.
        """
        if command.kind is not CommandKind.REPLY:
            return None
        if command.conversation_source_id.startswith(parsing.CONVO_PREFIX):
            return await self._find_message(command)
        rkey = records.record_key(command.idempotency_key, command.created_at)
        try:
            body = await self.xrpc.query(
                "com.atproto.repo.getRecord", {"repo": self.me, "collection": records.POST, "rkey": rkey}
            )
        except Rejected:
            return None
        body = parsing.require(body, "uri", "value")
        value = parsing.require(body["value"], "text", "createdAt")
        return CommandResult(message=self._sent(str(body["uri"]), str(value["text"]), value["createdAt"]))

    async def _find_message(self, command: Command) -> CommandResult | None:
        convo_id = command.conversation_source_id.removeprefix(parsing.CONVO_PREFIX)
        wanted = command.payload.get("text", "").strip()
        since = command.created_at.replace(tzinfo=command.created_at.tzinfo or UTC) if command.created_at else None
        for item in reversed(await self._chat_messages(convo_id)):
            mine = parsing.require(item["sender"], "did")["did"] == self.me
            sent = parsing.instant(item["sentAt"])
            if mine and str(item.get("text", "")).strip() == wanted and (since is None or sent >= since):
                return CommandResult(message=self._sent(str(item["id"]), str(item["text"]), item["sentAt"]))
        return None

    async def close(self) -> None:
        await self._client.aclose()


def no_chat_service(chat_did: str) -> str:
    return _("Direct messages are not synced: the chat service {did} does not answer through this server.").format(
        did=chat_did
    )


def _notifications(body: object) -> list[Mapping[str, Any]]:
    notes = parsing.require(body, "notifications")["notifications"]
    if not isinstance(notes, list):
        raise MalformedResponse(_("Bluesky sent notifications that are not a list."))
    return [parsing.require(n, "uri", "reason", "indexedAt") for n in notes]


def _newer(note: Mapping[str, Any], newest: str | None, seen: tuple[str, ...]) -> bool:
    if newest is None:
        return True
    at, last = parsing.instant(note["indexedAt"]), parsing.instant(newest)
    return at > last or (at == last and str(note["uri"]) not in seen)
