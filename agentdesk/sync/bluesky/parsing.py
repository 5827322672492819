"""Bluesky's JSON (thread views, post views, chat conversations) as the sync engine's records.

A post's identity is its AT URI (``at://did/app.bsky.feed.post/rkey``); a thread is named by
its first post's URI, which every reply carries in ``record.reply.root``, so every mention in
one thread lands in one conversation. People are named by DID (handles can change).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any

from agentdesk.core.channels import Audience, Channel
from agentdesk.core.entities import Direction, Status
from agentdesk.core.incoming import IncomingConversation, IncomingCustomer, IncomingMessage
from agentdesk.sync import platform_values
from agentdesk.sync.errors import MalformedResponse
from agentdesk.sync.words import _

THREAD_PREFIX = "thread:"  # a public conversation: a thread, named by its first post's URI
CONVO_PREFIX = "convo:"  # a private conversation: a chat conversation, by its id

#: The notifications that ask for an answer: someone wrote to us or about our post.
ASKING = frozenset({"mention", "reply", "quote"})


def require(data: object, *keys: str) -> Mapping[str, Any]:
    return platform_values.require("Bluesky", data, *keys)


def instant(value: object) -> datetime:
    return platform_values.instant("Bluesky", value)


def root_uri(post_uri: str, record: Mapping[str, Any]) -> str:
    """The thread's first post: the record's ``reply.root``, or the post itself when it starts one."""
    reply = record.get("reply")
    root = reply.get("root") if isinstance(reply, Mapping) else None
    uri = root.get("uri") if isinstance(root, Mapping) else None
    return uri if isinstance(uri, str) and uri.startswith("at://") else post_uri


def ref(post: Mapping[str, Any]) -> dict[str, str]:
    """A strong reference (URI and CID) to a post view, for a reply's ``root`` and ``parent``."""
    post = require(post, "uri", "cid")
    return {"uri": str(post["uri"]), "cid": str(post["cid"])}


def thread_posts(node: object) -> Iterator[Mapping[str, Any]]:
    """Every visible post of a thread view: the parents up to the root, the post, all replies.

    Deleted and blocked posts (``#notFoundPost``, ``#blockedPost``) carry no post and are left out.
    """
    if not isinstance(node, Mapping) or not isinstance(node.get("post"), Mapping):
        return
    yield require(node["post"], "uri", "cid", "author", "record")
    parent = node.get("parent")
    while isinstance(parent, Mapping) and isinstance(parent.get("post"), Mapping):
        yield require(parent["post"], "uri", "cid", "author", "record")
        parent = parent.get("parent")
    for reply in node.get("replies") or ():
        yield from thread_posts({**reply, "parent": None} if isinstance(reply, Mapping) else reply)


def post_time(post: Mapping[str, Any]) -> datetime:
    record = post["record"] if isinstance(post.get("record"), Mapping) else {}
    return instant(record.get("createdAt") or post.get("indexedAt"))


def customer(author: object) -> IncomingCustomer:
    author = require(author, "did", "handle")
    return IncomingCustomer(
        source_id=str(author["did"]),
        name=str(author.get("displayName") or author["handle"]),
        handle="@" + str(author["handle"]),
        channel=Channel.BLUESKY,
        followers=int(author.get("followersCount") or 0),
    )


def message(post: Mapping[str, Any], me: str) -> IncomingMessage:
    post = require(post, "uri", "author", "record")
    author = require(post["author"], "did", "handle")
    record = require(post["record"], "text")
    return IncomingMessage(
        source_id=str(post["uri"]),
        direction=Direction.OUTBOUND if author["did"] == me else Direction.INBOUND,
        author=str(author.get("displayName") or author["handle"]),
        text=str(record["text"]),
        created_at=post_time(post),
    )


def thread(posts: list[Mapping[str, Any]], root: str, me: str) -> IncomingConversation | None:
    """One public conversation from a thread's posts, oldest first; None if only we wrote in it.

    The customer is whoever wrote the first post that is not ours.
    """
    ordered = sorted({str(p["uri"]): p for p in posts}.values(), key=post_time)
    theirs = [p for p in ordered if require(p["author"], "did")["did"] != me]
    if not theirs:
        return None
    first = theirs[0]
    return IncomingConversation(
        source_id=THREAD_PREFIX + root,
        channel=Channel.BLUESKY,
        audience=Audience.PUBLIC,
        customer=customer(first["author"]),
        status=Status.OPEN,
        assignee=None,
        subject=str(first["record"].get("text", ""))[:200],
        created_at=post_time(ordered[0]),
        messages=tuple(message(p, me) for p in ordered),
        language=_language(first["record"]),
    )


def _language(record: Mapping[str, Any]) -> str:
    langs = record.get("langs")
    return str(langs[0]) if isinstance(langs, list) and langs and isinstance(langs[0], str) else ""


def chat_messages(body: object) -> list[Mapping[str, Any]]:
    """``getMessages``' messages with text, oldest first (deleted ones have none)."""
    messages = require(body, "messages")["messages"]
    if not isinstance(messages, list):
        raise MalformedResponse(_("Bluesky sent chat messages that are not a list."))
    shown = [require(m, "id", "sender", "sentAt") for m in messages if isinstance(m, Mapping) and "text" in m]
    return sorted(shown, key=lambda m: instant(m["sentAt"]))


def chat_message(item: Mapping[str, Any], me: str, names: Mapping[str, str]) -> IncomingMessage:
    sender = str(require(item["sender"], "did")["did"])
    return IncomingMessage(
        source_id=str(item["id"]),
        direction=Direction.OUTBOUND if sender == me else Direction.INBOUND,
        author=names.get(sender, sender),
        text=str(item.get("text") or ""),
        created_at=instant(item["sentAt"]),
    )


def convo(view: Mapping[str, Any], messages: list[Mapping[str, Any]], me: str) -> IncomingConversation | None:
    """A chat conversation as one private conversation; None if nobody but us wrote in it."""
    view = require(view, "id", "members")
    members = [require(m, "did", "handle") for m in view["members"]]
    others = [m for m in members if m["did"] != me]
    names = {str(m["did"]): str(m.get("displayName") or m["handle"]) for m in members}
    said = [chat_message(m, me, names) for m in messages]
    if not others or not said or all(m.direction is Direction.OUTBOUND for m in said):
        return None
    return IncomingConversation(
        source_id=CONVO_PREFIX + str(view["id"]),
        channel=Channel.BLUESKY,
        audience=Audience.PRIVATE,
        customer=customer(others[0]),
        status=Status.OPEN,
        assignee=None,
        subject=said[0].text[:200],
        created_at=said[0].created_at,
        messages=tuple(said),
    )
