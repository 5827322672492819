"""Thread splitting: every part fits, parts are numbered, words and links stay whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agentdesk.core.channels import Audience, Channel
from agentdesk.core.length import measure
from agentdesk.core.split import split_thread

DRAFT = (Path(__file__).parent / "data" / "bench_draft_de.txt").read_text(encoding="utf-8")
WORDS = st.sampled_from(
    [
        "Hallo",
        "Paket",
        "https://example.com/sendung?id=42",
        "@kim_hh",
        "#Störung",
        "👨‍👩‍👧",
        "Grüße.",
        "danke!",
        "x" * 40,
        "www.beispiel.de",
        "„Zitat“",
        "e\u0301",
    ]
)


def _strip_number(part: str, index: int, total: int) -> str:
    suffix = f" {index}/{total}"
    assert part.endswith(suffix)
    return part[: -len(suffix)]


@pytest.mark.parametrize("channel", [Channel.X, Channel.MASTODON, Channel.BLUESKY])
def test_long_draft_splits_into_numbered_parts_that_fit(channel: Channel) -> None:
    parts = split_thread(DRAFT, channel)
    assert len(parts) > 1
    for part in parts:
        assert measure(part, channel, Audience.PUBLIC).valid
    bodies = [_strip_number(p, i, len(parts)) for i, p in enumerate(parts, 1)]
    assert " ".join(bodies).split() == DRAFT.split()


def test_short_text_is_not_split() -> None:
    assert split_thread("Danke für Ihre Geduld!", Channel.X) == ["Danke für Ihre Geduld!"]


def test_prefers_sentence_ends() -> None:
    sentence = "Das ist ein ganz normaler Satz mit einigen Wörtern darin. "
    parts = split_thread(sentence * 8, Channel.X)
    assert all(_strip_number(p, i, len(parts)).endswith(".") for i, p in enumerate(parts, 1))


def test_other_channels_have_no_threads() -> None:
    with pytest.raises(ValueError, match="sms"):
        split_thread("x", Channel.SMS)


@settings(max_examples=40, deadline=None)
@given(words=st.lists(WORDS, min_size=1, max_size=150), channel=st.sampled_from([Channel.X, Channel.BLUESKY]))
def test_parts_fit_and_rejoin_to_the_original_words(words: list[str], channel: Channel) -> None:
    text = " ".join(words)
    parts = split_thread(text, channel)
    assert all(measure(p, channel, Audience.PUBLIC).fits for p in parts)
    if len(parts) > 1:
        bodies = [_strip_number(p, i, len(parts)) for i, p in enumerate(parts, 1)]
        assert " ".join(bodies).split() == text.split()
