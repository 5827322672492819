"""Mastodon tells someone about a reply only when the reply mentions them, so a reply goes out
with their handle in front unless the agent already wrote it. The connector sends that text and
the editor counts it, so both use this one rule (an instance counts ``@user@domain`` as ``@user``).
"""

from __future__ import annotations

from agentdesk.core.channels import Channel

#: Channels whose replies carry the handle of the person they answer.
MENTIONING_CHANNELS = frozenset({Channel.MASTODON})


def with_mention(text: str, handle: str) -> str:
    """``text`` as sent in reply to ``handle`` (``ada``, ``@ada`` or ``@ada@example.social``)."""
    mention = "@" + handle.lstrip("@")
    if not handle.strip("@") or mention.lower() in text.lower():
        return text
    return f"{mention} {text}"
