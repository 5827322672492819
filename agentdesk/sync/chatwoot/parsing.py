"""Pure parsers: Chatwoot's JSON in, our records out. The only code that knows Chatwoot's shapes.

Every parser raises :class:`MalformedResponse` when the JSON is not what the API promises, so a
server that changed under us becomes a calm "retrying" instead of a crash. Timestamps are unix
seconds (README: message and conversation objects).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from agentdesk.core.entities import Direction, Status
from agentdesk.core.incoming import IncomingConversation, IncomingCustomer, IncomingMessage
from agentdesk.sync.chatwoot.channels import conversation_audience, conversation_channel, inbox_channel
from agentdesk.sync.chatwoot.records import AccountRef, Agent, Contact, ConversationCounts, Inbox, Profile, Team
from agentdesk.sync.errors import MalformedResponse
from agentdesk.sync.words import N_, _

#: Where we keep the outbox idempotency key on a message (see find_executed in the connector).
KEY_ATTRIBUTE = "agentdesk_idempotency_key"

_INCOMING, _OUTGOING, _ACTIVITY, _TEMPLATE = 0, 1, 2, 3
_STATUSES = {s.value: s for s in (Status.OPEN, Status.PENDING, Status.SNOOZED, Status.RESOLVED)}


@contextmanager
def parsing(what: str) -> Iterator[None]:
    """Turn a missing key or a wrong type into MalformedResponse that names what we were reading."""
    try:
        yield
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        raise MalformedResponse(
            _("Chatwoot sent an unexpected {what} ({error}).").format(
                what=_(what), error=f"{type(exc).__name__}: {exc}"
            )
        ) from exc


def timestamp(value: Any) -> datetime:
    return datetime.fromtimestamp(float(value), UTC)


def parse_profile(data: Mapping[str, Any]) -> Profile:
    with parsing(N_("profile")):
        accounts = tuple(
            AccountRef(int(a["id"]), str(a.get("name") or ""), str(a.get("role") or "agent")) for a in data["accounts"]
        )
        return Profile(int(data["id"]), _name(data), str(data.get("email") or ""), accounts)


def parse_inboxes(data: Mapping[str, Any]) -> dict[int, Inbox]:
    with parsing(N_("inbox list")):
        return {
            int(i["id"]): Inbox(
                int(i["id"]), str(i.get("name") or ""), str(i["channel_type"]), str(i.get("medium") or "")
            )
            for i in data["payload"]
        }


def parse_agents(data: list[Any]) -> tuple[Agent, ...]:
    with parsing(N_("agent list")):
        return tuple(
            Agent(
                int(a["id"]),
                _name(a),
                str(a.get("email") or ""),
                str(a.get("role") or "agent"),
                str(a.get("availability_status") or "offline"),
            )
            for a in data
        )


def parse_team_members(data: list[Any]) -> tuple[int, ...]:
    """The agent ids of one team (``GET /teams/{team_id}/team_members``, a bare array)."""
    with parsing(N_("team member list")):
        return tuple(int(a["id"]) for a in data)


def parse_inbox_members(data: Mapping[str, Any]) -> tuple[int, ...]:
    """The agent ids of one inbox (``GET /inbox_members/{inbox_id}``, wrapped in ``payload``)."""
    with parsing(N_("inbox member list")):
        return tuple(int(a["id"]) for a in data["payload"])


def parse_teams(data: list[Any]) -> tuple[Team, ...]:
    with parsing(N_("team list")):
        return tuple(Team(int(t["id"]), str(t["name"])) for t in data)


def parse_canned_responses(data: list[Any]) -> tuple[tuple[str, str], ...]:
    with parsing(N_("canned response list")):
        return tuple((str(c["short_code"]), str(c["content"])) for c in data)


def parse_contacts(data: Mapping[str, Any]) -> tuple[Contact, ...]:
    with parsing(N_("contact list")):
        return tuple(
            Contact(
                int(c["id"]),
                str(c.get("name") or ""),
                str(c.get("email") or ""),
                str(c.get("phone_number") or ""),
                str(c.get("identifier") or ""),
            )
            for c in data["payload"]
        )


def parse_conversation_list(data: Mapping[str, Any]) -> tuple[list[dict[str, Any]], ConversationCounts]:
    """The raw items (we still need their messages) and the queue counts."""
    with parsing(N_("conversation list")):
        body = data["data"]
        meta = body.get("meta") or {}
        counts = ConversationCounts(
            *(int(meta.get(f"{k}_count") or 0) for k in ("mine", "unassigned", "assigned", "all"))
        )
        items = list(body["payload"])
        for item in items:
            int(item["id"]), int(item["last_activity_at"])
        return items, counts


def parse_message(data: Mapping[str, Any]) -> IncomingMessage | None:
    """One message, or None for Chatwoot's activity lines ("Conversation was resolved by ...")."""
    with parsing(N_("message")):
        return _message(data)


