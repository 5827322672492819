"""Count a draft the way its platform counts it (see docs/channel-limits.md for every figure).

``measure`` is the one entry point: the editor, the pre-send checks, the thread splitter and
``agentdesk check`` all call it, so they can never disagree about what fits.
"""

from __future__ import annotations

from dataclasses import replace

from agentdesk.core.channels import Audience, Channel
from agentdesk.core.length import bluesky_length, mastodon_length, sms_length, x_length
from agentdesk.core.length.limits import (
    BLUESKY_MAX_BYTES,
    LIMITS,
    UNIT_CODE_POINTS,
    UNIT_GRAPHEMES,
    UNIT_SMS,
    UNIT_UTF16,
    UNIT_WEIGHTED,
    audiences,
    effective_audience,
)
from agentdesk.core.length.measure_result import Measure
from agentdesk.core.length.pieces import Piece, over_range
from agentdesk.core.length.rules import ChannelRules, MastodonInstanceRules
from agentdesk.core.length.utf16 import unit_length

__all__ = [
    "ChannelRules",
    "MastodonInstanceRules",
    "Measure",
    "audiences",
    "effective_audience",
    "measure",
]


def measure(text: str, channel: Channel, audience: Audience, *, rules: ChannelRules | None = None) -> Measure:
    """The draft's length, limit, validity and over-limit ranges on this channel and audience."""
    audience = effective_audience(channel, audience)
    rules = rules or ChannelRules()
    if channel is Channel.X and audience is Audience.PUBLIC:
        return _measure_x(text)
    if channel is Channel.MASTODON:
        return _measure_mastodon(text, audience, rules)
    if channel is Channel.BLUESKY:
        return _measure_bluesky(text, audience, rules)
    if channel is Channel.SMS:
        return _measure_sms(text, rules)
    return _measure_plain(text, channel, audience, rules)


def _limit(channel: Channel, audience: Audience, rules: ChannelRules) -> int:
    documented = LIMITS[channel].for_audience(audience)
    assert documented is not None, "effective_audience() picks an audience the channel has"
    return rules.max_characters or documented


def _measure_x(text: str) -> Measure:
    parsed = x_length.parse_tweet(text)
    start = x_length.over_start_index(text, parsed)
    return Measure(
        channel=Channel.X,
        audience=Audience.PUBLIC,
        length=parsed.weighted_length,
        limit=x_length.MAX_WEIGHTED_LENGTH,
        unit=UNIT_WEIGHTED,
        valid=parsed.valid,
        over=() if start is None else ((start, len(text)),),
    )


def _measure_mastodon(text: str, audience: Audience, rules: ChannelRules) -> Measure:
    limit = _limit(Channel.MASTODON, audience, rules)
    url_length = rules.characters_reserved_per_url
    pieces = mastodon_length.mastodon_pieces(
        text, mastodon_length.DEFAULT_URL_LENGTH if url_length is None else url_length
    )
    return _from_pieces(text, Channel.MASTODON, audience, pieces, limit, UNIT_GRAPHEMES)


def _measure_bluesky(text: str, audience: Audience, rules: ChannelRules) -> Measure:
    limit = _limit(Channel.BLUESKY, audience, rules)
    links = bluesky_length.detect_links(text)
    pieces = bluesky_length.bluesky_pieces(text, links)
    result = _from_pieces(text, Channel.BLUESKY, audience, pieces, limit, UNIT_GRAPHEMES, BLUESKY_MAX_BYTES[audience])
    posted = bluesky_length.posted_text(text, links)
    return replace(result, posted_text=posted if posted != text else None)


def _from_pieces(
    text: str,
    channel: Channel,
    audience: Audience,
    pieces: list[Piece],
    limit: int,
    unit: str,
    size_limit: int | None = None,
) -> Measure:
    length = sum(piece.cost for piece in pieces)
    over = over_range(pieces, text, limit, size_limit)
    return Measure(channel, audience, length, limit, unit, valid=length > 0 and not over, over=over)


def _measure_sms(text: str, rules: ChannelRules) -> Measure:
    count = sms_length.count_sms(text)
    max_segments = rules.sms_max_segments or sms_length.DEFAULT_MAX_SEGMENTS
    over = () if count.segments <= max_segments else ((count.segment_starts[max_segments], len(text)),)
    return Measure(
        channel=Channel.SMS,
        audience=Audience.PRIVATE,
        length=count.units,
        limit=sms_length.unit_limit(count.encoding, max_segments),
        unit=UNIT_SMS,
        valid=count.units > 0 and not over,
        over=over,
        segments=count.segments,
        encoding=count.encoding,
        ucs2_characters=count.ucs2_characters,
    )


def _measure_plain(text: str, channel: Channel, audience: Audience, rules: ChannelRules) -> Measure:
    limit = _limit(channel, audience, rules)
    unit = UNIT_CODE_POINTS if channel is Channel.X else LIMITS[channel].unit
    if unit == UNIT_UTF16:
        length = unit_length(text)
        pieces = (Piece(i, i + 1, 2 if ord(ch) > 0xFFFF else 1) for i, ch in enumerate(text))
    else:
        length = len(text)
        pieces = (Piece(i, i + 1, 1) for i in range(len(text)))
    over = over_range(pieces, text, limit) if length > limit else ()
    return Measure(channel, audience, length, limit, unit, valid=length > 0 and not over, over=over)
