"""Warranty, refund, contract and legal wording in a public reply: per the guidelines, go private."""

from __future__ import annotations

from collections.abc import Iterator

from agentdesk.core.channels import Audience
from agentdesk.core.checks.context import CheckContext
from agentdesk.core.checks.finding import FIX_ANSWER_PRIVATELY
from agentdesk.core.checks.messages import message
from agentdesk.core.length import audiences


def find(ctx: CheckContext) -> Iterator[tuple[int, int, str, str | None]]:
    pattern = ctx.guidelines.promise_terms
    if ctx.audience is not Audience.PUBLIC or pattern is None:
        return
    fix = FIX_ANSWER_PRIVATELY if Audience.PRIVATE in audiences(ctx.channel) else None
    for match in pattern.finditer(ctx.text):
        yield match.start(), match.end(), message("promise", ctx.language, text=match.group()), fix