def parse_message_list(page: list[Mapping[str, Any]]) -> tuple[IncomingMessage, ...]:
    """A conversation's messages without the activity lines; one parse for the lot, as a full
    pass parses 200,000 of them."""
    with parsing(N_("message")):
        return tuple(message for data in page if (message := _message(data)) is not None)


def _message(data: Mapping[str, Any]) -> IncomingMessage | None:
    kind = int(data["message_type"])
    if kind == _ACTIVITY:
        return None
    if kind == _INCOMING:
        direction = Direction.INBOUND
    else:
        direction = Direction.NOTE if data.get("private") else Direction.OUTBOUND
    sender = data.get("sender") or {}
    author = _name(sender) if sender else ("Chatwoot" if kind in (_OUTGOING, _TEMPLATE) else "")
    return IncomingMessage(
        str(data["id"]), direction, author, str(data.get("content") or ""), timestamp(data["created_at"])
    )


def parse_messages(data: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The raw page (oldest first): paging needs the ids and times before parsing."""
    with parsing(N_("message list")):
        page = list(data["payload"])
        for message in page:
            int(message["id"]), float(message["created_at"])
        return page


def message_key(data: Mapping[str, Any]) -> str:
    """The idempotency key we stored on a message we sent, or ""."""
    attributes = data.get("content_attributes")
    return str(attributes.get(KEY_ATTRIBUTE) or "") if isinstance(attributes, Mapping) else ""


def parse_conversation(
    item: Mapping[str, Any], inboxes: Mapping[int, Inbox], messages: tuple[IncomingMessage, ...] = ()
) -> IncomingConversation:
    with parsing(N_("conversation")):
        inbox = inboxes.get(int(item["inbox_id"])) or Inbox(int(item["inbox_id"]), "", "")
        attributes = item.get("additional_attributes") or {}
        channel = conversation_channel(inbox_channel(inbox.channel_type, inbox.name, inbox.medium), attributes)
        meta = item.get("meta") or {}
        sender = meta.get("sender") or {}
        assignee, team = meta.get("assignee") or {}, meta.get("team") or {}
        status = _STATUSES.get(str(item["status"]))
        if status is None:
            raise ValueError(f"unknown status {item['status']!r}")
        customer = IncomingCustomer(
            str(sender.get("id") or ""),
            _name(sender),
            _handle(sender),
            channel,
            language=str((sender.get("additional_attributes") or {}).get("language") or ""),
        )
        return IncomingConversation(
            source_id=str(item["id"]),
            channel=channel,
            audience=conversation_audience(channel, attributes),
            customer=customer,
            status=status,
            assignee=_name(assignee) if assignee else "",
            subject=str(attributes.get("mail_subject") or ""),
            created_at=timestamp(item["created_at"]),
            messages=messages,
            language=str(attributes.get("conversation_language") or ""),
            team=str(team.get("name") or ""),
            labels=tuple(str(label) for label in item.get("labels") or ()),
            priority=str(item.get("priority") or ""),
        )


def error_text(data: Any) -> str:
    """The server's own words from an error body, in any of its shapes (README: "Errors")."""
    if isinstance(data, Mapping):
        for key in ("error", "message", "description"):
            if isinstance(data.get(key), str) and data[key]:
                return data[key]
        errors = data.get("errors")
        if isinstance(errors, list) and errors:
            return "; ".join(str(e.get("message", e)) if isinstance(e, Mapping) else str(e) for e in errors)
    return ""


def _name(person: Mapping[str, Any]) -> str:
    return str(person.get("available_name") or person.get("name") or "")


def _handle(sender: Mapping[str, Any]) -> str:
    """How the customer is addressed on their platform: @name, e-mail, phone or platform id."""
    screen_name = (sender.get("additional_attributes") or {}).get("screen_name")
    if screen_name:
        return f"@{screen_name}"
    return str(sender.get("email") or sender.get("phone_number") or sender.get("identifier") or "")
