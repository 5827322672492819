"""German *Sie* and *du* mixed in one reply, or not the form chosen for this customer.

Capitalised formal forms at the start of a sentence are left out: "Sie kommen morgen" can mean
"they"; informal forms are unambiguous anywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from agentdesk.core.checks.context import CheckContext
from agentdesk.core.checks.messages import message

_WORD = re.compile(r"\w+")
_SENTENCE_END = ".!?…:"
_OPENING = "\"'„“‚‘»«([ \t\r\n"


def _sentence_initial(text: str, start: int) -> bool:
    index = start - 1
    while index >= 0 and text[index] in _OPENING:
        index -= 1
    return index < 0 or text[index] in _SENTENCE_END


def _may_find(ctx: CheckContext, chosen: str) -> bool:
    """Cheap test on the set of words: is there anything this check could report?"""
    words = set(_WORD.findall(ctx.text))
    has_formal = not ctx.guidelines.formal.isdisjoint(words)
    has_informal = not ctx.guidelines.informal.isdisjoint(map(str.lower, words))
    if chosen == "sie":
        return has_informal
    if chosen == "du":
        return has_formal
    return has_formal and has_informal


def find(ctx: CheckContext) -> Iterator[tuple[int, int, str, str | None]]:
    chosen = (ctx.form_of_address or "").lower()
    if not _may_find(ctx, chosen):
        return
    formal: list[re.Match[str]] = []
    informal: list[re.Match[str]] = []
    for match in _WORD.finditer(ctx.text):
        word = match.group()
        if word in ctx.guidelines.formal and not _sentence_initial(ctx.text, match.start()):
            formal.append(match)
        elif word.lower() in ctx.guidelines.informal:
            informal.append(match)
    if chosen in ("sie", "du"):
        wrong = informal if chosen == "sie" else formal
        form = "Sie" if chosen == "sie" else "du"
        for match in wrong:
            text = match.group()
            yield (
                match.start(),
                match.end(),
                message("form-of-address-chosen", ctx.language, text=text, form=form),
                None,
            )
        return
    if not formal or not informal:
        return
    minority = formal + informal if len(formal) == len(informal) else min(formal, informal, key=len)
    for match in sorted(minority, key=lambda m: m.start()):
        yield match.start(), match.end(), message("form-of-address-mixed", ctx.language, text=match.group()), None
