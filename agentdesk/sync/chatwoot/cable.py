"""Live updates from Chatwoot: its ActionCable websocket, used as a doorbell for the sync engine.

An event only says "something changed in this account"; the engine then fetches the changes with
its incremental cursor, as a poll would. Push payloads are never stored: a missed, reordered or
partial event cannot corrupt anything, it can only make an update wait for the next poll.

What this relies on (Chatwoot's open-source server and dashboard, see the contract README,
"Real-time"):

* ``app/channels/room_channel.rb``: ``RoomChannel`` streams from the ``pubsub_token`` given in the
  subscription's identifier, finds the user by ``pubsub_token`` *and* ``user_id``, and the account
  among that user's accounts by ``account_id``. The stream is the user's, so events of the user's
  other accounts arrive too: each carries ``data.account_id``, which is checked, as the dashboard's
  ``isAValidEvent`` does.
* ``app/javascript/shared/helpers/BaseActionCableConnector.js``: the dashboard subscribes with
  ``{channel: "RoomChannel", pubsub_token, account_id, user_id}`` (numbers for the ids) at
  ``<websocket host>/cable``; ``@rails/actioncable`` sends the identifier as that object's JSON.
* The ActionCable wire protocol (Rails ``actioncable``, sub-protocol ``actioncable-v1-json``): the
  server says ``welcome``, pings every 3 s (``{"type": "ping"}``), answers a ``subscribe`` command
  with ``confirm_subscription`` or ``reject_subscription``, may send ``disconnect`` (with
  ``reconnect``), and broadcasts ``{"identifier", "message": {"event", "data"}}``. The JS client
  counts a connection as stale after 6 s without a ping (two missed); so do we.
* ``RoomChannel#update_presence`` (the dashboard sends ``{"action": "update_presence"}`` every 20 s)
  keeps the user online in ``OnlineStatusTracker`` for 20 s: without it colleagues and the team
  lead would see an agent working in AgentDesk as offline. Subscribing counts as the first one.
* A ``RoomChannel`` whose token or user does not match raises in ``subscribed`` rather than
  rejecting, so a real server may answer with silence: no confirmation within
  ``CONFIRM_TIMEOUT`` counts as refused.

The ``pubsub_token`` is a secret: it is read from the profile before each connection, kept only
in memory, never logged, and it travels only inside the subscribe frame (not in the URL). The
websocket library logs frames at DEBUG, so its logger here is held at INFO.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import ssl
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import httpx
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import InvalidStatus, WebSocketException
from websockets.typing import Subprotocol

from agentdesk.core.backoff import backoff_delay

Wake = Callable[[], None]  # "fetch changes now"
Live = Callable[[bool], None]  # whether pushes arrive

log = logging.getLogger(__name__)
#: The websocket library's own logger: at DEBUG it would print every frame, the subscription too.
_WIRE_LOG = logging.getLogger(f"{__name__}.wire")
_WIRE_LOG.setLevel(logging.INFO)

SUBPROTOCOLS = (Subprotocol("actioncable-v1-json"), Subprotocol("actioncable-unsupported"))
PING_EVERY = 3.0  # ActionCable's heartbeat
STALE_AFTER = 2 * PING_EVERY  # two missed pings: reconnect
CONFIRM_TIMEOUT = 10.0  # a subscription neither confirmed nor rejected by then is refused
RETRY = (2.0, 60.0)  # first and longest wait (s) before reconnecting after a drop, doubling between
REFUSED = (15.0, 300.0)  # the same when the server has no /cable or refuses us: polling carries on
#: Chatwoot counts an agent as online for 20 s after each ``update_presence`` (``OnlineStatusTracker``),
#: and its dashboard sends one every 20 s; so does AgentDesk, so colleagues see the agent online.
PRESENCE_EVERY = 20.0
PRESENCE = json.dumps({"action": "update_presence"}, separators=(",", ":"))

#: Events after which the account's conversations or messages may differ: each wakes the engine.
#: Typing, presence and notifications change nothing the desk stores.
WAKE_EVENTS = frozenset(
    {
        "message.created",
        "message.updated",
        "conversation.created",
        "conversation.updated",
        "conversation.status_changed",
        "conversation.read",
        "conversation.contact_changed",
        "assignee.changed",
        "team.changed",
    }
)


@dataclass(frozen=True, slots=True)
class CableIdentity:
    """Who subscribes: from ``/api/v1/profile`` (``id`` and ``pubsub_token``) and the account."""

    account_id: int
    user_id: int
    pubsub_token: str = field(repr=False)  # a secret: kept out of every repr, log and traceback

    def identifier(self) -> str:
        """The subscription's identifier, as the dashboard's ``subscriptions.create`` sends it."""
        return json.dumps(
            {
                "channel": "RoomChannel",
                "pubsub_token": self.pubsub_token,
                "account_id": self.account_id,
                "user_id": self.user_id,
            },
            separators=(",", ":"),
        )


def identity_from_profile(profile: Any, account_id: int) -> CableIdentity | None:
    """The subscription identity from a profile answer; None when it has no ``pubsub_token``."""
    if not isinstance(profile, dict):
        return None
    token, user_id = profile.get("pubsub_token"), profile.get("id")
    if not isinstance(token, str) or not token or not isinstance(user_id, int):
        return None
    return CableIdentity(account_id, user_id, token)


def cable_url(base_url: str) -> str:
    """``wss://host/cable`` for an https server; ``ws://`` only for a plain-http one (a loopback test)."""
    parts = urlsplit(base_url.rstrip("/"))
    scheme = {"https": "wss", "http": "ws"}.get(parts.scheme)
    if scheme is None or not parts.netloc:
        raise ValueError(f"not a server address: {base_url!r}")
    return f"{scheme}://{parts.netloc}{parts.path}/cable"


