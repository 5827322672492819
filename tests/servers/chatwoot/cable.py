"""ActionCable at ``/cable`` for the Chatwoot test server, on the same port as the API.

The HTTP server hands over a connection whose first request is ``GET /cable`` (``asks_for_cable``
peeks, so the bytes stay for the handshake); the websocket library does the handshake and the
framing. What it speaks is what Chatwoot's server does (contract README, "Real-time"): a welcome,
a ping every ``ping_interval`` seconds, ``RoomChannel`` subscriptions confirmed only for a user
whose ``pubsub_token`` and id match and who belongs to the account (``room_channel.rb``), else
rejected; every state change is broadcast to the sessions of the account's users as
``{"identifier", "message": {"event", "data"}}``. Faults on command: ``drop()`` cuts every socket
without a close frame, ``stop_pings()`` leaves the line silent, ``disconnect()`` says goodbye.
"""

from __future__ import annotations

import contextlib
import json
import logging
import queue
import socket
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response
from websockets.protocol import OPEN
from websockets.server import ServerProtocol
from websockets.sync.server import ServerConnection

from tests.servers.chatwoot import views
from tests.servers.chatwoot.state import Conversation, Message, ServerState, User

#: The websocket library logs every frame at DEBUG, subscriptions (and their token) too: not here.
_QUIET = logging.getLogger("tests.servers.chatwoot.cable")
_QUIET.setLevel(logging.WARNING)

PATH = "/cable"
SUBPROTOCOLS = ["actioncable-v1-json", "actioncable-unsupported"]
PING_INTERVAL = 3.0  # ActionCable's heartbeat


def asks_for_cable(sock: socket.socket, wait: float = 5.0) -> bool:
    """Whether a new connection's first request is ``GET /cable`` (peeked: nothing is consumed)."""
    want = f"GET {PATH}".encode()
    deadline = time.monotonic() + wait
    head = b""
    while time.monotonic() < deadline:
        sock.settimeout(max(0.01, deadline - time.monotonic()))
        try:
            head = sock.recv(len(want) + 1, socket.MSG_PEEK)
        except OSError:  # a timeout too
            return False
        finally:
            sock.settimeout(None)
        if not head or len(head) > len(want) or not want.startswith(head):
            break
        time.sleep(0.001)  # part of the request line is in: wait for the rest
    return head[: len(want)] == want and head[len(want) :] in (b" ", b"?")


PRESENCE_DURATION = 20.0  # OnlineStatusTracker::PRESENCE_DURATION


class _NotShuttingDown:
    """What a ``ServerConnection`` asks its server: only whether it is shutting down (never here)."""

    socket_closed = threading.Event()


@dataclass(eq=False)
class _Session:
    connection: ServerConnection
    outbox: queue.Queue[str | None] = field(default_factory=queue.Queue)
    identifier: str = ""  # the confirmed subscription, "" before
    user: User | None = None


