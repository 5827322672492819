"""Pure request builders: what to ask Chatwoot for, as data, so tests can read it without a network.

Paths follow ``application_swagger.json``; ``before``/``after`` on messages are the server's
documented-in-README paging, and outbox commands carry the idempotency key in the message's
``content_attributes`` (the spec allows any object there; ``echo_id`` is not stored).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any
from urllib.parse import quote

from agentdesk.core.commands import Command, CommandKind
from agentdesk.sync.chatwoot.http_errors import Scope
from agentdesk.sync.chatwoot.parsing import KEY_ATTRIBUTE
from agentdesk.sync.errors import Rejected
from agentdesk.sync.words import _

CHATWOOT_STATUSES = ("open", "pending", "resolved", "snoozed")
QUEUES = ("me", "unassigned", "all", "assigned")


@dataclass(frozen=True, slots=True)
class ApiCall:
    method: str
    path: str  # absolute, from the server root
    params: dict[str, str | int] = field(default_factory=dict)
    json: Any = None
    scope: Scope = Scope.ACCOUNT


class Endpoints:
    """Request builders for one account."""

    def __init__(self, account_id: int) -> None:
        self.account_id = account_id
        self.root = f"/api/v1/accounts/{account_id}"

    @staticmethod
    def profile() -> ApiCall:
        return ApiCall("GET", "/api/v1/profile")

    def inboxes(self) -> ApiCall:
        return ApiCall("GET", f"{self.root}/inboxes")

    def agents(self) -> ApiCall:
        return ApiCall("GET", f"{self.root}/agents")

    def teams(self) -> ApiCall:
        return ApiCall("GET", f"{self.root}/teams")

    def team_members(self, team_id: int) -> ApiCall:
        return ApiCall("GET", f"{self.root}/teams/{team_id}/team_members")

    def inbox_members(self, inbox_id: int) -> ApiCall:
        return ApiCall("GET", f"{self.root}/inbox_members/{inbox_id}")

    def canned_responses(self) -> ApiCall:
        return ApiCall("GET", f"{self.root}/canned_responses")

    def contacts(self, page: int) -> ApiCall:
        return ApiCall("GET", f"{self.root}/contacts", {"page": page})

    def conversations(self, queue: str = "all", status: str = "all", page: int = 1) -> ApiCall:
        """One page (25) of a queue, newest activity first: ``queue`` is me/unassigned/all/assigned."""
        if queue not in QUEUES or status not in ("all", *CHATWOOT_STATUSES):
            raise ValueError(f"unknown queue {queue!r} or status {status!r}")
        return ApiCall("GET", f"{self.root}/conversations", {"assignee_type": queue, "status": status, "page": page})

    def messages(self, conversation: str, before: int | None = None, *, after: int | None = None) -> ApiCall:
        """The latest 20 messages, the 20 before a message id, or up to 100 after one; oldest first."""
        params: dict[str, str | int] = {"before": before} if before is not None else {}
        if after is not None:
            params["after"] = after
        return ApiCall("GET", f"{self.root}/conversations/{conversation}/messages", params, scope=Scope.CONVERSATION)

    def command_calls(self, command: Command) -> list[ApiCall]:
        """The requests that carry out one outbox command, in order; Rejected if it cannot be done."""
        conv = f"{self.root}/conversations/{command.conversation_source_id}"
        payload = command.payload
        match command.kind:
            case CommandKind.REPLY | CommandKind.NOTE:
                return [self._message(conv, command, private=command.kind is CommandKind.NOTE)]
            case CommandKind.ASSIGN:
                calls = [self._assign(conv, "team_id", payload["team_id"])] if payload.get("team_id") else []
                if payload.get("agent_id"):  # after the team: the server lets an agent win over a team
                    calls.append(self._assign(conv, "assignee_id", payload["agent_id"]))
                if not calls:
                    raise Rejected(_("Choose an agent or a team to assign."))
                return calls
            case CommandKind.UNASSIGN:
                key = "team_id" if payload.get("target") == "team" else "assignee_id"
                return [self._assign(conv, key, None)]
            case CommandKind.SET_STATUS:
                return [
                    ApiCall("POST", f"{conv}/toggle_status", json=self._status_body(payload), scope=Scope.CONVERSATION)
                ]
            case CommandKind.LABELS:
                labels = [label.strip() for label in payload.get("labels", "").split(",") if label.strip()]
                return [ApiCall("POST", f"{conv}/labels", json={"labels": labels}, scope=Scope.CONVERSATION)]
            case CommandKind.ESCALATE:  # setting states first: running them twice is harmless
                if payload.get("agent_id"):
                    calls = [self._assign(conv, "assignee_id", payload["agent_id"])]
                elif payload.get("team_id"):
                    calls = [self._assign(conv, "team_id", payload["team_id"])]
                else:
                    raise Rejected(_("Choose the team or the person to escalate to."))
                if payload.get("priority"):
                    body = {"priority": payload["priority"]}
                    calls.append(ApiCall("POST", f"{conv}/toggle_priority", json=body, scope=Scope.CONVERSATION))
                if payload.get("text"):  # last: finding this note proves the whole escalation ran
                    calls.append(self._message(conv, _mentioning(command), private=True))
                return calls
        raise Rejected(_("Chatwoot cannot do {command}.").format(command=command.kind))

    @staticmethod
    def _message(conv: str, command: Command, *, private: bool) -> ApiCall:
        attributes: dict[str, Any] = {KEY_ATTRIBUTE: command.idempotency_key}
        if command.payload.get("in_reply_to"):
            attributes["in_reply_to"] = int(command.payload["in_reply_to"])
        body = {
            "content": command.payload.get("text", ""),
            "message_type": "outgoing",
            "private": private,
            "content_type": "text",
            "content_attributes": attributes,
        }
        return ApiCall("POST", f"{conv}/messages", json=body, scope=Scope.CONVERSATION)

    @staticmethod
    def _assign(conv: str, key: str, value: str | None) -> ApiCall:
        return ApiCall(
            "POST", f"{conv}/assignments", json={key: int(value) if value else None}, scope=Scope.CONVERSATION
        )

    @staticmethod
    def _status_body(payload: dict[str, str]) -> dict[str, Any]:
        status = payload.get("status", "")
        if status not in CHATWOOT_STATUSES:
            raise Rejected(
                _("Chatwoot has no status {status!r}; it knows {known}.").format(
                    status=status, known=", ".join(CHATWOOT_STATUSES)
                )
            )
        body: dict[str, Any] = {"status": status}
        if status == "snoozed" and payload.get("snoozed_until"):
            body["snoozed_until"] = int(datetime.fromisoformat(payload["snoozed_until"]).timestamp())
        return body


def _mentioning(command: Command) -> Command:
    """An escalation to a person who is to be notified mentions them in its note: Chatwoot then
    notifies them at once (its mention syntax, as its editor writes it)."""
    payload = command.payload
    if not (payload.get("notify") and payload.get("agent_id") and payload.get("assignee")):
        return command
    name = payload["assignee"]
    mention = f"[@{name}](mention://user/{payload['agent_id']}/{quote(name)})"
    return replace(command, payload={**payload, "text": f"{mention} {payload.get('text', '')}"})
