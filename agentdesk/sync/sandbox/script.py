"""What a demo scenario file describes, as data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum

from agentdesk.core.channels import Audience, Channel
from agentdesk.core.entities import Status


class Sender(StrEnum):
    CUSTOMER = "customer"
    AGENT = "agent"
    NOTE = "note"


@dataclass(frozen=True, slots=True)
class ScriptCustomer:
    id: str
    name: str
    handle: str
    followers: int = 0
    form: str = ""


@dataclass(frozen=True, slots=True)
class ScriptMessage:
    at: timedelta
    sender: Sender
    author: str
    text: str


@dataclass(frozen=True, slots=True)
class ScriptAnswer:
    after: timedelta
    text: str


@dataclass(frozen=True, slots=True)
class ScriptConversation:
    id: str
    channel: Channel
    audience: Audience
    language: str
    status: Status
    assignee: str  # "me" stands for the profile's agent
    subject: str
    customer: ScriptCustomer
    messages: tuple[ScriptMessage, ...]
    answers: tuple[ScriptAnswer, ...] = ()
