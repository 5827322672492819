"""Which of our channels a Chatwoot inbox is, and whether a conversation in it is public.

Chatwoot names an inbox's kind with a Rails class (``Channel::TwitterProfile``); some kinds carry
two of our channels (a Facebook page inbox also holds Instagram DMs, a Twilio inbox is SMS or
WhatsApp), and an API inbox can be anything, so its name decides. Public versus private comes
from the conversation's ``additional_attributes.type``: tweets, posts, comments and mentions are
public; everything else on Chatwoot is a direct conversation.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from agentdesk.core.channels import PRIVATE_ONLY, Audience, Channel

_BY_CLASS: dict[str, Channel] = {
    "Channel::TwitterProfile": Channel.X,
    "Channel::Twitter": Channel.X,
    "Channel::FacebookPage": Channel.FACEBOOK,
    "Channel::Instagram": Channel.INSTAGRAM,
    "Channel::Email": Channel.EMAIL,
    "Channel::Sms": Channel.SMS,
    "Channel::Whatsapp": Channel.WHATSAPP,
    "Channel::WebWidget": Channel.CHAT,
}

#: additional_attributes.type values that mean "a post the public can read".
_PUBLIC_TYPES = frozenset({"tweet", "post", "comment", "mention", "public"})
_INSTAGRAM_TYPES = frozenset({"instagram_direct_message", "instagram_comment"})

#: Words in an API inbox's name that name one of our channels ("Mastodon mentions", "X (API)").
_NAME_WORDS: dict[str, Channel] = {
    **{channel.value: channel for channel in Channel},
    "twitter": Channel.X,
    "e-mail": Channel.EMAIL,
    "mail": Channel.EMAIL,
    "fb": Channel.FACEBOOK,
}


def inbox_channel(channel_type: str, name: str, medium: str = "") -> Channel:
    """Our channel for an inbox; unknown kinds (Telegram, Line, ...) count as chat."""
    if channel_type == "Channel::TwilioSms":
        return Channel.WHATSAPP if medium == "whatsapp" else Channel.SMS
    if channel_type == "Channel::Api":
        words = re.findall(r"[a-z-]+", name.lower())
        return next((_NAME_WORDS[w] for w in words if w in _NAME_WORDS), Channel.CHAT)
    return _BY_CLASS.get(channel_type, Channel.CHAT)


def conversation_channel(inbox_channel_id: Channel, attributes: Mapping[str, Any]) -> Channel:
    """A Facebook page inbox also carries Instagram conversations; the conversation says which."""
    if inbox_channel_id is Channel.FACEBOOK and attributes.get("type") in _INSTAGRAM_TYPES:
        return Channel.INSTAGRAM
    return inbox_channel_id


def conversation_audience(channel: Channel, attributes: Mapping[str, Any]) -> Audience:
    if attributes.get("type") in _PUBLIC_TYPES and channel not in PRIVATE_ONLY:
        return Audience.PUBLIC
    return Audience.PRIVATE
