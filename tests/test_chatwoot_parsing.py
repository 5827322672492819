"""Pure parts of the Chatwoot connector on recorded JSON: mapping, parsing, request building."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agentdesk.core.channels import Audience, Channel
from agentdesk.core.commands import Command, CommandKind
from agentdesk.core.entities import Direction, Status
from agentdesk.sync.chatwoot.channels import conversation_audience, conversation_channel, inbox_channel
from agentdesk.sync.chatwoot.cursor import SyncCursor
from agentdesk.sync.chatwoot.endpoints import Endpoints
from agentdesk.sync.chatwoot.parsing import KEY_ATTRIBUTE, parse_conversation, parse_message, parse_profile
from agentdesk.sync.chatwoot.records import Inbox
from agentdesk.sync.errors import MalformedResponse, Rejected
from agentdesk.sync.http_failures import retry_after_seconds

#: A conversation list item as the real server sends it (README "Conversation queue"; values recorded).
TWEET = {
    "id": 42,
    "inbox_id": 7,
    "status": "open",
    "labels": ["billing"],
    "unread_count": 1,
    "created_at": 1767225600,
    "last_activity_at": 1767229200,
    "additional_attributes": {"type": "tweet"},
    "messages": [],
    "meta": {
        "sender": {"id": 9, "name": "Tina", "additional_attributes": {"screen_name": "tinatweets"}},
        "assignee": {"id": 3, "name": "Alice Agent", "available_name": "Alice"},
        "team": {"id": 5, "name": "Social Media"},
        "channel": "Channel::TwitterProfile",
    },
}


@pytest.mark.parametrize(
    "channel_type, name, medium, expected",
    [
        ("Channel::TwitterProfile", "X", "", Channel.X),
        ("Channel::FacebookPage", "Page", "", Channel.FACEBOOK),
        ("Channel::Instagram", "Insta", "", Channel.INSTAGRAM),
        ("Channel::Email", "Support", "", Channel.EMAIL),
        ("Channel::Sms", "SMS", "", Channel.SMS),
        ("Channel::TwilioSms", "Twilio", "sms", Channel.SMS),
        ("Channel::TwilioSms", "Twilio", "whatsapp", Channel.WHATSAPP),
        ("Channel::Whatsapp", "WA", "", Channel.WHATSAPP),
        ("Channel::WebWidget", "Website", "", Channel.CHAT),
        ("Channel::Api", "Mastodon mentions", "", Channel.MASTODON),
        ("Channel::Api", "Bluesky (API)", "", Channel.BLUESKY),
        ("Channel::Api", "Custom bridge", "", Channel.CHAT),
        ("Channel::Telegram", "Telegram", "", Channel.CHAT),
    ],
)
def test_inbox_kinds_map_to_our_channels(channel_type, name, medium, expected):
    assert inbox_channel(channel_type, name, medium) is expected


def test_posts_are_public_and_direct_messages_private():
    assert conversation_audience(Channel.X, {"type": "tweet"}) is Audience.PUBLIC
    assert conversation_audience(Channel.X, {}) is Audience.PRIVATE
    assert conversation_audience(Channel.EMAIL, {"type": "post"}) is Audience.PRIVATE  # e-mail has no public
    assert conversation_channel(Channel.FACEBOOK, {"type": "instagram_direct_message"}) is Channel.INSTAGRAM


def test_conversation_item_becomes_an_incoming_conversation():
    conv = parse_conversation(TWEET, {7: Inbox(7, "X", "Channel::TwitterProfile")})
    assert (conv.source_id, conv.channel, conv.audience, conv.status) == ("42", Channel.X, Audience.PUBLIC, Status.OPEN)
    assert (conv.customer.name, conv.customer.handle, conv.assignee, conv.team) == (
        "Tina",
        "@tinatweets",
        "Alice",
        "Social Media",
    )
    assert conv.labels == ("billing",) and conv.created_at == datetime(2026, 1, 1, tzinfo=UTC)


def test_messages_by_type_and_privacy():
    base = {"id": 1, "content": "x", "created_at": 1767225600}
    assert parse_message({**base, "message_type": 0}).direction is Direction.INBOUND
    assert parse_message({**base, "message_type": 1, "private": False}).direction is Direction.OUTBOUND
    assert parse_message({**base, "message_type": 1, "private": True}).direction is Direction.NOTE
    assert parse_message({**base, "message_type": 2}) is None  # "Conversation was resolved by ..."


def test_unexpected_json_is_malformed_not_a_crash():
    with pytest.raises(MalformedResponse, match="profile"):
        parse_profile({"id": 1, "name": "A"})  # no accounts
    with pytest.raises(MalformedResponse, match="conversation"):
        parse_conversation({**TWEET, "status": "archived"}, {})


def test_retry_after_in_seconds_or_as_http_date():
    now = datetime(2026, 1, 1, 12, 0, 0, tzinfo=UTC)
    assert retry_after_seconds("12", now) == 12.0
    assert retry_after_seconds("Thu, 01 Jan 2026 12:01:30 GMT", now) == 90.0
    assert retry_after_seconds(None, now) == 30.0


def test_reply_carries_the_idempotency_key_and_status_rules():
    endpoints = Endpoints(3)
    reply = Command(1, "outbox-7", CommandKind.REPLY, 1, 1, "42", {"text": "Hi", "in_reply_to": "99"})
    [call] = endpoints.command_calls(reply)
    assert call.path == "/api/v1/accounts/3/conversations/42/messages"
    assert call.json["content_attributes"] == {KEY_ATTRIBUTE: "outbox-7", "in_reply_to": 99}
    with pytest.raises(Rejected, match="no status 'spam'"):
        endpoints.command_calls(Command(2, "k", CommandKind.SET_STATUS, 1, 1, "42", {"status": "spam"}))


def test_cursor_round_trip_and_unreadable_cursor_starts_over():
    cursor = SyncCursor(since=100, page=3, high=150, done=50)
    assert SyncCursor.decode(cursor.encode()) == cursor
    assert SyncCursor.decode("not json") == SyncCursor()
    assert cursor.next_pass(160) == SyncCursor(since=160, page=1, high=160)
