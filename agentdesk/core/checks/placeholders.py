"""Unfilled template placeholders (``{{ name }}``, ``{{ customer.first_name }}``, stray braces)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from agentdesk.core.checks.context import CheckContext
from agentdesk.core.checks.messages import message

_PLACEHOLDER = re.compile(r"\{\{[^{}\n]*\}\}|\{\{|\}\}")


def find(ctx: CheckContext) -> Iterator[tuple[int, int, str, str | None]]:
    for match in _PLACEHOLDER.finditer(ctx.text):
        yield match.start(), match.end(), message("placeholder", ctx.language, text=match.group()), None
