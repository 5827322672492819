"""Channel ids and audiences: the vocabulary every layer shares (store, CLI, templates)."""

from __future__ import annotations

from enum import StrEnum


class Channel(StrEnum):
    X = "x"
    MASTODON = "mastodon"
    BLUESKY = "bluesky"
    FACEBOOK = "facebook"
    INSTAGRAM = "instagram"
    LINKEDIN = "linkedin"
    YOUTUBE = "youtube"
    THREADS = "threads"
    WHATSAPP = "whatsapp"
    SMS = "sms"
    EMAIL = "email"
    CHAT = "chat"

    @classmethod
    def parse(cls, value: str) -> Channel:
        """The channel for an id, or a ValueError that lists the known ids."""
        try:
            return cls(value.strip().lower())
        except ValueError:
            known = ", ".join(c.value for c in cls)
            raise ValueError(f"unknown channel {value!r}; known channels: {known}") from None


class Audience(StrEnum):
    """Who can read a message: everyone (a public post or comment) or only the customer."""

    PUBLIC = "public"
    PRIVATE = "private"


#: Display names, used by the UI and reports.
CHANNEL_NAMES: dict[Channel, str] = {
    Channel.X: "X",
    Channel.MASTODON: "Mastodon",
    Channel.BLUESKY: "Bluesky",
    Channel.FACEBOOK: "Facebook",
    Channel.INSTAGRAM: "Instagram",
    Channel.LINKEDIN: "LinkedIn",
    Channel.YOUTUBE: "YouTube",
    Channel.THREADS: "Threads",
    Channel.WHATSAPP: "WhatsApp",
    Channel.SMS: "SMS",
    Channel.EMAIL: "E-Mail",
    Channel.CHAT: "Chat",
}

#: Channels that are private by nature (no public reply exists there).
PRIVATE_ONLY: frozenset[Channel] = frozenset({Channel.WHATSAPP, Channel.SMS, Channel.EMAIL, Channel.CHAT})
