"""Pre-send checks: the findings shown under the editor and reported by ``agentdesk check``.

Each check is a small module yielding ``(start, end, message, fix)``; the guidelines decide its
severity (or switch it off). Spelling is not here: it is slow and runs off the typing path
(see ``agentdesk.core.spelling``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from agentdesk.core.channels import CHANNEL_NAMES, Audience, Channel
from agentdesk.core.checks import form_of_address, personal_data, placeholders, promises, shouting
from agentdesk.core.checks.context import CheckContext
from agentdesk.core.checks.finding import BLOCKING, FIX_SPLIT_THREAD, WARNING, Finding, Severity
from agentdesk.core.checks.guidelines import Guidelines, GuidelinesError, guidelines_or_default, parse_guidelines
from agentdesk.core.checks.messages import UNIT_NAMES, Language, message
from agentdesk.core.length import ChannelRules, Measure, measure
from agentdesk.core.split import THREAD_CHANNELS

__all__ = [
    "BLOCKING",
    "WARNING",
    "Finding",
    "Guidelines",
    "GuidelinesError",
    "Severity",
    "guidelines_or_default",
    "is_blocked",
    "parse_guidelines",
    "run_checks",
]

_CHECKS: tuple[tuple[str, Callable[[CheckContext], Iterator[tuple[int, int, str, str | None]]]], ...] = (
    ("placeholder", placeholders.find),
    ("personal-data", personal_data.find),
    ("promise", promises.find),
    ("form-of-address", form_of_address.find),
    ("shouting", shouting.find),
)


def run_checks(
    text: str,
    *,
    channel: Channel,
    audience: Audience,
    guidelines: Guidelines,
    form_of_address: str | None = None,
    known_names: frozenset[str] = frozenset(),
    language: Language = "en",
    rules: ChannelRules | None = None,
    length: Measure | None = None,
) -> list[Finding]:
    """All findings for the draft, in text order (pass ``length`` if the caller measured already)."""
    ctx = CheckContext(text, channel, audience, guidelines, language, form_of_address, known_names)
    findings: list[Finding] = []
    for code, check in _CHECKS:
        severity = guidelines.severities.get(code)
        if severity is not None:
            findings.extend(Finding(code, severity, s, e, m, fix) for s, e, m, fix in check(ctx))
    severity = guidelines.severities.get("over-limit")
    if severity is not None:
        length = length or measure(text, channel, audience, rules=rules)
        findings.extend(_over_limit(length, severity, language))
    return sorted(findings, key=lambda f: (f.start, f.end, f.code))


def _over_limit(length: Measure, severity: Severity, language: Language) -> list[Finding]:
    if not length.over:
        return []
    start, end = length.over[0]
    text = message(
        "over-limit",
        language,
        channel=CHANNEL_NAMES[length.channel],
        length=length.length,
        limit=length.limit,
        unit=UNIT_NAMES[length.unit][language],
    )
    fix = FIX_SPLIT_THREAD if length.channel in THREAD_CHANNELS and length.audience is Audience.PUBLIC else None
    return [Finding("over-limit", severity, start, end, text, fix)]


def is_blocked(findings: list[Finding]) -> bool:
    """True when Send must stay disabled."""
    return any(f.severity == BLOCKING for f in findings)
