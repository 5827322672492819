"""JSON views of the server's records, shaped as the real server's REST answers.

Where the spec declares a field non-nullable but the server would send null (an unassigned
conversation's ``assignee``, no ``snoozed_until``), the key is left out: the contract check
would otherwise flag our own answers.
"""

from __future__ import annotations

from typing import Any

from tests.servers.chatwoot.state import Contact, Conversation, Message, ServerState, Team, User

_ISO = "%Y-%m-%dT%H:%M:%SZ"


def _drop_none(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value is not None}


def pubsub_token(user: User) -> str:
    """The user's websocket token: the profile shows it, ``RoomChannel`` checks it (``cable.py``)."""
    return f"pubsub-{user.id}"


def user_view(state: ServerState, user: User, *, with_secrets: bool = False) -> dict[str, Any]:
    view: dict[str, Any] = {
        "id": user.id,
        "name": user.name,
        "available_name": user.name,
        "display_name": user.name,
        "email": user.email,
        "role": user.role,
        "confirmed": True,
        "avatar_url": "",
        "ui_settings": {},
        "account_id": user.account_ids[0] if user.account_ids else None,
    }
    if with_secrets:
        view["access_token"] = user.token
        view["pubsub_token"] = pubsub_token(user)
        view["accounts"] = [
            {
                "id": account_id,
                "name": state.account_names[account_id],
                "role": user.role,
                "status": "active",
                "availability_status": "online",
                "auto_offline": True,
            }
            for account_id in user.account_ids
        ]
    return _drop_none(view)


def agent_view(user: User, account_id: int) -> dict[str, Any]:
    return {
        "id": user.id,
        "account_id": account_id,
        "name": user.name,
        "available_name": user.name,
        "email": user.email,
        "role": user.role,
        "availability_status": user.availability,
        "auto_offline": True,
        "confirmed": True,
        "thumbnail": "",
    }


def team_view(team: Team, viewer: User) -> dict[str, Any]:
    return {
        "id": team.id,
        "name": team.name,
        "description": "",
        "allow_auto_assign": True,
        "account_id": team.account_id,
        "is_member": viewer.id in team.member_ids,
    }


def contact_view(contact: Contact) -> dict[str, Any]:
    return {
        "id": contact.id,
        "name": contact.name,
        "email": contact.email or None,
        "phone_number": contact.phone_number or None,
        "identifier": contact.identifier or None,
        "additional_attributes": contact.additional_attributes,
        "custom_attributes": {},
        "thumbnail": "",
        "blocked": False,
        "availability_status": "offline",
    }


def sender_view(contact: Contact) -> dict[str, Any]:
    """A contact as a message's or conversation's sender: the spec allows no nulls here."""
    return _drop_none({**contact_view(contact), "type": "contact"})


def message_view(state: ServerState, message: Message, account_id: int) -> dict[str, Any]:
    view: dict[str, Any] = {
        "id": message.id,
        "content": message.content,
        "account_id": account_id,
        "inbox_id": message.inbox_id,
        "conversation_id": message.conversation_id,
        "message_type": message.message_type,
        "created_at": message.created_at,
        "updated_at": message.created_at,
        "private": message.private,
        "status": "sent",
        "content_type": "text",
        "content_attributes": message.content_attributes,
        "source_id": message.source_id or None,
    }
    if message.sender is not None:
        kind, sender_id = message.sender
        if kind == "contact":
            view["sender"] = sender_view(state.contacts[sender_id])
        else:
            user = state.users[sender_id]
            view["sender"] = {"id": user.id, "name": user.name, "available_name": user.name, "type": "user"}
    return _drop_none(view)


def conversation_view(state: ServerState, conversation: Conversation) -> dict[str, Any]:
    """A list item: the conversation with its last message and ``meta`` (sender, assignee, team)."""
    account_id = conversation.account_id
    last = conversation.messages[-1:] if conversation.messages else []
    last_real = next((m for m in reversed(conversation.messages) if m.message_type != 2), None)
    meta: dict[str, Any] = {
        "sender": sender_view(state.contacts[conversation.contact_id]),
        "channel": state.inboxes[conversation.inbox_id].channel_type,
        "hmac_verified": False,
    }
    if conversation.assignee_id is not None:
        meta["assignee"] = user_view(state, state.users[conversation.assignee_id])
    if conversation.team_id is not None:
        meta["team"] = {"id": conversation.team_id, "name": state.teams[conversation.team_id].name}
    return _drop_none(
        {
            "id": conversation.display_id,
            "account_id": account_id,
            "uuid": conversation.uuid,
            "inbox_id": conversation.inbox_id,
            "status": conversation.status,
            "labels": conversation.labels,
            "additional_attributes": conversation.additional_attributes,
            "custom_attributes": {},
            "can_reply": True,
            "muted": False,
            "unread_count": conversation.unread_count,
            "created_at": conversation.created_at,
            "updated_at": conversation.last_activity_at,
            "last_activity_at": conversation.last_activity_at,
            "snoozed_until": conversation.snoozed_until,
            "priority": conversation.priority,
            "messages": [message_view(state, m, account_id) for m in last],
            "last_non_activity_message": message_view(state, last_real, account_id) if last_real else None,
            "meta": meta,
        }
    )


def canned_view(state: ServerState, account_id: int) -> list[dict[str, Any]]:
    return [
        {
            "id": c.id,
            "account_id": c.account_id,
            "short_code": c.short_code,
            "content": c.content,
            "created_at": "2026-01-01T00:00:00Z",
            "updated_at": "2026-01-01T00:00:00Z",
        }
        for c in state.canned.values()
        if c.account_id == account_id
    ]
