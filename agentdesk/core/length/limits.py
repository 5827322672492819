"""Each channel's documented limit for a public reply and a private message (docs/channel-limits.md).

``None`` means the audience does not exist on that channel: YouTube has no private messages, SMS
and WhatsApp no public replies. Sources are listed with each figure in the docs table.
"""

from __future__ import annotations

from dataclasses import dataclass

from agentdesk.core.channels import Audience, Channel


@dataclass(frozen=True, slots=True)
class ChannelLimit:
    """The maximum per audience, in the unit the platform counts."""

    public: int | None
    private: int | None
    unit: str

    def for_audience(self, audience: Audience) -> int | None:
        return self.public if audience is Audience.PUBLIC else self.private


#: What a platform counts when it checks a length.
UNIT_WEIGHTED = "weighted characters"  # X: twitter-text weights
UNIT_GRAPHEMES = "graphemes"  # user-perceived characters (extended grapheme clusters)
UNIT_UTF16 = "UTF-16 code units"  # JavaScript String.length, what a web form's maxlength counts
UNIT_CODE_POINTS = "characters"  # Unicode code points (Ruby String#length)
UNIT_SMS = "SMS units"  # GSM-7 septets or UCS-2 code units

LIMITS: dict[Channel, ChannelLimit] = {
    Channel.X: ChannelLimit(public=280, private=10_000, unit=UNIT_WEIGHTED),
    Channel.MASTODON: ChannelLimit(public=500, private=500, unit=UNIT_GRAPHEMES),
    Channel.BLUESKY: ChannelLimit(public=300, private=1_000, unit=UNIT_GRAPHEMES),
    Channel.FACEBOOK: ChannelLimit(public=8_000, private=2_000, unit=UNIT_UTF16),
    Channel.INSTAGRAM: ChannelLimit(public=2_200, private=1_000, unit=UNIT_UTF16),
    Channel.LINKEDIN: ChannelLimit(public=1_250, private=8_000, unit=UNIT_UTF16),
    Channel.YOUTUBE: ChannelLimit(public=10_000, private=None, unit=UNIT_UTF16),
    Channel.THREADS: ChannelLimit(public=500, private=None, unit=UNIT_UTF16),
    Channel.WHATSAPP: ChannelLimit(public=None, private=4_096, unit=UNIT_UTF16),
    Channel.SMS: ChannelLimit(public=None, private=None, unit=UNIT_SMS),  # segments: see sms_length
    Channel.EMAIL: ChannelLimit(public=None, private=150_000, unit=UNIT_CODE_POINTS),
    Channel.CHAT: ChannelLimit(public=None, private=150_000, unit=UNIT_CODE_POINTS),
}

#: Bluesky also caps the UTF-8 size of the text as posted.
BLUESKY_MAX_BYTES: dict[Audience, int] = {Audience.PUBLIC: 3_000, Audience.PRIVATE: 10_000}


def audiences(channel: Channel) -> tuple[Audience, ...]:
    """The audiences a reply on this channel can have, public first."""
    if channel is Channel.SMS:
        return (Audience.PRIVATE,)
    limit = LIMITS[channel]
    return tuple(a for a in Audience if limit.for_audience(a) is not None)


def effective_audience(channel: Channel, audience: Audience) -> Audience:
    """The audience a reply really gets: a channel with only one audience has no choice."""
    available = audiences(channel)
    return audience if audience in available else available[0]
