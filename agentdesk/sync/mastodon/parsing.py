"""Mastodon's JSON (statuses, accounts, notifications) as the sync engine's records.

Statuses carry their text as HTML (``content``); the agent reads plain text, so paragraphs and
line breaks become newlines and everything else its text. Ids are strings (snowflakes): they
are compared as integers, never as strings, so "9" sorts before "10".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html.parser import HTMLParser
from typing import Any

from agentdesk.core.channels import Audience, Channel
from agentdesk.core.entities import Direction, Status
from agentdesk.core.incoming import IncomingConversation, IncomingCustomer, IncomingMessage
from agentdesk.sync import platform_values

THREAD_PREFIX = "thread:"  # a conversation is a thread, named by its first status


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag == "p" and self.parts:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts).strip()


def status_sort_key(status: Mapping[str, Any]) -> int:
    return int(status["id"])


def handle(account: Mapping[str, Any], instance_domain: str) -> str:
    """``@user@instance`` for everyone, so a handle means the same person on every instance."""
    acct = str(account.get("acct", ""))
    return f"@{acct}" if "@" in acct else f"@{acct}@{instance_domain}"


def customer(account: Mapping[str, Any], instance_domain: str) -> IncomingCustomer:
    account = platform_values.require("Mastodon", account, "id", "acct")
    return IncomingCustomer(
        source_id=str(account["id"]),
        name=str(account.get("display_name") or account.get("username") or account["acct"]),
        handle=handle(account, instance_domain),
        channel=Channel.MASTODON,
        followers=int(account.get("followers_count") or 0),
    )


def message(status: Mapping[str, Any], me: str) -> IncomingMessage:
    status = platform_values.require("Mastodon", status, "id", "created_at", "account", "content")
    author = platform_values.require("Mastodon", status["account"], "id", "acct")
    mine = str(author["id"]) == me
    return IncomingMessage(
        source_id=str(status["id"]),
        direction=Direction.OUTBOUND if mine else Direction.INBOUND,
        author=str(author.get("display_name") or author["acct"]),
        text=plain_text(str(status["content"])) or str(status.get("spoiler_text") or ""),
        created_at=platform_values.instant("Mastodon", status["created_at"]),
    )


def thread(statuses: Iterable[Mapping[str, Any]], me: str, instance_domain: str) -> IncomingConversation | None:
    """One conversation from a whole thread (ancestors, the status, descendants), oldest first.

    The customer is whoever wrote the first status that is not ours; a thread of only our own
    posts is no conversation. A thread with a direct status in it is private: whatever the
    customer wrote privately must never be answered in public.
    """
    ordered = sorted({str(s["id"]): s for s in statuses}.values(), key=status_sort_key)
    theirs = [s for s in ordered if str(platform_values.require("Mastodon", s, "account")["account"]["id"]) != me]
    if not ordered or not theirs:
        return None
    root, first_theirs = ordered[0], theirs[0]
    private = any(s.get("visibility") == "direct" for s in theirs)
    return IncomingConversation(
        source_id=THREAD_PREFIX + str(root["id"]),
        channel=Channel.MASTODON,
        audience=Audience.PRIVATE if private else Audience.PUBLIC,
        customer=customer(first_theirs["account"], instance_domain),
        status=Status.OPEN,
        assignee=None,
        subject=plain_text(str(first_theirs.get("content", "")))[:200],
        created_at=platform_values.instant("Mastodon", root["created_at"]),
        messages=tuple(message(s, me) for s in ordered),
        language=str(first_theirs.get("language") or ""),
    )


def notification_status(notification: object) -> Mapping[str, Any] | None:
    """The status a mention notification is about (None for a mention whose status was deleted)."""
    note = platform_values.require("Mastodon", notification, "id", "type")
    status = note.get("status")
    return status if note["type"] == "mention" and isinstance(status, Mapping) else None


def error_text(body: object) -> str:
    return str(body["error"]) if isinstance(body, Mapping) and isinstance(body.get("error"), str) else ""
