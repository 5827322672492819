"""The test server's data: accounts, agents, teams, inboxes, contacts, conversations, messages.

Plain records plus the few mutations the agent API performs (post a message, toggle status,
assign, replace labels), each with the side effects the real server has: an activity message
and a newer ``last_activity_at``. The clock is the server's, so tests can move it forward.
"""

from __future__ import annotations

import bisect
import itertools
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class User:
    id: int
    name: str
    email: str
    token: str
    account_ids: list[int]
    role: str = "administrator"
    availability: str = "available"  # available, busy, offline (what /agents reports)


@dataclass
class Inbox:
    id: int
    account_id: int
    name: str
    channel_type: str
    medium: str = ""
    member_ids: list[int] = field(default_factory=list)  # agents of the inbox (/inbox_members)


@dataclass
class Team:
    id: int
    account_id: int
    name: str
    member_ids: list[int] = field(default_factory=list)


@dataclass
class Contact:
    id: int
    account_id: int
    name: str
    email: str = ""
    phone_number: str = ""
    identifier: str = ""
    additional_attributes: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Message:
    id: int
    conversation_id: int  # the display id, as the API shows it
    inbox_id: int
    content: str
    message_type: int  # 0 incoming, 1 outgoing, 2 activity, 3 template
    created_at: int
    sender: tuple[str, int] | None  # ("contact" | "user", id)
    private: bool = False
    content_attributes: dict[str, Any] = field(default_factory=dict)
    source_id: str = ""


@dataclass
class Conversation:
    account_id: int
    display_id: int
    inbox_id: int
    contact_id: int
    created_at: int
    status: str = "open"
    assignee_id: int | None = None
    team_id: int | None = None
    labels: list[str] = field(default_factory=list)
    additional_attributes: dict[str, Any] = field(default_factory=dict)
    snoozed_until: int | None = None
    priority: str | None = None  # urgent, high, medium, low; None = none
    last_activity_at: int = 0
    unread_count: int = 0
    uuid: str = field(default_factory=lambda: str(uuid.uuid4()))
    messages: list[Message] = field(default_factory=list)
    message_ids: list[int] = field(default_factory=list)  # parallel to messages, for bisect


@dataclass
class CannedResponse:
    id: int
    account_id: int
    short_code: str
    content: str


