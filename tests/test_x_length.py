"""X counting agrees with twitter-text: its conformance suite and the official JS on tricky text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agentdesk.core.channels import Audience, Channel
from agentdesk.core.length import measure
from agentdesk.core.length.utf16 import to_units
from agentdesk.core.length.x_length import parse_tweet
from agentdesk.core.length.x_urls import extract_urls

DATA = Path(__file__).parent / "data"
CONFORMANCE = json.loads((DATA / "x_conformance_v3.json").read_text(encoding="utf-8"))
OFFICIAL = json.loads((DATA / "x_official_cases.json").read_text(encoding="utf-8"))["cases"]


def _text(case: dict) -> str:
    if "text" in case:
        return case["text"]
    if "repeat" in case:
        return case["repeat"]["unit"] * case["repeat"]["times"]
    long_url = "somesuperlongurl" * 249
    return "".join(
        p if isinstance(p, str) else p["unit"].replace("{somesuperlongurl*249}", long_url) * p["times"]
        for p in case["parts"]
    )


@pytest.mark.parametrize("case", CONFORMANCE["weighted"], ids=lambda c: c["description"])
def test_conformance_weighted_length(case: dict) -> None:
    parsed = parse_tweet(_text(case))
    expected = case["expected"]
    assert (parsed.weighted_length, parsed.valid, parsed.permillage) == (
        expected["weightedLength"],
        expected["valid"],
        expected["permillage"],
    )
    assert (parsed.valid_range_end, parsed.display_range_end) == (
        expected["validRangeEnd"],
        expected["displayRangeEnd"],
    )


@pytest.mark.parametrize("case", CONFORMANCE["validity"], ids=lambda c: c["description"])
def test_conformance_validity(case: dict) -> None:
    assert measure(_text(case), Channel.X, Audience.PUBLIC).valid is case["expected"]


@pytest.mark.parametrize("case", OFFICIAL, ids=lambda c: repr(c["text"][:30]))
def test_agrees_with_official_twitter_text(case: dict) -> None:
    parsed = parse_tweet(case["text"])
    assert (parsed.weighted_length, parsed.valid, parsed.valid_range_end) == (
        case["weightedLength"],
        case["valid"],
        case["validRangeEnd"],
    )
    assert [[u.start, u.end] for u in extract_urls(to_units(case["text"]))] == case["urls"]


def test_copyright_sign_counts_like_the_official_client() -> None:
    # Bare © is Latin-1 (weight 1); with the emoji variation selector twemoji sees an emoji (2).
    assert measure("©", Channel.X, Audience.PUBLIC).length == 1
    assert measure("©\ufe0f", Channel.X, Audience.PUBLIC).length == 2
    assert measure("a\r\nb", Channel.X, Audience.PUBLIC).length == 4


def test_url_past_the_limit_is_marked_whole() -> None:
    text = "x" * 270 + " https://example.com/a/very/long/path"
    result = measure(text, Channel.X, Audience.PUBLIC)
    assert result.over == ((271, len(text)),)


def test_over_limit_maps_back_to_decomposed_text() -> None:
    text = "u\u0308" * 285  # decomposed ü: NFC turns it into one character each
    start, end = measure(text, Channel.X, Audience.PUBLIC).over[0]
    assert (start, end) == (560, len(text))


def test_direct_messages_allow_ten_thousand_characters() -> None:
    assert measure("x" * 10_000, Channel.X, Audience.PRIVATE).valid
    assert not measure("x" * 10_001, Channel.X, Audience.PRIVATE).valid


@given(st.text(alphabet=st.characters(codec="utf-8", categories=("L", "Zs")), min_size=1, max_size=400))
def test_plain_text_is_valid_exactly_when_it_fits(text: str) -> None:
    result = measure(text, Channel.X, Audience.PUBLIC)
    fits = result.length <= result.limit
    assert (result.over == ()) is fits
    if text.strip() and "\ufeff" not in text:
        assert result.valid is fits
