"""What every check is given: the draft and the facts about where it goes."""

from __future__ import annotations

from dataclasses import dataclass

from agentdesk.core.channels import Audience, Channel
from agentdesk.core.checks.guidelines import Guidelines
from agentdesk.core.checks.messages import Language


@dataclass(frozen=True, slots=True)
class CheckContext:
    text: str
    channel: Channel
    audience: Audience
    guidelines: Guidelines
    language: Language
    form_of_address: str | None
    known_names: frozenset[str]