class CableServer:
    """The sessions, the broadcasts, and the faults; ``serve`` runs in the HTTP server's thread."""

    def __init__(self, state: ServerState, *, ping_interval: float = PING_INTERVAL) -> None:
        self.state = state
        self.enabled = True  # False: /cable answers 404, as a server without ActionCable would
        #: False: subscribe commands get no answer at all, as when Chatwoot's RoomChannel raises.
        self.answer_subscriptions = True
        self.ping_interval = ping_interval
        self.subscriptions = 0  # subscribe commands confirmed so far
        self.rejections = 0
        #: When each user last said "here" (subscribing or ``update_presence``), as OnlineStatusTracker keeps it.
        self.presence: dict[int, float] = {}
        self.presence_updates = 0  # update_presence messages received
        self._pinging = threading.Event()
        self._pinging.set()
        self._sessions: set[_Session] = set()
        self._listening = 0  # sessions with a subscription: read without the lock on every change
        self._lock = threading.Lock()
        state.listeners.append(self._changed)

    # -- what tests call ---------------------------------------------------------------------------
    @property
    def subscribed(self) -> int:
        """Sessions with a confirmed subscription right now."""
        return self._listening

    def online(self, user_id: int, within: float = PRESENCE_DURATION) -> bool:
        """Whether Chatwoot would count this user as online now (present within the last 20 s)."""
        seen = self.presence.get(user_id)
        return seen is not None and time.monotonic() - seen <= within

    def drop(self) -> None:
        """Cut every connection without a close frame, as a lost network would."""
        for session in self._all():
            with contextlib.suppress(OSError):
                session.connection.socket.shutdown(socket.SHUT_RDWR)

    def stop_pings(self) -> None:
        self._pinging.clear()

    def resume_pings(self) -> None:
        self._pinging.set()

    def disconnect(self, reason: str = "server_restart", *, reconnect: bool = True) -> None:
        """ActionCable's goodbye (``type: disconnect``), then the connection closes."""
        for session in self._all():
            session.outbox.put(json.dumps({"type": "disconnect", "reason": reason, "reconnect": reconnect}))
            session.outbox.put(None)

    def broadcast(self, account_id: int, event: str, data: dict[str, Any]) -> None:
        """Send an event to every subscribed session of a user who belongs to ``account_id``."""
        for session in self._all():
            if session.identifier and session.user is not None and account_id in session.user.account_ids:
                message = {"event": event, "data": {**data, "account_id": account_id}}
                session.outbox.put(json.dumps({"identifier": session.identifier, "message": message}))

    def close(self) -> None:
        self.drop()

    # -- the connection ------------------------------------------------------------------------------
    def serve(self, sock: socket.socket) -> None:
        """Handshake, then talk until the client or a fault ends it (in the HTTP server's thread)."""
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, True)
        protocol = ServerProtocol(subprotocols=SUBPROTOCOLS, logger=_QUIET)
        connection = ServerConnection(sock, protocol, _NotShuttingDown(), ping_interval=None)  # type: ignore[arg-type]
        connection.handshake(self._check_handshake, timeout=5)
        if connection.protocol.state is not OPEN:
            connection.close_socket()
            return
        session = _Session(connection)
        with self._lock:
            self._sessions.add(session)
        writer = threading.Thread(target=self._write, args=(session,), name="chatwoot-cable-writer", daemon=True)
        writer.start()
        session.outbox.put(json.dumps({"type": "welcome"}))
        try:
            for raw in connection:
                self._command(session, raw)
        except ConnectionClosed:
            pass
        finally:
            self._forget(session, drop=True)
            session.outbox.put(None)
            writer.join(timeout=5)
            connection.close_socket()

    def _check_handshake(self, connection: ServerConnection, request: Request) -> Response | None:
        if not self.enabled:
            return connection.respond(404, "Not Found\n")
        return None

    def _write(self, session: _Session) -> None:
        """The session's only sender: queued frames as they come, a ping whenever one is due."""
        next_ping = time.monotonic() + self.ping_interval
        while True:
            try:
                frame = session.outbox.get(timeout=max(0.0, next_ping - time.monotonic()))
            except queue.Empty:
                next_ping = time.monotonic() + self.ping_interval
                if not self._pinging.is_set():
                    continue
                frame = json.dumps({"type": "ping", "message": int(time.time())})
            try:
                if frame is None:
                    session.connection.close()
                    return
                session.connection.send(frame)
            except (ConnectionClosed, OSError):
                return

    def _command(self, session: _Session, raw: str | bytes) -> None:
        """ActionCable commands: ``subscribe``, ``unsubscribe``, ``message`` (``update_presence``)."""
        command = json.loads(raw)
        identifier = command.get("identifier", "")
        match command.get("command"):
            case "subscribe" if self.answer_subscriptions:
                user = self._room_user(identifier)
                if user is None:
                    self.rejections += 1
                    session.outbox.put(json.dumps({"type": "reject_subscription", "identifier": identifier}))
                    return
                with self._lock:
                    self._listening += not session.identifier
                    session.identifier, session.user = identifier, user
                    self.subscriptions += 1
                session.outbox.put(json.dumps({"type": "confirm_subscription", "identifier": identifier}))
                self.presence[user.id] = time.monotonic()  # RoomChannel#subscribed: update_subscription
            case "unsubscribe" if identifier == session.identifier:
                self._forget(session, drop=False)
            case "message" if identifier == session.identifier and session.user is not None:
                if json.loads(command.get("data") or "{}").get("action") == "update_presence":
                    self._present(session, session.user)

    def _present(self, session: _Session, user: User) -> None:
        """RoomChannel#update_presence: the user is online again, and the account's presence is
        broadcast (``presence.update`` with the users online and their availability)."""
        with self._lock:
            self.presence[user.id] = time.monotonic()
            self.presence_updates += 1
        account_id = json.loads(session.identifier).get("account_id")
        users = {str(u.id): u.availability for u in self.state.users.values() if self.online(u.id)}
        message = {"event": "presence.update", "data": {"account_id": account_id, "users": users}}
        session.outbox.put(json.dumps({"identifier": session.identifier, "message": message}))

    def _room_user(self, identifier: str) -> User | None:
        """The user ``RoomChannel`` would find: by pubsub token *and* id, member of the account."""
        try:
            params = json.loads(identifier)
        except (TypeError, ValueError):
            return None
        if not isinstance(params, dict) or params.get("channel") != "RoomChannel":
            return None
        with self.state.lock:
            user = self.state.users.get(params.get("user_id"))  # type: ignore[arg-type]
            if user is None or views.pubsub_token(user) != params.get("pubsub_token"):
                return None
            return user if params.get("account_id") in user.account_ids else None

    def _forget(self, session: _Session, *, drop: bool) -> None:
        """End the session's subscription, and with ``drop`` the session."""
        with self._lock:
            self._listening -= bool(session.identifier)
            session.identifier, session.user = "", None
            if drop:
                self._sessions.discard(session)

    def _all(self) -> list[_Session]:
        with self._lock:
            return list(self._sessions)

    # -- state changes -------------------------------------------------------------------------------
    def _changed(self, event: str, conversation: Conversation, message: Message | None) -> None:
        """Called by the state (under its lock) after each change; quiet when nobody listens."""
        if not self._listening:
            return
        if message is not None:
            data = views.message_view(self.state, message, conversation.account_id)
            data["conversation"] = {
                "assignee_id": conversation.assignee_id,
                "unread_count": conversation.unread_count,
                "last_activity_at": conversation.last_activity_at,
            }
        else:
            data = views.conversation_view(self.state, conversation)
        self.broadcast(conversation.account_id, event, data)
