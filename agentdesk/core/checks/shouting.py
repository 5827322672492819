"""Shouting: words in capitals that are not acronyms or names, and runs of "!" or "?"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from agentdesk.core.checks.context import CheckContext
from agentdesk.core.checks.finding import FIX_LOWERCASE, FIX_SINGLE_MARK
from agentdesk.core.checks.messages import message

# A whole word of letters; the lookahead skips words with a common lowercase letter early (they
# cannot be in capitals), so only a handful of words reach the Python checks below.
_CAPITALS_CANDIDATE = re.compile(r"(?<![\w@#/.])(?![^\W\d_]*[a-zäöüß])[^\W\d_]+(?![\w@/])")
_LINK = re.compile(r"\S+://\S+|www\.\S+")


def find(ctx: CheckContext) -> Iterator[tuple[int, int, str, str | None]]:
    rules = ctx.guidelines
    names = {name.upper() for name in ctx.known_names}
    links: list[tuple[int, int]] | None = None
    for match in _CAPITALS_CANDIDATE.finditer(ctx.text):
        word = match.group()
        if len(word) < rules.shouting_min_letters or not word.isupper() or word in rules.acronyms or word in names:
            continue
        links = [m.span() for m in _LINK.finditer(ctx.text)] if links is None else links
        if not any(s <= match.start() < e for s, e in links):
            yield match.start(), match.end(), message("shouting-capitals", ctx.language, text=word), FIX_LOWERCASE
    marks = re.compile(rf"[!?]{{{rules.shouting_max_marks + 1},}}")
    for match in marks.finditer(ctx.text):
        yield match.start(), match.end(), message("shouting-marks", ctx.language, text=match.group()), FIX_SINGLE_MARK
