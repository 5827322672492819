"""X's v2 JSON (posts with their expansions, users, direct-message events) as the engine's records.

A v2 list is ``{"data": [...], "includes": {"users": [...], "tweets": [...]}, "meta": {...}}``;
an empty one has no ``data`` at all. Authors and referenced posts come in ``includes`` only when
asked for (``expansions``), so :class:`Page` keeps everything one answer brought, by id. Ids are
strings (snowflakes) and compared as integers.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from html import unescape
from typing import Any

from agentdesk.core.channels import Audience, Channel
from agentdesk.core.entities import Direction, Status
from agentdesk.core.incoming import IncomingConversation, IncomingCustomer, IncomingMessage
from agentdesk.sync.errors import MalformedResponse
from agentdesk.sync.words import _

THREAD_PREFIX = "thread:"  # a conversation is a thread, named by its root post (X's conversation_id)
DM_PREFIX = "dm:"  # a direct-message conversation, named by X's dm_conversation_id

#: What every post lookup asks for, so a post knows its author, thread and parent.
TWEET_PARAMS = {
    "tweet.fields": "author_id,conversation_id,created_at,in_reply_to_user_id,referenced_tweets,lang",
    "expansions": "author_id,referenced_tweets.id,referenced_tweets.id.author_id",
    "user.fields": "name,username,public_metrics",
}
DM_PARAMS = {
    "dm_event.fields": "id,text,event_type,created_at,sender_id,dm_conversation_id",
    "event_types": "MessageCreate",
    "expansions": "sender_id",
    "user.fields": "name,username,public_metrics",
}


@dataclass
class Page:
    """The posts and users of one or more answers, by id."""

    data: list[Mapping[str, Any]] = field(default_factory=list)
    tweets: dict[str, Mapping[str, Any]] = field(default_factory=dict)
    users: dict[str, Mapping[str, Any]] = field(default_factory=dict)
    next_token: str | None = None
    newest_id: str | None = None

    def add(self, body: Mapping[str, Any], *, posts: bool = True) -> Page:
        """One more answer; ``posts=False`` for a list of DM events (they are no posts to thread)."""
        data = body.get("data", [])
        includes = body.get("includes") or {}
        meta = body.get("meta") or {}
        if not isinstance(data, list) or not isinstance(includes, Mapping) or not isinstance(meta, Mapping):
            raise MalformedResponse(_("X sent a list whose data, includes or meta is not what the API documents."))
        for item in data:
            _require(item, "id")
        self.data.extend(data)
        if posts:
            self.tweets.update({str(t["id"]): t for t in data})
        for tweet in includes.get("tweets") or []:
            self.tweets.setdefault(str(_require(tweet, "id")["id"]), tweet)
        for user in includes.get("users") or []:
            self.users[str(_require(user, "id", "username")["id"])] = user
        self.next_token = str(meta["next_token"]) if meta.get("next_token") else None
        self.newest_id = str(meta["newest_id"]) if meta.get("newest_id") else None
        return self


def _require(data: object, *keys: str) -> Mapping[str, Any]:
    if not isinstance(data, Mapping) or any(key not in data for key in keys):
        missing = [key for key in keys if not isinstance(data, Mapping) or key not in data]
        raise MalformedResponse(_("X sent an object without {fields}.").format(fields=", ".join(missing)))
    return data


def _instant(value: object) -> datetime:
    if not isinstance(value, str):
        raise MalformedResponse(_("X sent a time that is not text: {value!r}.").format(value=value))
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise MalformedResponse(_("X sent a time we cannot read: {value!r}.").format(value=value)) from None


#: Where X's snowflake ids count their milliseconds from (1288834974657 ms after the Unix epoch).
SNOWFLAKE_EPOCH = datetime(2010, 11, 4, 1, 42, 54, 657000, tzinfo=UTC)


def made_at(item_id: str) -> datetime | None:
    """When X made a post or direct message, read from its id (the upper bits of a snowflake are
    milliseconds since X's epoch); None for an id that is no snowflake.

    X answers a new post with its id and text only. Taking our own clock instead would put our
    reply before the customer's post whenever this computer's clock is behind X's.
    """
    if not item_id.isdigit() or int(item_id) < 1 << 22:
        return None
    return SNOWFLAKE_EPOCH + timedelta(milliseconds=int(item_id) >> 22)


def id_key(item: Mapping[str, Any]) -> int:
    return int(item["id"])


def text(item: Mapping[str, Any]) -> str:
    """X escapes ``&``, ``<`` and ``>`` in post text (``&amp;``); the agent reads the characters."""
    return unescape(str(item.get("text", "")))


def parent_id(tweet: Mapping[str, Any]) -> str | None:
    for ref in tweet.get("referenced_tweets") or []:
        if isinstance(ref, Mapping) and ref.get("type") == "replied_to":
            return str(ref["id"])
    return None


def is_retweet(tweet: Mapping[str, Any]) -> bool:
    return any(isinstance(r, Mapping) and r.get("type") == "retweeted" for r in tweet.get("referenced_tweets") or [])


def customer(user: Mapping[str, Any]) -> IncomingCustomer:
    user = _require(user, "id", "username")
    metrics = user.get("public_metrics") or {}
    return IncomingCustomer(
        source_id=str(user["id"]),
        name=str(user.get("name") or user["username"]),
        handle=f"@{user['username']}",
        channel=Channel.X,
        followers=int(metrics.get("followers_count") or 0) if isinstance(metrics, Mapping) else 0,
    )


def _author(item: Mapping[str, Any], users: Mapping[str, Mapping[str, Any]], key: str) -> str:
    user = users.get(str(item.get(key, "")))
    return str(user.get("name") or user["username"]) if user else str(item.get(key, ""))


def message(tweet: Mapping[str, Any], users: Mapping[str, Mapping[str, Any]], me: str) -> IncomingMessage:
    tweet = _require(tweet, "id", "text", "author_id", "created_at")
    return IncomingMessage(
        source_id=str(tweet["id"]),
        direction=Direction.OUTBOUND if str(tweet["author_id"]) == me else Direction.INBOUND,
        author=_author(tweet, users, "author_id"),
        text=text(tweet),
        created_at=_instant(tweet["created_at"]),
    )


def chain(tweet: Mapping[str, Any], tweets: Mapping[str, Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The post and the parents we have of it, root first (stops where a parent is missing)."""
    found, seen = [tweet], {str(tweet["id"])}
    parent = parent_id(tweet)
    while parent is not None and parent in tweets and parent not in seen:
        seen.add(parent)
        found.insert(0, tweets[parent])
        parent = parent_id(tweets[parent])
    return found


def thread(
    posts: Iterable[Mapping[str, Any]], users: Mapping[str, Mapping[str, Any]], me: str, status: Status = Status.OPEN
) -> IncomingConversation | None:
    """One public conversation from a thread's posts, oldest first, named by X's conversation id.

    The customer is whoever wrote the first post that is not ours; a thread of only our own
    posts is no conversation.
    """
    ordered = sorted({str(p["id"]): p for p in posts}.values(), key=id_key)
    theirs = [p for p in ordered if str(_require(p, "author_id")["author_id"]) != me]
    if not theirs:
        return None
    root, first = ordered[0], theirs[0]
    author = users.get(str(first["author_id"]))
    if author is None:
        raise MalformedResponse(_("X sent a post without its author (the expansion author_id is missing)."))
    return IncomingConversation(
        source_id=THREAD_PREFIX + str(root.get("conversation_id") or root["id"]),
        channel=Channel.X,
        audience=Audience.PUBLIC,
        customer=customer(author),
        status=status,
        assignee=None,
        subject=text(first)[:200],
        created_at=_instant(_require(root, "created_at")["created_at"]),
        messages=tuple(message(p, users, me) for p in ordered),
        language="" if first.get("lang") in (None, "und") else str(first["lang"]),  # "und": X could not tell
    )


def direct_messages(
    events: Iterable[Mapping[str, Any]], users: Mapping[str, Mapping[str, Any]], me: str
) -> list[IncomingConversation]:
    """Private conversations, one per DM conversation with something new from the customer.

    A page may hold only the newest events of a conversation: the engine adds messages by id, so
    the earlier ones stay. Its subject stays empty (the list shows the newest message instead).
    """
    grouped: dict[str, list[Mapping[str, Any]]] = {}
    for event in events:
        event = _require(event, "id", "event_type")
        if event["event_type"] != "MessageCreate":
            continue
        _require(event, "dm_conversation_id", "sender_id", "created_at", "text")
        grouped.setdefault(str(event["dm_conversation_id"]), []).append(event)
    conversations = []
    for conversation_id, group in grouped.items():
        ordered = sorted(group, key=id_key)
        theirs = [e for e in ordered if str(e["sender_id"]) != me]
        if not theirs or str(theirs[0]["sender_id"]) not in users:
            continue  # only our own messages (already stored when sent), or a sender X did not expand
        conversations.append(
            IncomingConversation(
                source_id=DM_PREFIX + conversation_id,
                channel=Channel.X,
                audience=Audience.PRIVATE,
                customer=customer(users[str(theirs[0]["sender_id"])]),
                status=Status.OPEN,
                assignee=None,
                subject="",
                created_at=_instant(ordered[0]["created_at"]),
                messages=tuple(dm_message(e, users, me) for e in ordered),
            )
        )
    return conversations


def dm_message(event: Mapping[str, Any], users: Mapping[str, Mapping[str, Any]], me: str) -> IncomingMessage:
    return IncomingMessage(
        source_id=str(event["id"]),
        direction=Direction.OUTBOUND if str(event["sender_id"]) == me else Direction.INBOUND,
        author=_author(event, users, "sender_id"),
        text=text(event),
        created_at=_instant(event["created_at"]),
    )


def dm_participant(dm_conversation_id: str, me: str) -> str | None:
    """The other person of a one-to-one DM conversation (its id is both user ids, ``a-b``)."""
    ids = dm_conversation_id.split("-")
    others = [i for i in ids if i != me]
    return others[0] if len(ids) == 2 and len(others) == 1 else None
