"""The agent API the test server answers: routing, authentication and one handler per endpoint.

Handlers take the parsed request and return ``(status, body)``; the HTTP layer around them does
the wire work (faults, contract checks). Errors use the real server's shapes (README: "Errors").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tests.servers.chatwoot import views
from tests.servers.chatwoot.state import Conversation, ServerState, User

PAGE_SIZE = 25
CONTACTS_PAGE_SIZE = 15
MAX_CONTENT = 150_000


@dataclass
class ApiRequest:
    method: str
    path: str
    query: dict[str, list[str]]
    body: Any
    token: str

    def arg(self, name: str, default: str = "") -> str:
        return self.query.get(name, [default])[0]


class ApiError(Exception):
    def __init__(self, status: int, body: dict[str, Any]) -> None:
        super().__init__(status, body)
        self.status, self.body = status, body


def _not_found() -> ApiError:
    return ApiError(404, {"error": "Resource could not be found"})


Handler = Callable[["ChatwootApi", ApiRequest, User, int, int], tuple[int, Any]]
_ROUTES: list[tuple[str, re.Pattern[str], Handler]] = []


def route(method: str, pattern: str) -> Callable[[Handler], Handler]:
    """Register a handler for ``/api/v1/accounts/{account}`` + pattern (``{conv}`` = a display id)."""
    regex = re.compile(r"/api/v1/accounts/(\d+)" + pattern.replace("{conv}", r"(\d+)") + "$")

    def register(handler: Handler) -> Handler:
        _ROUTES.append((method, regex, handler))
        return handler

    return register


class ChatwootApi:
    """Dispatches one request against the shared state, under its lock."""

    def __init__(self, state: ServerState) -> None:
        self.state = state

    def handle(self, request: ApiRequest) -> tuple[int, Any]:
        with self.state.lock:
            try:
                return self._dispatch(request)
            except ApiError as exc:
                return exc.status, exc.body

    def _dispatch(self, request: ApiRequest) -> tuple[int, Any]:
        user = next((u for u in self.state.users.values() if u.token == request.token), None)
        if user is None:
            raise ApiError(401, {"error": "Invalid Access Token"})
        if request.method == "GET" and request.path == "/api/v1/profile":
            return 200, views.user_view(self.state, user, with_secrets=True)
        for method, regex, handler in _ROUTES:
            match = regex.match(request.path)
            if match and method == request.method:
                account_id = int(match.group(1))
                if account_id not in self.state.account_names:
                    raise _not_found()
                if account_id not in user.account_ids:
                    raise ApiError(403, {"error": "You are not authorized to access this account"})
                conv = int(match.group(2)) if regex.groups > 1 else 0
                return handler(self, request, user, account_id, conv)
        raise _not_found()

    def listed(self, req: ApiRequest, user: User, account_id: int) -> tuple[dict[str, int], list[Conversation]]:
        """The queue counts and every conversation a list request selects, latest activity first
        (all pages: the handler cuts out the one asked for)."""
        status = req.arg("status", "open")
        inbox_id, team_id = req.arg("inbox_id"), req.arg("team_id")
        wanted_labels = set(req.query.get("labels", []) + req.query.get("labels[]", []))
        rows = [
            c
            for c in self.state.conversations.values()
            if c.account_id == account_id
            and (status == "all" or c.status == status)
            and (not inbox_id or c.inbox_id == int(inbox_id))
            and (not team_id or c.team_id == int(team_id))
            and wanted_labels <= set(c.labels)
        ]
        counts = {
            "mine_count": sum(c.assignee_id == user.id for c in rows),
            "assigned_count": sum(c.assignee_id is not None for c in rows),
            "unassigned_count": sum(c.assignee_id is None for c in rows),
            "all_count": len(rows),
        }
        keep: dict[str, Callable[[Conversation], bool]] = {
            "me": lambda c: c.assignee_id == user.id,
            "unassigned": lambda c: c.assignee_id is None,
            "assigned": lambda c: c.assignee_id is not None,
            "all": lambda c: True,
        }
        chosen = filter(keep[req.arg("assignee_type", "all")], rows)
        return counts, sorted(chosen, key=lambda c: (c.last_activity_at, c.display_id), reverse=True)

    def conversation(self, account_id: int, display_id: int) -> Conversation:
        conversation = self.state.conversations.get((account_id, display_id))
        if conversation is None:
            raise _not_found()
        return conversation


# -- reference data ----------------------------------------------------------------------------------
@route("GET", "/inboxes")
def _inboxes(api: ChatwootApi, req: ApiRequest, user: User, account_id: int, _: int) -> tuple[int, Any]:
    inboxes = [i for i in api.state.inboxes.values() if i.account_id == account_id]
    return 200, {
        "payload": [
            {
                "id": i.id,
                "name": i.name,
                "channel_type": i.channel_type,
                "avatar_url": "",
                "enable_auto_assignment": True,
                **({"medium": i.medium} if i.medium else {}),
            }
            for i in inboxes
        ]
    }


@route("GET", "/agents")
def _agents(api: ChatwootApi, req: ApiRequest, user: User, account_id: int, _: int) -> tuple[int, Any]:
    return 200, [views.agent_view(u, account_id) for u in api.state.users.values() if account_id in u.account_ids]


@route("GET", "/teams")
def _teams(api: ChatwootApi, req: ApiRequest, user: User, account_id: int, _: int) -> tuple[int, Any]:
    return 200, [views.team_view(t, user) for t in api.state.teams.values() if t.account_id == account_id]


@route("GET", "/teams/{conv}/team_members")
def _team_members(api: ChatwootApi, req: ApiRequest, user: User, account_id: int, team_id: int) -> tuple[int, Any]:
    team = api.state.teams.get(team_id)
    if team is None or team.account_id != account_id:
        raise _not_found()
    return 200, [views.agent_view(api.state.users[i], account_id) for i in team.member_ids]


@route("GET", "/inbox_members/{conv}")
def _inbox_members(api: ChatwootApi, req: ApiRequest, user: User, account_id: int, inbox_id: int) -> tuple[int, Any]:
    inbox = api.state.inboxes.get(inbox_id)
    if inbox is None or inbox.account_id != account_id:
        raise _not_found()
    return 200, {"payload": [views.agent_view(api.state.users[i], account_id) for i in inbox.member_ids]}


@route("GET", "/canned_responses")
def _canned(api: ChatwootApi, req: ApiRequest, user: User, account_id: int, _: int) -> tuple[int, Any]:
    return 200, views.canned_view(api.state, account_id)


@route("GET", "/contacts")
def _contacts(api: ChatwootApi, req: ApiRequest, user: User, account_id: int, _: int) -> tuple[int, Any]:
    contacts = sorted((c for c in api.state.contacts.values() if c.account_id == account_id), key=lambda c: c.id)
    page = int(req.arg("page", "1"))
    chunk = contacts[(page - 1) * CONTACTS_PAGE_SIZE : page * CONTACTS_PAGE_SIZE]
    return 200, {
        "meta": {"count": len(contacts), "current_page": str(page)},
        "payload": [views.contact_view(c) for c in chunk],
    }


# -- conversations -----------------------------------------------------------------------------------
@route("GET", "/conversations")
def _conversations(api: ChatwootApi, req: ApiRequest, user: User, account_id: int, _: int) -> tuple[int, Any]:
    counts, rows = api.listed(req, user, account_id)
    page = int(req.arg("page", "1"))
    chunk = rows[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    return 200, {"data": {"meta": counts, "payload": [views.conversation_view(api.state, c) for c in chunk]}}


@route("GET", "/conversations/{conv}")
def _conversation(api: ChatwootApi, req: ApiRequest, user: User, account_id: int, conv: int) -> tuple[int, Any]:
    return 200, views.conversation_view(api.state, api.conversation(account_id, conv))


@route("POST", "/conversations/{conv}/toggle_status")
def _toggle_status(api: ChatwootApi, req: ApiRequest, user: User, account_id: int, conv: int) -> tuple[int, Any]:
    conversation = api.conversation(account_id, conv)
    snoozed_until = req.body.get("snoozed_until")
    api.state.toggle_status(conversation, req.body["status"], int(snoozed_until) if snoozed_until else None, user)
    return 200, {
        "meta": {},
        "payload": {"success": True, "current_status": conversation.status, "conversation_id": conversation.display_id},
    }


@route("POST", "/conversations/{conv}/toggle_priority")
def _toggle_priority(api: ChatwootApi, req: ApiRequest, user: User, account_id: int, conv: int) -> tuple[int, Any]:
    """The spec documents no answer body for this one, and the server sends none (``head :ok``)."""
    api.state.set_priority(api.conversation(account_id, conv), req.body["priority"], user)
    return 200, b""


@route("POST", "/conversations/{conv}/assignments")
def _assign(api: ChatwootApi, req: ApiRequest, user: User, account_id: int, conv: int) -> tuple[int, Any]:
    conversation = api.conversation(account_id, conv)
    for key, pool in (("assignee_id", api.state.users), ("team_id", api.state.teams)):
        if req.body.get(key) is not None and int(req.body[key]) not in pool:
            raise _not_found()
    assigned = api.state.assign(
        conversation, {k: (int(v) if v is not None else None) for k, v in req.body.items()}, user
    )
    if assigned is None:
        return 200, None
    if assigned["kind"] == "user":
        return 200, views.agent_view(api.state.users[assigned["id"]], account_id)
    return 200, views.team_view(api.state.teams[assigned["id"]], user)


@route("GET", "/conversations/{conv}/labels")
def _labels(api: ChatwootApi, req: ApiRequest, user: User, account_id: int, conv: int) -> tuple[int, Any]:
    return 200, {"payload": api.conversation(account_id, conv).labels}


@route("POST", "/conversations/{conv}/labels")
def _set_labels(api: ChatwootApi, req: ApiRequest, user: User, account_id: int, conv: int) -> tuple[int, Any]:
    conversation = api.conversation(account_id, conv)
    api.state.set_labels(conversation, req.body["labels"], user)
    return 200, {"payload": conversation.labels}


# -- messages ----------------------------------------------------------------------------------------
@route("GET", "/conversations/{conv}/messages")
def _messages(api: ChatwootApi, req: ApiRequest, user: User, account_id: int, conv: int) -> tuple[int, Any]:
    conversation = api.conversation(account_id, conv)
    before, after = req.arg("before"), req.arg("after")
    page = api.state.messages_page(conversation, int(before) if before else None, int(after) if after else None)
    contact = api.state.contacts[conversation.contact_id]
    meta: dict[str, Any] = {
        "labels": conversation.labels,
        "additional_attributes": conversation.additional_attributes,
        "contact": views.contact_view(contact),
    }
    if conversation.assignee_id is not None:
        meta["assignee"] = views.agent_view(api.state.users[conversation.assignee_id], account_id)
    return 200, {"meta": meta, "payload": [views.message_view(api.state, m, account_id) for m in page]}


@route("POST", "/conversations/{conv}/messages")
def _post_message(api: ChatwootApi, req: ApiRequest, user: User, account_id: int, conv: int) -> tuple[int, Any]:
    conversation = api.conversation(account_id, conv)
    body = req.body
    if (
        body.get("message_type", "outgoing") == "incoming"
        and api.state.inboxes[conversation.inbox_id].channel_type != "Channel::Api"
    ):
        raise ApiError(422, {"error": "Incoming messages are only allowed in Api inboxes"})
    if len(body["content"]) > MAX_CONTENT:
        raise ApiError(
            422,
            {"message": f"Content is too long (maximum is {MAX_CONTENT} characters)", "attributes": ["content"]},
        )
    message = api.state.post_message(
        conversation,
        body["content"],
        1,
        sender=("user", user.id),
        private=bool(body.get("private", False)),
        content_attributes=body.get("content_attributes"),
    )
    if not message.private:
        conversation.unread_count = 0
    return 200, views.message_view(api.state, message, account_id)