class ServerState:
    """Everything the server knows; handler threads take ``lock`` around every access."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.clock_offset = 0
        self.users: dict[int, User] = {}
        self.account_names: dict[int, str] = {}
        self.inboxes: dict[int, Inbox] = {}
        self.teams: dict[int, Team] = {}
        self.contacts: dict[int, Contact] = {}
        self.conversations: dict[tuple[int, int], Conversation] = {}
        self.canned: dict[int, CannedResponse] = {}
        self.account_labels: dict[int, list[str]] = {}
        self._ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        #: Told (under ``lock``) of each change as (event, conversation, message or None): the
        #: websocket (``cable.py``) broadcasts them, as Chatwoot's server does.
        self.listeners: list[Callable[[str, Conversation, Message | None], None]] = []

    # -- clock and ids -----------------------------------------------------------------------------
    def now(self) -> int:
        return int(time.time()) + self.clock_offset

    def advance(self, seconds: int) -> None:
        """Move the server clock forward, so later activity has a later timestamp."""
        self.clock_offset += seconds

    def next_id(self) -> int:
        return next(self._ids)

    # -- building ----------------------------------------------------------------------------------
    def add_account(self, name: str) -> int:
        account_id = self.next_id()
        self.account_names[account_id] = name
        self.account_labels[account_id] = []
        return account_id

    def add_user(self, name: str, account_ids: list[int], *, token: str = "", role: str = "administrator") -> User:
        user_id = self.next_id()
        user = User(
            user_id,
            name,
            f"{name.split()[0].lower()}@example.com",
            token or f"token-{user_id}",
            list(account_ids),
            role,
        )
        self.users[user_id] = user
        return user

    def add_inbox(self, account_id: int, name: str, channel_type: str, medium: str = "") -> Inbox:
        inbox = Inbox(self.next_id(), account_id, name, channel_type, medium)
        self.inboxes[inbox.id] = inbox
        return inbox

    def add_team(self, account_id: int, name: str, member_ids: list[int] | None = None) -> Team:
        team = Team(self.next_id(), account_id, name, list(member_ids or []))
        self.teams[team.id] = team
        return team

    def add_contact(self, account_id: int, name: str, **attributes: Any) -> Contact:
        contact = Contact(self.next_id(), account_id, name, **attributes)
        self.contacts[contact.id] = contact
        return contact

    def add_canned(self, account_id: int, short_code: str, content: str) -> CannedResponse:
        canned = CannedResponse(self.next_id(), account_id, short_code, content)
        self.canned[canned.id] = canned
        return canned

    def add_conversation(
        self,
        account_id: int,
        inbox_id: int,
        contact_id: int,
        *,
        additional_attributes: dict[str, Any] | None = None,
        created_at: int | None = None,
        display_id: int | None = None,
    ) -> Conversation:
        if display_id is None:
            display_id = 1 + max(
                (c.display_id for (a, _), c in self.conversations.items() if a == account_id), default=0
            )
        created = self.now() if created_at is None else created_at
        conversation = Conversation(
            account_id,
            display_id,
            inbox_id,
            contact_id,
            created,
            additional_attributes=dict(additional_attributes or {}),
            last_activity_at=created,
        )
        self.conversations[(account_id, display_id)] = conversation
        self._changed("conversation.created", conversation)
        return conversation

    # -- the agent API's mutations -----------------------------------------------------------------
    def post_message(
        self,
        conversation: Conversation,
        content: str,
        message_type: int,
        *,
        sender: tuple[str, int] | None,
        private: bool = False,
        content_attributes: dict[str, Any] | None = None,
        created_at: int | None = None,
    ) -> Message:
        """Append a message; a customer message re-opens a snoozed conversation, as the server does."""
        message = Message(
            next(self._message_ids),
            conversation.display_id,
            conversation.inbox_id,
            content,
            message_type,
            self.now() if created_at is None else created_at,
            sender,
            private,
            dict(content_attributes or {}),
        )
        if message_type == 0:
            message.source_id = f"ext-{message.id}"
            conversation.unread_count += 1
            if conversation.status == "snoozed":
                conversation.status, conversation.snoozed_until = "open", None
        conversation.messages.append(message)
        conversation.message_ids.append(message.id)
        conversation.last_activity_at = max(conversation.last_activity_at, message.created_at)
        self._changed("message.created", conversation, message)
        return message

    def customer_writes(self, conversation: Conversation, content: str) -> Message:
        """What a test does to simulate the customer sending something."""
        return self.post_message(conversation, content, 0, sender=("contact", conversation.contact_id))

    def toggle_status(self, conversation: Conversation, status: str, snoozed_until: int | None, actor: User) -> None:
        conversation.status = status
        conversation.snoozed_until = snoozed_until if status == "snoozed" else None
        self._activity(conversation, f"Conversation was marked {status} by {actor.name}")
        self._changed("conversation.status_changed", conversation)

    def assign(self, conversation: Conversation, body: dict[str, Any], actor: User) -> dict[str, Any] | None:
        """The presence of ``assignee_id`` decides (null unassigns); else ``team_id`` does."""
        if "assignee_id" in body:
            conversation.assignee_id = body["assignee_id"]
            who = self.users[body["assignee_id"]].name if body["assignee_id"] else "nobody"
            self._activity(conversation, f"Assigned to {who} by {actor.name}")
            self._changed("assignee.changed", conversation)
            return {"kind": "user", "id": body["assignee_id"]} if body["assignee_id"] else None
        conversation.team_id = body.get("team_id")
        team = self.teams[conversation.team_id].name if conversation.team_id else "no team"
        self._activity(conversation, f"Assigned to {team} by {actor.name}")
        self._changed("team.changed", conversation)
        return {"kind": "team", "id": conversation.team_id} if conversation.team_id else None

    def set_priority(self, conversation: Conversation, priority: str, actor: User) -> None:
        """``none`` clears it, as the real server stores no priority then."""
        conversation.priority = None if priority == "none" else priority
        self._activity(conversation, f"{actor.name} set the priority to {priority}")

    def set_labels(self, conversation: Conversation, labels: list[str], actor: User) -> None:
        conversation.labels = list(dict.fromkeys(labels))
        known = self.account_labels[conversation.account_id]
        known.extend(label for label in conversation.labels if label not in known)
        self._activity(conversation, f"{actor.name} set labels {', '.join(conversation.labels) or '(none)'}")
        self._changed("conversation.updated", conversation)

    def _activity(self, conversation: Conversation, text: str) -> None:
        self.post_message(conversation, text, 2, sender=None)

    def _changed(self, event: str, conversation: Conversation, message: Message | None = None) -> None:
        for listener in self.listeners:
            listener(event, conversation, message)

    # -- queries -----------------------------------------------------------------------------------
    @staticmethod
    def messages_page(conversation: Conversation, before: int | None, after: int | None) -> list[Message]:
        """The server's id-cursor paging: latest 20; 20 before; up to 100 after; or a range."""
        ids, messages = conversation.message_ids, conversation.messages
        start = bisect.bisect_right(ids, after) if after is not None else None
        end = bisect.bisect_left(ids, before) if before is not None else len(ids)
        if start is None:
            return messages[max(0, end - 20) : end]
        limit = 1000 if before is not None else 100
        return messages[start : min(end, start + limit)]
