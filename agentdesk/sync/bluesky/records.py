"""A reply as the ``app.bsky.feed.post`` record Bluesky's app would write.

Links and mentions are *facets*: spans of the text given in UTF-8 **byte** offsets (not
characters: "ü" is two bytes, an emoji four), with the link's full URL or the mentioned
account's DID. Links are posted shortened, as the app shows them (``bluesky_length``), which is
also what the editor counted. A reply names the thread's first post (``root``) and the post it
answers (``parent``), each by URI and CID, so it lands in the right place of the thread.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from agentdesk.core.length import bluesky_length

POST = "app.bsky.feed.post"

#: ``detectFacets`` in @atproto/api: an @handle after the start, a space or "(".
_MENTION = re.compile(r"(?:^|(?<=[\s(]))@(?P<handle>[a-zA-Z0-9.-]+)\b")
_DOMAIN = re.compile(r"^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$")
#: A #tag after the start or a space (``detectFacets``: up to 64 characters, not only digits).
_TAG = re.compile(r"(?:^|(?<=\s))[#＃](?P<tag>\S+)")
_S32 = "234567abcdefghijklmnopqrstuvwxyz"

Resolve = Callable[[str], Awaitable[str | None]]


async def rich_text(text: str, resolve: Resolve) -> tuple[str, list[dict[str, Any]]]:
    """The text as posted (links shortened) and its link, mention and tag facets, in byte offsets."""
    links = bluesky_length.detect_links(text)
    posted = bluesky_length.posted_text(text, links)
    facets: list[tuple[int, dict[str, Any]]] = []
    taken: list[tuple[int, int]] = []
    shift = 0  # how much the shortened links before this one moved it
    for link in links:
        start = link.start + shift
        end = start + len(link.shown)
        shift += len(link.shown) - (link.end - link.start)
        taken.append((start, end))
        facets.append((start, _facet(posted, start, end, {"$type": "app.bsky.richtext.facet#link", "uri": link.uri})))
    for match in _MENTION.finditer(posted):
        start = match.start()
        handle = match.group("handle").rstrip(".")
        end = start + 1 + len(handle)
        if any(a < end and start < b for a, b in taken):
            continue  # an @ inside a link belongs to the link
        if not (_DOMAIN.match(handle) or handle.endswith(".test")):
            continue
        did = await resolve(handle.lower())
        if did:
            facets.append((start, _facet(posted, start, end, {"$type": "app.bsky.richtext.facet#mention", "did": did})))
    for match in _TAG.finditer(posted):
        tag = _without_trailing_punctuation(match.group("tag"))
        start, end = match.start(), match.start("tag") + len(tag)
        if not tag or tag.isdigit() or len(tag) > 64 or any(a < end and start < b for a, b in taken):
            continue
        facets.append((start, _facet(posted, start, end, {"$type": "app.bsky.richtext.facet#tag", "tag": tag})))
    return posted, [facet for _, facet in sorted(facets, key=lambda item: item[0])]


def _without_trailing_punctuation(word: str) -> str:
    while word and unicodedata.category(word[-1]).startswith("P"):
        word = word[:-1]
    return word


def _facet(text: str, start: int, end: int, feature: dict[str, Any]) -> dict[str, Any]:
    byte_start = len(text[:start].encode())
    byte_end = byte_start + len(text[start:end].encode())
    return {"index": {"byteStart": byte_start, "byteEnd": byte_end}, "features": [feature]}


def reply_record(
    text: str, facets: list[dict[str, Any]], root: Mapping[str, str], parent: Mapping[str, str], created_at: datetime
) -> dict[str, Any]:
    record: dict[str, Any] = {
        "$type": POST,
        "text": text,
        "createdAt": created_at.isoformat().replace("+00:00", "Z"),
        "reply": {"root": dict(root), "parent": dict(parent)},
    }
    if facets:
        record["facets"] = facets
    return record


def record_key(idempotency_key: str, created_at: datetime | None) -> str:
    """The post's record key, derived from the command alone, so a second try names the same record.

    Posts are keyed by TIDs (13 characters of sortable base32: microseconds since 1970, then a
    10-bit clock id). We take the command's creation time and a clock id from a hash of its
    idempotency key: the same command always gets the same key, and the PDS refuses to create a
    record whose key exists. So after a crash between "sent" and "recorded" the engine can ask
    ``getRecord`` whether the reply is there, and a repeated create cannot post it twice.
    """
    digest = hashlib.sha256(idempotency_key.encode()).digest()
    if created_at is None:  # no time to sort by: the key's hash alone, still the same every time
        micros = int.from_bytes(digest[2:8], "big") >> 1
    else:
        micros = int(created_at.replace(tzinfo=created_at.tzinfo or UTC).timestamp() * 1_000_000)
    clock = int.from_bytes(digest[:2], "big") & 0x3FF
    value = (micros << 10) | clock
    chars = []
    for _ in range(13):
        chars.append(_S32[value & 0x1F])
        value >>= 5
    return "".join(reversed(chars))