class CableRefused(Exception):
    """The server has no cable endpoint, refused the subscription, or told us not to come back."""


class _Stale(Exception):
    """No ping within ``stale_after``: the connection is dead even if the socket looks open."""


class CableListener:
    """Keeps one ``RoomChannel`` subscription open; runs until cancelled.

    ``on_event(name)`` is called for each event of this account in ``WAKE_EVENTS``; ``on_live(True)``
    when the subscription is confirmed, ``on_live(False)`` at start and whenever it is lost. A
    lost connection is reopened with jittered exponential backoff (a fresh identity each time).
    Errors of ``identity`` (the profile could not be read) end ``run``: the caller retries.
    """

    def __init__(
        self,
        url: str,
        identity: Callable[[], Awaitable[CableIdentity | None]],
        *,
        on_event: Callable[[str], None],
        on_live: Live,
        stale_after: float = STALE_AFTER,
        confirm_timeout: float = CONFIRM_TIMEOUT,
        presence_every: float = PRESENCE_EVERY,
        jitter: Callable[[], float] = random.random,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        self.url = url
        self._identity = identity
        self._on_event, self._on_live = on_event, on_live
        self.stale_after, self.confirm_timeout = stale_after, confirm_timeout
        self.presence_every = presence_every
        self._jitter = jitter
        # The same trust store as the REST calls (httpx's), always verifying; unused for ws://.
        self._ssl = ssl_context if ssl_context is not None or url.startswith("ws://") else httpx.create_ssl_context()
        self.live = False

    async def run(self) -> None:
        self._on_live(False)
        failures = 0
        while True:
            base, cap = RETRY
            try:
                await self._session()
            except CableRefused as exc:
                base, cap = REFUSED
                log.info("live updates from %s unavailable: %s", self.url, exc)
            except _Stale as exc:
                log.info("live updates from %s stalled (%s); reconnecting", self.url, exc)
            except (OSError, TimeoutError, WebSocketException, ValueError) as exc:
                log.info("live updates from %s lost: %s", self.url, exc)
            finally:
                if self.live:
                    failures = 0  # it worked: try again soon
                self._set_live(False)
            failures += 1
            await asyncio.sleep(backoff_delay(failures, self._jitter(), base, cap).total_seconds())

    async def _session(self) -> None:
        identity = await self._identity()
        if identity is None:
            raise CableRefused("the profile has no pubsub token")
        try:
            async with connect(
                self.url,
                subprotocols=list(SUBPROTOCOLS),
                ssl=self._ssl,
                ping_interval=None,  # ActionCable's own pings tell whether the line is alive
                open_timeout=self.confirm_timeout,
                close_timeout=2,
                logger=_WIRE_LOG,
            ) as socket:
                await self._converse(socket, identity)
        except InvalidStatus as exc:
            raise CableRefused(f"the server answered {exc.response.status_code} at /cable") from None

    async def _converse(self, socket: ClientConnection, identity: CableIdentity) -> None:
        """Read until the connection ends: subscribe after the welcome, pass events on, and say
        every ``presence_every`` seconds that the agent is here."""
        loop = asyncio.get_running_loop()
        confirm_by = loop.time() + self.confirm_timeout
        identifier = identity.identifier()
        heard = loop.time()
        presence_at: float | None = None  # when to say "still here" next; None until subscribed
        while True:
            if presence_at is not None and loop.time() >= presence_at:
                await socket.send(json.dumps({"command": "message", "identifier": identifier, "data": PRESENCE}))
                presence_at = loop.time() + self.presence_every
            stale_at = heard + self.stale_after
            confirming = not self.live and confirm_by < stale_at
            give_up = confirm_by if confirming else stale_at
            try:
                async with asyncio.timeout(max(0.0, min(give_up, presence_at or give_up) - loop.time())):
                    raw = await socket.recv()
            except TimeoutError:
                if loop.time() < give_up:
                    continue  # time to say we are here
                if confirming:
                    raise CableRefused("the subscription was not confirmed") from None
                raise _Stale(f"no ping for {self.stale_after:g} s") from None
            heard = loop.time()
            frame = json.loads(raw)
            if not isinstance(frame, dict):
                continue
            match frame.get("type"):
                case "welcome":
                    await socket.send(json.dumps({"command": "subscribe", "identifier": identifier}))
                case "ping":
                    pass  # receiving it was the point
                case "confirm_subscription" if frame.get("identifier") == identifier:
                    self._set_live(True)
                    presence_at = loop.time() + self.presence_every  # subscribing counted as presence
                case "reject_subscription" if frame.get("identifier") == identifier:
                    raise CableRefused("the server refused the subscription")
                case "disconnect":
                    reason = str(frame.get("reason") or "no reason given")
                    if frame.get("reconnect") is False:
                        raise CableRefused(f"the server closed the connection ({reason})")
                    return
                case None if frame.get("identifier") == identifier:
                    self._received(frame.get("message"), identity.account_id)

    def _received(self, message: Any, account_id: int) -> None:
        if not isinstance(message, dict):
            return
        event, data = message.get("event"), message.get("data")
        if event not in WAKE_EVENTS:
            return
        if isinstance(data, dict) and data.get("account_id") not in (None, account_id):
            return  # the user's other account
        self._on_event(str(event))

    def _set_live(self, live: bool) -> None:
        if live != self.live:
            self.live = live
            self._on_live(live)
