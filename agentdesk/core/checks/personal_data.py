"""Personal data in a public reply: the guidelines' patterns, IBANs only with a valid checksum."""

from __future__ import annotations

from collections.abc import Iterator

from agentdesk.core.channels import CHANNEL_NAMES, Audience
from agentdesk.core.checks.context import CheckContext
from agentdesk.core.checks.finding import FIX_ANSWER_PRIVATELY
from agentdesk.core.checks.messages import KIND_NAMES, message
from agentdesk.core.length import audiences


def find(ctx: CheckContext) -> Iterator[tuple[int, int, str, str | None]]:
    if ctx.audience is not Audience.PUBLIC:
        return
    can_go_private = Audience.PRIVATE in audiences(ctx.channel)
    taken: list[tuple[int, int]] = []
    for kind, pattern in ctx.guidelines.personal_data:
        for match in pattern.finditer(ctx.text):
            start, end = match.span()
            if start == end or any(s < end and start < e for s, e in taken):
                continue
            if kind == "iban" and not iban_checksum_ok(match.group()):
                continue
            taken.append((start, end))
            name = KIND_NAMES.get(kind, {}).get(ctx.language, kind)
            if can_go_private:
                yield start, end, message("personal-data", ctx.language, kind=name), FIX_ANSWER_PRIVATELY
            else:
                channel = CHANNEL_NAMES[ctx.channel]
                yield start, end, message("personal-data-no-private", ctx.language, kind=name, channel=channel), None


def iban_checksum_ok(candidate: str) -> bool:
    """ISO 13616 mod-97 check, so an ordinary code in capitals is not taken for an IBAN."""
    iban = candidate.replace(" ", "").upper()
    if not 15 <= len(iban) <= 34 or not iban.isalnum():
        return False
    digits = "".join(str(int(ch, 36)) for ch in iban[4:] + iban[:4])
    return int(digits) % 97 == 1
