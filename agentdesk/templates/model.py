"""What a tone template is, once its file has been read and checked.

Templates are frozen values so the UI, the CLI and the tests can share one loaded library
without copying; the file format lives in ``template_file.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path, PurePath

from agentdesk.core.channels import Audience, Channel


class Tone(StrEnum):
    """The tones a family can offer; the order is the order of the Alt+1…6 keys."""

    FORMAL = "formal"  # German: Sie
    INFORMAL = "informal"  # German: du
    EMPATHETIC = "empathetic"
    APOLOGETIC = "apologetic"
    CONCISE = "concise"
    CHEERFUL = "cheerful"


class Origin(StrEnum):
    """Where a template came from; only the company library can be edited."""

    BUNDLED = "bundled"
    COMPANY = "company"
    CHATWOOT = "chatwoot"  # a canned response of the team's Chatwoot account


#: Form of address implied by a tone; other German tones say it in the ``address`` field.
ADDRESS_OF_TONE: dict[Tone, str] = {Tone.FORMAL: "sie", Tone.INFORMAL: "du"}

#: Channels where a reply must be short; a template's ``short`` section is used there.
TIGHT_CHANNELS: frozenset[Channel] = frozenset({Channel.X, Channel.BLUESKY, Channel.SMS})


@dataclass(frozen=True, slots=True)
class Variable:
    """A value the template needs besides the built-in ones; the agent types it if no default."""

    name: str
    description: str
    default: str | None = None


@dataclass(frozen=True, slots=True)
class Template:
    id: str
    title: str
    intent: str
    language: str
    tone: Tone
    address: str  # "sie", "du", or "" where the language has no such choice
    channels: tuple[Channel, ...]
    tags: tuple[str, ...]
    variables: tuple[Variable, ...]
    body: str
    short: str = ""
    audience: Audience | None = None  # only public replies or only private messages; None: both
    origin: Origin = Origin.BUNDLED
    path: Path | None = None

    @property
    def read_only(self) -> bool:
        return self.origin is not Origin.COMPANY

    def defaults(self) -> dict[str, str]:
        """Declared default values, by variable name."""
        return {v.name: v.default for v in self.variables if v.default is not None}


@dataclass(frozen=True, slots=True)
class LoadError:
    """A template file that was skipped, with the place to fix it."""

    path: PurePath  # a file, or chatwoot/<short code> for a canned response
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"
