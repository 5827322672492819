"""Mastodon, Bluesky, SMS and the documented limits, counted as each platform counts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agentdesk.core.channels import Audience, Channel
from agentdesk.core.length import ChannelRules, MastodonInstanceRules, measure

# Mastodon's StatusLengthValidator: graphemes, URLs with a scheme as 23, remote mentions by local part.
MASTODON_CASES = [
    ("Hallo", 5),
    ("https://example.com/ein/sehr/langer/pfad/der/viel/länger/als/23/zeichen/ist", 23),
    ("http://x.de", 23),
    ("example.com/ohne/schema", 23),  # no scheme: counted as typed, 23 characters long
    ("@anna@example.social", 5),
    ("@anna", 5),
    ("Hallo @anna@example.social und @bernd!", 23),
    ("👨‍👩‍👧‍👦", 1),
    ("e\u0301", 1),
    ("mail@example.social", 19),  # an e-mail address is not a mention
]


@pytest.mark.parametrize(("text", "length"), MASTODON_CASES)
def test_mastodon_counts_like_the_server(text: str, length: int) -> None:
    assert measure(text, Channel.MASTODON, Audience.PUBLIC).length == length


def test_mastodon_instance_limits_come_from_the_instance() -> None:
    rules = MastodonInstanceRules.from_instance_json(
        {"configuration": {"statuses": {"max_characters": 1000, "characters_reserved_per_url": 30}}}
    )
    result = measure("x" * 900 + " https://example.com", Channel.MASTODON, Audience.PUBLIC, rules=rules)
    assert (result.limit, result.length, result.valid) == (1000, 931, True)
    assert measure("x" * 501, Channel.MASTODON, Audience.PUBLIC).over == ((500, 501),)


def test_mastodon_instance_json_without_statuses_keeps_defaults() -> None:
    rules = MastodonInstanceRules.from_instance_json({"title": "x"})
    assert measure("x" * 500, Channel.MASTODON, Audience.PUBLIC, rules=rules).valid


def test_bluesky_counts_graphemes_of_the_shortened_link() -> None:
    text = "Infos: https://www.example.com/hilfe/versand/verspaetung?id=12345"
    result = measure(text, Channel.BLUESKY, Audience.PUBLIC)
    assert result.posted_text == "Infos: www.example.com/hilfe/versan..."  # path cut to 13, then "..."
    assert result.length == len(result.posted_text)


def test_bluesky_caps_bytes_as_well_as_graphemes() -> None:
    family = "👨‍👩‍👧‍👦"  # 1 grapheme, 25 bytes
    assert measure(family * 120, Channel.BLUESKY, Audience.PUBLIC).valid  # 3,000 bytes
    result = measure(family * 121, Channel.BLUESKY, Audience.PUBLIC)
    assert result.length == 121 and not result.valid and result.over == ((120 * 7, 121 * 7),)


def test_bluesky_link_that_does_not_fit_is_marked_whole() -> None:
    text = "x" * 290 + " https://example.com/abc"
    assert measure(text, Channel.BLUESKY, Audience.PUBLIC).over == ((291, len(text)),)


def test_sms_gsm_and_extension_characters() -> None:
    result = measure("Grüße à 10 € [x]", Channel.SMS, Audience.PRIVATE)
    assert (result.encoding, result.length, result.segments) == ("GSM-7", 19, 1)


def test_sms_names_the_characters_that_force_ucs2() -> None:
    result = measure("Danke 😊 – bis bald", Channel.SMS, Audience.PRIVATE)
    assert result.encoding == "UCS-2"
    assert result.ucs2_characters == ("😊", "–")


@pytest.mark.parametrize(
    ("text", "segments"),
    [("a" * 160, 1), ("a" * 161, 2), ("a" * 306, 2), ("a" * 307, 3), ("ä" * 70, 1), ("ж" * 71, 2)],
)
def test_sms_segments(text: str, segments: int) -> None:
    assert measure(text, Channel.SMS, Audience.PRIVATE).segments == segments


def test_sms_extension_character_never_straddles_segments() -> None:
    assert measure("a" * 152 + "€" + "a" * 10, Channel.SMS, Audience.PRIVATE).segments == 2
    assert measure("a" * 153 + "€" * 77, Channel.SMS, Audience.PRIVATE).segments == 3


def test_sms_over_the_segment_cap() -> None:
    result = measure("a" * 400, Channel.SMS, Audience.PRIVATE, rules=ChannelRules(sms_max_segments=2))
    assert result.over == ((306, 400),) and not result.valid


def test_private_only_channels_ignore_public() -> None:
    assert measure("Hallo", Channel.WHATSAPP, Audience.PUBLIC).audience is Audience.PRIVATE
    assert measure("Hallo", Channel.YOUTUBE, Audience.PRIVATE).audience is Audience.PUBLIC


@pytest.mark.parametrize("channel", list(Channel))
@given(text=st.text(alphabet="abc äöü ß.,!", min_size=1, max_size=3000))
def test_over_is_empty_iff_the_length_fits(channel: Channel, text: str) -> None:
    result = measure(text, channel, Audience.PUBLIC)
    assert (result.over == ()) is (result.length <= result.limit)
    if text.strip():
        assert result.valid is (result.length <= result.limit)


def test_an_accounts_stored_instance_limits_count_in_the_editor() -> None:
    rules = ChannelRules.from_settings({"max_characters": "1000", "characters_reserved_per_url": "0", "x": "y"})
    assert (rules.max_characters, rules.characters_reserved_per_url) == (1000, 0)
    assert ChannelRules.from_settings({"max_characters": "lots"}) == ChannelRules()
    result = measure("a" * 900, Channel.MASTODON, Audience.PUBLIC, rules=rules)
    assert result.limit == 1000 and not result.over
