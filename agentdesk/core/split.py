"""Split a long reply into a numbered thread whose parts each fit the platform.

Parts break after a sentence where one is close enough to the limit, otherwise between words;
never inside a word, so never inside a URL, mention, hashtag or emoji. Each part ends in " i/n".
A single word longer than a whole part (rare: a pasted hash) is cut between graphemes.
"""

from __future__ import annotations

import regex

from agentdesk.core.channels import Audience, Channel
from agentdesk.core.length import ChannelRules, measure

THREAD_CHANNELS: frozenset[Channel] = frozenset({Channel.X, Channel.MASTODON, Channel.BLUESKY})
_WORD = regex.compile(r"(\S+)(\s*)")
_GRAPHEME = regex.compile(r"\X")
_SENTENCE_END = (".", "!", "?", "…", '."', '!"', '?"', ".“", "!“", "?“")
_SENTENCE_SHARE = 0.6  # break at a sentence end if the part is at least this full


def split_thread(text: str, channel: Channel, rules: ChannelRules | None = None) -> list[str]:
    """The text as thread parts ("… 1/3"), or ``[text]`` when it already fits."""
    if channel not in THREAD_CHANNELS:
        raise ValueError(f"{channel.value} has no threads")
    text = text.strip()
    if measure(text, channel, Audience.PUBLIC, rules=rules).fits:
        return [text]
    # Each word keeps the whitespace after it, so line breaks inside a part survive.
    words = [(m.group(1), m.group(2)) for m in _WORD.finditer(text)]
    total = 2
    for _ in range(4):  # the suffix width depends on the part count: repeat until it is stable
        bodies = _pack(words, channel, rules, f" {total}/{total}")
        if len(bodies) <= total and len(str(len(bodies))) == len(str(total)):
            break
        total = len(bodies)
    return [f"{body} {i}/{len(bodies)}" for i, body in enumerate(bodies, 1)]


def _join(words: list[tuple[str, str]]) -> str:
    return "".join(word + space for word, space in words[:-1]) + words[-1][0]


def _fits(body: str, suffix: str, channel: Channel, rules: ChannelRules | None) -> bool:
    return measure(body + suffix, channel, Audience.PUBLIC, rules=rules).fits


def _pack(words: list[tuple[str, str]], channel: Channel, rules: ChannelRules | None, suffix: str) -> list[str]:
    bodies: list[str] = []
    queue = list(words)
    while queue:
        taken = _most_words(queue, channel, rules, suffix)
        if taken == 0:
            head, rest = _cut_word(queue[0][0], channel, rules, suffix)
            bodies.append(head)
            queue[0] = (rest, queue[0][1])
            continue
        sentence = max((n for n in range(1, taken + 1) if queue[n - 1][0].endswith(_SENTENCE_END)), default=0)
        if taken < len(queue) and sentence >= taken * _SENTENCE_SHARE:
            taken = sentence
        bodies.append(_join(queue[:taken]))
        del queue[:taken]
    return bodies


def _most_words(queue: list[tuple[str, str]], channel: Channel, rules: ChannelRules | None, suffix: str) -> int:
    """The largest n such that the first n words fit (binary search; length grows with n)."""
    low, high = 0, len(queue)
    while low < high:
        middle = (low + high + 1) // 2
        if _fits(_join(queue[:middle]), suffix, channel, rules):
            low = middle
        else:
            high = middle - 1
    return low


def _cut_word(word: str, channel: Channel, rules: ChannelRules | None, suffix: str) -> tuple[str, str]:
    graphemes = _GRAPHEME.findall(word)
    count = 1
    while count < len(graphemes) and _fits("".join(graphemes[: count + 1]), suffix, channel, rules):
        count += 1
    return "".join(graphemes[:count]), "".join(graphemes[count:])
